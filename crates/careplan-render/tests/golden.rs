//! Visual golden tests: the pages of two 居宅 fixtures, two 介護予防 plans,
//! a 利用者基本情報, a 第4表 and a two-page 第5表, rendered as PNG, against
//! committed reference images, with a tolerance for anti-aliasing.
//!
//! Refresh the references after an intended layout change with
//! `UPDATE_GOLDEN=1 cargo test -p careplan-render --test golden`, then look at
//! the new images before committing them.

// cfg(test) lets clippy.toml's allow-*-in-tests cover the helpers too.
#![cfg(test)]

use std::path::PathBuf;

use careplan_render::{RenderOptions, Renderer};

/// Pixels per point: 0.75 gives 632 × 447 pixels for A4 landscape.
const SCALE: f64 = 0.75;
/// A pixel differs when one of its channels differs by more than this.
const CHANNEL_TOLERANCE: u8 = 48;
/// A page matches when at most this share of its pixels differ.
const PIXEL_SHARE: f64 = 0.0002;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

fn check(fixture: &str) {
    let plan = careplan_fixtures::plan(&format!("{fixture}.json"));
    check_pages(fixture, &plan);
}

/// A 介護予防 plan of `fixtures/yobo/plans`, its references named `yobo-…`.
fn check_yobo(fixture: &str) {
    let path = careplan_fixtures::dir("yobo/plans").join(format!("{fixture}.json"));
    let plan = careplan_core::Document::from_json(&careplan_fixtures::read(&path)).unwrap();
    check_pages(&format!("yobo-{fixture}"), &plan);
}

/// A 利用者基本情報 of `fixtures/yobo/kihon`, its references named `kihon-…`.
fn check_kihon(fixture: &str) {
    let path = careplan_fixtures::dir("yobo/kihon").join(format!("{fixture}.json"));
    let doc = careplan_core::Document::from_json(&careplan_fixtures::read(&path)).unwrap();
    check_pages(&format!("kihon-{fixture}"), &doc);
}

fn check_pages(fixture: &str, plan: &impl careplan_render::Printable) {
    check_pages_with(fixture, plan, &RenderOptions::default());
}

fn check_pages_with(
    fixture: &str,
    plan: &impl careplan_render::Printable,
    options: &RenderOptions,
) {
    let pages = Renderer::new()
        .unwrap()
        .render_png(plan, options, SCALE)
        .unwrap();
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    if update {
        for old in std::fs::read_dir(dir()).unwrap() {
            let old = old.unwrap().path();
            let name = old.file_name().unwrap().to_string_lossy().into_owned();
            if name.starts_with(&format!("{fixture}-")) {
                std::fs::remove_file(old).unwrap();
            }
        }
    }
    let mut failures = Vec::new();
    for (i, png) in pages.iter().enumerate() {
        let reference = dir().join(format!("{fixture}-{}.png", i + 1));
        if update {
            std::fs::write(&reference, png).unwrap();
            continue;
        }
        let Ok(expected) = std::fs::read(&reference) else {
            failures.push(format!(
                "{}: no reference image (run with UPDATE_GOLDEN=1)",
                reference.display()
            ));
            continue;
        };
        let got = tiny_skia::Pixmap::decode_png(png).unwrap();
        let want = tiny_skia::Pixmap::decode_png(&expected).unwrap();
        if (got.width(), got.height()) != (want.width(), want.height()) {
            failures.push(format!(
                "page {}: size {}×{} vs {}×{}",
                i + 1,
                got.width(),
                got.height(),
                want.width(),
                want.height()
            ));
            continue;
        }
        let differing = got
            .data()
            .chunks(4)
            .zip(want.data().chunks(4))
            .filter(|(a, b)| {
                a.iter()
                    .zip(b.iter())
                    .any(|(x, y)| x.abs_diff(*y) > CHANNEL_TOLERANCE)
            })
            .count();
        let share = differing as f64 / (got.width() * got.height()) as f64;
        if share > PIXEL_SHARE {
            let actual = std::env::temp_dir().join(format!("{fixture}-{}-actual.png", i + 1));
            std::fs::write(&actual, png).unwrap();
            failures.push(format!(
                "page {}: {:.3}% of pixels differ (actual image: {})",
                i + 1,
                share * 100.0,
                actual.display()
            ));
        }
    }
    if !update {
        let references = std::fs::read_dir(dir())
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .starts_with(&format!("{fixture}-"))
            })
            .count();
        if references != pages.len() {
            failures.push(format!(
                "{} pages rendered, {} reference images",
                pages.len(),
                references
            ));
        }
    }
    assert!(failures.is_empty(), "{fixture}:\n{}", failures.join("\n"));
}

