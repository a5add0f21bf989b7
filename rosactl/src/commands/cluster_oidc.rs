//! `rosactl cluster-oidc create|list|delete NAME`: arguments in, the OIDC layer
//! ([`crate::cluster::oidc`]) called, its answer rendered. `create` invokes the account's
//! `rosa-oidc-provisioner` (prod alias) when it is deployed, and otherwise does what it does
//! with the caller's credentials; then the provider is claimed for the cluster and the
//! cluster's operator roles (if `cluster-iam` made them) are made to trust it.

use rosa_lambda_api::oidc as api;
use serde_json::json;

use super::cluster::{invoke_if_deployed, resolve};
use crate::aws::Aws;
use crate::cli::{OidcCreateArgs, OidcDeleteArgs};
use crate::cluster::{Outcome, TAG_CLUSTER_NAME, TAG_MANAGED_BY, check_name, iam, oidc};
use crate::confirm::confirm_named;
use crate::exit::{Exit, Failure};
use crate::output::{Format, Output};
use crate::platform::Platform;
use crate::settings::Settings;

/// The issuer: `--oidc-issuer-url`, else the cluster's (from the Platform API).
async fn issuer_of(
    global: &Settings,
    aws: &Aws,
    name: &str,
    flag: Option<&str>,
) -> anyhow::Result<String> {
    if let Some(url) = flag {
        return Ok(url.trim_end_matches('/').to_string());
    }
    let Some(platform) = Platform::connect(global, aws).await? else {
        return Err(Failure::usage(format!(
            "--oidc-issuer-url: required without a Platform API (or run `rosactl login` to read cluster {name}'s issuer from it)"
        ))
        .into());
    };
    let cluster = resolve(&platform, name).await?;
    let issuer = cluster.issuer_url().map(String::from).ok_or_else(|| {
        Failure::new(
            Exit::Failed,
            format!("cluster {name} has no OIDC issuer URL yet: pass --oidc-issuer-url"),
        )
    })?;
    oidc::checked_answer(name, &issuer)?;
    Ok(issuer)
}

pub async fn create(out: &Output, global: &Settings, args: &OidcCreateArgs) -> anyhow::Result<()> {
    check_name(&args.name).map_err(|e| Failure::usage(e.message.replacen("--name", "NAME", 1)))?;
    if let Some(url) = &args.oidc_issuer_url {
        oidc::parse_issuer(url)?;
    }
    let given = args
        .thumbprint
        .as_deref()
        .map(oidc::check_thumbprint)
        .transpose()?;
    let aws = Aws::load(global).await?;
    let issuer = issuer_of(global, &aws, &args.name, args.oidc_issuer_url.as_deref()).await?;
    let (host, port, cluster_id) = oidc::parse_issuer(&issuer)?;
    // A provider that already names another cluster is that cluster's (a pasted issuer of
    // the wrong cluster): never re-labelled, refused before anything is written.
    if let Some((tags, _)) = oidc::provider_tags(&aws, &oidc::provider_arn(&aws, &issuer)).await? {
        oidc::not_anothers(&tags, &args.name, &oidc::provider_arn(&aws, &issuer))?;
    }
    // Without a thumbprint IAM checks the issuer against its own trusted CAs (the list has
    // been optional since 2024), so an issuer this machine cannot reach still gets a provider.
    let mut notes: Vec<String> = Vec::new();
    let thumbprint = match given {
        Some(t) => Some(t),
        None => match oidc::tls_thumbprint(&host, port).await {
            Ok(t) => Some(t),
            Err(e) => {
                notes.push(format!(
                    "no thumbprint: {}; the provider is created without a thumbprint list, and IAM verifies the issuer's certificate against its own trusted CAs",
                    e.message.trim_end_matches(" (or pass --thumbprint)")
                ));
                None
            }
        },
    };
    let request = api::Request {
        issuer_url: issuer.clone(),
        thumbprints: thumbprint.iter().cloned().collect(),
        cluster_id: cluster_id.clone(),
    };
    if args.dry_run {
        return out.document(&json!({"function": "rosa-oidc-provisioner:prod", "event": request}));
    }
    let (answer, via): (api::Response, &str) = match invoke_if_deployed(
        "cluster-oidc create",
        &aws,
        global,
        "rosa-oidc-provisioner",
        &request,
    )
    .await?
    {
        Some(answer) => (answer, "rosa-oidc-provisioner:prod"),
        None => {
            notes.push(
                "rosa-oidc-provisioner is not deployed in this account: the provider was made with your own credentials, with the client ids and tags the function gives it".into(),
            );
            (
                oidc::create_directly(&aws, &request).await?,
                "your credentials",
            )
        }
    };
    for note in &notes {
        out.say(format!("note: {note}"));
    }
    // The cluster's name as a tag, so that delete finds the provider after the cluster is gone.
    let arn = answer.oidc_provider_arn.clone();
    let client_ids = oidc::claim(&aws, &arn, &args.name).await?;
    // The cluster's operator roles (if cluster-iam made them) now trust this issuer.
    let mut roles_updated = 0;
    if args.name.len() <= iam::MAX_NAME {
        let rules =
            super::cluster_iam::cluster_rules(out, global, &aws, &Default::default()).await?;
        let roles = iam::desired(&args.name, Some(&issuer), aws.partition(), &aws.account_id)
            .with_rules(&rules);
        let seen = iam::observe(&aws, &roles, false).await?;
        if !seen.roles.is_empty() {
            let say = |line: &str| out.say(format!("{}: {line}", roles.cluster));
            let (steps, _) = iam::converge(&aws, &roles, false, &say).await?;
            roles_updated = steps.len();
        }
    }
    let report = json!({
        "roles_updated": roles_updated,
        "cluster": args.name,
        "cluster_id": cluster_id,
        "issuer_url": issuer,
        "thumbprint": thumbprint,
        "oidc_provider_arn": arn,
        "status": answer.status,
        "client_ids": client_ids,
        "created_by": via,
        "notes": notes,
    });
    if out.format != Format::Table {
        return out.document(&report);
    }
    println!("OIDC provider {arn}: {} (by {via})", answer.status);
    println!("Issuer:      {issuer}");
    println!(
        "Thumbprint:  {}",
        thumbprint.as_deref().unwrap_or("none (IAM's trusted CAs)")
    );
    println!("Client ids:  {}", client_ids.join(", "));
    Ok(())
}

