#!/usr/bin/env bash
# Rebuilds the three Lambda functions from source, packages them as rosactl's build script
# does, and checks that each zip is byte-identical to the one embedded in rosactl (the same
# SHA-256 as `rosactl version -o json`).
#
# By default our own crates are cleaned and rebuilt in the Lambda target directory (every
# line of our code recompiled and every binary relinked with LTO; the registry dependencies'
# artifacts are kept). FULL=1 rebuilds everything in a fresh target directory (about 15
# minutes on 2 cores).
set -euo pipefail
cd "$(dirname "$0")/.."

# Release builds: scripts/test.sh has just built the release rosactl (a debug `-p rosactl`
# build would resolve features apart from the tests' and rebuild the AWS SDK crates).
cargo build --locked --quiet --release -p rosactl
cargo build --locked --quiet --release -p rosa-lambda-packaging --features pack --bin rosa-package
target=${CARGO_TARGET_DIR:-target}
work=$(mktemp -d "${TMPDIR:-/tmp}/rosactl-rebuild.XXXXXX")
trap 'rm -rf "$work"' EXIT
crates=(-p rosa-oidc-provisioner -p rosa-preflight-checker -p rosa-network-verifier)

"$target/release/rosactl" version -o json > "$work/version.json"
if [ "${FULL:-0}" = 1 ]; then
  lambda_target="$work/target"
else
  lambda_target="$target/lambda"
  cargo clean --quiet --profile lambda --target-dir "$lambda_target" -p rosa-lambda-api -p rosa-lambda-common "${crates[@]}"
fi
cargo build --locked --quiet --profile lambda --target-dir "$lambda_target" "${crates[@]}"

status=0
for fn in rosa-oidc-provisioner rosa-preflight-checker rosa-network-verifier; do
  rebuilt=$("$target/release/rosa-package" "$lambda_target/lambda/$fn" "$work/$fn.zip")
  embedded=$(python3 -c 'import json,sys; print(next(p["sha256"] for p in json.load(open(sys.argv[1]))["packages"] if p["function_name"]==sys.argv[2]))' "$work/version.json" "$fn")
  if [ "$rebuilt" = "$embedded" ]; then
    echo "reproducible: $fn $rebuilt ($(stat -c %s "$work/$fn.zip") bytes)"
  else
    echo "NOT reproducible: $fn embedded $embedded, rebuilt $rebuilt" >&2
    status=1
  fi
done
exit $status
