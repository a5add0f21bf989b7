//! The cluster resources rosactl makes in the customer's account, beside the deploy engine
//! (`deploy/`) and in its vocabulary: per resource a target (what should exist), what was
//! observed, a pure plan of steps, and an apply that runs them. One module per resource:
//! [`network`] (the VPC and what goes with it), [`iam`] (the operator roles and the worker
//! role), [`oidc`] (the issuer's IAM OIDC provider). No clap types and no printing here:
//! commands pass options in, hear progress through a [`Progress`] callback, and render.
//!
//! What they share lives here: the tags that say a resource is a cluster's and rosactl's,
//! the name rules, an issuer's provider ARN, and the one way to say what a run did.

pub mod iam;
pub mod network;
pub mod oidc;

use std::collections::BTreeMap;

pub use crate::deploy::names::{MANAGED_BY, TAG_MANAGED_BY};
use crate::exit::Failure;

/// The tag naming the cluster a resource was made for.
pub const TAG_CLUSTER_NAME: &str = "rosa:cluster-name";

/// Told each step as it is applied (a command prints it; a test may count it).
pub type Progress<'a> = &'a dyn Fn(&str);

/// Whether `tags` say the resource is `cluster`'s and was made by rosactl. A resource with
/// one of our names and without these tags is never adopted, changed or deleted.
pub fn owned(tags: &BTreeMap<String, String>, cluster: &str) -> bool {
    tags.get(TAG_MANAGED_BY).map(String::as_str) == Some(MANAGED_BY)
        && tags.get(TAG_CLUSTER_NAME).map(String::as_str) == Some(cluster)
}

/// The ARN of the IAM OIDC provider for `issuer` (`https://HOST/PATH` or `HOST/PATH`).
pub fn provider_arn(partition: &str, account: &str, issuer: &str) -> String {
    format!(
        "arn:{partition}:iam::{account}:oidc-provider/{}",
        issuer_host_path(issuer)
    )
}

/// An issuer as IAM names it: host and path, no scheme, no trailing slash.
pub fn issuer_host_path(issuer: &str) -> String {
    issuer
        .trim_start_matches("https://")
        .trim_end_matches('/')
        .to_string()
}

/// What a run did, said one way by every cluster command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The plan had this many steps; nothing was changed.
    DryRun(usize),
    /// Nothing to change.
    UpToDate,
    /// This many steps were applied.
    Applied(usize),
}

impl Outcome {
    pub fn of(dry_run: bool, steps: usize) -> Outcome {
        match (dry_run, steps) {
            (true, n) => Outcome::DryRun(n),
            (false, 0) => Outcome::UpToDate,
            (false, n) => Outcome::Applied(n),
        }
    }

    /// `COMMAND NAME: N steps (dry run, nothing was changed)`, `NAME: up to date, nothing
    /// to change`, `NAME: N steps applied`.
    pub fn line(&self, command: &str, name: &str) -> String {
        match self {
            Outcome::DryRun(n) => {
                format!("{command} {name}: {n} steps (dry run, nothing was changed)")
            }
            Outcome::UpToDate => format!("{name}: up to date, nothing to change"),
            Outcome::Applied(n) => format!("{name}: {n} steps applied"),
        }
    }
}

/// The longest cluster name the platform accepts (it names `cluster-<uuid>-<name>`, which must
/// fit 63 characters; CLUSTERS-MGMT-CREATE-006).
pub const MAX_CLUSTER_NAME: usize = 18;

/// Why `name` is not a DNS label of `min..=max` characters (lowercase letters, digits, '-',
/// starting and ending with a letter or digit), or `None`.
pub fn dns_label_problem(name: &str, min: usize, max: usize) -> Option<String> {
    let b = name.as_bytes();
    if !(min..=max).contains(&b.len()) {
        return Some(format!("{} characters, expected {min} to {max}", b.len()));
    }
    if let Some(c) = name
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'))
    {
        return Some(format!("{c:?} is not a lowercase letter, digit or '-'"));
    }
    if b[0] == b'-' || b[b.len() - 1] == b'-' {
        return Some("it starts or ends with '-'".into());
    }
    None
}

/// A cluster name the platform accepts, checked before any AWS or Platform API call (so that
/// `cluster-vpc` and `cluster-iam` never make resources under a name the cluster cannot have).
pub fn check_name(name: &str) -> Result<(), Failure> {
    match dns_label_problem(name, 3, MAX_CLUSTER_NAME) {
        None => Ok(()),
        Some(why) => Err(Failure::usage(format!(
            "--name: expected 3 to {MAX_CLUSTER_NAME} lowercase letters, digits or '-', starting and ending with a letter or digit (^[a-z0-9]([a-z0-9-]*[a-z0-9])?$; the platform refuses longer names), got {name:?}: {why}"
        ))),
    }
}

/// A node-pool name: the same pattern; on the management cluster it becomes
/// `<cluster>-<pool>`, which must fit 63 characters.
pub fn check_pool_name(name: &str) -> Result<(), Failure> {
    match dns_label_problem(name, 1, 63 - MAX_CLUSTER_NAME - 1) {
        None => Ok(()),
        Some(why) => Err(Failure::usage(format!(
            "NAME: expected a node-pool name of 1 to {} lowercase letters, digits or '-', starting and ending with a letter or digit, got {name:?}: {why}",
            63 - MAX_CLUSTER_NAME - 1
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_provider_arn_and_one_way_to_say_what_was_done() {
        for issuer in [
            "https://oidc.example.com/abc",
            "oidc.example.com/abc/",
            "https://oidc.example.com/abc/",
        ] {
            assert_eq!(
                provider_arn("aws-cn", "123456789012", issuer),
                "arn:aws-cn:iam::123456789012:oidc-provider/oidc.example.com/abc"
            );
        }
        assert_eq!(
            Outcome::of(true, 3).line("cluster-vpc create", "c1"),
            "cluster-vpc create c1: 3 steps (dry run, nothing was changed)"
        );
        assert_eq!(
            Outcome::of(false, 0).line("x", "c1"),
            "c1: up to date, nothing to change"
        );
        assert_eq!(Outcome::of(false, 2).line("x", "c1"), "c1: 2 steps applied");
        let tags = BTreeMap::from([
            (TAG_MANAGED_BY.to_string(), MANAGED_BY.to_string()),
            (TAG_CLUSTER_NAME.to_string(), "c1".to_string()),
        ]);
        assert!(owned(&tags, "c1") && !owned(&tags, "c2"));
    }
}
