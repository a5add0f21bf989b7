//! `update-lambdas`, `promote-lambdas`, `rollback-lambdas` and `history`: flags become a
//! target for the deploy engine ([`crate::deploy::converge`]); the result is rendered here.

use std::collections::BTreeMap;

use serde::Serialize;

use super::plan_view::show_plan;
use crate::cli::{HistoryArgs, PromoteArgs, RollbackArgs, UpdateArgs};
use crate::deploy::account::Account;
use crate::deploy::desired::{AliasGoal, Desired};
use crate::deploy::history::{MoveKind, Record};
use crate::deploy::names::PROD;
pub use crate::deploy::names::hex_sha256;
use crate::deploy::observed::{Observed, Reads, read_history};
use crate::deploy::plan::{self, Action, AliasTarget, Step};
use crate::deploy::{After, Context, Converged, Job, Validate, Validation, converge, lock};
use crate::exit::{Exit, Failure};
use crate::output::{Format, Output, print_table, table};
use crate::payloads;
use crate::settings::Settings;

/// Lambda's alias names: 1-128 of letters, digits, '-' and '_', not only digits.
pub fn check_alias(flag: &str, value: &str) -> Result<(), Failure> {
    let ok = !value.is_empty()
        && value.len() <= 128
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        && !value.bytes().all(|b| b.is_ascii_digit());
    if ok {
        Ok(())
    } else {
        Err(Failure::usage(format!(
            "{flag}: expected an alias name such as prod or staging (letters, digits, '-' and '_', not only digits, at most 128), got {value:?}"
        )))
    }
}

fn check_version(flag: &str, value: &str) -> Result<(), Failure> {
    if !value.is_empty()
        && value.len() <= 10
        && value.bytes().all(|b| b.is_ascii_digit())
        && value != "0"
    {
        Ok(())
    } else {
        Err(Failure::usage(format!(
            "{flag}: expected a published version number such as 3, got {value:?}"
        )))
    }
}

#[derive(Serialize)]
struct AliasRow {
    function: String,
    alias: String,
    version: String,
    /// Canary weights: version → share (0-1).
    weights: BTreeMap<String, f64>,
    /// Hex SHA-256 of the primary version's package.
    sha256: String,
    /// Whether the primary version holds the package embedded in this rosactl.
    embedded: Option<bool>,
}

#[derive(Serialize)]
struct MoveReport<'a> {
    command: &'a str,
    account_id: String,
    region: String,
    changed: bool,
    dry_run: bool,
    steps_applied: usize,
    moves: Vec<Record>,
    aliases: Vec<AliasRow>,
    validation: Vec<Validation>,
    notes: Vec<String>,
}

fn alias_rows(desired: &Desired, observed: &Observed, aliases: &[&str]) -> Vec<AliasRow> {
    let mut rows = Vec::new();
    for name in &desired.selected {
        let o = observed.function(name);
        for alias in aliases {
            let Some(a) = o.aliases.get(*alias) else {
                continue;
            };
            let code = o
                .version(&a.version)
                .map(|v| v.code_sha256.clone())
                .unwrap_or_default();
            rows.push(AliasRow {
                function: name.to_string(),
                alias: alias.to_string(),
                version: a.version.clone(),
                weights: a.weights.clone(),
                sha256: hex_sha256(&code),
                embedded: desired.packages.get(name).map(|p| p.code_sha256 == code),
            });
        }
    }
    rows
}

fn render(
    ctx: &Context<'_>,
    command: &str,
    desired: &Desired,
    done: &Converged,
    aliases: &[&str],
) -> anyhow::Result<()> {
    let out = ctx.out;
    let report = MoveReport {
        command,
        account_id: ctx.aws.account_id.clone(),
        region: ctx.aws.region.clone(),
        changed: !done.plan.is_empty(),
        dry_run: false,
        steps_applied: done.outcome.completed,
        moves: done.outcome.records.clone(),
        aliases: alias_rows(desired, done.state(), aliases),
        validation: done.validation.clone(),
        notes: done.plan.notes.clone(),
    };
    if out.format != Format::Table {
        return out.document(&report);
    }
    if report.changed {
        println!(
            "{command} in {} / {}: {} steps applied.",
            report.account_id, report.region, report.steps_applied
        );
    } else {
        println!(
            "{command} in {} / {}: up to date, nothing to change.",
            report.account_id, report.region
        );
    }
    let mut t = table(&[
        "FUNCTION", "ALIAS", "VERSION", "CANARY", "SHA-256", "EMBEDDED",
    ]);
    for r in &report.aliases {
        t.add_row(vec![
            r.function.clone(),
            r.alias.clone(),
            r.version.clone(),
            if r.weights.is_empty() {
                "-".into()
            } else {
                r.weights
                    .iter()
                    .map(|(v, w)| format!("{}% → {v}", (w * 100.0).round()))
                    .collect::<Vec<_>>()
                    .join(", ")
            },
            r.sha256.chars().take(12).collect(),
            match r.embedded {
                Some(true) => "yes".into(),
                Some(false) => "no".into(),
                None => "-".into(),
            },
        ]);
    }
    print_table(&t);
    for v in &report.validation {
        println!(
            "validation: {} {}",
            if v.ok { "ok" } else { "FAILED" },
            v.detail
        );
    }
    for note in &report.notes {
        println!("note: {note}");
    }
    Ok(())
}

