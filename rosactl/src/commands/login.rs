//! `rosactl login --url URL` and `rosactl logout`: keep the Platform API URL (and a region)
//! in rosactl's config file, after checking the API answers a signed `/api/v0/live`. No
//! credentials are ever stored.

use serde::Serialize;

use crate::aws::Aws;
use crate::cli::LoginArgs;
use crate::exit::Failure;
use crate::output::{Format, Output};
use crate::platform::{Platform, failure};
use crate::settings::Settings;
use crate::settings::{self, Source};

#[derive(Serialize)]
struct LoginReport {
    api_url: String,
    region: Option<String>,
    config: String,
    account_id: String,
}

fn config_path() -> Result<std::path::PathBuf, Failure> {
    settings::config_path().ok_or_else(|| {
        Failure::usage(
            "rosactl keeps its config under $XDG_CONFIG_HOME or $HOME/.config, and neither is set: set one of them",
        )
    })
}

pub async fn login(out: &Output, global: &Settings, args: &LoginArgs) -> anyhow::Result<()> {
    let url = rosa_platform_client::ApiUrl::parse(&args.url)
        .map_err(|e| Failure::usage(format!("--url: {e}")))?;
    let path = config_path()?;
    let mut config = settings::read(&path)?;
    let mut with_url = global.clone();
    with_url.api_url = Some(url.as_str().to_string());
    let aws = Aws::load(&with_url).await?;
    let platform = Platform::require(&with_url, &aws, "login").await?;
    platform
        .api
        .live()
        .await
        .map_err(|e| failure(&format!("GET {}/api/v0/live", platform.url), e))?;
    config.api_url = Some(platform.url.clone());
    // Only a region asked for now is kept (not one that came from the environment).
    if let (Source::Flag(_), Some(region)) = (&global.sources.region, &global.region) {
        config.region = Some(region.clone());
    }
    settings::write(&path, &config)?;
    let report = LoginReport {
        api_url: platform.url.clone(),
        region: config.region.clone(),
        config: path.display().to_string(),
        account_id: aws.account_id.clone(),
    };
    if out.format != Format::Table {
        return out.document(&report);
    }
    println!(
        "Logged in to {} (reachable, /api/v0/live) as account {}.",
        report.api_url, report.account_id
    );
    if let Some(r) = &report.region {
        println!("Region: {r}");
    }
    println!(
        "Saved in {} (mode 0600; no credentials: every request is signed with your AWS credentials of the moment).",
        report.config
    );
    Ok(())
}

pub fn logout(out: &Output) -> anyhow::Result<()> {
    let path = config_path()?;
    // A malformed config is removed too: logout is how one gets rid of it.
    let was = settings::read(&path).ok().and_then(|c| c.api_url);
    settings::write(&path, &settings::Config::default())?;
    if out.format != Format::Table {
        return out.document(&serde_json::json!({
            "logged_out": was.is_some(),
            "api_url": was,
            "config": path.display().to_string(),
        }));
    }
    match was {
        Some(url) => println!("Logged out of {url}: removed {}.", path.display()),
        None => println!("Not logged in: nothing to remove ({}).", path.display()),
    }
    Ok(())
}
