//! A hosted cluster's IAM roles: the seven operator roles its operators assume through its
//! OIDC provider, and the worker role with its instance profile. Same properties as the
//! engine that deploys the functions: [`observe`] (reads only) → a pure plan of typed steps
//! ([`plan_create`], [`plan_delete`]) → [`apply_all`] (every step whose role or profile is ready, at once) → observe again; a re-run
//! writes nothing; everything tagged `rosa:managed-by=rosactl` and `rosa:cluster-name=NAME`;
//! a role of one of these names without those tags is never adopted. A role of ours holds
//! what it needs only: permissions someone added are planned away, with the reason.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{Value, json};

use super::{MANAGED_BY, Progress, TAG_CLUSTER_NAME, TAG_MANAGED_BY, issuer_host_path, owned};
use crate::aws::{Aws, describe};
use crate::deploy::names::{parse_policy, same_policy};
use crate::exit::{Exit, Failure};

/// The trust of operator roles before the cluster's issuer is known: a provider that cannot
/// exist (`.invalid`), so nobody can assume them yet.
const NO_ISSUER_YET: &str = "issuer-not-known-yet.rosa.invalid";

/// One operator role: its name suffix, the service account that assumes it, its AWS-managed
/// ROSA policy, extra actions, and its key in `rolesRef`.
pub struct OperatorRole {
    pub suffix: &'static str,
    pub namespace: &'static str,
    pub service_account: &'static str,
    pub policy: &'static str,
    pub extra: &'static [&'static str],
    pub roles_ref: &'static str,
}

pub const OPERATOR_ROLES: [OperatorRole; 7] = [
    OperatorRole {
        suffix: "ingress",
        namespace: "openshift-ingress-operator",
        service_account: "ingress-operator",
        policy: "ROSAIngressOperatorPolicy",
        extra: &[],
        roles_ref: "ingressARN",
    },
    OperatorRole {
        suffix: "cloud-controller-manager",
        namespace: "kube-system",
        service_account: "kube-controller-manager",
        policy: "ROSAKubeControllerPolicy",
        extra: &[],
        roles_ref: "kubeCloudControllerARN",
    },
    OperatorRole {
        suffix: "ebs-csi",
        namespace: "openshift-cluster-csi-drivers",
        service_account: "aws-ebs-csi-driver-controller-sa",
        policy: "ROSAAmazonEBSCSIDriverOperatorPolicy",
        extra: &[],
        roles_ref: "storageARN",
    },
    OperatorRole {
        suffix: "image-registry",
        namespace: "openshift-image-registry",
        service_account: "registry",
        policy: "ROSAImageRegistryOperatorPolicy",
        extra: &[],
        roles_ref: "imageRegistryARN",
    },
    OperatorRole {
        suffix: "network-config",
        namespace: "openshift-cloud-network-config-controller",
        service_account: "cloud-credentials",
        policy: "ROSACloudNetworkConfigOperatorPolicy",
        extra: &[],
        roles_ref: "networkARN",
    },
    OperatorRole {
        suffix: "control-plane-operator",
        namespace: "kube-system",
        service_account: "control-plane-operator",
        policy: "ROSAControlPlaneOperatorPolicy",
        extra: &[
            "ec2:DescribeVpcEndpointServices",
            "ec2:DescribeSubnets",
            "route53:GetHostedZone",
            "route53:ListHostedZonesByName",
        ],
        roles_ref: "controlPlaneOperatorARN",
    },
    OperatorRole {
        suffix: "node-pool-management",
        namespace: "kube-system",
        service_account: "capa-controller-manager",
        policy: "ROSANodePoolManagementPolicy",
        extra: &["ec2:DescribeInstanceTypes"],
        roles_ref: "nodePoolManagementARN",
    },
];
const WORKER_SUFFIX: &str = "ROSA-Worker-Role";
const WORKER_POLICIES: [(&str, &str); 2] = [
    ("service-role/", "ROSAWorkerInstancePolicy"),
    ("", "AmazonSSMManagedInstanceCore"),
];
/// The longest name suffix (`-node-pool-management`) keeps role names within IAM's 64.
pub const MAX_NAME: usize = 64 - 1 - 20;

/// What one role should be.
#[derive(Debug, Clone)]
pub struct RoleTarget {
    pub name: String,
    pub arn: String,
    pub trust: Value,
    pub managed: Vec<String>,
    /// The inline policy `<role>-extra` (operator roles that need more than the managed one).
    pub extra: Option<Value>,
    pub worker: bool,
    pub roles_ref: Option<&'static str>,
}

/// What `cluster-iam create NAME` converges to.
#[derive(Debug, Clone)]
pub struct Desired {
    pub cluster: String,
    pub issuer: Option<String>,
    pub roles: Vec<RoleTarget>,
    pub tags: BTreeMap<String, String>,
    /// The IAM path of every role and the instance profile (`/` by default).
    pub path: String,
    /// The permissions boundary of every role.
    pub boundary: Option<String>,
}

impl Desired {
    /// The account's rules laid over the target: roles under `path` with `boundary`, and
    /// the organisation's tags on everything (rosactl's own tags win).
    pub fn with_rules(mut self, rules: &crate::deploy::rules::AccountRules) -> Self {
        for r in &mut self.roles {
            r.arn = r
                .arn
                .replace(":role/", &format!(":role{}", rules.role_path));
        }
        self.path = rules.role_path.clone();
        self.boundary = rules.permissions_boundary.clone();
        let own = std::mem::take(&mut self.tags);
        self.tags = rules.tags.clone().into_iter().chain(own).collect();
        self
    }
}

