//! A company admin's switch: everyone of the company must use two-step sign-in (each
//! user's next request then leads them to set it up).

use leptos::prelude::*;

use crate::api::{self, client::use_client};
use crate::components::error_view::error_text;
use crate::components::words::tr;
use crate::i18n::*;

#[component]
pub fn RequireTwoStep(required: bool) -> impl IntoView {
    let i18n = use_i18n();
    let client = use_client();
    let checked = RwSignal::new(required);
    let save = Action::new_local(move |required: &bool| {
        let required = *required;
        async move {
            let result = api::people::require_two_step(client, required).await;
            if result.is_err() {
                checked.set(!required);
            }
            result
        }
    });
    let on_change = move |_| {
        let required = !checked.get_untracked();
        checked.set(required);
        save.dispatch(required);
    };
    view! {
        <p class="field">
            <label>
                <input type="checkbox" prop:checked=move || checked.get() on:change=on_change
                    disabled=move || save.pending().get() />
                " "{tr(|l| td_string!(l, people.require_two_step))}
            </label>
        </p>
        {move || save.value().get().and_then(Result::err).map(|error| view! {
            <p class="form-alert" role="alert">{error_text(i18n.get_locale(), &error)}</p>
        })}
    }
}
