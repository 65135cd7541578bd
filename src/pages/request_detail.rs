//! `/requests/:id`: everything about a request, its timeline, comments, cancelling, and
//! for admins the decision on a credit spend that waits for approval.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use support_api::files::ScanStatus;

use crate::api::{self, ApiError, client::use_client};
use crate::components::mute_toggle::MuteToggle;
use crate::components::part::part;
use crate::components::requests::closing::{QuoteCard, RatingCard, ResolutionCard};
use crate::components::requests::closing_state::Closing;
use crate::components::requests::request_actions::{
    Actions, CancelCard, CommentCard, DecisionCard,
};
use crate::components::requests::request_facts::RequestFacts;
use crate::components::requests::sla_countdown::SlaCountdown;
use crate::components::requests::status_badge::StatusBadge;
use crate::components::requests::timeline::Timeline;
use crate::components::requests::tr;
use crate::i18n::*;
use crate::pages::page_title;
use crate::requests::detail::Detail;

/// How soon a page with files waiting for the virus check looks again.
const PENDING_RECHECK: std::time::Duration = std::time::Duration::from_secs(3);

#[component]
pub fn RequestDetailPage() -> impl IntoView {
    let i18n = use_i18n();
    let client = use_client();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|id| id.parse::<i64>().ok())));
    let detail = LocalResource::new(move || {
        let id = id.get();
        async move {
            match id {
                Some(id) => api::requests::detail(client, id).await,
                None => Err(ApiError::NotFound),
            }
        }
    });
    // Owned by the page, not by the request's view: what is typed survives the reload
    // that follows every change.
    let actions = Actions::new(client, move || detail.refetch());
    // Files waiting for the virus check: look again shortly until none waits.
    Effect::new(move |_| {
        let waiting = detail.with(
            |d| matches!(d, Some(Ok(d)) if d.files.iter().any(|f| f.scan == ScanStatus::Pending)),
        );
        if waiting {
            let handle = set_timeout_with_handle(move || detail.refetch(), PENDING_RECHECK);
            on_cleanup(move || {
                if let Ok(handle) = handle {
                    handle.clear();
                }
            });
        }
    });
    let closing = Closing::new(client, move || detail.refetch());

    let title = move || {
        let l = i18n.get_locale();
        let name = detail.with(|d| match d {
            Some(Ok(d)) => d.summary.title.clone(),
            _ => td_string!(l, requests.detail.title).to_owned(),
        });
        page_title(l, &name)
    };

    view! {
        <Title text=title />
        <p class="back"><a href="/requests">{tr(|l| td_string!(l, requests.detail.back))}</a></p>
        {part(detail, move |d| view! { <RequestView detail=d.clone() actions closing /> }.into_any())}
    }
}

/// The title, status and SLA countdown; the decision for admins; the facts, the
/// description and the timeline; commenting and cancelling.
#[component]
fn RequestView(detail: Detail, actions: Actions, closing: Closing) -> impl IntoView {
    let s = detail.summary.clone();
    let (id, status) = (s.id, s.status);
    let sla = s.reaction_due_at.clone().map(|due| {
        let (first, open) = (s.first_reaction_at.clone(), s.status.is_open());
        view! {
            <p class="sla-line">
                {tr(|l| td_string!(l, requests.list.col_sla))}": "
                <SlaCountdown due first open />
            </p>
        }
    });
    let description = (!detail.description.is_empty()).then(|| {
        let text = detail.description.clone();
        view! {
            <section class="card" aria-labelledby="description-heading">
                <h2 id="description-heading">{tr(|l| td_string!(l, requests.detail.description))}</h2>
                <p class="prewrap">{text}</p>
            </section>
        }
    });
    let (events, files) = (detail.timeline.clone(), detail.files.clone());
    let escalation = detail.escalation.clone().map(|sr| {
        view! {
            <p class="notice" data-testid="escalation">
                {tr(|l| td_string!(l, resolution.escalated))}": "<strong>{sr}</strong>
            </p>
        }
    });
    let quote = detail.quote.clone().map(|quote| {
        let can_decide = detail.can_decide_quote;
        view! { <QuoteCard closing id quote can_decide /> }
    });
    let rating = (detail.can_rate || detail.rating.is_some()).then(|| {
        let (rating, can_rate) = (detail.rating.clone(), detail.can_rate);
        view! { <RatingCard closing id rating can_rate /> }
    });
    view! {
        <div class="page-head">
            <h1>{s.title}</h1>
            <StatusBadge status />
        </div>
        {sla}
        {escalation}
        {detail.can_approve.then(|| view! { <DecisionCard actions id /> })}
        {detail.can_confirm.then(|| view! { <ResolutionCard closing id /> })}
        {quote}
        {rating}
        <RequestFacts detail=detail.clone() />
        <MuteToggle id />
        {description}
        <section class="card" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{tr(|l| td_string!(l, requests.detail.timeline))}</h2>
            <Timeline events files />
        </section>
        <CommentCard actions id status />
        {detail.can_cancel.then(|| view! { <CancelCard actions id /> })}
    }
}
