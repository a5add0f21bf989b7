//! Two runs at once on one account: two `setup-account`, then two `promote-lambdas`. They must
//! end in one correct state, the state one run alone leaves (inventory through the SDK), and
//! what the second one reports is printed (docs/reliability.md quotes it).

mod common;
use common::{VARIANT, inventory_of};

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Output, Stdio};

use rosa_testbed::TestBed;
use rosa_testbed::faults::{Fault, FaultProxy, Rule, Upstream};
use rosa_testbed::inventory;
use serde_json::Value;

fn rosactl(bed: &TestBed, variant: Option<&str>, args: &[&str]) -> Command {
    let mut cmd = bed.command(env!("CARGO_BIN_EXE_rosactl"));
    cmd.args(args).stdin(Stdio::null());
    match variant {
        Some(v) => cmd.env(VARIANT, v),
        None => cmd.env_remove(VARIANT),
    };
    cmd
}

fn ok(bed: &TestBed, variant: Option<&str>, args: &[&str]) {
    let out = rosactl(bed, variant, args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn spawn(bed: &TestBed, variant: Option<&str>, args: &[&str]) -> Child {
    rosactl(bed, variant, args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn last_lines(o: &Output) -> String {
    let err = String::from_utf8_lossy(&o.stderr);
    let lines: Vec<&str> = err.lines().filter(|l| l.starts_with("error")).collect();
    if lines.is_empty() {
        "succeeded".into()
    } else {
        lines.join(" / ")
    }
}

/// Waits for a child on a thread of its own, reading both its pipes to the end (a child
/// whose pipe nobody reads blocks once the pipe is full).
fn collect(child: Child) -> std::thread::JoinHandle<Output> {
    std::thread::spawn(move || child.wait_with_output().unwrap())
}

/// Runs `args` twice at once; returns both outputs. "At once" is made sure of, not hoped
/// for: each run goes through a fault proxy of its own that holds it after its first
/// mutating call, and both are let go only when both have made it.
fn twice_at_once(bed: &TestBed, variant: Option<&str>, args: &[&str]) -> (Output, Output) {
    let start = || {
        let proxy = FaultProxy::start(&bed.aws.endpoint, Upstream::Aws).unwrap();
        proxy.freeze_after_mutating(1);
        let mut cmd = bed.command_via(env!("CARGO_BIN_EXE_rosactl"), &proxy, None);
        cmd.args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        match variant {
            Some(v) => cmd.env(VARIANT, v),
            None => cmd.env_remove(VARIANT),
        };
        (proxy, cmd.spawn().unwrap())
    };
    let (proxy_a, mut a) = start();
    let (proxy_b, mut b) = start();
    let held_a = proxy_a.wait_frozen(|| matches!(a.try_wait(), Ok(Some(_))));
    let held_b = proxy_b.wait_frozen(|| matches!(b.try_wait(), Ok(Some(_))));
    assert!(
        held_a && held_b,
        "both runs must reach their first mutating call before either goes on (first: {held_a}, second: {held_b})"
    );
    let (a, b) = (collect(a), collect(b));
    proxy_a.release();
    proxy_b.release();
    (a.join().unwrap(), b.join().unwrap())
}

fn no_panic(o: &Output) {
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "exit {:?}: {err}",
        o.status.code()
    );
}

#[test]
fn two_setups_at_once_end_in_the_state_of_one() {
    let alone = TestBed::start();
    ok(&alone, None, &["setup-account", "--yes"]);
    let expected = inventory_of(&alone);

    let bed = TestBed::start();
    let (a, b) = twice_at_once(&bed, None, &["setup-account", "--yes"]);
    no_panic(&a);
    no_panic(&b);
    eprintln!(
        "two setup-account at once: first {}; second {}",
        last_lines(&a),
        last_lines(&b)
    );
    assert!(
        a.status.success() || b.status.success(),
        "at least one finishes: {} / {}",
        last_lines(&a),
        last_lines(&b)
    );
    // A failed one says to run again; the next run finds nothing or little to do.
    ok(&bed, None, &["setup-account", "--yes"]);
    let got = inventory_of(&bed);
    let diff = inventory::differences(&expected, &got);
    assert!(
        diff.is_empty(),
        "two setups at once:\n  {}",
        diff.join("\n  ")
    );
}

/// The inventory one promotion leaves (setup, update to variant 2, promote, on a bed of its
/// own), and a second bed set up and updated, ready for the promotions under test.
fn ready_to_promote() -> (Value, TestBed) {
    let alone = TestBed::start();
    ok(&alone, None, &["setup-account", "--yes"]);
    ok(&alone, Some("2"), &["update-lambdas", "--yes"]);
    ok(&alone, Some("2"), &["promote-lambdas", "--yes"]);
    let expected = inventory_of(&alone);

    let bed = TestBed::start();
    ok(&bed, None, &["setup-account", "--yes"]);
    ok(&bed, Some("2"), &["update-lambdas", "--yes"]);
    (expected, bed)
}

#[test]
fn two_promotions_at_once_end_in_the_state_of_one() {
    let (expected, bed) = ready_to_promote();
    let (a, b) = twice_at_once(&bed, Some("2"), &["promote-lambdas", "--yes"]);
    no_panic(&a);
    no_panic(&b);
    eprintln!(
        "two promote-lambdas at once: first {}; second {}",
        last_lines(&a),
        last_lines(&b)
    );
    assert!(
        a.status.success() || b.status.success(),
        "at least one finishes: {} / {}",
        last_lines(&a),
        last_lines(&b)
    );
    let got = inventory_of(&bed);
    let diff = inventory::differences(&expected, &got);
    assert!(
        diff.is_empty(),
        "two promotions at once:\n  {}",
        diff.join("\n  ")
    );
}

/// The same, landing in a chosen moment: the first promotion is held by the fault proxy right
/// after its first mutating call (taking the alias lock); the second starts, must say it waits
/// for the first, and goes on only when the first is let go and has finished. The second then
/// plans from what the first left: nothing to move.
#[test]
fn a_second_promotion_waits_for_the_first_and_finds_nothing_to_move() {
    let (expected, bed) = ready_to_promote();
    let proxy = FaultProxy::start(&bed.aws.endpoint, Upstream::Aws).unwrap();
    proxy.freeze_after_mutating(1);
    let mut first = bed.command_via(env!("CARGO_BIN_EXE_rosactl"), &proxy, None);
    first
        .args(["promote-lambdas", "--yes"])
        .env(VARIANT, "2")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut first = first.spawn().unwrap();
    assert!(
        proxy.wait_frozen(|| matches!(first.try_wait(), Ok(Some(_)))),
        "the first promotion ended before its first mutating call"
    );
    // The held call is the promotion's only write so far (its check of staging, a read,
    // goes on beside it). The lock object stays, released, after the update: the promotion
    // takes it as it read it (If-Match its ETag).
    let writes: Vec<_> = proxy
        .raw_requests()
        .into_iter()
        .filter(|r| r.method == "PUT" || r.method == "DELETE")
        .collect();
    assert_eq!(
        writes.len(),
        1,
        "{:?}",
        writes.iter().map(|w| &w.target).collect::<Vec<_>>()
    );
    let last = &writes[0];
    assert!(
        last.method == "PUT"
            && last.target.contains("/locks/aliases.json")
            && last
                .headers
                .iter()
                .any(|(k, _)| k.eq_ignore_ascii_case("if-match")),
        "the first mutating call of a promotion takes the lock: {} {}",
        last.method,
        last.target
    );

    let mut second = spawn(&bed, Some("2"), &["promote-lambdas", "--yes"]);
    let stderr = second.stderr.take().unwrap();
    let (lines_tx, lines) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        let mut all = String::new();
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            let _ = lines_tx.send(line.clone());
            all.push_str(&line);
            all.push('\n');
        }
        all
    });
    let waiting = lines
        .iter()
        .find(|l| l.contains("waiting for another rosactl run"))
        .expect("the second promotion ended without waiting for the first");
    eprintln!("second promotion: {waiting}");
    assert!(waiting.contains("promote-lambdas (process "), "{waiting}");

    proxy.release();
    let first = first.wait_with_output().unwrap();
    assert!(
        first.status.success(),
        "first: {}",
        String::from_utf8_lossy(&first.stderr)
    );
    let status = second.wait().unwrap();
    let second_err = reader.join().unwrap();
    assert!(status.success(), "second: {second_err}");
    eprintln!("second promotion reported:\n{second_err}");
    let diff = inventory::differences(&expected, &inventory_of(&bed));
    assert!(
        diff.is_empty(),
        "a promotion that waited for another:\n  {}",
        diff.join("\n  ")
    );
}

