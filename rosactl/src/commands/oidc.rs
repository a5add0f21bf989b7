//! `rosactl cluster-oidc create|delete NAME`: the cluster's IAM OIDC provider. In this design
//! the account's own `rosa-oidc-provisioner` (prod alias) creates it, invoked with the
//! caller's credentials; rosactl then tags it with the cluster's name so `delete` can find it
//! after the cluster is gone. In an account where the function is not deployed, rosactl
//! creates the provider itself with the caller's credentials, with the same client ids and
//! tags. `delete` removes only a provider made for this cluster (its `rosa:managed-by` and
//! `rosa:cluster-name` tags).

use std::sync::Arc;
use std::time::Duration;

use rosa_lambda_api::oidc;
use serde_json::json;
use sha1::Digest;

use super::cluster::{check_name, invoke_if_deployed, resolve};
use crate::aws::{Aws, describe};
use crate::cli::{GlobalArgs, OidcCreateArgs, OidcDeleteArgs};
use crate::confirm::confirm_named;
use crate::exit::{Exit, Failure};
use crate::output::{Format, Output};
use crate::platform::Platform;

const TAG_MANAGED_BY: &str = "rosa:managed-by";
const MANAGED_BY: &str = "rosa-oidc-provisioner";
const TAG_CLUSTER_ID: &str = "rosa:cluster-id";
const TAG_CLUSTER_NAME: &str = "rosa:cluster-name";
/// The audiences rosa-oidc-provisioner gives every provider.
const CLIENT_IDS: [&str; 2] = ["openshift", "sts.amazonaws.com"];

/// The issuer: `--oidc-issuer-url`, else the cluster's (from the Platform API).
async fn issuer_of(
    global: &GlobalArgs,
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
    checked_answer(name, &issuer)?;
    Ok(issuer)
}

/// An issuer the Platform API answered for cluster `name`, checked as a flag would be (it
/// becomes an IAM provider and a trust policy's principal): refused with exit 1, naming the
/// source.
pub fn checked_answer(name: &str, issuer: &str) -> Result<(), Failure> {
    parse_issuer_as(
        issuer,
        &format!("the Platform API's oidc_issuer_url for cluster {name}"),
    )
    .map(drop)
    .map_err(|e| Failure::new(Exit::Failed, format!("{}; nothing was changed", e.message)))
}

/// Host, port and cluster id (the last path segment) of an issuer URL given as
/// `--oidc-issuer-url`.
pub fn parse_issuer(url: &str) -> Result<(String, u16, String), Failure> {
    parse_issuer_as(url, "--oidc-issuer-url")
}

/// The same for an issuer from `source` (a flag, or an answer such as the Platform API's):
/// it goes into a provider's URL and a trust policy's Federated principal and condition
/// keys, so only what an issuer URL holds passes: https, a DNS host (optionally a port), a
/// path of unreserved characters ending in the cluster id.
pub fn parse_issuer_as(url: &str, source: &str) -> Result<(String, u16, String), Failure> {
    let bad = |why: &str| {
        Failure::usage(format!(
            "{source}: expected https://HOST/.../CLUSTER_ID ({why}), got {url:?}"
        ))
    };
    let rest = url
        .strip_prefix("https://")
        .ok_or_else(|| bad("https only"))?;
    if rest.contains(['?', '#', '@']) || rest.chars().any(char::is_whitespace) {
        return Err(bad("no query, fragment, user or spaces"));
    }
    let (authority, path) = rest
        .split_once('/')
        .ok_or_else(|| bad("a path is needed"))?;
    let (host, port) = match authority.rsplit_once(':') {
        Some((h, p)) => (h, p.parse::<u16>().map_err(|_| bad("bad port"))?),
        None => (authority, 443),
    };
    let id = path
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or_default();
    if host.is_empty() || id.is_empty() {
        return Err(bad("a host and a cluster id are needed"));
    }
    if !host
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
    {
        return Err(bad("the host is a DNS name: letters, digits, '.' and '-'"));
    }
    if !path
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"-._~/".contains(&b))
        || path.split('/').any(|seg| seg == "." || seg == "..")
    {
        return Err(bad("the path holds letters, digits and - . _ ~ /"));
    }
    Ok((host.to_string(), port, id.to_string()))
}

