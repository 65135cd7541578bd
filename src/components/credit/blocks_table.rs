use support_api::credit::PrepaidBlock;

use super::table;
use crate::format;
use crate::i18n::*;
use crate::markup::Markup;

/// The prepaid blocks, as the API lists them (used oldest first).
pub fn blocks_table(m: &mut Markup, blocks: &[PrepaidBlock], locale: Locale) {
    m.open(
        "section",
        &[
            ("class", "card"),
            ("aria-labelledby", "credit-blocks-heading"),
        ],
    )
    .el(
        "h2",
        &[("id", "credit-blocks-heading")],
        td_string!(locale, credit.blocks_heading),
    );
    if blocks.is_empty() {
        m.el("p", &[], td_string!(locale, credit.blocks_none))
            .close("section");
        return;
    }
    table::open_scroll(m, td_string!(locale, credit.blocks_caption));
    table::open(
        m,
        "data-table",
        "credit-blocks",
        td_string!(locale, credit.blocks_caption),
        false,
    );
    table::head(
        m,
        &[
            (td_string!(locale, credit.col_bought), false),
            (td_string!(locale, credit.col_expires), false),
            (td_string!(locale, credit.col_amount), true),
            (td_string!(locale, credit.col_used), true),
            (td_string!(locale, credit.col_remaining), true),
            (td_string!(locale, credit.col_lapsed), true),
            (td_string!(locale, credit.col_status), false),
        ],
    );
    m.open("tbody", &[]);
    let money = |x| format::money(x, locale);
    for b in blocks {
        let status = if b.expired {
            td_string!(locale, credit.block_expired)
        } else if b.remaining.minor == 0 {
            td_string!(locale, credit.block_used_up)
        } else {
            td_string!(locale, credit.block_active)
        };
        m.open(
            "tr",
            if b.expired {
                &[("class", "credit-muted")]
            } else {
                &[]
            },
        );
        table::cell(m, &format::date(&b.bought_on, locale));
        table::cell(m, &format::date(&b.expires_on, locale));
        table::num(m, &money(b.amount));
        table::num(m, &money(b.used));
        table::num(m, &money(b.remaining));
        table::num(m, &money(b.lapsed));
        table::cell(m, status);
        m.close("tr");
    }
    m.close("tbody")
        .close("table")
        .close("div")
        .close("section");
}
