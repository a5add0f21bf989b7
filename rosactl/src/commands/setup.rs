//! `rosactl setup-account`: deploys the three functions and registers the account.

use std::collections::BTreeMap;

use serde::Serialize;

use super::plan_view::show_plan;
use crate::cli::{GlobalArgs, SetupArgs};
use crate::deploy::account::Account;
use crate::deploy::desired::{AliasGoal, Desired};
use crate::deploy::names::{MIN_RETENTION_DAYS, PROD, RETENTION_CHOICES, STAGING};
use crate::deploy::observed::Observed;
use crate::deploy::plan::embedded_version;
use crate::deploy::{Context, Job, Validate, Validation, converge, plan};
use crate::exit::{Exit, Failure};
use crate::output::{Format, Output, print_table, table};
use crate::payloads;
use crate::platform::{Platform, Registration};

#[derive(Serialize)]
pub struct FunctionSummary {
    pub function_name: String,
    pub component: String,
    pub function_arn: String,
    pub package_version: String,
    pub sha256: String,
    /// The published version holding the embedded package.
    pub version: Option<String>,
    pub aliases: BTreeMap<String, String>,
    pub role_arn: String,
    pub log_group: String,
    pub log_retention_days: Option<i32>,
    /// Who may invoke the `prod` alias.
    pub invoker: Option<String>,
}

#[derive(Serialize)]
pub struct SetupSummary {
    pub account_id: String,
    pub region: String,
    pub invoker_arn: String,
    pub bucket: String,
    /// False when everything was already in place ("up to date").
    pub changed: bool,
    pub steps_applied: usize,
    pub functions: Vec<FunctionSummary>,
    pub validation: Vec<Validation>,
    pub registration: Registration,
    pub notes: Vec<String>,
}

pub fn check_invoker_arn(arn: &str) -> Result<(), Failure> {
    let ok = arn
        .strip_prefix("arn:")
        .and_then(|rest| rest.split_once(":iam::"))
        .and_then(|(partition, rest)| partition.starts_with("aws").then_some(rest))
        .and_then(|rest| rest.split_once(":role/"))
        .is_some_and(|(account, role)| {
            account.len() == 12 && account.bytes().all(|b| b.is_ascii_digit()) && !role.is_empty()
        });
    if ok {
        Ok(())
    } else {
        Err(Failure::usage(format!(
            "--invoker-role-arn: expected an IAM role ARN such as arn:aws:iam::123456789012:role/LambdaExecutor, got {arn:?}"
        )))
    }
}

pub fn check_retention(days: i32) -> Result<(), Failure> {
    if days >= MIN_RETENTION_DAYS && RETENTION_CHOICES.contains(&days) {
        Ok(())
    } else {
        let choices: Vec<String> = RETENTION_CHOICES.iter().map(ToString::to_string).collect();
        Err(Failure::usage(format!(
            "--log-retention-days: expected at least {MIN_RETENTION_DAYS} and one of the values CloudWatch Logs accepts ({}), got {days}",
            choices.join(", ")
        )))
    }
}

fn summarize(desired: &Desired, observed: &Observed) -> Vec<FunctionSummary> {
    desired
        .selected
        .iter()
        .map(|name| {
            let o = observed.function(name);
            let pkg = &desired.packages[name];
            let names = desired.names(name);
            FunctionSummary {
                function_name: name.to_string(),
                component: names.spec.component.to_string(),
                function_arn: o
                    .function
                    .as_ref()
                    .map(|s| s.arn.clone())
                    .unwrap_or_default(),
                package_version: pkg.package.manifest.version.clone(),
                sha256: pkg.package.manifest.sha256.clone(),
                version: embedded_version(pkg, o),
                aliases: o
                    .aliases
                    .iter()
                    .map(|(a, s)| (a.clone(), s.version.clone()))
                    .collect(),
                role_arn: o.role.as_ref().map(|r| r.arn.clone()).unwrap_or_default(),
                log_group: names.log_group.clone(),
                log_retention_days: o.log_group.as_ref().and_then(|l| l.retention_days),
                invoker: o.permission.as_ref().map(|p| p.principal.clone()),
            }
        })
        .collect()
}

