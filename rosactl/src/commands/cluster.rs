//! `create / list / describe / delete cluster` (and the noun-verb forms `cluster create` ...).

use std::time::Duration;

use aws_sdk_lambda::primitives::Blob;
use rosa_lambda_api::Status;
use rosa_platform_client::models::{Cluster, ClusterCreateRequest, ClusterStatuses};
use serde_json::{Map, Value, json};

use crate::aws::{Aws, describe};
use crate::cli::{CreateClusterArgs, DeleteClusterArgs, DescribeClusterArgs, ListClustersArgs};
use crate::cluster::check_name;
use crate::confirm::confirm_named;
use crate::deploy::retry::{self, Backoff};
use crate::exit::{Exit, Failure};
use crate::output::{Format, Output, print_table, table};
use crate::platform::{Platform, failure};
use crate::settings::Settings;

/// Spec fields the platform manages: a non-zero value is refused (422), so a spec file that
/// sets one is refused here, naming the field.
fn managed_fields(spec: &Value) -> Vec<String> {
    const SETTABLE: &[&str] = &[
        "displayName",
        "deleteProtection",
        "expirationTimestamp",
        "properties",
        "controlPlaneUpgradePolicy",
        "hostedCluster",
    ];
    const HOSTED_SETTABLE: &[&str] = &[
        "release",
        "platform",
        "networking",
        "issuerURL",
        "imageContentSources",
        "configuration",
    ];
    const KUBELET_SETTABLE: &[&str] = &[
        "maxPods",
        "podPidsLimit",
        "containerLogMaxSize",
        "containerLogMaxFiles",
        "containerLogMaxWorkers",
        "containerLogMonitorInterval",
        "imageGCHighThresholdPercent",
        "imageGCLowThresholdPercent",
        "imageMinimumGCAge",
        "streamingConnectionIdleTimeout",
    ];
    fn zero(v: &Value) -> bool {
        match v {
            Value::Null => true,
            Value::Bool(b) => !b,
            Value::Number(n) => n.as_f64() == Some(0.0),
            Value::String(s) => s.is_empty(),
            Value::Array(a) => a.is_empty(),
            Value::Object(o) => o.values().all(zero),
        }
    }
    let mut found = Vec::new();
    let entries = |v: &Value| v.as_object().cloned().unwrap_or_default();
    for (k, v) in entries(spec) {
        if matches!(
            k.as_str(),
            "accountId" | "creatorARN" | "internalId" | "tags"
        ) && !zero(&v)
        {
            found.push(format!("spec.{k}"));
        }
        if !SETTABLE.contains(&k.as_str()) || k != "hostedCluster" {
            continue;
        }
        for (hk, hv) in entries(&v) {
            if !HOSTED_SETTABLE.contains(&hk.as_str()) {
                if !zero(&hv) {
                    found.push(format!("spec.hostedCluster.{hk}"));
                }
                continue;
            }
            if hk != "configuration" {
                continue;
            }
            for (ck, cv) in entries(&hv) {
                if ck != "kubelet" {
                    if !zero(&cv) {
                        found.push(format!("spec.hostedCluster.configuration.{ck}"));
                    }
                    continue;
                }
                for (kk, kv) in entries(&cv) {
                    if !KUBELET_SETTABLE.contains(&kk.as_str()) && !zero(&kv) {
                        found.push(format!("spec.hostedCluster.configuration.kubelet.{kk}"));
                    }
                }
            }
        }
    }
    found.sort();
    found
}

fn check_id(flag: &str, prefix: &str, id: &str) -> Result<(), Failure> {
    let ok = id.strip_prefix(prefix).is_some_and(|hex| {
        (hex.len() == 8 || hex.len() == 17)
            && hex
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    });
    if ok {
        Ok(())
    } else {
        Err(Failure::usage(format!(
            "{flag}: expected an id like {prefix}0123456789abcdef0 ({prefix} and 8 or 17 lowercase hex digits), got {id:?}"
        )))
    }
}

fn check_region(region: &str) -> Result<(), Failure> {
    if rosa_platform_client::region_from_host(region) == Some(region) {
        Ok(())
    } else {
        Err(Failure::usage(format!(
            "--region: expected an AWS region name such as us-east-1, got {region:?}"
        )))
    }
}

fn parse_tag(raw: &str) -> Result<(String, String), Failure> {
    match raw.split_once('=') {
        Some((k, v)) if !k.is_empty() && k.len() <= 128 && v.len() <= 256 => {
            Ok((k.to_string(), v.to_string()))
        }
        _ => Err(Failure::usage(format!(
            "--tag: expected KEY=VALUE (key 1-128 characters, value up to 256), got {raw:?}"
        ))),
    }
}

/// `b` laid over `a`: objects merge key by key, anything else in `b` wins.
fn merge(a: &mut Value, b: Value) {
    match (a, b) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, v) in b {
                merge(a.entry(k).or_insert(Value::Null), v);
            }
        }
        (slot, v) => *slot = v,
    }
}