#[test]
fn case_a_matches_its_reference_pages() {
    check("case-a");
}

#[test]
fn care5_night_consent_matches_its_reference_pages() {
    check("care5-night-consent");
}

#[test]
fn yobo_support_1_matches_its_reference_pages() {
    check_yobo("support-1-day-service-salon");
}

#[test]
fn yobo_entrusted_matches_its_reference_pages() {
    check_yobo("entrusted-applying");
}

/// A document of `fixtures/<folder>`, its references named `<prefix>-…`.
fn check_doc(folder: &str, prefix: &str, fixture: &str) {
    let path = careplan_fixtures::dir(folder).join(format!("{fixture}.json"));
    let doc = careplan_core::Document::from_json(&careplan_fixtures::read(&path)).unwrap();
    check_pages(&format!("{prefix}-{fixture}"), &doc);
}

#[test]
fn meeting_case_a_first_matches_its_reference_pages() {
    check_doc("meetings", "table4", "case-a-first-meeting");
}

#[test]
fn progress_of_two_pages_matches_its_reference_pages() {
    check_doc("progress", "table5", "c-two-years");
}

#[test]
fn kihon_support_1_matches_its_reference_pages() {
    check_kihon("support-1-day-service-salon");
}

#[test]
fn usage_with_a_level_change_matches_its_reference_pages() {
    let path = careplan_fixtures::dir("usage").join("level-change-2025-04.json");
    let usage =
        careplan_core::forms::kyotaku::usage::Usage::from_json(&careplan_fixtures::read(&path))
            .unwrap();
    check_pages("table6-level-change-2025-04", &usage);
}

#[test]
fn usage_case_a_matches_its_reference_pages() {
    let path = careplan_fixtures::dir("usage").join("case-a-2016-01.json");
    let usage =
        careplan_core::forms::kyotaku::usage::Usage::from_json(&careplan_fixtures::read(&path))
            .unwrap();
    check_pages("table6-case-a-2016-01", &usage);
}

/// 第7表 alone of a hand-worked month (`fixtures/table7/`), its references
/// named `table7-…`.
fn check_table7(fixture: &str) {
    use careplan_core::forms::kyotaku::usage::{Usage, table7};
    let read = |p: std::path::PathBuf| careplan_fixtures::read(&p);
    let usage = Usage::from_json(&read(
        careplan_fixtures::dir("usage").join(format!("{fixture}.json")),
    ))
    .unwrap();
    let master = careplan_core::service_codes::Master::from_csv(&read(
        careplan_fixtures::dir("masters").join("service-codes-illustrative.csv"),
    ))
    .unwrap();
    let terms = table7::Terms::from_json(&read(
        careplan_fixtures::dir("table7").join(format!("{fixture}.terms.json")),
    ))
    .unwrap();
    let t = table7::compute(&usage, &master, &terms).unwrap();
    let month = careplan_render::UsageMonth::new(usage, t).unwrap();
    let options = RenderOptions {
        tables: Some(vec![careplan_core::Sheet::KyotakuTable7]),
        ..RenderOptions::default()
    };
    check_pages_with(&format!("table7-{fixture}"), &month, &options);
}

#[test]
fn table7_over_the_limit_matches_its_reference_pages() {
    check_table7("care3-over-limit-2025-06");
}

#[test]
fn table7_short_stay_matches_its_reference_pages() {
    check_table7("short-stay-30-days-2025-05");
}
