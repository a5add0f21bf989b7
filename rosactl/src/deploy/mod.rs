//! ONE engine for setup, cleanup (and later update, promote, rollback):
//! desired state ([`desired`]) → observed state ([`observed`], AWS reads) → a plan of typed
//! steps ([`plan`], pure) → [`apply`] (parallel per function, resumable).

pub mod apply;
pub mod desired;
pub mod names;
pub mod observed;
pub mod plan;
pub mod progress;

use aws_sdk_lambda::primitives::Blob;
use serde::Serialize;

use crate::aws::{Aws, describe};
use desired::Desired;
use names::PROD;

/// How a function answered the validation invocation.
#[derive(Debug, Clone, Serialize)]
pub struct Validation {
    pub function_name: String,
    pub ok: bool,
    pub detail: String,
}

/// Invokes each function's `prod` alias with `{}`. Our functions must answer it with their
/// own typed input error naming the first required field: proof that the deployed code is
/// ours, runs, and answers through the alias the platform uses, with no side effect at all
/// (a real sample payload would, for the OIDC provisioner, create a provider).
pub async fn validate(aws: &Aws, desired: &Desired) -> Vec<Validation> {
    let checks = desired.functions.iter().map(|f| async move {
        let name = f.spec.function_name;
        let qualified = format!("{name}:{PROD}");
        let (ok, detail) = match aws
            .lambda
            .invoke()
            .function_name(&qualified)
            .payload(Blob::new("{}"))
            .send()
            .await
        {
            Err(e) => (
                false,
                format!("invoking {qualified} failed: {}", describe(&e)),
            ),
            Ok(out) => {
                let body = out.payload.map(|p| p.into_inner()).unwrap_or_default();
                let answer: serde_json::Value = serde_json::from_slice(&body).unwrap_or_default();
                let error_type = answer["errorType"].as_str().unwrap_or_default();
                let message = answer["errorMessage"].as_str().unwrap_or_default();
                if out.function_error.is_some()
                    && error_type == "InvalidInput"
                    && message.contains("required field is missing")
                {
                    (
                        true,
                        format!("{qualified} answered with its own input validation"),
                    )
                } else {
                    (
                        false,
                        format!(
                            "{qualified} did not answer as expected (function error {:?}): {}",
                            out.function_error,
                            String::from_utf8_lossy(&body)
                                .chars()
                                .take(300)
                                .collect::<String>()
                        ),
                    )
                }
            }
        };
        Validation {
            function_name: name.to_string(),
            ok,
            detail,
        }
    });
    futures_util::future::join_all(checks).await
}
