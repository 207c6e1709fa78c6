//! 第6表 as UPHOSOKU (its head, 対象年月 set, 作成日 00000000) and UPPLAN
//! (予定, one row per service × day); its 実績 as UPJSK (one provider's
//! rows); and the withdrawals DLTPLAN and DLTJSK.

use careplan_core::forms::kyotaku::usage::fields::{
    document as f, planner as fp, row as fr, user as fu,
};
use careplan_core::forms::kyotaku::usage::table7::{Basis, Table7};
use careplan_core::forms::kyotaku::usage::{DayCount, Usage, UsageRow};
use careplan_core::units::Units;
use careplan_core::{FieldPath, YearMonth};

use super::{Writer, csv_code, ymd};
use crate::records::{Dltjsk, Dltplan, Hosoku, Kind, Upplan, Upsikyu};
use crate::{
    CSV_VERSION, ExportError, ExportOptions, Exported, KIND_SLOTS, MonthKey, SentTable7, UsageSheet,
};

/// サービス開始・終了時刻 of a service without a time.
pub(crate) const NO_TIME: &str = "9999";

/// The month of a send set: every sheet's, which must be one (「１ファイル内は
/// 単月のサービス提供年月の情報のみとする」).
fn one_month(months: impl IntoIterator<Item = YearMonth>) -> Result<YearMonth, ExportError> {
    let mut months = months.into_iter();
    let first = months.next().ok_or(ExportError::NoPlans)?;
    if let Some(other) = months.find(|m| *m != first) {
        return Err(ExportError::Options {
            ja: format!(
                "1つの送信単位には1か月分だけを書けます（{first} と {other}）: 月ごとに書き出してください"
            ),
            en: format!("one send set holds one month ({first} and {other}): export each month"),
        });
    }
    Ok(first)
}

/// `YYYYMM`.
pub(crate) fn yyyymm(m: YearMonth) -> String {
    format!("{:04}{:02}", m.year(), m.month())
}

/// The 単位数 of one count of row `i` (UPPLAN/UPJSK No.8, 割引後): from the
/// 第7表 computed from the sheet; a rate-based 加算 has none per count and
/// is written 0 (「単位数を計算できない場合は0を設定」).
fn units(t: &Table7, r: &UsageRow, path: &FieldPath) -> Result<Units, ExportError> {
    t.groups
        .iter()
        .filter(|g| g.office_number == r.office_number)
        .flat_map(|g| &g.rows)
        .find(|d| d.code == r.code)
        .map(|d| d.units_per_count().unwrap_or(Units::ZERO))
        .ok_or_else(|| ExportError::Options {
            ja: format!(
                "{path}: 第7表にサービスコード {} がありません（この第6表から計算した第7表を渡してください）",
                r.code.as_str()
            ),
            en: format!(
                "{path}: the 第7表 has no row for code {} (pass the 第7表 computed from this sheet)",
                r.code.as_str()
            ),
        })
}

/// The path of sheet `i` in an export's input, for the paths of characters
/// MS932 cannot carry.
fn sheet_path(i: usize) -> FieldPath {
    FieldPath::root().key("sheets").index(i)
}

/// UPHOSOKU for a 第6表: the user and the month's 区分 and 限度額, and
/// from its 第7表 the 種類別支給限度管理 (R20–R55, a slot per kind given a
/// 種類支給限度, [`KIND_SLOTS`] at most) and R56.
fn hosoku(
    w: &mut Writer,
    u: &Usage,
    sent: &SentTable7,
    base: &FieldPath,
) -> Result<Hosoku, ExportError> {
    if sent.kinds.len() > KIND_SLOTS {
        return Err(ExportError::Options {
            ja: format!(
                "{base}: 種類支給限度のある種類が {} あります（利用者補足情報の枠は {KIND_SLOTS} までです）",
                sent.kinds.len()
            ),
            en: format!(
                "{base}: {} kinds have a 種類支給限度 (UPHOSOKU has {KIND_SLOTS} slots)",
                sent.kinds.len()
            ),
        });
    }
    let mut h = hosoku_head(w, u, base);
    let n = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
    for (i, k) in sent.kinds.iter().enumerate() {
        // Slot i's four fields start at R20 + 4i.
        let first = Hosoku::KIND1_CODE + 4 * i as u16;
        let values = [k.kind.clone(), n(k.limit), n(k.total), n(k.over)];
        for (j, v) in values.into_iter().enumerate() {
            if let Some(f) = h.field_mut(first + j as u16) {
                *f = v;
            }
        }
    }
    h.total_over = n(sent.kinds_over);
    Ok(h)
}

