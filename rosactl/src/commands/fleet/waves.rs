//! `promote-lambdas --waves 1,10%,rest`: the rollout's waves, and its progress, recorded in a
//! local file so that `--resume` continues after the last completed wave.
//!
//! Why a local file and not the operator account's artifact bucket: the rollout is one
//! operator's (or one CI job's) run, started from one machine with that machine's
//! credentials; a file needs no extra permission, no bucket in a management account that
//! rosactl does not otherwise touch, and can be kept as a CI artifact or committed next to
//! the fleet file. It holds target names and outcomes, never credentials.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// One wave's size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Size {
    Count(usize),
    Percent(u8),
    Rest,
}

/// `--waves`: comma-separated `N`, `P%` or `rest` (last only).
pub fn parse(spec: &str) -> Result<Vec<Size>, String> {
    let err = |what: String| format!("--waves: {what} (expected e.g. 1,10%,rest)");
    let mut sizes = Vec::new();
    let parts: Vec<&str> = spec.split(',').map(str::trim).collect();
    for (i, p) in parts.iter().enumerate() {
        let size = if *p == "rest" {
            if i + 1 != parts.len() {
                return Err(err("rest must be the last wave".into()));
            }
            Size::Rest
        } else if let Some(n) = p.strip_suffix('%') {
            match n.parse::<u8>() {
                Ok(n) if (1..=100).contains(&n) => Size::Percent(n),
                _ => return Err(err(format!("{p:?} is not a percentage from 1% to 100%"))),
            }
        } else {
            match p.parse::<usize>() {
                Ok(n) if n >= 1 => Size::Count(n),
                _ => return Err(err(format!("{p:?} is not a number of targets (1 or more)"))),
            }
        };
        sizes.push(size);
    }
    Ok(sizes)
}

/// Cuts `total` targets into waves (indexes into the target list, in order). A percentage is
/// of the whole fleet, rounded up; a wave never takes more than what is left; every target
/// must be in a wave.
pub fn split(sizes: &[Size], total: usize) -> Result<Vec<std::ops::Range<usize>>, String> {
    let mut waves = Vec::new();
    let mut at = 0;
    for s in sizes {
        if at == total {
            break;
        }
        let n = match *s {
            Size::Count(n) => n,
            Size::Percent(p) => (total * p as usize).div_ceil(100).max(1),
            Size::Rest => total - at,
        };
        let end = (at + n).min(total);
        waves.push(at..end);
        at = end;
    }
    if at < total {
        return Err(format!(
            "--waves: the waves cover {at} of the {total} targets; end with rest"
        ));
    }
    Ok(waves)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WaveState {
    Done,
    Failed,
    RolledBack,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WaveRecord {
    pub number: usize,
    pub targets: Vec<String>,
    /// Targets whose alias this wave moved (what a rollback of the wave moves back).
    pub moved: Vec<String>,
    pub failed: Vec<String>,
    pub state: WaveState,
    pub finished: String,
}

/// The rollout's progress file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    /// What the rollout is: the command line's rollout flags, the target list and the
    /// embedded packages' digests. `--resume` refuses a record of another rollout.
    pub rollout: String,
    pub waves_spec: String,
    pub waves: Vec<WaveRecord>,
}

impl Progress {
    /// The waves already done (from the start, in order).
    pub fn completed(&self) -> usize {
        self.waves
            .iter()
            .take_while(|w| w.state == WaveState::Done)
            .count()
    }
}

/// Where the progress is kept: `--progress`, else `rosactl-rollout.json` in the current directory.
pub fn path(flag: Option<&Path>) -> PathBuf {
    flag.map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("rosactl-rollout.json"))
}

pub fn read(path: &Path) -> Result<Option<Progress>, String> {
    match std::fs::read(path) {
        Ok(bytes) => serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|e| format!("{}: not a rollout progress file: {e}", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

/// Written whole to a file beside it, then renamed over it: a reader sees the old record or
/// the new one, never half of one.
pub fn write(path: &Path, progress: &Progress) -> Result<(), String> {
    let tmp = path.with_extension("json.tmp");
    let body = serde_json::to_vec_pretty(progress).map_err(|e| e.to_string())?;
    std::fs::write(&tmp, body)
        .and_then(|()| std::fs::rename(&tmp, path))
        .map_err(|e| format!("writing {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waves_cut_the_fleet_in_order() {
        let s = parse("1,10%,rest").unwrap();
        assert_eq!(s, vec![Size::Count(1), Size::Percent(10), Size::Rest]);
        assert_eq!(split(&s, 24).unwrap(), vec![0..1, 1..4, 4..24]);
        assert_eq!(split(&s, 1).unwrap(), vec![0..1]);
        assert_eq!(
            split(&parse("2,50%").unwrap(), 4).unwrap(),
            vec![0..2, 2..4]
        );
        assert!(
            split(&parse("1,10%").unwrap(), 24)
                .unwrap_err()
                .contains("cover 4 of the 24")
        );
        for bad in ["", "0", "rest,1", "101%", "x", "1,,2"] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn completed_waves_are_the_done_ones_from_the_start() {
        let w = |n, state| WaveRecord {
            number: n,
            targets: vec![],
            moved: vec![],
            failed: vec![],
            state,
            finished: String::new(),
        };
        let p = Progress {
            rollout: "x".into(),
            waves_spec: "1,rest".into(),
            waves: vec![w(1, WaveState::Done), w(2, WaveState::Failed)],
        };
        assert_eq!(p.completed(), 1);
    }
}
