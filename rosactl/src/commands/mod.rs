//! One module per command: each turns parsed arguments into a call and renders the result.

pub mod audit;
pub mod cleanup;
pub mod cluster;
pub mod cluster_iam;
pub mod cluster_oidc;
pub mod cluster_vpc;
pub mod completion;
pub mod export;
pub mod fleet;
pub mod init;
pub mod kube;
pub mod lifecycle;
pub mod log_export;
pub mod login;
pub mod logs;
pub mod manual;
pub mod metrics;
pub mod migrate;
pub mod nodepool;
pub mod plan_view;
pub mod register;
pub mod setup;
pub mod status;
pub mod test_lambda;
pub mod version;
pub mod versions;
pub mod whoami;

use crate::cli::{
    Cli, ClusterCommand, ClusterIamCommand, ClusterOidcCommand, ClusterVpcCommand, Command,
    CreateCommand, DeleteCommand, DescribeCommand, ListCommand, NodePoolCommand,
};
use crate::output::Output;

/// Runs the parsed command line.
pub fn run(cli: Cli) -> anyhow::Result<()> {
    let out = Output::new(cli.global.output.into(), cli.global.debug);
    if out.format == crate::output::Format::Csv && !matches!(cli.command, Command::Audit(_)) {
        return Err(crate::exit::Failure::usage(
            "-o csv: only `rosactl audit` writes CSV; use -o json or -o yaml here",
        )
        .into());
    }
    // Commands that talk to nothing (or that repair the config) do not read the config.
    let local = matches!(
        cli.command,
        Command::Version | Command::ExportLambdas(_) | Command::Completion(_) | Command::Logout
    );
    let settings = if local {
        cli.global.settings()
    } else {
        crate::settings::resolve(cli.global.settings())?
    };
    let global = &settings;
    if let Some(req) = fleet_request(&cli.command)? {
        return block_on(fleet::run(&out, global, req));
    }
    match &cli.command {
        Command::Version => version::run(&out),
        Command::ExportLambdas(args) => export::run(&out, args),
        Command::Completion(args) => completion::run(args),
        Command::SetupAccount(args) => block_on(setup::run(&out, global, args)),
        Command::MigrateAccount(args) => block_on(migrate::migrate(&out, global, args)),
        Command::TestMigration(args) => block_on(migrate::test(&out, global, args)),
        Command::UpdateLambdas(args) => block_on(lifecycle::update(&out, global, args)),
        Command::PromoteLambdas(args) => block_on(lifecycle::promote(&out, global, args)),
        Command::RollbackLambdas(args) => block_on(lifecycle::rollback(&out, global, args)),
        Command::History(args) => block_on(lifecycle::history(&out, global, args)),
        Command::Cluster(ClusterCommand::Kubeconfig(args)) => {
            block_on(kube::write_kubeconfig(&out, global, args))
        }
        Command::Cluster(ClusterCommand::GetToken(args)) => block_on(kube::get_token(global, args)),
        Command::ClusterVpc(ClusterVpcCommand::Create(args)) => {
            block_on(cluster_vpc::create(&out, global, args))
        }
        Command::ClusterVpc(ClusterVpcCommand::Delete(args)) => {
            block_on(cluster_vpc::delete(&out, global, args))
        }
        Command::ClusterVpc(ClusterVpcCommand::List) => block_on(cluster_vpc::list(&out, global)),
        Command::ClusterVpc(ClusterVpcCommand::Describe(args)) => {
            block_on(cluster_vpc::describe_network(&out, global, args))
        }
        Command::ClusterIam(ClusterIamCommand::Create(args)) => {
            block_on(cluster_iam::create(&out, global, args))
        }
        Command::ClusterIam(ClusterIamCommand::Delete(args)) => {
            block_on(cluster_iam::delete(&out, global, args))
        }
        Command::ClusterIam(ClusterIamCommand::List) => block_on(cluster_iam::list(&out, global)),
        Command::ClusterIam(ClusterIamCommand::Describe(args)) => {
            block_on(cluster_iam::describe_roles(&out, global, args))
        }
        Command::ClusterOidc(ClusterOidcCommand::Create(args)) => {
            block_on(cluster_oidc::create(&out, global, args))
        }
        Command::ClusterOidc(ClusterOidcCommand::Delete(args)) => {
            block_on(cluster_oidc::delete(&out, global, args))
        }
        Command::ClusterOidc(ClusterOidcCommand::List) => {
            block_on(cluster_oidc::list(&out, global))
        }
        Command::Login(args) => block_on(login::login(&out, global, args)),
        Command::Logout => login::logout(&out),
        Command::Nodepool(NodePoolCommand::Create(args)) => {
            block_on(nodepool::create(&out, global, args))
        }
        Command::Nodepool(NodePoolCommand::List(args)) => {
            block_on(nodepool::list(&out, global, args))
        }
        Command::Nodepool(NodePoolCommand::Describe(args)) => {
            block_on(nodepool::describe(&out, global, args))
        }
        Command::Nodepool(NodePoolCommand::Delete(args)) => {
            block_on(nodepool::delete(&out, global, args))
        }
        Command::Nodepool(NodePoolCommand::Update(args)) => {
            block_on(nodepool::update(&out, global, args))
        }
        Command::Cluster(ClusterCommand::Update(args)) => {
            block_on(cluster::update(&out, global, args))
        }
        Command::Status(args) => block_on(status::run(&out, global, args)),
        Command::TestLambda(args) => block_on(test_lambda::run(&out, global, args)),
        Command::Logs(args) => block_on(logs::run(&out, global, args)),
        Command::Metrics(args) => block_on(metrics::run(&out, global, args)),
        Command::Audit(args) => block_on(audit::run(&out, global, args)),
        Command::Versions(args) => block_on(versions::run(&out, global, args)),
        Command::RegisterAccount(args) => block_on(register::run(&out, global, args)),
        Command::CleanupAccess(args) => block_on(cleanup::access(&out, global, args)),
        Command::CleanupAccount(args) => block_on(cleanup::account(&out, global, args)),
        Command::Init => block_on(init::run(&out, global)),
        Command::Whoami => block_on(whoami::run(&out, global)),
        Command::Create(CreateCommand::Cluster(args))
        | Command::Cluster(ClusterCommand::Create(args)) => {
            block_on(cluster::create(&out, global, args))
        }
        Command::List(ListCommand::Clusters(args))
        | Command::Cluster(ClusterCommand::List(args)) => {
            block_on(cluster::list(&out, global, args))
        }
        Command::Describe(DescribeCommand::Cluster(args))
        | Command::Cluster(ClusterCommand::Describe(args)) => {
            block_on(cluster::describe_cluster(&out, global, args))
        }
        Command::Delete(DeleteCommand::Cluster(args))
        | Command::Cluster(ClusterCommand::Delete(args)) => {
            block_on(cluster::delete(&out, global, args))
        }
    }
}

