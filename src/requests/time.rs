//! Instants and spans for the request pages: a `datetime-local` value into the API's UTC
//! instant, and which words an SLA countdown needs. Pure, tested natively; the browser
//! supplies the clock and the zone offset.

use crate::calendar::{civil_from_days, days_from_civil, parse_day};

const MINUTE_MS: i64 = 60_000;
const HOUR_MS: i64 = 60 * MINUTE_MS;
const DAY_MS: i64 = 24 * HOUR_MS;

fn number(s: &str, len: usize) -> Option<i64> {
    (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// `YYYY-MM-DDTHH:MM` (seconds allowed) into minutes since the epoch, reading it as UTC.
fn wall_minutes(s: &str) -> Option<i64> {
    let (day, time) = s.split_once('T')?;
    let (y, m, d) = parse_day(day)?;
    let mut parts = time.split(':');
    let h = number(parts.next()?, 2)?;
    let min = number(parts.next()?, 2)?;
    if let Some(sec) = parts.next() {
        number(sec.get(..2)?, 2)?;
    }
    if h > 23 || min > 59 || parts.next().is_some() {
        return None;
    }
    Some(days_from_civil(y, m, d) * 1440 + h * 60 + min)
}

/// A `datetime-local` value (`2026-11-26T08:00`) into the API's UTC instant
/// (`2026-11-26T07:00:00Z`). `offset` is JavaScript's `getTimezoneOffset()` for that
/// moment: minutes to add to local time to get UTC (−60 in Central European winter).
pub fn local_to_utc(local: &str, offset: i32) -> Option<String> {
    let minutes = wall_minutes(local)? + i64::from(offset);
    let (y, m, d) = civil_from_days(minutes.div_euclid(1440));
    let rest = minutes.rem_euclid(1440);
    Some(format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:00Z",
        rest / 60,
        rest % 60
    ))
}

/// Milliseconds since the epoch of an RFC 3339 instant (`Z` or `±HH:MM`, optional
/// fraction).
pub fn instant_ms(s: &str) -> Option<i64> {
    let s = s.trim();
    let (body, offset_min) = if let Some(body) = s.strip_suffix(['Z', 'z']) {
        (body, 0)
    } else {
        let split = s.len().checked_sub(6)?;
        let (body, zone) = (s.get(..split)?, s.get(split..)?);
        let sign = match zone.as_bytes().first() {
            Some(b'+') => 1,
            Some(b'-') => -1,
            _ => return None,
        };
        let (h, m) = zone.get(1..)?.split_once(':')?;
        (body, sign * (number(h, 2)? * 60 + number(m, 2)?))
    };
    let base = wall_minutes(body)? - offset_min;
    let (_, time) = body.split_once('T')?;
    let seconds = time.splitn(3, ':').nth(2).unwrap_or("0");
    let (whole, fraction) = seconds.split_once('.').unwrap_or((seconds, ""));
    let whole: i64 = whole.parse().ok()?;
    let mut millis = 0;
    for (i, b) in fraction.bytes().take(3).enumerate() {
        if !b.is_ascii_digit() {
            return None;
        }
        millis += i64::from(b - b'0') * [100, 10, 1][i];
    }
    Some(base * MINUTE_MS + whole * 1000 + millis)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Day,
    Hour,
    Minute,
    Second,
}

/// A span in its two largest units, the smaller left out when zero (`2 d 3 h`,
/// `5 h`, `12 min 30 s`); seconds only below an hour.
pub fn span_parts(ms: i64) -> Vec<(i64, Unit)> {
    let ms = ms.abs();
    let (big, small, first, second) = if ms >= DAY_MS {
        (DAY_MS, HOUR_MS, Unit::Day, Unit::Hour)
    } else if ms >= HOUR_MS {
        (HOUR_MS, MINUTE_MS, Unit::Hour, Unit::Minute)
    } else if ms >= MINUTE_MS {
        (MINUTE_MS, 1000, Unit::Minute, Unit::Second)
    } else {
        return vec![(ms / 1000, Unit::Second)];
    };
    let mut parts = vec![(ms / big, first)];
    let rest = ms % big / small;
    if rest > 0 {
        parts.push((rest, second));
    }
    parts
}

/// Where a request stands against its SLA reaction target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reaction {
    /// The first reaction came, on time or late.
    Reacted { late: bool },
    /// No reaction yet: this much time is left.
    Left(Vec<(i64, Unit)>),
    /// No reaction yet and the target has passed by this much.
    Overdue(Vec<(i64, Unit)>),
}

/// `None` when there is no target, or no reaction came and the request is closed.
pub fn reaction(
    due: Option<&str>,
    first: Option<&str>,
    open: bool,
    now_ms: i64,
) -> Option<Reaction> {
    let due = instant_ms(due?)?;
    if let Some(first) = first.and_then(instant_ms) {
        return Some(Reaction::Reacted { late: first > due });
    }
    if !open {
        return None;
    }
    let left = due - now_ms;
    Some(if left >= 0 {
        Reaction::Left(span_parts(left))
    } else {
        Reaction::Overdue(span_parts(left))
    })
}

