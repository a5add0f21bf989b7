//! Runtime glue: the AWS configuration is loaded once per sandbox; clients for the requested
//! region are made from it per invocation. Everything else is in the library.

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), lambda_runtime::Error> {
    let config = rosa_lambda_common::aws_config().await;
    let config = &config;
    rosa_lambda_common::run::serve(preflight_checker::OPERATION, move |event, invocation| {
        preflight_checker::handle(config, event, invocation)
    })
    .await
}
