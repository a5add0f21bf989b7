
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
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required off a TTY for commands that change things)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required off a TTY for commands that change things)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Show rosactl''s version and the embedded Lambda packages (verified against their SHA-256)')
            [CompletionResult]::new('setup-account', 'setup-account', [CompletionResultType]::ParameterValue, 'Deploy the three Lambda functions into this account and register it with the platform')
            [CompletionResult]::new('register-account', 'register-account', [CompletionResultType]::ParameterValue, 'Register a customer account with the platform (platform operators only)')
            [CompletionResult]::new('cleanup-access', 'cleanup-access', [CompletionResultType]::ParameterValue, 'Remove the platform''s permission to invoke the functions (keeps everything else)')
            [CompletionResult]::new('cleanup-account', 'cleanup-account', [CompletionResultType]::ParameterValue, 'Delete what setup-account created: functions, roles, the artifact bucket (logs with --delete-logs)')
            [CompletionResult]::new('export-lambdas', 'export-lambdas', [CompletionResultType]::ParameterValue, 'Write the embedded Lambda packages and their manifest to a directory, for review')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rosactl;version' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required off a TTY for commands that change things)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required off a TTY for commands that change things)')
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
            [CompletionResult]::new('--log-retention-days', '--log-retention-days', [CompletionResultType]::ParameterName, 'How long the functions'' logs are kept: 90 or more, a value CloudWatch Logs accepts')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required off a TTY for commands that change things)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required off a TTY for commands that change things)')
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
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the request and send nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required off a TTY for commands that change things)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required off a TTY for commands that change things)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rosactl;cleanup-access' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'AWS profile to use (default: the standard credential chain)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'AWS region (default: from the profile or AWS_REGION)')
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required off a TTY for commands that change things)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required off a TTY for commands that change things)')
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
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--delete-logs', '--delete-logs', [CompletionResultType]::ParameterName, 'Also delete the functions'' log groups (their logs are audit records: kept by default)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan and change nothing')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required off a TTY for commands that change things)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required off a TTY for commands that change things)')
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
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required off a TTY for commands that change things)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required off a TTY for commands that change things)')
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
            [CompletionResult]::new('--api-url', '--api-url', [CompletionResultType]::ParameterName, 'Platform API base URL, stage path included (e.g. https://abc.execute-api.us-east-1.amazonaws.com/prod)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: results go to stdout, messages to stderr')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required off a TTY for commands that change things)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmation prompts (required off a TTY for commands that change things)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('--debug', '--debug', [CompletionResultType]::ParameterName, 'Log what rosactl does (AWS and API calls) on stderr. Secrets are never printed')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'rosactl;help' {
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Show rosactl''s version and the embedded Lambda packages (verified against their SHA-256)')
            [CompletionResult]::new('setup-account', 'setup-account', [CompletionResultType]::ParameterValue, 'Deploy the three Lambda functions into this account and register it with the platform')
            [CompletionResult]::new('register-account', 'register-account', [CompletionResultType]::ParameterValue, 'Register a customer account with the platform (platform operators only)')
            [CompletionResult]::new('cleanup-access', 'cleanup-access', [CompletionResultType]::ParameterValue, 'Remove the platform''s permission to invoke the functions (keeps everything else)')
            [CompletionResult]::new('cleanup-account', 'cleanup-account', [CompletionResultType]::ParameterValue, 'Delete what setup-account created: functions, roles, the artifact bucket (logs with --delete-logs)')
            [CompletionResult]::new('export-lambdas', 'export-lambdas', [CompletionResultType]::ParameterValue, 'Write the embedded Lambda packages and their manifest to a directory, for review')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rosactl;help;version' {
            break
        }
        'rosactl;help;setup-account' {
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
