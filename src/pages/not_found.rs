use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::components::words::tr;
use crate::i18n::*;
use crate::pages::page_title;

/// Any unknown path (shown inside the signed-in layout).
#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    let title = move || {
        let locale = i18n.get_locale();
        page_title(locale, td_string!(locale, not_found.title))
    };
    view! {
        <Title text=title />
        <h1>{tr(|l| td_string!(l, not_found.heading))}</h1>
        <p>{tr(|l| td_string!(l, not_found.text))}</p>
        <p>
            <A href="/">{tr(|l| td_string!(l, not_found.home_link))}</A>
        </p>
    }
}
