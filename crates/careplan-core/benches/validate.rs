#![allow(
    missing_docs,
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]
//! Benchmarks: reading and checking plan documents, and computing 第7表.
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

const USAGE: &str = include_str!("../../../fixtures/usage/level-change-2025-04.json");

/// A 20-row month: the level-change sheet's rows repeated with distinct
/// codes and offices, priced by a synthetic master (figures made for the
/// bench, not the サービスコード表's), in a 2級地, 1割.
fn twenty_rows() -> (
    careplan_core::forms::kyotaku::usage::Usage,
    careplan_core::service_codes::Master,
    Vec<(careplan_core::OfficeNumber, careplan_core::units::AreaGrade)>,
) {
    let mut doc: serde_json::Value = serde_json::from_str(USAGE).unwrap();
    let template = doc["rows"].as_array().unwrap().clone();
    let kinds = ["11", "15", "21", "13"];
    let mut rows = Vec::new();
    let mut csv = String::from(
        "code,name,units,rate_permille,per,limit_managed,valid_from,valid_to,source\n",
    );
    let mut grades = Vec::new();
    for i in 0..20 {
        let mut r = template[i % template.len()].clone();
        let kind = kinds[i % kinds.len()];
        let code = format!("{kind}{:04}", 1000 + i);
        let office = format!("14700{:05}", 100 + i % 7);
        r["code"] = code.clone().into();
        r["office_number"] = office.clone().into();
        let per = if kind == "21" { "day" } else { "time" };
        csv.push_str(&format!(
            "{code},サービス{i},{},,{per},true,2024-06,,synthetic\n",
            300 + 37 * i
        ));
        let o = careplan_core::OfficeNumber::new(office.as_str()).unwrap();
        if !grades.iter().any(|(g, _)| *g == o) {
            grades.push((o, careplan_core::units::AreaGrade::Grade2));
        }
        rows.push(r);
    }
    doc["rows"] = rows.into();
    let usage = careplan_core::forms::kyotaku::usage::Usage::from_json(&doc.to_string()).unwrap();
    let master = careplan_core::service_codes::Master::from_csv(&csv).unwrap();
    (usage, master, grades)
}

/// 第7表 for a 20-row month: grouping, 回数, the excess allocated, the
/// money (単価, R6–R9) and the totals, through `table7::compute`.
#[divan::bench]
fn table7_twenty_rows(bencher: divan::Bencher) {
    use careplan_core::forms::kyotaku::usage::table7::{Terms, compute};
    let (usage, master, grades) = twenty_rows();
    let terms = Terms::new(1, &grades);
    bencher.bench(|| compute(divan::black_box(&usage), &master, &terms).unwrap());
}
