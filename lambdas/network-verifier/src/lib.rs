//! `rosa-network-verifier`: checks a VPC and its subnets (DNS, routes to NAT / internet
//! gateways, zones, free addresses, endpoints, security groups) against what a ROSA cluster
//! needs.
//!
//! Input: `vpc_id`, `subnet_ids`, optional `requirements` (`private_subnets_required`,
//! `min_availability_zones`, `min_free_ips_per_subnet`). Output:
//! `network_validation_results[]` of `{check_name, status, message, resource_id}`.
//!
//! Checks: `vpc_exists`, `vpc_dns_support`, `vpc_dns_hostnames`, `subnet_exists` and
//! `subnet_in_vpc` (per subnet), `subnet_egress` (per subnet: `0.0.0.0/0` to an available NAT
//! gateway of the VPC, or to an attached internet gateway; otherwise what it routes to),
//! `private_subnets_present`, `availability_zones`, `subnet_free_addresses` (per subnet),
//! `s3_gateway_endpoint` (warning if absent), `security_group_egress` (warning level). Every
//! result names the resource it is about. Read only.

use std::collections::{BTreeMap, BTreeSet};

use aws_sdk_ec2::error::ProvideErrorMetadata;
use aws_sdk_ec2::types::{Filter, NatGatewayState, RouteTable, Subnet, VpcAttributeName};
use rosa_lambda_common::input::check_resource_id;
use rosa_lambda_common::{Fields, FunctionError, InputError, Invocation, Status, aws_error};
use serde_json::Value;

pub const OPERATION: &str = "network-verify";

/// More subnets than this in one request is a mistake, not a topology.
pub const MAX_SUBNETS: usize = 32;

pub use rosa_lambda_api::network::{
    CheckResult, Request as NetworkRequest, Requirements, Response as NetworkResult,
};

/// Every field name the request's schema knows, at any depth.
pub const REQUEST_KEYS: &[&str] = &[
    "vpc_id",
    "subnet_ids",
    "requirements",
    "private_subnets_required",
    "min_availability_zones",
    "min_free_ips_per_subnet",
];
const REQUEST_FIELDS: &[&str] = &["vpc_id", "subnet_ids", "requirements"];
const REQUIREMENT_FIELDS: &[&str] = &[
    "private_subnets_required",
    "min_availability_zones",
    "min_free_ips_per_subnet",
];

/// Parses and validates the event, naming the first bad field.
pub fn parse_request(event: &Value) -> Result<NetworkRequest, InputError> {
    let f = Fields::event(event, REQUEST_FIELDS)?;
    let vpc_id = f.str("vpc_id", "a VPC id such as vpc-0123456789abcdef0")?;
    check_resource_id("vpc_id", "vpc-", vpc_id)?;

    let expected = format!("a list of 1 to {MAX_SUBNETS} subnet ids");
    let given = f
        .opt_str_list("subnet_ids", &expected, false)?
        .ok_or_else(|| {
            f.error(
                "subnet_ids",
                format!("required field is missing; expected {expected}"),
            )
        })?;
    if given.is_empty() || given.len() > MAX_SUBNETS {
        return Err(f.error(
            "subnet_ids",
            format!("expected {expected}, got {}", given.len()),
        ));
    }
    let mut subnet_ids: Vec<String> = Vec::with_capacity(given.len());
    for (path, id) in given {
        check_resource_id(&path, "subnet-", id)?;
        if subnet_ids.iter().any(|s| s == id) {
            return Err(InputError::new(path, format!("{id} is listed twice")));
        }
        subnet_ids.push(id.to_string());
    }

    let mut requirements = Requirements::default();
    if let Some(r) = f.opt_object("requirements", REQUIREMENT_FIELDS)? {
        if let Some(v) = r.opt_bool("private_subnets_required")? {
            requirements.private_subnets_required = v;
        }
        if let Some(v) = r.opt_u64("min_availability_zones", 1, 6)? {
            requirements.min_availability_zones = v;
        }
        if let Some(v) = r.opt_u64("min_free_ips_per_subnet", 0, 65_536)? {
            requirements.min_free_ips_per_subnet = v;
        }
    }
    Ok(NetworkRequest {
        vpc_id: vpc_id.to_string(),
        subnet_ids,
        requirements,
    })
}

