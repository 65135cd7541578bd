use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use support_api::credit::{LEDGER_PAGE_DEFAULT, LedgerEntry};
use support_api::money::Currency;

use super::{hours, kind_name, service_name, table};
use crate::api::{self, ApiError, client::use_client};
use crate::components::error_view::{ErrorView, error_text};
use crate::components::loading::Loading;
use crate::credit::fill;
use crate::credit::filter::LedgerFilter;
use crate::format;
use crate::i18n::*;
use crate::markup::Markup;

#[derive(Clone, Debug, PartialEq)]
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

fn rows_html(entries: &[LedgerEntry], locale: Locale) -> String {
    let mut m = Markup::new();
    entry_rows(&mut m, entries.iter(), locale);
    m.into_string()
}

/// The ledger, newest first, a page at a time: "Load more" fetches the next page with
/// the cursor and appends its rows; only the pages asked for are in the DOM, so the
/// scale customer's 10 000 entries stay smooth. A page that fails leaves the shown rows
/// in place and offers a retry.
///
/// Rows are markup appended to the `<tbody>` (no keyed list to diff: the ledger only
/// grows, or starts again when the filter changes).
#[component]
pub fn LedgerTable(
    filter: Memo<LedgerFilter>,
    currency: Currency,
    locale: Locale,
) -> impl IntoView {
    let client = use_client();
    let rows = StoredValue::new(Vec::<LedgerEntry>::new());
    let shown = RwSignal::new(0usize);
    let next = RwSignal::new(None::<String>);
    let status = RwSignal::new(Status::Loading);
    let generation = StoredValue::new(0u64);
    let body = NodeRef::<html::Tbody>::new();

    let fetch = move |cursor: Option<String>| {
        let shown_filter = filter.get_untracked();
        let asked = generation.get_value();
        status.set(Status::Loading);
        spawn_local(async move {
            let result = api::credit::ledger_page(
                client,
                &shown_filter,
                LEDGER_PAGE_DEFAULT,
                cursor.as_deref(),
                currency,
            )
            .await;
            // The filter changed (or the page was left) while this page was on its way.
            if generation.try_get_value() != Some(asked) {
                return;
            }
            let last_shown = rows.try_with_value(|r| r.last().cloned()).flatten();
            let result = result.and_then(|page| {
                api::credit::continues(last_shown.as_slice(), &page, &shown_filter).map(|()| page)
            });
            match result {
                Ok(page) => {
                    if let Some(body) = body.get_untracked() {
                        let _ =
                            body.insert_adjacent_html("beforeend", &rows_html(&page.items, locale));
                    }
                    rows.try_update_value(|r| r.extend(page.items));
                    shown.try_set(rows.try_with_value(Vec::len).unwrap_or(0));
                    next.try_set(page.next_cursor);
                    status.try_set(Status::Idle);
                }
                Err(error) => {
                    leptos::logging::warn!("{error}");
                    status.try_set(Status::Failed(error));
                }
            }
        });
    };

    Effect::new(move |_| {
        filter.track();
        generation.update_value(|g| *g += 1);
        rows.set_value(Vec::new());
        shown.set(0);
        next.set(None);
        if let Some(body) = body.get_untracked() {
            body.set_inner_html("");
        }
        fetch(None);
    });

    let retry = Callback::new(move |()| {
        fetch(if shown.get_untracked() == 0 {
            None
        } else {
            next.get_untracked()
        })
    });
    let empty = move || shown.get() == 0;
    let loading = move || status.get() == Status::Loading;
    let state = move || match status.get() {
        Status::Failed(error) if empty() => Some(view! { <ErrorView error retry /> }.into_any()),
        Status::Failed(error) => {
            let text = format!(
                "{} {}",
                td_string!(locale, credit.more_failed),
                error_text(locale, &error)
            );
            Some(
                view! {
                    <div class="ledger-more-failed" role="alert">
                        <p>{text}</p>
                        <button type="button" class="button" on:click=move |_| retry.run(())>
                            {td_string!(locale, errors.retry)}
                        </button>
                    </div>
                }
                .into_any(),
            )
        }
        Status::Loading if empty() => Some(view! { <Loading /> }.into_any()),
        Status::Idle if empty() => {
            Some(view! { <p>{td_string!(locale, credit.ledger_empty)}</p> }.into_any())
        }
        _ => None,
    };
    let mut head = Markup::new();
    ledger_head(&mut head, locale);

    view! {
        <div
            hidden=empty
            class="table-scroll"
            tabindex="0"
            role="region"
            aria-label=td_string!(locale, credit.ledger_caption)
        >
            <table class="data-table ledger" data-testid="ledger">
                <caption class="visually-hidden">{td_string!(locale, credit.ledger_caption)}</caption>
                <thead inner_html=head.into_string()></thead>
                <tbody node_ref=body></tbody>
            </table>
        </div>
        {state}
        <p class="ledger-count" role="status" data-testid="ledger-count">
            {move || (!empty()).then(|| fill(td_string!(locale, credit.ledger_shown), &[("count", &shown.get().to_string())]))}
        </p>
        <div class="ledger-more" hidden=move || next.with(Option::is_none) || matches!(status.get(), Status::Failed(_))>
            <button
                type="button"
                class="button button-secondary"
                disabled=loading
                aria-busy=move || loading().then_some("true")
                on:click=move |_| {
                    if !loading() {
                        fetch(next.get_untracked());
                    }
                }
            >
                {move || if loading() {
                    td_string!(locale, credit.loading_more)
                } else {
                    td_string!(locale, credit.load_more)
                }}
            </button>
        </div>
    }
}
