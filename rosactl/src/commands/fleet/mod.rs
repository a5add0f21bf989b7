//! One command across many accounts and regions (`--fleet FILE` or `--org`).
//!
//! Each target (an account in a region) is run by rosactl itself, the same command line less
//! the fleet's flags, as a child process with the target's credentials in its environment:
//! the per-account engine is exactly the one a single run uses, a target's failure or crash
//! stays that target's, and its JSON answer is what the report is made of. Credentials are
//! obtained here (a profile is named to the child; a role is assumed with sts:AssumeRole and
//! its temporary keys handed to the child's environment) and written nowhere.
//!
//! At most `--concurrency` accounts run at once. The regions of one account run one after
//! the other: the execution roles are global and record the regions they serve
//! (`deploy::role_regions`), a read-then-write that two regions must not make at once.

pub mod targets;
pub mod waves;

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use serde::Serialize;
use serde_json::Value;

use crate::cli::{FleetArgs, WaveArgs};
use crate::exit::{Exit, Failure};
use crate::output::{Format, Output, print_table, table};
use crate::settings::Settings;
use targets::{AccountTarget, Source};

/// The commands a fleet runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    SetupAccount,
    UpdateLambdas,
    PromoteLambdas,
    RollbackLambdas,
    Status,
    Versions,
    CleanupAccess,
}

impl Command {
    pub fn name(self) -> &'static str {
        match self {
            Command::SetupAccount => "setup-account",
            Command::UpdateLambdas => "update-lambdas",
            Command::PromoteLambdas => "promote-lambdas",
            Command::RollbackLambdas => "rollback-lambdas",
            Command::Status => "status",
            Command::Versions => "versions",
            Command::CleanupAccess => "cleanup-access",
        }
    }
}

/// What a fleet run is asked for, besides its targets.
pub struct Request<'a> {
    pub command: Command,
    pub fleet: &'a FleetArgs,
    /// promote-lambdas only.
    pub waves: Option<&'a WaveArgs>,
    /// promote-lambdas --waves: the bake between a wave and its check.
    pub bake: Option<u64>,
    /// rollback-lambdas --last-wave: the progress file.
    pub last_wave: Option<Option<std::path::PathBuf>>,
    /// The alias a promotion moves (--to) or a rollback rolls back (--alias).
    pub alias: Option<String>,
    /// Whether the command changes anything (confirmation once, here, for every target).
    pub writes: bool,
    /// Read-only run of a writing command (--dry-run).
    pub dry_run: bool,
}

/// One target: an account (index into the account list) in one region.
#[derive(Debug, Clone)]
struct Unit {
    account: usize,
    region: String,
    name: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Failed,
    Drift,
    Skipped,
    Changed,
    Ok,
}

/// One row of the report.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub target: String,
    pub label: String,
    pub account_id: Option<String>,
    pub region: String,
    pub outcome: Outcome,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wave: Option<usize>,
    /// The target run's exit code (none when it did not run).
    pub exit_code: Option<i32>,
    pub steps_applied: usize,
    /// What changed: alias moves, deleted versions, steps (from the run's JSON answer).
    pub changes: Vec<String>,
    /// `status`: the differences found.
    pub drift: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    pub seconds: f64,
}

impl Row {
    /// `unit`'s row before anything is known of its run.
    fn of(unit: &Unit, account: &AccountTarget, outcome: Outcome) -> Row {
        Row {
            target: unit.name.clone(),
            label: account.label.clone(),
            account_id: account.account_id.clone(),
            region: unit.region.clone(),
            outcome,
            wave: None,
            exit_code: None,
            steps_applied: 0,
            changes: Vec::new(),
            drift: Vec::new(),
            error: None,
            seconds: 0.0,
        }
    }
}

#[derive(Debug, Default, Serialize)]
pub struct Totals {
    pub targets: usize,
    pub ok: usize,
    pub changed: usize,
    pub drift: usize,
    pub failed: usize,
    pub skipped: usize,
}

#[derive(Debug, Serialize)]
pub struct Report {
    pub command: &'static str,
    pub targets: Vec<Row>,
    pub totals: Totals,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub waves: Vec<waves::WaveRecord>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    pub seconds: f64,
}

/// Parent-only flags: dropped from the child's command line. (name, takes a value)
const FLEET_FLAGS: [(&str, bool); 14] = [
    ("--fleet", true),
    ("--org", false),
    ("--role-name", true),
    ("--ou", true),
    ("--exclude", true),
    ("--regions", true),
    ("--concurrency", true),
    ("--waves", true),
    ("--resume", false),
    ("--progress", true),
    ("--last-wave", false),
    ("--output", true),
    ("--profile", true),
    ("--region", true),
];
/// Dropped too: the child always runs with `--yes` (confirmed here once) and quietly.
const PARENT_SWITCHES: [&str; 2] = ["--yes", "--debug"];

