//! Query strings of the list endpoints, read into typed filters. Every refusal is a field
//! error named after the parameter, so a bad filter is a 422 problem, never a 500 or a
//! silently ignored value. Unknown parameters are refused too (a typo would otherwise
//! look like "no filter").

use support_api::validation::{FieldErrors, codes};
use time::Date;

use crate::error::ApiError;
use crate::time_util::parse_client_day;

pub struct Query {
    pairs: Vec<(String, String)>,
    pub errors: FieldErrors,
}

impl Query {
    /// `raw` is the query string without `?`; only `allowed` names are accepted.
    pub fn parse(raw: Option<&str>, allowed: &[&str]) -> Self {
        let pairs: Vec<(String, String)> = form_urlencoded::parse(raw.unwrap_or("").as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        let mut errors = FieldErrors::default();
        for (name, _) in &pairs {
            if !allowed.contains(&name.as_str()) && errors.code_for(name).is_none() {
                errors.push(name, codes::UNKNOWN_FIELD, "is not a known parameter");
            }
        }
        Query { pairs, errors }
    }

    /// The last non-empty value of a parameter (an empty one means "no filter").
    pub fn value(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .rev()
            .find(|(n, v)| n == name && !v.trim().is_empty())
            .map(|(_, v)| v.trim())
    }

    pub fn day(&mut self, name: &str) -> Option<Date> {
        let text = self.value(name)?.to_owned();
        let day = parse_client_day(&text);
        if day.is_none() {
            self.errors
                .push(name, codes::INVALID_DATE, "is not a day (YYYY-MM-DD)");
        }
        day
    }

    /// Every value of a parameter, repeated or comma-separated, each parsed by `parse`.
    pub fn list<T: PartialEq>(&mut self, name: &str, parse: impl Fn(&str) -> Option<T>) -> Vec<T> {
        let mut values = Vec::new();
        let mut bad = false;
        for (n, v) in &self.pairs {
            if n != name {
                continue;
            }
            for part in v.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                match parse(part) {
                    Some(value) if !values.contains(&value) => values.push(value),
                    Some(_) => {}
                    None => bad = true,
                }
            }
        }
        if bad {
            self.errors.push(
                name,
                codes::INVALID_VALUE,
                "is not one of the values it takes",
            );
        }
        values
    }

    pub fn one<T>(&mut self, name: &str, parse: impl Fn(&str) -> Option<T>) -> Option<T> {
        let text = self.value(name)?.to_owned();
        let value = parse(&text);
        if value.is_none() {
            self.errors.push(
                name,
                codes::INVALID_VALUE,
                "is not one of the values it takes",
            );
        }
        value
    }

    pub fn boolean(&mut self, name: &str) -> Option<bool> {
        self.one(name, |v| match v {
            "true" | "1" => Some(true),
            "false" | "0" => Some(false),
            _ => None,
        })
    }

    pub fn text(&mut self, name: &str, max_chars: usize) -> Option<String> {
        let text = self.value(name)?.to_owned();
        if text.chars().count() > max_chars {
            self.errors.push(name, codes::TOO_LONG, "is too long");
            return None;
        }
        Some(text)
    }

    /// `limit`: 1 to `max`, `default` when absent.
    pub fn limit(&mut self, default: u32, max: u32) -> u32 {
        let Some(text) = self.value("limit").map(str::to_owned) else {
            return default;
        };
        match text.parse::<i64>() {
            Ok(n) if n < 1 => self.errors.push("limit", codes::TOO_FEW, "at least 1"),
            Ok(n) if n > i64::from(max) => self.errors.push("limit", codes::TOO_MANY, "too large"),
            Ok(n) => return u32::try_from(n).unwrap_or(default),
            Err(_) => self
                .errors
                .push("limit", codes::INVALID_TYPE, "is not a whole number"),
        }
        default
    }

    /// The keys of `cursor` if it is one this endpoint issued with `tag`.
    pub fn cursor(&mut self, tag: &str, count: usize) -> Option<Vec<i64>> {
        let text = self.value("cursor")?.to_owned();
        let keys = crate::cursor::decode(tag, count, &text);
        if keys.is_none() {
            self.errors.push(
                "cursor",
                codes::INVALID_VALUE,
                "is not a cursor of this list",
            );
        }
        keys
    }

    pub fn finish(self) -> Result<(), ApiError> {
        self.errors.into_result().map_err(ApiError::Fields)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_values_lists_and_refusals() {
        let mut q = Query::parse(
            Some("from=2025-01-31&kind=debit,expiry&kind=debit&limit=0&x=1&q=a%2Bb+c"),
            &["from", "kind", "limit", "q"],
        );
        assert_eq!(q.day("from"), parse_client_day("2025-01-31"));
        assert_eq!(q.list("kind", |k| Some(k.to_owned())), ["debit", "expiry"]);
        assert_eq!(q.text("q", 10).as_deref(), Some("a+b c"));
        assert_eq!(q.limit(50, 500), 50);
        assert_eq!(q.errors.code_for("limit"), Some(codes::TOO_FEW));
        assert_eq!(q.errors.code_for("x"), Some(codes::UNKNOWN_FIELD));
        let mut q = Query::parse(
            Some("from=31.1.2025&limit=abc&cursor=zz"),
            &["from", "limit", "cursor"],
        );
        assert_eq!(q.day("from"), None);
        q.limit(50, 500);
        assert_eq!(q.cursor("l1", 2), None);
        assert_eq!(q.errors.code_for("from"), Some(codes::INVALID_DATE));
        assert_eq!(q.errors.code_for("limit"), Some(codes::INVALID_TYPE));
        assert_eq!(q.errors.code_for("cursor"), Some(codes::INVALID_VALUE));
    }
}
