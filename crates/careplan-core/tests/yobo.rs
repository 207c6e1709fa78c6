//! Integration tests over `fixtures/yobo/`: every 介護予防サービス・支援計画書
//! validates and round-trips exactly; every invalid document is refused
//! with the path and rule of the one rule it breaks
//! (`fixtures/yobo/invalid/expected.json`).

#![cfg(test)]

use careplan_core::forms::yobo::{PlanType, PreventivePlan, SupportLevel};
use careplan_core::{Document, Form};
use careplan_fixtures::{files, read};

fn plans() -> Vec<(String, PreventivePlan)> {
    files("yobo/plans")
        .iter()
        .map(|p| {
            let plan = PreventivePlan::from_json(&read(p))
                .unwrap_or_else(|e| panic!("{} is invalid:\n{e}", p.display()));
            (careplan_fixtures::name(p), plan)
        })
        .collect()
}

#[test]
fn every_yobo_plan_round_trips_exactly() {
    for f in files("yobo/plans") {
        let text = read(&f);
        let plan = PreventivePlan::from_json(&text).unwrap();
        let original: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(plan.to_json_value(), original, "{}", f.display());
        let again = PreventivePlan::from_json(&plan.to_json_pretty()).unwrap();
        assert_eq!(again, plan, "{}", f.display());
        let via_serde: PreventivePlan = serde_json::from_str(&text).unwrap();
        assert_eq!(via_serde, plan);
        // Read as a document of any form, it is this form.
        let doc = Document::from_json(&text).unwrap();
        assert_eq!(doc.form(), Form::YoboPlan);
        assert_eq!(doc.as_yobo_plan(), Some(&plan));
    }
}

#[test]
fn the_fixtures_cover_the_four_cases() {
    let plans = plans();
    assert!(plans.len() >= 4);
    let any = |f: &dyn Fn(&PreventivePlan) -> bool| plans.iter().any(|(_, p)| f(p));
    let kinds = |p: &PreventivePlan| -> Vec<String> {
        p.supports()
            .flat_map(|(_, s)| s.services.iter())
            .filter_map(|s| s.kind.as_ref().map(|k| k.as_str().to_owned()))
            .collect()
    };
    // 要支援１ with 通所型サービス and a サロン.
    assert!(any(&|p| p.parts().level == SupportLevel::Support1
        && kinds(p).iter().any(|k| k == "通所型サービス")
        && kinds(p).iter().any(|k| k.starts_with("サロン"))));
    // 要支援２ with 訪問型サービス and 福祉用具.
    assert!(any(&|p| p.parts().level == SupportLevel::Support2
        && kinds(p).iter().any(|k| k == "訪問型サービス")
        && kinds(p).iter().any(|k| k.contains("福祉用具"))));
    // A 事業対象者 from the checklist: its answers meet the criteria, the
    // counts are computed from them, and there is no 認定.
    assert!(any(&|p| {
        let c = p.parts().checklist.as_ref().and_then(|c| c.answers);
        p.parts().level == SupportLevel::BusinessTarget
            && p.parts().plan_type == PlanType::CareManagement
            && p.parts().certification.date.is_none()
            && c.is_some_and(|c| c.meets_jigyo_criteria())
    }));
    // A 委託 plan written by a 居宅介護支援事業所, confirmed by the centre.
    assert!(any(&|p| p.parts().entrusted
        && p.parts().planner_office.is_some()
        && p.parts().planner.care_manager().is_some()
        && p.parts().center.confirmed_on.is_some()));
}

