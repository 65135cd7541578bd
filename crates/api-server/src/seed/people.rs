//! Kowalski Aero's people beyond the two demo accounts: a pending invitation and a
//! deactivated engineer, with the record of both changes. Seeded after every customer, so
//! the ids of the demo accounts stay what they were. Nobody knows the invitation's token
//! (its hash is random); the admin may send it again from the People page.

use rusqlite::params;
use support_api::session::Role;

use super::error::SeedError;
use super::seeder::Seeder;
use crate::auth::token;
use crate::db::codec::Code;

pub fn kowalski_aero(s: &Seeder, customer: i64) -> Result<(), SeedError> {
    let conn = s.conn();
    let (_, admin, _) = s.person("admin@kowalski-aero.demo")?;

    let invited_at = s.at(2, 9, 15);
    conn.execute(
        "INSERT INTO users (customer_id, email, name, role, password_hash, status, language)
         VALUES (?1, 'marta.wisniewska@kowalski-aero.demo', 'Marta Wiśniewska', 'member', '!',
                 'invited', 'pl')",
        [customer],
    )?;
    let invited = conn.last_insert_rowid();
    let unknown = token::hash(&token::random()?);
    conn.execute(
        "INSERT INTO account_tokens (token_hash, user_id, purpose, created_at, expires_at)
         VALUES (?1, ?2, 'invitation', ?3, ?4)",
        params![
            unknown.as_slice(),
            invited,
            invited_at,
            invited_at + 7 * 24 * 3600
        ],
    )?;

    let left = s.user(
        customer,
        "jan.zielinski@kowalski-aero.demo",
        "Jan Zieliński",
        Role::Member,
    )?;
    let deactivated_at = s.at(20, 16, 40);
    conn.execute(
        "UPDATE users SET status = 'deactivated', last_sign_in_at = ?2 WHERE id = ?1",
        params![left, s.at(24, 8, 5)],
    )?;

    for (at, kind, name, email, role) in [
        (
            s.at(400, 10, 0),
            "invited",
            "Jan Zieliński",
            "jan.zielinski@kowalski-aero.demo",
            Some(Role::Member),
        ),
        (
            deactivated_at,
            "deactivated",
            "Jan Zieliński",
            "jan.zielinski@kowalski-aero.demo",
            None,
        ),
        (
            invited_at,
            "invited",
            "Marta Wiśniewska",
            "marta.wisniewska@kowalski-aero.demo",
            Some(Role::Member),
        ),
    ] {
        conn.execute(
            "INSERT INTO people_changes (customer_id, at, kind, actor_name, person_name, email, role)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![customer, at, kind, admin, name, email, role.map(Code)],
        )?;
    }
    Ok(())
}
