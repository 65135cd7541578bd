//! Days and instants in the contract's formats: days `YYYY-MM-DD`, instants RFC 3339 UTC.

use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{Date, Duration, Month, OffsetDateTime};

use crate::error::ApiError;

const DAY: &[time::format_description::BorrowedFormatItem<'static>] =
    format_description!("[year]-[month]-[day]");

/// Today's date, in UTC: coverage and course dates are judged against it.
pub fn today() -> Date {
    OffsetDateTime::now_utc().date()
}

pub fn now_unix() -> i64 {
    OffsetDateTime::now_utc().unix_timestamp()
}

/// The UTC day of a unix instant.
pub fn day_of(unix_seconds: i64) -> Date {
    OffsetDateTime::from_unix_timestamp(unix_seconds)
        .map(|t| t.date())
        .unwrap_or(Date::MIN)
}

/// 00:00 UTC of `date`, as unix seconds.
pub fn start_of_day(date: Date) -> i64 {
    date.midnight().assume_utc().unix_timestamp()
}

/// A day from the client (`YYYY-MM-DD`), `None` when malformed.
pub fn parse_client_day(text: &str) -> Option<Date> {
    Date::parse(text, DAY).ok()
}

pub fn format_day(date: Date) -> String {
    // Every `Date` this server makes has a four-digit year, which the format accepts.
    date.format(DAY).unwrap_or_default()
}

/// A stored day; a malformed one is a storage fault, not the client's.
pub fn parse_day(text: &str) -> Result<Date, ApiError> {
    Date::parse(text, DAY).map_err(|err| ApiError::internal("reading a stored day", err))
}

pub fn format_instant(unix_seconds: i64) -> Result<String, ApiError> {
    OffsetDateTime::from_unix_timestamp(unix_seconds)
        .ok()
        .and_then(|t| t.format(&Rfc3339).ok())
        .ok_or_else(|| ApiError::broken(format!("stored instant {unix_seconds} out of range")))
}

/// The same day of the month `months` later (earlier when negative), clamped to the end of
/// a shorter month: 31 January + 1 month is 28 or 29 February.
pub fn add_months(date: Date, months: i32) -> Date {
    let index = date.year() * 12 + i32::from(u8::from(date.month())) - 1 + months;
    let year = index.div_euclid(12);
    let month = Month::January.nth_next(index.rem_euclid(12) as u8);
    let day = date.day().min(time::util::days_in_month(month, year));
    Date::from_calendar_date(year, month, day).unwrap_or(date)
}

pub fn add_days(date: Date, days: i64) -> Date {
    date.saturating_add(Duration::days(days))
}

/// The first Monday on or after `date`: courses start on Mondays.
pub fn monday_on_or_after(date: Date) -> Date {
    let ahead = 7 - i64::from(date.weekday().number_days_from_monday());
    add_days(date, ahead % 7)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn months_clamp_to_shorter_months() {
        assert_eq!(add_months(date!(2025 - 01 - 31), 1), date!(2025 - 02 - 28));
        assert_eq!(
            add_months(date!(2024 - 03 - 15), -14),
            date!(2023 - 01 - 15)
        );
        assert_eq!(add_months(date!(2024 - 11 - 30), 3), date!(2025 - 02 - 28));
    }

    #[test]
    fn mondays_and_formats() {
        assert_eq!(
            monday_on_or_after(date!(2025 - 06 - 04)),
            date!(2025 - 06 - 09)
        );
        assert_eq!(
            monday_on_or_after(date!(2025 - 06 - 09)),
            date!(2025 - 06 - 09)
        );
        assert_eq!(format_day(date!(2025 - 06 - 04)), "2025-06-04");
        assert_eq!(parse_day("2025-06-04").ok(), Some(date!(2025 - 06 - 04)));
        assert!(parse_day("04.06.2025").is_err());
        assert_eq!(
            format_instant(0).ok().as_deref(),
            Some("1970-01-01T00:00:00Z")
        );
    }
}
