//! Up to five preferred days (`f-date-0` …), with buttons to add and remove one; their
//! errors show below the group (`f-preferred_dates-error`).

use leptos::prelude::*;
use support_api::requests::PREFERRED_DATES_MAX;

use super::fields::{ErrorLine, FormCtx, described, invalid};
use super::{focus_id, tr};

use crate::i18n::*;
use support_api::template::fill;

const FIELDS: &[&str] = &["preferred_dates"];
const ERROR_ID: &str = "f-preferred_dates-error";

/// Focuses a day's input once it is in the page (after adding or removing one).
fn focus_date(i: usize) {
    request_animation_frame(move || focus_id(&format!("f-date-{i}")));
}

#[component]
pub fn DatesField(form: FormCtx, min: String) -> impl IntoView {
    let i18n = use_i18n();
    let count = Memo::new(move |_| form.state.with(|f| f.dates.len()));
    let message = Signal::derive(move || form.errors.message(i18n.get_locale(), FIELDS));
    let day = move |i: usize| {
        let id = format!("f-date-{i}");
        let label = move || {
            fill(
                td_string!(i18n.get_locale(), requests.form.date_n),
                &[("n", &(i + 1).to_string())],
            )
        };
        let value = move || {
            form.loaded.track();
            form.state
                .with_untracked(|f| f.dates.get(i).cloned().unwrap_or_default())
        };
        let edit = move |ev: leptos::ev::Event, left: bool| {
            let text = event_target_value(&ev);
            form.state.update(|f| {
                if let Some(day) = f.dates.get_mut(i) {
                    *day = text;
                }
            });
            form.errors.edited(FIELDS);
            if left {
                form.errors.touch(FIELDS[0]);
            }
        };
        let remove = (i > 0).then(|| {
            view! {
                <button
                    type="button"
                    class="button-link"
                    on:click=move |_| {
                        form.state.update(|f| {
                            if i < f.dates.len() {
                                f.dates.remove(i);
                            }
                        });
                        form.errors.edited(FIELDS);
                        // The days after it moved up a place.
                        form.reload();
                        focus_date(i - 1);
                    }
                >
                    {tr(|l| td_string!(l, requests.form.remove_date))}
                    <span class="visually-hidden">" "{label}</span>
                </button>
            }
        });
        view! {
            <div class="date-row">
                <label for=id.clone()>{label}</label>
                <input
                    id=id
                    name="date"
                    type="date"
                    min=min.clone()
                    prop:value=value
                    aria-invalid=invalid(message)
                    aria-describedby=described(message, None, ERROR_ID.to_owned())
                    on:input=move |ev| edit(ev, false)
                    on:change=move |ev| edit(ev, true)
                />
                {remove}
            </div>
        }
    };
    let add = move || {
        (count.get() < PREFERRED_DATES_MAX).then(|| {
            view! {
                <button
                    type="button"
                    class="button button-secondary"
                    on:click=move |_| {
                        let next = form.state.with_untracked(|f| f.dates.len());
                        form.state.update(|f| f.dates.push(String::new()));
                        focus_date(next);
                    }
                >
                    {tr(|l| td_string!(l, requests.form.add_date))}
                </button>
            }
        })
    };
    view! {
        <fieldset class="group">
            <legend>{tr(|l| td_string!(l, requests.form.preferred_dates))}</legend>
            // At most five days, read by their place: built again when one is added or
            // removed, each showing the state.
            {move || (0..count.get()).map(&day).collect_view()}
            {add}
            <ErrorLine id=ERROR_ID.to_owned() message />
        </fieldset>
    }
}
