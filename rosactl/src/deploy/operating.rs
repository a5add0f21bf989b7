//! How the account's functions are operated, beyond their code: X-Ray tracing and reserved
//! concurrency. Opt-in (each costs money or quota), chosen with `setup-account` flags and
//! recorded on every function as tags (`rosa:tracing`, `rosa:reserved-concurrency`), so later
//! runs keep the choice without the flags, `status --check` sees a change made behind
//! rosactl's back as drift, and `update-lambdas` publishes versions with the same settings.

use std::collections::BTreeMap;

use rosa_lambda_packaging::FUNCTIONS;
use serde::Serialize;

pub const TAG_TRACING: &str = "rosa:tracing";
pub const TAG_CONCURRENCY: &str = "rosa:reserved-concurrency";
pub const TAG_ALARMS: &str = "rosa:alarms";
pub const TAG_ALARM_TOPIC: &str = "rosa:alarm-topic";
pub const TAG_DASHBOARD: &str = "rosa:dashboard";
/// Lambda keeps this much of an account's concurrency unreserved in every region.
pub const MIN_UNRESERVED: i64 = 100;

/// The tags these settings are recorded in.
pub const TAGS: [&str; 5] = [
    TAG_TRACING,
    TAG_CONCURRENCY,
    TAG_ALARMS,
    TAG_ALARM_TOPIC,
    TAG_DASHBOARD,
];