/// The command line a target runs: `argv` (without the program) less the fleet's flags,
/// `-o`, `--profile`, `--region`, `--yes`, `--debug` and those in `also_drop` (flags the
/// target sets itself).
fn child_args(argv: &[OsString], also_drop: &[(&str, bool)]) -> Vec<OsString> {
    let takes_value = |flag: &str| -> Option<bool> {
        FLEET_FLAGS
            .iter()
            .chain(also_drop.iter())
            .find(|(f, _)| *f == flag)
            .map(|(_, v)| *v)
            .or_else(|| PARENT_SWITCHES.contains(&flag).then_some(false))
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < argv.len() {
        let arg = argv[i].to_string_lossy().into_owned();
        i += 1;
        if arg == "--" {
            out.extend(argv[i - 1..].iter().cloned());
            break;
        }
        if let Some(long) = arg.strip_prefix("--") {
            let (name, inline) = match long.split_once('=') {
                Some((n, _)) => (format!("--{n}"), true),
                None => (arg.clone(), false),
            };
            match takes_value(&name) {
                Some(true) if !inline => i += 1,
                Some(_) => {}
                None => out.push(argv[i - 1].clone()),
            }
            continue;
        }
        if arg.len() > 1 && arg.starts_with('-') {
            // Short flags, possibly clustered: -y, -v, -o FORMAT (or -oFORMAT, -yo FORMAT).
            let mut kept = String::new();
            let chars: Vec<char> = arg[1..].chars().collect();
            let mut j = 0;
            while j < chars.len() {
                match chars[j] {
                    'y' | 'v' => {}
                    'o' => {
                        if j + 1 == chars.len() {
                            i += 1;
                        }
                        break;
                    }
                    c => kept.push(c),
                }
                j += 1;
            }
            if !kept.is_empty() {
                out.push(OsString::from(format!("-{kept}")));
            }
            continue;
        }
        out.push(argv[i - 1].clone());
    }
    out
}

/// A session name that says who ran rosactl: `rosactl-fleet-<caller>` (IAM's characters, at
/// most 64), from the operator's ARN (`.../alice` of a user or `.../session` of a role).
pub fn session_name(caller_arn: &str) -> String {
    let who: String = caller_arn
        .rsplit(['/', ':'])
        .next()
        .unwrap_or("")
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || "+=,.@_-".contains(*c))
        .collect();
    let mut name = format!("rosactl-fleet-{who}");
    name.truncate(64);
    name
}

/// The targets' temporary credentials (role targets), handed to the child's environment.
#[derive(Clone)]
struct Keys {
    access_key_id: String,
    secret_access_key: String,
    session_token: Option<String>,
}

impl std::fmt::Debug for Keys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Keys(..)")
    }
}

struct Operator {
    sts: aws_sdk_sts::Client,
    session_name: String,
}

impl Operator {
    async fn assume(&self, role_arn: &str, external_id: Option<&str>) -> Result<Keys, String> {
        let out = self
            .sts
            .assume_role()
            .role_arn(role_arn)
            .role_session_name(&self.session_name)
            .set_external_id(external_id.map(str::to_string))
            .duration_seconds(3600)
            .send()
            .await
            .map_err(|e| format!("sts:AssumeRole {role_arn}: {}", crate::aws::describe(&e)))?;
        let c = out
            .credentials
            .ok_or_else(|| format!("sts:AssumeRole {role_arn}: the answer had no credentials"))?;
        Ok(Keys {
            access_key_id: c.access_key_id,
            secret_access_key: c.secret_access_key,
            session_token: Some(c.session_token),
        })
    }
}

/// What a target runs with, besides its region.
#[derive(Debug, Clone)]
enum Creds {
    Profile(String),
    Keys(Keys),
}

/// Runs one target: rosactl itself, `-o json --yes`, in the target's region with its
/// credentials. Blocks (a thread of the blocking pool).
fn run_child(
    args: &[OsString],
    region: &str,
    creds: &Creds,
) -> std::io::Result<std::process::Output> {
    let exe = std::env::current_exe()?;
    let mut cmd = std::process::Command::new(exe);
    cmd.args(args)
        .args(["-o", "json", "--yes", "--region", region])
        .stdin(std::process::Stdio::null())
        .env("AWS_REGION", region)
        .env("AWS_DEFAULT_REGION", region);
    for var in [
        "AWS_PROFILE",
        "AWS_DEFAULT_PROFILE",
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "AWS_SESSION_TOKEN",
        "AWS_SECURITY_TOKEN",
    ] {
        cmd.env_remove(var);
    }
    match creds {
        Creds::Profile(p) => {
            cmd.arg("--profile").arg(p);
        }
        Creds::Keys(k) => {
            cmd.env("AWS_ACCESS_KEY_ID", &k.access_key_id)
                .env("AWS_SECRET_ACCESS_KEY", &k.secret_access_key);
            if let Some(t) = &k.session_token {
                cmd.env("AWS_SESSION_TOKEN", t);
            }
        }
    }
    cmd.output()
}

