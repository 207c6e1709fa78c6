//! Property tests: generated valid plans round-trip through JSON unchanged;
//! random mutations of valid JSON either fail with a path or give a plan
//! whose invariants all hold.

// cfg(test) lets clippy.toml's allow-*-in-tests cover the helpers too.
#![cfg(test)]

use careplan_core::arbitrary::plan_strategy;
use careplan_core::*;
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::Value;

/// Every JSON pointer below the root.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                let p = format!("{at}/{k}");
                out.push(p.clone());
                pointers(x, p, out);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                let p = format!("{at}/{i}");
                out.push(p.clone());
                pointers(x, p, out);
            }
        }
        _ => {}
    }
}

#[derive(Debug, Clone)]
enum Mutation {
    Remove,
    Replace(Value),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        Just(Mutation::Remove),
        Just(Mutation::Replace(Value::Null)),
        Just(Mutation::Replace(Value::String(String::new()))),
        Just(Mutation::Replace(Value::Array(vec![]))),
        any::<bool>().prop_map(|b| Mutation::Replace(Value::Bool(b))),
        any::<i64>().prop_map(|n| Mutation::Replace(Value::from(n))),
        "[a-z0-9:\\-]{0,12}".prop_map(|s| Mutation::Replace(Value::String(s))),
        prop_oneof![
            Just("2016-02-29"),
            Just("1872-12-31"),
            Just("24:00"),
            Just("00:00"),
            Just("care_5"),
            Just("support_1"),
            Just("other"),
            Just("family"),
            Just("user"),
            Just("s1"),
            Just("H123456789"),
        ]
        .prop_map(|s| Mutation::Replace(Value::String(s.to_owned()))),
    ]
}

fn apply(doc: &mut Value, pointer: &str, m: &Mutation) {
    let (parent, last) = pointer.rsplit_once('/').unwrap();
    let parent = doc.pointer_mut(parent).unwrap();
    match (parent, m) {
        (Value::Object(o), Mutation::Remove) => {
            o.remove(last);
        }
        (Value::Array(a), Mutation::Remove) => {
            a.remove(last.parse::<usize>().unwrap());
        }
        (Value::Object(o), Mutation::Replace(v)) => {
            o.insert(last.to_owned(), v.clone());
        }
        (Value::Array(a), Mutation::Replace(v)) => {
            a[last.parse::<usize>().unwrap()] = v.clone();
        }
        _ => unreachable!(),
    }
}

/// The invariants, checked directly on the typed plan.
fn assert_invariants(plan: &CarePlan) {
    let t1 = plan.table1();
    assert!(t1.user.birth_date <= t1.certification_date);
    assert!(t1.first_plan_date <= t1.plan_date);
    if t1.certification_status == CertificationStatus::Certified {
        assert!(t1.certification_period.is_some() && t1.care_level.is_some());
    }
    if plan.status() == PlanStatus::Draft {
        assert!(t1.consent.is_none());
    }
    let mut ids = std::collections::HashSet::new();
    for n in &plan.table2().needs {
        for l in &n.long_term_goals {
            for s in &l.short_term_goals {
                assert!(s.period.is_within(l.period));
                for x in &s.services {
                    assert!(x.period.is_within(s.period));
                    assert!(ids.insert(x.id.clone()));
                }
            }
        }
    }
    for w in &plan.table3().weekly {
        assert!(w.service.is_some() || w.label.is_some());
        assert!(w.time.start() < w.time.end());
        if let Some(id) = &w.service {
            assert!(ids.contains(id));
        }
    }
    for a in &plan.table3().daily_activities {
        if let Some(e) = a.end {
            assert!(a.start < e);
        }
    }
    for n in &plan.table3().non_weekly {
        if let Some(id) = &n.service {
            assert!(ids.contains(id));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn generated_plans_are_valid_and_round_trip(parts in plan_strategy()) {
        let plan = CarePlan::new(parts.clone()).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(plan.parts(), &parts);
        let json = plan.to_json_pretty();
        let back = CarePlan::from_json(&json).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&back, &plan);
        prop_assert_eq!(back.to_json_pretty(), json);
        assert_invariants(&plan);
    }

    #[test]
    fn mutations_fail_with_a_path_or_keep_every_invariant(
        parts in plan_strategy(),
        which in any::<Index>(),
        m in mutation(),
    ) {
        let plan = CarePlan::new(parts).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let mut doc = plan.to_json_value();
        let mut ps = Vec::new();
        pointers(&doc, String::new(), &mut ps);
        let pointer = which.get(&ps).clone();
        apply(&mut doc, &pointer, &m);
        match CarePlan::from_json_value(doc) {
            Err(e) => {
                prop_assert!(!e.violations().is_empty());
                for v in e.violations() {
                    prop_assert!(!v.path().as_str().is_empty(), "violation without a path: {v}");
                }
            }
            Ok(p) => {
                assert_invariants(&p);
                let rebuilt = CarePlan::new(p.clone().into_parts()).map_err(|e| TestCaseError::fail(e.to_string()))?;
                prop_assert_eq!(rebuilt, p);
            }
        }
    }
}
