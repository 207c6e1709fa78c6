//! `careplan table7` as a user runs it.

// cfg(test) lets clippy.toml's allow-*-in-tests cover the helpers too.
#![cfg(test)]

mod common;
use common::{careplan, stdout};

const MASTER: &str = "fixtures/masters/service-codes-illustrative.csv";

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn computes_a_month_for_people_and_for_machines() {
    let sheet = "fixtures/usage/care3-over-limit-2025-06.json";
    let terms = "fixtures/table7/care3-over-limit-2025-06.terms.json";
    let o = careplan(&["table7", sheet, "--master", MASTER, "--terms", terms]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(text.contains("区分支給限度基準額 27,048 単位"), "{text}");
    assert!(text.contains("全額負担 14,407"), "{text}");
    // The JSON form, with the master given as JSON this time: the same figures.
    let o = careplan(&[
        "table7",
        sheet,
        "--master",
        "fixtures/masters/service-codes-illustrative.json",
        "--terms",
        terms,
        "--format",
        "json",
        "--explain",
        "1.0",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["table7"]["cost"], 296_630);
    assert_eq!(v["table7"]["groups"][1]["over"], 1_344);
    let steps = v["explanation"].as_array().unwrap();
    assert!(
        steps.iter().any(|s| s["how_ja"]
            .as_str()
            .unwrap()
            .contains("10356 × 10.72 = 111016.32")),
        "{steps:?}"
    );
}

#[test]
fn each_wrong_input_is_named_and_nothing_is_printed_on_stdout() {
    let sheet = "fixtures/usage/care3-over-limit-2025-06.json";
    let dir = tempfile::tempdir().unwrap();
    let terms = dir.path().join("terms.json");
    std::fs::write(
        &terms,
        r#"{"burden_tenths": 1, "offices": [{"office_number": "1470000201", "area_grade": "grade_2"}]}"#,
    )
    .unwrap();
    let o = careplan(&[
        "table7",
        sheet,
        "--master",
        MASTER,
        "--terms",
        terms.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).is_empty());
    let e = stderr(&o);
    // Three offices without their 地域区分, each named by the row.
    assert_eq!(e.matches("地域区分が指定されていません").count(), 3, "{e}");
    assert!(e.contains("rows[1].office_number"), "{e}");
    // A master that is not one.
    let o = careplan(&[
        "table7",
        sheet,
        "--master",
        sheet,
        "--terms",
        terms.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("cannot be read"), "{}", stderr(&o));
    // Not a 第6表.
    let o = careplan(&[
        "table7",
        "fixtures/plans/case-a.json",
        "--master",
        MASTER,
        "--terms",
        terms.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("kyotaku_usage"), "{}", stderr(&o));
    // A missing file.
    let o = careplan(&[
        "table7",
        "no-such.json",
        "--master",
        MASTER,
        "--terms",
        "x.json",
    ]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn render_prints_the_sheet_with_its_table7_and_table_7_alone_needs_the_inputs() {
    let sheet = "fixtures/usage/care3-over-limit-2025-06.json";
    let terms = "fixtures/table7/care3-over-limit-2025-06.terms.json";
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("month.pdf");
    let o = careplan(&[
        "render",
        sheet,
        "-o",
        out.to_str().unwrap(),
        "--master",
        MASTER,
        "--terms",
        terms,
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = std::process::Command::new("pdftotext")
        .args([out.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils)");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("サービス利用票別表"), "{text}");
    assert!(text.contains("296,630"), "{text}");
    // 第7表 without a master and terms: refused before anything is written.
    let alone = dir.path().join("alone.pdf");
    let o = careplan(&[
        "render",
        sheet,
        "-o",
        alone.to_str().unwrap(),
        "--tables",
        "7",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("table7.master"), "{}", stderr(&o));
    assert!(!alone.exists());
    // --master without --terms is a usage error.
    let o = careplan(&[
        "render",
        sheet,
        "-o",
        alone.to_str().unwrap(),
        "--master",
        MASTER,
    ]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn basis_actual_recomputes_the_month_on_what_was_served() {
    // level-change-2025-04 has 実績 that differ from its 予定.
    let sheet = "fixtures/usage/level-change-2025-04.json";
    let terms = "fixtures/table7/level-change-2025-04.terms.json";
    let json = |extra: &[&str]| -> serde_json::Value {
        let mut args = vec![
            "table7", sheet, "--master", MASTER, "--terms", terms, "--format", "json",
        ];
        args.extend(extra);
        let o = careplan(&args);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        serde_json::from_str(&stdout(&o)).unwrap()
    };
    let planned = json(&[]);
    assert_eq!(json(&["--basis", "planned"]), planned);
    let actual = json(&["--basis", "actual"]);
    assert_ne!(actual["table7"]["managed"], planned["table7"]["managed"]);
    // The same as terms that say `"basis": "actual"`.
    let mut t: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(common::root().join(terms)).unwrap())
            .unwrap();
    t["basis"] = "actual".into();
    let path = std::env::temp_dir().join(format!("careplan-basis-{}.json", std::process::id()));
    std::fs::write(&path, t.to_string()).unwrap();
    let o = careplan(&[
        "table7",
        sheet,
        "--master",
        MASTER,
        "--terms",
        path.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v, actual);
}
