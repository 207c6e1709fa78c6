//! 第2表's rules: goal and service periods, abstract goals, ※1, 福祉用具
//! reasons and informal support.

use careplan_core::forms::kyotaku::fields::{document, table2 as f2};
use careplan_core::{FieldPath, Period, Sheet, Text};

use super::{Checks, Hits, Plan, period_text};
use crate::Severity::{Error, Info, Warning};
use crate::Source::{KisaiYoryo, SelfCheck, TenkenManual};
use crate::{Check, RuleId, RuleInfo, data};

const fn kyotaku(c: Checks) -> Check {
    Check::Kyotaku(c)
}

/// T2-001 目標の期間が認定の有効期間を超えている
pub(super) const T2_001: RuleInfo = RuleInfo {
    id: RuleId::T2_001,
    sheet: Sheet::KyotakuTable2,
    severity: Warning,
    title_ja: "目標の期間が認定の有効期間を超えている",
    title_en: "a goal period runs outside the certification period",
    explanation_ja: "記載要領は、期間の設定においては「認定の有効期間」も考慮するよう求めています。",
    remedy_ja: "長期目標・短期目標の期間を、認定の有効期間の中に収まるよう見直してください。",
    sources: &[KisaiYoryo, TenkenManual],
    check: kyotaku(Checks {
        long_term_goal: Some(|cx, g, out| {
            outside(
                cx,
                out,
                &f2::long_term_goal::PERIOD.of(&g.path),
                g.item.period,
                "長期目標の期間",
            );
        }),
        short_term_goal: Some(|cx, g, out| {
            outside(
                cx,
                out,
                &f2::short_term_goal::PERIOD.of(&g.path),
                g.item.period,
                "短期目標の期間",
            );
        }),
        ..Checks::NONE
    }),
};

/// T2-002 サービスの期間が認定の有効期間を超えている
pub(super) const T2_002: RuleInfo = RuleInfo {
    id: RuleId::T2_002,
    sheet: Sheet::KyotakuTable2,
    severity: Warning,
    title_ja: "サービスの期間が認定の有効期間を超えている",
    title_en: "a service period runs outside the certification period",
    explanation_ja: "サービスの期間は短期目標の期間と連動し、認定の有効期間を考慮して設定します。",
    remedy_ja: "援助内容の期間を、認定の有効期間の中に収まるよう見直してください。",
    sources: &[KisaiYoryo],
    check: kyotaku(Checks {
        service: Some(|cx, s, out| {
            outside(
                cx,
                out,
                &f2::service::PERIOD.of(&s.path),
                s.item.period,
                "期間",
            );
        }),
        ..Checks::NONE
    }),
};

/// T2-003 期間に終了時期が記載されていない
pub(super) const T2_003: RuleInfo = RuleInfo {
    id: RuleId::T2_003,
    sheet: Sheet::KyotakuTable2,
    severity: Info,
    title_ja: "期間に終了時期が記載されていない",
    title_en: "a period has no end",
    explanation_ja: "記載要領は、原則として開始時期と終了時期を記入し、終了時期が特定できない場合等に開始時期のみを記載してよいとしています。",
    remedy_ja: "終了時期が決められる場合は記入してください。決められない理由は支援経過に記録してください。",
    sources: &[KisaiYoryo],
    check: kyotaku(Checks {
        long_term_goal: Some(|_, g, out| {
            let p = f2::long_term_goal::PERIOD.of(&g.path);
            no_end(
                out,
                &p,
                g.item.period,
                ["長期目標の期間", "long-term goal period"],
            );
        }),
        short_term_goal: Some(|_, g, out| {
            let p = f2::short_term_goal::PERIOD.of(&g.path);
            no_end(
                out,
                &p,
                g.item.period,
                ["短期目標の期間", "short-term goal period"],
            );
        }),
        service: Some(|_, s, out| {
            let p = f2::service::PERIOD.of(&s.path);
            no_end(out, &p, s.item.period, ["サービスの期間", "service period"]);
        }),
        ..Checks::NONE
    }),
};

