//! Printing a document in its form's official layout (PDF, and PNG pages).

use careplan_core::Document;
use careplan_render::{MissingGlyphs, RenderError, RenderOptions, Renderer};
use serde::{Deserialize, Serialize};

use crate::{ApiError, Cause, ErrorCode};

pub use careplan_render::Renderer as SharedRenderer;
pub use careplan_render::{CACHE_MAX_AGE, Eviction, evict_caches};

/// The typeface of the document's own text (labels are always BIZ UDGothic).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Typeface {
    /// BIZ UDGothic (the default).
    #[default]
    Gothic,
    /// BIZ UDMincho.
    Mincho,
}

/// How to print: the options every surface takes (`--tables 1,3`,
/// `"tables": [1, 3]`).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RenderRequest {
    /// Which sheets, by their number on the form, in this order; absent:
    /// every sheet of the document's form.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tables: Option<Vec<u8>>,
    /// Print 「原案」 even on a final plan.
    pub draft: bool,
    /// Print the consent block, empty when the plan has no consent.
    pub consent_block: bool,
    /// Write PDF/A-2b.
    pub pdfa: bool,
    /// Render even if some character is in no font (each reported); not
    /// with `pdfa`, which cannot hold such text.
    pub allow_missing_glyphs: bool,
    /// The typeface of the document's own text.
    pub typeface: Typeface,
    /// Also make PNG pages, this many pixels per point (2.0: 1684 × 1190 for
    /// A4 landscape), from [`MIN_PNG_SCALE`] to [`MAX_PNG_SCALE`].
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(range(min = 0.1, max = 8.0)))]
    pub png_scale: Option<f64>,
    /// 第6表 only: print it as this office's サービス提供票 (its 事業所番号,
    /// ten digits), its rows only, instead of the user's サービス利用票.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "schema", schemars(regex(pattern = r"^[0-9]{10}$")))]
    pub provider: Option<String>,
    /// 第6表 only: compute its 第7表 from this master and these terms and
    /// print it too (`tables` 6 and 7, or either).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table7: Option<Table7Inputs>,
}

pub use crate::table7::Table7Inputs;

/// The smallest PNG scale (pixels per point) a request may ask for.
pub const MIN_PNG_SCALE: f64 = 0.1;
/// The largest PNG scale: 8 pixels per point is 6736 × 4760 pixels for an
/// A4-landscape page (about 128 MB of pixels), a bound on what one request
/// can make the renderer allocate.
pub const MAX_PNG_SCALE: f64 = 8.0;

/// A character drawn although no font has it.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MissingGlyph {
    /// The JSON path of the field.
    pub path: String,
    /// The character.
    pub character: char,
}

/// What a render gives.
#[derive(Debug, Clone, PartialEq)]
pub struct RenderOutput {
    /// The PDF.
    pub pdf: Vec<u8>,
    /// How many pages it has.
    pub page_count: usize,
    /// The PNG pages, when asked for.
    pub pngs: Option<Vec<Vec<u8>>>,
    /// Characters drawn although no font has them (only when allowed).
    pub missing_glyphs: Vec<MissingGlyph>,
}

impl RenderRequest {
    /// The renderer's options for a document of `form`: each table number
    /// must be one of the form's sheets.
    pub fn options(&self, form: careplan_core::Form) -> Result<RenderOptions, ApiError> {
        let tables = match &self.tables {
            None => None,
            Some(numbers) => {
                let mut sheets = Vec::new();
                for n in numbers {
                    let sheet = form.sheet(*n).ok_or_else(|| bad_table(form, *n))?;
                    if sheets.contains(&sheet) {
                        // Each sheet once: a list of 1s must not print a
                        // thousand 第1表s.
                        let ja = format!("第{n}表が二度指定されています");
                        let en = format!("table {n} is given twice");
                        let cause = Cause::at("bad_option", "tables", &ja, &en)
                            .with_value(n.to_string(), None);
                        return Err(
                            ApiError::new(ErrorCode::BadOptions, ja, en).with_causes(vec![cause])
                        );
                    }
                    sheets.push(sheet);
                }
                Some(sheets)
            }
        };
        let provider = match &self.provider {
            None => None,
            Some(p) => Some(careplan_core::OfficeNumber::new(p.as_str()).map_err(|_| {
                let ja = format!("事業所番号は10桁の数字です（{p}）");
                let en = format!("an office number is ten digits ({p})");
                let cause =
                    Cause::at("bad_option", "provider", &ja, &en).with_value(p.clone(), None);
                ApiError::new(ErrorCode::BadOptions, ja, en).with_causes(vec![cause])
            })?),
        };
        Ok(RenderOptions {
            provider,
            tables,
            draft: self.draft,
            consent_block: self.consent_block,
            pdfa: self.pdfa,
            missing_glyphs: if self.allow_missing_glyphs {
                MissingGlyphs::Warn
            } else {
                MissingGlyphs::Error
            },
            typeface: match self.typeface {
                Typeface::Gothic => careplan_render::Typeface::Gothic,
                Typeface::Mincho => careplan_render::Typeface::Mincho,
            },
        })
    }
}

/// A table number the form does not have: `4 (1, 2 or 3)`, the option
/// (`tables`) as the cause's path.
fn bad_table(form: careplan_core::Form, n: u8) -> ApiError {
    let mut known: Vec<String> = form
        .sheets()
        .iter()
        .map(|s| s.number().to_string())
        .collect();
    let list = match known.pop() {
        Some(last) if !known.is_empty() => format!("{} or {last}", known.join(", ")),
        Some(last) => last,
        None => String::new(),
    };
    let text = format!("{n} ({list})");
    let cause = Cause::at("bad_option", "tables", &text, &text).with_value(n.to_string(), None);
    ApiError::new(ErrorCode::BadOptions, &text, &text).with_causes(vec![cause])
}

