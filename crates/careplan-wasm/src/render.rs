//! Printing (feature `render`): the `Renderer` class of the npm package
//! `@careplan/render`. Fonts come from the caller as bytes (the package
//! ships careplan's, so a site can cache them apart from the module); the
//! PDF is byte-identical to the native CLI's given the same font files in
//! the same order (BIZ UDMincho, BIZ UDGothic, BIZ UDGothic Bold).

use careplan_api::render::{RenderOutput, RenderRequest, SharedRenderer};
use careplan_api::{ApiError, ErrorCode};
use serde::Serialize;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::{answer, bad};

/// A renderer: add font files, `load` them once, then render any number
/// of documents. The bytes of the last render wait in it until taken.
#[wasm_bindgen]
#[derive(Debug, Default)]
pub struct Renderer {
    fonts: Vec<Vec<u8>>,
    inner: Option<SharedRenderer>,
    pdf: Vec<u8>,
    pngs: Vec<Vec<u8>>,
}

/// What a render's result carries besides its bytes.
#[derive(Debug, Serialize)]
struct RenderValue {
    page_count: usize,
    png_count: usize,
    missing_glyphs: Vec<careplan_api::render::MissingGlyph>,
}

#[wasm_bindgen]
impl Renderer {
    /// A renderer with no fonts yet.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Renderer {
        Renderer::default()
    }

    /// Adds a font file (TrueType, OpenType or a collection) before `load`.
    #[wasm_bindgen(js_name = addFont)]
    pub fn add_font(&mut self, bytes: Vec<u8>) {
        self.fonts.push(bytes);
    }

    /// Parses the fonts added: the value is `{"families": [...]}`; an error
    /// (`bad_font`) names the file that holds no font.
    pub fn load(&mut self) -> String {
        let fonts = std::mem::take(&mut self.fonts);
        answer(careplan_api::render::renderer(&fonts).map(|r| {
            let families = r.font_families();
            self.inner = Some(r);
            serde_json::json!({ "families": families })
        }))
    }

    /// Prints a document (JSON text) with options (JSON text of
    /// `RenderRequest`, `{}` for the defaults): the value is
    /// `{"page_count", "png_count", "missing_glyphs"}`, the bytes are then
    /// taken with `takePdf` and `takePng`.
    pub fn render(&mut self, document: &str, options: &str) -> String {
        self.pdf.clear();
        self.pngs.clear();
        answer(self.print(document, options).map(|out| {
            let value = RenderValue {
                page_count: out.page_count,
                png_count: out.pngs.as_ref().map_or(0, Vec::len),
                missing_glyphs: out.missing_glyphs,
            };
            self.pdf = out.pdf;
            self.pngs = out.pngs.unwrap_or_default();
            value
        }))
    }

    fn print(&self, document: &str, options: &str) -> Result<RenderOutput, ApiError> {
        let renderer = self.inner.as_ref().ok_or_else(|| {
            ApiError::new(
                ErrorCode::BadFont,
                "フォントが読み込まれていません（load を先に呼んでください）",
                "no fonts loaded: call load first",
            )
        })?;
        let request: RenderRequest = serde_json::from_str(options)
            .map_err(|e| bad("印刷の指定が読めません", format!("bad render options: {e}")))?;
        let doc = careplan_api::validate::validate(document)?;
        careplan_api::render::render(renderer, &doc, &request)
    }

    /// The last render's PDF (empty once taken, or after a failed render).
    #[wasm_bindgen(js_name = takePdf)]
    pub fn take_pdf(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.pdf)
    }

    /// The last render's PNG page `index` (from 0; empty when there is none).
    #[wasm_bindgen(js_name = takePng)]
    pub fn take_png(&mut self, index: usize) -> Vec<u8> {
        self.pngs
            .get_mut(index)
            .map(std::mem::take)
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> serde_json::Value {
        serde_json::from_str(s).unwrap()
    }

    /// The class's protocol: no fonts, a bad font, load, render, take the
    /// bytes once. (The test build has the bundled fonts too, so the PDF's
    /// equality with the native one here does not show that fonts passed
    /// in suffice; the npm tarball test does, against the CLI.)
    #[test]
    fn renders_then_gives_its_bytes_once() {
        let plan = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../fixtures/plans/case-a.json"
        ))
        .unwrap();
        let mut r = Renderer::new();
        assert_eq!(parse(&r.render(&plan, "{}"))["error"]["code"], "bad_font");
        r.add_font(b"not a font".to_vec());
        assert_eq!(parse(&r.load())["error"]["code"], "bad_font");
        for f in careplan_fonts::bundled() {
            r.add_font(f.data.to_vec());
        }
        assert_eq!(parse(&r.load())["ok"], true);
        let got = parse(&r.render(&plan, r#"{"png_scale": 0.5}"#));
        assert_eq!(got["value"]["page_count"], 3, "{got}");
        assert_eq!(got["value"]["png_count"], 3);
        let pdf = r.take_pdf();
        assert!(pdf.starts_with(b"%PDF"));
        assert!(r.take_pdf().is_empty());
        assert!(r.take_png(2).starts_with(b"\x89PNG"));
        assert!(r.take_png(3).is_empty());
        let native = careplan_api::render::renderer(&[]).unwrap();
        let doc = careplan_api::validate::validate(&plan).unwrap();
        let want = careplan_api::render::render(&native, &doc, &RenderRequest::default()).unwrap();
        assert_eq!(pdf, want.pdf);
        let bad = parse(&r.render(&plan, r#"{"tables": [9]}"#));
        assert_eq!(bad["error"]["code"], "bad_options");
        assert!(r.take_pdf().is_empty());
    }
}
