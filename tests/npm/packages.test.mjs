// The packed npm packages, installed in a scratch project and imported as
// a user would, against the native command line (CAREPLAN): every plan
// renders byte-identical, every invalid fixture gives the CLI's violation
// JSON, check gives the CLI's report, CSV goes both ways.
import test from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as core from "@careplan/core";
import * as render from "@careplan/render";

const root = process.env.CAREPLAN_ROOT;
const cli = process.env.CAREPLAN;
assert.ok(root && cli, "CAREPLAN_ROOT and CAREPLAN must be set");
const fixtures = join(root, "fixtures");
// Inside the scratch project, which scripts/npm-tests.sh makes afresh.
const scratch = mkdtempSync(join(process.cwd(), "out-"));
const sha = (bytes) => createHash("sha256").update(bytes).digest("hex");

function run(args) {
  try {
    return { status: 0, stdout: execFileSync(cli, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }) };
  } catch (e) {
    return { status: e.status, stdout: e.stdout, stderr: e.stderr };
  }
}

const plans = readdirSync(join(fixtures, "plans")).filter((f) => f.endsWith(".json"));
const invalid = readdirSync(join(fixtures, "invalid")).filter((f) => f.endsWith(".json") && f !== "expected.json");

await core.init();
await render.init();
const renderer = await render.Renderer.withBundledFonts();

test("init is idempotent and the renderer has the shipped fonts", async () => {
  assert.equal(core.init(), core.init());
  await core.init();
  assert.deepEqual(render.FONT_FILES, ["BIZUDMincho-Regular.ttf", "BIZUDGothic-Regular.ttf", "BIZUDGothic-Bold.ttf"]);
  assert.deepEqual(renderer.families, ["BIZ UDMincho", "BIZ UDGothic"]);
});

test("every plan fixture validates and prints byte-identical to the CLI", () => {
  assert.ok(plans.length >= 5);
  for (const f of plans) {
    const path = join(fixtures, "plans", f);
    const plan = JSON.parse(readFileSync(path, "utf8"));
    assert.deepEqual(core.validate(plan), { ok: true, value: { form: "kyotaku" } }, f);
    assert.deepEqual(render.validate(readFileSync(path, "utf8")), { ok: true, value: { form: "kyotaku" } }, f);
    const got = renderer.render(plan);
    assert.equal(got.ok, true, `${f}: ${JSON.stringify(got.error)}`);
    const out = join(scratch, f.replace(/\.json$/, ".pdf"));
    assert.equal(run(["render", path, "-o", out]).status, 0, f);
    const want = readFileSync(out);
    assert.equal(got.value.pdf.length, want.length, f);
    assert.equal(sha(got.value.pdf), sha(want), f);
    assert.ok(got.value.page_count >= 3, f);
    assert.equal(got.value.pngs, undefined);
  }
});

test("every 介護予防 plan validates, is checked and prints byte-identical to the CLI", () => {
  const yobo = readdirSync(join(fixtures, "yobo/plans")).filter((f) => f.endsWith(".json"));
  assert.ok(yobo.length >= 4);
  for (const f of yobo) {
    const path = join(fixtures, "yobo/plans", f);
    const text = readFileSync(path, "utf8");
    assert.deepEqual(core.validate(text), { ok: true, value: { form: "yobo_plan" } }, f);
    assert.deepEqual(core.check(text).value, JSON.parse(run(["check", "--format", "json", path]).stdout), f);
    const got = renderer.render(text);
    assert.equal(got.ok, true, `${f}: ${JSON.stringify(got.error)}`);
    const out = join(scratch, "yobo-" + f.replace(/\.json$/, ".pdf"));
    assert.equal(run(["render", path, "-o", out]).status, 0, f);
    assert.equal(sha(got.value.pdf), sha(readFileSync(out)), f);
  }
  const bad = readFileSync(join(fixtures, "yobo/invalid/level-care-2.json"), "utf8");
  const refused = core.validate(bad);
  assert.equal(refused.ok, false);
  assert.equal(refused.error.violations[0].rule, "care_level_on_preventive_plan");
});