/// The lock's PutObject is carried out but its answer is lost (the fault proxy's "Nth call"
/// rule): the SDK sends it again, S3 answers 412 (the object exists), and the run must
/// recognise its own lock by its token instead of waiting for itself.
#[test]
fn a_lost_answer_to_the_lock_put_is_recognised_as_this_runs_lock() {
    let (expected, bed) = ready_to_promote();
    let proxy = FaultProxy::start(&bed.aws.endpoint, Upstream::Aws).unwrap();
    proxy.add(Rule::nth(
        "/locks/aliases.json?x-id=PutObject",
        1,
        Fault::Lost,
    ));
    let mut cmd = bed.command_via(env!("CARGO_BIN_EXE_rosactl"), &proxy, None);
    cmd.args(["promote-lambdas", "--yes"])
        .env(VARIANT, "2")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let child = cmd.spawn().unwrap();
    let pid = child.id();
    // A run waiting for itself would wait the lock's 15 minutes: stop it long before.
    let (done_tx, done) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = done_tx.send(child.wait_with_output().unwrap());
    });
    let out = match done.recv_timeout(std::time::Duration::from_secs(180)) {
        Ok(out) => out,
        Err(_) => {
            let _ = Command::new("kill")
                .args(["-KILL", &pid.to_string()])
                .status();
            panic!("promote-lambdas did not end: it waits for its own lock");
        }
    };
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(!err.contains("waiting for another rosactl run"), "{err}");
    let lost: Vec<String> = proxy
        .injected()
        .iter()
        .filter(|i| i.fault == Fault::Lost)
        .map(|i| i.operation.clone())
        .collect();
    assert_eq!(lost.len(), 1, "{lost:?}");
    // Taking the lock: the put If-Match the released lock's ETag (carried out, its answer
    // lost), the SDK's resend of it (412: the ETag is this run's now), the put If-None-Match
    // (412: the object exists), then the read that finds this run's token. Releasing it: one
    // more put, marked released.
    let puts: Vec<bool> = proxy
        .raw_requests()
        .iter()
        .filter(|r| r.method == "PUT" && r.target.contains("/locks/aliases.json"))
        .map(|r| String::from_utf8_lossy(&r.body).contains("\"released\":true"))
        .collect();
    assert_eq!(
        puts,
        [false, false, false, true],
        "the lock's PutObject was sent again after its answer was lost"
    );
    let diff = inventory::differences(&expected, &inventory_of(&bed));
    assert!(diff.is_empty(), "{}", diff.join("\n  "));
}