fn check_thumbprint(value: &str) -> Result<String, Failure> {
    let v = value.trim().to_ascii_lowercase();
    if v.len() == 40 && v.bytes().all(|b| b.is_ascii_hexdigit()) {
        Ok(v)
    } else {
        Err(Failure::usage(format!(
            "--thumbprint: expected the SHA-1 of the issuer's top CA certificate, 40 hex digits, got {value:?}"
        )))
    }
}

/// The SHA-1 of the last certificate in the chain the issuer's TLS server presents (after
/// verifying the chain against the system's roots, or `SSL_CERT_FILE`).
pub async fn tls_thumbprint(host: &str, port: u16) -> Result<String, Failure> {
    let fail = |why: String| {
        Failure::new(
            Exit::Failed,
            format!(
                "computing the thumbprint of {host}:{port} failed: {why} (or pass --thumbprint)"
            ),
        )
    };
    let mut roots = rustls::RootCertStore::empty();
    let found = rustls_native_certs::load_native_certs();
    for cert in found.certs {
        let _ = roots.add(cert);
    }
    if roots.is_empty() {
        return Err(fail(
            "no trusted root certificates found (SSL_CERT_FILE, the system store)".into(),
        ));
    }
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::aws_lc_rs::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .map_err(|e| fail(e.to_string()))?
    .with_root_certificates(roots)
    .with_no_client_auth();
    let server = rustls::pki_types::ServerName::try_from(host.to_string())
        .map_err(|e| fail(e.to_string()))?;
    let connect = async {
        let tcp = tokio::net::TcpStream::connect((host, port)).await?;
        tokio_rustls::TlsConnector::from(Arc::new(config))
            .connect(server, tcp)
            .await
    };
    let tls = tokio::time::timeout(Duration::from_secs(15), connect)
        .await
        .map_err(|_| fail("no answer within 15 s".into()))?
        .map_err(|e| fail(e.to_string()))?;
    let (_, session) = tls.get_ref();
    let last = session
        .peer_certificates()
        .and_then(|c| c.last())
        .ok_or_else(|| fail("the server presented no certificate".into()))?;
    Ok(hex::encode(sha1::Sha1::digest(last.as_ref())))
}

async fn provider_tags(
    aws: &Aws,
    arn: &str,
) -> anyhow::Result<Option<(Vec<(String, String)>, Vec<String>)>> {
    match aws
        .iam
        .get_open_id_connect_provider()
        .open_id_connect_provider_arn(arn)
        .send()
        .await
    {
        Ok(p) => Ok(Some((
            p.tags()
                .iter()
                .map(|t| (t.key().to_string(), t.value().to_string()))
                .collect(),
            p.client_id_list().to_vec(),
        ))),
        Err(e)
            if e.as_service_error()
                .is_some_and(|e| e.is_no_such_entity_exception()) =>
        {
            Ok(None)
        }
        Err(e) => Err(Failure::new(
            Exit::Failed,
            format!("reading OIDC provider {arn} failed: {}", describe(&e)),
        )
        .into()),
    }
}

/// Every OIDC provider's ARN in the account.
async fn provider_arns(aws: &Aws) -> anyhow::Result<Vec<String>> {
    Ok(aws
        .iam
        .list_open_id_connect_providers()
        .send()
        .await
        .map_err(|e| {
            Failure::new(
                Exit::Failed,
                format!("listing OIDC providers failed: {}", describe(&e)),
            )
        })?
        .open_id_connect_provider_list()
        .iter()
        .filter_map(|p| p.arn().map(String::from))
        .collect())
}

/// The issuer URL of the OIDC provider tagged as cluster `name`'s, if there is one.
pub async fn provider_issuer_of(aws: &Aws, name: &str) -> anyhow::Result<Option<String>> {
    for arn in provider_arns(aws).await? {
        let arn = arn.as_str();
        let Some((tags, _)) = provider_tags(aws, arn).await? else {
            continue;
        };
        let tag = |k: &str| {
            tags.iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.as_str())
        };
        if tag(TAG_CLUSTER_NAME) == Some(name) && tag(TAG_MANAGED_BY) == Some(MANAGED_BY) {
            if let Some((_, issuer)) = arn.split_once(":oidc-provider/") {
                return Ok(Some(format!("https://{issuer}")));
            }
        }
    }
    Ok(None)
}

