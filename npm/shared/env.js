// What the modules of the package share but do not export.

let loaded = false;

/** Whether this runs in Node (or another runtime with `process.versions.node`). */
export const isNode = typeof process === "object" && process !== null && typeof process.versions?.node === "string";

/**
 * A file: URL's bytes in Node (fetch cannot read file: URLs there).
 * @param {URL} url
 */
export async function readFileUrl(url) {
  const { readFile } = await import("node:fs/promises");
  return new Uint8Array(await readFile(url));
}

/** A path (relative to the working directory) as a file: URL (Node only). */
export async function pathUrl(path) {
  const { pathToFileURL } = await import("node:url");
  const { resolve } = await import("node:path");
  return pathToFileURL(resolve(path));
}

/** A document as the module reads it: JSON text as given, an object stringified. */
export const documentText = (document) => (typeof document === "string" ? document : JSON.stringify(document));

/** Records that the WebAssembly module is ready. */
export function setLoaded() {
  loaded = true;
}

/** Throws (a programming error, not bad input) when init has not finished. */
export function ready(name) {
  if (!loaded) throw new Error(`careplan: await init() before calling ${name}`);
}
