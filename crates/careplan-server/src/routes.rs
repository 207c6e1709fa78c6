//! The routes: each reads its request, calls careplan-api, and writes the
//! result or a problem.

use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{MatchedPath, Path, Request, State as S};
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use careplan_api::csv::SendSet;
use careplan_api::render::RenderOutput;
use careplan_api::{ApiError, Cause, ErrorCode, Lang};
use serde::Serialize;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tracing::Instrument;

use crate::State;
use crate::archive;
use crate::pool::PoolError;
use crate::problem::{HttpProblem, ProblemCode, lang_of};
use crate::wire::{CsvBody, Health, RenderBody, Valid, Version};

tokio::task_local! {
    /// The id of the request being answered, for problem bodies.
    pub(crate) static REQUEST_ID: String;
}

/// The media type of JSON bodies.
const JSON: &str = "application/json";
/// The media types `/v1/csv/import` reads.
const IMPORT_TYPES: [&str; 3] = [
    "application/zip",
    "application/x-zip-compressed",
    "multipart/form-data",
];
/// How many missing characters the `x-careplan-missing-glyphs` header lists.
const HEADER_LIST_MAX: usize = 100;

pub(crate) fn router(state: Arc<State>) -> Router {
    let work = Router::new()
        .route("/v1/validate", post(validate))
        .route("/v1/check", post(check))
        .route("/v1/render", post(render))
        .route("/v1/table7", post(table7))
        .route("/v1/csv/export", post(export))
        .route("/v1/csv/withdraw", post(withdraw))
        .route("/v1/csv/import", post(import))
        .route_layer(middleware::from_fn_with_state(Arc::clone(&state), admit));
    let info = Router::new()
        .route("/v1/check/rules", get(rules))
        .route("/v1/check/rules/{id}", get(rule))
        .route("/v1/schema/{kind}", get(schema))
        .route("/health", get(health))
        .route("/version", get(version))
        .route("/metrics", get(metrics))
        .route("/openapi.json", get(openapi));
    work.merge(info)
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(middleware::from_fn_with_state(Arc::clone(&state), observe))
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
        .with_state(state)
}

/// Every request: its id in scope, a span for its log lines, one log line
/// and the metrics when answered.
async fn observe(S(state): S<Arc<State>>, req: Request, next: Next) -> Response {
    let id = req
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-")
        .to_owned();
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or("unmatched", |m| m.as_str())
        .to_owned();
    let method = match req.method().as_str() {
        "GET" => "GET",
        "HEAD" => "HEAD",
        "POST" => "POST",
        "PUT" => "PUT",
        "DELETE" => "DELETE",
        "PATCH" => "PATCH",
        "OPTIONS" => "OPTIONS",
        _ => "other",
    };
    let started = Instant::now();
    state.metrics.started();
    let span = tracing::info_span!("request", request_id = %id, method, route = %route);
    let response = REQUEST_ID
        .scope(id, next.run(req))
        .instrument(span.clone())
        .await;
    let elapsed = started.elapsed();
    let status = response.status().as_u16();
    let code = response.extensions().get::<ProblemCode>().map(|c| c.0);
    state
        .metrics
        .finished(&route, method, status, elapsed, code);
    span.in_scope(|| {
        tracing::info!(
            status,
            ms = elapsed.as_secs_f64() * 1000.0,
            code = code.unwrap_or(""),
            "answered"
        );
    });
    response
}

/// Routes that work: at most `max_requests` at a time, the next 429.
async fn admit(S(state): S<Arc<State>>, req: Request, next: Next) -> Response {
    let lang = lang_of(req.headers());
    match Arc::clone(&state.requests).try_acquire_owned() {
        Ok(permit) => {
            let response = next.run(req).await;
            drop(permit);
            response
        }
        Err(_) => busy(lang).into_response(),
    }
}

fn busy(lang: Lang) -> HttpProblem {
    HttpProblem::new(
        StatusCode::TOO_MANY_REQUESTS,
        "queue_full",
        "混み合っています。しばらくしてからやり直してください",
        "the service is busy; try again shortly",
    )
    .retry_after(1)
    .in_lang(lang)
}

fn timeout() -> HttpProblem {
    HttpProblem::new(
        StatusCode::SERVICE_UNAVAILABLE,
        "timeout",
        "時間内に終わりませんでした",
        "the request did not finish within its time budget",
    )
    .retry_after(1)
}

