//! Benchmarks of rendering. Run with `cargo bench -p careplan-render --bench render`.

#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

mod common;

use careplan_core::CarePlan;
use careplan_core::Form;
use careplan_render::{RenderOptions, Renderer};
use common::{CASE_A, Change, Variants};

const LONG: &str = include_str!("../../../fixtures/plans/long-table2-showa-gannen.json");

fn main() {
    divan::main();
}

/// Times `render` over a stream of case-A variants in which `change`
/// differs each time (the variants are made outside the timing).
fn stream(bencher: divan::Bencher, change: Change, render: impl Fn(&Renderer, &CarePlan) -> usize) {
    let renderer = Renderer::new().unwrap();
    let variants = Variants::case_a();
    let mut i = 0u64;
    bencher
        .with_inputs(|| {
            i += 1;
            variants.plan(change, i)
        })
        .bench_local_refs(|plan| render(&renderer, plan));
}

/// A whole render to PDF.
fn pdf(renderer: &Renderer, plan: &CarePlan) -> usize {
    renderer
        .render(plan, &RenderOptions::default())
        .unwrap()
        .pdf
        .len()
}

/// Compile and layout only (PNG at a negligible scale is nearly free).
fn compile_only(renderer: &Renderer, plan: &CarePlan) -> usize {
    renderer
        .render_png(plan, &RenderOptions::default(), 0.01)
        .unwrap()
        .len()
}

/// Warm, in-process: a shared renderer prints case A, all three tables.
/// Plans per second on one core = 1 / this time.
#[divan::bench]
fn case_a_all_tables(bencher: divan::Bencher) {
    let renderer = Renderer::new().unwrap();
    let plan = CarePlan::from_json(CASE_A).unwrap();
    let opts = RenderOptions::default();
    bencher.bench(|| {
        renderer
            .render(divan::black_box(&plan), &opts)
            .unwrap()
            .pdf
            .len()
    });
}

/// Warm: a different plan every iteration (第1表's analysis changed).
#[divan::bench]
fn case_a_variants(bencher: divan::Bencher) {
    stream(bencher, Change::Analysis, pdf);
}

/// Warm: a different plan every iteration with text changed in every table
/// (第1表's analysis, a 第2表 need, a 第3表 activity), so no table's layout
/// can be reused from the previous render.
#[divan::bench]
fn case_a_distinct(bencher: divan::Bencher) {
    stream(bencher, Change::OnePerTable, pdf);
}

/// Warm: a different plan every iteration with *every* text changed, the
/// strictest stream of distinct plans.
#[divan::bench]
fn case_a_every_text_changed(bencher: divan::Bencher) {
    stream(bencher, Change::EveryText, pdf);
}

/// The stream of `case_a_distinct`, compile and layout only: the difference
/// is PDF export.
#[divan::bench]
fn case_a_distinct_compile_only(bencher: divan::Bencher) {
    stream(bencher, Change::OnePerTable, compile_only);
}

/// Warm: the longest fixture's 第2表 alone (three pages, paginated in the template).
#[divan::bench]
fn long_table2(bencher: divan::Bencher) {
    let renderer = Renderer::new().unwrap();
    let plan = CarePlan::from_json(LONG).unwrap();
    let opts = RenderOptions {
        tables: Some(vec![careplan_core::Sheet::KyotakuTable2]),
        ..RenderOptions::default()
    };
    bencher.bench(|| renderer.render(&plan, &opts).unwrap().pdf.len());
}

/// Cold start of the library: parsing the shipped fonts and building the world.
#[divan::bench]
fn renderer_new() -> Renderer {
    Renderer::new().unwrap()
}

/// Compile only: the layout's share of a `case_a_variants` render.
#[divan::bench]
fn case_a_variants_compile_only(bencher: divan::Bencher) {
    stream(bencher, Change::Analysis, compile_only);
}

/// A different plan every time, one table at a time: where the layout time goes.
#[divan::bench(args = [1, 2, 3])]
fn case_a_variants_one_table(bencher: divan::Bencher, table: u8) {
    let opts = RenderOptions {
        tables: Some(vec![Form::Kyotaku.sheet(table).unwrap()]),
        ..RenderOptions::default()
    };
    // Every table changes: the analysis (第1表), a need (第2表), an activity (第3表).
    stream(bencher, Change::OnePerTable, move |renderer, plan| {
        renderer.render_png(plan, &opts, 0.01).unwrap().len()
    });
}

const YOBO_SUPPORT_1: &str =
    include_str!("../../../fixtures/yobo/plans/support-1-day-service-salon.json");
const YOBO_LONG: &str = include_str!("../../../fixtures/yobo/plans/long-texts-six-issues.json");

/// Warm: a 介護予防サービス・支援計画書 (two pages), the same plan each time.
#[divan::bench]
fn yobo_support_1(bencher: divan::Bencher) {
    let renderer = Renderer::new().unwrap();
    let plan = careplan_core::PreventivePlan::from_json(YOBO_SUPPORT_1).unwrap();
    let opts = RenderOptions::default();
    bencher.bench(|| {
        renderer
            .render(divan::black_box(&plan), &opts)
            .unwrap()
            .pdf
            .len()
    });
}

/// Warm: the largest 介護予防 fixture (six 課題, long texts, seven pages).
#[divan::bench]
fn yobo_largest(bencher: divan::Bencher) {
    let renderer = Renderer::new().unwrap();
    let plan = careplan_core::PreventivePlan::from_json(YOBO_LONG).unwrap();
    let opts = RenderOptions::default();
    bencher.bench(|| {
        renderer
            .render(divan::black_box(&plan), &opts)
            .unwrap()
            .pdf
            .len()
    });
}

