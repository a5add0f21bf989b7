//! The contract's objects, field names exactly as on the wire. Unknown fields are ignored and
//! unknown phases kept as they come, so a newer server does not break an older rosactl.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

/// A list the server may answer as `null` (today's node-pool list when nothing matches).
fn null_as_empty<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    Ok(Option::<Vec<T>>::deserialize(d)?.unwrap_or_default())
}

/// Why a status says its object failed: `Degraded` true, or `Available`/`Ready` false with a
/// reason naming a failure (the older server's `Failed` phase counts too). `None` while it is
/// only on its way.
pub fn failure_of(phase: &str, conditions: &[Condition]) -> Option<String> {
    if phase == "Failed" {
        let why = conditions
            .iter()
            .find(|c| c.status != "True")
            .map(|c| format!("{}: {}", c.reason, c.message))
            .unwrap_or_default();
        return Some(format!("phase Failed {why}").trim().to_string());
    }
    let failing = |reason: &str| {
        let r = reason.to_ascii_lowercase();
        r.contains("fail") || r.contains("error")
    };
    conditions
        .iter()
        .find(|c| {
            (c.kind == "Degraded" && c.status == "True")
                || (matches!(c.kind.as_str(), "Available" | "Ready")
                    && c.status == "False"
                    && failing(&c.reason))
        })
        .map(|c| {
            format!("{}={} ({}): {}", c.kind, c.status, c.reason, c.message)
                .trim_end_matches(": ")
                .to_string()
        })
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Info {
    /// The role that invokes Lambda functions in customer accounts.
    pub arn: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Account {
    #[serde(default)]
    pub kind: String,
    pub account_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy_store_id: Option<String>,
    #[serde(default)]
    pub privileged: bool,
    #[serde(default)]
    pub created_at: String,
    #[serde(default)]
    pub created_by: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Condition {
    #[serde(rename = "type")]
    pub kind: String,
    pub status: String,
    #[serde(default)]
    pub last_transition_time: String,
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Endpoint {
    pub host: String,
    pub port: u16,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlacementRef {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub management_cluster: String,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ClusterStatus {
    #[serde(default)]
    pub observed_generation: i64,
    #[serde(default, deserialize_with = "null_as_empty")]
    pub conditions: Vec<Condition>,
    /// Today: `WaitingForPlacement`, `Provisioning`, `Ready`, `Deleting`; the older server
    /// also `Pending`, `Progressing`, `Failed`; or whatever a newer server says.
    #[serde(default)]
    pub phase: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub control_plane_endpoint: Option<Endpoint>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placement_ref: Option<PlacementRef>,
    #[serde(default)]
    pub message: String,
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub last_update_time: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cluster {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub target_project_id: String,
    #[serde(default)]
    pub created_by: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oidc_issuer_url: Option<String>,
    #[serde(default)]
    pub generation: i64,
    #[serde(default)]
    pub resource_version: String,
    #[serde(default)]
    pub spec: Value,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ClusterStatus>,
    #[serde(default)]
    pub created_at: String,
    #[serde(default)]
    pub updated_at: String,
}

impl Cluster {
    /// The phase, empty before the platform set one (a new cluster has no status yet).
    pub fn phase(&self) -> &str {
        self.status.as_ref().map_or("", |s| s.phase.as_str())
    }

    /// The OIDC issuer URL: top level, else `spec.hostedCluster.issuerURL`, else the older
    /// server's `spec.cloudUrl`.
    pub fn issuer_url(&self) -> Option<&str> {
        self.oidc_issuer_url
            .as_deref()
            .filter(|u| !u.is_empty())
            .or_else(|| self.spec["hostedCluster"]["issuerURL"].as_str())
            .or_else(|| self.spec["cloudUrl"].as_str())
            .filter(|u| !u.is_empty())
    }

    /// See [`failure_of`].
    pub fn failure(&self) -> Option<String> {
        self.status
            .as_ref()
            .and_then(|s| failure_of(&s.phase, &s.conditions))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClusterList {
    #[serde(default, deserialize_with = "null_as_empty")]
    pub items: Vec<Cluster>,
    #[serde(default)]
    pub total: u64,
    #[serde(default)]
    pub limit: u64,
    #[serde(default)]
    pub offset: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ControllerStatus {
    #[serde(flatten)]
    pub fields: serde_json::Map<String, Value>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClusterStatuses {
    pub cluster_id: String,
    /// `null` until the platform set a phase.
    #[serde(default)]
    pub status: Option<ClusterStatus>,
    /// Only the older server sends these.
    #[serde(
        default,
        deserialize_with = "null_as_empty",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub controller_statuses: Vec<ControllerStatus>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClusterCreateRequest {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_project_id: Option<String>,
    pub spec: Value,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeleteAccepted {
    #[serde(default)]
    pub message: String,
    #[serde(default)]
    pub cluster_id: String,
}

/// A node pool's status: `phase`, conditions (`Synced`, `Ready`) and whatever else the
/// server says.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NodePoolStatus {
    #[serde(default)]
    pub phase: String,
    #[serde(
        default,
        deserialize_with = "null_as_empty",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub conditions: Vec<Condition>,
    #[serde(flatten)]
    pub fields: serde_json::Map<String, Value>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NodePool {
    /// Today's server: the name (unique per cluster only); the older one: a generated id.
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub cluster_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generation: Option<i64>,
    #[serde(default)]
    pub spec: Value,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<NodePoolStatus>,
    #[serde(default)]
    pub created_at: String,
    #[serde(default)]
    pub updated_at: String,
}

impl NodePool {
    pub fn phase(&self) -> &str {
        self.status.as_ref().map_or("", |s| s.phase.as_str())
    }

    /// See [`failure_of`].
    pub fn failure(&self) -> Option<String> {
        self.status
            .as_ref()
            .and_then(|s| failure_of(&s.phase, &s.conditions))
    }
}

/// `GET /api/v0/nodepools/{id}/status`: `{"nodepool_id","status"}` today; the older server
/// answered the status itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NodePoolStatusEnvelope {
    #[serde(default)]
    pub nodepool_id: String,
    #[serde(default)]
    pub status: Option<NodePoolStatus>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NodePoolList {
    #[serde(default, deserialize_with = "null_as_empty")]
    pub items: Vec<NodePool>,
    #[serde(default)]
    pub total: u64,
}

/// `POST /api/v0/nodepools`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NodePoolCreateRequest {
    pub cluster_id: String,
    pub name: String,
    pub spec: Value,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_fields_and_phases_are_tolerated() {
        let c: Cluster = serde_json::from_value(serde_json::json!({
            "id": "abc", "name": "n", "brand_new_field": 1,
            "spec": {"cloudUrl": "https://d1.cloudfront.net/abc"},
            "status": {"phase": "Hibernating", "unknownToo": true, "conditions": []}
        }))
        .unwrap();
        assert_eq!(c.phase(), "Hibernating");
        assert_eq!(c.issuer_url(), Some("https://d1.cloudfront.net/abc"));
        assert_eq!(c.failure(), None);
    }

    #[test]
    fn todays_answers_null_lists_status_envelopes_and_issuer() {
        let list: NodePoolList =
            serde_json::from_value(serde_json::json!({"items": null, "total": 0})).unwrap();
        assert!(list.items.is_empty());
        let s: ClusterStatuses =
            serde_json::from_value(serde_json::json!({"cluster_id": "x", "status": null})).unwrap();
        assert!(s.status.is_none());
        let c: Cluster = serde_json::from_value(serde_json::json!({
            "id": "abc", "name": "n",
            "spec": {"hostedCluster": {"issuerURL": "https://d2.cloudfront.net/abc"}},
        }))
        .unwrap();
        assert_eq!(c.issuer_url(), Some("https://d2.cloudfront.net/abc"));
        assert_eq!(c.phase(), "");
    }

    #[test]
    fn failed_conditions_end_a_wait_progressing_ones_do_not() {
        let cond = |kind: &str, status: &str, reason: &str| Condition {
            kind: kind.into(),
            status: status.into(),
            last_transition_time: String::new(),
            reason: reason.into(),
            message: "m".into(),
        };
        assert_eq!(
            failure_of(
                "Provisioning",
                &[
                    cond("Available", "False", "Progressing"),
                    cond("Degraded", "False", "AsExpected")
                ]
            ),
            None
        );
        assert!(
            failure_of("Provisioning", &[cond("Degraded", "True", "EtcdDown")])
                .unwrap()
                .starts_with("Degraded=True (EtcdDown)")
        );
        assert!(
            failure_of(
                "Provisioning",
                &[cond("Ready", "False", "ProvisioningFailed")]
            )
            .is_some()
        );
        assert!(failure_of("Failed", &[]).is_some());
    }
}