/// The command-line additions of a target's own rules.
fn rule_args(
    command: Command,
    rules: &targets::TargetRules,
) -> (Vec<String>, Vec<(&'static str, bool)>) {
    let mut add = Vec::new();
    let mut drop = Vec::new();
    if let Some(p) = &rules.resource_prefix {
        add.extend(["--resource-prefix".to_string(), p.clone()]);
        drop.push(("--resource-prefix", true));
    }
    if command == Command::SetupAccount {
        if let Some(tags) = &rules.tags {
            let list: Vec<String> = tags.iter().map(|(k, v)| format!("{k}={v}")).collect();
            add.extend(["--tags".to_string(), list.join(",")]);
            drop.push(("--tags", true));
        }
        if let Some(b) = &rules.permissions_boundary {
            add.extend(["--permissions-boundary".to_string(), b.clone()]);
            drop.push(("--permissions-boundary", true));
        }
        if let Some(p) = &rules.role_path {
            add.extend(["--role-path".to_string(), p.clone()]);
            drop.push(("--role-path", true));
        }
    }
    (add, drop)
}

/// The last lines of a failed run's stderr: its `error:` line and what follows.
fn error_of(stderr: &[u8], code: Option<i32>) -> String {
    let text = String::from_utf8_lossy(stderr);
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty())
        .collect();
    let from = lines
        .iter()
        .rposition(|l| l.starts_with("error:"))
        .unwrap_or(lines.len().saturating_sub(2));
    let msg = lines[from..].join(" ");
    if msg.is_empty() {
        format!(
            "exit {}",
            code.map_or("by signal".into(), |c| c.to_string())
        )
    } else {
        msg
    }
}

/// Every string in arrays named `key`, anywhere in `v`.
fn strings_under(v: &Value, key: &str, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                if k == key
                    && let Some(list) = x.as_array()
                {
                    out.extend(list.iter().filter_map(|s| s.as_str().map(str::to_string)));
                } else {
                    strings_under(x, key, out);
                }
            }
        }
        Value::Array(a) => a.iter().for_each(|x| strings_under(x, key, out)),
        _ => {}
    }
}

/// The row of a finished run, from its exit code and JSON answer.
fn row_of(
    unit: &Unit,
    account: &AccountTarget,
    out: std::io::Result<std::process::Output>,
    took: Duration,
) -> Row {
    let mut row = Row::of(unit, account, Outcome::Failed);
    row.seconds = took.as_secs_f64();
    let out = match out {
        Ok(o) => o,
        Err(e) => {
            row.error = Some(format!("could not start rosactl: {e}"));
            return row;
        }
    };
    row.exit_code = out.status.code();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    if row.account_id.is_none() {
        row.account_id = doc["account_id"].as_str().map(str::to_string);
    }
    row.steps_applied = doc["steps_applied"]
        .as_u64()
        .map(|n| n as usize)
        .or_else(|| doc["steps"].as_array().map(Vec::len))
        .unwrap_or(0);
    if let Some(moves) = doc["moves"].as_array() {
        for m in moves {
            row.changes.push(format!(
                "{} {}: {} -> {}",
                m["function"].as_str().unwrap_or("?"),
                m["alias"].as_str().unwrap_or("?"),
                m["from_version"].as_str().unwrap_or("-"),
                m["to_version"].as_str().unwrap_or("?"),
            ));
        }
    }
    if let Some(deleted) = doc["deleted"].as_array() {
        row.changes.extend(
            deleted
                .iter()
                .filter_map(|d| d.as_str().map(|d| format!("deleted version {d}"))),
        );
    }
    if let Some(steps) = doc["steps"].as_array() {
        row.changes.extend(
            steps
                .iter()
                .filter_map(|s| s["summary"].as_str().map(str::to_string)),
        );
    }
    strings_under(&doc, "drift", &mut row.drift);
    let changed = doc["changed"]
        .as_bool()
        .unwrap_or(row.steps_applied > 0 || !row.changes.is_empty());
    row.outcome = match out.status.code() {
        // status without --check: the differences are reported, the exit code stays 0.
        Some(0) if doc["in_sync"] == Value::Bool(false) => Outcome::Drift,
        Some(0) if changed && doc["dry_run"].as_bool() != Some(true) => Outcome::Changed,
        Some(0) => Outcome::Ok,
        Some(5) => Outcome::Drift,
        _ => Outcome::Failed,
    };
    if row.outcome == Outcome::Failed || row.outcome == Outcome::Drift {
        row.error = Some(error_of(&out.stderr, out.status.code()));
    }
    row
}

/// Shows each target's progress: on a terminal one line per target, redrawn; elsewhere a
/// plain line when a target ends.
struct Progress {
    bars: Option<(
        indicatif::MultiProgress,
        BTreeMap<String, indicatif::ProgressBar>,
    )>,
    out: Output,
    total: usize,
    done: std::sync::atomic::AtomicUsize,
}

impl Progress {
    fn new(out: &Output, units: &[Unit]) -> Self {
        // `interactive`: stderr (and stdin) are a terminal.
        let tty = out.interactive && out.format == Format::Table;
        let bars = tty.then(|| {
            let multi = indicatif::MultiProgress::new();
            let style = indicatif::ProgressStyle::with_template("{spinner} {prefix:40} {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner());
            let bars = units
                .iter()
                .map(|u| {
                    let bar = multi.add(indicatif::ProgressBar::new_spinner());
                    bar.set_style(style.clone());
                    bar.set_prefix(u.name.clone());
                    bar.set_message("waiting");
                    (u.name.clone(), bar)
                })
                .collect();
            (multi, bars)
        });
        Progress {
            bars,
            out: *out,
            total: units.len(),
            done: Default::default(),
        }
    }

    fn started(&self, unit: &Unit) {
        if let Some((_, bars)) = &self.bars
            && let Some(b) = bars.get(&unit.name)
        {
            b.enable_steady_tick(Duration::from_millis(120));
            b.set_message("running");
        }
    }

    fn finished(&self, row: &Row) {
        let n = self.done.fetch_add(1, Ordering::SeqCst) + 1;
        let what = match row.outcome {
            Outcome::Ok => "ok, nothing to change".to_string(),
            Outcome::Changed => format!("changed ({} steps)", row.steps_applied),
            Outcome::Drift => format!("drift: {} difference(s)", row.drift.len()),
            Outcome::Skipped => "skipped".to_string(),
            Outcome::Failed => format!("FAILED: {}", row.error.as_deref().unwrap_or("")),
        };
        let line = format!("{what} ({:.1} s)", row.seconds);
        match &self.bars {
            Some((_, bars)) => {
                if let Some(b) = bars.get(&row.target) {
                    b.finish_with_message(line);
                }
            }
            None => self
                .out
                .say(format!("[{n}/{}] {}: {line}", self.total, row.target)),
        }
    }
}

/// What every run of a fleet shares: its accounts, the operator's STS client, how many
/// accounts at once, where progress goes.
struct Fleet<'a> {
    accounts: &'a [AccountTarget],
    operator: &'a Operator,
    concurrency: usize,
    out: &'a Output,
}

