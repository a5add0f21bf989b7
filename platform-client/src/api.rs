//! Typed operations over [`Client`], with bounded retries and pagination.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use http::Method;
use serde::de::DeserializeOwned;

use crate::models::*;
use crate::{ApiError, Client, ClientError, RawResponse};

/// One error type for every failure: the API's answer, or not reaching it.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Api(#[from] ApiError),
    #[error(transparent)]
    Client(#[from] ClientError),
}

impl Error {
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api(e) => Some(e.status),
            Error::Client(_) => None,
        }
    }

    pub fn code(&self) -> Option<&str> {
        match self {
            Error::Api(e) => e.code.as_deref(),
            Error::Client(_) => None,
        }
    }
}

/// Retries on 429, 5xx and connection errors with "full jitter" exponential backoff; a 429's
/// `Retry-After` is waited out when it is at most `retry_after_cap`.
#[derive(Debug, Clone, Copy)]
pub struct RetryPolicy {
    /// Attempts in all, the first included.
    pub attempts: u32,
    pub base: Duration,
    pub cap: Duration,
    /// The longest `Retry-After` waited out; a longer one is returned as the answer.
    pub retry_after_cap: Duration,
    /// Divides the `Retry-After` waits (1 in a shipped build; tests shorten pauses).
    pub pause_divisor: u32,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            attempts: 4,
            base: Duration::from_millis(250),
            cap: Duration::from_secs(5),
            retry_after_cap: Duration::from_secs(30),
            pause_divisor: 1,
        }
    }
}

/// How long to wait before resending after `result`: a 429's `Retry-After` (at most `cap`;
/// `None` when it asks for longer), else `backoff`.
pub fn retry_after_wait(
    result: &Result<RawResponse, ClientError>,
    backoff: Duration,
    cap: Duration,
) -> Option<Duration> {
    match result {
        Ok(r) if r.status == 429 => match r.retry_after.map(Duration::from_secs) {
            Some(wait) if wait > cap => None,
            Some(wait) => Some(wait.max(backoff)),
            None => Some(backoff),
        },
        _ => Some(backoff),
    }
}

impl RetryPolicy {
    /// The pause before the next attempt, `None` when a 429 asks for longer than allowed.
    fn pause(&self, attempt: u32, result: &Result<RawResponse, ClientError>) -> Option<Duration> {
        let backoff = self.delay(attempt);
        retry_after_wait(result, backoff, self.retry_after_cap).map(|wait| {
            if wait > backoff {
                wait / self.pause_divisor.max(1)
            } else {
                wait
            }
        })
    }

    fn delay(&self, attempt: u32) -> Duration {
        let ceiling = self.base.saturating_mul(1 << attempt.min(16)).min(self.cap);
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default()
            .subsec_nanos();
        // A cheap, well-spread pseudo-random fraction; jitter needs no more.
        let fraction = f64::from(nanos.wrapping_mul(2_654_435_761) % 1000) / 1000.0;
        ceiling.mul_f64(fraction.max(0.1))
    }
}

/// Whether a request's effect is unknown after this answer: the server may have acted.
fn outcome_unknown(result: &Result<RawResponse, ClientError>) -> bool {
    match result {
        Ok(r) => matches!(r.status, 500 | 502 | 504),
        Err(ClientError::Transport { connected, .. }) => *connected,
        Err(_) => false,
    }
}

/// Whether the request surely did not take effect and may be sent again as is.
fn safe_to_resend(result: &Result<RawResponse, ClientError>) -> bool {
    match result {
        Ok(r) => matches!(r.status, 429 | 503),
        Err(ClientError::Transport { connected, .. }) => !connected,
        Err(_) => false,
    }
}

pub struct Api {
    client: Client,
    retry: RetryPolicy,
}

fn decode<T: DeserializeOwned>(r: RawResponse) -> Result<T, Error> {
    Ok(r.json()?)
}

