//! The design's CloudWatch alarms, per function (`setup-account --alarms`): error rate above
//! 5 % over 5 minutes (metric math on Errors / Invocations), any throttle in 5 minutes, and a
//! duration above 30 s. Named after the function, tagged as rosactl's, the `--alarm-topic`
//! SNS topic as their action. What matters of an alarm is compared as one canonical JSON
//! value ([`AlarmSpec::settings`] against [`settings_of`]): a difference is a reset.

use std::collections::BTreeMap;

use aws_sdk_cloudwatch::types::{
    ComparisonOperator, Dimension, Metric, MetricAlarm, MetricDataQuery, MetricStat, Statistic,
};
use serde::Serialize;
use serde_json::{Value, json};

/// Lambda's own metrics.
const LAMBDA: &str = "AWS/Lambda";
/// Every alarm looks at 5 minutes.
const PERIOD: i32 = 300;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AlarmKind {
    ErrorRate,
    Throttles,
    Duration,
}

pub const KINDS: [AlarmKind; 3] = [
    AlarmKind::ErrorRate,
    AlarmKind::Throttles,
    AlarmKind::Duration,
];

impl AlarmKind {
    fn suffix(self) -> &'static str {
        match self {
            AlarmKind::ErrorRate => "error-rate",
            AlarmKind::Throttles => "throttles",
            AlarmKind::Duration => "duration",
        }
    }

    fn says(self) -> &'static str {
        match self {
            AlarmKind::ErrorRate => "more than 5% of invocations failed in 5 minutes",
            AlarmKind::Throttles => "an invocation was throttled in 5 minutes",
            AlarmKind::Duration => "an invocation ran longer than 30 seconds in 5 minutes",
        }
    }
}

/// The alarm name of `kind` for a function (its name in AWS, the prefix included).
pub fn alarm_name(function_name: &str, kind: AlarmKind) -> String {
    format!("{function_name}-{}", kind.suffix())
}

/// One alarm as rosactl makes it.
#[derive(Debug, Clone, PartialEq)]
pub struct AlarmSpec {
    pub name: String,
    pub kind: AlarmKind,
    /// The function's name in AWS.
    pub function_name: String,
    pub topic: Option<String>,
    pub tags: BTreeMap<String, String>,
}

fn dimension(function_name: &str) -> Dimension {
    Dimension::builder()
        .name("FunctionName")
        .value(function_name)
        .build()
}

fn stat(function_name: &str, metric: &str) -> MetricStat {
    MetricStat::builder()
        .metric(
            Metric::builder()
                .namespace(LAMBDA)
                .metric_name(metric)
                .dimensions(dimension(function_name))
                .build(),
        )
        .period(PERIOD)
        .stat("Sum")
        .build()
}

impl AlarmSpec {
    pub fn description(&self) -> String {
        format!(
            "rosactl: {} ({}); set by rosactl setup-account --alarms",
            self.kind.says(),
            self.function_name
        )
    }

    pub fn threshold(&self) -> f64 {
        match self.kind {
            AlarmKind::ErrorRate => 5.0,
            AlarmKind::Throttles => 0.0,
            AlarmKind::Duration => 30_000.0,
        }
    }

    /// The metric-math queries of the error-rate alarm (empty for the others).
    pub fn queries(&self) -> Vec<MetricDataQuery> {
        if self.kind != AlarmKind::ErrorRate {
            return Vec::new();
        }
        let query = |id: &str, metric: &str| {
            MetricDataQuery::builder()
                .id(id)
                .metric_stat(stat(&self.function_name, metric))
                .return_data(false)
                .build()
        };
        vec![
            query("errors", "Errors"),
            query("invocations", "Invocations"),
            MetricDataQuery::builder()
                .id("rate")
                .expression("IF(invocations > 0, 100 * errors / invocations, 0)")
                .label("Error rate (%)")
                .return_data(true)
                .build(),
        ]
    }

    /// The single metric of the throttle and duration alarms.
    pub fn metric(&self) -> Option<(&'static str, Statistic)> {
        match self.kind {
            AlarmKind::ErrorRate => None,
            AlarmKind::Throttles => Some(("Throttles", Statistic::Sum)),
            AlarmKind::Duration => Some(("Duration", Statistic::Maximum)),
        }
    }

