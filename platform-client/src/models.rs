//! The contract's objects, field names exactly as on the wire. Unknown fields are ignored and
//! unknown phases kept as they come, so a newer server does not break an older rosactl.

use serde::{Deserialize, Serialize};
use serde_json::Value;

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
    #[serde(default)]
    pub conditions: Vec<Condition>,
    /// `Pending`, `Progressing`, `Ready`, `Failed`, `WaitingForPlacement`, `Provisioning`,
    /// `Deleting`, or whatever a newer server says.
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
    pub fn phase(&self) -> &str {
        self.status.as_ref().map_or("", |s| s.phase.as_str())
    }

    /// The OIDC issuer URL: top level, or `spec.cloudUrl` on servers that only put it there.
    pub fn issuer_url(&self) -> Option<&str> {
        self.oidc_issuer_url
            .as_deref()
            .or_else(|| self.spec["cloudUrl"].as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClusterList {
    #[serde(default)]
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
    #[serde(default)]
    pub status: ClusterStatus,
    #[serde(default)]
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

/// A node pool's status: `phase` and whatever else the server says.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct NodePoolStatus {
    #[serde(default)]
    pub phase: String,
    #[serde(flatten)]
    pub fields: serde_json::Map<String, Value>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NodePool {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub cluster_id: String,
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
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NodePoolList {
    #[serde(default)]
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
    }
}
