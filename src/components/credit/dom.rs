//! The credit page's interactive parts without a `view!` tree each: the page is markup
//! (`crate::markup`, DOM nodes built from values), one element listens for the clicks,
//! submits and changes of everything in it (event delegation, by `data-action` and
//! form ids), and the handlers update the few elements that change by id.
//!
//! Why: every `view!` tree and every reactive attribute costs the wasm its own build,
//! rebuild and drop code. The credit page's forms, buttons and status lines written as
//! `view!` components cost about 40 KiB of compressed wasm (measured), more than a tenth
//! of the portal's whole size budget; this way they cost a fraction of it. Loads still go through `LocalResource` and `part` (Transition +
//! ErrorBoundary); what changes after a load is a handful of text and attributes.

use std::rc::Rc;

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Event};

use crate::i18n::*;
use crate::markup::Markup;

/// What the page does with an event that reached its root: the event's type
/// (`click`, `submit`, `change`), the element that matters (the `data-action`
/// element clicked, the form submitted, the field changed) and the event.
pub type Handler = Rc<dyn Fn(&str, Element, &Event)>;

/// The page: `markup` inside one element that hands its events to `handler`;
/// `on_mount` runs once the root exists (for the loads that fill it).
pub fn root(markup: Markup, handler: Handler, on_mount: impl FnOnce(Element) + 'static) -> AnyView {
    let host = NodeRef::<html::Div>::new();
    host.on_load(move |div| {
        // A rebuilt view reuses the element, with the previous page still in it.
        markup.replace_in(&div);
        on_mount(div.into());
    });
    let (click, submit, change) = (handler.clone(), handler.clone(), handler);
    view! {
        <div
            node_ref=host
            on:click=move |ev| dispatch(&click, "click", ev.into())
            on:submit=move |ev| dispatch(&submit, "submit", ev.into())
            on:change=move |ev| dispatch(&change, "change", ev)
        ></div>
    }
    .into_any()
}

fn dispatch(handler: &Handler, kind: &str, ev: Event) {
    let Some(target) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    let element = match kind {
        // The button (or link) with an action, wherever inside it the click landed.
        "click" => match target.closest("[data-action]") {
            Ok(Some(element)) => element,
            _ => return,
        },
        _ => target,
    };
    if kind == "submit" {
        ev.prevent_default();
    }
    handler(kind, element, &ev);
}

/// The element with `id` inside `root`.
pub fn find(root: &Element, id: &str) -> Option<Element> {
    root.query_selector(&format!("#{id}")).ok().flatten()
}

pub fn set_text(root: &Element, id: &str, text: &str) {
    if let Some(element) = find(root, id) {
        element.set_text_content(Some(text));
    }
}

/// Sets (`Some`) or removes (`None`) an attribute.
pub fn set_attr(root: &Element, id: &str, name: &str, value: Option<&str>) {
    if let Some(element) = find(root, id) {
        let _ = match value {
            Some(value) => element.set_attribute(name, value),
            None => element.remove_attribute(name),
        };
    }
}

pub fn set_hidden(root: &Element, id: &str, hidden: bool) {
    set_attr(root, id, "hidden", hidden.then_some(""));
}

pub fn set_disabled(root: &Element, id: &str, disabled: bool) {
    set_attr(root, id, "disabled", disabled.then_some(""));
    set_attr(root, id, "aria-busy", disabled.then_some("true"));
}

/// Replaces the element's children with `markup`.
pub fn replace(root: &Element, id: &str, markup: Markup) {
    if let Some(element) = find(root, id) {
        element.set_text_content(None);
        markup.append_to(&element);
    }
}

/// Appends `markup` to the element's children.
pub fn append(root: &Element, id: &str, markup: Markup) {
    if let Some(element) = find(root, id) {
        markup.append_to(&element);
    }
}

/// The `value` of a field (input or select), by id.
pub fn value(root: &Element, id: &str) -> String {
    find(root, id)
        .and_then(|element| js_sys::Reflect::get(&element, &"value".into()).ok())
        .and_then(|value| value.as_string())
        .unwrap_or_default()
}

pub fn set_value(root: &Element, id: &str, value: &str) {
    if let Some(element) = find(root, id) {
        let _ = js_sys::Reflect::set(&element, &"value".into(), &JsValue::from_str(value));
    }
}

pub fn focus(root: &Element, id: &str) {
    if let Some(element) = find(root, id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

/// A loading line, as the shared `Loading` component shows it.
pub fn loading(m: &mut Markup, locale: Locale) {
    m.open("div", &[("class", "loading"), ("role", "status")])
        .el("span", &[("class", "spinner"), ("aria-hidden", "true")], "")
        .el("span", &[], td_string!(locale, app.loading))
        .close("div");
}

/// A failure with a retry button (`data-action` names what it retries).
pub fn failure(m: &mut Markup, text: &str, retry: &'static str, locale: Locale) {
    m.open("div", &[("class", "error-view"), ("role", "alert")])
        .el("p", &[], text)
        .el(
            "button",
            &[
                ("type", "button"),
                ("class", "button"),
                ("data-action", retry),
            ],
            td_string!(locale, errors.retry),
        )
        .close("div");
}
