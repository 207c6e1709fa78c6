//! # careplan-check
//!
//! The plan-check rules that care managers apply to themselves (the
//! training text's self-check list) and insurers apply in ケアプラン点検, as a
//! registry: every rule has an ID, the table it concerns, a severity, a
//! Japanese title and explanation, what to do about it, and the written
//! source it rests on. [`check`] runs them all and returns a [`Report`].
//!
//! These are findings about a plan that is well-formed (careplan-core
//! already refuses a broken form): things a care manager may have done
//! knowingly, which an inspector would ask about.
//!
//! ```
//! use careplan_core::CarePlan;
//! use careplan_check::{check, explain, Severity};
//!
//! let json = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/plans/case-a.json"))?;
//! let report = check(&CarePlan::from_json(&json)?);
//! assert!(!report.has_errors());
//! let rule = explain("T2-004").unwrap();
//! assert_eq!(rule.severity, Severity::Error);
//! assert!(rule.title_ja.contains("※1"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod data;
pub mod fields;
mod kyotaku;
mod records;
pub mod yobo;

use std::fmt;

use careplan_core::forms::kyotaku::case_file::CaseFile;
use careplan_core::forms::kyotaku::meeting::Meeting;
use careplan_core::{CarePlan, Document, PreventivePlan, Sheet};
use serde::{Deserialize, Serialize};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Noted for review.
    Info,
    /// Should be corrected or explained.
    Warning,
    /// Breaks a written rule: must be corrected.
    Error,
}

impl Severity {
    /// The label in Japanese.
    pub fn label_ja(self) -> &'static str {
        match self {
            Severity::Error => "誤り",
            Severity::Warning => "要確認",
            Severity::Info => "参考",
        }
    }

    /// The JSON code.
    pub fn code(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// The written source a rule rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Source {
    /// 「居宅サービス計画書記載要領」 (老企第29号 別紙, 令和3年改正).
    KisaiYoryo,
    /// The training text's self-check list (介護支援専門員実務研修 11日目 「居宅サービス計画書の検証」).
    SelfCheck,
    /// ケアプラン点検支援マニュアル (厚生労働省, 平成20年).
    TenkenManual,
    /// 平成30年厚生労働省告示第218号.
    Kokuji218,
    /// 介護予防支援業務に係る関連様式例（介護予防サービス・支援計画書）.
    YoboYoshiki,
    /// 平成18年厚生労働省令第37号（指定介護予防支援等の事業の人員及び運営並びに指定介護予防支援等に係る介護予防のための効果的な支援の方法に関する基準）.
    UneiKijun37,
    /// 平成27年厚生労働省告示第197号（基本チェックリスト、事業対象者の基準）.
    Kokuji197,
    /// 平成11年厚生省令第38号（指定居宅介護支援等の事業の人員及び運営に関する基準）.
    UneiKijun38,
    /// 厚生労働省の事務連絡（平成27年3月31日）: the care manager puts the units
    /// over the 区分支給限度基準額 on the services chosen with the user
    /// (as FORMS-4-7.md §6.2 reads it, \[C\]).
    Jimurenraku20150331,
}

impl Source {
    /// The source's name as cited.
    pub fn citation(self) -> &'static str {
        match self {
            Source::KisaiYoryo => {
                "居宅サービス計画書記載要領（老企第29号、令和3年老認発0331第6号改正）"
            }
            Source::SelfCheck => {
                "介護支援専門員実務研修テキスト「居宅サービス計画書の検証」自己点検"
            }
            Source::TenkenManual => "ケアプラン点検支援マニュアル（厚生労働省、平成20年）",
            Source::Kokuji218 => "平成30年厚生労働省告示第218号（生活援助中心型の訪問介護の回数）",
            Source::YoboYoshiki => {
                "介護予防支援業務に係る関連様式例（老振発第0331009号）「介護予防サービス・支援計画書」"
            }
            Source::UneiKijun37 => {
                "指定介護予防支援等の事業の人員及び運営並びに指定介護予防支援等に係る介護予防のための効果的な支援の方法に関する基準（平成18年厚生労働省令第37号）"
            }
            Source::Kokuji197 => {
                "平成27年厚生労働省告示第197号（基本チェックリスト、事業対象者の基準）"
            }
            Source::UneiKijun38 => {
                "指定居宅介護支援等の事業の人員及び運営に関する基準（平成11年厚生省令第38号）第13条"
            }
            Source::Jimurenraku20150331 => {
                "厚生労働省 事務連絡（平成27年3月31日）：区分支給限度基準額を超える単位数をどのサービスに割り当てるかは介護支援専門員が利用者と決める（FORMS-4-7.md §6.2 の読み）"
            }
        }
    }
}

