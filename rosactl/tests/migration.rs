//! `migrate-account` and `test-migration` on an account that runs ROSA HCP the legacy way
//! (OIDC providers, account roles, operator roles, with the tags and trust ROSA uses), built
//! with the AWS SDK in the test bed. The legacy setup is snapshotted through the SDK before and
//! after: rosactl never changes it.

mod common;
use common::{json_of, outcome, run};

use std::collections::BTreeMap;

use rosa_testbed::TestBed;
use serde_json::{Value, json};

const ACCOUNT: &str = "123456789012";
const ISSUER: &str = "oidc.op1.openshiftapps.com/2abc";
const OLD_ISSUER: &str = "oidc.op1.openshiftapps.com/2old";
const GONE_ISSUER: &str = "oidc.op1.openshiftapps.com/2gone";
const GITHUB: &str = "token.actions.githubusercontent.com";

fn provider_arn(issuer: &str) -> String {
    format!("arn:aws:iam::{ACCOUNT}:oidc-provider/{issuer}")
}

fn tags(pairs: &[(&str, &str)]) -> Vec<aws_sdk_iam::types::Tag> {
    pairs
        .iter()
        .map(|(k, v)| {
            aws_sdk_iam::types::Tag::builder()
                .key(*k)
                .value(*v)
                .build()
                .unwrap()
        })
        .collect()
}

fn operator_trust(issuer: &str, namespace: &str, sa: &str) -> String {
    json!({
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Principal": {"Federated": provider_arn(issuer)},
            "Action": "sts:AssumeRoleWithWebIdentity",
            "Condition": {"StringEquals": {format!("{issuer}:sub"): format!("system:serviceaccount:{namespace}:{sa}")}},
        }],
    })
    .to_string()
}

