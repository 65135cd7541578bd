//! The password policy of OWASP ASVS 4.0 V2.1: 12 to 128 characters counted as Unicode
//! scalar values, any characters (spaces and emoji included, nothing trimmed), no
//! composition rules, and none of the 10,000 most common passwords. The portal checks the
//! length at the field; the common-password list is checked by the server only
//! ([`is_common`] is never called from the portal, so the list stays out of its wasm).

use crate::validation::FieldErrors;

pub const PASSWORD_MIN: usize = 12;
pub const PASSWORD_MAX: usize = 128;

/// Stable codes of a refused password, which the portal translates.
pub mod codes {
    pub const TOO_SHORT: &str = "password_too_short";
    pub const TOO_LONG: &str = "password_too_long";
    pub const COMMON: &str = "password_common";
    /// The current password given to change it is not the current one.
    pub const WRONG_CURRENT: &str = "password_wrong";
}

/// The list, one password a line (see `data/README.md` for its source and licence).
const COMMON_PASSWORDS: &str = include_str!("../data/common-passwords-10k.txt");

/// Length rules only: what the portal can say while the person types.
pub fn check_length(errors: &mut FieldErrors, field: &str, password: &str) {
    let chars = password.chars().count();
    if chars < PASSWORD_MIN {
        errors.push(field, codes::TOO_SHORT, "must have at least 12 characters");
    } else if chars > PASSWORD_MAX {
        errors.push(field, codes::TOO_LONG, "must have at most 128 characters");
    }
}

/// Whether the password is on the shipped list, ignoring ASCII case ("QWERTY123456" is
/// as guessable as "qwerty123456").
pub fn is_common(password: &str) -> bool {
    COMMON_PASSWORDS
        .lines()
        .any(|common| common.eq_ignore_ascii_case(password))
}

/// The whole policy, as the server applies it to a new password.
pub fn check_new(errors: &mut FieldErrors, field: &str, password: &str) {
    let before = errors.0.len();
    check_length(errors, field, password);
    if errors.0.len() == before && is_common(password) {
        errors.push(field, codes::COMMON, "is one of the most common passwords");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(password: &str) -> Option<String> {
        let mut errors = FieldErrors::default();
        check_new(&mut errors, "password", password);
        errors.code_for("password").map(str::to_owned)
    }

    #[test]
    fn counts_unicode_scalar_values_not_bytes() {
        // 12 characters, 36 bytes: long enough.
        assert_eq!(code("żółćżółćżółć"), None);
        assert_eq!(code("żółćżółćżół").as_deref(), Some(codes::TOO_SHORT));
        assert_eq!(code(&"é".repeat(128)), None);
        assert_eq!(code(&"é".repeat(129)).as_deref(), Some(codes::TOO_LONG));
    }

    #[test]
    fn any_characters_and_no_composition_rules() {
        assert_eq!(code("correct horse battery staple"), None);
        assert_eq!(code("            "), None);
        assert_eq!(code("🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀"), None);
        assert_eq!(code("alllowercaseletters"), None);
    }

    #[test]
    fn refuses_the_common_ones_in_any_case() {
        assert!(COMMON_PASSWORDS.lines().count() >= 10_000);
        assert_eq!(code("qwerty123456").as_deref(), Some(codes::COMMON));
        assert_eq!(code("QWERTY123456").as_deref(), Some(codes::COMMON));
        assert_eq!(code("1qaz2wsx3edc").as_deref(), Some(codes::COMMON));
        assert!(is_common("password"));
    }
}
