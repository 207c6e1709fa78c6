//! 第4表's JSON form, field by field, before its rules are checked: every
//! field optional, unknown fields refused. What each field is, is in
//! [`super::fields`].

use serde::{Deserialize, Serialize};

use crate::document::Form;
use crate::error::Error;
use crate::forms::kyotaku::wire::structural;

/// 第4表 サービス担当者会議の要点: a document with `"form": "kyotaku_meeting"`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)] // the field tables document every field
pub struct MeetingDocument {
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
    pub held: Option<MeetingHeldDoc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_held: Option<MeetingNotHeldDoc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub absentees: Option<Vec<MeetingAbsenteeDoc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discussion: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conclusion: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remaining: Option<String>,
}

crate::document_type! {
    /// 開催: the meeting as held.
    pub struct MeetingHeldDoc {
        date: String,
        place: String,
        start: String,
        end: String,
        number: u16,
        attendees: Vec<MeetingAttendeeDoc>,
        user_attendance: String,
        family_attendance: String,
        family_relation: String,
        remarks: String,
        remote: MeetingRemoteDoc,
    }
}

crate::document_type! {
    /// テレビ電話装置等の活用.
    pub struct MeetingRemoteDoc {
        consent: String,
    }
}

crate::document_type! {
    /// 会議出席者.
    pub struct MeetingAttendeeDoc {
        affiliation: String,
        name: String,
    }
}

crate::document_type! {
    /// 欠席者 (or a 担当者 asked by 照会).
    pub struct MeetingAbsenteeDoc {
        affiliation: String,
        name: String,
        reason: String,
        inquiry: MeetingInquiryDoc,
    }
}

crate::document_type! {
    /// 照会: what was asked, and the answer.
    pub struct MeetingInquiryDoc {
        date: String,
        content: String,
        answer: String,
    }
}

crate::document_type! {
    /// 開催しなかった場合.
    pub struct MeetingNotHeldDoc {
        reason: String,
    }
}

impl MeetingDocument {
    /// Reads the JSON text into the document form; malformed JSON and JSON
    /// of the wrong shape give one violation with the path where reading stopped.
    pub fn from_json(json: &str) -> Result<MeetingDocument, Error> {
        let de = &mut serde_json::Deserializer::from_str(json);
        serde_path_to_error::deserialize(de).map_err(|e| structural(e, Form::Meeting))
    }
}
