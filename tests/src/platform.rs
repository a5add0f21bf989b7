//! The Platform API stand-in: the routes of the platform API contract over in-memory state,
//! behind a gateway that verifies SigV4 (service `execute-api`) like API Gateway does.
//!
//! Accounts are per access key (customer or privileged operator). A created cluster moves
//! through `WaitingForPlacement` → `Provisioning` → `Ready` (or `Failed` when its name starts
//! with `fail-`) one phase per `phase_step`; a deleted one is `Deleting` for one step and then
//! answers 404.

use std::collections::BTreeMap;
use std::net::{SocketAddr, TcpListener};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant, SystemTime};

use axum::body::{Body, to_bytes};
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

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

#[derive(Debug, Clone)]
struct Cluster {
    value: Value,
    account: String,
    created: Instant,
    deleted: Option<Instant>,
}

/// A node pool: like a cluster, its phase moves with time; deleted ones vanish.
struct NodePool {
    value: Value,
    account: String,
    created: Instant,
    deleted: Option<Instant>,
}

#[derive(Default)]
struct State {
    accounts: BTreeMap<String, Value>,
    clusters: Vec<Cluster>,
    nodepools: Vec<NodePool>,
    ready: bool,
    /// Answer the next N requests with this status (after the gateway), for retry tests.
    fail_next: Option<(u16, usize)>,
    /// Process the next N requests, then answer them with this status (the answer is lost).
    fail_after: Option<(u16, usize)>,
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
        let shared = Arc::new(Shared {
            config,
            state: Mutex::new(State {
                ready: true,
                ..State::default()
            }),
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

    /// Every request so far, in order.
    pub fn requests(&self) -> Vec<Recorded> {
        self.state().requests.clone()
    }

    /// Registers an account directly (as an operator would have).
    pub fn register_account(&self, account_id: &str) {
        let account = account_value(
            account_id,
            false,
            "arn:aws:iam::210987654321:role/PlatformOperator",
        );
        self.state().accounts.insert(account_id.into(), account);
    }

    pub fn account_ids(&self) -> Vec<String> {
        self.state().accounts.keys().cloned().collect()
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
                        "id" | "href" | "created_at" | "updated_at" | "cluster_id" | "status"
                    )
                });
            }
            v
        };
        let mut clusters: Vec<Value> = state
            .clusters
            .iter()
            .filter(|c| !gone(c, step))
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
            .filter(|p| p.deleted.is_none_or(|d| d.elapsed() < step))
            .map(|p| {
                let cluster = p.value["cluster_id"].as_str().and_then(|id| names.get(id));
                json!({"account": p.account, "cluster": cluster, "nodepool": strip(&p.value)})
            })
            .collect();
        nodepools.sort_by_key(|v| v.to_string());
        let accounts: Vec<Value> = state.accounts.values().map(strip).collect();
        // Issuer URLs carry a random part: named after their cluster instead.
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

    /// Names of the clusters that still exist.
    pub fn cluster_names(&self) -> Vec<String> {
        let step = self.shared.config.phase_step;
        self.state()
            .clusters
            .iter()
            .filter(|c| !gone(c, step))
            .filter_map(|c| c.value["name"].as_str().map(String::from))
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
    json!({
        "kind": "Account",
        "accountId": id,
        "privileged": privileged,
        "createdAt": sigv4::format_rfc3339(SystemTime::now()),
        "createdBy": created_by,
    })
}

fn gone(c: &Cluster, step: Duration) -> bool {
    c.deleted.is_some_and(|d| d.elapsed() >= step)
}

fn error(status: StatusCode, code: &str, reason: impl Into<String>) -> Response {
    let body = json!({"kind": "Error", "id": code, "href": format!("/api/v0/errors/{code}"), "code": code, "reason": reason.into()});
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        body.to_string(),
    )
        .into_response()
}

fn json_response(status: StatusCode, body: Value) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        body.to_string(),
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

