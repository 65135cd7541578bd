use leptos::prelude::*;
use support_api::credit::PrepaidBlock;

use crate::format;
use crate::i18n::*;

/// The prepaid blocks, as the API lists them (used oldest first).
#[component]
pub fn BlocksTable(blocks: Vec<PrepaidBlock>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let locale = i18n.get_locale();
        let caption = td_string!(locale, credit.blocks_caption);
        let table = (!blocks.is_empty()).then(|| {
            let rows = blocks
                .iter()
                .map(|b| block_row(b, locale))
                .collect_view();
            view! {
                <div class="table-wrap" tabindex="0" role="region" aria-label=caption>
                    <table class="data-table" data-testid="credit-blocks">
                        <caption class="visually-hidden">{caption}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{td_string!(locale, credit.col_bought)}</th>
                                <th scope="col">{td_string!(locale, credit.col_expires)}</th>
                                <th scope="col" class="num">{td_string!(locale, credit.col_amount)}</th>
                                <th scope="col" class="num">{td_string!(locale, credit.col_used)}</th>
                                <th scope="col" class="num">{td_string!(locale, credit.col_remaining)}</th>
                                <th scope="col" class="num">{td_string!(locale, credit.col_lapsed)}</th>
                                <th scope="col">{td_string!(locale, credit.col_status)}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
        });
        let none = blocks
            .is_empty()
            .then(|| view! { <p>{td_string!(locale, credit.blocks_none)}</p> });
        view! {
            <section class="card" aria-labelledby="credit-blocks-heading">
                <h2 id="credit-blocks-heading">{td_string!(locale, credit.blocks_heading)}</h2>
                {table}
                {none}
            </section>
        }
    }
}

fn block_row(b: &PrepaidBlock, locale: Locale) -> impl IntoView + use<> {
    let status = if b.expired {
        td_string!(locale, credit.block_expired)
    } else if b.remaining.minor == 0 {
        td_string!(locale, credit.block_used_up)
    } else {
        td_string!(locale, credit.block_active)
    };
    let money = |x| format::money(x, locale);
    view! {
        <tr class:credit-muted=b.expired>
            <td>{format::date(&b.bought_on, locale)}</td>
            <td>{format::date(&b.expires_on, locale)}</td>
            <td class="num">{money(b.amount)}</td>
            <td class="num">{money(b.used)}</td>
            <td class="num">{money(b.remaining)}</td>
            <td class="num">{money(b.lapsed)}</td>
            <td>{status}</td>
        </tr>
    }
}
