//! Training: a date of a catalog course (with the seats left) or a topic of one's own
//! with preferred days; the number of participants; where.

use support_api::catalog::Catalog;

use super::fields::{Kind, dates_field, error_line, field, option};

use crate::format;
use crate::i18n::*;
use crate::labels::location_name;
use crate::markup::Markup;
use crate::requests::form::{FormState, LOCATIONS, Text, location_str};
use crate::template::fill;

pub fn training_fields(m: &mut Markup, l: Locale, f: &FormState, catalog: &Catalog, today: &str) {
    let custom = f.course_mode == "custom";
    m.open("fieldset", &[("class", "group")]);
    m.el("legend", &[], td_string!(l, requests.form.which_training));
    for (mode, label) in [
        ("course", td_string!(l, requests.form.mode_course)),
        ("custom", td_string!(l, requests.form.mode_custom)),
    ] {
        let id = format!("mode-{mode}");
        let mut attrs = vec![
            ("type", "radio"),
            ("id", id.as_str()),
            ("name", "course_mode"),
            ("value", mode),
        ];
        if (mode == "custom") == custom {
            attrs.push(("checked", ""));
        }
        m.open("div", &[("class", "choice")]);
        m.open("input", &attrs).close("input");
        m.el("label", &[("for", &id)], label);
        m.close("div");
    }
    if custom {
        field(
            m,
            Text::CustomTopic,
            td_string!(l, requests.form.custom_topic),
            Kind::Input("text"),
            &f.custom_topic,
            None,
        );
        dates_field(m, l, &f.dates, today);
    } else {
        // The courses' dates with the seats left, grouped by course; a full date is
        // shown but cannot be chosen.
        m.open("div", &[("class", "field")]);
        m.el(
            "label",
            &[("for", "f-course")],
            td_string!(l, requests.form.course_date),
        );
        m.open("select", &[("id", "f-course"), ("name", "course")]);
        option(
            m,
            "",
            td_string!(l, requests.form.choose),
            f.course_date.is_empty(),
            false,
        );
        for c in &catalog.courses {
            let price = format::money(c.price_per_participant, l);
            let label = format!(
                "{} · {}",
                c.title,
                fill(
                    td_string!(l, requests.form.course_price),
                    &[("price", &price)]
                )
            );
            m.open("optgroup", &[("label", &label)]);
            for d in &c.dates {
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
                option(m, &value, &text, value == f.course_date, d.seats_left == 0);
            }
            m.close("optgroup");
        }
        m.close("select");
        error_line(m, "f-course");
        m.close("div");
    }
    m.close("fieldset");
    field(
        m,
        Text::Participants,
        td_string!(l, requests.form.participants),
        Kind::Input("number"),
        &f.participants,
        Some(td_string!(l, requests.form.participants_hint)),
    );
    let locations: Vec<(String, String)> = LOCATIONS
        .into_iter()
        .map(|loc| {
            (
                location_str(loc).to_owned(),
                location_name(l, loc).to_owned(),
            )
        })
        .collect();
    field(
        m,
        Text::Location,
        td_string!(l, requests.form.location),
        Kind::Select(&locations),
        &f.location,
        None,
    );
}
