//! The typed Platform API client against the SigV4-verifying stand-in: retries, the
//! "answer lost" case of a non-idempotent POST, pagination, typed errors.

use std::time::Duration;

use aws_credential_types::Credentials;
use rosa_platform_client::models::ClusterCreateRequest;
use rosa_platform_client::{Api, ApiUrl, Client, Error, RetryPolicy};
use rosa_testbed::platform::*;
use serde_json::json;

fn api_as(standin: &PlatformApi, key: &str, secret: &str) -> Api {
    let client = Client::new(
        ApiUrl::parse(&standin.base_url).unwrap(),
        Some("us-east-1"),
        Credentials::new(key, secret, None, None, "test"),
    )
    .unwrap();
    Api::new(client).with_retry(RetryPolicy {
        attempts: 4,
        base: Duration::from_millis(10),
        cap: Duration::from_millis(50),
        ..RetryPolicy::default()
    })
}

fn customer(standin: &PlatformApi) -> Api {
    api_as(standin, CUSTOMER_KEY, CUSTOMER_SECRET)
}

fn request(name: &str) -> ClusterCreateRequest {
    ClusterCreateRequest {
        name: name.into(),
        target_project_id: None,
        spec: json!({"hostedCluster": {"platform": {"type": "AWS"}}}),
    }
}

#[tokio::test]
async fn retries_503_then_succeeds_and_gives_up_after_the_limit() {
    let standin = PlatformApi::start(PlatformConfig::default()).unwrap();
    let api = customer(&standin);
    standin.fail_next(503, 2);
    api.live().await.unwrap();
    assert_eq!(standin.requests().len(), 3);

    standin.fail_next(503, 10);
    let err = api.info().await.unwrap_err();
    assert_eq!(err.status(), Some(503));
    assert_eq!(err.code(), Some("injected-failure"));
    assert_eq!(standin.requests().len(), 3 + 4, "four attempts in all");
}

#[tokio::test]
async fn a_create_whose_answer_was_lost_is_found_not_repeated() {
    let standin = PlatformApi::start(PlatformConfig::default()).unwrap();
    let api = customer(&standin);
    standin.fail_after(502, 1);
    let cluster = api.create_cluster(&request("lost-answer")).await.unwrap();
    assert_eq!(cluster.name, "lost-answer");
    assert_eq!(
        standin.cluster_names(),
        vec!["lost-answer".to_string()],
        "exactly one cluster"
    );
    let posts = standin
        .requests()
        .iter()
        .filter(|r| r.method == "POST")
        .count();
    assert_eq!(
        posts, 1,
        "the POST was not sent again: the cluster was looked up instead"
    );
}

#[tokio::test]
async fn a_create_refused_before_processing_is_sent_again() {
    let standin = PlatformApi::start(PlatformConfig::default()).unwrap();
    let api = customer(&standin);
    standin.fail_next(500, 1);
    let cluster = api.create_cluster(&request("retried")).await.unwrap();
    assert_eq!(cluster.name, "retried");
    assert_eq!(standin.cluster_names(), vec!["retried".to_string()]);
    standin.fail_next(503, 1);
    api.create_cluster(&request("throttled")).await.unwrap();
    assert_eq!(standin.cluster_names().len(), 2);
}

#[tokio::test]
async fn contract_errors_keep_status_code_and_reason() {
    let standin = PlatformApi::start(PlatformConfig::default()).unwrap();
    let api = customer(&standin);
    api.create_cluster(&request("dup")).await.unwrap();
    let err = api.create_cluster(&request("dup")).await.unwrap_err();
    assert_eq!(
        (err.status(), err.code()),
        (Some(409), Some("CLUSTERS-MGMT-CREATE-005"))
    );
    assert!(err.to_string().contains("already exists"), "{err}");
    let err = api.cluster("nope").await.unwrap_err();
    assert_eq!(
        (err.status(), err.code()),
        (Some(404), Some("CLUSTERS-MGMT-GET-001"))
    );
    let wrong = api_as(&standin, CUSTOMER_KEY, "wrong-secret");
    match wrong.live().await.unwrap_err() {
        Error::Api(e) => {
            assert_eq!((e.status, e.code), (403, None));
            assert!(
                e.reason
                    .starts_with("The request signature we calculated does not match")
            );
        }
        other => panic!("{other}"),
    }
    let down = Api::new(
        Client::new(
            ApiUrl::parse("http://127.0.0.1:9/prod").unwrap(),
            Some("us-east-1"),
            Credentials::new("a", "b", None, None, "t"),
        )
        .unwrap(),
    )
    .with_retry(RetryPolicy {
        attempts: 2,
        base: Duration::from_millis(1),
        cap: Duration::from_millis(2),
        ..RetryPolicy::default()
    });
    let err = down.live().await.unwrap_err();
    assert!(
        matches!(err, Error::Client(_))
            && err.to_string().contains("cannot reach the Platform API"),
        "{err}"
    );
}

