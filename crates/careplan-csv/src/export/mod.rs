//! Writing plans as the standard's send set (送信単位): each plan filled into
//! the records of [`crate::records`] (a module per sheet here), each
//! record written by its own layout.

mod kihon;
mod table1;
mod table2;
mod table3;
mod usage;
mod yobo;

use careplan_core::forms::yobo::kihon::Kihon;
use careplan_core::wareki::format_date;
use careplan_core::{CarePlan, FieldPath, Period, PreventivePlan, TimeOfDay};
use chrono::NaiveDate;

use crate::encoding::{Substitutions, carried, encode};
use crate::records::{Dlt1kyo, Dltkihon, Dltyobo, Kind};
use crate::{
    CSV_VERSION, CsvFile, ExportError, ExportOptions, Exported, PlanKey, Substitution, Unencodable,
};

pub(crate) use kihon::FLAG;
pub use kihon::kihon_image_name;
pub(crate) use table1::{ANALYSIS_MARK, USER_MARK, marked_field, wishes_field};
pub(crate) use table3::weekly_text;
pub(crate) use usage::{NO_TIME, yyyymm};
pub use usage::{export_actuals, export_actuals_withdrawal, export_usage, export_usage_withdrawal};
pub(crate) use yobo::{YES_NO, period_field};

/// Checks free text against MS932 as it goes, substituting where the
/// caller allows and collecting every character it cannot write.
pub(crate) struct Writer<'a> {
    subs: Option<&'a Substitutions>,
    unencodable: Vec<Unencodable>,
    substitutions: Vec<Substitution>,
}

impl Writer<'_> {
    /// Free text of the field at `path`, checked character by character.
    fn text(&mut self, path: &FieldPath, s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            if carried(c) {
                out.push(c);
            } else if let Some(&to) = self.subs.and_then(|m| m.get(&c)).filter(|to| carried(**to)) {
                out.push(to);
                self.substitutions.push(Substitution {
                    path: path.to_string(),
                    from: c,
                    to,
                });
            } else {
                out.push(c);
                if !self
                    .unencodable
                    .iter()
                    .any(|u| u.path == path.as_str() && u.character == c)
                {
                    self.unencodable.push(Unencodable {
                        path: path.to_string(),
                        character: c,
                    });
                }
            }
        }
        out
    }

    /// Optional free text (blank when absent).
    fn opt_text(&mut self, path: &FieldPath, s: Option<&str>) -> String {
        s.map(|s| self.text(path, s)).unwrap_or_default()
    }
}

