//! `rosactl whoami`: who rosactl acts as, where, and against which Platform API.

use serde::Serialize;

use crate::aws::Aws;
use crate::output::{Format, Output};
use crate::platform::{Platform, Registration};
use crate::settings::Settings;

#[derive(Serialize)]
struct WhoAmI {
    account_id: String,
    caller_arn: String,
    region: String,
    api_url: Option<String>,
    /// Where the API URL and the region came from (flag, environment, config, default).
    sources: crate::settings::Sources,
    registration: Registration,
}

pub async fn run(out: &Output, global: &Settings) -> anyhow::Result<()> {
    let aws = Aws::load(global).await?;
    let platform = Platform::connect(global, &aws).await?;
    let registration = match &platform {
        Some(p) => p.registration(&aws.account_id).await?,
        None => Registration {
            state: "skipped",
            detail: "no Platform API URL (--api-url, ROSACTL_API_URL or `rosactl login`)".into(),
        },
    };
    let me = WhoAmI {
        account_id: aws.account_id.clone(),
        caller_arn: aws.caller_arn.clone(),
        region: aws.region.clone(),
        api_url: platform.as_ref().map(|p| p.url.clone()),
        sources: global.sources.clone(),
        registration,
    };
    if out.format != Format::Table {
        return out.document(&me);
    }
    println!("Account:      {}", me.account_id);
    println!("Caller:       {}", me.caller_arn);
    println!("Region:       {} (from {})", me.region, me.sources.region);
    match &me.api_url {
        Some(url) => println!("Platform API: {url} (from {})", me.sources.api_url),
        None => println!(
            "Platform API: (not set: pass --api-url, set ROSACTL_API_URL, or run `rosactl login --url URL`)"
        ),
    }
    println!(
        "Registration: {} ({})",
        me.registration.state, me.registration.detail
    );
    Ok(())
}
