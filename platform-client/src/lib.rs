//! Client of the ROSA Regional Platform API (`/api/v0`, behind API Gateway with
//! `authorization = AWS_IAM`).
//!
//! * [`ApiUrl`]: the base URL rules: `https` (plain `http` only for loopback), the stage path
//!   (`.../prod`) kept, the signing region read from a region-shaped host label.
//! * [`sign`]: SigV4 for service `execute-api` over the exact bytes sent, session token
//!   included.
//! * [`Client`]: sends signed requests.
//!
//! * [`Api`]: the typed operations, with bounded retries and pagination.

mod api;
pub mod models;
mod url;

pub use api::{Api, Error, Pages, RetryPolicy, retry_after_wait};
pub use url::{ApiUrl, region_from_host};

use std::time::SystemTime;

use aws_credential_types::Credentials;
use aws_credential_types::provider::{ProvideCredentials, SharedCredentialsProvider};
use aws_sigv4::http_request::{SignableBody, SignableRequest, SigningSettings, sign as sigv4_sign};
use aws_sigv4::sign::v4;

/// The service name API Gateway signs for.
pub const SERVICE: &str = "execute-api";

#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    #[error("invalid Platform API URL {url:?}: {reason}")]
    InvalidUrl { url: String, reason: String },
    #[error("cannot sign the request: {0}")]
    Signing(String),
    #[error("cannot reach the Platform API at {url}: {reason}")]
    Transport {
        url: String,
        reason: String,
        /// Whether a connection was made (the request may have been processed).
        connected: bool,
    },
}

/// Signs `request` in place: adds `x-amz-date`, `authorization` and, for temporary
/// credentials, `x-amz-security-token`. The body is hashed as it will be sent.
pub fn sign(
    request: &mut http::Request<Vec<u8>>,
    credentials: &Credentials,
    region: &str,
    time: SystemTime,
) -> Result<(), ClientError> {
    sign_for(request, credentials, region, SERVICE, time)
}

/// [`sign`] for any service name (tests use it to sign for the wrong one).
pub fn sign_for(
    request: &mut http::Request<Vec<u8>>,
    credentials: &Credentials,
    region: &str,
    service: &str,
    time: SystemTime,
) -> Result<(), ClientError> {
    let identity = credentials.clone().into();
    let params = v4::SigningParams::builder()
        .identity(&identity)
        .region(region)
        .name(service)
        .time(time)
        .settings(SigningSettings::default())
        .build()
        .map_err(|e| ClientError::Signing(e.to_string()))?
        .into();
    let uri = request.uri().to_string();
    let headers: Vec<(&str, &str)> = request
        .headers()
        .iter()
        .filter_map(|(k, v)| Some((k.as_str(), v.to_str().ok()?)))
        .collect();
    let signable = SignableRequest::new(
        request.method().as_str(),
        uri,
        headers.into_iter(),
        SignableBody::Bytes(request.body()),
    )
    .map_err(|e| ClientError::Signing(e.to_string()))?;
    let (instructions, _signature) = sigv4_sign(signable, &params)
        .map_err(|e| ClientError::Signing(e.to_string()))?
        .into_parts();
    instructions.apply_to_request_http1x(request);
    Ok(())
}

/// An answer the API refused with: the contract's `{kind, code, reason, errors?}`, the
/// gateway's `{message}`, or plain text, all kept with their status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: u16,
    /// The contract's error code (`AUTH-004`, `CLUSTERS-MGMT-GET-001`, the older server's
    /// `account-exists` ...), if any.
    pub code: Option<String>,
    pub reason: String,
    /// A 422's list: which field, and what is wrong with it.
    pub errors: Vec<FieldError>,
    /// A 429's `Retry-After`, in seconds.
    pub retry_after: Option<u64>,
}

/// One entry of a validation error's `errors` list.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FieldError {
    #[serde(default)]
    pub field: String,
    #[serde(default)]
    pub reason: String,
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.code {
            Some(code) => write!(f, "HTTP {} {code}: {}", self.status, self.reason),
            None => write!(f, "HTTP {}: {}", self.status, self.reason),
        }
    }
}