/// The checks that need no region: name, ids, tags. Returns the name.
pub fn check_local(args: &CreateClusterArgs) -> Result<String, Failure> {
    let name = match (&args.name, &args.name_arg) {
        (Some(a), Some(b)) if a != b => {
            return Err(Failure::usage(format!(
                "the cluster name is given twice, differently: {a:?} and {b:?}"
            )));
        }
        (Some(n), _) | (None, Some(n)) => n.clone(),
        (None, None) => return Err(Failure::usage("--name: required (the cluster's name)")),
    };
    check_name(&name)?;
    spec_file(args)?;
    if let Some(vpc) = &args.vpc_id {
        check_id("--vpc-id", "vpc-", vpc)?;
    }
    for s in &args.subnet_ids {
        check_id("--subnet-ids", "subnet-", s)?;
    }
    if args.vpc_id.is_some() != !args.subnet_ids.is_empty() {
        return Err(Failure::usage(
            "--vpc-id and --subnet-ids go together: give both, or neither",
        ));
    }
    for t in &args.tags {
        parse_tag(t)?;
    }
    if !args.tags.is_empty() {
        return Err(Failure::usage(
            "--tag: the platform refuses cluster tags (spec.tags requires feature gate HyperFleetAutoScaling, which is not enabled in the Default feature set); tag the cluster's AWS resources with `cluster-vpc create --tags` / `setup-account --tags` instead",
        ));
    }
    Ok(name)
}

/// A JSON or YAML object read from the file a flag names.
fn read_object(flag: &str, path: &std::path::Path, what: &str) -> Result<Value, Failure> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Failure::usage(format!("{flag} {}: {e}", path.display())))?;
    let value: Value = serde_json::from_str(&text)
        .or_else(|_| serde_norway::from_str(&text))
        .map_err(|e| Failure::usage(format!("{flag} {}: not JSON or YAML: {e}", path.display())))?;
    if !value.is_object() {
        return Err(Failure::usage(format!(
            "{flag} {}: expected an object ({what})",
            path.display()
        )));
    }
    Ok(value)
}

/// The `--spec-file` spec (an object; `{}` without the flag), refused when it sets a field the
/// platform manages.
fn spec_file(args: &CreateClusterArgs) -> Result<Value, Failure> {
    let Some(path) = &args.spec_file else {
        return Ok(json!({}));
    };
    let value = read_object("--spec-file", path, "the cluster spec")?;
    let managed = managed_fields(&value);
    if !managed.is_empty() {
        return Err(Failure::usage(format!(
            "--spec-file {}: {} set: the platform manages {} and refuses a customer's value (422); remove {}",
            path.display(),
            managed.join(", "),
            if managed.len() == 1 {
                "this field"
            } else {
                "these fields"
            },
            if managed.len() == 1 { "it" } else { "them" },
        )));
    }
    Ok(value)
}

/// A version becomes the OpenShift release image; a value with `/` or `:` is an image.
fn release_image(version: &str) -> String {
    if version.contains('/') || version.contains(':') {
        version.to_string()
    } else {
        format!("quay.io/openshift-release-dev/ocp-release:{version}-x86_64")
    }
}

/// `2027-01-31T00:00:00Z` (fractional seconds allowed): the one time form `--expiration` takes.
fn check_rfc3339_utc(flag: &str, value: &str) -> Result<(), Failure> {
    let b = value.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let num = |r: std::ops::Range<usize>| {
        value
            .get(r)
            .and_then(|d| d.parse::<u32>().ok())
            .unwrap_or(99)
    };
    let shape = b.len() >= 20
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && b[10] == b'T'
        && digits(11..13)
        && b[13] == b':'
        && digits(14..16)
        && b[16] == b':'
        && digits(17..19)
        && b.last() == Some(&b'Z')
        && (b.len() == 20 || (b[19] == b'.' && b.len() > 21 && digits(20..b.len() - 1)));
    let ranges = shape
        && (1..=12).contains(&num(5..7))
        && (1..=31).contains(&num(8..10))
        && num(11..13) < 24
        && num(14..16) < 60
        && num(17..19) < 61;
    if ranges {
        Ok(())
    } else {
        Err(Failure::usage(format!(
            "{flag}: expected an RFC 3339 UTC time such as 2027-01-31T00:00:00Z, or none, got {value:?}"
        )))
    }
}