/// UPHOSOKU's head for a 第6表: the user and the month's 区分 and 限度額.
fn hosoku_head(w: &mut Writer, u: &Usage, base: &FieldPath) -> Hosoku {
    let p = u.parts();
    let pu = f::USER.of(base);
    // With a change in the month, No.18 holds the new level, No.17 its
    // day and No.59 the level before it.
    let (level, changed_on, previous) = match p.level_change {
        Some(c) => (c.level, ymd(c.date), csv_code(p.level.csv_code())),
        None => (p.level, String::new(), String::new()),
    };
    let (limit_start, limit_end) = p
        .limit_period
        .and_then(|r| Some((ymd(r.start.first_day()?), ymd(r.end.last_day()?))))
        .unwrap_or_default();
    Hosoku {
        csv_version: CSV_VERSION.to_owned(),
        insurer_number: p.user.insurer_number.as_str().to_owned(),
        insured_number: p.user.insured_number.as_str().to_owned(),
        plan_date: "00000000".to_owned(),
        name_kana: w.opt_text(
            &fu::NAME_KANA.of(&pu),
            p.user.name_kana.as_ref().map(|k| k.as_str()),
        ),
        name: w.text(&fu::NAME.of(&pu), p.user.name.as_str()),
        sex: csv_code(p.user.sex.csv_code()),
        birth_date: ymd(p.user.birth_date),
        limit_start,
        limit_end,
        certification_status: p
            .certification_status
            .and_then(|s| s.csv_code())
            .unwrap_or_default()
            .to_owned(),
        care_level_changed_on: changed_on,
        care_level: csv_code(level.csv_code()),
        limit_units: u.limit_units().get().to_string(),
        days_before_admission: p
            .short_stay_days_before
            .map(|d| d.to_string())
            .unwrap_or_default(),
        previous_care_level: previous,
        vendor_code: p.planner.office_number.as_str().to_owned(),
        target_month: yyyymm(p.month),
        ..Hosoku::default()
    }
}