pub fn desired(cluster: &str, issuer: Option<&str>, partition: &str, account: &str) -> Desired {
    let provider = issuer.map_or_else(|| format!("{NO_ISSUER_YET}/{cluster}"), issuer_host_path);
    let mut roles: Vec<RoleTarget> = OPERATOR_ROLES
        .iter()
        .map(|r| {
            let name = format!("{cluster}-{}", r.suffix);
            RoleTarget {
                arn: format!("arn:{partition}:iam::{account}:role/{name}"),
                trust: json!({
                    "Version": "2012-10-17",
                    "Statement": [{
                        "Effect": "Allow",
                        "Principal": {"Federated": format!("arn:{partition}:iam::{account}:oidc-provider/{provider}")},
                        "Action": "sts:AssumeRoleWithWebIdentity",
                        "Condition": {"StringEquals": {
                            format!("{provider}:sub"): format!("system:serviceaccount:{}:{}", r.namespace, r.service_account),
                            format!("{provider}:aud"): "openshift",
                        }},
                    }],
                }),
                managed: vec![format!("arn:{partition}:iam::aws:policy/service-role/{}", r.policy)],
                extra: (!r.extra.is_empty()).then(|| json!({
                    "Version": "2012-10-17",
                    "Statement": [{"Effect": "Allow", "Action": r.extra, "Resource": "*"}],
                })),
                worker: false,
                roles_ref: Some(r.roles_ref),
                name,
            }
        })
        .collect();
    let worker = format!("{cluster}-{WORKER_SUFFIX}");
    roles.push(RoleTarget {
        arn: format!("arn:{partition}:iam::{account}:role/{worker}"),
        trust: json!({
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}],
        }),
        managed: WORKER_POLICIES
            .iter()
            .map(|(path, p)| format!("arn:{partition}:iam::aws:policy/{path}{p}"))
            .collect(),
        extra: None,
        worker: true,
        roles_ref: None,
        name: worker,
    });
    Desired {
        cluster: cluster.to_string(),
        issuer: issuer.map(String::from),
        roles,
        tags: BTreeMap::from([
            (TAG_MANAGED_BY.to_string(), MANAGED_BY.to_string()),
            (TAG_CLUSTER_NAME.to_string(), cluster.to_string()),
        ]),
        path: "/".into(),
        boundary: None,
    }
}

#[derive(Debug, Clone, Default)]
pub struct RoleObserved {
    pub arn: String,
    pub boundary: Option<String>,
    pub trust: Option<Value>,
    pub attached: Vec<String>,
    pub extra: Option<Value>,
    /// Every inline policy's name (ours is `ROLE-extra`).
    pub inline: Vec<String>,
    pub tags: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Default)]
