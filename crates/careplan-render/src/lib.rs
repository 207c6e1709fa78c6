//! # careplan-render
//!
//! Prints a [`careplan_core::CarePlan`] as PDF in the official A4-landscape
//! layout of 居宅サービス計画書 第1表, 第2表 and 第3表, compiling Typst
//! templates in-process. BIZ UDMincho and BIZ UDGothic ship inside the crate
//! (SIL OFL 1.1), so a machine without Japanese fonts renders the same
//! bytes.
//!
//! - **Nothing typed is lost.** Long text flows onto more pages; 第2表
//!   continues with its column heads repeated and a need carried onto the
//!   next page repeated there marked 「（続き）」; a 第3表 block too small for
//!   its text carries a numbered marker and the text stands in a legend.
//! - **Data never becomes markup.** The plan reaches Typst only as a JSON
//!   data file in an in-memory world that holds nothing but our templates,
//!   that file and our fonts.
//! - **Deterministic.** The same plan and options give the same bytes.
//! - **No silent empty boxes.** Every character of the plan is checked
//!   against the loaded fonts before compiling; one that no font has is an
//!   error naming the field (or, if asked, a warning).
//! - **Fast when warm.** Build one [`Renderer`] and share it. Page numbers
//!   per table are printed as the templates predict them and checked
//!   against the layout; only a plan that proves a prediction wrong (a
//!   第1表 of two pages) is laid out a second time. Figures:
//!   `docs/PERFORMANCE.md`.
//!
//! ```
//! use careplan_core::CarePlan;
//! use careplan_render::{RenderOptions, Renderer};
//!
//! let json = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/plans/case-a.json"))?;
//! let plan = CarePlan::from_json(&json)?;
//! let renderer = Renderer::new()?;                 // fonts parsed once; share it
//! let out = renderer.render(&plan, &RenderOptions::default())?;
//! assert!(out.pdf.starts_with(b"%PDF-"));
//! assert!(out.page_count >= 3);                     // 第1表, 第2表, 第3表
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod fonts;
#[cfg(test)]
mod hinting;
mod view;
mod world;

use std::fmt;

use careplan_core::CarePlan;
use chrono::Datelike;
use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::{Content, Datetime, Label, Smart};
use typst::introspection::{Introspector, MetadataElem};
use typst::utils::PicoStr;
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

pub use view::plan_texts;

/// One of the three tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Table {
    /// 第1表 居宅サービス計画書（１）.
    T1,
    /// 第2表 居宅サービス計画書（２）.
    T2,
    /// 第3表 週間サービス計画表.
    T3,
}

impl Table {
    /// All three, in order.
    pub const ALL: [Table; 3] = [Table::T1, Table::T2, Table::T3];

    /// The label at the end of the table in the templates.
    fn end_label(self) -> &'static str {
        match self {
            Table::T1 => "careplan-t1-end",
            Table::T2 => "careplan-t2-end",
            Table::T3 => "careplan-t3-end",
        }
    }

    /// The table of a number 1–3.
    pub fn from_number(n: u8) -> Option<Table> {
        match n {
            1 => Some(Table::T1),
            2 => Some(Table::T2),
            3 => Some(Table::T3),
            _ => None,
        }
    }
}

/// What to do with a character that no loaded font has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MissingGlyphs {
    /// Refuse to render, naming each field and character (default).
    #[default]
    Error,
    /// Render anyway and report each one as a warning.
    Warn,
}

/// The typeface of the plan's own text (labels are always BIZ UDGothic).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Typeface {
    /// BIZ UDGothic (default): one universal-design typeface for labels and
    /// text; its even strokes survive fax and photocopies, and one font
    /// makes smaller, faster PDFs.
    #[default]
    Gothic,
    /// BIZ UDMincho for the plan's text, as on many printed forms.
    Mincho,
}

impl Typeface {
    /// The font family name the templates use.
    pub fn family(self) -> &'static str {
        match self {
            Typeface::Gothic => "BIZ UDGothic",
            Typeface::Mincho => "BIZ UDMincho",
        }
    }
}

