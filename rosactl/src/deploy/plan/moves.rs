//! The alias moves of `promote-lambdas` and `rollback-lambdas`, and a canary's finish.

use super::*;

/// `promote-lambdas` and `rollback-lambdas`: alias moves only, all or nothing; `check` names
/// the qualifier each moving function is invoked through before anything moves.
pub fn move_aliases(
    desired: &Desired,
    observed: &Observed,
    name: &'static str,
    check: Option<&dyn Fn(&FunctionObserved, &Step) -> String>,
    bake_seconds: Option<u64>,
) -> Result<Plan, PlanError> {
    let foreign = not_ours(desired, observed, false);
    if !foreign.is_empty() {
        return Err(PlanError(foreign));
    }
    let mut plan = Plan::default();
    let mut stage = Stage::new(name, Policy::AllOrNothing);
    let mut errors = Vec::new();
    for &function in &desired.selected {
        let o = observed.function(function);
        if o.function.is_none() {
            errors.push(format!(
                "{function} is not deployed in this account: run `rosactl setup-account` first"
            ));
            continue;
        }
        let mut steps = Steps::new(function);
        if let Err(e) = alias_steps(desired, None, None, o, &mut steps, &mut plan.notes) {
            errors.push(e);
        }
        stage.functions.push((function, steps.steps));
    }
    if !errors.is_empty() {
        return Err(PlanError(errors));
    }
    if let Some(check) = check {
        let qualifiers: BTreeMap<&'static str, String> = stage
            .functions
            .iter()
            .filter_map(|(n, steps)| steps.first().map(|s| (*n, check(observed.function(n), s))))
            .collect();
        if !qualifiers.is_empty() {
            stage.gate = Some(match bake_seconds {
                Some(seconds) => Gate::Bake {
                    seconds,
                    qualifiers,
                },
                None => Gate::Check { qualifiers },
            });
        }
    }
    plan.stages.push(stage);
    Ok(plan.linked())
}

/// `promote-lambdas --canary P --bake S`: after the canary stage, wait S seconds, check the
/// canary versions again, and finish (a second stage; a failed check leaves the canary as it
/// is, for `promote-lambdas --finish` or `rollback-lambdas`).
pub fn finish_after_bake(plan: &mut Plan, seconds: u64) {
    let Some(canary) = plan.stages.first() else {
        return;
    };
    let mut finish = Stage::new("finish the canary", Policy::AllOrNothing);
    let mut qualifiers = BTreeMap::new();
    for (name, steps) in &canary.functions {
        let mut next = Vec::new();
        for step in steps {
            if let Action::UpdateAlias {
                alias,
                target: AliasTarget::Version(primary),
                weights,
                kind: MoveKind::Canary,
                ..
            } = &step.action
            {
                let Some((new, _)) = weights.iter().next() else {
                    continue;
                };
                qualifiers.insert(*name, new.clone());
                next.push(Step::new(
                    Some(name),
                    Action::UpdateAlias {
                        alias: alias.clone(),
                        from_version: primary.clone(),
                        from_weights: weights.clone(),
                        target: AliasTarget::Version(new.clone()),
                        weights: BTreeMap::new(),
                        kind: MoveKind::Finish,
                        undoes: None,
                    },
                    format!(
                        "finish the canary: move {name}:{alias} from version {primary} to version {new}"
                    ),
                ));
            }
        }
        finish.functions.push((name, next));
    }
    if qualifiers.is_empty() {
        return;
    }
    finish.gate = Some(Gate::Bake {
        seconds,
        qualifiers,
    });
    finish.link();
    plan.stages.push(finish);
}
