use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::*;

/// Links to the pages that exist; `<A>` marks the current one with `aria-current`.
#[component]
pub fn Nav() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="site-nav" aria-label=move || t_string!(i18n, nav.label)>
            <ul>
                <li>
                    <A href="/" exact=true>
                        {t!(i18n, nav.home)}
                    </A>
                </li>
                <li>
                    <A href="/plan">{t!(i18n, plan.title)}</A>
                </li>
                <li>
                    <A href="/requests">{t!(i18n, nav.requests)}</A>
                </li>
            </ul>
        </nav>
    }
}
