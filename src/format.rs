//! Numbers, money, dates and durations for the chosen language, through the browser's
//! `Intl` (no formatting crate in the wasm). Parsing is pure and tested natively.

use crate::calendar::parse_day;
use std::cell::RefCell;

use js_sys::{Array, Date, Function, Intl, Object, Reflect};
use support_api::money::Money;
use wasm_bindgen::{JsCast, JsValue};

use crate::i18n::Locale;

/// The BCP 47 tag `Intl` formats with.
pub fn intl_tag(locale: Locale) -> &'static str {
    match locale {
        Locale::pl => "pl-PL",
        Locale::cs => "cs-CZ",
        Locale::sk => "sk-SK",
        // The company's English readers are in Europe: day before month.
        Locale::en => "en-GB",
    }
}

pub fn number(value: f64, locale: Locale) -> String {
    let format = formatter(locale, "number", "", || {
        Intl::NumberFormat::new(&tags(locale), &Object::new()).format()
    });
    call_format(&format, &JsValue::from_f64(value))
}

/// An amount in its own currency (`42 500,00 zł`, `€1,250.00`).
pub fn money(amount: Money, locale: Locale) -> String {
    let code = amount.currency.code();
    let format = formatter(locale, "money", code, || {
        let options = options(&[("style", "currency"), ("currency", code)]);
        Intl::NumberFormat::new(&tags(locale), &options).format()
    });
    call_format(&format, &JsValue::from_f64(amount.major()))
}

/// A day sent as `YYYY-MM-DD`; anything else is shown as it came.
pub fn date(day: &str, locale: Locale) -> String {
    let Some((year, month, dayn)) = parse_day(day) else {
        return day.to_owned();
    };
    let format = formatter(locale, "date", "", || {
        Intl::DateTimeFormat::new(&tags(locale), &long_day_options()).format()
    });
    call_format(&format, &utc_day(year, month, dayn))
}

/// The day of an RFC 3339 instant in UTC (`20 lis 2026`): the day the API's ledger
/// filters and monthly figures count it in. Anything unparsable as it came.
pub fn instant_day(instant: &str, locale: Locale) -> String {
    let date = Date::new(&JsValue::from_str(instant));
    if date.get_time().is_nan() {
        return instant.to_owned();
    }
    let format = formatter(locale, "day", "", || {
        let options = options(&[("dateStyle", "medium"), ("timeZone", "UTC")]);
        Intl::DateTimeFormat::new(&tags(locale), &options).format()
    });
    call_format(&format, &date)
}

/// A calendar month: `listopad 2026`, or for a chart's axis `lis 26`.
pub fn month(year: u32, month: u32, short: bool, locale: Locale) -> String {
    let (kind, fields): (&str, &[(&str, &str)]) = if short {
        (
            "month-short",
            &[("month", "short"), ("year", "2-digit"), ("timeZone", "UTC")],
        )
    } else {
        (
            "month",
            &[("month", "long"), ("year", "numeric"), ("timeZone", "UTC")],
        )
    };
    let format = formatter(locale, kind, "", || {
        Intl::DateTimeFormat::new(&tags(locale), &options(fields)).format()
    });
    call_format(&format, &utc_day(year, month.clamp(1, 12), 1))
}

/// Two days as one range, as short as the language allows (`14–16 December 2026`).
pub fn date_range(first: &str, last: &str, locale: Locale) -> String {
    let (Some((y1, m1, d1)), Some((y2, m2, d2))) = (parse_day(first), parse_day(last)) else {
        return format!("{first} – {last}");
    };
    let format = Intl::DateTimeFormat::new(&tags(locale), &long_day_options());
    format
        .format_range(&utc_day(y1, m1, d1), &utc_day(y2, m2, d2))
        .map(String::from)
        .unwrap_or_else(|_| format!("{first} – {last}"))
}

/// "in 40 days", "tomorrow", "2 days ago".
pub fn days_from_now(days: i64, locale: Locale) -> String {
    let format = Intl::RelativeTimeFormat::new(&tags(locale), &options(&[("numeric", "auto")]));
    format.format(days as f64, "day").into()
}

/// A number with a unit in words (`3 days`, `2 godziny`); `unit` is one `Intl` knows.
pub fn unit(value: f64, unit: &str, locale: Locale) -> String {
    let options = options(&[("style", "unit"), ("unit", unit), ("unitDisplay", "long")]);
    let format = Intl::NumberFormat::new(&tags(locale), &options);
    call_format(&format.format(), &JsValue::from_f64(value))
}

/// A number with a short unit (`1,5 MB`); `unit` is one `Intl` knows.
pub fn short_unit(value: f64, unit: &str, locale: Locale) -> String {
    let options = options(&[("style", "unit"), ("unit", unit), ("unitDisplay", "short")]);
    let format = Intl::NumberFormat::new(&tags(locale), &options);
    call_format(&format.format(), &JsValue::from_f64(value))
}

