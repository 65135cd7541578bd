//! The few direct DOM touches of the request forms, which are built as markup: read
//! what an event's element holds, and mark a field valid or invalid in place (so typing
//! is never disturbed by a re-render).

use leptos::prelude::document;
use wasm_bindgen::JsCast;

pub fn by_id(id: &str) -> Option<web_sys::Element> {
    document().get_element_by_id(id)
}

/// Sets an attribute, or removes it for `None`.
pub fn set_attr(id: &str, name: &str, value: Option<&str>) {
    if let Some(el) = by_id(id) {
        let _ = match value {
            Some(v) => el.set_attribute(name, v),
            None => el.remove_attribute(name),
        };
    }
}

pub fn set_text(id: &str, text: &str) {
    if let Some(el) = by_id(id)
        && el.text_content().as_deref() != Some(text)
    {
        el.set_text_content(Some(text));
    }
}

/// What the element an event happened on holds: its id, name, value and (checkboxes)
/// whether it is checked. `value` exists on inputs, selects and textareas alike.
pub struct Target {
    pub id: String,
    pub name: String,
    pub value: String,
    pub checked: bool,
    pub action: Option<String>,
}

pub fn target(ev: &web_sys::Event) -> Option<Target> {
    let el = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let input = el.unchecked_ref::<web_sys::HtmlInputElement>();
    let value = js_sys::Reflect::get(&el, &"value".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    // A click may land on a button's text: the action is the nearest one's.
    let action = el
        .closest("[data-action]")
        .ok()
        .flatten()
        .and_then(|a| a.get_attribute("data-action"));
    Some(Target {
        id: el.id(),
        name: el.get_attribute("name").unwrap_or_default(),
        checked: input.checked(),
        value,
        action,
    })
}

/// `aria-invalid` and `aria-describedby` of an input, and its error line (`error_id`):
/// the message, or hidden. `hint_id` stays described when there is one.
pub fn mark(id: &str, error_id: &str, hint_id: Option<&str>, message: Option<&str>) {
    set_attr(id, "aria-invalid", message.map(|_| "true"));
    let described: Vec<&str> = [hint_id, message.map(|_| error_id)]
        .into_iter()
        .flatten()
        .collect();
    let described = described.join(" ");
    set_attr(
        id,
        "aria-describedby",
        (!described.is_empty()).then_some(described.as_str()),
    );
    set_text(error_id, message.unwrap_or(""));
    set_attr(error_id, "hidden", message.is_none().then_some(""));
}
