//! How the functions are operated beyond their code (`setup-account --tracing`,
//! `--reserved-concurrency`, `--alarms`): applied, recorded on the functions, kept by later runs with zero
//! writes, seen by `status --check` when changed behind rosactl's back, refused before any
//! write when the account cannot spare the concurrency, and removed again.

mod common;
use common::{json_of, ok, outcome, run, text};

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

fn status(bed: &TestBed) -> (i32, Value) {
    let out = run(bed, &["status", "--check", "-o", "json"]);
    (out.status.code().unwrap(), json_of(&out))
}

fn function<'a>(status: &'a Value, name: &str) -> &'a Value {
    status["functions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["function_name"] == name)
        .unwrap()
}

struct Seen {
    tracing: bool,
    reserved: Option<i32>,
    xray_allowed: bool,
}

async fn seen(bed: &TestBed, name: &str) -> Seen {
    let config = bed.sdk_config().await;
    let lambda = aws_sdk_lambda::Client::new(&config);
    let iam = aws_sdk_iam::Client::new(&config);
    let f = lambda.get_function().function_name(name).send().await.unwrap();
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
        reserved: f.concurrency().and_then(|c| c.reserved_concurrent_executions()),
        xray_allowed: doc.to_string().contains("xray:PutTraceSegments"),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn tracing_and_reserved_concurrency_are_applied_recorded_kept_checked_and_removed() {
    let bed = TestBed::start();
    ok(&bed, &["setup-account", "--yes"]);
    for name in TRACED {
        let s = seen(&bed, name).await;
        assert!(!s.tracing && !s.xray_allowed && s.reserved.is_none(), "{name}: off by default");
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
        assert!(s.tracing && s.xray_allowed, "{name}: traced, and allowed to send traces");
    }
    assert_eq!(seen(&bed, "rosa-preflight-checker").await.reserved, Some(10));
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
    assert_eq!(writes(&bed), Vec::<String>::new(), "a re-run writes nothing");
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
    assert!(rosactl::deploy::observed::is_active(staging.tracing_config()));

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
    assert_eq!(seen(&bed, "rosa-preflight-checker").await.reserved, Some(10));

    // More than the account can spare: refused before any write, naming the flag.
    bed.aws
        .set_quota("us-east-1", "lambda", "L-B99A9384", 300.0)
        .unwrap();
    bed.aws.clear_operations().unwrap();
    let out = run(&bed, &["setup-account", "--yes", "--reserved-concurrency", "100"]);
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
        &["setup-account", "--yes", "--reserved-concurrency", "oidc-provisioner=100"],
    );
    assert_eq!(seen(&bed, "rosa-oidc-provisioner").await.reserved, Some(100));

    // Bad values: named, exit 2, nothing called.
    bed.aws.clear_operations().unwrap();
    for (args, says) in [
        (vec!["--reserved-concurrency", "0"], "0 would stop the function"),
        (vec!["--reserved-concurrency", "nope=1"], "\"nope\" is not one of"),
        (vec!["--tracing", "sometimes"], "--tracing"),
    ] {
        let mut all = vec!["setup-account", "--yes"];
        all.extend(args);
        let out = run(&bed, &all);
        assert_eq!(out.status.code(), Some(2), "{all:?}: {}", outcome(&out));
        assert!(text(&out.stderr).contains(says), "{all:?}: {}", outcome(&out));
    }
    assert_eq!(bed.aws.operations().unwrap(), Vec::<String>::new());

    // Off again: no reservation, no tracing, no X-Ray permission; a re-run writes nothing.
    ok(
        &bed,
        &["setup-account", "--yes", "--tracing", "off", "--reserved-concurrency", "off"],
    );
    for name in TRACED {
        let s = seen(&bed, name).await;
        assert!(!s.tracing && !s.xray_allowed && s.reserved.is_none(), "{name}: off again");
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
        &["setup-account", "--yes", "--alarm-topic", "arn:aws:sns:eu-west-1:123456789012:ops"],
    );
    assert_eq!(out.status.code(), Some(2), "{}", outcome(&out));
    assert!(text(&out.stderr).contains("--alarm-topic"), "{}", outcome(&out));
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
            tags.tags().iter().any(|t| t.key() == Some("rosa:managed-by") && t.value() == Some("rosactl")),
            "{a:?}"
        );
    }
    let find = |name: &str| made.iter().find(|a| a.alarm_name() == Some(name)).unwrap().clone();
    let rate = find("rosa-preflight-checker-error-rate");
    assert_eq!(rate.threshold(), Some(5.0));
    let expression = rate.metrics().iter().find_map(|m| m.expression()).unwrap();
    assert!(expression.contains("100 * errors / invocations"), "{expression}");
    let throttles = find("rosa-preflight-checker-throttles");
    assert_eq!((throttles.metric_name(), throttles.threshold(), throttles.period()), (Some("Throttles"), Some(0.0), Some(300)));
    let duration = find("rosa-network-verifier-duration");
    assert_eq!((duration.metric_name(), duration.threshold()), (Some("Duration"), Some(30000.0)));

    // Recorded: a re-run writes nothing; status shows each alarm and its state.
    bed.aws.clear_operations().unwrap();
    ok(&bed, &["setup-account", "--yes"]);
    assert_eq!(writes(&bed), Vec::<String>::new());
    let (code, s) = status(&bed);
    assert_eq!(code, 0, "{s:#}");
    let shown = function(&s, "rosa-oidc-provisioner")["alarms"].as_array().unwrap().clone();
    assert_eq!(shown.len(), 3, "{s:#}");
    assert!(shown.iter().all(|a| a["state"].as_str().is_some_and(|st| !st.is_empty())));
    assert_eq!(s["operating"]["alarm_topic"], TOPIC);

    // Changed behind rosactl's back (threshold doubled): drift, and setup resets it.
    cw.put_metric_alarm()
        .alarm_name("rosa-network-verifier-duration")
        .namespace("AWS/Lambda")
        .metric_name("Duration")
        .dimensions(aws_sdk_cloudwatch::types::Dimension::builder().name("FunctionName").value("rosa-network-verifier").build())
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
    cw.delete_alarms().alarm_names("rosa-oidc-provisioner-throttles").send().await.unwrap();
    cw.put_metric_alarm()
        .alarm_name("rosa-oidc-provisioner-throttles")
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
    bed.aws.clear_operations().unwrap();
    let out = run(&bed, &["setup-account", "--yes"]);
    assert_ne!(out.status.code(), Some(0), "{}", outcome(&out));
    assert!(
        text(&out.stderr).contains("alarm rosa-oidc-provisioner-throttles exists and is not tagged rosa:managed-by=rosactl"),
        "{}",
        outcome(&out)
    );
    assert_eq!(writes(&bed), Vec::<String>::new());
    cw.delete_alarms().alarm_names("rosa-oidc-provisioner-throttles").send().await.unwrap();

    // Off: ours go (the topic's record with them); a re-run writes nothing.
    ok(&bed, &["setup-account", "--yes", "--no-alarms"]);
    assert!(alarms(&bed).await.is_empty());
    bed.aws.clear_operations().unwrap();
    ok(&bed, &["setup-account", "--yes"]);
    assert_eq!(writes(&bed), Vec::<String>::new());
    assert_eq!(status(&bed).1["operating"]["alarms"], false);

    // cleanup-account takes rosactl's alarms and leaves anyone else's.
    ok(&bed, &["setup-account", "--yes", "--alarms"]);
    cw.put_metric_alarm()
        .alarm_name("their-own-alarm")
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
    ok(&bed, &["cleanup-account", "--yes"]);
    let left: Vec<String> = alarms(&bed)
        .await
        .iter()
        .map(|a| a.alarm_name().unwrap().to_string())
        .collect();
    assert_eq!(left, ["their-own-alarm"]);
}
