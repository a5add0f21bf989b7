//! What exists in the account now: read-only AWS calls, one snapshot per run.

use std::collections::BTreeMap;

use anyhow::Context;
use aws_sdk_iam::error::ProvideErrorMetadata;
use serde_json::Value;

use super::desired::Desired;
use super::history::{self, Record};
use super::names::{self, PROD, STAGING, STATEMENT_ID};
use crate::aws::{Aws, describe};

#[derive(Debug, Clone, Default)]
pub struct BucketState {
    pub exists: bool,
    pub public_access_blocked: bool,
    pub encrypted: bool,
    pub versioning: bool,
    /// Object ownership `BucketOwnerEnforced` (ACLs disabled).
    pub owner_enforced: bool,
    pub policy: Option<Value>,
    pub tags: BTreeMap<String, String>,
}

#[derive(Debug, Clone)]
pub struct RoleState {
    pub arn: String,
    pub trust: Option<Value>,
    /// The inline policy named after the role.
    pub policy: Option<Value>,
    /// Other inline policies (names) and attached managed policies (ARNs): not rosactl's.
    pub other_inline: Vec<String>,
    pub attached: Vec<String>,
    pub tags: BTreeMap<String, String>,
    /// The permissions boundary's policy ARN.
    pub boundary: Option<String>,
}

#[derive(Debug, Clone)]
pub struct LogGroupState {
    pub arn: String,
    pub retention_days: Option<i32>,
    pub kms_key_id: Option<String>,
    pub tags: BTreeMap<String, String>,
}

#[derive(Debug, Clone)]
pub struct FunctionState {
    pub arn: String,
    pub code_sha256: String,
    pub memory_mb: i32,
    pub timeout_s: i32,
    pub role: String,
    pub runtime: String,
    pub handler: String,
    pub description: String,
    pub tags: BTreeMap<String, String>,
    /// Active with no update in progress when read: the next change need not wait.
    pub settled: bool,
    /// X-Ray `TracingConfig` is `Active`.
    pub tracing: bool,
    /// The function's reserved concurrency, if any.
    pub reserved_concurrency: Option<i32>,
}

/// Whether a configuration's tracing is X-Ray `Active`.
pub fn is_active(config: Option<&aws_sdk_lambda::types::TracingConfigResponse>) -> bool {
    config.and_then(|c| c.mode.as_ref()) == Some(&aws_sdk_lambda::types::TracingMode::Active)
}

#[derive(Debug, Clone)]
pub struct VersionState {
    pub version: String,
    pub code_sha256: String,
    pub memory_mb: i32,
    pub timeout_s: i32,
    pub description: String,
    /// X-Ray `TracingConfig` is `Active` (a version keeps the configuration it was
    /// published with).
    pub tracing: bool,
}

/// An alias as found: its version, its routing weights (a canary) and its description.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AliasState {
    pub version: String,
    /// `AdditionalVersionWeights`: version → share of invocations (0.0–1.0).
    pub weights: BTreeMap<String, f64>,
    pub description: String,
}

impl AliasState {
    pub fn at(version: &str) -> Self {
        AliasState {
            version: version.to_string(),
            ..Default::default()
        }
    }

    /// The version a canary sends traffic to, if one is in progress.
    pub fn canary(&self) -> Option<(&str, f64)> {
        self.weights.iter().next().map(|(v, w)| (v.as_str(), *w))
    }
}

/// The `AllowRosaRegionalPlatformInvoke` statement on the `prod` alias, as found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PermissionState {
    pub principal: String,
}

#[derive(Debug, Clone)]
pub struct FunctionObserved {
    pub name: &'static str,
    pub role: Option<RoleState>,
    pub package_uploaded: bool,
    pub log_group: Option<LogGroupState>,
    pub function: Option<FunctionState>,
    pub versions: Vec<VersionState>,
    pub aliases: BTreeMap<String, AliasState>,
    pub permission: Option<PermissionState>,
    /// Invoke permissions and function URLs rosactl did not make (reported, not removed).
    pub foreign_access: Vec<String>,
    /// Alias moves recorded in the artifact bucket, oldest first (read only when asked).
    pub history: Vec<Record>,
    /// Whether `history` was read (an unread history says nothing about moves).
    pub history_read: bool,
    /// Alarms with the function's alarm names (ours or not: see their tags).
    pub alarms: Vec<super::alarms::AlarmState>,
}

