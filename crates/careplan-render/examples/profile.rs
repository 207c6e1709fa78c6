//! Where a render's time goes, by Typst's own timing scopes and by template
//! line: renders case A with a different text in every table each time
//! (as the `case_a_distinct` benchmark does) and prints, per render, the
//! time inside each scope (`incl`) and outside its child scopes (`self`).
//!
//! ```sh
//! cargo run --release -p careplan-render --example profile
//! N=400 WARM=50 ITER2=1 cargo run --release -p careplan-render --example profile
//! NOTIME=1 N=40 valgrind --tool=callgrind target/release/examples/profile   # instructions
//! ```
//!
//! `N` renders are recorded after `WARM` unrecorded ones; `EVERY=1` changes
//! every text of the plan each time instead of one per table; `FORM=yobo`
//! renders the largest 介護予防 fixture instead, its 総合的な方針 changed each
//! time (as the `yobo_largest_variants` benchmark does); `ITER2=1` marks
//! scopes of Typst's second layout pass with `[2]`; `NOTIME=1` records
//! nothing (for callgrind). Timing adds its own overhead (about 5 %).

#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

use std::collections::HashMap;

#[path = "../benches/common/mod.rs"]
mod common;

use careplan_render::{RenderOptions, Renderer};
use common::{Variants, change_from_env, env_number};
use typst::syntax::{RootedPath, Source, Span, VirtualPath, VirtualRoot};

const TEMPLATES: [(&str, &str); 8] = [
    ("/common.typ", include_str!("../templates/common.typ")),
    ("/pack.typ", include_str!("../templates/pack.typ")),
    ("/yobo/main.typ", include_str!("../templates/yobo/main.typ")),
    (
        "/kyotaku/main.typ",
        include_str!("../templates/kyotaku/main.typ"),
    ),
    (
        "/kyotaku/table1.typ",
        include_str!("../templates/kyotaku/table1.typ"),
    ),
    (
        "/kyotaku/table2.typ",
        include_str!("../templates/kyotaku/table2.typ"),
    ),
    (
        "/kyotaku/table2-pages.typ",
        include_str!("../templates/kyotaku/table2-pages.typ"),
    ),
    (
        "/kyotaku/table3.typ",
        include_str!("../templates/kyotaku/table3.typ"),
    ),
];

/// "file:line" of a span in our templates.
fn place(sources: &[Source], raw: std::num::NonZeroU64) -> (String, u32) {
    let span = Span::from_raw(raw);
    for s in sources {
        if Some(s.id()) == span.id()
            && let Some(node) = s.find(span)
        {
            let line = s.text()[..node.range().start].matches('\n').count() as u32 + 1;
            return (s.id().vpath().get_with_slash().to_string(), line);
        }
    }
    ("?".into(), 0)
}

/// The largest 介護予防 fixture.
const YOBO_LONG: &str = include_str!("../../../fixtures/yobo/plans/long-texts-six-issues.json");

/// One plan of the stream the example renders: a case-A variant, or with
/// `FORM=yobo` the largest 介護予防 fixture with its policy made unique by `i`.
#[allow(clippy::large_enum_variant)] // a few hundred plans, made before the clock starts
enum Plan {
    Kyotaku(careplan_core::CarePlan),
    Yobo(careplan_core::PreventivePlan),
}

fn main() {
    let renderer = Renderer::new().unwrap();
    let variants = Variants::case_a();
    let change = change_from_env();
    let opts = RenderOptions::default();
    let yobo = std::env::var("FORM").is_ok_and(|f| f == "yobo");
    let yobo_base: serde_json::Value = serde_json::from_str(YOBO_LONG).unwrap();
    let plan = |i: u64| {
        if yobo {
            let mut v = yobo_base.clone();
            v["policy"] =
                serde_json::json!(format!("総合的な方針 {i}：できることを自分で続ける。"));
            Plan::Yobo(careplan_core::PreventivePlan::from_json(&v.to_string()).unwrap())
        } else {
            Plan::Kyotaku(variants.plan(change, i))
        }
    };
    let render = |p: &Plan| match p {
        Plan::Kyotaku(p) => renderer.render(p, &opts).unwrap(),
        Plan::Yobo(p) => renderer.render(p, &opts).unwrap(),
    };
    for i in 0..env_number("WARM", 50) {
        render(&plan(i));
    }
    let timed = std::env::var("NOTIME").is_err();
    if timed {
        typst_timing::enable();
    }
    let n = env_number("N", 200).max(1);
    // The plans are made before the clock starts.
    let plans: Vec<_> = (1_000_000..1_000_000 + n).map(plan).collect();
    let start = std::time::Instant::now();
    for plan in &plans {
        render(plan);
    }
    let elapsed = start.elapsed();
    println!(
        "per render: {:.2} ms{}",
        elapsed.as_secs_f64() * 1000.0 / n as f64,
        if timed { " (with timing on)" } else { "" }
    );
    if !timed {
        return;
    }
    typst_timing::disable();

    let sources: Vec<Source> = TEMPLATES
        .iter()
        .map(|(path, text)| {
            let id =
                RootedPath::new(VirtualRoot::Project, VirtualPath::new(path).unwrap()).intern();
            Source::new(id, text.to_string())
        })
        .collect();
    let mut json = Vec::new();
    typst_timing::export_json(&mut json, |raw| place(&sources, raw)).unwrap();
    let events: Vec<serde_json::Value> = serde_json::from_slice(&json).unwrap();

    let second_pass = std::env::var("ITER2").is_ok();
    // (name, start, time in children) of the open scopes
    let mut stack: Vec<(String, f64, f64)> = Vec::new();
    // name → (inclusive, self, calls); recursive scopes count once inclusively
    let mut totals: HashMap<String, (f64, f64, u64)> = HashMap::new();
    for e in &events {
        let ts = e["ts"].as_f64().unwrap();
        if e["ph"] == "B" {
            let mut name = e["name"].as_str().unwrap().to_string();
            if let Some(a) = e.get("args").filter(|a| !a.is_null()) {
                name = format!("{name} {}:{}", a["file"].as_str().unwrap(), a["line"]);
            }
            if second_pass && stack.iter().any(|s| s.0 == "iter (2)") {
                name = format!("[2] {name}");
            }
            stack.push((name, ts, 0.0));
        } else {
            let (name, begin, children) = stack.pop().unwrap();
            let took = ts - begin;
            let recursive = stack.iter().any(|s| s.0 == name);
            let entry = totals.entry(name).or_default();
            if !recursive {
                entry.0 += took;
            }
            entry.1 += took - children;
            entry.2 += 1;
            if let Some(parent) = stack.last_mut() {
                parent.2 += took;
            }
        }
    }
    let mut rows: Vec<_> = totals.into_iter().collect();
    rows.sort_by(|a, b| b.1.1.total_cmp(&a.1.1));
    let per = |us: f64| us / 1000.0 / n as f64;
    println!(
        "{:<44} {:>9} {:>9} {:>8}",
        "scope (per render)", "incl ms", "self ms", "calls"
    );
    for (name, (incl, own, calls)) in rows.iter().take(env_number("TOP", 50) as usize) {
        println!(
            "{name:<44} {:>9.3} {:>9.3} {:>8.1}",
            per(*incl),
            per(*own),
            *calls as f64 / n as f64
        );
    }
}
