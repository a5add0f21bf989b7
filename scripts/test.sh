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
target=${CARGO_TARGET_DIR:-$PWD/target}
# One feature set for every debug build (the tests', the test bed's): a `cargo run -p X` or
# `cargo build -p rosactl` resolves features differently and rebuilds the whole AWS SDK stack.
# CI builds once from scratch: incremental artifacts would only cost time and disk there.
if [ "${CI:-}" = true ]; then export CARGO_INCREMENTAL=0; fi
# Each phase's start, in seconds since the start: where a CI run's time goes.
phase() { echo "== [$(( $(date +%s) - start )) s] $1"; }
phase "debug build: every test target and the test bed"
# TIMINGS=1: cargo's per-crate build timings (target/cargo-timings/), as docs/benchmarks.md uses.
timings=()
if [ "${TIMINGS:-0}" = 1 ]; then timings=(--timings); fi
cargo build --locked --workspace --all-features --all-targets "${timings[@]}"
phase "test bed: Python venv for the AWS stand-in"
"$target/debug/rosa-testbed" setup

phase "release build (the shipped binary; a test checks it has no test seam)"
cargo build --locked --release -p rosactl "${timings[@]}"
export ROSACTL_RELEASE_BIN="$target/release/rosactl"

phase "cargo test --workspace"
log=$(mktemp "${TMPDIR:-/tmp}/rosactl-test.XXXXXX")
trap 'rm -f "$log"' EXIT
cargo test --locked --workspace --all-features 2>&1 | tee "$log"
read -r passed failed < <(awk '/^test result:/ {p += $4; f += $6} END {print p+0, f+0}' "$log")

phase "reproducible Lambda packages"
./scripts/check-reproducible.sh

echo "== all tests passed in $(( $(date +%s) - start )) s"
echo "tests: $passed passed, $failed failed"
