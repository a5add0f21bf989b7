//! `rosa-preflight-checker`: checks an account's prerequisites (region, instance type
//! offerings, quotas, service-linked roles) before a ROSA cluster is created.
//!
//! Input: `region`, `cluster_config` (`instance_type`, `replicas`, optional
//! `availability_zones`). Output: `validation_results[]` of
//! `{check_name, status, message, details}`.
//!
//! Checks, in this order: `region_enabled`, `instance_type_offered`, `vcpu_quota`
//! (`L-1216C47A`, with headroom), `elastic_ip_quota` (`L-0263D0A3`), `vpc_quota`
//! (`L-F678F1CE`), `elb_service_linked_role`. A check that cannot run (denied, throttled, a
//! 5xx) is an `error` naming the permission or the cause. `proceed` is false when any check
//! failed or could not run.
//! Everything is read in the requested region; nothing is written.

use aws_sdk_ec2::error::ProvideErrorMetadata;
use aws_sdk_ec2::types::{Filter, InstanceStateName, LocationType};
use rosa_lambda_common::input::{check_instance_type, check_region, check_zone};
use rosa_lambda_common::{Fields, FunctionError, InputError, Invocation, Status, is_denied};
use serde_json::{Value, json};

pub const OPERATION: &str = "preflight-check";

/// The largest node count a request may ask for.
pub const MAX_REPLICAS: u64 = 500;

pub use rosa_lambda_api::preflight::{
    CheckResult, ClusterConfig, Request as PreflightRequest, Response as PreflightResult,
};

/// Every field name the request's schema knows, at any depth.
pub const REQUEST_KEYS: &[&str] = &[
    "region",
    "cluster_config",
    "instance_type",
    "replicas",
    "availability_zones",
];
const REQUEST_FIELDS: &[&str] = &["region", "cluster_config"];
const CONFIG_FIELDS: &[&str] = &["instance_type", "replicas", "availability_zones"];

/// Parses and validates the event, naming the first bad field.
pub fn parse_request(event: &Value) -> Result<PreflightRequest, InputError> {
    let f = Fields::event(event, REQUEST_FIELDS)?;
    let region = f.str("region", "an AWS region name such as us-east-1")?;
    check_region("region", region)?;

    let cfg = f.object("cluster_config", CONFIG_FIELDS)?;
    let instance_type = cfg.str("instance_type", "an EC2 instance type such as m5.xlarge")?;
    check_instance_type(&cfg.path("instance_type"), instance_type)?;
    cfg.required("replicas", "a whole number of worker nodes")?;
    let replicas = cfg
        .opt_u64("replicas", 1, MAX_REPLICAS)?
        .expect("checked present above");
    let mut availability_zones = Vec::new();
    for (path, zone) in cfg
        .opt_str_list(
            "availability_zones",
            "a list of availability zone names",
            false,
        )?
        .unwrap_or_default()
    {
        check_zone(&path, region, zone)?;
        if !availability_zones.iter().any(|z| z == zone) {
            availability_zones.push(zone.to_string());
        }
    }
    Ok(PreflightRequest {
        region: region.to_string(),
        cluster_config: ClusterConfig {
            instance_type: instance_type.to_string(),
            replicas,
            availability_zones,
        },
    })
}

/// The On-Demand standard instance families (A, C, D, H, I, M, R, T, Z) the quota covers.
pub const STANDARD_FAMILIES: &[char] = &['a', 'c', 'd', 'h', 'i', 'm', 'r', 't', 'z'];
/// Less free capacity than this share of the quota after the cluster is a warning.
pub const HEADROOM: f64 = 0.10;

fn result(
    check_name: &'static str,
    status: Status,
    message: impl Into<String>,
    details: Value,
) -> CheckResult {
    CheckResult {
        check_name: check_name.to_string(),
        status,
        message: message.into(),
        details,
    }
}

