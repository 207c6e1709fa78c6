//! 第1表's rules: the wishes, the analysis, the overall policy, the
//! housework reason and the plan's dates.

use careplan_core::forms::kyotaku::fields::{document, table1 as f1};
use careplan_core::{FieldPath, PlanKind, Sheet, Speaker};

use super::{Checks, is_housework};
use crate::Severity::{Error, Warning};
use crate::Source::{KisaiYoryo, SelfCheck, TenkenManual};
use crate::{Check, RuleId, RuleInfo, data};

const fn kyotaku(c: Checks) -> Check {
    Check::Kyotaku(c)
}

/// The path of a field of 第1表.
fn t1(field: &careplan_core::Field) -> FieldPath {
    field.of(&document::TABLE1.of(&FieldPath::root()))
}

/// T1-001 総合的な援助の方針が記載されていない
pub(super) const T1_001: RuleInfo = RuleInfo {
    id: RuleId::T1_001,
    sheet: Sheet::KyotakuTable1,
    severity: Error,
    title_ja: "総合的な援助の方針が記載されていない",
    title_en: "総合的な援助の方針 (overall support policy) is missing",
    explanation_ja: "記載要領は、課題（ニーズ）に対してチームがどのような援助を行うのか、総合的な援助の方針を記載するよう求めています。",
    remedy_ja: "利用者及び家族の意向を踏まえ、チームとしての援助の方針を、利用者にもわかる言葉で記載してください。",
    sources: &[KisaiYoryo, TenkenManual],
    check: kyotaku(Checks {
        plan: Some(|cx, out| {
            if cx.plan.table1().support_policy.is_none() {
                out.add(
                    t1(&f1::SUPPORT_POLICY),
                    "空欄です。".into(),
                    "it is blank".into(),
                );
            }
        }),
        ..Checks::NONE
    }),
};

/// T1-002 利用者及び家族の生活に対する意向を踏まえた課題分析の結果が記載されていない
pub(super) const T1_002: RuleInfo = RuleInfo {
    id: RuleId::T1_002,
    sheet: Sheet::KyotakuTable1,
    severity: Error,
    title_ja: "利用者及び家族の生活に対する意向を踏まえた課題分析の結果が記載されていない",
    title_en: "neither the wishes nor the analysis result is written",
    explanation_ja: "記載要領は、利用者及びその家族がどのような生活をしたいと考えているのか、課題分析の結果を記載するよう求めています。",
    remedy_ja: "本人・家族それぞれの意向と、それを踏まえた課題分析の結果を記載してください。",
    sources: &[KisaiYoryo],
    check: kyotaku(Checks {
        plan: Some(|cx, out| {
            let t = cx.plan.table1();
            if t.wishes.is_empty() && t.analysis.is_none() {
                out.add(
                    t1(&f1::WISHES),
                    "意向も課題分析の結果も空欄です。".into(),
                    "both are blank".into(),
                );
            }
        }),
        ..Checks::NONE
    }),
};

/// T1-003 本人の意向が記載されていない
pub(super) const T1_003: RuleInfo = RuleInfo {
    id: RuleId::T1_003,
    sheet: Sheet::KyotakuTable1,
    severity: Warning,
    title_ja: "本人の意向が記載されていない",
    title_en: "the user's own wishes are not written",
    explanation_ja: "自己点検では、本人と家族の主訴を分けて記載し、本人の大切な言葉はそのまま「」で取り上げることを確認します。",
    remedy_ja: "本人の意向を、本人の言葉で記載してください（意思表示が難しい場合は、その様子を記載します）。",
    sources: &[SelfCheck, KisaiYoryo],
    check: kyotaku(Checks {
        plan: Some(|cx, out| {
            let w = &cx.plan.table1().wishes;
            if !w.is_empty() && !w.iter().any(|w| w.speaker == Speaker::User) {
                out.add(
                    t1(&f1::WISHES),
                    "家族の意向だけが記載されています。".into(),
                    "only family members' wishes are written".into(),
                );
            }
        }),
        ..Checks::NONE
    }),
};

