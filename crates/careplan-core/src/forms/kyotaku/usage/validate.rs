//! The rules of 第6表: each field's format, then the rules between fields
//! (the 変更日 in the month, the month inside the 限度額適用期間, days the
//! month has, in order, the 区分支給限度基準額 the level and month give),
//! every violation reported with its path.

use chrono::Datelike;

use super::fields::{
    FORM_CODE, day_count, document as f, level_change, month_range, planner, row, user,
};
use super::wire::{
    DayCountDoc, LevelChangeDoc, MonthRangeDoc, UsageDocument, UsagePlannerDoc, UsageRowDoc,
    UsageUserDoc,
};
use super::{
    DayCount, LevelChange, MAX_COUNT, MAX_DAYS_BEFORE, MonthRange, Usage, UsageParts, UsagePlanner,
    UsageRow, UsageUser, applied_level, days_in_month,
};
use crate::certification::Level;
use crate::codes::{CertificationStatus, Sex};
use crate::document::Form;
use crate::error::{Error, Rule, Violation};
use crate::path::FieldPath;
use crate::service_codes::ServiceCode;
use crate::text::{InsuredNumber, InsurerNumber, Kana, OfficeNumber, PhoneNumber};
use crate::time::{TimeOfDay, TimeRange, YearMonth};
use crate::units::{Units, limit_units};
use crate::validation::{Ctx, is_blank};

/// Checks the document and builds the sheet, or reports every violation.
pub(super) fn build(doc: &UsageDocument) -> Result<Usage, Error> {
    build_as(doc, false)
}

/// `nested`: held by a case file, where `form` may be left out.
pub(super) fn build_as(doc: &UsageDocument, nested: bool) -> Result<Usage, Error> {
    let mut ctx = Ctx::new(Form::Usage);
    let cx = &mut ctx;
    let root = FieldPath::root();
    if !(nested && doc.form.is_none()) {
        let _ = cx.code(&f::FORM.of(&root), doc.form.as_ref(), &[FORM_CODE], |c| {
            (c == FORM_CODE).then_some(())
        });
    }
    let pm = f::MONTH.of(&root);
    let month = cx.checked(&pm, doc.month.as_ref(), YearMonth::parse);
    let created_on = cx.date(&f::CREATED_ON.of(&root), doc.created_on.as_ref());
    let pu = f::USER.of(&root);
    let user = cx
        .required(&pu, doc.user.as_ref())
        .and_then(|u| usage_user(cx, &pu, u, month));
    let level = cx.code(
        &f::LEVEL.of(&root),
        doc.level.as_ref(),
        Level::CODES,
        Level::from_code,
    );
    let ps = f::CERTIFICATION_STATUS.of(&root);
    let status = match cx.opt_code(
        &ps,
        doc.certification_status.as_ref(),
        CertificationStatus::CODES,
        CertificationStatus::from_code,
    ) {
        Some(None) if level.is_some_and(|l| l != Level::BusinessTarget) => {
            cx.push(Violation::new(ps, Rule::Required).with_detail(
                "認定済・申請中 is required but for a 事業対象者 (事業対象者以外は必須)",
            ));
            None
        }
        s => s,
    };
    let pc = f::LEVEL_CHANGE.of(&root);
    let change = match &doc.level_change {
        None => Some(None),
        Some(c) => change(cx, &pc, c, month, level).map(Some),
    };
    let pl = f::LIMIT_PERIOD.of(&root);
    let limit_period = match &doc.limit_period {
        None => {
            if status == Some(Some(CertificationStatus::Certified)) {
                cx.push(
                    Violation::new(pl.clone(), Rule::Required)
                        .with_detail("認定済 takes the 限度額適用期間 (認定済の場合は必須)"),
                );
                None
            } else {
                Some(None)
            }
        }
        Some(r) => month_range(cx, &pl, r).map(Some),
    };
    if let (Some(Some(range)), Some(m)) = (limit_period, month)
        && !range.contains(m)
    {
        cx.push(
            Violation::new(pm.clone(), Rule::PeriodOutsideParent)
                .with_value(m.to_string())
                .with_detail(format!("{pl} is {}～{}", range.start, range.end)),
        );
    }
    let plu = f::LIMIT_UNITS.of(&root);
    let written_limit = match doc.limit_units {
        None => Some(None),
        Some(n) if (0..=9_999_999).contains(&n) => Some(Some(Units::new(n))),
        Some(n) => {
            cx.push(
                Violation::new(plu.clone(), Rule::NumberOutOfRange)
                    .with_value(n.to_string())
                    .with_detail("0–9,999,999"),
            );
            None
        }
    };
    let limit = match (level, change, written_limit, month) {
        (Some(level), Some(change), Some(written), Some(month)) => {
            limit(cx, &plu, applied_level(level, change), written, month)
        }
        _ => None,
    };
    let pd = f::SHORT_STAY_DAYS_BEFORE.of(&root);
    let days_before = match doc.short_stay_days_before {
        None => Some(None),
        Some(n) => match u32::try_from(n) {
            Ok(d) if d <= MAX_DAYS_BEFORE => Some(Some(d)),
            _ => {
                cx.push(
                    Violation::new(pd, Rule::NumberOutOfRange)
                        .with_value(n.to_string())
                        .with_detail(format!("0–{MAX_DAYS_BEFORE}")),
                );
                None
            }
        },
    };
    let pp = f::PLANNER.of(&root);
    let planner = cx
        .required(&pp, doc.planner.as_ref())
        .and_then(|p| usage_planner(cx, &pp, p));
    let pr = f::ROWS.of(&root);
    let rows = cx
        .non_empty(&pr, doc.rows.as_ref())
        .and_then(|list| cx.each(&pr, list, |cx, p, r| usage_row(cx, p, r, month)));

    let built = (|| {
        Some(Usage {
            parts: UsageParts {
                month: month?,
                created_on: created_on?,
                certification_status: status?,
                user: user?,
                level: level?,
                level_change: change?,
                limit_units: written_limit?,
                limit_period: limit_period?,
                short_stay_days_before: days_before?,
                planner: planner?,
                rows: rows?,
            },
            limit: limit?,
        })
    })();
    match (built, ctx.into_error()) {
        (_, Some(e)) => Err(e),
        (Some(u), None) => Ok(u),
        (None, None) => {
            debug_assert!(false, "a part is missing but no violation was reported");
            Err(Error::single(
                Violation::new(FieldPath::root(), Rule::Required).in_form(Form::Usage),
            ))
        }
    }
}

