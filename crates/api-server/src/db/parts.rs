//! What the storage modules build their list queries with: filters and pages.

use rusqlite::types::Value;

/// Narrows a query being built to rows whose `column` is one of `values`: appends
/// ` AND column IN (?, …)` to `sql` and the values to `params`. No values, no filter.
pub fn and_any_of<'a>(
    sql: &mut String,
    params: &mut Vec<Value>,
    column: &str,
    values: impl IntoIterator<Item = &'a str>,
) {
    let values: Vec<Value> = values
        .into_iter()
        .map(|v| Value::Text(v.to_owned()))
        .collect();
    if !values.is_empty() {
        let marks = vec!["?"; values.len()].join(", ");
        sql.push_str(&format!(" AND {column} IN ({marks})"));
        params.extend(values);
    }
}

/// Splits rows fetched with `LIMIT limit + 1` into the page (at most `limit` rows) and,
/// when there were more, the cursor `cursor_of` makes from the page's last row.
pub fn page<T>(
    mut rows: Vec<T>,
    limit: u32,
    cursor_of: impl FnOnce(&T) -> String,
) -> (Vec<T>, Option<String>) {
    let more = rows.len() > limit as usize;
    rows.truncate(limit as usize);
    let next_cursor = rows.last().filter(|_| more).map(cursor_of);
    (rows, next_cursor)
}
