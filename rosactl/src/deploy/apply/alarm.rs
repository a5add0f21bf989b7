//! Steps on a function's alarms and on the functions' dashboard (CloudWatch).

use aws_sdk_cloudwatch::types::{ComparisonOperator, Dimension, Tag};

use super::{Ctx, StepResult, tolerate};
use crate::deploy::alarms::{AlarmKind, AlarmSpec};
use crate::deploy::plan::Action;

fn spec<'a>(ctx: &'a Ctx<'_>, name: &str, kind: AlarmKind) -> Result<&'a AlarmSpec, String> {
    ctx.desired
        .packages
        .get(name)
        .and_then(|p| p.alarm(kind))
        .ok_or_else(|| format!("no {kind:?} alarm is wanted for {name}"))
}

fn tags(spec: &AlarmSpec) -> Vec<Tag> {
    spec.tags
        .iter()
        .map(|(k, v)| Tag::builder().key(k).value(v).build())
        .collect()
}

pub(super) async fn step(ctx: &Ctx<'_>, name: &'static str, action: &Action) -> StepResult {
    let cw = &ctx.aws.cloudwatch;
    match action {
        Action::PutAlarm { kind } => {
            let spec = spec(ctx, name, *kind)?;
            let mut put = cw
                .put_metric_alarm()
                .alarm_name(&spec.name)
                .alarm_description(spec.description())
                .comparison_operator(ComparisonOperator::GreaterThanThreshold)
                .threshold(spec.threshold())
                .evaluation_periods(1)
                .treat_missing_data("notBreaching")
                .actions_enabled(true)
                .set_alarm_actions(Some(spec.topic.iter().cloned().collect()))
                // Taken on creation only (CloudWatch ignores them on an update; TagAlarm).
                .set_tags(Some(tags(spec)));
            put = match spec.metric() {
                Some((metric, statistic)) => put
                    .namespace("AWS/Lambda")
                    .metric_name(metric)
                    .dimensions(
                        Dimension::builder()
                            .name("FunctionName")
                            .value(&spec.function_name)
                            .build(),
                    )
                    .statistic(statistic)
                    .period(300),
                None => put.set_metrics(Some(spec.queries())),
            };
            Ok(put.send().await.map(drop)?)
        }
        Action::TagAlarm { kind } => {
            let spec = spec(ctx, name, *kind)?;
            let arn = ctx
                .observed
                .function(name)
                .alarms
                .iter()
                .find(|a| a.name == spec.name)
                .map(|a| a.arn.clone())
                .ok_or_else(|| {
                    format!("alarm {} was not found when the plan was made", spec.name)
                })?;
            Ok(cw
                .tag_resource()
                .resource_arn(arn)
                .set_tags(Some(tags(spec)))
                .send()
                .await
                .map(drop)?)
        }
        Action::DeleteAlarm { name } => tolerate(
            cw.delete_alarms().alarm_names(name).send().await,
            &["ResourceNotFound"],
        ),
        other => Err(format!("{other:?} is not an alarm step").into()),
    }
}

/// The dashboard's steps (account-wide, no function).
pub(super) async fn dashboard_step(ctx: &Ctx<'_>, action: &Action) -> StepResult {
    let cw = &ctx.aws.cloudwatch;
    let name = crate::deploy::dashboard::name(&ctx.desired.account);
    match action {
        Action::PutDashboard => {
            let (_, body) = ctx
                .desired
                .dashboard
                .as_ref()
                .ok_or_else(|| "no dashboard is wanted".to_string())?;
            let out = cw
                .put_dashboard()
                .dashboard_name(&name)
                .dashboard_body(body.to_string())
                .send()
                .await?;
            // CloudWatch stores a body with problems and says which: a dashboard that does not
            // show what it should is not reported as made.
            let problems: Vec<String> = out
                .dashboard_validation_messages()
                .iter()
                .filter_map(|m| m.message().map(String::from))
                .collect();
            match problems.is_empty() {
                true => Ok(()),
                false => Err(format!(
                    "CloudWatch took dashboard {name} with problems: {}",
                    problems.join("; ")
                )
                .into()),
            }
        }
        Action::DeleteDashboard => tolerate(
            cw.delete_dashboards().dashboard_names(&name).send().await,
            &["ResourceNotFound", "DashboardNotFoundError"],
        ),
        other => Err(format!("{other:?} is not a dashboard step").into()),
    }
}
