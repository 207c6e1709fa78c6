//! Benchmarks of rendering. Run with `cargo bench -p careplan-render --bench render`.

#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

use careplan_core::CarePlan;
use careplan_render::{RenderOptions, Renderer, Table, plan_texts};

const CASE_A: &str = include_str!("../../../fixtures/plans/case-a.json");
const LONG: &str = include_str!("../../../fixtures/plans/long-table2-showa-gannen.json");

fn main() {
    divan::main();
}

/// Case A with its texts made unique by `i` (all three tables when `all`).
fn variant(base: &serde_json::Value, i: u64, all: bool) -> CarePlan {
    let mut v = base.clone();
    v["table1"]["analysis"] = serde_json::Value::from(format!("変種{i}：状態は安定している。"));
    if all {
        v["table2"]["needs"][0]["text"] = serde_json::Value::from(format!("変種{i}のニーズ"));
        v["table3"]["daily_activities"][0]["text"] = serde_json::Value::from(format!("起床{i}"));
    }
    CarePlan::from_json_value(v).unwrap()
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

/// Warm: a different plan every iteration (no result can be reused from
/// the cache for the plan's own text).
#[divan::bench]
fn case_a_variants(bencher: divan::Bencher) {
    let renderer = Renderer::new().unwrap();
    let base: serde_json::Value = serde_json::from_str(CASE_A).unwrap();
    let opts = RenderOptions::default();
    let mut i = 0u64;
    bencher
        .with_inputs(|| {
            i += 1;
            variant(&base, i, false)
        })
        .bench_local_refs(|plan| renderer.render(plan, &opts).unwrap().pdf.len());
}

/// Warm: a different plan every iteration with text changed in every table
/// (第1表's analysis, a 第2表 need, a 第3表 activity), so no table's layout
/// can be reused from the previous render. The throughput figure of record.
#[divan::bench]
fn case_a_distinct(bencher: divan::Bencher) {
    let renderer = Renderer::new().unwrap();
    let base: serde_json::Value = serde_json::from_str(CASE_A).unwrap();
    let opts = RenderOptions::default();
    let mut i = 0u64;
    bencher
        .with_inputs(|| {
            i += 1;
            variant(&base, i, true)
        })
        .bench_local_refs(|plan| renderer.render(plan, &opts).unwrap().pdf.len());
}

/// Case A with every one of its texts (every field `plan_texts` lists)
/// prefixed with `i`: nothing of the plan's own text repeats between renders.
fn every_text_changed(base: &serde_json::Value, plan: &CarePlan, i: u64) -> CarePlan {
    let mut v = base.clone();
    for (path, text) in plan_texts(plan) {
        let pointer = format!("/{}", path.replace(['.', '['], "/").replace(']', ""));
        *v.pointer_mut(&pointer).unwrap() = serde_json::Value::from(format!("{i}{text}"));
    }
    CarePlan::from_json_value(v).unwrap()
}

/// Warm: a different plan every iteration with *every* text changed, the
/// strictest stream of distinct plans.
#[divan::bench]
fn case_a_every_text_changed(bencher: divan::Bencher) {
    let renderer = Renderer::new().unwrap();
    let base: serde_json::Value = serde_json::from_str(CASE_A).unwrap();
    let plan = CarePlan::from_json(CASE_A).unwrap();
    let opts = RenderOptions::default();
    let mut i = 0u64;
    bencher
        .with_inputs(|| {
            i += 1;
            every_text_changed(&base, &plan, i)
        })
        .bench_local_refs(|plan| renderer.render(plan, &opts).unwrap().pdf.len());
}

/// The same stream of distinct plans, compile and layout only (PNG at a
/// negligible scale): the difference to `case_a_distinct` is PDF export.
#[divan::bench]
fn case_a_distinct_compile_only(bencher: divan::Bencher) {
    let renderer = Renderer::new().unwrap();
    let base: serde_json::Value = serde_json::from_str(CASE_A).unwrap();
    let opts = RenderOptions::default();
    let mut i = 0u64;
    bencher
        .with_inputs(|| {
            i += 1;
            variant(&base, i, true)
        })
        .bench_local_refs(|plan| renderer.render_png(plan, &opts, 0.01).unwrap().len());
}

/// Warm: the longest fixture's 第2表 alone (three pages, paginated in the template).
#[divan::bench]
fn long_table2(bencher: divan::Bencher) {
    let renderer = Renderer::new().unwrap();
    let plan = CarePlan::from_json(LONG).unwrap();
    let opts = RenderOptions {
        tables: vec![Table::T2],
        ..RenderOptions::default()
    };
    bencher.bench(|| renderer.render(&plan, &opts).unwrap().pdf.len());
}

/// Cold start of the library: parsing the shipped fonts and building the world.
#[divan::bench]
fn renderer_new() -> Renderer {
    Renderer::new().unwrap()
}

/// Compile only (PNG at a tiny scale is nearly free to draw): the layout's share of a render.
#[divan::bench]
fn case_a_variants_compile_only(bencher: divan::Bencher) {
    let renderer = Renderer::new().unwrap();
    let base: serde_json::Value = serde_json::from_str(CASE_A).unwrap();
    let opts = RenderOptions::default();
    let mut i = 0u64;
    bencher
        .with_inputs(|| {
            i += 1;
            variant(&base, i, false)
        })
        .bench_local_refs(|plan| renderer.render_png(plan, &opts, 0.01).unwrap().len());
}

/// A different plan every time, one table at a time: where the layout time goes.
#[divan::bench(args = [1, 2, 3])]
fn case_a_variants_one_table(bencher: divan::Bencher, table: u8) {
    let renderer = Renderer::new().unwrap();
    let base: serde_json::Value = serde_json::from_str(CASE_A).unwrap();
    let opts = RenderOptions {
        tables: vec![Table::from_number(table).unwrap()],
        ..RenderOptions::default()
    };
    let mut i = 0u64;
    bencher
        .with_inputs(|| {
            i += 1;
            // Change every table: the analysis (第1表), a need (第2表), an activity (第3表).
            variant(&base, i, true)
        })
        .bench_local_refs(|plan| renderer.render_png(plan, &opts, 0.01).unwrap().len());
}
