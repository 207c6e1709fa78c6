//! # careplan-server
//!
//! The careplan HTTP service, `careplan serve`: every operation of
//! [careplan-api](careplan_api) — validate, check, render, CSV export,
//! withdrawal and import, schema — as simple POST routes under `/v1/`, with
//! `/health`, `/version`, `/metrics` (Prometheus) and `/openapi.json` (the
//! OpenAPI 3.1 contract, committed as `openapi/careplan.openapi.json`). It
//! is a thin layer over careplan-api, like the command line: it reads the
//! request, calls the API, and writes the result or an
//! `application/problem+json` error carrying the same violation list the
//! command line prints.
//!
//! | route | body in | out |
//! |---|---|---|
//! | `POST /v1/validate` | a document (JSON) | 200 `{status: valid}` or 422 with every violation |
//! | `POST /v1/check` | a document | the plan-check report |
//! | `GET /v1/check/rules[/{id}]` | — | the rule registry |
//! | `POST /v1/render` | `{document, options}` | PDF, or a ZIP of PNG pages |
//! | `POST /v1/csv/export`, `/v1/csv/withdraw` | `{documents, options}` | a ZIP of the send set |
//! | `POST /v1/csv/import` | a ZIP, or multipart files | documents and every error |
//! | `GET /v1/schema/{kind}` | — | a JSON Schema |
//!
//! Renders run on a pool of threads off the async runtime behind a bounded
//! queue ([`pool`]); a full queue answers 429 with `Retry-After`, a request
//! over its time budget 503. The service keeps no state between requests,
//! reads no file after start-up and opens no connection: replicas behind a
//! load balancer answer alike.
//!
//! ```
//! use careplan_server::{Config, Service};
//! use axum::body::Body;
//! use axum::http::{Request, StatusCode};
//! use tower::ServiceExt;
//!
//! # tokio::runtime::Runtime::new()?.block_on(async {
//! let service = Service::new(Config::default())?;
//! service.start_blocking()?; // load the fonts: ready
//! let plan = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/invalid/short-term-outside-long-term.json"))?;
//! let request = Request::post("/v1/validate")
//!     .header("content-type", "application/json")
//!     .body(Body::from(plan))?;
//! let response = service.router().oneshot(request).await?;
//! assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
//! assert_eq!(response.headers()["content-type"], "application/problem+json");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! # })?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use axum::Router;
use careplan_api::render::SharedRenderer;
use tokio::sync::Semaphore;

pub mod archive;
pub mod metrics;
pub mod openapi;
pub mod pool;
pub mod problem;
mod routes;
pub mod wire;

/// How the service runs.
#[derive(Debug, Clone)]
pub struct Config {
    /// Render threads (default: the number of cores).
    pub workers: usize,
    /// Renders that may wait for a thread; the next is refused with 429.
    pub queue: usize,
    /// Requests that may be at work at a time (all routes with a body);
    /// the next is refused with 429.
    pub max_requests: usize,
    /// The time budget of a request, from the end of its body to its
    /// answer; past it, 503.
    pub timeout: Duration,
    /// The largest body accepted; larger ones get 413.
    pub max_body: usize,
    /// Extra font files (TrueType, OpenType or collections), read at start.
    pub fonts: Vec<Vec<u8>>,
    /// After SIGTERM or Ctrl-C: how long `/health` answers 503 while
    /// requests are still taken (for a load balancer to notice).
    pub grace: Duration,
    /// Then: how long in-flight requests may take to finish before the
    /// process exits anyway.
    pub drain: Duration,
    /// When Typst's process-global caches are trimmed.
    pub eviction: CacheEviction,
}

/// When the render pool trims Typst's caches, which every render thread
/// shares (`comemo` is process-global). Both keep memory flat; they differ
/// in how long an entry survives. Measured in `docs/PERFORMANCE.md`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CacheEviction {
    /// After each compilation, as the command line does: with `n` threads an
    /// entry survives about `CACHE_MAX_AGE / n` renders of its own thread.
    #[default]
    EachCompilation,
    /// After each render job, with the age scaled by the number of
    /// threads: an entry survives about `CACHE_MAX_AGE` renders of each
    /// thread, whatever their number.
    EachJob,
}

/// The number of cores (1 when it cannot be told).
pub fn cores() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
}

impl Default for Config {
    fn default() -> Config {
        let workers = cores();
        Config {
            workers,
            queue: 4 * workers,
            max_requests: 256,
            timeout: Duration::from_secs(30),
            max_body: 8 * 1024 * 1024,
            fonts: Vec::new(),
            grace: Duration::ZERO,
            drain: Duration::from_secs(30),
            eviction: CacheEviction::default(),
        }
    }
}

/// Why the service could not start or stopped badly.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ServeError {
    /// The address could not be listened on.
    #[error("cannot listen on {0}: {1}")]
    Listen(SocketAddr, std::io::Error),
    /// A thread or the runtime could not be started.
    #[error("cannot start: {0}")]
    Start(std::io::Error),
    /// The fonts could not be loaded.
    #[error("{0}")]
    Fonts(careplan_api::ApiError),
    /// The listener failed.
    #[error("the server failed: {0}")]
    Serve(std::io::Error),
    /// Requests were still running when the drain deadline passed.
    #[error("{0} request(s) still running when the drain deadline passed")]
    DrainTimeout(usize),
}

/// The shared state of the routes.
#[derive(Debug)]
pub(crate) struct State {
    pub(crate) config: Config,
    pub(crate) pool: pool::Pool,
    pub(crate) renderer: OnceLock<Arc<SharedRenderer>>,
    pub(crate) draining: AtomicBool,
    pub(crate) requests: Arc<Semaphore>,
    pub(crate) metrics: metrics::Metrics,
    pub(crate) openapi: String,
}

