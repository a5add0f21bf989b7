//! `rosactl versions [--function] [--keep N]`: each function's published versions, and the
//! clean-up of old ones nothing references (planned and applied by the deploy engine).

use serde::Serialize;

use super::plan_view::show_plan;
use crate::cli::VersionsArgs;
use crate::deploy::account::Account;
use crate::deploy::desired::Desired;
use crate::deploy::names::hex_sha256;
use crate::deploy::observed::{Observed, observe};
use crate::deploy::plan::{self, Action};
use crate::deploy::{After, Context, Job, Validate, converge, lock};
use crate::exit::Failure;
use crate::output::{Format, Output, print_table, table};
use crate::payloads;
use crate::settings::Settings;

#[derive(Serialize)]
struct VersionRow {
    function: String,
    version: String,
    sha256: String,
    description: String,
    /// The package embedded in this rosactl.
    embedded: bool,
    /// Aliases (and canary weights, pending rollbacks) that need this version.
    used_by: Vec<String>,
}

#[derive(Serialize)]
struct VersionsReport {
    account_id: String,
    region: String,
    versions: Vec<VersionRow>,
    /// With --keep: the versions deleted (or, with --dry-run, that would be).
    #[serde(skip_serializing_if = "Option::is_none")]
    deleted: Option<Vec<String>>,
    dry_run: bool,
}

fn rows(desired: &Desired, observed: &Observed) -> Vec<VersionRow> {
    let mut rows = Vec::new();
    for name in &desired.selected {
        let o = observed.function(name);
        let used = plan::referenced_versions(o);
        let embedded = desired.packages.get(name).map(|p| p.code_sha256.as_str());
        for v in &o.versions {
            rows.push(VersionRow {
                function: name.to_string(),
                version: v.version.clone(),
                sha256: hex_sha256(&v.code_sha256),
                description: v.description.clone(),
                embedded: embedded == Some(v.code_sha256.as_str()),
                used_by: used.get(&v.version).cloned().unwrap_or_default(),
            });
        }
    }
    rows
}

pub async fn run(out: &Output, global: &Settings, args: &VersionsArgs) -> anyhow::Result<()> {
    let selected = Account::select(&args.filter.functions).map_err(Failure::usage)?;
    let packages = payloads::verified()?;
    let ctx = Context::load(out, global).await?;
    let desired = Desired::new(ctx.account().await?, selected).with_packages(packages);
    let Some(keep) = args.keep else {
        let observed = observe(&ctx.aws, &desired, true).await?;
        return render(
            out,
            VersionsReport {
                account_id: ctx.aws.account_id.clone(),
                region: ctx.aws.region.clone(),
                versions: rows(&desired, &observed),
                deleted: None,
                dry_run: false,
            },
        );
    };
    let job = Job {
        what: "versions --keep",
        dry_run: args.dry_run,
        with_history: true,
        question: format!(
            "Delete the old versions nothing references, keeping the newest {keep}, in account {}?",
            ctx.aws.account_id
        ),
        validate: Validate::Nothing,
        lock: Some(lock::BASE_HOLD),
        after: After::Observe,
        reads: crate::deploy::observed::Reads::Account,
    };
    let done = converge(&ctx, &desired, job, |d, o| {
        plan::prune_versions(d, o, keep as usize)
    })
    .await?;
    if done.dry_run {
        return show_plan(out, &done.plan, &format!("versions --keep {keep}"), true);
    }
    let deleted = done
        .plan
        .steps()
        .iter()
        .filter_map(|s| match &s.action {
            Action::DeleteVersion { version } => {
                Some(format!("{}:{version}", s.function.unwrap_or_default()))
            }
            _ => None,
        })
        .collect();
    render(
        out,
        VersionsReport {
            account_id: ctx.aws.account_id.clone(),
            region: ctx.aws.region.clone(),
            versions: rows(&desired, done.state()),
            deleted: Some(deleted),
            dry_run: false,
        },
    )
}

fn render(out: &Output, r: VersionsReport) -> anyhow::Result<()> {
    if out.format != Format::Table {
        return out.document(&r);
    }
    if let Some(deleted) = &r.deleted {
        if deleted.is_empty() {
            println!(
                "Nothing to delete: every old version is referenced, or within the newest kept."
            );
        } else {
            println!(
                "Deleted {} version(s): {}",
                deleted.len(),
                deleted.join(", ")
            );
        }
    }
    if r.versions.is_empty() {
        println!(
            "No published versions in account {} ({}): run `rosactl setup-account`.",
            r.account_id, r.region
        );
        return Ok(());
    }
    let mut t = table(&[
        "FUNCTION",
        "VERSION",
        "SHA-256",
        "EMBEDDED",
        "USED BY",
        "DESCRIPTION",
    ]);
    for v in &r.versions {
        t.add_row(vec![
            v.function.clone(),
            v.version.clone(),
            v.sha256.chars().take(12).collect(),
            if v.embedded { "yes" } else { "-" }.into(),
            if v.used_by.is_empty() {
                "-".into()
            } else {
                v.used_by.join(", ")
            },
            v.description.clone(),
        ]);
    }
    print_table(&t);
    Ok(())
}
