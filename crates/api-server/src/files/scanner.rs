//! The background scan: pending files go through clamd, one at a time, and become clean
//! or blocked. While clamd cannot be reached they stay pending (and the portal says they
//! wait for the virus check); the scanner tries again later.

use std::sync::Arc;
use std::time::Duration;

use rusqlite::Connection;
use support_api::files::ScanStatus;

use super::Files;
use super::clamd::{self, Verdict};
use crate::db::{Db, files};
use crate::error::ApiError;
use crate::mail::{self, Letter, MailKind};
use crate::time_util::now_unix;

/// How often pending files are retried when nothing wakes the scanner.
const RETRY: Duration = Duration::from_secs(5);

/// Runs until the process ends (spawned by `serve`).
pub async fn run(db: Db, files: Arc<Files>) {
    loop {
        match scan_pending(&db, &files).await {
            Ok(_) => {}
            Err(err) => tracing::warn!(%err, "scanning files"),
        }
        let _ = tokio::time::timeout(RETRY, files.arrived.notified()).await;
    }
}

/// Scans what is pending now; returns how many files got a verdict. Stops at the first
/// failure to reach clamd (the rest would fail the same way).
pub async fn scan_pending(db: &Db, files: &Files) -> Result<usize, ApiError> {
    if files.no_scan {
        // Scanned elsewhere, explicitly: files the staff tool added pending pass too.
        return db.write(|tx| files::pass_all_pending(tx, now_unix())).await;
    }
    let Some(addr) = &files.clamd else {
        return Ok(0);
    };
    let mut done = 0;
    loop {
        let pending = db.read(|conn| files::pending(conn, 16)).await?;
        if pending.is_empty() {
            return Ok(done);
        }
        for (id, sha256) in pending {
            let content = files
                .store
                .get(&sha256)
                .await
                .map_err(|err| ApiError::internal("reading a file to scan", err))?;
            let verdict = match clamd::scan(addr, content).await {
                Ok(verdict) => verdict,
                Err(err) => {
                    tracing::warn!(%err, file = id, "clamd unreachable; the file stays pending");
                    return Ok(done);
                }
            };
            let (scan, note) = match verdict {
                Verdict::Clean => (ScanStatus::Clean, None),
                Verdict::Found(signature) => {
                    tracing::warn!(file = id, %signature, "malware found; the file is blocked");
                    (ScanStatus::Blocked, Some(signature))
                }
            };
            db.write(move |tx| {
                let now = now_unix();
                if files::set_scan(tx, id, scan, note.as_deref(), now)?
                    && scan == ScanStatus::Blocked
                {
                    tell_uploader(tx, id, now)?;
                }
                Ok(())
            })
            .await?;
            done += 1;
        }
    }
}

/// The uploader learns by mail that the virus check blocked their file, in the same
/// transaction as the verdict (the support team's own uploads have no one to tell; a
/// staged file's uploader hears when a request or comment takes it).
pub(crate) fn tell_uploader(conn: &Connection, id: i64, now: i64) -> Result<(), ApiError> {
    let Some((user, request, name)) = files::uploader(conn, id)? else {
        return Ok(());
    };
    let letter = Letter {
        kind: MailKind::FileBlocked,
        to_user: user,
        request_id: Some(request),
        link: format!("/requests/{request}"),
        vars: vec![("file", name)],
    };
    mail::enqueue(conn, &letter, now)
}
