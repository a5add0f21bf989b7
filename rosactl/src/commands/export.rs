use std::fs;

use anyhow::Context;

use crate::cli::ExportArgs;
use crate::output::{Format, Output};
use crate::payloads;

pub fn run(out: &Output, args: &ExportArgs) -> anyhow::Result<()> {
    let packages = payloads::verified()?;
    fs::create_dir_all(&args.dir)
        .with_context(|| format!("cannot create {}", args.dir.display()))?;
    let mut written = Vec::new();
    for p in &packages {
        let path = args.dir.join(format!("{}.zip", p.manifest.function_name));
        fs::write(&path, p.zip).with_context(|| format!("cannot write {}", path.display()))?;
        written.push(path);
    }
    let manifest_path = args.dir.join("manifest.json");
    let manifest = serde_json::to_string_pretty(payloads::manifest())?;
    fs::write(&manifest_path, manifest + "\n")
        .with_context(|| format!("cannot write {}", manifest_path.display()))?;
    written.push(manifest_path);

    if out.format == Format::Table {
        for path in &written {
            println!("{}", path.display());
        }
        Ok(())
    } else {
        out.document(&serde_json::json!({ "files": written }))
    }
}
