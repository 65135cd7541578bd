use leptos::prelude::*;

use super::fields::{Field, FormCtx, Kind};
use crate::i18n::*;
use crate::requests::form::Text;

/// The optional expected effort, in hours (the need itself is the description).
#[component]
pub fn ServiceFields(form: FormCtx) -> impl IntoView {
    view! {
        <Field form t=Text::Hours kind=Kind::Input("number")
            label=|l| td_string!(l, requests.form.hours)
            hint=|l| td_string!(l, requests.form.hours_hint) />
    }
}
