//! Carries out a plan: the shared bucket first (last for cleanup), then the three functions
//! in parallel, each one's steps in order. A failed step stops its function only; what was
//! done stays done, so the next run's plan starts where this one stopped.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use aws_sdk_iam::error::ProvideErrorMetadata;
use aws_sdk_lambda::types::{Architecture, FunctionCode, LastUpdateStatus, Runtime, State};
use aws_sdk_s3::primitives::ByteStream;
use aws_sdk_s3::types::{
    BucketLocationConstraint, BucketVersioningStatus, CreateBucketConfiguration, Delete,
    ObjectIdentifier, PublicAccessBlockConfiguration, ServerSideEncryption,
    ServerSideEncryptionByDefault, ServerSideEncryptionConfiguration, ServerSideEncryptionRule,
    Tag, Tagging, VersioningConfiguration,
};

use super::desired::{Desired, FunctionDesired};
use super::names::{PROD, STATEMENT_ID};
use super::plan::{Action, Plan, Step};
use super::progress::Progress;
use crate::aws::{Aws, describe};

/// A step that failed: which function, which step, why, and what to do.
#[derive(Debug, Clone, serde::Serialize)]
pub struct StepFailure {
    pub function: Option<&'static str>,
    pub step: String,
    pub error: String,
    pub hint: String,
}

impl std::fmt::Display for StepFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = self.function.unwrap_or("artifact bucket");
        write!(
            f,
            "{what}: {} failed: {}\n  hint: {}",
            self.step, self.error, self.hint
        )
    }
}

#[derive(Debug, Default)]
pub struct Outcome {
    /// Versions published by this run, by function.
    pub published: BTreeMap<&'static str, String>,
    pub completed: usize,
    pub failures: Vec<StepFailure>,
}

/// Why a step failed, before it is given its context.
struct StepError {
    code: Option<String>,
    message: String,
}

impl<E: ProvideErrorMetadata + std::error::Error + 'static>
    From<aws_sdk_iam::error::SdkError<E, crate::aws::HttpResponse>> for StepError
{
    fn from(err: aws_sdk_iam::error::SdkError<E, crate::aws::HttpResponse>) -> Self {
        StepError {
            code: err.code().map(String::from),
            message: describe(&err),
        }
    }
}

impl From<String> for StepError {
    fn from(message: String) -> Self {
        StepError {
            code: None,
            message,
        }
    }
}

type StepResult<T = ()> = Result<T, StepError>;

fn hint(action: &Action, err: &StepError) -> String {
    let code = err.code.as_deref().unwrap_or_default();
    if code.contains("AccessDenied")
        || code == "UnauthorizedOperation"
        || err.message.contains("not authorized")
    {
        return format!(
            "your AWS identity is not allowed to do this ({}); use credentials with the permissions listed in docs/setup-account.md, then run the command again",
            permission_for(action)
        );
    }
    match action {
        Action::CreateFunction | Action::UpdateConfiguration if err.message.contains("cannot be assumed") => {
            "IAM did not make the new execution role usable within the retry window; run the command again in a minute".into()
        }
        Action::CreateBucket if code == "BucketAlreadyExists" => {
            "the bucket name is taken by another account; delete or rename the conflicting bucket".into()
        }
        _ => "run the same command again: completed steps are kept and it continues from here".into(),
    }
}

fn permission_for(action: &Action) -> &'static str {
    match action {
        Action::CreateBucket => "s3:CreateBucket",
        Action::BlockPublicAccess => "s3:PutBucketPublicAccessBlock",
        Action::EncryptBucket => "s3:PutEncryptionConfiguration",
        Action::EnableVersioning => "s3:PutBucketVersioning",
        Action::PutBucketPolicy => "s3:PutBucketPolicy",
        Action::TagBucket => "s3:PutBucketTagging",
        Action::UploadPackage => "s3:PutObject",
        Action::CreateRole => "iam:CreateRole",
        Action::UpdateTrustPolicy => "iam:UpdateAssumeRolePolicy",
        Action::PutRolePolicy => "iam:PutRolePolicy",
        Action::TagRole => "iam:TagRole",
        Action::CreateLogGroup => "logs:CreateLogGroup",
        Action::SetRetention { .. } => "logs:PutRetentionPolicy",
        Action::TagLogGroup => "logs:TagResource",
        Action::CreateFunction => "lambda:CreateFunction and iam:PassRole",
        Action::UpdateCode => "lambda:UpdateFunctionCode",
        Action::UpdateConfiguration => "lambda:UpdateFunctionConfiguration and iam:PassRole",
        Action::TagFunction => "lambda:TagResource",
        Action::PublishVersion => "lambda:PublishVersion",
        Action::CreateAlias { .. } => "lambda:CreateAlias",
        Action::RemovePermission => "lambda:RemovePermission",
        Action::AddPermission { .. } => "lambda:AddPermission",
        Action::DeleteFunction => "lambda:DeleteFunction",
        Action::DeleteRole => "iam:DeleteRole, iam:DeleteRolePolicy",
        Action::DeleteLogGroup => "logs:DeleteLogGroup",
        Action::EmptyBucket => "s3:ListBucketVersions, s3:DeleteObjectVersion",
        Action::DeleteBucket => "s3:DeleteBucket",
    }
}

