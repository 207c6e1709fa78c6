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

mod error;
mod fonts;
mod form;
mod kihon;
mod kyotaku;
mod layout;
mod measure;
mod options;
mod printable;
mod records;
mod world;
mod yobo;

use std::fmt;

use careplan_core::Sheet;
use chrono::{Datelike, NaiveDate};
use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::{Content, Datetime, Label, Smart};
use typst::introspection::{Introspector, MetadataElem};
use typst::utils::PicoStr;
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use form::PrintedForm;
use kihon::YoboKihon;
use kyotaku::Kyotaku;
use records::table7::UsageMonthForm;
use records::usage::UsageForm;
use records::{CaseForm, MeetingForm, ProgressForm};
use yobo::YoboPlan;

pub use error::{MissingGlyph, RenderError};
pub use options::{MissingGlyphs, RenderOptions, Typeface};
pub use printable::{Printable, Printed, UsageMonth};

/// PNG images of the pages, one per page.
type Pages = Vec<Vec<u8>>;

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
    eviction: Eviction,
}

/// When a renderer trims Typst's memoisation caches. The caches
/// (`comemo`) are process-global: every renderer and every thread shares
/// them, so one thread's render reuses what another's laid out (fonts,
/// templates), and one thread's eviction ages every thread's entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Eviction {
    /// After each compilation, entries unused for the last
    /// [`CACHE_MAX_AGE`] evictions are dropped (the default: memory stays
    /// flat over any number of renders).
    #[default]
    EachCompilation,
    /// Never by the renderer: the caller calls [`evict_caches`] when it
    /// chooses (a pool once per job, scaled to its threads; a batch at its
    /// end). Without those calls the caches grow with every distinct plan.
    Caller,
}

/// Drops the entries of Typst's process-global caches that went unused
/// for `max_age` evictions.
pub fn evict_caches(max_age: usize) {
    comemo::evict(max_age);
}

impl fmt::Debug for Renderer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Renderer")
            .field("fonts", &self.base.fonts().families())
            .finish()
    }
}

