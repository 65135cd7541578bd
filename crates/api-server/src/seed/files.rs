//! Demo files: a screenshot, a CATReport log and a small STEP model on the open hotline
//! requests of the demo customers, added by their requesters an hour after the request.
//! They are known fixtures, so they are seeded clean (no scanner runs at seed time).

use std::path::Path;

use rusqlite::Connection;
use support_api::files::ScanStatus;

use super::error::SeedError;
use crate::actions::attach::{self, Attachment};
use crate::db::requests::Actor;
use crate::files::store::LocalStore;

const FIXTURES: [(&str, &[u8]); 3] = [
    (
        "screenshot.png",
        include_bytes!("../../fixtures/screenshot.png"),
    ),
    (
        "CATReport.log",
        include_bytes!("../../fixtures/CATReport.log"),
    ),
    ("bracket.stp", include_bytes!("../../fixtures/bracket.stp")),
];

/// Adds the fixtures to each open hotline request (oldest first), storing the bytes in
/// the store beside the database at `db`.
pub fn demo_files(conn: &Connection, db: &Path) -> Result<(), SeedError> {
    let store = LocalStore::new(&attach::store_dir(db, None));
    let mut stmt = conn.prepare(
        "SELECT r.id, r.created_at, u.id, u.name FROM requests r
         JOIN users u ON u.id = r.requested_by
         WHERE r.type = 'hotline' AND r.status IN ('submitted', 'scheduled', 'in_progress')
         ORDER BY r.id",
    )?;
    let open: Vec<(i64, i64, i64, String)> = stmt
        .query_map([], |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
        })?
        .collect::<Result<_, _>>()?;
    for (request_id, created_at, user_id, name) in open {
        let by = Actor {
            user_id: Some(user_id),
            name,
        };
        for (file_name, bytes) in FIXTURES {
            let content = store.ingest(bytes)?;
            attach::record(
                conn,
                &Attachment {
                    request_id,
                    name: file_name,
                    content: &content,
                    comment: None,
                    scan: ScanStatus::Clean,
                },
                &by,
                created_at + 3600,
            )?;
        }
    }
    Ok(())
}