/// The service: its state and its routes.
#[derive(Debug, Clone)]
pub struct Service {
    state: Arc<State>,
}

impl Service {
    /// A service that is not ready yet (its fonts are loaded by
    /// [`Service::start_blocking`]); its render threads are running.
    pub fn new(config: Config) -> Result<Service, ServeError> {
        let pool = pool::Pool::new(config.workers, config.queue).map_err(ServeError::Start)?;
        let openapi = openapi::text();
        Ok(Service {
            state: Arc::new(State {
                requests: Arc::new(Semaphore::new(config.max_requests.max(1))),
                config,
                pool,
                renderer: OnceLock::new(),
                draining: AtomicBool::new(false),
                metrics: metrics::Metrics::default(),
                openapi,
            }),
        })
    }

    /// Loads the fonts; the service is ready after it.
    pub fn start_blocking(&self) -> Result<(), ServeError> {
        let mut renderer =
            careplan_api::render::renderer(&self.state.config.fonts).map_err(ServeError::Fonts)?;
        if self.state.config.eviction == CacheEviction::EachJob {
            renderer = renderer.with_eviction(careplan_api::render::Eviction::Caller);
        }
        let _ = self.state.renderer.set(Arc::new(renderer));
        Ok(())
    }

    /// Whether the fonts are loaded and the service is not draining.
    pub fn ready(&self) -> bool {
        self.state.renderer.get().is_some() && !self.state.draining.load(Ordering::Acquire)
    }

    /// Marks the service as draining: `/health` answers 503 from now on.
    pub fn drain(&self) {
        self.state.draining.store(true, Ordering::Release);
    }

    /// The routes, with request ids, logs, metrics and limits.
    pub fn router(&self) -> Router {
        routes::router(Arc::clone(&self.state))
    }

    /// Listens on `listen`, tells `on_listening` the address (a port of 0
    /// is chosen by the system), loads the fonts, and serves until SIGTERM
    /// or Ctrl-C; then drains ([`Config::grace`], [`Config::drain`]).
    pub fn run(
        self,
        listen: SocketAddr,
        on_listening: impl FnOnce(SocketAddr),
    ) -> Result<(), ServeError> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(cores())
            .max_blocking_threads(self.state.config.max_requests.max(1) + 4)
            .thread_name("careplan-http")
            .enable_all()
            .build()
            .map_err(ServeError::Start)?;
        runtime.block_on(self.serve(listen, on_listening))
    }

    async fn serve(
        self,
        listen: SocketAddr,
        on_listening: impl FnOnce(SocketAddr),
    ) -> Result<(), ServeError> {
        let listener = tokio::net::TcpListener::bind(listen)
            .await
            .map_err(|e| ServeError::Listen(listen, e))?;
        let addr = listener
            .local_addr()
            .map_err(|e| ServeError::Listen(listen, e))?;
        on_listening(addr);
        let c = &self.state.config;
        tracing::info!(
            %addr, workers = self.state.pool.workers(), queue = c.queue,
            max_requests = c.max_requests, timeout_ms = c.timeout.as_millis() as u64,
            max_body = c.max_body, "listening"
        );
        let me = self.clone();
        let start = tokio::task::spawn_blocking(move || me.start_blocking());
        let started = async move {
            match start.await {
                Ok(Ok(())) => {
                    tracing::info!("ready");
                    std::future::pending::<ServeError>().await
                }
                Ok(Err(e)) => e,
                Err(e) => ServeError::Start(std::io::Error::other(e.to_string())),
            }
        };
        let drain_started = Arc::new(tokio::sync::Notify::new());
        let shutdown = {
            let me = self.clone();
            let drain_started = Arc::clone(&drain_started);
            async move {
                stop_signal().await;
                me.drain();
                tracing::info!(
                    grace_ms = me.state.config.grace.as_millis() as u64,
                    "draining"
                );
                tokio::time::sleep(me.state.config.grace).await;
                drain_started.notify_one();
            }
        };
        // Responses go out whole at once (a PDF is many segments; Nagle's
        // algorithm would hold the last one back for the client's ACK).
        let listener = axum::serve::ListenerExt::tap_io(listener, |tcp| {
            if let Err(e) = tcp.set_nodelay(true) {
                tracing::debug!(error = %e, "TCP_NODELAY not set");
            }
        });
        let server = axum::serve(listener, self.router()).with_graceful_shutdown(shutdown);
        let deadline = self.state.config.drain;
        tokio::select! {
            r = server.into_future() => r.map_err(ServeError::Serve)?,
            e = started => {
                tracing::error!(error = %e, "cannot start");
                return Err(e);
            }
            () = async { drain_started.notified().await; tokio::time::sleep(deadline).await } => {
                let left = self.state.config.max_requests.max(1).saturating_sub(self.state.requests.available_permits());
                tracing::warn!(in_flight = left, "drain deadline passed");
                return Err(ServeError::DrainTimeout(left));
            }
        }
        self.state.pool.shut_down();
        tracing::info!("stopped");
        Ok(())
    }
}

use std::future::IntoFuture;

/// SIGTERM or Ctrl-C (SIGINT).
async fn stop_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = term => {}
    }
}

/// Structured logs (one JSON object a line) on standard error; the level
/// from `CAREPLAN_LOG` (`info` by default; `warn` for only problems).
pub fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("CAREPLAN_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .json()
        .with_current_span(true)
        .with_span_list(false)
        .with_target(false)
        .with_writer(std::io::stderr)
        .with_env_filter(filter)
        .try_init();
}