#[tokio::test]
async fn pages_through_250_clusters() {
    let standin = PlatformApi::start(PlatformConfig {
        phase_step: Duration::from_secs(3600),
        ..PlatformConfig::default()
    })
    .unwrap();
    let api = customer(&standin);
    for i in 0..250 {
        api.create_cluster(&request(&format!("cluster-{i:03}")))
            .await
            .unwrap();
    }
    let before = standin.requests().len();
    let all = api.clusters(100).collect(None).await.unwrap();
    assert_eq!(all.len(), 250);
    assert_eq!(all[0].name, "cluster-000");
    assert_eq!(all[249].name, "cluster-249");
    let mut names: Vec<&str> = all.iter().map(|c| c.name.as_str()).collect();
    names.dedup();
    assert_eq!(names.len(), 250, "no cluster twice");
    assert_eq!(
        standin.requests().len() - before,
        3,
        "three pages of at most 100"
    );

    let some = api.clusters(100).collect(Some(120)).await.unwrap();
    assert_eq!(some.len(), 120);
    let mut pages = api.clusters(50);
    let mut count = 0;
    while let Some(page) = pages.next_page().await.unwrap() {
        assert!(page.len() <= 50);
        count += page.len();
    }
    assert_eq!(count, 250);
}

/// Credentials that change between requests (as SSO or assumed-role credentials are
/// refreshed): each request is signed with the provider's current ones.
#[derive(Debug)]
struct Rotating(std::sync::Arc<std::sync::atomic::AtomicUsize>);

impl aws_credential_types::provider::ProvideCredentials for Rotating {
    fn provide_credentials<'a>(
        &'a self,
    ) -> aws_credential_types::provider::future::ProvideCredentials<'a>
    where
        Self: 'a,
    {
        let n = self.0.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let creds = if n % 2 == 0 {
            Credentials::new(CUSTOMER_KEY, CUSTOMER_SECRET, None, None, "rotating")
        } else {
            Credentials::new(
                TEMP_KEY,
                TEMP_SECRET,
                Some(TEMP_TOKEN.into()),
                None,
                "rotating",
            )
        };
        aws_credential_types::provider::future::ProvideCredentials::ready(Ok(creds))
    }
}

#[tokio::test]
async fn every_request_is_signed_with_the_providers_current_credentials() {
    let standin = PlatformApi::start(PlatformConfig::default()).unwrap();
    let calls = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let client = Client::with_provider(
        ApiUrl::parse(&standin.base_url).unwrap(),
        Some("us-east-1"),
        aws_credential_types::provider::SharedCredentialsProvider::new(Rotating(calls.clone())),
    )
    .unwrap();
    let api = Api::new(client);
    for _ in 0..4 {
        api.info().await.unwrap();
    }
    assert_eq!(calls.load(std::sync::atomic::Ordering::SeqCst), 4);
}

#[tokio::test]
async fn redirects_are_not_followed() {
    use std::io::{Read, Write};
    // Where a redirect would send the signed request (and its session token).
    let elsewhere = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let target = elsewhere.local_addr().unwrap();
    elsewhere.set_nonblocking(true).unwrap();
    let redirector = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = redirector.local_addr().unwrap().port();
    std::thread::spawn(move || {
        if let Ok((mut conn, _)) = redirector.accept() {
            let mut buf = [0u8; 4096];
            let _ = conn.read(&mut buf);
            let _ = write!(
                conn,
                "HTTP/1.1 307 Temporary Redirect\r\nLocation: http://{target}/api/v0/info\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
        }
    });
    let client = Client::new(
        ApiUrl::parse(&format!("http://127.0.0.1:{port}")).unwrap(),
        Some("us-east-1"),
        Credentials::new(TEMP_KEY, TEMP_SECRET, Some(TEMP_TOKEN.into()), None, "test"),
    )
    .unwrap();
    let answer = client
        .request(http::Method::GET, "/api/v0/info", None)
        .await
        .unwrap();
    assert_eq!(
        answer.status, 307,
        "the redirect is an answer, not followed"
    );
    // No wait needed: a client that followed the redirect would have connected before it
    // answered (the kernel completes a connection to a listening socket on its own, so it
    // would be in the accept queue now).
    let nothing = elsewhere.accept();
    assert!(
        nothing
            .as_ref()
            .is_err_and(|e| e.kind() == std::io::ErrorKind::WouldBlock),
        "nothing was sent to the redirect's target"
    );
}

#[tokio::test]
async fn a_429_is_waited_out_as_retry_after_says_within_a_bound() {
    let standin = PlatformApi::start(PlatformConfig::default()).unwrap();
    let client = Client::new(
        ApiUrl::parse(&standin.base_url).unwrap(),
        Some("us-east-1"),
        Credentials::new(CUSTOMER_KEY, CUSTOMER_SECRET, None, None, "test"),
    )
    .unwrap();
    let api = Api::new(client).with_retry(RetryPolicy {
        attempts: 4,
        base: Duration::from_millis(10),
        cap: Duration::from_millis(50),
        retry_after_cap: Duration::from_secs(30),
        // Retry-After: 2 becomes 2 ms here: the test counts requests, it does not time them.
        pause_divisor: 1000,
    });
    standin.rate_limit_next(2, 1);
    let before = standin.requests().len();
    let page = api.clusters(50).collect(None).await.unwrap();
    assert!(page.is_empty());
    assert_eq!(
        standin.requests().len() - before,
        2,
        "the 429, then the request again"
    );

    // Longer than the bound: answered as the error, not waited.
    standin.rate_limit_next(120, 1);
    let before = standin.requests().len();
    let err = api.clusters(50).collect(None).await.unwrap_err();
    assert_eq!(err.status(), Some(429));
    assert_eq!(err.code(), Some("RATE-LIMIT-001"));
    assert_eq!(standin.requests().len() - before, 1);
}
