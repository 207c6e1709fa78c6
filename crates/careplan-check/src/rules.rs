//! The rules: the registry entries and the checks behind them.

use careplan_core::{CarePlan, CertificationStatus, DateRange, Period, PlanKind, Service, Speaker};
use chrono::{Datelike, NaiveDate};

use crate::data;
use crate::{Finding, Report, RuleInfo, Severity, Source, Table};

use Severity::{Error, Info, Warning};
use Source::{KisaiYoryo, Kokuji218, SelfCheck, TenkenManual};

pub(crate) const RULES: &[RuleInfo] = &[
    RuleInfo {
        id: "T1-001",
        table: Table::T1,
        severity: Error,
        title_ja: "総合的な援助の方針が記載されていない",
        title_en: "総合的な援助の方針 (overall support policy) is missing",
        explanation_ja: "記載要領は、課題（ニーズ）に対してチームがどのような援助を行うのか、総合的な援助の方針を記載するよう求めています。",
        remedy_ja: "利用者及び家族の意向を踏まえ、チームとしての援助の方針を、利用者にもわかる言葉で記載してください。",
        sources: &[KisaiYoryo, TenkenManual],
    },
    RuleInfo {
        id: "T1-002",
        table: Table::T1,
        severity: Error,
        title_ja: "利用者及び家族の生活に対する意向を踏まえた課題分析の結果が記載されていない",
        title_en: "neither the wishes nor the analysis result is written",
        explanation_ja: "記載要領は、利用者及びその家族がどのような生活をしたいと考えているのか、課題分析の結果を記載するよう求めています。",
        remedy_ja: "本人・家族それぞれの意向と、それを踏まえた課題分析の結果を記載してください。",
        sources: &[KisaiYoryo],
    },
    RuleInfo {
        id: "T1-003",
        table: Table::T1,
        severity: Warning,
        title_ja: "本人の意向が記載されていない",
        title_en: "the user's own wishes are not written",
        explanation_ja: "自己点検では、本人と家族の主訴を分けて記載し、本人の大切な言葉はそのまま「」で取り上げることを確認します。",
        remedy_ja: "本人の意向を、本人の言葉で記載してください（意思表示が難しい場合は、その様子を記載します）。",
        sources: &[SelfCheck, KisaiYoryo],
    },
    RuleInfo {
        id: "T1-004",
        table: Table::T1,
        severity: Warning,
        title_ja: "一つの意向の欄に複数の人の意向が書かれている",
        title_en: "one wishes entry holds several people's wishes",
        explanation_ja: "記載要領は、利用者と家族の意向が異なる場合には各々の主訴を区別して記載するよう求めています。",
        remedy_ja: "人ごとに意向の欄を分け、家族には続柄を付けてください。",
        sources: &[KisaiYoryo, SelfCheck],
    },
    RuleInfo {
        id: "T1-005",
        table: Table::T1,
        severity: Warning,
        title_ja: "総合的な援助の方針にサービスの種類が書かれている",
        title_en: "the overall support policy names service types",
        explanation_ja: "自己点検では、総合的な援助の方針にサービスの内容を入れないことを確認します。方針は目指す暮らしとチームの姿勢を示すものです。",
        remedy_ja: "サービス名ではなく、どのような暮らしを目指し、チームがどう支えるかを記載してください。",
        sources: &[SelfCheck],
    },
    RuleInfo {
        id: "T1-006",
        table: Table::T1,
        severity: Error,
        title_ja: "生活援助中心型の訪問介護があるのに算定理由が選ばれていない",
        title_en: "生活援助 訪問介護 in table 2 but no 算定理由 circled",
        explanation_ja: "記載要領は、生活援助中心型の訪問介護を位置付ける場合に、その算定理由（１．一人暮らし　２．家族等が障害、疾病等　３．その他）に○を付すよう求めています。",
        remedy_ja: "第１表の「生活援助中心型の算定理由」で該当する理由に○を付け、「３．その他」の場合は事情を記載してください。",
        sources: &[KisaiYoryo],
    },
    RuleInfo {
        id: "T1-007",
        table: Table::T1,
        severity: Warning,
        title_ja: "算定理由が選ばれているのに生活援助中心型の訪問介護がない",
        title_en: "a 算定理由 is circled but table 2 has no 生活援助 訪問介護",
        explanation_ja: "生活援助中心型の算定理由は、生活援助中心型の訪問介護を位置付ける場合に記載するものです。",
        remedy_ja: "第２表に生活援助中心型の訪問介護がない場合は、算定理由の○を外してください。",
        sources: &[KisaiYoryo],
    },
    RuleInfo {
        id: "T1-008",
        table: Table::T1,
        severity: Warning,
        title_ja: "居宅サービス計画作成（変更）日が認定の有効期間の外にある",
        title_en: "the plan date lies outside the certification period",
        explanation_ja: "計画は認定の有効期間に基づいて作成します。更新前に作成する場合などは、その旨を支援経過に記録しておきます。",
        remedy_ja: "作成（変更）日と認定の有効期間を確認してください。",
        sources: &[TenkenManual, KisaiYoryo],
    },
    RuleInfo {
        id: "T1-009",
        table: Table::T1,
        severity: Warning,
        title_ja: "「初回」に○があるのに初回居宅サービス計画作成日と作成（変更）日が違う",
        title_en: "初回 is circled but the first plan date differs from the plan date",
        explanation_ja: "「初回」は当該事業所で初めて計画を作成する場合に○を付すものです。その場合、初回居宅サービス計画作成日は作成（変更）日と同じになります。",
        remedy_ja: "「初回・紹介・継続」の○と、初回居宅サービス計画作成日を確認してください。",
        sources: &[KisaiYoryo],
    },
    RuleInfo {
        id: "T2-001",
        table: Table::T2,
        severity: Warning,
        title_ja: "目標の期間が認定の有効期間を超えている",
        title_en: "a goal period runs outside the certification period",
        explanation_ja: "記載要領は、期間の設定においては「認定の有効期間」も考慮するよう求めています。",
        remedy_ja: "長期目標・短期目標の期間を、認定の有効期間の中に収まるよう見直してください。",
        sources: &[KisaiYoryo, TenkenManual],
    },
    RuleInfo {
        id: "T2-002",
        table: Table::T2,
        severity: Warning,
        title_ja: "サービスの期間が認定の有効期間を超えている",
        title_en: "a service period runs outside the certification period",
        explanation_ja: "サービスの期間は短期目標の期間と連動し、認定の有効期間を考慮して設定します。",
        remedy_ja: "援助内容の期間を、認定の有効期間の中に収まるよう見直してください。",
        sources: &[KisaiYoryo],
    },
    RuleInfo {
        id: "T2-003",
        table: Table::T2,
        severity: Info,
        title_ja: "期間に終了時期が記載されていない",
        title_en: "a period has no end",
        explanation_ja: "記載要領は、原則として開始時期と終了時期を記入し、終了時期が特定できない場合等に開始時期のみを記載してよいとしています。",
        remedy_ja: "終了時期が決められる場合は記入してください。決められない理由は支援経過に記録してください。",
        sources: &[KisaiYoryo],
    },
    RuleInfo {
        id: "T2-004",
        table: Table::T2,
        severity: Error,
        title_ja: "※1 の○が介護保険給付の対象でないサービスに付いている",
        title_en: "※1 (insured) is marked on a service that is not a 介護保険 service",
        explanation_ja: "※1 は保険給付対象内サービスに○を付す欄です。家族、近隣住民、民生委員、配食サービスなど市町村やインフォーマルな支援は対象外です。",
        remedy_ja: "※1 の○を外すか、サービス種別を正式な介護保険サービスの名称にしてください。",
        sources: &[KisaiYoryo, SelfCheck],
    },
    RuleInfo {
        id: "T2-005",
        table: Table::T2,
        severity: Warning,
        title_ja: "介護保険サービスに ※1 の○がない",
        title_en: "a 介護保険 service type lacks the ※1 mark",
        explanation_ja: "研修テキストは、介護保険対象のサービスには※1の欄に○をつけるよう求めています。",
        remedy_ja: "保険給付の対象となるサービスであれば ※1 に○を付けてください。",
        sources: &[SelfCheck, KisaiYoryo],
    },
    RuleInfo {
        id: "T2-006",
        table: Table::T2,
        severity: Warning,
        title_ja: "福祉用具貸与・特定福祉用具販売に必要な理由が書かれていない",
        title_en: "福祉用具 rental or sale without the reason it is needed",
        explanation_ja: "福祉用具貸与・特定福祉用具販売を位置付ける場合は、その福祉用具が必要な理由を計画に記載します。",
        remedy_ja: "サービス内容に、その用具が必要な理由（「〜のため」）を記載してください。",
        sources: &[TenkenManual],
    },
    RuleInfo {
        id: "T2-007",
        table: Table::T2,
        severity: Info,
        title_ja: "目標が抽象的で評価しにくい",
        title_en: "a goal is too abstract to evaluate",
        explanation_ja: "記載要領は、目標を抽象的な言葉ではなく誰にもわかりやすい具体的な内容で記載するよう求めています。短期目標はモニタリングの指標になります。",
        remedy_ja: "「いつまでに、何が、どのくらいできるようになるか」がわかる目標にしてください。",
        sources: &[KisaiYoryo, SelfCheck],
    },
    RuleInfo {
        id: "T2-008",
        table: Table::T2,
        severity: Warning,
        title_ja: "インフォーマルな支援が第２表に位置付けられていない",
        title_en: "no informal support anywhere in table 2",
        explanation_ja: "自己点検では、家族を含むインフォーマルな支援、保健サービス、市町村事業、社協事業まで視野に入れることを確認します。",
        remedy_ja: "家族・近隣・本人のセルフケア・地域の資源など、保険外の支援も援助内容に記載してください。",
        sources: &[SelfCheck],
    },
    RuleInfo {
        id: "T3-001",
        table: Table::T3,
        severity: Warning,
        title_ja: "第２表のサービスが第３表に記載されていない",
        title_en: "a table 2 service does not appear on table 3",
        explanation_ja: "研修テキストは、第２表にあげたサービスは全て（インフォーマル支援も）第３表に記載し、週単位以外のサービスも記入するよう求めています。",
        remedy_ja: "週間サービスの枠か、週単位以外のサービスの欄に記載してください。",
        sources: &[SelfCheck],
    },
    RuleInfo {
        id: "T3-002",
        table: Table::T3,
        severity: Warning,
        title_ja: "第３表のサービスが第２表のどのサービスか示されていない",
        title_en: "a table 3 block does not trace back to a table 2 service",
        explanation_ja: "第３表は第２表の援助内容を週の時間割に置いたものです。第２表にないサービスが第３表にあると、目標との関係がわかりません。",
        remedy_ja: "週間サービスの枠に、対応する第２表のサービスを結び付けてください。第２表にない場合は第２表に位置付けてください。",
        sources: &[SelfCheck],
    },
    RuleInfo {
        id: "T3-003",
        table: Table::T3,
        severity: Warning,
        title_ja: "主な日常生活上の活動に起床・食事・就寝がそろっていない",
        title_en: "the daily activities lack waking, meals or going to bed",
        explanation_ja: "記載要領は、利用者の起床や就寝、食事、排泄などの平均的な一日の過ごし方を記載するよう求めています。",
        remedy_ja: "起床から就寝までの一日の生活リズムを記載してください。",
        sources: &[KisaiYoryo, SelfCheck],
    },
    RuleInfo {
        id: "T3-004",
        table: Table::T3,
        severity: Warning,
        title_ja: "生活援助中心型の訪問介護の回数が告示の回数を超えている（市町村への届出が必要）",
        title_en: "生活援助 visits a month exceed the 告示 count: the plan must be filed with the municipality",
        explanation_ja: "生活援助中心型の訪問介護を告示で定める回数（要介護１ 27回、２ 34回、３ 43回、４ 38回、５ 31回）以上位置付ける場合は、その計画を市町村に届け出ます。",
        remedy_ja: "計画を市町村に届け出て、必要性を説明できるよう記録を整えてください。",
        sources: &[Kokuji218],
    },
];

