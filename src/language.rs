//! The chosen language, remembered in the browser's localStorage.
//!
//! leptos_i18n can keep it in a cookie, but its cookie support links a cookie parser and
//! the `time` crate into the wasm (about 10 KiB compressed) for one short string that
//! the server never needs. Without a saved choice, leptos_i18n follows the browser's
//! languages (cs, sk or en when preferred, Polish otherwise), unless the signed-in user
//! chose one in their profile or accepted an invitation in one.

use leptos::prelude::*;
use support_api::session::Language;

use crate::i18n::*;
use crate::session::use_session;

const KEY: &str = "portal.language";

/// Remembers an explicit choice of the user.
pub fn remember(locale: Locale) {
    crate::storage::set(KEY, locale.as_str());
}

/// The portal's locale for a language of the API.
pub fn locale_of(language: Language) -> Locale {
    match language {
        Language::Pl => Locale::pl,
        Language::Cs => Locale::cs,
        Language::Sk => Locale::sk,
        Language::En => Locale::en,
    }
}

fn saved() -> Option<Locale> {
    crate::storage::get(KEY).and_then(|code| code.parse::<Locale>().ok())
}

/// Restores the saved choice, before anything below it renders; without one, follows the
/// signed-in user's language.
#[component]
pub fn RestoreLanguage(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    if let Some(locale) = saved() {
        i18n.set_locale(locale);
    }
    let session = use_session();
    // The provider's own first effect sets the browser's language once after the first
    // render; this effect, created after it, runs after it and restores. It runs again
    // when someone signs in: a choice made in this browser still wins.
    Effect::new(move |_| {
        let signed_in = session.with(|s| s.user.language).flatten();
        if let Some(locale) = saved().or(signed_in.map(locale_of)) {
            i18n.set_locale(locale);
        }
    });
    children()
}