/// T1-004 一つの意向の欄に複数の人の意向が書かれている
pub(super) const T1_004: RuleInfo = RuleInfo {
    id: RuleId::T1_004,
    sheet: Sheet::KyotakuTable1,
    severity: Warning,
    title_ja: "一つの意向の欄に複数の人の意向が書かれている",
    title_en: "one wishes entry holds several people's wishes",
    explanation_ja: "記載要領は、利用者と家族の意向が異なる場合には各々の主訴を区別して記載するよう求めています。",
    remedy_ja: "人ごとに意向の欄を分け、家族には続柄を付けてください。",
    sources: &[KisaiYoryo, SelfCheck],
    check: kyotaku(Checks {
        plan: Some(|cx, out| {
            let pw = t1(&f1::WISHES);
            for (i, w) in cx.plan.table1().wishes.iter().enumerate() {
                if mixes_persons(w.text.as_str()) {
                    out.add(
                        f1::wish::TEXT.of(&pw.index(i)),
                        "欄の中に別の人の意向が続けて書かれています。".into(),
                        "the entry continues with another person's wishes".into(),
                    );
                }
            }
        }),
        ..Checks::NONE
    }),
};

/// T1-005 総合的な援助の方針にサービスの種類が書かれている
pub(super) const T1_005: RuleInfo = RuleInfo {
    id: RuleId::T1_005,
    sheet: Sheet::KyotakuTable1,
    severity: Warning,
    title_ja: "総合的な援助の方針にサービスの種類が書かれている",
    title_en: "the overall support policy names service types",
    explanation_ja: "自己点検では、総合的な援助の方針にサービスの内容を入れないことを確認します。方針は目指す暮らしとチームの姿勢を示すものです。",
    remedy_ja: "サービス名ではなく、どのような暮らしを目指し、チームがどう支えるかを記載してください。",
    sources: &[SelfCheck],
    check: kyotaku(Checks {
        plan: Some(|cx, out| {
            let Some(policy) = &cx.plan.table1().support_policy else {
                return;
            };
            // Emergency contacts belong in the policy and may name a service's office.
            let lines: Vec<&str> = policy
                .as_str()
                .lines()
                .filter(|l| !l.contains("連絡先"))
                .collect();
            let named: Vec<&str> = data::INSURED_SERVICE_TYPES
                .iter()
                .copied()
                .filter(|n| lines.iter().any(|l| l.contains(n)))
                .collect();
            if !named.is_empty() {
                out.add(
                    t1(&f1::SUPPORT_POLICY),
                    format!("「{}」と書かれています。", named.join("」「")),
                    format!("it names {}", named.join(", ")),
                );
            }
        }),
        ..Checks::NONE
    }),
};

/// T1-006 生活援助中心型の訪問介護があるのに算定理由が選ばれていない
pub(super) const T1_006: RuleInfo = RuleInfo {
    id: RuleId::T1_006,
    sheet: Sheet::KyotakuTable1,
    severity: Error,
    title_ja: "生活援助中心型の訪問介護があるのに算定理由が選ばれていない",
    title_en: "生活援助 訪問介護 in table 2 but no 算定理由 circled",
    explanation_ja: "記載要領は、生活援助中心型の訪問介護を位置付ける場合に、その算定理由（１．一人暮らし　２．家族等が障害、疾病等　３．その他）に○を付すよう求めています。",
    remedy_ja: "第１表の「生活援助中心型の算定理由」で該当する理由に○を付け、「３．その他」の場合は事情を記載してください。",
    sources: &[KisaiYoryo],
    check: kyotaku(Checks {
        plan: Some(|cx, out| {
            let housework = cx.plan.table2().services().find(|s| is_housework(s));
            if let (None, Some(s)) = (&cx.plan.table1().housework_reason, housework) {
                out.add(
                    t1(&f1::HOUSEWORK_REASON),
                    format!(
                        "第２表に「{}」（{}）があります。",
                        s.content, s.service_type
                    ),
                    format!("table 2 has {:?}", s.content.as_str()),
                );
            }
        }),
        ..Checks::NONE
    }),
};