impl FunctionObserved {
    pub fn empty(name: &'static str) -> Self {
        FunctionObserved {
            name,
            role: None,
            package_uploaded: false,
            log_group: None,
            function: None,
            versions: Vec::new(),
            aliases: BTreeMap::new(),
            permission: None,
            foreign_access: Vec::new(),
            history: Vec::new(),
            history_read: false,
            alarms: Vec::new(),
        }
    }

    pub fn version(&self, version: &str) -> Option<&VersionState> {
        self.versions.iter().find(|v| v.version == version)
    }
}

#[derive(Debug, Clone)]
pub struct Observed {
    pub bucket: BucketState,
    pub functions: Vec<FunctionObserved>,
    /// The dashboard with the deployment's dashboard name, its body (read with the account).
    pub dashboard: Option<Value>,
}

impl Observed {
    pub fn function(&self, name: &str) -> &FunctionObserved {
        self.functions
            .iter()
            .find(|o| o.name == name)
            .expect("every selected function is observed")
    }
}

/// What an observation reads besides the selected functions themselves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reads {
    /// The bucket, each function's role, log group, package object and invoke access.
    Account,
    /// The functions, their versions and aliases only (commands that only move aliases):
    /// the rest of an [`Observed`] stays empty.
    Aliases,
}

/// Reads the bucket and the selected functions; with `with_history`, also their alias
/// history from the bucket.
pub async fn observe(aws: &Aws, desired: &Desired, with_history: bool) -> anyhow::Result<Observed> {
    observe_only(aws, desired, with_history, Reads::Account).await
}

/// [`observe`], reading what `reads` says.
pub async fn observe_only(
    aws: &Aws,
    desired: &Desired,
    with_history: bool,
    reads: Reads,
) -> anyhow::Result<Observed> {
    let bucket = async {
        match reads {
            Reads::Account => observe_bucket(aws, &desired.account.bucket).await,
            Reads::Aliases => Ok(BucketState::default()),
        }
    };
    let functions = futures_util::future::join_all(
        desired
            .selected
            .iter()
            .map(|name| observe_function(aws, desired, name, with_history, reads)),
    );
    let dashboard = async {
        match reads {
            Reads::Account => {
                observe_dashboard(aws, &super::dashboard::name(&desired.account)).await
            }
            Reads::Aliases => Ok(None),
        }
    };
    let (bucket, functions, dashboard) = tokio::join!(bucket, functions, dashboard);
    Ok(Observed {
        bucket: bucket?,
        functions: functions.into_iter().collect::<anyhow::Result<_>>()?,
        dashboard: dashboard?,
    })
}

fn tags_of(list: impl IntoIterator<Item = (String, String)>) -> BTreeMap<String, String> {
    list.into_iter().collect()
}

