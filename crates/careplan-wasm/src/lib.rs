//! # careplan-wasm
//!
//! careplan-api for JavaScript, through wasm-bindgen: the functions the
//! npm packages `@careplan/core` and `@careplan/render` (in `npm/`) wrap.
//! Each takes JSON text (or bytes) and returns JSON text of one shape, a
//! *result as a value* — never a thrown exception for bad input:
//!
//! ```json
//! {"ok": true, "value": …}
//! {"ok": false, "error": {"code": "invalid_document", "message_ja": "…", "message_en": "…",
//!                          "violations": [… as `careplan validate --format json` …], "causes": […]}}
//! ```
//!
//! The functions are plain Rust as well (tested natively); the
//! `#[wasm_bindgen]` exports are one line each over them. Without
//! features there is no Typst in the module (`@careplan/core`); the
//! `render` feature adds the `Renderer` class (`@careplan/render`), with
//! every function above in the same module so that one Worker holds all.
//!
//! ```
//! let answer = careplan_wasm::validate(r#"{"status": "final"}"#);
//! let v: serde_json::Value = serde_json::from_str(&answer).unwrap();
//! assert_eq!(v["ok"], false);
//! assert_eq!(v["error"]["code"], "invalid_document");
//! assert_eq!(v["error"]["violations"][0]["path"], "table1");
//! ```

#[cfg(feature = "render")]
mod render;
#[cfg(feature = "render")]
pub use render::Renderer;

use careplan_api::csv::ExportRequest;
use careplan_api::{ApiError, Cause, ErrorCode};
use careplan_core::report::ViolationRecord;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use wasm_bindgen::prelude::wasm_bindgen;

/// An error as JavaScript receives it.
#[derive(Debug, Serialize)]
struct ErrorValue {
    code: &'static str,
    message_ja: String,
    message_en: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    violations: Vec<ViolationRecord>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    causes: Vec<Cause>,
}

impl From<ApiError> for ErrorValue {
    fn from(e: ApiError) -> ErrorValue {
        let invalid = e.code == ErrorCode::InvalidDocument;
        ErrorValue {
            code: e.code.as_str(),
            violations: careplan_api::validate::violations(&e),
            message_ja: e.message_ja,
            message_en: e.message_en,
            // An invalid document's causes are its violations, given once.
            causes: if invalid { Vec::new() } else { e.causes },
        }
    }
}

/// `{"ok": true, "value": v}`, fields in the order of `v`'s type.
#[derive(Serialize)]
struct Success<'a, T> {
    ok: bool,
    value: &'a T,
}

/// `{"ok": false, "error": e}`.
#[derive(Serialize)]
struct Failure {
    ok: bool,
    error: ErrorValue,
}

/// The result as text: fields in the order of their types, so that a
/// violation reads exactly as `careplan validate --format json` writes it.
fn answer<T: Serialize>(result: Result<T, ApiError>) -> String {
    let text = match result {
        Ok(value) => serde_json::to_string(&Success {
            ok: true,
            value: &value,
        }),
        Err(e) => serde_json::to_string(&Failure {
            ok: false,
            error: ErrorValue::from(e),
        }),
    };
    text.unwrap_or_else(|e| {
        format!(
            r#"{{"ok":false,"error":{{"code":"internal","message_ja":"{e}","message_en":"{e}"}}}}"#
        )
    })
}

fn bad(ja: &str, en: String) -> ApiError {
    ApiError::new(ErrorCode::BadOptions, ja, en)
}

/// Reads and checks a document: the value is `{"form": "kyotaku"}`.
#[wasm_bindgen]
pub fn validate(json: &str) -> String {
    answer(
        careplan_api::validate::validate(json)
            .map(|doc| serde_json::json!({ "form": doc.form().code() })),
    )
}

/// The plan-check report of a document (as `careplan check --format json`).
#[wasm_bindgen]
pub fn check(json: &str) -> String {
    answer(careplan_api::validate::validate(json).and_then(|doc| careplan_api::check::check(&doc)))
}

/// Every plan-check rule.
#[wasm_bindgen]
pub fn rules() -> String {
    answer::<_>(Ok(careplan_api::check::rules()))
}

/// The JSON Schema of a kind (`plan`, `validation-report`, `check-report`):
/// the value is the schema itself (the committed text, placed as it is).
#[wasm_bindgen]
pub fn schema(kind: &str) -> String {
    answer(careplan_api::schema::schema(kind).and_then(|text| {
        RawValue::from_string(text).map_err(|e| {
            ApiError::new(
                ErrorCode::Internal,
                format!("スキーマが JSON ではありません（careplan の不具合です）: {e}"),
                format!("the schema is not JSON (a careplan bug): {e}"),
            )
        })
    }))
}

