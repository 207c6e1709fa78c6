#!/usr/bin/env bash
# The HTTP service from real clients: the Python test suite (httpx) against
# `careplan serve`, then schemathesis against its /openapi.json.
# Needs target/debug/careplan (built by `cargo test --workspace` or `cargo build`)
# or CAREPLAN=path; installs its Python packages with pip when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
export CAREPLAN="${CAREPLAN:-$PWD/target/debug/careplan}"
[ -x "$CAREPLAN" ] || cargo build --locked -q

python3 -c 'import httpx, pytest, schemathesis' 2>/dev/null ||
  python3 -m pip install --quiet --disable-pip-version-check -r tests/http/requirements.txt

echo "== HTTP tests (pytest + httpx against the real binary)"
python3 -m pytest -q tests/http

# The coverage phase is left out: in one clean-clone run its own generator
# stopped with hypothesis's "Inconsistent results" (a flaky test-data
# builder, not a response of ours); fuzzing runs positive and negative data.
echo "== schemathesis against /openapi.json (bounded: ${SCHEMATHESIS_EXAMPLES:-30} examples per operation)"
log=$(mktemp)
"$CAREPLAN" serve --listen 127.0.0.1:0 >"$log.out" 2>"$log" &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -f "$log" "$log.out"' EXIT
for _ in $(seq 100); do grep -q 'listening on' "$log.out" 2>/dev/null && break; sleep 0.1; done
url=$(sed -n 's/.*listening on //p' "$log.out")
for _ in $(seq 100); do curl -fs "$url/health" >/dev/null && break; sleep 0.1; done
schemathesis run "$url/openapi.json" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,response_headers_conformance \
  --phases examples,fuzzing,stateful --max-examples "${SCHEMATHESIS_EXAMPLES:-30}" --seed 20261201 --generation-deterministic \
  --request-timeout 60 --workers 2 --no-color --suppress-health-check too_slow,filter_too_much,data_too_large,large_base_example
kill -TERM $pid
wait $pid
