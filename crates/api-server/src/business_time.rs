//! SLA reaction time, counted in business minutes: only the minutes inside the contract's
//! business hours (weekdays, opening and closing time) count.
//!
//! Local time is Central European time with the EU rule for summer time (CEST from the
//! last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC), applied
//! whatever `time_zone` the contract names: every contract of this company is in
//! Prague, Warsaw or Bratislava, and a fixed rule needs no time-zone database. Public
//! holidays are not known and count as business days.

use support_api::plan::BusinessHours as ContractHours;
use time::{Date, Month, OffsetDateTime, Weekday};

const MINUTE: i64 = 60;
const CET: i64 = 3600;
const CEST: i64 = 7200;
/// No search runs past this many days (a contract without a business day).
const MAX_DAYS: usize = 3700;

/// Business hours in minutes after local midnight.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BusinessHours {
    /// Monday first.
    open_days: [bool; 7],
    opens: i64,
    closes: i64,
}

impl BusinessHours {
    /// `weekdays` are ISO numbers (1 = Monday); `opens` and `closes` are `HH:MM`.
    pub fn new(weekdays: &[u8], opens: &str, closes: &str) -> Option<Self> {
        let mut open_days = [false; 7];
        for day in weekdays {
            *open_days.get_mut(usize::from(day.checked_sub(1)?))? = true;
        }
        let (opens, closes) = (minute_of_day(opens)?, minute_of_day(closes)?);
        (opens < closes && open_days.contains(&true)).then_some(BusinessHours {
            open_days,
            opens,
            closes,
        })
    }

    pub fn from_contract(hours: &ContractHours) -> Option<Self> {
        Self::new(&hours.weekdays, &hours.opens, &hours.closes)
    }

    fn is_open_on(&self, day: Date) -> bool {
        self.open_days[usize::from(day.weekday().number_days_from_monday())]
    }

    /// The business window of a local day as unix seconds, if it is a business day.
    fn window(&self, day: Date) -> Option<(i64, i64)> {
        self.is_open_on(day).then(|| {
            (
                local_to_unix(day, self.opens),
                local_to_unix(day, self.closes),
            )
        })
    }

    /// The instant `minutes` business minutes after `start` (unix seconds).
    pub fn add_minutes(&self, start: i64, minutes: u32) -> i64 {
        let mut left = i64::from(minutes) * MINUTE;
        if left == 0 {
            return start;
        }
        let mut day = local_day(start);
        for _ in 0..MAX_DAYS {
            if let Some((open, close)) = self.window(day) {
                let from = start.max(open);
                if from < close {
                    if left <= close - from {
                        return from + left;
                    }
                    left -= close - from;
                }
            }
            day = day.next_day().unwrap_or(day);
        }
        start + i64::from(minutes) * MINUTE
    }

    /// The instant `minutes` business minutes before `end`: `add_minutes` of it gives
    /// back `end` when `end` lies inside business hours, and the last business moment
    /// before `end` otherwise.
    pub fn sub_minutes(&self, end: i64, minutes: u32) -> i64 {
        let mut left = i64::from(minutes) * MINUTE;
        if left == 0 {
            return end;
        }
        let mut day = local_day(end);
        for _ in 0..MAX_DAYS {
            if let Some((open, close)) = self.window(day) {
                let to = end.min(close);
                if open < to {
                    if left <= to - open {
                        return to - left;
                    }
                    left -= to - open;
                }
            }
            day = day.previous_day().unwrap_or(day);
        }
        end - i64::from(minutes) * MINUTE
    }
}

fn minute_of_day(hh_mm: &str) -> Option<i64> {
    let (h, m) = hh_mm.split_once(':')?;
    let (h, m): (i64, i64) = (h.parse().ok()?, m.parse().ok()?);
    ((0..=24).contains(&h) && (0..60).contains(&m) && h * 60 + m <= 24 * 60).then_some(h * 60 + m)
}

fn last_sunday(year: i32, month: Month) -> Date {
    let last = Date::from_calendar_date(year, month, time::util::days_in_month(month, year))
        .unwrap_or(Date::MIN);
    last - time::Duration::days(i64::from(last.weekday().number_days_from_sunday()))
}

fn midnight_unix(day: Date) -> i64 {
    day.midnight().assume_utc().unix_timestamp()
}

/// The UTC offset in force at a unix instant.
pub fn offset_at(unix: i64) -> i64 {
    let year = OffsetDateTime::from_unix_timestamp(unix)
        .map(|t| t.year())
        .unwrap_or(1970);
    let starts = midnight_unix(last_sunday(year, Month::March)) + CET;
    let ends = midnight_unix(last_sunday(year, Month::October)) + CET;
    if (starts..ends).contains(&unix) {
        CEST
    } else {
        CET
    }
}

/// The local calendar day of an instant.
pub fn local_day(unix: i64) -> Date {
    OffsetDateTime::from_unix_timestamp(unix + offset_at(unix))
        .map(|t| t.date())
        .unwrap_or(Date::MIN)
}

