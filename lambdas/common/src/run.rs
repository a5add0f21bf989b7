//! Runtime glue shared by the three `main.rs` files.

use std::future::Future;
use std::time::Instant;

use lambda_runtime::{LambdaEvent, service_fn};
use serde::Serialize;
use serde_json::Value;

use crate::FunctionError;
use crate::log::compact;
use crate::metrics::{self, Figures, Line};

/// What a handler knows of its invocation besides the event.
#[derive(Debug, Clone, Default)]
pub struct Invocation {
    pub request_id: String,
    /// The ARN the caller invoked (`arn:aws:lambda:<region>:<account>:function:<name>[:alias]`).
    pub function_arn: String,
}

impl Invocation {
    fn arn_part(&self, i: usize) -> &str {
        self.function_arn.split(':').nth(i).unwrap_or_default()
    }

    pub fn partition(&self) -> &str {
        self.arn_part(1)
    }

    pub fn region(&self) -> &str {
        self.arn_part(3)
    }

    /// The account the function runs in, read from its own ARN (no AWS call needed).
    pub fn account_id(&self) -> &str {
        self.arn_part(4)
    }
}

/// Serves `handler` through the Lambda Runtime API until the sandbox is shut down.
///
/// Each invocation is logged once, as JSON, with its request id, the operation name, the
/// input event, and either the result or the error, and how long it took; then its metrics
/// as one embedded-metric-format line ([`metrics`]).
pub async fn serve<F, Fut, O>(
    operation: &'static str,
    handler: F,
) -> Result<(), lambda_runtime::Error>
where
    F: Fn(Value, Invocation) -> Fut,
    Fut: Future<Output = Result<O, FunctionError>>,
    O: Serialize + Figures,
{
    crate::log::init();
    let handler = &handler;
    // Lambda sets these in every sandbox; a run outside Lambda reports what it knows.
    let function = std::env::var("AWS_LAMBDA_FUNCTION_NAME").unwrap_or_default();
    let version = std::env::var("AWS_LAMBDA_FUNCTION_VERSION").unwrap_or_else(|_| "$LATEST".into());
    let (function, version) = (&function, &version);
    lambda_runtime::run(service_fn(move |event: LambdaEvent<Value>| async move {
        let started = Instant::now();
        let request_id = event.context.request_id.clone();
        let invocation = Invocation {
            request_id: request_id.clone(),
            function_arn: event.context.invoked_function_arn.clone(),
        };
        let input = compact(&event.payload);
        let outcome = handler(event.payload, invocation).await;
        let duration_ms = started.elapsed().as_millis() as u64;
        let timestamp_ms = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis() as u64)
            .unwrap_or_default();
        let line = |outcome: &'static str, figures| Line {
            function,
            version,
            operation,
            outcome,
            request_id: &request_id,
            duration_ms,
            timestamp_ms,
            figures,
        };
        match outcome {
            Ok(output) => {
                let output_figures = output.figures();
                let output = serde_json::to_value(output).map_err(|e| FunctionError::Aws {
                    operation: "encode result".into(),
                    detail: e.to_string(),
                })?;
                tracing::info!(
                    request_id,
                    operation,
                    input,
                    result = compact(&output),
                    duration_ms,
                    "invocation"
                );
                metrics::emit(&line(metrics::SUCCESS, output_figures));
                Ok(output)
            }
            Err(err) => {
                tracing::warn!(
                    request_id,
                    operation,
                    input,
                    error = %err,
                    error_type = err.error_type(),
                    duration_ms,
                    "invocation"
                );
                metrics::emit(&line(err.error_type(), O::error_figures(&err)));
                Err(err)
            }
        }
    }))
    .await
}
