//! Names, tags and policy documents of everything rosactl creates: the desired state's
//! vocabulary, shared by setup, update and cleanup.

use rosa_lambda_packaging::FunctionSpec;
use serde_json::{Value, json};

/// The resource-policy statement that lets the platform invoke a function's `prod` alias.
pub const STATEMENT_ID: &str = "AllowRosaRegionalPlatformInvoke";
pub const PROD: &str = "prod";
pub const STAGING: &str = "staging";
pub const TAG_COMPONENT: &str = "rosa:component";
pub const TAG_VERSION: &str = "rosa:version";
pub const TAG_MANAGED_BY: &str = "rosa:managed-by";
pub const MANAGED_BY: &str = "rosactl";
/// The least log retention compliance allows.
pub const MIN_RETENTION_DAYS: i32 = 90;
/// The retention values CloudWatch Logs accepts (from 90 days up); "never expire" too.
pub const RETENTION_CHOICES: [i32; 15] = [
    90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

/// How long logs are kept: a number of days, or never expiring.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Retention {
    Days(i32),
    Never,
}

impl Retention {
    /// Whether `observed` (None: never expires) keeps logs at least as long as `self`:
    /// a longer retention set by the customer is compliant and is never shortened.
    pub fn satisfied_by(self, observed: Option<i32>) -> bool {
        match (self, observed) {
            (_, None) => true,
            (Retention::Never, Some(_)) => false,
            (Retention::Days(want), Some(have)) => have >= want,
        }
    }
}

impl std::fmt::Display for Retention {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Retention::Days(d) => write!(f, "{d} days"),
            Retention::Never => f.write_str("never expire"),
        }
    }
}

/// Parses `--log-retention-days`: `never`, or a value CloudWatch Logs accepts, at least 90.
pub fn parse_retention(value: &str) -> Result<Retention, String> {
    if value.eq_ignore_ascii_case("never") {
        return Ok(Retention::Never);
    }
    let choices: Vec<String> = RETENTION_CHOICES.iter().map(ToString::to_string).collect();
    match value.parse::<i32>() {
        Ok(days) if RETENTION_CHOICES.contains(&days) => Ok(Retention::Days(days)),
        _ => Err(format!(
            "expected `never` or at least {MIN_RETENTION_DAYS} days, one of the values CloudWatch Logs accepts ({}), got {value:?}",
            choices.join(", ")
        )),
    }
}

/// Checks `--log-kms-key-arn`: a KMS key ARN (`arn:PARTITION:kms:REGION:ACCOUNT:key/ID`).
pub fn check_kms_key_arn(arn: &str) -> Result<(), String> {
    let parts: Vec<&str> = arn.splitn(6, ':').collect();
    let ok = parts.len() == 6
        && parts[0] == "arn"
        && parts[1].starts_with("aws")
        && parts[2] == "kms"
        && !parts[3].is_empty()
        && parts[4].len() == 12
        && parts[4].bytes().all(|b| b.is_ascii_digit())
        && parts[5].strip_prefix("key/").is_some_and(|id| {
            !id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        });
    if ok {
        Ok(())
    } else {
        Err(format!(
            "expected a KMS key ARN such as arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab, got {arn:?}"
        ))
    }
}

/// A function's execution role, from the function's AWS name (prefix included).
pub fn role_name(function_name: &str) -> String {
    format!("{function_name}-execution")
}

pub fn log_group(function_name: &str) -> String {
    format!("/aws/lambda/{function_name}")
}

/// One bucket per account, region and resource prefix.
pub fn bucket_name(prefix: &str, account: &str, region: &str) -> String {
    format!("{prefix}rosa-lambda-artifacts-{account}-{region}")
}

/// Packages are stored by content: a new build never overwrites an old one.
pub fn object_key(spec: &FunctionSpec, sha256: &str) -> String {
    format!("{}/{sha256}.zip", spec.function_name)
}

pub fn trust_policy() -> Value {
    json!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Principal": {"Service": "lambda.amazonaws.com"},
            "Action": "sts:AssumeRole",
        }],
    })
}