pub struct Observed {
    pub roles: BTreeMap<String, RoleObserved>,
    /// The worker instance profile: its roles and tags, when it exists.
    pub profile: Option<(Vec<String>, BTreeMap<String, String>)>,
    /// Managed policies the target needs that the account's partition does not have.
    pub missing_policies: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Step {
    CreateRole {
        role: String,
    },
    UpdateTrust {
        role: String,
    },
    AttachPolicy {
        role: String,
        policy_arn: String,
    },
    PutExtraPolicy {
        role: String,
    },
    TagRole {
        role: String,
    },
    PutBoundary {
        role: String,
        policy_arn: String,
    },
    CreateInstanceProfile {
        profile: String,
    },
    AddRoleToInstanceProfile {
        profile: String,
        role: String,
    },
    RemoveRoleFromInstanceProfile {
        profile: String,
        role: String,
    },
    DeleteInstanceProfile {
        profile: String,
    },
    DetachPolicy {
        role: String,
        policy_arn: String,
    },
    DeleteExtraPolicy {
        role: String,
    },
    DeleteRole {
        role: String,
    },
    /// A managed policy someone attached to one of our roles: more than the role needs.
    DetachForeignPolicy {
        role: String,
        policy_arn: String,
    },
    /// An inline policy rosactl did not write: more than the role needs.
    DeleteForeignInline {
        role: String,
        policy: String,
    },
}

fn ours(tags: &BTreeMap<String, String>, cluster: &str) -> bool {
    owned(tags, cluster)
}

fn extra_name(role: &str) -> String {
    format!("{role}-extra")
}

/// Roles and a profile with our names but not our tags: refused, never adopted.
fn not_ours(t: &Desired, seen: &Observed) -> Vec<String> {
    let mut found: Vec<String> = t
        .roles
        .iter()
        .filter_map(|r| {
            let s = seen.roles.get(&r.name)?;
            (!ours(&s.tags, &t.cluster)).then(|| {
                format!(
                    "role {} exists but is not tagged {TAG_MANAGED_BY}={MANAGED_BY}, {TAG_CLUSTER_NAME}={}: rosactl does not adopt it (delete or rename it)",
                    r.name, t.cluster
                )
            })
        })
        .collect();
    if let Some((_, tags)) = &seen.profile {
        if !ours(tags, &t.cluster) {
            found.push(format!(
                "instance profile {}-{WORKER_SUFFIX} exists but is not tagged as this cluster's: rosactl does not adopt it",
                t.cluster
            ));
        }
    }
    found
}

/// `create`: everything missing or different, in dependency order. Pure.
pub fn plan_create(t: &Desired, seen: &Observed) -> Result<Vec<Step>, Vec<String>> {
    let mut refused = not_ours(t, seen);
    refused.extend(seen.missing_policies.iter().map(|p| {
        format!(
            "the AWS-managed policy {p} does not exist in this account's partition: the roles cannot be built here (is this partition supported by ROSA?)"
        )
    }));
    if !refused.is_empty() {
        return Err(refused);
    }
    let mut steps = Vec::new();
    for r in &t.roles {
        let role = r.name.clone();
        match seen.roles.get(&r.name) {
            None => {
                steps.push(Step::CreateRole { role: role.clone() });
                for arn in &r.managed {
                    steps.push(Step::AttachPolicy {
                        role: role.clone(),
                        policy_arn: arn.clone(),
                    });
                }
                if r.extra.is_some() {
                    steps.push(Step::PutExtraPolicy { role });
                }
            }
            Some(s) => {
                if !s.trust.as_ref().is_some_and(|p| same_policy(p, &r.trust)) {
                    steps.push(Step::UpdateTrust { role: role.clone() });
                }
                for arn in &r.managed {
                    if !s.attached.contains(arn) {
                        steps.push(Step::AttachPolicy {
                            role: role.clone(),
                            policy_arn: arn.clone(),
                        });
                    }
                }
                if let Some(extra) = &r.extra {
                    if !s.extra.as_ref().is_some_and(|p| same_policy(p, extra)) {
                        steps.push(Step::PutExtraPolicy { role: role.clone() });
                    }
                }
                // Permissions beyond the role's own are removed, as setup-account removes
                // them from the functions' roles: a role of ours holds what it needs only.
                for arn in &s.attached {
                    if !r.managed.contains(arn) {
                        steps.push(Step::DetachForeignPolicy {
                            role: role.clone(),
                            policy_arn: arn.clone(),
                        });
                    }
                }
                for policy in &s.inline {
                    if *policy != extra_name(&role) || r.extra.is_none() {
                        steps.push(Step::DeleteForeignInline {
                            role: role.clone(),
                            policy: policy.clone(),
                        });
                    }
                }
                if !t.tags.iter().all(|(k, v)| s.tags.get(k) == Some(v)) {
                    steps.push(Step::TagRole { role: role.clone() });
                }
                if let Some(b) = &t.boundary
                    && s.boundary.as_ref() != Some(b)
                {
                    steps.push(Step::PutBoundary {
                        role,
                        policy_arn: b.clone(),
                    });
                }
            }
        }
    }
    let worker = &t.roles.last().expect("the worker role is last").name;
    match &seen.profile {
        None => {
            steps.push(Step::CreateInstanceProfile {
                profile: worker.clone(),
            });
            steps.push(Step::AddRoleToInstanceProfile {
                profile: worker.clone(),
                role: worker.clone(),
            });
        }
        Some((roles, _)) if !roles.is_empty() && !roles.contains(worker) => {
            return Err(vec![format!(
                "instance profile {worker} holds role {} instead of {worker} (a profile holds one role): rosactl does not replace it; remove it with `aws iam remove-role-from-instance-profile --instance-profile-name {worker} --role-name {}`",
                roles.join(", "),
                roles[0]
            )]);
        }
        Some((roles, _)) if !roles.contains(worker) => {
            steps.push(Step::AddRoleToInstanceProfile {
                profile: worker.clone(),
                role: worker.clone(),
            });
        }
        Some(_) => {}
    }
    Ok(steps)
}

/// `delete`: what is ours goes (policies first, then the profile, then the roles), or, when
/// a role holds an inline policy rosactl did not write (someone's document, which deleting
/// the role would destroy, and which blocks `DeleteRole`), nothing: refused before the first
/// write, naming each such policy. Pure.
pub fn plan_delete(t: &Desired, seen: &Observed) -> Result<(Vec<Step>, Vec<String>), Vec<String>> {
    let mut steps = Vec::new();
    let mut kept = Vec::new();
    let mut refused = Vec::new();
    let worker = &t.roles.last().expect("the worker role is last").name;
    if let Some((roles, tags)) = &seen.profile {
        if ours(tags, &t.cluster) {
            for role in roles {
                steps.push(Step::RemoveRoleFromInstanceProfile {
                    profile: worker.clone(),
                    role: role.clone(),
                });
            }
            steps.push(Step::DeleteInstanceProfile {
                profile: worker.clone(),
            });
        } else {
            kept.push(format!(
                "instance profile {worker} is not tagged as this cluster's: left alone"
            ));
        }
    }
    for r in &t.roles {
        let Some(s) = seen.roles.get(&r.name) else {
            continue;
        };
        if !ours(&s.tags, &t.cluster) {
            kept.push(format!(
                "role {} is not tagged as this cluster's: left alone",
                r.name
            ));
            continue;
        }
        for policy in s.inline.iter().filter(|p| **p != extra_name(&r.name)) {
            refused.push(format!(
                "role {} has inline policy {policy}, which rosactl did not write: delete it yourself (`aws iam delete-role-policy --role-name {} --policy-name {policy}`) or keep the role",
                r.name, r.name
            ));
        }
        for arn in &s.attached {
            steps.push(Step::DetachPolicy {
                role: r.name.clone(),
                policy_arn: arn.clone(),
            });
        }
        if s.inline.contains(&extra_name(&r.name)) || s.extra.is_some() {
            steps.push(Step::DeleteExtraPolicy {
                role: r.name.clone(),
            });
        }
        steps.push(Step::DeleteRole {
            role: r.name.clone(),
        });
    }
    if refused.is_empty() {
        Ok((steps, kept))
    } else {
        Err(refused)
    }
}

fn err(what: String) -> impl FnOnce(String) -> Failure {
    move |e| Failure::new(Exit::Failed, format!("{what}: {e}"))
}

/// Reads every role of the target, the worker profile, and (for create) the managed policies,
/// all at once: per role, its lists and tags once IAM says it exists.
pub async fn observe(aws: &Aws, t: &Desired, check_policies: bool) -> anyhow::Result<Observed> {
    let roles =
        futures_util::future::try_join_all(t.roles.iter().map(|r| observe_role(aws, &r.name)));
    let worker = &t.roles.last().expect("the worker role is last").name;
    let profile = async {
        match aws
            .iam
            .get_instance_profile()
            .instance_profile_name(worker)
            .send()
            .await
        {
            Ok(out) => Ok(out.instance_profile.map(|p| {
                let roles = p.roles.iter().map(|r| r.role_name.clone()).collect();
                let tags = p
                    .tags
                    .unwrap_or_default()
                    .into_iter()
                    .map(|t| (t.key, t.value))
                    .collect();
                (roles, tags)
            })),
            Err(e)
                if e.as_service_error()
                    .is_some_and(|e| e.is_no_such_entity_exception()) =>
            {
                Ok(None)
            }
            Err(e) => Err(err(format!("reading instance profile {worker}"))(describe(
                &e,
            ))),
        }
    };
    let mut needed: Vec<&String> = t.roles.iter().flat_map(|r| &r.managed).collect();
    needed.sort();
    needed.dedup();
    if !check_policies {
        needed.clear();
    }
    let policies = futures_util::future::try_join_all(needed.into_iter().map(|arn| async move {
        match aws.iam.get_policy().policy_arn(arn).send().await {
            Ok(_) => Ok(None),
            Err(e)
                if e.as_service_error()
                    .is_some_and(|e| e.is_no_such_entity_exception()) =>
            {
                Ok(Some(arn.clone()))
            }
            Err(e) => Err(err(format!("reading managed policy {arn}"))(describe(&e))),
        }
    }));
    let (roles, profile, missing) = tokio::join!(roles, profile, policies);
    Ok(Observed {
        roles: t
            .roles
            .iter()
            .map(|r| r.name.clone())
            .zip(roles?)
            .filter_map(|(name, seen)| Some((name, seen?)))
            .collect(),
        profile: profile?,
        missing_policies: missing?.into_iter().flatten().collect(),
    })
}

/// One role: None when IAM has no such role.
async fn observe_role(aws: &Aws, name: &str) -> anyhow::Result<Option<RoleObserved>> {
    let role = match aws.iam.get_role().role_name(name).send().await {
        Ok(out) => out.role,
        Err(e)
            if e.as_service_error()
                .is_some_and(|e| e.is_no_such_entity_exception()) =>
        {
            None
        }
        Err(e) => return Err(err(format!("reading role {name}"))(describe(&e)).into()),
    };
    let Some(role) = role else { return Ok(None) };
    let attached = async {
        aws.iam
            .list_attached_role_policies()
            .role_name(name)
            .send()
            .await
            .map_err(|e| err(format!("listing the policies of {name}"))(describe(&e)))
    };
    let extra = async {
        match aws
            .iam
            .get_role_policy()
            .role_name(name)
            .policy_name(extra_name(name))
            .send()
            .await
        {
            Ok(out) => Ok(parse_policy(&out.policy_document)),
            Err(e)
                if e.as_service_error()
                    .is_some_and(|e| e.is_no_such_entity_exception()) =>
            {
                Ok(None)
            }
            Err(e) => Err(err(format!("reading the inline policy of {name}"))(
                describe(&e),
            )),
        }
    };
    let inline = async {
        let mut inline = Vec::new();
        let mut pages = aws
            .iam
            .list_role_policies()
            .role_name(name)
            .into_paginator()
            .send();
        while let Some(page) = pages.next().await {
            let page = page
                .map_err(|e| err(format!("listing the inline policies of {name}"))(describe(&e)))?;
            inline.extend(page.policy_names().iter().cloned());
        }
        Ok::<_, Failure>(inline)
    };
    let (attached, extra, inline, tags) =
        tokio::join!(attached, extra, inline, role_tags(aws, name));
    Ok(Some(RoleObserved {
        arn: role.arn.clone(),
        boundary: role
            .permissions_boundary
            .as_ref()
            .and_then(|b| b.permissions_boundary_arn.clone()),
        trust: role
            .assume_role_policy_document
            .as_deref()
            .and_then(parse_policy),
        attached: attached?
            .attached_policies
            .unwrap_or_default()
            .into_iter()
            .filter_map(|p| p.policy_arn)
            .collect(),
        extra: extra?,
        inline: inline?,
        tags: tags?,
    }))
}

async fn role_tags(aws: &Aws, role: &str) -> anyhow::Result<BTreeMap<String, String>> {
    Ok(aws
        .iam
        .list_role_tags()
        .role_name(role)
        .send()
        .await
        .map_err(|e| err(format!("reading the tags of {role}"))(describe(&e)))?
        .tags
        .into_iter()
        .map(|t| (t.key, t.value))
        .collect())
}

fn iam_tags(tags: &BTreeMap<String, String>) -> Vec<aws_sdk_iam::types::Tag> {
    tags.iter()
        .filter_map(|(k, v)| {
            aws_sdk_iam::types::Tag::builder()
                .key(k)
                .value(v)
                .build()
                .ok()
        })
        .collect()
}

/// Runs one step. "Already done" answers count as done, so an interrupted run resumes.
async fn apply(aws: &Aws, t: &Desired, step: &Step) -> Result<(), String> {
    let role_of = |name: &str| {
        t.roles
            .iter()
            .find(|r| r.name == name)
            .expect("planned roles are targets")
    };
    let done = |code: Option<&str>, ok: &[&str]| code.is_some_and(|c| ok.contains(&c));
    use aws_sdk_iam::error::ProvideErrorMetadata;
    macro_rules! call {
        ($fut:expr, $ok:expr) => {
            match $fut.await {
                Ok(_) => Ok(()),
                Err(e) if done(e.code(), $ok) => Ok(()),
                Err(e) => Err(describe(&e)),
            }
        };
    }
    match step {
        Step::CreateRole { role } => {
            let r = role_of(role);
            call!(
                aws.iam
                    .create_role()
                    .role_name(role)
                    .path(&t.path)
                    .set_permissions_boundary(t.boundary.clone())
                    .assume_role_policy_document(r.trust.to_string())
                    .description(format!(
                        "ROSA cluster {}: {}",
                        t.cluster,
                        if r.worker {
                            "worker nodes"
                        } else {
                            "operator role"
                        }
                    ))
                    .set_tags(Some(iam_tags(&t.tags)))
                    .send(),
                &["EntityAlreadyExists"]
            )
        }
        Step::UpdateTrust { role } => call!(
            aws.iam
                .update_assume_role_policy()
                .role_name(role)
                .policy_document(role_of(role).trust.to_string())
                .send(),
            &[]
        ),
        Step::AttachPolicy { role, policy_arn } => call!(
            aws.iam
                .attach_role_policy()
                .role_name(role)
                .policy_arn(policy_arn)
                .send(),
            &[]
        ),
        Step::PutExtraPolicy { role } => call!(
            aws.iam
                .put_role_policy()
                .role_name(role)
                .policy_name(extra_name(role))
                .policy_document(role_of(role).extra.clone().unwrap_or_default().to_string())
                .send(),
            &[]
        ),
        Step::TagRole { role } => call!(
            aws.iam
                .tag_role()
                .role_name(role)
                .set_tags(Some(iam_tags(&t.tags)))
                .send(),
            &[]
        ),
        Step::PutBoundary { role, policy_arn } => call!(
            aws.iam
                .put_role_permissions_boundary()
                .role_name(role)
                .permissions_boundary(policy_arn)
                .send(),
            &[]
        ),
        Step::CreateInstanceProfile { profile } => call!(
            aws.iam
                .create_instance_profile()
                .instance_profile_name(profile)
                .path(&t.path)
                .set_tags(Some(iam_tags(&t.tags)))
                .send(),
            &["EntityAlreadyExists"]
        ),
        Step::AddRoleToInstanceProfile { profile, role } => {
            match aws
                .iam
                .add_role_to_instance_profile()
                .instance_profile_name(profile)
                .role_name(role)
                .send()
                .await
            {
                Ok(_) => Ok(()),
                Err(e) if done(e.code(), &["EntityAlreadyExists"]) => Ok(()),
                // The profile is full: done only when what fills it is this role (an add
                // whose answer was lost and was sent again), not someone else's.
                Err(e) if done(e.code(), &["LimitExceeded"]) => {
                    let holds = profile_roles(aws, profile).await?;
                    if holds == [role.clone()] {
                        Ok(())
                    } else {
                        Err(format!(
                            "instance profile {profile} is full and holds {} instead of {role}",
                            holds.join(", ")
                        ))
                    }
                }
                Err(e) => Err(describe(&e)),
            }
        }
        Step::RemoveRoleFromInstanceProfile { profile, role } => call!(
            aws.iam
                .remove_role_from_instance_profile()
                .instance_profile_name(profile)
                .role_name(role)
                .send(),
            &["NoSuchEntity"]
        ),
        Step::DeleteInstanceProfile { profile } => call!(
            aws.iam
                .delete_instance_profile()
                .instance_profile_name(profile)
                .send(),
            &["NoSuchEntity"]
        ),
        Step::DetachPolicy { role, policy_arn } => call!(
            aws.iam
                .detach_role_policy()
                .role_name(role)
                .policy_arn(policy_arn)
                .send(),
            &["NoSuchEntity"]
        ),
        Step::DeleteExtraPolicy { role } => call!(
            aws.iam
                .delete_role_policy()
                .role_name(role)
                .policy_name(extra_name(role))
                .send(),
            &["NoSuchEntity"]
        ),
        Step::DeleteRole { role } => call!(
            aws.iam.delete_role().role_name(role).send(),
            &["NoSuchEntity"]
        ),
        Step::DetachForeignPolicy { role, policy_arn } => call!(
            aws.iam
                .detach_role_policy()
                .role_name(role)
                .policy_arn(policy_arn)
                .send(),
            &["NoSuchEntity"]
        ),
        Step::DeleteForeignInline { role, policy } => call!(
            aws.iam
                .delete_role_policy()
                .role_name(role)
                .policy_name(policy)
                .send(),
            &["NoSuchEntity"]
        ),
    }
}

pub fn summary(step: &Step) -> String {
    match step {
        Step::CreateRole { role } => format!("create role {role}"),
        Step::UpdateTrust { role } => format!("set the trust policy of {role}"),
        Step::AttachPolicy { role, policy_arn } => format!("attach {policy_arn} to {role}"),
        Step::PutExtraPolicy { role } => {
            format!("set the inline policy {} of {role}", extra_name(role))
        }
        Step::TagRole { role } => format!("tag {role}"),
        Step::PutBoundary { role, policy_arn } => {
            format!("set permissions boundary {policy_arn} on {role}")
        }
        Step::CreateInstanceProfile { profile } => format!("create instance profile {profile}"),
        Step::AddRoleToInstanceProfile { profile, role } => {
            format!("add {role} to instance profile {profile}")
        }
        Step::RemoveRoleFromInstanceProfile { profile, role } => {
            format!("remove {role} from instance profile {profile}")
        }
        Step::DeleteInstanceProfile { profile } => format!("delete instance profile {profile}"),
        Step::DetachPolicy { role, policy_arn } => format!("detach {policy_arn} from {role}"),
        Step::DeleteExtraPolicy { role } => format!("delete the inline policy of {role}"),
        Step::DeleteRole { role } => format!("delete role {role}"),
        Step::DetachForeignPolicy { role, policy_arn } => format!(
            "detach {policy_arn} from {role}: the role needs only its own policy, extra permissions are removed"
        ),
        Step::DeleteForeignInline { role, policy } => format!(
            "delete inline policy {policy} of {role}: rosactl did not write it, extra permissions are removed"
        ),
    }
}

/// The roles instance profile `profile` holds.
async fn profile_roles(aws: &Aws, profile: &str) -> Result<Vec<String>, String> {
    let out = aws
        .iam
        .get_instance_profile()
        .instance_profile_name(profile)
        .send()
        .await
        .map_err(|e| format!("reading instance profile {profile}: {}", describe(&e)))?;
    Ok(out
        .instance_profile
        .map(|p| p.roles.into_iter().map(|r| r.role_name).collect())
        .unwrap_or_default())
}

/// The worker instance profile of cluster `name`, when `cluster-iam create` made it.
pub async fn worker_profile(aws: &Aws, name: &str) -> anyhow::Result<Option<String>> {
    if name.len() > MAX_NAME {
        return Ok(None);
    }
    let profile = format!("{name}-{WORKER_SUFFIX}");
    match aws
        .iam
        .get_instance_profile()
        .instance_profile_name(&profile)
        .send()
        .await
    {
        Ok(out) => {
            let tags: BTreeMap<String, String> = out
                .instance_profile
                .and_then(|p| p.tags)
                .unwrap_or_default()
                .into_iter()
                .map(|t| (t.key, t.value))
                .collect();
            Ok(ours(&tags, name).then_some(profile))
        }
        Err(e)
            if e.as_service_error()
                .is_some_and(|e| e.is_no_such_entity_exception()) =>
        {
            Ok(None)
        }
        Err(e) => Err(err(format!("reading instance profile {profile}"))(describe(&e)).into()),
    }
}

/// What `cluster create` finds of cluster-iam's roles.
pub enum RolesRef {
    /// All seven operator roles are rosactl's: the `rolesRef` object.
    Found(Value),
    /// None of them exists.
    NotMade,
    /// Some exist, these do not.
    Partial(Vec<String>),
    /// IAM could not be read (the caller may lack iam:GetRole): why.
    Unreadable(String),
}

/// The `rolesRef` of cluster `name` from the roles `cluster-iam create` made.
pub async fn roles_ref(aws: &Aws, name: &str) -> RolesRef {
    if name.len() > MAX_NAME {
        return RolesRef::NotMade;
    }
    let t = desired(name, None, aws.partition(), &aws.account_id);
    let seen = match observe(aws, &t, false).await {
        Ok(seen) => seen,
        Err(e) => return RolesRef::Unreadable(format!("{e:#}")),
    };
    let operator: Vec<&RoleTarget> = t.roles.iter().filter(|r| r.roles_ref.is_some()).collect();
    let (present, missing): (Vec<&RoleTarget>, Vec<&RoleTarget>) = operator
        .iter()
        .partition(|r| seen.roles.get(&r.name).is_some_and(|s| ours(&s.tags, name)));
    if present.is_empty() {
        return RolesRef::NotMade;
    }
    if !missing.is_empty() {
        return RolesRef::Partial(missing.iter().map(|r| r.name.clone()).collect());
    }
    RolesRef::Found(Value::Object(
        present
            .iter()
            .map(|r| {
                // The ARN IAM answered: it carries the path the role was created under.
                let arn = seen.roles.get(&r.name).map_or(&r.arn, |s| &s.arn);
                (r.roles_ref.unwrap_or_default().to_string(), json!(arn))
            })
            .collect(),
    ))
}

/// Converges the roles of `t`: observe, plan, apply (for `cluster-iam create`, and for
/// `cluster-oidc create` once the issuer is known). With `dry_run`, the plan only. Returns
/// the plan and what exists after.
pub async fn converge(
    aws: &Aws,
    t: &Desired,
    dry_run: bool,
    progress: Progress<'_>,
) -> anyhow::Result<(Vec<Step>, Observed)> {
    let seen = observe(aws, t, true).await?;
    let steps = plan_create(t, &seen).map_err(|refused| {
        Failure::new(
            Exit::Failed,
            format!(
                "cluster-iam create {}: nothing was changed:\n{}",
                t.cluster,
                refused.join("\n")
            ),
        )
    })?;
    if dry_run || steps.is_empty() {
        return Ok((steps, seen));
    }
    apply_all(
        aws,
        t,
        &steps,
        "cluster-iam",
        "continue from there",
        progress,
    )
    .await?;
    let seen = observe(aws, t, false).await?;
    Ok((steps, seen))
}

/// The roles and the profile a step acts on.
fn touches(step: &Step) -> Vec<String> {
    let role = |r: &str| format!("role {r}");
    let profile = |p: &str| format!("profile {p}");
    match step {
        Step::CreateRole { role: r }
        | Step::UpdateTrust { role: r }
        | Step::AttachPolicy { role: r, .. }
        | Step::PutExtraPolicy { role: r }
        | Step::TagRole { role: r }
        | Step::PutBoundary { role: r, .. }
        | Step::DetachPolicy { role: r, .. }
        | Step::DeleteExtraPolicy { role: r }
        | Step::DeleteRole { role: r }
        | Step::DetachForeignPolicy { role: r, .. }
        | Step::DeleteForeignInline { role: r, .. } => vec![role(r)],
        Step::CreateInstanceProfile { profile: p } | Step::DeleteInstanceProfile { profile: p } => {
            vec![profile(p)]
        }
        Step::AddRoleToInstanceProfile {
            profile: p,
            role: r,
        }
        | Step::RemoveRoleFromInstanceProfile {
            profile: p,
            role: r,
        } => vec![profile(p), role(r)],
    }
}

/// The steps each step waits for (places in `steps`, all earlier): the last earlier step on
/// each role or profile it acts on. Steps on one role go in plan order; different roles go
/// at once; adding the worker role to its profile waits for both.
pub fn graph(steps: &[Step]) -> Vec<Vec<usize>> {
    steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let mut after: Vec<usize> = touches(step)
                .iter()
                .filter_map(|t| (0..i).rev().find(|&j| touches(&steps[j]).contains(t)))
                .collect();
            after.sort();
            after.dedup();
            after
        })
        .collect()
}

