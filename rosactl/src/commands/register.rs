//! `rosactl register-account --account-id ID`: for platform operators (privileged accounts).

use serde_json::json;

use crate::aws::Aws;
use crate::cli::RegisterArgs;
use crate::exit::{Exit, Failure};
use crate::output::{Format, Output};
use crate::platform::Platform;
use crate::settings::Settings;

pub async fn run(out: &Output, global: &Settings, args: &RegisterArgs) -> anyhow::Result<()> {
    let id = args.account_id.trim();
    if id.len() != 12 || !id.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Failure::usage(format!(
            "--account-id: expected a 12-digit AWS account id, got {id:?}"
        ))
        .into());
    }
    let aws = Aws::load(global).await?;
    let api = Platform::require(global, &aws, "register-account").await?;
    if args.dry_run {
        let body = json!({"accountId": id, "privileged": false});
        return out.document(&json!({"dry_run": true, "request": {"method": "POST", "path": "/api/v0/accounts", "body": body}}));
    }
    match api.register(id).await? {
        Ok(state) => {
            if out.format == Format::Table {
                println!("Account {id}: {state}.");
                Ok(())
            } else {
                out.document(&json!({"account_id": id, "state": "registered", "detail": state}))
            }
        }
        Err(e) if e.status == 403 => Err(Failure::new(
            Exit::Failed,
            format!("the Platform API refused ({e}): registering accounts needs a privileged (platform operator) account; your identity is {}", aws.caller_arn),
        )
        .into()),
        Err(e) => Err(Failure::new(Exit::Failed, format!("Platform API: POST /api/v0/accounts: {e}")).into()),
    }
}
