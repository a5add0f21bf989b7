//! A checker of CloudWatch's embedded metric format (the specification's rules, as CloudWatch
//! Logs applies them before it extracts a metric): tests run it over the log lines the bed
//! captured from the packaged functions.

use serde_json::{Map, Value};

/// The units the specification allows.
pub const UNITS: &[&str] = &[
    "Seconds",
    "Microseconds",
    "Milliseconds",
    "Bytes",
    "Kilobytes",
    "Megabytes",
    "Gigabytes",
    "Terabytes",
    "Bits",
    "Kilobits",
    "Megabits",
    "Gigabits",
    "Terabits",
    "Percent",
    "Count",
    "Bytes/Second",
    "Kilobytes/Second",
    "Megabytes/Second",
    "Gigabytes/Second",
    "Terabytes/Second",
    "Bits/Second",
    "Kilobits/Second",
    "Megabits/Second",
    "Gigabits/Second",
    "Terabits/Second",
    "Count/Second",
    "None",
];

/// One metric an EMF line defines: namespace, dimension set (name = value pairs), name,
/// unit and value(s).
#[derive(Debug, Clone, PartialEq)]
pub struct Extracted {
    pub namespace: String,
    pub dimensions: Vec<(String, String)>,
    pub name: String,
    pub unit: Option<String>,
    pub values: Vec<f64>,
}

/// Whether a log line is meant as EMF (a JSON object with `_aws`).
pub fn is_emf(line: &str) -> bool {
    matches!(serde_json::from_str::<Value>(line), Ok(Value::Object(o)) if o.contains_key("_aws"))
}

fn string_in(v: &Value, what: &str, min: usize, max: usize) -> Result<String, String> {
    let s = v
        .as_str()
        .ok_or_else(|| format!("{what}: expected a string, got {v}"))?;
    let n = s.chars().count();
    if n < min || n > max || s.trim().is_empty() {
        return Err(format!(
            "{what}: expected {min}-{max} characters, got {s:?}"
        ));
    }
    Ok(s.to_string())
}

fn array<'a>(v: Option<&'a Value>, what: &str) -> Result<&'a Vec<Value>, String> {
    v.ok_or_else(|| format!("{what}: required"))?
        .as_array()
        .ok_or_else(|| format!("{what}: expected an array"))
}

fn values_of(root: &Map<String, Value>, name: &str) -> Result<Vec<f64>, String> {
    match root.get(name) {
        Some(Value::Number(n)) => Ok(vec![n.as_f64().unwrap_or(f64::NAN)]),
        Some(Value::Array(items)) if !items.is_empty() && items.len() <= 100 => items
            .iter()
            .map(|i| {
                i.as_f64()
                    .ok_or_else(|| format!("metric {name}: values must be numbers, got {i}"))
            })
            .collect(),
        Some(other) => Err(format!(
            "metric {name}: expected a number or 1-100 numbers, got {other}"
        )),
        None => Err(format!(
            "metric {name}: defined in _aws but no root member carries its value"
        )),
    }
}

