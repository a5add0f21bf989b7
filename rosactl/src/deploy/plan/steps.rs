//! The step builders the setup and update planners share: ownership checks, the bucket,
//! each function's role, logs, code, aliases and permission.

use super::*;

/// Resources with one of our names but without our `rosa:managed-by` tag: someone else's.
/// rosactl never adopts them (with `everything`: roles, log groups and the bucket too, else
/// the functions only).
pub(crate) fn not_ours(desired: &Desired, observed: &Observed, everything: bool) -> Vec<String> {
    let how = "rosactl does not adopt what it did not create. Delete or rename it; if an interrupted rosactl run created it, tag it rosa:managed-by=rosactl";
    let mut found = Vec::new();
    let mut check = |exists: bool, tags: Option<&BTreeMap<String, String>>, what: String| {
        if exists && !tags.is_some_and(managed) {
            found.push(format!(
                "{what} exists but is not tagged {TAG_MANAGED_BY}={MANAGED_BY}: {how}"
            ));
        }
    };
    if everything {
        let b = &observed.bucket;
        check(
            b.exists,
            Some(&b.tags),
            format!("bucket {}", desired.account.bucket),
        );
    }
    for &name in &desired.selected {
        let o = observed.function(name);
        let names = desired.names(name);
        check(
            o.function.is_some(),
            o.function.as_ref().map(|f| &f.tags),
            format!("function {}", names.function_name),
        );
        if everything {
            check(
                o.role.is_some(),
                o.role.as_ref().map(|r| &r.tags),
                format!("role {}", names.role_name),
            );
            check(
                o.log_group.is_some(),
                o.log_group.as_ref().map(|l| &l.tags),
                format!("log group {}", names.log_group),
            );
        }
    }
    found
}

pub(crate) fn bucket_steps(desired: &Desired, observed: &Observed) -> Vec<Step> {
    let b = &observed.bucket;
    let name = &desired.account.bucket;
    let mut steps = Vec::new();
    let mut step = |action: Action, summary: String| steps.push(Step::new(None, action, summary));
    if !b.exists {
        step(
            Action::CreateBucket,
            format!(
                "create artifact bucket {name} (owner-enforced, tagged {TAG_MANAGED_BY}={MANAGED_BY})"
            ),
        );
    }
    if b.exists && !b.owner_enforced {
        step(
            Action::EnforceOwnership,
            format!("set object ownership of {name} to bucket-owner-enforced (ACLs disabled)"),
        );
    }
    if !b.public_access_blocked {
        step(
            Action::BlockPublicAccess,
            format!("block public access to {name}"),
        );
    }
    if !b.encrypted {
        step(
            Action::EncryptBucket,
            format!("enable default encryption (SSE-S3) on {name}"),
        );
    }
    if !b.versioning {
        step(
            Action::EnableVersioning,
            format!("enable versioning on {name}"),
        );
    }
    if !b
        .policy
        .as_ref()
        .is_some_and(|p| names::same_policy(p, &desired.bucket_policy))
    {
        step(
            Action::PutBucketPolicy,
            format!("set the TLS-only bucket policy on {name}"),
        );
    }
    if b.exists && !has_tags(&b.tags, &desired.bucket_tags) {
        step(Action::TagBucket, format!("tag {name}"));
    }
    steps
}

