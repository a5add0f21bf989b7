//! How the functions are operated beyond their code (`setup-account --tracing`,
//! `--reserved-concurrency`, `--alarms`): applied, recorded on the functions, kept by later runs with zero
//! writes, seen by `status --check` when changed behind rosactl's back, refused before any
//! write when the account cannot spare the concurrency, and removed again.

mod common;
use common::{json_of, ok, outcome, run, run_script, text};

use rosa_testbed::TestBed;
use serde_json::Value;

const TRACED: [&str; 3] = [
    "rosa-oidc-provisioner",
    "rosa-preflight-checker",
    "rosa-network-verifier",
];

/// AWS writes other than invocations (validation invokes the functions, changing nothing).
fn writes(bed: &TestBed) -> Vec<String> {
    bed.aws
        .writes()
        .into_iter()
        .filter(|op| !op.ends_with("/invocations"))
        .collect()
}

use common::{function_status as function, status_check as status};

struct Seen {
    tracing: bool,
    reserved: Option<i32>,
    xray_allowed: bool,
}

async fn seen(bed: &TestBed, name: &str) -> Seen {
    let config = bed.sdk_config().await;
    let lambda = aws_sdk_lambda::Client::new(&config);
    let iam = aws_sdk_iam::Client::new(&config);
    let f = lambda
        .get_function()
        .function_name(name)
        .send()
        .await
        .unwrap();
    let role = format!("{name}-execution");
    let policy = iam
        .get_role_policy()
        .role_name(&role)
        .policy_name(&role)
        .send()
        .await
        .unwrap();
    let doc = rosactl::deploy::names::parse_policy(policy.policy_document()).unwrap();
    Seen {
        tracing: rosactl::deploy::observed::is_active(
            f.configuration().and_then(|c| c.tracing_config()),
        ),
        reserved: f
            .concurrency()
            .and_then(|c| c.reserved_concurrent_executions()),
        xray_allowed: doc.to_string().contains("xray:PutTraceSegments"),
    }
}

