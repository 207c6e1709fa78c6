// The module Worker behind RenderWorker: one module, one Renderer.
import { init, validate } from "./api.js";
import { Renderer, loadFonts } from "./render.js";

let renderer = null;

self.addEventListener("message", async (event) => {
  const { id, type } = event.data;
  try {
    if (type === "init") {
      await init(event.data.wasm);
      const fonts = event.data.fonts ?? (await loadFonts(event.data.fontBase));
      const created = Renderer.create(fonts);
      if (!created.ok) {
        self.postMessage({ id, result: created });
        return;
      }
      renderer = created.value;
      self.postMessage({ id, result: { ok: true, value: { families: renderer.families } } });
    } else if (type === "render") {
      if (renderer === null) throw new Error("not started");
      const result = renderer.render(event.data.document, event.data.options);
      const transfer = result.ok ? [result.value.pdf.buffer, ...(result.value.pngs ?? []).map((p) => p.buffer)] : [];
      self.postMessage({ id, result }, transfer);
    } else if (type === "validate") {
      self.postMessage({ id, result: validate(event.data.document) });
    } else {
      throw new Error(`unknown request ${type}`);
    }
  } catch (e) {
    self.postMessage({ id, exception: String(e?.message ?? e) });
  }
});
