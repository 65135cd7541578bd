//! Each user's choices: which kinds of mail they get (`notification_preferences`; no
//! row means the default) and which requests they muted.

use rusqlite::{Connection, params};
use support_api::notifications::{NotificationKind, NotificationSetting};
use support_api::session::Role;

use super::kind::MailKind;
use super::store::enabled_by_default;
use crate::error::ApiError;

/// The contract's name of a kind is the mail's key.
fn mail_kind(kind: NotificationKind) -> Result<MailKind, ApiError> {
    let key = serde_json::to_value(kind).map_err(|err| ApiError::internal("kind", err))?;
    key.as_str()
        .and_then(MailKind::from_key)
        .ok_or_else(|| ApiError::broken(format!("no mail kind for {kind:?}")))
}

/// Every kind offered to a user of `role`, with whether it is on.
pub fn settings(
    conn: &Connection,
    user_id: i64,
    role: Role,
) -> Result<Vec<NotificationSetting>, ApiError> {
    let mut statement = conn
        .prepare_cached("SELECT kind, enabled FROM notification_preferences WHERE user_id = ?1")?;
    let chosen = statement
        .query_map([user_id], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, bool>(1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut out = Vec::new();
    for kind in NotificationKind::ALL {
        if !kind.offered_to(role) {
            continue;
        }
        let mail = mail_kind(kind)?;
        let enabled = chosen
            .iter()
            .find(|(key, _)| key == mail.key())
            .map_or_else(|| enabled_by_default(mail, role), |(_, on)| *on);
        out.push(NotificationSetting { kind, enabled });
    }
    Ok(out)
}

/// Stores the user's choice for each listed kind (already validated for the role).
pub fn save(
    conn: &Connection,
    user_id: i64,
    changes: &[NotificationSetting],
) -> Result<(), ApiError> {
    for change in changes {
        conn.prepare_cached(
            "INSERT INTO notification_preferences (user_id, kind, enabled) VALUES (?1, ?2, ?3)
             ON CONFLICT (user_id, kind) DO UPDATE SET enabled = excluded.enabled",
        )?
        .execute(params![
            user_id,
            mail_kind(change.kind)?.key(),
            change.enabled
        ])?;
    }
    Ok(())
}

pub fn muted(conn: &Connection, user_id: i64, request_id: i64) -> Result<bool, ApiError> {
    Ok(conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM request_mutes WHERE user_id = ?1 AND request_id = ?2)",
        )?
        .query_row(params![user_id, request_id], |row| row.get(0))?)
}

pub fn set_muted(
    conn: &Connection,
    user_id: i64,
    request_id: i64,
    muted: bool,
) -> Result<(), ApiError> {
    let sql = if muted {
        "INSERT OR IGNORE INTO request_mutes (user_id, request_id) VALUES (?1, ?2)"
    } else {
        "DELETE FROM request_mutes WHERE user_id = ?1 AND request_id = ?2"
    };
    conn.prepare_cached(sql)?
        .execute(params![user_id, request_id])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_contract_lists_exactly_the_switchable_kinds() {
        let listed: Vec<MailKind> = NotificationKind::ALL
            .iter()
            .map(|kind| mail_kind(*kind).expect("a mail kind"))
            .collect();
        let switchable: Vec<MailKind> = MailKind::ALL
            .iter()
            .copied()
            .filter(|kind| kind.switchable())
            .collect();
        assert_eq!(listed, switchable);
        for kind in NotificationKind::ALL {
            assert_eq!(
                kind.company_wide(),
                mail_kind(kind).expect("kind").company_wide(),
                "{kind:?}"
            );
        }
    }
}