fn internal(what: &str) -> HttpProblem {
    HttpProblem::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        "internal",
        format!("careplan の不具合です: {what}"),
        format!("a fault in careplan: {what}"),
    )
}

fn malformed(why: impl std::fmt::Display) -> HttpProblem {
    HttpProblem::new(
        StatusCode::BAD_REQUEST,
        "malformed_request",
        format!("リクエストを読めません: {why}"),
        format!("the request cannot be read: {why}"),
    )
}

fn not_ready() -> HttpProblem {
    HttpProblem::new(
        StatusCode::SERVICE_UNAVAILABLE,
        "not_ready",
        "準備中です（フォントを読み込んでいます）",
        "not ready yet (loading fonts)",
    )
    .retry_after(1)
}

/// The problem as the response, in the language asked for.
fn done(lang: Lang, result: Result<Response, HttpProblem>) -> Response {
    result.unwrap_or_else(|p| p.in_lang(lang).into_response())
}

/// The body's media type must be one of `allowed` (415 otherwise).
fn media(headers: &HeaderMap, allowed: &[&str]) -> Result<String, HttpProblem> {
    let given = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let essence = given
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    if allowed.contains(&essence.as_str()) {
        Ok(essence)
    } else {
        Err(HttpProblem::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            format!(
                "Content-Type「{given}」は受け付けません（{}）",
                allowed.join(", ")
            ),
            format!(
                "Content-Type {given:?} is not accepted ({})",
                allowed.join(", ")
            ),
        ))
    }
}

fn too_large(limit: usize) -> HttpProblem {
    HttpProblem::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        "payload_too_large",
        format!("本文が上限 {limit} バイトを超えています"),
        format!("the body is over the limit of {limit} bytes"),
    )
}

/// The whole body, at most `limit` bytes (413 beyond).
async fn read_body(headers: &HeaderMap, body: Body, limit: usize) -> Result<Bytes, HttpProblem> {
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        return Err(too_large(limit));
    }
    axum::body::to_bytes(body, limit).await.map_err(|e| {
        let mut source: Option<&(dyn std::error::Error + 'static)> = Some(&e);
        while let Some(s) = source {
            if s.is::<http_body_util::LengthLimitError>() {
                return too_large(limit);
            }
            source = s.source();
        }
        malformed(e)
    })
}

/// Work off the async runtime, within the request's time budget.
async fn light<T, F>(state: &State, f: F) -> Result<T, HttpProblem>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    let deadline = Instant::now() + state.config.timeout;
    match tokio::time::timeout_at(deadline.into(), tokio::task::spawn_blocking(f)).await {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => Err(internal(&e.to_string())),
        Err(_) => Err(timeout()),
    }
}

/// A JSON response.
fn json(status: StatusCode, value: &impl Serialize) -> Response {
    match serde_json::to_vec(value) {
        Ok(body) => (
            status,
            [(header::CONTENT_TYPE, HeaderValue::from_static(JSON))],
            body,
        )
            .into_response(),
        Err(e) => internal(&e.to_string()).into_response(),
    }
}

/// A file to download.
fn file(media_type: &'static str, name: &str, body: Vec<u8>) -> Response {
    let mut r = (StatusCode::OK, body).into_response();
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(media_type));
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    r
}

/// JSON with every character outside ASCII escaped, for a header value.
fn ascii_json(value: &impl Serialize) -> Option<HeaderValue> {
    let text = serde_json::to_string(value).ok()?;
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() && !c.is_ascii_control() {
            out.push(c);
        } else {
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{u:04x}"));
            }
        }
    }
    HeaderValue::from_str(&out).ok()
}

/// A document of a body, read and checked: 422 with every violation, the
/// paths prefixed with `prefix` when given.
fn document(text: &str, prefix: &str) -> Result<careplan_api::Document, HttpProblem> {
    careplan_api::validate::validate(text).map_err(|e| HttpProblem::from_api(e, prefix))
}

async fn validate(S(state): S<Arc<State>>, headers: HeaderMap, body: Body) -> Response {
    let lang = lang_of(&headers);
    let result = async {
        media(&headers, &[JSON])?;
        let bytes = read_body(&headers, body, state.config.max_body).await?;
        let doc = light(&state, move || {
            let text = std::str::from_utf8(&bytes).map_err(malformed)?;
            document(text, "")
        })
        .await??;
        let form = doc.form();
        Ok(json(
            StatusCode::OK,
            &Valid {
                status: "valid".into(),
                form: form.code().into(),
                form_ja: form.label_ja().into(),
            },
        ))
    }
    .await;
    done(lang, result)
}

