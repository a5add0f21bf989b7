//! `rosactl status [--check]`: read-only; what runs behind each alias and every difference
//! from what setup-account deploys ([`crate::deploy::drift`]).

use serde::Serialize;

use super::setup::setup_target;
use crate::cli::StatusArgs;
use crate::deploy::Context;
use crate::deploy::drift::{self, CodeState, Status};
use crate::deploy::observed::observe;
use crate::exit::{Exit, Failure};
use crate::output::{Format, Output, print_table, table};
use crate::payloads;
use crate::settings::Settings;

#[derive(Serialize)]
struct Report<'a> {
    account_id: &'a str,
    region: &'a str,
    #[serde(flatten)]
    status: &'a Status,
}

fn code_text(c: &CodeState) -> String {
    let short: String = c.sha256.chars().take(12).collect();
    let whose = if c.embedded {
        "embedded"
    } else if c.rosactl_code {
        "rosactl, not embedded"
    } else {
        "NOT ROSACTL'S"
    };
    format!("{} {short} ({whose})", c.version)
}

pub async fn run(out: &Output, global: &Settings, args: &StatusArgs) -> anyhow::Result<()> {
    let packages = payloads::verified()?;
    let ctx = Context::load(out, global).await?;
    let desired = drift::status_target(setup_target(ctx.account().await?, packages));
    let observed = observe(&ctx.aws, &desired, true).await?;
    let status = drift::status(&desired, &observed);
    let report = Report {
        account_id: &ctx.aws.account_id,
        region: &ctx.aws.region,
        status: &status,
    };
    if out.format == Format::Table {
        render(&report);
    } else {
        out.document(&report)?;
    }
    if args.check && !status.in_sync {
        return Err(Failure::new(
            Exit::Drift,
            format!(
                "status --check: {} difference(s) from what rosactl deploys; `rosactl setup-account` repairs them",
                status.drift_count
            ),
        )
        .into());
    }
    Ok(())
}

fn render(r: &Report<'_>) {
    let s = r.status;
    if !s.set_up {
        println!(
            "Account {} ({}) is not set up for the ROSA Regional Platform: nothing of rosactl's exists here. Run `rosactl setup-account`.",
            r.account_id, r.region
        );
        return;
    }
    let mut t = table(&[
        "FUNCTION",
        "EMBEDDED",
        "ALIAS",
        "VERSION / SHA-256",
        "CANARY",
        "INVOKER",
    ]);
    for f in &s.functions {
        let embedded = format!(
            "{} {}",
            f.embedded_version,
            f.embedded_sha256.chars().take(12).collect::<String>()
        );
        let invoker = f.invoker.clone().unwrap_or_else(|| "MISSING".into());
        if f.aliases.is_empty() {
            t.add_row(vec![
                f.function_name.clone(),
                embedded,
                "-".into(),
                if f.deployed {
                    "no aliases"
                } else {
                    "not deployed"
                }
                .into(),
                "-".into(),
                "-".into(),
            ]);
            continue;
        }
        for (i, a) in f.aliases.iter().enumerate() {
            t.add_row(vec![
                if i == 0 {
                    f.function_name.clone()
                } else {
                    String::new()
                },
                if i == 0 {
                    embedded.clone()
                } else {
                    String::new()
                },
                a.alias.clone(),
                code_text(&a.code),
                a.canary.as_ref().map_or("-".into(), |c| {
                    format!("{}% → {}", c.percent, code_text(&c.code))
                }),
                if a.alias == crate::deploy::names::PROD {
                    invoker.clone()
                } else {
                    "-".into()
                },
            ]);
        }
    }
    print_table(&t);
    if let Some(ops) = s.operating.describe() {
        println!("Operating (recorded on the functions): {ops}");
    }
    let alarms: Vec<String> = s
        .functions
        .iter()
        .flat_map(|f| f.alarms.iter())
        .map(|a| format!("{} {}", a.name, a.state))
        .collect();
    if !alarms.is_empty() {
        println!("Alarms: {}", alarms.join(", "));
    }
    if let Some(name) = &s.dashboard {
        println!("Dashboard: {name}");
    }
    if let Some(rules) = s.rules.describe() {
        println!("Account rules: {rules}");
    }
    for d in &s.bucket.drift {
        println!("drift: {d}");
    }
    for f in &s.functions {
        for d in &f.drift {
            println!("drift: {}: {d}", f.function_name);
        }
        for w in &f.warnings {
            println!("warning: {w}");
        }
    }
    if s.in_sync {
        println!(
            "In sync: account {} ({}) is as rosactl deploys it.",
            r.account_id, r.region
        );
    } else {
        println!(
            "{} difference(s) from what rosactl deploys: `rosactl setup-account` repairs them.",
            s.drift_count
        );
    }
}
