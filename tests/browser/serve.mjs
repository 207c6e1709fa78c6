// A static server on 127.0.0.1 for the browser test and its benchmark:
// the scratch project's node_modules (the installed tarballs), the page,
// and the fixtures. No COOP/COEP headers: the packages must not need
// cross-origin isolation.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm", ".ttf": "font/ttf", ".json": "application/json", ".txt": "text/plain" };

/** Serves `/` (page.html), `/modules/…` from `modules`, `/fixtures/…` from `fixtures`. */
export function serve({ modules, fixtures }) {
  const roots = { modules, fixtures };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    let file;
    if (url.pathname === "/") file = join(here, "page.html");
    else {
      const [, top, ...rest] = url.pathname.split("/");
      const base = roots[top];
      const path = base && normalize(join(base, ...rest.map(decodeURIComponent)));
      if (path && path.startsWith(base + sep)) file = path;
    }
    try {
      if (!file) throw new Error("not found");
      const body = await readFile(file);
      res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve({ server, origin: `http://127.0.0.1:${server.address().port}` })));
}

/** Chromium's flags for a headless run in a container. */
export const CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-extensions", "--no-first-run"];
