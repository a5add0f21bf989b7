//! What rosactl ships to a customer's account, described once.
//!
//! * [`FUNCTIONS`]: the catalog of the three Lambda functions (name, component, crate,
//!   memory, timeout), used by the build script to know what to build and by the deploy
//!   engine to know what to create.
//! * [`PackageManifest`]: one entry of the manifest embedded beside the zips.
//! * [`sha256_hex`]: the digest the manifest records and rosactl re-checks before deploying.
//! * `pack` feature: [`pack::zip_bootstrap`] (deterministic zip) and
//!   [`pack::max_glibc_version`] (keeps the binary runnable on `provided.al2023`).

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

#[cfg(feature = "pack")]
pub mod pack;

/// One Lambda function rosactl deploys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FunctionSpec {
    /// The Lambda function name, also the binary's name.
    pub function_name: &'static str,
    /// The value of the `rosa:component` tag the platform discovers functions by.
    pub component: &'static str,
    /// The workspace crate that builds it.
    pub crate_name: &'static str,
    pub memory_mb: i32,
    pub timeout_s: i32,
    pub description: &'static str,
}

/// The three functions, in the order they are shown and deployed.
pub const FUNCTIONS: [FunctionSpec; 3] = [
    FunctionSpec {
        function_name: "rosa-oidc-provisioner",
        component: "oidc-provisioner",
        crate_name: "rosa-oidc-provisioner",
        memory_mb: 128,
        timeout_s: 60,
        description: "ROSA Regional Platform: creates and updates cluster OIDC providers",
    },
    FunctionSpec {
        function_name: "rosa-preflight-checker",
        component: "preflight-checker",
        crate_name: "rosa-preflight-checker",
        memory_mb: 256,
        timeout_s: 300,
        description: "ROSA Regional Platform: checks quotas and prerequisites before cluster creation",
    },
    FunctionSpec {
        function_name: "rosa-network-verifier",
        component: "network-verifier",
        crate_name: "rosa-network-verifier",
        memory_mb: 256,
        timeout_s: 300,
        description: "ROSA Regional Platform: checks a VPC and subnets for cluster creation",
    },
];

/// Finds a function by its name or its component (`rosa-oidc-provisioner` or `oidc-provisioner`).
pub fn function(name: &str) -> Option<&'static FunctionSpec> {
    FUNCTIONS
        .iter()
        .find(|f| f.function_name == name || f.component == name)
}

/// The Lambda runtime the packages are built for.
pub const RUNTIME: &str = "provided.al2023";
/// The one entry of every package.
pub const BOOTSTRAP: &str = "bootstrap";
/// The highest glibc symbol version a package may need: what Amazon Linux 2023 provides.
pub const MAX_GLIBC: (u32, u32) = (2, 34);

/// One package as recorded at build time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackageManifest {
    pub function_name: String,
    pub component: String,
    pub version: String,
    /// Lambda's name for it: `x86_64` or `arm64`.
    pub architecture: String,
    /// Size of the zip in bytes.
    pub size: u64,
    /// Lowercase hex SHA-256 of the zip.
    pub sha256: String,
}

/// The manifest file: every embedded package.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub packages: Vec<PackageManifest>,
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// Lambda's architecture name for a Rust target architecture.
pub fn lambda_architecture(rust_arch: &str) -> Option<&'static str> {
    match rust_arch {
        "x86_64" => Some("x86_64"),
        "aarch64" => Some("arm64"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalog_matches_the_design() {
        let by = |n| function(n).unwrap();
        assert_eq!(
            (
                by("oidc-provisioner").memory_mb,
                by("oidc-provisioner").timeout_s
            ),
            (128, 60)
        );
        assert_eq!(
            (
                by("rosa-preflight-checker").memory_mb,
                by("preflight-checker").timeout_s
            ),
            (256, 300)
        );
        assert_eq!(
            (
                by("network-verifier").memory_mb,
                by("network-verifier").timeout_s
            ),
            (256, 300)
        );
        assert!(function("nope").is_none());
    }

    #[test]
    fn sha256_is_lowercase_hex() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
