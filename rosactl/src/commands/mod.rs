//! One module per command: each turns parsed arguments into a call and renders the result.

pub mod completion;
pub mod export;
pub mod version;

use crate::cli::{Cli, Command};
use crate::output::Output;

/// Runs the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    let out = Output::new(cli.global.output, cli.global.debug);
    match cli.command {
        Command::Version => version::run(&out),
        Command::ExportLambdas(args) => export::run(&out, &args),
        Command::Completion(args) => completion::run(&args),
    }
}
