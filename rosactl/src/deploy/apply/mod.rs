//! Carries out a plan, stage after stage with a barrier between them: a stage's gate (a check
//! invocation, a bake time) first, then its graph: every step whose steps before it
//! ([`Step::after`]) are done runs at once. A failed step stops its function (or the
//! bucket) and whatever waits for it; what happens to the others is the stage's policy:
//! `KeepGoing` leaves what was done (the next run's plan starts where this one stopped),
//! `AllOrNothing` puts back every alias the stage already moved.

mod alias;
pub(crate) use alias::description as alias_description;
mod alarm;
mod bucket;
mod function;
mod iam;
mod wait;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use aws_sdk_iam::error::ProvideErrorMetadata;
use serde::Serialize;

use super::desired::Desired;
use super::history::Record;
use super::observed::Observed;
use super::plan::{Action, Gate, Plan, Policy, Stage, Step};
use super::progress::Progress;
use super::{Validation, check_invoke};
use crate::aws::{Aws, describe};

pub use alias::Moved;

/// A step that failed: which function, which step, why, and what to do.
#[derive(Debug, Clone, Serialize)]
pub struct StepFailure {
    pub function: Option<&'static str>,
    pub step: String,
    pub error: String,
    pub hint: String,
}

impl std::fmt::Display for StepFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = self.function.unwrap_or("artifact bucket");
        write!(
            f,
            "{what}: {} failed: {}\n  hint: {}",
            self.step, self.error, self.hint
        )
    }
}

#[derive(Debug, Default, Serialize)]
pub struct Outcome {
    pub completed: usize,
    pub failures: Vec<StepFailure>,
    /// A gate that refused its stage (nothing of that stage was done).
    pub gate: Vec<Validation>,
    /// Alias moves made and recorded by this run (reverted ones included).
    pub records: Vec<Record>,
    /// What an all-or-nothing stage put back after a failure, one line per alias.
    pub reverted: Vec<String>,
    /// Aliases that could not be put back (the error says what to do).
    pub revert_failures: Vec<String>,
    /// Aliases found already created, recorded when the apply is over.
    #[serde(skip)]
    found: Vec<alias::Found>,
}

impl Outcome {
    pub fn ok(&self) -> bool {
        self.failures.is_empty()
    }
}

/// Why a step failed, before it is given its context.
#[derive(Debug)]
pub(crate) struct StepError {
    code: Option<String>,
    message: String,
}

impl<E: ProvideErrorMetadata + std::error::Error + 'static>
    From<aws_sdk_iam::error::SdkError<E, crate::aws::HttpResponse>> for StepError
{
    fn from(err: aws_sdk_iam::error::SdkError<E, crate::aws::HttpResponse>) -> Self {
        StepError {
            code: err.code().map(String::from),
            message: describe(&err),
        }
    }
}

impl From<String> for StepError {
    fn from(message: String) -> Self {
        StepError {
            code: None,
            message,
        }
    }
}

pub(crate) type StepResult<T = ()> = Result<T, StepError>;

fn is_code(err: &StepError, codes: &[&str]) -> bool {
    err.code.as_deref().is_some_and(|c| codes.contains(&c))
}

/// Treats "already there" / "already gone" answers as success: another run (or a run
/// interrupted after AWS acted but before we heard) may have done the step.
pub(crate) fn tolerate<T, E: Into<StepError>>(result: Result<T, E>, codes: &[&str]) -> StepResult {
    match result.map_err(Into::into) {
        Ok(_) => Ok(()),
        Err(e) if is_code(&e, codes) => Ok(()),
        Err(e) => Err(e),
    }
}

fn hint(action: &Action, err: &StepError) -> String {
    let code = err.code.as_deref().unwrap_or_default();
    if code.contains("AccessDenied")
        || code == "UnauthorizedOperation"
        || err.message.contains("not authorized")
    {
        return format!(
            "your AWS identity is not allowed to do this ({}); use credentials with the permissions listed in docs/setup-account.md, then run the command again",
            permission_for(action)
        );
    }
    match action {
        Action::CreateFunction | Action::UpdateConfiguration if err.message.contains("cannot be assumed") => {
            "IAM did not make the new execution role usable within the retry window; run the command again in a minute".into()
        }
        Action::CreateBucket if code == "BucketAlreadyExists" => {
            "the bucket name is taken by another account; delete or rename the conflicting bucket".into()
        }
        Action::UpdateAlias { .. } => {
            "see docs/versions.md (\"When a promotion was interrupted\"); `rosactl history` shows every recorded move".into()
        }
        _ => "run the same command again: completed steps are kept and it continues from here".into(),
    }
}

