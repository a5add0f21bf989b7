//! Carries out a plan, stage after stage with a barrier between them: a stage's gate (a check
//! invocation, a bake time) first, then its bucket steps, then its functions in parallel,
//! each one's steps in order. A failed step stops its function; what happens to the others
//! is the stage's policy: `KeepGoing` leaves what was done (the next run's plan starts where
//! this one stopped), `AllOrNothing` puts back every alias the stage already moved.

mod alias;
pub(crate) use alias::description as alias_description;
mod bucket;
mod function;
mod iam;
mod wait;

use std::time::{Duration, Instant};

use aws_sdk_iam::error::ProvideErrorMetadata;
use serde::Serialize;

use super::desired::Desired;
use super::history::Record;
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
        Action::PutRolePolicy => "iam:PutRolePolicy",
        Action::TagRole => "iam:TagRole",
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
}

/// What one function's run of a stage left behind.
#[derive(Default)]
struct FunctionRun {
    done: usize,
    published: Option<String>,
    failure: Option<StepFailure>,
    moved: Vec<Moved>,
    records: Vec<Record>,
    found: Vec<alias::Found>,
}

pub async fn apply(aws: &Aws, desired: &Desired, plan: &Plan, progress: &Progress) -> Outcome {
    let ctx = Ctx { aws, desired };
    let mut outcome = Outcome::default();
    for stage in &plan.stages {
        if stage.is_empty() {
            continue;
        }
        if let Some(gate) = &stage.gate {
            let results = run_gate(&ctx, gate, progress).await;
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

async fn run_stage(ctx: &Ctx<'_>, stage: &Stage, progress: &Progress, outcome: &mut Outcome) {
    for step in &stage.bucket {
        if crate::interrupt::requested() {
            outcome.failures.push(interrupted(None, step));
            return;
        }
        progress.step(None, &step.summary);
        match bucket::step(ctx, &step.action).await {
            Ok(()) => outcome.completed += 1,
            Err(e) => {
                let failure = StepFailure {
                    function: None,
                    step: step.summary.clone(),
                    hint: hint(&step.action, &e),
                    error: e.message,
                };
                progress.failed(None, &failure.error);
                outcome.failures.push(failure);
                return;
            }
        }
    }
    if !stage.bucket.is_empty() {
        progress.done(None, "ready");
    }

    let runs = stage
        .functions
        .iter()
        .map(|(name, steps)| run_function(ctx, name, steps, progress));
    let mut moved = Vec::new();
    for run in futures_util::future::join_all(runs).await {
        outcome.completed += run.done;
        outcome.failures.extend(run.failure);
        outcome.records.extend(run.records);
        outcome.found.extend(run.found);
        moved.extend(run.moved);
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

async fn run_function(
    ctx: &Ctx<'_>,
    name: &'static str,
    steps: &[Step],
    progress: &Progress,
) -> FunctionRun {
    let mut run = FunctionRun::default();
    for step in steps {
        if crate::interrupt::requested() {
            run.failure = Some(interrupted(Some(name), step));
            return run;
        }
        progress.step(Some(name), &step.summary);
        let started = Instant::now();
        let result = match &step.action {
            Action::CreateAlias { .. } | Action::UpdateAlias { .. } | Action::RecordMove { .. } => {
                alias::step(ctx, name, &step.action, run.published.as_deref())
                    .await
                    .map(|(moved, record, found)| {
                        run.moved.extend(moved);
                        run.records.extend(record);
                        run.found.extend(found);
                    })
            }
            Action::CreateRole
            | Action::UpdateTrustPolicy
            | Action::PutRolePolicy
            | Action::TagRole
            | Action::PutRoleBoundary { .. }
            | Action::DeleteExtraPolicy { .. }
            | Action::DetachPolicy { .. }
            | Action::DeleteRole => iam::step(ctx, name, &step.action).await,
            other => function::step(ctx, name, other, &mut run.published).await,
        };
        progress.debug(
            Some(name),
            &format!("{} took {:?}", step.summary, started.elapsed()),
        );
        if let Err(e) = result {
            let failure = StepFailure {
                function: Some(name),
                step: step.summary.clone(),
                hint: hint(&step.action, &e),
                error: e.message,
            };
            progress.failed(Some(name), &failure.error);
            run.failure = Some(failure);
            return run;
        }
        run.done += 1;
    }
    progress.done(
        Some(name),
        if steps.is_empty() {
            "up to date"
        } else {
            "done"
        },
    );
    run
}
