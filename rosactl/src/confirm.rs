//! Confirmation before changing an account: a prompt on a terminal (dialoguer), `--yes`
//! elsewhere.

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
    let answer = dialoguer::Confirm::new()
        .with_prompt(question)
        .default(false)
        .interact_on(&dialoguer::console::Term::stderr())
        .map_err(|e| Failure::new(Exit::Failed, format!("reading the answer: {e}")))?;
    if answer {
        Ok(())
    } else {
        Err(Failure::new(
            Exit::NotConfirmed,
            "cancelled: nothing was changed",
        ))
    }
}
