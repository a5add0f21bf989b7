//! What one command wants of the account: the fixed names ([`Account`]) plus a per-command
//! target. `setup-account` wants packages, an invoker and a retention; `update-lambdas` wants
//! packages and one alias on them; `promote-lambdas` and `rollback-lambdas` want aliases
//! moved and nothing else. Commands that only read (status, logs) need the account alone.

use std::collections::BTreeMap;

use base64::Engine;
use rosa_lambda_packaging::RUNTIME;
use serde::Serialize;
use serde_json::Value;

use super::account::{Account, FunctionNames};
use super::names::{self, MANAGED_BY, TAG_COMPONENT, TAG_MANAGED_BY, TAG_VERSION};
use super::role_regions::RoleRegions;
use crate::payloads::Package;

/// An embedded package and everything derived from it for one function.
#[derive(Debug, Clone)]
pub struct PackageTarget {
    pub package: Package,
    pub object_key: String,
    /// Lambda's `CodeSha256`: the base64 of the zip's SHA-256.
    pub code_sha256: String,
    /// Written on each published version: ties it to the manifest.
    pub version_description: String,
    /// The function's tags: [`PackageTarget::resource_tags`] and the recorded operating
    /// settings ([`super::operating`]), which belong on the function only.
    pub tags: BTreeMap<String, String>,
    /// The role's and the log group's tags: the account's, rosactl's and the version.
    pub resource_tags: BTreeMap<String, String>,
    pub trust_policy: Value,
    pub execution_policy: Value,
    /// X-Ray active tracing (`TracingConfig` `Active`; `PassThrough` otherwise).
    pub tracing: bool,
    /// Reserved concurrency; None: the function draws on the account's unreserved pool.
    pub reserved_concurrency: Option<i32>,
    /// The function's alarms (none unless the account's operating settings ask for them).
    pub alarms: Vec<super::alarms::AlarmSpec>,
}

impl PackageTarget {
    pub fn new(names: &FunctionNames, account: &Account, package: Package) -> Self {
        let spec = names.spec;
        let operating = &account.rules.operating;
        // The account's rules and the organisation's tags first: rosactl's own win.
        let owned_tags: BTreeMap<String, String> = account
            .rules
            .resource_tags()
            .into_iter()
            .chain([
                (TAG_COMPONENT.to_string(), spec.component.to_string()),
                (TAG_MANAGED_BY.to_string(), MANAGED_BY.to_string()),
            ])
            .collect();
        let resource_tags: BTreeMap<String, String> = owned_tags
            .clone()
            .into_iter()
            .chain([(TAG_VERSION.to_string(), package.manifest.version.clone())])
            .collect();
        let digest = hex::decode(&package.manifest.sha256).unwrap_or_default();
        PackageTarget {
            object_key: names::object_key(spec, &package.manifest.sha256),
            code_sha256: base64::engine::general_purpose::STANDARD.encode(digest),
            version_description: format!(
                "rosactl {} {} sha256:{}",
                spec.component, package.manifest.version, package.manifest.sha256
            ),
            tags: resource_tags
                .clone()
                .into_iter()
                .chain(operating.tags())
                .collect(),
            resource_tags,
            trust_policy: names::trust_policy(),
            execution_policy: names::execution_policy(
                spec,
                &names.log_group,
                &account.partition,
                &account.account,
                operating.tracing,
            ),
            tracing: operating.tracing,
            reserved_concurrency: operating.reserved(spec.function_name),
            alarms: match operating.alarms {
                false => Vec::new(),
                true => super::alarms::KINDS
                    .iter()
                    .map(|&kind| super::alarms::AlarmSpec {
                        name: super::alarms::alarm_name(&names.function_name, kind),
                        kind,
                        function_name: names.function_name.clone(),
                        topic: operating.alarm_topic.clone(),
                        // No rosa:version: a new release would re-tag every alarm.
                        tags: owned_tags.clone(),
                    })
                    .collect(),
            },
            package,
        }
    }
}

impl PackageTarget {
    /// The function's alarm of `kind`, when alarms are wanted.
    pub fn alarm(&self, kind: super::alarms::AlarmKind) -> Option<&super::alarms::AlarmSpec> {
        self.alarms.iter().find(|a| a.kind == kind)
    }
}

