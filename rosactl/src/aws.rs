//! The AWS side of a command: configuration from the standard chain, the caller's identity,
//! and one client per service, built once.

use aws_config::BehaviorVersion;
use aws_credential_types::provider::ProvideCredentials;

use crate::exit::{Exit, Failure};
use crate::settings::Settings;

pub struct Aws {
    pub config: aws_config::SdkConfig,
    pub account_id: String,
    pub caller_arn: String,
    pub region: String,
    /// From the caller's ARN (`sts:GetCallerIdentity`), checked against the region's.
    pub partition: String,
    pub lambda: aws_sdk_lambda::Client,
    pub iam: aws_sdk_iam::Client,
    pub s3: aws_sdk_s3::Client,
    pub logs: aws_sdk_cloudwatchlogs::Client,
    /// Alarms and metrics (CloudWatch).
    pub cloudwatch: aws_sdk_cloudwatch::Client,
}

pub use aws_sdk_lambda::config::http::HttpResponse;
use aws_sdk_lambda::error::{ProvideErrorMetadata, SdkError};

/// Renders an SDK error as `Code: message (HTTP status)`. Never the request, which carries
/// the signature; for an error the service did not model, a snippet of its answer.
pub fn describe<E>(err: &SdkError<E, HttpResponse>) -> String
where
    E: ProvideErrorMetadata + std::error::Error + 'static,
{
    match err {
        SdkError::ServiceError(se) => {
            let status = se.raw().status().as_u16();
            let e = se.err();
            match (e.code(), e.message()) {
                (Some(code), Some(message)) => format!("{code}: {message} (HTTP {status})"),
                (Some(code), None) => format!("{code} (HTTP {status})"),
                _ => {
                    let body = se
                        .raw()
                        .body()
                        .bytes()
                        .map(String::from_utf8_lossy)
                        .unwrap_or_default();
                    let snippet: String = body.chars().take(300).collect();
                    format!("HTTP {status}: {} {snippet}", describe_error(e))
                }
            }
        }
        other => describe_error(other),
    }
}

/// Whether a failed call may have had no effect or an unknown one, and is worth trying again
/// after a pause: throttling, a 5xx, no connection, a timeout, an answer that broke off.
pub fn transient<E>(err: &SdkError<E, HttpResponse>) -> bool
where
    E: ProvideErrorMetadata,
{
    match err {
        SdkError::DispatchFailure(_) | SdkError::TimeoutError(_) | SdkError::ResponseError(_) => {
            true
        }
        SdkError::ServiceError(se) => {
            let code = se.err().code().unwrap_or_default();
            se.raw().status().as_u16() >= 500
                || matches!(
                    code,
                    "Throttling"
                        | "ThrottlingException"
                        | "TooManyRequestsException"
                        | "RequestLimitExceeded"
                        | "SlowDown"
                        | "RequestThrottled"
                        | "PriorRequestNotComplete"
                        | "ServiceUnavailable"
                        | "InternalError"
                        | "InternalFailure"
                )
        }
        _ => false,
    }
}

/// Any error with its sources, one after the other.
pub fn describe_error(err: &(dyn std::error::Error + 'static)) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(s) = source {
        let more = s.to_string();
        if !text.contains(&more) {
            text.push_str(": ");
            text.push_str(&more);
        }
        source = s.source();
    }
    text
}

/// Attempts per AWS call (the first one and its retries) unless the user chose a number
/// (`AWS_MAX_ATTEMPTS`, or `max_attempts` other than the SDK's 3 in the profile). The SDK's 3
/// give up too early when an account is being throttled: six attempts with its exponential
/// backoff (capped at 20 s) ride out about a minute of throttling.
pub const DEFAULT_MAX_ATTEMPTS: u32 = 6;

/// Attempts per call in effect (the user's choice or [`DEFAULT_MAX_ATTEMPTS`]), for the loops
/// rosactl runs itself.
pub fn max_attempts(config: &aws_config::SdkConfig) -> u32 {
    config
        .retry_config()
        .map_or(DEFAULT_MAX_ATTEMPTS, |r| r.max_attempts())
        .max(1)
}

fn with_default_attempts(config: aws_config::SdkConfig) -> aws_config::SdkConfig {
    let chosen = std::env::var_os("AWS_MAX_ATTEMPTS").is_some();
    let Some(mut retry) = config.retry_config().cloned() else {
        return config;
    };
    if !chosen && retry.max_attempts() == 3 {
        retry = retry.with_max_attempts(DEFAULT_MAX_ATTEMPTS);
    }
    let backoff = (retry.initial_backoff(), retry.max_backoff());
    retry = retry
        .with_initial_backoff(crate::pace::scaled(backoff.0))
        .with_max_backoff(crate::pace::scaled(backoff.1));
    config.into_builder().retry_config(retry).build()
}