test("a case file, its 第4表/第5表 and a 第6表 validate and print byte-identical to the CLI", () => {
  const casePath = join(fixtures, "cases/case-a.json");
  const text = readFileSync(casePath, "utf8");
  assert.deepEqual(core.validate(text), { ok: true, value: { form: "case_file" } });
  assert.deepEqual(core.check(text).value, JSON.parse(run(["check", "--format", "json", casePath]).stdout));
  const got = renderer.render(text, { tables: [5, 1] });
  assert.equal(got.ok, true, JSON.stringify(got.error));
  const out = join(scratch, "case-5-1.pdf");
  assert.equal(run(["render", casePath, "--tables", "5,1", "-o", out]).status, 0);
  assert.equal(sha(got.value.pdf), sha(readFileSync(out)));
  for (const [folder, form] of [["meetings", "kyotaku_meeting"], ["progress", "kyotaku_progress"], ["usage", "kyotaku_usage"]]) {
    for (const f of readdirSync(join(fixtures, folder)).filter((f) => f.endsWith(".json"))) {
      const path = join(fixtures, folder, f);
      const doc = readFileSync(path, "utf8");
      assert.deepEqual(core.validate(doc), { ok: true, value: { form } }, f);
      const pdf = renderer.render(doc);
      assert.equal(pdf.ok, true, `${f}: ${JSON.stringify(pdf.error)}`);
      const cli = join(scratch, `${folder}-${f.replace(/\.json$/, ".pdf")}`);
      assert.equal(run(["render", path, "-o", cli]).status, 0, f);
      assert.equal(sha(pdf.value.pdf), sha(readFileSync(cli)), f);
    }
  }
  // One office's サービス提供票, as `--provider` prints it.
  const usagePath = join(fixtures, "usage/level-change-2025-04.json");
  const copy = renderer.render(readFileSync(usagePath, "utf8"), { provider: "1470000201" });
  assert.equal(copy.ok, true, JSON.stringify(copy.error));
  const copyOut = join(scratch, "provider.pdf");
  assert.equal(run(["render", usagePath, "--provider", "1470000201", "-o", copyOut]).status, 0);
  assert.equal(sha(copy.value.pdf), sha(readFileSync(copyOut)));
  // A 第6表 with its 第7表, as `--master` and `--terms` print them.
  const monthPath = join(fixtures, "usage/care3-over-limit-2025-06.json");
  const masterPath = join(fixtures, "masters/service-codes-illustrative.csv");
  const termsPath = join(fixtures, "table7/care3-over-limit-2025-06.terms.json");
  const month = renderer.render(readFileSync(monthPath, "utf8"), { table7: { master: readFileSync(masterPath, "utf8"), terms: JSON.parse(readFileSync(termsPath, "utf8")) } });
  assert.equal(month.ok, true, JSON.stringify(month.error));
  const monthOut = join(scratch, "month.pdf");
  assert.equal(run(["render", monthPath, "--master", masterPath, "--terms", termsPath, "-o", monthOut]).status, 0);
  assert.equal(sha(month.value.pdf), sha(readFileSync(monthOut)));
  const other = core.validate(readFileSync(join(fixtures, "cases-invalid/meeting-for-another-user.json"), "utf8"));
  assert.equal(other.ok, false);
  assert.deepEqual(
    other.error.violations.map((v) => [v.path, v.rule]),
    [["meetings[0].user_name", "user_mismatch"]],
  );
  // 第4表 holds no 第1表: refused, not an empty PDF.
  const none = renderer.render(readFileSync(join(fixtures, "meetings/case-a-first-meeting.json"), "utf8"), { tables: [1] });
  assert.equal(none.ok, false);
  assert.equal(none.error.code, "bad_options");
  assert.equal(core.schema("case-file").value.$id, "urn:careplan:schema:case-file:v1");
});

test("options print as the CLI's flags do, PNG pages included", async () => {
  const path = join(fixtures, "plans/case-a.json");
  const cases = [
    [{ tables: [3, 1], draft: true }, ["--tables", "3,1", "--draft"]],
    [{ typeface: "mincho", consent_block: true }, ["--typeface", "mincho", "--consent-block"]],
    [{ pdfa: true, tables: [2] }, ["--pdfa", "--tables", "2"]],
  ];
  for (const [options, flags] of cases) {
    const out = join(scratch, "options.pdf");
    assert.equal(run(["render", path, "-o", out, ...flags]).status, 0, flags.join(" "));
    const got = renderer.render(readFileSync(path, "utf8"), options);
    assert.equal(got.ok, true, JSON.stringify(options));
    assert.equal(sha(got.value.pdf), sha(readFileSync(out)), JSON.stringify(options));
  }
  // The fonts from elsewhere (a path without its slash, as a Node user writes it).
  const elsewhere = await render.Renderer.withBundledFonts({ base: "node_modules/@careplan/render/fonts" });
  const again = elsewhere.render(readFileSync(path, "utf8"));
  assert.equal(sha(again.value.pdf), sha(renderer.render(readFileSync(path, "utf8")).value.pdf));
  elsewhere.free();
  const pngDir = join(scratch, "png");
  assert.equal(run(["render", path, "-o", join(scratch, "png.pdf"), "--png", pngDir]).status, 0);
  const got = renderer.render(JSON.parse(readFileSync(path, "utf8")), { png_scale: 2 });
  assert.equal(got.value.pngs.length, got.value.page_count);
  got.value.pngs.forEach((png, i) => assert.equal(sha(png), sha(readFileSync(join(pngDir, `png-${i + 1}.png`))), `page ${i + 1}`));
});

