//! The plan's JSON form, field by field, before its rules are checked.
//!
//! These types mirror the JSON document exactly: English `snake_case` names,
//! ISO dates (`2015-12-03`), months `YYYY-MM`, times `HH:MM`, codes as
//! strings. Every field is optional here so that a missing required field is
//! reported with its path alongside every other violation, instead of
//! stopping the parse; [`crate::CarePlan`] is what enforces the rules. What the form says of
//! each field (its label, whether it is required, its format, where the CSV
//! standard carries it) is in [`super::fields`].
//! Unknown fields are refused, so that a misspelt name cannot be silently
//! ignored.
//!
//! | JSON field | form label | Rust type in the checked model |
//! |---|---|---|
//! | `status` | 原案 / (確定) | [`crate::PlanStatus`] |
//! | `table1.created_on` | 作成年月日 | `NaiveDate` |
//! | `table1.plan_kinds` | 初回・紹介・継続 | [`crate::PlanKinds`] |
//! | `table1.certification_status` | 認定済・申請中 | [`crate::CertificationStatus`] |
//! | `table1.user.name` | 利用者名 | [`crate::Text`], at most [`crate::MAX_NAME_CHARS`] characters |
//! | `table1.user.name_kana` | フリガナ | `Option<`[`crate::Kana`]`>` |
//! | `table1.user.sex` | 性別 | `Option<`[`crate::Sex`]`>` |
//! | `table1.user.birth_date` | 生年月日 | `NaiveDate` |
//! | `table1.user.postal_code` | 郵便番号 | `Option<`[`crate::PostalCode`]`>` |
//! | `table1.user.address` | 住所 (住所１) | `Option<Text>` |
//! | `table1.user.address2` | 住所２ (方書) | `Option<Text>` |
//! | `table1.user.phone` | 電話番号 (not printed) | `Option<`[`crate::PhoneNumber`]`>` |
//! | `table1.user.insurer_number` | 保険者番号 | [`crate::InsurerNumber`] |
//! | `table1.user.insured_number` | 被保険者番号 | [`crate::InsuredNumber`] |
//! | `table1.planner_name` | 居宅サービス計画作成者氏名 | `Text` |
//! | `table1.office.{name, postal_code, address, address2, office_number}` | 居宅介護支援事業者・事業所名及び所在地 | [`crate::Office`] |
//! | `table1.plan_date` | 居宅サービス計画作成（変更）日 | `NaiveDate` |
//! | `table1.first_plan_date` | 初回居宅サービス計画作成日 | `NaiveDate` |
//! | `table1.certification_date` | 認定日 | `NaiveDate` |
//! | `table1.certification_period.{start, end}` | 認定の有効期間 | `Option<`[`crate::DateRange`]`>` |
//! | `table1.care_level` | 要介護状態区分 | `Option<`[`crate::CareLevel`]`>` |
//! | `table1.wishes[].{who, relation, text}` | 利用者及び家族の生活に対する意向 | `Vec<`[`crate::Wish`]`>` |
//! | `table1.analysis` | 課題分析の結果 | `Option<Text>` |
//! | `table1.committee_opinion` | 介護認定審査会の意見及びサービスの種類の指定 | `Option<Text>` |
//! | `table1.support_policy` | 総合的な援助の方針 | `Option<Text>` |
//! | `table1.housework_reason.{code, text}` | 生活援助中心型の算定理由 | `Option<`[`crate::HouseworkReason`]`>` |
//! | `table1.consent.{date, signer, proxy_relation}` | 説明・同意日, 利用者同意欄 | `Option<`[`crate::Consent`]`>` |
//! | `table1.updater_code` | 更新業者コード (exchange records only) | `Option<`[`crate::OfficeNumber`]`>` |
//! | `table1.consent_receiver_code` | 同意書受付業者 (UPHOSOKU only) | `Option<`[`crate::OfficeNumber`]`>` |
//! | `table1.supplementary.{limit_period, care_level_changed_on, limit_units, kind_limits, total_over_units, days_before_admission, days_admitted, previous_level}` | 利用者補足情報 (UPHOSOKU No.14–59; not printed) | `Option<`[`crate::Supplementary`]`>` |
//! | `table2.created_on` | 作成年月日 (第2表) | `Option<NaiveDate>` |
//! | `table2.needs[].text` | 生活全般の解決すべき課題（ニーズ） | `Text` |
//! | `…long_term_goals[].{text, period}` | 長期目標 （期間） | [`crate::LongTermGoal`] |
//! | `…short_term_goals[].{text, period}` | 短期目標 （期間） | [`crate::ShortTermGoal`] |
//! | `…services[].{id, content, insured, service_type, provider, frequency, period}` | サービス内容, ※1, サービス種別, ※2, 頻度, 期間 | [`crate::Service`] |
//! | `table3.created_on` | 作成年月日 (第3表) | `Option<NaiveDate>` |
//! | `table3.starts_from` | 「　年　月分より」 | [`crate::YearMonth`] |
//! | `table3.weekly[].{service, label, weekdays, start, end}` | the weekly grid | [`crate::WeeklyEntry`] |
//! | `table3.daily_activities[].{start, end, text}` | 主な日常生活上の活動 | [`crate::DailyActivity`] |
//! | `table3.non_weekly[].{text, service}` | 週単位以外のサービス | [`crate::NonWeeklyService`] |