/// A check that could not run: a warning naming the permission, or a failure otherwise.
fn not_run<E: ProvideErrorMetadata + std::error::Error>(
    check_name: &'static str,
    permission: &str,
    e: &E,
) -> CheckResult {
    let detail = e
        .message()
        .map(String::from)
        .unwrap_or_else(|| aws_sdk_ec2::error::DisplayErrorContext(e).to_string());
    // A check that could not run has not passed: the cluster must not proceed on it.
    if is_denied(e.code()) {
        result(
            check_name,
            Status::Error,
            format!("could not run: the execution role lacks {permission}"),
            json!({"missing_permission": permission, "error": detail}),
        )
    } else {
        result(
            check_name,
            Status::Error,
            format!("could not run: {detail}"),
            json!({"error": detail, "code": e.code()}),
        )
    }
}

/// Whether the On-Demand standard quota covers an instance type.
pub fn is_standard(instance_type: &str) -> bool {
    instance_type
        .chars()
        .next()
        .is_some_and(|c| STANDARD_FAMILIES.contains(&c))
}

/// Judges a quota: `needed` more on top of `in_use`, out of `quota`.
pub fn judge_capacity(quota: f64, in_use: f64, needed: f64) -> Status {
    let after = in_use + needed;
    if after > quota {
        Status::Failed
    } else if quota - after < quota * HEADROOM {
        Status::Warning
    } else {
        Status::Passed
    }
}

pub struct Clients {
    /// EC2 in the function's own region: asked whether the requested region exists and is
    /// enabled (a region that does not exist has no endpoint to ask).
    pub home_ec2: aws_sdk_ec2::Client,
    pub ec2: aws_sdk_ec2::Client,
    pub quotas: aws_sdk_servicequotas::Client,
    pub iam: aws_sdk_iam::Client,
}

impl Clients {
    /// Clients for `region` from the function's configuration.
    pub fn for_region(home: &aws_config_lambda::SdkConfig, region: &str) -> Self {
        let config = home
            .to_builder()
            .region(aws_config_lambda::Region::new(region.to_string()))
            .build();
        Clients {
            home_ec2: aws_sdk_ec2::Client::new(home),
            ec2: aws_sdk_ec2::Client::new(&config),
            quotas: aws_sdk_servicequotas::Client::new(&config),
            iam: aws_sdk_iam::Client::new(&config),
        }
    }
}

async fn quota_value(c: &Clients, service: &str, code: &str) -> Result<f64, CheckResult> {
    match c
        .quotas
        .get_service_quota()
        .service_code(service)
        .quota_code(code)
        .send()
        .await
    {
        Ok(out) => Ok(out.quota.and_then(|q| q.value).unwrap_or_default()),
        Err(e) => Err(not_run("quota", "servicequotas:GetServiceQuota", &e)),
    }
}

async fn region_enabled(c: &Clients, region: &str) -> CheckResult {
    const NAME: &str = "region_enabled";
    match c.home_ec2.describe_regions().all_regions(true).send().await {
        Ok(out) => match out
            .regions()
            .iter()
            .find(|r| r.region_name() == Some(region))
        {
            Some(r) => {
                let status = r.opt_in_status().unwrap_or("opt-in-not-required");
                if status == "not-opted-in" {
                    result(
                        NAME,
                        Status::Failed,
                        format!("{region} is not enabled for this account (opt-in region)"),
                        json!({"opt_in_status": status}),
                    )
                } else {
                    result(
                        NAME,
                        Status::Passed,
                        format!("{region} is enabled"),
                        json!({"opt_in_status": status}),
                    )
                }
            }
            None => result(
                NAME,
                Status::Failed,
                format!("{region} is not a region of this partition"),
                json!({}),
            ),
        },
        Err(e) if e.code() == Some("InvalidParameterValue") => result(
            NAME,
            Status::Failed,
            format!("{region} is not a known region"),
            json!({}),
        ),
        Err(e) => renamed(not_run(NAME, "ec2:DescribeRegions", &e), NAME),
    }
}

fn renamed(mut r: CheckResult, name: &'static str) -> CheckResult {
    r.check_name = name.to_string();
    r
}

