//! `rosactl cluster-vpc create|delete|list|describe NAME`: arguments in, the network layer
//! ([`crate::cluster::network`]) called, its answer rendered.

use serde::Serialize;
use serde_json::json;

use crate::aws::Aws;
use crate::cli::{ClusterVpcArgs, ClusterVpcDeleteArgs, ClusterVpcNameArgs};
use crate::cluster::network::{self, Desired, Observed, Removal, Step};
use crate::cluster::{Outcome, check_name};
use crate::confirm::confirm_named;
use crate::exit::Failure;
use crate::output::{Format, Output, print_table, table};
use crate::settings::Settings;

#[derive(Serialize)]
struct Report {
    cluster: String,
    dry_run: bool,
    changed: bool,
    steps: Vec<Step>,
    vpc_id: Option<String>,
    public_subnet_ids: Vec<String>,
    private_subnet_ids: Vec<String>,
    availability_zones: Vec<String>,
    worker_security_group_id: Option<String>,
    hosted_zone_id: Option<String>,
}

fn report(t: &Desired, seen: &Observed, steps: Vec<Step>, dry_run: bool) -> Report {
    Report {
        cluster: t.cluster.clone(),
        dry_run,
        changed: !dry_run && !steps.is_empty(),
        steps,
        vpc_id: seen.vpc.clone(),
        public_subnet_ids: (0..t.zones.len())
            .filter_map(|i| seen.subnets.get(&t.public(i)).cloned())
            .collect(),
        private_subnet_ids: (0..t.zones.len())
            .filter_map(|i| seen.subnets.get(&t.private(i)).cloned())
            .collect(),
        availability_zones: t.zones.clone(),
        worker_security_group_id: seen.sg.as_ref().map(|(id, _)| id.clone()),
        hosted_zone_id: seen.zone.clone(),
    }
}

fn show(r: &Report) {
    println!("VPC:              {}", r.vpc_id.as_deref().unwrap_or("-"));
    println!("Zones:            {}", r.availability_zones.join(", "));
    println!("Public subnets:   {}", r.public_subnet_ids.join(", "));
    println!("Private subnets:  {}", r.private_subnet_ids.join(", "));
    println!(
        "Worker SG:        {}",
        r.worker_security_group_id.as_deref().unwrap_or("-")
    );
    println!(
        "Hosted zone:      {}",
        r.hosted_zone_id.as_deref().unwrap_or("-")
    );
}

fn name_arg(name: &str) -> Result<(), Failure> {
    check_name(name).map_err(|e| Failure::usage(e.message.replacen("--name", "NAME", 1)))
}

pub async fn create(out: &Output, global: &Settings, args: &ClusterVpcArgs) -> anyhow::Result<()> {
    // The flags are checked before any AWS call, against the region when it is known here.
    let region_hint = global
        .region
        .clone()
        .or_else(|| std::env::var("AWS_REGION").ok())
        .unwrap_or_default();
    if !region_hint.is_empty() {
        network::desired(
            &args.name,
            &args.availability_zones,
            &args.vpc_cidr,
            args.single_nat_gateway,
            &region_hint,
        )?;
    }
    let flags = crate::deploy::rules::RuleFlags {
        tags: args.tags.clone(),
        ..Default::default()
    };
    flags.check()?;
    let aws = Aws::load(global).await?;
    let mut t = network::desired(
        &args.name,
        &args.availability_zones,
        &args.vpc_cidr,
        args.single_nat_gateway,
        &aws.region,
    )?;
    t.tags = super::cluster_iam::cluster_rules(out, global, &aws, &flags)
        .await?
        .tags;
    // Like `cluster create`, creating asks nothing; deleting asks.
    let say = |line: &str| out.say(format!("{}: {line}", t.cluster));
    let (steps, seen) = network::converge(&aws, &t, args.dry_run, &say).await?;
    let outcome = Outcome::of(args.dry_run, steps.len());
    let r = report(&t, &seen, steps, args.dry_run);
    if out.format != Format::Table {
        return out.document(&r);
    }
    println!("{}", outcome.line("cluster-vpc create", &t.cluster));
    if args.dry_run {
        for s in &r.steps {
            println!("  {}", network::summary(&t, s));
        }
        return Ok(());
    }
    show(&r);
    Ok(())
}

