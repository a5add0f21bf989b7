//! Alias steps: create, move (with routing weights for a canary), record the move in the
//! account's history, and put a moved alias back.

use std::collections::{BTreeMap, HashMap};

use aws_sdk_lambda::types::AliasRoutingConfiguration;
use aws_sdk_s3::primitives::ByteStream;

use super::{Ctx, Handover, StepError, StepResult, wait};
use crate::deploy::history::{self, MoveKind, Record};
use crate::deploy::names::PROD;
use crate::deploy::observed::{same_weights, weights_of};
use crate::deploy::plan::{Action, AliasTarget};

/// An alias this run moved (and recorded), with where it was before.
#[derive(Debug, Clone)]
pub struct Moved {
    pub function: &'static str,
    pub alias: String,
    pub from_version: String,
    pub from_weights: BTreeMap<String, f64>,
    pub to_version: String,
    pub to_weights: BTreeMap<String, f64>,
    pub record_id: String,
}

impl Moved {
    pub fn from_text(&self) -> String {
        if self.from_weights.is_empty() {
            format!("version {}", self.from_version)
        } else {
            format!(
                "version {} with weights {:?}",
                self.from_version, self.from_weights
            )
        }
    }
}

/// An alias this run's CreateAlias found already there, where the run wanted it: made by
/// this run's own call (its answer lost, the SDK sent it again) or by another run at the same
/// time, which records it itself right after. Recorded at the end of this run's apply unless
/// a record exists by then (see [`record_found`]): recording at once could race the other
/// run's record and leave two.
#[derive(Debug, Clone)]
pub struct Found {
    pub function: &'static str,
    pub alias: String,
    pub version: String,
}

/// What an alias step did: a move (to put back if its stage fails), its record, or an alias
/// found already created.
pub(super) type AliasDone = (Option<Moved>, Option<Record>, Option<Found>);

pub(crate) fn description(kind: MoveKind, version: &str) -> String {
    format!("managed by rosactl; {kind:?} to version {version}; the platform invokes {PROD}")
        .to_lowercase()
}

