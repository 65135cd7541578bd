use leptos::prelude::*;
use leptos::task::spawn_local;
use support_api::money::Money;
use support_api::plan::Priority;
use support_api::requests::{NewRequest, RequestDetails};
use wasm_bindgen::JsCast;

use crate::api::{self, ApiError, client::use_client};
use crate::components::error_view::error_text;
use crate::credit::amount::{decimal, parse_amount, suggested_top_up};
use crate::credit::fill;
use crate::format;
use crate::i18n::*;
use crate::markup::Markup;

/// A random key for `Idempotency-Key`: `crypto.randomUUID()` (secure contexts, which
/// the portal always is: HTTPS, or localhost in development).
fn new_key() -> Option<String> {
    let crypto = window().crypto().ok()?;
    let has = js_sys::Reflect::has(&crypto, &"randomUUID".into()).unwrap_or(false);
    has.then(|| crypto.unchecked_ref::<web_sys::Crypto>().random_uuid())
}

#[derive(Clone, Debug, PartialEq)]
enum Sending {
    Idle,
    Pending,
    Failed(ApiError),
    /// The created request's id.
    Sent(i64),
}

/// "Request a top-up": an amount (twice the threshold, rounded, to start from), the
/// browser's own confirmation dialog, and a `credit_top_up` request. The request and
/// its idempotency key are kept for retries of the same amount, so a retry or a double
/// click never creates two.
#[component]
pub fn TopUp(threshold: Money, locale: Locale) -> impl IntoView {
    let client = use_client();
    let currency = threshold.currency;
    let amount_text = RwSignal::new(decimal(suggested_top_up(threshold.minor)));
    let invalid = RwSignal::new(false);
    let sending = RwSignal::new(Sending::Idle);
    // The request as first sent, with its key; reused while the amount stays the same.
    let prepared = StoredValue::new(None::<(i64, NewRequest, String)>);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if sending.get_untracked() == Sending::Pending {
            return;
        }
        let Some(amount) = parse_amount(&amount_text.get_untracked()) else {
            invalid.set(true);
            return;
        };
        invalid.set(false);
        let money = Money::new(amount, currency);
        let formatted = format::money(money, locale);
        let question = fill(
            td_string!(locale, credit.top_up_confirm_text),
            &[("amount", &formatted)],
        );
        if !window().confirm_with_message(&question).unwrap_or(false) {
            return;
        }
        let reuse = prepared.with_value(|p| p.as_ref().filter(|(a, ..)| *a == amount).cloned());
        let (request, key) = match reuse {
            Some((_, request, key)) => (request, Some(key)),
            None => {
                let request = NewRequest {
                    title: fill(
                        td_string!(locale, credit.top_up_title),
                        &[("amount", &formatted)],
                    ),
                    description: String::new(),
                    priority: Priority::Normal,
                    licence_id: None,
                    contact_phone: None,
                    details: RequestDetails::CreditTopUp { amount: money },
                };
                let key = new_key();
                if let Some(key) = &key {
                    prepared.set_value(Some((amount, request.clone(), key.clone())));
                }
                (request, key)
            }
        };
        sending.set(Sending::Pending);
        spawn_local(async move {
            let result = match key {
                Some(key) => api::credit::request_top_up(client, &request, &key).await,
                None => Err(ApiError::Malformed("no crypto.randomUUID".into())),
            };
            sending.try_set(match result {
                Ok(id) => {
                    // Done: another request from here is a new one, with a new key.
                    prepared.try_set_value(None);
                    Sending::Sent(id)
                }
                Err(error) => Sending::Failed(error),
            });
        });
    };

    let status = move || {
        let mut m = Markup::new();
        match sending.get() {
            Sending::Idle => {}
            Sending::Pending => {
                m.text(td_string!(locale, credit.top_up_sending));
            }
            Sending::Failed(error) => {
                m.el(
                    "span",
                    &[("class", "field-error")],
                    error_text(locale, &error),
                );
            }
            Sending::Sent(id) => {
                let href = format!("/requests/{id}");
                m.text(&fill(
                    td_string!(locale, credit.top_up_done),
                    &[("id", &id.to_string())],
                ))
                .text(" ")
                .el(
                    "a",
                    &[("href", &href)],
                    td_string!(locale, credit.top_up_view),
                );
            }
        }
        m.into_string()
    };
    let busy = move || sending.get() == Sending::Pending;

    view! {
        <form class="form top-up" novalidate on:submit=on_submit>
            <div class="field">
                <label for="top-up-amount">
                    {fill(td_string!(locale, credit.top_up_amount), &[("currency", currency.code())])}
                </label>
                <input
                    id="top-up-amount"
                    type="number"
                    inputmode="decimal"
                    min="0.01"
                    step="0.01"
                    bind:value=amount_text
                    aria-invalid=move || invalid.get().then_some("true")
                    aria-describedby=move || if invalid.get() { "top-up-error top-up-hint" } else { "top-up-hint" }
                />
                <p id="top-up-hint" class="hint">{td_string!(locale, credit.top_up_hint)}</p>
                <p id="top-up-error" class="field-error" hidden=move || !invalid.get()>
                    {td_string!(locale, credit.top_up_invalid)}
                </p>
            </div>
            <div class="form-actions">
                <button type="submit" class="button" disabled=busy aria-busy=move || busy().then_some("true")>
                    {td_string!(locale, credit.top_up_button)}
                </button>
                <p class="progress" role="status" data-testid="top-up-status" inner_html=status></p>
            </div>
        </form>
    }
}
