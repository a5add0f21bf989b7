//! Property: parsing never panics, whatever the JSON; a rejection always names a field.

use oidc_provisioner::OidcRequest;
use rosa_lambda_common::fuzz::Gen;

const ITERATIONS: u64 = 20_000;

fn keys() -> Vec<&'static str> {
    OidcRequest::KEYS.to_vec()
}

#[test]
fn any_json_is_parsed_or_rejected_naming_a_field() {
    let valid: serde_json::Value = serde_json::from_str(r#"{"issuer_url":"https://oidc.example.com/c","thumbprint":["9e99a48a9960b14926bb7f3b02e22da2b0ab7280"],"cluster_id":"c1"}"#).unwrap();
    assert!(OidcRequest::parse(&valid).is_ok());
    let keys = keys();
    for seed in 1..=ITERATIONS {
        let mut g = Gen::new(seed);
        let event = if seed % 2 == 0 {
            g.value(&keys, 4)
        } else {
            g.mutate(&valid, &keys)
        };
        match std::panic::catch_unwind(|| OidcRequest::parse(&event)) {
            Ok(Ok(_)) => {}
            Ok(Err(e)) => assert!(
                !e.field.is_empty() && !e.problem.is_empty(),
                "seed {seed}: {e:?}"
            ),
            Err(_) => panic!("seed {seed}: parse panicked on {event}"),
        }
    }
}
