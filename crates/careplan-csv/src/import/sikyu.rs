//! UPSIKYU rows (and the 種類別支給限度管理 of the month's UPHOSOKU) into a
//! [`SentTable7`]: every figure read as the integer (or 単価) it is, every
//! line's kind told by its サービスコード, each problem at its file, line and
//! field.

#![allow(clippy::result_large_err)]

use careplan_core::OfficeNumber;
use careplan_core::service_codes::ServiceCode;

use super::values::{Row, ymd};
use crate::records::{Hosoku, TOTAL_CODE, TOTAL_OFFICE, Upsikyu};
use crate::sikyu::{KIND_SLOTS, KindSlot, LineKind, SentLine, SentTable7, ShortStayCounts};
use crate::{ImportError, ImportErrorCode, MonthKey};

/// Field `no` as a whole number, negative allowed (減算), or blank.
fn signed(row: &Row, no: u16, errors: &mut Vec<ImportError>) -> Option<i64> {
    if !row.written(no) {
        return None;
    }
    let t = row.get(no).trim();
    let digits = t.strip_prefix('-').unwrap_or(t);
    match t.parse::<i64>() {
        Ok(n) if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) => Some(n),
        _ => {
            errors.push(row.err(
                no,
                ImportErrorCode::Number,
                format!("整数ではありません: {t:?}"),
                format!("not a whole number: {t:?}"),
            ));
            None
        }
    }
}

/// Field `no` as a whole number 0–`max`, or blank.
fn bounded(row: &Row, no: u16, max: i64, errors: &mut Vec<ImportError>) -> Option<i64> {
    let n = signed(row, no, errors)?;
    if (0..=max).contains(&n) {
        Some(n)
    } else {
        errors.push(row.err(
            no,
            ImportErrorCode::Number,
            format!("0〜{max} の整数ではありません: {n}"),
            format!("not a whole number 0–{max}: {n}"),
        ));
        None
    }
}

fn percent(row: &Row, no: u16, errors: &mut Vec<ImportError>) -> Option<u8> {
    bounded(row, no, 100, errors).and_then(|n| u8::try_from(n).ok())
}

fn days(row: &Row, no: u16, errors: &mut Vec<ImportError>) -> Option<u32> {
    bounded(row, no, 99_999, errors).and_then(|n| u32::try_from(n).ok())
}

/// No.23 単位数単価, 「99.99 形式」: yen and up to two decimals, in sen.
fn price(row: &Row, errors: &mut Vec<ImportError>) -> Option<u32> {
    let no = Upsikyu::PRICE;
    if !row.written(no) {
        return None;
    }
    let t = row.get(no).trim();
    let (yen, frac) = t.split_once('.').unwrap_or((t, ""));
    let ok = !yen.is_empty()
        && yen.len() <= 3
        && frac.len() <= 2
        && yen.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit());
    let sen = ok
        .then(|| {
            let y: u32 = yen.parse().ok()?;
            let f: u32 = if frac.is_empty() {
                0
            } else {
                frac.parse().ok()?
            };
            let f = if frac.len() == 1 { f * 10 } else { f };
            Some(y * 100 + f)
        })
        .flatten();
    if sen.is_none() {
        errors.push(row.err(
            no,
            ImportErrorCode::Number,
            format!("単位数単価は 99.99 の形で書きます: {t:?}"),
            format!("a 単位数単価 is written 99.99: {t:?}"),
        ));
    }
    sen
}

fn text(row: &Row, no: u16) -> Option<String> {
    row.written(no).then(|| row.get(no).to_owned())
}

