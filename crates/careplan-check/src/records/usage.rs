//! 第6表's rules, asked about one サービス利用票: 実績 with no 予定, and
//! 短期入所 days beyond half the certification period; and 第7表's, asked
//! about the 第7表 computed from it: units over the limit that nobody
//! allocated.

use careplan_core::Sheet;
use careplan_core::forms::kyotaku::usage::fields::{day_count as fd, document as fu, row as fr};
use chrono::NaiveDate;

use crate::Severity::Warning;
use crate::Source::{Jimurenraku20150331, KisaiYoryo, UneiKijun38};
use crate::{Check, RuleId, RuleInfo};

/// The サービス種類 of 短期入所 (生活介護 21, 療養介護 22–23 and 2A, and
/// their 介護予防 forms 24–26 and 2B): careplan's reading of the code
/// list, `docs/readings.md` \[U\]; 第7表's 短期入所利用日数 counts the same.
pub(crate) use careplan_core::forms::kyotaku::usage::table7::SHORT_STAY_KINDS;

/// T6-001 実績があるのに予定がない
pub(super) const T6_001: RuleInfo = RuleInfo {
    id: RuleId::T6_001,
    sheet: Sheet::KyotakuTable6,
    severity: Warning,
    title_ja: "予定のない日に実績がある",
    title_en: "a day has 実績 (service given) but no 予定 (service planned)",
    explanation_ja: "サービス利用票は、居宅サービス計画に位置付けたサービスの予定を利用者に示し、提供された実績と照らし合わせるものです。予定のない日の実績は、計画に位置付けられていないサービスの提供であり、給付管理票と請求の根拠が揃いません。運営基準は、サービスを居宅サービス計画に位置付けること、計画を変更する場合は所定の手続きを経ることを定めています。",
    remedy_ja: "予定の変更であれば第6表の予定を修正し（必要に応じて計画を変更し）、その経緯を第5表に記録してください。誤りであれば実績を確認してください。",
    sources: &[UneiKijun38, KisaiYoryo],
    check: Check::Usage(|u, out| {
        let base = careplan_core::FieldPath::root();
        let rows = &u.parts().rows;
        for d in u.differences(false).iter().filter(|d| d.is_unplanned()) {
            let Some(row) = rows.get(d.row) else { continue };
            let Some(j) = row.actual.iter().position(|a| a.day == d.day) else {
                continue;
            };
            let at = fr::ACTUAL.of(&fu::ROWS.of(&base).index(d.row));
            out.add(
                fd::DAY.of(&at.index(j)),
                format!(
                    "{}（{}）の{}日に予定がありません。",
                    row.service
                        .as_ref()
                        .map_or(row.code.as_str(), |t| t.as_str()),
                    row.office_name
                        .as_ref()
                        .map_or(row.office_number.as_str(), |t| t.as_str()),
                    d.day
                ),
                format!("row {}: day {} has 実績 and no 予定", d.row + 1, d.day),
            );
        }
    }),
};

