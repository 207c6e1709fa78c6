#!/usr/bin/env bash
# careplan-wasm (the core npm package's module, #16 in progress): builds it
# for wasm32-unknown-unknown, binds it with wasm-bindgen for Node, checks
# its size budget and runs tests/wasm with node --test against the CLI.
# Installs the wasm target and wasm-bindgen-cli (pinned to the crate's
# wasm-bindgen version) when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
export CAREPLAN="${CAREPLAN:-$PWD/target/debug/careplan}"
[ -x "$CAREPLAN" ] || cargo build --locked -q
version=$(sed -n 's/^wasm-bindgen = "=\(.*\)"$/\1/p' crates/careplan-wasm/Cargo.toml)
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$version" ]; then
  # Not --locked: the CLI's own lock file names a webpki-roots the registry no longer serves.
  cargo install wasm-bindgen-cli --version "=$version" --quiet
fi
target="${CARGO_TARGET_DIR:-target}"
cargo build --profile wasm --locked --target wasm32-unknown-unknown -p careplan-wasm -q
out="$target/wasm-pkg/core"
rm -rf "$out"
wasm-bindgen --target nodejs --out-dir "$out" "$target/wasm32-unknown-unknown/wasm/careplan_wasm.wasm"
raw=$(stat -c %s "$out/careplan_wasm_bg.wasm")
gz=$(gzip -9 -c "$out/careplan_wasm_bg.wasm" | wc -c)
echo "careplan_wasm_bg.wasm: $raw bytes, $gz gzip -9 (budget: 1,048,576 gzip)"
[ "$gz" -le 1048576 ] || { echo "over the size budget" >&2; exit 1; }
CAREPLAN_WASM="$(cd "$out" && pwd)/careplan_wasm.js" node --test tests/wasm/
