//! The 介護予防サービス・支援計画書's rules: every Y1 rule fires on its
//! fixture in `fixtures/yobo/check` and no other rule does; the plan
//! fixtures give no error.

#![cfg(test)]

use std::collections::{BTreeMap, BTreeSet};

use careplan_check::{RULES, RuleId, Severity, check_document, check_preventive, explain};
use careplan_core::{Document, PreventivePlan, Sheet};
use careplan_fixtures::{dir, files, name, read};

#[derive(serde::Deserialize)]
struct Expected {
    fires: RuleId,
    also: Vec<RuleId>,
}

fn fixture(file: &str) -> PreventivePlan {
    PreventivePlan::from_json(&read(&dir("yobo/check").join(file))).unwrap()
}

#[test]
fn every_yobo_rule_has_one_fixture_that_fires_it_and_no_other() {
    let expected: BTreeMap<String, Expected> = careplan_fixtures::expected("yobo/check");
    let on_disk: Vec<String> = files("yobo/check").iter().map(|p| name(p)).collect();
    assert_eq!(on_disk, expected.keys().cloned().collect::<Vec<_>>());
    let yobo_rules: Vec<RuleId> = RULES
        .iter()
        .filter(|r| r.sheet == Sheet::YoboPlan)
        .map(|r| r.id)
        .collect();
    assert!(yobo_rules.len() >= 7);
    for id in &yobo_rules {
        let n = expected.values().filter(|e| e.fires == *id).count();
        assert_eq!(n, 1, "{id} has {n} fixtures");
    }
    for (file, exp) in &expected {
        let report = check_preventive(&fixture(file));
        let fired: BTreeSet<RuleId> = report.rule_ids().into_iter().collect();
        let mut want: BTreeSet<RuleId> = exp.also.iter().copied().collect();
        want.insert(exp.fires);
        assert_eq!(fired, want, "{file}");
        for f in &report.findings {
            assert!(!f.path.is_empty() && !f.message_ja.is_empty() && !f.remedy_ja.is_empty());
            assert_eq!(f.severity, explain(f.rule.as_str()).unwrap().severity);
        }
    }
}

#[test]
fn yobo_plan_fixtures_have_no_error_findings_and_check_through_a_document() {
    for path in files("yobo/plans") {
        let text = read(&path);
        let plan = PreventivePlan::from_json(&text).unwrap();
        let report = check_preventive(&plan);
        let errors: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
        assert_eq!(check_document(&Document::from_json(&text).unwrap()), report);
        // No 居宅 rule is asked about a 介護予防 plan.
        assert!(
            report
                .findings
                .iter()
                .all(|f| f.rule.as_str().starts_with("Y1-"))
        );
    }
}

#[test]
fn the_period_and_count_findings_name_their_values() {
    let report = check_preventive(&fixture("Y1-004.json"));
    let f = &report.findings[0];
    assert_eq!(f.path, "issues[0].supports[0].services[0].period");
    assert!(f.message_ja.contains("2026-04-30") && f.message_ja.contains("2026-03-31"));
    let report = check_preventive(&fixture("Y1-006.json"));
    let f = &report.findings[0];
    assert_eq!(f.path, "assessment.motor.has_issue");
    assert!(f.message_ja.contains("運動不足が3／5"), "{}", f.message_ja);
}
