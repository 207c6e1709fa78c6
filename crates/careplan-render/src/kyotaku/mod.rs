//! The 居宅サービス計画書 (第1表–第3表) as a printed form: its view, its
//! measures and its templates (`templates/kyotaku/`).

mod lanes;
pub(crate) mod layout;
pub(crate) mod view;

use careplan_core::{CarePlan, FieldPath, Form, Sheet};
use chrono::NaiveDate;
use typst_layout::PagedDocument;

use crate::form::PrintedForm;
use crate::{RenderError, RenderOptions};

/// The 居宅サービス計画書.
pub(crate) struct Kyotaku;

impl PrintedForm for Kyotaku {
    type Doc = CarePlan;

    const MAIN: &'static str = "/kyotaku/main.typ";

    const FORM: Form = Form::Kyotaku;

    fn view(
        plan: &CarePlan,
        options: &RenderOptions,
        sheets: &[Sheet],
        counted: bool,
    ) -> Result<Vec<u8>, RenderError> {
        let view = view::build(plan, options, sheets, counted)?;
        serde_json::to_vec(&view).map_err(|e| RenderError::Data(e.to_string()))
    }

    fn end_label(sheet: Sheet) -> &'static str {
        match sheet {
            Sheet::KyotakuTable1 => "careplan-t1-end",
            Sheet::KyotakuTable2 => "careplan-t2-end",
            Sheet::KyotakuTable3 => "careplan-t3-end",
            // Another form's sheet: the renderer never asks for one.
            _ => "careplan-none",
        }
    }

    /// 第1表 and 第3表 on one page each; 第2表 on one page per share its
    /// own packing made (the template records the count).
    fn predicted_pages(doc: &PagedDocument, sheet: Sheet) -> Option<usize> {
        match sheet {
            Sheet::KyotakuTable2 => crate::recorded_count(doc, "careplan-t2-pages"),
            _ => Some(1),
        }
    }

    fn texts(plan: &CarePlan) -> Vec<(FieldPath, &str)> {
        plan.texts()
    }

    fn date(plan: &CarePlan) -> NaiveDate {
        plan.table1().created_on
    }

    fn ident(plan: &CarePlan) -> String {
        let t1 = plan.table1();
        format!(
            "careplan/{}/{}/{}",
            t1.user.insurer_number, t1.user.insured_number, t1.plan_date
        )
    }
}
