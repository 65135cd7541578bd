//! The ledger in headless Chromium (`make wasm-test`), mounted on its own with a page
//! loader that answers when the test says so.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::{Arc, Mutex};

use leptos::prelude::*;
use support_api::credit::{LedgerKind, LedgerPage};
use support_api::money::Currency;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement};

use super::ledger_table::LedgerTable;
use super::page_loader::PageLoader;
use crate::credit::check::tests::entry;
use crate::credit::filter::LedgerFilter;
use crate::i18n::*;
use crate::labels::kind_name;

wasm_bindgen_test_configure!(run_in_browser);

/// The ledger's 30 entries in pages of 10, newest first: after the cursor `c20` come
/// entries 20 to 11, after `c10` entries 10 to 1; each balance follows the one before.
fn page(cursor: Option<&str>) -> LedgerPage {
    let (newest, next) = match cursor {
        None => (30, Some("c20")),
        Some("c20") => (20, Some("c10")),
        _ => (10, None),
    };
    let items = (newest - 9..=newest)
        .rev()
        .map(|id| {
            let at = format!("2026-01-01T00:{id:02}:00Z");
            entry(id, &at, LedgerKind::TopUp, 100, id * 100)
        })
        .collect();
    LedgerPage {
        items,
        next_cursor: next.map(str::to_owned),
    }
}

/// A page asked for and not yet answered: `answer` lets it through.
struct Asked {
    cursor: Option<String>,
    answer: js_sys::Function,
}

/// A loader whose pages wait for the test, and what it was asked.
fn held_loader() -> (PageLoader, Rc<RefCell<Vec<Asked>>>) {
    let asked: Rc<RefCell<Vec<Asked>>> = Rc::default();
    let log = asked.clone();
    let loader = PageLoader::new(move |_filter, cursor| {
        let mut answer = None;
        let gate = js_sys::Promise::new(&mut |resolve, _| answer = Some(resolve));
        log.borrow_mut().push(Asked {
            cursor: cursor.map(str::to_owned),
            answer: answer.expect("the promise's executor runs at once"),
        });
        let cursor = cursor.map(str::to_owned);
        Box::pin(async move {
            let _ = JsFuture::from(gate).await;
            Ok(page(cursor.as_deref()))
        })
    });
    (loader, asked)
}

/// Lets the page that was asked for `cursor` through.
fn answer(asked: &Rc<RefCell<Vec<Asked>>>, cursor: Option<&str>) {
    let asked = asked.borrow();
    let call = asked
        .iter()
        .find(|a| a.cursor.as_deref() == cursor)
        .expect("that page was asked for");
    call.answer.call0(&JsValue::NULL).unwrap();
}

fn times_asked(asked: &Rc<RefCell<Vec<Asked>>>, cursor: Option<&str>) -> usize {
    asked
        .borrow()
        .iter()
        .filter(|a| a.cursor.as_deref() == cursor)
        .count()
}

/// Waits until the answers, effects and redraws queued so far have run.
async fn settle() {
    for _ in 0..3 {
        let wait = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10)
                .unwrap();
        });
        JsFuture::from(wait).await.unwrap();
    }
}

fn all(host: &Element, selector: &str) -> Vec<Element> {
    let list = host.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into::<Element>().ok())
        .collect()
}

fn load_more(host: &Element) -> HtmlElement {
    host.query_selector(".ledger-more button")
        .unwrap()
        .expect("a Load more button")
        .unchecked_into()
}

/// The shown rows' balance cells: unique per entry.
fn balances(host: &Element) -> Vec<String> {
    all(host, "tbody tr td:last-child")
        .iter()
        .map(|td| td.text_content().unwrap_or_default())
        .collect()
}

/// The mounted ledger's language context.
type Language = Arc<Mutex<Option<leptos_i18n::I18nContext<Locale>>>>;

/// Mounts the ledger (unfiltered, PLN) with `loader` in a fresh element, inside the
/// language context; hands out that context for switching the language.
fn mount(loader: PageLoader) -> (Element, Language, Box<dyn Any>) {
    let document = web_sys::window().unwrap().document().unwrap();
    let host: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&host).unwrap();
    let context = Language::default();
    let out = context.clone();
    let handle = leptos::mount::mount_to(host.clone(), move || {
        // The provider's children must be `Send`; the loader is not.
        let loader = StoredValue::new_local(loader);
        view! {
            <I18nContextProvider>
                {
                    *out.lock().unwrap() = Some(use_i18n());
                    let filter = Signal::stored(LedgerFilter::default());
                    view! { <LedgerTable filter currency=Currency::Pln loader=loader.get_value() /> }
                }
            </I18nContextProvider>
        }
    });
    (host.into(), context, Box::new(handle))
}

#[wasm_bindgen_test]
async fn load_more_appends_the_next_page_once_however_often_it_is_clicked() {
    let (loader, asked) = held_loader();
    let (host, _, handle) = mount(loader);
    settle().await;
    answer(&asked, None);
    settle().await;
    assert_eq!(balances(&host).len(), 10);

    // A double click: both clicks land before anything is redrawn.
    let more = load_more(&host);
    more.click();
    more.click();
    settle().await;
    assert_eq!(
        times_asked(&asked, Some("c20")),
        1,
        "the next page is asked once"
    );
    answer(&asked, Some("c20"));
    settle().await;

    let shown = balances(&host);
    assert_eq!(shown.len(), 20);
    let mut unique = shown.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 20, "no row twice: {shown:?}");
    assert!(all(&host, "[role=alert]").is_empty(), "no error");
    assert_eq!(times_asked(&asked, Some("c10")), 0);
    drop(handle);
}

#[wasm_bindgen_test]
async fn a_language_switch_while_load_more_is_on_its_way_leaves_one_table_without_stray_rows() {
    let (loader, asked) = held_loader();
    let (host, i18n, handle) = mount(loader);
    settle().await;
    answer(&asked, None);
    settle().await;
    assert_eq!(balances(&host).len(), 10);

    load_more(&host).click();
    settle().await;
    let i18n = i18n.lock().unwrap().expect("the language context");
    i18n.set_locale(Locale::cs);
    settle().await;
    answer(&asked, Some("c20"));
    settle().await;

    assert_eq!(all(&host, "table").len(), 1, "one table");
    let shown = balances(&host);
    assert_eq!(
        shown.len(),
        20,
        "the first two pages, nothing else: {shown:?}"
    );
    let mut unique = shown.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 20, "no row twice: {shown:?}");
    // Every row, old and new, in the new language.
    let kinds: Vec<String> = all(&host, "tbody tr td:nth-child(2)")
        .iter()
        .map(|td| td.text_content().unwrap_or_default())
        .collect();
    assert!(
        kinds
            .iter()
            .all(|k| k == kind_name(Locale::cs, LedgerKind::TopUp)),
        "{kinds:?}"
    );
    assert_eq!(
        times_asked(&asked, None),
        1,
        "the shown pages are not loaded again"
    );
    drop(handle);
}
