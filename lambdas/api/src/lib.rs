//! What goes in and out of the three functions, typed once. The functions produce these
//! (after their own field-by-field parsing of the event, which names each bad field); the CLI
//! builds requests and reads answers with them (setup's validation, `create cluster
//! --preflight`, promote's checks), so neither side matches on JSON keys by hand.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The outcome of one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Passed,
    Failed,
    Warning,
    /// The check could not run (throttled, denied, a 5xx): not a pass, so it blocks like a failure.
    Error,
}

impl Status {
    /// Whether a result with this status lets the cluster proceed.
    pub fn allows_proceeding(self) -> bool {
        matches!(self, Status::Passed | Status::Warning)
    }
}

/// The side-effect-free check payload: an empty event, which every function answers with its
/// own input error naming the first required field (proof that it is our code, and runs).
pub const CHECK_PAYLOAD: &str = "{}";

/// The `errorType` every function uses for a bad event.
pub const INVALID_INPUT: &str = "InvalidInput";

/// The phrase an input error uses for a missing required field.
pub const MISSING_FIELD: &str = "required field is missing";

/// How the Lambda runtime reports a function error.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    #[serde(rename = "errorType")]
    pub error_type: String,
    #[serde(rename = "errorMessage")]
    pub error_message: String,
}

impl ErrorBody {
    /// Whether this is the answer our functions give to [`CHECK_PAYLOAD`].
    pub fn is_check_answer(&self) -> bool {
        self.error_type == INVALID_INPUT && self.error_message.contains(MISSING_FIELD)
    }
}

pub mod oidc {
    use super::*;

    /// What the platform sends to `rosa-oidc-provisioner`.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    pub struct Request {
        pub issuer_url: String,
        /// Up to five SHA-1 thumbprints (lowercase hex); the event may also carry one string.
        /// None: IAM verifies the issuer with its own trusted CAs.
        #[serde(rename = "thumbprint", default, skip_serializing_if = "Vec::is_empty")]
        pub thumbprints: Vec<String>,
        pub cluster_id: String,
    }

    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    pub struct Response {
        pub oidc_provider_arn: String,
        /// `created`, `updated` or `already_exists`.
        pub status: String,
    }
}

pub mod preflight {
    use super::*;

    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    pub struct ClusterConfig {
        pub instance_type: String,
        pub replicas: u64,
        /// Empty: any zone of the region.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub availability_zones: Vec<String>,
    }

    /// What the platform sends to `rosa-preflight-checker`.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    pub struct Request {
        pub region: String,
        pub cluster_config: ClusterConfig,
    }

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct CheckResult {
        pub check_name: String,
        pub status: Status,
        pub message: String,
        #[serde(default)]
        pub details: Value,
    }

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct Response {
        pub region: String,
        /// False when any check failed (or could not run): the cluster should not be created.
        pub proceed: bool,
        pub validation_results: Vec<CheckResult>,
    }
}

pub mod network {
    use super::*;

    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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

    /// What the platform sends to `rosa-network-verifier`.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    pub struct Request {
        pub vpc_id: String,
        pub subnet_ids: Vec<String>,
        #[serde(default)]
        pub requirements: Requirements,
    }

    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    pub struct CheckResult {
        pub check_name: String,
        pub status: Status,
        pub message: String,
        pub resource_id: String,
    }

    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    pub struct Response {
        pub vpc_id: String,
        /// False when any check failed.
        pub proceed: bool,
        pub network_validation_results: Vec<CheckResult>,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_have_the_documented_shape() {
        let r = preflight::Request {
            region: "us-east-1".into(),
            cluster_config: preflight::ClusterConfig {
                instance_type: "m5.xlarge".into(),
                replicas: 2,
                availability_zones: vec![],
            },
        };
        assert_eq!(
            serde_json::to_value(&r).unwrap(),
            serde_json::json!({"region": "us-east-1", "cluster_config": {"instance_type": "m5.xlarge", "replicas": 2}})
        );
        let o = oidc::Request {
            issuer_url: "https://oidc.example.com/c1".into(),
            thumbprints: vec!["a".repeat(40)],
            cluster_id: "c1".into(),
        };
        assert!(serde_json::to_value(&o).unwrap()["thumbprint"].is_array());
        let answer: ErrorBody = serde_json::from_str(
            r#"{"errorType":"InvalidInput","errorMessage":"issuer_url: required field is missing; expected an https:// URL"}"#,
        )
        .unwrap();
        assert!(answer.is_check_answer());
    }
}
