# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_rosactl_global_optspecs
    string join \n profile= region= api-url= o/output= y/yes v/debug resource-prefix= h/help V/version
end

function __fish_rosactl_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_rosactl_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_rosactl_using_subcommand
    set -l cmd (__fish_rosactl_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c rosactl -n "__fish_rosactl_needs_command" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_needs_command" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_needs_command" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_needs_command" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_needs_command" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_needs_command" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_needs_command" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_needs_command" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_needs_command" -f -a "init" -d 'Check that rosactl can work: AWS credentials, region, Platform API reachable and ready, registration'
complete -c rosactl -n "__fish_rosactl_needs_command" -f -a "whoami" -d 'Show the AWS identity, region, Platform API and registration rosactl uses'
complete -c rosactl -n "__fish_rosactl_needs_command" -f -a "login" -d 'Keep the Platform API URL (and --region) for later commands, after checking the API answers'
complete -c rosactl -n "__fish_rosactl_needs_command" -f -a "logout" -d 'Forget the Platform API URL and region `rosactl login` kept'
complete -c rosactl -n "__fish_rosactl_needs_command" -f -a "cluster-vpc" -d 'A cluster\'s network: `cluster-vpc create|delete|list|describe` (VPC, subnets, NAT, routes, worker SG, private zone)'
complete -c rosactl -n "__fish_rosactl_needs_command" -f -a "cluster-iam" -d 'A cluster\'s IAM roles: `cluster-iam create|delete|list|describe` (seven operator roles, the worker role and profile)'
complete -c rosactl -n "__fish_rosactl_needs_command" -f -a "cluster-oidc" -d 'A cluster\'s IAM OIDC provider: `cluster-oidc create|delete NAME` (made by the account\'s rosa-oidc-provisioner)'
complete -c rosactl -n "__fish_rosactl_needs_command" -f -a "nodepool" -d 'Node pools of a cluster: `nodepool create|list|describe|delete`'
complete -c rosactl -n "__fish_rosactl_needs_command" -f -a "create" -d 'Create a resource (`create cluster`)'
complete -c rosactl -n "__fish_rosactl_needs_command" -f -a "list" -d 'List resources (`list clusters`)'
complete -c rosactl -n "__fish_rosactl_needs_command" -f -a "describe" -d 'Describe a resource (`describe cluster`)'
complete -c rosactl -n "__fish_rosactl_needs_command" -f -a "delete" -d 'Delete a resource (`delete cluster`)'
complete -c rosactl -n "__fish_rosactl_needs_command" -f -a "cluster" -d 'Clusters, noun first: `cluster create|list|describe|delete` (same as `create cluster` ...), `cluster kubeconfig|get-token`'
complete -c rosactl -n "__fish_rosactl_needs_command" -f -a "version" -d 'Show rosactl\'s version and the embedded Lambda packages (verified against their SHA-256)'
complete -c rosactl -n "__fish_rosactl_needs_command" -f -a "setup-account" -d 'Deploy the three Lambda functions into this account and register it with the platform'
complete -c rosactl -n "__fish_rosactl_needs_command" -f -a "migrate-account" -d 'Move an account that runs ROSA HCP (OIDC/STS roles) to the Lambda model, leaving its legacy setup untouched'
complete -c rosactl -n "__fish_rosactl_needs_command" -f -a "test-migration" -d 'Check a migrated account for CI: deployment, functions, permission, registration, legacy setup intact'
complete -c rosactl -n "__fish_rosactl_needs_command" -f -a "update-lambdas" -d 'Deliver the embedded packages to an alias (default staging): upload, publish, move, validate'
complete -c rosactl -n "__fish_rosactl_needs_command" -f -a "promote-lambdas" -d 'Point `prod` at what `staging` runs, at once or as a canary (--canary, --finish)'
complete -c rosactl -n "__fish_rosactl_needs_command" -f -a "promote" -d 'Point `prod` at what `staging` runs, at once or as a canary (--canary, --finish)'
complete -c rosactl -n "__fish_rosactl_needs_command" -f -a "rollback-lambdas" -d 'Point an alias (default prod) back at the version it had before its last recorded move'
complete -c rosactl -n "__fish_rosactl_needs_command" -f -a "rollback" -d 'Point an alias (default prod) back at the version it had before its last recorded move'
complete -c rosactl -n "__fish_rosactl_needs_command" -f -a "history" -d 'List each alias\'s recorded moves: from and to version, code SHA-256, who and when'
complete -c rosactl -n "__fish_rosactl_needs_command" -f -a "status" -d 'Show what runs behind each alias and whether the account drifted from what rosactl deploys'
complete -c rosactl -n "__fish_rosactl_needs_command" -f -a "test-lambda" -d 'Invoke a function with a built-in sample (or your payload); show its answer and log tail'
complete -c rosactl -n "__fish_rosactl_needs_command" -f -a "logs" -d 'Show a function\'s CloudWatch logs, readably (--follow to keep watching)'
complete -c rosactl -n "__fish_rosactl_needs_command" -f -a "audit" -d 'Every invocation logged in a period, with totals, and the account\'s access and logging facts'
complete -c rosactl -n "__fish_rosactl_needs_command" -f -a "metrics" -d 'Each function\'s invocations, errors, throttles and duration (p50, p99) from CloudWatch'
complete -c rosactl -n "__fish_rosactl_needs_command" -f -a "versions" -d 'List each function\'s published versions (--keep N deletes old ones nothing uses)'
complete -c rosactl -n "__fish_rosactl_needs_command" -f -a "register-account" -d 'Register a customer account with the platform (platform operators only)'
complete -c rosactl -n "__fish_rosactl_needs_command" -f -a "cleanup-access" -d 'Remove the platform\'s permission to invoke the functions (keeps everything else)'
complete -c rosactl -n "__fish_rosactl_needs_command" -f -a "cleanup-account" -d 'Delete what setup-account created: functions, roles, the artifact bucket (logs with --delete-logs)'
complete -c rosactl -n "__fish_rosactl_needs_command" -f -a "export-lambdas" -d 'Write the embedded Lambda packages and their manifest to a directory, for review'
complete -c rosactl -n "__fish_rosactl_needs_command" -f -a "completion" -d 'Print a shell completion script'
complete -c rosactl -n "__fish_rosactl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rosactl -n "__fish_rosactl_using_subcommand init" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand init" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand init" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand init" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand init" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand init" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand init" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand init" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand whoami" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand whoami" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand whoami" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand whoami" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand whoami" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand whoami" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand whoami" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand whoami" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand whoami" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand login" -l url -d 'The Platform API base URL, stage path included' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand login" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand login" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand login" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand login" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand login" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand login" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand login" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand login" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand login" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand logout" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand logout" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand logout" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand logout" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand logout" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand logout" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand logout" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand logout" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand logout" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and not __fish_seen_subcommand_from create delete list describe help" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and not __fish_seen_subcommand_from create delete list describe help" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and not __fish_seen_subcommand_from create delete list describe help" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and not __fish_seen_subcommand_from create delete list describe help" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and not __fish_seen_subcommand_from create delete list describe help" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and not __fish_seen_subcommand_from create delete list describe help" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and not __fish_seen_subcommand_from create delete list describe help" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and not __fish_seen_subcommand_from create delete list describe help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and not __fish_seen_subcommand_from create delete list describe help" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and not __fish_seen_subcommand_from create delete list describe help" -f -a "create" -d 'Create (or repair) the cluster\'s network'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and not __fish_seen_subcommand_from create delete list describe help" -f -a "delete" -d 'Delete the cluster\'s network, after what a cluster left in it (load balancers, endpoints, security groups, records)'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and not __fish_seen_subcommand_from create delete list describe help" -f -a "list" -d 'List the cluster networks rosactl made in this region'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and not __fish_seen_subcommand_from create delete list describe help" -f -a "describe" -d 'Show the cluster\'s network: VPC, subnets, security group, hosted zone'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and not __fish_seen_subcommand_from create delete list describe help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and __fish_seen_subcommand_from create" -l availability-zones -d 'One to three zones of the region (comma-separated)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and __fish_seen_subcommand_from create" -l vpc-cidr -d 'The VPC\'s CIDR: a private /16' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and __fish_seen_subcommand_from create" -l tags -d 'Put these tags on every resource created, at creation: KEY=VALUE,... (default: the tags `setup-account --tags` recorded in the account)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and __fish_seen_subcommand_from create" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and __fish_seen_subcommand_from create" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and __fish_seen_subcommand_from create" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and __fish_seen_subcommand_from create" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and __fish_seen_subcommand_from create" -l single-nat-gateway -d 'One NAT gateway for all zones (cheaper; the zones share its availability)'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and __fish_seen_subcommand_from create" -l dry-run -d 'Print the plan and change nothing'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and __fish_seen_subcommand_from create" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and __fish_seen_subcommand_from create" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and __fish_seen_subcommand_from delete" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and __fish_seen_subcommand_from delete" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and __fish_seen_subcommand_from delete" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and __fish_seen_subcommand_from delete" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and __fish_seen_subcommand_from delete" -l no-wait -d 'Return once the deletion is under way: after the checks (and the confirmation on a terminal), a detached rosactl process deletes the network, waiting out the NAT gateways, and writes its log to the file printed. Running the delete again finishes whatever it could not'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and __fish_seen_subcommand_from delete" -l dry-run -d 'Print what would be deleted (the plan) and change nothing'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and __fish_seen_subcommand_from delete" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and __fish_seen_subcommand_from list" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and __fish_seen_subcommand_from list" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and __fish_seen_subcommand_from list" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and __fish_seen_subcommand_from list" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and __fish_seen_subcommand_from list" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and __fish_seen_subcommand_from describe" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and __fish_seen_subcommand_from describe" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and __fish_seen_subcommand_from describe" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and __fish_seen_subcommand_from describe" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and __fish_seen_subcommand_from describe" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and __fish_seen_subcommand_from describe" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and __fish_seen_subcommand_from describe" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and __fish_seen_subcommand_from describe" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and __fish_seen_subcommand_from describe" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create (or repair) the cluster\'s network'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete the cluster\'s network, after what a cluster left in it (load balancers, endpoints, security groups, records)'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the cluster networks rosactl made in this region'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and __fish_seen_subcommand_from help" -f -a "describe" -d 'Show the cluster\'s network: VPC, subnets, security group, hosted zone'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-vpc; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and not __fish_seen_subcommand_from create delete list describe help" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and not __fish_seen_subcommand_from create delete list describe help" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and not __fish_seen_subcommand_from create delete list describe help" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and not __fish_seen_subcommand_from create delete list describe help" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and not __fish_seen_subcommand_from create delete list describe help" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and not __fish_seen_subcommand_from create delete list describe help" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and not __fish_seen_subcommand_from create delete list describe help" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and not __fish_seen_subcommand_from create delete list describe help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and not __fish_seen_subcommand_from create delete list describe help" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and not __fish_seen_subcommand_from create delete list describe help" -f -a "create" -d 'Create (or repair) the cluster\'s operator roles, worker role and instance profile'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and not __fish_seen_subcommand_from create delete list describe help" -f -a "delete" -d 'Delete the cluster\'s roles and instance profile (only those tagged as this cluster\'s)'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and not __fish_seen_subcommand_from create delete list describe help" -f -a "list" -d 'List the clusters whose roles rosactl made in this account'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and not __fish_seen_subcommand_from create delete list describe help" -f -a "describe" -d 'Show the cluster\'s roles and what `create` would still do'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and not __fish_seen_subcommand_from create delete list describe help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and __fish_seen_subcommand_from create" -l oidc-issuer-url -d 'The cluster\'s OIDC issuer URL (default: found, see above)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and __fish_seen_subcommand_from create" -l permissions-boundary -d 'Set this managed policy as the permissions boundary of every IAM role rosactl creates' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and __fish_seen_subcommand_from create" -l role-path -d 'Create every IAM role under this path (e.g. /rosa/; default /)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and __fish_seen_subcommand_from create" -l tags -d 'Put these tags on every resource rosactl creates, at creation: KEY=VALUE,...' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and __fish_seen_subcommand_from create" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and __fish_seen_subcommand_from create" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and __fish_seen_subcommand_from create" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and __fish_seen_subcommand_from create" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and __fish_seen_subcommand_from create" -l dry-run -d 'Print the plan and change nothing'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and __fish_seen_subcommand_from create" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and __fish_seen_subcommand_from create" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and __fish_seen_subcommand_from delete" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and __fish_seen_subcommand_from delete" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and __fish_seen_subcommand_from delete" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and __fish_seen_subcommand_from delete" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and __fish_seen_subcommand_from delete" -l dry-run -d 'Print the plan and change nothing'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and __fish_seen_subcommand_from delete" -l no-wait -d 'Accepted as by every delete: IAM deletions take effect when answered, so there is nothing to wait for and the command returns when the roles are gone'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and __fish_seen_subcommand_from delete" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and __fish_seen_subcommand_from list" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and __fish_seen_subcommand_from list" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and __fish_seen_subcommand_from list" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and __fish_seen_subcommand_from list" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and __fish_seen_subcommand_from list" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and __fish_seen_subcommand_from describe" -l oidc-issuer-url -d 'The cluster\'s OIDC issuer URL (default: found as for create)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and __fish_seen_subcommand_from describe" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and __fish_seen_subcommand_from describe" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and __fish_seen_subcommand_from describe" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and __fish_seen_subcommand_from describe" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and __fish_seen_subcommand_from describe" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and __fish_seen_subcommand_from describe" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and __fish_seen_subcommand_from describe" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and __fish_seen_subcommand_from describe" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and __fish_seen_subcommand_from describe" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create (or repair) the cluster\'s operator roles, worker role and instance profile'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete the cluster\'s roles and instance profile (only those tagged as this cluster\'s)'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the clusters whose roles rosactl made in this account'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and __fish_seen_subcommand_from help" -f -a "describe" -d 'Show the cluster\'s roles and what `create` would still do'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-iam; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-oidc; and not __fish_seen_subcommand_from create delete list help" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-oidc; and not __fish_seen_subcommand_from create delete list help" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-oidc; and not __fish_seen_subcommand_from create delete list help" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-oidc; and not __fish_seen_subcommand_from create delete list help" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-oidc; and not __fish_seen_subcommand_from create delete list help" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-oidc; and not __fish_seen_subcommand_from create delete list help" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-oidc; and not __fish_seen_subcommand_from create delete list help" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-oidc; and not __fish_seen_subcommand_from create delete list help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-oidc; and not __fish_seen_subcommand_from create delete list help" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-oidc; and not __fish_seen_subcommand_from create delete list help" -f -a "create" -d 'Create (or update) the cluster\'s OIDC provider by invoking rosa-oidc-provisioner:prod'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-oidc; and not __fish_seen_subcommand_from create delete list help" -f -a "delete" -d 'Delete the cluster\'s OIDC provider (only one tagged as this cluster\'s)'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-oidc; and not __fish_seen_subcommand_from create delete list help" -f -a "list" -d 'List the OIDC providers made for clusters in this account'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-oidc; and not __fish_seen_subcommand_from create delete list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-oidc; and __fish_seen_subcommand_from create" -l oidc-issuer-url -d 'The cluster\'s issuer URL (default: the cluster\'s, from the Platform API)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-oidc; and __fish_seen_subcommand_from create" -l thumbprint -d 'The SHA-1 thumbprint (40 hex digits) of the issuer\'s top CA certificate (default: computed)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-oidc; and __fish_seen_subcommand_from create" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-oidc; and __fish_seen_subcommand_from create" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-oidc; and __fish_seen_subcommand_from create" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-oidc; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-oidc; and __fish_seen_subcommand_from create" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-oidc; and __fish_seen_subcommand_from create" -l dry-run -d 'Print the event that would be sent and invoke nothing'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-oidc; and __fish_seen_subcommand_from create" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-oidc; and __fish_seen_subcommand_from create" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-oidc; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-oidc; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-oidc; and __fish_seen_subcommand_from delete" -l oidc-issuer-url -d 'The cluster\'s issuer URL (default: found by the provider\'s rosa:cluster-name tag)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-oidc; and __fish_seen_subcommand_from delete" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-oidc; and __fish_seen_subcommand_from delete" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-oidc; and __fish_seen_subcommand_from delete" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-oidc; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-oidc; and __fish_seen_subcommand_from delete" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-oidc; and __fish_seen_subcommand_from delete" -l no-wait -d 'Accepted as by every delete: an IAM deletion takes effect when answered, so there is nothing to wait for and the command returns when the provider is gone'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-oidc; and __fish_seen_subcommand_from delete" -l dry-run -d 'Print the provider(s) that would be deleted and change nothing'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-oidc; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-oidc; and __fish_seen_subcommand_from delete" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-oidc; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-oidc; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-oidc; and __fish_seen_subcommand_from list" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-oidc; and __fish_seen_subcommand_from list" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-oidc; and __fish_seen_subcommand_from list" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-oidc; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-oidc; and __fish_seen_subcommand_from list" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-oidc; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-oidc; and __fish_seen_subcommand_from list" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-oidc; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-oidc; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-oidc; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create (or update) the cluster\'s OIDC provider by invoking rosa-oidc-provisioner:prod'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-oidc; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete the cluster\'s OIDC provider (only one tagged as this cluster\'s)'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-oidc; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the OIDC providers made for clusters in this account'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster-oidc; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and not __fish_seen_subcommand_from create list describe delete update help" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and not __fish_seen_subcommand_from create list describe delete update help" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and not __fish_seen_subcommand_from create list describe delete update help" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and not __fish_seen_subcommand_from create list describe delete update help" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and not __fish_seen_subcommand_from create list describe delete update help" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and not __fish_seen_subcommand_from create list describe delete update help" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and not __fish_seen_subcommand_from create list describe delete update help" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and not __fish_seen_subcommand_from create list describe delete update help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and not __fish_seen_subcommand_from create list describe delete update help" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and not __fish_seen_subcommand_from create list describe delete update help" -f -a "create" -d 'Create a node pool in a cluster (its subnet defaults to the cluster\'s)'
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and not __fish_seen_subcommand_from create list describe delete update help" -f -a "list" -d 'List a cluster\'s node pools'
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and not __fish_seen_subcommand_from create list describe delete update help" -f -a "describe" -d 'Show a node pool: spec and phase'
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and not __fish_seen_subcommand_from create list describe delete update help" -f -a "delete" -d 'Delete a node pool'
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and not __fish_seen_subcommand_from create list describe delete update help" -f -a "update" -d 'Change a node pool\'s replicas or auto-repair (PUT of the changed keys only)'
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and not __fish_seen_subcommand_from create list describe delete update help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from create" -l cluster-id -d 'The cluster (its id, or its name)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from create" -l replicas -d 'Number of worker nodes (at least 1)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from create" -l instance-type -d 'EC2 instance type of the nodes' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from create" -l subnet-id -d 'The private subnet the nodes run in (default: the cluster\'s subnet)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from create" -l instance-profile -d 'The worker instance profile' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from create" -l security-groups -d 'Security groups of the nodes (comma-separated)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from create" -l timeout -d 'With --watch: how long to wait before giving up (the operation goes on)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from create" -l poll-interval -d 'With --watch: seconds between two reads of the cluster' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from create" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from create" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from create" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from create" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from create" -l dry-run -d 'Print the request body and send nothing'
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from create" -l watch -d 'Follow the node pool\'s phase until Ready'
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from create" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from create" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from list" -l cluster-id -d 'The cluster (its id, or its name)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from list" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from list" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from list" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from list" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from list" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from describe" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from describe" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from describe" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from describe" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from describe" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from describe" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from describe" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from describe" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from describe" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from delete" -l timeout -d 'With --watch: how long to wait before giving up (the operation goes on)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from delete" -l poll-interval -d 'With --watch: seconds between two reads of the cluster' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from delete" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from delete" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from delete" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from delete" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from delete" -l watch -d 'Wait until the platform no longer knows the node pool'
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from delete" -l no-wait -d 'Return once the platform accepted the deletion (the default): the platform finishes it'
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from delete" -l dry-run -d 'Check the node pool exists, print the request that would be sent, and send nothing'
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from delete" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from update" -l cluster-id -d 'The cluster (its id, or its name): a pool\'s name is unique in its cluster only' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from update" -l replicas -d 'Number of worker nodes (at least 1)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from update" -l auto-repair -d 'Let the platform replace unhealthy nodes' -r -f -a "true\t''
false\t''"
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from update" -l timeout -d 'With --watch: how long to wait before giving up (the operation goes on)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from update" -l poll-interval -d 'With --watch: seconds between two reads of the cluster' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from update" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from update" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from update" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from update" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from update" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from update" -l dry-run -d 'Print what would be sent and send nothing'
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from update" -l watch -d 'Follow the pool until Ready again'
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from update" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from update" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from update" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a node pool in a cluster (its subnet defaults to the cluster\'s)'
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from help" -f -a "list" -d 'List a cluster\'s node pools'
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from help" -f -a "describe" -d 'Show a node pool: spec and phase'
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a node pool'
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from help" -f -a "update" -d 'Change a node pool\'s replicas or auto-repair (PUT of the changed keys only)'
complete -c rosactl -n "__fish_rosactl_using_subcommand nodepool; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rosactl -n "__fish_rosactl_using_subcommand create; and not __fish_seen_subcommand_from cluster help" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand create; and not __fish_seen_subcommand_from cluster help" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand create; and not __fish_seen_subcommand_from cluster help" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand create; and not __fish_seen_subcommand_from cluster help" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand create; and not __fish_seen_subcommand_from cluster help" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand create; and not __fish_seen_subcommand_from cluster help" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand create; and not __fish_seen_subcommand_from cluster help" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand create; and not __fish_seen_subcommand_from cluster help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand create; and not __fish_seen_subcommand_from cluster help" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand create; and not __fish_seen_subcommand_from cluster help" -f -a "cluster" -d 'Create a cluster through the Platform API'
complete -c rosactl -n "__fish_rosactl_using_subcommand create; and not __fish_seen_subcommand_from cluster help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rosactl -n "__fish_rosactl_using_subcommand create; and __fish_seen_subcommand_from cluster" -l name -d 'The cluster\'s name: 3-18 lowercase letters, digits and \'-\'' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand create; and __fish_seen_subcommand_from cluster" -l vpc-id -d 'The VPC the cluster\'s nodes run in' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand create; and __fish_seen_subcommand_from cluster" -l subnet-ids -d 'The subnets for the cluster\'s nodes (comma-separated); the first is sent to the platform' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand create; and __fish_seen_subcommand_from cluster" -l zone -d 'Availability zone (of --region)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand create; and __fish_seen_subcommand_from cluster" -l version -d 'OpenShift release (e.g. 4.18.5) or a full release image' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand create; and __fish_seen_subcommand_from cluster" -l tag -d 'A tag for the cluster (repeatable)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand create; and __fish_seen_subcommand_from cluster" -l spec-file -d 'A JSON or YAML file merged into the cluster spec (flags win)' -r -F
complete -c rosactl -n "__fish_rosactl_using_subcommand create; and __fish_seen_subcommand_from cluster" -l placement -d 'Sent as spec.placement, for ephemeral environments that pin a management cluster (other servers ignore it)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand create; and __fish_seen_subcommand_from cluster" -l instance-type -d 'With --preflight: the worker instance type to check quotas and offerings for' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand create; and __fish_seen_subcommand_from cluster" -l replicas -d 'With --preflight: the number of worker nodes to check quotas for' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand create; and __fish_seen_subcommand_from cluster" -l timeout -d 'With --watch: how long to wait before giving up (the operation goes on)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand create; and __fish_seen_subcommand_from cluster" -l poll-interval -d 'With --watch: seconds between two reads of the cluster' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand create; and __fish_seen_subcommand_from cluster" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand create; and __fish_seen_subcommand_from cluster" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand create; and __fish_seen_subcommand_from cluster" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand create; and __fish_seen_subcommand_from cluster" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand create; and __fish_seen_subcommand_from cluster" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand create; and __fish_seen_subcommand_from cluster" -l preflight -d 'First run your account\'s own preflight-checker and network-verifier (prod alias); refuse on failed checks'
complete -c rosactl -n "__fish_rosactl_using_subcommand create; and __fish_seen_subcommand_from cluster" -l dry-run -d 'Print the request body and send nothing'
complete -c rosactl -n "__fish_rosactl_using_subcommand create; and __fish_seen_subcommand_from cluster" -l watch -d 'Follow the cluster\'s phase until Ready or Failed'
complete -c rosactl -n "__fish_rosactl_using_subcommand create; and __fish_seen_subcommand_from cluster" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand create; and __fish_seen_subcommand_from cluster" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand create; and __fish_seen_subcommand_from cluster" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand create; and __fish_seen_subcommand_from help" -f -a "cluster" -d 'Create a cluster through the Platform API'
complete -c rosactl -n "__fish_rosactl_using_subcommand create; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rosactl -n "__fish_rosactl_using_subcommand list; and not __fish_seen_subcommand_from clusters help" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand list; and not __fish_seen_subcommand_from clusters help" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand list; and not __fish_seen_subcommand_from clusters help" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand list; and not __fish_seen_subcommand_from clusters help" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand list; and not __fish_seen_subcommand_from clusters help" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand list; and not __fish_seen_subcommand_from clusters help" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand list; and not __fish_seen_subcommand_from clusters help" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand list; and not __fish_seen_subcommand_from clusters help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand list; and not __fish_seen_subcommand_from clusters help" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand list; and not __fish_seen_subcommand_from clusters help" -f -a "clusters" -d 'List your clusters (all pages)'
complete -c rosactl -n "__fish_rosactl_using_subcommand list; and not __fish_seen_subcommand_from clusters help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rosactl -n "__fish_rosactl_using_subcommand list; and __fish_seen_subcommand_from clusters" -l status -d 'Only clusters in this phase (e.g. Ready)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand list; and __fish_seen_subcommand_from clusters" -l limit -d 'At most this many clusters' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand list; and __fish_seen_subcommand_from clusters" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand list; and __fish_seen_subcommand_from clusters" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand list; and __fish_seen_subcommand_from clusters" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand list; and __fish_seen_subcommand_from clusters" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand list; and __fish_seen_subcommand_from clusters" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand list; and __fish_seen_subcommand_from clusters" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand list; and __fish_seen_subcommand_from clusters" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand list; and __fish_seen_subcommand_from clusters" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand list; and __fish_seen_subcommand_from clusters" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand list; and __fish_seen_subcommand_from help" -f -a "clusters" -d 'List your clusters (all pages)'
complete -c rosactl -n "__fish_rosactl_using_subcommand list; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rosactl -n "__fish_rosactl_using_subcommand describe; and not __fish_seen_subcommand_from cluster help" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand describe; and not __fish_seen_subcommand_from cluster help" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand describe; and not __fish_seen_subcommand_from cluster help" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand describe; and not __fish_seen_subcommand_from cluster help" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand describe; and not __fish_seen_subcommand_from cluster help" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand describe; and not __fish_seen_subcommand_from cluster help" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand describe; and not __fish_seen_subcommand_from cluster help" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand describe; and not __fish_seen_subcommand_from cluster help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand describe; and not __fish_seen_subcommand_from cluster help" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand describe; and not __fish_seen_subcommand_from cluster help" -f -a "cluster" -d 'Show a cluster: spec, phase, conditions, controllers, OIDC issuer URL, API endpoint'
complete -c rosactl -n "__fish_rosactl_using_subcommand describe; and not __fish_seen_subcommand_from cluster help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rosactl -n "__fish_rosactl_using_subcommand describe; and __fish_seen_subcommand_from cluster" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand describe; and __fish_seen_subcommand_from cluster" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand describe; and __fish_seen_subcommand_from cluster" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand describe; and __fish_seen_subcommand_from cluster" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand describe; and __fish_seen_subcommand_from cluster" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand describe; and __fish_seen_subcommand_from cluster" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand describe; and __fish_seen_subcommand_from cluster" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand describe; and __fish_seen_subcommand_from cluster" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand describe; and __fish_seen_subcommand_from cluster" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand describe; and __fish_seen_subcommand_from help" -f -a "cluster" -d 'Show a cluster: spec, phase, conditions, controllers, OIDC issuer URL, API endpoint'
complete -c rosactl -n "__fish_rosactl_using_subcommand describe; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rosactl -n "__fish_rosactl_using_subcommand delete; and not __fish_seen_subcommand_from cluster help" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand delete; and not __fish_seen_subcommand_from cluster help" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand delete; and not __fish_seen_subcommand_from cluster help" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand delete; and not __fish_seen_subcommand_from cluster help" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand delete; and not __fish_seen_subcommand_from cluster help" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand delete; and not __fish_seen_subcommand_from cluster help" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand delete; and not __fish_seen_subcommand_from cluster help" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand delete; and not __fish_seen_subcommand_from cluster help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand delete; and not __fish_seen_subcommand_from cluster help" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand delete; and not __fish_seen_subcommand_from cluster help" -f -a "cluster" -d 'Delete a cluster'
complete -c rosactl -n "__fish_rosactl_using_subcommand delete; and not __fish_seen_subcommand_from cluster help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rosactl -n "__fish_rosactl_using_subcommand delete; and __fish_seen_subcommand_from cluster" -l timeout -d 'With --watch: how long to wait before giving up (the operation goes on)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand delete; and __fish_seen_subcommand_from cluster" -l poll-interval -d 'With --watch: seconds between two reads of the cluster' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand delete; and __fish_seen_subcommand_from cluster" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand delete; and __fish_seen_subcommand_from cluster" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand delete; and __fish_seen_subcommand_from cluster" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand delete; and __fish_seen_subcommand_from cluster" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand delete; and __fish_seen_subcommand_from cluster" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand delete; and __fish_seen_subcommand_from cluster" -l watch -d 'Wait until the platform no longer knows the cluster'
complete -c rosactl -n "__fish_rosactl_using_subcommand delete; and __fish_seen_subcommand_from cluster" -l no-wait -d 'Return once the platform accepted the deletion (the default): the platform finishes it'
complete -c rosactl -n "__fish_rosactl_using_subcommand delete; and __fish_seen_subcommand_from cluster" -l dry-run -d 'Check the cluster exists, print the request that would be sent, and send nothing'
complete -c rosactl -n "__fish_rosactl_using_subcommand delete; and __fish_seen_subcommand_from cluster" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand delete; and __fish_seen_subcommand_from cluster" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand delete; and __fish_seen_subcommand_from cluster" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand delete; and __fish_seen_subcommand_from cluster" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand delete; and __fish_seen_subcommand_from help" -f -a "cluster" -d 'Delete a cluster'
complete -c rosactl -n "__fish_rosactl_using_subcommand delete; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and not __fish_seen_subcommand_from create list describe delete update kubeconfig get-token help" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and not __fish_seen_subcommand_from create list describe delete update kubeconfig get-token help" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and not __fish_seen_subcommand_from create list describe delete update kubeconfig get-token help" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and not __fish_seen_subcommand_from create list describe delete update kubeconfig get-token help" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and not __fish_seen_subcommand_from create list describe delete update kubeconfig get-token help" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and not __fish_seen_subcommand_from create list describe delete update kubeconfig get-token help" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and not __fish_seen_subcommand_from create list describe delete update kubeconfig get-token help" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and not __fish_seen_subcommand_from create list describe delete update kubeconfig get-token help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and not __fish_seen_subcommand_from create list describe delete update kubeconfig get-token help" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and not __fish_seen_subcommand_from create list describe delete update kubeconfig get-token help" -f -a "create" -d 'Same as `create cluster`'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and not __fish_seen_subcommand_from create list describe delete update kubeconfig get-token help" -f -a "list" -d 'Same as `list clusters`'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and not __fish_seen_subcommand_from create list describe delete update kubeconfig get-token help" -f -a "describe" -d 'Same as `describe cluster`'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and not __fish_seen_subcommand_from create list describe delete update kubeconfig get-token help" -f -a "delete" -d 'Same as `delete cluster`'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and not __fish_seen_subcommand_from create list describe delete update kubeconfig get-token help" -f -a "update" -d 'Change what a customer may change on a cluster (PATCH: only the keys changed are sent)'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and not __fish_seen_subcommand_from create list describe delete update kubeconfig get-token help" -f -a "kubeconfig" -d 'Write a kubeconfig for the cluster\'s API server; its user runs `rosactl cluster get-token`'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and not __fish_seen_subcommand_from create list describe delete update kubeconfig get-token help" -f -a "get-token" -d 'Print an ExecCredential with an EKS-style token (presigned STS GetCallerIdentity) for kubectl'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and not __fish_seen_subcommand_from create list describe delete update kubeconfig get-token help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from create" -l name -d 'The cluster\'s name: 3-18 lowercase letters, digits and \'-\'' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from create" -l vpc-id -d 'The VPC the cluster\'s nodes run in' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from create" -l subnet-ids -d 'The subnets for the cluster\'s nodes (comma-separated); the first is sent to the platform' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from create" -l zone -d 'Availability zone (of --region)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from create" -l version -d 'OpenShift release (e.g. 4.18.5) or a full release image' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from create" -l tag -d 'A tag for the cluster (repeatable)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from create" -l spec-file -d 'A JSON or YAML file merged into the cluster spec (flags win)' -r -F
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from create" -l placement -d 'Sent as spec.placement, for ephemeral environments that pin a management cluster (other servers ignore it)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from create" -l instance-type -d 'With --preflight: the worker instance type to check quotas and offerings for' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from create" -l replicas -d 'With --preflight: the number of worker nodes to check quotas for' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from create" -l timeout -d 'With --watch: how long to wait before giving up (the operation goes on)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from create" -l poll-interval -d 'With --watch: seconds between two reads of the cluster' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from create" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from create" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from create" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from create" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from create" -l preflight -d 'First run your account\'s own preflight-checker and network-verifier (prod alias); refuse on failed checks'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from create" -l dry-run -d 'Print the request body and send nothing'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from create" -l watch -d 'Follow the cluster\'s phase until Ready or Failed'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from create" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from create" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from list" -l status -d 'Only clusters in this phase (e.g. Ready)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from list" -l limit -d 'At most this many clusters' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from list" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from list" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from list" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from list" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from list" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from describe" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from describe" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from describe" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from describe" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from describe" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from describe" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from describe" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from describe" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from describe" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from delete" -l timeout -d 'With --watch: how long to wait before giving up (the operation goes on)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from delete" -l poll-interval -d 'With --watch: seconds between two reads of the cluster' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from delete" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from delete" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from delete" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from delete" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from delete" -l watch -d 'Wait until the platform no longer knows the cluster'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from delete" -l no-wait -d 'Return once the platform accepted the deletion (the default): the platform finishes it'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from delete" -l dry-run -d 'Check the cluster exists, print the request that would be sent, and send nothing'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from delete" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from update" -l delete-protection -d 'Refuse deletes of the cluster while true' -r -f -a "true\t''
false\t''"
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from update" -l expiration -d 'When the platform may delete the cluster: an RFC 3339 UTC time (2027-01-31T00:00:00Z), or `none` to clear it' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from update" -l display-name -d 'The name shown for the cluster (its name itself never changes)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from update" -l version -d 'The control plane\'s OpenShift version (or a release image): an upgrade' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from update" -l upgrade-policy-file -d 'The control plane\'s upgrade policy, as the platform takes it: a JSON or YAML object sent as `spec.controlPlaneUpgradePolicy`' -r -F
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from update" -l timeout -d 'With --watch: how long to wait before giving up (the operation goes on)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from update" -l poll-interval -d 'With --watch: seconds between two reads of the cluster' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from update" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from update" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from update" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from update" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from update" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from update" -l dry-run -d 'Print what would be sent and send nothing'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from update" -l watch -d 'Follow the cluster until Ready again'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from update" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from update" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from kubeconfig" -l file -d 'Write it to this file (mode 0600) instead of stdout' -r -F
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from kubeconfig" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from kubeconfig" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from kubeconfig" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from kubeconfig" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from kubeconfig" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from kubeconfig" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from kubeconfig" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from kubeconfig" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from kubeconfig" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from get-token" -l cluster-id -d 'The cluster\'s id (signed into the token as x-k8s-aws-id)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from get-token" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from get-token" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from get-token" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from get-token" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from get-token" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from get-token" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from get-token" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from get-token" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from get-token" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from help" -f -a "create" -d 'Same as `create cluster`'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from help" -f -a "list" -d 'Same as `list clusters`'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from help" -f -a "describe" -d 'Same as `describe cluster`'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Same as `delete cluster`'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from help" -f -a "update" -d 'Change what a customer may change on a cluster (PATCH: only the keys changed are sent)'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from help" -f -a "kubeconfig" -d 'Write a kubeconfig for the cluster\'s API server; its user runs `rosactl cluster get-token`'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from help" -f -a "get-token" -d 'Print an ExecCredential with an EKS-style token (presigned STS GetCallerIdentity) for kubectl'
complete -c rosactl -n "__fish_rosactl_using_subcommand cluster; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rosactl -n "__fish_rosactl_using_subcommand version" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand version" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand version" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand version" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand version" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand version" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand version" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand version" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand version" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand setup-account" -l invoker-role-arn -d 'The role allowed to invoke the functions (default: the `arn` of the Platform API\'s /api/v0/info)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand setup-account" -l log-retention-days -d 'How long the functions\' logs are kept at least: `never` (no expiry), or 90 or more days, a value CloudWatch Logs accepts. A longer retention already set is never shortened' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand setup-account" -l log-kms-key-arn -d 'Encrypt the functions\' log groups with this customer-managed KMS key' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand setup-account" -l permissions-boundary -d 'Set this managed policy as the permissions boundary of every IAM role rosactl creates' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand setup-account" -l role-path -d 'Create every IAM role under this path (e.g. /rosa/; default /)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand setup-account" -l tags -d 'Put these tags on every resource rosactl creates, at creation: KEY=VALUE,...' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand setup-account" -l tracing -d 'X-Ray active tracing on the functions (`active`), or none (`off`); the execution roles get X-Ray\'s write permission only while it is on. Recorded: later runs keep it' -r -f -a "active\t''
off\t''"
complete -c rosactl -n "__fish_rosactl_using_subcommand setup-account" -l reserved-concurrency -d 'Reserve concurrent executions: `N` for every function, `FUNCTION=N,...` for some, `off` (or `FUNCTION=off`) to remove a reservation. Refused when the account\'s unreserved concurrency would fall below Lambda\'s minimum (100). Recorded: later runs keep it' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand setup-account" -l alarm-topic -d 'The SNS topic (same region) the alarms notify; implies --alarms' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand setup-account" -l mode -d '`auto` applies the plan; `manual` writes it for an administrator to review and run (policies as JSON, an AWS CLI script, the packages and their SHA-256) to --out, and changes nothing' -r -f -a "auto\t''
manual\t''"
complete -c rosactl -n "__fish_rosactl_using_subcommand setup-account" -l out -d 'With --mode manual: the directory to write to (created; must be empty if it exists)' -r -F
complete -c rosactl -n "__fish_rosactl_using_subcommand setup-account" -l fleet -d 'Run in every target of this fleet file (YAML: `targets:` entries with `profile` or `role_arn`, optional `regions`, `resource_prefix`, `tags`, `permissions_boundary`)' -r -F
complete -c rosactl -n "__fish_rosactl_using_subcommand setup-account" -l role-name -d 'With --org: the role to assume in each account' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand setup-account" -l ou -d 'With --org: only the accounts under this organizational unit (and its child units)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand setup-account" -l exclude -d 'With --org: leave these accounts out (comma-separated ids)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand setup-account" -l regions -d 'The regions to run in, for every target (default: the fleet file\'s, else the current region)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand setup-account" -l concurrency -d 'How many accounts at once (the regions of one account run one after the other)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand setup-account" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand setup-account" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand setup-account" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand setup-account" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand setup-account" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand setup-account" -l alarms -d 'CloudWatch alarms on every function: error rate above 5% over 5 minutes, any throttle, a duration above 30 s. Recorded: later runs keep them; --no-alarms removes them'
complete -c rosactl -n "__fish_rosactl_using_subcommand setup-account" -l no-alarms -d 'Remove rosactl\'s alarms (and the recorded notification topic)'
complete -c rosactl -n "__fish_rosactl_using_subcommand setup-account" -l dashboard -d 'A CloudWatch dashboard of the functions (invocations, errors, throttles, duration p50/p99, their own figures), named rosa-lambda-REGION. Recorded; --no-dashboard removes it'
complete -c rosactl -n "__fish_rosactl_using_subcommand setup-account" -l no-dashboard -d 'Remove rosactl\'s dashboard'
complete -c rosactl -n "__fish_rosactl_using_subcommand setup-account" -l dry-run -d 'Print the plan and change nothing'
complete -c rosactl -n "__fish_rosactl_using_subcommand setup-account" -l org -d 'Run in every active account of your AWS Organization (organizations:ListAccounts), assuming --role-name in each'
complete -c rosactl -n "__fish_rosactl_using_subcommand setup-account" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand setup-account" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand setup-account" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand setup-account" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand migrate-account" -l invoker-role-arn -d 'The role allowed to invoke the functions (default: the `arn` of the Platform API\'s /api/v0/info)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand migrate-account" -l log-retention-days -d 'How long the functions\' logs are kept at least: `never` (no expiry), or 90 or more days, a value CloudWatch Logs accepts. A longer retention already set is never shortened' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand migrate-account" -l log-kms-key-arn -d 'Encrypt the functions\' log groups with this customer-managed KMS key' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand migrate-account" -l permissions-boundary -d 'Set this managed policy as the permissions boundary of every IAM role rosactl creates' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand migrate-account" -l role-path -d 'Create every IAM role under this path (e.g. /rosa/; default /)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand migrate-account" -l tags -d 'Put these tags on every resource rosactl creates, at creation: KEY=VALUE,...' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand migrate-account" -l tracing -d 'X-Ray active tracing on the functions (`active`), or none (`off`); the execution roles get X-Ray\'s write permission only while it is on. Recorded: later runs keep it' -r -f -a "active\t''
off\t''"
complete -c rosactl -n "__fish_rosactl_using_subcommand migrate-account" -l reserved-concurrency -d 'Reserve concurrent executions: `N` for every function, `FUNCTION=N,...` for some, `off` (or `FUNCTION=off`) to remove a reservation. Refused when the account\'s unreserved concurrency would fall below Lambda\'s minimum (100). Recorded: later runs keep it' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand migrate-account" -l alarm-topic -d 'The SNS topic (same region) the alarms notify; implies --alarms' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand migrate-account" -l mode -d '`auto` applies the plan; `manual` writes it for an administrator to review and run (policies as JSON, an AWS CLI script, the packages and their SHA-256) to --out, and changes nothing' -r -f -a "auto\t''
manual\t''"
complete -c rosactl -n "__fish_rosactl_using_subcommand migrate-account" -l out -d 'With --mode manual: the directory to write to (created; must be empty if it exists)' -r -F
complete -c rosactl -n "__fish_rosactl_using_subcommand migrate-account" -l fleet -d 'Run in every target of this fleet file (YAML: `targets:` entries with `profile` or `role_arn`, optional `regions`, `resource_prefix`, `tags`, `permissions_boundary`)' -r -F
complete -c rosactl -n "__fish_rosactl_using_subcommand migrate-account" -l role-name -d 'With --org: the role to assume in each account' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand migrate-account" -l ou -d 'With --org: only the accounts under this organizational unit (and its child units)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand migrate-account" -l exclude -d 'With --org: leave these accounts out (comma-separated ids)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand migrate-account" -l regions -d 'The regions to run in, for every target (default: the fleet file\'s, else the current region)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand migrate-account" -l concurrency -d 'How many accounts at once (the regions of one account run one after the other)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand migrate-account" -l remove-legacy-oidc -d 'Delete this legacy OIDC provider (issuer URL or host/path) instead of migrating; refused while any role in the account trusts it (with --dry-run: check, and change nothing)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand migrate-account" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand migrate-account" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand migrate-account" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand migrate-account" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand migrate-account" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand migrate-account" -l alarms -d 'CloudWatch alarms on every function: error rate above 5% over 5 minutes, any throttle, a duration above 30 s. Recorded: later runs keep them; --no-alarms removes them'
complete -c rosactl -n "__fish_rosactl_using_subcommand migrate-account" -l no-alarms -d 'Remove rosactl\'s alarms (and the recorded notification topic)'
complete -c rosactl -n "__fish_rosactl_using_subcommand migrate-account" -l dashboard -d 'A CloudWatch dashboard of the functions (invocations, errors, throttles, duration p50/p99, their own figures), named rosa-lambda-REGION. Recorded; --no-dashboard removes it'
complete -c rosactl -n "__fish_rosactl_using_subcommand migrate-account" -l no-dashboard -d 'Remove rosactl\'s dashboard'
complete -c rosactl -n "__fish_rosactl_using_subcommand migrate-account" -l dry-run -d 'Print the plan and change nothing'
complete -c rosactl -n "__fish_rosactl_using_subcommand migrate-account" -l org -d 'Run in every active account of your AWS Organization (organizations:ListAccounts), assuming --role-name in each'
complete -c rosactl -n "__fish_rosactl_using_subcommand migrate-account" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand migrate-account" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand migrate-account" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand migrate-account" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand test-migration" -l invoker-role-arn -d 'The invoker the permission must name (default: the `arn` of the Platform API\'s /api/v0/info)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand test-migration" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand test-migration" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand test-migration" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand test-migration" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand test-migration" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand test-migration" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand test-migration" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand test-migration" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand test-migration" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand update-lambdas" -l alias -d 'The alias to deliver to' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand update-lambdas" -l function -d 'Only this function (repeatable or comma-separated): oidc-provisioner, preflight-checker, network-verifier (or the full rosa-... name). Default: all three' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand update-lambdas" -l fleet -d 'Run in every target of this fleet file (YAML: `targets:` entries with `profile` or `role_arn`, optional `regions`, `resource_prefix`, `tags`, `permissions_boundary`)' -r -F
complete -c rosactl -n "__fish_rosactl_using_subcommand update-lambdas" -l role-name -d 'With --org: the role to assume in each account' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand update-lambdas" -l ou -d 'With --org: only the accounts under this organizational unit (and its child units)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand update-lambdas" -l exclude -d 'With --org: leave these accounts out (comma-separated ids)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand update-lambdas" -l regions -d 'The regions to run in, for every target (default: the fleet file\'s, else the current region)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand update-lambdas" -l concurrency -d 'How many accounts at once (the regions of one account run one after the other)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand update-lambdas" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand update-lambdas" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand update-lambdas" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand update-lambdas" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand update-lambdas" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand update-lambdas" -l dry-run -d 'Print the plan and change nothing'
complete -c rosactl -n "__fish_rosactl_using_subcommand update-lambdas" -l org -d 'Run in every active account of your AWS Organization (organizations:ListAccounts), assuming --role-name in each'
complete -c rosactl -n "__fish_rosactl_using_subcommand update-lambdas" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand update-lambdas" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand update-lambdas" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand update-lambdas" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand promote-lambdas" -l from -d 'The alias whose version is promoted' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand promote-lambdas" -l to -d 'The alias that is moved' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand promote-lambdas" -l canary -d 'Route this share of --to\'s invocations (1-99) to the new version; the current version stays primary' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand promote-lambdas" -l bake -d 'With --canary: wait this long, check the new version again, then finish the canary. With --waves: wait this long after each wave before checking it. Seconds, or 90s, 10m, 1h' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand promote-lambdas" -l function -d 'Only this function (repeatable or comma-separated): oidc-provisioner, preflight-checker, network-verifier (or the full rosa-... name). Default: all three' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand promote-lambdas" -l fleet -d 'Run in every target of this fleet file (YAML: `targets:` entries with `profile` or `role_arn`, optional `regions`, `resource_prefix`, `tags`, `permissions_boundary`)' -r -F
complete -c rosactl -n "__fish_rosactl_using_subcommand promote-lambdas" -l role-name -d 'With --org: the role to assume in each account' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand promote-lambdas" -l ou -d 'With --org: only the accounts under this organizational unit (and its child units)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand promote-lambdas" -l exclude -d 'With --org: leave these accounts out (comma-separated ids)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand promote-lambdas" -l regions -d 'The regions to run in, for every target (default: the fleet file\'s, else the current region)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand promote-lambdas" -l concurrency -d 'How many accounts at once (the regions of one account run one after the other)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand promote-lambdas" -l waves -d 'With --fleet/--org: promote in waves, e.g. 1,10%,rest: each wave promoted, baked, checked (status --check of each target) before the next; the first failure stops it' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand promote-lambdas" -l progress -d 'Where the rollout\'s progress is recorded (default: rosactl-rollout.json here)' -r -F
complete -c rosactl -n "__fish_rosactl_using_subcommand promote-lambdas" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand promote-lambdas" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand promote-lambdas" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand promote-lambdas" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand promote-lambdas" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand promote-lambdas" -l finish -d 'Complete a canary: the canary version becomes --to\'s only version'
complete -c rosactl -n "__fish_rosactl_using_subcommand promote-lambdas" -l skip-check -d 'Do not invoke --from before moving (for a function you know fails its check)'
complete -c rosactl -n "__fish_rosactl_using_subcommand promote-lambdas" -l dry-run -d 'Print the plan and change nothing'
complete -c rosactl -n "__fish_rosactl_using_subcommand promote-lambdas" -l org -d 'Run in every active account of your AWS Organization (organizations:ListAccounts), assuming --role-name in each'
complete -c rosactl -n "__fish_rosactl_using_subcommand promote-lambdas" -l resume -d 'With --waves: continue the recorded rollout after its last completed wave'
complete -c rosactl -n "__fish_rosactl_using_subcommand promote-lambdas" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand promote-lambdas" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand promote-lambdas" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand promote-lambdas" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand promote" -l from -d 'The alias whose version is promoted' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand promote" -l to -d 'The alias that is moved' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand promote" -l canary -d 'Route this share of --to\'s invocations (1-99) to the new version; the current version stays primary' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand promote" -l bake -d 'With --canary: wait this long, check the new version again, then finish the canary. With --waves: wait this long after each wave before checking it. Seconds, or 90s, 10m, 1h' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand promote" -l function -d 'Only this function (repeatable or comma-separated): oidc-provisioner, preflight-checker, network-verifier (or the full rosa-... name). Default: all three' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand promote" -l fleet -d 'Run in every target of this fleet file (YAML: `targets:` entries with `profile` or `role_arn`, optional `regions`, `resource_prefix`, `tags`, `permissions_boundary`)' -r -F
complete -c rosactl -n "__fish_rosactl_using_subcommand promote" -l role-name -d 'With --org: the role to assume in each account' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand promote" -l ou -d 'With --org: only the accounts under this organizational unit (and its child units)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand promote" -l exclude -d 'With --org: leave these accounts out (comma-separated ids)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand promote" -l regions -d 'The regions to run in, for every target (default: the fleet file\'s, else the current region)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand promote" -l concurrency -d 'How many accounts at once (the regions of one account run one after the other)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand promote" -l waves -d 'With --fleet/--org: promote in waves, e.g. 1,10%,rest: each wave promoted, baked, checked (status --check of each target) before the next; the first failure stops it' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand promote" -l progress -d 'Where the rollout\'s progress is recorded (default: rosactl-rollout.json here)' -r -F
complete -c rosactl -n "__fish_rosactl_using_subcommand promote" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand promote" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand promote" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand promote" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand promote" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand promote" -l finish -d 'Complete a canary: the canary version becomes --to\'s only version'
complete -c rosactl -n "__fish_rosactl_using_subcommand promote" -l skip-check -d 'Do not invoke --from before moving (for a function you know fails its check)'
complete -c rosactl -n "__fish_rosactl_using_subcommand promote" -l dry-run -d 'Print the plan and change nothing'
complete -c rosactl -n "__fish_rosactl_using_subcommand promote" -l org -d 'Run in every active account of your AWS Organization (organizations:ListAccounts), assuming --role-name in each'
complete -c rosactl -n "__fish_rosactl_using_subcommand promote" -l resume -d 'With --waves: continue the recorded rollout after its last completed wave'
complete -c rosactl -n "__fish_rosactl_using_subcommand promote" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand promote" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand promote" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand promote" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand rollback-lambdas" -l alias -d 'The alias to roll back' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand rollback-lambdas" -l to-version -d 'Point the alias at this published version instead of the one before its last move' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand rollback-lambdas" -l function -d 'Only this function (repeatable or comma-separated): oidc-provisioner, preflight-checker, network-verifier (or the full rosa-... name). Default: all three' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand rollback-lambdas" -l fleet -d 'Run in every target of this fleet file (YAML: `targets:` entries with `profile` or `role_arn`, optional `regions`, `resource_prefix`, `tags`, `permissions_boundary`)' -r -F
complete -c rosactl -n "__fish_rosactl_using_subcommand rollback-lambdas" -l role-name -d 'With --org: the role to assume in each account' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand rollback-lambdas" -l ou -d 'With --org: only the accounts under this organizational unit (and its child units)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand rollback-lambdas" -l exclude -d 'With --org: leave these accounts out (comma-separated ids)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand rollback-lambdas" -l regions -d 'The regions to run in, for every target (default: the fleet file\'s, else the current region)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand rollback-lambdas" -l concurrency -d 'How many accounts at once (the regions of one account run one after the other)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand rollback-lambdas" -l progress -d 'With --last-wave: the rollout\'s progress file (default: rosactl-rollout.json here)' -r -F
complete -c rosactl -n "__fish_rosactl_using_subcommand rollback-lambdas" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand rollback-lambdas" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand rollback-lambdas" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand rollback-lambdas" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand rollback-lambdas" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand rollback-lambdas" -l dry-run -d 'Print the plan and change nothing'
complete -c rosactl -n "__fish_rosactl_using_subcommand rollback-lambdas" -l org -d 'Run in every active account of your AWS Organization (organizations:ListAccounts), assuming --role-name in each'
complete -c rosactl -n "__fish_rosactl_using_subcommand rollback-lambdas" -l last-wave -d 'With --fleet/--org: roll back the targets the last recorded wave moved (--progress)'
complete -c rosactl -n "__fish_rosactl_using_subcommand rollback-lambdas" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand rollback-lambdas" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand rollback-lambdas" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand rollback-lambdas" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand rollback" -l alias -d 'The alias to roll back' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand rollback" -l to-version -d 'Point the alias at this published version instead of the one before its last move' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand rollback" -l function -d 'Only this function (repeatable or comma-separated): oidc-provisioner, preflight-checker, network-verifier (or the full rosa-... name). Default: all three' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand rollback" -l fleet -d 'Run in every target of this fleet file (YAML: `targets:` entries with `profile` or `role_arn`, optional `regions`, `resource_prefix`, `tags`, `permissions_boundary`)' -r -F
complete -c rosactl -n "__fish_rosactl_using_subcommand rollback" -l role-name -d 'With --org: the role to assume in each account' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand rollback" -l ou -d 'With --org: only the accounts under this organizational unit (and its child units)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand rollback" -l exclude -d 'With --org: leave these accounts out (comma-separated ids)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand rollback" -l regions -d 'The regions to run in, for every target (default: the fleet file\'s, else the current region)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand rollback" -l concurrency -d 'How many accounts at once (the regions of one account run one after the other)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand rollback" -l progress -d 'With --last-wave: the rollout\'s progress file (default: rosactl-rollout.json here)' -r -F
complete -c rosactl -n "__fish_rosactl_using_subcommand rollback" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand rollback" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand rollback" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand rollback" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand rollback" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand rollback" -l dry-run -d 'Print the plan and change nothing'
complete -c rosactl -n "__fish_rosactl_using_subcommand rollback" -l org -d 'Run in every active account of your AWS Organization (organizations:ListAccounts), assuming --role-name in each'
complete -c rosactl -n "__fish_rosactl_using_subcommand rollback" -l last-wave -d 'With --fleet/--org: roll back the targets the last recorded wave moved (--progress)'
complete -c rosactl -n "__fish_rosactl_using_subcommand rollback" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand rollback" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand rollback" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand rollback" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand history" -l function -d 'Only this function (repeatable or comma-separated): oidc-provisioner, preflight-checker, network-verifier (or the full rosa-... name). Default: all three' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand history" -l alias -d 'Only this alias\'s moves' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand history" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand history" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand history" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand history" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand history" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand history" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand history" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand history" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand history" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand status" -l fleet -d 'Run in every target of this fleet file (YAML: `targets:` entries with `profile` or `role_arn`, optional `regions`, `resource_prefix`, `tags`, `permissions_boundary`)' -r -F
complete -c rosactl -n "__fish_rosactl_using_subcommand status" -l role-name -d 'With --org: the role to assume in each account' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand status" -l ou -d 'With --org: only the accounts under this organizational unit (and its child units)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand status" -l exclude -d 'With --org: leave these accounts out (comma-separated ids)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand status" -l regions -d 'The regions to run in, for every target (default: the fleet file\'s, else the current region)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand status" -l concurrency -d 'How many accounts at once (the regions of one account run one after the other)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand status" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand status" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand status" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand status" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand status" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand status" -l check -d 'Exit with 5 when the account differs from what rosactl deploys (drift or missing resources)'
complete -c rosactl -n "__fish_rosactl_using_subcommand status" -l org -d 'Run in every active account of your AWS Organization (organizations:ListAccounts), assuming --role-name in each'
complete -c rosactl -n "__fish_rosactl_using_subcommand status" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand status" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand status" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand test-lambda" -l name -d 'The function: oidc-provisioner, preflight-checker or network-verifier' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand test-lambda" -l alias -d 'The alias (or version number) to invoke' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand test-lambda" -l payload -d 'A JSON file with the event to send (- reads stdin). Default: the function\'s built-in sample' -r -F
complete -c rosactl -n "__fish_rosactl_using_subcommand test-lambda" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand test-lambda" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand test-lambda" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand test-lambda" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand test-lambda" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand test-lambda" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand test-lambda" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand test-lambda" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand test-lambda" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand logs" -l name -d 'The function: oidc-provisioner, preflight-checker or network-verifier' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand logs" -l since -d 'How far back to start: a duration such as 90s, 30m, 1h, 2d, or an RFC 3339 time' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand logs" -l filter -d 'A CloudWatch Logs filter pattern (e.g. ERROR, or "\\"cluster-1\\"")' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand logs" -l poll-interval -d 'With --follow: seconds between two polls' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand logs" -l export -d 'Archive the log group\'s events from --since on to S3 (a CloudWatch Logs export task, waited for). The bucket\'s policy must let the service write; it is read first' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand logs" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand logs" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand logs" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand logs" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand logs" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand logs" -s f -l follow -d 'Keep polling for new events until Ctrl-C'
complete -c rosactl -n "__fish_rosactl_using_subcommand logs" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand logs" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand logs" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand logs" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand audit" -l since -d 'How far back to start: a duration such as 24h, 7d, 90d, or an RFC 3339 time' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand audit" -l function -d 'Only this function (repeatable or comma-separated): oidc-provisioner, preflight-checker, network-verifier (or the full rosa-... name). Default: all three' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand audit" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand audit" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand audit" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand audit" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand audit" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand audit" -l failed -d 'Only the invocations that failed (the totals still count every one)'
complete -c rosactl -n "__fish_rosactl_using_subcommand audit" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand audit" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand audit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand audit" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand metrics" -l since -d 'How far back to start: a duration such as 30m, 24h, 7d, or an RFC 3339 time' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand metrics" -l function -d 'Only this function (repeatable or comma-separated): oidc-provisioner, preflight-checker, network-verifier (or the full rosa-... name). Default: all three' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand metrics" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand metrics" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand metrics" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand metrics" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand metrics" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand metrics" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand metrics" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand metrics" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand metrics" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand versions" -l function -d 'Only this function (repeatable or comma-separated): oidc-provisioner, preflight-checker, network-verifier (or the full rosa-... name). Default: all three' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand versions" -l keep -d 'Delete old versions nothing references, keeping the newest N (at least 1)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand versions" -l fleet -d 'Run in every target of this fleet file (YAML: `targets:` entries with `profile` or `role_arn`, optional `regions`, `resource_prefix`, `tags`, `permissions_boundary`)' -r -F
complete -c rosactl -n "__fish_rosactl_using_subcommand versions" -l role-name -d 'With --org: the role to assume in each account' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand versions" -l ou -d 'With --org: only the accounts under this organizational unit (and its child units)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand versions" -l exclude -d 'With --org: leave these accounts out (comma-separated ids)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand versions" -l regions -d 'The regions to run in, for every target (default: the fleet file\'s, else the current region)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand versions" -l concurrency -d 'How many accounts at once (the regions of one account run one after the other)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand versions" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand versions" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand versions" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand versions" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand versions" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand versions" -l dry-run -d 'With --keep: print what would be deleted and delete nothing'
complete -c rosactl -n "__fish_rosactl_using_subcommand versions" -l org -d 'Run in every active account of your AWS Organization (organizations:ListAccounts), assuming --role-name in each'
complete -c rosactl -n "__fish_rosactl_using_subcommand versions" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand versions" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand versions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand versions" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand register-account" -l account-id -d 'The customer\'s 12-digit AWS account id' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand register-account" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand register-account" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand register-account" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand register-account" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand register-account" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand register-account" -l dry-run -d 'Print the request and send nothing'
complete -c rosactl -n "__fish_rosactl_using_subcommand register-account" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand register-account" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand register-account" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand register-account" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand cleanup-access" -l fleet -d 'Run in every target of this fleet file (YAML: `targets:` entries with `profile` or `role_arn`, optional `regions`, `resource_prefix`, `tags`, `permissions_boundary`)' -r -F
complete -c rosactl -n "__fish_rosactl_using_subcommand cleanup-access" -l role-name -d 'With --org: the role to assume in each account' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cleanup-access" -l ou -d 'With --org: only the accounts under this organizational unit (and its child units)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cleanup-access" -l exclude -d 'With --org: leave these accounts out (comma-separated ids)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cleanup-access" -l regions -d 'The regions to run in, for every target (default: the fleet file\'s, else the current region)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cleanup-access" -l concurrency -d 'How many accounts at once (the regions of one account run one after the other)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cleanup-access" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cleanup-access" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cleanup-access" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cleanup-access" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand cleanup-access" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cleanup-access" -l dry-run -d 'Print the plan and change nothing'
complete -c rosactl -n "__fish_rosactl_using_subcommand cleanup-access" -l org -d 'Run in every active account of your AWS Organization (organizations:ListAccounts), assuming --role-name in each'
complete -c rosactl -n "__fish_rosactl_using_subcommand cleanup-access" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand cleanup-access" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand cleanup-access" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand cleanup-access" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand cleanup-account" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cleanup-account" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cleanup-account" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cleanup-account" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand cleanup-account" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cleanup-account" -l delete-logs -d 'Also delete the functions\' log groups (their logs are audit records: kept by default)'
complete -c rosactl -n "__fish_rosactl_using_subcommand cleanup-account" -l dry-run -d 'Print the plan and change nothing'
complete -c rosactl -n "__fish_rosactl_using_subcommand cleanup-account" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand cleanup-account" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand cleanup-account" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand cleanup-account" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand export-lambdas" -l dir -d 'Directory to write `<function>.zip` and `manifest.json` into (created if missing)' -r -F
complete -c rosactl -n "__fish_rosactl_using_subcommand export-lambdas" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand export-lambdas" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand export-lambdas" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand export-lambdas" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand export-lambdas" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand export-lambdas" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand export-lambdas" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand export-lambdas" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand export-lambdas" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand completion" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand completion" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand completion" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod). Default: ROSACTL_API_URL, then what `rosactl login` kept' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand completion" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'
csv\t'Comma-separated values, a header first (`rosactl audit` only)'"
complete -c rosactl -n "__fish_rosactl_using_subcommand completion" -l resource-prefix -d 'The name prefix of the rosactl deployment to act on (`setup-account --resource-prefix`). Default: the one deployment found in the account and region by its tags, whatever its prefix' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand completion" -s y -l yes -d 'Answer yes to confirmation prompts. Off a terminal, commands that sweep the account or move `prod` need it; a delete of what the command line names proceeds without it'
complete -c rosactl -n "__fish_rosactl_using_subcommand completion" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand completion" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand completion" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and not __fish_seen_subcommand_from init whoami login logout cluster-vpc cluster-iam cluster-oidc nodepool create list describe delete cluster version setup-account migrate-account test-migration update-lambdas promote-lambdas rollback-lambdas history status test-lambda logs audit metrics versions register-account cleanup-access cleanup-account export-lambdas completion help" -f -a "init" -d 'Check that rosactl can work: AWS credentials, region, Platform API reachable and ready, registration'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and not __fish_seen_subcommand_from init whoami login logout cluster-vpc cluster-iam cluster-oidc nodepool create list describe delete cluster version setup-account migrate-account test-migration update-lambdas promote-lambdas rollback-lambdas history status test-lambda logs audit metrics versions register-account cleanup-access cleanup-account export-lambdas completion help" -f -a "whoami" -d 'Show the AWS identity, region, Platform API and registration rosactl uses'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and not __fish_seen_subcommand_from init whoami login logout cluster-vpc cluster-iam cluster-oidc nodepool create list describe delete cluster version setup-account migrate-account test-migration update-lambdas promote-lambdas rollback-lambdas history status test-lambda logs audit metrics versions register-account cleanup-access cleanup-account export-lambdas completion help" -f -a "login" -d 'Keep the Platform API URL (and --region) for later commands, after checking the API answers'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and not __fish_seen_subcommand_from init whoami login logout cluster-vpc cluster-iam cluster-oidc nodepool create list describe delete cluster version setup-account migrate-account test-migration update-lambdas promote-lambdas rollback-lambdas history status test-lambda logs audit metrics versions register-account cleanup-access cleanup-account export-lambdas completion help" -f -a "logout" -d 'Forget the Platform API URL and region `rosactl login` kept'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and not __fish_seen_subcommand_from init whoami login logout cluster-vpc cluster-iam cluster-oidc nodepool create list describe delete cluster version setup-account migrate-account test-migration update-lambdas promote-lambdas rollback-lambdas history status test-lambda logs audit metrics versions register-account cleanup-access cleanup-account export-lambdas completion help" -f -a "cluster-vpc" -d 'A cluster\'s network: `cluster-vpc create|delete|list|describe` (VPC, subnets, NAT, routes, worker SG, private zone)'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and not __fish_seen_subcommand_from init whoami login logout cluster-vpc cluster-iam cluster-oidc nodepool create list describe delete cluster version setup-account migrate-account test-migration update-lambdas promote-lambdas rollback-lambdas history status test-lambda logs audit metrics versions register-account cleanup-access cleanup-account export-lambdas completion help" -f -a "cluster-iam" -d 'A cluster\'s IAM roles: `cluster-iam create|delete|list|describe` (seven operator roles, the worker role and profile)'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and not __fish_seen_subcommand_from init whoami login logout cluster-vpc cluster-iam cluster-oidc nodepool create list describe delete cluster version setup-account migrate-account test-migration update-lambdas promote-lambdas rollback-lambdas history status test-lambda logs audit metrics versions register-account cleanup-access cleanup-account export-lambdas completion help" -f -a "cluster-oidc" -d 'A cluster\'s IAM OIDC provider: `cluster-oidc create|delete NAME` (made by the account\'s rosa-oidc-provisioner)'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and not __fish_seen_subcommand_from init whoami login logout cluster-vpc cluster-iam cluster-oidc nodepool create list describe delete cluster version setup-account migrate-account test-migration update-lambdas promote-lambdas rollback-lambdas history status test-lambda logs audit metrics versions register-account cleanup-access cleanup-account export-lambdas completion help" -f -a "nodepool" -d 'Node pools of a cluster: `nodepool create|list|describe|delete`'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and not __fish_seen_subcommand_from init whoami login logout cluster-vpc cluster-iam cluster-oidc nodepool create list describe delete cluster version setup-account migrate-account test-migration update-lambdas promote-lambdas rollback-lambdas history status test-lambda logs audit metrics versions register-account cleanup-access cleanup-account export-lambdas completion help" -f -a "create" -d 'Create a resource (`create cluster`)'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and not __fish_seen_subcommand_from init whoami login logout cluster-vpc cluster-iam cluster-oidc nodepool create list describe delete cluster version setup-account migrate-account test-migration update-lambdas promote-lambdas rollback-lambdas history status test-lambda logs audit metrics versions register-account cleanup-access cleanup-account export-lambdas completion help" -f -a "list" -d 'List resources (`list clusters`)'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and not __fish_seen_subcommand_from init whoami login logout cluster-vpc cluster-iam cluster-oidc nodepool create list describe delete cluster version setup-account migrate-account test-migration update-lambdas promote-lambdas rollback-lambdas history status test-lambda logs audit metrics versions register-account cleanup-access cleanup-account export-lambdas completion help" -f -a "describe" -d 'Describe a resource (`describe cluster`)'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and not __fish_seen_subcommand_from init whoami login logout cluster-vpc cluster-iam cluster-oidc nodepool create list describe delete cluster version setup-account migrate-account test-migration update-lambdas promote-lambdas rollback-lambdas history status test-lambda logs audit metrics versions register-account cleanup-access cleanup-account export-lambdas completion help" -f -a "delete" -d 'Delete a resource (`delete cluster`)'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and not __fish_seen_subcommand_from init whoami login logout cluster-vpc cluster-iam cluster-oidc nodepool create list describe delete cluster version setup-account migrate-account test-migration update-lambdas promote-lambdas rollback-lambdas history status test-lambda logs audit metrics versions register-account cleanup-access cleanup-account export-lambdas completion help" -f -a "cluster" -d 'Clusters, noun first: `cluster create|list|describe|delete` (same as `create cluster` ...), `cluster kubeconfig|get-token`'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and not __fish_seen_subcommand_from init whoami login logout cluster-vpc cluster-iam cluster-oidc nodepool create list describe delete cluster version setup-account migrate-account test-migration update-lambdas promote-lambdas rollback-lambdas history status test-lambda logs audit metrics versions register-account cleanup-access cleanup-account export-lambdas completion help" -f -a "version" -d 'Show rosactl\'s version and the embedded Lambda packages (verified against their SHA-256)'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and not __fish_seen_subcommand_from init whoami login logout cluster-vpc cluster-iam cluster-oidc nodepool create list describe delete cluster version setup-account migrate-account test-migration update-lambdas promote-lambdas rollback-lambdas history status test-lambda logs audit metrics versions register-account cleanup-access cleanup-account export-lambdas completion help" -f -a "setup-account" -d 'Deploy the three Lambda functions into this account and register it with the platform'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and not __fish_seen_subcommand_from init whoami login logout cluster-vpc cluster-iam cluster-oidc nodepool create list describe delete cluster version setup-account migrate-account test-migration update-lambdas promote-lambdas rollback-lambdas history status test-lambda logs audit metrics versions register-account cleanup-access cleanup-account export-lambdas completion help" -f -a "migrate-account" -d 'Move an account that runs ROSA HCP (OIDC/STS roles) to the Lambda model, leaving its legacy setup untouched'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and not __fish_seen_subcommand_from init whoami login logout cluster-vpc cluster-iam cluster-oidc nodepool create list describe delete cluster version setup-account migrate-account test-migration update-lambdas promote-lambdas rollback-lambdas history status test-lambda logs audit metrics versions register-account cleanup-access cleanup-account export-lambdas completion help" -f -a "test-migration" -d 'Check a migrated account for CI: deployment, functions, permission, registration, legacy setup intact'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and not __fish_seen_subcommand_from init whoami login logout cluster-vpc cluster-iam cluster-oidc nodepool create list describe delete cluster version setup-account migrate-account test-migration update-lambdas promote-lambdas rollback-lambdas history status test-lambda logs audit metrics versions register-account cleanup-access cleanup-account export-lambdas completion help" -f -a "update-lambdas" -d 'Deliver the embedded packages to an alias (default staging): upload, publish, move, validate'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and not __fish_seen_subcommand_from init whoami login logout cluster-vpc cluster-iam cluster-oidc nodepool create list describe delete cluster version setup-account migrate-account test-migration update-lambdas promote-lambdas rollback-lambdas history status test-lambda logs audit metrics versions register-account cleanup-access cleanup-account export-lambdas completion help" -f -a "promote-lambdas" -d 'Point `prod` at what `staging` runs, at once or as a canary (--canary, --finish)'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and not __fish_seen_subcommand_from init whoami login logout cluster-vpc cluster-iam cluster-oidc nodepool create list describe delete cluster version setup-account migrate-account test-migration update-lambdas promote-lambdas rollback-lambdas history status test-lambda logs audit metrics versions register-account cleanup-access cleanup-account export-lambdas completion help" -f -a "rollback-lambdas" -d 'Point an alias (default prod) back at the version it had before its last recorded move'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and not __fish_seen_subcommand_from init whoami login logout cluster-vpc cluster-iam cluster-oidc nodepool create list describe delete cluster version setup-account migrate-account test-migration update-lambdas promote-lambdas rollback-lambdas history status test-lambda logs audit metrics versions register-account cleanup-access cleanup-account export-lambdas completion help" -f -a "history" -d 'List each alias\'s recorded moves: from and to version, code SHA-256, who and when'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and not __fish_seen_subcommand_from init whoami login logout cluster-vpc cluster-iam cluster-oidc nodepool create list describe delete cluster version setup-account migrate-account test-migration update-lambdas promote-lambdas rollback-lambdas history status test-lambda logs audit metrics versions register-account cleanup-access cleanup-account export-lambdas completion help" -f -a "status" -d 'Show what runs behind each alias and whether the account drifted from what rosactl deploys'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and not __fish_seen_subcommand_from init whoami login logout cluster-vpc cluster-iam cluster-oidc nodepool create list describe delete cluster version setup-account migrate-account test-migration update-lambdas promote-lambdas rollback-lambdas history status test-lambda logs audit metrics versions register-account cleanup-access cleanup-account export-lambdas completion help" -f -a "test-lambda" -d 'Invoke a function with a built-in sample (or your payload); show its answer and log tail'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and not __fish_seen_subcommand_from init whoami login logout cluster-vpc cluster-iam cluster-oidc nodepool create list describe delete cluster version setup-account migrate-account test-migration update-lambdas promote-lambdas rollback-lambdas history status test-lambda logs audit metrics versions register-account cleanup-access cleanup-account export-lambdas completion help" -f -a "logs" -d 'Show a function\'s CloudWatch logs, readably (--follow to keep watching)'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and not __fish_seen_subcommand_from init whoami login logout cluster-vpc cluster-iam cluster-oidc nodepool create list describe delete cluster version setup-account migrate-account test-migration update-lambdas promote-lambdas rollback-lambdas history status test-lambda logs audit metrics versions register-account cleanup-access cleanup-account export-lambdas completion help" -f -a "audit" -d 'Every invocation logged in a period, with totals, and the account\'s access and logging facts'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and not __fish_seen_subcommand_from init whoami login logout cluster-vpc cluster-iam cluster-oidc nodepool create list describe delete cluster version setup-account migrate-account test-migration update-lambdas promote-lambdas rollback-lambdas history status test-lambda logs audit metrics versions register-account cleanup-access cleanup-account export-lambdas completion help" -f -a "metrics" -d 'Each function\'s invocations, errors, throttles and duration (p50, p99) from CloudWatch'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and not __fish_seen_subcommand_from init whoami login logout cluster-vpc cluster-iam cluster-oidc nodepool create list describe delete cluster version setup-account migrate-account test-migration update-lambdas promote-lambdas rollback-lambdas history status test-lambda logs audit metrics versions register-account cleanup-access cleanup-account export-lambdas completion help" -f -a "versions" -d 'List each function\'s published versions (--keep N deletes old ones nothing uses)'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and not __fish_seen_subcommand_from init whoami login logout cluster-vpc cluster-iam cluster-oidc nodepool create list describe delete cluster version setup-account migrate-account test-migration update-lambdas promote-lambdas rollback-lambdas history status test-lambda logs audit metrics versions register-account cleanup-access cleanup-account export-lambdas completion help" -f -a "register-account" -d 'Register a customer account with the platform (platform operators only)'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and not __fish_seen_subcommand_from init whoami login logout cluster-vpc cluster-iam cluster-oidc nodepool create list describe delete cluster version setup-account migrate-account test-migration update-lambdas promote-lambdas rollback-lambdas history status test-lambda logs audit metrics versions register-account cleanup-access cleanup-account export-lambdas completion help" -f -a "cleanup-access" -d 'Remove the platform\'s permission to invoke the functions (keeps everything else)'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and not __fish_seen_subcommand_from init whoami login logout cluster-vpc cluster-iam cluster-oidc nodepool create list describe delete cluster version setup-account migrate-account test-migration update-lambdas promote-lambdas rollback-lambdas history status test-lambda logs audit metrics versions register-account cleanup-access cleanup-account export-lambdas completion help" -f -a "cleanup-account" -d 'Delete what setup-account created: functions, roles, the artifact bucket (logs with --delete-logs)'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and not __fish_seen_subcommand_from init whoami login logout cluster-vpc cluster-iam cluster-oidc nodepool create list describe delete cluster version setup-account migrate-account test-migration update-lambdas promote-lambdas rollback-lambdas history status test-lambda logs audit metrics versions register-account cleanup-access cleanup-account export-lambdas completion help" -f -a "export-lambdas" -d 'Write the embedded Lambda packages and their manifest to a directory, for review'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and not __fish_seen_subcommand_from init whoami login logout cluster-vpc cluster-iam cluster-oidc nodepool create list describe delete cluster version setup-account migrate-account test-migration update-lambdas promote-lambdas rollback-lambdas history status test-lambda logs audit metrics versions register-account cleanup-access cleanup-account export-lambdas completion help" -f -a "completion" -d 'Print a shell completion script'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and not __fish_seen_subcommand_from init whoami login logout cluster-vpc cluster-iam cluster-oidc nodepool create list describe delete cluster version setup-account migrate-account test-migration update-lambdas promote-lambdas rollback-lambdas history status test-lambda logs audit metrics versions register-account cleanup-access cleanup-account export-lambdas completion help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and __fish_seen_subcommand_from cluster-vpc" -f -a "create" -d 'Create (or repair) the cluster\'s network'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and __fish_seen_subcommand_from cluster-vpc" -f -a "delete" -d 'Delete the cluster\'s network, after what a cluster left in it (load balancers, endpoints, security groups, records)'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and __fish_seen_subcommand_from cluster-vpc" -f -a "list" -d 'List the cluster networks rosactl made in this region'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and __fish_seen_subcommand_from cluster-vpc" -f -a "describe" -d 'Show the cluster\'s network: VPC, subnets, security group, hosted zone'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and __fish_seen_subcommand_from cluster-iam" -f -a "create" -d 'Create (or repair) the cluster\'s operator roles, worker role and instance profile'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and __fish_seen_subcommand_from cluster-iam" -f -a "delete" -d 'Delete the cluster\'s roles and instance profile (only those tagged as this cluster\'s)'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and __fish_seen_subcommand_from cluster-iam" -f -a "list" -d 'List the clusters whose roles rosactl made in this account'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and __fish_seen_subcommand_from cluster-iam" -f -a "describe" -d 'Show the cluster\'s roles and what `create` would still do'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and __fish_seen_subcommand_from cluster-oidc" -f -a "create" -d 'Create (or update) the cluster\'s OIDC provider by invoking rosa-oidc-provisioner:prod'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and __fish_seen_subcommand_from cluster-oidc" -f -a "delete" -d 'Delete the cluster\'s OIDC provider (only one tagged as this cluster\'s)'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and __fish_seen_subcommand_from cluster-oidc" -f -a "list" -d 'List the OIDC providers made for clusters in this account'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and __fish_seen_subcommand_from nodepool" -f -a "create" -d 'Create a node pool in a cluster (its subnet defaults to the cluster\'s)'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and __fish_seen_subcommand_from nodepool" -f -a "list" -d 'List a cluster\'s node pools'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and __fish_seen_subcommand_from nodepool" -f -a "describe" -d 'Show a node pool: spec and phase'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and __fish_seen_subcommand_from nodepool" -f -a "delete" -d 'Delete a node pool'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and __fish_seen_subcommand_from nodepool" -f -a "update" -d 'Change a node pool\'s replicas or auto-repair (PUT of the changed keys only)'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and __fish_seen_subcommand_from create" -f -a "cluster" -d 'Create a cluster through the Platform API'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and __fish_seen_subcommand_from list" -f -a "clusters" -d 'List your clusters (all pages)'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and __fish_seen_subcommand_from describe" -f -a "cluster" -d 'Show a cluster: spec, phase, conditions, controllers, OIDC issuer URL, API endpoint'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and __fish_seen_subcommand_from delete" -f -a "cluster" -d 'Delete a cluster'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and __fish_seen_subcommand_from cluster" -f -a "create" -d 'Same as `create cluster`'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and __fish_seen_subcommand_from cluster" -f -a "list" -d 'Same as `list clusters`'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and __fish_seen_subcommand_from cluster" -f -a "describe" -d 'Same as `describe cluster`'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and __fish_seen_subcommand_from cluster" -f -a "delete" -d 'Same as `delete cluster`'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and __fish_seen_subcommand_from cluster" -f -a "update" -d 'Change what a customer may change on a cluster (PATCH: only the keys changed are sent)'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and __fish_seen_subcommand_from cluster" -f -a "kubeconfig" -d 'Write a kubeconfig for the cluster\'s API server; its user runs `rosactl cluster get-token`'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and __fish_seen_subcommand_from cluster" -f -a "get-token" -d 'Print an ExecCredential with an EKS-style token (presigned STS GetCallerIdentity) for kubectl'
