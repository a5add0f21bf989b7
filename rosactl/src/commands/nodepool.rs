//! `rosactl nodepool create|list|describe|delete`: the contract's node-pool routes. A node
//! pool's subnet defaults to the cluster's own (its `cloudProviderConfig`), its instance
//! profile to the worker profile `cluster-iam create` made for the cluster, its security group
//! to the worker group `cluster-vpc create` made; creating a pool
//! whose name the cluster already has sends nothing (a re-run changes nothing).

use rosa_platform_client::models::{NodePool, NodePoolCreateRequest};
use serde_json::{Value, json};

use super::cluster::{poll, resolve};
use crate::aws::Aws;
use crate::cli::{
    NodePoolCreateArgs, NodePoolDeleteArgs, NodePoolDescribeArgs, NodePoolListArgs,
    NodePoolUpdateArgs,
};
use crate::cluster::check_pool_name;
use crate::confirm::confirm_named;
use crate::exit::{Exit, Failure};
use crate::output::{Format, Output, print_table, table};
use crate::platform::{Platform, failure};
use crate::settings::Settings;

fn check_prefixed(flag: &str, prefix: &str, value: &str) -> Result<(), Failure> {
    let rest = value.strip_prefix(prefix).unwrap_or_default();
    if !rest.is_empty()
        && rest.len() <= 32
        && rest
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    {
        Ok(())
    } else {
        Err(Failure::usage(format!(
            "{flag}: expected an id like {prefix}0123456789abcdef0, got {value:?}"
        )))
    }
}

/// The request `nodepool create` sends, from its flags and the cluster's spec.
/// What `cluster-iam` and `cluster-vpc` made for the cluster, used where no flag says.
#[derive(Debug, Default)]
pub struct Found {
    pub instance_profile: Option<String>,
    pub security_group: Option<String>,
}

pub fn build_request(
    args: &NodePoolCreateArgs,
    cluster_id: &str,
    cluster_spec: &Value,
    found: &Found,
) -> Result<NodePoolCreateRequest, Failure> {
    check_pool_name(&args.name)?;
    if args.replicas < 1 {
        return Err(Failure::usage(format!(
            "--replicas: expected at least 1, got {}",
            args.replicas
        )));
    }
    let instance_ok = args.instance_type.split_once('.').is_some_and(|(f, s)| {
        !f.is_empty()
            && !s.is_empty()
            && args
                .instance_type
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
    });
    if !instance_ok {
        return Err(Failure::usage(format!(
            "--instance-type: expected an EC2 instance type such as m6a.xlarge, got {:?}",
            args.instance_type
        )));
    }
    let subnet = match &args.subnet_id {
        Some(s) => {
            check_prefixed("--subnet-id", "subnet-", s)?;
            s.clone()
        }
        None => cluster_spec["hostedCluster"]["platform"]["aws"]["cloudProviderConfig"]["subnet"]
            ["id"]
            .as_str()
            .map(String::from)
            .ok_or_else(|| {
                Failure::usage(format!(
                    "--subnet-id: cluster {cluster_id} names no subnet in its spec (cloudProviderConfig.subnet.id): pass the private subnet the nodes run in"
                ))
            })?,
    };
    for sg in &args.security_groups {
        check_prefixed("--security-groups", "sg-", sg)?;
    }
    let mut aws = json!({
        "instanceType": args.instance_type,
        "subnet": {"id": subnet},
    });
    if let Some(profile) = args
        .instance_profile
        .as_deref()
        .or(found.instance_profile.as_deref())
    {
        aws["instanceProfile"] = json!(profile);
    }
    let groups: Vec<&str> = if args.security_groups.is_empty() {
        found.security_group.iter().map(String::as_str).collect()
    } else {
        args.security_groups.iter().map(String::as_str).collect()
    };
    if !groups.is_empty() {
        aws["securityGroups"] = groups.iter().map(|id| json!({"id": id})).collect();
    }
    Ok(NodePoolCreateRequest {
        cluster_id: cluster_id.to_string(),
        name: args.name.clone(),
        spec: json!({"nodePool": {"replicas": args.replicas, "platform": {"type": "AWS", "aws": aws}}}),
    })
}

fn row(p: &NodePool) -> Vec<String> {
    let aws = &p.spec["nodePool"]["platform"]["aws"];
    vec![
        p.id.clone(),
        p.name.clone(),
        p.spec["nodePool"]["replicas"].to_string(),
        aws["instanceType"].as_str().unwrap_or("-").to_string(),
        aws["subnet"]["id"].as_str().unwrap_or("-").to_string(),
        p.phase().to_string(),
    ]
}

fn show(out: &Output, pools: &[NodePool]) -> anyhow::Result<()> {
    if out.format != Format::Table {
        return out.document(&json!({"items": pools, "total": pools.len()}));
    }
    let mut t = table(&["ID", "NAME", "REPLICAS", "INSTANCE TYPE", "SUBNET", "PHASE"]);
    for p in pools {
        t.add_row(row(p));
    }
    print_table(&t);
    Ok(())
}