fn usage_user(
    cx: &mut Ctx,
    p: &FieldPath,
    u: &UsageUserDoc,
    month: Option<YearMonth>,
) -> Option<UsageUser> {
    let insurer_number = cx.checked(
        &user::INSURER_NUMBER.of(p),
        u.insurer_number.as_ref(),
        InsurerNumber::new,
    );
    let insurer_name = cx.opt_text(&user::INSURER_NAME.of(p), u.insurer_name.as_ref());
    let insured_number = cx.checked(
        &user::INSURED_NUMBER.of(p),
        u.insured_number.as_ref(),
        InsuredNumber::new,
    );
    let name_kana = cx.opt(&user::NAME_KANA.of(p), u.name_kana.as_ref(), Kana::new);
    let name = cx.name(&user::NAME.of(p), u.name.as_ref());
    let pb = user::BIRTH_DATE.of(p);
    let birth_date = cx.date(&pb, u.birth_date.as_ref());
    if let (Some(b), Some(first)) = (birth_date, month.and_then(YearMonth::first_day))
        && b >= first
    {
        cx.push(
            Violation::new(pb, Rule::DateOrder)
                .with_value(b.to_string())
                .with_detail(format!("must be before the month ({first})")),
        );
    }
    let sex = cx.code(&user::SEX.of(p), u.sex.as_ref(), Sex::CODES, Sex::from_code);
    Some(UsageUser {
        insurer_number: insurer_number?,
        insurer_name,
        insured_number: insured_number?,
        name_kana,
        name: name?,
        birth_date: birth_date?,
        sex: sex?,
    })
}

fn change(
    cx: &mut Ctx,
    p: &FieldPath,
    c: &LevelChangeDoc,
    month: Option<YearMonth>,
    before: Option<Level>,
) -> Option<LevelChange> {
    let pl = level_change::LEVEL.of(p);
    let level = cx.code(&pl, c.level.as_ref(), Level::CODES, Level::from_code);
    if let (Some(l), Some(b)) = (level, before)
        && l == b
    {
        cx.push(Violation::new(pl, Rule::LevelUnchanged).with_value(l.code()));
    }
    let pd = level_change::DATE.of(p);
    let date = cx.date(&pd, c.date.as_ref());
    if let (Some(d), Some(m)) = (date, month)
        && !(d.year() == m.year() && d.month() == m.month() && d.day() > 1)
    {
        cx.push(
            Violation::new(pd, Rule::DateOutsideMonth)
                .with_value(d.to_string())
                .with_detail(format!("a day of {m} after the 1st")),
        );
        return None;
    }
    Some(LevelChange {
        level: level.filter(|l| Some(*l) != before)?,
        date: date?,
    })
}