/// The keys `cluster update` would send: only customer-settable ones, from the flags.
pub fn update_patch(args: &crate::cli::UpdateClusterArgs) -> Result<Value, Failure> {
    let mut patch = Map::new();
    if let Some(on) = args.delete_protection {
        patch.insert("deleteProtection".into(), json!(on));
    }
    if let Some(when) = &args.expiration {
        if when == "none" {
            patch.insert("expirationTimestamp".into(), json!(""));
        } else {
            check_rfc3339_utc("--expiration", when)?;
            patch.insert("expirationTimestamp".into(), json!(when));
        }
    }
    if let Some(name) = &args.display_name {
        if name.trim().is_empty() || name.len() > 256 || name.chars().any(char::is_control) {
            return Err(Failure::usage(format!(
                "--display-name: expected 1 to 256 printable characters, got {name:?}"
            )));
        }
        patch.insert("displayName".into(), json!(name));
    }
    if let Some(version) = &args.version {
        if version.is_empty() || version.chars().any(char::is_whitespace) {
            return Err(Failure::usage(format!(
                "--version: expected an OpenShift version such as 4.18.5 or a release image, got {version:?}"
            )));
        }
        patch.insert(
            "hostedCluster".into(),
            json!({"release": {"image": release_image(version)}}),
        );
    }
    if let Some(path) = &args.upgrade_policy_file {
        let value = read_object("--upgrade-policy-file", path, "the upgrade policy")?;
        patch.insert("controlPlaneUpgradePolicy".into(), value);
    }
    if patch.is_empty() {
        return Err(Failure::usage(
            "nothing to change: pass --delete-protection, --expiration, --display-name, --version or --upgrade-policy-file",
        ));
    }
    Ok(Value::Object(patch))
}

/// The part of `patch` that differs from `current` (objects compared key by key): what a
/// PATCH must carry. Never the current spec itself: the server refuses platform-managed
/// values sent back.
pub fn changed_only(patch: &Value, current: &Value) -> Value {
    match (patch, current) {
        (Value::Object(p), Value::Object(c)) => {
            let mut out = Map::new();
            for (k, v) in p {
                let here = c.get(k).unwrap_or(&Value::Null);
                let zero = |x: &Value| x.is_null() || x == &json!("") || x == &json!(false);
                if v.is_object() && here.is_object() {
                    let inner = changed_only(v, here);
                    if inner.as_object().is_some_and(|m| !m.is_empty()) {
                        out.insert(k.clone(), inner);
                    }
                } else if v != here && !(zero(v) && zero(here)) {
                    out.insert(k.clone(), v.clone());
                }
            }
            Value::Object(out)
        }
        _ if patch == current => json!({}),
        _ => patch.clone(),
    }
}

pub async fn update(
    out: &Output,
    global: &Settings,
    args: &crate::cli::UpdateClusterArgs,
) -> anyhow::Result<()> {
    let wanted = update_patch(args)?;
    let aws = Aws::load(global).await?;
    let platform = Platform::require(global, &aws, "cluster update").await?;
    let cluster = resolve(&platform, &args.cluster).await?;
    let patch = changed_only(&wanted, &cluster.spec);
    let nothing = patch.as_object().is_some_and(|m| m.is_empty());
    if args.dry_run {
        return out.document(&json!({"cluster_id": cluster.id, "name": cluster.name, "patch": {"spec": patch}, "up_to_date": nothing}));
    }
    let cluster = if nothing {
        out.say(format!(
            "cluster {}: already as asked, nothing sent",
            cluster.name
        ));
        cluster
    } else {
        let updated = platform
            .api
            .update_cluster(&cluster.id, &patch)
            .await
            .map_err(|e| failure(&format!("PATCH /api/v0/clusters/{}", cluster.id), e))?;
        out.say(format!(
            "cluster {}: updated {}",
            updated.name,
            patch
                .as_object()
                .map(|m| m.keys().cloned().collect::<Vec<_>>().join(", "))
                .unwrap_or_default()
        ));
        updated
    };
    let cluster = if args.watch {
        watch_ready(
            out,
            &platform,
            &cluster.id,
            args.wait.interval(),
            args.wait.limit(),
        )
        .await?
    } else {
        cluster
    };
    if out.format != Format::Table {
        return out.document(&cluster);
    }
    println!(
        "Cluster {} ({}): phase {}",
        cluster.name,
        cluster.id,
        if cluster.phase().is_empty() {
            "not set yet"
        } else {
            cluster.phase()
        }
    );
    Ok(())
}

/// Everything `create cluster` sends, validated before any request is made.
pub fn build_request(
    args: &CreateClusterArgs,
    region: &str,
) -> Result<ClusterCreateRequest, Failure> {
    let name = check_local(args)?;
    check_region(region)?;
    if let Some(zone) = &args.zone {
        let ok = zone.strip_prefix(region).is_some_and(|rest| {
            !rest.is_empty()
                && rest.len() <= 8
                && rest.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        });
        if !ok {
            return Err(Failure::usage(format!(
                "--zone: expected an availability zone of {region} such as {region}a, got {zone:?}"
            )));
        }
    }
    let tags: Map<String, Value> = args
        .tags
        .iter()
        .map(|t| parse_tag(t).map(|(k, v)| (k, Value::String(v))))
        .collect::<Result<_, _>>()?;

    let mut spec = spec_file(args)?;
    let mut aws = json!({"region": region});
    if let Some(vpc) = &args.vpc_id {
        let mut config = json!({"vpc": vpc, "subnet": {"id": args.subnet_ids[0]}});
        if let Some(zone) = &args.zone {
            config["zone"] = json!(zone);
        }
        aws["cloudProviderConfig"] = config;
    }
    let mut flags = json!({"hostedCluster": {"platform": {"type": "AWS", "aws": aws}}});
    if let Some(version) = &args.version {
        flags["hostedCluster"]["release"] = json!({"image": release_image(version)});
    }
    debug_assert!(tags.is_empty(), "check_local refuses --tag");
    if let Some(placement) = &args.placement {
        let ok = !placement.is_empty()
            && placement.len() <= 253
            && placement
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-._".contains(&b));
        if !ok {
            return Err(Failure::usage(format!(
                "--placement: expected a management cluster or placement name (letters, digits, '-', '.', '_'), got {placement:?}"
            )));
        }
        flags["placement"] = json!(placement);
    }
    merge(&mut spec, flags);
    Ok(ClusterCreateRequest {
        name,
        target_project_id: None,
        spec,
    })
}

