use leptos::prelude::*;

use super::fields::{FormCtx, Kind, text_field};
use crate::i18n::*;
use crate::requests::form::Text;

/// Remote intervention: the window the customer is available in, in local time (sent in
/// UTC).
#[component]
pub fn RemoteFields(ctx: FormCtx) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <fieldset class="group">
            <legend>{t!(i18n, requests.form.window)}</legend>
            <p class="hint">{t!(i18n, requests.form.window_hint)}</p>
            {text_field(ctx, Text::WindowFrom, |l| td_string!(l, requests.form.window_from), Kind::Input("datetime-local"), None)}
            {text_field(ctx, Text::WindowTo, |l| td_string!(l, requests.form.window_to), Kind::Input("datetime-local"), None)}
        </fieldset>
    }
}