pub(crate) fn setup_role_and_logs(
    d: &Desired,
    pkg: &PackageTarget,
    o: &FunctionObserved,
    steps: &mut Steps,
) {
    let names = d.names(o.name);
    let role_name = &names.role_name;
    match &o.role {
        None => {
            steps.push(
                Action::CreateRole,
                format!("create execution role {role_name}"),
            );
            steps.push(
                Action::PutRolePolicy {
                    tracing: pkg.tracing,
                },
                format!("attach the least-privilege policy to {role_name}"),
            );
        }
        Some(role) => {
            if !role
                .trust
                .as_ref()
                .is_some_and(|t| names::same_policy(t, &pkg.trust_policy))
            {
                steps.push(
                    Action::UpdateTrustPolicy,
                    format!("reset the trust policy of {role_name} to lambda.amazonaws.com"),
                );
            }
            // The role serves every region the account runs the function in: this run's
            // region joins the ones its tags record, and the policy is the same for all.
            let regions = d.role_regions(pkg, Some(&role.tags));
            let policy = d.execution_policy(o.name, regions.any_traced());
            if !role
                .policy
                .as_ref()
                .is_some_and(|p| names::same_policy(p, &policy))
            {
                steps.push(
                    Action::PutRolePolicy {
                        tracing: regions.any_traced(),
                    },
                    format!("set the least-privilege policy of {role_name}"),
                );
            }
            for policy in &role.other_inline {
                steps.push(
                    Action::DeleteExtraPolicy {
                        policy: policy.clone(),
                    },
                    format!(
                        "remove inline policy {policy} from {role_name}: rosactl did not write it, and it widens what the function may do"
                    ),
                );
            }
            for arn in &role.attached {
                steps.push(
                    Action::DetachPolicy {
                        policy_arn: arn.clone(),
                    },
                    format!(
                        "detach {arn} from {role_name}: rosactl did not attach it, and it widens what the function may do"
                    ),
                );
            }
            if !has_tags(&role.tags, &d.role_tags(o.name, &regions)) {
                let serves = regions.listed();
                steps.push(
                    Action::TagRole { regions },
                    format!("tag role {role_name} (it serves {serves})"),
                );
            }
            if let Some(boundary) = &d.account.rules.permissions_boundary
                && role.boundary.as_ref() != Some(boundary)
            {
                steps.push(
                    Action::PutRoleBoundary {
                        policy_arn: boundary.clone(),
                    },
                    format!("set permissions boundary {boundary} on {role_name}"),
                );
            }
        }
    }

    let retention = d
        .retention
        .unwrap_or(names::Retention::Days(names::MIN_RETENTION_DAYS));
    let log_group = &names.log_group;
    let retention_step = |steps: &mut Steps, clear_pending: bool| match retention {
        names::Retention::Days(days) => steps.push(
            Action::SetRetention {
                days,
                clear_pending,
            },
            format!("keep {log_group} logs for {days} days"),
        ),
        names::Retention::Never => steps.push(
            Action::DeleteRetention,
            format!("keep {log_group} logs forever (no expiry)"),
        ),
    };
    match &o.log_group {
        None => {
            steps.push(
                Action::CreateLogGroup,
                format!(
                    "create log group {log_group}{}",
                    d.log_kms_key_arn
                        .as_ref()
                        .map(|k| format!(" encrypted with {k}"))
                        .unwrap_or_default()
                ),
            );
            if retention != names::Retention::Never {
                retention_step(steps, true);
            }
        }
        Some(lg) => {
            // A longer retention (or none) set by the customer is compliant: never shortened.
            // Not so while the group still carries the mark of a run stopped between creating
            // it and setting its retention.
            let pending = lg.tags.contains_key(names::RETENTION_PENDING_TAG);
            if pending && retention != names::Retention::Never {
                retention_step(steps, true);
            } else if !retention.satisfied_by(lg.retention_days) {
                retention_step(steps, false);
            }
            if let Some(key) = &d.log_kms_key_arn {
                if lg.kms_key_id.as_deref() != Some(key.as_str()) {
                    steps.push(
                        Action::AssociateKmsKey { key: key.clone() },
                        format!("encrypt log group {log_group} with {key}"),
                    );
                }
            }
            if !has_tags(&lg.tags, &pkg.resource_tags) {
                steps.push(Action::TagLogGroup, format!("tag log group {log_group}"));
            }
        }
    }
}

