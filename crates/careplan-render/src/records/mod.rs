//! 第4表 サービス担当者会議の要点, 第5表 居宅介護支援経過 and the case file as
//! printed forms. All three print through the 居宅 main template
//! (`templates/kyotaku/main.typ`), which lays out the sheets the view lists
//! in the order asked: a case file's 第1表–第3表 with the plan's own
//! templates, then each meeting's 第4表 (`table4.typ`), the 第5表
//! (`table5.typ`) and each month's 第6表 (`table6.typ`). Typst counts the
//! pages of 第4表 (per meeting), 第5表 and 第6表 (per month); 第1表–第3表
//! keep their predicted numbers.

pub(crate) mod table7;
pub(crate) mod usage;
pub(crate) mod view;

use careplan_core::forms::kyotaku::case_file::CaseFile;
use careplan_core::forms::kyotaku::meeting::Meeting;
use careplan_core::forms::kyotaku::progress::Progress;
use careplan_core::forms::kyotaku::usage::Usage;
use careplan_core::{CarePlan, FieldPath, Form, Sheet};
use chrono::NaiveDate;
use typst_layout::PagedDocument;

use crate::form::PrintedForm;
use crate::kyotaku::Kyotaku;
use crate::measure::wide;
use crate::{RenderError, RenderOptions};

/// The view of any mix of the parts: the plan's sheets when there is a
/// plan, the meetings', the log's and the months' 第6表.
#[allow(clippy::too_many_arguments)]
fn view(
    plan: Option<&CarePlan>,
    meetings: &[Meeting],
    progress: Option<&Progress>,
    usage: &[Usage],
    user_name: &str,
    options: &RenderOptions,
    sheets: &[Sheet],
    counted: bool,
) -> Result<Vec<u8>, RenderError> {
    let mut v = match plan {
        Some(plan) => crate::kyotaku::view::build(plan, options, sheets, counted)?,
        None => without_plan(user_name, options, sheets, counted),
    };
    v.t4 = meetings
        .iter()
        .map(view::meeting)
        .collect::<Result<_, _>>()?;
    v.t5 = progress.map(view::progress).transpose()?;
    v.t6 = usage
        .iter()
        .map(|u| usage::view(u, options.provider.as_ref(), &|_| None))
        .collect::<Result<_, _>>()?;
    serde_json::to_vec(&v).map_err(|e| RenderError::Data(e.to_string()))
}

/// The 居宅 view of a document without a plan: its options and sheets,
/// no sheet's data yet (each form fills its own).
pub(crate) fn without_plan(
    user_name: &str,
    options: &RenderOptions,
    sheets: &[Sheet],
    counted: bool,
) -> crate::kyotaku::view::View {
    crate::kyotaku::view::View {
        draft: options.draft,
        tables: sheets.iter().map(|s| s.number()).collect(),
        user_name: wide(&user_name),
        consent_block: options.consent_block,
        body_font: options.typeface.family(),
        static_footers: !counted,
        t1: None,
        t2: None,
        t3: None,
        t4: Vec::new(),
        t5: None,
        t6: Vec::new(),
        t7: None,
    }
}

/// The end labels of 第4表, 第5表 and 第6表 (第4表's after its last
/// meeting, 第6表's after its last month).
fn end_label(sheet: Sheet) -> &'static str {
    match sheet {
        Sheet::KyotakuTable4 => "careplan-t4-end",
        Sheet::KyotakuTable5 => "careplan-t5-end",
        Sheet::KyotakuTable6 => "careplan-t6-end",
        other => Kyotaku::end_label(other),
    }
}

/// 第1表–第3表 as the plan's templates predict; 第4表–第6表 counted.
fn predicted_pages(doc: &PagedDocument, sheet: Sheet) -> Option<usize> {
    match sheet {
        Sheet::KyotakuTable4 | Sheet::KyotakuTable5 | Sheet::KyotakuTable6 => None,
        other => Kyotaku::predicted_pages(doc, other),
    }
}

fn counted(sheet: Sheet) -> bool {
    matches!(
        sheet,
        Sheet::KyotakuTable4 | Sheet::KyotakuTable5 | Sheet::KyotakuTable6
    )
}

