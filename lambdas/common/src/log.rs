//! Structured JSON logging: one JSON object per line on stdout, which Lambda ships to the
//! function's CloudWatch log group. Every invocation logs one `invocation` record with
//! `request_id`, `operation`, `input`, `result` or `error`, and `duration_ms`.

use tracing_subscriber::EnvFilter;

/// Installs the JSON subscriber. `RUST_LOG` (default `info`) sets the level.
pub fn init() {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .json()
        .flatten_event(true)
        .with_current_span(false)
        .with_span_list(false)
        .with_target(false)
        .with_ansi(false)
        .with_env_filter(filter)
        .try_init();
}

/// Renders a JSON value for a log field, cut to a size that keeps a log line readable.
pub fn compact(value: &serde_json::Value) -> String {
    const MAX: usize = 4096;
    let mut s = value.to_string();
    if s.len() > MAX {
        let mut cut = MAX;
        while !s.is_char_boundary(cut) {
            cut -= 1;
        }
        s.truncate(cut);
        s.push_str("…(truncated)");
    }
    s
}