/// Checks one line against the specification and returns every metric it defines.
pub fn check(line: &str) -> Result<Vec<Extracted>, String> {
    let root = match serde_json::from_str::<Value>(line) {
        Ok(Value::Object(root)) => root,
        Ok(_) => return Err("the line is not a JSON object".into()),
        Err(e) => return Err(format!("not JSON: {e}")),
    };
    let meta = root
        .get("_aws")
        .and_then(Value::as_object)
        .ok_or("_aws: required object")?;
    match meta.get("Timestamp") {
        Some(Value::Number(n)) if n.as_u64().is_some() => {}
        other => {
            return Err(format!(
                "_aws.Timestamp: expected milliseconds since the epoch (a non-negative integer), got {other:?}"
            ));
        }
    }
    let directives = array(meta.get("CloudWatchMetrics"), "_aws.CloudWatchMetrics")?;
    let mut out = Vec::new();
    for (i, d) in directives.iter().enumerate() {
        let at = format!("_aws.CloudWatchMetrics[{i}]");
        let d = d
            .as_object()
            .ok_or_else(|| format!("{at}: expected an object"))?;
        let namespace = string_in(
            d.get("Namespace").unwrap_or(&Value::Null),
            &format!("{at}.Namespace"),
            1,
            1024,
        )?;
        let sets = array(d.get("Dimensions"), &format!("{at}.Dimensions"))?;
        let mut dimension_sets = Vec::new();
        for (j, set) in sets.iter().enumerate() {
            let names = array(Some(set), &format!("{at}.Dimensions[{j}]"))?;
            if names.len() > 30 {
                return Err(format!("{at}.Dimensions[{j}]: at most 30 dimensions"));
            }
            let mut pairs = Vec::new();
            for n in names {
                let name = string_in(n, &format!("{at}.Dimensions[{j}] member"), 1, 255)?;
                let value = match root.get(&name) {
                    Some(Value::String(v)) if !v.is_empty() && v.chars().count() <= 1024 => {
                        v.clone()
                    }
                    other => {
                        return Err(format!(
                            "dimension {name}: the root member must be a 1-1024 character string, got {other:?}"
                        ));
                    }
                };
                pairs.push((name, value));
            }
            dimension_sets.push(pairs);
        }
        let metrics = array(d.get("Metrics"), &format!("{at}.Metrics"))?;
        if metrics.len() > 100 {
            return Err(format!("{at}.Metrics: at most 100 metrics"));
        }
        for (k, m) in metrics.iter().enumerate() {
            let mat = format!("{at}.Metrics[{k}]");
            let m = m
                .as_object()
                .ok_or_else(|| format!("{mat}: expected an object"))?;
            let name = string_in(
                m.get("Name").unwrap_or(&Value::Null),
                &format!("{mat}.Name"),
                1,
                1024,
            )?;
            let unit = match m.get("Unit") {
                None => None,
                Some(Value::String(u)) if UNITS.contains(&u.as_str()) => Some(u.clone()),
                Some(other) => return Err(format!("{mat}.Unit: not a CloudWatch unit: {other}")),
            };
            match m.get("StorageResolution") {
                None => {}
                Some(v) if v.as_u64() == Some(1) || v.as_u64() == Some(60) => {}
                Some(other) => {
                    return Err(format!(
                        "{mat}.StorageResolution: expected 1 or 60, got {other}"
                    ));
                }
            }
            let values = values_of(&root, &name)?;
            for set in &dimension_sets {
                out.push(Extracted {
                    namespace: namespace.clone(),
                    dimensions: set.clone(),
                    name: name.clone(),
                    unit: unit.clone(),
                    values: values.clone(),
                });
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"{"_aws":{"Timestamp":1700000000000,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[["F"],["F","O"]],"Metrics":[{"Name":"Invocations","Unit":"Count"}]}]},"F":"f","O":"o","Invocations":1}"#;

    #[test]
    fn a_good_line_yields_a_metric_per_dimension_set() {
        let got = check(GOOD).unwrap();
        assert_eq!(got.len(), 2);
        assert_eq!(
            got[1].dimensions,
            vec![("F".into(), "f".into()), ("O".into(), "o".into())]
        );
        assert_eq!(got[0].values, vec![1.0]);
    }

    #[test]
    fn each_broken_rule_is_refused() {
        for (broken, why) in [
            (GOOD.replace("1700000000000", "\"now\""), "Timestamp"),
            (GOOD.replace("\"Count\"", "\"Things\""), "Unit"),
            (GOOD.replace(",\"Invocations\":1}", "}"), "no root member"),
            (GOOD.replace("\"F\":\"f\",", ""), "dimension F"),
            (GOOD.replace("\"Namespace\":\"N\",", ""), "Namespace"),
            (
                GOOD.replace("\"Invocations\":1}", "\"Invocations\":\"1\"}"),
                "Invocations",
            ),
            ("[1]".to_string(), "not a JSON object"),
        ] {
            let err = check(&broken).unwrap_err();
            assert!(err.contains(why), "{broken}: {err}");
        }
    }
}
