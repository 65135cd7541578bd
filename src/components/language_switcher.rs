use leptos::prelude::*;

use crate::components::words::tr;
use crate::i18n::*;

/// A labelled `<select>` of the four languages, each named in itself.
#[component]
pub fn LanguageSwitcher(
    /// Unique per page when the switcher appears more than once.
    #[prop(default = "language")]
    id: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let on_change = move |ev: leptos::ev::Event| {
        if let Ok(locale) = event_target_value(&ev).parse::<Locale>() {
            i18n.set_locale(locale);
            crate::language::remember(locale);
        }
    };
    let options = Locale::get_all()
        .iter()
        .map(|&locale| {
            view! {
                <option
                    value=locale.as_str()
                    lang=locale.as_str()
                    selected=move || i18n.get_locale() == locale
                >
                    {native_name(locale)}
                </option>
            }
        })
        .collect_view();
    view! {
        <div class="language-switcher">
            <label for=id>{tr(|l| td_string!(l, language.label))}</label>
            <select id=id on:change=on_change prop:value=move || i18n.get_locale().as_str()>
                {options}
            </select>
        </div>
    }
}

/// Each language's name in that language (the same in every locale file).
fn native_name(locale: Locale) -> &'static str {
    match locale {
        Locale::pl => td_string!(Locale::pl, language.pl),
        Locale::cs => td_string!(Locale::cs, language.cs),
        Locale::sk => td_string!(Locale::sk, language.sk),
        Locale::en => td_string!(Locale::en, language.en),
    }
}