/// T2-004 ※1 の○が介護保険給付の対象でないサービスに付いている
pub(super) const T2_004: RuleInfo = RuleInfo {
    id: RuleId::T2_004,
    sheet: Sheet::KyotakuTable2,
    severity: Error,
    title_ja: "※1 の○が介護保険給付の対象でないサービスに付いている",
    title_en: "※1 (insured) is marked on a service that is not a 介護保険 service",
    explanation_ja: "※1 は保険給付対象内サービスに○を付す欄です。家族、近隣住民、民生委員、配食サービスなど市町村やインフォーマルな支援は対象外です。",
    remedy_ja: "※1 の○を外すか、サービス種別を正式な介護保険サービスの名称にしてください。",
    sources: &[KisaiYoryo, SelfCheck],
    check: kyotaku(Checks {
        service: Some(|_, s, out| {
            let t = s.item.service_type.as_str();
            if s.item.insured && data::insured_type(t).is_none() {
                let (ja, en) = if data::is_non_insured(t) {
                    (
                        format!("「{t}」は保険給付の対象外です。"),
                        format!("{t:?} is never insured"),
                    )
                } else {
                    (
                        format!("「{t}」は介護保険サービスの種別名ではありません。"),
                        format!("{t:?} is not a 介護保険 service type"),
                    )
                };
                out.add(f2::service::INSURED.of(&s.path), ja, en);
            }
        }),
        ..Checks::NONE
    }),
};

/// T2-005 介護保険サービスに ※1 の○がない
pub(super) const T2_005: RuleInfo = RuleInfo {
    id: RuleId::T2_005,
    sheet: Sheet::KyotakuTable2,
    severity: Warning,
    title_ja: "介護保険サービスに ※1 の○がない",
    title_en: "a 介護保険 service type lacks the ※1 mark",
    explanation_ja: "研修テキストは、介護保険対象のサービスには※1の欄に○をつけるよう求めています。",
    remedy_ja: "保険給付の対象となるサービスであれば ※1 に○を付けてください。",
    sources: &[SelfCheck, KisaiYoryo],
    check: kyotaku(Checks {
        service: Some(|_, s, out| {
            let t = s.item.service_type.as_str();
            if !s.item.insured && data::insured_type(t).is_some() {
                out.add(
                    f2::service::INSURED.of(&s.path),
                    format!("「{t}」に○がありません。"),
                    format!("{t:?} is not marked"),
                );
            }
        }),
        ..Checks::NONE
    }),
};

/// T2-006 福祉用具貸与・特定福祉用具販売に必要な理由が書かれていない
pub(super) const T2_006: RuleInfo = RuleInfo {
    id: RuleId::T2_006,
    sheet: Sheet::KyotakuTable2,
    severity: Warning,
    title_ja: "福祉用具貸与・特定福祉用具販売に必要な理由が書かれていない",
    title_en: "福祉用具 rental or sale without the reason it is needed",
    explanation_ja: "福祉用具貸与・特定福祉用具販売を位置付ける場合は、その福祉用具が必要な理由を計画に記載します。",
    remedy_ja: "サービス内容に、その用具が必要な理由（「〜のため」）を記載してください。",
    sources: &[TenkenManual],
    check: kyotaku(Checks {
        service: Some(|_, s, out| {
            let x = s.item;
            let equipment = matches!(
                data::insured_type(x.service_type.as_str()),
                Some("福祉用具貸与" | "特定福祉用具販売")
            );
            if equipment
                && !data::REASON_MARKERS
                    .iter()
                    .any(|m| x.content.as_str().contains(m))
            {
                out.add(
                    f2::service::CONTENT.of(&s.path),
                    format!("「{}」", x.content),
                    format!("{:?}", x.content.as_str()),
                );
            }
        }),
        ..Checks::NONE
    }),
};

