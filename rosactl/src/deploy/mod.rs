//! ONE engine for every command that changes the account (setup, update, promote,
//! rollback, cleanup): the account's names and the command's target ([`desired`]) →
//! observed state ([`observed`], AWS reads) → a plan of staged graphs of typed steps ([`plan`], pure)
//! → confirmation → [`apply`] (every ready step at once, gates, failure policy) → validation.
//! [`converge`] is that path; a command only builds the target and renders the result.

pub mod account;
pub mod alarms;
pub mod apply;
pub mod dashboard;
pub mod desired;
pub mod drift;
pub mod history;
pub mod lock;
pub mod names;
pub mod observed;
pub mod operating;
pub mod plan;
pub mod progress;
pub mod retry;
pub mod role_regions;
pub mod rules;

use aws_sdk_lambda::primitives::Blob;
use serde::Serialize;

use crate::aws::{Aws, describe};
use crate::confirm::confirm;
use crate::exit::{Exit, Failure};
use crate::output::{Format, Output};
use crate::settings::Settings;
use account::Account;
use apply::Outcome;
use desired::Desired;
use observed::{Observed, observe};
use plan::{Plan, PlanError};
use progress::Progress;

/// How a function answered a check invocation.
#[derive(Debug, Clone, Serialize)]
pub struct Validation {
    pub function_name: String,
    pub qualifier: String,
    pub ok: bool,
    pub detail: String,
}

pub use rosa_lambda_api::CHECK_PAYLOAD;

/// Invokes `name:qualifier` with [`CHECK_PAYLOAD`] (side-effect free: our functions answer
/// it with their own input error naming the first required field, which proves the code
/// behind the qualifier is ours and runs) and judges the answer.
pub async fn check_invoke(aws: &Aws, name: &str, qualifier: &str) -> Validation {
    let qualified = format!("{name}:{qualifier}");
    let (ok, detail) = match aws
        .lambda
        .invoke()
        .function_name(&qualified)
        .payload(Blob::new(CHECK_PAYLOAD))
        .send()
        .await
    {
        Err(e) => (
            false,
            format!("invoking {qualified} failed: {}", describe(&e)),
        ),
        Ok(out) => {
            let body = out.payload.map(|p| p.into_inner()).unwrap_or_default();
            let answer = serde_json::from_slice::<rosa_lambda_api::ErrorBody>(&body).ok();
            if out.function_error.is_some() && answer.is_some_and(|a| a.is_check_answer()) {
                (
                    true,
                    format!("{qualified} answered with its own input validation"),
                )
            } else {
                (
                    false,
                    format!(
                        "{qualified} did not answer as expected (function error {:?}): {}",
                        out.function_error,
                        String::from_utf8_lossy(&body)
                            .chars()
                            .take(300)
                            .collect::<String>()
                    ),
                )
            }
        }
    };
    Validation {
        function_name: name.to_string(),
        qualifier: qualifier.to_string(),
        ok,
        detail,
    }
}

/// What every mutating command starts from, built once: output, AWS clients and identity,
/// and the rules the account's deployment recorded (read while STS answers).
pub struct Context<'a> {
    pub out: &'a Output,
    pub global: &'a Settings,
    pub aws: Aws,
    recorded: Result<Option<rules::AccountRules>, Failure>,
}

impl<'a> Context<'a> {
    pub async fn load(out: &'a Output, global: &'a Settings) -> anyhow::Result<Self> {
        let (aws, recorded) =
            Aws::load_with(global, async |aws: &Aws| recorded_rules(aws, global).await).await?;
        Ok(Context {
            out,
            global,
            aws,
            recorded,
        })
    }

    /// The account's names, with the rules its deployment recorded (`--resource-prefix`
    /// picks one; by default the only one found).
    pub async fn account(&self) -> anyhow::Result<Account> {
        let rules = self
            .recorded_rules()
            .await?
            .unwrap_or_else(|| standard_rules(self.global));
        Ok(self.account_with(rules))
    }

    /// The rules the deployment recorded; None when nothing is deployed.
    pub async fn recorded_rules(&self) -> Result<Option<rules::AccountRules>, Failure> {
        match &self.recorded {
            Ok(rules) => Ok(rules.clone()),
            Err(e) => Err(Failure::new(e.exit, e.message.clone())),
        }
    }

    /// Rules for a deployment not made yet: `--resource-prefix` (if any), nothing else.
    pub fn standard_rules(&self) -> rules::AccountRules {
        standard_rules(self.global)
    }

