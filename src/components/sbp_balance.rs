use leptos::prelude::*;

/// The SBP balance at a glance, on the overview of a customer with SBP credit.
///
/// A slot for the credit page's work (issue 4): it shows nothing yet. It will load
/// `GET /credit` itself and show the balance, the low-balance warning and a link to
/// the statement.
#[component]
pub fn SbpBalanceGlance() -> impl IntoView {}