/// A profile asked for by name must exist: without this, a misspelt `--profile` with
/// credentials in the environment would silently act as someone else.
async fn check_profile(name: &str, from_flag: bool) -> anyhow::Result<()> {
    if name == "default" {
        return Ok(());
    }
    let set = aws_config::profile::parser::load(
        &aws_types::os_shim_internal::Fs::real(),
        &aws_types::os_shim_internal::Env::real(),
        &Default::default(),
        None,
    )
    .await;
    let known: Vec<String> = match &set {
        Ok(set) => set.profiles().map(String::from).collect(),
        Err(_) => Vec::new(),
    };
    if known.iter().any(|p| p == name) {
        return Ok(());
    }
    let source = if from_flag {
        "--profile"
    } else {
        "AWS_PROFILE"
    };
    Err(Failure::usage(format!(
        "{source}: no profile {name:?} in the AWS config or credentials files{}",
        if known.is_empty() {
            " (none found)".to_string()
        } else {
            format!("; known profiles: {}", known.join(", "))
        }
    ))
    .into())
}

/// Reads a whole S3 object; `None` when there is no such key. The SDK retries the request,
/// but not the reading of a body that breaks off after the answer began: that is retried here
/// (the object is read again from the start), with the same number of attempts.
pub async fn read_object(aws: &Aws, bucket: &str, key: &str) -> Result<Option<Vec<u8>>, String> {
    Ok(read_object_etag(aws, bucket, key)
        .await?
        .map(|(body, _)| body))
}

/// [`read_object`], with the object's ETag (for a conditional write or delete after).
pub async fn read_object_etag(
    aws: &Aws,
    bucket: &str,
    key: &str,
) -> Result<Option<(Vec<u8>, String)>, String> {
    let mut attempt = 1;
    loop {
        let answer = aws
            .s3
            .get_object()
            .bucket(bucket)
            .expected_bucket_owner(&aws.account_id)
            .key(key)
            .send()
            .await;
        let out = match answer {
            Ok(out) => out,
            Err(e)
                if e.as_service_error().is_some_and(|e| e.is_no_such_key())
                    || e.raw_response().is_some_and(|r| r.status().as_u16() == 404) =>
            {
                return Ok(None);
            }
            Err(e) => return Err(format!("reading s3://{bucket}/{key}: {}", describe(&e))),
        };
        let etag = out.e_tag().unwrap_or_default().to_string();
        match out.body.collect().await {
            Ok(bytes) => return Ok(Some((bytes.into_bytes().to_vec(), etag))),
            Err(_) if attempt < max_attempts(&aws.config) => {
                crate::pace::pause(std::time::Duration::from_millis(100 << attempt)).await;
                attempt += 1;
            }
            Err(e) => {
                return Err(format!(
                    "reading s3://{bucket}/{key}: the answer broke off {attempt} times: {}",
                    describe_error(&e)
                ));
            }
        }
    }
}

impl Aws {
    /// The SDK configuration (`--profile`, `--region`, environment, SSO...), its region and
    /// the current credentials, without any call to AWS beyond what the credential chain makes.
    pub async fn sdk_config(
        global: &Settings,
    ) -> anyhow::Result<(
        aws_config::SdkConfig,
        String,
        aws_credential_types::Credentials,
    )> {
        let mut loader = aws_config::defaults(BehaviorVersion::latest());
        let chosen = global
            .profile
            .clone()
            .or_else(|| std::env::var("AWS_PROFILE").ok().filter(|p| !p.is_empty()));
        if let Some(profile) = &chosen {
            check_profile(profile, global.profile.is_some()).await?;
        }
        if let Some(profile) = &global.profile {
            loader = loader.profile_name(profile);
        }
        if let Some(region) = &global.region {
            loader = loader.region(aws_config::Region::new(region.clone()));
        }
        let config = with_default_attempts(loader.load().await);
        let region = config.region().map(|r| r.to_string()).ok_or_else(|| {
            Failure::usage("no AWS region: pass --region, or set AWS_REGION, or set region in your AWS profile (or `rosactl login --region`)")
        })?;
        let creds = config.credentials_provider().ok_or_else(no_credentials)?;
        let credentials = creds.provide_credentials().await.map_err(|e| {
            Failure::new(
                Exit::Failed,
                format!("{}: {}", no_credentials().message, describe_error(&e)),
            )
        })?;
        Ok((config, region, credentials))
    }

    /// Loads configuration (`--profile`, `--region`, environment, SSO...) and asks STS who we are.
    pub async fn load(global: &Settings) -> anyhow::Result<Self> {
        let (aws, ()) = Self::load_with(global, async |_: &Aws| {}).await?;
        Ok(aws)
    }

