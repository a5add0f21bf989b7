//! Reliability, measured: every command of the Lambda lifecycle and of the cluster journey run
//! with 20% of its AWS and Platform API calls faulted at random (throttling, 500, 503, resets,
//! latency, answers cut mid-body: `rosa_testbed::faults`), for several fixed seeds, must
//! succeed and leave, after each command, an inventory taken through the SDK equal to the one a
//! fault-free run leaves. docs/reliability.md has the figures and the commands.

mod common;
use common::{VARIANT, text, without_reverts};

use std::process::{Command, Output, Stdio};
use std::sync::OnceLock;

use rosa_testbed::TestBed;
use rosa_testbed::faults::{FaultProxy, Rule};
use rosa_testbed::inventory;
use serde_json::Value;

const PERCENT: u32 = 20;

/// Runs a sequence of commands against one bed, directly or through fault proxies, and takes
/// an inventory after each.
struct Runner {
    bed: TestBed,
    proxies: Option<(FaultProxy, FaultProxy)>,
    rt: tokio::runtime::Runtime,
    /// (step, inventory after it)
    inventories: Vec<(String, Value)>,
    /// (step, faults injected during it)
    faults: Vec<(String, usize)>,
    labels: std::collections::BTreeMap<String, String>,
}

impl Runner {
    fn new(bed: TestBed, seed: Option<u64>) -> Runner {
        let proxies = seed.map(|seed| {
            let (aws, platform) = bed.fault_proxies();
            aws.add(Rule::random(seed, PERCENT));
            platform.add(Rule::random(seed, PERCENT));
            (aws, platform)
        });
        Runner {
            bed,
            proxies,
            rt: tokio::runtime::Runtime::new().unwrap(),
            inventories: Vec::new(),
            faults: Vec::new(),
            labels: Default::default(),
        }
    }

    fn api_url(&self) -> String {
        match &self.proxies {
            Some((_, p)) => p.url.clone(),
            None => self.bed.platform.base_url.clone(),
        }
    }

    fn command(&self, variant: Option<&str>) -> Command {
        let bin = env!("CARGO_BIN_EXE_rosactl");
        let mut cmd = match &self.proxies {
            Some((aws, platform)) => self.bed.command_via(bin, aws, Some(platform)),
            None => self.bed.command(bin),
        };
        cmd.stdin(Stdio::null());
        match variant {
            Some(v) => cmd.env(VARIANT, v),
            None => cmd.env_remove(VARIANT),
        };
        cmd
    }

    fn injected(&self) -> Vec<String> {
        self.proxies
            .iter()
            .flat_map(|(a, p)| a.injected().into_iter().chain(p.injected()))
            .map(|i| format!("{} <- {}", i.operation, i.fault.label()))
            .collect()
    }

    /// Runs one step; it must succeed. Returns its JSON output when it printed some.
    fn step(&mut self, label: &str, variant: Option<&str>, args: &[&str]) -> Value {
        let before = self.injected().len();
        let out: Output = self.command(variant).args(args).output().unwrap();
        let faults = self.injected();
        assert!(
            out.status.success(),
            "{label}: {args:?} exited {:?}\nstdout: {}\nstderr: {}\nfaults injected so far:\n  {}",
            out.status.code(),
            text(&out.stdout),
            text(&out.stderr),
            faults.join("\n  ")
        );
        self.faults.push((label.to_string(), faults.len() - before));
        let inv = self
            .rt
            .block_on(inventory::take(&self.bed, &mut self.labels));
        self.inventories.push((label.to_string(), inv));
        serde_json::from_slice(&out.stdout).unwrap_or(Value::Null)
    }
}

/// The Lambda lifecycle: setup, update, plain promote, update, canary promote, finish,
/// rollback, cleanup.
fn lambda_lifecycle(r: &mut Runner) {
    let api = r.api_url();
    r.step(
        "setup-account",
        None,
        &["setup-account", "--yes", "--api-url", &api],
    );
    r.step("update-lambdas", Some("2"), &["update-lambdas", "--yes"]);
    r.step("promote-lambdas", Some("2"), &["promote-lambdas", "--yes"]);
    r.step(
        "update-lambdas (again)",
        Some("3"),
        &["update-lambdas", "--yes"],
    );
    r.step(
        "promote-lambdas --canary 10",
        Some("3"),
        &["promote-lambdas", "--canary", "10", "--yes"],
    );
    r.step(
        "promote-lambdas --finish",
        Some("3"),
        &["promote-lambdas", "--finish", "--yes"],
    );
    r.step(
        "rollback-lambdas",
        Some("3"),
        &["rollback-lambdas", "--yes"],
    );
    r.step(
        "cleanup-account",
        Some("3"),
        &["cleanup-account", "--yes", "--delete-logs"],
    );
}

