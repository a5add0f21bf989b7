//! Bad input, table-driven: flags, environment, Lambda payloads, Platform API answers and AWS
//! answers that contradict each other. Every case must exit with its documented code, print a
//! message naming what is wrong and what is expected (the expected pieces below), never panic
//! or print a backtrace, and, where it reaches AWS, change nothing in the account.
//! docs/reliability.md lists the cases.

mod common;
use common::{rosactl, text};

use std::process::Command;

use rosa_testbed::TestBed;
use rosa_testbed::faults::{Fault, FaultProxy, Rule, Upstream};

/// Where a case's Platform API calls go.
#[derive(Clone, Copy, PartialEq)]
enum Api {
    /// The stand-in, as is.
    Standin,
    /// Through a proxy answering `op` with this status, content type and body.
    Answer(&'static str, u16, &'static str, &'static str),
}

struct Case {
    name: &'static str,
    args: &'static [&'static str],
    env: &'static [(&'static str, &'static str)],
    remove: &'static [&'static str],
    api: Api,
    code: i32,
    expect: &'static [&'static str],
    /// Invocations of our functions are allowed (test-lambda); any other write is a failure.
    invokes: bool,
}

const fn case(
    name: &'static str,
    args: &'static [&'static str],
    code: i32,
    expect: &'static [&'static str],
) -> Case {
    Case {
        name,
        args,
        env: &[],
        remove: &[],
        api: Api::Standin,
        code,
        expect,
        invokes: false,
    }
}

const fn env_case(
    name: &'static str,
    args: &'static [&'static str],
    env: &'static [(&'static str, &'static str)],
    remove: &'static [&'static str],
    code: i32,
    expect: &'static [&'static str],
) -> Case {
    Case {
        name,
        args,
        env,
        remove,
        api: Api::Standin,
        code,
        expect,
        invokes: false,
    }
}

const fn api_case(
    name: &'static str,
    args: &'static [&'static str],
    answer: Api,
    code: i32,
    expect: &'static [&'static str],
) -> Case {
    Case {
        name,
        args,
        env: &[],
        remove: &[],
        api: answer,
        code,
        expect,
        invokes: false,
    }
}

const fn payload(
    name: &'static str,
    function: &'static str,
    body: &'static str,
    expect: &'static [&'static str],
) -> (
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
) {
    (name, function, body, expect)
}

const USAGE: i32 = 2;
const FAILED: i32 = 1;

