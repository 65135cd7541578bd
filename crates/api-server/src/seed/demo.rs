//! The demo database: created anew, seeded in one transaction.

use std::io;
use std::path::Path;

use rusqlite::Connection;

use super::error::SeedError;
use super::seeder::Seeder;
use super::{catalog, customers, history, people, scale};
use crate::{db, mail};

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
    let tx = conn.transaction()?;
    super::files::demo_files(&tx, path)?;
    tx.commit()?;
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
    people::kowalski_aero(&seeder, kowalski)?;
    if scale {
        let customer = customers::scale_test(&seeder)?;
        scale::history(&seeder, customer)?;
    }
    quiet_history(&tx, now)?;
    tx.commit()?;
    Ok(())
}

/// The history went through the same actions as real events, so it recorded their mails:
/// none of them is news to anyone, and a new user's inbox (MailDev in `make run`) should
/// show only the mails of what they do. Deleted, and the conditions the history leaves
/// (credit below the threshold, blocks about to expire, missed SLA reactions) recorded
/// as already notified.
fn quiet_history(conn: &Connection, now: i64) -> Result<(), SeedError> {
    conn.execute("DELETE FROM outbox", [])?;
    mail::checks::run(conn, now, mail::checks::Mode::RecordOnly)?;
    Ok(())
}
