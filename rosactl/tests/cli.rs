//! The binary's contract for people and scripts: version and integrity reporting, export,
//! help, exit codes.

use std::io::Read;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use sha2::{Digest, Sha256};

fn rosactl() -> Command {
    let mut cmd = Command::cargo_bin("rosactl").unwrap();
    cmd.env("NO_COLOR", "1");
    cmd
}

#[test]
fn version_json_lists_the_three_packages_with_hashes_matching_the_zips() {
    let out = rosactl().args(["version", "-o", "json"]).output().unwrap();
    assert!(out.status.success());
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(report["integrity"], "verified");
    let packages = report["packages"].as_array().unwrap();
    let names: Vec<&str> = packages
        .iter()
        .map(|p| p["function_name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "rosa-oidc-provisioner",
            "rosa-preflight-checker",
            "rosa-network-verifier"
        ]
    );

    let dir = tempfile::tempdir().unwrap();
    rosactl()
        .args(["export-lambdas", "--dir"])
        .arg(dir.path())
        .assert()
        .success();
    for p in packages {
        let name = p["function_name"].as_str().unwrap();
        let zip = std::fs::read(dir.path().join(format!("{name}.zip"))).unwrap();
        assert_eq!(
            p["sha256"].as_str().unwrap(),
            hex::encode(Sha256::digest(&zip)),
            "{name}"
        );
        assert_eq!(p["size"].as_u64().unwrap(), zip.len() as u64);
        assert_eq!(p["architecture"], "x86_64");
        assert_eq!(p["version"], env!("CARGO_PKG_VERSION"));

        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
        assert_eq!(archive.len(), 1, "{name}");
        let mut entry = archive.by_index(0).unwrap();
        assert_eq!(
            (
                entry.name().unwrap().as_ref(),
                entry.unix_mode().unwrap() & 0o777
            ),
            ("bootstrap", 0o755)
        );
        let mut elf = [0u8; 4];
        entry.read_exact(&mut elf).unwrap();
        assert_eq!(&elf, b"\x7fELF");
    }
    let manifest: Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("manifest.json")).unwrap()).unwrap();
    assert_eq!(&manifest["packages"], &report["packages"]);
}

#[test]
fn version_as_a_table_and_as_yaml() {
    rosactl().arg("version").assert().success().stdout(
        predicate::str::contains("rosa-network-verifier")
            .and(predicate::str::contains("SHA-256 verified")),
    );
    let out = rosactl()
        .args(["version", "--output", "yaml"])
        .output()
        .unwrap();
    let yaml: Value = serde_norway::from_slice(&out.stdout).unwrap();
    assert_eq!(yaml["packages"].as_array().unwrap().len(), 3);
}

#[test]
fn help_shows_usage_and_exit_codes() {
    rosactl()
        .arg("help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Usage:"));
    rosactl().arg("--help").assert().success().stdout(
        predicate::str::contains("Exit codes:")
            .and(predicate::str::contains("3  an embedded Lambda package")),
    );
}

#[test]
fn usage_errors_exit_2_and_name_the_problem() {
    rosactl()
        .arg("deploy-everything")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "unrecognized subcommand 'deploy-everything'",
        ));
    rosactl()
        .args(["version", "-o", "xml"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("'xml'").and(predicate::str::contains("table, json, yaml")),
        );
    rosactl()
        .arg("export-lambdas")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--dir <DIR>"));
}

#[test]
fn export_to_an_unwritable_place_fails_cleanly() {
    let file = tempfile::NamedTempFile::new().unwrap();
    rosactl()
        .args(["export-lambdas", "--dir"])
        .arg(file.path().join("sub"))
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with("error: cannot create"));
}

#[test]
fn completion_scripts_are_printed() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        rosactl()
            .args(["completion", shell])
            .assert()
            .success()
            .stdout(predicate::str::contains("rosactl"));
    }
}
