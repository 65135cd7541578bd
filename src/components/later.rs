//! `Later`: the part of a long first render below the fold, rendered in a task of its own.

use std::time::Duration;

use leptos::prelude::*;

/// Renders its children in the browser task after the one that renders what surrounds
/// them, so a page's first render is two shorter tasks instead of one long one: the top
/// of the page paints first, and input waits at most for the longer half (Lighthouse's
/// Total Blocking Time counts each task's time over 50 ms). Only for content below what
/// the first screen shows, whose late arrival moves nothing above it.
#[component]
pub fn Later(children: ChildrenFn) -> impl IntoView {
    let ready = RwSignal::new(false);
    // The page may be left before the timer fires: then there is nothing to render.
    set_timeout(
        move || {
            ready.try_set(true);
        },
        Duration::ZERO,
    );
    move || ready.get().then(|| children())
}