fn result(
    check_name: &'static str,
    status: Status,
    resource_id: &str,
    message: impl Into<String>,
) -> CheckResult {
    CheckResult {
        check_name: check_name.to_string(),
        status,
        message: message.into(),
        resource_id: resource_id.to_string(),
    }
}

fn sdk_error<E: ProvideErrorMetadata + std::fmt::Display>(operation: &str, e: &E) -> FunctionError {
    aws_error(
        operation,
        &format!("ec2:{operation}"),
        e.code(),
        e.message().unwrap_or(&e.to_string()),
    )
}

fn filter(name: &str, values: impl IntoIterator<Item = impl Into<String>>) -> Filter {
    Filter::builder()
        .name(name)
        .set_values(Some(values.into_iter().map(Into::into).collect()))
        .build()
}

/// Where a subnet's default route goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Egress {
    Nat(String),
    InternetGateway(String),
    Other(String),
    None,
}

/// The route table that applies to a subnet: its own association, else the VPC's main table.
pub fn table_for<'a>(subnet_id: &str, tables: &'a [RouteTable]) -> Option<&'a RouteTable> {
    tables
        .iter()
        .find(|t| {
            t.associations()
                .iter()
                .any(|a| a.subnet_id() == Some(subnet_id))
        })
        .or_else(|| {
            tables
                .iter()
                .find(|t| t.associations().iter().any(|a| a.main() == Some(true)))
        })
}

/// The target of a table's `0.0.0.0/0` route.
pub fn default_route(table: Option<&RouteTable>) -> Egress {
    let Some(table) = table else {
        return Egress::None;
    };
    let Some(route) = table
        .routes()
        .iter()
        .find(|r| r.destination_cidr_block() == Some("0.0.0.0/0"))
    else {
        return Egress::None;
    };
    if let Some(nat) = route.nat_gateway_id() {
        Egress::Nat(nat.to_string())
    } else if let Some(gw) = route.gateway_id().filter(|g| g.starts_with("igw-")) {
        Egress::InternetGateway(gw.to_string())
    } else {
        let target = route
            .transit_gateway_id()
            .or(route.vpc_peering_connection_id())
            .or(route.network_interface_id())
            .or(route.instance_id())
            .or(route.gateway_id())
            .unwrap_or("an unknown target");
        Egress::Other(target.to_string())
    }
}

async fn vpc_attribute(
    ec2: &aws_sdk_ec2::Client,
    vpc: &str,
    name: VpcAttributeName,
) -> Result<bool, FunctionError> {
    let out = ec2
        .describe_vpc_attribute()
        .vpc_id(vpc)
        .attribute(name.clone())
        .send()
        .await
        .map_err(|e| sdk_error("DescribeVpcAttribute", &e))?;
    let value = match name {
        VpcAttributeName::EnableDnsSupport => out.enable_dns_support().and_then(|a| a.value()),
        _ => out.enable_dns_hostnames().and_then(|a| a.value()),
    };
    Ok(value.unwrap_or(false))
}

