//! The rules between a plan and its months' サービス利用票, asked about a
//! case file that holds both: a 第6表 service the plan does not place, a
//! 第2表 insured service the month does not plan, and 予定 on a day outside
//! the certification.
//!
//! A 第6表 row and a 第2表 service are the same service when the row's
//! サービス種類 (the code's first two characters) is the 第2表 サービス種別
//! ([`crate::data::KIND_SERVICE_TYPES`]) and, when 第2表 names the
//! provider's 事業所番号, the row's office is that one. careplan's reading
//! (`docs/readings.md`): 第2表 is free text, and its ※2 may name a provider
//! without a number.

use careplan_core::forms::kyotaku::case_file::CaseFile;
use careplan_core::forms::kyotaku::case_file::fields::document as fc;
use careplan_core::forms::kyotaku::fields::{document as fp, table2 as f2};
use careplan_core::forms::kyotaku::table2::Service;
use careplan_core::forms::kyotaku::usage::fields::{document as fu, row as fr};
use careplan_core::forms::kyotaku::usage::{Usage, UsageRow};
use careplan_core::{CertificationStatus, FieldPath, Period, Sheet};
use chrono::NaiveDate;

use crate::Severity::Warning;
use crate::Source::{KisaiYoryo, UneiKijun38};
use crate::data::{insured_type, kind_service_type};
use crate::{Check, RuleId, RuleInfo};

/// Every 第2表 service with its path in the case file.
fn services(case: &CaseFile) -> Vec<(FieldPath, &Service)> {
    let Some(plan) = case.plan() else {
        return Vec::new();
    };
    let root = FieldPath::root();
    let needs = f2::NEEDS.of(&fp::TABLE2.of(&fc::PLAN.of(&root)));
    let mut out = Vec::new();
    for (ni, n) in plan.table2().needs.iter().enumerate() {
        let longs = f2::need::LONG_TERM_GOALS.of(&needs.index(ni));
        for (li, l) in n.long_term_goals.iter().enumerate() {
            let shorts = f2::long_term_goal::SHORT_TERM_GOALS.of(&longs.index(li));
            for (si, g) in l.short_term_goals.iter().enumerate() {
                let list = f2::short_term_goal::SERVICES.of(&shorts.index(si));
                for (xi, x) in g.services.iter().enumerate() {
                    out.push((list.index(xi), x));
                }
            }
        }
    }
    out
}

/// The month's first and last day.
fn month_days(u: &Usage) -> Option<(NaiveDate, NaiveDate)> {
    let m = u.parts().month;
    Some((m.first_day()?, m.last_day()?))
}

/// Whether a 第2表 period reaches into the month.
fn overlaps(p: Period, (first, last): (NaiveDate, NaiveDate)) -> bool {
    p.start() <= last && p.end().is_none_or(|e| e >= first)
}

/// Whether a 第6表 row is the 第2表 service (see the module's doc).
fn same_service(s: &Service, r: &UsageRow) -> bool {
    let Some(kind_type) = kind_service_type(r.code.kind()) else {
        return false;
    };
    insured_type(s.service_type.as_str()) == Some(kind_type)
        && s.provider
            .as_ref()
            .and_then(|p| p.office_number.as_ref())
            .is_none_or(|n| n == &r.office_number)
}

/// How a finding names a 第6表 row: its サービス内容 (or code) and office.
fn row_name(r: &UsageRow) -> String {
    format!(
        "{}（{}）",
        r.service.as_ref().map_or(r.code.as_str(), |t| t.as_str()),
        r.office_name
            .as_ref()
            .map_or(r.office_number.as_str(), |t| t.as_str())
    )
}

/// T6-003 第6表のサービスが第2表に位置付けられていない
pub(super) const T6_003: RuleInfo = RuleInfo {
    id: RuleId::T6_003,
    sheet: Sheet::KyotakuTable6,
    severity: Warning,
    title_ja: "第6表のサービスが第2表に位置付けられていない",
    title_en: "a 第6表 service is on no 第2表 service of the month",
    explanation_ja: "サービス利用票は、居宅サービス計画に位置付けたサービスを月ごとに示すものです。第2表の援助内容に（その月を含む期間で）位置付けられていないサービスを予定・提供することは、運営基準の定める計画に基づくサービス提供になりません。careplan は、サービスコードのサービス種類と第2表のサービス種別が同じで、第2表に事業所番号があればそれも同じものを同じサービスとみなします。",
    remedy_ja: "計画に位置付けるべきサービスであれば第2表（と第3表）を変更し、サービス担当者会議を経て利用者の同意を得てください。誤りであれば第6表を修正してください。",
    sources: &[UneiKijun38, KisaiYoryo],
    check: Check::Case(|case, out| {
        if case.plan().is_none() {
            return;
        }
        let all = services(case);
        let root = FieldPath::root();
        for (ui, u) in case.usage().iter().enumerate() {
            let Some(days) = month_days(u) else { continue };
            let in_month: Vec<&Service> = all
                .iter()
                .map(|(_, s)| *s)
                .filter(|s| overlaps(s.period, days))
                .collect();
            let rows = fu::ROWS.of(&fc::USAGE.of(&root).index(ui));
            for (ri, r) in u.parts().rows.iter().enumerate() {
                // A kind careplan cannot name on 第2表 is not judged.
                if kind_service_type(r.code.kind()).is_none() {
                    continue;
                }
                if in_month.iter().any(|s| same_service(s, r)) {
                    continue;
                }
                out.add(
                    fr::CODE.of(&rows.index(ri)),
                    format!(
                        "{} {}は、{}を含む期間の第2表のサービスにありません。",
                        u.parts().month,
                        row_name(r),
                        u.parts().month
                    ),
                    format!(
                        "row {} ({} from {}) matches no 第2表 service in force in {}",
                        ri + 1,
                        r.code.as_str(),
                        r.office_number.as_str(),
                        u.parts().month
                    ),
                );
            }
        }
    }),
};

