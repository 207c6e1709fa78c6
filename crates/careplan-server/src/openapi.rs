//! The OpenAPI 3.1 contract of the service, made from the same schemars
//! types as `schema/*.json`: the document schemas of careplan-schema
//! (their `$defs` lifted into `components/schemas`, named `Plan.UserDoc`
//! and so on), `Document` (one of the plan schemas: what validate, check
//! and render take) and the service's own request, response and problem
//! types. Committed as `openapi/careplan.openapi.json`; a test keeps
//! the file equal to this (`UPDATE_OPENAPI=1 cargo test -p careplan-server`
//! rewrites it).

use careplan_api::check::RuleDescription;
use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
use serde_json::{Map, Value, json};

use crate::problem::Problem;
use crate::wire::{CsvBody, Health, RenderBody, Table7Body, Valid, Version};
use careplan_api::csv::ImportBody;

/// The document schemas, by kind and component name. A document made of
/// others (the case file) comes after them.
const DOCUMENTS: [(&str, &str); 11] = [
    ("plan", "Plan"),
    ("yobo-plan", "YoboPlan"),
    ("yobo-kihon", "YoboKihon"),
    ("kyotaku-meeting", "Meeting"),
    ("kyotaku-progress", "Progress"),
    ("case-file", "CaseFile"),
    ("kyotaku-usage", "Usage"),
    ("validation-report", "ValidationReport"),
    ("check-report", "CheckReport"),
    ("table7-terms", "Table7Terms"),
    ("service-codes", "ServiceCodes"),
];

/// `"#/$defs/X"` → `"#/components/schemas/<target(X)>"` and `"#"` →
/// `"#/components/schemas/<root>"`, everywhere in `v`.
fn rewrite_refs(v: &mut Value, root: &str, target: &dyn Fn(&str) -> String) {
    match v {
        Value::Object(map) => {
            for (k, child) in map.iter_mut() {
                if k == "$ref"
                    && let Value::String(s) = child
                {
                    if s == "#" {
                        *s = format!("#/components/schemas/{root}");
                    } else if let Some(name) = s.strip_prefix("#/$defs/") {
                        *s = format!("#/components/schemas/{}", target(name));
                    }
                } else {
                    rewrite_refs(child, root, target);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|i| rewrite_refs(i, root, target)),
        _ => {}
    }
}

/// The `$defs` names `v` refers to.
fn def_refs(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            if let Some(Value::String(s)) = map.get("$ref")
                && let Some(name) = s.strip_prefix("#/$defs/")
            {
                out.push(name.to_owned());
            }
            map.values().for_each(|c| def_refs(c, out));
        }
        Value::Array(items) => items.iter().for_each(|i| def_refs(i, out)),
        _ => {}
    }
}

/// The documents lifted so far: each one's component name and its raw `$defs`.
type Lifted = Vec<(String, Map<String, Value>)>;

/// Which of `defs` an earlier document already holds, to the letter and
/// with every definition they refer to (transitively) the same there too:
/// each such name → the earlier document's component name. So the case
/// file's plan parts are `Plan.Table1Doc` …, not copies under new names.
fn shared_defs(defs: &Map<String, Value>, lifted: &Lifted) -> Vec<(String, String)> {
    let mut shared: Vec<(String, String)> = Vec::new();
    for (prefix, earlier) in lifted {
        let mut same: Vec<&String> = defs
            .iter()
            .filter(|(name, body)| {
                earlier.get(name.as_str()) == Some(*body) && !shared.iter().any(|(n, _)| n == *name)
            })
            .map(|(name, _)| name)
            .collect();
        // Drop those that refer to a definition not the same there.
        loop {
            let before = same.len();
            let kept: Vec<&String> = same
                .iter()
                .copied()
                .filter(|name| {
                    let mut refs = Vec::new();
                    if let Some(body) = defs.get(name.as_str()) {
                        def_refs(body, &mut refs);
                    }
                    refs.iter().all(|r| same.contains(&r))
                })
                .collect();
            same = kept;
            if same.len() == before {
                break;
            }
        }
        shared.extend(same.into_iter().map(|n| (n.clone(), prefix.clone())));
    }
    shared
}

