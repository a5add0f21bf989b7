//! The Platform API as rosactl uses it: connection from `--api-url` / `ROSACTL_API_URL`,
//! signed with the same AWS credentials as everything else.

use rosa_platform_client::{ApiError, ApiUrl, Client, ClientError};
use serde::Serialize;
use serde_json::json;

use crate::aws::Aws;
use crate::cli::GlobalArgs;
use crate::exit::{Exit, Failure};

pub struct Api {
    pub client: Client,
}

fn unreachable(err: ClientError) -> Failure {
    Failure::new(Exit::Failed, err.to_string())
}

fn refused(what: &str, err: ApiError) -> Failure {
    Failure::new(Exit::Failed, format!("Platform API: {what}: {err}"))
}

/// The account's registration with the platform.
#[derive(Debug, Clone, Serialize)]
pub struct Registration {
    /// `registered`, `pending` (an operator must register it), or `skipped` (no API URL).
    pub state: &'static str,
    pub detail: String,
}

impl Api {
    /// `None` when no API URL is configured.
    pub async fn connect(global: &GlobalArgs, aws: &Aws) -> anyhow::Result<Option<Api>> {
        let Some(raw) = global.api_url.as_deref().filter(|u| !u.trim().is_empty()) else {
            return Ok(None);
        };
        let url = ApiUrl::parse(raw).map_err(|e| Failure::usage(format!("--api-url: {e}")))?;
        let region = url
            .region_hint()
            .map(String::from)
            .unwrap_or_else(|| aws.region.clone());
        let creds = aws.credentials().await?;
        let client = Client::new(url, Some(&region), creds)
            .map_err(|e| Failure::usage(format!("--api-url: {e}")))?;
        Ok(Some(Api { client }))
    }

    /// `GET /api/v0/info`: the role that invokes the functions.
    pub async fn invoker_arn(&self) -> anyhow::Result<String> {
        let r = self
            .client
            .request(http::Method::GET, "/api/v0/info", None)
            .await
            .map_err(unreachable)?;
        let info: serde_json::Value = r.json().map_err(|e| refused("GET /api/v0/info", e))?;
        info["arn"]
            .as_str()
            .filter(|a| !a.is_empty())
            .map(String::from)
            .ok_or_else(|| {
                Failure::new(
                    Exit::Failed,
                    "Platform API: /api/v0/info answered without an arn",
                )
                .into()
            })
    }

    /// Registers `account` (`POST /api/v0/accounts`); 201 and 409 `account-exists` both mean
    /// registered. Returns the API's refusal as is for the caller to judge.
    pub async fn register(&self, account: &str) -> anyhow::Result<Result<&'static str, ApiError>> {
        let body = json!({"accountId": account, "privileged": false})
            .to_string()
            .into_bytes();
        let r = self
            .client
            .request(http::Method::POST, "/api/v0/accounts", Some(body))
            .await
            .map_err(unreachable)?;
        Ok(match r.status {
            201 => Ok("registered"),
            409 => Ok("already registered"),
            _ => Err(ApiError::from_response(&r)),
        })
    }

    /// Reads the registration first (no write when registered), then tries to register.
    pub async fn ensure_registered(&self, account: &str) -> anyhow::Result<Registration> {
        let r = self
            .client
            .request(
                http::Method::GET,
                &format!("/api/v0/accounts/{account}"),
                None,
            )
            .await
            .map_err(unreachable)?;
        if r.status == 200 {
            return Ok(Registration {
                state: "registered",
                detail: format!("account {account} is registered with the platform"),
            });
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
            Err(e) => Err(refused("POST /api/v0/accounts", e).into()),
        }
    }
}
