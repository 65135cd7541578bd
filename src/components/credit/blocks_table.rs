use leptos::prelude::*;
use support_api::credit::PrepaidBlock;

use super::{Words, localized, text};
use crate::format;
use crate::i18n::*;

/// The prepaid blocks, as the API lists them (used oldest first).
#[component]
pub fn BlocksTable(blocks: Vec<PrepaidBlock>) -> impl IntoView {
    let caption = text(|l| td_string!(l, credit.blocks_caption));
    let table = (!blocks.is_empty()).then(|| {
        let rows = blocks.into_iter().map(block_row).collect_view();
        view! {
            <div class="table-wrap" tabindex="0" role="region" aria-label=caption>
                <table class="data-table" data-testid="credit-blocks">
                    <caption class="visually-hidden">{caption}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{text(|l| td_string!(l, credit.col_bought))}</th>
                            <th scope="col">{text(|l| td_string!(l, credit.col_expires))}</th>
                            <th scope="col" class="num">{text(|l| td_string!(l, credit.col_amount))}</th>
                            <th scope="col" class="num">{text(|l| td_string!(l, credit.col_used))}</th>
                            <th scope="col" class="num">{text(|l| td_string!(l, credit.col_remaining))}</th>
                            <th scope="col" class="num">{text(|l| td_string!(l, credit.col_lapsed))}</th>
                            <th scope="col">{text(|l| td_string!(l, credit.col_status))}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    });
    let none = table
        .is_none()
        .then(|| view! { <p>{text(|l| td_string!(l, credit.blocks_none))}</p> });
    view! {
        <section class="card" aria-labelledby="credit-blocks-heading">
            <h2 id="credit-blocks-heading">{text(|l| td_string!(l, credit.blocks_heading))}</h2>
            {table}
            {none}
        </section>
    }
}

fn block_row(b: PrepaidBlock) -> impl IntoView {
    let status: Words = if b.expired {
        |l| td_string!(l, credit.block_expired)
    } else if b.remaining.minor == 0 {
        |l| td_string!(l, credit.block_used_up)
    } else {
        |l| td_string!(l, credit.block_active)
    };
    let money = |x| localized(move |l| format::money(x, l));
    let (bought, expires) = (b.bought_on, b.expires_on);
    view! {
        <tr class:credit-muted=b.expired>
            <td>{localized(move |l| format::date(&bought, l))}</td>
            <td>{localized(move |l| format::date(&expires, l))}</td>
            <td class="num">{money(b.amount)}</td>
            <td class="num">{money(b.used)}</td>
            <td class="num">{money(b.remaining)}</td>
            <td class="num">{money(b.lapsed)}</td>
            <td>{text(status)}</td>
        </tr>
    }
}
