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
    | "check-report",
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