/// The cluster journey: network, roles, cluster, list, node pool, network deleted.
fn cluster_journey(r: &mut Runner) {
    let api = r.api_url();
    r.step(
        "setup-account",
        None,
        &["setup-account", "--yes", "--api-url", &api],
    );
    r.step("login", None, &["login", "--url", &api]);
    let net = r.step(
        "cluster-vpc create",
        None,
        &[
            "cluster-vpc",
            "create",
            "rel-1",
            "--availability-zones",
            "us-east-1a",
            "--region",
            "us-east-1",
            "-o",
            "json",
        ],
    );
    let private = net["private_subnet_ids"][0]
        .as_str()
        .unwrap_or_default()
        .to_string();
    r.step(
        "cluster-iam create",
        None,
        &[
            "cluster-iam",
            "create",
            "rel-1",
            "--yes",
            "--region",
            "us-east-1",
        ],
    );
    let cluster = r.step(
        "create cluster",
        None,
        &[
            "cluster",
            "create",
            "rel-1",
            "--region",
            "us-east-1",
            "--output",
            "json",
        ],
    );
    let id = cluster["id"].as_str().unwrap_or_default().to_string();
    r.step("list clusters", None, &["list", "clusters", "-o", "json"]);
    r.step(
        "nodepool create",
        None,
        &[
            "nodepool",
            "create",
            "workers",
            "--cluster-id",
            &id,
            "--subnet-id",
            &private,
            "-o",
            "json",
        ],
    );
    r.step(
        "cluster-vpc delete",
        None,
        &[
            "cluster-vpc",
            "delete",
            "rel-1",
            "--yes",
            "--region",
            "us-east-1",
        ],
    );
}

fn reference(journey: fn(&mut Runner), managed: bool) -> Vec<(String, Value)> {
    let bed = if managed {
        TestBed::with_managed_policies()
    } else {
        TestBed::start()
    };
    let mut r = Runner::new(bed, None);
    journey(&mut r);
    r.inventories
}

fn lambda_reference() -> &'static Vec<(String, Value)> {
    static REF: OnceLock<Vec<(String, Value)>> = OnceLock::new();
    REF.get_or_init(|| reference(lambda_lifecycle, false))
}

fn cluster_reference() -> &'static Vec<(String, Value)> {
    static REF: OnceLock<Vec<(String, Value)>> = OnceLock::new();
    REF.get_or_init(|| reference(cluster_journey, true))
}

fn faulted(journey: fn(&mut Runner), managed: bool, seed: u64, expected: &[(String, Value)]) {
    let bed = if managed {
        TestBed::with_managed_policies()
    } else {
        TestBed::start()
    };
    let mut r = Runner::new(bed, Some(seed));
    let started = std::time::Instant::now();
    journey(&mut r);
    for ((step, got), (_, want)) in r.inventories.iter().zip(expected) {
        let diff = inventory::differences(want, got);
        assert!(
            diff.is_empty(),
            "seed {seed}, after {step}: the end state differs from the fault-free one:\n  {}",
            diff.join("\n  ")
        );
    }
    let (aws, platform) = r.proxies.as_ref().unwrap();
    // The figures docs/reliability.md reports (run with --nocapture to see them).
    eprintln!(
        "seed {seed}: {} AWS calls, {} Platform API calls, {} faults injected, {:.1} s; per step: {:?}",
        aws.requests(),
        platform.requests(),
        r.injected().len(),
        started.elapsed().as_secs_f64(),
        r.faults
    );
    assert!(
        !r.injected().is_empty(),
        "seed {seed}: no fault was injected, the test proved nothing"
    );
}

#[test]
fn lambda_lifecycle_under_random_faults_seed_1() {
    faulted(lambda_lifecycle, false, 1, lambda_reference());
}

