//! `rosactl setup-account`: deploys the three functions and registers the account.

use std::collections::BTreeMap;

use serde::Serialize;

use super::plan_view::show_plan;
use crate::cli::{SetupArgs, SetupMode};
use crate::deploy::account::Account;
use crate::deploy::desired::{AliasGoal, Desired};
use crate::deploy::names::{PROD, STAGING};
use crate::deploy::observed::Observed;
use crate::deploy::plan::embedded_version;
use crate::deploy::{After, Context, Job, Validate, Validation, converge, plan};
use crate::exit::{Exit, Failure};
use crate::output::{Format, Output, print_table, table};
use crate::payloads;
use crate::platform::{Platform, Registration};
use crate::settings::Settings;

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
    /// The account's rules (prefix, role path, boundary, tags) the deployment follows.
    pub rules: crate::deploy::rules::AccountRules,
    /// How the functions are operated (tracing, reserved concurrency), as recorded.
    pub operating: crate::deploy::operating::Operating,
    /// migrate-account's inventory of the legacy ROSA setup.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inventory: Option<serde_json::Value>,
}

/// Why `arn` may not be the invoker: it must name exactly one IAM role (not `*`, not an
/// account root, not a user, not a wildcard), of another account than the customer's own
/// (when known). The same rule for `--invoker-role-arn` and for the Platform API's answer.
pub fn invoker_problem(arn: &str, own_account: Option<&str>) -> Option<String> {
    let Some(rest) = arn.strip_prefix("arn:") else {
        return Some("not an ARN".into());
    };
    let Some((partition, rest)) = rest.split_once(":iam::") else {
        return Some("not an IAM ARN".into());
    };
    if !matches!(partition, "aws" | "aws-cn" | "aws-us-gov") {
        return Some(format!("unknown partition {partition:?}"));
    }
    let Some((account, resource)) = rest.split_once(':') else {
        return Some("no account id".into());
    };
    if account.len() != 12 || !account.bytes().all(|b| b.is_ascii_digit()) {
        return Some(format!("{account:?} is not a 12-digit account id"));
    }
    let Some(path_and_name) = resource.strip_prefix("role/") else {
        return Some(if resource == "root" {
            "an account root would let every identity of that account invoke the functions".into()
        } else {
            format!("{resource:?} is not a role")
        });
    };
    let name = path_and_name.rsplit('/').next().unwrap_or_default();
    let allowed = |c: char| c.is_ascii_alphanumeric() || "+=,.@_-".contains(c);
    if name.is_empty() || name.len() > 64 || !name.chars().all(allowed) {
        return Some(format!("{name:?} is not a role name"));
    }
    if !path_and_name.chars().all(|c| allowed(c) || c == '/') {
        return Some(format!("{path_and_name:?} is not a role path and name"));
    }
    if own_account == Some(account) {
        return Some(format!(
            "the role is in this account ({account}); the platform invokes from its own account"
        ));
    }
    None
}

