//! `--no-wait` for a delete that has to wait on AWS (NAT gateways): after the checks and the
//! confirmation, the same command continues in a detached rosactl process (its own process
//! group, stdin closed, output to a log file), and the caller returns. The detached run is
//! the ordinary, resumable command: if it is stopped, running the delete again finishes.

use std::path::PathBuf;
use std::process::{Command, Stdio};

use anyhow::Context;

/// The detached process: its pid and the file its output goes to.
#[derive(Debug, serde::Serialize)]
pub struct Detached {
    pub pid: u32,
    pub log: PathBuf,
}

/// Starts this command again, without `--no-wait` and with `--yes` (the confirmation was
/// given here), detached from this process; `label` names the log file.
pub fn continue_detached(label: &str) -> anyhow::Result<Detached> {
    use std::os::unix::process::CommandExt;
    let exe = std::env::current_exe().context("finding the rosactl executable")?;
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--no-wait")
        .chain(["--yes".to_string()])
        .collect();
    let safe: String = label
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let log = std::env::temp_dir().join(format!(
        "rosactl-{safe}-{}-{}.log",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs())
    ));
    let file = std::fs::File::create(&log)
        .with_context(|| format!("creating the log file {}", log.display()))?;
    let err = file
        .try_clone()
        .with_context(|| format!("opening the log file {}", log.display()))?;
    let child = Command::new(exe)
        .args(args)
        .stdin(Stdio::null())
        .stdout(file)
        .stderr(err)
        // Its own process group: a Ctrl-C or a hang-up of the caller's group does not stop it.
        .process_group(0)
        .spawn()
        .context("starting the detached rosactl process")?;
    Ok(Detached {
        pid: child.id(),
        log,
    })
}
