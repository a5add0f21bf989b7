//! The command line, defined once: `--help`, the man pages (`man/`) and the shell
//! completions (`completions/`) are all generated from these definitions.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use clap_complete::Shell;

use crate::exit::Exit;
use crate::output::Format;

#[derive(Debug, Parser)]
#[command(
    name = "rosactl",
    version,
    about = "Set up your AWS account for the ROSA Regional Platform and manage its clusters",
    long_about = "rosactl deploys the ROSA Regional Platform's Lambda functions \
        (rosa-oidc-provisioner, rosa-preflight-checker, rosa-network-verifier) into your AWS \
        account, manages their versions, and talks to the Platform API.\n\n\
        AWS credentials come from the standard chain (environment, --profile, SSO, instance \
        roles); AWS_ENDPOINT_URL is honoured.",
    after_long_help = Exit::TABLE,
    propagate_version = true
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args, Clone)]
pub struct GlobalArgs {
    /// AWS profile to use (default: the standard credential chain).
    #[arg(long, global = true, env = "AWS_PROFILE", value_name = "NAME")]
    pub profile: Option<String>,

    /// AWS region (default: from the profile or AWS_REGION).
    #[arg(long, global = true, value_name = "REGION")]
    pub region: Option<String>,

    /// Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod).
    #[arg(long, global = true, env = "ROSACTL_API_URL", value_name = "URL")]
    pub api_url: Option<String>,

    /// Output format: results go to stdout, messages to stderr.
    #[arg(short = 'o', long = "output", global = true, value_enum, default_value_t = Format::Table, value_name = "FORMAT")]
    pub output: Format,

    /// Answer yes to confirmation prompts (required off a TTY for commands that change things).
    #[arg(short = 'y', long, global = true)]
    pub yes: bool,

    /// Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed.
    #[arg(short = 'v', long = "debug", global = true)]
    pub debug: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show rosactl's version and the embedded Lambda packages (verified against their SHA-256).
    Version,

    /// Deploy the three Lambda functions into this account and register it with the platform.
    #[command(
        name = "setup-account",
        long_about = "Deploys rosa-oidc-provisioner, rosa-preflight-checker and rosa-network-verifier \
            from the packages embedded in rosactl (SHA-256 checked first): one execution role \
            each with least privilege, a private artifact bucket, the functions with `prod` and \
            `staging` aliases, a 90-day log group each, and an invoke permission on `prod` for \
            the platform's invoker role only. Then invokes each `prod` alias to validate it and \
            registers the account. Safe to run again: it converges, resumes an interrupted run, \
            and changes nothing when all is in place."
    )]
    SetupAccount(SetupArgs),

    /// Register a customer account with the platform (platform operators only).
    #[command(name = "register-account")]
    RegisterAccount(RegisterArgs),

    /// Remove the platform's permission to invoke the functions (keeps everything else).
    #[command(name = "cleanup-access")]
    CleanupAccess(CleanupAccessArgs),

    /// Delete what setup-account created: functions, roles, the artifact bucket (logs with --delete-logs).
    #[command(name = "cleanup-account")]
    CleanupAccount(CleanupAccountArgs),

    /// Write the embedded Lambda packages and their manifest to a directory, for review.
    #[command(name = "export-lambdas")]
    ExportLambdas(ExportArgs),

    /// Print a shell completion script.
    Completion(CompletionArgs),
}

#[derive(Debug, Args)]
pub struct SetupArgs {
    /// The role allowed to invoke the functions (default: the `arn` of the Platform API's /api/v0/info).
    #[arg(long, value_name = "ARN")]
    pub invoker_role_arn: Option<String>,

    /// How long the functions' logs are kept: 90 or more, a value CloudWatch Logs accepts.
    #[arg(long, default_value_t = 90, value_name = "DAYS")]
    pub log_retention_days: i32,

    /// Print the plan and change nothing.
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct RegisterArgs {
    /// The customer's 12-digit AWS account id.
    #[arg(long, value_name = "ID")]
    pub account_id: String,

    /// Print the request and send nothing.
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct CleanupAccessArgs {
    /// Print the plan and change nothing.
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct CleanupAccountArgs {
    /// Also delete the functions' log groups (their logs are audit records: kept by default).
    #[arg(long)]
    pub delete_logs: bool,

    /// Print the plan and change nothing.
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Directory to write `<function>.zip` and `manifest.json` into (created if missing).
    #[arg(long, value_name = "DIR")]
    pub dir: PathBuf,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  rosactl completion bash > /etc/bash_completion.d/rosactl\n  rosactl completion zsh > \"${fpath[1]}/_rosactl\""
)]
pub struct CompletionArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: Shell,
}

/// The clap command, for generators.
pub fn command() -> clap::Command {
    <Cli as clap::CommandFactory>::command()
}
