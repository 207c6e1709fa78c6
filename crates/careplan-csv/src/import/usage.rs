//! UPHOSOKU (with 対象年月) and UPPLAN rows into a month's 第6表: the rows
//! become the sheet's JSON document (CSV codes into the document's codes,
//! YYYYMMDD into ISO dates, a record per service × day into rows of days),
//! which careplan-core then checks; each violation is placed back at the
//! row and field it came from, through the field tables' CSV fields. UPJSK
//! rows into a provider's [`Actuals`], which [`Actuals::apply`] puts into
//! the month's 第6表.

#![allow(clippy::result_large_err)]

use careplan_core::forms::kyotaku::usage::wire::{
    DayCountDoc, LevelChangeDoc, MonthRangeDoc, UsageDocument, UsagePlannerDoc, UsageRowDoc,
    UsageUserDoc,
};
use careplan_core::forms::kyotaku::usage::{Usage, UsageRow};
use careplan_core::{
    CertificationStatus, Error, FieldPath, Form, Level, OfficeNumber, Sex, YearMonth,
};

use super::values::{Row, doc_code as code, iso_date, present as s, unknown_code};
use super::{Origins, form_rule};
use crate::export::NO_TIME;
use crate::records::{Hosoku, Upplan};
use crate::{ImportError, ImportErrorCode, MonthKey};

/// The document's form key.
const FORM: &str = careplan_core::forms::kyotaku::usage::fields::FORM_CODE;

/// A whole number (units, days, a count), or an error at the field.
fn int(row: &Row, no: u16, errors: &mut Vec<ImportError>) -> Option<i64> {
    let v = s(row, no)?;
    let t = v.trim();
    match t.parse::<i64>() {
        Ok(n) if t.bytes().all(|b| b.is_ascii_digit()) => Some(n),
        _ => {
            errors.push(row.err(
                no,
                ImportErrorCode::Number,
                format!("整数ではありません: {v:?}"),
                "not a whole number",
            ));
            None
        }
    }
}

/// `YYYYMM` as a month.
pub(super) fn month_of(v: &str) -> Option<YearMonth> {
    if v.len() != 6 || !v.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year = v.get(..4)?.parse().ok()?;
    let month = v.get(4..)?.parse().ok()?;
    YearMonth::new(year, month).ok()
}

/// Field `no` as a month `YYYYMM`.
pub(super) fn month(row: &Row, no: u16) -> Result<YearMonth, ImportError> {
    month_of(row.get(no)).ok_or_else(|| {
        row.err(
            no,
            ImportErrorCode::Date,
            format!("YYYYMM の年月ではありません: {:?}", row.get(no)),
            "not a month YYYYMM",
        )
    })
}

/// A field careplan's 第6表 has no place for yet: refused rather than dropped.
fn not_carried(row: &Row, no: u16, errors: &mut Vec<ImportError>) {
    if row.written(no) {
        errors.push(row.err(
            no,
            ImportErrorCode::StrayValue,
            format!(
                "この項目は careplan の第6表にまだ持てません（読み捨てずに取り込みを止めます）: {:?}",
                row.get(no)
            ),
            "careplan's 第6表 has no place for this field yet: refused rather than dropped",
        ));
    }
}

/// The day of the month of サービス利用日 (No.10), which must be in `month`.
fn day(row: &Row, month: YearMonth, errors: &mut Vec<ImportError>) -> Option<i64> {
    let no = Upplan::DATE;
    let d = match super::values::ymd(row, no) {
        Ok(d) => d,
        Err(e) => {
            errors.push(e);
            return None;
        }
    };
    use chrono::Datelike;
    if YearMonth::new(d.year(), d.month()).ok() != Some(month) {
        errors.push(row.err(
            no,
            ImportErrorCode::Date,
            format!("対象年月（{month}）の日ではありません: {:?}", row.get(no)),
            "a day outside the 対象年月",
        ));
        return None;
    }
    Some(i64::from(d.day()))
}

/// サービス開始・終了時刻: `9999` both for a service without a time.
fn times(row: &Row, errors: &mut Vec<ImportError>) -> (Option<String>, Option<String>) {
    let (a, b) = (Upplan::START, Upplan::END);
    if row.get(a) == NO_TIME && row.get(b) == NO_TIME {
        return (None, None);
    }
    match super::values::time_pair(row, a, b, errors) {
        Some((s, e)) => (Some(s.to_string()), Some(e.to_string())),
        None => (None, None),
    }
}