/// Compile and layout only, the same plans each time: case A, and the
/// largest 介護予防 fixture (the rest of a warm render is PDF export).
#[divan::bench(args = ["case-a", "yobo-largest"])]
fn same_plan_compile_only(bencher: divan::Bencher, which: &str) {
    let renderer = Renderer::new().unwrap();
    let opts = RenderOptions::default();
    if which == "case-a" {
        let plan = CarePlan::from_json(CASE_A).unwrap();
        bencher.bench(|| {
            renderer
                .render_png(divan::black_box(&plan), &opts, 0.01)
                .unwrap()
                .len()
        });
    } else {
        let plan = careplan_core::PreventivePlan::from_json(YOBO_LONG).unwrap();
        bencher.bench(|| {
            renderer
                .render_png(divan::black_box(&plan), &opts, 0.01)
                .unwrap()
                .len()
        });
    }
}

/// Warm: the largest 介護予防 fixture with its policy text changed every
/// iteration, so no layout is reused from the render before: the whole
/// render (`pdf`) or compile and layout only (`compile`).
#[divan::bench(args = ["pdf", "compile"])]
fn yobo_largest_variants(bencher: divan::Bencher, what: &str) {
    let renderer = Renderer::new().unwrap();
    let base: serde_json::Value = serde_json::from_str(YOBO_LONG).unwrap();
    let mut i = 0u64;
    bencher
        .with_inputs(|| {
            i += 1;
            let mut v = base.clone();
            v["policy"] =
                serde_json::json!(format!("総合的な方針 {i}：できることを自分で続ける。"));
            careplan_core::PreventivePlan::from_json(&v.to_string()).unwrap()
        })
        .bench_local_refs(|plan| {
            let opts = RenderOptions::default();
            if what == "pdf" {
                renderer.render(plan, &opts).unwrap().pdf.len()
            } else {
                renderer.render_png(plan, &opts, 0.01).unwrap().len()
            }
        });
}

const KIHON: &str = include_str!("../../../fixtures/yobo/kihon/support-1-day-service-salon.json");

/// Warm: a 利用者基本情報 (two pages), the same record each time.
#[divan::bench]
fn kihon_support_1(bencher: divan::Bencher) {
    let renderer = Renderer::new().unwrap();
    let k = careplan_core::forms::yobo::kihon::Kihon::from_json(KIHON).unwrap();
    let opts = RenderOptions::default();
    bencher.bench(|| {
        renderer
            .render(divan::black_box(&k), &opts)
            .unwrap()
            .pdf
            .len()
    });
}

const MEETING: &str = include_str!("../../../fixtures/meetings/case-a-first-meeting.json");
const PROGRESS_100: &str = include_str!("../../../fixtures/progress/long-100-entries.json");
const CASE_FILE: &str = include_str!("../../../fixtures/cases/case-a.json");
const USAGE: &str = include_str!("../../../fixtures/usage/level-change-2025-04.json");

/// Warm: a document of any form, the same one each time.
fn warm_document(bencher: divan::Bencher, json: &str) {
    let renderer = Renderer::new().unwrap();
    let doc = careplan_core::Document::from_json(json).unwrap();
    let opts = RenderOptions::default();
    bencher.bench(|| {
        renderer
            .render(divan::black_box(&doc), &opts)
            .unwrap()
            .pdf
            .len()
    });
}

/// Warm: case A's first 第4表 (one page).
#[divan::bench]
fn meeting_case_a(bencher: divan::Bencher) {
    warm_document(bencher, MEETING);
}

/// Warm: a 第5表 of 100 entries (four pages).
#[divan::bench]
fn progress_100_entries(bencher: divan::Bencher) {
    warm_document(bencher, PROGRESS_100);
}

/// Warm: case A's case file, 第1表–第5表 (five pages).
#[divan::bench]
fn case_file_case_a(bencher: divan::Bencher) {
    warm_document(bencher, CASE_FILE);
}

/// Warm: a 第6表 サービス利用票 (one page, three services over 30 days).
#[divan::bench]
fn usage_level_change(bencher: divan::Bencher) {
    warm_document(bencher, USAGE);
}

const MONTH: &str = include_str!("../../../fixtures/usage/care3-over-limit-2025-06.json");
const MONTH_TERMS: &str =
    include_str!("../../../fixtures/table7/care3-over-limit-2025-06.terms.json");
const MASTER: &str = include_str!("../../../fixtures/masters/service-codes-illustrative.csv");

/// Warm: one user's month — 第6表 and its 第7表 (two pages, four
/// services, the excess on one), the 第7表 computed beforehand.
#[divan::bench]
fn usage_month_table6_and_table7(bencher: divan::Bencher) {
    use careplan_core::forms::kyotaku::usage::{Usage, table7};
    let renderer = Renderer::new().unwrap();
    let usage = Usage::from_json(MONTH).unwrap();
    let master = careplan_core::service_codes::Master::from_csv(MASTER).unwrap();
    let terms = table7::Terms::from_json(MONTH_TERMS).unwrap();
    let t = table7::compute(&usage, &master, &terms).unwrap();
    let month = careplan_render::UsageMonth::new(usage, t).unwrap();
    let opts = RenderOptions::default();
    bencher.bench(|| {
        renderer
            .render(divan::black_box(&month), &opts)
            .unwrap()
            .pdf
            .len()
    });
}
