//! 第4表's and 第5表's rules, and 第6表's against the plan: every T4/T5 rule
//! and T6-003–T6-005 fires on its fixture in `fixtures/cases-check` (a
//! 第4表 or a case file) and no other rule does; the meeting and case
//! fixtures give none of them; a case file's findings are its parts'
//! findings under their paths.

#![cfg(test)]

use std::collections::{BTreeMap, BTreeSet};

use careplan_check::{RULES, RuleId, check, check_document, explain};
use careplan_core::{CarePlan, Document, Sheet};
use careplan_fixtures::{dir, files, name, read};

#[derive(serde::Deserialize)]
struct Expected {
    fires: RuleId,
    also: Vec<RuleId>,
}

/// The 第6表 rules asked of a case file, against its plan.
const PLAN_USAGE_RULES: [RuleId; 3] = [RuleId::T6_003, RuleId::T6_004, RuleId::T6_005];

fn is_record_rule(id: RuleId) -> bool {
    PLAN_USAGE_RULES.contains(&id)
        || explain(id.as_str())
            .is_some_and(|r| matches!(r.sheet, Sheet::KyotakuTable4 | Sheet::KyotakuTable5))
}

fn document(path: &std::path::Path) -> Document {
    Document::from_json(&read(path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_record_rule_has_one_fixture_that_fires_it_and_no_other() {
    let expected: BTreeMap<String, Expected> = careplan_fixtures::expected("cases-check");
    let on_disk: Vec<String> = files("cases-check").iter().map(|p| name(p)).collect();
    assert_eq!(on_disk, expected.keys().cloned().collect::<Vec<_>>());
    let ids: Vec<RuleId> = RULES
        .iter()
        .map(|r| r.id)
        .filter(|id| is_record_rule(*id))
        .collect();
    assert_eq!(ids.len(), 8);
    for id in &ids {
        let n = expected.values().filter(|e| e.fires == *id).count();
        assert_eq!(n, 1, "{id} has {n} fixtures");
    }
    for (file, exp) in &expected {
        let report = check_document(&document(&dir("cases-check").join(file)));
        let fired: BTreeSet<RuleId> = report.rule_ids().into_iter().collect();
        let mut want: BTreeSet<RuleId> = exp.also.iter().copied().collect();
        want.insert(exp.fires);
        assert_eq!(fired, want, "{file}: {:?}", report.findings);
        for f in &report.findings {
            assert!(!f.path.is_empty() && !f.message_en.is_empty() && !f.remedy_ja.is_empty());
            assert_eq!(f.severity, explain(f.rule.as_str()).unwrap().severity);
        }
    }
}

#[test]
fn the_findings_name_the_field_and_the_month() {
    let at = |file: &str| check_document(&document(&dir("cases-check").join(file)));
    let r = at("T4-002.json");
    assert_eq!(r.findings.len(), 1);
    assert_eq!(r.findings[0].path, "absentees[0].inquiry");
    assert!(r.findings[0].message_ja.contains("Ａ 二郎"));
    let r = at("T4-004.json");
    assert_eq!(r.findings[0].path, "meetings");
    assert!(
        r.findings[0].message_ja.contains("2015-12-10")
            && r.findings[0].message_ja.contains("2015-12-03")
    );
    let r = at("T6-003.json");
    assert_eq!(r.findings.len(), 1, "{:?}", r.findings);
    assert_eq!(r.findings[0].path, "usage[0].rows[3].code");
    assert!(
        r.findings[0]
            .message_ja
            .contains("あさひ訪問看護ステーション")
    );
    let r = at("T6-004.json");
    assert_eq!(r.findings.len(), 1, "{:?}", r.findings);
    assert_eq!(
        r.findings[0].path,
        "plan.table2.needs[1].long_term_goals[0].short_term_goals[0].services[0].service_type"
    );
    assert!(
        r.findings[0].message_ja.contains("訪問介護")
            && r.findings[0].message_ja.contains("2016-01"),
        "{}",
        r.findings[0].message_ja
    );
    let r = at("T6-005.json");
    let found: Vec<(&str, &str)> = r
        .findings
        .iter()
        .map(|f| (f.path.as_str(), f.message_ja.as_str()))
        .collect();
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].0, "usage[0].rows[0].planned");
    assert!(
        found[0].1.contains("22日・26日・29日") && found[0].1.contains("2016-01-20"),
        "{}",
        found[0].1
    );
    assert_eq!(found[1].0, "usage[0].rows[1].planned");
    assert!(found[1].1.contains("27日"), "{}", found[1].1);
    let r = at("T5-001.json");
    assert_eq!(r.findings.len(), 1, "{:?}", r.findings);
    assert_eq!(r.findings[0].path, "progress.entries");
    assert!(
        r.findings[0].message_ja.contains("2016-03"),
        "{}",
        r.findings[0].message_ja
    );
}

#[test]
fn meeting_and_case_fixtures_give_no_record_finding() {
    for folder in ["meetings", "cases"] {
        for path in files(folder) {
            let report = check_document(&document(&path));
            let found: Vec<_> = report
                .findings
                .iter()
                .filter(|f| is_record_rule(f.rule))
                .collect();
            assert!(found.is_empty(), "{}: {found:?}", path.display());
        }
    }
}

#[test]
fn a_case_files_plan_findings_are_the_plans_under_plan() {
    // T4-003's meeting inside case A's file: the plan's findings come first,
    // under `plan`, then the meeting's under `meetings[0]`.
    let case_text = read(&dir("cases").join("case-a.json"));
    let mut case: serde_json::Value = serde_json::from_str(&case_text).unwrap();
    case["meetings"][0]
        .as_object_mut()
        .unwrap()
        .remove("conclusion");
    let report = check_document(&Document::from_json(&case.to_string()).unwrap());
    let plan = CarePlan::from_json_value(case["plan"].clone()).unwrap();
    let alone = check(&plan);
    let n = alone.findings.len();
    assert_eq!(report.findings.len(), n + 1);
    for (inside, own) in report.findings.iter().zip(&alone.findings) {
        assert_eq!(inside.path, format!("plan.{}", own.path));
        assert_eq!(inside.rule, own.rule);
    }
    assert_eq!(report.findings[n].path, "meetings[0].conclusion");
    assert_eq!(report.findings[n].rule, RuleId::T4_003);
}

#[test]
fn a_progress_log_alone_has_no_rule_to_fail() {
    for path in files("progress") {
        assert!(check_document(&document(&path)).findings.is_empty());
    }
}
