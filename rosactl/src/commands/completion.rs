use crate::cli::{CompletionArgs, command};

pub fn run(args: &CompletionArgs) -> anyhow::Result<()> {
    let mut cmd = command();
    clap_complete::generate(args.shell, &mut cmd, "rosactl", &mut std::io::stdout());
    Ok(())
}