fn month_range(cx: &mut Ctx, p: &FieldPath, r: &MonthRangeDoc) -> Option<MonthRange> {
    let start = cx.checked(
        &month_range::START.of(p),
        r.start.as_ref(),
        YearMonth::parse,
    );
    let pe = month_range::END.of(p);
    let end = cx.checked(&pe, r.end.as_ref(), YearMonth::parse);
    let (start, end) = (start?, end?);
    if end < start {
        cx.push(
            Violation::new(pe, Rule::DateOrder)
                .with_value(end.to_string())
                .with_detail(format!("start {start}")),
        );
        return None;
    }
    Some(MonthRange { start, end })
}

/// The limit that applies: the table's for the level and month, which a
/// written figure must equal; a 事業対象者's, which must be written.
fn limit(
    cx: &mut Ctx,
    p: &FieldPath,
    level: Level,
    written: Option<Units>,
    month: YearMonth,
) -> Option<Units> {
    match (limit_units(level, month), written) {
        (Ok(table), None) => Some(table),
        (Ok(table), Some(w)) if w == table => Some(table),
        (Ok(table), Some(w)) => {
            cx.push(
                Violation::new(p.clone(), Rule::LimitMismatch)
                    .with_value(w.get().to_string())
                    .with_detail(format!(
                        "{} in {month}: {} units",
                        level.label_ja(),
                        table.get()
                    )),
            );
            None
        }
        (Err(_), Some(w)) => Some(w),
        (Err(e), None) => {
            cx.push(
                Violation::new(p.clone(), Rule::Required).with_detail(format!(
                    "{e} (事業対象者の区分支給限度基準額は市町村が定めるため記入が必要)"
                )),
            );
            None
        }
    }
}

fn usage_planner(cx: &mut Ctx, p: &FieldPath, d: &UsagePlannerDoc) -> Option<UsagePlanner> {
    let office_number = cx.checked(
        &planner::OFFICE_NUMBER.of(p),
        d.office_number.as_ref(),
        OfficeNumber::new,
    );
    let office_name = cx.opt_text(&planner::OFFICE_NAME.of(p), d.office_name.as_ref());
    let name = cx.text(&planner::NAME.of(p), d.name.as_ref());
    let phone = cx.opt(&planner::PHONE.of(p), d.phone.as_ref(), PhoneNumber::new);
    Some(UsagePlanner {
        office_number: office_number?,
        office_name,
        name: name?,
        phone,
    })
}

/// One grid row of the document form, checked as a row of a 第6表 of
/// `month` at `at` (`rows[3]`): every violation, with its path.
pub(super) fn row(doc: &UsageRowDoc, month: YearMonth, at: &FieldPath) -> Result<UsageRow, Error> {
    let mut ctx = Ctx::new(Form::Usage);
    let row = usage_row(&mut ctx, at, doc, Some(month));
    match (ctx.into_error(), row) {
        (None, Some(r)) => Ok(r),
        (Some(e), _) => Err(e),
        (None, None) => Err(Error::single(
            Violation::new(at.clone(), Rule::Required).in_form(Form::Usage),
        )),
    }
}

