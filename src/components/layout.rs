use leptos::prelude::*;

use crate::components::error_view::{ErrorView, first_api_error};
use crate::components::header::Header;
use crate::components::loading::Loading;
use crate::components::nav::Nav;
use crate::i18n::*;

/// The signed-in frame: skip link, header, navigation, and the page in `<main>`, with
/// a loading indicator and an error boundary (whose retry renders the page anew, so
/// its loads start again).
#[component]
pub fn Layout(children: ChildrenFn) -> impl IntoView {
    let i18n = use_i18n();
    let attempt = RwSignal::new(0u32);
    let retry = Callback::new(move |()| attempt.update(|n| *n += 1));
    let children = StoredValue::new(children);
    view! {
        <a class="skip-link" href="#main">{t!(i18n, app.skip_to_content)}</a>
        <Header />
        <Nav />
        <main id="main" class="page" tabindex="-1">
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
