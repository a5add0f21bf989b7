//! `rosa-package <binary> <out.zip>`: zips a built Lambda binary the way rosactl's build
//! script does, and prints the zip's SHA-256. `scripts/check-reproducible.sh` uses it to
//! rebuild the packages from source and compare them with the ones embedded in rosactl.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [binary, out] = args.as_slice() else {
        eprintln!("usage: rosa-package <binary> <out.zip>");
        return ExitCode::from(2);
    };
    let result = std::fs::read(binary)
        .map_err(|e| format!("{binary}: {e}"))
        .and_then(|bytes| {
            rosa_lambda_packaging::pack::zip_bootstrap(&bytes).map_err(|e| e.to_string())
        })
        .and_then(|zip| {
            std::fs::write(out, &zip).map_err(|e| format!("{out}: {e}"))?;
            Ok(rosa_lambda_packaging::sha256_hex(&zip))
        });
    match result {
        Ok(sha) => {
            println!("{sha}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("rosa-package: {e}");
            ExitCode::FAILURE
        }
    }
}