pub async fn delete(
    out: &Output,
    global: &Settings,
    args: &ClusterVpcDeleteArgs,
) -> anyhow::Result<()> {
    name_arg(&args.name)?;
    let aws = Aws::load(global).await?;
    let Some((seen, left, steps)) = network::plan_teardown(&aws, &args.name).await? else {
        out.say(format!(
            "no network of cluster {} in {} of this account: nothing to delete",
            args.name, aws.region
        ));
        if out.format != Format::Table {
            return out.document(
                &json!({"cluster": args.name, "dry_run": args.dry_run, "steps": [], "removed": []}),
            );
        }
        return Ok(());
    };
    if args.dry_run {
        if out.format != Format::Table {
            return out.document(
                &json!({"cluster": args.name, "dry_run": true, "steps": steps, "removed": []}),
            );
        }
        println!(
            "{}",
            Outcome::DryRun(steps.len()).line("cluster-vpc delete", &args.name)
        );
        for s in &steps {
            println!("  {}", network::removal_summary(s));
        }
        return Ok(());
    }
    confirm_named(
        out,
        global.yes,
        &format!(
            "Delete the network of cluster {} (VPC {}) and what a cluster left in it ({} steps)?",
            args.name,
            seen.vpc.as_deref().unwrap_or("-"),
            steps.len()
        ),
    )?;
    if args.no_wait {
        let detached =
            crate::detach::continue_detached(&format!("cluster-vpc-delete-{}", args.name))?;
        if out.format != Format::Table {
            return out.document(&json!({"cluster": args.name, "status": "deleting", "pid": detached.pid, "log": detached.log}));
        }
        println!(
            "{}: deleting the network in the background (pid {}; log {}); run `rosactl cluster-vpc delete {}` again to check it is gone",
            args.name,
            detached.pid,
            detached.log.display(),
            args.name
        );
        return Ok(());
    }
    let say = |line: &str| out.say(format!("{}: {line}", args.name));
    let removed: Vec<String> = network::remove_all(&aws, &args.name, &left, &steps, &say).await?;
    if out.format != Format::Table {
        let steps: &[Removal] = &steps;
        return out.document(
            &json!({"cluster": args.name, "dry_run": false, "steps": steps, "removed": removed}),
        );
    }
    println!(
        "Deleted the network of cluster {} ({} steps).",
        args.name,
        removed.len()
    );
    Ok(())
}

pub async fn describe_network(
    out: &Output,
    global: &Settings,
    args: &ClusterVpcNameArgs,
) -> anyhow::Result<()> {
    name_arg(&args.name)?;
    let aws = Aws::load(global).await?;
    let (t, seen) = network::observed(&aws, &args.name).await?;
    let r = report(&t, &seen, Vec::new(), false);
    if out.format != Format::Table {
        return out.document(&r);
    }
    if r.vpc_id.is_none() {
        println!(
            "No network of cluster {} in this account: `rosactl cluster-vpc create {} --availability-zones ...`",
            args.name, args.name
        );
        return Ok(());
    }
    show(&r);
    Ok(())
}

pub async fn list(out: &Output, global: &Settings) -> anyhow::Result<()> {
    let aws = Aws::load(global).await?;
    let rows = network::list(&aws).await?;
    if out.format != Format::Table {
        let items: Vec<_> = rows
            .iter()
            .map(|(c, v, cidr)| json!({"cluster": c, "vpc_id": v, "cidr": cidr}))
            .collect();
        return out.document(&json!({"items": items}));
    }
    if rows.is_empty() {
        println!("No cluster networks made by rosactl in this region.");
        return Ok(());
    }
    let mut tab = table(&["CLUSTER", "VPC", "CIDR"]);
    for (c, v, cidr) in rows {
        tab.add_row(vec![c, v, cidr]);
    }
    print_table(&tab);
    Ok(())
}
