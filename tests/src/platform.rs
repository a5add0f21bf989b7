//! The Platform API stand-in: the routes of the platform API contract over in-memory state,
//! behind a gateway that verifies SigV4 (service `execute-api`) like API Gateway does.
//!
//! It answers as today's server does (`rosa-hyperfleet-api`): typed error codes, the
//! middleware of each route group (privileged accounts for `/accounts`, accounts never added
//! refused on `/clusters` and `/nodepools`, the allow-list mode), the checks of names and
//! platform-managed fields, `items: null`, status envelopes, PATCH/PUT, 202 bodies and, on
//! demand, 429 with `Retry-After`. With [`PlatformConfig::legacy`] it answers as the older
//! `rosa-regional-platform-api` did (string codes, a `status` filter, `Failed`, controller
//! statuses, `spec.cloudUrl`), so that both keep working.
//!
//! A created cluster has no status for one `phase_step`, then moves through
//! `WaitingForPlacement` → `Provisioning` → `Ready` one phase per step; a cluster whose name
//! starts with `fail-` stays `Provisioning` with `Degraded=True` (legacy: `Failed`). A deleted
//! one is `Deleting` for one step and then answers 404.

use std::collections::BTreeMap;
use std::net::{SocketAddr, TcpListener};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant, SystemTime};

use axum::body::{Body, to_bytes};
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value, json};

use crate::sigv4::{self, Caller, Credential, Expectation, SignedRequest};

/// The account moto uses by default, so one set of test credentials works for both stand-ins.
pub const CUSTOMER_ACCOUNT: &str = "123456789012";
pub const CUSTOMER_KEY: &str = "testing";
pub const CUSTOMER_SECRET: &str = "testing";
pub const OPERATOR_ACCOUNT: &str = "210987654321";
pub const OPERATOR_KEY: &str = "AKIAROSAOPERATOR0001";
pub const OPERATOR_SECRET: &str = "operator-secret-key";
pub const TEMP_KEY: &str = "ASIAROSACUSTOMERTMP1";
pub const TEMP_SECRET: &str = "temporary-secret-key";
pub const TEMP_TOKEN: &str = "temporary-session-token";
/// The regional account's LambdaExecutor role, answered by `/api/v0/info`.
pub const INVOKER_ARN: &str = "arn:aws:iam::210987654321:role/LambdaExecutor";
/// The longest cluster name the server accepts (CLUSTERS-MGMT-CREATE-006).
pub const MAX_CLUSTER_NAME: usize = 18;

#[derive(Debug, Clone)]
pub struct PlatformConfig {
    /// The region the gateway signs for.
    pub region: String,
    /// A stage path the base URL carries (`prod` → `http://127.0.0.1:port/prod`).
    pub stage: Option<String>,
    pub invoker_arn: String,
    pub credentials: Vec<Credential>,
    /// How long a cluster stays in each phase.
    pub phase_step: Duration,
    /// Answer as the older `rosa-regional-platform-api` did.
    pub legacy: bool,
    /// Customer accounts an operator has already added (not privileged). The accounts of
    /// privileged credentials are added as privileged.
    pub accounts: Vec<String>,
    /// `AUTHZ_DISABLED=true`: no `/accounts`; clusters and node pools only for
    /// `allowed_accounts`, else AUTH-007.
    pub authz_disabled: bool,
    pub allowed_accounts: Vec<String>,
    /// Caller ARNs the account's Cedar policies deny (AUTH-009).
    pub denied_arns: Vec<String>,
}

impl Default for PlatformConfig {
    fn default() -> Self {
        let cred = |key: &str,
                    secret: &str,
                    token: Option<&str>,
                    account: &str,
                    arn: String,
                    privileged| Credential {
            access_key_id: key.into(),
            secret_access_key: secret.into(),
            session_token: token.map(String::from),
            account_id: account.into(),
            arn,
            privileged,
        };
        PlatformConfig {
            region: "us-east-1".into(),
            stage: Some("prod".into()),
            invoker_arn: INVOKER_ARN.into(),
            credentials: vec![
                cred(
                    CUSTOMER_KEY,
                    CUSTOMER_SECRET,
                    None,
                    CUSTOMER_ACCOUNT,
                    format!("arn:aws:iam::{CUSTOMER_ACCOUNT}:user/customer"),
                    false,
                ),
                cred(
                    TEMP_KEY,
                    TEMP_SECRET,
                    Some(TEMP_TOKEN),
                    CUSTOMER_ACCOUNT,
                    format!("arn:aws:sts::{CUSTOMER_ACCOUNT}:assumed-role/Admin/session"),
                    false,
                ),
                cred(
                    OPERATOR_KEY,
                    OPERATOR_SECRET,
                    None,
                    OPERATOR_ACCOUNT,
                    format!("arn:aws:iam::{OPERATOR_ACCOUNT}:role/PlatformOperator"),
                    true,
                ),
            ],
            phase_step: Duration::from_millis(300),
            legacy: false,
            accounts: vec![CUSTOMER_ACCOUNT.into()],
            authz_disabled: false,
            allowed_accounts: Vec::new(),
            denied_arns: Vec::new(),
        }
    }
}

impl PlatformConfig {
    /// Today's server, where no operator has added the customer's account yet.
    pub fn not_added() -> Self {
        PlatformConfig {
            accounts: Vec::new(),
            ..PlatformConfig::default()
        }
    }

    /// The older server (`rosa-regional-platform-api`): string codes, no account needed for
    /// clusters, a customer may read its own registration.
    pub fn legacy() -> Self {
        PlatformConfig {
            legacy: true,
            accounts: Vec::new(),
            ..PlatformConfig::default()
        }
    }
}

/// A request as the stand-in saw it (after the gateway).
#[derive(Debug, Clone)]
pub struct Recorded {
    pub method: String,
    pub path: String,
    pub status: u16,
    /// `None` when the gateway refused it.
    pub account: Option<String>,
}

/// When something happened, as the phases see it: an instant plus the time
/// [`PlatformApi::advance`] added since.
#[derive(Debug, Clone, Copy)]
struct Stamp {
    at: Instant,
    aged: Duration,
}

impl Stamp {
    fn now() -> Stamp {
        Stamp {
            at: Instant::now(),
            aged: Duration::ZERO,
        }
    }

    fn elapsed(&self) -> Duration {
        self.at.elapsed() + self.aged
    }
}

#[derive(Debug, Clone)]
struct Cluster {
    value: Value,
    account: String,
    created: Stamp,
    deleted: Option<Stamp>,
}

/// A node pool: like a cluster, its phase moves with time; deleted ones vanish.
struct NodePool {
    value: Value,
    account: String,
    created: Stamp,
    deleted: Option<Stamp>,
}

#[derive(Default)]
struct State {
    accounts: BTreeMap<String, Value>,
    /// Accounts of privileged credentials, added at start (not listed by `account_ids`).
    seeded: Vec<String>,
    clusters: Vec<Cluster>,
    nodepools: Vec<NodePool>,
    ready: bool,
    /// Answer the next N requests with this status (after the gateway), for retry tests.
    fail_next: Option<(u16, usize)>,
    /// Process the next N requests, then answer them with this status (the answer is lost).
    fail_after: Option<(u16, usize)>,
    /// Refuse the next N requests with 429 RATE-LIMIT-001 and this `Retry-After` (seconds).
    rate_limited: Option<(u64, usize)>,
    requests: Vec<Recorded>,
    next_id: u64,
}

struct Shared {
    config: PlatformConfig,
    state: Mutex<State>,
}