macro_rules! rule_ids {
    ($($variant:ident = $id:literal,)+) => {
        /// The stable ID of a plan-check rule (`T2-004`): the sheet's code
        /// and a number. Rule IDs never change meaning and are never reused.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum RuleId {
            $(
                #[doc = $id]
                $variant,
            )+
        }

        impl RuleId {
            /// Every rule ID, in order.
            pub const ALL: &'static [RuleId] = &[$(RuleId::$variant),+];

            /// The ID as written (`T2-004`).
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(RuleId::$variant => $id,)+
                }
            }
        }
    };
}

rule_ids! {
    T1_001 = "T1-001",
    T1_002 = "T1-002",
    T1_003 = "T1-003",
    T1_004 = "T1-004",
    T1_005 = "T1-005",
    T1_006 = "T1-006",
    T1_007 = "T1-007",
    T1_008 = "T1-008",
    T1_009 = "T1-009",
    T2_001 = "T2-001",
    T2_002 = "T2-002",
    T2_003 = "T2-003",
    T2_004 = "T2-004",
    T2_005 = "T2-005",
    T2_006 = "T2-006",
    T2_007 = "T2-007",
    T2_008 = "T2-008",
    T3_001 = "T3-001",
    T3_002 = "T3-002",
    T3_003 = "T3-003",
    T3_004 = "T3-004",
    T4_001 = "T4-001",
    T4_002 = "T4-002",
    T4_003 = "T4-003",
    T4_004 = "T4-004",
    T5_001 = "T5-001",
    T6_001 = "T6-001",
    T6_002 = "T6-002",
    T6_003 = "T6-003",
    T6_004 = "T6-004",
    T6_005 = "T6-005",
    T7_001 = "T7-001",
    Y1_001 = "Y1-001",
    Y1_002 = "Y1-002",
    Y1_003 = "Y1-003",
    Y1_004 = "Y1-004",
    Y1_005 = "Y1-005",
    Y1_006 = "Y1-006",
    Y1_007 = "Y1-007",
}

impl RuleId {
    /// The rule ID written `id`, case-insensitively (`t2-004`).
    pub fn parse(id: &str) -> Option<RuleId> {
        RuleId::ALL
            .iter()
            .copied()
            .find(|r| r.as_str().eq_ignore_ascii_case(id))
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for RuleId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for RuleId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        RuleId::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("no rule {s}")))
    }
}

/// One rule of the registry: what it says, and the check behind it.
#[derive(Debug, Clone, Copy)]
pub struct RuleInfo {
    /// The stable ID: `T1-001` …
    pub id: RuleId,
    /// The sheet it concerns.
    pub sheet: Sheet,
    /// How serious a finding is.
    pub severity: Severity,
    /// The rule in a line, in Japanese.
    pub title_ja: &'static str,
    /// The rule in a line, in English.
    pub title_en: &'static str,
    /// Why the rule exists, in Japanese.
    pub explanation_ja: &'static str,
    /// What to do about a finding, in Japanese.
    pub remedy_ja: &'static str,
    /// The sources it rests on.
    pub sources: &'static [Source],
    /// Where in a document the rule looks, and what it finds there.
    pub(crate) check: Check,
}

