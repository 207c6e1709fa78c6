//! `careplan render` as a user runs it.

// cfg(test) lets clippy.toml's allow-*-in-tests cover the helpers too.
#![cfg(test)]

mod common;
use common::{careplan, root, scratch};

use std::io::Write;
use std::process::{Command, Stdio};

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn renders_case_a_to_a_pdf_with_pngs() {
    let d = scratch("single");
    let out = d.join("case-a.pdf");
    let png = d.join("png");
    let o = careplan(&[
        "render",
        "fixtures/plans/case-a.json",
        "-o",
        out.to_str().unwrap(),
        "--png",
        png.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let pdf = std::fs::read(&out).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let pngs = std::fs::read_dir(&png).unwrap().count();
    assert_eq!(pngs, 3, "one PNG per page");
    assert!(
        std::fs::read(png.join("case-a-1.png"))
            .unwrap()
            .starts_with(b"\x89PNG")
    );
}

#[test]
fn reads_standard_input_and_chooses_tables() {
    let d = scratch("stdin");
    let out = d.join("t3.pdf");
    let mut child = Command::new(env!("CARGO_BIN_EXE_careplan"))
        .args([
            "render",
            "-",
            "-o",
            out.to_str().unwrap(),
            "--tables",
            "3",
            "--draft",
            "--consent-block",
        ])
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(
            &std::fs::read(root().join("fixtures/plans/seiho-care4-family-illness.json")).unwrap(),
        )
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let pdf = std::fs::read(&out).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    let bad = careplan(&[
        "render",
        "fixtures/plans/case-a.json",
        "-o",
        out.to_str().unwrap(),
        "--tables",
        "6",
    ]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn a_case_file_prints_the_tables_asked_in_their_order_and_a_plan_refuses_table_4() {
    let d = scratch("case");
    let out = d.join("case.pdf");
    let png = d.join("png");
    let o = careplan(&[
        "render",
        "fixtures/cases/case-a.json",
        "-o",
        out.to_str().unwrap(),
        "--tables",
        "5,1",
        "--png",
        png.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(
        std::fs::read_dir(&png).unwrap().count(),
        2,
        "第5表 and 第1表"
    );
    let t4 = d.join("t4.pdf");
    let bad = careplan(&[
        "render",
        "fixtures/plans/case-a.json",
        "-o",
        t4.to_str().unwrap(),
        "--tables",
        "4",
    ]);
    assert_ne!(bad.status.code(), Some(0));
    assert!(
        text(&bad.stderr).contains("第4表") || text(&bad.stderr).contains("4"),
        "{}",
        text(&bad.stderr)
    );
    assert!(!t4.exists(), "nothing written");
}

#[test]
fn an_invalid_plan_writes_nothing_and_says_why() {
    let d = scratch("invalid");
    let out = d.join("x.pdf");
    let o = careplan(&[
        "render",
        "fixtures/invalid/short-term-outside-long-term.json",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o.stderr).contains("period_outside_parent"),
        "{}",
        text(&o.stderr)
    );
    assert!(!out.exists());
    assert_eq!(
        std::fs::read_dir(&d).unwrap().count(),
        0,
        "no temporary file left behind"
    );
}

#[test]
fn missing_glyphs_fail_unless_allowed() {
    let d = scratch("glyphs");
    let mut v: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root().join("fixtures/plans/case-a.json")).unwrap(),
    )
    .unwrap();
    v["table1"]["user"]["name"] = serde_json::Value::from("𠮷田 一");
    let plan = d.join("yoshida.json");
    std::fs::write(&plan, serde_json::to_string(&v).unwrap()).unwrap();
    let out = d.join("y.pdf");
    let o = careplan(&[
        "render",
        plan.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(
        err.contains("table1.user.name") && err.contains("𠮷") && err.contains("--font"),
        "{err}"
    );
    assert!(!out.exists());
    let o = careplan(&[
        "render",
        plan.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--allow-missing-glyphs",
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert!(text(&o.stderr).contains("警告"));
    assert!(out.exists());
}

#[test]
fn a_bad_font_file_is_refused() {
    let d = scratch("font");
    let font = d.join("bad.ttf");
    std::fs::write(&font, b"nope").unwrap();
    let o = careplan(&[
        "render",
        "fixtures/plans/case-a.json",
        "-o",
        d.join("o.pdf").to_str().unwrap(),
        "--font",
        font.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn batch_renders_the_others_when_one_fails() {
    let d = scratch("batch");
    let input = d.join("in");
    std::fs::create_dir_all(&input).unwrap();
    for f in [
        "case-a.json",
        "care5-night-consent.json",
        "applying-housework-other.json",
    ] {
        std::fs::copy(root().join("fixtures/plans").join(f), input.join(f)).unwrap();
    }
    std::fs::copy(
        root().join("fixtures/invalid/needs-empty.json"),
        input.join("broken.json"),
    )
    .unwrap();
    let out = d.join("out");
    let o = careplan(&[
        "render",
        "--batch",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let summary = text(&o.stdout);
    assert!(summary.contains("4 件中 3 件"), "{summary}");
    assert!(summary.contains("broken.json"), "{summary}");
    for f in [
        "case-a.pdf",
        "care5-night-consent.pdf",
        "applying-housework-other.pdf",
    ] {
        assert!(
            std::fs::read(out.join(f)).unwrap().starts_with(b"%PDF-"),
            "{f}"
        );
    }
    assert!(!out.join("broken.pdf").exists());
}

#[test]
fn typeface_sets_the_plans_text_in_mincho_or_gothic() {
    let d = scratch("typeface");
    let fonts_of = |face: Option<&str>| {
        let out = d.join(format!("{}.pdf", face.unwrap_or("default")));
        let mut args = vec![
            "render",
            "fixtures/plans/case-a.json",
            "-o",
            out.to_str().unwrap(),
        ];
        if let Some(f) = face {
            args.extend(["--typeface", f]);
        }
        let o = careplan(&args);
        assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
        let listing = Command::new("pdffonts")
            .arg(&out)
            .output()
            .expect("pdffonts");
        text(&listing.stdout)
    };
    let gothic = fonts_of(None);
    assert!(gothic.contains("BIZUDGothic-Regular"), "{gothic}");
    assert!(!gothic.contains("BIZUDMincho"), "{gothic}");
    let mincho = fonts_of(Some("mincho"));
    assert!(mincho.contains("BIZUDMincho-Regular"), "{mincho}");
    // Naming the default changes nothing.
    assert_eq!(fonts_of(Some("gothic")), gothic);
    let bad = careplan(&[
        "render",
        "fixtures/plans/case-a.json",
        "-o",
        "x.pdf",
        "--typeface",
        "maru",
    ]);
    assert_eq!(bad.status.code(), Some(2), "{}", text(&bad.stderr));
}