/// The tags the OIDC provisioner puts on what it creates, and the only ones it may set.
pub const OIDC_MANAGED_BY: &str = "rosa-oidc-provisioner";

/// The statements of each function's role: exactly the calls its code makes, scoped to
/// resources where IAM allows it (EC2 `Describe*` calls do not support resource scoping).
/// Each statement: (sid, actions, resources, condition).
pub fn operation_statements(
    spec: &FunctionSpec,
    partition: &str,
    account: &str,
) -> Vec<(&'static str, Vec<&'static str>, Vec<String>, Option<Value>)> {
    let providers = format!("arn:{partition}:iam::{account}:oidc-provider/*");
    match spec.component {
        "oidc-provisioner" => vec![
            (
                "CreateTaggedProviders",
                vec![
                    "iam:CreateOpenIDConnectProvider",
                    "iam:TagOpenIDConnectProvider",
                ],
                vec![providers.clone()],
                // Only with our tags, and no other tag keys: a provider it creates is marked.
                Some(json!({
                    "StringEquals": {format!("aws:RequestTag/{TAG_MANAGED_BY}"): OIDC_MANAGED_BY},
                    "Null": {"aws:RequestTag/rosa:cluster-id": "false"},
                    "ForAllValues:StringEquals": {"aws:TagKeys": [TAG_MANAGED_BY, "rosa:cluster-id"]},
                })),
            ),
            (
                "ReadProviders",
                vec!["iam:GetOpenIDConnectProvider"],
                vec![providers.clone()],
                None,
            ),
            (
                "UpdateOwnProviders",
                vec![
                    "iam:UpdateOpenIDConnectProviderThumbprint",
                    "iam:AddClientIDToOpenIDConnectProvider",
                ],
                vec![providers],
                // Only providers it created: a bug in the function cannot change a customer's.
                Some(json!({
                    "StringEquals": {format!("aws:ResourceTag/{TAG_MANAGED_BY}"): OIDC_MANAGED_BY},
                })),
            ),
        ],
        "preflight-checker" => vec![
            (
                "DescribeAccount",
                vec![
                    "ec2:DescribeRegions",
                    "ec2:DescribeInstanceTypeOfferings",
                    "ec2:DescribeInstanceTypes",
                    "ec2:DescribeInstances",
                    "ec2:DescribeAddresses",
                    "ec2:DescribeVpcs",
                ],
                vec!["*".to_string()],
                None,
            ),
            (
                "ReadQuotas",
                vec!["servicequotas:GetServiceQuota"],
                vec![
                    format!("arn:{partition}:servicequotas:*:{account}:ec2/*"),
                    format!("arn:{partition}:servicequotas:*:{account}:vpc/*"),
                ],
                None,
            ),
            (
                "ReadElbServiceLinkedRole",
                vec!["iam:GetRole"],
                vec![format!(
                    "arn:{partition}:iam::{account}:role/aws-service-role/elasticloadbalancing.amazonaws.com/AWSServiceRoleForElasticLoadBalancing"
                )],
                None,
            ),
        ],
        _ => vec![(
            "DescribeNetwork",
            vec![
                "ec2:DescribeVpcs",
                "ec2:DescribeVpcAttribute",
                "ec2:DescribeSubnets",
                "ec2:DescribeRouteTables",
                "ec2:DescribeSecurityGroups",
                "ec2:DescribeNatGateways",
                "ec2:DescribeInternetGateways",
                "ec2:DescribeVpcEndpoints",
            ],
            vec!["*".to_string()],
            None,
        )],
    }
}

