//! The mails of closing the loop, recorded in the same write transaction as their event:
//! a quote issued, accepted or declined, a resolution reopened. Each goes to the request's
//! requester and the company's admins, except to whoever caused it.

use rusqlite::Connection;
use support_api::money::Currency;

use crate::db::requests::Stored;
use crate::error::ApiError;
use crate::mail::{self, Letter, MailKind};

/// `4000.00 EUR`: plain, the same in every language's text.
pub fn amount(minor: i64, currency: Option<Currency>) -> String {
    let code = currency.map_or("", |c| c.code());
    format!("{}.{:02} {code}", minor / 100, (minor % 100).abs())
}

/// Records `kind` with `vars` for the requester and the admins of `request`'s customer,
/// leaving out `actor` (the user who acted; `None` for the support team).
pub fn notify(
    conn: &Connection,
    request: &Stored,
    kind: MailKind,
    actor: Option<i64>,
    vars: Vec<(&'static str, String)>,
    now: i64,
) -> Result<(), ApiError> {
    let mut to: Vec<i64> = conn
        .prepare_cached("SELECT id FROM users WHERE customer_id = ?1 AND role = 'admin'")?
        .query_map([request.customer_id], |row| row.get(0))?
        .collect::<Result<_, _>>()?;
    to.push(request.requested_by);
    to.sort_unstable();
    to.dedup();
    for user in to.into_iter().filter(|u| Some(*u) != actor) {
        let letter = Letter {
            kind,
            to_user: user,
            request_id: Some(request.id),
            link: format!("/requests/{}", request.id),
            vars: vars.clone(),
        };
        mail::enqueue(conn, &letter, now)?;
    }
    Ok(())
}

/// What the `resolved` mail (helper `mail`'s) adds for closing the loop: its link opens
/// the request's page at the card that confirms or reopens it, and `{days}` says when an
/// unanswered resolution closes itself.
pub fn resolved_parts(
    request_id: i64,
    auto_close_days: u32,
) -> (String, Vec<(&'static str, String)>) {
    (
        format!("/requests/{request_id}#resolution"),
        vec![("days", auto_close_days.to_string())],
    )
}