async fn connect(global: &Settings, command: &str) -> anyhow::Result<Platform> {
    let aws = Aws::load(global).await?;
    Platform::require(global, &aws, command).await
}

pub async fn create(
    out: &Output,
    global: &Settings,
    args: &NodePoolCreateArgs,
) -> anyhow::Result<()> {
    check_pool_name(&args.name)?;
    let aws = Aws::load(global).await?;
    let platform = Platform::require(global, &aws, "nodepool create").await?;
    let cluster = resolve(&platform, &args.cluster_id).await?;
    // Discovery is a convenience: without IAM or EC2 read access the flags still work.
    let mut found = Found::default();
    if args.instance_profile.is_none() {
        match crate::cluster::iam::worker_profile(&aws, &cluster.name).await {
            Ok(profile) => found.instance_profile = profile,
            Err(e) => out.say(format!(
                "warning: could not look for the worker instance profile ({e:#}); pass --instance-profile"
            )),
        }
    }
    if args.security_groups.is_empty() {
        match crate::cluster::network::find(&aws, &cluster.name).await {
            Ok(net) => found.security_group = net.and_then(|n| n.worker_sg),
            Err(e) => out.say(format!(
                "warning: could not look for the worker security group ({e:#}); pass --security-groups"
            )),
        }
    }
    let request = build_request(args, &cluster.id, &cluster.spec, &found)?;
    if args.dry_run {
        return out.document(&request);
    }
    let existing = platform
        .api
        .nodepools(&cluster.id)
        .await
        .map_err(|e| failure("GET /api/v0/nodepools", e))?;
    let pool = match existing.into_iter().find(|p| p.name == args.name) {
        Some(p) => {
            out.say(format!(
                "node pool {} already exists in cluster {} ({}): nothing sent",
                p.name, cluster.name, p.id
            ));
            p
        }
        None => {
            let p = platform.api.create_nodepool(&request).await.map_err(|e| {
                failure(
                    &format!(
                        "creating node pool {} in cluster {}: POST /api/v0/nodepools",
                        args.name, cluster.name
                    ),
                    e,
                )
            })?;
            out.say(format!("node pool {} created: {}", p.name, p.id));
            p
        }
    };
    let pool = if args.watch {
        watch_ready(out, &platform, pool, &args.wait).await?
    } else {
        pool
    };
    // A create prints what it created: the pool itself, as `cluster create` prints the cluster.
    if out.format != Format::Table {
        return out.document(&pool);
    }
    show(out, std::slice::from_ref(&pool))
}

pub async fn list(out: &Output, global: &Settings, args: &NodePoolListArgs) -> anyhow::Result<()> {
    let platform = connect(global, "nodepool list").await?;
    let cluster = resolve(&platform, &args.cluster_id).await?;
    let pools = platform
        .api
        .nodepools(&cluster.id)
        .await
        .map_err(|e| failure("GET /api/v0/nodepools", e))?;
    if pools.is_empty() && out.format == Format::Table {
        println!("Cluster {} has no node pools.", cluster.name);
        return Ok(());
    }
    show(out, &pools)
}

async fn get(platform: &Platform, id: &str) -> anyhow::Result<NodePool> {
    platform.api.nodepool(id).await.map_err(|e| {
        if matches!(e.status(), Some(404) | Some(410)) {
            Failure::new(Exit::Failed, format!("no node pool with id {id:?}")).into()
        } else {
            failure(&format!("GET /api/v0/nodepools/{id}"), e).into()
        }
    })
}

pub async fn describe(
    out: &Output,
    global: &Settings,
    args: &NodePoolDescribeArgs,
) -> anyhow::Result<()> {
    let platform = connect(global, "nodepool describe").await?;
    let pool = get(&platform, &args.nodepool).await?;
    if out.format != Format::Table {
        return out.document(&pool);
    }
    println!("Node pool:  {} ({})", pool.name, pool.id);
    println!("Cluster:    {}", pool.cluster_id);
    println!("Phase:      {}", pool.phase());
    println!("Spec:       {}", serde_json::to_string_pretty(&pool.spec)?);
    Ok(())
}