fn route(
    shared: &Shared,
    caller: &Caller,
    method: &Method,
    path: &str,
    query: &str,
    body: &[u8],
) -> Response {
    let mut state = shared.state.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((status, count)) = state.fail_next {
        state.fail_next = (count > 1).then(|| (status, count - 1));
        let status = StatusCode::from_u16(status).unwrap_or(StatusCode::SERVICE_UNAVAILABLE);
        return error(status, "injected-failure", "failure injected by the test");
    }
    let segments: Vec<&str> = path.trim_end_matches('/').split('/').skip(1).collect();
    let step = shared.config.phase_step;
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
            json_response(StatusCode::OK, json!({"arn": shared.config.invoker_arn}))
        }
        (&Method::POST, ["api", "v0", "accounts"]) => create_account(&mut state, caller, body),
        (&Method::GET, ["api", "v0", "accounts"]) => {
            if !caller.privileged {
                return error(
                    StatusCode::FORBIDDEN,
                    "not-privileged",
                    "listing accounts needs a privileged account",
                );
            }
            let items: Vec<Value> = state.accounts.values().cloned().collect();
            json_response(
                StatusCode::OK,
                json!({"kind": "AccountList", "items": items, "total": items.len()}),
            )
        }
        (&Method::GET, ["api", "v0", "accounts", id]) => {
            if !caller.privileged && *id != caller.account_id {
                return error(
                    StatusCode::FORBIDDEN,
                    "not-privileged",
                    "an account can only read its own registration",
                );
            }
            match state.accounts.get(*id) {
                Some(a) => json_response(StatusCode::OK, a.clone()),
                None => error(
                    StatusCode::NOT_FOUND,
                    "not-found",
                    format!("account {id} is not registered"),
                ),
            }
        }
        (&Method::DELETE, ["api", "v0", "accounts", id]) => {
            if !caller.privileged {
                return error(
                    StatusCode::FORBIDDEN,
                    "not-privileged",
                    "deleting accounts needs a privileged account",
                );
            }
            state.accounts.remove(*id);
            StatusCode::NO_CONTENT.into_response()
        }
        (&Method::POST, ["api", "v0", "clusters"]) => create_cluster(&mut state, caller, body),
        (&Method::GET, ["api", "v0", "clusters"]) => list_clusters(&state, caller, query, step),
        (&Method::GET, ["api", "v0", "clusters", id]) => match find(&state, caller, id, step) {
            Some(c) => json_response(StatusCode::OK, with_status(c, step)),
            None => error(
                StatusCode::NOT_FOUND,
                "CLUSTERS-MGMT-GET-001",
                format!("cluster {id} not found"),
            ),
        },
        (&Method::GET, ["api", "v0", "clusters", id, "statuses"]) => {
            match find(&state, caller, id, step) {
                Some(c) => {
                    let status = status_of(c, step);
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
                None => error(
                    StatusCode::NOT_FOUND,
                    "CLUSTERS-MGMT-GET-001",
                    format!("cluster {id} not found"),
                ),
            }
        }
        (&Method::PATCH, ["api", "v0", "clusters", id]) => {
            patch_cluster(&mut state, caller, id, body, step)
        }
        (&Method::DELETE, ["api", "v0", "clusters", id]) => {
            let id = id.to_string();
            let found = state.clusters.iter_mut().find(|c| {
                c.account == caller.account_id && c.value["id"] == id.as_str() && !gone(c, step)
            });
            match found {
                Some(c) => {
                    c.deleted.get_or_insert_with(Instant::now);
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
            create_nodepool(&mut state, caller, body, step)
        }
        (&Method::GET, ["api", "v0", "nodepools"]) => list_nodepools(&state, caller, query, step),
        (&Method::GET, ["api", "v0", "nodepools", id]) => {
            match find_nodepool(&state, caller, id, step) {
                Some(p) => json_response(StatusCode::OK, nodepool_with_status(p, step)),
                None => nodepool_not_found(id),
            }
        }
        (&Method::GET, ["api", "v0", "nodepools", id, "status"]) => {
            match find_nodepool(&state, caller, id, step) {
                Some(p) => json_response(StatusCode::OK, nodepool_status(p, step)),
                None => nodepool_not_found(id),
            }
        }
        (&Method::DELETE, ["api", "v0", "nodepools", id]) => {
            let id = id.to_string();
            let found = state.nodepools.iter_mut().find(|p| {
                p.account == caller.account_id
                    && p.value["id"] == id.as_str()
                    && !p.deleted.is_some_and(|d| d.elapsed() >= step)
            });
            match found {
                Some(p) => {
                    p.deleted.get_or_insert_with(Instant::now);
                    json_response(
                        StatusCode::ACCEPTED,
                        json!({"message": "Node pool deletion initiated", "nodepool_id": id}),
                    )
                }
                None => nodepool_not_found(&id),
            }
        }
        _ => (
            StatusCode::NOT_FOUND,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            "404 page not found",
        )
            .into_response(),
    }
}

fn create_account(state: &mut State, caller: &Caller, body: &[u8]) -> Response {
    let Ok(req) = serde_json::from_slice::<Value>(body) else {
        return error(
            StatusCode::BAD_REQUEST,
            "invalid-request",
            "the body is not valid JSON",
        );
    };
    let Some(id) = req.get("accountId").and_then(Value::as_str) else {
        return error(
            StatusCode::BAD_REQUEST,
            "missing-account-id",
            "accountId is required",
        );
    };
    if id.len() != 12 || !id.bytes().all(|b| b.is_ascii_digit()) {
        return error(
            StatusCode::BAD_REQUEST,
            "invalid-request",
            "accountId must be 12 digits",
        );
    }
    if !caller.privileged {
        return error(
            StatusCode::FORBIDDEN,
            "not-privileged",
            "account registration requires a privileged account",
        );
    }
    if state.accounts.contains_key(id) {
        return error(
            StatusCode::CONFLICT,
            "account-exists",
            format!("account {id} is already registered"),
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

fn valid_cluster_name(name: &str) -> bool {
    let b = name.as_bytes();
    (3..=63).contains(&b.len())
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
        && b[0] != b'-'
        && b[b.len() - 1] != b'-'
}

fn create_cluster(state: &mut State, caller: &Caller, body: &[u8]) -> Response {
    let Ok(req) = serde_json::from_slice::<Value>(body) else {
        return error(
            StatusCode::BAD_REQUEST,
            "CLUSTERS-MGMT-CREATE-001",
            "invalid JSON in request body",
        );
    };
    let name = req.get("name").and_then(Value::as_str).unwrap_or_default();
    if !valid_cluster_name(name) {
        return error(
            StatusCode::BAD_REQUEST,
            "CLUSTERS-MGMT-CREATE-004",
            format!(
                "invalid cluster name {name:?}: must match ^[a-z0-9]([a-z0-9-]*[a-z0-9])?$ and be 3-63 characters"
            ),
        );
    }
    let Some(spec) = req.get("spec").and_then(Value::as_object) else {
        return error(
            StatusCode::BAD_REQUEST,
            "CLUSTERS-MGMT-CREATE-002",
            "spec is required and must be an object",
        );
    };
    if state
        .clusters
        .iter()
        .any(|c| c.account == caller.account_id && c.deleted.is_none() && c.value["name"] == name)
    {
        return error(
            StatusCode::CONFLICT,
            "CLUSTERS-MGMT-CREATE-005",
            format!("a cluster named {name} already exists"),
        );
    }
    state.next_id += 1;
    let id = format!(
        "{:032x}",
        u128::from(state.next_id) << 64
            | u128::from(
                SystemTime::now()
                    .duration_since(SystemTime::UNIX_EPOCH)
                    .unwrap_or_default()
                    .subsec_nanos()
            )
    );
    let issuer = format!("https://d1rosastandin.cloudfront.net/{id}");
    let mut spec = spec.clone();
    spec.insert("cloudUrl".into(), json!(issuer));
    spec.insert("createdBy".into(), json!(caller.arn));
    let now = sigv4::format_rfc3339(SystemTime::now());
    let value = json!({
        "id": id,
        "name": name,
        "target_project_id": req.get("target_project_id").cloned().unwrap_or(json!("")),
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
        created: Instant::now(),
        deleted: None,
    };
    let response = with_status(&cluster, Duration::MAX);
    state.clusters.push(cluster);
    json_response(StatusCode::CREATED, response)
}

fn nodepool_not_found(id: &str) -> Response {
    error(
        StatusCode::NOT_FOUND,
        "NODEPOOLS-MGMT-GET-001",
        format!("node pool {id} not found"),
    )
}

fn find_nodepool<'s>(
    state: &'s State,
    caller: &Caller,
    id: &str,
    step: Duration,
) -> Option<&'s NodePool> {
    state.nodepools.iter().find(|p| {
        p.account == caller.account_id
            && p.value["id"] == id
            && !p.deleted.is_some_and(|d| d.elapsed() >= step)
    })
}

fn nodepool_status(p: &NodePool, step: Duration) -> Value {
    let phase = if p.deleted.is_some() {
        "Deleting"
    } else if p.created.elapsed() < step {
        "Provisioning"
    } else {
        "Ready"
    };
    let replicas = &p.value["spec"]["nodePool"]["replicas"];
    json!({
        "phase": phase,
        "replicas": if phase == "Ready" { replicas.clone() } else { json!(0) },
        "message": format!("node pool is {phase}"),
        "lastUpdateTime": sigv4::format_rfc3339(SystemTime::now()),
    })
}

fn nodepool_with_status(p: &NodePool, step: Duration) -> Value {
    let mut v = p.value.clone();
    v["status"] = nodepool_status(p, step);
    v
}

/// `POST /api/v0/nodepools`: checks what the contract says the server checks: a cluster of
/// the caller's, a unique name in it, at least one replica, an instance type and a subnet.
fn create_nodepool(state: &mut State, caller: &Caller, body: &[u8], step: Duration) -> Response {
    let Ok(req) = serde_json::from_slice::<Value>(body) else {
        return error(
            StatusCode::BAD_REQUEST,
            "NODEPOOLS-MGMT-CREATE-001",
            "invalid JSON in request body",
        );
    };
    let cluster_id = req["cluster_id"].as_str().unwrap_or_default().to_string();
    let name = req["name"].as_str().unwrap_or_default().to_string();
    if !valid_cluster_name(&name) {
        return error(
            StatusCode::BAD_REQUEST,
            "NODEPOOLS-MGMT-CREATE-004",
            format!("invalid node pool name {name:?}"),
        );
    }
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
    if find(state, caller, &cluster_id, step).is_none() {
        return error(
            StatusCode::NOT_FOUND,
            "CLUSTERS-MGMT-GET-001",
            format!("cluster {cluster_id} not found"),
        );
    }
    if state.nodepools.iter().any(|p| {
        p.account == caller.account_id
            && p.deleted.is_none()
            && p.value["cluster_id"] == cluster_id.as_str()
            && p.value["name"] == name.as_str()
    }) {
        return error(
            StatusCode::CONFLICT,
            "NODEPOOLS-MGMT-CREATE-005",
            format!("a node pool named {name} already exists in cluster {cluster_id}"),
        );
    }
    state.next_id += 1;
    let now = sigv4::format_rfc3339(SystemTime::now());
    let value = json!({
        "id": format!("np-{:016x}", state.next_id),
        "name": name,
        "cluster_id": cluster_id,
        "spec": req["spec"],
        "created_at": now,
        "updated_at": now,
    });
    let p = NodePool {
        value,
        account: caller.account_id.clone(),
        created: Instant::now(),
        deleted: None,
    };
    let response = nodepool_with_status(&p, step);
    state.nodepools.push(p);
    json_response(StatusCode::CREATED, response)
}

fn list_nodepools(state: &State, caller: &Caller, query: &str, step: Duration) -> Response {
    let mut cluster = None;
    let (mut limit, mut offset) = (50usize, 0usize);
    for (k, v) in query
        .split('&')
        .filter(|p| !p.is_empty())
        .filter_map(|p| p.split_once('='))
    {
        match k {
            "clusterId" => cluster = Some(v.to_string()),
            "limit" => match v.parse::<usize>() {
                Ok(n) if (1..=100).contains(&n) => limit = n,
                _ => {
                    return error(
                        StatusCode::BAD_REQUEST,
                        "invalid-request",
                        "limit must be 1..100",
                    );
                }
            },
            "offset" => match v.parse::<usize>() {
                Ok(n) => offset = n,
                _ => {
                    return error(
                        StatusCode::BAD_REQUEST,
                        "invalid-request",
                        "offset must be >= 0",
                    );
                }
            },
            _ => {}
        }
    }
    let matching: Vec<Value> = state
        .nodepools
        .iter()
        .filter(|p| {
            p.account == caller.account_id
                && !p.deleted.is_some_and(|d| d.elapsed() >= step)
                && cluster
                    .as_deref()
                    .is_none_or(|c| p.value["cluster_id"] == c)
        })
        .map(|p| nodepool_with_status(p, step))
        .collect();
    let total = matching.len();
    let items: Vec<Value> = matching.into_iter().skip(offset).take(limit).collect();
    json_response(
        StatusCode::OK,
        json!({"items": items, "total": total, "limit": limit, "offset": offset}),
    )
}

fn find<'s>(state: &'s State, caller: &Caller, id: &str, step: Duration) -> Option<&'s Cluster> {
    state
        .clusters
        .iter()
        .find(|c| c.account == caller.account_id && c.value["id"] == id && !gone(c, step))
}

fn phase_of(c: &Cluster, step: Duration) -> &'static str {
    if c.deleted.is_some() {
        return "Deleting";
    }
    let steps = c.created.elapsed().as_nanos() / step.as_nanos().max(1);
    match steps {
        0 => "WaitingForPlacement",
        1 => "Provisioning",
        _ if c.value["name"]
            .as_str()
            .is_some_and(|n| n.starts_with("fail-")) =>
        {
            "Failed"
        }
        _ => "Ready",
    }
}

