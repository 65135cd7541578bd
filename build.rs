//! Generates the `i18n` module from `locales/*.json` (leptos_i18n) and refuses to build
//! when the locale files do not have exactly the same keys: leptos_i18n only warns
//! about a missing or surplus key, and a missing translation must never ship.

use std::collections::BTreeSet;
use std::error::Error;
use std::fs;
use std::path::{Path, PathBuf};

use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};
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

    let options = ParseOptions::default().interpolate_display(true);
    let mut cfg = Config::new(LOCALES[0])?.parse_options(options);
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

/// Fails with a list of every key that one locale has and another lacks.
fn check_same_keys(dir: &Path) -> Result<(), Box<dyn Error>> {
    let mut sets = Vec::new();
    for locale in LOCALES {
        let path = dir.join(format!("{locale}.json"));
        let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let value: Value =
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        let mut keys = BTreeSet::new();
        collect_keys(&value, "", &mut keys);
        sets.push((locale, keys));
    }

    let all: BTreeSet<&String> = sets.iter().flat_map(|(_, keys)| keys).collect();
    let mut problems = Vec::new();
    for (locale, keys) in &sets {
        for key in &all {
            if !keys.contains(*key) {
                problems.push(format!("locales/{locale}.json lacks the key `{key}`"));
            }
        }
    }
    if problems.is_empty() {
        return Ok(());
    }
    for problem in &problems {
        println!("cargo::error={problem}");
    }
    Err(format!("the locale files differ in {} key(s)", problems.len()).into())
}

/// Collects the dotted paths of all leaves (`header.sign_out`).
fn collect_keys(value: &Value, prefix: &str, keys: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (name, child) in map {
                let path = if prefix.is_empty() {
                    name.clone()
                } else {
                    format!("{prefix}.{name}")
                };
                collect_keys(child, &path, keys);
            }
        }
        _ => {
            keys.insert(prefix.to_owned());
        }
    }
}
