// careplan-wasm in Node, compared with the native command line.
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { execFileSync } = require("node:child_process");

const wasm = require(process.env.CAREPLAN_WASM);
const root = path.resolve(__dirname, "../..");
const cli = process.env.CAREPLAN || path.join(root, "target/debug/careplan");
const fixtures = path.join(root, "fixtures");

function run(args) {
  try {
    return { status: 0, stdout: execFileSync(cli, args, { encoding: "utf8" }) };
  } catch (e) {
    return { status: e.status, stdout: e.stdout };
  }
}

test("every invalid fixture gives the CLI's violation JSON, byte for byte", () => {
  const dir = path.join(fixtures, "invalid");
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".json") && f !== "expected.json");
  assert.ok(files.length > 50);
  for (const f of files) {
    const got = JSON.parse(wasm.validate(fs.readFileSync(path.join(dir, f), "utf8")));
    assert.equal(got.ok, false, f);
    assert.equal(got.error.code, "invalid_document", f);
    const want = JSON.parse(run(["validate", "--format", "json", path.join(dir, f)]).stdout).files[0].violations;
    assert.equal(JSON.stringify(got.error.violations), JSON.stringify(want), f);
  }
});

test("every plan fixture is valid and checks as the CLI does", () => {
  const dir = path.join(fixtures, "plans");
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith(".json"))) {
    const text = fs.readFileSync(path.join(dir, f), "utf8");
    assert.deepEqual(JSON.parse(wasm.validate(text)), { ok: true, value: { form: "kyotaku" } }, f);
    const want = JSON.parse(run(["check", "--format", "json", path.join(dir, f)]).stdout);
    assert.deepEqual(JSON.parse(wasm.check(text)).value, want, f);
  }
});

test("a send set written in JS is the CLI's and imports back in Rust", () => {
  const plan = JSON.parse(fs.readFileSync(path.join(fixtures, "plans/case-a.json"), "utf8"));
  const options = { from: "1234567890:43", to: "0987654321:11", timestamp: "20260401093000" };
  const got = JSON.parse(wasm.csvExport(JSON.stringify({ documents: [plan], options })));
  assert.equal(got.ok, true);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "careplan-wasm-"));
  const out = path.join(dir, "cli");
  run(["csv", "export", path.join(fixtures, "plans/case-a.json"), "--from", options.from, "--to", options.to, "--timestamp", options.timestamp, "-o", out]);
  const jsDir = path.join(dir, "js");
  fs.mkdirSync(jsDir);
  for (const f of got.value.files) {
    const bytes = Buffer.from(f.bytes_base64, "base64");
    assert.deepEqual(bytes, fs.readFileSync(path.join(out, f.name)), f.name);
    fs.writeFileSync(path.join(jsDir, f.name), bytes);
  }
  assert.equal(fs.readdirSync(out).length, got.value.files.length);
  const imported = path.join(dir, "imported");
  const r = run(["csv", "import", ...fs.readdirSync(jsDir).map((n) => path.join(jsDir, n)), "-o", imported]);
  assert.equal(r.status, 0);
  // And the CLI's files import in JS as the CLI imports them.
  const back = JSON.parse(wasm.csvImport(JSON.stringify(fs.readdirSync(out).map((n) => ({ name: n, bytes_base64: fs.readFileSync(path.join(out, n)).toString("base64") })))));
  assert.deepEqual(back.value.errors, []);
  const want = JSON.parse(fs.readFileSync(path.join(imported, fs.readdirSync(imported)[0]), "utf8"));
  assert.deepEqual(back.value.documents[0].document, want);
});

test("bad input is a value, not an exception", () => {
  assert.equal(JSON.parse(wasm.validate("{")).error.code, "unreadable");
  assert.equal(JSON.parse(wasm.csvExport("not json")).error.code, "bad_options");
  assert.equal(JSON.parse(wasm.schema("nope")).error.code, "bad_options");
  assert.equal(JSON.parse(wasm.formatWareki("2019-05-01")).value, "令和元年5月1日");
  assert.equal(JSON.parse(wasm.parseWareki("H27.12.3")).value, "2015-12-03");
  assert.equal(JSON.parse(wasm.rules()).value.length, 21);
  assert.equal(JSON.parse(wasm.schema("plan")).value, fs.readFileSync(path.join(root, "schema/plan.schema.json"), "utf8"));
});
