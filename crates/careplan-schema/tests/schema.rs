//! The schemas: committed files equal the generated ones, they are valid
//! 2020-12 schemas, fixtures validate (or are refused) as they should, and
//! every plan careplan-core accepts is valid against the plan schema.

// cfg(test) lets clippy.toml's allow-*-in-tests cover the helpers too.
#![cfg(test)]

use std::path::PathBuf;
use std::sync::LazyLock;

use careplan_core::CarePlan;
use careplan_fixtures::{dir, files, read, root};
use careplan_schema::{Kind, objects, schema, schema_text};
use proptest::prelude::*;
use serde_json::{Value, json};

static PLAN: LazyLock<jsonschema::Validator> =
    LazyLock::new(|| jsonschema::draft202012::new(&schema(Kind::Plan).unwrap()).unwrap());

#[test]
fn committed_schemas_equal_the_generated_ones() {
    for kind in Kind::ALL {
        let path = root()
            .join("schema")
            .join(format!("{}.schema.json", kind.name()));
        let generated = schema_text(kind).unwrap();
        if std::env::var_os("UPDATE_SCHEMA").is_some() {
            std::fs::write(&path, &generated).unwrap();
            continue;
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_else(|_| {
            panic!(
                "{} is missing: run UPDATE_SCHEMA=1 cargo test -p careplan-schema",
                path.display()
            )
        });
        assert!(
            committed == generated,
            "{} differs from the generated schema: run UPDATE_SCHEMA=1 cargo test -p careplan-schema",
            path.display()
        );
    }
}

#[test]
fn schemas_are_valid_2020_12_schemas() {
    for kind in Kind::ALL {
        let s = schema(kind).unwrap();
        assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
        assert_eq!(s["$id"], kind.id());
        jsonschema::draft202012::meta::validate(&s)
            .unwrap_or_else(|e| panic!("{}: {e}", kind.name()));
    }
}

#[test]
fn every_property_has_a_japanese_title_and_a_description() {
    for kind in Kind::ALL {
        let s = schema(kind).unwrap();
        let mut objects: Vec<(&str, &Value)> = vec![("(root)", &s)];
        for (name, def) in s["$defs"].as_object().unwrap() {
            objects.push((name, def));
        }
        for (name, obj) in objects {
            let Some(props) = obj.get("properties").and_then(Value::as_object) else {
                continue;
            };
            assert!(obj.get("title").is_some(), "{name} has no title");
            for (p, v) in props {
                let title = v["title"].as_str().unwrap_or_default();
                let description = v["description"].as_str().unwrap_or_default();
                assert!(
                    !title.is_empty() && !title.is_ascii() || p == "$schema",
                    "{name}.{p}: title {title:?}"
                );
                assert!(
                    description.contains('。')
                        && description.chars().any(|c| c.is_ascii_alphabetic()),
                    "{name}.{p}: {description:?}"
                );
            }
        }
    }
    let fields: usize = Kind::ALL
        .iter()
        .flat_map(|k| objects(*k))
        .map(|o| o.fields.len())
        .sum();
    assert!(fields > 80);
}

#[test]
fn examples_come_from_the_fixtures_and_validate() {
    let s = schema(Kind::Plan).unwrap();
    let examples = s["examples"].as_array().unwrap();
    assert!(!examples.is_empty());
    for e in examples {
        assert!(PLAN.is_valid(e));
    }
}

#[test]
fn every_plan_fixture_validates() {
    for path in files("plans") {
        let v: Value = serde_json::from_str(&read(&path)).unwrap();
        let errors: Vec<String> = PLAN
            .iter_errors(&v)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
    }
}

/// Invalid fixtures whose broken rule JSON Schema cannot state: the schema
/// accepts them (the boundary the descriptions document), careplan refuses them.
fn not_expressible() -> Vec<String> {
    read(&dir("invalid").join("not-schema-expressible.txt"))
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

#[test]
fn invalid_fixtures_are_refused_where_the_schema_can_say_so() {
    let expected = careplan_fixtures::invalid();
    let not_expressible = not_expressible();
    assert!(
        not_expressible.iter().all(|f| expected.contains_key(f)),
        "unknown file in not-schema-expressible.txt"
    );
    for (file, exp) in &expected {
        if exp.rule == "json_syntax" {
            continue; // not JSON: nothing to validate
        }
        let v: Value = serde_json::from_str(&read(&dir("invalid").join(file))).unwrap();
        if not_expressible.contains(file) {
            assert!(
                PLAN.is_valid(&v),
                "{file}: expected the schema to accept it (its rule is not expressible)"
            );
        } else {
            assert!(
                !PLAN.is_valid(&v),
                "{file}: the schema accepts a document that breaks {}",
                exp.rule
            );
        }
    }
}

#[test]
fn the_validation_report_schema_describes_what_validate_writes() {
    let s = schema(Kind::ValidationReport).unwrap();
    let v = jsonschema::draft202012::new(&s).unwrap();
    let plan = read(&dir("invalid").join("short-term-outside-long-term.json"));
    let err = CarePlan::from_json(&plan).unwrap_err();
    let report = careplan_core::report::ValidationReport {
        files: vec![careplan_core::report::FileReport {
            file: "x.json".into(),
            status: careplan_core::report::FileStatus::Invalid,
            violations: err.violations().iter().map(Into::into).collect(),
            error: None,
        }],
    };
    let doc = serde_json::to_value(&report).unwrap();
    assert!(
        v.is_valid(&doc),
        "{:?}",
        v.iter_errors(&doc)
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
    );
    assert!(!v.is_valid(
        &serde_json::json!({"files": [{"file": "x", "status": "maybe", "violations": []}]})
    ));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_plan_core_accepts_is_valid_against_the_schema(parts in careplan_core::arbitrary::plan_strategy()) {
        let plan = CarePlan::new(parts).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let doc = plan.to_json_value();
        let errors: Vec<String> = PLAN.iter_errors(&doc).map(|e| format!("{} at {}", e, e.instance_path())).collect();
        prop_assert!(errors.is_empty(), "{:?}", errors);
    }
}

/// Each field the tables say holds an object refers to that object's
/// definition in the generated schema (directly, or as the items of a
/// list), and each definition has its table: the tables' tree is the
/// types' tree.
#[test]
fn the_field_tables_hold_the_objects_the_types_hold() {
    fn refs(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::Object(m) => {
                if let Some(Value::String(r)) = m.get("$ref") {
                    out.push(r.trim_start_matches("#/$defs/").to_owned());
                }
                m.values().for_each(|x| refs(x, out));
            }
            Value::Array(a) => a.iter().for_each(|x| refs(x, out)),
            _ => {}
        }
    }
    for kind in Kind::ALL {
        let s = schema(kind).unwrap();
        for object in objects(kind) {
            let def = if s["title"] == object.title_ja && s.get("properties").is_some() {
                &s
            } else {
                &s["$defs"][object.name]
            };
            assert!(
                def.is_object(),
                "{}: no definition {}",
                kind.name(),
                object.name
            );
            for field in object.fields {
                let mut found = Vec::new();
                refs(&def["properties"][field.key], &mut found);
                // A property holds at most one object type.
                found.retain(|r| objects(kind).iter().any(|o| o.name == r.as_str()));
                found.dedup();
                let want: Vec<String> = field.child.iter().map(|c| (*c).to_owned()).collect();
                assert_eq!(found, want, "{}.{}", object.name, field.key);
            }
        }
    }
}

/// The plan schema's example is case A: the crate's copy equals the fixture.
#[test]
fn the_example_is_the_case_a_fixture() {
    let copy = read(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/example-plan.json"));
    let fixture = read(&dir("plans").join("case-a.json"));
    assert_eq!(
        copy, fixture,
        "copy fixtures/plans/case-a.json to crates/careplan-schema/src/example-plan.json"
    );
}

/// Every 介護予防 fixture validates against its schema; every invalid one is
/// refused, but for those the folder's `not-schema-expressible.txt` lists
/// (accepted by the schema, refused by careplan).
fn valid_and_refused(kind: Kind, valid: &str, invalid: &str) {
    let validator = jsonschema::draft202012::new(&schema(kind).unwrap()).unwrap();
    for path in files(valid) {
        let v: Value = serde_json::from_str(&read(&path)).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&v)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
    }
    let boundary: Vec<String> = read(&dir(invalid).join("not-schema-expressible.txt"))
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect();
    let mut wrong = Vec::new();
    for path in files(invalid) {
        let name = careplan_fixtures::name(&path);
        let v: Value = serde_json::from_str(&read(&path)).unwrap();
        let is_valid = validator.is_valid(&v);
        if is_valid != boundary.contains(&name) {
            wrong.push(format!("{name}: schema says valid = {is_valid}"));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn yobo_plans_validate_and_invalid_ones_are_refused_where_the_schema_can_say() {
    valid_and_refused(Kind::YoboPlan, "yobo/plans", "yobo/invalid");
}

#[test]
fn kihon_documents_validate_and_invalid_ones_are_refused_where_the_schema_can_say() {
    valid_and_refused(Kind::YoboKihon, "yobo/kihon", "yobo/kihon-invalid");
}

#[test]
fn meetings_validate_and_invalid_ones_are_refused_where_the_schema_can_say() {
    valid_and_refused(Kind::Meeting, "meetings", "meetings-invalid");
}

#[test]
fn progress_logs_validate_and_invalid_ones_are_refused_where_the_schema_can_say() {
    valid_and_refused(Kind::Progress, "progress", "progress-invalid");
}

#[test]
fn case_files_validate_and_invalid_ones_are_refused_where_the_schema_can_say() {
    valid_and_refused(Kind::CaseFile, "cases", "cases-invalid");
    // The check fixtures are valid documents too (each fires a rule).
    let case = jsonschema::draft202012::new(&schema(Kind::CaseFile).unwrap()).unwrap();
    let meeting = jsonschema::draft202012::new(&schema(Kind::Meeting).unwrap()).unwrap();
    for path in files("cases-check") {
        let v: Value = serde_json::from_str(&read(&path)).unwrap();
        let validator = match v.get("form").and_then(Value::as_str) {
            Some("case_file") => &case,
            Some("kyotaku_meeting") => &meeting,
            None if careplan_fixtures::name(&path) == "expected.json" => continue,
            other => panic!("{}: form {other:?}", path.display()),
        };
        let errors: Vec<String> = validator
            .iter_errors(&v)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
    }
}

/// A standalone 第4表 or 第5表 names its form; inside a case file it may not.
#[test]
fn a_standalone_record_names_its_form_and_a_nested_one_need_not() {
    let meeting: Value =
        serde_json::from_str(&read(&dir("meetings").join("case-a-first-meeting.json"))).unwrap();
    let mut unnamed = meeting.clone();
    unnamed.as_object_mut().unwrap().remove("form");
    let alone = jsonschema::draft202012::new(&schema(Kind::Meeting).unwrap()).unwrap();
    assert!(alone.is_valid(&meeting));
    assert!(!alone.is_valid(&unnamed));
    let case = jsonschema::draft202012::new(&schema(Kind::CaseFile).unwrap()).unwrap();
    let file = serde_json::json!({"form": "case_file", "meetings": [unnamed]});
    let errors: Vec<String> = case.iter_errors(&file).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    // And careplan agrees on both.
    assert!(careplan_core::Document::from_json(&file.to_string()).is_ok());
    let mut bad = file.clone();
    bad["meetings"][0]["held"]["attendees"] = serde_json::json!([]);
    assert!(!case.is_valid(&bad));
    assert!(careplan_core::Document::from_json(&bad.to_string()).is_err());
}

#[test]
fn usage_sheets_validate_and_invalid_ones_are_refused_where_the_schema_can_say() {
    valid_and_refused(Kind::Usage, "usage", "usage-invalid");
}

#[test]
fn table7_terms_and_masters_validate_and_broken_ones_are_refused() {
    let terms = jsonschema::draft202012::new(&schema(Kind::Table7Terms).unwrap()).unwrap();
    let dir = careplan_fixtures::dir("table7");
    let mut n = 0;
    for e in std::fs::read_dir(&dir).unwrap() {
        let path = e.unwrap().path();
        if path.to_string_lossy().ends_with(".terms.json") {
            let v: Value = serde_json::from_str(&careplan_fixtures::read(&path)).unwrap();
            let errors: Vec<String> = terms.iter_errors(&v).map(|e| e.to_string()).collect();
            assert!(errors.is_empty(), "{}: {errors:?}", path.display());
            // What the schema accepts, careplan reads.
            careplan_core::forms::kyotaku::usage::table7::Terms::from_json(&v.to_string()).unwrap();
            n += 1;
        }
    }
    assert_eq!(n, 6);
    for bad in [
        json!({ "offices": [] }),
        json!({ "burden_tenths": 4, "offices": [] }),
        json!({ "burden_tenths": 1, "offices": [{ "office_number": "123", "area_grade": "grade_1" }] }),
        json!({ "burden_tenths": 1, "offices": [{ "office_number": "1234567890", "area_grade": "grade_9" }] }),
        json!({ "burden_tenths": 1, "offices": [], "allocation": [{ "office_number": "1234567890", "kind": "15" }] }),
        json!({ "burden_tenths": 1, "offices": [], "extra": true }),
    ] {
        assert!(!terms.is_valid(&bad), "{bad}");
        assert!(
            careplan_core::forms::kyotaku::usage::table7::Terms::from_json(&bad.to_string())
                .is_err(),
            "{bad}"
        );
    }
    let masters = jsonschema::draft202012::new(&schema(Kind::ServiceCodes).unwrap()).unwrap();
    let m: Value = serde_json::from_str(&careplan_fixtures::read(
        &careplan_fixtures::dir("masters").join("service-codes-illustrative.json"),
    ))
    .unwrap();
    assert!(
        masters.is_valid(&m),
        "{:?}",
        masters
            .iter_errors(&m)
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
    );
    let mut both = m.clone();
    both["rows"][0]["rate_permille"] = json!(10);
    assert!(!masters.is_valid(&both));
    let mut neither = m.clone();
    neither["rows"][0].as_object_mut().unwrap().remove("units");
    assert!(!masters.is_valid(&neither));
    let mut code = m;
    code["rows"][0]["code"] = json!("11111a");
    assert!(!masters.is_valid(&code));
}
