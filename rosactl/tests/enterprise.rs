//! Enterprise accounts: manual mode run by an administrator with the AWS CLI, and account
//! rules (resource prefix, role path, permissions boundary, tags) on everything rosactl
//! creates, found again by later commands without the flags. Every resource is read back with
//! the AWS SDK; the manual script runs with the AWS CLI installed in the test bed's venv.

mod common;
use common::{outcome, run_script};

use std::collections::BTreeMap;
use std::process::{Command, Output};

use rosa_testbed::TestBed;
use rosa_testbed::platform::INVOKER_ARN;
use serde_json::Value;

const ACCOUNT: &str = "123456789012";

fn rosactl(bed: &TestBed, region: &str) -> Command {
    common::rosactl_in(bed, region)
}

fn run(bed: &TestBed, region: &str, args: &[&str]) -> Output {
    rosactl(bed, region).args(args).output().unwrap()
}

fn ok(o: Output) -> Output {
    assert!(o.status.success(), "{}", outcome(&o));
    o
}

/// AWS writes other than invocations (validation invokes the functions, which changes nothing).
fn writes_but_invocations(bed: &TestBed) -> Vec<String> {
    bed.aws
        .writes()
        .into_iter()
        .filter(|op| !op.ends_with("/invocations"))
        .collect()
}

struct Clients {
    iam: aws_sdk_iam::Client,
    lambda: aws_sdk_lambda::Client,
    logs: aws_sdk_cloudwatchlogs::Client,
    s3: aws_sdk_s3::Client,
    ec2: aws_sdk_ec2::Client,
}

async fn clients(bed: &TestBed, region: &str) -> Clients {
    let config = bed.sdk_config().await;
    let region = aws_config::Region::new(region.to_string());
    Clients {
        iam: aws_sdk_iam::Client::from_conf(
            aws_sdk_iam::config::Builder::from(&config)
                .region(region.clone())
                .build(),
        ),
        lambda: aws_sdk_lambda::Client::from_conf(
            aws_sdk_lambda::config::Builder::from(&config)
                .region(region.clone())
                .build(),
        ),
        logs: aws_sdk_cloudwatchlogs::Client::from_conf(
            aws_sdk_cloudwatchlogs::config::Builder::from(&config)
                .region(region.clone())
                .build(),
        ),
        s3: aws_sdk_s3::Client::from_conf(
            aws_sdk_s3::config::Builder::from(&config)
                .region(region.clone())
                .force_path_style(true)
                .build(),
        ),
        ec2: aws_sdk_ec2::Client::from_conf(
            aws_sdk_ec2::config::Builder::from(&config)
                .region(region)
                .build(),
        ),
    }
}

