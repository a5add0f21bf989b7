//! An enterprise account's rules for what rosactl creates: a name prefix, an IAM role path, a
//! permissions boundary on every role and the organisation's tags on every resource, all set
//! at creation time (SCPs commonly deny an untagged create or a role without the boundary).
//!
//! `setup-account` records its choice on the resources it makes (tags `rosa:resource-prefix`,
//! `rosa:role-path`, `rosa:permissions-boundary`, and the organisation's tags themselves, on
//! each function), so later commands find the deployment again with [`discover`] without the
//! flags being repeated.

use std::collections::BTreeMap;

use aws_sdk_lambda::error::ProvideErrorMetadata;
use rosa_lambda_packaging::FUNCTIONS;

use super::names::{MANAGED_BY, TAG_MANAGED_BY};
use crate::aws::{Aws, describe};
use crate::exit::{Exit, Failure};

pub const TAG_PREFIX: &str = "rosa:resource-prefix";
pub const TAG_ROLE_PATH: &str = "rosa:role-path";
pub const TAG_BOUNDARY: &str = "rosa:permissions-boundary";
/// Lambda, IAM and CloudWatch Logs take 50 tags per resource; rosactl uses up to 6.
pub const MAX_USER_TAGS: usize = 40;

/// Where rosactl's resources live and what they carry besides rosactl's own tags.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct AccountRules {
    /// Put in front of every name (functions, roles, log groups, the bucket); empty: none.
    pub prefix: String,
    /// The IAM path of every role (`/` by default).
    pub role_path: String,
    /// The managed policy ARN set as every role's permissions boundary.
    pub permissions_boundary: Option<String>,
    /// The organisation's tags, on every resource.
    pub tags: BTreeMap<String, String>,
    /// How the functions are operated (tracing, reserved concurrency): recorded on the
    /// functions only, and reported on its own.
    #[serde(skip)]
    pub operating: super::operating::Operating,
}

impl AccountRules {
    pub fn standard() -> Self {
        AccountRules {
            role_path: "/".into(),
            ..AccountRules::default()
        }
    }

    /// One line for people; None for the standard rules.
    pub fn describe(&self) -> Option<String> {
        let standard = AccountRules {
            operating: self.operating.clone(),
            ..AccountRules::standard()
        };
        if *self == standard {
            return None;
        }
        let mut parts = Vec::new();
        if !self.prefix.is_empty() {
            parts.push(format!("prefix {}", self.prefix));
        }
        parts.push(format!("role path {}", self.role_path));
        if let Some(b) = &self.permissions_boundary {
            parts.push(format!("permissions boundary {b}"));
        }
        if !self.tags.is_empty() {
            let tags: Vec<String> = self.tags.iter().map(|(k, v)| format!("{k}={v}")).collect();
            parts.push(format!("tags {}", tags.join(",")));
        }
        Some(parts.join("; "))
    }

    /// The tags that record these rules, plus the organisation's tags.
    pub fn resource_tags(&self) -> BTreeMap<String, String> {
        let mut tags = self.tags.clone();
        if !self.prefix.is_empty() {
            tags.insert(TAG_PREFIX.into(), self.prefix.clone());
        }
        if self.role_path != "/" {
            tags.insert(TAG_ROLE_PATH.into(), self.role_path.clone());
        }
        if let Some(b) = &self.permissions_boundary {
            tags.insert(TAG_BOUNDARY.into(), b.clone());
        }
        tags
    }

    /// The rules a deployment recorded in its function tags (`prefix` is where it was found).
    pub fn from_tags(prefix: &str, tags: &BTreeMap<String, String>) -> Self {
        AccountRules {
            prefix: prefix.to_string(),
            role_path: tags
                .get(TAG_ROLE_PATH)
                .cloned()
                .unwrap_or_else(|| "/".into()),
            permissions_boundary: tags.get(TAG_BOUNDARY).cloned(),
            tags: tags
                .iter()
                .filter(|(k, _)| !is_reserved_key(k))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            operating: super::operating::Operating::from_tags(tags),
        }
    }
}

