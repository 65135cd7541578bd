use leptos::prelude::*;

use super::fields::{FormCtx, Kind, dates_field, text_field};
use super::service_fields::ServiceFields;
use crate::i18n::*;
use crate::requests::form::Text;

/// On-site visit: where, which days suit, and the effort if known.
#[component]
pub fn OnsiteFields(ctx: FormCtx, today: String) -> impl IntoView {
    view! {
        {text_field(ctx, Text::SiteAddress, |l| td_string!(l, requests.form.site_address), Kind::TextArea, None)}
        {dates_field(ctx, today)}
        <ServiceFields ctx />
    }
}
