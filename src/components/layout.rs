use leptos::html;
use leptos::prelude::*;

use crate::components::error_view::{ErrorView, first_api_error};
use crate::components::header::Header;
use crate::components::loading::Loading;
use crate::components::nav::Nav;
use crate::components::words::tr;
use crate::i18n::*;
use crate::plan::provide_plan;

/// The signed-in frame: skip link, header, navigation, and the page in `<main>`, with
/// a loading indicator and an error boundary (whose retry renders the page anew, so
/// its loads start again). It provides the customer's plan to all of them.
#[component]
pub fn Layout(children: ChildrenFn) -> impl IntoView {
    provide_plan();
    let attempt = RwSignal::new(0u32);
    let retry = Callback::new(move |()| attempt.update(|n| *n += 1));
    let children = StoredValue::new(children);
    // The router would treat `#main` as a navigation; move the focus ourselves.
    let main_ref = NodeRef::<html::Main>::new();
    let skip = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        if let Some(main) = main_ref.get_untracked() {
            let _ = main.focus();
            main.scroll_into_view();
        }
    };
    view! {
        <a class="skip-link" href="#main" on:click=skip>
            {tr(|l| td_string!(l, app.skip_to_content))}
        </a>
        <Header />
        <Nav />
        <main id="main" class="page" tabindex="-1" node_ref=main_ref>
            <Transition fallback=Loading>
                <ErrorBoundary fallback=move |errors| {
                    let error = first_api_error(&errors.read());
                    view! { <ErrorView error retry /> }
                }>
                    {move || {
                        attempt.track();
                        children.with_value(|children| children())
                    }}
                </ErrorBoundary>
            </Transition>
        </main>
    }
}
