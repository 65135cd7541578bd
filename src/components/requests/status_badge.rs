use support_api::requests::RequestStatus;

use super::status_name;
use crate::i18n::Locale;

/// The status in words, coloured by how far along it is (the colour is never the only
/// sign: the word is always there).
pub fn status_html(l: Locale, status: RequestStatus) -> String {
    format!(
        "<span class=\"status-badge status-{}\">{}</span>",
        status.as_str(),
        status_name(l, status)
    )
}