/// The newest published version that holds the embedded package with its configuration.
pub fn embedded_version(pkg: &PackageTarget, o: &FunctionObserved) -> Option<String> {
    o.versions
        .iter()
        .rev()
        .find(|v| {
            v.code_sha256 == pkg.code_sha256
                && v.memory_mb == pkg.package.spec.memory_mb
                && v.timeout_s == pkg.package.spec.timeout_s
                && v.description == pkg.version_description
                && v.tracing == pkg.tracing
        })
        .map(|v| v.version.clone())
}

/// The record a stopped run owes the history: the alias `a` is where the command wants it,
/// but the newest record of `alias` ends elsewhere (the run moved it and was stopped before
/// writing), or there is none (it created it and was stopped). `None` when the history agrees
/// or was not read.
pub(crate) fn unrecorded(
    o: &FunctionObserved,
    alias: &str,
    a: &AliasState,
    kind: MoveKind,
) -> Option<Action> {
    if !o.history_read {
        return None;
    }
    let last = o.history.iter().rev().find(|r| r.alias == alias);
    let (kind, from_version, from_weights) = match last {
        None => (MoveKind::Create, None, BTreeMap::new()),
        Some(r)
            if r.to_version == a.version
                && crate::deploy::observed::same_weights(&r.to_weights, &a.weights) =>
        {
            return None;
        }
        Some(r) => (kind, Some(r.to_version.clone()), r.to_weights.clone()),
    };
    Some(Action::RecordMove {
        alias: alias.to_string(),
        kind,
        from_version,
        from_weights,
        to_version: a.version.clone(),
        to_weights: a.weights.clone(),
        undoes: None,
    })
}

pub(crate) fn record_summary(shown: &str, action: &Action) -> String {
    match action {
        Action::RecordMove {
            alias, to_version, ..
        } => format!(
            "record in the history that {shown}:{alias} was moved to version {to_version} (a run was stopped before it wrote the record)"
        ),
        _ => String::new(),
    }
}

/// Whether `code` (a `CodeSha256`) is rosactl's: the embedded package, or code that a move
/// recorded in the account's history went to (what this or an earlier rosactl deployed).
/// Anything else was put there behind rosactl's back.
pub fn code_is_ours(pkg: &PackageTarget, o: &FunctionObserved, code: &str) -> bool {
    !code.is_empty() && (code == pkg.code_sha256 || o.history.iter().any(|r| r.code_sha256 == code))
}

/// Versions an alias sends traffic to (its primary version and a canary's) whose code is not
/// rosactl's, with that code.
pub fn foreign_alias_versions(
    pkg: &PackageTarget,
    o: &FunctionObserved,
    a: &AliasState,
) -> Vec<(String, String)> {
    std::iter::once(&a.version)
        .chain(a.weights.keys())
        .filter_map(|v| {
            let code = o
                .version(v)
                .map(|s| s.code_sha256.clone())
                .unwrap_or_default();
            (!code_is_ours(pkg, o, &code)).then(|| (v.clone(), code))
        })
        .collect()
}

