//! `rosa-oidc-provisioner`: creates (or updates the thumbprints of) the IAM OIDC provider
//! of a ROSA cluster in the customer's account.
//!
//! Input (field names as on the wire): `issuer_url`, `thumbprint` (one string or a list),
//! `cluster_id`. Output: `oidc_provider_arn`, `status` (`created`, `updated`,
//! `already_exists`).
//!
//! Scope of this version: the event is parsed and validated and a typed answer of status
//! `validated` is returned; the IAM calls (CreateOpenIDConnectProvider and friends) are not
//! made yet. They arrive with the issue "The three Lambda functions do their real work".

use rosa_lambda_common::input::{check_issuer_url, check_tag_value, check_thumbprint};
use rosa_lambda_common::{Fields, FunctionError, InputError};
use serde::Serialize;
use serde_json::Value;

/// The operation name used in logs.
pub const OPERATION: &str = "oidc-provision";

/// IAM accepts at most five thumbprints per provider.
pub const MAX_THUMBPRINTS: usize = 5;

/// A validated request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OidcRequest {
    pub issuer_url: String,
    /// Lowercased, duplicates removed, in the order given.
    pub thumbprints: Vec<String>,
    pub cluster_id: String,
}

impl OidcRequest {
    pub const FIELDS: &'static [&'static str] = &["issuer_url", "thumbprint", "cluster_id"];

    pub fn parse(event: &Value) -> Result<Self, InputError> {
        let f = Fields::event(event, Self::FIELDS)?;
        let issuer_url = f.str("issuer_url", "an https:// URL")?;
        check_issuer_url("issuer_url", issuer_url)?;

        let expected = "a 40-character hex SHA-1 thumbprint, or a list of 1 to 5 of them";
        let given = f
            .opt_str_list("thumbprint", expected, true)?
            .ok_or_else(|| {
                f.error(
                    "thumbprint",
                    format!("required field is missing; expected {expected}"),
                )
            })?;
        if given.is_empty() || given.len() > MAX_THUMBPRINTS {
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
        Ok(OidcRequest {
            issuer_url: issuer_url.to_string(),
            thumbprints,
            cluster_id: cluster_id.to_string(),
        })
    }
}

/// The answer of this validation-only version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Validated {
    /// Always `validated`: the input is well formed; no IAM call was made.
    pub status: &'static str,
    pub request: OidcRequest,
}

pub async fn handle(event: Value) -> Result<Validated, FunctionError> {
    let request = OidcRequest::parse(&event)?;
    Ok(Validated {
        status: "validated",
        request,
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
    fn accepts_a_single_thumbprint_or_a_list() {
        let one = OidcRequest::parse(&json!({"issuer_url":"https://oidc.example.com/c1","thumbprint":tp('A'),"cluster_id":"c1"})).unwrap();
        assert_eq!(one.thumbprints, vec![tp('a')]);
        let many = OidcRequest::parse(&json!({"issuer_url":"https://oidc.example.com","thumbprint":[tp('a'), tp('b'), tp('A')],"cluster_id":"c1"})).unwrap();
        assert_eq!(many.thumbprints, vec![tp('a'), tp('b')]);
    }

    #[test]
    fn each_field_is_named_when_wrong() {
        let good =
            json!({"issuer_url":"https://oidc.example.com","thumbprint":tp('a'),"cluster_id":"c1"});
        let cases = [
            ("issuer_url", json!("http://oidc.example.com")),
            ("issuer_url", json!(7)),
            ("thumbprint", json!("abc")),
            ("thumbprint", json!([])),
            (
                "thumbprint",
                json!([tp('a'), tp('b'), tp('c'), tp('d'), tp('e'), tp('f')]),
            ),
            ("thumbprint[1]", json!([tp('a'), 5])),
            ("cluster_id", json!("")),
            ("cluster_id", json!("a\"b")),
        ];
        for (field, value) in cases {
            let mut ev = good.clone();
            let key = field.split('[').next().unwrap();
            ev[key] = value;
            let err = OidcRequest::parse(&ev).unwrap_err();
            assert_eq!(err.field, field, "{ev}");
        }
        for missing in OidcRequest::FIELDS {
            let mut ev = good.clone();
            ev.as_object_mut().unwrap().remove(*missing);
            assert_eq!(OidcRequest::parse(&ev).unwrap_err().field, *missing);
        }
    }
}