/// An organisation's rules as the command line gives them (`--permissions-boundary`,
/// `--role-path`, `--tags`), before they are checked and laid over the account's.
#[derive(Debug, Clone, Default)]
pub struct RuleFlags {
    pub permissions_boundary: Option<String>,
    pub role_path: Option<String>,
    pub tags: Option<String>,
}

impl RuleFlags {
    /// Checks the flags that need no AWS call (path, tags): before anything is read.
    pub fn check(&self) -> Result<(), Failure> {
        if let Some(path) = &self.role_path {
            check_role_path("--role-path", path).map_err(Failure::usage)?;
        }
        if let Some(tags) = &self.tags {
            parse_tags("--tags", tags).map_err(Failure::usage)?;
        }
        Ok(())
    }

    /// `base` (what the account recorded, or the standard rules) with these flags laid over
    /// it. `recorded`: whether `base` comes from existing resources, whose roles cannot move
    /// to another path.
    pub fn over(
        &self,
        mut base: AccountRules,
        partition: &str,
        recorded: bool,
    ) -> Result<AccountRules, Failure> {
        self.check()?;
        if let Some(path) = &self.role_path {
            if recorded && *path != base.role_path {
                return Err(Failure::usage(format!(
                    "--role-path {path}: this deployment's roles were created under {} and IAM cannot move a role; pass --role-path {} (or run cleanup-account first)",
                    base.role_path, base.role_path
                )));
            }
            base.role_path = path.clone();
        }
        if let Some(arn) = &self.permissions_boundary {
            check_boundary("--permissions-boundary", arn, partition).map_err(Failure::usage)?;
            base.permissions_boundary = Some(arn.clone());
        }
        if let Some(tags) = &self.tags {
            base.tags
                .extend(parse_tags("--tags", tags).map_err(Failure::usage)?);
        }
        Ok(base)
    }
}

fn is_reserved_key(key: &str) -> bool {
    let lower = key.to_ascii_lowercase();
    lower.starts_with("aws:") || lower.starts_with("rosa:")
}

/// The characters AWS accepts in tag keys and values (letters, digits, spaces, `_.:/=+-@`).
fn tag_chars_ok(s: &str) -> bool {
    s.chars()
        .all(|c| c.is_alphanumeric() || c.is_whitespace() || "_.:/=+-@".contains(c))
}

/// `--tags K=V,K2=V2`: the organisation's tags.
pub fn parse_tags(flag: &str, raw: &str) -> Result<BTreeMap<String, String>, String> {
    let mut tags = BTreeMap::new();
    for pair in raw.split(',').filter(|p| !p.trim().is_empty()) {
        let Some((k, v)) = pair.split_once('=') else {
            return Err(format!(
                "{flag}: expected KEY=VALUE pairs separated by commas (e.g. cost-center=42,team=platform), got {pair:?}"
            ));
        };
        let (k, v) = (k.trim(), v.trim());
        if k.is_empty() || k.chars().count() > 128 || !tag_chars_ok(k) {
            return Err(format!(
                "{flag}: tag key {k:?}: expected 1-128 letters, digits, spaces or _.:/=+-@"
            ));
        }
        if v.chars().count() > 256 || !tag_chars_ok(v) {
            return Err(format!(
                "{flag}: value of tag {k:?}: expected up to 256 letters, digits, spaces or _.:/=+-@, got {v:?}"
            ));
        }
        if is_reserved_key(k) {
            return Err(format!(
                "{flag}: tag key {k:?}: keys starting with aws: or rosa: are reserved (rosa: for rosactl's own tags)"
            ));
        }
        if tags.insert(k.to_string(), v.to_string()).is_some() {
            return Err(format!("{flag}: tag key {k:?} is given twice"));
        }
    }
    if tags.len() > MAX_USER_TAGS {
        return Err(format!(
            "{flag}: at most {MAX_USER_TAGS} tags (AWS allows 50 per resource and rosactl sets up to 6 of its own), got {}",
            tags.len()
        ));
    }
    Ok(tags)
}

/// The artifact bucket's name without a prefix, for `region`.
fn bucket_base_len(region: &str) -> usize {
    "rosa-lambda-artifacts-".len() + 12 + 1 + region.len()
}

