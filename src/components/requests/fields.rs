//! The form's inputs (labelled, with a hint and an error line each), and the errors that
//! show at them: the client's own checks once a field has been left or sending was
//! tried, and what the server refused until that field is edited.

use leptos::prelude::*;
use support_api::validation::FieldErrors;

use super::{field_message, tr};
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
    pub fn new(client: Signal<FieldErrors>, server: RwSignal<FieldErrors>) -> Self {
        Errors {
            client,
            server,
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

/// The form as typed and its errors: what every input of it reads and writes.
#[derive(Clone, Copy)]
pub struct FormCtx {
    pub state: RwSignal<FormState>,
    pub errors: Errors,
    /// Counts the times the state was put into the form from elsewhere (a restored draft,
    /// a day removed): only then do the inputs show it afresh. While typing, an input
    /// keeps what the person types, which a number input may not yet hold as a value.
    pub loaded: RwSignal<u32>,
}

impl FormCtx {
    pub fn new(state: RwSignal<FormState>, errors: Errors) -> Self {
        FormCtx {
            state,
            errors,
            loaded: RwSignal::new(0),
        }
    }

    /// What the inputs show of `t`: the state as last loaded into them.
    pub fn shown(self, t: Text) -> String {
        self.loaded.track();
        self.state.with_untracked(|f| f.text(t).clone())
    }

    /// The state was changed from elsewhere: the inputs show it.
    pub fn reload(self) {
        self.loaded.update(|n| *n += 1);
    }

    /// What was typed into `t` (tracked).
    pub fn value(self, t: Text) -> String {
        self.state.with(|f| f.text(t).clone())
    }

    /// `t` now holds `value`: what the server said about it no longer holds.
    pub fn set(self, t: Text, value: String) {
        if self.state.with_untracked(|f| *f.text(t) != value) {
            self.state.update(|f| *f.text_mut(t) = value);
        }
        self.errors.edited(t.fields());
    }
}

/// What kind of input a field is.
pub enum Kind {
    /// An `<input>` of this type.
    Input(&'static str),
    TextArea,
    /// `(value, text)` pairs, following the language.
    Select(Signal<Vec<(String, String)>>),
}

/// Message of a field (tracked).
pub type Message = Signal<Option<&'static str>>;

/// `aria-invalid` of an input while it shows an error. Every input's attribute is this one
/// closure type, which the wasm carries once.
pub fn invalid(message: Message) -> impl Fn() -> Option<&'static str> + Copy + Send + Sync {
    move || message.with(Option::is_some).then_some("true")
}

/// `aria-describedby` of an input: its hint, and its error line while it shows one.
pub fn described(
    message: Message,
    hint: Option<String>,
    error: String,
) -> impl Fn() -> Option<String> + Clone + Send + Sync {
    move || match (&hint, message.with(Option::is_some)) {
        (Some(hint), true) => Some(format!("{hint} {error}")),
        (Some(hint), false) => Some(hint.clone()),
        (None, true) => Some(error.clone()),
        (None, false) => None,
    }
}

/// The error line of an input: the message, or hidden.
#[component]
pub fn ErrorLine(id: String, message: Message) -> impl IntoView {
    view! { <p id=id class="field-error" hidden=move || message.with(Option::is_none)>{move || message.get()}</p> }
}

/// A labelled input (or textarea, or select) of `t`, with its hint and error line:
/// `f-<field>`, `f-<field>-hint`, `f-<field>-error`.
#[component]
pub fn Field(
    form: FormCtx,
    t: Text,
    label: fn(Locale) -> &'static str,
    kind: Kind,
    #[prop(optional)] hint: Option<fn(Locale) -> &'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    let name = t.fields()[0];
    let id = format!("f-{name}");
    let hint_id = hint.map(|_| format!("{id}-hint"));
    let error_id = format!("{id}-error");
    let message = Signal::derive(move || form.errors.message(i18n.get_locale(), t.fields()));
    let invalid = invalid(message);
    let described = described(message, hint_id.clone(), error_id.clone());
    let hint = hint.zip(hint_id).map(|(hint, hint_id)| {
        view! { <p id=hint_id class="hint">{tr(hint)}</p> }
    });
    let on_input = move |ev: leptos::ev::Event| form.set(t, event_target_value(&ev));
    let on_change = move |ev: leptos::ev::Event| {
        form.set(t, event_target_value(&ev));
        form.errors.touch(name);
    };
    let input = match kind {
        Kind::Input(kind) => view! {
            <input id=id.clone() name=name type=kind prop:value=move || form.shown(t)
                aria-invalid=invalid aria-describedby=described on:input=on_input on:change=on_change />
        }
        .into_any(),
        Kind::TextArea => view! {
            <textarea id=id.clone() name=name rows="5" prop:value=move || form.shown(t)
                aria-invalid=invalid aria-describedby=described on:input=on_input on:change=on_change></textarea>
        }
        .into_any(),
        Kind::Select(options) => view! {
            <select id=id.clone() name=name prop:value=move || form.value(t)
                aria-invalid=invalid aria-describedby=described on:change=on_change>
                <Options options chosen=Signal::derive(move || form.value(t)) />
            </select>
        }
        .into_any(),
    };
    view! {
        <div class="field">
            <label for=id>{tr(label)}</label>
            {hint}
            {input}
            <ErrorLine id=error_id message />
        </div>
    }
}

/// A select's `<option>`s, built again when they change (the language); the one
/// `chosen` then is marked selected, and the select's value follows later choices.
#[component]
pub fn Options(options: Signal<Vec<(String, String)>>, chosen: Signal<String>) -> impl IntoView {
    move || {
        let now = chosen.get_untracked();
        options
            .get()
            .into_iter()
            .map(|(value, text)| {
                let selected = value == now;
                view! { <option value=value selected=selected>{text}</option> }
            })
            .collect_view()
    }
}
