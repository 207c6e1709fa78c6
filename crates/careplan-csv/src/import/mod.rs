//! Reading send sets back into plans: files into rows ([`read`]), rows
//! grouped by plan, each plan built a sheet at a time (a module per sheet),
//! then put together and checked by careplan-core. A violation careplan-core
//! reports is placed back at the file, line and field it came from.

// The helpers return `ImportError` by value: errors are collected, never on a hot path.
#![allow(clippy::result_large_err)]

mod kihon;
mod read;
mod sikyu;
mod table1;
mod table2;
mod table3;
mod usage;
mod values;
mod yobo;

use std::collections::{BTreeMap, BTreeSet};

use careplan_core::{
    CarePlan, FieldPath, Form, InsuredNumber, InsurerNumber, PlanParts, PlanStatus, Table2, Table3,
    Violation,
};

use crate::records::{Hosoku, Kind, Up1kyo};
use crate::{ImportError, ImportErrorCode, Imported, InputFile, PlanKey};
use values::{Row, checked, file_error, ymd};

pub(crate) use table1::split_wishes;
pub(crate) use table3::link;
pub use usage::{Actuals, ApplyError};
pub use values::parse_period;

/// The rows of one 利用者基本情報.
#[derive(Default)]
struct KihonRows {
    main: Option<Row>,
    sub1: Vec<Row>,
    sub2: Vec<Row>,
}

/// The rows of one 介護予防サービス・支援計画書.
#[derive(Default)]
struct YoboRows {
    main: Option<Row>,
    sub: Vec<Row>,
}

/// The rows of one month's 第6表.
#[derive(Default)]
struct UsageRows {
    hosoku: Option<Row>,
    plan: Vec<Row>,
    actual: Vec<Row>,
    sikyu: Vec<Row>,
}

/// The rows of one plan, by record.
#[derive(Default)]
struct PlanRows {
    hosoku: Option<Row>,
    t1: Option<Row>,
    t2: Vec<Row>,
    t3: Vec<Row>,
}

/// Where each part of a plan being built came from: the row of each
/// element, by the JSON path of the element (`table2.needs[0]`).
#[derive(Default)]
pub(crate) struct Origins<'a> {
    rows: Vec<(FieldPath, &'a Row)>,
}

impl<'a> Origins<'a> {
    /// Records that the element at `path` was read from `row`.
    pub fn add(&mut self, path: FieldPath, row: &'a Row) {
        self.rows.push((path, row));
    }

    /// The CSV location of a violation of the plan, from the field tables:
    /// the fields of the records that carry the violated field (or the
    /// nearest enclosing field the standard carries), in the tables' order,
    /// each looked for in the rows the element came from, innermost first;
    /// failing that, the innermost row alone.
    fn locate(&self, v: &Violation, form: Form) -> Option<(&'a Row, Option<u16>)> {
        let path = v.path();
        let candidates: Vec<&'a Row> = {
            let mut matching: Vec<&(FieldPath, &'a Row)> = self
                .rows
                .iter()
                .filter(|(p, _)| path.starts_with(p))
                .collect();
            matching.sort_by_key(|(p, _)| std::cmp::Reverse(p.as_str().len()));
            matching.into_iter().map(|(_, r)| *r).collect()
        };
        let tables = form.tables();
        // The field's own CSV fields, or those of the nearest enclosing field that has some.
        let mut prefix = path.clone();
        let csv = loop {
            if let Some((_, field)) = tables.resolve(&prefix)
                && !field.csv.is_empty()
            {
                break field.csv;
            }
            let text = prefix.as_str();
            let cut = text.rfind(['.', '[']).unwrap_or(0);
            if cut == 0 {
                break &[];
            }
            prefix = FieldPath::from_text(text.get(..cut).unwrap_or(""));
        };
        for f in csv {
            if let Some(row) = candidates.iter().find(|r| r.kind.prefix() == f.record) {
                return Some((row, Some(f.no)));
            }
        }
        candidates.first().map(|r| (*r, None))
    }
}

