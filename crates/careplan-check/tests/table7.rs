//! 第7表's rules: each fires on its fixture in `fixtures/table7-check` (a
//! terms file, with the 第6表 its `expected.json` names) and no other rule
//! does; the hand-worked months of `fixtures/table7` give no finding.

#![cfg(test)]

use std::collections::{BTreeMap, BTreeSet};

use careplan_check::{RULES, RuleId, check_table7, explain};
use careplan_core::Sheet;
use careplan_core::forms::kyotaku::usage::Usage;
use careplan_core::forms::kyotaku::usage::table7::{Table7, Terms, compute};
use careplan_core::service_codes::Master;
use careplan_fixtures::{dir, read};

#[derive(serde::Deserialize)]
struct Expected {
    usage: String,
    fires: RuleId,
    also: Vec<RuleId>,
}

fn month(usage: &str, terms: &std::path::Path) -> (Usage, Table7) {
    let u = Usage::from_json(&read(&dir("usage").join(format!("{usage}.json")))).unwrap();
    let m = Master::from_csv(&read(
        &dir("masters").join("service-codes-illustrative.csv"),
    ))
    .unwrap();
    let t = compute(&u, &m, &Terms::from_json(&read(terms)).unwrap()).unwrap();
    (u, t)
}

#[test]
fn every_table7_rule_has_one_fixture_that_fires_it_and_no_other() {
    let expected: BTreeMap<String, Expected> = careplan_fixtures::expected("table7-check");
    let ids: Vec<RuleId> = RULES
        .iter()
        .filter(|r| r.sheet == Sheet::KyotakuTable7)
        .map(|r| r.id)
        .collect();
    assert_eq!(ids, [RuleId::T7_001]);
    for id in &ids {
        assert_eq!(
            expected.values().filter(|e| e.fires == *id).count(),
            1,
            "{id}"
        );
    }
    for (file, exp) in &expected {
        let (u, t) = month(&exp.usage, &dir("table7-check").join(file));
        let report = check_table7(&u, &t);
        let fired: BTreeSet<RuleId> = report.rule_ids().into_iter().collect();
        let mut want: BTreeSet<RuleId> = exp.also.iter().copied().collect();
        want.insert(exp.fires);
        assert_eq!(fired, want, "{file}: {:?}", report.findings);
        for f in &report.findings {
            assert_eq!(f.severity, explain(f.rule.as_str()).unwrap().severity);
            assert_eq!(f.path, "allocation");
            // The figures: 28,392 against 27,048, 1,344 over, put on 入浴 by default.
            assert!(f.message_ja.contains("1344 単位超え"), "{}", f.message_ja);
            assert!(
                f.message_ja.contains("入浴サービスみずき 12 に 1344 単位"),
                "{}",
                f.message_ja
            );
        }
    }
}

#[test]
fn the_hand_worked_months_give_no_finding() {
    for e in std::fs::read_dir(dir("table7")).unwrap() {
        let path = e.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let Some(usage) = name.strip_suffix(".terms.json") else {
            continue;
        };
        let (u, t) = month(usage, &path);
        let r = check_table7(&u, &t);
        assert!(r.findings.is_empty(), "{name}: {:?}", r.findings);
    }
}
