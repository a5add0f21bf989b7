//! rosactl's local test bed, in one line: `let bed = TestBed::start();` gives a fresh AWS
//! stand-in (moto with a real Lambda executor) and a SigV4-verifying Platform API stand-in,
//! and `bed.command(path)` a `std::process::Command` set up to run rosactl against both.
//! Both stand-ins stop when the `TestBed` is dropped, also when a test panics.

pub mod aws;
pub mod emf;
pub mod faults;
pub mod inventory;
pub mod platform;
pub mod sigv4;
pub mod topology;

use std::ffi::OsStr;
use std::process::Command;

pub use aws::{AwsBed, BedError};
pub use platform::{PlatformApi, PlatformConfig};

/// What `ROSACTL_TEST_TIME_SCALE` divides rosactl's pauses by in [`TestBed::command`].
pub const TIME_SCALE: u32 = 20;

/// Variables that would point rosactl at the developer's own AWS setup.
pub const ENV_REMOVE: &[&str] = &[
    "AWS_PROFILE",
    "AWS_DEFAULT_PROFILE",
    "AWS_SESSION_TOKEN",
    "AWS_ROLE_ARN",
    "AWS_WEB_IDENTITY_TOKEN_FILE",
    "AWS_CONTAINER_CREDENTIALS_FULL_URI",
    "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
    "ROSACTL_API_URL",
    "AWS_DEFAULT_REGION",
];

pub struct TestBed {
    pub aws: AwsBed,
    pub platform: PlatformApi,
    /// Where rosactl keeps its config for this bed (`ROSACTL_CONFIG`): never the developer's.
    pub config_home: std::path::PathBuf,
}

impl Drop for TestBed {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.config_home);
    }
}

impl TestBed {
    /// Starts both stand-ins with the default Platform API configuration.
    /// Panics with the reason when the bed cannot start: tests cannot go on without it.
    pub fn start() -> Self {
        Self::with_platform(PlatformConfig::default())
    }

    pub fn with_platform(config: PlatformConfig) -> Self {
        Self::try_start(config).unwrap_or_else(|e| panic!("{e}"))
    }

    /// A bed whose AWS account has the AWS-managed IAM policies (the ROSA operator policies).
    pub fn with_managed_policies() -> Self {
        Self::try_start_with(PlatformConfig::default(), true).unwrap_or_else(|e| panic!("{e}"))
    }

    pub fn try_start(config: PlatformConfig) -> Result<Self, BedError> {
        Self::try_start_with(config, false)
    }

    /// [`TestBed::try_start`], with moto's AWS-managed IAM policies loaded when asked.
    pub fn try_start_with(
        config: PlatformConfig,
        managed_policies: bool,
    ) -> Result<Self, BedError> {
        let aws = AwsBed::start_with(managed_policies)?;
        let platform = PlatformApi::start(config)?;
        static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let config_home = std::env::temp_dir().join(format!(
            "rosa-bed-config-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&config_home)?;
        Ok(TestBed {
            aws,
            platform,
            config_home,
        })
    }

    /// Every variable rosactl needs to run against the bed.
    pub fn env(&self) -> Vec<(String, String)> {
        let mut env = self.aws.env();
        env.push(("ROSACTL_API_URL".into(), self.platform.base_url.clone()));
        env.push(("NO_COLOR".into(), "1".into()));
        env.push((
            "ROSACTL_CONFIG".into(),
            self.config_home.join("config.json").display().to_string(),
        ));
        env
    }

    /// A command for `program` with the bed's environment and nothing of the host's AWS setup.
    pub fn command(&self, program: impl AsRef<OsStr>) -> Command {
        let mut cmd = Command::new(program);
        for key in ENV_REMOVE {
            cmd.env_remove(key);
        }
        cmd.envs(self.env());
        // rosactl's pauses between attempts, a twentieth of a real run's: the same calls in
        // the same order, without the seconds of backoff (a seam of test builds only, see
        // rosactl/src/pace.rs; the release binary ignores it).
        cmd.env("ROSACTL_TEST_TIME_SCALE", TIME_SCALE.to_string());
        cmd
    }

    /// [`TestBed::command`] with AWS calls going through `aws` (a [`faults::FaultProxy`] in front
    /// of the AWS stand-in) and Platform API calls through `platform` when given.
    pub fn command_via(
        &self,
        program: impl AsRef<OsStr>,
        aws: &faults::FaultProxy,
        platform: Option<&faults::FaultProxy>,
    ) -> Command {
        let mut cmd = self.command(program);
        cmd.env("AWS_ENDPOINT_URL", &aws.url);
        if let Some(p) = platform {
            cmd.env("ROSACTL_API_URL", &p.url);
        }
        cmd
    }

    /// Proxies in front of both stand-ins, without rules yet.
    pub fn fault_proxies(&self) -> (faults::FaultProxy, faults::FaultProxy) {
        let aws = faults::FaultProxy::start(&self.aws.endpoint, faults::Upstream::Aws)
            .unwrap_or_else(|e| panic!("fault proxy for AWS: {e}"));
        let platform =
            faults::FaultProxy::start(&self.platform.base_url, faults::Upstream::Platform)
                .unwrap_or_else(|e| panic!("fault proxy for the Platform API: {e}"));
        (aws, platform)
    }

    /// An AWS SDK configuration pointing at the AWS stand-in.
    pub async fn sdk_config(&self) -> aws_config::SdkConfig {
        sdk_config(&self.aws.endpoint).await
    }
}

/// An AWS SDK configuration for the stand-in at `endpoint`, with the test credentials.
pub async fn sdk_config(endpoint: &str) -> aws_config::SdkConfig {
    let creds = aws_credential_types::Credentials::new(
        platform::CUSTOMER_KEY,
        platform::CUSTOMER_SECRET,
        None,
        None,
        "rosa-testbed",
    );
    aws_config::defaults(aws_config::BehaviorVersion::latest())
        .region(aws_config::Region::new(aws::REGION))
        .endpoint_url(endpoint)
        .credentials_provider(creds)
        .load()
        .await
}