impl<'a> Writer<'a> {
    fn new(opts: &'a ExportOptions) -> Writer<'a> {
        Writer {
            subs: opts.substitutions.as_ref(),
            unencodable: Vec::new(),
            substitutions: Vec::new(),
        }
    }

    /// The send set of the files' texts, unless a character could not be written.
    fn finish(
        self,
        texts: Vec<(Kind, String)>,
        opts: &ExportOptions,
    ) -> Result<Exported, ExportError> {
        let named = texts
            .into_iter()
            .map(|(k, text)| (file_name(k, opts), text))
            .collect();
        self.finish_named(named)
    }

    /// The send set of a month's files (names with 対象年月).
    fn finish_monthly(
        self,
        texts: Vec<(Kind, String)>,
        month: careplan_core::YearMonth,
        opts: &ExportOptions,
    ) -> Result<Exported, ExportError> {
        let named = texts
            .into_iter()
            .map(|(k, text)| (monthly_file_name(k, month, opts), text))
            .collect();
        self.finish_named(named)
    }

    fn finish_named(self, texts: Vec<(String, String)>) -> Result<Exported, ExportError> {
        if !self.unencodable.is_empty() {
            return Err(ExportError::Unencodable(self.unencodable));
        }
        let files = texts
            .into_iter()
            .map(|(name, text)| CsvFile {
                name,
                bytes: encode(&text),
            })
            .collect();
        Ok(Exported {
            files,
            substitutions: self.substitutions,
        })
    }
}

/// A withdrawal file (DLT…) of `kind`: one row per key, as `row` writes it.
fn withdrawal(
    kind: Kind,
    keys: &[PlanKey],
    opts: &ExportOptions,
    row: impl Fn(&PlanKey) -> String,
) -> Result<Exported, ExportError> {
    if keys.is_empty() {
        return Err(ExportError::NoPlans);
    }
    let text: String = keys.iter().map(row).collect();
    Writer::new(opts).finish(vec![(kind, text)], opts)
}

/// An optional value written as it is (a 郵便番号, a 事業所番号), or blank.
fn raw<T: AsRef<str>>(v: &Option<T>) -> String {
    v.as_ref()
        .map(|x| x.as_ref().to_owned())
        .unwrap_or_default()
}

/// A date as the records write it: `YYYYMMDD`.
fn ymd(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

/// A time as the records write it: `HHMM`.
fn hhmm(t: TimeOfDay) -> String {
    format!("{:02}{:02}", t.hour(), t.minute())
}

/// The period as 和暦 text: 令和7年4月1日～令和7年9月30日 (start only: 令和7年4月1日～).
pub(crate) fn period_text(p: Period) -> String {
    let start = wareki(p.start());
    match p.end() {
        Some(e) => format!("{start}～{}", wareki(e)),
        None => format!("{start}～"),
    }
}

/// A date in 和暦; every date a plan holds has one (core refuses dates
/// before 1873), the ISO date would stand in otherwise.
fn wareki(d: NaiveDate) -> String {
    format_date(d).unwrap_or_else(|e| {
        debug_assert!(false, "a plan's date without 和暦: {e}");
        d.to_string()
    })
}

/// The CSV code of a value of a code list the standard carries in full.
pub(crate) fn csv_code(code: Option<&'static str>) -> String {
    code.unwrap_or_else(|| {
        debug_assert!(
            false,
            "a code list the CSV carries has a code for every value"
        );
        ""
    })
    .to_owned()
}

/// The fields every record of a plan starts with: CSVバージョン, 保険者番号, 被保険者番号.
struct Key {
    csv_version: String,
    insurer_number: String,
    insured_number: String,
}

fn key(plan: &CarePlan) -> Key {
    let u = &plan.table1().user;
    Key {
        csv_version: CSV_VERSION.to_owned(),
        insurer_number: u.insurer_number.as_str().to_owned(),
        insured_number: u.insured_number.as_str().to_owned(),
    }
}

fn file_name(kind: Kind, opts: &ExportOptions) -> String {
    let month = if kind == Kind::Hosoku { "000000_" } else { "" };
    format!(
        "{}_{month}{}_{}_{}_{}_{}.CSV",
        kind.prefix(),
        opts.from.office,
        opts.from.service_kind,
        opts.to.office,
        opts.to.service_kind,
        opts.timestamp
    )
}

/// The name of a month's file: `<PREFIX>_<YYYYMM>_<送信元>_<種類>_<送信先>_<種類>_<時刻>.CSV`.
fn monthly_file_name(kind: Kind, month: careplan_core::YearMonth, opts: &ExportOptions) -> String {
    format!(
        "{}_{}_{}_{}_{}_{}_{}.CSV",
        kind.prefix(),
        yyyymm(month),
        opts.from.office,
        opts.from.service_kind,
        opts.to.office,
        opts.to.service_kind,
        opts.timestamp
    )
}

/// Writes the plans as one send set: UPHOSOKU, UP1KYO, UP2KYO and UP3KYO
/// with one shared timestamp, every plan's records in each file. Nothing is
/// returned unless every character could be written (or substituted by the
/// caller's map).
pub fn export(plans: &[CarePlan], opts: &ExportOptions) -> Result<Exported, ExportError> {
    if plans.is_empty() {
        return Err(ExportError::NoPlans);
    }
    let mut w = Writer::new(opts);
    let (mut h, mut one, mut two, mut three) =
        (String::new(), String::new(), String::new(), String::new());
    for (i, plan) in plans.iter().enumerate() {
        let p = FieldPath::root().key("plans").index(i);
        h.push_str(&table1::hosoku(&mut w, plan, &p).to_line());
        one.push_str(&table1::up1kyo(&mut w, plan, &p).to_line());
        for row in table2::up2kyo(&mut w, plan, &p, opts.repeat_values)? {
            two.push_str(&row.to_line());
        }
        for row in table3::up3kyo(&mut w, plan, &p) {
            three.push_str(&row.to_line());
        }
    }
    w.finish(
        vec![
            (Kind::Hosoku, h),
            (Kind::T1, one),
            (Kind::T2, two),
            (Kind::T3, three),
        ],
        opts,
    )
}

/// Writes DLT1KYO: the withdrawal of plans already sent.
pub fn export_withdrawal(keys: &[PlanKey], opts: &ExportOptions) -> Result<Exported, ExportError> {
    withdrawal(Kind::Delete, keys, opts, |k| {
        Dlt1kyo {
            csv_version: CSV_VERSION.to_owned(),
            insurer_number: k.insurer.as_str().to_owned(),
            insured_number: k.insured.as_str().to_owned(),
            plan_date: ymd(k.plan_date),
        }
        .to_line()
    })
}

/// Writes 介護予防サービス・支援計画書 as one send set (送信単位「介護予防サービス・
/// 支援計画書」): UPYOBO and UPYOBO_SUB with one shared timestamp, every
/// plan's records in each file. Nothing is returned unless every character
/// could be written (or substituted by the caller's map).
pub fn export_preventive(
    plans: &[PreventivePlan],
    opts: &ExportOptions,
) -> Result<Exported, ExportError> {
    if plans.is_empty() {
        return Err(ExportError::NoPlans);
    }
    let mut w = Writer::new(opts);
    let (mut main, mut sub) = (String::new(), String::new());
    for (i, plan) in plans.iter().enumerate() {
        let p = FieldPath::root().key("plans").index(i);
        main.push_str(&yobo::upyobo(&mut w, plan, &p).to_line());
        for row in yobo::upyobo_sub(&mut w, plan, &p, opts.repeat_values)? {
            sub.push_str(&row.to_line());
        }
    }
    w.finish(vec![(Kind::Yobo, main), (Kind::YoboSub, sub)], opts)
}

/// Writes DLTYOBO: the withdrawal of 介護予防サービス・支援計画書 already sent.
pub fn export_preventive_withdrawal(
    keys: &[PlanKey],
    opts: &ExportOptions,
) -> Result<Exported, ExportError> {
    withdrawal(Kind::YoboDelete, keys, opts, |k| {
        Dltyobo {
            csv_version: CSV_VERSION.to_owned(),
            insurer_number: k.insurer.as_str().to_owned(),
            insured_number: k.insured.as_str().to_owned(),
            plan_date: ymd(k.plan_date),
        }
        .to_line()
    })
}

/// Writes 利用者基本情報 as one send set (送信単位「利用者基本情報」): UPKIHON,
/// UPKIHON_SUB1 and UPKIHON_SUB2 with one shared timestamp. A record with a
/// 家族構成 image gets in No.62 the name the standard gives it
/// ([`kihon_image_name`], 枝番 = the record's place in the file, from 1);
/// the JPEG is the caller's to send under that name.
pub fn export_kihon(records: &[Kihon], opts: &ExportOptions) -> Result<Exported, ExportError> {
    if records.is_empty() {
        return Err(ExportError::NoPlans);
    }
    let mut w = Writer::new(opts);
    let (mut main, mut sub1, mut sub2) = (String::new(), String::new(), String::new());
    for (i, k) in records.iter().enumerate() {
        let p = FieldPath::root().key("plans").index(i);
        let image = k
            .parts()
            .family
            .image
            .as_ref()
            .map(|_| kihon_image_name(opts, i + 1));
        main.push_str(&kihon::upkihon(&mut w, k, &p, image).to_line());
        for row in kihon::sub1(&mut w, k, &p) {
            sub1.push_str(&row.to_line());
        }
        for row in kihon::sub2(&mut w, k, &p) {
            sub2.push_str(&row.to_line());
        }
    }
    w.finish(
        vec![
            (Kind::Kihon, main),
            (Kind::KihonSub1, sub1),
            (Kind::KihonSub2, sub2),
        ],
        opts,
    )
}

/// Writes DLTKIHON: the withdrawal of 利用者基本情報 already sent (keyed by 相談日).
pub fn export_kihon_withdrawal(
    keys: &[PlanKey],
    opts: &ExportOptions,
) -> Result<Exported, ExportError> {
    withdrawal(Kind::KihonDelete, keys, opts, |k| {
        Dltkihon {
            csv_version: CSV_VERSION.to_owned(),
            insurer_number: k.insurer.as_str().to_owned(),
            insured_number: k.insured.as_str().to_owned(),
            consultation_date: ymd(k.plan_date),
        }
        .to_line()
    })
}
