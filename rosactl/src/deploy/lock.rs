//! The account's alias lock: one object in the artifacts bucket, written with S3's
//! conditional PutObject, held by every command that moves aliases of a deployed account
//! (`update-lambdas`, `promote-lambdas`, `rollback-lambdas`, `versions --keep`) once its plan
//! has something to change, until its last step (and any all-or-nothing revert) is over.
//! A second run waits for the first, then plans from what the first left: without the lock two
//! promotions could interleave, and one's revert undo moves the other reported. A run with
//! nothing to change (or a plan that fails) writes nothing, the lock included.
//!
//! A lock is stale, and taken over (a conditional PutObject `If-Match` its ETag, so two
//! runs cannot both take it over), once its holder's declared time is over, or at once when
//! the holder ran on this host and its process is gone (killed, crashed).
//!
//! Released, the object stays, marked `released` (a conditional PutObject `If-Match` the
//! holder's ETag): every hold and release changes its ETag. A run that read the object
//! released while it read the account ([`peek`]) takes it `If-Match` that ETag; when that
//! write succeeds, no run held the lock in between, so no run moved an alias since the
//! account was read, and the plan stands without reading the aliases again. (An object
//! left by an older rosactl, or none, takes the ordinary way.)

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use aws_sdk_s3::primitives::ByteStream;
use serde::{Deserialize, Serialize};

use crate::aws::{Aws, describe, read_object_etag};
use crate::exit::{Exit, Failure};
use crate::output::Output;

pub const KEY: &str = "locks/aliases.json";

/// How long a holder may keep the lock beyond what it says it needs (a `--bake`).
pub const BASE_HOLD: Duration = Duration::from_secs(15 * 60);

/// What the lock object says.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Holder {
    /// Random, per run: how a run recognises its own lock (a resent PutObject).
    pub token: String,
    pub command: String,
    pub host: String,
    pub pid: u32,
    /// Seconds since the epoch.
    pub since: u64,
    pub expires: u64,
    /// The holder let it go: the lock is free.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub released: bool,
}

impl Holder {
    fn describe(&self) -> String {
        format!(
            "{} (process {} on {}, since {}, holding at most until {})",
            self.command,
            self.pid,
            self.host,
            rfc3339(self.since),
            rfc3339(self.expires)
        )
    }

    /// Why the lock may be taken over, if it may.
    pub fn stale(&self, now: u64, host: &str, alive: impl Fn(u32) -> bool) -> Option<String> {
        if self.released {
            Some("it was released".into())
        } else if now >= self.expires {
            Some(format!("its time ran out at {}", rfc3339(self.expires)))
        } else if self.host == host && !alive(self.pid) {
            Some(format!("process {} is gone from this host", self.pid))
        } else {
            None
        }
    }
}

/// The lock, held by this run.
pub struct Held {
    bucket: String,
    etag: String,
    /// What it says (released as such).
    holder: Holder,
}

/// The lock object as a run read it with the account: its holder and ETag, or none.
#[derive(Debug, Clone)]
pub struct Peeked(Option<(Holder, String)>);

/// Reads the lock object (one GetObject), to be read with the account.
pub async fn peek(aws: &Aws, bucket: &str) -> Result<Peeked, String> {
    Ok(Peeked(read(aws, bucket).await?))
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

fn rfc3339(secs: u64) -> String {
    aws_smithy_types::DateTime::from_secs(secs as i64)
        .fmt(aws_smithy_types::date_time::Format::DateTime)
        .unwrap_or_else(|_| secs.to_string())
}

fn host() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .ok()
        .or_else(|| std::env::var("HOSTNAME").ok())
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "unknown host".to_string())
}

/// Whether process `pid` exists on this host (signal 0 checks without sending anything).
fn alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return true;
    };
    // SAFETY: kill with signal 0 only checks that the process exists and may be signalled.
    let answer = unsafe { libc::kill(pid, 0) };
    answer == 0 || std::io::Error::last_os_error().raw_os_error() != Some(libc::ESRCH)
}

enum Put {
    Done(String),
    /// The object exists (If-None-Match) or changed (If-Match).
    Precondition,
    NoBucket,
}

