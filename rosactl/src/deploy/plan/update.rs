//! `update-lambdas`' planner.

use super::*;

/// `update-lambdas`: the embedded package on `$LATEST` (with its configuration repaired), a
/// version published for it, and the desired alias moved there. Functions are independent.
pub fn update(desired: &Desired, observed: &Observed) -> Result<Plan, PlanError> {
    let foreign = not_ours(desired, observed, false);
    if !foreign.is_empty() {
        return Err(PlanError(foreign));
    }
    let mut plan = Plan::default();
    let mut stage = Stage::new("update", Policy::KeepGoing);
    let mut errors = Vec::new();
    if !observed.bucket.exists {
        return Err(PlanError(vec![format!(
            "the artifact bucket {} does not exist: run `rosactl setup-account` first",
            desired.account.bucket
        )]));
    }
    for &name in &desired.selected {
        let o = observed.function(name);
        if o.function.is_none() || o.role.is_none() {
            errors.push(format!(
                "{name} is not deployed in this account: run `rosactl setup-account` first"
            ));
            continue;
        }
        let pkg = &desired.packages[name];
        let mut steps = Steps::new(name);
        let embedded = code_steps(desired, pkg, o, &mut steps);
        if let Err(e) = alias_steps(desired, Some(pkg), embedded, o, &mut steps, &mut plan.notes) {
            errors.push(e);
        }
        // Only code and configuration for the aliases' sake: a version nobody points at
        // is not published. (A plan with just a publish would leave an orphan version.)
        if !steps.steps.iter().any(|s| {
            matches!(
                s.action,
                Action::CreateAlias { .. } | Action::UpdateAlias { .. }
            )
        }) {
            steps.steps.retain(|s| {
                !matches!(
                    s.action,
                    Action::PublishVersion | Action::UpdateCode | Action::UploadPackage
                )
            });
        }
        stage.functions.push((name, steps.steps));
    }
    if !errors.is_empty() {
        return Err(PlanError(errors));
    }
    plan.stages.push(stage);
    Ok(plan.linked())
}
