//! `careplan serve`: the HTTP service (careplan-server).

use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use careplan_server::{Config, Service};

use crate::Outcome;

/// Arguments of `careplan serve`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The address to listen on (port 0: any free port; the address is printed).
    #[arg(long, default_value = "127.0.0.1:8080")]
    listen: SocketAddr,
    /// Render threads (default: the number of cores).
    #[arg(long)]
    workers: Option<usize>,
    /// Renders that may wait for a thread; the next gets 429 (default: 4 × workers).
    #[arg(long)]
    queue: Option<usize>,
    /// Requests at work at a time on every route with a body; the next gets 429.
    #[arg(long, default_value_t = 256)]
    max_requests: usize,
    /// The time budget of a request in milliseconds; past it, 503.
    #[arg(long, default_value_t = 30_000)]
    timeout_ms: u64,
    /// The largest request body in bytes; larger ones get 413.
    #[arg(long, default_value_t = 8 * 1024 * 1024)]
    max_body: usize,
    /// Extra font files for rendering (TrueType, OpenType or collections).
    #[arg(long = "font")]
    fonts: Vec<PathBuf>,
    /// After SIGTERM or Ctrl-C: milliseconds during which /health answers
    /// 503 while requests are still served (for a load balancer to notice).
    #[arg(long, default_value_t = 0)]
    grace_ms: u64,
    /// Then: milliseconds in-flight requests may take before the process exits anyway.
    #[arg(long, default_value_t = 30_000)]
    drain_ms: u64,
    /// When Typst's shared caches are trimmed: after each compilation, or
    /// after each render job with the age scaled to the threads.
    #[arg(long, value_enum, default_value_t = Eviction::Compilation)]
    cache_eviction: Eviction,
}

/// `--cache-eviction`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Eviction {
    /// After each compilation (as `careplan render` does).
    Compilation,
    /// After each render job.
    Job,
}

pub(crate) fn run(args: &Args) -> Outcome {
    let fonts = match crate::io::read_fonts(&args.fonts) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("{e}");
            return Outcome::Unreadable;
        }
    };
    let defaults = Config::default();
    let workers = args.workers.unwrap_or(defaults.workers).max(1);
    let config = Config {
        workers,
        queue: args.queue.unwrap_or(4 * workers),
        max_requests: args.max_requests.max(1),
        timeout: Duration::from_millis(args.timeout_ms),
        max_body: args.max_body,
        fonts,
        grace: Duration::from_millis(args.grace_ms),
        drain: Duration::from_millis(args.drain_ms),
        eviction: match args.cache_eviction {
            Eviction::Compilation => careplan_server::CacheEviction::EachCompilation,
            Eviction::Job => careplan_server::CacheEviction::EachJob,
        },
    };
    careplan_server::init_logging();
    let service = match Service::new(config) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return Outcome::Unreadable;
        }
    };
    let result = service.run(args.listen, |addr| {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "careplan serve: listening on http://{addr}");
        let _ = out.flush();
    });
    match result {
        Ok(()) => Outcome::Ok,
        Err(careplan_server::ServeError::DrainTimeout(n)) => {
            eprintln!("{n} request(s) were still running at the drain deadline");
            Outcome::Invalid
        }
        Err(e) => {
            eprintln!("{e}");
            Outcome::Unreadable
        }
    }
}
