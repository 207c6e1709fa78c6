//! The plan-check rules of the 介護予防サービス・支援計画書. Each rule is
//! one item: its registry entry and, beside it, the predicate that finds
//! it, asked once about the whole plan (findings come out in ID order and,
//! within a rule, in the order of the plan).

use careplan_core::forms::yobo::checklist::Domain;
use careplan_core::forms::yobo::fields::{
    center, checklist as fc, document as f, issue, service, support,
};
use careplan_core::forms::yobo::{AreaKind, PLAN_DOMAINS, PreventivePlan, SupportLevel};
use careplan_core::{CertificationStatus, FieldPath, Sheet};

use crate::Severity::{Error, Warning};
use crate::Source::{Kokuji197, UneiKijun37, YoboYoshiki};
use crate::{Check, Hits, Report, RuleId, RuleInfo, run};

/// A predicate of a 介護予防 rule: asked once about the whole plan.
pub(crate) type Predicate = fn(&PreventivePlan, &mut Hits);

const fn yobo(p: Predicate) -> Check {
    Check::Yobo(p)
}

fn root() -> FieldPath {
    FieldPath::root()
}

fn issue_path(i: usize) -> FieldPath {
    f::ISSUES.of(&root()).index(i)
}

/// The アセスメント領域 where a checklist domain's 課題 is recorded (運動 →
/// 運動・移動; 栄養, 口腔, 物忘れ, うつ → 健康管理; 閉じこもり → 社会参加):
/// careplan's reading, listed in `docs/readings.md`.
pub fn area_of(domain: Domain) -> AreaKind {
    match domain {
        Domain::Motor => AreaKind::Motor,
        Domain::Housebound => AreaKind::Social,
        Domain::Life => AreaKind::DailyLife,
        Domain::Nutrition | Domain::Oral | Domain::Memory | Domain::Mood => AreaKind::Health,
    }
}

/// The count at which a domain's items are taken as 該当 for Y1-006: the
/// 事業対象者 criterion's threshold (閉じこもり: either item).
pub fn threshold(domain: Domain) -> u8 {
    match domain {
        Domain::Motor => 3,
        Domain::Nutrition | Domain::Oral | Domain::Mood => 2,
        Domain::Housebound | Domain::Memory => 1,
        Domain::Life => 10,
    }
}

/// Y1-001 総合的課題に目標が記載されていない
pub(crate) const Y1_001: RuleInfo = RuleInfo {
    id: RuleId::Y1_001,
    sheet: Sheet::YoboPlan,
    severity: Error,
    title_ja: "総合的課題に目標が記載されていない",
    title_en: "a 総合的課題 has no 目標",
    explanation_ja: "介護予防サービス・支援計画書では、総合的課題ごとに、本人・家族と合意した目標を記載します。目標のない課題には支援計画が立てられません。",
    remedy_ja: "課題に対する目標と具体策の提案、本人・家族の意向を踏まえ、合意した目標を記載してください。",
    sources: &[YoboYoshiki, UneiKijun37],
    check: yobo(|plan, out| {
        for (i, x) in plan.parts().issues.iter().enumerate() {
            if x.goal.is_none() {
                out.add(
                    issue::GOAL.of(&issue_path(i)),
                    format!("課題{}の目標が空欄です。", i + 1),
                    format!("issue {} has no goal", i + 1),
                );
            }
        }
    }),
};

/// Y1-002 目標に支援計画がない
pub(crate) const Y1_002: RuleInfo = RuleInfo {
    id: RuleId::Y1_002,
    sheet: Sheet::YoboPlan,
    severity: Error,
    title_ja: "目標に対する支援計画がない",
    title_en: "a 目標 has no 支援計画",
    explanation_ja: "目標ごとに、支援のポイント、セルフケアや家族・インフォーマルな支援、介護保険サービス又は地域支援事業を支援計画として記載します。",
    remedy_ja: "目標を達成するための支援計画（支援のポイントと、誰が何をするか）を記載してください。",
    sources: &[YoboYoshiki, UneiKijun37],
    check: yobo(|plan, out| {
        for (i, x) in plan.parts().issues.iter().enumerate() {
            if x.goal.is_some() && x.supports.is_empty() {
                out.add(
                    issue::SUPPORTS.of(&issue_path(i)),
                    format!("課題{}の目標に支援計画がありません。", i + 1),
                    format!("issue {}'s goal has no support plan", i + 1),
                );
            }
        }
    }),
};

