//! 第5表's JSON form, field by field, before its rules are checked: every
//! field optional, unknown fields refused. What each field is, is in
//! [`super::fields`].

use serde::{Deserialize, Serialize};

use crate::document::Form;
use crate::error::Error;
use crate::forms::kyotaku::wire::structural;

/// 第5表 居宅介護支援経過: a document with `"form": "kyotaku_progress"`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)] // the field tables document every field
pub struct ProgressDocument {
    /// A schema reference for editors; ignored.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_on: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planner_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entries: Option<Vec<ProgressEntryDoc>>,
}

crate::document_type! {
    /// One entry of the log.
    pub struct ProgressEntryDoc {
        date: String,
        time: String,
        item: String,
        content: String,
        kind: String,
        place: String,
    }
}

impl ProgressDocument {
    /// Reads the JSON text into the document form; malformed JSON and JSON
    /// of the wrong shape give one violation with the path where reading stopped.
    pub fn from_json(json: &str) -> Result<ProgressDocument, Error> {
        let de = &mut serde_json::Deserializer::from_str(json);
        serde_path_to_error::deserialize(de).map_err(|e| structural(e, Form::Progress))
    }
}
