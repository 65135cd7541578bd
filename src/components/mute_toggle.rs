//! "Do not e-mail me about this request": the per-request mute on a request's page,
//! loaded and saved on its own (the user's choice, not part of the request).

use leptos::prelude::*;

use crate::api::{self, ApiError, client::use_client};
use crate::components::error_view::error_text;
use crate::components::part::part;
use crate::components::words::tr;
use crate::i18n::*;

#[component]
pub fn MuteToggle(id: i64) -> impl IntoView {
    let client = use_client();
    let loaded = LocalResource::new(move || api::notifications::mute(client, id));
    part(loaded, move |m| {
        view! { <MuteSwitch id initial=m.muted /> }.into_any()
    })
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
