//! The three functions doing their real work: deployed by `rosactl setup-account` into the
//! test bed, invoked through their `prod` alias (the packaged `bootstrap` runs through the
//! Lambda Runtime API), against topologies built in the AWS stand-in.

use std::process::{Output, Stdio};

use aws_sdk_lambda::primitives::Blob;
use rosa_testbed::TestBed;
use rosa_testbed::topology::{self, Net};
use serde_json::{Value, json};

const REGION: &str = "us-east-1";

fn rosactl(bed: &TestBed, args: &[&str]) -> Output {
    bed.command(env!("CARGO_BIN_EXE_rosactl"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

/// A bed with the functions deployed.
fn deployed() -> TestBed {
    let bed = TestBed::start();
    let out = rosactl(&bed, &["setup-account", "--yes"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    bed
}

async fn invoke(bed: &TestBed, function: &str, event: Value) -> (Option<String>, Value) {
    let (error, answer, _) = invoke_traced(bed, function, event).await;
    (error, answer)
}

/// [`invoke`], with the request id Lambda answered.
async fn invoke_traced(
    bed: &TestBed,
    function: &str,
    event: Value,
) -> (Option<String>, Value, String) {
    let lambda = aws_sdk_lambda::Client::new(&bed.sdk_config().await);
    let out = lambda
        .invoke()
        .function_name(format!("{function}:prod"))
        .payload(Blob::new(event.to_string()))
        .log_type(aws_sdk_lambda::types::LogType::Tail)
        .send()
        .await
        .unwrap();
    // The request id the runtime was given, from the invocation's log tail (REPORT is last).
    let tail = out
        .log_result()
        .map(|t| base64::Engine::decode(&base64::engine::general_purpose::STANDARD, t).unwrap())
        .unwrap_or_default();
    let request_id = String::from_utf8_lossy(&tail)
        .lines()
        .find_map(|l| l.strip_prefix("REPORT RequestId: "))
        .and_then(|l| l.split_whitespace().next())
        .unwrap_or_default()
        .to_string();
    let body = out.payload.map(|p| p.into_inner()).unwrap_or_default();
    (
        out.function_error,
        serde_json::from_slice(&body)
            .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&body).into())),
        request_id,
    )
}

/// What the bed captured in a function's log group: how many invocations started, and its
/// embedded-metric-format lines, each checked against the format (a line that breaks it fails
/// the test, naming the rule).
async fn metric_lines(bed: &TestBed, function: &str) -> (usize, Vec<Value>) {
    let logs = aws_sdk_cloudwatchlogs::Client::new(&bed.sdk_config().await);
    let mut pages = logs
        .filter_log_events()
        .log_group_name(format!("/aws/lambda/{function}"))
        .into_paginator()
        .send();
    let (mut starts, mut lines) = (0, Vec::new());
    while let Some(page) = pages.next().await {
        for event in page.unwrap().events() {
            let message = event.message().unwrap_or_default();
            if message.starts_with("START RequestId:") {
                starts += 1;
            }
            if rosa_testbed::emf::is_emf(message) {
                let metrics = rosa_testbed::emf::check(message)
                    .unwrap_or_else(|e| panic!("{function}: not valid EMF ({e}): {message}"));
                assert!(
                    metrics.iter().all(|m| m.namespace == "ROSA/Lambda"),
                    "{message}"
                );
                lines.push(serde_json::from_str(message).unwrap());
            }
        }
    }
    (starts, lines)
}

/// The EMF line of one request.
fn line_of<'a>(lines: &'a [Value], request_id: &str) -> &'a Value {
    lines
        .iter()
        .find(|l| l["request_id"] == request_id)
        .unwrap_or_else(|| panic!("no metrics line for request {request_id} in {lines:#?}"))
}

/// The status of a named check (about `resource`, when given).
fn status<'a>(results: &'a Value, check: &str, resource: Option<&str>) -> &'a str {
    results
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["check_name"] == check && resource.is_none_or(|id| r["resource_id"] == id))
        .unwrap_or_else(|| panic!("no {check} for {resource:?} in {results:#}"))["status"]
        .as_str()
        .unwrap()
}

