//! Two-step sign-in: TOTP (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps, one step of
//! clock skew either way) with `totp-rs`, and single-use recovery codes. A code is good
//! once: the step it matched is remembered and only a later step is taken afterwards.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use qrcodegen::{QrCode, QrCodeEcc};
use sha2::{Digest, Sha256};
use totp_rs::{Algorithm, Builder, Secret, Totp};

use crate::error::ApiError;

/// How many recovery codes a user gets when turning two-step sign-in on.
pub const RECOVERY_CODES: usize = 10;

const BASE32: &[u8; 32] = b"abcdefghijklmnopqrstuvwxyz234567";

/// The issuer authenticator apps show beside the account.
const ISSUER: &str = "Support portal";

fn totp(secret_base32: &str) -> Result<Totp, ApiError> {
    let secret = Secret::try_from_base32(secret_base32)
        .map_err(|err| ApiError::broken(format!("stored TOTP secret: {err:?}")))?;
    Builder::new()
        .with_algorithm(Algorithm::SHA1)
        .with_digits(6)
        .with_skew(1)
        .with_step_duration(30)
        .with_secret(secret)
        .build()
        .map_err(|err| ApiError::broken(format!("TOTP parameters: {err:?}")))
}

/// A new random secret of 160 bits (RFC 4226's recommendation), in base32.
pub fn new_secret() -> Result<String, ApiError> {
    let mut bytes = [0u8; 20];
    getrandom::fill(&mut bytes).map_err(|err| ApiError::internal("getrandom", err))?;
    Ok(Secret::new_stack(bytes).to_base32())
}

/// The time step a 6-digit `code` matches at `now` (unix seconds), if it matches one that
/// is later than `last_step`, the step of the last code used.
pub fn check(
    secret_base32: &str,
    code: &str,
    now: i64,
    last_step: Option<i64>,
) -> Result<Option<i64>, ApiError> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(None);
    }
    let totp = totp(secret_base32)?;
    let now = u64::try_from(now).unwrap_or_default();
    Ok(totp
        .check(&code, now)
        .and_then(|step| i64::try_from(step).ok())
        .filter(|step| last_step.is_none_or(|last| *step > last)))
}

/// The `otpauth://` address an authenticator app reads from the QR code.
pub fn otpauth_uri(secret_base32: &str, email: &str) -> String {
    let label = percent_encode(&format!("{ISSUER}:{email}"));
    let issuer = percent_encode(ISSUER);
    format!(
        "otpauth://totp/{label}?secret={secret_base32}&issuer={issuer}&algorithm=SHA1&digits=6&period=30"
    )
}

/// Every byte but unreserved ones (RFC 3986) as `%XX`: spaces as `%20`, as the
/// authenticator apps' key-URI format expects.
fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// The QR code of `text` as an SVG `data:` URI (the portal's CSP allows `img-src data:`).
pub fn qr_svg(text: &str) -> Result<String, ApiError> {
    let qr = QrCode::encode_text(text, QrCodeEcc::Medium)
        .map_err(|err| ApiError::internal("QR code", err))?;
    let border = 4;
    let size = qr.size() + 2 * border;
    let mut path = String::new();
    for y in 0..qr.size() {
        for x in 0..qr.size() {
            if qr.get_module(x, y) {
                path.push_str(&format!("M{},{}h1v1h-1z", x + border, y + border));
            }
        }
    }
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" shape-rendering=\"crispEdges\">\
         <rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>"
    );
    Ok(format!(
        "data:image/svg+xml;base64,{}",
        STANDARD.encode(svg)
    ))
}

/// Ten new recovery codes, `xxxxx-xxxxx` in lower-case base32 (50 random bits each).
pub fn new_recovery_codes() -> Result<Vec<String>, ApiError> {
    (0..RECOVERY_CODES)
        .map(|_| {
            let mut bytes = [0u8; 10];
            getrandom::fill(&mut bytes).map_err(|err| ApiError::internal("getrandom", err))?;
            // 32 letters and digits: five random bits per character, no bias.
            let text: String = bytes
                .iter()
                .map(|b| char::from(BASE32[usize::from(b & 31)]))
                .collect();
            Ok(format!("{}-{}", &text[..5], &text[5..]))
        })
        .collect()
}

/// What is stored of a recovery code: its SHA-256, ignoring case, spaces and dashes.
pub fn recovery_hash(code: &str) -> [u8; 32] {
    let normal: String = code
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    Sha256::digest(normal.as_bytes()).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_matches_its_step_once_and_never_an_earlier_one() {
        let secret = new_secret().unwrap();
        let now = 1_800_000_000;
        let code = totp(&secret).unwrap().generate(now as u64).to_string();
        let step = check(&secret, &code, now, None).unwrap();
        assert_eq!(step, Some(now / 30));
        assert_eq!(check(&secret, &code, now, step).unwrap(), None);
        assert_eq!(check(&secret, "12345", now, None).unwrap(), None);
        // One step of skew either way, not two.
        assert!(check(&secret, &code, now + 30, None).unwrap().is_some());
        assert!(check(&secret, &code, now + 90, None).unwrap().is_none());
    }

    #[test]
    fn recovery_codes_are_ten_distinct_and_hash_loosely() {
        let codes = new_recovery_codes().unwrap();
        assert_eq!(codes.len(), 10);
        assert_eq!(
            codes.iter().collect::<std::collections::HashSet<_>>().len(),
            10
        );
        assert!(
            codes
                .iter()
                .all(|c| c.len() == 11 && c.as_bytes()[5] == b'-')
        );
        assert_eq!(
            recovery_hash(&codes[0]),
            recovery_hash(&codes[0].to_uppercase().replace('-', " "))
        );
    }

    #[test]
    fn the_qr_code_is_an_svg_data_uri() {
        let uri = qr_svg(&otpauth_uri("JBSWY3DPEHPK3PXP", "a@x.demo")).unwrap();
        assert!(uri.starts_with("data:image/svg+xml;base64,"));
        assert!(
            otpauth_uri("JBSWY3DPEHPK3PXP", "a@x.demo").starts_with(
                "otpauth://totp/Support%20portal%3Aa%40x.demo?secret=JBSWY3DPEHPK3PXP"
            )
        );
    }
}
