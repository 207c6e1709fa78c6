//! Rendering every 第6表 fixture, checked with independent tools (poppler's
//! `pdftotext` and `pdffonts`, `qpdf --check`): every text printed, the
//! head's labels and figures, the day grid with its 曜日, same bytes twice,
//! many rows flowing onto more pages with the heads repeated, and hostile
//! text printed literally.

#![cfg(test)]

use std::path::PathBuf;
use std::sync::LazyLock;

use careplan_core::forms::kyotaku::usage::Usage;
use careplan_fixtures::{dir, files, read};
use careplan_render::{RenderOptions, Renderer};

mod support;
use support::{found_in_pieces, squash};

static RENDERER: LazyLock<Renderer> = LazyLock::new(|| Renderer::new().unwrap());

fn tmp(name: &str, bytes: &[u8]) -> PathBuf {
    support::tmp("usage", name, bytes)
}

/// The text of each page, squashed (`-raw`: a cell's lines together).
fn pages(name: &str, pdf: &[u8]) -> Vec<String> {
    support::raw_pages(&tmp(name, pdf))
}

fn usage(file: &str) -> Usage {
    Usage::from_json(&read(&dir("usage").join(file))).unwrap()
}

#[test]
fn every_usage_fixture_renders_with_every_text_the_same_bytes_and_fonts_embedded() {
    for path in files("usage") {
        let name = careplan_fixtures::name(&path);
        let u = Usage::from_json(&read(&path)).unwrap();
        let out = RENDERER
            .render(&u, &RenderOptions::default())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let text = pages(&name, &out.pdf).concat();
        let missing: Vec<String> = u
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
            .render(&u, &RenderOptions::default())
            .unwrap();
        assert_eq!(again.pdf, out.pdf, "{name}: not the same bytes");
        support::assert_fonts_embedded_subsets_and_qpdf_clean(&tmp(&name, &out.pdf));
        assert!(
            out.missing_glyphs.is_empty(),
            "{name}: {:?}",
            out.missing_glyphs
        );
    }
}

#[test]
fn the_head_and_the_grid_are_printed_as_on_the_form() {
    let u = usage("level-change-2025-04.json");
    let out = RENDERER.render(&u, &RenderOptions::default()).unwrap();
    let p = pages("labels.pdf", &out.pdf);
    assert_eq!(p.len(), 1, "{p:?}");
    let text = &p[0];
    for label in [
        "第６表",
        "令和7年4月分",
        "サービス利用票（兼居宅（介護予防）サービス計画）",
        "居宅介護支援事業者→利用者",
        "保険者番号141003",
        "被保険者番号0000765432",
        "要介護２",
        "要介護３",
        "令和7年4月15日",
        "27,048単位／月",
        "令和7年4月から令和8年3月まで",
        "6日",
        "月間サービス計画及び実績の記録",
        "予定",
        "実績",
        "合計",
        "第６表1/1",
    ] {
        assert!(
            text.contains(&squash(label)),
            "{label} not in the PDF:\n{text}"
        );
    }
    // The day row 1…30 and, under it, the 曜日 from 火 (2025-04-01) to 水 (the 30th).
    let days: String = (1..=30).map(|d| d.to_string()).collect();
    assert!(text.contains(&days), "{text}");
    assert!(
        text.contains("火水木金土日月火水木金土日月火水木金土日月火水木金土日月火水"),
        "{text}"
    );
    // 訪問介護 twice on each of 22 weekdays: the 予定 total.
    assert!(text.contains("44"), "{text}");
}

#[test]
fn many_rows_flow_onto_more_pages_with_the_heads_repeated() {
    let mut doc: serde_json::Value =
        serde_json::from_str(&read(&dir("usage").join("case-a-2016-01.json"))).unwrap();
    let template = doc["rows"][1].clone();
    let mut rows = Vec::new();
    for i in 0..60 {
        let mut r = template.clone();
        r["service"] = format!("訪問介護（身体介護１）その{i}").into();
        // Typst markup in the data prints as text.
        if i == 7 {
            r["office_name"] = "#panic(\"x\") *太字* $x^2$ <label> @ref".into();
        }
        rows.push(r);
    }
    doc["rows"] = rows.into();
    let u = Usage::from_json(&doc.to_string()).unwrap();
    let out = RENDERER.render(&u, &RenderOptions::default()).unwrap();
    let p = pages("many.pdf", &out.pdf);
    assert!(p.len() >= 3, "{} pages", p.len());
    let n = p.len();
    for (i, page) in p.iter().enumerate() {
        assert!(
            page.contains("月間サービス計画及び実績の記録"),
            "page {}",
            i + 1
        );
        assert!(page.contains("被保険者番号0000123456"), "page {}", i + 1);
        assert!(
            page.contains(&format!("第６表{}/{n}", i + 1)),
            "page {}: {page}",
            i + 1
        );
    }
    let all = p.concat();
    for i in 0..60 {
        assert!(all.contains(&format!("その{i}")), "row {i}");
    }
    assert!(all.contains(&squash("#panic(\"x\") *太字* $x^2$ <label> @ref")));
}

