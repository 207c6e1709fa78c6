// Not a test: the Node figures of docs/PERFORMANCE.md (scripts/npm-bench.sh).
// Module load (init), renderer creation (fonts parsed), first render and
// warm renders of case A through the installed @careplan/render.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

const runs = Number(process.argv[2] ?? "50");
const plan = readFileSync("case-a.json", "utf8");
const t0 = performance.now();
const careplan = await import("@careplan/render");
await careplan.init();
const load = performance.now() - t0;
const t1 = performance.now();
const renderer = await careplan.Renderer.withBundledFonts();
const create = performance.now() - t1;
const t2 = performance.now();
const first = renderer.render(plan);
const firstMs = performance.now() - t2;
if (!first.ok) throw new Error(JSON.stringify(first.error));
const warm = [];
for (let i = 0; i < runs; i++) {
  const t = performance.now();
  renderer.render(plan);
  warm.push(performance.now() - t);
}
warm.sort((a, b) => a - b);
const q = (p) => warm[Math.min(warm.length - 1, Math.floor(p * warm.length))].toFixed(1);
console.log(JSON.stringify({ node: process.version, load_ms: +load.toFixed(1), renderer_ms: +create.toFixed(1), first_render_ms: +firstMs.toFixed(1), warm_runs: runs, warm_p50_ms: +q(0.5), warm_p10_ms: +q(0.1), warm_p90_ms: +q(0.9) }));
