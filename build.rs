//! Generates the `i18n` module from `locales/*.json` (leptos_i18n) and refuses to build
//! when the locale files do not have exactly the same keys, or a text lacks a `{name}`
//! placeholder that another language's has (`support_api::template::fill` fills them): leptos_i18n
//! only warns about a missing or surplus key, and a missing translation must never ship.

use std::collections::{BTreeMap, BTreeSet};
use std::error::Error;
use std::fs;
use std::path::{Path, PathBuf};

use leptos_i18n_build::{Config, TranslationsInfos};
use serde_json::Value;

/// The default locale comes first.
const LOCALES: [&str; 4] = ["pl", "cs", "sk", "en"];

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=Cargo.toml");
    println!("cargo::rerun-if-changed=locales");

    let locales_dir = Path::new("locales");
    for locale in LOCALES {
        println!("cargo::rerun-if-changed=locales/{locale}.json");
    }
    check_same_keys(locales_dir)?;

    let mut cfg = Config::new(LOCALES[0])?;
    for locale in &LOCALES[1..] {
        cfg = cfg.add_locale(locale)?;
    }
    let translations = TranslationsInfos::parse(cfg)?;
    translations.emit_diagnostics();
    translations.rerun_if_locales_changed();

    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?);
    translations.generate_i18n_module(out_dir.join("i18n"))?;
    Ok(())
}

/// Fails with a list of every key that one locale has and another lacks, and of every
/// text whose placeholders differ from the default locale's.
fn check_same_keys(dir: &Path) -> Result<(), Box<dyn Error>> {
    let mut texts = Vec::new();
    for locale in LOCALES {
        let path = dir.join(format!("{locale}.json"));
        let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let value: Value =
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut leaves = BTreeMap::new();
        collect_leaves(&value, "", &mut leaves);
        texts.push((locale, leaves));
    }

    let all: BTreeSet<&String> = texts.iter().flat_map(|(_, leaves)| leaves.keys()).collect();
    let (default_locale, default_texts) = &texts[0];
    let mut problems = Vec::new();
    for (locale, leaves) in &texts {
        for key in &all {
            match (leaves.get(*key), default_texts.get(*key)) {
                (None, _) => problems.push(format!("locales/{locale}.json lacks the key `{key}`")),
                (Some(text), Some(default)) if placeholders(text) != placeholders(default) => {
                    problems.push(format!(
                        "locales/{locale}.json: `{key}` has the placeholders {:?}, \
                         locales/{default_locale}.json {:?}",
                        placeholders(text),
                        placeholders(default)
                    ))
                }
                _ => {}
            }
        }
    }
    if problems.is_empty() {
        return Ok(());
    }
    for problem in &problems {
        println!("cargo::error={problem}");
    }
    Err(format!("the locale files differ in {} place(s)", problems.len()).into())
}

/// The dotted path (`header.sign_out`) and text of every leaf.
fn collect_leaves(value: &Value, prefix: &str, leaves: &mut BTreeMap<String, String>) {
    match value {
        Value::Object(map) => {
            for (name, child) in map {
                let path = if prefix.is_empty() {
                    name.clone()
                } else {
                    format!("{prefix}.{name}")
                };
                collect_leaves(child, &path, leaves);
            }
        }
        Value::String(text) => {
            leaves.insert(prefix.to_owned(), text.clone());
        }
        other => {
            leaves.insert(prefix.to_owned(), other.to_string());
        }
    }
}

/// The names of a text's `{name}` placeholders.
fn placeholders(text: &str) -> BTreeSet<&str> {
    text.split('{')
        .skip(1)
        .filter_map(|after| after.split_once('}').map(|(name, _)| name))
        .filter(|name| !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_'))
        .collect()
}