#[test]
fn lambda_lifecycle_under_random_faults_seed_2() {
    faulted(lambda_lifecycle, false, 2, lambda_reference());
}

#[test]
fn lambda_lifecycle_under_random_faults_seed_3() {
    faulted(lambda_lifecycle, false, 3, lambda_reference());
}

#[test]
fn cluster_journey_under_random_faults_seed_1() {
    faulted(cluster_journey, true, 1, cluster_reference());
}

#[test]
fn cluster_journey_under_random_faults_seed_2() {
    faulted(cluster_journey, true, 2, cluster_reference());
}

#[test]
fn cluster_journey_under_random_faults_seed_3() {
    faulted(cluster_journey, true, 3, cluster_reference());
}

/// A persistent fault on one call of each command: it fails with exit code 1 after a bounded
/// number of attempts of the faulted call (counted by the proxy: no clock), its error names
/// the step, the resource and the cause, and the same command run again without the fault
/// finishes the job: the inventory after it equals the one after the same command in a
/// fault-free run of the same sequence. `AWS_MAX_ATTEMPTS=2` keeps the test short (the
/// default, 6 attempts, is the arithmetic in docs/reliability.md).
struct Persistent<'a> {
    label: &'a str,
    variant: Option<&'a str>,
    args: Vec<String>,
    platform: bool,
    rule: Rule,
    expect: &'a [&'a str],
    /// At most this many attempts of the faulted call before the command gives up.
    attempts: usize,
}

impl Runner {
    /// With faults (a proxy per upstream), the faulted run then the run that must finish;
    /// without, only the second (the reference).
    fn persistent(&mut self, case: Persistent<'_>) -> Value {
        let args: Vec<&str> = case.args.iter().map(String::as_str).collect();
        let Some((aws, platform)) = self.proxies.as_ref() else {
            return self.step(case.label, case.variant, &args);
        };
        let proxy = if case.platform { platform } else { aws };
        proxy.add(case.rule.clone());
        let before = proxy.injected().len();
        let out = self
            .command(case.variant)
            .env("AWS_MAX_ATTEMPTS", "2")
            .args(&args)
            .output()
            .unwrap();
        // Attempts of each faulted call (a rule may match several calls, such as both
        // aliases a setup creates at once): the most any one call was sent.
        let mut per_call: std::collections::BTreeMap<u64, usize> = Default::default();
        for i in &proxy.injected()[before..] {
            *per_call.entry(i.call).or_default() += 1;
        }
        let attempts = per_call.values().copied().max().unwrap_or(0);
        proxy.clear();
        let err = text(&out.stderr);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{}: a persistent fault must fail with exit 1: {err}",
            case.label
        );
        assert!(
            (1..=case.attempts).contains(&attempts),
            "{}: the faulted call was attempted {attempts} times; the bound is {}:\n{err}",
            case.label,
            case.attempts
        );
        for want in case.expect {
            assert!(
                err.contains(want),
                "{}: the error must name {want:?}:\n{err}",
                case.label
            );
        }
        assert!(
            !err.contains("panicked") && !err.contains("RUST_BACKTRACE"),
            "{err}"
        );
        self.step(case.label, case.variant, &args)
    }
}

fn strings(args: &[&str]) -> Vec<String> {
    args.iter().map(|s| s.to_string()).collect()
}

/// `AWS_MAX_ATTEMPTS` as the persistent cases set it: every AWS call is sent at most this
/// often, whoever retries it (the SDK, or rosactl where it retries itself with the SDK's off).
const AWS_ATTEMPTS: usize = 2;
/// The Platform API client's attempts, as rosactl uses it.
fn platform_attempts() -> usize {
    rosa_platform_client::RetryPolicy::default().attempts as usize
}