/// A ROSA HCP account as the `rosa` CLI leaves it: two Red Hat OIDC providers (one whose
/// cluster is gone), the three HCP account roles, operator roles of one cluster (one of them
/// trusting a provider that no longer exists), plus a GitHub Actions provider and role that
/// are not ROSA's.
async fn build_legacy(iam: &aws_sdk_iam::Client) {
    for issuer in [ISSUER, OLD_ISSUER] {
        iam.create_open_id_connect_provider()
            .url(format!("https://{issuer}"))
            .client_id_list("openshift")
            .client_id_list("sts.amazonaws.com")
            .thumbprint_list("a9d53002e97e00e043244f3d170d6f4c414104fd")
            .set_tags(Some(tags(&[("red-hat-managed", "true")])))
            .send()
            .await
            .unwrap();
    }
    iam.create_open_id_connect_provider()
        .url(format!("https://{GITHUB}"))
        .client_id_list("sts.amazonaws.com")
        .thumbprint_list("6938fd4d98bab03faadb97b34396831e3780aea1")
        .send()
        .await
        .unwrap();
    let account_roles = [
        (
            "ManagedOpenShift-HCP-ROSA-Installer-Role",
            "installer",
            json!({"AWS": "arn:aws:iam::710019948333:role/RH-Managed-OpenShift-Installer"}),
        ),
        (
            "ManagedOpenShift-HCP-ROSA-Support-Role",
            "support",
            json!({"AWS": "arn:aws:iam::710019948333:role/RH-Technical-Support-Access"}),
        ),
        (
            "ManagedOpenShift-HCP-ROSA-Worker-Role",
            "instance_worker",
            json!({"Service": "ec2.amazonaws.com"}),
        ),
    ];
    for (name, kind, principal) in account_roles {
        let trust = json!({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": principal, "Action": "sts:AssumeRole"}]});
        iam.create_role()
            .role_name(name)
            .assume_role_policy_document(trust.to_string())
            .set_tags(Some(tags(&[
                ("red-hat-managed", "true"),
                ("rosa_role_prefix", "ManagedOpenShift"),
                ("rosa_role_type", kind),
                ("rosa_hcp_policies", "true"),
            ])))
            .send()
            .await
            .unwrap();
    }
    iam.attach_role_policy()
        .role_name("ManagedOpenShift-HCP-ROSA-Worker-Role")
        .policy_arn("arn:aws:iam::aws:policy/service-role/ROSAWorkerInstancePolicy")
        .send()
        .await
        .unwrap();
    for (name, issuer, namespace, sa) in [
        (
            "mycluster-openshift-ingress-operator-cloud-credentials",
            ISSUER,
            "openshift-ingress-operator",
            "cloud-credentials",
        ),
        (
            "mycluster-kube-system-capa-controller-manager",
            ISSUER,
            "kube-system",
            "capa-controller-manager",
        ),
        (
            "mycluster-openshift-image-registry-installer-cloud-credentials",
            GONE_ISSUER,
            "openshift-image-registry",
            "installer-cloud-credentials",
        ),
    ] {
        iam.create_role()
            .role_name(name)
            .assume_role_policy_document(operator_trust(issuer, namespace, sa))
            .set_tags(Some(tags(&[
                ("red-hat-managed", "true"),
                ("rosa_cluster_id", "2abc"),
                ("operator_namespace", namespace),
                ("operator_name", sa),
            ])))
            .send()
            .await
            .unwrap();
    }
    iam.attach_role_policy()
        .role_name("mycluster-openshift-ingress-operator-cloud-credentials")
        .policy_arn("arn:aws:iam::aws:policy/service-role/ROSAIngressOperatorPolicy")
        .send()
        .await
        .unwrap();
    iam.create_role()
        .role_name("github-actions-deploy")
        .assume_role_policy_document(
            json!({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Federated": provider_arn(GITHUB)}, "Action": "sts:AssumeRoleWithWebIdentity"}]}).to_string(),
        )
        .send()
        .await
        .unwrap();
}

/// Every provider and every role of the account, as the SDK reads them (rosactl's excluded).
async fn snapshot(iam: &aws_sdk_iam::Client) -> BTreeMap<String, String> {
    let mut snap = BTreeMap::new();
    for p in iam
        .list_open_id_connect_providers()
        .send()
        .await
        .unwrap()
        .open_id_connect_provider_list()
    {
        let arn = p.arn().unwrap();
        let got = iam
            .get_open_id_connect_provider()
            .open_id_connect_provider_arn(arn)
            .send()
            .await
            .unwrap();
        if got.tags().iter().any(|t| t.key() == "rosa:managed-by") {
            continue;
        }
        snap.insert(
            arn.to_string(),
            format!(
                "{:?} {:?} {:?} {:?} {:?}",
                got.url(),
                got.client_id_list(),
                got.thumbprint_list(),
                got.create_date(),
                got.tags()
            ),
        );
    }
    for r in iam.list_roles().send().await.unwrap().roles() {
        let name = r.role_name();
        let role = iam
            .get_role()
            .role_name(name)
            .send()
            .await
            .unwrap()
            .role
            .unwrap();
        if role.tags().iter().any(|t| t.key() == "rosa:managed-by") {
            continue;
        }
        let attached = iam
            .list_attached_role_policies()
            .role_name(name)
            .send()
            .await
            .unwrap();
        let inline = iam
            .list_role_policies()
            .role_name(name)
            .send()
            .await
            .unwrap();
        snap.insert(
            name.to_string(),
            format!(
                "{:?} {:?} {:?} {:?}",
                role.assume_role_policy_document(),
                role.tags(),
                attached.attached_policies(),
                inline.policy_names()
            ),
        );
    }
    snap
}

fn check_rows(v: &Value) -> BTreeMap<String, (bool, String)> {
    v["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["check"].as_str().unwrap().to_string(),
                (
                    c["ok"] == true,
                    c["detail"].as_str().unwrap_or_default().to_string(),
                ),
            )
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn migrating_a_rosa_hcp_account_leaves_its_legacy_setup_intact() {
    let bed = TestBed::with_managed_policies();
    let config = bed.sdk_config().await;
    let iam = aws_sdk_iam::Client::new(&config);
    let lambda = aws_sdk_lambda::Client::new(&config);
    build_legacy(&iam).await;
    let before = snapshot(&iam).await;

    // The dry run: the inventory and the plan, nothing changed.
    bed.aws.clear_operations().unwrap();
    let o = run(&bed, &["migrate-account", "--dry-run", "-o", "json"]);
    assert!(o.status.success(), "{}", outcome(&o));
    assert_eq!(bed.aws.writes(), Vec::<String>::new(), "the dry run wrote");
    let dry = json_of(&o);
    assert_eq!(dry["dry_run"], true);
    assert!(!dry["steps"].as_array().unwrap().is_empty());
    let inv = &dry["inventory"];
    let urls: Vec<&str> = inv["providers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["url"].as_str().unwrap())
        .collect();
    assert_eq!(urls.len(), 2, "{inv}");
    assert!(urls.iter().all(|u| !u.contains("github")), "{urls:?}");
    let roles: BTreeMap<&str, &str> = inv["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["name"].as_str().unwrap(), r["kind"].as_str().unwrap()))
        .collect();
    assert_eq!(roles.len(), 6, "{roles:?}");
    assert_eq!(
        roles["ManagedOpenShift-HCP-ROSA-Installer-Role"],
        "installer"
    );
    assert_eq!(
        roles["ManagedOpenShift-HCP-ROSA-Worker-Role"],
        "instance_worker"
    );
    assert_eq!(
        roles["mycluster-openshift-ingress-operator-cloud-credentials"],
        "operator"
    );
    assert!(!roles.contains_key("github-actions-deploy"));
    let broken = inv["broken"].to_string();
    assert!(
        broken.contains("mycluster-openshift-image-registry-installer-cloud-credentials")
            && broken.contains(GONE_ISSUER),
        "{broken}"
    );
    assert!(
        broken.contains(OLD_ISSUER) && broken.contains("not trusted"),
        "{broken}"
    );
    // The table form says the same to a person.
    let o = run(&bed, &["migrate-account", "--dry-run"]);
    assert!(o.status.success(), "{}", outcome(&o));
    assert!(
        outcome(&o).contains("mycluster-kube-system-capa-controller-manager"),
        "{}",
        outcome(&o)
    );

    // The migration: deployed as setup-account does, the legacy setup untouched.
    let o = run(&bed, &["migrate-account", "--yes", "-o", "json"]);
    assert!(o.status.success(), "{}", outcome(&o));
    let done = json_of(&o);
    assert_eq!(done["changed"], true);
    assert_eq!(done["inventory"]["roles"].as_array().unwrap().len(), 6);
    assert_eq!(snapshot(&iam).await, before, "the legacy setup changed");
    assert!(run(&bed, &["status", "--check"]).status.success());

    let o = run(&bed, &["test-migration", "-o", "json"]);
    assert!(o.status.success(), "{}", outcome(&o));
    let rows = check_rows(&json_of(&o));
    assert!(rows.values().all(|(ok, _)| *ok), "{rows:?}");
    // deployment, 3 functions, permission, registration, inventory, 2 providers, 6 roles
    assert_eq!(rows.len(), 15, "{rows:?}");

    // A function deleted behind rosactl's back: test-migration fails and says which.
    lambda
        .delete_function()
        .function_name("rosa-network-verifier")
        .send()
        .await
        .unwrap();
    let o = run(&bed, &["test-migration", "-o", "json"]);
    assert_eq!(o.status.code(), Some(1), "{}", outcome(&o));
    let rows = check_rows(&json_of(&o));
    let failed: Vec<&String> = rows
        .iter()
        .filter(|(_, (ok, _))| !ok)
        .map(|(k, _)| k)
        .collect();
    assert!(
        failed.iter().any(|c| c.contains("rosa-network-verifier")),
        "{failed:?}"
    );
    assert!(run(&bed, &["setup-account", "--yes"]).status.success());
    assert!(run(&bed, &["test-migration"]).status.success());

    // A provider a role still trusts is not removed.
    bed.aws.clear_operations().unwrap();
    let o = run(
        &bed,
        &[
            "migrate-account",
            "--remove-legacy-oidc",
            &format!("https://{ISSUER}"),
            "--yes",
        ],
    );
    assert_eq!(o.status.code(), Some(2), "{}", outcome(&o));
    assert!(
        outcome(&o).contains("mycluster-openshift-ingress-operator-cloud-credentials"),
        "{}",
        outcome(&o)
    );
    assert_eq!(bed.aws.writes(), Vec::<String>::new());
    // Any role trusting it blocks the removal, ROSA's or not: a customer's workload role,
    // and an operator role rosactl made (the inventory counts neither). The dry run says so
    // too; neither writes.
    for (role, tagged) in [("payments-api", false), ("oldcluster-ingress", true)] {
        let mut create = iam
            .create_role()
            .role_name(role)
            .assume_role_policy_document(operator_trust(OLD_ISSUER, "payments", "api"));
        if tagged {
            create = create.set_tags(Some(tags(&[
                ("rosa:managed-by", "rosactl"),
                ("rosa:cluster-name", "oldcluster"),
            ])));
        }
        create.send().await.unwrap();
    }
    for extra in [&["--yes"][..], &["--dry-run"][..]] {
        bed.aws.clear_operations().unwrap();
        let o = run(
            &bed,
            &[
                &["migrate-account", "--remove-legacy-oidc", OLD_ISSUER][..],
                extra,
            ]
            .concat(),
        );
        assert_eq!(o.status.code(), Some(2), "{extra:?}: {}", outcome(&o));
        assert!(
            outcome(&o).contains("2 role(s) still trust it: oldcluster-ingress, payments-api"),
            "{}",
            outcome(&o)
        );
        assert_eq!(bed.aws.writes(), Vec::<String>::new());
    }
    for role in ["payments-api", "oldcluster-ingress"] {
        iam.delete_role().role_name(role).send().await.unwrap();
    }
    bed.aws.clear_operations().unwrap();
    let o = run(
        &bed,
        &[
            "migrate-account",
            "--remove-legacy-oidc",
            OLD_ISSUER,
            "--dry-run",
        ],
    );
    assert!(o.status.success(), "{}", outcome(&o));
    assert!(
        outcome(&o).contains("dry run, nothing was changed"),
        "{}",
        outcome(&o)
    );
    assert_eq!(bed.aws.writes(), Vec::<String>::new());
    // One nobody trusts is, after confirmation, and test-migration still passes.
    let o = run(
        &bed,
        &["migrate-account", "--remove-legacy-oidc", OLD_ISSUER],
    );
    assert_eq!(
        o.status.code(),
        Some(4),
        "no --yes off a terminal: {}",
        outcome(&o)
    );
    let o = run(
        &bed,
        &[
            "migrate-account",
            "--remove-legacy-oidc",
            OLD_ISSUER,
            "--yes",
        ],
    );
    assert!(o.status.success(), "{}", outcome(&o));
    let left: Vec<String> = iam
        .list_open_id_connect_providers()
        .send()
        .await
        .unwrap()
        .open_id_connect_provider_list()
        .iter()
        .filter_map(|p| p.arn().map(String::from))
        .collect();
    assert!(!left.contains(&provider_arn(OLD_ISSUER)), "{left:?}");
    assert!(left.contains(&provider_arn(ISSUER)), "{left:?}");
    let o = run(&bed, &["test-migration"]);
    assert!(o.status.success(), "{}", outcome(&o));

    // A legacy provider removed behind rosactl's back: test-migration fails, naming it.
    iam.delete_open_id_connect_provider()
        .open_id_connect_provider_arn(provider_arn(ISSUER))
        .send()
        .await
        .unwrap();
    let o = run(&bed, &["test-migration", "-o", "json"]);
    assert_eq!(o.status.code(), Some(1), "{}", outcome(&o));
    let rows = check_rows(&json_of(&o));
    let (ok, detail) = &rows[&format!("legacy OIDC provider https://{ISSUER}")];
    assert!(!ok && detail.contains("missing"), "{detail}");
}

#[test]
fn remove_legacy_oidc_names_what_it_expects() {
    let bed = TestBed::start();
    for (issuer, says) in [
        ("", "--remove-legacy-oidc"),
        ("https://", "--remove-legacy-oidc"),
        ("oidc.example.com/none", "no legacy OIDC provider"),
    ] {
        let o = run(
            &bed,
            &["migrate-account", "--remove-legacy-oidc", issuer, "--yes"],
        );
        assert!(!o.status.success(), "{issuer:?}: {}", outcome(&o));
        assert!(outcome(&o).contains(says), "{issuer:?}: {}", outcome(&o));
    }
    let o = run(&bed, &["migrate-account", "--mode", "manual", "--out", "x"]);
    assert_eq!(o.status.code(), Some(2), "{}", outcome(&o));
    assert!(outcome(&o).contains("--mode manual"), "{}", outcome(&o));
    // test-migration on an account never migrated: failed rows, exit 1, no panic.
    let o = run(&bed, &["test-migration"]);
    assert_eq!(o.status.code(), Some(1), "{}", outcome(&o));
    assert!(outcome(&o).contains("migrate-account"), "{}", outcome(&o));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_name_setup_needs_held_by_a_legacy_resource_is_refused_before_any_change() {
    let bed = TestBed::start();
    let iam = aws_sdk_iam::Client::new(&bed.sdk_config().await);
    iam.create_role()
        .role_name("rosa-preflight-checker-execution")
        .assume_role_policy_document(
            json!({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}).to_string(),
        )
        .send()
        .await
        .unwrap();
    for args in [
        &["migrate-account", "--dry-run"][..],
        &["migrate-account", "--yes"][..],
    ] {
        bed.aws.clear_operations().unwrap();
        let o = run(&bed, args);
        assert!(!o.status.success(), "{args:?}: {}", outcome(&o));
        assert!(
            outcome(&o).contains("rosa-preflight-checker-execution"),
            "{args:?}: {}",
            outcome(&o)
        );
        assert_eq!(bed.aws.writes(), Vec::<String>::new(), "{args:?}");
    }
}
