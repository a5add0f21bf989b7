//! The Platform API as rosactl uses it: connection from `--api-url` / `ROSACTL_API_URL`,
//! signed with the same AWS credentials as everything else; errors become [`Failure`]s.

use rosa_platform_client::{Api, ApiError, ApiUrl, Client, Error, RetryPolicy};
use serde::Serialize;

use crate::aws::Aws;
use crate::exit::{Exit, Failure};
use crate::settings::Settings;

pub struct Platform {
    pub api: Api,
    pub url: String,
}

/// The AWS account rosactl signs as, for messages that tell an operator what to run.
static ACCOUNT: std::sync::OnceLock<String> = std::sync::OnceLock::new();

fn account_text() -> String {
    ACCOUNT
        .get()
        .cloned()
        .unwrap_or_else(|| "ACCOUNT_ID".into())
}

/// What an API refusal means for the user, what to do, and the exit code; `None` for answers
/// without a meaning of their own (shown as they came).
pub fn meaning(e: &ApiError) -> Option<(Exit, String)> {
    let account = account_text();
    let not_enabled = format!(
        "this account ({account}) is not enabled on the platform: a platform operator runs `rosactl register-account --account-id {account}`"
    );
    Some(match e.code.as_deref().unwrap_or_default() {
        "AUTH-004" | "account-not-provisioned" => (Exit::Failed, not_enabled),
        "AUTH-007" | "account-not-allowed" => (
            Exit::Failed,
            format!("{not_enabled} (the platform runs with an allow-list of accounts)"),
        ),
        "AUTH-006" | "not-privileged" => (
            Exit::Failed,
            "registering and reading accounts is reserved to platform operators (a privileged account); a customer account cannot read its own registration".into(),
        ),
        "AUTH-005" => (
            Exit::Failed,
            "this needs an administrator of the account on the platform".into(),
        ),
        "AUTH-009" | "access-denied" => (
            Exit::Failed,
            "permission denied by your account's platform policies for this identity: ask an administrator of the account on the platform to allow it".into(),
        ),
        "AUTH-001" | "AUTH-002" => (
            Exit::Failed,
            "the gateway passed no caller identity: the Platform API URL may not point at the gateway (use the API Gateway URL with its stage)".into(),
        ),
        "RATE-LIMIT-001" => (
            Exit::Failed,
            format!(
                "rate limited by the platform{}; run it again later",
                e.retry_after
                    .map(|s| format!(" (retry after {s} s)"))
                    .unwrap_or_default()
            ),
        ),
        "INFO-001" => (
            Exit::Failed,
            "the platform's regional account is not configured (the API cannot name its invoker role); tell the platform operators".into(),
        ),
        "CLUSTERS-MGMT-CREATE-005" => (
            Exit::Failed,
            format!("{} (409 Conflict: cluster names are unique in an account, clusters being deleted included)", e.reason),
        ),
        "NODEPOOLS-MGMT-CREATE-003" | "NODEPOOLS-MGMT-CREATE-005" => (
            Exit::Failed,
            format!("{} (409 Conflict)", e.reason),
        ),
        "CLUSTERS-MGMT-CREATE-006" => (
            Exit::Usage,
            format!("{}: a cluster name is at most 18 characters", e.reason),
        ),
        code if e.status == 422 || code.ends_with("-VALIDATION-001") => {
            let fields: Vec<String> = e
                .errors
                .iter()
                .map(|f| format!("  {}: {}", f.field, f.reason))
                .collect();
            (
                Exit::Usage,
                if fields.is_empty() {
                    format!("the platform refused the request: {}", e.reason)
                } else {
                    format!("the platform refused these fields:\n{}", fields.join("\n"))
                },
            )
        }
        _ if e.status == 403 && e.reason.to_lowercase().contains("region") => (
            Exit::Failed,
            format!(
                "{e} (requests are signed for the region of --region / AWS_REGION; pass the region the Platform API serves)"
            ),
        ),
        _ => return None,
    })
}

