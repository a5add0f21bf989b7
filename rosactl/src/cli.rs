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

impl GlobalArgs {
    /// The command line's values as settings (before the environment and the config fill
    /// what it leaves out: `settings::resolve`).
    pub fn settings(&self) -> crate::settings::Settings {
        crate::settings::Settings {
            profile: self.profile.clone(),
            region: self.region.clone(),
            api_url: self.api_url.clone(),
            output: self.output.into(),
            yes: self.yes,
            debug: self.debug,
            resource_prefix: self.resource_prefix.clone(),
            sources: Default::default(),
        }
    }
}

/// `-o`: how results are rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// Aligned columns for people.
    Table,
    /// One JSON document on stdout.
    Json,
    /// One YAML document on stdout.
    Yaml,
    /// Comma-separated values, a header first (`rosactl audit` only).
    Csv,
}

impl From<OutputFormat> for Format {
    fn from(f: OutputFormat) -> Format {
        match f {
            OutputFormat::Table => Format::Table,
            OutputFormat::Json => Format::Json,
            OutputFormat::Yaml => Format::Yaml,
            OutputFormat::Csv => Format::Csv,
        }
    }
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
    /// Default: ROSACTL_API_URL, then what `rosactl login` kept.
    #[arg(long, global = true, value_name = "URL")]
    pub api_url: Option<String>,

    /// Output format: results go to stdout, messages to stderr.
    #[arg(short = 'o', long = "output", global = true, value_enum, default_value_t = OutputFormat::Table, value_name = "FORMAT")]
    pub output: OutputFormat,

    /// Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or
    /// move `prod` need it; a delete of what the command line names proceeds without it.
    #[arg(short = 'y', long, global = true)]
    pub yes: bool,

    /// Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed.
    #[arg(short = 'v', long = "debug", global = true)]
    pub debug: bool,

