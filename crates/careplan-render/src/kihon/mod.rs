//! The 利用者基本情報 as a printed form: its view and its template
//! (`templates/yobo/kihon.typ`). One sheet over as many A4-landscape pages
//! as it needs; Typst counts the pages.

mod view;

use careplan_core::forms::yobo::kihon::Kihon;
use careplan_core::{FieldPath, Form, Sheet};
use chrono::NaiveDate;
use typst_layout::PagedDocument;

use crate::form::PrintedForm;
use crate::{RenderError, RenderOptions};

/// The 利用者基本情報.
pub(crate) struct YoboKihon;

impl PrintedForm for YoboKihon {
    type Doc = Kihon;

    const MAIN: &'static str = "/yobo/kihon.typ";

    const FORM: Form = Form::YoboKihon;

    fn view(
        doc: &Kihon,
        options: &RenderOptions,
        _sheets: &[Sheet],
        _counted: bool,
    ) -> Result<Vec<u8>, RenderError> {
        let view = view::build(doc, options)?;
        serde_json::to_vec(&view).map_err(|e| RenderError::Data(e.to_string()))
    }

    fn end_label(_sheet: Sheet) -> &'static str {
        "careplan-kihon-end"
    }

    /// Counted by Typst (the page footer reads the end label).
    fn predicted_pages(doc: &PagedDocument, _sheet: Sheet) -> Option<usize> {
        Some(doc.pages().len())
    }

    fn texts(doc: &Kihon) -> Vec<(FieldPath, &str)> {
        doc.texts()
    }

    fn date(doc: &Kihon) -> NaiveDate {
        doc.parts().consultation_date
    }

    fn ident(doc: &Kihon) -> String {
        let p = doc.parts();
        format!(
            "careplan/kihon/{}/{}/{}",
            p.user.insurer_number, p.user.insured_number, p.consultation_date
        )
    }
}