/// `$LATEST`'s code, configuration and tags, and a published version holding the embedded
/// package. Returns that version when it exists already (`None`: this run publishes it).
pub(crate) fn code_steps(
    d: &Desired,
    pkg: &PackageTarget,
    o: &FunctionObserved,
    steps: &mut Steps,
) -> Option<String> {
    let name = o.name;
    // In messages: the function's name in AWS (the account's prefix included).
    let shown = d.names(name).function_name.as_str();
    let names = d.names(name);
    let spec = pkg.package.spec;
    let embedded = embedded_version(pkg, o);
    let needs_code = match &o.function {
        None => true,
        // Code nobody published through rosactl is replaced even when the embedded version
        // exists already: `$LATEST` is what the next version is published from.
        Some(fs) => {
            fs.code_sha256 != pkg.code_sha256
                && (embedded.is_none() || !code_is_ours(pkg, o, &fs.code_sha256))
        }
    };
    if needs_code && !o.package_uploaded {
        steps.push(
            Action::UploadPackage,
            format!(
                "upload the package to s3://{}/{}",
                d.account.bucket, pkg.object_key
            ),
        );
    }
    match &o.function {
        None => steps.push(
            Action::CreateFunction,
            format!(
                "create function {shown} ({} MB, {} s)",
                spec.memory_mb, spec.timeout_s
            ),
        ),
        Some(fs) => {
            if needs_code {
                steps.push(
                    Action::UpdateCode,
                    format!(
                        "update the code of {shown} to the embedded package {}",
                        pkg.package.manifest.version
                    ),
                );
            }
            if fs.memory_mb != spec.memory_mb
                || fs.timeout_s != spec.timeout_s
                || fs.role != names.role_arn
                || fs.runtime != d.runtime()
                || fs.handler != rosa_lambda_packaging::BOOTSTRAP
                || fs.description != spec.description
                || fs.tracing != pkg.tracing
            {
                steps.push(
                    Action::UpdateConfiguration,
                    format!(
                        "reset the configuration of {shown} ({} MB, {} s, role {}, tracing {})",
                        spec.memory_mb,
                        spec.timeout_s,
                        names.role_name,
                        tracing_mode(pkg.tracing)
                    ),
                );
            }
            if !has_tags(&fs.tags, &pkg.tags)
                || !crate::deploy::operating::stale_tags(&fs.tags, &pkg.tags).is_empty()
            {
                steps.push(Action::TagFunction, format!("tag function {shown}"));
            }
        }
    }
    if embedded.is_none() {
        steps.push(
            Action::PublishVersion,
            format!(
                "publish a version of {shown} with package {} (CodeSha256 checked against the manifest)",
                pkg.package.manifest.version
            ),
        );
    }
    embedded
}

/// Lambda's name of a tracing mode.
pub fn tracing_mode(active: bool) -> &'static str {
    if active { "Active" } else { "PassThrough" }
}

/// Setup's reserved concurrency step, when the function's differs from the recorded choice
/// (after the function exists: the step waits for its other steps).
pub(crate) fn concurrency_steps(
    d: &Desired,
    pkg: &PackageTarget,
    o: &FunctionObserved,
    steps: &mut Steps,
) {
    let shown = d.names(o.name).function_name.as_str();
    let now = o.function.as_ref().and_then(|f| f.reserved_concurrency);
    match (now, pkg.reserved_concurrency) {
        (now, Some(n)) if now != Some(n) => steps.push(
            Action::PutConcurrency { reserved: n },
            format!("reserve {n} concurrent executions for {shown}"),
        ),
        (Some(n), None) if o.function.is_some() => steps.push(
            Action::DeleteConcurrency,
            format!("remove {shown}'s reserved concurrency ({n})"),
        ),
        _ => {}
    }
}

/// Setup's alarm steps: the recorded alarms made or reset, ours removed when alarms are off.
/// An alarm with one of our names that is not tagged as ours is never adopted: an error.
pub(crate) fn alarm_steps(
    pkg: &PackageTarget,
    o: &FunctionObserved,
    steps: &mut Steps,
) -> Result<(), String> {
    for spec in &pkg.alarms {
        match o.alarms.iter().find(|a| a.name == spec.name) {
            None => steps.push(
                Action::PutAlarm { kind: spec.kind },
                format!("create alarm {}", spec.name),
            ),
            Some(a) if !managed(&a.tags) => {
                return Err(format!(
                    "alarm {} exists and is not tagged {TAG_MANAGED_BY}={MANAGED_BY}: rosactl does not adopt it; delete or rename it, or run setup-account --no-alarms",
                    spec.name
                ));
            }
            Some(a) => {
                if a.settings != spec.settings() {
                    steps.push(
                        Action::PutAlarm { kind: spec.kind },
                        format!("reset alarm {} to rosactl's settings", spec.name),
                    );
                }
                if !has_tags(&a.tags, &spec.tags) {
                    steps.push(
                        Action::TagAlarm { kind: spec.kind },
                        format!("tag alarm {}", spec.name),
                    );
                }
            }
        }
    }
    for a in &o.alarms {
        if managed(&a.tags) && !pkg.alarms.iter().any(|s| s.name == a.name) {
            steps.push(
                Action::DeleteAlarm {
                    name: a.name.clone(),
                },
                format!("delete alarm {} (alarms are off)", a.name),
            );
        }
    }
    Ok(())
}

