//! `init`, `whoami` and the cluster commands through the real binary, against the
//! SigV4-verifying Platform API stand-in (and the AWS stand-in for credentials and --preflight).

mod common;
use common::{rosactl, run};

use std::process::Output;
use std::time::Duration;

use rosa_testbed::TestBed;
use rosa_testbed::platform::{OPERATOR_KEY, OPERATOR_SECRET, PlatformConfig};
use serde_json::Value;

fn bed() -> TestBed {
    bed_with(PlatformConfig::default())
}

fn bed_with(config: PlatformConfig) -> TestBed {
    TestBed::with_platform(PlatformConfig {
        phase_step: Duration::from_millis(200),
        ..config
    })
}

fn json(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn check<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == name)
        .unwrap_or_else(|| panic!("no check {name}: {report}"))
}

#[test]
fn init_all_ok_for_a_registered_account() {
    let bed = bed();
    bed.platform.register_account("123456789012");
    let report = json(&run(&bed, &["init", "-o", "json"]));
    assert_eq!(report["ok"], true);
    for c in report["checks"].as_array().unwrap() {
        assert_eq!(c["status"], "ok", "{c}");
    }
    assert!(
        check(&report, "aws-credentials")["detail"]
            .as_str()
            .unwrap()
            .contains("account 123456789012")
    );
    assert_eq!(
        check(&report, "invoker-principal")["detail"],
        rosa_testbed::platform::INVOKER_ARN
    );
    let table = run(&bed, &["init"]);
    assert!(table.status.success());
    assert!(String::from_utf8_lossy(&table.stdout).contains("platform-ready"));
}

#[test]
fn init_reports_each_failure_and_exits_non_zero() {
    let bed = bed_with(PlatformConfig::not_added());
    // Not enabled yet: a warning, not a failure, and it says how that was found out.
    let report = json(&run(&bed, &["init", "-o", "json"]));
    let registration = check(&report, "account-registration");
    assert_eq!(registration["status"], "warning");
    let detail = registration["detail"].as_str().unwrap();
    assert!(
        detail.contains("inferred from /api/v0/clusters")
            && detail.contains("rosactl register-account --account-id 123456789012"),
        "{detail}"
    );

    // Not ready.
    bed.platform.set_ready(false);
    let out = run(&bed, &["init", "-o", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["ok"], false);
    assert_eq!(check(&report, "platform-ready")["status"], "failed");
    assert!(stderr(&out).contains("required checks failed: platform-ready"));
    bed.platform.set_ready(true);

    // Unreachable API, and no API at all.
    let out = rosactl(&bed)
        .args(["init", "-o", "json"])
        .env("ROSACTL_API_URL", "http://127.0.0.1:9/prod")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        check(&report, "platform-api")["detail"]
            .as_str()
            .unwrap()
            .contains("cannot reach the Platform API")
    );
    let out = rosactl(&bed)
        .args(["init", "-o", "json"])
        .env_remove("ROSACTL_API_URL")
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        check(&report, "platform-api")["detail"]
            .as_str()
            .unwrap()
            .contains("--api-url")
    );

    // Credentials the API does not know.
    let out = rosactl(&bed)
        .args(["init", "-o", "json"])
        .env("AWS_ACCESS_KEY_ID", "AKIAUNKNOWN000000000")
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        check(&report, "platform-api")["detail"]
            .as_str()
            .unwrap()
            .contains("security token included in the request is invalid")
    );

    // No AWS credentials at all.
    let out = rosactl(&bed)
        .args(["init", "-o", "json"])
        .env_remove("AWS_ACCESS_KEY_ID")
        .env_remove("AWS_SECRET_ACCESS_KEY")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(check(&report, "aws-credentials")["status"], "failed");
    assert!(
        check(&report, "aws-credentials")["detail"]
            .as_str()
            .unwrap()
            .contains("AWS credentials not found")
    );

    // A region that is not one.
    let out = run(&bed, &["init", "-o", "json", "--region", "moon-base-1x"]);
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(check(&report, "region")["status"], "failed");
}