/// Applies `steps` as their [`graph`] allows: every step whose steps before it are done
/// starts at once. The first failure starts nothing new; the steps in flight finish, and the
/// error says how far the run got (a re-run plans from what exists, so it continues).
pub async fn apply_all(
    aws: &Aws,
    t: &Desired,
    steps: &[Step],
    command: &str,
    then: &str,
    progress: Progress<'_>,
) -> Result<(), Failure> {
    let after = graph(steps);
    let mut done = vec![false; steps.len()];
    let mut started = vec![false; steps.len()];
    let mut failed: Option<(usize, String)> = None;
    let mut running = futures_util::stream::FuturesUnordered::new();
    loop {
        if failed.is_none() {
            for (i, step) in steps.iter().enumerate() {
                if !started[i] && after[i].iter().all(|&j| done[j]) {
                    started[i] = true;
                    progress(&summary(step));
                    running.push(async move { (i, apply(aws, t, step).await) });
                }
            }
        }
        let Some((i, result)) = futures_util::StreamExt::next(&mut running).await else {
            break;
        };
        match result {
            Ok(()) => done[i] = true,
            Err(e) => {
                failed.get_or_insert((i, e));
            }
        }
    }
    match failed {
        None => Ok(()),
        Some((i, e)) => Err(Failure::new(
            Exit::Failed,
            format!(
                "{command} {}: {} failed: {e}; {} of {} steps done; run it again to {then}",
                t.cluster,
                summary(&steps[i]),
                done.iter().filter(|d| **d).count(),
                steps.len()
            ),
        )),
    }
}

