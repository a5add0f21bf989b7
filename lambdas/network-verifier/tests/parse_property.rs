//! Property: parsing never panics, whatever the JSON; a rejection always names a field.

use network_verifier::NetworkRequest;
use rosa_lambda_common::fuzz::Gen;

const ITERATIONS: u64 = 20_000;

fn keys() -> Vec<&'static str> {
    NetworkRequest::KEYS.to_vec()
}

#[test]
fn any_json_is_parsed_or_rejected_naming_a_field() {
    let valid: serde_json::Value = serde_json::from_str(r#"{"vpc_id":"vpc-0123456789abcdef0","subnet_ids":["subnet-01234567"],"requirements":{"private_subnets_required":true,"min_availability_zones":1,"min_free_ips_per_subnet":16}}"#).unwrap();
    assert!(NetworkRequest::parse(&valid).is_ok());
    let keys = keys();
    for seed in 1..=ITERATIONS {
        let mut g = Gen::new(seed);
        let event = if seed % 2 == 0 {
            g.value(&keys, 4)
        } else {
            g.mutate(&valid, &keys)
        };
        match std::panic::catch_unwind(|| NetworkRequest::parse(&event)) {
            Ok(Ok(_)) => {}
            Ok(Err(e)) => assert!(
                !e.field.is_empty() && !e.problem.is_empty(),
                "seed {seed}: {e:?}"
            ),
            Err(_) => panic!("seed {seed}: parse panicked on {event}"),
        }
    }
}
