//! `rosa-network-verifier`: checks a VPC and its subnets (DNS, routes to NAT / internet
//! gateways, zones, free addresses, endpoints, security groups) against what a ROSA cluster
//! needs.
//!
//! Input: `vpc_id`, `subnet_ids`, optional `requirements` (`private_subnets_required`,
//! `min_availability_zones`, `min_free_ips_per_subnet`). Output:
//! `network_validation_results[]` of `{check_name, status, message, resource_id}`.
//!
//! Scope of this version: the event is parsed and validated and a typed answer of status
//! `validated` is returned; the EC2 reads are not made yet. They arrive with the issue "The
//! three Lambda functions do their real work".

use rosa_lambda_common::input::check_resource_id;
use rosa_lambda_common::{Fields, FunctionError, InputError};
use serde::Serialize;
use serde_json::Value;

pub const OPERATION: &str = "network-verify";

/// More subnets than this in one request is a mistake, not a topology.
pub const MAX_SUBNETS: usize = 32;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Requirements {
    /// Default true: hosted control plane workers run in private subnets.
    pub private_subnets_required: bool,
    /// Default 1.
    pub min_availability_zones: u64,
    /// Default 16.
    pub min_free_ips_per_subnet: u64,
}

impl Default for Requirements {
    fn default() -> Self {
        Requirements {
            private_subnets_required: true,
            min_availability_zones: 1,
            min_free_ips_per_subnet: 16,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NetworkRequest {
    pub vpc_id: String,
    pub subnet_ids: Vec<String>,
    pub requirements: Requirements,
}

impl NetworkRequest {
    pub const FIELDS: &'static [&'static str] = &["vpc_id", "subnet_ids", "requirements"];
    pub const REQUIREMENT_FIELDS: &'static [&'static str] = &[
        "private_subnets_required",
        "min_availability_zones",
        "min_free_ips_per_subnet",
    ];

    pub fn parse(event: &Value) -> Result<Self, InputError> {
        let f = Fields::event(event, Self::FIELDS)?;
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
        if let Some(r) = f.opt_object("requirements", Self::REQUIREMENT_FIELDS)? {
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
}

/// The answer of this validation-only version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Validated {
    /// Always `validated`: the input is well formed; no EC2 read was made.
    pub status: &'static str,
    pub request: NetworkRequest,
}

pub async fn handle(event: Value) -> Result<Validated, FunctionError> {
    let request = NetworkRequest::parse(&event)?;
    Ok(Validated {
        status: "validated",
        request,
    })
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
        let r = NetworkRequest::parse(&good()).unwrap();
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
            assert_eq!(NetworkRequest::parse(&ev).unwrap_err().field, field, "{ev}");
        }
    }
}