/// Reads any set of files (any order; several users and plans per file)
/// into plans. Files and plans with errors are reported; the others are
/// still read. A plan with any error is not returned at all.
pub fn import(files: &[InputFile]) -> Imported {
    let mut errors = Vec::new();
    let mut by_key: BTreeMap<PlanKey, PlanRows> = BTreeMap::new();
    let mut yobo_by_key: BTreeMap<PlanKey, YoboRows> = BTreeMap::new();
    let mut withdrawn = Vec::new();
    let mut withdrawn_preventive = Vec::new();
    let mut kihon_by_key: BTreeMap<PlanKey, KihonRows> = BTreeMap::new();
    let mut withdrawn_kihon = Vec::new();
    let mut failed: BTreeSet<PlanKey> = BTreeSet::new();
    let mut usage_by_key: BTreeMap<crate::MonthKey, UsageRows> = BTreeMap::new();
    let mut withdrawn_usage = Vec::new();
    let mut withdrawn_actuals = Vec::new();
    for f in files {
        let read = read::read_file(f);
        errors.extend(read.errors);
        failed.extend(read.bad_keys);
        for row in read.rows {
            if let Some(no) = read::month_field(&row) {
                match month_key_of(&row, no) {
                    Ok(k) => monthly(
                        row,
                        k,
                        &mut usage_by_key,
                        &mut withdrawn_usage,
                        &mut withdrawn_actuals,
                        &mut errors,
                    ),
                    Err(e) => errors.push(e),
                }
                continue;
            }
            let key = match key_of(&row) {
                Ok(k) => k,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            };
            match row.kind {
                Kind::Delete => withdrawn.push(key),
                Kind::Hosoku => by_key.entry(key).or_default().hosoku = Some(row),
                Kind::T1 => {
                    let entry = by_key.entry(key).or_default();
                    if entry.t1.is_some() {
                        errors.push(row.err(
                            Up1kyo::PLAN_DATE,
                            ImportErrorCode::DuplicateRecord,
                            "同じ計画の1表が2件あります",
                            "a second 1表 for the same plan",
                        ));
                    } else {
                        entry.t1 = Some(row);
                    }
                }
                Kind::T2 => by_key.entry(key).or_default().t2.push(row),
                Kind::T3 => by_key.entry(key).or_default().t3.push(row),
                Kind::Plan | Kind::Actual | Kind::PlanDelete | Kind::ActualDelete | Kind::Sikyu => {
                    // Read as monthly records above.
                }
                Kind::YoboDelete => withdrawn_preventive.push(key),
                Kind::Yobo => {
                    let entry = yobo_by_key.entry(key).or_default();
                    if entry.main.is_some() {
                        errors.push(row.err(
                            crate::records::Upyobo::PLAN_DATE,
                            ImportErrorCode::DuplicateRecord,
                            "同じ計画の介護予防サービス・支援計画書が2件あります",
                            "a second UPYOBO record for the same plan",
                        ));
                    } else {
                        entry.main = Some(row);
                    }
                }
                Kind::YoboSub => yobo_by_key.entry(key).or_default().sub.push(row),
                Kind::KihonDelete => withdrawn_kihon.push(key),
                Kind::Kihon => {
                    let entry = kihon_by_key.entry(key).or_default();
                    if entry.main.is_some() {
                        errors.push(row.err(
                            crate::records::Upkihon::CONSULTATION_DATE,
                            ImportErrorCode::DuplicateRecord,
                            "同じ利用者基本情報が2件あります",
                            "a second UPKIHON record for the same key",
                        ));
                    } else {
                        entry.main = Some(row);
                    }
                }
                Kind::KihonSub1 => kihon_by_key.entry(key).or_default().sub1.push(row),
                Kind::KihonSub2 => kihon_by_key.entry(key).or_default().sub2.push(row),
            }
        }
    }
    let mut plans = Vec::new();
    for (key, rows) in by_key {
        if failed.contains(&key) {
            // Its files had errors (reported above): not imported, not even in part.
            continue;
        }
        match build(&key, &rows) {
            Ok(plan) => plans.push((key, plan)),
            Err(errs) => errors.extend(errs.into_iter().map(|mut e| {
                e.plan = Some(key.clone());
                e
            })),
        }
    }
    let mut preventive = Vec::new();
    for (key, rows) in yobo_by_key {
        if failed.contains(&key) {
            continue;
        }
        let Some(main) = &rows.main else {
            if let Some(r) = rows.sub.first() {
                errors.push(ImportError {
                    plan: Some(key.clone()),
                    ..r.err(
                        read::key_field(r.kind),
                        ImportErrorCode::MissingRecord,
                        "対応する介護予防サービス・支援計画書（UPYOBO）がありません",
                        "no UPYOBO record for this 別表",
                    )
                });
            }
            continue;
        };
        match yobo::build(main, &rows.sub) {
            Ok(plan) => preventive.push((key, plan)),
            Err(errs) => errors.extend(errs.into_iter().map(|mut e| {
                e.plan = Some(key.clone());
                e
            })),
        }
    }
    let mut kihon = Vec::new();
    for (key, rows) in kihon_by_key {
        if failed.contains(&key) {
            continue;
        }
        let Some(main) = &rows.main else {
            if let Some(r) = rows.sub1.first().or(rows.sub2.first()) {
                errors.push(ImportError {
                    plan: Some(key.clone()),
                    ..r.err(
                        read::key_field(r.kind),
                        ImportErrorCode::MissingRecord,
                        "対応する利用者基本情報（UPKIHON）がありません",
                        "no UPKIHON record for this 別表",
                    )
                });
            }
            continue;
        };
        match kihon::build(main, &rows.sub1, &rows.sub2) {
            Ok(k) => kihon.push((key, k)),
            Err(errs) => errors.extend(errs.into_iter().map(|mut e| {
                e.plan = Some(key.clone());
                e
            })),
        }
    }
    let mut usage = Vec::new();
    let mut actuals = Vec::new();
    let mut table7 = Vec::new();
    for (mkey, rows) in usage_by_key {
        let Some(key) = loose_of(&mkey) else { continue };
        if failed.contains(&key) {
            continue;
        }
        let with_key = |errs: Vec<ImportError>| {
            errs.into_iter().map(|mut e| {
                e.plan = Some(key.clone());
                e
            })
        };
        // 第7表 travels with its 第6表 and UPHOSOKU (one 送信単位): a month
        // whose UPSIKYU has a problem gives no 第6表 either (a provider's
        // 実績 of the month, another 送信単位, is still read).
        let mut sheet_ok = true;
        let mut sent = None;
        if !rows.sikyu.is_empty() {
            match sikyu::build(&mkey, &rows.sikyu, rows.hosoku.as_ref()) {
                Ok(t) => sent = Some(t),
                Err(errs) => {
                    errors.extend(with_key(errs));
                    sheet_ok = false;
                }
            }
        } else if let Some(h) = &rows.hosoku {
            let mut errs = Vec::new();
            let (slots, over) = sikyu::kind_slots(h, &mut errs);
            if errs.is_empty() && (!slots.is_empty() || over.is_some()) {
                errs.push(h.err(
                    Hosoku::KIND1_CODE,
                    ImportErrorCode::StrayValue,
                    "種類別支給限度管理がありますが、第7表（UPSIKYU）がありません（読み捨てずに取り込みを止めます）",
                    "種類別支給限度管理 is given without its 第7表 (UPSIKYU): refused rather than dropped",
                ));
            }
            if !errs.is_empty() {
                errors.extend(with_key(errs));
                sheet_ok = false;
            }
        }
        if !rows.actual.is_empty() {
            match usage::actuals(&mkey, &rows.actual) {
                Ok(a) => actuals.extend(a),
                Err(errs) => errors.extend(errs.into_iter().map(|mut e| {
                    e.plan = Some(key.clone());
                    e
                })),
            }
        }
        if !sheet_ok {
            continue;
        }
        match (&rows.hosoku, rows.plan.first()) {
            (None, None) => {
                if let Some(r) = rows.sikyu.first() {
                    errors.push(ImportError {
                        plan: Some(key.clone()),
                        ..r.err(
                            crate::records::Upsikyu::TARGET_MONTH,
                            ImportErrorCode::MissingRecord,
                            "この第7表（UPSIKYU）に対応するサービス利用票（UPPLAN）と利用者補足情報（UPHOSOKU）がありません（同じ送信単位で送ります）",
                            "no UPPLAN and UPHOSOKU for this 第7表 (they travel in one send set)",
                        )
                    });
                }
            }
            (Some(h), None) => errors.push(ImportError {
                plan: Some(key.clone()),
                ..h.err(
                    Hosoku::TARGET_MONTH,
                    ImportErrorCode::MissingRecord,
                    "この利用者補足情報（対象年月あり）に対応するサービス利用票（UPPLAN）がありません",
                    "no UPPLAN record for this month's UPHOSOKU",
                )
            }),
            (None, Some(r)) => errors.push(ImportError {
                plan: Some(key.clone()),
                ..r.err(
                    crate::records::Upplan::TARGET_MONTH,
                    ImportErrorCode::MissingRecord,
                    "対応する利用者補足情報（UPHOSOKU、対象年月あり）がありません",
                    "no UPHOSOKU record of this user and month",
                )
            }),
            (Some(h), Some(_)) => match usage::build(h, &rows.plan) {
                Ok(u) => {
                    table7.extend(sent);
                    usage.push((mkey, u));
                }
                Err(errs) => errors.extend(errs.into_iter().map(|mut e| {
                    e.plan = Some(key.clone());
                    e
                })),
            },
        }
    }
    Imported {
        usage,
        table7,
        withdrawn_usage,
        actuals,
        withdrawn_actuals,
        plans,
        withdrawn,
        preventive,
        withdrawn_preventive,
        kihon,
        withdrawn_kihon,
        errors,
    }
}

