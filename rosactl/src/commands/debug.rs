//! `rosactl test-lambda` and `rosactl logs`: run a function and read what it wrote. Both
//! read-only for the account (the OIDC provisioner's sample creates nothing).

use std::collections::HashSet;
use std::io::Write;
use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use aws_sdk_lambda::primitives::Blob;
use aws_sdk_lambda::types::LogType;
use base64::Engine;
use serde_json::Value;

use super::versions::check_alias;
use crate::aws::{Aws, describe};
use crate::cli::{GlobalArgs, LogsArgs, TestLambdaArgs};
use crate::deploy::CHECK_PAYLOAD;
use crate::exit::{Exit, Failure};
use crate::output::{Format, Output};

/// A sample event for `function` and what to say about it.
fn sample(function: &str, region: &str) -> (Vec<u8>, String) {
    use rosa_lambda_api::{network, preflight};
    match rosa_lambda_packaging::function(function).map(|f| f.component) {
        Some("preflight-checker") => {
            let request = preflight::Request {
                region: region.to_string(),
                cluster_config: preflight::ClusterConfig {
                    instance_type: "m5.xlarge".into(),
                    replicas: 2,
                    availability_zones: Vec::new(),
                },
            };
            (
                serde_json::to_vec(&request).expect("a request serializes"),
                "sample: read-only quota and offering checks for 2 m5.xlarge workers".into(),
            )
        }
        Some("network-verifier") => {
            let request = network::Request {
                vpc_id: "vpc-00000000000000000".into(),
                subnet_ids: vec!["subnet-00000000000000000".into()],
                requirements: network::Requirements::default(),
            };
            (
                serde_json::to_vec(&request).expect("a request serializes"),
                "sample: read-only checks of a VPC that does not exist (vpc_exists fails); to check yours, pass --payload with {\"vpc_id\": \"vpc-...\", \"subnet_ids\": [\"subnet-...\"]}".into(),
            )
        }
        _ => (
            CHECK_PAYLOAD.as_bytes().to_vec(),
            "sample: the side-effect-free check payload, which creates nothing (the function answers with its own input validation). To create or update a real OIDC provider, pass --payload with {\"issuer_url\": \"https://...\", \"thumbprint\": [\"<40 hex digits>\"], \"cluster_id\": \"...\"}".into(),
        ),
    }
}

fn read_payload(path: &Path) -> Result<Vec<u8>, Failure> {
    let shown = path.display();
    let bytes = if path == Path::new("-") {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)
            .map_err(|e| Failure::usage(format!("--payload -: cannot read stdin: {e}")))?;
        buf
    } else {
        std::fs::read(path)
            .map_err(|e| Failure::usage(format!("--payload {shown}: cannot read it: {e}")))?
    };
    serde_json::from_slice::<Value>(&bytes).map_err(|e| {
        Failure::usage(format!(
            "--payload {shown}: expected a JSON event (the request the platform would send), but it is not JSON: {e}"
        ))
    })?;
    Ok(bytes)
}

/// `--alias`: an alias name, or a published version number.
fn check_qualifier(value: &str) -> Result<(), Failure> {
    if !value.is_empty() && value.len() <= 10 && value.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(());
    }
    check_alias("--alias", value)
}

