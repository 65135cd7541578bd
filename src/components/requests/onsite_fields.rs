use leptos::prelude::*;

use super::fields::{FormCtx, Kind, dates_field, text_field};
use crate::i18n::*;
use crate::requests::form::Text;

/// On-site visit: where, and which days suit.
#[component]
pub fn OnsiteFields(ctx: FormCtx, today: String) -> impl IntoView {
    view! {
        {text_field(ctx, Text::SiteAddress, |l| td_string!(l, requests.form.site_address), Kind::TextArea, None)}
        {dates_field(ctx, today)}
    }
}