#[test]
fn whoami_shows_identity_region_api_and_registration() {
    let bed = bed();
    let me = json(&run(&bed, &["whoami", "-o", "json"]));
    assert_eq!(me["account_id"], "123456789012");
    assert_eq!(me["region"], "us-east-1");
    assert_eq!(me["api_url"], bed.platform.base_url.as_str());
    // Today's server: a customer cannot read its registration; it is inferred.
    assert_eq!(me["registration"]["state"], "registered");
    assert!(
        me["registration"]["detail"]
            .as_str()
            .unwrap()
            .contains("inferred from /api/v0/clusters"),
        "{me}"
    );
    let bed = bed_with(PlatformConfig::not_added());
    let me = json(&run(&bed, &["whoami", "-o", "json"]));
    assert_eq!(me["registration"]["state"], "pending");
    // The older server lets a customer read its own registration.
    let bed = bed_with(PlatformConfig::legacy());
    let me = json(&run(&bed, &["whoami", "-o", "json"]));
    assert_eq!(me["registration"]["state"], "not registered");
}

#[test]
fn an_account_no_operator_added_is_told_who_enables_it() {
    let bed = bed_with(PlatformConfig::not_added());
    let out = run(
        &bed,
        &["create", "cluster", "--name", "first", "-o", "json"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("this account (123456789012) is not enabled on the platform: a platform operator runs `rosactl register-account --account-id 123456789012`"),
        "{}",
        stderr(&out)
    );
    assert!(
        out.stdout.is_empty(),
        "nothing on stdout: {}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn the_servers_field_list_is_printed_field_by_field_with_exit_2() {
    let bed = bed();
    let dir = tempfile::tempdir().unwrap();
    // A platform-managed field in --spec-file is refused here, naming it, before any request.
    let spec = dir.path().join("spec.json");
    std::fs::write(
        &spec,
        r#"{"accountId": "1", "hostedCluster": {"platform": {"type": "AWS"}}}"#,
    )
    .unwrap();
    let out = run(
        &bed,
        &[
            "create",
            "cluster",
            "--name",
            "managed",
            "--spec-file",
            spec.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("accountId"), "{}", stderr(&out));
    assert!(bed.platform.requests().is_empty());
    // A name the server would refuse (more than 18): refused before anything, for every
    // command that takes a cluster name.
    let long = "a".repeat(19);
    for args in [
        vec!["create", "cluster", "--name", long.as_str()],
        vec![
            "cluster-vpc",
            "create",
            long.as_str(),
            "--availability-zones",
            "us-east-1a",
        ],
        vec!["cluster-iam", "create", long.as_str()],
        vec![
            "cluster-oidc",
            "create",
            long.as_str(),
            "--oidc-issuer-url",
            "https://example.com/abc",
        ],
    ] {
        let out = run(&bed, &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("3 to 18"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    assert!(bed.platform.requests().is_empty());
    assert!(bed.aws.operations().unwrap().is_empty(), "no AWS call");
}

#[test]
fn status_filters_on_our_side_and_an_empty_node_pool_list_is_empty() {
    let bed = bed();
    json(&run(
        &bed,
        &["create", "cluster", "--name", "one", "-o", "json"],
    ));
    json(&run(
        &bed,
        &["create", "cluster", "--name", "fail-two", "-o", "json"],
    ));
    let none = json(&run(
        &bed,
        &["list", "clusters", "--status", "Deleting", "-o", "json"],
    ));
    assert_eq!(none["items"], serde_json::json!([]), "{none}");
    // Phases move on: wait (counting reads) until `one` is Ready, then filter.
    let mut reads = 0;
    loop {
        reads += 1;
        let ready = json(&run(
            &bed,
            &["list", "clusters", "--status", "Ready", "-o", "json"],
        ));
        let names: Vec<&str> = ready["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["name"].as_str().unwrap())
            .collect();
        if !names.is_empty() {
            assert_eq!(names, ["one"], "only the Ready one: {ready}");
            break;
        }
        assert!(reads < 200, "never Ready: {ready}");
    }
    let pools = json(&run(
        &bed,
        &["nodepool", "list", "--cluster-id", "one", "-o", "json"],
    ));
    assert_eq!(pools["items"], serde_json::json!([]), "{pools}");
}

#[test]
fn create_list_describe_delete_with_watch() {
    let bed = bed();
    let created = json(&run(
        &bed,
        &[
            "create",
            "cluster",
            "--name",
            "my-cluster",
            "--vpc-id",
            "vpc-0123456789abcdef0",
            "--subnet-ids",
            "subnet-01234567,subnet-89abcdef",
            "--zone",
            "us-east-1b",
            "--watch",
            "--poll-interval",
            "0.1",
            "-o",
            "json",
        ],
    ));
    let id = created["id"].as_str().unwrap().to_string();
    assert_eq!(created["status"]["phase"], "Ready");
    assert!(created["oidc_issuer_url"].as_str().unwrap().ends_with(&id));
    assert_eq!(
        created["spec"]["hostedCluster"]["platform"]["aws"]["cloudProviderConfig"]["subnet"]["id"],
        "subnet-01234567"
    );

    // The noun-verb form, as the platform's own end-to-end suite drives it.
    let second = json(&run(
        &bed,
        &["cluster", "create", "second-one", "--output", "json"],
    ));
    assert!(second["id"].as_str().is_some());

    let list = json(&run(&bed, &["list", "clusters", "-o", "json"]));
    assert_eq!(list["total"], 2);
    let table = run(&bed, &["list", "clusters"]);
    let text = String::from_utf8_lossy(&table.stdout);
    assert!(
        text.lines()
            .next()
            .unwrap()
            .split_whitespace()
            .eq(["ID", "NAME", "PHASE", "CREATED"])
    );
    assert!(text.contains("my-cluster") && text.contains("second-one"));
    let limited = json(&run(
        &bed,
        &["list", "clusters", "--limit", "1", "-o", "json"],
    ));
    assert_eq!(limited["items"].as_array().unwrap().len(), 1);
    let ready = json(&run(
        &bed,
        &["cluster", "list", "--status", "Ready", "-o", "json"],
    ));
    assert_eq!(ready["items"][0]["name"], "my-cluster");

    let by_name = json(&run(
        &bed,
        &["describe", "cluster", "my-cluster", "-o", "json"],
    ));
    assert_eq!(by_name["id"], id.as_str());
    let text = run(&bed, &["describe", "cluster", &id]);
    let text = String::from_utf8_lossy(&text.stdout).to_string();
    for needle in [
        "Phase:            Ready",
        "OIDC issuer URL:  https://",
        "API endpoint:     https://",
        "vpc-0123456789abcdef0",
        "Conditions:",
    ] {
        assert!(text.contains(needle), "{needle} in\n{text}");
    }

    let out = run(
        &bed,
        &[
            "delete",
            "cluster",
            "my-cluster",
            "--yes",
            "--watch",
            "--poll-interval",
            "0.1",
            "-o",
            "json",
        ],
    );
    let deleted = json(&out);
    assert_eq!(deleted["deleted"], true);
    assert!(
        stderr(&out).is_empty(),
        "-o json: nothing on stderr: {}",
        stderr(&out)
    );
    assert_eq!(bed.platform.cluster_names(), vec!["second-one".to_string()]);
    let out = run(&bed, &["describe", "cluster", "my-cluster"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no cluster named or with id \"my-cluster\""));
}

#[test]
fn a_named_delete_proceeds_off_a_terminal_and_sweeps_still_need_yes() {
    let bed = bed();
    json(&run(
        &bed,
        &["create", "cluster", "--name", "named", "-o", "json"],
    ));
    // The name on the command line is the confirmation (as kubectl and the AWS CLI).
    let out = run(&bed, &["delete", "cluster", "named", "--no-wait"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("deletion initiated"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    // --watch and --no-wait contradict each other.
    let out = run(
        &bed,
        &["delete", "cluster", "named", "--no-wait", "--watch"],
    );
    assert_eq!(out.status.code(), Some(2));
    let deletes = bed
        .platform
        .requests()
        .iter()
        .filter(|r| r.method == "DELETE" && r.path.starts_with("/api/v0/clusters/"))
        .count();
    assert_eq!(deletes, 1, "one DELETE, accepted (202)");
}

#[test]
fn bad_names_and_ids_are_rejected_before_any_request() {
    let bed = bed();
    for (args, needle) in [
        (
            vec!["create", "cluster", "--name", "ab"],
            "--name: expected 3 to 18",
        ),
        (vec!["create", "cluster", "--name", "Bad_Name"], "--name"),
        (
            vec![
                "create",
                "cluster",
                "--name",
                "ok-name",
                "--vpc-id",
                "vpc-123",
                "--subnet-ids",
                "subnet-01234567",
            ],
            "--vpc-id",
        ),
        (
            vec![
                "create",
                "cluster",
                "--name",
                "ok-name",
                "--vpc-id",
                "vpc-01234567",
                "--subnet-ids",
                "sub-1",
            ],
            "--subnet-ids",
        ),
        (
            vec![
                "create",
                "cluster",
                "--name",
                "ok-name",
                "--vpc-id",
                "vpc-01234567",
            ],
            "--vpc-id and --subnet-ids",
        ),
        (
            vec![
                "create", "cluster", "--name", "ok-name", "--region", "nowhere",
            ],
            "--region",
        ),
        (
            vec!["create", "cluster", "--name", "ok-name", "--tag", "x"],
            "--tag",
        ),
        (
            vec![
                "create",
                "cluster",
                "--name",
                "ok-name",
                "--zone",
                "eu-west-1a",
            ],
            "--zone",
        ),
        (vec!["list", "clusters", "--limit", "0"], "--limit"),
    ] {
        let out = run(&bed, &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(needle), "{args:?}: {}", stderr(&out));
    }
    assert!(
        bed.platform.requests().is_empty(),
        "no request reached the Platform API: {:?}",
        bed.platform.requests()
    );
}

#[test]
fn dry_run_prints_the_body_and_sends_nothing() {
    let bed = bed();
    let body = json(&run(
        &bed,
        &[
            "create",
            "cluster",
            "--name",
            "dry",
            "--vpc-id",
            "vpc-01234567",
            "--subnet-ids",
            "subnet-01234567",
            "--version",
            "4.18.5",
            "--dry-run",
        ],
    ));
    assert_eq!(body["name"], "dry");
    assert_eq!(body["spec"]["hostedCluster"]["platform"]["type"], "AWS");
    assert_eq!(
        body["spec"]["hostedCluster"]["release"]["image"],
        "quay.io/openshift-release-dev/ocp-release:4.18.5-x86_64"
    );
    assert!(bed.platform.requests().is_empty());
    assert!(bed.aws.operations().unwrap().is_empty());
}

#[test]
fn api_errors_are_shown_with_code_and_reason() {
    let bed = bed();
    json(&run(
        &bed,
        &["create", "cluster", "--name", "twice", "-o", "json"],
    ));
    let out = run(&bed, &["create", "cluster", "--name", "twice"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out)
            .contains("a cluster named \"twice\" already exists in this account (409 Conflict")
            && stderr(&out).contains("CLUSTERS-MGMT-CREATE-005"),
        "{}",
        stderr(&out)
    );

    // A cluster that fails: --watch ends with exit 1 and the reason.
    let out = run(
        &bed,
        &[
            "create",
            "cluster",
            "--name",
            "fail-me",
            "--watch",
            "--poll-interval",
            "0.1",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("cluster fail-me failed: ")
            && stderr(&out).contains("ProvisioningFailed"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn preflight_runs_the_accounts_own_functions_and_refuses_on_their_errors() {
    let bed = bed();
    let out = run(&bed, &["setup-account", "--yes"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let base = [
        "create",
        "cluster",
        "--name",
        "checked",
        "--vpc-id",
        "vpc-0123456789abcdef0",
        "--subnet-ids",
        "subnet-01234567",
        "--preflight",
    ];

    // The real preflight-checker refuses an instance type it cannot read: no cluster.
    let mut args = base.to_vec();
    args.extend(["--instance-type", "huge"]);
    let out = run(&bed, &args);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("rosa-preflight-checker:prod failed: InvalidInput"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("cluster_config.instance_type"),
        "{}",
        stderr(&out)
    );
    assert!(bed.platform.cluster_names().is_empty());

    // The real network verifier finds no such VPC: refused, with the failed check.
    let out = run(&bed, &base);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("vpc_exists failed: VPC vpc-0123456789abcdef0 does not exist"),
        "{}",
        stderr(&out)
    );
    assert!(bed.platform.cluster_names().is_empty());
    let ops = bed.aws.operations().unwrap();
    assert!(
        ops.iter()
            .any(|o| o.contains("rosa-network-verifier:prod/invocations")
                || o.contains("rosa-network-verifier%3Aprod/invocations")),
        "{ops:?}"
    );

    // Without deployed functions, --preflight says what to do.
    let out = run(&bed, &["cleanup-account", "--yes"]);
    assert!(out.status.success());
    let mut args = base.to_vec();
    args[3] = "other";
    let out = run(&bed, &args);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("run rosactl setup-account first"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn secrets_never_appear_in_output_even_with_debug() {
    let bed = bed();
    for args in [
        vec!["setup-account", "--yes", "--debug"],
        vec![
            "create",
            "cluster",
            "--name",
            "secret-test",
            "--debug",
            "-o",
            "json",
        ],
        vec!["init", "--debug"],
        vec![
            "register-account",
            "--account-id",
            "111122223333",
            "--debug",
        ],
    ] {
        let out = rosactl(&bed)
            .env("AWS_ACCESS_KEY_ID", OPERATOR_KEY)
            .env("AWS_SECRET_ACCESS_KEY", OPERATOR_SECRET)
            .args(&args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        let all = format!("{}{}", String::from_utf8_lossy(&out.stdout), stderr(&out));
        for secret in [
            OPERATOR_SECRET,
            "Signature=",
            "X-Amz-Security-Token",
            "Authorization",
        ] {
            assert!(!all.contains(secret), "{args:?} printed {secret}");
        }
        // --debug says what it promises: one line per AWS and Platform API call.
        let err = stderr(&out);
        assert!(
            err.contains("debug: aws STS.GetCallerIdentity -> 200 in "),
            "{args:?}: {err}"
        );
        assert!(
            err.lines()
                .any(|l| l.starts_with("debug: platform-api ") && l.contains(" -> ")),
            "{args:?}: {err}"
        );
        if args[0] == "setup-account" {
            for call in [
                "debug: aws Lambda.CreateFunction -> 201",
                "debug: aws IAM.CreateRole -> 200",
                "debug: aws S3.PutObject -> 200",
                "debug: aws Lambda.Invoke -> 200",
            ] {
                assert!(err.contains(call), "{call}: {err}");
            }
        }
    }
    // Failures too: a refused request does not echo what was signed.
    let out = rosactl(&bed)
        .env("AWS_SECRET_ACCESS_KEY", "a-wrong-secret-value")
        .args(["list", "clusters", "--debug"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(!stderr(&out).contains("a-wrong-secret-value") && !stderr(&out).contains("Signature="));
}

#[test]
fn cluster_and_nodepool_updates_send_only_what_changes() {
    let bed = bed();
    json(&run(
        &bed,
        &[
            "create",
            "cluster",
            "--name",
            "upd",
            "--vpc-id",
            "vpc-0123456789abcdef0",
            "--subnet-ids",
            "subnet-01234567",
            "-o",
            "json",
        ],
    ));
    let count = |method: &str, prefix: &str| {
        bed.platform
            .requests()
            .iter()
            .filter(|r| r.method == method && r.path.starts_with(prefix))
            .count()
    };
    let update = [
        "cluster",
        "update",
        "upd",
        "--delete-protection",
        "true",
        "--expiration",
        "2027-01-31T00:00:00Z",
        "-o",
        "json",
    ];
    let mut dry = update.to_vec();
    dry.push("--dry-run");
    let plan = json(&run(&bed, &dry));
    assert_eq!(
        plan["patch"],
        serde_json::json!({"spec": {"deleteProtection": true, "expirationTimestamp": "2027-01-31T00:00:00Z"}})
    );
    assert_eq!(
        count("PATCH", "/api/v0/clusters/"),
        0,
        "a dry run sends nothing"
    );
    let updated = json(&run(&bed, &update));
    assert_eq!(updated["spec"]["deleteProtection"], true, "{updated}");
    assert_eq!(count("PATCH", "/api/v0/clusters/"), 1);
    let again = run(&bed, &update);
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(
        count("PATCH", "/api/v0/clusters/"),
        1,
        "a re-run sends nothing"
    );
    for (args, flag) in [
        (
            vec!["cluster", "update", "upd", "--expiration", "tomorrow"],
            "--expiration",
        ),
        (vec!["cluster", "update", "upd"], "nothing to change"),
        (
            vec![
                "nodepool",
                "update",
                "workers",
                "--cluster-id",
                "upd",
                "--replicas",
                "0",
            ],
            "--replicas",
        ),
    ] {
        let out = run(&bed, &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(flag), "{args:?}: {}", stderr(&out));
    }

    json(&run(
        &bed,
        &[
            "nodepool",
            "create",
            "workers",
            "--cluster-id",
            "upd",
            "-o",
            "json",
        ],
    ));
    let resize = [
        "nodepool",
        "update",
        "workers",
        "--cluster-id",
        "upd",
        "--replicas",
        "3",
        "-o",
        "json",
    ];
    let pool = json(&run(&bed, &resize));
    assert_eq!(pool["spec"]["nodePool"]["replicas"], 3, "{pool}");
    assert_eq!(
        pool["spec"]["nodePool"]["platform"]["aws"]["subnet"]["id"], "subnet-01234567",
        "the rest of the spec is kept"
    );
    assert_eq!(count("PUT", "/api/v0/nodepools/"), 1);
    json(&run(&bed, &resize));
    assert_eq!(
        count("PUT", "/api/v0/nodepools/"),
        1,
        "a re-run sends nothing"
    );
}

/// What the platform holds for the cluster or node pool named `name` (`kind`: "clusters" or
/// "nodepools"), from the stand-in's own records.
fn held(bed: &TestBed, kind: &str, name: &str) -> Value {
    let key = if kind == "clusters" {
        "cluster"
    } else {
        "nodepool"
    };
    bed.platform.snapshot()[kind]
        .as_array()
        .unwrap()
        .iter()
        .map(|entry| entry[key].clone())
        .find(|v| v["name"] == name)
        .unwrap_or_else(|| panic!("the platform holds no {key} {name}"))
}

/// `--placement` reaches the platform as spec.placement; `nodepool create --instance-profile
/// --security-groups` reach it in the pool's AWS platform spec, exactly as given.
#[test]
fn placement_instance_profile_and_security_groups_reach_the_platform() {
    // spec.placement is kept by the older server; today's drops unknown spec keys (the
    // contract), so the cluster goes to the legacy stand-in and the node pool to today's.
    let legacy = bed_with(PlatformConfig::legacy());
    json(&run(
        &legacy,
        &[
            "create",
            "cluster",
            "--name",
            "placed",
            "--vpc-id",
            "vpc-0123456789abcdef0",
            "--subnet-ids",
            "subnet-01234567",
            "--placement",
            "mc-ephemeral-01",
            "-o",
            "json",
        ],
    ));
    assert_eq!(
        held(&legacy, "clusters", "placed")["spec"]["placement"],
        "mc-ephemeral-01"
    );
    let bed = bed();
    let cluster = json(&run(
        &bed,
        &[
            "create",
            "cluster",
            "--name",
            "pooled",
            "--vpc-id",
            "vpc-0123456789abcdef0",
            "--subnet-ids",
            "subnet-01234567",
            "-o",
            "json",
        ],
    ));
    let id = cluster["id"].as_str().unwrap();
    json(&run(
        &bed,
        &[
            "nodepool",
            "create",
            "workers",
            "--cluster-id",
            id,
            "--subnet-id",
            "subnet-0123456789abcdef0",
            "--instance-profile",
            "placed-worker",
            "--security-groups",
            "sg-0123456789abcdef0,sg-0fedcba9876543210",
            "-o",
            "json",
        ],
    ));
    let aws = &held(&bed, "nodepools", "workers")["spec"]["nodePool"]["platform"]["aws"];
    assert_eq!(aws["instanceProfile"], "placed-worker", "{aws}");
    assert_eq!(
        aws["securityGroups"],
        serde_json::json!([{"id": "sg-0123456789abcdef0"}, {"id": "sg-0fedcba9876543210"}]),
        "{aws}"
    );
}

/// `--watch --timeout N` gives up after N seconds with exit 1 and says the operation goes
/// on; the cluster is still there. (The stand-in's phases do not move here: a phase step of
/// an hour.)
#[test]
fn watch_gives_up_at_its_timeout_and_leaves_the_operation_going() {
    let bed = TestBed::with_platform(PlatformConfig {
        phase_step: Duration::from_secs(3600),
        ..PlatformConfig::default()
    });
    let out = run(
        &bed,
        &[
            "create",
            "cluster",
            "--name",
            "slow",
            "--vpc-id",
            "vpc-0123456789abcdef0",
            "--subnet-ids",
            "subnet-01234567",
            "--watch",
            "--timeout",
            "1",
            "--poll-interval",
            "0.2",
        ],
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("gave up waiting after 1 s; the operation goes on at the platform"),
        "{err}"
    );
    assert_eq!(bed.platform.cluster_names(), vec!["slow".to_string()]);
    let reads = bed
        .platform
        .requests()
        .iter()
        .filter(|r| r.method == "GET" && r.path.contains("/clusters/"))
        .count();
    assert!(reads >= 1, "the watch read the cluster ({reads} reads)");
}

/// `cluster-vpc create --single-nat-gateway` over two zones: one NAT gateway (and one
/// address) that both private route tables use; without it, one per zone.
#[tokio::test(flavor = "multi_thread")]
async fn single_nat_gateway_serves_every_zone() {
    let bed = bed();
    for (name, single) in [("one-nat", true), ("two-nat", false)] {
        let mut args = vec![
            "cluster-vpc",
            "create",
            name,
            "--availability-zones",
            "us-east-1a,us-east-1b",
            "--region",
            "us-east-1",
            "-o",
            "json",
        ];
        if single {
            args.push("--single-nat-gateway");
        }
        json(&run(&bed, &args));
    }
    let ec2 = aws_sdk_ec2::Client::new(&bed.sdk_config().await);
    let by_cluster = |name: &str| {
        aws_sdk_ec2::types::Filter::builder()
            .name("tag:rosa:cluster-name")
            .values(name)
            .build()
    };
    for (name, want) in [("one-nat", 1), ("two-nat", 2)] {
        let nats: Vec<String> = ec2
            .describe_nat_gateways()
            .filter(by_cluster(name))
            .send()
            .await
            .unwrap()
            .nat_gateways()
            .iter()
            // The tag filter is checked here too: moto ignores it for NAT gateways.
            .filter(|n| {
                n.tags()
                    .iter()
                    .any(|t| t.key() == Some("rosa:cluster-name") && t.value() == Some(name))
            })
            .filter(|n| n.state().is_none_or(|s| s.as_str() != "deleted"))
            .filter_map(|n| n.nat_gateway_id().map(String::from))
            .collect();
        assert_eq!(nats.len(), want, "{name}: {nats:?}");
        let tables = ec2
            .describe_route_tables()
            .filters(by_cluster(name))
            .send()
            .await
            .unwrap();
        let via: std::collections::BTreeSet<String> = tables
            .route_tables()
            .iter()
            .flat_map(|t| t.routes())
            .filter(|r| r.destination_cidr_block() == Some("0.0.0.0/0"))
            .filter_map(|r| r.nat_gateway_id().map(String::from))
            .collect();
        assert_eq!(
            via,
            nats.iter().cloned().collect(),
            "{name}: the private tables' default routes go through its NAT gateways"
        );
        let private_default_routes = tables
            .route_tables()
            .iter()
            .filter(|t| t.routes().iter().any(|r| r.nat_gateway_id().is_some()))
            .count();
        assert_eq!(
            private_default_routes, 2,
            "{name}: one private table per zone"
        );
    }
}