/// ３０日超区分: 1 or 0.
fn over_30(row: &Row, errors: &mut Vec<ImportError>) -> Option<bool> {
    match row.get(Upplan::OVER_30_DAYS).trim() {
        "1" => Some(true),
        "0" | "" => None,
        v => {
            errors.push(unknown_code(row, Upplan::OVER_30_DAYS, v, &["0", "1"]));
            None
        }
    }
}

/// What tells one grid row from another: everything of a record but its
/// day and count.
fn row_doc(r: &Row, errors: &mut Vec<ImportError>) -> UsageRowDoc {
    not_carried(r, Upplan::PRORATED_DAYS, errors);
    not_carried(r, Upplan::SATELLITE, errors);
    let (start, end) = times(r, errors);
    UsageRowDoc {
        start,
        end,
        service: None,
        code: s(r, Upplan::SERVICE_CODE),
        office_number: s(r, Upplan::OFFICE_NUMBER),
        office_name: s(r, Upplan::OFFICE_NAME),
        over_30_days: over_30(r, errors),
        tais_code: s(r, Upplan::TAIS_CODE),
        notified_code: s(r, Upplan::NOTIFIED_CODE),
        equipment_name: s(r, Upplan::EQUIPMENT_NAME),
        detail_number: int(r, Upplan::DETAIL_NUMBER, errors),
        planned: None,
        actual: None,
    }
}

