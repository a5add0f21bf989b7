//! `rosactl whoami`: who rosactl acts as, where, and against which Platform API.

use serde::Serialize;

use crate::aws::Aws;
use crate::cli::GlobalArgs;
use crate::output::{Format, Output};
use crate::platform::{Platform, Registration};

#[derive(Serialize)]
struct WhoAmI {
    account_id: String,
    caller_arn: String,
    region: String,
    api_url: Option<String>,
    registration: Registration,
}

pub async fn run(out: &Output, global: &GlobalArgs) -> anyhow::Result<()> {
    let aws = Aws::load(global).await?;
    let platform = Platform::connect(global, &aws).await?;
    let registration = match &platform {
        Some(p) => p.registration(&aws.account_id).await?,
        None => Registration {
            state: "skipped",
            detail: "no Platform API URL (--api-url / ROSACTL_API_URL)".into(),
        },
    };
    let me = WhoAmI {
        account_id: aws.account_id.clone(),
        caller_arn: aws.caller_arn.clone(),
        region: aws.region.clone(),
        api_url: platform.as_ref().map(|p| p.url.clone()),
        registration,
    };
    if out.format != Format::Table {
        return out.document(&me);
    }
    println!("Account:      {}", me.account_id);
    println!("Caller:       {}", me.caller_arn);
    println!("Region:       {}", me.region);
    println!(
        "Platform API: {}",
        me.api_url.as_deref().unwrap_or("(not set)")
    );
    println!(
        "Registration: {} ({})",
        me.registration.state, me.registration.detail
    );
    Ok(())
}
