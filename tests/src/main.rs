//! `rosa-testbed`: runs the local test bed outside of `cargo test`, for the README journey.
//!
//! ```text
//! rosa-testbed setup                       create the Python venv of the AWS stand-in
//! rosa-testbed up [--env-file PATH] [--managed-policies]
//!                                          start both stand-ins (with moto's AWS-managed IAM
//!                                          policies, the ROSA ones among them, when asked);
//!                                          print (and write) the environment rosactl needs;
//!                                          run until killed
//! rosa-testbed network [--prefix 10.0]    build a VPC with public and private subnets in two
//!                                          zones (NAT, internet gateway, S3 endpoint) in the
//!                                          AWS stand-in at $AWS_ENDPOINT_URL; print its ids
//! rosa-testbed measure --dir DIR [--runs N]
//!                                          cold-start figures of the packages exported by
//!                                          `rosactl export-lambdas --dir DIR`: zip size and
//!                                          init time (exec to first Runtime API poll)
//! rosa-testbed invoke --zip PATH --payload JSON [--function-name NAME]
//!                                          create (or update) a function from a zip in the
//!                                          AWS stand-in at $AWS_ENDPOINT_URL and invoke it
//! rosa-testbed bench --rosactl PATH [--runs N] [--latency-ms A,B] [--write docs/benchmarks.md]
//!                                          rosactl side by side with the AWS CLI (docs/benchmarks.md)
//! rosa-testbed set-memory --function-name NAME --memory-size MB
//!                                          change a function's memory behind rosactl's back
//!                                          (drift for `rosactl status --check` to find)
//! ```

use std::process::ExitCode;

mod bench;

use aws_sdk_lambda::primitives::Blob;
use aws_sdk_lambda::types::{FunctionCode, LogType, Runtime};
use base64::Engine;
use rosa_testbed::{PlatformConfig, TestBed};

fn usage() -> ExitCode {
    eprintln!(
        "usage:\n  rosa-testbed setup\n  rosa-testbed up [--env-file PATH] [--managed-policies]\n  rosa-testbed network [--prefix 10.0]\n  rosa-testbed invoke --zip PATH --payload JSON [--function-name NAME]\n  rosa-testbed set-memory --function-name NAME --memory-size MB\n  rosa-testbed bench --rosactl PATH [--runs N] [--latency-ms A,B] [--write FILE]"
    );
    ExitCode::from(2)
}

fn flag(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("setup") => rosa_testbed::aws::ensure_venv()
            .map(|python| eprintln!("test bed venv ready: {}", python.display()))
            .map_err(|e| e.to_string()),
        Some("up") => up(
            flag(&args, "--env-file"),
            args.iter().any(|a| a == "--managed-policies"),
        ),
        Some("network") => {
            let prefix = flag(&args, "--prefix").unwrap_or_else(|| "10.0".into());
            tokio::runtime::Runtime::new()
                .map_err(|e| e.to_string())
                .and_then(|rt| rt.block_on(network(&prefix)))
        }
        Some("measure") => {
            let Some(dir) = flag(&args, "--dir") else {
                return usage();
            };
            let runs = flag(&args, "--runs")
                .and_then(|r| r.parse().ok())
                .unwrap_or(10);
            tokio::runtime::Runtime::new()
                .map_err(|e| e.to_string())
                .and_then(|rt| rt.block_on(measure(&dir, runs)))
        }
        Some("invoke") => {
            let (Some(zip), Some(payload)) = (flag(&args, "--zip"), flag(&args, "--payload"))
            else {
                return usage();
            };
            let name =
                flag(&args, "--function-name").unwrap_or_else(|| "rosa-testbed-function".into());
            tokio::runtime::Runtime::new()
                .map_err(|e| e.to_string())
                .and_then(|rt| rt.block_on(invoke(&zip, &payload, &name)))
        }
        Some("bench") => {
            let Some(rosactl) = flag(&args, "--rosactl") else {
                return usage();
            };
            let runs = flag(&args, "--runs")
                .and_then(|r| r.parse().ok())
                .unwrap_or(5usize)
                .max(1);
            let write = flag(&args, "--write");
            if let Some(l) = flag(&args, "--latency-ms") {
                let pair = l
                    .split_once(',')
                    .and_then(|(a, b)| Some((a.trim().parse().ok()?, b.trim().parse().ok()?)));
                let Some(pair) = pair else {
                    eprintln!(
                        "--latency-ms: expected two latencies in milliseconds, A,B (such as 50,200), got {l:?}"
                    );
                    return std::process::ExitCode::from(2);
                };
                tokio::runtime::Runtime::new()
                    .map_err(|e| e.to_string())
                    .and_then(|rt| {
                        rt.block_on(bench::latency(&rosactl, pair, runs, write.as_deref()))
                    })
            } else {
                tokio::runtime::Runtime::new()
                    .map_err(|e| e.to_string())
                    .and_then(|rt| rt.block_on(bench::run(&rosactl, runs, write.as_deref())))
            }
        }
        Some("set-memory") => {
            let (Some(name), Some(mb)) = (
                flag(&args, "--function-name"),
                flag(&args, "--memory-size").and_then(|m| m.parse::<i32>().ok()),
            ) else {
                return usage();
            };
            tokio::runtime::Runtime::new()
                .map_err(|e| e.to_string())
                .and_then(|rt| rt.block_on(set_memory(&name, mb)))
        }
        _ => return usage(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("rosa-testbed: {e}");
            ExitCode::FAILURE
        }
    }
}