/// A local time of day (minutes after midnight) on `day`, as unix seconds. Exact for
/// times after 03:00, which business hours are: the offset is that of the day's end.
fn local_to_unix(day: Date, minute: i64) -> i64 {
    let summer = day >= last_sunday(day.year(), Month::March)
        && day < last_sunday(day.year(), Month::October);
    midnight_unix(day) + minute * MINUTE - if summer { CEST } else { CET }
}

/// Whether `unix` falls on a local weekday; for tests and the seed.
pub fn is_weekend(unix: i64) -> bool {
    matches!(
        local_day(unix).weekday(),
        Weekday::Saturday | Weekday::Sunday
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn office() -> BusinessHours {
        BusinessHours::new(&[1, 2, 3, 4, 5], "08:00", "16:30").unwrap()
    }

    fn unix(t: time::OffsetDateTime) -> i64 {
        t.unix_timestamp()
    }

    #[test]
    fn summer_time_follows_the_eu_rule() {
        // 2025: CEST from 30 March 01:00 UTC to 26 October 01:00 UTC.
        assert_eq!(offset_at(unix(datetime!(2025-03-30 00:59:59 UTC))), CET);
        assert_eq!(offset_at(unix(datetime!(2025-03-30 01:00 UTC))), CEST);
        assert_eq!(offset_at(unix(datetime!(2025-10-26 00:59:59 UTC))), CEST);
        assert_eq!(offset_at(unix(datetime!(2025-10-26 01:00 UTC))), CET);
        assert_eq!(
            local_day(unix(datetime!(2025-06-30 22:30 UTC))),
            time::macros::date!(2025 - 07 - 01)
        );
    }

    #[test]
    fn reaction_time_skips_the_weekend() {
        let hours = office();
        // Friday 14:00 Prague (CET, UTC+1) + 240 business minutes: 2.5 h on Friday, then
        // 1.5 h from Monday 08:00, so Monday 09:30 Prague.
        let friday = unix(datetime!(2026-01-16 13:00 UTC));
        assert_eq!(
            hours.add_minutes(friday, 240),
            unix(datetime!(2026-01-19 08:30 UTC))
        );
        // Submitted on Saturday: the clock starts on Monday at 08:00.
        let saturday = unix(datetime!(2026-01-17 10:00 UTC));
        assert_eq!(
            hours.add_minutes(saturday, 120),
            unix(datetime!(2026-01-19 09:00 UTC))
        );
        // Inside one day.
        let tuesday = unix(datetime!(2026-01-20 08:00 UTC));
        assert_eq!(
            hours.add_minutes(tuesday, 60),
            unix(datetime!(2026-01-20 09:00 UTC))
        );
        // 480 business minutes from Friday 16:00 CEST: 30 min Friday, 450 on Monday.
        let summer_friday = unix(datetime!(2025-06-13 14:00 UTC));
        assert_eq!(
            hours.add_minutes(summer_friday, 480),
            unix(datetime!(2025-06-16 13:30 UTC))
        );
    }

    #[test]
    fn reaction_time_crosses_the_change_to_summer_time() {
        // Friday 27 March 2026 16:00 CET; summer time starts on Sunday 29 March. 60 min:
        // 30 on Friday, 30 from Monday 08:00 CEST (06:00 UTC).
        let friday = unix(datetime!(2026-03-27 15:00 UTC));
        assert_eq!(
            BusinessHours::new(&[1, 2, 3, 4, 5], "08:00", "16:30")
                .unwrap()
                .add_minutes(friday, 60),
            unix(datetime!(2026-03-30 06:30 UTC))
        );
    }

    #[test]
    fn going_back_is_the_inverse_inside_business_hours() {
        let hours = office();
        let monday = unix(datetime!(2026-01-19 08:30 UTC));
        let start = hours.sub_minutes(monday, 240);
        assert_eq!(start, unix(datetime!(2026-01-16 13:00 UTC)));
        assert_eq!(hours.add_minutes(start, 240), monday);
        // From a Sunday, going back lands in Friday's hours; forward again gives the
        // last business moment before Sunday, Friday's close.
        let sunday = unix(datetime!(2026-01-18 12:00 UTC));
        let start = hours.sub_minutes(sunday, 30);
        assert_eq!(start, unix(datetime!(2026-01-16 15:00 UTC)));
        assert_eq!(
            hours.add_minutes(start, 30),
            unix(datetime!(2026-01-16 15:30 UTC))
        );
        assert!(is_weekend(sunday) && !is_weekend(monday));
    }

    #[test]
    fn refuses_hours_that_make_no_sense() {
        assert!(BusinessHours::new(&[], "08:00", "16:30").is_none());
        assert!(BusinessHours::new(&[8], "08:00", "16:30").is_none());
        assert!(BusinessHours::new(&[1], "16:30", "08:00").is_none());
        assert!(BusinessHours::new(&[1], "8", "16:30").is_none());
    }
}