/// Each function's execution policy: its operation statements, plus writing to its own log
/// group, and X-Ray when any region the role serves traces. Nothing in it is regional: the
/// role is account-wide (see `role_regions`).
pub fn execution_policy(
    spec: &FunctionSpec,
    log_group: &str,
    partition: &str,
    account: &str,
    tracing: bool,
) -> Value {
    let mut statements: Vec<Value> = operation_statements(spec, partition, account)
        .into_iter()
        .map(|(sid, actions, resources, condition)| {
            let mut s =
                json!({"Sid": sid, "Effect": "Allow", "Action": actions, "Resource": resources});
            if let Some(c) = condition {
                s["Condition"] = c;
            }
            s
        })
        .collect();
    statements.push(json!({
        "Sid": "OwnLogGroup",
        "Effect": "Allow",
        "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
        // Any region: the role is global and serves the function in every region the account
        // runs it in (see `role_regions`); the log group's name is still the function's own.
        "Resource": format!("arn:{partition}:logs:*:{account}:log-group:{log_group}:*"),
    }));
    // Only with tracing on (`setup-account --tracing active`): X-Ray takes no resource ARN.
    if tracing {
        statements.push(json!({
            "Sid": "XRayTraces",
            "Effect": "Allow",
            "Action": ["xray:PutTraceSegments", "xray:PutTelemetryRecords"],
            "Resource": "*",
        }));
    }
    json!({"Version": "2012-10-17", "Statement": statements})
}

/// The artifact bucket refuses any request that is not over TLS.
pub fn bucket_policy(partition: &str, bucket: &str) -> Value {
    json!({
        "Version": "2012-10-17",
        "Statement": [{
            "Sid": "DenyInsecureTransport",
            "Effect": "Deny",
            "Principal": "*",
            "Action": "s3:*",
            "Resource": [format!("arn:{partition}:s3:::{bucket}"), format!("arn:{partition}:s3:::{bucket}/*")],
            "Condition": {"Bool": {"aws:SecureTransport": "false"}},
        }],
    })
}

/// Reads a policy document as IAM returns it (URL-encoded) or as written (plain JSON).
/// On a log group from its creation until its retention is set (see `Action::SetRetention`).
pub const RETENTION_PENDING_TAG: &str = "rosa:retention-pending";