    pub fn account_with(&self, rules: rules::AccountRules) -> Account {
        Account::new(
            &self.aws.account_id,
            &self.aws.region,
            self.aws.partition(),
            rules,
        )
    }

    pub fn progress(&self) -> Progress {
        Progress::new(
            self.out.interactive && self.out.format == Format::Table,
            self.out.debug,
            self.out.format != Format::Table,
        )
    }
}

/// The account's names, with the rules its deployment recorded (`--resource-prefix` picks
/// one; by default the only one found).
pub async fn account_of(aws: &Aws, global: &Settings) -> anyhow::Result<Account> {
    let rules = recorded_rules(aws, global)
        .await?
        .unwrap_or_else(|| standard_rules(global));
    Ok(Account::new(
        &aws.account_id,
        &aws.region,
        aws.partition(),
        rules,
    ))
}

/// The rules the deployment recorded; None when nothing is deployed.
pub async fn recorded_rules(
    aws: &Aws,
    global: &Settings,
) -> Result<Option<rules::AccountRules>, Failure> {
    let prefix = global.resource_prefix.as_deref();
    if let Some(p) = prefix {
        rules::check_prefix("--resource-prefix", p, &aws.region).map_err(Failure::usage)?;
    }
    rules::discover(aws, prefix).await
}

/// Rules for a deployment not made yet: `--resource-prefix` (if any), nothing else.
pub fn standard_rules(global: &Settings) -> rules::AccountRules {
    rules::AccountRules {
        prefix: global.resource_prefix.clone().unwrap_or_default(),
        ..rules::AccountRules::standard()
    }
}

/// Which functions to invoke after a successful apply, and through which alias.
#[derive(Debug, Clone)]
pub enum Validate {
    Nothing,
    /// Every selected function, on every run.
    All(String),
    /// The functions that changed.
    Changed(String),
}

impl Validate {
    /// Invokes the functions this asks for (given what `plan` changed).
    async fn run(&self, aws: &Aws, desired: &Desired, plan: &Plan) -> Vec<Validation> {
        match self {
            Validate::Nothing => Vec::new(),
            Validate::All(alias) => validate(aws, &desired.account, &desired.selected, alias).await,
            Validate::Changed(alias) => {
                validate(aws, &desired.account, &plan.changed_functions(), alias).await
            }
        }
    }
}

/// One run of the engine.
pub struct Job {
    /// The command, for messages (`setup-account`).
    pub what: &'static str,
    pub dry_run: bool,
    /// Read the alias history too (rollback, history).
    pub with_history: bool,
    /// The confirmation question; the step count is added.
    pub question: String,
    pub validate: Validate,
    /// Hold the account's alias lock ([`lock`]) for the run, saying it needs it this long
    /// at most; None for commands that do not move aliases of a deployed account.
    pub lock: Option<std::time::Duration>,
    /// How the state after the run is known, for the report.
    pub after: After,
    /// What the plan is made from.
    pub reads: observed::Reads,
}

/// How a run knows the state it left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum After {
    /// Read the account again.
    Observe,
    /// The state before, with the aliases where Lambda answered each move left them (every
    /// move's answer is checked, and recorded): for commands that only move aliases and
    /// publish versions, whose report shows the aliases.
    Answers,
}

pub struct Converged {
    pub plan: Plan,
    pub before: Observed,
    /// `None` for a dry run or when nothing had to change.
    pub after: Option<Observed>,
    pub outcome: Outcome,
    pub validation: Vec<Validation>,
    pub dry_run: bool,
}

impl Converged {
    /// The state after the run (or before it, when nothing ran).
    pub fn state(&self) -> &Observed {
        self.after.as_ref().unwrap_or(&self.before)
    }
}