/// Files a monthly row (UPPLAN, UPJSK, DLTPLAN, DLTJSK, or the UPHOSOKU of
/// a month) under its key.
fn monthly(
    row: Row,
    key: crate::MonthKey,
    usage_by_key: &mut BTreeMap<crate::MonthKey, UsageRows>,
    withdrawn_usage: &mut Vec<crate::MonthKey>,
    withdrawn_actuals: &mut Vec<(crate::MonthKey, careplan_core::OfficeNumber, String)>,
    errors: &mut Vec<ImportError>,
) {
    use crate::records::Dltjsk;
    match row.kind {
        Kind::Hosoku => {
            let entry = usage_by_key.entry(key).or_default();
            if entry.hosoku.is_some() {
                errors.push(row.err(
                    Hosoku::TARGET_MONTH,
                    ImportErrorCode::DuplicateRecord,
                    "同じ利用者・対象年月の利用者補足情報が2件あります",
                    "a second UPHOSOKU record for the same user and month",
                ));
            } else {
                entry.hosoku = Some(row);
            }
        }
        Kind::Plan => usage_by_key.entry(key).or_default().plan.push(row),
        Kind::Actual => usage_by_key.entry(key).or_default().actual.push(row),
        Kind::Sikyu => usage_by_key.entry(key).or_default().sikyu.push(row),
        Kind::PlanDelete => withdrawn_usage.push(key),
        Kind::ActualDelete => {
            let kind = row.get(Dltjsk::SERVICE_KIND).trim().to_owned();
            let office = checked(
                &row,
                Dltjsk::OFFICE_NUMBER,
                careplan_core::OfficeNumber::new,
            );
            let kind_ok = kind.len() == 2 && kind.bytes().all(|b| b.is_ascii_alphanumeric());
            match office {
                Ok(office) if kind_ok => withdrawn_actuals.push((key, office, kind)),
                Ok(_) => errors.push(row.err(
                    Dltjsk::SERVICE_KIND,
                    ImportErrorCode::Code,
                    format!("サービス種類コードは2文字です: {kind:?}"),
                    "a service kind code is 2 characters",
                )),
                Err(e) => errors.push(e),
            }
        }
        _ => {}
    }
}

