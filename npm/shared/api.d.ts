// ---- The API (shared by @careplan/core and @careplan/render) ----

/** A result as a value: bad input never throws. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: CareplanError };

/** Why an operation refused its input. */
export interface CareplanError {
  /** Stable code: `invalid_document`, `unreadable`, `bad_options`, `bad_font`, `missing_glyphs`, `internal` … */
  code: string;
  /** 日本語のメッセージ。 */
  message_ja: string;
  /** The message in English. */
  message_en: string;
  /** For `invalid_document`: every violation, as `careplan validate --format json` writes them. */
  violations?: ViolationRecord[];
  /** For other codes: what caused it (a file, a character, an option), when known. */
  causes?: Cause[];
}

/**
 * A document as an object (a 居宅 `Plan`, or a form that names itself with
 * `form`: `YoboPlan`, `YoboKihon`, `Meeting` (第4表), `Progress` (第5表),
 * `CaseFile`), or its JSON text.
 */
export type DocumentInput = Document | string;

/** What `init` takes: nothing (the module beside this file), a URL, a response, bytes or a compiled module. */
export type InitInput = string | URL | Request | Response | BufferSource | WebAssembly.Module;

/**
 * Loads the WebAssembly module, once; every other function needs it.
 * Without an argument: `careplan_bg.wasm` beside the package's module
 * (read from disk in Node, fetched in a browser).
 */
export function init(input?: InitInput): Promise<void>;

/** Reads and checks a document. */
export function validate(document: DocumentInput): Result<{ form: string }>;

/** The plan-check (ケアプラン点検) report of a valid document. */
export function check(document: DocumentInput): Result<CheckReport>;

/** Every plan-check rule, in ID order. */
export function rules(): Rule[];

/** The JSON Schema (2020-12) of a kind. */
export function schema(
  kind:
    | "plan"
    | "yobo-plan"
    | "yobo-kihon"
    | "kyotaku-meeting"
    | "kyotaku-progress"
    | "case-file"
    | "kyotaku-usage"
    | "validation-report"
    | "check-report"
    | "table7-terms"
    | "service-codes",
): Result<Record<string, unknown>>;

/** An ISO date (`2015-12-03`) in 和暦 (`平成27年12月3日`). */
export function formatWareki(iso: string): Result<string>;

/** A date in 和暦 or ISO (`令和元年5月1日`, `R1.5.1`) as ISO (`2019-05-01`). */
export function parseWareki(date: string): Result<string>;

/** A file of a send set. */
export interface CsvFileBytes {
  /** The file's name, as the standard names it. */
  name: string;
  /** Its bytes (Shift_JIS / MS932). */
  bytes: Uint8Array;
}

/** A character replaced because MS932 lacks it (`jis_substitutions`). */
export interface Substitution {
  /** Where, as a JSON path. */
  path: string;
  /** The character in the document. */
  from: string;
  /** The character written. */
  to: string;
}

/** A send set. */
export interface SendSet {
  files: CsvFileBytes[];
  substitutions: Substitution[];
}

/** Writes documents as one send set of ケアプランデータ連携 第4.1版. */
export function csvExport(documents: Iterable<DocumentInput>, options: CsvOptions): Result<SendSet>;

/** Writes the withdrawal (DLT1KYO) of documents sent before. */
export function csvWithdraw(documents: Iterable<DocumentInput>, options: CsvOptions): Result<SendSet>;

/** Reads the files of any number of send sets. */
export function csvImport(files: Iterable<{ name: string; bytes: Uint8Array | ArrayBuffer }>): Result<ImportBody>;


/** The money columns of a subtotal or a row. */
export interface Table7Money {
  cost: number;
  claim: number;
  burden: number;
  full_burden: number;
}

/** One detail row of 第7表. */
export interface Table7Row {
  code: string;
  name: string;
  class: "managed" | "outside" | "over_30_days";
  per: "time" | "day" | "month";
  units: number | null;
  discounted: { percent_after: number; units: number } | null;
  rate: { permille: number; base: number; base_within: number } | null;
  count: number;
  service_units: number;
  within: number;
  over: number;
  fixed: { per_count: number; burden: number; prorated: boolean } | null;
  money: Table7Money | null;
  from_rows: number[];
}

/** One 事業所 × サービス種類 group with its subtotal. */
export interface Table7Group {
  office_number: string;
  office_name: string;
  kind: string;
  price_sen: number;
  price_from: "given" | { area_grade: string; labor_share: string };
  benefit_rate: number;
  rows: Table7Row[];
  managed: number;
  kind_over: number;
  kind_within: number;
  over: number;
  within: number;
  subtotal: Table7Money | null;
  fixed_burden: number | null;
  outside: Table7Money | null;
  over_30: { units: number; full_burden: number } | null;
}

/** 第7表, computed: units and yen as integers, 単位数単価 in sen. */
export interface Table7 {
  form: "kyotaku_table7";
  month: string;
  basis: "planned" | "actual";
  limit: number;
  managed: number;
  kind_over: number;
  over: number;
  within: number;
  allocation: "none" | "chosen" | "default";
  cost: number;
  claim: number;
  burden: number;
  full_burden: number;
  groups: Table7Group[];
  kinds: { kind: string; limit: number | null; total: number; over: number }[];
  short_stay: { before: number | null; this_month: number; cumulative: number | null };
}

/** One column of an explained row and how it was obtained. */
export interface Table7Step {
  column_ja: string;
  column_en: string;
  value: string;
  how_ja: string;
  how_en: string;
}

/** Computes 第7表 from a 第6表 (`Usage`), a サービスコード master (CSV text or the JSON form) and the terms. */
export function table7(input: {
  document: DocumentInput;
  master: string | ServiceCodes;
  /** The terms (`Table7Terms`, generated from `schema/table7-terms.schema.json`). */
  terms: Table7Terms;
  explain?: { group: number; row: number };
}): Result<{ table7: Table7; explanation?: Table7Step[] }>;
