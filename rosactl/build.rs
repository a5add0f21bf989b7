//! Builds the three Lambda functions and embeds them in rosactl.
//!
//! The Lambda crates are built in their own target directory (`<target>/lambda`) with the
//! size-tuned `lambda` profile, for the host's x86_64 glibc target: a host build on the
//! supported build image needs at most GLIBC_2.34, which `provided.al2023` provides, and
//! this script refuses a binary that needs more. Each binary is zipped deterministically
//! as `bootstrap`, hashed, and listed in `manifest.json`; `src/payloads.rs` includes the
//! zips and the manifest from OUT_DIR.
//!
//! The same idea as crates that embed a wasm build: `cargo build` is the only command.

use std::collections::BTreeMap;
use std::env;
use std::fs;
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use rosa_lambda_packaging::pack::{lambda_elf_architecture, max_glibc_version, zip_bootstrap};
use rosa_lambda_packaging::{
    FUNCTIONS, MAX_GLIBC, Manifest, PackageManifest, lambda_architecture, sha256_hex,
};

fn main() {
    if let Err(msg) = run() {
        // A build script's panic message is what cargo shows; keep it to the point.
        panic!("\n\nrosactl: embedding the Lambda packages failed:\n{msg}\n");
    }
}

fn run() -> Result<(), String> {
    let manifest_dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR").map_err(|e| e.to_string())?);
    let workspace = manifest_dir
        .parent()
        .ok_or("rosactl must live one level below the workspace root")?
        .to_path_buf();
    let out_dir = PathBuf::from(env::var("OUT_DIR").map_err(|e| e.to_string())?);

    for watched in ["lambdas", "Cargo.lock", "Cargo.toml"] {
        println!(
            "cargo:rerun-if-changed={}",
            workspace.join(watched).display()
        );
    }
    println!("cargo:rerun-if-env-changed=CARGO_TARGET_DIR");

    let target_dir = env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|p| {
            if p.is_absolute() {
                p
            } else {
                workspace.join(p)
            }
        })
        .unwrap_or_else(|| workspace.join("target"))
        .join("lambda");

    let binaries = build_lambdas(&workspace, &target_dir)?;
    let architecture = lambda_architecture(env::consts::ARCH)
        .ok_or_else(|| format!("no Lambda architecture for host {}", env::consts::ARCH))?;

    let mut manifest = Manifest {
        packages: Vec::new(),
    };
    let mut includes = String::new();
    for spec in FUNCTIONS {
        let (binary_path, version) = binaries
            .get(spec.function_name)
            .ok_or_else(|| format!("cargo built no binary named {}", spec.function_name))?;
        let binary =
            fs::read(binary_path).map_err(|e| format!("{}: {e}", binary_path.display()))?;
        // The functions are built for the host: on a host Lambda cannot run binaries of (a
        // Mac, Windows, 32-bit), stop here rather than embed something that never starts.
        match lambda_elf_architecture(&binary) {
            Ok(arch) if arch == architecture => {}
            Ok(arch) => {
                return Err(format!(
                    "{} is a Linux ELF for {arch}, but the manifest would say {architecture}",
                    spec.function_name
                ));
            }
            Err(why) => {
                return Err(format!(
                    "{}: {why}. Build rosactl on Linux x86_64 or arm64 (e.g. in a container), or cross-compile the functions with cargo-zigbuild.",
                    spec.function_name
                ));
            }
        }
        if let Some(found) = max_glibc_version(&binary) {
            if found > MAX_GLIBC {
                return Err(format!(
                    "{} needs GLIBC_{}.{}, but provided.al2023 offers at most GLIBC_{}.{}.\n\
                     Build on an older image, or pin glibc with cargo-zigbuild \
                     (--target x86_64-unknown-linux-gnu.2.34).",
                    spec.function_name, found.0, found.1, MAX_GLIBC.0, MAX_GLIBC.1
                ));
            }
        }
        let zip =
            zip_bootstrap(&binary).map_err(|e| format!("zipping {}: {e}", spec.function_name))?;
        let zip_path = out_dir.join(format!("{}.zip", spec.function_name));
        fs::write(&zip_path, &zip).map_err(|e| format!("{}: {e}", zip_path.display()))?;
        manifest.packages.push(PackageManifest {
            function_name: spec.function_name.to_string(),
            component: spec.component.to_string(),
            version: version.clone(),
            architecture: architecture.to_string(),
            size: zip.len() as u64,
            sha256: sha256_hex(&zip),
        });
        includes.push_str(&format!(
            "    ({:?}, include_bytes!({:?})),\n",
            spec.function_name,
            zip_path.display().to_string()
        ));
    }

    let manifest_json = serde_json::to_string_pretty(&manifest).map_err(|e| e.to_string())?;
    fs::write(out_dir.join("manifest.json"), manifest_json).map_err(|e| e.to_string())?;
    let generated = format!(
        "/// The zips built by build.rs, by function name.\n\
         pub static EMBEDDED_ZIPS: [(&str, &[u8]); {}] = [\n{includes}];\n",
        FUNCTIONS.len()
    );
    fs::write(out_dir.join("embedded.rs"), generated).map_err(|e| e.to_string())?;
    Ok(())
}

