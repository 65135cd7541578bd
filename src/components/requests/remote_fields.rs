use super::fields::{Kind, field};
use super::service_fields::service_fields;
use crate::i18n::*;
use crate::markup::Markup;
use crate::requests::form::{FormState, Text};

/// Remote intervention: the window the customer is available in, in local time (sent in
/// UTC), and the effort if known.
pub fn remote_fields(m: &mut Markup, l: Locale, f: &FormState) {
    m.open("fieldset", &[("class", "group")]);
    m.el("legend", &[], td_string!(l, requests.form.window));
    m.el(
        "p",
        &[("class", "hint")],
        td_string!(l, requests.form.window_hint),
    );
    for (t, label, value) in [
        (
            Text::WindowFrom,
            td_string!(l, requests.form.window_from),
            &f.window_from,
        ),
        (
            Text::WindowTo,
            td_string!(l, requests.form.window_to),
            &f.window_to,
        ),
    ] {
        field(m, t, label, Kind::Input("datetime-local"), value, None);
    }
    m.close("fieldset");
    service_fields(m, l, f);
}