/// A running stand-in. Dropping it stops the server.
pub struct PlatformApi {
    pub base_url: String,
    pub addr: SocketAddr,
    shared: Arc<Shared>,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl PlatformApi {
    /// Starts the stand-in on a free loopback port, on its own thread and runtime.
    pub fn start(config: PlatformConfig) -> std::io::Result<Self> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let base_url = match &config.stage {
            Some(stage) => format!("http://{addr}/{stage}"),
            None => format!("http://{addr}"),
        };
        let mut state = State {
            ready: true,
            ..State::default()
        };
        if !config.legacy {
            let operator = "arn:aws:iam::210987654321:role/PlatformOperator";
            for c in config.credentials.iter().filter(|c| c.privileged) {
                state.accounts.insert(
                    c.account_id.clone(),
                    account_value(&c.account_id, true, operator),
                );
                state.seeded.push(c.account_id.clone());
            }
            for id in &config.accounts {
                state
                    .accounts
                    .insert(id.clone(), account_value(id, false, operator));
            }
        }
        let shared = Arc::new(Shared {
            config,
            state: Mutex::new(state),
        });
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let served = shared.clone();
        let thread = std::thread::Builder::new()
            .name("platform-api-standin".into())
            .spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .expect("tokio runtime");
                rt.block_on(async move {
                    let listener = tokio::net::TcpListener::from_std(listener).expect("listener");
                    let app = axum::Router::new().fallback(move |req: Request<Body>| {
                        let shared = served.clone();
                        async move { handle(&shared, req).await }
                    });
                    let _ = axum::serve(listener, app)
                        .with_graceful_shutdown(async {
                            let _ = rx.await;
                        })
                        .await;
                });
            })?;
        Ok(PlatformApi {
            base_url,
            addr,
            shared,
            shutdown: Some(tx),
            thread: Some(thread),
        })
    }

    fn state(&self) -> MutexGuard<'_, State> {
        self.shared.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn config(&self) -> &PlatformConfig {
        &self.shared.config
    }

    /// `/api/v0/ready` answers 503 while false.
    pub fn set_ready(&self, ready: bool) {
        self.state().ready = ready;
    }

    /// The next `count` authenticated requests get `status` with a contract error body.
    pub fn fail_next(&self, status: u16, count: usize) {
        self.state().fail_next = Some((status, count));
    }

    /// The next `count` authenticated requests are carried out, but answered with `status`:
    /// the client cannot know they succeeded.
    pub fn fail_after(&self, status: u16, count: usize) {
        self.state().fail_after = Some((status, count));
    }

    /// The next `count` authenticated requests are refused by the rate limiter (429
    /// RATE-LIMIT-001, `Retry-After: retry_after`).
    pub fn rate_limit_next(&self, retry_after: u64, count: usize) {
        self.state().rate_limited = Some((retry_after, count));
    }

    /// Every request so far, in order.
    pub fn requests(&self) -> Vec<Recorded> {
        self.state().requests.clone()
    }

    /// Adds an account directly (as an operator would have).
    pub fn register_account(&self, account_id: &str) {
        let account = account_value(
            account_id,
            false,
            "arn:aws:iam::210987654321:role/PlatformOperator",
        );
        self.state().accounts.insert(account_id.into(), account);
    }

    /// Removes an account (as an operator would): its clusters are refused AUTH-004 after.
    pub fn remove_account(&self, account_id: &str) {
        self.state().accounts.remove(account_id);
    }

    /// The accounts added, without those of the operators' own privileged credentials.
    pub fn account_ids(&self) -> Vec<String> {
        let state = self.state();
        state
            .accounts
            .keys()
            .filter(|id| !state.seeded.contains(id))
            .cloned()
            .collect()
    }

    /// An account's record as the server holds it.
    pub fn account(&self, account_id: &str) -> Option<Value> {
        self.state().accounts.get(account_id).cloned()
    }

    /// What the platform holds, without ids or times: accounts, and the clusters and node
    /// pools that still exist (name, spec, owner), sorted. For comparing two runs' end states.
    pub fn snapshot(&self) -> Value {
        let step = self.shared.config.phase_step;
        let state = self.state();
        let strip = |v: &Value| {
            let mut v = v.clone();
            if let Some(o) = v.as_object_mut() {
                o.retain(|k, _| {
                    !matches!(
                        k.as_str(),
                        "id" | "href"
                            | "created_at"
                            | "updated_at"
                            | "cluster_id"
                            | "status"
                            | "createdAt"
                            | "policyStoreId"
                    )
                });
                if let Some(spec) = o.get_mut("spec").and_then(Value::as_object_mut) {
                    spec.remove("internalId");
                    spec.remove("internalPoolId");
                }
            }
            v
        };
        let mut clusters: Vec<Value> = state
            .clusters
            .iter()
            .filter(|c| !gone(c.deleted, step))
            .map(|c| json!({"account": c.account, "cluster": strip(&c.value)}))
            .collect();
        clusters.sort_by_key(|v| v.to_string());
        let names: BTreeMap<String, String> = state
            .clusters
            .iter()
            .filter_map(|c| {
                Some((
                    c.value["id"].as_str()?.to_string(),
                    c.value["name"].as_str()?.to_string(),
                ))
            })
            .collect();
        let mut nodepools: Vec<Value> = state
            .nodepools
            .iter()
            .filter(|p| !gone(p.deleted, step))
            .map(|p| {
                let cluster = p.value["cluster_id"].as_str().and_then(|id| names.get(id));
                json!({"account": p.account, "cluster": cluster, "nodepool": strip(&p.value)})
            })
            .collect();
        nodepools.sort_by_key(|v| v.to_string());
        let accounts: Vec<Value> = state
            .accounts
            .iter()
            .filter(|(id, _)| !state.seeded.contains(id))
            .map(|(_, a)| strip(a))
            .collect();
        // Issuer URLs and cluster ids carry a random part: named after their cluster instead.
        let mut text =
            json!({"accounts": accounts, "clusters": clusters, "nodepools": nodepools}).to_string();
        for c in &state.clusters {
            if let (Some(issuer), Some(name)) = (
                c.value["oidc_issuer_url"].as_str(),
                c.value["name"].as_str(),
            ) {
                text = text.replace(issuer, &format!("issuer<{name}>"));
            }
        }
        serde_json::from_str(&text).unwrap_or(Value::Null)
    }

    /// As if `by` had passed for every cluster and node pool that exists now (their ages
    /// grow by it; what is created later starts at zero). With a long `phase_step`, a test moves phases exactly when it
    /// means to, whatever the machine's speed.
    pub fn advance(&self, by: Duration) {
        let mut state = self.state();
        let back = |t: &mut Stamp| t.aged += by;
        for c in state.clusters.iter_mut() {
            back(&mut c.created);
            if let Some(d) = c.deleted.as_mut() {
                back(d);
            }
        }
        for p in state.nodepools.iter_mut() {
            back(&mut p.created);
            if let Some(d) = p.deleted.as_mut() {
                back(d);
            }
        }
    }

    /// Makes cluster `name` answer `issuer` as its OIDC issuer, as a misbehaving or
    /// compromised server would: for tests that a client checks what it is answered.
    pub fn set_issuer(&self, name: &str, issuer: &str) {
        let mut state = self.state();
        for c in state.clusters.iter_mut() {
            if c.value["name"] == name {
                c.value["oidc_issuer_url"] = json!(issuer);
            }
        }
    }

    /// The configured phase step.
    pub fn phase_step(&self) -> Duration {
        self.shared.config.phase_step
    }

    /// Names of the clusters that still exist.
    pub fn cluster_names(&self) -> Vec<String> {
        let step = self.shared.config.phase_step;
        self.state()
            .clusters
            .iter()
            .filter(|c| !gone(c.deleted, step))
            .filter_map(|c| c.value["name"].as_str().map(String::from))
            .collect()
    }

    /// Names of the node pools that still exist.
    pub fn nodepool_names(&self) -> Vec<String> {
        let step = self.shared.config.phase_step;
        self.state()
            .nodepools
            .iter()
            .filter(|p| !gone(p.deleted, step))
            .filter_map(|p| p.value["name"].as_str().map(String::from))
            .collect()
    }
}

