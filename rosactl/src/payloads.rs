//! The Lambda packages embedded in this binary, and their integrity check.
//!
//! `build.rs` builds, zips and hashes the three functions; the zips are included below and
//! the manifest beside them. Nothing is deployed from a package whose bytes do not hash to
//! the manifest's SHA-256: [`verified`] is the only way the deploy code gets a package.

use rosa_lambda_packaging::{FUNCTIONS, FunctionSpec, Manifest, PackageManifest, sha256_hex};

use crate::exit::{Exit, Failure};

include!(concat!(env!("OUT_DIR"), "/embedded.rs"));

const MANIFEST_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/manifest.json"));

/// One embedded package: its manifest entry, its catalog entry, and its bytes.
#[derive(Debug, Clone, Copy)]
pub struct Package {
    pub manifest: &'static PackageManifest,
    pub spec: &'static FunctionSpec,
    pub zip: &'static [u8],
}

/// The embedded manifest.
pub fn manifest() -> &'static Manifest {
    static MANIFEST: std::sync::OnceLock<Manifest> = std::sync::OnceLock::new();
    MANIFEST.get_or_init(|| {
        serde_json::from_str(MANIFEST_JSON).expect("build.rs writes a valid manifest")
    })
}

/// Checks `zip` against its manifest entry.
pub fn verify(manifest: &PackageManifest, zip: &[u8]) -> Result<(), Failure> {
    if zip.len() as u64 != manifest.size {
        return Err(Failure::new(
            Exit::Integrity,
            format!(
                "embedded package {} is {} bytes, but its manifest says {}: this rosactl binary is damaged or was tampered with; nothing was deployed. Reinstall rosactl.",
                manifest.function_name,
                zip.len(),
                manifest.size
            ),
        ));
    }
    let actual = sha256_hex(zip);
    if actual != manifest.sha256 {
        return Err(Failure::new(
            Exit::Integrity,
            format!(
                "embedded package {} has SHA-256 {actual}, but its manifest says {}: this rosactl binary is damaged or was tampered with; nothing was deployed. Reinstall rosactl.",
                manifest.function_name, manifest.sha256
            ),
        ));
    }
    Ok(())
}

/// Pairs every catalog entry with its manifest entry and bytes, without checking the bytes.
fn unchecked() -> Result<Vec<Package>, Failure> {
    FUNCTIONS
        .iter()
        .map(|spec| {
            let missing = |what: &str| {
                Failure::new(
                    Exit::Integrity,
                    format!("embedded {what} for {} is missing: this rosactl binary is damaged; reinstall it", spec.function_name),
                )
            };
            let manifest = manifest()
                .packages
                .iter()
                .find(|m| m.function_name == spec.function_name)
                .ok_or_else(|| missing("manifest entry"))?;
            let zip = EMBEDDED_ZIPS
                .iter()
                .find(|(name, _)| *name == spec.function_name)
                .map(|(_, zip)| *zip)
                .ok_or_else(|| missing("package"))?;
            Ok(Package { manifest, spec, zip })
        })
        .collect()
}

/// All embedded packages, each re-hashed and checked against the manifest.
pub fn verified() -> Result<Vec<Package>, Failure> {
    let packages = unchecked()?;
    for p in &packages {
        verify(p.manifest, p.zip)?;
    }
    #[cfg(feature = "test-seams")]
    let packages = seam::variant(packages)?;
    Ok(packages)
}

/// Test seam, compiled only with the `test-seams` feature (never in a shipped build; a test
/// checks the release binary): `ROSACTL_TEST_PACKAGE_VARIANT=N` turns every embedded
/// package into a different one that runs the same code: the zip's comment says "variant N",
/// so its SHA-256 differs, and its version gets `+variant.N`. That is how tests deliver a
/// second release without a second build.
#[cfg(feature = "test-seams")]
mod seam {
    use super::*;

    pub const VARIABLE: &str = "ROSACTL_TEST_PACKAGE_VARIANT";

    /// The same zip with `comment` as its archive comment.
    pub fn with_comment(zip: &[u8], comment: &str) -> Option<Vec<u8>> {
        // The end-of-central-directory record: signature, 18 bytes, comment length, comment.
        let at = zip
            .windows(4)
            .rposition(|w| w == [0x50, 0x4b, 0x05, 0x06])?;
        let mut out = zip[..at + 20].to_vec();
        let len = u16::try_from(comment.len()).ok()?;
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(comment.as_bytes());
        Some(out)
    }

    pub fn variant(packages: Vec<Package>) -> Result<Vec<Package>, Failure> {
        let Ok(n) = std::env::var(VARIABLE) else {
            return Ok(packages);
        };
        if n.is_empty() || !n.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(Failure::usage(format!(
                "{VARIABLE}: expected letters and digits, got {n:?}"
            )));
        }
        packages
            .into_iter()
            .map(|p| {
                let zip = with_comment(p.zip, &format!("rosactl test variant {n}"))
                    .ok_or_else(|| Failure::new(Exit::Integrity, "no zip directory"))?;
                let manifest = PackageManifest {
                    version: format!("{}+variant.{n}", p.manifest.version),
                    size: zip.len() as u64,
                    sha256: sha256_hex(&zip),
                    ..p.manifest.clone()
                };
                let package = Package {
                    manifest: Box::leak(Box::new(manifest)),
                    spec: p.spec,
                    zip: Box::leak(zip.into_boxed_slice()),
                };
                verify(package.manifest, package.zip)?;
                Ok(package)
            })
            .collect()
    }
}

/// One package by function name or component, checked.
pub fn verified_one(name: &str) -> Result<Package, Failure> {
    let known: Vec<&str> = FUNCTIONS.iter().map(|f| f.component).collect();
    let spec = rosa_lambda_packaging::function(name).ok_or_else(|| {
        Failure::usage(format!(
            "unknown function {name:?}; expected one of: {}",
            known.join(", ")
        ))
    })?;
    Ok(verified()?
        .into_iter()
        .find(|p| p.spec.function_name == spec.function_name)
        .expect("every catalog entry is embedded"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_function_is_embedded_and_verifies() {
        let packages = verified().unwrap();
        assert_eq!(packages.len(), FUNCTIONS.len());
        for p in packages {
            assert!(
                p.zip.starts_with(b"PK\x03\x04"),
                "{} is a zip",
                p.spec.function_name
            );
            assert_eq!(p.manifest.component, p.spec.component);
        }
    }

    #[test]
    fn a_modified_payload_is_refused_naming_the_package() {
        let p = verified_one("network-verifier").unwrap();
        let mut tampered = p.zip.to_vec();
        let middle = tampered.len() / 2;
        tampered[middle] ^= 0x01;
        let err = verify(p.manifest, &tampered).unwrap_err();
        assert_eq!(err.exit, Exit::Integrity);
        assert!(
            err.message.contains("rosa-network-verifier"),
            "{}",
            err.message
        );
        assert!(err.message.contains(&p.manifest.sha256));

        let mut longer = p.zip.to_vec();
        longer.push(0);
        assert_eq!(
            verify(p.manifest, &longer).unwrap_err().exit,
            Exit::Integrity
        );
    }

    #[test]
    fn unknown_names_are_usage_errors() {
        let err = verified_one("oidc").unwrap_err();
        assert_eq!(err.exit, Exit::Usage);
        assert!(err.message.contains("oidc-provisioner"));
    }
}