    /// The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`).
    /// Default: the one deployment found in the account and region by its tags, whatever its prefix.
    #[arg(
        long,
        global = true,
        env = "ROSACTL_RESOURCE_PREFIX",
        value_name = "PREFIX"
    )]
    pub resource_prefix: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check that rosactl can work: AWS credentials, region, Platform API reachable and ready, registration.
    Init,

    /// Show the AWS identity, region, Platform API and registration rosactl uses.
    Whoami,

    /// Keep the Platform API URL (and --region) for later commands, after checking the API answers.
    #[command(
        long_about = "Checks that the Platform API at --url answers a signed GET /api/v0/live \
            with your AWS credentials, then keeps the URL (and --region, when given) in \
            rosactl's config file ($XDG_CONFIG_HOME/rosactl/config.json, else \
            ~/.config/rosactl/config.json; written atomically, mode 0600). No credentials are \
            stored. Afterwards no command needs --api-url. Precedence: flag > environment \
            (ROSACTL_API_URL, AWS_REGION) > config > default; `whoami` says where each value \
            came from.",
        after_help = "Example:\n  rosactl login --url https://abc123.execute-api.us-east-1.amazonaws.com/prod"
    )]
    Login(LoginArgs),

    /// Forget the Platform API URL and region `rosactl login` kept.
    Logout,

    /// A cluster's network: `cluster-vpc create|delete|list|describe` (VPC, subnets, NAT, routes, worker SG, private zone).
    #[command(name = "cluster-vpc", subcommand)]
    ClusterVpc(ClusterVpcCommand),

    /// A cluster's IAM roles: `cluster-iam create|delete|list|describe` (seven operator roles, the worker role and profile).
    #[command(name = "cluster-iam", subcommand)]
    ClusterIam(ClusterIamCommand),

    /// A cluster's IAM OIDC provider: `cluster-oidc create|delete NAME` (made by the account's rosa-oidc-provisioner).
    #[command(name = "cluster-oidc", subcommand)]
    ClusterOidc(ClusterOidcCommand),

    /// Node pools of a cluster: `nodepool create|list|describe|delete`.
    #[command(subcommand)]
    Nodepool(NodePoolCommand),

    /// Create a resource (`create cluster`).
    #[command(subcommand)]
    Create(CreateCommand),

    /// List resources (`list clusters`).
    #[command(subcommand)]
    List(ListCommand),

    /// Describe a resource (`describe cluster`).
    #[command(subcommand)]
    Describe(DescribeCommand),

    /// Delete a resource (`delete cluster`).
    #[command(subcommand)]
    Delete(DeleteCommand),

    /// Clusters, noun first: `cluster create|list|describe|delete` (same as `create cluster` ...), `cluster kubeconfig|get-token`.
    #[command(subcommand)]
    Cluster(ClusterCommand),

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

    /// Move an account that runs ROSA HCP (OIDC/STS roles) to the Lambda model, leaving its legacy setup untouched.
    #[command(
        name = "migrate-account",
        long_about = "First a read-only inventory of the account's existing ROSA setup: OIDC \
            providers (issuer, client ids, thumbprints, tags), account roles (installer, support, \
            worker) and operator roles, which role trusts which provider, and what is broken \
            (a role trusting a provider that no longer exists, a provider without thumbprints). \
            Then it deploys exactly as setup-account does (same plan, same flags; a name \
            setup-account needs that an existing resource holds is refused before any change), \
            and records the inventory in the artifact bucket for `test-migration`. Legacy \
            providers and roles are never modified. --remove-legacy-oidc ISSUER deletes one \
            legacy provider, after confirmation, and only when no role trusts it any more.",
        after_help = "Examples:\n  rosactl migrate-account --dry-run      # inventory and plan, nothing changed\n  rosactl migrate-account --yes\n  rosactl test-migration\n  rosactl migrate-account --remove-legacy-oidc https://oidc.op1.openshiftapps.com/abc --yes"
    )]
    MigrateAccount(MigrateArgs),

    /// Check a migrated account for CI: deployment, functions, permission, registration, legacy setup intact.
    #[command(
        name = "test-migration",
        long_about = "Read-only. One row per check, ok or failed with the reason: the deployment \
            is what rosactl deploys (the checks of `status --check`); each function answers \
            through `prod` with the side-effect-free check payload; the invoke permission names \
            the platform's invoker; the account is registered (or pending, with the operator's \
            command); every legacy OIDC provider and role in the inventory migrate-account \
            recorded is still there, unchanged. Exits 1 when any check fails."
    )]
    TestMigration(TestMigrationArgs),

    /// Deliver the embedded packages to an alias (default staging): upload, publish, move, validate.
    #[command(
        name = "update-lambdas",
        long_about = "For each function whose embedded package (SHA-256) differs from the code \
            behind the alias: upload the package, update $LATEST, publish a version (its \
            CodeSha256 checked against the manifest), point the alias at it and record the move \
            in the account's history, then validate by invoking that alias. Configuration drift \
            on $LATEST (memory, timeout, runtime, role, tags) is repaired too. Nothing to \
            change: no writes, \"up to date\". `--alias prod` skips staging and asks for \
            confirmation (pass --yes off a terminal).",
        after_help = "Examples:\n  rosactl update-lambdas                 # staging runs the embedded packages\n  rosactl update-lambdas --function network-verifier --dry-run"
    )]
    UpdateLambdas(UpdateArgs),

    /// Point `prod` at what `staging` runs, at once or as a canary (--canary, --finish).
    #[command(
        name = "promote-lambdas",
        visible_alias = "promote",
        long_about = "Before moving anything, invokes each function's --from alias with a \
            side-effect-free check payload and refuses on a function error (unless \
            --skip-check). Then points --to at the version --from has, for all selected \
            functions or none: if one cannot be moved, those already moved are put back. \
            --canary PERCENT keeps the current version primary and routes PERCENT of \
            invocations to the new one (Lambda alias routing weights); --finish completes a \
            canary, `rollback-lambdas` aborts it. Every move is recorded in the account's \
            history. A weighted alias cannot use provisioned concurrency.",
        after_help = "Examples:\n  rosactl promote-lambdas --canary 10     # 10% of prod's invocations run staging's version\n  rosactl promote-lambdas --finish        # then all of them\n  rosactl promote-lambdas                 # or at once"
    )]
    PromoteLambdas(PromoteArgs),

    /// Point an alias (default prod) back at the version it had before its last recorded move.
    #[command(
        name = "rollback-lambdas",
        visible_alias = "rollback",
        long_about = "Reads the alias history recorded in the account (so it works from any \
            machine), and points the alias back at the version it had before its last move \
            that has not been rolled back yet; run it again to go one further back. A canary in \
            progress is aborted (all traffic back to the primary version). All selected \
            functions or none. --to-version N chooses the version instead."
    )]
    RollbackLambdas(RollbackArgs),

    /// List each alias's recorded moves: from and to version, code SHA-256, who and when.
    History(HistoryArgs),

    /// Show what runs behind each alias and whether the account drifted from what rosactl deploys.
    #[command(
        long_about = "Read-only. For each function: the embedded package (version, SHA-256); \
            each alias's version, its code SHA-256 and canary weights, and whether that is the \
            embedded code or at least code rosactl deployed (recorded in the account's alias \
            history); the platform's invoke permission on prod; and every difference from what \
            setup-account deploys: $LATEST configuration, role policies, log retention, tags, \
            the artifact bucket's settings, missing resources. Invoke access granted by someone \
            else is shown as a warning. --check exits with 5 when anything differs (for CI); \
            `rosactl setup-account` repairs what it reports.",
        after_help = "Examples:\n  rosactl status\n  rosactl status --check -o json   # in CI: exit 5 on drift"
    )]
    Status(StatusArgs),

    /// Invoke a function with a built-in sample (or your payload); show its answer and log tail.
    #[command(
        name = "test-lambda",
        long_about = "Invokes NAME through --alias with a built-in sample payload, or the JSON \
            in --payload FILE (- for stdin), and prints the answer, the function error if any, \
            and the tail of the invocation's log. The oidc-provisioner's sample is the \
            side-effect-free check payload (it creates nothing: the function answers with its \
            own input validation); the preflight-checker's and network-verifier's samples run \
            their read-only checks. Exits 1 when the function answers with an error (the \
            check answer to the sample excepted).",
        after_help = "Examples:\n  rosactl test-lambda --name preflight-checker\n  rosactl test-lambda --name oidc-provisioner --payload oidc.json --alias staging"
    )]
    TestLambda(TestLambdaArgs),

    /// Show a function's CloudWatch logs, readably (--follow to keep watching).
    #[command(
        long_about = "Reads NAME's log group (/aws/lambda/NAME) from --since on: the functions' \
            JSON log lines rendered as time, level, message and fields, Lambda's START / END / \
            REPORT lines as they are. -o json prints each event as one JSON object per line \
            (timestamp, stream, message). --filter takes a CloudWatch Logs filter pattern. \
            --follow keeps polling for new events until Ctrl-C.",
        after_help = "Examples:\n  rosactl logs --name network-verifier --since 30m\n  rosactl logs --name oidc-provisioner --follow --filter ERROR"
    )]
    Logs(LogsArgs),

    /// Every invocation logged in a period, with totals, and the account's access and logging facts.
    #[command(
        long_about = "For an auditor: every invocation the functions logged from --since on \
            (time, function, version, operation, the request's key fields, outcome or error, \
            duration), with totals by outcome; then who may invoke prod now (the resource \
            policies), every recorded alias move (who, when), and each log group's retention \
            and KMS key. --failed keeps only the failed invocations. -o csv writes the \
            invocations as CSV; -o json or yaml everything. Who invoked a function is not in its \
            logs: CloudTrail records it only when a trail logs Lambda data events.",
        after_help = "Examples:\n  rosactl audit --since 30d\n  rosactl audit --failed --function oidc-provisioner -o csv > failed.csv"
    )]
    Audit(AuditArgs),

    /// Each function's invocations, errors, throttles and duration (p50, p99) from CloudWatch.
    #[command(
        long_about = "Reads Lambda's own CloudWatch metrics (AWS/Lambda) for each function, as a \
            whole and through its prod and staging aliases, from --since on: invocations, \
            errors (and their share), throttles, and the duration's p50 and p99. On a terminal \
            sparklines show the invocations and errors over the window (24 periods at most); -o json \
            or yaml gives every figure and the series.",
        after_help = "Examples:\n  rosactl metrics\n  rosactl metrics --since 7d --function preflight-checker -o json"
    )]
    Metrics(MetricsArgs),

    /// List each function's published versions (--keep N deletes old ones nothing uses).
    #[command(
        long_about = "Lists each function's published versions: code SHA-256, description, \
            whether it is the embedded package, and which aliases (or canary weights) point \
            there. --keep N deletes the versions older than the newest N that no alias, no \
            canary weight and no pending rollback (the version `rollback-lambdas` would go \
            back to) references; Lambda's code storage per region is limited. Deleting asks \
            for confirmation (pass --yes off a terminal).",
        after_help = "Examples:\n  rosactl versions --function network-verifier\n  rosactl versions --keep 3 --dry-run"
    )]
    Versions(VersionsArgs),

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