/// The clusters whose roles rosactl made in this account, with how many of their roles exist.
pub async fn list(aws: &Aws) -> anyhow::Result<BTreeMap<String, usize>> {
    let mut clusters: BTreeMap<String, usize> = BTreeMap::new();
    let mut pages = aws.iam.list_roles().into_paginator().send();
    while let Some(page) = pages.next().await {
        let page = page.map_err(|e| err("listing roles".into())(describe(&e)))?;
        for role in page.roles() {
            let Some(cluster) = role.role_name().strip_suffix(&format!("-{WORKER_SUFFIX}")) else {
                continue;
            };
            let tags = role_tags(aws, role.role_name()).await?;
            if ours(&tags, cluster) {
                let t = desired(cluster, None, aws.partition(), &aws.account_id);
                let seen = observe(aws, &t, false).await?;
                clusters.insert(cluster.to_string(), seen.roles.len());
            }
        }
    }
    Ok(clusters)
}

/// How many roles a complete set has (seven operator roles and the worker role).
pub const ROLES: usize = OPERATOR_ROLES.len() + 1;

#[cfg(test)]
mod tests {
    use super::*;

    fn seen_all(t: &Desired) -> Observed {
        Observed {
            roles: t
                .roles
                .iter()
                .map(|r| {
                    (
                        r.name.clone(),
                        RoleObserved {
                            arn: r.arn.clone(),
                            boundary: t.boundary.clone(),
                            trust: Some(r.trust.clone()),
                            attached: r.managed.clone(),
                            extra: r.extra.clone(),
                            inline: r.extra.iter().map(|_| extra_name(&r.name)).collect(),
                            tags: t.tags.clone(),
                        },
                    )
                })
                .collect(),
            profile: Some((vec![t.roles.last().unwrap().name.clone()], t.tags.clone())),
            missing_policies: Vec::new(),
        }
    }