/// How many evictions a cached result may go unused before it is dropped
/// ([`Eviction::EachCompilation`]).
pub const CACHE_MAX_AGE: usize = 4;

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
        Ok(Renderer {
            base,
            eviction: Eviction::default(),
        })
    }

    /// The same renderer, trimming the caches as `eviction` says.
    pub fn with_eviction(mut self, eviction: Eviction) -> Renderer {
        self.eviction = eviction;
        self
    }

    fn evict(&self) {
        if self.eviction == Eviction::EachCompilation {
            comemo::evict(CACHE_MAX_AGE);
        }
    }

    /// The family names of the loaded fonts.
    pub fn font_families(&self) -> Vec<String> {
        self.base.fonts().families()
    }

    /// Every character of the document that no loaded font has, with its field.
    pub fn missing_glyphs(&self, doc: &(impl Printable + ?Sized)) -> Vec<MissingGlyph> {
        match doc.printed() {
            Printed::Kyotaku(p) => self.missing_in(Kyotaku::texts(p)),
            Printed::Yobo(p) => self.missing_in(YoboPlan::texts(p)),
            Printed::Kihon(k) => self.missing_in(YoboKihon::texts(k)),
            Printed::Meeting(m) => self.missing_in(MeetingForm::texts(m)),
            Printed::Progress(p) => self.missing_in(ProgressForm::texts(p)),
            Printed::Case(c) => self.missing_in(CaseForm::texts(c)),
            Printed::Usage(u) => self.missing_in(UsageForm::texts(u)),
            Printed::UsageMonth(m) => self.missing_in(UsageMonthForm::texts(m)),
            Printed::Other(_) => Vec::new(),
        }
    }

    fn missing_in(&self, texts: Vec<(careplan_core::FieldPath, &str)>) -> Vec<MissingGlyph> {
        let mut out: Vec<MissingGlyph> = Vec::new();
        for (path, text) in texts {
            for c in text.chars() {
                if fonts::needs_no_glyph(c) || self.base.fonts().covers(c) {
                    continue;
                }
                if !out
                    .iter()
                    .any(|m| m.path == path.as_str() && m.character == c)
                {
                    out.push(MissingGlyph {
                        path: path.to_string(),
                        character: c,
                    });
                }
            }
        }
        out
    }

    /// The sheets to print: those asked for, each of the document's form
    /// and held by the document; without a choice, every sheet it holds.
    fn sheets<F: PrintedForm>(
        doc: &F::Doc,
        options: &RenderOptions,
    ) -> Result<Vec<Sheet>, RenderError> {
        let held = F::sheets(doc);
        let Some(asked) = &options.tables else {
            if held.is_empty() {
                return Err(RenderError::NoTables);
            }
            return Ok(held);
        };
        if asked.is_empty() {
            return Err(RenderError::NoTables);
        }
        for sheet in asked {
            if !F::FORM.sheets().contains(sheet) {
                return Err(RenderError::NotThisForm {
                    sheet: sheet.label_ja(),
                    form: sheet.form().label_ja(),
                });
            }
            if !held.contains(sheet) {
                return Err(RenderError::NotInDocument {
                    sheet: sheet.label_ja(),
                });
            }
        }
        Ok(asked.clone())
    }

    fn compile<F: PrintedForm>(
        &self,
        doc: &F::Doc,
        options: &RenderOptions,
    ) -> Result<(PagedDocument, Vec<MissingGlyph>), RenderError> {
        let sheets = Self::sheets::<F>(doc, options)?;
        let missing = self.missing_in(F::texts(doc));
        // PDF/A cannot hold text no font displays: with `pdfa` a missing
        // glyph is refused even when allowed (not a failed export).
        if !missing.is_empty() && (options.missing_glyphs == MissingGlyphs::Error || options.pdfa) {
            return Err(RenderError::MissingGlyphs(missing));
        }
        // First with page numbers as the templates predict them (no second
        // layout pass); if the layout proves a prediction wrong (a 第1表 of
        // two pages, say), again with the numbers counted by Typst.
        let today = datetime(F::date(doc))?;
        let view = F::view(doc, options, &sheets, false)?;
        let laid_out = self.typeset(F::MAIN, view, today)?;
        if predictions_hold::<F>(&laid_out, &sheets) {
            return Ok((laid_out, missing));
        }
        let view = F::view(doc, options, &sheets, true)?;
        Ok((self.typeset(F::MAIN, view, today)?, missing))
    }

    /// One Typst compilation of a view with the form's main template.
    fn typeset(
        &self,
        main: &str,
        view: Vec<u8>,
        today: Datetime,
    ) -> Result<PagedDocument, RenderError> {
        let world = world::PlanWorld::new(&self.base, main, view, today)
            .ok_or_else(|| RenderError::Layout(vec![format!("no template {main}")]))?;
        let result = typst::compile::<PagedDocument>(&world);
        self.evict();
        result
            .output
            .map_err(|diags| RenderError::Layout(diagnostics(&diags)))
    }

    /// The PDF of a compiled document: deterministic metadata from the document.
    fn pdf(
        &self,
        laid_out: &PagedDocument,
        ident: String,
        date: NaiveDate,
        options: &RenderOptions,
    ) -> Result<Vec<u8>, RenderError> {
        let standards = if options.pdfa {
            PdfStandards::new(&[PdfStandard::A_2b])
                .map_err(|e| RenderError::Pdf(vec![e.message().to_string()]))?
        } else {
            PdfStandards::default()
        };
        let pdf_options = PdfOptions {
            ident: Smart::Custom(ident),
            creator: Smart::Custom(Some(format!(
                "careplan-render {}",
                env!("CARGO_PKG_VERSION")
            ))),
            timestamp: Some(Timestamp::new_utc(datetime(date)?)),
            page_ranges: None,
            standards,
            tagged: true,
            pretty: false,
        };
        let pdf = typst_pdf::pdf(laid_out, &pdf_options)
            .map_err(|diags| RenderError::Pdf(diagnostics(&diags)));
        self.evict();
        pdf
    }

    /// The pages of a compiled document as PNG images.
    fn pngs(
        &self,
        laid_out: &PagedDocument,
        pixel_per_pt: f64,
    ) -> Result<Vec<Vec<u8>>, RenderError> {
        let opts = typst_render::RenderOptions {
            pixel_per_pt: typst::utils::Scalar::new(pixel_per_pt),
            render_bleed: false,
        };
        laid_out
            .pages()
            .iter()
            .map(|page| {
                typst_render::render(page, &opts)
                    .encode_png()
                    .map_err(|e| RenderError::Png(e.to_string()))
            })
            .collect()
    }

    /// Compiles, then makes the PDF and, when asked, the PNG pages.
    fn run<F: PrintedForm>(
        &self,
        doc: &F::Doc,
        options: &RenderOptions,
        png: Option<f64>,
    ) -> Result<(Rendered, Option<Pages>), RenderError> {
        let (laid_out, missing) = self.compile::<F>(doc, options)?;
        let pngs = png.map(|scale| self.pngs(&laid_out, scale)).transpose()?;
        let rendered = Rendered {
            pdf: self.pdf(&laid_out, F::ident(doc), F::date(doc), options)?,
            page_count: laid_out.pages().len(),
            missing_glyphs: missing,
        };
        Ok((rendered, pngs))
    }

    fn dispatch(
        &self,
        doc: &(impl Printable + ?Sized),
        options: &RenderOptions,
        png: Option<f64>,
    ) -> Result<(Rendered, Option<Pages>), RenderError> {
        provider_only_on_usage(doc, options)?;
        match doc.printed() {
            Printed::Kyotaku(p) => self.run::<Kyotaku>(p, options, png),
            Printed::Yobo(p) => self.run::<YoboPlan>(p, options, png),
            Printed::Kihon(k) => self.run::<YoboKihon>(k, options, png),
            Printed::Meeting(m) => self.run::<MeetingForm>(m, options, png),
            Printed::Progress(p) => self.run::<ProgressForm>(p, options, png),
            Printed::Case(c) => self.run::<CaseForm>(c, options, png),
            Printed::Usage(u) => self.run::<UsageForm>(u, options, png),
            Printed::UsageMonth(m) => self.run::<UsageMonthForm>(m, options, png),
            Printed::Other(form) => Err(RenderError::Unsupported(form.label_ja())),
        }
    }

    /// Renders the document to PDF.
    pub fn render(
        &self,
        doc: &(impl Printable + ?Sized),
        options: &RenderOptions,
    ) -> Result<Rendered, RenderError> {
        self.dispatch(doc, options, None).map(|(r, _)| r)
    }

    /// Renders each page as a PNG image, `pixel_per_pt` pixels per point
    /// (1.0 gives 842 × 595 pixels for A4 landscape).
    pub fn render_png(
        &self,
        doc: &(impl Printable + ?Sized),
        options: &RenderOptions,
        pixel_per_pt: f64,
    ) -> Result<Vec<Vec<u8>>, RenderError> {
        provider_only_on_usage(doc, options)?;
        let (laid_out, _) = match doc.printed() {
            Printed::Kyotaku(p) => self.compile::<Kyotaku>(p, options)?,
            Printed::Yobo(p) => self.compile::<YoboPlan>(p, options)?,
            Printed::Kihon(k) => self.compile::<YoboKihon>(k, options)?,
            Printed::Meeting(m) => self.compile::<MeetingForm>(m, options)?,
            Printed::Progress(p) => self.compile::<ProgressForm>(p, options)?,
            Printed::Case(c) => self.compile::<CaseForm>(c, options)?,
            Printed::Usage(u) => self.compile::<UsageForm>(u, options)?,
            Printed::UsageMonth(m) => self.compile::<UsageMonthForm>(m, options)?,
            Printed::Other(form) => return Err(RenderError::Unsupported(form.label_ja())),
        };
        self.pngs(&laid_out, pixel_per_pt)
    }

    /// Renders the PDF and the PNG pages from one compilation.
    pub fn render_with_png(
        &self,
        doc: &(impl Printable + ?Sized),
        options: &RenderOptions,
        pixel_per_pt: f64,
    ) -> Result<(Rendered, Vec<Vec<u8>>), RenderError> {
        let (rendered, pngs) = self.dispatch(doc, options, Some(pixel_per_pt))?;
        let pngs = pngs.unwrap_or_else(|| {
            debug_assert!(false, "PNG pages were asked for");
            Vec::new()
        });
        Ok((rendered, pngs))
    }
}