impl Drop for PlatformApi {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn account_value(id: &str, privileged: bool, created_by: &str) -> Value {
    let mut account = json!({
        "kind": "Account",
        "accountId": id,
        "privileged": privileged,
        "createdAt": sigv4::format_rfc3339(SystemTime::now()),
        "createdBy": created_by,
    });
    if !privileged {
        account["policyStoreId"] = json!(format!("ps-standin-{id}"));
    }
    account
}

fn gone(deleted: Option<Stamp>, step: Duration) -> bool {
    deleted.is_some_and(|d| d.elapsed() >= step)
}

/// The error body: today's `{kind, code, reason}` (plus `errors` for validation); the older
/// server also sent `id` and `href`.
fn error(status: StatusCode, code: &str, reason: impl Into<String>) -> Response {
    error_body(status, code, reason.into(), None, false)
}

fn error_body(
    status: StatusCode,
    code: &str,
    reason: String,
    errors: Option<Vec<Value>>,
    legacy: bool,
) -> Response {
    let mut body = json!({"kind": "Error", "code": code, "reason": reason});
    if legacy {
        body["id"] = json!(code);
        body["href"] = json!(format!("/api/v0/errors/{code}"));
    }
    if let Some(errors) = errors {
        body["errors"] = Value::Array(errors);
    }
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        body.to_string(),
    )
        .into_response()
}

/// 422 with the list of fields and what is wrong with each.
fn validation(prefix: &str, errors: Vec<(String, String)>) -> Response {
    error_body(
        StatusCode::UNPROCESSABLE_ENTITY,
        &format!("{prefix}-VALIDATION-001"),
        "A validation error has occurred, check the errors field for more information".into(),
        Some(
            errors
                .into_iter()
                .map(|(field, reason)| json!({"field": field, "reason": reason}))
                .collect(),
        ),
        false,
    )
}

fn json_response(status: StatusCode, body: Value) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        body.to_string(),
    )
        .into_response()
}

fn not_found_text() -> Response {
    (
        StatusCode::NOT_FOUND,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        "404 page not found",
    )
        .into_response()
}

fn gateway_rejection(message: String) -> Response {
    let mut r = json_response(StatusCode::FORBIDDEN, json!({ "message": message }));
    r.headers_mut().insert(
        "x-amzn-errortype",
        "IncompleteSignatureException".parse().expect("static"),
    );
    r
}

async fn handle(shared: &Shared, req: Request<Body>) -> Response {
    let (parts, body) = req.into_parts();
    let body = match to_bytes(body, 10 * 1024 * 1024).await {
        Ok(b) => b,
        Err(_) => {
            return error(
                StatusCode::PAYLOAD_TOO_LARGE,
                "invalid-request",
                "body too large",
            );
        }
    };
    let raw_path = parts.uri.path().to_string();
    let query = parts.uri.query().unwrap_or("").to_string();
    let method = parts.method.clone();

    // The gateway: the stage prefix, then the signature.
    let path = match &shared.config.stage {
        Some(stage) => match raw_path.strip_prefix(&format!("/{stage}")) {
            Some(rest) => rest.to_string(),
            None => {
                record(shared, &method, &raw_path, 403, None);
                return gateway_rejection("Missing Authentication Token".into());
            }
        },
        None => raw_path.clone(),
    };
    let signed = SignedRequest {
        method: method.as_str(),
        path: &raw_path,
        query: &query,
        headers: header_pairs(&parts.headers),
        body: &body,
    };
    let expect = Expectation {
        region: &shared.config.region,
        service: "execute-api",
        now: SystemTime::now(),
    };
    let caller = match sigv4::verify(&signed, &expect, |key| {
        shared
            .config
            .credentials
            .iter()
            .find(|c| c.access_key_id == key)
    }) {
        Ok(caller) => caller,
        Err(rejection) => {
            record(shared, &method, &path, 403, None);
            return gateway_rejection(rejection.message());
        }
    };

    let mut response = route(shared, &caller, &method, &path, &query, &body);
    {
        let mut state = shared.state.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((status, count)) = state.fail_after {
            state.fail_after = (count > 1).then(|| (status, count - 1));
            let status = StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_GATEWAY);
            response = error(
                status,
                "injected-failure",
                "the request was processed but its answer was lost",
            );
        }
    }
    record(
        shared,
        &method,
        &path,
        response.status().as_u16(),
        Some(caller.account_id.clone()),
    );
    response
}