/// Runs `units` (in order, at most `concurrency` accounts at once, an account's regions one
/// after the other); with `stop_on_failure`, no target starts after one has failed. Targets
/// not started are `skipped` rows.
async fn run_units(
    fleet: &Fleet<'_>,
    units: &[Unit],
    args: &[OsString],
    command: Command,
    stop_on_failure: bool,
) -> Vec<Row> {
    use futures_util::StreamExt;
    let (accounts, operator, concurrency) = (fleet.accounts, fleet.operator, fleet.concurrency);
    let progress = &Progress::new(fleet.out, units);
    let stop = Arc::new(AtomicBool::new(false));
    // Group by account, in first-seen order.
    let mut groups: Vec<(usize, Vec<&Unit>)> = Vec::new();
    for u in units {
        match groups.iter_mut().find(|(a, _)| *a == u.account) {
            Some((_, list)) => list.push(u),
            None => groups.push((u.account, vec![u])),
        }
    }
    let results = futures_util::stream::iter(groups.into_iter().map(|(a, list)| {
        let stop = stop.clone();
        async move {
            let account = &accounts[a];
            let mut rows = Vec::new();
            let skipped = |u: &Unit, why: &str| Row {
                error: Some(why.to_string()),
                ..Row::of(u, account, Outcome::Skipped)
            };
            if stop.load(Ordering::SeqCst) || crate::interrupt::requested() {
                for u in &list {
                    let r = skipped(u, "not started: the run stopped before it");
                    progress.finished(&r);
                    rows.push(r);
                }
                return rows;
            }
            let t0 = Instant::now();
            let creds = match &account.source {
                Source::Profile { profile } => Ok(Creds::Profile(profile.clone())),
                Source::Role {
                    role_arn,
                    external_id,
                } => operator
                    .assume(role_arn, external_id.as_deref())
                    .await
                    .map(Creds::Keys),
            };
            let creds = match creds {
                Ok(c) => c,
                Err(e) => {
                    // The account cannot be reached: each of its targets is a failed row.
                    for u in &list {
                        let mut r = skipped(u, &e);
                        r.outcome = Outcome::Failed;
                        r.seconds = t0.elapsed().as_secs_f64();
                        progress.finished(&r);
                        rows.push(r);
                    }
                    if stop_on_failure {
                        stop.store(true, Ordering::SeqCst);
                    }
                    return rows;
                }
            };
            let (add, drop) = rule_args(command, &account.rules);
            let mut child = child_args(args, &drop);
            child.extend(add.into_iter().map(OsString::from));
            for u in list {
                if stop.load(Ordering::SeqCst) || crate::interrupt::requested() {
                    let r = skipped(u, "not started: the run stopped before it");
                    progress.finished(&r);
                    rows.push(r);
                    continue;
                }
                progress.started(u);
                let t = Instant::now();
                let (c, region, creds) = (child.clone(), u.region.clone(), creds.clone());
                let out = tokio::task::spawn_blocking(move || run_child(&c, &region, &creds))
                    .await
                    .unwrap_or_else(|e| Err(std::io::Error::other(e.to_string())));
                let r = row_of(u, account, out, t.elapsed());
                if r.outcome == Outcome::Failed && stop_on_failure {
                    stop.store(true, Ordering::SeqCst);
                }
                progress.finished(&r);
                rows.push(r);
            }
            rows
        }
    }))
    .buffer_unordered(concurrency)
    .collect::<Vec<Vec<Row>>>()
    .await;
    // Back in the targets' order.
    let mut rows: Vec<Row> = results.into_iter().flatten().collect();
    let order: BTreeMap<&str, usize> = units
        .iter()
        .enumerate()
        .map(|(i, u)| (u.name.as_str(), i))
        .collect();
    rows.sort_by_key(|r| order.get(r.target.as_str()).copied().unwrap_or(usize::MAX));
    rows
}

