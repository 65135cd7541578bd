//! The server's modules depend on each other one way only: routes on actions, actions on
//! storage, never back. This reads the sources' `crate::`, `super::` and child-module
//! paths (production code: a file's `#[cfg(test)]` part is left out), builds the graph of
//! modules, and fails on any cycle, between files and between top-level modules alike.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

type Module = Vec<String>;

#[test]
fn modules_have_no_import_cycle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let sources = read_modules(&src, &src);
    let modules: BTreeSet<Module> = sources.keys().cloned().collect();
    let mut edges: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    for (module, code) in &sources {
        for path in paths(module, code, &modules) {
            if let Some(target) = resolve(&path, &modules)
                && target != *module
                && !target.is_empty()
            {
                edges.entry(module.clone()).or_default().insert(target);
            }
        }
    }
    assert!(
        edges.values().map(BTreeSet::len).sum::<usize>() > 50,
        "the graph is nearly empty: is the parser still reading the sources? {edges:?}"
    );
    let cycle = find_cycle(&edges);
    assert!(cycle.is_none(), "modules import each other: {cycle:?}");

    let mut top: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    for (from, targets) in &edges {
        for to in targets {
            if from[0] != to[0] {
                top.entry(vec![from[0].clone()])
                    .or_default()
                    .insert(vec![to[0].clone()]);
            }
        }
    }
    let cycle = find_cycle(&top);
    assert!(
        cycle.is_none(),
        "top-level modules import each other: {cycle:?}"
    );
}

/// Every module file under `dir` with its production code (`lib.rs` is the root, `[]`;
/// `main.rs` is another crate).
fn read_modules(root: &Path, dir: &Path) -> BTreeMap<Module, String> {
    let mut found = BTreeMap::new();
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            found.extend(read_modules(root, &path));
            continue;
        }
        let relative = path.strip_prefix(root).expect("under src");
        let mut module: Module = relative
            .with_extension("")
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        if module == ["main"] {
            continue;
        }
        if matches!(module.last().map(String::as_str), Some("mod" | "lib")) {
            module.pop();
        }
        let text = std::fs::read_to_string(&path).expect("read source");
        let production = text.split("#[cfg(test)]").next().unwrap_or_default();
        found.insert(module, strip_comments_and_strings(production));
    }
    found
}

fn strip_comments_and_strings(code: &str) -> String {
    let mut out = String::with_capacity(code.len());
    let mut chars = code.chars().peekable();
    let mut in_string = false;
    while let Some(c) = chars.next() {
        if in_string {
            match c {
                '\\' => {
                    chars.next();
                }
                '"' => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
            out.push_str("\"\"");
        } else if c == '/' && chars.peek() == Some(&'/') {
            for c in chars.by_ref() {
                if c == '\n' {
                    out.push('\n');
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The absolute module paths `code` (of `module`) names: `crate::…`, `super::…` and paths
/// through its own child modules, with `{…}` groups expanded.
fn paths(module: &Module, code: &str, modules: &BTreeSet<Module>) -> Vec<Module> {
    let chars: Vec<char> = code.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts_word = i == 0 || !(is_ident(chars[i - 1]) || chars[i - 1] == ':');
        if !starts_word || !is_ident(chars[i]) {
            i += 1;
            continue;
        }
        let (word, end) = ident(&chars, i);
        let base = match word.as_str() {
            "crate" => Some(Vec::new()),
            "super" => Some(module[..module.len().saturating_sub(1)].to_vec()),
            child => {
                let mut path = module.clone();
                path.push(child.to_owned());
                modules.contains(&path).then_some(module.clone())
            }
        };
        match base {
            Some(mut base) if chars.get(end..end + 2) == Some(&[':', ':']) => {
                if word != "crate" && word != "super" {
                    base.push(word);
                }
                let (trees, next) = tree(&chars, end + 2, base);
                found.extend(trees);
                i = next;
            }
            _ => i = end,
        }
    }
    found
}

/// Parses a use tree after `prefix::` at `i`: `a::b`, `{a, b::{c, self}}`, `*`.
fn tree(chars: &[char], mut i: usize, prefix: Module) -> (Vec<Module>, usize) {
    i = skip_space(chars, i);
    if chars.get(i) == Some(&'{') {
        let mut found = Vec::new();
        i += 1;
        loop {
            i = skip_space(chars, i);
            match chars.get(i) {
                None => return (found, i),
                Some('}') => return (found, i + 1),
                Some(',') => i += 1,
                Some(_) => {
                    let (trees, next) = tree(chars, i, prefix.clone());
                    found.extend(trees);
                    i = next.max(i + 1);
                }
            }
        }
    }
    if chars.get(i).is_some_and(|c| is_ident(*c)) {
        let (word, end) = ident(chars, i);
        let mut path = prefix;
        if word != "self" {
            path.push(word);
        }
        if chars.get(end..end + 2) == Some(&[':', ':']) {
            return tree(chars, end + 2, path);
        }
        return (vec![path], end);
    }
    (vec![prefix], i)
}

fn resolve(path: &Module, modules: &BTreeSet<Module>) -> Option<Module> {
    (0..=path.len())
        .rev()
        .map(|n| path[..n].to_vec())
        .find(|prefix| modules.contains(prefix))
}

/// A cycle as the list of modules along it, if the graph has one.
fn find_cycle(edges: &BTreeMap<Module, BTreeSet<Module>>) -> Option<Vec<Module>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Open,
        Done,
    }
    fn visit(
        node: &Module,
        edges: &BTreeMap<Module, BTreeSet<Module>>,
        marks: &mut BTreeMap<Module, Mark>,
        stack: &mut Vec<Module>,
    ) -> Option<Vec<Module>> {
        match marks.get(node) {
            Some(Mark::Done) => return None,
            Some(Mark::Open) => {
                let start = stack.iter().position(|m| m == node).unwrap_or(0);
                let mut cycle = stack[start..].to_vec();
                cycle.push(node.clone());
                return Some(cycle);
            }
            None => {}
        }
        marks.insert(node.clone(), Mark::Open);
        stack.push(node.clone());
        for next in edges.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, edges, marks, stack) {
                return Some(cycle);
            }
        }
        stack.pop();
        marks.insert(node.clone(), Mark::Done);
        None
    }
    let mut marks = BTreeMap::new();
    edges
        .keys()
        .find_map(|node| visit(node, edges, &mut marks, &mut Vec::new()))
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

fn ident(chars: &[char], start: usize) -> (String, usize) {
    let end = (start..chars.len())
        .find(|&j| !is_ident(chars[j]))
        .unwrap_or(chars.len());
    (chars[start..end].iter().collect(), end)
}

fn skip_space(chars: &[char], mut i: usize) -> usize {
    while chars.get(i).is_some_and(|c| c.is_whitespace()) {
        i += 1;
    }
    i
}