/// A document schema as components: the root as `name`, each of its
/// `$defs` as `name.Def`; with `share`, but for those an earlier document
/// holds the same (which keep the earlier name). Only the case file shares:
/// the other documents' component names stay as they were published.
fn lift(
    mut schema: Value,
    name: &str,
    share: bool,
    components: &mut Map<String, Value>,
    lifted: &mut Lifted,
) {
    let Some(root) = schema.as_object_mut() else {
        return;
    };
    // Refs resolve against the document, not the schema's own `$id`.
    root.remove("$schema");
    root.remove("$id");
    let defs = match root.remove("$defs") {
        Some(Value::Object(defs)) => defs,
        _ => Map::new(),
    };
    let shared = if share {
        shared_defs(&defs, lifted)
    } else {
        Vec::new()
    };
    let target = |def: &str| match shared.iter().find(|(n, _)| n == def) {
        Some((_, prefix)) => format!("{prefix}.{def}"),
        None => format!("{name}.{def}"),
    };
    for (def, body) in &defs {
        if shared.iter().any(|(n, _)| n == def) {
            continue;
        }
        let mut body = body.clone();
        rewrite_refs(&mut body, name, &target);
        components.insert(format!("{name}.{def}"), body);
    }
    rewrite_refs(&mut schema, name, &target);
    components.insert(name.to_owned(), schema);
    lifted.push((name.to_owned(), defs));
}

/// The service's own types, with their definitions.
fn own_types(components: &mut Map<String, Value>) {
    let mut settings = SchemaSettings::draft2020_12();
    settings.definitions_path = "/components/schemas".into();
    let mut generator = settings.into_generator();
    let mut add = |name: &str, schema: schemars::Schema| {
        components.insert(name.to_owned(), schema.to_value());
    };
    add("Problem", Problem::json_schema(&mut generator));
    add("Valid", Valid::json_schema(&mut generator));
    add("RenderBody", RenderBody::json_schema(&mut generator));
    add("CsvBody", CsvBody::json_schema(&mut generator));
    add("Table7Body", Table7Body::json_schema(&mut generator));
    add(
        "Table7Report",
        careplan_api::table7::Table7Report::json_schema(&mut generator),
    );
    add("ImportBody", ImportBody::json_schema(&mut generator));
    add("Health", Health::json_schema(&mut generator));
    add("Version", Version::json_schema(&mut generator));
    add("Rule", RuleDescription::json_schema(&mut generator));
    components.insert(
        "Rules".to_owned(),
        json!({ "type": "array", "items": schema_ref("Rule") }),
    );
    for (name, schema) in generator.take_definitions(true) {
        components.insert(name, schema);
    }
}

fn schema_ref(name: &str) -> Value {
    json!({ "$ref": format!("#/components/schemas/{name}") })
}

/// A problem response.
fn problem(description: &str) -> Value {
    json!({
        "description": description,
        "headers": { "x-request-id": { "$ref": "#/components/headers/RequestId" } },
        "content": { "application/problem+json": { "schema": schema_ref("Problem") } }
    })
}

/// A problem response that may be retried.
fn retry(description: &str) -> Value {
    json!({
        "description": description,
        "headers": {
            "x-request-id": { "$ref": "#/components/headers/RequestId" },
            "Retry-After": { "$ref": "#/components/headers/RetryAfter" }
        },
        "content": { "application/problem+json": { "schema": schema_ref("Problem") } }
    })
}

fn ok(description: &str, media: &str, schema: Value) -> Value {
    json!({
        "description": description,
        "headers": { "x-request-id": { "$ref": "#/components/headers/RequestId" } },
        "content": { media: { "schema": schema } }
    })
}

fn binary() -> Value {
    json!({ "type": "string", "format": "binary" })
}

/// The responses of a route that works on a JSON body.
fn work_responses(success: Value, invalid: &str) -> Value {
    json!({
        "200": success,
        "400": problem("The body is not JSON, not UTF-8, or not of the shape asked for; or an option is wrong (code `malformed_request` or `bad_options`)."),
        "413": problem("The body is over the limit (`payload_too_large`)."),
        "415": problem("Content-Type is not `application/json` (`unsupported_media_type`)."),
        "422": problem(invalid),
        "429": retry("Too many requests at work, or the render queue is full (`queue_full`)."),
        "500": problem("A fault in careplan (`internal`)."),
        "503": retry("Over the time budget (`timeout`), or not ready yet (`not_ready`).")
    })
}

