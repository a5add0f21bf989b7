//! Property tests with proptest: the three Lambda input parsers and the Platform API client's
//! response parsing, on arbitrary JSON and on mutations of valid documents.
//!
//! Properties, beyond "never panics":
//! - a parse that succeeds round-trips: the request, serialized back to JSON, parses to the
//!   same request;
//! - a rejection names a field that exists in the input or in the schema (or the event itself);
//! - a Platform API answer that decodes round-trips; one that does not is rejected as "not the
//!   JSON expected", with the serde reason, never accepted half-way.
//!
//! Each property prints how many inputs it ran and how long it took (docs/reliability.md).

use std::time::Instant;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{Map, Value, json};

const CASES: u32 = 20_000;

/// Strings that matter to the parsers, plus arbitrary ones.
fn string() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "",
            " ",
            "https://",
            "http://x",
            "https://oidc.example.com/c1",
            "vpc-0123456789abcdef0",
            "vpc-",
            "subnet-01234567",
            "subnet-XYZ",
            "us-east-1",
            "us-east-1a",
            "m5.xlarge",
            "m5.",
            "é",
            "💥",
            "\u{0}",
            "a\"b",
            "9e99a48a9960b14926bb7f3b02e22da2b0ab7280",
            "-1",
            "null",
        ])
        .prop_map(String::from),
        any::<String>(),
        (1usize..2000).prop_map(|n| "x".repeat(n)),
    ]
}

