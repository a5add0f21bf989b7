//! The Platform API stand-in does the gateway's job: every badly signed request is refused
//! with API Gateway's 403 body, and the contract's routes answer as the real server does.

use std::time::{Duration, SystemTime};

use aws_credential_types::Credentials;
use http::Method;
use rosa_platform_client::{ApiUrl, Client, RawResponse, sign_for};
use rosa_testbed::platform::*;
use serde_json::{Value, json};

fn creds(key: &str, secret: &str, token: Option<&str>) -> Credentials {
    Credentials::new(key, secret, token.map(String::from), None, "test")
}

fn customer() -> Credentials {
    creds(CUSTOMER_KEY, CUSTOMER_SECRET, None)
}

fn operator() -> Credentials {
    creds(OPERATOR_KEY, OPERATOR_SECRET, None)
}

fn client(api: &PlatformApi, c: Credentials) -> Client {
    Client::new(ApiUrl::parse(&api.base_url).unwrap(), Some("us-east-1"), c).unwrap()
}

/// Today's server; its phases move only when a test calls `advance` (a phase step of an
/// hour), so no assertion depends on how fast the machine is.
fn fast() -> PlatformApi {
    still(PlatformConfig::default())
}

/// The older server (`rosa-regional-platform-api`), whose answers rosactl keeps accepting;
/// phases as in [`fast`].
fn legacy_fast() -> PlatformApi {
    still(PlatformConfig::legacy())
}

/// Today's server with phases that do not move during a test.
fn still(config: PlatformConfig) -> PlatformApi {
    PlatformApi::start(PlatformConfig {
        phase_step: Duration::from_secs(3600),
        ..config
    })
    .unwrap()
}

fn body(r: &RawResponse) -> Value {
    serde_json::from_slice(&r.body)
        .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&r.body).into()))
}

/// A request signed with the given parameters, before sending.
fn signed(
    api: &PlatformApi,
    c: &Credentials,
    method: Method,
    path: &str,
    payload: &[u8],
    region: &str,
    service: &str,
    time: SystemTime,
) -> http::Request<Vec<u8>> {
    let url = format!("{}{path}", api.base_url);
    let mut req = http::Request::builder()
        .method(method)
        .uri(&url)
        .header("host", api.addr.to_string())
        .header("content-type", "application/json")
        .body(payload.to_vec())
        .unwrap();
    sign_for(&mut req, c, region, service, time).unwrap();
    req
}

async fn send(api: &PlatformApi, req: http::Request<Vec<u8>>) -> RawResponse {
    client(api, customer()).send(req).await.unwrap()
}

fn assert_gateway_403(r: &RawResponse, message_start: &str) {
    assert_eq!(r.status, 403, "{:?}", String::from_utf8_lossy(&r.body));
    let b = body(r);
    let message = b["message"].as_str().unwrap_or_default();
    assert!(
        message.starts_with(message_start),
        "got {message:?}, expected {message_start:?}"
    );
}

#[tokio::test]
async fn a_correctly_signed_request_is_accepted_through_the_stage_path() {
    let api = fast();
    let r = client(&api, customer())
        .request(Method::GET, "/api/v0/live", None)
        .await
        .unwrap();
    assert_eq!((r.status, body(&r)), (200, json!({"status": "ok"})));
    let r = client(&api, customer())
        .request(Method::GET, "/api/v0/info", None)
        .await
        .unwrap();
    assert_eq!(body(&r)["arn"], INVOKER_ARN);
    assert_eq!(
        api.requests().last().unwrap().account.as_deref(),
        Some(CUSTOMER_ACCOUNT)
    );
}

#[tokio::test]
async fn an_unsigned_request_is_missing_its_token() {
    let api = fast();
    let req = http::Request::builder()
        .uri(format!("{}/api/v0/live", api.base_url))
        .body(Vec::new())
        .unwrap();
    assert_gateway_403(&send(&api, req).await, "Missing Authentication Token");
}