fn summary_row(c: &Cluster) -> Vec<String> {
    vec![
        c.id.clone(),
        c.name.clone(),
        c.phase().to_string(),
        c.created_at.clone(),
    ]
}

/// Follows `read` (every `interval`) until `done` says it is over, through the one retry
/// helper.
pub(super) async fn poll<T, F, Fut>(
    interval: Duration,
    timeout: Duration,
    read: F,
    mut done: impl FnMut(&T) -> Option<Result<(), String>>,
) -> anyhow::Result<T>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = anyhow::Result<T>>,
{
    let mut verdict = None;
    let (value, _) = retry::until(Backoff::every(interval, timeout), read, |r| match r {
        Err(_) => false,
        Ok(v) => {
            verdict = done(v);
            verdict.is_none()
        }
    })
    .await;
    let value = value?;
    match verdict {
        Some(Ok(())) => Ok(value),
        Some(Err(message)) => Err(Failure::new(Exit::Failed, message).into()),
        None => Err(Failure::new(
            Exit::Failed,
            format!(
                "gave up waiting after {} s; the operation goes on at the platform",
                timeout.as_secs()
            ),
        )
        .into()),
    }
}

async fn preflight(
    out: &Output,
    aws: &Aws,
    global: &Settings,
    request: &ClusterCreateRequest,
    args: &CreateClusterArgs,
    discovered: Option<&crate::cluster::network::Network>,
    region: &str,
) -> anyhow::Result<()> {
    let (vpc, subnet_ids) = match (&args.vpc_id, discovered) {
        (Some(vpc), _) => (vpc.clone(), args.subnet_ids.clone()),
        (None, Some(net)) => (
            net.vpc.clone(),
            net.private_subnets.iter().map(|(s, _)| s.clone()).collect(),
        ),
        (None, None) => {
            return Err(Failure::usage(
                "--preflight needs a network to verify: --vpc-id and --subnet-ids, or one `rosactl cluster-vpc create NAME` made",
            )
            .into());
        }
    };
    let preflight = rosa_lambda_api::preflight::Request {
        region: region.to_string(),
        cluster_config: rosa_lambda_api::preflight::ClusterConfig {
            instance_type: args.instance_type.clone(),
            replicas: args.replicas,
            availability_zones: args.zone.iter().cloned().collect(),
        },
    };
    let network = rosa_lambda_api::network::Request {
        vpc_id: vpc,
        subnet_ids,
        requirements: Default::default(),
    };
    let mut lines: Vec<(String, Status)> = Vec::new();
    let answer: rosa_lambda_api::preflight::Response = invoke_check(
        "preflight",
        aws,
        global,
        "rosa-preflight-checker",
        &preflight,
    )
    .await?;
    for r in answer.validation_results {
        lines.push((
            format!(
                "rosa-preflight-checker: {} {}: {}",
                r.check_name,
                status_text(r.status),
                r.message
            ),
            r.status,
        ));
    }
    let answer: rosa_lambda_api::network::Response =
        invoke_check("preflight", aws, global, "rosa-network-verifier", &network).await?;
    for r in answer.network_validation_results {
        lines.push((
            format!(
                "rosa-network-verifier: {} {}: {} ({})",
                r.check_name,
                status_text(r.status),
                r.message,
                r.resource_id
            ),
            r.status,
        ));
    }
    let mut failed = Vec::new();
    for (line, status) in lines {
        out.say(format!("preflight: {line}"));
        if !status.allows_proceeding() {
            failed.push(line);
        }
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(Failure::new(
            Exit::Failed,
            format!(
                "preflight: {} checks failed; cluster {} was not created:\n  {}",
                failed.len(),
                request.name,
                failed.join("\n  ")
            ),
        )
        .into())
    }
}

fn status_text(status: Status) -> &'static str {
    match status {
        Status::Passed => "passed",
        Status::Failed => "failed",
        Status::Warning => "warning",
        Status::Error => "could not run",
    }
}