async fn observe_bucket(aws: &Aws, bucket: &str) -> anyhow::Result<BucketState> {
    // Every call names the expected owner: a bucket of this name in another account is
    // never read from or written to.
    let s3 = &aws.s3;
    match s3
        .head_bucket()
        .bucket(bucket)
        .expected_bucket_owner(&aws.account_id)
        .send()
        .await
    {
        Ok(_) => {}
        Err(e) if e.as_service_error().is_some_and(|e| e.is_not_found()) => {
            return Ok(BucketState::default());
        }
        Err(e) if e.raw_response().is_some_and(|r| r.status().as_u16() == 404) => {
            return Ok(BucketState::default());
        }
        Err(e) if e.raw_response().is_some_and(|r| r.status().as_u16() == 403) => anyhow::bail!(
            "the artifact bucket name {bucket} belongs to another account, or your credentials may not read it (s3:ListBucket)"
        ),
        Err(e) => {
            return Err(anyhow::anyhow!(describe(&e))).context(format!("reading bucket {bucket}"));
        }
    }
    // The bucket exists and is ours: its six settings are read at once.
    let (access_block, encryption, versioning, ownership, policy, tagging) = tokio::join!(
        s3.get_public_access_block()
            .bucket(bucket)
            .expected_bucket_owner(&aws.account_id)
            .send(),
        s3.get_bucket_encryption()
            .bucket(bucket)
            .expected_bucket_owner(&aws.account_id)
            .send(),
        s3.get_bucket_versioning()
            .bucket(bucket)
            .expected_bucket_owner(&aws.account_id)
            .send(),
        s3.get_bucket_ownership_controls()
            .bucket(bucket)
            .expected_bucket_owner(&aws.account_id)
            .send(),
        s3.get_bucket_policy()
            .bucket(bucket)
            .expected_bucket_owner(&aws.account_id)
            .send(),
        s3.get_bucket_tagging()
            .bucket(bucket)
            .expected_bucket_owner(&aws.account_id)
            .send(),
    );
    let public_access_blocked = match access_block {
        Ok(out) => out.public_access_block_configuration.is_some_and(|c| {
            c.block_public_acls == Some(true)
                && c.ignore_public_acls == Some(true)
                && c.block_public_policy == Some(true)
                && c.restrict_public_buckets == Some(true)
        }),
        Err(e) if e.code() == Some("NoSuchPublicAccessBlockConfiguration") => false,
        Err(e) => {
            return Err(anyhow::anyhow!(describe(&e)))
                .context(format!("reading the public access block of {bucket}"));
        }
    };
    let encrypted = match encryption {
        Ok(out) => out
            .server_side_encryption_configuration
            .is_some_and(|c| !c.rules.is_empty()),
        Err(e) if e.code() == Some("ServerSideEncryptionConfigurationNotFoundError") => false,
        Err(e) => {
            return Err(anyhow::anyhow!(describe(&e)))
                .context(format!("reading the encryption of {bucket}"));
        }
    };
    let versioning = versioning
        .map_err(|e| anyhow::anyhow!(describe(&e)))
        .context(format!("reading the versioning of {bucket}"))?
        .status
        .is_some_and(|s| s == aws_sdk_s3::types::BucketVersioningStatus::Enabled);
    let owner_enforced = match ownership {
        Ok(out) => out.ownership_controls.is_some_and(|c| {
            c.rules.iter().any(|r| {
                r.object_ownership == aws_sdk_s3::types::ObjectOwnership::BucketOwnerEnforced
            })
        }),
        Err(e) if e.code() == Some("OwnershipControlsNotFoundError") => false,
        Err(e) => {
            return Err(anyhow::anyhow!(describe(&e)))
                .context(format!("reading the object ownership of {bucket}"));
        }
    };
    let policy = match policy {
        Ok(out) => out.policy.as_deref().and_then(names::parse_policy),
        Err(e) if e.code() == Some("NoSuchBucketPolicy") => None,
        Err(e) => {
            return Err(anyhow::anyhow!(describe(&e)))
                .context(format!("reading the policy of {bucket}"));
        }
    };
    let tags = match tagging {
        Ok(out) => tags_of(out.tag_set.into_iter().map(|t| (t.key, t.value))),
        Err(e) if e.code() == Some("NoSuchTagSet") || e.code() == Some("NoSuchTagSetError") => {
            BTreeMap::new()
        }
        Err(e) => {
            return Err(anyhow::anyhow!(describe(&e)))
                .context(format!("reading the tags of {bucket}"));
        }
    };
    Ok(BucketState {
        exists: true,
        public_access_blocked,
        encrypted,
        versioning,
        owner_enforced,
        policy,
        tags,
    })
}

