//! The request and response bodies of the service that are its own (the
//! documents, reports and options are careplan-api's and careplan-core's).

use careplan_api::csv::ExportRequest;
use careplan_api::render::RenderRequest;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

/// A list of documents (of one form: the standard sends each form as its
/// own send set).
fn plans_ref(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "type": "array",
        "items": { "$ref": "#/components/schemas/Document" },
        "minItems": 1
    })
}

/// `POST /v1/render`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RenderBody {
    /// The document to print (any form careplan prints).
    #[schemars(schema_with = "careplan_api::schema::document_component")]
    pub document: Box<RawValue>,
    /// How to print it; absent: every sheet, as the form prints it.
    #[serde(default)]
    pub options: RenderRequest,
}

/// `POST /v1/table7`: a 第6表, the サービスコード master and the terms.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Table7Body {
    /// The 第6表 (`"form": "kyotaku_usage"`).
    #[schemars(schema_with = "careplan_api::schema::document_component")]
    pub document: Box<RawValue>,
    /// The サービスコード master: the CSV text (a string), or the JSON form
    /// (`{"format": "careplan-service-codes", "version": 2, "rows": […]}`).
    #[schemars(schema_with = "careplan_api::schema::master_component")]
    pub master: Box<RawValue>,
    /// The terms: `burden_tenths`, `offices` (each with its `area_grade`, and
    /// any `discounts` and `prices`), and optionally `basis`, `kind_limits`,
    /// `allocation` (`careplan table7 --help`).
    #[schemars(schema_with = "careplan_api::schema::terms_component")]
    pub terms: Box<RawValue>,
    /// A row to explain, column by column.
    #[serde(default)]
    pub explain: Option<careplan_api::table7::RowRef>,
}

/// How to write a send set: `timestamp` may be left out (the service then
/// uses the time of the request in Japan time, and the output depends on
/// it: give it for reproducible bytes).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CsvOptions {
    /// 送信元: 事業所番号:サービス種類コード (`1234567890:43`).
    pub from: String,
    /// 送信先: 事業所番号:サービス種類コード (`0987654321:11`).
    pub to: String,
    /// The shared 14-digit timestamp `YYYYMMDDHHMMSS` of the send set.
    #[serde(default)]
    pub timestamp: Option<String>,
    /// Repeat need and goal values on every 第2表 row.
    #[serde(default)]
    pub repeat_values: bool,
    /// Replace JIS-side marks MS932 lacks (〜→～, −→－ …), each reported in
    /// the `x-careplan-substitutions` header.
    #[serde(default)]
    pub jis_substitutions: bool,
    /// For 第6表 (`kyotaku_usage`): the master and terms of its 第7表, which
    /// give each record's 単位数 (required for them).
    #[serde(default)]
    pub table7: Option<careplan_api::render::Table7Inputs>,
    /// For 第6表: write the 送信元's 実績 (UPJSK; withdraw: DLTJSK) rather than
    /// the plan (UPHOSOKU + UPPLAN; withdraw: DLTPLAN).
    #[serde(default)]
    pub actuals: bool,
}

impl CsvOptions {
    /// The API's request, `now` standing in for a missing timestamp.
    pub fn request(&self, now: impl FnOnce() -> String) -> ExportRequest {
        ExportRequest {
            from: self.from.clone(),
            to: self.to.clone(),
            timestamp: self.timestamp.clone().unwrap_or_else(now),
            repeat_values: self.repeat_values,
            jis_substitutions: self.jis_substitutions,
            table7: self.table7.clone(),
            actuals: self.actuals,
        }
    }
}

/// `POST /v1/csv/export` and `POST /v1/csv/withdraw`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CsvBody {
    /// The plans of the send set (or to withdraw).
    #[schemars(schema_with = "plans_ref")]
    pub documents: Vec<Box<RawValue>>,
    /// Endpoints, timestamp and choices.
    pub options: CsvOptions,
}

/// A document that has passed every rule of its form.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Valid {
    /// Always `valid`.
    pub status: String,
    /// The form's code (`kyotaku`).
    pub form: String,
    /// The form's name (`居宅サービス計画書`).
    pub form_ja: String,
}

/// `GET /health`.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Health {
    /// `ready`, `starting` (fonts still loading) or `draining` (shutting down).
    pub status: String,
}

/// `GET /version`.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Version {
    /// `careplan`.
    pub name: String,
    /// The version of careplan.
    pub version: String,
    /// The `$id` of each document format's schema.
    pub formats: Vec<String>,
    /// The forms careplan reads, by code.
    pub forms: Vec<String>,
    /// The CSV standard careplan exchanges.
    pub csv_standard: String,
    /// The font families the renderer has (empty while starting).
    pub fonts: Vec<String>,
}
