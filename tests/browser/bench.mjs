// Not a test: the Chromium figures of docs/PERFORMANCE.md
// (scripts/npm-bench.sh): the page's module load, Worker start (module and
// fonts in the Worker), first render and warm renders of case A.
import { join } from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, serve } from "./serve.mjs";

const runs = Number(process.argv[2] ?? "50");
const { server, origin } = await serve({ modules: process.env.CAREPLAN_MODULES, fixtures: join(process.env.CAREPLAN_ROOT, "fixtures") });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage();
  await page.goto(`${origin}/?runs=${runs + 1}`);
  await page.waitForFunction(() => window.careplanResult !== undefined, null, { timeout: 600_000 });
  const r = await page.evaluate(() => window.careplanResult);
  if (r.exception) throw new Error(r.exception);
  const [first, ...rest] = r.ms.renders;
  rest.sort((a, b) => a - b);
  const q = (p) => +rest[Math.min(rest.length - 1, Math.floor(p * rest.length))].toFixed(1);
  console.log(JSON.stringify({ browser: browser.version(), load_ms: +r.ms.load.toFixed(1), worker_start_ms: +r.ms.workerStart.toFixed(1), first_render_ms: +first.toFixed(1), warm_runs: rest.length, warm_p50_ms: q(0.5), warm_p10_ms: q(0.1), warm_p90_ms: q(0.9) }));
} finally {
  await browser.close();
  server.close();
}