async fn instance_type_offered(c: &Clients, region: &str, cfg: &ClusterConfig) -> CheckResult {
    const NAME: &str = "instance_type_offered";
    let it = &cfg.instance_type;
    let (location_type, wanted) = if cfg.availability_zones.is_empty() {
        (LocationType::Region, vec![region.to_string()])
    } else {
        (
            LocationType::AvailabilityZone,
            cfg.availability_zones.clone(),
        )
    };
    let out = c
        .ec2
        .describe_instance_type_offerings()
        .location_type(location_type)
        .filters(Filter::builder().name("instance-type").values(it).build())
        .send()
        .await;
    match out {
        Ok(out) => {
            let offered: Vec<String> = out
                .instance_type_offerings()
                .iter()
                .filter_map(|o| o.location().map(String::from))
                .collect();
            let missing: Vec<&String> = wanted.iter().filter(|w| !offered.contains(w)).collect();
            if missing.is_empty() {
                result(
                    NAME,
                    Status::Passed,
                    format!("{it} is offered in {}", wanted.join(", ")),
                    json!({"instance_type": it, "locations": wanted}),
                )
            } else {
                result(
                    NAME,
                    Status::Failed,
                    format!(
                        "{it} is not offered in {}",
                        missing
                            .iter()
                            .map(|m| m.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                    json!({"instance_type": it, "missing": missing, "offered_in": offered}),
                )
            }
        }
        Err(e) => renamed(not_run(NAME, "ec2:DescribeInstanceTypeOfferings", &e), NAME),
    }
}

async fn vcpus_of(
    c: &Clients,
    types: &[String],
) -> Result<std::collections::HashMap<String, i32>, CheckResult> {
    let mut map = std::collections::HashMap::new();
    for chunk in types.chunks(100) {
        let out = c
            .ec2
            .describe_instance_types()
            .set_instance_types(Some(chunk.iter().map(|t| t.as_str().into()).collect()))
            .send()
            .await
            .map_err(|e| not_run("vcpu_quota", "ec2:DescribeInstanceTypes", &e))?;
        for t in out.instance_types() {
            if let (Some(name), Some(v)) = (
                t.instance_type(),
                t.v_cpu_info().and_then(|v| v.default_v_cpus()),
            ) {
                map.insert(name.as_str().to_string(), v);
            }
        }
    }
    Ok(map)
}

async fn vcpu_quota(c: &Clients, cfg: &ClusterConfig) -> CheckResult {
    const NAME: &str = "vcpu_quota";
    let it = &cfg.instance_type;
    if !is_standard(it) {
        return result(
            NAME,
            Status::Warning,
            format!(
                "{it} is not covered by the On-Demand standard quota L-1216C47A; its family's quota is not checked"
            ),
            json!({"instance_type": it}),
        );
    }
    // vCPUs already running in the standard families.
    let mut running: Vec<String> = Vec::new();
    let mut pages = c
        .ec2
        .describe_instances()
        .filters(
            Filter::builder()
                .name("instance-state-name")
                .values(InstanceStateName::Running.as_str())
                .values(InstanceStateName::Pending.as_str())
                .build(),
        )
        .into_paginator()
        .send();
    while let Some(page) = pages.next().await {
        match page {
            Ok(page) => {
                for r in page.reservations() {
                    for i in r.instances() {
                        if let Some(t) = i.instance_type() {
                            running.push(t.as_str().to_string());
                        }
                    }
                }
            }
            Err(e) => return renamed(not_run(NAME, "ec2:DescribeInstances", &e), NAME),
        }
    }
    let mut types: Vec<String> = running.iter().filter(|t| is_standard(t)).cloned().collect();
    types.push(it.clone());
    types.sort();
    types.dedup();
    let vcpus = match vcpus_of(c, &types).await {
        Ok(v) => v,
        Err(r) => return r,
    };
    let Some(per_node) = vcpus.get(it).copied() else {
        return result(
            NAME,
            Status::Failed,
            format!("EC2 does not know the instance type {it}"),
            json!({"instance_type": it}),
        );
    };
    let in_use: i64 = running
        .iter()
        .filter(|t| is_standard(t))
        .map(|t| i64::from(vcpus.get(t).copied().unwrap_or(0)))
        .sum();
    let needed = i64::from(per_node) * cfg.replicas as i64;
    let quota = match quota_value(c, "ec2", "L-1216C47A").await {
        Ok(q) => q,
        Err(r) => return renamed(r, NAME),
    };
    let status = judge_capacity(quota, in_use as f64, needed as f64);
    let details = json!({
        "quota_code": "L-1216C47A", "quota": quota, "in_use": in_use, "needed": needed,
        "available": quota - in_use as f64, "instance_type": it, "vcpus_per_node": per_node, "replicas": cfg.replicas,
    });
    let message = match status {
        Status::Passed => format!(
            "{needed} vCPUs needed, {} of {quota} available",
            quota - in_use as f64
        ),
        Status::Warning => format!(
            "{needed} vCPUs needed, {} of {quota} available: less than {}% headroom left afterwards",
            quota - in_use as f64,
            (HEADROOM * 100.0) as u32
        ),
        // judge_capacity only judges; it never answers "could not run".
        Status::Failed | Status::Error => format!(
            "{needed} vCPUs needed but only {} of {quota} available; request a quota increase for L-1216C47A",
            quota - in_use as f64
        ),
    };
    result(NAME, status, message, details)
}

async fn elastic_ip_quota(c: &Clients, cfg: &ClusterConfig) -> CheckResult {
    const NAME: &str = "elastic_ip_quota";
    let in_use = match c.ec2.describe_addresses().send().await {
        Ok(out) => out.addresses().len() as f64,
        Err(e) => return renamed(not_run(NAME, "ec2:DescribeAddresses", &e), NAME),
    };
    let quota = match quota_value(c, "ec2", "L-0263D0A3").await {
        Ok(q) => q,
        Err(r) => return renamed(r, NAME),
    };
    // One NAT gateway (one address) per zone the cluster uses.
    let needed = cfg.availability_zones.len().max(1) as f64;
    let status = if in_use + needed > quota {
        Status::Warning
    } else {
        Status::Passed
    };
    let message = if status == Status::Passed {
        format!("{} of {quota} Elastic IPs free", quota - in_use)
    } else {
        format!(
            "only {} of {quota} Elastic IPs free; new NAT gateways would need {needed}",
            quota - in_use
        )
    };
    result(
        NAME,
        status,
        message,
        json!({"quota_code": "L-0263D0A3", "quota": quota, "in_use": in_use, "needed": needed}),
    )
}

async fn vpc_quota(c: &Clients) -> CheckResult {
    const NAME: &str = "vpc_quota";
    let in_use = match c.ec2.describe_vpcs().send().await {
        Ok(out) => out.vpcs().len() as f64,
        Err(e) => return renamed(not_run(NAME, "ec2:DescribeVpcs", &e), NAME),
    };
    let quota = match quota_value(c, "vpc", "L-F678F1CE").await {
        Ok(q) => q,
        Err(r) => return renamed(r, NAME),
    };
    let status = if in_use >= quota {
        Status::Warning
    } else {
        Status::Passed
    };
    let message = if status == Status::Passed {
        format!("{in_use} of {quota} VPCs in use")
    } else {
        format!(
            "{in_use} of {quota} VPCs in use: no new VPC can be created (bring an existing one)"
        )
    };
    result(
        NAME,
        status,
        message,
        json!({"quota_code": "L-F678F1CE", "quota": quota, "in_use": in_use}),
    )
}

async fn elb_service_linked_role(c: &Clients) -> CheckResult {
    const NAME: &str = "elb_service_linked_role";
    const ROLE: &str = "AWSServiceRoleForElasticLoadBalancing";
    match c.iam.get_role().role_name(ROLE).send().await {
        Ok(_) => result(
            NAME,
            Status::Passed,
            format!("{ROLE} exists"),
            json!({"role_name": ROLE}),
        ),
        Err(e)
            if e.as_service_error()
                .is_some_and(|e| e.is_no_such_entity_exception()) =>
        {
            result(
                NAME,
                Status::Warning,
                format!(
                    "{ROLE} does not exist; AWS creates it with the first load balancer if the creator may call iam:CreateServiceLinkedRole"
                ),
                json!({"role_name": ROLE}),
            )
        }
        Err(e) => renamed(not_run(NAME, "iam:GetRole", &e), NAME),
    }
}

/// Runs every check (independent checks concurrently) for a validated request.
pub async fn check(clients: &Clients, request: &PreflightRequest) -> PreflightResult {
    let region = &request.region;
    let cfg = &request.cluster_config;
    let enabled = region_enabled(clients, region).await;
    let mut results = vec![enabled.clone()];
    if enabled.status.allows_proceeding() {
        let (offered, vcpu, eip, vpc, elb) = tokio::join!(
            instance_type_offered(clients, region, cfg),
            vcpu_quota(clients, cfg),
            elastic_ip_quota(clients, cfg),
            vpc_quota(clients),
            elb_service_linked_role(clients),
        );
        results.extend([offered, vcpu, eip, vpc, elb]);
    }
    PreflightResult {
        region: region.clone(),
        proceed: results.iter().all(|r| r.status.allows_proceeding()),
        validation_results: results,
    }
}

pub async fn handle(
    config: &aws_config_lambda::SdkConfig,
    event: Value,
    _invocation: Invocation,
) -> Result<PreflightResult, FunctionError> {
    let request = parse_request(&event)?;
    let clients = Clients::for_region(config, &request.region);
    Ok(check(&clients, &request).await)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn good() -> Value {
        json!({"region":"us-east-1","cluster_config":{"instance_type":"m5.xlarge","replicas":3,"availability_zones":["us-east-1a","us-east-1b"]}})
    }

    #[test]
    fn capacity_needs_headroom() {
        assert_eq!(judge_capacity(100.0, 10.0, 40.0), Status::Passed);
        assert_eq!(judge_capacity(100.0, 10.0, 85.0), Status::Warning);
        assert_eq!(judge_capacity(100.0, 10.0, 91.0), Status::Failed);
        assert!(
            is_standard("m5.xlarge")
                && is_standard("t3.small")
                && !is_standard("p4d.24xlarge")
                && !is_standard("g5.xlarge")
        );
    }

    #[test]
    fn parses_a_good_request() {
        let r = parse_request(&good()).unwrap();
        assert_eq!(r.cluster_config.replicas, 3);
        assert_eq!(r.cluster_config.availability_zones.len(), 2);
    }

    #[test]
    fn each_field_is_named_when_wrong() {
        let cases: [(&str, fn(&mut Value)); 8] = [
            ("region", |v| v["region"] = json!("moon-1")),
            ("cluster_config", |v| v["cluster_config"] = json!("m5")),
            ("cluster_config.instance_type", |v| {
                v["cluster_config"]["instance_type"] = json!("big")
            }),
            ("cluster_config.replicas", |v| {
                v["cluster_config"]["replicas"] = json!(0)
            }),
            ("cluster_config.replicas", |v| {
                v["cluster_config"]["replicas"] = json!("3")
            }),
            ("cluster_config.availability_zones[1]", |v| {
                v["cluster_config"]["availability_zones"][1] = json!("eu-west-1a")
            }),
            ("cluster_config.nodes", |v| {
                v["cluster_config"]["nodes"] = json!(3)
            }),
            ("cluster_config.replicas", |v| {
                v["cluster_config"]
                    .as_object_mut()
                    .unwrap()
                    .remove("replicas");
            }),
        ];
        for (field, mutate) in cases {
            let mut ev = good();
            mutate(&mut ev);
            assert_eq!(parse_request(&ev).unwrap_err().field, field, "{ev}");
        }
    }
}