impl std::error::Error for ApiError {}

impl ApiError {
    pub fn from_response(r: &RawResponse) -> Self {
        let text = String::from_utf8_lossy(&r.body).trim().to_string();
        let json: Option<serde_json::Value> = serde_json::from_slice(&r.body).ok();
        let field = |name: &str| {
            json.as_ref()
                .and_then(|j| j[name].as_str())
                .map(String::from)
        };
        let (code, reason) = match (field("code"), field("reason"), field("message")) {
            (code @ Some(_), reason, _) => (code, reason.unwrap_or_default()),
            (None, Some(reason), _) => (None, reason),
            (None, None, Some(message)) => (None, message),
            _ if text.is_empty() => (None, "(empty body)".to_string()),
            _ => (None, text.chars().take(500).collect()),
        };
        let errors = json
            .as_ref()
            .and_then(|j| j.get("errors"))
            .and_then(|e| serde_json::from_value::<Vec<FieldError>>(e.clone()).ok())
            .unwrap_or_default();
        ApiError {
            status: r.status,
            code,
            reason,
            errors,
            retry_after: r.retry_after,
        }
    }

    /// Whether the code is one of `codes` (today's typed codes and the older server's names
    /// can be given together).
    pub fn is(&self, codes: &[&str]) -> bool {
        self.code.as_deref().is_some_and(|c| codes.contains(&c))
    }
}

/// A reqwest error with its causes ("connection refused", "timed out"...).
fn transport_reason(e: &reqwest::Error) -> String {
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}

/// A response as received: status and body bytes.
#[derive(Debug, Clone)]
pub struct RawResponse {
    pub status: u16,
    pub content_type: Option<String>,
    /// API Gateway's `x-amzn-RequestId`, when sent.
    pub request_id: Option<String>,
    /// `Retry-After` in seconds (a 429's), when sent.
    pub retry_after: Option<u64>,
    pub body: Vec<u8>,
}

impl RawResponse {
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// The body as JSON when the status is a success, else the API's error.
    pub fn json<T: serde::de::DeserializeOwned>(&self) -> Result<T, ApiError> {
        if !self.is_success() {
            return Err(ApiError::from_response(self));
        }
        serde_json::from_slice(&self.body).map_err(|e| ApiError {
            status: self.status,
            code: None,
            errors: Vec::new(),
            retry_after: None,
            reason: format!(
                "the answer is not the JSON expected ({e}): {}",
                String::from_utf8_lossy(&self.body)
                    .chars()
                    .take(200)
                    .collect::<String>()
            ),
        })
    }
}

/// Sends signed requests to one Platform API.
#[derive(Debug, Clone)]
pub struct Client {
    http: reqwest::Client,
    url: ApiUrl,
    region: String,
    /// Asked for credentials on every request: SSO and assumed-role credentials expire and
    /// are refreshed by the provider, so a long `--watch` keeps working.
    credentials: SharedCredentialsProvider,
    /// Print one line per request on stderr (method, path, status, duration, request id).
    debug: bool,
}

impl Client {
    /// With `on`, each request prints one line on stderr: method, path, status, duration and
    /// request id; never a header, a body, a signature or a credential.
    pub fn with_debug(mut self, on: bool) -> Self {
        self.debug = on;
        self
    }

    /// A client that signs with fixed `credentials`.
    pub fn new(
        url: ApiUrl,
        region: Option<&str>,
        credentials: Credentials,
    ) -> Result<Self, ClientError> {
        Self::with_provider(url, region, SharedCredentialsProvider::new(credentials))
    }

    /// `region`: the API's region; when `None`, read from the host name.
    pub fn with_provider(
        url: ApiUrl,
        region: Option<&str>,
        credentials: SharedCredentialsProvider,
    ) -> Result<Self, ClientError> {
        let region = match region
            .map(String::from)
            .or_else(|| url.region_hint().map(String::from))
        {
            Some(r) => r,
            None => {
                return Err(ClientError::InvalidUrl {
                    url: url.as_str().to_string(),
                    reason: "no region in the host name; pass --region".into(),
                });
            }
        };
        let http = reqwest::Client::builder()
            // A redirect would send the signed headers (the session token) elsewhere.
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(std::time::Duration::from_secs(10))
            .timeout(std::time::Duration::from_secs(60))
            .build()
            .map_err(|e| ClientError::Transport {
                url: url.as_str().to_string(),
                reason: e.to_string(),
                connected: false,
            })?;
        Ok(Client {
            http,
            url,
            region,
            credentials,
            debug: false,
        })
    }

