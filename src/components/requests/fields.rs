//! The form's inputs as markup (labelled, with a hint and an error line each), and the
//! errors that show at them: the client's own checks once a field has been left or
//! sending was tried, and what the server refused until that field is edited.

use leptos::prelude::*;
use support_api::requests::PREFERRED_DATES_MAX;
use support_api::validation::FieldErrors;

use super::field_message;
use crate::i18n::*;
use crate::markup::Markup;
use crate::requests::form::Text;
use crate::template::fill;

/// The errors of one form: the client's own checks (shown once a field has been left or
/// sending was tried) and what the server refused (until that field is edited).
#[derive(Clone, Copy)]
pub struct Errors {
    pub client: Signal<FieldErrors>,
    pub server: RwSignal<FieldErrors>,
    pub touched: RwSignal<Vec<&'static str>>,
    pub all: RwSignal<bool>,
}

impl Errors {
    pub fn new(client: Signal<FieldErrors>) -> Self {
        Errors {
            client,
            server: RwSignal::new(FieldErrors::default()),
            touched: RwSignal::new(Vec::new()),
            all: RwSignal::new(false),
        }
    }

    /// The code shown for the first of `fields` that has an error (tracked).
    pub fn code(self, fields: &[&'static str]) -> Option<(&'static str, String)> {
        fields.iter().find_map(|&f| {
            let server = self.server.with(|e| e.code_for(f).map(str::to_owned));
            let shown = self.all.get() || self.touched.with(|t| t.contains(&f));
            server
                .or_else(|| {
                    shown
                        .then(|| self.client.with(|e| e.code_for(f).map(str::to_owned)))
                        .flatten()
                })
                .map(|code| (f, code))
        })
    }

    /// The message shown for `fields`, translated (tracked).
    pub fn message(self, l: Locale, fields: &[&'static str]) -> Option<&'static str> {
        self.code(fields)
            .map(|(f, code)| field_message(l, f, &code))
    }

    /// A field was left: its own check may show now.
    pub fn touch(self, field: &'static str) {
        if !self.touched.with_untracked(|t| t.contains(&field)) {
            self.touched.update(|t| t.push(field));
        }
    }

    /// A field was edited: what the server said about it no longer holds.
    pub fn edited(self, fields: &[&'static str]) {
        if self
            .server
            .with_untracked(|e| e.0.iter().any(|x| fields.contains(&x.field.as_str())))
        {
            self.server
                .update(|e| e.0.retain(|x| !fields.contains(&x.field.as_str())));
        }
    }

    pub fn set_server(self, errors: FieldErrors) {
        self.server.set(normalize(errors));
    }
}

/// The server's refusals, naming fields as the form does (`details.x` is `x`).
pub fn normalize(mut errors: FieldErrors) -> FieldErrors {
    for e in &mut errors.0 {
        if let Some(rest) = e.field.strip_prefix("details.") {
            e.field = rest.to_owned();
        }
    }
    errors
}

pub enum Kind<'a> {
    /// An `<input>` of this type.
    Input(&'static str),
    TextArea,
    /// `(value, text)` pairs.
    Select(&'a [(String, String)]),
}

/// A labelled input (or textarea, or select) named after its field and holding `value`,
/// with its hint and an (empty) error line: `f-<field>`, `f-<field>-hint`,
/// `f-<field>-error`.
pub fn field(m: &mut Markup, t: Text, label: &str, kind: Kind, value: &str, hint: Option<&str>) {
    let name = t.fields()[0];
    let id = format!("f-{name}");
    m.open("div", &[("class", "field")]);
    m.el("label", &[("for", &id)], label);
    if let Some(hint) = hint {
        m.el(
            "p",
            &[("id", &format!("{id}-hint")), ("class", "hint")],
            hint,
        );
    }
    match kind {
        Kind::Input(kind) => {
            m.open(
                "input",
                &[
                    ("id", &id),
                    ("name", name),
                    ("type", kind),
                    ("value", value),
                ],
            )
            .close("input");
        }
        Kind::TextArea => {
            m.el(
                "textarea",
                &[("id", &id), ("name", name), ("rows", "5")],
                value,
            );
        }
        Kind::Select(options) => {
            m.open("select", &[("id", &id), ("name", name)]);
            for (v, text) in options {
                option(m, v, text, v == value, false);
            }
            m.close("select");
        }
    }
    error_line(m, &id);
    m.close("div");
}

/// `<option>`, chosen or not, possibly not available.
pub fn option(m: &mut Markup, value: &str, text: &str, selected: bool, disabled: bool) {
    let mut attrs = vec![("value", value)];
    if selected {
        attrs.push(("selected", ""));
    }
    if disabled {
        attrs.push(("disabled", ""));
    }
    m.el("option", &attrs, text);
}

/// The empty, hidden error line of the input `id`.
pub fn error_line(m: &mut Markup, id: &str) {
    m.el(
        "p",
        &[
            ("id", &format!("{id}-error")),
            ("class", "field-error"),
            ("hidden", ""),
        ],
        "",
    );
}

/// Up to five preferred days (`f-date-0` …), with buttons to add and remove one; their
/// errors show below the group (`f-preferred_dates-error`).
pub fn dates_field(m: &mut Markup, l: Locale, dates: &[String], min: &str) {
    m.open("fieldset", &[("class", "group")]);
    m.el("legend", &[], td_string!(l, requests.form.preferred_dates));
    for (i, day) in dates.iter().enumerate() {
        let id = format!("f-date-{i}");
        let label = fill(
            td_string!(l, requests.form.date_n),
            &[("n", &(i + 1).to_string())],
        );
        m.open("div", &[("class", "date-row")]);
        m.el("label", &[("for", &id)], &label);
        m.open(
            "input",
            &[
                ("id", &id),
                ("name", "date"),
                ("type", "date"),
                ("min", min),
                ("value", day),
            ],
        )
        .close("input");
        if i > 0 {
            let action = format!("remove-date-{i}");
            m.open(
                "button",
                &[
                    ("type", "button"),
                    ("class", "button-link"),
                    ("data-action", &action),
                ],
            )
            .text(td_string!(l, requests.form.remove_date))
            .el(
                "span",
                &[("class", "visually-hidden")],
                &format!(" {label}"),
            )
            .close("button");
        }
        m.close("div");
    }
    if dates.len() < PREFERRED_DATES_MAX {
        m.el(
            "button",
            &[
                ("type", "button"),
                ("class", "button button-secondary"),
                ("data-action", "add-date"),
            ],
            td_string!(l, requests.form.add_date),
        );
    }
    error_line(m, "f-preferred_dates");
    m.close("fieldset");
}
