use leptos::either::EitherOf3;
use leptos::prelude::*;
use support_api::money::Money;

use crate::api::{self, ApiError, client::use_client};
use crate::components::error_view::ErrorView;
use crate::components::loading::Loading;
use crate::format;
use crate::i18n::*;

/// "SBP balance at a glance" for the overview: the balance, the threshold warning and
/// a link to the credit page. Renders nothing for a customer without SBP.
#[component]
pub fn CreditGlance() -> impl IntoView {
    let i18n = use_i18n();
    let client = use_client();
    let credit = LocalResource::new(move || api::credit::get(client));
    let retry = Callback::new(move |()| credit.refetch());
    let money = move |m: Money| move || format::money(m, i18n.get_locale());
    view! {
        <Transition fallback=Loading>
            {move || Suspend::new(async move {
                match credit.await {
                    Ok(credit) => {
                        let (balance, threshold) = (credit.balance, credit.low_balance_threshold);
                        let warning = credit.below_threshold.then(|| {
                            let text = move || {
                                let locale = i18n.get_locale();
                                let balance = format::money(balance, locale);
                                let threshold = format::money(threshold, locale);
                                td_string!(locale, credit.warning_text, balance, threshold)
                            };
                            view! { <p class="credit-warning-inline">{text}</p> }
                        });
                        EitherOf3::A(view! {
                            <section class="card credit-glance" aria-labelledby="credit-glance-heading">
                                <h2 id="credit-glance-heading">{t!(i18n, credit.glance_heading)}</h2>
                                <p class="credit-amount" class:credit-low=credit.below_threshold>
                                    {money(balance)}
                                </p>
                                {warning}
                                <p><a href="/credit">{t!(i18n, credit.glance_link)}</a></p>
                            </section>
                        })
                    }
                    Err(ApiError::NotFound) => EitherOf3::B(()),
                    Err(error) => EitherOf3::C(view! { <ErrorView error retry /> }),
                }
            })}
        </Transition>
    }
}
