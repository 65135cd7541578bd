//! What can go wrong with an API call, and how an answer maps onto it: pure logic,
//! tested natively.

use support_api::problem::{Problem, ProblemType};
use support_api::validation::FieldErrors;

/// Every failure of an API call. The portal chooses its message by the variant, never
/// by the server's `detail`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ApiError {
    /// No session, or it expired: sign in again.
    #[error("not signed in")]
    Unauthenticated,
    #[error("wrong e-mail or password")]
    InvalidCredentials,
    /// The password was right; two-step sign-in wants the code as well.
    #[error("second step required")]
    SecondStepRequired,
    #[error("too many attempts")]
    TooManyAttempts,
    /// The server refused some fields.
    #[error("values refused: {0:?}")]
    Validation(FieldErrors),
    /// Does not exist, or not for this customer (the API answers 404 to both).
    #[error("not found")]
    NotFound,
    /// The server failed or refused in a way the portal does not expect.
    #[error("server error (HTTP {0})")]
    Server(u16),
    /// The API could not be reached (no network, or a proxy found no backend).
    #[error("the API cannot be reached: {0}")]
    Network(String),
    /// An answer whose body is not what the contract says.
    #[error("unexpected answer: {0}")]
    Malformed(String),
}

impl ApiError {
    /// Maps a non-success answer (status outside 200..=299) onto an error, by its
    /// problem `type` when the body is a problem document, else by its status.
    pub fn from_failure(status: u16, body: &str) -> ApiError {
        match serde_json::from_str::<Problem>(body) {
            Ok(problem) => Self::from_problem(problem),
            Err(_) => Self::from_status(status),
        }
    }

    fn from_problem(problem: Problem) -> ApiError {
        match problem.kind {
            ProblemType::Unauthenticated => ApiError::Unauthenticated,
            ProblemType::InvalidCredentials => ApiError::InvalidCredentials,
            ProblemType::SecondStepRequired => ApiError::SecondStepRequired,
            ProblemType::TooManyAttempts => ApiError::TooManyAttempts,
            ProblemType::Validation => ApiError::Validation(FieldErrors(problem.errors)),
            ProblemType::NotFound | ProblemType::Forbidden => ApiError::NotFound,
            ProblemType::MalformedBody
            | ProblemType::BodyTooLarge
            | ProblemType::UnsupportedMediaType
            | ProblemType::Csrf
            | ProblemType::MethodNotAllowed
            | ProblemType::Conflict
            | ProblemType::Internal => ApiError::Server(problem.status),
        }
    }

    /// Without a problem document: a proxy's or gateway's answer, or a broken server.
    fn from_status(status: u16) -> ApiError {
        match status {
            401 => ApiError::Unauthenticated,
            403 | 404 => ApiError::NotFound,
            429 => ApiError::TooManyAttempts,
            // What a reverse proxy (or `trunk serve`) answers when the API is down.
            502..=504 => ApiError::Network(format!("HTTP {status} from a gateway")),
            500..=599 => ApiError::Server(status),
            _ => ApiError::Malformed(format!("HTTP {status} without a problem document")),
        }
    }

    /// The field errors to show at the fields, if any.
    pub fn field_errors(&self) -> Option<&FieldErrors> {
        match self {
            ApiError::Validation(errors) => Some(errors),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(kind: &str, status: u16) -> String {
        format!(r#"{{"type":"{kind}","title":"t","status":{status},"detail":"d"}}"#)
    }

    #[test]
    fn maps_problem_types() {
        let cases = [
            ("/problems/unauthenticated", 401, ApiError::Unauthenticated),
            (
                "/problems/invalid-credentials",
                401,
                ApiError::InvalidCredentials,
            ),
            (
                "/problems/too-many-attempts",
                429,
                ApiError::TooManyAttempts,
            ),
            ("/problems/not-found", 404, ApiError::NotFound),
            ("/problems/forbidden", 403, ApiError::NotFound),
            ("/problems/internal", 500, ApiError::Server(500)),
            ("/problems/csrf", 403, ApiError::Server(403)),
            ("/problems/conflict", 409, ApiError::Server(409)),
        ];
        for (kind, status, expected) in cases {
            assert_eq!(
                ApiError::from_failure(status, &problem(kind, status)),
                expected,
                "{kind}"
            );
        }
    }

    #[test]
    fn carries_field_errors() {
        let body = r#"{"type":"/problems/validation","title":"t","status":422,"detail":"d",
            "errors":[{"field":"email","code":"invalid_email","message":"m"}]}"#;
        let error = ApiError::from_failure(422, body);
        let fields = error.field_errors().expect("validation errors");
        assert_eq!(fields.code_for("email"), Some("invalid_email"));
        assert_eq!(fields.code_for("password"), None);
    }

    #[test]
    fn falls_back_to_the_status() {
        assert_eq!(ApiError::from_failure(401, ""), ApiError::Unauthenticated);
        assert_eq!(ApiError::from_failure(404, "<html>"), ApiError::NotFound);
        assert_eq!(
            ApiError::from_failure(429, "slow down"),
            ApiError::TooManyAttempts
        );
        assert_eq!(ApiError::from_failure(500, "oops"), ApiError::Server(500));
        assert!(matches!(
            ApiError::from_failure(502, ""),
            ApiError::Network(_)
        ));
        assert!(matches!(
            ApiError::from_failure(504, "<html>"),
            ApiError::Network(_)
        ));
        assert!(matches!(
            ApiError::from_failure(400, "{}"),
            ApiError::Malformed(_)
        ));
    }

    #[test]
    fn an_unknown_problem_type_falls_back_to_the_status() {
        let body = problem("/problems/something-new", 401);
        assert_eq!(
            ApiError::from_failure(401, &body),
            ApiError::Unauthenticated
        );
        let body = problem("/problems/something-new", 418);
        assert!(matches!(
            ApiError::from_failure(418, &body),
            ApiError::Malformed(_)
        ));
    }
}
