//! 第5表 居宅介護支援経過: the care manager's dated log of contacts,
//! coordination and monitoring, as a typed document that keeps every rule
//! of the form. A document names itself with `"form": "kyotaku_progress"`;
//! inside a case file it may leave the key out.
//!
//! Entries are kept in the order written, which must be date order (and,
//! within a day, time order where both entries give a time): an entry
//! dated before the one above it is refused ([`crate::Rule::EntryOrder`]),
//! not sorted, because the order of a day's entries is the care manager's
//! and a silent reordering would hide a mistyped date.
//!
//! Each entry may say what kind of record it is and where it was made
//! (`kind`, `place`; not printed): the plan-check rules read them (a
//! month with no モニタリング at the user's home).
//!
//! ```
//! use careplan_core::forms::kyotaku::progress::{EntryKind, Progress};
//!
//! let json = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/progress/case-a-first-year.json"))?;
//! let log = Progress::from_json(&json)?;
//! assert!(log.parts().entries.len() >= 20);
//! assert!(log.parts().entries.iter().any(|e| e.kind == Some(EntryKind::Monitoring)));
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
use crate::time::TimeOfDay;

crate::code_enum! {
    /// What kind of record an entry is (not printed; for the checks).
    #[non_exhaustive]
    pub enum EntryKind {
        /// モニタリング: the user's and family's view, how far goals are met, whether the plan needs changing.
        Monitoring = "monitoring", "モニタリング";
        /// アセスメント.
        Assessment = "assessment", "アセスメント";
        /// サービス担当者会議 (its minutes are a 第4表).
        Meeting = "meeting", "サービス担当者会議";
        /// 照会: a question to a 担当者 or doctor, and the answer.
        Inquiry = "inquiry", "照会";
        /// 連絡・調整 with the user, family, doctors, providers.
        Contact = "contact", "連絡・調整";
        /// その他.
        Other = "other", "その他";
    }
}

crate::code_enum! {
    /// Where, or how, an entry's contact took place (not printed; for the checks).
    #[non_exhaustive]
    pub enum EntryPlace {
        /// 居宅訪問: at the user's home.
        Home = "home", "居宅訪問";
        /// テレビ電話装置等.
        Online = "online", "テレビ電話装置等";
        /// 電話.
        Phone = "phone", "電話";
        /// 来所: at the office.
        Office = "office", "来所";
        /// その他 (a hospital, a provider).
        Other = "other", "その他";
    }
}

/// One entry of the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// 年月日.
    pub date: NaiveDate,
    /// The time, when written (printed under the date).
    pub time: Option<TimeOfDay>,
    /// 項目 (since 令和3年).
    pub item: Option<Text>,
    /// 内容.
    pub content: Text,
    /// What kind of record it is.
    pub kind: Option<EntryKind>,
    /// Where, or how.
    pub place: Option<EntryPlace>,
}

/// The parts of a 第5表, before they are checked together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgressParts {
    /// 作成年月日.
    pub created_on: NaiveDate,
    /// 利用者名.
    pub user_name: Text,
    /// 居宅サービス計画作成者氏名.
    pub planner_name: Text,
    /// The entries, at least one, in date order.
    pub entries: Vec<Entry>,
}

/// A 第5表 that keeps every rule of the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    parts: ProgressParts,
}

impl Progress {
    /// Puts the parts together, checking every rule; all violations reported.
    pub fn new(parts: ProgressParts) -> Result<Progress, Error> {
        validate::build(&validate::document(&parts), false)
    }

    /// Checks a document form.
    pub fn from_document(doc: &wire::ProgressDocument) -> Result<Progress, Error> {
        validate::build(doc, false)
    }

    /// Checks a document form held by a case file (its `form` key may be left out).
    pub(crate) fn from_nested(doc: &wire::ProgressDocument) -> Result<Progress, Error> {
        validate::build(doc, true)
    }

    /// Parses and checks the JSON form; every violation with its path.
    pub fn from_json(json: &str) -> Result<Progress, Error> {
        validate::build(&wire::ProgressDocument::from_json(json)?, false)
    }

    /// The parts.
    pub fn parts(&self) -> &ProgressParts {
        &self.parts
    }

    /// The parts, to change and put together again.
    pub fn into_parts(self) -> ProgressParts {
        self.parts
    }

    /// The date the log runs to: its 作成年月日 or its last entry, whichever is later.
    pub fn as_of(&self) -> NaiveDate {
        self.parts
            .entries
            .last()
            .map_or(self.parts.created_on, |e| e.date.max(self.parts.created_on))
    }

    /// The document form (`form` written).
    pub fn to_document(&self) -> wire::ProgressDocument {
        validate::document(&self.parts)
    }

    /// Every printed text with the path of its field, in the order of the form.
    pub fn texts(&self) -> Vec<(FieldPath, &str)> {
        texts::texts(self, &FieldPath::root())
    }

    /// The same, with paths under `root` (the log's place in a case file).
    pub(crate) fn texts_under(&self, root: &FieldPath) -> Vec<(FieldPath, &str)> {
        texts::texts(self, root)
    }
}

crate::document::json_form!(Progress);

impl<'de> serde::Deserialize<'de> for Progress {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let doc = wire::ProgressDocument::deserialize(deserializer)?;
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
        let docs: Vec<Progress> = crate::fields::checks::fixture_texts("progress")
            .iter()
            .map(|t| Progress::from_json(t).unwrap())
            .collect();
        assert!(!docs.is_empty());
        crate::fields::checks::walk_is_printed_text(
            &fields::TABLES,
            docs.iter().flat_map(|d| d.texts()),
        );
    }
}
