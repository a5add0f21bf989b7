//! `rosa-preflight-checker`: checks an account's prerequisites (region, instance type
//! offerings, quotas, service-linked roles) before a ROSA cluster is created.
//!
//! Input: `region`, `cluster_config` (`instance_type`, `replicas`, optional
//! `availability_zones`). Output: `validation_results[]` of
//! `{check_name, status, message, details}`.
//!
//! Scope of this version: the event is parsed and validated and a typed answer of status
//! `validated` is returned; the EC2 / Service Quotas / IAM reads are not made yet. They arrive
//! with the issue "The three Lambda functions do their real work".

use rosa_lambda_common::input::{check_instance_type, check_region, check_zone};
use rosa_lambda_common::{Fields, FunctionError, InputError};
use serde::Serialize;
use serde_json::Value;

pub const OPERATION: &str = "preflight-check";

/// The largest node count a request may ask for.
pub const MAX_REPLICAS: u64 = 500;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClusterConfig {
    pub instance_type: String,
    pub replicas: u64,
    /// Empty: any zone of the region.
    pub availability_zones: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PreflightRequest {
    pub region: String,
    pub cluster_config: ClusterConfig,
}

impl PreflightRequest {
    pub const FIELDS: &'static [&'static str] = &["region", "cluster_config"];
    pub const CONFIG_FIELDS: &'static [&'static str] =
        &["instance_type", "replicas", "availability_zones"];

    pub fn parse(event: &Value) -> Result<Self, InputError> {
        let f = Fields::event(event, Self::FIELDS)?;
        let region = f.str("region", "an AWS region name such as us-east-1")?;
        check_region("region", region)?;

        let cfg = f.object("cluster_config", Self::CONFIG_FIELDS)?;
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
}

/// The answer of this validation-only version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Validated {
    /// Always `validated`: the input is well formed; no check against the account was run.
    pub status: &'static str,
    pub request: PreflightRequest,
}

pub async fn handle(event: Value) -> Result<Validated, FunctionError> {
    let request = PreflightRequest::parse(&event)?;
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
        json!({"region":"us-east-1","cluster_config":{"instance_type":"m5.xlarge","replicas":3,"availability_zones":["us-east-1a","us-east-1b"]}})
    }

    #[test]
    fn parses_a_good_request() {
        let r = PreflightRequest::parse(&good()).unwrap();
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
            assert_eq!(
                PreflightRequest::parse(&ev).unwrap_err().field,
                field,
                "{ev}"
            );
        }
    }
}