fn flag_cases() -> Vec<Case> {
    vec![
        case(
            "unknown command",
            &["frobnicate"],
            USAGE,
            &["unrecognized subcommand", "frobnicate"],
        ),
        case(
            "unknown flag",
            &["status", "--frobnicate"],
            USAGE,
            &["--frobnicate"],
        ),
        case(
            "output format",
            &["status", "-o", "xml"],
            USAGE,
            &["xml", "table", "json", "yaml"],
        ),
        case(
            "invoker ARN not an ARN",
            &["setup-account", "--yes", "--invoker-role-arn", "not-an-arn"],
            USAGE,
            &["--invoker-role-arn"],
        ),
        case(
            "invoker ARN a user",
            &[
                "setup-account",
                "--yes",
                "--invoker-role-arn",
                "arn:aws:iam::210987654321:user/bob",
            ],
            USAGE,
            &["--invoker-role-arn", "role"],
        ),
        case(
            "retention not allowed",
            &["setup-account", "--yes", "--log-retention-days", "100"],
            USAGE,
            &["--log-retention-days", "100"],
        ),
        case(
            "retention not a number",
            &["setup-account", "--yes", "--log-retention-days", "ninety"],
            USAGE,
            &["--log-retention-days", "ninety"],
        ),
        case(
            "tag without =",
            &["setup-account", "--yes", "--tags", "costcenter"],
            USAGE,
            &["--tags", "costcenter"],
        ),
        case(
            "tag with aws: prefix",
            &["setup-account", "--yes", "--tags", "aws:owner=me"],
            USAGE,
            &["--tags", "aws:"],
        ),
        case(
            "tag with rosa: prefix",
            &["setup-account", "--yes", "--tags", "rosa:owner=me"],
            USAGE,
            &["--tags", "rosa:"],
        ),
        case(
            "duplicate tag",
            &["setup-account", "--yes", "--tags", "a=1,a=2"],
            USAGE,
            &["--tags", "a"],
        ),
        case(
            "role path without slashes",
            &["setup-account", "--yes", "--role-path", "teams"],
            USAGE,
            &["--role-path", "/"],
        ),
        case(
            "boundary not a policy ARN",
            &[
                "setup-account",
                "--yes",
                "--permissions-boundary",
                "arn:aws:iam::123456789012:role/x",
            ],
            USAGE,
            &["--permissions-boundary", "policy"],
        ),
        case(
            "resource prefix uppercase",
            &["--resource-prefix", "ACME-", "status"],
            USAGE,
            &["--resource-prefix"],
        ),
        case(
            "mode unknown",
            &["setup-account", "--mode", "sideways"],
            USAGE,
            &["--mode", "sideways"],
        ),
        case(
            "canary 0",
            &["promote-lambdas", "--canary", "0", "--yes"],
            USAGE,
            &["--canary", "0"],
        ),
        case(
            "canary 101",
            &["promote-lambdas", "--canary", "101", "--yes"],
            USAGE,
            &["--canary", "101"],
        ),
        case(
            "canary not a number",
            &["promote-lambdas", "--canary", "ten", "--yes"],
            USAGE,
            &["--canary", "ten"],
        ),
        case(
            "canary negative",
            &["promote-lambdas", "--canary=-5", "--yes"],
            USAGE,
            &["--canary", "-5"],
        ),
        case(
            "promote to itself",
            &["promote-lambdas", "--from", "prod", "--to", "prod", "--yes"],
            USAGE,
            &["prod"],
        ),
        case(
            "promote from unknown alias",
            &["promote-lambdas", "--from", "beta", "--yes"],
            FAILED,
            &["beta", "does not exist"],
        ),
        case(
            "bake not a number",
            &[
                "promote-lambdas",
                "--canary",
                "10",
                "--bake",
                "soon",
                "--yes",
            ],
            USAGE,
            &["--bake", "soon"],
        ),
        case(
            "rollback version not a number",
            &["rollback-lambdas", "--to-version", "latest", "--yes"],
            USAGE,
            &["--to-version", "latest"],
        ),
        case(
            "rollback version 0",
            &["rollback-lambdas", "--to-version", "0", "--yes"],
            USAGE,
            &["--to-version", "0"],
        ),
        case(
            "rollback unknown alias",
            &["rollback-lambdas", "--alias", "beta", "--yes"],
            FAILED,
            &["beta", "does not exist"],
        ),
        case(
            "function unknown",
            &["update-lambdas", "--function", "rosa-nothing", "--yes"],
            USAGE,
            &["--function", "rosa-nothing"],
        ),
        case(
            "test-lambda unknown function",
            &["test-lambda", "--name", "rosa-nothing"],
            USAGE,
            &["rosa-nothing"],
        ),
        case(
            "payload file missing",
            &[
                "test-lambda",
                "--name",
                "rosa-preflight-checker",
                "--payload",
                "/nonexistent/payload.json",
            ],
            USAGE,
            &["--payload", "/nonexistent/payload.json"],
        ),
        case(
            "payload a directory",
            &[
                "test-lambda",
                "--name",
                "rosa-preflight-checker",
                "--payload",
                "/",
            ],
            USAGE,
            &["--payload", "/"],
        ),
        case(
            "logs since not a duration",
            &[
                "logs",
                "--name",
                "rosa-preflight-checker",
                "--since",
                "yesterdayish",
            ],
            USAGE,
            &["--since", "yesterdayish"],
        ),
        case(
            "logs since negative",
            &["logs", "--name", "rosa-preflight-checker", "--since=-5m"],
            USAGE,
            &["--since"],
        ),
        case(
            "versions keep 0",
            &["versions", "--keep", "0", "--yes"],
            USAGE,
            &["--keep", "0"],
        ),
        case(
            "versions keep not a number",
            &["versions", "--keep", "some"],
            USAGE,
            &["--keep", "some"],
        ),
        case(
            "cluster-vpc name uppercase",
            &[
                "cluster-vpc",
                "create",
                "Bad_Name",
                "--availability-zones",
                "us-east-1a",
            ],
            USAGE,
            &["NAME", "Bad_Name"],
        ),
        case(
            "cluster-vpc name too long",
            &[
                "cluster-vpc",
                "create",
                "a-very-long-cluster-name-that-is-far-too-long-for-rosa",
            ],
            USAGE,
            &["NAME"],
        ),
        case(
            "cluster-vpc bad CIDR",
            &[
                "cluster-vpc",
                "create",
                "cl1",
                "--availability-zones",
                "us-east-1a",
                "--vpc-cidr",
                "10.0.0.0/33",
            ],
            USAGE,
            &["--vpc-cidr", "10.0.0.0/33"],
        ),
        case(
            "cluster-vpc CIDR not an address",
            &[
                "cluster-vpc",
                "create",
                "cl1",
                "--availability-zones",
                "us-east-1a",
                "--vpc-cidr",
                "ten.zero",
            ],
            USAGE,
            &["--vpc-cidr", "ten.zero"],
        ),
        case(
            "cluster-vpc zone of another region",
            &[
                "cluster-vpc",
                "create",
                "cl1",
                "--availability-zones",
                "eu-west-1a",
            ],
            USAGE,
            &["--availability-zones", "eu-west-1a"],
        ),
        case(
            "cluster-vpc tags bad",
            &[
                "cluster-vpc",
                "create",
                "cl1",
                "--availability-zones",
                "us-east-1a",
                "--tags",
                "=x",
            ],
            USAGE,
            &["--tags"],
        ),
        case(
            "cluster-iam name bad",
            &["cluster-iam", "create", "no spaces", "--yes"],
            USAGE,
            &["no spaces"],
        ),
        case(
            "cluster-oidc issuer http",
            &[
                "cluster-oidc",
                "create",
                "cl1",
                "--oidc-issuer-url",
                "http://issuer.example.com/c1",
                "--thumbprint",
                "0123456789abcdef0123456789abcdef01234567",
            ],
            USAGE,
            &["--oidc-issuer-url", "https"],
        ),
        case(
            "cluster-oidc thumbprint short",
            &[
                "cluster-oidc",
                "create",
                "cl1",
                "--oidc-issuer-url",
                "https://issuer.example.com/c1",
                "--thumbprint",
                "abc",
            ],
            USAGE,
            &["--thumbprint", "40"],
        ),
        case(
            "nodepool replicas negative",
            &[
                "nodepool",
                "create",
                "w",
                "--cluster-id",
                "x",
                "--replicas=-1",
            ],
            USAGE,
            &["--replicas", "-1"],
        ),
        case(
            "nodepool name bad",
            &[
                "nodepool",
                "create",
                "Workers!",
                "--cluster-id",
                "x",
                "--subnet-id",
                "subnet-1",
            ],
            USAGE,
            &["Workers!"],
        ),
        case(
            "nodepool without cluster",
            &["nodepool", "create", "w"],
            USAGE,
            &["--cluster-id"],
        ),
        case(
            "describe cluster without name",
            &["describe", "cluster"],
            USAGE,
            &["name"],
        ),
        case(
            "register account id short",
            &["register-account", "--account-id", "12345"],
            USAGE,
            &["--account-id", "12"],
        ),
        case(
            "login URL not http",
            &["login", "--url", "ftp://api.example.com"],
            USAGE,
            &["--url", "https"],
        ),
        case(
            "login URL http off loopback",
            &["login", "--url", "http://api.example.com"],
            USAGE,
            &["https"],
        ),
        case("export without dir", &["export-lambdas"], USAGE, &["--dir"]),
    ]
}