fn info(id: &str) -> Option<&'static RuleInfo> {
    RULES.iter().find(|r| r.id == id)
}

struct Out {
    findings: Vec<Finding>,
}

impl Out {
    fn add(&mut self, id: &str, path: impl Into<String>, ja: String, en: String) {
        if let Some(r) = info(id) {
            self.findings.push(Finding {
                rule: r.id.to_owned(),
                severity: r.severity,
                path: path.into(),
                message_ja: format!("{}：{}", r.title_ja, ja),
                message_en: format!("{}: {}", r.title_en, en),
                remedy_ja: r.remedy_ja.to_owned(),
            });
        }
    }
}

fn blank(t: Option<&careplan_core::Text>) -> bool {
    t.is_none()
}

fn is_housework(s: &Service) -> bool {
    data::insured_type(s.service_type.as_str()) == Some("訪問介護")
        && data::HOUSEWORK_MARKERS
            .iter()
            .any(|m| s.content.as_str().contains(m) || s.service_type.as_str().contains(m))
}

fn period_outside(p: Period, cert: DateRange) -> bool {
    p.start() < cert.start() || p.start() > cert.end() || p.end().is_some_and(|e| e > cert.end())
}

fn period_text(p: Period) -> String {
    match p.end() {
        Some(e) => format!("{}～{}", p.start(), e),
        None => format!("{}～", p.start()),
    }
}

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

