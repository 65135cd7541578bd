use support_api::credit::Credit;

use crate::format;
use crate::i18n::*;
use crate::markup::Markup;
use crate::template::fill;

/// At the last 90 days' average use: when the credit runs out, and which blocks will
/// expire before they are used (with what lapses).
pub fn forecast(m: &mut Markup, credit: &Credit, locale: Locale) {
    let forecast = &credit.forecast;
    let runs_out = match &forecast.runs_out_on {
        Some(day) => format::date(day, locale),
        None => td_string!(locale, credit.runs_out_never).to_owned(),
    };
    m.open(
        "section",
        &[
            ("class", "card"),
            ("aria-labelledby", "credit-forecast-heading"),
        ],
    )
    .el(
        "h2",
        &[("id", "credit-forecast-heading")],
        td_string!(locale, credit.forecast_heading),
    )
    .open("dl", &[("class", "facts")])
    .el("dt", &[], td_string!(locale, credit.burn))
    .el(
        "dd",
        &[("data-testid", "credit-burn")],
        &format::money(forecast.monthly_burn, locale),
    )
    .el("dt", &[], td_string!(locale, credit.runs_out))
    .el("dd", &[("data-testid", "credit-runs-out")], &runs_out)
    .close("dl")
    .el("h3", &[], td_string!(locale, credit.expiring_heading));
    if forecast.expiring_unused.is_empty() {
        m.el(
            "p",
            &[("data-testid", "credit-expiring")],
            td_string!(locale, credit.expiring_none),
        );
    } else {
        m.open("ul", &[("data-testid", "credit-expiring")]);
        for e in &forecast.expiring_unused {
            let amount = format::money(e.lapsing, locale);
            let expires = format::date(&e.expires_on, locale);
            let bought = credit.blocks.iter().find(|b| b.id == e.block_id);
            let text = match bought {
                Some(block) => {
                    let bought = format::date(&block.bought_on, locale);
                    fill(
                        td_string!(locale, credit.expiring_item),
                        &[
                            ("amount", &amount),
                            ("bought", &bought),
                            ("expires", &expires),
                        ],
                    )
                }
                None => fill(
                    td_string!(locale, credit.expiring_item_unknown),
                    &[("amount", &amount), ("expires", &expires)],
                ),
            };
            m.el("li", &[], &text);
        }
        m.close("ul");
    }
    m.close("section");
}