/// Whether a countdown shows seconds now (less than an hour to go or overdue), so its
/// clock must tick every second rather than every half minute.
pub fn shows_seconds(due: Option<&str>, first: Option<&str>, now_ms: i64) -> bool {
    first.is_none()
        && due
            .and_then(instant_ms)
            .is_some_and(|due| (due - now_ms).abs() < HOUR_MS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_local_time_to_utc() {
        assert_eq!(
            local_to_utc("2026-11-26T08:00", -60).as_deref(),
            Some("2026-11-26T07:00:00Z")
        );
        // Across midnight and a year's end, both ways.
        assert_eq!(
            local_to_utc("2027-01-01T00:30", -120).as_deref(),
            Some("2026-12-31T22:30:00Z")
        );
        assert_eq!(
            local_to_utc("2024-02-28T23:00", 300).as_deref(),
            Some("2024-02-29T04:00:00Z")
        );
        assert_eq!(
            local_to_utc("2026-06-01T10:15:00", 0).as_deref(),
            Some("2026-06-01T10:15:00Z")
        );
    }

    #[test]
    fn refuses_what_is_not_a_local_date_time() {
        for bad in [
            "",
            "2026-11-26",
            "2026-11-26T8:00",
            "2026-11-26T24:00",
            "2026-02-30T10:00",
            "x",
        ] {
            assert_eq!(local_to_utc(bad, 0), None, "{bad}");
        }
    }

    #[test]
    fn the_result_is_an_api_instant() {
        let instant = local_to_utc("2026-11-26T08:00", -60).unwrap_or_default();
        assert!(support_api::requests::is_instant(&instant));
    }

    #[test]
    fn reads_instants() {
        assert_eq!(instant_ms("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(instant_ms("1970-01-01T00:01Z"), Some(60_000));
        assert_eq!(instant_ms("1970-01-01T01:00:00+01:00"), Some(0));
        assert_eq!(instant_ms("1969-12-31T23:00:00-01:00"), Some(0));
        assert_eq!(instant_ms("1970-01-01T00:00:01.250Z"), Some(1250));
        assert_eq!(instant_ms("2026-11-26T07:00:00Z"), Some(1_795_676_400_000));
        assert_eq!(instant_ms("tomorrow"), None);
        assert_eq!(instant_ms("2026-11-26T07:00:00"), None);
    }

    #[test]
    fn spans_use_the_two_largest_units() {
        let h = HOUR_MS;
        assert_eq!(
            span_parts(2 * DAY_MS + 3 * h + 5),
            vec![(2, Unit::Day), (3, Unit::Hour)]
        );
        assert_eq!(span_parts(-(5 * h)), vec![(5, Unit::Hour)]);
        assert_eq!(
            span_parts(h + 90 * 1000),
            vec![(1, Unit::Hour), (1, Unit::Minute)]
        );
        assert_eq!(
            span_parts(12 * MINUTE_MS + 30_000),
            vec![(12, Unit::Minute), (30, Unit::Second)]
        );
        assert_eq!(span_parts(59_999), vec![(59, Unit::Second)]);
        assert_eq!(span_parts(0), vec![(0, Unit::Second)]);
    }

    #[test]
    fn chooses_left_overdue_or_reacted() {
        let due = Some("1970-01-02T00:00:00Z");
        let now = DAY_MS - 2 * HOUR_MS;
        assert_eq!(
            reaction(due, None, true, now),
            Some(Reaction::Left(vec![(2, Unit::Hour)]))
        );
        assert_eq!(
            reaction(due, None, true, DAY_MS + 90_000),
            Some(Reaction::Overdue(vec![
                (1, Unit::Minute),
                (30, Unit::Second)
            ]))
        );
        assert_eq!(
            reaction(due, Some("1970-01-02T00:00:01Z"), false, 0),
            Some(Reaction::Reacted { late: true })
        );
        assert_eq!(
            reaction(due, Some("1970-01-01T12:00:00Z"), true, 0),
            Some(Reaction::Reacted { late: false })
        );
        assert_eq!(reaction(due, None, false, now), None);
        assert_eq!(reaction(None, None, true, now), None);
    }

    #[test]
    fn seconds_only_near_the_target() {
        let due = Some("1970-01-02T00:00:00Z");
        assert!(shows_seconds(due, None, DAY_MS - 30 * MINUTE_MS));
        assert!(shows_seconds(due, None, DAY_MS + 30 * MINUTE_MS));
        assert!(!shows_seconds(due, None, DAY_MS - 2 * HOUR_MS));
        assert!(!shows_seconds(due, Some("1970-01-01T12:00:00Z"), DAY_MS));
        assert!(!shows_seconds(None, None, 0));
    }
}
