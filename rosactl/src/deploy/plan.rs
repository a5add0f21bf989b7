//! The plan: a pure diff of desired and observed state into ordered, typed steps.
//! Nothing here talks to AWS, so every decision is unit-tested.

use std::collections::BTreeMap;

use serde::Serialize;

use super::desired::{Desired, FunctionDesired};
use super::names::{self, MANAGED_BY, PROD, STAGING, TAG_MANAGED_BY};
use super::observed::{FunctionObserved, Observed};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Action {
    CreateBucket,
    BlockPublicAccess,
    EncryptBucket,
    EnableVersioning,
    PutBucketPolicy,
    TagBucket,
    UploadPackage,
    CreateRole,
    UpdateTrustPolicy,
    PutRolePolicy,
    TagRole,
    CreateLogGroup,
    SetRetention {
        days: i32,
    },
    TagLogGroup,
    CreateFunction,
    UpdateCode,
    UpdateConfiguration,
    TagFunction,
    PublishVersion,
    /// `version: None` means the version published earlier in the same plan.
    CreateAlias {
        alias: String,
        version: Option<String>,
    },
    RemovePermission,
    AddPermission {
        principal: String,
    },
    DeleteFunction,
    DeleteRole,
    DeleteLogGroup,
    EmptyBucket,
    DeleteBucket,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Step {
    /// The function the step belongs to; `None` for the shared artifact bucket.
    pub function: Option<&'static str>,
    #[serde(flatten)]
    pub action: Action,
    /// What the step does, for people.
    pub summary: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Plan {
    /// Steps on the shared bucket: run before the functions' steps (setup) or after (cleanup).
    pub bucket: Vec<Step>,
    pub bucket_last: bool,
    /// Each function's steps, in order; functions are independent of each other.
    pub functions: Vec<(&'static str, Vec<Step>)>,
    /// Things noticed and deliberately left alone.
    pub notes: Vec<String>,
}

impl Plan {
    pub fn len(&self) -> usize {
        self.bucket.len() + self.functions.iter().map(|(_, s)| s.len()).sum::<usize>()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every step, in the order they would run if run one by one.
    pub fn steps(&self) -> Vec<&Step> {
        let functions = self.functions.iter().flat_map(|(_, s)| s.iter());
        if self.bucket_last {
            functions.chain(self.bucket.iter()).collect()
        } else {
            self.bucket.iter().chain(functions).collect()
        }
    }
}

fn has_tags(observed: &BTreeMap<String, String>, wanted: &BTreeMap<String, String>) -> bool {
    wanted.iter().all(|(k, v)| observed.get(k) == Some(v))
}

fn managed(tags: &BTreeMap<String, String>) -> bool {
    tags.get(TAG_MANAGED_BY).map(String::as_str) == Some(MANAGED_BY)
}

/// `setup-account`: create or repair everything; aliases are created where missing and
/// never moved (moving them is update/promote/rollback's job).
pub fn setup(desired: &Desired, observed: &Observed) -> Plan {
    let mut plan = Plan::default();
    let b = &observed.bucket;
    let bucket_step = |action: Action, summary: String| Step {
        function: None,
        action,
        summary,
    };
    let name = &desired.bucket;
    if !b.exists {
        plan.bucket.push(bucket_step(
            Action::CreateBucket,
            format!("create artifact bucket {name}"),
        ));
    }
    if !b.public_access_blocked {
        plan.bucket.push(bucket_step(
            Action::BlockPublicAccess,
            format!("block public access to {name}"),
        ));
    }
    if !b.encrypted {
        plan.bucket.push(bucket_step(
            Action::EncryptBucket,
            format!("enable default encryption (SSE-S3) on {name}"),
        ));
    }
    if !b.versioning {
        plan.bucket.push(bucket_step(
            Action::EnableVersioning,
            format!("enable versioning on {name}"),
        ));
    }
    if !b
        .policy
        .as_ref()
        .is_some_and(|p| names::same_policy(p, &desired.bucket_policy))
    {
        plan.bucket.push(bucket_step(
            Action::PutBucketPolicy,
            format!("set the TLS-only bucket policy on {name}"),
        ));
    }
    if !has_tags(&b.tags, &desired.bucket_tags) {
        plan.bucket
            .push(bucket_step(Action::TagBucket, format!("tag {name}")));
    }
    for f in &desired.functions {
        let o = observed
            .functions
            .iter()
            .find(|o| o.name == f.spec.function_name)
            .expect("every desired function is observed");
        let steps = setup_function(desired, f, o, &mut plan.notes);
        plan.functions.push((f.spec.function_name, steps));
    }
    plan
}

fn setup_function(
    d: &Desired,
    f: &FunctionDesired,
    o: &FunctionObserved,
    notes: &mut Vec<String>,
) -> Vec<Step> {
    let name = f.spec.function_name;
    let mut steps = Vec::new();
    let mut step = |action: Action, summary: String| {
        steps.push(Step {
            function: Some(name),
            action,
            summary,
        })
    };

    match &o.role {
        None => {
            step(
                Action::CreateRole,
                format!("create execution role {}", f.role_name),
            );
            step(
                Action::PutRolePolicy,
                format!("attach the least-privilege policy to {}", f.role_name),
            );
        }
        Some(role) => {
            if !role
                .trust
                .as_ref()
                .is_some_and(|t| names::same_policy(t, &f.trust_policy))
            {
                step(
                    Action::UpdateTrustPolicy,
                    format!(
                        "reset the trust policy of {} to lambda.amazonaws.com",
                        f.role_name
                    ),
                );
            }
            if !role
                .policy
                .as_ref()
                .is_some_and(|p| names::same_policy(p, &f.execution_policy))
            {
                step(
                    Action::PutRolePolicy,
                    format!("set the least-privilege policy of {}", f.role_name),
                );
            }
            if !has_tags(&role.tags, &f.tags) {
                step(Action::TagRole, format!("tag role {}", f.role_name));
            }
        }
    }

    match &o.log_group {
        None => {
            step(
                Action::CreateLogGroup,
                format!("create log group {}", f.log_group),
            );
            step(
                Action::SetRetention {
                    days: d.retention_days,
                },
                format!("keep {} logs for {} days", f.log_group, d.retention_days),
            );
        }
        Some(lg) => {
            if lg.retention_days != Some(d.retention_days) {
                step(
                    Action::SetRetention {
                        days: d.retention_days,
                    },
                    format!("keep {} logs for {} days", f.log_group, d.retention_days),
                );
            }
            if !has_tags(&lg.tags, &f.tags) {
                step(
                    Action::TagLogGroup,
                    format!("tag log group {}", f.log_group),
                );
            }
        }
    }

    if !o.package_uploaded {
        step(
            Action::UploadPackage,
            format!("upload the package to s3://{}/{}", d.bucket, f.object_key),
        );
    }

    match &o.function {
        None => step(
            Action::CreateFunction,
            format!(
                "create function {name} ({} MB, {} s)",
                f.spec.memory_mb, f.spec.timeout_s
            ),
        ),
        Some(fs) => {
            if fs.code_sha256 != f.code_sha256 {
                step(
                    Action::UpdateCode,
                    format!("update the code of {name} to the embedded package"),
                );
            }
            if fs.memory_mb != f.spec.memory_mb
                || fs.timeout_s != f.spec.timeout_s
                || fs.role != f.role_arn
                || fs.runtime != d.runtime()
                || fs.handler != rosa_lambda_packaging::BOOTSTRAP
                || fs.description != f.spec.description
            {
                step(
                    Action::UpdateConfiguration,
                    format!(
                        "reset the configuration of {name} ({} MB, {} s, role {})",
                        f.spec.memory_mb, f.spec.timeout_s, f.role_name
                    ),
                );
            }
            if !has_tags(&fs.tags, &f.tags) {
                step(Action::TagFunction, format!("tag function {name}"));
            }
        }
    }

    let embedded = o
        .versions
        .iter()
        .rev()
        .find(|v| {
            v.code_sha256 == f.code_sha256
                && v.memory_mb == f.spec.memory_mb
                && v.timeout_s == f.spec.timeout_s
                && v.description == f.version_description
        })
        .map(|v| v.version.clone());
    if embedded.is_none() {
        step(
            Action::PublishVersion,
            format!("publish a version of {name} (CodeSha256 checked against the manifest)"),
        );
    }
    for alias in [PROD, STAGING] {
        match o.aliases.get(alias) {
            None => {
                let target = embedded.clone().map_or("the new version".to_string(), |v| format!("version {v}"));
                step(
                    Action::CreateAlias { alias: alias.to_string(), version: embedded.clone() },
                    format!("point alias {name}:{alias} at {target}"),
                );
            }
            Some(v) if Some(v) != embedded.as_ref() => notes.push(format!(
                "{name}:{alias} points at version {v}, not at the embedded package's version; setup-account leaves aliases where they are"
            )),
            Some(_) => {}
        }
    }

    match &o.permission {
        Some(p) if p.principal == d.invoker_arn => {}
        Some(p) => {
            step(
                Action::RemovePermission,
                format!(
                    "remove the invoke permission of {name}:{PROD} for {}",
                    p.principal
                ),
            );
            step(
                Action::AddPermission {
                    principal: d.invoker_arn.clone(),
                },
                format!("allow only {} to invoke {name}:{PROD}", d.invoker_arn),
            );
        }
        None => step(
            Action::AddPermission {
                principal: d.invoker_arn.clone(),
            },
            format!("allow only {} to invoke {name}:{PROD}", d.invoker_arn),
        ),
    }
    steps
}

/// `cleanup-access`: remove the platform's invoke permission from every function.
pub fn cleanup_access(observed: &Observed) -> Plan {
    let mut plan = Plan::default();
    for o in &observed.functions {
        let steps = o
            .permission
            .iter()
            .map(|p| Step {
                function: Some(o.name),
                action: Action::RemovePermission,
                summary: format!(
                    "remove the invoke permission of {}:{PROD} for {}",
                    o.name, p.principal
                ),
            })
            .collect();
        plan.functions.push((o.name, steps));
    }
    plan
}

/// `cleanup-account`: delete what setup created. Resources without the
/// `rosa:managed-by=rosactl` tag are left alone and reported.
pub fn cleanup_account(desired: &Desired, observed: &Observed, delete_logs: bool) -> Plan {
    let mut plan = Plan {
        bucket_last: true,
        ..Plan::default()
    };
    for f in &desired.functions {
        let o = observed
            .functions
            .iter()
            .find(|o| o.name == f.spec.function_name)
            .expect("every desired function is observed");
        let name = f.spec.function_name;
        let mut steps = Vec::new();
        if let Some(fs) = &o.function {
            if managed(&fs.tags) {
                steps.push(Step {
                    function: Some(name),
                    action: Action::DeleteFunction,
                    summary: format!("delete function {name} with its versions and aliases"),
                });
            } else {
                plan.notes.push(format!(
                    "function {name} is not tagged {TAG_MANAGED_BY}={MANAGED_BY}: left alone"
                ));
            }
        }
        if let Some(role) = &o.role {
            if managed(&role.tags) {
                steps.push(Step {
                    function: Some(name),
                    action: Action::DeleteRole,
                    summary: format!(
                        "delete execution role {} and its inline policy",
                        f.role_name
                    ),
                });
            } else {
                plan.notes.push(format!(
                    "role {} is not tagged {TAG_MANAGED_BY}={MANAGED_BY}: left alone",
                    f.role_name
                ));
            }
        }
        if let Some(lg) = &o.log_group {
            if !delete_logs {
                plan.notes.push(format!("log group {} is kept (its logs are audit records); pass --delete-logs to delete it", f.log_group));
            } else if managed(&lg.tags) {
                steps.push(Step {
                    function: Some(name),
                    action: Action::DeleteLogGroup,
                    summary: format!("delete log group {}", f.log_group),
                });
            } else {
                plan.notes.push(format!(
                    "log group {} is not tagged {TAG_MANAGED_BY}={MANAGED_BY}: left alone",
                    f.log_group
                ));
            }
        }
        plan.functions.push((name, steps));
    }
    if observed.bucket.exists {
        if managed(&observed.bucket.tags) {
            let name = &desired.bucket;
            plan.bucket.push(Step {
                function: None,
                action: Action::EmptyBucket,
                summary: format!("delete every object version in {name}"),
            });
            plan.bucket.push(Step {
                function: None,
                action: Action::DeleteBucket,
                summary: format!("delete bucket {name}"),
            });
        } else {
            plan.notes.push(format!(
                "bucket {} is not tagged {TAG_MANAGED_BY}={MANAGED_BY}: left alone",
                desired.bucket
            ));
        }
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deploy::observed::*;

    fn desired() -> Desired {
        Desired::new(
            crate::payloads::verified().unwrap(),
            "123456789012",
            "us-east-1",
            "aws",
            "arn:aws:iam::210987654321:role/LambdaExecutor",
            90,
        )
    }

    fn nothing(d: &Desired) -> Observed {
        Observed {
            bucket: BucketState::default(),
            functions: d
                .functions
                .iter()
                .map(|f| FunctionObserved {
                    name: f.spec.function_name,
                    role: None,
                    package_uploaded: false,
                    log_group: None,
                    function: None,
                    versions: vec![],
                    aliases: BTreeMap::new(),
                    permission: None,
                })
                .collect(),
        }
    }

    /// What the account looks like after a complete setup.
    fn everything(d: &Desired) -> Observed {
        Observed {
            bucket: BucketState {
                exists: true,
                public_access_blocked: true,
                encrypted: true,
                versioning: true,
                policy: Some(d.bucket_policy.clone()),
                tags: d.bucket_tags.clone(),
            },
            functions: d
                .functions
                .iter()
                .map(|f| FunctionObserved {
                    name: f.spec.function_name,
                    role: Some(RoleState {
                        arn: f.role_arn.clone(),
                        trust: Some(f.trust_policy.clone()),
                        policy: Some(f.execution_policy.clone()),
                        tags: f.tags.clone(),
                    }),
                    package_uploaded: true,
                    log_group: Some(LogGroupState {
                        arn: String::new(),
                        retention_days: Some(90),
                        tags: f.tags.clone(),
                    }),
                    function: Some(FunctionState {
                        arn: String::new(),
                        code_sha256: f.code_sha256.clone(),
                        memory_mb: f.spec.memory_mb,
                        timeout_s: f.spec.timeout_s,
                        role: f.role_arn.clone(),
                        runtime: "provided.al2023".into(),
                        handler: "bootstrap".into(),
                        description: f.spec.description.into(),
                        tags: f.tags.clone(),
                    }),
                    versions: vec![VersionState {
                        version: "1".into(),
                        code_sha256: f.code_sha256.clone(),
                        memory_mb: f.spec.memory_mb,
                        timeout_s: f.spec.timeout_s,
                        description: f.version_description.clone(),
                    }],
                    aliases: BTreeMap::from([
                        (PROD.to_string(), "1".to_string()),
                        (STAGING.to_string(), "1".to_string()),
                    ]),
                    permission: Some(PermissionState {
                        principal: d.invoker_arn.clone(),
                    }),
                })
                .collect(),
        }
    }

    fn actions(plan: &Plan, function: &str) -> Vec<Action> {
        plan.functions
            .iter()
            .find(|(n, _)| *n == function)
            .unwrap()
            .1
            .iter()
            .map(|s| s.action.clone())
            .collect()
    }

    #[test]
    fn a_fresh_account_gets_everything_in_order() {
        let d = desired();
        let plan = setup(&d, &nothing(&d));
        assert_eq!(plan.bucket.len(), 6);
        assert_eq!(
            actions(&plan, "rosa-oidc-provisioner"),
            vec![
                Action::CreateRole,
                Action::PutRolePolicy,
                Action::CreateLogGroup,
                Action::SetRetention { days: 90 },
                Action::UploadPackage,
                Action::CreateFunction,
                Action::PublishVersion,
                Action::CreateAlias {
                    alias: "prod".into(),
                    version: None
                },
                Action::CreateAlias {
                    alias: "staging".into(),
                    version: None
                },
                Action::AddPermission {
                    principal: d.invoker_arn.clone()
                },
            ]
        );
    }

    #[test]
    fn a_complete_account_needs_nothing() {
        let d = desired();
        let plan = setup(&d, &everything(&d));
        assert!(plan.is_empty(), "{:#?}", plan.steps());
        assert!(plan.notes.is_empty());
    }

    #[test]
    fn an_interrupted_setup_resumes_where_it_stopped() {
        let d = desired();
        let mut o = everything(&d);
        // Stopped after publishing, before the aliases and the permission.
        let f = &mut o.functions[1];
        f.aliases.clear();
        f.permission = None;
        let plan = setup(&d, &o);
        assert_eq!(
            actions(&plan, "rosa-preflight-checker"),
            vec![
                Action::CreateAlias {
                    alias: "prod".into(),
                    version: Some("1".into())
                },
                Action::CreateAlias {
                    alias: "staging".into(),
                    version: Some("1".into())
                },
                Action::AddPermission {
                    principal: d.invoker_arn.clone()
                },
            ]
        );
        assert!(actions(&plan, "rosa-oidc-provisioner").is_empty());
    }

    #[test]
    fn drift_is_repaired_and_aliases_are_not_moved() {
        let d = desired();
        let mut o = everything(&d);
        let f = &mut o.functions[0];
        f.function.as_mut().unwrap().memory_mb = 512;
        f.log_group.as_mut().unwrap().retention_days = Some(30);
        f.permission = Some(PermissionState {
            principal: "arn:aws:iam::999999999999:role/Other".into(),
        });
        f.aliases.insert(PROD.into(), "7".into());
        let plan = setup(&d, &o);
        assert_eq!(
            actions(&plan, "rosa-oidc-provisioner"),
            vec![
                Action::SetRetention { days: 90 },
                Action::UpdateConfiguration,
                Action::RemovePermission,
                Action::AddPermission {
                    principal: d.invoker_arn.clone()
                },
            ]
        );
        assert_eq!(plan.notes.len(), 1);
        assert!(plan.notes[0].contains("rosa-oidc-provisioner:prod points at version 7"));
    }

    #[test]
    fn new_code_is_published_once_and_matched_afterwards() {
        let d = desired();
        let mut o = everything(&d);
        o.functions[2].versions[0].code_sha256 = "older".into();
        o.functions[2].function.as_mut().unwrap().code_sha256 = "older".into();
        let plan = setup(&d, &o);
        assert_eq!(
            actions(&plan, "rosa-network-verifier"),
            vec![Action::UpdateCode, Action::PublishVersion]
        );
        assert_eq!(
            plan.notes.len(),
            2,
            "both aliases point at the old version: {:?}",
            plan.notes
        );
    }

    #[test]
    fn cleanup_leaves_foreign_resources_and_logs_alone() {
        let d = desired();
        let mut o = everything(&d);
        o.functions[0].role.as_mut().unwrap().tags.clear();
        let plan = cleanup_account(&d, &o, false);
        assert_eq!(
            actions(&plan, "rosa-oidc-provisioner"),
            vec![Action::DeleteFunction]
        );
        assert_eq!(
            actions(&plan, "rosa-network-verifier"),
            vec![Action::DeleteFunction, Action::DeleteRole]
        );
        assert_eq!(
            plan.bucket
                .iter()
                .map(|s| s.action.clone())
                .collect::<Vec<_>>(),
            vec![Action::EmptyBucket, Action::DeleteBucket]
        );
        assert!(plan.steps().last().unwrap().action == Action::DeleteBucket);
        assert!(
            plan.notes
                .iter()
                .any(|n| n.contains("role rosa-oidc-provisioner-execution is not tagged"))
        );
        assert_eq!(
            plan.notes
                .iter()
                .filter(|n| n.contains("--delete-logs"))
                .count(),
            3
        );
        let with_logs = cleanup_account(&d, &o, true);
        assert!(actions(&with_logs, "rosa-preflight-checker").contains(&Action::DeleteLogGroup));
        assert!(cleanup_account(&d, &nothing(&d), true).is_empty());
    }

    #[test]
    fn cleanup_access_removes_only_existing_permissions() {
        let d = desired();
        let mut o = everything(&d);
        o.functions[1].permission = None;
        let plan = cleanup_access(&o);
        assert_eq!(plan.len(), 2);
        assert!(cleanup_access(&nothing(&d)).is_empty());
    }
}
