use leptos::prelude::*;

use super::fields::{FormCtx, Kind, text_field};
use super::service_fields::ServiceFields;
use super::tr;
use crate::i18n::*;
use crate::requests::form::Text;

/// Remote intervention: the window the customer is available in, in local time (sent in
/// UTC), and the effort if known.
#[component]
pub fn RemoteFields(ctx: FormCtx) -> impl IntoView {
    view! {
        <fieldset class="group">
            <legend>{tr(|l| td_string!(l, requests.form.window))}</legend>
            <p class="hint">{tr(|l| td_string!(l, requests.form.window_hint))}</p>
            {text_field(ctx, Text::WindowFrom, |l| td_string!(l, requests.form.window_from), Kind::Input("datetime-local"), None)}
            {text_field(ctx, Text::WindowTo, |l| td_string!(l, requests.form.window_to), Kind::Input("datetime-local"), None)}
        </fieldset>
        <ServiceFields ctx />
    }
}
