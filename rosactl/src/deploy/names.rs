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

pub fn role_name(spec: &FunctionSpec) -> String {
    format!("{}-execution", spec.function_name)
}

pub fn log_group(spec: &FunctionSpec) -> String {
    format!("/aws/lambda/{}", spec.function_name)
}

/// One bucket per account and region.
pub fn bucket_name(account: &str, region: &str) -> String {
    format!("rosa-lambda-artifacts-{account}-{region}")
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

/// What each function's code calls (the design's lists), plus writing to its own log group.
pub fn execution_policy(
    spec: &FunctionSpec,
    partition: &str,
    region: &str,
    account: &str,
) -> Value {
    let actions: &[&str] = match spec.component {
        "oidc-provisioner" => &[
            "iam:CreateOpenIDConnectProvider",
            "iam:GetOpenIDConnectProvider",
            "iam:UpdateOpenIDConnectProviderThumbprint",
            "iam:TagOpenIDConnectProvider",
        ],
        "preflight-checker" => &[
            "ec2:Describe*",
            "iam:Get*",
            "iam:List*",
            "servicequotas:GetServiceQuota",
            "servicequotas:ListServiceQuotas",
        ],
        _ => &[
            "ec2:DescribeVpcs",
            "ec2:DescribeVpcAttribute",
            "ec2:DescribeSubnets",
            "ec2:DescribeRouteTables",
            "ec2:DescribeSecurityGroups",
            "ec2:DescribeNatGateways",
            "ec2:DescribeInternetGateways",
            "ec2:DescribeVpcEndpoints",
        ],
    };
    let resource = if spec.component == "oidc-provisioner" {
        format!("arn:{partition}:iam::{account}:oidc-provider/*")
    } else {
        "*".to_string()
    };
    json!({
        "Version": "2012-10-17",
        "Statement": [
            {"Sid": "Operation", "Effect": "Allow", "Action": actions, "Resource": resource},
            {
                "Sid": "OwnLogGroup",
                "Effect": "Allow",
                "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
                "Resource": format!("arn:{partition}:logs:{region}:{account}:log-group:{}:*", log_group(spec)),
            },
        ],
    })
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
            assert!(role_name(&spec).len() <= 64);
        }
        assert!(bucket_name("123456789012", "ap-southeast-2").len() <= 63);
        let p = execution_policy(
            &rosa_lambda_packaging::FUNCTIONS[0],
            "aws",
            "us-east-1",
            "123456789012",
        );
        assert_eq!(
            p["Statement"][1]["Resource"],
            "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/rosa-oidc-provisioner:*"
        );
    }
}