pub fn check_invoker_arn(arn: &str) -> Result<(), Failure> {
    match invoker_problem(arn, None) {
        None => Ok(()),
        Some(why) => Err(Failure::usage(format!(
            "--invoker-role-arn: expected the IAM role ARN of the platform's invoker, such as arn:aws:iam::123456789012:role/LambdaExecutor, got {arn:?}: {why}"
        ))),
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
                function_name: names.function_name.clone(),
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

/// What setup-account converges to (before the invoker and log settings are added): all
/// three functions on the embedded packages, `prod` and `staging` created where missing, and
/// the dashboard when the account's operating settings ask for it.
/// `status` compares the account with the same target.
pub fn setup_target(account: Account, packages: Vec<payloads::Package>) -> Desired {
    let all = Account::select(&[]).expect("no selection is always valid");
    let create_only = AliasGoal::Embedded {
        move_existing: false,
    };
    let mut desired = Desired::new(account, all)
        .with_packages(packages)
        .with_alias(PROD, create_only.clone())
        .with_alias(STAGING, create_only);
    if desired.account.rules.operating.dashboard {
        desired.dashboard = Some((
            crate::deploy::dashboard::name(&desired.account),
            crate::deploy::dashboard::body(&desired.account),
        ));
    }
    desired
}

pub async fn run(out: &Output, global: &Settings, args: &SetupArgs) -> anyhow::Result<()> {
    run_with(out, global, args, None).await.map(drop)
}

/// The platform's invoker: `--invoker-role-arn`, else the Platform API's answer; either is
/// checked (one IAM role of another account).
pub async fn resolve_invoker(
    given: Option<&str>,
    api: Option<&Platform>,
    aws: &crate::aws::Aws,
) -> anyhow::Result<String> {
    match (given, api) {
        (Some(arn), _) => {
            if let Some(why) = invoker_problem(arn, Some(&aws.account_id)) {
                return Err(Failure::usage(format!("--invoker-role-arn {arn:?}: {why}")).into());
            }
            Ok(arn.to_string())
        }
        (None, Some(api)) => {
            // What the API answers crosses a trust boundary like a flag does.
            let arn = api.invoker_arn().await?;
            if let Some(why) = invoker_problem(&arn, Some(&aws.account_id)) {
                return Err(Failure::new(
                    Exit::Failed,
                    format!(
                        "the Platform API ({}) names {arn:?} as the invoker, which rosactl will not allow to invoke the functions: {why}; nothing was changed (pass --invoker-role-arn to name the role yourself)",
                        api.url
                    ),
                )
                .into());
            }
            Ok(arn)
        }
        (None, None) => Err(Failure::usage(
            "the platform's invoker role is needed: pass --api-url (or set ROSACTL_API_URL) to read it from the Platform API, or pass --invoker-role-arn",
        )
        .into()),
    }
}

/// setup-account; `inventory` (migrate-account's) goes into every JSON document. Returns the
/// artifact bucket when the deployment was applied and validated.
pub async fn run_with(
    out: &Output,
    global: &Settings,
    args: &SetupArgs,
    inventory: Option<serde_json::Value>,
) -> anyhow::Result<Option<String>> {
    if let Some(arn) = &args.invoker_role_arn {
        check_invoker_arn(arn)?;
    }
    args.rules.flags().check()?;
    args.operating().check().map_err(Failure::usage)?;
    if args.out.is_some() && args.mode != SetupMode::Manual {
        return Err(
            Failure::usage("--out: only with --mode manual (where the script is written)").into(),
        );
    }
    // Nothing is read from or written to AWS before the packages are proven intact.
    let packages = payloads::verified()?;
    let ctx = Context::load(out, global).await?;
    let aws = &ctx.aws;
    let api = Platform::connect(global, aws).await?;
    let invoker_arn = resolve_invoker(args.invoker_role_arn.as_deref(), api.as_ref(), aws).await?;
    let recorded = ctx.recorded_rules().await?;
    let rules = args.rules.flags().over(
        recorded.clone().unwrap_or_else(|| ctx.standard_rules()),
        aws.partition(),
        recorded.is_some(),
    )?;
    let mut rules = rules;
    rules.operating = args
        .operating()
        .over(rules.operating)
        .map_err(Failure::usage)?;
    if let Some(topic) = &args.alarm_topic {
        crate::deploy::alarms::check_topic(topic, aws.partition(), &aws.region)
            .map_err(Failure::usage)?;
    }
    let account = ctx.account_with(rules);
    if args.reserved_concurrency.is_some() {
        check_capacity(aws, &account).await?;
    }
    let mut desired = setup_target(account, packages);
    desired.invoker_arn = Some(invoker_arn.clone());
    desired.retention = Some(args.log_retention_days);
    desired.log_kms_key_arn = args.log_kms_key_arn.clone();

    if args.mode == SetupMode::Manual {
        return manual(out, &ctx, &desired, args, inventory)
            .await
            .map(|()| None);
    }

    let job = Job {
        what: "setup-account",
        dry_run: args.dry_run,
        with_history: true,
        question: format!(
            "Deploy the ROSA Lambda functions to account {} in {} (invoker {invoker_arn})?",
            aws.account_id, aws.region
        ),
        validate: Validate::All(PROD.to_string()),
        lock: None,
        after: After::Observe,
        reads: crate::deploy::observed::Reads::Account,
    };
    let done = converge(&ctx, &desired, job, plan::setup).await?;
    if done.dry_run {
        if let Some(inventory) = inventory
            && out.format != Format::Table
        {
            let mut doc = super::plan_view::plan_document(&done.plan, true);
            doc["inventory"] = inventory;
            return out.document(&doc).map(|()| None);
        }
        return show_plan(
            out,
            &done.plan,
            &format!("setup-account in {} / {}", aws.account_id, aws.region),
            true,
        )
        .map(|()| None);
    }

    // Never register (or report success on) a deployment that did not answer: validation
    // runs on every run, and registration only after it passed.
    let failed: Vec<&Validation> = done.validation.iter().filter(|v| !v.ok).collect();
    let registration = match &api {
        _ if !failed.is_empty() => Registration {
            state: "skipped",
            detail: "validation failed: the account was not registered".into(),
        },
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
        rules: desired.account.rules.clone(),
        operating: desired.account.rules.operating.clone(),
        inventory,
    };
    render(out, &summary)?;
    if !failed.is_empty() {
        let details: Vec<&str> = failed.iter().map(|v| v.detail.as_str()).collect();
        return Err(Failure::new(
            Exit::Failed,
            format!(
                "validation failed, so the account was not registered: {}",
                details.join("; ")
            ),
        )
        .into());
    }
    Ok(Some(desired.account.bucket.clone()))
}

/// `--reserved-concurrency`, before any write: the account must keep Lambda's minimum
/// unreserved concurrency once rosactl's functions hold what is asked.
async fn check_capacity(
    aws: &crate::aws::Aws,
    account: &crate::deploy::account::Account,
) -> anyhow::Result<()> {
    use crate::deploy::operating::capacity_problem;
    let settings = aws.lambda.get_account_settings().send();
    let held = futures_util::future::join_all(account.functions.iter().map(|f| async move {
        let answer = aws
            .lambda
            .get_function_concurrency()
            .function_name(&f.function_name)
            .send()
            .await;
        match answer {
            Ok(out) => Ok((
                f.spec.function_name.to_string(),
                out.reserved_concurrent_executions.unwrap_or(0),
            )),
            Err(e)
                if e.as_service_error()
                    .is_some_and(|e| e.is_resource_not_found_exception()) =>
            {
                Ok((f.spec.function_name.to_string(), 0))
            }
            Err(e) => Err(crate::aws::describe(&e)),
        }
    }));
    let (settings, held) = tokio::join!(settings, held);
    let failed = |what: &str, e: String| {
        Failure::new(
            Exit::Failed,
            format!("--reserved-concurrency: reading {what} failed, so nothing was changed: {e}"),
        )
    };
    let settings = settings.map_err(|e| {
        failed(
            "the account's Lambda settings (lambda:GetAccountSettings)",
            crate::aws::describe(&e),
        )
    })?;
    let unreserved = settings
        .account_limit
        .and_then(|l| l.unreserved_concurrent_executions)
        .unwrap_or_default();
    let current = held
        .into_iter()
        .collect::<Result<std::collections::BTreeMap<_, _>, _>>()
        .map_err(|e| {
            failed(
                "the functions' reserved concurrency (lambda:GetFunctionConcurrency)",
                e,
            )
        })?;
    match capacity_problem(
        unreserved.into(),
        &current,
        &account.rules.operating.reserved_concurrency,
    ) {
        Some(why) => Err(Failure::usage(format!("{why}; nothing was changed")).into()),
        None => Ok(()),
    }
}

/// `--mode manual`: the plan `--mode auto` would apply now, written for an administrator;
/// reads the account, changes nothing.
async fn manual(
    out: &Output,
    ctx: &Context<'_>,
    desired: &Desired,
    args: &SetupArgs,
    inventory: Option<serde_json::Value>,
) -> anyhow::Result<()> {
    let dir = args.out.as_deref().ok_or_else(|| {
        Failure::usage("--mode manual needs --out DIR: where to write the script and policies")
    })?;
    let observed = crate::deploy::observed::observe(&ctx.aws, desired, true).await?;
    let plan = plan::setup(desired, &observed).map_err(|e| {
        Failure::new(
            Exit::Failed,
            format!("setup-account cannot plan for this account, nothing was written: {e}"),
        )
    })?;
    let written = super::manual::write(desired, &plan, &ctx.aws.caller_arn, dir)?;
    if out.format != Format::Table {
        return out.document(&serde_json::json!({
            "mode": "manual",
            "account_id": desired.account.account,
            "region": desired.account.region,
            "steps": written.steps,
            "script": written.script,
            "files": written.files,
            "plan": plan.steps(),
            "notes": plan.notes,
            "inventory": inventory,
        }));
    }
    if written.steps == 0 {
        println!(
            "Account {} ({}) is up to date: {} has nothing to do (written anyway, for the record).",
            desired.account.account,
            desired.account.region,
            written.script.display()
        );
    } else {
        println!(
            "Wrote {} steps for account {} ({}) to {}: nothing was changed.",
            written.steps,
            desired.account.account,
            desired.account.region,
            written.script.display()
        );
    }
    println!(
        "An administrator reviews {}/policies and {}/tags, then runs: bash {}",
        written.dir.display(),
        written.dir.display(),
        written.script.display()
    );
    println!(
        "Then check: rosactl status --check (exit 0), and rosactl register-account to register the account."
    );
    for note in &plan.notes {
        println!("note: {note}");
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
    if let Some(ops) = s.operating.describe() {
        println!("Operating (recorded on the functions): {ops}");
    }
    if let Some(rules) = s.rules.describe() {
        println!("Account rules (recorded on the functions): {rules}");
    }
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
