//! Shared pieces of the three rosactl Lambda functions.
//!
//! * [`input`]: field-by-field parsing of the JSON event, so that every rejection names the
//!   field and says what was expected (the functions never panic on input).
//! * [`error`]: the one error type a handler returns, mapped onto the Lambda runtime's
//!   `errorType` / `errorMessage` pair.
//! * [`log`]: structured JSON logs (timestamp, request id, operation, input, result, duration).
//! * [`run`]: the runtime glue every `main.rs` uses.

pub mod error;
pub mod input;
pub mod log;
pub mod run;

pub use error::FunctionError;
pub use input::{Fields, InputError};