/// Where one alias should point.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "goal", rename_all = "snake_case")]
pub enum AliasGoal {
    /// The version holding the embedded package. `move_existing: false` only creates a
    /// missing alias (setup never moves one); `true` also moves it (update).
    Embedded { move_existing: bool },
    /// The version another alias points at (promote).
    Follow { alias: String },
    /// Keep the current version primary and send `percent` of invocations to the version
    /// `alias` points at (promote --canary).
    Canary { alias: String, percent: u8 },
    /// Make the canary version primary and drop the routing weights (promote --finish).
    FinishCanary,
    /// Back to the version before the last recorded move (or an explicit version); a canary
    /// in progress is aborted (rollback).
    Rollback { to_version: Option<String> },
}

#[derive(Debug, Clone)]
pub struct Desired {
    pub account: Account,
    /// The functions this command acts on, in catalog order.
    pub selected: Vec<&'static str>,
    /// Embedded packages by function name (empty for commands that only move aliases).
    pub packages: BTreeMap<&'static str, PackageTarget>,
    /// The only principal allowed to invoke `prod` (setup only).
    pub invoker_arn: Option<String>,
    /// Log retention (setup only): at least this long; a longer one is kept.
    pub retention: Option<super::names::Retention>,
    /// The customer-managed KMS key the log groups are encrypted with (setup only).
    pub log_kms_key_arn: Option<String>,
    /// Alias goals by function name, then alias name.
    pub aliases: BTreeMap<&'static str, BTreeMap<String, AliasGoal>>,
    pub bucket_policy: Value,
    pub bucket_tags: BTreeMap<String, String>,
    /// The dashboard's name and body, when the account's operating settings ask for one
    /// (setup only: other commands leave the dashboard alone).
    pub dashboard: Option<(String, Value)>,
}

impl Desired {
    /// What `name`'s execution role records after this run: the regions its tags already
    /// name (none for a role not there yet) and this one, with this deployment's tracing.
    pub fn role_regions(
        &self,
        pkg: &PackageTarget,
        role_tags: Option<&BTreeMap<String, String>>,
    ) -> RoleRegions {
        role_tags
            .map(RoleRegions::from_tags)
            .unwrap_or_default()
            .with(&self.account.region, pkg.tracing)
    }

    /// `name`'s execution role's tags when `regions` use it: rosactl's and the account's (when
    /// this command deploys a package: setup) and the region record (alone for cleanup-account,
    /// which only rewrites the record of a role another region still uses).
    pub fn role_tags(&self, name: &str, regions: &RoleRegions) -> BTreeMap<String, String> {
        self.packages
            .get(name)
            .map(|p| p.resource_tags.clone())
            .unwrap_or_default()
            .into_iter()
            .chain(regions.tags())
            .collect()
    }

    /// `name`'s execution policy, with the X-Ray statement or without.
    pub fn execution_policy(&self, name: &str, tracing: bool) -> Value {
        let names = self.names(name);
        names::execution_policy(
            names.spec,
            &names.log_group,
            &self.account.partition,
            &self.account.account,
            tracing,
        )
    }

    /// A target with nothing in it yet, for `selected` functions of `account`.
    pub fn new(account: Account, selected: Vec<&'static str>) -> Self {
        Desired {
            bucket_policy: names::bucket_policy(&account.partition, &account.bucket),
            bucket_tags: account
                .rules
                .resource_tags()
                .into_iter()
                .chain([(TAG_MANAGED_BY.to_string(), MANAGED_BY.to_string())])
                .collect(),
            account,
            selected,
            packages: BTreeMap::new(),
            invoker_arn: None,
            retention: None,
            log_kms_key_arn: None,
            aliases: BTreeMap::new(),
            dashboard: None,
        }
    }

    /// Adds the embedded packages of the selected functions.
    pub fn with_packages(mut self, packages: Vec<Package>) -> Self {
        for package in packages {
            let name = package.spec.function_name;
            if !self.selected.contains(&name) {
                continue;
            }
            let names = self
                .account
                .function(name)
                .expect("every package is in the catalog");
            let target = PackageTarget::new(names, &self.account, package);
            self.packages.insert(name, target);
        }
        self
    }

    /// The same goal for `alias` on every selected function.
    pub fn with_alias(mut self, alias: &str, goal: AliasGoal) -> Self {
        for name in &self.selected {
            self.aliases
                .entry(name)
                .or_default()
                .insert(alias.to_string(), goal.clone());
        }
        self
    }

    pub fn names(&self, function: &str) -> &FunctionNames {
        self.account
            .function(function)
            .expect("selected functions are in the catalog")
    }

    pub fn runtime(&self) -> &'static str {
        RUNTIME
    }
}