/// The recording tags a function carries that `wanted` no longer has (a setting turned off):
/// removed, or the next run would read the old choice back.
pub fn stale_tags(
    observed: &BTreeMap<String, String>,
    wanted: &BTreeMap<String, String>,
) -> Vec<String> {
    TAGS.iter()
        .filter(|k| observed.contains_key(**k) && !wanted.contains_key(**k))
        .map(|k| k.to_string())
        .collect()
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Operating {
    /// X-Ray active tracing on the functions (`TracingConfig` `Active`), with the execution
    /// roles allowed to send traces.
    pub tracing: bool,
    /// Reserved concurrency by catalog function name; a function not named has none.
    pub reserved_concurrency: BTreeMap<String, i32>,
    /// The design's alarms on every function ([`super::alarms`]).
    pub alarms: bool,
    /// The SNS topic the alarms notify (with `alarms` only).
    pub alarm_topic: Option<String>,
    /// The functions' CloudWatch dashboard ([`super::dashboard`]).
    pub dashboard: bool,
}

impl Operating {
    /// The tags that record these settings (none for the defaults).
    pub fn tags(&self) -> BTreeMap<String, String> {
        let mut tags = BTreeMap::new();
        if self.tracing {
            tags.insert(TAG_TRACING.to_string(), "active".to_string());
        }
        if !self.reserved_concurrency.is_empty() {
            let pairs: Vec<String> = self
                .reserved_concurrency
                .iter()
                .map(|(f, n)| format!("{}={n}", short(f)))
                .collect();
            tags.insert(TAG_CONCURRENCY.to_string(), pairs.join(" "));
        }
        if self.alarms {
            tags.insert(TAG_ALARMS.to_string(), "on".to_string());
            if let Some(topic) = &self.alarm_topic {
                tags.insert(TAG_ALARM_TOPIC.to_string(), topic.clone());
            }
        }
        if self.dashboard {
            tags.insert(TAG_DASHBOARD.to_string(), "on".to_string());
        }
        tags
    }

    /// What a function's tags recorded; an entry that does not read is left out (the next
    /// setup-account writes the tags again).
    pub fn from_tags(tags: &BTreeMap<String, String>) -> Self {
        let reserved_concurrency = tags
            .get(TAG_CONCURRENCY)
            .map(|v| {
                v.split_whitespace()
                    .filter_map(|pair| {
                        let (f, n) = pair.split_once('=')?;
                        Some((full(f)?, n.parse::<i32>().ok().filter(|n| *n > 0)?))
                    })
                    .collect()
            })
            .unwrap_or_default();
        let alarms = tags.get(TAG_ALARMS).is_some_and(|v| v == "on");
        Operating {
            tracing: tags.get(TAG_TRACING).is_some_and(|v| v == "active"),
            reserved_concurrency,
            alarms,
            alarm_topic: tags.get(TAG_ALARM_TOPIC).filter(|_| alarms).cloned(),
            dashboard: tags.get(TAG_DASHBOARD).is_some_and(|v| v == "on"),
        }
    }

    pub fn reserved(&self, function: &str) -> Option<i32> {
        self.reserved_concurrency.get(function).copied()
    }

    /// One line for people; None for the defaults.
    pub fn describe(&self) -> Option<String> {
        let mut parts = Vec::new();
        if self.tracing {
            parts.push("X-Ray tracing active".to_string());
        }
        for (f, n) in &self.reserved_concurrency {
            parts.push(format!("{f} reserved concurrency {n}"));
        }
        match (&self.alarms, &self.alarm_topic) {
            (true, Some(topic)) => parts.push(format!("alarms notifying {topic}")),
            (true, None) => parts.push("alarms (no notification topic)".to_string()),
            _ => {}
        }
        if self.dashboard {
            parts.push("a CloudWatch dashboard".to_string());
        }
        (!parts.is_empty()).then(|| parts.join("; "))
    }
}

/// `rosa-oidc-provisioner` -> `oidc-provisioner` (tag values stay short).
fn short(function: &str) -> &str {
    function.strip_prefix("rosa-").unwrap_or(function)
}

/// A catalog function from its name with or without `rosa-`.
fn full(name: &str) -> Option<String> {
    FUNCTIONS
        .iter()
        .find(|s| s.function_name == name || short(s.function_name) == name)
        .map(|s| s.function_name.to_string())
}

/// The operating flags of `setup-account`, before they are laid over what was recorded.
#[derive(Debug, Clone, Default)]
pub struct OperatingFlags {
    /// `--tracing active|off`: Some(true) for active.
    pub tracing: Option<bool>,
    /// `N`, `off`, or `FUNCTION=N|off` pairs separated by commas.
    pub reserved_concurrency: Option<String>,
    /// `--alarms` (Some(true)) / `--no-alarms` (Some(false)).
    pub alarms: Option<bool>,
    /// `--alarm-topic ARN` (turns the alarms on).
    pub alarm_topic: Option<String>,
    /// `--dashboard` (Some(true)) / `--no-dashboard` (Some(false)).
    pub dashboard: Option<bool>,
}

impl OperatingFlags {
    /// Checks what needs no AWS call; before anything is read.
    pub fn check(&self) -> Result<(), String> {
        self.over(Operating::default()).map(drop)
    }

    /// `base` (what the account recorded) with these flags laid over it.
    pub fn over(&self, mut base: Operating) -> Result<Operating, String> {
        if let Some(t) = self.tracing {
            base.tracing = t;
        }
        if let Some(raw) = &self.reserved_concurrency {
            for (function, n) in parse_concurrency(raw)? {
                match n {
                    Some(n) => base.reserved_concurrency.insert(function, n),
                    None => base.reserved_concurrency.remove(&function),
                };
            }
        }
        if self.alarms == Some(false) && self.alarm_topic.is_some() {
            return Err(
                "--alarm-topic: not with --no-alarms (the topic is what the alarms notify)".into(),
            );
        }
        if let Some(on) = self.alarms {
            base.alarms = on;
            if !on {
                base.alarm_topic = None;
            }
        }
        if let Some(topic) = &self.alarm_topic {
            base.alarms = true;
            base.alarm_topic = Some(topic.clone());
        }
        if let Some(on) = self.dashboard {
            base.dashboard = on;
        }
        Ok(base)
    }
}

fn count(flag: &str, raw: &str) -> Result<Option<i32>, String> {
    if raw == "off" {
        return Ok(None);
    }
    match raw.parse::<i32>() {
        Ok(n) if n >= 1 => Ok(Some(n)),
        Ok(0) => Err(format!(
            "{flag}: 0 would stop the function from running at all; give 1 or more, or off to remove the reservation"
        )),
        _ => Err(format!(
            "{flag}: expected a number of concurrent executions (1 or more) or off, got {raw:?}"
        )),
    }
}

/// `--reserved-concurrency`: `N` / `off` for every function, or `FUNCTION=N|off,...`.
pub fn parse_concurrency(raw: &str) -> Result<Vec<(String, Option<i32>)>, String> {
    const FLAG: &str = "--reserved-concurrency";
    let raw = raw.trim();
    if !raw.contains('=') {
        let n = count(FLAG, raw)?;
        return Ok(FUNCTIONS
            .iter()
            .map(|s| (s.function_name.to_string(), n))
            .collect());
    }
    let mut out: Vec<(String, Option<i32>)> = Vec::new();
    for pair in raw.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let Some((name, n)) = pair.split_once('=') else {
            return Err(format!(
                "{FLAG}: expected FUNCTION=N pairs separated by commas (e.g. preflight-checker=10,network-verifier=5), got {pair:?}"
            ));
        };
        let Some(function) = full(name.trim()) else {
            let known: Vec<&str> = FUNCTIONS.iter().map(|s| short(s.function_name)).collect();
            return Err(format!(
                "{FLAG}: {name:?} is not one of rosactl's functions ({})",
                known.join(", ")
            ));
        };
        if out.iter().any(|(f, _)| *f == function) {
            return Err(format!("{FLAG}: {name} is given twice"));
        }
        out.push((function, count(&format!("{FLAG} {name}"), n.trim())?));
    }
    Ok(out)
}

