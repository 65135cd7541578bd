//! Training: a date of a catalog course (with the seats left) or a topic of one's own
//! with preferred days; the number of participants; where.

use std::sync::Arc;

use leptos::prelude::*;
use support_api::catalog::Catalog;

use super::fields::{FormCtx, Kind, dates_field, error_id, text_field};
use super::tr;
use super::{fill, location_name};
use crate::format;
use crate::i18n::*;
use crate::requests::form::{LOCATIONS, Text, location_str};
use crate::requests::html::esc;

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
    // The courses' dates with the seats left, grouped by course, as HTML options; a full
    // date is shown but cannot be chosen.
    let course_options = move || {
        let l = i18n.get_locale();
        let chosen = form.with(|f| f.course_date.clone());
        let selected = |yes: bool| if yes { " selected" } else { "" };
        let mut out = format!(
            "<option value=\"\"{}>{}</option>",
            selected(chosen.is_empty()),
            td_string!(l, requests.form.choose)
        );
        for c in &catalog.courses {
            let label = format!(
                "{} · {}",
                c.title,
                fill(
                    td_string!(l, requests.form.course_price),
                    &format::money(c.price_per_participant, l)
                )
            );
            out.push_str(&format!("<optgroup label=\"{}\">", esc(&label)));
            for d in &c.dates {
                let seats = if d.seats_left == 0 {
                    td_string!(l, requests.form.course_full).to_owned()
                } else {
                    fill(
                        td_string!(l, requests.form.seats_left),
                        &d.seats_left.to_string(),
                    )
                };
                let text = format!(
                    "{} – {}, {}, {seats}",
                    format::date(&d.starts_on, l),
                    format::date(&d.ends_on, l),
                    location_name(l, d.location)
                );
                out.push_str(&format!(
                    "<option value=\"{}\"{}{}>{}</option>",
                    d.id,
                    selected(d.id.to_string() == chosen),
                    if d.seats_left == 0 { " disabled" } else { "" },
                    esc(&text)
                ));
            }
            out.push_str("</optgroup>");
        }
        out
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
            <legend>{tr(|l| td_string!(l, requests.form.which_training))}</legend>
            <div class="choice">
                <input
                    type="radio"
                    id="mode-course"
                    name="course_mode"
                    prop:checked=move || !custom.get()
                    on:change=set_mode("course")
                />
                <label for="mode-course">{tr(|l| td_string!(l, requests.form.mode_course))}</label>
            </div>
            <div class="choice">
                <input
                    type="radio"
                    id="mode-custom"
                    name="course_mode"
                    prop:checked=move || custom.get()
                    on:change=set_mode("custom")
                />
                <label for="mode-custom">{tr(|l| td_string!(l, requests.form.mode_custom))}</label>
            </div>
            <div class="field" hidden=move || custom.get()>
                <label for="f-course">{tr(|l| td_string!(l, requests.form.course_date))}</label>
                <select
                    id="f-course"
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        form.update(|f| f.course_date = v);
                        errors.edited(course_fields);
                        errors.touch("course");
                    }
                    aria-invalid=move || course_message().is_some().then_some("true")
                    aria-describedby=move || course_message().is_some().then(|| error_id(course_fields))
                    inner_html=course_options
                ></select>
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
