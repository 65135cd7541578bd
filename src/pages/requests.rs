//! `/requests`: the company's (admins) or one's own (members) requests, open or closed,
//! filtered on the server and paged with "Load more", never thousands of rows at once.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::NavigateOptions;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};
use support_api::requests::{RequestPage, RequestSummary};
use support_api::session::Role;

use crate::api::{self, ApiError, client::use_client};
use crate::components::error_view::error_text;
use crate::components::part::part;
use crate::components::requests::filters::RequestFilters;
use crate::components::requests::requests_table::RequestsTable;
use crate::components::requests::tr;
use crate::i18n::*;
use crate::pages::page_title;
use crate::requests::query::{ListQuery, PAGE_SIZE};
use crate::session::use_session;

#[component]
pub fn RequestsPage() -> impl IntoView {
    let i18n = use_i18n();
    let client = use_client();
    let session = use_session();
    // The router's navigate function is not `Send`; the callback reaches it here.
    let navigate = StoredValue::new_local(use_navigate());
    let params = use_query_map();
    let query = Memo::new(move |_| params.with(|p| ListQuery::from_params(|k| p.get(k))));
    let is_admin = move || {
        session
            .with(|s| s.user.role == Role::Admin)
            .unwrap_or(false)
    };

    let first = LocalResource::new(move || {
        let path = query.get().to_api(None, PAGE_SIZE);
        async move { api::requests::list(client, &path).await }
    });
    // Pages after the first, for the query they were loaded for (none yet: the first
    // page's own cursor applies, whatever the query, the unfiltered list included).
    let more = RwSignal::new((
        None::<ListQuery>,
        Vec::<RequestSummary>::new(),
        None::<String>,
    ));
    let load_more = Action::new_local(move |(q, cursor): &(ListQuery, String)| {
        let (q, path) = (q.clone(), q.to_api(Some(cursor), PAGE_SIZE));
        async move {
            let page: RequestPage = api::requests::list(client, &path).await?;
            more.update(|(for_q, rows, next)| {
                if for_q.as_ref() != Some(&q) {
                    *for_q = Some(q);
                    rows.clear();
                }
                rows.extend(page.items);
                *next = page.next_cursor;
            });
            Ok::<_, ApiError>(())
        }
    });
    let more_failed = move || match load_more.value().get() {
        Some(Err(error)) => Some(error_text(i18n.get_locale(), &error)),
        _ => None,
    };

    let apply = Callback::new(move |(q, replace): (ListQuery, bool)| {
        if q != query.get_untracked() {
            let options = NavigateOptions {
                replace,
                scroll: false,
                ..Default::default()
            };
            navigate.with_value(|navigate| navigate(&q.to_url(), options));
        }
    });
    let tab = move |closed: bool| {
        let href = move || {
            ListQuery {
                closed,
                status: None,
                ..query.get()
            }
            .to_url()
        };
        let current = move || (query.with(|q| q.closed) == closed).then_some("page");
        let label = move || {
            let l = i18n.get_locale();
            if closed {
                td_string!(l, requests.list.closed)
            } else {
                td_string!(l, requests.list.open)
            }
        };
        view! { <a href=href aria-current=current>{label}</a> }
    };
    let title = move || {
        let l = i18n.get_locale();
        page_title(l, td_string!(l, requests.list.title))
    };

    let table = move |page: &RequestPage| {
        if page.items.is_empty() {
            let text = move || {
                let l = i18n.get_locale();
                if query.with(ListQuery::is_filtered) {
                    td_string!(l, requests.list.none_match)
                } else {
                    td_string!(l, requests.list.none)
                }
            };
            return view! { <p class="empty">{text}</p> }.into_any();
        }
        let q = query.get_untracked();
        let show_by = is_admin();
        let show_sla = page.items.iter().any(|r| r.reaction_due_at.is_some());
        let (base, next_cursor) = (page.items.clone(), page.next_cursor.clone());
        // The first page and those loaded after it for the same query.
        let rows = Signal::derive(move || {
            more.with(|(for_q, rows, _)| {
                let mut all = base.clone();
                if for_q.as_ref() == Some(&q) {
                    all.extend(rows.iter().cloned());
                }
                all
            })
        });
        let cursor = move || {
            more.with(|(for_q, _, next)| {
                if query.with_untracked(|q| for_q.as_ref() == Some(q)) {
                    next.clone()
                } else {
                    next_cursor.clone()
                }
            })
        };
        let busy = load_more.pending();
        view! {
            <div class="requests-scroll">
                <RequestsTable rows show_by show_sla />
            </div>
            {move || cursor().map(|c| view! {
                <p class="load-more">
                    <button
                        type="button"
                        class="button button-secondary"
                        disabled=move || busy.get()
                        on:click=move |_| {
                            if !busy.get_untracked() {
                                load_more.dispatch((query.get_untracked(), c.clone()));
                            }
                        }
                    >
                        {tr(|l| td_string!(l, requests.list.load_more))}
                    </button>
                </p>
            })}
            {move || more_failed().map(|text| view! { <p class="form-alert" role="alert">{text}</p> })}
        }
        .into_any()
    };

    view! {
        <Title text=title />
        <div class="page-head">
            <h1>{tr(|l| td_string!(l, requests.list.title))}</h1>
            <A href="/requests/new" attr:class="button">{tr(|l| td_string!(l, requests.list.new_request))}</A>
        </div>
        <nav class="tabs" aria-label=tr(|l| td_string!(l, requests.list.tabs))>
            {tab(false)}
            {tab(true)}
        </nav>
        <RequestFilters query apply />
        {part(first, table)}
    }
}
