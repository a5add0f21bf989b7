//! Shared pieces of the three rosactl Lambda functions.
//!
//! * [`input`]: field-by-field parsing of the JSON event, so that every rejection names the
//!   field and says what was expected (the functions never panic on input).
//! * [`error`]: the one error type a handler returns, mapped onto the Lambda runtime's
//!   `errorType` / `errorMessage` pair.
//! * [`log`]: structured JSON logs (timestamp, request id, operation, input, result, duration).
//! * [`run`]: the runtime glue every `main.rs` uses.

pub mod error;
#[cfg(feature = "fuzz")]
pub mod fuzz;
pub mod input;
pub mod log;
pub mod run;

pub use error::{FunctionError, aws_error, is_denied};
pub use input::{Fields, InputError};
pub use run::Invocation;

/// The outcome of one check (the shared type of the functions' answers).
pub use rosa_lambda_api::Status;
