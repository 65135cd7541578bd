use leptos::prelude::*;
use support_api::catalog::{Course, CourseDate};

use crate::format;
use crate::i18n::*;
use crate::labels::location_name;
use support_api::template::fill;

/// The training courses with their product, length, price and dates with seats left.
#[component]
pub fn CoursesSection(courses: Vec<Course>, locale: Locale) -> impl IntoView {
    let list = (!courses.is_empty()).then(|| {
        view! {
            <ul class="courses">
                {courses.into_iter().map(|course| view! { <CourseCard course locale /> }).collect_view()}
            </ul>
        }
    });
    view! {
        <section aria-labelledby="courses-heading">
            <h2 id="courses-heading">{td_string!(locale, courses.heading)}</h2>
            <p>{td_string!(locale, courses.intro)}</p>
            {list.is_none().then(|| view! { <p>{td_string!(locale, courses.none)}</p> })}
            {list}
        </section>
    }
}

#[component]
fn CourseCard(course: Course, locale: Locale) -> impl IntoView {
    let price = format::money(course.price_per_participant, locale);
    let facts = format!(
        "{} · {} · {}",
        course.product,
        format::unit(f64::from(course.days), "day", locale),
        fill(td_string!(locale, courses.price), &[("price", &price)])
    );
    let dates = course.dates;
    let no_dates = dates.is_empty();
    view! {
        <li class="card course">
            <h3>{course.title}</h3>
            <p>{facts}</p>
            {if no_dates {
                view! { <p>{td_string!(locale, courses.no_dates)}</p> }.into_any()
            } else {
                view! {
                    <ul class="course-dates" aria-label=td_string!(locale, courses.dates)>
                        {dates.into_iter().map(|date| view! { <DateItem date locale /> }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </li>
    }
}

/// "12–14 May 2026 · Training room · Seats left: 3".
#[component]
fn DateItem(date: CourseDate, locale: Locale) -> impl IntoView {
    let count = date.seats_left;
    let seats = if count == 0 {
        td_string!(locale, courses.full).to_owned()
    } else {
        fill(
            td_string!(locale, courses.seats_left),
            &[("count", &count.to_string())],
        )
    };
    let when = format::date_range(&date.starts_on, &date.ends_on, locale);
    view! {
        <li>
            {when}
            " · "
            {location_name(locale, date.location)}
            " · "
            <span class=if count == 0 { "muted" } else { "seats" }>{seats}</span>
        </li>
    }
}
