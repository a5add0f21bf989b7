//! `rosactl logs`: what the functions wrote to their log groups, readable (JSON lines as
//! level, message, fields), from `--since`, optionally followed.

use std::collections::HashSet;
use std::io::Write;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde_json::Value;

use crate::aws::{Aws, describe};
use crate::cli::LogsArgs;
use crate::exit::{Exit, Failure};
use crate::output::{Format, Output};
use crate::settings::Settings;

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

pub(crate) fn rfc3339(ms: i64) -> String {
    aws_smithy_types::DateTime::from_millis(ms)
        .fmt(aws_smithy_types::date_time::Format::DateTime)
        .unwrap_or_else(|_| ms.to_string())
}

/// One log line for people: a function's JSON line as `time LEVEL message key=value ...`,
/// anything else (Lambda's START / END / REPORT lines) as it is, after the event's time
/// (`timestamp_ms`; without one, a JSON line's own `timestamp`). A function's metrics line
/// (embedded metric format) reads `METRIC key=value ...`, without its `_aws` metadata.
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
        let (level, msg) = match fields.remove("_aws") {
            Some(_) => ("METRIC".to_string(), "metrics".to_string()),
            None => (text(fields.remove("level")), text(fields.remove("message"))),
        };
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
pub(crate) async fn read_events(
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
            Format::Json | Format::Yaml | Format::Csv => {
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

pub async fn run(out: &Output, global: &Settings, args: &LogsArgs) -> anyhow::Result<()> {
    let mut start = parse_since(&args.since, SystemTime::now())?;
    if args.filter.as_deref().is_some_and(|f| f.len() > 1024) {
        return Err(
            Failure::usage("--filter: a filter pattern has at most 1024 characters").into(),
        );
    }
    if let Some(destination) = &args.export {
        super::log_export::parse_destination(destination).map_err(Failure::usage)?;
    }
    let aws = Aws::load(global).await?;
    let account = crate::deploy::account_of(&aws, global).await?;
    let group = account
        .function(args.name)
        .expect("--name is validated")
        .log_group
        .clone();
    if let Some(destination) = &args.export {
        return super::log_export::export(out, &aws, &group, destination, start).await;
    }
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
    fn metric_lines_read_without_their_metadata() {
        let line =
            r#"{"_aws":{"Timestamp":1,"CloudWatchMetrics":[]},"Function":"f","Invocations":1.0}"#;
        assert_eq!(
            readable(None, line),
            "METRIC metrics Function=f Invocations=1.0"
        );
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
}
