//! The ledger, newest first, a page at a time: "Load more" fetches the next page with
//! the cursor and appends its rows; only the pages asked for are in the DOM, so the
//! scale customer's 10 000 entries stay smooth. A page that fails leaves the shown rows
//! in place and offers a retry. (Markup and event delegation: see `super::dom`.)

use std::cell::RefCell;
use std::rc::Rc;

use leptos::task::spawn_local;
use support_api::credit::{LEDGER_PAGE_DEFAULT, LedgerEntry};
use support_api::money::Currency;
use web_sys::Element;

use super::dom;
use super::{hours, table};
use crate::api::{self, ApiError, Client};
use crate::components::error_view::error_text;
use crate::credit::filter::LedgerFilter;
use crate::format;
use crate::i18n::*;
use crate::labels::{kind_name, service_name};
use crate::markup::Markup;
use crate::template::fill;

enum Status {
    Loading,
    Idle,
    Failed(ApiError),
}

/// The ledger's head row, for the ledger and the statement.
pub fn ledger_head(m: &mut Markup, locale: Locale) {
    table::head_row(
        m,
        &[
            (td_string!(locale, credit.col_date), false),
            (td_string!(locale, credit.col_kind), false),
            (td_string!(locale, credit.col_service), false),
            (td_string!(locale, credit.col_details), false),
            (td_string!(locale, credit.col_hours), true),
            (td_string!(locale, credit.col_amount), true),
            (td_string!(locale, credit.col_balance_after), true),
        ],
    );
}

/// One `<tr>` per entry; a debit links to its request.
pub fn entry_rows<'a>(
    m: &mut Markup,
    entries: impl Iterator<Item = &'a LedgerEntry>,
    locale: Locale,
) {
    for entry in entries {
        let class = format!("ledger-{}", entry.kind.as_str());
        m.open("tr", &[("class", &class)]);
        table::cell(m, &format::instant_day(&entry.at, locale));
        table::cell(m, kind_name(locale, entry.kind));
        table::cell(
            m,
            entry
                .service
                .map(|s| service_name(locale, s))
                .unwrap_or_default(),
        );
        m.open("td", &[]);
        if let Some(id) = entry.request_id {
            let href = format!("/requests/{id}");
            let text = format!(
                "#{id} {}",
                entry.request_title.as_deref().unwrap_or_default()
            );
            m.el("a", &[("href", &href)], &text);
        }
        if let Some(note) = &entry.note {
            m.el("span", &[("class", "ledger-note")], note);
        }
        m.close("td");
        table::num(
            m,
            &entry.minutes.map(|x| hours(x, locale)).unwrap_or_default(),
        );
        table::num(m, &format::money(entry.amount, locale));
        table::num(m, &format::money(entry.balance_after, locale));
        m.close("tr");
    }
}

/// The ledger's table (empty), its status line and "Load more".
pub fn ledger_markup(m: &mut Markup, locale: Locale) {
    let caption = td_string!(locale, credit.ledger_caption);
    m.open(
        "div",
        &[
            ("id", "ledger-table"),
            ("class", "table-wrap"),
            ("tabindex", "0"),
            ("role", "region"),
            ("aria-label", caption),
            ("hidden", ""),
        ],
    );
    table::open(m, "data-table ledger", "ledger", caption, false);
    m.open("thead", &[]);
    ledger_head(m, locale);
    m.close("thead")
        .el("tbody", &[("id", "ledger-rows")], "")
        .close("table")
        .close("div");
    m.open("div", &[("id", "ledger-state")]);
    dom::loading(m, locale);
    m.close("div")
        .el(
            "p",
            &[
                ("id", "ledger-count"),
                ("class", "ledger-count"),
                ("role", "status"),
                ("data-testid", "ledger-count"),
            ],
            "",
        )
        .open("div", &[("class", "ledger-more")])
        .el(
            "button",
            &[
                ("id", "ledger-more"),
                ("type", "button"),
                ("class", "button button-secondary"),
                ("data-action", "ledger-more"),
                ("hidden", ""),
            ],
            td_string!(locale, credit.load_more),
        )
        .close("div");
}

/// What the ledger shows and what it is waiting for.
pub struct Ledger {
    root: Element,
    client: Client,
    currency: Currency,
    locale: Locale,
    pub filter: LedgerFilter,
    rows: Vec<LedgerEntry>,
    next: Option<String>,
    loading: bool,
    /// Bumped by each new filter: an answer for an older one is dropped.
    generation: u64,
}