async fn observe_role(aws: &Aws, role_name: &str) -> anyhow::Result<Option<RoleState>> {
    let role = match aws.iam.get_role().role_name(role_name).send().await {
        Ok(out) => out.role,
        Err(e)
            if e.as_service_error()
                .is_some_and(|e| e.is_no_such_entity_exception()) =>
        {
            return Ok(None);
        }
        Err(e) => {
            return Err(anyhow::anyhow!(describe(&e))).context(format!("reading role {role_name}"));
        }
    };
    let Some(role) = role else { return Ok(None) };
    // The role exists: its policy, tags and policy lists are read at once.
    let (policy, tags, inline, attached) = tokio::join!(
        aws.iam
            .get_role_policy()
            .role_name(role_name)
            .policy_name(role_name)
            .send(),
        aws.iam.list_role_tags().role_name(role_name).send(),
        aws.iam.list_role_policies().role_name(role_name).send(),
        aws.iam
            .list_attached_role_policies()
            .role_name(role_name)
            .send(),
    );
    let policy = match policy {
        Ok(out) => names::parse_policy(&out.policy_document),
        Err(e)
            if e.as_service_error()
                .is_some_and(|e| e.is_no_such_entity_exception()) =>
        {
            None
        }
        Err(e) => {
            return Err(anyhow::anyhow!(describe(&e)))
                .context(format!("reading the policy of role {role_name}"));
        }
    };
    let tags = tags
        .map_err(|e| anyhow::anyhow!(describe(&e)))
        .context(format!("reading the tags of role {role_name}"))?
        .tags;
    let other_inline = inline
        .map_err(|e| anyhow::anyhow!(describe(&e)))
        .context(format!("listing the inline policies of role {role_name}"))?
        .policy_names
        .into_iter()
        .filter(|n| n != role_name)
        .collect();
    let attached = attached
        .map_err(|e| anyhow::anyhow!(describe(&e)))
        .context(format!("listing the policies attached to role {role_name}"))?
        .attached_policies
        .unwrap_or_default()
        .into_iter()
        .filter_map(|p| p.policy_arn)
        .collect();
    Ok(Some(RoleState {
        boundary: role
            .permissions_boundary
            .and_then(|b| b.permissions_boundary_arn),
        arn: role.arn,
        other_inline,
        attached,
        trust: role
            .assume_role_policy_document
            .as_deref()
            .and_then(names::parse_policy),
        policy,
        tags: tags_of(tags.into_iter().map(|t| (t.key, t.value))),
    }))
}

/// The dashboard named `name`, its body; None when there is none.
async fn observe_dashboard(aws: &Aws, name: &str) -> anyhow::Result<Option<Value>> {
    match aws
        .cloudwatch
        .get_dashboard()
        .dashboard_name(name)
        .send()
        .await
    {
        Ok(out) => Ok(Some(
            out.dashboard_body
                .as_deref()
                .and_then(|b| serde_json::from_str(b).ok())
                .unwrap_or(Value::Null),
        )),
        // The modelled error, or the query-compatible code CloudWatch may answer with.
        Err(e)
            if e.as_service_error().is_some_and(|e| {
                e.is_dashboard_not_found_error()
                    || matches!(
                        e.code(),
                        Some("ResourceNotFound" | "DashboardNotFoundError")
                    )
            }) =>
        {
            Ok(None)
        }
        Err(e) => Err(anyhow::anyhow!(describe(&e))).context(format!(
            "reading dashboard {name} (cloudwatch:GetDashboard)"
        )),
    }
}

/// The alarms named as rosactl names the function's, with their tags (read only for the
/// alarms that exist).
async fn observe_alarms(
    aws: &Aws,
    function_name: &str,
) -> anyhow::Result<Vec<super::alarms::AlarmState>> {
    use super::alarms::{AlarmState, KINDS, alarm_name, settings_of};
    let names: Vec<String> = KINDS
        .iter()
        .map(|k| alarm_name(function_name, *k))
        .collect();
    let found = aws
        .cloudwatch
        .describe_alarms()
        .set_alarm_names(Some(names))
        .send()
        .await
        .map_err(|e| anyhow::anyhow!(describe(&e)))
        .context(format!(
            "reading the alarms of {function_name} (cloudwatch:DescribeAlarms)"
        ))?
        .metric_alarms
        .unwrap_or_default();
    let tagged = futures_util::future::join_all(found.iter().map(|a| async move {
        let arn = a.alarm_arn().unwrap_or_default();
        aws.cloudwatch
            .list_tags_for_resource()
            .resource_arn(arn)
            .send()
            .await
            .map_err(|e| anyhow::anyhow!(describe(&e)))
            .context(format!("reading the tags of alarm {arn}"))
    }))
    .await;
    found
        .iter()
        .zip(tagged)
        .map(|(a, tags)| {
            Ok(AlarmState {
                name: a.alarm_name().unwrap_or_default().to_string(),
                arn: a.alarm_arn().unwrap_or_default().to_string(),
                state: a
                    .state_value()
                    .map(|s| s.as_str().to_string())
                    .unwrap_or_default(),
                settings: settings_of(a),
                tags: tags?
                    .tags
                    .unwrap_or_default()
                    .into_iter()
                    .filter_map(|t| Some((t.key?, t.value?)))
                    .collect(),
            })
        })
        .collect()
}