/// The records' rows grouped into the grid's rows (first appearance
/// first), each with its days in order, and the records of each.
fn grid<'a>(
    rows: &'a [Row],
    month: YearMonth,
    errors: &mut Vec<ImportError>,
) -> Vec<(UsageRowDoc, Vec<(DayCountDoc, &'a Row)>)> {
    let mut out: Vec<(UsageRowDoc, Vec<(DayCountDoc, &'a Row)>)> = Vec::new();
    for r in rows {
        let doc = row_doc(r, errors);
        let day = day(r, month, errors);
        let count = int(r, Upplan::COUNT, errors);
        let entry = DayCountDoc {
            day,
            count: count.or(Some(0)),
        };
        match out.iter_mut().find(|(d, _)| *d == doc) {
            Some((_, days)) => days.push((entry, r)),
            None => out.push((doc, vec![(entry, r)])),
        }
    }
    for (_, days) in &mut out {
        days.sort_by_key(|(d, _)| d.day);
    }
    out
}

/// The values every record of a sheet repeats (作成年月日, プラン担当業者コード,
/// プラン担当者名, 前月までの短期入所利用日数): the first row's, and an error at
/// each row that says otherwise.
fn shared(rows: &[Row], no: u16, errors: &mut Vec<ImportError>) -> Option<String> {
    let first = rows.first()?;
    for r in rows.iter().skip(1) {
        if r.get(no) != first.get(no) {
            errors.push(r.err(
                no,
                ImportErrorCode::Value,
                format!(
                    "同じ利用者・月の行で値が異なります（{} 行目は {:?}、この行は {:?}）",
                    first.line,
                    first.get(no),
                    r.get(no)
                ),
                "the records of one sheet disagree on this value",
            ));
        }
    }
    s(first, no)
}

/// A month's 第6表 from its UPHOSOKU and UPPLAN rows.
pub(super) fn build(h: &Row, plan: &[Row]) -> Result<Usage, Vec<ImportError>> {
    let mut e = Vec::new();
    let month = match month(h, Hosoku::TARGET_MONTH) {
        Ok(m) => m,
        Err(err) => return Err(vec![err]),
    };
    let level_code = |row: &Row, no: u16, e: &mut Vec<ImportError>| {
        code(
            row,
            no,
            &|c| Level::from_csv_code(c).map(|l| l.code().to_owned()),
            Level::CSV_CODES,
            e,
        )
    };
    let now = level_code(h, Hosoku::CARE_LEVEL, &mut e);
    let (level, level_change) = if h.written(Hosoku::CARE_LEVEL_CHANGED_ON) {
        // A change in the month: No.18 the new level, No.59 the one before.
        let before = level_code(h, Hosoku::PREVIOUS_CARE_LEVEL, &mut e);
        (
            before,
            Some(LevelChangeDoc {
                level: now,
                date: iso_date(h, Hosoku::CARE_LEVEL_CHANGED_ON),
            }),
        )
    } else {
        if h.written(Hosoku::PREVIOUS_CARE_LEVEL)
            && h.get(Hosoku::PREVIOUS_CARE_LEVEL).trim() != h.get(Hosoku::CARE_LEVEL).trim()
        {
            e.push(h.err(
                Hosoku::PREVIOUS_CARE_LEVEL,
                ImportErrorCode::StrayValue,
                "要介護状態変更日（No.17）のない前回要介護状態区分は第6表に持てません（読み捨てずに取り込みを止めます）",
                "a 前回要介護状態区分 without a 変更日 has no place on 第6表: refused rather than dropped",
            ));
        }
        (now, None)
    };
    let limit_period = match (
        iso_date(h, Hosoku::LIMIT_START),
        iso_date(h, Hosoku::LIMIT_END),
    ) {
        (None, None) => None,
        (start, end) => Some(MonthRangeDoc {
            start: start.map(|d| d.chars().take(7).collect()),
            end: end.map(|d| d.chars().take(7).collect()),
        }),
    };
    // UPPLAN No.9 (the same on every record), else UPHOSOKU No.57.
    let days_before = match plan.first() {
        Some(first) if first.written(Upplan::SHORT_STAY_DAYS_BEFORE) => {
            shared(plan, Upplan::SHORT_STAY_DAYS_BEFORE, &mut e);
            int(first, Upplan::SHORT_STAY_DAYS_BEFORE, &mut e)
        }
        _ => int(h, Hosoku::DAYS_BEFORE_ADMISSION, &mut e),
    };
    let mut origins = Origins::default();
    origins.add(FieldPath::root(), h);
    let rows_path = FieldPath::root().key("rows");
    let grid = grid(plan, month, &mut e);
    let mut rows = Vec::new();
    for (i, (mut doc, days)) in grid.into_iter().enumerate() {
        let rp = rows_path.index(i);
        if let Some((_, first)) = days.first() {
            origins.add(rp.clone(), first);
        }
        let mut list = Vec::new();
        for (j, (d, r)) in days.into_iter().enumerate() {
            origins.add(rp.key("planned").index(j), r);
            list.push(d);
        }
        doc.planned = Some(list);
        rows.push(doc);
    }
    if let Some(first) = plan.first() {
        origins.add(FieldPath::root().key("planner"), first);
    }
    let doc = UsageDocument {
        schema: None,
        form: Some(FORM.to_owned()),
        month: Some(month.to_string()),
        created_on: plan.first().and_then(|r| {
            shared(plan, Upplan::CREATED_ON, &mut e).and(iso_date(r, Upplan::CREATED_ON))
        }),
        certification_status: code(
            h,
            Hosoku::CERTIFICATION_STATUS,
            &|c| CertificationStatus::from_csv_code(c).map(|t| t.code().to_owned()),
            CertificationStatus::CSV_CODES,
            &mut e,
        ),
        user: Some(UsageUserDoc {
            insurer_number: s(h, Hosoku::INSURER_NUMBER),
            insurer_name: None,
            insured_number: s(h, Hosoku::INSURED_NUMBER),
            name_kana: s(h, Hosoku::NAME_KANA),
            name: s(h, Hosoku::NAME),
            birth_date: iso_date(h, Hosoku::BIRTH_DATE),
            sex: code(
                h,
                Hosoku::SEX,
                &|c| Sex::from_csv_code(c).map(|t| t.code().to_owned()),
                Sex::CSV_CODES,
                &mut e,
            ),
        }),
        level,
        level_change,
        limit_units: int(h, Hosoku::LIMIT_UNITS, &mut e),
        limit_period,
        short_stay_days_before: days_before,
        planner: Some(UsagePlannerDoc {
            office_number: shared(plan, Upplan::PLANNER_OFFICE, &mut e),
            office_name: None,
            name: shared(plan, Upplan::PLANNER_NAME, &mut e),
            phone: None,
        }),
        rows: Some(rows),
    };
    if !e.is_empty() {
        return Err(e);
    }
    Usage::from_document(&doc).map_err(|err| {
        err.violations()
            .iter()
            .map(|v| form_rule(v, &origins, h, Form::Usage))
            .collect()
    })
}

/// One provider's 実績 of a month (an UPJSK send set's records for one user,
/// 事業所 and サービス種類), as rows of a 第6表 that hold 実績 alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actuals {
    /// The user and the month.
    pub key: MonthKey,
    /// The providing 事業所 (No.20).
    pub office: OfficeNumber,
    /// The サービス種類 of its codes (the first two characters of No.15).
    pub service_kind: String,
    /// 作成年月日 (No.4).
    pub created_on: chrono::NaiveDate,
    /// The rows served, each with its 実績 days (`planned` empty; `service`
    /// none, as the records carry the code alone).
    pub rows: Vec<UsageRow>,
}

/// Whether two rows are the same service of a 第6表: office, code, time
/// band, 30日超 and 明細判別コード.
fn same_service(a: &UsageRow, b: &UsageRow) -> bool {
    a.office_number == b.office_number
        && a.code == b.code
        && a.time == b.time
        && a.over_30_days == b.over_30_days
        && a.detail_number == b.detail_number
}

impl Actuals {
    /// The 第6表 with these 実績: the 実績 of this 事業所 × サービス種類 is
    /// replaced (a provider resends its whole 提供票 to correct it); each
    /// row served goes onto the planned row of the same service, or, with
    /// none, becomes a row of its own (実績 without 予定). The sheet must be
    /// of the same user and month; the result is checked as any 第6表.
    pub fn apply(&self, usage: &Usage) -> Result<Usage, ApplyError> {
        let key = MonthKey::of(usage);
        if key != self.key {
            return Err(ApplyError::OtherSheet {
                actuals: self.key.clone(),
                sheet: key,
            });
        }
        let mut parts = usage.clone().into_parts();
        for r in &mut parts.rows {
            if r.office_number == self.office && r.code.kind() == self.service_kind {
                r.actual.clear();
            }
        }
        for served in &self.rows {
            match parts
                .rows
                .iter_mut()
                .find(|r| same_service(r, served) && r.actual.is_empty())
            {
                Some(r) => {
                    r.actual = served.actual.clone();
                    if r.office_name.is_none() {
                        r.office_name = served.office_name.clone();
                    }
                }
                None => parts.rows.push(served.clone()),
            }
        }
        // A row of this 事業所 × 種類 that had 実績 alone, and is not
        // served in the new 実績, goes.
        parts
            .rows
            .retain(|r| !r.planned.is_empty() || !r.actual.is_empty());
        Usage::new(parts).map_err(ApplyError::Invalid)
    }
}

/// Why [`Actuals::apply`] gave no sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ApplyError {
    /// The 実績 are of another user or month than the sheet.
    OtherSheet {
        /// The 実績's key.
        actuals: MonthKey,
        /// The sheet's key.
        sheet: MonthKey,
    },
    /// The sheet with the 実績 breaks a rule of 第6表 (every violation).
    Invalid(Error),
}

impl ApplyError {
    /// What went wrong, in Japanese and in English.
    pub fn messages(&self) -> (String, String) {
        match self {
            ApplyError::OtherSheet { actuals, sheet } => (
                format!(
                    "実績（{actuals}）は別の利用者・対象年月の第6表（{sheet}）には取り込めません"
                ),
                format!("the 実績 of {actuals} do not belong to the sheet of {sheet}"),
            ),
            ApplyError::Invalid(e) => (
                format!("実績を取り込んだ第6表が規則に反します: {e}"),
                format!("the sheet with the 実績 breaks rules of 第6表: {e}"),
            ),
        }
    }
}

impl std::fmt::Display for ApplyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (ja, en) = self.messages();
        write!(f, "{ja} / {en}")
    }
}

