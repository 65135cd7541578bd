use leptos::prelude::*;

use crate::i18n::*;

/// Announced politely to screen readers while something loads.
#[component]
pub fn Loading() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="loading" role="status">
            <span class="spinner" aria-hidden="true"></span>
            <span>{t!(i18n, app.loading)}</span>
        </div>
    }
}
