// ---- Printing (@careplan/render) ----

/** The shipped font files, in the order careplan loads them. */
export const FONT_FILES: readonly string[];

/** The shipped fonts' bytes, from the package or from `base` (a directory's URL, or in Node its path). */
export function loadFonts(base?: string | URL): Promise<Uint8Array[]>;

/** What a render gives. */
export interface Rendered {
  /** The PDF. */
  pdf: Uint8Array;
  /** Its number of pages. */
  page_count: number;
  /** PNG pages, when `png_scale` was given. */
  pngs?: Uint8Array[];
  /** Characters drawn though no font has them (with `allow_missing_glyphs`). */
  missing_glyphs: { path: string; character: string }[];
}

/** Prints documents in their form's official layout. */
export class Renderer {
  private constructor();
  /** A renderer from font files (`bad_font` names the file that holds no font). */
  static create(fonts: Iterable<Uint8Array | ArrayBuffer>): Result<Renderer>;
  /** A renderer with the shipped fonts, then `extra` ones; throws when they cannot be loaded. */
  static withBundledFonts(options?: { base?: string | URL; extra?: Uint8Array[] }): Promise<Renderer>;
  /** The family names of the loaded fonts. */
  readonly families: string[];
  /** Prints a document; `pngs` only with `png_scale`. */
  render(document: DocumentInput, options?: RenderRequest): Result<Rendered>;
  /** Frees the memory the renderer holds. */
  free(): void;
}

/** Renders in a module Worker (browsers). */
export class RenderWorker {
  private constructor();
  /** Starts the worker and loads module and fonts in it. */
  static start(options?: {
    workerUrl?: string | URL;
    wasm?: string | WebAssembly.Module | BufferSource;
    fonts?: Uint8Array[];
    fontBase?: string | URL;
  }): Promise<RenderWorker>;
  /** As Renderer#render, off the main thread. */
  render(document: DocumentInput, options?: RenderRequest): Promise<Result<Rendered>>;
  /** As validate, off the main thread. */
  validate(document: DocumentInput): Promise<Result<{ form: string }>>;
  /** Stops the worker. */
  terminate(): void;
}
