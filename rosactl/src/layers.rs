//! The crate's layering, checked on its own sources: which module names which.
//!
//! - No import circles between modules (a module naming its own ancestor or descendant, as
//!   `cluster/network.rs` uses `cluster`'s shared tags and `commands/mod.rs` dispatches to each
//!   command, is nesting, not a circle).
//! - Clap types stay in `cli` and `commands/`: nothing below them names `crate::cli` or clap.
//! - The cluster layer neither prints nor names a command.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, with its module path (`crate::cluster::network`).
fn modules(root: &Path) -> BTreeMap<String, PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    let mut files = Vec::new();
    walk(root, &mut files);
    files
        .into_iter()
        .filter_map(|p| {
            let rel = p.strip_prefix(root).unwrap().with_extension("");
            let mut parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            match parts.last().map(String::as_str) {
                Some("main") | Some("layers") => return None,
                Some("lib") if parts.len() == 1 => parts.clear(),
                Some("mod") => {
                    parts.pop();
                }
                _ => {}
            }
            let name = std::iter::once("crate".to_string())
                .chain(parts)
                .collect::<Vec<_>>()
                .join("::");
            Some((name, p))
        })
        .collect()
}

/// The source without comments and without its unit tests (`#[cfg(test)] mod tests`).
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(i) => &text[..i],
        None => &text[..],
    };
    text.lines()
        .map(|l| match l.trim_start().starts_with("//") {
            true => "",
            false => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The paths `src` names: `crate::a::b…`, `super::a…` (resolved against `module`).
fn references(module: &str, src: &str, known: &BTreeSet<String>) -> BTreeSet<String> {
    let parent = module.rsplit_once("::").map_or("crate", |(p, _)| p);
    let mut found = BTreeSet::new();
    for (prefix, base) in [("crate::", "crate"), ("super::", parent)] {
        let mut rest = src;
        while let Some(i) = rest.find(prefix) {
            let before = rest[..i].chars().last();
            rest = &rest[i + prefix.len()..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let path: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            // The longest known module the path starts with.
            let mut target = base.to_string();
            let mut candidate = base.to_string();
            for seg in path.split("::").filter(|s| !s.is_empty()) {
                candidate = format!("{candidate}::{seg}");
                if known.contains(&candidate) {
                    target = candidate.clone();
                } else {
                    break;
                }
            }
            found.insert(target);
        }
    }
    found
}

fn nested(a: &str, b: &str) -> bool {
    a == b || a.starts_with(&format!("{b}::")) || b.starts_with(&format!("{a}::"))
}

fn graph() -> (BTreeMap<String, BTreeSet<String>>, BTreeMap<String, String>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mods = modules(&root);
    let known: BTreeSet<String> = mods.keys().cloned().collect();
    let mut edges = BTreeMap::new();
    let mut sources = BTreeMap::new();
    for (m, path) in &mods {
        let src = code(path);
        let refs: BTreeSet<String> = references(m, &src, &known)
            .into_iter()
            .filter(|t| !nested(m, t))
            .collect();
        edges.insert(m.clone(), refs);
        sources.insert(m.clone(), src);
    }
    (edges, sources)
}

/// A circle in `edges`, as the modules along it, if there is one.
fn circle(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        n: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(n.to_string(), 1);
        stack.push(n.to_string());
        for t in edges.get(n).into_iter().flatten() {
            match state.get(t.as_str()).copied().unwrap_or(0) {
                1 => {
                    let from = stack.iter().position(|s| s == t).unwrap();
                    let mut c = stack[from..].to_vec();
                    c.push(t.clone());
                    return Some(c);
                }
                0 => {
                    if let Some(c) = visit(t, edges, state, stack) {
                        return Some(c);
                    }
                }
                _ => {}
            }
        }
        stack.pop();
        state.insert(n.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for n in edges.keys() {
        if state.get(n.as_str()).copied().unwrap_or(0) == 0 {
            let mut stack = Vec::new();
            if let Some(c) = visit(n, edges, &mut state, &mut stack) {
                return Some(c);
            }
        }
    }
    None
}

#[test]
fn no_module_circles() {
    let (edges, _) = graph();
    assert!(edges.len() > 40, "the sources were found: {}", edges.len());
    assert!(
        edges["crate::commands::cluster_vpc"].contains("crate::cluster::network"),
        "references are seen: {:?}",
        edges["crate::commands::cluster_vpc"]
    );
    if let Some(c) = circle(&edges) {
        panic!("an import circle: {}", c.join(" -> "));
    }
}

#[test]
fn the_circle_finder_finds_one() {
    let edges = BTreeMap::from([
        ("a".to_string(), BTreeSet::from(["b".to_string()])),
        ("b".to_string(), BTreeSet::from(["c".to_string()])),
        ("c".to_string(), BTreeSet::from(["a".to_string()])),
    ]);
    assert_eq!(circle(&edges).unwrap(), ["a", "b", "c", "a"]);
    let known = BTreeSet::from(["crate::x".to_string(), "crate::x::y".to_string()]);
    assert_eq!(
        references(
            "crate::x::z",
            "use super::y::Thing; crate::x::Other",
            &known
        ),
        BTreeSet::from(["crate::x".to_string(), "crate::x::y".to_string()])
    );
}

#[test]
fn clap_stays_in_the_command_layer_and_the_cluster_layer_does_not_print() {
    let (edges, sources) = graph();
    for (m, refs) in &edges {
        let upper =
            m == "crate::cli" || m == "crate::commands" || m.starts_with("crate::commands::");
        if upper {
            continue;
        }
        assert!(
            !refs.contains("crate::cli") && !sources[m].contains("clap::"),
            "{m} names a clap type (crate::cli or clap): parsed arguments end in commands/"
        );
        if m.starts_with("crate::cluster") || m.starts_with("crate::deploy") {
            assert!(
                !refs.iter().any(|r| r.starts_with("crate::commands")),
                "{m} names a command: {refs:?}"
            );
        }
        if m.starts_with("crate::cluster") {
            for banned in ["println!", "eprintln!", "crate::output"] {
                assert!(!sources[m].contains(banned), "{m} prints ({banned})");
            }
        }
    }
}
