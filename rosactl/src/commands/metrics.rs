//! `rosactl metrics`: each function's invocations, errors, throttles and duration (p50, p99)
//! from CloudWatch (Lambda's own AWS/Lambda metrics), for the function as a whole and through
//! each alias, over `--since`; sparklines of the invocations and errors per period on a
//! terminal.

use std::io::IsTerminal;
use std::time::{SystemTime, UNIX_EPOCH};

use aws_sdk_cloudwatch::types::{Dimension, Metric, MetricDataQuery, MetricStat};
use aws_smithy_types::DateTime;
use serde::Serialize;

use super::logs::{parse_since, rfc3339};
use crate::aws::{Aws, describe};
use crate::cli::MetricsArgs;
use crate::deploy::account::Account;
use crate::deploy::names::{PROD, STAGING};
use crate::exit::{Exit, Failure};
use crate::output::{Format, Output, print_table, table};
use crate::settings::Settings;

/// How many periods the window is cut into for the series.
const POINTS: i64 = 24;

/// The period (seconds, a multiple of 60) that cuts `span_s` into at most [`POINTS`] parts.
pub fn period_for(span_s: i64) -> i32 {
    let per = (span_s + POINTS - 1) / POINTS;
    let minutes = ((per + 59) / 60).max(1);
    (minutes * 60).min(i64::from(i32::MAX)) as i32
}

/// `values` as a row of block characters, lowest to highest (empty periods as the lowest).
pub fn sparkline(values: &[f64]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let max = values.iter().copied().fold(0.0_f64, f64::max);
    values
        .iter()
        .map(|v| {
            if max <= 0.0 {
                BARS[0]
            } else {
                BARS[((v / max) * 7.0).round().clamp(0.0, 7.0) as usize]
            }
        })
        .collect()
}

#[derive(Debug, Clone, Serialize)]
pub struct Point {
    pub time: String,
    pub invocations: f64,
    pub errors: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub function: String,
    /// `all` (every invocation of the function), or the alias invoked.
    pub alias: String,
    pub invocations: f64,
    pub errors: f64,
    pub throttles: f64,
    /// Errors as a share of invocations, in percent (None without invocations).
    pub error_rate_percent: Option<f64>,
    pub duration_p50_ms: Option<f64>,
    pub duration_p99_ms: Option<f64>,
    pub series: Vec<Point>,
}

#[derive(Debug, Serialize)]
struct Report {
    account_id: String,
    region: String,
    since: String,
    until: String,
    period_seconds: i32,
    functions: Vec<Row>,
}

/// What each row reads: (metric, statistic, query-id suffix).
const READS: [(&str, &str, &str); 5] = [
    ("Invocations", "Sum", "inv"),
    ("Errors", "Sum", "err"),
    ("Throttles", "Sum", "thr"),
    ("Duration", "p50", "p50"),
    ("Duration", "p99", "p99"),
];

fn query(
    id: String,
    dims: &[(String, String)],
    metric: &str,
    stat: &str,
    period: i32,
) -> MetricDataQuery {
    MetricDataQuery::builder()
        .id(id)
        .metric_stat(
            MetricStat::builder()
                .metric(
                    Metric::builder()
                        .namespace("AWS/Lambda")
                        .metric_name(metric)
                        .set_dimensions(Some(
                            dims.iter()
                                .map(|(k, v)| Dimension::builder().name(k).value(v).build())
                                .collect(),
                        ))
                        .build(),
                )
                .period(period)
                .stat(stat)
                .build(),
        )
        .return_data(true)
        .build()
}

pub async fn run(out: &Output, global: &Settings, args: &MetricsArgs) -> anyhow::Result<()> {
    let now = SystemTime::now();
    let start = parse_since(&args.since, now)?;
    let selected = Account::select(&args.filter.functions).map_err(Failure::usage)?;
    let end = now
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or_default();
    if start >= end {
        return Err(Failure::usage("--since: the start must be in the past").into());
    }
    let aws = Aws::load(global).await?;
    let account = crate::deploy::account_of(&aws, global).await?;
    // Asked up to the next whole minute: CloudWatch works in whole periods, and a data point
    // of the last moments must not fall outside the window.
    let read_until = (end / 60_000 + 1) * 60_000;
    let span_s = ((read_until - start) / 1000).max(60);
    let period = period_for(span_s);
    // The totals: one period over the whole window (percentiles do not add up).
    let whole = period_for(span_s * POINTS);

    // Rows: each function as a whole and through each alias.
    let mut rows: Vec<(String, String, Vec<(String, String)>)> = Vec::new();
    for name in &selected {
        let fname = account
            .function(name)
            .expect("selected")
            .function_name
            .clone();
        let by_function = vec![("FunctionName".to_string(), fname.clone())];
        rows.push((fname.clone(), "all".into(), by_function.clone()));
        for alias in [PROD, STAGING] {
            let mut dims = by_function.clone();
            dims.push(("Resource".into(), format!("{fname}:{alias}")));
            rows.push((fname.clone(), alias.to_string(), dims));
        }
    }
    let mut queries = Vec::new();
    for (i, (_, _, dims)) in rows.iter().enumerate() {
        for (metric, stat, suffix) in READS {
            queries.push(query(
                format!("r{i}_{suffix}_total"),
                dims,
                metric,
                stat,
                whole,
            ));
            if suffix == "inv" || suffix == "err" {
                queries.push(query(
                    format!("r{i}_{suffix}_series"),
                    dims,
                    metric,
                    stat,
                    period,
                ));
            }
        }
    }
    let results = read(&aws, queries, start, read_until).await?;
    let total = |i: usize, suffix: &str| -> Option<f64> {
        let values = results.get(&format!("r{i}_{suffix}_total"))?;
        match suffix {
            "p50" | "p99" => values.first().map(|(_, v)| *v),
            _ => Some(values.iter().map(|(_, v)| v).fold(0.0, |a, b| a + b)),
        }
    };
    let mut report_rows = Vec::new();
    for (i, (function, alias, _)) in rows.iter().enumerate() {
        let series_of = |suffix: &str| {
            results
                .get(&format!("r{i}_{suffix}_series"))
                .cloned()
                .unwrap_or_default()
        };
        let (inv, err) = (series_of("inv"), series_of("err"));
        let mut series = Vec::new();
        let mut t = start;
        while t < read_until {
            let at = |s: &[(i64, f64)]| {
                s.iter()
                    .filter(|(ts, _)| *ts >= t && *ts < t + i64::from(period) * 1000)
                    .map(|(_, v)| v)
                    .fold(0.0, |a, b| a + b)
            };
            series.push(Point {
                time: rfc3339(t),
                invocations: at(&inv),
                errors: at(&err),
            });
            t += i64::from(period) * 1000;
        }
        let invocations = total(i, "inv").unwrap_or(0.0);
        let errors = total(i, "err").unwrap_or(0.0);
        report_rows.push(Row {
            function: function.clone(),
            alias: alias.clone(),
            invocations,
            errors,
            throttles: total(i, "thr").unwrap_or(0.0),
            error_rate_percent: (invocations > 0.0)
                .then(|| (errors / invocations * 1000.0).round() / 10.0),
            duration_p50_ms: total(i, "p50"),
            duration_p99_ms: total(i, "p99"),
            series,
        });
    }
    let report = Report {
        account_id: aws.account_id.clone(),
        region: aws.region.clone(),
        since: rfc3339(start),
        until: rfc3339(end),
        period_seconds: period,
        functions: report_rows,
    };
    if out.format != Format::Table {
        return out.document(&report);
    }
    render(&report, std::io::stdout().is_terminal());
    Ok(())
}

