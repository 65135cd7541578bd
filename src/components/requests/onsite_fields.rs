use super::fields::{Kind, dates_field, field};
use super::service_fields::service_fields;
use crate::i18n::*;
use crate::markup::Markup;
use crate::requests::form::{FormState, Text};

/// On-site visit: where, which days suit, and the effort if known.
pub fn onsite_fields(m: &mut Markup, l: Locale, f: &FormState, today: &str) {
    field(
        m,
        Text::SiteAddress,
        td_string!(l, requests.form.site_address),
        Kind::TextArea,
        &f.site_address,
        None,
    );
    dates_field(m, l, &f.dates, today);
    service_fields(m, l, f);
}