/// The kind of a line, from No.7 and No.9, checked.
fn line_kind(row: &Row, errors: &mut Vec<ImportError>) -> Option<LineKind> {
    let code = row.get(Upsikyu::SERVICE_CODE).trim();
    let office = row.get(Upsikyu::OFFICE_NUMBER).trim();
    if code == TOTAL_CODE || office == TOTAL_OFFICE {
        if code == TOTAL_CODE && office == TOTAL_OFFICE {
            return Some(LineKind::Total);
        }
        let no = if code == TOTAL_CODE {
            Upsikyu::OFFICE_NUMBER
        } else {
            Upsikyu::SERVICE_CODE
        };
        errors.push(row.err(
            no,
            ImportErrorCode::Code,
            format!(
                "全合計の行はサービス事業所コード {TOTAL_OFFICE} とサービスコード {TOTAL_CODE} の両方で表します（{office:?}, {code:?}）"
            ),
            format!("the 全合計 line has both 事業所 {TOTAL_OFFICE} and code {TOTAL_CODE}"),
        ));
        return None;
    }
    if let Err(e) = super::values::checked(row, Upsikyu::OFFICE_NUMBER, OfficeNumber::new) {
        errors.push(e);
    }
    let subtotal = code
        .get(2..)
        .and_then(LineKind::of_suffix)
        .filter(|_| code.len() == 6);
    let kind_ok = code
        .get(..2)
        .is_some_and(|k| careplan_core::ServiceKind::new(k).is_ok());
    match subtotal {
        Some(k) if kind_ok => Some(k),
        _ if ServiceCode::new(code).is_ok() => Some(LineKind::Service),
        _ => {
            errors.push(row.err(
                Upsikyu::SERVICE_CODE,
                ImportErrorCode::Code,
                format!(
                    "サービスコード（英数字6文字）、種類別小計（種類＋AAAA・EEEE・ZZZZ）、全合計（999999）のいずれでもありません: {code:?}"
                ),
                format!("neither a サービスコード, a subtotal (kind + AAAA, EEEE, ZZZZ) nor the total (999999): {code:?}"),
            ));
            None
        }
    }
}

/// A value a subtotal or the total must leave blank or 0 (「0 固定」,
/// 「Null（空） 固定」).
fn fixed(row: &Row, no: u16, allowed: &[&str], errors: &mut Vec<ImportError>) {
    let v = row.get(no).trim();
    if !allowed.contains(&v) {
        errors.push(row.err(
            no,
            ImportErrorCode::StrayValue,
            format!("種類別小計・全合計の行では {allowed:?} に固定です: {v:?}"),
            format!("fixed to {allowed:?} on a subtotal or the total: {v:?}"),
        ));
    }
}

