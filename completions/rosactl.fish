# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_rosactl_global_optspecs
    string join \n profile= region= api-url= o/output= y/yes v/debug h/help V/version
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
complete -c rosactl -n "__fish_rosactl_needs_command" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod)' -r
complete -c rosactl -n "__fish_rosactl_needs_command" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'"
complete -c rosactl -n "__fish_rosactl_needs_command" -s y -l yes -d 'Answer yes to confirmation prompts (required off a TTY for commands that change things)'
complete -c rosactl -n "__fish_rosactl_needs_command" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_needs_command" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_needs_command" -f -a "version" -d 'Show rosactl\'s version and the embedded Lambda packages (verified against their SHA-256)'
complete -c rosactl -n "__fish_rosactl_needs_command" -f -a "setup-account" -d 'Deploy the three Lambda functions into this account and register it with the platform'
complete -c rosactl -n "__fish_rosactl_needs_command" -f -a "register-account" -d 'Register a customer account with the platform (platform operators only)'
complete -c rosactl -n "__fish_rosactl_needs_command" -f -a "cleanup-access" -d 'Remove the platform\'s permission to invoke the functions (keeps everything else)'
complete -c rosactl -n "__fish_rosactl_needs_command" -f -a "cleanup-account" -d 'Delete what setup-account created: functions, roles, the artifact bucket (logs with --delete-logs)'
complete -c rosactl -n "__fish_rosactl_needs_command" -f -a "export-lambdas" -d 'Write the embedded Lambda packages and their manifest to a directory, for review'
complete -c rosactl -n "__fish_rosactl_needs_command" -f -a "completion" -d 'Print a shell completion script'
complete -c rosactl -n "__fish_rosactl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c rosactl -n "__fish_rosactl_using_subcommand version" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand version" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand version" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand version" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'"
complete -c rosactl -n "__fish_rosactl_using_subcommand version" -s y -l yes -d 'Answer yes to confirmation prompts (required off a TTY for commands that change things)'
complete -c rosactl -n "__fish_rosactl_using_subcommand version" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand version" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand version" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand setup-account" -l invoker-role-arn -d 'The role allowed to invoke the functions (default: the `arn` of the Platform API\'s /api/v0/info)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand setup-account" -l log-retention-days -d 'How long the functions\' logs are kept: 90 or more, a value CloudWatch Logs accepts' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand setup-account" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand setup-account" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand setup-account" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand setup-account" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'"
complete -c rosactl -n "__fish_rosactl_using_subcommand setup-account" -l dry-run -d 'Print the plan and change nothing'
complete -c rosactl -n "__fish_rosactl_using_subcommand setup-account" -s y -l yes -d 'Answer yes to confirmation prompts (required off a TTY for commands that change things)'
complete -c rosactl -n "__fish_rosactl_using_subcommand setup-account" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand setup-account" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand setup-account" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand register-account" -l account-id -d 'The customer\'s 12-digit AWS account id' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand register-account" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand register-account" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand register-account" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand register-account" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'"
complete -c rosactl -n "__fish_rosactl_using_subcommand register-account" -l dry-run -d 'Print the request and send nothing'
complete -c rosactl -n "__fish_rosactl_using_subcommand register-account" -s y -l yes -d 'Answer yes to confirmation prompts (required off a TTY for commands that change things)'
complete -c rosactl -n "__fish_rosactl_using_subcommand register-account" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand register-account" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand register-account" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand cleanup-access" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cleanup-access" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cleanup-access" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cleanup-access" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'"
complete -c rosactl -n "__fish_rosactl_using_subcommand cleanup-access" -l dry-run -d 'Print the plan and change nothing'
complete -c rosactl -n "__fish_rosactl_using_subcommand cleanup-access" -s y -l yes -d 'Answer yes to confirmation prompts (required off a TTY for commands that change things)'
complete -c rosactl -n "__fish_rosactl_using_subcommand cleanup-access" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand cleanup-access" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand cleanup-access" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand cleanup-account" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cleanup-account" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cleanup-account" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand cleanup-account" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'"
complete -c rosactl -n "__fish_rosactl_using_subcommand cleanup-account" -l delete-logs -d 'Also delete the functions\' log groups (their logs are audit records: kept by default)'
complete -c rosactl -n "__fish_rosactl_using_subcommand cleanup-account" -l dry-run -d 'Print the plan and change nothing'
complete -c rosactl -n "__fish_rosactl_using_subcommand cleanup-account" -s y -l yes -d 'Answer yes to confirmation prompts (required off a TTY for commands that change things)'
complete -c rosactl -n "__fish_rosactl_using_subcommand cleanup-account" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand cleanup-account" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand cleanup-account" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand export-lambdas" -l dir -d 'Directory to write `<function>.zip` and `manifest.json` into (created if missing)' -r -F
complete -c rosactl -n "__fish_rosactl_using_subcommand export-lambdas" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand export-lambdas" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand export-lambdas" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand export-lambdas" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'"
complete -c rosactl -n "__fish_rosactl_using_subcommand export-lambdas" -s y -l yes -d 'Answer yes to confirmation prompts (required off a TTY for commands that change things)'
complete -c rosactl -n "__fish_rosactl_using_subcommand export-lambdas" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand export-lambdas" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand export-lambdas" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand completion" -l profile -d 'AWS profile to use (default: the standard credential chain)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand completion" -l region -d 'AWS region (default: from the profile or AWS_REGION)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand completion" -l api-url -d 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod)' -r
complete -c rosactl -n "__fish_rosactl_using_subcommand completion" -s o -l output -d 'Output format: results go to stdout, messages to stderr' -r -f -a "table\t'Aligned columns for people'
json\t'One JSON document on stdout'
yaml\t'One YAML document on stdout'"
complete -c rosactl -n "__fish_rosactl_using_subcommand completion" -s y -l yes -d 'Answer yes to confirmation prompts (required off a TTY for commands that change things)'
complete -c rosactl -n "__fish_rosactl_using_subcommand completion" -s v -l debug -d 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed'
complete -c rosactl -n "__fish_rosactl_using_subcommand completion" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c rosactl -n "__fish_rosactl_using_subcommand completion" -s V -l version -d 'Print version'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and not __fish_seen_subcommand_from version setup-account register-account cleanup-access cleanup-account export-lambdas completion help" -f -a "version" -d 'Show rosactl\'s version and the embedded Lambda packages (verified against their SHA-256)'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and not __fish_seen_subcommand_from version setup-account register-account cleanup-access cleanup-account export-lambdas completion help" -f -a "setup-account" -d 'Deploy the three Lambda functions into this account and register it with the platform'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and not __fish_seen_subcommand_from version setup-account register-account cleanup-access cleanup-account export-lambdas completion help" -f -a "register-account" -d 'Register a customer account with the platform (platform operators only)'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and not __fish_seen_subcommand_from version setup-account register-account cleanup-access cleanup-account export-lambdas completion help" -f -a "cleanup-access" -d 'Remove the platform\'s permission to invoke the functions (keeps everything else)'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and not __fish_seen_subcommand_from version setup-account register-account cleanup-access cleanup-account export-lambdas completion help" -f -a "cleanup-account" -d 'Delete what setup-account created: functions, roles, the artifact bucket (logs with --delete-logs)'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and not __fish_seen_subcommand_from version setup-account register-account cleanup-access cleanup-account export-lambdas completion help" -f -a "export-lambdas" -d 'Write the embedded Lambda packages and their manifest to a directory, for review'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and not __fish_seen_subcommand_from version setup-account register-account cleanup-access cleanup-account export-lambdas completion help" -f -a "completion" -d 'Print a shell completion script'
complete -c rosactl -n "__fish_rosactl_using_subcommand help; and not __fish_seen_subcommand_from version setup-account register-account cleanup-access cleanup-account export-lambdas completion help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