/// T1-007 算定理由が選ばれているのに生活援助中心型の訪問介護がない
pub(super) const T1_007: RuleInfo = RuleInfo {
    id: RuleId::T1_007,
    sheet: Sheet::KyotakuTable1,
    severity: Warning,
    title_ja: "算定理由が選ばれているのに生活援助中心型の訪問介護がない",
    title_en: "a 算定理由 is circled but table 2 has no 生活援助 訪問介護",
    explanation_ja: "生活援助中心型の算定理由は、生活援助中心型の訪問介護を位置付ける場合に記載するものです。",
    remedy_ja: "第２表に生活援助中心型の訪問介護がない場合は、算定理由の○を外してください。",
    sources: &[KisaiYoryo],
    check: kyotaku(Checks {
        plan: Some(|cx, out| {
            let housework = cx.plan.table2().services().any(is_housework);
            if let (Some(r), false) = (&cx.plan.table1().housework_reason, housework) {
                out.add(
                    t1(&f1::HOUSEWORK_REASON),
                    format!(
                        "理由 {} に○がありますが、第２表に生活援助中心型の訪問介護がありません。",
                        r.number()
                    ),
                    format!("reason {} is circled", r.number()),
                );
            }
        }),
        ..Checks::NONE
    }),
};

/// T1-008 居宅サービス計画作成（変更）日が認定の有効期間の外にある
pub(super) const T1_008: RuleInfo = RuleInfo {
    id: RuleId::T1_008,
    sheet: Sheet::KyotakuTable1,
    severity: Warning,
    title_ja: "居宅サービス計画作成（変更）日が認定の有効期間の外にある",
    title_en: "the plan date lies outside the certification period",
    explanation_ja: "計画は認定の有効期間に基づいて作成します。更新前に作成する場合などは、その旨を支援経過に記録しておきます。",
    remedy_ja: "作成（変更）日と認定の有効期間を確認してください。",
    sources: &[TenkenManual, KisaiYoryo],
    check: kyotaku(Checks {
        plan: Some(|cx, out| {
            let pd = cx.plan.table1().plan_date;
            if let Some(c) = cx.cert
                && !c.contains(pd)
            {
                out.add(
                    t1(&f1::PLAN_DATE),
                    format!(
                        "作成（変更）日 {pd} は有効期間 {}～{} の外です。",
                        c.start(),
                        c.end()
                    ),
                    format!("{pd} is outside {}–{}", c.start(), c.end()),
                );
            }
        }),
        ..Checks::NONE
    }),
};

/// T1-009 「初回」に○があるのに初回居宅サービス計画作成日と作成（変更）日が違う
pub(super) const T1_009: RuleInfo = RuleInfo {
    id: RuleId::T1_009,
    sheet: Sheet::KyotakuTable1,
    severity: Warning,
    title_ja: "「初回」に○があるのに初回居宅サービス計画作成日と作成（変更）日が違う",
    title_en: "初回 is circled but the first plan date differs from the plan date",
    explanation_ja: "「初回」は当該事業所で初めて計画を作成する場合に○を付すものです。その場合、初回居宅サービス計画作成日は作成（変更）日と同じになります。",
    remedy_ja: "「初回・紹介・継続」の○と、初回居宅サービス計画作成日を確認してください。",
    sources: &[KisaiYoryo],
    check: kyotaku(Checks {
        plan: Some(|cx, out| {
            let t = cx.plan.table1();
            if t.plan_kinds.contains(PlanKind::Initial) && t.first_plan_date != t.plan_date {
                out.add(
                    t1(&f1::FIRST_PLAN_DATE),
                    format!(
                        "初回居宅サービス計画作成日 {} と作成（変更）日 {} が違います。",
                        t.first_plan_date, t.plan_date
                    ),
                    format!("{} vs {}", t.first_plan_date, t.plan_date),
                );
            }
        }),
        ..Checks::NONE
    }),
};

/// Relation words that, at the start of a line inside one wishes entry,
/// show that another person's wishes were written into it.
const RELATION_WORDS: &[&str] = &[
    "本人", "妻", "夫", "長男", "長女", "次男", "次女", "三男", "三女", "息子", "娘", "嫁", "婿",
    "孫", "兄", "弟", "姉", "妹", "姪", "甥",
];

fn mixes_persons(text: &str) -> bool {
    text.lines()
        .skip(1)
        .chain(text.lines().take(1))
        .any(|line| {
            let l = line.trim_start();
            RELATION_WORDS.iter().any(|w| {
                l.strip_prefix(w).is_some_and(|rest| {
                    rest.starts_with('：')
                        || rest.starts_with(':')
                        || rest.starts_with('「')
                        || rest.starts_with('　')
                })
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mixed_wishes() {
        assert!(mixes_persons("リハビリをしたい。\n妻：夜が辛い。"));
        assert!(!mixes_persons("妻が手伝ってくれるので安心だ。"));
    }
}
