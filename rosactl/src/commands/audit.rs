//! `rosactl audit`: what an auditor asks for. Every invocation the functions logged in the
//! period (from their `invocation` log lines: time, function, version, operation, the
//! request's key fields, outcome, duration), with totals; and the account-side facts: who may
//! invoke `prod` now, every recorded alias move (who, when), log retention and encryption.

use std::collections::BTreeMap;
use std::time::SystemTime;

use serde::Serialize;
use serde_json::Value;

use super::logs::{parse_since, read_events, rfc3339};
use crate::aws::Aws;
use crate::cli::AuditArgs;
use crate::deploy::account::Account;
use crate::deploy::desired::Desired;
use crate::exit::Failure;
use crate::output::{Format, Output, print_table, table};
use crate::settings::Settings;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Invocation {
    pub time: String,
    pub function: String,
    /// The version that ran (from the log stream's `[version]`).
    pub version: String,
    pub request_id: String,
    pub operation: String,
    /// The request's key fields (cluster, issuer, region, VPC, ...).
    pub request: BTreeMap<String, String>,
    /// `success`, or the error type.
    pub outcome: String,
    /// For a success, what it came to (an OIDC status, `proceed` of a check); for an error,
    /// its message.
    pub detail: String,
    pub duration_ms: Option<u64>,
}

/// The request fields worth a column, by function (the rest stays in the logs).
const KEY_FIELDS: [&str; 8] = [
    "cluster_id",
    "issuer_url",
    "region",
    "vpc_id",
    "subnet_ids",
    "instance_type",
    "replicas",
    "availability_zones",
];

fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(text).collect::<Vec<_>>().join(","),
        other => other.to_string(),
    }
}

/// The version in a Lambda log stream's name (`2026/12/07/[3]abc...`).
fn version_of_stream(stream: &str) -> String {
    stream
        .split_once('[')
        .and_then(|(_, rest)| rest.split_once(']'))
        .map(|(v, _)| v.to_string())
        .unwrap_or_default()
}

/// One `invocation` log line read as an audit row; None for any other line.
pub fn parse_line(function: &str, stream: &str, time: &str, message: &str) -> Option<Invocation> {
    let Ok(Value::Object(line)) = serde_json::from_str::<Value>(message.trim()) else {
        return None;
    };
    if line.get("message").and_then(Value::as_str) != Some("invocation") {
        return None;
    }
    let field = |k: &str| line.get(k).map(text).unwrap_or_default();
    // `input` and `result` are JSON rendered as text (cut when long).
    let input: Value = serde_json::from_str(&field("input")).unwrap_or(Value::Null);
    let request = KEY_FIELDS
        .iter()
        .filter_map(|k| {
            let v = input
                .get(k)
                .or_else(|| input.get("cluster_config").and_then(|c| c.get(k)))?;
            Some((k.to_string(), text(v)))
        })
        .collect();
    let (outcome, detail) = match line.get("error_type") {
        Some(t) => (text(t), field("error")),
        None => {
            let result: Value = serde_json::from_str(&field("result")).unwrap_or(Value::Null);
            let detail = match (result.get("status"), result.get("proceed")) {
                (Some(s), _) => format!("status {}", text(s)),
                (None, Some(p)) => format!("proceed {p}"),
                _ => String::new(),
            };
            ("success".to_string(), detail)
        }
    };
    Some(Invocation {
        time: time.to_string(),
        function: function.to_string(),
        version: version_of_stream(stream),
        request_id: field("request_id"),
        operation: field("operation"),
        request,
        outcome,
        detail,
        duration_ms: line.get("duration_ms").and_then(Value::as_u64),
    })
}

#[derive(Debug, Serialize)]
struct Move {
    function: String,
    alias: String,
    kind: String,
    from_version: Option<String>,
    to_version: String,
    by: String,
    time: String,
}

#[derive(Debug, Serialize)]
struct FunctionFacts {
    function: String,
    /// Principals allowed to invoke `prod` through rosactl's statement.
    prod_invoker: Option<String>,
    /// Any other way in (other statements, function URLs): rosactl did not grant them.
    other_access: Vec<String>,
    log_group: Option<String>,
    log_retention_days: Option<i32>,
    log_kms_key: Option<String>,
    invocations: usize,
    failed: usize,
}

#[derive(Debug, Serialize)]
struct Report {
    account_id: String,
    region: String,
    since: String,
    until: String,
    totals: Totals,
    functions: Vec<FunctionFacts>,
    alias_moves: Vec<Move>,
    invocations: Vec<Invocation>,
    not_shown: &'static str,
}

#[derive(Debug, Serialize)]
struct Totals {
    invocations: usize,
    failed: usize,
    by_outcome: BTreeMap<String, usize>,
}

