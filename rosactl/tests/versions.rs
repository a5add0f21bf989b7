//! Version management through the real binary against the test bed: update-lambdas,
//! promote-lambdas (with a canary), rollback-lambdas and history. A second package comes
//! from the `test-seams` feature (`ROSACTL_TEST_PACKAGE_VARIANT`): the same code in a zip
//! with another comment, so another SHA-256. Every invocation runs the real bootstraps.

mod common;
use common::{VARIANT, rosactl_variant, run_variant};

use std::collections::BTreeMap;
use std::io::Write;
use std::process::{Command, Output, Stdio};

use rosa_testbed::TestBed;
use serde_json::Value;

const FUNCTIONS: [&str; 3] = [
    "rosa-oidc-provisioner",
    "rosa-preflight-checker",
    "rosa-network-verifier",
];
fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn ok_json(bed: &TestBed, variant: Option<&str>, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["-o", "json"]);
    let out = run_variant(bed, variant, &all);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{args:?}: {e}: {}", String::from_utf8_lossy(&out.stdout)))
}

/// Runs `args` and returns the mutating AWS calls it made.
fn writes_of(bed: &TestBed, variant: Option<&str>, args: &[&str]) -> Vec<String> {
    bed.aws.clear_operations().unwrap();
    let out = run_variant(bed, variant, args);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    bed.aws.writes()
}

fn lambda(config: &aws_config::SdkConfig) -> aws_sdk_lambda::Client {
    aws_sdk_lambda::Client::new(config)
}

/// Each function's `alias`: (version, weights).
async fn aliases(
    bed: &TestBed,
    alias: &str,
) -> BTreeMap<&'static str, (String, BTreeMap<String, f64>)> {
    let client = lambda(&bed.sdk_config().await);
    let mut found = BTreeMap::new();
    for name in FUNCTIONS {
        let a = client
            .get_alias()
            .function_name(name)
            .name(alias)
            .send()
            .await
            .unwrap();
        let weights = a
            .routing_config
            .and_then(|r| r.additional_version_weights)
            .unwrap_or_default()
            .into_iter()
            .filter(|(_, w)| *w > 0.0)
            .collect();
        found.insert(name, (a.function_version.unwrap(), weights));
    }
    found
}

fn all_at(version: &str) -> BTreeMap<&'static str, (String, BTreeMap<String, f64>)> {
    FUNCTIONS
        .iter()
        .map(|n| (*n, (version.to_string(), BTreeMap::new())))
        .collect()
}