async fn observe_log_group(aws: &Aws, name: &str) -> anyhow::Result<Option<LogGroupState>> {
    let groups = aws
        .logs
        .describe_log_groups()
        .log_group_name_prefix(name)
        .send()
        .await
        .map_err(|e| anyhow::anyhow!(describe(&e)))
        .context(format!("reading log group {name}"))?
        .log_groups
        .unwrap_or_default();
    let Some(group) = groups
        .into_iter()
        .find(|g| g.log_group_name.as_deref() == Some(name))
    else {
        return Ok(None);
    };
    // DescribeLogGroups gives the ARN with a trailing `:*`; the tagging API wants it without.
    let arn = group
        .arn
        .unwrap_or_default()
        .trim_end_matches(":*")
        .to_string();
    let tags = aws
        .logs
        .list_tags_for_resource()
        .resource_arn(&arn)
        .send()
        .await
        .map_err(|e| anyhow::anyhow!(describe(&e)))
        .context(format!("reading the tags of log group {name}"))?
        .tags
        .unwrap_or_default();
    Ok(Some(LogGroupState {
        arn,
        retention_days: group.retention_in_days,
        kms_key_id: group.kms_key_id,
        tags: tags.into_iter().collect(),
    }))
}

async fn observe_function(
    aws: &Aws,
    desired: &Desired,
    name: &'static str,
    with_history: bool,
    reads: Reads,
) -> anyhow::Result<FunctionObserved> {
    let names = desired.names(name);
    let bucket = &desired.account.bucket;
    let account = reads == Reads::Account;
    let object = desired
        .packages
        .get(name)
        .map(|p| p.object_key.as_str())
        .filter(|_| account);
    let uploaded = async {
        match object {
            Some(key) => object_exists(aws, bucket, key).await,
            None => Ok(false),
        }
    };
    let role = async {
        match account {
            true => observe_role(aws, &names.role_name).await,
            false => Ok(None),
        }
    };
    let log_group = async {
        match account {
            true => observe_log_group(aws, &names.log_group).await,
            false => Ok(None),
        }
    };
    let moves = async {
        if with_history {
            read_history(aws, bucket, name).await
        } else {
            Ok(Vec::new())
        }
    };
    let alarms = async {
        match account {
            true => observe_alarms(aws, &names.function_name).await,
            false => Ok(Vec::new()),
        }
    };
    let (role, log_group, package_uploaded, function, moves, alarms) = tokio::join!(
        role,
        log_group,
        uploaded,
        aws.lambda
            .get_function()
            .function_name(&names.function_name)
            .send(),
        moves,
        alarms,
    );
    let mut observed = FunctionObserved {
        alarms: alarms?,
        role: role?,
        package_uploaded: package_uploaded?,
        log_group: log_group?,
        history: moves?,
        history_read: with_history,
        ..FunctionObserved::empty(name)
    };
    let out = match function {
        Ok(out) => out,
        Err(e)
            if e.as_service_error()
                .is_some_and(|e| e.is_resource_not_found_exception()) =>
        {
            return Ok(observed);
        }
        Err(e) => {
            return Err(anyhow::anyhow!(describe(&e))).context(format!("reading function {name}"));
        }
    };
    let Some(config) = out.configuration else {
        return Ok(observed);
    };
    observed.function = Some(FunctionState {
        arn: config.function_arn.unwrap_or_default(),
        code_sha256: config.code_sha256.unwrap_or_default(),
        memory_mb: config.memory_size.unwrap_or_default(),
        timeout_s: config.timeout.unwrap_or_default(),
        role: config.role.unwrap_or_default(),
        runtime: config
            .runtime
            .map(|r| r.as_str().to_string())
            .unwrap_or_default(),
        handler: config.handler.unwrap_or_default(),
        description: config.description.unwrap_or_default(),
        tracing: is_active(config.tracing_config.as_ref()),
        reserved_concurrency: out
            .concurrency
            .and_then(|c| c.reserved_concurrent_executions),
        tags: out.tags.unwrap_or_default().into_iter().collect(),
        settled: matches!(
            config.state,
            None | Some(aws_sdk_lambda::types::State::Active)
        ) && matches!(
            config.last_update_status,
            None | Some(aws_sdk_lambda::types::LastUpdateStatus::Successful)
        ),
    });

    // The function exists: its versions, aliases and who may invoke it are read at once.
    let access = async {
        match account {
            true => invoke_access(aws, &names.function_name).await,
            false => Ok((None, Vec::new())),
        }
    };
    let (versions, aliases, access) = tokio::join!(
        list_versions(aws, &names.function_name, name),
        list_aliases(aws, &names.function_name, name),
        access,
    );
    observed.versions = versions?;
    observed.aliases = aliases?;
    let (permission, foreign) = access?;
    if observed.aliases.contains_key(PROD) {
        observed.permission = permission;
    }
    observed.foreign_access = foreign;
    Ok(observed)
}