fn header_pairs(headers: &HeaderMap) -> Vec<(String, String)> {
    headers
        .iter()
        .map(|(k, v)| {
            (
                k.as_str().to_string(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect()
}

fn record(shared: &Shared, method: &Method, path: &str, status: u16, account: Option<String>) {
    let mut state = shared.state.lock().unwrap_or_else(|e| e.into_inner());
    state.requests.push(Recorded {
        method: method.to_string(),
        path: path.to_string(),
        status,
        account,
    });
}

/// The route group a path belongs to, for the middleware.
#[derive(PartialEq)]
enum Group {
    Open,
    Accounts,
    Resources,
}

fn group_of(segments: &[&str]) -> Group {
    match segments {
        ["api", "v0", "accounts", ..] => Group::Accounts,
        [
            "api",
            "v0",
            "clusters" | "nodepools" | "management_clusters",
            ..,
        ] => Group::Resources,
        _ => Group::Open,
    }
}

/// Today's middleware for `group`: `Some(refusal)` when the caller may not pass.
fn middleware(
    config: &PlatformConfig,
    state: &State,
    caller: &Caller,
    group: Group,
) -> Option<Response> {
    let privileged = state
        .accounts
        .get(&caller.account_id)
        .is_some_and(|a| a["privileged"] == true);
    match group {
        Group::Open => None,
        Group::Accounts if config.authz_disabled => Some(not_found_text()),
        Group::Accounts if !privileged => Some(error(
            StatusCode::FORBIDDEN,
            "AUTH-006",
            "privileged account required",
        )),
        Group::Accounts => None,
        Group::Resources if config.authz_disabled => {
            (!config.allowed_accounts.contains(&caller.account_id))
                .then(|| error(StatusCode::FORBIDDEN, "AUTH-007", "account not allowed"))
        }
        Group::Resources if privileged => None,
        Group::Resources if !state.accounts.contains_key(&caller.account_id) => Some(error(
            StatusCode::FORBIDDEN,
            "AUTH-004",
            "account not provisioned",
        )),
        Group::Resources if config.denied_arns.contains(&caller.arn) => Some(error(
            StatusCode::FORBIDDEN,
            "AUTH-009",
            "permission denied",
        )),
        Group::Resources => None,
    }
}

fn route(
    shared: &Shared,
    caller: &Caller,
    method: &Method,
    path: &str,
    query: &str,
    body: &[u8],
) -> Response {
    let config = &shared.config;
    let legacy = config.legacy;
    let mut state = shared.state.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((status, count)) = state.fail_next {
        state.fail_next = (count > 1).then(|| (status, count - 1));
        let status = StatusCode::from_u16(status).unwrap_or(StatusCode::SERVICE_UNAVAILABLE);
        return error(status, "injected-failure", "failure injected by the test");
    }
    let segments: Vec<&str> = path.trim_end_matches('/').split('/').skip(1).collect();
    if let Some((retry_after, count)) = state.rate_limited {
        state.rate_limited = (count > 1).then_some((retry_after, count - 1));
        let mut r = error(
            StatusCode::TOO_MANY_REQUESTS,
            "RATE-LIMIT-001",
            format!(
                "429 Too Many Requests — {method} default, 3 req/1s, retry after {retry_after}s"
            ),
        );
        r.headers_mut().insert(
            "retry-after",
            retry_after.to_string().parse().expect("digits"),
        );
        return r;
    }
    if !legacy {
        if let Some(refusal) = middleware(config, &state, caller, group_of(&segments)) {
            return refusal;
        }
    }
    let step = config.phase_step;
    match (method, segments.as_slice()) {
        (&Method::GET, ["api", "v0", "live"]) => {
            json_response(StatusCode::OK, json!({"status": "ok"}))
        }
        (&Method::GET, ["api", "v0", "ready"]) => {
            if state.ready {
                json_response(StatusCode::OK, json!({"status": "ok"}))
            } else {
                json_response(
                    StatusCode::SERVICE_UNAVAILABLE,
                    json!({"status": "unavailable"}),
                )
            }
        }
        (&Method::GET, ["api", "v0", "info"]) => {
            json_response(StatusCode::OK, json!({"arn": config.invoker_arn}))
        }
        (&Method::POST, ["api", "v0", "accounts"]) => {
            create_account(&mut state, caller, body, legacy)
        }
        (&Method::GET, ["api", "v0", "accounts"]) => {
            if legacy && !caller.privileged {
                return legacy_not_privileged("listing accounts needs a privileged account");
            }
            let items: Vec<Value> = state.accounts.values().cloned().collect();
            json_response(
                StatusCode::OK,
                json!({"kind": "AccountList", "items": items, "total": items.len()}),
            )
        }
        (&Method::GET, ["api", "v0", "accounts", id]) => {
            if legacy && !caller.privileged && *id != caller.account_id {
                return legacy_not_privileged("an account can only read its own registration");
            }
            match (state.accounts.get(*id), legacy) {
                (Some(a), _) => json_response(StatusCode::OK, a.clone()),
                (None, true) => error_body(
                    StatusCode::NOT_FOUND,
                    "not-found",
                    format!("account {id} is not registered"),
                    None,
                    true,
                ),
                (None, false) => error(
                    StatusCode::NOT_FOUND,
                    "ACCOUNTS-MGMT-GET-002",
                    format!("account {id} not found"),
                ),
            }
        }
        (&Method::DELETE, ["api", "v0", "accounts", id]) => {
            if legacy && !caller.privileged {
                return legacy_not_privileged("deleting accounts needs a privileged account");
            }
            match state.accounts.remove(*id) {
                Some(_) => StatusCode::NO_CONTENT.into_response(),
                None if legacy => StatusCode::NO_CONTENT.into_response(),
                None => error(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "ACCOUNTS-MGMT-DELETE-001",
                    format!("failed to delete account {id}"),
                ),
            }
        }
        (&Method::POST, ["api", "v0", "clusters"]) => {
            create_cluster(&mut state, caller, body, step, legacy)
        }
        (&Method::GET, ["api", "v0", "clusters"]) => {
            list_clusters(&state, caller, query, step, legacy)
        }
        (&Method::GET, ["api", "v0", "clusters", id]) => match find(&state, caller, id, step) {
            Some(c) => json_response(StatusCode::OK, with_status(c, step, legacy)),
            None => error(
                StatusCode::NOT_FOUND,
                "CLUSTERS-MGMT-GET-001",
                format!("cluster {id} not found"),
            ),
        },
        (&Method::GET, ["api", "v0", "clusters", id, "statuses"]) => {
            match find(&state, caller, id, step) {
                Some(c) if legacy => {
                    let status = status_of(c, step, true);
                    let phase = status["phase"].clone();
                    json_response(
                        StatusCode::OK,
                        json!({
                            "cluster_id": id,
                            "status": status,
                            "controller_statuses": [
                                {"controller": "placement", "phase": phase, "observedGeneration": c.value["generation"]},
                                {"controller": "hosted-control-plane", "phase": phase, "observedGeneration": c.value["generation"]},
                            ],
                        }),
                    )
                }
                Some(c) => json_response(
                    StatusCode::OK,
                    json!({"cluster_id": id, "status": status_of(c, step, false)}),
                ),
                None => error(
                    StatusCode::NOT_FOUND,
                    "CLUSTERS-MGMT-STATUS-001",
                    format!("cluster {id} not found"),
                ),
            }
        }
        (&Method::PATCH, ["api", "v0", "clusters", id]) => {
            patch_cluster(&mut state, caller, id, body, step, legacy)
        }
        (&Method::PUT, ["api", "v0", "clusters", id]) if !legacy => {
            patch_cluster(&mut state, caller, id, body, step, legacy)
        }
        (&Method::DELETE, ["api", "v0", "clusters", id]) => {
            let id = id.to_string();
            let found = state.clusters.iter_mut().find(|c| {
                c.account == caller.account_id
                    && c.value["id"] == id.as_str()
                    && !gone(c.deleted, step)
            });
            match found {
                Some(c) => {
                    c.deleted.get_or_insert_with(Stamp::now);
                    c.value["updated_at"] = json!(sigv4::format_rfc3339(SystemTime::now()));
                    // Its node pools go first.
                    let now = Stamp::now();
                    for p in state
                        .nodepools
                        .iter_mut()
                        .filter(|p| p.value["cluster_id"] == id.as_str())
                    {
                        p.deleted.get_or_insert(now);
                    }
                    json_response(
                        StatusCode::ACCEPTED,
                        json!({"message": "Cluster deletion initiated", "cluster_id": id}),
                    )
                }
                None => error(
                    StatusCode::NOT_FOUND,
                    "CLUSTERS-MGMT-DELETE-001",
                    format!("cluster {id} not found"),
                ),
            }
        }
        (&Method::POST, ["api", "v0", "nodepools"]) => {
            create_nodepool(&mut state, caller, body, step, legacy)
        }
        (&Method::GET, ["api", "v0", "nodepools"]) => {
            list_nodepools(&state, caller, query, step, legacy)
        }
        (&Method::GET, ["api", "v0", "nodepools", id]) => {
            match find_nodepool(&state, caller, id, step) {
                Some(p) => json_response(
                    StatusCode::OK,
                    nodepool_with_status(&state, p, step, legacy),
                ),
                None => nodepool_not_found("GET", id),
            }
        }
        (&Method::GET, ["api", "v0", "nodepools", id, "status"]) => {
            match find_nodepool(&state, caller, id, step) {
                Some(p) if legacy => {
                    json_response(StatusCode::OK, nodepool_status(&state, p, step, true))
                }
                Some(p) => json_response(
                    StatusCode::OK,
                    json!({"nodepool_id": id, "status": nodepool_status(&state, p, step, false)}),
                ),
                None => nodepool_not_found("STATUS", id),
            }
        }
        (&Method::PUT, ["api", "v0", "nodepools", id]) if !legacy => {
            update_nodepool(&mut state, caller, id, body, step)
        }
        (&Method::DELETE, ["api", "v0", "nodepools", id]) => {
            let id = id.to_string();
            let found = state.nodepools.iter_mut().find(|p| {
                p.account == caller.account_id
                    && p.value["id"] == id.as_str()
                    && !gone(p.deleted, step)
            });
            match found {
                Some(p) => {
                    p.deleted.get_or_insert_with(Stamp::now);
                    let message = if legacy {
                        "Node pool deletion initiated"
                    } else {
                        "NodePool deletion initiated"
                    };
                    json_response(
                        StatusCode::ACCEPTED,
                        json!({"message": message, "nodepool_id": id}),
                    )
                }
                None => nodepool_not_found("DELETE", &id),
            }
        }
        (_, ["api", "v0", "clusters" | "nodepools", ..]) if !legacy => {
            StatusCode::METHOD_NOT_ALLOWED.into_response()
        }
        _ => not_found_text(),
    }
}

fn legacy_not_privileged(reason: &str) -> Response {
    error_body(
        StatusCode::FORBIDDEN,
        "not-privileged",
        reason.into(),
        None,
        true,
    )
}

fn create_account(state: &mut State, caller: &Caller, body: &[u8], legacy: bool) -> Response {
    let refuse = |status, legacy_code: &str, code: &str, reason: String| {
        if legacy {
            error_body(status, legacy_code, reason, None, true)
        } else {
            error(status, code, reason)
        }
    };
    let Ok(req) = serde_json::from_slice::<Value>(body) else {
        return refuse(
            StatusCode::BAD_REQUEST,
            "invalid-request",
            "ACCOUNTS-MGMT-CREATE-001",
            "the body is not valid JSON".into(),
        );
    };
    let Some(id) = req
        .get("accountId")
        .and_then(Value::as_str)
        .filter(|id| !id.is_empty())
    else {
        return refuse(
            StatusCode::BAD_REQUEST,
            "missing-account-id",
            "ACCOUNTS-MGMT-CREATE-002",
            "accountId is required".into(),
        );
    };
    if legacy {
        if id.len() != 12 || !id.bytes().all(|b| b.is_ascii_digit()) {
            return refuse(
                StatusCode::BAD_REQUEST,
                "invalid-request",
                "",
                "accountId must be 12 digits".into(),
            );
        }
        if !caller.privileged {
            return legacy_not_privileged("account registration requires a privileged account");
        }
    }
    if state.accounts.contains_key(id) {
        return refuse(
            StatusCode::CONFLICT,
            "account-exists",
            "ACCOUNTS-MGMT-CREATE-004",
            if legacy {
                format!("account {id} is already registered")
            } else {
                "Account is already enabled".into()
            },
        );
    }
    let privileged = req
        .get("privileged")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let account = account_value(id, privileged, &caller.arn);
    state.accounts.insert(id.to_string(), account.clone());
    json_response(StatusCode::CREATED, account)
}

fn valid_legacy_cluster_name(name: &str) -> bool {
    let b = name.as_bytes();
    (3..=63).contains(&b.len())
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
        && b[0] != b'-'
        && b[b.len() - 1] != b'-'
}

/// Whether a JSON value is the zero value of its type (zero values of platform-managed fields
/// pass, as the server's typed decoding cannot tell them from absent).
fn is_zero(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::Bool(b) => !b,
        Value::Number(n) => n.as_f64() == Some(0.0),
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.values().all(is_zero),
    }
}

const MANAGED_REASON: &str = "field is platform-managed and cannot be set by customers";

/// Kubelet settings a customer may set; a few more need a feature gate the Default set lacks.
const KUBELET_SETTABLE: &[&str] = &[
    "maxPods",
    "podPidsLimit",
    "containerLogMaxSize",
    "containerLogMaxFiles",
    "containerLogMaxWorkers",
    "containerLogMonitorInterval",
    "imageGCHighThresholdPercent",
    "imageGCLowThresholdPercent",
    "imageMinimumGCAge",
    "streamingConnectionIdleTimeout",
];
const KUBELET_GATED: &[&str] = &["registryBurst", "registryPullQPS", "serializeImagePulls"];

/// The 422 list of a cluster spec: platform-managed fields set, feature gates not enabled.
fn cluster_spec_errors(spec: &Map<String, Value>) -> Vec<(String, String)> {
    let mut errors = Vec::new();
    let gate = |name: &str| {
        format!("requires feature gate {name} which is not enabled in Default feature set")
    };
    for (k, v) in spec {
        match k.as_str() {
            "accountId" | "creatorARN" | "internalId" if !is_zero(v) => {
                errors.push((format!("spec.{k}"), MANAGED_REASON.into()))
            }
            "tags" if !is_zero(v) => {
                errors.push(("spec.tags".into(), gate("HyperFleetAutoScaling")))
            }
            "hostedCluster" => {
                let Some(hc) = v.as_object() else { continue };
                for (hk, hv) in hc {
                    match hk.as_str() {
                        "release"
                        | "platform"
                        | "networking"
                        | "issuerURL"
                        | "imageContentSources" => {}
                        "configuration" => {
                            let Some(conf) = hv.as_object() else { continue };
                            for (ck, cv) in conf {
                                if ck != "kubelet" {
                                    if !is_zero(cv) {
                                        errors.push((
                                            format!("spec.hostedCluster.configuration.{ck}"),
                                            MANAGED_REASON.into(),
                                        ));
                                    }
                                    continue;
                                }
                                let Some(kubelet) = cv.as_object() else {
                                    continue;
                                };
                                for (kk, kv) in kubelet {
                                    let field =
                                        format!("spec.hostedCluster.configuration.kubelet.{kk}");
                                    if KUBELET_GATED.contains(&kk.as_str()) && !is_zero(kv) {
                                        errors.push((field, gate("HyperFleetKubeletAdvanced")));
                                    } else if !KUBELET_SETTABLE.contains(&kk.as_str())
                                        && !is_zero(kv)
                                    {
                                        errors.push((field, MANAGED_REASON.into()));
                                    }
                                }
                            }
                        }
                        _ if !is_zero(hv) => {
                            errors.push((format!("spec.hostedCluster.{hk}"), MANAGED_REASON.into()))
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    errors.sort();
    errors
}

/// The top-level spec keys the server's typed spec knows; others are dropped.
const CLUSTER_SPEC_KEYS: &[&str] = &[
    "displayName",
    "deleteProtection",
    "expirationTimestamp",
    "properties",
    "controlPlaneUpgradePolicy",
    "hostedCluster",
    "tags",
    "accountId",
    "creatorARN",
    "internalId",
];

fn uuid(state: &mut State) -> String {
    state.next_id += 1;
    let nanos = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap_or_default()
        .as_nanos() as u64;
    let n = state.next_id;
    format!(
        "{:08x}-{:04x}-4{:03x}-8{:03x}-{:012x}",
        (nanos >> 16) as u32,
        (nanos & 0xffff) as u16,
        (n >> 12) & 0xfff,
        n & 0xfff,
        nanos.wrapping_mul(2_654_435_761) & 0xffff_ffff_ffff
    )
}

fn create_cluster(
    state: &mut State,
    caller: &Caller,
    body: &[u8],
    step: Duration,
    legacy: bool,
) -> Response {
    let Ok(req) = serde_json::from_slice::<Value>(body) else {
        return error(
            StatusCode::BAD_REQUEST,
            "CLUSTERS-MGMT-CREATE-001",
            "invalid JSON in request body",
        );
    };
    let name = req.get("name").and_then(Value::as_str).unwrap_or_default();
    if legacy && !valid_legacy_cluster_name(name) {
        return error(
            StatusCode::BAD_REQUEST,
            "CLUSTERS-MGMT-CREATE-004",
            format!(
                "invalid cluster name {name:?}: must match ^[a-z0-9]([a-z0-9-]*[a-z0-9])?$ and be 3-63 characters"
            ),
        );
    }
    let Some(spec) = req
        .get("spec")
        .and_then(Value::as_object)
        .filter(|_| !name.is_empty())
    else {
        return error(
            StatusCode::BAD_REQUEST,
            "CLUSTERS-MGMT-CREATE-002",
            "name and spec are required",
        );
    };
    if !legacy && name.len() > MAX_CLUSTER_NAME {
        return error(
            StatusCode::BAD_REQUEST,
            "CLUSTERS-MGMT-CREATE-006",
            format!("cluster name {name:?} is longer than {MAX_CLUSTER_NAME} characters"),
        );
    }
    if !legacy {
        let errors = cluster_spec_errors(spec);
        if !errors.is_empty() {
            return validation("CLUSTERS-MGMT", errors);
        }
    }
    // Unique in the account, Deleting clusters included (today's server); the older one
    // only counted clusters not being deleted.
    if state.clusters.iter().any(|c| {
        c.account == caller.account_id
            && c.value["name"] == name
            && if legacy {
                c.deleted.is_none()
            } else {
                !gone(c.deleted, step)
            }
    }) {
        return error(
            StatusCode::CONFLICT,
            "CLUSTERS-MGMT-CREATE-005",
            format!("a cluster named {name:?} already exists in this account"),
        );
    }
    let id = if legacy {
        state.next_id += 1;
        format!(
            "{:032x}",
            u128::from(state.next_id) << 64
                | u128::from(
                    SystemTime::now()
                        .duration_since(SystemTime::UNIX_EPOCH)
                        .unwrap_or_default()
                        .subsec_nanos()
                )
        )
    } else {
        uuid(state)
    };
    let issuer = format!("https://d1rosastandin.cloudfront.net/{id}");
    let mut spec = spec.clone();
    if legacy {
        spec.insert("cloudUrl".into(), json!(issuer));
        spec.insert("createdBy".into(), json!(caller.arn));
    } else {
        spec.retain(|k, _| CLUSTER_SPEC_KEYS.contains(&k.as_str()));
        spec.insert("accountId".into(), json!(caller.account_id));
        spec.insert("creatorARN".into(), json!(caller.arn));
        spec.insert("internalId".into(), json!(format!("int-{id}")));
        let hc = spec.entry("hostedCluster").or_insert_with(|| json!({}));
        if let Some(hc) = hc.as_object_mut() {
            hc.insert("issuerURL".into(), json!(issuer));
        }
    }
    let now = sigv4::format_rfc3339(SystemTime::now());
    let value = json!({
        "id": id,
        "name": name,
        "target_project_id": if legacy { req.get("target_project_id").cloned().unwrap_or(json!("")) } else { json!("") },
        "created_by": caller.arn,
        "oidc_issuer_url": issuer,
        "generation": 1,
        "resource_version": "1",
        "spec": spec,
        "created_at": now,
        "updated_at": now,
    });
    let cluster = Cluster {
        value,
        account: caller.account_id.clone(),
        created: Stamp::now(),
        deleted: None,
    };
    let response = with_status(&cluster, Duration::MAX, legacy);
    state.clusters.push(cluster);
    json_response(StatusCode::CREATED, response)
}

fn nodepool_not_found(op: &str, id: &str) -> Response {
    error(
        StatusCode::NOT_FOUND,
        &format!("NODEPOOLS-MGMT-{op}-001"),
        format!("node pool {id} not found"),
    )
}

fn find_nodepool<'s>(
    state: &'s State,
    caller: &Caller,
    id: &str,
    step: Duration,
) -> Option<&'s NodePool> {
    state
        .nodepools
        .iter()
        .find(|p| p.account == caller.account_id && p.value["id"] == id && !gone(p.deleted, step))
}

/// A node pool's status: none until its cluster has a placement (today's server), then
/// `Provisioning` for one step, then `Ready`.
fn nodepool_status(state: &State, p: &NodePool, step: Duration, legacy: bool) -> Value {
    let cluster = state
        .clusters
        .iter()
        .find(|c| c.value["id"] == p.value["cluster_id"]);
    let placed = cluster.is_some_and(|c| {
        matches!(
            phase_of(c, step, legacy),
            Some("Provisioning" | "Ready" | "Deleting")
        )
    });
    let phase = if p.deleted.is_some() {
        "Deleting"
    } else if !legacy && !placed {
        return Value::Null;
    } else if p.created.elapsed() < step {
        "Provisioning"
    } else {
        "Ready"
    };
    let now = sigv4::format_rfc3339(SystemTime::now());
    if legacy {
        let replicas = &p.value["spec"]["nodePool"]["replicas"];
        return json!({
            "phase": phase,
            "replicas": if phase == "Ready" { replicas.clone() } else { json!(0) },
            "message": format!("node pool is {phase}"),
            "lastUpdateTime": now,
        });
    }
    let ready = if phase == "Ready" { "True" } else { "False" };
    json!({
        "observedGeneration": p.value["generation"],
        "conditions": [
            {"type": "Synced", "status": "True", "lastTransitionTime": now, "reason": "Synced", "message": ""},
            {"type": "Ready", "status": ready, "lastTransitionTime": now, "reason": phase, "message": format!("node pool is {phase}")},
        ],
        "phase": phase,
        "lastUpdateTime": now,
    })
}

fn nodepool_with_status(state: &State, p: &NodePool, step: Duration, legacy: bool) -> Value {
    let mut v = p.value.clone();
    let status = nodepool_status(state, p, step, legacy);
    if !status.is_null() {
        v["status"] = status;
    }
    v
}

/// The 422 list of a node-pool spec: platform-managed fields set.
fn nodepool_spec_errors(spec: &Map<String, Value>) -> Vec<(String, String)> {
    const MANAGED: &[&str] = &[
        "management",
        "autoScaling",
        "arch",
        "config",
        "nodeLabels",
        "taints",
        "tuningConfig",
        "nodeDrainTimeout",
        "nodeVolumeDetachTimeout",
        "osImageStream",
        "pausedUntil",
    ];
    let mut errors = Vec::new();
    for (k, v) in spec {
        match k.as_str() {
            "accountId" | "internalPoolId" if !is_zero(v) => {
                errors.push((format!("spec.{k}"), MANAGED_REASON.into()))
            }
            "nodePool" => {
                for (pk, pv) in v.as_object().into_iter().flatten() {
                    if MANAGED.contains(&pk.as_str()) && !is_zero(pv) {
                        errors.push((format!("spec.nodePool.{pk}"), MANAGED_REASON.into()));
                    }
                }
            }
            _ => {}
        }
    }
    errors
}

/// `POST /api/v0/nodepools`.
fn create_nodepool(
    state: &mut State,
    caller: &Caller,
    body: &[u8],
    step: Duration,
    legacy: bool,
) -> Response {
    let Ok(req) = serde_json::from_slice::<Value>(body) else {
        return error(
            StatusCode::BAD_REQUEST,
            "NODEPOOLS-MGMT-CREATE-001",
            "invalid JSON in request body",
        );
    };
    let cluster_id = req["cluster_id"].as_str().unwrap_or_default().to_string();
    let name = req["name"].as_str().unwrap_or_default().to_string();
    if legacy && !valid_legacy_cluster_name(&name) {
        return error(
            StatusCode::BAD_REQUEST,
            "NODEPOOLS-MGMT-CREATE-004",
            format!("invalid node pool name {name:?}"),
        );
    }
    let Some(spec) = req["spec"]
        .as_object()
        .filter(|_| !name.is_empty() && !cluster_id.is_empty())
    else {
        return error(
            StatusCode::BAD_REQUEST,
            "NODEPOOLS-MGMT-CREATE-002",
            "name, cluster_id and spec are required",
        );
    };
    if legacy {
        let pool = &req["spec"]["nodePool"];
        let aws = &pool["platform"]["aws"];
        if pool["replicas"].as_u64().is_none_or(|r| r < 1)
            || aws["instanceType"].as_str().is_none_or(str::is_empty)
            || aws["subnet"]["id"].as_str().is_none_or(str::is_empty)
        {
            return error(
                StatusCode::BAD_REQUEST,
                "NODEPOOLS-MGMT-CREATE-002",
                "spec.nodePool needs replicas >= 1, platform.aws.instanceType and platform.aws.subnet.id",
            );
        }
    } else {
        let errors = nodepool_spec_errors(spec);
        if !errors.is_empty() {
            return validation("NODEPOOLS-MGMT", errors);
        }
    }
    if find(state, caller, &cluster_id, step).is_none() {
        return if legacy {
            error(
                StatusCode::NOT_FOUND,
                "CLUSTERS-MGMT-GET-001",
                format!("cluster {cluster_id} not found"),
            )
        } else {
            error(
                StatusCode::NOT_FOUND,
                "NODEPOOLS-MGMT-CREATE-004",
                format!("cluster {cluster_id} not found"),
            )
        };
    }
    if state.nodepools.iter().any(|p| {
        p.account == caller.account_id
            && !gone(p.deleted, step)
            && p.value["cluster_id"] == cluster_id.as_str()
            && p.value["name"] == name.as_str()
    }) {
        return error(
            StatusCode::CONFLICT,
            if legacy {
                "NODEPOOLS-MGMT-CREATE-005"
            } else {
                "NODEPOOLS-MGMT-CREATE-003"
            },
            format!("a node pool named {name} already exists in cluster {cluster_id}"),
        );
    }
    state.next_id += 1;
    let now = sigv4::format_rfc3339(SystemTime::now());
    let mut spec = spec.clone();
    let id = if legacy {
        format!("np-{:016x}", state.next_id)
    } else {
        spec.insert("accountId".into(), json!(caller.account_id));
        spec.insert(
            "internalPoolId".into(),
            json!(format!("pool-{:016x}", state.next_id)),
        );
        let pool = spec.entry("nodePool").or_insert_with(|| json!({}));
        if let Some(pool) = pool.as_object_mut() {
            pool.insert(
                "management".into(),
                json!({"autoRepair": true, "upgradeType": "Replace"}),
            );
        }
        name.clone()
    };
    let value = json!({
        "id": id,
        "name": name,
        "cluster_id": cluster_id,
        "created_by": "",
        "generation": 1,
        "resource_version": "1",
        "spec": spec,
        "created_at": now,
        "updated_at": now,
    });
    let p = NodePool {
        value,
        account: caller.account_id.clone(),
        created: Stamp::now(),
        deleted: None,
    };
    let response = nodepool_with_status(state, &p, step, legacy);
    state.nodepools.push(p);
    json_response(StatusCode::CREATED, response)
}

fn update_nodepool(
    state: &mut State,
    caller: &Caller,
    id: &str,
    body: &[u8],
    step: Duration,
) -> Response {
    let Ok(req) = serde_json::from_slice::<Value>(body) else {
        return error(
            StatusCode::BAD_REQUEST,
            "NODEPOOLS-MGMT-UPDATE-001",
            "invalid JSON in request body",
        );
    };
    let Some(patch) = req.get("spec").and_then(Value::as_object) else {
        return error(
            StatusCode::BAD_REQUEST,
            "NODEPOOLS-MGMT-UPDATE-002",
            "spec is required",
        );
    };
    let errors = nodepool_spec_errors(patch);
    if !errors.is_empty() {
        return validation("NODEPOOLS-MGMT", errors);
    }
    let Some(p) = state
        .nodepools
        .iter_mut()
        .find(|p| p.account == caller.account_id && p.value["id"] == id && !gone(p.deleted, step))
    else {
        return nodepool_not_found("UPDATE", id);
    };
    merge(&mut p.value["spec"], Value::Object(patch.clone()));
    bump(&mut p.value);
    let i = state
        .nodepools
        .iter()
        .position(|p| p.value["id"] == id && !gone(p.deleted, step));
    match i {
        Some(i) => {
            let p = &state.nodepools[i];
            json_response(StatusCode::OK, nodepool_with_status(state, p, step, false))
        }
        None => nodepool_not_found("UPDATE", id),
    }
}

fn bump(value: &mut Value) {
    let generation = value["generation"].as_i64().unwrap_or(1) + 1;
    value["generation"] = json!(generation);
    value["resource_version"] = json!(generation.to_string());
    value["updated_at"] = json!(sigv4::format_rfc3339(SystemTime::now()));
}

/// `patch` laid over `base`: objects merge, other values replace.
fn merge(base: &mut Value, patch: Value) {
    match (base, patch) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, v) in b {
                merge(a.entry(k).or_insert(Value::Null), v);
            }
        }
        (slot, v) => *slot = v,
    }
}

/// `limit`, `offset` and the other pairs of a query.
fn query_pairs(query: &str) -> Vec<(&str, &str)> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| p.split_once('=').unwrap_or((p, "")))
        .collect()
}

/// Today's server: `limit` outside 1..100 (or not a number) is silently 50, a negative or bad
/// offset 0. The older one refused both with 400.
fn page_params(
    pairs: &[(&str, &str)],
    legacy: bool,
    code: &str,
) -> Result<(usize, usize), Response> {
    let (mut limit, mut offset) = (50usize, 0usize);
    for (k, v) in pairs {
        match *k {
            "limit" => match v.parse::<usize>() {
                Ok(n) if (1..=100).contains(&n) => limit = n,
                _ if !legacy => {}
                _ => return Err(error(StatusCode::BAD_REQUEST, code, "limit must be 1..100")),
            },
            "offset" => match v.parse::<usize>() {
                Ok(n) => offset = n,
                _ if !legacy => {}
                _ => return Err(error(StatusCode::BAD_REQUEST, code, "offset must be >= 0")),
            },
            _ => {}
        }
    }
    Ok((limit, offset))
}

fn list_nodepools(
    state: &State,
    caller: &Caller,
    query: &str,
    step: Duration,
    legacy: bool,
) -> Response {
    let pairs = query_pairs(query);
    let (limit, offset) = match page_params(&pairs, legacy, "invalid-request") {
        Ok(p) => p,
        Err(r) => return r,
    };
    let cluster = pairs
        .iter()
        .find(|(k, _)| *k == "clusterId")
        .map(|(_, v)| *v);
    let matching: Vec<Value> = state
        .nodepools
        .iter()
        .filter(|p| {
            p.account == caller.account_id
                && !gone(p.deleted, step)
                && cluster.is_none_or(|c| p.value["cluster_id"] == c)
        })
        .map(|p| nodepool_with_status(state, p, step, legacy))
        .collect();
    let total = matching.len();
    let items: Vec<Value> = matching.into_iter().skip(offset).take(limit).collect();
    // Today's server answers `null` when nothing matches (or the offset is past the end).
    let items = if items.is_empty() && !legacy {
        Value::Null
    } else {
        Value::Array(items)
    };
    json_response(
        StatusCode::OK,
        json!({"items": items, "total": total, "limit": limit, "offset": offset}),
    )
}

fn find<'s>(state: &'s State, caller: &Caller, id: &str, step: Duration) -> Option<&'s Cluster> {
    state
        .clusters
        .iter()
        .find(|c| c.account == caller.account_id && c.value["id"] == id && !gone(c.deleted, step))
}

