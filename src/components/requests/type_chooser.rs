use leptos::prelude::*;
use support_api::catalog::BilledAs;
use support_api::requests::RequestType;

use super::tr;

use crate::i18n::*;
use crate::labels::{billed_name, type_hint, type_name};

/// "What do you need?": each type in a customer's words, with how it is billed.
#[component]
pub fn TypeChooser(types: Vec<(RequestType, Option<BilledAs>)>) -> impl IntoView {
    let i18n = use_i18n();
    let choice = move |(t, billed): (RequestType, Option<BilledAs>)| {
        let href = format!("/requests/new?type={}", t.as_str());
        let billing = billed.map(|b| {
            view! { <span class="billing">{move || billed_name(i18n.get_locale(), b)}</span> }
        });
        view! {
            <li>
                <a class="choice-card" href=href>
                    <strong>{move || type_name(i18n.get_locale(), t)}</strong>
                    <span>{move || type_hint(i18n.get_locale(), t)}</span>
                    {billing}
                </a>
            </li>
        }
    };
    view! {
        <h1>{tr(|l| td_string!(l, requests.form.choose_heading))}</h1>
        <p class="lead">{tr(|l| td_string!(l, requests.form.choose_intro))}</p>
        <ul class="choices">
            {types.into_iter().map(choice).collect_view()}
        </ul>
    }
}