fn permission_for(action: &Action) -> &'static str {
    match action {
        Action::CreateBucket => {
            "s3:CreateBucket, s3:TagResource, s3:PutBucketOwnershipControls, s3:PutBucketTagging"
        }
        Action::EnforceOwnership => "s3:PutBucketOwnershipControls",
        Action::BlockPublicAccess => "s3:PutBucketPublicAccessBlock",
        Action::EncryptBucket => "s3:PutEncryptionConfiguration",
        Action::EnableVersioning => "s3:PutBucketVersioning",
        Action::PutBucketPolicy => "s3:PutBucketPolicy",
        Action::TagBucket => "s3:PutBucketTagging",
        Action::UploadPackage => "s3:PutObject",
        Action::CreateRole => "iam:CreateRole",
        Action::UpdateTrustPolicy => "iam:UpdateAssumeRolePolicy",
        Action::PutRolePolicy { .. } => "iam:PutRolePolicy",
        Action::TagRole { .. } => "iam:TagRole",
        Action::PutRoleBoundary { .. } => "iam:PutRolePermissionsBoundary",
        Action::DeleteExtraPolicy { .. } => "iam:DeleteRolePolicy",
        Action::DetachPolicy { .. } => "iam:DetachRolePolicy",
        Action::CreateLogGroup => "logs:CreateLogGroup",
        Action::SetRetention { .. } => "logs:PutRetentionPolicy",
        Action::DeleteRetention => "logs:DeleteRetentionPolicy",
        Action::AssociateKmsKey { .. } => {
            "logs:AssociateKmsKey (and kms:Encrypt* / kms:GenerateDataKey* for CloudWatch Logs in the key policy)"
        }
        Action::TagLogGroup => "logs:TagResource",
        Action::CreateFunction => "lambda:CreateFunction and iam:PassRole",
        Action::UpdateCode => "lambda:UpdateFunctionCode",
        Action::UpdateConfiguration => "lambda:UpdateFunctionConfiguration and iam:PassRole",
        Action::TagFunction => "lambda:TagResource",
        Action::PublishVersion => "lambda:PublishVersion",
        Action::CreateAlias { .. } => "lambda:CreateAlias, s3:PutObject",
        Action::UpdateAlias { .. } => "lambda:GetAlias, lambda:UpdateAlias, s3:PutObject",
        Action::RecordMove { .. } => "lambda:GetFunctionConfiguration, s3:PutObject",
        Action::RemovePermission => "lambda:RemovePermission",
        Action::AddPermission { .. } => "lambda:AddPermission",
        Action::PutConcurrency { .. } => "lambda:PutFunctionConcurrency",
        Action::DeleteConcurrency => "lambda:DeleteFunctionConcurrency",
        Action::PutAlarm { .. } => "cloudwatch:PutMetricAlarm, cloudwatch:TagResource",
        Action::TagAlarm { .. } => "cloudwatch:TagResource",
        Action::DeleteAlarm { .. } => "cloudwatch:DeleteAlarms",
        Action::PutDashboard => "cloudwatch:PutDashboard",
        Action::DeleteDashboard => "cloudwatch:DeleteDashboards",
        Action::DeleteFunction | Action::DeleteVersion { .. } => "lambda:DeleteFunction",
        Action::DeleteRole => "iam:DeleteRole, iam:DeleteRolePolicy",
        Action::DeleteLogGroup => "logs:DeleteLogGroup",
        Action::EmptyBucket => "s3:ListBucketVersions, s3:DeleteObjectVersion",
        Action::DeleteBucket => "s3:DeleteBucket",
    }
}

/// Everything a step needs besides its action.
pub(crate) struct Ctx<'a> {
    pub aws: &'a Aws,
    pub desired: &'a Desired,
    /// What the plan was made from: a version's code is read from here when known.
    pub observed: &'a Observed,
    /// The aliases in `observed` were read under the alias lock just before this apply: a
    /// move that starts with the first stage need not read its alias again.
    pub fresh: bool,
}

