//! `careplan csv` as a user runs it, and CSV import followed by rendering.

// cfg(test) lets clippy.toml's allow-*-in-tests cover the helpers too.
#![cfg(test)]

mod common;
use common::{assert_succeeded, careplan, root, scratch};

use std::path::Path;
use std::process::{Command, Output};

fn files_in(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// `careplan csv <action> <plans…>` from 1370000001:43 to 1310000011:11 at
/// 2025-12-01 09:30:00, into `out`.
fn send(action: &str, plans: &[&str], out: &Path) -> Output {
    let mut args = vec!["csv", action];
    args.extend_from_slice(plans);
    args.extend_from_slice(&["--from", "1370000001:43", "--to", "1310000011:11"]);
    args.extend_from_slice(&["--timestamp", "20251201093000", "-o", out.to_str().unwrap()]);
    careplan(&args)
}

#[test]
fn export_then_import_gives_plan_documents() {
    let d = scratch("roundtrip");
    let out = d.join("send");
    let o = send(
        "export",
        &[
            "fixtures/plans/case-a.json",
            "fixtures/plans/care5-night-consent.json",
        ],
        &out,
    );
    assert_succeeded(&o);
    assert_eq!(
        files_in(&out),
        [
            "UP1KYO_1370000001_43_1310000011_11_20251201093000.CSV",
            "UP2KYO_1370000001_43_1310000011_11_20251201093000.CSV",
            "UP3KYO_1370000001_43_1310000011_11_20251201093000.CSV",
            "UPHOSOKU_000000_1370000001_43_1310000011_11_20251201093000.CSV",
        ]
    );
    let back = d.join("back");
    let mut args = vec!["csv".to_owned(), "import".to_owned()];
    args.extend(
        files_in(&out)
            .iter()
            .map(|f| out.join(f).to_string_lossy().into_owned()),
    );
    args.extend(["-o".to_owned(), back.to_string_lossy().into_owned()]);
    let o = careplan(&args);
    assert_succeeded(&o);
    assert_eq!(
        files_in(&back),
        ["0000123456_20151203.json", "2700000015_20250528.json"]
    );
    // Each written plan is a valid plan document.
    let v = careplan(&[
        "validate",
        back.join("0000123456_20151203.json").to_str().unwrap(),
    ]);
    assert_eq!(v.status.code(), Some(0));
}

#[test]
fn export_refuses_bad_endpoints_and_text_ms932_lacks() {
    let d = scratch("bad");
    let o = careplan(&[
        "csv",
        "export",
        "fixtures/plans/case-a.json",
        "--from",
        "137:43",
        "--to",
        "1310000011:11",
        "-o",
        d.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let mut v: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("fixtures/plans/case-a.json")).unwrap(),
    )
    .unwrap();
    v["table1"]["support_policy"] = serde_json::Value::from("〜と𠮷");
    let plan = d.join("p.json");
    std::fs::write(&plan, v.to_string()).unwrap();
    let out = d.join("out");
    let o = send("export", &[plan.to_str().unwrap()], &out);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(
        err.contains("plans[0].table1.support_policy") && err.contains("𠮷") && err.contains("〜"),
        "{err}"
    );
    assert!(!out.exists(), "nothing is written when export fails");
}

#[test]
fn import_reports_errors_with_file_line_and_field() {
    let d = scratch("imp");
    let src = root().join("fixtures/csv/records-md-example");
    let bad = d.join("UP1KYO_0300000100_43_0300000005_11_20251025200201.CSV");
    let text = encoding_rs::SHIFT_JIS
        .decode(&std::fs::read(src.join(bad.file_name().unwrap())).unwrap())
        .0
        .replace(",11,2,", ",99,2,");
    std::fs::write(&bad, encoding_rs::SHIFT_JIS.encode(&text).0).unwrap();
    let mut args = vec![
        "csv".to_owned(),
        "import".to_owned(),
        bad.to_string_lossy().into_owned(),
    ];
    for f in files_in(&src)
        .iter()
        .filter(|f| f.ends_with(".CSV") && !f.starts_with("UP1KYO"))
    {
        args.push(src.join(f).to_string_lossy().into_owned());
    }
    args.extend([
        "-o".to_owned(),
        d.join("out").to_string_lossy().into_owned(),
    ]);
    let o = careplan(&args);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    assert!(
        err.contains(
            "UP1KYO_0300000100_43_0300000005_11_20251025200201.CSV:1 項目16「計画書区分」"
        ),
        "{err}"
    );
}

#[test]
fn imported_plans_render_with_every_text_in_the_pdf() {
    let dir = root().join("fixtures/csv/records-md-example");
    let files: Vec<(String, Vec<u8>)> = files_in(&dir)
        .into_iter()
        .filter(|f| f.ends_with(".CSV"))
        .map(|f| (f.clone(), std::fs::read(dir.join(&f)).unwrap()))
        .collect();
    let got = careplan_api::csv::import(files);
    assert!(got.errors.is_empty());
    let renderer = careplan_api::render::renderer(&[]).unwrap();
    let d = scratch("render");
    for imported in &got.documents {
        let (key, plan) = (&imported.key, &imported.document);
        let request = careplan_api::render::RenderRequest::default();
        let pdf = careplan_api::render::render(&renderer, plan, &request)
            .unwrap()
            .pdf;
        let path = d.join(format!("{key}.pdf").replace('/', "_"));
        std::fs::write(&path, &pdf).unwrap();
        let out = Command::new("pdftotext")
            .args(["-raw", "-enc", "UTF-8"])
            .arg(&path)
            .arg("-")
            .output()
            .expect("pdftotext");
        let text: String = String::from_utf8(out.stdout)
            .unwrap()
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{200B}')
            .collect();
        for (field, value) in plan.texts() {
            let v: String = value.chars().filter(|c| !c.is_whitespace()).collect();
            assert!(text.contains(&v), "{field}: {value:?} not in the PDF");
        }
    }
}

/// Two exports into one folder with the same timestamp (as two exports in
/// the same second get by default) would give the same file names: the
/// second is refused, naming the files, and the first set stays as it was.
#[test]
fn export_never_overwrites_a_send_set() {
    let d = scratch("twice");
    let out = d.join("send");
    let export = |plan: &str| send("export", &[plan], &out);
    let first = export("fixtures/plans/case-a.json");
    assert_eq!(first.status.code(), Some(0));
    let before: Vec<Vec<u8>> = files_in(&out)
        .iter()
        .map(|f| std::fs::read(out.join(f)).unwrap())
        .collect();
    let second = export("fixtures/plans/care5-night-consent.json");
    assert_eq!(second.status.code(), Some(2));
    let err = String::from_utf8_lossy(&second.stderr).into_owned();
    assert!(
        err.contains("UP1KYO_1370000001_43_1310000011_11_20251201093000.CSV")
            && err.contains("上書きしません")
            && err.contains("never overwritten"),
        "{err}"
    );
    assert!(second.stdout.is_empty(), "nothing is reported as written");
    let after: Vec<Vec<u8>> = files_in(&out)
        .iter()
        .map(|f| std::fs::read(out.join(f)).unwrap())
        .collect();
    assert_eq!(before, after, "the first send set is untouched");
    // A withdrawal with the same timestamp writes its own file name: allowed.
    let o = send("withdraw", &["fixtures/plans/case-a.json"], &out);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(files_in(&out).len(), 5);
}

/// Importing into a folder that already holds a plan of the same name
/// refuses rather than replaces it (the user may have edited it).
#[test]
fn import_never_overwrites_a_plan_document() {
    let d = scratch("import-twice");
    let src = root().join("fixtures/csv/records-md-example");
    let mut args = vec!["csv".to_owned(), "import".to_owned()];
    for f in files_in(&src).iter().filter(|f| f.ends_with(".CSV")) {
        args.push(src.join(f).to_string_lossy().into_owned());
    }
    let out = d.join("plans");
    args.extend(["-o".to_owned(), out.to_string_lossy().into_owned()]);
    assert_eq!(careplan(&args).status.code(), Some(0));
    let name = files_in(&out).pop().unwrap();
    std::fs::write(out.join(&name), "edited by hand\n").unwrap();
    let o = careplan(&args);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains(&name));
    assert_eq!(
        std::fs::read_to_string(out.join(&name)).unwrap(),
        "edited by hand\n"
    );
}