#[tokio::test]
async fn an_unknown_access_key_is_refused() {
    let api = fast();
    let r = client(&api, creds("AKIAUNKNOWNKEY000000", "whatever", None))
        .request(Method::GET, "/api/v0/live", None)
        .await
        .unwrap();
    assert_gateway_403(&r, "The security token included in the request is invalid.");
}

#[tokio::test]
async fn a_wrong_secret_does_not_match() {
    let api = fast();
    let r = client(&api, creds(CUSTOMER_KEY, "not-the-secret", None))
        .request(Method::GET, "/api/v0/live", None)
        .await
        .unwrap();
    assert_gateway_403(&r, "The request signature we calculated does not match");
}

#[tokio::test]
async fn an_altered_body_does_not_match_and_changes_nothing() {
    let api = fast();
    let good = br#"{"name":"abc","spec":{}}"#;
    let mut req = signed(
        &api,
        &customer(),
        Method::POST,
        "/api/v0/clusters",
        good,
        "us-east-1",
        "execute-api",
        SystemTime::now(),
    );
    *req.body_mut() = br#"{"name":"evil","spec":{}}"#.to_vec();
    assert_gateway_403(
        &send(&api, req).await,
        "The request signature we calculated does not match",
    );
    assert!(api.cluster_names().is_empty());
}

#[tokio::test]
async fn an_altered_path_does_not_match() {
    let api = fast();
    let mut req = signed(
        &api,
        &customer(),
        Method::GET,
        "/api/v0/live",
        b"",
        "us-east-1",
        "execute-api",
        SystemTime::now(),
    );
    *req.uri_mut() = format!("{}/api/v0/info", api.base_url).parse().unwrap();
    assert_gateway_403(
        &send(&api, req).await,
        "The request signature we calculated does not match",
    );
}

#[tokio::test]
async fn an_altered_query_does_not_match() {
    let api = fast();
    let mut req = signed(
        &api,
        &customer(),
        Method::GET,
        "/api/v0/clusters?limit=5",
        b"",
        "us-east-1",
        "execute-api",
        SystemTime::now(),
    );
    *req.uri_mut() = format!("{}/api/v0/clusters?limit=6", api.base_url)
        .parse()
        .unwrap();
    assert_gateway_403(
        &send(&api, req).await,
        "The request signature we calculated does not match",
    );
}

#[tokio::test]
async fn dates_more_than_five_minutes_off_are_refused() {
    let api = fast();
    let now = SystemTime::now();
    let old = signed(
        &api,
        &customer(),
        Method::GET,
        "/api/v0/live",
        b"",
        "us-east-1",
        "execute-api",
        now - Duration::from_secs(6 * 60),
    );
    assert_gateway_403(&send(&api, old).await, "Signature expired: ");
    let future = signed(
        &api,
        &customer(),
        Method::GET,
        "/api/v0/live",
        b"",
        "us-east-1",
        "execute-api",
        now + Duration::from_secs(6 * 60),
    );
    assert_gateway_403(&send(&api, future).await, "Signature not yet current: ");
    let recent = signed(
        &api,
        &customer(),
        Method::GET,
        "/api/v0/live",
        b"",
        "us-east-1",
        "execute-api",
        now - Duration::from_secs(4 * 60),
    );
    assert_eq!(send(&api, recent).await.status, 200);
}

#[tokio::test]
async fn the_wrong_region_or_service_is_refused() {
    let api = fast();
    let now = SystemTime::now();
    let region = signed(
        &api,
        &customer(),
        Method::GET,
        "/api/v0/live",
        b"",
        "eu-west-1",
        "execute-api",
        now,
    );
    assert_gateway_403(
        &send(&api, region).await,
        "Credential should be scoped to a valid region.",
    );
    let service = signed(
        &api,
        &customer(),
        Method::GET,
        "/api/v0/live",
        b"",
        "us-east-1",
        "lambda",
        now,
    );
    assert_gateway_403(
        &send(&api, service).await,
        "Credential should be scoped to correct service: 'execute-api'.",
    );
}

