//! The list's filters: labelled selects and a search, showing the URL's query (so back
//! and forward show what they restore) and changing it; the search once typing pauses.

use std::time::Duration;

use leptos::leptos_dom::helpers::{TimeoutHandle, set_timeout_with_handle};
use leptos::prelude::*;
use support_api::plan::Priority;
use support_api::requests::{RequestSort, RequestStatus, RequestType};

use super::fields::Options;
use super::tr;

use crate::i18n::*;
use crate::labels::{priority_name, status_name, type_name};
use crate::requests::query::ListQuery;

/// How long typing must pause before the search runs.
const SEARCH_DEBOUNCE: Duration = Duration::from_millis(300);

/// A filter of the list: what it is called in the URL (and its select's id) and how a
/// chosen value changes the query.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Filter {
    Type,
    Status,
    Priority,
    Sort,
}

impl Filter {
    fn name(self) -> &'static str {
        match self {
            Filter::Type => "type",
            Filter::Status => "status",
            Filter::Priority => "priority",
            Filter::Sort => "sort",
        }
    }

    fn value(self, q: &ListQuery) -> &'static str {
        match self {
            Filter::Type => q.kind.map_or("", RequestType::as_str),
            Filter::Status => q.status.map_or("", RequestStatus::as_str),
            Filter::Priority => q.priority.map_or("", Priority::as_str),
            Filter::Sort => q.sort.as_str(),
        }
    }

    fn apply(self, mut q: ListQuery, value: &str) -> ListQuery {
        match self {
            Filter::Type => q.kind = RequestType::parse(value),
            Filter::Status => q.status = RequestStatus::parse(value),
            Filter::Priority => q.priority = Priority::parse(value),
            Filter::Sort => q.sort = RequestSort::parse(value).unwrap_or_default(),
        }
        q
    }

    fn label(self, l: Locale) -> &'static str {
        match self {
            Filter::Type => td_string!(l, requests.list.kind),
            Filter::Status => td_string!(l, requests.list.status),
            Filter::Priority => td_string!(l, requests.list.priority),
            Filter::Sort => td_string!(l, requests.list.sort),
        }
    }

    /// `(value, text)` of each choice for this query ("all" first, but for the sort).
    fn options(self, l: Locale, q: &ListQuery) -> Vec<(&'static str, &'static str)> {
        let all = ("", td_string!(l, requests.list.all));
        match self {
            Filter::Type => std::iter::once(all)
                .chain(RequestType::ALL.map(|t| (t.as_str(), type_name(l, t))))
                .collect(),
            Filter::Status => std::iter::once(all)
                .chain(
                    RequestStatus::ALL
                        .into_iter()
                        .filter(|s| s.is_open() != q.closed)
                        .map(|s| (s.as_str(), status_name(l, s))),
                )
                .collect(),
            Filter::Priority => std::iter::once(all)
                .chain(Priority::ALL.map(|p| (p.as_str(), priority_name(l, p))))
                .collect(),
            Filter::Sort => RequestSort::ALL
                .map(|s| {
                    let text = match s {
                        RequestSort::CreatedDesc => td_string!(l, requests.list.sort_newest),
                        RequestSort::CreatedAsc => td_string!(l, requests.list.sort_oldest),
                        RequestSort::Priority => td_string!(l, requests.list.sort_priority),
                        RequestSort::ReactionDue => td_string!(l, requests.list.sort_reaction),
                    };
                    (s.as_str(), text)
                })
                .to_vec(),
        }
    }
}

/// One labelled select, showing the query's value.
#[component]
fn FilterSelect(
    filter: Filter,
    query: Memo<ListQuery>,
    apply: Callback<(ListQuery, bool)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("filter-{}", filter.name());
    let value = move || query.with(|q| filter.value(q));
    // The choices follow the language and (statuses) the tab.
    let options = Signal::derive(move || {
        query.with(|q| {
            filter
                .options(i18n.get_locale(), q)
                .into_iter()
                .map(|(value, text)| (value.to_owned(), text.to_owned()))
                .collect()
        })
    });
    view! {
        <div class="filter">
            <label for=id.clone()>{move || filter.label(i18n.get_locale())}</label>
            <select
                id=id
                name=filter.name()
                prop:value=value
                on:change=move |ev| {
                    let q = filter.apply(query.get_untracked(), &event_target_value(&ev));
                    apply.run((q, false));
                }
            >
                <Options options chosen=Signal::derive(move || value().to_owned()) />
            </select>
        </div>
    }
}

/// The search and the selects. `apply(query, replace)` goes to the query's address
/// (replacing the history entry while a search is typed).
#[component]
pub fn RequestFilters(query: Memo<ListQuery>, apply: Callback<(ListQuery, bool)>) -> impl IntoView {
    // What is typed, shown until the URL says something else (back and forward); spaces
    // around it are the typist's own.
    let typed = RwSignal::new(query.with_untracked(|q| q.q.clone()));
    Effect::new(move |_| {
        let q = query.with(|q| q.q.clone());
        if typed.with_untracked(|t| t.trim() != q) {
            typed.set(q);
        }
    });
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        typed.set(text.clone());
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(
            move || {
                let mut q = query.get_untracked();
                q.q = text.trim().to_owned();
                apply.run((q, true));
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
                <input id="filter-q" name="q" type="search" prop:value=typed on:input=on_input />
            </div>
            <FilterSelect filter=Filter::Type query apply />
            <FilterSelect filter=Filter::Status query apply />
            <FilterSelect filter=Filter::Priority query apply />
            <FilterSelect filter=Filter::Sort query apply />
        </form>
    }
}
