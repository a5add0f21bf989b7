//! The plan: a pure diff of desired and observed state into stages of typed steps, each
//! stage a graph: every step names the earlier steps it waits for (`Step::after`, from
//! [`needs`]), and the applier runs every step whose steps before it are done. Nothing here
//! talks to AWS, so every decision is unit-tested. The types are here; each planner has its
//! file (`setup`, `update`, `prune`, `moves`, `cleanup`), with the step builders setup and
//! update share in `steps`.

mod cleanup;
mod moves;
mod prune;
mod setup;
mod steps;
mod update;

pub use self::cleanup::{cleanup_access, cleanup_account};
pub use self::moves::{finish_after_bake, move_aliases};
pub use self::prune::{prune_versions, referenced_versions};
pub use self::setup::setup;
pub(crate) use self::steps::*;
pub use self::update::update;

use std::collections::BTreeMap;

use serde::Serialize;

use super::desired::{AliasGoal, Desired, PackageTarget};
use super::history::{self, MoveKind};
use super::names::{self, MANAGED_BY, PROD, STATEMENT_ID, TAG_MANAGED_BY};
use crate::deploy::observed::{AliasState, FunctionObserved, Observed};

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
    /// The execution policy, with the X-Ray statement when any region the role serves traces.
    PutRolePolicy {
        tracing: bool,
    },
    /// An inline policy rosactl did not write: it widens the function's privileges.
    DeleteExtraPolicy {
        policy: String,
    },
    /// A managed policy attached by someone else: it widens the function's privileges.
    DetachPolicy {
        policy_arn: String,
    },
    /// rosactl's and the account's tags, and the regions the role serves.
    TagRole {
        regions: crate::deploy::role_regions::RoleRegions,
    },
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
    /// Reserve concurrent executions for the function (all its versions).
    PutConcurrency {
        reserved: i32,
    },
    /// The function draws on the account's unreserved concurrency again.
    DeleteConcurrency,
    /// Create (or reset to rosactl's settings) one of the function's alarms.
    PutAlarm {
        kind: super::alarms::AlarmKind,
    },
    /// Set rosactl's tags on an alarm of ours that lost them.
    TagAlarm {
        kind: super::alarms::AlarmKind,
    },
    /// Delete an alarm of ours (alarms turned off, or cleanup).
    DeleteAlarm {
        name: String,
    },
    /// Create (or reset to rosactl's body) the functions' dashboard.
    PutDashboard,
    /// Delete the functions' dashboard (off, or cleanup).
    DeleteDashboard,
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
    /// The steps of the same stage this one waits for: their places in [`Stage::steps`],
    /// all earlier than this one's (so a stage's graph has no cycle). Set by [`Plan::linked`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub after: Vec<usize>,
}

impl Step {
    pub fn new(function: Option<&'static str>, action: Action, summary: String) -> Self {
        Step {
            function,
            action,
            summary,
            after: Vec::new(),
        }
    }
}