fn up(env_file: Option<String>, managed_policies: bool) -> Result<(), String> {
    let bed = TestBed::try_start_with(PlatformConfig::default(), managed_policies)
        .map_err(|e| e.to_string())?;
    let mut exports = String::new();
    for k in rosa_testbed::ENV_REMOVE {
        exports.push_str(&format!("unset {k}\n"));
    }
    for (k, v) in bed.env() {
        exports.push_str(&format!("export {k}='{v}'\n"));
    }
    if let Some(path) = env_file {
        std::fs::write(&path, &exports).map_err(|e| format!("{path}: {e}"))?;
    }
    print!("{exports}");
    eprintln!(
        "test bed ready: AWS stand-in {} (account {}), Platform API {}; stop it with Ctrl-C or `kill {}`",
        bed.aws.endpoint,
        rosa_testbed::aws::ACCOUNT_ID,
        bed.platform.base_url,
        std::process::id()
    );
    loop {
        std::thread::park();
    }
}

async fn network(prefix: &str) -> Result<(), String> {
    let endpoint = std::env::var("AWS_ENDPOINT_URL").map_err(|_| {
        "AWS_ENDPOINT_URL is not set: source the env file `rosa-testbed up` wrote".to_string()
    })?;
    let config = rosa_testbed::sdk_config(&endpoint).await;
    let net = rosa_testbed::topology::build(&aws_sdk_ec2::Client::new(&config), prefix, true, true)
        .await?;
    println!("VPC_ID={}", net.vpc);
    println!("PRIVATE_SUBNET_IDS={}", net.private.join(","));
    println!("PUBLIC_SUBNET_IDS={}", net.public.join(","));
    Ok(())
}

/// Deploys each exported package into a fresh AWS stand-in and invokes it `runs` times with
/// `{}` (the functions' own input validation: no AWS call); every invocation in the bed is a
/// cold start, and its REPORT line carries the measured init time.
async fn measure(dir: &str, runs: usize) -> Result<(), String> {
    let bed = rosa_testbed::AwsBed::start().map_err(|e| e.to_string())?;
    println!(
        "{:<24} {:>10} {:>14} {:>14} {:>14}",
        "FUNCTION", "ZIP BYTES", "INIT MIN (ms)", "INIT MEDIAN", "INIT MAX"
    );
    for name in [
        "rosa-oidc-provisioner",
        "rosa-preflight-checker",
        "rosa-network-verifier",
    ] {
        let zip = format!("{dir}/{name}.zip");
        let size = std::fs::metadata(&zip)
            .map_err(|e| format!("{zip}: {e}"))?
            .len();
        deploy(&bed.endpoint, &zip, name).await?;
        let mut inits = Vec::new();
        for _ in 0..runs {
            let (_, tail) = invoke_once(&bed.endpoint, name, "{}").await?;
            let init = tail
                .split("Init Duration: ")
                .nth(1)
                .and_then(|rest| rest.split(' ').next())
                .and_then(|ms| ms.parse::<f64>().ok())
                .ok_or_else(|| format!("no Init Duration in the log tail of {name}"))?;
            inits.push(init);
        }
        inits.sort_by(|a, b| a.total_cmp(b));
        println!(
            "{name:<24} {size:>10} {:>14.2} {:>14.2} {:>14.2}",
            inits[0],
            inits[inits.len() / 2],
            inits[inits.len() - 1]
        );
    }
    Ok(())
}