/// The grid records of one sheet: a record per row × day of `line`
/// (予定 or 実績) for the rows `keep` selects, all in the 25-field layout.
fn grid(
    w: &mut Writer,
    sheet: &UsageSheet,
    index: usize,
    line: fn(&UsageRow) -> &[DayCount],
    keep: &dyn Fn(&UsageRow) -> bool,
    vendor: &str,
) -> Result<Vec<Upplan>, ExportError> {
    let u = sheet.usage;
    let p = u.parts();
    let base = sheet_path(index);
    let mut out = Vec::new();
    for (i, r) in p.rows.iter().enumerate() {
        if !keep(r) || line(r).is_empty() {
            continue;
        }
        let pr = f::ROWS.of(&base).index(i);
        let units = units(sheet.table7, r, &pr)?;
        let (start, end) = match r.time {
            Some(t) => (super::hhmm(t.start()), super::hhmm(t.end())),
            None => (NO_TIME.to_owned(), NO_TIME.to_owned()),
        };
        let office_name = w.opt_text(
            &fr::OFFICE_NAME.of(&pr),
            r.office_name.as_ref().map(|t| t.as_str()),
        );
        let equipment_name = w.opt_text(
            &fr::EQUIPMENT_NAME.of(&pr),
            r.equipment_name.as_ref().map(|t| t.as_str()),
        );
        let tais_code = w.opt_text(
            &fr::TAIS_CODE.of(&pr),
            r.tais_code.as_ref().map(|t| t.as_str()),
        );
        let notified_code = w.opt_text(
            &fr::NOTIFIED_CODE.of(&pr),
            r.notified_code.as_ref().map(|t| t.as_str()),
        );
        let planner_name = w.text(&fp::NAME.of(&f::PLANNER.of(&base)), p.planner.name.as_str());
        for d in line(r) {
            let date = p.month.day(u32::from(d.day)).map(ymd).unwrap_or_default();
            out.push(Upplan {
                csv_version: CSV_VERSION.to_owned(),
                insurer_number: p.user.insurer_number.as_str().to_owned(),
                insured_number: p.user.insured_number.as_str().to_owned(),
                created_on: ymd(p.created_on),
                target_month: yyyymm(p.month),
                planner_office: p.planner.office_number.as_str().to_owned(),
                planner_name: planner_name.clone(),
                units: units.get().to_string(),
                short_stay_days_before: p
                    .short_stay_days_before
                    .map(|n| n.to_string())
                    .unwrap_or_default(),
                date,
                prorated_days: String::new(),
                start: start.clone(),
                end: end.clone(),
                count: d.count.to_string(),
                service_code: r.code.as_str().to_owned(),
                tais_code: tais_code.clone(),
                notified_code: notified_code.clone(),
                equipment_name: equipment_name.clone(),
                detail_number: r.detail_number.map(|n| n.to_string()).unwrap_or_default(),
                office_number: r.office_number.as_str().to_owned(),
                office_name: office_name.clone(),
                satellite: String::new(),
                over_30_days: if r.over_30_days { "1" } else { "0" }.to_owned(),
                vendor_code: vendor.to_owned(),
                identifier: String::new(),
            });
        }
    }
    Ok(out)
}

/// Writes 第6表 (予定) as one send set of a month (送信単位 第6表 + 第7表 +
/// 利用者補足情報): `UPHOSOKU_<YYYYMM>_…` (the head) and `UPPLAN_<YYYYMM>_…`
/// (a row per service × planned day) with one shared timestamp. Each sheet
/// comes with the 第7表 computed from it, which gives No.8 単位数. Every
/// sheet must be of the same month; nothing is returned unless every
/// character could be written. See [`crate::canonical_usage`] for what the
/// records do not carry.
pub fn export_usage(sheets: &[UsageSheet], opts: &ExportOptions) -> Result<Exported, ExportError> {
    let month = one_month(sheets.iter().map(|s| s.usage.parts().month))?;
    let mut w = Writer::new(opts);
    let (mut h, mut plan, mut sikyu) = (String::new(), String::new(), String::new());
    for (i, s) in sheets.iter().enumerate() {
        let base = sheet_path(i);
        if s.table7.basis != Basis::Planned {
            return Err(ExportError::Options {
                ja: format!(
                    "{base}: 第7表は予定から計算したものを渡してください（実績から計算されています）"
                ),
                en: format!("{base}: pass the 第7表 computed on 予定 (this one is on 実績)"),
            });
        }
        let (sent, from) = SentTable7::with_rows(s.usage, s.table7);
        h.push_str(&hosoku(&mut w, s.usage, &sent, &base)?.to_line());
        let vendor = s.usage.parts().planner.office_number.as_str().to_owned();
        for r in grid(&mut w, s, i, |r| &r.planned, &|_| true, &vendor)? {
            plan.push_str(&r.to_line());
        }
        for (l, row) in sent.lines.iter().zip(from) {
            let pr = row.map(|r| f::ROWS.of(&base).index(r));
            let record = sent.record(l, |no, text| {
                let field = match no {
                    Upsikyu::OFFICE_NAME => fr::OFFICE_NAME,
                    Upsikyu::TAIS_CODE => fr::TAIS_CODE,
                    Upsikyu::NOTIFIED_CODE => fr::NOTIFIED_CODE,
                    _ => fr::EQUIPMENT_NAME,
                };
                match &pr {
                    Some(p) => w.text(&field.of(p), text),
                    None => w.text(&base, text),
                }
            });
            sikyu.push_str(&record.to_line());
        }
    }
    if plan.is_empty() {
        return Err(ExportError::NoPlans);
    }
    w.finish_monthly(
        vec![(Kind::Hosoku, h), (Kind::Plan, plan), (Kind::Sikyu, sikyu)],
        month,
        opts,
    )
}

