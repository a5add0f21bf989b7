//! How long rosactl waits between attempts: the pauses of every retry and poll loop (the AWS
//! SDK's backoff, the Platform API client's, [`crate::deploy::retry`], the alias lock's wait,
//! the cluster network's retries) go through [`scaled`].
//!
//! In a shipped build [`scaled`] returns its argument. With the `test-seams` feature (tests
//! only; `tests/shipped_binary.rs` checks the shipped build has no such seam),
//! `ROSACTL_TEST_TIME_SCALE=N` divides every such pause and every poll's time limit by N: the
//! same attempts, in the same order, against the same answers, without the seconds of backoff
//! that a test injecting faults would otherwise spend asleep. Nothing else is scaled: a call's
//! own time, a `--bake` the user chose, the lock's hold time.

use std::time::Duration;

/// `d` as rosactl waits it.
pub fn scaled(d: Duration) -> Duration {
    d / divisor()
}

/// Sleeps for `scaled(d)`.
pub async fn pause(d: Duration) {
    tokio::time::sleep(scaled(d)).await;
}

/// What every pause is divided by: 1 in a shipped build.
#[cfg(not(feature = "test-seams"))]
pub fn divisor() -> u32 {
    1
}

#[cfg(feature = "test-seams")]
const VARIABLE: &str = "ROSACTL_TEST_TIME_SCALE";

/// What every pause is divided by (`ROSACTL_TEST_TIME_SCALE`).
#[cfg(feature = "test-seams")]
pub fn divisor() -> u32 {
    static DIVISOR: std::sync::OnceLock<u32> = std::sync::OnceLock::new();
    *DIVISOR.get_or_init(|| parse(std::env::var(VARIABLE).ok().as_deref()))
}

/// The divisor a value of the variable asks for: a whole number from 1 to 1000; anything else
/// (or nothing) is 1.
#[cfg(feature = "test-seams")]
fn parse(value: Option<&str>) -> u32 {
    value
        .and_then(|v| v.trim().parse::<u32>().ok())
        .filter(|n| (1..=1000).contains(n))
        .unwrap_or(1)
}

#[cfg(all(test, feature = "test-seams"))]
mod tests {
    use super::*;

    #[test]
    fn only_a_whole_number_from_1_to_1000_scales() {
        assert_eq!(parse(None), 1);
        assert_eq!(parse(Some("20")), 20);
        assert_eq!(parse(Some(" 5 ")), 5);
        for bad in ["0", "-3", "1.5", "fast", "1001", ""] {
            assert_eq!(parse(Some(bad)), 1, "{bad}");
        }
    }
}
