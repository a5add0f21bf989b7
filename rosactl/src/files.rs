//! Files rosactl writes for the user (the login config, kubeconfigs): whole or not at all,
//! readable by the owner only, and never through a link someone planted.

use std::io::Write;
use std::path::{Path, PathBuf};

/// How many temporary names are tried before giving up (each taken name is skipped).
const NAMES: u32 = 64;

/// Writes `bytes` to `path` through a new temporary file in the same directory (created
/// with `O_EXCL | O_NOFOLLOW`, mode 0600: a file or link already there under that name is
/// never opened), then an fsync and a rename over `path` (which replaces a link at `path`
/// rather than writing through it). `stem` names the temporary files (`.STEM.PID.N.tmp`).
pub fn write_private(path: &Path, stem: &str, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let (tmp, mut file) = create_temporary(dir, stem)?;
    let written = (|| {
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&tmp, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

/// A new file `.STEM.PID.tmp` (or `.STEM.PID.N.tmp` when that name is taken) in `dir`.
fn create_temporary(dir: &Path, stem: &str) -> std::io::Result<(PathBuf, std::fs::File)> {
    let pid = std::process::id();
    for n in 0..NAMES {
        let name = if n == 0 {
            format!(".{stem}.{pid}.tmp")
        } else {
            format!(".{stem}.{pid}.{n}.tmp")
        };
        let tmp = dir.join(name);
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600).custom_flags(libc::O_NOFOLLOW);
        }
        match options.open(&tmp) {
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::new(
        std::io::ErrorKind::AlreadyExists,
        format!(
            "{NAMES} temporary names .{stem}.{pid}.*.tmp in {} are all taken",
            dir.display()
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_planted_link_is_neither_written_through_nor_left_at_the_path() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "precious").unwrap();
        let pid = std::process::id();
        std::os::unix::fs::symlink(&victim, dir.path().join(format!(".kc.{pid}.tmp"))).unwrap();
        let target = dir.path().join("kubeconfig");
        write_private(&target, "kc", b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
        let meta = std::fs::symlink_metadata(&target).unwrap();
        assert!(meta.file_type().is_file());
        assert_eq!(meta.permissions().mode() & 0o777, 0o600);
        assert_eq!(std::fs::read(&target).unwrap(), b"new");
    }
}