/// The end labels, predictions and counted sheets every form here shares
/// (the functions above), inside an `impl PrintedForm`.
macro_rules! sheet_marks {
    () => {
        fn end_label(sheet: Sheet) -> &'static str {
            end_label(sheet)
        }

        fn predicted_pages(doc: &PagedDocument, sheet: Sheet) -> Option<usize> {
            predicted_pages(doc, sheet)
        }

        fn counted(sheet: Sheet) -> bool {
            counted(sheet)
        }
    };
}

/// 第4表 on its own.
pub(crate) struct MeetingForm;

impl PrintedForm for MeetingForm {
    type Doc = Meeting;
    const MAIN: &'static str = Kyotaku::MAIN;
    const FORM: Form = Form::Meeting;

    fn view(
        m: &Meeting,
        options: &RenderOptions,
        sheets: &[Sheet],
        counted: bool,
    ) -> Result<Vec<u8>, RenderError> {
        let user = m.parts().user_name.as_str();
        view(
            None,
            std::slice::from_ref(m),
            None,
            &[],
            user,
            options,
            sheets,
            counted,
        )
    }

    sheet_marks!();

    fn texts(m: &Meeting) -> Vec<(FieldPath, &str)> {
        m.texts()
    }

    fn date(m: &Meeting) -> NaiveDate {
        m.parts().created_on
    }

    fn ident(m: &Meeting) -> String {
        format!("careplan/meeting/{}", m.parts().created_on)
    }
}

/// 第5表 on its own.
pub(crate) struct ProgressForm;

impl PrintedForm for ProgressForm {
    type Doc = Progress;
    const MAIN: &'static str = Kyotaku::MAIN;
    const FORM: Form = Form::Progress;

    fn view(
        p: &Progress,
        options: &RenderOptions,
        sheets: &[Sheet],
        counted: bool,
    ) -> Result<Vec<u8>, RenderError> {
        let user = p.parts().user_name.as_str();
        view(None, &[], Some(p), &[], user, options, sheets, counted)
    }

    sheet_marks!();

    fn texts(p: &Progress) -> Vec<(FieldPath, &str)> {
        p.texts()
    }

    fn date(p: &Progress) -> NaiveDate {
        p.as_of()
    }

    fn ident(p: &Progress) -> String {
        format!("careplan/progress/{}", p.parts().created_on)
    }
}

/// A case file: the sheets of the parts it holds.
pub(crate) struct CaseForm;

impl PrintedForm for CaseForm {
    type Doc = CaseFile;
    const MAIN: &'static str = Kyotaku::MAIN;
    const FORM: Form = Form::CaseFile;

    fn sheets(case: &CaseFile) -> Vec<Sheet> {
        let mut sheets = Vec::new();
        if case.plan().is_some() {
            sheets.extend_from_slice(Form::Kyotaku.sheets());
        }
        if !case.meetings().is_empty() {
            sheets.push(Sheet::KyotakuTable4);
        }
        if case.progress().is_some() {
            sheets.push(Sheet::KyotakuTable5);
        }
        if !case.usage().is_empty() {
            sheets.push(Sheet::KyotakuTable6);
        }
        sheets
    }

    fn view(
        case: &CaseFile,
        options: &RenderOptions,
        sheets: &[Sheet],
        counted: bool,
    ) -> Result<Vec<u8>, RenderError> {
        view(
            case.plan(),
            case.meetings(),
            case.progress(),
            case.usage(),
            case.user_name(),
            options,
            sheets,
            counted,
        )
    }

    sheet_marks!();

    fn texts(case: &CaseFile) -> Vec<(FieldPath, &str)> {
        case.texts()
    }

    /// The latest of the parts' dates.
    fn date(case: &CaseFile) -> NaiveDate {
        let plan = case.plan().map(|p| p.table1().created_on);
        let meetings = case.meetings().iter().map(|m| m.parts().created_on);
        let log = case.progress().map(Progress::as_of);
        let usage = case.usage().iter().map(|u| u.parts().created_on);
        plan.into_iter()
            .chain(meetings)
            .chain(log)
            .chain(usage)
            .max()
            .unwrap_or(NaiveDate::MIN)
    }

    fn ident(case: &CaseFile) -> String {
        match case.plan() {
            Some(plan) => format!("{}/case", Kyotaku::ident(plan)),
            None => format!("careplan/case/{}", CaseForm::date(case)),
        }
    }
}