/// The organization's accounts (under `ou` when given, its child units included).
async fn org_accounts(
    config: &aws_config::SdkConfig,
    ou: Option<&str>,
) -> Result<Vec<targets::OrgAccount>, String> {
    let org = aws_sdk_organizations::Client::new(config);
    let convert = |a: aws_sdk_organizations::types::Account| targets::OrgAccount {
        id: a.id.unwrap_or_default(),
        name: a.name.unwrap_or_default(),
        active: a
            .state
            .map(|s| s == aws_sdk_organizations::types::AccountState::Active)
            .or_else(|| {
                #[allow(deprecated)]
                a.status
                    .map(|s| s == aws_sdk_organizations::types::AccountStatus::Active)
            })
            .unwrap_or(false),
    };
    let why = |op: &str, e: &dyn std::fmt::Display| format!("organizations:{op}: {e}");
    let mut accounts = Vec::new();
    match ou {
        None => {
            let mut pages = org.list_accounts().into_paginator().send();
            while let Some(page) = pages.next().await {
                let page = page.map_err(|e| why("ListAccounts", &crate::aws::describe(&e)))?;
                accounts.extend(page.accounts.unwrap_or_default().into_iter().map(convert));
            }
        }
        Some(root) => {
            let mut parents = vec![root.to_string()];
            while let Some(parent) = parents.pop() {
                let mut pages = org
                    .list_accounts_for_parent()
                    .parent_id(&parent)
                    .into_paginator()
                    .send();
                while let Some(page) = pages.next().await {
                    let page =
                        page.map_err(|e| why("ListAccountsForParent", &crate::aws::describe(&e)))?;
                    accounts.extend(page.accounts.unwrap_or_default().into_iter().map(convert));
                }
                let mut pages = org
                    .list_organizational_units_for_parent()
                    .parent_id(&parent)
                    .into_paginator()
                    .send();
                while let Some(page) = pages.next().await {
                    let page = page.map_err(|e| {
                        why(
                            "ListOrganizationalUnitsForParent",
                            &crate::aws::describe(&e),
                        )
                    })?;
                    parents.extend(
                        page.organizational_units
                            .unwrap_or_default()
                            .into_iter()
                            .filter_map(|u| u.id),
                    );
                }
            }
        }
    }
    Ok(accounts)
}

fn check_flags(req: &Request<'_>) -> Result<(), Failure> {
    let f = req.fleet;
    targets::check_regions_flag(&f.regions)?;
    if let Some(spec) = req.waves.and_then(|w| w.waves.as_deref()) {
        waves::parse(spec).map_err(Failure::usage)?;
    }
    if f.org {
        targets::check_role_name(&f.role_name)?;
        targets::check_account_ids("--exclude", &f.exclude)?;
        if let Some(ou) = &f.ou {
            targets::check_ou(ou)?;
        }
    }
    Ok(())
}

/// The fleet's account targets.
async fn resolve(
    req: &Request<'_>,
    global: &Settings,
    config: &aws_config::SdkConfig,
    region: &str,
    partition: &str,
) -> Result<Vec<AccountTarget>, Failure> {
    let f = req.fleet;
    let regions = if f.regions.is_empty() {
        vec![region.to_string()]
    } else {
        f.regions.clone()
    };
    match &f.fleet {
        Some(path) => {
            targets::from_file(path, &f.regions, global.region.as_deref().or(Some(region)))
        }
        None => {
            let accounts = org_accounts(config, f.ou.as_deref()).await.map_err(|e| {
                Failure::new(
                    Exit::Failed,
                    format!("--org: listing the organization's accounts: {e}"),
                )
            })?;
            let t = targets::from_org(accounts, partition, &f.role_name, &f.exclude, &regions);
            if t.is_empty() {
                return Err(Failure::usage(
                    "--org: no active account to run in (after --ou and --exclude)",
                ));
            }
            Ok(t)
        }
    }
}

fn units_of(accounts: &[AccountTarget]) -> Vec<Unit> {
    accounts
        .iter()
        .enumerate()
        .flat_map(|(i, a)| {
            a.regions.iter().map(move |r| Unit {
                account: i,
                region: r.clone(),
                name: format!("{}/{r}", a.label),
            })
        })
        .collect()
}

fn totals(rows: &[Row]) -> Totals {
    let mut t = Totals {
        targets: rows.len(),
        ..Default::default()
    };
    for r in rows {
        match r.outcome {
            Outcome::Ok => t.ok += 1,
            Outcome::Changed => t.changed += 1,
            Outcome::Drift => t.drift += 1,
            Outcome::Failed => t.failed += 1,
            Outcome::Skipped => t.skipped += 1,
        }
    }
    t
}