async fn invoke(zip_path: &str, payload: &str, name: &str) -> Result<(), String> {
    let endpoint = std::env::var("AWS_ENDPOINT_URL").map_err(|_| {
        "AWS_ENDPOINT_URL is not set: source the env file `rosa-testbed up` wrote".to_string()
    })?;
    deploy(&endpoint, zip_path, name).await?;
    let (report, _) = invoke_once(&endpoint, name, payload).await?;
    println!(
        "{}",
        serde_json::to_string_pretty(&report).unwrap_or_default()
    );
    Ok(())
}

async fn set_memory(name: &str, mb: i32) -> Result<(), String> {
    let endpoint = std::env::var("AWS_ENDPOINT_URL").map_err(|_| {
        "AWS_ENDPOINT_URL is not set: source the env file `rosa-testbed up` wrote".to_string()
    })?;
    let config = rosa_testbed::sdk_config(&endpoint).await;
    aws_sdk_lambda::Client::new(&config)
        .update_function_configuration()
        .function_name(name)
        .memory_size(mb)
        .send()
        .await
        .map_err(|e| format!("{}", aws_sdk_lambda::error::DisplayErrorContext(e)))?;
    eprintln!("{name}: memory set to {mb} MB");
    Ok(())
}

/// Creates the function from a zip in the AWS stand-in at `endpoint`, or updates its code.
async fn deploy(endpoint: &str, zip_path: &str, name: &str) -> Result<(), String> {
    let zip = std::fs::read(zip_path).map_err(|e| format!("{zip_path}: {e}"))?;
    let config = rosa_testbed::sdk_config(&endpoint).await;
    let iam = aws_sdk_iam::Client::new(&config);
    let lambda = aws_sdk_lambda::Client::new(&config);

    let role_name = "rosa-testbed-invoke";
    let role_arn = match iam.get_role().role_name(role_name).send().await {
        Ok(r) => r.role.map(|r| r.arn).unwrap_or_default(),
        Err(_) => iam
            .create_role()
            .role_name(role_name)
            .assume_role_policy_document(
                r#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#,
            )
            .send()
            .await
            .map_err(|e| format!("create role: {}", aws_sdk_iam::error::DisplayErrorContext(e)))?
            .role
            .map(|r| r.arn)
            .unwrap_or_default(),
    };
    if lambda
        .get_function()
        .function_name(name)
        .send()
        .await
        .is_ok()
    {
        lambda
            .update_function_code()
            .function_name(name)
            .zip_file(Blob::new(zip))
            .send()
            .await
            .map_err(|e| {
                format!(
                    "update function: {}",
                    aws_sdk_lambda::error::DisplayErrorContext(e)
                )
            })?;
    } else {
        lambda
            .create_function()
            .function_name(name)
            .runtime(Runtime::Providedal2023)
            .handler("bootstrap")
            .role(role_arn)
            .timeout(30)
            .memory_size(128)
            .code(FunctionCode::builder().zip_file(Blob::new(zip)).build())
            .send()
            .await
            .map_err(|e| {
                format!(
                    "create function: {}",
                    aws_sdk_lambda::error::DisplayErrorContext(e)
                )
            })?;
    }
    Ok(())
}

/// Invokes once; returns the report and the decoded log tail.
async fn invoke_once(
    endpoint: &str,
    name: &str,
    payload: &str,
) -> Result<(serde_json::Value, String), String> {
    let config = rosa_testbed::sdk_config(endpoint).await;
    let lambda = aws_sdk_lambda::Client::new(&config);
    let out = lambda
        .invoke()
        .function_name(name)
        .log_type(LogType::Tail)
        .payload(Blob::new(payload.as_bytes().to_vec()))
        .send()
        .await
        .map_err(|e| format!("invoke: {}", aws_sdk_lambda::error::DisplayErrorContext(e)))?;
    let body = out.payload.map(|p| p.into_inner()).unwrap_or_default();
    let answer: serde_json::Value =
        serde_json::from_slice(&body).unwrap_or_else(|_| String::from_utf8_lossy(&body).into());
    let tail = out
        .log_result
        .as_deref()
        .and_then(|b| base64::engine::general_purpose::STANDARD.decode(b).ok())
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default();
    let report = serde_json::json!({
        "function_name": name,
        "status_code": out.status_code,
        "function_error": out.function_error,
        "payload": answer,
    });
    Ok((report, tail))
}
