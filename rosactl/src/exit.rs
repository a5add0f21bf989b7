//! Exit codes: a stable contract for scripts, documented in the README and the man pages.

use std::fmt;

/// Why rosactl stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 0: everything asked for was done.
    Ok = 0,
    /// 1: an operation failed (AWS, the Platform API, the local system), or a check failed.
    Failed = 1,
    /// 2: the command line or an input value is wrong; nothing was changed.
    Usage = 2,
    /// 3: an embedded Lambda package does not match its SHA-256; nothing was deployed.
    Integrity = 3,
    /// 4: confirmation is needed: no TTY to ask on and `--yes` not given, or the user said no.
    NotConfirmed = 4,
    /// 5: `status --check` found the account differs from what rosactl deploys.
    Drift = 5,
    /// 130: interrupted by Ctrl-C; the message says what was done and what is left.
    Interrupted = 130,
}

impl Exit {
    pub fn code(self) -> i32 {
        self as i32
    }

    /// The table printed in `--help` and the man page.
    pub const TABLE: &'static str = "\
Exit codes:
  0  success
  1  an operation or a check failed (AWS, Platform API, local system)
  2  usage error: a flag or input value is wrong; nothing was changed
  3  an embedded Lambda package failed its SHA-256 check; nothing was deployed
  4  confirmation needed: a command that sweeps the account or moves prod ran with no TTY
     and no --yes, or a prompt was declined (a delete of what the command line names
     proceeds off a TTY: the name is the confirmation)
  5  status --check: the account drifted from what rosactl deploys, or something is missing
  130  interrupted by Ctrl-C: the steps in flight finished, the message says what is left";
}

/// An error that carries its exit code. Anything else that reaches `main` exits with 1.
#[derive(Debug)]
pub struct Failure {
    pub exit: Exit,
    pub message: String,
}

impl Failure {
    pub fn new(exit: Exit, message: impl Into<String>) -> Self {
        Failure {
            exit,
            message: message.into(),
        }
    }

    pub fn usage(message: impl Into<String>) -> Self {
        Self::new(Exit::Usage, message)
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Failure {}

/// The exit code for any error: a [`Failure`] anywhere in the chain decides it.
pub fn exit_code_of(err: &anyhow::Error) -> Exit {
    err.chain()
        .find_map(|e| e.downcast_ref::<Failure>())
        .map_or(Exit::Failed, |f| f.exit)
}
