//! `--debug`: one line on stderr per AWS call (service, operation, status, duration,
//! request id), written by an SDK interceptor after each attempt. Only those fields: never a
//! header, a body, a signature or a credential.

use std::time::Instant;

use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::interceptors::Intercept;
use aws_smithy_runtime_api::client::interceptors::context::{
    BeforeTransmitInterceptorContextRef, FinalizerInterceptorContextRef,
};
use aws_smithy_runtime_api::client::orchestrator::Metadata;
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_types::config_bag::{ConfigBag, Storable, StoreReplace};

#[derive(Debug, Default)]
pub struct CallLog;

#[derive(Debug, Clone)]
struct Started(Instant);

impl Storable for Started {
    type Storer = StoreReplace<Self>;
}

/// The line for one call.
pub fn line(
    service: &str,
    operation: &str,
    status: Option<u16>,
    millis: u128,
    request_id: Option<&str>,
) -> String {
    format!(
        "debug: aws {service}.{operation} -> {} in {millis} ms (request id {})",
        status.map_or("no response".to_string(), |s| s.to_string()),
        request_id.unwrap_or("-")
    )
}

impl Intercept for CallLog {
    fn name(&self) -> &'static str {
        "rosactl-debug-call-log"
    }

    fn read_before_attempt(
        &self,
        _context: &BeforeTransmitInterceptorContextRef<'_>,
        _runtime_components: &RuntimeComponents,
        cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        cfg.interceptor_state().store_put(Started(Instant::now()));
        Ok(())
    }

    fn read_after_attempt(
        &self,
        context: &FinalizerInterceptorContextRef<'_>,
        _runtime_components: &RuntimeComponents,
        cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        let (service, operation) = cfg
            .load::<Metadata>()
            .map_or(("?", "?"), |m| (m.service(), m.name()));
        let millis = cfg
            .load::<Started>()
            .map_or(0, |s| s.0.elapsed().as_millis());
        let response = context.response();
        let status = response.map(|r| r.status().as_u16());
        let request_id = response.and_then(|r| {
            let h = r.headers();
            h.get("x-amzn-requestid")
                .or_else(|| h.get("x-amz-request-id"))
                .map(String::from)
        });
        eprintln!(
            "{}",
            line(service, operation, status, millis, request_id.as_deref())
        );
        Ok(())
    }
}