/// Every invalid fixture is refused with exactly the one violation its
/// entry in `expected.json` names, and every file has an entry.
#[test]
fn every_invalid_yobo_plan_breaks_exactly_its_expected_rule() {
    let on_disk: Vec<String> = files("yobo/invalid")
        .iter()
        .map(|p| careplan_fixtures::name(p))
        .collect();
    let expected: std::collections::BTreeMap<String, careplan_fixtures::Invalid> =
        careplan_fixtures::expected("yobo/invalid");
    let listed: Vec<&String> = expected.keys().collect();
    assert_eq!(
        on_disk.iter().collect::<Vec<_>>(),
        listed,
        "files ≠ expected.json"
    );
    let mut failures = Vec::new();
    for (file, exp) in &expected {
        let text = read(&careplan_fixtures::dir("yobo/invalid").join(file));
        // Through the form-neutral entry point, as every surface reads it.
        let err = match Document::from_json(&text) {
            Ok(_) => {
                failures.push(format!("{file}: accepted"));
                continue;
            }
            Err(e) => e,
        };
        let found: Vec<(String, &str)> = err
            .violations()
            .iter()
            .map(|v| (v.path().to_string(), v.rule().code()))
            .collect();
        if found != [(exp.path.clone(), exp.rule.as_str())] {
            failures.push(format!(
                "{file}: expected {} {}, found {found:?}",
                exp.path, exp.rule
            ));
            continue;
        }
        let v = &err.violations()[0];
        if v.form() != Some(Form::YoboPlan) || v.message_ja().is_empty() {
            failures.push(format!("{file}: {} / {:?}", v.message_ja(), v.form()));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

mod generated {
    use careplan_core::PreventivePlan;
    use careplan_core::forms::yobo::arbitrary::preventive_plan_strategy;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        /// Generated plans are accepted, and round-trip through JSON unchanged.
        #[test]
        fn generated_yobo_plans_round_trip_through_json(parts in preventive_plan_strategy()) {
            let plan = PreventivePlan::new(parts).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let again = PreventivePlan::from_json(&plan.to_json_pretty())
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(again, plan);
        }
    }
}

mod kihon {
    use careplan_core::forms::yobo::kihon::Kihon;
    use careplan_core::{Document, Form};
    use careplan_fixtures::{files, read};

    #[test]
    fn every_kihon_fixture_round_trips_exactly() {
        let all = files("yobo/kihon");
        assert!(all.len() >= 4);
        for f in all {
            let text = read(&f);
            let k = Kihon::from_json(&text).unwrap_or_else(|e| panic!("{}:\n{e}", f.display()));
            let original: serde_json::Value = serde_json::from_str(&text).unwrap();
            assert_eq!(k.to_json_value(), original, "{}", f.display());
            assert_eq!(Kihon::from_json(&k.to_json_pretty()).unwrap(), k);
            let doc = Document::from_json(&text).unwrap();
            assert_eq!(doc.form(), Form::YoboKihon);
            assert_eq!(doc.as_yobo_kihon(), Some(&k));
        }
    }

    #[test]
    fn every_invalid_kihon_breaks_exactly_its_expected_rule() {
        let expected: std::collections::BTreeMap<String, careplan_fixtures::Invalid> =
            careplan_fixtures::expected("yobo/kihon-invalid");
        let on_disk: Vec<String> = files("yobo/kihon-invalid")
            .iter()
            .map(|p| careplan_fixtures::name(p))
            .collect();
        assert_eq!(
            on_disk.iter().collect::<Vec<_>>(),
            expected.keys().collect::<Vec<_>>()
        );
        let mut failures = Vec::new();
        for (file, exp) in &expected {
            let text = read(&careplan_fixtures::dir("yobo/kihon-invalid").join(file));
            match Document::from_json(&text) {
                Ok(_) => failures.push(format!("{file}: accepted")),
                Err(e) => {
                    let found: Vec<(String, &str)> = e
                        .violations()
                        .iter()
                        .map(|v| (v.path().to_string(), v.rule().code()))
                        .collect();
                    if found != [(exp.path.clone(), exp.rule.as_str())] {
                        failures.push(format!(
                            "{file}: expected {} {}, found {found:?}",
                            exp.path, exp.rule
                        ));
                    } else if e.violations()[0].form() != Some(Form::YoboKihon) {
                        failures.push(format!("{file}: form"));
                    }
                }
            }
        }
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    }
}
