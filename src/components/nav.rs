use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;
use support_api::session::Role;

use crate::components::words::tr;
use crate::i18n::*;
use crate::plan::use_plan;
use crate::session::use_session;

/// Links to the pages that exist; `<A>` marks the current one with `aria-current`.
///
/// The one place that decides which pages a customer is offered: the SBP credit page
/// only to customers with an SBP subscription (`GET /plan`'s `sbp`). While the plan
/// loads, or if it fails, the entry is left out; `/credit` still explains itself when
/// opened directly.
#[component]
pub fn Nav() -> impl IntoView {
    let plan = use_plan();
    let has_sbp =
        Memo::new(move |_| plan.with(|p| matches!(p, Some(Ok(plan)) if plan.sbp.is_some())));
    // The PAY statement, for customers who can order PAY work.
    let has_pay =
        Memo::new(move |_| plan.with(|p| matches!(p, Some(Ok(plan)) if plan.pay_available)));
    // People is a company admin's page; members are not offered it.
    let session = use_session();
    let is_admin = Memo::new(move |_| session.with(|s| s.user.role == Role::Admin) == Some(true));
    // Which entries there are: when one appears, those after it move along the row.
    let entries = Signal::derive(move || (has_sbp.get(), has_pay.get(), is_admin.get()));
    view! {
        <nav class="site-nav" aria-label=tr(|l| td_string!(l, nav.label))>
            <ul>
                <Entry href="/" exact=true entries>{tr(|l| td_string!(l, nav.home))}</Entry>
                <Entry href="/plan" entries>{tr(|l| td_string!(l, plan.title))}</Entry>
                <Entry href="/requests" entries>{tr(|l| td_string!(l, nav.requests))}</Entry>
                {move || has_sbp.get().then(|| view! {
                    <Entry href="/credit" entries>{tr(|l| td_string!(l, nav.credit))}</Entry>
                })}
                {move || has_pay.get().then(|| view! {
                    <Entry href="/billing" entries>{tr(|l| td_string!(l, billing.nav))}</Entry>
                })}
                {move || is_admin.get().then(|| view! {
                    <Entry href="/people" entries>{tr(|l| td_string!(l, people.nav))}</Entry>
                })}
                <Entry href="/account" entries>{tr(|l| td_string!(l, account.nav))}</Entry>
            </ul>
        </nav>
    }
}

/// One entry. On a phone the navigation is one row that scrolls sideways: the current
/// page's entry is brought into that row (only the row scrolls, never the page), so the
/// row always shows where the user is.
#[component]
fn Entry(
    href: &'static str,
    /// Changes when entries appear or go (the entry may have moved).
    entries: Signal<(bool, bool, bool)>,
    /// Current only on this very path (the overview), not below it.
    #[prop(optional)]
    exact: bool,
    children: Children,
) -> impl IntoView {
    let item = NodeRef::<html::Li>::new();
    let location = use_location();
    Effect::new(move |_| {
        entries.track();
        let here = location.pathname.with(|path| {
            path == href || (!exact && path.strip_prefix(href).is_some_and(|r| r.starts_with('/')))
        });
        // Measured in the next frame: by then the entries that just appeared are in
        // the row and laid out.
        if here {
            request_animation_frame(move || {
                if let Some(item) = item.get_untracked()
                    && let Some(row) = item.parent_element()
                {
                    let (start, width) = (item.offset_left(), item.offset_width());
                    let (shown, room) = (row.scroll_left(), row.client_width());
                    if start < shown || start + width > shown + room {
                        row.set_scroll_left(start - (room - width) / 2);
                    }
                }
            });
        }
    });
    view! {
        <li node_ref=item>
            <A href exact>{children()}</A>
        </li>
    }
}
