//! A long-running process stays flat in memory: 1,000 successive renders
//! (each of a slightly different plan, so that nothing is merely reused from
//! the cache) end within 1.5× the resident memory measured after the 10th.
//! This file holds one test so that no other test shares the process.

// cfg(test) lets clippy.toml's allow-*-in-tests cover the helpers too.
#![cfg(test)]

use careplan_core::CarePlan;
use careplan_render::{RenderOptions, Renderer};

/// Resident set size of this process, in KiB (Linux).
fn rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("VmRSS:")).unwrap();
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

#[test]
fn thousand_renders_stay_within_one_and_a_half_times_the_memory_after_ten() {
    let path = careplan_fixtures::dir("plans").join("case-a.json");
    let base: serde_json::Value = serde_json::from_str(&careplan_fixtures::read(&path)).unwrap();
    let renderer = Renderer::new().unwrap();
    let opts = RenderOptions::default();
    let mut after_ten = 0;
    for i in 0..1000 {
        let mut v = base.clone();
        v["table1"]["analysis"] =
            serde_json::Value::from(format!("第{i}回目の課題分析の結果。状態は安定している。"));
        v["table2"]["needs"][0]["text"] =
            serde_json::Value::from(format!("ニーズ（版{i}）：自分で移動が出来るようになりたい"));
        let plan = CarePlan::from_json_value(v).unwrap();
        let out = renderer.render(&plan, &opts).unwrap();
        assert!(out.pdf.starts_with(b"%PDF-"));
        if i == 9 {
            after_ten = rss_kib();
        }
    }
    let end = rss_kib();
    eprintln!("RSS after 10 renders: {after_ten} KiB; after 1,000: {end} KiB");
    assert!(
        end * 2 <= after_ten * 3,
        "RSS grew from {after_ten} KiB to {end} KiB"
    );
}
