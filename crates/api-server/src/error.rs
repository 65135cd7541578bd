//! One error type for every handler, answered as `application/problem+json`.

use std::error::Error;
use std::fmt;

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use support_api::problem::{FieldError, PROBLEM_CONTENT_TYPE, Problem, ProblemType};
use support_api::validation::FieldErrors;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// Fields refused, each with its stable code.
    #[error("validation failed: {0}")]
    Fields(FieldErrors),
    /// The body is JSON of the wrong shape and no single field can be blamed.
    #[error("validation failed: {0}")]
    Shape(String),
    #[error("malformed body: {0}")]
    MalformedBody(String),
    #[error("body too large")]
    BodyTooLarge,
    #[error("unsupported media type")]
    UnsupportedMediaType,
    #[error("invalid credentials")]
    InvalidCredentials,
    /// The password was right; two-step sign-in is on and no code came with it.
    #[error("second step required")]
    SecondStepRequired,
    #[error("too many sign-in attempts")]
    TooManyAttempts { retry_after_secs: u64 },
    #[error("not signed in or session expired")]
    Unauthenticated,
    #[error("missing or wrong CSRF token")]
    Csrf,
    /// The caller may see the resource but not do this (a member deciding an approval).
    #[error("forbidden")]
    Forbidden,
    #[error("no such resource")]
    NotFound,
    /// The resource's state does not allow it (cancel once work started, a reused
    /// idempotency key); the detail says what.
    #[error("conflict: {0}")]
    Conflict(String),
    #[error("method not allowed")]
    MethodNotAllowed,
    /// Storage or another server-side failure, with its cause: logged with the whole
    /// chain of causes, never shown to the client.
    #[error("internal error")]
    Internal(#[source] Box<dyn Error + Send + Sync>),
}

/// A cause with what the server was doing when it happened ("database", "session
/// cookie"), so the log says both.
#[derive(Debug, thiserror::Error)]
#[error("{doing}")]
pub struct Failed {
    doing: &'static str,
    #[source]
    source: Box<dyn Error + Send + Sync>,
}

/// A broken expectation about the server's own data (a stored value it cannot read, a
/// row the seed always writes): no library error to keep, only what was found.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Broken(pub String);

impl From<rusqlite::Error> for ApiError {
    fn from(err: rusqlite::Error) -> Self {
        ApiError::internal("database", err)
    }
}

impl From<FieldErrors> for ApiError {
    fn from(errors: FieldErrors) -> Self {
        ApiError::Fields(errors)
    }
}

impl ApiError {
    /// A server-side failure: `cause` while `doing` something.
    pub fn internal(doing: &'static str, cause: impl Into<Box<dyn Error + Send + Sync>>) -> Self {
        ApiError::Internal(Box::new(Failed {
            doing,
            source: cause.into(),
        }))
    }

    /// The server's own data is not what it should be; `what` says how.
    pub fn broken(what: impl Into<String>) -> Self {
        ApiError::Internal(Box::new(Broken(what.into())))
    }

    /// A rate limiter's refusal: try again after `wait`, in whole seconds rounded up.
    pub fn too_many_attempts(wait: std::time::Duration) -> Self {
        ApiError::TooManyAttempts {
            retry_after_secs: wait.as_secs() + u64::from(wait.subsec_nanos() > 0),
        }
    }

    /// One field refused: `code` at `field`, with a message for the form.
    pub fn field(field: &str, code: &str, message: &str) -> Self {
        let mut errors = FieldErrors::default();
        errors.push(field, code, message);
        ApiError::Fields(errors)
    }

