//! The demo world (guide section 3): the same customers, people and facts every time,
//! with dates relative to the day the database is created so the demo never goes stale.
//! One function per customer; later seeds (credit ledger, requests) plug in beside them.

mod catalog;
mod customers;
mod drafts;
mod history;
mod scale;
mod seeder;
mod story;

use std::io;
use std::path::Path;

use rusqlite::Connection;

use crate::auth::password::HashError;
use crate::db::{self, DbError};
pub use seeder::Seeder;

/// Every demo account's password.
pub const DEMO_PASSWORD: &str = "portal-demo";

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

/// Deletes the database at `path` (with its WAL files) and creates it anew with the demo
/// seed; `scale` adds the scale-test customer.
pub fn create_demo_db(path: &Path, scale: bool) -> Result<Connection, SeedError> {
    for suffix in ["", "-wal", "-shm"] {
        let mut file = path.as_os_str().to_owned();
        file.push(suffix);
        match std::fs::remove_file(&file) {
            Err(err) if err.kind() != io::ErrorKind::NotFound => return Err(err.into()),
            _ => {}
        }
    }
    let mut conn = db::open(path)?;
    seed_demo(&mut conn, crate::time_util::now_unix(), scale)?;
    Ok(conn)
}

/// Seeds an empty, migrated database in one transaction, as if at `now` (unix seconds):
/// all of it or nothing.
pub fn seed_demo(conn: &mut Connection, now: i64, scale: bool) -> Result<(), SeedError> {
    let tx = conn.transaction()?;
    let seeder = Seeder::new(&tx, now);
    catalog::contacts(&seeder)?;
    catalog::services(&seeder)?;
    catalog::courses(&seeder)?;
    let kowalski = customers::kowalski_aero(&seeder)?;
    let strojirny = customers::strojirny_hradec(&seeder)?;
    let tatra = customers::tatra_forming(&seeder)?;
    let northbridge = customers::northbridge_tooling(&seeder)?;
    history::kowalski_aero(&seeder, kowalski)?;
    history::strojirny_hradec(&seeder, strojirny)?;
    history::tatra_forming(&seeder, tatra)?;
    history::northbridge_tooling(&seeder, northbridge)?;
    if scale {
        let customer = customers::scale_test(&seeder)?;
        scale::history(&seeder, customer)?;
    }
    tx.commit()?;
    Ok(())
}