/// T6-004 第2表の介護保険サービスが第6表に予定されていない
pub(super) const T6_004: RuleInfo = RuleInfo {
    id: RuleId::T6_004,
    sheet: Sheet::KyotakuTable6,
    severity: Warning,
    title_ja: "第2表の介護保険サービスがその月の第6表に予定されていない",
    title_en: "a 第2表 insured service in force in the month has no 予定 on its 第6表",
    explanation_ja: "第2表に位置付けた介護保険サービスは、その期間の各月のサービス利用票に予定として示されるはずです。予定がなければ、計画が実際の利用と合っていないか、サービス利用票の記載漏れです。特定福祉用具販売と住宅改修は月々の給付管理の外で支払われるため、第6表には載らず対象外です。",
    remedy_ja: "その月に利用しない理由があれば第5表に記録し、必要に応じて計画を変更してください。記載漏れであれば第6表に予定を加えてください。",
    sources: &[UneiKijun38, KisaiYoryo],
    check: Check::Case(|case, out| {
        let all = services(case);
        for u in case.usage() {
            let Some(days) = month_days(u) else { continue };
            let planned: Vec<&UsageRow> = u
                .parts()
                .rows
                .iter()
                .filter(|r| !r.planned.is_empty())
                .collect();
            for (path, s) in &all {
                let on_sheet = insured_type(s.service_type.as_str())
                    .is_some_and(|t| crate::data::KIND_SERVICE_TYPES.iter().any(|(_, k)| *k == t));
                if !on_sheet || !overlaps(s.period, days) {
                    continue;
                }
                if planned.iter().any(|r| same_service(s, r)) {
                    continue;
                }
                let provider = s
                    .provider
                    .as_ref()
                    .map_or(String::new(), |p| format!("（{}）", p.name));
                out.add(
                    f2::service::SERVICE_TYPE.of(path),
                    format!(
                        "「{}」{provider}の予定が {} の第6表にありません。",
                        s.service_type,
                        u.parts().month
                    ),
                    format!(
                        "{:?} has no 予定 on the 第6表 of {}",
                        s.service_type.as_str(),
                        u.parts().month
                    ),
                );
            }
        }
    }),
};

/// T6-005 予定が認定の有効期間の外の日にある
pub(super) const T6_005: RuleInfo = RuleInfo {
    id: RuleId::T6_005,
    sheet: Sheet::KyotakuTable6,
    severity: Warning,
    title_ja: "認定の有効期間の外の日に予定がある",
    title_en: "予定 on a day outside the certification period",
    explanation_ja: "保険給付は要介護認定の有効期間に受けたサービスに限られます。有効期間の外の日の予定は、更新認定の結果を待つ暫定の予定でなければ、全額自己負担になるおそれがあります。第1表の認定の有効期間と照らし合わせます（申請中の計画は対象外です）。",
    remedy_ja: "更新・区分変更の申請状況を確認し、結果が出ていなければ暫定の計画であることを第5表に記録してください。誤りであれば予定の日を修正してください。",
    sources: &[UneiKijun38, KisaiYoryo],
    check: Check::Case(|case, out| {
        let Some(plan) = case.plan() else { return };
        let t1 = plan.table1();
        if t1.certification_status != CertificationStatus::Certified {
            return;
        }
        let Some(period) = t1.certification_period else {
            return;
        };
        let root = FieldPath::root();
        for (ui, u) in case.usage().iter().enumerate() {
            let month = u.parts().month;
            let rows = fu::ROWS.of(&fc::USAGE.of(&root).index(ui));
            for (ri, r) in u.parts().rows.iter().enumerate() {
                let outside: Vec<u8> = r
                    .planned
                    .iter()
                    .map(|d| d.day)
                    .filter(|d| {
                        month
                            .day(u32::from(*d))
                            .is_some_and(|date| !period.contains(date))
                    })
                    .collect();
                if outside.is_empty() {
                    continue;
                }
                let list = outside
                    .iter()
                    .map(|d| format!("{d}日"))
                    .collect::<Vec<_>>()
                    .join("・");
                out.add(
                    fr::PLANNED.of(&rows.index(ri)),
                    format!(
                        "{month} {}の{list}は、認定の有効期間（{}〜{}）の外です。",
                        row_name(r),
                        period.start(),
                        period.end()
                    ),
                    format!(
                        "row {}: days {outside:?} of {month} fall outside {}..{}",
                        ri + 1,
                        period.start(),
                        period.end()
                    ),
                );
            }
        }
    }),
};
