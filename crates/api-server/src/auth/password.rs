//! Passwords are stored as Argon2id PHC strings with the crate's default parameters.

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

/// A hash of a random password nobody knows, with the default parameters. Sign-in
/// verifies against it when the e-mail is unknown, so an unknown address takes as long
/// as a wrong password and answers the same.
pub const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$Jppe5HiMjEFm/2cglr2S3w$99yZDusk6VXSTTcvaOlZ6q3JilJJ1x3B+dkyHYobuhQ";

#[derive(Debug, thiserror::Error)]
pub enum HashError {
    #[error("no randomness for a salt: {0}")]
    Random(getrandom::Error),
    #[error("argon2: {0}")]
    Argon2(argon2::password_hash::Error),
}

pub fn hash(password: &str) -> Result<String, HashError> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(HashError::Random)?;
    let salt = SaltString::encode_b64(&salt).map_err(HashError::Argon2)?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|hash| hash.to_string())
        .map_err(HashError::Argon2)
}

/// Whether `password` matches the stored PHC string; a malformed one matches nothing.
/// Slow on purpose (tens of milliseconds): call it off the async workers.
pub fn verify(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|hash| {
        Argon2::default()
            .verify_password(password.as_bytes(), &hash)
            .is_ok()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_verify_and_are_argon2id() {
        let stored = hash("portal-demo").unwrap();
        assert!(stored.starts_with("$argon2id$"));
        assert!(verify("portal-demo", &stored));
        assert!(!verify("portal-demo ", &stored));
        assert!(!verify("portal-demo", "not a hash"));
    }

    #[test]
    fn dummy_hash_costs_what_a_real_one_does() {
        let dummy = PasswordHash::new(DUMMY_HASH).unwrap();
        let real_stored = hash("x").unwrap();
        let real = PasswordHash::new(&real_stored).unwrap();
        assert_eq!(dummy.algorithm, real.algorithm);
        assert_eq!(dummy.params, real.params);
        assert!(!verify("portal-demo", DUMMY_HASH));
    }
}
