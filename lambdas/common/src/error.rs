use lambda_runtime::Diagnostic;

use crate::input::InputError;

/// Everything a handler can fail with. The variant becomes the `errorType` the caller sees
/// in the Invoke response, the display text becomes `errorMessage`.
#[derive(thiserror::Error)]
pub enum FunctionError {
    /// The event did not match the function's input schema.
    #[error("{0}")]
    InvalidInput(#[from] InputError),
    /// An AWS call needed permissions the execution role does not have.
    #[error("{operation}: access denied ({detail}); the execution role needs {permission}")]
    AccessDenied {
        operation: String,
        permission: String,
        detail: String,
    },
    /// An AWS call failed for another reason.
    #[error("{operation} failed: {detail}")]
    Aws { operation: String, detail: String },
    /// The function refuses to act on a resource it does not own.
    #[error("{0}")]
    NotOwned(String),
}

// The runtime logs a handler's error with `{:?}`: make that the readable message.
impl std::fmt::Debug for FunctionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.error_type(), self)
    }
}

impl FunctionError {
    pub fn error_type(&self) -> &'static str {
        match self {
            FunctionError::InvalidInput(_) => "InvalidInput",
            FunctionError::AccessDenied { .. } => "AccessDenied",
            FunctionError::Aws { .. } => "AwsError",
            FunctionError::NotOwned(_) => "NotOwned",
        }
    }
}

/// Maps a failed AWS call: access refusals name the permission the execution role lacks.
pub fn aws_error(
    operation: &str,
    permission: &str,
    code: Option<&str>,
    message: &str,
) -> FunctionError {
    let denied = code.is_some_and(|c| {
        c.contains("AccessDenied") || c == "UnauthorizedOperation" || c == "AuthFailure"
    });
    if denied {
        FunctionError::AccessDenied {
            operation: operation.to_string(),
            permission: permission.to_string(),
            detail: message.to_string(),
        }
    } else {
        FunctionError::Aws {
            operation: operation.to_string(),
            detail: match code {
                Some(c) => format!("{c}: {message}"),
                None => message.to_string(),
            },
        }
    }
}

/// Whether an AWS error code means "not allowed".
pub fn is_denied(code: Option<&str>) -> bool {
    code.is_some_and(|c| {
        c.contains("AccessDenied") || c == "UnauthorizedOperation" || c == "AuthFailure"
    })
}

impl From<FunctionError> for Diagnostic {
    fn from(err: FunctionError) -> Diagnostic {
        Diagnostic {
            error_type: err.error_type().to_string(),
            error_message: err.to_string(),
        }
    }
}