test("every invalid fixture gives the CLI's violation JSON, byte for byte", () => {
  assert.ok(invalid.length > 50);
  for (const f of invalid) {
    const path = join(fixtures, "invalid", f);
    const want = JSON.parse(run(["validate", "--format", "json", path]).stdout).files[0].violations;
    for (const [pkg, got] of [
      ["core", core.validate(readFileSync(path, "utf8"))],
      ["render", render.validate(readFileSync(path, "utf8"))],
    ]) {
      assert.equal(got.ok, false, `${pkg} ${f}`);
      assert.equal(got.error.code, "invalid_document", `${pkg} ${f}`);
      assert.equal(JSON.stringify(got.error.violations), JSON.stringify(want), `${pkg} ${f}`);
    }
    const printed = renderer.render(readFileSync(path, "utf8"));
    assert.equal(JSON.stringify(printed.error.violations), JSON.stringify(want), `render ${f}`);
  }
});

test("check gives the CLI's report for every plan", () => {
  for (const f of [...plans.map((p) => join(fixtures, "plans", p)), ...readdirSync(join(fixtures, "check")).filter((c) => c.endsWith(".json") && c !== "expected.json").map((c) => join(fixtures, "check", c))]) {
    const r = run(["check", "--format", "json", f]);
    const got = core.check(readFileSync(f, "utf8"));
    assert.equal(got.ok, true, f);
    assert.equal(JSON.stringify(got.value), JSON.stringify(JSON.parse(r.stdout)), f);
  }
});

test("a send set exported in JS imports in Rust, and the CLI's in JS", () => {
  const options = { from: "1234567890:43", to: "0987654321:11", timestamp: "20260401093000" };
  const path = join(fixtures, "plans/case-a.json");
  const got = core.csvExport([JSON.parse(readFileSync(path, "utf8"))], options);
  assert.equal(got.ok, true, JSON.stringify(got.error));
  const cliDir = join(scratch, "cli-set");
  assert.equal(run(["csv", "export", path, "--from", options.from, "--to", options.to, "--timestamp", options.timestamp, "-o", cliDir]).status, 0);
  assert.deepEqual(got.value.files.map((f) => f.name).sort(), readdirSync(cliDir).sort());
  const jsDir = join(scratch, "js-set");
  mkdirSync(jsDir);
  for (const f of got.value.files) {
    assert.ok(f.bytes instanceof Uint8Array);
    assert.equal(sha(f.bytes), sha(readFileSync(join(cliDir, f.name))), f.name);
    writeFileSync(join(jsDir, f.name), f.bytes);
  }
  const imported = join(scratch, "imported");
  const r = run(["csv", "import", ...readdirSync(jsDir).map((n) => join(jsDir, n)), "-o", imported]);
  assert.equal(r.status, 0, r.stderr);
  const back = core.csvImport(readdirSync(cliDir).map((name) => ({ name, bytes: readFileSync(join(cliDir, name)) })));
  assert.equal(back.ok, true);
  assert.deepEqual(back.value.errors, []);
  assert.deepEqual(back.value.documents[0].document, JSON.parse(readFileSync(join(imported, readdirSync(imported)[0]), "utf8")));
  const withdrawn = core.csvWithdraw([readFileSync(path, "utf8")], options);
  assert.match(withdrawn.value.files[0].name, /^DLT1KYO_/);
  const broken = core.csvImport([{ name: "UP1KYO_x.csv", bytes: new Uint8Array([0x82, 0xa0, 0x0d]) }]);
  assert.equal(broken.ok, true);
  assert.ok(broken.value.errors.length > 0);
});

