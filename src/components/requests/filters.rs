//! The list's filters: labelled selects and a debounced search, all kept in the URL.

use leptos::leptos_dom::helpers::{TimeoutHandle, set_timeout_with_handle};
use leptos::prelude::*;
use std::time::Duration;
use support_api::plan::Priority;
use support_api::requests::{RequestSort, RequestStatus, RequestType};

use super::tr;
use super::{priority_name, status_name, type_name};
use crate::i18n::*;
use crate::requests::query::{ListQuery, parse_priority, priority_str};

/// How long typing must pause before the search runs.
const SEARCH_DEBOUNCE: Duration = Duration::from_millis(300);

type Options = fn(Locale, &ListQuery) -> Vec<(&'static str, &'static str)>;

/// One labelled select of the filters; one function for all of them keeps the wasm small.
fn filter_select(
    id: &'static str,
    label: fn(Locale) -> &'static str,
    options: Options,
    current: fn(&ListQuery) -> &'static str,
    set: fn(&mut ListQuery, &str),
    query: Memo<ListQuery>,
    apply: Callback<(ListQuery, bool)>,
) -> AnyView {
    let i18n = use_i18n();
    let on_change = move |ev: leptos::ev::Event| {
        let mut next = query.get_untracked();
        set(&mut next, &event_target_value(&ev));
        apply.run((next, false));
    };
    view! {
        <div class="filter">
            <label for=id>{super::tr(label)}</label>
            <select id=id on:change=on_change prop:value=move || query.with(current)>
                {move || {
                    let chosen = query.with(current);
                    query.with(|q| options(i18n.get_locale(), q))
                        .into_iter()
                        .map(|(value, text)| view! {
                            <option value=value selected=value == chosen>{text}</option>
                        })
                        .collect_view()
                }}
            </select>
        </div>
    }
    .into_any()
}

fn all(l: Locale) -> (&'static str, &'static str) {
    ("", td_string!(l, requests.list.all))
}

fn type_options(l: Locale, _: &ListQuery) -> Vec<(&'static str, &'static str)> {
    std::iter::once(all(l))
        .chain(
            RequestType::ALL
                .into_iter()
                .map(|t| (t.as_str(), type_name(l, t))),
        )
        .collect()
}

fn status_options(l: Locale, q: &ListQuery) -> Vec<(&'static str, &'static str)> {
    std::iter::once(all(l))
        .chain(
            RequestStatus::ALL
                .into_iter()
                .filter(|s| s.is_open() != q.closed)
                .map(|s| (s.as_str(), status_name(l, s))),
        )
        .collect()
}

fn priority_options(l: Locale, _: &ListQuery) -> Vec<(&'static str, &'static str)> {
    std::iter::once(all(l))
        .chain(
            Priority::ALL
                .into_iter()
                .map(|p| (priority_str(p), priority_name(l, p))),
        )
        .collect()
}

fn sort_options(l: Locale, _: &ListQuery) -> Vec<(&'static str, &'static str)> {
    RequestSort::ALL
        .into_iter()
        .map(|s| {
            let text = match s {
                RequestSort::CreatedDesc => td_string!(l, requests.list.sort_newest),
                RequestSort::CreatedAsc => td_string!(l, requests.list.sort_oldest),
                RequestSort::Priority => td_string!(l, requests.list.sort_priority),
                RequestSort::ReactionDue => td_string!(l, requests.list.sort_reaction),
            };
            (s.as_str(), text)
        })
        .collect()
}

/// Filters by type, status and priority, the sort order and a search in titles.
/// `apply(query, replace)` navigates to the query's URL (replacing the history entry
/// while typing a search).
#[component]
pub fn Filters(query: Memo<ListQuery>, apply: Callback<(ListQuery, bool)>) -> impl IntoView {
    // What is typed, ahead of the debounced URL.
    let typed = RwSignal::new(query.get_untracked().q);
    let pending = StoredValue::new(None::<TimeoutHandle>);
    // Back/forward or a reset changes the URL: show its search.
    Effect::new(move |_| {
        let q = query.with(|q| q.q.clone());
        if typed.get_untracked().trim() != q {
            typed.set(q);
        }
    });
    let on_input = move |ev: leptos::ev::Event| {
        typed.set(event_target_value(&ev));
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(
            move || {
                let mut next = query.get_untracked();
                next.q = typed.get_untracked().trim().to_owned();
                if next != query.get_untracked() {
                    apply.run((next, true));
                }
            },
            SEARCH_DEBOUNCE,
        );
        pending.set_value(handle.ok());
    };
    on_cleanup(move || {
        if let Some(handle) = pending.try_get_value().flatten() {
            handle.clear();
        }
    });
    view! {
        <form class="filters" role="search" on:submit=|ev| ev.prevent_default()>
            <div class="filter filter-search">
                <label for="filter-q">{tr(|l| td_string!(l, requests.list.search))}</label>
                <input id="filter-q" type="search" prop:value=move || typed.get() on:input=on_input />
            </div>
            {filter_select(
                "filter-type",
                |l| td_string!(l, requests.list.kind),
                type_options,
                |q| q.kind.map_or("", RequestType::as_str),
                |q, v| q.kind = RequestType::parse(v),
                query,
                apply,
            )}
            {filter_select(
                "filter-status",
                |l| td_string!(l, requests.list.status),
                status_options,
                |q| q.status.map_or("", RequestStatus::as_str),
                |q, v| q.status = RequestStatus::parse(v),
                query,
                apply,
            )}
            {filter_select(
                "filter-priority",
                |l| td_string!(l, requests.list.priority),
                priority_options,
                |q| q.priority.map_or("", priority_str),
                |q, v| q.priority = parse_priority(v),
                query,
                apply,
            )}
            {filter_select(
                "filter-sort",
                |l| td_string!(l, requests.list.sort),
                sort_options,
                |q| q.sort.as_str(),
                |q, v| q.sort = RequestSort::parse(v).unwrap_or_default(),
                query,
                apply,
            )}
        </form>
    }
}