/// Runs the command across the fleet and reports.
pub async fn run(out: &Output, global: &Settings, req: Request<'_>) -> anyhow::Result<()> {
    check_flags(&req)?;
    let started = Instant::now();
    let argv: Vec<OsString> = std::env::args_os().skip(1).collect();
    let (config, region, _) = crate::aws::Aws::sdk_config(global).await?;
    let sts = aws_sdk_sts::Client::new(&config);
    let me = sts.get_caller_identity().send().await.map_err(|e| {
        Failure::new(
            Exit::Failed,
            format!(
                "your AWS credentials were refused by STS (GetCallerIdentity): {}",
                crate::aws::describe(&e)
            ),
        )
    })?;
    let caller = me.arn.unwrap_or_default();
    let partition = crate::aws::partition_of(&caller, &region).map_err(Failure::usage)?;
    let accounts = resolve(&req, global, &config, &region, &partition).await?;
    let units = units_of(&accounts);
    let operator = Operator {
        sts,
        session_name: session_name(&caller),
    };
    if req.writes && !req.dry_run {
        let question = format!(
            "Run {} in {} target(s) ({} account(s))?",
            req.command.name(),
            units.len(),
            accounts.len()
        );
        crate::confirm::confirm(out, global.yes, &question)?;
    }
    crate::interrupt::listen();
    let fleet = Fleet {
        accounts: &accounts,
        operator: &operator,
        concurrency: req.fleet.concurrency as usize,
        out,
    };
    let mut notes = Vec::new();
    let mut wave_records = Vec::new();
    let rows = if let Some(spec) = req.waves.and_then(|w| w.waves.clone()) {
        let w = req.waves.unwrap();
        let rollout = Rollout {
            spec: &spec,
            waves: w,
            bake: req.bake,
            alias: req.alias.as_deref().unwrap_or("prod"),
            prefix: global.resource_prefix.as_deref(),
        };
        let (rows, records, more) = run_waves(&fleet, &rollout, &units, &argv).await?;
        wave_records = records;
        notes.extend(more);
        rows
    } else if let Some(progress_flag) = &req.last_wave {
        let (rows, more) = rollback_wave(
            &fleet,
            progress_flag.as_deref(),
            &units,
            &argv,
            req.alias.as_deref().unwrap_or("prod"),
        )
        .await?;
        notes.extend(more);
        rows
    } else {
        run_units(&fleet, &units, &argv, req.command, false).await
    };
    finish(out, req.command, rows, wave_records, notes, started)
}

fn finish(
    out: &Output,
    command: Command,
    mut rows: Vec<Row>,
    waves: Vec<waves::WaveRecord>,
    notes: Vec<String>,
    started: Instant,
) -> anyhow::Result<()> {
    // Failed targets first, then drift; the fleet's order within each.
    rows.sort_by_key(|r| match r.outcome {
        Outcome::Failed => 0,
        Outcome::Drift => 1,
        _ => 2,
    });
    let report = Report {
        command: command.name(),
        totals: totals(&rows),
        targets: rows,
        waves,
        notes,
        seconds: started.elapsed().as_secs_f64(),
    };
    if out.format == Format::Table {
        render(&report);
    } else {
        out.document(&report)?;
    }
    let t = &report.totals;
    if t.failed > 0 {
        let failed: Vec<&str> = report
            .targets
            .iter()
            .filter(|r| r.outcome == Outcome::Failed)
            .map(|r| r.target.as_str())
            .collect();
        return Err(Failure::new(
            Exit::Failed,
            format!(
                "{}: {} of {} target(s) failed: {}",
                command.name(),
                t.failed,
                t.targets,
                failed.join(", ")
            ),
        )
        .into());
    }
    // Drift fails the run only where the targets' own runs said so (status --check: 5).
    if report.targets.iter().any(|r| r.exit_code == Some(5)) {
        return Err(Failure::new(
            Exit::Drift,
            format!(
                "status --check: {} of {} target(s) differ from what rosactl deploys",
                t.drift, t.targets
            ),
        )
        .into());
    }
    if t.skipped > 0 {
        return Err(Failure::new(
            Exit::Interrupted,
            format!("{} of {} target(s) were not run", t.skipped, t.targets),
        )
        .into());
    }
    Ok(())
}

fn render(report: &Report) {
    let mut t = table(&[
        "TARGET",
        "OUTCOME",
        "STEPS",
        "CHANGES / DRIFT / ERROR",
        "SECONDS",
    ]);
    for r in &report.targets {
        let detail = match r.outcome {
            Outcome::Failed | Outcome::Skipped => r.error.clone().unwrap_or_default(),
            Outcome::Drift => r.drift.join("; "),
            _ => r.changes.join("; "),
        };
        let target = match r.wave {
            Some(w) => format!("{} (wave {w})", r.target),
            None => r.target.clone(),
        };
        t.add_row(vec![
            target,
            format!("{:?}", r.outcome).to_lowercase(),
            r.steps_applied.to_string(),
            detail,
            format!("{:.1}", r.seconds),
        ]);
    }
    print_table(&t);
    let s = &report.totals;
    println!(
        "{}: {} target(s): {} ok, {} changed, {} drift, {} failed, {} skipped ({:.1} s)",
        report.command, s.targets, s.ok, s.changed, s.drift, s.failed, s.skipped, report.seconds
    );
    for n in &report.notes {
        println!("note: {n}");
    }
}

/// What identifies a rollout: its command line's rollout-relevant flags, its targets and the
/// embedded packages.
fn rollout_id(argv: &[OsString], units: &[Unit], spec: &str) -> String {
    use sha1::Digest;
    let mut h = sha1::Sha1::new();
    for a in child_args(argv, &[("--bake", true)]) {
        h.update(a.to_string_lossy().as_bytes());
        h.update([0]);
    }
    h.update(spec.as_bytes());
    for u in units {
        h.update(u.name.as_bytes());
        h.update([0]);
    }
    if let Ok(packages) = crate::payloads::verified() {
        for p in packages {
            h.update(p.manifest.sha256.as_bytes());
        }
    }
    hex::encode(h.finalize())
}

fn now_text() -> String {
    let ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64);
    crate::commands::logs::rfc3339(ms)
}

/// A wave rollout's settings.
struct Rollout<'a> {
    spec: &'a str,
    waves: &'a WaveArgs,
    /// Seconds between a wave's promotion and its check.
    bake: Option<u64>,
    /// The alias promoted (--to).
    alias: &'a str,
    /// --resource-prefix, for the wave's status --check.
    prefix: Option<&'a str>,
}

