use leptos::prelude::*;

use super::dates_field::DatesField;
use super::fields::{Field, FormCtx, Kind};
use super::service_fields::ServiceFields;
use crate::i18n::*;
use crate::requests::form::Text;

/// On-site visit: where, which days suit, and the effort if known.
#[component]
pub fn OnsiteFields(form: FormCtx, today: String) -> impl IntoView {
    view! {
        <Field form t=Text::SiteAddress kind=Kind::TextArea
            label=|l| td_string!(l, requests.form.site_address) />
        <DatesField form min=today />
        <ServiceFields form />
    }
}
