//! What rosactl's test targets share: the binary run against a test bed, its output read,
//! an inventory taken. Each target uses part of it (`mod common;`).
#![allow(dead_code)]

use std::process::{Command, Output, Stdio};

use rosa_testbed::TestBed;
use rosa_testbed::inventory;
use serde_json::Value;

/// The test seam's variable: a second package variant (src/payloads.rs, `test-seams` only).
pub const VARIANT: &str = "ROSACTL_TEST_PACKAGE_VARIANT";

/// rosactl against `bed`, stdin closed, with the embedded packages as they are.
pub fn rosactl(bed: &TestBed) -> Command {
    rosactl_variant(bed, None)
}

/// rosactl against `bed`, stdin closed, with package variant `variant` when given.
pub fn rosactl_variant(bed: &TestBed, variant: Option<&str>) -> Command {
    let mut cmd = bed.command(env!("CARGO_BIN_EXE_rosactl"));
    cmd.stdin(Stdio::null());
    match variant {
        Some(v) => cmd.env(VARIANT, v),
        None => cmd.env_remove(VARIANT),
    };
    cmd
}

/// rosactl against `bed` in `region` (AWS_REGION and AWS_DEFAULT_REGION), stdin closed.
pub fn rosactl_in(bed: &TestBed, region: &str) -> Command {
    let mut cmd = bed.command(env!("CARGO_BIN_EXE_rosactl"));
    cmd.stdin(Stdio::null())
        .env("AWS_REGION", region)
        .env("AWS_DEFAULT_REGION", region);
    cmd
}

pub fn run(bed: &TestBed, args: &[&str]) -> Output {
    rosactl(bed).args(args).output().unwrap()
}

pub fn run_variant(bed: &TestBed, variant: Option<&str>, args: &[&str]) -> Output {
    rosactl_variant(bed, variant).args(args).output().unwrap()
}

/// Runs `args`; it must succeed.
pub fn ok(bed: &TestBed, args: &[&str]) -> Output {
    ok_variant(bed, None, args)
}

pub fn ok_variant(bed: &TestBed, variant: Option<&str>, args: &[&str]) -> Output {
    let out = run_variant(bed, variant, args);
    assert!(out.status.success(), "{args:?}: {}", outcome(&out));
    out
}

pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Exit code, stdout and stderr, for an assertion's message.
pub fn outcome(o: &Output) -> String {
    format!(
        "exit {:?}\nstdout:\n{}\nstderr:\n{}",
        o.status.code(),
        text(&o.stdout),
        text(&o.stderr)
    )
}

/// The command's stdout as JSON.
pub fn json_of(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", outcome(o)))
}

/// The account as the SDK sees it (rosa_testbed::inventory).
pub fn inventory_of(bed: &TestBed) -> Value {
    tokio::runtime::Runtime::new()
        .unwrap()
        .block_on(inventory::take(bed, &mut Default::default()))
}

/// The inventory without the history's move-back records (`"kind": "revert"`, in each
/// bucket's `history`) and the moves they undo, and how many move-backs there were: what a
/// promotion or rollback that failed part-way (all or nothing) adds to the history.
pub fn without_reverts(inventory: &Value) -> (Value, usize) {
    fn walk(v: &mut Value, removed: &mut usize) {
        let Some(map) = v.as_object_mut() else { return };
        for (key, value) in map.iter_mut() {
            match value.as_array_mut() {
                Some(list) if key == "history" => {
                    // Each move back, and the move it undoes.
                    while let Some(at) = list.iter().position(|r| r["kind"] == "revert") {
                        let back = list.remove(at);
                        let undone = list.iter().position(|r| {
                            r["kind"] != "revert"
                                && r["function"] == back["function"]
                                && r["alias"] == back["alias"]
                                && r["from_version"] == back["to_version"]
                                && r["to_version"] == back["from_version"]
                        });
                        if let Some(undone) = undone {
                            list.remove(undone);
                        }
                        *removed += 1;
                    }
                }
                _ => walk(value, removed),
            }
        }
    }
    let mut v = inventory.clone();
    let mut removed = 0;
    walk(&mut v, &mut removed);
    (v, removed)
}

/// Runs an administrator's script (`setup-account --mode manual`) with the AWS CLI of the
/// bed's venv, against the bed, in `region`.
pub fn run_script(bed: &TestBed, region: &str, script: &std::path::Path) -> Output {
    let cli = rosa_testbed::aws::venv_dir().join("bin").join("aws");
    assert!(
        cli.exists(),
        "the bed's venv has no AWS CLI at {}",
        cli.display()
    );
    let path = format!(
        "{}:{}",
        cli.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    bed.command("bash")
        .arg(script)
        .env("PATH", path)
        .env("AWS_REGION", region)
        .env("AWS_DEFAULT_REGION", region)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

/// `status --check -o json`: its exit code and document.
pub fn status_check(bed: &TestBed) -> (i32, Value) {
    let out = run(bed, &["status", "--check", "-o", "json"]);
    (out.status.code().unwrap(), json_of(&out))
}

/// A function's entry in a `status` document.
pub fn function_status<'a>(status: &'a Value, name: &str) -> &'a Value {
    status["functions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["function_name"] == name)
        .unwrap()
}
