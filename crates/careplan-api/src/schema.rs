//! The JSON Schemas (2020-12) of the documents careplan reads and writes.

use careplan_schema::Kind;

use crate::{ApiError, ErrorCode};

/// `{"$ref": "#/components/schemas/Document"}`: a document of any form
/// (the 居宅サービス計画書, or a form that names itself with `form`), as the
/// HTTP service's OpenAPI contract names it, for a request or result type's
/// field that holds a document (`#[schemars(schema_with = …)]`).
#[cfg(feature = "schema")]
pub fn document_component(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({ "$ref": "#/components/schemas/Document" })
}

/// A サービスコード master as the OpenAPI contract takes it: its CSV text
/// (a string), or its JSON form (`ServiceCodes`).
#[cfg(feature = "schema")]
pub fn master_component(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "oneOf": [
            { "type": "string", "description": "CSV: the header `code,name,units,rate_permille,per,limit_managed,fixed_burden_yen,valid_from,valid_to,source` (or version 1's, without fixed_burden_yen), then one row a line." },
            { "$ref": "#/components/schemas/ServiceCodes" }
        ]
    })
}

/// The terms of 第7表 as the OpenAPI contract names them (`Table7Terms`).
#[cfg(feature = "schema")]
pub fn terms_component(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({ "$ref": "#/components/schemas/Table7Terms" })
}

/// The names of the schema kinds, as `--kind` and the HTTP route take them.
pub fn kinds() -> Vec<&'static str> {
    Kind::ALL.iter().map(|k| k.name()).collect()
}

/// The schema of the document kind `name` (one of [`kinds`]: `plan`,
/// `yobo-plan`, `kyotaku-meeting`, `case-file`, `check-report` …) as pretty JSON ending in a newline, as committed under
/// `schema/`.
pub fn schema(name: &str) -> Result<String, ApiError> {
    let kind = Kind::from_name(name).ok_or_else(|| {
        ApiError::new(
            ErrorCode::BadOptions,
            format!(
                "スキーマの種類 {name} はありません（{}）",
                kinds().join(", ")
            ),
            format!("no schema kind {name} ({})", kinds().join(", ")),
        )
    })?;
    careplan_schema::schema_text(kind).map_err(|e| {
        ApiError::new(
            ErrorCode::Internal,
            format!("スキーマを作れません（careplan の不具合です）: {e}"),
            format!("the schema could not be made (a careplan bug): {e}"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_schema() {
        for k in kinds() {
            assert!(schema(k).unwrap().contains("2020-12"));
        }
        assert_eq!(schema("nope").unwrap_err().code, ErrorCode::BadOptions);
    }
}
