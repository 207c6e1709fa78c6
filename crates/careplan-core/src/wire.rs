//! The plan's JSON form, field by field, before its rules are checked.
//!
//! These types mirror the JSON document exactly: English `snake_case` names,
//! ISO dates (`2015-12-03`), months `YYYY-MM`, times `HH:MM`, codes as
//! strings. Every field is optional here so that a missing required field is
//! reported with its path alongside every other violation, instead of
//! stopping the parse; [`crate::CarePlan`] is what enforces the rules.
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
//! | `table1.user.address` | 住所 | `Option<Text>` |
//! | `table1.user.insurer_number` | 保険者番号 | [`crate::InsurerNumber`] |
//! | `table1.user.insured_number` | 被保険者番号 | [`crate::InsuredNumber`] |
//! | `table1.planner_name` | 居宅サービス計画作成者氏名 | `Text` |
//! | `table1.office.{name, postal_code, address, office_number}` | 居宅介護支援事業者・事業所名及び所在地 | [`crate::Office`] |
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

use serde::{Deserialize, Serialize};

use crate::error::{Error, Rule, Violation};
use crate::model::{CertificationStatus, HouseworkReason, PlanParts, PlanStatus, Sex, Speaker};
use crate::path::FieldPath;

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

/// 第1表 居宅サービス計画書（１）.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct Table1Doc {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_on: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_kinds: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certification_status: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<UserDoc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planner_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office: Option<OfficeDoc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_plan_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certification_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certification_period: Option<DateRangeDoc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub care_level: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wishes: Option<Vec<WishDoc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub analysis: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub committee_opinion: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support_policy: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub housework_reason: Option<HouseworkReasonDoc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent: Option<ConsentDoc>,
}

/// 利用者.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct UserDoc {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_kana: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sex: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub insurer_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub insured_number: Option<String>,
}

/// 居宅介護支援事業者・事業所.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct OfficeDoc {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office_number: Option<String>,
}

/// A date range: 認定の有効期間 (both ends required) or a goal or service
/// period (end optional).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct DateRangeDoc {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
}

/// One person's wishes: `who` is `user` (本人) or `family` (with `relation`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct WishDoc {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub who: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// 生活援助中心型の算定理由: `code` is `living_alone`, `family_illness` or
/// `other` (with `text`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct HouseworkReasonDoc {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// 説明・同意.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct ConsentDoc {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signer: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proxy_relation: Option<String>,
}

/// 第2表.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct Table2Doc {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_on: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub needs: Option<Vec<NeedDoc>>,
}

/// 課題（ニーズ）.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct NeedDoc {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub long_term_goals: Option<Vec<LongTermGoalDoc>>,
}

/// 長期目標.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct LongTermGoalDoc {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<DateRangeDoc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_term_goals: Option<Vec<ShortTermGoalDoc>>,
}

/// 短期目標.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct ShortTermGoalDoc {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<DateRangeDoc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub services: Option<Vec<ServiceDoc>>,
}

/// 援助内容.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct ServiceDoc {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub insured: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<ProviderDoc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequency: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<DateRangeDoc>,
}

/// ※2.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct ProviderDoc {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office_number: Option<String>,
}

/// 第3表.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct Table3Doc {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_on: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub starts_from: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weekly: Option<Vec<WeeklyEntryDoc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub daily_activities: Option<Vec<DailyActivityDoc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub non_weekly: Option<Vec<NonWeeklyDoc>>,
}

/// A block of the weekly grid.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct WeeklyEntryDoc {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weekdays: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
}

/// A line of 主な日常生活上の活動.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct DailyActivityDoc {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// A line of 週単位以外のサービス.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)]
pub struct NonWeeklyDoc {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
}

/// The JSON code of a plan status.
pub fn status_code(s: PlanStatus) -> &'static str {
    match s {
        PlanStatus::Draft => "draft",
        PlanStatus::Final => "final",
    }
}

/// The JSON code of a certification status.
pub fn certification_code(s: CertificationStatus) -> &'static str {
    match s {
        CertificationStatus::Certified => "certified",
        CertificationStatus::Applying => "applying",
    }
}

/// The JSON code of a sex.
pub fn sex_code(s: Sex) -> &'static str {
    match s {
        Sex::Male => "male",
        Sex::Female => "female",
    }
}

fn s(x: &impl AsRef<str>) -> Option<String> {
    Some(x.as_ref().to_owned())
}