/// How to render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderOptions {
    /// Which tables, in this order (default: 第1表, 第2表, 第3表).
    pub tables: Vec<Table>,
    /// Print 「原案」 even on a final plan (draft plans always print it).
    pub draft: bool,
    /// Print the consent block (説明・同意日, 利用者同意欄) empty when the
    /// plan has no consent. A plan that carries consent always prints it filled.
    pub consent_block: bool,
    /// Write PDF/A-2b.
    pub pdfa: bool,
    /// Characters no font has: error or warning.
    pub missing_glyphs: MissingGlyphs,
    /// The typeface of the plan's own text.
    pub typeface: Typeface,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            tables: Table::ALL.to_vec(),
            draft: false,
            consent_block: false,
            pdfa: false,
            missing_glyphs: MissingGlyphs::Error,
            typeface: Typeface::Gothic,
        }
    }
}

/// A character of the plan that no loaded font can draw.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingGlyph {
    /// The JSON path of the field.
    pub path: String,
    /// The character.
    pub character: char,
}

impl fmt::Display for MissingGlyph {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: 「{}」 (U+{:04X})",
            self.path, self.character, self.character as u32
        )
    }
}

/// Why rendering failed. Messages are plain words, in Japanese and English.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RenderError {
    /// Characters that no loaded font has.
    #[error("{}", missing_message(.0))]
    MissingGlyphs(Vec<MissingGlyph>),
    /// No table was asked for.
    #[error("印刷する表が指定されていません / no table to render")]
    NoTables,
    /// An extra font file could not be used.
    #[error("{0}")]
    Font(String),
    /// A value could not be prepared for printing.
    #[error("印刷用のデータを作れません / cannot prepare the plan for printing: {0}")]
    Data(String),
    /// The layout failed: a fault in careplan's templates, never in the plan's text.
    #[error("帳票のレイアウトに失敗しました（careplan の不具合です） / layout failed (a careplan bug): {}", .0.join("; "))]
    Layout(Vec<String>),
    /// The PDF could not be written (for example a PDF/A rule).
    #[error("PDFを書き出せません / cannot write the PDF: {}", .0.join("; "))]
    Pdf(Vec<String>),
    /// A page image could not be encoded.
    #[error("ページ画像を作れません / cannot encode a page image: {0}")]
    Png(String),
}

fn missing_message(list: &[MissingGlyph]) -> String {
    let items: Vec<String> = list.iter().map(|m| m.to_string()).collect();
    format!(
        "フォントにない文字があります: {}。外字を含むフォント（例：IPAmj明朝）を追加するか（--font）、文字を置き換えてください。 / \
         no loaded font has these characters: {}. Add a font that has them (for example IPAmj Mincho, --font) or replace them.",
        items.join("、"),
        items.join(", ")
    )
}

/// The result of a render.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// The PDF file's bytes.
    pub pdf: Vec<u8>,
    /// How many pages the PDF has.
    pub page_count: usize,
    /// Characters drawn although no font has them (only with [`MissingGlyphs::Warn`]).
    pub missing_glyphs: Vec<MissingGlyph>,
}

/// Renders plans. Build it once (fonts are parsed once) and share it: it is
/// `Send + Sync`, and renders from several threads give the same bytes.
pub struct Renderer {
    base: world::Base,
}

impl fmt::Debug for Renderer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Renderer")
            .field("fonts", &self.base.fonts().families())
            .finish()
    }
}

/// How many compilations a cached result may go unused before it is evicted.
const CACHE_MAX_AGE: usize = 4;

impl Renderer {
    /// A renderer with the shipped fonts.
    pub fn new() -> Result<Renderer, RenderError> {
        Renderer::with_fonts(&[])
    }

    /// A renderer with the shipped fonts and extra font files (TrueType,
    /// OpenType or collections), for example IPAmj明朝 for rare characters
    /// in names.
    pub fn with_fonts(extra: &[Vec<u8>]) -> Result<Renderer, RenderError> {
        let fonts = fonts::Fonts::load(extra)?;
        let base = world::Base::new(fonts);
        if !base.ready() {
            return Err(RenderError::Layout(vec![
                "templates could not be registered".to_owned(),
            ]));
        }
        Ok(Renderer { base })
    }

    /// The family names of the loaded fonts.
    pub fn font_families(&self) -> Vec<String> {
        self.base.fonts().families()
    }

    /// Every character of the plan that no loaded font has, with its field.
    pub fn missing_glyphs(&self, plan: &CarePlan) -> Vec<MissingGlyph> {
        let mut out: Vec<MissingGlyph> = Vec::new();
        for (path, text) in plan_texts(plan) {
            for c in text.chars() {
                if fonts::needs_no_glyph(c) || self.base.fonts().covers(c) {
                    continue;
                }
                if !out.iter().any(|m| m.path == path && m.character == c) {
                    out.push(MissingGlyph {
                        path: path.clone(),
                        character: c,
                    });
                }
            }
        }
        out
    }

