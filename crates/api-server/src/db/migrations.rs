//! The schema, as numbered SQL files applied in order. Later work (credit ledger,
//! requests) adds files here; applied ones are never edited.

use rusqlite::Transaction;
use rusqlite_migration::{HookError, HookResult, M, Migrations};

const MIGRATIONS: &[M<'static>] = &[
    M::up(include_str!("../../migrations/0001_core.sql")),
    M::up(include_str!("../../migrations/0002_requests.sql")),
    M::up(include_str!("../../migrations/0003_credit.sql")),
    M::up(include_str!("../../migrations/0004_mail.sql")),
    M::up(include_str!("../../migrations/0005_files.sql")),
    M::up(include_str!("../../migrations/0006_people.sql")),
];

pub fn migrations() -> Migrations<'static> {
    let mut all = MIGRATIONS.to_vec();
    all.push(M::up_with_hook(
        include_str!("../../migrations/0007_loop.sql"),
        widen_checks,
    ));
    all.push(M::up_with_hook(
        include_str!("../../migrations/0008_staged_files.sql"),
        staged_files_may_wait,
    ));
    all.push(M::up_with_hook(
        include_str!("../../migrations/0009_two_step_reset.sql"),
        record_two_step_resets,
    ));
    Migrations::new(all)
}

/// The CHECK lists 0007 widens: (table, the list's start as 0002 wrote it, what it gets).
const WIDENED: [(&str, &str, &str); 2] = [
    (
        "requests",
        "status IN ('awaiting_approval', 'submitted',",
        "status IN ('awaiting_approval', 'submitted', 'quote_pending',",
    ),
    (
        "request_events",
        "kind IN ('status', 'comment', 'time'",
        "kind IN ('status', 'comment', 'time', 'quote', 'rating', 'escalation', 'auto_close'",
    ),
];

/// Adds values to CHECK lists of 0002 by editing the stored schema, SQLite's documented
/// way for changes that only loosen a constraint (lang_altertable.html, "Making Other
/// Kinds Of Table Schema Changes"): rows stay valid, the file format is unchanged, and
/// the schema version is bumped so every connection re-reads it.
fn widen_checks(tx: &Transaction) -> HookResult {
    edit_schema(tx, &WIDENED)
}

/// Replaces, in each table's stored CREATE statement, a text that must be there once.
fn edit_schema(tx: &Transaction, edits: &[(&str, &str, &str)]) -> HookResult {
    let version: i64 = tx.pragma_query_value(None, "schema_version", |r| r.get(0))?;
    tx.pragma_update(None, "writable_schema", true)?;
    for (table, from, to) in edits {
        let changed = tx.execute(
            "UPDATE sqlite_schema SET sql = replace(sql, ?2, ?3)
             WHERE type = 'table' AND name = ?1 AND instr(sql, ?2) > 0",
            [table, from, to],
        )?;
        if changed != 1 {
            return Err(HookError::Hook(format!("no `{from}` in {table}")));
        }
    }
    tx.pragma_update(None, "schema_version", version + 1)?;
    tx.pragma_update(None, "writable_schema", false)?;
    Ok(())
}

/// `files.request_id` as 0005 wrote it, and as 0008 leaves it: a staged file has none yet.
const REQUEST_ID_REQUIRED: &str = "request_id       INTEGER NOT NULL REFERENCES requests (id)";
const REQUEST_ID_OPTIONAL: &str = "request_id       INTEGER REFERENCES requests (id)";

/// Drops the NOT NULL of `files.request_id` by the same documented edit of the stored
/// schema as [`widen_checks`] (removing a NOT NULL only loosens a constraint); the CHECK
/// 0008 adds keeps every row either on a request or staged by a customer's user.
fn staged_files_may_wait(tx: &Transaction) -> HookResult {
    edit_schema(tx, &[("files", REQUEST_ID_REQUIRED, REQUEST_ID_OPTIONAL)])
}

