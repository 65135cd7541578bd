use leptos::prelude::*;
use support_api::catalog::{BilledAs, Service};

use crate::coverage::{own_rate, price_unit};
use crate::format;
use crate::i18n::*;
use crate::labels::{billed_as_label, billing_label, priced, service_name};

/// The column headers, also the labels of the stacked phone layout's cells.
#[derive(Clone, Copy)]
struct Headers([&'static str; 6]);

/// "Is it covered?": each service, how this customer gets it, at what price and how it
/// is billed, beside the PAY and SBP rates.
#[component]
pub fn ServicesSection(services: Vec<Service>, locale: Locale) -> impl IntoView {
    let headers = Headers([
        td_string!(locale, coverage.service),
        td_string!(locale, coverage.how),
        td_string!(locale, coverage.your_price),
        td_string!(locale, coverage.billing),
        td_string!(locale, coverage.pay_rate),
        td_string!(locale, coverage.sbp_rate),
    ]);
    let header_cells = headers
        .0
        .into_iter()
        .map(|header| view! { <th scope="col">{header}</th> })
        .collect_view();
    view! {
        <section aria-labelledby="coverage-heading">
            <h2 id="coverage-heading">{td_string!(locale, coverage.heading)}</h2>
            <p>{td_string!(locale, coverage.intro)}</p>
            <div class="table-wrap">
                <table class="data stack">
                    <caption>{td_string!(locale, coverage.caption)}</caption>
                    <thead>
                        <tr>{header_cells}</tr>
                    </thead>
                    <tbody>
                        {services
                            .into_iter()
                            .map(|service| view! { <ServiceRow service headers locale /> })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

#[component]
fn ServiceRow(service: Service, headers: Headers, locale: Locale) -> impl IntoView {
    let [name, how, price, billing, pay, sbp] = headers.0;
    let yours = match (service.billed_as, own_rate(&service)) {
        (_, Some(rate)) => priced(locale, price_unit(&service), &format::money(rate, locale)),
        (BilledAs::AlcIncluded, None) => td_string!(locale, coverage.included).to_owned(),
        (_, None) => td_string!(locale, coverage.per_contract).to_owned(),
    };
    view! {
        <tr>
            <th scope="row" data-label=name>{service_name(locale, service.code)}</th>
            <td data-label=how>{billed_as_label(locale, service.billed_as)}</td>
            <td data-label=price><strong>{yours}</strong></td>
            <td data-label=billing>{billing_label(locale, service.billing)}</td>
            <td data-label=pay class="num">{format::money(service.pay_rate, locale)}</td>
            <td data-label=sbp class="num">{format::money(service.sbp_rate, locale)}</td>
        </tr>
    }
}