/// Setup's dashboard step (no function: beside the bucket's steps, waiting for none of them).
/// A dashboard with our name that rosactl did not make is never taken over: an error.
pub(crate) fn dashboard_steps(d: &Desired, o: &Observed) -> Result<Vec<Step>, String> {
    let name = super::super::dashboard::name(&d.account);
    let step = |action, summary: String| Step::new(None, action, summary);
    Ok(match (&d.dashboard, &o.dashboard) {
        (Some(_), Some(body)) if !super::super::dashboard::is_ours(body) => {
            return Err(format!(
                "dashboard {name} exists and was not made by rosactl (its first widget does not say {}): rosactl does not take it over; rename or delete it, or run setup-account --no-dashboard",
                super::super::dashboard::MARKER
            ));
        }
        (Some((_, want)), Some(body)) if body != want => vec![step(
            Action::PutDashboard,
            format!("reset dashboard {name} to rosactl's widgets"),
        )],
        (Some(_), None) => vec![step(
            Action::PutDashboard,
            format!("create dashboard {name}"),
        )],
        (None, Some(body)) if super::super::dashboard::is_ours(body) => vec![step(
            Action::DeleteDashboard,
            format!("delete dashboard {name} (the dashboard is off)"),
        )],
        _ => Vec::new(),
    })
}

pub(crate) fn weights_text(weights: &BTreeMap<String, f64>) -> String {
    weights
        .iter()
        .map(|(v, w)| format!("{}% to version {v}", (w * 100.0).round()))
        .collect::<Vec<_>>()
        .join(", ")
}

pub(crate) fn describe_alias(a: &AliasState) -> String {
    if a.weights.is_empty() {
        format!("version {}", a.version)
    } else {
        format!("version {} ({})", a.version, weights_text(&a.weights))
    }
}

