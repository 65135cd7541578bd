use leptos::prelude::*;

use crate::components::words::tr;
use crate::i18n::*;

/// Announced politely to screen readers while something loads.
#[component]
pub fn Loading() -> impl IntoView {
    view! {
        <div class="loading" role="status">
            <span class="spinner" aria-hidden="true"></span>
            <span>{tr(|l| td_string!(l, app.loading))}</span>
        </div>
    }
}
