//! `rosactl logs --export s3://BUCKET/PREFIX`: a function's log group archived to S3 by a
//! CloudWatch Logs export task, waited for with its progress. The bucket's policy is read
//! first: without the two grants the service needs, nothing is started and the statement to
//! add is printed.

use std::time::{Duration, Instant};

use serde_json::{Value, json};

use aws_sdk_s3::error::ProvideErrorMetadata;

use crate::aws::{Aws, describe};
use crate::deploy::names::parse_policy;
use crate::exit::{Exit, Failure};
use crate::output::Output;

/// `s3://BUCKET/PREFIX` read; the prefix without slashes at its ends (may be empty).
pub fn parse_destination(raw: &str) -> Result<(String, String), String> {
    let rest = raw
        .strip_prefix("s3://")
        .ok_or_else(|| format!("--export {raw:?}: expected s3://BUCKET/PREFIX"))?;
    let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
    let ok = (3..=63).contains(&bucket.len())
        && bucket
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
        && !bucket.starts_with(['-', '.'])
        && !bucket.ends_with(['-', '.']);
    if !ok {
        return Err(format!(
            "--export {raw:?}: {bucket:?} is not an S3 bucket name (3-63 lowercase letters, digits, '-' or '.')"
        ));
    }
    Ok((bucket.to_string(), prefix.trim_matches('/').to_string()))
}

fn list(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|i| i.as_str().map(String::from))
            .collect(),
        _ => Vec::new(),
    }
}

/// IAM's `*` and `?` wildcards.
fn glob(pattern: &str, text: &str) -> bool {
    let (p, t): (Vec<char>, Vec<char>) = (pattern.chars().collect(), text.chars().collect());
    let (mut pi, mut ti, mut star, mut mark) = (0, 0, None, 0);
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = ti;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ti = mark;
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|c| *c == '*')
}

/// Whether an Allow statement of `policy` lets CloudWatch Logs of `region` do `action` on
/// `resource` (conditions are not evaluated: the usual ones name this account).
fn allows(policy: &Value, region: &str, action: &str, resource: &str) -> bool {
    let services = [
        format!("logs.{region}.amazonaws.com"),
        "logs.amazonaws.com".to_string(),
    ];
    let statements = match policy.get("Statement") {
        Some(Value::Array(s)) => s.clone(),
        Some(one) => vec![one.clone()],
        None => Vec::new(),
    };
    statements.iter().any(|s| {
        s.get("Effect").and_then(Value::as_str) == Some("Allow")
            && list(s.get("Principal").and_then(|p| p.get("Service")))
                .iter()
                .any(|p| services.contains(p))
            && list(s.get("Action"))
                .iter()
                .any(|a| glob(&a.to_ascii_lowercase(), &action.to_ascii_lowercase()))
            && list(s.get("Resource")).iter().any(|r| glob(r, resource))
    })
}

/// What the bucket policy lacks for an export to `bucket/prefix`, and the statements that
/// would grant it; empty when nothing is missing.
pub fn missing_grants(
    policy: Option<&Value>,
    partition: &str,
    region: &str,
    account: &str,
    bucket: &str,
    prefix: &str,
) -> (Vec<String>, Value) {
    let bucket_arn = format!("arn:{partition}:s3:::{bucket}");
    let objects = match prefix {
        "" => format!("{bucket_arn}/*"),
        p => format!("{bucket_arn}/{p}/*"),
    };
    let probe = objects.replace('*', "aws-logs-write-test");
    let empty = json!({});
    let policy = policy.unwrap_or(&empty);
    let mut missing = Vec::new();
    if !allows(policy, region, "s3:GetBucketAcl", &bucket_arn) {
        missing.push(format!("s3:GetBucketAcl on {bucket_arn}"));
    }
    if !allows(policy, region, "s3:PutObject", &probe) {
        missing.push(format!("s3:PutObject on {objects}"));
    }
    let principal = json!({"Service": format!("logs.{region}.amazonaws.com")});
    let condition = json!({"StringEquals": {"aws:SourceAccount": account}});
    let statements = json!([
        {"Sid": "CloudWatchLogsAcl", "Effect": "Allow", "Principal": principal,
         "Action": "s3:GetBucketAcl", "Resource": bucket_arn, "Condition": condition},
        {"Sid": "CloudWatchLogsWrite", "Effect": "Allow", "Principal": principal,
         "Action": "s3:PutObject", "Resource": objects,
         "Condition": {"StringEquals": {"s3:x-amz-acl": "bucket-owner-full-control", "aws:SourceAccount": account}}},
    ]);
    (missing, statements)
}