/// `--resource-prefix`: lowercase letters, digits and hyphens, starting with a letter, short
/// enough for the bucket name (S3 allows 63 characters) in `region`.
pub fn check_prefix(flag: &str, prefix: &str, region: &str) -> Result<(), String> {
    if prefix.is_empty() {
        return Ok(());
    }
    let max = 63usize.saturating_sub(bucket_base_len(region));
    let ok = prefix.as_bytes()[0].is_ascii_lowercase()
        && prefix
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !prefix.contains("--");
    if !ok {
        return Err(format!(
            "{flag}: expected lowercase letters, digits and single hyphens, starting with a letter (e.g. acme-), got {prefix:?}"
        ));
    }
    if prefix.len() > max {
        return Err(format!(
            "{flag}: at most {max} characters in {region} (the artifact bucket's name, prefix included, must fit S3's 63), got {} ({prefix:?})",
            prefix.len()
        ));
    }
    Ok(())
}

/// `--role-path`: `/` or `/a/b/` (IAM: printable ASCII, at most 512 characters).
pub fn check_role_path(flag: &str, path: &str) -> Result<(), String> {
    let ok = path.len() <= 512
        && path.starts_with('/')
        && path.ends_with('/')
        && path.bytes().all(|b| (0x21..=0x7e).contains(&b))
        && !path.contains("//");
    if ok {
        Ok(())
    } else {
        Err(format!(
            "{flag}: expected an IAM path that starts and ends with / (e.g. /rosa/ or /org/platform/), got {path:?}"
        ))
    }
}

/// `--permissions-boundary`: a managed policy ARN in the caller's partition.
pub fn check_boundary(flag: &str, arn: &str, partition: &str) -> Result<(), String> {
    let parts: Vec<&str> = arn.splitn(6, ':').collect();
    let ok = parts.len() == 6
        && parts[0] == "arn"
        && parts[2] == "iam"
        && parts[3].is_empty()
        && (parts[4] == "aws"
            || (parts[4].len() == 12 && parts[4].bytes().all(|b| b.is_ascii_digit())))
        && parts[5].strip_prefix("policy/").is_some_and(|p| {
            !p.is_empty() && !p.ends_with('/') && p.bytes().all(|b| (0x21..=0x7e).contains(&b))
        });
    if !ok {
        return Err(format!(
            "{flag}: expected a managed policy ARN such as arn:{partition}:iam::123456789012:policy/RosaBoundary, got {arn:?}"
        ));
    }
    if parts[1] != partition {
        return Err(format!(
            "{flag}: the policy is in partition {:?} but the account is in {partition:?}; expected arn:{partition}:iam::...",
            parts[1]
        ));
    }
    Ok(())
}

/// Finds rosactl's deployment in this account and region and the rules it recorded.
/// `prefix`: the one asked for (`--resource-prefix`); otherwise the only deployment whose
/// functions carry rosactl's tag, whatever its prefix. None when nothing is deployed.
pub async fn discover(aws: &Aws, prefix: Option<&str>) -> Result<Option<AccountRules>, Failure> {
    // Without --resource-prefix, the deployment without a prefix (the usual one) is read
    // while the functions are listed: one round trip instead of two when it is the one.
    let (candidates, mut unprefixed) = match prefix {
        Some(p) => (vec![p.to_string()], None),
        None => {
            let (listed, guess) = tokio::join!(prefixes_in_use(aws), owned_tags(aws, ""));
            (listed?, Some(guess))
        }
    };
    let mut found = Vec::new();
    for prefix in candidates {
        let tags = match unprefixed.take_if(|_| prefix.is_empty()) {
            Some(guess) => guess?,
            None => owned_tags(aws, &prefix).await?,
        };
        if let Some(tags) = tags {
            found.push(AccountRules::from_tags(&prefix, &tags));
        }
    }
    match found.len() {
        0 | 1 => Ok(found.pop()),
        _ => {
            let shown: Vec<String> = found.iter().map(|r| format!("{:?}", r.prefix)).collect();
            Err(Failure::usage(format!(
                "this account and region hold several rosactl deployments (resource prefixes {}): pass --resource-prefix (or set ROSACTL_RESOURCE_PREFIX) to pick one",
                shown.join(", ")
            )))
        }
    }
}

