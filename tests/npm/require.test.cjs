// The packages through require(), with init given the module's bytes.
const test = require("node:test");
const assert = require("node:assert/strict");
const { execFileSync } = require("node:child_process");
const { createHash } = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");
const core = require("@careplan/core");
const render = require("@careplan/render");

test("CommonJS: init from bytes, validate, render as the CLI does", async () => {
  await core.init(fs.readFileSync(require.resolve("@careplan/core/careplan_bg.wasm")));
  const file = path.join(process.env.CAREPLAN_ROOT, "fixtures/plans/case-a.json");
  assert.deepEqual(core.validate(fs.readFileSync(file, "utf8")), { ok: true, value: { form: "kyotaku" } });
  assert.throws(() => render.validate("{}"), /await init\(\) before calling validate/);
  // A path, as a Node user would give it.
  await render.init(path.relative(process.cwd(), require.resolve("@careplan/render/careplan_bg.wasm")));
  const created = render.Renderer.create(await render.loadFonts());
  assert.equal(created.ok, true);
  const got = created.value.render(JSON.parse(fs.readFileSync(file, "utf8")));
  const out = path.join(fs.mkdtempSync(path.join(process.cwd(), "out-")), "a.pdf");
  execFileSync(process.env.CAREPLAN, ["render", file, "-o", out]);
  const sha = (b) => createHash("sha256").update(b).digest("hex");
  assert.equal(sha(got.value.pdf), sha(fs.readFileSync(out)));
  created.value.free();
  assert.throws(() => created.value.render("{}"), /freed/);
});