/// Runs `cargo build --profile lambda` for the three crates; returns each binary's path and
/// its package version, read from cargo's JSON messages.
fn build_lambdas(
    workspace: &Path,
    target_dir: &Path,
) -> Result<BTreeMap<String, (PathBuf, String)>, String> {
    let cargo = env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.current_dir(workspace)
        .arg("build")
        // The lock file the outer build resolved, never a new resolution (CARGO_NET_OFFLINE,
        // kept below, carries --offline's setting from the environment).
        .arg("--locked")
        .arg("--profile")
        .arg("lambda")
        .arg("--target-dir")
        .arg(target_dir)
        .arg("--message-format=json-render-diagnostics");
    for spec in FUNCTIONS {
        cmd.arg("-p").arg(spec.crate_name);
    }
    // The outer build's settings are meant for rosactl, not for the functions: drop what
    // cargo sets for build scripts, keep the jobserver (CARGO_MAKEFLAGS) so both builds
    // share the same job slots, and keep user configuration (CARGO_HOME, registries, net).
    for (key, _) in env::vars_os() {
        let Some(key) = key.to_str() else { continue };
        let keep = matches!(key, "CARGO_HOME" | "CARGO_MAKEFLAGS")
            || key.starts_with("CARGO_NET_")
            || key.starts_with("CARGO_HTTP_")
            || key.starts_with("CARGO_REGISTRIES_")
            || key.starts_with("CARGO_REGISTRY_");
        let drop = (key.starts_with("CARGO_") && !keep)
            || key.starts_with("__CARGO")
            || matches!(
                key,
                "OUT_DIR"
                    | "TARGET"
                    | "HOST"
                    | "PROFILE"
                    | "OPT_LEVEL"
                    | "DEBUG"
                    | "NUM_JOBS"
                    | "RUSTC_WRAPPER"
                    | "RUSTC_WORKSPACE_WRAPPER"
                    | "RUSTC_LINKER"
                    | "RUSTDOC"
                    | "RUSTFLAGS"
                    | "RUSTDOCFLAGS"
            );
        if drop {
            cmd.env_remove(key);
        }
    }
    cmd.stdout(Stdio::piped()).stderr(Stdio::inherit());

    let mut child = cmd.spawn().map_err(|e| format!("cannot run cargo: {e}"))?;
    let stdout = child.stdout.take().expect("piped");
    let mut found = BTreeMap::new();
    for line in std::io::BufReader::new(stdout).lines() {
        let line = line.map_err(|e| e.to_string())?;
        let Ok(msg) = serde_json::from_str::<serde_json::Value>(&line) else {
            continue;
        };
        if msg["reason"] != "compiler-artifact" {
            continue;
        }
        let (Some(name), Some(exe)) = (msg["target"]["name"].as_str(), msg["executable"].as_str())
        else {
            continue;
        };
        let version = msg["package_id"]
            .as_str()
            .and_then(|id| id.rsplit(['@', '#', ' ']).next())
            .unwrap_or("0.0.0")
            .to_string();
        found.insert(name.to_string(), (PathBuf::from(exe), version));
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    if !status.success() {
        return Err(format!(
            "`cargo build --profile lambda` of the Lambda crates failed ({status}); its errors are above"
        ));
    }
    Ok(found)
}