async fn run_waves(
    fleet: &Fleet<'_>,
    r: &Rollout<'_>,
    units: &[Unit],
    argv: &[OsString],
) -> anyhow::Result<(Vec<Row>, Vec<waves::WaveRecord>, Vec<String>)> {
    let (spec, w, bake, alias, prefix) = (r.spec, r.waves, r.bake, r.alias, r.prefix);
    let (accounts, out) = (fleet.accounts, fleet.out);
    let sizes = waves::parse(spec).map_err(Failure::usage)?;
    // --bake is the waves' here, not the targets' (theirs is the canary's).
    let promote_args = child_args(argv, &[("--bake", true)]);
    let cut = waves::split(&sizes, units.len()).map_err(Failure::usage)?;
    let path = waves::path(w.progress.as_deref());
    let id = rollout_id(argv, units, spec);
    let recorded = waves::read(&path).map_err(Failure::usage)?;
    let mut progress = match (recorded, w.resume) {
        (Some(p), true) if p.rollout == id => p,
        (Some(_), true) => {
            return Err(Failure::usage(format!(
                "--resume: {} records another rollout (other targets, flags or packages); run the same command line as the rollout you resume",
                path.display()
            ))
            .into());
        }
        (None, true) => {
            return Err(Failure::usage(format!(
                "--resume: no rollout is recorded in {} (--progress names another file?)",
                path.display()
            ))
            .into());
        }
        (Some(p), false)
            if p.waves
                .last()
                .is_some_and(|l| l.state == waves::WaveState::Failed) =>
        {
            return Err(Failure::usage(format!(
                "{} records a rollout that stopped at wave {}: pass --resume to continue it, roll the wave back (rollback-lambdas --fleet ... --last-wave), or remove the file to start again",
                path.display(),
                p.waves.len()
            ))
            .into());
        }
        _ => waves::Progress {
            rollout: id.clone(),
            waves_spec: spec.to_string(),
            waves: Vec::new(),
        },
    };
    progress.waves.retain(|r| r.state == waves::WaveState::Done);
    let start = progress.completed();
    let mut rows = Vec::new();
    let mut notes = Vec::new();
    if start > 0 {
        notes.push(format!(
            "resumed after wave {start} of {} ({})",
            cut.len(),
            path.display()
        ));
    }
    for (k, range) in cut.iter().enumerate() {
        let number = k + 1;
        let wave_units = &units[range.clone()];
        if k < start {
            for u in wave_units {
                rows.push(Row {
                    wave: Some(number),
                    changes: vec![format!("done in wave {number} of the recorded rollout")],
                    ..Row::of(u, &accounts[u.account], Outcome::Ok)
                });
            }
            continue;
        }
        out.say(format!(
            "wave {number} of {}: {} target(s)",
            cut.len(),
            wave_units.len()
        ));
        let mut wave_rows = run_units(
            fleet,
            wave_units,
            &promote_args,
            Command::PromoteLambdas,
            true,
        )
        .await;
        let promoted_ok = wave_rows
            .iter()
            .all(|r| matches!(r.outcome, Outcome::Ok | Outcome::Changed));
        if promoted_ok {
            if let Some(seconds) = bake {
                out.say(format!(
                    "wave {number}: baking {seconds} s before its check"
                ));
                let until = Instant::now() + Duration::from_secs(seconds);
                while Instant::now() < until && !crate::interrupt::requested() {
                    tokio::time::sleep(Duration::from_millis(250).min(until - Instant::now()))
                        .await;
                }
            }
            // The wave's check: status --check of each of its targets.
            let mut status_args: Vec<OsString> = vec!["status".into(), "--check".into()];
            if let Some(p) = prefix {
                status_args.extend(["--resource-prefix".into(), p.into()]);
            }
            let checks = run_units(fleet, wave_units, &status_args, Command::Status, false).await;
            for (row, check) in wave_rows.iter_mut().zip(checks) {
                if check.outcome == Outcome::Drift || check.outcome == Outcome::Failed {
                    row.outcome = Outcome::Failed;
                    row.drift = check.drift;
                    row.error = Some(format!(
                        "the wave's check (status --check) failed: {}",
                        check.error.unwrap_or_default()
                    ));
                }
            }
        }
        for r in &mut wave_rows {
            r.wave = Some(number);
        }
        let failed: Vec<String> = wave_rows
            .iter()
            .filter(|r| r.outcome == Outcome::Failed)
            .map(|r| r.target.clone())
            .collect();
        let interrupted = wave_rows.iter().any(|r| r.outcome == Outcome::Skipped);
        let record = waves::WaveRecord {
            number,
            targets: wave_units.iter().map(|u| u.name.clone()).collect(),
            moved: wave_rows
                .iter()
                .filter(|r| matches!(r.outcome, Outcome::Ok | Outcome::Changed))
                .filter(|r| r.changes.iter().any(|c| c.contains(&format!(" {alias}: "))))
                .map(|r| r.target.clone())
                .collect(),
            failed: failed.clone(),
            state: if failed.is_empty() && !interrupted {
                waves::WaveState::Done
            } else {
                waves::WaveState::Failed
            },
            finished: now_text(),
        };
        let done = record.state == waves::WaveState::Done;
        progress.waves.push(record);
        waves::write(&path, &progress).map_err(|e| Failure::new(Exit::Failed, e))?;
        rows.extend(wave_rows);
        if !done {
            notes.push(format!(
                "the rollout stopped at wave {number} of {}{}; the later waves were not started. Continue after a fix: the same command with --resume. Undo the wave: rosactl rollback-lambdas --alias {alias} --fleet/--org ... --last-wave{}",
                cut.len(),
                if failed.is_empty() { String::new() } else { format!(" (failed: {})", failed.join(", ")) },
                w.progress.as_ref().map(|p| format!(" --progress {}", p.display())).unwrap_or_default(),
            ));
            for (j, later) in cut.iter().enumerate().skip(number) {
                for u in &units[later.clone()] {
                    rows.push(Row {
                        wave: Some(j + 1),
                        error: Some(format!("not started: wave {number} failed")),
                        ..Row::of(u, &accounts[u.account], Outcome::Skipped)
                    });
                }
            }
            break;
        }
    }
    Ok((rows, progress.waves, notes))
}

