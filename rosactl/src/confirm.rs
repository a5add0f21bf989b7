//! Confirmation before changing an account: a prompt on a terminal (dialoguer), `--yes`
//! elsewhere. A delete whose target is named on the command line needs no `--yes` off a
//! terminal (the name is the confirmation, as with kubectl and the AWS CLI); what sweeps the
//! account or moves `prod` does.

use crate::exit::{Exit, Failure};
use crate::output::Output;

/// A change to what the command line names: asked on a terminal unless `--yes`; off a
/// terminal it proceeds.
pub fn confirm_named(out: &Output, yes: bool, question: &str) -> Result<(), Failure> {
    if yes || !out.interactive {
        return Ok(());
    }
    ask(question)
}

/// A change to the whole account or to `prod`: asked on a terminal, needs `--yes` off one.
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
    ask(question)
}

fn ask(question: &str) -> Result<(), Failure> {
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
