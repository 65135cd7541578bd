//! The parts of the account page: the profile, the password, the sessions.

pub mod password;
pub mod profile;
pub mod sessions;
pub mod two_step;