fn status_of(c: &Cluster, step: Duration) -> Value {
    let phase = phase_of(c, step);
    let now = sigv4::format_rfc3339(SystemTime::now());
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
        let id = c.value["id"].as_str().unwrap_or_default();
        status["controlPlaneEndpoint"] = json!({"host": format!("api.{}.rosa.standin.example", &id[..8.min(id.len())]), "port": 443});
        status["placementRef"] =
            json!({"name": "mc-standin-01", "managementCluster": "mc-standin-01"});
    }
    status
}

fn with_status(c: &Cluster, step: Duration) -> Value {
    let mut v = c.value.clone();
    v["status"] = status_of(c, step);
    v
}

fn list_clusters(state: &State, caller: &Caller, query: &str, step: Duration) -> Response {
    let mut limit = 50usize;
    let mut offset = 0usize;
    let mut status_filter: Option<String> = None;
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        match k {
            "limit" => match v.parse::<usize>() {
                Ok(n) if (1..=100).contains(&n) => limit = n,
                _ => {
                    return error(
                        StatusCode::BAD_REQUEST,
                        "CLUSTERS-MGMT-LIST-001",
                        "limit must be 1..100",
                    );
                }
            },
            "offset" => match v.parse::<usize>() {
                Ok(n) => offset = n,
                _ => {
                    return error(
                        StatusCode::BAD_REQUEST,
                        "CLUSTERS-MGMT-LIST-001",
                        "offset must be >= 0",
                    );
                }
            },
            "status" => status_filter = Some(v.to_string()),
            _ => {}
        }
    }
    let matching: Vec<Value> = state
        .clusters
        .iter()
        .filter(|c| c.account == caller.account_id && !gone(c, step))
        .filter(|c| {
            status_filter
                .as_deref()
                .is_none_or(|s| s.eq_ignore_ascii_case(phase_of(c, step)))
        })
        .map(|c| with_status(c, step))
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
    let Some(c) = state
        .clusters
        .iter_mut()
        .find(|c| c.account == caller.account_id && c.value["id"] == id && !gone(c, step))
    else {
        return error(
            StatusCode::NOT_FOUND,
            "CLUSTERS-MGMT-UPDATE-003",
            format!("cluster {id} not found"),
        );
    };
    if let Some(spec) = c.value["spec"].as_object_mut() {
        for (k, v) in patch {
            spec.insert(k.clone(), v.clone());
        }
    }
    let generation = c.value["generation"].as_i64().unwrap_or(1) + 1;
    c.value["generation"] = json!(generation);
    c.value["resource_version"] = json!(generation.to_string());
    c.value["updated_at"] = json!(sigv4::format_rfc3339(SystemTime::now()));
    let c = c.clone();
    json_response(StatusCode::OK, with_status(&c, step))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cluster_names() {
        for good in ["abc", "a-1", "my-cluster-01", &"a".repeat(63)] {
            assert!(valid_cluster_name(good), "{good}");
        }
        for bad in ["ab", "-abc", "abc-", "Abc", "a_b", "a.b", &"a".repeat(64)] {
            assert!(!valid_cluster_name(bad), "{bad}");
        }
    }
}
