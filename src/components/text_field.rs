//! One labelled input of a form, with its hint and the reason the last check refused it
//! (announced through `aria-describedby`), for the account, people and recovery forms.

use leptos::prelude::*;
use support_api::validation::FieldErrors;

use crate::components::words::Words;
use crate::i18n::*;
use crate::labels::field_reason;

#[component]
pub fn TextField(
    /// The input's id and its field name in the API's errors.
    field: &'static str,
    label: Words,
    value: RwSignal<String>,
    errors: RwSignal<FieldErrors>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    #[prop(optional)] hint: Option<Words>,
) -> impl IntoView {
    let i18n = use_i18n();
    let reason = move || {
        errors.with(|e| {
            e.code_for(field)
                .map(|code| field_reason(i18n.get_locale(), code))
        })
    };
    let hint_id = format!("{field}-hint");
    let error_id = format!("{field}-error");
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.as_str());
            }
            if reason().is_some() {
                ids.push(error_id.as_str());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="field">
            <label for=field>{move || label(i18n.get_locale())}</label>
            <input
                id=field
                name=field
                type=kind
                autocomplete=autocomplete
                bind:value=value
                on:input=move |_| errors.update(|e| e.0.retain(|f| f.field != field))
                aria-invalid=move || reason().is_some().then_some("true")
                aria-describedby=described
            />
            {hint.map(|hint| view! { <p id=hint_id class="field-hint">{move || hint(i18n.get_locale())}</p> })}
            <p id=error_id class="field-error" hidden=move || reason().is_none()>{reason}</p>
        </div>
    }
}