/// What a step acts on. Steps on the same thing run in plan order; a step on one thing may
/// need another thing's steps first ([`needs`]); everything else runs at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Thing<'a> {
    Bucket,
    /// A function's package object in the bucket.
    Package(&'a str),
    Role(&'a str),
    Logs(&'a str),
    /// The function itself: `$LATEST`'s code and configuration, its tags, its versions.
    Function(&'a str),
    Alias(&'a str, &'a str),
    /// The platform's invoke permission on `prod`.
    Permission(&'a str),
    Alarm(&'a str),
    Dashboard,
}

fn thing(step: &Step) -> Thing<'_> {
    let Some(f) = step.function else {
        return match step.action {
            Action::PutDashboard | Action::DeleteDashboard => Thing::Dashboard,
            _ => Thing::Bucket,
        };
    };
    match &step.action {
        Action::CreateBucket
        | Action::EnforceOwnership
        | Action::BlockPublicAccess
        | Action::EncryptBucket
        | Action::EnableVersioning
        | Action::PutBucketPolicy
        | Action::TagBucket
        | Action::EmptyBucket
        | Action::DeleteBucket => Thing::Bucket,
        Action::UploadPackage => Thing::Package(f),
        Action::CreateRole
        | Action::UpdateTrustPolicy
        | Action::PutRolePolicy { .. }
        | Action::DeleteExtraPolicy { .. }
        | Action::DetachPolicy { .. }
        | Action::TagRole { .. }
        | Action::PutRoleBoundary { .. }
        | Action::DeleteRole => Thing::Role(f),
        Action::CreateLogGroup
        | Action::SetRetention { .. }
        | Action::DeleteRetention
        | Action::AssociateKmsKey { .. }
        | Action::TagLogGroup
        | Action::DeleteLogGroup => Thing::Logs(f),
        Action::CreateFunction
        | Action::UpdateCode
        | Action::UpdateConfiguration
        | Action::TagFunction
        | Action::PutConcurrency { .. }
        | Action::DeleteConcurrency
        | Action::PublishVersion
        | Action::DeleteFunction
        | Action::DeleteVersion { .. } => Thing::Function(f),
        Action::CreateAlias { alias, .. }
        | Action::UpdateAlias { alias, .. }
        | Action::RecordMove { alias, .. } => Thing::Alias(f, alias),
        Action::RemovePermission | Action::AddPermission { .. } => Thing::Permission(f),
        Action::PutAlarm { .. } | Action::TagAlarm { .. } | Action::DeleteAlarm { .. } => {
            Thing::Alarm(f)
        }
        Action::PutDashboard | Action::DeleteDashboard => Thing::Dashboard,
    }
}

fn is_delete(action: &Action) -> bool {
    matches!(
        action,
        Action::DeleteFunction
            | Action::DeleteVersion { .. }
            | Action::DeleteRole
            | Action::DeleteLogGroup
            | Action::EmptyBucket
            | Action::DeleteBucket
    )
}

/// Whether `later` has to wait for `earlier` (a step before it in the same stage): the one
/// place the order of a plan's steps is decided.
pub fn needs(later: &Step, earlier: &Step) -> bool {
    let (l, e) = (thing(later), thing(earlier));
    if l == e {
        // One thing's steps in plan order: Lambda refuses a second update of a function in
        // progress, IAM and S3 may refuse concurrent changes of one resource.
        return true;
    }
    if is_delete(&later.action) || is_delete(&earlier.action) {
        // Deletions keep the planner's order within a function (and the bucket's).
        return later.function == earlier.function;
    }
    match (l, e) {
        // The package and the history records go into the bucket once it exists; its
        // settings follow on their own (a new bucket is private and encrypted already).
        (Thing::Package(_) | Thing::Alias(..), Thing::Bucket) => {
            earlier.action == Action::CreateBucket
        }
        // A function is created (or re-pointed) with its role once the role exists and
        // trusts Lambda; its policy is needed by the first invocation, not by Lambda.
        (Thing::Function(f), Thing::Role(g)) => {
            f == g
                && matches!(
                    earlier.action,
                    Action::CreateRole | Action::UpdateTrustPolicy
                )
        }
        (Thing::Function(f), Thing::Package(g)) => f == g,
        // An alias pointed at the version this run publishes waits for it (and so for the
        // function's code); one pointed at a version that exists waits for nothing of it.
        (Thing::Alias(f, _), Thing::Function(g)) => {
            f == g
                && matches!(
                    later.action,
                    Action::CreateAlias {
                        target: AliasTarget::Published,
                        ..
                    } | Action::UpdateAlias {
                        target: AliasTarget::Published,
                        ..
                    }
                )
        }
        // The permission is on `prod`: after the function and its `prod` alias exist.
        (Thing::Permission(f), Thing::Function(g)) => f == g,
        (Thing::Permission(f), Thing::Alias(g, alias)) => f == g && alias == PROD,
        _ => false,
    }
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
    /// Each function's steps, in plan order.
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

    /// The stage's steps in plan order: the bucket's, then each function's. A step's place
    /// here is what [`Step::after`] names.
    pub fn steps(&self) -> Vec<&Step> {
        self.bucket
            .iter()
            .chain(self.functions.iter().flat_map(|(_, steps)| steps.iter()))
            .collect()
    }

    /// Sets every step's [`Step::after`]: the earlier steps it [`needs`], leaving out those
    /// it waits for through another (a step on the same thing waits for the last one only).
    pub(crate) fn link(&mut self) {
        let all: Vec<Step> = self.steps().into_iter().cloned().collect();
        let mut wanted: Vec<Vec<usize>> = Vec::with_capacity(all.len());
        for (i, step) in all.iter().enumerate() {
            let direct: Vec<usize> = (0..i).filter(|&j| needs(step, &all[j])).collect();
            // Drop j when another wanted k > j already waits for j (directly or not).
            let reach = |k: usize, j: usize, wanted: &Vec<Vec<usize>>| {
                let mut stack = vec![k];
                let mut seen = vec![false; all.len()];
                while let Some(x) = stack.pop() {
                    for &y in &wanted[x] {
                        if y == j {
                            return true;
                        }
                        if !seen[y] {
                            seen[y] = true;
                            stack.push(y);
                        }
                    }
                }
                false
            };
            let kept: Vec<usize> = direct
                .iter()
                .copied()
                .filter(|&j| !direct.iter().any(|&k| k > j && reach(k, j, &wanted)))
                .collect();
            wanted.push(kept);
        }
        let mut wanted = wanted.into_iter();
        for step in self.bucket.iter_mut().chain(
            self.functions
                .iter_mut()
                .flat_map(|(_, steps)| steps.iter_mut()),
        ) {
            step.after = wanted.next().unwrap_or_default();
        }
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
    /// The plan with every stage's graph set ([`Step::after`]); every planner returns this.
    pub fn linked(mut self) -> Self {
        for stage in &mut self.stages {
            stage.link();
        }
        self
    }

    pub fn len(&self) -> usize {
        self.stages.iter().map(Stage::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every step, in the order they would run if run one by one.
    pub fn steps(&self) -> Vec<&Step> {
        self.stages.iter().flat_map(Stage::steps).collect()
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

pub(crate) fn has_tags(
    observed: &BTreeMap<String, String>,
    wanted: &BTreeMap<String, String>,
) -> bool {
    wanted.iter().all(|(k, v)| observed.get(k) == Some(v))
}

pub(crate) fn managed(tags: &BTreeMap<String, String>) -> bool {
    tags.get(TAG_MANAGED_BY).map(String::as_str) == Some(MANAGED_BY)
}

/// Collects one function's steps.
pub(crate) struct Steps {
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
        self.steps.push(Step::new(Some(self.name), action, summary));
    }
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
            dashboard: None,
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
                            tags: d.role_tags(name, &d.role_regions(f, None)),
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
                            settled: true,
                            tracing: false,
                            reserved_concurrency: None,
                        }),
                        versions: vec![VersionState {
                            version: "1".into(),
                            code_sha256: f.code_sha256.clone(),
                            memory_mb: names.spec.memory_mb,
                            timeout_s: names.spec.timeout_s,
                            description: f.version_description.clone(),
                            tracing: false,
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
            dashboard: None,
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
                Action::PutRolePolicy { tracing: false },
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
        assert_eq!(plan.stages.len(), 1, "one stage: a graph, no barrier");
        assert_eq!(plan.stages[0].policy, Policy::KeepGoing);
    }

    /// The place in the stage of `function`'s first step doing `action` (None: the bucket's).
    fn at(stage: &Stage, function: Option<&str>, action: impl Fn(&Action) -> bool) -> usize {
        stage
            .steps()
            .iter()
            .position(|s| s.function == function && action(&s.action))
            .unwrap_or_else(|| panic!("no such step of {function:?} in {:#?}", stage.steps()))
    }

    /// The number of steps on the longest path through a stage's graph: how many steps wait
    /// on each other when every ready step runs at once.
    fn depth(stage: &Stage) -> usize {
        let steps = stage.steps();
        let mut d = vec![0usize; steps.len()];
        for (i, s) in steps.iter().enumerate() {
            assert!(s.after.iter().all(|&j| j < i), "{i} waits for a later step");
            d[i] = 1 + s.after.iter().map(|&j| d[j]).max().unwrap_or(0);
        }
        d.into_iter().max().unwrap_or(0)
    }

    #[test]
    fn a_fresh_setup_waits_only_for_what_each_step_needs() {
        let d = desired();
        let plan = setup(&d, &nothing(&d)).unwrap();
        let stage = &plan.stages[0];
        let f = Some("rosa-oidc-provisioner");
        let bucket = at(stage, None, |a| *a == Action::CreateBucket);
        let role = at(stage, f, |a| *a == Action::CreateRole);
        let policy = at(stage, f, |a| matches!(a, Action::PutRolePolicy { .. }));
        let logs = at(stage, f, |a| *a == Action::CreateLogGroup);
        let retention = at(stage, f, |a| matches!(a, Action::SetRetention { .. }));
        let upload = at(stage, f, |a| *a == Action::UploadPackage);
        let create = at(stage, f, |a| *a == Action::CreateFunction);
        let publish = at(stage, f, |a| *a == Action::PublishVersion);
        let alias = |name: &str| {
            at(
                stage,
                f,
                |a| matches!(a, Action::CreateAlias { alias, .. } if alias == name),
            )
        };
        let permission = at(stage, f, |a| matches!(a, Action::AddPermission { .. }));
        let steps = stage.steps();
        let after = |i: usize| {
            let mut a = steps[i].after.clone();
            a.sort();
            a
        };
        // Independent of everything: they start at once.
        for i in [bucket, role, logs] {
            assert_eq!(after(i), Vec::<usize>::new(), "{}", steps[i].summary);
        }
        assert_eq!(after(policy), vec![role]);
        assert_eq!(after(retention), vec![logs]);
        assert_eq!(
            after(upload),
            vec![bucket],
            "the package needs the bucket only"
        );
        assert_eq!(
            after(create),
            vec![role, upload],
            "not the policy, not the logs"
        );
        assert_eq!(after(publish), vec![create]);
        let (prod, staging) = (alias(PROD), alias(STAGING));
        // (The record goes into the bucket: it waits for it through the package.)
        assert_eq!(after(prod), vec![publish]);
        assert_eq!(after(staging), vec![publish], "not after prod");
        assert_eq!(after(permission), vec![prod], "on prod, not staging");
        // Every other bucket step after the bucket's creation, one after the other.
        let bucket_after: Vec<Vec<usize>> = stage.bucket.iter().map(|s| s.after.clone()).collect();
        assert_eq!(bucket_after[0], Vec::<usize>::new());
        for (i, a) in bucket_after.iter().enumerate().skip(1) {
            assert_eq!(a, &vec![i - 1]);
        }
        // The longest path: bucket, package, function, version, prod, permission: 6 steps
        // of the 15 a function would take one by one (plus the bucket's 5).
        assert_eq!(depth(stage), 6);
        assert_eq!(plan.len(), 5 + 3 * 10);
    }

    #[test]
    fn a_complete_account_needs_nothing() {
        let d = desired();
        let plan = setup(&d, &everything(&d)).unwrap();
        assert!(plan.is_empty(), "{:#?}", plan.steps());
        assert!(plan.notes.is_empty());
    }

    #[test]
    fn another_regions_record_is_kept_and_a_record_too_long_refused_before_any_write() {
        let d = desired();
        let mut o = everything(&d);
        // The role also serves another region: nothing to change here.
        let role = o.functions[0].role.as_mut().unwrap();
        role.tags
            .insert("rosa:regions".into(), "eu-west-1 us-east-1".into());
        assert!(setup(&d, &o).unwrap().is_empty());
        // As many regions as a tag value cannot hold: refused, naming the role.
        let many: Vec<String> = (0..25).map(|i| format!("xx-region-{i:02}")).collect();
        o.functions[0]
            .role
            .as_mut()
            .unwrap()
            .tags
            .insert("rosa:regions".into(), many.join(" "));
        let err = setup(&d, &o).unwrap_err().to_string();
        assert!(err.contains("serves too many regions to record"), "{err}");
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
        // One chain per function (each step needs the one before), the functions side by side.
        assert_eq!(depth(&plan.stages[0]), 4);

        // $LATEST holds code nobody deployed while a version holds the package: $LATEST is
        // repaired, and the alias moves to that version at the same time (it needs nothing
        // of the repair).
        let mut o = everything(&d);
        let f = &mut o.functions[1];
        f.function.as_mut().unwrap().code_sha256 = "foreign".into();
        let mut old = f.versions[0].clone();
        old.version = "2".into();
        old.code_sha256 = "old".into();
        f.versions.push(old);
        f.aliases.insert(STAGING.into(), AliasState::at("2"));
        let plan = update(&d, &o).unwrap();
        let steps = plan.stages[0].steps();
        assert!(matches!(steps[0].action, Action::UpdateCode), "{steps:#?}");
        assert!(
            matches!(&steps[1].action, Action::UpdateAlias { target: AliasTarget::Version(v), .. } if v == "1")
        );
        assert!(steps[1].after.is_empty(), "{steps:#?}");
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
        // The three moves wait for nothing: they start at once.
        assert_eq!(plan.stages[0].len(), 3);
        assert_eq!(depth(&plan.stages[0]), 1);
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
