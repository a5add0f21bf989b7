//! Property: parsing never panics, whatever the JSON; a rejection always names a field.

use network_verifier::{REQUEST_KEYS, parse_request};

#[test]
fn any_json_is_parsed_or_rejected_naming_a_field() {
    let valid = serde_json::from_str(r#"{"vpc_id":"vpc-0123456789abcdef0","subnet_ids":["subnet-01234567"],"requirements":{"private_subnets_required":true,"min_availability_zones":1,"min_free_ips_per_subnet":16}}"#).unwrap();
    rosa_lambda_common::fuzz::check_parser(&valid, REQUEST_KEYS, 20_000, parse_request);
}
