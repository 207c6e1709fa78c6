// Printing: the Renderer over careplan-wasm's raw `Renderer` (feature
// `render`), the shipped fonts, and a Web Worker helper.
import * as raw from "./careplan.js";
import { documentText, isNode, pathUrl, readFileUrl, ready } from "./env.js";

/**
 * The shipped font files (in `fonts/`), in the order careplan loads them:
 * with these bytes in this order the PDF is the native CLI's, byte for byte.
 */
export const FONT_FILES = Object.freeze(["BIZUDMincho-Regular.ttf", "BIZUDGothic-Regular.ttf", "BIZUDGothic-Bold.ttf"]);

/** The directory of the fonts: the package's, or `base` (a URL, or in Node a path). */
async function fontDir(base) {
  if (base === undefined) return new URL("./fonts/", import.meta.url);
  let dir;
  if (base instanceof URL) dir = new URL(base.href);
  else if (isNode && !/^[a-z][a-z0-9+.-]+:/i.test(String(base))) dir = await pathUrl(String(base));
  else dir = new URL(String(base), globalThis.location?.href);
  if (!dir.pathname.endsWith("/")) dir.pathname += "/";
  return dir;
}

/**
 * The shipped fonts' bytes, in FONT_FILES order: read from the package in
 * Node, fetched in a browser — from `base` when given (a directory's URL,
 * or in Node its path), to serve them from elsewhere or cache them apart.
 * Throws when a file cannot be read (a packaging or network fault).
 * @param {string | URL} [base]
 * @returns {Promise<Uint8Array[]>}
 */
export async function loadFonts(base) {
  const dir = await fontDir(base);
  return Promise.all(
    FONT_FILES.map(async (name) => {
      const url = new URL(name, dir);
      if (isNode && url.protocol === "file:") return readFileUrl(url);
      const response = await fetch(url);
      if (!response.ok) throw new Error(`careplan: ${url}: HTTP ${response.status}`);
      return new Uint8Array(await response.arrayBuffer());
    }),
  );
}

/**
 * Prints documents in their form's official layout. Build one (fonts are
 * parsed once) and render any number of documents with it.
 */
export class Renderer {
  #raw;
  #families;

  /** Use Renderer.create or Renderer.withBundledFonts. */
  constructor(handle, families) {
    if (!(handle instanceof raw.Renderer)) throw new TypeError("careplan: use Renderer.create(fonts)");
    this.#raw = handle;
    this.#families = families;
  }

  /**
   * A renderer from font files' bytes (TrueType, OpenType, collections):
   * `{ok: true, value: renderer}`, or `{ok: false, error}` (`bad_font`)
   * naming the file that holds no font.
   * @param {Iterable<Uint8Array | ArrayBuffer>} fonts
   */
  static create(fonts) {
    ready("Renderer.create");
    const handle = new raw.Renderer();
    for (const f of fonts) handle.addFont(f instanceof Uint8Array ? f : new Uint8Array(f));
    const result = JSON.parse(handle.load());
    if (!result.ok) {
      handle.free();
      return result;
    }
    return { ok: true, value: new Renderer(handle, result.value.families) };
  }

  /**
   * A renderer with the shipped fonts (BIZ UDMincho, BIZ UDGothic), and
   * `extra` font files after them (IPAmj明朝 for rare name characters).
   * Throws when the fonts cannot be loaded (see loadFonts).
   */
  static async withBundledFonts({ base, extra = [] } = {}) {
    const result = Renderer.create([...(await loadFonts(base)), ...extra]);
    if (!result.ok) throw new Error(`careplan: ${result.error.message_en}`);
    return result.value;
  }

  /** The family names of the loaded fonts. */
  get families() {
    return [...this.#families];
  }

  /**
   * Prints a document (an object or JSON text): `{ok: true, value: {pdf,
   * page_count, pngs, missing_glyphs}}` — `pngs` only with `png_scale` — or
   * `{ok: false, error}` with every violation of an invalid document.
   * @param {object | string} document
   * @param {object} [options] as `careplan render`'s: tables, draft, consent_block, pdfa, allow_missing_glyphs, typeface, png_scale
   */
  render(document, options = {}) {
    if (this.#raw === null) throw new Error("careplan: this Renderer was freed");
    const result = JSON.parse(this.#raw.render(documentText(document), JSON.stringify(options)));
    if (!result.ok) return result;
    const { page_count, png_count, missing_glyphs } = result.value;
    const value = { pdf: this.#raw.takePdf(), page_count, missing_glyphs };
    if (png_count > 0) value.pngs = Array.from({ length: png_count }, (_, i) => this.#raw.takePng(i));
    return { ok: true, value };
  }

  /** Frees the WebAssembly memory the renderer holds (its fonts). */
  free() {
    if (this.#raw !== null) {
      this.#raw.free();
      this.#raw = null;
    }
  }
}

/**
 * Renders off the main thread: a module Worker (`worker.js` of this
 * package) holding its own module and Renderer. Messages carry documents
 * as JSON text and PDFs back as transferred buffers.
 */
export class RenderWorker {
  #worker;
  #next = 1;
  #pending = new Map();

  constructor(worker) {
    this.#worker = worker;
    worker.addEventListener("message", (event) => {
      const { id, result, exception } = event.data;
      const p = this.#pending.get(id);
      if (!p) return;
      this.#pending.delete(id);
      if (exception !== undefined) p.reject(new Error(exception));
      else p.resolve(result);
    });
    worker.addEventListener("error", (event) => {
      const e = new Error(`careplan worker: ${event.message ?? "failed"}`);
      for (const p of this.#pending.values()) p.reject(e);
      this.#pending.clear();
    });
  }

  #ask(message, transfer = []) {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ id, ...message }, transfer);
    });
  }

  /**
   * Starts the worker and loads the module and fonts in it. `wasm`: what
   * init takes (default: the package's, by URL); `fonts`: font bytes
   * (default: the shipped fonts from `fontBase` or the package);
   * `workerUrl`: where worker.js is served (default: beside this file).
   * Resolves to the RenderWorker; rejects when loading fails.
   */
  static async start({ workerUrl, wasm, fonts, fontBase } = {}) {
    const url = workerUrl ?? new URL("./worker.js", import.meta.url);
    const rw = new RenderWorker(new Worker(url, { type: "module" }));
    const wasmInput = wasm ?? new URL("./careplan_bg.wasm", import.meta.url).href;
    const result = await rw.#ask({
      type: "init",
      wasm: wasmInput instanceof URL ? wasmInput.href : wasmInput,
      fonts,
      fontBase: fontBase === undefined ? undefined : String(fontBase),
    });
    if (!result.ok) {
      rw.terminate();
      throw new Error(`careplan worker: ${result.error.message_en}`);
    }
    return rw;
  }

  /** As Renderer#render, in the worker. */
  render(document, options = {}) {
    return this.#ask({ type: "render", document: documentText(document), options });
  }

  /** As validate, in the worker. */
  validate(document) {
    return this.#ask({ type: "validate", document: documentText(document) });
  }

  /** Stops the worker; pending requests reject. */
  terminate() {
    this.#worker.terminate();
    const e = new Error("careplan worker: terminated");
    for (const p of this.#pending.values()) p.reject(e);
    this.#pending.clear();
  }
}
