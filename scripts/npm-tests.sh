#!/usr/bin/env bash
# The npm packages (@careplan/core, @careplan/render), built and tested as a
# user gets them:
#  1. careplan-wasm for wasm32-unknown-unknown with the wasm profile, twice
#     (without and with its `render` feature) in one target directory;
#  2. the shipped fonts as careplan embeds them (careplan-fonts' write-fonts);
#  3. npm/scripts/build.mjs: wasm-bindgen glue, ESM + CommonJS, types from
#     the OpenAPI contract, size budgets, `npm pack`;
#  4. a scratch project that installs the tarballs: tsc over the typings and
#     the README's lines, node --test against the CLI, and headless Chromium.
# Installs the wasm target and wasm-bindgen-cli (pinned to the crate's
# version) when missing, and the build tools with `npm ci`.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
export CAREPLAN="${CAREPLAN:-$repo/target/debug/careplan}"
[ -x "$CAREPLAN" ] || cargo build --locked -q
version=$(sed -n 's/^wasm-bindgen = "=\(.*\)"$/\1/p' crates/careplan-wasm/Cargo.toml)
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$version" ]; then
  # Not --locked: the CLI's own lock file names a webpki-roots the registry no longer serves.
  cargo install wasm-bindgen-cli --version "=$version" --quiet
fi
target="${CARGO_TARGET_DIR:-$repo/target}"
out="$target/npm"
rm -rf "$out"
mkdir -p "$out/modules"
for variant in core render; do
  features=()
  [ "$variant" = render ] && features=(--features render)
  start=$(date +%s)
  cargo build --profile wasm --locked --target wasm32-unknown-unknown -p careplan-wasm "${features[@]}" -q
  echo "careplan-wasm ($variant): built in $(($(date +%s) - start)) s"
  cp "$target/wasm32-unknown-unknown/wasm/careplan_wasm.wasm" "$out/modules/$variant.wasm"
done
cargo run --locked -q -p careplan-fonts --example write-fonts -- "$out/fonts"
(cd npm && npm ci --no-audit --no-fund --loglevel=error)
node npm/scripts/build.mjs --core "$out/modules/core.wasm" --render "$out/modules/render.wasm" --fonts "$out/fonts" --out "$out"

# A user's project: the tarballs installed, nothing else from this repository.
scratch="$out/scratch"
mkdir -p "$scratch"
cd "$scratch"
printf '{ "name": "scratch", "private": true, "type": "module" }\n' > package.json
npm install --no-audit --no-fund --loglevel=error "$out"/careplan-core-*.tgz "$out"/careplan-render-*.tgz
ln -s "$repo/npm/node_modules/playwright-core" node_modules/playwright-core
cp "$repo"/tests/npm/*.mjs "$repo"/tests/npm/*.cjs "$repo"/tests/npm/*.ts "$repo"/tests/npm/*.cts .
cp -r "$repo/tests/browser" browser
cp "$repo/fixtures/plans/case-a.json" "$repo/fixtures/meetings/case-a-first-meeting.json" .

# The README's lines, as written there (the package's README says the same).
block() { awk '/^```ts$/{on=1; next} /^```$/{if (on) exit} on' "$1"; }
[ "$(block "$repo/README.md")" = "$(block "$repo/npm/render/README.md")" ] ||
  { echo "README.md and npm/render/README.md show different TypeScript" >&2; exit 1; }
{
  echo 'import { writeFile } from "node:fs/promises";'
  echo 'import type { Plan } from "@careplan/render";'
  echo 'declare const plan: Plan;'
  block "$repo/README.md"
} > readme.ts
node -e '
  const c = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  c.compilerOptions.typeRoots = [process.argv[2]];
  require("fs").writeFileSync("tsconfig.json", JSON.stringify(c, null, 2));
' "$repo/tests/npm/tsconfig.json" "$repo/npm/node_modules/@types"
"$repo/npm/node_modules/.bin/tsc" -p tsconfig.json
echo "tsc: the typings, the CommonJS typings and the README's lines check"

export CAREPLAN_ROOT="$repo" CAREPLAN_MODULES="$scratch/node_modules"
node --test packages.test.mjs require.test.cjs
node --test browser/render.test.mjs
