//! Interruptions, by count: rosactl is SIGKILLed right after its 1st, 2nd, ... Nth mutating
//! call (every N up to the number an uninterrupted run makes), for `setup-account`,
//! `update-lambdas` then `promote-lambdas`, `cluster-vpc create` and `cleanup-account`. The
//! fault proxy lets exactly N mutating calls reach the AWS stand-in and holds everything after
//! them (the Nth call's answer included), so the kill lands at a known point without any sleep.
//! For every N, the next run must succeed and the inventory (through the SDK) must equal the
//! uninterrupted run's: nothing duplicated (versions, statements, objects, history records),
//! nothing orphaned.

mod common;
use common::VARIANT;

use std::collections::BTreeMap;
use std::process::{Command, Stdio};

use rosa_testbed::TestBed;
use rosa_testbed::faults::{FaultProxy, Upstream};
use rosa_testbed::inventory;
use serde_json::Value;

struct Bed {
    bed: TestBed,
    rt: tokio::runtime::Runtime,
}

impl Bed {
    fn new(managed: bool) -> Bed {
        Bed {
            bed: if managed {
                TestBed::with_managed_policies()
            } else {
                TestBed::start()
            },
            rt: tokio::runtime::Runtime::new().unwrap(),
        }
    }

    fn command(&self, proxy: Option<&FaultProxy>, variant: Option<&str>, args: &[&str]) -> Command {
        let bin = env!("CARGO_BIN_EXE_rosactl");
        let mut cmd = match proxy {
            Some(p) => self.bed.command_via(bin, p, None),
            None => self.bed.command(bin),
        };
        cmd.args(args).stdin(Stdio::null());
        match variant {
            Some(v) => cmd.env(VARIANT, v),
            None => cmd.env_remove(VARIANT),
        };
        cmd
    }

    fn ok(&self, variant: Option<&str>, args: &[&str]) {
        let out = self.command(None, variant, args).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }

    fn inventory(&self) -> Value {
        self.rt
            .block_on(inventory::take(&self.bed, &mut BTreeMap::new()))
    }

    /// Mutating calls an uninterrupted run of `args` makes (through a proxy that only counts),
    /// checked against the stand-in's own request log: the writes it received, but for the
    /// check invocations (`{}`, answered before any AWS call), which change nothing and are
    /// no kill point. At least `floor` (what the command cannot do with fewer).
    fn count(&self, variant: Option<&str>, args: &[&str], floor: u32) -> u32 {
        let proxy = FaultProxy::start(&self.bed.aws.endpoint, Upstream::Aws).unwrap();
        self.bed.aws.clear_operations().unwrap();
        let out = self.command(Some(&proxy), variant, args).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let counted = proxy.mutating_calls();
        let writes = self.bed.aws.writes();
        let received: Vec<&String> = writes
            .iter()
            .filter(|op| !op.ends_with("/invocations"))
            .collect();
        let invocations = writes.len() - received.len();
        assert_eq!(
            counted as usize,
            received.len(),
            "{args:?}: the proxy counted {counted} mutating calls, the stand-in received {} \
             writes besides {invocations} check invocations: {received:?}",
            received.len()
        );
        assert!(
            counted >= floor,
            "{args:?}: {counted} mutating calls, fewer than the {floor} it needs: {received:?}"
        );
        counted
    }