    fn compile(
        &self,
        plan: &CarePlan,
        options: &RenderOptions,
    ) -> Result<(PagedDocument, Vec<MissingGlyph>), RenderError> {
        if options.tables.is_empty() {
            return Err(RenderError::NoTables);
        }
        let missing = self.missing_glyphs(plan);
        if !missing.is_empty() && options.missing_glyphs == MissingGlyphs::Error {
            return Err(RenderError::MissingGlyphs(missing));
        }
        // First with page numbers as the templates predict them (the view's
        // default: no second layout pass); if the layout proves a prediction
        // wrong (a 第1表 of two pages, say), again with the numbers counted
        // by Typst.
        let mut view = view::build(plan, options)?;
        let doc = self.typeset(&view, plan)?;
        if static_numbers_hold(&doc, &options.tables) {
            return Ok((doc, missing));
        }
        view.static_footers = false;
        Ok((self.typeset(&view, plan)?, missing))
    }

    /// One Typst compilation of the view.
    fn typeset(&self, view: &view::View, plan: &CarePlan) -> Result<PagedDocument, RenderError> {
        let data = serde_json::to_vec(view).map_err(|e| RenderError::Data(e.to_string()))?;
        let world = world::PlanWorld::new(&self.base, data, created_on(plan)?)
            .ok_or_else(|| RenderError::Layout(vec!["no main template".to_owned()]))?;
        let result = typst::compile::<PagedDocument>(&world);
        comemo::evict(CACHE_MAX_AGE);
        result
            .output
            .map_err(|diags| RenderError::Layout(diagnostics(&diags)))
    }

    /// The PDF of a compiled document: deterministic metadata from the plan.
    fn pdf(
        &self,
        doc: &PagedDocument,
        plan: &CarePlan,
        options: &RenderOptions,
    ) -> Result<Vec<u8>, RenderError> {
        let t1 = plan.table1();
        let standards = if options.pdfa {
            PdfStandards::new(&[PdfStandard::A_2b])
                .map_err(|e| RenderError::Pdf(vec![e.message().to_string()]))?
        } else {
            PdfStandards::default()
        };
        let pdf_options = PdfOptions {
            ident: Smart::Custom(format!(
                "careplan/{}/{}/{}",
                t1.user.insurer_number, t1.user.insured_number, t1.plan_date
            )),
            creator: Smart::Custom(Some(format!(
                "careplan-render {}",
                env!("CARGO_PKG_VERSION")
            ))),
            timestamp: Some(Timestamp::new_utc(created_on(plan)?)),
            page_ranges: None,
            standards,
            tagged: true,
            pretty: false,
        };
        let pdf = typst_pdf::pdf(doc, &pdf_options)
            .map_err(|diags| RenderError::Pdf(diagnostics(&diags)));
        comemo::evict(CACHE_MAX_AGE);
        pdf
    }

    /// The pages of a compiled document as PNG images.
    fn pngs(&self, doc: &PagedDocument, pixel_per_pt: f64) -> Result<Vec<Vec<u8>>, RenderError> {
        let opts = typst_render::RenderOptions {
            pixel_per_pt: typst::utils::Scalar::new(pixel_per_pt),
            render_bleed: false,
        };
        doc.pages()
            .iter()
            .map(|page| {
                typst_render::render(page, &opts)
                    .encode_png()
                    .map_err(|e| RenderError::Png(e.to_string()))
            })
            .collect()
    }

    /// Renders the plan to PDF.
    pub fn render(
        &self,
        plan: &CarePlan,
        options: &RenderOptions,
    ) -> Result<Rendered, RenderError> {
        let (doc, missing) = self.compile(plan, options)?;
        Ok(Rendered {
            pdf: self.pdf(&doc, plan, options)?,
            page_count: doc.pages().len(),
            missing_glyphs: missing,
        })
    }

    /// Renders each page as a PNG image, `pixel_per_pt` pixels per point
    /// (1.0 gives 842 × 595 pixels for A4 landscape).
    pub fn render_png(
        &self,
        plan: &CarePlan,
        options: &RenderOptions,
        pixel_per_pt: f64,
    ) -> Result<Vec<Vec<u8>>, RenderError> {
        let (doc, _) = self.compile(plan, options)?;
        self.pngs(&doc, pixel_per_pt)
    }