/// Y1-003 セルフケアやインフォーマルな支援が位置付けられていない
pub(crate) const Y1_003: RuleInfo = RuleInfo {
    id: RuleId::Y1_003,
    sheet: Sheet::YoboPlan,
    severity: Warning,
    title_ja: "本人のセルフケアや家族・インフォーマルな支援が計画のどこにもない",
    title_en: "no self-care, family or informal support anywhere in the plan",
    explanation_ja: "介護予防では、本人が自ら取り組むこと（セルフケア）や家族・地域の支援を計画に位置付け、サービスだけに頼らない生活を目指します。",
    remedy_ja: "本人が取り組むこと、家族や地域・民間の支援を「本人等のセルフケアや家族の支援、インフォーマルサービス」欄に記載してください。",
    sources: &[YoboYoshiki],
    check: yobo(|plan, out| {
        if !plan.supports().any(|(_, s)| s.self_care.is_some()) {
            out.add(
                f::ISSUES.of(&root()),
                "どの支援計画にもセルフケア・家族・インフォーマルな支援の記載がありません。".into(),
                "no support names self-care, family or informal support".into(),
            );
        }
    }),
};

/// Y1-004 利用サービスの期間が認定の有効期間を超えている
pub(crate) const Y1_004: RuleInfo = RuleInfo {
    id: RuleId::Y1_004,
    sheet: Sheet::YoboPlan,
    severity: Warning,
    title_ja: "利用サービスの期間が認定の有効期間を超えている",
    title_en: "a service's period runs outside the certification period",
    explanation_ja: "支援計画の期間は、認定の有効期間の範囲で設定します。有効期間を超える期間は、更新後の計画で見直します。",
    remedy_ja: "期間を認定の有効期間内に収めるか、更新の結果を待って計画を見直してください。",
    sources: &[YoboYoshiki],
    check: yobo(|plan, out| {
        let p = plan.parts();
        let Some(cert) = p
            .certification
            .period
            .filter(|_| p.certification_status == Some(CertificationStatus::Certified))
        else {
            return;
        };
        for (i, x) in p.issues.iter().enumerate() {
            for (j, s) in x.supports.iter().enumerate() {
                for (k, v) in s.services.iter().enumerate() {
                    let Some(d) = v.period.as_ref().and_then(|p| p.dates) else {
                        continue;
                    };
                    let outside =
                        d.start() < cert.start() || d.end().is_none_or(|e| e > cert.end());
                    if outside {
                        let path = service::PERIOD.of(&support::SERVICES
                            .of(&issue::SUPPORTS.of(&issue_path(i)).index(j))
                            .index(k));
                        let end = d
                            .end()
                            .map_or("（終了日なし）".to_owned(), |e| e.to_string());
                        out.add(
                            path,
                            format!(
                                "期間 {}～{} が有効期間 {}～{} を超えています。",
                                d.start(),
                                end,
                                cert.start(),
                                cert.end()
                            ),
                            format!(
                                "{}–{} is outside {}–{}",
                                d.start(),
                                end,
                                cert.start(),
                                cert.end()
                            ),
                        );
                    }
                }
            }
        }
    }),
};

/// Y1-005 事業対象者の基本チェックリストが基準に該当していない
pub(crate) const Y1_005: RuleInfo = RuleInfo {
    id: RuleId::Y1_005,
    sheet: Sheet::YoboPlan,
    severity: Error,
    title_ja: "事業対象者だが、基本チェックリストの回答が事業対象者の基準に該当しない",
    title_en: "a 事業対象者 whose checklist answers meet none of the criteria",
    explanation_ja: "事業対象者は、基本チェックリストの回答が告示の基準（様式第二）のいずれかに該当する方です。回答がどの基準にも該当しない場合、事業対象者として計画を立てることはできません。",
    remedy_ja: "基本チェックリストを確認し直し、該当しない場合は一般介護予防事業等の利用、または要支援認定の申請を検討してください。",
    sources: &[Kokuji197],
    check: yobo(|plan, out| {
        let p = plan.parts();
        if p.level != SupportLevel::BusinessTarget {
            return;
        }
        if let Some(answers) = p.checklist.as_ref().and_then(|c| c.answers)
            && !answers.meets_jigyo_criteria()
        {
            out.add(
                fc::ANSWERS.of(&f::CHECKLIST.of(&root())),
                "回答がどの基準にも該当しません。".into(),
                "the answers meet none of the criteria".into(),
            );
        }
    }),
};

