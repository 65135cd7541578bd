//! The overview's glance at the open requests: for an admin, how many wait for their
//! approval (the work does not start before it); the few that matter most now (for an
//! SLA customer the nearest reaction target first, else the newest), each with its
//! status and, under an SLA, its countdown; and the way to all of them.

use leptos::prelude::*;
use support_api::requests::{RequestPage, RequestSort, RequestStatus, RequestSummary};
use support_api::session::Role;

use super::sla_countdown::SlaCountdown;
use super::status_badge::StatusBadge;
use super::tr;

use crate::api::{self, client::use_client};
use crate::components::part::part;
use crate::format;
use crate::i18n::*;
use crate::labels::type_name;
use crate::requests::query::{ListQuery, PAGE_SIZE};
use crate::session::use_session;
use support_api::template::fill;

/// How many open requests the overview shows; the requests page has them all.
const GLANCE_SIZE: u32 = 5;

#[component]
pub fn OpenRequestsGlance(sla: bool) -> impl IntoView {
    let client = use_client();
    let query = ListQuery {
        sort: if sla {
            RequestSort::ReactionDue
        } else {
            RequestSort::CreatedDesc
        },
        ..ListQuery::default()
    };
    let list = move |path: String| {
        LocalResource::new(move || {
            let path = path.clone();
            async move { api::requests::list(client, &path).await }
        })
    };
    let open = list(query.to_api(None, GLANCE_SIZE));
    let admin = use_session()
        .with(|s| s.user.role == Role::Admin)
        .unwrap_or(false);
    let awaiting = ListQuery {
        status: Some(RequestStatus::AwaitingApproval),
        ..ListQuery::default()
    };
    let approvals = admin.then(|| {
        let waiting = list(awaiting.to_api(None, PAGE_SIZE));
        let href = awaiting.to_url();
        part(waiting, move |page| {
            let href = href.clone();
            let (count, more) = (page.items.len(), page.next_cursor.is_some());
            view! { <ApprovalsLine count more href /> }.into_any()
        })
    });
    view! {
        <section class="card" aria-labelledby="open-requests-heading">
            <h2 id="open-requests-heading">{tr(|l| td_string!(l, overview.open_heading))}</h2>
            {approvals}
            {part(open, move |page| view! { <Glance page=page.clone() sla /> }.into_any())}
            <p>
                <a href="/requests">{tr(|l| td_string!(l, overview.open_all))}</a>
            </p>
        </section>
    }
}

/// "Awaiting your approval: 2", a link to those requests; nothing when none waits. A
/// full first page (`more`) counts as "50+" rather than asking for every page.
#[component]
fn ApprovalsLine(count: usize, more: bool, href: String) -> impl IntoView {
    let i18n = use_i18n();
    let text = move || {
        let l = i18n.get_locale();
        let mut count = format::number(count as f64, l);
        if more {
            count.push('+');
        }
        fill(
            td_string!(l, overview.awaiting_approval),
            &[("count", &count)],
        )
    };
    (count > 0).then(|| view! { <p class="note"><a href=href>{text}</a></p> })
}

#[component]
fn Glance(page: RequestPage, sla: bool) -> impl IntoView {
    let i18n = use_i18n();
    if page.items.is_empty() {
        return view! { <p>{tr(|l| td_string!(l, overview.open_none))}</p> }.into_any();
    }
    let item = move |r: RequestSummary, l: Locale| {
        let kind = r.request_type;
        let countdown = sla
            .then_some(r.reaction_due_at)
            .flatten()
            .map(|due| view! { <SlaCountdown due first=r.first_reaction_at open=true /> });
        view! {
            <li>
                <a href=format!("/requests/{}", r.id)>{r.title}</a>" "
                <StatusBadge status=r.status />
                <span class="muted">{type_name(l, kind)}</span>
                {countdown}
            </li>
        }
    };
    view! {
        <ul class="open-requests">
            // Built again for another language.
            {move || {
                let l = i18n.get_locale();
                page.items.iter().map(|r| item(r.clone(), l)).collect_view()
            }}
        </ul>
    }
    .into_any()
}