/// What a function's steps hand on to its later steps in the same run.
#[derive(Debug, Clone, Default)]
pub(crate) struct Handover {
    /// The version this run published, and its code as Lambda answered it (checked against
    /// the manifest).
    pub published: Option<String>,
    pub published_code: Option<String>,
    /// Lambda's last answer (or a wait) said the function is active with no update in
    /// progress, and no step of this run changed it since.
    pub ready: bool,
}

/// What one step left behind besides its result.
#[derive(Default)]
struct StepDone {
    handover: Handover,
    moved: Option<Moved>,
    record: Option<Record>,
    found: Option<alias::Found>,
}

pub async fn apply(
    aws: &Aws,
    desired: &Desired,
    observed: &Observed,
    plan: &Plan,
    progress: &Progress,
    mut checked: Option<Vec<Validation>>,
    fresh: bool,
) -> Outcome {
    let mut ctx = Ctx {
        aws,
        desired,
        observed,
        fresh,
    };
    let mut outcome = Outcome::default();
    for stage in &plan.stages {
        if stage.is_empty() {
            continue;
        }
        // After a gate's wait (a bake), or once a stage is done, the aliases are read again.
        if !std::ptr::eq(stage, &plan.stages[0]) || matches!(stage.gate, Some(Gate::Bake { .. })) {
            ctx.fresh = false;
        }
        if let Some(gate) = &stage.gate {
            // The first stage's check may have been made while the lock was taken.
            let results = match checked.take() {
                Some(results) => results,
                None => run_gate(&ctx, gate, progress).await,
            };
            let refused: Vec<&Validation> = results.iter().filter(|v| !v.ok).collect();
            if !refused.is_empty() {
                for v in &refused {
                    outcome.failures.push(StepFailure {
                        function: ctx
                            .desired
                            .account
                            .function(&v.function_name)
                            .map(|f| f.name()),
                        step: format!("the check before {}", stage.name),
                        error: v.detail.clone(),
                        hint: "nothing was moved; fix the function (or pass --skip-check if you know why it fails) and run the command again".into(),
                    });
                }
                outcome.gate = results;
                return outcome;
            }
            outcome.gate = results;
        }
        run_stage(&ctx, stage, progress, &mut outcome).await;
        ctx.fresh = false;
        if !outcome.ok() {
            // The barrier: later stages never run after a failed one. An alias found created
            // and not recorded yet is recorded by the next run (plan::unrecorded).
            return outcome;
        }
    }
    let found = std::mem::take(&mut outcome.found);
    let ctx = &ctx;
    let records = found
        .iter()
        .map(|f| async move { (f, alias::record_found(ctx, f).await) });
    for (f, result) in futures_util::future::join_all(records).await {
        match result {
            Ok(record) => outcome.records.extend(record),
            Err(e) => {
                progress.failed(Some(f.function), &e.message);
                outcome.failures.push(StepFailure {
                    function: Some(f.function),
                    step: format!("record the creation of {}:{}", f.function, f.alias),
                    error: e.message,
                    hint: "the alias is in place; run the same command again to record it".into(),
                });
            }
        }
    }
    outcome
}

/// The state `before` with each recorded move applied, in order: where Lambda's checked
/// answers left the aliases, and the versions they point at (a version this run published
/// holds the code its record names).
pub fn moved(desired: &Desired, before: &Observed, records: &[Record]) -> Observed {
    let mut after = before.clone();
    for r in records {
        let Some(f) = after.functions.iter_mut().find(|f| f.name == r.function) else {
            continue;
        };
        if f.version(&r.to_version).is_none() {
            let spec = desired
                .packages
                .get(f.name)
                .filter(|p| p.code_sha256 == r.code_sha256);
            f.versions.push(crate::deploy::observed::VersionState {
                version: r.to_version.clone(),
                code_sha256: r.code_sha256.clone(),
                memory_mb: spec.map_or(0, |p| p.package.spec.memory_mb),
                timeout_s: spec.map_or(0, |p| p.package.spec.timeout_s),
                tracing: spec.is_some_and(|p| p.tracing),
                description: spec
                    .map(|p| p.version_description.clone())
                    .unwrap_or_default(),
            });
        }
        f.aliases.insert(
            r.alias.clone(),
            crate::deploy::observed::AliasState {
                version: r.to_version.clone(),
                weights: r.to_weights.clone(),
                description: alias::description(r.kind, &r.to_version),
            },
        );
        f.history.push(r.clone());
    }
    after
}

