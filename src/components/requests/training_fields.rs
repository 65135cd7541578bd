//! Training: a date of a catalog course (with the seats left) or a topic of one's own
//! with preferred days; the number of participants; where.

use std::sync::Arc;

use leptos::prelude::*;
use support_api::catalog::Course;

use super::dates_field::DatesField;
use super::fields::{ErrorLine, Field, FormCtx, Kind, described, invalid};
use super::tr;

use crate::format;
use crate::i18n::*;
use crate::labels::location_name;
use crate::requests::form::{LOCATIONS, Text, location_str};
use support_api::template::fill;

/// The course's dates with the seats left, grouped by course; a full date is shown but
/// cannot be chosen.
#[component]
fn CourseSelect(form: FormCtx, courses: Arc<Vec<Course>>) -> impl IntoView {
    let i18n = use_i18n();
    let t = Text::CourseDate;
    let message = Signal::derive(move || form.errors.message(i18n.get_locale(), t.fields()));
    let chosen = move || form.value(t);
    // Built again for another language; the select's value follows later choices.
    let groups = move || {
        let l = i18n.get_locale();
        let now = untrack(chosen);
        courses
            .iter()
            .map(|c| {
                let price = format::money(c.price_per_participant, l);
                let label = format!(
                    "{} · {}",
                    c.title,
                    fill(td_string!(l, requests.form.course_price), &[("price", &price)])
                );
                let dates = c
                    .dates
                    .iter()
                    .map(|d| {
                        let seats = if d.seats_left == 0 {
                            td_string!(l, requests.form.course_full).to_owned()
                        } else {
                            fill(
                                td_string!(l, requests.form.seats_left),
                                &[("count", &d.seats_left.to_string())],
                            )
                        };
                        let text = format!(
                            "{}, {}, {seats}",
                            format::date_range(&d.starts_on, &d.ends_on, l),
                            location_name(l, d.location)
                        );
                        let value = d.id.to_string();
                        let selected = value == now;
                        view! {
                            <option value=value selected=selected disabled={d.seats_left == 0}>{text}</option>
                        }
                    })
                    .collect_view();
                view! { <optgroup label=label>{dates}</optgroup> }
            })
            .collect_view()
    };
    view! {
        <div class="field">
            <label for="f-course">{tr(|l| td_string!(l, requests.form.course_date))}</label>
            <select
                id="f-course"
                name="course"
                prop:value=chosen
                aria-invalid=invalid(message)
                aria-describedby=described(message, None, "f-course-error".to_owned())
                on:change=move |ev| form.set(t, event_target_value(&ev))
            >
                <option value="" selected=untrack(chosen).is_empty()>
                    {tr(|l| td_string!(l, requests.form.choose))}
                </option>
                {groups}
            </select>
            <ErrorLine id="f-course-error".to_owned() message />
        </div>
    }
}

#[component]
pub fn TrainingFields(form: FormCtx, courses: Arc<Vec<Course>>, today: String) -> impl IntoView {
    let i18n = use_i18n();
    let custom = Memo::new(move |_| form.state.with(|f| f.course_mode == "custom"));
    let mode = move |mode: &'static str, label: fn(Locale) -> &'static str| {
        let id = format!("mode-{mode}");
        view! {
            <div class="choice">
                <input
                    type="radio"
                    id=id.clone()
                    name="course_mode"
                    value=mode
                    prop:checked=move || custom.get() == (mode == "custom")
                    on:change=move |_| form.set(Text::CourseMode, mode.to_owned())
                />
                <label for=id>{tr(label)}</label>
            </div>
        }
    };
    // Built anew only when the choice between a course and a topic changes.
    let which = move || {
        if custom.get() {
            view! {
                <Field form t=Text::CustomTopic kind=Kind::Input("text")
                    label=|l| td_string!(l, requests.form.custom_topic) />
                <DatesField form min=today.clone() />
            }
            .into_any()
        } else {
            view! { <CourseSelect form courses=courses.clone() /> }.into_any()
        }
    };
    let locations = Signal::derive(move || {
        let l = i18n.get_locale();
        LOCATIONS
            .into_iter()
            .map(|loc| {
                (
                    location_str(loc).to_owned(),
                    location_name(l, loc).to_owned(),
                )
            })
            .collect()
    });
    view! {
        <fieldset class="group">
            <legend>{tr(|l| td_string!(l, requests.form.which_training))}</legend>
            {mode("course", |l| td_string!(l, requests.form.mode_course))}
            {mode("custom", |l| td_string!(l, requests.form.mode_custom))}
            {which}
        </fieldset>
        <Field form t=Text::Participants kind=Kind::Input("number")
            label=|l| td_string!(l, requests.form.participants)
            hint=|l| td_string!(l, requests.form.participants_hint) />
        <Field form t=Text::Location kind=Kind::Select(locations)
            label=|l| td_string!(l, requests.form.location) />
    }
}
