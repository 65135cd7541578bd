use leptos::prelude::*;

use super::tr;

use crate::format;
use crate::i18n::*;
use support_api::template::fill;

/// Milliseconds since the epoch as an RFC 3339 instant, for `format::date_time`.
fn iso(ms: f64) -> String {
    js_sys::Date::new(&ms.into()).to_iso_string().into()
}

/// The offer to continue a draft saved at `saved_at` (ms since the epoch), or to discard
/// it and start again.
#[component]
pub fn DraftOffer(saved_at: i64, restore: Callback<()>, discard: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let when = iso(saved_at as f64);
    let text = move || {
        let l = i18n.get_locale();
        let date = format::date_time(&when, l);
        fill(td_string!(l, requests.form.draft_text), &[("date", &date)])
    };
    view! {
        <section class="card draft-offer" aria-labelledby="draft-heading">
            <h2 id="draft-heading">{tr(|l| td_string!(l, requests.form.draft_heading))}</h2>
            <p>{text}</p>
            <div class="form-actions">
                <button type="button" class="button" on:click=move |_| restore.run(())>
                    {tr(|l| td_string!(l, requests.form.draft_restore))}
                </button>
                <button type="button" class="button button-secondary" on:click=move |_| discard.run(())>
                    {tr(|l| td_string!(l, requests.form.draft_discard))}
                </button>
            </div>
        </section>
    }
}
