use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};
use support_api::credit::Credit;
use support_api::money::Currency;
use support_api::session::Role;
use web_sys::Element;

use crate::api::{self, client::use_client};
use crate::components::credit::balance_card::balance_card;
use crate::components::credit::blocks_table::blocks_table;
use crate::components::credit::dom::{self, Handler};
use crate::components::credit::forecast::forecast;
use crate::components::credit::ledger_table::SharedLedger;
use crate::components::credit::usage_chart::usage_chart;
use crate::components::credit::{export, ledger_filters, ledger_table, top_up, warning_text};
use crate::components::part::part;
use crate::credit::filter::LedgerFilter;
use crate::credit::month::Month;
use crate::i18n::*;
use crate::markup::Markup;
use crate::pages::credit_statement::{self, MonthStatement};
use crate::pages::page_title;
use crate::session::use_session;

/// What `/credit` shows: the credit (`None` without SBP), or a month's statement.
pub enum Loaded {
    Credit(Option<Credit>),
    Statement(MonthStatement),
}

/// `/credit`: the SBP credit. Everyone sees the balance, the threshold, the forecast
/// and the blocks; admins also the monthly use, the ledger, the export and the monthly
/// statement (the server refuses those to members too).
///
/// `/credit?statement=YYYY-MM` is the print view of a month's statement (one route for
/// both keeps the router's share of the wasm small).
#[component]
pub fn CreditPage() -> impl IntoView {
    let i18n = use_i18n();
    let client = use_client();
    let session = use_session();
    let admin = session
        .with(|s| s.user.role == Role::Admin)
        .unwrap_or(false);
    let currency = session
        .with(|s| s.customer.currency)
        .unwrap_or(Currency::Eur);
    let query = use_query_map();
    let statement = Memo::new(move |_| {
        admin
            .then(|| query.read().get("statement").and_then(|m| Month::parse(&m)))
            .flatten()
    });
    let data = LocalResource::new(move || {
        let month = statement.get();
        async move {
            Ok(match month {
                Some(month) => {
                    Loaded::Statement(credit_statement::load(client, month, currency).await?)
                }
                None => Loaded::Credit(api::credit::get_optional(client).await?),
            })
        }
    });
    let title = move || {
        let locale = i18n.get_locale();
        match statement.get() {
            Some(month) => page_title(locale, &credit_statement::heading(month, locale)),
            None => page_title(locale, td_string!(locale, credit.heading)),
        }
    };
    let heading = move || {
        let locale = i18n.get_locale();
        match statement.get() {
            Some(month) => credit_statement::heading(month, locale),
            None => td_string!(locale, credit.heading).to_owned(),
        }
    };
    view! {
        <Title text=title />
        <div class:statement=move || statement.get().is_some()>
            <h1>{heading}</h1>
            {part(data, move |loaded: &Loaded| {
                let locale = i18n.get_locale();
                match loaded {
                    Loaded::Credit(Some(credit)) => credit_view(credit, admin, locale),
                    Loaded::Credit(None) => no_sbp(locale),
                    Loaded::Statement(s) => {
                        let company = session.with(|s| s.customer.name.clone()).unwrap_or_default();
                        credit_statement::view(s, &company, locale)
                    }
                }
            })}
        </div>
    }
}

fn no_sbp(locale: Locale) -> AnyView {
    let mut m = Markup::new();
    m.open("section", &[("class", "card"), ("data-testid", "no-sbp")])
        .el("h2", &[], td_string!(locale, credit.no_sbp_heading))
        .el("p", &[], td_string!(locale, credit.no_sbp_text))
        .el("p", &[], td_string!(locale, credit.no_sbp_contact))
        .close("section");
    m.into_view().into_any()
}