fn encode_query(value: &str) -> String {
    value
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

impl Api {
    pub fn new(client: Client) -> Self {
        Api {
            client,
            retry: RetryPolicy::default(),
        }
    }

    pub fn with_retry(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    pub fn client(&self) -> &Client {
        &self.client
    }

    /// Sends with retries. Idempotent requests are retried on 429, 5xx and transport errors;
    /// others only when the answer proves they were not processed (429, 503, no connection).
    /// A request is idempotent when sending it twice has the effect of sending it once (a POST
    /// whose repeat is answered "already done" counts). Any answer that is not retried is
    /// returned as it came, whatever its status.
    pub async fn send(
        &self,
        method: Method,
        path: &str,
        body: Option<Vec<u8>>,
        idempotent: bool,
    ) -> Result<RawResponse, Error> {
        let mut attempt = 0;
        loop {
            attempt += 1;
            // Signed anew each time: the signature carries the time.
            let request = self
                .client
                .signed_request(method.clone(), path, body.clone())
                .await?;
            let result = self.client.send(request).await;
            let retryable = safe_to_resend(&result) || (idempotent && outcome_unknown(&result));
            if retryable && attempt < self.retry.attempts {
                if let Some(pause) = self.retry.pause(attempt, &result) {
                    tokio::time::sleep(pause).await;
                    continue;
                }
            }
            return Ok(result?);
        }
    }

    async fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, Error> {
        decode(self.send(Method::GET, path, None, true).await?)
    }

    pub async fn live(&self) -> Result<(), Error> {
        self.get::<serde_json::Value>("/api/v0/live")
            .await
            .map(drop)
    }

    pub async fn ready(&self) -> Result<(), Error> {
        // 503 is the answer "not ready": asked once, not retried.
        let r = self
            .client
            .request(Method::GET, "/api/v0/ready", None)
            .await?;
        r.json::<serde_json::Value>().map(drop).map_err(Error::from)
    }

    pub async fn info(&self) -> Result<Info, Error> {
        self.get("/api/v0/info").await
    }

    /// `None` when the account is not registered.
    pub async fn account(&self, id: &str) -> Result<Option<Account>, Error> {
        match self
            .get(&format!("/api/v0/accounts/{}", encode_query(id)))
            .await
        {
            Ok(a) => Ok(Some(a)),
            Err(e) if e.status() == Some(404) => Ok(None),
            Err(e) => Err(e),
        }
    }

    pub async fn cluster(&self, id: &str) -> Result<Cluster, Error> {
        self.get(&format!("/api/v0/clusters/{}", encode_query(id)))
            .await
    }

    pub async fn statuses(&self, id: &str) -> Result<ClusterStatuses, Error> {
        self.get(&format!("/api/v0/clusters/{}/statuses", encode_query(id)))
            .await
    }

    pub async fn delete_cluster(&self, id: &str) -> Result<DeleteAccepted, Error> {
        decode(
            self.send(
                Method::DELETE,
                &format!("/api/v0/clusters/{}", encode_query(id)),
                None,
                true,
            )
            .await?,
        )
    }

    /// POSTs `body` to `path` at most once in effect: resent only when the answer proves it
    /// was not processed; when the outcome is unknown (a 5xx or a dropped connection after
    /// sending), `existing` is asked first and its answer returned if it found the object.
    async fn create_once<T, F, Fut>(
        &self,
        path: &str,
        body: Vec<u8>,
        existing: F,
    ) -> Result<T, Error>
    where
        T: DeserializeOwned,
        F: Fn() -> Fut,
        Fut: std::future::Future<Output = Result<Option<T>, Error>>,
    {
        let mut attempt = 0;
        loop {
            attempt += 1;
            let signed = self
                .client
                .signed_request(Method::POST, path, Some(body.clone()))
                .await?;
            let result = self.client.send(signed).await;
            if attempt < self.retry.attempts {
                if safe_to_resend(&result) {
                    if let Some(pause) = self.retry.pause(attempt, &result) {
                        tokio::time::sleep(pause).await;
                        continue;
                    }
                    return decode(result?);
                }
                if outcome_unknown(&result) {
                    tokio::time::sleep(self.retry.delay(attempt)).await;
                    if let Some(found) = existing().await? {
                        return Ok(found);
                    }
                    continue;
                }
            }
            return decode(result?);
        }
    }

    /// Creates a cluster; a retry never creates a second one (see [`Api::create_once`]).
    pub async fn create_cluster(&self, request: &ClusterCreateRequest) -> Result<Cluster, Error> {
        let body = serde_json::to_vec(request).map_err(|e| ClientError::Signing(e.to_string()))?;
        self.create_once("/api/v0/clusters", body, || {
            self.find_cluster_by_name(&request.name)
        })
        .await
    }

    /// Creates a node pool; a retry never creates a second one (see [`Api::create_once`]).
    pub async fn create_nodepool(
        &self,
        request: &NodePoolCreateRequest,
    ) -> Result<NodePool, Error> {
        let body = serde_json::to_vec(request).map_err(|e| ClientError::Signing(e.to_string()))?;
        self.create_once("/api/v0/nodepools", body, || async {
            let pools = self.nodepools(&request.cluster_id).await?;
            Ok(pools.into_iter().find(|p| p.name == request.name))
        })
        .await
    }

    /// Every node pool of a cluster (all pages).
    pub async fn nodepools(&self, cluster_id: &str) -> Result<Vec<NodePool>, Error> {
        let mut all = Vec::new();
        let (mut pages, mut last_ids) = (0, Vec::new());
        loop {
            let path = format!(
                "/api/v0/nodepools?clusterId={}&limit=100&offset={}",
                encode_query(cluster_id),
                all.len()
            );
            let page: NodePoolList = self.get(&path).await?;
            pages += 1;
            let ids: Vec<String> = page.items.iter().map(|p| p.id.clone()).collect();
            page_guard(&path, pages, &ids, &last_ids)?;
            last_ids = ids;
            let got = page.items.len();
            all.extend(page.items);
            if got == 0 || all.len() as u64 >= page.total {
                return Ok(all);
            }
        }
    }

    pub async fn nodepool(&self, id: &str) -> Result<NodePool, Error> {
        self.get(&format!("/api/v0/nodepools/{}", encode_query(id)))
            .await
    }

    pub async fn delete_nodepool(&self, id: &str) -> Result<(), Error> {
        let answer = self
            .send(
                Method::DELETE,
                &format!("/api/v0/nodepools/{}", encode_query(id)),
                None,
                true,
            )
            .await?;
        decode::<serde_json::Value>(answer).map(drop)
    }

    /// `PATCH /api/v0/clusters/{id}` with only the keys to change (the server merges them
    /// into the stored spec); sending it twice has the effect of sending it once.
    pub async fn update_cluster(
        &self,
        id: &str,
        spec: &serde_json::Value,
    ) -> Result<Cluster, Error> {
        let body = serde_json::to_vec(&serde_json::json!({"spec": spec}))
            .map_err(|e| ClientError::Signing(e.to_string()))?;
        decode(
            self.send(
                Method::PATCH,
                &format!("/api/v0/clusters/{}", encode_query(id)),
                Some(body),
                true,
            )
            .await?,
        )
    }

    /// `PUT /api/v0/nodepools/{id}` with only the keys to change.
    pub async fn update_nodepool(
        &self,
        id: &str,
        spec: &serde_json::Value,
    ) -> Result<NodePool, Error> {
        let body = serde_json::to_vec(&serde_json::json!({"spec": spec}))
            .map_err(|e| ClientError::Signing(e.to_string()))?;
        decode(
            self.send(
                Method::PUT,
                &format!("/api/v0/nodepools/{}", encode_query(id)),
                Some(body),
                true,
            )
            .await?,
        )
    }

    /// Pages through `GET /api/v0/clusters` (the server filters nothing: callers filter).
    pub fn clusters(&self, page_size: u32) -> Pages<'_> {
        Pages {
            api: self,
            page_size: page_size.clamp(1, 100),
            offset: 0,
            done: false,
            pages: 0,
            last_ids: Vec::new(),
        }
    }

    pub async fn find_cluster_by_name(&self, name: &str) -> Result<Option<Cluster>, Error> {
        let mut pages = self.clusters(100);
        while let Some(page) = pages.next_page().await? {
            if let Some(c) = page.into_iter().find(|c| c.name == name) {
                return Ok(Some(c));
            }
        }
        Ok(None)
    }
}

/// Pages of clusters, `limit`/`offset`, until `total` is reached.
pub struct Pages<'a> {
    api: &'a Api,
    page_size: u32,
    offset: u64,
    done: bool,
    pages: u32,
    last_ids: Vec<String>,
}