/// The predicates of a rule, by the form it checks.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Check {
    /// A rule of the 居宅サービス計画書.
    Kyotaku(kyotaku::Checks),
    /// A rule of 第4表, asked about each meeting.
    Meeting(records::MeetingPredicate),
    /// A rule that needs a whole case file (the plan with its 第4表 or 第5表).
    Case(records::CasePredicate),
    /// A rule of 第6表 サービス利用票.
    Usage(records::UsagePredicate),
    /// A rule of 第7表, asked about a 第6表 and the 第7表 computed from it.
    Table7(records::Table7Predicate),
    /// A rule of the 介護予防サービス・支援計画書.
    Yobo(yobo::Predicate),
}

/// Every rule, in ID order: the 居宅サービス計画書's (T1–T3), 第4表's and
/// 第5表's (T4, T5), then the 介護予防サービス・支援計画書's (Y1).
pub const RULES: &[RuleInfo] = &concat_rules::<
    { kyotaku::RULES.len() + records::RULES.len() + yobo::RULES.len() },
>([kyotaku::RULES, records::RULES, yobo::RULES]);

/// The forms' rule lists as one array, made while compiling.
// Evaluated at compile time: an index out of bounds fails the build.
#[allow(clippy::indexing_slicing)]
const fn concat_rules<const N: usize>(lists: [&[RuleInfo]; 3]) -> [RuleInfo; N] {
    let mut out = [kyotaku::RULES[0]; N];
    let mut n = 0;
    let mut l = 0;
    while l < lists.len() {
        let mut i = 0;
        while i < lists[l].len() {
            out[n] = lists[l][i];
            n += 1;
            i += 1;
        }
        l += 1;
    }
    out
}

/// What one rule's predicate found: where, and what, in Japanese and
/// English (the rule's title is put in front of each).
#[derive(Default)]
pub(crate) struct Hits {
    hits: Vec<(String, String, String)>,
}

impl Hits {
    /// A finding at `path`: what was found, in Japanese and in English.
    pub fn add(&mut self, path: impl ToString, ja: String, en: String) {
        self.hits.push((path.to_string(), ja, en));
    }
}

/// Runs one predicate and turns its hits into findings of its rule.
pub(crate) fn run(rule: &RuleInfo, out: &mut Vec<Finding>, predicate: impl FnOnce(&mut Hits)) {
    let mut hits = Hits::default();
    predicate(&mut hits);
    for (path, ja, en) in hits.hits {
        out.push(Finding {
            rule: rule.id,
            severity: rule.severity,
            path,
            message_ja: format!("{}：{}", rule.title_ja, ja),
            message_en: format!("{}: {}", rule.title_en, en),
            remedy_ja: rule.remedy_ja.to_owned(),
        });
    }
}

/// The rule with the given ID (case-insensitive).
pub fn explain(id: &str) -> Option<&'static RuleInfo> {
    let id = RuleId::parse(id)?;
    RULES.iter().find(|r| r.id == id)
}

/// Runs every rule of the 居宅サービス計画書 over the plan.
pub fn check(plan: &CarePlan) -> Report {
    kyotaku::check(plan)
}

/// Runs every rule of the 介護予防サービス・支援計画書 over the plan.
pub fn check_preventive(plan: &PreventivePlan) -> Report {
    yobo::check(plan)
}

/// Runs every rule of 第4表 over the minutes of one meeting.
pub fn check_meeting(meeting: &Meeting) -> Report {
    records::check_meeting(meeting)
}

/// Runs every rule of 第7表 over a 第6表 and the 第7表 computed from it
/// (paths of the terms, such as `allocation`, are the terms').
pub fn check_table7(
    u: &careplan_core::forms::kyotaku::usage::Usage,
    t: &careplan_core::forms::kyotaku::usage::table7::Table7,
) -> Report {
    records::check_table7(u, t)
}

/// Runs every rule that applies to a case file: the plan's (paths under
/// `plan`), each meeting's (under `meetings[i]`), and those that need the
/// plan together with its meetings or its 第5表.
pub fn check_case_file(case: &CaseFile) -> Report {
    records::check_case_file(case)
}

/// Runs every rule of 第6表 over one サービス利用票.
pub fn check_usage(u: &careplan_core::forms::kyotaku::usage::Usage) -> Report {
    records::check_usage(u)
}