/// The record of people's changes takes an admin's reset of someone's two-step sign-in
/// (0006's list widened as [`widen_checks`] widens 0002's).
fn record_two_step_resets(tx: &Transaction) -> HookResult {
    edit_schema(
        tx,
        &[(
            "people_changes",
            "'deactivated', 'reactivated'",
            "'deactivated', 'reactivated', 'two_step_reset'",
        )],
    )
}

#[cfg(test)]
mod tests {
    use rusqlite::Connection;

    #[test]
    fn migrations_are_valid() {
        assert!(super::migrations().validate().is_ok());
    }

    #[test]
    fn the_widened_checks_take_the_new_values_and_still_refuse_others() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "foreign_keys", "ON").unwrap();
        super::migrations().to_latest(&mut conn).unwrap();
        let schema: String = conn
            .query_row(
                "SELECT sql FROM sqlite_schema WHERE name = 'requests'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert!(schema.contains("'quote_pending'"));
        assert!(conn.execute("INSERT INTO request_events (request_id, at, kind, by_name, staff) VALUES (1, 0, 'nonsense', 'x', 1)", []).is_err());
        assert_eq!(
            conn.query_row("PRAGMA integrity_check", [], |r| r.get::<_, String>(0))
                .unwrap(),
            "ok"
        );
    }

    /// 0008 on a database with files of the schema before it: the old rows stay as they
    /// were, a staged file (no request, its customer named) can be stored, and neither a
    /// file on nothing nor one both staged and on a request can.
    #[test]
    fn staged_files_come_with_0008_on_a_database_of_0007() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "foreign_keys", "ON").unwrap();
        super::migrations().to_version(&mut conn, 7).unwrap();
        conn.execute_batch(
            "INSERT INTO customers (id, name, country, currency, language)
                 VALUES (1, 'A', 'CZ', 'CZK', 'cs');
             INSERT INTO users (id, customer_id, email, name, role, password_hash)
                 VALUES (1, 1, 'a@a.demo', 'A', 'admin', 'x');
             INSERT INTO requests (id, customer_id, requested_by, type, title, description,
                 priority, details, status, billed_as, billing, created_at)
                 VALUES (1, 1, 1, 'hotline', 't', 'd', 'normal', '{}', 'submitted',
                         'alc_included', 'hourly', 0);
             INSERT INTO files (request_id, name, size, content_type, sha256, by_user_id,
                 by_name, staff, at, scan)
                 VALUES (1, 'a.log', 3, 'text/plain', printf('%064d', 1), 1, 'A', 0, 5, 'clean');",
        )
        .unwrap();
        assert!(
            conn.execute(
                "INSERT INTO files (request_id, name, size, content_type, sha256, by_name, staff, at, scan)
                 VALUES (NULL, 'b.log', 1, 'text/plain', printf('%064d', 2), 'A', 0, 5, 'clean')",
                [],
            )
            .is_err(),
            "0007 takes no file without a request"
        );
        super::migrations().to_latest(&mut conn).unwrap();
        let old: (i64, Option<i64>, String) = conn
            .query_row(
                "SELECT request_id, staged_for, name FROM files WHERE id = 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        assert_eq!(old, (1, None, "a.log".to_owned()));
        let insert = |request: Option<i64>, staged: Option<i64>, user: Option<i64>| {
            conn.execute(
                "INSERT INTO files (request_id, staged_for, name, size, content_type, sha256,
                     by_user_id, by_name, staff, at, scan)
                 VALUES (?1, ?2, 'b.log', 1, 'text/plain', printf('%064d', 2), ?3, 'A', 0, 5, 'pending')",
                rusqlite::params![request, staged, user],
            )
        };
        assert!(insert(None, Some(1), Some(1)).is_ok(), "a staged file");
        assert!(insert(None, None, Some(1)).is_err(), "on nothing");
        assert!(
            insert(Some(1), Some(1), Some(1)).is_err(),
            "staged and attached"
        );
        assert!(insert(None, Some(1), None).is_err(), "staged by no one");
        assert!(
            insert(None, Some(9), Some(1)).is_err(),
            "an unknown customer"
        );
        assert_eq!(
            conn.query_row("PRAGMA integrity_check", [], |r| r.get::<_, String>(0))
                .unwrap(),
            "ok"
        );
    }
}