pub async fn run(out: &Output, global: &GlobalArgs, args: &SetupArgs) -> anyhow::Result<()> {
    check_retention(args.log_retention_days)?;
    if let Some(arn) = &args.invoker_role_arn {
        check_invoker_arn(arn)?;
    }
    // Nothing is read from or written to AWS before the packages are proven intact.
    let packages = payloads::verified()?;
    let ctx = Context::load(out, global).await?;
    let aws = &ctx.aws;
    let api = Platform::connect(global, aws).await?;
    let invoker_arn = match (&args.invoker_role_arn, &api) {
        (Some(arn), _) => arn.clone(),
        (None, Some(api)) => api.invoker_arn().await?,
        (None, None) => {
            return Err(Failure::usage(
                "setup-account needs the platform's invoker role: pass --api-url (or set ROSACTL_API_URL) to read it from the Platform API, or pass --invoker-role-arn",
            )
            .into());
        }
    };
    let account = ctx.account();
    let all = Account::select(&[]).map_err(Failure::usage)?;
    let create_only = AliasGoal::Embedded {
        move_existing: false,
    };
    let mut desired = Desired::new(account, all)
        .with_packages(packages)
        .with_alias(PROD, create_only.clone())
        .with_alias(STAGING, create_only);
    desired.invoker_arn = Some(invoker_arn.clone());
    desired.retention_days = Some(args.log_retention_days);

    let job = Job {
        what: "setup-account",
        dry_run: args.dry_run,
        with_history: false,
        question: format!(
            "Deploy the ROSA Lambda functions to account {} in {} (invoker {invoker_arn})?",
            aws.account_id, aws.region
        ),
        validate: Validate::AllIfChanged(PROD.to_string()),
    };
    let done = converge(&ctx, &desired, job, plan::setup).await?;
    if done.dry_run {
        return show_plan(
            out,
            &done.plan,
            &format!("setup-account in {} / {}", aws.account_id, aws.region),
            true,
        );
    }

    let registration = match &api {
        Some(api) => api.ensure_registered(&aws.account_id).await?,
        None => Registration {
            state: "skipped",
            detail:
                "no Platform API URL (--api-url / ROSACTL_API_URL): the account was not registered"
                    .into(),
        },
    };
    let summary = SetupSummary {
        account_id: aws.account_id.clone(),
        region: aws.region.clone(),
        invoker_arn,
        bucket: desired.account.bucket.clone(),
        changed: !done.plan.is_empty(),
        steps_applied: done.outcome.completed,
        functions: summarize(&desired, done.state()),
        validation: done.validation.clone(),
        registration,
        notes: done.plan.notes.clone(),
    };
    render(out, &summary)?;
    if let Some(bad) = summary.validation.iter().find(|v| !v.ok) {
        return Err(
            Failure::new(Exit::Failed, format!("validation failed: {}", bad.detail)).into(),
        );
    }
    Ok(())
}

fn render(out: &Output, s: &SetupSummary) -> anyhow::Result<()> {
    if out.format != Format::Table {
        return out.document(s);
    }
    if s.changed {
        println!(
            "Account {} ({}) is set up: {} steps applied.",
            s.account_id, s.region, s.steps_applied
        );
    } else {
        println!(
            "Account {} ({}) is up to date: nothing to change.",
            s.account_id, s.region
        );
    }
    let mut t = table(&[
        "FUNCTION",
        "VERSION",
        "PROD",
        "STAGING",
        "SHA-256",
        "LOG GROUP",
        "RETENTION",
    ]);
    for f in &s.functions {
        t.add_row(vec![
            f.function_name.clone(),
            f.version.clone().unwrap_or_else(|| "-".into()),
            f.aliases.get(PROD).cloned().unwrap_or_else(|| "-".into()),
            f.aliases
                .get("staging")
                .cloned()
                .unwrap_or_else(|| "-".into()),
            f.sha256.chars().take(12).collect(),
            f.log_group.clone(),
            f.log_retention_days
                .map_or("never expires".into(), |d| format!("{d} days")),
        ]);
    }
    print_table(&t);
    for f in &s.functions {
        println!("{}: {}", f.function_name, f.function_arn);
    }
    println!(
        "Invoker (only principal allowed on {PROD}): {}",
        s.invoker_arn
    );
    println!("Artifact bucket: {}", s.bucket);
    for v in &s.validation {
        println!(
            "validation: {} {}",
            if v.ok { "ok" } else { "FAILED" },
            v.detail
        );
    }
    println!(
        "Registration: {} ({})",
        s.registration.state, s.registration.detail
    );
    for note in &s.notes {
        println!("note: {note}");
    }
    Ok(())
}