#[tokio::test]
async fn temporary_credentials_need_their_session_token() {
    let api = fast();
    let ok = client(&api, creds(TEMP_KEY, TEMP_SECRET, Some(TEMP_TOKEN)))
        .request(Method::GET, "/api/v0/live", None)
        .await
        .unwrap();
    assert_eq!(ok.status, 200);
    for token in [None, Some("another-token")] {
        let r = client(&api, creds(TEMP_KEY, TEMP_SECRET, token))
            .request(Method::GET, "/api/v0/live", None)
            .await
            .unwrap();
        assert_gateway_403(&r, "The security token included in the request is invalid.");
    }
}

#[tokio::test]
async fn a_request_outside_the_stage_is_refused() {
    let api = fast();
    let url = api.base_url.trim_end_matches("/prod").to_string();
    let plain = Client::new(ApiUrl::parse(&url).unwrap(), Some("us-east-1"), customer()).unwrap();
    let r = plain
        .request(Method::GET, "/api/v0/live", None)
        .await
        .unwrap();
    assert_gateway_403(&r, "Missing Authentication Token");
}

#[tokio::test]
async fn legacy_registration_is_privileged_and_idempotent_for_clients() {
    let api = legacy_fast();
    let payload = |id: &str| {
        Some(
            json!({"accountId": id, "privileged": false})
                .to_string()
                .into_bytes(),
        )
    };
    let r = client(&api, customer())
        .request(Method::POST, "/api/v0/accounts", payload(CUSTOMER_ACCOUNT))
        .await
        .unwrap();
    assert_eq!(
        (r.status, body(&r)["code"].clone()),
        (403, json!("not-privileged"))
    );
    let r = client(&api, customer())
        .request(
            Method::GET,
            &format!("/api/v0/accounts/{CUSTOMER_ACCOUNT}"),
            None,
        )
        .await
        .unwrap();
    assert_eq!(
        (r.status, body(&r)["code"].clone()),
        (404, json!("not-found"))
    );

    let op = client(&api, operator());
    let r = op
        .request(Method::POST, "/api/v0/accounts", payload(CUSTOMER_ACCOUNT))
        .await
        .unwrap();
    assert_eq!(r.status, 201);
    assert_eq!(body(&r)["accountId"], CUSTOMER_ACCOUNT);
    let r = op
        .request(Method::POST, "/api/v0/accounts", payload(CUSTOMER_ACCOUNT))
        .await
        .unwrap();
    assert_eq!(
        (r.status, body(&r)["code"].clone()),
        (409, json!("account-exists"))
    );
    let r = op
        .request(Method::POST, "/api/v0/accounts", Some(b"{}".to_vec()))
        .await
        .unwrap();
    assert_eq!(
        (r.status, body(&r)["code"].clone()),
        (400, json!("missing-account-id"))
    );
    let r = op
        .request(Method::POST, "/api/v0/accounts", payload("12345"))
        .await
        .unwrap();
    assert_eq!(
        (r.status, body(&r)["code"].clone()),
        (400, json!("invalid-request"))
    );

    let r = client(&api, customer())
        .request(
            Method::GET,
            &format!("/api/v0/accounts/{CUSTOMER_ACCOUNT}"),
            None,
        )
        .await
        .unwrap();
    assert_eq!(r.status, 200);
    let r = client(&api, customer())
        .request(
            Method::GET,
            &format!("/api/v0/accounts/{OPERATOR_ACCOUNT}"),
            None,
        )
        .await
        .unwrap();
    assert_eq!(r.status, 403);
}