/// `test-lambda` of oidc-provisioner with a request it refuses (an issuer over http).
fn refused_oidc_request(bed: &TestBed, issuer_url: &str) -> std::process::Output {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.json");
    let request = serde_json::json!({"issuer_url": issuer_url, "cluster_id": "c1"});
    std::fs::write(&bad, request.to_string()).unwrap();
    run(
        bed,
        &[
            "test-lambda",
            "--name",
            "oidc-provisioner",
            "--payload",
            bad.to_str().unwrap(),
        ],
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn tracing_and_reserved_concurrency_are_applied_recorded_kept_checked_and_removed() {
    let bed = TestBed::start();
    ok(&bed, &["setup-account", "--yes"]);
    for name in TRACED {
        let s = seen(&bed, name).await;
        assert!(
            !s.tracing && !s.xray_allowed && s.reserved.is_none(),
            "{name}: off by default"
        );
    }

    // On: tracing for all, concurrency for two functions.
    bed.aws.clear_operations().unwrap();
    let out = ok(
        &bed,
        &[
            "setup-account",
            "--yes",
            "--tracing",
            "active",
            "--reserved-concurrency",
            "preflight-checker=10,network-verifier=5",
            "-o",
            "json",
        ],
    );
    let doc = json_of(&out);
    for name in TRACED {
        let s = seen(&bed, name).await;
        assert!(
            s.tracing && s.xray_allowed,
            "{name}: traced, and allowed to send traces"
        );
    }
    assert_eq!(
        seen(&bed, "rosa-preflight-checker").await.reserved,
        Some(10)
    );
    assert_eq!(seen(&bed, "rosa-network-verifier").await.reserved, Some(5));
    assert_eq!(seen(&bed, "rosa-oidc-provisioner").await.reserved, None);
    // Versions keep their configuration: a traced version is published, the aliases stay
    // (setup never moves one) and the run says how the change reaches them.
    let notes = doc["notes"].to_string();
    assert!(
        notes.contains("tracing Active reaches them with update-lambdas"),
        "{doc:#}"
    );
    let w = writes(&bed);
    let count = |method: &str, tail: &str| {
        w.iter()
            .filter(|op| op.contains(&format!(":{method} ")) && op.ends_with(tail))
            .count()
    };
    assert_eq!(count("PUT", "/concurrency"), 2, "{w:#?}");
    assert_eq!(count("PUT", "/configuration"), 3, "{w:#?}");
    assert_eq!(count("POST", "/versions"), 3, "{w:#?}");
    assert!(
        !w.iter().any(|op| op.contains("/aliases/")),
        "no alias moved by setup: {w:#?}"
    );

    // Recorded: a run without the flags keeps everything and writes nothing.
    bed.aws.clear_operations().unwrap();
    ok(&bed, &["setup-account", "--yes"]);
    assert_eq!(
        writes(&bed),
        Vec::<String>::new(),
        "a re-run writes nothing"
    );
    let (code, s) = status(&bed);
    assert_eq!(code, 0, "{s:#}");
    let pre = function(&s, "rosa-preflight-checker");
    assert_eq!(pre["tracing"], "Active");
    assert_eq!(pre["reserved_concurrency"], 10);
    assert_eq!(s["operating"]["tracing"], true);

    // update-lambdas brings the traced version to staging.
    ok(&bed, &["update-lambdas", "--yes"]);
    let lambda = aws_sdk_lambda::Client::new(&bed.sdk_config().await);
    let staging = lambda
        .get_function_configuration()
        .function_name("rosa-preflight-checker")
        .qualifier("staging")
        .send()
        .await
        .unwrap();
    assert!(rosactl::deploy::observed::is_active(
        staging.tracing_config()
    ));

    // Changed behind rosactl's back: drift, then repaired.
    lambda
        .put_function_concurrency()
        .function_name("rosa-preflight-checker")
        .reserved_concurrent_executions(7)
        .send()
        .await
        .unwrap();
    lambda
        .update_function_configuration()
        .function_name("rosa-network-verifier")
        .tracing_config(
            aws_sdk_lambda::types::TracingConfig::builder()
                .mode(aws_sdk_lambda::types::TracingMode::PassThrough)
                .build(),
        )
        .send()
        .await
        .unwrap();
    let (code, s) = status(&bed);
    assert_eq!(code, 5, "{s:#}");
    let drift = |name: &str| function(&s, name)["drift"].to_string();
    assert!(
        drift("rosa-preflight-checker")
            .contains("reserved concurrency is 7 (the recorded choice is 10)"),
        "{s:#}"
    );
    assert!(
        drift("rosa-network-verifier").contains("tracing PassThrough (expected Active)"),
        "{s:#}"
    );
    ok(&bed, &["setup-account", "--yes"]);
    assert_eq!(status(&bed).0, 0);
    assert_eq!(
        seen(&bed, "rosa-preflight-checker").await.reserved,
        Some(10)
    );

    // More than the account can spare: refused before any write, naming the flag.
    bed.aws
        .set_quota("us-east-1", "lambda", "L-B99A9384", 300.0)
        .unwrap();
    bed.aws.clear_operations().unwrap();
    let out = run(
        &bed,
        &["setup-account", "--yes", "--reserved-concurrency", "100"],
    );
    assert_eq!(out.status.code(), Some(2), "{}", outcome(&out));
    let err = text(&out.stderr);
    assert!(
        err.contains("--reserved-concurrency")
            && err.contains("would leave the account 0 unreserved")
            && err.contains("nothing was changed"),
        "{err}"
    );
    assert_eq!(writes(&bed), Vec::<String>::new());
    // What fits is taken (100 + 10 + 5 reserved of 300 leaves 185).
    ok(
        &bed,
        &[
            "setup-account",
            "--yes",
            "--reserved-concurrency",
            "oidc-provisioner=100",
        ],
    );
    assert_eq!(
        seen(&bed, "rosa-oidc-provisioner").await.reserved,
        Some(100)
    );

    // Bad values: named, exit 2, nothing called.
    bed.aws.clear_operations().unwrap();
    for (args, says) in [
        (
            vec!["--reserved-concurrency", "0"],
            "0 would stop the function",
        ),
        (
            vec!["--reserved-concurrency", "nope=1"],
            "\"nope\" is not one of",
        ),
        (vec!["--tracing", "sometimes"], "--tracing"),
    ] {
        let mut all = vec!["setup-account", "--yes"];
        all.extend(args);
        let out = run(&bed, &all);
        assert_eq!(out.status.code(), Some(2), "{all:?}: {}", outcome(&out));
        assert!(
            text(&out.stderr).contains(says),
            "{all:?}: {}",
            outcome(&out)
        );
    }
    assert_eq!(bed.aws.operations().unwrap(), Vec::<String>::new());

    // Off again: no reservation, no tracing, no X-Ray permission; a re-run writes nothing.
    ok(
        &bed,
        &[
            "setup-account",
            "--yes",
            "--tracing",
            "off",
            "--reserved-concurrency",
            "off",
        ],
    );
    for name in TRACED {
        let s = seen(&bed, name).await;
        assert!(
            !s.tracing && !s.xray_allowed && s.reserved.is_none(),
            "{name}: off again"
        );
    }
    bed.aws.clear_operations().unwrap();
    ok(&bed, &["setup-account", "--yes"]);
    assert_eq!(writes(&bed), Vec::<String>::new());
    assert_eq!(status(&bed).0, 0);
}

const TOPIC: &str = "arn:aws:sns:us-east-1:123456789012:ops";

async fn alarms(bed: &TestBed) -> Vec<aws_sdk_cloudwatch::types::MetricAlarm> {
    let cw = aws_sdk_cloudwatch::Client::new(&bed.sdk_config().await);
    cw.describe_alarms()
        .send()
        .await
        .unwrap()
        .metric_alarms
        .unwrap_or_default()
}

/// An alarm someone else made (untagged, on their own metric).
async fn their_alarm(cw: &aws_sdk_cloudwatch::Client, name: &str) {
    cw.put_metric_alarm()
        .alarm_name(name)
        .namespace("Custom")
        .metric_name("Mine")
        .statistic(aws_sdk_cloudwatch::types::Statistic::Sum)
        .period(60)
        .evaluation_periods(1)
        .threshold(1.0)
        .comparison_operator(aws_sdk_cloudwatch::types::ComparisonOperator::GreaterThanThreshold)
        .send()
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn alarms_are_made_as_the_design_says_kept_checked_never_adopted_and_removed() {
    let bed = TestBed::start();
    let cw = aws_sdk_cloudwatch::Client::new(&bed.sdk_config().await);
    ok(&bed, &["setup-account", "--yes"]);
    assert!(alarms(&bed).await.is_empty(), "no alarms unless asked");

    // A topic in another region is refused before any call.
    bed.aws.clear_operations().unwrap();
    let out = run(
        &bed,
        &[
            "setup-account",
            "--yes",
            "--alarm-topic",
            "arn:aws:sns:eu-west-1:123456789012:ops",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", outcome(&out));
    assert!(
        text(&out.stderr).contains("--alarm-topic"),
        "{}",
        outcome(&out)
    );
    assert_eq!(writes(&bed), Vec::<String>::new());

    ok(&bed, &["setup-account", "--yes", "--alarm-topic", TOPIC]);
    let made = alarms(&bed).await;
    assert_eq!(made.len(), 9, "three per function");
    for a in &made {
        assert_eq!(a.alarm_actions(), [TOPIC], "{a:?}");
        assert_eq!(a.evaluation_periods(), Some(1));
        let tags = cw
            .list_tags_for_resource()
            .resource_arn(a.alarm_arn().unwrap())
            .send()
            .await
            .unwrap();
        assert!(
            tags.tags()
                .iter()
                .any(|t| t.key() == Some("rosa:managed-by") && t.value() == Some("rosactl")),
            "{a:?}"
        );
    }
    let find = |name: &str| {
        made.iter()
            .find(|a| a.alarm_name() == Some(name))
            .unwrap()
            .clone()
    };
    let rate = find("rosa-preflight-checker-error-rate");
    assert_eq!(rate.threshold(), Some(5.0));
    let expression = rate.metrics().iter().find_map(|m| m.expression()).unwrap();
    assert!(
        expression.contains("100 * errors / invocations"),
        "{expression}"
    );
    let throttles = find("rosa-preflight-checker-throttles");
    assert_eq!(
        (
            throttles.metric_name(),
            throttles.threshold(),
            throttles.period()
        ),
        (Some("Throttles"), Some(0.0), Some(300))
    );
    let duration = find("rosa-network-verifier-duration");
    assert_eq!(
        (duration.metric_name(), duration.threshold()),
        (Some("Duration"), Some(30000.0))
    );

    // Recorded: a re-run writes nothing; status shows each alarm and its state.
    bed.aws.clear_operations().unwrap();
    ok(&bed, &["setup-account", "--yes"]);
    assert_eq!(writes(&bed), Vec::<String>::new());
    let (code, s) = status(&bed);
    assert_eq!(code, 0, "{s:#}");
    let shown = function(&s, "rosa-oidc-provisioner")["alarms"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(shown.len(), 3, "{s:#}");
    assert!(
        shown
            .iter()
            .all(|a| a["state"].as_str().is_some_and(|st| !st.is_empty()))
    );
    assert_eq!(s["operating"]["alarm_topic"], TOPIC);

    // Changed behind rosactl's back (threshold doubled): drift, and setup resets it.
    cw.put_metric_alarm()
        .alarm_name("rosa-network-verifier-duration")
        .namespace("AWS/Lambda")
        .metric_name("Duration")
        .dimensions(
            aws_sdk_cloudwatch::types::Dimension::builder()
                .name("FunctionName")
                .value("rosa-network-verifier")
                .build(),
        )
        .statistic(aws_sdk_cloudwatch::types::Statistic::Maximum)
        .period(300)
        .evaluation_periods(1)
        .threshold(60000.0)
        .comparison_operator(aws_sdk_cloudwatch::types::ComparisonOperator::GreaterThanThreshold)
        .send()
        .await
        .unwrap();
    let (code, s) = status(&bed);
    assert_eq!(code, 5, "{s:#}");
    assert!(
        function(&s, "rosa-network-verifier")["drift"]
            .to_string()
            .contains("alarm rosa-network-verifier-duration differs from rosactl's"),
        "{s:#}"
    );
    ok(&bed, &["setup-account", "--yes"]);
    assert_eq!(status(&bed).0, 0);

    // An alarm with our name that is not ours is never adopted: setup refuses, changes nothing.
    cw.delete_alarms()
        .alarm_names("rosa-oidc-provisioner-throttles")
        .send()
        .await
        .unwrap();
    their_alarm(&cw, "rosa-oidc-provisioner-throttles").await;
    bed.aws.clear_operations().unwrap();
    let out = run(&bed, &["setup-account", "--yes"]);
    assert_ne!(out.status.code(), Some(0), "{}", outcome(&out));
    assert!(
        text(&out.stderr).contains(
            "alarm rosa-oidc-provisioner-throttles exists and is not tagged rosa:managed-by=rosactl"
        ),
        "{}",
        outcome(&out)
    );
    assert_eq!(writes(&bed), Vec::<String>::new());
    cw.delete_alarms()
        .alarm_names("rosa-oidc-provisioner-throttles")
        .send()
        .await
        .unwrap();

    // Off: ours go (the topic's record with them); a re-run writes nothing.
    ok(&bed, &["setup-account", "--yes", "--no-alarms"]);
    assert!(alarms(&bed).await.is_empty());
    bed.aws.clear_operations().unwrap();
    ok(&bed, &["setup-account", "--yes"]);
    assert_eq!(writes(&bed), Vec::<String>::new());
    assert_eq!(status(&bed).1["operating"]["alarms"], false);

    // The dashboard: made, kept with zero writes, reset when edited, never taken over.
    ok(&bed, &["setup-account", "--yes", "--dashboard"]);
    let body = |cw: &aws_sdk_cloudwatch::Client| {
        let cw = cw.clone();
        async move {
            cw.get_dashboard()
                .dashboard_name("rosa-lambda-us-east-1")
                .send()
                .await
                .map(|d| d.dashboard_body.unwrap_or_default())
        }
    };
    let made = body(&cw).await.unwrap();
    for f in TRACED {
        assert!(made.contains(f), "{made}");
    }
    assert!(
        made.contains("rosa:managed-by=rosactl") && made.contains("p99"),
        "{made}"
    );
    bed.aws.clear_operations().unwrap();
    ok(&bed, &["setup-account", "--yes"]);
    assert_eq!(writes(&bed), Vec::<String>::new());
    assert_eq!(status(&bed).1["dashboard"], "rosa-lambda-us-east-1");
    let edited = made.replace("\"p99\"", "\"p90\"");
    assert_ne!(edited, made);
    cw.put_dashboard()
        .dashboard_name("rosa-lambda-us-east-1")
        .dashboard_body(&edited)
        .send()
        .await
        .unwrap();
    let (code, s) = status(&bed);
    assert_eq!(code, 5, "{s:#}");
    assert!(
        s["bucket"]["drift"]
            .to_string()
            .contains("dashboard rosa-lambda-us-east-1"),
        "{s:#}"
    );
    ok(&bed, &["setup-account", "--yes"]);
    assert_eq!(body(&cw).await.unwrap(), made, "reset to rosactl's widgets");
    let theirs = r#"{"widgets":[{"type":"text","x":0,"y":0,"width":6,"height":2,"properties":{"markdown":"ours, not rosactl's"}}]}"#;
    cw.put_dashboard()
        .dashboard_name("rosa-lambda-us-east-1")
        .dashboard_body(theirs)
        .send()
        .await
        .unwrap();
    bed.aws.clear_operations().unwrap();
    let out = run(&bed, &["setup-account", "--yes"]);
    assert_ne!(out.status.code(), Some(0), "{}", outcome(&out));
    assert!(
        text(&out.stderr).contains("was not made by rosactl"),
        "{}",
        outcome(&out)
    );
    assert_eq!(writes(&bed), Vec::<String>::new());
    assert_eq!(body(&cw).await.unwrap(), theirs);
    cw.delete_dashboards()
        .dashboard_names("rosa-lambda-us-east-1")
        .send()
        .await
        .unwrap();

    // cleanup-account takes rosactl's alarms and dashboard and leaves anyone else's alarm.
    ok(&bed, &["setup-account", "--yes", "--alarms"]);
    assert!(
        body(&cw).await.is_ok(),
        "the recorded dashboard is made again"
    );
    their_alarm(&cw, "their-own-alarm").await;
    ok(&bed, &["cleanup-account", "--yes"]);
    let left: Vec<String> = alarms(&bed)
        .await
        .iter()
        .map(|a| a.alarm_name().unwrap().to_string())
        .collect();
    assert_eq!(left, ["their-own-alarm"]);
    assert!(body(&cw).await.is_err(), "the dashboard is gone");
}

/// `rosactl metrics -o json`, as rows keyed by (function, alias).
fn metrics(bed: &TestBed) -> std::collections::BTreeMap<(String, String), Value> {
    let doc = json_of(&ok(bed, &["metrics", "--since", "1h", "-o", "json"]));
    doc["functions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                (
                    r["function"].as_str().unwrap().to_string(),
                    r["alias"].as_str().unwrap().to_string(),
                ),
                r.clone(),
            )
        })
        .collect()
}

fn figure(
    rows: &std::collections::BTreeMap<(String, String), Value>,
    f: &str,
    alias: &str,
    key: &str,
) -> f64 {
    rows[&(f.to_string(), alias.to_string())][key]
        .as_f64()
        .unwrap_or(0.0)
}

#[test]
fn metrics_count_what_the_functions_did_by_alias() {
    let bed = TestBed::start();
    ok(&bed, &["setup-account", "--yes"]);
    let before = metrics(&bed);

    // Two answers through prod and one through staging; one function error through prod.
    ok(&bed, &["test-lambda", "--name", "preflight-checker"]);
    ok(&bed, &["test-lambda", "--name", "preflight-checker"]);
    ok(
        &bed,
        &[
            "test-lambda",
            "--name",
            "preflight-checker",
            "--alias",
            "staging",
        ],
    );
    let out = refused_oidc_request(&bed, "http://plain.example.com");
    assert_eq!(out.status.code(), Some(1), "{}", outcome(&out));

    let after = metrics(&bed);
    let delta = |f: &str, alias: &str, key: &str| {
        figure(&after, f, alias, key) - figure(&before, f, alias, key)
    };
    let pre = "rosa-preflight-checker";
    assert_eq!(delta(pre, "prod", "invocations"), 2.0, "{after:#?}");
    assert_eq!(delta(pre, "staging", "invocations"), 1.0);
    assert_eq!(delta(pre, "all", "invocations"), 3.0);
    assert_eq!(delta(pre, "all", "errors"), 0.0);
    assert_eq!(
        delta("rosa-oidc-provisioner", "prod", "errors"),
        1.0,
        "{after:#?}"
    );
    assert_eq!(delta("rosa-network-verifier", "all", "invocations"), 0.0);
    let row = &after[&(pre.to_string(), "all".to_string())];
    let (p50, p99) = (
        row["duration_p50_ms"].as_f64().unwrap(),
        row["duration_p99_ms"].as_f64().unwrap(),
    );
    assert!(p50 > 0.0 && p50 <= p99, "{row:#}");
    let series: f64 = row["series"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["invocations"].as_f64().unwrap())
        .sum();
    assert_eq!(
        series,
        row["invocations"].as_f64().unwrap(),
        "the series adds up to the total"
    );
    assert!(row["series"].as_array().unwrap().len() <= 24);

    // A table off a terminal: figures, no sparkline column; --function narrows.
    let out = ok(&bed, &["metrics", "--function", "oidc-provisioner"]);
    let table = text(&out.stdout);
    assert!(
        table.contains("P99 MS") && !table.contains("OVER TIME"),
        "{table}"
    );
    assert!(
        table.contains("rosa-oidc-provisioner") && !table.contains(pre),
        "{table}"
    );
    for (args, says) in [
        (vec!["metrics", "--since", "yesterday"], "--since"),
        (vec!["metrics", "--function", "nope"], "--function"),
    ] {
        let out = run(&bed, &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", outcome(&out));
        assert!(
            text(&out.stderr).contains(says),
            "{args:?}: {}",
            outcome(&out)
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn audit_reports_every_invocation_and_the_accounts_facts_and_logs_export_to_s3() {
    let bed = TestBed::start();
    ok(&bed, &["setup-account", "--yes"]);
    // setup's validation: 3 check invocations (each function's input error). Then one real
    // preflight check and one refused OIDC request.
    ok(&bed, &["test-lambda", "--name", "preflight-checker"]);
    let out = refused_oidc_request(&bed, "http://plain.example.com/c1");
    assert_eq!(out.status.code(), Some(1), "{}", outcome(&out));

    let doc = json_of(&ok(&bed, &["audit", "--since", "1h", "-o", "json"]));
    assert_eq!(doc["totals"]["invocations"], 5, "{doc:#}");
    assert_eq!(doc["totals"]["failed"], 4, "{doc:#}");
    assert_eq!(doc["totals"]["by_outcome"]["InvalidInput"], 4);
    let rows = doc["invocations"].as_array().unwrap();
    let checked = rows.iter().find(|r| r["outcome"] == "success").unwrap();
    assert_eq!(checked["function"], "rosa-preflight-checker");
    assert_eq!(checked["request"]["region"], "us-east-1", "{checked:#}");
    assert_eq!(checked["version"], "1");
    assert!(
        checked["detail"].as_str().unwrap().starts_with("proceed"),
        "{checked:#}"
    );
    let refused = rows
        .iter()
        .find(|r| r["function"] == "rosa-oidc-provisioner" && r["request"]["cluster_id"] == "c1")
        .unwrap();
    assert_eq!(refused["outcome"], "InvalidInput");
    assert!(
        refused["detail"].as_str().unwrap().contains("issuer_url"),
        "{refused:#}"
    );
    for f in doc["functions"].as_array().unwrap() {
        assert_eq!(
            f["prod_invoker"],
            rosa_testbed::platform::INVOKER_ARN,
            "{f:#}"
        );
        assert_eq!(f["log_retention_days"], 90);
        assert_eq!(f["log_kms_key"], Value::Null);
    }
    let moves = doc["alias_moves"].as_array().unwrap();
    assert_eq!(
        moves.len(),
        6,
        "prod and staging created, per function: {moves:#?}"
    );
    assert!(
        moves
            .iter()
            .all(|m| m["by"].as_str().is_some_and(|b| b.starts_with("arn:aws:")))
    );
    assert!(doc["not_shown"].as_str().unwrap().contains("CloudTrail"));

    // --failed as CSV: a header and the four failures.
    let csv = text(&ok(&bed, &["audit", "--since", "1h", "--failed", "-o", "csv"]).stdout);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "time,function,version,request_id,operation,request,outcome,detail,duration_ms"
    );
    assert_eq!(lines.len(), 5, "{csv}");
    assert!(
        lines[1..].iter().all(|l| l.contains(",InvalidInput,")),
        "{csv}"
    );
    // CSV is audit's only: refused elsewhere before anything runs.
    let out = run(&bed, &["status", "-o", "csv"]);
    assert_eq!(out.status.code(), Some(2), "{}", outcome(&out));
    assert!(text(&out.stderr).contains("-o csv: only `rosactl audit`"));

    // Export: a bucket whose policy does not let CloudWatch Logs write is refused, no task.
    let config = bed.sdk_config().await;
    let s3 = aws_sdk_s3::Client::from_conf(
        aws_sdk_s3::config::Builder::from(&config)
            .force_path_style(true)
            .build(),
    );
    s3.create_bucket()
        .bucket("log-archive")
        .send()
        .await
        .unwrap();
    bed.aws.clear_operations().unwrap();
    let args = [
        "logs",
        "--name",
        "preflight-checker",
        "--since",
        "1h",
        "--export",
        "s3://log-archive/rosa",
    ];
    let out = run(&bed, &args);
    assert_eq!(out.status.code(), Some(2), "{}", outcome(&out));
    let err = text(&out.stderr);
    assert!(
        err.contains("lacks s3:GetBucketAcl on arn:aws:s3:::log-archive and s3:PutObject on arn:aws:s3:::log-archive/rosa/*")
            && err.contains("\"logs.us-east-1.amazonaws.com\""),
        "{err}"
    );
    assert!(
        !bed.aws
            .operations()
            .unwrap()
            .iter()
            .any(|op| op.contains("CreateExportTask"))
    );

    // With the statements rosactl printed, the export runs and is waited for.
    let start = err.find('[').unwrap();
    let statements: Value = serde_json::from_str(&err[start..err.rfind(']').unwrap() + 1]).unwrap();
    let policy = serde_json::json!({"Version": "2012-10-17", "Statement": statements});
    s3.put_bucket_policy()
        .bucket("log-archive")
        .policy(policy.to_string())
        .send()
        .await
        .unwrap();
    bed.aws.clear_operations().unwrap();
    let out = ok(&bed, &args);
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert!(
        stdout.contains("Exported /aws/lambda/rosa-preflight-checker to s3://log-archive/rosa"),
        "{stdout}"
    );
    assert!(
        stderr.contains(": RUNNING after") && stderr.contains(": COMPLETED after"),
        "{stderr}"
    );
    let ops = bed.aws.operations().unwrap();
    let count = |name: &str| ops.iter().filter(|op| op.ends_with(name)).count();
    assert_eq!(count("CreateExportTask"), 1, "{ops:#?}");
    assert_eq!(count("DescribeExportTasks"), 2, "{ops:#?}");
    let objects = s3
        .list_objects_v2()
        .bucket("log-archive")
        .prefix("rosa/")
        .send()
        .await
        .unwrap();
    assert!(objects.key_count().unwrap_or(0) >= 1, "{objects:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn manual_mode_writes_the_operating_settings_as_aws_cli_commands() {
    let bed = TestBed::start();
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("review");
    bed.aws.clear_operations().unwrap();
    ok(
        &bed,
        &[
            "setup-account",
            "--mode",
            "manual",
            "--out",
            out_dir.to_str().unwrap(),
            "--tracing",
            "active",
            "--reserved-concurrency",
            "preflight-checker=5",
            "--alarm-topic",
            TOPIC,
            "--dashboard",
        ],
    );
    assert_eq!(bed.aws.writes(), Vec::<String>::new(), "manual mode wrote");
    let script = std::fs::read_to_string(out_dir.join("setup.sh")).unwrap();
    for expected in [
        "--tracing-config Mode=Active",
        "aws lambda put-function-concurrency --function-name 'rosa-preflight-checker' --reserved-concurrent-executions 5",
        "aws cloudwatch put-metric-alarm --cli-input-json",
        "aws cloudwatch put-dashboard --dashboard-name 'rosa-lambda-us-east-1'",
    ] {
        assert!(script.contains(expected), "{expected} in:\n{script}");
    }
    // The administrator runs it; rosactl then finds the account as it would have made it.
    let out = run_script(&bed, "us-east-1", &out_dir.join("setup.sh"));
    assert!(out.status.success(), "the script failed: {}", outcome(&out));
    let (code, s) = status(&bed);
    assert_eq!(code, 0, "{s:#}");
    assert_eq!(alarms(&bed).await.len(), 9);
    assert_eq!(
        function(&s, "rosa-preflight-checker")["reserved_concurrency"],
        5
    );
    assert_eq!(function(&s, "rosa-oidc-provisioner")["tracing"], "Active");
    bed.aws.clear_operations().unwrap();
    ok(&bed, &["setup-account", "--yes"]);
    assert_eq!(
        writes(&bed),
        Vec::<String>::new(),
        "auto mode after the script"
    );
}
