use super::fields::{Kind, field};
use crate::i18n::*;
use crate::markup::Markup;
use crate::requests::form::{FormState, Text};

/// The optional expected effort, in hours (the need itself is the description).
pub fn service_fields(m: &mut Markup, l: Locale, f: &FormState) {
    field(
        m,
        Text::Hours,
        td_string!(l, requests.form.hours),
        Kind::Input("number"),
        &f.hours,
        Some(td_string!(l, requests.form.hours_hint)),
    );
}
