//! The request form in headless Chromium (`make wasm-test`), mounted on its own with the
//! network stubbed: `window.fetch` answers an estimate at once and never answers the
//! creation of a request, so the first send stays under way while more are asked for.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::Router;
use support_api::catalog::{BilledAs, Billing};
use support_api::money::Currency;
use support_api::requests::{Estimate, RequestType};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

use super::request_fields::Shape;
use super::request_form::RequestForm;
use crate::connection::provide_connection;
use crate::i18n::I18nContextProvider;
use crate::requests::draft::draft_storage_key;
use crate::session::provide_session;

wasm_bindgen_test_configure!(run_in_browser);

/// Replaces `window.fetch`: counts the requests created (`window.__created`), answers
/// the estimate with `window.__estimate`, and leaves everything else unanswered.
const STUB: &str = r#"
window.__created = 0;
window.fetch = (input, init) => {
  const url = typeof input === "string" ? input : input.url;
  const method = (init && init.method) || (typeof input === "string" ? "GET" : input.method);
  if (method === "POST" && url.endsWith("/api/v1/requests/estimate")) {
    return Promise.resolve(new Response(window.__estimate, {
      status: 200,
      headers: { "Content-Type": "application/json" },
    }));
  }
  if (method === "POST" && url.endsWith("/api/v1/requests")) {
    window.__created += 1;
  }
  return new Promise(() => {});
};
"#;

fn window() -> web_sys::Window {
    web_sys::window().unwrap()
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn created() -> f64 {
    js_sys::Reflect::get(&window(), &"__created".into())
        .unwrap()
        .as_f64()
        .unwrap()
}

/// Types `text` into the form's input `selector`, as a person would (an `input` event).
fn type_into(host: &web_sys::Element, selector: &str, text: &str) {
    let input = host.query_selector(selector).unwrap().expect(selector);
    js_sys::Reflect::set(&input, &"value".into(), &text.into()).unwrap();
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
}

/// Sends the form as a click on its button would, whether or not the button is disabled
/// yet (a double click lands before the page has re-rendered).
fn submit(host: &web_sys::Element) {
    let form = host.query_selector("form").unwrap().expect("the form");
    let request_submit: js_sys::Function = js_sys::Reflect::get(&form, &"requestSubmit".into())
        .unwrap()
        .unchecked_into();
    request_submit.call0(&form).unwrap();
}

#[wasm_bindgen_test]
async fn a_double_submit_while_the_first_is_under_way_sends_one_request() {
    let estimate = Estimate {
        billed_as: BilledAs::AlcIncluded,
        billing: Billing::Fixed,
        rate: None,
        rate_unit: None,
        amount: None,
        minutes: None,
        needs_approval: false,
        needs_confirmation: false,
    };
    let json = serde_json::to_string(&estimate).unwrap();
    js_sys::Reflect::set(&window(), &"__estimate".into(), &JsValue::from_str(&json)).unwrap();
    js_sys::Function::new_no_args(STUB)
        .call0(&JsValue::NULL)
        .unwrap();
    // No draft of an earlier run is offered (no one is signed in: user 0).
    crate::storage::remove(&draft_storage_key(0, RequestType::Hotline));

    let document = window().document().unwrap();
    let host = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&host).unwrap();
    let mounted = leptos::mount::mount_to(host.clone().unchecked_into(), || {
        provide_connection();
        provide_session();
        let shape = Shape {
            kind: RequestType::Hotline,
            licences: None,
            courses: Arc::new(Vec::new()),
            currency: Currency::Czk,
            today: "2026-12-01".to_owned(),
        };
        view! {
            <I18nContextProvider>
                <Router>
                    <RequestForm shape amount=None />
                </Router>
            </I18nContextProvider>
        }
    });
    sleep(50).await;

    type_into(&host, "#f-title", "Drawings open slowly");
    type_into(&host, "#f-description", "Since the update.");
    submit(&host);
    submit(&host);
    sleep(300).await;
    submit(&host);
    sleep(300).await;
    assert_eq!(
        created(),
        1.0,
        "one request created, however often it was sent"
    );

    drop(mounted);
    host.remove();
}
