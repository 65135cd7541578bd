use leptos::prelude::*;

use crate::components::credit::glance::CreditGlance;

/// The SBP balance at a glance, on the overview of a customer with SBP credit: the
/// credit page's `CreditGlance` (balance, low-balance warning, link to the credit page),
/// in a slot that keeps the card's usual height while the balance loads, so what
/// follows does not move down when it comes.
#[component]
pub fn SbpBalanceGlance() -> impl IntoView {
    view! {
        <div class="glance-slot">
            <CreditGlance />
        </div>
    }
}
