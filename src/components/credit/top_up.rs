use leptos::html;
use leptos::prelude::*;
use support_api::money::Money;
use support_api::plan::Priority;
use support_api::requests::{NewRequest, RequestDetails};
use wasm_bindgen::JsCast;

use crate::api::{self, ApiError, client::use_client};
use crate::components::error_view::error_text;
use crate::credit::amount::{decimal, parse_amount, suggested_top_up};
use crate::format;
use crate::i18n::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    Closed,
    Choosing,
    /// The amount (minor units) to confirm.
    Confirming(i64),
    /// The created request's id.
    Sent(i64),
}

/// A random key for `Idempotency-Key`: `crypto.randomUUID()` (secure contexts, which
/// the portal always is: HTTPS, or localhost in development).
fn new_key() -> Option<String> {
    let crypto = window().crypto().ok()?;
    let has = js_sys::Reflect::has(&crypto, &"randomUUID".into()).unwrap_or(false);
    has.then(|| crypto.unchecked_ref::<web_sys::Crypto>().random_uuid())
}

/// "Request a top-up": choose an amount (twice the threshold, rounded, to start
/// from), confirm it, and send a `credit_top_up` request. The request and its
/// idempotency key are kept for retries, so a retry or a double click never creates two.
#[component]
pub fn TopUp(threshold: Money) -> impl IntoView {
    let i18n = use_i18n();
    let client = use_client();
    let currency = threshold.currency;
    let step = RwSignal::new(Step::Closed);
    let amount_text = RwSignal::new(decimal(suggested_top_up(threshold.minor)));
    let invalid = RwSignal::new(false);
    let input = NodeRef::<html::Input>::new();
    // The request as first sent, with its key; reused while the amount stays the same.
    let prepared = StoredValue::new(None::<(i64, NewRequest, String)>);

    let send = Action::new_local(move |amount: &i64| {
        let amount = *amount;
        let reuse = prepared.with_value(|p| p.as_ref().filter(|(a, ..)| *a == amount).cloned());
        let (request, key) = match reuse {
            Some((_, request, key)) => (request, Some(key)),
            None => {
                let locale = i18n.get_locale_untracked();
                let money = format::money(Money::new(amount, currency), locale);
                let request = NewRequest {
                    title: td_string!(locale, credit.top_up_title, amount = money),
                    description: String::new(),
                    priority: Priority::Normal,
                    licence_id: None,
                    contact_phone: None,
                    details: RequestDetails::CreditTopUp {
                        amount: Money::new(amount, currency),
                    },
                };
                let key = new_key();
                if let Some(key) = &key {
                    prepared.set_value(Some((amount, request.clone(), key.clone())));
                }
                (request, key)
            }
        };
        async move {
            let key = key.ok_or_else(|| ApiError::Malformed("no crypto.randomUUID".into()))?;
            let id = api::credit::request_top_up(client, &request, &key).await?;
            step.try_set(Step::Sent(id));
            Ok::<i64, ApiError>(id)
        }
    });
    let pending = send.pending();
    let failure = move || match send.value().get() {
        Some(Err(error)) => Some(error_text(i18n.get_locale(), &error)),
        _ => None,
    };

    Effect::new(move |_| {
        if step.get() == Step::Choosing
            && let Some(el) = input.get()
        {
            let _ = el.focus();
        }
    });

    let on_continue = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match parse_amount(&amount_text.get_untracked()) {
            Some(minor) => {
                invalid.set(false);
                send.value().set(None);
                step.set(Step::Confirming(minor));
            }
            None => invalid.set(true),
        }
    };

    let view_step = move || {
        match step.get() {
        Step::Closed => view! {
            <button type="button" class="button" on:click=move |_| step.set(Step::Choosing)>
                {t!(i18n, credit.top_up_button)}
            </button>
        }
        .into_any(),
        Step::Choosing => view! {
            <form class="form top-up" novalidate on:submit=on_continue>
                <div class="field">
                    <label for="top-up-amount">
                        {move || td_string!(i18n.get_locale(), credit.top_up_amount, currency = currency.code())}
                    </label>
                    <input
                        id="top-up-amount"
                        type="number"
                        inputmode="decimal"
                        min="1"
                        step="0.01"
                        node_ref=input
                        bind:value=amount_text
                        aria-invalid=move || invalid.get().then_some("true")
                        aria-describedby="top-up-hint top-up-error"
                    />
                    <p id="top-up-hint" class="hint">{t!(i18n, credit.top_up_hint)}</p>
                    <p id="top-up-error" class="field-error" hidden=move || !invalid.get()>
                        {t!(i18n, credit.top_up_invalid)}
                    </p>
                </div>
                <div class="form-actions">
                    <button type="submit" class="button">{t!(i18n, credit.top_up_continue)}</button>
                    <button type="button" class="button button-secondary" on:click=move |_| step.set(Step::Closed)>
                        {t!(i18n, credit.top_up_cancel)}
                    </button>
                </div>
            </form>
        }
        .into_any(),
        Step::Confirming(amount) => {
            let text = move || {
                let locale = i18n.get_locale();
                let amount = format::money(Money::new(amount, currency), locale);
                td_string!(locale, credit.top_up_confirm_text, amount)
            };
            view! {
                <div class="top-up">
                    <p>{text}</p>
                    {move || failure().map(|text| view! { <p class="form-alert" role="alert">{text}</p> })}
                    <div class="form-actions">
                        <button
                            type="button"
                            class="button"
                            disabled=move || pending.get()
                            aria-busy=move || pending.get().then_some("true")
                            on:click=move |_| {
                                if !pending.get_untracked() {
                                    send.dispatch(amount);
                                }
                            }
                        >
                            {move || if pending.get() {
                                td_string!(i18n.get_locale(), credit.top_up_sending)
                            } else {
                                td_string!(i18n.get_locale(), credit.top_up_confirm)
                            }}
                        </button>
                        <button
                            type="button"
                            class="button button-secondary"
                            disabled=move || pending.get()
                            on:click=move |_| step.set(Step::Choosing)
                        >
                            {t!(i18n, credit.top_up_change)}
                        </button>
                    </div>
                </div>
            }
            .into_any()
        }
        Step::Sent(id) => view! {
            <p class="notice" role="status" data-testid="top-up-sent">
                {move || td_string!(i18n.get_locale(), credit.top_up_done, id)} " "
                <a href=format!("/requests/{id}")>{t!(i18n, credit.top_up_view)}</a>
            </p>
        }
        .into_any(),
    }
    };
    view! { <div class="top-up-area">{view_step}</div> }
}