/// The key of a monthly record (and of the UPHOSOKU of a month):
/// 保険者番号, 被保険者番号 and 対象年月 from field `no`.
fn month_key_of(row: &Row, no: u16) -> Result<crate::MonthKey, ImportError> {
    Ok(crate::MonthKey {
        insurer: checked(row, Up1kyo::INSURER_NUMBER, InsurerNumber::new)?,
        insured: checked(row, Up1kyo::INSURED_NUMBER, InsuredNumber::new)?,
        month: usage::month(row, no)?,
    })
}

/// The key a bad file's rows are remembered by: a monthly one's is the
/// first day of its 対象年月 (as `read` gives it).
fn loose_of(k: &crate::MonthKey) -> Option<PlanKey> {
    Some(PlanKey {
        insurer: k.insurer.clone(),
        insured: k.insured.clone(),
        plan_date: k.month.first_day()?,
    })
}

/// The key of a row: 保険者番号, 被保険者番号 and 居宅サービス計画作成（変更）日.
fn key_of(row: &Row) -> Result<PlanKey, ImportError> {
    // Every record carries 保険者番号 and 被保険者番号 as No.2 and No.3.
    let insurer = checked(row, Up1kyo::INSURER_NUMBER, InsurerNumber::new)?;
    let insured = checked(row, Up1kyo::INSURED_NUMBER, InsuredNumber::new)?;
    let plan_date = ymd(row, read::key_field(row.kind))?;
    Ok(PlanKey {
        insurer,
        insured,
        plan_date,
    })
}

