//! The plan: a pure diff of desired and observed state into stages of ordered, typed steps.
//! Nothing here talks to AWS, so every decision is unit-tested.

use std::collections::BTreeMap;

use serde::Serialize;

use super::desired::{AliasGoal, Desired, PackageTarget};
use super::history::{self, MoveKind};
use super::names::{self, MANAGED_BY, PROD, STATEMENT_ID, TAG_MANAGED_BY};
use super::observed::{AliasState, FunctionObserved, Observed};

/// Where an alias step points: a version that exists, or the one this run publishes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AliasTarget {
    Version(String),
    /// The version published earlier in the same run (its number is not known before).
    Published,
}

impl std::fmt::Display for AliasTarget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AliasTarget::Version(v) => write!(f, "version {v}"),
            AliasTarget::Published => f.write_str("the version this run publishes"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Action {
    CreateBucket,
    /// Object ownership `BucketOwnerEnforced`: ACLs off, every object the bucket owner's.
    EnforceOwnership,
    BlockPublicAccess,
    EncryptBucket,
    EnableVersioning,
    PutBucketPolicy,
    TagBucket,
    UploadPackage,
    CreateRole,
    UpdateTrustPolicy,
    PutRolePolicy,
    /// An inline policy rosactl did not write: it widens the function's privileges.
    DeleteExtraPolicy {
        policy: String,
    },
    /// A managed policy attached by someone else: it widens the function's privileges.
    DetachPolicy {
        policy_arn: String,
    },
    TagRole,
    /// Set the account's permissions boundary on the role.
    PutRoleBoundary {
        policy_arn: String,
    },
    CreateLogGroup,
    SetRetention {
        days: i32,
        /// Also removes the `rosa:retention-pending` tag the log group was created with: until
        /// then, a missing retention is a run stopped halfway, not the customer's choice.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        clear_pending: bool,
    },
    /// Logs never expire (the customer asked for it).
    DeleteRetention,
    /// Encrypt the log group with the customer's KMS key.
    AssociateKmsKey {
        key: String,
    },
    TagLogGroup,
    CreateFunction,
    UpdateCode,
    UpdateConfiguration,
    TagFunction,
    PublishVersion,
    CreateAlias {
        alias: String,
        target: AliasTarget,
    },
    /// Moves an alias and records the move in the account's history.
    UpdateAlias {
        alias: String,
        /// Where the alias was when the plan was made (version and weights).
        from_version: String,
        from_weights: BTreeMap<String, f64>,
        target: AliasTarget,
        /// Routing weights after the move; empty for no canary.
        weights: BTreeMap<String, f64>,
        kind: MoveKind,
        /// The history record this move undoes (rollbacks).
        #[serde(skip_serializing_if = "Option::is_none")]
        undoes: Option<String>,
    },
    /// Writes the history record of a move a run made and was stopped before recording: the
    /// alias is where this command wants it, its history ends elsewhere (or is empty).
    RecordMove {
        alias: String,
        kind: MoveKind,
        from_version: Option<String>,
        from_weights: BTreeMap<String, f64>,
        to_version: String,
        to_weights: BTreeMap<String, f64>,
        /// For a rollback's record: the record of the move it undid.
        undoes: Option<String>,
    },
    RemovePermission,
    AddPermission {
        principal: String,
    },
    DeleteFunction,
    /// A published version nothing references (`versions --keep`).
    DeleteVersion {
        version: String,
    },
    DeleteRole,
    DeleteLogGroup,
    EmptyBucket,
    DeleteBucket,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    /// The function the step belongs to; `None` for the shared artifact bucket.
    pub function: Option<&'static str>,
    #[serde(flatten)]
    pub action: Action,
    /// What the step does, for people.
    pub summary: String,
}

/// What happens to the other functions when one function's step fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Policy {
    /// The other functions go on (setup, update): each is independent.
    KeepGoing,
    /// The aliases already moved by this stage are put back (promote, rollback).
    AllOrNothing,
}

/// Checked before a stage runs; a failed gate stops the run before the stage changes anything.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "gate", rename_all = "snake_case")]
pub enum Gate {
    /// Invoke each function's qualifier (alias or version) with the side-effect-free check
    /// payload; any function error refuses the stage.
    Check {
        qualifiers: BTreeMap<&'static str, String>,
    },
    /// Wait this long (a canary's bake time), then check the qualifiers.
    Bake {
        seconds: u64,
        qualifiers: BTreeMap<&'static str, String>,
    },
}

#[derive(Debug, Clone, Serialize)]
pub struct Stage {
    pub name: &'static str,
    pub policy: Policy,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub gate: Option<Gate>,
    /// Steps on the shared bucket, run before the stage's function steps.
    pub bucket: Vec<Step>,
    /// Each function's steps, in order; functions run in parallel.
    pub functions: Vec<(&'static str, Vec<Step>)>,
}

impl Stage {
    pub fn new(name: &'static str, policy: Policy) -> Self {
        Stage {
            name,
            policy,
            gate: None,
            bucket: Vec::new(),
            functions: Vec::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.bucket.len() + self.functions.iter().map(|(_, s)| s.len()).sum::<usize>()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Functions with at least one step.
    pub fn busy(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.functions
            .iter()
            .filter(|(_, s)| !s.is_empty())
            .map(|(n, _)| *n)
    }
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Plan {
    pub stages: Vec<Stage>,
    /// Things noticed and deliberately left alone.
    pub notes: Vec<String>,
}

impl Plan {
    pub fn len(&self) -> usize {
        self.stages.iter().map(Stage::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every step, in the order they would run if run one by one.
    pub fn steps(&self) -> Vec<&Step> {
        self.stages
            .iter()
            .flat_map(|s| {
                s.bucket
                    .iter()
                    .chain(s.functions.iter().flat_map(|(_, steps)| steps.iter()))
            })
            .collect()
    }

    /// Functions that have a step in any stage.
    pub fn changed_functions(&self) -> Vec<&'static str> {
        let mut names: Vec<&'static str> = Vec::new();
        for stage in &self.stages {
            for n in stage.busy() {
                if !names.contains(&n) {
                    names.push(n);
                }
            }
        }
        names
    }
}

/// Why a plan cannot be made (each line names a function and what to do).
#[derive(Debug, Clone)]
pub struct PlanError(pub Vec<String>);

impl std::fmt::Display for PlanError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.join("\n"))
    }
}

impl std::error::Error for PlanError {}

fn has_tags(observed: &BTreeMap<String, String>, wanted: &BTreeMap<String, String>) -> bool {
    wanted.iter().all(|(k, v)| observed.get(k) == Some(v))
}

fn managed(tags: &BTreeMap<String, String>) -> bool {
    tags.get(TAG_MANAGED_BY).map(String::as_str) == Some(MANAGED_BY)
}

/// Collects one function's steps.
struct Steps {
    name: &'static str,
    steps: Vec<Step>,
}

impl Steps {
    fn new(name: &'static str) -> Self {
        Steps {
            name,
            steps: Vec::new(),
        }
    }

