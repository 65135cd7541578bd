//! The chosen language, remembered in the browser's localStorage.
//!
//! leptos_i18n can keep it in a cookie, but its cookie support links a cookie parser and
//! the `time` crate into the wasm (about 10 KiB compressed) for one short string that
//! the server never needs. Without a saved choice, leptos_i18n follows the browser's
//! languages (cs, sk or en when preferred, Polish otherwise).

use leptos::prelude::*;

use crate::i18n::*;

const KEY: &str = "portal.language";

/// Remembers an explicit choice of the user.
pub fn remember(locale: Locale) {
    crate::storage::set(KEY, locale.as_str());
}

/// Restores the saved choice, before anything below it renders.
#[component]
pub fn RestoreLanguage(children: Children) -> impl IntoView {
    let saved = crate::storage::get(KEY).and_then(|code| code.parse::<Locale>().ok());
    if let Some(locale) = saved {
        let i18n = use_i18n();
        i18n.set_locale(locale);
        // The provider's own first effect sets the browser's language once after the
        // first render; this effect, created after it, runs after it and restores.
        Effect::new(move |_| i18n.set_locale(locale));
    }
    children()
}