async fn put(aws: &Aws, bucket: &str, body: &[u8], if_match: Option<&str>) -> Result<Put, String> {
    let mut request = aws
        .s3
        .put_object()
        .bucket(bucket)
        .expected_bucket_owner(&aws.account_id)
        .key(KEY)
        .content_type("application/json")
        .body(ByteStream::from(body.to_vec()));
    request = match if_match {
        Some(etag) => request.if_match(etag),
        None => request.if_none_match("*"),
    };
    match request.send().await {
        Ok(out) => Ok(Put::Done(out.e_tag().unwrap_or_default().to_string())),
        Err(e) => {
            let status = e.raw_response().map(|r| r.status().as_u16());
            let code = e
                .as_service_error()
                .and_then(aws_sdk_s3::error::ProvideErrorMetadata::code);
            // 409 ConditionalRequestConflict: another conditional write raced this one.
            if matches!(status, Some(412 | 409))
                || matches!(
                    code,
                    Some("PreconditionFailed" | "ConditionalRequestConflict")
                )
            {
                Ok(Put::Precondition)
            } else if code == Some("NoSuchBucket") {
                Ok(Put::NoBucket)
            } else if code == Some("NoSuchKey") {
                // If-Match on an object deleted since: try again from the start.
                Ok(Put::Precondition)
            } else {
                Err(describe(&e))
            }
        }
    }
}

/// The lock object and its ETag; None when there is none.
async fn read(aws: &Aws, bucket: &str) -> Result<Option<(Holder, String)>, String> {
    let Some((bytes, etag)) = read_object_etag(aws, bucket, KEY).await? else {
        return Ok(None);
    };
    match serde_json::from_slice::<Holder>(&bytes) {
        Ok(holder) => Ok(Some((holder, etag))),
        Err(e) => Err(format!(
            "s3://{bucket}/{KEY} is not a lock rosactl wrote ({e}); delete it if no rosactl run is moving aliases"
        )),
    }
}

/// Takes the lock for `command`, which says it needs it for at most `hold`; waits while
/// another run holds it. None when the account has no artifacts bucket (nothing deployed:
/// the command's plan says so).
/// With `peeked` (the object as read with the account) released: the first write is `If-Match`
/// its ETag, and the answer says whether it succeeded (`true`: no run held the lock since).
pub async fn acquire(
    aws: &Aws,
    out: &Output,
    bucket: &str,
    command: &str,
    hold: Duration,
    peeked: Option<&Peeked>,
) -> Result<Option<(Held, bool)>, Failure> {
    let fail = |why: String| {
        let needs = if why.contains("AccessDenied") || why.contains("403") {
            " (it needs s3:PutObject and s3:GetObject on that object)"
        } else {
            ""
        };
        Failure::new(
            Exit::Failed,
            format!(
                "{command}: taking the account's alias lock s3://{bucket}/{KEY} failed{needs}: {why}; nothing was changed"
            ),
        )
    };
    let host = host();
    let mine = Holder {
        token: format!("{:016x}{:016x}", fastrand::u64(..), fastrand::u64(..)),
        command: command.to_string(),
        host: host.clone(),
        pid: std::process::id(),
        since: now(),
        expires: now() + hold.as_secs(),
        released: false,
    };
    let held = |etag: String| Held {
        bucket: bucket.to_string(),
        etag,
        holder: mine.clone(),
    };
    let body = || {
        let mut body = mine.clone();
        body.expires = now() + hold.as_secs();
        serde_json::to_vec(&body).map_err(|e| fail(e.to_string()))
    };
    if let Some(Peeked(Some((seen, etag)))) = peeked
        && seen.released
    {
        match put(aws, bucket, &body()?, Some(etag)).await.map_err(fail)? {
            Put::Done(etag) => return Ok(Some((held(etag), true))),
            Put::NoBucket => return Ok(None),
            Put::Precondition => {}
        }
    }
    let mut waited_for: Option<String> = None;
    let mut pause = Duration::from_millis(200);
    loop {
        let body = body()?;
        match put(aws, bucket, &body, None).await.map_err(fail)? {
            Put::Done(etag) => return Ok(Some((held(etag), false))),
            Put::NoBucket => return Ok(None),
            Put::Precondition => {}
        }
        let Some((holder, etag)) = read(aws, bucket).await.map_err(fail)? else {
            continue; // deleted between the two calls (by an older rosactl)
        };
        if holder.token == mine.token {
            // Our own PutObject landed; its answer was lost and the resend found it.
            return Ok(Some((held(etag), false)));
        }
        if let Some(why) = holder.stale(now(), &host, alive) {
            if let Put::Done(etag) = put(aws, bucket, &body, Some(&etag)).await.map_err(fail)? {
                if !holder.released {
                    out.say(format!(
                        "{command}: took over the alias lock of {}: {why}",
                        holder.describe()
                    ));
                }
                return Ok(Some((held(etag), false)));
            }
            continue; // another run took it first
        }
        let who = holder.describe();
        if waited_for.as_deref() != Some(who.as_str()) {
            out.say(format!(
                "{command}: waiting for another rosactl run that is moving aliases in this account: {who}"
            ));
            waited_for = Some(who);
        }
        crate::pace::pause(pause).await;
        pause = (pause * 2).min(Duration::from_secs(2));
    }
}

