use leptos::prelude::*;
use support_api::credit::PrepaidBlock;
use support_api::money::Money;

use crate::format;
use crate::i18n::*;

/// The prepaid blocks, as the API lists them (used oldest first).
#[component]
pub fn BlocksTable(blocks: Vec<PrepaidBlock>) -> impl IntoView {
    let i18n = use_i18n();
    let money = move |m: Money| move || format::money(m, i18n.get_locale());
    let date = move |d: String| move || format::date(&d, i18n.get_locale());
    let empty = blocks.is_empty();
    let rows = blocks
        .into_iter()
        .map(|b| {
            let status = move || {
                let locale = i18n.get_locale();
                if b.expired {
                    td_string!(locale, credit.block_expired)
                } else if b.remaining.minor == 0 {
                    td_string!(locale, credit.block_used_up)
                } else {
                    td_string!(locale, credit.block_active)
                }
            };
            view! {
                <tr class:credit-muted=b.expired>
                    <td>{date(b.bought_on)}</td>
                    <td>{date(b.expires_on)}</td>
                    <td class="num">{money(b.amount)}</td>
                    <td class="num">{money(b.used)}</td>
                    <td class="num">{money(b.remaining)}</td>
                    <td>{status}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="credit-blocks-heading">
            <h2 id="credit-blocks-heading">{t!(i18n, credit.blocks_heading)}</h2>
            {if empty {
                view! { <p>{t!(i18n, credit.blocks_none)}</p> }.into_any()
            } else {
                view! {
                    <div class="table-scroll">
                        <table class="data-table" data-testid="credit-blocks">
                            <caption class="visually-hidden">{t!(i18n, credit.blocks_caption)}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{t!(i18n, credit.col_bought)}</th>
                                    <th scope="col">{t!(i18n, credit.col_expires)}</th>
                                    <th scope="col" class="num">{t!(i18n, credit.col_amount)}</th>
                                    <th scope="col" class="num">{t!(i18n, credit.col_used)}</th>
                                    <th scope="col" class="num">{t!(i18n, credit.col_remaining)}</th>
                                    <th scope="col">{t!(i18n, credit.col_status)}</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}