/// The phase, `None` before the operator set one (today's server only).
fn phase_of(c: &Cluster, step: Duration, legacy: bool) -> Option<&'static str> {
    if c.deleted.is_some() {
        return Some("Deleting");
    }
    let steps = c.created.elapsed().as_nanos() / step.as_nanos().max(1);
    let steps = if legacy { steps + 1 } else { steps };
    let failing = c.value["name"]
        .as_str()
        .is_some_and(|n| n.starts_with("fail-"));
    Some(match steps {
        0 => return None,
        1 => "WaitingForPlacement",
        2 => "Provisioning",
        _ if failing && legacy => "Failed",
        _ if failing => "Provisioning",
        _ => "Ready",
    })
}

fn status_of(c: &Cluster, step: Duration, legacy: bool) -> Value {
    let Some(phase) = phase_of(c, step, legacy) else {
        return Value::Null;
    };
    let now = sigv4::format_rfc3339(SystemTime::now());
    let failing = c.value["name"]
        .as_str()
        .is_some_and(|n| n.starts_with("fail-"))
        && c.created.elapsed() >= step * 3;
    let id = c.value["id"].as_str().unwrap_or_default();
    let name = c.value["name"].as_str().unwrap_or_default();
    if legacy {
        let (ready, reason, message) = match phase {
            "Ready" => (
                "True",
                "AsExpected",
                "The hosted control plane is available",
            ),
            "Failed" => (
                "False",
                "ProvisioningFailed",
                "The hosted control plane could not be provisioned",
            ),
            "Deleting" => ("False", "Deleting", "The cluster is being deleted"),
            _ => ("False", "Progressing", "The cluster is being provisioned"),
        };
        let mut status = json!({
            "observedGeneration": c.value["generation"],
            "conditions": [{"type": "Ready", "status": ready, "lastTransitionTime": now, "reason": reason, "message": message}],
            "phase": phase,
            "message": message,
            "reason": reason,
            "lastUpdateTime": now,
        });
        if phase == "Ready" {
            status["controlPlaneEndpoint"] = json!({"host": format!("api.{}.rosa.standin.example", &id[..8.min(id.len())]), "port": 443});
            status["placementRef"] =
                json!({"name": "mc-standin-01", "managementCluster": "mc-standin-01"});
        }
        return status;
    }
    let condition = |kind: &str, status: &str, reason: &str, message: &str| json!({"type": kind, "status": status, "lastTransitionTime": now, "reason": reason, "message": message});
    let (available, degraded) = match phase {
        "Ready" => (
            condition(
                "Available",
                "True",
                "AsExpected",
                "The hosted control plane is available",
            ),
            condition("Degraded", "False", "AsExpected", ""),
        ),
        "Deleting" => (
            condition(
                "Available",
                "False",
                "Deleting",
                "The cluster is being deleted",
            ),
            condition("Degraded", "False", "AsExpected", ""),
        ),
        _ if failing => (
            condition(
                "Available",
                "False",
                "ProvisioningFailed",
                "The hosted control plane could not be provisioned",
            ),
            condition(
                "Degraded",
                "True",
                "ProvisioningFailed",
                "The hosted control plane could not be provisioned: etcd quorum lost",
            ),
        ),
        _ => (
            condition(
                "Available",
                "False",
                "Progressing",
                "The cluster is being provisioned",
            ),
            condition("Degraded", "False", "AsExpected", ""),
        ),
    };
    let mut status = json!({
        "observedGeneration": c.value["generation"],
        "conditions": [condition("Synced", "True", "Synced", ""), available, degraded],
        "phase": phase,
        "lastUpdateTime": now,
    });
    if matches!(phase, "Provisioning" | "Ready" | "Deleting") {
        status["placementRef"] =
            json!({"name": "mc-standin-01", "managementCluster": "mc-standin-01"});
    }
    if phase == "Ready" {
        status["controlPlaneEndpoint"] = json!({"host": format!("api.{name}.{}.rosa.standin.example", &id[..4.min(id.len())]), "port": 443});
        status["version"] = json!("5.0.0-ec.0");
    }
    status
}

