//! `setup-account`'s planner.

use super::*;

/// `setup-account`: create or repair everything; aliases are created where missing and
/// never moved (moving them is update/promote/rollback's job). One stage: the bucket's steps
/// and the functions' wait only for what they need (see [`needs`]).
pub fn setup(desired: &Desired, observed: &Observed) -> Result<Plan, PlanError> {
    let foreign = not_ours(desired, observed, true);
    if !foreign.is_empty() {
        return Err(PlanError(foreign));
    }
    let mut plan = Plan::default();
    let mut functions = Stage::new("setup", Policy::KeepGoing);
    functions.bucket = bucket_steps(desired, observed);
    let mut errors = Vec::new();
    match dashboard_steps(desired, observed) {
        Ok(steps) => functions.bucket.extend(steps),
        Err(e) => errors.push(e),
    }
    for &name in &desired.selected {
        let o = observed.function(name);
        let pkg = &desired.packages[name];
        let mut steps = Steps::new(name);
        let names = desired.names(name);
        if let Some(role) = &o.role
            && role.arn != names.role_arn
        {
            errors.push(format!(
                "{name}: role {} exists as {}, not under this deployment's role path {}: IAM cannot move a role; pass the role path it has (--role-path), or run cleanup-account first",
                names.role_name, role.arn, desired.account.rules.role_path
            ));
        }
        if let Some(why) = desired
            .role_regions(pkg, o.role.as_ref().map(|r| &r.tags))
            .too_long()
        {
            errors.push(format!(
                "{name}: role {} serves too many regions to record: {why}; run cleanup-account in the regions that no longer use it",
                names.role_name
            ));
        }
        setup_role_and_logs(desired, pkg, o, &mut steps);
        let embedded = code_steps(desired, pkg, o, &mut steps);
        if let Err(e) = alias_steps(desired, Some(pkg), embedded, o, &mut steps, &mut plan.notes) {
            errors.push(e);
        }
        permission_steps(desired, o, &mut steps);
        concurrency_steps(desired, pkg, o, &mut steps);
        if let Err(e) = alarm_steps(pkg, o, &mut steps) {
            errors.push(e);
        }
        if let Some(note) = configuration_note(desired, pkg, o) {
            plan.notes.push(note);
        }
        for access in &o.foreign_access {
            plan.notes.push(format!(
                "{access}; the platform's only access is {STATEMENT_ID} on {name}:{PROD}: remove it if you did not mean it (rosactl leaves it alone)"
            ));
        }
        functions.functions.push((name, steps.steps));
    }
    if !errors.is_empty() {
        return Err(PlanError(errors));
    }
    plan.stages = vec![functions];
    Ok(plan.linked())
}

/// Said when the aliases run a version of rosactl's code whose tracing is not the recorded
/// choice: setup never moves an alias, and a version keeps the configuration it was
/// published with, so the change reaches them through update and promote.
fn configuration_note(d: &Desired, pkg: &PackageTarget, o: &FunctionObserved) -> Option<String> {
    let behind: Vec<String> = [names::STAGING, PROD]
        .into_iter()
        .filter_map(|alias| {
            let v = o.version(&o.aliases.get(alias)?.version)?;
            (v.tracing != pkg.tracing).then(|| format!("{alias} (version {})", v.version))
        })
        .collect();
    (!behind.is_empty()).then(|| {
        format!(
            "{}: {} run with tracing {}; versions keep the configuration they were published with, so tracing {} reaches them with update-lambdas (staging) and promote-lambdas (prod)",
            d.names(o.name).function_name,
            behind.join(" and "),
            tracing_mode(!pkg.tracing),
            tracing_mode(pkg.tracing)
        )
    })
}