/// The SHA-256s (hex) of the packages this binary deploys with `variant`.
fn manifest_sha256(variant: Option<&str>) -> BTreeMap<String, String> {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rosactl"));
    match variant {
        Some(v) => cmd.env(VARIANT, v),
        None => cmd.env_remove(VARIANT),
    };
    let out = cmd.args(["version", "-o", "json"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    v["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["function_name"].as_str().unwrap().to_string(),
                p["sha256"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn update_promote_with_a_canary_finish_and_roll_back() {
    let bed = TestBed::start();
    ok_json(&bed, None, &["setup-account", "--yes"]);
    assert_eq!(aliases(&bed, "prod").await, all_at("1"));

    // The embedded package is what staging runs: nothing to do, no writes.
    assert_eq!(
        writes_of(&bed, None, &["update-lambdas", "--yes"]),
        Vec::<String>::new()
    );

    // A new package: the seam's variant differs from what was deployed.
    let original = manifest_sha256(None);
    let new = manifest_sha256(Some("2"));
    for name in FUNCTIONS {
        assert_ne!(
            original[name], new[name],
            "{name}: the variant is another package"
        );
    }

    // --dry-run shows the plan and changes nothing.
    bed.aws.clear_operations().unwrap();
    let plan = ok_json(&bed, Some("2"), &["update-lambdas", "--dry-run"]);
    assert_eq!(plan["dry_run"], true);
    let moves: Vec<&Value> = plan["steps"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["action"] == "update_alias")
        .collect();
    assert_eq!(moves.len(), 3, "{plan}");
    assert!(
        moves
            .iter()
            .all(|s| s["alias"] == "staging" && s["target"] == "published")
    );
    assert_eq!(bed.aws.writes(), Vec::<String>::new());

    // update-lambdas moves staging only, to a version holding exactly the new package.
    let report = ok_json(&bed, Some("2"), &["update-lambdas", "--yes"]);
    assert_eq!(report["changed"], true);
    for v in report["validation"].as_array().unwrap() {
        assert_eq!(v["ok"], true, "{v}");
        assert_eq!(v["qualifier"], "staging");
    }
    assert_eq!(report["validation"].as_array().unwrap().len(), 3);
    assert_eq!(aliases(&bed, "staging").await, all_at("2"));
    assert_eq!(aliases(&bed, "prod").await, all_at("1"));
    let client = lambda(&bed.sdk_config().await);
    for name in FUNCTIONS {
        let v2 = client
            .get_function_configuration()
            .function_name(name)
            .qualifier("2")
            .send()
            .await
            .unwrap();
        let hex = rosactl::commands::lifecycle::hex_sha256(&v2.code_sha256.unwrap());
        assert_eq!(hex, new[name], "{name}: version 2 holds the new package");
    }
    for row in report["aliases"].as_array().unwrap() {
        assert_eq!(row["alias"], "staging");
        assert_eq!(row["embedded"], true, "{row}");
    }
    // A second run: zero writes.
    assert_eq!(
        writes_of(&bed, Some("2"), &["update-lambdas", "--yes"]),
        Vec::<String>::new()
    );

    // setup-account with the new package sees prod on the old one, says what to run, and
    // moves no alias, publishes nothing, touches no code (it may re-tag `rosa:version`).
    bed.aws.clear_operations().unwrap();
    let summary = ok_json(&bed, Some("2"), &["setup-account", "--yes"]);
    let notes: Vec<&str> = summary["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap())
        .collect();
    assert_eq!(notes.len(), 3, "{notes:?}");
    for note in &notes {
        assert!(note.contains(":prod runs version 1"), "{note}");
        assert!(note.contains("rosactl update-lambdas"), "{note}");
        assert!(
            note.contains("rosactl promote-lambdas --from staging --to prod"),
            "{note}"
        );
    }
    let lambda_writes: Vec<String> = bed
        .aws
        .writes()
        .into_iter()
        .filter(|o| o.starts_with("lambda:") && !o.ends_with("/invocations"))
        .collect();
    assert_eq!(lambda_writes, Vec::<String>::new());
    assert_eq!(aliases(&bed, "prod").await, all_at("1"));
    assert_eq!(aliases(&bed, "staging").await, all_at("2"));

    // A canary: prod keeps version 1 primary and sends 10% to version 2. The check invoked
    // each function's staging alias first.
    bed.aws.clear_operations().unwrap();
    ok_json(&bed, None, &["promote-lambdas", "--canary", "10", "--yes"]);
    let ops = bed.aws.operations().unwrap();
    for name in FUNCTIONS {
        assert!(
            ops.iter().any(
                |o| o.contains(&format!("functions/{name}%3Astaging/invocations"))
                    || o.contains(&format!("functions/{name}:staging/invocations"))
            ),
            "{name}: staging checked before moving: {ops:?}"
        );
    }
    let canary: BTreeMap<String, f64> = BTreeMap::from([("2".to_string(), 0.1)]);
    for (name, (version, weights)) in aliases(&bed, "prod").await {
        assert_eq!(version, "1", "{name}");
        assert_eq!(weights, canary, "{name}");
    }
    assert_eq!(
        writes_of(&bed, None, &["promote-lambdas", "--canary", "10", "--yes"]),
        Vec::<String>::new(),
        "the same canary again: zero writes"
    );

    // --finish makes version 2 prod's only version; promoting again changes nothing.
    ok_json(&bed, None, &["promote-lambdas", "--finish", "--yes"]);
    assert_eq!(aliases(&bed, "prod").await, all_at("2"));
    assert_eq!(
        writes_of(&bed, None, &["promote-lambdas", "--yes"]),
        Vec::<String>::new(),
        "both aliases agree: zero writes"
    );

    // Rollback from a fresh process with no local files (another HOME, another directory):
    // the history lives in the account.
    let elsewhere = tempfile::tempdir().unwrap();
    let out = rosactl_variant(&bed, None)
        .env("HOME", elsewhere.path())
        .current_dir(elsewhere.path())
        .args(["rollback-lambdas", "--dry-run"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(
        shown.contains("back from version 2 to version 1"),
        "{shown}"
    );
    let out = rosactl_variant(&bed, None)
        .env("HOME", elsewhere.path())
        .current_dir(elsewhere.path())
        .args(["rollback-lambdas", "--yes"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(aliases(&bed, "prod").await, all_at("1"));
    assert_eq!(
        aliases(&bed, "staging").await,
        all_at("2"),
        "staging untouched"
    );

    // Nothing earlier than the version prod was created with: a clear error, no writes.
    bed.aws.clear_operations().unwrap();
    let out = run_variant(&bed, None, &["rollback-lambdas", "--yes"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("no earlier version to roll back to"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("--to-version"), "{}", stderr(&out));
    assert_eq!(bed.aws.writes(), Vec::<String>::new());

    // An explicit version works; one that does not exist is named.
    let out = run_variant(
        &bed,
        None,
        &["rollback-lambdas", "--to-version", "7", "--yes"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("has no version 7 (published versions: 1, 2)"),
        "{}",
        stderr(&out)
    );

    // Rolling back to where the alias already is: zero writes.
    assert_eq!(
        writes_of(
            &bed,
            None,
            &["rollback-lambdas", "--to-version", "1", "--yes"]
        ),
        Vec::<String>::new()
    );

    // history lists every move with who, when, and the code.
    let history = ok_json(&bed, None, &["history", "--function", "network-verifier"]);
    let kinds: Vec<(&str, &str, Option<&str>, &str)> = history["moves"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["alias"].as_str().unwrap(),
                m["kind"].as_str().unwrap(),
                m["from_version"].as_str(),
                m["to_version"].as_str().unwrap(),
            )
        })
        .collect();
    // The two aliases are created in the same run: either may be recorded first.
    let mut created = kinds[..2].to_vec();
    created.sort();
    assert_eq!(
        created,
        vec![
            ("prod", "create", None, "1"),
            ("staging", "create", None, "1")
        ]
    );
    let moves = history["moves"].as_array().unwrap();
    for m in moves {
        assert_eq!(m["function"], "rosa-network-verifier");
        assert!(
            m["caller_arn"].as_str().unwrap().starts_with("arn:aws:"),
            "{m}"
        );
        assert_eq!(m["rosactl_version"], env!("CARGO_PKG_VERSION"));
        assert!(m["time"].as_str().unwrap().ends_with('Z'), "{m}");
    }
    assert_eq!(moves[2]["sha256"], new["rosa-network-verifier"]);
    assert_eq!(moves[5]["sha256"], original["rosa-network-verifier"]);
    assert_eq!(
        kinds[2..],
        vec![
            ("staging", "update", Some("1"), "2"),
            ("prod", "canary", Some("1"), "1"),
            ("prod", "finish", Some("1"), "2"),
            ("prod", "rollback", Some("2"), "1"),
        ]
    );
}

/// Staging runs a new package everywhere; prod does not.
fn released(bed: &TestBed) {
    ok_json(bed, None, &["setup-account", "--yes"]);
    ok_json(bed, Some("2"), &["update-lambdas", "--yes"]);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_failure_while_promoting_the_third_function_leaves_all_three_where_they_were() {
    let bed = TestBed::start();
    released(&bed);
    // Lambda refuses to move the third function's prod alias (UpdateAlias is a PUT on it).
    bed.aws
        .inject_fault(
            "lambda:PUT /2015-03-31/functions/rosa-network-verifier/aliases/prod$",
            500,
            "ServiceException",
            100,
        )
        .unwrap();
    bed.aws.clear_operations().unwrap();
    let out = run_variant(&bed, None, &["promote-lambdas", "--yes"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("rosa-network-verifier"), "{err}");
    assert!(err.contains("put back"), "{err}");
    assert!(
        err.contains("rosa-oidc-provisioner:prod put back to version 1"),
        "{err}"
    );
    assert!(
        err.contains("rosa-preflight-checker:prod put back to version 1"),
        "{err}"
    );
    assert_eq!(aliases(&bed, "prod").await, all_at("1"));
    // The two that moved were moved, then put back: counted, not guessed.
    let puts = bed
        .aws
        .operations()
        .unwrap()
        .into_iter()
        .filter(|o| o.contains("PUT /2015-03-31/functions/") && o.ends_with("/aliases/prod"))
        .collect::<Vec<_>>();
    let moved_back = |name: &str| puts.iter().filter(|o| o.contains(name)).count();
    assert_eq!(moved_back("rosa-oidc-provisioner"), 2, "{puts:?}");
    assert_eq!(moved_back("rosa-preflight-checker"), 2, "{puts:?}");

    // The history says so, and a rollback does not take anything further back.
    let history = ok_json(&bed, None, &["history", "--alias", "prod"]);
    let kinds: Vec<&str> = history["moves"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds.iter().filter(|k| **k == "revert").count(),
        2,
        "{kinds:?}"
    );

    bed.aws.clear_faults().unwrap();
    ok_json(&bed, None, &["promote-lambdas", "--yes"]);
    assert_eq!(aliases(&bed, "prod").await, all_at("2"));
    assert_eq!(
        writes_of(&bed, None, &["promote-lambdas", "--yes"]),
        Vec::<String>::new()
    );
}

/// A zip whose bootstrap exits at once: a function that fails every invocation.
fn broken_zip() -> Vec<u8> {
    let mut buf = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut buf);
    let options = zip::write::SimpleFileOptions::default().unix_permissions(0o755);
    zip.start_file("bootstrap", options).unwrap();
    zip.write_all(b"#!/bin/sh\necho broken >&2\nexit 3\n")
        .unwrap();
    zip.finish().unwrap();
    buf.into_inner()
}

#[tokio::test(flavor = "multi_thread")]
async fn promote_refuses_when_staging_fails_its_check() {
    let bed = TestBed::start();
    ok_json(&bed, None, &["setup-account", "--yes"]);
    // Someone put broken code behind staging of one function.
    let client = lambda(&bed.sdk_config().await);
    let name = "rosa-preflight-checker";
    client
        .update_function_code()
        .function_name(name)
        .zip_file(aws_sdk_lambda::primitives::Blob::new(broken_zip()))
        .send()
        .await
        .unwrap();
    let broken = client
        .publish_version()
        .function_name(name)
        .send()
        .await
        .unwrap()
        .version
        .unwrap();
    client
        .update_alias()
        .function_name(name)
        .name("staging")
        .function_version(&broken)
        .send()
        .await
        .unwrap();

    bed.aws.clear_operations().unwrap();
    let out = run_variant(&bed, None, &["promote-lambdas", "--yes"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("nothing was changed"), "{err}");
    assert!(
        err.contains(&format!("{name}:staging did not answer as expected")),
        "{err}"
    );
    let writes: Vec<String> = bed
        .aws
        .writes()
        .into_iter()
        .filter(|o| !o.ends_with("/invocations"))
        .collect();
    // The alias lock was taken (the command meant to move aliases) and given back; nothing
    // else was written.
    let writes: Vec<String> = writes
        .into_iter()
        .filter(|w| !w.contains("/locks/aliases.json"))
        .collect();
    assert_eq!(writes, Vec::<String>::new(), "only the check invocations");
    assert_eq!(aliases(&bed, "prod").await, all_at("1"));

    // --skip-check moves it anyway (the operator knows why).
    ok_json(
        &bed,
        None,
        &[
            "promote-lambdas",
            "--skip-check",
            "--function",
            "preflight-checker",
            "--yes",
        ],
    );
    let prod = aliases(&bed, "prod").await;
    assert_eq!(prod[name].0, broken);
    assert_eq!(prod["rosa-oidc-provisioner"].0, "1");
}

#[test]
fn bad_input_is_named_before_any_call() {
    let bed = TestBed::start();
    for (args, needle, code) in [
        (vec!["promote-lambdas", "--canary", "0"], "--canary", 2),
        (vec!["promote-lambdas", "--canary", "100"], "--canary", 2),
        (
            vec!["promote-lambdas", "--canary", "10", "--finish"],
            "--finish",
            2,
        ),
        (
            vec!["promote-lambdas", "--from", "prod"],
            "--from and --to are both",
            2,
        ),
        (vec!["promote-lambdas", "--bake", "10"], "--canary", 2),
        (
            vec!["update-lambdas", "--alias", "12"],
            "--alias: expected an alias name",
            2,
        ),
        (
            vec!["rollback-lambdas", "--to-version", "latest"],
            "--to-version: expected a published version",
            2,
        ),
        (
            vec!["history", "--function", "oidc"],
            "--function: unknown function",
            2,
        ),
    ] {
        let out = run_variant(&bed, None, &args);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(needle), "{args:?}: {}", stderr(&out));
    }
    assert_eq!(
        bed.aws.operations().unwrap(),
        Vec::<String>::new(),
        "nothing was sent to AWS"
    );
}

#[test]
fn commands_on_an_account_never_set_up_say_what_to_run() {
    let bed = TestBed::start();
    for args in [
        vec!["update-lambdas", "--yes"],
        vec!["promote-lambdas", "--yes"],
        vec!["rollback-lambdas", "--yes"],
    ] {
        let out = run_variant(&bed, Some("2"), &args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("setup-account"),
            "{args:?}: {}",
            stderr(&out)
        );
        assert!(
            stderr(&out).contains("nothing was changed"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    assert_eq!(bed.aws.writes(), Vec::<String>::new());
    let out = run_variant(&bed, None, &["history"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("No alias moves recorded"));
}

#[test]
fn prod_updates_need_a_confirmation_off_a_terminal() {
    let bed = TestBed::start();
    let out = run_variant(&bed, None, &["setup-account", "--yes"]);
    assert!(out.status.success(), "{}", stderr(&out));
    bed.aws.clear_operations().unwrap();
    let out = run_variant(&bed, Some("2"), &["update-lambdas", "--alias", "prod"]);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("straight to prod"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("pass --yes"), "{}", stderr(&out));
    assert_eq!(bed.aws.writes(), Vec::<String>::new());
}

/// A bed with version 1 in prod and version 2 in staging (the seam's second package).
fn staged() -> TestBed {
    let bed = TestBed::start();
    ok_json(&bed, None, &["setup-account", "--yes"]);
    ok_json(&bed, Some("2"), &["update-lambdas", "--yes"]);
    bed
}

/// `--canary 10 --bake 1`: the canary moves, the bake waits, the new version's check passes,
/// and the canary finishes by itself: version 2 is prod's only version.
#[tokio::test(flavor = "multi_thread")]
async fn a_baked_canary_whose_check_passes_finishes_by_itself() {
    let bed = staged();
    bed.aws.clear_operations().unwrap();
    let out = run_variant(
        &bed,
        Some("2"),
        &["promote-lambdas", "--canary", "10", "--bake", "1", "--yes"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(aliases(&bed, "prod").await, all_at("2"));
    // The new version itself was checked after the bake (`NAME:2`), not only staging.
    let ops = bed.aws.operations().unwrap();
    for name in FUNCTIONS {
        assert!(
            ops.iter()
                .any(|o| o.contains(&format!("functions/{name}%3A2/invocations"))
                    || o.contains(&format!("functions/{name}:2/invocations"))),
            "{name}:2 checked after the bake: {ops:?}"
        );
    }
}

/// The same with the new version misbehaving when the bake's check invokes it (the fault
/// proxy answers for `NAME:2` what is not our functions' answer): the command fails, says so,
/// and the canary stays as it was, 10% on version 2, for the user to finish or roll back.
#[tokio::test(flavor = "multi_thread")]
async fn a_baked_canary_whose_check_fails_stays_a_canary() {
    use rosa_testbed::faults::{Fault, FaultProxy, Rule, Upstream};
    let bed = staged();
    let proxy = FaultProxy::start(&bed.aws.endpoint, Upstream::Aws).unwrap();
    let bad = Fault::Answer(
        200,
        "application/json".into(),
        r#"{"not":"our function"}"#.into(),
    );
    proxy.add(Rule::always("%3A2/invocations", bad.clone()));
    proxy.add(Rule::always(":2/invocations", bad));
    let out = bed
        .command_via(env!("CARGO_BIN_EXE_rosactl"), &proxy, None)
        .env(VARIANT, "2")
        .stdin(Stdio::null())
        .args(["promote-lambdas", "--canary", "10", "--bake", "1", "--yes"])
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("did not answer as expected"), "{err}");
    assert!(
        !proxy.injected().is_empty(),
        "the bake's check reached the new version"
    );
    let canary: BTreeMap<String, f64> = BTreeMap::from([("2".to_string(), 0.1)]);
    for (name, (version, weights)) in aliases(&bed, "prod").await {
        assert_eq!(
            (version.as_str(), &weights),
            ("1", &canary),
            "{name}: the canary stays"
        );
    }
}
