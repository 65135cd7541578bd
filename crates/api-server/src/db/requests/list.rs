//! The list of requests (`GET /requests`): filters, sorts and keyset pages, and the staff
//! side's list of every request.

use rusqlite::Connection;
use rusqlite::types::Value;
use support_api::money::Currency;
use support_api::plan::Priority;
use support_api::requests::{RequestPage, RequestSort, RequestStatus, RequestType};
use support_api::session::Role;

use super::stored::{COLUMNS, FROM, Stored, Viewer, stored, summary};
use crate::db::parts;
use crate::error::ApiError;

/// Filters of `GET /requests`.
#[derive(Clone, Debug, Default)]
pub struct ListFilter {
    pub statuses: Vec<RequestStatus>,
    pub types: Vec<RequestType>,
    pub priorities: Vec<Priority>,
    /// Part of the title, matched literally (case-insensitive for ASCII letters).
    pub q: Option<String>,
    pub open: Option<bool>,
    pub sort: RequestSort,
    pub limit: u32,
    /// The sort key of the last request served.
    pub after: Option<[i64; 3]>,
}

pub const REQUESTS_CURSOR: &str = "r1";

/// The three ascending sort keys of each order (descending ones negated, so one
/// row-value comparison pages any order).
fn sort_keys(sort: RequestSort) -> [&'static str; 3] {
    match sort {
        // The id twice: a constant third key would read as a column number.
        RequestSort::CreatedDesc => ["-r.created_at", "-r.id", "-r.id"],
        RequestSort::CreatedAsc => ["r.created_at", "r.id", "r.id"],
        RequestSort::Priority => [
            "CASE r.priority WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END",
            "-r.created_at",
            "-r.id",
        ],
        RequestSort::ReactionDue => [
            "CASE WHEN r.first_reaction_at IS NULL AND r.reaction_due_at IS NOT NULL
                   AND r.status NOT IN ('resolved', 'closed', 'cancelled')
              THEN r.reaction_due_at ELSE 9223372036854775807 END",
            "r.created_at",
            "r.id",
        ],
    }
}

pub fn sort_index(sort: RequestSort) -> i64 {
    RequestSort::ALL
        .iter()
        .position(|s| *s == sort)
        .unwrap_or(0) as i64
}

/// `%`, `_` and the escape character itself, escaped for `LIKE ... ESCAPE '\'`.
pub fn like_pattern(text: &str) -> String {
    let mut pattern = String::with_capacity(text.len() + 2);
    pattern.push('%');
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

pub fn list(
    conn: &Connection,
    viewer: Viewer,
    filter: &ListFilter,
    currency: Currency,
) -> Result<RequestPage, ApiError> {
    let keys = sort_keys(filter.sort).join(", ");
    // The sort keys ride along after the columns of `stored`.
    let mut sql = format!("SELECT {COLUMNS}, {keys} {FROM} WHERE r.customer_id = ?");
    let mut params: Vec<Value> = vec![viewer.customer_id.into()];
    if viewer.role != Role::Admin {
        sql.push_str(" AND r.requested_by = ?");
        params.push(viewer.user_id.into());
    }
    let statuses = filter.statuses.iter().map(|s| s.as_str());
    parts::and_any_of(&mut sql, &mut params, "r.status", statuses);
    let types = filter.types.iter().map(|t| t.as_str());
    parts::and_any_of(&mut sql, &mut params, "r.type", types);
    let priorities = filter.priorities.iter().map(|p| p.as_str());
    parts::and_any_of(&mut sql, &mut params, "r.priority", priorities);
    match filter.open {
        Some(true) => sql.push_str(" AND r.status NOT IN ('resolved', 'closed', 'cancelled')"),
        Some(false) => sql.push_str(" AND r.status IN ('resolved', 'closed', 'cancelled')"),
        None => {}
    }
    if let Some(q) = &filter.q {
        sql.push_str(" AND r.title LIKE ? ESCAPE '\\'");
        params.push(like_pattern(q).into());
    }
    if let Some(after) = filter.after {
        sql.push_str(&format!(" AND ({keys}) > (?, ?, ?)"));
        params.extend(after.map(Value::from));
    }
    sql.push_str(&format!(" ORDER BY {keys} LIMIT ?"));
    params.push(i64::from(filter.limit + 1).into());

    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(params), |row| {
        Ok((stored(row)?, [row.get(27)?, row.get(28)?, row.get(29)?]))
    })?;
    let rows = rows.collect::<Result<Vec<(Stored, [i64; 3])>, _>>()?;
    let (rows, next_cursor) = parts::page(rows, filter.limit, |(_, k)| {
        crate::cursor::encode(
            REQUESTS_CURSOR,
            &[sort_index(filter.sort), k[0], k[1], k[2]],
        )
    });
    let items = rows
        .iter()
        .map(|(r, _)| summary(r, currency))
        .collect::<Result<_, _>>()?;
    Ok(RequestPage { items, next_cursor })
}

/// Every request (the staff side), optionally of one customer, newest first.
pub fn all(conn: &Connection, customer_id: Option<i64>) -> Result<Vec<Stored>, ApiError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} {FROM} WHERE ?1 IS NULL OR r.customer_id = ?1
         ORDER BY r.created_at DESC, r.id DESC"
    ))?;
    let rows = stmt.query_map([customer_id], stored)?;
    Ok(rows.collect::<Result<_, _>>()?)
}

#[cfg(test)]
mod tests {
    use super::like_pattern;

    #[test]
    fn like_wildcards_are_escaped() {
        assert_eq!(like_pattern("50%_a\\b"), "%50\\%\\_a\\\\b%");
    }
}
