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
    // Built again for another language.
    let choices = move || {
        let l = i18n.get_locale();
        types
            .iter()
            .map(|&(t, billed)| {
                let href = format!("/requests/new?type={}", t.as_str());
                let billing =
                    billed.map(|b| view! { <span class="billing">{billed_name(l, b)}</span> });
                view! {
                    <li>
                        <a class="choice-card" href=href>
                            <strong>{type_name(l, t)}</strong>
                            <span>{type_hint(l, t)}</span>
                            {billing}
                        </a>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <h1>{tr(|l| td_string!(l, requests.form.choose_heading))}</h1>
        <p class="lead">{tr(|l| td_string!(l, requests.form.choose_intro))}</p>
        <ul class="choices">
            {choices}
        </ul>
    }
}
