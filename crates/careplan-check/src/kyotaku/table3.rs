//! 第3表's rules: every 第2表 service on the week, blocks tied to 第2表, the
//! day's rhythm and the 告示's 生活援助 count.

use careplan_core::forms::kyotaku::fields::{document, table3 as f3};
use careplan_core::{FieldPath, Sheet};
use chrono::{Datelike, NaiveDate};

use super::{Checks, is_housework};
use crate::Severity::Warning;
use crate::Source::{KisaiYoryo, Kokuji218, SelfCheck};
use crate::{Check, RuleId, RuleInfo, data};

const fn kyotaku(c: Checks) -> Check {
    Check::Kyotaku(c)
}

/// The path of a field of 第3表.
fn t3(field: &careplan_core::Field) -> FieldPath {
    field.of(&document::TABLE3.of(&FieldPath::root()))
}

/// T3-001 第２表のサービスが第３表に記載されていない
pub(super) const T3_001: RuleInfo = RuleInfo {
    id: RuleId::T3_001,
    sheet: Sheet::KyotakuTable3,
    severity: Warning,
    title_ja: "第２表のサービスが第３表に記載されていない",
    title_en: "a table 2 service does not appear on table 3",
    explanation_ja: "研修テキストは、第２表にあげたサービスは全て（インフォーマル支援も）第３表に記載し、週単位以外のサービスも記入するよう求めています。",
    remedy_ja: "週間サービスの枠か、週単位以外のサービスの欄に記載してください。",
    sources: &[SelfCheck],
    check: kyotaku(Checks {
        service: Some(|cx, s, out| {
            let t3 = cx.plan.table3();
            let id = Some(&s.item.id);
            let on_t3 = t3.weekly.iter().any(|w| w.service.as_ref() == id)
                || t3.non_weekly.iter().any(|n| n.service.as_ref() == id);
            if !on_t3 {
                let (c, t) = (&s.item.content, &s.item.service_type);
                out.add(
                    &s.path,
                    format!("「{c}」（{t}）が第３表にありません。"),
                    format!("{:?} ({t}) is not on table 3", c.as_str()),
                );
            }
        }),
        ..Checks::NONE
    }),
};

/// T3-002 第３表のサービスが第２表のどのサービスか示されていない
pub(super) const T3_002: RuleInfo = RuleInfo {
    id: RuleId::T3_002,
    sheet: Sheet::KyotakuTable3,
    severity: Warning,
    title_ja: "第３表のサービスが第２表のどのサービスか示されていない",
    title_en: "a table 3 block does not trace back to a table 2 service",
    explanation_ja: "第３表は第２表の援助内容を週の時間割に置いたものです。第２表にないサービスが第３表にあると、目標との関係がわかりません。",
    remedy_ja: "週間サービスの枠に、対応する第２表のサービスを結び付けてください。第２表にない場合は第２表に位置付けてください。",
    sources: &[SelfCheck],
    check: kyotaku(Checks {
        plan: Some(|cx, out| {
            let pw = t3(&f3::WEEKLY);
            for (i, w) in cx.plan.table3().weekly.iter().enumerate() {
                if w.service.is_none() {
                    // A block without a service has a label (core refuses one with neither).
                    let label = w.label.as_ref().map_or_else(
                        || {
                            debug_assert!(false, "a weekly block with neither service nor label");
                            ""
                        },
                        |l| l.as_str(),
                    );
                    out.add(pw.index(i), format!("「{label}」"), format!("{label:?}"));
                }
            }
        }),
        ..Checks::NONE
    }),
};

