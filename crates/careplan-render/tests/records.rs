//! Rendering 第4表, 第5表 and case files, checked with poppler's
//! `pdftotext` and `qpdf --check`: every text of every fixture in the PDF,
//! the same bytes twice, each table numbered on its own in a case file,
//! `tables` picking any subset in any order, a long meeting continued with
//! its head.

#![cfg(test)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::LazyLock;

use careplan_core::{Document, Sheet};
use careplan_fixtures::{dir, files, read};
use careplan_render::{RenderError, RenderOptions, Renderer};

mod support;
use support::squash;

static RENDERER: LazyLock<Renderer> = LazyLock::new(|| Renderer::new().unwrap());

fn tmp(name: &str, bytes: &[u8]) -> PathBuf {
    support::tmp("records", name, bytes)
}

/// The text of each page, squashed.
fn pages(name: &str, pdf: &[u8]) -> Vec<String> {
    let path = tmp(name, pdf);
    let n = lopdf_pages(&path);
    (1..=n)
        .map(|i| {
            let out = Command::new("pdftotext")
                .args(["-enc", "UTF-8", "-f", &i.to_string(), "-l", &i.to_string()])
                .arg(&path)
                .arg("-")
                .output()
                .expect("pdftotext is needed for this test (poppler-utils)");
            squash(&String::from_utf8_lossy(&out.stdout))
        })
        .collect()
}

fn lopdf_pages(path: &Path) -> usize {
    let out = Command::new("pdfinfo")
        .arg(path)
        .output()
        .expect("pdfinfo (poppler-utils)");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:").map(|n| n.trim().parse().unwrap()))
        .unwrap()
}

fn doc(folder: &str, file: &str) -> Document {
    Document::from_json(&read(&dir(folder).join(file))).unwrap()
}

#[test]
fn every_meeting_log_and_case_fixture_renders_with_every_text_fonts_embedded_and_qpdf_clean() {
    for folder in ["meetings", "progress", "cases"] {
        for path in files(folder) {
            let name = careplan_fixtures::name(&path);
            let d = Document::from_json(&read(&path)).unwrap();
            let out = RENDERER
                .render(&d, &RenderOptions::default())
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            let text: String = pages(&name, &out.pdf).concat();
            // pdftotext -raw keeps a cell's lines together where the layout
            // mode interleaves the two groups of 第5表.
            let raw = Command::new("pdftotext")
                .args(["-raw", "-enc", "UTF-8"])
                .arg(tmp(&name, &out.pdf))
                .arg("-")
                .output()
                .unwrap();
            let text = text + &squash(&String::from_utf8_lossy(&raw.stdout));
            let missing: Vec<String> = d
                .texts()
                .into_iter()
                .filter(|(_, v)| !text.contains(&squash(v)))
                .map(|(p, v)| format!("{p}: {v}"))
                .collect();
            assert!(
                missing.is_empty(),
                "{name}: not in the PDF:\n{}",
                missing.join("\n")
            );
            let again = Renderer::new()
                .unwrap()
                .render(&d, &RenderOptions::default())
                .unwrap();
            assert_eq!(again.pdf, out.pdf, "{name}: not the same bytes");
            support::assert_fonts_embedded_subsets_and_qpdf_clean(&tmp(&name, &out.pdf));
        }
    }
}

#[test]
fn labels_attendance_and_absentees_are_printed_as_on_the_form() {
    let out = RENDERER
        .render(
            &doc("meetings", "case-a-first-meeting.json"),
            &RenderOptions::default(),
        )
        .unwrap();
    let text = pages("meeting.pdf", &out.pdf).concat();
    for label in [
        "第４表",
        "サービス担当者会議の要点",
        "作成年月日",
        "居宅サービス計画作成者（担当者）氏名",
        "開催日",
        "開催場所",
        "開催時間",
        "開催回数",
        "第1回",
        "会議出席者",
        "利用者・家族の出席",
        "本人：【出席】",
        "家族：【出席】",
        "（続柄：妻、長男）",
        "※備考",
        "所属（職種）",
        "氏名",
        "検討した項目",
        "検討内容",
        "結論",
        "残された課題",
        "（次回の開催時期）",
        "照会（依頼）平成27年12月1日",
        "（欠席理由：仕事のため）",
        "第４表1/1",
    ] {
        assert!(text.contains(&squash(label)), "{label} not in the PDF");
    }
    let out = RENDERER
        .render(
            &doc("meetings", "not-held-hospital-stay.json"),
            &RenderOptions::default(),
        )
        .unwrap();
    let text = pages("not-held.pdf", &out.pdf).concat();
    assert!(text.contains("【開催しなかった理由】") && text.contains("（開催せず）"));
}