pub async fn test_lambda(
    out: &Output,
    global: &GlobalArgs,
    args: &TestLambdaArgs,
) -> anyhow::Result<()> {
    check_qualifier(&args.alias)?;
    let from_user = args.payload.as_deref().map(read_payload).transpose()?;
    let aws = Aws::load(global).await?;
    let name = args.name;
    let (event, about) = match from_user {
        Some(bytes) => (bytes, None),
        None => {
            let (bytes, about) = sample(name, &aws.region);
            (bytes, Some(about))
        }
    };
    let account = crate::deploy::account_of(&aws, global).await?;
    let qualified = format!("{}:{}", account.aws_name(name), args.alias);
    let answer = aws
        .lambda
        .invoke()
        // Qualified in the name (not the Qualifier parameter): one form every Lambda
        // implementation routes through the alias.
        .function_name(&qualified)
        .payload(Blob::new(event.clone()))
        .log_type(LogType::Tail)
        .send()
        .await
        .map_err(|e| {
            let not_found = e
                .as_service_error()
                .is_some_and(|e| e.is_resource_not_found_exception());
            let hint = if not_found {
                "; run `rosactl setup-account` (it creates the functions and their prod and staging aliases), or check --alias"
            } else {
                ""
            };
            Failure::new(
                Exit::Failed,
                format!("invoking {qualified} failed: {}{hint}", describe(&e)),
            )
        })?;
    let body = answer.payload.map(|p| p.into_inner()).unwrap_or_default();
    let tail = answer
        .log_result
        .as_deref()
        .and_then(|b| base64::engine::general_purpose::STANDARD.decode(b).ok())
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default();
    let version = answer.executed_version.unwrap_or_default();
    let check_answer = about.is_some()
        && event == CHECK_PAYLOAD.as_bytes()
        && serde_json::from_slice::<rosa_lambda_api::ErrorBody>(&body)
            .is_ok_and(|a| a.is_check_answer());

    let parsed = serde_json::from_slice::<Value>(&body).ok();
    match out.format {
        // The answer exactly as the function gave it; everything else on stderr.
        Format::Json => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(&body)?;
            writeln!(stdout)?;
        }
        Format::Yaml => match &parsed {
            Some(v) => out.document(v)?,
            None => println!("{}", String::from_utf8_lossy(&body)),
        },
        Format::Table => {
            println!("{qualified} (version {version}) answered:");
            match &parsed {
                Some(v) => println!("{}", serde_json::to_string_pretty(v)?),
                None => println!("{}", String::from_utf8_lossy(&body)),
            }
        }
    }
    if let Some(about) = &about {
        out.say(about);
    }
    if !tail.is_empty() {
        out.say(format!("log tail of {qualified} (version {version}):"));
        for line in tail.lines() {
            out.say(format!("  {}", readable(None, line)));
        }
    }
    match answer.function_error {
        None => Ok(()),
        Some(_) if check_answer => {
            out.say(format!(
                "{qualified} answered the check payload with its own input validation: the code behind it runs"
            ));
            Ok(())
        }
        Some(kind) => {
            let detail = serde_json::from_slice::<rosa_lambda_api::ErrorBody>(&body)
                .map(|e| format!("{}: {}", e.error_type, e.error_message))
                .unwrap_or_else(|_| String::from_utf8_lossy(&body).chars().take(300).collect());
            Err(Failure::new(
                Exit::Failed,
                format!("{qualified} answered with a function error ({kind}): {detail}"),
            )
            .into())
        }
    }
}

/// `--since`: `90s`, `30m`, `1h`, `2d`, or an RFC 3339 time; the start in epoch milliseconds.
pub fn parse_since(value: &str, now: SystemTime) -> Result<i64, Failure> {
    let wrong = || {
        Failure::usage(format!(
            "--since: expected a duration such as 90s, 30m, 1h or 2d, or an RFC 3339 time such as 2026-01-31T12:00:00Z, got {value:?}"
        ))
    };
    let now_ms = now
        .duration_since(UNIX_EPOCH)
        .map_err(|_| wrong())?
        .as_millis() as i64;
    let v = value.trim();
    if let Some(unit) = v.chars().last().filter(|c| c.is_ascii_alphabetic()) {
        let digits = &v[..v.len() - 1];
        if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            let n: i64 = digits.parse().map_err(|_| wrong())?;
            let seconds = match unit {
                's' => n,
                'm' => n.checked_mul(60).ok_or_else(wrong)?,
                'h' => n.checked_mul(3600).ok_or_else(wrong)?,
                'd' => n.checked_mul(86_400).ok_or_else(wrong)?,
                _ => return Err(wrong()),
            };
            return seconds
                .checked_mul(1000)
                .map(|ms| (now_ms - ms).max(0))
                .ok_or_else(wrong);
        }
    }
    let time =
        aws_smithy_types::DateTime::from_str(v, aws_smithy_types::date_time::Format::DateTime)
            .map_err(|_| wrong())?;
    let ms = time.to_millis().map_err(|_| wrong())?;
    if ms > now_ms {
        return Err(Failure::usage(format!(
            "--since: {value:?} is in the future"
        )));
    }
    Ok(ms)
}

