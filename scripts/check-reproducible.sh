#!/usr/bin/env bash
# Rebuilds the three Lambda functions from source in a separate target directory, packages
# them as rosactl's build script does, and checks that each zip is byte-identical to the one
# embedded in rosactl (same SHA-256 as `rosactl version -o json`).
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --locked --quiet -p rosactl
cargo build --locked --quiet -p rosa-lambda-packaging --features pack --bin rosa-package
target=${CARGO_TARGET_DIR:-target}
rebuild_dir=$(mktemp -d "${TMPDIR:-/tmp}/rosactl-rebuild.XXXXXX")
trap 'rm -rf "$rebuild_dir"' EXIT

cargo build --locked --quiet --profile lambda --target-dir "$rebuild_dir/target" \
  -p rosa-oidc-provisioner -p rosa-preflight-checker -p rosa-network-verifier

"$target/debug/rosactl" version -o json > "$rebuild_dir/version.json"
status=0
for fn in rosa-oidc-provisioner rosa-preflight-checker rosa-network-verifier; do
  rebuilt=$("$target/debug/rosa-package" "$rebuild_dir/target/lambda/$fn" "$rebuild_dir/$fn.zip")
  embedded=$(python3 -c 'import json,sys; print(next(p["sha256"] for p in json.load(open(sys.argv[1]))["packages"] if p["function_name"]==sys.argv[2]))' "$rebuild_dir/version.json" "$fn")
  if [ "$rebuilt" = "$embedded" ]; then
    echo "reproducible: $fn $rebuilt"
  else
    echo "NOT reproducible: $fn embedded $embedded, rebuilt $rebuilt" >&2
    status=1
  fi
done
exit $status
