//! The new-request form's inputs for one request type, in the form's order.

use std::sync::Arc;

use leptos::prelude::*;
use support_api::catalog::Course;
use support_api::money::Currency;
use support_api::plan::{CoverageStatus, Licence, Priority};
use support_api::requests::RequestType;

use super::fields::{Field, FormCtx, Kind};
use super::onsite_fields::OnsiteFields;
use super::remote_fields::RemoteFields;
use super::service_fields::ServiceFields;
use super::top_up_fields::TopUpFields;
use super::training_fields::TrainingFields;

use crate::i18n::*;
use crate::labels::priority_name;
use crate::requests::form::Text;

/// What the fields are built from besides the form's state.
#[derive(Clone)]
pub struct Shape {
    pub kind: RequestType,
    /// The installed base, for licence customers.
    pub licences: Option<Arc<Vec<Licence>>>,
    pub courses: Arc<Vec<Course>>,
    pub currency: Currency,
    /// `YYYY-MM-DD`, the earliest day to choose.
    pub today: String,
}

#[component]
pub fn RequestFields(form: FormCtx, shape: Shape) -> impl IntoView {
    let i18n = use_i18n();
    let kind = shape.kind;
    let with_product = matches!(
        kind,
        RequestType::Hotline | RequestType::OnsiteService | RequestType::RemoteService
    );
    let product = shape.licences.filter(|_| with_product).map(|licences| {
        let products = Signal::derive(move || {
            let l = i18n.get_locale();
            let mut products = vec![(
                String::new(),
                td_string!(l, requests.form.no_product).to_owned(),
            )];
            products.extend(licences.iter().map(|lic| {
                let text = if lic.status == CoverageStatus::Lapsed {
                    format!("{} ({})", lic.product, td_string!(l, requests.form.lapsed))
                } else {
                    lic.product.clone()
                };
                (lic.id.to_string(), text)
            }));
            products
        });
        view! {
            <Field form t=Text::Licence kind=Kind::Select(products)
                label=|l| td_string!(l, requests.form.product) />
        }
    });
    let priority = with_product.then(|| {
        let priorities = Signal::derive(move || {
            let l = i18n.get_locale();
            Priority::ALL
                .into_iter()
                .map(|p| (p.as_str().to_owned(), priority_name(l, p).to_owned()))
                .collect()
        });
        view! {
            <Field form t=Text::Priority kind=Kind::Select(priorities)
                label=|l| td_string!(l, requests.list.priority) />
        }
    });
    let own = match kind {
        RequestType::Training => {
            view! { <TrainingFields form courses=shape.courses today=shape.today /> }.into_any()
        }
        RequestType::OnsiteService => view! { <OnsiteFields form today=shape.today /> }.into_any(),
        RequestType::RemoteService => view! { <RemoteFields form /> }.into_any(),
        RequestType::CreditTopUp => {
            view! { <TopUpFields form currency=shape.currency /> }.into_any()
        }
        RequestType::Hotline => ().into_any(),
        _ => view! { <ServiceFields form /> }.into_any(),
    };
    let description: fn(Locale) -> &'static str = match kind {
        RequestType::Hotline | RequestType::OnsiteService | RequestType::RemoteService => {
            |l| td_string!(l, requests.form.problem)
        }
        RequestType::CreditTopUp => |l| td_string!(l, requests.form.note),
        _ => |l| td_string!(l, requests.form.need),
    };
    let phone = (kind != RequestType::CreditTopUp).then(|| {
        view! {
            <Field form t=Text::Phone kind=Kind::Input("tel")
                label=|l| td_string!(l, requests.form.phone) />
        }
    });
    view! {
        <Field form t=Text::Title kind=Kind::Input("text")
            label=|l| td_string!(l, requests.form.subject) />
        {product}
        {priority}
        {own}
        <Field form t=Text::Description kind=Kind::TextArea label=description />
        {phone}
    }
}
