use leptos::prelude::*;
use support_api::requests::RequestStatus;

use crate::i18n::*;
use crate::labels::status_name;

/// The status in words, coloured by how far along it is (the colour is never the only
/// sign: the word is always there).
#[component]
pub fn StatusBadge(status: RequestStatus) -> impl IntoView {
    let i18n = use_i18n();
    let class = format!("status-badge status-{}", status.as_str());
    view! { <span class=class>{move || status_name(i18n.get_locale(), status)}</span> }
}
