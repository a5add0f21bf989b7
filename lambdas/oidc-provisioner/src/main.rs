//! Runtime glue: the IAM client is built once per sandbox; everything else is in the library.

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), lambda_runtime::Error> {
    let config = rosa_lambda_common::aws_config().await;
    let iam = aws_sdk_iam::Client::new(&config);
    let iam = &iam;
    rosa_lambda_common::run::serve(oidc_provisioner::OPERATION, move |event, invocation| {
        oidc_provisioner::handle(iam, event, invocation)
    })
    .await
}
