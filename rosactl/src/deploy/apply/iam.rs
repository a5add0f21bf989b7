//! Steps on a function's execution role.

use aws_sdk_iam::error::ProvideErrorMetadata;

use super::{Ctx, StepResult, tolerate};
use crate::deploy::plan::Action;

fn iam_tags(
    tags: &std::collections::BTreeMap<String, String>,
) -> Result<Vec<aws_sdk_iam::types::Tag>, String> {
    tags.iter()
        .map(|(k, v)| {
            aws_sdk_iam::types::Tag::builder()
                .key(k)
                .value(v)
                .build()
                .map_err(|e| e.to_string())
        })
        .collect()
}

pub(super) async fn step(ctx: &Ctx<'_>, name: &str, action: &Action) -> StepResult {
    let iam = &ctx.aws.iam;
    let names = ctx.desired.names(name);
    let role = names.role_name.as_str();
    let pkg = ctx.desired.packages.get(name);
    let pkg = || pkg.ok_or_else(|| format!("{action:?} needs the embedded package of {name}"));
    match action {
        Action::CreateRole => {
            let pkg = pkg()?;
            let tags = ctx
                .desired
                .role_tags(name, &ctx.desired.role_regions(pkg, None));
            let req = iam
                .create_role()
                .role_name(role)
                .path(&ctx.desired.account.rules.role_path)
                .set_permissions_boundary(ctx.desired.account.rules.permissions_boundary.clone())
                .assume_role_policy_document(pkg.trust_policy.to_string())
                .description(format!(
                    "Execution role of {name} (ROSA Regional Platform), managed by rosactl"
                ))
                .set_tags(Some(iam_tags(&tags)?));
            tolerate(req.send().await, &["EntityAlreadyExists"])
        }
        Action::UpdateTrustPolicy => Ok(iam
            .update_assume_role_policy()
            .role_name(role)
            .policy_document(pkg()?.trust_policy.to_string())
            .send()
            .await
            .map(drop)?),
        Action::PutRolePolicy { tracing } => Ok(iam
            .put_role_policy()
            .role_name(role)
            .policy_name(role)
            .policy_document(ctx.desired.execution_policy(name, *tracing).to_string())
            .send()
            .await
            .map(drop)?),
        Action::PutRoleBoundary { policy_arn } => Ok(iam
            .put_role_permissions_boundary()
            .role_name(role)
            .permissions_boundary(policy_arn)
            .send()
            .await
            .map(drop)?),
        Action::TagRole { regions } => Ok(iam
            .tag_role()
            .role_name(role)
            .set_tags(Some(iam_tags(&ctx.desired.role_tags(name, regions))?))
            .send()
            .await
            .map(drop)?),
        Action::DeleteExtraPolicy { policy } => tolerate(
            iam.delete_role_policy()
                .role_name(role)
                .policy_name(policy)
                .send()
                .await,
            &["NoSuchEntity"],
        ),
        Action::DetachPolicy { policy_arn } => tolerate(
            iam.detach_role_policy()
                .role_name(role)
                .policy_arn(policy_arn)
                .send()
                .await,
            &["NoSuchEntity"],
        ),
        Action::DeleteRole => delete_role(ctx, role).await,
        other => Err(format!("{other:?} is not a role step").into()),
    }
}

async fn delete_role(ctx: &Ctx<'_>, role: &str) -> StepResult {
    let iam = &ctx.aws.iam;
    let inline = match iam.list_role_policies().role_name(role).send().await {
        Ok(out) => out.policy_names,
        Err(e) if e.code() == Some("NoSuchEntity") => return Ok(()),
        Err(e) => return Err(e.into()),
    };
    for policy in inline {
        tolerate(
            iam.delete_role_policy()
                .role_name(role)
                .policy_name(policy)
                .send()
                .await,
            &["NoSuchEntity"],
        )?;
    }
    let attached = iam
        .list_attached_role_policies()
        .role_name(role)
        .send()
        .await?;
    for p in attached.attached_policies.unwrap_or_default() {
        if let Some(arn) = p.policy_arn {
            iam.detach_role_policy()
                .role_name(role)
                .policy_arn(arn)
                .send()
                .await?;
        }
    }
    tolerate(
        iam.delete_role().role_name(role).send().await,
        &["NoSuchEntity"],
    )
}
