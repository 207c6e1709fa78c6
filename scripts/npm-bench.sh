#!/usr/bin/env bash
# The npm packages' figures for docs/PERFORMANCE.md, in Node and in headless
# Chromium, over the scratch project scripts/npm-tests.sh leaves behind
# (run it first). Usage: scripts/npm-bench.sh [RUNS, default 50]
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
scratch="${CARGO_TARGET_DIR:-$repo/target}/npm/scratch"
[ -d "$scratch/node_modules/@careplan/render" ] || { echo "run scripts/npm-tests.sh first" >&2; exit 1; }
cd "$scratch"
export CAREPLAN_ROOT="$repo" CAREPLAN_MODULES="$scratch/node_modules"
node bench.mjs "${1:-50}"
node browser/bench.mjs "${1:-50}"
