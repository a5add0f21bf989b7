//! `rosa-oidc-provisioner`: creates (or updates the thumbprints of) the IAM OIDC provider
//! of a ROSA cluster in the customer's account.
//!
//! Input (field names as on the wire): `issuer_url`, `thumbprint` (one string or a list of up
//! to five; optional: without one, IAM verifies the issuer's TLS chain with its own CAs),
//! `cluster_id`. Output: `oidc_provider_arn`, `status` (`created`, `updated`,
//! `already_exists`).
//!
//! The provider is created with client ids `openshift` and `sts.amazonaws.com`, the thumbprints, and the tags
//! `rosa:cluster-id` and `rosa:managed-by`. Creating first makes concurrent invocations for
//! the same issuer safe: one creates, the others find it (`EntityAlreadyExists`) and compare
//! thumbprints. The provider's ARN is derived from the function's own ARN (account and
//! partition), so no list permission is needed.

use aws_sdk_iam::error::ProvideErrorMetadata;
use aws_sdk_iam::types::Tag;
use rosa_lambda_common::input::{check_issuer_url, check_tag_value, check_thumbprint};
use rosa_lambda_common::{Fields, FunctionError, InputError, Invocation, aws_error};
use serde_json::Value;

/// The operation name used in logs.
pub const OPERATION: &str = "oidc-provision";

/// IAM accepts at most five thumbprints per provider.
pub const MAX_THUMBPRINTS: usize = 5;

pub use rosa_lambda_api::oidc::{Request as OidcRequest, Response as OidcResult};

/// Every field name the request's schema knows, at any depth.
pub const REQUEST_KEYS: &[&str] = &["issuer_url", "thumbprint", "cluster_id"];

/// Parses and validates the event (thumbprints lowercased, duplicates removed, in the order
/// given), naming the first bad field.
pub fn parse_request(event: &Value) -> Result<OidcRequest, InputError> {
    let f = Fields::event(event, REQUEST_KEYS)?;
    let issuer_url = f.str("issuer_url", "an https:// URL")?;
    check_issuer_url("issuer_url", issuer_url)?;

    // No thumbprint (the field missing, or an empty list): the provider is created without a
    // thumbprint list and IAM verifies the issuer with its own trusted CAs, as it has for every
    // issuer since 2024; a provider that exists keeps its list.
    let expected = "a 40-character hex SHA-1 thumbprint, or a list of up to 5 of them";
    let given = f
        .opt_str_list("thumbprint", expected, true)?
        .unwrap_or_default();
    if given.len() > MAX_THUMBPRINTS {
        return Err(f.error(
            "thumbprint",
            format!("expected {expected}, got {} thumbprints", given.len()),
        ));
    }
    let mut thumbprints = Vec::with_capacity(given.len());
    for (path, value) in given {
        let tp = check_thumbprint(&path, value)?;
        if !thumbprints.contains(&tp) {
            thumbprints.push(tp);
        }
    }

    let cluster_id = f.str("cluster_id", "the cluster's id")?;
    check_tag_value("cluster_id", cluster_id)?;
    check_issuer_path(issuer_url, cluster_id)?;
    Ok(OidcRequest {
        issuer_url: issuer_url.to_string(),
        thumbprints,
        cluster_id: cluster_id.to_string(),
    })
}

/// The issuer of a cluster is its own: the URL's path ends in `/<cluster_id>`, and uses only
/// unreserved characters and `/` (no `..`, no empty segment, nothing to encode).
fn check_issuer_path(issuer_url: &str, cluster_id: &str) -> Result<(), InputError> {
    let rest = issuer_url.trim_start_matches("https://");
    let path = rest.split_once('/').map_or("", |(_, p)| p);
    let bad = |why: String| InputError::new("issuer_url", why);
    if !path
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "-._~/".contains(c))
    {
        return Err(bad(format!(
            "the path may hold only letters, digits, '-', '.', '_', '~' and '/', got {path:?}"
        )));
    }
    if path
        .split('/')
        .any(|seg| seg.is_empty() || seg == "." || seg == "..")
    {
        return Err(bad(format!(
            "expected a path ending in /{cluster_id} with no empty, '.' or '..' segment, got {path:?}"
        )));
    }
    if path.rsplit('/').next() != Some(cluster_id) {
        return Err(bad(format!(
            "expected the issuer of cluster {cluster_id}: a path ending in /{cluster_id}, got {issuer_url:?}"
        )));
    }
    Ok(())
}