/// The prefixes in front of a catalog function name among this region's functions.
async fn prefixes_in_use(aws: &Aws) -> Result<Vec<String>, Failure> {
    let mut prefixes: Vec<String> = Vec::new();
    let mut pages = aws.lambda.list_functions().into_paginator().send();
    while let Some(page) = pages.next().await {
        let page = page.map_err(|e| {
            Failure::new(
                Exit::Failed,
                format!(
                    "looking for rosactl's functions (lambda:ListFunctions) failed: {}; pass --resource-prefix (\"\" for none) to name the deployment instead",
                    describe(&e)
                ),
            )
        })?;
        for f in page.functions() {
            let name = f.function_name().unwrap_or_default();
            for spec in FUNCTIONS {
                if let Some(p) = name.strip_suffix(spec.function_name)
                    && (p.is_empty() || check_prefix("", p, &aws.region).is_ok())
                    && !prefixes.iter().any(|q| q == p)
                {
                    prefixes.push(p.to_string());
                }
            }
        }
    }
    prefixes.sort();
    Ok(prefixes)
}

/// The tags of the first function (in the catalog's order) of `prefix`'s deployment that
/// carries rosactl's tag; the functions are read at once.
async fn owned_tags(aws: &Aws, prefix: &str) -> Result<Option<BTreeMap<String, String>>, Failure> {
    let names: Vec<String> = FUNCTIONS
        .iter()
        .map(|spec| format!("{prefix}{}", spec.function_name))
        .collect();
    let answers = futures_util::future::join_all(
        names
            .iter()
            .map(|name| aws.lambda.get_function().function_name(name).send()),
    )
    .await;
    for (name, answer) in names.iter().zip(answers) {
        match answer {
            Ok(out) => {
                let tags: BTreeMap<String, String> =
                    out.tags.unwrap_or_default().into_iter().collect();
                if tags.get(TAG_MANAGED_BY).map(String::as_str) == Some(MANAGED_BY) {
                    return Ok(Some(tags));
                }
            }
            Err(e) if e.code() == Some("ResourceNotFoundException") => {}
            Err(e) => {
                return Err(Failure::new(
                    Exit::Failed,
                    format!(
                        "reading function {name} (lambda:GetFunction) failed: {}",
                        describe(&e)
                    ),
                ));
            }
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every ARN rosactl builds for an account (functions, roles, log groups, policies, the
    /// bucket policy, a cluster's roles and their managed policies) is in the account's
    /// partition; none carries a literal `arn:aws:` elsewhere.
    #[test]
    fn every_arn_follows_the_partition() {
        fn arns(v: &serde_json::Value, out: &mut Vec<String>) {
            match v {
                serde_json::Value::String(s) => {
                    // ARNs, also inside condition keys' values and principals.
                    out.extend(
                        s.split_whitespace()
                            .filter(|w| w.starts_with("arn:"))
                            .map(String::from),
                    );
                }
                serde_json::Value::Array(a) => a.iter().for_each(|x| arns(x, out)),
                serde_json::Value::Object(o) => o.iter().for_each(|(k, x)| {
                    if k.starts_with("arn:") {
                        out.push(k.clone());
                    }
                    arns(x, out)
                }),
                _ => {}
            }
        }
        for (partition, region) in [
            ("aws", "us-east-1"),
            ("aws-cn", "cn-north-1"),
            ("aws-us-gov", "us-gov-west-1"),
        ] {
            let rules = AccountRules {
                prefix: "acme-".into(),
                role_path: "/org/".into(),
                permissions_boundary: Some(format!("arn:{partition}:iam::123456789012:policy/B")),
                tags: BTreeMap::new(),
                operating: Default::default(),
            };
            let account =
                crate::deploy::account::Account::new("123456789012", region, partition, rules);
            let mut found = Vec::new();
            for f in &account.functions {
                found.push(f.function_arn.clone());
                found.push(f.role_arn.clone());
                let policy = crate::deploy::names::execution_policy(
                    f.spec,
                    &f.log_group,
                    partition,
                    "123456789012",
                    false,
                );
                arns(&policy, &mut found);
            }
            arns(
                &crate::deploy::names::bucket_policy(partition, &account.bucket),
                &mut found,
            );
            let cluster = crate::cluster::iam::desired(
                "c1",
                Some("https://oidc.example.com/c1"),
                partition,
                "123456789012",
            )
            .with_rules(&account.rules);
            for r in &cluster.roles {
                found.push(r.arn.clone());
                found.extend(r.managed.iter().cloned());
                arns(&r.trust, &mut found);
            }
            assert!(found.len() > 30, "{found:?}");
            let want = format!("arn:{partition}:");
            for arn in &found {
                assert!(arn.starts_with(&want), "{partition}: {arn}");
            }
            assert!(
                account.functions[0]
                    .role_arn
                    .contains(":role/org/acme-rosa-")
            );
            assert!(cluster.roles[0].arn.contains(":role/org/c1-"));
        }
    }

    #[test]
    fn tags_parse_and_refuse_what_aws_refuses() {
        let t = parse_tags("--tags", "cost-center=42, team=platform ,env=").unwrap();
        assert_eq!(t.len(), 3);
        assert_eq!(t["env"], "");
        for (bad, says) in [
            ("novalue", "KEY=VALUE"),
            ("=v", "tag key"),
            ("rosa:component=x", "reserved"),
            ("aws:x=y", "reserved"),
            ("a=1,a=2", "twice"),
            ("a=b{c}", "value of tag"),
        ] {
            let e = parse_tags("--tags", bad).unwrap_err();
            assert!(e.contains(says) && e.starts_with("--tags"), "{bad}: {e}");
        }
    }

    #[test]
    fn prefixes_fit_the_bucket_name() {
        assert!(check_prefix("--resource-prefix", "acme-", "us-east-1").is_ok());
        assert!(check_prefix("--resource-prefix", "Acme-", "us-east-1").is_err());
        assert!(check_prefix("--resource-prefix", "1acme", "us-east-1").is_err());
        let long = "a".repeat(15);
        let e = check_prefix("--resource-prefix", &long, "ap-southeast-3").unwrap_err();
        assert!(e.contains("at most 14"), "{e}");
    }

    #[test]
    fn paths_and_boundaries() {
        assert!(check_role_path("--role-path", "/").is_ok());
        assert!(check_role_path("--role-path", "/org/rosa/").is_ok());
        for bad in ["org/", "/org", "//", "/a b/"] {
            assert!(check_role_path("--role-path", bad).is_err(), "{bad}");
        }
        for partition in ["aws", "aws-cn", "aws-us-gov"] {
            let arn = format!("arn:{partition}:iam::123456789012:policy/org/Boundary");
            assert!(check_boundary("--permissions-boundary", &arn, partition).is_ok());
        }
        assert!(
            check_boundary(
                "--permissions-boundary",
                "arn:aws:iam::aws:policy/PowerUserAccess",
                "aws"
            )
            .is_ok()
        );
        let e = check_boundary(
            "--permissions-boundary",
            "arn:aws:iam::123456789012:policy/B",
            "aws-cn",
        )
        .unwrap_err();
        assert!(e.contains("partition"), "{e}");
        assert!(
            check_boundary(
                "--permissions-boundary",
                "arn:aws:iam::123456789012:role/B",
                "aws"
            )
            .is_err()
        );
    }

    #[test]
    fn recorded_rules_round_trip_through_tags() {
        let rules = AccountRules {
            prefix: "acme-".into(),
            role_path: "/org/".into(),
            permissions_boundary: Some("arn:aws:iam::123456789012:policy/B".into()),
            tags: BTreeMap::from([("team".into(), "platform".into())]),
            operating: Default::default(),
        };
        let mut tags = rules.resource_tags();
        tags.insert("rosa:component".into(), "oidc-provisioner".into());
        assert_eq!(AccountRules::from_tags("acme-", &tags), rules);
        assert_eq!(
            AccountRules::from_tags("", &BTreeMap::new()),
            AccountRules::standard()
        );
    }
}