#[derive(Debug, Subcommand)]
pub enum CreateCommand {
    /// Create a cluster through the Platform API.
    #[command(disable_version_flag = true)]
    Cluster(CreateClusterArgs),
}

#[derive(Debug, Subcommand)]
pub enum ListCommand {
    /// List your clusters (all pages).
    #[command(alias = "cluster")]
    Clusters(ListClustersArgs),
}

#[derive(Debug, Subcommand)]
pub enum DescribeCommand {
    /// Show a cluster: spec, phase, conditions, controllers, OIDC issuer URL, API endpoint.
    Cluster(DescribeClusterArgs),
}

#[derive(Debug, Subcommand)]
pub enum DeleteCommand {
    /// Delete a cluster.
    Cluster(DeleteClusterArgs),
}

#[derive(Debug, Subcommand)]
pub enum ClusterCommand {
    /// Same as `create cluster`.
    #[command(disable_version_flag = true)]
    Create(CreateClusterArgs),
    /// Same as `list clusters`.
    List(ListClustersArgs),
    /// Same as `describe cluster`.
    Describe(DescribeClusterArgs),
    /// Same as `delete cluster`.
    Delete(DeleteClusterArgs),
    /// Change what a customer may change on a cluster (PATCH: only the keys changed are sent).
    #[command(
        disable_version_flag = true,
        after_help = "Example:\n  rosactl cluster update my-cluster --delete-protection true --expiration 2027-01-31T00:00:00Z --dry-run"
    )]
    Update(UpdateClusterArgs),
    /// Write a kubeconfig for the cluster's API server; its user runs `rosactl cluster get-token`.
    #[command(
        after_help = "Example:\n  rosactl cluster kubeconfig my-cluster --file ~/.kube/my-cluster\n  KUBECONFIG=~/.kube/my-cluster kubectl get nodes"
    )]
    Kubeconfig(KubeconfigArgs),
    /// Print an ExecCredential with an EKS-style token (presigned STS GetCallerIdentity) for kubectl.
    #[command(name = "get-token")]
    GetToken(GetTokenArgs),
}

#[derive(Debug, Args, Clone)]
pub struct KubeconfigArgs {
    /// The cluster's name or id.
    #[arg(value_name = "NAME_OR_ID")]
    pub cluster: String,

    /// Write it to this file (mode 0600) instead of stdout.
    #[arg(long, value_name = "FILE")]
    pub file: Option<PathBuf>,
}

#[derive(Debug, Args, Clone)]
pub struct GetTokenArgs {
    /// The cluster's id (signed into the token as x-k8s-aws-id).
    #[arg(long, value_name = "ID")]
    pub cluster_id: String,
}

#[derive(Debug, Subcommand)]
pub enum ClusterVpcCommand {
    /// Create (or repair) the cluster's network.
    #[command(
        long_about = "Creates NAME-vpc (--vpc-cidr, DNS support and hostnames on), an internet \
            gateway, per zone a public subnet (kubernetes.io/role/elb=1) and a private one \
            (kubernetes.io/role/internal-elb=1), a NAT gateway per zone (one shared with \
            --single-nat-gateway), a public route table to the internet gateway and a private \
            one per zone to its NAT, the worker security group NAME-worker-sg (all traffic from \
            itself and the VPC CIDR), and the private hosted zone NAME.hypershift.local tagged \
            kubernetes.io/cluster/NAME=owned. Everything is tagged rosa:managed-by=rosactl and \
            rosa:cluster-name=NAME; a re-run changes nothing; an interrupted run continues.",
        after_help = "Example:\n  rosactl cluster-vpc create my-cluster --availability-zones us-east-1a,us-east-1b --single-nat-gateway"
    )]
    Create(ClusterVpcArgs),
    /// Delete the cluster's network, after what a cluster left in it (load balancers, endpoints, security groups, records).
    Delete(ClusterVpcDeleteArgs),
    /// List the cluster networks rosactl made in this region.
    List,
    /// Show the cluster's network: VPC, subnets, security group, hosted zone.
    Describe(ClusterVpcNameArgs),
}

#[derive(Debug, Args, Clone)]
pub struct ClusterVpcArgs {
    /// The cluster's name.
    #[arg(value_name = "NAME")]
    pub name: String,

    /// One to three zones of the region (comma-separated).
    #[arg(long, value_delimiter = ',', required = true, value_name = "ZONE,...")]
    pub availability_zones: Vec<String>,

    /// The VPC's CIDR: a private /16.
    #[arg(long, default_value = "10.0.0.0/16", value_name = "CIDR")]
    pub vpc_cidr: String,

    /// One NAT gateway for all zones (cheaper; the zones share its availability).
    #[arg(long)]
    pub single_nat_gateway: bool,

    /// Put these tags on every resource created, at creation: KEY=VALUE,... (default: the
    /// tags `setup-account --tags` recorded in the account).
    #[arg(long, value_name = "K=V,...")]
    pub tags: Option<String>,

    /// Print the plan and change nothing.
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args, Clone)]
pub struct ClusterVpcNameArgs {
    /// The cluster's name.
    #[arg(value_name = "NAME")]
    pub name: String,
}

#[derive(Debug, Args, Clone)]
pub struct ClusterVpcDeleteArgs {
    /// The cluster's name.
    #[arg(value_name = "NAME")]
    pub name: String,

    /// Return once the deletion is under way: after the checks (and the confirmation on a
    /// terminal), a detached rosactl process deletes the network, waiting out the NAT
    /// gateways, and writes its log to the file printed. Running the delete again finishes
    /// whatever it could not.
    #[arg(long)]
    pub no_wait: bool,

    /// Print what would be deleted (the plan) and change nothing.
    #[arg(long, conflicts_with = "no_wait")]
    pub dry_run: bool,
}

