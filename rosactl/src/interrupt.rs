//! Ctrl-C during a command: the first one lets the steps in flight finish, starts no new one,
//! and the command ends saying what was done and what is left (exit code 130); a second one
//! ends rosactl at once (also 130). Commands that change nothing simply stop.

use std::sync::atomic::{AtomicBool, Ordering};

static REQUESTED: AtomicBool = AtomicBool::new(false);

/// Whether Ctrl-C was pressed once: no new step may start.
pub fn requested() -> bool {
    REQUESTED.load(Ordering::SeqCst)
}

/// Listens for Ctrl-C (SIGINT) on the current runtime, from now on: called where a command
/// starts changing the account (before, Ctrl-C ends rosactl as usual, nothing half-done).
pub fn listen() {
    static LISTENING: AtomicBool = AtomicBool::new(false);
    if LISTENING.swap(true, Ordering::SeqCst) {
        return;
    }
    tokio::spawn(async {
        if tokio::signal::ctrl_c().await.is_err() {
            return;
        }
        REQUESTED.store(true, Ordering::SeqCst);
        eprintln!(
            "\ninterrupted: finishing the steps in flight, starting no new one (Ctrl-C again to stop at once)"
        );
        if tokio::signal::ctrl_c().await.is_ok() {
            eprintln!("interrupted again: stopping now; run the same command again to continue");
            std::process::exit(crate::exit::Exit::Interrupted.code());
        }
    });
}
