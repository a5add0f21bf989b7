//! A fleet's targets: the entries of a fleet file, or the organization's active accounts,
//! each in every region asked for.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::exit::Failure;

/// How a target's credentials are obtained. Never written anywhere: a role's temporary
/// credentials live in rosactl's memory and the environment of the run it starts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "via", rename_all = "snake_case")]
pub enum Source {
    /// A named profile of the AWS config (SSO, credential_process, static keys ...).
    Profile { profile: String },
    /// sts:AssumeRole with the operator's own credentials.
    Role {
        role_arn: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        external_id: Option<String>,
    },
}

/// Per-target rules, as `setup-account` takes them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TargetRules {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_prefix: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<BTreeMap<String, String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permissions_boundary: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role_path: Option<String>,
}

/// One account (by its source) and the regions to run in, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AccountTarget {
    /// The account id when known before any call (a role ARN's, an organization's).
    pub account_id: Option<String>,
    /// How the report names it: the entry's `name`, else the account id or profile.
    pub label: String,
    pub source: Source,
    pub regions: Vec<String>,
    pub rules: TargetRules,
}

/// One fleet-file entry.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    profile: Option<String>,
    #[serde(default)]
    role_arn: Option<String>,
    #[serde(default)]
    external_id: Option<String>,
    #[serde(default)]
    regions: Option<Vec<String>>,
    #[serde(flatten)]
    rules: TargetRules,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FleetFile {
    /// Regions of entries that name none.
    #[serde(default)]
    regions: Option<Vec<String>>,
    targets: Vec<Entry>,
}

/// An IAM role ARN: `arn:PARTITION:iam::ACCOUNT:role/PATH/NAME`; returns the account.
pub fn role_account(arn: &str) -> Option<&str> {
    let parts: Vec<&str> = arn.splitn(6, ':').collect();
    let ok = parts.len() == 6
        && parts[0] == "arn"
        && parts[1].starts_with("aws")
        && parts[2] == "iam"
        && parts[3].is_empty()
        && parts[4].len() == 12
        && parts[4].bytes().all(|b| b.is_ascii_digit())
        && parts[5].starts_with("role/")
        && parts[5].len() > "role/".len();
    ok.then(|| parts[4])
}

/// A region name as AWS writes them: `us-east-1`, `ap-southeast-2`, `us-gov-west-1`.
pub fn check_region(field: &str, region: &str) -> Result<(), String> {
    let parts: Vec<&str> = region.split('-').collect();
    let ok = parts.len() >= 3
        && parts.iter().all(|p| !p.is_empty())
        && parts.iter().all(|p| {
            p.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
        && parts.last().unwrap().bytes().all(|b| b.is_ascii_digit());
    if ok {
        Ok(())
    } else {
        Err(format!(
            "{field}: expected an AWS region such as us-east-1, got {region:?}"
        ))
    }
}

fn check_regions(field: &str, regions: &[String]) -> Result<(), String> {
    if regions.is_empty() {
        return Err(format!("{field}: expected at least one region"));
    }
    for r in regions {
        check_region(field, r)?;
    }
    let mut seen = std::collections::BTreeSet::new();
    for r in regions {
        if !seen.insert(r) {
            return Err(format!("{field}: region {r} is named twice"));
        }
    }
    Ok(())
}

/// Reads a fleet file. `regions` (the `--regions` flag) replaces every entry's regions;
/// `default_region` (the current one) serves entries without any.
pub fn from_file(
    path: &Path,
    regions: &[String],
    default_region: Option<&str>,
) -> Result<Vec<AccountTarget>, Failure> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Failure::usage(format!("--fleet {}: cannot read it: {e}", path.display())))?;
    parse(&text, regions, default_region)
        .map_err(|e| Failure::usage(format!("--fleet {}: {e}", path.display())))
}

