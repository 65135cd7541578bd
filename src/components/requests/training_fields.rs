//! Training: a date of a catalog course (with the seats left) or a topic of one's own
//! with preferred days; the number of participants; where.

use std::sync::Arc;

use leptos::prelude::*;
use support_api::catalog::Catalog;

use super::fields::{FormCtx, Kind, dates_field, error_id, text_field};
use super::{fill, location_name};
use crate::format;
use crate::i18n::*;
use crate::requests::form::{LOCATIONS, Text, location_str};

#[component]
pub fn TrainingFields(ctx: FormCtx, catalog: Arc<Catalog>, today: String) -> impl IntoView {
    let i18n = use_i18n();
    let FormCtx { form, errors } = ctx;
    let custom = Memo::new(move |_| form.with(|f| f.course_mode == "custom"));
    let set_mode = move |mode: &'static str| {
        move |_| {
            form.update(|f| f.course_mode = mode.to_owned());
            errors.edited(&["course", "custom_topic", "course_date_id"]);
        }
    };
    let course_fields = Text::CourseDate.fields();
    let course_message = errors.message(course_fields);
    let course_select = move || {
        let l = i18n.get_locale();
        let chosen = form.with(|f| f.course_date.clone());
        let groups = catalog
            .courses
            .iter()
            .map(|c| {
                let label = format!(
                    "{} · {}",
                    c.title,
                    fill(td_string!(l, requests.form.course_price), &format::money(c.price_per_participant, l))
                );
                let options = c
                    .dates
                    .iter()
                    .map(|d| {
                        let value = d.id.to_string();
                        let seats = if d.seats_left == 0 {
                            td_string!(l, requests.form.course_full).to_owned()
                        } else {
                            fill(td_string!(l, requests.form.seats_left), &d.seats_left.to_string())
                        };
                        let text = format!(
                            "{} – {}, {}, {seats}",
                            format::date(&d.starts_on, l),
                            format::date(&d.ends_on, l),
                            location_name(l, d.location)
                        );
                        let selected = value == chosen;
                        view! { <option value=value disabled=d.seats_left == 0 selected=selected>{text}</option> }
                    })
                    .collect_view();
                view! { <optgroup label=label>{options}</optgroup> }
            })
            .collect_view();
        view! {
            <option value="" selected=chosen.is_empty()>{td_string!(l, requests.form.choose)}</option>
            {groups}
        }
    };
    let locations: super::fields::Options = Arc::new(|l| {
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
    let participants_hint: super::fields::Label =
        |l| td_string!(l, requests.form.participants_hint);
    view! {
        <fieldset class="group">
            <legend>{t!(i18n, requests.form.which_training)}</legend>
            <div class="choice">
                <input
                    type="radio"
                    id="mode-course"
                    name="course_mode"
                    prop:checked=move || !custom.get()
                    on:change=set_mode("course")
                />
                <label for="mode-course">{t!(i18n, requests.form.mode_course)}</label>
            </div>
            <div class="choice">
                <input
                    type="radio"
                    id="mode-custom"
                    name="course_mode"
                    prop:checked=move || custom.get()
                    on:change=set_mode("custom")
                />
                <label for="mode-custom">{t!(i18n, requests.form.mode_custom)}</label>
            </div>
            <div class="field" hidden=move || custom.get()>
                <label for="f-course">{t!(i18n, requests.form.course_date)}</label>
                <select
                    id="f-course"
                    prop:value=move || form.with(|f| f.course_date.clone())
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        form.update(|f| f.course_date = v);
                        errors.edited(course_fields);
                        errors.touch("course");
                    }
                    aria-invalid=move || course_message().is_some().then_some("true")
                    aria-describedby=move || course_message().is_some().then(|| error_id(course_fields))
                >
                    {course_select}
                </select>
                {super::fields::error_view(errors, course_fields)}
            </div>
            {move || custom.get().then(|| view! {
                {text_field(ctx, Text::CustomTopic, |l| td_string!(l, requests.form.custom_topic), Kind::Input("text"), None)}
                {dates_field(ctx, today.clone())}
            })}
        </fieldset>
        {text_field(ctx, Text::Participants, |l| td_string!(l, requests.form.participants), Kind::Input("number"), Some(participants_hint))}
        {text_field(ctx, Text::Location, |l| td_string!(l, requests.form.location), Kind::Select(locations), None)}
    }
}