#[tokio::test]
async fn legacy_clusters_follow_the_contract() {
    let api = legacy_fast();
    let c = client(&api, customer());
    let create = |name: &str| {
        Some(
            json!({"name": name, "spec": {"hostedCluster": {"platform": {"type": "AWS"}}}})
                .to_string()
                .into_bytes(),
        )
    };

    let r = c
        .request(Method::POST, "/api/v0/clusters", create("my-cluster"))
        .await
        .unwrap();
    assert_eq!(r.status, 201, "{:?}", body(&r));
    let cluster = body(&r);
    let id = cluster["id"].as_str().unwrap().to_string();
    assert!(cluster["oidc_issuer_url"].as_str().unwrap().ends_with(&id));
    assert_eq!(cluster["spec"]["cloudUrl"], cluster["oidc_issuer_url"]);
    assert_eq!(cluster["status"]["phase"], "WaitingForPlacement");

    for (payload, status, code) in [
        (create("my-cluster"), 409, "CLUSTERS-MGMT-CREATE-005"),
        (create("My_Cluster"), 400, "CLUSTERS-MGMT-CREATE-004"),
        (Some(b"{not json".to_vec()), 400, "CLUSTERS-MGMT-CREATE-001"),
        (
            Some(br#"{"name":"okname"}"#.to_vec()),
            400,
            "CLUSTERS-MGMT-CREATE-002",
        ),
    ] {
        let r = c
            .request(Method::POST, "/api/v0/clusters", payload)
            .await
            .unwrap();
        assert_eq!((r.status, body(&r)["code"].clone()), (status, json!(code)));
        assert_eq!(body(&r)["kind"], "Error");
    }

    // Three phase steps: WaitingForPlacement, Provisioning, Ready.
    api.advance(api.phase_step() * 3);
    let r = c
        .request(Method::GET, &format!("/api/v0/clusters/{id}"), None)
        .await
        .unwrap();
    assert_eq!(body(&r)["status"]["phase"], "Ready");
    assert_eq!(body(&r)["status"]["controlPlaneEndpoint"]["port"], 443);
    let r = c
        .request(
            Method::GET,
            &format!("/api/v0/clusters/{id}/statuses"),
            None,
        )
        .await
        .unwrap();
    assert_eq!(body(&r)["cluster_id"], id.as_str());

    // Another account sees none of it.
    let r = client(&api, operator())
        .request(Method::GET, &format!("/api/v0/clusters/{id}"), None)
        .await
        .unwrap();
    assert_eq!(
        (r.status, body(&r)["code"].clone()),
        (404, json!("CLUSTERS-MGMT-GET-001"))
    );

    let r = c
        .request(Method::DELETE, &format!("/api/v0/clusters/{id}"), None)
        .await
        .unwrap();
    assert_eq!(
        (r.status, body(&r)["message"].clone()),
        (202, json!("Cluster deletion initiated"))
    );
    let r = c
        .request(Method::GET, &format!("/api/v0/clusters/{id}"), None)
        .await
        .unwrap();
    assert_eq!(body(&r)["status"]["phase"], "Deleting");
    // One phase step after the delete: gone.
    api.advance(api.phase_step());
    let r = c
        .request(Method::GET, &format!("/api/v0/clusters/{id}"), None)
        .await
        .unwrap();
    assert_eq!(r.status, 404);
    let r = c
        .request(Method::DELETE, &format!("/api/v0/clusters/{id}"), None)
        .await
        .unwrap();
    assert_eq!(
        (r.status, body(&r)["code"].clone()),
        (404, json!("CLUSTERS-MGMT-DELETE-001"))
    );
}

#[tokio::test]
async fn legacy_listing_pages_through_limit_and_offset() {
    let api = legacy_fast();
    let c = client(&api, customer());
    for i in 0..7 {
        let payload = json!({"name": format!("cluster-{i}"), "spec": {}})
            .to_string()
            .into_bytes();
        assert_eq!(
            c.request(Method::POST, "/api/v0/clusters", Some(payload))
                .await
                .unwrap()
                .status,
            201
        );
    }
    let r = c
        .request(Method::GET, "/api/v0/clusters?limit=3&offset=6", None)
        .await
        .unwrap();
    let page = body(&r);
    assert_eq!(
        (
            page["total"].clone(),
            page["items"].as_array().unwrap().len()
        ),
        (json!(7), 1)
    );
    assert_eq!(page["items"][0]["name"], "cluster-6");
    let r = c
        .request(Method::GET, "/api/v0/clusters?limit=101", None)
        .await
        .unwrap();
    assert_eq!(r.status, 400);
    let r = c
        .request(Method::GET, "/api/v0/clusters?status=Ready", None)
        .await
        .unwrap();
    assert_eq!(body(&r)["total"], 0);
}

#[tokio::test]
async fn unknown_routes_answer_plain_text_and_readiness_can_fail() {
    let api = fast();
    let c = client(&api, customer());
    let r = c
        .request(Method::GET, "/api/v0/nothing", None)
        .await
        .unwrap();
    assert_eq!(
        (r.status, String::from_utf8_lossy(&r.body).to_string()),
        (404, "404 page not found".to_string())
    );
    api.set_ready(false);
    let r = c.request(Method::GET, "/api/v0/ready", None).await.unwrap();
    assert_eq!(
        (r.status, body(&r)),
        (503, json!({"status": "unavailable"}))
    );
    api.fail_next(503, 2);
    assert_eq!(
        c.request(Method::GET, "/api/v0/live", None)
            .await
            .unwrap()
            .status,
        503
    );
    assert_eq!(
        c.request(Method::GET, "/api/v0/live", None)
            .await
            .unwrap()
            .status,
        503
    );
    assert_eq!(
        c.request(Method::GET, "/api/v0/live", None)
            .await
            .unwrap()
            .status,
        200
    );
}

fn code(r: &RawResponse) -> (u16, Value) {
    (r.status, body(r)["code"].clone())
}

#[tokio::test]
async fn today_every_account_route_needs_a_privileged_account() {
    let api = still(PlatformConfig::not_added());
    let payload = |id: &str, privileged: bool| {
        Some(
            json!({"accountId": id, "privileged": privileged})
                .to_string()
                .into_bytes(),
        )
    };
    let cust = client(&api, customer());
    // A customer can neither add nor read its own registration, nor make clusters yet.
    let r = cust
        .request(
            Method::POST,
            "/api/v0/accounts",
            payload(CUSTOMER_ACCOUNT, false),
        )
        .await
        .unwrap();
    assert_eq!(code(&r), (403, json!("AUTH-006")));
    assert_eq!(body(&r)["kind"], "Error");
    let r = cust
        .request(
            Method::GET,
            &format!("/api/v0/accounts/{CUSTOMER_ACCOUNT}"),
            None,
        )
        .await
        .unwrap();
    assert_eq!(code(&r), (403, json!("AUTH-006")));
    let r = cust
        .request(Method::GET, "/api/v0/clusters", None)
        .await
        .unwrap();
    assert_eq!(code(&r), (403, json!("AUTH-004")));

    let op = client(&api, operator());
    let r = op
        .request(
            Method::POST,
            "/api/v0/accounts",
            payload(CUSTOMER_ACCOUNT, true),
        )
        .await
        .unwrap();
    assert_eq!(r.status, 201, "{:?}", body(&r));
    let r = op
        .request(
            Method::POST,
            "/api/v0/accounts",
            payload(CUSTOMER_ACCOUNT, true),
        )
        .await
        .unwrap();
    assert_eq!(code(&r), (409, json!("ACCOUNTS-MGMT-CREATE-004")));
    let r = op
        .request(Method::POST, "/api/v0/accounts", Some(b"{}".to_vec()))
        .await
        .unwrap();
    assert_eq!(r.status, 400);
    let r = op
        .request(Method::GET, "/api/v0/accounts/999999999999", None)
        .await
        .unwrap();
    assert_eq!(code(&r), (404, json!("ACCOUNTS-MGMT-GET-002")));
    assert_eq!(api.account_ids(), vec![CUSTOMER_ACCOUNT.to_string()]);

    // Added as privileged, the customer's clusters answer (no cluster: `[]`; node pools
    // answer `null`).
    let r = cust
        .request(Method::GET, "/api/v0/clusters", None)
        .await
        .unwrap();
    assert_eq!(r.status, 200);
    assert_eq!(body(&r)["items"], json!([]));
}

#[tokio::test]
async fn today_cluster_names_and_platform_managed_fields_are_validated() {
    let api = still(PlatformConfig::default());
    let c = client(&api, customer());
    let post = |v: Value| Some(v.to_string().into_bytes());
    let r = c
        .request(
            Method::POST,
            "/api/v0/clusters",
            post(json!({"name": "a".repeat(MAX_CLUSTER_NAME + 1), "spec": {}})),
        )
        .await
        .unwrap();
    assert_eq!(code(&r), (400, json!("CLUSTERS-MGMT-CREATE-006")));
    let r = c
        .request(
            Method::POST,
            "/api/v0/clusters",
            post(json!({"name": "managed", "spec": {"accountId": "1", "tags": {"a": "b"}}})),
        )
        .await
        .unwrap();
    assert_eq!(code(&r), (422, json!("CLUSTERS-MGMT-VALIDATION-001")));
    let refused = body(&r);
    let fields: Vec<&str> = refused["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert!(
        fields.iter().any(|f| f.contains("accountId")) && fields.iter().any(|f| f.contains("tags")),
        "{fields:?}"
    );
    assert!(api.cluster_names().is_empty(), "nothing was made");

    let r = c
        .request(
            Method::POST,
            "/api/v0/clusters",
            post(json!({"name": "a".repeat(MAX_CLUSTER_NAME), "spec": {"kind": "dropped"}})),
        )
        .await
        .unwrap();
    assert_eq!(r.status, 201, "{:?}", body(&r));
    let cluster = body(&r);
    let id = cluster["id"].as_str().unwrap().to_string();
    assert_eq!(
        cluster["spec"]["kind"],
        Value::Null,
        "unknown keys are dropped"
    );
    assert_eq!(cluster["spec"]["accountId"], CUSTOMER_ACCOUNT);
    assert!(
        cluster.get("status").is_none_or(Value::is_null),
        "no status before the first phase"
    );
    let r = c
        .request(
            Method::GET,
            &format!("/api/v0/clusters/{id}/statuses"),
            None,
        )
        .await
        .unwrap();
    assert_eq!(body(&r), json!({"cluster_id": id, "status": null}));
    let r = c
        .request(
            Method::POST,
            "/api/v0/clusters",
            post(json!({"name": "a".repeat(MAX_CLUSTER_NAME), "spec": {}})),
        )
        .await
        .unwrap();
    assert_eq!(code(&r), (409, json!("CLUSTERS-MGMT-CREATE-005")));

    // No status filter any more: every cluster is answered.
    let r = c
        .request(Method::GET, "/api/v0/clusters?status=Ready", None)
        .await
        .unwrap();
    assert_eq!(body(&r)["total"], 1);

    // Node pools: ids are names, an empty list is `null`, deletes answer 202.
    let r = c
        .request(
            Method::GET,
            &format!("/api/v0/nodepools?clusterId={id}"),
            None,
        )
        .await
        .unwrap();
    assert_eq!((r.status, body(&r)["items"].clone()), (200, Value::Null));
    let pool = json!({"cluster_id": id, "name": "workers", "spec": {"nodePool": {"replicas": 1}}});
    let r = c
        .request(Method::POST, "/api/v0/nodepools", post(pool.clone()))
        .await
        .unwrap();
    assert_eq!(r.status, 201, "{:?}", body(&r));
    assert_eq!(body(&r)["id"], "workers");
    let r = c
        .request(Method::POST, "/api/v0/nodepools", post(pool))
        .await
        .unwrap();
    assert_eq!(code(&r), (409, json!("NODEPOOLS-MGMT-CREATE-003")));
    let r = c
        .request(Method::DELETE, "/api/v0/nodepools/workers", None)
        .await
        .unwrap();
    assert_eq!(
        (r.status, body(&r)["message"].clone()),
        (202, json!("NodePool deletion initiated"))
    );
    let r = c
        .request(Method::DELETE, &format!("/api/v0/clusters/{id}"), None)
        .await
        .unwrap();
    assert_eq!(r.status, 202);
}

#[tokio::test]
async fn today_rate_limits_with_retry_after() {
    let api = still(PlatformConfig::default());
    let c = client(&api, customer());
    api.rate_limit_next(3, 1);
    let r = c
        .request(Method::GET, "/api/v0/clusters", None)
        .await
        .unwrap();
    assert_eq!(code(&r), (429, json!("RATE-LIMIT-001")));
    assert_eq!(r.retry_after, Some(3));
    let r = c
        .request(Method::GET, "/api/v0/clusters", None)
        .await
        .unwrap();
    assert_eq!(r.status, 200);
}