    pub fn region(&self) -> &str {
        &self.region
    }

    pub fn url(&self) -> &ApiUrl {
        &self.url
    }

    /// Builds and signs a request for `path_and_query` (starting with `/api/v0`), with the
    /// provider's current credentials.
    pub async fn signed_request(
        &self,
        method: http::Method,
        path_and_query: &str,
        body: Option<Vec<u8>>,
    ) -> Result<http::Request<Vec<u8>>, ClientError> {
        let uri = self.url.join(path_and_query);
        let mut builder = http::Request::builder().method(method).uri(&uri);
        if body.is_some() {
            builder = builder.header(http::header::CONTENT_TYPE, "application/json");
        }
        let mut request = builder
            .header(http::header::ACCEPT, "application/json")
            .body(body.unwrap_or_default())
            .map_err(|e| ClientError::InvalidUrl {
                url: uri.clone(),
                reason: e.to_string(),
            })?;
        let host = request
            .uri()
            .authority()
            .map(|a| a.to_string())
            .unwrap_or_default();
        request.headers_mut().insert(
            http::header::HOST,
            http::HeaderValue::from_str(&host).map_err(|e| ClientError::Signing(e.to_string()))?,
        );
        let credentials =
            self.credentials.provide_credentials().await.map_err(|e| {
                ClientError::Signing(format!("no AWS credentials to sign with: {e}"))
            })?;
        sign(&mut request, &credentials, &self.region, SystemTime::now())?;
        Ok(request)
    }

    /// Sends an already signed request.
    pub async fn send(&self, request: http::Request<Vec<u8>>) -> Result<RawResponse, ClientError> {
        let url = request.uri().to_string();
        let (method, path) = (request.method().clone(), request.uri().path().to_string());
        let started = std::time::Instant::now();
        let answer = self.send_inner(request, url).await;
        if self.debug {
            let (status, id) = match &answer {
                Ok(r) => (r.status.to_string(), r.request_id.clone()),
                Err(e) => (format!("failed ({e})"), None),
            };
            eprintln!(
                "debug: platform-api {method} {path} -> {status} in {} ms (request id {})",
                started.elapsed().as_millis(),
                id.as_deref().unwrap_or("-")
            );
        }
        answer
    }

    async fn send_inner(
        &self,
        request: http::Request<Vec<u8>>,
        url: String,
    ) -> Result<RawResponse, ClientError> {
        let request = reqwest::Request::try_from(request).map_err(|e| ClientError::Transport {
            url: url.clone(),
            reason: e.to_string(),
            connected: false,
        })?;
        let response = self
            .http
            .execute(request)
            .await
            .map_err(|e| ClientError::Transport {
                url: url.clone(),
                reason: transport_reason(&e),
                connected: !e.is_connect(),
            })?;
        let status = response.status().as_u16();
        let content_type = response
            .headers()
            .get(http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(String::from);
        let request_id = response
            .headers()
            .get("x-amzn-requestid")
            .and_then(|v| v.to_str().ok())
            .map(String::from);
        let retry_after = response
            .headers()
            .get(http::header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok());
        let body = response.bytes().await.map_err(|e| ClientError::Transport {
            url,
            reason: transport_reason(&e),
            connected: true,
        })?;
        Ok(RawResponse {
            status,
            content_type,
            request_id,
            retry_after,
            body: body.to_vec(),
        })
    }

    /// Signs and sends.
    pub async fn request(
        &self,
        method: http::Method,
        path_and_query: &str,
        body: Option<Vec<u8>>,
    ) -> Result<RawResponse, ClientError> {
        let request = self.signed_request(method, path_and_query, body).await?;
        self.send(request).await
    }
}
