//! Many regions and accounts: two regions of one account share the global execution roles
//! without undoing each other, and fleets (`--org`, `--fleet FILE`) run the per-account
//! engine in every target: an organization of 12 active accounts (and a closed one) in two
//! regions, set up, re-run with zero writes, promoted in waves that stop on a failing target,
//! rolled back, resumed; a target whose role cannot be assumed is a failed row.

mod common;
use common::{VARIANT, json_of, outcome, text};

use std::process::{Command, Output};

use rosa_testbed::TestBed;
use rosa_testbed::platform::INVOKER_ARN;
use serde_json::{Value, json};

const FUNCTIONS: [&str; 3] = [
    "rosa-oidc-provisioner",
    "rosa-preflight-checker",
    "rosa-network-verifier",
];

fn rosactl(bed: &TestBed, region: &str) -> Command {
    // No Platform API: registration is skipped (each region would need its own), the
    // invoker is given.
    let mut cmd = common::rosactl_in(bed, region);
    cmd.env_remove(VARIANT).env_remove("ROSACTL_API_URL");
    cmd
}

fn run(bed: &TestBed, region: &str, args: &[&str]) -> Output {
    rosactl(bed, region).args(args).output().unwrap()
}

fn ok(o: Output) -> Output {
    assert!(o.status.success(), "{}", outcome(&o));
    o
}

/// Writes other than invocations (a run's validation) and sts:AssumeRole (a fleet's way in).
fn account_writes(bed: &TestBed) -> Vec<String> {
    bed.aws
        .writes()
        .into_iter()
        .filter(|op| !op.ends_with("/invocations") && op != "sts:AssumeRole")
        .collect()
}

fn role_tags(inv: &Value, name: &str) -> Value {
    inv["iam"]["roles"][format!("{name}-execution")]["tags"].clone()
}

#[test]
fn two_regions_share_the_execution_roles_without_undoing_each_other() {
    let bed = TestBed::start();
    let east = "us-east-1";
    let west = "us-west-2";
    let setup = ["setup-account", "--yes", "--invoker-role-arn", INVOKER_ARN];
    ok(run(&bed, east, &setup));
    ok(run(
        &bed,
        west,
        &[&setup[..], &["--tracing", "active"]].concat(),
    ));
    // Each region's re-run changes nothing, in either order.
    for region in [east, west, east] {
        bed.aws.clear_operations().unwrap();
        ok(run(&bed, region, &[&setup[..], &["-o", "json"]].concat()));
        assert_eq!(
            account_writes(&bed),
            Vec::<String>::new(),
            "re-run in {region}"
        );
        let st = run(&bed, region, &["status", "--check", "-o", "json"]);
        assert_eq!(
            st.status.code(),
            Some(0),
            "status in {region}: {}",
            outcome(&st)
        );
    }
    // The roles record both regions, and the traced one; the policy names no region and has
    // X-Ray while a region traces.
    let c = tokio::runtime::Runtime::new().unwrap();
    let iam = c.block_on(async { aws_sdk_iam::Client::new(&bed.sdk_config().await) });
    let policy_of = |name: &str| -> Value {
        c.block_on(async {
            let doc = iam
                .get_role_policy()
                .role_name(format!("{name}-execution"))
                .policy_name(format!("{name}-execution"))
                .send()
                .await
                .unwrap()
                .policy_document;
            rosactl::deploy::names::parse_policy(&doc).unwrap()
        })
    };
    let tags_of = |name: &str| -> Vec<(String, String)> {
        c.block_on(async {
            let mut t: Vec<(String, String)> = iam
                .list_role_tags()
                .role_name(format!("{name}-execution"))
                .send()
                .await
                .unwrap()
                .tags
                .into_iter()
                .map(|t| (t.key, t.value))
                .filter(|(k, _)| k.ends_with("regions"))
                .collect();
            t.sort();
            t
        })
    };
    for name in FUNCTIONS {
        assert_eq!(
            tags_of(name),
            vec![
                (
                    "rosa:regions".to_string(),
                    "us-east-1 us-west-2".to_string()
                ),
                ("rosa:traced-regions".to_string(), "us-west-2".to_string()),
            ]
        );
        let p = policy_of(name).to_string();
        assert!(
            p.contains(&format!(
                "arn:aws:logs:*:123456789012:log-group:/aws/lambda/{name}:*"
            )),
            "{p}"
        );
        assert!(p.contains("xray:PutTraceSegments"), "{p}");
    }

    // cleanup-account in the west keeps the roles (the east uses them) and drops X-Ray.
    let out = ok(run(&bed, west, &["cleanup-account", "--yes", "-o", "json"]));
    let doc = json_of(&out);
    assert!(doc.to_string().contains("is kept"), "{doc}");
    for name in FUNCTIONS {
        assert_eq!(
            tags_of(name),
            vec![
                ("rosa:regions".to_string(), "us-east-1".to_string()),
                ("rosa:traced-regions".to_string(), String::new()),
            ]
        );
        assert!(!policy_of(name).to_string().contains("xray:"));
    }
    bed.aws.clear_operations().unwrap();
    let st = run(&bed, east, &["status", "--check", "-o", "json"]);
    assert_eq!(st.status.code(), Some(0), "{}", outcome(&st));
    ok(run(
        &bed,
        east,
        &["test-lambda", "--name", "preflight-checker", "-o", "json"],
    ));
    ok(run(&bed, east, &setup));
    assert_eq!(account_writes(&bed), Vec::<String>::new());

    // A role written by an earlier rosactl (one region in its log statement, no record) is
    // brought over by the next run: the policy and the record, once.
    for name in FUNCTIONS {
        let mut old = policy_of(name);
        for s in old["Statement"].as_array_mut().unwrap() {
            if s["Sid"] == "OwnLogGroup" {
                s["Resource"] = json!(format!(
                    "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/{name}:*"
                ));
            }
        }
        c.block_on(async {
            iam.put_role_policy()
                .role_name(format!("{name}-execution"))
                .policy_name(format!("{name}-execution"))
                .policy_document(old.to_string())
                .send()
                .await
                .unwrap();
            iam.untag_role()
                .role_name(format!("{name}-execution"))
                .tag_keys("rosa:regions")
                .tag_keys("rosa:traced-regions")
                .send()
                .await
                .unwrap();
        });
    }
    bed.aws.clear_operations().unwrap();
    ok(run(&bed, east, &setup));
    let mut w = account_writes(&bed);
    w.sort();
    assert_eq!(
        w,
        [
            vec!["iam:PutRolePolicy".to_string(); 3],
            vec!["iam:TagRole".to_string(); 3]
        ]
        .concat()
    );
    bed.aws.clear_operations().unwrap();
    ok(run(&bed, east, &setup));
    assert_eq!(account_writes(&bed), Vec::<String>::new());

    // The last region's cleanup deletes the roles.
    ok(run(&bed, east, &["cleanup-account", "--yes"]));
    let inv = common::inventory_of(&bed);
    for name in FUNCTIONS {
        assert_eq!(role_tags(&inv, name), Value::Null, "{name}'s role is gone");
    }
}