fn failed_validation(done: &Converged, alias: &str) -> anyhow::Result<()> {
    let bad: Vec<&Validation> = done.validation.iter().filter(|v| !v.ok).collect();
    if bad.is_empty() {
        return Ok(());
    }
    let functions: Vec<&str> = bad.iter().map(|v| v.function_name.as_str()).collect();
    Err(Failure::new(
        Exit::Failed,
        format!(
            "validation failed after the move: {}\n  the alias stays where it was moved; to put it back: rosactl rollback-lambdas --alias {alias} --function {}",
            bad.iter().map(|v| v.detail.as_str()).collect::<Vec<_>>().join("; "),
            functions.join(",")
        ),
    )
    .into())
}

pub async fn update(out: &Output, global: &Settings, args: &UpdateArgs) -> anyhow::Result<()> {
    check_alias("--alias", &args.alias)?;
    let packages = payloads::verified()?;
    let selected = Account::select(&args.filter.functions).map_err(Failure::usage)?;
    let ctx = Context::load(out, global).await?;
    let account = ctx.account().await?;
    let desired = Desired::new(account, selected)
        .with_packages(packages)
        .with_alias(
            &args.alias,
            AliasGoal::Embedded {
                move_existing: true,
            },
        );
    let question = if args.alias == PROD {
        format!(
            "Deliver the embedded packages straight to {PROD}, the alias the platform invokes, skipping staging, in account {}?",
            ctx.aws.account_id
        )
    } else {
        format!(
            "Deliver the embedded packages to alias {} in account {}?",
            args.alias, ctx.aws.account_id
        )
    };
    let job = Job {
        what: "update-lambdas",
        dry_run: args.dry_run,
        with_history: true,
        question,
        validate: Validate::Changed(args.alias.clone()),
        lock: Some(lock::BASE_HOLD),
        after: After::Answers,
        reads: Reads::Account,
    };
    let done = converge(&ctx, &desired, job, plan::update).await?;
    if done.dry_run {
        return show_plan(
            out,
            &done.plan,
            &format!("update-lambdas --alias {}", args.alias),
            true,
        );
    }
    render(
        &ctx,
        "update-lambdas",
        &desired,
        &done,
        &[args.alias.as_str()],
    )?;
    failed_validation(&done, &args.alias)
}

pub async fn promote(out: &Output, global: &Settings, args: &PromoteArgs) -> anyhow::Result<()> {
    check_alias("--from", &args.from)?;
    check_alias("--to", &args.to)?;
    if args.from == args.to {
        return Err(Failure::usage(format!(
            "--from and --to are both {:?}: promote moves one alias to another's version",
            args.from
        ))
        .into());
    }
    let selected = Account::select(&args.filter.functions).map_err(Failure::usage)?;
    let ctx = Context::load(out, global).await?;
    let account = ctx.account().await?;
    let goal = match (args.canary, args.finish) {
        (Some(percent), _) => AliasGoal::Canary {
            alias: args.from.clone(),
            percent,
        },
        (None, true) => AliasGoal::FinishCanary,
        (None, false) => AliasGoal::Follow {
            alias: args.from.clone(),
        },
    };
    // The packages only tell the report whether each alias runs the embedded code.
    let desired = Desired::new(account, selected)
        .with_packages(payloads::verified()?)
        .with_alias(&args.to, goal);
    let from = args.from.clone();
    // The check invokes what is about to receive traffic: --from (the canary version for
    // --finish, which --from may have left since).
    let check = move |_: &crate::deploy::observed::FunctionObserved, step: &Step| match &step.action
    {
        Action::UpdateAlias {
            kind: MoveKind::Finish,
            target: AliasTarget::Version(v),
            ..
        } => v.clone(),
        _ => from.clone(),
    };
    let skip = args.skip_check;
    let bake = args.bake;
    let planner = move |d: &Desired, o: &Observed| {
        let check: Option<&dyn Fn(&crate::deploy::observed::FunctionObserved, &Step) -> String> =
            if skip { None } else { Some(&check) };
        let mut p = plan::move_aliases(d, o, "promote", check, None)?;
        if let Some(seconds) = bake {
            plan::finish_after_bake(&mut p, seconds);
        }
        Ok(p)
    };
    let what = if args.finish {
        format!("Finish the canary on {}", args.to)
    } else if let Some(p) = args.canary {
        format!(
            "Send {p}% of {}'s invocations to what {} runs",
            args.to, args.from
        )
    } else {
        format!("Point {} at what {} runs", args.to, args.from)
    };
    let job = Job {
        what: "promote-lambdas",
        dry_run: args.dry_run,
        // Read to find a move an interrupted promotion made but did not record.
        with_history: true,
        question: format!("{what}, in account {}?", ctx.aws.account_id),
        validate: Validate::Nothing,
        lock: Some(lock::BASE_HOLD + std::time::Duration::from_secs(bake.unwrap_or(0))),
        after: After::Answers,
        reads: Reads::Aliases,
    };
    let done = converge(&ctx, &desired, job, planner).await?;
    if done.dry_run {
        return show_plan(
            out,
            &done.plan,
            &format!("promote-lambdas --from {} --to {}", args.from, args.to),
            true,
        );
    }
    render(
        &ctx,
        "promote-lambdas",
        &desired,
        &done,
        &[args.to.as_str(), args.from.as_str()],
    )
}

