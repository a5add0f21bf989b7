//! `rosactl cluster kubeconfig` and `rosactl cluster get-token`: reaching a cluster's API
//! server the way EKS does. The kubeconfig's user runs `rosactl cluster get-token`, which
//! prints an ExecCredential whose token is `k8s-aws-v1.` + the unpadded base64url of a
//! presigned STS `GetCallerIdentity` URL (SigV4 query signing, 60 s, `x-k8s-aws-id: <cluster
//! id>` signed in). Computing it makes no HTTP call.

use std::io::Write;
use std::time::{Duration, SystemTime};

use aws_sigv4::http_request::{
    SignableBody, SignableRequest, SignatureLocation, SigningSettings, sign,
};
use aws_sigv4::sign::v4;
use base64::Engine;
use serde_json::{Value, json};

use super::cluster::cluster_and_statuses;
use crate::aws::Aws;
use crate::cli::{GetTokenArgs, KubeconfigArgs};
use crate::exit::{Exit, Failure};
use crate::output::{Format, Output};
use crate::settings::Settings;

pub const TOKEN_PREFIX: &str = "k8s-aws-v1.";
/// How long the presigned URL is valid for (the server accepts it about 15 minutes).
const PRESIGN_SECONDS: u64 = 60;
/// What the ExecCredential tells kubectl (a little under the server's 15 minutes).
const TOKEN_LIFETIME: Duration = Duration::from_secs(14 * 60);

/// STS's endpoint for `region` (or the configured endpoint, e.g. a local stand-in).
pub fn sts_endpoint(configured: Option<&str>, region: &str) -> String {
    if let Some(url) = configured {
        return url.trim_end_matches('/').to_string();
    }
    let suffix = if region.starts_with("cn-") {
        "amazonaws.com.cn"
    } else {
        "amazonaws.com"
    };
    format!("https://sts.{region}.{suffix}")
}

/// The token for `cluster_id`, signed with `credentials` at `now`.
pub fn token(
    credentials: &aws_credential_types::Credentials,
    region: &str,
    endpoint: &str,
    cluster_id: &str,
    now: SystemTime,
) -> Result<String, Failure> {
    let signing = |e: String| Failure::new(Exit::Failed, format!("signing the token failed: {e}"));
    let identity = credentials.clone().into();
    let mut settings = SigningSettings::default();
    settings.signature_location = SignatureLocation::QueryParams;
    settings.expires_in = Some(Duration::from_secs(PRESIGN_SECONDS));
    let params = v4::SigningParams::builder()
        .identity(&identity)
        .region(region)
        .name("sts")
        .time(now)
        .settings(settings)
        .build()
        .map_err(|e| signing(e.to_string()))?
        .into();
    let url = format!("{endpoint}/?Action=GetCallerIdentity&Version=2011-06-15");
    let mut request = http::Request::builder()
        .method("GET")
        .uri(&url)
        .header("x-k8s-aws-id", cluster_id)
        .body(())
        .map_err(|e| signing(e.to_string()))?;
    let signable = SignableRequest::new(
        "GET",
        url.as_str(),
        [("x-k8s-aws-id", cluster_id)].into_iter(),
        SignableBody::Bytes(&[]),
    )
    .map_err(|e| signing(e.to_string()))?;
    let (instructions, _) = sign(signable, &params)
        .map_err(|e| signing(e.to_string()))?
        .into_parts();
    instructions.apply_to_request_http1x(&mut request);
    let presigned = request.uri().to_string();
    Ok(format!(
        "{TOKEN_PREFIX}{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(presigned)
    ))
}

fn rfc3339(t: SystemTime) -> String {
    aws_smithy_types::DateTime::from(t)
        .fmt(aws_smithy_types::date_time::Format::DateTime)
        .unwrap_or_default()
}

pub async fn get_token(global: &Settings, args: &GetTokenArgs) -> anyhow::Result<()> {
    if args.cluster_id.trim().is_empty() {
        return Err(Failure::usage("--cluster-id: expected the cluster's id").into());
    }
    let (config, region, credentials) = Aws::sdk_config(global).await?;
    let endpoint = sts_endpoint(config.endpoint_url(), &region);
    let now = SystemTime::now();
    let token = token(&credentials, &region, &endpoint, &args.cluster_id, now)?;
    // kubectl reads stdout; the token is a credential, so nothing else is printed.
    let credential = json!({
        "kind": "ExecCredential",
        "apiVersion": "client.authentication.k8s.io/v1",
        "spec": {},
        "status": {"expirationTimestamp": rfc3339(now + TOKEN_LIFETIME), "token": token},
    });
    let mut stdout = std::io::stdout().lock();
    serde_json::to_writer(&mut stdout, &credential)?;
    writeln!(stdout)?;
    Ok(())
}