    fn push(&mut self, action: Action, summary: String) {
        self.steps.push(Step {
            function: Some(self.name),
            action,
            summary,
        });
    }
}

/// `setup-account`: create or repair everything; aliases are created where missing and
/// never moved (moving them is update/promote/rollback's job).
pub fn setup(desired: &Desired, observed: &Observed) -> Result<Plan, PlanError> {
    let foreign = not_ours(desired, observed, true);
    if !foreign.is_empty() {
        return Err(PlanError(foreign));
    }
    let mut plan = Plan::default();
    let mut bucket_stage = Stage::new("artifact bucket", Policy::KeepGoing);
    bucket_stage.bucket = bucket_steps(desired, observed);
    let mut functions = Stage::new("functions", Policy::KeepGoing);
    let mut errors = Vec::new();
    for &name in &desired.selected {
        let o = observed.function(name);
        let pkg = &desired.packages[name];
        let mut steps = Steps::new(name);
        let names = desired.names(name);
        if let Some(role) = &o.role
            && role.arn != names.role_arn
        {
            errors.push(format!(
                "{name}: role {} exists as {}, not under this deployment's role path {}: IAM cannot move a role; pass the role path it has (--role-path), or run cleanup-account first",
                names.role_name, role.arn, desired.account.rules.role_path
            ));
        }
        setup_role_and_logs(desired, pkg, o, &mut steps);
        let embedded = code_steps(desired, pkg, o, &mut steps);
        if let Err(e) = alias_steps(desired, Some(pkg), embedded, o, &mut steps, &mut plan.notes) {
            errors.push(e);
        }
        permission_steps(desired, o, &mut steps);
        for access in &o.foreign_access {
            plan.notes.push(format!(
                "{access}; the platform's only access is {STATEMENT_ID} on {name}:{PROD}: remove it if you did not mean it (rosactl leaves it alone)"
            ));
        }
        functions.functions.push((name, steps.steps));
    }
    if !errors.is_empty() {
        return Err(PlanError(errors));
    }
    plan.stages = vec![bucket_stage, functions];
    Ok(plan)
}

/// Resources with one of our names but without our `rosa:managed-by` tag: someone else's.
/// rosactl never adopts them (with `everything`: roles, log groups and the bucket too, else
/// the functions only).
fn not_ours(desired: &Desired, observed: &Observed, everything: bool) -> Vec<String> {
    let how = "rosactl does not adopt what it did not create. Delete or rename it; if an interrupted rosactl run created it, tag it rosa:managed-by=rosactl";
    let mut found = Vec::new();
    let mut check = |exists: bool, tags: Option<&BTreeMap<String, String>>, what: String| {
        if exists && !tags.is_some_and(managed) {
            found.push(format!(
                "{what} exists but is not tagged {TAG_MANAGED_BY}={MANAGED_BY}: {how}"
            ));
        }
    };
    if everything {
        let b = &observed.bucket;
        check(
            b.exists,
            Some(&b.tags),
            format!("bucket {}", desired.account.bucket),
        );
    }
    for &name in &desired.selected {
        let o = observed.function(name);
        let names = desired.names(name);
        check(
            o.function.is_some(),
            o.function.as_ref().map(|f| &f.tags),
            format!("function {}", names.function_name),
        );
        if everything {
            check(
                o.role.is_some(),
                o.role.as_ref().map(|r| &r.tags),
                format!("role {}", names.role_name),
            );
            check(
                o.log_group.is_some(),
                o.log_group.as_ref().map(|l| &l.tags),
                format!("log group {}", names.log_group),
            );
        }
    }
    found
}

fn bucket_steps(desired: &Desired, observed: &Observed) -> Vec<Step> {
    let b = &observed.bucket;
    let name = &desired.account.bucket;
    let mut steps = Vec::new();
    let mut step = |action: Action, summary: String| {
        steps.push(Step {
            function: None,
            action,
            summary,
        })
    };
    if !b.exists {
        step(
            Action::CreateBucket,
            format!(
                "create artifact bucket {name} (owner-enforced, tagged {TAG_MANAGED_BY}={MANAGED_BY})"
            ),
        );
    }
    if b.exists && !b.owner_enforced {
        step(
            Action::EnforceOwnership,
            format!("set object ownership of {name} to bucket-owner-enforced (ACLs disabled)"),
        );
    }
    if !b.public_access_blocked {
        step(
            Action::BlockPublicAccess,
            format!("block public access to {name}"),
        );
    }
    if !b.encrypted {
        step(
            Action::EncryptBucket,
            format!("enable default encryption (SSE-S3) on {name}"),
        );
    }
    if !b.versioning {
        step(
            Action::EnableVersioning,
            format!("enable versioning on {name}"),
        );
    }
    if !b
        .policy
        .as_ref()
        .is_some_and(|p| names::same_policy(p, &desired.bucket_policy))
    {
        step(
            Action::PutBucketPolicy,
            format!("set the TLS-only bucket policy on {name}"),
        );
    }
    if b.exists && !has_tags(&b.tags, &desired.bucket_tags) {
        step(Action::TagBucket, format!("tag {name}"));
    }
    steps
}

fn setup_role_and_logs(d: &Desired, pkg: &PackageTarget, o: &FunctionObserved, steps: &mut Steps) {
    let names = d.names(o.name);
    let role_name = &names.role_name;
    match &o.role {
        None => {
            steps.push(
                Action::CreateRole,
                format!("create execution role {role_name}"),
            );
            steps.push(
                Action::PutRolePolicy,
                format!("attach the least-privilege policy to {role_name}"),
            );
        }
        Some(role) => {
            if !role
                .trust
                .as_ref()
                .is_some_and(|t| names::same_policy(t, &pkg.trust_policy))
            {
                steps.push(
                    Action::UpdateTrustPolicy,
                    format!("reset the trust policy of {role_name} to lambda.amazonaws.com"),
                );
            }
            if !role
                .policy
                .as_ref()
                .is_some_and(|p| names::same_policy(p, &pkg.execution_policy))
            {
                steps.push(
                    Action::PutRolePolicy,
                    format!("set the least-privilege policy of {role_name}"),
                );
            }
            for policy in &role.other_inline {
                steps.push(
                    Action::DeleteExtraPolicy {
                        policy: policy.clone(),
                    },
                    format!(
                        "remove inline policy {policy} from {role_name}: rosactl did not write it, and it widens what the function may do"
                    ),
                );
            }
            for arn in &role.attached {
                steps.push(
                    Action::DetachPolicy {
                        policy_arn: arn.clone(),
                    },
                    format!(
                        "detach {arn} from {role_name}: rosactl did not attach it, and it widens what the function may do"
                    ),
                );
            }
            if !has_tags(&role.tags, &pkg.tags) {
                steps.push(Action::TagRole, format!("tag role {role_name}"));
            }
            if let Some(boundary) = &d.account.rules.permissions_boundary
                && role.boundary.as_ref() != Some(boundary)
            {
                steps.push(
                    Action::PutRoleBoundary {
                        policy_arn: boundary.clone(),
                    },
                    format!("set permissions boundary {boundary} on {role_name}"),
                );
            }
        }
    }

    let retention = d
        .retention
        .unwrap_or(names::Retention::Days(names::MIN_RETENTION_DAYS));
    let log_group = &names.log_group;
    let retention_step = |steps: &mut Steps, clear_pending: bool| match retention {
        names::Retention::Days(days) => steps.push(
            Action::SetRetention {
                days,
                clear_pending,
            },
            format!("keep {log_group} logs for {days} days"),
        ),
        names::Retention::Never => steps.push(
            Action::DeleteRetention,
            format!("keep {log_group} logs forever (no expiry)"),
        ),
    };
    match &o.log_group {
        None => {
            steps.push(
                Action::CreateLogGroup,
                format!(
                    "create log group {log_group}{}",
                    d.log_kms_key_arn
                        .as_ref()
                        .map(|k| format!(" encrypted with {k}"))
                        .unwrap_or_default()
                ),
            );
            if retention != names::Retention::Never {
                retention_step(steps, true);
            }
        }
        Some(lg) => {
            // A longer retention (or none) set by the customer is compliant: never shortened.
            // Not so while the group still carries the mark of a run stopped between creating
            // it and setting its retention.
            let pending = lg.tags.contains_key(names::RETENTION_PENDING_TAG);
            if pending && retention != names::Retention::Never {
                retention_step(steps, true);
            } else if !retention.satisfied_by(lg.retention_days) {
                retention_step(steps, false);
            }
            if let Some(key) = &d.log_kms_key_arn {
                if lg.kms_key_id.as_deref() != Some(key.as_str()) {
                    steps.push(
                        Action::AssociateKmsKey { key: key.clone() },
                        format!("encrypt log group {log_group} with {key}"),
                    );
                }
            }
            if !has_tags(&lg.tags, &pkg.tags) {
                steps.push(Action::TagLogGroup, format!("tag log group {log_group}"));
            }
        }
    }
}

/// The newest published version that holds the embedded package with its configuration.
pub fn embedded_version(pkg: &PackageTarget, o: &FunctionObserved) -> Option<String> {
    o.versions
        .iter()
        .rev()
        .find(|v| {
            v.code_sha256 == pkg.code_sha256
                && v.memory_mb == pkg.package.spec.memory_mb
                && v.timeout_s == pkg.package.spec.timeout_s
                && v.description == pkg.version_description
        })
        .map(|v| v.version.clone())
}

/// The record a stopped run owes the history: the alias `a` is where the command wants it,
/// but the newest record of `alias` ends elsewhere (the run moved it and was stopped before
/// writing), or there is none (it created it and was stopped). `None` when the history agrees
/// or was not read.
fn unrecorded(o: &FunctionObserved, alias: &str, a: &AliasState, kind: MoveKind) -> Option<Action> {
    if !o.history_read {
        return None;
    }
    let last = o.history.iter().rev().find(|r| r.alias == alias);
    let (kind, from_version, from_weights) = match last {
        None => (MoveKind::Create, None, BTreeMap::new()),
        Some(r)
            if r.to_version == a.version
                && super::observed::same_weights(&r.to_weights, &a.weights) =>
        {
            return None;
        }
        Some(r) => (kind, Some(r.to_version.clone()), r.to_weights.clone()),
    };
    Some(Action::RecordMove {
        alias: alias.to_string(),
        kind,
        from_version,
        from_weights,
        to_version: a.version.clone(),
        to_weights: a.weights.clone(),
        undoes: None,
    })
}

fn record_summary(shown: &str, action: &Action) -> String {
    match action {
        Action::RecordMove {
            alias, to_version, ..
        } => format!(
            "record in the history that {shown}:{alias} was moved to version {to_version} (a run was stopped before it wrote the record)"
        ),
        _ => String::new(),
    }
}

/// Whether `code` (a `CodeSha256`) is rosactl's: the embedded package, or code that a move
/// recorded in the account's history went to (what this or an earlier rosactl deployed).
/// Anything else was put there behind rosactl's back.
pub fn code_is_ours(pkg: &PackageTarget, o: &FunctionObserved, code: &str) -> bool {
    !code.is_empty() && (code == pkg.code_sha256 || o.history.iter().any(|r| r.code_sha256 == code))
}

/// Versions an alias sends traffic to (its primary version and a canary's) whose code is not
/// rosactl's, with that code.
pub fn foreign_alias_versions(
    pkg: &PackageTarget,
    o: &FunctionObserved,
    a: &AliasState,
) -> Vec<(String, String)> {
    std::iter::once(&a.version)
        .chain(a.weights.keys())
        .filter_map(|v| {
            let code = o
                .version(v)
                .map(|s| s.code_sha256.clone())
                .unwrap_or_default();
            (!code_is_ours(pkg, o, &code)).then(|| (v.clone(), code))
        })
        .collect()
}

/// `$LATEST`'s code, configuration and tags, and a published version holding the embedded
/// package. Returns that version when it exists already (`None`: this run publishes it).
fn code_steps(
    d: &Desired,
    pkg: &PackageTarget,
    o: &FunctionObserved,
    steps: &mut Steps,
) -> Option<String> {
    let name = o.name;
    // In messages: the function's name in AWS (the account's prefix included).
    let shown = d.names(name).function_name.as_str();
    let names = d.names(name);
    let spec = pkg.package.spec;
    let embedded = embedded_version(pkg, o);
    let needs_code = match &o.function {
        None => true,
        // Code nobody published through rosactl is replaced even when the embedded version
        // exists already: `$LATEST` is what the next version is published from.
        Some(fs) => {
            fs.code_sha256 != pkg.code_sha256
                && (embedded.is_none() || !code_is_ours(pkg, o, &fs.code_sha256))
        }
    };
    if needs_code && !o.package_uploaded {
        steps.push(
            Action::UploadPackage,
            format!(
                "upload the package to s3://{}/{}",
                d.account.bucket, pkg.object_key
            ),
        );
    }
    match &o.function {
        None => steps.push(
            Action::CreateFunction,
            format!(
                "create function {shown} ({} MB, {} s)",
                spec.memory_mb, spec.timeout_s
            ),
        ),
        Some(fs) => {
            if needs_code {
                steps.push(
                    Action::UpdateCode,
                    format!(
                        "update the code of {shown} to the embedded package {}",
                        pkg.package.manifest.version
                    ),
                );
            }
            if fs.memory_mb != spec.memory_mb
                || fs.timeout_s != spec.timeout_s
                || fs.role != names.role_arn
                || fs.runtime != d.runtime()
                || fs.handler != rosa_lambda_packaging::BOOTSTRAP
                || fs.description != spec.description
            {
                steps.push(
                    Action::UpdateConfiguration,
                    format!(
                        "reset the configuration of {shown} ({} MB, {} s, role {})",
                        spec.memory_mb, spec.timeout_s, names.role_name
                    ),
                );
            }
            if !has_tags(&fs.tags, &pkg.tags) {
                steps.push(Action::TagFunction, format!("tag function {shown}"));
            }
        }
    }
    if embedded.is_none() {
        steps.push(
            Action::PublishVersion,
            format!(
                "publish a version of {shown} with package {} (CodeSha256 checked against the manifest)",
                pkg.package.manifest.version
            ),
        );
    }
    embedded
}

fn weights_text(weights: &BTreeMap<String, f64>) -> String {
    weights
        .iter()
        .map(|(v, w)| format!("{}% to version {v}", (w * 100.0).round()))
        .collect::<Vec<_>>()
        .join(", ")
}

fn describe_alias(a: &AliasState) -> String {
    if a.weights.is_empty() {
        format!("version {}", a.version)
    } else {
        format!("version {} ({})", a.version, weights_text(&a.weights))
    }
}

/// Steps for the alias goals of one function. `embedded` is the version holding the
/// embedded package when it exists already (else the run publishes it).
fn alias_steps(
    d: &Desired,
    pkg: Option<&PackageTarget>,
    embedded: Option<String>,
    o: &FunctionObserved,
    steps: &mut Steps,
    notes: &mut Vec<String>,
) -> Result<(), String> {
    let name = o.name;
    // In messages: the function's name in AWS (the account's prefix included).
    let shown = d.names(name).function_name.as_str();
    let Some(goals) = d.aliases.get(name) else {
        return Ok(());
    };
    let versions = || {
        let list: Vec<&str> = o.versions.iter().map(|v| v.version.as_str()).collect();
        if list.is_empty() {
            "none".to_string()
        } else {
            list.join(", ")
        }
    };
    let mut errors = Vec::new();
    for (alias, goal) in goals {
        let current = o.aliases.get(alias);
        let move_to = |steps: &mut Steps,
                       target: AliasTarget,
                       weights: BTreeMap<String, f64>,
                       kind: MoveKind,
                       undoes: Option<String>,
                       summary: String| {
            let from = current.cloned().unwrap_or_default();
            steps.push(
                Action::UpdateAlias {
                    alias: alias.clone(),
                    from_version: from.version,
                    from_weights: from.weights,
                    target,
                    weights,
                    kind,
                    undoes,
                },
                summary,
            );
        };
        match goal {
            AliasGoal::Embedded { move_existing } => {
                let pkg = pkg.expect("an Embedded goal comes with a package");
                let target = embedded
                    .clone()
                    .map_or(AliasTarget::Published, AliasTarget::Version);
                match current {
                    None => steps.push(
                        Action::CreateAlias {
                            alias: alias.clone(),
                            target: target.clone(),
                        },
                        format!("point alias {shown}:{alias} at {target}"),
                    ),
                    Some(a) => {
                        let runs_embedded = o
                            .version(&a.version)
                            .is_some_and(|v| v.code_sha256 == pkg.code_sha256);
                        if runs_embedded && a.weights.is_empty() {
                            let kind = if *move_existing {
                                MoveKind::Update
                            } else {
                                MoveKind::Create
                            };
                            if let Some(action) = unrecorded(o, alias, a, kind) {
                                let summary = record_summary(shown, &action);
                                steps.push(action, summary);
                            }
                            continue;
                        }
                        let foreign = foreign_alias_versions(pkg, o, a);
                        if !*move_existing && !foreign.is_empty() {
                            // Code rosactl never deployed behind an alias the platform may
                            // invoke: repaired, like any other drift (and recorded).
                            let list: Vec<String> = foreign
                                .iter()
                                .map(|(v, _)| format!("version {v}"))
                                .collect();
                            move_to(
                                steps,
                                target.clone(),
                                BTreeMap::new(),
                                MoveKind::Repair,
                                None,
                                format!(
                                    "move alias {shown}:{alias} from {} to {target} (package {}): {} holds code rosactl did not deploy",
                                    describe_alias(a),
                                    pkg.package.manifest.version,
                                    list.join(" and ")
                                ),
                            );
                            continue;
                        }
                        if *move_existing {
                            move_to(
                                steps,
                                target.clone(),
                                BTreeMap::new(),
                                MoveKind::Update,
                                None,
                                format!(
                                    "move alias {shown}:{alias} from {} to {target} (package {})",
                                    describe_alias(a),
                                    pkg.package.manifest.version
                                ),
                            );
                        } else if alias == PROD {
                            notes.push(format!(
                                "{shown}:{alias} runs {}, not the embedded package {}; setup-account never moves aliases: release it with `rosactl update-lambdas` (staging), then `rosactl promote-lambdas --from staging --to prod`",
                                describe_alias(a),
                                pkg.package.manifest.version
                            ));
                        } else {
                            notes.push(format!(
                                "{shown}:{alias} runs {}, not the embedded package {}; setup-account never moves aliases: `rosactl update-lambdas --alias {alias}` does",
                                describe_alias(a),
                                pkg.package.manifest.version
                            ));
                        }
                    }
                }
            }
            AliasGoal::Follow { alias: source } => {
                let (Some(src), Some(a)) = (o.aliases.get(source), current) else {
                    errors.push(missing_alias(name, source, alias, o));
                    continue;
                };
                if a.version == src.version && a.weights.is_empty() {
                    if let Some(action) = unrecorded(o, alias, a, MoveKind::Promote) {
                        let summary = record_summary(shown, &action);
                        steps.push(action, summary);
                    }
                    continue;
                }
                move_to(
                    steps,
                    AliasTarget::Version(src.version.clone()),
                    BTreeMap::new(),
                    MoveKind::Promote,
                    None,
                    format!(
                        "move alias {shown}:{alias} from {} to version {} (what {source} runs)",
                        describe_alias(a),
                        src.version
                    ),
                );
            }
            AliasGoal::Canary {
                alias: source,
                percent,
            } => {
                let (Some(src), Some(a)) = (o.aliases.get(source), current) else {
                    errors.push(missing_alias(name, source, alias, o));
                    continue;
                };
                let weight = f64::from(*percent) / 100.0;
                let wanted = BTreeMap::from([(src.version.clone(), weight)]);
                if a.version == src.version {
                    notes.push(format!(
                        "{shown}:{alias} already runs version {} ({source}'s version): nothing to canary",
                        src.version
                    ));
                    continue;
                }
                if a.weights == wanted {
                    if let Some(action) = unrecorded(o, alias, a, MoveKind::Canary) {
                        let summary = record_summary(shown, &action);
                        steps.push(action, summary);
                    }
                    continue;
                }
                move_to(
                    steps,
                    AliasTarget::Version(a.version.clone()),
                    wanted,
                    MoveKind::Canary,
                    None,
                    format!(
                        "keep {shown}:{alias} on version {} and send {percent}% to version {} (what {source} runs)",
                        a.version, src.version
                    ),
                );
            }
            AliasGoal::FinishCanary => {
                let Some(a) = current else {
                    errors.push(format!(
                        "{shown}:{alias} does not exist: run `rosactl setup-account` first"
                    ));
                    continue;
                };
                let Some((canary, _)) = a.canary() else {
                    notes.push(format!(
                        "{shown}:{alias} has no canary in progress (it runs {}): nothing to finish",
                        describe_alias(a)
                    ));
                    continue;
                };
                move_to(
                    steps,
                    AliasTarget::Version(canary.to_string()),
                    BTreeMap::new(),
                    MoveKind::Finish,
                    None,
                    format!(
                        "finish the canary: move {shown}:{alias} from {} to version {canary}",
                        describe_alias(a)
                    ),
                );
            }
            AliasGoal::Rollback { to_version } => {
                let Some(a) = current else {
                    errors.push(format!(
                        "{shown}:{alias} does not exist: nothing to roll back"
                    ));
                    continue;
                };
                let last = history::last_undoable(&o.history, alias);
                let target = history::rollback_target(&o.history, alias, &a.version);
                if let Some(v) = to_version {
                    if o.version(v).is_none() {
                        errors.push(format!(
                            "--to-version: {shown} has no version {v} (published versions: {})",
                            versions()
                        ));
                        continue;
                    }
                    if &a.version == v && a.weights.is_empty() {
                        continue;
                    }
                    move_to(
                        steps,
                        AliasTarget::Version(v.clone()),
                        BTreeMap::new(),
                        MoveKind::Rollback,
                        None,
                        format!(
                            "roll {shown}:{alias} back from {} to version {v} (asked for)",
                            describe_alias(a)
                        ),
                    );
                    continue;
                }
                if let Some((canary, _)) = a.canary() {
                    // Abort the canary: all traffic back to the primary version.
                    let undoes = last
                        .filter(|r| r.kind == MoveKind::Canary && r.to_version == a.version)
                        .map(|r| r.id.clone());
                    move_to(
                        steps,
                        AliasTarget::Version(a.version.clone()),
                        BTreeMap::new(),
                        MoveKind::Rollback,
                        undoes,
                        format!(
                            "abort the canary of {shown}:{alias}: all traffic back to version {} (none to version {canary})",
                            a.version
                        ),
                    );
                    continue;
                }
                let Some(record) = target else {
                    errors.push(format!(
                        "{shown}:{alias} (version {}): no earlier version is recorded in this account's history; pass --to-version N to choose one (published versions: {})",
                        a.version,
                        versions()
                    ));
                    continue;
                };
                if record.to_version != a.version
                    && a.weights.is_empty()
                    && record.kind != MoveKind::Repair
                    && record.from_version.as_deref() == Some(a.version.as_str())
                {
                    // Back where it was before the last recorded move, with no record of
                    // it: a rollback was stopped between its move and its record. Write the
                    // record it owed (as the promote planner does for a promotion; a move by
                    // hand to exactly that version is recorded the same way).
                    let action = Action::RecordMove {
                        alias: alias.clone(),
                        kind: MoveKind::Rollback,
                        from_version: Some(record.to_version.clone()),
                        from_weights: record.to_weights.clone(),
                        to_version: a.version.clone(),
                        to_weights: BTreeMap::new(),
                        undoes: Some(record.id.clone()),
                    };
                    let summary = record_summary(shown, &action);
                    steps.push(action, summary);
                    continue;
                }
                if record.to_version != a.version {
                    errors.push(format!(
                        "{shown}:{alias} runs version {}, but its last recorded move ({}, {}) went to version {}: it was moved outside rosactl; pass --to-version N to choose the version (published versions: {})",
                        a.version,
                        record.id,
                        record.time,
                        record.to_version,
                        versions()
                    ));
                    continue;
                }
                if record.kind == MoveKind::Repair {
                    errors.push(format!(
                        "{shown}:{alias}: its last recorded move ({}, {}) was setup-account repairing version {}, code rosactl did not deploy; rosactl does not roll back to it: pass --to-version N to choose a version (published versions: {})",
                        record.id,
                        record.time,
                        record.from_version.as_deref().unwrap_or("-"),
                        versions()
                    ));
                    continue;
                }
                let Some(previous) = record.from_version.clone() else {
                    errors.push(format!(
                        "{shown}:{alias} has had version {} since it was created: no earlier version to roll back to; pass --to-version N (published versions: {})",
                        a.version,
                        versions()
                    ));
                    continue;
                };
                // The version rolled back to must still hold the code the history recorded
                // for it: a record and a version that disagree were changed outside rosactl.
                let actual = o.version(&previous).map(|v| v.code_sha256.as_str());
                let recorded = o
                    .history
                    .iter()
                    .rev()
                    .filter(|r| r.to_version == previous && !r.code_sha256.is_empty())
                    .map(|r| r.code_sha256.as_str())
                    .find(|code| Some(*code) != actual);
                match (recorded, o.version(&previous)) {
                    (_, None) => {
                        errors.push(format!(
                            "{shown}:{alias}: version {previous}, where it was before its last move, does not exist any more (deleted outside rosactl); pass --to-version N (published versions: {})",
                            versions()
                        ));
                        continue;
                    }
                    (Some(code), Some(v)) if code != v.code_sha256 => {
                        errors.push(format!(
                            "{shown}:{alias}: the history records version {previous} with code sha256 {}, but Lambda answers {} for it: the record or the version was changed outside rosactl, so rosactl does not roll back to it; pass --to-version N to choose a version knowingly (published versions: {})",
                            super::drift::hex_sha256(code),
                            super::drift::hex_sha256(&v.code_sha256),
                            versions()
                        ));
                        continue;
                    }
                    _ => {}
                }
                move_to(
                    steps,
                    AliasTarget::Version(previous.clone()),
                    BTreeMap::new(),
                    MoveKind::Rollback,
                    Some(record.id.clone()),
                    format!(
                        "roll {shown}:{alias} back from {} to version {previous} (before the {:?} of {})",
                        describe_alias(a),
                        record.kind,
                        record.time
                    ),
                );
            }
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("\n"))
    }
}

fn missing_alias(name: &str, source: &str, alias: &str, o: &FunctionObserved) -> String {
    if o.function.is_none() {
        format!("{name} does not exist in this account: run `rosactl setup-account` first")
    } else {
        let missing = if o.aliases.contains_key(source) {
            alias
        } else {
            source
        };
        format!(
            "{name}:{missing} does not exist: run `rosactl setup-account` (it creates the prod and staging aliases)"
        )
    }
}

fn permission_steps(d: &Desired, o: &FunctionObserved, steps: &mut Steps) {
    let Some(invoker) = &d.invoker_arn else {
        return;
    };
    let name = o.name;
    // In messages: the function's name in AWS (the account's prefix included).
    let shown = d.names(name).function_name.as_str();
    match &o.permission {
        Some(p) if &p.principal == invoker => {}
        Some(p) => {
            steps.push(
                Action::RemovePermission,
                format!(
                    "remove the invoke permission of {shown}:{PROD} for {}",
                    p.principal
                ),
            );
            steps.push(
                Action::AddPermission {
                    principal: invoker.clone(),
                },
                format!("allow only {invoker} to invoke {shown}:{PROD}"),
            );
        }
        None => steps.push(
            Action::AddPermission {
                principal: invoker.clone(),
            },
            format!("allow only {invoker} to invoke {shown}:{PROD}"),
        ),
    }
}

/// `update-lambdas`: the embedded package on `$LATEST` (with its configuration repaired), a
/// version published for it, and the desired alias moved there. Functions are independent.
pub fn update(desired: &Desired, observed: &Observed) -> Result<Plan, PlanError> {
    let foreign = not_ours(desired, observed, false);
    if !foreign.is_empty() {
        return Err(PlanError(foreign));
    }
    let mut plan = Plan::default();
    let mut stage = Stage::new("update", Policy::KeepGoing);
    let mut errors = Vec::new();
    if !observed.bucket.exists {
        return Err(PlanError(vec![format!(
            "the artifact bucket {} does not exist: run `rosactl setup-account` first",
            desired.account.bucket
        )]));
    }
    for &name in &desired.selected {
        let o = observed.function(name);
        if o.function.is_none() || o.role.is_none() {
            errors.push(format!(
                "{name} is not deployed in this account: run `rosactl setup-account` first"
            ));
            continue;
        }
        let pkg = &desired.packages[name];
        let mut steps = Steps::new(name);
        let embedded = code_steps(desired, pkg, o, &mut steps);
        if let Err(e) = alias_steps(desired, Some(pkg), embedded, o, &mut steps, &mut plan.notes) {
            errors.push(e);
        }
        // Only code and configuration for the aliases' sake: a version nobody points at
        // is not published. (A plan with just a publish would leave an orphan version.)
        if !steps.steps.iter().any(|s| {
            matches!(
                s.action,
                Action::CreateAlias { .. } | Action::UpdateAlias { .. }
            )
        }) {
            steps.steps.retain(|s| {
                !matches!(
                    s.action,
                    Action::PublishVersion | Action::UpdateCode | Action::UploadPackage
                )
            });
        }
        stage.functions.push((name, steps.steps));
    }
    if !errors.is_empty() {
        return Err(PlanError(errors));
    }
    plan.stages.push(stage);
    Ok(plan)
}

/// The versions of `o` that something needs: each alias's version and canary weights, and
/// the version each alias's next rollback would go back to.
pub fn referenced_versions(o: &FunctionObserved) -> BTreeMap<String, Vec<String>> {
    let mut used: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (alias, a) in &o.aliases {
        used.entry(a.version.clone())
            .or_default()
            .push(alias.clone());
        for (v, w) in &a.weights {
            used.entry(v.clone())
                .or_default()
                .push(format!("{alias} ({}%)", (w * 100.0).round()));
        }
        if let Some(previous) = history::rollback_target(&o.history, alias, &a.version)
            .filter(|r| r.kind != MoveKind::Repair)
            .and_then(|r| r.from_version.clone())
        {
            used.entry(previous)
                .or_default()
                .push(format!("{alias} rollback"));
        }
    }
    used
}

/// `versions --keep N`: delete each selected function's published versions older than the
/// newest `keep` that nothing references ([`referenced_versions`]). Functions without our
/// tag are refused.
pub fn prune_versions(
    desired: &Desired,
    observed: &Observed,
    keep: usize,
) -> Result<Plan, PlanError> {
    let foreign = not_ours(desired, observed, false);
    if !foreign.is_empty() {
        return Err(PlanError(foreign));
    }
    let mut stage = Stage::new("versions", Policy::KeepGoing);
    for &name in &desired.selected {
        let o = observed.function(name);
        let used = referenced_versions(o);
        let mut steps = Steps::new(name);
        // Versions are sorted oldest first.
        let old = o.versions.len().saturating_sub(keep);
        for v in &o.versions[..old] {
            if used.contains_key(&v.version) {
                continue;
            }
            steps.push(
                Action::DeleteVersion {
                    version: v.version.clone(),
                },
                format!(
                    "delete version {} of {name} (sha256 {}, referenced by no alias)",
                    v.version,
                    super::drift::hex_sha256(&v.code_sha256)
                ),
            );
        }
        stage.functions.push((name, steps.steps));
    }
    Ok(Plan {
        stages: vec![stage],
        notes: Vec::new(),
    })
}

/// `promote-lambdas` and `rollback-lambdas`: alias moves only, all or nothing; `check` names
/// the qualifier each moving function is invoked through before anything moves.
pub fn move_aliases(
    desired: &Desired,
    observed: &Observed,
    name: &'static str,
    check: Option<&dyn Fn(&FunctionObserved, &Step) -> String>,
    bake_seconds: Option<u64>,
) -> Result<Plan, PlanError> {
    let foreign = not_ours(desired, observed, false);
    if !foreign.is_empty() {
        return Err(PlanError(foreign));
    }
    let mut plan = Plan::default();
    let mut stage = Stage::new(name, Policy::AllOrNothing);
    let mut errors = Vec::new();
    for &function in &desired.selected {
        let o = observed.function(function);
        if o.function.is_none() {
            errors.push(format!(
                "{function} is not deployed in this account: run `rosactl setup-account` first"
            ));
            continue;
        }
        let mut steps = Steps::new(function);
        if let Err(e) = alias_steps(desired, None, None, o, &mut steps, &mut plan.notes) {
            errors.push(e);
        }
        stage.functions.push((function, steps.steps));
    }
    if !errors.is_empty() {
        return Err(PlanError(errors));
    }
    if let Some(check) = check {
        let qualifiers: BTreeMap<&'static str, String> = stage
            .functions
            .iter()
            .filter_map(|(n, steps)| steps.first().map(|s| (*n, check(observed.function(n), s))))
            .collect();
        if !qualifiers.is_empty() {
            stage.gate = Some(match bake_seconds {
                Some(seconds) => Gate::Bake {
                    seconds,
                    qualifiers,
                },
                None => Gate::Check { qualifiers },
            });
        }
    }
    plan.stages.push(stage);
    Ok(plan)
}

/// `cleanup-access`: remove the platform's invoke permission from every function.
pub fn cleanup_access(observed: &Observed) -> Plan {
    let mut stage = Stage::new("cleanup-access", Policy::KeepGoing);
    for o in &observed.functions {
        let steps = o
            .permission
            .iter()
            .map(|p| Step {
                function: Some(o.name),
                action: Action::RemovePermission,
                summary: format!(
                    "remove the invoke permission of {}:{PROD} for {}",
                    o.name, p.principal
                ),
            })
            .collect();
        stage.functions.push((o.name, steps));
    }
    Plan {
        stages: vec![stage],
        notes: Vec::new(),
    }
}

/// `cleanup-account`: delete what setup created. Resources without the
/// `rosa:managed-by=rosactl` tag are left alone and reported.
pub fn cleanup_account(desired: &Desired, observed: &Observed, delete_logs: bool) -> Plan {
    let mut plan = Plan::default();
    let mut functions = Stage::new("functions", Policy::KeepGoing);
    for &name in &desired.selected {
        let o = observed.function(name);
        let names = desired.names(name);
        let mut steps = Steps::new(name);
        if let Some(fs) = &o.function {
            if managed(&fs.tags) {
                steps.push(
                    Action::DeleteFunction,
                    format!(
                        "delete function {} with its versions and aliases",
                        names.function_name
                    ),
                );
            } else {
                plan.notes.push(format!(
                    "function {name} is not tagged {TAG_MANAGED_BY}={MANAGED_BY}: left alone"
                ));
            }
        }
        if let Some(role) = &o.role {
            if managed(&role.tags) {
                steps.push(
                    Action::DeleteRole,
                    format!(
                        "delete execution role {} and its inline policy",
                        names.role_name
                    ),
                );
            } else {
                plan.notes.push(format!(
                    "role {} is not tagged {TAG_MANAGED_BY}={MANAGED_BY}: left alone",
                    names.role_name
                ));
            }
        }
        if let Some(lg) = &o.log_group {
            if !delete_logs {
                plan.notes.push(format!("log group {} is kept (its logs are audit records); pass --delete-logs to delete it", names.log_group));
            } else if managed(&lg.tags) {
                steps.push(
                    Action::DeleteLogGroup,
                    format!("delete log group {}", names.log_group),
                );
            } else {
                plan.notes.push(format!(
                    "log group {} is not tagged {TAG_MANAGED_BY}={MANAGED_BY}: left alone",
                    names.log_group
                ));
            }
        }
        functions.functions.push((name, steps.steps));
    }
    let mut bucket = Stage::new("artifact bucket", Policy::KeepGoing);
    if observed.bucket.exists {
        let name = &desired.account.bucket;
        if managed(&observed.bucket.tags) {
            bucket.bucket.push(Step {
                function: None,
                action: Action::EmptyBucket,
                summary: format!(
                    "delete every object version in {name} (packages and alias history)"
                ),
            });
            bucket.bucket.push(Step {
                function: None,
                action: Action::DeleteBucket,
                summary: format!("delete bucket {name}"),
            });
        } else {
            plan.notes.push(format!(
                "bucket {name} is not tagged {TAG_MANAGED_BY}={MANAGED_BY}: left alone"
            ));
        }
    }
    plan.stages = vec![functions, bucket];
    plan
}

/// `promote-lambdas --canary P --bake S`: after the canary stage, wait S seconds, check the
/// canary versions again, and finish (a second stage; a failed check leaves the canary as it
/// is, for `promote-lambdas --finish` or `rollback-lambdas`).
pub fn finish_after_bake(plan: &mut Plan, seconds: u64) {
    let Some(canary) = plan.stages.first() else {
        return;
    };
    let mut finish = Stage::new("finish the canary", Policy::AllOrNothing);
    let mut qualifiers = BTreeMap::new();
    for (name, steps) in &canary.functions {
        let mut next = Vec::new();
        for step in steps {
            if let Action::UpdateAlias {
                alias,
                target: AliasTarget::Version(primary),
                weights,
                kind: MoveKind::Canary,
                ..
            } = &step.action
            {
                let Some((new, _)) = weights.iter().next() else {
                    continue;
                };
                qualifiers.insert(*name, new.clone());
                next.push(Step {
                    function: Some(name),
                    action: Action::UpdateAlias {
                        alias: alias.clone(),
                        from_version: primary.clone(),
                        from_weights: weights.clone(),
                        target: AliasTarget::Version(new.clone()),
                        weights: BTreeMap::new(),
                        kind: MoveKind::Finish,
                        undoes: None,
                    },
                    summary: format!(
                        "finish the canary: move {name}:{alias} from version {primary} to version {new}"
                    ),
                });
            }
        }
        finish.functions.push((name, next));
    }
    if qualifiers.is_empty() {
        return;
    }
    finish.gate = Some(Gate::Bake {
        seconds,
        qualifiers,
    });
    plan.stages.push(finish);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deploy::account::Account;
    use crate::deploy::names::STAGING;
    use crate::deploy::observed::*;

    const INVOKER: &str = "arn:aws:iam::210987654321:role/LambdaExecutor";

    fn account() -> Account {
        Account::new(
            "123456789012",
            "us-east-1",
            "aws",
            crate::deploy::rules::AccountRules::standard(),
        )
    }

    fn desired() -> Desired {
        let account = account();
        let all = Account::select(&[]).unwrap();
        let create = AliasGoal::Embedded {
            move_existing: false,
        };
        let mut d = Desired::new(account, all)
            .with_packages(crate::payloads::verified().unwrap())
            .with_alias(PROD, create.clone())
            .with_alias(STAGING, create);
        d.invoker_arn = Some(INVOKER.into());
        d.retention = Some(names::Retention::Days(90));
        d
    }

    fn nothing(d: &Desired) -> Observed {
        Observed {
            bucket: BucketState::default(),
            functions: d
                .selected
                .iter()
                .map(|n| FunctionObserved::empty(n))
                .collect(),
        }
    }

    /// What the account looks like after a complete setup.
    fn everything(d: &Desired) -> Observed {
        Observed {
            bucket: BucketState {
                exists: true,
                public_access_blocked: true,
                encrypted: true,
                versioning: true,
                owner_enforced: true,
                policy: Some(d.bucket_policy.clone()),
                tags: d.bucket_tags.clone(),
            },
            functions: d
                .selected
                .iter()
                .map(|name| {
                    let f = &d.packages[name];
                    let names = d.names(name);
                    FunctionObserved {
                        role: Some(RoleState {
                            arn: names.role_arn.clone(),
                            trust: Some(f.trust_policy.clone()),
                            policy: Some(f.execution_policy.clone()),
                            other_inline: vec![],
                            attached: vec![],
                            tags: f.tags.clone(),
                            boundary: d.account.rules.permissions_boundary.clone(),
                        }),
                        package_uploaded: true,
                        log_group: Some(LogGroupState {
                            arn: String::new(),
                            retention_days: Some(90),
                            kms_key_id: None,
                            tags: f.tags.clone(),
                        }),
                        function: Some(FunctionState {
                            arn: String::new(),
                            code_sha256: f.code_sha256.clone(),
                            memory_mb: names.spec.memory_mb,
                            timeout_s: names.spec.timeout_s,
                            role: names.role_arn.clone(),
                            runtime: "provided.al2023".into(),
                            handler: "bootstrap".into(),
                            description: names.spec.description.into(),
                            tags: f.tags.clone(),
                        }),
                        versions: vec![VersionState {
                            version: "1".into(),
                            code_sha256: f.code_sha256.clone(),
                            memory_mb: names.spec.memory_mb,
                            timeout_s: names.spec.timeout_s,
                            description: f.version_description.clone(),
                        }],
                        aliases: BTreeMap::from([
                            (PROD.to_string(), AliasState::at("1")),
                            (STAGING.to_string(), AliasState::at("1")),
                        ]),
                        permission: Some(PermissionState {
                            principal: INVOKER.into(),
                        }),
                        ..FunctionObserved::empty(name)
                    }
                })
                .collect(),
        }
    }

    /// `everything` plus an older version 1 (code "old") under both aliases, and the
    /// embedded package published as version 2 behind staging.
    fn released(d: &Desired) -> Observed {
        let mut o = everything(d);
        for f in &mut o.functions {
            let mut old = f.versions[0].clone();
            old.code_sha256 = "old".into();
            let mut new = f.versions[0].clone();
            new.version = "2".into();
            f.versions = vec![old, new];
            f.aliases.insert(STAGING.into(), AliasState::at("2"));
        }
        o
    }

    fn actions(plan: &Plan, function: &str) -> Vec<Action> {
        plan.steps()
            .into_iter()
            .filter(|s| s.function == Some(function))
            .map(|s| s.action.clone())
            .collect()
    }

    fn bucket_actions(plan: &Plan) -> Vec<Action> {
        plan.steps()
            .into_iter()
            .filter(|s| s.function.is_none())
            .map(|s| s.action.clone())
            .collect()
    }

    #[test]
    fn a_fresh_account_gets_everything_in_order() {
        let d = desired();
        let plan = setup(&d, &nothing(&d)).unwrap();
        assert_eq!(
            bucket_actions(&plan).len(),
            5,
            "tagging is part of creating"
        );
        assert_eq!(
            actions(&plan, "rosa-oidc-provisioner"),
            vec![
                Action::CreateRole,
                Action::PutRolePolicy,
                Action::CreateLogGroup,
                Action::SetRetention {
                    days: 90,
                    clear_pending: true
                },
                Action::UploadPackage,
                Action::CreateFunction,
                Action::PublishVersion,
                Action::CreateAlias {
                    alias: "prod".into(),
                    target: AliasTarget::Published
                },
                Action::CreateAlias {
                    alias: "staging".into(),
                    target: AliasTarget::Published
                },
                Action::AddPermission {
                    principal: INVOKER.into()
                },
            ]
        );
        assert_eq!(plan.stages[0].name, "artifact bucket");
        assert_eq!(plan.stages[1].policy, Policy::KeepGoing);
    }

    #[test]
    fn a_complete_account_needs_nothing() {
        let d = desired();
        let plan = setup(&d, &everything(&d)).unwrap();
        assert!(plan.is_empty(), "{:#?}", plan.steps());
        assert!(plan.notes.is_empty());
    }

    #[test]
    fn an_interrupted_setup_resumes_where_it_stopped() {
        let d = desired();
        let mut o = everything(&d);
        // Stopped after publishing, before the aliases and the permission.
        let f = &mut o.functions[1];
        f.aliases.clear();
        f.permission = None;
        let plan = setup(&d, &o).unwrap();
        assert_eq!(
            actions(&plan, "rosa-preflight-checker"),
            vec![
                Action::CreateAlias {
                    alias: "prod".into(),
                    target: AliasTarget::Version("1".into())
                },
                Action::CreateAlias {
                    alias: "staging".into(),
                    target: AliasTarget::Version("1".into())
                },
                Action::AddPermission {
                    principal: INVOKER.into()
                },
            ]
        );
        assert!(actions(&plan, "rosa-oidc-provisioner").is_empty());
    }

    #[test]
    fn drift_is_repaired_and_aliases_are_not_moved() {
        let d = desired();
        let mut o = everything(&d);
        let f = &mut o.functions[0];
        f.function.as_mut().unwrap().memory_mb = 512;
        f.log_group.as_mut().unwrap().retention_days = Some(30);
        f.permission = Some(PermissionState {
            principal: "arn:aws:iam::999999999999:role/Other".into(),
        });
        let mut other = f.versions[0].clone();
        other.version = "7".into();
        other.code_sha256 = "other".into();
        f.versions.push(other);
        f.aliases.insert(PROD.into(), AliasState::at("7"));
        // Version 7 is an earlier rosactl's: its code is in the history.
        let mut record = history::test_record("a", MoveKind::Promote, "1", "7", None);
        record.code_sha256 = "other".into();
        f.history.push(record);
        let plan = setup(&d, &o).unwrap();
        assert_eq!(
            actions(&plan, "rosa-oidc-provisioner"),
            vec![
                Action::SetRetention {
                    days: 90,
                    clear_pending: false
                },
                Action::UpdateConfiguration,
                Action::RemovePermission,
                Action::AddPermission {
                    principal: INVOKER.into()
                },
            ]
        );
        assert_eq!(plan.notes.len(), 1);
        assert!(plan.notes[0].contains("rosa-oidc-provisioner:prod runs version 7"));
        assert!(plan.notes[0].contains("rosactl update-lambdas"));
        assert!(plan.notes[0].contains("rosactl promote-lambdas --from staging --to prod"));
    }

    #[test]
    fn code_rosactl_never_deployed_is_repaired() {
        let d = desired();
        let mut o = everything(&d);
        let f = &mut o.functions[0];
        let mut foreign = f.versions[0].clone();
        foreign.version = "2".into();
        foreign.code_sha256 = "foreign".into();
        f.versions.push(foreign);
        // prod runs version 1 (ours) with a canary to version 2 (not ours); $LATEST too.
        f.aliases.insert(
            PROD.into(),
            AliasState {
                weights: BTreeMap::from([("2".to_string(), 0.5)]),
                ..AliasState::at("1")
            },
        );
        f.function.as_mut().unwrap().code_sha256 = "foreign".into();
        let plan = setup(&d, &o).unwrap();
        let steps = actions(&plan, "rosa-oidc-provisioner");
        assert_eq!(steps[0], Action::UpdateCode, "{steps:?}");
        assert!(
            matches!(
                &steps[1],
                Action::UpdateAlias { alias, target: AliasTarget::Version(v), weights, kind: MoveKind::Repair, .. }
                    if alias == PROD && v == "1" && weights.is_empty()
            ),
            "{steps:?}"
        );
        assert_eq!(steps.len(), 2, "{steps:?}");
        assert!(
            plan.steps()[1]
                .summary
                .contains("version 2 holds code rosactl did not deploy")
        );
        // A rollback never goes back to the code a repair replaced.
        let d = with_goal(PROD, AliasGoal::Rollback { to_version: None });
        let mut o = released(&d);
        for f in &mut o.functions {
            f.aliases.insert(PROD.into(), AliasState::at("2"));
            f.history = vec![history::test_record("r", MoveKind::Repair, "1", "2", None)];
        }
        let err = move_aliases(&d, &o, "rollback", None, None).unwrap_err();
        assert!(
            err.to_string().contains("does not roll back to it"),
            "{err}"
        );
    }

    #[test]
    fn a_longer_retention_is_never_shortened() {
        let mut d = desired();
        let mut o = everything(&d);
        o.functions[0].log_group.as_mut().unwrap().retention_days = Some(3653);
        o.functions[1].log_group.as_mut().unwrap().retention_days = None;
        assert!(
            setup(&d, &o).unwrap().is_empty(),
            "longer and never-expiring are kept"
        );
        d.retention = Some(names::Retention::Days(365));
        let plan = setup(&d, &o).unwrap();
        assert_eq!(
            actions(&plan, "rosa-network-verifier"),
            vec![Action::SetRetention {
                days: 365,
                clear_pending: false
            }]
        );
        assert!(actions(&plan, "rosa-oidc-provisioner").is_empty());
        d.retention = Some(names::Retention::Never);
        d.log_kms_key_arn = Some("arn:aws:kms:us-east-1:123456789012:key/k1".into());
        let plan = setup(&d, &o).unwrap();
        assert_eq!(
            actions(&plan, "rosa-network-verifier"),
            vec![
                Action::DeleteRetention,
                Action::AssociateKmsKey {
                    key: "arn:aws:kms:us-east-1:123456789012:key/k1".into()
                }
            ]
        );
        assert_eq!(
            actions(&plan, "rosa-preflight-checker"),
            vec![Action::AssociateKmsKey {
                key: "arn:aws:kms:us-east-1:123456789012:key/k1".into()
            }]
        );
        assert_eq!(
            names::parse_retention("3653"),
            Ok(names::Retention::Days(3653))
        );
        assert_eq!(names::parse_retention("NEVER"), Ok(names::Retention::Never));
        assert!(names::parse_retention("30").is_err() && names::parse_retention("100").is_err());
        assert!(names::check_kms_key_arn("arn:aws:kms:us-east-1:123456789012:alias/x").is_err());
    }

    #[test]
    fn new_code_is_published_once_and_aliases_stay() {
        let d = desired();
        let mut o = everything(&d);
        o.functions[2].versions[0].code_sha256 = "older".into();
        o.functions[2].function.as_mut().unwrap().code_sha256 = "older".into();
        let mut record = history::test_record("a", MoveKind::Create, "1", "1", None);
        record.code_sha256 = "older".into();
        o.functions[2].history.push(record);
        let plan = setup(&d, &o).unwrap();
        assert_eq!(
            actions(&plan, "rosa-network-verifier"),
            vec![Action::UpdateCode, Action::PublishVersion]
        );
        assert_eq!(
            plan.notes.len(),
            2,
            "both aliases run old code: {:?}",
            plan.notes
        );
    }

    fn with_goal(alias: &str, goal: AliasGoal) -> Desired {
        let account = account();
        let all = Account::select(&[]).unwrap();
        Desired::new(account, all)
            .with_packages(crate::payloads::verified().unwrap())
            .with_alias(alias, goal)
    }

    #[test]
    fn update_moves_only_the_alias_asked_for_and_nothing_when_current() {
        let d = with_goal(
            STAGING,
            AliasGoal::Embedded {
                move_existing: true,
            },
        );
        let mut o = released(&d);
        // staging already runs the embedded package: nothing to do.
        assert!(update(&d, &o).unwrap().is_empty());

        // staging still on the old version 1: move it to 2 (the embedded version).
        o.functions[0]
            .aliases
            .insert(STAGING.into(), AliasState::at("1"));
        let plan = update(&d, &o).unwrap();
        assert_eq!(
            actions(&plan, "rosa-oidc-provisioner"),
            vec![Action::UpdateAlias {
                alias: STAGING.into(),
                from_version: "1".into(),
                from_weights: BTreeMap::new(),
                target: AliasTarget::Version("2".into()),
                weights: BTreeMap::new(),
                kind: MoveKind::Update,
                undoes: None,
            }]
        );
        assert_eq!(plan.changed_functions(), vec!["rosa-oidc-provisioner"]);

        // No version holds the package yet: upload, update, publish, then move there.
        let mut o = everything(&d);
        for f in &mut o.functions {
            f.versions[0].code_sha256 = "old".into();
            f.function.as_mut().unwrap().code_sha256 = "old".into();
            f.package_uploaded = false;
        }
        let plan = update(&d, &o).unwrap();
        let a = actions(&plan, "rosa-network-verifier");
        assert_eq!(
            a[..3],
            [
                Action::UploadPackage,
                Action::UpdateCode,
                Action::PublishVersion
            ]
        );
        assert!(matches!(
            &a[3],
            Action::UpdateAlias { target: AliasTarget::Published, alias, .. } if alias == STAGING
        ));
        assert!(
            !plan
                .steps()
                .iter()
                .any(|s| matches!(&s.action, Action::UpdateAlias { alias, .. } if alias == PROD))
        );

        // Not deployed: a clear error.
        let err = update(&d, &nothing(&d)).unwrap_err().to_string();
        assert!(err.contains("setup-account"), "{err}");
    }

    #[test]
    fn promote_follows_staging_and_the_canary_keeps_prod_primary() {
        let d = with_goal(
            PROD,
            AliasGoal::Follow {
                alias: STAGING.into(),
            },
        );
        let o = released(&d);
        let check = |_: &FunctionObserved, _: &Step| STAGING.to_string();
        let plan = move_aliases(&d, &o, "promote", Some(&check), None).unwrap();
        assert_eq!(plan.stages[0].policy, Policy::AllOrNothing);
        assert!(
            matches!(&plan.stages[0].gate, Some(Gate::Check { qualifiers }) if qualifiers.len() == 3)
        );
        assert!(matches!(
            &actions(&plan, "rosa-preflight-checker")[0],
            Action::UpdateAlias { from_version, target: AliasTarget::Version(v), kind: MoveKind::Promote, .. }
                if from_version == "1" && v == "2"
        ));

        let d = with_goal(
            PROD,
            AliasGoal::Canary {
                alias: STAGING.into(),
                percent: 10,
            },
        );
        let mut plan = move_aliases(&d, &o, "promote", None, None).unwrap();
        let a = &actions(&plan, "rosa-oidc-provisioner")[0];
        assert!(matches!(
            a,
            Action::UpdateAlias { target: AliasTarget::Version(v), weights, kind: MoveKind::Canary, .. }
                if v == "1" && weights == &BTreeMap::from([("2".to_string(), 0.1)])
        ));
        finish_after_bake(&mut plan, 30);
        assert_eq!(plan.stages.len(), 2);
        assert!(matches!(
            &plan.stages[1].gate,
            Some(Gate::Bake { seconds: 30, .. })
        ));

        // The canary in place: asking again changes nothing; --finish makes 2 primary.
        let mut canaried = o.clone();
        for f in &mut canaried.functions {
            f.aliases.get_mut(PROD).unwrap().weights = BTreeMap::from([("2".into(), 0.1)]);
        }
        assert!(
            move_aliases(&d, &canaried, "promote", None, None)
                .unwrap()
                .is_empty()
        );
        let finish = with_goal(PROD, AliasGoal::FinishCanary);
        let plan = move_aliases(&finish, &canaried, "promote", None, None).unwrap();
        assert!(matches!(
            &actions(&plan, "rosa-network-verifier")[0],
            Action::UpdateAlias { target: AliasTarget::Version(v), weights, kind: MoveKind::Finish, .. }
                if v == "2" && weights.is_empty()
        ));
        // Both aliases agree: nothing to promote, nothing to finish.
        let mut same = o.clone();
        for f in &mut same.functions {
            f.aliases.insert(PROD.into(), AliasState::at("2"));
        }
        assert!(
            move_aliases(
                &with_goal(
                    PROD,
                    AliasGoal::Follow {
                        alias: STAGING.into()
                    }
                ),
                &same,
                "promote",
                None,
                None
            )
            .unwrap()
            .is_empty()
        );
        let nothing_to_finish = move_aliases(&finish, &same, "promote", None, None).unwrap();
        assert!(nothing_to_finish.is_empty());
        assert_eq!(nothing_to_finish.notes.len(), 3);
    }

    #[test]
    fn rollback_uses_the_history_and_says_when_it_cannot() {
        let d = with_goal(PROD, AliasGoal::Rollback { to_version: None });
        let mut o = released(&d);
        // No history: a clear error naming the versions there are.
        let err = move_aliases(&d, &o, "rollback", None, None)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("no earlier version is recorded") && err.contains("--to-version"),
            "{err}"
        );

        for f in &mut o.functions {
            f.aliases.insert(PROD.into(), AliasState::at("2"));
            f.history = vec![history::test_record("a", MoveKind::Promote, "1", "2", None)];
            f.history_read = true;
        }
        let plan = move_aliases(&d, &o, "rollback", None, None).unwrap();
        assert!(matches!(
            &actions(&plan, "rosa-oidc-provisioner")[0],
            Action::UpdateAlias { target: AliasTarget::Version(v), kind: MoveKind::Rollback, undoes: Some(id), .. }
                if v == "1" && id == "a"
        ));

        // Back where it was before the last move, with no record of it (a rollback stopped
        // between its move and its record): the record it owed, undoing the move.
        o.functions[1]
            .aliases
            .insert(PROD.into(), AliasState::at("1"));
        let plan = move_aliases(&d, &o, "rollback", None, None).unwrap();
        assert!(
            matches!(
                &actions(&plan, "rosa-preflight-checker")[0],
                Action::RecordMove { kind: MoveKind::Rollback, from_version: Some(f), to_version: t, undoes: Some(id), .. }
                    if f == "2" && t == "1" && id == "a"
            ),
            "{:?}",
            actions(&plan, "rosa-preflight-checker")
        );

        // Moved by hand since, elsewhere: refuse, and say how to choose.
        o.functions[1]
            .aliases
            .insert(PROD.into(), AliasState::at("3"));
        let err = move_aliases(&d, &o, "rollback", None, None)
            .unwrap_err()
            .to_string();
        assert!(err.contains("moved outside rosactl"), "{err}");

        // An explicit version must exist.
        let d = with_goal(
            PROD,
            AliasGoal::Rollback {
                to_version: Some("9".into()),
            },
        );
        let err = move_aliases(&d, &o, "rollback", None, None)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("has no version 9 (published versions: 1, 2)"),
            "{err}"
        );

