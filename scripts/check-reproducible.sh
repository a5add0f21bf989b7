#!/usr/bin/env bash
# Rebuilds the three Lambda functions from source, packages them as rosactl's build script
# does, and checks that each zip is byte-identical to the one embedded in rosactl (the same
# SHA-256 as `rosactl version -o json`).
#
# By default our own crates are cleaned and rebuilt in the Lambda target directory (every
# line of our code recompiled and every binary relinked with LTO; the registry dependencies'
# artifacts are kept). FULL=1 rebuilds everything in a fresh target directory (about 15
# minutes on 2 cores). REPRO_NO_BUILD=1: the debug build of every target is already there
# (scripts/test.sh), do not run it.
set -euo pipefail
cd "$(dirname "$0")/.."

target=${CARGO_TARGET_DIR:-target}
# The workspace's one debug feature set (the tests'): rosactl and rosa-package from it. A
# `-p` build would resolve features apart and rebuild the AWS SDK crates.
if [ "${REPRO_NO_BUILD:-0}" != 1 ]; then
  cargo build --locked --quiet --workspace --all-features --all-targets
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/rosactl-rebuild.XXXXXX")
trap 'rm -rf "$work"' EXIT
crates=(-p rosa-oidc-provisioner -p rosa-preflight-checker -p rosa-network-verifier)

# The embedded packages (without the test seam's variant: the same as a shipped build's,
# which tests/shipped_binary.rs checks).
env -u ROSACTL_TEST_PACKAGE_VARIANT "$target/debug/rosactl" version -o json > "$work/version.json"
if [ "${FULL:-0}" = 1 ]; then
  lambda_target="$work/target"
else
  lambda_target="$target/lambda"
  cargo clean --quiet --profile lambda --target-dir "$lambda_target" -p rosa-lambda-api -p rosa-lambda-common "${crates[@]}"
fi
env -u CARGO_INCREMENTAL cargo build --locked --quiet --profile lambda --target-dir "$lambda_target" "${crates[@]}"

status=0
for fn in rosa-oidc-provisioner rosa-preflight-checker rosa-network-verifier; do
  rebuilt=$("$target/debug/rosa-package" "$lambda_target/lambda/$fn" "$work/$fn.zip")
  embedded=$(python3 -c 'import json,sys; print(next(p["sha256"] for p in json.load(open(sys.argv[1]))["packages"] if p["function_name"]==sys.argv[2]))' "$work/version.json" "$fn")
  if [ "$rebuilt" = "$embedded" ]; then
    echo "reproducible: $fn $rebuilt ($(stat -c %s "$work/$fn.zip") bytes)"
  else
    echo "NOT reproducible: $fn embedded $embedded, rebuilt $rebuilt" >&2
    status=1
  fi
done
exit $status