/// A function's aliases (ListAliases), by name.
async fn list_aliases(
    aws: &Aws,
    function: &str,
    name: &str,
) -> anyhow::Result<BTreeMap<String, AliasState>> {
    let listed = aws
        .lambda
        .list_aliases()
        .function_name(function)
        .send()
        .await
        .map_err(|e| anyhow::anyhow!(describe(&e)))
        .context(format!("listing the aliases of {name}"))?;
    Ok(listed
        .aliases
        .unwrap_or_default()
        .into_iter()
        .filter_map(|a| {
            let weights = weights_of(a.routing_config.as_ref());
            Some((
                a.name?,
                AliasState {
                    version: a.function_version?,
                    weights,
                    description: a.description.unwrap_or_default(),
                },
            ))
        })
        .collect())
}

/// The aliases of every selected function, read at once.
async fn read_aliases(
    aws: &Aws,
    desired: &Desired,
) -> anyhow::Result<Vec<BTreeMap<String, AliasState>>> {
    futures_util::future::try_join_all(
        desired
            .selected
            .iter()
            .map(|&name| list_aliases(aws, &desired.names(name).function_name, name)),
    )
    .await
}

/// Whether every selected function's aliases are where `before` saw them (one read per
/// function, at once): a plan made from `before` still stands for alias moves.
pub async fn same_aliases(aws: &Aws, desired: &Desired, before: &Observed) -> anyhow::Result<bool> {
    let now = read_aliases(aws, desired).await?;
    Ok(desired.selected.iter().zip(&now).all(|(name, aliases)| {
        let seen = &before.function(name).aliases;
        seen.len() == aliases.len()
            && seen.iter().all(|(n, a)| {
                aliases
                    .get(n)
                    .is_some_and(|b| a.version == b.version && same_weights(&a.weights, &b.weights))
            })
    }))
}

/// Every published version of `function` (all pages), oldest first.
async fn list_versions(aws: &Aws, function: &str, name: &str) -> anyhow::Result<Vec<VersionState>> {
    let mut versions = Vec::new();
    let mut marker = None;
    loop {
        let page = aws
            .lambda
            .list_versions_by_function()
            .function_name(function)
            .set_marker(marker)
            .send()
            .await
            .map_err(|e| anyhow::anyhow!(describe(&e)))
            .context(format!("listing the versions of {name}"))?;
        for v in page.versions.unwrap_or_default() {
            let version = v.version.unwrap_or_default();
            if version == "$LATEST" {
                continue;
            }
            versions.push(VersionState {
                version,
                code_sha256: v.code_sha256.unwrap_or_default(),
                memory_mb: v.memory_size.unwrap_or_default(),
                timeout_s: v.timeout.unwrap_or_default(),
                tracing: is_active(v.tracing_config.as_ref()),
                description: v.description.unwrap_or_default(),
            });
        }
        marker = page.next_marker;
        if marker.is_none() {
            break;
        }
    }
    versions.sort_by_key(|v| v.version.parse::<u64>().unwrap_or(0));
    Ok(versions)
}

async fn object_exists(aws: &Aws, bucket: &str, key: &str) -> anyhow::Result<bool> {
    match aws
        .s3
        .head_object()
        .bucket(bucket)
        .expected_bucket_owner(&aws.account_id)
        .key(key)
        .send()
        .await
    {
        Ok(_) => Ok(true),
        Err(e) if e.raw_response().is_some_and(|r| r.status().as_u16() == 404) => Ok(false),
        Err(e) if e.as_service_error().is_some_and(|e| e.is_not_found()) => Ok(false),
        // No bucket yet (or not readable): the bucket's own reading reports it.
        Err(e) if e.raw_response().is_some_and(|r| r.status().as_u16() == 403) => Ok(false),
        Err(e) => {
            Err(anyhow::anyhow!(describe(&e))).context(format!("reading s3://{bucket}/{key}"))
        }
    }
}

