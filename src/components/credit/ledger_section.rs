use leptos::html;
use leptos::prelude::*;
use support_api::money::Currency;

use super::ledger_filters::LedgerFilters;
use super::ledger_table::LedgerTable;
use super::text;
use crate::credit::filter::LedgerFilter;
use crate::i18n::*;

/// The ledger's card: its heading, the filters and the table.
#[component]
pub fn LedgerSection(filter: Memo<LedgerFilter>, currency: Currency) -> impl IntoView {
    let heading = NodeRef::<html::H2>::new();
    // "Try again" goes away once pressed: the focus stays in the ledger.
    let on_retry = Callback::new(move |()| {
        if let Some(heading) = heading.get_untracked() {
            let _ = heading.focus();
        }
    });
    view! {
        <section class="card" aria-labelledby="credit-ledger-heading">
            <h2 id="credit-ledger-heading" tabindex="-1" node_ref=heading>
                {text(|l| td_string!(l, credit.ledger_heading))}
            </h2>
            <LedgerFilters filter />
            <LedgerTable filter currency on_retry />
        </section>
    }
}
