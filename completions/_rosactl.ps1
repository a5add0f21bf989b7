
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'rosactl' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'rosactl'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'rosactl' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Check that rosactl can work: AWS credentials, region, Platform API reachable and ready, registration')
            [CompletionResult]::new('whoami', 'whoami', [CompletionResultType]::ParameterValue, 'Show the AWS identity, region, Platform API and registration rosactl uses')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Keep the Platform API URL (and --region) for later commands, after checking the API answers')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Forget the Platform API URL and region `rosactl login` kept')
            [CompletionResult]::new('cluster-vpc', 'cluster-vpc', [CompletionResultType]::ParameterValue, 'A cluster''s network: `cluster-vpc create|delete|list|describe` (VPC, subnets, NAT, routes, worker SG, private zone)')
            [CompletionResult]::new('cluster-iam', 'cluster-iam', [CompletionResultType]::ParameterValue, 'A cluster''s IAM roles: `cluster-iam create|delete|list|describe` (seven operator roles, the worker role and profile)')
            [CompletionResult]::new('cluster-oidc', 'cluster-oidc', [CompletionResultType]::ParameterValue, 'A cluster''s IAM OIDC provider: `cluster-oidc create|delete NAME` (made by the account''s rosa-oidc-provisioner)')
            [CompletionResult]::new('nodepool', 'nodepool', [CompletionResultType]::ParameterValue, 'Node pools of a cluster: `nodepool create|list|describe|delete`')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a resource (`create cluster`)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List resources (`list clusters`)')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Describe a resource (`describe cluster`)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a resource (`delete cluster`)')
            [CompletionResult]::new('cluster', 'cluster', [CompletionResultType]::ParameterValue, 'Clusters, noun first: `cluster create|list|describe|delete` (same as `create cluster` ...), `cluster kubeconfig|get-token`')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Show rosactl''s version and the embedded Lambda packages (verified against their SHA-256)')
            [CompletionResult]::new('setup-account', 'setup-account', [CompletionResultType]::ParameterValue, 'Deploy the three Lambda functions into this account and register it with the platform')
            [CompletionResult]::new('migrate-account', 'migrate-account', [CompletionResultType]::ParameterValue, 'Move an account that runs ROSA HCP (OIDC/STS roles) to the Lambda model, leaving its legacy setup untouched')
            [CompletionResult]::new('test-migration', 'test-migration', [CompletionResultType]::ParameterValue, 'Check a migrated account for CI: deployment, functions, permission, registration, legacy setup intact')
            [CompletionResult]::new('update-lambdas', 'update-lambdas', [CompletionResultType]::ParameterValue, 'Deliver the embedded packages to an alias (default staging): upload, publish, move, validate')
            [CompletionResult]::new('promote-lambdas', 'promote-lambdas', [CompletionResultType]::ParameterValue, 'Point `prod` at what `staging` runs, at once or as a canary (--canary, --finish)')
            [CompletionResult]::new('promote', 'promote', [CompletionResultType]::ParameterValue, 'Point `prod` at what `staging` runs, at once or as a canary (--canary, --finish)')
            [CompletionResult]::new('rollback-lambdas', 'rollback-lambdas', [CompletionResultType]::ParameterValue, 'Point an alias (default prod) back at the version it had before its last recorded move')
            [CompletionResult]::new('rollback', 'rollback', [CompletionResultType]::ParameterValue, 'Point an alias (default prod) back at the version it had before its last recorded move')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'List each alias''s recorded moves: from and to version, code SHA-256, who and when')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show what runs behind each alias and whether the account drifted from what rosactl deploys')
            [CompletionResult]::new('test-lambda', 'test-lambda', [CompletionResultType]::ParameterValue, 'Invoke a function with a built-in sample (or your payload); show its answer and log tail')
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'Show a function''s CloudWatch logs, readably (--follow to keep watching)')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Every invocation logged in a period, with totals, and the account''s access and logging facts')
            [CompletionResult]::new('metrics', 'metrics', [CompletionResultType]::ParameterValue, 'Each function''s invocations, errors, throttles and duration (p50, p99) from CloudWatch')
            [CompletionResult]::new('versions', 'versions', [CompletionResultType]::ParameterValue, 'List each function''s published versions (--keep N deletes old ones nothing uses)')
            [CompletionResult]::new('register-account', 'register-account', [CompletionResultType]::ParameterValue, 'Register a customer account with the platform (platform operators only)')
            [CompletionResult]::new('cleanup-access', 'cleanup-access', [CompletionResultType]::ParameterValue, 'Remove the platform''s permission to invoke the functions (keeps everything else)')
            [CompletionResult]::new('cleanup-account', 'cleanup-account', [CompletionResultType]::ParameterValue, 'Delete what setup-account created: functions, roles, the artifact bucket (logs with --delete-logs)')
            [CompletionResult]::new('export-lambdas', 'export-lambdas', [CompletionResultType]::ParameterValue, 'Write the embedded Lambda packages and their manifest to a directory, for review')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rosactl;init' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rosactl;whoami' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rosactl;login' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'The Platform API base URL, stage path included')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rosactl;logout' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rosactl;cluster-vpc' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create (or repair) the cluster''s network')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete the cluster''s network, after what a cluster left in it (load balancers, endpoints, security groups, records)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the cluster networks rosactl made in this region')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show the cluster''s network: VPC, subnets, security group, hosted zone')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rosactl;cluster-vpc;create' {
            [CompletionResult]::new('--availability-zones', '--availability-zones', [CompletionResultType]::ParameterName, 'One to three zones of the region (comma-separated)')
            [CompletionResult]::new('--vpc-cidr', '--vpc-cidr', [CompletionResultType]::ParameterName, 'The VPC''s CIDR: a private /16')
            [CompletionResult]::new('--tags', '--tags', [CompletionResultType]::ParameterName, 'Put these tags on every resource created, at creation: KEY=VALUE,... (default: the tags `setup-account --tags` recorded in the account)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('--single-nat-gateway', '--single-nat-gateway', [CompletionResultType]::ParameterName, 'One NAT gateway for all zones (cheaper; the zones share its availability)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rosactl;cluster-vpc;delete' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Return once the deletion is under way: after the checks (and the confirmation on a terminal), a detached rosactl process deletes the network, waiting out the NAT gateways, and writes its log to the file printed. Running the delete again finishes whatever it could not')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be deleted (the plan) and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rosactl;cluster-vpc;list' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rosactl;cluster-vpc;describe' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rosactl;cluster-vpc;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create (or repair) the cluster''s network')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete the cluster''s network, after what a cluster left in it (load balancers, endpoints, security groups, records)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the cluster networks rosactl made in this region')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show the cluster''s network: VPC, subnets, security group, hosted zone')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rosactl;cluster-vpc;help;create' {
            break
        }
        'rosactl;cluster-vpc;help;delete' {
            break
        }
        'rosactl;cluster-vpc;help;list' {
            break
        }
        'rosactl;cluster-vpc;help;describe' {
            break
        }
        'rosactl;cluster-vpc;help;help' {
            break
        }
        'rosactl;cluster-iam' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create (or repair) the cluster''s operator roles, worker role and instance profile')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete the cluster''s roles and instance profile (only those tagged as this cluster''s)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the clusters whose roles rosactl made in this account')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show the cluster''s roles and what `create` would still do')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rosactl;cluster-iam;create' {
            [CompletionResult]::new('--oidc-issuer-url', '--oidc-issuer-url', [CompletionResultType]::ParameterName, 'The cluster''s OIDC issuer URL (default: found, see above)')
            [CompletionResult]::new('--permissions-boundary', '--permissions-boundary', [CompletionResultType]::ParameterName, 'Set this managed policy as the permissions boundary of every IAM role rosactl creates')
            [CompletionResult]::new('--role-path', '--role-path', [CompletionResultType]::ParameterName, 'Create every IAM role under this path (e.g. /rosa/; default /)')
            [CompletionResult]::new('--tags', '--tags', [CompletionResultType]::ParameterName, 'Put these tags on every resource rosactl creates, at creation: KEY=VALUE,...')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rosactl;cluster-iam;delete' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Accepted as by every delete: IAM deletions take effect when answered, so there is nothing to wait for and the command returns when the roles are gone')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rosactl;cluster-iam;list' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rosactl;cluster-iam;describe' {
            [CompletionResult]::new('--oidc-issuer-url', '--oidc-issuer-url', [CompletionResultType]::ParameterName, 'The cluster''s OIDC issuer URL (default: found as for create)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rosactl;cluster-iam;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create (or repair) the cluster''s operator roles, worker role and instance profile')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete the cluster''s roles and instance profile (only those tagged as this cluster''s)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the clusters whose roles rosactl made in this account')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show the cluster''s roles and what `create` would still do')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rosactl;cluster-iam;help;create' {
            break
        }
        'rosactl;cluster-iam;help;delete' {
            break
        }
        'rosactl;cluster-iam;help;list' {
            break
        }
        'rosactl;cluster-iam;help;describe' {
            break
        }
        'rosactl;cluster-iam;help;help' {
            break
        }
        'rosactl;cluster-oidc' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create (or update) the cluster''s OIDC provider by invoking rosa-oidc-provisioner:prod')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete the cluster''s OIDC provider (only one tagged as this cluster''s)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the OIDC providers made for clusters in this account')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rosactl;cluster-oidc;create' {
            [CompletionResult]::new('--oidc-issuer-url', '--oidc-issuer-url', [CompletionResultType]::ParameterName, 'The cluster''s issuer URL (default: the cluster''s, from the Platform API)')
            [CompletionResult]::new('--thumbprint', '--thumbprint', [CompletionResultType]::ParameterName, 'The SHA-1 thumbprint (40 hex digits) of the issuer''s top CA certificate (default: computed)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the event that would be sent and invoke nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rosactl;cluster-oidc;delete' {
            [CompletionResult]::new('--oidc-issuer-url', '--oidc-issuer-url', [CompletionResultType]::ParameterName, 'The cluster''s issuer URL (default: found by the provider''s rosa:cluster-name tag)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Accepted as by every delete: an IAM deletion takes effect when answered, so there is nothing to wait for and the command returns when the provider is gone')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the provider(s) that would be deleted and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rosactl;cluster-oidc;list' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rosactl;cluster-oidc;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create (or update) the cluster''s OIDC provider by invoking rosa-oidc-provisioner:prod')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete the cluster''s OIDC provider (only one tagged as this cluster''s)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the OIDC providers made for clusters in this account')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rosactl;cluster-oidc;help;create' {
            break
        }
        'rosactl;cluster-oidc;help;delete' {
            break
        }
        'rosactl;cluster-oidc;help;list' {
            break
        }
        'rosactl;cluster-oidc;help;help' {
            break
        }
        'rosactl;nodepool' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a node pool in a cluster (its subnet defaults to the cluster''s)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List a cluster''s node pools')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a node pool: spec and phase')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a node pool')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a node pool''s replicas or auto-repair (PUT of the changed keys only)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rosactl;nodepool;create' {
            [CompletionResult]::new('--cluster-id', '--cluster-id', [CompletionResultType]::ParameterName, 'The cluster (its id, or its name)')
            [CompletionResult]::new('--replicas', '--replicas', [CompletionResultType]::ParameterName, 'Number of worker nodes (at least 1)')
            [CompletionResult]::new('--instance-type', '--instance-type', [CompletionResultType]::ParameterName, 'EC2 instance type of the nodes')
            [CompletionResult]::new('--subnet-id', '--subnet-id', [CompletionResultType]::ParameterName, 'The private subnet the nodes run in (default: the cluster''s subnet)')
            [CompletionResult]::new('--instance-profile', '--instance-profile', [CompletionResultType]::ParameterName, 'The worker instance profile')
            [CompletionResult]::new('--security-groups', '--security-groups', [CompletionResultType]::ParameterName, 'Security groups of the nodes (comma-separated)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'With --watch: how long to wait before giving up (the operation goes on)')
            [CompletionResult]::new('--poll-interval', '--poll-interval', [CompletionResultType]::ParameterName, 'With --watch: seconds between two reads of the cluster')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the request body and send nothing')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Follow the node pool''s phase until Ready')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rosactl;nodepool;list' {
            [CompletionResult]::new('--cluster-id', '--cluster-id', [CompletionResultType]::ParameterName, 'The cluster (its id, or its name)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rosactl;nodepool;describe' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rosactl;nodepool;delete' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'With --watch: how long to wait before giving up (the operation goes on)')
            [CompletionResult]::new('--poll-interval', '--poll-interval', [CompletionResultType]::ParameterName, 'With --watch: seconds between two reads of the cluster')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Wait until the platform no longer knows the node pool')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Return once the platform accepted the deletion (the default): the platform finishes it')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Check the node pool exists, print the request that would be sent, and send nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rosactl;nodepool;update' {
            [CompletionResult]::new('--cluster-id', '--cluster-id', [CompletionResultType]::ParameterName, 'The cluster (its id, or its name): a pool''s name is unique in its cluster only')
            [CompletionResult]::new('--replicas', '--replicas', [CompletionResultType]::ParameterName, 'Number of worker nodes (at least 1)')
            [CompletionResult]::new('--auto-repair', '--auto-repair', [CompletionResultType]::ParameterName, 'Let the platform replace unhealthy nodes')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'With --watch: how long to wait before giving up (the operation goes on)')
            [CompletionResult]::new('--poll-interval', '--poll-interval', [CompletionResultType]::ParameterName, 'With --watch: seconds between two reads of the cluster')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be sent and send nothing')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Follow the pool until Ready again')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rosactl;nodepool;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a node pool in a cluster (its subnet defaults to the cluster''s)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List a cluster''s node pools')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a node pool: spec and phase')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a node pool')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a node pool''s replicas or auto-repair (PUT of the changed keys only)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rosactl;nodepool;help;create' {
            break
        }
        'rosactl;nodepool;help;list' {
            break
        }
        'rosactl;nodepool;help;describe' {
            break
        }
        'rosactl;nodepool;help;delete' {
            break
        }
        'rosactl;nodepool;help;update' {
            break
        }
        'rosactl;nodepool;help;help' {
            break
        }
        'rosactl;create' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('cluster', 'cluster', [CompletionResultType]::ParameterValue, 'Create a cluster through the Platform API')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rosactl;create;cluster' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The cluster''s name: 3-18 lowercase letters, digits and ''-''')
            [CompletionResult]::new('--vpc-id', '--vpc-id', [CompletionResultType]::ParameterName, 'The VPC the cluster''s nodes run in')
            [CompletionResult]::new('--subnet-ids', '--subnet-ids', [CompletionResultType]::ParameterName, 'The subnets for the cluster''s nodes (comma-separated); the first is sent to the platform')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Availability zone (of --region)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'OpenShift release (e.g. 4.18.5) or a full release image')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A tag for the cluster (repeatable)')
            [CompletionResult]::new('--spec-file', '--spec-file', [CompletionResultType]::ParameterName, 'A JSON or YAML file merged into the cluster spec (flags win)')
            [CompletionResult]::new('--placement', '--placement', [CompletionResultType]::ParameterName, 'Sent as spec.placement, for ephemeral environments that pin a management cluster (other servers ignore it)')
            [CompletionResult]::new('--instance-type', '--instance-type', [CompletionResultType]::ParameterName, 'With --preflight: the worker instance type to check quotas and offerings for')
            [CompletionResult]::new('--replicas', '--replicas', [CompletionResultType]::ParameterName, 'With --preflight: the number of worker nodes to check quotas for')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'With --watch: how long to wait before giving up (the operation goes on)')
            [CompletionResult]::new('--poll-interval', '--poll-interval', [CompletionResultType]::ParameterName, 'With --watch: seconds between two reads of the cluster')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('--preflight', '--preflight', [CompletionResultType]::ParameterName, 'First run your account''s own preflight-checker and network-verifier (prod alias); refuse on failed checks')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the request body and send nothing')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Follow the cluster''s phase until Ready or Failed')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'rosactl;create;help' {
            [CompletionResult]::new('cluster', 'cluster', [CompletionResultType]::ParameterValue, 'Create a cluster through the Platform API')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rosactl;create;help;cluster' {
            break
        }
        'rosactl;create;help;help' {
            break
        }
        'rosactl;list' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('clusters', 'clusters', [CompletionResultType]::ParameterValue, 'List your clusters (all pages)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rosactl;list;clusters' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only clusters in this phase (e.g. Ready)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many clusters')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rosactl;list;help' {
            [CompletionResult]::new('clusters', 'clusters', [CompletionResultType]::ParameterValue, 'List your clusters (all pages)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rosactl;list;help;clusters' {
            break
        }
        'rosactl;list;help;help' {
            break
        }
        'rosactl;describe' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('cluster', 'cluster', [CompletionResultType]::ParameterValue, 'Show a cluster: spec, phase, conditions, controllers, OIDC issuer URL, API endpoint')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rosactl;describe;cluster' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rosactl;describe;help' {
            [CompletionResult]::new('cluster', 'cluster', [CompletionResultType]::ParameterValue, 'Show a cluster: spec, phase, conditions, controllers, OIDC issuer URL, API endpoint')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rosactl;describe;help;cluster' {
            break
        }
        'rosactl;describe;help;help' {
            break
        }
        'rosactl;delete' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('cluster', 'cluster', [CompletionResultType]::ParameterValue, 'Delete a cluster')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rosactl;delete;cluster' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'With --watch: how long to wait before giving up (the operation goes on)')
            [CompletionResult]::new('--poll-interval', '--poll-interval', [CompletionResultType]::ParameterName, 'With --watch: seconds between two reads of the cluster')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Wait until the platform no longer knows the cluster')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Return once the platform accepted the deletion (the default): the platform finishes it')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Check the cluster exists, print the request that would be sent, and send nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rosactl;delete;help' {
            [CompletionResult]::new('cluster', 'cluster', [CompletionResultType]::ParameterValue, 'Delete a cluster')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rosactl;delete;help;cluster' {
            break
        }
        'rosactl;delete;help;help' {
            break
        }
        'rosactl;cluster' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Same as `create cluster`')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Same as `list clusters`')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Same as `describe cluster`')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Same as `delete cluster`')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change what a customer may change on a cluster (PATCH: only the keys changed are sent)')
            [CompletionResult]::new('kubeconfig', 'kubeconfig', [CompletionResultType]::ParameterValue, 'Write a kubeconfig for the cluster''s API server; its user runs `rosactl cluster get-token`')
            [CompletionResult]::new('get-token', 'get-token', [CompletionResultType]::ParameterValue, 'Print an ExecCredential with an EKS-style token (presigned STS GetCallerIdentity) for kubectl')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rosactl;cluster;create' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The cluster''s name: 3-18 lowercase letters, digits and ''-''')
            [CompletionResult]::new('--vpc-id', '--vpc-id', [CompletionResultType]::ParameterName, 'The VPC the cluster''s nodes run in')
            [CompletionResult]::new('--subnet-ids', '--subnet-ids', [CompletionResultType]::ParameterName, 'The subnets for the cluster''s nodes (comma-separated); the first is sent to the platform')
            [CompletionResult]::new('--zone', '--zone', [CompletionResultType]::ParameterName, 'Availability zone (of --region)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'OpenShift release (e.g. 4.18.5) or a full release image')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A tag for the cluster (repeatable)')
            [CompletionResult]::new('--spec-file', '--spec-file', [CompletionResultType]::ParameterName, 'A JSON or YAML file merged into the cluster spec (flags win)')
            [CompletionResult]::new('--placement', '--placement', [CompletionResultType]::ParameterName, 'Sent as spec.placement, for ephemeral environments that pin a management cluster (other servers ignore it)')
            [CompletionResult]::new('--instance-type', '--instance-type', [CompletionResultType]::ParameterName, 'With --preflight: the worker instance type to check quotas and offerings for')
            [CompletionResult]::new('--replicas', '--replicas', [CompletionResultType]::ParameterName, 'With --preflight: the number of worker nodes to check quotas for')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'With --watch: how long to wait before giving up (the operation goes on)')
            [CompletionResult]::new('--poll-interval', '--poll-interval', [CompletionResultType]::ParameterName, 'With --watch: seconds between two reads of the cluster')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('--preflight', '--preflight', [CompletionResultType]::ParameterName, 'First run your account''s own preflight-checker and network-verifier (prod alias); refuse on failed checks')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the request body and send nothing')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Follow the cluster''s phase until Ready or Failed')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'rosactl;cluster;list' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only clusters in this phase (e.g. Ready)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many clusters')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rosactl;cluster;describe' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rosactl;cluster;delete' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'With --watch: how long to wait before giving up (the operation goes on)')
            [CompletionResult]::new('--poll-interval', '--poll-interval', [CompletionResultType]::ParameterName, 'With --watch: seconds between two reads of the cluster')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Wait until the platform no longer knows the cluster')
            [CompletionResult]::new('--no-wait', '--no-wait', [CompletionResultType]::ParameterName, 'Return once the platform accepted the deletion (the default): the platform finishes it')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Check the cluster exists, print the request that would be sent, and send nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rosactl;cluster;update' {
            [CompletionResult]::new('--delete-protection', '--delete-protection', [CompletionResultType]::ParameterName, 'Refuse deletes of the cluster while true')
            [CompletionResult]::new('--expiration', '--expiration', [CompletionResultType]::ParameterName, 'When the platform may delete the cluster: an RFC 3339 UTC time (2027-01-31T00:00:00Z), or `none` to clear it')
            [CompletionResult]::new('--display-name', '--display-name', [CompletionResultType]::ParameterName, 'The name shown for the cluster (its name itself never changes)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'The control plane''s OpenShift version (or a release image): an upgrade')
            [CompletionResult]::new('--upgrade-policy-file', '--upgrade-policy-file', [CompletionResultType]::ParameterName, 'The control plane''s upgrade policy, as the platform takes it: a JSON or YAML object sent as `spec.controlPlaneUpgradePolicy`')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'With --watch: how long to wait before giving up (the operation goes on)')
            [CompletionResult]::new('--poll-interval', '--poll-interval', [CompletionResultType]::ParameterName, 'With --watch: seconds between two reads of the cluster')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print what would be sent and send nothing')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'Follow the cluster until Ready again')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'rosactl;cluster;kubeconfig' {
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Write it to this file (mode 0600) instead of stdout')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rosactl;cluster;get-token' {
            [CompletionResult]::new('--cluster-id', '--cluster-id', [CompletionResultType]::ParameterName, 'The cluster''s id (signed into the token as x-k8s-aws-id)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rosactl;cluster;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Same as `create cluster`')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Same as `list clusters`')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Same as `describe cluster`')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Same as `delete cluster`')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change what a customer may change on a cluster (PATCH: only the keys changed are sent)')
            [CompletionResult]::new('kubeconfig', 'kubeconfig', [CompletionResultType]::ParameterValue, 'Write a kubeconfig for the cluster''s API server; its user runs `rosactl cluster get-token`')
            [CompletionResult]::new('get-token', 'get-token', [CompletionResultType]::ParameterValue, 'Print an ExecCredential with an EKS-style token (presigned STS GetCallerIdentity) for kubectl')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rosactl;cluster;help;create' {
            break
        }
        'rosactl;cluster;help;list' {
            break
        }
        'rosactl;cluster;help;describe' {
            break
        }
        'rosactl;cluster;help;delete' {
            break
        }
        'rosactl;cluster;help;update' {
            break
        }
        'rosactl;cluster;help;kubeconfig' {
            break
        }
        'rosactl;cluster;help;get-token' {
            break
        }
        'rosactl;cluster;help;help' {
            break
        }
        'rosactl;version' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rosactl;setup-account' {
            [CompletionResult]::new('--invoker-role-arn', '--invoker-role-arn', [CompletionResultType]::ParameterName, 'The role allowed to invoke the functions (default: the `arn` of the Platform API''s /api/v0/info)')
            [CompletionResult]::new('--log-retention-days', '--log-retention-days', [CompletionResultType]::ParameterName, 'How long the functions'' logs are kept at least: `never` (no expiry), or 90 or more days, a value CloudWatch Logs accepts. A longer retention already set is never shortened')
            [CompletionResult]::new('--log-kms-key-arn', '--log-kms-key-arn', [CompletionResultType]::ParameterName, 'Encrypt the functions'' log groups with this customer-managed KMS key')
            [CompletionResult]::new('--permissions-boundary', '--permissions-boundary', [CompletionResultType]::ParameterName, 'Set this managed policy as the permissions boundary of every IAM role rosactl creates')
            [CompletionResult]::new('--role-path', '--role-path', [CompletionResultType]::ParameterName, 'Create every IAM role under this path (e.g. /rosa/; default /)')
            [CompletionResult]::new('--tags', '--tags', [CompletionResultType]::ParameterName, 'Put these tags on every resource rosactl creates, at creation: KEY=VALUE,...')
            [CompletionResult]::new('--tracing', '--tracing', [CompletionResultType]::ParameterName, 'X-Ray active tracing on the functions (`active`), or none (`off`); the execution roles get X-Ray''s write permission only while it is on. Recorded: later runs keep it')
            [CompletionResult]::new('--reserved-concurrency', '--reserved-concurrency', [CompletionResultType]::ParameterName, 'Reserve concurrent executions: `N` for every function, `FUNCTION=N,...` for some, `off` (or `FUNCTION=off`) to remove a reservation. Refused when the account''s unreserved concurrency would fall below Lambda''s minimum (100). Recorded: later runs keep it')
            [CompletionResult]::new('--alarm-topic', '--alarm-topic', [CompletionResultType]::ParameterName, 'The SNS topic (same region) the alarms notify; implies --alarms')
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, '`auto` applies the plan; `manual` writes it for an administrator to review and run (policies as JSON, an AWS CLI script, the packages and their SHA-256) to --out, and changes nothing')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'With --mode manual: the directory to write to (created; must be empty if it exists)')
            [CompletionResult]::new('--fleet', '--fleet', [CompletionResultType]::ParameterName, 'Run in every target of this fleet file (YAML: `targets:` entries with `profile` or `role_arn`, optional `regions`, `resource_prefix`, `tags`, `permissions_boundary`)')
            [CompletionResult]::new('--role-name', '--role-name', [CompletionResultType]::ParameterName, 'With --org: the role to assume in each account')
            [CompletionResult]::new('--ou', '--ou', [CompletionResultType]::ParameterName, 'With --org: only the accounts under this organizational unit (and its child units)')
            [CompletionResult]::new('--exclude', '--exclude', [CompletionResultType]::ParameterName, 'With --org: leave these accounts out (comma-separated ids)')
            [CompletionResult]::new('--regions', '--regions', [CompletionResultType]::ParameterName, 'The regions to run in, for every target (default: the fleet file''s, else the current region)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many accounts at once (the regions of one account run one after the other)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('--alarms', '--alarms', [CompletionResultType]::ParameterName, 'CloudWatch alarms on every function: error rate above 5% over 5 minutes, any throttle, a duration above 30 s. Recorded: later runs keep them; --no-alarms removes them')
            [CompletionResult]::new('--no-alarms', '--no-alarms', [CompletionResultType]::ParameterName, 'Remove rosactl''s alarms (and the recorded notification topic)')
            [CompletionResult]::new('--dashboard', '--dashboard', [CompletionResultType]::ParameterName, 'A CloudWatch dashboard of the functions (invocations, errors, throttles, duration p50/p99, their own figures), named rosa-lambda-REGION. Recorded; --no-dashboard removes it')
            [CompletionResult]::new('--no-dashboard', '--no-dashboard', [CompletionResultType]::ParameterName, 'Remove rosactl''s dashboard')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Run in every active account of your AWS Organization (organizations:ListAccounts), assuming --role-name in each')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rosactl;migrate-account' {
            [CompletionResult]::new('--invoker-role-arn', '--invoker-role-arn', [CompletionResultType]::ParameterName, 'The role allowed to invoke the functions (default: the `arn` of the Platform API''s /api/v0/info)')
            [CompletionResult]::new('--log-retention-days', '--log-retention-days', [CompletionResultType]::ParameterName, 'How long the functions'' logs are kept at least: `never` (no expiry), or 90 or more days, a value CloudWatch Logs accepts. A longer retention already set is never shortened')
            [CompletionResult]::new('--log-kms-key-arn', '--log-kms-key-arn', [CompletionResultType]::ParameterName, 'Encrypt the functions'' log groups with this customer-managed KMS key')
            [CompletionResult]::new('--permissions-boundary', '--permissions-boundary', [CompletionResultType]::ParameterName, 'Set this managed policy as the permissions boundary of every IAM role rosactl creates')
            [CompletionResult]::new('--role-path', '--role-path', [CompletionResultType]::ParameterName, 'Create every IAM role under this path (e.g. /rosa/; default /)')
            [CompletionResult]::new('--tags', '--tags', [CompletionResultType]::ParameterName, 'Put these tags on every resource rosactl creates, at creation: KEY=VALUE,...')
            [CompletionResult]::new('--tracing', '--tracing', [CompletionResultType]::ParameterName, 'X-Ray active tracing on the functions (`active`), or none (`off`); the execution roles get X-Ray''s write permission only while it is on. Recorded: later runs keep it')
            [CompletionResult]::new('--reserved-concurrency', '--reserved-concurrency', [CompletionResultType]::ParameterName, 'Reserve concurrent executions: `N` for every function, `FUNCTION=N,...` for some, `off` (or `FUNCTION=off`) to remove a reservation. Refused when the account''s unreserved concurrency would fall below Lambda''s minimum (100). Recorded: later runs keep it')
            [CompletionResult]::new('--alarm-topic', '--alarm-topic', [CompletionResultType]::ParameterName, 'The SNS topic (same region) the alarms notify; implies --alarms')
            [CompletionResult]::new('--mode', '--mode', [CompletionResultType]::ParameterName, '`auto` applies the plan; `manual` writes it for an administrator to review and run (policies as JSON, an AWS CLI script, the packages and their SHA-256) to --out, and changes nothing')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'With --mode manual: the directory to write to (created; must be empty if it exists)')
            [CompletionResult]::new('--fleet', '--fleet', [CompletionResultType]::ParameterName, 'Run in every target of this fleet file (YAML: `targets:` entries with `profile` or `role_arn`, optional `regions`, `resource_prefix`, `tags`, `permissions_boundary`)')
            [CompletionResult]::new('--role-name', '--role-name', [CompletionResultType]::ParameterName, 'With --org: the role to assume in each account')
            [CompletionResult]::new('--ou', '--ou', [CompletionResultType]::ParameterName, 'With --org: only the accounts under this organizational unit (and its child units)')
            [CompletionResult]::new('--exclude', '--exclude', [CompletionResultType]::ParameterName, 'With --org: leave these accounts out (comma-separated ids)')
            [CompletionResult]::new('--regions', '--regions', [CompletionResultType]::ParameterName, 'The regions to run in, for every target (default: the fleet file''s, else the current region)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many accounts at once (the regions of one account run one after the other)')
            [CompletionResult]::new('--remove-legacy-oidc', '--remove-legacy-oidc', [CompletionResultType]::ParameterName, 'Delete this legacy OIDC provider (issuer URL or host/path) instead of migrating; refused while any role in the account trusts it (with --dry-run: check, and change nothing)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('--alarms', '--alarms', [CompletionResultType]::ParameterName, 'CloudWatch alarms on every function: error rate above 5% over 5 minutes, any throttle, a duration above 30 s. Recorded: later runs keep them; --no-alarms removes them')
            [CompletionResult]::new('--no-alarms', '--no-alarms', [CompletionResultType]::ParameterName, 'Remove rosactl''s alarms (and the recorded notification topic)')
            [CompletionResult]::new('--dashboard', '--dashboard', [CompletionResultType]::ParameterName, 'A CloudWatch dashboard of the functions (invocations, errors, throttles, duration p50/p99, their own figures), named rosa-lambda-REGION. Recorded; --no-dashboard removes it')
            [CompletionResult]::new('--no-dashboard', '--no-dashboard', [CompletionResultType]::ParameterName, 'Remove rosactl''s dashboard')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Run in every active account of your AWS Organization (organizations:ListAccounts), assuming --role-name in each')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rosactl;test-migration' {
            [CompletionResult]::new('--invoker-role-arn', '--invoker-role-arn', [CompletionResultType]::ParameterName, 'The invoker the permission must name (default: the `arn` of the Platform API''s /api/v0/info)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rosactl;update-lambdas' {
            [CompletionResult]::new('--alias', '--alias', [CompletionResultType]::ParameterName, 'The alias to deliver to')
            [CompletionResult]::new('--function', '--function', [CompletionResultType]::ParameterName, 'Only this function (repeatable or comma-separated): oidc-provisioner, preflight-checker, network-verifier (or the full rosa-... name). Default: all three')
            [CompletionResult]::new('--fleet', '--fleet', [CompletionResultType]::ParameterName, 'Run in every target of this fleet file (YAML: `targets:` entries with `profile` or `role_arn`, optional `regions`, `resource_prefix`, `tags`, `permissions_boundary`)')
            [CompletionResult]::new('--role-name', '--role-name', [CompletionResultType]::ParameterName, 'With --org: the role to assume in each account')
            [CompletionResult]::new('--ou', '--ou', [CompletionResultType]::ParameterName, 'With --org: only the accounts under this organizational unit (and its child units)')
            [CompletionResult]::new('--exclude', '--exclude', [CompletionResultType]::ParameterName, 'With --org: leave these accounts out (comma-separated ids)')
            [CompletionResult]::new('--regions', '--regions', [CompletionResultType]::ParameterName, 'The regions to run in, for every target (default: the fleet file''s, else the current region)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many accounts at once (the regions of one account run one after the other)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Run in every active account of your AWS Organization (organizations:ListAccounts), assuming --role-name in each')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rosactl;promote-lambdas' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'The alias whose version is promoted')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The alias that is moved')
            [CompletionResult]::new('--canary', '--canary', [CompletionResultType]::ParameterName, 'Route this share of --to''s invocations (1-99) to the new version; the current version stays primary')
            [CompletionResult]::new('--bake', '--bake', [CompletionResultType]::ParameterName, 'With --canary: wait this long, check the new version again, then finish the canary. With --waves: wait this long after each wave before checking it. Seconds, or 90s, 10m, 1h')
            [CompletionResult]::new('--function', '--function', [CompletionResultType]::ParameterName, 'Only this function (repeatable or comma-separated): oidc-provisioner, preflight-checker, network-verifier (or the full rosa-... name). Default: all three')
            [CompletionResult]::new('--fleet', '--fleet', [CompletionResultType]::ParameterName, 'Run in every target of this fleet file (YAML: `targets:` entries with `profile` or `role_arn`, optional `regions`, `resource_prefix`, `tags`, `permissions_boundary`)')
            [CompletionResult]::new('--role-name', '--role-name', [CompletionResultType]::ParameterName, 'With --org: the role to assume in each account')
            [CompletionResult]::new('--ou', '--ou', [CompletionResultType]::ParameterName, 'With --org: only the accounts under this organizational unit (and its child units)')
            [CompletionResult]::new('--exclude', '--exclude', [CompletionResultType]::ParameterName, 'With --org: leave these accounts out (comma-separated ids)')
            [CompletionResult]::new('--regions', '--regions', [CompletionResultType]::ParameterName, 'The regions to run in, for every target (default: the fleet file''s, else the current region)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many accounts at once (the regions of one account run one after the other)')
            [CompletionResult]::new('--waves', '--waves', [CompletionResultType]::ParameterName, 'With --fleet/--org: promote in waves, e.g. 1,10%,rest: each wave promoted, baked, checked (status --check of each target) before the next; the first failure stops it')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Where the rollout''s progress is recorded (default: rosactl-rollout.json here)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('--finish', '--finish', [CompletionResultType]::ParameterName, 'Complete a canary: the canary version becomes --to''s only version')
            [CompletionResult]::new('--skip-check', '--skip-check', [CompletionResultType]::ParameterName, 'Do not invoke --from before moving (for a function you know fails its check)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Run in every active account of your AWS Organization (organizations:ListAccounts), assuming --role-name in each')
            [CompletionResult]::new('--resume', '--resume', [CompletionResultType]::ParameterName, 'With --waves: continue the recorded rollout after its last completed wave')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rosactl;promote' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'The alias whose version is promoted')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The alias that is moved')
            [CompletionResult]::new('--canary', '--canary', [CompletionResultType]::ParameterName, 'Route this share of --to''s invocations (1-99) to the new version; the current version stays primary')
            [CompletionResult]::new('--bake', '--bake', [CompletionResultType]::ParameterName, 'With --canary: wait this long, check the new version again, then finish the canary. With --waves: wait this long after each wave before checking it. Seconds, or 90s, 10m, 1h')
            [CompletionResult]::new('--function', '--function', [CompletionResultType]::ParameterName, 'Only this function (repeatable or comma-separated): oidc-provisioner, preflight-checker, network-verifier (or the full rosa-... name). Default: all three')
            [CompletionResult]::new('--fleet', '--fleet', [CompletionResultType]::ParameterName, 'Run in every target of this fleet file (YAML: `targets:` entries with `profile` or `role_arn`, optional `regions`, `resource_prefix`, `tags`, `permissions_boundary`)')
            [CompletionResult]::new('--role-name', '--role-name', [CompletionResultType]::ParameterName, 'With --org: the role to assume in each account')
            [CompletionResult]::new('--ou', '--ou', [CompletionResultType]::ParameterName, 'With --org: only the accounts under this organizational unit (and its child units)')
            [CompletionResult]::new('--exclude', '--exclude', [CompletionResultType]::ParameterName, 'With --org: leave these accounts out (comma-separated ids)')
            [CompletionResult]::new('--regions', '--regions', [CompletionResultType]::ParameterName, 'The regions to run in, for every target (default: the fleet file''s, else the current region)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many accounts at once (the regions of one account run one after the other)')
            [CompletionResult]::new('--waves', '--waves', [CompletionResultType]::ParameterName, 'With --fleet/--org: promote in waves, e.g. 1,10%,rest: each wave promoted, baked, checked (status --check of each target) before the next; the first failure stops it')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'Where the rollout''s progress is recorded (default: rosactl-rollout.json here)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('--finish', '--finish', [CompletionResultType]::ParameterName, 'Complete a canary: the canary version becomes --to''s only version')
            [CompletionResult]::new('--skip-check', '--skip-check', [CompletionResultType]::ParameterName, 'Do not invoke --from before moving (for a function you know fails its check)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Run in every active account of your AWS Organization (organizations:ListAccounts), assuming --role-name in each')
            [CompletionResult]::new('--resume', '--resume', [CompletionResultType]::ParameterName, 'With --waves: continue the recorded rollout after its last completed wave')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rosactl;rollback-lambdas' {
            [CompletionResult]::new('--alias', '--alias', [CompletionResultType]::ParameterName, 'The alias to roll back')
            [CompletionResult]::new('--to-version', '--to-version', [CompletionResultType]::ParameterName, 'Point the alias at this published version instead of the one before its last move')
            [CompletionResult]::new('--function', '--function', [CompletionResultType]::ParameterName, 'Only this function (repeatable or comma-separated): oidc-provisioner, preflight-checker, network-verifier (or the full rosa-... name). Default: all three')
            [CompletionResult]::new('--fleet', '--fleet', [CompletionResultType]::ParameterName, 'Run in every target of this fleet file (YAML: `targets:` entries with `profile` or `role_arn`, optional `regions`, `resource_prefix`, `tags`, `permissions_boundary`)')
            [CompletionResult]::new('--role-name', '--role-name', [CompletionResultType]::ParameterName, 'With --org: the role to assume in each account')
            [CompletionResult]::new('--ou', '--ou', [CompletionResultType]::ParameterName, 'With --org: only the accounts under this organizational unit (and its child units)')
            [CompletionResult]::new('--exclude', '--exclude', [CompletionResultType]::ParameterName, 'With --org: leave these accounts out (comma-separated ids)')
            [CompletionResult]::new('--regions', '--regions', [CompletionResultType]::ParameterName, 'The regions to run in, for every target (default: the fleet file''s, else the current region)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many accounts at once (the regions of one account run one after the other)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'With --last-wave: the rollout''s progress file (default: rosactl-rollout.json here)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Run in every active account of your AWS Organization (organizations:ListAccounts), assuming --role-name in each')
            [CompletionResult]::new('--last-wave', '--last-wave', [CompletionResultType]::ParameterName, 'With --fleet/--org: roll back the targets the last recorded wave moved (--progress)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rosactl;rollback' {
            [CompletionResult]::new('--alias', '--alias', [CompletionResultType]::ParameterName, 'The alias to roll back')
            [CompletionResult]::new('--to-version', '--to-version', [CompletionResultType]::ParameterName, 'Point the alias at this published version instead of the one before its last move')
            [CompletionResult]::new('--function', '--function', [CompletionResultType]::ParameterName, 'Only this function (repeatable or comma-separated): oidc-provisioner, preflight-checker, network-verifier (or the full rosa-... name). Default: all three')
            [CompletionResult]::new('--fleet', '--fleet', [CompletionResultType]::ParameterName, 'Run in every target of this fleet file (YAML: `targets:` entries with `profile` or `role_arn`, optional `regions`, `resource_prefix`, `tags`, `permissions_boundary`)')
            [CompletionResult]::new('--role-name', '--role-name', [CompletionResultType]::ParameterName, 'With --org: the role to assume in each account')
            [CompletionResult]::new('--ou', '--ou', [CompletionResultType]::ParameterName, 'With --org: only the accounts under this organizational unit (and its child units)')
            [CompletionResult]::new('--exclude', '--exclude', [CompletionResultType]::ParameterName, 'With --org: leave these accounts out (comma-separated ids)')
            [CompletionResult]::new('--regions', '--regions', [CompletionResultType]::ParameterName, 'The regions to run in, for every target (default: the fleet file''s, else the current region)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many accounts at once (the regions of one account run one after the other)')
            [CompletionResult]::new('--progress', '--progress', [CompletionResultType]::ParameterName, 'With --last-wave: the rollout''s progress file (default: rosactl-rollout.json here)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Run in every active account of your AWS Organization (organizations:ListAccounts), assuming --role-name in each')
            [CompletionResult]::new('--last-wave', '--last-wave', [CompletionResultType]::ParameterName, 'With --fleet/--org: roll back the targets the last recorded wave moved (--progress)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rosactl;history' {
            [CompletionResult]::new('--function', '--function', [CompletionResultType]::ParameterName, 'Only this function (repeatable or comma-separated): oidc-provisioner, preflight-checker, network-verifier (or the full rosa-... name). Default: all three')
            [CompletionResult]::new('--alias', '--alias', [CompletionResultType]::ParameterName, 'Only this alias''s moves')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rosactl;status' {
            [CompletionResult]::new('--fleet', '--fleet', [CompletionResultType]::ParameterName, 'Run in every target of this fleet file (YAML: `targets:` entries with `profile` or `role_arn`, optional `regions`, `resource_prefix`, `tags`, `permissions_boundary`)')
            [CompletionResult]::new('--role-name', '--role-name', [CompletionResultType]::ParameterName, 'With --org: the role to assume in each account')
            [CompletionResult]::new('--ou', '--ou', [CompletionResultType]::ParameterName, 'With --org: only the accounts under this organizational unit (and its child units)')
            [CompletionResult]::new('--exclude', '--exclude', [CompletionResultType]::ParameterName, 'With --org: leave these accounts out (comma-separated ids)')
            [CompletionResult]::new('--regions', '--regions', [CompletionResultType]::ParameterName, 'The regions to run in, for every target (default: the fleet file''s, else the current region)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many accounts at once (the regions of one account run one after the other)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Exit with 5 when the account differs from what rosactl deploys (drift or missing resources)')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Run in every active account of your AWS Organization (organizations:ListAccounts), assuming --role-name in each')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rosactl;test-lambda' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The function: oidc-provisioner, preflight-checker or network-verifier')
            [CompletionResult]::new('--alias', '--alias', [CompletionResultType]::ParameterName, 'The alias (or version number) to invoke')
            [CompletionResult]::new('--payload', '--payload', [CompletionResultType]::ParameterName, 'A JSON file with the event to send (- reads stdin). Default: the function''s built-in sample')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rosactl;logs' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The function: oidc-provisioner, preflight-checker or network-verifier')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'How far back to start: a duration such as 90s, 30m, 1h, 2d, or an RFC 3339 time')
            [CompletionResult]::new('--filter', '--filter', [CompletionResultType]::ParameterName, 'A CloudWatch Logs filter pattern (e.g. ERROR, or "\"cluster-1\"")')
            [CompletionResult]::new('--poll-interval', '--poll-interval', [CompletionResultType]::ParameterName, 'With --follow: seconds between two polls')
            [CompletionResult]::new('--export', '--export', [CompletionResultType]::ParameterName, 'Archive the log group''s events from --since on to S3 (a CloudWatch Logs export task, waited for). The bucket''s policy must let the service write; it is read first')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Keep polling for new events until Ctrl-C')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Keep polling for new events until Ctrl-C')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rosactl;audit' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'How far back to start: a duration such as 24h, 7d, 90d, or an RFC 3339 time')
            [CompletionResult]::new('--function', '--function', [CompletionResultType]::ParameterName, 'Only this function (repeatable or comma-separated): oidc-provisioner, preflight-checker, network-verifier (or the full rosa-... name). Default: all three')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('--failed', '--failed', [CompletionResultType]::ParameterName, 'Only the invocations that failed (the totals still count every one)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rosactl;metrics' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'How far back to start: a duration such as 30m, 24h, 7d, or an RFC 3339 time')
            [CompletionResult]::new('--function', '--function', [CompletionResultType]::ParameterName, 'Only this function (repeatable or comma-separated): oidc-provisioner, preflight-checker, network-verifier (or the full rosa-... name). Default: all three')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rosactl;versions' {
            [CompletionResult]::new('--function', '--function', [CompletionResultType]::ParameterName, 'Only this function (repeatable or comma-separated): oidc-provisioner, preflight-checker, network-verifier (or the full rosa-... name). Default: all three')
            [CompletionResult]::new('--keep', '--keep', [CompletionResultType]::ParameterName, 'Delete old versions nothing references, keeping the newest N (at least 1)')
            [CompletionResult]::new('--fleet', '--fleet', [CompletionResultType]::ParameterName, 'Run in every target of this fleet file (YAML: `targets:` entries with `profile` or `role_arn`, optional `regions`, `resource_prefix`, `tags`, `permissions_boundary`)')
            [CompletionResult]::new('--role-name', '--role-name', [CompletionResultType]::ParameterName, 'With --org: the role to assume in each account')
            [CompletionResult]::new('--ou', '--ou', [CompletionResultType]::ParameterName, 'With --org: only the accounts under this organizational unit (and its child units)')
            [CompletionResult]::new('--exclude', '--exclude', [CompletionResultType]::ParameterName, 'With --org: leave these accounts out (comma-separated ids)')
            [CompletionResult]::new('--regions', '--regions', [CompletionResultType]::ParameterName, 'The regions to run in, for every target (default: the fleet file''s, else the current region)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many accounts at once (the regions of one account run one after the other)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'With --keep: print what would be deleted and delete nothing')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Run in every active account of your AWS Organization (organizations:ListAccounts), assuming --role-name in each')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rosactl;register-account' {
            [CompletionResult]::new('--account-id', '--account-id', [CompletionResultType]::ParameterName, 'The customer''s 12-digit AWS account id')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the request and send nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rosactl;cleanup-access' {
            [CompletionResult]::new('--fleet', '--fleet', [CompletionResultType]::ParameterName, 'Run in every target of this fleet file (YAML: `targets:` entries with `profile` or `role_arn`, optional `regions`, `resource_prefix`, `tags`, `permissions_boundary`)')
            [CompletionResult]::new('--role-name', '--role-name', [CompletionResultType]::ParameterName, 'With --org: the role to assume in each account')
            [CompletionResult]::new('--ou', '--ou', [CompletionResultType]::ParameterName, 'With --org: only the accounts under this organizational unit (and its child units)')
            [CompletionResult]::new('--exclude', '--exclude', [CompletionResultType]::ParameterName, 'With --org: leave these accounts out (comma-separated ids)')
            [CompletionResult]::new('--regions', '--regions', [CompletionResultType]::ParameterName, 'The regions to run in, for every target (default: the fleet file''s, else the current region)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'How many accounts at once (the regions of one account run one after the other)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Run in every active account of your AWS Organization (organizations:ListAccounts), assuming --role-name in each')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rosactl;cleanup-account' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('--delete-logs', '--delete-logs', [CompletionResultType]::ParameterName, 'Also delete the functions'' log groups (their logs are audit records: kept by default)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rosactl;export-lambdas' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Directory to write `<function>.zip` and `manifest.json` into (created if missing)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rosactl;completion' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--resource-prefix', '--resource-prefix', [CompletionResultType]::ParameterName, 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rosactl;help' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Check that rosactl can work: AWS credentials, region, Platform API reachable and ready, registration')
            [CompletionResult]::new('whoami', 'whoami', [CompletionResultType]::ParameterValue, 'Show the AWS identity, region, Platform API and registration rosactl uses')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Keep the Platform API URL (and --region) for later commands, after checking the API answers')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'Forget the Platform API URL and region `rosactl login` kept')
            [CompletionResult]::new('cluster-vpc', 'cluster-vpc', [CompletionResultType]::ParameterValue, 'A cluster''s network: `cluster-vpc create|delete|list|describe` (VPC, subnets, NAT, routes, worker SG, private zone)')
            [CompletionResult]::new('cluster-iam', 'cluster-iam', [CompletionResultType]::ParameterValue, 'A cluster''s IAM roles: `cluster-iam create|delete|list|describe` (seven operator roles, the worker role and profile)')
            [CompletionResult]::new('cluster-oidc', 'cluster-oidc', [CompletionResultType]::ParameterValue, 'A cluster''s IAM OIDC provider: `cluster-oidc create|delete NAME` (made by the account''s rosa-oidc-provisioner)')
            [CompletionResult]::new('nodepool', 'nodepool', [CompletionResultType]::ParameterValue, 'Node pools of a cluster: `nodepool create|list|describe|delete`')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a resource (`create cluster`)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List resources (`list clusters`)')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Describe a resource (`describe cluster`)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a resource (`delete cluster`)')
            [CompletionResult]::new('cluster', 'cluster', [CompletionResultType]::ParameterValue, 'Clusters, noun first: `cluster create|list|describe|delete` (same as `create cluster` ...), `cluster kubeconfig|get-token`')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Show rosactl''s version and the embedded Lambda packages (verified against their SHA-256)')
            [CompletionResult]::new('setup-account', 'setup-account', [CompletionResultType]::ParameterValue, 'Deploy the three Lambda functions into this account and register it with the platform')
            [CompletionResult]::new('migrate-account', 'migrate-account', [CompletionResultType]::ParameterValue, 'Move an account that runs ROSA HCP (OIDC/STS roles) to the Lambda model, leaving its legacy setup untouched')
            [CompletionResult]::new('test-migration', 'test-migration', [CompletionResultType]::ParameterValue, 'Check a migrated account for CI: deployment, functions, permission, registration, legacy setup intact')
            [CompletionResult]::new('update-lambdas', 'update-lambdas', [CompletionResultType]::ParameterValue, 'Deliver the embedded packages to an alias (default staging): upload, publish, move, validate')
            [CompletionResult]::new('promote-lambdas', 'promote-lambdas', [CompletionResultType]::ParameterValue, 'Point `prod` at what `staging` runs, at once or as a canary (--canary, --finish)')
            [CompletionResult]::new('rollback-lambdas', 'rollback-lambdas', [CompletionResultType]::ParameterValue, 'Point an alias (default prod) back at the version it had before its last recorded move')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'List each alias''s recorded moves: from and to version, code SHA-256, who and when')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show what runs behind each alias and whether the account drifted from what rosactl deploys')
            [CompletionResult]::new('test-lambda', 'test-lambda', [CompletionResultType]::ParameterValue, 'Invoke a function with a built-in sample (or your payload); show its answer and log tail')
            [CompletionResult]::new('logs', 'logs', [CompletionResultType]::ParameterValue, 'Show a function''s CloudWatch logs, readably (--follow to keep watching)')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Every invocation logged in a period, with totals, and the account''s access and logging facts')
            [CompletionResult]::new('metrics', 'metrics', [CompletionResultType]::ParameterValue, 'Each function''s invocations, errors, throttles and duration (p50, p99) from CloudWatch')
            [CompletionResult]::new('versions', 'versions', [CompletionResultType]::ParameterValue, 'List each function''s published versions (--keep N deletes old ones nothing uses)')
            [CompletionResult]::new('register-account', 'register-account', [CompletionResultType]::ParameterValue, 'Register a customer account with the platform (platform operators only)')
            [CompletionResult]::new('cleanup-access', 'cleanup-access', [CompletionResultType]::ParameterValue, 'Remove the platform''s permission to invoke the functions (keeps everything else)')
            [CompletionResult]::new('cleanup-account', 'cleanup-account', [CompletionResultType]::ParameterValue, 'Delete what setup-account created: functions, roles, the artifact bucket (logs with --delete-logs)')
            [CompletionResult]::new('export-lambdas', 'export-lambdas', [CompletionResultType]::ParameterValue, 'Write the embedded Lambda packages and their manifest to a directory, for review')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rosactl;help;init' {
            break
        }
        'rosactl;help;whoami' {
            break
        }
        'rosactl;help;login' {
            break
        }
        'rosactl;help;logout' {
            break
        }
        'rosactl;help;cluster-vpc' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create (or repair) the cluster''s network')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete the cluster''s network, after what a cluster left in it (load balancers, endpoints, security groups, records)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the cluster networks rosactl made in this region')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show the cluster''s network: VPC, subnets, security group, hosted zone')
            break
        }
        'rosactl;help;cluster-vpc;create' {
            break
        }
        'rosactl;help;cluster-vpc;delete' {
            break
        }
        'rosactl;help;cluster-vpc;list' {
            break
        }
        'rosactl;help;cluster-vpc;describe' {
            break
        }
        'rosactl;help;cluster-iam' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create (or repair) the cluster''s operator roles, worker role and instance profile')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete the cluster''s roles and instance profile (only those tagged as this cluster''s)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the clusters whose roles rosactl made in this account')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show the cluster''s roles and what `create` would still do')
            break
        }
        'rosactl;help;cluster-iam;create' {
            break
        }
        'rosactl;help;cluster-iam;delete' {
            break
        }
        'rosactl;help;cluster-iam;list' {
            break
        }
        'rosactl;help;cluster-iam;describe' {
            break
        }
        'rosactl;help;cluster-oidc' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create (or update) the cluster''s OIDC provider by invoking rosa-oidc-provisioner:prod')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete the cluster''s OIDC provider (only one tagged as this cluster''s)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the OIDC providers made for clusters in this account')
            break
        }
        'rosactl;help;cluster-oidc;create' {
            break
        }
        'rosactl;help;cluster-oidc;delete' {
            break
        }
        'rosactl;help;cluster-oidc;list' {
            break
        }
        'rosactl;help;nodepool' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a node pool in a cluster (its subnet defaults to the cluster''s)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List a cluster''s node pools')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a node pool: spec and phase')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a node pool')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a node pool''s replicas or auto-repair (PUT of the changed keys only)')
            break
        }
        'rosactl;help;nodepool;create' {
            break
        }
        'rosactl;help;nodepool;list' {
            break
        }
        'rosactl;help;nodepool;describe' {
            break
        }
        'rosactl;help;nodepool;delete' {
            break
        }
        'rosactl;help;nodepool;update' {
            break
        }
        'rosactl;help;create' {
            [CompletionResult]::new('cluster', 'cluster', [CompletionResultType]::ParameterValue, 'Create a cluster through the Platform API')
            break
        }
        'rosactl;help;create;cluster' {
            break
        }
        'rosactl;help;list' {
            [CompletionResult]::new('clusters', 'clusters', [CompletionResultType]::ParameterValue, 'List your clusters (all pages)')
            break
        }
        'rosactl;help;list;clusters' {
            break
        }
        'rosactl;help;describe' {
            [CompletionResult]::new('cluster', 'cluster', [CompletionResultType]::ParameterValue, 'Show a cluster: spec, phase, conditions, controllers, OIDC issuer URL, API endpoint')
            break
        }
        'rosactl;help;describe;cluster' {
            break
        }
        'rosactl;help;delete' {
            [CompletionResult]::new('cluster', 'cluster', [CompletionResultType]::ParameterValue, 'Delete a cluster')
            break
        }
        'rosactl;help;delete;cluster' {
            break
        }
        'rosactl;help;cluster' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Same as `create cluster`')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Same as `list clusters`')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Same as `describe cluster`')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Same as `delete cluster`')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change what a customer may change on a cluster (PATCH: only the keys changed are sent)')
            [CompletionResult]::new('kubeconfig', 'kubeconfig', [CompletionResultType]::ParameterValue, 'Write a kubeconfig for the cluster''s API server; its user runs `rosactl cluster get-token`')
            [CompletionResult]::new('get-token', 'get-token', [CompletionResultType]::ParameterValue, 'Print an ExecCredential with an EKS-style token (presigned STS GetCallerIdentity) for kubectl')
            break
        }
        'rosactl;help;cluster;create' {
            break
        }
        'rosactl;help;cluster;list' {
            break
        }
        'rosactl;help;cluster;describe' {
            break
        }
        'rosactl;help;cluster;delete' {
            break
        }
        'rosactl;help;cluster;update' {
            break
        }
        'rosactl;help;cluster;kubeconfig' {
            break
        }
        'rosactl;help;cluster;get-token' {
            break
        }
        'rosactl;help;version' {
            break
        }
        'rosactl;help;setup-account' {
            break
        }
        'rosactl;help;migrate-account' {
            break
        }
        'rosactl;help;test-migration' {
            break
        }
        'rosactl;help;update-lambdas' {
            break
        }
        'rosactl;help;promote-lambdas' {
            break
        }
        'rosactl;help;rollback-lambdas' {
            break
        }
        'rosactl;help;history' {
            break
        }
        'rosactl;help;status' {
            break
        }
        'rosactl;help;test-lambda' {
            break
        }
        'rosactl;help;logs' {
            break
        }
        'rosactl;help;audit' {
            break
        }
        'rosactl;help;metrics' {
            break
        }
        'rosactl;help;versions' {
            break
        }
        'rosactl;help;register-account' {
            break
        }
        'rosactl;help;cleanup-access' {
            break
        }
        'rosactl;help;cleanup-account' {
            break
        }
        'rosactl;help;export-lambdas' {
            break
        }
        'rosactl;help;completion' {
            break
        }
        'rosactl;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
