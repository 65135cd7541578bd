//! Every user's own account: `GET/PATCH /account`, the password, the sessions; and the
//! ways in without one: accepting an invitation, a forgotten password.

use serde::{Deserialize, Serialize};

use crate::password;
use crate::people::NAME_MAX;
use crate::session::{Language, Role};
use crate::validation::{FieldErrors, check_email, check_required, codes};

pub const PHONE_MAX: usize = 40;

/// Minutes a password-reset link stays valid.
pub const RESET_MINUTES: i64 = 60;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Account {
    pub name: String,
    pub email: String,
    pub phone: Option<String>,
    /// None: the company's language.
    pub language: Option<Language>,
    pub role: Role,
    /// Two-step sign-in is on.
    pub two_step: bool,
}

/// Body of `PATCH /account`: the whole profile.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AccountUpdate {
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 120, pattern = r"\S")
    )]
    pub name: String,
    #[cfg_attr(feature = "openapi", schema(max_length = 40))]
    pub phone: Option<String>,
    pub language: Option<Language>,
}

impl AccountUpdate {
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::default();
        check_required(&mut errors, "name", &self.name, NAME_MAX);
        if let Some(phone) = &self.phone
            && phone.chars().count() > PHONE_MAX
        {
            errors.push("phone", codes::TOO_LONG, "is too long");
        }
        errors.into_result()
    }
}

/// Body of `POST /account/password`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PasswordChange {
    pub current_password: String,
    #[cfg_attr(feature = "openapi", schema(min_length = 12, max_length = 128))]
    pub new_password: String,
}

impl PasswordChange {
    /// The length rules the form can check; the server adds the common-password list.
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::default();
        check_required(&mut errors, "current_password", &self.current_password, 256);
        password::check_length(&mut errors, "new_password", &self.new_password);
        errors.into_result()
    }
}

/// One of the user's live sessions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionInfo {
    /// Opaque and stable for the session's life; not its token.
    pub id: String,
    /// "Firefox on Windows", from the User-Agent at sign-in; none when unknown.
    pub browser: Option<String>,
    /// RFC 3339 UTC.
    pub started_at: String,
    /// RFC 3339 UTC; updated at most once a minute.
    pub last_seen_at: String,
    /// The session of this very request.
    pub current: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionList {
    pub items: Vec<SessionInfo>,
}

/// Body of `POST /password-reset`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ResetRequest {
    pub email: String,
}

impl ResetRequest {
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::default();
        check_email(&mut errors, "email", &self.email);
        errors.into_result()
    }
}

/// Body of `POST /password-reset/complete`: the mailed token and the new password.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewPassword {
    #[cfg_attr(feature = "openapi", schema(max_length = 64))]
    pub token: String,
    #[cfg_attr(feature = "openapi", schema(min_length = 12, max_length = 128))]
    pub password: String,
}

impl NewPassword {
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::default();
        check_required(&mut errors, "token", &self.token, 64);
        password::check_length(&mut errors, "password", &self.password);
        errors.into_result()
    }
}

/// Body of `POST /invitation/accept`: the mailed token, a password, and the name if the
/// invitee wants another one than the admin typed (none or blank keeps it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AcceptInvitation {
    #[cfg_attr(feature = "openapi", schema(max_length = 64))]
    pub token: String,
    #[cfg_attr(feature = "openapi", schema(max_length = 120))]
    pub name: Option<String>,
    #[cfg_attr(feature = "openapi", schema(min_length = 12, max_length = 128))]
    pub password: String,
}

impl AcceptInvitation {
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::default();
        check_required(&mut errors, "token", &self.token, 64);
        if let Some(name) = &self.name
            && name.chars().count() > NAME_MAX
        {
            errors.push("name", codes::TOO_LONG, "is too long");
        }
        password::check_length(&mut errors, "password", &self.password);
        errors.into_result()
    }
}