/// A case file with every table: each table's pages numbered on their own
/// (two meetings, 1 / 1 each; a log of two pages, 1 / 2 and 2 / 2).
#[test]
fn a_case_file_prints_every_table_in_order_with_its_own_page_numbers() {
    let mut case: serde_json::Value =
        serde_json::from_str(&read(&dir("cases").join("case-a.json"))).unwrap();
    let second: serde_json::Value = serde_json::from_str(&read(
        &dir("meetings").join("case-a-second-meeting-online.json"),
    ))
    .unwrap();
    case["meetings"].as_array_mut().unwrap().push(second);
    let mut entries = case["progress"]["entries"].as_array().unwrap().clone();
    let more = entries.clone();
    for e in more {
        let mut e = e.clone();
        let date = e["date"]
            .as_str()
            .unwrap()
            .replace("2015-", "2017-")
            .replace("2016-", "2018-");
        e["date"] = date.into();
        entries.push(e);
    }
    case["progress"]["entries"] = entries.into();
    // A second month's 第6表: each month is its own sheet, 1/1.
    let mut february = case["usage"][0].clone();
    february["month"] = "2016-02".into();
    february["created_on"] = "2016-01-25".into();
    case["usage"].as_array_mut().unwrap().push(february);
    let case = Document::from_json(&case.to_string()).unwrap();
    let out = RENDERER.render(&case, &RenderOptions::default()).unwrap();
    let p = pages("case.pdf", &out.pdf);
    assert!(
        p[7].contains("平成28年1月分") && p[8].contains("平成28年2月分"),
        "{}",
        p[8]
    );
    let footers: Vec<&str> = p
        .iter()
        .map(|t| {
            [
                "第１表1/1",
                "第２表1/1",
                "第３表1/1",
                "第４表1/1",
                "第５表1/2",
                "第５表2/2",
                "第６表1/1",
            ]
            .into_iter()
            .find(|f| t.contains(f))
            .unwrap_or("?")
        })
        .collect();
    assert_eq!(
        footers,
        [
            "第１表1/1",
            "第２表1/1",
            "第３表1/1",
            "第４表1/1",
            "第４表1/1",
            "第５表1/2",
            "第５表2/2",
            "第６表1/1",
            "第６表1/1"
        ]
    );
    assert!(p[3].contains("第1回") && p[4].contains("第2回"));

    // Any subset, in the order asked.
    let some = RenderOptions {
        tables: Some(vec![Sheet::KyotakuTable5, Sheet::KyotakuTable1]),
        ..RenderOptions::default()
    };
    let out = RENDERER.render(&case, &some).unwrap();
    let p = pages("some.pdf", &out.pdf);
    assert_eq!(p.len(), 3);
    assert!(p[0].contains("居宅介護支援経過") && p[0].contains("第５表1/2"));
    assert!(p[2].contains("居宅サービス計画書（１）") && p[2].contains("第１表1/1"));
}

#[test]
fn a_table_the_document_does_not_hold_is_refused() {
    let meeting = doc("meetings", "case-a-first-meeting.json");
    let t1 = RenderOptions {
        tables: Some(vec![Sheet::KyotakuTable1]),
        ..RenderOptions::default()
    };
    assert!(matches!(
        RENDERER.render(&meeting, &t1),
        Err(RenderError::NotThisForm { .. })
    ));
    let case: serde_json::Value = serde_json::json!({
        "form": "case_file",
        "progress": serde_json::from_str::<serde_json::Value>(&read(&dir("progress").join("case-a-first-year.json"))).unwrap(),
    });
    let case = Document::from_json(&case.to_string()).unwrap();
    assert!(matches!(
        RENDERER.render(&case, &t1),
        Err(RenderError::NotInDocument { .. })
    ));
    assert_eq!(
        RENDERER
            .render(&case, &RenderOptions::default())
            .unwrap()
            .page_count,
        1
    );
}

#[test]
fn a_long_meeting_continues_with_its_head_and_hostile_text_stays_text() {
    let mut m: serde_json::Value =
        serde_json::from_str(&read(&dir("meetings").join("case-a-first-meeting.json"))).unwrap();
    let long = "#set page(width: 1pt) <x> $x$ 検討を続ける。".repeat(120);
    m["discussion"] = long.clone().into();
    let d = Document::from_json(&m.to_string()).unwrap();
    let out = RENDERER.render(&d, &RenderOptions::default()).unwrap();
    let p = pages("long-meeting.pdf", &out.pdf);
    assert!(p.len() >= 2, "{} pages", p.len());
    assert!(!p[0].contains("（続き）"));
    assert!(p[1].contains("サービス担当者会議の要点（続き）"));
    let n = p.len();
    assert!(p[n - 1].contains(&format!("第４表{n}/{n}")));
    assert!(
        p.concat()
            .contains(&squash("#set page(width: 1pt) <x> $x$"))
    );
}