/// [`from_file`]'s parsing, without the file.
pub fn parse(
    text: &str,
    regions: &[String],
    default_region: Option<&str>,
) -> Result<Vec<AccountTarget>, String> {
    let file: FleetFile = serde_norway::from_str(text).map_err(|e| {
        format!(
            "{e} (expected `targets:`, a list of entries with `profile` or `role_arn`, and optional `name`, `external_id`, `regions`, `resource_prefix`, `tags`, `permissions_boundary`, `role_path`)"
        )
    })?;
    if file.targets.is_empty() {
        return Err("targets: expected at least one entry".into());
    }
    if let Some(r) = &file.regions {
        check_regions("regions", r)?;
    }
    let mut out = Vec::new();
    let mut labels = std::collections::BTreeSet::new();
    for (i, e) in file.targets.into_iter().enumerate() {
        let field = |f: &str| format!("targets[{i}].{f}");
        let (source, account_id) = match (e.profile, e.role_arn) {
            (Some(_), Some(_)) => {
                return Err(format!(
                    "targets[{i}]: expected either profile or role_arn, not both"
                ));
            }
            (None, None) => {
                return Err(format!(
                    "targets[{i}]: expected profile (an AWS profile name) or role_arn (a role to assume)"
                ));
            }
            (Some(p), None) => {
                if p.trim().is_empty() {
                    return Err(format!("{}: expected a profile name", field("profile")));
                }
                if e.external_id.is_some() {
                    return Err(format!(
                        "{}: only for role_arn entries",
                        field("external_id")
                    ));
                }
                (Source::Profile { profile: p }, None)
            }
            (None, Some(arn)) => {
                let account = role_account(&arn).ok_or_else(|| {
                    format!(
                        "{}: expected an IAM role ARN such as arn:aws:iam::111122223333:role/RosaDeploy, got {arn:?}",
                        field("role_arn")
                    )
                })?;
                let account = account.to_string();
                (
                    Source::Role {
                        role_arn: arn,
                        external_id: e.external_id,
                    },
                    Some(account),
                )
            }
        };
        if let Some(p) = &e.rules.resource_prefix {
            // The bucket name is the longest derived name; the per-region check runs again
            // in the target's own run.
            crate::deploy::rules::check_prefix(&field("resource_prefix"), p, "ap-southeast-2")?;
        }
        if let Some(b) = &e.rules.permissions_boundary
            && !b.starts_with("arn:")
        {
            return Err(format!(
                "{}: expected a managed policy ARN, got {b:?}",
                field("permissions_boundary")
            ));
        }
        let target_regions = if !regions.is_empty() {
            regions.to_vec()
        } else if let Some(r) = e.regions.or_else(|| file.regions.clone()) {
            check_regions(&field("regions"), &r)?;
            r
        } else if let Some(r) = default_region {
            vec![r.to_string()]
        } else {
            return Err(format!(
                "{}: no regions (give the entry or the file `regions:`, or pass --regions or --region)",
                field("regions")
            ));
        };
        let label = e
            .name
            .clone()
            .or_else(|| account_id.clone())
            .unwrap_or_else(|| match &source {
                Source::Profile { profile } => format!("profile:{profile}"),
                Source::Role { role_arn, .. } => role_arn.clone(),
            });
        if !labels.insert(label.clone()) {
            return Err(format!(
                "targets[{i}]: {label} is already an entry (give each entry its own name)"
            ));
        }
        out.push(AccountTarget {
            account_id,
            label,
            source,
            regions: target_regions,
            rules: e.rules,
        });
    }
    Ok(out)
}

/// `--regions`, checked.
pub fn check_regions_flag(regions: &[String]) -> Result<(), Failure> {
    if regions.is_empty() {
        return Ok(());
    }
    check_regions("--regions", regions).map_err(Failure::usage)
}

/// An organization account as ListAccounts answers it.
#[derive(Debug, Clone)]
pub struct OrgAccount {
    pub id: String,
    pub name: String,
    pub active: bool,
}

/// The organization's accounts to run in: active ones, not excluded, as targets assuming
/// `role_name`, in account-id order.
pub fn from_org(
    accounts: Vec<OrgAccount>,
    partition: &str,
    role_name: &str,
    exclude: &[String],
    regions: &[String],
) -> Vec<AccountTarget> {
    let mut accounts: Vec<OrgAccount> = accounts
        .into_iter()
        .filter(|a| a.active && !exclude.contains(&a.id))
        .collect();
    accounts.sort_by(|a, b| a.id.cmp(&b.id));
    accounts.dedup_by(|a, b| a.id == b.id);
    accounts
        .into_iter()
        .map(|a| AccountTarget {
            label: a.id.clone(),
            source: Source::Role {
                role_arn: format!("arn:{partition}:iam::{}:role/{role_name}", a.id),
                external_id: None,
            },
            account_id: Some(a.id),
            regions: regions.to_vec(),
            rules: TargetRules::default(),
        })
        .collect()
}