    #[test]
    fn a_fresh_set_of_roles_is_built_side_by_side() {
        let t = desired(
            "c1",
            Some("https://d1.cloudfront.net/abc"),
            "aws",
            "123456789012",
        );
        let steps = plan_create(&t, &Observed::default()).unwrap();
        let after = graph(&steps);
        let mut depth = vec![0usize; steps.len()];
        for (i, a) in after.iter().enumerate() {
            assert!(a.iter().all(|&j| j < i));
            depth[i] = 1 + a.iter().map(|&j| depth[j]).max().unwrap_or(0);
        }
        for (i, step) in steps.iter().enumerate() {
            match step {
                // Every role and the profile start at once.
                Step::CreateRole { .. } | Step::CreateInstanceProfile { .. } => {
                    assert!(after[i].is_empty(), "{step:?} waits for {:?}", after[i])
                }
                // The worker joins its profile once both exist.
                Step::AddRoleToInstanceProfile { profile, role } => {
                    let waits: Vec<&Step> = after[i].iter().map(|&j| &steps[j]).collect();
                    assert!(waits.iter().any(
                        |s| matches!(s, Step::CreateInstanceProfile { profile: p } if p == profile)
                    ));
                    assert!(
                        waits
                            .iter()
                            .any(|s| touches(s).contains(&format!("role {role}")))
                    );
                }
                // A role's other steps wait for that role only.
                other => {
                    let mine = touches(other);
                    assert!(
                        after[i]
                            .iter()
                            .all(|&j| touches(&steps[j]).iter().any(|t| mine.contains(t)))
                    );
                    assert_eq!(after[i].len(), 1, "{other:?}");
                }
            }
        }
        // The longest chain is one role's own steps (and the profile), not the sum of all.
        let most_per_role = t
            .roles
            .iter()
            .map(|r| {
                steps
                    .iter()
                    .filter(|s| touches(s).contains(&format!("role {}", r.name)))
                    .count()
            })
            .max()
            .unwrap();
        assert_eq!(depth.iter().max().copied(), Some(most_per_role));
        assert!(
            most_per_role * 4 < steps.len(),
            "{} steps, {most_per_role} in a row",
            steps.len()
        );
    }

