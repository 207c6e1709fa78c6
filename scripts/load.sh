#!/usr/bin/env bash
# Bounded loopback load on `careplan serve` (release build), as reported in
# docs/PERFORMANCE.md: render and validate of case A at 1, 2 and 8
# concurrent clients, the 429 threshold, and resident memory over a long run.
# Needs `oha` (cargo install oha --locked). Takes about five minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${CAREPLAN:-${CARGO_TARGET_DIR:-target}/release/careplan}"
[ -x "$BIN" ] || cargo build --release --locked -q
RENDERS="${RENDERS:-1000}"
VALIDATES="${VALIDATES:-20000}"
body=$(mktemp)
python3 -c "import json,sys; print(json.dumps({'document': json.load(open('fixtures/plans/case-a.json'))}))" >"$body"

start() { # flags… → sets URL and PID
  local out; out=$(mktemp)
  CAREPLAN_LOG=warn "$BIN" serve --listen 127.0.0.1:0 "$@" >"$out" 2>/dev/null &
  PID=$!
  for _ in $(seq 100); do grep -q 'listening on' "$out" && break; sleep 0.1; done
  URL=$(sed -n 's/.*listening on //p' "$out")
  for _ in $(seq 100); do curl -fs "$URL/health" >/dev/null && break; sleep 0.1; done
}
stop() { kill -TERM "$PID"; wait "$PID" || true; }
rss() { awk '/VmRSS/ {print $2 " KiB"}' "/proc/$PID/status"; }
load() { # route file n c → one summary line
  oha --no-tui --output-format json -n "$3" -c "$4" -m POST -H 'content-type: application/json' \
    -D "$2" "$URL$1" | python3 -c "
import json, sys
r = json.load(sys.stdin)
s, p = r['summary'], r['latencyPercentiles']
codes = r.get('statusCodeDistribution', {})
print(f\"$1 c=$4 n=$3: {s['requestsPerSec']:.1f} req/s, p50 {p['p50']*1000:.2f} ms, p99 {p['p99']*1000:.2f} ms, statuses {codes}\")"
}

echo "== render and validate, default pool ($(nproc) workers)"
start
load /v1/render "$body" 50 2 >/dev/null # warm up
for c in 1 2 8; do load /v1/render "$body" "$RENDERS" "$c"; done
for c in 1 2 8; do load /v1/validate fixtures/plans/case-a.json "$VALIDATES" "$c"; done
stop

echo "== 429 appears when the queue is full and not before (--workers 2 --queue Q, 8 clients)"
for q in 6 4 0; do
  start --workers 2 --queue "$q"
  echo "queue $q (capacity $((q + 2))):"; load /v1/render "$body" 400 8
  stop
done

echo "== cache eviction: after each compilation vs after each job"
for e in compilation job; do
  start --cache-eviction "$e"
  load /v1/render "$body" 50 2 >/dev/null
  echo "$e:"; load /v1/render "$body" "$RENDERS" 2; echo "  rss $(rss)"
  stop
done

echo "== resident memory over a long run"
start
load /v1/validate fixtures/plans/case-a.json 1000 8 >/dev/null; echo "after 1,000 validate: $(rss)"
load /v1/validate fixtures/plans/case-a.json 99000 8 >/dev/null; echo "after 100,000 validate: $(rss)"
load /v1/render "$body" 1000 8 >/dev/null; echo "after 1,000 render: $(rss)"
load /v1/render "$body" 9000 8 >/dev/null; echo "after 10,000 render: $(rss)"
stop
rm -f "$body"
