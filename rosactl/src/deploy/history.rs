//! Alias history, kept in the account so that any machine can roll back: one small JSON
//! object per move in the (versioned, private) artifact bucket, under
//! `history/<function>/<alias>/<millis>-<id>.json`. Objects are only ever added, so two
//! runs never overwrite each other's records.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// What kind of move a record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MoveKind {
    Create,
    Update,
    Promote,
    Canary,
    Finish,
    Rollback,
    /// Put back by rosactl itself because another function of the same promotion or
    /// rollback could not be moved.
    Revert,
    /// Moved by `setup-account` off a version whose code rosactl never deployed (changed
    /// behind its back); a rollback never goes back to that code.
    Repair,
}

impl MoveKind {
    /// Rollbacks and reverts undo an earlier record; the others are moves one can undo.
    pub fn undoes_another(self) -> bool {
        matches!(self, MoveKind::Rollback | MoveKind::Revert)
    }
}

/// One alias move.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// The object's file stem: `<millis>-<random>`; sorts by time.
    pub id: String,
    pub function: String,
    pub alias: String,
    pub kind: MoveKind,
    /// `None` when the alias was created by this move.
    pub from_version: Option<String>,
    #[serde(default)]
    pub from_weights: BTreeMap<String, f64>,
    pub to_version: String,
    #[serde(default)]
    pub to_weights: BTreeMap<String, f64>,
    /// Lambda's CodeSha256 (base64) of the version moved to.
    pub code_sha256: String,
    pub rosactl_version: String,
    pub caller_arn: String,
    /// RFC 3339, UTC.
    pub time: String,
    /// For rollbacks and reverts: the record undone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub undoes: Option<String>,
}

pub const PREFIX: &str = "history/";

pub fn key(function: &str, alias: &str, id: &str) -> String {
    format!("{PREFIX}{function}/{alias}/{id}.json")
}

pub fn function_prefix(function: &str) -> String {
    format!("{PREFIX}{function}/")
}

/// A new record id: milliseconds since the epoch (zero-padded, so ids sort by time) and a
/// random suffix (two moves in the same millisecond stay apart).
pub fn new_id() -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    format!("{:016}-{:08x}", now.as_millis(), fastrand::u32(..))
}

pub fn now_rfc3339() -> String {
    aws_smithy_types::DateTime::from(std::time::SystemTime::now())
        .fmt(aws_smithy_types::date_time::Format::DateTime)
        .unwrap_or_default()
}

/// The moves of `alias` that no later rollback or revert has undone, newest first.
/// Records are given oldest first.
fn undoable<'a>(records: &'a [Record], alias: &str) -> Vec<&'a Record> {
    let mut undone: Vec<&str> = Vec::new();
    let mut moves = Vec::new();
    for r in records.iter().rev().filter(|r| r.alias == alias) {
        if r.kind.undoes_another() {
            // A rollback that was itself undone (the revert of an all-or-nothing rollback
            // that failed elsewhere) undoes nothing any more.
            if let (Some(id), false) = (&r.undoes, undone.contains(&r.id.as_str())) {
                undone.push(id);
            }
        } else if !undone.contains(&r.id.as_str()) {
            moves.push(r);
        }
    }
    moves
}

/// The newest move of `alias` not undone yet.
pub fn last_undoable<'a>(records: &'a [Record], alias: &str) -> Option<&'a Record> {
    undoable(records, alias).into_iter().next()
}

/// The move a rollback of `alias` (now at `current`) undoes: the newest one not undone yet
/// that changed the primary version. Moves that kept it (a canary started, or aborted)
/// are stepped over: rolling them back would change nothing.
pub fn rollback_target<'a>(
    records: &'a [Record],
    alias: &str,
    current: &str,
) -> Option<&'a Record> {
    undoable(records, alias)
        .into_iter()
        .find(|r| !(r.from_version.as_deref() == Some(current) && r.to_version == current))
}

/// A record of a `prod` move, for unit tests.
#[cfg(test)]
pub(crate) fn test_record(
    id: &str,
    kind: MoveKind,
    from: &str,
    to: &str,
    undoes: Option<&str>,
) -> Record {
    Record {
        id: id.into(),
        function: "rosa-network-verifier".into(),
        alias: "prod".into(),
        kind,
        from_version: Some(from.into()),
        from_weights: BTreeMap::new(),
        to_version: to.into(),
        to_weights: BTreeMap::new(),
        code_sha256: String::new(),
        rosactl_version: "0.1.0".into(),
        caller_arn: String::new(),
        time: String::new(),
        undoes: undoes.map(String::from),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_reverted_rollback_undoes_nothing() {
        let create = test_record("c", MoveKind::Create, "1", "1", None);
        let promote = test_record("p", MoveKind::Promote, "1", "2", None);
        let rollback = test_record("r", MoveKind::Rollback, "2", "1", Some("p"));
        let revert = test_record("v", MoveKind::Revert, "1", "2", Some("r"));
        let records = vec![create, promote, rollback, revert];
        let last = last_undoable(&records, "prod").unwrap();
        assert_eq!(last.id, "p", "the promotion stands again");
        assert_eq!(rollback_target(&records, "prod", "2").unwrap().id, "p");
    }

    use super::*;

    fn record(id: &str, kind: MoveKind, from: &str, to: &str, undoes: Option<&str>) -> Record {
        test_record(id, kind, from, to, undoes)
    }

    #[test]
    fn rollbacks_walk_back_through_the_moves() {
        let mut h = vec![
            record("1", MoveKind::Promote, "1", "2", None),
            record("2", MoveKind::Promote, "2", "3", None),
        ];
        assert_eq!(last_undoable(&h, "prod").unwrap().id, "2");
        h.push(record("3", MoveKind::Rollback, "3", "2", Some("2")));
        // The second rollback goes one further back, not forth again.
        assert_eq!(last_undoable(&h, "prod").unwrap().id, "1");
        h.push(record("4", MoveKind::Rollback, "2", "1", Some("1")));
        assert!(last_undoable(&h, "prod").is_none());
        assert!(last_undoable(&h, "staging").is_none());
    }

    #[test]
    fn a_canary_that_kept_the_primary_is_stepped_over() {
        let h = vec![
            record("1", MoveKind::Promote, "1", "2", None),
            record("2", MoveKind::Canary, "2", "2", None),
            record("3", MoveKind::Finish, "2", "3", None),
            record("4", MoveKind::Rollback, "3", "2", Some("3")),
        ];
        assert_eq!(rollback_target(&h, "prod", "2").unwrap().id, "1");
    }

    #[test]
    fn ids_sort_by_time() {
        let a = new_id();
        std::thread::sleep(std::time::Duration::from_millis(2));
        let b = new_id();
        assert!(a < b, "{a} < {b}");
        assert!(now_rfc3339().ends_with('Z'));
    }
}