/// The report's rows by outcome.
fn rows<'a>(doc: &'a Value, outcome: &str) -> Vec<&'a Value> {
    doc["targets"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["outcome"] == outcome)
        .collect()
}

#[test]
fn an_organization_is_set_up_promoted_in_waves_and_resumed() {
    let bed = TestBed::start();
    // 13 members, one closed; the management account (the operator's) is left out.
    // The last 3 under an organizational unit (one of them in a unit nested in it).
    let (members, ou) = bed.aws.create_organization_with_ou(13, 1, 3).unwrap();
    let ou = ou.unwrap();
    let closed = members[0].clone();
    let active: Vec<String> = members[1..].to_vec();
    assert_eq!(active.len(), 12);
    let regions = "us-east-1,us-west-2";
    let org = ["--org", "--exclude", "123456789012", "--regions", regions];
    // The command (args[0]) across the organization, then its own flags.
    let go = |variant: Option<&str>, args: &[&str]| -> Output {
        let mut cmd = rosactl(&bed, "us-east-1");
        if let Some(v) = variant {
            cmd.env(VARIANT, v);
        }
        cmd.arg(args[0])
            .args(org)
            .args(&args[1..])
            .output()
            .unwrap()
    };

    // Setup in 12 accounts x 2 regions.
    let out = go(
        None,
        &[
            "setup-account",
            "--invoker-role-arn",
            INVOKER_ARN,
            "--concurrency",
            "8",
            "--yes",
            "-o",
            "json",
        ],
    );
    let doc = json_of(&out);
    assert!(out.status.success(), "{}", outcome(&out));
    assert_eq!(doc["totals"]["targets"], 24, "{doc}");
    assert_eq!(doc["totals"]["changed"], 24, "{doc}");
    let ran: std::collections::BTreeSet<String> = doc["targets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["account_id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        ran,
        active.iter().cloned().collect(),
        "active accounts only, not {closed}"
    );
    // Every account was really written, in both regions, with its own credentials.
    let by_account = bed.aws.requests_by_account().unwrap();
    for a in &active {
        for r in ["us-east-1", "us-west-2"] {
            assert!(
                by_account
                    .iter()
                    .any(|(op, acct, reg)| op == "lambda:POST /2015-03-31/functions"
                        && acct == a
                        && reg == r),
                "no CreateFunction in {a}/{r}"
            );
        }
    }
    // The re-run changes nothing anywhere.
    bed.aws.clear_operations().unwrap();
    let out = go(
        None,
        &[
            "setup-account",
            "--invoker-role-arn",
            INVOKER_ARN,
            "--yes",
            "-o",
            "json",
        ],
    );
    let doc = json_of(&out);
    assert!(out.status.success(), "{}", outcome(&out));
    assert_eq!(doc["totals"]["ok"], 24, "{doc}");
    assert_eq!(account_writes(&bed), Vec::<String>::new());

    // A new release to staging everywhere, then prod in waves: 1, 25% (6), rest.
    let out = go(Some("v2"), &["update-lambdas", "--yes", "-o", "json"]);
    assert!(out.status.success(), "{}", outcome(&out));
    assert_eq!(json_of(&out)["totals"]["changed"], 24);
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("rollout.json");
    let progress = progress.to_str().unwrap();
    // The targets are in account order, east then west: wave 2 is targets 2..8. Its fourth
    // target's account fails every prod move in us-east-1 and us-west-2.
    let mut sorted = active.clone();
    sorted.sort();
    let bad = sorted[2].clone(); // targets 5 and 6 (wave 2)
    bed.aws
        .inject_fault_spec(&json!({
            "match": "lambda:PUT /2015-03-31/functions/.*/aliases/prod",
            // Refused as a service control policy would (not retried).
            "status": 403, "code": "AccessDeniedException", "count": 1000, "account": bad,
        }))
        .unwrap();
    let promote = |extra: &[&str]| -> Output {
        let mut args = vec![
            "promote-lambdas",
            "--waves",
            "1,25%,rest",
            "--progress",
            progress,
            "--concurrency",
            "1",
            "--yes",
            "-o",
            "json",
        ];
        args.extend_from_slice(extra);
        go(Some("v2"), &args)
    };
    let out = promote(&[]);
    assert_eq!(out.status.code(), Some(1), "{}", outcome(&out));
    let doc = json_of(&out);
    let failed = rows(&doc, "failed");
    assert_eq!(failed.len(), 1, "{doc}");
    assert_eq!(failed[0]["account_id"], bad.as_str());
    assert_eq!(failed[0]["wave"], 2);
    assert_eq!(doc["targets"][0]["outcome"], "failed", "failed rows first");
    // With one target at a time, the rollout stopped at the failure: the rest of wave 2 and
    // all of wave 3 did not start.
    let skipped = rows(&doc, "skipped");
    assert_eq!(skipped.len(), 24 - 1 - 3 - 1, "{doc}");
    assert!(skipped.iter().all(|r| r["wave"] != 1));
    assert_eq!(doc["waves"][0]["state"], "done");
    assert_eq!(doc["waves"][1]["state"], "failed");
    let moved = doc["waves"][1]["moved"].as_array().unwrap().len();
    assert_eq!(
        moved, 3,
        "wave 2 moved prod in its 3 targets before the failing one: {doc}"
    );
    let recorded: Value = serde_json::from_slice(&std::fs::read(progress).unwrap()).unwrap();
    assert_eq!(recorded["waves"].as_array().unwrap().len(), 2);
    // Without --resume, the recorded failure is not started over.
    let again = promote(&[]);
    assert_eq!(again.status.code(), Some(2), "{}", outcome(&again));
    assert!(text(&again.stderr).contains("--resume"));

    // The failed wave rolled back with one command: only the targets it moved.
    bed.aws.clear_operations().unwrap();
    let out = go(
        None,
        &[
            "rollback-lambdas",
            "--last-wave",
            "--progress",
            progress,
            "--yes",
            "-o",
            "json",
        ],
    );
    assert!(out.status.success(), "{}", outcome(&out));
    let doc = json_of(&out);
    assert_eq!(doc["totals"]["targets"], 3, "{doc}");
    assert_eq!(doc["totals"]["changed"], 3, "{doc}");
    let moves = bed
        .aws
        .requests_by_account()
        .unwrap()
        .into_iter()
        .filter(|(op, _, _)| op.contains("/aliases/prod") && op.starts_with("lambda:PUT"))
        .count();
    assert_eq!(moves, 9, "3 targets x 3 functions");

    // Fixed: --resume promotes from wave 2 on; wave 1 is not run again.
    bed.aws.clear_faults().unwrap();
    bed.aws.clear_operations().unwrap();
    let out = promote(&["--resume"]);
    assert!(out.status.success(), "{}", outcome(&out));
    let doc = json_of(&out);
    assert_eq!(doc["totals"]["failed"], 0, "{doc}");
    assert_eq!(doc["totals"]["changed"], 23, "{doc}");
    let first = &doc["targets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["wave"] == 1)
        .unwrap();
    assert_eq!(first["outcome"], "ok");
    assert_eq!(first["exit_code"], Value::Null, "wave 1 was not run again");
    let st = go(Some("v2"), &["status", "--check", "-o", "json"]);
    assert_eq!(st.status.code(), Some(0), "{}", outcome(&st));
    assert_eq!(json_of(&st)["totals"]["ok"], 24);

    // --ou: the unit's accounts and its child unit's, in the current region.
    let out = run(
        &bed,
        "us-east-1",
        &["status", "--org", "--ou", &ou, "-o", "json"],
    );
    assert!(out.status.success(), "{}", outcome(&out));
    let doc = json_of(&out);
    let mut ids: Vec<&str> = doc["targets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["account_id"].as_str().unwrap())
        .collect();
    ids.sort();
    let mut want: Vec<&str> = members[10..].iter().map(String::as_str).collect();
    want.sort();
    assert_eq!(ids, want, "{doc}");
    assert!(
        doc["targets"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["region"] == "us-east-1")
    );
}

#[test]
fn a_fleet_file_target_that_cannot_be_reached_is_a_failed_row() {
    let bed = TestBed::start();
    let members = bed.aws.create_organization(2, 0).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("fleet.yaml");
    std::fs::write(
        &file,
        format!(
            "regions: [us-east-1]\ntargets:\n  - name: reachable\n    role_arn: arn:aws:iam::{}:role/RosaDeploy\n  - name: denied\n    role_arn: arn:aws:iam::{}:role/RosaDeploy\n    regions: [us-east-1, eu-west-1]\n",
            members[0], members[1]
        ),
    )
    .unwrap();
    bed.aws
        .inject_fault_spec(&json!({
            "match": "sts:AssumeRole", "status": 403, "code": "AccessDenied", "count": 10,
            "body": format!("RoleArn=arn:aws:iam::{}:", members[1]),
        }))
        .unwrap();
    let mut cmd = rosactl(&bed, "us-east-1");
    cmd.env_remove("ROSACTL_API_URL");
    let out = cmd
        .args([
            "setup-account",
            "--fleet",
            file.to_str().unwrap(),
            "--invoker-role-arn",
            INVOKER_ARN,
            "--yes",
            "-o",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", outcome(&out));
    let doc = json_of(&out);
    assert_eq!(doc["totals"]["targets"], 3, "{doc}");
    assert_eq!(doc["totals"]["failed"], 2);
    assert_eq!(doc["totals"]["changed"], 1);
    for r in &doc["targets"].as_array().unwrap()[..2] {
        assert_eq!(r["label"], "denied");
        assert!(r["error"].as_str().unwrap().contains("AccessDenied"), "{r}");
    }
    assert!(
        text(&out.stderr).contains("denied/us-east-1"),
        "{}",
        outcome(&out)
    );
    let assumed: Vec<String> = bed
        .aws
        .operations()
        .unwrap()
        .into_iter()
        .filter(|op| op == "sts:AssumeRole")
        .collect();
    assert_eq!(
        assumed.len(),
        2,
        "one AssumeRole per account, not per region"
    );
    // The bed's caller is moto's default user, arn:aws:sts::123456789012:user/moto.
    assert_eq!(
        bed.aws.assumed_sessions().unwrap(),
        vec!["rosactl-fleet-moto"; 2],
        "the session names rosactl and the caller"
    );

    // Bad input: named, exit 2, nothing called.
    std::fs::write(
        &file,
        "targets:\n  - profile: a\n    role_arn: arn:aws:iam::111122223333:role/R\n",
    )
    .unwrap();
    bed.aws.clear_operations().unwrap();
    let mut cmd = rosactl(&bed, "us-east-1");
    let out = cmd
        .args(["status", "--fleet", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", outcome(&out));
    assert!(text(&out.stderr).contains("targets[0]: expected either profile or role_arn"));
    for (args, want) in [
        (
            vec!["status", "--org", "--regions", "us-east-1,nowhere"],
            "--regions: expected an AWS region",
        ),
        (
            vec!["status", "--regions", "us-east-1"],
            "--regions: only with --fleet",
        ),
        (
            vec!["promote-lambdas", "--waves", "1,rest"],
            "--waves: only with --fleet",
        ),
        (
            vec!["promote-lambdas", "--org", "--waves", "1,0"],
            "--waves",
        ),
        (
            vec!["status", "--org", "--exclude", "12"],
            "--exclude: expected 12-digit",
        ),
    ] {
        let out = run(&bed, "us-east-1", &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", outcome(&out));
        assert!(
            text(&out.stderr).contains(want),
            "{args:?}: {}",
            outcome(&out)
        );
    }
    assert!(
        bed.aws.writes().is_empty(),
        "bad input wrote: {:?}",
        bed.aws.writes()
    );
}
