//! "Do not e-mail me about this request": the per-request mute on a request's page,
//! loaded and saved on its own (the user's choice, not part of the request).

use leptos::prelude::*;

use crate::api::{self, ApiError, client::use_client};
use crate::components::error_view::error_text;
use crate::components::words::tr;
use crate::i18n::*;

/// Shown once its state is loaded. Not a `part`: a whole transition and error boundary
/// for one checkbox cost the wasm more than the switch itself; a failed load says so in
/// its place, and the request's page around it is unaffected.
#[component]
pub fn MuteToggle(id: i64) -> impl IntoView {
    let client = use_client();
    let i18n = use_i18n();
    let loaded = LocalResource::new(move || api::notifications::mute(client, id));
    move || {
        loaded.get().map(|answer| match answer {
            Ok(m) => view! { <MuteSwitch id initial=m.muted /> }.into_any(),
            Err(error) => view! {
                <p class="field-error">{move || error_text(i18n.get_locale(), &error)}</p>
            }
            .into_any(),
        })
    }
}

#[component]
fn MuteSwitch(id: i64, initial: bool) -> impl IntoView {
    let client = use_client();
    let i18n = use_i18n();
    let muted = RwSignal::new(initial);
    let outcome = RwSignal::new(None::<Result<(), ApiError>>);
    let save = Action::new_local(move |want: &bool| {
        let want = *want;
        async move {
            match api::notifications::set_mute(client, id, want).await {
                Ok(stored) => {
                    muted.try_set(stored.muted);
                    outcome.try_set(Some(Ok(())));
                }
                Err(error) => {
                    // Not saved: the switch shows what is stored.
                    muted.try_set(!want);
                    outcome.try_set(Some(Err(error)));
                }
            }
        }
    });
    let status = move || {
        let l = i18n.get_locale();
        outcome.with(|o| match o {
            Some(Ok(())) => td_string!(l, notifications.mute_saved),
            Some(Err(error)) => error_text(l, error),
            None => "",
        })
    };
    view! {
        <div class="form">
        <div class="field choice">
            <input
                type="checkbox"
                id="f-mute"
                prop:checked=muted
                disabled=move || save.pending().get()
                on:change=move |ev| {
                    let want = event_target_checked(&ev);
                    muted.set(want);
                    outcome.set(None);
                    save.dispatch(want);
                }
            />
            <label for="f-mute">{tr(|l| td_string!(l, notifications.mute))}</label>
            " "
            <span class="progress" role="status">{status}</span>
        </div>
        </div>
    }
}
