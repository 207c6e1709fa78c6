// Generates the TypeScript types of every document and result from the
// committed OpenAPI contract (openapi/careplan.openapi.json), whose schemas
// are the committed JSON Schemas (schema/*.json) plus the service's own
// types: the TS types and the Rust validator cannot drift apart.
//
// Names: `Plan.Table1Doc` becomes `Table1Doc` unless another schema has the
// short name too (`CheckReport.Severity` and `Severity`), then
// `CheckReportSeverity`. Titles (Japanese labels) move into the doc comment,
// json-schema-to-typescript would otherwise name types after them.
import { readFile } from "node:fs/promises";
import { compile } from "json-schema-to-typescript";

export async function generateTypes(openapiPath) {
  const openapi = JSON.parse(await readFile(openapiPath, "utf8"));
  const schemas = openapi.components.schemas;
  const short = (name) => name.split(".").pop();
  const counts = new Map();
  for (const name of Object.keys(schemas)) counts.set(short(name), (counts.get(short(name)) ?? 0) + 1);
  const rename = (name) => (counts.get(short(name)) > 1 ? name.replaceAll(".", "") : short(name));
  const names = new Map(Object.keys(schemas).map((n) => [n, rename(n)]));
  const fix = (node) => {
    if (Array.isArray(node)) return node.map(fix);
    if (node === null || typeof node !== "object") return node;
    if (typeof node.$ref === "string") {
      // A reference with a description beside it would become a copy of
      // the type under a new name (DateRangeDoc1 …): the reference alone.
      const target = decodeURIComponent(node.$ref.replace("#/components/schemas/", ""));
      if (!names.has(target)) throw new Error(`unresolved $ref ${node.$ref}`);
      return { $ref: `#/$defs/${names.get(target)}` };
    }
    const out = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === "title" && typeof v === "string") {
        // handled below
      } else if (k === "examples" || k === "example") {
        // not types
      } else {
        out[k] = fix(v);
      }
    }
    if (typeof node.title === "string") {
      const d = node.description;
      out.description = !d ? node.title : d.startsWith(node.title) ? d : `${node.title}。${d}`;
    }
    return out;
  };
  const defs = {};
  for (const [name, schema] of Object.entries(schemas)) defs[names.get(name)] = fix(schema);
  const root = { $defs: defs };
  const generated = await compile(root, "CareplanTypes", {
    bannerComment: "",
    unreachableDefinitions: true,
    additionalProperties: false,
    strictIndexSignatures: true,
    format: true,
  });
  const ts = generated
    .replace(/\n \*\n \* This interface was referenced by `CareplanTypes`'s JSON-Schema\n \* via the `definition` "\w+"\./g, "")
    .replace(/\/\*\*\n \* This interface was referenced by `CareplanTypes`'s JSON-Schema\n \* via the `definition` "\w+"\.\n \*\/\n/g, "")
    .replace(/export interface CareplanTypes \{[^}]*\}\n/, "");
  if (ts.includes("CareplanTypes")) throw new Error("the root type is still in the output");
  const declared = [...ts.matchAll(/^export (?:type|interface) (\w+)/gm)].map((m) => m[1]);
  const seen = new Set();
  for (const n of declared) {
    if (seen.has(n)) throw new Error(`type ${n} declared twice`);
    seen.add(n);
  }
  for (const n of names.values()) if (!seen.has(n)) throw new Error(`no type generated for ${n}`);
  return ts;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(await generateTypes(process.argv[2]));
}
