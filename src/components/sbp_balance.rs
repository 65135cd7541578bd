use leptos::prelude::*;

use crate::components::credit::glance::CreditGlance;

/// The SBP balance at a glance, on the overview of a customer with SBP credit: the
/// credit page's `CreditGlance` (balance, low-balance warning, link to the credit page).
#[component]
pub fn SbpBalanceGlance() -> impl IntoView {
    view! { <CreditGlance /> }
}
