//! The in-process baseline of the HTTP load figures: reads and renders (or
//! validates) a plan N times on T threads through careplan-api — the work a
//! request gives the service's pool, from the JSON text to the PDF bytes,
//! without HTTP — and prints the rate.
//!
//! ```sh
//! cargo run --release -p careplan-server --example inprocess -- render fixtures/plans/case-a.json 2000 2
//! cargo run --release -p careplan-server --example inprocess -- validate fixtures/plans/case-a.json 100000 2
//! ```

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use careplan_api::render::RenderRequest;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(op), Some(path), Some(n), Some(threads)) =
        (args.get(1), args.get(2), args.get(3), args.get(4))
    else {
        return Err("usage: inprocess render|validate PLAN.json N THREADS".into());
    };
    let n: usize = n.parse()?;
    let threads: usize = threads.parse()?;
    let text = std::fs::read_to_string(path)?;
    let renderer = careplan_api::render::renderer(&[])?;
    let doc = careplan_api::validate::validate(&text)?;
    let request = RenderRequest::default();
    // Warm up as the service is after its first requests.
    careplan_api::render::render(&renderer, &doc, &request)?;
    let next = AtomicUsize::new(0);
    let started = Instant::now();
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                while next.fetch_add(1, Ordering::Relaxed) < n {
                    match op.as_str() {
                        "render" => {
                            if let Ok(doc) = careplan_api::validate::validate(&text) {
                                let _ = careplan_api::render::render(&renderer, &doc, &request);
                            }
                        }
                        _ => {
                            let _ = careplan_api::validate::validate(&text);
                        }
                    }
                }
            });
        }
    });
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{op} × {n} on {threads} thread(s): {secs:.2} s, {:.1} per second",
        n as f64 / secs
    );
    Ok(())
}
