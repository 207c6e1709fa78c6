//! 第6表's JSON form, field by field, before its rules are checked: every
//! field optional, unknown fields refused. What each field is, is in
//! [`super::fields`].

use serde::{Deserialize, Serialize};

use crate::document::Form;
use crate::error::Error;
use crate::forms::kyotaku::wire::structural;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)] // the field tables document every field
pub struct UsageDocument {
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_on: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certification_status: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<UsageUserDoc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level_change: Option<LevelChangeDoc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit_units: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit_period: Option<MonthRangeDoc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_stay_days_before: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planner: Option<UsagePlannerDoc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rows: Option<Vec<UsageRowDoc>>,
}

crate::document_type! {
    pub struct UsageUserDoc {
        insurer_number: String,
        insurer_name: String,
        insured_number: String,
        name_kana: String,
        name: String,
        birth_date: String,
        sex: String,
    }
}

crate::document_type! {
    pub struct LevelChangeDoc {
        level: String,
        date: String,
    }
}

crate::document_type! {
    pub struct MonthRangeDoc {
        start: String,
        end: String,
    }
}

crate::document_type! {
    pub struct UsagePlannerDoc {
        office_number: String,
        office_name: String,
        name: String,
        phone: String,
    }
}

crate::document_type! {
    pub struct UsageRowDoc {
        start: String,
        end: String,
        service: String,
        code: String,
        office_number: String,
        office_name: String,
        over_30_days: bool,
        tais_code: String,
        notified_code: String,
        equipment_name: String,
        detail_number: i64,
        planned: Vec<DayCountDoc>,
        actual: Vec<DayCountDoc>,
    }
}

crate::document_type! {
    pub struct DayCountDoc {
        day: i64,
        count: i64,
    }
}

impl UsageDocument {
    /// Parses the JSON form; a structural error (bad JSON, unknown key,
    /// wrong type) names its path.
    pub fn from_json(json: &str) -> Result<UsageDocument, Error> {
        let de = &mut serde_json::Deserializer::from_str(json);
        serde_path_to_error::deserialize(de).map_err(|e| structural(e, Form::Usage))
    }
}
