//! Sign-in and the signed-in user: `POST/GET/DELETE /session`.

use serde::{Deserialize, Serialize};

use crate::money::Currency;
use crate::validation::{FieldErrors, check_email, check_required};

/// The languages the portal speaks; Polish is the default.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Pl,
    Cs,
    Sk,
    En,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Sees and manages the whole company's data.
    Admin,
    /// Sees its own requests; its credit spend waits for an admin.
    Member,
}

/// Body of `POST /session`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SignIn {
    pub email: String,
    pub password: String,
    /// With two-step sign-in on: the authenticator app's code, or a recovery code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 32))]
    pub code: Option<String>,
}

impl SignIn {
    /// Checks shared by the sign-in form and the server.
    pub fn validate(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::default();
        check_email(&mut errors, "email", &self.email);
        check_required(&mut errors, "password", &self.password, 256);
        errors.into_result()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct User {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: Role,
    /// The language the user chose for their portal and mails (in their profile, or their
    /// invitation's); `None`: the company's for mails, the browser's for the portal. A
    /// browser without a language chosen in it follows this one once signed in.
    pub language: Option<Language>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CustomerSummary {
    pub id: i64,
    pub name: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub currency: Currency,
    pub language: Language,
}

/// Answer of `POST /session` and `GET /session`: who is signed in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Session {
    pub user: User,
    pub customer: CustomerSummary,
    /// Send back in `X-CSRF-Token` on every state-changing call.
    pub csrf_token: String,
    /// RFC 3339 UTC.
    pub expires_at: String,
    /// The company requires two-step sign-in and this user has not set it up: until
    /// they do, only the session and their own account answer (others 403).
    #[serde(default)]
    pub two_step_setup_required: bool,
}
