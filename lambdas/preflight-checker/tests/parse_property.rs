//! Property: parsing never panics, whatever the JSON; a rejection always names a field.

use preflight_checker::{REQUEST_KEYS, parse_request};

#[test]
fn any_json_is_parsed_or_rejected_naming_a_field() {
    let valid = serde_json::from_str(r#"{"region":"us-east-1","cluster_config":{"instance_type":"m5.xlarge","replicas":3,"availability_zones":["us-east-1a"]}}"#).unwrap();
    rosa_lambda_common::fuzz::check_parser(&valid, REQUEST_KEYS, 20_000, parse_request);
}