fn env_cases() -> Vec<Case> {
    vec![
        env_case(
            "no credentials",
            &["status"],
            &[],
            &["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"],
            FAILED,
            &["credentials"],
        ),
        env_case(
            "unknown profile",
            &["status", "--profile", "no-such-profile"],
            &[],
            &[],
            USAGE,
            &["--profile", "no-such-profile"],
        ),
        env_case(
            "no region",
            &["status"],
            &[],
            &["AWS_REGION", "AWS_DEFAULT_REGION"],
            USAGE,
            &["region", "--region"],
        ),
        env_case(
            "session token refused by the API",
            &["list", "clusters"],
            &[
                ("AWS_ACCESS_KEY_ID", "ASIAROSACUSTOMERTMP1"),
                ("AWS_SECRET_ACCESS_KEY", "temporary-secret-key"),
                ("AWS_SESSION_TOKEN", "an-expired-token"),
            ],
            &[],
            FAILED,
            &["Platform API", "403"],
        ),
        env_case(
            "secret refused by the API",
            &["list", "clusters"],
            &[("AWS_SECRET_ACCESS_KEY", "not-the-secret")],
            &[],
            FAILED,
            &["Platform API", "403"],
        ),
        env_case(
            "API unreachable",
            &["list", "clusters"],
            &[("ROSACTL_API_URL", "http://127.0.0.1:9/prod")],
            &[],
            FAILED,
            &["127.0.0.1:9"],
        ),
        env_case(
            "API URL http off loopback",
            &["list", "clusters"],
            &[("ROSACTL_API_URL", "http://api.example.com/prod")],
            &[],
            USAGE,
            &["https"],
        ),
        env_case(
            "API URL not a URL",
            &["list", "clusters"],
            &[("ROSACTL_API_URL", "not a url")],
            &[],
            USAGE,
            &["not a url"],
        ),
        env_case(
            "region the API does not serve",
            &["list", "clusters", "--region", "eu-west-1"],
            &[],
            &[],
            FAILED,
            &["Platform API", "region", "--region"],
        ),
        env_case(
            "resource prefix from env",
            &["status"],
            &[("ROSACTL_RESOURCE_PREFIX", "Bad Prefix")],
            &[],
            USAGE,
            &["--resource-prefix", "Bad Prefix"],
        ),
        env_case(
            "no API URL",
            &["list", "clusters"],
            &[],
            &["ROSACTL_API_URL"],
            USAGE,
            &["--api-url"],
        ),
    ]
}

