//! The schema, as numbered SQL files applied in order. Later work (credit ledger,
//! requests) adds files here; applied ones are never edited.

use rusqlite_migration::{M, Migrations};

const MIGRATIONS: &[M<'static>] = &[
    M::up(include_str!("../../migrations/0001_core.sql")),
    M::up(include_str!("../../migrations/0002_requests.sql")),
    M::up(include_str!("../../migrations/0003_credit.sql")),
    M::up(include_str!("../../migrations/0004_mail.sql")),
    M::up(include_str!("../../migrations/0006_people.sql")),
];

pub fn migrations() -> Migrations<'static> {
    Migrations::from_slice(MIGRATIONS)
}

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_are_valid() {
        assert!(super::migrations().validate().is_ok());
    }
}