fn date(d: chrono::NaiveDate) -> Option<String> {
    Some(d.format("%Y-%m-%d").to_string())
}

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
        let doc = serde_path_to_error::deserialize(de).map_err(structural)?;
        Ok(doc)
    }

    /// Reads a parsed JSON value into the document form.
    pub fn from_json_value(value: serde_json::Value) -> Result<PlanDocument, Error> {
        serde_path_to_error::deserialize(value).map_err(structural)
    }

    /// The document form of checked plan parts.
    pub fn from_parts(parts: &PlanParts) -> PlanDocument {
        let t1 = &parts.table1;
        let table1 = Table1Doc {
            created_on: date(t1.created_on),
            plan_kinds: Some(t1.plan_kinds.iter().map(|k| k.code().to_owned()).collect()),
            certification_status: Some(certification_code(t1.certification_status).to_owned()),
            user: Some(UserDoc {
                name: s(&t1.user.name),
                name_kana: t1.user.name_kana.as_ref().and_then(s),
                sex: t1.user.sex.map(|x| sex_code(x).to_owned()),
                birth_date: date(t1.user.birth_date),
                postal_code: t1.user.postal_code.as_ref().and_then(s),
                address: t1.user.address.as_ref().and_then(s),
                insurer_number: s(&t1.user.insurer_number),
                insured_number: s(&t1.user.insured_number),
            }),
            planner_name: s(&t1.planner_name),
            office: Some(OfficeDoc {
                name: s(&t1.office.name),
                postal_code: t1.office.postal_code.as_ref().and_then(s),
                address: t1.office.address.as_ref().and_then(s),
                office_number: s(&t1.office.office_number),
            }),
            plan_date: date(t1.plan_date),
            first_plan_date: date(t1.first_plan_date),
            certification_date: date(t1.certification_date),
            certification_period: t1.certification_period.map(|r| DateRangeDoc {
                start: date(r.start()),
                end: date(r.end()),
            }),
            care_level: t1.care_level.map(|l| l.code().to_owned()),
            wishes: Some(
                t1.wishes
                    .iter()
                    .map(|w| match &w.speaker {
                        Speaker::User => WishDoc {
                            who: Some("user".to_owned()),
                            relation: None,
                            text: s(&w.text),
                        },
                        Speaker::Family { relation } => WishDoc {
                            who: Some("family".to_owned()),
                            relation: s(relation),
                            text: s(&w.text),
                        },
                    })
                    .collect(),
            ),
            analysis: t1.analysis.as_ref().and_then(s),
            committee_opinion: t1.committee_opinion.as_ref().and_then(s),
            support_policy: t1.support_policy.as_ref().and_then(s),
            housework_reason: t1.housework_reason.as_ref().map(|r| match r {
                HouseworkReason::LivingAlone => HouseworkReasonDoc {
                    code: Some("living_alone".to_owned()),
                    text: None,
                },
                HouseworkReason::FamilyIllness => HouseworkReasonDoc {
                    code: Some("family_illness".to_owned()),
                    text: None,
                },
                HouseworkReason::Other(t) => HouseworkReasonDoc {
                    code: Some("other".to_owned()),
                    text: s(t),
                },
            }),
            consent: t1.consent.as_ref().map(|c| ConsentDoc {
                date: date(c.date),
                signer: s(&c.signer),
                proxy_relation: c.proxy_relation.as_ref().and_then(s),
            }),
        };
        let table2 = Table2Doc {
            created_on: parts.table2.created_on.and_then(date),
            needs: Some(
                parts
                    .table2
                    .needs
                    .iter()
                    .map(|n| NeedDoc {
                        text: s(&n.text),
                        long_term_goals: Some(
                            n.long_term_goals
                                .iter()
                                .map(|l| LongTermGoalDoc {
                                    text: s(&l.text),
                                    period: period(l.period),
                                    short_term_goals: Some(
                                        l.short_term_goals
                                            .iter()
                                            .map(|g| ShortTermGoalDoc {
                                                text: s(&g.text),
                                                period: period(g.period),
                                                services: Some(
                                                    g.services.iter().map(service_doc).collect(),
                                                ),
                                            })
                                            .collect(),
                                    ),
                                })
                                .collect(),
                        ),
                    })
                    .collect(),
            ),
        };
        let t3 = &parts.table3;
        let table3 = Table3Doc {
            created_on: t3.created_on.and_then(date),
            starts_from: Some(t3.starts_from.to_string()),
            weekly: Some(
                t3.weekly
                    .iter()
                    .map(|w| WeeklyEntryDoc {
                        service: w.service.as_ref().and_then(s),
                        label: w.label.as_ref().and_then(s),
                        weekdays: Some(w.weekdays.iter().map(|d| d.code().to_owned()).collect()),
                        start: Some(w.time.start().to_string()),
                        end: Some(w.time.end().to_string()),
                    })
                    .collect(),
            ),
            daily_activities: Some(
                t3.daily_activities
                    .iter()
                    .map(|a| DailyActivityDoc {
                        start: Some(a.start.to_string()),
                        end: a.end.map(|e| e.to_string()),
                        text: s(&a.text),
                    })
                    .collect(),
            ),
            non_weekly: Some(
                t3.non_weekly
                    .iter()
                    .map(|n| NonWeeklyDoc {
                        text: s(&n.text),
                        service: n.service.as_ref().and_then(s),
                    })
                    .collect(),
            ),
        };
        PlanDocument {
            schema: None,
            status: Some(status_code(parts.status).to_owned()),
            table1: Some(table1),
            table2: Some(table2),
            table3: Some(table3),
        }
    }
}

fn service_doc(x: &crate::Service) -> ServiceDoc {
    ServiceDoc {
        id: s(&x.id),
        content: s(&x.content),
        insured: Some(x.insured),
        service_type: s(&x.service_type),
        provider: x.provider.as_ref().map(|p| ProviderDoc {
            name: s(&p.name),
            office_number: p.office_number.as_ref().and_then(s),
        }),
        frequency: x.frequency.as_ref().and_then(s),
        period: period(x.period),
    }
}

/// Turns serde's error into one violation with the path where it stopped.
fn structural(e: serde_path_to_error::Error<serde_json::Error>) -> Error {
    let path = FieldPath::from_text(clean_path(&e.path().to_string()));
    let inner = e.inner();
    let rule = if inner.is_syntax() || inner.is_eof() {
        Rule::JsonSyntax
    } else {
        Rule::JsonStructure
    };
    let v = Violation::new(path, rule).with_detail(inner.to_string());
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