/// Whole minutes in hours and minutes (`2 hours`, `1 hour 30 minutes`, `45 minutes`).
pub fn minutes(total: u32, locale: Locale) -> String {
    let (hours, rest) = crate::coverage::split_minutes(total);
    match (hours, rest) {
        (0, m) => unit(f64::from(m), "minute", locale),
        (h, 0) => unit(f64::from(h), "hour", locale),
        (h, m) => format!(
            "{} {}",
            unit(f64::from(h), "hour", locale),
            unit(f64::from(m), "minute", locale)
        ),
    }
}

/// The name of an ISO weekday (1 = Monday).
pub fn weekday(iso: u8, locale: Locale) -> String {
    // 1 January 2024 was a Monday.
    let day = utc_day(2024, 1, u32::from(iso.clamp(1, 7)));
    let options = options(&[("weekday", "long"), ("timeZone", "UTC")]);
    let format = Intl::DateTimeFormat::new(&tags(locale), &options);
    call_format(&format.format(), &day)
}

/// An IANA time zone's name in words (`Central European Time`), or the zone as it came
/// when the browser does not know it.
pub fn time_zone(zone: &str, locale: Locale) -> String {
    let options = options(&[("timeZone", zone), ("timeZoneName", "longGeneric")]);
    // The constructor throws on an unknown zone: construct it through `Reflect`, which
    // hands the exception back as an error.
    let constructor: Function =
        Intl::DateTimeFormat::new(&tags(locale), &Object::new()).constructor();
    let Ok(format) = Reflect::construct(&constructor, &Array::of2(&tags(locale), &options)) else {
        return zone.to_owned();
    };
    let format: Intl::DateTimeFormat = format.unchecked_into();
    format
        .format_to_parts(&Date::new_0())
        .iter()
        .find(|part| {
            Reflect::get(part, &"type".into())
                .ok()
                .and_then(|t| t.as_string())
                .is_some_and(|t| t == "timeZoneName")
        })
        .and_then(|part| Reflect::get(&part, &"value".into()).ok())
        .and_then(|value| value.as_string())
        .unwrap_or_else(|| zone.to_owned())
}

/// Today in the reader's time zone, as (year, month 1–12, day).
pub fn today() -> (u32, u32, u32) {
    let now = Date::new_0();
    (now.get_full_year(), now.get_month() + 1, now.get_date())
}

fn utc_day(year: u32, month: u32, day: u32) -> Date {
    let millis = Date::utc(f64::from(year), f64::from(month - 1)) + f64::from(day - 1) * DAY_MS;
    Date::new(&JsValue::from_f64(millis))
}

fn long_day_options() -> Object {
    options(&[
        ("year", "numeric"),
        ("month", "long"),
        ("day", "numeric"),
        ("timeZone", "UTC"),
    ])
}

/// An RFC 3339 instant in the reader's time zone, short enough for a table cell
/// (`27 Nov 2026, 14:00`); anything unparsable as it came.
pub fn date_time(instant: &str, locale: Locale) -> String {
    let date = Date::new(&JsValue::from_str(instant));
    if date.get_time().is_nan() {
        return instant.to_owned();
    }
    let format = formatter(locale, "date_time", "", || {
        let options = options(&[("dateStyle", "medium"), ("timeStyle", "short")]);
        Intl::DateTimeFormat::new(&tags(locale), &options).format()
    });
    call_format(&format, &date)
}

const DAY_MS: f64 = 86_400_000.0;

type FormatterKey = (Locale, &'static str, &'static str);

thread_local! {
    /// `Intl` formatters are slow to create and the same few are used for every cell of
    /// a table: each is made once per language, kind and currency.
    static FORMATTERS: RefCell<Vec<(FormatterKey, Function)>> = const { RefCell::new(Vec::new()) };
}

fn formatter(
    locale: Locale,
    kind: &'static str,
    extra: &'static str,
    make: impl FnOnce() -> Function,
) -> Function {
    let key = (locale, kind, extra);
    let found =
        FORMATTERS.with_borrow(|all| all.iter().find(|(k, _)| *k == key).map(|(_, f)| f.clone()));
    if let Some(found) = found {
        return found;
    }
    let made = make();
    FORMATTERS.with_borrow_mut(|all| all.push((key, made.clone())));
    made
}

fn tags(locale: Locale) -> Array {
    Array::of1(&JsValue::from_str(intl_tag(locale)))
}

fn options(pairs: &[(&str, &str)]) -> Object {
    let object = Object::new();
    for (key, value) in pairs {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&object, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    object
}

fn call_format(format: &js_sys::Function, value: &JsValue) -> String {
    format
        .call1(&JsValue::UNDEFINED, value)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}
