#!/usr/bin/env bash
# Runs every test, as CI does: sets up what the tests need (the test bed's Python venv),
# builds the workspace once, checks that the shipped feature set has no test seam, runs the
# whole workspace's tests, and checks that the Lambda packages rebuild from source byte for byte.
#
# What runs at once (2 cores: what waits on what decides the wall time):
#   t=0   the Lambda build (the longest single chain), the venv, the debug build
#   then  the shipped-features rosactl (a test checks it lacks the seams)
#   then  three test lanes and the reproducibility check
set -euo pipefail
cd "$(dirname "$0")/.."

if ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
  echo "test.sh: the test bed needs Python 3 with venv and ensurepip (python3 -m venv)." >&2
  exit 1
fi

start=$(date +%s)
target=${CARGO_TARGET_DIR:-$PWD/target}
mkdir -p "$target"
# One feature set for every debug build (the tests', the test bed's): a `cargo run -p X` or
# `cargo build -p rosactl` resolves features differently and rebuilds the whole AWS SDK stack.
# CI builds once from scratch: incremental artifacts would only cost time and disk there.
if [ "${CI:-}" = true ]; then export CARGO_INCREMENTAL=0; fi
# Each phase's start, in seconds since the start: where a CI run's time goes.
phase() { echo "== [$(( $(date +%s) - start )) s] $1"; }
logs=$(mktemp -d "${TMPDIR:-/tmp}/rosactl-test.XXXXXX")
# A job still running when this script stops (Ctrl-C, a failure) is stopped with it.
stop_jobs() {
  local running
  running=$(jobs -p)
  if [ -n "$running" ]; then kill $running 2>/dev/null || true; fi
  rm -rf "$logs"
}
trap stop_jobs EXIT
# Waits for background job $1 (a pid), prints its log $2 under the title $3; returns its status.
finish() {
  local code=0
  wait "$1" || code=$?
  echo "== [$(( $(date +%s) - start )) s] $3, exit status $code:"
  cat "$2"
  return "$code"
}

# The Lambda build is what rosactl's build script runs (rosactl/build.rs: the same command,
# the same target directory); started here it overlaps the debug SDK builds instead of
# waiting for the build script's own dependencies. The build script then finds it fresh.
phase "started: Lambda build (target/lambda), test bed venv; debug build of every target"
(
  env -u CARGO_INCREMENTAL -u RUSTFLAGS cargo build --locked --quiet --profile lambda \
    --target-dir "$target/lambda" \
    -p rosa-oidc-provisioner -p rosa-preflight-checker -p rosa-network-verifier
  echo "Lambda build done at $(( $(date +%s) - start )) s"
) > "$logs/lambda.log" 2>&1 &
lambda_pid=$!
python3 tests/bed/venv.py "${ROSA_BED_VENV:-$target/testbed-venv}" tests/bed/requirements.txt \
  > "$logs/venv.log" 2>&1 &
venv_pid=$!

# TIMINGS=1: cargo's per-crate build timings (target/cargo-timings/), as docs/benchmarks.md uses.
timings=()
if [ "${TIMINGS:-0}" = 1 ]; then timings=(--timings); fi
cargo build --locked --workspace --all-features --all-targets "${timings[@]}"
finish "$lambda_pid" "$logs/lambda.log" "Lambda build"

# The shipped feature set (rosactl's defaults: no `test-seams`) shares every dependency with
# the build above (features only add): only rosactl itself and a few small crates whose
# features differ are compiled again. Kept aside: the next line puts the test build back.
phase "rosactl with the shipped features (tests/shipped_binary.rs checks it has no test seam)"
cargo build --locked --workspace --bin rosactl
mkdir -p "$target/shipped"
cp "$target/debug/rosactl" "$target/shipped/rosactl"
cargo build --locked --quiet --workspace --all-features --all-targets
export ROSACTL_SHIPPED_BIN="$target/shipped/rosactl"

finish "$venv_pid" "$logs/venv.log" "test bed venv"
"$target/debug/rosa-testbed" setup

# The tests in three lanes at once: cargo runs test binaries one after the other, and the two
# longest (interruptions: every kill point, one after the other; reliability) would leave a
# core idle for minutes. Each lane is a plain `cargo test` of some targets, with the same
# features as the build above (nothing is rebuilt); their logs are printed whole, in turn.
# The reproducibility check runs beside them: it rebuilds only in target/lambda.
phase "cargo test --workspace, in three lanes; the reproducibility check beside them"
test_cmd=(cargo test --locked --workspace --all-features)
lane1=(interruptions enterprise fleet)
lane2=(reliability setup_account operating workflows)
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
timed() {
  local t0 code=0
  t0=$(date +%s)
  "$@" || code=$?
  echo "(took $(( $(date +%s) - t0 )) s)"
  return "$code"
}
pids=()
timed "${test_cmd[@]}" $(as_tests "${lane1[@]}") > "$logs/1.log" 2>&1 & pids+=($!)
timed "${test_cmd[@]}" $(as_tests "${lane2[@]}") > "$logs/2.log" 2>&1 & pids+=($!)
timed rest > "$logs/3.log" 2>&1 & pids+=($!)
REPRO_NO_BUILD=1 timed ./scripts/check-reproducible.sh > "$logs/repro.log" 2>&1 &
repro_pid=$!
status=0
for n in 1 2 3; do
  finish "${pids[$((n - 1))]}" "$logs/$n.log" "lane $n" || status=1
done
read -r passed failed < <(cat "$logs"/[123].log | awk '/^test result:/ {p += $4; f += $6} END {print p+0, f+0}')
finish "$repro_pid" "$logs/repro.log" "reproducible Lambda packages" || status=1
if [ "$status" != 0 ]; then
  echo "== FAILED: $passed tests passed, $failed failed (and the reproducibility check above)" >&2
  exit 1
fi

echo "== all tests passed in $(( $(date +%s) - start )) s"
echo "tests: $passed passed, $failed failed"
