//! The three error shapes a Platform API answer can take all become one `ApiError`.

use rosa_platform_client::{ApiError, RawResponse};

fn response(status: u16, body: &str) -> RawResponse {
    RawResponse {
        status,
        content_type: None,
        request_id: None,
        retry_after: None,
        body: body.as_bytes().to_vec(),
    }
}

#[test]
fn contract_gateway_and_plain_text_errors() {
    let e = ApiError::from_response(&response(
        409,
        r#"{"kind":"Error","code":"account-exists","reason":"already registered"}"#,
    ));
    assert_eq!(
        (e.status, e.code.as_deref(), e.reason.as_str()),
        (409, Some("account-exists"), "already registered")
    );
    assert_eq!(e.to_string(), "HTTP 409 account-exists: already registered");

    let e = ApiError::from_response(&response(
        403,
        r#"{"message":"Missing Authentication Token"}"#,
    ));
    assert_eq!(
        (e.code, e.reason.as_str()),
        (None, "Missing Authentication Token")
    );

    let e = ApiError::from_response(&response(404, "404 page not found\n"));
    assert_eq!(e.to_string(), "HTTP 404: 404 page not found");

    let e = ApiError::from_response(&response(502, ""));
    assert_eq!(e.reason, "(empty body)");
}

#[test]
fn json_only_for_successes() {
    let ok: serde_json::Value = response(200, r#"{"status":"ok"}"#).json().unwrap();
    assert_eq!(ok["status"], "ok");
    let err = response(503, r#"{"status":"unavailable"}"#)
        .json::<serde_json::Value>()
        .unwrap_err();
    assert_eq!(err.status, 503);
    assert!(
        response(200, "not json")
            .json::<serde_json::Value>()
            .is_err()
    );
}
