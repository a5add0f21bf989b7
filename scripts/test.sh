#!/usr/bin/env bash
# Runs every test, as CI does: sets up what the tests need (the test bed's Python venv),
# runs the whole workspace's tests, then checks that the Lambda packages rebuild from
# source byte for byte.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
  echo "test.sh: the test bed needs Python 3 with venv and ensurepip (python3 -m venv)." >&2
  exit 1
fi

start=$(date +%s)
echo "== test bed: Python venv for the AWS stand-in"
cargo run --locked --quiet -p rosa-testbed -- setup

echo "== release build (the shipped binary; a test checks it has no test seam)"
cargo build --locked --release -p rosactl
export ROSACTL_RELEASE_BIN="${CARGO_TARGET_DIR:-$PWD/target}/release/rosactl"

echo "== cargo test --workspace"
log=$(mktemp "${TMPDIR:-/tmp}/rosactl-test.XXXXXX")
trap 'rm -f "$log"' EXIT
cargo test --locked --workspace --all-features 2>&1 | tee "$log"
read -r passed failed < <(awk '/^test result:/ {p += $4; f += $6} END {print p+0, f+0}' "$log")

echo "== reproducible Lambda packages"
./scripts/check-reproducible.sh

echo "== all tests passed in $(( $(date +%s) - start )) s"
echo "tests: $passed passed, $failed failed"
