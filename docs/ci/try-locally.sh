#!/usr/bin/env bash
# Runs the CI templates' steps on this machine, against the engine DOCKER_HOST names (or the
# default one): doctor, two shards, merge, sign, verify, JUnit. Usage:
#   docs/ci/try-locally.sh SUBMISSIONS_DIR [OUT_DIR]
set -euo pipefail
submissions=$1
out=${2:-$(mktemp -d)}
shipshape() { node "$(dirname "$0")/../../bin/shipshape.cjs" "$@"; }
mkdir -p "$out"
shipshape doctor
for shard in 1 2; do
  CI_NODE_INDEX=$shard CI_NODE_TOTAL=2
  shipshape grade "$submissions" --shard "$CI_NODE_INDEX/$CI_NODE_TOTAL" --jobs 2 --format json --out "$out/report-$CI_NODE_INDEX.json"
done
openssl genpkey -algorithm ed25519 -out "$out/grading.key" 2>/dev/null
openssl pkey -in "$out/grading.key" -pubout -out "$out/grading.pub"
shipshape grade merge "$out"/report-*.json --out "$out/grades.json" --sign-key "$out/grading.key"
shipshape grade merge "$out"/report-*.json --format csv --out "$out/grades.csv" --sign-key "$out/grading.key"
shipshape grade merge "$out"/report-*.json --format junit --out "$out/grades.xml"
shipshape verify-report "$out/grades.csv" --public-key "$out/grading.pub"
cat "$out/grades.csv"
echo "reports in $out"