/// One UPSIKYU row as a line.
fn line(row: &Row, e: &mut Vec<ImportError>) -> Option<SentLine> {
    if row.written(Upsikyu::SATELLITE) {
        e.push(row.err(
            Upsikyu::SATELLITE,
            ImportErrorCode::StrayValue,
            format!(
                "サテライト枝番は careplan の第7表にまだ持てません（読み捨てずに取り込みを止めます）: {:?}",
                row.get(Upsikyu::SATELLITE)
            ),
            "careplan's 第7表 has no place for サテライト枝番 yet: refused rather than dropped",
        ));
    }
    let kind = line_kind(row, e);
    if kind.is_some_and(|k| k != LineKind::Service) {
        fixed(row, Upsikyu::UNITS, &["0"], e);
        fixed(row, Upsikyu::DISCOUNT_PERCENT, &[""], e);
        fixed(row, Upsikyu::DISCOUNTED_UNITS, &[""], e);
    }
    let units = signed(row, Upsikyu::UNITS, e);
    if units.is_none() && !row.written(Upsikyu::UNITS) {
        e.push(row.err(
            Upsikyu::UNITS,
            ImportErrorCode::Number,
            "単位数は必須です（小計・全合計は 0）",
            "単位数 is required (0 on subtotals and the total)",
        ));
    }
    let count = bounded(row, Upsikyu::COUNT, 999, e);
    if !row.written(Upsikyu::COUNT) {
        e.push(row.err(
            Upsikyu::COUNT,
            ImportErrorCode::Number,
            "回数／日数は必須です",
            "回数／日数 is required",
        ));
    }
    let over_30_days = match row.get(Upsikyu::OVER_30_DAYS).trim() {
        "1" => true,
        "0" | "" => false,
        v => {
            e.push(super::values::unknown_code(
                row,
                Upsikyu::OVER_30_DAYS,
                v,
                &["0", "1"],
            ));
            false
        }
    };
    let l = SentLine {
        line: kind.unwrap_or(LineKind::Service),
        office_number: row.get(Upsikyu::OFFICE_NUMBER).trim().to_owned(),
        office_name: text(row, Upsikyu::OFFICE_NAME),
        code: row.get(Upsikyu::SERVICE_CODE).trim().to_owned(),
        tais_code: text(row, Upsikyu::TAIS_CODE),
        notified_code: text(row, Upsikyu::NOTIFIED_CODE),
        equipment_name: text(row, Upsikyu::EQUIPMENT_NAME),
        units: units.unwrap_or(0),
        discount_percent: percent(row, Upsikyu::DISCOUNT_PERCENT, e),
        discounted_units: signed(row, Upsikyu::DISCOUNTED_UNITS, e),
        count: count.and_then(|c| u32::try_from(c).ok()).unwrap_or(0),
        service_units: signed(row, Upsikyu::SERVICE_UNITS, e),
        managed: signed(row, Upsikyu::MANAGED, e),
        kind_over: signed(row, Upsikyu::KIND_OVER, e),
        kind_within: signed(row, Upsikyu::KIND_WITHIN, e),
        over: signed(row, Upsikyu::OVER, e),
        within: signed(row, Upsikyu::WITHIN, e),
        price_sen: price(row, e),
        cost: signed(row, Upsikyu::COST, e),
        rate: percent(row, Upsikyu::RATE, e),
        claim: signed(row, Upsikyu::CLAIM, e),
        fixed_per_count: signed(row, Upsikyu::FIXED_PER_COUNT, e),
        burden: signed(row, Upsikyu::BURDEN, e),
        full_burden: signed(row, Upsikyu::FULL_BURDEN, e),
        over_30_days,
    };
    kind.map(|_| l)
}

/// A value every row of the month repeats where it is written: the first
/// written, and an error at each row that says otherwise.
fn shared(rows: &[Row], no: u16, e: &mut Vec<ImportError>) -> Option<String> {
    let first = rows.iter().find(|r| r.written(no))?;
    for r in rows.iter().filter(|r| r.written(no)) {
        if r.get(no).trim() != first.get(no).trim() {
            e.push(r.err(
                no,
                ImportErrorCode::Value,
                format!(
                    "同じ利用者・月の第7表の行で値が異なります（{} 行目は {:?}、この行は {:?}）",
                    first.line,
                    first.get(no),
                    r.get(no)
                ),
                "the lines of one 第7表 disagree on this value",
            ));
        }
    }
    Some(first.get(no).trim().to_owned())
}

/// 種類別支給限度管理 of a month's UPHOSOKU: the slots in order, up to the
/// first blank サービス種類コード; a slot after a blank one, or figures in a
/// slot without a kind, are refused.
pub(super) fn kind_slots(h: &Row, e: &mut Vec<ImportError>) -> (Vec<KindSlot>, Option<i64>) {
    let mut slots = Vec::new();
    let mut ended = false;
    for i in 0..KIND_SLOTS {
        let first = Hosoku::KIND1_CODE + 4 * i as u16;
        let code = h.get(first).trim();
        let figures = (1..4).any(|j| h.written(first + j));
        if code.is_empty() {
            if figures {
                e.push(h.err(
                    first,
                    ImportErrorCode::StrayValue,
                    "サービス種類コードのない種類別支給限度の枠に値があります",
                    "a 種類別支給限度 slot has figures but no サービス種類コード",
                ));
            }
            ended = true;
            continue;
        }
        if ended {
            e.push(h.err(
                first,
                ImportErrorCode::StrayValue,
                "種類別支給限度の枠は1枠から順に詰めて設定します（空の枠の後にあります）",
                "種類別支給限度 slots are filled from slot 1 on (this one follows a blank slot)",
            ));
        }
        if careplan_core::ServiceKind::new(code).is_err() {
            e.push(h.err(
                first,
                ImportErrorCode::Code,
                format!("サービス種類コードは英数字2文字です: {code:?}"),
                "a サービス種類コード is 2 digits or capital letters",
            ));
        }
        slots.push(KindSlot {
            kind: code.to_owned(),
            limit: signed(h, first + 1, e),
            total: signed(h, first + 2, e),
            over: signed(h, first + 3, e),
        });
    }
    let total = signed(h, Hosoku::TOTAL_OVER, e);
    (slots, total)
}

