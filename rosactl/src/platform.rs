//! The Platform API as rosactl uses it: connection from `--api-url` / `ROSACTL_API_URL`,
//! signed with the same AWS credentials as everything else; errors become [`Failure`]s.

use rosa_platform_client::{Api, ApiUrl, Client, Error, RetryPolicy};
use serde::Serialize;

use crate::aws::Aws;
use crate::cli::GlobalArgs;
use crate::exit::{Exit, Failure};

pub struct Platform {
    pub api: Api,
    pub url: String,
}

/// Turns an API error into a message naming what was asked.
pub fn failure(what: &str, err: Error) -> Failure {
    match err {
        Error::Api(e) if e.status == 403 && e.reason.to_lowercase().contains("region") => {
            Failure::new(
                Exit::Failed,
                format!(
                    "Platform API: {what}: {e} (requests are signed for the region of --region / AWS_REGION; pass the region the Platform API serves)"
                ),
            )
        }
        Error::Api(e) => Failure::new(Exit::Failed, format!("Platform API: {what}: {e}")),
        Error::Client(e) => Failure::new(Exit::Failed, e.to_string()),
    }
}

/// The account's registration with the platform.
#[derive(Debug, Clone, Serialize)]
pub struct Registration {
    /// `registered`, `not registered`, `pending` (an operator must register it), or
    /// `skipped` (no API URL).
    pub state: &'static str,
    pub detail: String,
}

pub fn no_api_url(command: &str) -> Failure {
    Failure::usage(format!(
        "{command} needs the Platform API: pass --api-url, set ROSACTL_API_URL, or run `rosactl login --url URL` once"
    ))
}

impl Platform {
    /// `None` when no API URL is configured.
    pub async fn connect(global: &GlobalArgs, aws: &Aws) -> anyhow::Result<Option<Platform>> {
        let Some(raw) = global.api_url.as_deref().filter(|u| !u.trim().is_empty()) else {
            return Ok(None);
        };
        let url = ApiUrl::parse(raw).map_err(|e| Failure::usage(format!("--api-url: {e}")))?;
        let region = url
            .region_hint()
            .map(String::from)
            .unwrap_or_else(|| aws.region.clone());
        // Fail early without credentials; then sign each request with the provider's current
        // ones (SSO and assumed-role credentials are refreshed during a long --watch).
        aws.credentials().await?;
        let provider = aws.config.credentials_provider().ok_or_else(|| {
            Failure::new(
                Exit::Failed,
                "no AWS credentials provider to sign Platform API requests with",
            )
        })?;
        let shown = url.as_str().to_string();
        let client = Client::with_provider(url, Some(&region), provider)
            .map(|c| c.with_debug(global.debug))
            .map_err(|e| Failure::usage(format!("--api-url: {e}")))?;
        let retry = RetryPolicy::default();
        let retry = RetryPolicy {
            base: crate::pace::scaled(retry.base),
            cap: crate::pace::scaled(retry.cap),
            ..retry
        };
        Ok(Some(Platform {
            api: Api::new(client).with_retry(retry),
            url: shown,
        }))
    }

    /// Like [`Platform::connect`], but the API is required.
    pub async fn require(
        global: &GlobalArgs,
        aws: &Aws,
        command: &str,
    ) -> anyhow::Result<Platform> {
        Platform::connect(global, aws)
            .await?
            .ok_or_else(|| no_api_url(command).into())
    }

    /// `GET /api/v0/info`: the role that invokes the functions.
    pub async fn invoker_arn(&self) -> anyhow::Result<String> {
        let info = self
            .api
            .info()
            .await
            .map_err(|e| failure("GET /api/v0/info", e))?;
        if info.arn.is_empty() {
            return Err(Failure::new(
                Exit::Failed,
                "Platform API: /api/v0/info answered without an arn",
            )
            .into());
        }
        Ok(info.arn)
    }

    /// Registers `account`; 201 and 409 `account-exists` both mean registered, which makes the
    /// request safe to resend when its answer was lost (a reset, a 5xx, a cut answer): it is.
    /// The API's refusal is returned as is for the caller to judge.
    pub async fn register(
        &self,
        account: &str,
    ) -> anyhow::Result<Result<&'static str, rosa_platform_client::ApiError>> {
        let body = serde_json::json!({"accountId": account, "privileged": false})
            .to_string()
            .into_bytes();
        let r = self
            .api
            .send(http::Method::POST, "/api/v0/accounts", Some(body), true)
            .await
            .map_err(|e| failure("POST /api/v0/accounts", e))?;
        if r.status == 201 {
            return Ok(Ok("registered"));
        }
        let e = rosa_platform_client::ApiError::from_response(&r);
        // Only the contract's `account-exists` conflict means "registered"; any other 409 is
        // a refusal like any other.
        Ok(
            if r.status == 409 && e.code.as_deref() == Some("account-exists") {
                Ok("already registered")
            } else {
                Err(e)
            },
        )
    }

    /// The registration as it stands (no write).
    pub async fn registration(&self, account: &str) -> anyhow::Result<Registration> {
        match self.api.account(account).await {
            Ok(Some(_)) => Ok(Registration {
                state: "registered",
                detail: format!("account {account} is registered with the platform"),
            }),
            Ok(None) => Ok(Registration {
                state: "not registered",
                detail: format!("account {account} is not registered; run rosactl setup-account"),
            }),
            Err(e) => Err(failure(&format!("GET /api/v0/accounts/{account}"), e).into()),
        }
    }

    /// Reads the registration first (no write when registered), then tries to register.
    pub async fn ensure_registered(&self, account: &str) -> anyhow::Result<Registration> {
        let current = self.registration(account).await?;
        if current.state == "registered" {
            return Ok(current);
        }
        match self.register(account).await? {
            Ok(what) => Ok(Registration {
                state: "registered",
                detail: format!("account {account}: {what}"),
            }),
            Err(e) if e.status == 403 && e.code.as_deref() == Some("not-privileged") => {
                Ok(Registration {
                    state: "pending",
                    detail: format!(
                        "registering an account is reserved to platform operators; ask one to run: rosactl register-account --account-id {account}"
                    ),
                })
            }
            Err(e) => Err(Failure::new(
                Exit::Failed,
                format!("Platform API: POST /api/v0/accounts: {e}"),
            )
            .into()),
        }
    }
}
