use leptos::prelude::*;
use leptos_router::components::A;
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
    view! {
        <nav class="site-nav" aria-label=tr(|l| td_string!(l, nav.label))>
            <ul>
                <li>
                    <A href="/" exact=true>
                        {tr(|l| td_string!(l, nav.home))}
                    </A>
                </li>
                <li>
                    <A href="/plan">{tr(|l| td_string!(l, plan.title))}</A>
                </li>
                <li>
                    <A href="/requests">{tr(|l| td_string!(l, nav.requests))}</A>
                </li>
                {move || has_sbp.get().then(|| view! {
                    <li>
                        <A href="/credit">{tr(|l| td_string!(l, nav.credit))}</A>
                    </li>
                })}
                {move || has_pay.get().then(|| view! {
                    <li>
                        <A href="/billing">{tr(|l| td_string!(l, billing.nav))}</A>
                    </li>
                })}
                {move || is_admin.get().then(|| view! {
                    <li>
                        <A href="/people">{tr(|l| td_string!(l, people.nav))}</A>
                    </li>
                })}
                <li>
                    <A href="/account">{tr(|l| td_string!(l, account.nav))}</A>
                </li>
            </ul>
        </nav>
    }
}
