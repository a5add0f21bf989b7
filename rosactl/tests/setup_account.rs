//! `rosactl setup-account` and its cleanup, through the real binary, against the test bed.
//! Every resource is read back with the AWS SDK; AWS calls are counted by the bed.

mod common;
use common::{rosactl, run};

use std::process::{Command, Output, Stdio};

use rosa_testbed::TestBed;
use rosa_testbed::platform::{INVOKER_ARN, OPERATOR_KEY, OPERATOR_SECRET};
use serde_json::{Value, json};

const FUNCTIONS: [(&str, &str, i32, i32); 3] = [
    ("rosa-oidc-provisioner", "oidc-provisioner", 128, 60),
    ("rosa-preflight-checker", "preflight-checker", 256, 300),
    ("rosa-network-verifier", "network-verifier", 256, 300),
];
const BUCKET: &str = "rosa-lambda-artifacts-123456789012-us-east-1";

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn setup_json(bed: &TestBed) -> Value {
    let out = run(bed, &["setup-account", "--yes", "-o", "json"]);
    assert!(
        out.status.success(),
        "setup-account failed: {}",
        stderr(&out)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

use rosa_testbed::aws::mutating;

/// Every S3 call rosactl made on the artifact bucket since the log was cleared named this
/// account as the expected owner, except CreateBucket, which cannot. Returns how many.
fn assert_bucket_calls_name_the_owner(bed: &TestBed) -> usize {
    let s3_calls: Vec<(String, Option<String>)> = bed
        .aws
        .operations_with_expected_owner()
        .unwrap()
        .into_iter()
        .filter(|(op, _)| op.starts_with("s3:") && op.contains(BUCKET))
        .collect();
    let create = format!("s3:PUT /{BUCKET}");
    for (op, owner) in &s3_calls {
        if op.trim_end_matches('/') != create {
            assert_eq!(owner.as_deref(), Some("123456789012"), "{op}");
        }
    }
    s3_calls.len()
}

struct Clients {
    lambda: aws_sdk_lambda::Client,
    iam: aws_sdk_iam::Client,
    s3: aws_sdk_s3::Client,
    logs: aws_sdk_cloudwatchlogs::Client,
}

async fn clients(bed: &TestBed) -> Clients {
    let config = bed.sdk_config().await;
    Clients {
        lambda: aws_sdk_lambda::Client::new(&config),
        iam: aws_sdk_iam::Client::new(&config),
        s3: aws_sdk_s3::Client::from_conf(
            aws_sdk_s3::config::Builder::from(&config)
                .force_path_style(true)
                .build(),
        ),
        logs: aws_sdk_cloudwatchlogs::Client::new(&config),
    }
}

/// IAM returns policy documents URL-encoded; rosactl's own reader handles both forms.
fn decode_policy(doc: &str) -> Value {
    rosactl::deploy::names::parse_policy(doc).expect("a policy document")
}

fn as_list(v: &Value) -> Vec<String> {
    match v {
        Value::Array(items) => items
            .iter()
            .map(|i| i.as_str().unwrap().to_string())
            .collect(),
        Value::String(s) => vec![s.clone()],
        _ => vec![],
    }
}

/// Reads everything setup-account should have made and checks it, field by field.
async fn assert_fully_set_up(bed: &TestBed) {
    let c = clients(bed).await;
    for (name, component, memory, timeout) in FUNCTIONS {
        // Function configuration and tags.
        let f = c
            .lambda
            .get_function()
            .function_name(name)
            .send()
            .await
            .unwrap();
        let config = f.configuration.unwrap();
        assert_eq!(config.memory_size, Some(memory), "{name}");
        assert_eq!(config.timeout, Some(timeout), "{name}");
        assert_eq!(config.runtime.unwrap().as_str(), "provided.al2023");
        assert_eq!(config.handler.as_deref(), Some("bootstrap"));
        assert_eq!(
            config.role.as_deref(),
            Some(format!("arn:aws:iam::123456789012:role/{name}-execution").as_str())
        );
        let tags = f.tags.unwrap();
        assert_eq!(
            tags.get("rosa:component").map(String::as_str),
            Some(component)
        );
        assert_eq!(
            tags.get("rosa:version").map(String::as_str),
            Some(env!("CARGO_PKG_VERSION"))
        );
        assert_eq!(
            tags.get("rosa:managed-by").map(String::as_str),
            Some("rosactl")
        );

        // Exactly one published version, both aliases on it.
        let versions = c
            .lambda
            .list_versions_by_function()
            .function_name(name)
            .send()
            .await
            .unwrap();
        let published: Vec<String> = versions
            .versions
            .unwrap()
            .into_iter()
            .filter_map(|v| v.version)
            .filter(|v| v != "$LATEST")
            .collect();
        assert_eq!(
            published,
            vec!["1".to_string()],
            "{name}: one version, no duplicates"
        );
        for alias in ["prod", "staging"] {
            let a = c
                .lambda
                .get_alias()
                .function_name(name)
                .name(alias)
                .send()
                .await
                .unwrap();
            assert_eq!(a.function_version.as_deref(), Some("1"), "{name}:{alias}");
        }

        // The invoke permission: only the invoker, only on prod.
        let policy = c
            .lambda
            .get_policy()
            .function_name(name)
            .qualifier("prod")
            .send()
            .await
            .unwrap();
        let policy: Value = serde_json::from_str(&policy.policy.unwrap()).unwrap();
        let ours: Vec<&Value> = policy["Statement"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["Sid"] == "AllowRosaRegionalPlatformInvoke")
            .collect();
        assert_eq!(ours.len(), 1, "{name}: {policy}");
        let principal = &ours[0]["Principal"];
        assert!(
            principal == INVOKER_ARN || principal["AWS"] == INVOKER_ARN,
            "{name}: {principal}"
        );
        assert_eq!(ours[0]["Action"], "lambda:InvokeFunction");
        assert!(
            ours[0]["Resource"]
                .as_str()
                .unwrap()
                .ends_with(&format!("function:{name}:prod"))
        );

        // The execution role: trust, exact permissions, tags.
        let role_name = format!("{name}-execution");
        let role = c
            .iam
            .get_role()
            .role_name(&role_name)
            .send()
            .await
            .unwrap()
            .role
            .unwrap();
        let trust = decode_policy(role.assume_role_policy_document.as_deref().unwrap());
        assert_eq!(
            trust["Statement"][0]["Principal"]["Service"],
            "lambda.amazonaws.com"
        );
        let doc = c
            .iam
            .get_role_policy()
            .role_name(&role_name)
            .policy_name(&role_name)
            .send()
            .await
            .unwrap();
        let doc = decode_policy(&doc.policy_document);
        let statements = doc["Statement"].as_array().unwrap();
        // Exactly the policy rosactl defines (docs/security.md's table is checked against
        // the same definition by a unit test), its log statement last.
        let expected = rosactl::deploy::names::execution_policy(
            rosa_lambda_packaging::function(name).unwrap(),
            &format!("/aws/lambda/{name}"),
            "aws",
            "123456789012",
            false,
        );
        assert!(
            rosactl::deploy::names::same_policy(&doc, &expected),
            "{name}: {doc}"
        );
        let actions: Vec<String> = statements[..statements.len() - 1]
            .iter()
            .flat_map(|s| as_list(&s["Action"]))
            .collect();
        assert!(
            !actions
                .iter()
                .any(|a| a == "*" || a.ends_with(":*") || a.ends_with('*')),
            "{name}: no wildcard actions: {actions:?}"
        );
        let _ = component;
        let logs = statements.last().unwrap();
        assert_eq!(
            as_list(&logs["Action"]),
            vec!["logs:CreateLogStream", "logs:PutLogEvents"]
        );
        assert_eq!(
            logs["Resource"],
            format!("arn:aws:logs:*:123456789012:log-group:/aws/lambda/{name}:*")
        );
        let role_tags = c
            .iam
            .list_role_tags()
            .role_name(&role_name)
            .send()
            .await
            .unwrap()
            .tags;
        assert!(
            role_tags
                .iter()
                .any(|t| t.key == "rosa:component" && t.value == component)
        );

        // The log group: 90 days, tagged.
        let groups = c
            .logs
            .describe_log_groups()
            .log_group_name_prefix(format!("/aws/lambda/{name}"))
            .send()
            .await
            .unwrap();
        let group = groups
            .log_groups
            .unwrap()
            .into_iter()
            .find(|g| g.log_group_name.as_deref() == Some(&format!("/aws/lambda/{name}")))
            .unwrap();
        // 90 days; or never expiring, when a run was stopped between creating the group and
        // setting its retention: that is compliant, and rosactl never shortens a retention.
        // (The fresh-setup test checks that an uninterrupted run sets exactly 90.)
        assert!(
            matches!(group.retention_in_days, Some(90) | None),
            "{name}: {:?}",
            group.retention_in_days
        );
    }

    // The artifact bucket: private, encrypted, versioned, TLS only, one object per package.
    let pab =
        c.s3.get_public_access_block()
            .bucket(BUCKET)
            .send()
            .await
            .unwrap()
            .public_access_block_configuration
            .unwrap();
    assert_eq!(
        (
            pab.block_public_acls,
            pab.ignore_public_acls,
            pab.block_public_policy,
            pab.restrict_public_buckets
        ),
        (Some(true), Some(true), Some(true), Some(true))
    );
    let enc =
        c.s3.get_bucket_encryption()
            .bucket(BUCKET)
            .send()
            .await
            .unwrap();
    assert!(
        !enc.server_side_encryption_configuration
            .unwrap()
            .rules
            .is_empty()
    );
    let versioning =
        c.s3.get_bucket_versioning()
            .bucket(BUCKET)
            .send()
            .await
            .unwrap();
    assert_eq!(versioning.status.unwrap().as_str(), "Enabled");
    let policy: Value = serde_json::from_str(
        &c.s3
            .get_bucket_policy()
            .bucket(BUCKET)
            .send()
            .await
            .unwrap()
            .policy
            .unwrap(),
    )
    .unwrap();
    assert_eq!(policy["Statement"][0]["Effect"], "Deny");
    assert_eq!(
        policy["Statement"][0]["Condition"]["Bool"]["aws:SecureTransport"],
        "false"
    );
    let objects =
        c.s3.list_objects_v2()
            .bucket(BUCKET)
            .send()
            .await
            .unwrap()
            .contents
            .unwrap();
    let keys: Vec<String> = objects.into_iter().filter_map(|o| o.key).collect();
    let manifest: Value = serde_json::from_slice(
        &Command::new(env!("CARGO_BIN_EXE_rosactl"))
            .args(["version", "-o", "json"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    for p in manifest["packages"].as_array().unwrap() {
        let key = format!(
            "{}/{}.zip",
            p["function_name"].as_str().unwrap(),
            p["sha256"].as_str().unwrap()
        );
        assert!(keys.contains(&key), "{key} in {keys:?}");
    }
    let (history, packages): (Vec<&String>, Vec<&String>) =
        keys.iter().partition(|k| k.starts_with("history/"));
    assert_eq!(packages.len(), 3, "{packages:?}");
    // An alias's creation is the first record of its history. (A run killed between creating
    // an alias and writing its record leaves none: the next run does not create it again.)
    for (name, ..) in FUNCTIONS {
        for alias in ["prod", "staging"] {
            let prefix = format!("history/{name}/{alias}/");
            assert!(
                history.iter().filter(|k| k.starts_with(&prefix)).count() <= 1,
                "{prefix}: {history:?}"
            );
        }
    }
}

/// After one uninterrupted setup: one creation record per alias.
async fn history_keys(bed: &TestBed) -> Vec<String> {
    let c = clients(bed).await;
    c.s3.list_objects_v2()
        .bucket(BUCKET)
        .prefix("history/")
        .send()
        .await
        .unwrap()
        .contents
        .unwrap_or_default()
        .into_iter()
        .filter_map(|o| o.key)
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn fresh_setup_creates_exactly_the_expected_resources_and_a_rerun_writes_nothing() {
    // An account no operator has added yet: registration is pending, not an error.
    let bed = TestBed::with_platform(rosa_testbed::PlatformConfig::not_added());
    let summary = setup_json(&bed);
    assert!(assert_bucket_calls_name_the_owner(&bed) > 10);
    assert_eq!(summary["changed"], true);
    assert_eq!(summary["invoker_arn"], INVOKER_ARN);
    assert_eq!(summary["registration"]["state"], "pending");
    assert!(
        summary["registration"]["detail"]
            .as_str()
            .unwrap()
            .contains("rosactl register-account --account-id 123456789012")
    );
    for v in summary["validation"].as_array().unwrap() {
        assert_eq!(v["ok"], true, "{v}");
    }
    for f in summary["functions"].as_array().unwrap() {
        assert_eq!(f["version"], "1");
        assert_eq!(f["aliases"], json!({"prod": "1", "staging": "1"}));
        assert_eq!(f["invoker"], INVOKER_ARN);
        assert_eq!(f["log_retention_days"], 90);
    }
    assert_fully_set_up(&bed).await;
    assert_eq!(
        history_keys(&bed).await.len(),
        6,
        "prod and staging of 3 functions"
    );

    // The validation invocations ran our code through the prod alias and logged.
    let c = clients(&bed).await;
    let events = c
        .logs
        .filter_log_events()
        .log_group_name("/aws/lambda/rosa-preflight-checker")
        .send()
        .await
        .unwrap();
    assert!(events.events.unwrap().iter().any(|e| {
        e.message
            .as_deref()
            .is_some_and(|m| m.contains("\"operation\":\"preflight-check\""))
    }));

    bed.aws.clear_operations().unwrap();
    let out = run(&bed, &["setup-account", "--yes"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("is up to date: nothing to change"));
    let ops = bed.aws.operations().unwrap();
    assert!(!ops.is_empty(), "the re-run read the account");
    // Validation runs on every run: three side-effect-free invocations, nothing else.
    let (invocations, writes): (Vec<String>, Vec<String>) = mutating(&ops)
        .into_iter()
        .partition(|o| o.ends_with(":prod/invocations") || o.ends_with("%3Aprod/invocations"));
    assert_eq!(
        writes,
        Vec::<String>::new(),
        "a re-run with nothing to change writes nothing"
    );
    assert_eq!(invocations.len(), 3, "{invocations:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn dry_run_prints_the_plan_and_changes_nothing() {
    let bed = TestBed::with_platform(rosa_testbed::PlatformConfig::not_added());
    let out = run(&bed, &["setup-account", "--dry-run", "-o", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let plan: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(plan["dry_run"], true);
    let steps = plan["steps"].as_array().unwrap();
    assert_eq!(steps.len(), 35);
    assert_eq!(steps[0]["action"], "create_bucket");
    assert!(
        steps
            .iter()
            .any(|s| s["action"] == "add_permission" && s["principal"] == INVOKER_ARN)
    );
    assert_eq!(bed.aws.writes(), Vec::<String>::new());
    let c = clients(&bed).await;
    assert!(
        c.lambda
            .list_functions()
            .send()
            .await
            .unwrap()
            .functions
            .unwrap_or_default()
            .is_empty()
    );
    assert!(bed.platform.account_ids().is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn without_a_terminal_it_needs_yes_and_changes_nothing() {
    let bed = TestBed::start();
    let out = run(&bed, &["setup-account"]);
    assert_eq!(out.status.code(), Some(4), "{}", stderr(&out));
    assert!(stderr(&out).contains("pass --yes"));
    assert_eq!(bed.aws.writes(), Vec::<String>::new());
}

#[test]
fn bad_flags_are_named_before_any_call() {
    let bed = TestBed::start();
    for (args, needle) in [
        (
            vec!["setup-account", "--yes", "--log-retention-days", "30"],
            "expected `never` or at least 90 days",
        ),
        (
            vec!["setup-account", "--yes", "--log-retention-days", "100"],
            "--log-retention-days",
        ),
        (
            vec![
                "setup-account",
                "--yes",
                "--invoker-role-arn",
                "LambdaExecutor",
            ],
            "--invoker-role-arn: expected the IAM role ARN",
        ),
        (
            vec!["register-account", "--account-id", "12345"],
            "--account-id: expected a 12-digit",
        ),
    ] {
        let out = run(&bed, &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(needle), "{args:?}: {}", stderr(&out));
    }
    assert!(
        bed.aws.operations().unwrap().is_empty(),
        "nothing was sent to AWS"
    );
    assert!(
        bed.platform.requests().is_empty(),
        "nothing was sent to the Platform API"
    );
}

/// Setup is stopped by a failure at one step (as by a network loss there); the next run
/// finishes the job without duplicating anything.
#[tokio::test(flavor = "multi_thread")]
async fn runs_interrupted_at_several_points_converge() {
    let bed = TestBed::start();
    let points = [
        ("iam:PutRolePolicy", "attach the least-privilege policy"),
        ("logs:PutRetentionPolicy", "logs for 90 days"),
        (
            "s3:PUT /rosa-lambda-artifacts-123456789012-us-east-1/rosa-oidc-provisioner/",
            "upload the package",
        ),
        (
            "lambda:POST /2015-03-31/functions/rosa-network-verifier/versions",
            "publish a version of rosa-network-verifier",
        ),
        (
            "lambda:POST /2015-03-31/functions/rosa-preflight-checker/aliases",
            "point alias rosa-preflight-checker:prod",
        ),
        (
            "lambda:POST /2015-03-31/functions/rosa-oidc-provisioner/policy",
            "allow only",
        ),
    ];
    for (pattern, step) in points {
        bed.aws
            .inject_fault(pattern, 500, "ServiceUnavailable", 100)
            .unwrap();
        let out = run(&bed, &["setup-account", "--yes"]);
        assert_eq!(out.status.code(), Some(1), "{pattern}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(
            err.contains(step) && err.contains("failed"),
            "{pattern}: {err}"
        );
        assert!(err.contains("run it again to continue"), "{err}");
        bed.aws.clear_faults().unwrap();

        let out = run(&bed, &["setup-account", "--yes"]);
        assert!(out.status.success(), "after {pattern}: {}", stderr(&out));
        assert_fully_set_up(&bed).await;

        let out = run(&bed, &["cleanup-account", "--yes", "--delete-logs"]);
        assert!(out.status.success(), "{}", stderr(&out));
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_role_not_yet_usable_by_lambda_is_retried() {
    let bed = TestBed::start();
    bed.aws
        .inject_fault_with_message(
            "lambda:POST /2015-03-31/functions$",
            400,
            "InvalidParameterValueException",
            Some("The role defined for the function cannot be assumed by Lambda."),
            2,
        )
        .unwrap();
    setup_json(&bed);
    let creates = bed
        .aws
        .operations()
        .unwrap()
        .iter()
        .filter(|o| o.ends_with("POST /2015-03-31/functions"))
        .count();
    assert_eq!(creates, 5, "three functions, two refusals retried");
    assert_fully_set_up(&bed).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn registration_by_an_operator_and_the_register_command() {
    // The older server, where an operator's setup-account registers the account.
    let bed = TestBed::with_platform(rosa_testbed::PlatformConfig::legacy());
    let operator = |args: &[&str]| {
        rosactl(&bed)
            .env("AWS_ACCESS_KEY_ID", OPERATOR_KEY)
            .env("AWS_SECRET_ACCESS_KEY", OPERATOR_SECRET)
            .args(args)
            .output()
            .unwrap()
    };
    // An operator setting up an account registers it (201), and a re-run sees it registered.
    let out = operator(&["setup-account", "--yes", "-o", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let summary: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(summary["registration"]["state"], "registered");
    assert_eq!(bed.platform.account_ids(), vec!["123456789012".to_string()]);
    let out = operator(&["setup-account", "--yes", "-o", "json"]);
    let summary: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(summary["registration"]["state"], "registered");

    // register-account: 201, then 409 is success too; a customer is refused (403).
    let out = operator(&["register-account", "--account-id", "111122223333"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Account 111122223333: registered"));
    let out = operator(&[
        "register-account",
        "--account-id",
        "111122223333",
        "-o",
        "json",
    ]);
    assert!(out.status.success());
    let answer: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(answer["detail"], "already registered");
    let out = run(&bed, &["register-account", "--account-id", "444455556666"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("not-privileged"), "{}", stderr(&out));
    assert!(
        !bed.platform
            .account_ids()
            .contains(&"444455556666".to_string())
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn cleanup_access_then_cleanup_account_leave_nothing_behind() {
    let bed = TestBed::start();
    setup_json(&bed);
    let c = clients(&bed).await;

    let out = run(&bed, &["cleanup-access", "--yes"]);
    assert!(out.status.success(), "{}", stderr(&out));
    for (name, ..) in FUNCTIONS {
        let policy = c
            .lambda
            .get_policy()
            .function_name(name)
            .qualifier("prod")
            .send()
            .await;
        let has_ours = policy
            .ok()
            .and_then(|p| p.policy)
            .is_some_and(|p| p.contains("AllowRosaRegionalPlatformInvoke"));
        assert!(!has_ours, "{name} still has the invoke permission");
    }
    // The platform's role can no longer be named; setup puts it back.
    let summary = setup_json(&bed);
    assert_eq!(summary["steps_applied"], 3);

    bed.aws.clear_operations().unwrap();
    let out = run(&bed, &["cleanup-account", "--yes"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        assert_bucket_calls_name_the_owner(&bed) >= 3,
        "emptied and deleted"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("pass --delete-logs"));
    assert!(
        c.lambda
            .list_functions()
            .send()
            .await
            .unwrap()
            .functions
            .unwrap_or_default()
            .is_empty()
    );
    for (name, ..) in FUNCTIONS {
        assert!(
            c.iam
                .get_role()
                .role_name(format!("{name}-execution"))
                .send()
                .await
                .is_err(),
            "{name} role"
        );
    }
    assert!(
        c.s3.head_bucket().bucket(BUCKET).send().await.is_err(),
        "bucket deleted with its object versions"
    );
    let groups = c
        .logs
        .describe_log_groups()
        .log_group_name_prefix("/aws/lambda/rosa-")
        .send()
        .await
        .unwrap();
    assert_eq!(
        groups.log_groups.unwrap_or_default().len(),
        3,
        "logs are kept without --delete-logs"
    );

    let out = run(&bed, &["cleanup-account", "--yes", "--delete-logs"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let groups = c
        .logs
        .describe_log_groups()
        .log_group_name_prefix("/aws/lambda/rosa-")
        .send()
        .await
        .unwrap();
    assert!(groups.log_groups.unwrap_or_default().is_empty());

    bed.aws.clear_operations().unwrap();
    let out = run(&bed, &["cleanup-account", "--yes", "--delete-logs"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("nothing to do"));
    assert_eq!(bed.aws.writes(), Vec::<String>::new());
}

#[tokio::test(flavor = "multi_thread")]
async fn cleanup_leaves_resources_it_did_not_create() {
    let bed = TestBed::start();
    let c = clients(&bed).await;
    // A role with our name but not our tag: someone else's.
    c.iam
        .create_role()
        .role_name("rosa-network-verifier-execution")
        .assume_role_policy_document(r#"{"Version":"2012-10-17","Statement":[]}"#)
        .send()
        .await
        .unwrap();
    let out = run(&bed, &["cleanup-account", "--yes", "--dry-run"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains(
        "role rosa-network-verifier-execution is not tagged rosa:managed-by=rosactl: left alone"
    ));
}

#[test]
fn the_invoker_must_be_one_role_of_another_account_whoever_names_it() {
    // Answered by the Platform API: refused like a flag would be, before any write.
    for (arn, why) in [
        ("*", "not an ARN"),
        ("arn:aws:iam::210987654321:root", "account root"),
        ("arn:aws:iam::210987654321:user/bob", "is not a role"),
        ("arn:aws:iam::123456789012:role/Mine", "in this account"),
        ("arn:aws:iam::210987654321:role/*", "is not a role name"),
    ] {
        let bed = TestBed::with_platform(rosa_testbed::PlatformConfig {
            invoker_arn: arn.into(),
            ..Default::default()
        });
        let out = run(&bed, &["setup-account", "--yes"]);
        assert_eq!(out.status.code(), Some(1), "{arn}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains(arn) && err.contains(why), "{arn}: {err}");
        assert!(err.contains("nothing was changed"), "{err}");
        assert_eq!(bed.aws.writes(), Vec::<String>::new(), "{arn}");
    }
    // Named with the flag: a usage error (exit 2), also for a role of the account itself.
    let bed = TestBed::start();
    for arn in [
        "arn:aws:iam::123456789012:role/Mine",
        "arn:aws:iam::210987654321:user/bob",
    ] {
        let out = run(&bed, &["setup-account", "--yes", "--invoker-role-arn", arn]);
        assert_eq!(out.status.code(), Some(2), "{arn}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("--invoker-role-arn"),
            "{}",
            stderr(&out)
        );
    }
    assert_eq!(bed.aws.writes(), Vec::<String>::new());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_deployment_that_fails_validation_is_never_registered() {
    let bed = TestBed::with_platform(rosa_testbed::PlatformConfig::not_added());
    let operator = |args: &[&str]| {
        rosactl(&bed)
            .env("AWS_ACCESS_KEY_ID", OPERATOR_KEY)
            .env("AWS_SECRET_ACCESS_KEY", OPERATOR_SECRET)
            .args(args)
            .output()
            .unwrap()
    };
    // The functions cannot be invoked: everything is deployed, validation fails, no registration.
    bed.aws
        .inject_fault("lambda:POST .*/invocations$", 500, "ServiceException", 100)
        .unwrap();
    let out = operator(&["setup-account", "--yes"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("validation failed, so the account was not registered"),
        "{}",
        stderr(&out)
    );
    assert!(bed.platform.account_ids().is_empty());

    // The second run has nothing to deploy, validates anyway, and still refuses while the
    // functions do not answer.
    let out = operator(&["setup-account", "--yes"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(bed.platform.account_ids().is_empty());

    // Once they answer, the account is registered.
    bed.aws.clear_faults().unwrap();
    let out = operator(&["setup-account", "--yes", "-o", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(bed.platform.account_ids(), vec!["123456789012".to_string()]);

    // A 409 that is not the contract's account-exists is an error, not "registered".
    bed.platform.fail_next(409, 1);
    let out = operator(&["register-account", "--account-id", "111122223333"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("injected-failure"),
        "{}",
        stderr(&out)
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_customers_longer_retention_is_kept_and_never_and_kms_are_honoured() {
    let bed = TestBed::start();
    setup_json(&bed);
    let c = clients(&bed).await;
    let group = |name: &str| format!("/aws/lambda/{name}");
    c.logs
        .put_retention_policy()
        .log_group_name(group("rosa-network-verifier"))
        .retention_in_days(3653)
        .send()
        .await
        .unwrap();
    c.logs
        .delete_retention_policy()
        .log_group_name(group("rosa-oidc-provisioner"))
        .send()
        .await
        .unwrap();
    bed.aws.clear_operations().unwrap();
    let out = run(&bed, &["setup-account", "--yes"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let writes: Vec<String> = bed
        .aws
        .writes()
        .into_iter()
        .filter(|o| !o.ends_with("/invocations"))
        .collect();
    assert_eq!(
        writes,
        Vec::<String>::new(),
        "longer retentions are compliant"
    );
    let retention = |groups: &aws_sdk_cloudwatchlogs::operation::describe_log_groups::DescribeLogGroupsOutput,
                     name: &str| {
        groups
            .log_groups()
            .iter()
            .find(|g| g.log_group_name() == Some(group(name).as_str()))
            .map(|g| (g.retention_in_days, g.kms_key_id.clone()))
            .unwrap()
    };
    let key = "arn:aws:kms:us-east-1:123456789012:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b";
    let out = run(
        &bed,
        &[
            "setup-account",
            "--yes",
            "--log-retention-days",
            "never",
            "--log-kms-key-arn",
            key,
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let groups = c
        .logs
        .describe_log_groups()
        .log_group_name_prefix("/aws/lambda/rosa-")
        .send()
        .await
        .unwrap();
    for (name, ..) in FUNCTIONS {
        assert_eq!(
            retention(&groups, name),
            (None, Some(key.to_string())),
            "{name}"
        );
    }
    for bad in ["30", "100", "forever"] {
        let out = run(
            &bed,
            &["setup-account", "--yes", "--log-retention-days", bad],
        );
        assert_eq!(out.status.code(), Some(2), "{bad}");
    }
    let out = run(
        &bed,
        &["setup-account", "--yes", "--log-kms-key-arn", "alias/mine"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("--log-kms-key-arn"),
        "{}",
        stderr(&out)
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn resources_with_our_names_but_not_our_tag_are_never_adopted() {
    let bed = TestBed::start();
    let c = clients(&bed).await;
    // Someone's function under our name (as an earlier demo did with `rosa-testbed invoke`).
    let role = c
        .iam
        .create_role()
        .role_name("someone-elses-role")
        .assume_role_policy_document(r#"{"Version":"2012-10-17","Statement":[]}"#)
        .send()
        .await
        .unwrap()
        .role
        .unwrap()
        .arn;
    let mut zip = std::io::Cursor::new(Vec::new());
    {
        use std::io::Write;
        let mut w = zip::ZipWriter::new(&mut zip);
        w.start_file("bootstrap", zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(b"#!/bin/sh\n").unwrap();
        w.finish().unwrap();
    }
    c.lambda
        .create_function()
        .function_name("rosa-oidc-provisioner")
        .runtime(aws_sdk_lambda::types::Runtime::Providedal2023)
        .handler("bootstrap")
        .role(role)
        .code(
            aws_sdk_lambda::types::FunctionCode::builder()
                .zip_file(aws_sdk_lambda::primitives::Blob::new(zip.into_inner()))
                .build(),
        )
        .send()
        .await
        .unwrap();
    c.iam
        .create_role()
        .role_name("rosa-network-verifier-execution")
        .assume_role_policy_document(r#"{"Version":"2012-10-17","Statement":[]}"#)
        .send()
        .await
        .unwrap();
    bed.aws.clear_operations().unwrap();
    for args in [
        vec!["setup-account", "--yes"],
        vec!["update-lambdas", "--yes"],
        vec!["promote-lambdas", "--yes"],
    ] {
        let out = run(&bed, &args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains("nothing was changed"), "{err}");
        assert!(
            err.contains(
                "function rosa-oidc-provisioner exists but is not tagged rosa:managed-by=rosactl"
            ),
            "{err}"
        );
    }
    let out = run(&bed, &["setup-account", "--yes"]);
    assert!(
        stderr(&out).contains("role rosa-network-verifier-execution exists but is not tagged"),
        "{}",
        stderr(&out)
    );
    assert_eq!(bed.aws.writes(), Vec::<String>::new());
}

#[tokio::test(flavor = "multi_thread")]
async fn policies_added_to_our_roles_are_removed_and_reported() {
    let bed = TestBed::start();
    setup_json(&bed);
    let c = clients(&bed).await;
    let role = "rosa-preflight-checker-execution";
    c.iam
        .put_role_policy()
        .role_name(role)
        .policy_name("extra")
        .policy_document(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"#)
        .send()
        .await
        .unwrap();
    let managed = c
        .iam
        .create_policy()
        .policy_name("wide")
        .policy_document(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:*","Resource":"*"}]}"#)
        .send()
        .await
        .unwrap()
        .policy
        .unwrap()
        .arn
        .unwrap();
    c.iam
        .attach_role_policy()
        .role_name(role)
        .policy_arn(&managed)
        .send()
        .await
        .unwrap();
    let out = run(&bed, &["setup-account", "--yes", "--dry-run"]);
    let plan = String::from_utf8_lossy(&out.stdout);
    assert!(
        plan.contains("remove inline policy extra from rosa-preflight-checker-execution"),
        "{plan}"
    );
    assert!(
        plan.contains(&format!(
            "detach {managed} from rosa-preflight-checker-execution"
        )),
        "{plan}"
    );
    setup_json(&bed);
    let inline = c
        .iam
        .list_role_policies()
        .role_name(role)
        .send()
        .await
        .unwrap();
    assert_eq!(inline.policy_names, vec![role.to_string()]);
    let attached = c
        .iam
        .list_attached_role_policies()
        .role_name(role)
        .send()
        .await
        .unwrap();
    assert!(attached.attached_policies.unwrap_or_default().is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn other_invoke_permissions_and_function_urls_are_reported() {
    let bed = TestBed::start();
    setup_json(&bed);
    let c = clients(&bed).await;
    c.lambda
        .add_permission()
        .function_name("rosa-network-verifier")
        .statement_id("SomeoneElse")
        .action("lambda:InvokeFunction")
        .principal("arn:aws:iam::999999999999:role/Other")
        .send()
        .await
        .unwrap();
    c.lambda
        .create_function_url_config()
        .function_name("rosa-preflight-checker")
        .auth_type(aws_sdk_lambda::types::FunctionUrlAuthType::None)
        .send()
        .await
        .unwrap();
    let summary = setup_json(&bed);
    let notes: Vec<String> = summary["notes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap().to_string())
        .collect();
    assert!(
        notes.iter().any(
            |n| n.starts_with("rosa-network-verifier: statement SomeoneElse")
                && n.contains("arn:aws:iam::999999999999:role/Other")
        ),
        "{notes:?}"
    );
    assert!(
        notes
            .iter()
            .any(|n| n.starts_with("rosa-preflight-checker: function URL")
                && n.contains("auth type NONE")),
        "{notes:?}"
    );
    assert_eq!(notes.len(), 2, "{notes:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn add_permission_conflicts_are_told_apart() {
    let bed = TestBed::start();
    // "An update is in progress" twice: retried, and the statement is really there.
    bed.aws
        .inject_fault_with_message(
            "lambda:POST /2015-03-31/functions/rosa-oidc-provisioner/policy",
            409,
            "ResourceConflictException",
            Some("The operation cannot be performed at this time. An update is in progress for resource: arn:aws:lambda:us-east-1:123456789012:function:rosa-oidc-provisioner"),
            2,
        )
        .unwrap();
    // "The statement id exists" (someone else's, in fact absent here): not counted as done.
    bed.aws
        .inject_fault_with_message(
            "lambda:POST /2015-03-31/functions/rosa-network-verifier/policy",
            409,
            "ResourceConflictException",
            Some("The statement id (AllowRosaRegionalPlatformInvoke) provided already exists. Please provide a new statement id, or remove the existing statement."),
            1,
        )
        .unwrap();
    let summary = setup_json(&bed);
    for f in summary["functions"].as_array().unwrap() {
        assert_eq!(f["invoker"], INVOKER_ARN, "{f}");
    }
    let posts = |name: &str| {
        bed.aws
            .operations()
            .unwrap()
            .iter()
            .filter(|o| o.starts_with(&format!("lambda:POST /2015-03-31/functions/{name}/policy")))
            .count()
    };
    assert_eq!(posts("rosa-oidc-provisioner"), 3, "two refusals retried");
    assert_eq!(posts("rosa-network-verifier"), 2, "replaced, then added");
    assert_fully_set_up(&bed).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn emptying_a_bucket_s3_refuses_to_empty_ends_with_the_keys() {
    let bed = TestBed::start();
    setup_json(&bed);
    // Every DeleteObjects answers "AccessDenied" for every object (as object lock would).
    bed.aws
        .inject_delete_errors(BUCKET, "AccessDenied", 100)
        .unwrap();
    bed.aws.clear_operations().unwrap();
    let out = run(&bed, &["cleanup-account", "--yes"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("S3 refused to delete"), "{err}");
    assert!(
        err.contains("rosa-oidc-provisioner/") && err.contains("AccessDenied"),
        "{err}"
    );
    let deletes = bed
        .aws
        .operations()
        .unwrap()
        .iter()
        .filter(|o| o.contains("?delete"))
        .count();
    assert_eq!(deletes, 3, "bounded: three rounds, then a clear error");
    // Once S3 lets go, the same command finishes.
    bed.aws.clear_faults().unwrap();
    let out = run(&bed, &["cleanup-account", "--yes"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[tokio::test(flavor = "multi_thread")]
async fn an_existing_bucket_gets_owner_enforced_object_ownership() {
    let bed = TestBed::start();
    setup_json(&bed);
    let c = clients(&bed).await;
    let ownership = || async {
        c.s3.get_bucket_ownership_controls()
            .bucket(BUCKET)
            .send()
            .await
            .ok()
            .and_then(|o| o.ownership_controls)
            .map(|o| o.rules[0].object_ownership.as_str().to_string())
    };
    assert_eq!(
        ownership().await.as_deref(),
        Some("BucketOwnerEnforced"),
        "from creation"
    );
    c.s3.delete_bucket_ownership_controls()
        .bucket(BUCKET)
        .send()
        .await
        .unwrap();
    let summary = setup_json(&bed);
    assert_eq!(summary["steps_applied"], 1);
    assert_eq!(ownership().await.as_deref(), Some("BucketOwnerEnforced"));
}

#[tokio::test(flavor = "multi_thread")]
async fn today_an_operator_registers_and_a_customer_is_pending_with_exit_0() {
    let bed = TestBed::with_platform(rosa_testbed::PlatformConfig::not_added());
    // A customer: every /accounts route answers AUTH-006; setup-account ends pending, exit 0,
    // without trying the POST it cannot make.
    let out = run(&bed, &["setup-account", "--yes", "-o", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let summary: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(summary["registration"]["state"], "pending", "{summary}");
    assert!(
        stderr(&out).is_empty(),
        "nothing on stderr with -o json: {}",
        stderr(&out)
    );
    let posts = bed
        .platform
        .requests()
        .iter()
        .filter(|r| r.method == "POST" && r.path.ends_with("/accounts"))
        .count();
    assert_eq!(posts, 0);
    let out = run(&bed, &["register-account", "--account-id", "444455556666"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("needs a privileged (platform operator) account"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("AUTH-006"), "{}", stderr(&out));

    // An operator: 201, then 409 ACCOUNTS-MGMT-CREATE-004 is "already registered".
    let operator = |args: &[&str]| {
        rosactl(&bed)
            .env("AWS_ACCESS_KEY_ID", OPERATOR_KEY)
            .env("AWS_SECRET_ACCESS_KEY", OPERATOR_SECRET)
            .args(args)
            .output()
            .unwrap()
    };
    let out = operator(&["register-account", "--account-id", "123456789012"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(bed.platform.account_ids(), vec!["123456789012".to_string()]);
    let out = operator(&[
        "register-account",
        "--account-id",
        "123456789012",
        "-o",
        "json",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let answer: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(answer["detail"], "already registered");
    // The customer now sees it registered, inferred from /clusters answering.
    let out = run(&bed, &["setup-account", "--yes", "-o", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let summary: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(summary["registration"]["state"], "registered", "{summary}");
}

/// Runs `cluster-vpc list` with `--profile profile` from the config file `config` (HOME set
/// to `home`), no credentials in the environment, through `aws`; it must succeed. Returns what
/// it printed (stdout and stderr, `--debug` on).
fn run_with_profile(
    bed: &TestBed,
    aws: &rosa_testbed::faults::FaultProxy,
    home: &std::path::Path,
    config: &std::path::Path,
    profile: &str,
) -> String {
    let out = bed
        .command_via(env!("CARGO_BIN_EXE_rosactl"), aws, None)
        .stdin(Stdio::null())
        .env_remove("AWS_ACCESS_KEY_ID")
        .env_remove("AWS_SECRET_ACCESS_KEY")
        .env_remove("AWS_SESSION_TOKEN")
        .env("HOME", home)
        .env("AWS_CONFIG_FILE", config)
        .args([
            "--profile",
            profile,
            "cluster-vpc",
            "list",
            "--debug",
            "-o",
            "json",
        ])
        .output()
        .unwrap();
    let all = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.status.success(), "{all}");
    all
}

fn header<'a>(r: &'a rosa_testbed::faults::RawRequest, name: &str) -> Option<&'a str> {
    r.headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

/// Every request of `calls` is signed with access key `key` and carries session token `token`.
fn all_signed_with(calls: &[&rosa_testbed::faults::RawRequest], key: &str, token: &str) {
    assert!(!calls.is_empty(), "no AWS call went out");
    for r in calls {
        assert!(
            header(r, "authorization").is_some_and(|a| a.contains(&format!("Credential={key}/"))),
            "{} {} not signed with {key}",
            r.method,
            r.target
        );
        assert_eq!(
            header(r, "x-amz-security-token"),
            Some(token),
            "{} {}",
            r.method,
            r.target
        );
    }
}

/// A profile whose credentials come from `credential_process` (as vaults and SSO helpers
/// provide them): every AWS call is signed with the keys the process printed, and neither
/// its secret nor its token is printed by rosactl.
#[test]
fn a_credential_process_profile_signs_every_call_with_the_keys_it_prints() {
    use std::os::unix::fs::PermissionsExt;
    let bed = TestBed::start();
    let (aws, _platform) = bed.fault_proxies();
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("credentials.sh");
    std::fs::write(
        &script,
        "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \"ASIAPROCESSKEY000001\", \"SecretAccessKey\": \"process-secret-value\", \"SessionToken\": \"process-session-token\"}'\n",
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let config = dir.path().join("config");
    std::fs::write(
        &config,
        format!(
            "[profile vault]\nregion = us-east-1\ncredential_process = {}\n",
            script.display()
        ),
    )
    .unwrap();
    let all = run_with_profile(&bed, &aws, dir.path(), &config, "vault");
    for secret in ["process-secret-value", "process-session-token"] {
        assert!(!all.contains(secret), "{secret} printed: {all}");
    }
    let sent = aws.raw_requests();
    all_signed_with(
        &sent.iter().collect::<Vec<_>>(),
        "ASIAPROCESSKEY000001",
        "process-session-token",
    );
}

/// An SSO profile (IAM Identity Center, the legacy `sso_start_url` form): the SDK reads the
/// cached token `aws sso login` left, trades it for role credentials at the SSO portal (here
/// the fault proxy answers as the portal), and every AWS call is signed with those.
#[test]
fn an_sso_profile_signs_every_call_with_the_portals_role_credentials() {
    use rosa_testbed::faults::{Fault, Rule};
    use sha1::Digest;
    let bed = TestBed::start();
    let (aws, _platform) = bed.fault_proxies();
    let expires_ms = (std::time::SystemTime::now() + std::time::Duration::from_secs(3600))
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis();
    aws.add(Rule::always(
        "/federation/credentials",
        Fault::Answer(
            200,
            "application/json".into(),
            json!({"roleCredentials": {
                "accessKeyId": "ASIASSOROLEKEY000001",
                "secretAccessKey": "sso-secret-value",
                "sessionToken": "sso-session-token",
                "expiration": expires_ms,
            }})
            .to_string(),
        ),
    ));
    let home = tempfile::tempdir().unwrap();
    let start_url = "https://example.awsapps.com/start";
    let cache = home.path().join(".aws/sso/cache");
    std::fs::create_dir_all(&cache).unwrap();
    let key = hex::encode(sha1::Sha1::digest(start_url.as_bytes()));
    std::fs::write(
        cache.join(format!("{key}.json")),
        json!({"accessToken": "cached-sso-access-token", "expiresAt": "2099-01-01T00:00:00Z", "region": "us-east-1", "startUrl": start_url}).to_string(),
    )
    .unwrap();
    let config = home.path().join("config");
    std::fs::write(
        &config,
        format!(
            "[profile operator]\nsso_start_url = {start_url}\nsso_region = us-east-1\nsso_account_id = 123456789012\nsso_role_name = RosaOperator\nregion = us-east-1\n"
        ),
    )
    .unwrap();
    let all = run_with_profile(&bed, &aws, home.path(), &config, "operator");
    for secret in [
        "sso-secret-value",
        "sso-session-token",
        "cached-sso-access-token",
    ] {
        assert!(!all.contains(secret), "{secret} printed: {all}");
    }
    let sent = aws.raw_requests();
    let (portal, calls): (Vec<_>, Vec<_>) = sent
        .iter()
        .partition(|r| r.target.starts_with("/federation/credentials"));
    assert!(
        !portal.is_empty(),
        "the token was never traded for credentials"
    );
    for trade in &portal {
        assert!(
            trade.target.contains("role_name=RosaOperator"),
            "{}",
            trade.target
        );
        assert!(
            trade.target.contains("account_id=123456789012"),
            "{}",
            trade.target
        );
        assert_eq!(
            header(trade, "x-amz-sso_bearer_token"),
            Some("cached-sso-access-token")
        );
    }
    all_signed_with(&calls, "ASIASSOROLEKEY000001", "sso-session-token");
}