/// The labelled element `name` of a compiled document.
pub(crate) fn labelled(doc: &PagedDocument, name: &str) -> Option<Content> {
    let label = Label::new(PicoStr::intern(name))?;
    doc.introspector().query_label(label).ok().cloned()
}

/// The count a template recorded as the value of its metadata labelled
/// `name` (a sheet's predicted page count).
pub(crate) fn recorded_count(doc: &PagedDocument, name: &str) -> Option<usize> {
    labelled(doc, name)
        .and_then(|c| c.to_packed::<MetadataElem>().map(|m| m.value.clone()))
        .and_then(|v| v.cast::<i64>().ok())
        .and_then(|n| usize::try_from(n).ok())
}

/// The page (from 1) that holds the labelled element `name`.
fn page_of(doc: &PagedDocument, name: &str) -> Option<usize> {
    let location = labelled(doc, name)?.location()?;
    doc.introspector().page(location).map(|p| p.get())
}

/// Whether the page numbers the templates printed without counting hold:
/// each sheet ends on the page its predicted page count says (a sheet
/// Typst counts itself has none to check). Each sheet starts on a new page
/// and ends with a label.
fn predictions_hold<F: PrintedForm>(laid_out: &PagedDocument, sheets: &[Sheet]) -> bool {
    let mut previous_end = 0;
    for sheet in sheets {
        let Some(end) = page_of(laid_out, F::end_label(*sheet)) else {
            return false;
        };
        if !F::counted(*sheet)
            && F::predicted_pages(laid_out, *sheet) != end.checked_sub(previous_end)
        {
            return false;
        }
        previous_end = end;
    }
    true
}

