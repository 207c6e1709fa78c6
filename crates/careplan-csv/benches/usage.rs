#![allow(
    missing_docs,
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]
//! Benchmarks: a month's 実績 (UPJSK) of one provider for 1,000 users read
//! back, and the month's plan (UPHOSOKU + UPPLAN) of 1,000 users written.
//!
//! Run with `cargo bench -p careplan-csv --bench usage`.

use careplan_core::forms::kyotaku::usage::Usage;
use careplan_core::forms::kyotaku::usage::table7::{Basis, Table7, Terms, compute};
use careplan_core::service_codes::Master;
use careplan_csv::{
    Endpoint, ExportOptions, InputFile, UsageSheet, export_actuals, export_usage, import,
};

const SHEET: &str = include_str!("../../../fixtures/usage/care2-under-limit-2025-06.json");
const TERMS: &str = include_str!("../../../fixtures/table7/care2-under-limit-2025-06.terms.json");
const MASTER: &str = include_str!("../../../fixtures/masters/service-codes-illustrative.csv");
const USERS: usize = 1_000;

fn main() {
    divan::main();
}

/// 1,000 users' sheets of the month (the fixture under 1,000 被保険者番号),
/// each served as planned, with their 第7表 on 実績.
fn sheets() -> Vec<(Usage, Table7)> {
    let master = Master::from_csv(MASTER).unwrap();
    let mut terms = Terms::from_json(TERMS).unwrap();
    terms.basis = Basis::Actual;
    let base = Usage::from_json(SHEET).unwrap();
    (0..USERS)
        .map(|i| {
            let mut p = base.clone().into_parts();
            p.user.insured_number =
                careplan_core::InsuredNumber::new(format!("{:010}", i + 1)).unwrap();
            for r in &mut p.rows {
                r.actual = r.planned.clone();
            }
            let u = Usage::new(p).unwrap();
            let t = compute(&u, &master, &terms).unwrap();
            (u, t)
        })
        .collect()
}

fn opts(from: &str, to: &str) -> ExportOptions {
    ExportOptions::new(
        Endpoint::parse(from).unwrap(),
        Endpoint::parse(to).unwrap(),
        "20250701090000",
    )
    .unwrap()
}

/// Import the 訪問介護 office's UPJSK of the month for 1,000 users (about
/// 13,000 records): MS932, CSV, every field checked, grouped into Actuals.
#[divan::bench]
fn import_upjsk_1000_users(bencher: divan::Bencher) {
    let all = sheets();
    let pairs: Vec<UsageSheet> = all
        .iter()
        .map(|(usage, table7)| UsageSheet { usage, table7 })
        .collect();
    let set = export_actuals(&pairs, &opts("1170000201:11", "1170000002:43")).unwrap();
    let files: Vec<InputFile> = set
        .files
        .into_iter()
        .map(|f| InputFile {
            name: f.name,
            bytes: f.bytes,
        })
        .collect();
    let records = files[0].bytes.iter().filter(|b| **b == b'\n').count();
    assert!(records > 10_000, "{records}");
    bencher.bench(|| {
        let got = import(divan::black_box(&files));
        assert_eq!(got.actuals.len(), USERS);
        got.actuals.len()
    });
}

/// Write the month's plan of 1,000 users as one send set.
#[divan::bench]
fn export_upplan_1000_users(bencher: divan::Bencher) {
    let all = sheets();
    let pairs: Vec<UsageSheet> = all
        .iter()
        .map(|(usage, table7)| UsageSheet { usage, table7 })
        .collect();
    let o = opts("1170000002:43", "1170000201:11");
    bencher.bench(|| {
        export_usage(divan::black_box(&pairs), &o)
            .unwrap()
            .files
            .len()
    });
}
