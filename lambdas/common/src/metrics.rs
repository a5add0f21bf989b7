//! Metrics from the functions in CloudWatch's embedded metric format (EMF): one JSON line per
//! invocation on stdout, which CloudWatch Logs turns into metrics in the [`NAMESPACE`]
//! namespace. No SDK call and no permission beyond writing the function's own logs.
//!
//! Every line carries `Invocations` (1) and `Duration` (milliseconds) under the dimensions
//! `Function, Operation` and `Function, Operation, Outcome` (the outcome: `Success` or the
//! error type), and each function's own figures ([`Figures`]): checks failed and warned
//! (preflight, network), OIDC providers created, updated and refused.

use rosa_lambda_api::{Status, network, oidc, preflight};
use serde_json::{Map, Value, json};

use crate::FunctionError;

/// The CloudWatch namespace of the functions' own metrics.
pub const NAMESPACE: &str = "ROSA/Lambda";

/// The outcome dimension's value of an invocation that answered.
pub const SUCCESS: &str = "Success";

/// A function's own figures for one invocation: every name this function reports, each with
/// a value (zero included, so that sums over a period are right).
pub trait Figures {
    /// The figures of an answered invocation.
    fn figures(&self) -> Vec<(&'static str, f64)>;
    /// The figures of a failed one (default: all zero).
    fn error_figures(err: &FunctionError) -> Vec<(&'static str, f64)>;
}

fn count(results: impl Iterator<Item = Status>) -> Vec<(&'static str, f64)> {
    let (mut failed, mut warned) = (0.0, 0.0);
    for status in results {
        match status {
            Status::Failed | Status::Error => failed += 1.0,
            Status::Warning => warned += 1.0,
            Status::Passed => {}
        }
    }
    vec![("ChecksFailed", failed), ("ChecksWarned", warned)]
}

impl Figures for preflight::Response {
    fn figures(&self) -> Vec<(&'static str, f64)> {
        count(self.validation_results.iter().map(|r| r.status))
    }
    fn error_figures(_: &FunctionError) -> Vec<(&'static str, f64)> {
        vec![("ChecksFailed", 0.0), ("ChecksWarned", 0.0)]
    }
}

impl Figures for network::Response {
    fn figures(&self) -> Vec<(&'static str, f64)> {
        count(self.network_validation_results.iter().map(|r| r.status))
    }
    fn error_figures(_: &FunctionError) -> Vec<(&'static str, f64)> {
        vec![("ChecksFailed", 0.0), ("ChecksWarned", 0.0)]
    }
}

fn providers(created: bool, updated: bool, refused: bool) -> Vec<(&'static str, f64)> {
    let one = |b: bool| if b { 1.0 } else { 0.0 };
    vec![
        ("ProvidersCreated", one(created)),
        ("ProvidersUpdated", one(updated)),
        ("ProvidersRefused", one(refused)),
    ]
}

impl Figures for oidc::Response {
    fn figures(&self) -> Vec<(&'static str, f64)> {
        providers(self.status == "created", self.status == "updated", false)
    }
    /// A provider that exists and is not this cluster's is refused (`NotOwned`).
    fn error_figures(err: &FunctionError) -> Vec<(&'static str, f64)> {
        providers(false, false, matches!(err, FunctionError::NotOwned(_)))
    }
}

/// One invocation, as its EMF line reports it.
#[derive(Debug, Clone)]
pub struct Line<'a> {
    pub function: &'a str,
    /// The version that ran (`$LATEST` or a number).
    pub version: &'a str,
    pub operation: &'a str,
    /// [`SUCCESS`] or the error type.
    pub outcome: &'a str,
    pub request_id: &'a str,
    pub duration_ms: u64,
    pub timestamp_ms: u64,
    pub figures: Vec<(&'static str, f64)>,
}

/// Units CloudWatch accepts that these lines use.
fn unit_of(metric: &str) -> &'static str {
    match metric {
        "Duration" => "Milliseconds",
        _ => "Count",
    }
}

impl Line<'_> {
    /// The EMF JSON object: `_aws` metadata, the dimension values and the metric values as
    /// root members, and the request id and version as plain properties (searchable in logs,
    /// not dimensions: they would make a metric per request).
    pub fn to_json(&self) -> Value {
        let mut metrics = vec![("Invocations", 1.0), ("Duration", self.duration_ms as f64)];
        metrics.extend(self.figures.iter().copied());
        let definitions: Vec<Value> = metrics
            .iter()
            .map(|(name, _)| json!({"Name": name, "Unit": unit_of(name)}))
            .collect();
        let mut root = Map::new();
        root.insert(
            "_aws".into(),
            json!({
                "Timestamp": self.timestamp_ms,
                "CloudWatchMetrics": [{
                    "Namespace": NAMESPACE,
                    "Dimensions": [["Function", "Operation"], ["Function", "Operation", "Outcome"]],
                    "Metrics": definitions,
                }],
            }),
        );
        root.insert("Function".into(), self.function.into());
        root.insert("Operation".into(), self.operation.into());
        root.insert("Outcome".into(), self.outcome.into());
        root.insert("Version".into(), self.version.into());
        root.insert("request_id".into(), self.request_id.into());
        for (name, value) in metrics {
            root.insert(name.into(), json!(value));
        }
        Value::Object(root)
    }
}

/// Writes one EMF line on stdout (Lambda ships stdout to the log group line by line).
pub fn emit(line: &Line<'_>) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{}", line.to_json());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_names_every_metric_it_carries() {
        let line = Line {
            function: "rosa-preflight-checker",
            version: "3",
            operation: "preflight-check",
            outcome: SUCCESS,
            request_id: "r-1",
            duration_ms: 42,
            timestamp_ms: 1_700_000_000_000,
            figures: vec![("ChecksFailed", 1.0), ("ChecksWarned", 2.0)],
        }
        .to_json();
        let names: Vec<&str> = line["_aws"]["CloudWatchMetrics"][0]["Metrics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["Name"].as_str().unwrap())
            .collect();
        assert_eq!(
            names,
            ["Invocations", "Duration", "ChecksFailed", "ChecksWarned"]
        );
        for name in names {
            assert!(line[name].is_number(), "{name} has a value");
        }
        assert_eq!(line["Duration"], 42.0);
        assert_eq!(line["ChecksWarned"], 2.0);
        assert_eq!(line["Outcome"], "Success");
    }

    #[test]
    fn a_refused_provider_counts_as_refused() {
        let figures = oidc::Response::error_figures(&FunctionError::NotOwned("x".into()));
        assert!(figures.contains(&("ProvidersRefused", 1.0)));
        let figures = oidc::Response::error_figures(&FunctionError::InvalidInput(
            crate::InputError::new("issuer_url", "required field is missing"),
        ));
        assert!(figures.contains(&("ProvidersRefused", 0.0)));
    }

    #[test]
    fn checks_count_failed_and_warned() {
        let figures = count(
            [
                Status::Passed,
                Status::Failed,
                Status::Error,
                Status::Warning,
            ]
            .into_iter(),
        );
        assert_eq!(figures, vec![("ChecksFailed", 2.0), ("ChecksWarned", 1.0)]);
    }
}
