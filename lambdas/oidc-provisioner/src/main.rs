//! Runtime glue: everything the function does is in the library crate.

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), lambda_runtime::Error> {
    rosa_lambda_common::run::serve(oidc_provisioner::OPERATION, oidc_provisioner::handle).await
}