/// Invokes `function`'s prod alias with a typed request and reads its typed answer.
/// Invokes `function:prod` with `request` and decodes its answer; `what` starts each message.
pub(super) async fn invoke_check<Req: serde::Serialize, Resp: serde::de::DeserializeOwned>(
    what: &str,
    aws: &Aws,
    global: &Settings,
    function: &str,
    request: &Req,
) -> anyhow::Result<Resp> {
    invoke_if_deployed(what, aws, global, function, request)
        .await?
        .ok_or_else(|| {
            Failure::new(
                Exit::Failed,
                format!("{what}: the function {function} (prod) is not deployed in this account: run rosactl setup-account first"),
            )
            .into()
        })
}

/// As [`invoke_check`], `None` when the function (or its `prod` alias) does not exist.
pub(super) async fn invoke_if_deployed<Req: serde::Serialize, Resp: serde::de::DeserializeOwned>(
    what: &str,
    aws: &Aws,
    global: &Settings,
    function: &str,
    request: &Req,
) -> anyhow::Result<Option<Resp>> {
    // The account's deployment may carry a resource prefix (`setup-account --resource-prefix`).
    let account = crate::deploy::account_of(aws, global).await?;
    let qualified = format!("{}:prod", account.aws_name(function));
    let event = serde_json::to_vec(request)?;
    let answer = match aws
        .lambda
        .invoke()
        .function_name(&qualified)
        .payload(Blob::new(event))
        .send()
        .await
    {
        Ok(a) => a,
        Err(e)
            if e.as_service_error()
                .is_some_and(|e| e.is_resource_not_found_exception()) =>
        {
            return Ok(None);
        }
        Err(e) => {
            return Err(Failure::new(
                Exit::Failed,
                format!(
                    "{what}: invoking {qualified} failed: {} (run rosactl setup-account first)",
                    describe(&e)
                ),
            )
            .into());
        }
    };
    let body = answer.payload.map(|p| p.into_inner()).unwrap_or_default();
    if answer.function_error.is_some() {
        let detail = match serde_json::from_slice::<rosa_lambda_api::ErrorBody>(&body) {
            Ok(e) => format!("{} {}", e.error_type, e.error_message),
            Err(_) => String::from_utf8_lossy(&body).into_owned(),
        };
        return Err(Failure::new(
            Exit::Failed,
            format!("{what}: {qualified} failed: {detail}"),
        )
        .into());
    }
    serde_json::from_slice(&body).map(Some).map_err(|e| {
        Failure::new(
            Exit::Failed,
            format!(
                "{what}: {qualified} answered something that is not its documented response ({e}): {}",
                String::from_utf8_lossy(&body).chars().take(300).collect::<String>()
            ),
        )
        .into()
    })
}

pub async fn create(
    out: &Output,
    global: &Settings,
    args: &CreateClusterArgs,
) -> anyhow::Result<()> {
    // Everything that can be checked locally is checked before any request.
    let region_flag = global.region.clone();
    if let Some(r) = &region_flag {
        check_region(r)?;
    }
    if args.dry_run {
        let region = region_flag
            .or_else(|| std::env::var("AWS_REGION").ok())
            .or_else(|| std::env::var("AWS_DEFAULT_REGION").ok())
            .ok_or_else(|| {
                Failure::usage("--region: required for --dry-run when no AWS_REGION is set")
            })?;
        let request = build_request(args, &region)?;
        return out.document(&request);
    }
    check_local(args)?;
    let aws = Aws::load(global).await?;
    let mut request = build_request(args, &aws.region)?;
    // The operator roles `cluster-iam create` made, unless the spec names its own.
    let platform_aws = &mut request.spec["hostedCluster"]["platform"]["aws"];
    if platform_aws["rolesRef"].is_null() {
        use crate::cluster::iam::RolesRef;
        match crate::cluster::iam::roles_ref(&aws, &request.name).await {
            RolesRef::Found(roles) => platform_aws["rolesRef"] = roles,
            RolesRef::NotMade => out.say(format!(
                "warning: cluster {} has no operator roles (rolesRef): run `rosactl cluster-iam create {}` first, or its operators cannot act in your account",
                request.name, request.name
            )),
            RolesRef::Partial(missing) => {
                return Err(Failure::new(
                    Exit::Failed,
                    format!(
                        "cluster {}: operator roles missing: {}; run `rosactl cluster-iam create {}` (nothing was sent)",
                        request.name,
                        missing.join(", "),
                        request.name
                    ),
                )
                .into());
            }
            RolesRef::Unreadable(why) => out.say(format!(
                "warning: could not look for cluster {}'s operator roles ({why}); sending without rolesRef",
                request.name
            )),
        }
    }
    // The network `cluster-vpc create` made, unless flags or the spec name one: its VPC, the
    // first zone's private subnet and that zone.
    let mut discovered = None;
    let platform_aws = &mut request.spec["hostedCluster"]["platform"]["aws"];
    if platform_aws["cloudProviderConfig"].is_null() {
        match crate::cluster::network::find(&aws, &request.name).await {
            Ok(Some(net)) => {
                if let Some((subnet, zone)) = net.private_subnets.first() {
                    platform_aws["cloudProviderConfig"] =
                        json!({"vpc": net.vpc, "zone": zone, "subnet": {"id": subnet}});
                }
                discovered = Some(net);
            }
            Ok(None) => {}
            // Discovery is a convenience: a caller without EC2 read access still creates.
            Err(e) => out.say(format!(
                "warning: could not look for cluster {}'s network ({e:#}); sending without it",
                request.name
            )),
        }
    }
    let platform = Platform::require(global, &aws, "create cluster").await?;
    if request.spec["hostedCluster"]["platform"]["aws"]["cloudProviderConfig"].is_null() {
        out.say(format!(
            "warning: cluster {} names no network (no --vpc-id/--subnet-ids, nothing in --spec-file): its nodes will have nowhere to run",
            request.name
        ));
    }
    if args.preflight {
        preflight(
            out,
            &aws,
            global,
            &request,
            args,
            discovered.as_ref(),
            &aws.region,
        )
        .await?;
    }
    let cluster = platform.api.create_cluster(&request).await.map_err(|e| {
        failure(
            &format!("creating cluster {}: POST /api/v0/clusters", request.name),
            e,
        )
    })?;
    out.say(format!(
        "cluster {} created: id {}",
        cluster.name, cluster.id
    ));
    let cluster = if args.watch {
        watch_ready(
            out,
            &platform,
            &cluster.id,
            args.poll_interval(),
            args.timeout(),
        )
        .await?
    } else {
        cluster
    };
    if out.format != Format::Table {
        return out.document(&cluster);
    }
    println!("ID:               {}", cluster.id);
    println!("Name:             {}", cluster.name);
    println!(
        "OIDC issuer URL:  {}",
        cluster.issuer_url().unwrap_or("(not yet known)")
    );
    println!("Phase:            {}", cluster.phase());
    Ok(())
}