pub fn parse_policy(doc: &str) -> Option<Value> {
    serde_json::from_str(doc)
        .ok()
        .or_else(|| serde_json::from_str(&percent_decode(doc)).ok())
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        // Bytes, not `&s[..]`: a `%` before a multi-byte character must not split it.
        if b[i] == b'%' && i + 2 < b.len() {
            let hex = |b: u8| (b as char).to_digit(16);
            if let (Some(hi), Some(lo)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push((hi * 16 + lo) as u8);
                i += 3;
                continue;
            }
        }
        out.push(if b[i] == b'+' { b' ' } else { b[i] });
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Policies compare equal when they say the same thing: a lone string and a list of one,
/// and the order of list items, do not matter.
pub fn same_policy(a: &Value, b: &Value) -> bool {
    normalize(a) == normalize(b)
}

fn normalize(v: &Value) -> Value {
    match v {
        Value::Array(items) => {
            let mut items: Vec<Value> = items.iter().map(normalize).collect();
            items.sort_by_key(|i| i.to_string());
            if items.len() == 1 {
                items.pop().unwrap_or(Value::Null)
            } else {
                Value::Array(items)
            }
        }
        Value::Object(map) => {
            Value::Object(map.iter().map(|(k, v)| (k.clone(), normalize(v))).collect())
        }
        other => other.clone(),
    }
}

/// Lambda's base64 `CodeSha256` as the hex SHA-256 the manifest uses.
pub fn hex_sha256(code_sha256: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD
        .decode(code_sha256)
        .map(hex::encode)
        .unwrap_or_else(|_| code_sha256.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policies_compare_by_meaning() {
        let a = json!({"Statement": [{"Action": ["b", "a"], "Resource": "*"}]});
        let b = json!({"Statement": {"Action": ["a", "b"], "Resource": ["*"]}});
        assert!(same_policy(&a, &b));
        assert!(!same_policy(
            &a,
            &json!({"Statement": [{"Action": ["a"], "Resource": "*"}]})
        ));
        let encoded = "%7B%22Version%22%3A%222012-10-17%22%7D";
        assert_eq!(
            parse_policy(encoded),
            Some(json!({"Version": "2012-10-17"}))
        );
        // A `%` and one hex digit before a multi-byte character: kept as is, no panic.
        assert_eq!(percent_decode("%4é%41"), "%4éA");
        assert_eq!(percent_decode("%é"), "%é");
    }

    #[test]
    fn names_fit_aws_limits() {
        for spec in rosa_lambda_packaging::FUNCTIONS {
            assert!(role_name(spec.function_name).len() <= 64);
        }
        assert!(bucket_name("", "123456789012", "ap-southeast-2").len() <= 63);
        let p = execution_policy(
            &rosa_lambda_packaging::FUNCTIONS[0],
            "/aws/lambda/rosa-oidc-provisioner",
            "aws",
            "123456789012",
            false,
        );
        let last = p["Statement"].as_array().unwrap().last().unwrap().clone();
        assert_eq!(
            last["Resource"],
            "arn:aws:logs:*:123456789012:log-group:/aws/lambda/rosa-oidc-provisioner:*"
        );
        let xray = |p: &Value| {
            p["Statement"]
                .as_array()
                .unwrap()
                .iter()
                .any(|s| s["Action"].to_string().contains("xray:"))
        };
        assert!(!xray(&p), "no X-Ray permission without tracing");
        let traced = execution_policy(
            &rosa_lambda_packaging::FUNCTIONS[0],
            "/aws/lambda/rosa-oidc-provisioner",
            "aws",
            "123456789012",
            true,
        );
        assert!(xray(&traced));
    }

    #[test]
    fn the_oidc_role_can_only_create_tagged_and_update_its_own_providers() {
        let p = execution_policy(
            &rosa_lambda_packaging::FUNCTIONS[0],
            "/aws/lambda/rosa-oidc-provisioner",
            "aws",
            "123456789012",
            false,
        );
        let statements = p["Statement"].as_array().unwrap();
        let by_action = |action: &str| {
            statements
                .iter()
                .find(|s| s["Action"].as_array().unwrap().iter().any(|a| a == action))
                .unwrap()
                .clone()
        };
        let create = by_action("iam:CreateOpenIDConnectProvider");
        assert_eq!(
            create["Condition"]["StringEquals"]["aws:RequestTag/rosa:managed-by"],
            "rosa-oidc-provisioner"
        );
        assert_eq!(
            create["Condition"]["ForAllValues:StringEquals"]["aws:TagKeys"],
            json!(["rosa:managed-by", "rosa:cluster-id"])
        );
        assert_eq!(by_action("iam:TagOpenIDConnectProvider"), create);
        let update = by_action("iam:UpdateOpenIDConnectProviderThumbprint");
        assert_eq!(
            update["Condition"]["StringEquals"]["aws:ResourceTag/rosa:managed-by"],
            "rosa-oidc-provisioner"
        );
        assert!(
            by_action("iam:GetOpenIDConnectProvider")
                .get("Condition")
                .is_none()
        );
        for s in statements {
            for r in s["Resource"]
                .as_array()
                .map_or(vec![s["Resource"].clone()], |r| r.clone())
            {
                assert!(
                    r.as_str().unwrap().contains("123456789012"),
                    "{r}: this account only"
                );
            }
        }
    }

    /// docs/security.md's table lists exactly what the policies allow.
    #[test]
    fn the_security_doc_lists_exactly_the_policies() {
        let doc = include_str!("../../../docs/security.md");
        let mut documented = std::collections::BTreeSet::new();
        for line in doc.lines().filter(|l| l.starts_with("| rosa-")) {
            let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
            let ticks = |cell: &str| -> Vec<String> {
                cell.split('`')
                    .skip(1)
                    .step_by(2)
                    .map(|s| s.replace("<account>", "123456789012"))
                    .collect()
            };
            for action in ticks(cells[1]) {
                for resource in ticks(cells[2]) {
                    documented.insert((cells[0].to_string(), action.clone(), resource));
                }
            }
        }
        let mut allowed = std::collections::BTreeSet::new();
        for spec in rosa_lambda_packaging::FUNCTIONS.iter() {
            for (_, actions, resources, _) in operation_statements(spec, "aws", "123456789012") {
                for action in actions {
                    for resource in &resources {
                        allowed.insert((
                            spec.function_name.to_string(),
                            action.to_string(),
                            resource.clone(),
                        ));
                    }
                }
            }
        }
        assert_eq!(documented, allowed);
    }
}