/// The role has the path, the boundary and every one of the tags.
async fn assert_role_follows(
    iam: &aws_sdk_iam::Client,
    name: &str,
    path: &str,
    boundary: &str,
    tags: &BTreeMap<String, String>,
) {
    let got = iam
        .get_role()
        .role_name(name)
        .send()
        .await
        .unwrap()
        .role
        .unwrap();
    assert_eq!(got.path(), path, "{name}");
    assert_eq!(
        got.permissions_boundary()
            .and_then(|b| b.permissions_boundary_arn()),
        Some(boundary),
        "{name}"
    );
    for (k, v) in tags {
        assert!(
            got.tags().iter().any(|t| t.key() == k && t.value() == v),
            "{name} lacks tag {k}: {:?}",
            got.tags()
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn manual_mode_writes_a_script_an_administrator_runs_and_auto_mode_then_has_nothing_to_do() {
    let bed = TestBed::start();
    let region = "us-east-1";
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("review");
    let out_arg = out_dir.to_str().unwrap();

    // Writing the plan reads the account and changes nothing.
    bed.aws.clear_operations().unwrap();
    let o = ok(run(
        &bed,
        region,
        &[
            "setup-account",
            "--mode",
            "manual",
            "--out",
            out_arg,
            "-o",
            "json",
        ],
    ));
    assert_eq!(bed.aws.writes(), Vec::<String>::new(), "manual mode wrote");
    let report: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(report["mode"], "manual");
    assert!(report["steps"].as_u64().unwrap() > 20, "{report}");

    // What the administrator reviews: the policies as JSON, the packages and their SHA-256.
    for f in [
        "policies/bucket-policy.json",
        "packages/SHA256SUMS",
        "setup.sh",
    ] {
        assert!(out_dir.join(f).exists(), "{f} missing");
    }
    for name in [
        "rosa-oidc-provisioner",
        "rosa-preflight-checker",
        "rosa-network-verifier",
    ] {
        for f in [
            format!("policies/{name}-trust.json"),
            format!("policies/{name}-execution.json"),
            format!("packages/{name}.zip"),
        ] {
            assert!(out_dir.join(&f).exists(), "{f} missing");
        }
        let policy: Value = serde_json::from_slice(
            &std::fs::read(out_dir.join(format!("policies/{name}-execution.json"))).unwrap(),
        )
        .unwrap();
        let expected = rosactl::deploy::names::execution_policy(
            rosa_lambda_packaging::function(name).unwrap(),
            &format!("/aws/lambda/{name}"),
            "aws",
            ACCOUNT,
            false,
        );
        assert!(
            rosactl::deploy::names::same_policy(&policy, &expected),
            "{name}"
        );
    }
    let sums = std::fs::read_to_string(out_dir.join("packages/SHA256SUMS")).unwrap();
    for p in rosactl::payloads::verified().unwrap() {
        assert!(sums.contains(&p.manifest.sha256), "{sums}");
    }
    // A second run refuses to overwrite the review.
    let again = run(
        &bed,
        region,
        &["setup-account", "--mode", "manual", "--out", out_arg],
    );
    assert_eq!(again.status.code(), Some(2), "{}", outcome(&again));
    assert!(outcome(&again).contains("--out"), "{}", outcome(&again));

    // The administrator runs it with the AWS CLI.
    let script = run_script(&bed, region, &out_dir.join("setup.sh"));
    assert!(
        script.status.success(),
        "the script failed: {}",
        outcome(&script)
    );

    // rosactl sees a correct deployment: status --check passes, auto mode changes nothing.
    ok(run(&bed, region, &["status", "--check"]));
    bed.aws.clear_operations().unwrap();
    let o = ok(run(&bed, region, &["setup-account", "--yes", "-o", "json"]));
    let report: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(report["changed"], false, "{report}");
    assert_eq!(
        writes_but_invocations(&bed),
        Vec::<String>::new(),
        "setup-account after the script"
    );
    assert!(
        report["validation"]
            .as_array()
            .unwrap()
            .iter()
            .all(|v| v["ok"] == true),
        "{report}"
    );
    // The script recorded the alias creations like auto mode does: history shows them.
    let o = ok(run(&bed, region, &["history", "-o", "json"]));
    let history: Value = serde_json::from_slice(&o.stdout).unwrap();
    let text_history = history.to_string();
    assert!(text_history.contains("\"create\""), "{history}");
}

#[tokio::test(flavor = "multi_thread")]
async fn account_rules_reach_every_resource_and_later_commands_find_them_in_another_region() {
    // With the AWS-managed ROSA policies: cluster-iam attaches them.
    let bed = TestBed::with_managed_policies();
    // The Platform API stand-in serves us-east-1 only: this account works without it.
    let run = |bed: &TestBed, region: &str, args: &[&str]| {
        rosactl(bed, region)
            .env_remove("ROSACTL_API_URL")
            .args(args)
            .output()
            .unwrap()
    };
    // Not the bed's default region: names, ARNs and the bucket's location follow it.
    let region = "eu-west-2";
    let c = clients(&bed, region).await;
    let boundary = c
        .iam
        .create_policy()
        .policy_name("OrgBoundary")
        .policy_document(
            r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#,
        )
        .send()
        .await
        .unwrap()
        .policy
        .unwrap()
        .arn
        .unwrap();
    let org_tags = BTreeMap::from([
        ("cost-center".to_string(), "42".to_string()),
        ("team".to_string(), "platform".to_string()),
    ]);

    ok(run(
        &bed,
        region,
        &[
            "setup-account",
            "--yes",
            "--resource-prefix",
            "acme-",
            "--role-path",
            "/org/rosa/",
            "--permissions-boundary",
            &boundary,
            "--tags",
            "cost-center=42,team=platform",
            "--invoker-role-arn",
            INVOKER_ARN,
        ],
    ));

    // Inventory: every function, role, log group and the bucket carry the rules.
    let has_org_tags = |tags: &BTreeMap<String, String>, what: &str| {
        for (k, v) in &org_tags {
            assert_eq!(tags.get(k), Some(v), "{what} lacks tag {k}: {tags:?}");
        }
    };
    let functions = c.lambda.list_functions().send().await.unwrap();
    let names: Vec<String> = functions
        .functions()
        .iter()
        .filter_map(|f| f.function_name.clone())
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
    for f in functions.functions() {
        let name = f.function_name().unwrap();
        assert!(name.starts_with("acme-rosa-"), "{name}");
        let role = f.role().unwrap();
        assert!(
            role.starts_with(&format!("arn:aws:iam::{ACCOUNT}:role/org/rosa/acme-rosa-")),
            "{role}"
        );
        let tags: BTreeMap<String, String> = c
            .lambda
            .list_tags()
            .resource(f.function_arn().unwrap())
            .send()
            .await
            .unwrap()
            .tags
            .unwrap_or_default()
            .into_iter()
            .collect();
        has_org_tags(&tags, name);
        assert_eq!(tags["rosa:resource-prefix"], "acme-");
        assert_eq!(tags["rosa:role-path"], "/org/rosa/");
        assert_eq!(tags["rosa:permissions-boundary"], boundary);
    }
    let roles = c
        .iam
        .list_roles()
        .path_prefix("/org/rosa/")
        .send()
        .await
        .unwrap();
    assert_eq!(roles.roles().len(), 3);
    for r in roles.roles() {
        assert!(r.role_name().starts_with("acme-rosa-"), "{}", r.role_name());
        assert_role_follows(&c.iam, r.role_name(), "/org/rosa/", &boundary, &org_tags).await;
    }
    let groups = c
        .logs
        .describe_log_groups()
        .log_group_name_prefix("/aws/lambda/")
        .send()
        .await
        .unwrap();
    assert_eq!(groups.log_groups().len(), 3);
    for g in groups.log_groups() {
        let name = g.log_group_name().unwrap();
        assert!(name.starts_with("/aws/lambda/acme-rosa-"), "{name}");
        let arn = g.arn().unwrap().trim_end_matches(":*");
        let tags: BTreeMap<String, String> = c
            .logs
            .list_tags_for_resource()
            .resource_arn(arn)
            .send()
            .await
            .unwrap()
            .tags
            .unwrap_or_default()
            .into_iter()
            .collect();
        has_org_tags(&tags, name);
    }
    let bucket = format!("acme-rosa-lambda-artifacts-{ACCOUNT}-{region}");
    let buckets = c.s3.list_buckets().send().await.unwrap();
    let bucket_names: Vec<&str> = buckets.buckets().iter().filter_map(|b| b.name()).collect();
    assert_eq!(bucket_names, vec![bucket.as_str()]);
    let tags: BTreeMap<String, String> =
        c.s3.get_bucket_tagging()
            .bucket(&bucket)
            .send()
            .await
            .unwrap()
            .tag_set()
            .iter()
            .map(|t| (t.key().to_string(), t.value().to_string()))
            .collect();
    has_org_tags(&tags, &bucket);
    let location =
        c.s3.get_bucket_location()
            .bucket(&bucket)
            .send()
            .await
            .unwrap();
    assert_eq!(
        location.location_constraint().map(|l| l.as_str()),
        Some(region)
    );

    // Later commands find the deployment without the flags.
    ok(run(&bed, region, &["status", "--check"]));
    bed.aws.clear_operations().unwrap();
    let o = ok(run(
        &bed,
        region,
        &[
            "setup-account",
            "--yes",
            "-o",
            "json",
            "--invoker-role-arn",
            INVOKER_ARN,
        ],
    ));
    let report: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(report["changed"], false, "{report}");
    assert_eq!(writes_but_invocations(&bed), Vec::<String>::new());
    let o = ok(run(
        &bed,
        region,
        &["test-lambda", "--name", "oidc-provisioner"],
    ));
    assert!(
        outcome(&o).contains("acme-rosa-oidc-provisioner"),
        "{}",
        outcome(&o)
    );
    ok(run(
        &bed,
        region,
        &["logs", "--name", "oidc-provisioner", "--since", "1h"],
    ));
    ok(run(&bed, region, &["update-lambdas", "--dry-run"]));
    // Moving the roles to another path is refused before any change.
    bed.aws.clear_operations().unwrap();
    let o = run(
        &bed,
        region,
        &[
            "setup-account",
            "--yes",
            "--role-path",
            "/other/",
            "--invoker-role-arn",
            INVOKER_ARN,
        ],
    );
    assert_eq!(o.status.code(), Some(2), "{}", outcome(&o));
    assert!(outcome(&o).contains("/org/rosa/"), "{}", outcome(&o));
    assert_eq!(bed.aws.writes(), Vec::<String>::new());

    // A cluster's roles and network follow the recorded rules too (no flags).
    ok(run(&bed, region, &["cluster-iam", "create", "ent1"]));
    let roles = c.iam.list_roles().send().await.unwrap();
    let cluster_roles: Vec<&aws_sdk_iam::types::Role> = roles
        .roles()
        .iter()
        .filter(|r| r.role_name().starts_with("ent1-"))
        .collect();
    assert_eq!(cluster_roles.len(), 8);
    for r in cluster_roles {
        assert_role_follows(&c.iam, r.role_name(), "/org/rosa/", &boundary, &org_tags).await;
    }
    let zone = format!("{region}a");
    ok(run(
        &bed,
        region,
        &[
            "cluster-vpc",
            "create",
            "ent1",
            "--availability-zones",
            &zone,
            "--tags",
            "env=test",
        ],
    ));
    let mut org_and_env = org_tags.clone();
    org_and_env.insert("env".into(), "test".into());
    let filter = aws_sdk_ec2::types::Filter::builder()
        .name("tag:rosa:cluster-name")
        .values("ent1")
        .build();
    let ec2 = &c.ec2;
    let mut resources: Vec<(String, Vec<aws_sdk_ec2::types::Tag>)> = Vec::new();
    for v in ec2
        .describe_vpcs()
        .filters(filter.clone())
        .send()
        .await
        .unwrap()
        .vpcs()
    {
        resources.push((v.vpc_id().unwrap().into(), v.tags().to_vec()));
    }
    for s in ec2
        .describe_subnets()
        .filters(filter.clone())
        .send()
        .await
        .unwrap()
        .subnets()
    {
        resources.push((s.subnet_id().unwrap().into(), s.tags().to_vec()));
    }
    for r in ec2
        .describe_route_tables()
        .filters(filter.clone())
        .send()
        .await
        .unwrap()
        .route_tables()
    {
        resources.push((r.route_table_id().unwrap().into(), r.tags().to_vec()));
    }
    for n in ec2
        .describe_nat_gateways()
        .filter(filter.clone())
        .send()
        .await
        .unwrap()
        .nat_gateways()
    {
        resources.push((n.nat_gateway_id().unwrap().into(), n.tags().to_vec()));
    }
    assert!(resources.len() >= 6, "{resources:?}");
    for (id, tags) in &resources {
        let tags: BTreeMap<String, String> = tags
            .iter()
            .map(|t| {
                (
                    t.key().unwrap_or_default().to_string(),
                    t.value().unwrap_or_default().to_string(),
                )
            })
            .collect();
        for (k, v) in &org_and_env {
            assert_eq!(tags.get(k), Some(v), "{id} lacks {k}: {tags:?}");
        }
    }
    ok(run(
        &bed,
        region,
        &["cluster-vpc", "delete", "ent1", "--yes"],
    ));
    ok(run(
        &bed,
        region,
        &["cluster-iam", "delete", "ent1", "--yes"],
    ));

    // cleanup-account finds and removes everything, prefix and path included.
    ok(run(&bed, region, &["cleanup-account", "--yes"]));
    assert!(
        c.lambda
            .list_functions()
            .send()
            .await
            .unwrap()
            .functions()
            .is_empty()
    );
    assert!(
        c.iam
            .list_roles()
            .path_prefix("/org/rosa/")
            .send()
            .await
            .unwrap()
            .roles()
            .is_empty()
    );
    assert!(
        c.s3.list_buckets()
            .send()
            .await
            .unwrap()
            .buckets()
            .is_empty()
    );
}

#[test]
fn bad_rules_are_named_before_any_call() {
    let bed = TestBed::start();
    for (args, says) in [
        (vec!["--tags", "novalue"], "--tags"),
        (vec!["--tags", "rosa:x=1"], "reserved"),
        (vec!["--role-path", "org"], "--role-path"),
        (vec!["--resource-prefix", "Acme"], "--resource-prefix"),
        (
            vec!["--permissions-boundary", "arn:aws:iam::123456789012:role/B"],
            "--permissions-boundary",
        ),
        (
            vec![
                "--permissions-boundary",
                "arn:aws-cn:iam::123456789012:policy/B",
            ],
            "partition",
        ),
        (vec!["--mode", "manual"], "--out"),
    ] {
        bed.aws.clear_operations().unwrap();
        let mut full = vec!["setup-account", "--yes", "--invoker-role-arn", INVOKER_ARN];
        full.extend(args.iter().copied());
        let o = run(&bed, "us-east-1", &full);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", outcome(&o));
        assert!(outcome(&o).contains(says), "{args:?}: {}", outcome(&o));
        assert_eq!(bed.aws.writes(), Vec::<String>::new(), "{args:?}");
    }
}