#[test]
fn a_providers_copy_is_the_service_teikyohyo_with_its_rows_only() {
    let u = usage("level-change-2025-04.json");
    let options = RenderOptions {
        provider: Some(careplan_core::OfficeNumber::new("1470000201").unwrap()),
        ..RenderOptions::default()
    };
    let out = RENDERER.render(&u, &options).unwrap();
    let text = pages("provider.pdf", &out.pdf).concat();
    assert!(text.contains("サービス提供票"), "{text}");
    assert!(!text.contains("サービス利用票"), "{text}");
    assert!(text.contains("居宅介護支援事業者→サービス事業者"), "{text}");
    assert!(text.contains("ヘルパーステーションみなと"), "{text}");
    assert!(!text.contains("デイサービスこもれび"), "{text}");
    assert!(!text.contains("特別養護老人ホームうみかぜ"), "{text}");
    // The user's copy is another PDF.
    let user = RENDERER.render(&u, &RenderOptions::default()).unwrap();
    assert_ne!(user.pdf, out.pdf);
    // An office with no row, or a provider's copy of another form: refused.
    let none = RenderOptions {
        provider: Some(careplan_core::OfficeNumber::new("1999999999").unwrap()),
        ..RenderOptions::default()
    };
    assert_eq!(
        RENDERER.render(&u, &none).unwrap_err(),
        careplan_render::RenderError::NoSuchProvider("1999999999".into())
    );
    let plan = careplan_fixtures::plan("case-a.json");
    assert!(matches!(
        RENDERER.render(&plan, &options).unwrap_err(),
        careplan_render::RenderError::ProviderNotThisForm(_)
    ));
}

/// Long values in every printed field — a service name of 600 characters,
/// an office name of 400 with no break opportunity, long head values —
/// and counts of 99 on every day: nothing is lost, the row breaks over
/// pages rather than running off one.
#[test]
fn long_values_and_full_days_lose_nothing() {
    let mut doc: serde_json::Value =
        serde_json::from_str(&read(&dir("usage").join("case-a-2016-01.json"))).unwrap();
    // Distinct pieces, so that finding the value in pieces means finding it.
    let long: String = (0..120).map(|i| format!("訪問介護第{i}項、")).collect();
    let unbroken: String = (0..130).map(|i| format!("{i:03}")).collect();
    doc["rows"][0]["service"] = long.clone().into();
    doc["rows"][1]["office_name"] = unbroken.clone().into();
    doc["user"]["insurer_name"] = "東京都世田谷区保健福祉政策部介護保険課".repeat(5).into();
    doc["planner"]["office_name"] = "みどり居宅介護支援事業所".repeat(10).into();
    let full: Vec<serde_json::Value> = (1..=31)
        .map(|d| serde_json::json!({"day": d, "count": 99}))
        .collect();
    doc["rows"][2]["planned"] = full.clone().into();
    doc["rows"][2]["actual"] = full.into();
    let u = Usage::from_json(&doc.to_string()).unwrap();
    let out = RENDERER.render(&u, &RenderOptions::default()).unwrap();
    let p = pages("long.pdf", &out.pdf);
    let text = p.concat();
    // A cell broken over pages comes out in pieces, with other text between.
    let missing: Vec<String> = u
        .texts()
        .into_iter()
        .filter(|(_, v)| !found_in_pieces(&text, &squash(v)))
        .map(|(p, _)| p.to_string())
        .collect();
    assert!(missing.is_empty(), "not in the PDF: {missing:?}");
    // 31 × 99 = 3069 on each line.
    assert!(text.contains("3069"), "{text}");
    let n = p.len();
    for (i, page) in p.iter().enumerate() {
        assert!(
            page.contains(&format!("第６表{}/{n}", i + 1)),
            "page {}",
            i + 1
        );
    }
}
