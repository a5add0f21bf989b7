//! Waits on AWS's eventual consistency, through the one retry helper.

use aws_sdk_lambda::types::{LastUpdateStatus, State};

use super::{StepError, StepResult};
use crate::aws::Aws;
use crate::deploy::retry::{self, Backoff};

/// IAM is eventually consistent: Lambda may refuse a role created seconds ago. Retries that
/// one refusal with bounded exponential backoff (about a minute in all), nothing else.
pub(super) async fn role_propagation<T, F, Fut>(call: F) -> StepResult<T>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = StepResult<T>>,
{
    let (result, _) = retry::until(
        Backoff::SHORT,
        call,
        |r| matches!(r, Err(e) if e.message.contains("cannot be assumed")),
    )
    .await;
    result
}

/// Lambda answers `ResourceConflictException` while an update of the function is in
/// progress; such a call is retried (not counted as done).
pub(super) async fn update_in_progress<T, F, Fut>(call: F) -> StepResult<T>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = StepResult<T>>,
{
    let (result, _) = retry::until(Backoff::SHORT, call, |r: &StepResult<T>| {
        matches!(r, Err(e) if e.code.as_deref() == Some("ResourceConflictException")
            && e.message.contains("in progress"))
    })
    .await;
    result
}

/// Whether a function in this state can take its next change at once (an answer of Lambda
/// without a state, as from older APIs, counts as settled).
pub(super) fn settled(state: Option<&State>, update: Option<&LastUpdateStatus>) -> bool {
    matches!(state, None | Some(State::Active))
        && matches!(update, None | Some(LastUpdateStatus::Successful))
}

enum Readiness {
    Ready,
    Pending(String),
}

/// Waits until the function can be published and invoked: `State=Active` and no update in
/// progress. Fails on `Failed` with Lambda's reason.
pub(super) async fn function_ready(aws: &Aws, name: &str) -> StepResult {
    let check = || async {
        let c = aws
            .lambda
            .get_function_configuration()
            .function_name(name)
            .send()
            .await?;
        let state = c.state.clone();
        let update = c.last_update_status.clone();
        if state == Some(State::Failed) || update == Some(LastUpdateStatus::Failed) {
            let reason = c
                .state_reason
                .or(c.last_update_status_reason)
                .unwrap_or_default();
            return Err(StepError::from(format!(
                "Lambda reports the function as failed: {reason}"
            )));
        }
        Ok(if settled(state.as_ref(), update.as_ref()) {
            Readiness::Ready
        } else {
            Readiness::Pending(format!("state {state:?}, last update {update:?}"))
        })
    };
    let (answer, _) = retry::until(Backoff::FUNCTION_STATE, check, |r| {
        matches!(r, Ok(Readiness::Pending(_)))
    })
    .await;
    match answer? {
        Readiness::Ready => Ok(()),
        Readiness::Pending(what) => {
            Err(format!("the function did not become active within 3 minutes ({what})").into())
        }
    }
}
