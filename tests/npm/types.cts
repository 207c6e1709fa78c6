// The CommonJS typings (index.d.cts) as a require() user sees them.
import core = require("@careplan/core");
import render = require("@careplan/render");

async function main(): Promise<void> {
  await core.init();
  const r = core.validate("{}");
  if (!r.ok) console.log(r.error.code satisfies string);
  const renderer = await render.Renderer.withBundledFonts();
  renderer.free();
}
void main;