async fn check(S(state): S<Arc<State>>, headers: HeaderMap, body: Body) -> Response {
    let lang = lang_of(&headers);
    let result = async {
        media(&headers, &[JSON])?;
        let bytes = read_body(&headers, body, state.config.max_body).await?;
        let report = light(&state, move || {
            let text = std::str::from_utf8(&bytes).map_err(malformed)?;
            let doc = document(text, "")?;
            careplan_api::check::check(&doc).map_err(|e| HttpProblem::from_api(e, ""))
        })
        .await??;
        Ok(json(StatusCode::OK, &report))
    }
    .await;
    done(lang, result)
}

async fn table7(S(state): S<Arc<State>>, headers: HeaderMap, body: Body) -> Response {
    let lang = lang_of(&headers);
    let result = async {
        media(&headers, &[JSON])?;
        let bytes = read_body(&headers, body, state.config.max_body).await?;
        let report = light(&state, move || {
            let request: crate::wire::Table7Body =
                serde_json::from_slice(&bytes).map_err(malformed)?;
            let doc = document(request.document.get(), "")?;
            let api = |e| HttpProblem::from_api(e, "");
            let master = careplan_api::table7::master_raw(request.master.get()).map_err(api)?;
            let terms = careplan_api::table7::terms(request.terms.get()).map_err(api)?;
            careplan_api::table7::compute(&doc, &master, &terms, request.explain).map_err(api)
        })
        .await??;
        Ok(json(StatusCode::OK, &report))
    }
    .await;
    done(lang, result)
}

async fn rules() -> Response {
    json(StatusCode::OK, &careplan_api::check::rules())
}

async fn rule(headers: HeaderMap, Path(id): Path<String>) -> Response {
    match careplan_api::check::explain(&id) {
        Ok(r) => json(StatusCode::OK, &r),
        Err(e) => not_found_because(e.message_ja, e.message_en)
            .in_lang(lang_of(&headers))
            .into_response(),
    }
}

async fn render(S(state): S<Arc<State>>, headers: HeaderMap, body: Body) -> Response {
    let lang = lang_of(&headers);
    let result = async {
        media(&headers, &[JSON])?;
        let bytes = read_body(&headers, body, state.config.max_body).await?;
        let renderer = state.renderer.get().cloned().ok_or_else(not_ready)?;
        let deadline = Instant::now() + state.config.timeout;
        let evict_age = match state.config.eviction {
            crate::CacheEviction::EachCompilation => None,
            crate::CacheEviction::EachJob => {
                Some(careplan_api::render::CACHE_MAX_AGE * state.pool.workers())
            }
        };
        let out = state
            .pool
            .run(deadline, move || -> Result<RenderOutput, HttpProblem> {
                let request: RenderBody = serde_json::from_slice(&bytes).map_err(malformed)?;
                let doc = document(request.document.get(), "")?;
                let out = careplan_api::render::render(&renderer, &doc, &request.options)
                    .map_err(|e| HttpProblem::from_api(e, ""));
                if let Some(age) = evict_age {
                    careplan_api::render::evict_caches(age);
                }
                out
            })
            .await;
        let out = match out {
            Ok(Ok(out)) => {
                state.metrics.render("ok");
                out
            }
            Ok(Err(p)) => {
                state.metrics.render("error");
                return Err(p);
            }
            Err(PoolError::Full) => {
                state.metrics.render("refused");
                return Err(busy(lang));
            }
            Err(PoolError::TimedOut) => {
                state.metrics.render("timeout");
                return Err(timeout());
            }
            Err(PoolError::Lost) => {
                state.metrics.render("failed");
                return Err(internal("the render was lost"));
            }
        };
        rendered(out)
    }
    .await;
    done(lang, result)
}

