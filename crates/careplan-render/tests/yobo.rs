//! Rendering every 介護予防サービス・支援計画書 fixture, checked with
//! independent tools: poppler's `pdftotext` and `pdffonts`, and `qpdf --check`.

#![cfg(test)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::LazyLock;

use careplan_core::forms::yobo::PreventivePlan;
use careplan_core::{Document, Sheet};
use careplan_fixtures::{dir, files, read};
use careplan_render::{MissingGlyphs, RenderError, RenderOptions, Renderer};

mod support;
use support::{found_in_pieces, squash};

static RENDERER: LazyLock<Renderer> = LazyLock::new(|| Renderer::new().unwrap());

fn plans() -> Vec<(String, PreventivePlan)> {
    files("yobo/plans")
        .iter()
        .map(|p| {
            (
                careplan_fixtures::name(p),
                PreventivePlan::from_json(&read(p)).unwrap(),
            )
        })
        .collect()
}

fn plan(name: &str) -> PreventivePlan {
    PreventivePlan::from_json(&read(&dir("yobo/plans").join(name))).unwrap()
}

fn tmp(name: &str, bytes: &[u8]) -> PathBuf {
    support::tmp("yobo", name, bytes)
}

fn run(cmd: &str, args: &[&str], file: &Path) -> (bool, String) {
    let mut c = Command::new(cmd);
    c.args(args).arg(file);
    if cmd == "pdftotext" {
        c.arg("-"); // to standard output
    }
    let out = c
        .output()
        .unwrap_or_else(|e| panic!("{cmd} is needed for this test (poppler-utils / qpdf): {e}"));
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

fn assert_all_text_present(name: &str, plan: &PreventivePlan, pdf: &[u8]) {
    let path = tmp(&format!("{name}.pdf"), pdf);
    let (ok, text) = run("pdftotext", &["-raw", "-enc", "UTF-8"], &path);
    assert!(ok);
    let mut text = squash(&text);
    text.push_str(&squash(&run("pdftotext", &["-enc", "UTF-8"], &path).1));
    let missing: Vec<String> = plan
        .texts()
        .into_iter()
        .filter(|(_, v)| {
            let v = squash(v);
            !text.contains(&v) && !found_in_pieces(&text, &v)
        })
        .map(|(p, v)| format!("{p}: {}", v.chars().take(40).collect::<String>()))
        .collect();
    assert!(
        missing.is_empty(),
        "{name}: not found in the PDF:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_yobo_fixture_renders_with_every_text_value() {
    for (name, plan) in plans() {
        let out = RENDERER
            .render(&plan, &RenderOptions::default())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(out.page_count >= 2, "{name}");
        assert_all_text_present(&name, &plan, &out.pdf);
        // The same through a document of any form.
        let doc = Document::from(plan.clone());
        let again = RENDERER.render(&doc, &RenderOptions::default()).unwrap();
        assert_eq!(again.pdf, out.pdf, "{name}");
    }
}

#[test]
fn labels_choices_and_dates_are_printed_as_on_the_form() {
    let out = RENDERER
        .render(&plan("entrusted-applying.json"), &RenderOptions::default())
        .unwrap();
    let path = tmp("labels.pdf", &out.pdf);
    let text = squash(&run("pdftotext", &["-raw", "-enc", "UTF-8"], &path).1);
    for label in [
        "介護予防サービス・支援計画書",
        "認定年月日",
        "認定の有効期間",
        "計画作成者氏名",
        "委託の場合：計画作成者事業者・事業所名及び所在地（連絡先）",
        "計画作成（変更）日",
        "担当地域包括支援センター：",
        "目標とする生活",
        "アセスメント領域と現在の状況",
        "本人・家族の意欲・意向",
        "領域における課題（背景・原因）",
        "総合的課題",
        "課題に対する目標と具体策の提案",
        "目標についての支援のポイント",
        "【本来行うべき支援ができない場合】妥当な支援の実施に向けた方針",
        "総合的な方針：生活不活発病の改善・予防のポイント",
        "運動不足",
        "うつ予防",
        "【意見】",
        "【確認印】",
        "上記計画について、同意いたします。",
        // the entrusted office with its address and telephone
        "さくら居宅介護支援事業所",
        "045-123-4567",
        // 和暦 dates
        "令和7年9月10日",
        "確認令和7年9月12日",
        // the counts as n／size
        "5／5",
    ] {
        assert!(text.contains(&squash(label)), "{label} not in the PDF");
    }
    // The care manager is the planner printed; the centre's 担当者 beside.
    assert!(text.contains("計画作成者氏名渡辺直美（地域包括支援センター担当者小林誠）"));
}

#[test]
fn same_plan_same_bytes_fonts_embedded_and_qpdf_clean() {
    let p = plan("long-texts-six-issues.json");
    let a = RENDERER.render(&p, &RenderOptions::default()).unwrap();
    let b = Renderer::new()
        .unwrap()
        .render(&p, &RenderOptions::default())
        .unwrap();
    assert_eq!(a.pdf, b.pdf);
    support::assert_fonts_embedded_subsets_and_qpdf_clean(&tmp("fonts.pdf", &a.pdf));
}

/// The long fixture flows over pages: the column heads stand on every page
/// of the 支援計画, each page is numbered 「i / n」, a text cut at a page's
/// end goes on at the top of the next after 「（続き）」, and a 課題 whose
/// rows go on over a break is named by its number there, its 目標 marked
/// 「（続き）」.
#[test]
fn long_plans_flow_with_heads_numbers_and_continuation_marks() {
    let p = plan("long-texts-six-issues.json");
    let out = RENDERER.render(&p, &RenderOptions::default()).unwrap();
    assert!(out.page_count >= 4, "{}", out.page_count);
    let path = tmp("long.pdf", &out.pdf);
    let (_, full) = run("pdftotext", &["-raw", "-enc", "UTF-8"], &path);
    let pages: Vec<String> = full
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .map(squash)
        .collect();
    assert_eq!(pages.len(), out.page_count);
    for (i, page) in pages.iter().enumerate() {
        let number = format!("介護予防サービス・支援計画書{}/{}", i + 1, out.page_count);
        assert!(page.contains(&number), "page {}: no {number}", i + 1);
    }
    let with_heads = pages
        .iter()
        .filter(|p| p.contains("目標についての支援のポイント"))
        .count();
    assert!(
        with_heads >= 3,
        "{with_heads} pages with the 支援計画 heads"
    );
    // never on the first page
    assert!(!pages[0].contains("（続き）"));
    // The 1,800-character 支援のポイント is cut: the page it starts on ends
    // with its first piece, and the next opens with 「（続き）」 and the rest.
    let point = squash(
        p.parts().issues[4].supports[0]
            .point
            .as_ref()
            .unwrap()
            .as_str(),
    );
    let starts = pages
        .iter()
        .position(|page| page.contains(&point.chars().take(20).collect::<String>()))
        .expect("the long 支援のポイント starts somewhere");
    assert!(!pages[starts].contains(&point), "it fits one page?");
    let next = &pages[starts + 1];
    let mark = next
        .find("（続き）")
        .expect("a 「（続き）」 on the next page");
    let tail: String = point
        .chars()
        .rev()
        .take(20)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    assert!(
        pages[starts + 1..].iter().any(|page| page.contains(&tail)),
        "the end of the text is printed after the cut"
    );
    // what follows that mark is the text's continuation, not its start
    let after: String = next[mark + "（続き）".len()..].chars().take(10).collect();
    let at = point.find(&after).expect("the text goes on after the mark");
    assert!(at > 0, "{after}");
    // A 課題 carried onto a page: its number, then 「（続き）」 for its 目標,
    // right after the column heads.
    let heads = "事業所（利用先）期間";
    let carried = pages[1..]
        .iter()
        .filter_map(|page| page.find(heads).map(|at| &page[at + heads.len()..]))
        .filter(|rest| {
            let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
            !digits.is_empty() && rest[digits.len()..].starts_with("（続き）")
        })
        .count();
    assert!(carried >= 1, "no page opens with a 課題 carried on");
    // nothing is lost: every text of the plan is in the text layer
    for (path, text) in p.texts() {
        assert!(
            found_in_pieces(&squash(&full), &squash(text)),
            "{path}: not found"
        );
    }
}

#[test]
fn tables_other_than_the_one_sheet_are_refused() {
    let p = plan("support-1-day-service-salon.json");
    let only = RenderOptions {
        tables: Some(vec![Sheet::YoboPlan]),
        ..RenderOptions::default()
    };
    assert!(RENDERER.render(&p, &only).is_ok());
    let wrong = RenderOptions {
        tables: Some(vec![Sheet::KyotakuTable2]),
        ..RenderOptions::default()
    };
    assert!(matches!(
        RENDERER.render(&p, &wrong),
        Err(RenderError::NotThisForm { .. })
    ));
}

#[test]
fn hostile_text_is_literal_and_missing_glyphs_are_reported() {
    let mut v: serde_json::Value = serde_json::from_str(&read(
        &dir("yobo/plans").join("support-1-day-service-salon.json"),
    ))
    .unwrap();
    v["policy"] = serde_json::json!("#set page(width: 1cm) ]} $x$ #panic(\"no\") <l> @ref *強調*");
    let p = PreventivePlan::from_json(&v.to_string()).unwrap();
    let out = RENDERER.render(&p, &RenderOptions::default()).unwrap();
    let path = tmp("hostile.pdf", &out.pdf);
    let text = squash(&run("pdftotext", &["-raw", "-enc", "UTF-8"], &path).1);
    assert!(text.contains(&squash(
        "#set page(width: 1cm) ]} $x$ #panic(\"no\") <l> @ref *強調*"
    )));

    v["user"]["name"] = serde_json::json!("𠮷田 ハナ");
    let p = PreventivePlan::from_json(&v.to_string()).unwrap();
    match RENDERER.render(&p, &RenderOptions::default()) {
        Err(RenderError::MissingGlyphs(list)) => {
            assert_eq!(list[0].path, "user.name");
            assert_eq!(list[0].character, '𠮷');
        }
        other => panic!("expected missing glyphs, got {other:?}"),
    }
    let warn = RenderOptions {
        missing_glyphs: MissingGlyphs::Warn,
        ..RenderOptions::default()
    };
    let out = RENDERER.render(&p, &warn).unwrap();
    assert_eq!(out.missing_glyphs.len(), 1);
}

mod kihon {
    use super::*;
    use careplan_core::forms::yobo::kihon::Kihon;

    fn all() -> Vec<(String, Kihon)> {
        files("yobo/kihon")
            .iter()
            .map(|p| {
                (
                    careplan_fixtures::name(p),
                    Kihon::from_json(&read(p)).unwrap(),
                )
            })
            .collect()
    }

    #[test]
    fn every_kihon_fixture_renders_with_every_text_value_and_the_same_bytes_twice() {
        for (name, k) in all() {
            let out = RENDERER
                .render(&k, &RenderOptions::default())
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            let path = tmp(&format!("kihon-{name}.pdf"), &out.pdf);
            let (_, raw) = run("pdftotext", &["-raw", "-enc", "UTF-8"], &path);
            let (_, layout) = run("pdftotext", &["-enc", "UTF-8"], &path);
            let text = squash(&raw) + &squash(&layout);
            let missing: Vec<String> = k
                .texts()
                .into_iter()
                .filter(|(_, v)| {
                    let v = squash(v);
                    !text.contains(&v) && !found_in_pieces(&text, &v)
                })
                .map(|(p, v)| format!("{p}: {v}"))
                .collect();
            assert!(missing.is_empty(), "{name}: {missing:?}");
            let again = RENDERER
                .render(&Document::from(k.clone()), &RenderOptions::default())
                .unwrap();
            assert_eq!(again.pdf, out.pdf, "{name}");
            let (ok, check) = run("qpdf", &["--check"], &path);
            assert!(ok, "{check}");
        }
    }

    #[test]
    fn labels_choices_and_dates_are_printed_as_on_the_form() {
        let k = all()
            .into_iter()
            .find(|(n, _)| n == "support-1-day-service-salon.json")
            .unwrap()
            .1;
        let out = RENDERER.render(&k, &RenderOptions::default()).unwrap();
        let path = tmp("kihon-labels.pdf", &out.pdf);
        let text = squash(&run("pdftotext", &["-raw", "-enc", "UTF-8"], &path).1);
        for label in [
            "利用者基本情報",
            "《基本情報》",
            "相談日令和7年4月3日",
            "障害高齢者の日常生活自立度",
            "認知症高齢者の日常生活自立度",
            "基本チェックリスト記入結果",
            "昭和17年8月15日（82歳）",
            "緊急連絡先",
            "《介護予防に関する事項》",
            "《現病歴・既往歴と経過》",
            "☆一番町内科鈴木医師",
            "《現在利用しているサービス》",
        ] {
            assert!(text.contains(&squash(label)), "{label} not in the PDF");
        }
    }
}