/// Every data point of every query, by query id: (time in ms, value). All pages.
async fn read(
    aws: &Aws,
    queries: Vec<MetricDataQuery>,
    start: i64,
    end: i64,
) -> anyhow::Result<std::collections::BTreeMap<String, Vec<(i64, f64)>>> {
    let mut found: std::collections::BTreeMap<String, Vec<(i64, f64)>> = Default::default();
    // GetMetricData takes up to 500 queries a call.
    for chunk in queries.chunks(500) {
        let mut pages = aws
            .cloudwatch
            .get_metric_data()
            .set_metric_data_queries(Some(chunk.to_vec()))
            .start_time(DateTime::from_millis(start))
            .end_time(DateTime::from_millis(end))
            .into_paginator()
            .send();
        while let Some(page) = pages.next().await {
            let page = page.map_err(|e| {
                Failure::new(
                    Exit::Failed,
                    format!(
                        "reading the functions' metrics (cloudwatch:GetMetricData) failed: {}",
                        describe(&e)
                    ),
                )
            })?;
            for r in page.metric_data_results() {
                let entry = found
                    .entry(r.id().unwrap_or_default().to_string())
                    .or_default();
                for (t, v) in r.timestamps().iter().zip(r.values()) {
                    entry.push((t.to_millis().unwrap_or_default(), *v));
                }
            }
        }
    }
    Ok(found)
}

fn ms(v: Option<f64>) -> String {
    v.map_or("-".into(), |v| format!("{v:.0}"))
}

fn render(r: &Report, terminal: bool) {
    let mut header = vec![
        "FUNCTION",
        "ALIAS",
        "INVOCATIONS",
        "ERRORS",
        "THROTTLES",
        "P50 MS",
        "P99 MS",
    ];
    if terminal {
        header.extend(["INVOCATIONS OVER TIME", "ERRORS OVER TIME"]);
    }
    let mut t = table(&header);
    for row in &r.functions {
        let mut cells = vec![
            if row.alias == "all" {
                row.function.clone()
            } else {
                String::new()
            },
            row.alias.clone(),
            format!("{:.0}", row.invocations),
            match row.error_rate_percent {
                Some(p) => format!("{:.0} ({p}%)", row.errors),
                None => format!("{:.0}", row.errors),
            },
            format!("{:.0}", row.throttles),
            ms(row.duration_p50_ms),
            ms(row.duration_p99_ms),
        ];
        if terminal {
            let invocations: Vec<f64> = row.series.iter().map(|p| p.invocations).collect();
            let errors: Vec<f64> = row.series.iter().map(|p| p.errors).collect();
            cells.push(sparkline(&invocations));
            cells.push(sparkline(&errors));
        }
        t.add_row(cells);
    }
    println!(
        "Metrics of {} / {} from {} to {} ({} s periods):",
        r.account_id, r.region, r.since, r.until, r.period_seconds
    );
    print_table(&t);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_are_whole_minutes_and_at_most_24_per_window() {
        assert_eq!(period_for(3600), 180);
        assert_eq!(period_for(86_400), 3600);
        assert_eq!(period_for(60), 60);
        assert_eq!(period_for(7 * 86_400), 25_200);
        for span in [61, 999, 86_401, 1_000_000] {
            let p = i64::from(period_for(span));
            assert_eq!(p % 60, 0);
            assert!((span + p - 1) / p <= POINTS, "{span}: {p}");
        }
    }

    #[test]
    fn sparklines_scale_to_the_highest_value() {
        assert_eq!(sparkline(&[0.0, 1.0, 2.0, 4.0]), "▁▃▅█");
        assert_eq!(sparkline(&[0.0, 0.0]), "▁▁");
        assert_eq!(sparkline(&[]), "");
    }
}