pub async fn delete(
    out: &Output,
    global: &Settings,
    args: &NodePoolDeleteArgs,
) -> anyhow::Result<()> {
    let platform = connect(global, "nodepool delete").await?;
    let pool = get(&platform, &args.nodepool).await?;
    if args.dry_run {
        let request = format!("DELETE /api/v0/nodepools/{}", pool.id);
        if out.format != Format::Table {
            return out.document(&json!({"nodepool_id": pool.id, "name": pool.name, "dry_run": true, "request": request}));
        }
        println!(
            "{} ({}) of cluster {}: would send {request} (dry run, nothing was sent)",
            pool.name, pool.id, pool.cluster_id
        );
        return Ok(());
    }
    confirm_named(
        out,
        global.yes,
        &format!(
            "Delete node pool {} ({}) of cluster {}?",
            pool.name, pool.id, pool.cluster_id
        ),
    )?;
    platform
        .api
        .delete_nodepool(&pool.id)
        .await
        .map_err(|e| failure(&format!("DELETE /api/v0/nodepools/{}", pool.id), e))?;
    out.say(format!("node pool {}: deletion initiated", pool.name));
    let mut deleted = false;
    if args.watch {
        let id = pool.id.clone();
        let _waiting = out.waiting(format!(
            "waiting for node pool {} to be deleted (up to {} s)",
            pool.name,
            args.wait.limit().as_secs()
        ));
        poll(
            args.wait.interval(),
            args.wait.limit(),
            || async {
                match platform.api.nodepool(&id).await {
                    Ok(p) => Ok(Some(p.phase().to_string())),
                    Err(e) if matches!(e.status(), Some(404) | Some(410)) => Ok(None),
                    Err(e) => Err(failure(&format!("GET /api/v0/nodepools/{id}"), e).into()),
                }
            },
            |phase: &Option<String>| phase.is_none().then_some(Ok(())),
        )
        .await?;
        out.say(format!("node pool {}: deleted", pool.name));
        deleted = true;
    }
    if out.format != Format::Table {
        return out
            .document(&json!({"nodepool_id": pool.id, "name": pool.name, "deleted": deleted}));
    }
    println!(
        "{} ({}): {}",
        pool.name,
        pool.id,
        if deleted {
            "deleted"
        } else {
            "deletion initiated"
        }
    );
    Ok(())
}

/// Follows the pool until Ready, or until a condition says it failed.
async fn watch_ready(
    out: &Output,
    platform: &Platform,
    pool: NodePool,
    wait: &crate::cli::WaitArgs,
) -> anyhow::Result<NodePool> {
    let id = pool.id.clone();
    let _waiting = out.waiting(format!(
        "waiting for node pool {} to be Ready (up to {} s)",
        pool.name,
        wait.limit().as_secs()
    ));
    poll(
        wait.interval(),
        wait.limit(),
        || async {
            platform
                .api
                .nodepool(&id)
                .await
                .map_err(|e| failure(&format!("GET /api/v0/nodepools/{id}"), e).into())
        },
        |p: &NodePool| {
            if p.phase() == "Ready" {
                Some(Ok(()))
            } else {
                p.failure()
                    .map(|why| Err(format!("node pool {} failed: {why}", p.name)))
            }
        },
    )
    .await
}

/// `nodepool update`: the pool is looked up in its cluster (a name is unique there only),
/// and only the keys that change are sent (PUT); a re-run sends nothing.
pub async fn update(
    out: &Output,
    global: &Settings,
    args: &NodePoolUpdateArgs,
) -> anyhow::Result<()> {
    if args.replicas == Some(0) {
        return Err(Failure::usage("--replicas: expected at least 1, got 0").into());
    }
    let mut wanted = serde_json::Map::new();
    if let Some(n) = args.replicas {
        wanted.insert("nodePool".into(), json!({"replicas": n}));
    }
    if let Some(on) = args.auto_repair {
        wanted.insert("autoRepair".into(), json!(on));
    }
    if wanted.is_empty() {
        return Err(Failure::usage("nothing to change: pass --replicas or --auto-repair").into());
    }
    let platform = connect(global, "nodepool update").await?;
    let cluster = resolve(&platform, &args.cluster_id).await?;
    let pools = platform
        .api
        .nodepools(&cluster.id)
        .await
        .map_err(|e| failure("GET /api/v0/nodepools", e))?;
    let pool = pools
        .into_iter()
        .find(|p| p.id == args.nodepool || p.name == args.nodepool)
        .ok_or_else(|| {
            Failure::new(
                Exit::Failed,
                format!(
                    "cluster {} has no node pool {:?}",
                    cluster.name, args.nodepool
                ),
            )
        })?;
    let patch = super::cluster::changed_only(&Value::Object(wanted), &pool.spec);
    let nothing = patch.as_object().is_some_and(|m| m.is_empty());
    if args.dry_run {
        return out.document(&json!({"nodepool_id": pool.id, "cluster_id": cluster.id, "request": {"spec": patch}, "up_to_date": nothing}));
    }
    let pool = if nothing {
        out.say(format!(
            "node pool {}: already as asked, nothing sent",
            pool.name
        ));
        pool
    } else {
        let updated = platform
            .api
            .update_nodepool(&pool.id, &patch)
            .await
            .map_err(|e| failure(&format!("PUT /api/v0/nodepools/{}", pool.id), e))?;
        out.say(format!("node pool {}: updated", updated.name));
        updated
    };
    let pool = if args.watch {
        watch_ready(out, &platform, pool, &args.wait).await?
    } else {
        pool
    };
    if out.format != Format::Table {
        return out.document(&pool);
    }
    show(out, std::slice::from_ref(&pool))
}
