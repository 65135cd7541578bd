use support_api::requests::RequestStatus;

use crate::i18n::Locale;
use crate::labels::status_name;
use crate::markup::Markup;

/// The status in words, coloured by how far along it is (the colour is never the only
/// sign: the word is always there).
pub fn status_badge(m: &mut Markup, l: Locale, status: RequestStatus) {
    let class = format!("status-badge status-{}", status.as_str());
    m.el("span", &[("class", &class)], status_name(l, status));
}
