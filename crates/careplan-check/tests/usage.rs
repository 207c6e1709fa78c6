//! 第6表's rules: each fires on its fixture in `fixtures/usage-check` and no
//! other rule does; the 第6表 fixtures give no finding; the findings name
//! the day and the figures.

#![cfg(test)]

use std::collections::{BTreeMap, BTreeSet};

use careplan_check::{RULES, RuleId, check_document, explain};
use careplan_core::{Document, Sheet};
use careplan_fixtures::{dir, files, name, read};

#[derive(serde::Deserialize)]
struct Expected {
    fires: RuleId,
    also: Vec<RuleId>,
}

/// The 第6表 rules asked of a case file, against its plan.
const CASE_RULES: [RuleId; 3] = [RuleId::T6_003, RuleId::T6_004, RuleId::T6_005];

fn document(path: &std::path::Path) -> Document {
    Document::from_json(&read(path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn every_usage_rule_has_one_fixture_that_fires_it_and_no_other() {
    let expected: BTreeMap<String, Expected> = careplan_fixtures::expected("usage-check");
    let on_disk: Vec<String> = files("usage-check").iter().map(|p| name(p)).collect();
    assert_eq!(on_disk, expected.keys().cloned().collect::<Vec<_>>());
    // T6-003–T6-005 need the plan beside the sheet: their fixtures are case
    // files (fixtures/cases-check, tests/records.rs).
    let ids: Vec<RuleId> = RULES
        .iter()
        .filter(|r| r.sheet == Sheet::KyotakuTable6)
        .map(|r| r.id)
        .filter(|id| !CASE_RULES.contains(id))
        .collect();
    assert_eq!(ids, [RuleId::T6_001, RuleId::T6_002]);
    for id in &ids {
        assert_eq!(
            expected.values().filter(|e| e.fires == *id).count(),
            1,
            "{id}"
        );
    }
    for (file, exp) in &expected {
        let report = check_document(&document(&dir("usage-check").join(file)));
        let fired: BTreeSet<RuleId> = report.rule_ids().into_iter().collect();
        let mut want: BTreeSet<RuleId> = exp.also.iter().copied().collect();
        want.insert(exp.fires);
        assert_eq!(fired, want, "{file}: {:?}", report.findings);
        for f in &report.findings {
            assert_eq!(f.severity, explain(f.rule.as_str()).unwrap().severity);
            assert!(!f.remedy_ja.is_empty());
        }
    }
}

#[test]
fn the_usage_fixtures_give_no_finding() {
    for path in files("usage") {
        let report = check_document(&document(&path));
        assert!(
            report.findings.is_empty(),
            "{}: {:?}",
            path.display(),
            report.findings
        );
    }
}

#[test]
fn the_findings_name_the_day_and_the_figures() {
    let r = check_document(&document(&dir("usage-check").join("T6-001.json")));
    assert_eq!(r.findings.len(), 1);
    assert_eq!(r.findings[0].path, "rows[1].actual[1].day");
    assert!(
        r.findings[0].message_ja.contains("7日"),
        "{}",
        r.findings[0].message_ja
    );
    let r = check_document(&document(&dir("usage-check").join("T6-002.json")));
    assert_eq!(r.findings[0].path, "rows[2].planned");
    // 88 + 4 = 92 days, 181 days from 2025-01 to 2025-06: over half (90.5).
    assert!(
        r.findings[0].message_ja.contains("92日"),
        "{}",
        r.findings[0].message_ja
    );
    assert!(
        r.findings[0].message_ja.contains("181日"),
        "{}",
        r.findings[0].message_ja
    );
}

/// The boundary: exactly half is not over it, one day more is.
#[test]
fn half_the_period_is_the_boundary() {
    let mut doc: serde_json::Value =
        serde_json::from_str(&read(&dir("usage-check").join("T6-002.json"))).unwrap();
    // 2025-01..2025-06 is 181 days; 2025-01..2025-04 is 120: half is 60.
    doc["limit_period"]["end"] = "2025-04".into();
    doc["short_stay_days_before"] = 56.into(); // + 4 = 60: not over
    let at = |d: &serde_json::Value| check_document(&Document::from_json(&d.to_string()).unwrap());
    assert!(at(&doc).findings.is_empty());
    doc["short_stay_days_before"] = 57.into(); // 61
    assert_eq!(at(&doc).rule_ids(), [RuleId::T6_002]);
}
