//! One mail to one user, as an event describes it, and the user as the mail needs them.

use support_api::session::{Language, Role};

use super::kind::MailKind;

/// One mail to one user, as an event describes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Letter {
    pub kind: MailKind,
    /// users.id: address, language and preferences come from it.
    pub to_user: i64,
    /// Its number goes into the subject and `{number}`, its title into `{title}` (unless
    /// `vars` names one); the per-request mute applies to it.
    pub request_id: Option<i64>,
    /// The portal path (and query) the mail points to: "/requests/42".
    pub link: String,
    /// The texts' `{placeholders}`: ("date", "2026-12-03"), ...
    pub vars: Vec<(&'static str, String)>,
}

/// Who a mail goes to, as the outbox needs them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recipient {
    pub user_id: i64,
    pub customer_id: i64,
    pub name: String,
    pub email: String,
    pub role: Role,
    /// The user's own language, else the company's.
    pub language: Language,
    /// The company's name, for `{company}`.
    pub company: String,
    /// False for a deactivated user.
    pub active: bool,
}
