//! `rosa-testbed bench`: rosactl side by side with what a user would otherwise do (the AWS
//! CLI, one `aws` process per call), against the local AWS stand-in, in one run. Every figure
//! is a median of several runs, a count, or a ratio measured in the same run: the machines
//! here are noisy, so absolute times only compare within one table.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rosa_testbed::platform::INVOKER_ARN;
use rosa_testbed::{PlatformConfig, TestBed};

const FUNCTIONS: [&str; 3] = [
    "rosa-oidc-provisioner",
    "rosa-preflight-checker",
    "rosa-network-verifier",
];
const BEGIN: &str = "<!-- bench:begin (rewritten by `rosa-testbed bench --write`) -->";
const END: &str = "<!-- bench:end -->";

struct Bench {
    bed: TestBed,
    rosactl: PathBuf,
    venv_bin: PathBuf,
    work: PathBuf,
}

/// Wall time, calls the stand-in saw (all, mutating), and the process's output.
struct Measured {
    time: Duration,
    calls: usize,
    writes: usize,
    invocations: usize,
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn secs(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

impl Bench {
    fn command(&self, program: &Path) -> Command {
        let mut cmd = self.bed.command(program);
        // The seed's procedure does not register the account: neither does rosactl here.
        cmd.env_remove("ROSACTL_API_URL")
            .env(
                "PATH",
                format!(
                    "{}:{}",
                    self.venv_bin.display(),
                    std::env::var("PATH").unwrap_or_default()
                ),
            )
            .stdin(Stdio::null());
        cmd
    }

    fn measure(&self, mut cmd: Command) -> Result<Measured, String> {
        self.bed.aws.clear_operations().map_err(|e| e.to_string())?;
        let start = Instant::now();
        let out = cmd.output().map_err(|e| e.to_string())?;
        let time = start.elapsed();
        if !out.status.success() {
            let args: Vec<String> = cmd
                .get_args()
                .map(|a| a.to_string_lossy().into_owned())
                .collect();
            return Err(format!(
                "{} {} failed: {}",
                cmd.get_program().to_string_lossy(),
                args.join(" "),
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        let ops = self.bed.aws.operations().map_err(|e| e.to_string())?;
        let writes = rosa_testbed::aws::mutating(&ops);
        let invocations = writes
            .iter()
            .filter(|o| o.ends_with("/invocations"))
            .count();
        Ok(Measured {
            time,
            calls: ops.len(),
            writes: writes.len() - invocations,
            invocations,
        })
    }

    fn rosactl(&self, args: &[&str]) -> Result<Measured, String> {
        let mut cmd = self.command(&self.rosactl);
        cmd.args(args);
        self.measure(cmd)
    }

    fn bash(&self, script: &Path) -> Result<Measured, String> {
        let mut cmd = self.command(Path::new("bash"));
        cmd.arg(script);
        self.measure(cmd)
    }

    fn reset(&self) -> Result<(), String> {
        self.bed.aws.reset().map_err(|e| e.to_string())
    }

    fn setup(&self) -> Result<Measured, String> {
        self.rosactl(&["setup-account", "--yes", "--invoker-role-arn", INVOKER_ARN])
    }
}

const LATENCY_BEGIN: &str =
    "<!-- bench:latency:begin (rewritten by `rosa-testbed bench --latency-ms A,B --write`) -->";
const LATENCY_END: &str = "<!-- bench:latency:end -->";

/// One command of the latency table, measured at one added latency.
struct AtLatency {
    calls: u64,
    time: Duration,
    /// Calls that waited on each other ([`rosa_testbed::faults::FaultProxy::chain`]).
    chain: Vec<String>,
}

/// `rosa-testbed bench --latency-ms A,B`: each command run with A, then B milliseconds
/// added to every AWS call (the fault proxy in front of the stand-in), as on an account whose
/// API answers slower than loopback. Printed per command: the calls it made, its wall time at
/// both latencies, and the chain of dependent calls, (wall at B - wall at A) / (B - A): how
/// many round trips waited on each other.
pub async fn latency(
    rosactl_arg: &str,
    (low, high): (u64, u64),
    runs: usize,
    write: Option<&str>,
) -> Result<(), String> {
    if high <= low {
        return Err(format!(
            "--latency-ms: expected two latencies A,B with A < B, got {low},{high}"
        ));
    }
    let rosactl =
        std::fs::canonicalize(rosactl_arg).map_err(|e| format!("--rosactl {rosactl_arg}: {e}"))?;
    let bed =
        TestBed::try_start_with(PlatformConfig::default(), true).map_err(|e| e.to_string())?;
    let proxy = rosa_testbed::faults::FaultProxy::start(
        &bed.aws.endpoint,
        rosa_testbed::faults::Upstream::Aws,
    )
    .map_err(|e| format!("fault proxy: {e}"))?;
    let work = std::env::temp_dir().join(format!("rosa-bench-latency-{}", std::process::id()));
    std::fs::create_dir_all(&work).map_err(|e| e.to_string())?;
    let export = work.join("packages");
    let config = bed.sdk_config().await;
    let lambda = aws_sdk_lambda::Client::new(&config);
    let run = |args: &[&str]| -> Result<AtLatency, String> {
        let mut cmd = bed.command_via(&rosactl, &proxy, None);
        cmd.env_remove("ROSACTL_API_URL")
            .stdin(Stdio::null())
            .args(args);
        proxy.reset_counts();
        let start = Instant::now();
        let out = cmd.output().map_err(|e| e.to_string())?;
        let time = start.elapsed();
        if !out.status.success() {
            return Err(format!(
                "rosactl {} failed: {}",
                args.join(" "),
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        Ok(AtLatency {
            calls: proxy.requests(),
            time,
            chain: proxy.chain(),
        })
    };
    let setup = ["setup-account", "--yes", "--invoker-role-arn", INVOKER_ARN];
    let labels = [
        "fresh setup-account",
        "setup-account, nothing to change",
        "status",
        "promote-lambdas (staging on other code; the account's first alias lock)",
        "rollback-lambdas",
        "update-lambdas (staging back to the embedded code)",
        "promote-lambdas (staging on other code)",
        "cluster-vpc create (2 zones)",
        "cluster-iam create",
    ];
    // Per command and latency, one measurement per run (the whole sequence, on a fresh bed).
    let mut table: Vec<[Vec<AtLatency>; 2]> =
        labels.iter().map(|_| [Vec::new(), Vec::new()]).collect();
    for (slot, ms) in (0..runs).flat_map(|_| [(0, low), (1, high)]) {
        bed.aws.reset().map_err(|e| e.to_string())?;
        proxy.clear();
        proxy.add(rosa_testbed::faults::Rule::always(
            "",
            rosa_testbed::faults::Fault::Latency(Duration::from_millis(ms)),
        ));
        table[0][slot].push(run(&setup)?);
        table[1][slot].push(run(&setup)?);
        table[2][slot].push(run(&["status"])?);
        if !export.exists() {
            let dir = export.to_string_lossy().to_string();
            run(&["export-lambdas", "--dir", &dir])?;
        }
        for name in FUNCTIONS {
            let zip =
                std::fs::read(export.join(format!("{name}.zip"))).map_err(|e| e.to_string())?;
            stage_code(&lambda, name, variant(&zip, &format!("latency {ms}"))).await?;
        }
        table[3][slot].push(run(&["promote-lambdas", "--yes"])?);
        table[4][slot].push(run(&["rollback-lambdas", "--yes"])?);
        table[5][slot].push(run(&["update-lambdas", "--yes"])?);
        for name in FUNCTIONS {
            let zip =
                std::fs::read(export.join(format!("{name}.zip"))).map_err(|e| e.to_string())?;
            stage_code(
                &lambda,
                name,
                variant(&zip, &format!("latency {ms}, again")),
            )
            .await?;
        }
        table[6][slot].push(run(&["promote-lambdas", "--yes"])?);
        table[7][slot].push(run(&[
            "cluster-vpc",
            "create",
            "bench-1",
            "--availability-zones",
            "us-east-1a,us-east-1b",
        ])?);
        table[8][slot].push(run(&["cluster-iam", "create", "bench-1"])?);
    }
    let _ = std::fs::remove_dir_all(&work);
    let mut report = format!(
        "| command | AWS calls | wall, +{low} ms per call | wall, +{high} ms per call | chain, counted | chain, from the walls |\n|---|---|---|---|---|---|\n"
    );
    let mut chains = String::new();
    let median = |v: &[AtLatency]| -> Option<AtLatency> {
        let mut times: Vec<Duration> = v.iter().map(|m| m.time).collect();
        times.sort();
        let mut chains: Vec<&Vec<String>> = v.iter().map(|m| &m.chain).collect();
        chains.sort_by_key(|c| c.len());
        Some(AtLatency {
            calls: v.last()?.calls,
            time: *times.get(times.len() / 2)?,
            chain: chains.get(chains.len() / 2)?.to_vec(),
        })
    };
    for (label, [a, b]) in labels.iter().zip(&table) {
        let (Some(a), Some(b)) = (median(a), median(b)) else {
            continue;
        };
        let chain = (b.time.as_secs_f64() - a.time.as_secs_f64()) / ((high - low) as f64 / 1000.0);
        let calls = if a.calls == b.calls {
            a.calls.to_string()
        } else {
            format!("{} / {}", a.calls, b.calls)
        };
        report.push_str(&format!(
            "| {label} | {calls} | {} | {} | {} | {chain:.1} |\n",
            secs(a.time),
            secs(b.time),
            b.chain.len()
        ));
        chains.push_str(&format!("- {label}: {}\n", b.chain.join(" → ")));
    }
    let report = format!(
        "Measured by `rosa-testbed bench --rosactl {rosactl_arg} --latency-ms {low},{high} --runs {runs}`: every AWS call delayed by the fault proxy in front of the stand-in; walls are medians of {runs} runs, each on a fresh stand-in. Chain, counted: at +{high} ms, the longest sequence of calls each sent after the one before it was answered (calls sent at once count once; median of the runs). Chain, from the walls: (wall at +{high} ms - wall at +{low} ms) / {} ms, which also counts the stand-in's own time and so varies by a few calls from run to run.\n\n{report}\nThe counted chains, call by call:\n\n{chains}",
        high - low
    );
    println!("{report}");
    if let Some(file) = write {
        let text = std::fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))?;
        let (Some(a), Some(b)) = (text.find(LATENCY_BEGIN), text.find(LATENCY_END)) else {
            return Err(format!(
                "{file}: no {LATENCY_BEGIN} ... {LATENCY_END} markers"
            ));
        };
        let new = format!("{}{LATENCY_BEGIN}\n{report}{}", &text[..a], &text[b..]);
        std::fs::write(file, new).map_err(|e| format!("{file}: {e}"))?;
    }
    Ok(())
}

/// The uncompressed size of every entry of a zip (from its central directory).
fn unzipped_size(zip: &[u8]) -> Option<u64> {
    let eocd = (0..zip.len().saturating_sub(21))
        .rev()
        .find(|&i| zip[i..].starts_with(&[0x50, 0x4b, 0x05, 0x06]))?;
    let u16_at = |i: usize| u16::from_le_bytes([zip[i], zip[i + 1]]) as usize;
    let u32_at = |i: usize| u32::from_le_bytes([zip[i], zip[i + 1], zip[i + 2], zip[i + 3]]);
    let entries = u16_at(eocd + 10);
    let mut at = u32_at(eocd + 16) as usize;
    let mut total = 0u64;
    for _ in 0..entries {
        if !zip.get(at..)?.starts_with(&[0x50, 0x4b, 0x01, 0x02]) {
            return None;
        }
        total += u64::from(u32_at(at + 24));
        at += 46 + u16_at(at + 28) + u16_at(at + 30) + u16_at(at + 32);
    }
    Some(total)
}

/// The same package with a zip comment: other bytes, so another CodeSha256, same code.
fn variant(zip: &[u8], tag: &str) -> Vec<u8> {
    let mut out = zip.to_vec();
    let n = out.len();
    let comment = tag.as_bytes();
    out[n - 2..].copy_from_slice(&(comment.len() as u16).to_le_bytes());
    out.extend_from_slice(comment);
    out
}

/// Puts `code` on `name`'s $LATEST, publishes it and points `staging` at that version.
async fn stage_code(
    lambda: &aws_sdk_lambda::Client,
    name: &str,
    code: Vec<u8>,
) -> Result<(), String> {
    lambda
        .update_function_code()
        .function_name(name)
        .zip_file(aws_sdk_lambda::primitives::Blob::new(code))
        .send()
        .await
        .map_err(|e| format!("{e:?}"))?;
    let v = lambda
        .publish_version()
        .function_name(name)
        .send()
        .await
        .map_err(|e| format!("{e:?}"))?
        .version
        .unwrap_or_default();
    lambda
        .update_alias()
        .function_name(name)
        .name("staging")
        .function_version(v)
        .send()
        .await
        .map_err(|e| format!("{e:?}"))
        .map(drop)
}

pub async fn run(rosactl_arg: &str, runs: usize, write: Option<&str>) -> Result<(), String> {
    let rosactl =
        std::fs::canonicalize(rosactl_arg).map_err(|e| format!("--rosactl {rosactl_arg}: {e}"))?;
    let venv_bin = rosa_testbed::aws::venv_dir().join("bin");
    if !venv_bin.join("aws").exists() {
        return Err("the bed's venv has no AWS CLI: run `rosa-testbed setup` first".into());
    }
    let work = std::env::temp_dir().join(format!("rosa-bench-{}", std::process::id()));
    std::fs::create_dir_all(&work).map_err(|e| e.to_string())?;
    let bed =
        TestBed::try_start_with(PlatformConfig::default(), false).map_err(|e| e.to_string())?;
    let b = Bench {
        bed,
        rosactl,
        venv_bin,
        work: work.clone(),
    };
    let mut rows: Vec<[String; 4]> = Vec::new();
    let mut notes: Vec<String> = Vec::new();

    // 1. Fresh setup: rosactl vs the AWS CLI procedure (the same plan, one `aws` per call).
    let (mut ours, mut theirs) = (Vec::new(), Vec::new());
    let (mut our_calls, mut their_calls, mut their_processes) = (0, 0, 0);
    for i in 0..runs {
        b.reset()?;
        let m = b.setup()?;
        our_calls = m.calls;
        ours.push(m.time);
        b.reset()?;
        let dir = work.join(format!("cli-{i}"));
        let dir_s = dir.to_string_lossy().to_string();
        b.rosactl(&[
            "setup-account",
            "--mode",
            "manual",
            "--out",
            &dir_s,
            "--invoker-role-arn",
            INVOKER_ARN,
        ])?;
        let script = dir.join("setup.sh");
        let text = std::fs::read_to_string(&script).map_err(|e| e.to_string())?;
        their_processes = text
            .lines()
            .filter(|l| l.contains("aws ") && !l.starts_with('#') && !l.starts_with("aws()"))
            .count();
        let m = b.bash(&script)?;
        their_calls = m.calls;
        theirs.push(m.time);
    }
    let (o, t) = (median(ours.clone()), median(theirs.clone()));
    rows.push([
        "fresh setup-account".into(),
        format!("{} ({our_calls} calls)", secs(o)),
        format!(
            "{} ({their_calls} calls, ~{their_processes} aws processes)",
            secs(t)
        ),
        format!("{:.1}x", t.as_secs_f64() / o.as_secs_f64()),
    ]);

    // 2. Re-run with nothing to change.
    b.reset()?;
    b.setup()?;
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..runs {
        let m = b.rosactl(&["setup-account", "--yes", "--invoker-role-arn", INVOKER_ARN])?;
        times.push(m.time);
        last = Some(m);
    }
    let m = last.ok_or("no run")?;
    rows.push([
        "setup-account, nothing to change".into(),
        format!(
            "{} ({} reads, {} writes, {} validation invokes)",
            secs(median(times)),
            m.calls - m.writes - m.invocations,
            m.writes,
            m.invocations
        ),
        "-".into(),
        "-".into(),
    ]);
    let mut times = Vec::new();
    let mut calls = 0;
    for _ in 0..runs {
        let m = b.rosactl(&["status"])?;
        calls = m.calls;
        times.push(m.time);
    }
    rows.push([
        "status (read-only)".into(),
        format!("{} ({calls} reads)", secs(median(times))),
        "-".into(),
        "-".into(),
    ]);

    // 3. promote-lambdas and rollback-lambdas, after staging moved to another version.
    let export = work.join("packages");
    let export_s = export.to_string_lossy().to_string();
    b.rosactl(&["export-lambdas", "--dir", &export_s])?;
    let config = b.bed.sdk_config().await;
    let lambda = aws_sdk_lambda::Client::new(&config);
    let (mut promote_t, mut rollback_t) = (Vec::new(), Vec::new());
    let (mut promote_calls, mut rollback_calls) = (0, 0);
    let (mut cli_promote_t, mut cli_rollback_t) = (Vec::new(), Vec::new());
    for i in 0..runs {
        b.reset()?;
        b.setup()?;
        for name in FUNCTIONS {
            let zip =
                std::fs::read(export.join(format!("{name}.zip"))).map_err(|e| e.to_string())?;
            stage_code(&lambda, name, variant(&zip, &format!("bench {i}"))).await?;
        }
        let m = b.rosactl(&["promote-lambdas", "--yes"])?;
        promote_calls = m.calls;
        promote_t.push(m.time);
        let m = b.rosactl(&["rollback-lambdas", "--yes"])?;
        rollback_calls = m.calls;
        rollback_t.push(m.time);
        // The AWS CLI way: read staging, check it answers, move prod; then move it back.
        let script = work.join(format!("promote-{i}.sh"));
        let mut text = String::from("set -euo pipefail\n");
        for name in FUNCTIONS {
            text.push_str(&format!(
                "v=$(aws lambda get-alias --function-name {name} --name staging --query FunctionVersion --output text)\n\
                 aws lambda invoke --function-name {name}:staging --payload '{{}}' /dev/null > /dev/null\n\
                 aws lambda update-alias --function-name {name} --name prod --function-version \"$v\" > /dev/null\n"
            ));
        }
        std::fs::write(&script, text).map_err(|e| e.to_string())?;
        cli_promote_t.push(b.bash(&script)?.time);
        let script = work.join(format!("rollback-{i}.sh"));
        let mut text = String::from("set -euo pipefail\n");
        for name in FUNCTIONS {
            text.push_str(&format!(
                "aws lambda update-alias --function-name {name} --name prod --function-version 1 > /dev/null\n"
            ));
        }
        std::fs::write(&script, text).map_err(|e| e.to_string())?;
        cli_rollback_t.push(b.bash(&script)?.time);
    }
    let (o, t) = (median(promote_t), median(cli_promote_t));
    rows.push([
        "promote-lambdas (3 functions)".into(),
        format!("{} ({promote_calls} calls)", secs(o)),
        format!("{} (9 aws processes)", secs(t)),
        format!("{:.1}x", t.as_secs_f64() / o.as_secs_f64()),
    ]);
    let (o, t) = (median(rollback_t), median(cli_rollback_t));
    rows.push([
        "rollback-lambdas (3 functions)".into(),
        format!("{} ({rollback_calls} calls)", secs(o)),
        format!("{} (3 aws processes, version known)", secs(t)),
        format!("{:.1}x", t.as_secs_f64() / o.as_secs_f64()),
    ]);
    notes.push(
        "promote/rollback: rosactl also checks staging before moving, validates prod after, reads and records the alias history (so rollback works from any machine); the CLI scripts do the bare minimum".into(),
    );

    // 3b. update-lambdas with one changed package: staging and $LATEST of one function run
    // another build (as after an older rosactl), update-lambdas delivers the embedded one.
    let (mut update_t, mut cli_update_t) = (Vec::new(), Vec::new());
    let mut update_calls = 0;
    let name = FUNCTIONS[2];
    let zip = std::fs::read(export.join(format!("{name}.zip"))).map_err(|e| e.to_string())?;
    let older = |i: usize| variant(&zip, &format!("older {i}"));
    let stage_older = |i: usize| stage_code(&lambda, name, older(i));
    for i in 0..runs {
        b.reset()?;
        b.setup()?;
        stage_older(i).await?;
        let m = b.rosactl(&["update-lambdas", "--yes"])?;
        update_calls = m.calls;
        update_t.push(m.time);
        // The AWS CLI way, for the one function: new code, wait, publish, move staging.
        b.reset()?;
        b.setup()?;
        stage_older(i).await?;
        let script = work.join(format!("update-{i}.sh"));
        let pkg = export.join(format!("{name}.zip"));
        std::fs::write(
            &script,
            format!(
                "set -euo pipefail
                 aws lambda update-function-code --function-name {name} --zip-file fileb://{} > /dev/null
                 aws lambda wait function-updated-v2 --function-name {name}
                 v=$(aws lambda publish-version --function-name {name} --query Version --output text)
                 aws lambda update-alias --function-name {name} --name staging --function-version \"$v\" > /dev/null
",
                pkg.display()
            ),
        )
        .map_err(|e| e.to_string())?;
        cli_update_t.push(b.bash(&script)?.time);
    }
    let (o, t) = (median(update_t), median(cli_update_t));
    rows.push([
        "update-lambdas, one changed package".into(),
        format!("{} ({update_calls} calls)", secs(o)),
        format!("{} (4 aws processes)", secs(t)),
        format!("{:.1}x", t.as_secs_f64() / o.as_secs_f64()),
    ]);

    // 5. Start-up and size.
    let mut start = Vec::new();
    for _ in 0..(runs * 4) {
        let mut cmd = b.command(&b.rosactl);
        cmd.arg("--version");
        let t0 = Instant::now();
        cmd.output().map_err(|e| e.to_string())?;
        start.push(t0.elapsed());
    }
    let mut aws_start = Vec::new();
    for _ in 0..runs {
        let mut cmd = b.command(&b.venv_bin.join("aws"));
        cmd.arg("--version");
        let t0 = Instant::now();
        cmd.output().map_err(|e| e.to_string())?;
        aws_start.push(t0.elapsed());
    }
    let (o, t) = (median(start), median(aws_start));
    let size = std::fs::metadata(&b.rosactl).map(|m| m.len()).unwrap_or(0);
    rows.push([
        "CLI start-up (--version)".into(),
        format!("{} (binary {:.1} MB)", ms(o), size as f64 / 1e6),
        ms(t),
        format!("{:.0}x", t.as_secs_f64() / o.as_secs_f64()),
    ]);

    // 4. The packages: sizes, and through the bed's executor (a new process per
    // invocation: every one is a cold start) init time, handler time and peak RSS.
    let mut packages = Vec::new();
    for name in FUNCTIONS {
        let zip = std::fs::read(export.join(format!("{name}.zip"))).map_err(|e| e.to_string())?;
        let (mut init, mut handler, mut rss) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..(runs * 2) {
            let out = lambda
                .invoke()
                .function_name(format!("{name}:prod"))
                .payload(aws_sdk_lambda::primitives::Blob::new("{}"))
                .log_type(aws_sdk_lambda::types::LogType::Tail)
                .send()
                .await
                .map_err(|e| format!("{e:?}"))?;
            let tail = out
                .log_result
                .and_then(|t| {
                    base64::Engine::decode(&base64::engine::general_purpose::STANDARD, t).ok()
                })
                .map(|b| String::from_utf8_lossy(&b).into_owned())
                .unwrap_or_default();
            let field = |label: &str| {
                tail.split(label)
                    .nth(1)
                    .and_then(|rest| rest.split(' ').next())
                    .and_then(|v| v.parse::<f64>().ok())
            };
            let ms_of = |v: f64| Duration::from_secs_f64(v / 1000.0);
            init.extend(field("Init Duration: ").map(ms_of));
            handler.extend(field("\tDuration: ").map(ms_of));
            rss.extend(field("Max Memory Used: ").map(|mb| Duration::from_secs_f64(mb)));
        }
        let or_dash = |v: Vec<Duration>, f: &dyn Fn(Duration) -> String| {
            if v.is_empty() {
                "-".to_string()
            } else {
                f(median(v))
            }
        };
        packages.push(format!(
            "| {name} | {:.2} MB | {:.2} MB | {} | {} | {} |",
            zip.len() as f64 / 1e6,
            unzipped_size(&zip).unwrap_or(0) as f64 / 1e6,
            or_dash(init, &ms),
            or_dash(handler, &ms),
            or_dash(rss, &|d| format!("{:.1} MB", d.as_secs_f64())),
        ));
    }

    let mut table = String::from(
        "| operation | rosactl (median) | AWS CLI (median) | ratio |\n|---|---|---|---|\n",
    );
    for r in &rows {
        table.push_str(&format!("| {} | {} | {} | {} |\n", r[0], r[1], r[2], r[3]));
    }
    let mut report = format!(
        "Measured by `rosa-testbed bench --rosactl {rosactl_arg} --runs {runs}` against the local AWS stand-in (median of {runs} runs; stand-in reset between runs).\n\n{table}\n"
    );
    report.push_str("| package | zip | unzipped | init (median, cold) | handler, check payload | peak RSS |\n|---|---|---|---|---|---|\n");
    for p in &packages {
        report.push_str(p);
        report.push('\n');
    }
    report.push('\n');
    for n in &notes {
        report.push_str(&format!("- {n}\n"));
    }
    print!("{report}");
    if let Some(path) = write {
        let doc = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
        let (Some(a), Some(z)) = (doc.find(BEGIN), doc.find(END)) else {
            return Err(format!("{path}: no {BEGIN} ... {END} section to rewrite"));
        };
        let new = format!("{}{BEGIN}\n{report}{}", &doc[..a], &doc[z..]);
        std::fs::write(path, new).map_err(|e| format!("{path}: {e}"))?;
        eprintln!("rewrote the measured section of {path}");
    }
    let _ = std::fs::remove_dir_all(&b.work);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zip_sizes_and_variants() {
        // A stored (uncompressed) zip with one 3-byte entry "a.txt", built by hand.
        let mut zip = Vec::new();
        let local = [
            &[0x50, 0x4b, 0x03, 0x04][..],
            &[20, 0, 0, 0, 0, 0, 0, 0, 0, 0],
            &[0; 4],
            &3u32.to_le_bytes(),
            &3u32.to_le_bytes(),
            &5u16.to_le_bytes(),
            &0u16.to_le_bytes(),
            b"a.txt",
            b"abc",
        ]
        .concat();
        zip.extend_from_slice(&local);
        let cd_at = zip.len() as u32;
        let central = [
            &[0x50, 0x4b, 0x01, 0x02][..],
            &[20, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0],
            &[0; 4],
            &3u32.to_le_bytes(),
            &3u32.to_le_bytes(),
            &5u16.to_le_bytes(),
            &[0; 12],
            &0u32.to_le_bytes(),
            b"a.txt",
        ]
        .concat();
        zip.extend_from_slice(&central);
        let eocd = [
            &[0x50, 0x4b, 0x05, 0x06][..],
            &[0; 4],
            &1u16.to_le_bytes(),
            &1u16.to_le_bytes(),
            &(central.len() as u32).to_le_bytes(),
            &cd_at.to_le_bytes(),
            &0u16.to_le_bytes(),
        ]
        .concat();
        zip.extend_from_slice(&eocd);
        assert_eq!(unzipped_size(&zip), Some(3));
        let v = variant(&zip, "x");
        assert_ne!(v, zip);
        assert_eq!(unzipped_size(&v), Some(3));
    }
}