/// An ISO date (`2015-12-03`) in 和暦 (`平成27年12月3日`).
#[wasm_bindgen(js_name = formatWareki)]
pub fn format_wareki(iso: &str) -> String {
    answer(chrono_date(iso).and_then(|d| {
        careplan_core::wareki::format_date(d)
            .map_err(|e| bad("和暦にできない日付です", e.to_string()))
    }))
}

/// A date written in 和暦 or ISO (`令和元年5月1日`, `R1.5.1`) as ISO.
#[wasm_bindgen(js_name = parseWareki)]
pub fn parse_wareki(text: &str) -> String {
    answer(
        careplan_core::wareki::parse_date(text)
            .map(|d| d.format("%Y-%m-%d").to_string())
            .map_err(|e| bad("日付として読めません", e.to_string())),
    )
}

fn chrono_date(iso: &str) -> Result<chrono::NaiveDate, ApiError> {
    chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d").map_err(|e| {
        bad(
            "ISO の日付（YYYY-MM-DD）ではありません",
            format!("not an ISO date: {e}"),
        )
    })
}

/// What `csvExport` takes: the documents, each read by the validator from
/// its own text as given, and the options.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExportInput {
    documents: Vec<Box<RawValue>>,
    options: ExportRequest,
}

/// A file of a send set: its name and its bytes as a list of numbers is
/// what JSON can carry; the JS side turns `bytes_base64` into a `Uint8Array`.
#[derive(Debug, Serialize)]
struct FileValue {
    name: String,
    bytes_base64: String,
}

/// Writes `{"documents": [...], "options": {from, to, timestamp, …}}` as one
/// send set; `withdraw` writes DLT1KYO instead. The value is
/// `{"files": [{name, bytes_base64}], "substitutions": [...]}`.
pub fn export(input: &str, withdraw: bool) -> String {
    answer((|| {
        let input: ExportInput = serde_json::from_str(input)
            .map_err(|e| bad("入力の形が違います", format!("not the input's shape: {e}")))?;
        let mut docs = Vec::new();
        for (i, d) in input.documents.iter().enumerate() {
            let doc = careplan_api::validate::validate(d.get())
                .map_err(|e| e.under(&format!("documents[{i}]")))?;
            docs.push(doc);
        }
        let set = if withdraw {
            careplan_api::csv::withdraw(&docs, &input.options)
        } else {
            careplan_api::csv::export(&docs, &input.options)
        }?;
        Ok(serde_json::json!({
            "files": set.files.into_iter().map(|f| FileValue { name: f.name, bytes_base64: base64(&f.bytes) }).collect::<Vec<_>>(),
            "substitutions": set.substitutions,
        }))
    })())
}

/// [`export`] for JavaScript.
#[wasm_bindgen(js_name = csvExport)]
pub fn csv_export(input: &str) -> String {
    export(input, false)
}

/// [`export`] (withdrawal) for JavaScript.
#[wasm_bindgen(js_name = csvWithdraw)]
pub fn csv_withdraw(input: &str) -> String {
    export(input, true)
}

/// The input of `table7`: the same body as `POST /v1/table7`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Table7Input {
    document: Box<RawValue>,
    /// The CSV text (a string) or the JSON form (an object).
    master: Box<RawValue>,
    terms: Box<RawValue>,
    #[serde(default)]
    explain: Option<careplan_api::table7::RowRef>,
}

/// 第7表 from `{"document", "master", "terms", "explain"?}` (as `POST
/// /v1/table7`): the value is `{"table7": {…}, "explanation"?: [...]}`.
#[wasm_bindgen]
pub fn table7(input: &str) -> String {
    answer((|| {
        let input: Table7Input = serde_json::from_str(input)
            .map_err(|e| bad("入力の形が違います", format!("not the input's shape: {e}")))?;
        let doc = careplan_api::validate::validate(input.document.get())?;
        let master = careplan_api::table7::master_raw(input.master.get())?;
        let terms = careplan_api::table7::terms(input.terms.get())?;
        careplan_api::table7::compute(&doc, &master, &terms, input.explain)
    })())
}

/// A file given to `csvImport`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileInput {
    name: String,
    bytes_base64: String,
}