/// The account's alias lock, written or removed the way another rosactl run would.
struct LockObject {
    rt: tokio::runtime::Runtime,
    s3: aws_sdk_s3::Client,
    bucket: String,
}

impl LockObject {
    const KEY: &str = "locks/aliases.json";

    fn new(bed: &TestBed) -> LockObject {
        let rt = tokio::runtime::Runtime::new().unwrap();
        let config = rt.block_on(bed.sdk_config());
        let s3 = aws_sdk_s3::Client::from_conf(
            aws_sdk_s3::config::Builder::from(&config)
                .force_path_style(true)
                .build(),
        );
        LockObject {
            rt,
            s3,
            bucket: format!(
                "rosa-lambda-artifacts-{}-{}",
                rosa_testbed::aws::ACCOUNT_ID,
                rosa_testbed::aws::REGION
            ),
        }
    }

    /// A lock held by `promote-lambdas`, process 4242 on another host, until `expires`
    /// (seconds from now; negative: its time ran out).
    fn put(&self, expires: i64) {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs() as i64;
        let body = serde_json::json!({
            "token": "another-run",
            "command": "promote-lambdas",
            "host": "build-host-7",
            "pid": 4242,
            "since": now - 3600,
            "expires": now + expires,
        });
        self.rt
            .block_on(
                self.s3
                    .put_object()
                    .bucket(&self.bucket)
                    .key(Self::KEY)
                    .body(body.to_string().into_bytes().into())
                    .send(),
            )
            .unwrap();
    }

    fn delete(&self) {
        self.rt
            .block_on(
                self.s3
                    .delete_object()
                    .bucket(&self.bucket)
                    .key(Self::KEY)
                    .send(),
            )
            .unwrap();
    }
}

/// A lock whose holder's time ran out is taken over, with a message naming the holder and
/// why; a lock that is still valid (another host, time left) is waited for until it goes.
#[test]
fn a_lock_whose_time_ran_out_is_taken_over_and_a_valid_one_is_waited_for() {
    let (expected, bed) = ready_to_promote();
    let lock = LockObject::new(&bed);
    lock.put(-60);
    let out = rosactl(&bed, Some("2"), &["promote-lambdas", "--yes"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("took over the alias lock of promote-lambdas (process 4242 on build-host-7")
            && err.contains("its time ran out"),
        "{err}"
    );
    assert!(!err.contains("waiting for another rosactl run"), "{err}");
    // The lock is released at the end: the state is one promotion's, no lock object left.
    let diff = inventory::differences(&expected, &inventory_of(&bed));
    assert!(diff.is_empty(), "{}", diff.join("\n  "));

    // The control: a lock with an hour left is not taken over; the rollback waits, and goes
    // on once the lock is gone (removed here when rosactl says it waits: no sleep).
    lock.put(3600);
    let mut rollback = spawn(&bed, Some("2"), &["rollback-lambdas", "--yes"]);
    let stderr = rollback.stderr.take().unwrap();
    let mut lines = BufReader::new(stderr).lines().map_while(Result::ok);
    let mut seen = String::new();
    for line in lines.by_ref() {
        seen.push_str(&line);
        seen.push('\n');
        if line.contains("waiting for another rosactl run") {
            break;
        }
    }
    assert!(
        seen.contains("waiting for another rosactl run that is moving aliases in this account: promote-lambdas (process 4242 on build-host-7"),
        "the rollback did not wait for a valid lock:\n{seen}"
    );
    lock.delete();
    let rest: Vec<String> = lines.collect();
    let status = rollback.wait().unwrap();
    let all = format!("{seen}{}", rest.join("\n"));
    assert!(status.success(), "{all}");
    assert!(!all.contains("took over"), "{all}");
}
