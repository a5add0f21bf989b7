//! A fault-injecting HTTP/1.1 proxy on loopback, between rosactl and a stand-in (the AWS one or
//! the Platform API one). Every request is carried to the stand-in on a connection of its own,
//! unless a rule faults it:
//!
//! - [`Fault::Throttle`]: the service's own throttling answer (`Throttling`, `ThrottlingException`,
//!   `TooManyRequestsException` 429, `RequestLimitExceeded`, `SlowDown`, the Platform API's 429);
//! - [`Fault::Status`]: a 500 or 503 with an error body in the service's protocol;
//! - [`Fault::Reset`]: the connection is reset before the request reaches the stand-in;
//! - [`Fault::Latency`]: the request waits, then goes through;
//! - [`Fault::Cut`]: the request is carried out and its answer cut in the middle of the body
//!   (the caller cannot know it succeeded).
//! - [`Fault::Lost`]: the request is carried out and no answer comes back.
//!
//! Rules say when: the Nth call of an operation, every call of it, or a rate drawn from a seed.
//! A draw depends only on the seed, the request (operation, path, body without idempotency
//! tokens) and how many identical requests came before it, never on timing or on the order of
//! parallel calls: one seed faults the same requests on every run.
//!
//! [`FaultProxy::freeze_after_mutating`] lets exactly N mutating calls through and holds every
//! later request (and the Nth one's answer): a test then kills the client knowing, by count,
//! where it stopped.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::net::SocketAddr;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// What a faulted request gets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fault {
    Throttle,
    Status(u16),
    Reset,
    Latency(Duration),
    Cut,
    /// The request is carried out and no answer comes back at all (the connection is reset
    /// once the stand-in answered). Not drawn at random: for "the Nth call of X".
    Lost,
    /// One of the above, drawn from the rule's seed: throttling, 500, 503, reset, 300 ms of
    /// latency, a cut answer.
    Any,
    /// A made-up answer instead of the stand-in's: status, content type, body (bad answers a
    /// client must reject clearly).
    Answer(u16, String, String),
}

impl Fault {
    const PALETTE: [Fault; 6] = [
        Fault::Throttle,
        Fault::Status(500),
        Fault::Status(503),
        Fault::Reset,
        Fault::Latency(Duration::from_millis(300)),
        Fault::Cut,
    ];

    pub fn label(&self) -> String {
        match self {
            Fault::Throttle => "throttling".into(),
            Fault::Status(s) => format!("HTTP {s}"),
            Fault::Reset => "connection reset".into(),
            Fault::Latency(d) => format!("{} ms latency", d.as_millis()),
            Fault::Cut => "answer cut mid-body".into(),
            Fault::Lost => "answer lost".into(),
            Fault::Any => "any".into(),
            Fault::Answer(s, t, _) => format!("HTTP {s} {t} answer"),
        }
    }
}

/// When a rule applies, to requests whose operation contains the rule's `op` ("" = all).
#[derive(Debug, Clone)]
pub enum When {
    /// The Nth matching request (1-based) only.
    Nth(u32),
    /// Every matching request: a persistent fault.
    Always,
    /// A share of the matching requests, drawn from `seed`.
    Rate { seed: u64, percent: u32 },
}

#[derive(Debug, Clone)]
pub struct Rule {
    pub op: String,
    pub when: When,
    pub fault: Fault,
}

impl Rule {
    pub fn nth(op: &str, n: u32, fault: Fault) -> Rule {
        Rule {
            op: op.into(),
            when: When::Nth(n),
            fault,
        }
    }
    pub fn always(op: &str, fault: Fault) -> Rule {
        Rule {
            op: op.into(),
            when: When::Always,
            fault,
        }
    }
    /// `percent` of all requests, each faulted with a fault drawn from the palette.
    pub fn random(seed: u64, percent: u32) -> Rule {
        Rule {
            op: String::new(),
            when: When::Rate { seed, percent },
            fault: Fault::Any,
        }
    }
}

/// Which stand-in is behind the proxy: it decides how operations are named and errors written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Upstream {
    Aws,
    Platform,
}

/// One fault injected: the operation and what it got.
#[derive(Debug, Clone)]
pub struct Injected {
    pub operation: String,
    pub fault: Fault,
    /// Which call it was: the same for a call and its retries (the request's operation, target
    /// and body, without idempotency tokens), different for two calls of one operation.
    pub call: u64,
}

