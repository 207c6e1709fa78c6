//! 第6表 サービス利用票 as a printed form: the head (対象年月, the user,
//! 要介護状態区分 and its change, 区分支給限度基準額, 限度額適用期間,
//! 前月までの短期入所利用日数, the 居宅介護支援事業者) and the grid of
//! services, two lines each (予定, 実績), a column per day of the month with
//! its 曜日, and the 合計回数 — as the user's サービス利用票, or as one office's
//! サービス提供票 (its rows only). Printed through the 居宅 main template
//! (`templates/kyotaku/table6.typ`); Typst counts its pages.
//!
//! Like every view, this is the only thing that reaches Typst, as part of
//! the JSON data file; no value is ever spliced into markup.

use careplan_core::forms::kyotaku::usage::{DayCount, Usage, UsageRow};
use careplan_core::service_codes::{ServiceCode, kind_name};
use careplan_core::{CertificationStatus, FieldPath, Form, OfficeNumber, Sex, Sheet, YearMonth};
use chrono::NaiveDate;
use serde::Serialize;
use typst_layout::PagedDocument;

use super::view::date;
use crate::form::PrintedForm;
use crate::kyotaku::Kyotaku;
use crate::measure::{breakable, wide as s};
use crate::{RenderError, RenderOptions};

/// The grid's day columns: the paper form has 31, blank past the month's end.
const DAY_COLUMNS: usize = 31;

/// Room for サービス内容 and for サービス事業者事業所名, in em at the
/// grid's type size (the template's 27 mm columns).
const SERVICE_EM: f64 = 8.0;
const OFFICE_EM: f64 = 8.0;

/// The sheet's data.
#[derive(Debug, Serialize)]
pub(crate) struct UsageView {
    /// A provider's サービス提供票, not the user's サービス利用票.
    pub provider_copy: bool,
    /// 「令和7年4月分」.
    pub month: String,
    pub created_on: String,
    /// 認定済・申請中, each circled when it applies (neither for a 事業対象者).
    pub status: [bool; 2],
    pub insurer_number: String,
    pub insurer_name: Option<String>,
    pub insured_number: String,
    pub name_kana: Option<String>,
    pub name: String,
    pub birth: String,
    /// 男・女.
    pub sex: [bool; 2],
    pub level: &'static str,
    pub change_level: Option<&'static str>,
    pub change_date: Option<String>,
    /// 「19,616」.
    pub limit_units: String,
    /// 「令和7年4月」 から 「令和8年3月」 まで.
    pub limit_period: Option<[String; 2]>,
    pub days_before: Option<String>,
    pub office_name: String,
    /// 担当者名, with （TEL） when given.
    pub planner: String,
    /// The 31 columns: the day and its 曜日, or blanks past the month's end.
    pub days: Vec<[String; 2]>,
    pub rows: Vec<UsageRowView>,
}

/// One service: two lines of the grid.
#[derive(Debug, Serialize)]
pub(crate) struct UsageRowView {
    pub start: Option<String>,
    pub end: Option<String>,
    pub service: String,
    pub office: String,
    /// 31 cells each: the count, or blank.
    pub planned: Vec<String>,
    pub actual: Vec<String>,
    pub planned_total: String,
    pub actual_total: String,
}

/// A number with thousands separators (「27,048」).
pub(crate) use careplan_core::units::thousands;

/// A month in 和暦: 「令和7年4月」.
fn month(m: YearMonth) -> Result<String, RenderError> {
    let first = m
        .first_day()
        .ok_or_else(|| RenderError::Data(format!("no first day of {m}")))?;
    let full = date(first)?;
    Ok(full.strip_suffix("1日").unwrap_or(&full).to_owned())
}

/// A line of the grid: the count on each day, blank where none.
fn cells(days: &[DayCount]) -> Vec<String> {
    let mut out = vec![String::new(); DAY_COLUMNS];
    for d in days {
        if let Some(cell) = out.get_mut(usize::from(d.day).saturating_sub(1)) {
            *cell = d.count.to_string();
        }
    }
    out
}

