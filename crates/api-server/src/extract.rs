//! `ApiJson<T>`: a JSON body extractor whose every refusal is a problem document with a
//! stable type, so bad input never turns into a 500 or a plain-text axum rejection.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::{StatusCode, header};
use serde::de::DeserializeOwned;
use serde_path_to_error::Segment;
use support_api::validation::{FieldErrors, codes};

use crate::error::ApiError;

/// Largest request body accepted (the app sets `DefaultBodyLimit` to this).
pub const BODY_LIMIT_BYTES: usize = 64 * 1024;

pub struct ApiJson<T>(pub T);

impl<T, S> FromRequest<S> for ApiJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        if !is_json(req.headers().get(header::CONTENT_TYPE)) {
            return Err(ApiError::UnsupportedMediaType);
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|rejection| {
            if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ApiError::BodyTooLarge
            } else {
                ApiError::MalformedBody("The request body could not be read.".into())
            }
        })?;
        parse(&bytes).map(ApiJson)
    }
}

/// `application/json`, with or without parameters such as `charset`.
fn is_json(content_type: Option<&axum::http::HeaderValue>) -> bool {
    let Some(value) = content_type.and_then(|v| v.to_str().ok()) else {
        return false;
    };
    let essence = value.split(';').next().unwrap_or_default().trim();
    essence.eq_ignore_ascii_case("application/json")
}

/// Syntax errors are the client's broken JSON (400); well-formed JSON of the wrong shape
/// is a validation failure (422), blamed on a field wherever serde can tell which.
pub fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, ApiError> {
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(|err| {
        // A field can be blamed only inside an object; `[1, 2]` for an object is the
        // body's shape.
        let in_object = matches!(err.path().iter().next(), Some(Segment::Map { .. }));
        let path = if in_object {
            err.path().to_string()
        } else {
            ".".to_owned()
        };
        let err = err.into_inner();
        // serde_json reports some wrong types (a number for an enum) as a syntax error;
        // if the body is well-formed JSON, it is the shape that is wrong.
        if err.classify() != serde_json::error::Category::Data
            && serde_json::from_slice::<serde::de::IgnoredAny>(bytes).is_ok()
        {
            return shape_error(&path, &err);
        }
        refusal(&path, err)
    })?;
    // Trailing garbage after the value is a syntax error too.
    deserializer.end().map_err(|err| refusal(".", err))?;
    Ok(value)
}

/// `path` is the blamed field's dotted path, or `.` for the body as a whole.
fn refusal(path: &str, err: serde_json::Error) -> ApiError {
    match err.classify() {
        serde_json::error::Category::Data => shape_error(path, &err),
        _ => ApiError::MalformedBody(format!("The body is not valid JSON: {err}")),
    }
}

fn shape_error(path: &str, err: &serde_json::Error) -> ApiError {
    let message = err.to_string();
    let mut errors = FieldErrors::default();
    if let Some(field) = quoted(&message, "missing field `") {
        errors.push(field, codes::REQUIRED, "is missing");
    } else if let Some(field) = quoted(&message, "unknown field `") {
        errors.push(
            &join(path, field),
            codes::UNKNOWN_FIELD,
            "is not a known field",
        );
    } else if path != "." {
        errors.push(path, codes::INVALID_TYPE, &message);
    } else {
        return ApiError::Shape(format!("The body has the wrong shape: {message}"));
    }
    ApiError::Fields(errors)
}

/// The name between `prefix` and the next backtick, as serde words these errors.
fn quoted<'a>(message: &'a str, prefix: &str) -> Option<&'a str> {
    let rest = &message[message.find(prefix)? + prefix.len()..];
    rest.split('`').next()
}

/// serde_path_to_error stops at the object holding an unknown field; add the field.
fn join(path: &str, field: &str) -> String {
    if path == "." || path.is_empty() {
        field.to_owned()
    } else if path.ends_with(field) {
        path.to_owned()
    } else {
        format!("{path}.{field}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use support_api::session::SignIn;

    fn refusal(body: &str) -> ApiError {
        match parse::<SignIn>(body.as_bytes()) {
            Ok(_) => panic!("{body} was accepted"),
            Err(err) => err,
        }
    }

    fn field_code(err: &ApiError, field: &str) -> Option<String> {
        match err {
            ApiError::Fields(errors) => errors.code_for(field).map(str::to_owned),
            _ => None,
        }
    }

    #[test]
    fn broken_json_is_malformed() {
        for body in [
            "",
            "{",
            "{\"email\": }",
            r#"{"email": "a@b.demo", "password": "x"} x"#,
            "\u{0}",
        ] {
            assert!(
                matches!(refusal(body), ApiError::MalformedBody(_)),
                "{body:?}"
            );
        }
    }

    #[test]
    fn wrong_shapes_name_their_field() {
        let err = refusal(r#"{"email": 1, "password": "x"}"#);
        assert_eq!(
            field_code(&err, "email").as_deref(),
            Some(codes::INVALID_TYPE)
        );
        let err = refusal(r#"{"email": "a@b.demo"}"#);
        assert_eq!(
            field_code(&err, "password").as_deref(),
            Some(codes::REQUIRED)
        );
        let err = match parse::<support_api::plan::Level>(b"3") {
            Err(err) => err,
            Ok(_) => panic!("3 is no level"),
        };
        assert!(matches!(err, ApiError::Shape(_)), "{err:?}");
        // A number where an enum's name belongs is the shape, not broken JSON.
        let err = match parse::<support_api::requests::NewComment>(br#"{"text": 3}"#) {
            Err(err) => err,
            Ok(_) => panic!("3 is no text"),
        };
        assert_eq!(
            field_code(&err, "text").as_deref(),
            Some(codes::INVALID_TYPE)
        );
        let err = match parse::<support_api::requests::Decision>(
            br#"{"approve": "yes", "reason": null}"#,
        ) {
            Err(err) => err,
            Ok(_) => panic!("yes is no bool"),
        };
        assert_eq!(
            field_code(&err, "approve").as_deref(),
            Some(codes::INVALID_TYPE)
        );
        let err = refusal(r#"{"email": "a@b.demo", "password": "x", "admin": true}"#);
        assert_eq!(
            field_code(&err, "admin").as_deref(),
            Some(codes::UNKNOWN_FIELD)
        );
        assert!(matches!(refusal("[1, 2]"), ApiError::Shape(_)));
    }

    #[test]
    fn content_type_must_be_json() {
        let v = |s: &'static str| axum::http::HeaderValue::from_static(s);
        assert!(is_json(Some(&v("application/json"))));
        assert!(is_json(Some(&v("Application/JSON; charset=utf-8"))));
        assert!(!is_json(Some(&v("text/plain"))));
        assert!(!is_json(Some(&v("application/jsonx"))));
        assert!(!is_json(None));
    }
}