/// A render's response: the PDF, or a ZIP of the PNG pages.
fn rendered(out: RenderOutput) -> Result<Response, HttpProblem> {
    let mut response = match out.pngs {
        Some(pages) => {
            let files: Vec<(String, Vec<u8>)> = pages
                .into_iter()
                .enumerate()
                .map(|(i, png)| (format!("page-{}.png", i + 1), png))
                .collect();
            let zip = archive::write(&files, zip::DateTime::default()).map_err(|e| internal(&e))?;
            file("application/zip", "careplan-pages.zip", zip)
        }
        None => file("application/pdf", "careplan.pdf", out.pdf),
    };
    let h = response.headers_mut();
    h.insert(
        HeaderName::from_static("x-careplan-page-count"),
        HeaderValue::from(out.page_count),
    );
    if !out.missing_glyphs.is_empty() {
        h.insert(
            HeaderName::from_static("x-careplan-missing-glyph-count"),
            HeaderValue::from(out.missing_glyphs.len()),
        );
        let listed: Vec<serde_json::Value> = out
            .missing_glyphs
            .iter()
            .take(HEADER_LIST_MAX)
            .map(|m| serde_json::json!({"path": m.path, "character": m.character.to_string()}))
            .collect();
        if let Some(v) = ascii_json(&listed) {
            h.insert(HeaderName::from_static("x-careplan-missing-glyphs"), v);
        }
    }
    Ok(response)
}

async fn export(state: S<Arc<State>>, headers: HeaderMap, body: Body) -> Response {
    send_set(state, headers, body, false).await
}

async fn withdraw(state: S<Arc<State>>, headers: HeaderMap, body: Body) -> Response {
    send_set(state, headers, body, true).await
}

async fn send_set(
    S(state): S<Arc<State>>,
    headers: HeaderMap,
    body: Body,
    withdraw: bool,
) -> Response {
    let lang = lang_of(&headers);
    let result = async {
        media(&headers, &[JSON])?;
        let bytes = read_body(&headers, body, state.config.max_body).await?;
        let (set, timestamp) = light(&state, move || -> Result<(SendSet, String), HttpProblem> {
            let body: CsvBody = serde_json::from_slice(&bytes).map_err(malformed)?;
            let request = body.options.request(|| careplan_api::csv::jst_timestamp(chrono::Utc::now()));
            request.check().map_err(|e| HttpProblem::from_api(e, ""))?;
            let mut docs = Vec::new();
            let mut causes: Vec<Cause> = Vec::new();
            for (i, raw) in body.documents.iter().enumerate() {
                match careplan_api::validate::validate(raw.get()) {
                    Ok(d) => docs.push(d),
                    Err(e) if e.code == ErrorCode::InvalidDocument => {
                        causes.extend(e.under(&format!("documents[{i}]")).causes);
                    }
                    Err(e) => return Err(HttpProblem::from_api(e, &format!("documents[{i}]"))),
                }
            }
            if !causes.is_empty() {
                let n = causes.len();
                let e = ApiError::new(
                    ErrorCode::InvalidDocument,
                    format!("{n}件の違反があります"),
                    format!("{n} violation(s)"),
                )
                .with_causes(causes);
                return Err(HttpProblem::from_api(e, ""));
            }
            let set = if withdraw {
                careplan_api::csv::withdraw(&docs, &request)
            } else {
                careplan_api::csv::export(&docs, &request)
            }
            .map_err(|e| HttpProblem::from_api(e, ""))?;
            Ok((set, request.timestamp))
        })
        .await??;
        let files: Vec<(String, Vec<u8>)> =
            set.files.into_iter().map(|f| (f.name, f.bytes)).collect();
        let zip = archive::write(&files, archive::zip_time(&timestamp)).map_err(|e| internal(&e))?;
        let name = if withdraw { "withdraw" } else { "send-set" };
        let mut response = file("application/zip", &format!("careplan-{name}-{timestamp}.zip"), zip);
        if !set.substitutions.is_empty() {
            let listed: Vec<serde_json::Value> = set
                .substitutions
                .iter()
                .take(HEADER_LIST_MAX)
                .map(|s| serde_json::json!({"path": s.path, "from": s.from.to_string(), "to": s.to.to_string()}))
                .collect();
            if let Some(v) = ascii_json(&listed) {
                response
                    .headers_mut()
                    .insert(HeaderName::from_static("x-careplan-substitutions"), v);
            }
        }
        Ok(response)
    }
    .await;
    done(lang, result)
}

async fn import(S(state): S<Arc<State>>, headers: HeaderMap, body: Body) -> Response {
    let lang = lang_of(&headers);
    let result = async {
        let kind = media(&headers, &IMPORT_TYPES)?;
        let limit = state.config.max_body;
        let bytes = read_body(&headers, body, limit).await?;
        let unpack = (limit as u64).saturating_mul(8);
        let files = if kind == "multipart/form-data" {
            parts(&headers, bytes, unpack).await?
        } else {
            unzip(bytes, unpack)?
        };
        if files.is_empty() {
            return Err(malformed("no files / ファイルがありません"));
        }
        let report = light(&state, move || careplan_api::csv::import(files)).await?;
        let body = report.body();
        Ok(json(StatusCode::OK, &body))
    }
    .await;
    done(lang, result)
}