/// T6-002 短期入所の利用日数が認定の有効期間のおおむね半数を超える
pub(super) const T6_002: RuleInfo = RuleInfo {
    id: RuleId::T6_002,
    sheet: Sheet::KyotakuTable6,
    severity: Warning,
    title_ja: "短期入所の利用日数が認定の有効期間のおおむね半数を超える",
    title_en: "短期入所 (short stay) days exceed half the certification period",
    explanation_ja: "運営基準（第13条第21号）は、居宅サービス計画に短期入所生活介護・短期入所療養介護を位置付ける場合、利用者の心身の状況等を勘案して特に必要と認められる場合を除き、短期入所の利用日数が要介護認定の有効期間のおおむね半数を超えないようにしなければならないと定めています。前月までの短期入所利用日数と当月の予定を合わせて数えます。",
    remedy_ja: "利用日数を見直すか、特に必要と認められる理由（心身の状況、家族の状況等）を居宅サービス計画と第5表に記録してください。",
    sources: &[UneiKijun38],
    check: Check::Usage(|u, out| {
        let p = u.parts();
        let Some(period) = p.limit_period else {
            return;
        };
        // The 限度額適用期間 stands for the certification period (the sheet
        // does not carry the 認定 dates; docs/readings.md).
        let first = NaiveDate::from_ymd_opt(period.start.year(), period.start.month(), 1);
        let after = match period.end.month() {
            12 => NaiveDate::from_ymd_opt(period.end.year() + 1, 1, 1),
            m => NaiveDate::from_ymd_opt(period.end.year(), m + 1, 1),
        };
        let (Some(first), Some(after)) = (first, after) else {
            return;
        };
        let period_days = (after - first).num_days();
        let mut days: Vec<u8> = Vec::new();
        let mut first_row = None;
        for (i, row) in p.rows.iter().enumerate() {
            if SHORT_STAY_KINDS.contains(&row.code.kind()) && !row.planned.is_empty() {
                first_row.get_or_insert(i);
                days.extend(row.planned.iter().map(|d| d.day));
            }
        }
        days.sort_unstable();
        days.dedup();
        let Some(i) = first_row else {
            return;
        };
        let before = i64::from(p.short_stay_days_before.unwrap_or(0));
        let total = before + i64::try_from(days.len()).unwrap_or(i64::MAX);
        // おおむね半数: more than half is flagged.
        if total * 2 > period_days {
            let base = careplan_core::FieldPath::root();
            out.add(
                fr::PLANNED.of(&fu::ROWS.of(&base).index(i)),
                format!(
                    "前月までの{before}日と当月の予定{}日で{total}日になり、有効期間（{}〜{}、{period_days}日）の半数を超えます。",
                    days.len(),
                    period.start,
                    period.end
                ),
                format!("{total} short-stay days against a period of {period_days} days"),
            );
        }
    }),
};

/// T7-001 区分支給限度基準を超える単位数の割り当てが決められていない
pub(super) const T7_001: RuleInfo = RuleInfo {
    id: RuleId::T7_001,
    sheet: Sheet::KyotakuTable7,
    severity: Warning,
    title_ja: "区分支給限度基準を超える単位数をどのサービスが負うか決められていない",
    title_en: "units over the 区分支給限度基準額 with no allocation chosen",
    explanation_ja: "区分支給限度基準額を超える単位数は全額が利用者の負担になります。どのサービスに超過を割り当てるかは、介護支援専門員が利用者と話し合って決めるものです。割り当てが指定されていない第7表では、careplan は既定の方法（下の事業所・種類から順に）で割り当てて計算していますが、それは利用者と決めた割り当てではありません。",
    remedy_ja: "利用者と超過を負うサービスを決め、条件（terms）の allocation に事業所番号・サービス種類・単位数を指定して計算し直してください。あわせて、限度額を超える理由と利用者の同意を第5表に記録してください。",
    sources: &[Jimurenraku20150331, UneiKijun38],
    check: Check::Table7(|_, t, out| {
        use careplan_core::forms::kyotaku::usage::table7::AllocationFrom;
        if t.allocation != AllocationFrom::Default {
            return;
        }
        let put: Vec<String> = t
            .groups
            .iter()
            .filter(|g| g.over.get() > 0)
            .map(|g| {
                format!(
                    "{} {} に {} 単位",
                    g.office_name,
                    g.kind.as_str(),
                    g.over.get()
                )
            })
            .collect();
        out.add(
            careplan_core::FieldPath::from_text("allocation"),
            format!(
                "合計 {} 単位が限度額 {} 単位を {} 単位超えています。既定で {} を割り当てました。",
                t.managed.get() - t.kind_over.get(),
                t.limit.get(),
                t.over.get(),
                put.join("、")
            ),
            format!(
                "{} units over the limit of {}, allocated by careplan's default",
                t.over.get(),
                t.limit.get()
            ),
        );
    }),
};