/// Steps for the alias goals of one function. `embedded` is the version holding the
/// embedded package when it exists already (else the run publishes it).
pub(crate) fn alias_steps(
    d: &Desired,
    pkg: Option<&PackageTarget>,
    embedded: Option<String>,
    o: &FunctionObserved,
    steps: &mut Steps,
    notes: &mut Vec<String>,
) -> Result<(), String> {
    let name = o.name;
    // In messages: the function's name in AWS (the account's prefix included).
    let shown = d.names(name).function_name.as_str();
    let Some(goals) = d.aliases.get(name) else {
        return Ok(());
    };
    let versions = || {
        let list: Vec<&str> = o.versions.iter().map(|v| v.version.as_str()).collect();
        if list.is_empty() {
            "none".to_string()
        } else {
            list.join(", ")
        }
    };
    let mut errors = Vec::new();
    for (alias, goal) in goals {
        let current = o.aliases.get(alias);
        let move_to = |steps: &mut Steps,
                       target: AliasTarget,
                       weights: BTreeMap<String, f64>,
                       kind: MoveKind,
                       undoes: Option<String>,
                       summary: String| {
            let from = current.cloned().unwrap_or_default();
            steps.push(
                Action::UpdateAlias {
                    alias: alias.clone(),
                    from_version: from.version,
                    from_weights: from.weights,
                    target,
                    weights,
                    kind,
                    undoes,
                },
                summary,
            );
        };
        match goal {
            AliasGoal::Embedded { move_existing } => {
                let pkg = pkg.expect("an Embedded goal comes with a package");
                let target = embedded
                    .clone()
                    .map_or(AliasTarget::Published, AliasTarget::Version);
                match current {
                    None => steps.push(
                        Action::CreateAlias {
                            alias: alias.clone(),
                            target: target.clone(),
                        },
                        format!("point alias {shown}:{alias} at {target}"),
                    ),
                    Some(a) => {
                        // update-lambdas also brings the recorded tracing (a version keeps
                        // the configuration it was published with); setup only needs the code.
                        let runs_embedded = o.version(&a.version).is_some_and(|v| {
                            v.code_sha256 == pkg.code_sha256
                                && (!*move_existing || v.tracing == pkg.tracing)
                        });
                        if runs_embedded && a.weights.is_empty() {
                            let kind = if *move_existing {
                                MoveKind::Update
                            } else {
                                MoveKind::Create
                            };
                            if let Some(action) = unrecorded(o, alias, a, kind) {
                                let summary = record_summary(shown, &action);
                                steps.push(action, summary);
                            }
                            continue;
                        }
                        let foreign = foreign_alias_versions(pkg, o, a);
                        if !*move_existing && !foreign.is_empty() {
                            // Code rosactl never deployed behind an alias the platform may
                            // invoke: repaired, like any other drift (and recorded).
                            let list: Vec<String> = foreign
                                .iter()
                                .map(|(v, _)| format!("version {v}"))
                                .collect();
                            move_to(
                                steps,
                                target.clone(),
                                BTreeMap::new(),
                                MoveKind::Repair,
                                None,
                                format!(
                                    "move alias {shown}:{alias} from {} to {target} (package {}): {} holds code rosactl did not deploy",
                                    describe_alias(a),
                                    pkg.package.manifest.version,
                                    list.join(" and ")
                                ),
                            );
                            continue;
                        }
                        if *move_existing {
                            move_to(
                                steps,
                                target.clone(),
                                BTreeMap::new(),
                                MoveKind::Update,
                                None,
                                format!(
                                    "move alias {shown}:{alias} from {} to {target} (package {})",
                                    describe_alias(a),
                                    pkg.package.manifest.version
                                ),
                            );
                        } else if alias == PROD {
                            notes.push(format!(
                                "{shown}:{alias} runs {}, not the embedded package {}; setup-account never moves aliases: release it with `rosactl update-lambdas` (staging), then `rosactl promote-lambdas --from staging --to prod`",
                                describe_alias(a),
                                pkg.package.manifest.version
                            ));
                        } else {
                            notes.push(format!(
                                "{shown}:{alias} runs {}, not the embedded package {}; setup-account never moves aliases: `rosactl update-lambdas --alias {alias}` does",
                                describe_alias(a),
                                pkg.package.manifest.version
                            ));
                        }
                    }
                }
            }
            AliasGoal::Follow { alias: source } => {
                let (Some(src), Some(a)) = (o.aliases.get(source), current) else {
                    errors.push(missing_alias(name, source, alias, o));
                    continue;
                };
                if a.version == src.version && a.weights.is_empty() {
                    if let Some(action) = unrecorded(o, alias, a, MoveKind::Promote) {
                        let summary = record_summary(shown, &action);
                        steps.push(action, summary);
                    }
                    continue;
                }
                move_to(
                    steps,
                    AliasTarget::Version(src.version.clone()),
                    BTreeMap::new(),
                    MoveKind::Promote,
                    None,
                    format!(
                        "move alias {shown}:{alias} from {} to version {} (what {source} runs)",
                        describe_alias(a),
                        src.version
                    ),
                );
            }
            AliasGoal::Canary {
                alias: source,
                percent,
            } => {
                let (Some(src), Some(a)) = (o.aliases.get(source), current) else {
                    errors.push(missing_alias(name, source, alias, o));
                    continue;
                };
                let weight = f64::from(*percent) / 100.0;
                let wanted = BTreeMap::from([(src.version.clone(), weight)]);
                if a.version == src.version {
                    notes.push(format!(
                        "{shown}:{alias} already runs version {} ({source}'s version): nothing to canary",
                        src.version
                    ));
                    continue;
                }
                if a.weights == wanted {
                    if let Some(action) = unrecorded(o, alias, a, MoveKind::Canary) {
                        let summary = record_summary(shown, &action);
                        steps.push(action, summary);
                    }
                    continue;
                }
                move_to(
                    steps,
                    AliasTarget::Version(a.version.clone()),
                    wanted,
                    MoveKind::Canary,
                    None,
                    format!(
                        "keep {shown}:{alias} on version {} and send {percent}% to version {} (what {source} runs)",
                        a.version, src.version
                    ),
                );
            }
            AliasGoal::FinishCanary => {
                let Some(a) = current else {
                    errors.push(format!(
                        "{shown}:{alias} does not exist: run `rosactl setup-account` first"
                    ));
                    continue;
                };
                let Some((canary, _)) = a.canary() else {
                    notes.push(format!(
                        "{shown}:{alias} has no canary in progress (it runs {}): nothing to finish",
                        describe_alias(a)
                    ));
                    continue;
                };
                move_to(
                    steps,
                    AliasTarget::Version(canary.to_string()),
                    BTreeMap::new(),
                    MoveKind::Finish,
                    None,
                    format!(
                        "finish the canary: move {shown}:{alias} from {} to version {canary}",
                        describe_alias(a)
                    ),
                );
            }
            AliasGoal::Rollback { to_version } => {
                let Some(a) = current else {
                    errors.push(format!(
                        "{shown}:{alias} does not exist: nothing to roll back"
                    ));
                    continue;
                };
                let last = history::last_undoable(&o.history, alias);
                let target = history::rollback_target(&o.history, alias, &a.version);
                if let Some(v) = to_version {
                    if o.version(v).is_none() {
                        errors.push(format!(
                            "--to-version: {shown} has no version {v} (published versions: {})",
                            versions()
                        ));
                        continue;
                    }
                    if &a.version == v && a.weights.is_empty() {
                        continue;
                    }
                    move_to(
                        steps,
                        AliasTarget::Version(v.clone()),
                        BTreeMap::new(),
                        MoveKind::Rollback,
                        None,
                        format!(
                            "roll {shown}:{alias} back from {} to version {v} (asked for)",
                            describe_alias(a)
                        ),
                    );
                    continue;
                }
                if let Some((canary, _)) = a.canary() {
                    // Abort the canary: all traffic back to the primary version.
                    let undoes = last
                        .filter(|r| r.kind == MoveKind::Canary && r.to_version == a.version)
                        .map(|r| r.id.clone());
                    move_to(
                        steps,
                        AliasTarget::Version(a.version.clone()),
                        BTreeMap::new(),
                        MoveKind::Rollback,
                        undoes,
                        format!(
                            "abort the canary of {shown}:{alias}: all traffic back to version {} (none to version {canary})",
                            a.version
                        ),
                    );
                    continue;
                }
                let Some(record) = target else {
                    errors.push(format!(
                        "{shown}:{alias} (version {}): no earlier version is recorded in this account's history; pass --to-version N to choose one (published versions: {})",
                        a.version,
                        versions()
                    ));
                    continue;
                };
                if record.to_version != a.version
                    && a.weights.is_empty()
                    && record.kind != MoveKind::Repair
                    && record.from_version.as_deref() == Some(a.version.as_str())
                {
                    // Back where it was before the last recorded move, with no record of
                    // it: a rollback was stopped between its move and its record. Write the
                    // record it owed (as the promote planner does for a promotion; a move by
                    // hand to exactly that version is recorded the same way).
                    let action = Action::RecordMove {
                        alias: alias.clone(),
                        kind: MoveKind::Rollback,
                        from_version: Some(record.to_version.clone()),
                        from_weights: record.to_weights.clone(),
                        to_version: a.version.clone(),
                        to_weights: BTreeMap::new(),
                        undoes: Some(record.id.clone()),
                    };
                    let summary = record_summary(shown, &action);
                    steps.push(action, summary);
                    continue;
                }
                if record.to_version != a.version {
                    errors.push(format!(
                        "{shown}:{alias} runs version {}, but its last recorded move ({}, {}) went to version {}: it was moved outside rosactl; pass --to-version N to choose the version (published versions: {})",
                        a.version,
                        record.id,
                        record.time,
                        record.to_version,
                        versions()
                    ));
                    continue;
                }
                if record.kind == MoveKind::Repair {
                    errors.push(format!(
                        "{shown}:{alias}: its last recorded move ({}, {}) was setup-account repairing version {}, code rosactl did not deploy; rosactl does not roll back to it: pass --to-version N to choose a version (published versions: {})",
                        record.id,
                        record.time,
                        record.from_version.as_deref().unwrap_or("-"),
                        versions()
                    ));
                    continue;
                }
                let Some(previous) = record.from_version.clone() else {
                    errors.push(format!(
                        "{shown}:{alias} has had version {} since it was created: no earlier version to roll back to; pass --to-version N (published versions: {})",
                        a.version,
                        versions()
                    ));
                    continue;
                };
                // The version rolled back to must still hold the code the history recorded
                // for it: a record and a version that disagree were changed outside rosactl.
                let actual = o.version(&previous).map(|v| v.code_sha256.as_str());
                let recorded = o
                    .history
                    .iter()
                    .rev()
                    .filter(|r| r.to_version == previous && !r.code_sha256.is_empty())
                    .map(|r| r.code_sha256.as_str())
                    .find(|code| Some(*code) != actual);
                match (recorded, o.version(&previous)) {
                    (_, None) => {
                        errors.push(format!(
                            "{shown}:{alias}: version {previous}, where it was before its last move, does not exist any more (deleted outside rosactl); pass --to-version N (published versions: {})",
                            versions()
                        ));
                        continue;
                    }
                    (Some(code), Some(v)) if code != v.code_sha256 => {
                        errors.push(format!(
                            "{shown}:{alias}: the history records version {previous} with code sha256 {}, but Lambda answers {} for it: the record or the version was changed outside rosactl, so rosactl does not roll back to it; pass --to-version N to choose a version knowingly (published versions: {})",
                            names::hex_sha256(code),
                            names::hex_sha256(&v.code_sha256),
                            versions()
                        ));
                        continue;
                    }
                    _ => {}
                }
                move_to(
                    steps,
                    AliasTarget::Version(previous.clone()),
                    BTreeMap::new(),
                    MoveKind::Rollback,
                    Some(record.id.clone()),
                    format!(
                        "roll {shown}:{alias} back from {} to version {previous} (before the {:?} of {})",
                        describe_alias(a),
                        record.kind,
                        record.time
                    ),
                );
            }
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("\n"))
    }
}