async fn watch_ready(
    out: &Output,
    platform: &Platform,
    id: &str,
    interval: Duration,
    timeout: Duration,
) -> anyhow::Result<Cluster> {
    let mut last = String::new();
    let waiting = out.waiting(format!(
        "waiting for cluster {id} to be Ready (up to {} s)",
        timeout.as_secs()
    ));
    poll(
        interval,
        timeout,
        || async {
            platform
                .api
                .cluster(id)
                .await
                .map_err(|e| failure(&format!("GET /api/v0/clusters/{id}"), e).into())
        },
        |c: &Cluster| {
            let phase = c.phase().to_string();
            if phase != last {
                let shown = if phase.is_empty() {
                    "no phase yet"
                } else {
                    phase.as_str()
                };
                waiting.say(format!("cluster {}: {shown}", c.name));
                last = phase.clone();
            }
            if let Some(why) = c.failure() {
                return Some(Err(format!("cluster {} failed: {why}", c.name)));
            }
            (phase == "Ready").then_some(Ok(()))
        },
    )
    .await
}

pub async fn list(out: &Output, global: &Settings, args: &ListClustersArgs) -> anyhow::Result<()> {
    if args.limit == Some(0) {
        return Err(Failure::usage("--limit: expected a number of clusters, 1 or more").into());
    }
    let aws = Aws::load(global).await?;
    let platform = Platform::require(global, &aws, "list clusters").await?;
    // The server no longer filters by phase: every page is read and filtered here (a listing
    // is reordered while clusters reconcile, so ids are deduplicated).
    let all = platform
        .api
        .clusters(100)
        .collect(None)
        .await
        .map_err(|e| failure("GET /api/v0/clusters", e))?;
    let mut seen = std::collections::HashSet::new();
    let mut clusters: Vec<Cluster> = all
        .into_iter()
        .filter(|c| seen.insert(c.id.clone()))
        .filter(|c| {
            args.status
                .as_deref()
                .is_none_or(|s| s.eq_ignore_ascii_case(c.phase()))
        })
        .collect();
    if let Some(max) = args.limit {
        clusters.truncate(max);
    }
    if out.format != Format::Table {
        return out.document(&json!({"items": clusters, "total": clusters.len()}));
    }
    if clusters.is_empty() {
        out.say("no clusters");
        return Ok(());
    }
    let mut t = table(&["ID", "NAME", "PHASE", "CREATED"]);
    for c in &clusters {
        t.add_row(summary_row(c));
    }
    print_table(&t);
    Ok(())
}

/// A cluster by name, else by id.
pub(super) async fn resolve(platform: &Platform, name_or_id: &str) -> anyhow::Result<Cluster> {
    if check_name(name_or_id).is_ok() {
        if let Some(c) = platform
            .api
            .find_cluster_by_name(name_or_id)
            .await
            .map_err(|e| failure("GET /api/v0/clusters", e))?
        {
            return Ok(c);
        }
    }
    match platform.api.cluster(name_or_id).await {
        Ok(c) => Ok(c),
        Err(e) if matches!(e.status(), Some(404) | Some(410)) => Err(Failure::new(
            Exit::Failed,
            format!("no cluster named or with id {name_or_id:?}"),
        )
        .into()),
        Err(e) => Err(failure(&format!("GET /api/v0/clusters/{name_or_id}"), e).into()),
    }
}