    /// What matters of the alarm, canonically.
    pub fn settings(&self) -> Value {
        let queries: Vec<Value> = self.queries().iter().map(query_settings).collect();
        let metric = self.metric().map(|(name, statistic)| {
            json!({
                "namespace": LAMBDA,
                "metric": name,
                "dimensions": {"FunctionName": self.function_name},
                "statistic": statistic.as_str(),
                "period": PERIOD,
            })
        });
        json!({
            "comparison": ComparisonOperator::GreaterThanThreshold.as_str(),
            "threshold": self.threshold(),
            "evaluation_periods": 1,
            "treat_missing_data": "notBreaching",
            "actions": self.topic.iter().collect::<Vec<_>>(),
            "metric": metric,
            "queries": queries,
        })
    }
}

impl AlarmSpec {
    /// The PutMetricAlarm input as the AWS CLI takes it (`--cli-input-json`), for the manual
    /// mode's script: the same alarm the SDK call makes.
    pub fn cli_input(&self) -> Value {
        let dims = json!([{"Name": "FunctionName", "Value": self.function_name}]);
        let mut input = json!({
            "AlarmName": self.name,
            "AlarmDescription": self.description(),
            "ActionsEnabled": true,
            "AlarmActions": self.topic.iter().collect::<Vec<_>>(),
            "ComparisonOperator": ComparisonOperator::GreaterThanThreshold.as_str(),
            "Threshold": self.threshold(),
            "EvaluationPeriods": 1,
            "TreatMissingData": "notBreaching",
            "Tags": self.tags.iter().map(|(k, v)| json!({"Key": k, "Value": v})).collect::<Vec<_>>(),
        });
        match self.metric() {
            Some((metric, statistic)) => {
                input["Namespace"] = LAMBDA.into();
                input["MetricName"] = metric.into();
                input["Dimensions"] = dims;
                input["Statistic"] = statistic.as_str().into();
                input["Period"] = PERIOD.into();
            }
            None => {
                input["Metrics"] = self
                    .queries()
                    .iter()
                    .map(|q| {
                        let mut m =
                            json!({"Id": q.id(), "ReturnData": q.return_data().unwrap_or(true)});
                        if let Some(e) = q.expression() {
                            m["Expression"] = e.into();
                        }
                        if let Some(l) = q.label() {
                            m["Label"] = l.into();
                        }
                        if let Some(st) = q.metric_stat() {
                            let metric = st.metric();
                            m["MetricStat"] = json!({
                                "Metric": {
                                    "Namespace": metric.and_then(|m| m.namespace()),
                                    "MetricName": metric.and_then(|m| m.metric_name()),
                                    "Dimensions": dims,
                                },
                                "Period": st.period(),
                                "Stat": st.stat(),
                            });
                        }
                        m
                    })
                    .collect();
            }
        }
        input
    }
}

fn query_settings(q: &MetricDataQuery) -> Value {
    let stat = q.metric_stat().map(|s| {
        let m = s.metric();
        json!({
            "namespace": m.and_then(|m| m.namespace()),
            "metric": m.and_then(|m| m.metric_name()),
            "dimensions": m.map(|m| dimensions(m.dimensions())).unwrap_or_default(),
            "period": s.period(),
            "stat": s.stat(),
        })
    });
    json!({
        "id": q.id(),
        "expression": q.expression(),
        "stat": stat,
        "return_data": q.return_data().unwrap_or(true),
    })
}

fn dimensions(list: &[Dimension]) -> Value {
    list.iter()
        .map(|d| {
            (
                d.name().unwrap_or_default().to_string(),
                Value::from(d.value().unwrap_or_default()),
            )
        })
        .collect::<serde_json::Map<_, _>>()
        .into()
}

/// What matters of an alarm CloudWatch answered, in [`AlarmSpec::settings`]' shape.
pub fn settings_of(a: &MetricAlarm) -> Value {
    let metric = a.metric_name().map(|name| {
        json!({
            "namespace": a.namespace(),
            "metric": name,
            "dimensions": dimensions(a.dimensions()),
            "statistic": a.statistic().map(|s| s.as_str()),
            "period": a.period(),
        })
    });
    let mut actions: Vec<&str> = a.alarm_actions().iter().map(String::as_str).collect();
    actions.sort();
    json!({
        "comparison": a.comparison_operator().map(|c| c.as_str()),
        "threshold": a.threshold(),
        "evaluation_periods": a.evaluation_periods(),
        "treat_missing_data": a.treat_missing_data(),
        "actions": actions,
        "metric": metric,
        "queries": a.metrics().iter().map(query_settings).collect::<Vec<_>>(),
    })
}

