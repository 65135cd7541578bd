//! Labelled inputs bound to the form, with their errors at the field: `aria-invalid`,
//! `aria-describedby` and a message by code. Non-generic helpers keep the wasm small.

use std::sync::Arc;

use leptos::prelude::*;
use support_api::validation::FieldErrors;

use super::field_message;
use super::tr;
use crate::i18n::*;
use crate::requests::form::{FormState, Text};

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

    /// The message for `fields`, translated.
    pub fn message(
        self,
        fields: &'static [&'static str],
    ) -> impl Fn() -> Option<&'static str> + Send + Sync + Copy {
        let i18n = use_i18n();
        move || {
            self.code(fields)
                .map(|(f, code)| field_message(i18n.get_locale(), f, &code))
        }
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

/// The form's state and errors, shared by its parts.
#[derive(Clone, Copy)]
pub struct FormCtx {
    pub form: RwSignal<FormState>,
    pub errors: Errors,
}

/// `aria-describedby` and `aria-invalid` for an input showing `fields`' errors.
pub fn error_id(fields: &[&'static str]) -> String {
    format!("f-{}-error", fields[0])
}

/// The message element below an input (hidden while there is none).
pub fn error_view(errors: Errors, fields: &'static [&'static str]) -> AnyView {
    let message = errors.message(fields);
    view! {
        <p id=error_id(fields) class="field-error" hidden=move || message().is_none()>{message}</p>
    }
    .into_any()
}

pub type Label = fn(Locale) -> &'static str;
pub type Options = Arc<dyn Fn(Locale) -> Vec<(String, String)> + Send + Sync>;

pub enum Kind {
    /// An `<input>` of this type.
    Input(&'static str),
    TextArea,
    Select(Options),
}

/// A labelled input (or textarea, or select) bound to one text of the form.
pub fn text_field(ctx: FormCtx, t: Text, label: Label, kind: Kind, hint: Option<Label>) -> AnyView {
    let i18n = use_i18n();
    let FormCtx { form, errors } = ctx;
    let fields = t.fields();
    let id = format!("f-{}", fields[0]);
    let message = errors.message(fields);
    let hint_id = format!("f-{}-hint", fields[0]);
    let described = {
        let (hint_id, err_id) = (hint_id.clone(), error_id(fields));
        move || {
            let parts: Vec<&str> = [
                hint.is_some().then_some(hint_id.as_str()),
                message().is_some().then_some(err_id.as_str()),
            ]
            .into_iter()
            .flatten()
            .collect();
            (!parts.is_empty()).then(|| parts.join(" "))
        }
    };
    let invalid = move || message().is_some().then_some("true");
    let value = move || form.with(|f| f.text(t).clone());
    let on_input = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        form.update(|f| *f.text_mut(t) = v);
        errors.edited(fields);
    };
    let on_change = move |_| errors.touch(fields[0]);
    let control = match kind {
        Kind::Input(kind) => view! {
            <input
                id=id.clone()
                type=kind
                prop:value=value
                on:input=on_input
                on:change=on_change
                aria-invalid=invalid
                aria-describedby=described
            />
        }
        .into_any(),
        Kind::TextArea => view! {
            <textarea
                id=id.clone()
                rows="5"
                prop:value=value
                on:input=on_input
                on:change=on_change
                aria-invalid=invalid
                aria-describedby=described
            ></textarea>
        }
        .into_any(),
        Kind::Select(options) => view! {
            <select
                id=id.clone()
                prop:value=value
                on:change=move |ev| {
                    on_input(ev);
                    errors.touch(fields[0]);
                }
                aria-invalid=invalid
                aria-describedby=described
            >
                {move || {
                    let chosen = value();
                    options(i18n.get_locale())
                        .into_iter()
                        .map(|(v, text)| {
                            let selected = v == chosen;
                            view! { <option value=v selected=selected>{text}</option> }
                        })
                        .collect_view()
                }}
            </select>
        }
        .into_any(),
    };
    view! {
        <div class="field">
            <label for=id>{super::tr(label)}</label>
            {hint.map(|hint| view! { <p id=hint_id class="hint">{super::tr(hint)}</p> })}
            {control}
            {error_view(errors, fields)}
        </div>
    }
    .into_any()
}

const DATES: &[&str] = &["preferred_dates"];

/// Up to five preferred days, each a date input; the errors about them show below.
pub fn dates_field(ctx: FormCtx, min: String) -> AnyView {
    let i18n = use_i18n();
    let FormCtx { form, errors } = ctx;
    let count = Memo::new(move |_| form.with(|f| f.dates.len()));
    let message = errors.message(DATES);
    let invalid = move || message().is_some().then_some("true");
    let described = move || message().is_some().then(|| error_id(DATES));
    let inputs = move || {
        let min = min.clone();
        (0..count.get())
            .map(|i| {
                let id = if i == 0 {
                    "f-preferred_dates".to_owned()
                } else {
                    format!("f-preferred_dates-{i}")
                };
                let label = move || super::fill(td_string!(i18n.get_locale(), requests.form.date_n), &(i + 1).to_string());
                let remove = (i > 0).then(|| view! {
                    <button
                        type="button"
                        class="button-link"
                        on:click=move |_| {
                            form.update(|f| {
                                if i < f.dates.len() {
                                    f.dates.remove(i);
                                }
                            });
                            errors.edited(DATES);
                        }
                    >
                        {tr(|l| td_string!(l, requests.form.remove_date))}
                        <span class="visually-hidden">" "{label}</span>
                    </button>
                });
                view! {
                    <div class="date-row">
                        <label for=id.clone()>{label}</label>
                        <input
                            id=id
                            type="date"
                            min=min.clone()
                            prop:value=move || form.with(|f| f.dates.get(i).cloned().unwrap_or_default())
                            on:input=move |ev| {
                                let v = event_target_value(&ev);
                                form.update(|f| {
                                    if let Some(d) = f.dates.get_mut(i) {
                                        *d = v;
                                    }
                                });
                                errors.edited(DATES);
                            }
                            on:change=move |_| errors.touch(DATES[0])
                            aria-invalid=invalid
                            aria-describedby=described
                        />
                        {remove}
                    </div>
                }
            })
            .collect_view()
    };
    let can_add = move || count.get() < support_api::requests::PREFERRED_DATES_MAX;
    view! {
        <fieldset class="group">
            <legend>{tr(|l| td_string!(l, requests.form.preferred_dates))}</legend>
            {inputs}
            <button
                type="button"
                class="button button-secondary"
                hidden=move || !can_add()
                on:click=move |_| form.update(|f| f.dates.push(String::new()))
            >
                {tr(|l| td_string!(l, requests.form.add_date))}
            </button>
            {error_view(errors, DATES)}
        </fieldset>
    }
    .into_any()
}