    /// [`Aws::load`], with `also` (reads that need the clients but not the identity) run
    /// while STS answers: one round trip for both. `also` must not read the account, the
    /// caller or the partition (they are empty until STS has answered).
    pub async fn load_with<T, F>(global: &Settings, also: F) -> anyhow::Result<(Self, T)>
    where
        F: for<'a> AsyncFnOnce(&'a Aws) -> T,
    {
        let (config, region, _) = Self::sdk_config(global).await?;
        // With --debug, every client logs its calls (one line each, no headers or bodies).
        let debug = global.debug;
        macro_rules! client {
            ($sdk:ident) => {{
                let mut builder = $sdk::config::Builder::from(&config);
                if debug {
                    builder = builder.interceptor(crate::calllog::CallLog);
                }
                builder
            }};
        }
        let sts = aws_sdk_sts::Client::from_conf(client!(aws_sdk_sts).build());
        let s3_config = client!(aws_sdk_s3)
            .force_path_style(config.endpoint_url().is_some())
            .build();
        let mut aws = Aws {
            account_id: String::new(),
            caller_arn: String::new(),
            partition: String::new(),
            region,
            lambda: aws_sdk_lambda::Client::from_conf(client!(aws_sdk_lambda).build()),
            iam: aws_sdk_iam::Client::from_conf(client!(aws_sdk_iam).build()),
            s3: aws_sdk_s3::Client::from_conf(s3_config),
            logs: aws_sdk_cloudwatchlogs::Client::from_conf(
                client!(aws_sdk_cloudwatchlogs).build(),
            ),
            cloudwatch: aws_sdk_cloudwatch::Client::from_conf(client!(aws_sdk_cloudwatch).build()),
            config,
        };
        let (me, also) = tokio::join!(sts.get_caller_identity().send(), also(&aws));
        let me = me.map_err(|e| {
            Failure::new(
                Exit::Failed,
                format!(
                    "AWS credentials were refused by STS (GetCallerIdentity): {}",
                    describe(&e)
                ),
            )
        })?;
        aws.caller_arn = me.arn.unwrap_or_default();
        aws.partition = partition_of(&aws.caller_arn, &aws.region)
            .map_err(|e| Failure::usage(format!("--region: {e}")))?;
        aws.account_id = me.account.unwrap_or_default();
        Ok((aws, also))
    }

    /// The current credentials, for signing Platform API requests.
    pub async fn credentials(&self) -> anyhow::Result<aws_credential_types::Credentials> {
        let provider = self
            .config
            .credentials_provider()
            .ok_or_else(no_credentials)?;
        Ok(provider
            .provide_credentials()
            .await
            .map_err(|e| Failure::new(Exit::Failed, describe_error(&e)))?)
    }

    pub fn partition(&self) -> &str {
        &self.partition
    }
}

fn no_credentials() -> Failure {
    Failure::new(
        Exit::Failed,
        "AWS credentials not found: pass --profile, set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or run `aws sso login`",
    )
}

/// The partition of the caller's ARN (`arn:PARTITION:...`), checked against the region's.
pub fn partition_of(caller_arn: &str, region: &str) -> Result<String, String> {
    let from_region = region_partition(region);
    let from_caller = caller_arn
        .strip_prefix("arn:")
        .and_then(|rest| rest.split(':').next())
        .filter(|p| p.starts_with("aws"))
        .unwrap_or(from_region);
    if from_caller != from_region {
        return Err(format!(
            "region {region} is in partition {from_region}, but your credentials ({caller_arn}) are in {from_caller}: pass a {from_caller} region with --region"
        ));
    }
    Ok(from_caller.to_string())
}

/// The partition a region belongs to (`cn-*`: aws-cn, `us-gov-*`: aws-us-gov, else aws).
pub fn region_partition(region: &str) -> &'static str {
    if region.starts_with("cn-") {
        "aws-cn"
    } else if region.starts_with("us-gov-") {
        "aws-us-gov"
    } else {
        "aws"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partitions_come_from_the_caller_and_must_match_the_region() {
        for (arn, region, want) in [
            ("arn:aws:iam::123456789012:user/a", "us-east-1", "aws"),
            (
                "arn:aws-cn:sts::123456789012:assumed-role/r/s",
                "cn-north-1",
                "aws-cn",
            ),
            (
                "arn:aws-us-gov:iam::123456789012:root",
                "us-gov-west-1",
                "aws-us-gov",
            ),
        ] {
            assert_eq!(partition_of(arn, region).unwrap(), want);
        }
        let e = partition_of("arn:aws:iam::123456789012:user/a", "cn-north-1").unwrap_err();
        assert!(e.contains("aws-cn") && e.contains("cn-north-1"), "{e}");
    }
}
