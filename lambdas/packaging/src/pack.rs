//! Build-time packaging. Deterministic by construction: one entry, a fixed timestamp
//! (1980-01-01 00:00, the zip epoch), fixed permissions (0755), a fixed compression level,
//! and no extra fields, so the same binary always gives the same bytes.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use crate::BOOTSTRAP;

/// Zips `binary` as the single entry `bootstrap`, mode 0755.
pub fn zip_bootstrap(binary: &[u8]) -> Result<Vec<u8>, zip::result::ZipError> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::with_capacity(binary.len() / 2)));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(9))
        .last_modified_time(DateTime::default())
        .unix_permissions(0o755)
        .large_file(false);
    zip.start_file(BOOTSTRAP, options)?;
    zip.write_all(binary)?;
    Ok(zip.finish()?.into_inner())
}

/// The highest `GLIBC_x.y` symbol version an ELF binary refers to, read from its version
/// strings. `None` when it needs no versioned glibc symbol (e.g. static musl).
pub fn max_glibc_version(elf: &[u8]) -> Option<(u32, u32)> {
    const TAG: &[u8] = b"GLIBC_";
    let mut best: Option<(u32, u32)> = None;
    let mut i = 0;
    while let Some(pos) = find(&elf[i..], TAG) {
        let start = i + pos + TAG.len();
        let digits: Vec<u8> = elf[start..]
            .iter()
            .take_while(|b| b.is_ascii_digit() || **b == b'.')
            .copied()
            .collect();
        let mut parts = std::str::from_utf8(&digits)
            .unwrap_or("")
            .split('.')
            .map(|p| p.parse::<u32>());
        if let (Some(Ok(major)), Some(Ok(minor))) = (parts.next(), parts.next()) {
            best = best.max(Some((major, minor)));
        }
        i = start;
    }
    best
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The Lambda architecture (`x86_64`, `arm64`) of a Linux ELF executable, or why it is not
/// one Lambda can run: another format (Mach-O, PE), another OS ABI, a 32-bit or big-endian
/// binary, another machine.
pub fn lambda_elf_architecture(binary: &[u8]) -> Result<&'static str, String> {
    if binary.len() < 20 || &binary[..4] != b"\x7fELF" {
        return Err("not an ELF executable (Lambda runs Linux ELF binaries; was it built on macOS or Windows?)".into());
    }
    if binary[4] != 2 || binary[5] != 1 {
        return Err("not a 64-bit little-endian ELF".into());
    }
    // EI_OSABI: System V (0) or GNU/Linux (3).
    if !matches!(binary[7], 0 | 3) {
        return Err(format!("ELF OS ABI {} is not Linux", binary[7]));
    }
    match u16::from_le_bytes([binary[18], binary[19]]) {
        0x3e => Ok("x86_64"),
        0xb7 => Ok("arm64"),
        other => Err(format!(
            "ELF machine {other:#x} is neither x86_64 nor arm64"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_linux_elf_of_a_lambda_architecture_passes() {
        let mut elf = vec![0u8; 64];
        elf[..4].copy_from_slice(b"\x7fELF");
        elf[4] = 2;
        elf[5] = 1;
        elf[18] = 0x3e;
        assert_eq!(lambda_elf_architecture(&elf), Ok("x86_64"));
        elf[18] = 0xb7;
        assert_eq!(lambda_elf_architecture(&elf), Ok("arm64"));
        elf[18] = 0x28; // 32-bit ARM
        assert!(lambda_elf_architecture(&elf).is_err());
        elf[18] = 0x3e;
        elf[7] = 9; // FreeBSD
        assert!(
            lambda_elf_architecture(&elf)
                .unwrap_err()
                .contains("not Linux")
        );
        let macho = [
            0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1, 3, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0,
        ];
        assert!(
            lambda_elf_architecture(&macho)
                .unwrap_err()
                .contains("not an ELF")
        );
        // This very test binary (a host build) is judged like the functions are.
        let me = std::fs::read(std::env::current_exe().unwrap()).unwrap();
        if cfg!(all(target_os = "linux", target_arch = "x86_64")) {
            assert_eq!(lambda_elf_architecture(&me), Ok("x86_64"));
        }
    }
    use std::io::Read;

    #[test]
    fn zips_are_byte_identical_and_hold_one_executable_bootstrap() {
        let binary: Vec<u8> = (0..200_000u32).map(|i| (i * 7 % 251) as u8).collect();
        let a = zip_bootstrap(&binary).unwrap();
        let b = zip_bootstrap(&binary).unwrap();
        assert_eq!(a, b);

        let mut archive = zip::ZipArchive::new(Cursor::new(&a)).unwrap();
        assert_eq!(archive.len(), 1);
        let mut entry = archive.by_index(0).unwrap();
        assert_eq!(entry.name().unwrap(), "bootstrap");
        assert_eq!(entry.unix_mode().unwrap() & 0o777, 0o755);
        let mut back = Vec::new();
        entry.read_to_end(&mut back).unwrap();
        assert_eq!(back, binary);
    }

    #[test]
    fn glibc_versions_are_compared_numerically() {
        let elf = b"\0GLIBC_2.2.5\0GLIBC_2.34\0GLIBC_2.9\0GLIBC_PRIVATE\0";
        assert_eq!(max_glibc_version(elf), Some((2, 34)));
        assert_eq!(max_glibc_version(b"nothing here"), None);
    }
}
