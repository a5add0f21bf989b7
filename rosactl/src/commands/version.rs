use serde::Serialize;

use crate::output::{Format, Output, human_size, print_table, table};
use crate::payloads;
use rosa_lambda_packaging::PackageManifest;

#[derive(Serialize)]
struct VersionReport<'a> {
    version: &'static str,
    /// `verified`: every embedded package hashed to its manifest SHA-256 just now.
    integrity: &'static str,
    runtime: &'static str,
    packages: Vec<&'a PackageManifest>,
}

pub fn run(out: &Output) -> anyhow::Result<()> {
    let packages = payloads::verified()?;
    let report = VersionReport {
        version: env!("CARGO_PKG_VERSION"),
        integrity: "verified",
        runtime: rosa_lambda_packaging::RUNTIME,
        packages: packages.iter().map(|p| p.manifest).collect(),
    };
    if out.format != Format::Table {
        return out.document(&report);
    }
    println!("rosactl {}", report.version);
    println!(
        "Embedded Lambda packages ({}, SHA-256 verified):",
        report.runtime
    );
    let mut t = table(&["FUNCTION", "VERSION", "ARCH", "SIZE", "SHA-256"]);
    for m in &report.packages {
        t.add_row(vec![
            m.function_name.clone(),
            m.version.clone(),
            m.architecture.clone(),
            human_size(m.size),
            m.sha256.clone(),
        ]);
    }
    print_table(&t);
    Ok(())
}