fn api_cases() -> Vec<Case> {
    const LIST: &str = "GET /prod/api/v0/clusters";
    const INFO: &str = "GET /prod/api/v0/info";
    vec![
        api_case(
            "malformed JSON",
            &["list", "clusters"],
            Api::Answer(LIST, 200, "application/json", "{\"items\": [,"),
            FAILED,
            &["/api/v0/clusters", "not the JSON expected"],
        ),
        api_case(
            "wrong types",
            &["list", "clusters"],
            Api::Answer(
                LIST,
                200,
                "application/json",
                "{\"items\": \"many\", \"total\": \"two\"}",
            ),
            FAILED,
            &["/api/v0/clusters", "items"],
        ),
        api_case(
            "HTML error page",
            &["list", "clusters"],
            Api::Answer(
                LIST,
                502,
                "text/html",
                "<html><body><h1>502 Bad Gateway</h1></body></html>",
            ),
            FAILED,
            &["502"],
        ),
        api_case(
            "empty 200",
            &["list", "clusters"],
            Api::Answer(LIST, 200, "application/json", ""),
            FAILED,
            &["/api/v0/clusters"],
        ),
        api_case(
            "5xx with a body",
            &["list", "clusters"],
            Api::Answer(
                LIST,
                500,
                "application/json",
                "{\"kind\":\"Error\",\"code\":\"internal\",\"reason\":\"database unavailable\"}",
            ),
            FAILED,
            &["500", "database unavailable"],
        ),
        api_case(
            "a page that never ends",
            &["list", "clusters"],
            Api::Answer(
                LIST,
                200,
                "application/json",
                "{\"kind\":\"ClusterList\",\"page\":1,\"size\":1,\"total\":1000000000,\"items\":[{\"id\":\"c1\",\"name\":\"loop\"}]}",
            ),
            FAILED,
            &["/api/v0/clusters", "repeats the previous one"],
        ),
        api_case(
            "info without arn",
            &["init"],
            Api::Answer(INFO, 200, "application/json", "{\"arn\": \"\"}"),
            FAILED,
            &["/api/v0/info", "invoker"],
        ),
        api_case(
            "info arn of a user",
            &["setup-account", "--yes"],
            Api::Answer(
                INFO,
                200,
                "application/json",
                "{\"arn\": \"arn:aws:iam::210987654321:user/mallory\"}",
            ),
            FAILED,
            &["arn:aws:iam::210987654321:user/mallory", "role"],
        ),
        api_case(
            "info arn of this account",
            &["setup-account", "--yes"],
            Api::Answer(
                INFO,
                200,
                "application/json",
                "{\"arn\": \"arn:aws:iam::123456789012:role/LambdaExecutor\"}",
            ),
            FAILED,
            &["123456789012", "in this account"],
        ),
    ]
}