fn build(key: &PlanKey, rows: &PlanRows) -> Result<CarePlan, Vec<ImportError>> {
    let Some(r1) = &rows.t1 else {
        let first = rows.t2.first().or(rows.t3.first()).or(rows.hosoku.as_ref());
        return Err(vec![match first {
            Some(r) => r.err(
                read::key_field(r.kind),
                ImportErrorCode::MissingRecord,
                "対応する1表（UP1KYO）がありません",
                "no 1表 for this 2表/3表/補足情報",
            ),
            None => file_error(
                "?",
                None,
                ImportErrorCode::MissingRecord,
                "1表がありません",
                "no 1表",
            ),
        }]);
    };
    let Some(rh) = &rows.hosoku else {
        return Err(vec![r1.err(
            Up1kyo::PLAN_DATE,
            ImportErrorCode::MissingRecord,
            "対応する利用者補足情報（UPHOSOKU）がありません",
            "no 利用者補足情報 for this 1表",
        )]);
    };
    let mut errors = Vec::new();
    let mut origins = Origins::default();
    let table1 = table1::build(key, rh, r1, &mut origins, &mut errors);
    let table2 = table2::build(r1, &rows.t2, &mut origins, &mut errors);
    let table3 = table2.as_ref().and_then(|t2| {
        table3::build(
            &rows.t3,
            &t2.0,
            table1.as_ref().map(|t| t.plan_date),
            &mut origins,
            &mut errors,
        )
    });
    if !errors.is_empty() {
        return Err(errors);
    }
    let parts = (|| {
        let table1 = table1?;
        let (table2, t2_created) = table2?;
        let table3 = table3?;
        let created = table1.created_on;
        Some(PlanParts {
            status: PlanStatus::Final,
            table1,
            table2: Table2 {
                created_on: t2_created.filter(|d| *d != created),
                ..table2
            },
            table3: Table3 {
                created_on: table3.created_on.filter(|d| *d != created),
                ..table3
            },
        })
    })();
    let Some(parts) = parts else {
        return Err(vec![r1.err(
            Up1kyo::PLAN_DATE,
            ImportErrorCode::MissingRecord,
            "計画を組み立てられません",
            "the plan could not be assembled",
        )]);
    };
    CarePlan::new(parts).map_err(|e| {
        e.violations()
            .iter()
            .map(|v| form_rule(v, &origins, r1, Form::Kyotaku))
            .collect()
    })
}

/// An error for a violation careplan-core found in the assembled plan, at
/// the row and field it came from.
fn form_rule(v: &Violation, origins: &Origins, r1: &Row, form: Form) -> ImportError {
    let ja = format!("計画書の規則に反します：{}", v.message_ja());
    let en = format!("breaks a rule of the form: {}", v.message_en());
    let e = match origins.locate(v, form) {
        Some((row, Some(no))) => row.err(no, ImportErrorCode::FormRule, ja, en),
        Some((row, None)) => {
            file_error(&row.file, Some(row.line), ImportErrorCode::FormRule, ja, en)
        }
        None => file_error(&r1.file, Some(r1.line), ImportErrorCode::FormRule, ja, en),
    };
    ImportError {
        rule: Some(v.rule()),
        violation: Some(v.clone()),
        ..e
    }
}