fn with_status(c: &Cluster, step: Duration, legacy: bool) -> Value {
    let mut v = c.value.clone();
    let status = status_of(c, step, legacy);
    if !status.is_null() {
        v["status"] = status;
    }
    v
}

fn list_clusters(
    state: &State,
    caller: &Caller,
    query: &str,
    step: Duration,
    legacy: bool,
) -> Response {
    let pairs = query_pairs(query);
    let (limit, offset) = match page_params(&pairs, legacy, "CLUSTERS-MGMT-LIST-001") {
        Ok(p) => p,
        Err(r) => return r,
    };
    // Only the older server filtered by phase.
    let status_filter = pairs
        .iter()
        .find(|(k, _)| legacy && *k == "status")
        .map(|(_, v)| *v);
    let matching: Vec<Value> = state
        .clusters
        .iter()
        .filter(|c| c.account == caller.account_id && !gone(c.deleted, step))
        .filter(|c| {
            status_filter.is_none_or(|s| {
                phase_of(c, step, legacy).is_some_and(|p| s.eq_ignore_ascii_case(p))
            })
        })
        .map(|c| with_status(c, step, legacy))
        .collect();
    let total = matching.len();
    let items: Vec<Value> = matching.into_iter().skip(offset).take(limit).collect();
    json_response(
        StatusCode::OK,
        json!({"items": items, "total": total, "limit": limit, "offset": offset}),
    )
}

