use leptos::either::EitherOf3;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_location, use_navigate};

use crate::components::error_view::ErrorView;
use crate::components::layout::Layout;
use crate::components::loading::Loading;
use crate::components::words::tr;
use crate::i18n::*;
use crate::redirect::{path_and_query, sign_in_url};
use crate::session::{Phase, SessionState, SignedOutReason, use_session};

/// Everything but the sign-in page: waits for `GET /session`, sends anyone without a
/// session (or whose session a call found expired) to `/sign-in?next=<this page>`, and
/// frames the page in the signed-in layout.
#[component]
pub fn Protected(children: ChildrenFn) -> impl IntoView {
    let session = use_session();
    let navigate = use_navigate();
    let location = use_location();

    Effect::new(move |_| {
        let SessionState::SignedOut(reason) = session.state() else {
            return;
        };
        // After "Sign out" the header itself goes to plain `/sign-in`.
        if reason == Some(SignedOutReason::ByUser) {
            return;
        }
        let here = path_and_query(
            &location.pathname.get_untracked(),
            &location.search.get_untracked(),
        );
        let options = NavigateOptions {
            replace: true,
            ..Default::default()
        };
        navigate(&sign_in_url(&here), options);
    });

    // The company requires two-step sign-in and it is not set up: the account page
    // first (the API answers nothing else until then).
    let navigate_setup = use_navigate();
    Effect::new(move |_| {
        let required = session.with(|s| s.two_step_setup_required) == Some(true);
        if required && location.pathname.get() != "/account" {
            navigate_setup(
                "/account",
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        }
    });

    let children = StoredValue::new(children);
    move || match session.phase() {
        Phase::SignedIn => EitherOf3::A(view! { <Layout>{children.with_value(|c| c())}</Layout> }),
        Phase::Unknown => EitherOf3::B(view! {
            <main id="main" class="page page-narrow">
                <Title text=tr(|l| td_string!(l, app.name)) />
                <h1>{tr(|l| td_string!(l, app.name))}</h1>
                {move || match session.state() {
                    SessionState::Unknown(error) => {
                        let retry = Callback::new(move |()| session.load());
                        Some(view! { <ErrorView error retry /> })
                    }
                    _ => None,
                }}
            </main>
        }),
        Phase::Loading | Phase::SignedOut => EitherOf3::C(view! {
            <main id="main" class="page page-narrow">
                <Loading />
            </main>
        }),
    }
}