    #[test]
    fn roles_trust_the_issuer_and_a_complete_set_needs_nothing() {
        let t = desired(
            "c1",
            Some("https://d1.cloudfront.net/abc"),
            "aws",
            "123456789012",
        );
        assert_eq!(t.roles.len(), 8);
        let ingress = &t.roles[0];
        assert_eq!(ingress.name, "c1-ingress");
        assert_eq!(
            ingress.trust["Statement"][0]["Condition"]["StringEquals"]["d1.cloudfront.net/abc:sub"],
            "system:serviceaccount:openshift-ingress-operator:ingress-operator"
        );
        assert_eq!(
            ingress.trust["Statement"][0]["Condition"]["StringEquals"]["d1.cloudfront.net/abc:aud"],
            "openshift"
        );
        assert_eq!(
            ingress.managed,
            ["arn:aws:iam::aws:policy/service-role/ROSAIngressOperatorPolicy"]
        );
        assert_eq!(
            t.roles[7].managed[1],
            "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
        );
        let all = seen_all(&t);
        assert!(plan_create(&t, &all).unwrap().is_empty());
        // The issuer becomes known: only the operator roles' trust changes.
        let before = desired("c1", None, "aws", "123456789012");
        let steps = plan_create(&t, &seen_all(&before)).unwrap();
        assert_eq!(steps.len(), 7);
        assert!(steps.iter().all(|s| matches!(s, Step::UpdateTrust { .. })));
        // Fresh: 8 roles, 9 attachments, 2 inline policies, the profile and its role.
        let fresh = plan_create(&t, &Observed::default()).unwrap();
        assert_eq!(fresh.len(), 8 + 9 + 2 + 2);
        // Not ours, or a missing managed policy: refused.
        let mut foreign = all.clone();
        foreign.roles.get_mut("c1-ebs-csi").unwrap().tags.clear();
        assert!(plan_create(&t, &foreign).unwrap_err()[0].contains("does not adopt"));
        let mut missing = Observed::default();
        missing
            .missing_policies
            .push("arn:aws-cn:iam::aws:policy/service-role/ROSAIngressOperatorPolicy".into());
        assert!(
            plan_create(&t, &missing).unwrap_err()[0]
                .contains("does not exist in this account's partition")
        );
        // Delete: profile first, then each role's policies, then the role.
        let (steps, kept) = plan_delete(&t, &all).unwrap();
        assert!(kept.is_empty());
        assert_eq!(
            steps[0],
            Step::RemoveRoleFromInstanceProfile {
                profile: "c1-ROSA-Worker-Role".into(),
                role: "c1-ROSA-Worker-Role".into()
            }
        );
        assert_eq!(
            steps
                .iter()
                .filter(|s| matches!(s, Step::DeleteRole { .. }))
                .count(),
            8
        );
        assert_eq!(MAX_NAME, 43);
    }

