//! A cluster's IAM OIDC provider. In this design the account's own `rosa-oidc-provisioner`
//! (prod alias) creates it; where the function is not deployed, [`create_directly`] does
//! what it does with the caller's credentials, with the same client ids and tags. A provider
//! is a cluster's when tagged `rosa:managed-by=rosa-oidc-provisioner` and
//! `rosa:cluster-name=NAME`; one naming another cluster is never re-labelled ([`claim`]),
//! and only a cluster's own is deleted ([`deletable`]). Issuers are checked before they go
//! into a provider or a trust policy, wherever they come from ([`parse_issuer_as`]).

use std::sync::Arc;
use std::time::Duration;

use rosa_lambda_api::oidc;
use sha1::Digest;

use super::{TAG_CLUSTER_NAME, TAG_MANAGED_BY};
use crate::aws::{Aws, describe};
use crate::exit::{Exit, Failure};

/// The `rosa:managed-by` value of a provider made for a cluster (by the function, or by
/// rosactl in its place).
pub const PROVISIONER: &str = "rosa-oidc-provisioner";
pub const TAG_CLUSTER_ID: &str = "rosa:cluster-id";
/// The audiences rosa-oidc-provisioner gives every provider.
const CLIENT_IDS: [&str; 2] = ["openshift", "sts.amazonaws.com"];

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

pub fn check_thumbprint(value: &str) -> Result<String, Failure> {
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

pub async fn provider_tags(
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
pub async fn provider_arns(aws: &Aws) -> anyhow::Result<Vec<String>> {
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
        if tag(TAG_CLUSTER_NAME) == Some(name) && tag(TAG_MANAGED_BY) == Some(PROVISIONER) {
            if let Some((_, issuer)) = arn.split_once(":oidc-provider/") {
                return Ok(Some(format!("https://{issuer}")));
            }
        }
    }
    Ok(None)
}

/// Refuses when `tags` name a cluster other than `name` as the provider's.
pub fn not_anothers(tags: &[(String, String)], name: &str, arn: &str) -> Result<(), Failure> {
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

/// The ARN of `issuer`'s provider in this account.
pub fn provider_arn(aws: &Aws, issuer: &str) -> String {
    super::provider_arn(aws.partition(), &aws.account_id, issuer)
}

/// What rosa-oidc-provisioner does, done with the caller's credentials: create the provider
/// with the function's client ids and tags; an existing one is taken only when those tags
/// say it was made for this cluster (then missing client ids are added).
pub async fn create_directly(aws: &Aws, request: &oidc::Request) -> anyhow::Result<oidc::Response> {
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
        .tags(tag(TAG_MANAGED_BY, PROVISIONER)?)
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
    if tag_of(TAG_MANAGED_BY) != Some(PROVISIONER) {
        return Err(Failure::new(
            Exit::Failed,
            format!("{arn} exists but is not tagged {TAG_MANAGED_BY}={PROVISIONER}: it was not made for a cluster, so it is neither adopted nor changed; delete it or use another issuer URL"),
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

/// Claims the provider `arn` for cluster `name` after it was made or found: refused when
/// it names another cluster; tagged with the cluster's name when it is not yet (so a
/// delete finds it after the cluster is gone). Returns its client ids.
pub async fn claim(aws: &Aws, arn: &str, name: &str) -> anyhow::Result<Vec<String>> {
    let (tags, client_ids) = provider_tags(aws, arn).await?.ok_or_else(|| {
        Failure::new(
            Exit::Failed,
            format!("{arn} was answered but cannot be read"),
        )
    })?;
    not_anothers(&tags, name, arn)?;
    if !tags.iter().any(|(k, v)| k == TAG_CLUSTER_NAME && v == name) {
        let tag = aws_sdk_iam::types::Tag::builder()
            .key(TAG_CLUSTER_NAME)
            .value(name)
            .build()
            .map_err(|e| Failure::new(Exit::Failed, e.to_string()))?;
        aws.iam
            .tag_open_id_connect_provider()
            .open_id_connect_provider_arn(arn)
            .tags(tag)
            .send()
            .await
            .map_err(|e| {
                Failure::new(
                    Exit::Failed,
                    format!(
                        "tagging {arn} with {TAG_CLUSTER_NAME}={name} failed: {}",
                        describe(&e)
                    ),
                )
            })?;
    }
    Ok(client_ids)
}

/// The providers of cluster `name` rosactl may delete: those tagged as made for it (all
/// of the account's, or the one of `issuer`); one named by `issuer` that is not is refused.
pub async fn deletable(aws: &Aws, name: &str, issuer: Option<&str>) -> anyhow::Result<Vec<String>> {
    let candidates: Vec<String> = match issuer {
        Some(url) => vec![provider_arn(aws, url)],
        None => provider_arns(aws).await?,
    };
    let mut ours = Vec::new();
    for arn in candidates {
        let Some((tags, _)) = provider_tags(aws, &arn).await? else {
            continue;
        };
        let tag = |k: &str| {
            tags.iter()
                .find(|(key, _)| key == k)
                .map(|(_, v)| v.as_str())
        };
        let named = tag(TAG_CLUSTER_NAME) == Some(name);
        let managed = tag(TAG_MANAGED_BY) == Some(PROVISIONER) && tag(TAG_CLUSTER_ID).is_some();
        match (named, managed, issuer.is_some()) {
            (true, true, _) => ours.push(arn),
            (_, _, true) => {
                return Err(Failure::new(
                    Exit::Failed,
                    format!(
                        "{arn} is not cluster {name}'s (it needs the tags {TAG_MANAGED_BY}={PROVISIONER} and {TAG_CLUSTER_NAME}={name}): rosactl does not delete it"
                    ),
                )
                .into());
            }
            _ => {}
        }
    }
    Ok(ours)
}

/// Deletes provider `arn` (already gone counts as done).
pub async fn delete(aws: &Aws, arn: &str) -> Result<(), Failure> {
    match aws
        .iam
        .delete_open_id_connect_provider()
        .open_id_connect_provider_arn(arn)
        .send()
        .await
    {
        Ok(_) => Ok(()),
        Err(e)
            if e.as_service_error()
                .is_some_and(|e| e.is_no_such_entity_exception()) =>
        {
            Ok(())
        }
        Err(e) => Err(Failure::new(
            Exit::Failed,
            format!("deleting OIDC provider {arn} failed: {}", describe(&e)),
        )),
    }
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
