//! The functions' CloudWatch dashboard (`setup-account --dashboard`): per function its
//! invocations, errors and throttles, its duration's p50 and p99, and the figures its EMF lines
//! report. Dashboards belong to the account, not a region, so the name carries the region;
//! they take no tags, so the body's first widget says it is rosactl's (and that is what makes
//! one ours).

use serde_json::{Value, json};

use super::account::Account;

/// What the first widget's text carries on every dashboard rosactl makes.
pub const MARKER: &str = "rosa:managed-by=rosactl";

pub fn name(account: &Account) -> String {
    format!("{}rosa-lambda-{}", account.rules.prefix, account.region)
}

/// Whether a dashboard body (as CloudWatch answers it) is one rosactl made.
pub fn is_ours(body: &Value) -> bool {
    body["widgets"]
        .as_array()
        .and_then(|w| w.first())
        .and_then(|w| w["properties"]["markdown"].as_str())
        .is_some_and(|m| m.contains(MARKER))
}

/// The body, for every function of `account`.
pub fn body(account: &Account) -> Value {
    let region = account.region.as_str();
    let mut widgets = vec![json!({
        "type": "text", "x": 0, "y": 0, "width": 24, "height": 2,
        "properties": {"markdown": format!(
            "## ROSA Lambda functions ({region})\nMade by rosactl ({MARKER}); `rosactl setup-account --no-dashboard` removes it, `rosactl metrics` shows the same figures."
        )},
    })];
    for (i, f) in account.functions.iter().enumerate() {
        let name = f.function_name.as_str();
        let y = 2 + 6 * i as i64;
        let lambda = |metric: &str, stat: &str| json!(["AWS/Lambda", metric, "FunctionName", name, {"stat": stat}]);
        let figures: &[&str] = if f.spec.function_name.ends_with("oidc-provisioner") {
            &["ProvidersCreated", "ProvidersUpdated", "ProvidersRefused"]
        } else {
            &["ChecksFailed", "ChecksWarned"]
        };
        let own: Vec<Value> = figures
            .iter()
            .enumerate()
            .map(|(n, metric)| {
                json!([{
                    "expression": format!(
                        "SUM(SEARCH('{{ROSA/Lambda,Function,Operation}} Function=\"{name}\" MetricName=\"{metric}\"', 'Sum', 300))"
                    ),
                    "label": metric,
                    "id": format!("e{n}"),
                }])
            })
            .collect();
        widgets.push(json!({
            "type": "metric", "x": 0, "y": y, "width": 8, "height": 6,
            "properties": {"title": format!("{name}: invocations, errors, throttles"), "region": region,
                "period": 300, "view": "timeSeries",
                "metrics": [lambda("Invocations", "Sum"), lambda("Errors", "Sum"), lambda("Throttles", "Sum")]},
        }));
        widgets.push(json!({
            "type": "metric", "x": 8, "y": y, "width": 8, "height": 6,
            "properties": {"title": format!("{name}: duration (ms)"), "region": region,
                "period": 300, "view": "timeSeries",
                "metrics": [lambda("Duration", "p50"), lambda("Duration", "p99")]},
        }));
        widgets.push(json!({
            "type": "metric", "x": 16, "y": y, "width": 8, "height": 6,
            "properties": {"title": format!("{name}: its own figures"), "region": region,
                "period": 300, "view": "timeSeries", "metrics": own},
        }));
    }
    json!({"widgets": widgets})
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deploy::rules::AccountRules;

    #[test]
    fn the_body_is_ours_and_names_every_function() {
        let account = Account::new("123456789012", "eu-west-1", "aws", AccountRules::standard());
        let b = body(&account);
        assert!(is_ours(&b));
        assert_eq!(name(&account), "rosa-lambda-eu-west-1");
        let text = b.to_string();
        for f in &account.functions {
            assert!(text.contains(&f.function_name), "{}", f.function_name);
        }
        assert!(text.contains("ProvidersRefused") && text.contains("ChecksWarned"));
        assert!(!is_ours(
            &json!({"widgets": [{"type": "text", "properties": {"markdown": "mine"}}]})
        ));
        // 1 text widget + 3 per function, within CloudWatch's 500.
        assert_eq!(b["widgets"].as_array().unwrap().len(), 10);
    }
}