pub async fn apply(aws: &Aws, desired: &Desired, plan: &Plan, progress: &Progress) -> Outcome {
    let mut outcome = Outcome::default();
    if !plan.bucket_last {
        run_bucket(aws, desired, &plan.bucket, progress, &mut outcome).await;
        if !outcome.failures.is_empty() {
            return outcome;
        }
    }
    let runs = plan.functions.iter().map(|(name, steps)| {
        let f = desired
            .functions
            .iter()
            .find(|f| f.spec.function_name == *name)
            .expect("plans are made from the desired state");
        run_function(aws, desired, f, steps, progress)
    });
    for (name, done, published, failure) in futures_util::future::join_all(runs).await {
        outcome.completed += done;
        if let Some(v) = published {
            outcome.published.insert(name, v);
        }
        outcome.failures.extend(failure);
    }
    if plan.bucket_last && outcome.failures.is_empty() {
        run_bucket(aws, desired, &plan.bucket, progress, &mut outcome).await;
    }
    outcome
}

async fn run_bucket(
    aws: &Aws,
    d: &Desired,
    steps: &[Step],
    progress: &Progress,
    outcome: &mut Outcome,
) {
    for step in steps {
        progress.step(None, &step.summary);
        match bucket_step(aws, d, &step.action).await {
            Ok(()) => outcome.completed += 1,
            Err(e) => {
                let failure = StepFailure {
                    function: None,
                    step: step.summary.clone(),
                    hint: hint(&step.action, &e),
                    error: e.message,
                };
                progress.failed(None, &failure.error);
                outcome.failures.push(failure);
                return;
            }
        }
    }
    if !steps.is_empty() {
        progress.done(None, "ready");
    }
}

async fn run_function(
    aws: &Aws,
    d: &Desired,
    f: &FunctionDesired,
    steps: &[Step],
    progress: &Progress,
) -> (&'static str, usize, Option<String>, Option<StepFailure>) {
    let name = f.spec.function_name;
    let mut published = None;
    let mut done = 0;
    for step in steps {
        progress.step(Some(name), &step.summary);
        let started = Instant::now();
        let result = function_step(aws, d, f, &step.action, &mut published).await;
        progress.debug(
            Some(name),
            &format!("{} took {:?}", step.summary, started.elapsed()),
        );
        if let Err(e) = result {
            let failure = StepFailure {
                function: Some(name),
                step: step.summary.clone(),
                hint: hint(&step.action, &e),
                error: e.message,
            };
            progress.failed(Some(name), &failure.error);
            return (name, done, published, Some(failure));
        }
        done += 1;
    }
    progress.done(
        Some(name),
        if steps.is_empty() {
            "up to date"
        } else {
            "done"
        },
    );
    (name, done, published, None)
}

fn is_code(err: &StepError, codes: &[&str]) -> bool {
    err.code.as_deref().is_some_and(|c| codes.contains(&c))
}

/// Treats "already there" / "already gone" answers as success: another run (or a run
/// interrupted after AWS acted but before we heard) may have done the step.
fn tolerate<T, E: Into<StepError>>(result: Result<T, E>, codes: &[&str]) -> StepResult {
    match result.map_err(Into::into) {
        Ok(_) => Ok(()),
        Err(e) if is_code(&e, codes) => Ok(()),
        Err(e) => Err(e),
    }
}

fn tags_of(map: &BTreeMap<String, String>) -> Vec<(String, String)> {
    map.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
}

