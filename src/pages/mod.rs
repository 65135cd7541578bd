//! One module per route.

pub mod account;
pub mod billing;
pub mod credit;
pub mod credit_statement;
pub mod new_request;
pub mod not_found;
pub mod notifications;
pub mod overview;
pub mod people;
pub mod plan;
pub mod recovery;
pub mod request_detail;
pub mod requests;
pub mod sign_in;

use crate::i18n::*;

/// "Page · Portal" for `<title>`.
pub fn page_title(locale: Locale, page: &str) -> String {
    format!("{page} · {}", td_string!(locale, app.name))
}