/// The names of サービスコード the sheet's rows may leave out (a sheet
/// read from the CSV): from the master, when the sheet is printed with its
/// 第7表.
pub(crate) type CodeNames<'a> = &'a dyn Fn(&ServiceCode) -> Option<String>;

/// サービス内容 as printed: the row's, else the master's name of its code,
/// else the code's サービス種類 (種類 11 ⇒ 訪問介護); with 用具名称 after it.
fn service_text(r: &UsageRow, names: CodeNames) -> String {
    let service = match &r.service {
        Some(t) => t.as_str().to_owned(),
        None => names(&r.code).unwrap_or_else(|| match kind_name(r.code.kind()) {
            Some(n) => n.to_owned(),
            None => format!("種類{}", r.code.kind()),
        }),
    };
    match &r.equipment_name {
        Some(e) => format!("{service}（{}）", e.as_str()),
        None => service,
    }
}

fn row(r: &UsageRow, names: CodeNames) -> UsageRowView {
    let total = |n: u32| if n == 0 { String::new() } else { n.to_string() };
    let office = r.office_name.as_ref().map_or_else(
        || r.office_number.as_str().to_owned(),
        |n| n.as_str().to_owned(),
    );
    UsageRowView {
        start: r.time.map(|t| t.start().to_string()),
        end: r.time.map(|t| t.end().to_string()),
        service: breakable(&service_text(r, names), SERVICE_EM),
        office: breakable(&office, OFFICE_EM),
        planned: cells(&r.planned),
        actual: cells(&r.actual),
        planned_total: total(r.planned_total()),
        actual_total: total(r.actual_total()),
    }
}

/// The view of a 第6表: the user's サービス利用票, or with `provider` that
/// office's サービス提供票 (its rows only). `names` gives the names of codes
/// that rows leave without one.
pub(crate) fn view(
    u: &Usage,
    provider: Option<&OfficeNumber>,
    names: CodeNames,
) -> Result<UsageView, RenderError> {
    let p = u.parts();
    let rows: Vec<&UsageRow> = p
        .rows
        .iter()
        .filter(|r| provider.is_none_or(|o| &r.office_number == o))
        .collect();
    if let Some(o) = provider
        && rows.is_empty()
    {
        return Err(RenderError::NoSuchProvider(o.as_str().to_owned()));
    }
    let days = (1..=DAY_COLUMNS)
        .map(|d| {
            let day = u8::try_from(d).unwrap_or(u8::MAX);
            match u.weekday(day) {
                Some(w) => [d.to_string(), w.label_ja().to_owned()],
                None => [String::new(), String::new()],
            }
        })
        .collect();
    let planner = match &p.planner.phone {
        Some(tel) => format!("{}（TEL {}）", s(&p.planner.name), tel.as_str()),
        None => s(&p.planner.name),
    };
    Ok(UsageView {
        provider_copy: provider.is_some(),
        month: format!("{}分", month(p.month)?),
        created_on: date(p.created_on)?,
        status: [
            p.certification_status == Some(CertificationStatus::Certified),
            p.certification_status == Some(CertificationStatus::Applying),
        ],
        insurer_number: p.user.insurer_number.as_str().to_owned(),
        insurer_name: p.user.insurer_name.as_ref().map(s),
        insured_number: p.user.insured_number.as_str().to_owned(),
        name_kana: p.user.name_kana.as_ref().map(|k| k.as_str().to_owned()),
        name: s(&p.user.name),
        birth: date(p.user.birth_date)?,
        sex: [p.user.sex == Sex::Male, p.user.sex == Sex::Female],
        level: p.level.label_ja(),
        change_level: p.level_change.map(|c| c.level.label_ja()),
        change_date: p.level_change.map(|c| date(c.date)).transpose()?,
        limit_units: thousands(u.limit_units().get()),
        limit_period: p
            .limit_period
            .map(|r| Ok::<_, RenderError>([month(r.start)?, month(r.end)?]))
            .transpose()?,
        days_before: p.short_stay_days_before.map(|d| d.to_string()),
        office_name: p.planner.office_name.as_ref().map(s).unwrap_or_default(),
        planner,
        days,
        rows: rows.into_iter().map(|r| row(r, names)).collect(),
    })
}