/// The tags that make a provider this function's, for one cluster.
pub const TAG_MANAGED_BY: &str = "rosa:managed-by";
pub const MANAGED_BY: &str = "rosa-oidc-provisioner";
pub const TAG_CLUSTER_ID: &str = "rosa:cluster-id";

/// The audiences every provider lists: `openshift` (what a cluster's operator roles trust)
/// and STS.
pub const CLIENT_IDS: [&str; 2] = ["openshift", "sts.amazonaws.com"];

fn sdk_error<E: ProvideErrorMetadata + std::fmt::Display>(
    operation: &str,
    permission: &str,
    e: &E,
) -> FunctionError {
    aws_error(
        operation,
        permission,
        e.code(),
        e.message().unwrap_or(&e.to_string()),
    )
}

fn same_set(a: &[String], b: &[String]) -> bool {
    let norm = |v: &[String]| {
        let mut v: Vec<String> = v.iter().map(|s| s.to_ascii_lowercase()).collect();
        v.sort();
        v.dedup();
        v
    };
    norm(a) == norm(b)
}

pub async fn handle(
    iam: &aws_sdk_iam::Client,
    event: Value,
    invocation: Invocation,
) -> Result<OidcResult, FunctionError> {
    let request = parse_request(&event)?;
    let tag = |k: &str, v: &str| {
        Tag::builder()
            .key(k)
            .value(v)
            .build()
            .map_err(|e| FunctionError::Aws {
                operation: "build tag".into(),
                detail: e.to_string(),
            })
    };
    let created = iam
        .create_open_id_connect_provider()
        .url(&request.issuer_url)
        .set_client_id_list(Some(CLIENT_IDS.iter().map(|c| c.to_string()).collect()))
        .set_thumbprint_list((!request.thumbprints.is_empty()).then(|| request.thumbprints.clone()))
        .tags(tag(TAG_CLUSTER_ID, &request.cluster_id)?)
        .tags(tag(TAG_MANAGED_BY, MANAGED_BY)?)
        .send()
        .await;
    let err = match created {
        Ok(out) => {
            return Ok(OidcResult {
                oidc_provider_arn: out.open_id_connect_provider_arn.unwrap_or_default(),
                status: "created".into(),
            });
        }
        Err(e) => e,
    };
    if err.code() != Some("EntityAlreadyExists") {
        return Err(sdk_error(
            "CreateOpenIDConnectProvider",
            "iam:CreateOpenIDConnectProvider",
            &err,
        ));
    }

    let host_and_path = request
        .issuer_url
        .trim_start_matches("https://")
        .trim_end_matches('/');
    let arn = format!(
        "arn:{}:iam::{}:oidc-provider/{host_and_path}",
        invocation.partition(),
        invocation.account_id()
    );
    let existing = iam
        .get_open_id_connect_provider()
        .open_id_connect_provider_arn(&arn)
        .send()
        .await
        .map_err(|e| {
            sdk_error(
                "GetOpenIDConnectProvider",
                "iam:GetOpenIDConnectProvider",
                &e,
            )
        })?;
    // A provider for this issuer that we did not create for this cluster (a customer's
    // GitHub Actions or EKS provider, another cluster's) is never adopted nor changed.
    let tag_of = |key: &str| {
        existing
            .tags()
            .iter()
            .find(|t| t.key() == key)
            .map(|t| t.value().to_string())
    };
    let (managed_by, cluster) = (tag_of(TAG_MANAGED_BY), tag_of(TAG_CLUSTER_ID));
    if managed_by.as_deref() != Some(MANAGED_BY) {
        return Err(FunctionError::NotOwned(format!(
            "{arn} exists but is not tagged {TAG_MANAGED_BY}={MANAGED_BY}: it was not created by this function, so it is neither adopted nor changed; delete it or use another issuer URL"
        )));
    }
    if cluster.as_deref() != Some(request.cluster_id.as_str()) {
        return Err(FunctionError::NotOwned(format!(
            "{arn} belongs to cluster {:?} (tag {TAG_CLUSTER_ID}), not to {}: it is neither adopted nor changed",
            cluster.unwrap_or_default(),
            request.cluster_id
        )));
    }
    // A provider this function made before it listed every audience gets the missing ones.
    let missing: Vec<&str> = CLIENT_IDS
        .into_iter()
        .filter(|c| !existing.client_id_list().iter().any(|have| have == c))
        .collect();
    for client_id in &missing {
        iam.add_client_id_to_open_id_connect_provider()
            .open_id_connect_provider_arn(&arn)
            .client_id(*client_id)
            .send()
            .await
            .map_err(|e| {
                sdk_error(
                    "AddClientIDToOpenIDConnectProvider",
                    "iam:AddClientIDToOpenIDConnectProvider",
                    &e,
                )
            })?;
    }
    // A request without thumbprints leaves the provider's list as it is.
    if request.thumbprints.is_empty() || same_set(existing.thumbprint_list(), &request.thumbprints)
    {
        if !missing.is_empty() {
            return Ok(OidcResult {
                oidc_provider_arn: arn,
                status: "updated".into(),
            });
        }
        return Ok(OidcResult {
            oidc_provider_arn: arn,
            status: "already_exists".into(),
        });
    }
    iam.update_open_id_connect_provider_thumbprint()
        .open_id_connect_provider_arn(&arn)
        .set_thumbprint_list(Some(request.thumbprints.clone()))
        .send()
        .await
        .map_err(|e| {
            sdk_error(
                "UpdateOpenIDConnectProviderThumbprint",
                "iam:UpdateOpenIDConnectProviderThumbprint",
                &e,
            )
        })?;
    Ok(OidcResult {
        oidc_provider_arn: arn,
        status: "updated".into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn tp(c: char) -> String {
        c.to_string().repeat(40)
    }

    #[test]
    fn thumbprint_sets_ignore_case_order_and_repeats() {
        assert!(same_set(&[tp('A'), tp('b')], &[tp('b'), tp('a'), tp('a')]));
        assert!(!same_set(&[tp('a')], &[tp('a'), tp('b')]));
    }

    #[test]
    fn accepts_a_single_thumbprint_or_a_list() {
        let one = parse_request(&json!({"issuer_url":"https://oidc.example.com/c1","thumbprint":tp('A'),"cluster_id":"c1"})).unwrap();
        assert_eq!(one.thumbprints, vec![tp('a')]);
        let many = parse_request(&json!({"issuer_url":"https://oidc.example.com/c1","thumbprint":[tp('a'), tp('b'), tp('A')],"cluster_id":"c1"})).unwrap();
        assert_eq!(many.thumbprints, vec![tp('a'), tp('b')]);
    }

    #[test]
    fn each_field_is_named_when_wrong() {
        let good = json!({"issuer_url":"https://oidc.example.com/c1","thumbprint":tp('a'),"cluster_id":"c1"});
        let cases = [
            ("issuer_url", json!("http://oidc.example.com")),
            ("issuer_url", json!(7)),
            ("thumbprint", json!("abc")),
            (
                "thumbprint",
                json!([tp('a'), tp('b'), tp('c'), tp('d'), tp('e'), tp('f')]),
            ),
            ("thumbprint[1]", json!([tp('a'), 5])),
            ("cluster_id", json!("")),
            ("cluster_id", json!("a\"b")),
            ("issuer_url", json!("https://oidc.example.com/other")),
            ("issuer_url", json!("https://oidc.example.com")),
            ("issuer_url", json!("https://oidc.example.com/x/../c1")),
            ("issuer_url", json!("https://oidc.example.com//c1")),
            ("issuer_url", json!("https://oidc.example.com/%631")),
        ];
        for (field, value) in cases {
            let mut ev = good.clone();
            let key = field.split('[').next().unwrap();
            ev[key] = value;
            let err = parse_request(&ev).unwrap_err();
            assert_eq!(err.field, field, "{ev}");
        }
        for missing in REQUEST_KEYS.iter().filter(|k| **k != "thumbprint") {
            let mut ev = good.clone();
            ev.as_object_mut().unwrap().remove(*missing);
            assert_eq!(parse_request(&ev).unwrap_err().field, *missing);
        }
    }

    #[test]
    fn a_request_without_thumbprints_asks_iam_to_use_its_own_cas() {
        for thumbprint in [None, Some(json!([]))] {
            let mut ev = json!({"issuer_url":"https://oidc.example.com/c1","cluster_id":"c1"});
            if let Some(t) = thumbprint {
                ev["thumbprint"] = t;
            }
            assert!(parse_request(&ev).unwrap().thumbprints.is_empty(), "{ev}");
        }
    }
}
