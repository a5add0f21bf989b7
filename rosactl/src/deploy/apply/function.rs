//! Steps on a function: its package, code, configuration, tags, versions and permission.

use aws_sdk_lambda::types::{Architecture, FunctionCode, Runtime};
use aws_sdk_s3::primitives::ByteStream;

use super::{Ctx, Handover, StepError, StepResult, tolerate, wait};
use crate::deploy::names::{PROD, STATEMENT_ID};
use crate::deploy::plan::Action;

pub(super) async fn step(
    ctx: &Ctx<'_>,
    name: &'static str,
    action: &Action,
    handover: &mut Handover,
) -> StepResult {
    let aws = ctx.aws;
    let d = ctx.desired;
    let catalog_name = name;
    let names = d.names(name);
    let pkg = d.packages.get(name);
    // From here on, the function's name in AWS (the account's prefix included).
    let name = names.function_name.as_str();
    let pkg = || {
        pkg.ok_or_else(|| {
            StepError::from(format!("{action:?} needs the embedded package of {name}"))
        })
    };
    match action {
        Action::CreateLogGroup => tolerate(
            aws.logs
                .create_log_group()
                .log_group_name(&names.log_group)
                .set_kms_key_id(d.log_kms_key_arn.clone())
                .set_tags(Some({
                    let mut tags: std::collections::HashMap<String, String> =
                        pkg()?.resource_tags.clone().into_iter().collect();
                    if d.retention != Some(crate::deploy::names::Retention::Never) {
                        tags.insert(
                            crate::deploy::names::RETENTION_PENDING_TAG.into(),
                            "true".into(),
                        );
                    }
                    tags
                }))
                .send()
                .await,
            &["ResourceAlreadyExistsException"],
        ),
        Action::DeleteRetention => tolerate(
            aws.logs
                .delete_retention_policy()
                .log_group_name(&names.log_group)
                .send()
                .await,
            &["ResourceNotFoundException"],
        ),
        Action::AssociateKmsKey { key } => Ok(aws
            .logs
            .associate_kms_key()
            .log_group_name(&names.log_group)
            .kms_key_id(key)
            .send()
            .await
            .map(drop)?),
        Action::SetRetention {
            days,
            clear_pending,
        } => {
            aws.logs
                .put_retention_policy()
                .log_group_name(&names.log_group)
                .retention_in_days(*days)
                .send()
                .await?;
            if *clear_pending {
                aws.logs
                    .untag_resource()
                    .resource_arn(format!(
                        "arn:{}:logs:{}:{}:log-group:{}",
                        d.account.partition, d.account.region, d.account.account, names.log_group
                    ))
                    .tag_keys(crate::deploy::names::RETENTION_PENDING_TAG)
                    .send()
                    .await?;
            }
            Ok(())
        }
        Action::TagLogGroup => Ok(aws
            .logs
            .tag_resource()
            .resource_arn(format!(
                "arn:{}:logs:{}:{}:log-group:{}",
                d.account.partition, d.account.region, d.account.account, names.log_group
            ))
            .set_tags(Some(pkg()?.resource_tags.clone().into_iter().collect()))
            .send()
            .await
            .map(drop)?),
        Action::UploadPackage => {
            let pkg = pkg()?;
            Ok(aws
                .s3
                .put_object()
                .bucket(&d.account.bucket)
                .expected_bucket_owner(&d.account.account)
                .key(&pkg.object_key)
                .content_type("application/zip")
                .body(ByteStream::from_static(pkg.package.zip))
                .send()
                .await
                .map(drop)?)
        }
        Action::CreateFunction => {
            let pkg = pkg()?;
            let spec = pkg.package.spec;
            let result = wait::role_propagation(|| async {
                aws.lambda
                    .create_function()
                    .function_name(name)
                    .description(spec.description)
                    .runtime(Runtime::from(d.runtime()))
                    .handler(rosa_lambda_packaging::BOOTSTRAP)
                    .role(&names.role_arn)
                    .memory_size(spec.memory_mb)
                    .timeout(spec.timeout_s)
                    .architectures(Architecture::from(
                        pkg.package.manifest.architecture.as_str(),
                    ))
                    .code(
                        FunctionCode::builder()
                            .s3_bucket(&d.account.bucket)
                            .s3_key(&pkg.object_key)
                            .build(),
                    )
                    .set_tags(Some(pkg.tags.clone().into_iter().collect()))
                    .tracing_config(tracing(pkg.tracing))
                    .publish(false)
                    .send()
                    .await
                    .map(|out| wait::settled(out.state.as_ref(), out.last_update_status.as_ref()))
                    .map_err(StepError::from)
            })
            .await;
            let settled = match result {
                Ok(settled) => settled,
                Err(e) => {
                    tolerate(Err::<(), _>(e), &["ResourceConflictException"])?;
                    false
                }
            };
            ready(aws, name, handover, settled).await
        }
        Action::UpdateCode => {
            let pkg = pkg()?;
            ready(aws, name, handover, false).await?;
            let settled = wait::update_in_progress(|| async {
                aws.lambda
                    .update_function_code()
                    .function_name(name)
                    .s3_bucket(&d.account.bucket)
                    .s3_key(&pkg.object_key)
                    .send()
                    .await
                    .map(|out| wait::settled(out.state.as_ref(), out.last_update_status.as_ref()))
                    .map_err(StepError::from)
            })
            .await?;
            handover.ready = false;
            ready(aws, name, handover, settled).await
        }
        Action::UpdateConfiguration => {
            let spec = names.spec;
            let traced = pkg()?.tracing;
            ready(aws, name, handover, false).await?;
            let settled = wait::role_propagation(|| async {
                aws.lambda
                    .update_function_configuration()
                    .function_name(name)
                    .description(spec.description)
                    .runtime(Runtime::from(d.runtime()))
                    .handler(rosa_lambda_packaging::BOOTSTRAP)
                    .role(&names.role_arn)
                    .memory_size(spec.memory_mb)
                    .timeout(spec.timeout_s)
                    .tracing_config(tracing(traced))
                    .send()
                    .await
                    .map(|out| wait::settled(out.state.as_ref(), out.last_update_status.as_ref()))
                    .map_err(StepError::from)
            })
            .await?;
            handover.ready = false;
            ready(aws, name, handover, settled).await
        }
        Action::TagFunction => {
            let pkg = pkg()?;
            // A setting turned off loses its recording tag (read from the observation).
            let stale = ctx
                .observed
                .function(catalog_name)
                .function
                .as_ref()
                .map(|f| crate::deploy::operating::stale_tags(&f.tags, &pkg.tags))
                .unwrap_or_default();
            if !stale.is_empty() {
                aws.lambda
                    .untag_resource()
                    .resource(&names.function_arn)
                    .set_tag_keys(Some(stale))
                    .send()
                    .await?;
            }
            Ok(aws
                .lambda
                .tag_resource()
                .resource(&names.function_arn)
                .set_tags(Some(pkg.tags.clone().into_iter().collect()))
                .send()
                .await
                .map(drop)?)
        }
        Action::PublishVersion => {
            let pkg = pkg()?;
            ready(aws, name, handover, false).await?;
            let out = aws
                .lambda
                .publish_version()
                .function_name(name)
                .code_sha256(&pkg.code_sha256)
                .description(&pkg.version_description)
                .send()
                .await?;
            let got = out.code_sha256.unwrap_or_default();
            if got != pkg.code_sha256 {
                return Err(format!(
                    "the published version {} has CodeSha256 {got}, but the manifest says {}: refusing to point aliases at it",
                    out.version.unwrap_or_default(),
                    pkg.code_sha256
                )
                .into());
            }
            handover.published = out.version;
            handover.published_code = Some(got);
            Ok(())
        }
        Action::PutConcurrency { reserved } => Ok(aws
            .lambda
            .put_function_concurrency()
            .function_name(name)
            .reserved_concurrent_executions(*reserved)
            .send()
            .await
            .map(drop)?),
        Action::DeleteConcurrency => tolerate(
            aws.lambda
                .delete_function_concurrency()
                .function_name(name)
                .send()
                .await,
            &["ResourceNotFoundException"],
        ),
        Action::RemovePermission => tolerate(
            aws.lambda
                .remove_permission()
                .function_name(name)
                .qualifier(PROD)
                .statement_id(STATEMENT_ID)
                .send()
                .await,
            &["ResourceNotFoundException"],
        ),
        Action::AddPermission { principal } => {
            let add = || {
                // "An update is in progress": wait and try again (not "done").
                wait::update_in_progress(|| async {
                    aws.lambda
                        .add_permission()
                        .function_name(name)
                        .qualifier(PROD)
                        .statement_id(STATEMENT_ID)
                        .action("lambda:InvokeFunction")
                        .principal(principal)
                        .send()
                        .await
                        .map(drop)
                        .map_err(StepError::from)
                })
            };
            match add().await {
                Err(e) if e.code.as_deref() == Some("ResourceConflictException") => {
                    // "The statement id exists": done only if it names our principal; else
                    // it is replaced, so that it names one role, always.
                    let current = crate::deploy::observed::read_permission(aws, name)
                        .await
                        .map_err(|e| StepError::from(format!("{e:#}")))?;
                    if current.as_ref().is_some_and(|p| &p.principal == principal) {
                        return Ok(());
                    }
                    tolerate(
                        aws.lambda
                            .remove_permission()
                            .function_name(name)
                            .qualifier(PROD)
                            .statement_id(STATEMENT_ID)
                            .send()
                            .await,
                        &["ResourceNotFoundException"],
                    )?;
                    add().await
                }
                other => other,
            }
        }
        Action::DeleteFunction => tolerate(
            aws.lambda
                .delete_function()
                .function_name(name)
                .send()
                .await,
            &["ResourceNotFoundException"],
        ),
        Action::DeleteVersion { version } => tolerate(
            aws.lambda
                .delete_function()
                .function_name(name)
                .qualifier(version)
                .send()
                .await,
            &["ResourceNotFoundException"],
        ),
        Action::DeleteLogGroup => tolerate(
            aws.logs
                .delete_log_group()
                .log_group_name(&names.log_group)
                .send()
                .await,
            &["ResourceNotFoundException"],
        ),
        other => Err(format!("{other:?} is not a function step").into()),
    }
}

/// Makes sure the function can take the next change: known from this run (`settled`: Lambda's
/// answer to the step's own call said so; `handover.ready`: an earlier step's did), else
/// waited for. Sets `handover.ready`.
async fn ready(
    aws: &crate::aws::Aws,
    name: &str,
    handover: &mut Handover,
    settled: bool,
) -> StepResult {
    if !(settled || handover.ready) {
        wait::function_ready(aws, name).await?;
    }
    handover.ready = true;
    Ok(())
}

fn tracing(active: bool) -> aws_sdk_lambda::types::TracingConfig {
    let mode = match active {
        true => aws_sdk_lambda::types::TracingMode::Active,
        false => aws_sdk_lambda::types::TracingMode::PassThrough,
    };
    aws_sdk_lambda::types::TracingConfig::builder()
        .mode(mode)
        .build()
}
