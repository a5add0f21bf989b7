//! Runtime glue: the EC2 client is built once per sandbox; everything else is in the library.

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), lambda_runtime::Error> {
    let config = rosa_lambda_common::aws_config().await;
    let ec2 = aws_sdk_ec2::Client::new(&config);
    let ec2 = &ec2;
    rosa_lambda_common::run::serve(network_verifier::OPERATION, move |event, invocation| {
        network_verifier::handle(ec2, event, invocation)
    })
    .await
}