    #[test]
    fn extra_permissions_are_removed_and_a_foreign_inline_policy_blocks_delete() {
        let t = desired(
            "c1",
            Some("https://d1.cloudfront.net/abc"),
            "aws",
            "123456789012",
        );
        let mut seen = seen_all(&t);
        let admin = "arn:aws:iam::aws:policy/AdministratorAccess".to_string();
        let ingress = seen.roles.get_mut("c1-ingress").unwrap();
        ingress.attached.push(admin.clone());
        ingress.inline.push("allow-all".into());
        let steps = plan_create(&t, &seen).unwrap();
        assert_eq!(
            steps,
            [
                Step::DetachForeignPolicy {
                    role: "c1-ingress".into(),
                    policy_arn: admin
                },
                Step::DeleteForeignInline {
                    role: "c1-ingress".into(),
                    policy: "allow-all".into()
                },
            ]
        );
        assert!(summary(&steps[0]).contains("extra permissions are removed"));
        let refused = plan_delete(&t, &seen).unwrap_err();
        assert_eq!(refused.len(), 1, "{refused:?}");
        assert!(
            refused[0].contains("c1-ingress has inline policy allow-all"),
            "{refused:?}"
        );
        // A foreign role in our profile: refused, named.
        let mut full = seen_all(&t);
        full.profile.as_mut().unwrap().0 = vec!["someone-else".into()];
        let refused = plan_create(&t, &full).unwrap_err();
        assert!(
            refused[0].contains("holds role someone-else"),
            "{refused:?}"
        );
    }
}