fn unzip(bytes: Bytes, limit: u64) -> Result<Vec<(String, Vec<u8>)>, HttpProblem> {
    archive::read(&bytes, limit).map_err(|e| {
        let (ja, en) = e.messages();
        match e {
            archive::ArchiveError::TooLarge(_) => {
                HttpProblem::new(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large", ja, en)
            }
            _ => HttpProblem::new(StatusCode::BAD_REQUEST, "malformed_request", ja, en),
        }
    })
}

/// The files of a multipart body; a part named `*.zip` is unpacked.
async fn parts(
    headers: &HeaderMap,
    bytes: Bytes,
    limit: u64,
) -> Result<Vec<(String, Vec<u8>)>, HttpProblem> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let boundary = multer::parse_boundary(content_type).map_err(malformed)?;
    let stream = futures_util::stream::once(async move { Ok::<Bytes, std::io::Error>(bytes) });
    let mut multipart = multer::Multipart::new(stream, boundary);
    let mut files = Vec::new();
    while let Some(field) = multipart.next_field().await.map_err(malformed)? {
        let name = field
            .file_name()
            .or(field.name())
            .unwrap_or_default()
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or_default()
            .to_owned();
        let data = field.bytes().await.map_err(malformed)?;
        if name.to_ascii_lowercase().ends_with(".zip") {
            files.extend(unzip(data, limit)?);
        } else {
            files.push((name, data.to_vec()));
        }
    }
    Ok(files)
}

async fn schema(headers: HeaderMap, Path(kind): Path<String>) -> Response {
    match careplan_api::schema::schema(&kind) {
        Ok(text) => (
            StatusCode::OK,
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/schema+json"),
            )],
            text,
        )
            .into_response(),
        Err(e) if e.code == ErrorCode::BadOptions => not_found_because(e.message_ja, e.message_en)
            .in_lang(lang_of(&headers))
            .into_response(),
        Err(e) => HttpProblem::from_api(e, "").into_response(),
    }
}

async fn health(S(state): S<Arc<State>>) -> Response {
    let status = if state.draining.load(std::sync::atomic::Ordering::Acquire) {
        "draining"
    } else if state.renderer.get().is_none() {
        "starting"
    } else {
        "ready"
    };
    let code = if status == "ready" {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    json(
        code,
        &Health {
            status: status.into(),
        },
    )
}

async fn version(S(state): S<Arc<State>>) -> Response {
    json(
        StatusCode::OK,
        &Version {
            name: "careplan".into(),
            version: env!("CARGO_PKG_VERSION").into(),
            formats: careplan_api::schema::kinds()
                .iter()
                .map(|k| format!("urn:careplan:schema:{k}:v1"))
                .collect(),
            forms: careplan_api::Form::ALL
                .iter()
                .map(|f| f.code().to_owned())
                .collect(),
            csv_standard: "ケアプランデータ連携 第4.1版".into(),
            fonts: state
                .renderer
                .get()
                .map(|r| r.font_families())
                .unwrap_or_default(),
        },
    )
}

async fn metrics(S(state): S<Arc<State>>) -> Response {
    let text = state.metrics.text(
        state.pool.stats(),
        state.pool.workers(),
        state.pool.capacity(),
    );
    (
        StatusCode::OK,
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
        )],
        text,
    )
        .into_response()
}

async fn openapi(S(state): S<Arc<State>>) -> Response {
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, HeaderValue::from_static(JSON))],
        state.openapi.clone(),
    )
        .into_response()
}

fn not_found_because(ja: String, en: String) -> HttpProblem {
    HttpProblem::new(StatusCode::NOT_FOUND, "not_found", ja, en)
}

async fn not_found(headers: HeaderMap) -> Response {
    not_found_because("そのパスはありません".into(), "no such route".into())
        .in_lang(lang_of(&headers))
        .into_response()
}

async fn method_not_allowed(headers: HeaderMap) -> Response {
    HttpProblem::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "このパスではそのメソッドは使えません",
        "the route does not take this method",
    )
    .in_lang(lang_of(&headers))
    .into_response()
}
