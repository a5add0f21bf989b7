//! `rosactl cleanup-access` and `rosactl cleanup-account`: through the same engine.

use serde_json::json;

use super::plan_view::{report_failures, show_plan};
use crate::aws::Aws;
use crate::cli::{CleanupAccessArgs, CleanupAccountArgs, GlobalArgs};
use crate::confirm::confirm;
use crate::deploy::desired::Desired;
use crate::deploy::observed::observe;
use crate::deploy::plan::{self, Plan};
use crate::deploy::progress::Progress;
use crate::deploy::{apply, names::RETENTION_CHOICES};
use crate::exit::{Exit, Failure};
use crate::output::{Format, Output};
use crate::payloads;

async fn desired_for(aws: &Aws) -> anyhow::Result<Desired> {
    // Cleanup needs the names only; no invoker is granted anything.
    Ok(Desired::new(
        payloads::verified()?,
        &aws.account_id,
        &aws.region,
        aws.partition(),
        "",
        RETENTION_CHOICES[0],
    ))
}

async fn execute(
    out: &Output,
    global: &GlobalArgs,
    aws: &Aws,
    desired: &Desired,
    plan: Plan,
    what: &str,
    dry_run: bool,
) -> anyhow::Result<()> {
    let header = format!("{what} in {} / {}", aws.account_id, aws.region);
    if dry_run || plan.is_empty() {
        return show_plan(out, &plan, &header);
    }
    confirm(
        out,
        global.yes,
        &format!("{header}: {} steps. Proceed?", plan.len()),
    )?;
    let progress = Progress::new(out.interactive && out.format == Format::Table, out.debug);
    let outcome = apply::apply(aws, desired, &plan, &progress).await;
    if !outcome.failures.is_empty() {
        report_failures(out, &outcome.failures);
        return Err(Failure::new(
            Exit::Failed,
            format!(
                "{what} stopped: {} steps done, {} failed; run it again to continue",
                outcome.completed,
                outcome.failures.len()
            ),
        )
        .into());
    }
    if out.format != Format::Table {
        return out.document(&json!({"changed": true, "steps": plan.steps(), "notes": plan.notes}));
    }
    println!("{header}: done, {} steps applied.", outcome.completed);
    for note in &plan.notes {
        println!("note: {note}");
    }
    Ok(())
}

pub async fn access(
    out: &Output,
    global: &GlobalArgs,
    args: &CleanupAccessArgs,
) -> anyhow::Result<()> {
    let aws = Aws::load(global).await?;
    let desired = desired_for(&aws).await?;
    let observed = observe(&aws, &desired).await?;
    let plan = plan::cleanup_access(&observed);
    execute(
        out,
        global,
        &aws,
        &desired,
        plan,
        "cleanup-access",
        args.dry_run,
    )
    .await
}

pub async fn account(
    out: &Output,
    global: &GlobalArgs,
    args: &CleanupAccountArgs,
) -> anyhow::Result<()> {
    let aws = Aws::load(global).await?;
    let desired = desired_for(&aws).await?;
    let observed = observe(&aws, &desired).await?;
    let plan = plan::cleanup_account(&desired, &observed, args.delete_logs);
    execute(
        out,
        global,
        &aws,
        &desired,
        plan,
        "cleanup-account",
        args.dry_run,
    )
    .await
}