/// Payloads through `test-lambda --payload`: the function must refuse them by name.
fn payload_cases() -> Vec<(
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
)> {
    vec![
        payload(
            "oidc: not an object",
            "rosa-oidc-provisioner",
            "[1,2,3]",
            &["InvalidInput"],
        ),
        payload(
            "oidc: issuer missing",
            "rosa-oidc-provisioner",
            "{\"cluster_id\":\"c1\",\"thumbprints\":[\"0123456789abcdef0123456789abcdef01234567\"]}",
            &["InvalidInput", "issuer_url"],
        ),
        payload(
            "oidc: issuer wrong type",
            "rosa-oidc-provisioner",
            "{\"issuer_url\":5,\"cluster_id\":\"c1\",\"thumbprints\":[]}",
            &["InvalidInput", "issuer_url"],
        ),
        payload(
            "oidc: unknown field",
            "rosa-oidc-provisioner",
            "{\"issuer_url\":\"https://x.example.com/c1\",\"cluster_id\":\"c1\",\"thumbprints\":[\"0123456789abcdef0123456789abcdef01234567\"],\"admin\":true}",
            &["InvalidInput", "admin"],
        ),
        payload(
            "preflight: region wrong type",
            "rosa-preflight-checker",
            "{\"region\":1,\"cluster_config\":{}}",
            &["InvalidInput", "region"],
        ),
        payload(
            "preflight: huge region",
            "rosa-preflight-checker",
            "{\"region\":\"us-east-1aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\",\"cluster_config\":{\"instance_type\":\"m5.xlarge\",\"replicas\":2,\"availability_zones\":[\"us-east-1a\"]}}",
            &["InvalidInput", "region"],
        ),
        payload(
            "preflight: replicas negative",
            "rosa-preflight-checker",
            "{\"region\":\"us-east-1\",\"cluster_config\":{\"instance_type\":\"m5.xlarge\",\"replicas\":-2,\"availability_zones\":[\"us-east-1a\"]}}",
            &["InvalidInput", "replicas"],
        ),
        payload(
            "network: vpc missing",
            "rosa-network-verifier",
            "{\"subnet_ids\":[\"subnet-1\"]}",
            &["InvalidInput", "vpc_id"],
        ),
        payload(
            "network: subnets wrong type",
            "rosa-network-verifier",
            "{\"vpc_id\":\"vpc-1\",\"subnet_ids\":\"subnet-1\"}",
            &["InvalidInput", "subnet_ids"],
        ),
        payload(
            "network: not JSON",
            "rosa-network-verifier",
            "vpc-1",
            &["--payload"],
        ),
    ]
}

/// Runs one case; returns what is wrong with how it ended, if anything.
fn check(
    bed: &TestBed,
    name: &str,
    mut cmd: Command,
    code: i32,
    expect: &[&str],
    invokes: bool,
) -> Option<String> {
    bed.aws.clear_operations().unwrap();
    let out = cmd.output().unwrap();
    let err = format!("{}{}", text(&out.stderr), text(&out.stdout));
    let mut wrong = Vec::new();
    if out.status.code() != Some(code) {
        wrong.push(format!("exit {:?}, expected {code}", out.status.code()));
    }
    for e in expect {
        if !err.to_lowercase().contains(&e.to_lowercase()) {
            wrong.push(format!("does not name {e:?}"));
        }
    }
    if err.contains("panicked") || err.contains("RUST_BACKTRACE") || err.contains("stack backtrace")
    {
        wrong.push("panicked".into());
    }
    let writes: Vec<String> = bed
        .aws
        .writes()
        .into_iter()
        .filter(|w| !(invokes && w.ends_with("/invocations")))
        .collect();
    if !writes.is_empty() {
        wrong.push(format!("changed the account: {writes:?}"));
    }
    (!wrong.is_empty()).then(|| {
        format!(
            "{name}: {}\n    output: {}",
            wrong.join("; "),
            err.trim().replace('\n', "\n    ")
        )
    })
}