/// For a run with nothing to change: releases a lock left by a run that is gone (killed while
/// holding it), so nothing of a stopped run stays behind. No call when `peeked` (the object
/// read with the account) says there is none or it is released.
pub async fn clear_stale(aws: &Aws, out: &Output, bucket: &str, command: &str, peeked: Peeked) {
    let Peeked(Some((holder, etag))) = peeked else {
        return;
    };
    if holder.released {
        return;
    }
    let Some(why) = holder.stale(now(), &host(), alive) else {
        return;
    };
    let held = Held {
        bucket: bucket.to_string(),
        etag,
        holder: holder.clone(),
    };
    match held.release(aws).await {
        None => out.say(format!(
            "{command}: removed the alias lock left by {}: {why}",
            holder.describe()
        )),
        Some(warning) => out.say(format!("warning: {warning}")),
    }
}

impl Held {
    /// Marks the lock released if it is still this run's (If-Match its ETag); a problem is
    /// returned as a warning: the next run takes it over once this process has ended.
    pub async fn release(self, aws: &Aws) -> Option<String> {
        let mut body = self.holder.clone();
        body.released = true;
        body.expires = now();
        let body = match serde_json::to_vec(&body) {
            Ok(body) => body,
            Err(e) => return Some(format!("releasing the alias lock: {e}")),
        };
        match put(aws, &self.bucket, &body, Some(&self.etag)).await {
            // Taken over by another run (this one overran its time), or the bucket is gone.
            Ok(_) => None,
            Err(e) => Some(format!(
                "releasing the alias lock s3://{}/{KEY} failed: {e}; the next run takes it over once this process has ended",
                self.bucket
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn holder(host: &str, pid: u32, expires: u64) -> Holder {
        Holder {
            token: "t".into(),
            command: "promote-lambdas".into(),
            host: host.into(),
            pid,
            since: 100,
            expires,
            released: false,
        }
    }

    #[test]
    fn a_lock_is_stale_when_its_time_ran_out_or_its_process_is_gone_from_this_host() {
        let live = |_: u32| true;
        let dead = |_: u32| false;
        assert_eq!(holder("a", 1, 200).stale(150, "a", live), None);
        assert!(
            holder("a", 1, 200)
                .stale(200, "a", live)
                .unwrap()
                .contains("time ran out")
        );
        assert!(
            holder("a", 1, 200)
                .stale(150, "a", dead)
                .unwrap()
                .contains("process 1 is gone")
        );
        // Another host's process cannot be checked from here: only its time counts.
        assert_eq!(holder("b", 1, 200).stale(150, "a", dead), None);
        // Released: free to take.
        let mut free = holder("b", 1, 200);
        free.released = true;
        assert!(free.stale(150, "a", live).is_some());
        // An object an older rosactl wrote (no `released`) reads as held.
        let old: Holder = serde_json::from_str(
            r#"{"token":"t","command":"c","host":"h","pid":1,"since":1,"expires":300}"#,
        )
        .unwrap();
        assert!(!old.released);
    }

    #[test]
    fn this_process_is_alive_and_a_pid_beyond_the_maximum_is_not() {
        assert!(alive(std::process::id()));
        assert!(!alive(i32::MAX as u32));
    }
}
