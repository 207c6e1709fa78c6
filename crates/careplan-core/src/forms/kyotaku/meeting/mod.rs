//! 第4表 サービス担当者会議の要点: the minutes of one サービス担当者会議 (or
//! the record of one not held), as a typed document that keeps every rule
//! of the form. A document names itself with `"form": "kyotaku_meeting"`;
//! inside a case file ([`crate::forms::kyotaku::case_file`]) it may leave
//! the key out.
//!
//! The CSV standard does not exchange 第4表 (it is the care manager's own
//! record), so no field has a CSV home.
//!
//! ```
//! use careplan_core::forms::kyotaku::meeting::{Holding, Meeting};
//!
//! let json = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/meetings/case-a-first-meeting.json"))?;
//! let meeting = Meeting::from_json(&json)?;
//! let Holding::Held(session) = &meeting.parts().holding else { panic!("held") };
//! assert_eq!(session.place.as_str(), "利用者宅");
//! assert!(session.attendees.len() >= 5);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod fields;
mod texts;
mod validate;
pub mod wire;

use chrono::NaiveDate;

use crate::error::Error;
use crate::path::FieldPath;
use crate::text::Text;
use crate::time::TimeRange;

crate::code_enum! {
    /// 本人・家族の出席: what the bracket 【　】 takes.
    pub enum Attendance {
        /// 出席.
        Present = "present", "出席";
        /// 欠席.
        Absent = "absent", "欠席";
    }
}

/// The most 開催回数 a meeting can be numbered.
pub const MAX_MEETING_NUMBER: u16 = 999;

/// One 会議出席者.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attendee {
    /// 所属（職種）.
    pub affiliation: Text,
    /// 氏名.
    pub name: Text,
}

/// A 照会（依頼）: what was asked of someone who did not attend, and the answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inquiry {
    /// The day it was asked: not after the minutes were written.
    pub date: NaiveDate,
    /// 照会（依頼）内容.
    pub content: Option<Text>,
    /// 回答.
    pub answer: Option<Text>,
}

/// A サービス担当者 (or family member) who did not attend, with the reason
/// and the 照会 made instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Absentee {
    /// 所属（職種）.
    pub affiliation: Text,
    /// 氏名.
    pub name: Text,
    /// 欠席理由.
    pub reason: Option<Text>,
    /// 照会.
    pub inquiry: Option<Inquiry>,
}

/// The meeting as held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// 開催日: not after the 作成年月日.
    pub date: NaiveDate,
    /// 開催場所.
    pub place: Text,
    /// 開催時間, start before end.
    pub time: Option<TimeRange>,
    /// 開催回数 (第`n`回), 1 to [`MAX_MEETING_NUMBER`].
    pub number: Option<u16>,
    /// 会議出席者, at least one, in the order written.
    pub attendees: Vec<Attendee>,
    /// 本人：【出席・欠席】.
    pub user_attendance: Option<Attendance>,
    /// 家族：【出席・欠席】.
    pub family_attendance: Option<Attendance>,
    /// （続柄：　）.
    pub family_relation: Option<Text>,
    /// ※備考.
    pub remarks: Option<Text>,
    /// Held by テレビ電話装置等 (令和3年から), with whose consent.
    pub remote: Option<Remote>,
}

/// A meeting held by テレビ電話装置等.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Remote {
    /// Whose consent was obtained, and how (本人・家族が参加する場合は同意が必要).
    pub consent: Option<Text>,
}

/// Whether the meeting was held.
#[derive(Debug, Clone, PartialEq, Eq)]
// A meeting is made once per document; the held variant is not boxed.
#[allow(clippy::large_enum_variant)]
pub enum Holding {
    /// Held: when, where, who.
    Held(Session),
    /// Not held (やむを得ない理由): why; the 担当者 are then asked by 照会
    /// (their answers under [`MeetingParts::absentees`]).
    NotHeld {
        /// 開催しなかった理由.
        reason: Text,
    },
}

/// The parts of a 第4表, before they are checked together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingParts {
    /// 作成年月日.
    pub created_on: NaiveDate,
    /// 利用者名.
    pub user_name: Text,
    /// 居宅サービス計画作成者（担当者）氏名.
    pub planner_name: Text,
    /// Held, or not.
    pub holding: Holding,
    /// Who did not attend (or, for a meeting not held, every 担当者 asked),
    /// with the reason and the 照会. A meeting not held has at least one.
    pub absentees: Vec<Absentee>,
    /// 検討した項目.
    pub items: Text,
    /// 検討内容.
    pub discussion: Option<Text>,
    /// 結論.
    pub conclusion: Option<Text>,
    /// 残された課題（次回の開催時期）.
    pub remaining: Option<Text>,
}

/// A 第4表 that keeps every rule of the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meeting {
    parts: MeetingParts,
}

impl Meeting {
    /// Puts the parts together, checking every rule; all violations reported.
    pub fn new(parts: MeetingParts) -> Result<Meeting, Error> {
        validate::build(&validate::document(&parts), false)
    }

    /// Checks a document form.
    pub fn from_document(doc: &wire::MeetingDocument) -> Result<Meeting, Error> {
        validate::build(doc, false)
    }

    /// Checks a document form held by a case file (its `form` key may be
    /// left out); paths are the meeting's own.
    pub(crate) fn from_nested(doc: &wire::MeetingDocument) -> Result<Meeting, Error> {
        validate::build(doc, true)
    }

    /// Parses and checks the JSON form; every violation with its path.
    pub fn from_json(json: &str) -> Result<Meeting, Error> {
        validate::build(&wire::MeetingDocument::from_json(json)?, false)
    }

    /// The parts.
    pub fn parts(&self) -> &MeetingParts {
        &self.parts
    }

    /// The parts, to change and put together again.
    pub fn into_parts(self) -> MeetingParts {
        self.parts
    }

    /// The 開催日, when the meeting was held.
    pub fn held_on(&self) -> Option<NaiveDate> {
        match &self.parts.holding {
            Holding::Held(s) => Some(s.date),
            Holding::NotHeld { .. } => None,
        }
    }

    /// The document form (`form` written).
    pub fn to_document(&self) -> wire::MeetingDocument {
        validate::document(&self.parts)
    }

    /// Every printed text with the path of its field, in the order of the form.
    pub fn texts(&self) -> Vec<(FieldPath, &str)> {
        texts::texts(self, &FieldPath::root())
    }

    /// The same, with paths under `root` (the meeting's place in a case file).
    pub(crate) fn texts_under(&self, root: &FieldPath) -> Vec<(FieldPath, &str)> {
        texts::texts(self, root)
    }
}

crate::document::json_form!(Meeting);

impl<'de> serde::Deserialize<'de> for Meeting {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let doc = wire::MeetingDocument::deserialize(deserializer)?;
        validate::build(&doc, false).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fixtures between them fill every printed field: the walk over
    /// their texts is exactly the tables' printed-text fields.
    #[test]
    fn the_walk_is_exactly_the_printed_text_fields() {
        let docs: Vec<Meeting> = crate::fields::checks::fixture_texts("meetings")
            .iter()
            .map(|t| Meeting::from_json(t).unwrap())
            .collect();
        assert!(!docs.is_empty());
        crate::fields::checks::walk_is_printed_text(
            &fields::TABLES,
            docs.iter().flat_map(|d| d.texts()),
        );
    }
}
