//! `rosactl cleanup-access` and `rosactl cleanup-account`: through the same engine.

use serde_json::json;

use super::plan_view::show_plan;
use crate::cli::{CleanupAccessArgs, CleanupAccountArgs};
use crate::deploy::account::Account;
use crate::deploy::desired::Desired;
use crate::deploy::observed::Observed;
use crate::deploy::plan::{self, Plan, PlanError};
use crate::deploy::{After, Context, Job, Validate, converge};
use crate::exit::Failure;
use crate::output::{Format, Output};
use crate::settings::Settings;

async fn execute(
    out: &Output,
    global: &Settings,
    what: &'static str,
    dry_run: bool,
    planner: impl Fn(&Desired, &Observed) -> Result<Plan, PlanError>,
) -> anyhow::Result<()> {
    let ctx = Context::load(out, global).await?;
    // Cleanup needs the account's names only: no package, no invoker is granted anything.
    let account = ctx.account().await?;
    let all = Account::select(&[]).map_err(Failure::usage)?;
    let desired = Desired::new(account, all);
    let header = format!("{what} in {} / {}", ctx.aws.account_id, ctx.aws.region);
    let job = Job {
        what,
        dry_run,
        with_history: false,
        question: format!("{header}: proceed?"),
        validate: Validate::Nothing,
        lock: None,
        after: After::Observe,
        reads: crate::deploy::observed::Reads::Account,
    };
    let done = converge(&ctx, &desired, job, planner).await?;
    if done.dry_run || done.plan.is_empty() {
        return show_plan(out, &done.plan, &header, done.dry_run);
    }
    if out.format != Format::Table {
        return out.document(
            &json!({"changed": true, "steps": done.plan.steps(), "notes": done.plan.notes}),
        );
    }
    println!("{header}: done, {} steps applied.", done.outcome.completed);
    for note in &done.plan.notes {
        println!("note: {note}");
    }
    Ok(())
}

pub async fn access(
    out: &Output,
    global: &Settings,
    args: &CleanupAccessArgs,
) -> anyhow::Result<()> {
    execute(out, global, "cleanup-access", args.dry_run, |_, o| {
        Ok(plan::cleanup_access(o))
    })
    .await
}

pub async fn account(
    out: &Output,
    global: &Settings,
    args: &CleanupAccountArgs,
) -> anyhow::Result<()> {
    let delete_logs = args.delete_logs;
    execute(out, global, "cleanup-account", args.dry_run, move |d, o| {
        Ok(plan::cleanup_account(d, o, delete_logs))
    })
    .await
}
