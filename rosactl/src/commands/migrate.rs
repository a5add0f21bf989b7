//! `rosactl migrate-account` and `rosactl test-migration`: an account running ROSA HCP with
//! the OIDC/STS model moves to the Lambda model without its clusters noticing. The legacy
//! setup (OIDC providers, account roles, operator roles) is inventoried, never modified; the
//! deployment is setup-account's, through the same engine; the inventory is recorded in the
//! artifact bucket so `test-migration` can prove later that the legacy setup is intact.

use std::collections::{BTreeMap, BTreeSet};

use aws_sdk_s3::primitives::ByteStream;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::setup::{resolve_invoker, run_with, setup_target};
use crate::aws::{Aws, describe};
use crate::cli::{MigrateArgs, SetupMode, TestMigrationArgs};
use crate::confirm::confirm;
use crate::deploy::drift;
use crate::deploy::names::{PROD, parse_policy, same_policy};
use crate::deploy::observed::observe;
use crate::exit::{Exit, Failure};
use crate::output::{Format, Output, print_table, table};
use crate::payloads;
use crate::platform::Platform;
use crate::settings::Settings;

/// Where migrate-account records the inventory, in the artifact bucket.
pub const INVENTORY_KEY: &str = "migration/inventory.json";
/// The tag rosa-oidc-provisioner puts on the providers it creates (not legacy).
use crate::cluster::oidc::PROVISIONER;
/// Tags ROSA (the `rosa` CLI, OCM) puts on what it creates.
const ROSA_TAGS: [&str; 6] = [
    "red-hat-managed",
    "rosa_role_type",
    "rosa_role_prefix",
    "operator_namespace",
    "rosa_cluster_id",
    "rosa_managed_policies",
];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LegacyProvider {
    pub arn: String,
    pub url: String,
    pub client_ids: Vec<String>,
    pub thumbprints: Vec<String>,
    pub tags: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LegacyRole {
    pub name: String,
    pub arn: String,
    /// installer, support, worker, operator, or what its `rosa_role_type` tag says.
    pub kind: String,
    pub tags: BTreeMap<String, String>,
    pub trust: Value,
    /// The OIDC providers (ARNs) its trust policy names.
    pub trusts: Vec<String>,
    pub attached: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Inventory {
    pub account_id: String,
    pub providers: Vec<LegacyProvider>,
    pub roles: Vec<LegacyRole>,
    /// What is broken in the legacy setup (reported, never repaired).
    pub broken: Vec<String>,
    /// Providers removed with `--remove-legacy-oidc` since the inventory was taken.
    #[serde(default)]
    pub removed: Vec<String>,
}

fn tags_of<'a>(pairs: impl Iterator<Item = (&'a str, &'a str)>) -> BTreeMap<String, String> {
    pairs.map(|(k, v)| (k.to_string(), v.to_string())).collect()
}

fn failed(what: String) -> impl FnOnce(String) -> Failure {
    move |why| Failure::new(Exit::Failed, format!("{what} failed: {why}"))
}

/// Every OIDC provider ARN a trust policy names as `Federated`.
fn federated(trust: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let statements = match &trust["Statement"] {
        Value::Array(a) => a.clone(),
        other => vec![other.clone()],
    };
    for s in statements {
        match &s["Principal"]["Federated"] {
            Value::String(p) => out.push(p.clone()),
            Value::Array(a) => out.extend(a.iter().filter_map(|p| p.as_str().map(String::from))),
            _ => {}
        }
    }
    out.retain(|p| p.contains(":oidc-provider/"));
    out.sort();
    out.dedup();
    out
}

/// What kind of ROSA role `name` with `tags` is, if it is one (and not rosactl's).
fn rosa_kind(name: &str, tags: &BTreeMap<String, String>, trusts_oidc: bool) -> Option<String> {
    if tags.contains_key(crate::deploy::names::TAG_MANAGED_BY) {
        return None;
    }
    if let Some(t) = tags.get("rosa_role_type") {
        return Some(t.clone());
    }
    let lower = name.to_ascii_lowercase();
    let rosa_name = lower.contains("rosa") || lower.contains("openshift");
    for (suffix, kind) in [
        ("-installer-role", "installer"),
        ("-support-role", "support"),
        ("-worker-role", "worker"),
        ("-controlplane-role", "controlplane"),
    ] {
        if rosa_name && lower.ends_with(suffix) {
            return Some(kind.into());
        }
    }
    let tagged = ROSA_TAGS.iter().any(|t| tags.contains_key(*t));
    if trusts_oidc && (tagged || rosa_name) {
        return Some("operator".into());
    }
    tagged.then(|| "other".into())
}

/// The account's legacy ROSA setup, read-only.
pub async fn inventory(aws: &Aws) -> anyhow::Result<Inventory> {
    let iam = &aws.iam;
    let mut inv = Inventory {
        account_id: aws.account_id.clone(),
        ..Inventory::default()
    };
    // Providers: all of them are read; the ROSA ones (tagged, or trusted by a ROSA role below)
    // are kept.
    let list = iam
        .list_open_id_connect_providers()
        .send()
        .await
        .map_err(|e| {
            failed("listing OIDC providers (iam:ListOpenIDConnectProviders)".into())(describe(&e))
        })?;
    let mut providers = Vec::new();
    for p in list.open_id_connect_provider_list() {
        let Some(arn) = p.arn() else { continue };
        let got = iam
            .get_open_id_connect_provider()
            .open_id_connect_provider_arn(arn)
            .send()
            .await
            .map_err(|e| failed(format!("reading OIDC provider {arn}"))(describe(&e)))?;
        let tags = tags_of(got.tags().iter().map(|t| (t.key(), t.value())));
        if tags
            .get(crate::deploy::names::TAG_MANAGED_BY)
            .map(String::as_str)
            == Some(PROVISIONER)
        {
            continue;
        }
        let mut client_ids = got.client_id_list().to_vec();
        client_ids.sort();
        let mut thumbprints = got.thumbprint_list().to_vec();
        thumbprints.sort();
        providers.push(LegacyProvider {
            arn: arn.to_string(),
            // IAM answers host/path; shown as the issuer URL clusters use.
            url: format!(
                "https://{}",
                got.url().unwrap_or_default().trim_start_matches("https://")
            ),
            client_ids,
            thumbprints,
            tags,
        });
    }
    // Roles: every page; those trusting an OIDC provider or named like ROSA's account roles
    // have their tags and policies read.
    let mut pages = iam.list_roles().into_paginator().send();
    while let Some(page) = pages.next().await {
        let page =
            page.map_err(|e| failed("listing IAM roles (iam:ListRoles)".into())(describe(&e)))?;
        for r in page.roles() {
            if r.path().starts_with("/aws-service-role/") {
                continue;
            }
            let name = r.role_name();
            let trust = r
                .assume_role_policy_document()
                .and_then(parse_policy)
                .unwrap_or(Value::Null);
            let trusts = federated(&trust);
            let lower = name.to_ascii_lowercase();
            if trusts.is_empty() && !(lower.contains("rosa") || lower.contains("openshift")) {
                continue;
            }
            let tags = iam
                .list_role_tags()
                .role_name(name)
                .send()
                .await
                .map_err(|e| failed(format!("reading the tags of role {name}"))(describe(&e)))?;
            let tags = tags_of(tags.tags().iter().map(|t| (t.key(), t.value())));
            let Some(kind) = rosa_kind(name, &tags, !trusts.is_empty()) else {
                continue;
            };
            let attached = iam
                .list_attached_role_policies()
                .role_name(name)
                .send()
                .await
                .map_err(|e| {
                    failed(format!("listing the policies of role {name}"))(describe(&e))
                })?;
            let mut attached: Vec<String> = attached
                .attached_policies()
                .iter()
                .filter_map(|p| p.policy_arn().map(String::from))
                .collect();
            attached.sort();
            inv.roles.push(LegacyRole {
                name: name.to_string(),
                arn: r.arn().to_string(),
                kind,
                tags,
                trust,
                trusts,
                attached,
            });
        }
    }
    inv.roles.sort_by(|a, b| a.name.cmp(&b.name));
    let trusted: BTreeSet<&str> = inv
        .roles
        .iter()
        .flat_map(|r| r.trusts.iter().map(String::as_str))
        .collect();
    let rosa_url = |u: &str| u.contains("openshiftapps.com") || u.contains("rh-oidc");
    inv.providers = providers
        .into_iter()
        .filter(|p| {
            trusted.contains(p.arn.as_str())
                || rosa_url(&p.url)
                || ROSA_TAGS.iter().any(|t| p.tags.contains_key(*t))
        })
        .collect();
    inv.providers.sort_by(|a, b| a.arn.cmp(&b.arn));
    let existing: BTreeSet<&str> = inv.providers.iter().map(|p| p.arn.as_str()).collect();
    for r in &inv.roles {
        for p in &r.trusts {
            if !existing.contains(p.as_str()) {
                inv.broken.push(format!(
                    "role {} trusts OIDC provider {p}, which does not exist: its cluster's operator cannot assume it",
                    r.name
                ));
            }
        }
    }
    for p in &inv.providers {
        if p.thumbprints.is_empty() {
            inv.broken
                .push(format!("OIDC provider {} has no thumbprints", p.url));
        }
        if !trusted.contains(p.arn.as_str()) {
            inv.broken.push(format!(
                "OIDC provider {} is not trusted by any role (left over from a deleted cluster?)",
                p.url
            ));
        }
    }
    Ok(inv)
}

fn render_inventory(inv: &Inventory) {
    println!(
        "Legacy ROSA setup in account {}: {} OIDC provider(s), {} role(s) (read-only: migrate-account never changes them)",
        inv.account_id,
        inv.providers.len(),
        inv.roles.len()
    );
    if !inv.providers.is_empty() {
        let mut t = table(&["OIDC PROVIDER", "CLIENT IDS", "THUMBPRINTS", "TRUSTED BY"]);
        for p in &inv.providers {
            let by = inv
                .roles
                .iter()
                .filter(|r| r.trusts.contains(&p.arn))
                .count();
            t.add_row(vec![
                p.url.clone(),
                p.client_ids.join(","),
                p.thumbprints.len().to_string(),
                format!("{by} role(s)"),
            ]);
        }
        print_table(&t);
    }
    if !inv.roles.is_empty() {
        let mut t = table(&["ROLE", "KIND", "TRUSTS"]);
        for r in &inv.roles {
            let trusts: Vec<&str> = r
                .trusts
                .iter()
                .map(|p| {
                    p.split_once(":oidc-provider/")
                        .map_or(p.as_str(), |(_, u)| u)
                })
                .collect();
            t.add_row(vec![r.name.clone(), r.kind.clone(), trusts.join(", ")]);
        }
        print_table(&t);
    }
    for b in &inv.broken {
        println!("legacy: {b}");
    }
}

pub async fn migrate(out: &Output, global: &Settings, args: &MigrateArgs) -> anyhow::Result<()> {
    if let Some(issuer) = &args.remove_legacy_oidc {
        return remove_provider(out, global, issuer, args.setup.dry_run).await;
    }
    if args.setup.mode == SetupMode::Manual {
        return Err(Failure::usage(
            "--mode manual: migrate-account records its inventory in the account, so it applies; for an administrator-run migration: `migrate-account --dry-run` (the inventory), `setup-account --mode manual --out DIR` (the script), then `migrate-account --yes`, which changes nothing more and records the inventory",
        )
        .into());
    }
    // The packages are checked before anything is read (setup checks them again).
    payloads::verified()?;
    let aws = Aws::load(global).await?;
    let inv = inventory(&aws).await?;
    if out.format == Format::Table {
        render_inventory(&inv);
    }
    let bucket = run_with(out, global, &args.setup, Some(serde_json::to_value(&inv)?)).await?;
    let Some(bucket) = bucket else {
        return Ok(());
    };
    write_recorded(&aws, &bucket, &inv).await.map_err(|e| {
        Failure::new(
            Exit::Failed,
            format!(
                "the account is set up, but {e:#}; run migrate-account again (it changes nothing else)"
            ),
        )
    })?;
    if out.format == Format::Table {
        println!(
            "Legacy inventory recorded in s3://{bucket}/{INVENTORY_KEY}; check with: rosactl test-migration"
        );
    }
    Ok(())
}

async fn read_recorded(aws: &Aws, bucket: &str) -> Result<Option<Inventory>, String> {
    let Some(bytes) = crate::aws::read_object(aws, bucket, INVENTORY_KEY).await? else {
        return Ok(None);
    };
    serde_json::from_slice(&bytes)
        .map(Some)
        .map_err(|e| format!("s3://{bucket}/{INVENTORY_KEY} is not an inventory: {e}"))
}

async fn write_recorded(aws: &Aws, bucket: &str, inv: &Inventory) -> anyhow::Result<()> {
    aws.s3
        .put_object()
        .bucket(bucket)
        .expected_bucket_owner(&aws.account_id)
        .key(INVENTORY_KEY)
        .content_type("application/json")
        .body(ByteStream::from(serde_json::to_vec_pretty(inv)?))
        .send()
        .await
        .map_err(|e| failed(format!("recording s3://{bucket}/{INVENTORY_KEY}"))(describe(&e)))?;
    Ok(())
}

fn provider_arn(aws: &Aws, issuer: &str) -> String {
    crate::cluster::provider_arn(aws.partition(), &aws.account_id, issuer)
}

/// Every role in the account (all pages) whose trust policy names OIDC provider `arn`.
async fn roles_trusting(aws: &Aws, arn: &str) -> anyhow::Result<Vec<String>> {
    let mut found = Vec::new();
    let mut pages = aws.iam.list_roles().into_paginator().send();
    while let Some(page) = pages.next().await {
        let page =
            page.map_err(|e| failed("listing IAM roles (iam:ListRoles)".into())(describe(&e)))?;
        for r in page.roles() {
            let trust = r
                .assume_role_policy_document()
                .and_then(parse_policy)
                .unwrap_or(Value::Null);
            if federated(&trust).iter().any(|p| p == arn) {
                found.push(r.role_name().to_string());
            }
        }
    }
    found.sort();
    Ok(found)
}

async fn remove_provider(
    out: &Output,
    global: &Settings,
    issuer: &str,
    dry_run: bool,
) -> anyhow::Result<()> {
    let yes = global.yes;
    let host_path = issuer.trim_start_matches("https://").trim_end_matches('/');
    if host_path.is_empty() || host_path.contains(char::is_whitespace) || host_path.contains("://")
    {
        return Err(Failure::usage(format!(
            "--remove-legacy-oidc: expected an issuer URL such as https://oidc.op1.openshiftapps.com/abc (or its host/path), got {issuer:?}"
        ))
        .into());
    }
    let aws = Aws::load(global).await?;
    let arn = provider_arn(&aws, issuer);
    let inv = inventory(&aws).await?;
    let Some(provider) = inv.providers.iter().find(|p| p.arn == arn) else {
        let known: Vec<&str> = inv.providers.iter().map(|p| p.url.as_str()).collect();
        return Err(Failure::new(
            Exit::Failed,
            format!(
                "--remove-legacy-oidc: no legacy OIDC provider {host_path} in account {} (rosactl's own providers are never removed this way); legacy providers: {}",
                aws.account_id,
                if known.is_empty() { "none".to_string() } else { known.join(", ") }
            ),
        )
        .into());
    };
    // Every role in the account counts, not only those the inventory calls ROSA's: a
    // workload's role, or one of rosactl's own operator roles, trusting the provider would
    // stop working the moment it is gone.
    let trusting = roles_trusting(&aws, &arn).await?;
    if !trusting.is_empty() {
        return Err(Failure::usage(format!(
            "--remove-legacy-oidc {host_path}: refused, nothing was changed: {} role(s) still trust it: {}; migrate or delete their clusters (or change those roles' trust policies) first",
            trusting.len(),
            trusting.join(", ")
        ))
        .into());
    }
    if dry_run {
        if out.format != Format::Table {
            return out
                .document(&json!({"dry_run": true, "would_remove": arn, "url": provider.url}));
        }
        println!(
            "migrate-account --remove-legacy-oidc: 1 step (dry run, nothing was changed)\n  delete legacy OIDC provider {} (no role in account {} trusts it)",
            provider.url, aws.account_id
        );
        return Ok(());
    }
    confirm(
        out,
        yes,
        &format!(
            "Delete legacy OIDC provider {} from account {}? Clusters using it can no longer authenticate",
            provider.url, aws.account_id
        ),
    )?;
    match aws
        .iam
        .delete_open_id_connect_provider()
        .open_id_connect_provider_arn(&arn)
        .send()
        .await
    {
        Ok(_) => {}
        Err(e)
            if e.as_service_error()
                .is_some_and(|e| e.is_no_such_entity_exception()) => {}
        Err(e) => {
            return Err(failed(format!("deleting OIDC provider {arn}"))(describe(&e)).into());
        }
    }
    // The recorded inventory forgets it, so test-migration does not count it as lost.
    let account = crate::deploy::account_of(&aws, global).await?;
    let mut recorded_note = String::new();
    match read_recorded(&aws, &account.bucket).await {
        Ok(Some(mut recorded)) => {
            recorded.providers.retain(|p| p.arn != arn);
            recorded.removed.push(arn.clone());
            // Roles that trusted it and are gone were retired with it (it could only be
            // removed once no role trusted it): the inventory forgets them too.
            let (retired, kept): (Vec<LegacyRole>, Vec<LegacyRole>) =
                recorded.roles.into_iter().partition(|r| {
                    r.trusts.contains(&arn) && !inv.roles.iter().any(|now| now.arn == r.arn)
                });
            recorded.roles = kept;
            recorded.removed.extend(retired.into_iter().map(|r| r.arn));
            write_recorded(&aws, &account.bucket, &recorded).await?;
            recorded_note = format!(
                "; removed from the inventory in s3://{}/{INVENTORY_KEY}",
                account.bucket
            );
        }
        Ok(None) => {}
        Err(e) => recorded_note = format!("; the recorded inventory could not be read ({e})"),
    }
    if out.format != Format::Table {
        return out.document(&json!({"removed": arn, "url": provider.url}));
    }
    println!(
        "Deleted legacy OIDC provider {}{recorded_note}.",
        provider.url
    );
    Ok(())
}

#[derive(Debug, Serialize)]
struct Check {
    check: String,
    ok: bool,
    /// ok, failed, or pending (registration waiting for an operator).
    state: &'static str,
    detail: String,
}

fn row(checks: &mut Vec<Check>, check: impl Into<String>, ok: bool, detail: impl Into<String>) {
    checks.push(Check {
        check: check.into(),
        ok,
        state: if ok { "ok" } else { "failed" },
        detail: detail.into(),
    });
}

/// One row: a recorded legacy item is still there (`now`), unchanged.
fn intact<T: Serialize>(checks: &mut Vec<Check>, check: String, recorded: &T, now: Option<&T>) {
    match now {
        None => row(
            checks,
            check,
            false,
            "missing: deleted (or its ROSA tags removed) after the migration",
        ),
        Some(now) => {
            let changed = changed_fields(recorded, now);
            let detail = if changed.is_empty() {
                "intact".to_string()
            } else {
                format!("changed: {}", changed.join(", "))
            };
            row(checks, check, changed.is_empty(), detail);
        }
    }
}

/// Compares a recorded legacy item with what is there now.
fn changed_fields<T: Serialize>(recorded: &T, now: &T) -> Vec<String> {
    let (a, b) = (
        serde_json::to_value(recorded).unwrap_or_default(),
        serde_json::to_value(now).unwrap_or_default(),
    );
    let (Value::Object(a), Value::Object(b)) = (a, b) else {
        return vec!["everything".into()];
    };
    a.iter()
        .filter(|(k, v)| {
            let w = &b[k.as_str()];
            if k.as_str() == "trust" {
                !same_policy(v, w)
            } else {
                *v != w
            }
        })
        .map(|(k, _)| k.clone())
        .collect()
}

pub async fn test(out: &Output, global: &Settings, args: &TestMigrationArgs) -> anyhow::Result<()> {
    let packages = payloads::verified()?;
    let aws = Aws::load(global).await?;
    let account = crate::deploy::account_of(&aws, global).await?;
    let mut checks = Vec::new();

    // The deployment: the checks of status --check.
    let desired = drift::status_target(setup_target(account.clone(), packages));
    let observed = observe(&aws, &desired, false).await?;
    let status = drift::status(&desired, &observed);
    let drift_lines: Vec<String> = status
        .bucket
        .drift
        .iter()
        .cloned()
        .chain(status.functions.iter().flat_map(|f| {
            f.drift
                .iter()
                .map(move |d| format!("{}: {d}", f.function_name))
        }))
        .collect();
    row(
        &mut checks,
        "deployment is what rosactl deploys",
        status.in_sync,
        if status.in_sync {
            "status --check: in sync".to_string()
        } else if !status.set_up {
            "not set up: run rosactl migrate-account".to_string()
        } else {
            drift_lines.join("; ")
        },
    );

    // Each function through prod.
    for f in &account.functions {
        let v = crate::deploy::check_invoke(&aws, &f.function_name, PROD).await;
        row(
            &mut checks,
            format!("{}:{PROD} answers", f.function_name),
            v.ok,
            v.detail,
        );
    }

    // The invoke permission names the platform's invoker.
    let api = Platform::connect(global, &aws).await?;
    match resolve_invoker(args.invoker_role_arn.as_deref(), api.as_ref(), &aws).await {
        Ok(invoker) => {
            let wrong: Vec<String> = account
                .functions
                .iter()
                .filter_map(|f| {
                    let o = observed.function(f.name());
                    match &o.permission {
                        Some(p) if p.principal == invoker => None,
                        Some(p) => Some(format!("{} allows {}", f.function_name, p.principal)),
                        None => Some(format!(
                            "{} has no invoke permission on {PROD}",
                            f.function_name
                        )),
                    }
                })
                .collect();
            row(
                &mut checks,
                "invoke permission names the platform's invoker",
                wrong.is_empty(),
                if wrong.is_empty() {
                    format!("only {invoker} may invoke {PROD}")
                } else {
                    wrong.join("; ")
                },
            );
        }
        Err(e) => row(
            &mut checks,
            "invoke permission names the platform's invoker",
            false,
            format!("{e:#}"),
        ),
    }

    // Registration.
    match &api {
        None => row(
            &mut checks,
            "account registered",
            false,
            "no Platform API URL (--api-url / ROSACTL_API_URL): registration cannot be checked",
        ),
        Some(api) => match api.registration(&aws.account_id).await {
            Ok(r) if r.state == "registered" => row(&mut checks, "account registered", true, r.detail),
            Ok(_) => checks.push(Check {
                check: "account registered".into(),
                ok: true,
                state: "pending",
                detail: format!(
                    "not registered yet: registering is reserved to platform operators; ask one to run: rosactl register-account --account-id {}",
                    aws.account_id
                ),
            }),
            Err(e) => row(&mut checks, "account registered", false, format!("{e:#}")),
        },
    }

    // The legacy setup, against the inventory migrate-account recorded.
    match read_recorded(&aws, &account.bucket).await {
        Err(e) => row(&mut checks, "legacy inventory recorded", false, e),
        Ok(None) => row(
            &mut checks,
            "legacy inventory recorded",
            false,
            format!(
                "no inventory in s3://{}/{INVENTORY_KEY}: run rosactl migrate-account",
                account.bucket
            ),
        ),
        Ok(Some(recorded)) => {
            let now = inventory(&aws).await?;
            row(
                &mut checks,
                "legacy inventory recorded",
                true,
                format!(
                    "{} provider(s), {} role(s) in s3://{}/{INVENTORY_KEY}",
                    recorded.providers.len(),
                    recorded.roles.len(),
                    account.bucket
                ),
            );
            for p in &recorded.providers {
                let now = now.providers.iter().find(|q| q.arn == p.arn);
                intact(
                    &mut checks,
                    format!("legacy OIDC provider {}", p.url),
                    p,
                    now,
                );
            }
            for r in &recorded.roles {
                let now = now.roles.iter().find(|q| q.arn == r.arn);
                intact(&mut checks, format!("legacy role {}", r.name), r, now);
            }
        }
    }

    let failures = checks.iter().filter(|c| !c.ok).count();
    if out.format == Format::Table {
        let mut t = table(&["CHECK", "RESULT", "DETAIL"]);
        for c in &checks {
            t.add_row(vec![c.check.clone(), c.state.to_string(), c.detail.clone()]);
        }
        print_table(&t);
    } else {
        out.document(&json!({
            "account_id": aws.account_id,
            "region": aws.region,
            "ok": failures == 0,
            "checks": checks,
        }))?;
    }
    if failures > 0 {
        return Err(Failure::new(
            Exit::Failed,
            format!(
                "test-migration: {failures} of {} checks failed",
                checks.len()
            ),
        )
        .into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn federated_principals_and_kinds() {
        let trust = json!({"Statement": [
            {"Principal": {"Federated": "arn:aws:iam::1:oidc-provider/oidc.op1.openshiftapps.com/abc"}},
            {"Principal": {"Federated": ["arn:aws:iam::1:saml-provider/x", "arn:aws:iam::1:oidc-provider/b"]}},
            {"Principal": {"Service": "ec2.amazonaws.com"}},
        ]});
        assert_eq!(
            federated(&trust),
            vec![
                "arn:aws:iam::1:oidc-provider/b".to_string(),
                "arn:aws:iam::1:oidc-provider/oidc.op1.openshiftapps.com/abc".to_string()
            ]
        );
        let none = BTreeMap::new();
        let typed = BTreeMap::from([("rosa_role_type".to_string(), "installer".to_string())]);
        assert_eq!(
            rosa_kind("anything", &typed, false).as_deref(),
            Some("installer")
        );
        assert_eq!(
            rosa_kind("ManagedOpenShift-HCP-ROSA-Support-Role", &none, false).as_deref(),
            Some("support")
        );
        assert_eq!(
            rosa_kind(
                "x-openshift-ingress-operator-cloud-credentials",
                &none,
                true
            )
            .as_deref(),
            Some("operator")
        );
        assert_eq!(rosa_kind("github-actions", &none, true), None);
        let ours = BTreeMap::from([("rosa:managed-by".to_string(), "rosactl".to_string())]);
        assert_eq!(rosa_kind("c1-ROSA-Worker-Role", &ours, false), None);
    }

    #[test]
    fn changes_are_named_by_field() {
        let p = LegacyProvider {
            arn: "a".into(),
            url: "u".into(),
            client_ids: vec!["openshift".into()],
            thumbprints: vec!["t".into()],
            tags: BTreeMap::new(),
        };
        let mut q = p.clone();
        assert!(changed_fields(&p, &q).is_empty());
        q.thumbprints.push("t2".into());
        assert_eq!(changed_fields(&p, &q), vec!["thumbprints".to_string()]);
    }
}
