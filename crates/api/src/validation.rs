//! Validation shared by the portal (to answer at once, at the field) and the server
//! (which never trusts the client). Each failure has a stable code the portal translates.

use crate::problem::FieldError;

/// Longest e-mail address accepted (RFC 5321 path limit).
pub const EMAIL_MAX: usize = 254;

/// A list of field failures; empty means valid.
#[derive(Clone, Debug, Default, PartialEq, Eq, thiserror::Error)]
#[error("{} field(s) refused", .0.len())]
pub struct FieldErrors(pub Vec<FieldError>);

impl FieldErrors {
    pub fn push(&mut self, field: &str, code: &str, message: &str) {
        self.0.push(FieldError {
            field: field.to_owned(),
            code: code.to_owned(),
            message: message.to_owned(),
        });
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The first failure's code for a field, if any.
    pub fn code_for(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.code.as_str())
    }

    pub fn into_result(self) -> Result<(), FieldErrors> {
        if self.0.is_empty() { Ok(()) } else { Err(self) }
    }
}

/// Stable codes of field failures.
pub mod codes {
    pub const REQUIRED: &str = "required";
    pub const TOO_LONG: &str = "too_long";
    pub const INVALID_EMAIL: &str = "invalid_email";
    /// The JSON value has the wrong type (a number where a string belongs, ...).
    pub const INVALID_TYPE: &str = "invalid_type";
    /// The body names a field the endpoint does not know.
    pub const UNKNOWN_FIELD: &str = "unknown_field";
    pub const TOO_FEW: &str = "too_few";
    pub const TOO_MANY: &str = "too_many";
    pub const INVALID_DATE: &str = "invalid_date";
    pub const IN_THE_PAST: &str = "in_the_past";
    pub const BEFORE_START: &str = "before_start";
    /// Refused by the server against its data (a full course date, a foreign licence).
    pub const UNAVAILABLE: &str = "unavailable";
    /// A value of the right type that is not one the field takes (an unknown status in a
    /// filter, a cursor the server did not issue).
    pub const INVALID_VALUE: &str = "invalid_value";
}

pub fn check_required(errors: &mut FieldErrors, field: &str, value: &str, max_chars: usize) {
    if value.trim().is_empty() {
        errors.push(field, codes::REQUIRED, "must not be empty");
    } else if value.chars().count() > max_chars {
        errors.push(field, codes::TOO_LONG, "is too long");
    }
}

/// A deliberately simple check: one `@`, something before it, a dot in the domain.
/// The server looks the address up anyway; this only catches typos early.
pub fn check_email(errors: &mut FieldErrors, field: &str, value: &str) {
    let value = value.trim();
    if value.is_empty() {
        errors.push(field, codes::REQUIRED, "must not be empty");
        return;
    }
    if value.len() > EMAIL_MAX {
        errors.push(field, codes::TOO_LONG, "is too long");
        return;
    }
    let valid = match value.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !value.contains(char::is_whitespace)
        }
        None => false,
    };
    if !valid {
        errors.push(field, codes::INVALID_EMAIL, "is not an e-mail address");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::SignIn;

    fn sign_in(email: &str, password: &str) -> SignIn {
        SignIn {
            email: email.into(),
            password: password.into(),
            code: None,
        }
    }

    #[test]
    fn accepts_a_demo_address() {
        assert!(
            sign_in("admin@kowalski-aero.demo", "portal-demo")
                .validate()
                .is_ok()
        );
    }

    #[test]
    fn refuses_empty_and_malformed_fields() {
        let errors = sign_in("  ", "").validate().unwrap_err();
        assert_eq!(errors.code_for("email"), Some(codes::REQUIRED));
        assert_eq!(errors.code_for("password"), Some(codes::REQUIRED));
        for bad in [
            "no-at-sign",
            "a@b",
            "@x.demo",
            "a@@x.demo",
            "a b@x.demo",
            "a@x.demo.",
        ] {
            let errors = sign_in(bad, "x").validate().unwrap_err();
            assert_eq!(
                errors.code_for("email"),
                Some(codes::INVALID_EMAIL),
                "{bad}"
            );
        }
    }

    #[test]
    fn refuses_overlong_values() {
        let long = format!("{}@x.demo", "a".repeat(300));
        let errors = sign_in(&long, &"p".repeat(257)).validate().unwrap_err();
        assert_eq!(errors.code_for("email"), Some(codes::TOO_LONG));
        assert_eq!(errors.code_for("password"), Some(codes::TOO_LONG));
    }
}
