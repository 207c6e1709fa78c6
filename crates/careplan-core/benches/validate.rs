#![allow(missing_docs, clippy::panic)]
//! Benchmarks: reading and checking plan documents.
//!
//! Run with `cargo bench -p careplan-core --bench validate`.

use careplan_core::CarePlan;

const LARGEST: &str = include_str!("../../../fixtures/plans/long-table2-showa-gannen.json");
const CASE_A: &str = include_str!("../../../fixtures/plans/case-a.json");

fn main() {
    divan::main();
}

fn bench_from_json(bencher: divan::Bencher, json: &str) {
    bencher
        .counter(divan::counter::BytesCount::new(json.len()))
        .bench(|| CarePlan::from_json(divan::black_box(json)).map(|p| p.table2().needs.len()));
}

/// Parse and check the largest fixture (6 needs, 18 services, long texts):
/// the path every integrator's document takes.
#[divan::bench]
fn from_json_largest(bencher: divan::Bencher) {
    bench_from_json(bencher, LARGEST);
}

/// Parse and check case A.
#[divan::bench]
fn from_json_case_a(bencher: divan::Bencher) {
    bench_from_json(bencher, CASE_A);
}

/// Serialise a checked plan back to JSON.
#[divan::bench]
fn to_json(bencher: divan::Bencher) {
    let plan = CarePlan::from_json(LARGEST).unwrap_or_else(|e| panic!("{e}"));
    bencher.bench(|| divan::black_box(&plan).to_json_pretty());
}

const YOBO_LARGEST: &str = include_str!("../../../fixtures/yobo/plans/long-texts-six-issues.json");
const YOBO_SUPPORT_1: &str =
    include_str!("../../../fixtures/yobo/plans/support-1-day-service-salon.json");

fn bench_yobo(bencher: divan::Bencher, json: &str) {
    bencher
        .counter(divan::counter::BytesCount::new(json.len()))
        .bench(|| {
            careplan_core::PreventivePlan::from_json(divan::black_box(json))
                .map(|p| p.parts().issues.len())
        });
}

/// Parse and check the largest 介護予防サービス・支援計画書 (six 課題, long texts).
#[divan::bench]
fn yobo_from_json_largest(bencher: divan::Bencher) {
    bench_yobo(bencher, YOBO_LARGEST);
}

/// Parse and check a 介護予防サービス・支援計画書 of two 課題.
#[divan::bench]
fn yobo_from_json_support_1(bencher: divan::Bencher) {
    bench_yobo(bencher, YOBO_SUPPORT_1);
}

const KIHON: &str = include_str!("../../../fixtures/yobo/kihon/support-1-day-service-salon.json");

/// Parse and check a 利用者基本情報 (every section filled, a six-row day).
#[divan::bench]
fn kihon_from_json(bencher: divan::Bencher) {
    bencher
        .counter(divan::counter::BytesCount::new(KIHON.len()))
        .bench(|| {
            careplan_core::forms::yobo::kihon::Kihon::from_json(divan::black_box(KIHON))
                .map(|k| k.parts().medical_history.len())
        });
}
