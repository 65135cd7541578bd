//! The pieces of the request pages, and the words for the contract's enums.

pub mod accept_cost;
pub mod closing;
pub mod closing_state;
pub mod dates_field;
pub mod draft_offer;
pub mod estimate_panel;
pub mod estimator;
pub mod fields;
pub mod filters;
pub mod onsite_fields;
pub mod open_glance;
pub mod remote_fields;
pub mod request_actions;
pub mod request_facts;
pub mod request_fields;
pub mod request_form;
pub mod request_row;
pub mod requests_table;
pub mod service_fields;
pub mod sla_countdown;
pub mod status_badge;
pub mod timeline;
pub mod top_up_fields;
pub mod training_fields;
pub mod type_chooser;

#[cfg(all(test, target_arch = "wasm32"))]
mod request_form_tests;

use leptos::prelude::*;

use support_api::validation::codes;

use crate::i18n::*;

pub use crate::components::words::tr;

/// The message for a refused field, by its stable code (a few fields say more).
pub fn field_message(l: Locale, field: &str, code: &str) -> &'static str {
    match (field, code) {
        ("course" | "course_date_id", codes::REQUIRED) => {
            td_string!(l, requests.errors.course_required)
        }
        ("course" | "course_date_id", codes::UNAVAILABLE) => {
            td_string!(l, requests.errors.course_full)
        }
        ("licence_id", codes::UNAVAILABLE) => td_string!(l, requests.errors.licence_unavailable),
        ("participants", codes::TOO_FEW) => td_string!(l, requests.errors.participants_too_few),
        ("participants", codes::TOO_MANY) => td_string!(l, requests.errors.participants_too_many),
        ("accept_cost", _) => td_string!(l, requests.errors.accept_cost),
        ("text", codes::UNAVAILABLE) => td_string!(l, requests.errors.no_comments),
        (_, codes::REQUIRED) => td_string!(l, validation.required),
        (_, codes::TOO_LONG) => td_string!(l, validation.too_long),
        (_, codes::TOO_FEW) => td_string!(l, requests.errors.too_few),
        (_, codes::TOO_MANY) => td_string!(l, requests.errors.too_many),
        (_, codes::INVALID_DATE) => td_string!(l, requests.errors.invalid_date),
        (_, codes::IN_THE_PAST) => td_string!(l, requests.errors.in_the_past),
        (_, codes::BEFORE_START) => td_string!(l, requests.errors.before_start),
        (_, codes::UNAVAILABLE) => td_string!(l, requests.errors.unavailable),
        (_, codes::INVALID_TYPE) => td_string!(l, requests.errors.not_a_number),
        _ => td_string!(l, validation.invalid),
    }
}

/// A new idempotency key: `crypto.randomUUID()` where the browser has it (secure
/// contexts), else a version 4 UUID from `crypto.getRandomValues()`.
pub fn new_key() -> String {
    let Ok(crypto) = window().crypto() else {
        return fallback_key();
    };
    let has_uuid = js_sys::Reflect::has(&crypto, &"randomUUID".into()).unwrap_or(false);
    if has_uuid {
        return crypto.random_uuid();
    }
    let mut bytes = [0u8; 16];
    match crypto.get_random_values_with_u8_array(&mut bytes) {
        Ok(_) => crate::requests::draft::uuid_v4(bytes),
        Err(_) => fallback_key(),
    }
}

/// Without Web Crypto: still unique enough to tell one draft from another.
fn fallback_key() -> String {
    let mut bytes = [0u8; 16];
    for b in &mut bytes {
        *b = (js_sys::Math::random() * 256.0) as u8;
    }
    crate::requests::draft::uuid_v4(bytes)
}

/// Today in the browser's time zone, `YYYY-MM-DD`.
pub fn today() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// JavaScript's `getTimezoneOffset()` at a `datetime-local` value (which `Date` reads as
/// local time), so daylight saving is that day's.
pub fn zone_offset(local: &str) -> i32 {
    let d = js_sys::Date::new(&local.into());
    let offset = d.get_timezone_offset();
    if offset.is_nan() {
        js_sys::Date::new_0().get_timezone_offset() as i32
    } else {
        offset as i32
    }
}

/// Moves the focus to the element with this id (the first refused field, a day just
/// added): focus only, never what the element shows.
pub fn focus_id(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}
