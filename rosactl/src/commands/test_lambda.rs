//! `rosactl test-lambda`: run a function (its `prod` alias, or a qualifier) with a sample
//! or given event and show its answer and log tail. Read-only for the account (the OIDC
//! provisioner's sample creates nothing).

use std::io::Write;
use std::path::Path;

use aws_sdk_lambda::primitives::Blob;
use aws_sdk_lambda::types::LogType;
use base64::Engine;
use serde_json::Value;

use super::lifecycle::check_alias;
use super::logs::readable;
use crate::aws::{Aws, describe};
use crate::cli::TestLambdaArgs;
use crate::deploy::CHECK_PAYLOAD;
use crate::exit::{Exit, Failure};
use crate::output::{Format, Output};
use crate::settings::Settings;

/// A sample event for `function` and what to say about it.
fn sample(function: &str, region: &str) -> (Vec<u8>, String) {
    use rosa_lambda_api::{network, preflight};
    match rosa_lambda_packaging::function(function).map(|f| f.component) {
        Some("preflight-checker") => {
            let request = preflight::Request {
                region: region.to_string(),
                cluster_config: preflight::ClusterConfig {
                    instance_type: "m5.xlarge".into(),
                    replicas: 2,
                    availability_zones: Vec::new(),
                },
            };
            (
                serde_json::to_vec(&request).expect("a request serializes"),
                "sample: read-only quota and offering checks for 2 m5.xlarge workers".into(),
            )
        }
        Some("network-verifier") => {
            let request = network::Request {
                vpc_id: "vpc-00000000000000000".into(),
                subnet_ids: vec!["subnet-00000000000000000".into()],
                requirements: network::Requirements::default(),
            };
            (
                serde_json::to_vec(&request).expect("a request serializes"),
                "sample: read-only checks of a VPC that does not exist (vpc_exists fails); to check yours, pass --payload with {\"vpc_id\": \"vpc-...\", \"subnet_ids\": [\"subnet-...\"]}".into(),
            )
        }
        _ => (
            CHECK_PAYLOAD.as_bytes().to_vec(),
            "sample: the side-effect-free check payload, which creates nothing (the function answers with its own input validation). To create or update a real OIDC provider, pass --payload with {\"issuer_url\": \"https://...\", \"thumbprint\": [\"<40 hex digits>\"], \"cluster_id\": \"...\"}".into(),
        ),
    }
}

fn read_payload(path: &Path) -> Result<Vec<u8>, Failure> {
    let shown = path.display();
    let bytes = if path == Path::new("-") {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)
            .map_err(|e| Failure::usage(format!("--payload -: cannot read stdin: {e}")))?;
        buf
    } else {
        std::fs::read(path)
            .map_err(|e| Failure::usage(format!("--payload {shown}: cannot read it: {e}")))?
    };
    serde_json::from_slice::<Value>(&bytes).map_err(|e| {
        Failure::usage(format!(
            "--payload {shown}: expected a JSON event (the request the platform would send), but it is not JSON: {e}"
        ))
    })?;
    Ok(bytes)
}

/// `--alias`: an alias name, or a published version number.
fn check_qualifier(value: &str) -> Result<(), Failure> {
    if !value.is_empty() && value.len() <= 10 && value.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(());
    }
    check_alias("--alias", value)
}

pub async fn run(out: &Output, global: &Settings, args: &TestLambdaArgs) -> anyhow::Result<()> {
    check_qualifier(&args.alias)?;
    let from_user = args.payload.as_deref().map(read_payload).transpose()?;
    let aws = Aws::load(global).await?;
    let name = args.name;
    let (event, about) = match from_user {
        Some(bytes) => (bytes, None),
        None => {
            let (bytes, about) = sample(name, &aws.region);
            (bytes, Some(about))
        }
    };
    let account = crate::deploy::account_of(&aws, global).await?;
    let qualified = format!("{}:{}", account.aws_name(name), args.alias);
    let answer = aws
        .lambda
        .invoke()
        // Qualified in the name (not the Qualifier parameter): one form every Lambda
        // implementation routes through the alias.
        .function_name(&qualified)
        .payload(Blob::new(event.clone()))
        .log_type(LogType::Tail)
        .send()
        .await
        .map_err(|e| {
            let not_found = e
                .as_service_error()
                .is_some_and(|e| e.is_resource_not_found_exception());
            let hint = if not_found {
                "; run `rosactl setup-account` (it creates the functions and their prod and staging aliases), or check --alias"
            } else {
                ""
            };
            Failure::new(
                Exit::Failed,
                format!("invoking {qualified} failed: {}{hint}", describe(&e)),
            )
        })?;
    let body = answer.payload.map(|p| p.into_inner()).unwrap_or_default();
    let tail = answer
        .log_result
        .as_deref()
        .and_then(|b| base64::engine::general_purpose::STANDARD.decode(b).ok())
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default();
    let version = answer.executed_version.unwrap_or_default();
    let check_answer = about.is_some()
        && event == CHECK_PAYLOAD.as_bytes()
        && serde_json::from_slice::<rosa_lambda_api::ErrorBody>(&body)
            .is_ok_and(|a| a.is_check_answer());

    let parsed = serde_json::from_slice::<Value>(&body).ok();
    match out.format {
        // The answer exactly as the function gave it; everything else on stderr. (CSV is
        // refused before any command but audit runs.)
        Format::Json | Format::Csv => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(&body)?;
            writeln!(stdout)?;
        }
        Format::Yaml => match &parsed {
            Some(v) => out.document(v)?,
            None => println!("{}", String::from_utf8_lossy(&body)),
        },
        Format::Table => {
            println!("{qualified} (version {version}) answered:");
            match &parsed {
                Some(v) => println!("{}", serde_json::to_string_pretty(v)?),
                None => println!("{}", String::from_utf8_lossy(&body)),
            }
        }
    }
    if let Some(about) = &about {
        out.say(about);
    }
    if !tail.is_empty() {
        out.say(format!("log tail of {qualified} (version {version}):"));
        for line in tail.lines() {
            out.say(format!("  {}", readable(None, line)));
        }
    }
    match answer.function_error {
        None => Ok(()),
        Some(_) if check_answer => {
            out.say(format!(
                "{qualified} answered the check payload with its own input validation: the code behind it runs"
            ));
            Ok(())
        }
        Some(kind) => {
            let detail = serde_json::from_slice::<rosa_lambda_api::ErrorBody>(&body)
                .map(|e| format!("{}: {}", e.error_type, e.error_message))
                .unwrap_or_else(|_| String::from_utf8_lossy(&body).chars().take(300).collect());
            Err(Failure::new(
                Exit::Failed,
                format!("{qualified} answered with a function error ({kind}): {detail}"),
            )
            .into())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_oidc_sample_creates_nothing() {
        let (event, about) = sample("oidc-provisioner", "us-east-1");
        assert_eq!(event, CHECK_PAYLOAD.as_bytes());
        assert!(about.contains("--payload"));
        let (event, _) = sample("rosa-preflight-checker", "eu-west-1");
        let v: Value = serde_json::from_slice(&event).unwrap();
        assert_eq!(v["region"], "eu-west-1");
    }
}
