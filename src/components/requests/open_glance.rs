//! The overview's glance at the open requests: for an admin, how many wait for their
//! approval (the work does not start before it); the few that matter most now (for an
//! SLA customer the nearest reaction target first, else the newest), each with its
//! status and, under an SLA, its countdown; and the way to all of them.

use leptos::prelude::*;
use support_api::requests::{RequestPage, RequestSort, RequestStatus};
use support_api::session::Role;

use super::sla_countdown::{provide_clock, sla_countdown};
use super::status_badge::status_badge;

use crate::api::{self, client::use_client};
use crate::components::part::part;
use crate::format;
use crate::i18n::*;
use crate::labels::type_name;
use crate::markup::Markup;
use crate::requests::query::{ListQuery, PAGE_SIZE};
use crate::requests::time::request_shows_seconds;
use crate::session::use_session;
use crate::template::fill;

/// How many open requests the overview shows; the requests page has them all.
const GLANCE_SIZE: u32 = 5;

#[component]
pub fn OpenRequestsGlance(sla: bool) -> impl IntoView {
    let i18n = use_i18n();
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
            approvals_line(page, &href, i18n.get_locale())
                .into_view()
                .into_any()
        })
    });
    provide_clock(move |now| {
        open.with_untracked(|page| {
            matches!(page, Some(Ok(page))
                if page.items.iter().any(|r| request_shows_seconds(r, now as i64)))
        })
    });
    view! {
        <section class="card" aria-labelledby="open-requests-heading">
            <h2 id="open-requests-heading">{t!(i18n, overview.open_heading)}</h2>
            {approvals}
            {part(open, move |page| glance(page, sla, i18n.get_locale()).into_view().into_any())}
            <p>
                <a href="/requests">{t!(i18n, overview.open_all)}</a>
            </p>
        </section>
    }
}

/// "Awaiting your approval: 2", a link to those requests; nothing when none waits. A
/// full first page counts as "50+" rather than asking for every page.
fn approvals_line(page: &RequestPage, href: &str, l: Locale) -> Markup {
    let mut m = Markup::new();
    if page.items.is_empty() {
        return m;
    }
    let mut count = format::number(page.items.len() as f64, l);
    if page.next_cursor.is_some() {
        count.push('+');
    }
    let text = fill(
        td_string!(l, overview.awaiting_approval),
        &[("count", &count)],
    );
    m.open("p", &[("class", "note")])
        .el("a", &[("href", href)], &text)
        .close("p");
    m
}

fn glance(page: &RequestPage, sla: bool, l: Locale) -> Markup {
    let mut m = Markup::new();
    if page.items.is_empty() {
        m.el("p", &[], td_string!(l, overview.open_none));
        return m;
    }
    m.open("ul", &[("class", "open-requests")]);
    for r in &page.items {
        let href = format!("/requests/{}", r.id);
        m.open("li", &[])
            .el("a", &[("href", &href)], &r.title)
            .text(" ");
        status_badge(&mut m, l, r.status);
        m.el("span", &[("class", "muted")], type_name(l, r.request_type));
        if sla {
            sla_countdown(
                &mut m,
                l,
                r.reaction_due_at.as_deref(),
                r.first_reaction_at.as_deref(),
                true,
            );
        }
        m.close("li");
    }
    m.close("ul");
    m
}