/// Y1-006 基本チェックリストで該当した領域に課題が記録されていない
pub(crate) const Y1_006: RuleInfo = RuleInfo {
    id: RuleId::Y1_006,
    sheet: Sheet::YoboPlan,
    severity: Warning,
    title_ja: "基本チェックリストで該当のある領域に、課題が「有」と記録されていない",
    title_en: "an area whose checklist items count has no issue recorded",
    explanation_ja: "基本チェックリストで該当した項目は、アセスメント領域の課題を検討する手がかりです。該当があるのに領域の課題が「無」または未記入の場合、その理由を確認します。",
    remedy_ja: "該当した領域の現在の状況を確かめ、課題の有無とその背景・原因を記載してください（課題としない場合は、その理由を記録してください）。",
    sources: &[YoboYoshiki, Kokuji197],
    check: yobo(|plan, out| {
        let p = plan.parts();
        let Some(c) = &p.checklist else { return };
        let pa = f::ASSESSMENT.of(&root());
        for d in PLAN_DOMAINS {
            let n = c.counts.get(d).unwrap_or(0);
            let kind = area_of(d);
            if n >= threshold(d) && p.assessment.area(kind).has_issue != Some(true) {
                let field = match kind {
                    AreaKind::Motor => &careplan_core::forms::yobo::fields::assessment::MOTOR,
                    AreaKind::DailyLife => {
                        &careplan_core::forms::yobo::fields::assessment::DAILY_LIFE
                    }
                    AreaKind::Social => &careplan_core::forms::yobo::fields::assessment::SOCIAL,
                    AreaKind::Health => &careplan_core::forms::yobo::fields::assessment::HEALTH,
                };
                out.add(
                    careplan_core::forms::yobo::fields::area::HAS_ISSUE.of(&field.of(&pa)),
                    format!(
                        "{}が{}／{}ですが、「{}」に課題が「有」と記録されていません。",
                        d.label_ja(),
                        n,
                        d.size(),
                        kind.label_ja()
                    ),
                    format!(
                        "{} counts {}/{} but {} records no issue",
                        d.code(),
                        n,
                        d.size(),
                        kind.code()
                    ),
                );
            }
        }
    }),
};

/// Y1-007 委託の計画に地域包括支援センターの確認がない
pub(crate) const Y1_007: RuleInfo = RuleInfo {
    id: RuleId::Y1_007,
    sheet: Sheet::YoboPlan,
    severity: Warning,
    title_ja: "委託の計画に地域包括支援センターの確認が記録されていない",
    title_en: "an entrusted plan has no confirmation by the 地域包括支援センター",
    explanation_ja: "介護予防支援を居宅介護支援事業所に委託した場合も、計画の内容は地域包括支援センターが確認します（様式の【確認印】欄）。",
    remedy_ja: "地域包括支援センターに計画の確認を依頼し、確認日を記録してください。",
    sources: &[UneiKijun37, YoboYoshiki],
    check: yobo(|plan, out| {
        let p = plan.parts();
        if p.entrusted && p.center.confirmed_on.is_none() {
            out.add(
                center::CONFIRMED_ON.of(&f::CENTER.of(&root())),
                "委託の計画ですが、確認日がありません。".into(),
                "the plan is entrusted but not confirmed".into(),
            );
        }
    }),
};

/// Every rule of the 介護予防サービス・支援計画書, in ID order.
pub(crate) const RULES: &[RuleInfo] = &[Y1_001, Y1_002, Y1_003, Y1_004, Y1_005, Y1_006, Y1_007];

/// Runs every rule of the 介護予防サービス・支援計画書 over the plan.
pub(crate) fn check(plan: &PreventivePlan) -> Report {
    let mut findings = Vec::new();
    for rule in RULES {
        let Check::Yobo(predicate) = rule.check else {
            continue;
        };
        run(rule, &mut findings, |h| predicate(plan, h));
    }
    Report { findings }
}