async fn bucket_step(aws: &Aws, d: &Desired, action: &Action) -> StepResult {
    let s3 = &aws.s3;
    let bucket = d.bucket.as_str();
    match action {
        Action::CreateBucket => {
            let mut req = s3.create_bucket().bucket(bucket);
            if d.region != "us-east-1" {
                req = req.create_bucket_configuration(
                    CreateBucketConfiguration::builder()
                        .location_constraint(BucketLocationConstraint::from(d.region.as_str()))
                        .build(),
                );
            }
            tolerate(req.send().await, &["BucketAlreadyOwnedByYou"])
        }
        Action::BlockPublicAccess => Ok(s3
            .put_public_access_block()
            .bucket(bucket)
            .public_access_block_configuration(
                PublicAccessBlockConfiguration::builder()
                    .block_public_acls(true)
                    .ignore_public_acls(true)
                    .block_public_policy(true)
                    .restrict_public_buckets(true)
                    .build(),
            )
            .send()
            .await
            .map(drop)?),
        Action::EncryptBucket => {
            let rule = ServerSideEncryptionRule::builder()
                .apply_server_side_encryption_by_default(
                    ServerSideEncryptionByDefault::builder()
                        .sse_algorithm(ServerSideEncryption::Aes256)
                        .build()
                        .map_err(|e| e.to_string())?,
                )
                .build();
            let config = ServerSideEncryptionConfiguration::builder()
                .rules(rule)
                .build()
                .map_err(|e| e.to_string())?;
            Ok(s3
                .put_bucket_encryption()
                .bucket(bucket)
                .server_side_encryption_configuration(config)
                .send()
                .await
                .map(drop)?)
        }
        Action::EnableVersioning => Ok(s3
            .put_bucket_versioning()
            .bucket(bucket)
            .versioning_configuration(
                VersioningConfiguration::builder()
                    .status(BucketVersioningStatus::Enabled)
                    .build(),
            )
            .send()
            .await
            .map(drop)?),
        Action::PutBucketPolicy => Ok(s3
            .put_bucket_policy()
            .bucket(bucket)
            .policy(d.bucket_policy.to_string())
            .send()
            .await
            .map(drop)?),
        Action::TagBucket => {
            // PutBucketTagging replaces the whole set: keep the customer's own tags.
            let mut tags: BTreeMap<String, String> =
                match s3.get_bucket_tagging().bucket(bucket).send().await {
                    Ok(out) => out.tag_set.into_iter().map(|t| (t.key, t.value)).collect(),
                    Err(_) => BTreeMap::new(),
                };
            tags.extend(d.bucket_tags.clone());
            let mut tagging = Tagging::builder();
            for (k, v) in tags {
                tagging = tagging.tag_set(
                    Tag::builder()
                        .key(k)
                        .value(v)
                        .build()
                        .map_err(|e| e.to_string())?,
                );
            }
            Ok(s3
                .put_bucket_tagging()
                .bucket(bucket)
                .tagging(tagging.build().map_err(|e| e.to_string())?)
                .send()
                .await
                .map(drop)?)
        }
        Action::EmptyBucket => empty_bucket(aws, bucket).await,
        Action::DeleteBucket => tolerate(
            s3.delete_bucket().bucket(bucket).send().await,
            &["NoSuchBucket"],
        ),
        other => Err(format!("{other:?} is not a bucket step").into()),
    }
}

async fn empty_bucket(aws: &Aws, bucket: &str) -> StepResult {
    loop {
        let page = match aws.s3.list_object_versions().bucket(bucket).send().await {
            Ok(page) => page,
            Err(e) if e.code() == Some("NoSuchBucket") => return Ok(()),
            Err(e) => return Err(e.into()),
        };
        let mut ids = Vec::new();
        for v in page.versions.unwrap_or_default() {
            ids.push((v.key, v.version_id));
        }
        for m in page.delete_markers.unwrap_or_default() {
            ids.push((m.key, m.version_id));
        }
        if ids.is_empty() {
            return Ok(());
        }
        for chunk in ids.chunks(1000) {
            let mut delete = Delete::builder().quiet(true);
            for (key, version) in chunk {
                delete = delete.objects(
                    ObjectIdentifier::builder()
                        .set_key(key.clone())
                        .set_version_id(version.clone())
                        .build()
                        .map_err(|e| e.to_string())?,
                );
            }
            aws.s3
                .delete_objects()
                .bucket(bucket)
                .delete(delete.build().map_err(|e| e.to_string())?)
                .send()
                .await?;
        }
    }
}

/// IAM is eventually consistent: Lambda may refuse a role created seconds ago. Retries that
/// one refusal with bounded exponential backoff (about a minute in all), nothing else.
async fn retry_role_propagation<T, F, Fut>(mut call: F) -> StepResult<T>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = StepResult<T>>,
{
    let mut delay = Duration::from_millis(500);
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        match call().await {
            Err(e)
                if e.message.contains("cannot be assumed") && Instant::now() + delay < deadline =>
            {
                tokio::time::sleep(delay).await;
                delay = (delay * 2).min(Duration::from_secs(8));
            }
            other => return other,
        }
    }
}

