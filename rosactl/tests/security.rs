//! Security, as tests: execution policies equal to the documented set (documents compared,
//! not substrings), invocation only by the invoker role and only through `prod`,
//! `cleanup-access` removing every statement of ours and nothing else, no secret in any
//! command's output with `--debug` nor in the functions' logs, and the Platform API client's
//! SigV4 signatures accepted by an independent implementation (botocore, from the test venv).

mod common;
use common::text;

use std::io::Write;
use std::process::{Command, Output, Stdio};

use base64::Engine;
use rosa_testbed::TestBed;
use rosa_testbed::faults::{FaultProxy, Upstream};
use rosa_testbed::platform::{INVOKER_ARN, TEMP_KEY, TEMP_SECRET, TEMP_TOKEN};
use serde_json::{Value, json};

const FUNCTIONS: [&str; 3] = [
    "rosa-oidc-provisioner",
    "rosa-preflight-checker",
    "rosa-network-verifier",
];

fn run(cmd: &mut Command, args: &[&str]) -> Output {
    cmd.args(args).stdin(Stdio::null()).output().unwrap()
}

fn ok(bed: &TestBed, args: &[&str]) -> Output {
    let out = run(&mut bed.command(env!("CARGO_BIN_EXE_rosactl")), args);
    assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
    out
}

fn inventory(bed: &TestBed) -> Value {
    tokio::runtime::Runtime::new()
        .unwrap()
        .block_on(rosa_testbed::inventory::take(bed, &mut Default::default()))
}