        // A canary in progress is aborted: weights dropped, primary kept.
        let d = with_goal(PROD, AliasGoal::Rollback { to_version: None });
        let mut c = released(&d);
        for f in &mut c.functions {
            f.aliases.get_mut(PROD).unwrap().weights = BTreeMap::from([("2".into(), 0.1)]);
        }
        let plan = move_aliases(&d, &c, "rollback", None, None).unwrap();
        assert!(matches!(
            &actions(&plan, "rosa-oidc-provisioner")[0],
            Action::UpdateAlias { target: AliasTarget::Version(v), weights, .. } if v == "1" && weights.is_empty()
        ));
    }

    #[test]
    fn cleanup_leaves_foreign_resources_and_logs_alone() {
        let d = desired();
        let mut o = everything(&d);
        o.functions[0].role.as_mut().unwrap().tags.clear();
        let plan = cleanup_account(&d, &o, false);
        assert_eq!(
            actions(&plan, "rosa-oidc-provisioner"),
            vec![Action::DeleteFunction]
        );
        assert_eq!(
            actions(&plan, "rosa-network-verifier"),
            vec![Action::DeleteFunction, Action::DeleteRole]
        );
        assert_eq!(
            bucket_actions(&plan),
            vec![Action::EmptyBucket, Action::DeleteBucket]
        );
        assert!(plan.steps().last().unwrap().action == Action::DeleteBucket);
        assert!(
            plan.notes
                .iter()
                .any(|n| n.contains("role rosa-oidc-provisioner-execution is not tagged"))
        );
        assert_eq!(
            plan.notes
                .iter()
                .filter(|n| n.contains("--delete-logs"))
                .count(),
            3
        );
        let with_logs = cleanup_account(&d, &o, true);
        assert!(actions(&with_logs, "rosa-preflight-checker").contains(&Action::DeleteLogGroup));
        assert!(cleanup_account(&d, &nothing(&d), true).is_empty());
    }

    #[test]
    fn cleanup_access_removes_only_existing_permissions() {
        let d = desired();
        let mut o = everything(&d);
        o.functions[1].permission = None;
        let plan = cleanup_access(&o);
        assert_eq!(plan.len(), 2);
        assert!(cleanup_access(&nothing(&d)).is_empty());
    }
}