    fn status(&self) -> StatusCode {
        match self {
            ApiError::Fields(_) | ApiError::Shape(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::MalformedBody(_) => StatusCode::BAD_REQUEST,
            ApiError::BodyTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::InvalidCredentials
            | ApiError::SecondStepRequired
            | ApiError::Unauthenticated => StatusCode::UNAUTHORIZED,
            ApiError::TooManyAttempts { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Csrf | ApiError::Forbidden => StatusCode::FORBIDDEN,
            ApiError::NotFound => StatusCode::NOT_FOUND,
            ApiError::Conflict(_) => StatusCode::CONFLICT,
            ApiError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn kind(&self) -> ProblemType {
        match self {
            ApiError::Fields(_) | ApiError::Shape(_) => ProblemType::Validation,
            ApiError::MalformedBody(_) => ProblemType::MalformedBody,
            ApiError::BodyTooLarge => ProblemType::BodyTooLarge,
            ApiError::UnsupportedMediaType => ProblemType::UnsupportedMediaType,
            ApiError::InvalidCredentials => ProblemType::InvalidCredentials,
            ApiError::SecondStepRequired => ProblemType::SecondStepRequired,
            ApiError::TooManyAttempts { .. } => ProblemType::TooManyAttempts,
            ApiError::Unauthenticated => ProblemType::Unauthenticated,
            ApiError::Csrf => ProblemType::Csrf,
            ApiError::Forbidden => ProblemType::Forbidden,
            ApiError::NotFound => ProblemType::NotFound,
            ApiError::Conflict(_) => ProblemType::Conflict,
            ApiError::MethodNotAllowed => ProblemType::MethodNotAllowed,
            ApiError::Internal(_) => ProblemType::Internal,
        }
    }

    /// A sentence for people; the portal picks its own words by `type`.
    fn detail(&self) -> String {
        match self {
            ApiError::Fields(_) => "Some fields were refused.".into(),
            ApiError::Shape(detail)
            | ApiError::MalformedBody(detail)
            | ApiError::Conflict(detail) => detail.clone(),
            ApiError::Forbidden => "Your role does not allow this.".into(),
            ApiError::BodyTooLarge => "The request body is too large.".into(),
            ApiError::UnsupportedMediaType => "Send the body as application/json.".into(),
            ApiError::InvalidCredentials => "The e-mail address or the password is wrong.".into(),
            ApiError::SecondStepRequired => {
                "Two-step sign-in is on: send the code of the authenticator app.".into()
            }
            ApiError::TooManyAttempts { retry_after_secs } => {
                format!("Too many failed sign-in attempts; try again in {retry_after_secs} s.")
            }
            ApiError::Unauthenticated => "Sign in (again) to continue.".into(),
            ApiError::Csrf => "The X-CSRF-Token header is missing or wrong.".into(),
            ApiError::NotFound => "There is nothing here.".into(),
            ApiError::MethodNotAllowed => "This method is not allowed here.".into(),
            // The cause goes to the log only: it may name tables or paths.
            ApiError::Internal(_) => "Something went wrong on our side.".into(),
        }
    }

    fn field_errors(self) -> Vec<FieldError> {
        match self {
            ApiError::Fields(errors) => errors.0,
            _ => Vec::new(),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if let ApiError::Internal(cause) = &self {
            tracing::error!(cause = %Chain(cause.as_ref()), "request failed");
        }
        let status = self.status();
        let retry_after = match &self {
            ApiError::TooManyAttempts { retry_after_secs } => Some(*retry_after_secs),
            _ => None,
        };
        let problem = Problem {
            kind: self.kind(),
            title: status.canonical_reason().unwrap_or("Error").to_owned(),
            status: status.as_u16(),
            detail: self.detail(),
            errors: self.field_errors(),
        };
        problem_response(status, &problem, retry_after)
    }
}

fn problem_response(status: StatusCode, problem: &Problem, retry_after: Option<u64>) -> Response {
    // Serialising these plain types cannot fail; an empty object is still a valid answer.
    let body = serde_json::to_vec(problem).unwrap_or_else(|_| b"{}".to_vec());
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(PROBLEM_CONTENT_TYPE),
    );
    if let Some(secs) = retry_after {
        headers.insert(header::RETRY_AFTER, HeaderValue::from(secs));
    }
    response
}

/// An error and its sources, as one line: `database: no such table: support_contacts`.
pub struct Chain<'a>(pub &'a (dyn Error + 'static));

impl fmt::Display for Chain<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)?;
        let mut source = self.0.source();
        while let Some(cause) = source {
            write!(f, ": {cause}")?;
            source = cause.source();
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_internal_error_keeps_its_cause_for_the_log_only() {
        let cause = rusqlite::Error::InvalidColumnName("secret_column".into());
        let err = ApiError::from(cause);
        let source = err.source().expect("the cause is kept");
        assert_eq!(source.to_string(), "database");
        assert!(
            source
                .source()
                .is_some_and(|s| s.to_string().contains("secret_column"))
        );
        assert!(
            Chain(&err)
                .to_string()
                .ends_with("database: Invalid column name: secret_column")
        );
        assert!(!err.detail().contains("secret_column"));
        assert_eq!(err.status(), StatusCode::INTERNAL_SERVER_ERROR);
    }
}