test("第7表 of every hand-worked month equals the CLI's, in both master forms", () => {
  const names = readdirSync(join(fixtures, "table7")).filter((f) => f.endsWith(".terms.json")).map((f) => f.replace(".terms.json", ""));
  assert.equal(names.length, 6);
  const csv = join(fixtures, "masters/service-codes-illustrative.csv");
  for (const name of names) {
    const sheet = join(fixtures, "usage", `${name}.json`);
    const terms = join(fixtures, "table7", `${name}.terms.json`);
    const r = run(["table7", sheet, "--master", csv, "--terms", terms, "--format", "json", "--explain", "0.0"]);
    assert.equal(r.status, 0, r.stderr);
    for (const master of [readFileSync(csv, "utf8"), JSON.parse(readFileSync(join(fixtures, "masters/service-codes-illustrative.json"), "utf8"))]) {
      const got = core.table7({ document: readFileSync(sheet, "utf8"), master, terms: JSON.parse(readFileSync(terms, "utf8")), explain: { group: 0, row: 0 } });
      assert.equal(got.ok, true, JSON.stringify(got.error));
      assert.equal(JSON.stringify(got.value), JSON.stringify(JSON.parse(r.stdout)), name);
    }
    const expected = JSON.parse(readFileSync(join(fixtures, "table7", `${name}.expected.json`), "utf8"));
    assert.equal(JSON.parse(r.stdout).table7.cost, expected.cost, name);
  }
  const bad = core.table7({ document: readFileSync(join(fixtures, "usage/care3-over-limit-2025-06.json"), "utf8"), master: "code,name\n", terms: { burden_tenths: 1, offices: [] } });
  assert.equal(bad.error.code, "bad_master");
});

test("a 第6表 month and a provider's 実績 go out as the CLI's bytes and come back", () => {
  const name = "level-change-2025-04";
  const sheet = join(fixtures, "usage", `${name}.json`);
  const csv = join(fixtures, "masters/service-codes-illustrative.csv");
  const termsPath = join(fixtures, "table7", `${name}.terms.json`);
  const table7 = { master: readFileSync(csv, "utf8"), terms: JSON.parse(readFileSync(termsPath, "utf8")) };
  const options = { from: "1470000002:43", to: "1470000201:11", timestamp: "20250416120000", table7 };
  const got = core.csvExport([readFileSync(sheet, "utf8")], options);
  assert.equal(got.ok, true, JSON.stringify(got.error));
  const cliDir = join(scratch, "usage-set");
  const r = run(["csv", "export", sheet, "--from", options.from, "--to", options.to, "--timestamp", options.timestamp, "--master", csv, "--terms", termsPath, "-o", cliDir]);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(got.value.files.map((f) => f.name).sort(), readdirSync(cliDir).sort());
  for (const f of got.value.files) assert.equal(sha(f.bytes), sha(readFileSync(join(cliDir, f.name))), f.name);
  const jsk = core.csvExport([readFileSync(sheet, "utf8")], { ...options, from: "1470000201:11", to: "1470000002:43", actuals: true });
  assert.equal(jsk.ok, true, JSON.stringify(jsk.error));
  assert.match(jsk.value.files[0].name, /^UPJSK_202504_1470000201_11_/);
  const back = core.csvImport([...got.value.files, ...jsk.value.files]);
  assert.equal(back.ok, true);
  assert.deepEqual(back.value.errors, []);
  assert.equal(back.value.usage[0].key.month, "2025-04");
  assert.equal(back.value.actuals[0].office_number, "1470000201");
  const missing = core.csvExport([readFileSync(sheet, "utf8")], { ...options, table7: undefined });
  assert.equal(missing.error.code, "bad_options");
});

test("bad input is a value, not an exception", () => {
  assert.equal(core.validate("{").error.code, "unreadable");
  assert.equal(core.csvExport(["{"], {}).error.code, "bad_options");
  assert.equal(core.schema("nope").error.code, "bad_options");
  assert.equal(core.formatWareki("2019-05-01").value, "令和元年5月1日");
  assert.equal(core.parseWareki("H27.12.3").value, "2015-12-03");
  assert.equal(core.parseWareki("昭和百年").ok, false);
  assert.equal(core.rules().length, run(["check", "--list"]).stdout.trim().split("\n").length);
  assert.deepEqual(core.schema("plan").value, JSON.parse(readFileSync(join(root, "schema/plan.schema.json"), "utf8")));
  const plan = readFileSync(join(fixtures, "plans/case-a.json"), "utf8");
  assert.equal(renderer.render(plan, { tables: [1, 1] }).error.code, "bad_options");
  assert.equal(renderer.render(plan, { png_scale: 100 }).error.code, "bad_options");
  assert.equal(renderer.render(plan, { nonsense: true }).error.code, "bad_options");
  const noFont = render.Renderer.create([new Uint8Array([1, 2, 3])]);
  assert.equal(noFont.ok, false);
  assert.equal(noFont.error.code, "bad_font");
  const rare = JSON.parse(plan);
  rare.table1.user.name = "𠮷野　太郎";
  const missing = renderer.render(rare);
  assert.equal(missing.error.code, "missing_glyphs");
  assert.equal(missing.error.causes[0].path, "table1.user.name");
});