/// Pages read at most for one listing (100 000 items at 100 a page): an API that never says
/// "last page" is stopped, not followed forever.
pub const MAX_PAGES: u32 = 1000;

/// Refuses a page that repeats the one before (the API ignores the offset) or one too many.
fn page_guard(path: &str, pages: u32, ids: &[String], last_ids: &[String]) -> Result<(), Error> {
    let refuse = |why: String| {
        Err(Error::Api(ApiError {
            status: 200,
            code: None,
            reason: format!("GET {path}: {why}; stopped reading pages"),
            errors: Vec::new(),
            retry_after: None,
        }))
    };
    if !ids.is_empty() && ids == last_ids {
        return refuse("the page repeats the previous one (the API ignored the offset)".into());
    }
    if pages > MAX_PAGES {
        return refuse(format!("more than {MAX_PAGES} pages"));
    }
    Ok(())
}

impl Pages<'_> {
    /// The next page, or `None` after the last.
    pub async fn next_page(&mut self) -> Result<Option<Vec<Cluster>>, Error> {
        if self.done {
            return Ok(None);
        }
        let path = format!(
            "/api/v0/clusters?limit={}&offset={}",
            self.page_size, self.offset
        );
        let page: ClusterList = self.api.get(&path).await?;
        self.pages += 1;
        let ids: Vec<String> = page.items.iter().map(|c| c.id.clone()).collect();
        page_guard(&path, self.pages, &ids, &self.last_ids)?;
        self.last_ids = ids;
        self.offset += page.items.len() as u64;
        if page.items.is_empty() || self.offset >= page.total {
            self.done = true;
        }
        Ok(Some(page.items))
    }

    /// Every remaining cluster, at most `max` of them.
    pub async fn collect(mut self, max: Option<usize>) -> Result<Vec<Cluster>, Error> {
        let mut all = Vec::new();
        while let Some(page) = self.next_page().await? {
            all.extend(page);
            if max.is_some_and(|m| all.len() >= m) {
                all.truncate(max.unwrap_or(usize::MAX));
                break;
            }
        }
        Ok(all)
    }
}