/// The kubeconfig for a cluster at `server`, whose user runs `program cluster get-token`.
pub fn kubeconfig(
    name: &str,
    cluster_id: &str,
    server: &str,
    program: &str,
    region: &str,
    profile: Option<&str>,
) -> Value {
    let user = format!("{name}-rosactl");
    let env: Vec<Value> = profile
        .map(|p| json!({"name": "AWS_PROFILE", "value": p}))
        .into_iter()
        .collect();
    json!({
        "apiVersion": "v1",
        "kind": "Config",
        "clusters": [{"name": name, "cluster": {"server": server}}],
        "contexts": [{"name": name, "context": {"cluster": name, "user": user}}],
        "current-context": name,
        "preferences": {},
        "users": [{"name": user, "user": {"exec": {
            "apiVersion": "client.authentication.k8s.io/v1",
            "command": program,
            "args": ["cluster", "get-token", "--cluster-id", cluster_id, "--region", region],
            "env": env,
            "interactiveMode": "Never",
            "provideClusterInfo": false,
        }}}],
    })
}

pub async fn write_kubeconfig(
    out: &Output,
    global: &Settings,
    args: &KubeconfigArgs,
) -> anyhow::Result<()> {
    let (aws, cluster, statuses) =
        cluster_and_statuses(global, "cluster kubeconfig", &args.cluster).await?;
    let status = statuses
        .status
        .clone()
        .or(cluster.status.clone())
        .unwrap_or_default();
    let Some(endpoint) = status.control_plane_endpoint.as_ref() else {
        return Err(Failure::new(
            Exit::Failed,
            format!(
                "cluster {} has no API server endpoint yet (phase {}): wait until it is Ready (`rosactl describe cluster {}`)",
                cluster.name,
                if status.phase.is_empty() { "not set yet" } else { status.phase.as_str() },
                cluster.name
            ),
        )
        .into());
    };
    let server = if endpoint.port == 443 || endpoint.port == 0 {
        format!("https://{}", endpoint.host)
    } else {
        format!("https://{}:{}", endpoint.host, endpoint.port)
    };
    let program = std::env::current_exe()
        .ok()
        .and_then(|p| p.to_str().map(String::from))
        .unwrap_or_else(|| "rosactl".into());
    let config = kubeconfig(
        &cluster.name,
        &cluster.id,
        &server,
        &program,
        &aws.region,
        global.profile.as_deref(),
    );
    let text = match out.format {
        Format::Json => serde_json::to_string_pretty(&config)? + "\n",
        _ => serde_norway::to_string(&config)?,
    };
    match &args.file {
        None => print!("{text}"),
        Some(path) => {
            write_private(path, text.as_bytes()).map_err(|e| {
                Failure::new(
                    Exit::Failed,
                    format!(
                        "--file {}: cannot write the kubeconfig: {e}",
                        path.display()
                    ),
                )
            })?;
            out.say(format!(
                "kubeconfig for {} ({server}) written to {}: KUBECONFIG={} kubectl get nodes",
                cluster.name,
                path.display(),
                path.display()
            ));
        }
    }
    Ok(())
}

/// Writes `bytes` to `path` whole, readable by its owner only (see [`crate::files`]).
fn write_private(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    crate::files::write_private(path, "kubeconfig", bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_token_is_a_presigned_sts_url_with_the_cluster_id_signed_in() {
        let creds = aws_credential_types::Credentials::new(
            "AKIDEXAMPLE",
            "secret",
            Some("session".into()),
            None,
            "test",
        );
        let t = token(
            &creds,
            "us-east-1",
            &sts_endpoint(None, "us-east-1"),
            "abc123",
            SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000),
        )
        .unwrap();
        let url = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(t.strip_prefix(TOKEN_PREFIX).unwrap())
            .unwrap();
        let url = String::from_utf8(url).unwrap();
        assert!(
            url.starts_with(
                "https://sts.us-east-1.amazonaws.com/?Action=GetCallerIdentity&Version=2011-06-15&"
            ),
            "{url}"
        );
        for part in [
            "X-Amz-Algorithm=AWS4-HMAC-SHA256",
            "X-Amz-Expires=60",
            "X-Amz-SignedHeaders=host%3Bx-k8s-aws-id",
            "X-Amz-Date=20231114T221320Z",
            "X-Amz-Security-Token=session",
            "X-Amz-Signature=",
        ] {
            assert!(url.contains(part), "{part} not in {url}");
        }
        assert_eq!(
            sts_endpoint(None, "cn-north-1"),
            "https://sts.cn-north-1.amazonaws.com.cn"
        );
    }
}