/// The fleet run a command asks for (`--fleet` / `--org`), if any; the fleet-only flags
/// refused without one.
fn fleet_request(command: &Command) -> Result<Option<fleet::Request<'_>>, crate::exit::Failure> {
    use fleet::{Command as F, Request};
    let usage = crate::exit::Failure::usage;
    let base = |command, fleet, writes, dry_run| Request {
        command,
        fleet,
        waves: None,
        bake: None,
        last_wave: None,
        alias: None,
        writes,
        dry_run,
    };
    let req = match command {
        Command::PromoteLambdas(a) => {
            if a.waves.waves.is_some() && !a.fleet.active() {
                return Err(usage("--waves: only with --fleet FILE or --org"));
            }
            if a.waves.waves.is_some() && (a.canary.is_some() || a.finish) {
                return Err(usage(
                    "--waves moves each wave's alias at once: not with --canary or --finish",
                ));
            }
            if a.bake.is_some() && a.canary.is_none() && a.waves.waves.is_none() {
                return Err(usage(
                    "--bake: only with --canary (or --waves with --fleet/--org)",
                ));
            }
            if a.waves.progress.is_some() && a.waves.waves.is_none() {
                return Err(usage("--progress: only with --waves"));
            }
            let mut r = base(F::PromoteLambdas, &a.fleet, true, a.dry_run);
            if a.waves.waves.is_some() {
                if a.dry_run {
                    return Err(usage(
                        "--waves: not with --dry-run (a wave's check needs the wave promoted)",
                    ));
                }
                r.waves = Some(&a.waves);
                r.bake = a.bake;
            }
            r.alias = Some(a.to.clone());
            r
        }
        Command::RollbackLambdas(a) => {
            if a.last_wave && !a.fleet.active() {
                return Err(usage("--last-wave: only with --fleet FILE or --org"));
            }
            let mut r = base(F::RollbackLambdas, &a.fleet, true, a.dry_run);
            if a.last_wave {
                r.last_wave = Some(a.progress.clone());
            }
            r.alias = Some(a.alias.clone());
            r
        }
        Command::SetupAccount(a) => {
            if a.fleet.active() && a.mode == crate::cli::SetupMode::Manual {
                return Err(usage(
                    "--mode manual writes one account's script: not with --fleet/--org",
                ));
            }
            base(F::SetupAccount, &a.fleet, true, a.dry_run)
        }
        Command::MigrateAccount(a) => {
            // It shares setup-account's flags, but moves one account at a time.
            let f = &a.setup.fleet;
            if f.active() || !f.regions.is_empty() {
                return Err(usage(
                    "migrate-account moves one account: --fleet, --org and --regions are not for it",
                ));
            }
            return Ok(None);
        }
        Command::UpdateLambdas(a) => base(F::UpdateLambdas, &a.fleet, true, a.dry_run),
        Command::Status(a) => base(F::Status, &a.fleet, false, false),
        Command::Versions(a) => base(F::Versions, &a.fleet, a.keep.is_some(), a.dry_run),
        Command::CleanupAccess(a) => base(F::CleanupAccess, &a.fleet, true, a.dry_run),
        _ => return Ok(None),
    };
    if !req.fleet.active() {
        if !req.fleet.regions.is_empty() {
            return Err(usage(
                "--regions: only with --fleet FILE or --org (one region: --region)",
            ));
        }
        return Ok(None);
    }
    Ok(Some(req))
}

/// Runs an async command on a runtime made for it (commands that talk to no network need none).
fn block_on<F: std::future::Future<Output = anyhow::Result<()>>>(future: F) -> anyhow::Result<()> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?
        .block_on(future)
}