#[derive(Debug, Subcommand)]
pub enum ClusterIamCommand {
    /// Create (or repair) the cluster's operator roles, worker role and instance profile.
    #[command(
        long_about = "Creates NAME-ingress, NAME-cloud-controller-manager, NAME-ebs-csi, \
            NAME-image-registry, NAME-network-config, NAME-control-plane-operator and \
            NAME-node-pool-management, each with its AWS-managed ROSA policy (and the few extra \
            actions two of them need) and a trust in the cluster's OIDC provider \
            (sts:AssumeRoleWithWebIdentity for its service account, audience openshift), and \
            NAME-ROSA-Worker-Role with its instance profile. The issuer is --oidc-issuer-url, \
            else the provider `cluster-oidc create` made, else the cluster's (Platform API); \
            until it is known the operator roles trust nobody, and `cluster-oidc create` sets \
            their trust. Refuses, before any change, when a managed policy does not exist in the \
            account's partition or a role of these names is not rosactl's. A re-run changes nothing.",
        after_help = "Example:\n  rosactl cluster-iam create my-cluster --dry-run"
    )]
    Create(ClusterIamArgs),
    /// Delete the cluster's roles and instance profile (only those tagged as this cluster's).
    Delete(ClusterIamDeleteArgs),
    /// List the clusters whose roles rosactl made in this account.
    List,
    /// Show the cluster's roles and what `create` would still do.
    Describe(ClusterIamDescribeArgs),
}

#[derive(Debug, Args, Clone)]
pub struct ClusterIamArgs {
    /// The cluster's name (3-18 lowercase letters, digits and '-', as the platform accepts).
    #[arg(value_name = "NAME")]
    pub name: String,

    /// The cluster's OIDC issuer URL (default: found, see above).
    #[arg(long, value_name = "URL")]
    pub oidc_issuer_url: Option<String>,

    /// Boundary, path and tags of the roles (default: what `setup-account` recorded in the account).
    #[command(flatten)]
    pub rules: RulesArgs,

    /// Print the plan and change nothing.
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args, Clone)]
pub struct ClusterIamDeleteArgs {
    /// The cluster's name.
    #[arg(value_name = "NAME")]
    pub name: String,

    /// Print the plan and change nothing.
    #[arg(long)]
    pub dry_run: bool,

    /// Accepted as by every delete: IAM deletions take effect when answered, so there is
    /// nothing to wait for and the command returns when the roles are gone.
    #[arg(long)]
    pub no_wait: bool,
}

#[derive(Debug, Args, Clone)]
pub struct ClusterIamDescribeArgs {
    /// The cluster's name.
    #[arg(value_name = "NAME")]
    pub name: String,

    /// The cluster's OIDC issuer URL (default: found as for create).
    #[arg(long, value_name = "URL")]
    pub oidc_issuer_url: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum ClusterOidcCommand {
    /// Create (or update) the cluster's OIDC provider by invoking rosa-oidc-provisioner:prod.
    #[command(
        long_about = "Invokes the account's rosa-oidc-provisioner (prod alias) with your AWS \
            credentials to create the IAM OIDC provider for the cluster's issuer (client ids \
            openshift and sts.amazonaws.com; tags rosa:managed-by and rosa:cluster-id), then \
            tags it rosa:cluster-name=NAME. The issuer is --oidc-issuer-url, else the cluster's \
            (read from the Platform API). The thumbprint is --thumbprint, else the SHA-1 of the \
            last certificate of the issuer's TLS chain (verified against the system's roots or \
            SSL_CERT_FILE). Run again: nothing changes (`already_exists`).",
        after_help = "Example:\n  rosactl cluster-oidc create my-cluster --oidc-issuer-url https://d1abc.cloudfront.net/2n4k..."
    )]
    Create(OidcCreateArgs),
    /// Delete the cluster's OIDC provider (only one tagged as this cluster's).
    Delete(OidcDeleteArgs),
    /// List the OIDC providers made for clusters in this account.
    List,
}

#[derive(Debug, Args, Clone)]
pub struct OidcCreateArgs {
    /// The cluster's name.
    #[arg(value_name = "NAME")]
    pub name: String,

    /// The cluster's issuer URL (default: the cluster's, from the Platform API).
    #[arg(long, value_name = "URL")]
    pub oidc_issuer_url: Option<String>,

    /// The SHA-1 thumbprint (40 hex digits) of the issuer's top CA certificate (default: computed).
    #[arg(long, value_name = "HEX")]
    pub thumbprint: Option<String>,

    /// Print the event that would be sent and invoke nothing.
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args, Clone)]
pub struct OidcDeleteArgs {
    /// The cluster's name.
    #[arg(value_name = "NAME")]
    pub name: String,

    /// The cluster's issuer URL (default: found by the provider's rosa:cluster-name tag).
    #[arg(long, value_name = "URL")]
    pub oidc_issuer_url: Option<String>,

    /// Accepted as by every delete: an IAM deletion takes effect when answered, so there is
    /// nothing to wait for and the command returns when the provider is gone.
    #[arg(long)]
    pub no_wait: bool,

    /// Print the provider(s) that would be deleted and change nothing.
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Subcommand)]
pub enum NodePoolCommand {
    /// Create a node pool in a cluster (its subnet defaults to the cluster's).
    #[command(
        after_help = "Example:\n  rosactl nodepool create workers --cluster-id my-cluster --replicas 3 --watch"
    )]
    Create(NodePoolCreateArgs),
    /// List a cluster's node pools.
    List(NodePoolListArgs),
    /// Show a node pool: spec and phase.
    Describe(NodePoolDescribeArgs),
    /// Delete a node pool.
    Delete(NodePoolDeleteArgs),
    /// Change a node pool's replicas or auto-repair (PUT of the changed keys only).
    #[command(
        after_help = "Example:\n  rosactl nodepool update workers --cluster-id my-cluster --replicas 4 --watch"
    )]
    Update(NodePoolUpdateArgs),
}

#[derive(Debug, Args, Clone)]
pub struct NodePoolUpdateArgs {
    /// The node pool's id (today's platform: its name).
    #[arg(value_name = "NAME")]
    pub nodepool: String,

    /// The cluster (its id, or its name): a pool's name is unique in its cluster only.
    #[arg(long, value_name = "ID")]
    pub cluster_id: String,

    /// Number of worker nodes (at least 1).
    #[arg(long, value_name = "N")]
    pub replicas: Option<u32>,