fn usage_row(
    cx: &mut Ctx,
    p: &FieldPath,
    r: &UsageRowDoc,
    month: Option<YearMonth>,
) -> Option<UsageRow> {
    let ps = row::START.of(p);
    let pe = row::END.of(p);
    let start = cx.opt(&ps, r.start.as_ref(), TimeOfDay::parse);
    let end = cx.opt(&pe, r.end.as_ref(), TimeOfDay::parse);
    let has = |v: &Option<String>| v.as_ref().is_some_and(|s| !is_blank(s));
    let time = match (start, end) {
        (Some(s), Some(e)) => cx.ordered(&pe, TimeRange::new(s, e), e, s).map(Some),
        _ if has(&r.start) != has(&r.end) => {
            let missing = if has(&r.start) { pe } else { ps };
            cx.push(
                Violation::new(missing, Rule::Required)
                    .with_detail("提供時間帯 takes both start and end (開始と終了の両方)"),
            );
            None
        }
        _ if has(&r.start) => None,
        _ => Some(None),
    };
    let service = cx.opt_text(&row::SERVICE.of(p), r.service.as_ref());
    let code = cx.checked(&row::CODE.of(p), r.code.as_ref(), |c| {
        ServiceCode::new(c).map_err(|_| Rule::ServiceCodeFormat)
    });
    let office_number = cx.checked(
        &row::OFFICE_NUMBER.of(p),
        r.office_number.as_ref(),
        OfficeNumber::new,
    );
    let office_name = cx.opt_text(&row::OFFICE_NAME.of(p), r.office_name.as_ref());
    let tais_code = cx.opt(&row::TAIS_CODE.of(p), r.tais_code.as_ref(), equipment_code);
    let notified_code = cx.opt(
        &row::NOTIFIED_CODE.of(p),
        r.notified_code.as_ref(),
        equipment_code,
    );
    let equipment_name = cx.opt_text(&row::EQUIPMENT_NAME.of(p), r.equipment_name.as_ref());
    let detail_number = match r.detail_number {
        None => Some(None),
        Some(n) => match u8::try_from(n) {
            Ok(n @ 1..=99) => Some(Some(n)),
            _ => {
                cx.push(
                    Violation::new(row::DETAIL_NUMBER.of(p), Rule::NumberOutOfRange)
                        .with_value(n.to_string())
                        .with_detail("1–99"),
                );
                None
            }
        },
    };
    let last = month.map(days_in_month);
    let pp = row::PLANNED.of(p);
    let planned = days(cx, &pp, r.planned.as_deref().unwrap_or_default(), last);
    let actual = days(
        cx,
        &row::ACTUAL.of(p),
        r.actual.as_deref().unwrap_or_default(),
        last,
    );
    if r.planned.as_ref().is_none_or(Vec::is_empty) && r.actual.as_ref().is_none_or(Vec::is_empty) {
        cx.push(
            Violation::new(pp, Rule::Required)
                .with_detail("a row has 予定 or 実績 days (予定・実績のいずれか)"),
        );
        return None;
    }
    Some(UsageRow {
        time: time?,
        service,
        code: code?,
        office_number: office_number?,
        office_name,
        over_30_days: r.over_30_days.unwrap_or(false),
        tais_code,
        notified_code,
        equipment_name,
        detail_number: detail_number?,
        planned: planned?,
        actual: actual?,
    })
}

/// A TAISコード or 福祉用具届出コード (`EQUIPMENT_CODE_PATTERN` in the field tables).
pub fn equipment_code(s: &str) -> Result<crate::Text, Rule> {
    let ok = s.chars().count() <= 12
        && s.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '－');
    if ok {
        crate::Text::new(s)
    } else {
        Err(Rule::EquipmentCodeFormat)
    }
}

/// A row's 予定 or 実績: days the month has, each once and in order, each
/// counted 1 to [`MAX_COUNT`] times.
fn days(
    cx: &mut Ctx,
    p: &FieldPath,
    list: &[DayCountDoc],
    last: Option<u8>,
) -> Option<Vec<DayCount>> {
    let mut previous: Option<u8> = None;
    cx.each(p, list, |cx, p, d| {
        let pd = day_count::DAY.of(p);
        let day = match cx.required(&pd, d.day.as_ref()) {
            None => None,
            Some(&n) => match u8::try_from(n) {
                Ok(day) if day >= 1 && last.is_none_or(|l| day <= l) => Some(day),
                _ => {
                    cx.push(
                        Violation::new(pd.clone(), Rule::DayNotInMonth)
                            .with_value(n.to_string())
                            .with_detail(match last {
                                Some(l) => format!("1–{l}"),
                                None => "1–31".to_owned(),
                            }),
                    );
                    None
                }
            },
        };
        if let (Some(day), Some(before)) = (day, previous)
            && day <= before
        {
            cx.push(
                Violation::new(pd, Rule::DayOrder)
                    .with_value(day.to_string())
                    .with_detail(format!("after day {before}")),
            );
        }
        if let Some(day) = day {
            previous = Some(previous.map_or(day, |b| b.max(day)));
        }
        let pc = day_count::COUNT.of(p);
        let count = match d.count {
            None => Some(1),
            Some(n) => match u8::try_from(n) {
                Ok(c) if (1..=MAX_COUNT).contains(&c) => Some(c),
                _ => {
                    cx.push(
                        Violation::new(pc, Rule::NumberOutOfRange)
                            .with_value(n.to_string())
                            .with_detail(format!("1–{MAX_COUNT}")),
                    );
                    None
                }
            },
        };
        Some(DayCount {
            day: day?,
            count: count?,
        })
    })
    .and_then(|v| {
        // An order violation leaves each day valid on its own: refuse the list.
        v.windows(2)
            .all(|w| matches!(w, [a, b] if a.day < b.day))
            .then_some(v)
    })
}