/// Whether reserving `wanted` (by function) leaves the account at least [`MIN_UNRESERVED`]
/// unreserved: `unreserved` is the account's figure now, `current` what our functions hold.
pub fn capacity_problem(
    unreserved: i64,
    current: &BTreeMap<String, i32>,
    wanted: &BTreeMap<String, i32>,
) -> Option<String> {
    let held: i64 = current.values().map(|n| i64::from(*n)).sum();
    let asked: i64 = wanted.values().map(|n| i64::from(*n)).sum();
    let after = unreserved + held - asked;
    (after < MIN_UNRESERVED).then(|| {
        format!(
            "--reserved-concurrency: reserving {asked} for rosactl's functions would leave the account {after} unreserved concurrent executions in this region, below Lambda's minimum of {MIN_UNRESERVED} (unreserved now: {unreserved}, of which rosactl's functions hold {held}); ask for less, or raise the account's concurrency quota (Service Quotas, L-B99A9384) first"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_through_tags() {
        let flags = OperatingFlags {
            tracing: Some(true),
            reserved_concurrency: Some("preflight-checker=10,rosa-network-verifier=5".into()),
            alarm_topic: Some("arn:aws:sns:us-east-1:123456789012:ops".into()),
            ..Default::default()
        };
        let ops = flags.over(Operating::default()).unwrap();
        assert_eq!(ops.reserved("rosa-preflight-checker"), Some(10));
        assert_eq!(ops.reserved("rosa-oidc-provisioner"), None);
        let tags = ops.tags();
        assert_eq!(
            tags[TAG_CONCURRENCY],
            "network-verifier=5 preflight-checker=10"
        );
        assert!(ops.alarms, "a topic turns the alarms on");
        assert_eq!(Operating::from_tags(&tags), ops);
        let quiet = OperatingFlags {
            alarms: Some(false),
            ..Default::default()
        }
        .over(ops.clone())
        .unwrap();
        assert!(!quiet.alarms && quiet.alarm_topic.is_none());
        assert!(stale_tags(&tags, &quiet.tags()).contains(&TAG_ALARM_TOPIC.to_string()));
        // off for one function keeps the others; a bare number is every function.
        let less = OperatingFlags {
            reserved_concurrency: Some("network-verifier=off".into()),
            ..Default::default()
        }
        .over(ops.clone())
        .unwrap();
        assert_eq!(less.reserved_concurrency.len(), 1);
        assert!(less.tracing, "what was recorded stays");
        let all = OperatingFlags {
            reserved_concurrency: Some("3".into()),
            tracing: Some(false),
            ..Default::default()
        }
        .over(ops)
        .unwrap();
        assert_eq!(all.reserved_concurrency.values().sum::<i32>(), 9);
        assert!(all.tags().get(TAG_TRACING).is_none());
    }

    #[test]
    fn bad_concurrency_is_named() {
        for (raw, says) in [
            ("0", "0 would stop"),
            ("lots", "expected a number"),
            ("nope=3", "\"nope\" is not one of"),
            ("oidc-provisioner=2,oidc-provisioner=3", "given twice"),
            (
                "oidc-provisioner=-1",
                "--reserved-concurrency oidc-provisioner",
            ),
        ] {
            let err = parse_concurrency(raw).unwrap_err();
            assert!(err.contains(says), "{raw}: {err}");
        }
    }

    #[test]
    fn capacity_keeps_lambdas_minimum() {
        let ours = |n: i32| BTreeMap::from([("rosa-preflight-checker".to_string(), n)]);
        assert!(capacity_problem(1000, &BTreeMap::new(), &ours(900)).is_none());
        let err = capacity_problem(1000, &BTreeMap::new(), &ours(901)).unwrap();
        assert!(err.contains("leave the account 99"), "{err}");
        // What our functions hold already comes back before the new reservation.
        assert!(capacity_problem(100, &ours(50), &ours(50)).is_none());
    }
}
