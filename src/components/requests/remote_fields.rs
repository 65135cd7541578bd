use leptos::prelude::*;

use super::fields::{Field, FormCtx, Kind};
use super::service_fields::ServiceFields;
use super::tr;
use crate::i18n::*;
use crate::requests::form::Text;

/// Remote intervention: the window the customer is available in, in local time (sent in
/// UTC), and the effort if known.
#[component]
pub fn RemoteFields(form: FormCtx) -> impl IntoView {
    view! {
        <fieldset class="group">
            <legend>{tr(|l| td_string!(l, requests.form.window))}</legend>
            <p class="hint">{tr(|l| td_string!(l, requests.form.window_hint))}</p>
            <Field form t=Text::WindowFrom kind=Kind::Input("datetime-local")
                label=|l| td_string!(l, requests.form.window_from) />
            <Field form t=Text::WindowTo kind=Kind::Input("datetime-local")
                label=|l| td_string!(l, requests.form.window_to) />
        </fieldset>
        <ServiceFields form />
    }
}
