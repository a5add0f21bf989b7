//! The AWS stand-in: moto's server with our Lambda executor (`tests/bed/rosa_bed.py`), in a
//! Python venv that is created on first use and reused while its requirements are unchanged.

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// The account moto answers for with the default test credentials.
pub const ACCOUNT_ID: &str = "123456789012";
pub const REGION: &str = "us-east-1";

#[derive(Debug, thiserror::Error)]
pub enum BedError {
    #[error("test bed setup: {0}")]
    Setup(String),
    #[error("test bed I/O: {0}")]
    Io(#[from] std::io::Error),
}

/// The workspace root (this crate lives in `<root>/tests`).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent")
        .to_path_buf()
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|p| {
            if p.is_absolute() {
                p
            } else {
                workspace_root().join(p)
            }
        })
        .unwrap_or_else(|| workspace_root().join("target"))
}

/// Where the venv lives: `ROSA_BED_VENV`, else `<target>/testbed-venv`.
pub fn venv_dir() -> PathBuf {
    std::env::var_os("ROSA_BED_VENV")
        .map(PathBuf::from)
        .unwrap_or_else(|| target_dir().join("testbed-venv"))
}

/// Creates the venv if it is missing or its requirements changed; returns its python.
/// Safe to call from parallel tests and processes: `tests/bed/venv.py` (the one
/// implementation, which scripts/test.sh also runs) serialises the setup with a file lock.
pub fn ensure_venv() -> Result<PathBuf, BedError> {
    let venv = venv_dir();
    let python = venv.join("bin").join("python");
    let requirements_path = workspace_root().join("tests/bed/requirements.txt");
    let requirements = fs::read_to_string(&requirements_path)?;
    let stamp = venv.join(".rosa-bed-requirements");
    if fs::read_to_string(&stamp).is_ok_and(|s| s == requirements) && python.exists() {
        return Ok(python);
    }
    let base_python = std::env::var("ROSA_BED_PYTHON").unwrap_or_else(|_| "python3".into());
    run(
        Command::new(&base_python)
            .arg(workspace_root().join("tests/bed/venv.py"))
            .arg(&venv)
            .arg(&requirements_path),
        &format!(
            "creating the test bed venv with {base_python} (install Python 3 with venv, or set ROSA_BED_PYTHON)"
        ),
    )?;
    Ok(python)
}

