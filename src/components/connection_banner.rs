use leptos::prelude::*;

use crate::components::words::tr;
use crate::connection::use_connection;
use crate::i18n::*;

/// Shown while the API cannot be reached: what happened, that the portal keeps trying,
/// and a button to try at once. Nothing typed is lost meanwhile.
#[component]
pub fn ConnectionBanner() -> impl IntoView {
    let connection = use_connection();
    view! {
        <div class="connection-banner" class:lost=move || connection.is_lost() role="status">
            <Show when=move || connection.is_lost()>
                <p>{tr(|l| td_string!(l, connection.lost))}</p>
                <button type="button" class="button" on:click=move |_| connection.knock()>
                    {tr(|l| td_string!(l, connection.retry_now))}
                </button>
            </Show>
        </div>
    }
}