/// `cluster-oidc list`: the providers made for clusters (tagged `rosa:managed-by`).
pub async fn list(out: &Output, global: &Settings) -> anyhow::Result<()> {
    let aws = Aws::load(global).await?;
    let mut items = Vec::new();
    for arn in oidc::provider_arns(&aws).await? {
        let Some((tags, client_ids)) = oidc::provider_tags(&aws, &arn).await? else {
            continue;
        };
        let tag = |k: &str| {
            tags.iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.clone())
        };
        if tag(TAG_MANAGED_BY).as_deref() != Some(oidc::PROVISIONER) {
            continue;
        }
        let issuer = arn
            .split_once(":oidc-provider/")
            .map(|(_, i)| format!("https://{i}"))
            .unwrap_or_default();
        items.push(json!({
            "cluster": tag(TAG_CLUSTER_NAME),
            "cluster_id": tag(oidc::TAG_CLUSTER_ID),
            "issuer_url": issuer,
            "oidc_provider_arn": arn,
            "client_ids": client_ids,
        }));
    }
    if out.format != Format::Table {
        return out.document(&json!({"items": items}));
    }
    if items.is_empty() {
        println!("No OIDC provider made for a cluster in this account.");
        return Ok(());
    }
    let mut t = crate::output::table(&["CLUSTER", "CLUSTER ID", "ISSUER"]);
    for i in &items {
        t.add_row(vec![
            i["cluster"].as_str().unwrap_or("-").to_string(),
            i["cluster_id"].as_str().unwrap_or("-").to_string(),
            i["issuer_url"].as_str().unwrap_or("-").to_string(),
        ]);
    }
    crate::output::print_table(&t);
    Ok(())
}

pub async fn delete(out: &Output, global: &Settings, args: &OidcDeleteArgs) -> anyhow::Result<()> {
    check_name(&args.name).map_err(|e| Failure::usage(e.message.replacen("--name", "NAME", 1)))?;
    if let Some(url) = &args.oidc_issuer_url {
        oidc::parse_issuer(url)?;
    }
    let aws = Aws::load(global).await?;
    // The providers this cluster's name tags (or the one of --oidc-issuer-url).
    let ours = oidc::deletable(
        &aws,
        &args.name,
        args.oidc_issuer_url
            .as_deref()
            .map(|u| u.trim_end_matches('/')),
    )
    .await?;
    if ours.is_empty() {
        out.say(format!(
            "no OIDC provider of cluster {} in this account: nothing to delete",
            args.name
        ));
        if out.format != Format::Table {
            return out.document(&json!({"cluster": args.name, "deleted": []}));
        }
        return Ok(());
    }
    if args.dry_run {
        if out.format != Format::Table {
            return out
                .document(&json!({"cluster": args.name, "dry_run": true, "would_delete": ours}));
        }
        println!(
            "{}",
            Outcome::DryRun(ours.len()).line("cluster-oidc delete", &args.name)
        );
        for arn in &ours {
            println!("  delete OIDC provider {arn}");
        }
        return Ok(());
    }
    confirm_named(
        out,
        global.yes,
        &format!(
            "Delete the OIDC provider(s) of cluster {}: {}?",
            args.name,
            ours.join(", ")
        ),
    )?;
    for arn in &ours {
        oidc::delete(&aws, arn).await.map_err(|e| {
            Failure::new(
                Exit::Failed,
                format!("{}; run it again to finish", e.message),
            )
        })?;
        out.say(format!("deleted {arn}"));
    }
    if out.format != Format::Table {
        return out.document(&json!({"cluster": args.name, "deleted": ours}));
    }
    println!(
        "Deleted the OIDC provider of cluster {}: {}",
        args.name,
        ours.join(", ")
    );
    Ok(())
}
