//! `careplan validate` as a user runs it: exit status and output.

// cfg(test) lets clippy.toml's allow-*-in-tests cover the helpers too.
#![cfg(test)]

mod common;
use common::{careplan, root, schema_errors, stdout};

use std::io::Write;
use std::process::{Command, Stdio};

#[test]
fn every_plan_fixture_exits_zero() {
    for p in careplan_fixtures::files("plans") {
        let o = careplan(&["validate", p.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(0), "{}: {}", p.display(), stdout(&o));
        assert!(stdout(&o).contains("正しい計画書です"));
    }
}

#[test]
fn every_invalid_fixture_exits_one_and_prints_its_path() {
    let expected = careplan_fixtures::invalid();
    for (file, exp) in &expected {
        let path = format!("fixtures/invalid/{file}");
        let o = careplan(&["validate", &path]);
        let out = stdout(&o);
        let want = if exp.rule == "json_syntax" { 2 } else { 1 };
        assert_eq!(o.status.code(), Some(want), "{file}: {out}");
        if want == 1 {
            assert!(
                out.contains(&format!("  {} [{}]", exp.path, exp.rule)),
                "{file}: {out}"
            );
        }
    }
}

#[test]
fn text_that_is_not_json_is_unreadable() {
    let o = careplan(&["validate", "fixtures/unreadable/not-json.json"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).contains("読み取れません"), "{}", stdout(&o));
}

#[test]
fn several_files_report_the_worst_status() {
    let o = careplan(&[
        "validate",
        "fixtures/plans/case-a.json",
        "fixtures/invalid/insurer-number-five-digits.json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let o = careplan(&[
        "validate",
        "fixtures/plans/case-a.json",
        "no/such/file.json",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stdout(&o).contains("no/such/file.json: 読み取れません"));
}

#[test]
fn english_messages_on_request() {
    let o = careplan(&[
        "validate",
        "--lang",
        "en",
        "fixtures/invalid/care-level-support-2.json",
    ]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1));
    assert!(out.contains("1 violation(s)"), "{out}");
    assert!(out.contains("preventive care form"), "{out}");
    assert!(out.contains("介護予防サービス・支援計画書"), "{out}");
}

#[test]
fn japanese_messages_by_default_name_the_form_label() {
    let o = careplan(&[
        "validate",
        "fixtures/invalid/insurer-number-five-digits.json",
    ]);
    let out = stdout(&o);
    assert!(out.contains("第１表 › 利用者 › 保険者番号"), "{out}");
    assert!(out.contains("「13112」"), "{out}");
}

#[test]
fn json_output_for_machines() {
    let o = careplan(&[
        "validate",
        "--format",
        "json",
        "fixtures/plans/case-a.json",
        "fixtures/invalid/short-term-outside-long-term.json",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let files = v["files"].as_array().unwrap();
    assert_eq!(files[0]["status"], "valid");
    assert_eq!(files[1]["status"], "invalid");
    let viol = &files[1]["violations"][0];
    assert_eq!(
        viol["path"],
        "table2.needs[0].long_term_goals[0].short_term_goals[0].period"
    );
    assert_eq!(viol["rule"], "period_outside_parent");
    assert!(viol["message_ja"].as_str().unwrap().contains("短期目標1"));
}

#[test]
fn reads_standard_input() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_careplan"))
        .args(["validate", "-"])
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let plan = std::fs::read(root().join("fixtures/plans/case-a.json")).unwrap();
    child.stdin.take().unwrap().write_all(&plan).unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

#[test]
fn no_file_is_a_usage_error() {
    let o = careplan(&["validate"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn schema_command_prints_the_committed_schemas() {
    for kind in ["plan", "validation-report", "check-report"] {
        let o = careplan(&["schema", "--kind", kind]);
        assert_eq!(o.status.code(), Some(0));
        let committed =
            std::fs::read_to_string(root().join(format!("schema/{kind}.schema.json"))).unwrap();
        assert_eq!(stdout(&o), committed, "{kind}");
    }
    let o = careplan(&["schema", "--kind", "nope"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn validate_json_output_matches_its_schema() {
    let o = careplan(&[
        "validate",
        "--format",
        "json",
        "fixtures/plans/case-a.json",
        "fixtures/invalid/needs-empty.json",
        "missing.json",
    ]);
    let doc: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let errors = schema_errors("validation-report", &doc);
    assert!(errors.is_empty(), "{errors:?}");
    let statuses: Vec<&str> = doc["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["valid", "invalid", "unreadable"]);
}