pub type SharedLedger = Rc<RefCell<Ledger>>;

/// Starts the ledger in `root` with `filter`: its first page loads.
pub fn start(
    root: Element,
    client: Client,
    currency: Currency,
    locale: Locale,
    filter: LedgerFilter,
) -> SharedLedger {
    let ledger = Rc::new(RefCell::new(Ledger {
        root,
        client,
        currency,
        locale,
        filter,
        rows: Vec::new(),
        next: None,
        loading: false,
        generation: 0,
    }));
    fetch(&ledger, None);
    ledger
}

/// A new filter: the shown rows go, its first page loads.
pub fn refilter(ledger: &SharedLedger, filter: LedgerFilter) {
    {
        let mut l = ledger.borrow_mut();
        l.filter = filter;
        l.generation += 1;
        l.rows.clear();
        l.next = None;
        dom::replace(&l.root, "ledger-rows", Markup::new());
    }
    fetch(ledger, None);
}

/// "Load more", or the retry after a failure: the next page (the first, if none came).
pub fn more(ledger: &SharedLedger) {
    let (busy, cursor, empty) = {
        let l = ledger.borrow();
        (l.loading, l.next.clone(), l.rows.is_empty())
    };
    if busy || (cursor.is_none() && !empty) {
        return;
    }
    fetch(ledger, cursor);
}

fn fetch(ledger: &SharedLedger, cursor: Option<String>) {
    let (client, filter, currency, asked) = {
        let mut l = ledger.borrow_mut();
        l.loading = true;
        (l.client, l.filter.clone(), l.currency, l.generation)
    };
    show(ledger, Status::Loading);
    let ledger = ledger.clone();
    spawn_local(async move {
        let result = api::credit::ledger_page(
            client,
            &filter,
            LEDGER_PAGE_DEFAULT,
            cursor.as_deref(),
            currency,
        )
        .await;
        let status = {
            let mut l = ledger.borrow_mut();
            // The filter changed while this page was on its way.
            if l.generation != asked {
                return;
            }
            l.loading = false;
            let result = result.and_then(|page| {
                api::credit::continues(&l.rows[l.rows.len().saturating_sub(1)..], &page, &filter)
                    .map(|()| page)
            });
            match result {
                Ok(page) => {
                    let mut m = Markup::new();
                    entry_rows(&mut m, page.items.iter(), l.locale);
                    dom::append(&l.root, "ledger-rows", m);
                    l.rows.extend(page.items);
                    l.next = page.next_cursor;
                    Status::Idle
                }
                Err(error) => {
                    leptos::logging::warn!("{error}");
                    Status::Failed(error)
                }
            }
        };
        show(&ledger, status);
    });
}

/// Brings the status line, the message area and "Load more" up to date.
fn show(ledger: &SharedLedger, status: Status) {
    let l = ledger.borrow();
    let (root, locale) = (&l.root, l.locale);
    let empty = l.rows.is_empty();
    let mut message = Markup::new();
    match (&status, empty) {
        (Status::Loading, true) => dom::loading(&mut message, locale),
        (Status::Idle, true) => {
            message.el("p", &[], td_string!(locale, credit.ledger_empty));
        }
        (Status::Failed(error), true) => dom::failure(
            &mut message,
            error_text(locale, error),
            "ledger-more",
            locale,
        ),
        (Status::Failed(error), false) => {
            let text = format!(
                "{} {}",
                td_string!(locale, credit.more_failed),
                error_text(locale, error)
            );
            dom::failure(&mut message, &text, "ledger-more", locale);
        }
        _ => {}
    }
    dom::replace(root, "ledger-state", message);
    dom::set_hidden(root, "ledger-table", empty);
    let count = if empty {
        String::new()
    } else {
        fill(
            td_string!(locale, credit.ledger_shown),
            &[("count", &l.rows.len().to_string())],
        )
    };
    dom::set_text(root, "ledger-count", &count);
    let loading = matches!(status, Status::Loading);
    let more_hidden = empty || l.next.is_none() || matches!(status, Status::Failed(_));
    dom::set_hidden(root, "ledger-more", more_hidden);
    dom::set_disabled(root, "ledger-more", loading);
    let label = if loading {
        td_string!(locale, credit.loading_more)
    } else {
        td_string!(locale, credit.load_more)
    };
    dom::set_text(root, "ledger-more", label);
}
