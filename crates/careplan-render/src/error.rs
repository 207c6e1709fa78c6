//! Why rendering failed.

use std::fmt;

/// A character of the plan that no loaded font can draw, by its field's
/// JSON path.
pub type MissingGlyph = careplan_core::CharAt;

/// Why rendering failed. Messages are plain words, in Japanese and English
/// ([`RenderError::messages`]); `Display` shows both, `日本語 / English`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum RenderError {
    /// Characters that no loaded font has.
    MissingGlyphs(Vec<MissingGlyph>),
    /// No table was asked for.
    NoTables,
    /// A sheet was asked for that the document's form does not have.
    NotThisForm {
        /// The sheet asked for (`第２表`).
        sheet: &'static str,
        /// The sheet's form (`居宅サービス計画書`).
        form: &'static str,
    },
    /// A sheet was asked for that the document does not hold (a case file
    /// without a plan asked for 第１表).
    NotInDocument {
        /// The sheet asked for (`第１表`).
        sheet: &'static str,
    },
    /// A form the renderer has no templates for.
    Unsupported(&'static str),
    /// A サービス提供票 was asked of a document that is not a 第6表 (its form).
    ProviderNotThisForm(&'static str),
    /// A サービス提供票 was asked for an office with no row on the 第6表.
    NoSuchProvider(String),
    /// A font file could not be used, or there is no font at all: what is
    /// wrong, in Japanese and in English.
    Font(String, String),
    /// A value could not be prepared for printing.
    Data(String),
    /// The layout failed: a fault in careplan's templates, never in the plan's text.
    Layout(Vec<String>),
    /// The PDF could not be written (for example a PDF/A rule).
    Pdf(Vec<String>),
    /// A page image could not be encoded.
    Png(String),
}

impl RenderError {
    /// What went wrong, in Japanese and in English.
    pub fn messages(&self) -> (String, String) {
        match self {
            RenderError::MissingGlyphs(list) => {
                let items: Vec<String> = list.iter().map(|m| m.to_string()).collect();
                (
                    format!(
                        "フォントにない文字があります: {}。外字を含むフォント（例：IPAmj明朝）を追加するか（--font）、文字を置き換えてください。",
                        items.join("、")
                    ),
                    format!(
                        "no loaded font has these characters: {}. Add a font that has them (for example IPAmj Mincho, --font) or replace them.",
                        items.join(", ")
                    ),
                )
            }
            RenderError::NoTables => (
                "印刷する表が指定されていません".to_owned(),
                "no table to render".to_owned(),
            ),
            RenderError::NotThisForm { sheet, form } => (
                format!("{sheet} はこの様式（{form}）にありません"),
                format!("the document's form has no sheet {sheet} ({form} does)"),
            ),
            RenderError::NotInDocument { sheet } => (
                format!("文書に{sheet}がありません"),
                format!("the document holds no {sheet}"),
            ),
            RenderError::Unsupported(form) => (
                format!("{form} は印刷できません"),
                format!("careplan cannot print {form} yet"),
            ),
            RenderError::ProviderNotThisForm(form) => (
                format!("サービス提供票は第６表だけにあります（この文書は{form}です）"),
                format!("only 第6表 prints as a provider's サービス提供票 (this is a {form})"),
            ),
            RenderError::NoSuchProvider(office) => (
                format!("第６表に事業所番号 {office} のサービスがありません"),
                format!("the 第6表 has no service of office {office}"),
            ),
            RenderError::Font(ja, en) => (ja.clone(), en.clone()),
            RenderError::Data(d) => (
                "印刷用のデータを作れません".to_owned(),
                format!("cannot prepare the plan for printing: {d}"),
            ),
            RenderError::Layout(d) => (
                "帳票のレイアウトに失敗しました（careplan の不具合です）".to_owned(),
                format!("layout failed (a careplan bug): {}", d.join("; ")),
            ),
            RenderError::Pdf(d) => (
                "PDFを書き出せません".to_owned(),
                format!("cannot write the PDF: {}", d.join("; ")),
            ),
            RenderError::Png(d) => (
                "ページ画像を作れません".to_owned(),
                format!("cannot encode a page image: {d}"),
            ),
        }
    }
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (ja, en) = self.messages();
        write!(f, "{ja} / {en}")
    }
}

impl std::error::Error for RenderError {}
