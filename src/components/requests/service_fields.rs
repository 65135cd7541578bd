use leptos::prelude::*;

use super::fields::{FormCtx, Kind, text_field};
use crate::i18n::*;
use crate::requests::form::Text;

/// The optional expected effort, in hours (the need itself is the description).
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