/// Any JSON value; object keys are drawn from `keys` half of the time.
fn json_value(keys: &'static [&'static str]) -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<u64>().prop_map(|n| json!(n)),
        (-1e12f64..1e12).prop_map(|f| json!(f)),
        string().prop_map(Value::String),
    ];
    let key = prop_oneof![
        prop::sample::select(keys.to_vec()).prop_map(String::from),
        string()
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
            prop::collection::vec((key.clone(), inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Every key at any depth of `v`.
fn keys_of(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                out.push(k.clone());
                keys_of(x, out);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| keys_of(x, out)),
        _ => {}
    }
}

/// `valid` with one change: a value at the `pick`-th key (depth first) replaced by `with`,
/// removed, or an unknown key added next to it.
fn mutate(valid: &Value, pick: usize, with: Value, how: u8, unknown: String) -> Value {
    fn walk(v: &mut Value, pick: &mut usize, with: &Value, how: u8, unknown: &str) -> bool {
        if let Value::Object(m) = v {
            let keys: Vec<String> = m.keys().cloned().collect();
            for k in keys {
                if *pick == 0 {
                    match how % 3 {
                        0 => {
                            m.insert(k, with.clone());
                        }
                        1 => {
                            m.remove(&k);
                        }
                        _ => {
                            m.insert(unknown.to_string(), with.clone());
                        }
                    }
                    return true;
                }
                *pick -= 1;
                if walk(m.get_mut(&k).unwrap(), pick, with, how, unknown) {
                    return true;
                }
            }
        } else if let Value::Array(a) = v {
            for x in a {
                if walk(x, pick, with, how, unknown) {
                    return true;
                }
            }
        }
        false
    }
    let mut out = valid.clone();
    let mut n = pick;
    walk(&mut out, &mut n, &with, how, &unknown);
    out
}

/// The property of one parser, on arbitrary events and on mutations of `valid`.
fn parser_property<T>(
    name: &str,
    valid: Value,
    schema: &'static [&'static str],
    parse: impl Fn(&Value) -> Result<T, rosa_lambda_common::InputError>,
) where
    T: serde::Serialize + PartialEq + std::fmt::Debug,
{
    assert!(parse(&valid).is_ok(), "{name}: the valid event parses");
    let mut runner = TestRunner::new(Config {
        cases: CASES,
        failure_persistence: None,
        ..Config::default()
    });
    let strategy = prop_oneof![
        json_value(schema),
        (0usize..12, json_value(schema), any::<u8>(), string())
            .prop_map(move |(pick, with, how, unknown)| mutate(&valid, pick, with, how, unknown)),
    ];
    let started = Instant::now();
    let accepted = std::cell::Cell::new(0u32);
    let rejected = std::cell::Cell::new(0u32);
    runner
        .run(&strategy, |event| {
            match parse(&event) {
                Ok(request) => {
                    accepted.set(accepted.get() + 1);
                    let again = serde_json::to_value(&request).unwrap();
                    let reparsed = parse(&again).map_err(|e| {
                        TestCaseError::fail(format!(
                            "{request:?} serialized to {again} is rejected: {e}"
                        ))
                    })?;
                    prop_assert_eq!(&reparsed, &request, "round trip of {}", event);
                }
                Err(e) => {
                    rejected.set(rejected.get() + 1);
                    let mut keys = Vec::new();
                    keys_of(&event, &mut keys);
                    // How a parser names a key: as is when plain, quoted otherwise.
                    let label = |k: &str| {
                        if !k.is_empty()
                            && k.chars()
                                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
                        {
                            k.to_string()
                        } else {
                            rosa_lambda_common::input::quote(k)
                        }
                    };
                    let labels: Vec<String> = schema
                        .iter()
                        .map(|k| k.to_string())
                        .chain(keys.iter().map(|k| label(k)))
                        .collect();
                    // The last component of the field's path, without array indexes.
                    let mut field = e.field.as_str();
                    while field.ends_with(']') {
                        field = field.rfind('[').map_or(field, |i| &field[..i]);
                    }
                    let named = field == "event"
                        || labels
                            .iter()
                            .any(|l| field == l || field.ends_with(&format!(".{l}")));
                    prop_assert!(
                        named,
                        "{} names {:?}, in neither the input nor the schema: {}",
                        name,
                        e.field,
                        event
                    );
                    prop_assert!(!e.problem.is_empty(), "an empty problem for {}", event);
                }
            }
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    eprintln!(
        "{name}: {CASES} inputs ({} accepted and round-tripped, {} rejected naming a field) in {:.2} s",
        accepted.get(),
        rejected.get(),
        started.elapsed().as_secs_f64()
    );
}

#[test]
fn oidc_provisioner_input() {
    parser_property(
        "rosa-oidc-provisioner",
        json!({"issuer_url": "https://oidc.example.com/c1", "cluster_id": "c1", "thumbprint": "9e99a48a9960b14926bb7f3b02e22da2b0ab7280"}),
        oidc_provisioner::REQUEST_KEYS,
        oidc_provisioner::parse_request,
    );
}

#[test]
fn preflight_checker_input() {
    parser_property(
        "rosa-preflight-checker",
        json!({"region": "us-east-1", "cluster_config": {"instance_type": "m5.xlarge", "replicas": 3, "availability_zones": ["us-east-1a"]}}),
        preflight_checker::REQUEST_KEYS,
        preflight_checker::parse_request,
    );
}

#[test]
fn network_verifier_input() {
    parser_property(
        "rosa-network-verifier",
        json!({"vpc_id": "vpc-0123456789abcdef0", "subnet_ids": ["subnet-01234567"]}),
        network_verifier::REQUEST_KEYS,
        network_verifier::parse_request,
    );
}

const CLUSTER_KEYS: &[&str] = &[
    "id",
    "name",
    "target_project_id",
    "created_by",
    "oidc_issuer_url",
    "generation",
    "resource_version",
    "spec",
    "status",
    "phase",
    "conditions",
    "items",
    "total",
    "kind",
    "page",
    "size",
    "arn",
    "account_id",
    "privileged",
    "created_at",
];

/// One Platform API answer type: decoded as the client decodes it.
fn answer_property<T>(name: &str, valid: Value)
where
    T: serde::de::DeserializeOwned + serde::Serialize + PartialEq + std::fmt::Debug,
{
    let decode = |body: Vec<u8>| {
        rosa_platform_client::RawResponse {
            status: 200,
            content_type: Some("application/json".into()),
            request_id: None,
            retry_after: None,
            body,
        }
        .json::<T>()
    };
    assert!(
        decode(valid.to_string().into_bytes()).is_ok(),
        "{name}: the valid answer decodes"
    );
    let mut runner = TestRunner::new(Config {
        cases: CASES,
        failure_persistence: None,
        ..Config::default()
    });
    let strategy = prop_oneof![
        json_value(CLUSTER_KEYS).prop_map(|v| v.to_string().into_bytes()),
        (0usize..12, json_value(CLUSTER_KEYS), any::<u8>(), string()).prop_map(
            move |(pick, with, how, unknown)| mutate(&valid, pick, with, how, unknown)
                .to_string()
                .into_bytes()
        ),
        // Not JSON at all: HTML, cut documents, nothing.
        prop_oneof![
            Just(b"<html><body>502 Bad Gateway</body></html>".to_vec()),
            Just(Vec::new()),
            any::<Vec<u8>>(),
        ],
    ];
    let started = Instant::now();
    let (accepted, rejected) = (std::cell::Cell::new(0u32), std::cell::Cell::new(0u32));
    runner
        .run(&strategy, |body| {
            match decode(body.clone()) {
                Ok(value) => {
                    accepted.set(accepted.get() + 1);
                    let again = serde_json::to_vec(&value).unwrap();
                    let decoded = decode(again).map_err(|e| {
                        TestCaseError::fail(format!("{value:?} does not decode again: {e}"))
                    })?;
                    prop_assert_eq!(&decoded, &value);
                }
                Err(e) => {
                    rejected.set(rejected.get() + 1);
                    prop_assert_eq!(e.status, 200);
                    prop_assert!(
                        e.reason
                            .starts_with("the answer is not the JSON expected ("),
                        "{}: {}",
                        name,
                        e.reason
                    );
                    // The serde reason says where or what: a line and column inside the
                    // answer, or a field of the schema.
                    let located = e.reason.contains(" at line ")
                        || e.reason.contains("missing field")
                        || e.reason.contains("EOF");
                    prop_assert!(located, "{}: {}", name, e.reason);
                }
            }
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    eprintln!(
        "Platform API {name}: {CASES} answers ({} decoded and round-tripped, {} rejected with their serde reason) in {:.2} s",
        accepted.get(),
        rejected.get(),
        started.elapsed().as_secs_f64()
    );
}

#[test]
fn platform_api_cluster_answers() {
    answer_property::<rosa_platform_client::models::Cluster>(
        "Cluster",
        json!({"id": "c1", "name": "c1", "target_project_id": "p", "created_by": "me", "generation": 1, "resource_version": "1", "spec": {}}),
    );
}

#[test]
fn platform_api_info_answers() {
    answer_property::<rosa_platform_client::models::Info>(
        "Info",
        json!({"arn": "arn:aws:iam::210987654321:role/LambdaExecutor"}),
    );
}