/// A renderer with the shipped fonts (when bundled) and `fonts`, extra font
/// files (TrueType, OpenType or collections).
pub fn renderer(fonts: &[Vec<u8>]) -> Result<Renderer, ApiError> {
    Renderer::with_fonts(fonts).map_err(error)
}

/// Prints the document as PDF (and PNG pages when asked).
pub fn render(
    renderer: &Renderer,
    doc: &Document,
    request: &RenderRequest,
) -> Result<RenderOutput, ApiError> {
    let options = request.options(doc.form())?;
    if let Some(scale) = request.png_scale
        && !(MIN_PNG_SCALE..=MAX_PNG_SCALE).contains(&scale)
    {
        let text = format!("png_scale {scale} ({MIN_PNG_SCALE}–{MAX_PNG_SCALE})");
        let cause =
            Cause::at("bad_option", "png_scale", &text, &text).with_value(scale.to_string(), None);
        return Err(ApiError::new(ErrorCode::BadOptions, &text, &text).with_causes(vec![cause]));
    }
    let month = match (&request.table7, doc) {
        (None, _) => None,
        (Some(inputs), Document::Usage(usage)) => Some(
            careplan_render::UsageMonth::new(usage.clone(), inputs.compute(usage)?)
                .map_err(error)?,
        ),
        (Some(_), other) => {
            let ja = format!(
                "第7表は第6表から計算します。この文書は {} です",
                other.form().label_ja()
            );
            let en = format!(
                "第7表 is computed from a 第6表, not from {}",
                other.form().code()
            );
            let cause = Cause::at("bad_option", "table7", &ja, &en);
            return Err(ApiError::new(ErrorCode::BadOptions, ja, en).with_causes(vec![cause]));
        }
    };
    if month.is_none()
        && options
            .tables
            .as_ref()
            .is_some_and(|t| t.contains(&careplan_core::Sheet::KyotakuTable7))
    {
        let ja = "第7表を印刷するには、サービスコードマスタと条件（table7.master, table7.terms）が必要です";
        let en = "to print 第7表, give the service-code master and the terms (table7.master, table7.terms)";
        let cause = Cause::at("bad_option", "tables", ja, en).with_value("7", None);
        return Err(ApiError::new(ErrorCode::BadOptions, ja, en).with_causes(vec![cause]));
    }
    let printed: &dyn careplan_render::Printable = match &month {
        Some(m) => m,
        None => doc,
    };
    let (rendered, pngs) = match request.png_scale {
        Some(scale) => renderer
            .render_with_png(printed, &options, scale)
            .map(|(r, p)| (r, Some(p))),
        None => renderer.render(printed, &options).map(|r| (r, None)),
    }
    .map_err(error)?;
    Ok(RenderOutput {
        pdf: rendered.pdf,
        page_count: rendered.page_count,
        pngs,
        missing_glyphs: rendered
            .missing_glyphs
            .into_iter()
            .map(|m| MissingGlyph {
                path: m.path,
                character: m.character,
            })
            .collect(),
    })
}

/// The renderer's error as the API's: its code, its messages apart, each
/// missing character as a cause.
pub fn error(e: RenderError) -> ApiError {
    let (ja, en) = e.messages();
    let code = match &e {
        RenderError::MissingGlyphs(_) => ErrorCode::MissingGlyphs,
        RenderError::NoTables
        | RenderError::NotThisForm { .. }
        | RenderError::NotInDocument { .. }
        | RenderError::ProviderNotThisForm(_)
        | RenderError::NoSuchProvider(_) => ErrorCode::BadOptions,
        RenderError::Font(..) => ErrorCode::BadFont,
        _ => ErrorCode::Internal,
    };
    let causes = match &e {
        RenderError::MissingGlyphs(list) => list
            .iter()
            .map(|m| {
                Cause::character(
                    "missing_glyph",
                    m,
                    format!("フォントにない文字「{}」", m.character),
                    format!("no loaded font has {:?}", m.character),
                )
            })
            .collect(),
        _ => Vec::new(),
    };
    ApiError::new(code, ja, en).with_causes(causes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_table_is_asked_for_once() {
        let request = RenderRequest {
            tables: Some(vec![1, 3, 1]),
            ..RenderRequest::default()
        };
        let e = request.options(careplan_core::Form::Kyotaku).unwrap_err();
        assert_eq!(e.code, ErrorCode::BadOptions);
        assert_eq!(e.causes[0].value.as_deref(), Some("1"));
        let ok = RenderRequest {
            tables: Some(vec![3, 1]),
            ..RenderRequest::default()
        };
        assert_eq!(
            ok.options(careplan_core::Form::Kyotaku)
                .unwrap()
                .tables
                .unwrap()
                .len(),
            2
        );
    }

    #[test]
    fn png_scale_is_bounded_before_anything_is_drawn() {
        let doc = Document::Kyotaku(careplan_fixtures::plan("case-a.json"));
        let renderer = renderer(&[]).unwrap();
        for scale in [0.0, -1.0, 8.01, 1000.0, f64::NAN, f64::INFINITY] {
            let request = RenderRequest {
                png_scale: Some(scale),
                ..RenderRequest::default()
            };
            let e = render(&renderer, &doc, &request).unwrap_err();
            assert_eq!(e.code, ErrorCode::BadOptions, "{scale}");
            assert_eq!(e.causes[0].path.as_deref(), Some("png_scale"));
        }
    }
}
