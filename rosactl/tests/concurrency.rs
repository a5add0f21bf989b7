//! Two runs at once on one account: two `setup-account`, then two `promote-lambdas`. They must
//! end in one correct state, the state one run alone leaves (inventory through the SDK), and
//! what the second one reports is printed (docs/reliability.md quotes it).

use std::process::{Child, Command, Output, Stdio};

use rosa_testbed::TestBed;
use rosa_testbed::inventory;
use serde_json::Value;

const VARIANT: &str = "ROSACTL_TEST_PACKAGE_VARIANT";

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

fn inventory_of(bed: &TestBed) -> Value {
    tokio::runtime::Runtime::new()
        .unwrap()
        .block_on(inventory::take(bed, &mut Default::default()))
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

/// Runs `args` twice at once; returns both outputs.
fn twice_at_once(bed: &TestBed, variant: Option<&str>, args: &[&str]) -> (Output, Output) {
    let a = spawn(bed, variant, args);
    let b = spawn(bed, variant, args);
    (a.wait_with_output().unwrap(), b.wait_with_output().unwrap())
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

#[test]
fn two_promotions_at_once_end_in_the_state_of_one() {
    let alone = TestBed::start();
    ok(&alone, None, &["setup-account", "--yes"]);
    ok(&alone, Some("2"), &["update-lambdas", "--yes"]);
    ok(&alone, Some("2"), &["promote-lambdas", "--yes"]);
    let expected = inventory_of(&alone);

    let bed = TestBed::start();
    ok(&bed, None, &["setup-account", "--yes"]);
    ok(&bed, Some("2"), &["update-lambdas", "--yes"]);
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
    // Known race (docs/reliability.md): without a lock, one run's all-or-nothing revert can
    // put back an alias the other run reported as moved. The next promotion repairs it; the
    // history keeps, truthfully, the extra moves and reverts, so it is left out here.
    ok(&bed, Some("2"), &["promote-lambdas", "--yes"]);
    let strip = |mut v: Value| {
        if let Some(buckets) = v["s3"].as_object_mut() {
            for b in buckets.values_mut() {
                b["history"] = Value::Null;
            }
        }
        v
    };
    let got = inventory_of(&bed);
    let diff = inventory::differences(&strip(expected), &strip(got));
    assert!(
        diff.is_empty(),
        "two promotions at once:\n  {}",
        diff.join("\n  ")
    );
}
