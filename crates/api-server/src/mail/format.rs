//! Days, instants and money in a mail, written for its reader's language. The event
//! that records a mail does not know that language (the recipient's, decided in
//! `enqueue`), so it passes such values through [`day`], [`instant`] and [`money`]: a
//! tagged string the renderer formats, where a plain value would be shown as it is.

use support_api::money::Currency;
use support_api::session::Language;
use time::{Date, OffsetDateTime};

use crate::time_util::format_day;

/// Starts a tagged value; values from people never contain it (control characters are
/// taken out of them).
const TAG: char = '\u{2}';

/// A day (`YYYY-MM-DD` in the database) for `{placeholders}`.
pub fn day(date: Date) -> String {
    format!("{TAG}day{TAG}{}", format_day(date))
}

/// An instant (unix seconds) for `{placeholders}`, shown in UTC.
pub fn instant(unix_seconds: i64) -> String {
    format!("{TAG}instant{TAG}{unix_seconds}")
}

/// An amount in minor units for `{placeholders}`.
pub fn money(minor: i64, currency: Currency) -> String {
    format!("{TAG}money{TAG}{minor} {}", currency.code())
}

/// A tagged value written for `language`; `None` when `value` is not one.
pub fn localise(value: &str, language: Language) -> Option<String> {
    let rest = value.strip_prefix(TAG)?;
    let (tag, raw) = rest.split_once(TAG)?;
    match tag {
        "day" => {
            let date = Date::parse(
                raw,
                time::macros::format_description!("[year]-[month]-[day]"),
            )
            .ok()?;
            Some(write_day(date, language))
        }
        "instant" => {
            let at = OffsetDateTime::from_unix_timestamp(raw.parse().ok()?).ok()?;
            Some(format!(
                "{} {:02}:{:02} UTC",
                write_day(at.date(), language),
                at.hour(),
                at.minute()
            ))
        }
        "money" => {
            let (minor, code) = raw.split_once(' ')?;
            Some(write_money(minor.parse().ok()?, code, language))
        }
        _ => None,
    }
}

fn write_day(date: Date, language: Language) -> String {
    let (d, m, y) = (date.day(), u8::from(date.month()), date.year());
    match language {
        Language::Pl => format!("{d:02}.{m:02}.{y}"),
        Language::Cs | Language::Sk => format!("{d}. {m}. {y}"),
        Language::En => format!("{d} {} {y}", date.month()),
    }
}

fn write_money(minor: i64, code: &str, language: Language) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let units = (minor / 100).unsigned_abs();
    let cents = (minor % 100).unsigned_abs();
    let (group, decimal) = match language {
        Language::En => (",", "."),
        // A no-break space, so the amount never wraps apart.
        _ => ("\u{a0}", ","),
    };
    let digits = units.to_string();
    let mut grouped = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push_str(group);
        }
        grouped.push(digit);
    }
    match language {
        Language::En => format!("{sign}{code}\u{a0}{grouped}{decimal}{cents:02}"),
        _ => format!("{sign}{grouped}{decimal}{cents:02}\u{a0}{code}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn values_are_written_for_the_readers_language() {
        let d = day(date!(2026 - 12 - 03));
        assert_eq!(localise(&d, Language::Pl).as_deref(), Some("03.12.2026"));
        assert_eq!(localise(&d, Language::Cs).as_deref(), Some("3. 12. 2026"));
        assert_eq!(
            localise(&d, Language::En).as_deref(),
            Some("3 December 2026")
        );
        let m = money(123_456_789, Currency::Pln);
        assert_eq!(
            localise(&m, Language::Pl).as_deref(),
            Some("1\u{a0}234\u{a0}567,89\u{a0}PLN")
        );
        assert_eq!(
            localise(&money(-5, Currency::Eur), Language::En).as_deref(),
            Some("-EUR\u{a0}0.05")
        );
        assert_eq!(
            localise(&instant(1_764_590_400), Language::Sk).as_deref(),
            Some("1. 12. 2025 12:00 UTC")
        );
        assert_eq!(localise("plain", Language::Pl), None);
    }
}