#[test]
fn every_bad_input_is_named_with_its_exit_code_and_changes_nothing() {
    let bed = TestBed::start();
    let setup = rosactl(&bed)
        .args(["setup-account", "--yes"])
        .output()
        .unwrap();
    assert!(setup.status.success(), "{}", text(&setup.stderr));
    let dir = tempfile::tempdir().unwrap();
    let mut failures = Vec::new();
    let mut count = 0;
    for c in flag_cases()
        .into_iter()
        .chain(env_cases())
        .chain(api_cases())
    {
        let proxy = match c.api {
            Api::Standin => None,
            Api::Answer(op, status, content_type, body) => {
                let p = FaultProxy::start(&bed.platform.base_url, Upstream::Platform).unwrap();
                p.add(Rule::always(
                    op,
                    Fault::Answer(status, content_type.into(), body.into()),
                ));
                Some(p)
            }
        };
        let mut cmd = rosactl(&bed);
        if let Some(p) = &proxy {
            cmd.env("ROSACTL_API_URL", &p.url);
        }
        for k in c.remove {
            cmd.env_remove(k);
        }
        cmd.envs(c.env.iter().copied()).args(c.args);
        failures.extend(check(&bed, c.name, cmd, c.code, c.expect, c.invokes));
        count += 1;
    }
    for (i, (name, function, body, expect)) in payload_cases().into_iter().enumerate() {
        let file = dir.path().join(format!("payload-{i}.json"));
        std::fs::write(&file, body).unwrap();
        let mut cmd = rosactl(&bed);
        cmd.args([
            "test-lambda",
            "--name",
            function,
            "--payload",
            file.to_str().unwrap(),
        ]);
        let code = if expect.contains(&"--payload") {
            USAGE
        } else {
            FAILED
        };
        failures.extend(check(&bed, name, cmd, code, expect, true));
        count += 1;
    }
    eprintln!(
        "{count} bad inputs tried, {} handled wrongly",
        failures.len()
    );
    assert!(count >= 60, "{count} cases");
    assert!(
        failures.is_empty(),
        "{} of {count} cases:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// AWS answers that contradict each other: named, with their exit code, and nothing changed.
#[test]
fn aws_answers_that_contradict_each_other_are_named_and_change_nothing() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let mut failures = Vec::new();

    // An alias pointing at a version that was deleted behind rosactl's back (Lambda refuses
    // this; the stand-in does not, and an account can get there through a bug elsewhere).
    let bed = TestBed::start();
    let out = rosactl(&bed)
        .args(["setup-account", "--yes"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let config = rt.block_on(bed.sdk_config());
    let lambda = aws_sdk_lambda::Client::new(&config);
    rt.block_on(
        lambda
            .delete_function()
            .function_name("rosa-network-verifier")
            .qualifier("1")
            .send(),
    )
    .unwrap();
    let mut status = rosactl(&bed);
    status.args(["status", "--check"]);
    failures.extend(check(
        &bed,
        "alias at a deleted version: status --check",
        status,
        5,
        &["alias prod points at version 1, which does not exist"],
        false,
    ));
    let mut rollback = rosactl(&bed);
    rollback.args(["rollback-lambdas", "--yes"]);
    failures.extend(check(
        &bed,
        "alias at a deleted version: rollback-lambdas",
        rollback,
        FAILED,
        &["rosa-network-verifier:prod", "published versions: none"],
        false,
    ));

    // A history record whose code differs from the version it names: rollback refuses.
    let bed = TestBed::start();
    for (variant, args) in [
        (None, &["setup-account", "--yes"][..]),
        (Some("2"), &["update-lambdas", "--yes"][..]),
        (Some("2"), &["promote-lambdas", "--yes"][..]),
    ] {
        let mut cmd = rosactl(&bed);
        if let Some(v) = variant {
            cmd.env("ROSACTL_TEST_PACKAGE_VARIANT", v);
        }
        let out = cmd.args(args).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
    }
    let config = rt.block_on(bed.sdk_config());
    let s3 = aws_sdk_s3::Client::from_conf(
        aws_sdk_s3::config::Builder::from(&config)
            .force_path_style(true)
            .build(),
    );
    let bucket = "rosa-lambda-artifacts-123456789012-us-east-1";
    let listed = rt
        .block_on(
            s3.list_objects_v2()
                .bucket(bucket)
                .prefix("history/rosa-oidc-provisioner/prod/")
                .send(),
        )
        .unwrap();
    let mut tampered = 0;
    for key in listed.contents().iter().filter_map(|o| o.key()) {
        let body = rt
            .block_on(async {
                let o = s3.get_object().bucket(bucket).key(key).send().await?;
                Ok::<_, Box<dyn std::error::Error>>(o.body.collect().await?.into_bytes())
            })
            .unwrap();
        let mut record: serde_json::Value = serde_json::from_slice(&body).unwrap();
        if record["kind"] == "create" {
            record["code_sha256"] = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=".into();
            rt.block_on(
                s3.put_object()
                    .bucket(bucket)
                    .key(key)
                    .body(record.to_string().into_bytes().into())
                    .send(),
            )
            .unwrap();
            tampered += 1;
        }
    }
    assert_eq!(tampered, 1);
    let mut rollback = rosactl(&bed);
    rollback.args(["rollback-lambdas", "--yes"]);
    failures.extend(check(
        &bed,
        "history record contradicts the version: rollback-lambdas",
        rollback,
        FAILED,
        &[
            "rosa-oidc-provisioner:prod",
            "the history records version 1 with code sha256 000000000000",
            "changed outside rosactl",
            "--to-version",
        ],
        false,
    ));
    eprintln!(
        "3 AWS contradictions tried, {} handled wrongly",
        failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
