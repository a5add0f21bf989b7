//! Property: parsing never panics, whatever the JSON; a rejection always names a field.

use preflight_checker::PreflightRequest;
use rosa_lambda_common::fuzz::Gen;

const ITERATIONS: u64 = 20_000;

fn keys() -> Vec<&'static str> {
    PreflightRequest::KEYS.to_vec()
}

#[test]
fn any_json_is_parsed_or_rejected_naming_a_field() {
    let valid: serde_json::Value = serde_json::from_str(r#"{"region":"us-east-1","cluster_config":{"instance_type":"m5.xlarge","replicas":3,"availability_zones":["us-east-1a"]}}"#).unwrap();
    assert!(PreflightRequest::parse(&valid).is_ok());
    let keys = keys();
    for seed in 1..=ITERATIONS {
        let mut g = Gen::new(seed);
        let event = if seed % 2 == 0 {
            g.value(&keys, 4)
        } else {
            g.mutate(&valid, &keys)
        };
        match std::panic::catch_unwind(|| PreflightRequest::parse(&event)) {
            Ok(Ok(_)) => {}
            Ok(Err(e)) => assert!(
                !e.field.is_empty() && !e.problem.is_empty(),
                "seed {seed}: {e:?}"
            ),
            Err(_) => panic!("seed {seed}: parse panicked on {event}"),
        }
    }
}