/// A stage's gate, run on its own (before the stage's turn): its check invocations.
pub async fn check(
    aws: &Aws,
    desired: &Desired,
    gate: &Gate,
    progress: &Progress,
) -> Vec<Validation> {
    let observed = Observed {
        bucket: Default::default(),
        functions: Vec::new(),
        dashboard: None,
    };
    let ctx = Ctx {
        aws,
        desired,
        observed: &observed,
        fresh: false,
    };
    run_gate(&ctx, gate, progress).await
}

async fn run_gate(ctx: &Ctx<'_>, gate: &Gate, progress: &Progress) -> Vec<Validation> {
    let qualifiers = match gate {
        Gate::Check { qualifiers } => qualifiers,
        Gate::Bake {
            seconds,
            qualifiers,
        } => {
            for name in qualifiers.keys() {
                progress.step(Some(name), &format!("baking the canary for {seconds} s"));
            }
            tokio::time::sleep(Duration::from_secs(*seconds)).await;
            qualifiers
        }
    };
    let checks = qualifiers.iter().map(|(name, qualifier)| async move {
        progress.step(Some(name), &format!("checking {name}:{qualifier}"));
        check_invoke(ctx.aws, ctx.desired.account.aws_name(name), qualifier).await
    });
    futures_util::future::join_all(checks).await
}

/// Runs a stage's graph: every step whose steps before it ([`Step::after`]) are done starts
/// at once. A failed step stops its function (or the bucket): none of its steps not started
/// yet starts, and no step that waits for it; the other functions go on (and, all or
/// nothing, are put back after). After Ctrl-C no step starts; those in flight finish.
async fn run_stage(ctx: &Ctx<'_>, stage: &Stage, progress: &Progress, outcome: &mut Outcome) {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        Waiting,
        Running,
        Done,
        Failed,
    }
    let steps = stage.steps();
    let mut state = vec![State::Waiting; steps.len()];
    let mut stopped: Vec<Option<&'static str>> = Vec::new();
    // A function read as settled takes its first change without a wait.
    let mut handovers: BTreeMap<&'static str, Handover> = ctx
        .observed
        .functions
        .iter()
        .map(|f| {
            let ready = f.function.as_ref().is_some_and(|s| s.settled);
            (
                f.name,
                Handover {
                    ready,
                    ..Handover::default()
                },
            )
        })
        .collect();
    let mut moved = Vec::new();
    let mut running = futures_util::stream::FuturesUnordered::new();
    for (name, s) in &stage.functions {
        if s.is_empty() {
            progress.done(Some(name), "up to date");
        }
    }
    let left_in = |state: &[State], who: Option<&'static str>| {
        steps
            .iter()
            .zip(state)
            .any(|(s, st)| s.function == who && matches!(st, State::Waiting | State::Running))
    };
    loop {
        if !crate::interrupt::requested() {
            for (i, step) in steps.iter().enumerate() {
                if state[i] != State::Waiting
                    || stopped.contains(&step.function)
                    || !step.after.iter().all(|&j| state[j] == State::Done)
                {
                    continue;
                }
                state[i] = State::Running;
                progress.step(step.function, &step.summary);
                let handover = step
                    .function
                    .and_then(|f| handovers.get(f).cloned())
                    .unwrap_or_default();
                running.push(async move {
                    let started = Instant::now();
                    let result = run_step(ctx, step, handover).await;
                    progress.debug(
                        step.function,
                        &format!("{} took {:?}", step.summary, started.elapsed()),
                    );
                    (i, result)
                });
            }
        }
        let Some((i, result)) = futures_util::StreamExt::next(&mut running).await else {
            break;
        };
        let step = steps[i];
        match result {
            Ok(done) => {
                state[i] = State::Done;
                outcome.completed += 1;
                if let Some(f) = step.function {
                    handovers.insert(f, done.handover);
                }
                moved.extend(done.moved);
                outcome.records.extend(done.record);
                outcome.found.extend(done.found);
                if !left_in(&state, step.function) {
                    if step.function.is_none() {
                        progress.done(None, "ready");
                    } else {
                        progress.done(step.function, "done");
                    }
                }
            }
            Err(e) => {
                state[i] = State::Failed;
                stopped.push(step.function);
                let failure = StepFailure {
                    function: step.function,
                    step: step.summary.clone(),
                    hint: hint(&step.action, &e),
                    error: e.message,
                };
                progress.failed(step.function, &failure.error);
                outcome.failures.push(failure);
            }
        }
    }
    // The first step not started of each function (and the bucket) that did not fail.
    let mut said: Vec<Option<&'static str>> = Vec::new();
    for (i, step) in steps.iter().enumerate() {
        if state[i] != State::Waiting
            || stopped.contains(&step.function)
            || said.contains(&step.function)
        {
            continue;
        }
        said.push(step.function);
        if crate::interrupt::requested() {
            outcome.failures.push(interrupted(step.function, step));
        } else {
            progress.failed(
                step.function,
                &format!(
                    "not started: {} (it needs a step that failed)",
                    step.summary
                ),
            );
        }
    }
    if stage.policy == Policy::AllOrNothing && !outcome.failures.is_empty() && !moved.is_empty() {
        let reverts = moved.iter().map(|m| async move {
            progress.step(
                Some(m.function),
                &format!("putting {}:{} back", m.function, m.alias),
            );
            (m, alias::revert(ctx, m).await)
        });
        for (m, result) in futures_util::future::join_all(reverts).await {
            match result {
                Ok(record) => {
                    progress.done(Some(m.function), "put back");
                    outcome.reverted.push(format!(
                        "{}:{} put back to {}",
                        m.function,
                        m.alias,
                        m.from_text()
                    ));
                    outcome.records.extend(record);
                }
                Err(e) => {
                    progress.failed(Some(m.function), &e.message);
                    outcome.revert_failures.push(format!(
                        "{}:{} could not be put back to {}: {}; run `rosactl rollback-lambdas --alias {} --function {} --to-version {}`",
                        m.function,
                        m.alias,
                        m.from_text(),
                        e.message,
                        m.alias,
                        m.function,
                        m.from_version
                    ));
                }
            }
        }
    }
}