    /// Let the platform replace unhealthy nodes.
    #[arg(long, value_name = "true|false", action = clap::ArgAction::Set)]
    pub auto_repair: Option<bool>,

    /// Print what would be sent and send nothing.
    #[arg(long)]
    pub dry_run: bool,

    /// Follow the pool until Ready again.
    #[arg(long)]
    pub watch: bool,

    #[command(flatten)]
    pub wait: WaitArgs,
}

#[derive(Debug, Args, Clone)]
pub struct UpdateClusterArgs {
    /// The cluster's name or id.
    #[arg(value_name = "NAME_OR_ID")]
    pub cluster: String,

    /// Refuse deletes of the cluster while true.
    #[arg(long, value_name = "true|false", action = clap::ArgAction::Set)]
    pub delete_protection: Option<bool>,

    /// When the platform may delete the cluster: an RFC 3339 UTC time (2027-01-31T00:00:00Z),
    /// or `none` to clear it.
    #[arg(long, value_name = "TIME|none")]
    pub expiration: Option<String>,

    /// The name shown for the cluster (its name itself never changes).
    #[arg(long, value_name = "TEXT")]
    pub display_name: Option<String>,

    /// The control plane's OpenShift version (or a release image): an upgrade.
    #[arg(long, value_name = "VERSION|IMAGE")]
    pub version: Option<String>,

    /// The control plane's upgrade policy, as the platform takes it: a JSON or YAML object
    /// sent as `spec.controlPlaneUpgradePolicy`.
    #[arg(long, value_name = "FILE")]
    pub upgrade_policy_file: Option<PathBuf>,

    /// Print what would be sent and send nothing.
    #[arg(long)]
    pub dry_run: bool,

    /// Follow the cluster until Ready again.
    #[arg(long)]
    pub watch: bool,

    #[command(flatten)]
    pub wait: WaitArgs,
}

#[derive(Debug, Args, Clone)]
pub struct NodePoolCreateArgs {
    /// The node pool's name: 1-44 lowercase letters, digits and '-', starting and ending with a letter or digit.
    #[arg(value_name = "NAME")]
    pub name: String,

    /// The cluster (its id, or its name).
    #[arg(long, value_name = "ID")]
    pub cluster_id: String,

    /// Number of worker nodes (at least 1).
    #[arg(long, default_value_t = 2, value_name = "N")]
    pub replicas: u32,

    /// EC2 instance type of the nodes.
    #[arg(long, default_value = "m6a.xlarge", value_name = "TYPE")]
    pub instance_type: String,

    /// The private subnet the nodes run in (default: the cluster's subnet).
    #[arg(long, value_name = "SUBNET_ID")]
    pub subnet_id: Option<String>,

    /// The worker instance profile.
    #[arg(long, value_name = "NAME")]
    pub instance_profile: Option<String>,

    /// Security groups of the nodes (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "SG_ID,...")]
    pub security_groups: Vec<String>,

    /// Print the request body and send nothing.
    #[arg(long)]
    pub dry_run: bool,

    /// Follow the node pool's phase until Ready.
    #[arg(long)]
    pub watch: bool,

    #[command(flatten)]
    pub wait: WaitArgs,
}

#[derive(Debug, Args, Clone)]
pub struct NodePoolListArgs {
    /// The cluster (its id, or its name).
    #[arg(long, value_name = "ID")]
    pub cluster_id: String,
}

#[derive(Debug, Args, Clone)]
pub struct NodePoolDescribeArgs {
    /// The node pool's id.
    #[arg(value_name = "ID")]
    pub nodepool: String,
}

#[derive(Debug, Args, Clone)]
pub struct NodePoolDeleteArgs {
    /// The node pool's id (today's platform: its name).
    #[arg(value_name = "ID")]
    pub nodepool: String,

    /// Wait until the platform no longer knows the node pool.
    #[arg(long, conflicts_with = "no_wait")]
    pub watch: bool,

    /// Return once the platform accepted the deletion (the default): the platform finishes it.
    #[arg(long)]
    pub no_wait: bool,

    /// Check the node pool exists, print the request that would be sent, and send nothing.
    #[arg(long, conflicts_with_all = ["watch", "no_wait"])]
    pub dry_run: bool,

    #[command(flatten)]
    pub wait: WaitArgs,
}

#[derive(Debug, Args)]
pub struct LoginArgs {
    /// The Platform API base URL, stage path included.
    #[arg(long, value_name = "URL")]
    pub url: String,
}

#[derive(Debug, Args, Clone)]
pub struct WaitArgs {
    /// With --watch: how long to wait before giving up (the operation goes on).
    #[arg(long, default_value_t = 3600, value_name = "SECONDS")]
    pub timeout: u64,

    /// With --watch: seconds between two reads of the cluster.
    #[arg(long, default_value_t = 5.0, value_name = "SECONDS", hide = true)]
    pub poll_interval: f64,
}

impl WaitArgs {
    pub fn interval(&self) -> std::time::Duration {
        std::time::Duration::from_secs_f64(self.poll_interval.clamp(0.05, 300.0))
    }

    pub fn limit(&self) -> std::time::Duration {
        std::time::Duration::from_secs(self.timeout)
    }
}

#[derive(Debug, Args, Clone)]
#[command(
    after_help = "Example:\n  rosactl create cluster --name my-cluster --vpc-id vpc-0123456789abcdef0 \\\n    --subnet-ids subnet-0123456789abcdef0,subnet-0fedcba9876543210 --preflight --watch"
)]
pub struct CreateClusterArgs {
    /// The cluster's name: 3-18 lowercase letters, digits and '-'.
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,

    /// The cluster's name, as an argument instead of --name.
    #[arg(value_name = "NAME")]
    pub name_arg: Option<String>,

    /// The VPC the cluster's nodes run in.
    #[arg(long, value_name = "VPC_ID")]
    pub vpc_id: Option<String>,

    /// The subnets for the cluster's nodes (comma-separated); the first is sent to the platform.
    #[arg(long, value_delimiter = ',', value_name = "SUBNET_ID,...")]
    pub subnet_ids: Vec<String>,

    /// Availability zone (of --region).
    #[arg(long, value_name = "ZONE")]
    pub zone: Option<String>,

    /// OpenShift release (e.g. 4.18.5) or a full release image.
    #[arg(long = "version", value_name = "VERSION")]
    pub version: Option<String>,

