#!/usr/bin/env bash
# The main journey, against the local test bed: builds rosactl (with its embedded Lambda
# packages) and the bed, starts the bed, and runs rosactl against it.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "build rosactl and the test bed"
# The test-seams feature lets this journey deliver a second release (the same code in a zip
# with another comment) without a second build; no shipped build has it.
cargo build --locked -p rosactl --features test-seams -p rosa-testbed
cargo run --locked --quiet -p rosa-testbed -- setup
target=${CARGO_TARGET_DIR:-target}
bin="$target/debug"
work="$target/demo"
rm -rf "$work" && mkdir -p "$work"

step "start the test bed (AWS stand-in + Platform API stand-in)"
"$bin/rosa-testbed" up --managed-policies --env-file "$work/bed.env" > /dev/null 2> "$work/bed.log" &
bed_pid=$!
trap 'kill $bed_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do
  [ -s "$work/bed.env" ] && break
  kill -0 $bed_pid 2>/dev/null || { cat "$work/bed.log" >&2; exit 1; }
  sleep 0.5
done
[ -s "$work/bed.env" ] || { echo "the test bed did not start" >&2; cat "$work/bed.log" >&2; exit 1; }
cat "$work/bed.log"
# shellcheck disable=SC1091
source "$work/bed.env"
export PATH="$PWD/$bin:$PATH"

step "rosactl login --url \$ROSACTL_API_URL   (kept in rosactl's config; the variable is not needed after)"
rosactl login --url "$ROSACTL_API_URL"
unset ROSACTL_API_URL

step "rosactl init   (credentials, region, Platform API reachable and ready, invoker, registration)"
rosactl init

step "rosactl whoami"
rosactl whoami

step "rosactl version"
rosactl version

step "rosactl export-lambdas --dir $work/packages"
rosactl export-lambdas --dir "$work/packages"

step "invoke the embedded rosa-oidc-provisioner in the bed: bad input"
rosa-testbed invoke --zip "$work/packages/rosa-oidc-provisioner.zip" --function-name demo-oidc-provisioner \
  --payload '{"issuer_url":"http://oidc.example.com","thumbprint":"9e99a48a9960b14926bb7f3b02e22da2b0ab7280","cluster_id":"demo"}'

step "invoke the embedded rosa-oidc-provisioner in the bed: good input"
rosa-testbed invoke --zip "$work/packages/rosa-oidc-provisioner.zip" --function-name demo-oidc-provisioner \
  --payload '{"issuer_url":"https://oidc.example.com/demo","thumbprint":"9e99a48a9960b14926bb7f3b02e22da2b0ab7280","cluster_id":"demo"}'

step "rosactl setup-account --dry-run   (the plan; nothing is changed)"
rosactl setup-account --dry-run > "$work/plan.txt"
head -12 "$work/plan.txt"
echo "... ($(wc -l < "$work/plan.txt") lines in all)"

step "rosactl setup-account --yes"
rosactl setup-account --yes

step "rosactl setup-account --yes   (again: converges, changes nothing)"
rosactl setup-account --yes

step "rosactl update-lambdas --yes   (a new release reaches staging only; prod stays)"
export ROSACTL_TEST_PACKAGE_VARIANT=2
rosactl version
rosactl update-lambdas --yes

step "rosactl update-lambdas --yes   (again: up to date, no writes)"
rosactl update-lambdas --yes

step "rosactl promote-lambdas --canary 10 --yes   (prod: old version primary, 10% to the new one)"
rosactl promote-lambdas --canary 10 --yes

step "rosactl promote-lambdas --finish --yes"
rosactl promote-lambdas --finish --yes

step "rosactl rollback-lambdas --yes   (prod back to the version before the last move)"
rosactl rollback-lambdas --yes

step "rosactl history --function network-verifier"
rosactl history --function network-verifier

step "rosactl versions --keep 1 --yes   (old versions nothing references are deleted)"
rosactl versions --keep 1 --yes
unset ROSACTL_TEST_PACKAGE_VARIANT

