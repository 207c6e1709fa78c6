//! The realistic months of `fixtures/table7/`: each `<name>.terms.json`
//! with `fixtures/usage/<name>.json` and the illustrative master gives the
//! 第7表 its `<name>.expected.json` holds, worked out by hand (the working
//! is in `fixtures/table7/README.md`). Every column the expectation names is
//! compared, and every list must have the expectation's length, so a row
//! too many or too few fails as well as a figure.

#![cfg(test)]

use careplan_core::forms::kyotaku::usage::Usage;
use careplan_core::forms::kyotaku::usage::table7::{Terms, compute};
use careplan_core::service_codes::Master;
use careplan_fixtures::{dir, read};
use serde_json::Value;

/// Every difference between `expected` and what `actual` holds at the same
/// places, as `path: expected ≠ actual`.
fn differences(path: &str, expected: &Value, actual: &Value, out: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, v) in e {
                let p = format!("{path}.{k}");
                match a.get(k) {
                    Some(x) => differences(&p, v, x, out),
                    None => out.push(format!("{p}: missing")),
                }
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                out.push(format!("{path}: {} entries ≠ {}", e.len(), a.len()));
            }
            for (i, (v, x)) in e.iter().zip(a).enumerate() {
                differences(&format!("{path}[{i}]"), v, x, out);
            }
        }
        (e, a) if e != a => out.push(format!("{path}: {e} ≠ {a}")),
        _ => {}
    }
}

fn master() -> Master {
    Master::from_csv(&read(
        &dir("masters").join("service-codes-illustrative.csv"),
    ))
    .unwrap()
}

fn case(name: &str) {
    let usage = Usage::from_json(&read(&dir("usage").join(format!("{name}.json")))).unwrap();
    let terms = Terms::from_json(&read(&dir("table7").join(format!("{name}.terms.json")))).unwrap();
    let expected: Value =
        serde_json::from_str(&read(&dir("table7").join(format!("{name}.expected.json")))).unwrap();
    let t = compute(&usage, &master(), &terms).unwrap();
    let mut out = Vec::new();
    differences("", &expected, &t.to_json(), &mut out);
    assert!(out.is_empty(), "{name}:\n{}", out.join("\n"));
}

#[test]
fn care_2_under_the_limit_with_home_help_day_care_and_a_wheelchair() {
    case("care2-under-limit-2025-06");
}

#[test]
fn care_3_over_the_limit_with_the_excess_on_day_care() {
    case("care3-over-limit-2025-06");
}

#[test]
fn a_month_with_a_care_level_change() {
    case("level-change-2025-04");
}

#[test]
fn a_short_stay_past_its_30th_day() {
    case("short-stay-30-days-2025-05");
}

#[test]
fn a_2_wari_user_in_a_1_kyuchi() {
    case("two-wari-grade1-2025-06");
}

#[test]
fn fixed_burden_services_of_the_sogo_jigyo_for_yoshien_1() {
    case("yobo-fixed-2025-06");
}

/// Every expectation file has its test above, and every terms file its expectation.
#[test]
fn every_fixture_has_its_test() {
    let mut names: Vec<String> = std::fs::read_dir(dir("table7"))
        .unwrap()
        .filter_map(|e| {
            let n = e.unwrap().file_name().into_string().unwrap();
            n.strip_suffix(".terms.json").map(str::to_owned)
        })
        .collect();
    names.sort();
    for n in &names {
        assert!(
            dir("table7").join(format!("{n}.expected.json")).exists(),
            "{n}"
        );
    }
    let this = include_str!("table7_fixtures.rs");
    for n in &names {
        assert!(this.contains(&format!("case(\"{n}\")")), "{n} has no test");
    }
    assert_eq!(names.len(), 6);
}