/// observe → plan → confirm → apply → validate. Failures of apply or validation are
/// reported on stderr and returned as errors naming what was done and what to do.
pub async fn converge(
    ctx: &Context<'_>,
    desired: &Desired,
    job: Job,
    planner: impl Fn(&Desired, &Observed) -> Result<Plan, PlanError>,
) -> anyhow::Result<Converged> {
    // The lock is only taken for a run that will change something: a run with nothing to do,
    // or whose plan fails, writes nothing. The lock object is read with the account.
    let hold = job.lock.filter(|_| !job.dry_run);
    let peek = async {
        match hold {
            Some(_) => lock::peek(&ctx.aws, &desired.account.bucket).await.ok(),
            None => None,
        }
    };
    let (first, peeked) = tokio::join!(observe_and_plan(ctx, desired, &job, &planner), peek);
    let first = first?;
    let progress = ctx.progress();
    let progress = &progress;
    let Some(hold) = hold else {
        return apply_plan(ctx, desired, job, first, None, None, None, progress).await;
    };
    if first.1.is_empty() {
        let (_, done) = tokio::join!(
            async {
                if let Some(peeked) = peeked.clone() {
                    lock::clear_stale(&ctx.aws, ctx.out, &desired.account.bucket, job.what, peeked)
                        .await
                }
            },
            apply_plan(ctx, desired, job, first, None, None, None, progress)
        );
        return done;
    }
    // Asked before the lock is taken: a run that may not go on (no terminal and no --yes, or
    // the answer is no) writes nothing. Under the lock the plan is asked for again only if it
    // changed.
    let asked = first.1.len();
    ask(ctx, &job, asked)?;
    // While the lock is taken, the first stage's check runs (it only invokes); it counts
    // only if the plan stands under the lock.
    let gate = first
        .1
        .stages
        .iter()
        .find(|s| !s.is_empty())
        .and_then(|s| s.gate.clone())
        .filter(|g| matches!(g, plan::Gate::Check { .. }));
    let locked = async {
        let held = lock::acquire(
            &ctx.aws,
            ctx.out,
            &desired.account.bucket,
            job.what,
            hold,
            peeked.as_ref(),
        )
        .await?;
        // Under the lock the plan stands when no alias moved since the account was read (a
        // run that held the lock in between moved some): known when the lock was taken as
        // read with the account, else the aliases are read again. When they moved, the
        // account is read and planned again.
        let same = match &held {
            Some((_, true)) | None => true,
            Some((_, false)) => observed::same_aliases(&ctx.aws, desired, &first.0).await?,
        };
        anyhow::Ok((held.map(|(h, _)| h), same))
    };
    let checked = async {
        match &gate {
            Some(g) => Some(apply::check(&ctx.aws, desired, g, progress).await),
            None => None,
        }
    };
    let (locked, checked) = tokio::join!(locked, checked);
    let (held, same) = locked?;
    let Some(held) = held else {
        return apply_plan(ctx, desired, job, first, None, None, None, progress).await;
    };
    if same {
        apply_plan(
            ctx,
            desired,
            job,
            first,
            Some(asked),
            checked,
            Some(held),
            progress,
        )
        .await
    } else {
        match observe_and_plan(ctx, desired, &job, &planner).await {
            Ok(again) => {
                apply_plan(
                    ctx,
                    desired,
                    job,
                    again,
                    Some(asked),
                    None,
                    Some(held),
                    progress,
                )
                .await
            }
            Err(e) => {
                release(ctx, Some(held)).await;
                Err(e)
            }
        }
    }
}

/// Lets the alias lock go (a problem is a warning: the next run takes it over).
async fn release(ctx: &Context<'_>, held: Option<lock::Held>) {
    if let Some(held) = held
        && let Some(warning) = held.release(&ctx.aws).await
    {
        ctx.out.say(format!("warning: {warning}"));
    }
}

/// The job's confirmation question, for a plan of `steps` steps.
fn ask(ctx: &Context<'_>, job: &Job, steps: usize) -> Result<(), Failure> {
    confirm(
        ctx.out,
        ctx.global.yes,
        &format!("{} ({steps} steps)", job.question),
    )
}

async fn observe_and_plan(
    ctx: &Context<'_>,
    desired: &Desired,
    job: &Job,
    planner: &impl Fn(&Desired, &Observed) -> Result<Plan, PlanError>,
) -> anyhow::Result<(Observed, Plan)> {
    let before = observed::observe_only(&ctx.aws, desired, job.with_history, job.reads).await?;
    let plan = planner(desired, &before).map_err(|e| {
        Failure::new(
            Exit::Failed,
            format!("{}: nothing was changed:\n{e}", job.what),
        )
    })?;
    Ok((before, plan))
}

