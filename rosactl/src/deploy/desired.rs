//! What the account should hold: derived from the embedded (verified) packages and flags.

use std::collections::BTreeMap;

use base64::Engine;
use rosa_lambda_packaging::{FunctionSpec, RUNTIME};
use serde_json::Value;

use super::names::{self, MANAGED_BY, TAG_COMPONENT, TAG_MANAGED_BY, TAG_VERSION};
use crate::payloads::Package;

#[derive(Debug, Clone)]
pub struct FunctionDesired {
    pub spec: &'static FunctionSpec,
    pub package: Package,
    pub role_name: String,
    pub role_arn: String,
    pub trust_policy: Value,
    pub execution_policy: Value,
    pub log_group: String,
    pub object_key: String,
    /// Lambda's `CodeSha256`: the base64 of the zip's SHA-256.
    pub code_sha256: String,
    /// Written on each published version: ties it to the manifest.
    pub version_description: String,
    pub tags: BTreeMap<String, String>,
}

#[derive(Debug, Clone)]
pub struct Desired {
    pub account: String,
    pub region: String,
    pub partition: String,
    /// The only principal allowed to invoke the functions.
    pub invoker_arn: String,
    pub retention_days: i32,
    pub bucket: String,
    pub bucket_policy: Value,
    pub bucket_tags: BTreeMap<String, String>,
    pub functions: Vec<FunctionDesired>,
}

impl Desired {
    pub fn new(
        packages: Vec<Package>,
        account: &str,
        region: &str,
        partition: &str,
        invoker_arn: &str,
        retention_days: i32,
    ) -> Self {
        let bucket = names::bucket_name(account, region);
        let functions = packages
            .into_iter()
            .map(|package| {
                let spec = package.spec;
                let role_name = names::role_name(spec);
                let digest = hex::decode(&package.manifest.sha256).unwrap_or_default();
                FunctionDesired {
                    spec,
                    role_arn: format!("arn:{partition}:iam::{account}:role/{role_name}"),
                    role_name,
                    trust_policy: names::trust_policy(),
                    execution_policy: names::execution_policy(spec, partition, region, account),
                    log_group: names::log_group(spec),
                    object_key: names::object_key(spec, &package.manifest.sha256),
                    code_sha256: base64::engine::general_purpose::STANDARD.encode(digest),
                    version_description: format!(
                        "rosactl {} {} sha256:{}",
                        spec.component, package.manifest.version, package.manifest.sha256
                    ),
                    tags: BTreeMap::from([
                        (TAG_COMPONENT.to_string(), spec.component.to_string()),
                        (TAG_VERSION.to_string(), package.manifest.version.clone()),
                        (TAG_MANAGED_BY.to_string(), MANAGED_BY.to_string()),
                    ]),
                    package,
                }
            })
            .collect();
        Desired {
            account: account.to_string(),
            region: region.to_string(),
            partition: partition.to_string(),
            invoker_arn: invoker_arn.to_string(),
            retention_days,
            bucket_policy: names::bucket_policy(partition, &bucket),
            bucket_tags: BTreeMap::from([(TAG_MANAGED_BY.to_string(), MANAGED_BY.to_string())]),
            bucket,
            functions,
        }
    }

    pub fn runtime(&self) -> &'static str {
        RUNTIME
    }
}