pub(super) async fn step(
    ctx: &Ctx<'_>,
    name: &'static str,
    action: &Action,
    handover: &Handover,
    recheck: bool,
) -> StepResult<AliasDone> {
    let resolve = |target: &AliasTarget| -> StepResult<String> {
        match target {
            AliasTarget::Version(v) => Ok(v.clone()),
            AliasTarget::Published => handover.published.clone().ok_or_else(|| {
                StepError::from(format!("no version was published for {name} in this run"))
            }),
        }
    };
    match action {
        Action::CreateAlias { alias, target } => {
            let version = resolve(target)?;
            let created = ctx
                .aws
                .lambda
                .create_alias()
                .function_name(ctx.desired.account.aws_name(name))
                .name(alias)
                .function_version(&version)
                .description(description(MoveKind::Create, &version))
                .send()
                .await;
            match created {
                Ok(_) => {}
                // It exists: made by this very call when its answer was lost and the SDK sent
                // it again, or by another run since we looked. Ours if it points where we
                // wanted; recorded unless its history already has a record.
                Err(e)
                    if e.as_service_error().is_some_and(|e| {
                        e.is_resource_conflict_exception()
                            || aws_sdk_lambda::error::ProvideErrorMetadata::code(e)
                                == Some("ConflictException")
                    }) =>
                {
                    let found = get_alias(ctx, name, alias).await?;
                    let at = found.function_version().unwrap_or_default();
                    if at != version || !weights_of(found.routing_config()).is_empty() {
                        return Err(StepError::from(format!(
                            "alias {name}:{alias} was created by someone else while this run was creating it (it points at version {at}, this run wanted {version}); run the command again to see the plan from there"
                        )));
                    }
                    return Ok((
                        None,
                        None,
                        Some(Found {
                            function: name,
                            alias: alias.clone(),
                            version,
                        }),
                    ));
                }
                Err(e) => return Err(e.into()),
            }
            let record = record(
                ctx,
                handover,
                name,
                alias,
                MoveKind::Create,
                None,
                &BTreeMap::new(),
                &version,
                &BTreeMap::new(),
                None,
            )
            .await?;
            Ok((None, Some(record), None))
        }
        Action::RecordMove {
            alias,
            kind,
            from_version,
            from_weights,
            to_version,
            to_weights,
            undoes,
        } => {
            let record = record(
                ctx,
                handover,
                name,
                alias,
                *kind,
                from_version.as_deref(),
                from_weights,
                to_version,
                to_weights,
                undoes.clone(),
            )
            .await?;
            Ok((None, Some(record), None))
        }
        Action::UpdateAlias {
            alias,
            from_version,
            from_weights,
            target,
            weights,
            kind,
            undoes,
        } => {
            let version = resolve(target)?;
            // Moved by someone else since the plan was made? Then the plan is stale. (Not
            // asked again when the plan's aliases were read under the lock just now.)
            if recheck {
                let now = get_alias(ctx, name, alias).await?;
                let now_version = now.function_version.clone().unwrap_or_default();
                let now_weights = weights_of(now.routing_config.as_ref());
                if now_version != *from_version || !same_weights(&now_weights, from_weights) {
                    return Err(format!(
                        "{name}:{alias} changed since the plan was made (it is now at version {now_version}, weights {now_weights:?}); nothing was moved: run the command again to plan from what is there now"
                    )
                    .into());
                }
            }
            move_alias(ctx, name, alias, &version, weights, *kind).await?;
            let from = (from_version.clone(), from_weights.clone());
            let written = record(
                ctx,
                handover,
                name,
                alias,
                *kind,
                Some(&from.0),
                &from.1,
                &version,
                weights,
                undoes.clone(),
            )
            .await;
            match written {
                Ok(record) => Ok((
                    Some(Moved {
                        function: name,
                        alias: alias.clone(),
                        from_version: from.0,
                        from_weights: from.1,
                        to_version: version,
                        to_weights: weights.clone(),
                        record_id: record.id.clone(),
                    }),
                    Some(record),
                    None,
                )),
                Err(e) => {
                    // A move that is not in the history could not be rolled back from
                    // another machine: put it back, and say what happened.
                    let put_back =
                        move_alias(ctx, name, alias, &from.0, &from.1, MoveKind::Revert).await;
                    Err(format!(
                        "{name}:{alias} was moved to version {version} but the move could not be recorded in the account's history ({}); {}",
                        e.message,
                        match put_back {
                            Ok(()) => format!("it was put back to version {}", from.0),
                            Err(b) => format!("putting it back to version {} failed too: {}", from.0, b.message),
                        }
                    )
                    .into())
                }
            }
        }
        other => Err(format!("{other:?} is not an alias step").into()),
    }
}

/// Points `alias` at `version` with `weights` (none: all traffic to `version`) and checks
/// the alias Lambda answers with.
async fn move_alias(
    ctx: &Ctx<'_>,
    name: &str,
    alias: &str,
    version: &str,
    weights: &BTreeMap<String, f64>,
    kind: MoveKind,
) -> StepResult {
    let routing = AliasRoutingConfiguration::builder()
        .set_additional_version_weights(Some(
            weights
                .iter()
                .map(|(v, w)| (v.clone(), *w))
                .collect::<HashMap<_, _>>(),
        ))
        .build();
    let out = wait::update_in_progress(|| async {
        ctx.aws
            .lambda
            .update_alias()
            .function_name(ctx.desired.account.aws_name(name))
            .name(alias)
            .function_version(version)
            .routing_config(routing.clone())
            .description(description(kind, version))
            .send()
            .await
            .map_err(StepError::from)
    })
    .await?;
    let got_version = out.function_version.unwrap_or_default();
    let got_weights = weights_of(out.routing_config.as_ref());
    if got_version != version || !same_weights(&got_weights, weights) {
        return Err(format!(
            "Lambda answered that {name}:{alias} is at version {got_version} with weights {got_weights:?}, not version {version} with {weights:?}"
        )
        .into());
    }
    Ok(())
}

/// The code of `version` when this run knows it: the version it published (Lambda's answer,
/// checked against the manifest) or one it observed (versions never change). `None`: read it.
fn known_code(ctx: &Ctx<'_>, name: &str, version: &str, handover: &Handover) -> Option<String> {
    if handover.published.as_deref() == Some(version) {
        return handover.published_code.clone();
    }
    ctx.observed
        .functions
        .iter()
        .find(|f| f.name == name)
        .and_then(|f| f.version(version))
        .map(|v| v.code_sha256.clone())
        .filter(|c| !c.is_empty())
}