/// A cluster (by name or id) and its `/statuses`, for `command`.
pub(super) async fn cluster_and_statuses(
    global: &Settings,
    command: &str,
    name_or_id: &str,
) -> anyhow::Result<(Aws, Cluster, ClusterStatuses)> {
    let aws = Aws::load(global).await?;
    let platform = Platform::require(global, &aws, command).await?;
    let cluster = resolve(&platform, name_or_id).await?;
    let statuses = platform
        .api
        .statuses(&cluster.id)
        .await
        .map_err(|e| failure(&format!("GET /api/v0/clusters/{}/statuses", cluster.id), e))?;
    Ok((aws, cluster, statuses))
}

pub async fn describe_cluster(
    out: &Output,
    global: &Settings,
    args: &DescribeClusterArgs,
) -> anyhow::Result<()> {
    let (_, cluster, statuses) =
        cluster_and_statuses(global, "describe cluster", &args.cluster).await?;
    if out.format != Format::Table {
        let mut doc = serde_json::to_value(&cluster)?;
        if let Some(status) = &statuses.status {
            doc["status"] = serde_json::to_value(status)?;
        }
        if !statuses.controller_statuses.is_empty() {
            doc["controller_statuses"] = serde_json::to_value(&statuses.controller_statuses)?;
        }
        return out.document(&doc);
    }
    let aws_spec = &cluster.spec["hostedCluster"]["platform"]["aws"];
    let status = statuses
        .status
        .clone()
        .or(cluster.status.clone())
        .unwrap_or_default();
    println!("ID:               {}", cluster.id);
    println!("Name:             {}", cluster.name);
    println!(
        "Phase:            {}",
        if status.phase.is_empty() {
            "(not set yet)"
        } else {
            status.phase.as_str()
        }
    );
    println!(
        "Region:           {}",
        aws_spec["region"].as_str().unwrap_or("-")
    );
    println!(
        "VPC:              {}",
        aws_spec["cloudProviderConfig"]["vpc"]
            .as_str()
            .unwrap_or("-")
    );
    println!(
        "Subnet:           {}",
        aws_spec["cloudProviderConfig"]["subnet"]["id"]
            .as_str()
            .unwrap_or("-")
    );
    println!(
        "Release:          {}",
        cluster.spec["hostedCluster"]["release"]["image"]
            .as_str()
            .unwrap_or("-")
    );
    println!("OIDC issuer URL:  {}", cluster.issuer_url().unwrap_or("-"));
    println!(
        "API endpoint:     {}",
        status
            .control_plane_endpoint
            .as_ref()
            .map(|e| format!("https://{}:{}", e.host, e.port))
            .unwrap_or_else(|| "-".into())
    );
    println!(
        "Created:          {} by {}",
        cluster.created_at, cluster.created_by
    );
    if !status.conditions.is_empty() {
        println!("Conditions:");
        let mut t = table(&["TYPE", "STATUS", "REASON", "MESSAGE"]);
        for c in &status.conditions {
            t.add_row(vec![
                c.kind.clone(),
                c.status.clone(),
                c.reason.clone(),
                c.message.clone(),
            ]);
        }
        print_table(&t);
    }
    if !statuses.controller_statuses.is_empty() {
        println!("Controllers:");
        for c in &statuses.controller_statuses {
            let name = c
                .fields
                .get("controller")
                .and_then(Value::as_str)
                .unwrap_or("?");
            let phase = c.fields.get("phase").and_then(Value::as_str).unwrap_or("?");
            println!("  {name}: {phase}");
        }
    }
    Ok(())
}

