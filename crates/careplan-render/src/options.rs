//! How to render.

use careplan_core::{OfficeNumber, Sheet};

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
#[non_exhaustive]
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
    /// Which sheets, in this order; `None` (the default): every sheet of
    /// the document's form in the paper form's order (第1表, 第2表, 第3表).
    pub tables: Option<Vec<Sheet>>,
    /// Print 「原案」 even on a final plan (draft plans always print it).
    pub draft: bool,
    /// Print the consent block (説明・同意日, 利用者同意欄) empty when the
    /// plan has no consent. A plan that carries consent always prints it filled.
    pub consent_block: bool,
    /// Write PDF/A-2b.
    pub pdfa: bool,
    /// Characters no font has: error or warning (always an error with
    /// `pdfa`: PDF/A cannot hold text no font displays).
    pub missing_glyphs: MissingGlyphs,
    /// The typeface of the plan's own text.
    pub typeface: Typeface,
    /// Print 第6表 as this office's サービス提供票 (its rows only, the
    /// title and corner text of the 提供票) instead of the user's サービス利用票.
    /// Only 第6表 takes it.
    pub provider: Option<OfficeNumber>,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            tables: None,
            draft: false,
            consent_block: false,
            pdfa: false,
            missing_glyphs: MissingGlyphs::Error,
            typeface: Typeface::Gothic,
            provider: None,
        }
    }
}
