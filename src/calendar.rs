//! Calendar arithmetic on civil dates (proleptic Gregorian), in one place: days as the
//! API writes them (`YYYY-MM-DD`), and days since 1970-01-01 for differences.

/// `YYYY-MM-DD` into (year, month 1–12, day 1–31), checking the day exists.
pub fn parse_day(text: &str) -> Option<(u32, u32, u32)> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = text.get(range)?;
        if part.bytes().all(|b| b.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    let (year, month, day) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days_in_month)
        .contains(&day)
        .then_some((year, month, day))
}

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
pub fn days_from_civil(year: u32, month: u32, day: u32) -> i64 {
    let (y, m, d) = (i64::from(year), i64::from(month), i64::from(day));
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Days from `today` to `day` (`YYYY-MM-DD`), negative once past.
pub fn days_until(today: (u32, u32, u32), day: &str) -> Option<i64> {
    let (y, m, d) = parse_day(day)?;
    Some(days_from_civil(y, m, d) - days_from_civil(today.0, today.1, today.2))
}

/// The civil date (year, month, day) of a count of days since 1970-01-01.
pub fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_days() {
        assert_eq!(parse_day("2025-01-31"), Some((2025, 1, 31)));
        assert_eq!(parse_day("2024-02-29"), Some((2024, 2, 29)));
        assert_eq!(parse_day("2000-02-29"), Some((2000, 2, 29)));
    }

    #[test]
    fn refuses_what_is_not_a_day() {
        for bad in [
            "",
            "2025-1-31",
            "2025-13-01",
            "2025-00-10",
            "2025-04-31",
            "2023-02-29",
            "1900-02-29",
            "2025-01-00",
            "2025/01/31",
            "２０２５-01-31",
            "+025-01-31",
            "2025-01-31T00:00:00Z",
        ] {
            assert_eq!(parse_day(bad), None, "{bad}");
        }
    }

    #[test]
    fn counts_days_between_dates() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(days_until((2026, 11, 25), "2027-01-04"), Some(40));
        assert_eq!(days_until((2026, 11, 25), "2026-11-25"), Some(0));
        assert_eq!(days_until((2026, 11, 25), "2026-09-25"), Some(-61));
        assert_eq!(days_until((2024, 2, 28), "2024-03-01"), Some(2));
        assert_eq!(days_until((2026, 11, 25), "soon"), None);
    }

    #[test]
    fn days_and_dates_round_trip() {
        for (y, m, d) in [(1970, 1, 1), (2000, 2, 29), (2026, 12, 31), (1969, 12, 31)] {
            let days = days_from_civil(y, m, d);
            assert_eq!(
                civil_from_days(days),
                (i64::from(y), i64::from(m), i64::from(d))
            );
        }
    }
}
