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
mod rules;

use serde::{Deserialize, Serialize};

pub use rules::check;

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

/// The table a rule concerns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Table {
    /// 第1表.
    T1,
    /// 第2表.
    T2,
    /// 第3表.
    T3,
}

impl Table {
    /// 第１表, 第２表, 第３表.
    pub fn label_ja(self) -> &'static str {
        match self {
            Table::T1 => "第１表",
            Table::T2 => "第２表",
            Table::T3 => "第３表",
        }
    }
}

/// The written source a rule rests on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Source {
    /// 「居宅サービス計画書記載要領」 (老企第29号 別紙, 令和3年改正).
    KisaiYoryo,
    /// The training text's self-check list (介護支援専門員実務研修 11日目 「居宅サービス計画書の検証」).
    SelfCheck,
    /// ケアプラン点検支援マニュアル (厚生労働省, 平成20年).
    TenkenManual,
    /// 平成30年厚生労働省告示第218号.
    Kokuji218,
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
        }
    }
}

/// One rule of the registry.
#[derive(Debug, Clone, Copy)]
pub struct RuleInfo {
    /// The stable ID: `T1-001` …
    pub id: &'static str,
    /// The table it concerns.
    pub table: Table,
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
}

/// Every rule, in ID order.
pub const RULES: &[RuleInfo] = rules::RULES;

/// The rule with the given ID.
pub fn explain(id: &str) -> Option<&'static RuleInfo> {
    RULES.iter().find(|r| r.id.eq_ignore_ascii_case(id))
}

/// One finding: a rule, where, and what to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Finding {
    /// The rule's ID (`T2-004`).
    pub rule: String,
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
    pub fn rule_ids(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = Vec::new();
        for f in &self.findings {
            if !ids.contains(&f.rule.as_str()) {
                ids.push(&f.rule);
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
            r.table.label_ja(),
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
