//! Texts of the locale files that follow the reader's language.

use crate::i18n::*;

/// A text of the locale files in a language.
pub type Words = fn(Locale) -> &'static str;

/// A text in the chosen language, following it: `tr(|l| td_string!(l, nav.home))`. Every
/// text of every page is this one closure type, so a translated text costs the wasm a few
/// bytes rather than a render effect of its own (as a `t!` per text would).
pub fn tr(text: Words) -> impl Fn() -> &'static str + Copy + Send + Sync {
    let i18n = use_i18n();
    move || text(i18n.get_locale())
}