    /// A tag for the cluster (repeatable).
    #[arg(long = "tag", value_name = "KEY=VALUE")]
    pub tags: Vec<String>,

    /// A JSON or YAML file merged into the cluster spec (flags win).
    #[arg(long, value_name = "FILE")]
    pub spec_file: Option<PathBuf>,

    /// Sent as spec.placement, for ephemeral environments that pin a management cluster (other servers ignore it).
    #[arg(long, value_name = "NAME")]
    pub placement: Option<String>,

    /// First run your account's own preflight-checker and network-verifier (prod alias); refuse on failed checks.
    #[arg(long)]
    pub preflight: bool,

    /// With --preflight: the worker instance type to check quotas and offerings for.
    #[arg(long, default_value = "m5.xlarge", value_name = "TYPE")]
    pub instance_type: String,

    /// With --preflight: the number of worker nodes to check quotas for.
    #[arg(long, default_value_t = 2, value_name = "N")]
    pub replicas: u64,

    /// Print the request body and send nothing.
    #[arg(long)]
    pub dry_run: bool,

    /// Follow the cluster's phase until Ready or Failed.
    #[arg(long)]
    pub watch: bool,

    #[command(flatten)]
    pub wait: WaitArgs,
}

impl CreateClusterArgs {
    pub fn poll_interval(&self) -> std::time::Duration {
        self.wait.interval()
    }

    pub fn timeout(&self) -> std::time::Duration {
        self.wait.limit()
    }
}

#[derive(Debug, Args, Clone)]
pub struct ListClustersArgs {
    /// Only clusters in this phase (e.g. Ready).
    #[arg(long, value_name = "PHASE")]
    pub status: Option<String>,

    /// At most this many clusters.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
}

#[derive(Debug, Args, Clone)]
pub struct DescribeClusterArgs {
    /// The cluster's name or id.
    #[arg(value_name = "NAME_OR_ID")]
    pub cluster: String,
}

#[derive(Debug, Args, Clone)]
pub struct DeleteClusterArgs {
    /// The cluster's name or id.
    #[arg(value_name = "NAME_OR_ID")]
    pub cluster: String,

    /// Wait until the platform no longer knows the cluster.
    #[arg(long, conflicts_with = "no_wait")]
    pub watch: bool,

    /// Return once the platform accepted the deletion (the default): the platform finishes it.
    #[arg(long)]
    pub no_wait: bool,

    /// Check the cluster exists, print the request that would be sent, and send nothing.
    #[arg(long, conflicts_with_all = ["watch", "no_wait"])]
    pub dry_run: bool,

    #[command(flatten)]
    pub wait: WaitArgs,
}

impl DeleteClusterArgs {
    pub fn poll_interval(&self) -> std::time::Duration {
        self.wait.interval()
    }

    pub fn timeout(&self) -> std::time::Duration {
        self.wait.limit()
    }
}

#[derive(Debug, Args)]
pub struct SetupArgs {
    /// The role allowed to invoke the functions (default: the `arn` of the Platform API's /api/v0/info).
    #[arg(long, value_name = "ARN")]
    pub invoker_role_arn: Option<String>,

    /// How long the functions' logs are kept at least: `never` (no expiry), or 90 or more days,
    /// a value CloudWatch Logs accepts. A longer retention already set is never shortened.
    #[arg(long, default_value = "90", value_name = "DAYS|never", value_parser = crate::deploy::names::parse_retention)]
    pub log_retention_days: crate::deploy::names::Retention,

    /// Encrypt the functions' log groups with this customer-managed KMS key.
    #[arg(long, value_name = "ARN", value_parser = parse_kms_key_arn)]
    pub log_kms_key_arn: Option<String>,

    #[command(flatten)]
    pub rules: RulesArgs,

    /// X-Ray active tracing on the functions (`active`), or none (`off`); the execution roles
    /// get X-Ray's write permission only while it is on. Recorded: later runs keep it.
    #[arg(long, value_enum, value_name = "active|off")]
    pub tracing: Option<Tracing>,

    /// Reserve concurrent executions: `N` for every function, `FUNCTION=N,...` for some, `off`
    /// (or `FUNCTION=off`) to remove a reservation. Refused when the account's unreserved
    /// concurrency would fall below Lambda's minimum (100). Recorded: later runs keep it.
    #[arg(long, value_name = "N|FUNCTION=N,...|off")]
    pub reserved_concurrency: Option<String>,

    /// CloudWatch alarms on every function: error rate above 5% over 5 minutes, any throttle,
    /// a duration above 30 s. Recorded: later runs keep them; --no-alarms removes them.
    #[arg(long, conflicts_with = "no_alarms")]
    pub alarms: bool,

    /// Remove rosactl's alarms (and the recorded notification topic).
    #[arg(long)]
    pub no_alarms: bool,

    /// The SNS topic (same region) the alarms notify; implies --alarms.
    #[arg(long, value_name = "SNS_TOPIC_ARN", conflicts_with = "no_alarms")]
    pub alarm_topic: Option<String>,

    /// A CloudWatch dashboard of the functions (invocations, errors, throttles, duration p50/p99,
    /// their own figures), named rosa-lambda-REGION. Recorded; --no-dashboard removes it.
    #[arg(long, conflicts_with = "no_dashboard")]
    pub dashboard: bool,

    /// Remove rosactl's dashboard.
    #[arg(long)]
    pub no_dashboard: bool,

    /// `auto` applies the plan; `manual` writes it for an administrator to review and run
    /// (policies as JSON, an AWS CLI script, the packages and their SHA-256) to --out, and
    /// changes nothing.
    #[arg(long, value_enum, default_value_t = SetupMode::Auto)]
    pub mode: SetupMode,

    /// With --mode manual: the directory to write to (created; must be empty if it exists).
    #[arg(long, value_name = "DIR", required_if_eq("mode", "manual"))]
    pub out: Option<PathBuf>,

    /// Print the plan and change nothing.
    #[arg(long)]
    pub dry_run: bool,

    #[command(flatten)]
    pub fleet: FleetArgs,
}

#[derive(Debug, Args)]
pub struct MigrateArgs {
    #[command(flatten)]
    pub setup: SetupArgs,

