//! What ships has no test seam, and its Lambda packages fit their budget.
//!
//! The shipped build is the README's `cargo build --release -p rosactl`: rosactl with its
//! default features, which do not include `test-seams`. The proof has three parts:
//! - the README's build command resolves rosactl without the feature (`cargo tree`, no build);
//! - a build with exactly that feature set (`scripts/test.sh` builds it in the debug profile,
//!   beside the test build, sharing its dependencies: features only add) has no seam: its
//!   path comes in `ROSACTL_SHIPPED_BIN`, and the test fails when it is missing;
//! - the test build beside it (which has the seams) is the control that shows the check can
//!   fail. A seam is compiled in or out by `cfg(feature)`, which no profile setting changes.

use std::process::Command;

/// The seams' variables: a second package variant (src/payloads.rs) and shorter pauses
/// between attempts (src/pace.rs).
const SEAM_VARIABLES: [&[u8]; 2] = [b"ROSACTL_TEST_PACKAGE_VARIANT", b"ROSACTL_TEST_TIME_SCALE"];

/// The budget of one Lambda package (zip), in bytes: 2.5 MB.
const ZIP_BUDGET: usize = 2_500_000;

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn packages(bin: &std::ffi::OsStr, variant: Option<&str>) -> serde_json::Value {
    let mut cmd = Command::new(bin);
    match variant {
        Some(v) => cmd.env("ROSACTL_TEST_PACKAGE_VARIANT", v),
        None => cmd.env_remove("ROSACTL_TEST_PACKAGE_VARIANT"),
    };
    let out = cmd.args(["version", "-o", "json"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["packages"].clone()
}

#[test]
fn the_test_build_has_the_seam_exactly_when_the_feature_is_on() {
    let bin = std::ffi::OsStr::new(env!("CARGO_BIN_EXE_rosactl"));
    let bytes = std::fs::read(bin).unwrap();
    for variable in SEAM_VARIABLES {
        assert_eq!(
            contains(&bytes, variable),
            cfg!(feature = "test-seams"),
            "{}",
            String::from_utf8_lossy(variable)
        );
    }
    let changed = packages(bin, None) != packages(bin, Some("9"));
    assert_eq!(changed, cfg!(feature = "test-seams"));
}

/// rosactl's features as `cargo tree` resolves them for `-p rosactl` with `extra` arguments.
fn resolved_features(extra: &[&str]) -> String {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let out = Command::new(cargo)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .args([
            "tree",
            "--locked",
            "--offline",
            "-p",
            "rosactl",
            "--depth",
            "0",
        ])
        .args(["-e", "normal", "--format", "features=[{f}]"])
        .args(extra)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "cargo tree: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn the_readme_build_command_enables_no_test_seam() {
    let readme = include_str!("../../README.md");
    assert!(
        readme.contains("cargo build --release -p rosactl "),
        "the README's build command changed: this test checks the features it resolves"
    );
    // Features do not depend on the profile: `-p rosactl` as the README's command selects it.
    let shipped = resolved_features(&[]);
    assert!(shipped.starts_with("features=["), "{shipped}");
    assert!(!shipped.contains("test-seams"), "shipped: {shipped}");
    // The control: the tests' feature set has it, and cargo tree shows it.
    let tests = resolved_features(&["--all-features"]);
    assert!(tests.contains("test-seams"), "tests: {tests}");
}

#[test]
fn the_shipped_binary_has_no_test_seam() {
    let bin = std::env::var_os("ROSACTL_SHIPPED_BIN").unwrap_or_else(|| {
        panic!(
            "ROSACTL_SHIPPED_BIN is not set: this test checks a rosactl built with the shipped \
             features. scripts/test.sh builds one (`cargo build --workspace --bin rosactl`, \
             copied to target/shipped/rosactl) and sets it; or build it so and set it by hand"
        )
    });
    let bytes = std::fs::read(&bin).unwrap_or_else(|e| panic!("{bin:?}: {e}"));
    for variable in SEAM_VARIABLES {
        assert!(
            !contains(&bytes, variable),
            "the shipped binary mentions the test seam's variable {}",
            String::from_utf8_lossy(variable)
        );
    }
    assert_eq!(
        packages(&bin, None),
        packages(&bin, Some("9")),
        "the seam's variable changes nothing in the shipped binary"
    );
    // And it is the same product: the same embedded packages as the test build.
    let test_bin = std::ffi::OsStr::new(env!("CARGO_BIN_EXE_rosactl"));
    assert_eq!(packages(&bin, None), packages(test_bin, None));
}

#[test]
fn every_embedded_package_fits_its_budget_and_matches_the_manifest() {
    let verified = rosactl::payloads::verified().unwrap();
    assert_eq!(verified.len(), 3);
    let listed = packages(std::ffi::OsStr::new(env!("CARGO_BIN_EXE_rosactl")), None);
    for p in &verified {
        assert!(
            p.zip.len() <= ZIP_BUDGET,
            "{}: {} bytes, over the {ZIP_BUDGET}-byte budget",
            p.spec.function_name,
            p.zip.len()
        );
        let entry = listed
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["function_name"] == p.spec.function_name)
            .unwrap_or_else(|| panic!("{} missing from {listed}", p.spec.function_name));
        assert_eq!(entry["size"], p.zip.len() as u64, "{entry}");
    }
}