pub async fn delete(
    out: &Output,
    global: &Settings,
    args: &DeleteClusterArgs,
) -> anyhow::Result<()> {
    let aws = Aws::load(global).await?;
    let platform = Platform::require(global, &aws, "delete cluster").await?;
    let cluster = resolve(&platform, &args.cluster).await?;
    if args.dry_run {
        let request = format!("DELETE /api/v0/clusters/{}", cluster.id);
        if out.format != Format::Table {
            return out.document(&json!({"cluster_id": cluster.id, "name": cluster.name, "dry_run": true, "request": request}));
        }
        println!(
            "{} ({}): would send {request} (dry run, nothing was sent)",
            cluster.name, cluster.id
        );
        return Ok(());
    }
    confirm_named(
        out,
        global.yes,
        &format!("Delete cluster {} ({})?", cluster.name, cluster.id),
    )?;
    let accepted = platform
        .api
        .delete_cluster(&cluster.id)
        .await
        .map_err(|e| failure(&format!("DELETE /api/v0/clusters/{}", cluster.id), e))?;
    out.say(format!("cluster {}: deletion initiated", cluster.name));
    let mut deleted = false;
    if args.watch {
        let id = cluster.id.clone();
        let _waiting = out.waiting(format!(
            "waiting for cluster {} to be deleted (up to {} s)",
            cluster.name,
            args.timeout().as_secs()
        ));
        poll(
            args.poll_interval(),
            args.timeout(),
            || async {
                match platform.api.cluster(&id).await {
                    Ok(c) => Ok(Some(c.phase().to_string())),
                    Err(e) if matches!(e.status(), Some(404) | Some(410)) => Ok(None),
                    Err(e) => Err(failure(&format!("GET /api/v0/clusters/{id}"), e).into()),
                }
            },
            |phase: &Option<String>| phase.is_none().then_some(Ok(())),
        )
        .await?;
        out.say(format!("cluster {}: deleted", cluster.name));
        deleted = true;
    }
    if out.format != Format::Table {
        return out.document(&json!({"cluster_id": cluster.id, "name": cluster.name, "message": accepted.message, "deleted": deleted}));
    }
    println!(
        "{} ({}): {}",
        cluster.name,
        cluster.id,
        if deleted {
            "deleted"
        } else {
            "deletion initiated"
        }
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn args(line: &str) -> CreateClusterArgs {
        let cli = crate::cli::Cli::try_parse_from(
            format!("rosactl create cluster {line}").split_whitespace(),
        )
        .unwrap();
        match cli.command {
            crate::cli::Command::Create(crate::cli::CreateCommand::Cluster(a)) => a,
            _ => unreachable!(),
        }
    }

    #[test]
    fn placement_is_passed_through() {
        let r = build_request(
            &args("--name my-cluster --placement mc-ephemeral-01"),
            "us-east-1",
        )
        .unwrap();
        assert_eq!(r.spec["placement"], "mc-ephemeral-01");
        assert!(build_request(&args("--name my-cluster --placement a/b"), "us-east-1").is_err());
    }

    #[test]
    fn builds_the_contract_shape() {
        let r = build_request(
            &args("--name my-cluster --vpc-id vpc-0123456789abcdef0 --subnet-ids subnet-01234567,subnet-89abcdef --zone us-east-1a --version 4.18.5"),
            "us-east-1",
        )
        .unwrap();
        assert_eq!(r.name, "my-cluster");
        assert_eq!(
            r.spec,
            json!({
                "hostedCluster": {
                    "platform": {"type": "AWS", "aws": {"region": "us-east-1", "cloudProviderConfig": {"vpc": "vpc-0123456789abcdef0", "zone": "us-east-1a", "subnet": {"id": "subnet-01234567"}}}},
                    "release": {"image": "quay.io/openshift-release-dev/ocp-release:4.18.5-x86_64"},
                },
            })
        );
        // The platform's tags feature gate is off by default: refused here, with the reason.
        let err = build_request(&args("--name my-cluster --tag team=a"), "us-east-1").unwrap_err();
        assert_eq!(err.exit, Exit::Usage);
        assert!(err.message.starts_with("--tag"), "{}", err.message);
    }

    #[test]
    fn every_bad_value_is_named() {
        for (line, flag) in [
            ("--name ab", "--name"),
            ("--name My-Cluster", "--name"),
            ("--name=-abc", "--name"),
            (
                "--name abc --vpc-id vpc-1 --subnet-ids subnet-01234567",
                "--vpc-id",
            ),
            (
                "--name abc --vpc-id vpc-01234567 --subnet-ids subnet-xyz",
                "--subnet-ids",
            ),
            (
                "--name abc --vpc-id vpc-01234567",
                "--vpc-id and --subnet-ids",
            ),
            ("--name abc --zone eu-west-1a", "--zone"),
            ("--name abc --tag novalue", "--tag"),
            ("--name abcdefghijklmnopqrs", "--name"),
            ("", "--name: required"),
        ] {
            let err = build_request(&args(line), "us-east-1").unwrap_err();
            assert_eq!(err.exit, Exit::Usage, "{line}");
            assert!(err.message.starts_with(flag), "{line}: {}", err.message);
        }
        assert!(
            build_request(&args("--name abc"), "moon-1")
                .unwrap_err()
                .message
                .starts_with("--region")
        );
    }

    #[test]
    fn a_spec_file_is_the_base_and_flags_win() {
        let dir = tempfile_dir();
        let path = dir.join("spec.yaml");
        std::fs::write(&path, "displayName: Mine\nhostedCluster:\n  platform:\n    aws:\n      region: eu-west-1\n      extra: kept\n").unwrap();
        let r = build_request(
            &args(&format!("--name abc --spec-file {}", path.display())),
            "us-east-1",
        )
        .unwrap();
        assert_eq!(r.spec["displayName"], "Mine");
        assert_eq!(
            r.spec["hostedCluster"]["platform"]["aws"]["region"],
            "us-east-1"
        );
        assert_eq!(r.spec["hostedCluster"]["platform"]["aws"]["extra"], "kept");
        std::fs::write(&path, "[1, 2]").unwrap();
        assert!(
            build_request(
                &args(&format!("--name abc --spec-file {}", path.display())),
                "us-east-1"
            )
            .unwrap_err()
            .message
            .contains("expected an object")
        );
    }

    fn tempfile_dir() -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("rosactl-test-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }
}
