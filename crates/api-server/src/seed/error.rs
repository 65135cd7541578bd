//! What can stop the seed.

use std::io;

use crate::auth::password::HashError;
use crate::db::DbError;

#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error(transparent)]
    Db(#[from] DbError),
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("password hash: {0}")]
    Hash(#[from] HashError),
    #[error("removing the old database: {0}")]
    Io(#[from] io::Error),
    /// A seeded action was refused by the rules it goes through (a bug in the seed).
    #[error("seed step: {0}")]
    Step(String),
}

impl From<crate::error::ApiError> for SeedError {
    fn from(err: crate::error::ApiError) -> Self {
        SeedError::Step(format!("{err:?}"))
    }
}

impl From<crate::actions::staff::StaffError> for SeedError {
    fn from(err: crate::actions::staff::StaffError) -> Self {
        SeedError::Step(err.0)
    }
}
