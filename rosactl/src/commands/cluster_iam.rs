//! `rosactl cluster-iam create|delete|list|describe NAME`: arguments in, the IAM layer
//! ([`crate::cluster::iam`]) called, its answer rendered.

use serde::Serialize;
use serde_json::{Value, json};

use crate::aws::Aws;
use crate::cli::{ClusterIamArgs, ClusterIamDeleteArgs, ClusterIamDescribeArgs};
use crate::cluster::iam::{
    self, Desired, MAX_NAME, Observed, desired, observe, plan_create, plan_delete, summary,
};
use crate::cluster::{Outcome, check_name};
use crate::confirm::confirm_named;
use crate::exit::{Exit, Failure};
use crate::output::{Format, Output, print_table, table};
use crate::platform::Platform;
use crate::settings::Settings;

/// The issuer of cluster `name`: the flag, else the OIDC provider tagged as its, else the
/// Platform API's answer; `None` while unknown.
pub async fn find_issuer(
    global: &Settings,
    aws: &Aws,
    name: &str,
    flag: Option<&str>,
) -> anyhow::Result<Option<String>> {
    if let Some(url) = flag {
        return Ok(Some(url.trim_end_matches('/').to_string()));
    }
    if let Some(url) = crate::cluster::oidc::provider_issuer_of(aws, name).await? {
        return Ok(Some(url));
    }
    let Some(platform) = Platform::connect(global, aws).await? else {
        return Ok(None);
    };
    match platform.api.find_cluster_by_name(name).await {
        Ok(Some(c)) => match c.issuer_url() {
            Some(issuer) => {
                crate::cluster::oidc::checked_answer(name, issuer)?;
                Ok(Some(issuer.to_string()))
            }
            None => Ok(None),
        },
        _ => Ok(None),
    }
}

#[derive(Serialize)]
struct RoleRow {
    role: String,
    arn: String,
    policies: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    roles_ref: Option<&'static str>,
    exists: bool,
}

fn rows(t: &Desired, seen: &Observed) -> Vec<RoleRow> {
    t.roles
        .iter()
        .map(|r| RoleRow {
            role: r.name.clone(),
            // The role's own ARN when it exists (its path is the one it was created with).
            arn: seen
                .roles
                .get(&r.name)
                .map_or_else(|| r.arn.clone(), |s| s.arn.clone()),
            policies: r.managed.clone(),
            roles_ref: r.roles_ref,
            exists: seen.roles.contains_key(&r.name),
        })
        .collect()
}

fn check_cluster_name(name: &str) -> Result<(), Failure> {
    check_name(name).map_err(|e| Failure::usage(e.message.replacen("--name", "NAME", 1)))?;
    if name.len() > MAX_NAME {
        return Err(Failure::usage(format!(
            "NAME: at most {MAX_NAME} characters for cluster-iam (role names such as {name}-node-pool-management must fit IAM's 64), got {} ({name:?})",
            name.len()
        )));
    }
    Ok(())
}

pub async fn create(out: &Output, global: &Settings, args: &ClusterIamArgs) -> anyhow::Result<()> {
    check_cluster_name(&args.name)?;
    if let Some(url) = &args.oidc_issuer_url {
        crate::cluster::oidc::parse_issuer(url)?;
    }
    args.rules.flags().check()?;
    let aws = Aws::load(global).await?;
    // The account's rules and the cluster's issuer do not depend on each other: read at once.
    let flags = args.rules.flags();
    let (rules, issuer) = tokio::join!(
        cluster_rules(out, global, &aws, &flags),
        find_issuer(global, &aws, &args.name, args.oidc_issuer_url.as_deref())
    );
    let (rules, issuer) = (rules?, issuer?);
    let t = desired(
        &args.name,
        issuer.as_deref(),
        aws.partition(),
        &aws.account_id,
    )
    .with_rules(&rules);
    let say = |line: &str| out.say(format!("{}: {line}", t.cluster));
    let (steps, seen) = iam::converge(&aws, &t, args.dry_run, &say).await?;
    let report = json!({
        "cluster": t.cluster,
        "oidc_issuer_url": t.issuer,
        "dry_run": args.dry_run,
        "changed": !args.dry_run && !steps.is_empty(),
        "steps": steps,
        "roles": rows(&t, &seen),
        "instance_profile": t.roles.last().map(|r| r.name.clone()),
    });
    if out.format != Format::Table {
        return out.document(&report);
    }
    println!(
        "{}",
        Outcome::of(args.dry_run, steps.len()).line("cluster-iam create", &t.cluster)
    );
    if args.dry_run {
        for s in &steps {
            println!("  {}", summary(s));
        }
        return Ok(());
    }
    show_roles(&t, &seen);
    if t.issuer.is_none() {
        println!(
            "The cluster's issuer is not known yet: the operator roles trust nobody until `rosactl cluster-oidc create {}` (or `cluster-iam create {} --oidc-issuer-url URL`).",
            t.cluster, t.cluster
        );
    }
    Ok(())
}