fn rfc3339(ms: i64) -> String {
    aws_smithy_types::DateTime::from_millis(ms)
        .fmt(aws_smithy_types::date_time::Format::DateTime)
        .unwrap_or_else(|_| ms.to_string())
}

/// One log line for people: a function's JSON line as `time LEVEL message key=value ...`,
/// anything else (Lambda's START / END / REPORT lines) as it is, after the event's time
/// (`timestamp_ms`; without one, a JSON line's own `timestamp`).
pub fn readable(timestamp_ms: Option<i64>, message: &str) -> String {
    let message = message.trim_end();
    let time = timestamp_ms.map(rfc3339);
    if let Ok(Value::Object(mut fields)) = serde_json::from_str::<Value>(message) {
        let text = |v: Option<Value>| match v {
            Some(Value::String(s)) => s,
            Some(other) => other.to_string(),
            None => String::new(),
        };
        // The event's time first (lines sort by it), the line's own when there is none.
        let own = match fields.remove("timestamp") {
            Some(Value::String(t)) => Some(t),
            _ => None,
        };
        let when = time.or(own);
        let level = text(fields.remove("level"));
        let msg = text(fields.remove("message"));
        let mut line = String::new();
        if let Some(t) = when {
            line.push_str(&t);
            line.push(' ');
        }
        line.push_str(&format!("{level:<5} {msg}"));
        for (k, v) in fields {
            line.push_str(&format!(" {k}={}", text(Some(v))));
        }
        return line;
    }
    match time {
        Some(t) => format!("{t} {message}"),
        None => message.to_string(),
    }
}

/// One page-complete read of the log group from `start` on.
async fn read_events(
    aws: &Aws,
    group: &str,
    start: i64,
    filter: Option<&str>,
) -> anyhow::Result<Vec<aws_sdk_cloudwatchlogs::types::FilteredLogEvent>> {
    let mut events = Vec::new();
    let mut token = None;
    loop {
        let page = aws
            .logs
            .filter_log_events()
            .log_group_name(group)
            .start_time(start)
            .set_filter_pattern(filter.map(String::from))
            .set_next_token(token)
            .send()
            .await
            .map_err(|e| {
                if e.as_service_error()
                    .is_some_and(|e| e.is_resource_not_found_exception())
                {
                    Failure::new(
                        Exit::Failed,
                        format!(
                            "log group {group} does not exist: the function is not set up in this account and region (`rosactl setup-account` creates it)"
                        ),
                    )
                } else {
                    Failure::new(
                        Exit::Failed,
                        format!("reading log group {group} failed: {}", describe(&e)),
                    )
                }
            })?;
        events.extend(page.events.unwrap_or_default());
        token = page.next_token;
        if token.is_none() {
            break;
        }
    }
    events.sort_by_key(|e| e.timestamp.unwrap_or_default());
    Ok(events)
}

/// Writes events; `false` when stdout is closed (a pipe's reader went away).
fn print_events(
    format: Format,
    events: &[aws_sdk_cloudwatchlogs::types::FilteredLogEvent],
) -> bool {
    let mut stdout = std::io::stdout().lock();
    for e in events {
        let message = e.message.as_deref().unwrap_or_default();
        let line = match format {
            Format::Table => readable(e.timestamp, message),
            Format::Json | Format::Yaml => {
                let doc = serde_json::json!({
                    "timestamp": e.timestamp.map(rfc3339),
                    "timestamp_ms": e.timestamp,
                    "stream": e.log_stream_name,
                    "event_id": e.event_id,
                    "message": message.trim_end(),
                });
                if format == Format::Json {
                    doc.to_string()
                } else {
                    match serde_norway::to_string(&doc) {
                        Ok(y) => format!("---\n{}", y.trim_end()),
                        Err(_) => continue,
                    }
                }
            }
        };
        if writeln!(stdout, "{line}").is_err() {
            return false;
        }
    }
    stdout.flush().is_ok()
}