/// `--role-name`: an IAM role name (path not included).
pub fn check_role_name(name: &str) -> Result<(), Failure> {
    let ok = !name.is_empty()
        && name.len() <= 64
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"+=,.@_-".contains(&b));
    if ok {
        Ok(())
    } else {
        Err(Failure::usage(format!(
            "--role-name: expected an IAM role name (letters, digits and +=,.@_-, at most 64), got {name:?}"
        )))
    }
}

/// `--exclude` and `--ou` values.
pub fn check_account_ids(flag: &str, ids: &[String]) -> Result<(), Failure> {
    for id in ids {
        if id.len() != 12 || !id.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Failure::usage(format!(
                "{flag}: expected 12-digit account ids, got {id:?}"
            )));
        }
    }
    Ok(())
}

pub fn check_ou(ou: &str) -> Result<(), Failure> {
    let ok = (ou.starts_with("ou-") || ou.starts_with("r-"))
        && ou.len() <= 68
        && ou[2..]
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if ok {
        Ok(())
    } else {
        Err(Failure::usage(format!(
            "--ou: expected an organizational unit id such as ou-ab12-cdef3456 (or a root r-ab12), got {ou:?}"
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fleet_file_names_sources_regions_and_rules() {
        let text = r#"
regions: [us-east-1, us-west-2]
targets:
  - name: team-a
    profile: team-a-admin
  - role_arn: arn:aws:iam::111122223333:role/RosaDeploy
    external_id: xyz
    regions: [eu-west-1]
    resource_prefix: acme-
    tags: {cost-center: "42"}
"#;
        let t = parse(text, &[], None).unwrap();
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].label, "team-a");
        assert_eq!(t[0].regions, vec!["us-east-1", "us-west-2"]);
        assert_eq!(
            t[0].source,
            Source::Profile {
                profile: "team-a-admin".into()
            }
        );
        assert_eq!(t[1].label, "111122223333");
        assert_eq!(t[1].account_id.as_deref(), Some("111122223333"));
        assert_eq!(t[1].regions, vec!["eu-west-1"]);
        assert_eq!(t[1].rules.resource_prefix.as_deref(), Some("acme-"));
        // --regions replaces every entry's.
        let t = parse(text, &["ap-south-1".into()], None).unwrap();
        assert!(t.iter().all(|t| t.regions == vec!["ap-south-1"]));
    }

    #[test]
    fn a_bad_fleet_file_names_the_entry_and_the_field() {
        let cases = [
            ("targets: []", "targets: expected at least one entry"),
            ("targets: [{name: x}]", "targets[0]: expected profile"),
            (
                "targets: [{profile: a, role_arn: 'arn:aws:iam::111122223333:role/R'}]",
                "not both",
            ),
            (
                "targets: [{role_arn: 'arn:aws:iam::1111:role/R'}]",
                "targets[0].role_arn: expected an IAM role ARN",
            ),
            (
                "targets: [{profile: a, regions: [nowhere]}]",
                "targets[0].regions: expected an AWS region",
            ),
            ("targets: [{profile: a, colour: red}]", "unknown field"),
            (
                "regions: [us-east-1]\ntargets: [{profile: a}, {profile: a}]",
                "already an entry",
            ),
            ("targets: [{profile: a}]", "no regions"),
        ];
        for (text, want) in cases {
            let err = parse(text, &[], None).unwrap_err();
            assert!(err.contains(want), "{text}: {err}");
        }
    }

    #[test]
    fn the_organization_gives_its_active_accounts_less_the_excluded() {
        let acct = |id: &str, active| OrgAccount {
            id: id.into(),
            name: id.into(),
            active,
        };
        let t = from_org(
            vec![
                acct("222222222222", true),
                acct("111111111111", true),
                acct("333333333333", false),
                acct("444444444444", true),
            ],
            "aws",
            "OrganizationAccountAccessRole",
            &["444444444444".into()],
            &["us-east-1".into()],
        );
        let ids: Vec<_> = t.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(ids, vec!["111111111111", "222222222222"]);
        assert_eq!(
            t[0].source,
            Source::Role {
                role_arn: "arn:aws:iam::111111111111:role/OrganizationAccountAccessRole".into(),
                external_id: None
            }
        );
    }
}