step "rosactl status --check   (what runs behind each alias; exit 0: no drift)"
rosactl status --check

step "rosa-preflight-checker's memory changed behind rosactl's back: status --check exits 5"
rosa-testbed set-memory --function-name rosa-preflight-checker --memory-size 512
code=0; rosactl status --check || code=$?
[ "$code" = 5 ] || { echo "expected exit code 5 from status --check, got $code" >&2; exit 1; }
echo "exit code $code (drift)"

step "rosactl setup-account --yes   (repairs the drift); status --check passes again"
rosactl setup-account --yes > /dev/null
rosactl status --check

step "rosactl test-lambda --name preflight-checker   (real checks through prod, with the log tail)"
rosactl test-lambda --name preflight-checker

step "rosactl test-lambda --name oidc-provisioner   (the sample creates nothing)"
rosactl test-lambda --name oidc-provisioner

step "rosactl logs --name preflight-checker --since 10m"
rosactl logs --name preflight-checker --since 10m | tail -8

step "rosactl cluster-vpc create demo-cluster --availability-zones us-east-1a,us-east-1b   (again: nothing to change)"
rosactl cluster-vpc create demo-cluster --availability-zones us-east-1a,us-east-1b
rosactl cluster-vpc create demo-cluster --availability-zones us-east-1a,us-east-1b

step "rosactl cluster-iam create demo-cluster   (7 operator roles + worker role; again: nothing to change)"
rosactl cluster-iam create demo-cluster
rosactl cluster-iam create demo-cluster

step "rosactl create cluster demo-cluster --preflight --watch   (network from cluster-vpc, rolesRef from cluster-iam; the deployed functions check them first)"
rosactl create cluster demo-cluster --preflight --watch --poll-interval 0.5

step "rosactl list clusters"
rosactl list clusters

step "rosactl cluster-oidc create demo-cluster --thumbprint ...   (the account's rosa-oidc-provisioner makes the provider; the roles now trust it)"
# The stand-in's issuer host does not exist, so the thumbprint is given (rosactl computes it from a real issuer's TLS chain).
rosactl cluster-oidc create demo-cluster --thumbprint 9e99a48a9960b14926bb7f3b02e22da2b0ab7280
rosactl cluster-iam describe demo-cluster

step "rosactl cluster kubeconfig demo-cluster --file $work/kubeconfig   (kubectl would run its exec command)"
rosactl cluster kubeconfig demo-cluster --file "$work/kubeconfig"
cat "$work/kubeconfig"
echo "its exec command prints (token cut):"
rosactl cluster get-token --cluster-id "$(rosactl describe cluster demo-cluster -o json | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')" \
  | python3 -c 'import json,sys; c=json.load(sys.stdin); c["status"]["token"]=c["status"]["token"][:40]+"..."; print(json.dumps(c))'

step "rosactl nodepool create workers --cluster-id demo-cluster --watch   (then again: nothing sent)"
rosactl nodepool create workers --cluster-id demo-cluster --watch --poll-interval 0.5
rosactl nodepool create workers --cluster-id demo-cluster

step "rosactl nodepool list --cluster-id demo-cluster; delete it"
rosactl nodepool list --cluster-id demo-cluster
pool=$(rosactl nodepool list --cluster-id demo-cluster -o json | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
rosactl nodepool delete "$pool" --yes --watch --poll-interval 0.5

step "rosactl describe cluster demo-cluster"
rosactl describe cluster demo-cluster

step "rosactl delete cluster demo-cluster --yes --watch"
rosactl delete cluster demo-cluster --yes --watch --poll-interval 0.5

step "rosactl cluster-oidc delete demo-cluster --yes; cluster-vpc delete; cluster-iam delete"
rosactl cluster-oidc delete demo-cluster --yes
rosactl cluster-vpc delete demo-cluster --yes
rosactl cluster-iam delete demo-cluster --yes

step "rosactl cleanup-account --yes --delete-logs"
rosactl cleanup-account --yes --delete-logs

step "rosactl logout"
rosactl logout

step "done: the journey ran against the local test bed"