const NOT_SHOWN: &str = "who invoked a function is not in its logs: CloudTrail records it (lambda:Invoke data events) only when a trail logs Lambda data events; see docs/observability.md";

pub async fn run(out: &Output, global: &Settings, args: &AuditArgs) -> anyhow::Result<()> {
    let now = SystemTime::now();
    let start = parse_since(&args.since, now)?;
    let selected = Account::select(&args.filter.functions).map_err(Failure::usage)?;
    let aws = Aws::load(global).await?;
    let account = crate::deploy::account_of(&aws, global).await?;
    let desired = Desired::new(account, selected.clone());
    let reads = selected.iter().map(|name| {
        let group = desired.names(name).log_group.clone();
        let aws = &aws;
        async move {
            let events = read_events(aws, &group, start, Some("invocation")).await?;
            anyhow::Ok((*name, events))
        }
    });
    let (observed, events) = tokio::join!(
        crate::deploy::observed::observe(&aws, &desired, true),
        futures_util::future::join_all(reads)
    );
    let observed = observed?;
    let mut invocations = Vec::new();
    for found in events {
        let (name, events) = found?;
        let shown = &desired.names(name).function_name;
        for e in events {
            let time = rfc3339(e.timestamp.unwrap_or_default());
            if let Some(row) = parse_line(
                shown,
                e.log_stream_name.as_deref().unwrap_or_default(),
                &time,
                e.message.as_deref().unwrap_or_default(),
            ) {
                invocations.push(row);
            }
        }
    }
    invocations.sort_by(|a, b| a.time.cmp(&b.time));
    let failed = |i: &Invocation| i.outcome != "success";
    let mut by_outcome: BTreeMap<String, usize> = BTreeMap::new();
    for i in &invocations {
        *by_outcome.entry(i.outcome.clone()).or_default() += 1;
    }
    let functions = selected
        .iter()
        .map(|name| {
            let o = observed.function(name);
            let shown = desired.names(name).function_name.clone();
            let mine: Vec<&Invocation> =
                invocations.iter().filter(|i| i.function == shown).collect();
            FunctionFacts {
                prod_invoker: o.permission.as_ref().map(|p| p.principal.clone()),
                other_access: o.foreign_access.clone(),
                log_group: o
                    .log_group
                    .as_ref()
                    .map(|_| desired.names(name).log_group.clone()),
                log_retention_days: o.log_group.as_ref().and_then(|l| l.retention_days),
                log_kms_key: o.log_group.as_ref().and_then(|l| l.kms_key_id.clone()),
                invocations: mine.len(),
                failed: mine.iter().filter(|i| failed(i)).count(),
                function: shown,
            }
        })
        .collect();
    let alias_moves = observed
        .functions
        .iter()
        .flat_map(|o| o.history.iter())
        .map(|r| Move {
            function: r.function.clone(),
            alias: r.alias.clone(),
            kind: serde_json::to_value(r.kind)
                .map(|v| text(&v))
                .unwrap_or_default(),
            from_version: r.from_version.clone(),
            to_version: r.to_version.clone(),
            by: r.caller_arn.clone(),
            time: r.time.clone(),
        })
        .collect();
    let totals = Totals {
        invocations: invocations.len(),
        failed: invocations.iter().filter(|i| failed(i)).count(),
        by_outcome,
    };
    if args.failed {
        invocations.retain(failed);
    }
    let report = Report {
        account_id: aws.account_id.clone(),
        region: aws.region.clone(),
        since: rfc3339(start),
        until: rfc3339(
            now.duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_millis() as i64)
                .unwrap_or_default(),
        ),
        totals,
        functions,
        alias_moves,
        invocations,
        not_shown: NOT_SHOWN,
    };
    if out.format == Format::Csv {
        print!("{}", csv(&report.invocations));
        return Ok(());
    }
    if out.format != Format::Table {
        return out.document(&report);
    }
    render(&report);
    Ok(())
}