/// The document form of the parts (`form` written).
pub(super) fn document(p: &UsageParts) -> UsageDocument {
    UsageDocument {
        schema: None,
        form: Some(FORM_CODE.to_owned()),
        month: Some(p.month.to_string()),
        created_on: Some(p.created_on.to_string()),
        certification_status: p.certification_status.map(|c| c.code().to_owned()),
        user: Some(UsageUserDoc {
            insurer_number: Some(p.user.insurer_number.as_str().to_owned()),
            insurer_name: p.user.insurer_name.as_ref().map(|t| t.as_str().to_owned()),
            insured_number: Some(p.user.insured_number.as_str().to_owned()),
            name_kana: p.user.name_kana.as_ref().map(|k| k.as_str().to_owned()),
            name: Some(p.user.name.as_str().to_owned()),
            birth_date: Some(p.user.birth_date.to_string()),
            sex: Some(p.user.sex.code().to_owned()),
        }),
        level: Some(p.level.code().to_owned()),
        level_change: p.level_change.map(|c| LevelChangeDoc {
            level: Some(c.level.code().to_owned()),
            date: Some(c.date.to_string()),
        }),
        limit_units: p.limit_units.map(Units::get),
        limit_period: p.limit_period.map(|r| MonthRangeDoc {
            start: Some(r.start.to_string()),
            end: Some(r.end.to_string()),
        }),
        short_stay_days_before: p.short_stay_days_before.map(i64::from),
        planner: Some(UsagePlannerDoc {
            office_number: Some(p.planner.office_number.as_str().to_owned()),
            office_name: p
                .planner
                .office_name
                .as_ref()
                .map(|t| t.as_str().to_owned()),
            name: Some(p.planner.name.as_str().to_owned()),
            phone: p.planner.phone.as_ref().map(|t| t.as_str().to_owned()),
        }),
        rows: Some(p.rows.iter().map(row_document).collect()),
    }
}

/// The document form of one grid row.
pub(super) fn row_document(r: &UsageRow) -> UsageRowDoc {
    let text = |t: &Option<crate::Text>| t.as_ref().map(|t| t.as_str().to_owned());
    let days = |list: &[DayCount]| {
        (!list.is_empty()).then(|| {
            list.iter()
                .map(|d| DayCountDoc {
                    day: Some(i64::from(d.day)),
                    count: (d.count != 1).then_some(i64::from(d.count)),
                })
                .collect()
        })
    };
    UsageRowDoc {
        start: r.time.map(|t| t.start().to_string()),
        end: r.time.map(|t| t.end().to_string()),
        service: text(&r.service),
        code: Some(r.code.as_str().to_owned()),
        office_number: Some(r.office_number.as_str().to_owned()),
        office_name: text(&r.office_name),
        over_30_days: r.over_30_days.then_some(true),
        tais_code: text(&r.tais_code),
        notified_code: text(&r.notified_code),
        equipment_name: text(&r.equipment_name),
        detail_number: r.detail_number.map(i64::from),
        planned: days(&r.planned),
        actual: days(&r.actual),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_change_on_the_first_or_in_another_month_is_refused() {
        let m = YearMonth::new(2025, 4).ok();
        for (d, ok) in [
            ("2025-04-01", false),
            ("2025-04-02", true),
            ("2025-04-30", true),
            ("2025-05-01", false),
        ] {
            let mut ctx = Ctx::new(Form::Usage);
            let doc = LevelChangeDoc {
                level: Some("care_3".into()),
                date: Some(d.into()),
            };
            let got = change(&mut ctx, &FieldPath::root(), &doc, m, Some(Level::Care2));
            assert_eq!(got.is_some(), ok, "{d}");
            if ok {
                assert_eq!(got.map(|c| c.date), Some(date(d)));
            }
        }
    }
}
