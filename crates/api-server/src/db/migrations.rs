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
    let version: i64 = tx.pragma_query_value(None, "schema_version", |r| r.get(0))?;
    tx.pragma_update(None, "writable_schema", true)?;
    for (table, from, to) in WIDENED {
        let changed = tx.execute(
            "UPDATE sqlite_schema SET sql = replace(sql, ?2, ?3)
             WHERE type = 'table' AND name = ?1 AND instr(sql, ?2) > 0",
            [table, from, to],
        )?;
        if changed != 1 {
            return Err(HookError::Hook(format!(
                "no CHECK list `{from}` in {table}"
            )));
        }
    }
    tx.pragma_update(None, "schema_version", version + 1)?;
    tx.pragma_update(None, "writable_schema", false)?;
    Ok(())
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
}
