//! Seeing and debugging what runs, through the real binary against the test bed: `status
//! [--check]` against changes made with the SDK behind rosactl's back, `test-lambda` running
//! the real bootstraps through each alias, `logs` on the lines those invocations wrote, and
//! `versions [--keep]` (extra versions come from the `test-seams` package variants).

mod common;
use common::{VARIANT, json_of, ok, rosactl_variant, run, text};

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use aws_sdk_lambda::primitives::Blob;
use rosa_testbed::TestBed;
use serde_json::Value;

/// Asserts that `haystack` contains `needle`, showing the haystack when not.
fn has(haystack: &str, needle: &str) {
    assert!(haystack.contains(needle), "{needle:?} not in:\n{haystack}");
}

use common::{function_status as function, status_check as status};

fn alias_of(status: &Value, name: &str, alias: &str) -> Value {
    function(status, name)["aliases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["alias"] == alias)
        .unwrap()
        .clone()
}

fn drift_of(status: &Value, name: &str) -> Vec<String> {
    function(status, name)["drift"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_str().unwrap().to_string())
        .collect()
}

/// The package zip of `function` as this rosactl embeds it.
fn embedded_zip(function: &str) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_rosactl"))
        .env_remove(VARIANT)
        .args(["export-lambdas", "--dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    std::fs::read(dir.path().join(format!("{function}.zip"))).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn status_check_sees_drift_made_behind_rosactls_back_and_setup_repairs_it() {
    let bed = TestBed::start();

    // Never set up: said plainly, and --check fails.
    let out = run(&bed, &["status"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    has(&text(&out.stdout), "is not set up");
    let (code, s) = status(&bed);
    assert_eq!(code, 5, "{s}");
    assert_eq!(s["set_up"], false);
    assert!(drift_of(&s, "rosa-oidc-provisioner").contains(&"the function does not exist".into()));

    ok(&bed, &["setup-account", "--yes"]);
    bed.aws.clear_operations().unwrap();
    let (code, s) = status(&bed);
    assert_eq!(code, 0, "{s}");
    assert_eq!(s["in_sync"], true);
    assert!(bed.aws.writes().is_empty(), "status is read-only");
    let f = function(&s, "rosa-network-verifier");
    let prod = alias_of(&s, "rosa-network-verifier", "prod");
    assert_eq!(prod["version"], "1");
    assert_eq!(prod["embedded"], true);
    assert_eq!(prod["sha256"], f["embedded_sha256"]);
    assert!(f["invoker"].as_str().unwrap().starts_with("arn:aws:iam::"));

    // Behind rosactl's back, with the SDK: $LATEST's memory, the platform's permission, a
    // shortened retention, and prod moved to a version whose code rosactl never deployed.
    let config = bed.sdk_config().await;
    let lambda = aws_sdk_lambda::Client::new(&config);
    let logs = aws_sdk_cloudwatchlogs::Client::new(&config);
    lambda
        .update_function_configuration()
        .function_name("rosa-preflight-checker")
        .memory_size(512)
        .send()
        .await
        .unwrap();
    lambda
        .remove_permission()
        .function_name("rosa-network-verifier")
        .qualifier("prod")
        .statement_id("AllowRosaRegionalPlatformInvoke")
        .send()
        .await
        .unwrap();
    logs.put_retention_policy()
        .log_group_name("/aws/lambda/rosa-oidc-provisioner")
        .retention_in_days(30)
        .send()
        .await
        .unwrap();
    let foreign = embedded_zip("rosa-network-verifier");
    lambda
        .update_function_code()
        .function_name("rosa-oidc-provisioner")
        .zip_file(Blob::new(foreign))
        .send()
        .await
        .unwrap();
    let published = lambda
        .publish_version()
        .function_name("rosa-oidc-provisioner")
        .send()
        .await
        .unwrap();
    let foreign_version = published.version.unwrap();
    lambda
        .update_alias()
        .function_name("rosa-oidc-provisioner")
        .name("prod")
        .function_version(&foreign_version)
        .send()
        .await
        .unwrap();

    let (code, s) = status(&bed);
    assert_eq!(code, 5, "{s}");
    assert_eq!(s["in_sync"], false);
    let joined = |name: &str| drift_of(&s, name).join("\n");
    assert!(
        joined("rosa-preflight-checker").contains("memory 512 MB (expected"),
        "{s}"
    );
    assert!(
        joined("rosa-network-verifier").contains("invoke permission is missing"),
        "{s}"
    );
    let oidc = joined("rosa-oidc-provisioner");
    assert!(oidc.contains("kept 30 days (at least 90"), "{oidc}");
    assert!(
        oidc.contains(&format!(
            "alias prod sends traffic to code rosactl did not deploy: version {foreign_version}"
        )),
        "{oidc}"
    );
    assert!(
        oidc.contains("$LATEST holds code rosactl did not deploy"),
        "{oidc}"
    );
    let prod = alias_of(&s, "rosa-oidc-provisioner", "prod");
    assert_eq!(prod["rosactl_code"], false);
    assert_eq!(
        function(&s, "rosa-network-verifier")["invoker"],
        Value::Null
    );
    // The table says the same for people, with the exit code.
    let out = run(&bed, &["status", "--check"]);
    assert_eq!(out.status.code(), Some(5));
    has(&text(&out.stdout), "NOT ROSACTL'S");
    has(&text(&out.stderr), "setup-account` repairs them");

    // setup-account repairs all of it (prod goes back to the embedded version), and says why.
    let out = ok(&bed, &["setup-account", "--yes", "-o", "json"]);
    let summary = json_of(&out);
    assert_eq!(summary["changed"], true);
    let (code, s) = status(&bed);
    assert_eq!(code, 0, "{s}");
    let prod = alias_of(&s, "rosa-oidc-provisioner", "prod");
    assert_eq!(prod["version"], "1");
    assert_eq!(prod["embedded"], true);

    // The repair is recorded, and a rollback never goes back to the code it replaced.
    let history = json_of(&ok(
        &bed,
        &[
            "history",
            "--function",
            "oidc-provisioner",
            "--alias",
            "prod",
            "-o",
            "json",
        ],
    ));
    let last = history["moves"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["kind"], "repair");
    assert_eq!(last["from_version"], foreign_version.as_str());
    let out = run(
        &bed,
        &[
            "rollback-lambdas",
            "--function",
            "oidc-provisioner",
            "--yes",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    has(&text(&out.stderr), "does not roll back to it");
}

/// The request id in a log tail's START line.
fn request_id(stderr: &str) -> String {
    let start = stderr
        .lines()
        .find_map(|l| l.split("START RequestId: ").nth(1))
        .unwrap_or_else(|| panic!("no START line in: {stderr}"));
    start.split_whitespace().next().unwrap().to_string()
}

#[test]
fn test_lambda_runs_our_code_through_each_alias_and_logs_show_what_it_wrote() {
    let bed = TestBed::start();
    ok(&bed, &["setup-account", "--yes"]);

    // The OIDC provisioner's sample is the check payload: it creates nothing, exits 0.
    let out = ok(&bed, &["test-lambda", "--name", "oidc-provisioner"]);
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert!(
        stdout.contains("rosa-oidc-provisioner:prod (version 1) answered:"),
        "{stdout}"
    );
    assert!(stdout.contains("InvalidInput"), "{stdout}");
    assert!(
        stderr.contains("To create or update a real OIDC provider, pass --payload"),
        "{stderr}"
    );
    assert!(
        stderr.contains("answered the check payload with its own input validation"),
        "{stderr}"
    );
    assert!(
        stderr.contains("START RequestId:") && stderr.contains("WARN  invocation"),
        "{stderr}"
    );

    // The preflight checker through staging: its real read-only checks.
    let out = ok(
        &bed,
        &[
            "test-lambda",
            "--name",
            "preflight-checker",
            "--alias",
            "staging",
        ],
    );
    has(&text(&out.stdout), "\"validation_results\"");
    has(&text(&out.stderr), "INFO  invocation");

    // -o json: the answer exactly as the function gave it.
    let out = ok(
        &bed,
        &["test-lambda", "--name", "network-verifier", "-o", "json"],
    );
    let answer = json_of(&out);
    assert_eq!(answer["proceed"], false);
    assert_eq!(
        answer["network_validation_results"][0]["check_name"],
        "vpc_exists"
    );

    // The user's payload; a function error exits 1 and shows the error and the log tail.
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("oidc.json");
    std::fs::write(&bad, r#"{"issuer_url": "http://not-https.example.com", "thumbprint": ["ab"], "cluster_id": "c1"}"#).unwrap();
    let out = run(
        &bed,
        &[
            "test-lambda",
            "--name",
            "oidc-provisioner",
            "--payload",
            bad.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(
            "answered with a function error (Unhandled): InvalidInput: invalid input: issuer_url"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("log tail of rosa-oidc-provisioner:prod"),
        "{stderr}"
    );
    let failed_request = request_id(&stderr);

    // Bad input: named, exit 2, no call.
    std::fs::write(&bad, "not json").unwrap();
    for (args, field) in [
        (
            vec![
                "test-lambda",
                "--name",
                "oidc-provisioner",
                "--payload",
                bad.to_str().unwrap(),
            ],
            "--payload",
        ),
        (vec!["test-lambda", "--name", "nope"], "--name"),
        (
            vec![
                "test-lambda",
                "--name",
                "oidc-provisioner",
                "--alias",
                "no/such",
            ],
            "--alias",
        ),
        (
            vec!["logs", "--name", "oidc-provisioner", "--since", "yesterday"],
            "--since",
        ),
    ] {
        let out = run(&bed, &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            text(&out.stderr).contains(field),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
    // A payload from stdin.
    let mut child = rosactl_variant(&bed, None)
        .args([
            "test-lambda",
            "--name",
            "preflight-checker",
            "--payload",
            "-",
            "-o",
            "json",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(br#"{"region": "us-east-1", "cluster_config": {"instance_type": "m5.large", "replicas": 1}}"#)
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(json_of(&out)["region"], "us-east-1");

    // logs: what those invocations wrote, readably.
    let out = ok(
        &bed,
        &["logs", "--name", "oidc-provisioner", "--since", "1h"],
    );
    let lines = text(&out.stdout);
    assert!(
        lines.contains(&format!("START RequestId: {failed_request}")),
        "{lines}"
    );
    assert!(
        lines.contains("WARN  invocation") && lines.contains("error_type=InvalidInput"),
        "{lines}"
    );
    assert!(lines.contains("REPORT RequestId:"), "{lines}");
    // --filter narrows to matching events.
    let out = ok(
        &bed,
        &["logs", "--name", "oidc-provisioner", "--filter", "REPORT"],
    );
    let lines = text(&out.stdout);
    assert_eq!(
        lines.lines().count(),
        3,
        "setup's validation and two test-lambda runs, one REPORT each: {lines}"
    );
    assert!(
        lines.lines().all(|l| l.contains("REPORT RequestId:")),
        "{lines}"
    );
    // --since narrows to what came after: only a later invocation.
    let now_ms = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64
        + 1;
    let since = aws_smithy_types::DateTime::from_millis(now_ms)
        .fmt(aws_smithy_types::date_time::Format::DateTime)
        .unwrap();
    let out = ok(&bed, &["test-lambda", "--name", "oidc-provisioner"]);
    let later = request_id(&text(&out.stderr));
    let out = ok(
        &bed,
        &[
            "logs",
            "--name",
            "oidc-provisioner",
            "--since",
            &since,
            "-o",
            "json",
        ],
    );
    let events: Vec<Value> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let starts: Vec<&str> = events
        .iter()
        .filter_map(|e| e["message"].as_str())
        .filter(|m| m.starts_with("START"))
        .collect();
    assert_eq!(starts.len(), 1, "{events:?}");
    assert!(starts[0].contains(&later), "{starts:?}");
    // Nothing since then for another function's group: said, not an error.
    let out = ok(
        &bed,
        &["logs", "--name", "network-verifier", "--since", &since],
    );
    has(
        &text(&out.stderr),
        "no events in /aws/lambda/rosa-network-verifier",
    );
}

#[test]
fn logs_follow_sees_a_line_written_after_it_started() {
    let bed = TestBed::start();
    ok(&bed, &["setup-account", "--yes"]);
    bed.aws.clear_operations().unwrap();
    let mut child = rosactl_variant(&bed, None)
        .args([
            "logs",
            "--name",
            "network-verifier",
            "--since",
            "1s",
            "--follow",
            "--poll-interval",
            "0.1",
            "-o",
            "json",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if tx.send(line.unwrap()).is_err() {
                break;
            }
        }
    });
    // Counted, not slept: the follower has read the group twice before the invocation (the
    // stand-in answers the wait once its log holds the second read).
    let polls = bed
        .aws
        .wait_for_operations("FilterLogEvents", 2, Duration::from_secs(120))
        .unwrap();
    assert!(polls >= 2, "logs --follow never polled twice ({polls})");
    let out = ok(&bed, &["test-lambda", "--name", "network-verifier"]);
    let id = request_id(&text(&out.stderr));
    let seen = loop {
        match rx.recv_timeout(Duration::from_secs(120)) {
            Ok(line) if line.contains(&format!("START RequestId: {id}")) => break true,
            Ok(_) => continue,
            Err(_) => break false,
        }
    };
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(seen, "logs --follow did not show the invocation {id}");
}

fn versions_of(bed: &TestBed, function: &str) -> Vec<Value> {
    let v = json_of(&ok(
        bed,
        &["versions", "--function", function, "-o", "json"],
    ));
    v["versions"].as_array().unwrap().clone()
}

#[test]
fn versions_keep_deletes_only_what_nothing_references_and_then_nothing() {
    let bed = TestBed::start();
    ok(&bed, &["setup-account", "--yes"]);
    // staging: 1 → 2 → 3 → 4 (each variant is another package, so another version).
    for variant in ["1", "2", "3"] {
        let out = rosactl_variant(&bed, Some(variant))
            .args(["update-lambdas", "--function", "network-verifier", "--yes"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", text(&out.stderr));
    }
    let listed = versions_of(&bed, "network-verifier");
    let used: Vec<(String, Value)> = listed
        .iter()
        .map(|v| {
            (
                v["version"].as_str().unwrap().to_string(),
                v["used_by"].clone(),
            )
        })
        .collect();
    assert_eq!(
        used,
        vec![
            ("1".into(), serde_json::json!(["prod"])),
            ("2".into(), serde_json::json!([])),
            ("3".into(), serde_json::json!(["staging rollback"])),
            ("4".into(), serde_json::json!(["staging"])),
        ]
    );
    assert_eq!(listed[0]["embedded"], true);
    assert_eq!(listed[3]["embedded"], false);

    // --dry-run and --keep 0: nothing is written.
    bed.aws.clear_operations().unwrap();
    let out = ok(&bed, &["versions", "--keep", "1", "--dry-run"]);
    has(
        &text(&out.stdout),
        "delete version 2 of rosa-network-verifier",
    );
    let out = run(&bed, &["versions", "--keep", "0"]);
    assert_eq!(out.status.code(), Some(2));
    has(&text(&out.stderr), "--keep");
    assert!(bed.aws.writes().is_empty(), "{:?}", bed.aws.writes());

    // Off a terminal, deleting needs --yes.
    let out = run(&bed, &["versions", "--keep", "1"]);
    assert_eq!(out.status.code(), Some(4), "{}", text(&out.stderr));

    bed.aws.clear_operations().unwrap();
    let out = ok(&bed, &["versions", "--keep", "1", "--yes", "-o", "json"]);
    assert_eq!(
        json_of(&out)["deleted"],
        serde_json::json!(["rosa-network-verifier:2"])
    );
    // One deletion, inside the account's alias lock (taken, then released).
    let writes = bed.aws.writes();
    assert_eq!(writes.len(), 3, "{writes:?}");
    assert!(
        writes[0].contains("PUT /rosa-lambda-artifacts-")
            && writes[0].contains("/locks/aliases.json"),
        "{writes:?}"
    );
    assert!(
        writes[1].contains("DELETE /2015-03-31/functions/rosa-network-verifier?Qualifier=2"),
        "{writes:?}"
    );
    // Released: the lock object stays, marked so (a put, not a delete).
    assert!(
        writes[2].contains("PUT /rosa-lambda-artifacts-")
            && writes[2].contains("/locks/aliases.json"),
        "{writes:?}"
    );
    let left: Vec<String> = versions_of(&bed, "network-verifier")
        .iter()
        .map(|v| v["version"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(left, ["1", "3", "4"]);
    // The other functions had one version each: untouched.
    assert_eq!(versions_of(&bed, "oidc-provisioner").len(), 1);

    // The second run makes zero writes.
    bed.aws.clear_operations().unwrap();
    let out = ok(&bed, &["versions", "--keep", "1", "--yes"]);
    has(&text(&out.stdout), "Nothing to delete");
    assert!(bed.aws.writes().is_empty(), "{:?}", bed.aws.writes());

    // A staging that runs another rosactl's package is not drift.
    let (code, s) = status(&bed);
    assert_eq!(code, 0, "{s}");
    let staging = alias_of(&s, "rosa-network-verifier", "staging");
    assert_eq!(
        (staging["embedded"].clone(), staging["rosactl_code"].clone()),
        (Value::Bool(false), Value::Bool(true))
    );
}
