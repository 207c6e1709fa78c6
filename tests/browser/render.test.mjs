// Headless Chromium (Debian's, driven by playwright-core) loads a page from
// 127.0.0.1 that imports the installed @careplan/render, validates case A,
// renders it in a Worker, and the PDF's hash is the native CLI's.
import test from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, serve } from "./serve.mjs";

const root = process.env.CAREPLAN_ROOT;
const modules = process.env.CAREPLAN_MODULES; // the scratch project's node_modules

test("case A renders in a Worker in Chromium to the CLI's bytes", { timeout: 300_000 }, async () => {
  const out = join(mkdtempSync(join(process.cwd(), "out-")), "case-a.pdf");
  execFileSync(process.env.CAREPLAN, ["render", join(root, "fixtures/plans/case-a.json"), "-o", out]);
  const want = createHash("sha256").update(readFileSync(out)).digest("hex");
  const { server, origin } = await serve({ modules, fixtures: join(root, "fixtures") });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(origin + "/");
    await page.waitForFunction(() => window.careplanResult !== undefined, null, { timeout: 240_000 });
    const r = await page.evaluate(() => window.careplanResult);
    assert.equal(r.exception, undefined, r.exception);
    assert.deepEqual(errors, []);
    assert.equal(r.crossOriginIsolated, false);
    assert.deepEqual(r.valid, { ok: true, value: { form: "kyotaku" } });
    assert.equal(r.invalidFirstPath, "table1");
    assert.equal(r.ok, true);
    assert.equal(r.pages, 3);
    assert.equal(r.sha256, want);
  } finally {
    await browser.close();
    server.close();
  }
});
