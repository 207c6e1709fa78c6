//! The whole plan: its three sheets put together and checked as one.

use chrono::NaiveDate;

use super::{Table1, Table2, Table3, validate, wire};
use crate::error::Error;
use crate::path::FieldPath;

crate::code_enum! {
    /// Whether the plan is the draft (原案) discussed with the user and team,
    /// or the agreed plan.
    pub enum PlanStatus {
        /// 原案: printed with 「原案」.
        Draft = "draft", "原案";
        /// The agreed, final plan.
        Final = "final", "確定";
    }
}

/// The parts of a plan, before they are checked together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanParts {
    /// Draft or final.
    pub status: PlanStatus,
    /// 第1表.
    pub table1: Table1,
    /// 第2表.
    pub table2: Table2,
    /// 第3表.
    pub table3: Table3,
}

/// A home care plan (居宅サービス計画書 第1表–第3表) that keeps every rule of
/// the form. It can only be made by [`CarePlan::new`] or by deserialising
/// its JSON form, both of which check every rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CarePlan {
    parts: PlanParts,
}

impl CarePlan {
    /// Puts the parts together, checking every rule that spans fields:
    /// date order, periods inside their parents, 第3表 references, the
    /// conditions of 認定済 and of 原案. All violations are reported.
    pub fn new(parts: PlanParts) -> Result<CarePlan, Error> {
        validate::build(&wire::PlanDocument::from_parts(&parts))
    }

    pub(crate) fn from_checked_parts(parts: PlanParts) -> CarePlan {
        CarePlan { parts }
    }

    /// Draft or final.
    pub fn status(&self) -> PlanStatus {
        self.parts.status
    }

    /// 第1表.
    pub fn table1(&self) -> &Table1 {
        &self.parts.table1
    }

    /// 第2表.
    pub fn table2(&self) -> &Table2 {
        &self.parts.table2
    }

    /// 第3表.
    pub fn table3(&self) -> &Table3 {
        &self.parts.table3
    }

    /// The parts, to change and put together again with [`CarePlan::new`].
    pub fn into_parts(self) -> PlanParts {
        self.parts
    }

    /// A reference to the parts.
    pub fn parts(&self) -> &PlanParts {
        &self.parts
    }

    /// 作成年月日 of 第2表 (its own, or 第1表's).
    pub fn table2_created_on(&self) -> NaiveDate {
        self.parts
            .table2
            .created_on
            .unwrap_or(self.parts.table1.created_on)
    }

    /// 作成年月日 of 第3表 (its own, or 第1表's).
    pub fn table3_created_on(&self) -> NaiveDate {
        self.parts
            .table3
            .created_on
            .unwrap_or(self.parts.table1.created_on)
    }

    /// The user's age on 作成年月日, as printed beside the birth date.
    pub fn user_age(&self) -> Option<u32> {
        crate::wareki::age_on(
            self.parts.table1.user.birth_date,
            self.parts.table1.created_on,
        )
    }

    /// Every printed text of the plan with the path of its field, in the
    /// order of the form: what must appear in the PDF, what the fonts must
    /// draw, what MS932 must carry. The fields are those of the field tables
    /// whose format is printed text ([`crate::fields::Format::is_printed_text`]).
    pub fn texts(&self) -> Vec<(FieldPath, &str)> {
        super::texts::texts(self)
    }

    /// Parses and checks a plan from its JSON form. Every rule violation is
    /// reported with its path; malformed JSON gives one violation.
    pub fn from_json(json: &str) -> Result<CarePlan, Error> {
        let doc = wire::PlanDocument::from_json(json)?;
        validate::build(&doc)
    }

    /// Checks a plan given as a parsed JSON value.
    pub fn from_json_value(value: serde_json::Value) -> Result<CarePlan, Error> {
        let doc = wire::PlanDocument::from_json_value(value)?;
        validate::build(&doc)
    }

    /// The plan's JSON form, pretty-printed.
    pub fn to_json_pretty(&self) -> String {
        let doc = wire::PlanDocument::from_parts(&self.parts);
        serde_json::to_string_pretty(&doc).unwrap_or_else(|e| {
            // The document holds only strings, lists and booleans.
            debug_assert!(false, "a plan document did not serialise: {e}");
            String::new()
        })
    }

    /// The plan's JSON form as a value.
    pub fn to_json_value(&self) -> serde_json::Value {
        let doc = wire::PlanDocument::from_parts(&self.parts);
        serde_json::to_value(&doc).unwrap_or_else(|e| {
            debug_assert!(false, "a plan document did not serialise: {e}");
            serde_json::Value::Null
        })
    }
}

impl serde::Serialize for CarePlan {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        wire::PlanDocument::from_parts(&self.parts).serialize(serializer)
    }
}

impl<'de> serde::Deserialize<'de> for CarePlan {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let doc = wire::PlanDocument::deserialize(deserializer)?;
        validate::build(&doc).map_err(serde::de::Error::custom)
    }
}