pub(crate) fn missing_alias(name: &str, source: &str, alias: &str, o: &FunctionObserved) -> String {
    if o.function.is_none() {
        format!("{name} does not exist in this account: run `rosactl setup-account` first")
    } else {
        let missing = if o.aliases.contains_key(source) {
            alias
        } else {
            source
        };
        format!(
            "{name}:{missing} does not exist: run `rosactl setup-account` (it creates the prod and staging aliases)"
        )
    }
}

pub(crate) fn permission_steps(d: &Desired, o: &FunctionObserved, steps: &mut Steps) {
    let Some(invoker) = &d.invoker_arn else {
        return;
    };
    let name = o.name;
    // In messages: the function's name in AWS (the account's prefix included).
    let shown = d.names(name).function_name.as_str();
    match &o.permission {
        Some(p) if &p.principal == invoker => {}
        Some(p) => {
            steps.push(
                Action::RemovePermission,
                format!(
                    "remove the invoke permission of {shown}:{PROD} for {}",
                    p.principal
                ),
            );
            steps.push(
                Action::AddPermission {
                    principal: invoker.clone(),
                },
                format!("allow only {invoker} to invoke {shown}:{PROD}"),
            );
        }
        None => steps.push(
            Action::AddPermission {
                principal: invoker.clone(),
            },
            format!("allow only {invoker} to invoke {shown}:{PROD}"),
        ),
    }
}