pub async fn verify(
    ec2: &aws_sdk_ec2::Client,
    region: &str,
    req: &NetworkRequest,
) -> Result<NetworkResult, FunctionError> {
    let vpc_id = req.vpc_id.as_str();
    let mut results = Vec::new();
    let finish = |results: Vec<CheckResult>| NetworkResult {
        vpc_id: vpc_id.to_string(),
        proceed: results.iter().all(|r| r.status.allows_proceeding()),
        network_validation_results: results,
    };

    // The VPC. Filters (not ids) make an unknown id an empty answer rather than an error.
    let vpcs = ec2
        .describe_vpcs()
        .filters(filter("vpc-id", [vpc_id]))
        .send()
        .await
        .map_err(|e| sdk_error("DescribeVpcs", &e))?;
    let Some(vpc) = vpcs.vpcs().first() else {
        results.push(result(
            "vpc_exists",
            Status::Failed,
            vpc_id,
            format!("VPC {vpc_id} does not exist in {region}"),
        ));
        return Ok(finish(results));
    };
    results.push(result(
        "vpc_exists",
        Status::Passed,
        vpc_id,
        format!("VPC {vpc_id} ({}) exists", vpc.cidr_block().unwrap_or("?")),
    ));
    for (name, attr, label) in [
        (
            "vpc_dns_support",
            VpcAttributeName::EnableDnsSupport,
            "DNS support",
        ),
        (
            "vpc_dns_hostnames",
            VpcAttributeName::EnableDnsHostnames,
            "DNS hostnames",
        ),
    ] {
        results.push(if vpc_attribute(ec2, vpc_id, attr).await? {
            result(name, Status::Passed, vpc_id, format!("{label} is enabled"))
        } else {
            result(name, Status::Failed, vpc_id, format!("{label} is disabled; enable it on {vpc_id} (the cluster's private DNS needs it)"))
        });
    }

    // The subnets.
    let found = ec2
        .describe_subnets()
        .filters(filter("subnet-id", req.subnet_ids.iter().cloned()))
        .send()
        .await
        .map_err(|e| sdk_error("DescribeSubnets", &e))?;
    let by_id: BTreeMap<&str, &Subnet> = found
        .subnets()
        .iter()
        .filter_map(|s| Some((s.subnet_id()?, s)))
        .collect();
    let mut usable: Vec<&Subnet> = Vec::new();
    for id in &req.subnet_ids {
        match by_id.get(id.as_str()) {
            None => results.push(result(
                "subnet_exists",
                Status::Failed,
                id,
                format!("subnet {id} does not exist in {region}"),
            )),
            Some(s) if s.vpc_id() != Some(vpc_id) => results.push(result(
                "subnet_in_vpc",
                Status::Failed,
                id,
                format!(
                    "subnet {id} belongs to {}, not to {vpc_id}",
                    s.vpc_id().unwrap_or("another VPC")
                ),
            )),
            Some(s) => {
                results.push(result(
                    "subnet_in_vpc",
                    Status::Passed,
                    id,
                    format!(
                        "subnet {id} is in {vpc_id} ({})",
                        s.availability_zone().unwrap_or("?")
                    ),
                ));
                usable.push(s);
            }
        }
    }

    // Routes, NAT and internet gateways of the VPC.
    let tables = ec2
        .describe_route_tables()
        .filters(filter("vpc-id", [vpc_id]))
        .send()
        .await
        .map_err(|e| sdk_error("DescribeRouteTables", &e))?;
    let tables = tables.route_tables();
    let nat_ids: BTreeSet<String> = usable
        .iter()
        .filter_map(
            |s| match default_route(table_for(s.subnet_id().unwrap_or_default(), tables)) {
                Egress::Nat(id) => Some(id),
                _ => None,
            },
        )
        .collect();
    let nats = if nat_ids.is_empty() {
        Vec::new()
    } else {
        ec2.describe_nat_gateways()
            .filter(filter("nat-gateway-id", nat_ids.iter().cloned()))
            .send()
            .await
            .map_err(|e| sdk_error("DescribeNatGateways", &e))?
            .nat_gateways()
            .to_vec()
    };
    let igws = ec2
        .describe_internet_gateways()
        .filters(filter("attachment.vpc-id", [vpc_id]))
        .send()
        .await
        .map_err(|e| sdk_error("DescribeInternetGateways", &e))?;
    let attached_igws: BTreeSet<&str> = igws
        .internet_gateways()
        .iter()
        .filter_map(|g| g.internet_gateway_id())
        .collect();

    let mut private_count = 0;
    for s in &usable {
        let id = s.subnet_id().unwrap_or_default();
        let check = match default_route(table_for(id, tables)) {
            Egress::Nat(nat_id) => match nats
                .iter()
                .find(|n| n.nat_gateway_id() == Some(nat_id.as_str()))
            {
                None => result(
                    "subnet_egress",
                    Status::Failed,
                    id,
                    format!(
                        "private subnet {id} routes 0.0.0.0/0 to {nat_id}, which does not exist"
                    ),
                ),
                Some(n) if n.vpc_id() != Some(vpc_id) => result(
                    "subnet_egress",
                    Status::Failed,
                    id,
                    format!(
                        "private subnet {id} routes 0.0.0.0/0 to {nat_id}, which is in {}, not in {vpc_id}",
                        n.vpc_id().unwrap_or("another VPC")
                    ),
                ),
                Some(n) if n.state() != Some(&NatGatewayState::Available) => result(
                    "subnet_egress",
                    Status::Failed,
                    id,
                    format!(
                        "private subnet {id} routes 0.0.0.0/0 to {nat_id}, which is {}",
                        n.state().map_or("in an unknown state", |s| s.as_str())
                    ),
                ),
                Some(_) => {
                    private_count += 1;
                    result(
                        "subnet_egress",
                        Status::Passed,
                        id,
                        format!("private subnet {id} reaches the internet through {nat_id}"),
                    )
                }
            },
            Egress::InternetGateway(igw) if attached_igws.contains(igw.as_str()) => result(
                "subnet_egress",
                Status::Passed,
                id,
                format!("public subnet {id} routes 0.0.0.0/0 to {igw}"),
            ),
            Egress::InternetGateway(igw) => result(
                "subnet_egress",
                Status::Failed,
                id,
                format!("subnet {id} routes 0.0.0.0/0 to {igw}, which is not attached to {vpc_id}"),
            ),
            Egress::Other(target) => result(
                "subnet_egress",
                Status::Warning,
                id,
                format!(
                    "subnet {id} routes 0.0.0.0/0 to {target}; egress through it cannot be verified here"
                ),
            ),
            Egress::None => result(
                "subnet_egress",
                Status::Failed,
                id,
                format!(
                    "subnet {id} has no 0.0.0.0/0 route: no NAT gateway and no internet gateway"
                ),
            ),
        };
        results.push(check);
    }
    if req.requirements.private_subnets_required {
        results.push(if private_count > 0 {
            result("private_subnets_present", Status::Passed, vpc_id, format!("{private_count} private subnet(s) with NAT egress"))
        } else {
            result("private_subnets_present", Status::Failed, vpc_id, "private subnets are required, but none of the subnets routes 0.0.0.0/0 to an available NAT gateway")
        });
    }

    let zones: BTreeSet<&str> = usable
        .iter()
        .filter_map(|s| s.availability_zone())
        .collect();
    let zone_list = zones.iter().copied().collect::<Vec<_>>().join(", ");
    results.push(
        if zones.len() as u64 >= req.requirements.min_availability_zones {
            result(
                "availability_zones",
                Status::Passed,
                vpc_id,
                format!("the subnets span {} zone(s): {zone_list}", zones.len()),
            )
        } else {
            result(
                "availability_zones",
                Status::Failed,
                vpc_id,
                format!(
                    "the subnets span {} zone(s) ({zone_list}); at least {} are required",
                    zones.len(),
                    req.requirements.min_availability_zones
                ),
            )
        },
    );

    for s in &usable {
        let id = s.subnet_id().unwrap_or_default();
        let free = s.available_ip_address_count().unwrap_or(0);
        let min = req.requirements.min_free_ips_per_subnet;
        results.push(if free as u64 >= min {
            result(
                "subnet_free_addresses",
                Status::Passed,
                id,
                format!("{free} free addresses (at least {min} needed)"),
            )
        } else {
            result(
                "subnet_free_addresses",
                Status::Failed,
                id,
                format!("only {free} free addresses; at least {min} needed"),
            )
        });
    }

    let service = format!("com.amazonaws.{region}.s3");
    let endpoints = ec2
        .describe_vpc_endpoints()
        .filters(filter("vpc-id", [vpc_id]))
        .filters(filter("service-name", [service.clone()]))
        .send()
        .await
        .map_err(|e| sdk_error("DescribeVpcEndpoints", &e))?;
    let gateway = endpoints.vpc_endpoints().iter().find(|e| {
        e.vpc_endpoint_type()
            .is_none_or(|t| t.as_str().eq_ignore_ascii_case("gateway"))
    });
    results.push(match gateway {
        Some(e) => result(
            "s3_gateway_endpoint",
            Status::Passed,
            e.vpc_endpoint_id().unwrap_or(vpc_id),
            format!("S3 gateway endpoint for {service}"),
        ),
        None => result(
            "s3_gateway_endpoint",
            Status::Warning,
            vpc_id,
            format!(
                "no S3 gateway endpoint ({service}): S3 traffic goes through NAT, at NAT's price"
            ),
        ),
    });

    let groups = ec2
        .describe_security_groups()
        .filters(filter("vpc-id", [vpc_id]))
        .filters(filter("group-name", ["default"]))
        .send()
        .await
        .map_err(|e| sdk_error("DescribeSecurityGroups", &e))?;
    if let Some(g) = groups.security_groups().first() {
        let gid = g.group_id().unwrap_or(vpc_id);
        let open = g.ip_permissions_egress().iter().any(|p| {
            p.ip_protocol() == Some("-1")
                && p.ip_ranges()
                    .iter()
                    .any(|r| r.cidr_ip() == Some("0.0.0.0/0"))
        });
        results.push(if open {
            result("security_group_egress", Status::Passed, gid, "the VPC's default security group allows all egress")
        } else {
            result("security_group_egress", Status::Warning, gid, "the VPC's default security group restricts egress; the cluster's nodes need HTTPS (443) out to the platform and registries")
        });
    }
    Ok(finish(results))
}

