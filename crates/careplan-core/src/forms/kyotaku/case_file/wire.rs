//! The case file's JSON form: each part the document it would be on its own.

use serde::{Deserialize, Serialize};

use crate::document::Form;
use crate::error::Error;
use crate::forms::kyotaku::meeting::wire::MeetingDocument;
use crate::forms::kyotaku::progress::wire::ProgressDocument;
use crate::forms::kyotaku::usage::wire::UsageDocument;
use crate::forms::kyotaku::wire::{PlanDocument, structural};

/// A case file: a document with `"form": "case_file"`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)] // the field tables document every field
pub struct CaseFileDocument {
    /// A schema reference for editors; ignored.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<PlanDocument>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meetings: Option<Vec<MeetingDocument>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<ProgressDocument>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<Vec<UsageDocument>>,
}

impl CaseFileDocument {
    /// Reads the JSON text into the document form; malformed JSON and JSON
    /// of the wrong shape give one violation with the path where reading stopped.
    pub fn from_json(json: &str) -> Result<CaseFileDocument, Error> {
        let de = &mut serde_json::Deserializer::from_str(json);
        serde_path_to_error::deserialize(de).map_err(|e| structural(e, Form::CaseFile))
    }
}
