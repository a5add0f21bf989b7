//! Property: parsing never panics, whatever the JSON; a rejection always names a field.

use oidc_provisioner::{REQUEST_KEYS, parse_request};

#[test]
fn any_json_is_parsed_or_rejected_naming_a_field() {
    let valid = serde_json::from_str(r#"{"issuer_url":"https://oidc.example.com/c1","thumbprint":["9e99a48a9960b14926bb7f3b02e22da2b0ab7280"],"cluster_id":"c1"}"#).unwrap();
    rosa_lambda_common::fuzz::check_parser(&valid, REQUEST_KEYS, 20_000, parse_request);
}
