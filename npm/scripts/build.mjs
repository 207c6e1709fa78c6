// Assembles and packs the npm packages from careplan-wasm's builds:
//
//   node npm/scripts/build.mjs --core CORE.wasm --render RENDER.wasm --fonts DIR --out DIR
//
// For each package: wasm-bindgen's `web` glue and module (careplan.js,
// careplan_bg.wasm), our ESM sources, a CommonJS bundle of them (esbuild),
// one index.d.ts (and .d.cts) of the API with every document's types
// generated from the committed OpenAPI contract, the README, and for
// @careplan/render the shipped fonts. Then `npm pack` into --out, and the
// size of each module, raw and gzip, against its budget.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import * as esbuild from "esbuild";
import { generateTypes } from "./types.mjs";

const npmDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const root = resolve(npmDir, "..");

/**
 * Size budgets of each package's module (bytes; raw and gzip -9). Core: the
 * issue's "under 1 MB gzip"; raw 3 MiB (2 MiB until the 介護予防 forms, each
 * of which adds some 0.4 MB raw and 0.1 MB gzip of validator, schema-free
 * document types and CSV records). Render: Typst is most of it (11.6 MB gzip
 * at 0.1.0); the budget is about 8 % above, so that growth is a decision.
 */
const MiB = 1 << 20;
const BUDGETS = { core: { raw: 3 * MiB, gzip: 1 * MiB }, render: { raw: 36 * MiB, gzip: 12 * MiB } };

const { values: args } = parseArgs({
  options: { core: { type: "string" }, render: { type: "string" }, fonts: { type: "string" }, out: { type: "string" } },
});
for (const k of ["core", "render", "fonts", "out"]) if (!args[k]) throw new Error(`--${k} is required`);

function run(cmd, argv, cwd) {
  const r = spawnSync(cmd, argv, { cwd, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(" ")}: ${r.error ?? r.stderr}`);
  return r.stdout;
}

const cargoVersion = /^\[workspace\.package\][^[]*?^version = "([^"]+)"/m.exec(readFileSync(join(root, "Cargo.toml"), "utf8"))?.[1];
const types = await generateTypes(join(root, "openapi/careplan.openapi.json"));
const out = resolve(args.out);
mkdirSync(out, { recursive: true });

const packages = [
  { name: "core", wasm: args.core, sources: ["shared/api.js", "shared/env.js", "core/index.js"], dts: ["shared/api.d.ts"] },
  {
    name: "render",
    wasm: args.render,
    sources: ["shared/api.js", "shared/env.js", "render/render.js", "render/worker.js", "render/index.js"],
    dts: ["shared/api.d.ts", "render/render.d.ts"],
  },
];

const report = [];
for (const pkg of packages) {
  const stage = join(out, pkg.name);
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(npmDir, pkg.name, "package.json"), "utf8"));
  if (manifest.version !== cargoVersion) {
    throw new Error(`npm/${pkg.name}/package.json is ${manifest.version}, the workspace ${cargoVersion}`);
  }
  run("wasm-bindgen", ["--target", "web", "--out-name", "careplan", "--out-dir", stage, resolve(args[pkg.name])]);
  for (const f of ["careplan.d.ts", "careplan_bg.wasm.d.ts"]) rmSync(join(stage, f), { force: true });
  for (const s of pkg.sources) copyFileSync(join(npmDir, s), join(stage, s.split("/").pop()));
  copyFileSync(join(npmDir, pkg.name, "package.json"), join(stage, "package.json"));
  copyFileSync(join(npmDir, pkg.name, "README.md"), join(stage, "README.md"));
  const dts = [
    `// Types of ${manifest.name} ${manifest.version}. The document and result types are generated`,
    "// from careplan's OpenAPI contract (openapi/careplan.openapi.json), itself the committed JSON Schemas.",
    "",
    types,
    ...pkg.dts.map((f) => readFileSync(join(npmDir, f), "utf8")),
  ].join("\n");
  writeFileSync(join(stage, "index.d.ts"), dts);
  writeFileSync(join(stage, "index.d.cts"), dts);
  await esbuild.build({
    entryPoints: [join(stage, "index.js")],
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node18",
    outfile: join(stage, "index.cjs"),
    define: { "import.meta.url": "__careplan_module_url" },
    banner: { js: 'const __careplan_module_url = require("node:url").pathToFileURL(__filename).href;' },
    logLevel: "warning",
  });
  if (pkg.name === "render") {
    mkdirSync(join(stage, "fonts"));
    for (const f of readdirSync(args.fonts)) copyFileSync(join(args.fonts, f), join(stage, "fonts", f));
  }
  const missing = manifest.files.filter((f) => {
    try {
      statSync(join(stage, f));
      return false;
    } catch {
      return true;
    }
  });
  if (missing.length) throw new Error(`${manifest.name}: files missing from the package: ${missing.join(", ")}`);
  const packed = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", out], stage))[0];
  const wasm = readFileSync(join(stage, "careplan_bg.wasm"));
  const gz = gzipSync(wasm, { level: 9 }).length;
  report.push({ package: manifest.name, tarball: join(out, packed.filename), wasm: wasm.length, wasm_gzip: gz, tarball_bytes: packed.size, unpacked: packed.unpackedSize, files: packed.entryCount });
  const budget = BUDGETS[pkg.name];
  if (wasm.length > budget.raw || gz > budget.gzip) {
    throw new Error(`${manifest.name}: careplan_bg.wasm is ${wasm.length} bytes (${gz} gzip), over its budget of ${budget.raw} (${budget.gzip} gzip)`);
  }
}
for (const r of report) {
  const b = BUDGETS[r.package.replace("@careplan/", "")];
  console.log(`${r.package}: ${r.tarball} — careplan_bg.wasm ${r.wasm} bytes (budget ${b.raw}), ${r.wasm_gzip} gzip -9 (budget ${b.gzip}); tarball ${r.tarball_bytes} bytes, ${r.files} files`);
}
writeFileSync(join(out, "packages.json"), JSON.stringify(report, null, 2) + "\n");
