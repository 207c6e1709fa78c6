//! The 介護予防サービス・支援計画書 as a printed form: its view and its
//! templates (`templates/yobo/main.typ`, paginated by `templates/pack.typ`).
//! One sheet, over as many A4-landscape pages as it needs; the template
//! packs the sheet into pages and numbers them itself.

mod view;

use careplan_core::forms::yobo::PreventivePlan;
use careplan_core::{FieldPath, Form, Sheet};
use chrono::NaiveDate;
use typst_layout::PagedDocument;

use crate::form::PrintedForm;
use crate::{RenderError, RenderOptions};

/// The 介護予防サービス・支援計画書.
pub(crate) struct YoboPlan;

/// The label at the end of the sheet.
const END: &str = "careplan-yobo-end";

/// The label of the page count the template predicted.
const PAGES: &str = "careplan-yobo-pages";

impl PrintedForm for YoboPlan {
    type Doc = PreventivePlan;

    const MAIN: &'static str = "/yobo/main.typ";

    const FORM: Form = Form::YoboPlan;

    fn view(
        plan: &PreventivePlan,
        options: &RenderOptions,
        _sheets: &[Sheet],
        counted: bool,
    ) -> Result<Vec<u8>, RenderError> {
        let view = view::build(plan, options, counted)?;
        serde_json::to_vec(&view).map_err(|e| RenderError::Data(e.to_string()))
    }

    fn end_label(_sheet: Sheet) -> &'static str {
        END
    }

    /// The template packs the sheet into pages itself and records how
    /// many (`careplan-yobo-pages`).
    fn predicted_pages(doc: &PagedDocument, _sheet: Sheet) -> Option<usize> {
        crate::recorded_count(doc, PAGES)
    }

    fn texts(plan: &PreventivePlan) -> Vec<(FieldPath, &str)> {
        plan.texts()
    }

    fn date(plan: &PreventivePlan) -> NaiveDate {
        plan.parts().plan_date
    }

    fn ident(plan: &PreventivePlan) -> String {
        let p = plan.parts();
        format!(
            "careplan/yobo/{}/{}/{}",
            p.user.insurer_number, p.user.insured_number, p.plan_date
        )
    }
}