pub async fn handle(
    ec2: &aws_sdk_ec2::Client,
    event: Value,
    invocation: Invocation,
) -> Result<NetworkResult, FunctionError> {
    let request = parse_request(&event)?;
    let region = ec2
        .config()
        .region()
        .map(|r| r.to_string())
        .unwrap_or_else(|| invocation.region().to_string());
    verify(ec2, &region, &request).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn good() -> Value {
        json!({"vpc_id":"vpc-0123456789abcdef0","subnet_ids":["subnet-01234567","subnet-0123456789abcdef0"],"requirements":{"min_availability_zones":2}})
    }

    #[test]
    fn parses_with_defaults() {
        let r = parse_request(&good()).unwrap();
        assert_eq!(r.requirements.min_availability_zones, 2);
        assert!(r.requirements.private_subnets_required);
    }

    #[test]
    fn each_field_is_named_when_wrong() {
        let cases: [(&str, fn(&mut Value)); 7] = [
            ("vpc_id", |v| v["vpc_id"] = json!("vpc-xyz")),
            ("subnet_ids", |v| v["subnet_ids"] = json!([])),
            ("subnet_ids", |v| v["subnet_ids"] = json!("subnet-01234567")),
            ("subnet_ids[1]", |v| {
                v["subnet_ids"][1] = json!("subnet-01234567")
            }),
            ("subnet_ids[0]", |v| {
                v["subnet_ids"][0] = json!("sg-01234567")
            }),
            ("requirements.min_availability_zones", |v| {
                v["requirements"]["min_availability_zones"] = json!(9)
            }),
            ("requirements.private_subnets_required", |v| {
                v["requirements"]["private_subnets_required"] = json!("yes")
            }),
        ];
        for (field, mutate) in cases {
            let mut ev = good();
            mutate(&mut ev);
            assert_eq!(parse_request(&ev).unwrap_err().field, field, "{ev}");
        }
    }
}