impl std::error::Error for ApplyError {}

/// A provider's 実績 from its UPJSK rows for one key (several 事業所 or
/// サービス種類 in one file give one [`Actuals`] each): the records grouped
/// into grid rows as UPPLAN's are, each row checked by careplan-core as a
/// row of a 第6表, each violation placed at its record.
pub(super) fn actuals(key: &MonthKey, rows: &[Row]) -> Result<Vec<Actuals>, Vec<ImportError>> {
    let mut e = Vec::new();
    let mut out: Vec<Actuals> = Vec::new();
    for (i, (mut doc, days)) in grid(rows, key.month, &mut e).into_iter().enumerate() {
        let Some(&(_, first)) = days.first() else {
            continue;
        };
        let at = FieldPath::root().key("rows").index(i);
        let mut origins = Origins::default();
        origins.add(at.clone(), first);
        let mut created = None;
        let mut list = Vec::new();
        for (j, (d, r)) in days.into_iter().enumerate() {
            match super::values::ymd(r, Upplan::CREATED_ON) {
                Ok(c) => created = created.or(Some(c)),
                Err(x) => e.push(x),
            }
            origins.add(at.key("actual").index(j), r);
            list.push(d);
        }
        doc.actual = Some(list);
        let row = match UsageRow::from_document(&doc, key.month, &at) {
            Ok(r) => r,
            Err(err) => {
                e.extend(
                    err.violations()
                        .iter()
                        .map(|v| form_rule(v, &origins, first, Form::Usage)),
                );
                continue;
            }
        };
        let Some(created_on) = created else { continue };
        let kind = row.code.kind().to_owned();
        match out
            .iter_mut()
            .find(|a| a.office == row.office_number && a.service_kind == kind)
        {
            Some(a) => a.rows.push(row),
            None => out.push(Actuals {
                key: key.clone(),
                office: row.office_number.clone(),
                service_kind: kind,
                created_on,
                rows: vec![row],
            }),
        }
    }
    if e.is_empty() { Ok(out) } else { Err(e) }
}
