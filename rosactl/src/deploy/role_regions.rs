//! The regions an execution role serves.
//!
//! IAM roles are global to the account while the functions are regional: one role
//! (`<prefix>rosa-oidc-provisioner-role`, ...) serves the function of that name in every region
//! the account runs it in. So that `setup-account` in one region does not undo another's, the
//! role's policy holds nothing regional (its log statement names the function's log group in
//! any region of the account) and the role records, as two tags, the regions whose functions
//! use it and those among them with X-Ray tracing on:
//!
//! * `rosa:regions` — e.g. `us-east-1 us-west-2`;
//! * `rosa:traced-regions` — the regions with `--tracing active` (empty value for none).
//!
//! A run in a region adds itself (and its tracing) and keeps the others; the X-Ray statement
//! is on the policy while any region traces. `cleanup-account` in a region removes only that
//! region, and deletes the role when no other region is left. A role written before these
//! tags (one region only) is migrated by the next run in each region: the tags are added and
//! the policy's log statement loses its region.

use std::collections::{BTreeMap, BTreeSet};

pub const TAG_REGIONS: &str = "rosa:regions";
pub const TAG_TRACED_REGIONS: &str = "rosa:traced-regions";

#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct RoleRegions {
    /// Regions whose functions use the role.
    pub regions: BTreeSet<String>,
    /// Of those, the ones with active tracing.
    pub traced: BTreeSet<String>,
}

fn split(value: Option<&String>) -> BTreeSet<String> {
    value
        .map(|v| v.split_whitespace().map(str::to_string).collect())
        .unwrap_or_default()
}

impl RoleRegions {
    /// What a role's tags record (nothing for a role written before the tags).
    pub fn from_tags(tags: &BTreeMap<String, String>) -> Self {
        let regions = split(tags.get(TAG_REGIONS));
        // A traced region the role does not serve is not one (the tag was edited by hand).
        let traced = split(tags.get(TAG_TRACED_REGIONS))
            .intersection(&regions)
            .cloned()
            .collect();
        RoleRegions { regions, traced }
    }

    /// The same record with `region` using the role, traced or not.
    pub fn with(mut self, region: &str, tracing: bool) -> Self {
        self.regions.insert(region.to_string());
        if tracing {
            self.traced.insert(region.to_string());
        } else {
            self.traced.remove(region);
        }
        self
    }

    /// The same record without `region` (its functions are being deleted).
    pub fn without(mut self, region: &str) -> Self {
        self.regions.remove(region);
        self.traced.remove(region);
        self
    }

    /// Whether the role's policy needs the X-Ray statement.
    pub fn any_traced(&self) -> bool {
        !self.traced.is_empty()
    }

    /// The two tags, always both (an empty `rosa:traced-regions` says none traces, so that a
    /// region turning tracing off overwrites the value instead of needing an untag).
    pub fn tags(&self) -> [(String, String); 2] {
        let join = |s: &BTreeSet<String>| s.iter().cloned().collect::<Vec<_>>().join(" ");
        [
            (TAG_REGIONS.to_string(), join(&self.regions)),
            (TAG_TRACED_REGIONS.to_string(), join(&self.traced)),
        ]
    }

    /// IAM's limit on a tag value: a record naming more regions than fit is refused before
    /// any write (about 17 regions of 14 characters).
    pub const MAX_TAG_VALUE: usize = 256;

    /// Why the record cannot be written as tags, if it cannot.
    pub fn too_long(&self) -> Option<String> {
        self.tags()
            .iter()
            .find(|(_, v)| v.chars().count() > Self::MAX_TAG_VALUE)
            .map(|(k, v)| {
                format!(
                    "{k} would name {} regions ({} characters; IAM allows {} in a tag value)",
                    v.split_whitespace().count(),
                    v.chars().count(),
                    Self::MAX_TAG_VALUE
                )
            })
    }

    /// The regions, for a message: `us-east-1, us-west-2`.
    pub fn listed(&self) -> String {
        self.regions.iter().cloned().collect::<Vec<_>>().join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn each_region_adds_itself_and_keeps_the_others() {
        let first = RoleRegions::default().with("us-east-1", false);
        let recorded = tags(&[
            (TAG_REGIONS, &first.tags()[0].1),
            (TAG_TRACED_REGIONS, &first.tags()[1].1),
        ]);
        let second = RoleRegions::from_tags(&recorded).with("us-west-2", true);
        assert_eq!(second.tags()[0].1, "us-east-1 us-west-2");
        assert_eq!(second.tags()[1].1, "us-west-2");
        assert!(second.any_traced());
        // A re-run in either region with its own settings changes nothing.
        let written: BTreeMap<String, String> = second.tags().into_iter().collect();
        let recorded_in = |r: RoleRegions, tags: &BTreeMap<String, String>| {
            r.tags().iter().all(|(k, v)| tags.get(k) == Some(v))
        };
        let again = RoleRegions::from_tags(&written);
        assert!(recorded_in(
            again.clone().with("us-east-1", false),
            &written
        ));
        assert!(recorded_in(again.clone().with("us-west-2", true), &written));
        // Turning tracing off in the traced region drops the X-Ray need.
        assert!(!again.clone().with("us-west-2", false).any_traced());
        // Leaving a region keeps the other.
        let left = again.without("us-west-2");
        assert_eq!(left.regions.len(), 1);
        assert!(!left.any_traced());
        assert!(left.without("us-east-1").regions.is_empty());
    }

    #[test]
    fn a_record_too_long_for_a_tag_value_is_named() {
        // 12-character names: 19 take 19 * 12 + 18 = 246 characters, 20 take 259.
        let mut r = RoleRegions::default();
        for i in 0..19 {
            r = r.with(&format!("eu-testing-{}", (b'a' + i) as char), false);
        }
        assert_eq!(r.too_long(), None, "{}", r.tags()[0].1.len());
        let why = r.with("eu-testing-z", false).too_long().unwrap();
        assert!(
            why.starts_with("rosa:regions would name 20 regions (259 characters"),
            "{why}"
        );
    }

    #[test]
    fn a_role_without_the_tags_records_nothing_and_a_stray_traced_region_is_ignored() {
        assert_eq!(
            RoleRegions::from_tags(&BTreeMap::new()),
            RoleRegions::default()
        );
        let odd = RoleRegions::from_tags(&tags(&[
            (TAG_REGIONS, "eu-west-1"),
            (TAG_TRACED_REGIONS, "ap-south-1"),
        ]));
        assert!(!odd.any_traced());
        let lone = tags(&[(TAG_REGIONS, "eu-west-1")]);
        assert!(!odd.tags().iter().all(|(k, v)| lone.get(k) == Some(v)));
    }
}
