use leptos::prelude::*;

use super::fields::{FormCtx, Kind, text_field};
use crate::i18n::*;
use crate::requests::form::Text;

/// The other services: the need is the description; the expected effort is optional.
#[component]
pub fn ServiceFields(ctx: FormCtx) -> impl IntoView {
    text_field(
        ctx,
        Text::Hours,
        |l| td_string!(l, requests.form.hours),
        Kind::Input("number"),
        Some(|l| td_string!(l, requests.form.hours_hint)),
    )
}
