//! The counts `/metrics` shows, in the Prometheus text format (0.0.4).
//!
//! Every label comes from a fixed set (the route templates, the status
//! codes, the error codes), so the number of series is bounded whatever
//! clients send.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Mutex;
use std::sync::atomic::Ordering;
use std::time::Duration;

use crate::pool::PoolStats;

/// Upper bounds of the latency histogram, in seconds.
const BUCKETS: [f64; 14] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
];

#[derive(Debug, Default)]
struct Histogram {
    counts: [u64; BUCKETS.len()],
    count: u64,
    sum: f64,
}

#[derive(Debug, Default)]
struct Counts {
    /// (route, method, status) → requests.
    requests: BTreeMap<(String, String, u16), u64>,
    /// route → latency.
    latency: BTreeMap<String, Histogram>,
    /// problem code → responses.
    errors: BTreeMap<&'static str, u64>,
    /// outcome → renders.
    renders: BTreeMap<&'static str, u64>,
    in_flight: i64,
}

/// The service's counts.
#[derive(Debug, Default)]
pub struct Metrics {
    counts: Mutex<Counts>,
}

impl Metrics {
    /// A request started.
    pub fn started(&self) {
        if let Ok(mut c) = self.counts.lock() {
            c.in_flight += 1;
        }
    }

    /// A request ended with `status` after `elapsed`; `problem` is its
    /// error code when it failed.
    pub fn finished(
        &self,
        route: &str,
        method: &str,
        status: u16,
        elapsed: Duration,
        problem: Option<&'static str>,
    ) {
        let Ok(mut c) = self.counts.lock() else {
            return;
        };
        c.in_flight -= 1;
        *c.requests
            .entry((route.to_owned(), method.to_owned(), status))
            .or_default() += 1;
        let h = c.latency.entry(route.to_owned()).or_default();
        let secs = elapsed.as_secs_f64();
        for (i, bound) in BUCKETS.iter().enumerate() {
            if secs <= *bound
                && let Some(n) = h.counts.get_mut(i)
            {
                *n += 1;
            }
        }
        h.count += 1;
        h.sum += secs;
        if let Some(code) = problem {
            *c.errors.entry(code).or_default() += 1;
        }
    }

    /// A render ended: `ok`, `error` (the document or options), `timeout`,
    /// `refused` (queue full) or `failed` (a fault).
    pub fn render(&self, outcome: &'static str) {
        if let Ok(mut c) = self.counts.lock() {
            *c.renders.entry(outcome).or_default() += 1;
        }
    }

    /// The text of `/metrics`.
    pub fn text(&self, pool: &PoolStats, workers: usize, capacity: usize) -> String {
        let mut out = String::new();
        let Ok(c) = self.counts.lock() else {
            return out;
        };
        let _ = writeln!(
            out,
            "# HELP careplan_http_requests_total HTTP requests answered, by route, method and status.\n# TYPE careplan_http_requests_total counter"
        );
        for ((route, method, status), n) in &c.requests {
            let _ = writeln!(
                out,
                "careplan_http_requests_total{{route=\"{route}\",method=\"{method}\",status=\"{status}\"}} {n}"
            );
        }
        let _ = writeln!(
            out,
            "# HELP careplan_http_request_duration_seconds Time from the request's arrival to its response, by route.\n# TYPE careplan_http_request_duration_seconds histogram"
        );
        for (route, h) in &c.latency {
            for (bound, n) in BUCKETS.iter().zip(h.counts.iter()) {
                let _ = writeln!(
                    out,
                    "careplan_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"{bound}\"}} {n}"
                );
            }
            let _ = writeln!(
                out,
                "careplan_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"+Inf\"}} {}\ncareplan_http_request_duration_seconds_sum{{route=\"{route}\"}} {}\ncareplan_http_request_duration_seconds_count{{route=\"{route}\"}} {}",
                h.count, h.sum, h.count
            );
        }
        let _ = writeln!(
            out,
            "# HELP careplan_errors_total Error responses, by problem code.\n# TYPE careplan_errors_total counter"
        );
        for (code, n) in &c.errors {
            let _ = writeln!(out, "careplan_errors_total{{code=\"{code}\"}} {n}");
        }
        let _ = writeln!(
            out,
            "# HELP careplan_renders_total Render requests, by outcome.\n# TYPE careplan_renders_total counter"
        );
        for (outcome, n) in &c.renders {
            let _ = writeln!(out, "careplan_renders_total{{outcome=\"{outcome}\"}} {n}");
        }
        let gauges = [
            (
                "careplan_http_requests_in_flight",
                "Requests being answered now.",
                c.in_flight.max(0) as u64,
            ),
            (
                "careplan_render_queue_depth",
                "Renders waiting for a worker.",
                pool.queued.load(Ordering::Acquire) as u64,
            ),
            (
                "careplan_render_workers_busy",
                "Render workers running a job.",
                pool.busy.load(Ordering::Acquire) as u64,
            ),
            ("careplan_render_workers", "Render workers.", workers as u64),
            (
                "careplan_render_capacity",
                "Renders admitted at a time (workers + queue); the next is refused with 429.",
                capacity as u64,
            ),
        ];
        for (name, help, value) in gauges {
            let _ = writeln!(
                out,
                "# HELP {name} {help}\n# TYPE {name} gauge\n{name} {value}"
            );
        }
        let skipped = pool.skipped.load(Ordering::Acquire);
        let _ = writeln!(
            out,
            "# HELP careplan_render_skipped_total Queued renders skipped because their request had given up.\n# TYPE careplan_render_skipped_total counter\ncareplan_render_skipped_total {skipped}"
        );
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_requests_latencies_and_errors() {
        let m = Metrics::default();
        m.started();
        m.finished(
            "/v1/validate",
            "POST",
            422,
            Duration::from_millis(3),
            Some("invalid_document"),
        );
        m.render("ok");
        let text = m.text(&PoolStats::default(), 2, 10);
        assert!(text.contains(
            "careplan_http_requests_total{route=\"/v1/validate\",method=\"POST\",status=\"422\"} 1"
        ));
        assert!(text.contains(
            "careplan_http_request_duration_seconds_bucket{route=\"/v1/validate\",le=\"0.005\"} 1"
        ));
        assert!(text.contains(
            "careplan_http_request_duration_seconds_bucket{route=\"/v1/validate\",le=\"0.0025\"} 0"
        ));
        assert!(text.contains("careplan_errors_total{code=\"invalid_document\"} 1"));
        assert!(text.contains("careplan_renders_total{outcome=\"ok\"} 1"));
        assert!(text.contains("careplan_render_capacity 10"));
        assert!(text.contains("careplan_http_requests_in_flight 0"));
    }
}