#[test]
fn roles_hold_exactly_the_documented_policy_and_only_the_invoker_may_invoke_through_prod() {
    let bed = TestBed::start();
    ok(&bed, &["setup-account", "--yes"]);
    let inv = inventory(&bed);
    for name in FUNCTIONS {
        let spec = rosa_lambda_packaging::function(name).unwrap();
        let want = rosactl::deploy::names::execution_policy(
            spec,
            &format!("/aws/lambda/{name}"),
            "aws",
            "123456789012",
            false,
        );
        let role = &inv["iam"]["roles"][format!("{name}-execution")];
        let inline = role["inline"].as_object().unwrap();
        assert_eq!(inline.len(), 1, "{name}: one inline policy: {inline:?}");
        let got = inline.values().next().unwrap();
        assert_eq!(
            got, &want,
            "{name}: the execution policy is the documented one"
        );
        assert_eq!(role["attached"], json!([]), "{name}: nothing attached");
        assert_eq!(
            role["trust"]["Statement"],
            json!([{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]),
            "{name}: trusted by Lambda only"
        );
        // Exactly one statement on the function, on prod, for the invoker, to invoke.
        let statements = inv["lambda"][name]["statements"].as_array().unwrap();
        assert_eq!(statements.len(), 1, "{name}: {statements:?}");
        let st = &statements[0];
        assert_eq!(st["Effect"], "Allow");
        assert_eq!(st["Action"], "lambda:InvokeFunction");
        // AWS answers {"AWS": arn}; the stand-in the bare ARN.
        let principal = st["Principal"].get("AWS").unwrap_or(&st["Principal"]);
        assert_eq!(principal, INVOKER_ARN, "{name}: {st}");
        assert!(
            st["Resource"]
                .as_str()
                .unwrap()
                .ends_with(&format!(":function:{name}:prod")),
            "{name}: {st}"
        );
    }
}

#[test]
fn cleanup_access_removes_every_statement_of_ours_and_nothing_else() {
    let bed = TestBed::start();
    ok(&bed, &["setup-account", "--yes"]);
    let rt = tokio::runtime::Runtime::new().unwrap();
    let config = rt.block_on(bed.sdk_config());
    let lambda = aws_sdk_lambda::Client::new(&config);
    // Someone else's statements, on prod and on the function: not ours to remove.
    for (qualifier, sid) in [
        (Some("prod"), "CustomersOwnAudit"),
        (None, "CustomersScheduler"),
    ] {
        rt.block_on(
            lambda
                .add_permission()
                .function_name("rosa-network-verifier")
                .set_qualifier(qualifier.map(String::from))
                .statement_id(sid)
                .action("lambda:GetFunction")
                .principal("arn:aws:iam::123456789012:role/Auditor")
                .send(),
        )
        .unwrap();
    }
    let before = inventory(&bed);
    ok(&bed, &["cleanup-access", "--yes"]);
    let after = inventory(&bed);
    for name in FUNCTIONS {
        let left: Vec<&Value> = after["lambda"][name]["statements"]
            .as_array()
            .unwrap()
            .iter()
            .collect();
        let sids: Vec<&str> = left.iter().filter_map(|s| s["Sid"].as_str()).collect();
        if name == "rosa-network-verifier" {
            let mut sids = sids.clone();
            sids.sort();
            assert_eq!(
                sids,
                ["CustomersOwnAudit", "CustomersScheduler"],
                "{left:?}"
            );
        } else {
            assert!(left.is_empty(), "{name}: {left:?}");
        }
    }
    // Nothing else changed: functions, versions, aliases, roles, bucket.
    let strip = |v: &Value| {
        let mut v = v.clone();
        for name in FUNCTIONS {
            v["lambda"][name]["statements"] = Value::Null;
        }
        v
    };
    assert_eq!(
        rosa_testbed::inventory::differences(&strip(&before), &strip(&after)),
        Vec::<String>::new()
    );
}

/// Every command, with `--debug` and recognisable temporary credentials: neither the secret
/// key, nor the session token, nor a signature appears in stdout, stderr or the functions'
/// logs.
#[test]
fn no_secret_in_any_commands_debug_output_or_the_functions_logs() {
    let bed = TestBed::with_managed_policies();
    let api = bed.platform.base_url.clone();
    let cmd = || {
        let mut c = bed.command(env!("CARGO_BIN_EXE_rosactl"));
        c.env("AWS_ACCESS_KEY_ID", TEMP_KEY)
            .env("AWS_SECRET_ACCESS_KEY", TEMP_SECRET)
            .env("AWS_SESSION_TOKEN", TEMP_TOKEN);
        c
    };
    let dir = tempfile::tempdir().unwrap();
    let export = dir.path().join("export");
    let manual = dir.path().join("manual");
    let payload = dir.path().join("payload.json");
    std::fs::write(
        &payload,
        r#"{"region":"us-east-1","cluster_config":{"instance_type":"m5.xlarge","replicas":2,"availability_zones":["us-east-1a"]}}"#,
    )
    .unwrap();
    let kube = dir.path().join("kubeconfig");
    let commands: Vec<Vec<String>> = [
        vec!["init"],
        vec!["login", "--url", &api],
        vec!["whoami"],
        vec!["version"],
        vec!["setup-account", "--yes"],
        vec![
            "setup-account",
            "--mode",
            "manual",
            "--out",
            manual.to_str().unwrap(),
        ],
        vec!["status", "--check"],
        vec![
            "test-lambda",
            "--name",
            "preflight-checker",
            "--payload",
            payload.to_str().unwrap(),
        ],
        vec!["logs", "--name", "preflight-checker"],
        vec!["history"],
        vec!["versions"],
        vec!["update-lambdas", "--yes"],
        vec!["promote-lambdas", "--yes"],
        vec!["rollback-lambdas", "--to-version", "1", "--yes"],
        vec!["export-lambdas", "--dir", export.to_str().unwrap()],
        vec![
            "cluster-vpc",
            "create",
            "sec-1",
            "--availability-zones",
            "us-east-1a",
        ],
        vec!["cluster-vpc", "list"],
        vec!["cluster-vpc", "describe", "sec-1"],
        vec!["cluster-iam", "create", "sec-1", "--yes"],
        vec!["cluster-iam", "list"],
        vec!["cluster-iam", "describe", "sec-1"],
        vec!["create", "cluster", "sec-1"],
        vec!["list", "clusters"],
        vec!["describe", "cluster", "sec-1"],
        vec![
            "cluster",
            "kubeconfig",
            "sec-1",
            "--file",
            kube.to_str().unwrap(),
        ],
        vec!["cluster", "get-token", "--cluster-id", "sec-1"],
        vec!["nodepool", "list", "--cluster-id", "sec-1"],
        vec!["migrate-account", "--dry-run"],
        vec!["migrate-account", "--yes"],
        vec!["test-migration"],
        vec!["register-account", "--account-id", "111122223333"],
        vec!["delete", "cluster", "sec-1", "--yes"],
        vec!["cluster-iam", "delete", "sec-1", "--yes"],
        vec!["cluster-vpc", "delete", "sec-1", "--yes"],
        vec!["cleanup-access", "--yes"],
        vec!["cleanup-account", "--yes"],
        vec!["logout"],
    ]
    .iter()
    .map(|c| c.iter().map(|s| s.to_string()).collect())
    .collect();
    let secrets = [
        TEMP_SECRET,
        TEMP_TOKEN,
        "Signature=",
        "X-Amz-Security-Token",
        "Authorization:",
    ];
    let mut ran = 0;
    let mut debug_lines = 0;
    for args in &commands {
        let mut all: Vec<&str> = args.iter().map(String::as_str).collect();
        all.push("--debug");
        // The platform's phases move on between commands: the cluster created above is
        // Ready by the time its kubeconfig is asked for.
        bed.platform.advance(bed.platform.phase_step() * 3);
        let out = run(&mut cmd(), &all);
        let seen = format!("{}{}", text(&out.stdout), text(&out.stderr));
        // Every command ran to its end, or to the refusal it must give: an early failure
        // would leave most of its output (and its secrets, if any) unprinted.
        let want = REFUSED
            .iter()
            .find(|(refused, _)| all.starts_with(refused))
            .map_or(0, |(_, code)| *code);
        assert_eq!(out.status.code(), Some(want), "{all:?}:\n{seen}");
        for s in secrets {
            assert!(!seen.contains(s), "{all:?} printed {s:?}:\n{seen}");
        }
        assert!(
            !seen.contains("panicked") && !seen.contains("RUST_BACKTRACE"),
            "{all:?}: {seen}"
        );
        // What --debug adds was there to be scanned: each call it made, named.
        let calls = text(&out.stderr)
            .lines()
            .filter(|l| l.starts_with(DEBUG_CALL))
            .count();
        if !LOCAL_ONLY.iter().any(|local| all.starts_with(local)) {
            assert!(calls > 0, "{all:?} --debug showed no call:\n{seen}");
        }
        debug_lines += calls;
        ran += 1;
    }
    // The functions' own logs (CloudWatch Logs in the stand-in), every page.
    let rt = tokio::runtime::Runtime::new().unwrap();
    let config = rt.block_on(bed.sdk_config());
    let logs = aws_sdk_cloudwatchlogs::Client::new(&config);
    let mut lines = 0;
    for name in FUNCTIONS {
        let group = format!("/aws/lambda/{name}");
        let mut token: Option<String> = None;
        let mut of_this = 0;
        loop {
            let page = rt
                .block_on(
                    logs.filter_log_events()
                        .log_group_name(&group)
                        .set_next_token(token.clone())
                        .send(),
                )
                .unwrap_or_else(|e| panic!("reading {group}: {e:?}"));
            for e in page.events() {
                let m = e.message().unwrap_or_default();
                of_this += 1;
                for s in secrets {
                    assert!(!m.contains(s), "{name}'s log holds {s:?}: {m}");
                }
            }
            token = page.next_token().map(String::from);
            if token.is_none() {
                break;
            }
        }
        // Each function was invoked (the setup's checks, test-lambda): it logged.
        assert!(of_this > 0, "{group} holds no line: nothing was scanned");
        lines += of_this;
    }
    eprintln!(
        "{ran} commands with --debug ({debug_lines} calls shown) and {lines} function log lines scanned for the secret, the token and signatures"
    );
    assert_eq!(ran, commands.len());
    assert!(ran >= 30);
}

/// How `--debug` shows each call it makes (src/debug_log or the SDK's interceptor).
const DEBUG_CALL: &str = "debug:";
/// Commands that must be refused here, with their exit code: registering an account needs a
/// platform operator's identity, and the bed's caller is a customer (the refusal's text is
/// scanned like any output).
const REFUSED: &[(&[&str], i32)] = &[(&["register-account"], 1)];

/// Commands that make no call at all (get-token presigns a URL: its token is meant to be
/// printed, base64 of a presigned STS request, as `aws eks get-token` prints one).
const LOCAL_ONLY: &[&[&str]] = &[
    &["version"],
    &["export-lambdas"],
    &["logout"],
    &["cluster", "get-token"],
];

const BOTOCORE_CHECK: &str = r#"
import base64, json, sys
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

out = []
for r in json.load(sys.stdin):
    h = {k.lower(): v for k, v in r["headers"]}
    auth = h["authorization"]
    scheme, rest = auth.split(" ", 1)
    parts = dict(p.strip().split("=", 1) for p in rest.split(","))
    akid, date, region, service, _ = parts["Credential"].split("/")
    signed = parts["SignedHeaders"].split(";")
    headers = [(k, v) for k, v in r["headers"] if k.lower() in signed]
    req = AWSRequest(method=r["method"], url="http://" + h["host"] + r["target"],
                     data=base64.b64decode(r["body"]), headers=dict(headers))
    req.context["timestamp"] = h["x-amz-date"]
    signer = SigV4Auth(Credentials(akid, r["secret"], h.get("x-amz-security-token")), service, region)
    canonical = signer.canonical_request(req)
    signature = signer.signature(signer.string_to_sign(req, canonical), req)
    out.append({"target": r["target"], "scheme": scheme, "ok": signature == parts["Signature"],
                "canonical": canonical})
print(json.dumps(out))
"#;

/// The Platform API client's requests, captured on the wire, re-signed by botocore: same
/// signature, for session credentials, escaped paths and queries, and the stage path.
#[test]
fn platform_api_signatures_are_accepted_by_botocore() {
    let bed = TestBed::start();
    let proxy = FaultProxy::start(&bed.platform.base_url, Upstream::Platform).unwrap();
    let cmd = || {
        let mut c = bed.command(env!("CARGO_BIN_EXE_rosactl"));
        c.env("ROSACTL_API_URL", &proxy.url)
            .env("AWS_ACCESS_KEY_ID", TEMP_KEY)
            .env("AWS_SECRET_ACCESS_KEY", TEMP_SECRET)
            .env("AWS_SESSION_TOKEN", TEMP_TOKEN);
        c
    };
    for args in [
        vec!["init"],
        vec!["list", "clusters"],
        vec!["describe", "cluster", "name with spaces & a/slash"],
        vec!["describe", "cluster", "ünïcode-ñame"],
        vec!["nodepool", "list", "--cluster-id", "id=with&query?chars"],
        vec!["create", "cluster", "sig-1", "--dry-run"],
    ] {
        let _ = run(&mut cmd(), &args);
    }
    let requests: Vec<Value> = proxy
        .raw_requests()
        .into_iter()
        .filter(|r| {
            r.headers
                .iter()
                .any(|(n, _)| n.eq_ignore_ascii_case("authorization"))
        })
        .map(|r| {
            json!({
                "method": r.method,
                "target": r.target,
                "headers": r.headers,
                "body": base64::engine::general_purpose::STANDARD.encode(&r.body),
                "secret": TEMP_SECRET,
            })
        })
        .collect();
    assert!(requests.len() >= 5, "{requests:?}");
    let targets: Vec<String> = requests
        .iter()
        .map(|r| r["target"].as_str().unwrap().to_string())
        .collect();
    assert!(
        targets.iter().all(|t| t.starts_with("/prod/")),
        "the stage path: {targets:?}"
    );
    assert!(
        targets.iter().any(|t| t.contains('%')),
        "an escaped path: {targets:?}"
    );
    assert!(
        targets.iter().any(|t| t.contains('?')),
        "a query: {targets:?}"
    );
    let python = rosa_testbed::aws::venv_dir().join("bin/python");
    let mut child = Command::new(python)
        .args(["-c", BOTOCORE_CHECK])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(Value::Array(requests).to_string().as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "botocore check: {}",
        text(&out.stderr)
    );
    let results: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    for r in &results {
        assert_eq!(r["scheme"], "AWS4-HMAC-SHA256");
        assert!(
            r["ok"] == true,
            "botocore computes another signature for {}; its canonical request:\n{}",
            r["target"],
            r["canonical"].as_str().unwrap_or_default()
        );
    }
    eprintln!(
        "{} signed Platform API requests re-signed by botocore, all equal: {targets:?}",
        results.len()
    );
}