fn credit_view(credit: &Credit, admin: bool, locale: Locale) -> AnyView {
    let client = use_client();
    let currency = credit.balance.currency;
    let threshold = credit.low_balance_threshold;

    let mut m = Markup::new();
    if credit.below_threshold {
        m.open(
            "section",
            &[
                ("class", "credit-warning"),
                ("aria-labelledby", "credit-warning-heading"),
                ("data-testid", "low-balance"),
            ],
        )
        .el(
            "h2",
            &[("id", "credit-warning-heading")],
            td_string!(locale, credit.warning_heading),
        )
        .el("p", &[], &warning_text(credit, locale));
        top_up::top_up_markup(&mut m, threshold, locale);
        m.close("section");
    }
    m.open("div", &[("class", "credit-summary")]);
    balance_card(&mut m, credit, locale);
    forecast(&mut m, credit, locale);
    m.close("div");
    blocks_table(&mut m, &credit.blocks, locale);
    if !admin {
        m.el(
            "p",
            &[("class", "notice")],
            td_string!(locale, credit.admin_only),
        );
    }

    // The ledger's filter lives in the page's query.
    let query = use_query_map();
    let filter = Memo::new(move |_| {
        let query = query.read();
        LedgerFilter::from_query(|key| query.get(key))
    });
    if admin {
        if let Some(usage) = &credit.usage {
            usage_chart(&mut m, usage, currency, locale);
        }
        m.open(
            "section",
            &[
                ("class", "card"),
                ("aria-labelledby", "credit-ledger-heading"),
            ],
        )
        .el(
            "h2",
            &[("id", "credit-ledger-heading"), ("tabindex", "-1")],
            td_string!(locale, credit.ledger_heading),
        );
        ledger_filters::filters_markup(&mut m, &filter.get_untracked(), locale);
        ledger_table::ledger_markup(&mut m, locale);
        m.close("section");
        export::export_markup(&mut m, locale);
    }

    let ledger: Rc<RefCell<Option<SharedLedger>>> = Rc::default();
    let root_element: Rc<RefCell<Option<Element>>> = Rc::default();
    let navigate = use_navigate();
    let handler: Handler = {
        let (ledger, root_element) = (ledger.clone(), root_element.clone());
        Rc::new(move |kind: &str, element: Element, _ev: &web_sys::Event| {
            let Some(root) = root_element.borrow().clone() else {
                return;
            };
            let go = |to: &LedgerFilter| {
                let options = NavigateOptions {
                    scroll: false,
                    ..Default::default()
                };
                navigate(&ledger_filters::url(to), options);
            };
            let action = element.get_attribute("data-action").unwrap_or_default();
            match (kind, element.id().as_str(), action.as_str()) {
                ("submit", "ledger-filters", _) => {
                    let next = ledger_filters::read(&root);
                    ledger_filters::reversed(&root, next.is_reversed());
                    if !next.is_reversed() {
                        go(&next);
                    }
                }
                ("click", _, "ledger-clear") => go(&LedgerFilter::default()),
                ("click", _, "ledger-more") => {
                    if let Some(ledger) = ledger.borrow().as_ref() {
                        ledger_table::more(ledger);
                    }
                    // A retry button goes away: keep the focus in the ledger.
                    if element.id() != "ledger-more" {
                        dom::focus(&root, "credit-ledger-heading");
                    }
                }
                ("click", _, "export-csv") => {
                    export::export_csv(root, client, filter.get_untracked(), currency, locale);
                }
                ("change", "statement-month", _) => export::month_chosen(&root),
                _ => {}
            }
        })
    };

    // The back and forward buttons change the query: the ledger follows.
    {
        let ledger = ledger.clone();
        let root_element = root_element.clone();
        Effect::new(move |_| {
            let next = filter.get();
            let (Some(ledger), Some(root)) =
                (ledger.borrow().clone(), root_element.borrow().clone())
            else {
                return;
            };
            if ledger.borrow().filter != next {
                ledger_filters::show(&root, &next);
                ledger_table::refilter(&ledger, next);
            }
        });
    }

    dom::root(m, handler, move |root| {
        if admin {
            let shown = filter.get_untracked();
            ledger_filters::show(&root, &shown);
            *ledger.borrow_mut() = Some(ledger_table::start(
                root.clone(),
                client,
                currency,
                locale,
                shown,
            ));
        }
        *root_element.borrow_mut() = Some(root);
    })
}
