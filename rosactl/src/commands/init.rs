//! `rosactl init`: can this machine work with the platform? Each check ok / failed / warning.

use serde::Serialize;

use crate::aws::Aws;
use crate::exit::{Exit, Failure};
use crate::output::{Format, Output, print_table, table};
use crate::platform::Platform;
use crate::settings::Settings;

#[derive(Debug, Clone, Serialize)]
pub struct Check {
    pub name: &'static str,
    /// `ok`, `failed`, `warning` or `skipped`.
    pub status: &'static str,
    pub detail: String,
    /// A failed required check makes `init` exit non-zero.
    pub required: bool,
}

fn check(name: &'static str, required: bool, result: Result<String, String>) -> Check {
    match result {
        Ok(detail) => Check {
            name,
            status: "ok",
            detail,
            required,
        },
        Err(detail) => Check {
            name,
            status: "failed",
            detail,
            required,
        },
    }
}

/// The regions rosactl knows. A region-shaped name not in the list is a warning, not an
/// error: AWS opens regions faster than CLIs are released.
const KNOWN_REGIONS: &[&str] = &[
    "us-east-1",
    "us-east-2",
    "us-west-1",
    "us-west-2",
    "af-south-1",
    "ap-east-1",
    "ap-east-2",
    "ap-south-1",
    "ap-south-2",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-southeast-3",
    "ap-southeast-4",
    "ap-southeast-5",
    "ap-southeast-7",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-northeast-3",
    "ca-central-1",
    "ca-west-1",
    "eu-central-1",
    "eu-central-2",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "eu-south-1",
    "eu-south-2",
    "eu-north-1",
    "il-central-1",
    "me-south-1",
    "me-central-1",
    "mx-central-1",
    "sa-east-1",
    "us-gov-east-1",
    "us-gov-west-1",
];

pub fn region_check(region: &str) -> Check {
    let shaped = rosa_platform_client::region_from_host(region) == Some(region);
    if !shaped {
        return check(
            "region",
            true,
            Err(format!(
                "{region:?} is not an AWS region name (such as us-east-1)"
            )),
        );
    }
    if KNOWN_REGIONS.contains(&region) {
        check("region", true, Ok(region.to_string()))
    } else {
        Check {
            name: "region",
            status: "warning",
            detail: format!("{region} is not in rosactl's list of regions; continuing"),
            required: true,
        }
    }
}

pub async fn run(out: &Output, global: &Settings) -> anyhow::Result<()> {
    let mut checks = Vec::new();
    let aws = match Aws::load(global).await {
        Ok(aws) => {
            checks.push(check(
                "aws-credentials",
                true,
                Ok(format!("account {}, {}", aws.account_id, aws.caller_arn)),
            ));
            let mut region = region_check(&aws.region);
            region.detail = format!("{} (from {})", region.detail, global.sources.region);
            checks.push(region);
            Some(aws)
        }
        Err(e) => {
            checks.push(check("aws-credentials", true, Err(format!("{e:#}"))));
            None
        }
    };
    let platform = match &aws {
        Some(aws) => match Platform::connect(global, aws).await {
            Ok(Some(p)) => Some(p),
            Ok(None) => {
                checks.push(check(
                    "platform-api",
                    true,
                    Err("no Platform API URL: pass --api-url, set ROSACTL_API_URL, or run `rosactl login --url URL`".into()),
                ));
                None
            }
            Err(e) => {
                checks.push(check("platform-api", true, Err(format!("{e:#}"))));
                None
            }
        },
        None => None,
    };
    if let (Some(aws), Some(p)) = (&aws, &platform) {
        let live = p.api.live().await;
        let reachable = live.is_ok();
        checks.push(check(
            "platform-api",
            true,
            live.map(|()| {
                format!(
                    "{} is reachable (/api/v0/live); URL from {}",
                    p.url, global.sources.api_url
                )
            })
            .map_err(|e| e.to_string()),
        ));
        if reachable {
            checks.push(check(
                "platform-ready",
                true,
                p.api
                    .ready()
                    .await
                    .map(|()| "ready (/api/v0/ready)".to_string())
                    .map_err(|e| e.to_string()),
            ));
            checks.push(check(
                "invoker-principal",
                true,
                p.api.info().await.map_err(|e| e.to_string()).and_then(|i| {
                    // The same rule setup-account applies: one role of another account.
                    match super::setup::invoker_problem(&i.arn, Some(&aws.account_id)) {
                        None => Ok(i.arn),
                        Some(problem) => Err(format!(
                            "/api/v0/info names {:?} as the invoker: {problem}",
                            i.arn
                        )),
                    }
                }),
            ));
            checks.push(match p.registration(&aws.account_id).await {
                Ok(r) if r.state == "registered" => {
                    check("account-registration", false, Ok(r.detail))
                }
                Ok(r) => Check {
                    name: "account-registration",
                    status: "warning",
                    detail: r.detail,
                    required: false,
                },
                Err(e) => check("account-registration", false, Err(format!("{e:#}"))),
            });
        }
    }
    let failed: Vec<&Check> = checks
        .iter()
        .filter(|c| c.required && c.status == "failed")
        .collect();
    let ok = failed.is_empty();
    if out.format == Format::Table {
        let mut t = table(&["CHECK", "STATUS", "DETAIL"]);
        for c in &checks {
            t.add_row(vec![
                c.name.to_string(),
                c.status.to_string(),
                c.detail.clone(),
            ]);
        }
        print_table(&t);
    } else {
        out.document(&serde_json::json!({"ok": ok, "checks": checks}))?;
    }
    if ok {
        Ok(())
    } else {
        let names: Vec<&str> = failed.iter().map(|c| c.name).collect();
        Err(Failure::new(
            Exit::Failed,
            format!("init: required checks failed: {}", names.join(", ")),
        )
        .into())
    }
}
