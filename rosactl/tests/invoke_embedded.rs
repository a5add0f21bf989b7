//! The packages embedded in rosactl run for real in the test bed: a function created in the
//! AWS stand-in from the embedded zip is invoked through the Lambda API, and the answer is
//! what our Rust code produced, through the Lambda Runtime API.

use aws_sdk_lambda::primitives::Blob;
use aws_sdk_lambda::types::{FunctionCode, Runtime};
use rosa_testbed::AwsBed;
use serde_json::{Value, json};

const TRUST: &str = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#;

struct Deployed {
    lambda: aws_sdk_lambda::Client,
    logs: aws_sdk_cloudwatchlogs::Client,
}

/// Creates every embedded function in the bed, straight from the embedded zips.
async fn deploy(bed: &AwsBed) -> Deployed {
    let config = rosa_testbed::sdk_config(&bed.endpoint).await;
    let iam = aws_sdk_iam::Client::new(&config);
    let lambda = aws_sdk_lambda::Client::new(&config);
    let role = iam
        .create_role()
        .role_name("embedded-test-role")
        .assume_role_policy_document(TRUST)
        .send()
        .await
        .unwrap()
        .role
        .unwrap()
        .arn;
    for p in rosactl::payloads::verified().unwrap() {
        lambda
            .create_function()
            .function_name(p.spec.function_name)
            .runtime(Runtime::Providedal2023)
            .handler("bootstrap")
            .role(&role)
            .memory_size(p.spec.memory_mb)
            .timeout(p.spec.timeout_s)
            .code(
                FunctionCode::builder()
                    .zip_file(Blob::new(p.zip.to_vec()))
                    .build(),
            )
            .send()
            .await
            .unwrap();
    }
    Deployed {
        lambda,
        logs: aws_sdk_cloudwatchlogs::Client::new(&config),
    }
}

/// Invokes and returns (function error, parsed payload).
async fn invoke(d: &Deployed, function: &str, event: Value) -> (Option<String>, Value) {
    let out = d
        .lambda
        .invoke()
        .function_name(function)
        .payload(Blob::new(event.to_string().into_bytes()))
        .send()
        .await
        .unwrap();
    let payload = out.payload.map(|p| p.into_inner()).unwrap_or_default();
    (
        out.function_error,
        serde_json::from_slice(&payload).unwrap(),
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn the_embedded_oidc_provisioner_answers_with_our_own_code() {
    let bed = AwsBed::start().unwrap();
    let d = deploy(&bed).await;
    let thumbprint = "9E99A48A9960B14926BB7F3B02E22DA2B0AB7280";

    let (error, payload) = invoke(
        &d,
        "rosa-oidc-provisioner",
        json!({"issuer_url": "http://oidc.example.com/c1", "thumbprint": thumbprint, "cluster_id": "c1"}),
    )
    .await;
    assert_eq!(error.as_deref(), Some("Unhandled"));
    assert_eq!(payload["errorType"], "InvalidInput");
    let message = payload["errorMessage"].as_str().unwrap();
    assert!(
        message.contains("issuer_url") && message.contains("https"),
        "{message}"
    );

    let (error, payload) = invoke(
        &d,
        "rosa-oidc-provisioner",
        json!({"issuer_url": "https://d1.cloudfront.net/c1", "thumbprint": thumbprint, "cluster_id": "c1"}),
    )
    .await;
    assert_eq!(error, None, "{payload}");
    assert_eq!(
        payload,
        json!({"status": "created", "oidc_provider_arn": "arn:aws:iam::123456789012:oidc-provider/d1.cloudfront.net/c1"})
    );

    // The function's own structured log line and the runtime's REPORT reached its log group.
    let events = d
        .logs
        .filter_log_events()
        .log_group_name("/aws/lambda/rosa-oidc-provisioner")
        .send()
        .await
        .unwrap()
        .events
        .unwrap_or_default();
    let messages: Vec<String> = events.into_iter().filter_map(|e| e.message).collect();
    let invocation: Vec<Value> = messages
        .iter()
        .filter_map(|m| serde_json::from_str::<Value>(m).ok())
        .filter(|v| v["message"] == "invocation")
        .collect();
    assert_eq!(invocation.len(), 2, "{messages:#?}");
    assert_eq!(invocation[0]["operation"], "oidc-provision");
    assert_eq!(invocation[0]["error_type"], "InvalidInput");
    assert!(
        invocation[1]["request_id"]
            .as_str()
            .is_some_and(|id| !id.is_empty())
    );
    assert!(invocation[1]["duration_ms"].is_u64());
    assert!(
        messages
            .iter()
            .any(|m| m.starts_with("REPORT RequestId:") && m.contains("Init Duration"))
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn every_embedded_function_names_the_missing_field() {
    let bed = AwsBed::start().unwrap();
    let d = deploy(&bed).await;
    for (function, field) in [
        ("rosa-oidc-provisioner", "issuer_url"),
        ("rosa-preflight-checker", "region"),
        ("rosa-network-verifier", "vpc_id"),
    ] {
        let (error, payload) = invoke(&d, function, json!({})).await;
        assert_eq!(error.as_deref(), Some("Unhandled"), "{function}");
        assert_eq!(payload["errorType"], "InvalidInput", "{function}");
        let message = payload["errorMessage"].as_str().unwrap();
        assert!(
            message.contains(&format!("{field}: required field is missing")),
            "{function}: {message}"
        );
    }
    // Not an object at all, and unknown fields, through the real binaries too.
    let (_, payload) = invoke(&d, "rosa-network-verifier", json!([1, 2])).await;
    assert!(
        payload["errorMessage"]
            .as_str()
            .unwrap()
            .contains("event: expected a JSON object")
    );
    let (_, payload) = invoke(&d, "rosa-preflight-checker", json!({"regoin": "us-east-1"})).await;
    assert!(
        payload["errorMessage"]
            .as_str()
            .unwrap()
            .contains("regoin: unknown field")
    );
}
