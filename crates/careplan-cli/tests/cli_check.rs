//! `careplan check` as a user runs it.

// cfg(test) lets clippy.toml's allow-*-in-tests cover the helpers too.
#![cfg(test)]

mod common;
use common::{careplan, schema_errors, stdout};

#[test]
fn exit_status_follows_the_severities() {
    // No finding at all.
    assert_eq!(
        careplan(&["check", "fixtures/plans/case-a.json"])
            .status
            .code(),
        Some(0)
    );
    // Warnings only: still 0.
    let o = careplan(&["check", "fixtures/check/T2-001.json"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("[要確認] T2-001"));
    // An error: 1.
    let o = careplan(&["check", "fixtures/check/T2-004.json"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("[誤り] T2-004"), "{}", stdout(&o));
    // Unusable input: 2.
    assert_eq!(
        careplan(&["check", "fixtures/invalid/needs-empty.json"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        careplan(&["check", "fixtures/unreadable/not-json.json"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        careplan(&["check", "no-such-file.json"]).status.code(),
        Some(2)
    );
}

#[test]
fn json_report_matches_its_schema() {
    let o = careplan(&["check", "--format", "json", "fixtures/check/T2-002.json"]);
    let doc: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let errors = schema_errors("check-report", &doc);
    assert!(errors.is_empty(), "{errors:?}");
    let rules: Vec<&str> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(
        rules.contains(&"T2-002") && rules.contains(&"T2-001"),
        "{rules:?}"
    );
}

#[test]
fn explain_and_list() {
    let o = careplan(&["check", "--explain", "T3-004"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(
        out.contains("平成30年厚生労働省告示第218号") && out.contains("対応："),
        "{out}"
    );
    assert_eq!(
        careplan(&["check", "--explain", "T9-999"]).status.code(),
        Some(2)
    );
    let o = careplan(&["check", "--list"]);
    assert_eq!(
        stdout(&o).lines().count(),
        careplan_api::check::rules().len()
    );
    assert!(stdout(&o).contains("Y1-007"));
    // A 介護予防 plan is checked with its own rules.
    let o = careplan(&[
        "check",
        "--format",
        "json",
        "fixtures/yobo/check/Y1-003.json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("\"Y1-003\""), "{}", stdout(&o));
}

#[test]
fn english_text_output() {
    let o = careplan(&["check", "--lang", "en", "fixtures/check/T3-003.json"]);
    assert!(stdout(&o).contains("[warning] T3-003"), "{}", stdout(&o));
    assert!(stdout(&o).contains("missing: 起床"), "{}", stdout(&o));
}