    /// Renders the PDF and the PNG pages from one compilation.
    pub fn render_with_png(
        &self,
        plan: &CarePlan,
        options: &RenderOptions,
        pixel_per_pt: f64,
    ) -> Result<(Rendered, Vec<Vec<u8>>), RenderError> {
        let (doc, missing) = self.compile(plan, options)?;
        let pngs = self.pngs(&doc, pixel_per_pt)?;
        let rendered = Rendered {
            pdf: self.pdf(&doc, plan, options)?,
            page_count: doc.pages().len(),
            missing_glyphs: missing,
        };
        Ok((rendered, pngs))
    }
}

/// The labelled element `name` of a compiled document.
fn labelled(doc: &PagedDocument, name: &str) -> Option<Content> {
    let label = Label::new(PicoStr::intern(name))?;
    doc.introspector().query_label(label).ok().cloned()
}

/// The page (from 1) that holds the labelled element `name`.
fn page_of(doc: &PagedDocument, name: &str) -> Option<usize> {
    let location = labelled(doc, name)?.location()?;
    doc.introspector().page(location).map(|p| p.get())
}

/// Whether the page numbers the templates printed without counting hold:
/// 第1表 and 第3表 on one page each, 第2表 on as many pages as it packed
/// page shares. Each table starts on a new page and ends with a label.
fn static_numbers_hold(doc: &PagedDocument, tables: &[Table]) -> bool {
    let mut previous_end = 0;
    for table in tables {
        let Some(end) = page_of(doc, table.end_label()) else {
            return false;
        };
        let predicted = match table {
            Table::T1 | Table::T3 => Some(1),
            Table::T2 => labelled(doc, "careplan-t2-pages")
                .and_then(|c| c.to_packed::<MetadataElem>().map(|m| m.value.clone()))
                .and_then(|v| v.cast::<i64>().ok())
                .and_then(|n| usize::try_from(n).ok()),
        };
        if predicted != end.checked_sub(previous_end) {
            return false;
        }
        previous_end = end;
    }
    true
}

/// The plan's 作成年月日 as Typst's date: the world's `today` and the PDF's timestamp.
fn created_on(plan: &CarePlan) -> Result<Datetime, RenderError> {
    let d = plan.table1().created_on;
    Datetime::from_ymd(d.year(), d.month() as u8, d.day() as u8)
        .ok_or_else(|| RenderError::Data(format!("date {d}")))
}

/// Typst's diagnostics in plain words: the message, where in which template,
/// and the hints. Only errors are kept.
fn diagnostics(diags: &[SourceDiagnostic]) -> Vec<String> {
    diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| {
            let mut s = d.message.to_string();
            for hint in &d.hints {
                s.push_str(&format!(" (hint: {})", hint.v));
            }
            s
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    /// The usual plan takes one layout pass: the templates' page-number
    /// labels are the ones `static_numbers_hold` looks for, and case A's
    /// predicted numbers hold (long and short 第2表, any table order).
    /// Were a label renamed, every render would quietly take the counted
    /// path: the numbers still right, only the speed lost.
    #[test]
    fn predicted_page_numbers_hold_for_the_fixtures() {
        let renderer = Renderer::new().unwrap();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/plans");
        for (file, tables) in [
            ("case-a.json", Table::ALL.to_vec()),
            (
                "long-table2-showa-gannen.json",
                vec![Table::T3, Table::T2, Table::T1],
            ),
        ] {
            let plan =
                CarePlan::from_json(&std::fs::read_to_string(root.join(file)).unwrap()).unwrap();
            let options = RenderOptions {
                tables: tables.clone(),
                ..RenderOptions::default()
            };
            let view = view::build(&plan, &options).unwrap();
            assert!(view.static_footers);
            let doc = renderer.typeset(&view, &plan).unwrap();
            assert!(static_numbers_hold(&doc, &tables), "{file}");
            // and the check is not a formality: one table too few fails it
            assert!(!static_numbers_hold(&doc, &tables[1..]), "{file}");
        }
    }

    #[test]
    fn renderer_is_send_and_sync() {
        assert_send_sync::<Renderer>();
    }

    #[test]
    fn tables_by_number() {
        assert_eq!(Table::from_number(2), Some(Table::T2));
        assert_eq!(Table::from_number(4), None);
    }
}
