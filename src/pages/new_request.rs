//! `/requests/new`: choose what you need, then the form for it (`?type=` preselects,
//! `&amount=` pre-fills a top-up).

use std::sync::Arc;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use support_api::catalog::{BilledAs, Catalog};
use support_api::plan::Plan;
use support_api::requests::RequestType;

use crate::api::{self, ApiError, client::use_client};
use crate::components::part::part;
use crate::components::requests::request_fields::Shape;
use crate::components::requests::request_form::RequestForm;
use crate::components::requests::type_chooser::TypeChooser;
use crate::components::requests::{today, tr};
use crate::i18n::*;
use crate::pages::page_title;
use crate::plan::use_plan;
use crate::session::use_session;

/// The types this customer can request, in the catalog's order.
fn offered(plan: &Plan, catalog: &Catalog) -> Vec<(RequestType, Option<BilledAs>)> {
    let mut types: Vec<_> = catalog
        .services
        .iter()
        .filter_map(|s| {
            RequestType::ALL
                .into_iter()
                .find(|t| t.service() == Some(s.code))
                .map(|t| (t, Some(s.billed_as)))
        })
        .collect();
    if plan.sbp.is_some() {
        types.push((RequestType::CreditTopUp, None));
    }
    types
}

#[component]
pub fn NewRequestPage() -> impl IntoView {
    let i18n = use_i18n();
    let client = use_client();
    let session = use_session();
    let params = use_query_map();
    let kind =
        Memo::new(move |_| params.with(|p| p.get("type").and_then(|t| RequestType::parse(&t))));
    let title = move || {
        let l = i18n.get_locale();
        page_title(l, td_string!(l, requests.form.title))
    };
    // The form needs the plan and the catalog. The catalog is asked for at once, beside
    // the plan, in a resource of its own: fetched inside `both`, it waited for the plan
    // and was fetched again when the plan's arrival ran `both` a second time.
    let plan = use_plan();
    let catalog = LocalResource::new(move || api::plan::catalog(client));
    let both = LocalResource::new(move || async move {
        let plan = plan.await?;
        let catalog = catalog.await?;
        Ok::<_, ApiError>((Arc::new(plan), Arc::new(catalog)))
    });
    let content = move |(plan, catalog): &(Arc<Plan>, Arc<Catalog>)| {
        let types = offered(plan, catalog);
        match kind.get().filter(|k| types.iter().any(|(t, _)| t == k)) {
            Some(kind) => {
                let shape = Shape {
                    kind,
                    licences: plan
                        .alc
                        .as_ref()
                        .map(|alc| Arc::new(alc.installed_base.clone())),
                    courses: Arc::new(catalog.courses.clone()),
                    currency: session
                        .with(|s| s.customer.currency)
                        .unwrap_or(catalog.currency),
                    today: today(),
                };
                let amount = params.with_untracked(|p| p.get("amount"));
                view! { <RequestForm shape amount /> }.into_any()
            }
            None => view! { <TypeChooser types /> }.into_any(),
        }
    };
    view! {
        <Title text=title />
        <p class="back"><a href="/requests">{tr(|l| td_string!(l, requests.detail.back))}</a></p>
        {part(both, content)}
    }
}
