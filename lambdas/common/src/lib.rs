//! Shared pieces of the three rosactl Lambda functions.
//!
//! * [`input`]: field-by-field parsing of the JSON event, so that every rejection names the
//!   field and says what was expected (the functions never panic on input).
//! * [`error`]: the one error type a handler returns, mapped onto the Lambda runtime's
//!   `errorType` / `errorMessage` pair.
//! * [`log`]: structured JSON logs (timestamp, request id, operation, input, result, duration).
//! * [`metrics`]: one embedded-metric-format line per invocation (CloudWatch metrics, no SDK).
//! * [`run`]: the runtime glue every `main.rs` uses.

pub mod error;
pub mod input;
pub mod log;
pub mod metrics;
pub mod run;

pub use error::{FunctionError, aws_error, is_denied};

/// The AWS SDK configuration every function starts from: the Lambda environment's
/// credentials and region, with an HTTPS client on rustls + ring (the SDK's default client
/// links aws-lc, a C library that makes the packages larger).
pub async fn aws_config() -> aws_config_lambda::SdkConfig {
    use aws_smithy_http_client::tls::{Provider, rustls_provider::CryptoMode};
    let http = aws_smithy_http_client::Builder::new()
        .tls_provider(Provider::Rustls(CryptoMode::Ring))
        .build_https();
    aws_config_lambda::defaults(aws_config_lambda::BehaviorVersion::latest())
        .http_client(http)
        .load()
        .await
}
pub use input::{Fields, InputError};
pub use run::Invocation;

/// The outcome of one check (the shared type of the functions' answers).
pub use rosa_lambda_api::Status;