fn json_body(schema: Value) -> Value {
    json!({ "required": true, "content": { "application/json": { "schema": schema } } })
}

fn paths() -> Value {
    let invalid = "The document breaks rules of its form: `violations` lists every one, as `careplan validate --format json` does (code `invalid_document`).";
    json!({
        "/v1/validate": { "post": {
            "operationId": "validate",
            "summary": "Check a document against every rule of its form / 計画書を検証する",
            "requestBody": json_body(schema_ref("Document")),
            "responses": work_responses(ok("The document is valid.", "application/json", schema_ref("Valid")), invalid)
        }},
        "/v1/check": { "post": {
            "operationId": "check",
            "summary": "Apply the plan-check rules (ケアプラン点検) / 点検規則を適用する",
            "requestBody": json_body(schema_ref("Document")),
            "responses": work_responses(ok("The findings (a finding is not an error: the status is 200).", "application/json", schema_ref("CheckReport")), invalid)
        }},
        "/v1/table7": { "post": {
            "operationId": "table7",
            "summary": "Compute 第7表 サービス利用票別表 from a 第6表, a service-code master and the terms / 第7表を計算する",
            "description": "Every column of every row (units and yen as integers, 単位数単価 in sen), the 種類別支給限度管理 and 短期入所利用日数; with `explain`, how each column of one row was obtained. Paths of violations are relative to `document`; of the terms, under `terms`.",
            "requestBody": json_body(schema_ref("Table7Body")),
            "responses": work_responses(ok("第7表.", "application/json", schema_ref("Table7Report")), "The 第6表 breaks rules of its form (`invalid_document`), the master cannot be read (`bad_master`, each problem with its line and column), or 第7表 cannot be computed (`cannot_compute`: a code the master lacks, an office without its 地域区分, an allocation that breaks its invariants), each cause with its path.")
        }},
        "/v1/check/rules": { "get": {
            "operationId": "listRules",
            "summary": "Every plan-check rule / 点検規則の一覧",
            "responses": { "200": ok("The rules, in ID order.", "application/json", schema_ref("Rules")) }
        }},
        "/v1/check/rules/{id}": { "get": {
            "operationId": "explainRule",
            "summary": "One plan-check rule / 点検規則の説明",
            "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" }, "example": "T2-004" }],
            "responses": {
                "200": ok("The rule.", "application/json", schema_ref("Rule")),
                "404": problem("No such rule (`not_found`).")
            }
        }},
        "/v1/render": { "post": {
            "operationId": "render",
            "summary": "Print a document as PDF in the official layout (or its pages as PNG) / 帳票を印刷する",
            "description": "Paths of violations are relative to `document`. A character no font has is refused (422, `missing_glyphs`) unless `options.allow_missing_glyphs`; then the PDF comes with `x-careplan-missing-glyphs`.",
            "requestBody": json_body(schema_ref("RenderBody")),
            "responses": work_responses(json!({
                "description": "The PDF; with `options.png_scale`, a ZIP of the pages as PNG (`page-1.png` …).",
                "headers": {
                    "x-request-id": { "$ref": "#/components/headers/RequestId" },
                    "x-careplan-page-count": { "description": "Pages printed.", "schema": { "type": "integer" } },
                    "x-careplan-missing-glyph-count": { "description": "Characters drawn although no font has them.", "schema": { "type": "integer" } },
                    "x-careplan-missing-glyphs": { "description": "The first 100 of them as JSON (ASCII, `\\u` escapes): `[{\"path\", \"character\"}]`.", "schema": { "type": "string" } }
                },
                "content": {
                    "application/pdf": { "schema": binary() },
                    "application/zip": { "schema": binary() }
                }
            }), "The document breaks rules of its form (`invalid_document`, with `violations`), or has characters no font has (`missing_glyphs`, with `causes`).")
        }},
        "/v1/csv/export": { "post": {
            "operationId": "csvExport",
            "summary": "Write plans as one send set of ケアプランデータ連携 第4.1版 / 送信ファイルを作る",
            "description": "The ZIP holds the files named as the standard names them (UPHOSOKU, UP1KYO …), MS932 with CRLF, each stamped with the timestamp. Paths of violations start with `documents[i]`.",
            "requestBody": json_body(schema_ref("CsvBody")),
            "responses": work_responses(zip_response(), "A document breaks rules (`invalid_document`), a character MS932 cannot carry (`unencodable`), more than the standard's 99 rows (`too_many`), or nothing to write (`nothing_to_write`).")
        }},
        "/v1/csv/withdraw": { "post": {
            "operationId": "csvWithdraw",
            "summary": "Write DLT1KYO to withdraw plans already sent / 取り下げファイルを作る",
            "requestBody": json_body(schema_ref("CsvBody")),
            "responses": work_responses(zip_response(), "A document breaks rules (`invalid_document`), or nothing to write (`nothing_to_write`).")
        }},
        "/v1/csv/import": { "post": {
            "operationId": "csvImport",
            "summary": "Read send sets back into documents / 受信ファイルを読み込む",
            "description": "A ZIP of the files, or multipart/form-data with one part a file (a part named *.zip is unpacked). Files of any number of send sets, in any order. Problems in the files are not an HTTP error: they are listed in `errors`, each placed by file, line and field.",
            "requestBody": { "required": true, "content": {
                "application/zip": { "schema": binary() },
                "multipart/form-data": { "schema": {
                    "type": "object",
                    "properties": { "files": { "type": "array", "items": binary() } }
                }}
            }},
            "responses": {
                "200": ok("Every document read whole, the withdrawals, and every problem.", "application/json", schema_ref("ImportBody")),
                "400": problem("Not a readable ZIP or multipart body, or no files in it (`malformed_request`)."),
                "413": problem("The body, or what the ZIP unpacks to, is over the limit (`payload_too_large`)."),
                "415": problem("Content-Type is not application/zip or multipart/form-data (`unsupported_media_type`)."),
                "429": retry("Too many requests at work (`queue_full`)."),
                "500": problem("A fault in careplan (`internal`)."),
                "503": retry("Over the time budget (`timeout`).")
            }
        }},
        "/v1/schema/{kind}": { "get": {
            "operationId": "schema",
            "summary": "The JSON Schema (2020-12) of a document kind / JSON スキーマ",
            "parameters": [{ "name": "kind", "in": "path", "required": true,
                "schema": { "type": "string", "enum": careplan_api::schema::kinds() } }],
            "responses": {
                "200": ok("The schema, as committed under schema/.", "application/schema+json", json!({ "type": "object" })),
                "404": problem("No such kind (`not_found`).")
            }
        }},
        "/health": {
            "get": {
                "operationId": "health",
                "summary": "Ready to serve? / 稼働状況",
                "responses": {
                    "200": ok("Ready.", "application/json", schema_ref("Health")),
                    "503": ok("Starting (fonts loading) or draining (shutting down).", "application/json", schema_ref("Health"))
                }
            },
            "head": {
                "operationId": "healthHead",
                "summary": "Ready to serve? (status only)",
                "responses": {
                    "200": { "description": "Ready." },
                    "503": { "description": "Starting or draining." }
                }
            }
        },
        "/version": { "get": {
            "operationId": "version",
            "summary": "Versions of careplan, its formats and its standard / バージョン",
            "responses": { "200": ok("The versions.", "application/json", schema_ref("Version")) }
        }},
        "/metrics": { "get": {
            "operationId": "metrics",
            "summary": "Prometheus metrics",
            "responses": { "200": ok("Counts in the Prometheus text format 0.0.4.", "text/plain", json!({ "type": "string" })) }
        }},
        "/openapi.json": { "get": {
            "operationId": "openapi",
            "summary": "This contract",
            "responses": { "200": ok("The OpenAPI 3.1 document.", "application/json", json!({ "type": "object" })) }
        }}
    })
}