#[allow(clippy::too_many_arguments)]
async fn record(
    ctx: &Ctx<'_>,
    handover: &Handover,
    name: &str,
    alias: &str,
    kind: MoveKind,
    from_version: Option<&str>,
    from_weights: &BTreeMap<String, f64>,
    to_version: &str,
    to_weights: &BTreeMap<String, f64>,
    undoes: Option<String>,
) -> StepResult<Record> {
    let code = match known_code(ctx, name, to_version, handover) {
        Some(code) => code,
        None => ctx
            .aws
            .lambda
            .get_function_configuration()
            .function_name(ctx.desired.account.aws_name(name))
            .qualifier(to_version)
            .send()
            .await?
            .code_sha256
            .unwrap_or_default(),
    };
    let record = Record {
        id: history::new_id(),
        function: name.to_string(),
        alias: alias.to_string(),
        kind,
        from_version: from_version.map(String::from),
        from_weights: from_weights.clone(),
        to_version: to_version.to_string(),
        to_weights: to_weights.clone(),
        code_sha256: code,
        rosactl_version: env!("CARGO_PKG_VERSION").to_string(),
        caller_arn: ctx.aws.caller_arn.clone(),
        time: history::now_rfc3339(),
        undoes,
    };
    let body = serde_json::to_vec_pretty(&record).map_err(|e| e.to_string())?;
    ctx.aws
        .s3
        .put_object()
        .bucket(&ctx.desired.account.bucket)
        .expected_bucket_owner(&ctx.desired.account.account)
        .key(history::key(name, alias, &record.id))
        .content_type("application/json")
        .body(ByteStream::from(body))
        .send()
        .await?;
    Ok(record)
}

/// The alias as Lambda has it now.
async fn get_alias(
    ctx: &Ctx<'_>,
    name: &str,
    alias: &str,
) -> StepResult<aws_sdk_lambda::operation::get_alias::GetAliasOutput> {
    Ok(ctx
        .aws
        .lambda
        .get_alias()
        .function_name(ctx.desired.account.aws_name(name))
        .name(alias)
        .send()
        .await?)
}

/// Whether the alias has any record in the account's history.
async fn has_history(ctx: &Ctx<'_>, name: &str, alias: &str) -> StepResult<bool> {
    let listed = ctx
        .aws
        .s3
        .list_objects_v2()
        .bucket(&ctx.desired.account.bucket)
        .expected_bucket_owner(&ctx.desired.account.account)
        .prefix(format!("{}{name}/{alias}/", history::PREFIX))
        .max_keys(1)
        .send()
        .await?;
    Ok(listed.key_count().unwrap_or(0) > 0 || !listed.contents().is_empty())
}

/// Records the creation of an alias [`Found`] created, unless its history has a record by now
/// (the run that created it wrote it).
pub(super) async fn record_found(ctx: &Ctx<'_>, f: &Found) -> StepResult<Option<Record>> {
    if has_history(ctx, f.function, &f.alias).await? {
        return Ok(None);
    }
    let empty = BTreeMap::new();
    let record = record(
        ctx,
        &Handover::default(),
        f.function,
        &f.alias,
        MoveKind::Create,
        None,
        &empty,
        &f.version,
        &empty,
        None,
    )
    .await?;
    Ok(Some(record))
}

/// Puts a moved alias back where it was and records that.
pub(super) async fn revert(ctx: &Ctx<'_>, m: &Moved) -> StepResult<Option<Record>> {
    move_alias(
        ctx,
        m.function,
        &m.alias,
        &m.from_version,
        &m.from_weights,
        MoveKind::Revert,
    )
    .await?;
    let record = record(
        ctx,
        &Handover::default(),
        m.function,
        &m.alias,
        MoveKind::Revert,
        Some(&m.to_version),
        &m.to_weights,
        &m.from_version,
        &m.from_weights,
        Some(m.record_id.clone()),
    )
    .await;
    // The alias is back; a missing revert record only makes `history` less complete, and
    // a later rollback sees the alias where the earlier record says it came from.
    Ok(record.ok())
}
