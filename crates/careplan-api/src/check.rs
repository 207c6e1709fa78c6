//! The plan-check rules (ケアプラン点検): run them, list them, explain one.

use careplan_check::{RULES, Report, RuleInfo, Severity};
use careplan_core::Document;
use serde::{Deserialize, Serialize};

use crate::{ApiError, ErrorCode};

/// Applies every plan-check rule of the document's form.
pub fn check(doc: &Document) -> Result<Report, ApiError> {
    match doc {
        Document::Kyotaku(_)
        | Document::YoboPlan(_)
        | Document::Meeting(_)
        | Document::CaseFile(_)
        | Document::Usage(_) => Ok(careplan_check::check_document(doc)),
        Document::Progress(_) => Err(ApiError::new(
            ErrorCode::BadOptions,
            "第５表の点検（T5-001）には計画が必要です。計画と第５表をケースファイル（case_file）にまとめて送ってください",
            "a 第5表 is checked with its plan (T5-001): send both in a case_file",
        )),
        #[allow(unreachable_patterns)] // core has forms careplan-check may not know
        other => Err(ApiError::new(
            ErrorCode::BadOptions,
            format!("{} の点検規則はありません", other.form().label_ja()),
            format!("no plan-check rules for {}", other.form().code()),
        )),
    }
}

/// A rule of the registry as the surfaces describe it.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleDescription {
    /// The rule's ID (`T2-004`).
    pub id: String,
    /// The sheet it concerns (`第２表`).
    pub sheet_ja: String,
    /// How serious a finding is.
    pub severity: Severity,
    /// The rule in a line, in Japanese.
    pub title_ja: String,
    /// The rule in a line, in English.
    pub title_en: String,
    /// Why the rule exists, in Japanese.
    pub explanation_ja: String,
    /// What to do about a finding, in Japanese.
    pub remedy_ja: String,
    /// The written sources it rests on.
    pub sources: Vec<String>,
}

impl From<&RuleInfo> for RuleDescription {
    fn from(r: &RuleInfo) -> RuleDescription {
        RuleDescription {
            id: r.id.as_str().to_owned(),
            sheet_ja: r.sheet.label_ja().to_owned(),
            severity: r.severity,
            title_ja: r.title_ja.to_owned(),
            title_en: r.title_en.to_owned(),
            explanation_ja: r.explanation_ja.to_owned(),
            remedy_ja: r.remedy_ja.to_owned(),
            sources: r.sources.iter().map(|s| s.citation().to_owned()).collect(),
        }
    }
}

/// Every rule, in ID order.
pub fn rules() -> Vec<RuleDescription> {
    RULES.iter().map(RuleDescription::from).collect()
}

/// The rule with the given ID (case-insensitive), or
/// [`ErrorCode::BadOptions`] naming it.
pub fn explain(id: &str) -> Result<RuleDescription, ApiError> {
    careplan_check::explain(id)
        .map(RuleDescription::from)
        .ok_or_else(|| {
            ApiError::new(
                ErrorCode::BadOptions,
                format!("規則 {id} はありません"),
                format!("no rule {id}"),
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_are_described_and_found() {
        assert_eq!(rules().len(), RULES.len());
        let r = explain("t2-004").unwrap();
        assert_eq!((r.id.as_str(), r.sheet_ja.as_str()), ("T2-004", "第２表"));
        assert!(!r.sources.is_empty());
        assert_eq!(explain("T9-999").unwrap_err().code, ErrorCode::BadOptions);
    }

    #[test]
    fn meetings_and_case_files_are_checked_and_a_log_alone_is_sent_to_a_case_file() {
        let doc = |folder: &str, file: &str| {
            Document::from_json(&careplan_fixtures::read(
                &careplan_fixtures::dir(folder).join(file),
            ))
            .unwrap()
        };
        let report = check(&doc("cases-check", "T4-003.json")).unwrap();
        assert_eq!(report.findings[0].rule.as_str(), "T4-003");
        let report = check(&doc("cases-check", "T5-001.json")).unwrap();
        assert!(report.findings.iter().any(|f| f.path == "progress.entries"));
        let e = check(&doc("progress", "case-a-first-year.json")).unwrap_err();
        assert_eq!(e.code, ErrorCode::BadOptions);
        assert!(e.message_en.contains("case_file"), "{}", e.message_en);
    }
}