/// Runs every rule of the document's form. A 第5表 on its own gets an
/// empty report: its rule needs the plan (put both in a case file).
pub fn check_document(doc: &Document) -> Report {
    match doc {
        Document::Kyotaku(p) => check(p),
        Document::YoboPlan(p) => check_preventive(p),
        Document::Meeting(m) => check_meeting(m),
        Document::CaseFile(c) => check_case_file(c),
        Document::Usage(u) => check_usage(u),
        // A form with no rules.
        #[allow(unreachable_patterns)]
        _ => Report::default(),
    }
}

/// One finding: a rule, where, and what to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Finding {
    /// The rule's ID (`T2-004`).
    #[cfg_attr(feature = "schema", schemars(with = "String"))]
    pub rule: RuleId,
    /// How serious it is.
    pub severity: Severity,
    /// The JSON path of the field concerned.
    pub path: String,
    /// What was found, in Japanese.
    pub message_ja: String,
    /// What was found, in English.
    pub message_en: String,
    /// What to do about it, in Japanese.
    pub remedy_ja: String,
}

/// The result of checking a plan.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// Every finding, by table and in the order of the plan.
    pub findings: Vec<Finding>,
}

impl Report {
    /// Whether some finding has error severity.
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }

    /// The number of findings of a severity.
    pub fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    /// The IDs of the rules that fired, without repeats, in order.
    pub fn rule_ids(&self) -> Vec<RuleId> {
        let mut ids: Vec<RuleId> = Vec::new();
        for f in &self.findings {
            if !ids.contains(&f.rule) {
                ids.push(f.rule);
            }
        }
        ids
    }

    /// The report as lines for people, in Japanese (`ja = true`) or English.
    pub fn to_text(&self, ja: bool) -> String {
        let mut s = String::new();
        for f in &self.findings {
            if ja {
                s.push_str(&format!(
                    "[{}] {} {}\n  {}\n  → {}\n",
                    f.severity.label_ja(),
                    f.rule,
                    f.path,
                    f.message_ja,
                    f.remedy_ja
                ));
            } else {
                s.push_str(&format!(
                    "[{}] {} {}\n  {}\n",
                    f.severity.code(),
                    f.rule,
                    f.path,
                    f.message_en
                ));
            }
        }
        let (e, w, i) = (
            self.count(Severity::Error),
            self.count(Severity::Warning),
            self.count(Severity::Info),
        );
        if ja {
            s.push_str(&format!("誤り {e} 件、要確認 {w} 件、参考 {i} 件\n"));
        } else {
            s.push_str(&format!("{e} error(s), {w} warning(s), {i} info\n"));
        }
        s
    }
}

/// The rule list as Markdown, generated from the registry (`docs/rules.md`).
pub fn rules_markdown() -> String {
    let mut s = String::from(
        "# Plan-check rules / ケアプラン点検の規則\n\n\
         Generated from the registry in `crates/careplan-check` (`careplan check --explain ID`); do not edit by hand.\n\
         Regenerate with `UPDATE_DOCS=1 cargo test -p careplan-check`.\n\n",
    );
    s.push_str(&format!(
        "Data tables as of {} (service types), 告示 counts from {}.\n\n",
        data::TABLES_AS_OF,
        data::HOUSEWORK_VISIT_LIMITS_SOURCE
    ));
    s.push_str("| ID | table | severity | rule | source |\n|---|---|---|---|---|\n");
    for r in RULES {
        let sources: Vec<&str> = r.sources.iter().map(|x| x.citation()).collect();
        s.push_str(&format!(
            "| {} | {} | {} ({}) | {}<br>{} | {} |\n",
            r.id,
            r.sheet.label_ja(),
            r.severity.code(),
            r.severity.label_ja(),
            r.title_ja,
            r.title_en,
            sources.join("<br>")
        ));
    }
    s.push_str("\n## Explanations / 解説\n\n");
    for r in RULES {
        s.push_str(&format!(
            "### {} {}\n\n{}\n\n対応：{}\n\n",
            r.id, r.title_ja, r.explanation_ja, r.remedy_ja
        ));
    }
    s
}