/// A month's 第7表 from its UPSIKYU rows and the month's UPHOSOKU (for
/// 種類別支給限度管理).
pub(super) fn build(
    key: &MonthKey,
    rows: &[Row],
    hosoku: Option<&Row>,
) -> Result<SentTable7, Vec<ImportError>> {
    let mut e = Vec::new();
    let parsed: Vec<(&Row, Option<SentLine>)> = rows.iter().map(|r| (r, line(r, &mut e))).collect();
    let totals: Vec<&Row> = parsed
        .iter()
        .filter(|(_, l)| l.as_ref().is_some_and(|l| l.line == LineKind::Total))
        .map(|(r, _)| *r)
        .collect();
    let lines: Vec<SentLine> = parsed.into_iter().filter_map(|(_, l)| l).collect();
    if let Some(second) = totals.get(1) {
        e.push(second.err(
            Upsikyu::SERVICE_CODE,
            ImportErrorCode::DuplicateRecord,
            "同じ利用者・月の全合計の行が2件あります",
            "a second 全合計 line for the same user and month",
        ));
    }
    if let (None, Some(first)) = (totals.first(), rows.first()) {
        e.push(first.err(
            Upsikyu::SERVICE_CODE,
            ImportErrorCode::MissingRecord,
            "第7表に全合計の行（999999）がありません（必ず出力する行です）",
            "the 第7表 has no 全合計 line (999999), which is always written",
        ));
    }
    let created_on = match rows.first().map(|r| ymd(r, Upsikyu::CREATED_ON)) {
        Some(Ok(d)) => Some(d),
        Some(Err(err)) => {
            e.push(err);
            None
        }
        None => None,
    };
    shared(rows, Upsikyu::CREATED_ON, &mut e);
    let planner_office = shared(rows, Upsikyu::VENDOR_CODE, &mut e);
    let entered_by = shared(rows, Upsikyu::ENTERED_BY, &mut e);
    let short_stay = ShortStayCounts {
        before: shared(rows, Upsikyu::SHORT_STAY_BEFORE, &mut e)
            .and_then(|_| rows.iter().find(|r| r.written(Upsikyu::SHORT_STAY_BEFORE)))
            .and_then(|r| days(r, Upsikyu::SHORT_STAY_BEFORE, &mut e)),
        this_month: shared(rows, Upsikyu::SHORT_STAY_THIS_MONTH, &mut e)
            .and_then(|_| {
                rows.iter()
                    .find(|r| r.written(Upsikyu::SHORT_STAY_THIS_MONTH))
            })
            .and_then(|r| days(r, Upsikyu::SHORT_STAY_THIS_MONTH, &mut e)),
        cumulative: shared(rows, Upsikyu::SHORT_STAY_CUMULATIVE, &mut e)
            .and_then(|_| {
                rows.iter()
                    .find(|r| r.written(Upsikyu::SHORT_STAY_CUMULATIVE))
            })
            .and_then(|r| days(r, Upsikyu::SHORT_STAY_CUMULATIVE, &mut e)),
    };
    let (kinds, kinds_over) = match hosoku {
        Some(h) => kind_slots(h, &mut e),
        None => (Vec::new(), None),
    };
    match created_on {
        Some(created_on) if e.is_empty() => Ok(SentTable7 {
            key: key.clone(),
            created_on,
            planner_office,
            entered_by,
            lines,
            short_stay,
            kinds,
            kinds_over,
        }),
        _ => Err(e),
    }
}