/// The rules for a cluster's resources: the flags over what `setup-account` recorded in the
/// account (not found or not readable: the flags alone, with a warning).
pub async fn cluster_rules(
    out: &Output,
    global: &Settings,
    aws: &Aws,
    flags: &crate::deploy::rules::RuleFlags,
) -> anyhow::Result<crate::deploy::rules::AccountRules> {
    let recorded = match crate::deploy::recorded_rules(aws, global).await {
        Ok(r) => r,
        Err(e) => {
            out.say(format!(
                "warning: the account's recorded rules (boundary, role path, tags) could not be read, so only the flags apply: {}",
                e.message
            ));
            None
        }
    };
    let base = recorded.unwrap_or_else(crate::deploy::rules::AccountRules::standard);
    // A cluster's roles may have a path of their own: they are not setup-account's roles.
    Ok(flags.over(base, aws.partition(), false)?)
}

fn show_roles(t: &Desired, seen: &Observed) {
    let mut tab = table(&["ROLE", "ROLESREF", "POLICY", "EXISTS"]);
    for r in rows(t, seen) {
        tab.add_row(vec![
            r.role,
            r.roles_ref.unwrap_or("(worker)").to_string(),
            r.policies
                .iter()
                .map(|p| p.rsplit('/').next().unwrap_or(p))
                .collect::<Vec<_>>()
                .join(", "),
            if r.exists { "yes" } else { "NO" }.to_string(),
        ]);
    }
    print_table(&tab);
}

pub async fn delete(
    out: &Output,
    global: &Settings,
    args: &ClusterIamDeleteArgs,
) -> anyhow::Result<()> {
    check_cluster_name(&args.name)?;
    let aws = Aws::load(global).await?;
    let t = desired(&args.name, None, aws.partition(), &aws.account_id);
    let seen = observe(&aws, &t, false).await?;
    let (steps, kept) = plan_delete(&t, &seen).map_err(|refused| {
        Failure::new(
            Exit::Failed,
            format!(
                "cluster-iam delete {}: refused, nothing was changed:\n{}",
                t.cluster,
                refused.join("\n")
            ),
        )
    })?;
    for k in &kept {
        out.say(format!("note: {k}"));
    }
    if !args.dry_run && !steps.is_empty() {
        confirm_named(
            out,
            global.yes,
            &format!(
                "Delete the IAM roles of cluster {} ({} steps)?",
                t.cluster,
                steps.len()
            ),
        )?;
        let say = |line: &str| out.say(format!("{}: {line}", t.cluster));
        iam::apply_all(&aws, &t, &steps, "cluster-iam delete", "finish", &say).await?;
    }
    if out.format != Format::Table {
        return out.document(&json!({"cluster": t.cluster, "dry_run": args.dry_run, "steps": steps, "left_alone": kept}));
    }
    if steps.is_empty() {
        println!("No IAM roles of cluster {} to delete.", t.cluster);
    } else if args.dry_run {
        println!(
            "{}",
            Outcome::DryRun(steps.len()).line("cluster-iam delete", &t.cluster)
        );
        for s in &steps {
            println!("  {}", summary(s));
        }
    } else {
        println!(
            "Deleted the IAM roles of cluster {} ({} steps).",
            t.cluster,
            steps.len()
        );
    }
    Ok(())
}

pub async fn describe_roles(
    out: &Output,
    global: &Settings,
    args: &ClusterIamDescribeArgs,
) -> anyhow::Result<()> {
    check_cluster_name(&args.name)?;
    let aws = Aws::load(global).await?;
    let issuer = find_issuer(global, &aws, &args.name, args.oidc_issuer_url.as_deref()).await?;
    let t = desired(
        &args.name,
        issuer.as_deref(),
        aws.partition(),
        &aws.account_id,
    );
    let seen = observe(&aws, &t, false).await?;
    let drift = match plan_create(&t, &seen) {
        Ok(steps) => steps.iter().map(summary).collect::<Vec<_>>(),
        Err(refused) => refused,
    };
    if out.format != Format::Table {
        return out.document(&json!({"cluster": t.cluster, "oidc_issuer_url": t.issuer, "roles": rows(&t, &seen), "to_do": drift}));
    }
    show_roles(&t, &seen);
    for d in &drift {
        println!("to do: {d}");
    }
    Ok(())
}

pub async fn list(out: &Output, global: &Settings) -> anyhow::Result<()> {
    let aws = Aws::load(global).await?;
    let clusters = iam::list(&aws).await?;
    if out.format != Format::Table {
        let items: Vec<Value> = clusters
            .iter()
            .map(|(c, n)| json!({"cluster": c, "roles": n}))
            .collect();
        return out.document(&json!({"items": items}));
    }
    if clusters.is_empty() {
        println!("No cluster roles made by rosactl in this account.");
        return Ok(());
    }
    let mut tab = table(&["CLUSTER", "ROLES"]);
    for (c, n) in &clusters {
        tab.add_row(vec![c.clone(), format!("{n} of {}", iam::ROLES)]);
    }
    print_table(&tab);
    Ok(())
}