/// T3-003 主な日常生活上の活動に起床・食事・就寝がそろっていない
pub(super) const T3_003: RuleInfo = RuleInfo {
    id: RuleId::T3_003,
    sheet: Sheet::KyotakuTable3,
    severity: Warning,
    title_ja: "主な日常生活上の活動に起床・食事・就寝がそろっていない",
    title_en: "the daily activities lack waking, meals or going to bed",
    explanation_ja: "記載要領は、利用者の起床や就寝、食事、排泄などの平均的な一日の過ごし方を記載するよう求めています。",
    remedy_ja: "起床から就寝までの一日の生活リズムを記載してください。",
    sources: &[KisaiYoryo, SelfCheck],
    check: kyotaku(Checks {
        plan: Some(|cx, out| {
            let activities: Vec<&str> = cx
                .plan
                .table3()
                .daily_activities
                .iter()
                .map(|a| a.text.as_str())
                .collect();
            let missing: Vec<&str> = data::DAILY_RHYTHM
                .iter()
                .filter(|(_, words)| {
                    !activities
                        .iter()
                        .any(|a| words.iter().any(|w| a.contains(w)))
                })
                .map(|(name, _)| *name)
                .collect();
            if !missing.is_empty() {
                out.add(
                    t3(&f3::DAILY_ACTIVITIES),
                    format!("{}がありません。", missing.join("・")),
                    format!("missing: {}", missing.join(", ")),
                );
            }
        }),
        ..Checks::NONE
    }),
};

/// T3-004 生活援助中心型の訪問介護の回数が告示の回数を超えている（市町村への届出が必要）
pub(super) const T3_004: RuleInfo = RuleInfo {
    id: RuleId::T3_004,
    sheet: Sheet::KyotakuTable3,
    severity: Warning,
    title_ja: "生活援助中心型の訪問介護の回数が告示の回数を超えている（市町村への届出が必要）",
    title_en: "生活援助 visits a month exceed the 告示 count: the plan must be filed with the municipality",
    explanation_ja: "生活援助中心型の訪問介護を告示で定める回数（要介護１ 27回、２ 34回、３ 43回、４ 38回、５ 31回）以上位置付ける場合は、その計画を市町村に届け出ます。",
    remedy_ja: "計画を市町村に届け出て、必要性を説明できるよう記録を整えてください。",
    sources: &[Kokuji218],
    check: kyotaku(Checks {
        plan: Some(|cx, out| {
            let Some(level) = cx.plan.table1().care_level else {
                return;
            };
            let (table2, table3) = (cx.plan.table2(), cx.plan.table3());
            let ym = table3.starts_from;
            let visits: u32 = table3
                .weekly
                .iter()
                .filter(|w| {
                    w.service
                        .as_ref()
                        .and_then(|id| table2.service(id))
                        .is_some_and(is_housework)
                })
                .map(|w| {
                    w.weekdays
                        .iter()
                        .map(|d| weekday_count(ym.year(), ym.month(), d.index()))
                        .sum::<u32>()
                })
                .sum();
            if let Some(limit) = data::housework_limit(level.number())
                && visits > limit
            {
                out.add(
                    t3(&f3::WEEKLY),
                    format!(
                        "{}年{}月の生活援助中心型の訪問介護は {} 回で、{}の {} 回を超えます。",
                        ym.year(),
                        ym.month(),
                        visits,
                        level.label_ja(),
                        limit
                    ),
                    format!(
                        "{visits} visits in {ym} exceed {limit} for care level {}",
                        level.number()
                    ),
                );
            }
        }),
        ..Checks::NONE
    }),
};

/// How many times `day` (0 = Monday) falls in a month.
fn weekday_count(year: i32, month: u32, day: usize) -> u32 {
    let mut n = 0;
    let mut d = NaiveDate::from_ymd_opt(year, month, 1);
    while let Some(x) = d {
        if x.month() != month {
            break;
        }
        if x.weekday().num_days_from_monday() as usize == day {
            n += 1;
        }
        d = x.succ_opt();
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekday_counts() {
        // 2025-04: Tuesday 1st; 30 days → Tue/Wed 5 times, others 4.
        assert_eq!(weekday_count(2025, 4, 1), 5);
        assert_eq!(weekday_count(2025, 4, 2), 5);
        assert_eq!(weekday_count(2025, 4, 0), 4);
        assert_eq!((0..7).map(|d| weekday_count(2024, 2, d)).sum::<u32>(), 29);
    }
}