/// Waits until the function can be published and invoked: `State=Active` and no update in
/// progress. Polls with backoff; fails on `Failed` with Lambda's reason.
async fn wait_ready(aws: &Aws, name: &str) -> StepResult {
    let deadline = Instant::now() + Duration::from_secs(180);
    let mut delay = Duration::from_millis(200);
    loop {
        let c = aws
            .lambda
            .get_function_configuration()
            .function_name(name)
            .send()
            .await?;
        let state = c.state.clone();
        let update = c.last_update_status.clone();
        if state == Some(State::Failed) || update == Some(LastUpdateStatus::Failed) {
            let reason = c
                .state_reason
                .or(c.last_update_status_reason)
                .unwrap_or_default();
            return Err(format!("Lambda reports the function as failed: {reason}").into());
        }
        let active = state.is_none() || state == Some(State::Active);
        let settled = update.is_none() || update == Some(LastUpdateStatus::Successful);
        if active && settled {
            return Ok(());
        }
        if Instant::now() > deadline {
            return Err(format!("the function did not become active within 3 minutes (state {state:?}, last update {update:?})").into());
        }
        tokio::time::sleep(delay).await;
        delay = (delay * 2).min(Duration::from_secs(5));
    }
}

async fn function_step(
    aws: &Aws,
    d: &Desired,
    f: &FunctionDesired,
    action: &Action,
    published: &mut Option<String>,
) -> StepResult {
    let name = f.spec.function_name;
    let function_arn = format!(
        "arn:{}:lambda:{}:{}:function:{name}",
        d.partition, d.region, d.account
    );
    match action {
        Action::CreateRole => {
            let mut req = aws
                .iam
                .create_role()
                .role_name(&f.role_name)
                .assume_role_policy_document(f.trust_policy.to_string())
                .description(format!(
                    "Execution role of {name} (ROSA Regional Platform), managed by rosactl"
                ));
            for (k, v) in tags_of(&f.tags) {
                req = req.tags(
                    aws_sdk_iam::types::Tag::builder()
                        .key(k)
                        .value(v)
                        .build()
                        .map_err(|e| e.to_string())?,
                );
            }
            tolerate(req.send().await, &["EntityAlreadyExists"])
        }
        Action::UpdateTrustPolicy => Ok(aws
            .iam
            .update_assume_role_policy()
            .role_name(&f.role_name)
            .policy_document(f.trust_policy.to_string())
            .send()
            .await
            .map(drop)?),
        Action::PutRolePolicy => Ok(aws
            .iam
            .put_role_policy()
            .role_name(&f.role_name)
            .policy_name(&f.role_name)
            .policy_document(f.execution_policy.to_string())
            .send()
            .await
            .map(drop)?),
        Action::TagRole => {
            let mut req = aws.iam.tag_role().role_name(&f.role_name);
            for (k, v) in tags_of(&f.tags) {
                req = req.tags(
                    aws_sdk_iam::types::Tag::builder()
                        .key(k)
                        .value(v)
                        .build()
                        .map_err(|e| e.to_string())?,
                );
            }
            Ok(req.send().await.map(drop)?)
        }
        Action::CreateLogGroup => tolerate(
            aws.logs
                .create_log_group()
                .log_group_name(&f.log_group)
                .set_tags(Some(f.tags.clone().into_iter().collect()))
                .send()
                .await,
            &["ResourceAlreadyExistsException"],
        ),
        Action::SetRetention { days } => Ok(aws
            .logs
            .put_retention_policy()
            .log_group_name(&f.log_group)
            .retention_in_days(*days)
            .send()
            .await
            .map(drop)?),
        Action::TagLogGroup => Ok(aws
            .logs
            .tag_resource()
            .resource_arn(format!(
                "arn:{}:logs:{}:{}:log-group:{}",
                d.partition, d.region, d.account, f.log_group
            ))
            .set_tags(Some(f.tags.clone().into_iter().collect()))
            .send()
            .await
            .map(drop)?),
        Action::UploadPackage => Ok(aws
            .s3
            .put_object()
            .bucket(&d.bucket)
            .key(&f.object_key)
            .content_type("application/zip")
            .body(ByteStream::from_static(f.package.zip))
            .send()
            .await
            .map(drop)?),
        Action::CreateFunction => {
            let result = retry_role_propagation(|| async {
                aws.lambda
                    .create_function()
                    .function_name(name)
                    .description(f.spec.description)
                    .runtime(Runtime::from(d.runtime()))
                    .handler(rosa_lambda_packaging::BOOTSTRAP)
                    .role(&f.role_arn)
                    .memory_size(f.spec.memory_mb)
                    .timeout(f.spec.timeout_s)
                    .architectures(Architecture::from(f.package.manifest.architecture.as_str()))
                    .code(
                        FunctionCode::builder()
                            .s3_bucket(&d.bucket)
                            .s3_key(&f.object_key)
                            .build(),
                    )
                    .set_tags(Some(f.tags.clone().into_iter().collect()))
                    .publish(false)
                    .send()
                    .await
                    .map(drop)
                    .map_err(StepError::from)
            })
            .await;
            tolerate(result, &["ResourceConflictException"])?;
            wait_ready(aws, name).await
        }
        Action::UpdateCode => {
            aws.lambda
                .update_function_code()
                .function_name(name)
                .s3_bucket(&d.bucket)
                .s3_key(&f.object_key)
                .send()
                .await?;
            wait_ready(aws, name).await
        }
        Action::UpdateConfiguration => {
            retry_role_propagation(|| async {
                aws.lambda
                    .update_function_configuration()
                    .function_name(name)
                    .description(f.spec.description)
                    .runtime(Runtime::from(d.runtime()))
                    .handler(rosa_lambda_packaging::BOOTSTRAP)
                    .role(&f.role_arn)
                    .memory_size(f.spec.memory_mb)
                    .timeout(f.spec.timeout_s)
                    .send()
                    .await
                    .map(drop)
                    .map_err(StepError::from)
            })
            .await?;
            wait_ready(aws, name).await
        }
        Action::TagFunction => Ok(aws
            .lambda
            .tag_resource()
            .resource(&function_arn)
            .set_tags(Some(f.tags.clone().into_iter().collect()))
            .send()
            .await
            .map(drop)?),
        Action::PublishVersion => {
            wait_ready(aws, name).await?;
            let out = aws
                .lambda
                .publish_version()
                .function_name(name)
                .code_sha256(&f.code_sha256)
                .description(&f.version_description)
                .send()
                .await?;
            let got = out.code_sha256.unwrap_or_default();
            if got != f.code_sha256 {
                return Err(format!(
                    "the published version {} has CodeSha256 {got}, but the manifest says {}: refusing to point aliases at it",
                    out.version.unwrap_or_default(),
                    f.code_sha256
                )
                .into());
            }
            *published = out.version;
            Ok(())
        }
        Action::CreateAlias { alias, version } => {
            let target = version
                .clone()
                .or_else(|| published.clone())
                .ok_or_else(|| format!("no version to point {name}:{alias} at"))?;
            tolerate(
                aws.lambda
                    .create_alias()
                    .function_name(name)
                    .name(alias)
                    .function_version(target)
                    .description(format!("managed by rosactl; the platform invokes {PROD}"))
                    .send()
                    .await,
                &["ResourceConflictException"],
            )
        }
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
        Action::AddPermission { principal } => tolerate(
            aws.lambda
                .add_permission()
                .function_name(name)
                .qualifier(PROD)
                .statement_id(STATEMENT_ID)
                .action("lambda:InvokeFunction")
                .principal(principal)
                .send()
                .await,
            &["ResourceConflictException"],
        ),
        Action::DeleteFunction => tolerate(
            aws.lambda
                .delete_function()
                .function_name(name)
                .send()
                .await,
            &["ResourceNotFoundException"],
        ),
        Action::DeleteRole => delete_role(aws, &f.role_name).await,
        Action::DeleteLogGroup => tolerate(
            aws.logs
                .delete_log_group()
                .log_group_name(&f.log_group)
                .send()
                .await,
            &["ResourceNotFoundException"],
        ),
        other => Err(format!("{other:?} is not a function step").into()),
    }
}

async fn delete_role(aws: &Aws, role: &str) -> StepResult {
    let inline = match aws.iam.list_role_policies().role_name(role).send().await {
        Ok(out) => out.policy_names,
        Err(e) if e.code() == Some("NoSuchEntity") => return Ok(()),
        Err(e) => return Err(e.into()),
    };
    for policy in inline {
        tolerate(
            aws.iam
                .delete_role_policy()
                .role_name(role)
                .policy_name(policy)
                .send()
                .await,
            &["NoSuchEntity"],
        )?;
    }
    let attached = aws
        .iam
        .list_attached_role_policies()
        .role_name(role)
        .send()
        .await?;
    for p in attached.attached_policies.unwrap_or_default() {
        if let Some(arn) = p.policy_arn {
            aws.iam
                .detach_role_policy()
                .role_name(role)
                .policy_arn(arn)
                .send()
                .await?;
        }
    }
    tolerate(
        aws.iam.delete_role().role_name(role).send().await,
        &["NoSuchEntity"],
    )
}