/// Each command with a persistent fault (when `r` has proxies) then without.
fn persistent_journey(r: &mut Runner) {
    use rosa_testbed::faults::Fault;
    let api = r.api_url();
    let alias = "functions/rosa-oidc-provisioner/aliases";
    r.persistent(Persistent {
        label: "setup-account",
        variant: None,
        args: strings(&["setup-account", "--yes", "--api-url", &api]),
        platform: false,
        rule: Rule::always(alias, Fault::Throttle),
        expect: &[
            "rosa-oidc-provisioner",
            "alias",
            "TooManyRequestsException",
            "run it again",
        ],
        attempts: AWS_ATTEMPTS,
    });
    r.persistent(Persistent {
        label: "update-lambdas",
        variant: Some("2"),
        args: strings(&["update-lambdas", "--yes"]),
        platform: false,
        rule: Rule::always("functions/rosa-preflight-checker/code", Fault::Status(503)),
        expect: &["rosa-preflight-checker", "ServiceUnavailable"],
        attempts: AWS_ATTEMPTS,
    });
    r.persistent(Persistent {
        label: "promote-lambdas",
        variant: Some("2"),
        args: strings(&["promote-lambdas", "--yes"]),
        platform: false,
        rule: Rule::always(
            "PUT /2015-03-31/functions/rosa-network-verifier/aliases/prod",
            Fault::Throttle,
        ),
        expect: &["rosa-network-verifier", "prod", "TooManyRequestsException"],
        attempts: AWS_ATTEMPTS,
    });
    r.persistent(Persistent {
        label: "rollback-lambdas",
        variant: Some("2"),
        args: strings(&["rollback-lambdas", "--yes"]),
        platform: false,
        rule: Rule::always(
            "PUT /2015-03-31/functions/rosa-oidc-provisioner/aliases/prod",
            Fault::Status(500),
        ),
        expect: &["rosa-oidc-provisioner", "prod", "InternalFailure"],
        attempts: AWS_ATTEMPTS,
    });
    r.persistent(Persistent {
        label: "cluster-vpc create",
        variant: None,
        args: strings(&[
            "cluster-vpc",
            "create",
            "rel-2",
            "--availability-zones",
            "us-east-1a",
            "--region",
            "us-east-1",
            "-o",
            "json",
        ]),
        platform: false,
        rule: Rule::always("ec2:CreateSubnet", Fault::Throttle),
        expect: &["create subnet", "RequestLimitExceeded", "run it again"],
        attempts: AWS_ATTEMPTS,
    });
    r.persistent(Persistent {
        label: "cluster-iam create",
        variant: None,
        args: strings(&[
            "cluster-iam",
            "create",
            "rel-2",
            "--yes",
            "--region",
            "us-east-1",
        ]),
        platform: false,
        rule: Rule::always("iam:CreateRole", Fault::Throttle),
        expect: &["rel-2", "Throttling"],
        attempts: AWS_ATTEMPTS,
    });
    r.step("login", None, &["login", "--url", &api]);
    let cluster = r.persistent(Persistent {
        label: "create cluster",
        variant: None,
        args: strings(&[
            "cluster",
            "create",
            "rel-2",
            "--region",
            "us-east-1",
            "--output",
            "json",
        ]),
        platform: true,
        rule: Rule::always("POST /prod/api/v0/clusters", Fault::Status(503)),
        expect: &["rel-2", "503"],
        attempts: platform_attempts(),
    });
    let id = cluster["id"].as_str().unwrap_or_default().to_string();
    r.persistent(Persistent {
        label: "list clusters",
        variant: None,
        args: strings(&["list", "clusters", "-o", "json"]),
        platform: true,
        rule: Rule::always("GET /prod/api/v0/clusters", Fault::Status(500)),
        expect: &["clusters", "500"],
        attempts: platform_attempts(),
    });
    r.persistent(Persistent {
        label: "nodepool create",
        variant: None,
        args: strings(&[
            "nodepool",
            "create",
            "workers",
            "--cluster-id",
            &id,
            "--subnet-id",
            "subnet-0123456789abcdef0",
            "-o",
            "json",
        ]),
        platform: true,
        rule: Rule::always("POST /prod/api/v0/nodepools", Fault::Throttle),
        expect: &["workers", "429"],
        attempts: platform_attempts(),
    });
    r.persistent(Persistent {
        label: "cluster-vpc delete",
        variant: None,
        args: strings(&[
            "cluster-vpc",
            "delete",
            "rel-2",
            "--yes",
            "--region",
            "us-east-1",
        ]),
        platform: false,
        rule: Rule::always("ec2:DeleteVpc", Fault::Status(503)),
        expect: &["delete VPC", "ServiceUnavailable", "run it again"],
        attempts: AWS_ATTEMPTS,
    });
    r.persistent(Persistent {
        label: "cleanup-account",
        variant: Some("2"),
        args: strings(&["cleanup-account", "--yes", "--delete-logs"]),
        platform: false,
        rule: Rule::always(
            "DELETE /2015-03-31/functions/rosa-oidc-provisioner",
            Fault::Status(500),
        ),
        expect: &["rosa-oidc-provisioner", "InternalFailure"],
        attempts: AWS_ATTEMPTS,
    });
}

