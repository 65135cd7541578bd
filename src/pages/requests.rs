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
use crate::components::error_view::{ErrorView, error_text, first_api_error};
use crate::components::loading::Loading;
use crate::components::requests::filters::Filters;
use crate::components::requests::request_row::RequestRow;
use crate::components::requests::sla_countdown::provide_clock;
use crate::i18n::*;
use crate::pages::page_title;
use crate::requests::query::ListQuery;
use crate::requests::time::shows_seconds;
use crate::session::use_session;

#[component]
pub fn RequestsPage() -> impl IntoView {
    let i18n = use_i18n();
    let client = use_client();
    let session = use_session();
    let navigate = use_navigate();
    let params = use_query_map();
    let query = Memo::new(move |_| params.with(|p| ListQuery::from_params(|k| p.get(k))));
    let is_admin = move || {
        session
            .with(|s| s.user.role == Role::Admin)
            .unwrap_or(false)
    };

    let first = LocalResource::new(move || {
        let path = query.get().to_api(None);
        async move { api::requests::list(client, &path).await }
    });
    // Pages after the first, for the query they were loaded for.
    let more = RwSignal::new((
        ListQuery::default(),
        Vec::<RequestSummary>::new(),
        None::<String>,
    ));
    let load_more = Action::new_local(move |(q, cursor): &(ListQuery, String)| {
        let (q, path) = (q.clone(), q.to_api(Some(cursor)));
        async move {
            let page: RequestPage = api::requests::list(client, &path).await?;
            more.update(|(for_q, rows, next)| {
                if *for_q != q {
                    *for_q = q;
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

    let _clock = provide_clock(move |now| {
        let near = |r: &RequestSummary| {
            r.status.is_open()
                && shows_seconds(
                    r.reaction_due_at.as_deref(),
                    r.first_reaction_at.as_deref(),
                    now as i64,
                )
        };
        let first_near =
            first.with_untracked(|p| matches!(p, Some(Ok(p)) if p.items.iter().any(near)));
        first_near || more.with_untracked(|(_, rows, _)| rows.iter().any(near))
    });

    let apply = Callback::new(move |(q, replace): (ListQuery, bool)| {
        navigate(
            &q.to_url(),
            NavigateOptions {
                replace,
                scroll: false,
                ..Default::default()
            },
        );
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

    let table = move || {
        Suspend::new(async move {
            let page = first.await?;
            let q = query.get_untracked();
            let base = page.items;
            let rows = move || {
                more.with(|(for_q, rows, _)| {
                    let extra = if *for_q == q { rows.as_slice() } else { &[] };
                    base.iter().chain(extra).cloned().collect::<Vec<_>>()
                })
            };
            let count = rows().len();
            if count == 0 {
                let text = move || {
                    let l = i18n.get_locale();
                    if query.with(ListQuery::is_filtered) {
                        td_string!(l, requests.list.none_match)
                    } else {
                        td_string!(l, requests.list.none)
                    }
                };
                return Ok::<_, ApiError>(view! { <p class="empty">{text}</p> }.into_any());
            }
            let show_by = is_admin();
            let show_sla = page_has_sla(&rows());
            let next_cursor = page.next_cursor;
            let cursor = move || {
                more.with(|(for_q, _, next)| {
                    if query.with_untracked(|q| q == for_q) {
                        next.clone()
                    } else {
                        next_cursor.clone()
                    }
                })
            };
            let col = |text: fn(Locale) -> &'static str| {
                view! { <th scope="col">{move || text(i18n.get_locale())}</th> }
            };
            Ok(view! {
                <div class="table-wrap">
                    <table class="requests-table">
                        <caption class="visually-hidden">{t!(i18n, requests.list.caption)}</caption>
                        <thead>
                            <tr>
                                {col(|l| td_string!(l, requests.list.col_title))}
                                {col(|l| td_string!(l, requests.list.status))}
                                {col(|l| td_string!(l, requests.list.kind))}
                                {col(|l| td_string!(l, requests.list.priority))}
                                {col(|l| td_string!(l, requests.list.col_created))}
                                {show_by.then(|| col(|l| td_string!(l, requests.list.col_by)))}
                                {col(|l| td_string!(l, requests.list.col_cost))}
                                {show_sla.then(|| col(|l| td_string!(l, requests.list.col_sla)))}
                            </tr>
                        </thead>
                        <tbody>
                            <For each=rows key=|r| r.id let(request)>
                                <RequestRow request show_by show_sla />
                            </For>
                        </tbody>
                    </table>
                </div>
                {move || cursor().map(|c| {
                    let busy = load_more.pending();
                    view! {
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
                                {t!(i18n, requests.list.load_more)}
                            </button>
                        </p>
                    }
                })}
                {move || more_failed().map(|text| view! { <p class="form-alert" role="alert">{text}</p> })}
            }
            .into_any())
        })
    };

    view! {
        <Title text=title />
        <div class="page-head">
            <h1>{t!(i18n, requests.list.title)}</h1>
            <A href="/requests/new" attr:class="button">{t!(i18n, requests.list.new_request)}</A>
        </div>
        <nav class="tabs" aria-label=move || td_string!(i18n.get_locale(), requests.list.tabs)>
            {tab(false)}
            {tab(true)}
        </nav>
        <Filters query apply />
        <Transition fallback=Loading>
            <ErrorBoundary fallback=move |errors| {
                let error = first_api_error(&errors.read());
                let retry = Callback::new(move |()| first.refetch());
                view! { <ErrorView error retry /> }
            }>{table}</ErrorBoundary>
        </Transition>
    }
}

fn page_has_sla(rows: &[RequestSummary]) -> bool {
    rows.iter().any(|r| r.reaction_due_at.is_some())
}