/// 第6表 on its own.
pub(crate) struct UsageForm;

impl PrintedForm for UsageForm {
    type Doc = Usage;
    const MAIN: &'static str = Kyotaku::MAIN;
    const FORM: Form = Form::Usage;

    fn view(
        u: &Usage,
        options: &RenderOptions,
        sheets: &[Sheet],
        counted: bool,
    ) -> Result<Vec<u8>, RenderError> {
        let mut v = super::without_plan(u.parts().user.name.as_str(), options, sheets, counted);
        v.t6 = vec![view(u, options.provider.as_ref(), &|_| None)?];
        serde_json::to_vec(&v).map_err(|e| RenderError::Data(e.to_string()))
    }

    /// 第6表 alone: its 第7表 needs a master and terms ([`crate::UsageMonth`]).
    fn sheets(_u: &Usage) -> Vec<Sheet> {
        vec![Sheet::KyotakuTable6]
    }

    fn end_label(_sheet: Sheet) -> &'static str {
        "careplan-t6-end"
    }

    fn predicted_pages(_doc: &PagedDocument, _sheet: Sheet) -> Option<usize> {
        None
    }

    fn counted(_sheet: Sheet) -> bool {
        true
    }

    fn texts(u: &Usage) -> Vec<(FieldPath, &str)> {
        u.texts()
    }

    fn date(u: &Usage) -> NaiveDate {
        u.parts().created_on
    }

    fn ident(u: &Usage) -> String {
        format!("careplan/usage/{}", u.parts().month)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grid_has_31_columns_blank_past_the_months_end() {
        let json = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../fixtures/usage/level-change-2025-04.json"
        ))
        .unwrap();
        let u = Usage::from_json(&json).unwrap();
        let v = view(&u, None, &|_| None).unwrap();
        assert_eq!(v.days.len(), 31);
        assert_eq!(v.days[0], ["1".to_owned(), "火".to_owned()]); // 2025-04-01
        assert_eq!(v.days[30], [String::new(), String::new()]);
        assert_eq!(v.month, "令和7年4月分");
        assert_eq!(v.limit_units, "27,048");
        assert_eq!(v.change_level, Some("要介護３"));
        let help = &v.rows[1];
        assert_eq!(
            (help.planned[0].as_str(), help.planned[4].as_str()),
            ("2", "")
        ); // 1st Tue, 5th Sat
        assert_eq!(help.planned_total, "44");
        // The 提供票 of one office: its row only.
        let office = OfficeNumber::new("1470000201").unwrap();
        let one = view(&u, Some(&office), &|_| None).unwrap();
        assert!(one.provider_copy);
        assert_eq!(one.rows.len(), 1);
        assert_eq!(one.rows[0].planned_total, "44");
        let none = OfficeNumber::new("1999999999").unwrap();
        assert_eq!(
            view(&u, Some(&none), &|_| None).unwrap_err(),
            RenderError::NoSuchProvider("1999999999".into())
        );
    }

    #[test]
    fn rows_without_names_print_the_masters_name_or_the_kind_and_the_office_number() {
        let json = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../fixtures/usage/level-change-2025-04.json"
        ))
        .unwrap();
        let mut parts = Usage::from_json(&json).unwrap().into_parts();
        for r in &mut parts.rows {
            r.service = None;
            r.office_name = None;
        }
        parts.rows[0].equipment_name = careplan_core::Text::new("車いす").ok();
        parts.planner.office_name = None;
        let u = Usage::new(parts).unwrap();
        let plain = |s: &str| s.replace('\u{200B}', "");
        let v = view(&u, None, &|_| None).unwrap();
        assert_eq!(plain(&v.rows[0].service), "通所介護（車いす）");
        assert_eq!(plain(&v.rows[1].service), "訪問介護");
        assert_eq!(plain(&v.rows[1].office), "1470000201");
        assert_eq!(v.office_name, "");
        let named = |c: &ServiceCode| (c.as_str() == "111111").then(|| "身体介護１".to_owned());
        let v = view(&u, None, &named).unwrap();
        assert_eq!(plain(&v.rows[1].service), "身体介護１");
    }
}