/// The statements of `name`'s resource policy on `qualifier` (None: the unqualified
/// function). The policy of an alias can list statements of other qualifiers in some
/// implementations, so each statement's resource is checked too.
async fn statements(aws: &Aws, name: &str, qualifier: Option<&str>) -> anyhow::Result<Vec<Value>> {
    let shown = qualifier.map_or(name.to_string(), |q| format!("{name}:{q}"));
    let policy = match aws
        .lambda
        .get_policy()
        .function_name(name)
        .set_qualifier(qualifier.map(String::from))
        .send()
        .await
    {
        Ok(out) => out.policy.unwrap_or_default(),
        Err(e)
            if e.as_service_error()
                .is_some_and(|e| e.is_resource_not_found_exception()) =>
        {
            return Ok(Vec::new());
        }
        Err(e) => {
            return Err(anyhow::anyhow!(describe(&e)))
                .context(format!("reading the resource policy of {shown}"));
        }
    };
    let Ok(doc) = serde_json::from_str::<Value>(&policy) else {
        return Ok(Vec::new());
    };
    let all = match &doc["Statement"] {
        Value::Array(items) => items.clone(),
        Value::Null => Vec::new(),
        one => vec![one.clone()],
    };
    let suffix = format!(":function:{shown}");
    Ok(all
        .into_iter()
        .filter(|s| s["Resource"].as_str().is_some_and(|r| r.ends_with(&suffix)))
        .collect())
}

fn principal_of(s: &Value) -> String {
    match &s["Principal"] {
        Value::String(p) => p.clone(),
        Value::Object(m) => m
            .values()
            .map(|v| match v {
                Value::String(p) => p.clone(),
                other => other.to_string(),
            })
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    }
}

/// Our statement among the `prod` alias's statements.
fn ours(prod_statements: &[Value]) -> Option<PermissionState> {
    prod_statements
        .iter()
        .find(|s| s["Sid"] == STATEMENT_ID)
        .map(|s| PermissionState {
            principal: principal_of(s),
        })
}

/// Our statement on the `prod` alias, as found.
pub async fn read_permission(aws: &Aws, name: &str) -> anyhow::Result<Option<PermissionState>> {
    Ok(ours(&statements(aws, name, Some(PROD)).await?))
}

/// Who may invoke the function, from one read of each qualifier's policy: our statement on
/// `prod`, and whatever else lets someone invoke it: statements rosactl did not make on the
/// function, `prod` or `staging` (and ours anywhere but `prod`), and function URLs.
async fn invoke_access(
    aws: &Aws,
    name: &str,
) -> anyhow::Result<(Option<PermissionState>, Vec<String>)> {
    // The three qualifiers' policies and URLs, all read at once.
    let qualifiers = [None, Some(PROD), Some(STAGING)];
    let reads = futures_util::future::join_all(
        qualifiers
            .iter()
            .map(|qualifier| qualifier_access(aws, name, *qualifier)),
    )
    .await;
    let mut permission = None;
    let mut found = Vec::new();
    for read in reads {
        let (ours, others) = read?;
        permission = permission.or(ours);
        found.extend(others);
    }
    Ok((permission, found))
}