    /// Delete this legacy OIDC provider (issuer URL or host/path) instead of migrating; refused
    /// while any role in the account trusts it (with --dry-run: check, and change nothing).
    #[arg(long, value_name = "ISSUER", conflicts_with_all = ["mode", "out"])]
    pub remove_legacy_oidc: Option<String>,
}

#[derive(Debug, Args)]
pub struct TestMigrationArgs {
    /// The invoker the permission must name (default: the `arn` of the Platform API's /api/v0/info).
    #[arg(long, value_name = "ARN")]
    pub invoker_role_arn: Option<String>,
}

impl SetupArgs {
    pub fn operating(&self) -> crate::deploy::operating::OperatingFlags {
        crate::deploy::operating::OperatingFlags {
            tracing: self.tracing.map(|t| t == Tracing::Active),
            reserved_concurrency: self.reserved_concurrency.clone(),
            alarms: match (self.alarms, self.no_alarms) {
                (true, _) => Some(true),
                (_, true) => Some(false),
                _ => None,
            },
            alarm_topic: self.alarm_topic.clone(),
            dashboard: match (self.dashboard, self.no_dashboard) {
                (true, _) => Some(true),
                (_, true) => Some(false),
                _ => None,
            },
        }
    }
}

/// `--tracing active|off`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Tracing {
    Active,
    Off,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SetupMode {
    Auto,
    Manual,
}

/// An organisation's rules for the IAM roles and resources rosactl creates.
#[derive(Debug, Args, Clone, Default)]
pub struct RulesArgs {
    /// Set this managed policy as the permissions boundary of every IAM role rosactl creates.
    #[arg(long, value_name = "POLICY_ARN")]
    pub permissions_boundary: Option<String>,

    /// Create every IAM role under this path (e.g. /rosa/; default /).
    #[arg(long, value_name = "PATH")]
    pub role_path: Option<String>,

    /// Put these tags on every resource rosactl creates, at creation: KEY=VALUE,...
    #[arg(long, value_name = "K=V,...")]
    pub tags: Option<String>,
}

impl RulesArgs {
    /// The flags as the rules layer takes them.
    pub fn flags(&self) -> crate::deploy::rules::RuleFlags {
        crate::deploy::rules::RuleFlags {
            permissions_boundary: self.permissions_boundary.clone(),
            role_path: self.role_path.clone(),
            tags: self.tags.clone(),
        }
    }
}

/// The functions a command acts on.
/// Run the command across many accounts and regions (see docs/workflows/fleet.md).
#[derive(Debug, Args, Clone, Default)]
#[command(next_help_heading = "Fleet")]
pub struct FleetArgs {
    /// Run in every target of this fleet file (YAML: `targets:` entries with `profile` or
    /// `role_arn`, optional `regions`, `resource_prefix`, `tags`, `permissions_boundary`).
    #[arg(long, value_name = "FILE", conflicts_with = "org")]
    pub fleet: Option<PathBuf>,

    /// Run in every active account of your AWS Organization (organizations:ListAccounts),
    /// assuming --role-name in each.
    #[arg(long)]
    pub org: bool,

    /// With --org: the role to assume in each account.
    #[arg(
        long,
        value_name = "NAME",
        default_value = "OrganizationAccountAccessRole",
        requires = "org"
    )]
    pub role_name: String,

    /// With --org: only the accounts under this organizational unit (and its child units).
    #[arg(long, value_name = "OU_ID", requires = "org")]
    pub ou: Option<String>,

    /// With --org: leave these accounts out (comma-separated ids).
    #[arg(
        long,
        value_delimiter = ',',
        value_name = "ACCOUNT_ID",
        requires = "org"
    )]
    pub exclude: Vec<String>,

    /// The regions to run in, for every target (default: the fleet file's, else the current region).
    #[arg(long, value_delimiter = ',', value_name = "REGION,...")]
    pub regions: Vec<String>,

    /// How many accounts at once (the regions of one account run one after the other).
    #[arg(long, default_value_t = 8, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=64))]
    pub concurrency: u16,
}

impl FleetArgs {
    /// Whether the command runs across a fleet.
    pub fn active(&self) -> bool {
        self.fleet.is_some() || self.org
    }
}

/// `promote-lambdas --fleet F --waves ...` and the rollback of a wave.
#[derive(Debug, Args, Clone, Default)]
#[command(next_help_heading = "Fleet")]
pub struct WaveArgs {
    /// With --fleet/--org: promote in waves, e.g. 1,10%,rest: each wave promoted, baked,
    /// checked (status --check of each target) before the next; the first failure stops it.
    #[arg(long, value_name = "N|P%|rest,...")]
    pub waves: Option<String>,

    /// With --waves: continue the recorded rollout after its last completed wave.
    #[arg(long, requires = "waves")]
    pub resume: bool,

    /// Where the rollout's progress is recorded (default: rosactl-rollout.json here).
    #[arg(long, value_name = "FILE")]
    pub progress: Option<PathBuf>,
}

#[derive(Debug, Args, Clone, Default)]
pub struct FunctionFilter {
    /// Only this function (repeatable or comma-separated): oidc-provisioner,
    /// preflight-checker, network-verifier (or the full rosa-... name). Default: all three.
    #[arg(long = "function", value_delimiter = ',', value_name = "NAME")]
    pub functions: Vec<String>,
}

#[derive(Debug, Args)]
pub struct UpdateArgs {
    /// The alias to deliver to.
    #[arg(long, default_value = "staging", value_name = "ALIAS")]
    pub alias: String,

    #[command(flatten)]
    pub filter: FunctionFilter,

    /// Print the plan and change nothing.
    #[arg(long)]
    pub dry_run: bool,

    #[command(flatten)]
    pub fleet: FleetArgs,
}

#[derive(Debug, Args)]
pub struct PromoteArgs {
    /// The alias whose version is promoted.
    #[arg(long, default_value = "staging", value_name = "ALIAS")]
    pub from: String,

    /// The alias that is moved.
    #[arg(long, default_value = "prod", value_name = "ALIAS")]
    pub to: String,

    /// Route this share of --to's invocations (1-99) to the new version; the current version stays primary.
    #[arg(long, value_name = "PERCENT", value_parser = clap::value_parser!(u8).range(1..=99), conflicts_with = "finish")]
    pub canary: Option<u8>,

