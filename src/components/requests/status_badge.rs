use leptos::prelude::*;
use support_api::requests::RequestStatus;

use super::status_name;
use crate::i18n::*;

/// The status in words, coloured by how far along it is (the colour is never the only
/// sign: the word is always there).
#[component]
pub fn StatusBadge(status: RequestStatus) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <span class=format!("badge badge-{}", status.as_str())>
            {move || status_name(i18n.get_locale(), status)}
        </span>
    }
}
