//! Two-step sign-in (TOTP, RFC 6238): setting it up with a QR code or the key as text, a
//! first code to confirm, ten single-use recovery codes, and a company's requirement.

use serde::{Deserialize, Serialize};

/// Stable codes of a refused code.
pub mod codes {
    /// Not a current code (or one already used), nor an unused recovery code.
    pub const WRONG_CODE: &str = "wrong_code";
}

/// Answer of `POST /account/two-step`: the secret waiting for a first code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TwoStepSetup {
    /// Base32, to type into an authenticator app.
    pub secret: String,
    /// The `otpauth://totp/...` address the QR code holds.
    pub otpauth_uri: String,
    /// The QR code as an SVG `data:` URI.
    pub qr_code: String,
}

/// Body of `POST /account/two-step/confirm`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TwoStepCode {
    /// The first code of the new secret.
    #[cfg_attr(feature = "openapi", schema(max_length = 32))]
    pub code: String,
    /// Moving two-step sign-in that is already on to a new app (a new phone, or new
    /// recovery codes): a code of the app in use now, or an unused recovery code. A
    /// signed-in session alone cannot move someone's second step elsewhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 32))]
    pub current: Option<String>,
}

/// Answer of the confirmation: shown once, each good for one sign-in without the app.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecoveryCodes {
    pub codes: Vec<String>,
}

/// Body of `POST /people/two-step`: whether everyone of the company must use it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TwoStepRequirement {
    pub required: bool,
}