#[test]
fn persistent_faults_fail_in_bounded_attempts_naming_step_resource_cause_and_the_next_run_finishes()
{
    let reference = {
        let mut r = Runner::new(TestBed::with_managed_policies(), None);
        persistent_journey(&mut r);
        r.inventories
    };
    let mut r = Runner::new(TestBed::with_managed_policies(), Some(0));
    // Seed 0 with no random rule: clear what Runner::new added.
    for (a, p) in r.proxies.iter() {
        a.clear();
        p.clear();
    }
    persistent_journey(&mut r);
    assert_eq!(r.inventories.len(), reference.len());
    assert!(reference.len() >= 12, "{} steps", reference.len());
    for ((step, got), (_, want)) in r.inventories.iter().zip(&reference) {
        // A promotion that fails part-way moves back what it had moved (all or nothing) and
        // records each move back in the history: those records are the one difference a
        // failed run may leave, and only the promotion's fault leaves them.
        let (got, reverts) = without_reverts(got);
        let (want, none) = without_reverts(want);
        assert_eq!(none, 0, "the fault-free run moved nothing back");
        if step == "promote-lambdas" {
            assert_eq!(
                reverts, 2,
                "the two functions promoted before the third failed were moved back, recorded"
            );
        }
        let diff = inventory::differences(&want, &got);
        assert!(
            diff.is_empty(),
            "after {step} failed on a persistent fault and ran again, the state differs from a fault-free run:\n  {}",
            diff.join("\n  ")
        );
    }
}

/// Attempts per AWS call: six by default (`rosactl::aws::DEFAULT_MAX_ATTEMPTS`, not the SDK's
/// three), else what the user chose: `AWS_MAX_ATTEMPTS`, or `max_attempts` in the profile.
/// Counted by the proxy on a call that is always throttled (pauses scaled down by the seam).
#[test]
fn six_attempts_per_call_by_default_and_the_users_choice_otherwise() {
    use rosa_testbed::faults::Fault;
    let bed = TestBed::start();
    let (aws, _platform) = bed.fault_proxies();
    aws.add(Rule::always("sts:GetCallerIdentity", Fault::Throttle));
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    std::fs::write(
        &config,
        "[default]\nregion = us-east-1\n\n[profile patient]\nregion = us-east-1\nmax_attempts = 2\n",
    )
    .unwrap();
    let cases: [(&str, Option<&str>, Option<&str>, usize); 3] = [
        (
            "the default",
            None,
            None,
            rosactl::aws::DEFAULT_MAX_ATTEMPTS as usize,
        ),
        ("AWS_MAX_ATTEMPTS=4", Some("4"), None, 4),
        ("max_attempts = 2 in the profile", None, Some("patient"), 2),
    ];
    for (label, env_attempts, profile, want) in cases {
        let before = aws.injected().len();
        let mut cmd = bed.command_via(env!("CARGO_BIN_EXE_rosactl"), &aws, None);
        cmd.stdin(Stdio::null())
            .env("AWS_CONFIG_FILE", &config)
            .env("ROSACTL_TEST_TIME_SCALE", "1000")
            .env_remove("AWS_MAX_ATTEMPTS")
            .env_remove("AWS_PROFILE")
            .args(["whoami"]);
        if let Some(n) = env_attempts {
            cmd.env("AWS_MAX_ATTEMPTS", n);
        }
        if let Some(p) = profile {
            cmd.env("AWS_PROFILE", p);
        }
        let out = cmd.output().unwrap();
        assert!(!out.status.success(), "{label}: {}", text(&out.stderr));
        let attempts = aws.injected().len() - before;
        assert_eq!(attempts, want, "{label}: {}", text(&out.stderr));
    }
}
