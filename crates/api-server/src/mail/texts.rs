//! The mails' words: `mail/{pl,cs,sk,en}.json` (flat objects: `<kind>.subject`,
//! `<kind>.body`, `<kind>.action`, `common.*`), compiled into the binary and parsed once.
//! The test below is their check, as build.rs is the portal's: every language has every
//! key, with the same placeholders.

use std::collections::HashMap;
use std::sync::OnceLock;

use support_api::session::Language;

use crate::error::ApiError;

const SOURCES: [(Language, &str); 4] = [
    (Language::Pl, include_str!("../../mail/pl.json")),
    (Language::Cs, include_str!("../../mail/cs.json")),
    (Language::Sk, include_str!("../../mail/sk.json")),
    (Language::En, include_str!("../../mail/en.json")),
];

type Table = HashMap<String, String>;

fn tables() -> &'static Result<Vec<(Language, Table)>, String> {
    static TABLES: OnceLock<Result<Vec<(Language, Table)>, String>> = OnceLock::new();
    TABLES.get_or_init(|| {
        SOURCES
            .iter()
            .map(|(language, json)| {
                serde_json::from_str::<Table>(json)
                    .map(|table| (*language, table))
                    .map_err(|err| format!("mail texts of {language:?}: {err}"))
            })
            .collect()
    })
}

/// The text under `key` in `language`.
pub fn text(language: Language, key: &str) -> Result<&'static str, ApiError> {
    let tables = tables()
        .as_ref()
        .map_err(|err| ApiError::broken(err.clone()))?;
    tables
        .iter()
        .find(|(l, _)| *l == language)
        .and_then(|(_, table)| table.get(key))
        .map(String::as_str)
        .ok_or_else(|| ApiError::broken(format!("no mail text {key} in {language:?}")))
}

/// The `{name}` placeholders of a text, in order.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        rest = &rest[start + 1..];
        match rest.find('}') {
            Some(end) if is_name(&rest[..end]) => {
                found.push(&rest[..end]);
                rest = &rest[end + 1..];
            }
            _ => {}
        }
    }
    found
}

fn is_name(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::mail::MailKind;

    fn table(language: Language) -> &'static Table {
        let tables = tables().as_ref().expect("mail texts parse");
        &tables
            .iter()
            .find(|(l, _)| *l == language)
            .expect("language")
            .1
    }

    #[test]
    fn every_language_has_every_key_with_the_same_placeholders() {
        let english = table(Language::En);
        for (language, _) in SOURCES {
            let other = table(language);
            let keys: BTreeSet<_> = other.keys().collect();
            let expected: BTreeSet<_> = english.keys().collect();
            assert_eq!(keys, expected, "keys of {language:?} differ from en");
            for (key, text) in other {
                let mut mine = placeholders(text);
                let mut theirs = placeholders(&english[key]);
                mine.sort_unstable();
                theirs.sort_unstable();
                assert_eq!(mine, theirs, "placeholders of {key} in {language:?}");
                assert!(!text.trim().is_empty(), "{key} in {language:?} is empty");
            }
        }
    }

    #[test]
    fn every_kind_has_its_texts_and_no_text_is_left_over() {
        let english = table(Language::En);
        let mut expected: BTreeSet<String> =
            ["common.greeting", "common.footer", "common.settings"]
                .map(String::from)
                .into();
        for kind in MailKind::ALL {
            for part in ["subject", "body", "action"] {
                expected.insert(format!("{}.{part}", kind.key()));
            }
        }
        let keys: BTreeSet<String> = english.keys().cloned().collect();
        let missing: Vec<_> = expected.difference(&keys).collect();
        assert!(missing.is_empty(), "texts missing: {missing:?}");
        // Other common.* texts may serve several kinds; anything else belongs to a kind.
        let unused: Vec<_> = keys
            .difference(&expected)
            .filter(|key| !key.starts_with("common."))
            .collect();
        assert!(unused.is_empty(), "texts of no kind: {unused:?}");
    }

    #[test]
    fn placeholders_are_lowercase_names_in_braces() {
        assert_eq!(placeholders("{a} {b_c} {D} {"), vec!["a", "b_c"]);
    }
}