/// Checks the bucket, starts the export of `group` from `start` (ms) to now, and waits for it.
pub async fn export(
    out: &Output,
    aws: &Aws,
    group: &str,
    destination: &str,
    start: i64,
) -> anyhow::Result<()> {
    let (bucket, prefix) = parse_destination(destination).map_err(Failure::usage)?;
    let policy = match aws.s3.get_bucket_policy().bucket(&bucket).send().await {
        Ok(p) => p.policy.as_deref().and_then(parse_policy),
        Err(e) if e.code() == Some("NoSuchBucketPolicy") => None,
        Err(e) if e.code() == Some("NoSuchBucket") => {
            return Err(Failure::usage(format!(
                "--export: bucket {bucket} does not exist (it must exist in {} and let CloudWatch Logs write)",
                aws.region
            ))
            .into());
        }
        Err(e) => {
            return Err(Failure::new(
                Exit::Failed,
                format!(
                    "--export: reading the policy of bucket {bucket} (s3:GetBucketPolicy) failed, so no export was started: {}",
                    describe(&e)
                ),
            )
            .into());
        }
    };
    let (missing, statements) = missing_grants(
        policy.as_ref(),
        aws.partition(),
        &aws.region,
        &aws.account_id,
        &bucket,
        &prefix,
    );
    if !missing.is_empty() {
        return Err(Failure::usage(format!(
            "--export: the policy of bucket {bucket} does not let CloudWatch Logs (logs.{}.amazonaws.com) write there; it lacks {}. No export was started. Add these statements to the bucket policy:\n{}",
            aws.region,
            missing.join(" and "),
            serde_json::to_string_pretty(&statements).unwrap_or_default()
        ))
        .into());
    }
    let end = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or_default();
    let task = aws
        .logs
        .create_export_task()
        .task_name(format!("rosactl-{}", group.trim_start_matches('/').replace('/', "-")))
        .log_group_name(group)
        .from(start)
        .to(end)
        .destination(&bucket)
        .set_destination_prefix(Some(prefix.clone()).filter(|p| !p.is_empty()))
        .send()
        .await
        .map_err(|e| {
            let hint = if e.code() == Some("LimitExceededException") {
                " (CloudWatch Logs runs one export task per account at a time: wait for the running one, `aws logs describe-export-tasks --status-code RUNNING`)"
            } else {
                ""
            };
            Failure::new(
                Exit::Failed,
                format!("--export: starting the export of {group} failed: {}{hint}", describe(&e)),
            )
        })?
        .task_id
        .unwrap_or_default();
    out.say(format!(
        "export {task}: {group} to s3://{bucket}/{prefix} started"
    ));
    let began = Instant::now();
    let mut last = String::new();
    loop {
        let found = aws
            .logs
            .describe_export_tasks()
            .task_id(&task)
            .send()
            .await
            .map_err(|e| {
                Failure::new(
                    Exit::Failed,
                    format!(
                        "--export: reading export task {task} failed (it may still run: `aws logs describe-export-tasks --task-id {task}`): {}",
                        describe(&e)
                    ),
                )
            })?;
        let status = found
            .export_tasks()
            .first()
            .and_then(|t| t.status())
            .map(|s| {
                (
                    s.code().map(|c| c.as_str().to_string()).unwrap_or_default(),
                    s.message().unwrap_or_default().to_string(),
                )
            })
            .unwrap_or_default();
        if status.0 != last {
            out.say(format!(
                "export {task}: {} after {} s",
                status.0,
                began.elapsed().as_secs()
            ));
            last = status.0.clone();
        }
        match status.0.as_str() {
            "COMPLETED" => {
                if out.format != crate::output::Format::Table {
                    out.document(&json!({
                        "task_id": task,
                        "log_group": group,
                        "destination": format!("s3://{bucket}/{prefix}"),
                        "from": start,
                        "to": end,
                        "status": "COMPLETED",
                    }))?;
                } else {
                    println!("Exported {group} to s3://{bucket}/{prefix} (task {task}).");
                }
                return Ok(());
            }
            "FAILED" | "CANCELLED" => {
                return Err(Failure::new(
                    Exit::Failed,
                    format!(
                        "--export: export task {task} ended {}: {}",
                        status.0, status.1
                    ),
                )
                .into());
            }
            _ => {}
        }
        tokio::select! {
            _ = crate::pace::pause(Duration::from_secs(2)) => {}
            _ = tokio::signal::ctrl_c() => {
                return Err(Failure::new(
                    Exit::Interrupted,
                    format!("interrupted: export task {task} goes on without rosactl (`aws logs describe-export-tasks --task-id {task}`; `aws logs cancel-export-task --task-id {task}` stops it)"),
                )
                .into());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn destinations_are_read_and_bad_ones_named() {
        assert_eq!(
            parse_destination("s3://my-archive/rosa/logs/").unwrap(),
            ("my-archive".into(), "rosa/logs".into())
        );
        assert_eq!(parse_destination("s3://my-archive").unwrap().1, "");
        assert!(
            parse_destination("my-archive/x")
                .unwrap_err()
                .contains("expected s3://")
        );
        assert!(
            parse_destination("s3://My_Bucket/x")
                .unwrap_err()
                .contains("not an S3 bucket name")
        );
    }

    #[test]
    fn the_two_grants_are_found_or_named() {
        let (missing, statements) =
            missing_grants(None, "aws", "us-east-1", "123456789012", "arch", "rosa");
        assert_eq!(missing.len(), 2, "{missing:?}");
        let policy = json!({"Version": "2012-10-17", "Statement": statements});
        let with_policy = |region: &str, prefix: &str| {
            missing_grants(Some(&policy), "aws", region, "123456789012", "arch", prefix).0
        };
        let missing = with_policy("us-east-1", "rosa");
        assert!(missing.is_empty(), "{missing:?}");
        // The grant for another prefix or region does not count.
        let missing = with_policy("us-east-1", "other");
        assert_eq!(missing, ["s3:PutObject on arn:aws:s3:::arch/other/*"]);
        let missing = with_policy("eu-west-1", "rosa");
        assert_eq!(missing.len(), 2);
        assert!(glob("arn:aws:s3:::arch/*", "arn:aws:s3:::arch/rosa/x"));
        assert!(!glob("arn:aws:s3:::arch/r?sa/*", "arn:aws:s3:::arch/rxsa"));
    }
}