/// One quoted CSV field (RFC 4180).
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The invocations as CSV, a header first.
pub fn csv(rows: &[Invocation]) -> String {
    let mut out = String::from(
        "time,function,version,request_id,operation,request,outcome,detail,duration_ms\n",
    );
    for r in rows {
        let request: Vec<String> = r.request.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let cells = [
            r.time.clone(),
            r.function.clone(),
            r.version.clone(),
            r.request_id.clone(),
            r.operation.clone(),
            request.join(" "),
            r.outcome.clone(),
            r.detail.clone(),
            r.duration_ms.map(|d| d.to_string()).unwrap_or_default(),
        ];
        let cells: Vec<String> = cells.iter().map(|c| field(c)).collect();
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

fn render(r: &Report) {
    println!(
        "Audit of {} / {} from {} to {}: {} invocations, {} failed.",
        r.account_id, r.region, r.since, r.until, r.totals.invocations, r.totals.failed
    );
    let mut t = table(&[
        "TIME",
        "FUNCTION",
        "VERSION",
        "OPERATION",
        "REQUEST",
        "OUTCOME",
        "MS",
    ]);
    for i in &r.invocations {
        let request: Vec<String> = i.request.iter().map(|(k, v)| format!("{k}={v}")).collect();
        t.add_row(vec![
            i.time.clone(),
            i.function.clone(),
            i.version.clone(),
            i.operation.clone(),
            request.join(" "),
            if i.detail.is_empty() {
                i.outcome.clone()
            } else {
                format!("{}: {}", i.outcome, i.detail)
            },
            i.duration_ms.map(|d| d.to_string()).unwrap_or_default(),
        ]);
    }
    if !r.invocations.is_empty() {
        print_table(&t);
    }
    println!();
    let mut t = table(&[
        "FUNCTION",
        "PROD INVOKER",
        "LOG RETENTION",
        "LOG KMS KEY",
        "INVOCATIONS",
        "FAILED",
    ]);
    for f in &r.functions {
        t.add_row(vec![
            f.function.clone(),
            f.prod_invoker.clone().unwrap_or_else(|| "none".into()),
            match (&f.log_group, f.log_retention_days) {
                (None, _) => "no log group".into(),
                (Some(_), Some(d)) => format!("{d} days"),
                (Some(_), None) => "never expires".into(),
            },
            f.log_kms_key.clone().unwrap_or_else(|| "AWS-owned".into()),
            f.invocations.to_string(),
            f.failed.to_string(),
        ]);
    }
    print_table(&t);
    for f in &r.functions {
        for access in &f.other_access {
            println!("other access to {}: {access}", f.function);
        }
    }
    println!();
    println!("Alias moves (all recorded):");
    for m in &r.alias_moves {
        println!(
            "  {} {} {}:{} {} -> {} by {}",
            m.time,
            m.kind,
            m.function,
            m.alias,
            m.from_version.as_deref().unwrap_or("(created)"),
            m.to_version,
            m.by
        );
    }
    println!();
    println!("Not shown: {}", r.not_shown);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invocation_lines_become_rows_and_other_lines_do_not() {
        let ok = r#"{"timestamp":"t","level":"INFO","message":"invocation","request_id":"r1","operation":"oidc-provision","input":"{\"issuer_url\":\"https://x/c1\",\"cluster_id\":\"c1\",\"thumbprint\":[\"ab\"]}","result":"{\"status\":\"created\",\"oidc_provider_arn\":\"a\"}","duration_ms":12}"#;
        let row = parse_line("rosa-oidc-provisioner", "2026/12/07/[3]abc", "T", ok).unwrap();
        assert_eq!(row.version, "3");
        assert_eq!(row.outcome, "success");
        assert_eq!(row.detail, "status created");
        assert_eq!(row.request["cluster_id"], "c1");
        assert!(!row.request.contains_key("thumbprint"));
        let err = r#"{"message":"invocation","request_id":"r2","operation":"preflight-check","input":"{\"region\":\"us-east-1\",\"cluster_config\":{\"instance_type\":\"m5.xlarge\",\"replicas\":2}}","error":"denied","error_type":"AccessDenied","duration_ms":3}"#;
        let row = parse_line("rosa-preflight-checker", "x/[$LATEST]y", "T", err).unwrap();
        assert_eq!(
            (row.outcome.as_str(), row.detail.as_str()),
            ("AccessDenied", "denied")
        );
        assert_eq!(row.request["replicas"], "2");
        assert_eq!(row.request["instance_type"], "m5.xlarge");
        assert!(parse_line("f", "s", "T", "START RequestId: x").is_none());
        assert!(parse_line("f", "s", "T", r#"{"_aws":{},"Function":"f"}"#).is_none());
    }

    #[test]
    fn csv_quotes_what_needs_it() {
        let row = Invocation {
            time: "T".into(),
            function: "f".into(),
            version: "1".into(),
            request_id: "r".into(),
            operation: "o".into(),
            request: BTreeMap::from([("subnet_ids".into(), "a,b".into())]),
            outcome: "InvalidInput".into(),
            detail: "say \"no\"".into(),
            duration_ms: Some(4),
        };
        let text = csv(&[row]);
        assert_eq!(
            text.lines().nth(1).unwrap(),
            r#"T,f,1,r,o,"subnet_ids=a,b",InvalidInput,"say ""no""",4"#
        );
    }
}
