use std::sync::Arc;

use leptos::prelude::*;

use crate::api::ApiError;
use crate::components::error_view::{ErrorView, first_api_error};
use crate::components::loading::Loading;

/// What a part shows: nothing while it loads, then its view or its error.
pub type Content = Arc<dyn Fn() -> Option<Result<AnyView, ApiError>> + Send + Sync>;

/// One separately loaded part of a page: a loading indicator until its answer comes,
/// then the content; a failed or malformed answer shows the error with a retry that
/// loads this part again and leaves the rest of the page alone.
///
/// Not generic, so every part of every page shares one copy of the transition and
/// error-boundary code in the wasm; [`part`] builds one from a resource.
#[component]
pub fn Part(content: Content, retry: Callback<()>) -> impl IntoView {
    let pending = RwSignal::new(false);
    // One load at a time: a click on "Try again" whose answer also tells the connection
    // monitor the API is back would otherwise load the part a second time.
    let retry = Callback::new(move |()| {
        if !pending.get_untracked() {
            retry.run(());
        }
    });
    view! {
        <div class="part" aria-busy=move || pending.get().then_some("true")>
            <Transition fallback=Loading set_pending=pending>
                <ErrorBoundary fallback=move |errors| {
                    let error = first_api_error(&errors.read());
                    view! { <ErrorView error retry /> }
                }>{move || content()}</ErrorBoundary>
            </Transition>
        </div>
    }
}

/// A [`Part`] that shows `render` of what `resource` loads (rendered again when what
/// `render` reads changes, e.g. the language).
pub fn part<T>(
    resource: LocalResource<Result<T, ApiError>>,
    render: impl Fn(&T) -> AnyView + Send + Sync + 'static,
) -> impl IntoView
where
    T: Send + Sync + 'static,
{
    let content: Content =
        Arc::new(move || resource.map(|answer| answer.as_ref().map(&render).map_err(Clone::clone)));
    let retry = Callback::new(move |()| resource.refetch());
    view! { <Part content retry /> }
}
