#!/usr/bin/env bash
# The wall time of a fleet setup-account across 24 targets (12 organization accounts x 2
# regions) and of its re-run (nothing to change), at --concurrency 1, 4 and 8, against the
# local test bed. Each concurrency starts from an empty bed (moto reset, organization made
# again). Prints one line per run; docs/benchmarks.md "Fleets" keeps the figures.
#
#   cargo build --workspace --all-features --all-targets && scripts/bench-fleet.sh [ROSACTL]
set -euo pipefail
cd "$(dirname "$0")/.."
target=${CARGO_TARGET_DIR:-$PWD/target}
rosactl=${1:-$target/debug/rosactl}
"$target/debug/rosa-testbed" setup >/dev/null
env_file=$(mktemp)
"$target/debug/rosa-testbed" up --env-file "$env_file" > /dev/null 2>&1 &
bed=$!
trap 'kill $bed 2>/dev/null || true; rm -f "$env_file" "${report:-}"' EXIT
for _ in $(seq 1 100); do [ -s "$env_file" ] && break; sleep 0.2; done
set -a; . "$env_file"; set +a
unset ROSACTL_API_URL
export PATH="$target/testbed-venv/bin:$PATH"
invoker=arn:aws:iam::210987654321:role/LambdaExecutor
now() { date +%s.%N; }
report=$(mktemp)
for c in 1 4 8; do
  curl -fsS -X POST "$AWS_ENDPOINT_URL/moto-api/reset" > /dev/null
  # The organization, through the bed's own endpoint (the AWS CLI's start-up would dominate).
  curl -fsS -X POST -d '{"accounts": 12}' "$AWS_ENDPOINT_URL/_rosa_bed/organization" > /dev/null
  me=123456789012
  for run in setup re-run; do
    t0=$(now)
    "$rosactl" setup-account --org --exclude "$me" --regions us-east-1,us-west-2 \
      --invoker-role-arn "$invoker" --concurrency "$c" --yes -o json > "$report"
    t1=$(now)
    totals=$(python3 -c 'import json, sys; t = json.load(open(sys.argv[1]))["totals"]; print("%d targets, %d changed, %d ok, %d failed" % (t["targets"], t["changed"], t["ok"], t["failed"]))' "$report")
    printf 'concurrency %d  %-6s  %6.1f s  (%s)\n' "$c" "$run" "$(echo "$t1 - $t0" | bc -l)" "$totals"
  done
done
