//! The cluster journey as the platform's end-to-end suite drives it, through the real binary
//! against the bed: `login` (then no ROSACTL_API_URL), `cluster create --output json`, the
//! kubeconfig and its exec command's token (verified as a presigned STS request), node pools,
//! `logout`. (cluster-vpc, cluster-iam and cluster-oidc are not built yet.)

mod common;
use common::{json_of, text};

use std::process::{Command, Output, Stdio};
use std::time::SystemTime;

use base64::Engine;
use rosa_testbed::sigv4::{Expectation, SignedRequest, verify_presigned};
use rosa_testbed::{PlatformConfig, TestBed};
use serde_json::Value;

fn rosactl(bed: &TestBed) -> Command {
    let mut cmd = bed.command(env!("CARGO_BIN_EXE_rosactl"));
    cmd.stdin(Stdio::null()).env_remove("ROSACTL_API_URL");
    cmd
}

fn run(bed: &TestBed, args: &[&str]) -> Output {
    rosactl(bed).args(args).output().unwrap()
}

fn ok(bed: &TestBed, args: &[&str]) -> Output {
    let out = run(bed, args);
    assert!(
        out.status.success(),
        "{args:?}: {}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    out
}

fn has(haystack: &str, needle: &str) {
    assert!(haystack.contains(needle), "{needle:?} not in:\n{haystack}");
}

/// Platform API requests with this method and path prefix since the bed started.
fn api_calls(bed: &TestBed, method: &str, prefix: &str) -> usize {
    bed.platform
        .requests()
        .iter()
        .filter(|r| r.method == method && r.path.starts_with(prefix))
        .count()
}

/// Writes `cluster`'s kubeconfig, runs its exec command as kubectl would, and checks the token
/// is a presigned STS request that verifies as the customer, for this cluster id only.
fn check_kubeconfig_and_token(bed: &TestBed, cluster: &str, id: &str) {
    // The kubeconfig, and the token its exec command prints.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("kubeconfig");
    ok(
        bed,
        &[
            "cluster",
            "kubeconfig",
            cluster,
            "--file",
            file.to_str().unwrap(),
        ],
    );
    let kube: Value = serde_norway::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(kube["current-context"], cluster);
    let server = kube["clusters"][0]["cluster"]["server"].as_str().unwrap();
    // Today's endpoint: api.<name>.<first 4 of the id>.<base domain>, port 443.
    assert_eq!(
        server,
        format!("https://api.{cluster}.{}.rosa.standin.example", &id[..4])
    );
    let exec = &kube["users"][0]["user"]["exec"];
    assert_eq!(exec["apiVersion"], "client.authentication.k8s.io/v1");
    let args: Vec<&str> = exec["args"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    assert_eq!(
        args,
        [
            "cluster",
            "get-token",
            "--cluster-id",
            id,
            "--region",
            "us-east-1"
        ]
    );
    let out = bed
        .command(exec["command"].as_str().unwrap())
        .env_remove("ROSACTL_API_URL")
        .args(&args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let credential = json_of(&out);
    assert_eq!(credential["kind"], "ExecCredential");
    assert!(
        credential["status"]["expirationTimestamp"]
            .as_str()
            .unwrap()
            .ends_with('Z')
    );
    let token = credential["status"]["token"].as_str().unwrap();
    let url = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(token.strip_prefix("k8s-aws-v1.").unwrap())
        .unwrap();
    let url = String::from_utf8(url).unwrap();
    let rest = url.strip_prefix("http://").unwrap();
    let (host, path_and_query) = rest.split_once('/').unwrap();
    let (_, query) = path_and_query.split_once('?').unwrap();
    has(query, "Action=GetCallerIdentity");
    let request = SignedRequest {
        method: "GET",
        path: "/",
        query,
        headers: vec![
            ("host".into(), host.into()),
            ("x-k8s-aws-id".into(), id.to_string()),
        ],
        body: &[],
    };
    let creds = PlatformConfig::default().credentials;
    let lookup = |key: &str| creds.iter().find(|c| c.access_key_id == key);
    let expect = Expectation {
        region: "us-east-1",
        service: "sts",
        now: SystemTime::now(),
    };
    let (caller, expires) =
        verify_presigned(&request, &expect, lookup).expect("the token's URL verifies");
    assert_eq!(caller.account_id, rosa_testbed::platform::CUSTOMER_ACCOUNT);
    assert_eq!(expires, 60);
    // Signed for this cluster only.
    let other = SignedRequest {
        headers: vec![
            ("host".into(), host.into()),
            ("x-k8s-aws-id".into(), "another".into()),
        ],
        ..request
    };
    assert!(verify_presigned(&other, &expect, lookup).is_err());
}

#[test]
fn login_cluster_kubeconfig_token_and_node_pools_without_an_api_url_in_the_environment() {
    let bed = TestBed::start();
    has(&text(&ok(&bed, &["help"]).stdout), "Usage:");

    // Before login: no API, and the message says how to get one.
    let out = run(&bed, &["list", "clusters"]);
    assert_eq!(out.status.code(), Some(2));
    has(&text(&out.stderr), "rosactl login --url URL");

    let out = ok(
        &bed,
        &[
            "login",
            "--url",
            &bed.platform.base_url,
            "--region",
            "us-east-1",
            "-o",
            "json",
        ],
    );
    let login = json_of(&out);
    let config = bed.config_home.join("config.json");
    assert_eq!(login["config"], config.display().to_string());
    let kept: Value = serde_json::from_str(&std::fs::read_to_string(&config).unwrap()).unwrap();
    assert_eq!(
        kept,
        serde_json::json!({"api_url": bed.platform.base_url, "region": "us-east-1"}),
        "the URL and region, no credentials"
    );
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&config).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    assert!(
        api_calls(&bed, "GET", "/api/v0/live") >= 1,
        "login checks the API"
    );
    // A login to nothing is refused and keeps the config as it was.
    let out = run(&bed, &["login", "--url", "http://127.0.0.1:9/prod"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert_eq!(
        std::fs::read_to_string(&config)
            .unwrap()
            .contains(&bed.platform.base_url),
        true
    );

    // Where each value came from: config, environment, flag.
    let who = json_of(&ok(&bed, &["whoami", "-o", "json"]));
    assert_eq!(who["api_url"], bed.platform.base_url.as_str());
    assert_eq!(
        who["sources"]["api_url"],
        serde_json::json!({"from": "config", "name": config.display().to_string()})
    );
    assert_eq!(
        who["sources"]["region"]["from"], "environment",
        "the bed sets AWS_REGION: {who}"
    );
    let who: Value = serde_json::from_slice(
        &rosactl(&bed)
            .env("ROSACTL_API_URL", &bed.platform.base_url)
            .args(["whoami", "-o", "json"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert_eq!(who["sources"]["api_url"]["from"], "environment");
    let who = json_of(&ok(
        &bed,
        &[
            "whoami",
            "-o",
            "json",
            "--api-url",
            &bed.platform.base_url,
            "--region",
            "us-east-1",
        ],
    ));
    assert_eq!(who["sources"]["api_url"]["from"], "flag");
    assert_eq!(who["sources"]["region"]["from"], "flag");
    let who = json_of(
        &rosactl(&bed)
            .env_remove("AWS_REGION")
            .env_remove("AWS_DEFAULT_REGION")
            .args(["whoami", "-o", "json"])
            .output()
            .unwrap(),
    );
    assert_eq!(who["sources"]["region"]["from"], "config", "{who}");
    assert_eq!(who["region"], "us-east-1");

    // cluster create --output json, without a network: sent, with a warning.
    let out = ok(
        &bed,
        &[
            "cluster",
            "create",
            "journey-1",
            "--output",
            "json",
            "--watch",
            "--poll-interval",
            "0.05",
        ],
    );
    has(&text(&out.stderr), "nowhere to run");
    let cluster = json_of(&out);
    let id = cluster["id"].as_str().unwrap().to_string();
    assert!(cluster["oidc_issuer_url"].as_str().unwrap().ends_with(&id));

    check_kubeconfig_and_token(&bed, "journey-1", &id);

    // A link planted where the temporary files go (rosactl's pid is the shell's: `exec`):
    // never written through, and the config and the kubeconfig end as 0600 files.
    let plant = tempfile::tempdir().unwrap();
    let victim = plant.path().join("victim");
    std::fs::write(&victim, "precious").unwrap();
    let kubeconfig = plant.path().join("kubeconfig");
    for (link, args) in [
        (
            plant.path().join(".kubeconfig.$$.tmp"),
            vec![
                "cluster",
                "kubeconfig",
                "journey-1",
                "--file",
                kubeconfig.to_str().unwrap(),
            ],
        ),
        (
            bed.config_home.join(".config.json.$$.tmp"),
            vec![
                "login",
                "--url",
                &bed.platform.base_url,
                "--region",
                "us-east-1",
            ],
        ),
    ] {
        let out = bed
            .command("sh")
            .stdin(Stdio::null())
            .env_remove("ROSACTL_API_URL")
            .arg("-c")
            .arg(format!(
                "ln -s \"$VICTIM\" \"{}\" && exec \"$ROSACTL\" \"$@\"",
                link.display()
            ))
            .arg("sh")
            .args(&args)
            .env("VICTIM", &victim)
            .env("ROSACTL", env!("CARGO_BIN_EXE_rosactl"))
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
        assert_eq!(
            std::fs::read_to_string(&victim).unwrap(),
            "precious",
            "{args:?}"
        );
    }
    for file in [&kubeconfig, &config] {
        use std::os::unix::fs::PermissionsExt;
        let meta = std::fs::symlink_metadata(file).unwrap();
        assert!(meta.file_type().is_file(), "{}", file.display());
        assert_eq!(
            meta.permissions().mode() & 0o777,
            0o600,
            "{}",
            file.display()
        );
    }

    // Node pools: create (twice: the second sends nothing), list, describe, delete.
    let create = [
        "nodepool",
        "create",
        "workers",
        "--cluster-id",
        id.as_str(),
        "--subnet-id",
        "subnet-0123456789abcdef0",
        "-o",
        "json",
    ];
    // A create prints the pool itself (as `cluster create` prints the cluster).
    let pool = json_of(&ok(&bed, &create));
    assert_eq!(pool["spec"]["nodePool"]["replicas"], 2);
    assert_eq!(
        pool["spec"]["nodePool"]["platform"]["aws"]["instanceType"],
        "m6a.xlarge"
    );
    let pool_id = pool["id"].as_str().unwrap().to_string();
    let posts = api_calls(&bed, "POST", "/api/v0/nodepools");
    let out = ok(&bed, &create);
    assert!(
        out.stderr.is_empty(),
        "-o json: nothing on stderr: {}",
        text(&out.stderr)
    );
    assert_eq!(json_of(&out)["id"], pool_id.as_str());
    assert_eq!(
        api_calls(&bed, "POST", "/api/v0/nodepools"),
        posts,
        "a re-run sends no create"
    );
    let listed = json_of(&ok(
        &bed,
        &[
            "nodepool",
            "list",
            "--cluster-id",
            "journey-1",
            "-o",
            "json",
        ],
    ));
    assert_eq!(listed["total"], 1);
    let described = json_of(&ok(&bed, &["nodepool", "describe", &pool_id, "-o", "json"]));
    assert_eq!(described["cluster_id"], id.as_str());
    // Without a subnet of the cluster's, the flag is asked for by name.
    let out = run(&bed, &["nodepool", "create", "more", "--cluster-id", &id]);
    assert_eq!(out.status.code(), Some(2));
    has(&text(&out.stderr), "--subnet-id");
    let out = run(
        &bed,
        &[
            "nodepool",
            "create",
            "more",
            "--cluster-id",
            &id,
            "--subnet-id",
            "subnet-1",
            "--replicas",
            "0",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    // The deletes' dry runs: checked, printed, nothing sent.
    let deletes = api_calls(&bed, "DELETE", "/api/v0/");
    let dry = json_of(&ok(
        &bed,
        &["nodepool", "delete", &pool_id, "--dry-run", "-o", "json"],
    ));
    assert_eq!(
        dry["request"],
        format!("DELETE /api/v0/nodepools/{pool_id}")
    );
    let dry = json_of(&ok(
        &bed,
        &["cluster", "delete", &id, "--dry-run", "-o", "json"],
    ));
    assert_eq!(dry["request"], format!("DELETE /api/v0/clusters/{id}"));
    assert_eq!(api_calls(&bed, "DELETE", "/api/v0/"), deletes);
    ok(
        &bed,
        &[
            "nodepool",
            "delete",
            &pool_id,
            "--yes",
            "--watch",
            "--poll-interval",
            "0.05",
        ],
    );
    let listed = json_of(&ok(
        &bed,
        &["nodepool", "list", "--cluster-id", &id, "-o", "json"],
    ));
    assert_eq!(listed["total"], 0);

    ok(
        &bed,
        &[
            "cluster",
            "delete",
            &id,
            "--yes",
            "--watch",
            "--poll-interval",
            "0.05",
        ],
    );

    // logout: the config is gone, and commands need an API URL again.
    has(&text(&ok(&bed, &["logout"]).stdout), "Logged out");
    assert!(!config.exists());
    has(&text(&ok(&bed, &["logout"]).stdout), "Not logged in");
    assert_eq!(run(&bed, &["list", "clusters"]).status.code(), Some(2));
}

/// Runs `openssl` with `args` in `dir`.
fn openssl(dir: &std::path::Path, args: &[&str]) -> String {
    let out = Command::new("openssl")
        .current_dir(dir)
        .args(args)
        .output()
        .expect("openssl runs");
    assert!(
        out.status.success(),
        "openssl {args:?}: {}",
        text(&out.stderr)
    );
    text(&out.stdout)
}

/// A CA and a `localhost` certificate it signs, served by `openssl s_server` with the chain;
/// returns the server and its port.
fn tls_issuer(dir: &std::path::Path) -> (std::process::Child, u16) {
    openssl(
        dir,
        &[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "ca.key",
            "-out",
            "ca.pem",
            "-days",
            "2",
            "-subj",
            "/CN=rosa bed test CA",
        ],
    );
    openssl(
        dir,
        &[
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "leaf.key",
            "-out",
            "leaf.csr",
            "-subj",
            "/CN=localhost",
        ],
    );
    std::fs::write(
        dir.join("ext.cnf"),
        "subjectAltName=DNS:localhost\nbasicConstraints=critical,CA:FALSE\n",
    )
    .unwrap();
    openssl(
        dir,
        &[
            "x509",
            "-req",
            "-in",
            "leaf.csr",
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            "leaf.pem",
            "-days",
            "2",
            "-extfile",
            "ext.cnf",
        ],
    );
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let server = Command::new("openssl")
        .current_dir(dir)
        .args([
            "s_server",
            "-accept",
            &format!("127.0.0.1:{port}"),
            "-cert",
            "leaf.pem",
            "-key",
            "leaf.key",
            "-cert_chain",
            "ca.pem",
            "-www",
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Ready when it says so: s_server prints ACCEPT once it listens. Its output is read
    // to the end on a thread (a full pipe would stop it).
    let mut server = server;
    let mut out = std::io::BufReader::new(server.stdout.take().unwrap());
    loop {
        let mut line = String::new();
        let n = std::io::BufRead::read_line(&mut out, &mut line).unwrap();
        assert!(n > 0, "openssl s_server ended before it listened");
        if line.trim() == "ACCEPT" {
            break;
        }
    }
    std::thread::spawn(move || std::io::copy(&mut out, &mut std::io::sink()));
    (server, port)
}

#[test]
fn cluster_oidc_creates_the_provider_through_our_function_and_deletes_only_its_own() {
    let bed = TestBed::start();
    ok(
        &bed,
        &[
            "setup-account",
            "--yes",
            "--api-url",
            &bed.platform.base_url,
        ],
    );
    let dir = tempfile::tempdir().unwrap();
    let (mut server, port) = tls_issuer(dir.path());
    let ca_sha1 = openssl(
        dir.path(),
        &["x509", "-in", "ca.pem", "-noout", "-fingerprint", "-sha1"],
    );
    let expected = ca_sha1
        .trim()
        .rsplit('=')
        .next()
        .unwrap()
        .replace(':', "")
        .to_lowercase();
    let issuer = format!("https://localhost:{port}/cid0001");

    let create = |extra: &[&str]| {
        let mut cmd = rosactl(&bed);
        cmd.env("SSL_CERT_FILE", dir.path().join("ca.pem"))
            .args([
                "cluster-oidc",
                "create",
                "journey-2",
                "--oidc-issuer-url",
                &issuer,
                "-o",
                "json",
            ])
            .args(extra);
        let out = cmd.output().unwrap();
        assert!(out.status.success(), "{}", text(&out.stderr));
        json_of(&out)
    };
    let made = create(&[]);
    assert_eq!(made["status"], "created", "{made}");
    assert_eq!(
        made["thumbprint"],
        expected.as_str(),
        "the SHA-1 of the chain's last certificate (the CA)"
    );
    assert_eq!(
        made["client_ids"],
        serde_json::json!(["openshift", "sts.amazonaws.com"])
    );
    assert_eq!(made["cluster_id"], "cid0001");
    let arn = made["oidc_provider_arn"].as_str().unwrap().to_string();
    assert_eq!(
        arn,
        format!("arn:aws:iam::123456789012:oidc-provider/localhost:{port}/cid0001")
    );
    server.kill().unwrap();
    server.wait().unwrap();

    // Again (thumbprint given: the server is gone): nothing changes, no IAM write.
    bed.aws.clear_operations().unwrap();
    let again = create(&["--thumbprint", &expected.to_uppercase()]);
    assert_eq!(again["status"], "already_exists", "{again}");
    // The function tries to create first (that is what makes concurrent calls safe) and is
    // refused with EntityAlreadyExists; nothing is tagged, updated or added.
    let iam_writes: Vec<String> = bed
        .aws
        .writes()
        .into_iter()
        .filter(|w| w.starts_with("iam:"))
        .collect();
    assert_eq!(
        iam_writes,
        ["iam:CreateOpenIDConnectProvider"],
        "{iam_writes:?}"
    );
    // Without --thumbprint and with nothing listening: no thumbprint list (IAM uses its own
    // CAs), said so; the provider is kept as it is.
    let out = rosactl(&bed)
        .args([
            "cluster-oidc",
            "create",
            "journey-2",
            "--oidc-issuer-url",
            &issuer,
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    has(
        &format!("{}{}", text(&out.stdout), text(&out.stderr)),
        "created without a thumbprint list",
    );

    // Another cluster's name with this issuer (a paste slip): refused, naming whose it is,
    // before any write; the dry run says the same; a delete under the other name finds
    // nothing of its own.
    for extra in [&[][..], &["--dry-run"][..]] {
        bed.aws.clear_operations().unwrap();
        let out = rosactl(&bed)
            .args([
                "cluster-oidc",
                "create",
                "journey-3",
                "--oidc-issuer-url",
                &issuer,
            ])
            .args(["--thumbprint", &expected])
            .args(extra)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(1),
            "{extra:?}: {}",
            text(&out.stderr)
        );
        has(&text(&out.stderr), "is cluster journey-2's OIDC provider");
        assert_eq!(bed.aws.writes(), Vec::<String>::new());
    }
    has(
        &text(&ok(&bed, &["cluster-oidc", "delete", "journey-3", "--yes"]).stderr),
        "nothing to delete",
    );

    // A provider that is not ours is never deleted; ours is, once.
    let config = futures_lite_block(bed.sdk_config());
    let iam = aws_sdk_iam::Client::new(&config);
    let foreign = "https://token.actions.example.com/cid0002";
    futures_lite_block(
        iam.create_open_id_connect_provider()
            .url(foreign)
            .client_id_list("sts.amazonaws.com")
            .thumbprint_list("a".repeat(40))
            .send(),
    )
    .unwrap();
    let out = run(
        &bed,
        &[
            "cluster-oidc",
            "delete",
            "journey-2",
            "--oidc-issuer-url",
            foreign,
            "--yes",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    has(&text(&out.stderr), "rosactl does not delete it");
    let gone = json_of(&ok(
        &bed,
        &["cluster-oidc", "delete", "journey-2", "--yes", "-o", "json"],
    ));
    assert_eq!(gone["deleted"], serde_json::json!([arn]));
    let left = futures_lite_block(iam.list_open_id_connect_providers().send()).unwrap();
    assert_eq!(
        left.open_id_connect_provider_list().len(),
        1,
        "only the foreign one is left"
    );
    has(
        &text(&ok(&bed, &["cluster-oidc", "delete", "journey-2", "--yes"]).stderr),
        "nothing to delete",
    );
}

/// Runs a future to completion on a small runtime (the test itself is synchronous).
fn futures_lite_block<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(f)
}

#[test]
fn cluster_iam_refuses_without_the_managed_policies_and_writes_nothing() {
    let bed = TestBed::start();
    bed.aws.clear_operations().unwrap();
    let out = run(&bed, &["cluster-iam", "create", "journey-4", "--yes"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    has(
        &text(&out.stderr),
        "ROSAIngressOperatorPolicy does not exist in this account's partition",
    );
    assert!(bed.aws.writes().is_empty(), "{:?}", bed.aws.writes());
    let out = run(&bed, &["cluster-iam", "create", &"a".repeat(44)]);
    assert_eq!(out.status.code(), Some(2));
    has(&text(&out.stderr), "3 to 18");
}

/// Permissions someone added to a cluster's roles: `describe` reports them, `create` removes
/// them with a line saying why; an inline policy rosactl did not write makes `delete` refuse
/// before its first write, naming it; a foreign role in the worker profile is refused.
#[test]
fn cluster_iam_removes_extra_permissions_and_delete_refuses_on_a_foreign_inline_policy() {
    let bed = TestBed::with_managed_policies();
    let name = "review-1";
    ok(&bed, &["cluster-iam", "create", name]);
    let config = futures_lite_block(bed.sdk_config());
    let iam = aws_sdk_iam::Client::new(&config);
    let ingress = format!("{name}-ingress");
    let admin = "arn:aws:iam::aws:policy/AdministratorAccess";
    let star =
        r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#;
    let widen = |policy: &str| {
        futures_lite_block(async {
            iam.attach_role_policy()
                .role_name(&ingress)
                .policy_arn(admin)
                .send()
                .await
                .unwrap();
            iam.put_role_policy()
                .role_name(&ingress)
                .policy_name(policy)
                .policy_document(star)
                .send()
                .await
                .unwrap();
        })
    };
    widen("everything");
    let seen = json_of(&ok(&bed, &["cluster-iam", "describe", name, "-o", "json"]));
    let to_do = seen["to_do"].to_string();
    has(&to_do, &format!("detach {admin} from {ingress}"));
    has(
        &to_do,
        &format!("delete inline policy everything of {ingress}"),
    );
    bed.aws.clear_operations().unwrap();
    let out = ok(&bed, &["cluster-iam", "create", name]);
    has(&text(&out.stderr), "extra permissions are removed");
    let mut writes = bed.aws.writes();
    writes.sort();
    assert_eq!(
        writes,
        ["iam:DeleteRolePolicy", "iam:DetachRolePolicy"],
        "{writes:?}"
    );
    let (attached, inline) = futures_lite_block(async {
        (
            iam.list_attached_role_policies()
                .role_name(&ingress)
                .send()
                .await
                .unwrap(),
            iam.list_role_policies()
                .role_name(&ingress)
                .send()
                .await
                .unwrap(),
        )
    });
    let attached: Vec<&str> = attached
        .attached_policies()
        .iter()
        .filter_map(|p| p.policy_arn())
        .collect();
    assert_eq!(
        attached,
        ["arn:aws:iam::aws:policy/service-role/ROSAIngressOperatorPolicy"]
    );
    assert!(
        inline.policy_names().is_empty(),
        "{:?}",
        inline.policy_names()
    );

    // delete with a customer's inline policy on one role: refused before any write, named.
    widen("customer-audit");
    bed.aws.clear_operations().unwrap();
    let out = run(&bed, &["cluster-iam", "delete", name, "--yes"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    has(
        &text(&out.stderr),
        &format!("role {ingress} has inline policy customer-audit"),
    );
    has(&text(&out.stderr), "nothing was changed");
    assert_eq!(bed.aws.writes(), Vec::<String>::new());
    let roles = futures_lite_block(iam.list_roles().send()).unwrap();
    assert_eq!(
        roles
            .roles()
            .iter()
            .filter(|r| r.role_name().starts_with(name))
            .count(),
        8,
        "every role is still there"
    );
    // The dry run says the same and writes nothing either.
    let out = run(&bed, &["cluster-iam", "delete", name, "--dry-run"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    futures_lite_block(
        iam.delete_role_policy()
            .role_name(&ingress)
            .policy_name("customer-audit")
            .send(),
    )
    .unwrap();

    // A foreign role in the worker profile: create refuses, naming it, and writes nothing.
    let worker = format!("{name}-ROSA-Worker-Role");
    futures_lite_block(async {
        iam.create_role()
            .role_name("someone-else")
            .assume_role_policy_document(r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#)
            .send()
            .await
            .unwrap();
        iam.remove_role_from_instance_profile()
            .instance_profile_name(&worker)
            .role_name(&worker)
            .send()
            .await
            .unwrap();
        iam.add_role_to_instance_profile()
            .instance_profile_name(&worker)
            .role_name("someone-else")
            .send()
            .await
            .unwrap();
    });
    bed.aws.clear_operations().unwrap();
    let out = run(&bed, &["cluster-iam", "create", name]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    has(&text(&out.stderr), "holds role someone-else");
    assert_eq!(bed.aws.writes(), Vec::<String>::new());

    // The rest deletes (the detached AdministratorAccess included), and nothing is left.
    let gone = json_of(&ok(
        &bed,
        &["cluster-iam", "delete", name, "--yes", "-o", "json"],
    ));
    assert!(gone["steps"].as_array().unwrap().len() >= 8, "{gone}");
    let roles = futures_lite_block(iam.list_roles().send()).unwrap();
    let left: Vec<&str> = roles
        .roles()
        .iter()
        .map(|r| r.role_name())
        .filter(|r| r.starts_with(name))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

/// An issuer the Platform API answers is input like a flag: one that is not an issuer URL
/// never reaches a trust policy or a provider (exit 1, naming where it came from, no write).
#[test]
fn an_issuer_answered_by_the_platform_api_is_checked_before_it_is_used() {
    let bed = TestBed::with_managed_policies();
    ok(&bed, &["login", "--url", &bed.platform.base_url]);
    ok(&bed, &["cluster", "create", "journey-7"]);
    for bad in [
        "https://oidc.example.com/../../abc",
        "https://oidc.example.com/abc\"}],\"x\":\"",
        "https://oidc.example.com/a b",
    ] {
        bed.platform.set_issuer("journey-7", bad);
        for args in [
            &["cluster-iam", "create", "journey-7"][..],
            &[
                "cluster-oidc",
                "create",
                "journey-7",
                "--thumbprint",
                &"a".repeat(40),
            ][..],
        ] {
            bed.aws.clear_operations().unwrap();
            let out = run(&bed, args);
            assert_eq!(
                out.status.code(),
                Some(1),
                "{bad} {args:?}: {}",
                text(&out.stderr)
            );
            has(
                &text(&out.stderr),
                "the Platform API's oidc_issuer_url for cluster journey-7",
            );
            assert_eq!(bed.aws.writes(), Vec::<String>::new(), "{bad} {args:?}");
        }
    }
}

/// Runs `args` twice: the second run must succeed and make no AWS write.
/// `args` with the suite's `--region us-east-1`.
fn region<'a>(args: &[&'a str]) -> Vec<&'a str> {
    args.iter()
        .copied()
        .chain(["--region", "us-east-1"])
        .collect()
}

fn twice(bed: &TestBed, args: &[&str]) -> Value {
    let first = json_of(&ok(bed, args));
    bed.aws.clear_operations().unwrap();
    ok(bed, args);
    let writes = bed.aws.writes();
    assert!(writes.is_empty(), "{args:?} again wrote {writes:?}");
    first
}

/// The suite's sequence: help, login, cluster-vpc, cluster-iam, cluster create --output json,
/// cluster-oidc, Ready, kubeconfig and token, node pools, then every delete, and an inventory
/// through the SDK that finds nothing of ours left.
#[test]
fn the_platform_suites_journey_end_to_end_leaves_nothing_behind() {
    let bed = TestBed::with_managed_policies();
    ok(
        &bed,
        &[
            "setup-account",
            "--yes",
            "--api-url",
            &bed.platform.base_url,
        ],
    );
    has(&text(&ok(&bed, &["help"]).stdout), "Usage:");
    ok(&bed, &["login", "--url", &bed.platform.base_url]);
    // cluster-vpc create / cluster-iam create, each twice (the second writes nothing).
    let net = twice(
        &bed,
        &region(&[
            "cluster-vpc",
            "create",
            "journey-3",
            "--availability-zones",
            "us-east-1a",
            "-o",
            "json",
        ]),
    );
    let private = net["private_subnet_ids"][0].as_str().unwrap().to_string();
    let sg = net["worker_security_group_id"]
        .as_str()
        .unwrap()
        .to_string();
    let roles = twice(
        &bed,
        &region(&["cluster-iam", "create", "journey-3", "-o", "json"]),
    );
    assert!(
        roles["roles"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["exists"] == true),
        "{roles}"
    );
    let listed = json_of(&ok(&bed, &["cluster-iam", "list", "-o", "json"]));
    assert_eq!(
        listed["items"],
        serde_json::json!([{"cluster": "journey-3", "roles": 8}])
    );

    // cluster create finds both: rolesRef, VPC, private subnet and its zone.
    let cluster = json_of(&ok(
        &bed,
        &region(&["cluster", "create", "journey-3", "--output", "json"]),
    ));
    let id = cluster["id"].as_str().unwrap().to_string();
    let aws_spec = &cluster["spec"]["hostedCluster"]["platform"]["aws"];
    assert_eq!(
        aws_spec["rolesRef"].as_object().unwrap().len(),
        7,
        "{cluster}"
    );
    assert_eq!(
        aws_spec["rolesRef"]["storageARN"],
        "arn:aws:iam::123456789012:role/journey-3-ebs-csi"
    );
    assert_eq!(
        aws_spec["cloudProviderConfig"],
        serde_json::json!({"vpc": net["vpc_id"], "zone": "us-east-1a", "subnet": {"id": private}})
    );
    let issuer = cluster["oidc_issuer_url"].as_str().unwrap().to_string();

    // cluster-oidc create: our function makes the provider; the roles now trust it.
    let oidc = json_of(&ok(
        &bed,
        &region(&[
            "cluster-oidc",
            "create",
            "journey-3",
            "--oidc-issuer-url",
            &issuer,
            "--thumbprint",
            &"b".repeat(40),
            "-o",
            "json",
        ]),
    ));
    assert_eq!(
        oidc["client_ids"],
        serde_json::json!(["openshift", "sts.amazonaws.com"])
    );
    assert_eq!(oidc["roles_updated"], 7);
    let config = futures_lite_block(bed.sdk_config());
    let iam = aws_sdk_iam::Client::new(&config);
    let role = futures_lite_block(iam.get_role().role_name("journey-3-ingress").send())
        .unwrap()
        .role
        .unwrap();
    let trust = role.assume_role_policy_document.unwrap();
    let trust: Value = serde_json::from_str(&trust)
        .or_else(|_| serde_json::from_str(&urlencoding_decode(&trust)))
        .unwrap();
    let host_path = issuer.trim_start_matches("https://");
    let condition = &trust["Statement"][0]["Condition"]["StringEquals"];
    assert_eq!(condition[format!("{host_path}:aud")], "openshift");
    assert_eq!(
        condition[format!("{host_path}:sub")],
        "system:serviceaccount:openshift-ingress-operator:ingress-operator"
    );
    let described = json_of(&ok(
        &bed,
        &["cluster-iam", "describe", "journey-3", "-o", "json"],
    ));
    assert_eq!(described["to_do"], serde_json::json!([]), "{described}");
    bed.aws.clear_operations().unwrap();
    let again = json_of(&ok(
        &bed,
        &region(&[
            "cluster-oidc",
            "create",
            "journey-3",
            "--oidc-issuer-url",
            &issuer,
            "--thumbprint",
            &"b".repeat(40),
            "-o",
            "json",
        ]),
    ));
    assert_eq!(
        (again["status"].clone(), again["roles_updated"].clone()),
        (serde_json::json!("already_exists"), serde_json::json!(0))
    );

    // Ready (the suite polls /statuses), then the kubeconfig and its token. The stand-in's
    // phases move with time; moved on by three steps here, so one look must see Ready.
    bed.platform.advance(bed.platform.phase_step() * 3);
    let c = json_of(&ok(
        &bed,
        &["describe", "cluster", "journey-3", "-o", "json"],
    ));
    assert_eq!(c["status"]["phase"], "Ready", "{c}");
    check_kubeconfig_and_token(&bed, "journey-3", &id);

    // A node pool: subnet, instance profile and security group all found.
    let pool = json_of(&ok(
        &bed,
        &[
            "nodepool",
            "create",
            "workers",
            "--cluster-id",
            &id,
            "-o",
            "json",
        ],
    ));
    let platform = &pool["spec"]["nodePool"]["platform"]["aws"];
    assert_eq!(platform["subnet"]["id"], private.as_str());
    assert_eq!(platform["instanceProfile"], "journey-3-ROSA-Worker-Role");
    assert_eq!(platform["securityGroups"], serde_json::json!([{"id": sg}]));
    let pool_id = pool["id"].as_str().unwrap().to_string();
    assert_eq!(
        json_of(&ok(
            &bed,
            &["nodepool", "list", "--cluster-id", &id, "-o", "json"]
        ))["total"],
        1
    );
    ok(
        &bed,
        &[
            "nodepool",
            "delete",
            &pool_id,
            "--yes",
            "--watch",
            "--poll-interval",
            "0.05",
        ],
    );

    // Every delete, in the suite's order; then nothing of ours is left.
    ok(
        &bed,
        &[
            "cluster",
            "delete",
            &id,
            "--yes",
            "--watch",
            "--poll-interval",
            "0.05",
        ],
    );
    ok(&bed, &["cluster-oidc", "delete", "journey-3", "--yes"]);
    ok(&bed, &["cluster-vpc", "delete", "journey-3", "--yes"]);
    ok(&bed, &["cluster-iam", "delete", "journey-3", "--yes"]);
    let roles = futures_lite_block(iam.list_roles().send()).unwrap();
    let left: Vec<&str> = roles
        .roles()
        .iter()
        .map(|r| r.role_name())
        .filter(|n| n.starts_with("journey-3"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    assert!(
        futures_lite_block(iam.list_instance_profiles().send())
            .unwrap()
            .instance_profiles()
            .is_empty()
    );
    assert!(
        futures_lite_block(iam.list_open_id_connect_providers().send())
            .unwrap()
            .open_id_connect_provider_list()
            .is_empty()
    );
    let ec2 = aws_sdk_ec2::Client::new(&config);
    let tagged = aws_sdk_ec2::types::Filter::builder()
        .name("tag:rosa:cluster-name")
        .values("journey-3")
        .build();
    assert!(
        futures_lite_block(ec2.describe_vpcs().filters(tagged.clone()).send())
            .unwrap()
            .vpcs()
            .is_empty()
    );
    assert!(
        futures_lite_block(ec2.describe_subnets().filters(tagged.clone()).send())
            .unwrap()
            .subnets()
            .is_empty()
    );
    assert!(
        futures_lite_block(ec2.describe_addresses().send())
            .unwrap()
            .addresses()
            .is_empty()
    );
    assert!(
        futures_lite_block(
            ec2.describe_internet_gateways()
                .filters(tagged.clone())
                .send()
        )
        .unwrap()
        .internet_gateways()
        .is_empty()
    );
    assert!(
        futures_lite_block(ec2.describe_route_tables().filters(tagged.clone()).send())
            .unwrap()
            .route_tables()
            .is_empty()
    );
    assert!(
        futures_lite_block(ec2.describe_security_groups().filters(tagged).send())
            .unwrap()
            .security_groups()
            .is_empty()
    );
    let nats = futures_lite_block(ec2.describe_nat_gateways().send()).unwrap();
    assert!(
        nats.nat_gateways()
            .iter()
            .all(|n| n.state() == Some(&aws_sdk_ec2::types::NatGatewayState::Deleted))
    );
    let r53 = aws_sdk_route53::Client::new(&config);
    assert!(
        futures_lite_block(r53.list_hosted_zones().send())
            .unwrap()
            .hosted_zones()
            .is_empty()
    );
    assert_eq!(
        json_of(&ok(&bed, &["list", "clusters", "-o", "json"]))["total"],
        0
    );
    ok(&bed, &["logout"]);
}

fn urlencoding_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            if let Ok(v) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[test]
fn cluster_vpc_builds_a_network_our_verifier_passes_and_deletes_it_with_what_a_cluster_left() {
    let bed = TestBed::start();
    ok(
        &bed,
        &[
            "setup-account",
            "--yes",
            "--api-url",
            &bed.platform.base_url,
        ],
    );
    let create = [
        "cluster-vpc",
        "create",
        "journey-5",
        "--availability-zones",
        "us-east-1a,us-east-1b",
        "-o",
        "json",
    ];

    bed.aws.clear_operations().unwrap();
    let mut dry = create.to_vec();
    dry.push("--dry-run");
    let plan = json_of(&ok(&bed, &dry));
    assert_eq!(plan["steps"].as_array().unwrap().len(), 25, "{plan}");
    assert!(bed.aws.writes().is_empty(), "{:?}", bed.aws.writes());

    let made = json_of(&ok(&bed, &create));
    assert_eq!(made["changed"], true);
    let vpc = made["vpc_id"].as_str().unwrap().to_string();
    let private: Vec<String> = made["private_subnet_ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .collect();
    assert_eq!(private.len(), 2);
    assert!(
        made["worker_security_group_id"]
            .as_str()
            .unwrap()
            .starts_with("sg-")
    );
    assert!(made["hosted_zone_id"].as_str().is_some(), "{made}");

    // Again: nothing to change, no write.
    bed.aws.clear_operations().unwrap();
    let again = json_of(&ok(&bed, &create));
    assert_eq!(again["changed"], false, "{again}");
    assert_eq!(again["vpc_id"], vpc.as_str());
    assert!(bed.aws.writes().is_empty(), "{:?}", bed.aws.writes());
    let listed = json_of(&ok(&bed, &["cluster-vpc", "list", "-o", "json"]));
    assert_eq!(listed["items"][0]["cluster"], "journey-5");

    // Our own network verifier passes what cluster-vpc made.
    let dir = tempfile::tempdir().unwrap();
    let event = dir.path().join("network.json");
    std::fs::write(
        &event,
        serde_json::json!({"vpc_id": vpc, "subnet_ids": private}).to_string(),
    )
    .unwrap();
    let verdict = json_of(&ok(
        &bed,
        &[
            "test-lambda",
            "--name",
            "network-verifier",
            "--payload",
            event.to_str().unwrap(),
            "-o",
            "json",
        ],
    ));
    assert_eq!(verdict["proceed"], true, "{verdict}");

    // What a cluster leaves behind: an endpoint, a security group, a record.
    let config = futures_lite_block(bed.sdk_config());
    let ec2 = aws_sdk_ec2::Client::new(&config);
    futures_lite_block(
        ec2.create_vpc_endpoint()
            .vpc_id(&vpc)
            .service_name("com.amazonaws.us-east-1.s3")
            .vpc_endpoint_type(aws_sdk_ec2::types::VpcEndpointType::Gateway)
            .send(),
    )
    .unwrap();
    futures_lite_block(
        ec2.create_security_group()
            .group_name("k8s-elb-leftover")
            .description("left by a cluster")
            .vpc_id(&vpc)
            .send(),
    )
    .unwrap();
    let r53 = aws_sdk_route53::Client::new(&config);
    let zone = made["hosted_zone_id"].as_str().unwrap();
    let record = aws_sdk_route53::types::ResourceRecordSet::builder()
        .name("api.journey-5.hypershift.local.")
        .r#type(aws_sdk_route53::types::RrType::A)
        .ttl(60)
        .resource_records(
            aws_sdk_route53::types::ResourceRecord::builder()
                .value("10.0.128.10")
                .build()
                .unwrap(),
        )
        .build()
        .unwrap();
    futures_lite_block(
        r53.change_resource_record_sets()
            .hosted_zone_id(zone)
            .change_batch(
                aws_sdk_route53::types::ChangeBatch::builder()
                    .changes(
                        aws_sdk_route53::types::Change::builder()
                            .action(aws_sdk_route53::types::ChangeAction::Create)
                            .resource_record_set(record)
                            .build()
                            .unwrap(),
                    )
                    .build()
                    .unwrap(),
            )
            .send(),
    )
    .unwrap();

    let elb = aws_sdk_elasticloadbalancingv2::Client::new(&config);
    let public: Vec<String> = made["public_subnet_ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .collect();
    futures_lite_block(
        elb.create_load_balancer()
            .name("k8s-leftover")
            .set_subnets(Some(public))
            .send(),
    )
    .unwrap();

    // The worker group admits the leftover group (as Kubernetes' cloud provider does for a
    // load balancer's group): the plan revokes that rule before deleting either group.
    let worker_sg = made["worker_security_group_id"]
        .as_str()
        .unwrap()
        .to_string();
    let leftover_sg = futures_lite_block(
        ec2.describe_security_groups()
            .filters(
                aws_sdk_ec2::types::Filter::builder()
                    .name("group-name")
                    .values("k8s-elb-leftover")
                    .build(),
            )
            .send(),
    )
    .unwrap()
    .security_groups()[0]
        .group_id()
        .unwrap()
        .to_string();
    futures_lite_block(
        ec2.authorize_security_group_ingress()
            .group_id(&worker_sg)
            .ip_permissions(
                aws_sdk_ec2::types::IpPermission::builder()
                    .ip_protocol("tcp")
                    .from_port(30000)
                    .to_port(32767)
                    .user_id_group_pairs(
                        aws_sdk_ec2::types::UserIdGroupPair::builder()
                            .group_id(&leftover_sg)
                            .build(),
                    )
                    .build(),
            )
            .send(),
    )
    .unwrap();
    // A classic load balancer in the VPC (seen as its interface): refused before any write,
    // named, dry run included.
    let classic = futures_lite_block(
        ec2.create_network_interface()
            .subnet_id(&private[0])
            .description("ELB a1b2c3k8sclassic")
            .send(),
    )
    .unwrap()
    .network_interface()
    .unwrap()
    .network_interface_id()
    .unwrap()
    .to_string();
    for extra in ["--yes", "--dry-run"] {
        bed.aws.clear_operations().unwrap();
        let out = run(&bed, &["cluster-vpc", "delete", "journey-5", extra]);
        assert_eq!(out.status.code(), Some(1), "{extra}: {}", text(&out.stderr));
        has(
            &text(&out.stderr),
            "classic load balancer a1b2c3k8sclassic is in the VPC",
        );
        assert!(bed.aws.writes().is_empty(), "{:?}", bed.aws.writes());
    }
    futures_lite_block(
        ec2.delete_network_interface()
            .network_interface_id(&classic)
            .send(),
    )
    .unwrap();
    // The dry run: every step, the revocation before the group deletions, nothing written.
    bed.aws.clear_operations().unwrap();
    let plan = json_of(&ok(
        &bed,
        &[
            "cluster-vpc",
            "delete",
            "journey-5",
            "--dry-run",
            "-o",
            "json",
        ],
    ));
    assert!(bed.aws.writes().is_empty(), "{:?}", bed.aws.writes());
    let actions: Vec<&str> = plan["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["action"].as_str().unwrap())
        .collect();
    let revoke = actions
        .iter()
        .position(|a| *a == "revoke_group_references")
        .expect("a revocation is planned");
    assert_eq!(plan["steps"][revoke]["id"], worker_sg.as_str());
    assert_eq!(
        plan["steps"][revoke]["names"],
        serde_json::json!([leftover_sg])
    );
    assert!(
        actions[..revoke]
            .iter()
            .all(|a| *a != "delete_security_group"),
        "{actions:?}"
    );
    assert_eq!(*actions.last().unwrap(), "delete_vpc", "{actions:?}");

    // Route 53 is global: the same name in another region finds no network there (the zone
    // is tied to this VPC), deletes nothing, and a network made there gets a zone of its own.
    bed.aws.clear_operations().unwrap();
    has(
        &text(
            &ok(
                &bed,
                &[
                    "cluster-vpc",
                    "delete",
                    "journey-5",
                    "--region",
                    "us-west-2",
                    "--yes",
                ],
            )
            .stderr,
        ),
        "nothing to delete",
    );
    assert!(bed.aws.writes().is_empty(), "{:?}", bed.aws.writes());
    let west = json_of(&ok(
        &bed,
        &[
            "cluster-vpc",
            "create",
            "journey-5",
            "--region",
            "us-west-2",
            "--availability-zones",
            "us-west-2a",
            "--single-nat-gateway",
            "-o",
            "json",
        ],
    ));
    let west_zone = west["hosted_zone_id"].as_str().unwrap().to_string();
    assert_ne!(west_zone, zone, "{west}");
    let west_gone = json_of(&ok(
        &bed,
        &[
            "cluster-vpc",
            "delete",
            "journey-5",
            "--region",
            "us-west-2",
            "--yes",
            "-o",
            "json",
        ],
    ));
    has(
        &west_gone["removed"].to_string(),
        &format!("deleted hosted zone {west_zone}"),
    );
    assert!(
        !west_gone["removed"].to_string().contains(zone),
        "{west_gone}"
    );
    futures_lite_block(r53.get_hosted_zone().id(zone).send())
        .expect("the first region's zone is kept");

    // The first group the plan deletes is still in use once (DependencyViolation): the
    // other goes meanwhile, and it goes in the next round.
    bed.aws
        .inject_fault("ec2:DeleteSecurityGroup", 400, "DependencyViolation", 1)
        .unwrap();
    // Delete says what it removed, and leaves nothing of ours.
    let gone = json_of(&ok(
        &bed,
        &["cluster-vpc", "delete", "journey-5", "--yes", "-o", "json"],
    ));
    let line_of = |id: &str| {
        gone["removed"]
            .as_array()
            .unwrap()
            .iter()
            .position(|l| {
                l.as_str()
                    .unwrap()
                    .starts_with(&format!("deleted security group {id}"))
            })
            .unwrap_or_else(|| panic!("{id} deleted: {gone}"))
    };
    let (first, second) = if worker_sg < leftover_sg {
        (&worker_sg, &leftover_sg)
    } else {
        (&leftover_sg, &worker_sg)
    };
    assert!(
        line_of(second) < line_of(first),
        "the blocked group went last: {gone}"
    );
    let removed = gone["removed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap().to_string())
        .collect::<Vec<_>>()
        .join("\n");
    has(
        &removed,
        "deleted record api.journey-5.hypershift.local. A (left by the cluster)",
    );
    has(&removed, "deleted VPC endpoints");
    has(
        &removed,
        "deleted load balancer k8s-leftover (left by the cluster)",
    );
    let lbs = futures_lite_block(elb.describe_load_balancers().send()).unwrap();
    assert!(lbs.load_balancers().is_empty());
    has(&removed, "(left by the cluster)");
    has(&removed, &format!("deleted VPC {vpc}"));
    let vpcs = futures_lite_block(ec2.describe_vpcs().vpc_ids(&vpc).send());
    assert!(
        vpcs.map(|v| v.vpcs().is_empty()).unwrap_or(true),
        "the VPC is gone"
    );
    let subnets = futures_lite_block(
        ec2.describe_subnets()
            .filters(
                aws_sdk_ec2::types::Filter::builder()
                    .name("vpc-id")
                    .values(&vpc)
                    .build(),
            )
            .send(),
    )
    .unwrap();
    assert!(subnets.subnets().is_empty());
    let addresses = futures_lite_block(ec2.describe_addresses().send()).unwrap();
    assert!(
        addresses.addresses().is_empty(),
        "{:?}",
        addresses.addresses()
    );
    let zones = futures_lite_block(r53.list_hosted_zones().send()).unwrap();
    assert!(zones.hosted_zones().is_empty());
    has(
        &text(&ok(&bed, &["cluster-vpc", "delete", "journey-5", "--yes"]).stderr),
        "nothing to delete",
    );
}

#[test]
fn discovery_is_a_convenience_that_never_blocks_a_create() {
    let bed = TestBed::start();
    ok(&bed, &["login", "--url", &bed.platform.base_url]);
    // A caller who may not read IAM or EC2: cluster create still sends, and says why it
    // could not look.
    bed.aws
        .inject_fault("iam:GetRole", 403, "AccessDenied", 100)
        .unwrap();
    bed.aws
        .inject_fault("ec2:DescribeVpcs", 403, "UnauthorizedOperation", 100)
        .unwrap();
    let out = ok(
        &bed,
        &["cluster", "create", "journey-6", "--output", "json"],
    );
    let stderr = text(&out.stderr);
    has(
        &stderr,
        "could not look for cluster journey-6's operator roles",
    );
    has(&stderr, "could not look for cluster journey-6's network");
    assert_eq!(json_of(&out)["name"], "journey-6");
}
