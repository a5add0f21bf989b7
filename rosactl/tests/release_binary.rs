//! The shipped build has no test seam. `scripts/test.sh` builds the release binary exactly
//! as the README says (`cargo build --release -p rosactl`) and passes its path in
//! `ROSACTL_RELEASE_BIN`; the test build beside it (which has the seams) is the control that
//! shows the check can fail.

use std::process::Command;

/// The seams' variables: a second package variant (src/payloads.rs) and shorter pauses
/// between attempts (src/pace.rs).
const SEAM_VARIABLES: [&[u8]; 2] = [b"ROSACTL_TEST_PACKAGE_VARIANT", b"ROSACTL_TEST_TIME_SCALE"];

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

#[test]
fn the_release_binary_has_no_test_seam() {
    let Some(bin) = std::env::var_os("ROSACTL_RELEASE_BIN") else {
        eprintln!(
            "ROSACTL_RELEASE_BIN is not set: build it with `cargo build --release -p rosactl` \
             (scripts/test.sh does, and sets it)"
        );
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must check the release binary: scripts/test.sh sets ROSACTL_RELEASE_BIN"
        );
        return;
    };
    let bytes = std::fs::read(&bin).unwrap_or_else(|e| panic!("{bin:?}: {e}"));
    for variable in SEAM_VARIABLES {
        assert!(
            !contains(&bytes, variable),
            "the release binary mentions the test seam's variable {}",
            String::from_utf8_lossy(variable)
        );
    }
    assert_eq!(
        packages(&bin, None),
        packages(&bin, Some("9")),
        "the seam's variable changes nothing in the release binary"
    );
    // And it is the same product: the same embedded packages as the test build.
    let test_bin = std::ffi::OsStr::new(env!("CARGO_BIN_EXE_rosactl"));
    assert_eq!(packages(&bin, None), packages(test_bin, None));
}
