
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
            [CompletionResult]::new('export-lambdas', 'export-lambdas', [CompletionResultType]::ParameterValue, 'Write the embedded Lambda packages and their manifest to a directory, for review')
            [CompletionResult]::new('completion', 'completion', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'rosactl;help;version' {
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
