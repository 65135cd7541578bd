use leptos::prelude::*;

use super::text;
use crate::credit::month::{Month, months_back};
use crate::format;
use crate::i18n::*;

/// The month the browser's clock is in.
pub fn this_month() -> Month {
    let now = js_sys::Date::new_0();
    Month::new(now.get_full_year(), now.get_month() + 1).unwrap_or(Month {
        year: 2026,
        month: 1,
    })
}

/// The choice of a month's statement: this month and the twelve before it, `initial`
/// chosen; the link opens `{link}YYYY-MM` (`/credit?statement=`, `/billing?month=`).
#[component]
pub fn StatementPicker(link: &'static str, initial: Month) -> impl IntoView {
    let i18n = use_i18n();
    let now = this_month();
    let chosen = RwSignal::new(initial.to_string());
    let options = move || {
        let locale = i18n.get_locale();
        months_back(now, 13)
            .into_iter()
            .map(|month| {
                let value = month.to_string();
                let label = format::month(month.year, month.month, false, locale);
                let selected = chosen.with_untracked(|c| *c == value);
                view! { <option value=value selected=selected>{label}</option> }
            })
            .collect_view()
    };
    view! {
        <div class="export-row">
            <label for="statement-month">{text(|l| td_string!(l, credit.statement_month))}</label>
            <select
                id="statement-month"
                prop:value=move || chosen.get()
                on:change=move |ev| chosen.set(event_target_value(&ev))
            >
                {options}
            </select>
            <a
                class="button button-secondary"
                href=move || format!("{link}{}", chosen.get())
            >
                {text(|l| td_string!(l, credit.statement_open))}
            </a>
        </div>
    }
}
