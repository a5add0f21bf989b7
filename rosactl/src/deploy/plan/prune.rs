//! `versions --keep`'s planner: which versions are referenced, which may go.

use super::*;

/// The versions of `o` that something needs: each alias's version and canary weights, and
/// the version each alias's next rollback would go back to.
pub fn referenced_versions(o: &FunctionObserved) -> BTreeMap<String, Vec<String>> {
    let mut used: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (alias, a) in &o.aliases {
        used.entry(a.version.clone())
            .or_default()
            .push(alias.clone());
        for (v, w) in &a.weights {
            used.entry(v.clone())
                .or_default()
                .push(format!("{alias} ({}%)", (w * 100.0).round()));
        }
        if let Some(previous) = history::rollback_target(&o.history, alias, &a.version)
            .filter(|r| r.kind != MoveKind::Repair)
            .and_then(|r| r.from_version.clone())
        {
            used.entry(previous)
                .or_default()
                .push(format!("{alias} rollback"));
        }
    }
    used
}

/// `versions --keep N`: delete each selected function's published versions older than the
/// newest `keep` that nothing references ([`referenced_versions`]). Functions without our
/// tag are refused.
pub fn prune_versions(
    desired: &Desired,
    observed: &Observed,
    keep: usize,
) -> Result<Plan, PlanError> {
    let foreign = not_ours(desired, observed, false);
    if !foreign.is_empty() {
        return Err(PlanError(foreign));
    }
    let mut stage = Stage::new("versions", Policy::KeepGoing);
    for &name in &desired.selected {
        let o = observed.function(name);
        let used = referenced_versions(o);
        let mut steps = Steps::new(name);
        // Versions are sorted oldest first.
        let old = o.versions.len().saturating_sub(keep);
        for v in &o.versions[..old] {
            if used.contains_key(&v.version) {
                continue;
            }
            steps.push(
                Action::DeleteVersion {
                    version: v.version.clone(),
                },
                format!(
                    "delete version {} of {name} (sha256 {}, referenced by no alias)",
                    v.version,
                    names::hex_sha256(&v.code_sha256)
                ),
            );
        }
        stage.functions.push((name, steps.steps));
    }
    Ok(Plan {
        stages: vec![stage],
        notes: Vec::new(),
    }
    .linked())
}
