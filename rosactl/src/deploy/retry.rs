//! The one retry / poll loop: bounded exponential backoff until a deadline. Used for IAM's
//! eventual consistency, waits on Lambda's function state, an update in progress, and a
//! cluster's phase; each caller says which answers mean "again".

use std::future::Future;
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy)]
pub struct Backoff {
    pub first: Duration,
    pub max: Duration,
    /// Give up after this long (the last answer is returned).
    pub limit: Duration,
}

impl Backoff {
    /// IAM propagation, Lambda state: about a minute at most.
    pub const SHORT: Backoff = Backoff {
        first: Duration::from_millis(500),
        max: Duration::from_secs(8),
        limit: Duration::from_secs(60),
    };

    /// A function's state after a create or an update: three minutes.
    pub const FUNCTION_STATE: Backoff = Backoff {
        first: Duration::from_millis(200),
        max: Duration::from_secs(5),
        limit: Duration::from_secs(180),
    };

    /// A fixed interval (polling a long operation).
    pub fn every(interval: Duration, limit: Duration) -> Backoff {
        Backoff {
            first: interval,
            max: interval,
            limit,
        }
    }
}

/// Calls `call` until `again` says the answer is final or the time is up; returns the last
/// answer either way, and whether it was cut short by the limit.
pub async fn until<T, F, Fut>(
    backoff: Backoff,
    mut call: F,
    mut again: impl FnMut(&T) -> bool,
) -> (T, bool)
where
    F: FnMut() -> Fut,
    Fut: Future<Output = T>,
{
    let deadline = Instant::now() + crate::pace::scaled(backoff.limit);
    let mut delay = backoff.first;
    loop {
        let answer = call().await;
        if !again(&answer) {
            return (answer, false);
        }
        let pause = crate::pace::scaled(delay);
        if Instant::now() + pause > deadline {
            return (answer, true);
        }
        tokio::time::sleep(pause).await;
        delay = (delay * 2).min(backoff.max);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU32, Ordering};

    #[tokio::test]
    async fn stops_on_a_final_answer_or_at_the_limit() {
        let calls = AtomicU32::new(0);
        let quick = Backoff {
            first: Duration::from_millis(1),
            max: Duration::from_millis(2),
            limit: Duration::from_secs(5),
        };
        let (n, timed_out) = until(
            quick,
            || async { calls.fetch_add(1, Ordering::SeqCst) + 1 },
            |n| *n < 3,
        )
        .await;
        assert_eq!((n, timed_out), (3, false));

        let never = Backoff {
            limit: Duration::from_millis(20),
            ..quick
        };
        let (_, timed_out) = until(never, || async { 0 }, |_| true).await;
        assert!(timed_out);
    }
}
