//! Calendar months and days as the API writes them (`YYYY-MM`, `YYYY-MM-DD`): pure,
//! tested natively.

use std::fmt;

use crate::calendar::parse_day;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Month {
    pub year: u32,
    /// 1–12.
    pub month: u32,
}

impl Month {
    pub fn new(year: u32, month: u32) -> Option<Month> {
        ((1..=12).contains(&month) && (1..=9999).contains(&year)).then_some(Month { year, month })
    }

    /// `YYYY-MM`; anything else is `None`.
    pub fn parse(text: &str) -> Option<Month> {
        let bytes = text.as_bytes();
        if bytes.len() != 7 || bytes[4] != b'-' {
            return None;
        }
        let digits = |part: &str| -> Option<u32> {
            part.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        Month::new(digits(text.get(..4)?)?, digits(text.get(5..)?)?)
    }

    /// The month a `YYYY-MM-DD` day (or an RFC 3339 instant) falls in.
    pub fn of_day(day: &str) -> Option<Month> {
        let (year, month, _) = parse_day(day.get(..10)?)?;
        Month::new(year, month)
    }

    pub fn days(self) -> u32 {
        let year = self.year;
        let leap =
            (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        match self.month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        }
    }

    pub fn first_day(self) -> String {
        format!("{self}-01")
    }

    pub fn last_day(self) -> String {
        format!("{self}-{:02}", self.days())
    }

    pub fn previous(self) -> Month {
        if self.month == 1 {
            Month {
                year: self.year - 1,
                month: 12,
            }
        } else {
            Month {
                year: self.year,
                month: self.month - 1,
            }
        }
    }

    /// The last day of the month before: the day the opening balance stands at.
    pub fn day_before(self) -> String {
        self.previous().last_day()
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// `count` months ending with `last`, newest first.
pub fn months_back(last: Month, count: usize) -> Vec<Month> {
    let mut out = Vec::with_capacity(count);
    let mut month = last;
    for _ in 0..count {
        out.push(month);
        if month.year <= 1 && month.month == 1 {
            break;
        }
        month = month.previous();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_months() {
        assert_eq!(Month::parse("2026-11"), Month::new(2026, 11));
        assert_eq!(Month::parse("2026-01").map(|m| m.month), Some(1));
        for bad in [
            "",
            "2026-13",
            "2026-00",
            "2026-1",
            "26-11",
            "2026/11",
            "2026-11-01",
            "+026-11",
        ] {
            assert_eq!(Month::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn knows_its_days() {
        let m = |y, m| Month::new(y, m).expect("a month");
        assert_eq!(m(2024, 2).last_day(), "2024-02-29");
        assert_eq!(m(2026, 2).last_day(), "2026-02-28");
        assert_eq!(m(2026, 4).last_day(), "2026-04-30");
        assert_eq!(m(2026, 12).first_day(), "2026-12-01");
        assert_eq!(m(2026, 1).day_before(), "2025-12-31");
        assert_eq!(m(2026, 3).day_before(), "2026-02-28");
        assert_eq!(Month::of_day("2026-11-25T10:00:00Z"), Some(m(2026, 11)));
        assert_eq!(Month::of_day("2026-11-31"), None);
    }

    #[test]
    fn counts_back() {
        let last = Month::new(2026, 2).expect("a month");
        let months: Vec<String> = months_back(last, 3).iter().map(|m| m.to_string()).collect();
        assert_eq!(months, ["2026-02", "2026-01", "2025-12"]);
    }
}
