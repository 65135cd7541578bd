//! A panic ends the wasm instance (`panic = "abort"`), and with it every event handler.
//! Rather than leave a page that silently stops answering, the panic hook logs the panic
//! and puts a notice with a reload button on top of the page. It creates elements and
//! text nodes only (no HTML is parsed) and reads the language from `<html lang>`, since
//! no reactive state can be trusted any more.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

use crate::i18n::*;

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_notice();
    }));
}

fn show_notice() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let locale = document
        .document_element()
        .and_then(|html| html.get_attribute("lang"))
        .and_then(|lang| lang.parse::<Locale>().ok())
        .unwrap_or_default();
    let (message, reload) = (
        td_string!(locale, crash.message),
        td_string!(locale, crash.reload),
    );
    let build = || -> Result<(), wasm_bindgen::JsValue> {
        let notice = document.create_element("div")?;
        notice.set_class_name("crash-notice");
        notice.set_attribute("role", "alert")?;
        let text = document.create_element("p")?;
        text.set_text_content(Some(message));
        let button = document.create_element("button")?;
        button.set_attribute("type", "button")?;
        button.set_class_name("button");
        button.set_text_content(Some(reload));
        let on_click = Closure::once_into_js(|| {
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
        });
        button.add_event_listener_with_callback("click", on_click.unchecked_ref())?;
        notice.append_child(&text)?;
        notice.append_child(&button)?;
        if let Some(body) = document.body() {
            body.append_child(&notice)?;
        }
        if let Some(button) = button.dyn_ref::<web_sys::HtmlElement>() {
            button.focus()?;
        }
        Ok(())
    };
    let _ = build();
}

/// In headless Chromium (`make wasm-test`): a real panic, inside an event handler as a
/// bug would be, must leave the notice on the page.
#[cfg(all(test, target_arch = "wasm32"))]
mod browser_tests {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::Closure;
    use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

    use crate::i18n::{Locale, td_string};

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn a_panic_leaves_a_notice_in_the_page_language_with_the_focus_on_reload() {
        let document = web_sys::window().unwrap().document().unwrap();
        let html = document.document_element().unwrap();
        html.set_attribute("lang", "cs").unwrap();
        assert!(document.query_selector(".crash-notice").unwrap().is_none());
        super::install();

        // The panic aborts the handler's call (`unreachable`); the browser reports that
        // as an error of the event and goes on, and so does this test.
        let buggy = document.create_element("button").unwrap();
        let handler = Closure::<dyn Fn()>::new(|| panic!("a bug in a click handler"));
        buggy
            .add_event_listener_with_callback("click", handler.as_ref().unchecked_ref())
            .unwrap();
        buggy
            .dispatch_event(&web_sys::Event::new("click").unwrap())
            .unwrap();

        let notice = document
            .query_selector(".crash-notice[role=alert]")
            .unwrap()
            .expect("a notice after the panic");
        let text = notice.query_selector("p").unwrap().unwrap();
        assert_eq!(
            text.text_content().as_deref(),
            Some(td_string!(Locale::cs, crash.message))
        );
        let focused = document.active_element().expect("something has the focus");
        assert_eq!(focused.tag_name(), "BUTTON");
        assert_eq!(
            focused.text_content().as_deref(),
            Some(td_string!(Locale::cs, crash.reload))
        );
        assert!(notice.contains(Some(&focused)));
        handler.forget();
    }
}