/// Turns an API error into a message naming what was asked, what it means and what to do.
pub fn failure(what: &str, err: Error) -> Failure {
    match err {
        Error::Api(e) => match meaning(&e) {
            Some((exit, text)) => Failure::new(
                exit,
                format!(
                    "Platform API: {what}: {text} (HTTP {} {})",
                    e.status,
                    e.code.as_deref().unwrap_or("")
                )
                .replace(" )", ")"),
            ),
            None => Failure::new(Exit::Failed, format!("Platform API: {what}: {e}")),
        },
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
    pub async fn connect(global: &Settings, aws: &Aws) -> anyhow::Result<Option<Platform>> {
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
            pause_divisor: crate::pace::divisor(),
            ..retry
        };
        let _ = ACCOUNT.set(aws.account_id.clone());
        Ok(Some(Platform {
            api: Api::new(client).with_retry(retry),
            url: shown,
        }))
    }

    /// Like [`Platform::connect`], but the API is required.
    pub async fn require(global: &Settings, aws: &Aws, command: &str) -> anyhow::Result<Platform> {
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
        // Only the "already enabled" conflict (today's ACCOUNTS-MGMT-CREATE-004, the older
        // `account-exists`) means "registered"; any other 409 is a refusal like any other.
        Ok(
            if r.status == 409 && e.is(&["ACCOUNTS-MGMT-CREATE-004", "account-exists"]) {
                Ok("already registered")
            } else {
                Err(e)
            },
        )
    }

    /// The registration as it stands (no write). Today's server answers `/accounts` only to
    /// privileged accounts (AUTH-006): then it is inferred from `/clusters` answering
    /// (enabled) or refusing with AUTH-004/AUTH-007 (not enabled), and the detail says so.
    pub async fn registration(&self, account: &str) -> anyhow::Result<Registration> {
        match self.api.account(account).await {
            Ok(Some(_)) => Ok(Registration {
                state: "registered",
                detail: format!("account {account} is registered with the platform"),
            }),
            Ok(None) => Ok(Registration {
                state: "not registered",
                detail: format!(
                    "account {account} is not registered; a platform operator runs `rosactl register-account --account-id {account}`"
                ),
            }),
            Err(Error::Api(e)) if e.is(&["AUTH-006"]) => self.inferred(account).await,
            Err(e) => Err(failure(&format!("GET /api/v0/accounts/{account}"), e).into()),
        }
    }

    /// The registration as `/clusters` shows it (a customer cannot read it directly).
    async fn inferred(&self, account: &str) -> anyhow::Result<Registration> {
        let how =
            "inferred from /api/v0/clusters: a customer account cannot read its own registration";
        match self.api.clusters(1).next_page().await {
            Ok(_) => Ok(Registration {
                state: "registered",
                detail: format!("account {account} is enabled on the platform ({how})"),
            }),
            Err(Error::Api(e)) if e.is(&["AUTH-004", "AUTH-007"]) => Ok(Registration {
                state: "pending",
                detail: format!(
                    "account {account} is not enabled on the platform yet ({how}); registering is reserved to platform operators: ask one to run `rosactl register-account --account-id {account}`"
                ),
            }),
            Err(Error::Api(e)) if e.is(&["AUTH-009"]) => Ok(Registration {
                state: "registered",
                detail: format!(
                    "account {account} is enabled on the platform, but your identity may not list its clusters (AUTH-009; {how})"
                ),
            }),
            Err(e) => Err(failure("GET /api/v0/clusters", e).into()),
        }
    }

    /// Reads the registration first (no write when registered), then tries to register.
    /// Where registration is reserved to operators, the outcome is `pending` (not an error):
    /// the account waits for an operator.
    pub async fn ensure_registered(&self, account: &str) -> anyhow::Result<Registration> {
        let current = self.registration(account).await?;
        if current.state == "registered" || current.state == "pending" {
            return Ok(current);
        }
        match self.register(account).await? {
            Ok(what) => Ok(Registration {
                state: "registered",
                detail: format!("account {account}: {what}"),
            }),
            Err(e) if e.status == 403 && e.is(&["not-privileged", "AUTH-006"]) => {
                Ok(Registration {
                    state: "pending",
                    detail: format!(
                        "registering an account is reserved to platform operators; ask one to run: rosactl register-account --account-id {account}"
                    ),
                })
            }
            Err(e) => Err(failure("POST /api/v0/accounts", Error::Api(e)).into()),
        }
    }
}