    /// With --canary: wait this long, check the new version again, then finish the canary.
    /// With --waves: wait this long after each wave before checking it. Seconds, or 90s, 10m, 1h.
    #[arg(long, value_name = "DURATION", value_parser = parse_bake)]
    pub bake: Option<u64>,

    /// Complete a canary: the canary version becomes --to's only version.
    #[arg(long)]
    pub finish: bool,

    /// Do not invoke --from before moving (for a function you know fails its check).
    #[arg(long)]
    pub skip_check: bool,

    #[command(flatten)]
    pub filter: FunctionFilter,

    /// Print the plan and change nothing.
    #[arg(long)]
    pub dry_run: bool,

    #[command(flatten)]
    pub fleet: FleetArgs,

    #[command(flatten)]
    pub waves: WaveArgs,
}

#[derive(Debug, Args)]
pub struct RollbackArgs {
    /// The alias to roll back.
    #[arg(long, default_value = "prod", value_name = "ALIAS")]
    pub alias: String,

    /// Point the alias at this published version instead of the one before its last move.
    #[arg(long, value_name = "N")]
    pub to_version: Option<String>,

    #[command(flatten)]
    pub filter: FunctionFilter,

    /// Print the plan and change nothing.
    #[arg(long)]
    pub dry_run: bool,

    #[command(flatten)]
    pub fleet: FleetArgs,

    /// With --fleet/--org: roll back the targets the last recorded wave moved (--progress).
    #[arg(long)]
    pub last_wave: bool,

    /// With --last-wave: the rollout's progress file (default: rosactl-rollout.json here).
    #[arg(long, value_name = "FILE", requires = "last_wave")]
    pub progress: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct HistoryArgs {
    #[command(flatten)]
    pub filter: FunctionFilter,

    /// Only this alias's moves.
    #[arg(long, value_name = "ALIAS")]
    pub alias: Option<String>,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Exit with 5 when the account differs from what rosactl deploys (drift or missing resources).
    #[arg(long)]
    pub check: bool,

    #[command(flatten)]
    pub fleet: FleetArgs,
}

/// `--bake`: seconds, or a number with s, m or h.
fn parse_bake(value: &str) -> Result<u64, String> {
    let (n, unit) = match value.char_indices().last() {
        Some((i, 's')) => (&value[..i], 1),
        Some((i, 'm')) => (&value[..i], 60),
        Some((i, 'h')) => (&value[..i], 3600),
        _ => (value, 1),
    };
    n.parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(unit))
        .filter(|s| *s <= 24 * 3600)
        .ok_or_else(|| {
            format!(
                "expected seconds or a duration such as 90s, 10m, 1h (at most 24h), got {value:?}"
            )
        })
}

/// `--name` of test-lambda and logs: a function by component or full name.
fn parse_function_name(value: &str) -> Result<&'static str, String> {
    rosa_lambda_packaging::function(value)
        .map(|f| f.function_name)
        .ok_or_else(|| {
            let known: Vec<&str> = rosa_lambda_packaging::FUNCTIONS
                .iter()
                .map(|f| f.component)
                .collect();
            format!(
                "expected one of {} (or the full rosa-... name)",
                known.join(", ")
            )
        })
}

#[derive(Debug, Args)]
pub struct TestLambdaArgs {
    /// The function: oidc-provisioner, preflight-checker or network-verifier.
    #[arg(long, value_name = "NAME", value_parser = parse_function_name)]
    pub name: &'static str,

    /// The alias (or version number) to invoke.
    #[arg(long, default_value = "prod", value_name = "ALIAS")]
    pub alias: String,

    /// A JSON file with the event to send (- reads stdin). Default: the function's built-in sample.
    #[arg(long, value_name = "FILE|-")]
    pub payload: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct LogsArgs {
    /// The function: oidc-provisioner, preflight-checker or network-verifier.
    #[arg(long, value_name = "NAME", value_parser = parse_function_name)]
    pub name: &'static str,

    /// How far back to start: a duration such as 90s, 30m, 1h, 2d, or an RFC 3339 time.
    #[arg(long, default_value = "1h", value_name = "DURATION|TIME")]
    pub since: String,

    /// Keep polling for new events until Ctrl-C.
    #[arg(short = 'f', long)]
    pub follow: bool,

    /// A CloudWatch Logs filter pattern (e.g. ERROR, or "\"cluster-1\"").
    #[arg(long, value_name = "PATTERN")]
    pub filter: Option<String>,

    /// With --follow: seconds between two polls.
    #[arg(long, default_value_t = 2.0, value_name = "SECONDS", hide = true)]
    pub poll_interval: f64,

    /// Archive the log group's events from --since on to S3 (a CloudWatch Logs export task,
    /// waited for). The bucket's policy must let the service write; it is read first.
    #[arg(long, value_name = "s3://BUCKET/PREFIX", conflicts_with_all = ["follow", "filter"])]
    pub export: Option<String>,
}

#[derive(Debug, Args)]
pub struct AuditArgs {
    /// How far back to start: a duration such as 24h, 7d, 90d, or an RFC 3339 time.
    #[arg(long, default_value = "7d", value_name = "DURATION|TIME")]
    pub since: String,

    /// Only the invocations that failed (the totals still count every one).
    #[arg(long)]
    pub failed: bool,

    #[command(flatten)]
    pub filter: FunctionFilter,
}

#[derive(Debug, Args)]
pub struct MetricsArgs {
    /// How far back to start: a duration such as 30m, 24h, 7d, or an RFC 3339 time.
    #[arg(long, default_value = "24h", value_name = "DURATION|TIME")]
    pub since: String,

    #[command(flatten)]
    pub filter: FunctionFilter,
}

#[derive(Debug, Args)]
pub struct VersionsArgs {
    #[command(flatten)]
    pub filter: FunctionFilter,

    /// Delete old versions nothing references, keeping the newest N (at least 1).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub keep: Option<u32>,

    /// With --keep: print what would be deleted and delete nothing.
    #[arg(long, requires = "keep")]
    pub dry_run: bool,

    #[command(flatten)]
    pub fleet: FleetArgs,
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

    #[command(flatten)]
    pub fleet: FleetArgs,
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

fn parse_kms_key_arn(value: &str) -> Result<String, String> {
    crate::deploy::names::check_kms_key_arn(value).map(|()| value.to_string())
}

/// The clap command, for generators.
pub fn command() -> clap::Command {
    <Cli as clap::CommandFactory>::command()
}