fn run(cmd: &mut Command, what: &str) -> Result<(), BedError> {
    let out = cmd
        .output()
        .map_err(|e| BedError::Setup(format!("{what}: {e}")))?;
    if !out.status.success() {
        return Err(BedError::Setup(format!(
            "{what} failed ({}):\n{}{}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )));
    }
    Ok(())
}

/// A running moto server. It exits when this value is dropped, and on its own when the
/// process that started it dies (it watches its standard input).
pub struct AwsBed {
    child: Child,
    _stdin: ChildStdin,
    pub port: u16,
    pub endpoint: String,
}

impl AwsBed {
    pub fn start() -> Result<Self, BedError> {
        Self::start_with(false)
    }

    /// With `managed_policies`, moto loads the AWS-managed IAM policies (the ROSA ones among
    /// them), as `MOTO_IAM_LOAD_MANAGED_POLICIES=true` asks; without, the account has none.
    pub fn start_with(managed_policies: bool) -> Result<Self, BedError> {
        let python = ensure_venv()?;
        let script = workspace_root().join("tests/bed/rosa_bed.py");
        let mut child = Command::new(python)
            .arg(script)
            .env(
                "MOTO_IAM_LOAD_MANAGED_POLICIES",
                if managed_policies { "true" } else { "false" },
            )
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()?;
        let stdin = child.stdin.take().expect("piped");
        let stdout = child.stdout.take().expect("piped");
        let stderr = child.stderr.take().expect("piped");
        // moto's own diagnostics (tracebacks) go to the test's captured output.
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                eprintln!("[aws-bed] {line}");
            }
        });
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut lines = BufReader::new(stdout).lines();
            while let Some(Ok(line)) = lines.next() {
                if let Some(port) = line.strip_prefix("ROSA_BED_READY port=") {
                    let _ = tx.send(port.trim().parse::<u16>().ok());
                    break;
                }
            }
            // Keep draining so the server never blocks on a full pipe.
            for _ in lines {}
        });
        let port = match rx.recv_timeout(Duration::from_secs(90)) {
            Ok(Some(port)) => port,
            _ => {
                let _ = child.kill();
                let status = child.wait().ok();
                return Err(BedError::Setup(format!(
                    "the AWS stand-in did not start within 90 s (exit: {status:?}); its errors are above"
                )));
            }
        };
        Ok(AwsBed {
            child,
            _stdin: stdin,
            port,
            endpoint: format!("http://127.0.0.1:{port}"),
        })
    }

    /// Environment for an AWS SDK client (or rosactl) talking to this stand-in.
    pub fn env(&self) -> Vec<(String, String)> {
        [
            ("AWS_ENDPOINT_URL", self.endpoint.as_str()),
            ("AWS_ACCESS_KEY_ID", crate::platform::CUSTOMER_KEY),
            ("AWS_SECRET_ACCESS_KEY", crate::platform::CUSTOMER_SECRET),
            ("AWS_REGION", REGION),
            ("AWS_DEFAULT_REGION", REGION),
            ("AWS_EC2_METADATA_DISABLED", "true"),
            ("AWS_CONFIG_FILE", "/dev/null"),
            ("AWS_SHARED_CREDENTIALS_FILE", "/dev/null"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
    }

    /// Sets an applied Service Quotas value (e.g. a tight `ec2` / `L-1216C47A`).
    pub fn set_quota(
        &self,
        region: &str,
        service: &str,
        quota: &str,
        value: f64,
    ) -> Result<(), BedError> {
        let body = serde_json::json!({
            "account_id": ACCOUNT_ID, "region": region, "service_code": service, "quota_code": quota, "value": value,
        });
        self.post("/_rosa_bed/quotas", &body.to_string())
    }

    /// Forgets every resource (moto's reset).
    pub fn reset(&self) -> Result<(), BedError> {
        self.post("/moto-api/reset", "")
    }

    /// Makes the next `count` AWS requests whose operation matches the regex `pattern` fail
    /// with `status` and error code `code` (see [`AwsBed::operations`] for the names).
    pub fn inject_fault(
        &self,
        pattern: &str,
        status: u16,
        code: &str,
        count: u32,
    ) -> Result<(), BedError> {
        self.inject_fault_with_message(pattern, status, code, None, count)
    }

    /// [`AwsBed::inject_fault`] with the error message the service would send.
    pub fn inject_fault_with_message(
        &self,
        pattern: &str,
        status: u16,
        code: &str,
        message: Option<&str>,
        count: u32,
    ) -> Result<(), BedError> {
        let body = serde_json::json!({"match": pattern, "status": status, "code": code, "message": message, "count": count});
        self.post("/_rosa_bed/faults", &body.to_string())
    }

    /// The next `count` S3 `DeleteObjects` requests on `bucket` answer 200 with a per-object
    /// error (`code`) for every key asked, and delete nothing: what object lock or a bucket
    /// policy denying deletion look like to a client.
    pub fn inject_delete_errors(
        &self,
        bucket: &str,
        code: &str,
        count: u32,
    ) -> Result<(), BedError> {
        let body = serde_json::json!({
            "match": format!("s3:POST /{bucket}/?\\?delete"),
            "status": 200,
            "code": code,
            "count": count,
            "delete_errors": true,
        });
        self.post("/_rosa_bed/faults", &body.to_string())
    }

    /// A fault as the bed takes it (`POST /_rosa_bed/faults`): `match`, `status`, `code`,
    /// `count`, and optionally `account` (only requests signed with that account's
    /// credentials) and `body` (a regex over a query API's form body, e.g. a RoleArn).
    pub fn inject_fault_spec(&self, spec: &serde_json::Value) -> Result<(), BedError> {
        self.post("/_rosa_bed/faults", &spec.to_string())
    }

    /// Creates the default account's organization (once) and `accounts` member accounts, the
    /// first `closed` of them closed (SUSPENDED). Returns the members' ids, in creation order.
    pub fn create_organization(
        &self,
        accounts: usize,
        closed: usize,
    ) -> Result<Vec<String>, BedError> {
        self.create_organization_with_ou(accounts, closed, 0)
            .map(|(ids, _)| ids)
    }

    /// [`AwsBed::create_organization`], the last `in_ou` accounts moved under a new
    /// organizational unit (the very last in a unit nested in it); returns the unit's id too.
    pub fn create_organization_with_ou(
        &self,
        accounts: usize,
        closed: usize,
        in_ou: usize,
    ) -> Result<(Vec<String>, Option<String>), BedError> {
        let body =
            serde_json::json!({"accounts": accounts, "closed": closed, "ou": in_ou}).to_string();
        let answer = self.call("POST", "/_rosa_bed/organization", &body)?;
        let v: serde_json::Value = serde_json::from_str(&answer)
            .map_err(|e| BedError::Setup(format!("organization answer: {e}")))?;
        let ids = v["accounts"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|a| a["id"].as_str().map(String::from))
            .collect();
        Ok((ids, v["ou"].as_str().map(String::from)))
    }

    /// The session names of the sts:AssumeRole requests since the last clear, in order.
    pub fn assumed_sessions(&self) -> Result<Vec<String>, BedError> {
        let list = self.request_log()?;
        Ok(list
            .into_iter()
            .filter(|r| r["operation"] == "sts:AssumeRole")
            .filter_map(|r| r["session"].as_str().map(String::from))
            .collect())
    }

    /// Every request since the last clear as (operation, account, region): the account whose
    /// credentials signed it, as moto maps them.
    pub fn requests_by_account(&self) -> Result<Vec<(String, String, String)>, BedError> {
        let list = self.request_log()?;
        Ok(list
            .into_iter()
            .filter_map(|r| {
                Some((
                    r["operation"].as_str()?.to_string(),
                    r["account"].as_str().unwrap_or("").to_string(),
                    r["region"].as_str().unwrap_or("").to_string(),
                ))
            })
            .collect())
    }

    /// The bed's request log since the last clear: one JSON object per request.
    fn request_log(&self) -> Result<Vec<serde_json::Value>, BedError> {
        let body = self.call("GET", "/_rosa_bed/requests", "")?;
        serde_json::from_str(&body).map_err(|e| BedError::Setup(format!("request log: {e}")))
    }

    pub fn clear_faults(&self) -> Result<(), BedError> {
        self.call("DELETE", "/_rosa_bed/faults", "").map(drop)
    }

    /// Every AWS operation received since the last [`AwsBed::clear_operations`], in order:
    /// `iam:CreateRole`, `logs:PutRetentionPolicy`, `lambda:POST /2015-03-31/functions`,
    /// `s3:PUT /bucket/key`, ...
    pub fn operations(&self) -> Result<Vec<String>, BedError> {
        let list = self.request_log()?;
        Ok(list
            .into_iter()
            .filter_map(|r| r["operation"].as_str().map(String::from))
            .collect())
    }

    /// Like [`AwsBed::operations`], with the `x-amz-expected-bucket-owner` header each request
    /// carried (S3 refuses a request whose bucket belongs to another account than that).
    pub fn operations_with_expected_owner(
        &self,
    ) -> Result<Vec<(String, Option<String>)>, BedError> {
        let list = self.request_log()?;
        Ok(list
            .into_iter()
            .filter_map(|r| {
                let op = r["operation"].as_str()?.to_string();
                Some((op, r["expected_owner"].as_str().map(String::from)))
            })
            .collect())
    }

    /// The operations since the last clear that changed something ([`mutating`]).
    pub fn writes(&self) -> Vec<String> {
        mutating(&self.operations().expect("the bed's request log"))
    }

    /// Waits until `count` of the operations logged since the last clear end with `suffix`
    /// (the stand-in answers when they have, or after `timeout`); returns how many there were.
    /// For a test that must act after a call it expects: no polling, no sleep.
    pub fn wait_for_operations(
        &self,
        suffix: &str,
        count: usize,
        timeout: Duration,
    ) -> Result<usize, BedError> {
        let path = format!(
            "/_rosa_bed/wait?suffix={}&count={count}&timeout={}",
            suffix.replace(' ', "%20"),
            timeout.as_secs_f64()
        );
        let body = self.call_with_timeout("GET", &path, "", timeout + Duration::from_secs(10))?;
        let v: serde_json::Value = serde_json::from_str(&body)
            .map_err(|e| BedError::Setup(format!("wait answer: {e}")))?;
        Ok(v["count"].as_u64().unwrap_or(0) as usize)
    }

    pub fn clear_operations(&self) -> Result<(), BedError> {
        self.call("DELETE", "/_rosa_bed/requests", "").map(drop)
    }

    fn post(&self, path: &str, body: &str) -> Result<(), BedError> {
        self.call("POST", path, body).map(drop)
    }

    /// A plain HTTP/1.1 exchange with the bed; returns the body of a 2xx answer.
    fn call(&self, method: &str, path: &str, body: &str) -> Result<String, BedError> {
        self.call_with_timeout(method, path, body, Duration::from_secs(30))
    }

    fn call_with_timeout(
        &self,
        method: &str,
        path: &str,
        body: &str,
        timeout: Duration,
    ) -> Result<String, BedError> {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port))?;
        stream.set_read_timeout(Some(timeout))?;
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            self.port,
            body.len()
        )?;
        let mut response = String::new();
        stream.read_to_string(&mut response)?;
        let status = response.split_whitespace().nth(1).unwrap_or("");
        if !status.starts_with('2') {
            return Err(BedError::Setup(format!(
                "{method} {path} answered: {response}"
            )));
        }
        Ok(response
            .split_once("\r\n\r\n")
            .map(|(_, b)| b.to_string())
            .unwrap_or_default())
    }
}

impl Drop for AwsBed {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The operations of a request log that change something: REST calls other than GET/HEAD,
/// and query/JSON actions other than Get*/List*/Describe*. (A Lambda invocation is a POST:
/// it counts.)
pub fn mutating(ops: &[String]) -> Vec<String> {
    ops.iter()
        .filter(|op| {
            let rest = op.split_once(':').map_or(op.as_str(), |(_, r)| r);
            if let Some((method, _)) = rest.split_once(' ') {
                !matches!(method, "GET" | "HEAD")
            } else {
                !["Get", "List", "Describe"]
                    .iter()
                    .any(|p| rest.starts_with(p))
            }
        })
        .cloned()
        .collect()
}
