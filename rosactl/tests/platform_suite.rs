//! The platform's own CLI end-to-end suite (rosa-hyperfleet-api `test/e2e-cli/`), replayed
//! step by step as it drives rosactl: the same argv in the same order, stdin never a terminal,
//! no `--yes` anywhere, the customer's steps with `AWS_PROFILE` appended to an environment
//! whose default credentials are the platform operator's, output read the way the suite reads
//! it (stdout only, or stdout and stderr together), the API-side steps as SigV4-signed
//! requests, and the fire-and-forget `--no-wait` cleanup. An SDK inventory at the end must find
//! nothing of the cluster left. It runs against today's server and against the older one.

mod common;
use common::text;

use std::collections::BTreeMap;
use std::process::{Child, Command, Output, Stdio};
use std::time::Duration;

use aws_credential_types::Credentials;
use http::Method;
use rosa_platform_client::{ApiUrl, Client, RawResponse};
use rosa_testbed::platform::{
    CUSTOMER_KEY, CUSTOMER_SECRET, OPERATOR_KEY, OPERATOR_SECRET, PlatformConfig,
};
use rosa_testbed::{TestBed, inventory};
use serde_json::{Value, json};

const REGION: &str = "us-east-1";
const CUSTOMER_ACCOUNT: &str = "123456789012";

/// The suite's runner: default credentials (the operator's, as the suite's RC account) in a
/// credentials file, the customer's under a profile, nothing in the environment's key variables.
struct Runner<'a> {
    bed: &'a TestBed,
    credentials: tempfile::NamedTempFile,
    kubeconfig: tempfile::TempDir,
}

impl<'a> Runner<'a> {
    fn new(bed: &'a TestBed) -> Self {
        let credentials = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(
            credentials.path(),
            format!(
                "[default]\naws_access_key_id = {OPERATOR_KEY}\naws_secret_access_key = {OPERATOR_SECRET}\n\n[customer]\naws_access_key_id = {CUSTOMER_KEY}\naws_secret_access_key = {CUSTOMER_SECRET}\n"
            ),
        )
        .unwrap();
        Runner {
            bed,
            credentials,
            kubeconfig: tempfile::tempdir().unwrap(),
        }
    }

    /// `plain`: the runner's own environment.
    fn plain(&self, args: &[&str]) -> Command {
        let mut cmd = self.bed.command(env!("CARGO_BIN_EXE_rosactl"));
        cmd.args(args)
            .stdin(Stdio::null())
            .env_remove("AWS_ACCESS_KEY_ID")
            .env_remove("AWS_SECRET_ACCESS_KEY")
            .env_remove("ROSACTL_API_URL")
            .env("AWS_SHARED_CREDENTIALS_FILE", self.credentials.path())
            .env("KUBECONFIG", self.kubeconfig.path().join("config"));
        cmd
    }

    /// `cust`: `AWS_PROFILE=$CUSTOMER_AWS_PROFILE` appended.
    fn cust(&self, args: &[&str]) -> Command {
        let mut cmd = self.plain(args);
        cmd.env("AWS_PROFILE", "customer");
        cmd
    }
}

/// What the suite's `CombinedOutput` reads: stdout and stderr in one stream.
fn combined(mut cmd: Command) -> (Option<i32>, String) {
    let (reader, writer) = std::io::pipe().unwrap();
    cmd.stdout(writer.try_clone().unwrap()).stderr(writer);
    let mut child = cmd.spawn().unwrap();
    drop(cmd);
    let mut all = String::new();
    let mut reader = reader;
    std::io::Read::read_to_string(&mut reader, &mut all).unwrap();
    let status = child.wait().unwrap();
    (status.code(), all)
}

fn exit_0(step: &str, (code, all): (Option<i32>, String)) -> String {
    assert_eq!(code, Some(0), "step {step}: {all}");
    all
}

fn output(step: &str, mut cmd: Command) -> Output {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "step {step}: {}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    out
}

fn api(bed: &TestBed, key: &str, secret: &str) -> Client {
    Client::new(
        ApiUrl::parse(&bed.platform.base_url).unwrap(),
        Some(REGION),
        Credentials::new(key, secret, None, None, "e2e"),
    )
    .unwrap()
}

fn body(r: &RawResponse) -> Value {
    serde_json::from_slice(&r.body).unwrap_or(Value::Null)
}