    /// Runs `args` through a proxy that freezes after `n` mutating calls, and SIGKILLs it
    /// there. Returns false when the run ended before making `n` calls.
    fn kill_after(&self, n: u32, variant: Option<&str>, args: &[&str]) -> bool {
        let proxy = FaultProxy::start(&self.bed.aws.endpoint, Upstream::Aws).unwrap();
        proxy.freeze_after_mutating(n);
        let mut child = self
            .command(Some(&proxy), variant, args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let frozen = proxy.wait_frozen(|| matches!(child.try_wait(), Ok(Some(_))));
        // SIGKILL: std's kill() sends it.
        let _ = child.kill();
        let _ = child.wait();
        frozen
    }
}

/// For every N: `prepare` (uninterrupted), `args` killed after N mutating calls, `args`
/// again, then `finish` (uninterrupted); the inventory must equal `expected`.
#[allow(clippy::too_many_arguments)]
fn every_n(
    b: &Bed,
    label: &str,
    prepare: &dyn Fn(&Bed),
    variant: Option<&str>,
    args: &[&str],
    finish: &dyn Fn(&Bed),
    total: u32,
    expected: &Value,
) {
    let mut failures = Vec::new();
    for n in 1..=total {
        b.bed.aws.reset().unwrap();
        prepare(b);
        let killed = b.kill_after(n, variant, args);
        assert!(
            killed,
            "{label}: the run ended before its mutating call {n} of {total}"
        );
        let out = b.command(None, variant, args).output().unwrap();
        assert!(
            out.status.success(),
            "{label}: the run after a kill at mutating call {n} of {total} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        finish(b);
        let got = b.inventory();
        let diff = inventory::differences(expected, &got);
        if !diff.is_empty() {
            failures.push(format!(
                "after a kill at mutating call {n} of {total} and a new run, the end state differs from the uninterrupted one:\n  {}",
                diff.join("\n  ")
            ));
        }
    }
    assert!(failures.is_empty(), "{label}:\n{}", failures.join("\n"));
    eprintln!("{label}: killed after each of its {total} mutating calls; every next run converged");
}

const SETUP: &[&str] = &["setup-account", "--yes"];

fn nothing(_: &Bed) {}

#[test]
fn setup_account_killed_after_every_mutating_call() {
    let b = Bed::new(false);
    // Per function at least: role, its policy, log group, retention, function, version, two
    // aliases, the invoker's permission; the artifact bucket and the package uploads besides.
    let total = b.count(None, SETUP, 27);
    let expected = b.inventory();
    every_n(
        &b,
        "setup-account",
        &nothing,
        None,
        SETUP,
        &nothing,
        total,
        &expected,
    );
}

#[test]
fn update_then_promote_killed_after_every_mutating_call() {
    let b = Bed::new(false);
    let update: &[&str] = &["update-lambdas", "--yes"];
    let promote: &[&str] = &["promote-lambdas", "--yes"];
    b.ok(None, SETUP);
    // Per function at least: the package upload, the code, a version, the staging alias.
    let updates = b.count(Some("2"), update, 12);
    // Per function: prod's alias moved; the history record besides.
    let promotes = b.count(Some("2"), promote, 3);
    let expected = b.inventory();
    let setup = |b: &Bed| b.ok(None, SETUP);
    let then_promote = |b: &Bed| b.ok(Some("2"), promote);
    every_n(
        &b,
        "update-lambdas",
        &setup,
        Some("2"),
        update,
        &then_promote,
        updates,
        &expected,
    );
    let setup_update = |b: &Bed| {
        b.ok(None, SETUP);
        b.ok(Some("2"), update);
    };
    every_n(
        &b,
        "promote-lambdas",
        &setup_update,
        Some("2"),
        promote,
        &nothing,
        promotes,
        &expected,
    );
}

#[test]
fn cleanup_account_killed_after_every_mutating_call() {
    let b = Bed::new(false);
    let cleanup: &[&str] = &["cleanup-account", "--yes", "--delete-logs"];
    b.ok(None, SETUP);
    // Per function at least: the function, its role, its log group.
    let total = b.count(None, cleanup, 9);
    let expected = b.inventory();
    let setup = |b: &Bed| b.ok(None, SETUP);
    every_n(
        &b,
        "cleanup-account",
        &setup,
        None,
        cleanup,
        &nothing,
        total,
        &expected,
    );
}

#[test]
fn cluster_vpc_create_killed_after_every_mutating_call() {
    let b = Bed::new(false);
    let create: &[&str] = &[
        "cluster-vpc",
        "create",
        "kill-1",
        "--availability-zones",
        "us-east-1a,us-east-1b",
        "--region",
        "us-east-1",
    ];
    // The VPC, its two subnets per zone, gateways, route tables, the private zone.
    let total = b.count(None, create, 10);
    let expected = b.inventory();
    every_n(
        &b,
        "cluster-vpc create",
        &nothing,
        None,
        create,
        &nothing,
        total,
        &expected,
    );
}

/// Ctrl-C (SIGINT, what a terminal sends the foreground process) after the 12th mutating call
/// of setup-account: the steps in flight finish, no new one starts, rosactl exits 130 saying
/// what was done and what is left, and the next run finishes the job.
#[test]
fn ctrl_c_during_setup_finishes_the_steps_in_flight_and_says_what_is_left() {
    let b = Bed::new(false);
    b.ok(None, SETUP);
    let expected = b.inventory();
    b.bed.aws.reset().unwrap();
    // rosactl says it noticed (after setting its flag) before the held calls, the steps in
    // flight, are let go (`interrupted` reads stderr up to that line).
    let (code, err) = interrupted(&b, 12, None, SETUP, false);
    assert_eq!(code, Some(130), "{err}");
    for want in [
        "interrupted (Ctrl-C)",
        "steps done",
        "not started",
        "run the same command again",
    ] {
        assert!(err.contains(want), "{want:?} in:\n{err}");
    }
    b.ok(None, SETUP);
    let diff = inventory::differences(&expected, &b.inventory());
    assert!(
        diff.is_empty(),
        "after Ctrl-C and a new run:\n  {}",
        diff.join("\n  ")
    );
}

/// Runs `args` through a proxy that holds it after its `n`th mutating call, sends SIGINT
/// there and reads stderr up to rosactl's "interrupted:" line; then either lets the held
/// calls go (one Ctrl-C) or sends a second SIGINT first and waits for the exit while the
/// calls are still held (so the exit cannot have waited for them). Returns the exit code and
/// stderr.
fn interrupted(
    b: &Bed,
    n: u32,
    variant: Option<&str>,
    args: &[&str],
    twice: bool,
) -> (Option<i32>, String) {
    let proxy = FaultProxy::start(&b.bed.aws.endpoint, Upstream::Aws).unwrap();
    proxy.freeze_after_mutating(n);
    let mut child = b
        .command(Some(&proxy), variant, args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let frozen = proxy.wait_frozen(|| matches!(child.try_wait(), Ok(Some(_))));
    assert!(frozen, "{args:?} ended before its mutating call {n}");
    let sigint = |pid: u32| {
        let sent = Command::new("kill")
            .args(["-INT", &pid.to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
    };
    sigint(child.id());
    let mut stderr = std::io::BufReader::new(child.stderr.take().unwrap());
    let mut err = String::new();
    loop {
        let mut line = String::new();
        let read = std::io::BufRead::read_line(&mut stderr, &mut line).unwrap();
        err.push_str(&line);
        assert!(
            read > 0,
            "{args:?} ended without noticing the interrupt:\n{err}"
        );
        if line.starts_with("interrupted:") {
            break;
        }
    }
    let status = if twice {
        sigint(child.id());
        let status = child.wait().unwrap();
        proxy.release();
        status
    } else {
        proxy.release();
        child.wait().unwrap()
    };
    std::io::Read::read_to_string(&mut stderr, &mut err).unwrap();
    assert!(!err.contains("panicked"), "{err}");
    (status.code(), err)
}

/// The state to compare: the inventory without the history's move-back pairs.
fn settled(b: &Bed) -> Value {
    common::without_reverts(&b.inventory()).0
}

/// Ctrl-C during promote-lambdas. Right after it took the account's alias lock (its first
/// mutating call, before any change), Ctrl-C ends it as usual: the lock it leaves belongs to a
/// process gone from this host, so the next promotion takes it over and finishes. Once the
/// three moves are in flight (after its second mutating call), Ctrl-C lets them finish: they
/// run at once, so nothing is left to not start and the promotion ends done (exit 0), its
/// history recorded; the state is one promotion's either way.
#[test]
fn ctrl_c_during_promote_before_and_during_its_moves() {
    let b = Bed::new(false);
    let update: &[&str] = &["update-lambdas", "--yes"];
    let promote: &[&str] = &["promote-lambdas", "--yes"];
    let prepare = |b: &Bed| {
        b.bed.aws.reset().unwrap();
        b.ok(None, SETUP);
        b.ok(Some("2"), update);
    };
    prepare(&b);
    b.ok(Some("2"), promote);
    let promoted = settled(&b);

    // Before any change.
    prepare(&b);
    let proxy = FaultProxy::start(&b.bed.aws.endpoint, Upstream::Aws).unwrap();
    proxy.freeze_after_mutating(1);
    let mut child = b
        .command(Some(&proxy), Some("2"), promote)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    assert!(proxy.wait_frozen(|| matches!(child.try_wait(), Ok(Some(_)))));
    let sent = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let status = child.wait().unwrap();
    proxy.release();
    assert!(!status.success(), "Ctrl-C before any change ends rosactl");
    let out = b.command(None, Some("2"), promote).output().unwrap();
    let again = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{again}");
    assert!(
        again.contains("took over the alias lock") && again.contains("is gone from this host"),
        "{again}"
    );
    let diff = inventory::differences(&promoted, &settled(&b));
    assert!(
        diff.is_empty(),
        "after Ctrl-C before the moves:\n  {}",
        diff.join("\n  ")
    );

    // During the moves.
    prepare(&b);
    let (code, err) = interrupted(&b, 2, Some("2"), promote, false);
    assert_eq!(code, Some(0), "{err}");
    let diff = inventory::differences(&promoted, &settled(&b));
    assert!(
        diff.is_empty(),
        "after Ctrl-C during the moves:\n  {}",
        diff.join("\n  ")
    );
}

/// A second Ctrl-C during rollback-lambdas stops at once (130) with calls still in flight;
/// the next rollback (which takes over the lock of a process gone from this host) finishes
/// the job: the state equals an uninterrupted rollback's.
#[test]
fn a_second_ctrl_c_during_rollback_stops_at_once_and_the_next_run_finishes() {
    let b = Bed::new(false);
    let update: &[&str] = &["update-lambdas", "--yes"];
    let promote: &[&str] = &["promote-lambdas", "--yes"];
    let rollback: &[&str] = &["rollback-lambdas", "--yes"];
    let prepare = |b: &Bed| {
        b.ok(None, SETUP);
        b.ok(Some("2"), update);
        b.ok(Some("2"), promote);
    };
    prepare(&b);
    b.ok(Some("2"), rollback);
    let rolled_back = settled(&b);
    b.bed.aws.reset().unwrap();
    prepare(&b);

    let (code, err) = interrupted(&b, 2, Some("2"), rollback, true);
    assert_eq!(code, Some(130), "{err}");
    let out = b.command(None, Some("2"), rollback).output().unwrap();
    let again = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "the rollback after a hard stop: {again}"
    );
    assert!(again.contains("took over the alias lock"), "{again}");
    let diff = inventory::differences(&rolled_back, &settled(&b));
    assert!(
        diff.is_empty(),
        "after a second Ctrl-C and a new run:\n  {}",
        diff.join("\n  ")
    );
}