/// A date as Typst's: the world's `today` and the PDF's timestamp.
fn datetime(d: NaiveDate) -> Result<Datetime, RenderError> {
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

/// A サービス提供票 is asked of 第6表 only.
fn provider_only_on_usage(
    doc: &(impl Printable + ?Sized),
    options: &RenderOptions,
) -> Result<(), RenderError> {
    match (&options.provider, doc.form()) {
        (Some(_), form) if form != careplan_core::Form::Usage => {
            Err(RenderError::ProviderNotThisForm(form.label_ja()))
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use careplan_core::{CarePlan, Form};

    fn assert_send_sync<T: Send + Sync>() {}

    /// The usual plan takes one layout pass: the templates' page-number
    /// labels are the ones `predictions_hold` looks for, and case A's
    /// predicted numbers hold (long and short 第2表, any table order).
    /// Were a label renamed, every render would quietly take the counted
    /// path: the numbers still right, only the speed lost.
    #[test]
    fn predicted_page_numbers_hold_for_the_fixtures() {
        use careplan_core::Sheet::{KyotakuTable1 as T1, KyotakuTable2 as T2, KyotakuTable3 as T3};
        let renderer = Renderer::new().unwrap();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/plans");
        for (file, sheets) in [
            ("case-a.json", vec![T1, T2, T3]),
            ("long-table2-showa-gannen.json", vec![T3, T2, T1]),
        ] {
            let plan =
                CarePlan::from_json(&std::fs::read_to_string(root.join(file)).unwrap()).unwrap();
            let options = RenderOptions::default();
            let view = Kyotaku::view(&plan, &options, &sheets, false).unwrap();
            let today = datetime(Kyotaku::date(&plan)).unwrap();
            let laid_out = renderer.typeset(Kyotaku::MAIN, view, today).unwrap();
            assert!(predictions_hold::<Kyotaku>(&laid_out, &sheets), "{file}");
            // and the check is not a formality: one table too few fails it
            assert!(
                !predictions_hold::<Kyotaku>(&laid_out, &sheets[1..]),
                "{file}"
            );
        }
    }

    /// Every 介護予防 plan fixture, the seven-page one too, is laid out
    /// as the template packed it: its page count holds, so no render of
    /// them takes the counted second pass (and nothing overflowed a page
    /// the packing measured).
    #[test]
    fn yobo_packing_holds_for_every_plan_fixture() {
        let renderer = Renderer::new().unwrap();
        let files = careplan_fixtures::files("yobo/plans");
        assert!(files.len() >= 5);
        let sheets = [Sheet::YoboPlan];
        for file in files {
            let plan =
                careplan_core::PreventivePlan::from_json(&careplan_fixtures::read(&file)).unwrap();
            let view = YoboPlan::view(&plan, &RenderOptions::default(), &sheets, false).unwrap();
            let today = datetime(YoboPlan::date(&plan)).unwrap();
            let laid_out = renderer.typeset(YoboPlan::MAIN, view, today).unwrap();
            assert!(
                predictions_hold::<YoboPlan>(&laid_out, &sheets),
                "{}: predicted {:?}, laid out {}",
                file.display(),
                YoboPlan::predicted_pages(&laid_out, Sheet::YoboPlan),
                laid_out.pages().len()
            );
        }
    }

    #[test]
    fn renderer_is_send_and_sync() {
        assert_send_sync::<Renderer>();
    }

    #[test]
    fn sheets_of_another_form_or_none_are_refused() {
        let plan = careplan_fixtures::plan("case-a.json");
        let none = RenderOptions {
            tables: Some(vec![]),
            ..RenderOptions::default()
        };
        assert_eq!(
            Renderer::sheets::<Kyotaku>(&plan, &none),
            Err(RenderError::NoTables)
        );
        assert_eq!(
            Renderer::sheets::<Kyotaku>(&plan, &RenderOptions::default()).unwrap(),
            Form::Kyotaku.sheets()
        );
    }
}
