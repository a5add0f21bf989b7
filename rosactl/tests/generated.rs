//! `completions/` and `man/` are generated from the clap definitions and committed; this test
//! fails when they are stale. Regenerate with:
//!
//!     UPDATE_GENERATED=1 cargo test -p rosactl --test generated

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use clap_complete::Shell;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn man_page(cmd: clap::Command, title: &str) -> Vec<u8> {
    let mut out = Vec::new();
    clap_mangen::Man::new(cmd)
        .title(title.to_uppercase())
        .section("1")
        .manual("rosactl manual")
        .source(format!("rosactl {}", env!("CARGO_PKG_VERSION")))
        .render(&mut out)
        .unwrap();
    out
}

/// Every generated file, by path relative to the workspace root.
fn expected() -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for (shell, name) in [
        (Shell::Bash, "rosactl.bash"),
        (Shell::Zsh, "_rosactl"),
        (Shell::Fish, "rosactl.fish"),
        (Shell::PowerShell, "_rosactl.ps1"),
    ] {
        let mut out = Vec::new();
        clap_complete::generate(shell, &mut rosactl::cli::command(), "rosactl", &mut out);
        files.insert(format!("completions/{name}"), out);
    }

    let mut cmd = rosactl::cli::command();
    cmd.build();
    files.insert("man/rosactl.1".into(), man_page(cmd.clone(), "rosactl"));
    // (page title, command words, command)
    let mut stack: Vec<(String, String, clap::Command)> = cmd
        .get_subcommands()
        .filter(|s| s.get_name() != "help")
        .map(|s| {
            (
                format!("rosactl-{}", s.get_name()),
                format!("rosactl {}", s.get_name()),
                s.clone(),
            )
        })
        .collect();
    while let Some((title, words, sub)) = stack.pop() {
        for nested in sub.get_subcommands().filter(|s| s.get_name() != "help") {
            stack.push((
                format!("{title}-{}", nested.get_name()),
                format!("{words} {}", nested.get_name()),
                nested.clone(),
            ));
        }
        files.insert(
            format!("man/{title}.1"),
            man_page(sub.bin_name(words), &title),
        );
    }
    files
}

fn existing(dir: &str) -> Vec<String> {
    std::fs::read_dir(root().join(dir))
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .map(|e| format!("{dir}/{}", e.file_name().to_string_lossy()))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn completions_and_man_pages_are_current() {
    let expected = expected();
    let update = std::env::var_os("UPDATE_GENERATED").is_some();
    let mut stale = Vec::new();
    for (path, content) in &expected {
        let full = root().join(path);
        if std::fs::read(&full).ok().as_deref() != Some(content.as_slice()) {
            if update {
                std::fs::create_dir_all(full.parent().unwrap()).unwrap();
                std::fs::write(&full, content).unwrap();
            } else {
                stale.push(path.clone());
            }
        }
    }
    for path in existing("completions").into_iter().chain(existing("man")) {
        if !expected.contains_key(&path) {
            if update {
                std::fs::remove_file(root().join(&path)).unwrap();
            } else {
                stale.push(format!("{path} (no longer generated)"));
            }
        }
    }
    assert!(
        stale.is_empty(),
        "generated files are stale: {stale:?}\nregenerate with: UPDATE_GENERATED=1 cargo test -p rosactl --test generated"
    );
}

#[test]
fn every_command_has_a_man_page() {
    let expected = expected();
    for name in [
        "version",
        "export-lambdas",
        "completion",
        "setup-account",
        "register-account",
        "cleanup-access",
        "cleanup-account",
        "init",
        "whoami",
        "create-cluster",
        "list-clusters",
        "describe-cluster",
        "delete-cluster",
        "cluster-create",
    ] {
        assert!(
            expected.contains_key(&format!("man/rosactl-{name}.1")),
            "{name}"
        );
    }
}