fn zip_response() -> Value {
    json!({
        "description": "The send set as a ZIP archive.",
        "headers": {
            "x-request-id": { "$ref": "#/components/headers/RequestId" },
            "x-careplan-substitutions": { "description": "With `jis_substitutions`: the first 100 characters replaced, as JSON (ASCII, `\\u` escapes): `[{\"path\", \"from\", \"to\"}]`.", "schema": { "type": "string" } }
        },
        "content": { "application/zip": { "schema": binary() } }
    })
}

/// The contract.
pub fn document() -> Value {
    let mut components = Map::new();
    let mut lifted = Lifted::new();
    for (kind, name) in DOCUMENTS {
        if let Some(schema) = careplan_api::schema::schema(kind)
            .ok()
            .and_then(|t| serde_json::from_str::<Value>(&t).ok())
        {
            lift(
                schema,
                name,
                kind == "case-file",
                &mut components,
                &mut lifted,
            );
        }
    }
    // A document of any form: the 居宅 plan has no `form` key and refuses
    // unknown keys, every other form requires its own `form` value, so
    // exactly one branch matches.
    components.insert(
        "Document".to_owned(),
        json!({
            "title": "計画書（いずれかの様式）",
            "description": "A document of any form careplan reads: the 居宅サービス計画書 (no `form` key) or a form that names itself with `form` (`yobo_plan`: 介護予防サービス・支援計画書; `yobo_kihon`: 利用者基本情報; `kyotaku_meeting`: 第4表 サービス担当者会議の要点; `kyotaku_progress`: 第5表 居宅介護支援経過; `case_file`: a plan with its 第4表 and 第5表; `kyotaku_usage`: 第6表 サービス利用票).",
            "oneOf": [
                schema_ref("Plan"),
                schema_ref("YoboPlan"),
                schema_ref("YoboKihon"),
                schema_ref("Meeting"),
                schema_ref("Progress"),
                schema_ref("CaseFile"),
                schema_ref("Usage")
            ]
        }),
    );
    own_types(&mut components);
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "careplan",
            "version": env!("CARGO_PKG_VERSION"),
            "summary": "Validate, check, print and exchange Japanese care plans (居宅サービス計画書 第1表–第3表).",
            "description": "Errors are application/problem+json (RFC 9457) with a stable `code`, `message_ja` and `message_en`, and `detail` in the language of Accept-Language (Japanese unless English comes first). Every response has `x-request-id` (the client's, or a new UUID). The service keeps no state between requests.\n\n居宅サービス計画書（第1表〜第3表）の検証・点検・印刷・ケアプランデータ連携を行う HTTP サービスです。",
            "license": { "name": "MIT OR Apache-2.0", "identifier": "MIT OR Apache-2.0" }
        },
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "paths": paths(),
        "components": {
            "schemas": components,
            "headers": {
                "RequestId": { "description": "The request's id: the client's `x-request-id`, or a new UUID. Every log line of the request carries it.", "schema": { "type": "string" } },
                "RetryAfter": { "description": "Seconds to wait before trying again.", "schema": { "type": "integer" } }
            }
        }
    })
}

/// The contract as pretty JSON ending in a newline, as committed.
pub fn text() -> String {
    let mut t = serde_json::to_string_pretty(&document()).unwrap_or_default();
    t.push('\n');
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `$ref` of the document points at a component that exists.
    #[test]
    fn every_reference_resolves() {
        fn refs<'a>(v: &'a Value, out: &mut Vec<&'a str>) {
            match v {
                Value::Object(m) => {
                    for (k, c) in m {
                        match (k.as_str(), c) {
                            ("$ref", Value::String(s)) => out.push(s),
                            _ => refs(c, out),
                        }
                    }
                }
                Value::Array(a) => a.iter().for_each(|c| refs(c, out)),
                _ => {}
            }
        }
        let doc = document();
        let mut all = Vec::new();
        refs(&doc, &mut all);
        assert!(all.len() > 50, "{}", all.len());
        for r in all {
            let pointer = r.strip_prefix('#').unwrap();
            assert!(doc.pointer(pointer).is_some(), "{r} does not resolve");
        }
        assert!(doc["components"]["schemas"]["Plan.UserDoc"].is_object());
        assert!(doc["components"]["schemas"]["ViolationRecord"].is_object());
    }
}