mod table1;
mod table2;
mod table3;

use serde::{Deserialize, Serialize};

use super::PlanParts;
use crate::document::Form;
use crate::error::{Error, Rule, Violation};
use crate::path::FieldPath;

pub use table1::{
    ConsentDoc, HouseworkReasonDoc, KindLimitDoc, OfficeDoc, SupplementaryDoc, Table1Doc, UserDoc,
    WishDoc,
};
pub use table2::{LongTermGoalDoc, NeedDoc, ProviderDoc, ServiceDoc, ShortTermGoalDoc, Table2Doc};
pub use table3::{DailyActivityDoc, NonWeeklyDoc, Table3Doc, WeeklyEntryDoc};

/// The whole plan document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PlanDocument {
    /// A schema reference for editors; ignored.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// `draft` (原案) or `final`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// 第1表.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table1: Option<Table1Doc>,
    /// 第2表.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table2: Option<Table2Doc>,
    /// 第3表.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table3: Option<Table3Doc>,
}

crate::document_type! {
    /// A date range: 認定の有効期間 (both ends required) or a goal or service
    /// period (end optional).
    pub struct DateRangeDoc {
        start: String,
        end: String,
    }
}

/// A present string.
fn s(x: &impl AsRef<str>) -> Option<String> {
    Some(x.as_ref().to_owned())
}

/// An ISO date.
fn date(d: chrono::NaiveDate) -> Option<String> {
    Some(d.format("%Y-%m-%d").to_string())
}

/// A goal or service period.
fn period(p: crate::Period) -> Option<DateRangeDoc> {
    Some(DateRangeDoc {
        start: date(p.start()),
        end: p.end().and_then(date),
    })
}

impl PlanDocument {
    /// Reads the JSON text into the document form. Malformed JSON and JSON
    /// of the wrong shape give a single violation with the path where
    /// reading stopped.
    pub fn from_json(json: &str) -> Result<PlanDocument, Error> {
        let de = &mut serde_json::Deserializer::from_str(json);
        let doc = serde_path_to_error::deserialize(de).map_err(|e| structural(e, Form::Kyotaku))?;
        Ok(doc)
    }

    /// Reads a parsed JSON value into the document form.
    pub fn from_json_value(value: serde_json::Value) -> Result<PlanDocument, Error> {
        serde_path_to_error::deserialize(value).map_err(|e| structural(e, Form::Kyotaku))
    }

    /// The document form of checked plan parts.
    pub fn from_parts(parts: &PlanParts) -> PlanDocument {
        PlanDocument {
            schema: None,
            status: Some(parts.status.code().to_owned()),
            table1: Some(table1::doc(&parts.table1)),
            table2: Some(table2::doc(&parts.table2)),
            table3: Some(table3::doc(&parts.table3)),
        }
    }
}

/// Turns serde's error into one violation of a `form` document with the
/// path where it stopped.
pub(crate) fn structural(e: serde_path_to_error::Error<serde_json::Error>, form: Form) -> Error {
    let path = FieldPath::from_text(clean_path(&e.path().to_string()));
    let inner = e.inner();
    let rule = if inner.is_syntax() || inner.is_eof() {
        Rule::JsonSyntax
    } else {
        Rule::JsonStructure
    };
    let v = Violation::new(path, rule)
        .in_form(form)
        .with_detail(inner.to_string());
    Error::single(v)
}

/// serde_path_to_error prints `.` for the root and `?` for a part it could
/// not name (where reading stopped inside a value): both are dropped.
fn clean_path(p: &str) -> String {
    p.split('.')
        .filter(|s| !s.is_empty() && *s != "?")
        .collect::<Vec<_>>()
        .join(".")
}