fn patch_cluster(
    state: &mut State,
    caller: &Caller,
    id: &str,
    body: &[u8],
    step: Duration,
    legacy: bool,
) -> Response {
    let Ok(req) = serde_json::from_slice::<Value>(body) else {
        return error(
            StatusCode::BAD_REQUEST,
            "CLUSTERS-MGMT-UPDATE-001",
            "invalid JSON in request body",
        );
    };
    let Some(patch) = req.get("spec").and_then(Value::as_object) else {
        return error(
            StatusCode::BAD_REQUEST,
            "CLUSTERS-MGMT-UPDATE-002",
            "spec is required and must be an object",
        );
    };
    if !legacy {
        let errors = cluster_spec_errors(patch);
        if !errors.is_empty() {
            return validation("CLUSTERS-MGMT", errors);
        }
    }
    let Some(c) = state
        .clusters
        .iter_mut()
        .find(|c| c.account == caller.account_id && c.value["id"] == id && !gone(c.deleted, step))
    else {
        return error(
            StatusCode::NOT_FOUND,
            "CLUSTERS-MGMT-UPDATE-003",
            format!("cluster {id} not found"),
        );
    };
    if legacy {
        if let Some(spec) = c.value["spec"].as_object_mut() {
            for (k, v) in patch {
                spec.insert(k.clone(), v.clone());
            }
        }
    } else {
        let mut patch = patch.clone();
        patch.retain(|k, _| CLUSTER_SPEC_KEYS.contains(&k.as_str()));
        merge(&mut c.value["spec"], Value::Object(patch));
    }
    bump(&mut c.value);
    let c = c.clone();
    json_response(StatusCode::OK, with_status(&c, step, legacy))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legacy_cluster_names() {
        for good in ["abc", "a-1", "my-cluster-01", &"a".repeat(63)] {
            assert!(valid_legacy_cluster_name(good), "{good}");
        }
        for bad in ["ab", "-abc", "abc-", "Abc", "a_b", "a.b", &"a".repeat(64)] {
            assert!(!valid_legacy_cluster_name(bad), "{bad}");
        }
    }

    #[test]
    fn platform_managed_fields_are_named_and_zero_values_pass() {
        let spec = json!({
            "displayName": "mine",
            "accountId": "",
            "creatorARN": "arn:aws:iam::1:user/x",
            "tags": {"a": "b"},
            "hostedCluster": {
                "release": {"image": "x"},
                "dns": {"baseDomain": "example.com"},
                "fips": false,
                "configuration": {"kubelet": {"maxPods": 100, "registryBurst": 5, "kubeAPIQPS": 9}},
            },
        });
        let errors = cluster_spec_errors(spec.as_object().unwrap());
        let fields: Vec<&str> = errors.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(
            fields,
            vec![
                "spec.creatorARN",
                "spec.hostedCluster.configuration.kubelet.kubeAPIQPS",
                "spec.hostedCluster.configuration.kubelet.registryBurst",
                "spec.hostedCluster.dns",
                "spec.tags",
            ]
        );
        assert!(errors[4].1.contains("HyperFleetAutoScaling"));
        let pool = json!({"nodePool": {"replicas": 2, "management": {"autoRepair": true}, "autoScaling": {}}});
        let errors = nodepool_spec_errors(pool.as_object().unwrap());
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].0, "spec.nodePool.management");
    }
}
