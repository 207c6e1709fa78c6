//! Every 居宅 rule fires on its fixture in `fixtures/check` (and, where it
//! can be arranged, no other rule does; the 介護予防 rules and theirs in
//! `fixtures/yobo/check` are `tests/yobo.rs`'s, 第4表's and 第5表's in
//! `fixtures/cases-check` are `tests/records.rs`'s); the clean plan fixtures
//! give no error; docs/rules.md is the registry's own output.

// cfg(test) lets clippy.toml's allow-*-in-tests cover the helpers too.
#![cfg(test)]

use std::collections::{BTreeMap, BTreeSet};

use careplan_check::{RULES, RuleId, Severity, check, explain, rules_markdown};
use careplan_core::{CarePlan, Form};
use careplan_fixtures::{dir, files, load, name, plans};

/// `fixtures/check/<file>`, parsed.
fn fixture(file: &str) -> CarePlan {
    load(&dir("check").join(file))
}

#[derive(serde::Deserialize)]
struct Expected {
    fires: RuleId,
    also: Vec<RuleId>,
}

fn expectations() -> BTreeMap<String, Expected> {
    careplan_fixtures::expected("check")
}

#[test]
fn every_rule_has_a_fixture_that_fires_it() {
    let expected = expectations();
    for rule in RULES.iter().filter(|r| r.sheet.form() == Form::Kyotaku) {
        let firing = expected.iter().find(|(_, e)| e.fires == rule.id);
        let (file, _) =
            firing.unwrap_or_else(|| panic!("rule {} has no fixture in fixtures/check", rule.id));
        let report = check(&fixture(file));
        assert!(
            report.rule_ids().contains(&rule.id),
            "{file} does not fire {}",
            rule.id
        );
    }
}

/// Every rule ID has a registry entry and one fixture; every fixture file
/// is listed with the rule it fires (an entry naming no rule does not even
/// read, as `fires` is a rule ID), and every listed file exists.
#[test]
fn rules_and_fixtures_pair_up() {
    let expected = expectations();
    for id in RuleId::ALL
        .iter()
        .filter(|id| explain(id.as_str()).is_some_and(|r| r.sheet.form() == Form::Kyotaku))
    {
        assert!(
            RULES.iter().any(|r| r.id == *id),
            "{id} has no registry entry"
        );
        let n = expected.values().filter(|e| e.fires == *id).count();
        assert_eq!(
            n, 1,
            "{id} has {n} fixtures in fixtures/check/expected.json"
        );
    }
    let on_disk: Vec<String> = files("check").iter().map(|p| name(p)).collect();
    let listed: Vec<String> = expected.keys().cloned().collect();
    assert_eq!(on_disk, listed, "fixture files and expected.json disagree");
}

#[test]
fn each_fixture_fires_its_rule_and_no_other() {
    for (file, exp) in expectations() {
        let report = check(&fixture(&file));
        let fired: BTreeSet<RuleId> = report.rule_ids().into_iter().collect();
        let mut want: BTreeSet<RuleId> = exp.also.iter().copied().collect();
        want.insert(exp.fires);
        assert_eq!(fired, want, "{file}");
        for f in &report.findings {
            assert!(
                !f.path.is_empty()
                    && !f.message_ja.is_empty()
                    && !f.message_en.is_empty()
                    && !f.remedy_ja.is_empty()
            );
            assert_eq!(f.severity, explain(f.rule.as_str()).unwrap().severity);
        }
    }
}

#[test]
fn clean_fixtures_have_no_error_findings() {
    for (file, plan) in plans() {
        let report = check(&plan);
        let errors: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{file}: {errors:?}");
    }
}

#[test]
fn housework_count_follows_the_calendar() {
    // T3-004's fixture: 要介護１, 生活援助 every day of December 2015 = 31 visits > 27.
    let report = check(&fixture("T3-004.json"));
    let f = report
        .findings
        .iter()
        .find(|f| f.rule == RuleId::T3_004)
        .unwrap();
    assert!(
        f.message_ja.contains("31 回") && f.message_ja.contains("27 回"),
        "{}",
        f.message_ja
    );
}

#[test]
fn docs_rules_md_is_generated_from_the_registry() {
    let path = careplan_fixtures::root().join("docs/rules.md");
    let generated = rules_markdown();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/rules.md differs from the registry: run UPDATE_DOCS=1 cargo test -p careplan-check"
    );
    for r in RULES {
        assert!(committed.contains(r.id.as_str()));
    }
}

#[test]
fn explain_finds_rules_case_insensitively() {
    assert_eq!(explain("t3-004").unwrap().id, RuleId::T3_004);
    assert!(explain("T9-999").is_none());
}
