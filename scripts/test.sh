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

# The tests in three lanes at once: cargo runs test binaries one after the other, and the two
# longest (interruptions: every kill point, one after the other; reliability) would leave a
# core idle for minutes. Each lane is a plain `cargo test` of some targets, with the same
# features as the build above (nothing is rebuilt); their logs are printed whole, in turn.
phase "cargo test --workspace, in three lanes"
lanes=$(mktemp -d "${TMPDIR:-/tmp}/rosactl-test.XXXXXX")
# A lane still running when this script stops (Ctrl-C, a failure) is stopped with it.
stop_lanes() {
  local running
  running=$(jobs -p)
  if [ -n "$running" ]; then kill $running 2>/dev/null || true; fi
  rm -rf "$lanes"
}
trap stop_lanes EXIT
test_cmd=(cargo test --locked --workspace --all-features)
lane1=(interruptions)
lane2=(reliability setup_account)
# `--test A --test B ...` for the targets named.
as_tests() { local t; for t in "$@"; do printf '%s\n' --test "$t"; done; }
# Every other test target of the workspace (cargo metadata), so that a new one is not missed.
mapfile -t others < <(cargo metadata --locked --no-deps --format-version 1 | python3 -c '
import json, sys
taken = set(sys.argv[1:])
for p in json.load(sys.stdin)["packages"]:
    for t in p["targets"]:
        if "test" in t["kind"] and t["name"] not in taken:
            print("--test"); print(t["name"])
' "${lane1[@]}" "${lane2[@]}")
rest() { "${test_cmd[@]}" --lib --bins "${others[@]}" && "${test_cmd[@]}" --doc; }
pids=()
"${test_cmd[@]}" $(as_tests "${lane1[@]}") > "$lanes/1.log" 2>&1 & pids+=($!)
"${test_cmd[@]}" $(as_tests "${lane2[@]}") > "$lanes/2.log" 2>&1 & pids+=($!)
rest > "$lanes/3.log" 2>&1 & pids+=($!)
status=0
for n in 1 2 3; do
  code=0
  wait "${pids[$((n - 1))]}" || code=$?
  echo "== lane $n, exit status $code:"
  cat "$lanes/$n.log"
  [ "$code" = 0 ] || status=1
done
read -r passed failed < <(cat "$lanes"/*.log | awk '/^test result:/ {p += $4; f += $6} END {print p+0, f+0}')
if [ "$status" != 0 ]; then
  echo "== tests FAILED: $passed passed, $failed failed" >&2
  exit 1
fi

phase "reproducible Lambda packages"
./scripts/check-reproducible.sh

echo "== all tests passed in $(( $(date +%s) - start )) s"
echo "tests: $passed passed, $failed failed"