async fn rollback_wave(
    fleet: &Fleet<'_>,
    progress_flag: Option<&std::path::Path>,
    units: &[Unit],
    argv: &[OsString],
    alias: &str,
) -> anyhow::Result<(Vec<Row>, Vec<String>)> {
    let out = fleet.out;
    let path = waves::path(progress_flag);
    let mut progress = waves::read(&path).map_err(Failure::usage)?.ok_or_else(|| {
        Failure::usage(format!(
            "--last-wave: no rollout is recorded in {}",
            path.display()
        ))
    })?;
    let Some(last) = progress
        .waves
        .iter_mut()
        .rev()
        .find(|w| w.state != waves::WaveState::RolledBack)
    else {
        return Err(Failure::usage(format!(
            "--last-wave: {} records no wave to roll back",
            path.display()
        ))
        .into());
    };
    let chosen: Vec<Unit> = units
        .iter()
        .filter(|u| last.moved.contains(&u.name))
        .cloned()
        .collect();
    let missing: Vec<&String> = last
        .moved
        .iter()
        .filter(|m| !units.iter().any(|u| &u.name == *m))
        .collect();
    if !missing.is_empty() {
        return Err(Failure::usage(format!(
            "--last-wave: wave {} moved {} which the fleet given does not name: pass the rollout's --fleet/--org and --regions",
            last.number,
            missing.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")
        ))
        .into());
    }
    let mut notes = vec![format!(
        "rolling back {alias} where wave {} moved it: {} target(s)",
        last.number,
        chosen.len()
    )];
    out.say(&notes[0]);
    let mut rows = run_units(fleet, &chosen, argv, Command::RollbackLambdas, false).await;
    for r in &mut rows {
        r.wave = Some(last.number);
    }
    if rows
        .iter()
        .all(|r| matches!(r.outcome, Outcome::Ok | Outcome::Changed))
    {
        last.state = waves::WaveState::RolledBack;
        last.finished = now_text();
        waves::write(&path, &progress).map_err(|e| Failure::new(Exit::Failed, e))?;
    } else {
        notes.push(
            "some rollbacks failed: the wave stays recorded; run the same command again".into(),
        );
    }
    Ok((rows, notes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    fn strings(list: Vec<OsString>) -> Vec<String> {
        list.into_iter()
            .map(|s| s.to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn a_target_runs_the_command_without_the_fleets_flags() {
        let argv = args(&[
            "-yo",
            "table",
            "promote-lambdas",
            "--fleet",
            "f.yaml",
            "--waves=1,rest",
            "--concurrency",
            "4",
            "--regions",
            "us-east-1,us-west-2",
            "--skip-check",
            "--profile",
            "ops",
            "-v",
            "--region=eu-west-1",
            "--function",
            "oidc-provisioner",
            "--resume",
            "--progress",
            "p.json",
            "--output=json",
        ]);
        assert_eq!(
            strings(child_args(&argv, &[])),
            vec![
                "promote-lambdas",
                "--skip-check",
                "--function",
                "oidc-provisioner"
            ]
        );
        let argv = args(&[
            "setup-account",
            "--org",
            "--role-name",
            "R",
            "--ou",
            "ou-a1-b2",
            "--exclude",
            "111111111111",
            "--tags",
            "a=b",
            "-ojson",
            "--invoker-role-arn",
            "arn",
        ]);
        assert_eq!(
            strings(child_args(&argv, &[("--tags", true)])),
            vec!["setup-account", "--invoker-role-arn", "arn"]
        );
    }

    #[test]
    fn the_session_name_names_rosactl_and_the_caller() {
        assert_eq!(
            session_name("arn:aws:iam::123456789012:user/alice"),
            "rosactl-fleet-alice"
        );
        assert_eq!(
            session_name("arn:aws:sts::123456789012:assumed-role/Admin/bob@example.com"),
            "rosactl-fleet-bob@example.com"
        );
        assert!(session_name(&format!("arn:aws:iam::1:user/{}", "x".repeat(90))).len() <= 64);
    }

    #[test]
    fn a_failed_runs_error_is_its_error_line() {
        assert_eq!(
            error_of(b"progress\nerror: AccessDenied: no\n  hint\n", Some(1)),
            "error: AccessDenied: no   hint"
        );
        assert_eq!(error_of(b"", Some(1)), "exit 1");
    }
}
