//! Errors are `application/problem+json` documents (RFC 9457) with a stable `type`.

use serde::{Deserialize, Serialize};

pub const PROBLEM_CONTENT_TYPE: &str = "application/problem+json";

/// The stable problem types. The portal chooses its message by these, never by `detail`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum ProblemType {
    #[serde(rename = "/problems/validation")]
    Validation,
    #[serde(rename = "/problems/malformed-body")]
    MalformedBody,
    #[serde(rename = "/problems/body-too-large")]
    BodyTooLarge,
    #[serde(rename = "/problems/unsupported-media-type")]
    UnsupportedMediaType,
    #[serde(rename = "/problems/invalid-credentials")]
    InvalidCredentials,
    /// The password was right; two-step sign-in is on: send the code as well.
    #[serde(rename = "/problems/second-step-required")]
    SecondStepRequired,
    #[serde(rename = "/problems/too-many-attempts")]
    TooManyAttempts,
    #[serde(rename = "/problems/unauthenticated")]
    Unauthenticated,
    #[serde(rename = "/problems/csrf")]
    Csrf,
    #[serde(rename = "/problems/forbidden")]
    Forbidden,
    #[serde(rename = "/problems/not-found")]
    NotFound,
    #[serde(rename = "/problems/method-not-allowed")]
    MethodNotAllowed,
    #[serde(rename = "/problems/conflict")]
    Conflict,
    #[serde(rename = "/problems/internal")]
    Internal,
}

/// One field the server (or the client) refused, with a stable `code` to translate.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldError {
    pub field: String,
    pub code: String,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Problem {
    #[serde(rename = "type")]
    pub kind: ProblemType,
    pub title: String,
    pub status: u16,
    pub detail: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}