/// Reads `[{name, bytes_base64}, …]`, files of any number of send sets: the
/// value is `{"documents": [{key, document}], "withdrawn": [key], "withdrawn_preventive": [key], "errors": [...]}`,
/// the same as `POST /v1/csv/import` gives.
#[wasm_bindgen(js_name = csvImport)]
pub fn csv_import(input: &str) -> String {
    use base64::Engine as _;
    answer((|| {
        let files: Vec<FileInput> = serde_json::from_str(input)
            .map_err(|e| bad("入力の形が違います", format!("not the input's shape: {e}")))?;
        let mut decoded = Vec::new();
        for f in files {
            let bytes = base64::engine::general_purpose::STANDARD
                .decode(f.bytes_base64.as_bytes())
                .map_err(|e| {
                    bad(
                        "base64 として読めません",
                        format!("{}: not base64: {e}", f.name),
                    )
                })?;
            decoded.push((f.name, bytes));
        }
        Ok(careplan_api::csv::import(decoded).body())
    })())
}

/// Standard base64 with padding, as `atob` and `Buffer.from(…, "base64")` read it.
fn base64(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> serde_json::Value {
        serde_json::from_str(s).unwrap()
    }

    #[test]
    fn results_are_values() {
        let plan = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../fixtures/plans/case-a.json"
        ))
        .unwrap();
        assert_eq!(
            parse(&validate(&plan)),
            serde_json::json!({"ok": true, "value": {"form": "kyotaku"}})
        );
        let bad = parse(&validate("{"));
        assert_eq!(bad["error"]["code"], "unreadable");
        assert_eq!(
            parse(&check(&plan))["value"]["findings"],
            serde_json::json!([])
        );
        assert_eq!(
            parse(&rules())["value"].as_array().unwrap().len(),
            careplan_api::check::rules().len()
        );
        // A 介護予防 plan validates and is checked with its own rules.
        let yobo = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../fixtures/yobo/check/Y1-007.json"
        ))
        .unwrap();
        assert_eq!(parse(&validate(&yobo))["value"]["form"], "yobo_plan");
        assert_eq!(
            parse(&check(&yobo))["value"]["findings"][0]["rule"],
            "Y1-007"
        );
        assert_eq!(parse(&schema("nope"))["error"]["code"], "bad_options");
        let committed = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../schema/plan.schema.json"
        ))
        .unwrap();
        assert_eq!(parse(&schema("plan"))["value"], parse(&committed));
        assert_eq!(
            parse(&format_wareki("2015-12-03"))["value"],
            "平成27年12月3日"
        );
        assert_eq!(
            parse(&parse_wareki("令和元年5月1日"))["value"],
            "2019-05-01"
        );
        assert_eq!(parse(&format_wareki("12/03/2015"))["ok"], false);
    }

    #[test]
    fn exports_are_the_apis_send_set() {
        let plan = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../fixtures/plans/case-a.json"
        ))
        .unwrap();
        let options =
            r#"{"from": "1234567890:43", "to": "0987654321:11", "timestamp": "20260401093000"}"#;
        let got = parse(&csv_export(&format!(
            r#"{{"documents": [{plan}], "options": {options}}}"#
        )));
        let request: ExportRequest = serde_json::from_str(options).unwrap();
        let doc = careplan_api::validate::validate(&plan).unwrap();
        let want = careplan_api::csv::export(&[doc], &request).unwrap();
        let files = got["value"]["files"].as_array().unwrap();
        assert_eq!(files.len(), want.files.len());
        for (f, w) in files.iter().zip(&want.files) {
            assert_eq!(f["name"], w.name.as_str());
            assert_eq!(f["bytes_base64"], base64(&w.bytes).as_str());
        }
        let bad = parse(&csv_export(&format!(
            r#"{{"documents": [{plan}, {{"status": "final"}}], "options": {options}}}"#
        )));
        assert_eq!(bad["error"]["code"], "invalid_document");
        assert_eq!(bad["error"]["violations"][0]["path"], "documents[1].table1");
        let back = parse(&csv_import(&serde_json::to_string(files).unwrap()));
        assert_eq!(back["value"]["errors"], serde_json::json!([]));
        // As careplan-api imports the same files (the CSV does not carry
        // everything a plan document holds: ids, links, 原案).
        let direct = careplan_api::csv::import(
            want.files
                .iter()
                .map(|f| (f.name.clone(), f.bytes.clone()))
                .collect(),
        );
        assert_eq!(
            back["value"]["documents"][0]["document"],
            parse(&direct.documents[0].document.to_json_pretty())
        );
        let withdrawn = parse(&csv_withdraw(&format!(
            r#"{{"documents": [{plan}], "options": {options}}}"#
        )));
        assert!(
            withdrawn["value"]["files"][0]["name"]
                .as_str()
                .unwrap()
                .starts_with("DLT1KYO_")
        );
    }

    #[test]
    fn base64_is_the_standard_one() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(&[0xff, 0xfe, 0x00, 0x82]), "//4Agg==");
    }
}
