// The JavaScript API of careplan: results as values over careplan-wasm's
// raw bindings (JSON text in, JSON text out). Shared, file for file, by
// @careplan/core and @careplan/render.
import initWasm, * as raw from "./careplan.js";
import { documentText as text, isNode, pathUrl, readFileUrl, ready, setLoaded } from "./env.js";

/** The file name of the module's WebAssembly, next to this file. */
const WASM_FILE = "careplan_bg.wasm";

let loading = null;

/**
 * In Node, what `input` names on disk as a file: URL — a file: URL, or a
 * string that is no URL (a path, relative to the working directory; a
 * Windows drive letter is a path) — else null.
 */
async function fileUrl(input) {
  if (!isNode) return null;
  if (input instanceof URL) return input.protocol === "file:" ? input : null;
  if (typeof input !== "string") return null;
  if (input.startsWith("file:")) return new URL(input);
  if (/^[a-z][a-z0-9+.-]+:/i.test(input)) return null; // http:, https:, data: …
  return pathUrl(input);
}

/**
 * Loads the WebAssembly module, once. Without an argument it is the
 * `careplan_bg.wasm` next to this module (read from disk in Node, fetched
 * in a browser); or give a URL (string or URL), a Request or Response, the
 * bytes (Uint8Array, ArrayBuffer) or a compiled WebAssembly.Module: to
 * self-host it, to satisfy a Content Security Policy, or to share one
 * compiled module with Workers. Calling it again returns the same promise.
 * @param {string | URL | Request | Response | BufferSource | WebAssembly.Module} [input]
 * @returns {Promise<void>}
 */
export function init(input) {
  if (loading === null) {
    loading = (async () => {
      let source = input ?? new URL(WASM_FILE, import.meta.url);
      const file = await fileUrl(source);
      if (file !== null) source = await readFileUrl(file);
      await initWasm({ module_or_path: source });
      setLoaded();
    })();
    loading.catch(() => {
      loading = null;
    });
  }
  return loading;
}

/**
 * Reads and checks a document (an object or JSON text).
 * @returns {{ok: true, value: {form: string}} | {ok: false, error: object}}
 */
export function validate(document) {
  ready("validate");
  return JSON.parse(raw.validate(text(document)));
}

/** The plan-check (ケアプラン点検) report of a document. */
export function check(document) {
  ready("check");
  return JSON.parse(raw.check(text(document)));
}

/** Every plan-check rule, in ID order. */
export function rules() {
  ready("rules");
  return JSON.parse(raw.rules()).value;
}

/** The JSON Schema of `plan`, `validation-report` or `check-report`, as an object. */
export function schema(kind) {
  ready("schema");
  return JSON.parse(raw.schema(String(kind)));
}

/** An ISO date (`2015-12-03`) in 和暦 (`平成27年12月3日`). */
export function formatWareki(iso) {
  ready("formatWareki");
  return JSON.parse(raw.formatWareki(String(iso)));
}

/** A date in 和暦 or ISO (`令和元年5月1日`, `R1.5.1`, `2019-05-01`) as ISO. */
export function parseWareki(date) {
  ready("parseWareki");
  return JSON.parse(raw.parseWareki(String(date)));
}

function fromBase64(b64) {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

function toBase64(bytes) {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let bin = "";
  for (let i = 0; i < view.length; i += 0x8000) {
    bin += String.fromCharCode.apply(null, view.subarray(i, i + 0x8000));
  }
  return btoa(bin);
}

function exportWith(fn, name, documents, options) {
  ready(name);
  const input = `{"documents":[${Array.from(documents, text).join(",")}],"options":${JSON.stringify(options ?? {})}}`;
  const result = JSON.parse(fn(input));
  if (!result.ok) return result;
  return {
    ok: true,
    value: {
      files: result.value.files.map((f) => ({ name: f.name, bytes: fromBase64(f.bytes_base64) })),
      substitutions: result.value.substitutions,
    },
  };
}

/**
 * Writes documents as one send set of the national CSV standard
 * (ケアプランデータ連携 第4.1版): `{files: [{name, bytes}], substitutions}`.
 */
export function csvExport(documents, options) {
  return exportWith(raw.csvExport, "csvExport", documents, options);
}

/** Writes the withdrawal (DLT1KYO) of documents sent before. */
export function csvWithdraw(documents, options) {
  return exportWith(raw.csvWithdraw, "csvWithdraw", documents, options);
}

/**
 * Reads the files of any number of send sets (`[{name, bytes}]`): every
 * document read whole, the withdrawals, and every problem by file, line
 * and field — the same value as the HTTP service's `POST /v1/csv/import`.
 */
export function csvImport(files) {
  ready("csvImport");
  const input = JSON.stringify(Array.from(files, (f) => ({ name: String(f.name), bytes_base64: toBase64(f.bytes) })));
  return JSON.parse(raw.csvImport(input));
}

/**
 * 第7表 サービス利用票別表 from a 第6表, a サービスコード master (its CSV
 * text, or the JSON form as an object) and the terms: the same value as
 * the HTTP service's `POST /v1/table7`, `{table7, explanation?}`.
 */
export function table7({ document, master, terms, explain }) {
  ready("table7");
  const parts = [`"document":${text(document)}`, `"master":${JSON.stringify(master)}`, `"terms":${JSON.stringify(terms)}`];
  if (explain !== undefined) parts.push(`"explain":${JSON.stringify(explain)}`);
  return JSON.parse(raw.table7(`{${parts.join(",")}}`));
}