pub async fn rollback(out: &Output, global: &Settings, args: &RollbackArgs) -> anyhow::Result<()> {
    check_alias("--alias", &args.alias)?;
    if let Some(v) = &args.to_version {
        check_version("--to-version", v)?;
    }
    let selected = Account::select(&args.filter.functions).map_err(Failure::usage)?;
    let ctx = Context::load(out, global).await?;
    let account = ctx.account().await?;
    let desired = Desired::new(account, selected)
        .with_packages(payloads::verified()?)
        .with_alias(
            &args.alias,
            AliasGoal::Rollback {
                to_version: args.to_version.clone(),
            },
        );
    let job = Job {
        what: "rollback-lambdas",
        dry_run: args.dry_run,
        with_history: true,
        question: format!(
            "Roll {} back in account {}?",
            args.alias, ctx.aws.account_id
        ),
        validate: Validate::Nothing,
        lock: Some(lock::BASE_HOLD),
        after: After::Answers,
        reads: Reads::Aliases,
    };
    let done = converge(&ctx, &desired, job, |d, o| {
        plan::move_aliases(d, o, "rollback", None, None)
    })
    .await?;
    if done.dry_run {
        return show_plan(
            out,
            &done.plan,
            &format!("rollback-lambdas --alias {}", args.alias),
            true,
        );
    }
    render(
        &ctx,
        "rollback-lambdas",
        &desired,
        &done,
        &[args.alias.as_str()],
    )
}

#[derive(Serialize)]
struct HistoryRow<'a> {
    #[serde(flatten)]
    record: &'a Record,
    /// Hex SHA-256 of the package moved to.
    sha256: String,
}

pub async fn history(out: &Output, global: &Settings, args: &HistoryArgs) -> anyhow::Result<()> {
    if let Some(a) = &args.alias {
        check_alias("--alias", a)?;
    }
    let selected = Account::select(&args.filter.functions).map_err(Failure::usage)?;
    let ctx = Context::load(out, global).await?;
    let account = ctx.account().await?;
    let reads = selected
        .iter()
        .map(|name| read_history(&ctx.aws, &account.bucket, name));
    let mut records = Vec::new();
    for r in futures_util::future::join_all(reads).await {
        records.extend(r?);
    }
    records.retain(|r| args.alias.as_ref().is_none_or(|a| &r.alias == a));
    records.sort_by(|a, b| a.id.cmp(&b.id));
    let rows: Vec<HistoryRow> = records
        .iter()
        .map(|record| HistoryRow {
            record,
            sha256: hex_sha256(&record.code_sha256),
        })
        .collect();
    if out.format != Format::Table {
        return out.document(&serde_json::json!({"moves": rows}));
    }
    if rows.is_empty() {
        println!(
            "No alias moves recorded in s3://{}/history/ (setup-account, update-lambdas, promote-lambdas and rollback-lambdas record them).",
            account.bucket
        );
        return Ok(());
    }
    let mut t = table(&[
        "TIME", "FUNCTION", "ALIAS", "MOVE", "FROM", "TO", "SHA-256", "ROSACTL", "BY",
    ]);
    let show = |v: &Option<String>, w: &BTreeMap<String, f64>| -> String {
        let base = v.clone().unwrap_or_else(|| "-".into());
        if w.is_empty() {
            base
        } else {
            let canary: Vec<String> = w
                .iter()
                .map(|(v, w)| format!("{}%→{v}", (w * 100.0).round()))
                .collect();
            format!("{base} ({})", canary.join(", "))
        }
    };
    for r in &rows {
        let rec = r.record;
        t.add_row(vec![
            rec.time.clone(),
            rec.function.clone(),
            rec.alias.clone(),
            format!("{:?}", rec.kind).to_lowercase(),
            show(&rec.from_version, &rec.from_weights),
            show(&Some(rec.to_version.clone()), &rec.to_weights),
            r.sha256.chars().take(12).collect(),
            rec.rosactl_version.clone(),
            rec.caller_arn.clone(),
        ]);
    }
    print_table(&t);
    Ok(())
}
