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
# 1,000 distinct plans, one request body a line: case A with its 第1表 analysis
# text changed (as the render bench's case_a_variants).
variants=$(mktemp)
python3 - "$variants" <<'PY'
import json, sys
doc = json.load(open("fixtures/plans/case-a.json"))
with open(sys.argv[1], "w") as out:
    for i in range(1000):
        d = json.loads(json.dumps(doc))
        d["table1"]["analysis"] = f"{d['table1']['analysis']}（変種 {i}）"
        out.write(json.dumps({"document": d}, ensure_ascii=False) + "\n")
PY

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
load() { # route file n|duration c → one summary line (n: a count, or 5s: a duration)
  local amount=(-n "$3"); [[ "$3" == *s ]] && amount=(-z "$3")
  local source=(-D "$2"); [ "$2" = "$variants" ] && source=(-Z "$2")
  oha --no-tui --output-format json "${amount[@]}" -c "$4" -m POST -H 'content-type: application/json' \
    "${source[@]}" "$URL$1" | python3 -c "
import json, sys
r = json.load(sys.stdin)
s, p = r['summary'], r['latencyPercentiles']
codes = r.get('statusCodeDistribution', {})
print(f\"$1 c=$4 n=$3: {s['requestsPerSec']:.1f} req/s, p50 {p['p50']*1000:.2f} ms, p99 {p['p99']*1000:.2f} ms, statuses {codes}\")"
}

echo "== in process, the same work without HTTP (crates/careplan-server/examples/inprocess.rs)"
EX="${INPROCESS:-${CARGO_TARGET_DIR:-target}/release/examples/inprocess}"
[ -x "$EX" ] || cargo build --release --locked -q -p careplan-server --example inprocess
for t in 1 2; do "$EX" render fixtures/plans/case-a.json "$RENDERS" "$t"; done
for t in 1 2; do "$EX" validate fixtures/plans/case-a.json "$VALIDATES" "$t"; done

echo "== render and validate, default pool ($(nproc) workers)"
start
load /v1/render "$body" 50 2 >/dev/null # warm up
for c in 1 2 8; do load /v1/render "$body" "$RENDERS" "$c"; done
for c in 1 2 8; do load /v1/validate fixtures/plans/case-a.json "$VALIDATES" "$c"; done
stop

echo "== 429 appears when the queue is full and not before (--workers 2 --queue Q, 8 clients)"
for q in 6 4 0; do
  start --workers 2 --queue "$q"
  echo "queue $q (capacity $((q + 2))):"; load /v1/render "$body" 5s 8
  stop
done

echo "== distinct plans (1,000 variants of case A), 2 and 8 clients"
start
load /v1/render "$variants" 50 2 >/dev/null
for c in 2 8; do load /v1/render "$variants" "$RENDERS" "$c"; done
stop

echo "== cache eviction: after each compilation vs after each job (distinct plans, in turns, three rounds)"
for round in 1 2 3; do
  for e in compilation job; do
    start --cache-eviction "$e"
    load /v1/render "$body" 50 2 >/dev/null
    echo "round $round, $e: $(load /v1/render "$variants" "$RENDERS" 8), rss $(rss)"
    stop
  done
done

echo "== resident memory over a long run"
start
load /v1/validate fixtures/plans/case-a.json 1000 8 >/dev/null; echo "after 1,000 validate: $(rss)"
load /v1/validate fixtures/plans/case-a.json 99000 8 >/dev/null; echo "after 100,000 validate: $(rss)"
load /v1/render "$variants" 1000 8 >/dev/null; echo "after 1,000 render (distinct plans): $(rss)"
load /v1/render "$variants" 9000 8 >/dev/null; echo "after 10,000 render (distinct plans): $(rss)"
stop
rm -f "$body" "$variants"