/// T2-001/T2-002 (a period outside the certification) and T2-003 (a period
/// without an end) for one period. `names`: the period in the first message,
/// in the second, and in English.
fn check_period(
    out: &mut Out,
    cert: Option<DateRange>,
    outside_rule: &str,
    path: &str,
    p: Period,
    names: [&str; 3],
) {
    let [outside_ja, no_end_ja, en] = names;
    if let Some(c) = cert
        && period_outside(p, c)
    {
        out.add(
            outside_rule,
            path,
            format!(
                "{outside_ja} {} が有効期間 {}～{} を超えています。",
                period_text(p),
                c.start(),
                c.end()
            ),
            format!("{} vs {}–{}", period_text(p), c.start(), c.end()),
        );
    }
    if p.end().is_none() {
        out.add(
            "T2-003",
            format!("{path}.end"),
            format!("{no_end_ja}に終了時期がありません。"),
            format!("{en} has no end"),
        );
    }
}

/// T2-007 for one goal's text.
fn check_goal_text(out: &mut Out, path: &str, text: &careplan_core::Text) {
    if is_abstract(text.as_str()) {
        out.add(
            "T2-007",
            path,
            format!("「{text}」"),
            format!("{:?}", text.as_str()),
        );
    }
}

/// Runs every rule of the registry over the plan.
pub fn check(plan: &CarePlan) -> Report {
    let mut out = Out {
        findings: Vec::new(),
    };
    let t1 = plan.table1();
    let t2 = plan.table2();
    let t3 = plan.table3();
    let certified = t1.certification_status == CertificationStatus::Certified;
    let cert = if certified {
        t1.certification_period
    } else {
        None
    };

    // 第1表
    if blank(t1.support_policy.as_ref()) {
        out.add(
            "T1-001",
            "table1.support_policy",
            "空欄です。".into(),
            "it is blank".into(),
        );
    }
    if t1.wishes.is_empty() && blank(t1.analysis.as_ref()) {
        out.add(
            "T1-002",
            "table1.wishes",
            "意向も課題分析の結果も空欄です。".into(),
            "both are blank".into(),
        );
    }
    if !t1.wishes.is_empty() && !t1.wishes.iter().any(|w| w.speaker == Speaker::User) {
        out.add(
            "T1-003",
            "table1.wishes",
            "家族の意向だけが記載されています。".into(),
            "only family members' wishes are written".into(),
        );
    }
    for (i, w) in t1.wishes.iter().enumerate() {
        if mixes_persons(w.text.as_str()) {
            out.add(
                "T1-004",
                format!("table1.wishes[{i}].text"),
                "欄の中に別の人の意向が続けて書かれています。".into(),
                "the entry continues with another person's wishes".into(),
            );
        }
    }
    if let Some(policy) = &t1.support_policy {
        // Emergency contacts belong in the policy and may name a service's office.
        let policy_lines: Vec<&str> = policy
            .as_str()
            .lines()
            .filter(|l| !l.contains("連絡先"))
            .collect();
        let named: Vec<&str> = data::INSURED_SERVICE_TYPES
            .iter()
            .copied()
            .filter(|n| policy_lines.iter().any(|l| l.contains(n)))
            .collect();
        if !named.is_empty() {
            out.add(
                "T1-005",
                "table1.support_policy",
                format!("「{}」と書かれています。", named.join("」「")),
                format!("it names {}", named.join(", ")),
            );
        }
    }
    let housework: Vec<&Service> = t2.services().filter(|s| is_housework(s)).collect();
    match (&t1.housework_reason, housework.first()) {
        (None, Some(s)) => out.add(
            "T1-006",
            "table1.housework_reason",
            format!(
                "第２表に「{}」（{}）があります。",
                s.content, s.service_type
            ),
            format!("table 2 has {:?}", s.content.as_str()),
        ),
        (Some(r), None) => out.add(
            "T1-007",
            "table1.housework_reason",
            format!(
                "理由 {} に○がありますが、第２表に生活援助中心型の訪問介護がありません。",
                r.number()
            ),
            format!("reason {} is circled", r.number()),
        ),
        _ => {}
    }
    if let Some(c) = cert
        && !c.contains(t1.plan_date)
    {
        out.add(
            "T1-008",
            "table1.plan_date",
            format!(
                "作成（変更）日 {} は有効期間 {}～{} の外です。",
                t1.plan_date,
                c.start(),
                c.end()
            ),
            format!("{} is outside {}–{}", t1.plan_date, c.start(), c.end()),
        );
    }
    if t1.plan_kinds.contains(PlanKind::Initial) && t1.first_plan_date != t1.plan_date {
        out.add(
            "T1-009",
            "table1.first_plan_date",
            format!(
                "初回居宅サービス計画作成日 {} と作成（変更）日 {} が違います。",
                t1.first_plan_date, t1.plan_date
            ),
            format!("{} vs {}", t1.first_plan_date, t1.plan_date),
        );
    }

    // 第2表
    for (ni, n) in t2.needs.iter().enumerate() {
        for (li, l) in n.long_term_goals.iter().enumerate() {
            let pl = format!("table2.needs[{ni}].long_term_goals[{li}]");
            check_period(
                &mut out,
                cert,
                "T2-001",
                &format!("{pl}.period"),
                l.period,
                ["長期目標の期間", "長期目標の期間", "long-term goal period"],
            );
            check_goal_text(&mut out, &format!("{pl}.text"), &l.text);
            for (si, g) in l.short_term_goals.iter().enumerate() {
                let ps = format!("{pl}.short_term_goals[{si}]");
                check_period(
                    &mut out,
                    cert,
                    "T2-001",
                    &format!("{ps}.period"),
                    g.period,
                    ["短期目標の期間", "短期目標の期間", "short-term goal period"],
                );
                check_goal_text(&mut out, &format!("{ps}.text"), &g.text);
                for (xi, s) in g.services.iter().enumerate() {
                    let px = format!("{ps}.services[{xi}]");
                    check_period(
                        &mut out,
                        cert,
                        "T2-002",
                        &format!("{px}.period"),
                        s.period,
                        ["期間", "サービスの期間", "service period"],
                    );
                    let insured_type = data::insured_type(s.service_type.as_str());
                    if s.insured && insured_type.is_none() {
                        let (ja, en) = if data::is_non_insured(s.service_type.as_str()) {
                            (
                                format!("「{}」は保険給付の対象外です。", s.service_type),
                                format!("{:?} is never insured", s.service_type.as_str()),
                            )
                        } else {
                            (
                                format!(
                                    "「{}」は介護保険サービスの種別名ではありません。",
                                    s.service_type
                                ),
                                format!(
                                    "{:?} is not a 介護保険 service type",
                                    s.service_type.as_str()
                                ),
                            )
                        };
                        out.add("T2-004", format!("{px}.insured"), ja, en);
                    }
                    if !s.insured && insured_type.is_some() {
                        out.add(
                            "T2-005",
                            format!("{px}.insured"),
                            format!("「{}」に○がありません。", s.service_type),
                            format!("{:?} is not marked", s.service_type.as_str()),
                        );
                    }
                    if matches!(insured_type, Some("福祉用具貸与" | "特定福祉用具販売"))
                        && !data::REASON_MARKERS
                            .iter()
                            .any(|m| s.content.as_str().contains(m))
                    {
                        out.add(
                            "T2-006",
                            format!("{px}.content"),
                            format!("「{}」", s.content),
                            format!("{:?}", s.content.as_str()),
                        );
                    }
                }
            }
        }
    }
    if !t2.services().any(|s| !s.insured) {
        out.add(
            "T2-008",
            "table2.needs",
            "すべての援助内容が介護保険サービスです。".into(),
            "every service is an insured one".into(),
        );
    }

    // 第3表
    let on_t3 = |id: &careplan_core::ServiceId| {
        t3.weekly.iter().any(|w| w.service.as_ref() == Some(id))
            || t3.non_weekly.iter().any(|n| n.service.as_ref() == Some(id))
    };
    for (ni, n) in t2.needs.iter().enumerate() {
        for (li, l) in n.long_term_goals.iter().enumerate() {
            for (si, g) in l.short_term_goals.iter().enumerate() {
                for (xi, s) in g.services.iter().enumerate() {
                    if !on_t3(&s.id) {
                        out.add(
                            "T3-001",
                            format!("table2.needs[{ni}].long_term_goals[{li}].short_term_goals[{si}].services[{xi}]"),
                            format!("「{}」（{}）が第３表にありません。", s.content, s.service_type),
                            format!("{:?} ({}) is not on table 3", s.content.as_str(), s.service_type),
                        );
                    }
                }
            }
        }
    }
    for (i, w) in t3.weekly.iter().enumerate() {
        if w.service.is_none() {
            let label = w.label.as_ref().map(|l| l.as_str()).unwrap_or_default();
            out.add(
                "T3-002",
                format!("table3.weekly[{i}]"),
                format!("「{label}」"),
                format!("{label:?}"),
            );
        }
    }
    let activities: Vec<&str> = t3
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
            "T3-003",
            "table3.daily_activities",
            format!("{}がありません。", missing.join("・")),
            format!("missing: {}", missing.join(", ")),
        );
    }
    if let Some(level) = t1.care_level {
        let ym = t3.starts_from;
        let visits: u32 = t3
            .weekly
            .iter()
            .filter(|w| {
                w.service
                    .as_ref()
                    .and_then(|id| t2.service(id))
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
                "T3-004",
                "table3.weekly",
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
    }
    Report {
        findings: out.findings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_ids_are_unique_sorted_and_complete() {
        let ids: Vec<&str> = RULES.iter().map(|r| r.id).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(ids, sorted);
        for r in RULES {
            assert!(!r.sources.is_empty(), "{}", r.id);
            assert!(
                !r.title_ja.is_empty() && !r.explanation_ja.is_empty() && !r.remedy_ja.is_empty()
            );
        }
    }

    #[test]
    fn weekday_counts() {
        // 2025-04: Tuesday 1st; 30 days → Tue/Wed 5 times, others 4.
        assert_eq!(weekday_count(2025, 4, 1), 5);
        assert_eq!(weekday_count(2025, 4, 2), 5);
        assert_eq!(weekday_count(2025, 4, 0), 4);
        assert_eq!((0..7).map(|d| weekday_count(2024, 2, d)).sum::<u32>(), 29);
    }

    #[test]
    fn abstract_goals_and_mixed_wishes() {
        assert!(is_abstract("安心して暮らせる。"));
        assert!(is_abstract("安心して暮らせるようになる"));
        assert!(!is_abstract("近所の喫茶店まで一人で歩いて行ける"));
        assert!(mixes_persons("リハビリをしたい。\n妻：夜が辛い。"));
        assert!(!mixes_persons("妻が手伝ってくれるので安心だ。"));
    }
}
