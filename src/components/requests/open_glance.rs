//! The overview's glance at the open requests: the few that matter most now (for an SLA
//! customer the nearest reaction target first, else the newest), each with its status
//! and, under an SLA, its countdown; and the way to all of them.

use leptos::prelude::*;
use support_api::requests::{RequestPage, RequestSort};

use super::sla_countdown::{provide_clock, sla_countdown};
use super::status_badge::status_badge;
use super::type_name;
use crate::api::{self, client::use_client};
use crate::components::part::part;
use crate::i18n::*;
use crate::markup::Markup;
use crate::requests::query::ListQuery;
use crate::requests::time::shows_seconds;

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
    let path = query.to_api(None, GLANCE_SIZE);
    let open = LocalResource::new(move || {
        let path = path.clone();
        async move { api::requests::list(client, &path).await }
    });
    provide_clock(move |now| {
        open.with_untracked(|page| {
            matches!(page, Some(Ok(page)) if page.items.iter().any(|r| shows_seconds(
                r.reaction_due_at.as_deref(),
                r.first_reaction_at.as_deref(),
                now as i64,
            )))
        })
    });
    view! {
        <section class="card" aria-labelledby="open-requests-heading">
            <h2 id="open-requests-heading">{t!(i18n, overview.open_heading)}</h2>
            {part(open, move |page| glance(page, sla, i18n.get_locale()).into_view().into_any())}
            <p>
                <a href="/requests">{t!(i18n, overview.open_all)}</a>
            </p>
        </section>
    }
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