/// An alarm with one of rosactl's names, as found.
#[derive(Debug, Clone, PartialEq)]
pub struct AlarmState {
    pub name: String,
    pub arn: String,
    /// `OK`, `ALARM` or `INSUFFICIENT_DATA`.
    pub state: String,
    pub settings: Value,
    pub tags: BTreeMap<String, String>,
}

/// `--alarm-topic`: an SNS topic of this partition and region (CloudWatch alarms notify only
/// topics in their own region), short enough to be recorded in a tag.
pub fn check_topic(arn: &str, partition: &str, region: &str) -> Result<(), String> {
    let parts: Vec<&str> = arn.split(':').collect();
    let ok = parts.len() == 6
        && parts[0] == "arn"
        && parts[2] == "sns"
        && parts[4].len() == 12
        && parts[4].bytes().all(|b| b.is_ascii_digit())
        && !parts[5].is_empty();
    if !ok {
        return Err(format!(
            "--alarm-topic {arn:?}: expected an SNS topic ARN, arn:{partition}:sns:{region}:ACCOUNT:TOPIC"
        ));
    }
    if parts[1] != partition || parts[3] != region {
        return Err(format!(
            "--alarm-topic {arn:?}: the topic must be in {partition} / {region}, where the alarms are (CloudWatch notifies topics of its own region only)"
        ));
    }
    if arn.chars().count() > 256 {
        return Err(format!(
            "--alarm-topic: at most 256 characters (it is recorded in a tag), got {}",
            arn.chars().count()
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(kind: AlarmKind) -> AlarmSpec {
        AlarmSpec {
            name: alarm_name("rosa-preflight-checker", kind),
            kind,
            function_name: "rosa-preflight-checker".into(),
            topic: Some("arn:aws:sns:us-east-1:123456789012:ops".into()),
            tags: BTreeMap::new(),
        }
    }

    /// The alarm as PutMetricAlarm would leave it, read back.
    fn as_answered(s: &AlarmSpec) -> MetricAlarm {
        let mut a = MetricAlarm::builder()
            .alarm_name(&s.name)
            .comparison_operator(ComparisonOperator::GreaterThanThreshold)
            .threshold(s.threshold())
            .evaluation_periods(1)
            .treat_missing_data("notBreaching")
            .set_alarm_actions(s.topic.clone().map(|t| vec![t]))
            .set_metrics(Some(s.queries()).filter(|q| !q.is_empty()));
        if let Some((name, statistic)) = s.metric() {
            a = a
                .namespace(LAMBDA)
                .metric_name(name)
                .dimensions(dimension(&s.function_name))
                .statistic(statistic)
                .period(PERIOD);
        }
        a.build()
    }

    #[test]
    fn an_alarm_as_made_reads_back_the_same_and_a_change_is_seen() {
        for kind in KINDS {
            let s = spec(kind);
            assert_eq!(settings_of(&as_answered(&s)), s.settings(), "{kind:?}");
            let mut other = s.clone();
            other.topic = None;
            assert_ne!(settings_of(&as_answered(&other)), s.settings(), "{kind:?}");
        }
        let rate = spec(AlarmKind::ErrorRate);
        assert_eq!(rate.name, "rosa-preflight-checker-error-rate");
        assert_eq!(rate.queries().len(), 3);
        assert!(rate.metric().is_none());
    }

    #[test]
    fn topics_are_checked() {
        assert!(check_topic("arn:aws:sns:us-east-1:123456789012:ops", "aws", "us-east-1").is_ok());
        for (arn, says) in [
            ("ops", "expected an SNS topic ARN"),
            (
                "arn:aws:sqs:us-east-1:123456789012:q",
                "expected an SNS topic ARN",
            ),
            (
                "arn:aws:sns:us-west-2:123456789012:ops",
                "must be in aws / us-east-1",
            ),
        ] {
            let err = check_topic(arn, "aws", "us-east-1").unwrap_err();
            assert!(err.contains(says), "{arn}: {err}");
        }
    }
}
