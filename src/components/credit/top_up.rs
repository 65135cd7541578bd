//! "Request a top-up": an amount (twice the threshold, rounded, to start from), the
//! browser's own confirmation dialog, and a `credit_top_up` request. The request and
//! its idempotency key are kept for retries of the same amount, so a retry or a double
//! click never creates two.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use support_api::money::Money;
use support_api::plan::Priority;
use support_api::requests::{NewRequest, RequestDetails};
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::dom;
use crate::api::{self, ApiError, Client};
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

/// The form, inside the low-balance warning.
pub fn top_up_markup(m: &mut Markup, threshold: Money, locale: Locale) {
    let label = fill(
        td_string!(locale, credit.top_up_amount),
        &[("currency", threshold.currency.code())],
    );
    let suggested = decimal(suggested_top_up(threshold.minor));
    m.open(
        "form",
        &[
            ("id", "top-up"),
            ("class", "form top-up"),
            ("novalidate", ""),
        ],
    )
    .open("div", &[("class", "field")])
    .el("label", &[("for", "top-up-amount")], &label)
    .el(
        "input",
        &[
            ("id", "top-up-amount"),
            ("type", "number"),
            ("inputmode", "decimal"),
            ("min", "0.01"),
            ("step", "0.01"),
            ("value", &suggested),
            ("aria-describedby", "top-up-hint"),
        ],
        "",
    )
    .el(
        "p",
        &[("id", "top-up-hint"), ("class", "hint")],
        td_string!(locale, credit.top_up_hint),
    )
    .el(
        "p",
        &[
            ("id", "top-up-error"),
            ("class", "field-error"),
            ("hidden", ""),
        ],
        td_string!(locale, credit.top_up_invalid),
    )
    .close("div")
    .open("div", &[("class", "form-actions")])
    .el(
        "button",
        &[
            ("id", "top-up-send"),
            ("type", "submit"),
            ("class", "button"),
        ],
        td_string!(locale, credit.top_up_button),
    )
    .el(
        "div",
        &[
            ("id", "top-up-status"),
            ("class", "progress"),
            ("role", "status"),
            ("data-testid", "top-up-status"),
        ],
        "",
    )
    .close("div")
    .close("form");
}

/// The request as first sent with its key, reused while the amount stays the same.
pub type Prepared = Rc<RefCell<Option<(i64, NewRequest, String)>>>;

/// The form was submitted: check the amount, confirm, send.
pub fn submit(root: Element, client: Client, prepared: Prepared, threshold: Money, locale: Locale) {
    if dom::find(&root, "top-up-send").is_some_and(|b| b.has_attribute("disabled")) {
        return;
    }
    let currency = threshold.currency;
    let Some(amount) = parse_amount(&dom::value(&root, "top-up-amount")) else {
        dom::set_hidden(&root, "top-up-error", false);
        dom::set_attr(&root, "top-up-amount", "aria-invalid", Some("true"));
        dom::set_attr(
            &root,
            "top-up-amount",
            "aria-describedby",
            Some("top-up-error top-up-hint"),
        );
        dom::focus(&root, "top-up-amount");
        return;
    };
    dom::set_hidden(&root, "top-up-error", true);
    dom::set_attr(&root, "top-up-amount", "aria-invalid", None);
    dom::set_attr(
        &root,
        "top-up-amount",
        "aria-describedby",
        Some("top-up-hint"),
    );
    let money = Money::new(amount, currency);
    let formatted = format::money(money, locale);
    let question = fill(
        td_string!(locale, credit.top_up_confirm_text),
        &[("amount", &formatted)],
    );
    if !window().confirm_with_message(&question).unwrap_or(false) {
        return;
    }
    let reuse = prepared
        .borrow()
        .as_ref()
        .filter(|(a, ..)| *a == amount)
        .cloned();
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
                *prepared.borrow_mut() = Some((amount, request.clone(), key.clone()));
            }
            (request, key)
        }
    };
    dom::set_disabled(&root, "top-up-send", true);
    dom::set_text(
        &root,
        "top-up-status",
        td_string!(locale, credit.top_up_sending),
    );
    spawn_local(async move {
        let result = match key {
            Some(key) => api::credit::request_top_up(client, &request, &key).await,
            None => Err(ApiError::Malformed("no crypto.randomUUID".into())),
        };
        let mut m = Markup::new();
        match result {
            Ok(id) => {
                // Done: another request from here is a new one, with a new key.
                *prepared.borrow_mut() = None;
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
            Err(error) => {
                m.el(
                    "span",
                    &[("class", "field-error")],
                    error_text(locale, &error),
                );
            }
        }
        dom::replace(&root, "top-up-status", m);
        dom::set_disabled(&root, "top-up-send", false);
    });
}