pub async fn logs(out: &Output, global: &GlobalArgs, args: &LogsArgs) -> anyhow::Result<()> {
    let mut start = parse_since(&args.since, SystemTime::now())?;
    if args.filter.as_deref().is_some_and(|f| f.len() > 1024) {
        return Err(
            Failure::usage("--filter: a filter pattern has at most 1024 characters").into(),
        );
    }
    let aws = Aws::load(global).await?;
    let account = crate::deploy::account_of(&aws, global).await?;
    let group = account
        .function(args.name)
        .expect("--name is validated")
        .log_group
        .clone();
    let filter = args.filter.as_deref();
    let mut seen: HashSet<String> = HashSet::new();
    let interval = Duration::from_secs_f64(args.poll_interval.clamp(0.05, 60.0));
    let mut first = true;
    loop {
        let events = read_events(&aws, &group, start, filter).await?;
        let fresh: Vec<_> = events
            .into_iter()
            .filter(|e| e.event_id.as_ref().is_none_or(|id| !seen.contains(id)))
            .collect();
        if first && fresh.is_empty() && !args.follow {
            out.say(format!(
                "no events in {group} since {}{}",
                rfc3339(start),
                filter
                    .map(|f| format!(" matching {f:?}"))
                    .unwrap_or_default()
            ));
        }
        first = false;
        if !print_events(out.format, &fresh) {
            return Ok(());
        }
        if !args.follow {
            return Ok(());
        }
        // The next poll starts at the newest event seen (events of the same millisecond may
        // still arrive); the ids already printed are skipped.
        if let Some(newest) = fresh.iter().filter_map(|e| e.timestamp).max() {
            if newest > start {
                start = newest;
                seen.clear();
            }
        }
        seen.extend(fresh.into_iter().filter_map(|e| e.event_id));
        tokio::select! {
            _ = tokio::time::sleep(interval) => {}
            _ = tokio::signal::ctrl_c() => return Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn since_takes_durations_and_times() {
        let now = UNIX_EPOCH + Duration::from_secs(10_000_000);
        let ms = 10_000_000_000i64;
        assert_eq!(parse_since("90s", now).unwrap(), ms - 90_000);
        assert_eq!(parse_since("30m", now).unwrap(), ms - 1_800_000);
        assert_eq!(parse_since("1h", now).unwrap(), ms - 3_600_000);
        assert_eq!(parse_since("2d", now).unwrap(), ms - 172_800_000);
        assert_eq!(parse_since("1970-01-01T00:00:10Z", now).unwrap(), 10_000);
        for bad in ["", "h", "1y", "-1h", "yesterday", "1970-04-27T00:00:00Z"] {
            let e = parse_since(bad, now).unwrap_err();
            assert!(e.message.starts_with("--since"), "{bad}: {}", e.message);
            assert_eq!(e.exit, Exit::Usage);
        }
    }

    #[test]
    fn json_lines_read_as_level_message_fields() {
        let line = r#"{"timestamp":"2026-11-22T10:00:00.1Z","level":"INFO","message":"invocation","operation":"check","duration_ms":3}"#;
        assert_eq!(
            readable(None, line),
            "2026-11-22T10:00:00.1Z INFO  invocation duration_ms=3 operation=check"
        );
        assert_eq!(
            readable(Some(1000), line),
            "1970-01-01T00:00:01Z INFO  invocation duration_ms=3 operation=check"
        );
        assert_eq!(
            readable(Some(0), "START RequestId: x Version: 1\n"),
            "1970-01-01T00:00:00Z START RequestId: x Version: 1"
        );
        assert_eq!(readable(None, "plain"), "plain");
    }

    #[test]
    fn the_oidc_sample_creates_nothing() {
        let (event, about) = sample("oidc-provisioner", "us-east-1");
        assert_eq!(event, CHECK_PAYLOAD.as_bytes());
        assert!(about.contains("--payload"));
        let (event, _) = sample("rosa-preflight-checker", "eu-west-1");
        let v: Value = serde_json::from_slice(&event).unwrap();
        assert_eq!(v["region"], "eu-west-1");
    }
}