/// Refuses when `tags` name a cluster other than `name` as the provider's.
fn not_anothers(tags: &[(String, String)], name: &str, arn: &str) -> Result<(), Failure> {
    match tags.iter().find(|(k, _)| k == TAG_CLUSTER_NAME) {
        Some((_, owner)) if owner != name => Err(Failure::new(
            Exit::Failed,
            format!(
                "{arn} is cluster {owner}'s OIDC provider (tag {TAG_CLUSTER_NAME}={owner}), not {name}'s: nothing was changed; check the issuer URL (`rosactl cluster-oidc list` shows whose each provider is)"
            ),
        )),
        _ => Ok(()),
    }
}

fn provider_arn(aws: &Aws, issuer: &str) -> String {
    format!(
        "arn:{}:iam::{}:oidc-provider/{}",
        aws.partition(),
        aws.account_id,
        issuer.trim_start_matches("https://")
    )
}

pub async fn create(
    out: &Output,
    global: &GlobalArgs,
    args: &OidcCreateArgs,
) -> anyhow::Result<()> {
    check_name(&args.name).map_err(|e| Failure::usage(e.message.replacen("--name", "NAME", 1)))?;
    if let Some(url) = &args.oidc_issuer_url {
        parse_issuer(url)?;
    }
    let given = args
        .thumbprint
        .as_deref()
        .map(check_thumbprint)
        .transpose()?;
    let aws = Aws::load(global).await?;
    let issuer = issuer_of(global, &aws, &args.name, args.oidc_issuer_url.as_deref()).await?;
    let (host, port, cluster_id) = parse_issuer(&issuer)?;
    // A provider that already names another cluster is that cluster's (a pasted issuer of
    // the wrong cluster): never re-labelled, refused before anything is written.
    if let Some((tags, _)) = provider_tags(&aws, &provider_arn(&aws, &issuer)).await? {
        not_anothers(&tags, &args.name, &provider_arn(&aws, &issuer))?;
    }
    // Without a thumbprint IAM checks the issuer against its own trusted CAs (the list has
    // been optional since 2024), so an issuer this machine cannot reach still gets a provider.
    let mut notes: Vec<String> = Vec::new();
    let thumbprint = match given {
        Some(t) => Some(t),
        None => match tls_thumbprint(&host, port).await {
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
    let request = oidc::Request {
        issuer_url: issuer.clone(),
        thumbprints: thumbprint.iter().cloned().collect(),
        cluster_id: cluster_id.clone(),
    };
    if args.dry_run {
        return out.document(&json!({"function": "rosa-oidc-provisioner:prod", "event": request}));
    }
    let (answer, via): (oidc::Response, &str) = match invoke_if_deployed(
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
            (create_directly(&aws, &request).await?, "your credentials")
        }
    };
    for note in &notes {
        out.say(format!("note: {note}"));
    }
    // The cluster's name as a tag, so that delete finds the provider after the cluster is gone.
    let arn = answer.oidc_provider_arn.clone();
    let (tags, client_ids) = provider_tags(&aws, &arn).await?.ok_or_else(|| {
        Failure::new(
            Exit::Failed,
            format!("{arn} was answered but cannot be read"),
        )
    })?;
    not_anothers(&tags, &args.name, &arn)?;
    if !tags
        .iter()
        .any(|(k, v)| k == TAG_CLUSTER_NAME && v == &args.name)
    {
        let tag = aws_sdk_iam::types::Tag::builder()
            .key(TAG_CLUSTER_NAME)
            .value(&args.name)
            .build()
            .map_err(|e| Failure::new(Exit::Failed, e.to_string()))?;
        aws.iam
            .tag_open_id_connect_provider()
            .open_id_connect_provider_arn(&arn)
            .tags(tag)
            .send()
            .await
            .map_err(|e| {
                Failure::new(
                    Exit::Failed,
                    format!(
                        "tagging {arn} with {TAG_CLUSTER_NAME}={} failed: {}",
                        args.name,
                        describe(&e)
                    ),
                )
            })?;
    }
    // The cluster's operator roles (if cluster-iam made them) now trust this issuer.
    let mut roles_updated = 0;
    if args.name.len() <= super::cluster_iam::MAX_NAME {
        let rules =
            super::cluster_iam::cluster_rules(out, global, &aws, &Default::default()).await?;
        let roles =
            super::cluster_iam::target(&args.name, Some(&issuer), aws.partition(), &aws.account_id)
                .with_rules(&rules);
        let seen = super::cluster_iam::observe(&aws, &roles, false).await?;
        if !seen.roles.is_empty() {
            let (steps, _) = super::cluster_iam::converge(out, &aws, &roles, false).await?;
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

/// What rosa-oidc-provisioner does, done with the caller's credentials: create the provider
/// with the function's client ids and tags; an existing one is taken only when those tags
/// say it was made for this cluster (then missing client ids are added).
async fn create_directly(aws: &Aws, request: &oidc::Request) -> anyhow::Result<oidc::Response> {
    let tag = |k: &str, v: &str| {
        aws_sdk_iam::types::Tag::builder()
            .key(k)
            .value(v)
            .build()
            .map_err(|e| Failure::new(Exit::Failed, e.to_string()))
    };
    let created = aws
        .iam
        .create_open_id_connect_provider()
        .url(&request.issuer_url)
        .set_client_id_list(Some(CLIENT_IDS.iter().map(|c| c.to_string()).collect()))
        .set_thumbprint_list((!request.thumbprints.is_empty()).then(|| request.thumbprints.clone()))
        .tags(tag(TAG_CLUSTER_ID, &request.cluster_id)?)
        .tags(tag(TAG_MANAGED_BY, MANAGED_BY)?)
        .send()
        .await;
    let err = match created {
        Ok(o) => {
            return Ok(oidc::Response {
                oidc_provider_arn: o
                    .open_id_connect_provider_arn
                    .unwrap_or_else(|| provider_arn(aws, &request.issuer_url)),
                status: "created".into(),
            });
        }
        Err(e) => e,
    };
    if !err
        .as_service_error()
        .is_some_and(|e| e.is_entity_already_exists_exception())
    {
        return Err(Failure::new(
            Exit::Failed,
            format!(
                "creating the OIDC provider for {} failed: {} (needs iam:CreateOpenIDConnectProvider and iam:TagOpenIDConnectProvider)",
                request.issuer_url,
                describe(&err)
            ),
        )
        .into());
    }
    let arn = provider_arn(aws, &request.issuer_url);
    let (tags, client_ids) = provider_tags(aws, &arn).await?.ok_or_else(|| {
        Failure::new(
            Exit::Failed,
            format!("{arn} exists (IAM said so) but cannot be read: run it again"),
        )
    })?;
    let tag_of = |k: &str| {
        tags.iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.as_str())
    };
    if tag_of(TAG_MANAGED_BY) != Some(MANAGED_BY) {
        return Err(Failure::new(
            Exit::Failed,
            format!("{arn} exists but is not tagged {TAG_MANAGED_BY}={MANAGED_BY}: it was not made for a cluster, so it is neither adopted nor changed; delete it or use another issuer URL"),
        )
        .into());
    }
    if tag_of(TAG_CLUSTER_ID) != Some(request.cluster_id.as_str()) {
        return Err(Failure::new(
            Exit::Failed,
            format!(
                "{arn} belongs to cluster {:?} (tag {TAG_CLUSTER_ID}), not to {}: it is neither adopted nor changed",
                tag_of(TAG_CLUSTER_ID).unwrap_or_default(),
                request.cluster_id
            ),
        )
        .into());
    }
    let mut status = "already_exists";
    for id in CLIENT_IDS {
        if client_ids.iter().any(|have| have == id) {
            continue;
        }
        aws.iam
            .add_client_id_to_open_id_connect_provider()
            .open_id_connect_provider_arn(&arn)
            .client_id(id)
            .send()
            .await
            .map_err(|e| {
                Failure::new(
                    Exit::Failed,
                    format!("adding client id {id} to {arn} failed: {}", describe(&e)),
                )
            })?;
        status = "updated";
    }
    Ok(oidc::Response {
        oidc_provider_arn: arn,
        status: status.into(),
    })
}

/// `cluster-oidc list`: the providers made for clusters (tagged `rosa:managed-by`).
pub async fn list(out: &Output, global: &GlobalArgs) -> anyhow::Result<()> {
    let aws = Aws::load(global).await?;
    let mut items = Vec::new();
    for arn in provider_arns(&aws).await? {
        let Some((tags, client_ids)) = provider_tags(&aws, &arn).await? else {
            continue;
        };
        let tag = |k: &str| {
            tags.iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.clone())
        };
        if tag(TAG_MANAGED_BY).as_deref() != Some(MANAGED_BY) {
            continue;
        }
        let issuer = arn
            .split_once(":oidc-provider/")
            .map(|(_, i)| format!("https://{i}"))
            .unwrap_or_default();
        items.push(json!({
            "cluster": tag(TAG_CLUSTER_NAME),
            "cluster_id": tag(TAG_CLUSTER_ID),
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

pub async fn delete(
    out: &Output,
    global: &GlobalArgs,
    args: &OidcDeleteArgs,
) -> anyhow::Result<()> {
    check_name(&args.name).map_err(|e| Failure::usage(e.message.replacen("--name", "NAME", 1)))?;
    if let Some(url) = &args.oidc_issuer_url {
        parse_issuer(url)?;
    }
    let aws = Aws::load(global).await?;
    // The providers this cluster's name tags (or the one of --oidc-issuer-url).
    let candidates: Vec<String> = match &args.oidc_issuer_url {
        Some(url) => vec![provider_arn(&aws, url.trim_end_matches('/'))],
        None => provider_arns(&aws).await?,
    };
    let mut ours = Vec::new();
    for arn in candidates {
        let Some((tags, _)) = provider_tags(&aws, &arn).await? else {
            continue;
        };
        let tag = |k: &str| {
            tags.iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.as_str())
        };
        let named = tag(TAG_CLUSTER_NAME) == Some(args.name.as_str());
        let managed = tag(TAG_MANAGED_BY) == Some(MANAGED_BY) && tag(TAG_CLUSTER_ID).is_some();
        match (named, managed, args.oidc_issuer_url.is_some()) {
            (true, true, _) => ours.push(arn),
            (_, _, true) => {
                return Err(Failure::new(
                    Exit::Failed,
                    format!(
                        "{arn} is not cluster {}'s (it needs the tags {TAG_MANAGED_BY}={MANAGED_BY} and {TAG_CLUSTER_NAME}={}): rosactl does not delete it",
                        args.name, args.name
                    ),
                )
                .into());
            }
            _ => {}
        }
    }
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
            "cluster-oidc delete {}: {} step(s) (dry run, nothing was changed)",
            args.name,
            ours.len()
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
        match aws
            .iam
            .delete_open_id_connect_provider()
            .open_id_connect_provider_arn(arn)
            .send()
            .await
        {
            Ok(_) => {}
            Err(e)
                if e.as_service_error()
                    .is_some_and(|e| e.is_no_such_entity_exception()) => {}
            Err(e) => {
                return Err(Failure::new(
                    Exit::Failed,
                    format!(
                        "deleting {arn} failed: {}; run it again to finish",
                        describe(&e)
                    ),
                )
                .into());
            }
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issuer_urls_and_thumbprints() {
        assert_eq!(
            parse_issuer("https://d1.cloudfront.net/abc123").unwrap(),
            ("d1.cloudfront.net".into(), 443, "abc123".into())
        );
        assert_eq!(
            parse_issuer("https://localhost:8443/x/abc/").unwrap(),
            ("localhost".into(), 8443, "abc".into())
        );
        for bad in [
            "http://d1/abc",
            "https://d1",
            "https://d1/abc?x=1",
            "https://:1/abc",
            "https://d1.example.com/a\"b",
            "https://d1.example.com/../abc",
            "https://d1_x.example.com/abc",
            "https://d1.example.com/a*b",
        ] {
            let e = parse_issuer(bad).unwrap_err();
            assert!(e.message.starts_with("--oidc-issuer-url"), "{bad}");
        }
        let e =
            parse_issuer_as("https://x.example.com/a:b", "the Platform API's issuer").unwrap_err();
        assert!(
            e.message.starts_with("the Platform API's issuer"),
            "{}",
            e.message
        );
        assert_eq!(check_thumbprint(&"A".repeat(40)).unwrap(), "a".repeat(40));
        assert!(check_thumbprint("abc").is_err());
    }
}