/// What lets someone invoke `name:qualifier`: our statement (on `prod` only), and the
/// statements and function URL rosactl did not make.
async fn qualifier_access(
    aws: &Aws,
    name: &str,
    qualifier: Option<&str>,
) -> anyhow::Result<(Option<PermissionState>, Vec<String>)> {
    let shown = qualifier.map_or(name.to_string(), |q| format!("{name}:{q}"));
    let mut found = Vec::new();
    let (policy, url) = tokio::join!(
        statements(aws, name, qualifier),
        aws.lambda
            .get_function_url_config()
            .function_name(name)
            .set_qualifier(qualifier.map(String::from))
            .send()
    );
    let policy = policy?;
    let permission = if qualifier == Some(PROD) {
        ours(&policy)
    } else {
        None
    };
    for s in policy {
        let actions = match &s["Action"] {
            Value::Array(a) => a
                .iter()
                .filter_map(|v| v.as_str())
                .map(String::from)
                .collect(),
            Value::String(a) => vec![a.clone()],
            _ => Vec::new(),
        };
        let invokes = actions.iter().any(|a| {
            matches!(
                a.as_str(),
                "lambda:InvokeFunction" | "lambda:InvokeFunctionUrl" | "lambda:*" | "*"
            )
        });
        let ours = s["Sid"] == STATEMENT_ID && qualifier == Some(PROD);
        if invokes && s["Effect"] != "Deny" && !ours {
            found.push(format!(
                "{shown}: statement {} (not made by rosactl) lets {} invoke it",
                s["Sid"].as_str().unwrap_or("(no Sid)"),
                principal_of(&s)
            ));
        }
    }
    match url {
        // A URL belongs to the qualifier its FunctionArn names (some implementations
        // answer an alias's lookup with the function's own URL: counted once).
        Ok(url) if url.function_arn.ends_with(&format!(":function:{shown}")) => {
            found.push(format!(
                "{shown}: function URL {} (auth type {}) invokes it over HTTPS",
                url.function_url,
                url.auth_type.as_str()
            ))
        }
        Ok(_) => {}
        Err(e)
            if e.as_service_error()
                .is_some_and(|e| e.is_resource_not_found_exception()) => {}
        Err(e) => {
            return Err(anyhow::anyhow!(describe(&e)))
                .context(format!("reading the function URL of {shown}"));
        }
    }
    Ok((permission, found))
}

/// An alias's routing weights (version → share), the zero ones left out: a canary.
/// Two routing-weight maps are the same (weights compared to 1e-6).
pub fn same_weights(a: &BTreeMap<String, f64>, b: &BTreeMap<String, f64>) -> bool {
    a.len() == b.len()
        && a.iter()
            .all(|(v, w)| b.get(v).is_some_and(|x| (x - w).abs() < 1e-6))
}

pub fn weights_of(
    config: Option<&aws_sdk_lambda::types::AliasRoutingConfiguration>,
) -> BTreeMap<String, f64> {
    config
        .and_then(|c| c.additional_version_weights.as_ref())
        .map(|w| {
            w.iter()
                .filter(|(_, w)| **w > 0.0)
                .map(|(v, w)| (v.clone(), *w))
                .collect()
        })
        .unwrap_or_default()
}

/// Every history record of `function`, oldest first. A missing bucket means no history; a
/// record that cannot be read is an error (a rollback must not act on half a history).
pub async fn read_history(aws: &Aws, bucket: &str, function: &str) -> anyhow::Result<Vec<Record>> {
    let prefix = history::function_prefix(function);
    let mut keys = Vec::new();
    let mut token = None;
    loop {
        let page = match aws
            .s3
            .list_objects_v2()
            .bucket(bucket)
            .expected_bucket_owner(&aws.account_id)
            .prefix(&prefix)
            .set_continuation_token(token)
            .send()
            .await
        {
            Ok(page) => page,
            Err(e) if e.code() == Some("NoSuchBucket") => return Ok(Vec::new()),
            Err(e) if e.raw_response().is_some_and(|r| r.status().as_u16() == 404) => {
                return Ok(Vec::new());
            }
            Err(e) => {
                return Err(anyhow::anyhow!(describe(&e))).context(format!(
                    "listing the alias history in s3://{bucket}/{prefix}"
                ));
            }
        };
        keys.extend(
            page.contents
                .unwrap_or_default()
                .into_iter()
                .filter_map(|o| o.key),
        );
        token = page.next_continuation_token;
        if token.is_none() {
            break;
        }
    }
    let reads = keys.iter().map(|key| async move {
        let bytes = crate::aws::read_object(aws, bucket, key)
            .await
            .map_err(anyhow::Error::msg)?
            .with_context(|| format!("s3://{bucket}/{key} went away while it was read"))?;
        serde_json::from_slice::<Record>(&bytes)
            .with_context(|| format!("s3://{bucket}/{key} is not an alias history record"))
    });
    let mut records = futures_util::future::join_all(reads)
        .await
        .into_iter()
        .collect::<anyhow::Result<Vec<_>>>()?;
    records.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(records)
}