async fn ec2(bed: &TestBed) -> aws_sdk_ec2::Client {
    aws_sdk_ec2::Client::new(&bed.sdk_config().await)
}

async fn build(
    ec2: &aws_sdk_ec2::Client,
    prefix: &str,
    with_nat: bool,
    dns_hostnames: bool,
) -> Net {
    topology::build(ec2, prefix, with_nat, dns_hostnames)
        .await
        .unwrap()
}

async fn nat(ec2: &aws_sdk_ec2::Client, public_subnet: &str) -> String {
    topology::nat_gateway(ec2, public_subnet).await.unwrap()
}

async fn vpc(ec2: &aws_sdk_ec2::Client, cidr: &str, dns_hostnames: bool) -> String {
    topology::vpc(ec2, cidr, dns_hostnames).await.unwrap()
}

async fn subnet(ec2: &aws_sdk_ec2::Client, vpc: &str, cidr: &str, zone: &str) -> String {
    topology::subnet(ec2, vpc, cidr, zone).await.unwrap()
}

fn network_event(net: &Net, subnets: &[String]) -> Value {
    json!({"vpc_id": net.vpc, "subnet_ids": subnets, "requirements": {"min_availability_zones": 2}})
}

#[tokio::test(flavor = "multi_thread")]
async fn network_verifier_on_good_and_broken_topologies() {
    let bed = deployed();
    let ec2 = ec2(&bed).await;

    // A good VPC: every check passes.
    let good = build(&ec2, "10.1", true, true).await;
    let all: Vec<String> = good.public.iter().chain(&good.private).cloned().collect();
    let (error, answer) = invoke(&bed, "rosa-network-verifier", network_event(&good, &all)).await;
    assert_eq!(error, None, "{answer}");
    let results = &answer["network_validation_results"];
    assert_eq!(answer["proceed"], true, "{results:#}");
    for r in results.as_array().unwrap() {
        assert_eq!(r["status"], "passed", "{r}");
        assert!(
            r["resource_id"].as_str().is_some_and(|id| !id.is_empty()),
            "{r}"
        );
    }
    assert!(results.as_array().unwrap().iter().any(|r| {
        r["message"]
            .as_str()
            .unwrap()
            .contains("reaches the internet through nat-")
    }));

    // No NAT: private subnets have no egress.
    let no_nat = build(&ec2, "10.2", false, true).await;
    let (_, answer) = invoke(
        &bed,
        "rosa-network-verifier",
        network_event(&no_nat, &no_nat.private),
    )
    .await;
    let results = &answer["network_validation_results"];
    assert_eq!(answer["proceed"], false);
    assert_eq!(
        status(results, "subnet_egress", Some(&no_nat.private[0])),
        "failed"
    );
    assert_eq!(status(results, "private_subnets_present", None), "failed");

    // The private route goes to a NAT gateway of another VPC.
    let other = build(&ec2, "10.3", true, true).await;
    let foreign_nat = nat(&ec2, &other.public[0]).await;
    topology::default_route(&ec2, &no_nat.private_table, Some(&foreign_nat), None)
        .await
        .unwrap();
    let (_, answer) = invoke(
        &bed,
        "rosa-network-verifier",
        network_event(&no_nat, &no_nat.private),
    )
    .await;
    let egress = answer["network_validation_results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["check_name"] == "subnet_egress")
        .unwrap()
        .clone();
    assert_eq!(egress["status"], "failed");
    assert!(
        egress["message"]
            .as_str()
            .unwrap()
            .contains(&format!("which is in {}", other.vpc)),
        "{egress}"
    );

    // One zone only, when two are required.
    let (_, answer) = invoke(
        &bed,
        "rosa-network-verifier",
        network_event(&good, &good.private[..1]),
    )
    .await;
    assert_eq!(
        status(
            &answer["network_validation_results"],
            "availability_zones",
            None
        ),
        "failed"
    );

    // DNS hostnames off.
    let no_dns = build(&ec2, "10.4", true, false).await;
    let (_, answer) = invoke(
        &bed,
        "rosa-network-verifier",
        network_event(&no_dns, &no_dns.private),
    )
    .await;
    assert_eq!(
        status(
            &answer["network_validation_results"],
            "vpc_dns_hostnames",
            None
        ),
        "failed"
    );
    assert_eq!(
        status(
            &answer["network_validation_results"],
            "vpc_dns_support",
            None
        ),
        "passed"
    );

    // A subnet of another VPC, and ids that do not exist.
    let mixed = vec![
        good.private[0].clone(),
        other.private[1].clone(),
        "subnet-0123456789abcdef0".to_string(),
    ];
    let (_, answer) = invoke(
        &bed,
        "rosa-network-verifier",
        json!({"vpc_id": good.vpc, "subnet_ids": mixed}),
    )
    .await;
    let results = &answer["network_validation_results"];
    assert_eq!(
        status(results, "subnet_in_vpc", Some(&other.private[1])),
        "failed"
    );
    assert_eq!(
        status(results, "subnet_exists", Some("subnet-0123456789abcdef0")),
        "failed"
    );
    assert_eq!(
        status(results, "subnet_in_vpc", Some(&good.private[0])),
        "passed"
    );
    let (_, answer, missing_request) = invoke_traced(
        &bed,
        "rosa-network-verifier",
        json!({"vpc_id": "vpc-0123456789abcdef0", "subnet_ids": ["subnet-01234567"]}),
    )
    .await;
    assert_eq!(
        status(
            &answer["network_validation_results"],
            "vpc_exists",
            Some("vpc-0123456789abcdef0")
        ),
        "failed"
    );
    assert_eq!(answer["proceed"], false);

    // Without an S3 endpoint: a warning, not a failure.
    let bare = vpc(&ec2, "10.5.0.0/16", true).await;
    let s = subnet(&ec2, &bare, "10.5.1.0/24", "us-east-1c").await;
    let (_, warned, warned_request) = invoke_traced(&bed, "rosa-network-verifier", json!({"vpc_id": bare, "subnet_ids": [s], "requirements": {"private_subnets_required": false}})).await;
    assert_eq!(
        status(
            &warned["network_validation_results"],
            "s3_gateway_endpoint",
            None
        ),
        "warning"
    );

    // Each invocation wrote one metrics line, whose figures are its answer's.
    let (invocations, lines) = metric_lines(&bed, "rosa-network-verifier").await;
    assert_eq!(lines.len(), invocations, "one metrics line per invocation");
    for (request, answer) in [(&missing_request, &answer), (&warned_request, &warned)] {
        let line = line_of(&lines, request);
        let results = answer["network_validation_results"].as_array().unwrap();
        let counted = |s: &str| results.iter().filter(|r| r["status"] == s).count() as f64;
        assert_eq!(
            line["ChecksFailed"],
            counted("failed") + counted("error"),
            "{line}"
        );
        assert_eq!(line["ChecksWarned"], counted("warning"), "{line}");
        assert_eq!(
            (line["Outcome"].as_str(), line["Invocations"].as_f64()),
            (Some("Success"), Some(1.0))
        );
        assert!(
            line["Duration"].as_f64().is_some_and(|d| d >= 0.0),
            "{line}"
        );
    }
    assert!(line_of(&lines, &warned_request)["ChecksWarned"].as_f64() >= Some(1.0));
    assert!(line_of(&lines, &missing_request)["ChecksFailed"].as_f64() >= Some(1.0));
}

#[tokio::test(flavor = "multi_thread")]
async fn preflight_checker_reports_quotas_with_numbers() {
    let bed = deployed();
    let event = |replicas: u64, zones: Value| json!({"region": REGION, "cluster_config": {"instance_type": "m5.xlarge", "replicas": replicas, "availability_zones": zones}});
    let (error, answer) = invoke(
        &bed,
        "rosa-preflight-checker",
        event(3, json!(["us-east-1a", "us-east-1b"])),
    )
    .await;
    assert_eq!(error, None, "{answer}");
    let results = &answer["validation_results"];
    assert_eq!(answer["proceed"], true, "{results:#}");
    for check in [
        "region_enabled",
        "instance_type_offered",
        "vcpu_quota",
        "elastic_ip_quota",
        "vpc_quota",
    ] {
        assert_eq!(
            status(results, check, None),
            "passed",
            "{check}: {results:#}"
        );
    }
    assert_eq!(status(results, "elb_service_linked_role", None), "warning");
    let vcpu = results
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["check_name"] == "vcpu_quota")
        .unwrap();
    assert_eq!(vcpu["details"]["needed"], 12, "3 x m5.xlarge (4 vCPUs)");
    assert_eq!(vcpu["details"]["quota"], 1152.0);

    // A tight quota fails, with the numbers.
    bed.aws.set_quota(REGION, "ec2", "L-1216C47A", 8.0).unwrap();
    let (_, answer) = invoke(&bed, "rosa-preflight-checker", event(3, json!([]))).await;
    let vcpu = answer["validation_results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["check_name"] == "vcpu_quota")
        .unwrap()
        .clone();
    assert_eq!(vcpu["status"], "failed");
    assert_eq!(
        (
            vcpu["details"]["quota"].clone(),
            vcpu["details"]["needed"].clone()
        ),
        (json!(8.0), json!(12))
    );
    assert!(
        vcpu["message"]
            .as_str()
            .unwrap()
            .contains("request a quota increase")
    );
    assert_eq!(answer["proceed"], false);

    // Just enough, but without headroom: a warning.
    bed.aws
        .set_quota(REGION, "ec2", "L-1216C47A", 13.0)
        .unwrap();
    let (_, answer) = invoke(&bed, "rosa-preflight-checker", event(3, json!([]))).await;
    assert_eq!(
        status(&answer["validation_results"], "vcpu_quota", None),
        "warning"
    );

    // Running instances count against the quota.
    let ec2 = ec2(&bed).await;
    let image = ec2.describe_images().send().await.unwrap().images.unwrap()[0]
        .image_id
        .clone()
        .unwrap();
    ec2.run_instances()
        .image_id(image)
        .instance_type("m5.large".into())
        .min_count(2)
        .max_count(2)
        .send()
        .await
        .unwrap();
    bed.aws
        .set_quota(REGION, "ec2", "L-1216C47A", 100.0)
        .unwrap();
    let (_, answer) = invoke(&bed, "rosa-preflight-checker", event(3, json!([]))).await;
    let vcpu = answer["validation_results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["check_name"] == "vcpu_quota")
        .unwrap()
        .clone();
    assert_eq!(vcpu["details"]["in_use"], 4, "two m5.large: {vcpu}");

    // A zone where the type is not offered, and a region that is not one.
    let (_, answer) = invoke(
        &bed,
        "rosa-preflight-checker",
        event(1, json!(["us-east-1z"])),
    )
    .await;
    assert_eq!(
        status(&answer["validation_results"], "instance_type_offered", None),
        "failed"
    );
    let (_, answer) = invoke(&bed, "rosa-preflight-checker", json!({"region": "xx-nowhere-9", "cluster_config": {"instance_type": "m5.xlarge", "replicas": 1}})).await;
    assert_eq!(
        status(&answer["validation_results"], "region_enabled", None),
        "failed"
    );
    assert_eq!(answer["proceed"], false);

    // A check that cannot run (the service keeps failing) is an error, and blocks.
    let (_, answer) = invoke(&bed, "rosa-preflight-checker", event(1, json!([]))).await;
    assert_eq!(answer["proceed"], true, "{answer:#}");
    bed.aws
        .inject_fault("ec2:DescribeAddresses", 503, "ServiceUnavailable", 100)
        .unwrap();
    let (_, answer) = invoke(&bed, "rosa-preflight-checker", event(1, json!([]))).await;
    bed.aws.clear_faults().unwrap();
    assert_eq!(
        status(&answer["validation_results"], "elastic_ip_quota", None),
        "error",
        "{answer:#}"
    );
    assert_eq!(answer["proceed"], false);
}

#[tokio::test(flavor = "multi_thread")]
async fn oidc_provisioner_creates_updates_and_finds_providers() {
    let bed = deployed();
    let iam = aws_sdk_iam::Client::new(&bed.sdk_config().await);
    let old = "1111111111111111111111111111111111111111";
    let new = "2222222222222222222222222222222222222222";
    let event = |tp: Value| json!({"issuer_url": "https://d1.cloudfront.net/cluster-a", "thumbprint": tp, "cluster_id": "cluster-a"});

    let (error, created) = invoke(&bed, "rosa-oidc-provisioner", event(json!(old))).await;
    assert_eq!(error, None, "{created}");
    assert_eq!(created["status"], "created");
    let arn = created["oidc_provider_arn"].as_str().unwrap().to_string();
    assert_eq!(
        arn,
        "arn:aws:iam::123456789012:oidc-provider/d1.cloudfront.net/cluster-a"
    );
    let provider = iam
        .get_open_id_connect_provider()
        .open_id_connect_provider_arn(&arn)
        .send()
        .await
        .unwrap();
    assert_eq!(
        provider.client_id_list(),
        ["openshift", "sts.amazonaws.com"]
    );
    assert_eq!(provider.thumbprint_list(), [old]);
    assert!(
        provider
            .tags()
            .iter()
            .any(|t| t.key() == "rosa:cluster-id" && t.value() == "cluster-a")
    );

    let (_, again) = invoke(
        &bed,
        "rosa-oidc-provisioner",
        event(json!(old.to_uppercase())),
    )
    .await;
    assert_eq!(
        (again["status"].clone(), again["oidc_provider_arn"].clone()),
        (json!("already_exists"), json!(arn))
    );

    let (_, updated) = invoke(&bed, "rosa-oidc-provisioner", event(json!([new, old]))).await;
    assert_eq!(updated["status"], "updated");
    let provider = iam
        .get_open_id_connect_provider()
        .open_id_connect_provider_arn(&arn)
        .send()
        .await
        .unwrap();
    let mut thumbprints = provider.thumbprint_list().to_vec();
    thumbprints.sort();
    assert_eq!(thumbprints, [old, new]);
    let providers = iam.list_open_id_connect_providers().send().await.unwrap();
    assert_eq!(
        providers.open_id_connect_provider_list().len(),
        1,
        "never a second provider"
    );

    // Concurrent invocations for one new issuer: one creates, the others find it.
    let concurrent = json!({"issuer_url": "https://d1.cloudfront.net/cluster-b", "thumbprint": old, "cluster_id": "cluster-b"});
    let (a, b, c) = tokio::join!(
        invoke(&bed, "rosa-oidc-provisioner", concurrent.clone()),
        invoke(&bed, "rosa-oidc-provisioner", concurrent.clone()),
        invoke(&bed, "rosa-oidc-provisioner", concurrent.clone()),
    );
    let mut statuses: Vec<String> = [a, b, c]
        .iter()
        .map(|(e, v)| {
            assert_eq!(e, &None, "{v}");
            v["status"].as_str().unwrap().to_string()
        })
        .collect();
    statuses.sort();
    assert_eq!(statuses, ["already_exists", "already_exists", "created"]);

    // A provider of ours made before `openshift` was listed gets it, and only once.
    let tag = |k: &str, v: &str| {
        aws_sdk_iam::types::Tag::builder()
            .key(k)
            .value(v)
            .build()
            .unwrap()
    };
    let older = iam
        .create_open_id_connect_provider()
        .url("https://d1.cloudfront.net/cluster-c")
        .client_id_list("sts.amazonaws.com")
        .thumbprint_list(old)
        .tags(tag("rosa:managed-by", "rosa-oidc-provisioner"))
        .tags(tag("rosa:cluster-id", "cluster-c"))
        .send()
        .await
        .unwrap()
        .open_id_connect_provider_arn
        .unwrap();
    let event_c = json!({"issuer_url": "https://d1.cloudfront.net/cluster-c", "thumbprint": old, "cluster_id": "cluster-c"});
    let (_, first) = invoke(&bed, "rosa-oidc-provisioner", event_c.clone()).await;
    assert_eq!(first["status"], "updated", "{first}");
    let (_, second) = invoke(&bed, "rosa-oidc-provisioner", event_c).await;
    assert_eq!(second["status"], "already_exists", "{second}");
    let provider = iam
        .get_open_id_connect_provider()
        .open_id_connect_provider_arn(&older)
        .send()
        .await
        .unwrap();
    let mut ids = provider.client_id_list().to_vec();
    ids.sort();
    assert_eq!(ids, ["openshift", "sts.amazonaws.com"]);
}

#[tokio::test(flavor = "multi_thread")]
async fn oidc_provisioner_never_adopts_or_changes_a_provider_it_does_not_own() {
    let bed = deployed();
    let iam = aws_sdk_iam::Client::new(&bed.sdk_config().await);
    let theirs = "3333333333333333333333333333333333333333";
    let ours = "4444444444444444444444444444444444444444";
    let tag = |k: &str, v: &str| {
        aws_sdk_iam::types::Tag::builder()
            .key(k)
            .value(v)
            .build()
            .unwrap()
    };
    // A customer's own provider (say, for CI), untagged; and one tagged for another cluster.
    let foreign = iam
        .create_open_id_connect_provider()
        .url("https://d2.cloudfront.net/cluster-x")
        .client_id_list("sts.amazonaws.com")
        .thumbprint_list(theirs)
        .send()
        .await
        .unwrap()
        .open_id_connect_provider_arn
        .unwrap();
    let other_cluster = iam
        .create_open_id_connect_provider()
        .url("https://d2.cloudfront.net/cluster-y")
        .client_id_list("sts.amazonaws.com")
        .thumbprint_list(theirs)
        .tags(tag("rosa:managed-by", "rosa-oidc-provisioner"))
        .tags(tag("rosa:cluster-id", "someone-else"))
        .send()
        .await
        .unwrap()
        .open_id_connect_provider_arn
        .unwrap();
    for (cluster, arn, why) in [
        (
            "cluster-x",
            &foreign,
            "is not tagged rosa:managed-by=rosa-oidc-provisioner",
        ),
        (
            "cluster-y",
            &other_cluster,
            "belongs to cluster \"someone-else\"",
        ),
    ] {
        for thumbprint in [ours, theirs] {
            let event = json!({"issuer_url": format!("https://d2.cloudfront.net/{cluster}"), "thumbprint": thumbprint, "cluster_id": cluster});
            let (error, answer) = invoke(&bed, "rosa-oidc-provisioner", event).await;
            assert_eq!(error.as_deref(), Some("Unhandled"), "{answer}");
            assert_eq!(answer["errorType"], "NotOwned", "{answer}");
            let message = answer["errorMessage"].as_str().unwrap();
            assert!(
                message.contains(arn.as_str()) && message.contains(why),
                "{message}"
            );
        }
        let provider = iam
            .get_open_id_connect_provider()
            .open_id_connect_provider_arn(arn)
            .send()
            .await
            .unwrap();
        assert_eq!(provider.thumbprint_list(), [theirs], "{arn} unchanged");
    }
    // An issuer that is not this cluster's is refused before any call.
    let (_, answer) = invoke(
        &bed,
        "rosa-oidc-provisioner",
        json!({"issuer_url": "https://d2.cloudfront.net/cluster-x", "thumbprint": ours, "cluster_id": "cluster-z"}),
    )
    .await;
    assert_eq!(answer["errorType"], "InvalidInput", "{answer}");
    assert!(
        answer["errorMessage"]
            .as_str()
            .unwrap()
            .contains("issuer_url"),
        "{answer}"
    );

    // The metrics lines count the four refusals, by outcome; the bad input refused nothing.
    let (invocations, lines) = metric_lines(&bed, "rosa-oidc-provisioner").await;
    assert_eq!(lines.len(), invocations, "one metrics line per invocation");
    let sum = |outcome: &str, metric: &str| -> f64 {
        lines
            .iter()
            .filter(|l| l["Outcome"] == outcome)
            .map(|l| l[metric].as_f64().unwrap())
            .sum()
    };
    assert_eq!(sum("NotOwned", "ProvidersRefused"), 4.0);
    assert_eq!(sum("NotOwned", "Invocations"), 4.0);
    assert_eq!(sum("InvalidInput", "ProvidersRefused"), 0.0);
    assert!(sum("InvalidInput", "Invocations") >= 1.0);
    assert_eq!(sum("Success", "ProvidersCreated"), 0.0);
    assert!(
        lines.iter().all(|l| l["Version"] != "$LATEST"),
        "{lines:#?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn malformed_inputs_are_named_by_the_packaged_functions() {
    let bed = deployed();
    for (function, event, field) in [
        (
            "rosa-oidc-provisioner",
            json!({"issuer_url": "https://x.example.com/c", "thumbprint": "abc", "cluster_id": "c"}),
            "thumbprint",
        ),
        (
            "rosa-oidc-provisioner",
            json!({"issuer_url": "https://x.example.com?q=1", "thumbprint": "a".repeat(40), "cluster_id": "c"}),
            "issuer_url",
        ),
        (
            "rosa-oidc-provisioner",
            json!({"issuer_url": "https://x.example.com/c", "thumbprint": "a".repeat(40), "cluster_id": "bad\"id"}),
            "cluster_id",
        ),
        (
            "rosa-preflight-checker",
            json!({"region": "us-east-1", "cluster_config": {"instance_type": "m5.xlarge", "replicas": 0}}),
            "cluster_config.replicas",
        ),
        (
            "rosa-preflight-checker",
            json!({"region": 5, "cluster_config": {}}),
            "region",
        ),
        (
            "rosa-network-verifier",
            json!({"vpc_id": "vpc-01234567", "subnet_ids": [7]}),
            "subnet_ids[0]",
        ),
        (
            "rosa-network-verifier",
            json!({"vpc_id": "vpc-01234567", "subnet_ids": ["subnet-01234567"], "requirements": {"min_free_ips_per_subnet": -1}}),
            "requirements.min_free_ips_per_subnet",
        ),
        ("rosa-network-verifier", json!("not an object"), "event"),
    ] {
        let (error, answer) = invoke(&bed, function, event).await;
        assert_eq!(error.as_deref(), Some("Unhandled"), "{function}: {answer}");
        assert_eq!(answer["errorType"], "InvalidInput", "{answer}");
        assert!(
            answer["errorMessage"]
                .as_str()
                .unwrap()
                .starts_with(&format!("invalid input: {field}: ")),
            "{field}: {answer}"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn create_cluster_preflight_refuses_on_a_failed_network_check() {
    let bed = deployed();
    let ec2 = ec2(&bed).await;
    let no_nat = build(&ec2, "10.6", false, true).await;
    let subnets = no_nat.private.join(",");
    let out = rosactl(
        &bed,
        &[
            "create",
            "cluster",
            "--name",
            "refused",
            "--vpc-id",
            &no_nat.vpc,
            "--subnet-ids",
            &subnets,
            "--preflight",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("rosa-network-verifier: subnet_egress failed"),
        "{err}"
    );
    assert!(err.contains("cluster refused was not created"), "{err}");
    assert!(bed.platform.cluster_names().is_empty());

    let good = build(&ec2, "10.7", true, true).await;
    let subnets = good.private.join(",");
    let out = rosactl(
        &bed,
        &[
            "create",
            "cluster",
            "--name",
            "accepted",
            "--vpc-id",
            &good.vpc,
            "--subnet-ids",
            &subnets,
            "--preflight",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(bed.platform.cluster_names(), vec!["accepted".to_string()]);
}
