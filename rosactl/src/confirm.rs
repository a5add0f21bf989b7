//! Confirmation before changing an account: a prompt on a terminal, `--yes` elsewhere.

use std::io::{BufRead, Write};

use crate::exit::{Exit, Failure};
use crate::output::Output;

pub fn confirm(out: &Output, yes: bool, question: &str) -> Result<(), Failure> {
    if yes {
        return Ok(());
    }
    if !out.interactive {
        return Err(Failure::new(
            Exit::NotConfirmed,
            format!(
                "{question}: no terminal to confirm on; pass --yes (-y) to proceed without a prompt"
            ),
        ));
    }
    eprint!("{question} [y/N] ");
    let _ = std::io::stderr().flush();
    let mut answer = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut answer)
        .map_err(|e| Failure::new(Exit::Failed, e.to_string()))?;
    if matches!(answer.trim().to_ascii_lowercase().as_str(), "y" | "yes") {
        Ok(())
    } else {
        Err(Failure::new(
            Exit::NotConfirmed,
            "cancelled: nothing was changed",
        ))
    }
}
