//! Small pieces the overview and the plan page share: contact links, business hours
//! and periods in words.

use leptos::prelude::*;
use support_api::plan::BusinessHours;

use crate::coverage::{tel_href, weekday_runs};
use crate::format;
use crate::i18n::Locale;
use support_api::template::fill;

/// The phone as a `tel:` link and the e-mail as a `mailto:` link.
#[component]
pub fn ContactLinks(phone: String, email: String) -> impl IntoView {
    let tel = tel_href(&phone);
    let mailto = format!("mailto:{email}");
    view! {
        <span class="contact-links">
            <a href=tel>{phone}</a>
            <a href=mailto>{email}</a>
        </span>
    }
}

/// "Monday–Friday, 08:00–16:30 (Central European Time)".
pub fn hours_text(hours: &BusinessHours, locale: Locale) -> String {
    let days: Vec<String> = weekday_runs(&hours.weekdays)
        .into_iter()
        .map(|(first, last)| {
            if first == last {
                format::weekday(first, locale)
            } else {
                format!(
                    "{}–{}",
                    format::weekday(first, locale),
                    format::weekday(last, locale)
                )
            }
        })
        .collect();
    format!(
        "{}, {}–{} ({})",
        days.join(", "),
        hours.opens,
        hours.closes,
        format::time_zone(&hours.time_zone, locale)
    )
}

/// "1 March 2026 – 28 February 2027", or "since 1 March 2026" when open-ended.
pub fn period_text(since: Option<&str>, until: Option<&str>, locale: Locale) -> String {
    match (since, until) {
        (Some(since), Some(until)) => format!(
            "{} – {}",
            format::date(since, locale),
            format::date(until, locale)
        ),
        (Some(since), None) => {
            let date = format::date(since, locale);
            fill(
                crate::i18n::td_string!(locale, overview.since),
                &[("date", &date)],
            )
        }
        (None, Some(until)) => format!("– {}", format::date(until, locale)),
        (None, None) => String::new(),
    }
}