/// A request as the client sent it (headers and body as received), for checks of what was
/// signed.
#[derive(Debug, Clone)]
pub struct RawRequest {
    pub method: String,
    /// Path and query, as sent.
    pub target: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

#[derive(Default)]
struct State {
    raw: Vec<RawRequest>,
    /// When each answered request arrived and when its answer was written, and its operation.
    spans: Vec<(std::time::Instant, std::time::Instant, String)>,
    rules: Vec<(Rule, u32)>,
    /// Identical requests seen so far (for the draws).
    seen: HashMap<u64, u32>,
    injected: Vec<Injected>,
    requests: u64,
    mutating: u32,
    freeze_at: Option<u32>,
    frozen: bool,
}

struct Shared {
    upstream: SocketAddr,
    kind: Upstream,
    state: Mutex<State>,
    changed: Condvar,
    /// Turns true when held requests may go on ([`FaultProxy::release`]).
    release: tokio::sync::watch::Sender<bool>,
}

impl Shared {
    /// Waits until [`FaultProxy::release`]; false if the proxy is going away.
    async fn released(&self) -> bool {
        let mut rx = self.release.subscribe();
        loop {
            if *rx.borrow_and_update() {
                return true;
            }
            if rx.changed().await.is_err() {
                return false;
            }
        }
    }
}

impl Shared {
    fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// A running proxy; dropping it stops it (held requests are dropped with it).
pub struct FaultProxy {
    /// `http://127.0.0.1:port`, plus the upstream's path prefix when it had one.
    pub url: String,
    shared: Arc<Shared>,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl FaultProxy {
    /// A proxy in front of `upstream_url` (`http://127.0.0.1:port[/stage]`).
    pub fn start(upstream_url: &str, kind: Upstream) -> std::io::Result<FaultProxy> {
        let rest = upstream_url.strip_prefix("http://").ok_or_else(|| {
            std::io::Error::other("the proxy fronts http:// loopback stand-ins only")
        })?;
        let (authority, path) = rest.split_once('/').map_or((rest, ""), |(a, p)| (a, p));
        let upstream: SocketAddr = authority
            .parse()
            .map_err(|e| std::io::Error::other(format!("upstream {authority}: {e}")))?;
        let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let url = if path.is_empty() {
            format!("http://{addr}")
        } else {
            format!("http://{addr}/{path}")
        };
        let shared = Arc::new(Shared {
            upstream,
            kind,
            state: Mutex::new(State::default()),
            changed: Condvar::new(),
            release: tokio::sync::watch::channel(false).0,
        });
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let served = shared.clone();
        let thread = std::thread::Builder::new()
            .name("fault-proxy".into())
            .spawn(move || {
                let rt = tokio::runtime::Builder::new_multi_thread()
                    .worker_threads(2)
                    .enable_all()
                    .build()
                    .expect("tokio runtime");
                rt.block_on(async move {
                    let listener = TcpListener::from_std(listener).expect("listener");
                    let accept = async {
                        while let Ok((conn, _)) = listener.accept().await {
                            let _ = conn.set_nodelay(true);
                            tokio::spawn(serve(served.clone(), conn));
                        }
                    };
                    tokio::select! {
                        _ = accept => {}
                        _ = rx => {}
                    }
                });
                rt.shutdown_background();
            })?;
        Ok(FaultProxy {
            url,
            shared,
            shutdown: Some(tx),
            thread: Some(thread),
        })
    }

    pub fn add(&self, rule: Rule) {
        self.shared.state().rules.push((rule, 0));
    }

    /// Removes every rule and unfreezes (held requests stay held until the client gives up).
    pub fn clear(&self) {
        let mut s = self.shared.state();
        s.rules.clear();
        s.freeze_at = None;
        s.frozen = false;
    }

    /// Resets the counts and the record of faults (rules stay).
    pub fn reset_counts(&self) {
        let mut s = self.shared.state();
        s.seen.clear();
        s.injected.clear();
        s.spans.clear();
        s.requests = 0;
        s.mutating = 0;
        for (_, n) in s.rules.iter_mut() {
            *n = 0;
        }
    }

    pub fn injected(&self) -> Vec<Injected> {
        self.shared.state().injected.clone()
    }

    pub fn requests(&self) -> u64 {
        self.shared.state().requests
    }

    /// The longest sequence of answered requests each of which arrived after the one before
    /// it was answered: with a latency added to every call, the calls that waited on each
    /// other (calls sent at once overlap and count once). Requests answered since the last
    /// [`FaultProxy::reset_counts`].
    pub fn chain(&self) -> Vec<String> {
        let spans = self.shared.state().spans.clone();
        longest_sequence(spans.iter().map(|(a, b, _)| (*a, *b)).collect())
            .into_iter()
            .map(|i| spans[i].2.clone())
            .collect()
    }

    /// Every request received so far, as sent.
    pub fn raw_requests(&self) -> Vec<RawRequest> {
        self.shared.state().raw.clone()
    }

    pub fn mutating_calls(&self) -> u32 {
        self.shared.state().mutating
    }

    /// Lets `n` mutating calls through (n ≥ 1); from then on, holds every request, and the
    /// Nth call's answer, until [`FaultProxy::release`] (or forever).
    pub fn freeze_after_mutating(&self, n: u32) {
        let mut s = self.shared.state();
        s.mutating = 0;
        s.freeze_at = Some(n.max(1));
        s.frozen = false;
        self.shared.release.send_replace(false);
    }

    /// Lets every held request (and the held answer) go on, and stops freezing.
    pub fn release(&self) {
        {
            let mut s = self.shared.state();
            s.freeze_at = None;
        }
        self.shared.release.send_replace(true);
    }

    /// Waits until the proxy froze (true) or `done()` says the client ended first (false).
    /// `done` is asked between short waits on the proxy's own signal.
    pub fn wait_frozen(&self, mut done: impl FnMut() -> bool) -> bool {
        let mut s = self.shared.state();
        loop {
            if s.frozen {
                return true;
            }
            if done() {
                return s.frozen;
            }
            s = self
                .shared
                .changed
                .wait_timeout(s, Duration::from_millis(20))
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
    }
}

impl Drop for FaultProxy {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// A request as read from the client.
struct HttpRequest {
    method: String,
    target: String,
    /// Header lines as received (name, value).
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl HttpRequest {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The operation as the AWS stand-in's log names it (`iam:CreateRole`,
    /// `lambda:POST /2015-03-31/functions`...), or `platform:GET /api/v0/clusters`.
    fn operation(&self, kind: Upstream) -> String {
        let path = self.target.split('?').next().unwrap_or("");
        if kind == Upstream::Platform {
            return format!("platform:{} {path}", self.method);
        }
        let auth = self.header("authorization").unwrap_or("");
        let service = auth.split('/').nth(3).unwrap_or("");
        if let Some(target) = self.header("x-amz-target") {
            return format!("{service}:{}", target.rsplit('.').next().unwrap_or(target));
        }
        // Smithy RPC v2 (CloudWatch's CBOR protocol): POST /service/NAME/operation/OP.
        if self.method == "POST"
            && let Some((_, op)) = path.split_once("/operation/")
            && path.starts_with("/service/")
        {
            return format!("{service}:{op}");
        }
        let form = self
            .header("content-type")
            .is_some_and(|c| c.starts_with("application/x-www-form-urlencoded"));
        if self.method == "POST" && form {
            let body = String::from_utf8_lossy(&self.body);
            let action = body
                .split('&')
                .find_map(|kv| kv.strip_prefix("Action="))
                .unwrap_or("");
            return format!("{service}:{action}");
        }
        format!("{service}:{} {}", self.method, self.target)
    }

    fn mutating(&self, kind: Upstream, op: &str) -> bool {
        if matches!(self.method.as_str(), "GET" | "HEAD") {
            return false;
        }
        if kind == Upstream::Platform {
            return true;
        }
        let rest = op.split_once(':').map_or(op, |(_, r)| r);
        // rosactl's check invocation (`{}`, rosa_lambda_api::CHECK_PAYLOAD): our functions
        // answer it with their input error before any AWS call, so it changes nothing.
        let path = self.target.split('?').next().unwrap_or("");
        if path.ends_with("/invocations") && self.body.trim_ascii() == b"{}" {
            return false;
        }
        if rest.contains(' ') {
            return true;
        }
        !["Get", "List", "Describe"]
            .iter()
            .any(|p| rest.starts_with(p))
    }

    /// What makes two requests "the same one" for the draws: everything but idempotency tokens
    /// (the SDK fills them with fresh random values).
    fn identity(&self, op: &str) -> u64 {
        let body = String::from_utf8_lossy(&self.body);
        let mut kept = String::with_capacity(body.len());
        for part in body.split(['&', ',']) {
            let lower = part.to_ascii_lowercase();
            if !lower.contains("clienttoken") && !lower.contains("idempotency") {
                kept.push_str(part);
                kept.push('&');
            }
        }
        let mut h = std::collections::hash_map::DefaultHasher::new();
        if op.starts_with("ec2:") || op.starts_with("route53:") {
            (op, without_ids(&self.target), without_ids(&kept)).hash(&mut h);
        } else {
            (op, &self.target, kept).hash(&mut h);
        }
        h.finish()
    }

    fn to_upstream(&self) -> Vec<u8> {
        let mut out = format!("{} {} HTTP/1.1\r\n", self.method, self.target).into_bytes();
        for (n, v) in &self.headers {
            if n.eq_ignore_ascii_case("connection") || n.eq_ignore_ascii_case("keep-alive") {
                continue;
            }
            out.extend_from_slice(format!("{n}: {v}\r\n").as_bytes());
        }
        out.extend_from_slice(b"Connection: close\r\n\r\n");
        out.extend_from_slice(&self.body);
        out
    }
}

/// `text` with the hex part of EC2 resource ids (`subnet-0a1b2c3d...`, `nat-...`) blanked:
/// the stand-in makes new ids on every run, and the draws must not depend on them.
fn without_ids(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('-') {
        let (head, tail) = rest.split_at(i + 1);
        out.push_str(head);
        let hex = tail
            .bytes()
            .take_while(|b| b.is_ascii_hexdigit() || b.is_ascii_uppercase())
            .count();
        if hex >= 8 {
            out.push('#');
            rest = &tail[hex..];
        } else {
            rest = tail;
        }
    }
    out.push_str(rest);
    out
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Reads one request; `None` when the client closed the connection between requests.
async fn read_request(conn: &mut TcpStream, buf: &mut Vec<u8>) -> Option<HttpRequest> {
    let head_end = loop {
        if let Some(i) = find(buf, b"\r\n\r\n") {
            break i;
        }
        let mut chunk = [0u8; 16 * 1024];
        let n = conn.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
    buf.drain(..head_end + 4);
    let mut lines = head.split("\r\n");
    let mut first = lines.next()?.split(' ');
    let method = first.next()?.to_string();
    let target = first.next()?.to_string();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    let mut request = HttpRequest {
        method,
        target,
        headers,
        body: Vec::new(),
    };
    let chunked = request
        .header("transfer-encoding")
        .is_some_and(|t| t.eq_ignore_ascii_case("chunked"));
    if chunked {
        // Forwarded as received: read up to the last chunk and keep the framing.
        request
            .headers
            .retain(|(n, _)| !n.eq_ignore_ascii_case("content-length"));
        loop {
            if let Some(i) = find(buf, b"0\r\n\r\n") {
                request.body = buf.drain(..i + 5).collect();
                break;
            }
            let mut chunk = [0u8; 16 * 1024];
            let n = conn.read(&mut chunk).await.ok()?;
            if n == 0 {
                return None;
            }
            buf.extend_from_slice(&chunk[..n]);
        }
    } else {
        let length: usize = request
            .header("content-length")
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        while buf.len() < length {
            let mut chunk = vec![0u8; (length - buf.len()).min(256 * 1024)];
            let n = conn.read(&mut chunk).await.ok()?;
            if n == 0 {
                return None;
            }
            buf.extend_from_slice(&chunk[..n]);
        }
        request.body = buf.drain(..length).collect();
    }
    Some(request)
}

/// An answer of the stand-in, re-framed with a Content-Length.
struct HttpResponse {
    head: Vec<String>,
    body: Vec<u8>,
}

impl HttpResponse {
    fn bytes(&self, body_len: usize) -> Vec<u8> {
        let mut out = Vec::new();
        for line in &self.head {
            out.extend_from_slice(line.as_bytes());
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(format!("Content-Length: {}\r\n\r\n", self.body.len()).as_bytes());
        out.extend_from_slice(&self.body[..body_len.min(self.body.len())]);
        out
    }
}

fn dechunk(mut raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(i) = find(raw, b"\r\n") {
        let size_text = String::from_utf8_lossy(&raw[..i]);
        let size = usize::from_str_radix(size_text.split(';').next().unwrap_or("").trim(), 16)
            .unwrap_or(0);
        raw = &raw[i + 2..];
        if size == 0 || raw.len() < size {
            break;
        }
        out.extend_from_slice(&raw[..size]);
        raw = raw.get(size + 2..).unwrap_or(&[]);
    }
    out
}

async fn forward(upstream: SocketAddr, request: &HttpRequest) -> std::io::Result<HttpResponse> {
    let mut conn = TcpStream::connect(upstream).await?;
    conn.write_all(&request.to_upstream()).await?;
    let mut raw = Vec::new();
    conn.read_to_end(&mut raw).await?;
    let end = find(&raw, b"\r\n\r\n").ok_or_else(|| std::io::Error::other("no answer head"))?;
    let head_text = String::from_utf8_lossy(&raw[..end]).into_owned();
    let mut chunked = false;
    let head: Vec<String> = head_text
        .split("\r\n")
        .filter(|line| {
            let name = line
                .split(':')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase();
            if name == "transfer-encoding" {
                chunked = line.to_ascii_lowercase().contains("chunked");
            }
            !matches!(
                name.as_str(),
                "content-length" | "transfer-encoding" | "connection" | "keep-alive"
            )
        })
        .map(String::from)
        .collect();
    let rest = &raw[end + 4..];
    let body = if chunked {
        dechunk(rest)
    } else {
        rest.to_vec()
    };
    Ok(HttpResponse { head, body })
}

/// A CBOR text string (major type 3), for the short texts of an error answer.
fn cbor_text(s: &str) -> Vec<u8> {
    let len = s.len();
    let mut out = match len {
        0..=23 => vec![0x60 | len as u8],
        24..=255 => vec![0x78, len as u8],
        _ => {
            let mut head = vec![0x79];
            head.extend((len as u16).to_be_bytes());
            head
        }
    };
    out.extend(s.as_bytes());
    out
}

/// The service's own throttling or server-error answer.
fn error_answer(kind: Upstream, op: &str, fault: &Fault) -> HttpResponse {
    let service = op.split(':').next().unwrap_or("");
    let throttle = *fault == Fault::Throttle;
    let (status, code, message) = match (kind, service, throttle) {
        (Upstream::Platform, _, true) => (429, "TooManyRequests", "Too many requests"),
        (_, "lambda", true) => (429, "TooManyRequestsException", "Rate exceeded"),
        (_, "ec2", true) => (503, "RequestLimitExceeded", "Request limit exceeded."),
        (_, "s3", true) => (503, "SlowDown", "Please reduce your request rate."),
        (_, "iam" | "sts" | "route53" | "elasticloadbalancing", true) => {
            (400, "Throttling", "Rate exceeded")
        }
        (_, _, true) => (400, "ThrottlingException", "Rate exceeded"),
        (_, _, false) => {
            let status = match fault {
                Fault::Status(s) => *s,
                _ => 500,
            };
            let code = if status == 503 {
                "ServiceUnavailable"
            } else {
                "InternalFailure"
            };
            (status, code, "injected by the fault proxy")
        }
    };
    let reason = match status {
        429 => "Too Many Requests",
        503 => "Service Unavailable",
        400 => "Bad Request",
        _ => "Internal Server Error",
    };
    let (content_type, body, extra) = match (kind, service) {
        (Upstream::Platform, _) => (
            "application/json",
            serde_json::json!({"kind": "Error", "code": code, "reason": message}).to_string(),
            None,
        ),
        (_, "iam" | "sts" | "route53" | "elasticloadbalancing") => (
            "text/xml",
            format!(
                "<ErrorResponse><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error><RequestId>fault-proxy</RequestId></ErrorResponse>"
            ),
            None,
        ),
        (_, "ec2") => (
            "text/xml",
            format!(
                "<Response><Errors><Error><Code>{code}</Code><Message>{message}</Message></Error></Errors><RequestID>fault-proxy</RequestID></Response>"
            ),
            None,
        ),
        (_, "s3") => (
            "application/xml",
            format!(
                "<Error><Code>{code}</Code><Message>{message}</Message><RequestId>fault-proxy</RequestId></Error>"
            ),
            None,
        ),
        // CloudWatch's Smithy RPC v2 CBOR protocol: a CBOR map of `__type` and `message`.
        (_, "monitoring") => {
            let mut body = vec![0xa2];
            for s in ["__type", code, "message", message] {
                body.extend(cbor_text(s));
            }
            let head = vec![
                format!("HTTP/1.1 {status} {reason}"),
                "Content-Type: application/cbor".to_string(),
                "smithy-protocol: rpc-v2-cbor".to_string(),
                "x-amzn-RequestId: fault-proxy".into(),
            ];
            return HttpResponse { head, body };
        }
        _ => (
            "application/x-amz-json-1.1",
            serde_json::json!({"__type": code, "message": message}).to_string(),
            Some(format!("x-amzn-ErrorType: {code}")),
        ),
    };
    let mut head = vec![
        format!("HTTP/1.1 {status} {reason}"),
        format!("Content-Type: {content_type}"),
        "x-amzn-RequestId: fault-proxy".into(),
    ];
    head.extend(extra);
    HttpResponse {
        head,
        body: body.into_bytes(),
    }
}

/// The fault for this request, if any, and whether it is mutating.
fn decide(shared: &Shared, request: &HttpRequest, op: &str) -> (Option<Fault>, bool) {
    let mutating = request.mutating(shared.kind, op);
    let identity = request.identity(op);
    let mut s = shared.state();
    s.requests += 1;
    s.raw.push(RawRequest {
        method: request.method.clone(),
        target: request.target.clone(),
        headers: request.headers.clone(),
        body: request.body.clone(),
    });
    let seen = {
        let n = s.seen.entry(identity).or_insert(0);
        *n += 1;
        *n
    };
    let mut chosen = None;
    for (rule, count) in s.rules.iter_mut() {
        if !op.contains(rule.op.as_str()) {
            continue;
        }
        *count += 1;
        let (hit, draw) = match rule.when {
            When::Nth(n) => (*count == n, 0),
            When::Always => (true, 0),
            When::Rate { seed, percent } => {
                let mut h = std::collections::hash_map::DefaultHasher::new();
                (seed, identity, seen).hash(&mut h);
                let draw = h.finish();
                ((draw % 100) < u64::from(percent), draw / 100)
            }
        };
        if hit && chosen.is_none() {
            chosen = Some(match &rule.fault {
                Fault::Any => Fault::PALETTE[(draw % Fault::PALETTE.len() as u64) as usize].clone(),
                f => f.clone(),
            });
        }
    }
    if let Some(f) = &chosen {
        s.injected.push(Injected {
            operation: op.to_string(),
            fault: f.clone(),
            call: identity,
        });
    }
    (chosen, mutating)
}

/// The most spans (start, end) that can be picked each starting at or after the end of the
/// one before (earliest end first is optimal): their places in `spans`, in order.
fn longest_sequence<T: Ord + Copy>(spans: Vec<(T, T)>) -> Vec<usize> {
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by_key(|&i| spans[i].1);
    let mut picked = Vec::new();
    let mut free_at: Option<T> = None;
    for i in order {
        let (start, end) = spans[i];
        if free_at.is_none_or(|t| start >= t) {
            picked.push(i);
            free_at = Some(end);
        }
    }
    picked
}

/// Counts a mutating call for the freeze; `Some(true)` = this is the last one let through,
/// `None` = hold this request.
fn freeze_gate(shared: &Shared, mutating: bool) -> Option<bool> {
    let mut s = shared.state();
    let Some(at) = s.freeze_at else {
        return Some(false);
    };
    if s.frozen {
        return None;
    }
    if !mutating {
        return Some(false);
    }
    if s.mutating >= at {
        return None;
    }
    s.mutating += 1;
    Some(s.mutating == at)
}

async fn serve(shared: Arc<Shared>, mut conn: TcpStream) {
    let mut buf = Vec::new();
    while let Some(request) = read_request(&mut conn, &mut buf).await {
        let arrived = std::time::Instant::now();
        let op = request.operation(shared.kind);
        let (fault, mutating) = decide(&shared, &request, &op);
        let last = match freeze_gate(&shared, mutating) {
            Some(last) => last,
            None => {
                if !shared.released().await {
                    return;
                }
                false
            }
        };
        if mutating && shared.state().freeze_at.is_none() {
            shared.state().mutating += 1;
        }
        match fault {
            Some(Fault::Reset) => {
                let _ = conn.set_zero_linger();
                return;
            }
            Some(f @ (Fault::Throttle | Fault::Status(_))) => {
                let answer = error_answer(shared.kind, &op, &f);
                let bytes = answer.bytes(answer.body.len());
                if conn.write_all(&bytes).await.is_err() {
                    return;
                }
                continue;
            }
            Some(Fault::Answer(status, content_type, body)) => {
                let answer = HttpResponse {
                    head: vec![
                        format!("HTTP/1.1 {status} Made Up"),
                        format!("Content-Type: {content_type}"),
                    ],
                    body: body.into_bytes(),
                };
                if conn
                    .write_all(&answer.bytes(answer.body.len()))
                    .await
                    .is_err()
                {
                    return;
                }
                continue;
            }
            Some(Fault::Latency(d)) => tokio::time::sleep(d).await,
            _ => {}
        }
        let answer = match forward(shared.upstream, &request).await {
            Ok(a) => a,
            Err(e) => {
                let body = format!("fault proxy: the stand-in did not answer: {e}");
                HttpResponse {
                    head: vec![
                        "HTTP/1.1 502 Bad Gateway".into(),
                        "Content-Type: text/plain".into(),
                    ],
                    body: body.into_bytes(),
                }
            }
        };
        if last {
            shared.state().frozen = true;
            shared.changed.notify_all();
            if !shared.released().await {
                return;
            }
        }
        if fault == Some(Fault::Lost) {
            let _ = conn.set_zero_linger();
            return;
        }
        if fault == Some(Fault::Cut) {
            let bytes = answer.bytes(answer.body.len() / 2);
            let _ = conn.write_all(&bytes).await;
            let _ = conn.flush().await;
            let _ = conn.set_zero_linger();
            return;
        }
        if conn
            .write_all(&answer.bytes(answer.body.len()))
            .await
            .is_err()
        {
            return;
        }
        shared
            .state()
            .spans
            .push((arrived, std::time::Instant::now(), op.clone()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(method: &str, target: &str, headers: &[(&str, &str)], body: &str) -> HttpRequest {
        HttpRequest {
            method: method.into(),
            target: target.into(),
            headers: headers
                .iter()
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect(),
            body: body.as_bytes().to_vec(),
        }
    }

    #[test]
    fn a_chain_counts_calls_that_waited_and_overlapping_calls_once() {
        assert!(longest_sequence::<u32>(vec![]).is_empty());
        // Three at once, then two at once after them, then one: 3 calls waited in a row.
        let spans = vec![(0, 10), (1, 11), (2, 12), (12, 20), (13, 21), (21, 30)];
        assert_eq!(longest_sequence(spans), vec![0, 3, 5]);
        // A long call beside a sequence of short ones: the short ones count.
        let spans = vec![(0, 100), (0, 10), (10, 20), (20, 30)];
        assert_eq!(longest_sequence(spans), vec![1, 2, 3]);
    }

    const AUTH: &str = "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=00";

    #[test]
    fn cloudwatch_errors_are_answered_in_cbor() {
        let answer = error_answer(Upstream::Aws, "monitoring:GetDashboard", &Fault::Throttle);
        assert!(
            answer
                .head
                .iter()
                .any(|h| h == "Content-Type: application/cbor")
        );
        let mut expected = vec![0xa2, 0x66];
        expected.extend(b"__type");
        expected.push(0x60 | 19);
        expected.extend(b"ThrottlingException");
        assert!(answer.body.starts_with(&expected), "{:?}", answer.body);
        assert_eq!(cbor_text(&"x".repeat(30))[..2], [0x78, 30]);
    }

    #[test]
    fn operations_are_named_like_the_stand_ins_log() {
        let iam = request(
            "POST",
            "/",
            &[
                ("Authorization", AUTH),
                (
                    "Content-Type",
                    "application/x-www-form-urlencoded; charset=utf-8",
                ),
            ],
            "Action=CreateRole&Version=2010-05-08&RoleName=r",
        );
        assert_eq!(iam.operation(Upstream::Aws), "iam:CreateRole");
        assert!(iam.mutating(Upstream::Aws, "iam:CreateRole"));
        let get = request(
            "GET",
            "/2015-03-31/functions/f",
            &[("Authorization", &AUTH.replace("/iam/", "/lambda/"))],
            "",
        );
        assert_eq!(
            get.operation(Upstream::Aws),
            "lambda:GET /2015-03-31/functions/f"
        );
        assert!(!get.mutating(Upstream::Aws, "lambda:GET /2015-03-31/functions/f"));
        // CloudWatch's RPC v2 CBOR protocol names the operation in the path.
        let cw = [("Authorization", AUTH.replace("/iam/", "/monitoring/"))];
        let cw: Vec<(&str, &str)> = cw.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let path = "/service/GraniteServiceVersion20100801/operation/";
        let read = request("POST", &format!("{path}DescribeAlarms"), &cw, "");
        assert_eq!(read.operation(Upstream::Aws), "monitoring:DescribeAlarms");
        assert!(!read.mutating(Upstream::Aws, "monitoring:DescribeAlarms"));
        let write = request("POST", &format!("{path}PutMetricAlarm"), &cw, "");
        assert!(write.mutating(Upstream::Aws, &write.operation(Upstream::Aws)));
        let lambda = [("Authorization", AUTH.replace("/iam/", "/lambda/"))];
        let lambda: Vec<(&str, &str)> = lambda.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let invoke = "/2015-03-31/functions/rosa-preflight-checker:prod/invocations";
        let check = request("POST", invoke, &lambda, "{}");
        let op = check.operation(Upstream::Aws);
        assert_eq!(op, format!("lambda:POST {invoke}"));
        assert!(
            !check.mutating(Upstream::Aws, &op),
            "the check invocation changes nothing"
        );
        let real = request("POST", invoke, &lambda, r#"{"operation":"create"}"#);
        assert!(
            real.mutating(Upstream::Aws, &op),
            "any other invocation may"
        );
        let p = request("POST", "/api/v0/clusters?x=1", &[], "{}");
        assert_eq!(
            p.operation(Upstream::Platform),
            "platform:POST /api/v0/clusters"
        );
    }

    #[test]
    fn draws_ignore_idempotency_tokens_and_depend_on_the_seed() {
        let a = request(
            "POST",
            "/",
            &[],
            "Action=CreateNatGateway&ClientToken=aaa&SubnetId=s",
        );
        let b = request(
            "POST",
            "/",
            &[],
            "Action=CreateNatGateway&ClientToken=bbb&SubnetId=s",
        );
        assert_eq!(
            a.identity("ec2:CreateNatGateway"),
            b.identity("ec2:CreateNatGateway")
        );
        let c = request(
            "POST",
            "/",
            &[],
            "Action=CreateNatGateway&ClientToken=aaa&SubnetId=t",
        );
        assert_ne!(
            a.identity("ec2:CreateNatGateway"),
            c.identity("ec2:CreateNatGateway")
        );
    }

    fn test_shared() -> Shared {
        Shared {
            upstream: "127.0.0.1:9".parse().unwrap(),
            kind: Upstream::Aws,
            state: Mutex::new(State::default()),
            changed: Condvar::new(),
            release: tokio::sync::watch::channel(false).0,
        }
    }

    #[test]
    fn rules_fault_the_nth_call_every_call_or_a_seeded_share() {
        let shared = test_shared();
        shared
            .state()
            .rules
            .push((Rule::nth("CreateRole", 2, Fault::Status(503)), 0));
        shared
            .state()
            .rules
            .push((Rule::always("DeleteRole", Fault::Throttle), 0));
        let create = request(
            "POST",
            "/",
            &[
                ("Authorization", AUTH),
                ("Content-Type", "application/x-www-form-urlencoded"),
            ],
            "Action=CreateRole&RoleName=r",
        );
        let got: Vec<Option<Fault>> = (0..4)
            .map(|_| decide(&shared, &create, "iam:CreateRole").0)
            .collect();
        assert_eq!(got, [None, Some(Fault::Status(503)), None, None]);
        let delete = request("POST", "/", &[], "Action=DeleteRole&RoleName=r");
        assert!(
            (0..3).all(|_| decide(&shared, &delete, "iam:DeleteRole").0 == Some(Fault::Throttle))
        );
        // A seeded share: the same draws for the same requests, about the share asked for.
        let draws = |seed| {
            let shared = test_shared();
            shared.state().rules.push((Rule::random(seed, 20), 0));
            (0..1000)
                .map(|i| {
                    let r = request("POST", "/", &[], &format!("Action=GetRole&RoleName=r{i}"));
                    decide(&shared, &r, "iam:GetRole").0.is_some()
                })
                .collect::<Vec<bool>>()
        };
        assert_eq!(draws(7), draws(7));
        assert_ne!(draws(7), draws(8));
        let share = draws(7).iter().filter(|f| **f).count();
        assert!((150..=250).contains(&share), "{share} of 1000");
    }

    #[test]
    fn chunked_answers_are_reassembled() {
        assert_eq!(
            dechunk(b"4\r\nrosa\r\n3;x=1\r\nctl\r\n0\r\n\r\n"),
            b"rosactl"
        );
    }
}
