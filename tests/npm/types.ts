// Type-checked (tsc --noEmit, strict) against the installed packages: the
// generated types narrow as a TS developer expects, and refuse what the
// schema refuses.
import { readFileSync } from "node:fs";
import { check, csvExport, init, schema, table7, validate, type CareplanError, type CaseFile, type CheckReport, type Meeting, type Plan, type Result } from "@careplan/core";
import { Renderer, RenderWorker, type Rendered, type RenderRequest } from "@careplan/render";

await init();
const plan: Plan = JSON.parse(readFileSync("case-a.json", "utf8"));
const r: Result<{ form: string }> = validate(plan);
if (r.ok) {
  const form: string = r.value.form;
  void form;
} else {
  const e: CareplanError = r.error;
  for (const v of e.violations ?? []) {
    const where: string = v.path;
    const rule: string | null | undefined = v.rule;
    void where, rule;
  }
}
const report: Result<CheckReport> = check(plan);
if (report.ok) for (const f of report.value.findings) void (f.severity satisfies "info" | "warning" | "error");
const set = csvExport([plan], { from: "1234567890:43", to: "0987654321:11", timestamp: "20260401093000" });
if (set.ok) for (const f of set.value.files) void (f.bytes satisfies Uint8Array);

// @ts-expect-error: a plan's status is draft or final
const wrong: Plan = { ...plan, status: "maybe" };
void wrong;
// @ts-expect-error: table1 is required
const partial: Plan = { status: "final", table2: plan.table2, table3: plan.table3 };
void partial;
// A case file holds the plan and its 第4表 meetings (whose `form` may be left out inside it).
const meeting: Meeting = JSON.parse(readFileSync("case-a-first-meeting.json", "utf8"));
const { form: _form, ...nested } = meeting;
void _form;
const caseFile: CaseFile = { form: "case_file", plan, meetings: [nested] };
void check(caseFile), schema("case-file");
// @ts-expect-error: a standalone 第4表 names its form
const unnamed: Meeting = nested;
void unnamed;
// @ts-expect-error: a case file's form is case_file
const misnamed: CaseFile = { ...caseFile, form: "yobo_plan" };
void misnamed;
// @ts-expect-error: no such schema kind
void schema("meeting");
// @ts-expect-error: no such option
const options: RenderRequest = { tables: [1], colour: true };
void options;

const renderer = await Renderer.withBundledFonts();
const printed: Result<Rendered> = renderer.render(plan, { typeface: "mincho", png_scale: 1 });
if (printed.ok) void (printed.value.pdf satisfies Uint8Array);
const worker: Promise<RenderWorker> = RenderWorker.start();
void worker;

// 第7表: the terms and the result are typed.
{
  const r = table7({ document: "{}", master: "code,name\n", terms: { burden_tenths: 2, offices: [{ office_number: "1470000101", area_grade: "grade_2" }] }, explain: { group: 0, row: 0 } });
  if (r.ok) {
    const cost: number = r.value.table7.groups[0].subtotal?.cost ?? 0;
    const steps: string[] = (r.value.explanation ?? []).map((s) => s.how_ja);
    void cost, steps;
  }
  // @ts-expect-error: the terms name every office.
  table7({ document: "{}", master: "", terms: { burden_tenths: 1 } });
  // @ts-expect-error: a master's JSON form names its format.
  table7({ document: "{}", master: { version: 2, rows: [] }, terms: { burden_tenths: 1, offices: [] } });
  // @ts-expect-error: an unknown 地域区分.
  table7({ document: "{}", master: "", terms: { burden_tenths: 1, offices: [{ office_number: "1", area_grade: "grade_9" }] } });
}
