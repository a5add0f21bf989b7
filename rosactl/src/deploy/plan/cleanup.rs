//! `cleanup-access` and `cleanup-account`'s planners.

use super::*;
use crate::deploy::role_regions::RoleRegions;

/// `cleanup-access`: remove the platform's invoke permission from every function.
pub fn cleanup_access(observed: &Observed) -> Plan {
    let mut stage = Stage::new("cleanup-access", Policy::KeepGoing);
    for o in &observed.functions {
        let steps = o
            .permission
            .iter()
            .map(|p| {
                Step::new(
                    Some(o.name),
                    Action::RemovePermission,
                    format!(
                        "remove the invoke permission of {}:{PROD} for {}",
                        o.name, p.principal
                    ),
                )
            })
            .collect();
        stage.functions.push((o.name, steps));
    }
    Plan {
        stages: vec![stage],
        notes: Vec::new(),
    }
    .linked()
}

/// `cleanup-account`: delete what setup created. Resources without the
/// `rosa:managed-by=rosactl` tag are left alone and reported.
pub fn cleanup_account(desired: &Desired, observed: &Observed, delete_logs: bool) -> Plan {
    let mut plan = Plan::default();
    let mut functions = Stage::new("functions", Policy::KeepGoing);
    for &name in &desired.selected {
        let o = observed.function(name);
        let names = desired.names(name);
        let mut steps = Steps::new(name);
        if let Some(fs) = &o.function {
            if managed(&fs.tags) {
                steps.push(
                    Action::DeleteFunction,
                    format!(
                        "delete function {} with its versions and aliases",
                        names.function_name
                    ),
                );
            } else {
                plan.notes.push(format!(
                    "function {name} is not tagged {TAG_MANAGED_BY}={MANAGED_BY}: left alone"
                ));
            }
        }
        for alarm in &o.alarms {
            if managed(&alarm.tags) {
                steps.push(
                    Action::DeleteAlarm {
                        name: alarm.name.clone(),
                    },
                    format!("delete alarm {}", alarm.name),
                );
            } else {
                plan.notes.push(format!(
                    "alarm {} is not tagged {TAG_MANAGED_BY}={MANAGED_BY}: left alone",
                    alarm.name
                ));
            }
        }
        if let Some(role) = &o.role {
            // The role is global: while another region's functions use it, this region only
            // leaves its record (and the X-Ray statement if no other region traces).
            let recorded = RoleRegions::from_tags(&role.tags);
            let region = &desired.account.region;
            let others = recorded.clone().without(region);
            if managed(&role.tags) && !others.regions.is_empty() {
                let serves = others.listed();
                if recorded.regions.contains(region) {
                    steps.push(
                        Action::TagRole { regions: others.clone() },
                        format!(
                            "record that execution role {} no longer serves {region} (kept: {serves} still use it)",
                            names.role_name
                        ),
                    );
                }
                if recorded.any_traced() != others.any_traced() {
                    steps.push(
                        Action::PutRolePolicy {
                            tracing: others.any_traced(),
                        },
                        format!(
                            "remove X-Ray from the policy of {}: no region it serves traces now",
                            names.role_name
                        ),
                    );
                }
                plan.notes.push(format!(
                    "execution role {} is kept: the functions in {serves} use it (cleanup-account there deletes it)",
                    names.role_name
                ));
            } else if managed(&role.tags) {
                steps.push(
                    Action::DeleteRole,
                    format!(
                        "delete execution role {} and its inline policy",
                        names.role_name
                    ),
                );
            } else {
                plan.notes.push(format!(
                    "role {} is not tagged {TAG_MANAGED_BY}={MANAGED_BY}: left alone",
                    names.role_name
                ));
            }
        }
        if let Some(lg) = &o.log_group {
            if !delete_logs {
                plan.notes.push(format!("log group {} is kept (its logs are audit records); pass --delete-logs to delete it", names.log_group));
            } else if managed(&lg.tags) {
                steps.push(
                    Action::DeleteLogGroup,
                    format!("delete log group {}", names.log_group),
                );
            } else {
                plan.notes.push(format!(
                    "log group {} is not tagged {TAG_MANAGED_BY}={MANAGED_BY}: left alone",
                    names.log_group
                ));
            }
        }
        functions.functions.push((name, steps.steps));
    }
    if let Some(body) = &observed.dashboard {
        let name = crate::deploy::dashboard::name(&desired.account);
        if crate::deploy::dashboard::is_ours(body) {
            functions.bucket.push(Step::new(
                None,
                Action::DeleteDashboard,
                format!("delete dashboard {name}"),
            ));
        } else {
            plan.notes.push(format!(
                "dashboard {name} was not made by rosactl: left alone"
            ));
        }
    }
    let mut bucket = Stage::new("artifact bucket", Policy::KeepGoing);
    if observed.bucket.exists {
        let name = &desired.account.bucket;
        if managed(&observed.bucket.tags) {
            bucket.bucket.push(Step::new(
                None,
                Action::EmptyBucket,
                format!("delete every object version in {name} (packages and alias history)"),
            ));
            bucket.bucket.push(Step::new(
                None,
                Action::DeleteBucket,
                format!("delete bucket {name}"),
            ));
        } else {
            plan.notes.push(format!(
                "bucket {name} is not tagged {TAG_MANAGED_BY}={MANAGED_BY}: left alone"
            ));
        }
    }
    plan.stages = vec![functions, bucket];
    plan.linked()
}