/// The failure recorded for the first step not started after Ctrl-C.
fn interrupted(function: Option<&'static str>, step: &Step) -> StepFailure {
    StepFailure {
        function,
        step: step.summary.clone(),
        error: "not started: interrupted (Ctrl-C)".into(),
        hint: "run the same command again: completed steps are kept and it continues from here"
            .into(),
    }
}

/// One step, with what the function's earlier steps handed over.
async fn run_step(ctx: &Ctx<'_>, step: &Step, mut handover: Handover) -> StepResult<StepDone> {
    let Some(name) = step.function else {
        match &step.action {
            Action::PutDashboard | Action::DeleteDashboard => {
                alarm::dashboard_step(ctx, &step.action).await?
            }
            other => bucket::step(ctx, other).await?,
        }
        return Ok(StepDone::default());
    };
    let mut done = StepDone::default();
    match &step.action {
        Action::CreateAlias { .. } | Action::UpdateAlias { .. } | Action::RecordMove { .. } => {
            // A move that waited for other steps reads its alias again before moving it.
            let recheck = !(ctx.fresh && step.after.is_empty());
            let (moved, record, found) =
                alias::step(ctx, name, &step.action, &handover, recheck).await?;
            done.moved = moved;
            done.record = record;
            done.found = found;
        }
        Action::CreateRole
        | Action::UpdateTrustPolicy
        | Action::PutRolePolicy { .. }
        | Action::TagRole { .. }
        | Action::PutRoleBoundary { .. }
        | Action::DeleteExtraPolicy { .. }
        | Action::DetachPolicy { .. }
        | Action::DeleteRole => iam::step(ctx, name, &step.action).await?,
        Action::PutAlarm { .. } | Action::TagAlarm { .. } | Action::DeleteAlarm { .. } => {
            alarm::step(ctx, name, &step.action).await?
        }
        other => function::step(ctx, name, other, &mut handover).await?,
    }
    done.handover = handover;
    Ok(done)
}
