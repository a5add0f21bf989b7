//! Steps on the shared artifact bucket.

use std::collections::BTreeMap;

use aws_sdk_iam::error::ProvideErrorMetadata;
use aws_sdk_s3::types::{
    BucketLocationConstraint, BucketVersioningStatus, CreateBucketConfiguration, Delete,
    ObjectIdentifier, ObjectOwnership, OwnershipControls, OwnershipControlsRule,
    PublicAccessBlockConfiguration, ServerSideEncryption, ServerSideEncryptionByDefault,
    ServerSideEncryptionConfiguration, ServerSideEncryptionRule, Tag, Tagging,
    VersioningConfiguration,
};

use super::{Ctx, StepResult, tolerate};
use crate::deploy::plan::Action;

pub(super) async fn step(ctx: &Ctx<'_>, action: &Action) -> StepResult {
    let s3 = &ctx.aws.s3;
    let d = ctx.desired;
    let bucket = d.account.bucket.as_str();
    match action {
        Action::CreateBucket => {
            // Owner-enforced (ACLs off) from the start, and tagged right away: an untagged
            // bucket with our name is refused as someone else's by the next run.
            // Tagged at creation too, for organisations whose SCPs deny an untagged create.
            let mut config = CreateBucketConfiguration::builder();
            for (k, v) in &d.bucket_tags {
                config = config.tags(
                    Tag::builder()
                        .key(k)
                        .value(v)
                        .build()
                        .map_err(|e| e.to_string())?,
                );
            }
            if d.account.region != "us-east-1" {
                config = config
                    .location_constraint(BucketLocationConstraint::from(d.account.region.as_str()));
            }
            let req = s3
                .create_bucket()
                .bucket(bucket)
                .object_ownership(ObjectOwnership::BucketOwnerEnforced)
                .create_bucket_configuration(config.build());
            tolerate(req.send().await, &["BucketAlreadyOwnedByYou"])?;
            put_tags(ctx, bucket).await
        }
        Action::EnforceOwnership => Ok(s3
            .put_bucket_ownership_controls()
            .bucket(bucket)
            .expected_bucket_owner(&d.account.account)
            .ownership_controls(
                OwnershipControls::builder()
                    .rules(
                        OwnershipControlsRule::builder()
                            .object_ownership(ObjectOwnership::BucketOwnerEnforced)
                            .build()
                            .map_err(|e| e.to_string())?,
                    )
                    .build()
                    .map_err(|e| e.to_string())?,
            )
            .send()
            .await
            .map(drop)?),
        Action::BlockPublicAccess => Ok(s3
            .put_public_access_block()
            .bucket(bucket)
            .expected_bucket_owner(&d.account.account)
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
                .expected_bucket_owner(&d.account.account)
                .server_side_encryption_configuration(config)
                .send()
                .await
                .map(drop)?)
        }
        Action::EnableVersioning => Ok(s3
            .put_bucket_versioning()
            .bucket(bucket)
            .expected_bucket_owner(&d.account.account)
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
            .expected_bucket_owner(&d.account.account)
            .policy(d.bucket_policy.to_string())
            .send()
            .await
            .map(drop)?),
        Action::TagBucket => put_tags(ctx, bucket).await,
        Action::EmptyBucket => empty(ctx, bucket).await,
        Action::DeleteBucket => tolerate(
            s3.delete_bucket()
                .bucket(bucket)
                .expected_bucket_owner(&d.account.account)
                .send()
                .await,
            &["NoSuchBucket"],
        ),
        other => Err(format!("{other:?} is not a bucket step").into()),
    }
}

/// Adds our tags to the bucket's: PutBucketTagging replaces the whole set, so the customer's
/// own tags are read first and kept.
async fn put_tags(ctx: &Ctx<'_>, bucket: &str) -> StepResult {
    let s3 = &ctx.aws.s3;
    let owner = &ctx.desired.account.account;
    let mut tags: BTreeMap<String, String> = match s3
        .get_bucket_tagging()
        .bucket(bucket)
        .expected_bucket_owner(owner)
        .send()
        .await
    {
        Ok(out) => out.tag_set.into_iter().map(|t| (t.key, t.value)).collect(),
        Err(e) if matches!(e.code(), Some("NoSuchTagSet" | "NoSuchTagSetError")) => BTreeMap::new(),
        Err(e) => return Err(e.into()),
    };
    tags.extend(ctx.desired.bucket_tags.clone());
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
        .expected_bucket_owner(owner)
        .tagging(tagging.build().map_err(|e| e.to_string())?)
        .send()
        .await
        .map(drop)?)
}

/// Deletes every object version and delete marker. Objects S3 refuses to delete (object
/// lock, a policy denying deletion) are retried a bounded number of rounds, then reported by
/// key: the step ends either way.
async fn empty(ctx: &Ctx<'_>, bucket: &str) -> StepResult {
    const ROUNDS_WITH_ERRORS: u32 = 3;
    let s3 = &ctx.aws.s3;
    let owner = &ctx.desired.account.account;
    let mut failed_rounds = 0;
    loop {
        let page = match s3
            .list_object_versions()
            .bucket(bucket)
            .expected_bucket_owner(owner)
            .send()
            .await
        {
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
        let mut refused = Vec::new();
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
            let out = s3
                .delete_objects()
                .bucket(bucket)
                .expected_bucket_owner(owner)
                .delete(delete.build().map_err(|e| e.to_string())?)
                .send()
                .await?;
            refused.extend(out.errors.unwrap_or_default().into_iter().map(|e| {
                format!(
                    "{} (version {}): {}: {}",
                    e.key.unwrap_or_default(),
                    e.version_id.unwrap_or_else(|| "-".into()),
                    e.code.unwrap_or_default(),
                    e.message.unwrap_or_default()
                )
            }));
        }
        if refused.is_empty() {
            continue;
        }
        failed_rounds += 1;
        if failed_rounds >= ROUNDS_WITH_ERRORS {
            let shown: Vec<&String> = refused.iter().take(10).collect();
            return Err(format!(
                "S3 refused to delete {} object version(s) of {bucket} after {ROUNDS_WITH_ERRORS} attempts (object lock or a policy denying deletion?): {}{}",
                refused.len(),
                shown.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("; "),
                if refused.len() > shown.len() { "; ..." } else { "" }
            )
            .into());
        }
        tokio::time::sleep(std::time::Duration::from_millis(
            500 * u64::from(failed_rounds),
        ))
        .await;
    }
}