/// Polls `read` the way the suite does (an interval, a bounded number of tries) until
/// `done` holds; panics with the last answer otherwise.
async fn eventually<F, Fut>(what: &str, mut read: F, done: impl Fn(&Value) -> bool) -> Value
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Value>,
{
    let mut last = Value::Null;
    for _ in 0..600 {
        last = read().await;
        if done(&last) {
            return last;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{what}: never true; last answer {last}");
}

/// The AWS side of the account, as the SDK sees it (without the platform's records).
async fn aws_inventory(bed: &TestBed, known: &mut BTreeMap<String, String>) -> Value {
    let mut all = inventory::take(bed, known).await;
    all.as_object_mut().unwrap().remove("platform");
    all
}

async fn the_suite(bed: TestBed, legacy: bool) {
    let run = Runner::new(&bed);
    // HCP_CLUSTER_NAME's default, `e2e-<unix seconds>` (and a suffix for the second server,
    // whose run may start in the same second).
    let name = format!(
        "e2e-{}{}",
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs(),
        if legacy { "-old" } else { "" }
    );
    let n = name.as_str();
    let mut known = BTreeMap::new();
    let before = aws_inventory(&bed, &mut known).await;
    let customer = api(&bed, CUSTOMER_KEY, CUSTOMER_SECRET);
    let operator = api(&bed, OPERATOR_KEY, OPERATOR_SECRET);

    // 1 help, 2 login (plain).
    let all = exit_0("help", combined(run.plain(&["help"])));
    assert!(all.contains("Usage:"), "{all}");
    exit_0(
        "login",
        combined(run.plain(&["login", "--url", &bed.platform.base_url])),
    );
    // 3 vpc-create, 4 iam-create (passthrough), 5 iam-list (combined, contains N).
    output(
        "vpc-create",
        run.cust(&[
            "cluster-vpc",
            "create",
            n,
            "--region",
            REGION,
            "--availability-zones",
            "us-east-1a",
        ]),
    );
    output(
        "iam-create",
        run.cust(&["cluster-iam", "create", n, "--region", REGION]),
    );
    let all = exit_0(
        "iam-list",
        combined(run.cust(&["cluster-iam", "list", "--region", REGION])),
    );
    assert!(all.contains(n), "iam-list: {all}");

    // 6 account-add, as the RC (operator) account: 201, or 409 ACCOUNTS-MGMT-CREATE-004.
    let r = operator
        .request(
            Method::POST,
            "/api/v0/accounts",
            Some(
                json!({"accountId": CUSTOMER_ACCOUNT, "privileged": true})
                    .to_string()
                    .into_bytes(),
            ),
        )
        .await
        .unwrap();
    assert!(
        r.status == 201
            || (r.status == 409 && (legacy || body(&r)["code"] == "ACCOUNTS-MGMT-CREATE-004")),
        "account-add: {} {}",
        r.status,
        body(&r)
    );

    // 7 hcp-create: stdout only, one JSON object with an id.
    let out = output(
        "hcp-create",
        run.cust(&[
            "cluster", "create", n, "--region", REGION, "--output", "json",
        ]),
    );
    let cluster: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "hcp-create: stdout is not one JSON document ({e}): {}",
            text(&out.stdout)
        )
    });
    let id = cluster["id"].as_str().expect("hcp-create: id").to_string();
    let issuer = cluster["oidc_issuer_url"]
        .as_str()
        .expect("hcp-create: oidc_issuer_url")
        .to_string();

    // 8 oidc-create without a thumbprint, for an issuer this machine cannot reach, in an
    // account where setup-account never ran.
    output(
        "oidc-create",
        run.cust(&[
            "cluster-oidc",
            "create",
            n,
            "--region",
            REGION,
            "--oidc-issuer-url",
            &issuer,
        ]),
    );

    // (oidc-list is disabled in the suite; it exists and finds the provider rosactl made with
    // the customer's own credentials, with the function's client ids and tags.)
    let out = output(
        "oidc-list",
        run.cust(&["cluster-oidc", "list", "--region", REGION, "-o", "json"]),
    );
    let providers: Value = serde_json::from_slice(&out.stdout).unwrap();
    let ours: Vec<&Value> = providers["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["cluster"] == n)
        .collect();
    assert_eq!(ours.len(), 1, "oidc-list: {providers}");
    assert_eq!(ours[0]["issuer_url"], issuer.as_str());
    assert_eq!(ours[0]["cluster_id"], id.as_str());
    assert_eq!(
        ours[0]["client_ids"],
        json!(["openshift", "sts.amazonaws.com"])
    );

    // 9 cluster-status: GET /clusters/{id} until status is a non-empty object, then
    // /statuses until Ready.
    eventually(
        "cluster status set",
        || async {
            body(
                &customer
                    .request(Method::GET, &format!("/api/v0/clusters/{id}"), None)
                    .await
                    .unwrap(),
            )
        },
        |c| c["status"].as_object().is_some_and(|s| !s.is_empty()),
    )
    .await;
    let statuses = eventually(
        "cluster Ready",
        || async {
            body(
                &customer
                    .request(
                        Method::GET,
                        &format!("/api/v0/clusters/{id}/statuses"),
                        None,
                    )
                    .await
                    .unwrap(),
            )
        },
        |s| s["status"]["phase"] == "Ready" || (legacy && s["phase"] == "Ready"),
    )
    .await;

    // 10 kubeconfig: stdout non-empty. (kubectl is not run: there is no cluster behind it.)
    let out = output(
        "kubeconfig",
        run.cust(&["cluster", "kubeconfig", n, "--region", REGION]),
    );
    assert!(!out.stdout.is_empty(), "kubeconfig: empty stdout");

    // 11 nodepool-create: stdout and stderr together are one JSON object with an id.
    let pool_name = format!("e2e-np-{n}");
    let all = exit_0(
        "nodepool-create",
        combined(run.cust(&[
            "nodepool",
            "create",
            &pool_name,
            "--cluster-id",
            &id,
            "--region",
            REGION,
            "--output",
            "json",
        ])),
    );
    let pool: Value = serde_json::from_str(&all)
        .unwrap_or_else(|e| panic!("nodepool-create: not one JSON object ({e}): {all}"));
    let pool_id = pool["id"]
        .as_str()
        .expect("nodepool-create: id")
        .to_string();
    assert!(!pool_id.is_empty());

    // 12 nodepool-list: combined, {"items":[{"id","name"}]} containing the id.
    let all = exit_0(
        "nodepool-list",
        combined(run.cust(&[
            "nodepool",
            "list",
            "--cluster-id",
            &id,
            "--region",
            REGION,
            "--output",
            "json",
        ])),
    );
    let listed: Value = serde_json::from_str(&all)
        .unwrap_or_else(|e| panic!("nodepool-list: not one JSON object ({e}): {all}"));
    assert!(
        listed["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["id"] == pool_id.as_str() && p["name"].is_string()),
        "nodepool-list: {listed}"
    );

    // 13 dns-verify reads the endpoint the platform answers (its DNS and TLS are the
    // platform's, not rosactl's: there is no cluster behind the stand-in to reach).
    if !legacy {
        let host = statuses["status"]["controlPlaneEndpoint"]["host"]
            .as_str()
            .unwrap_or_default();
        assert!(
            host.starts_with(&format!("api.{n}.")),
            "dns-verify: {statuses}"
        );
    }

    // 14 nodepools-wait: every pool of the cluster Ready, through /nodepools/{id}/status.
    eventually(
        "node pools Ready",
        || async {
            let all = body(
                &customer
                    .request(Method::GET, "/api/v0/nodepools", None)
                    .await
                    .unwrap(),
            );
            let mut phases = Vec::new();
            for p in all["items"].as_array().cloned().unwrap_or_default() {
                if p["cluster_id"] != id.as_str() {
                    continue;
                }
                let pid = p["id"].as_str().unwrap().to_string();
                let s = body(
                    &customer
                        .request(
                            Method::GET,
                            &format!("/api/v0/nodepools/{pid}/status"),
                            None,
                        )
                        .await
                        .unwrap(),
                );
                phases.push(if s["status"].is_object() {
                    s["status"]["phase"].clone()
                } else {
                    s["phase"].clone()
                });
            }
            json!(phases)
        },
        |phases| {
            let p = phases.as_array().unwrap();
            !p.is_empty() && p.iter().all(|x| x == "Ready")
        },
    )
    .await;

    // 16 nodepool-delete ID: no --yes, no terminal.
    exit_0(
        "nodepool-delete",
        combined(run.cust(&["nodepool", "delete", &pool_id, "--region", REGION])),
    );
    // 17 hcp-delete through the API (202), 18 until 404 or 410.
    let r = customer
        .request(Method::DELETE, &format!("/api/v0/clusters/{id}"), None)
        .await
        .unwrap();
    assert_eq!(r.status, 202, "hcp-delete: {}", body(&r));
    eventually(
        "cluster gone",
        || async {
            json!(
                customer
                    .request(Method::GET, &format!("/api/v0/clusters/{id}"), None)
                    .await
                    .unwrap()
                    .status
            )
        },
        |status| status == 404 || status == 410,
    )
    .await;

    // 19-21, fire and forget: each delete started with --no-wait and released unread.
    let started: Vec<Child> = ["cluster-oidc", "cluster-vpc", "cluster-iam"]
        .into_iter()
        .map(|group| {
            let mut cmd = run.cust(&[group, "delete", n, "--region", REGION, "--no-wait"]);
            cmd.stdout(Stdio::null()).stderr(Stdio::null());
            cmd.spawn().unwrap()
        })
        .collect();
    // (The suite never waits; the test does, to know when to look.)
    for mut child in started {
        assert!(child.wait().unwrap().success(), "a --no-wait delete failed");
    }
    // What continues after the command returned (the network's deletion) finishes on its
    // own: the detached processes' logs say they are done.
    let logs: Vec<_> = std::fs::read_dir(std::env::temp_dir())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|f| f.to_str())
                .and_then(|f| f.strip_prefix(&format!("rosactl-cluster-vpc-delete-{n}-")))
                .is_some_and(|rest| {
                    rest.split('-')
                        .next()
                        .is_some_and(|pid| pid.parse::<u32>().is_ok())
                })
        })
        .collect();
    assert_eq!(logs.len(), 1, "one detached network deletion: {logs:?}");
    // The detached deletion (a process that outlived the command, so not our child): found
    // by its arguments, waited for until it ends (a pidfd becomes readable when the process
    // exits), then the account is looked at once.
    for pid in processes_with_args(&["cluster-vpc", "delete", n]) {
        assert!(
            process_ended(pid, Duration::from_secs(120)),
            "the detached network deletion (process {pid}) did not end"
        );
    }
    let after = aws_inventory(&bed, &mut known).await;
    assert_eq!(
        inventory::differences(&before, &after),
        Vec::<String>::new(),
        "something of cluster {n} is left"
    );
    let log = std::fs::read_to_string(&logs[0]).unwrap();
    let _ = std::fs::remove_file(&logs[0]);
    assert!(!log.contains("error"), "the detached deletion's log: {log}");
    assert!(bed.platform.cluster_names().is_empty());
    assert!(bed.platform.nodepool_names().is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn the_platforms_e2e_suite_passes_unchanged_against_todays_server() {
    let bed = TestBed::try_start_with(
        PlatformConfig {
            phase_step: Duration::from_millis(100),
            ..PlatformConfig::not_added()
        },
        true,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    the_suite(bed, false).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_platforms_e2e_suite_passes_unchanged_against_the_older_server() {
    let bed = TestBed::try_start_with(
        PlatformConfig {
            phase_step: Duration::from_millis(100),
            ..PlatformConfig::legacy()
        },
        true,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    the_suite(bed, true).await;
}

/// The processes whose arguments include `args` in that order (from /proc).
fn processes_with_args(args: &[&str]) -> Vec<i32> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().filter_map(|e| e.ok()) {
        let Some(pid) = entry
            .file_name()
            .to_str()
            .and_then(|p| p.parse::<i32>().ok())
        else {
            continue;
        };
        let Ok(cmdline) = std::fs::read(entry.path().join("cmdline")) else {
            continue; // ended meanwhile
        };
        let argv: Vec<&[u8]> = cmdline.split(|b| *b == 0).collect();
        if argv
            .windows(args.len())
            .any(|w| w.iter().zip(args).all(|(a, b)| *a == b.as_bytes()))
        {
            found.push(pid);
        }
    }
    found
}

/// Waits until process `pid` (not a child of ours) has ended, or `timeout`; true when it has.
fn process_ended(pid: i32, timeout: Duration) -> bool {
    // SAFETY: pidfd_open takes a pid and flags and returns a new descriptor or -1.
    let fd = unsafe { libc::syscall(libc::SYS_pidfd_open, pid, 0) } as i32;
    if fd < 0 {
        // ESRCH: no such process, it has ended already.
        return std::io::Error::last_os_error().raw_os_error() == Some(libc::ESRCH);
    }
    let mut poll = libc::pollfd {
        fd,
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: one valid pollfd; the descriptor is ours and closed below.
    let ready = unsafe { libc::poll(&mut poll, 1, timeout.as_millis() as i32) };
    // SAFETY: fd was opened above.
    unsafe { libc::close(fd) };
    ready == 1
}