/// confirm → apply → validate, for a plan made from `before`; `checked`: the first stage's
/// check, made already; `held`: the alias lock, let go once the steps are over (beside the
/// validation).
#[allow(clippy::too_many_arguments)]
async fn apply_plan(
    ctx: &Context<'_>,
    desired: &Desired,
    job: Job,
    (before, plan): (Observed, Plan),
    confirmed_steps: Option<usize>,
    checked: Option<Vec<Validation>>,
    held: Option<lock::Held>,
    progress: &Progress,
) -> anyhow::Result<Converged> {
    let mut held = held;
    let held_ref = &mut held;
    let result: anyhow::Result<Converged> = async {
        let mut done = Converged {
            plan,
            before,
            after: None,
            outcome: Outcome::default(),
            validation: Vec::new(),
            dry_run: job.dry_run,
        };
        if job.dry_run {
            return Ok(done);
        }
        if done.plan.is_empty() {
            done.validation = job.validate.run(&ctx.aws, desired, &done.plan).await;
            return Ok(done);
        }
        if confirmed_steps != Some(done.plan.len()) {
            ask(ctx, &job, done.plan.len())?;
        }
        crate::interrupt::listen();
        done.outcome = apply::apply(
            &ctx.aws,
            desired,
            &done.before,
            &done.plan,
            progress,
            checked,
            // Steps were confirmed before the lock exactly when the plan is applied under it.
            confirmed_steps.is_some(),
        )
        .await;
        // Let go once the steps are over: at once after a failure, else beside the
        // validation.
        let mut held = held_ref.take();
        if !done.outcome.ok() {
            release(ctx, held.take()).await;
        }
        if !done.outcome.ok() {
            for f in &done.outcome.failures {
                ctx.out.say(format!("error: {f}"));
            }
            if crate::interrupt::requested() {
                let left: Vec<String> = done
                    .outcome
                    .failures
                    .iter()
                    .map(|f| format!("{} (not started)", f.step))
                    .collect();
                let mut message = format!(
                    "{} interrupted (Ctrl-C): {} of {} steps done, the steps in flight finished; not started: {}",
                    job.what,
                    done.outcome.completed,
                    done.plan.len(),
                    left.join("; ")
                );
                if !done.outcome.reverted.is_empty() {
                    message.push_str("; all or nothing, so the aliases already moved were put back: ");
                    message.push_str(&done.outcome.reverted.join("; "));
                }
                message.push_str("; run the same command again to continue");
                return Err(Failure::new(Exit::Interrupted, message).into());
            }
            let refused = done.outcome.gate.iter().any(|v| !v.ok);
            let mut message = if refused && done.outcome.completed == 0 {
                format!(
                    "{}: the check before moving refused: nothing was changed",
                    job.what
                )
            } else {
                format!(
                    "{} stopped: {} of {} steps done, {} failed",
                    job.what,
                    done.outcome.completed,
                    done.plan.len(),
                    done.outcome.failures.len()
                )
            };
            if !done.outcome.reverted.is_empty() || !done.outcome.revert_failures.is_empty() {
                message.push_str("; all or nothing, so the aliases already moved were put back:");
                for line in done
                    .outcome
                    .reverted
                    .iter()
                    .chain(&done.outcome.revert_failures)
                {
                    message.push_str("\n  ");
                    message.push_str(line);
                }
            } else if done
                .plan
                .stages
                .iter()
                .any(|s| s.policy == plan::Policy::AllOrNothing)
            {
                message.push_str("; no alias was moved");
            } else {
                message.push_str("; run it again to continue from there");
            }
            return Err(Failure::new(Exit::Failed, message).into());
        }
        // Validation and the read-back are independent: both at once. The read-back is for the
        // report (aliases, versions): the history it would add is not needed after the apply.
        let read_back = async {
            match job.after {
                After::Observe => observe(&ctx.aws, desired, false).await,
                After::Answers => Ok(apply::moved(desired, &done.before, &done.outcome.records)),
            }
        };
        let (validation, after, ()) = tokio::join!(
            job.validate.run(&ctx.aws, desired, &done.plan),
            read_back,
            release(ctx, held)
        );
        done.validation = validation;
        done.after = Some(after?);
        Ok(done)
    }
    .await;
    // Still held when the run ended before its steps (nothing to do, no confirmation).
    release(ctx, held).await;
    result
}

/// Invokes each of `functions` through `alias` with the check payload.
pub async fn validate(
    aws: &Aws,
    account: &Account,
    functions: &[&'static str],
    alias: &str,
) -> Vec<Validation> {
    futures_util::future::join_all(
        functions
            .iter()
            .map(|n| check_invoke(aws, account.aws_name(n), alias)),
    )
    .await
}
