//! The customer workflows in docs/workflows/ run as written: every `sh` block of a page, in
//! order, in one bash script against a fresh test bed, with rosactl and the bed's AWS CLI on
//! PATH. A page whose commands drift from what rosactl does fails here.

use std::path::{Path, PathBuf};
use std::process::Stdio;

use rosa_testbed::TestBed;

/// The `sh` blocks of a Markdown page, in order.
fn sh_blocks(page: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in page.lines() {
        match (&mut current, line.trim_end()) {
            (None, "```sh") => current = Some(String::new()),
            (Some(_), "```") => blocks.push(current.take().unwrap_or_default()),
            (Some(block), l) => {
                block.push_str(l);
                block.push('\n');
            }
            (None, _) => {}
        }
    }
    assert!(current.is_none(), "an unclosed sh block");
    blocks
}

fn page_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../docs/workflows")
        .join(name)
}

fn run_page(name: &str) {
    run_file(&page_path(name));
}

fn run_file(file: &Path) {
    let name = file.display();
    let page = std::fs::read_to_string(file).unwrap();
    let blocks = sh_blocks(&page);
    assert!(!blocks.is_empty(), "{name} has no sh block");
    let bed = TestBed::with_managed_policies();
    let dir = tempfile::tempdir().unwrap();
    let mut script = String::from("set -euo pipefail\nset -x\n");
    for (i, block) in blocks.iter().enumerate() {
        script.push_str(&format!("# block {}\n{block}", i + 1));
    }
    let rosactl = Path::new(env!("CARGO_BIN_EXE_rosactl"));
    let venv_bin = rosa_testbed::aws::venv_dir().join("bin");
    let path = format!(
        "{}:{}:{}",
        rosactl.parent().unwrap().display(),
        venv_bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = bed
        .command("bash")
        .arg("-c")
        .arg(&script)
        .current_dir(dir.path())
        .env("PATH", path)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{name} failed (exit {:?}):\n{}\n--- stdout\n{}\n--- stderr\n{}",
        out.status.code(),
        script,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn first_setup() {
    run_page("first-setup.md");
}

#[test]
fn manual_setup() {
    run_page("manual-setup.md");
}

#[test]
fn ci() {
    run_page("ci.md");
}

#[test]
fn enterprise() {
    run_page("enterprise.md");
}

#[test]
fn fleet() {
    run_page("fleet.md");
}

#[test]
fn migration_runbook() {
    run_file(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/migration.md"));
}

#[test]
fn every_page_is_run_here() {
    let mut pages: Vec<String> = std::fs::read_dir(page_path(""))
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".md") && n != "README.md")
        .collect();
    pages.sort();
    assert_eq!(
        pages,
        [
            "ci.md",
            "enterprise.md",
            "first-setup.md",
            "fleet.md",
            "manual-setup.md"
        ],
        "a new workflow page needs its test here"
    );
}