/// Writes a provider's 実績 (UPJSK) of a month: the rows of the sheets whose
/// サービス事業者 is the 送信元 (`opts.from`) and whose サービスコード is of its
/// サービス種類, a row per service × served day (「実績は提供票単位
/// （サービス種類コード＋事業所番号）で送信」). Each sheet comes with its
/// 第7表 (for No.8 単位数).
pub fn export_actuals(
    sheets: &[UsageSheet],
    opts: &ExportOptions,
) -> Result<Exported, ExportError> {
    let month = one_month(sheets.iter().map(|s| s.usage.parts().month))?;
    let mut w = Writer::new(opts);
    let mut text = String::new();
    let from = &opts.from;
    let keep = |r: &UsageRow| r.office_number == from.office && r.code.kind() == from.service_kind;
    for (i, s) in sheets.iter().enumerate() {
        for r in grid(&mut w, s, i, |r| &r.actual, &keep, from.office.as_str())? {
            // UPJSK has UPPLAN's 25 fields: the same line, in the 実績 file.
            text.push_str(&r.to_line());
        }
    }
    if text.is_empty() {
        return Err(ExportError::Options {
            ja: format!(
                "送信元 {from} の実績がありません（サービス事業者コードとサービス種類がこの事業所の行だけを書きます）"
            ),
            en: format!(
                "no 実績 of the sender {from} (only its own office and service kind are written)"
            ),
        });
    }
    w.finish_monthly(vec![(Kind::Actual, text)], month, opts)
}

/// A month's withdrawal file of `kind`: one row per key, as `row` writes
/// it; every key of one month.
fn monthly_withdrawal(
    kind: Kind,
    keys: &[MonthKey],
    opts: &ExportOptions,
    row: impl Fn(&MonthKey) -> String,
) -> Result<Exported, ExportError> {
    let month = one_month(keys.iter().map(|k| k.month))?;
    let text: String = keys.iter().map(row).collect();
    Writer::new(opts).finish_monthly(vec![(kind, text)], month, opts)
}

/// Writes DLTPLAN: the withdrawal of months' plans already sent (their
/// 第7表 with them). Every key must be of one month.
pub fn export_usage_withdrawal(
    keys: &[MonthKey],
    opts: &ExportOptions,
) -> Result<Exported, ExportError> {
    monthly_withdrawal(Kind::PlanDelete, keys, opts, |k| {
        Dltplan {
            csv_version: CSV_VERSION.to_owned(),
            insurer_number: k.insurer.as_str().to_owned(),
            insured_number: k.insured.as_str().to_owned(),
            target_month: yyyymm(k.month),
        }
        .to_line()
    })
}

/// Writes DLTJSK: the withdrawal of the 実績 the 送信元 (`opts.from`, its
/// 事業所番号 and サービス種類) sent for these users and month.
pub fn export_actuals_withdrawal(
    keys: &[MonthKey],
    opts: &ExportOptions,
) -> Result<Exported, ExportError> {
    monthly_withdrawal(Kind::ActualDelete, keys, opts, |k| {
        Dltjsk {
            csv_version: CSV_VERSION.to_owned(),
            insurer_number: k.insurer.as_str().to_owned(),
            insured_number: k.insured.as_str().to_owned(),
            target_month: yyyymm(k.month),
            office_number: opts.from.office.as_str().to_owned(),
            service_kind: opts.from.service_kind.clone(),
        }
        .to_line()
    })
}
