//! `status`: how the account differs from what rosactl deploys. Pure, and built on the same
//! planner `setup-account` repairs with: a difference is a step setup would take (so
//! whatever `status --check` reports, `setup-account` repairs), said as a finding. Steps that
//! only deliver a new package (upload, publish) are not drift: `update-lambdas` does that.

use std::collections::BTreeMap;

use serde::Serialize;

use super::desired::{Desired, PackageTarget};
use super::names::{PROD, TAG_VERSION, hex_sha256};
use super::observed::{AliasState, FunctionObserved, Observed};
use super::plan::{self, Action, Step};

/// Code behind an alias (its primary version, or a canary's).
#[derive(Debug, Clone, Serialize)]
pub struct CodeState {
    pub version: String,
    /// Hex SHA-256 of the version's package.
    pub sha256: String,
    /// The package embedded in this rosactl.
    pub embedded: bool,
    /// Deployed by rosactl (embedded, or recorded in the account's alias history).
    pub rosactl_code: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct CanaryState {
    #[serde(flatten)]
    pub code: CodeState,
    /// Share of the alias's invocations, in percent.
    pub percent: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct AliasStatus {
    pub alias: String,
    #[serde(flatten)]
    pub code: CodeState,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub canary: Option<CanaryState>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LatestStatus {
    pub sha256: String,
    pub rosactl_code: bool,
    pub memory_mb: i32,
    pub timeout_s: i32,
    pub runtime: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct FunctionStatus {
    pub function_name: String,
    pub deployed: bool,
    pub embedded_version: String,
    pub embedded_sha256: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latest: Option<LatestStatus>,
    pub aliases: Vec<AliasStatus>,
    /// The principal of rosactl's invoke permission on `prod` (None: missing).
    pub invoker: Option<String>,
    /// Log retention in days; `None` with `log_group: true` means never expires.
    pub log_group: bool,
    pub log_retention_days: Option<i32>,
    /// `$LATEST`'s X-Ray tracing mode (`Active` or `PassThrough`), when deployed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tracing: Option<&'static str>,
    /// Reserved concurrent executions; None: the account's unreserved pool.
    pub reserved_concurrency: Option<i32>,
    /// rosactl's alarms on the function and their state (`OK`, `ALARM`, `INSUFFICIENT_DATA`).
    pub alarms: Vec<AlarmStatus>,
    /// Differences from what rosactl deploys; `setup-account` repairs each.
    pub drift: Vec<String>,
    /// Noticed and not repaired by rosactl (access granted by someone else).
    pub warnings: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AlarmStatus {
    pub name: String,
    pub state: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct BucketStatus {
    pub name: String,
    pub exists: bool,
    pub drift: Vec<String>,
}

/// The account against what rosactl deploys.
#[derive(Debug, Clone, Serialize)]
pub struct Status {
    /// Nothing of rosactl's exists in the account (no bucket, no function, no role).
    pub set_up: bool,
    pub in_sync: bool,
    pub drift_count: usize,
    pub bucket: BucketStatus,
    pub functions: Vec<FunctionStatus>,
    /// The account's rules (prefix, role path, boundary, tags) this deployment follows.
    pub rules: super::rules::AccountRules,
    /// How the functions are operated (tracing, reserved concurrency), as recorded.
    pub operating: super::operating::Operating,
    /// rosactl's dashboard, when there is one.
    pub dashboard: Option<String>,
}

/// The target `status` compares with: setup's, without an invoker (the permission is checked
/// on its own) and without the `rosa:version` tag (a newer rosactl's packages carry another
/// version: not drift).
pub fn status_target(mut desired: Desired) -> Desired {
    desired.invoker_arn = None;
    desired.retention = None;
    desired.log_kms_key_arn = None;
    for pkg in desired.packages.values_mut() {
        pkg.tags.remove(TAG_VERSION);
        pkg.resource_tags.remove(TAG_VERSION);
    }
    desired.bucket_tags.remove(TAG_VERSION);
    desired
}

fn code_state(pkg: &PackageTarget, o: &FunctionObserved, version: &str) -> CodeState {
    let code = o
        .version(version)
        .map(|v| v.code_sha256.clone())
        .unwrap_or_default();
    CodeState {
        version: version.to_string(),
        sha256: hex_sha256(&code),
        embedded: code == pkg.code_sha256,
        rosactl_code: plan::code_is_ours(pkg, o, &code),
    }
}

fn alias_status(
    pkg: &PackageTarget,
    o: &FunctionObserved,
    alias: &str,
    a: &AliasState,
) -> AliasStatus {
    AliasStatus {
        alias: alias.to_string(),
        code: code_state(pkg, o, &a.version),
        canary: a.canary().map(|(v, w)| CanaryState {
            code: code_state(pkg, o, v),
            percent: (w * 1000.0).round() / 10.0,
        }),
    }
}

/// What `$LATEST`'s configuration differs in.
fn configuration_drift(d: &Desired, pkg: &PackageTarget, o: &FunctionObserved) -> String {
    let Some(fs) = &o.function else {
        return String::new();
    };
    let spec = pkg.package.spec;
    let names = d.names(o.name);
    let mut parts = Vec::new();
    if fs.memory_mb != spec.memory_mb {
        parts.push(format!(
            "memory {} MB (expected {})",
            fs.memory_mb, spec.memory_mb
        ));
    }
    if fs.timeout_s != spec.timeout_s {
        parts.push(format!(
            "timeout {} s (expected {})",
            fs.timeout_s, spec.timeout_s
        ));
    }
    if fs.role != names.role_arn {
        parts.push(format!("role {} (expected {})", fs.role, names.role_arn));
    }
    if fs.runtime != d.runtime() {
        parts.push(format!("runtime {} (expected {})", fs.runtime, d.runtime()));
    }
    if fs.handler != rosa_lambda_packaging::BOOTSTRAP {
        parts.push(format!(
            "handler {} (expected {})",
            fs.handler,
            rosa_lambda_packaging::BOOTSTRAP
        ));
    }
    if fs.description != spec.description {
        parts.push("description changed".to_string());
    }
    if fs.tracing != pkg.tracing {
        parts.push(format!(
            "tracing {} (expected {})",
            plan::tracing_mode(fs.tracing),
            plan::tracing_mode(pkg.tracing)
        ));
    }
    parts.join(", ")
}

/// One setup step said as what is wrong; `None` when the step is not drift.
fn finding(d: &Desired, o: Option<&FunctionObserved>, step: &Step, bucket: &str) -> Option<String> {
    let names = o.map(|o| d.names(o.name));
    let role = names.map(|n| n.role_name.as_str()).unwrap_or_default();
    let log_group = names.map(|n| n.log_group.as_str()).unwrap_or_default();
    let pkg = o.and_then(|o| d.packages.get(o.name));
    Some(match &step.action {
        Action::UploadPackage | Action::PublishVersion => return None,
        Action::UpdateCode => {
            let (o, pkg) = (o?, pkg?);
            let code = o.function.as_ref()?.code_sha256.clone();
            if plan::code_is_ours(pkg, o, &code) {
                // A package of another rosactl on $LATEST: delivering ours is update-lambdas' job.
                return None;
            }
            format!(
                "$LATEST holds code rosactl did not deploy (sha256 {})",
                hex_sha256(&code)
            )
        }
        Action::CreateBucket => format!("artifact bucket {bucket} does not exist"),
        Action::EnforceOwnership => {
            format!("bucket {bucket}: object ownership is not bucket-owner-enforced")
        }
        Action::BlockPublicAccess => format!("bucket {bucket}: public access is not fully blocked"),
        Action::EncryptBucket => format!("bucket {bucket}: default encryption is off"),
        Action::EnableVersioning => format!("bucket {bucket}: versioning is off"),
        Action::PutBucketPolicy => {
            format!("bucket {bucket}: the bucket policy is not rosactl's TLS-only policy")
        }
        Action::TagBucket => format!("bucket {bucket}: tag rosa:managed-by is missing"),
        Action::CreateRole => format!("execution role {role} does not exist"),
        Action::UpdateTrustPolicy => {
            format!("role {role}: the trust policy is not lambda.amazonaws.com only")
        }
        Action::PutRolePolicy { .. } if o?.role.is_none() => return None,
        Action::PutRolePolicy { .. } => {
            format!("role {role}: the inline policy differs from the least-privilege policy")
        }
        Action::DeleteExtraPolicy { policy } => {
            format!("role {role}: inline policy {policy} was not written by rosactl")
        }
        Action::DetachPolicy { policy_arn } => {
            format!("role {role}: managed policy {policy_arn} is attached")
        }
        Action::TagRole { regions } => format!(
            "role {role}: tags differ from rosactl's and the account's, or do not record the regions it serves ({})",
            regions.listed()
        ),
        Action::PutRoleBoundary { policy_arn } => {
            format!("role {role}: the permissions boundary is not {policy_arn}")
        }
        Action::CreateLogGroup => format!("log group {log_group} does not exist"),
        Action::SetRetention { days, .. } => format!(
            "log group {log_group}: logs are kept {} days (at least {days} expected)",
            o?.log_group
                .as_ref()
                .and_then(|l| l.retention_days)
                .unwrap_or_default()
        ),
        Action::TagLogGroup => {
            format!("log group {log_group}: tags rosa:component / rosa:managed-by differ")
        }
        Action::CreateFunction => "the function does not exist".to_string(),
        Action::UpdateConfiguration => format!(
            "$LATEST configuration differs: {}",
            configuration_drift(d, pkg?, o?)
        ),
        Action::TagFunction => "tags rosa:component / rosa:managed-by differ".to_string(),
        Action::PutConcurrency { reserved } => match o?.function.as_ref()?.reserved_concurrency {
            Some(now) => {
                format!("reserved concurrency is {now} (the recorded choice is {reserved})")
            }
            None => format!("reserved concurrency is not set (the recorded choice is {reserved})"),
        },
        Action::PutAlarm { kind } => {
            let spec = pkg?.alarm(*kind)?;
            match o?.alarms.iter().any(|a| a.name == spec.name) {
                true => format!(
                    "alarm {} differs from rosactl's (metric, threshold or notification topic)",
                    spec.name
                ),
                false => format!("alarm {} does not exist", spec.name),
            }
        }
        Action::TagAlarm { kind } => format!(
            "alarm {}: tags differ from rosactl's",
            pkg?.alarm(*kind)?.name
        ),
        Action::DeleteAlarm { name } => format!(
            "alarm {name} exists, but this deployment's alarms are off (setup-account --alarms records them)"
        ),
        // Planned only when the dashboard is wanted.
        Action::PutDashboard => format!(
            "dashboard {} is missing or differs from rosactl's widgets",
            crate::deploy::dashboard::name(&d.account)
        ),
        Action::DeleteDashboard => format!(
            "dashboard {} exists, but this deployment's dashboard is off (setup-account --dashboard records it)",
            crate::deploy::dashboard::name(&d.account)
        ),
        Action::DeleteConcurrency => format!(
            "reserved concurrency is {} (none recorded: setup-account --reserved-concurrency sets it)",
            o?.function.as_ref()?.reserved_concurrency?
        ),
        Action::CreateAlias { alias, .. } => format!("alias {alias} does not exist"),
        Action::UpdateAlias { alias, .. } => {
            let (o, pkg) = (o?, pkg?);
            let a = o.aliases.get(alias)?;
            let gone: Vec<String> = std::iter::once(&a.version)
                .chain(a.weights.keys())
                .filter(|v| o.version(v).is_none())
                .map(|v| format!("version {v}"))
                .collect();
            if !gone.is_empty() {
                return Some(format!(
                    "alias {alias} points at {}, which does not exist (deleted outside rosactl)",
                    gone.join(" and ")
                ));
            }
            let foreign: Vec<String> = plan::foreign_alias_versions(pkg, o, a)
                .into_iter()
                .map(|(v, code)| format!("version {v} (sha256 {})", hex_sha256(&code)))
                .collect();
            format!(
                "alias {alias} sends traffic to code rosactl did not deploy: {}",
                foreign.join(", ")
            )
        }
        _ => step.summary.clone(),
    })
}

/// The account's status against `desired` (made by [`status_target`]); `observed` must
/// carry the alias history (what counts as rosactl's code).
pub fn status(desired: &Desired, observed: &Observed) -> Status {
    let bucket_name = &desired.account.bucket;
    let mut bucket_drift = Vec::new();
    let mut by_function: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    match plan::setup(desired, observed) {
        Ok(p) => {
            for stage in &p.stages {
                bucket_drift.extend(
                    stage
                        .bucket
                        .iter()
                        .filter_map(|s| finding(desired, None, s, bucket_name)),
                );
                for (name, steps) in &stage.functions {
                    let o = observed.function(name);
                    by_function.entry(name).or_default().extend(
                        steps
                            .iter()
                            .filter_map(|s| finding(desired, Some(o), s, bucket_name)),
                    );
                }
            }
        }
        // Resources with our names that are not ours: setup refuses them, status reports them.
        Err(e) => {
            for line in e.0 {
                match desired.selected.iter().find(|n| line.contains(*n)) {
                    Some(n) => by_function.entry(n).or_default().push(line),
                    None => bucket_drift.push(line),
                }
            }
        }
    }
    let functions: Vec<FunctionStatus> = desired
        .selected
        .iter()
        .map(|&name| {
            let o = observed.function(name);
            let pkg = &desired.packages[name];
            let mut drift = by_function.remove(name).unwrap_or_default();
            if o.function.is_some() && o.aliases.contains_key(PROD) && o.permission.is_none() {
                drift.push(format!(
                    "alias {PROD}: the platform's invoke permission is missing"
                ));
            }
            FunctionStatus {
                function_name: desired.names(name).function_name.clone(),
                deployed: o.function.is_some(),
                embedded_version: pkg.package.manifest.version.clone(),
                embedded_sha256: pkg.package.manifest.sha256.clone(),
                latest: o.function.as_ref().map(|f| LatestStatus {
                    sha256: hex_sha256(&f.code_sha256),
                    rosactl_code: plan::code_is_ours(pkg, o, &f.code_sha256),
                    memory_mb: f.memory_mb,
                    timeout_s: f.timeout_s,
                    runtime: f.runtime.clone(),
                }),
                aliases: o
                    .aliases
                    .iter()
                    .map(|(alias, a)| alias_status(pkg, o, alias, a))
                    .collect(),
                invoker: o.permission.as_ref().map(|p| p.principal.clone()),
                log_group: o.log_group.is_some(),
                log_retention_days: o.log_group.as_ref().and_then(|l| l.retention_days),
                tracing: o.function.as_ref().map(|f| plan::tracing_mode(f.tracing)),
                reserved_concurrency: o.function.as_ref().and_then(|f| f.reserved_concurrency),
                alarms: o
                    .alarms
                    .iter()
                    .filter(|a| plan::managed(&a.tags))
                    .map(|a| AlarmStatus {
                        name: a.name.clone(),
                        state: a.state.clone(),
                    })
                    .collect(),
                drift,
                warnings: o.foreign_access.clone(),
            }
        })
        .collect();
    let set_up = observed.bucket.exists
        || observed
            .functions
            .iter()
            .any(|f| f.function.is_some() || f.role.is_some());
    let drift_count = bucket_drift.len() + functions.iter().map(|f| f.drift.len()).sum::<usize>();
    Status {
        rules: desired.account.rules.clone(),
        operating: desired.account.rules.operating.clone(),
        dashboard: observed
            .dashboard
            .as_ref()
            .filter(|b| super::dashboard::is_ours(b))
            .map(|_| super::dashboard::name(&desired.account)),
        set_up,
        in_sync: drift_count == 0,
        drift_count,
        bucket: BucketStatus {
            name: bucket_name.clone(),
            exists: observed.bucket.exists,
            drift: bucket_drift,
        },
        functions,
    }
}