/// T2-007 目標が抽象的で評価しにくい
pub(super) const T2_007: RuleInfo = RuleInfo {
    id: RuleId::T2_007,
    sheet: Sheet::KyotakuTable2,
    severity: Info,
    title_ja: "目標が抽象的で評価しにくい",
    title_en: "a goal is too abstract to evaluate",
    explanation_ja: "記載要領は、目標を抽象的な言葉ではなく誰にもわかりやすい具体的な内容で記載するよう求めています。短期目標はモニタリングの指標になります。",
    remedy_ja: "「いつまでに、何が、どのくらいできるようになるか」がわかる目標にしてください。",
    sources: &[KisaiYoryo, SelfCheck],
    check: kyotaku(Checks {
        long_term_goal: Some(|_, g, out| {
            abstract_goal(out, &f2::long_term_goal::TEXT.of(&g.path), &g.item.text);
        }),
        short_term_goal: Some(|_, g, out| {
            abstract_goal(out, &f2::short_term_goal::TEXT.of(&g.path), &g.item.text);
        }),
        ..Checks::NONE
    }),
};

/// T2-008 インフォーマルな支援が第２表に位置付けられていない
pub(super) const T2_008: RuleInfo = RuleInfo {
    id: RuleId::T2_008,
    sheet: Sheet::KyotakuTable2,
    severity: Warning,
    title_ja: "インフォーマルな支援が第２表に位置付けられていない",
    title_en: "no informal support anywhere in table 2",
    explanation_ja: "自己点検では、家族を含むインフォーマルな支援、保健サービス、市町村事業、社協事業まで視野に入れることを確認します。",
    remedy_ja: "家族・近隣・本人のセルフケア・地域の資源など、保険外の支援も援助内容に記載してください。",
    sources: &[SelfCheck],
    check: kyotaku(Checks {
        plan: Some(|cx, out| {
            if !cx.plan.table2().services().any(|s| !s.insured) {
                out.add(
                    f2::NEEDS.of(&document::TABLE2.of(&FieldPath::root())),
                    "すべての援助内容が介護保険サービスです。".into(),
                    "every service is an insured one".into(),
                );
            }
        }),
        ..Checks::NONE
    }),
};

/// T2-001/T2-002: a period (named `name`) outside the certification.
fn outside(cx: &Plan, out: &mut Hits, path: &FieldPath, p: Period, name: &str) {
    if let Some(c) = cx.cert
        && (p.start() < c.start() || p.start() > c.end() || p.end().is_some_and(|e| e > c.end()))
    {
        out.add(
            path,
            format!(
                "{name} {} が有効期間 {}～{} を超えています。",
                period_text(p),
                c.start(),
                c.end()
            ),
            format!("{} vs {}–{}", period_text(p), c.start(), c.end()),
        );
    }
}

/// T2-003: a period without an end, named `[ja, en]`.
fn no_end(out: &mut Hits, path: &FieldPath, p: Period, [ja, en]: [&str; 2]) {
    if p.end().is_none() {
        out.add(
            path.key("end"),
            format!("{ja}に終了時期がありません。"),
            format!("{en} has no end"),
        );
    }
}

/// T2-007 for one goal's text.
fn abstract_goal(out: &mut Hits, path: &FieldPath, text: &Text) {
    if is_abstract(text.as_str()) {
        out.add(path, format!("「{text}」"), format!("{:?}", text.as_str()));
    }
}

fn is_abstract(goal: &str) -> bool {
    let norm: String = goal
        .chars()
        .filter(|c| {
            !matches!(
                c,
                '。' | '、' | '．' | '，' | ' ' | '　' | '\n' | '「' | '」'
            )
        })
        .collect();
    data::ABSTRACT_GOAL_PHRASES
        .iter()
        .any(|p| norm.starts_with(p) && norm.chars().count() <= p.chars().count() + 6)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abstract_goals() {
        assert!(is_abstract("安心して暮らせる。"));
        assert!(is_abstract("安心して暮らせるようになる"));
        assert!(!is_abstract("近所の喫茶店まで一人で歩いて行ける"));
    }
}
