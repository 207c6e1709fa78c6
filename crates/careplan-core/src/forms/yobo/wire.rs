//! The 介護予防サービス・支援計画書's JSON form, field by field, before its
//! rules are checked: every field optional (a missing one is reported with
//! its path among every other violation), unknown fields refused. What
//! each field is, and where UPYOBO / UPYOBO_SUB carry it, is in
//! [`super::fields`].
//!
//! | JSON field | form label | Rust type in the checked model |
//! |---|---|---|
//! | `form` | (always `yobo_plan`) | — |
//! | `status` | 原案 / (確定) | [`crate::PlanStatus`] |
//! | `record_number` | No. | `Option<Text>` |
//! | `plan_type` | 計画種類 | [`super::PlanType`] |
//! | `entrusted` | 委託の有無 | `bool` |
//! | `plan_kinds` | 初回・紹介・継続 | [`crate::PlanKinds`] |
//! | `certification_status` | 認定済・申請中 | [`crate::CertificationStatus`] |
//! | `level` | 要支援１・要支援２・事業対象者 | [`super::SupportLevel`] |
//! | `certification_date`, `certification_period` | 認定年月日, 認定の有効期間 | [`super::PlanCertification`] |
//! | `user.{name, insurer_number, insured_number}` | 利用者名, 保険者番号, 被保険者番号 | [`super::PlanUser`] |
//! | `planner.{center_staff, care_manager}` | 計画作成者氏名 | [`super::Planner`] |
//! | `planner_office.{name, address, phone}` | 委託の場合：計画作成者事業者・事業所名及び所在地（連絡先） | [`super::PlannerOffice`] |
//! | `center.{name, opinion, confirmed_on}` | 担当地域包括支援センター, 【意見】, 【確認印】 | [`super::Center`] |
//! | `plan_date`, `first_plan_date` | 計画作成（変更）日, 初回作成日 | `NaiveDate` |
//! | `life_goals.{day, year}` | 目標とする生活（１日・１年） | [`super::LifeGoals`] |
//! | `assessment.{motor, daily_life, social, health}` | the four アセスメント領域 | [`super::Assessment`] |
//! | `issues[].{text, proposal, wishes, goal}` | 総合的課題, 課題に対する目標と具体策の提案, 具体策についての意向, 目標 | [`super::Issue`] |
//! | `issues[].supports[].{point, self_care, insured_service}` | 支援計画 | [`super::Support`] |
//! | `…services[].{kind, provider, period, period_note}` | サービス種別, 事業所（利用先）, 期間 | [`super::UsedService`] |
//! | `health_notes`, `fallback_policy`, `policy` | 健康状態について, 【本来行うべき支援ができない場合】, 総合的な方針 | `Option<Text>` |
//! | `checklist.{date, answers, height_cm, weight_kg, counts, programmes}` | 基本チェックリスト | [`super::PlanChecklist`] |
//! | `consent.{date, signer}` | 計画に関する同意 | [`super::PlanConsent`] |

use serde::{Deserialize, Serialize};

use super::checklist::Answer;
use super::{Area, PreventivePlanParts, Support, UsedService};
use crate::document::Form;
use crate::error::Error;
use crate::forms::kyotaku::wire::{DateRangeDoc, structural};

/// 介護予防サービス・支援計画書: a document with `"form": "yobo_plan"`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)] // the field tables document every field
pub struct YoboPlanDocument {
    /// A schema reference for editors; ignored.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entrusted: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_kinds: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certification_status: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certification_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certification_period: Option<DateRangeDoc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<YoboUserDoc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planner: Option<YoboPlannerDoc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planner_office: Option<YoboPlannerOfficeDoc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub center: Option<YoboCenterDoc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_plan_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub life_goals: Option<YoboLifeGoalsDoc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment: Option<YoboAssessmentDoc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issues: Option<Vec<YoboIssueDoc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_notes: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fallback_policy: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checklist: Option<YoboChecklistDoc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent: Option<YoboConsentDoc>,
}

crate::document_type! {
    /// 利用者.
    pub struct YoboUserDoc {
        name: String,
        insurer_number: String,
        insured_number: String,
    }
}

crate::document_type! {
    /// 計画作成者氏名: the 地域包括支援センター担当者, the 担当介護支援専門員, or both.
    pub struct YoboPlannerDoc {
        center_staff: String,
        care_manager: String,
    }
}

crate::document_type! {
    /// 計画作成者事業者・事業所 (printed when entrusted).
    pub struct YoboPlannerOfficeDoc {
        name: String,
        address: String,
        phone: String,
    }
}

crate::document_type! {
    /// 担当地域包括支援センター, its 意見 and 確認.
    pub struct YoboCenterDoc {
        name: String,
        opinion: String,
        confirmed_on: String,
    }
}

crate::document_type! {
    /// 目標とする生活.
    pub struct YoboLifeGoalsDoc {
        day: String,
        year: String,
    }
}

crate::document_type! {
    /// The four アセスメント領域.
    pub struct YoboAssessmentDoc {
        motor: YoboAreaDoc,
        daily_life: YoboAreaDoc,
        social: YoboAreaDoc,
        health: YoboAreaDoc,
    }
}

crate::document_type! {
    /// One アセスメント領域.
    pub struct YoboAreaDoc {
        situation: String,
        wishes: String,
        has_issue: bool,
        background: String,
    }
}

crate::document_type! {
    /// 総合的課題 with its 目標 and 支援計画.
    pub struct YoboIssueDoc {
        text: String,
        proposal: String,
        wishes: String,
        goal: String,
        supports: Vec<YoboSupportDoc>,
    }
}

crate::document_type! {
    /// 支援計画.
    pub struct YoboSupportDoc {
        point: String,
        self_care: String,
        insured_service: String,
        services: Vec<YoboServiceDoc>,
    }
}

crate::document_type! {
    /// 利用サービス.
    pub struct YoboServiceDoc {
        kind: String,
        provider: String,
        period: DateRangeDoc,
        period_note: String,
    }
}

crate::document_type! {
    /// 基本チェックリスト.
    pub struct YoboChecklistDoc {
        date: String,
        answers: Vec<String>,
        height_cm: String,
        weight_kg: String,
        counts: YoboCountsDoc,
        programmes: YoboProgrammesDoc,
    }
}

crate::document_type! {
    /// 基本チェックリストの該当数.
    pub struct YoboCountsDoc {
        motor: i64,
        nutrition: i64,
        oral: i64,
        housebound: i64,
        memory: i64,
        mood: i64,
    }
}

crate::document_type! {
    /// 事業プログラムの要否.
    pub struct YoboProgrammesDoc {
        motor: bool,
        nutrition: bool,
        oral: bool,
        housebound: bool,
        memory: bool,
        mood: bool,
    }
}

crate::document_type! {
    /// 計画に関する同意.
    pub struct YoboConsentDoc {
        date: String,
        signer: String,
    }
}

fn s(x: &impl AsRef<str>) -> Option<String> {
    Some(x.as_ref().to_owned())
}

fn opt(x: &Option<impl AsRef<str>>) -> Option<String> {
    x.as_ref().map(|v| v.as_ref().to_owned())
}

fn date(d: chrono::NaiveDate) -> Option<String> {
    Some(d.format("%Y-%m-%d").to_string())
}

/// A measure in tenths as written in the document: millimetres as
/// centimetres, hectograms as kilograms (`1525` → `152.5`).
pub(crate) fn tenths(v: u16) -> String {
    format!("{}.{}", v / 10, v % 10)
}

impl YoboPlanDocument {
    /// Reads the JSON text into the document form; malformed JSON and JSON
    /// of the wrong shape give one violation with the path where reading stopped.
    pub fn from_json(json: &str) -> Result<YoboPlanDocument, Error> {
        let de = &mut serde_json::Deserializer::from_str(json);
        serde_path_to_error::deserialize(de).map_err(|e| structural(e, Form::YoboPlan))
    }

    /// Reads a parsed JSON value into the document form.
    pub fn from_json_value(value: serde_json::Value) -> Result<YoboPlanDocument, Error> {
        serde_path_to_error::deserialize(value).map_err(|e| structural(e, Form::YoboPlan))
    }

    /// The document form of checked parts.
    pub fn from_parts(p: &PreventivePlanParts) -> YoboPlanDocument {
        let c = p.checklist.as_ref();
        YoboPlanDocument {
            schema: None,
            form: s(&super::fields::FORM_CODE),
            status: s(&p.status.code()),
            record_number: opt(&p.record_number),
            plan_type: s(&p.plan_type.code()),
            entrusted: Some(p.entrusted),
            plan_kinds: Some(
                crate::forms::kyotaku::PlanKind::ALL
                    .into_iter()
                    .filter(|k| p.plan_kinds.contains(*k))
                    .map(|k| k.code().to_owned())
                    .collect(),
            ),
            certification_status: p.certification_status.map(|c| c.code().to_owned()),
            level: s(&p.level.code()),
            certification_date: p.certification.date.and_then(date),
            certification_period: p.certification.period.map(|r| DateRangeDoc {
                start: date(r.start()),
                end: date(r.end()),
            }),
            user: Some(YoboUserDoc {
                name: s(&p.user.name),
                insurer_number: s(&p.user.insurer_number),
                insured_number: s(&p.user.insured_number),
            }),
            planner: Some(YoboPlannerDoc {
                center_staff: p.planner.center_staff().and_then(s),
                care_manager: p.planner.care_manager().and_then(s),
            }),
            planner_office: p.planner_office.as_ref().map(|o| YoboPlannerOfficeDoc {
                name: s(&o.name),
                address: opt(&o.address),
                phone: opt(&o.phone),
            }),
            center: (p.center != super::Center::default()).then(|| YoboCenterDoc {
                name: opt(&p.center.name),
                opinion: opt(&p.center.opinion),
                confirmed_on: p.center.confirmed_on.and_then(date),
            }),
            plan_date: date(p.plan_date),
            first_plan_date: p.first_plan_date.and_then(date),
            life_goals: (p.life_goals != super::LifeGoals::default()).then(|| YoboLifeGoalsDoc {
                day: opt(&p.life_goals.day),
                year: opt(&p.life_goals.year),
            }),
            assessment: (p.assessment != super::Assessment::default()).then(|| YoboAssessmentDoc {
                motor: area(&p.assessment.motor),
                daily_life: area(&p.assessment.daily_life),
                social: area(&p.assessment.social),
                health: area(&p.assessment.health),
            }),
            issues: Some(
                p.issues
                    .iter()
                    .map(|i| YoboIssueDoc {
                        text: s(&i.text),
                        proposal: opt(&i.proposal),
                        wishes: opt(&i.wishes),
                        goal: opt(&i.goal),
                        supports: (!i.supports.is_empty())
                            .then(|| i.supports.iter().map(support).collect()),
                    })
                    .collect(),
            ),
            health_notes: opt(&p.health_notes),
            fallback_policy: opt(&p.fallback_policy),
            policy: opt(&p.policy),
            checklist: c.map(|c| {
                let n = c.counts.to_array().map(i64::from);
                let [m, nu, o, h, me, mo] = n;
                let [pm, pnu, po, ph, pme, pmo] = c.programmes;
                let programmes = YoboProgrammesDoc {
                    motor: pm,
                    nutrition: pnu,
                    oral: po,
                    housebound: ph,
                    memory: pme,
                    mood: pmo,
                };
                YoboChecklistDoc {
                    date: c.date.and_then(date),
                    answers: c.answers.map(|a| {
                        a.answers()
                            .to_list()
                            .into_iter()
                            .map(|x: Answer| x.code().to_owned())
                            .collect()
                    }),
                    height_cm: c.answers.map(|a| tenths(a.measures().height_mm())),
                    weight_kg: c.answers.map(|a| tenths(a.measures().weight_hg())),
                    counts: Some(YoboCountsDoc {
                        motor: Some(m),
                        nutrition: Some(nu),
                        oral: Some(o),
                        housebound: Some(h),
                        memory: Some(me),
                        mood: Some(mo),
                    }),
                    programmes: (programmes != YoboProgrammesDoc::default()).then_some(programmes),
                }
            }),
            consent: p.consent.as_ref().map(|c| YoboConsentDoc {
                date: date(c.date),
                signer: s(&c.signer),
            }),
        }
    }
}

fn area(a: &Area) -> Option<YoboAreaDoc> {
    (*a != Area::default()).then(|| YoboAreaDoc {
        situation: opt(&a.situation),
        wishes: opt(&a.wishes),
        has_issue: a.has_issue,
        background: opt(&a.background),
    })
}

fn support(x: &Support) -> YoboSupportDoc {
    YoboSupportDoc {
        point: opt(&x.point),
        self_care: opt(&x.self_care),
        insured_service: opt(&x.insured_service),
        services: (!x.services.is_empty()).then(|| x.services.iter().map(service).collect()),
    }
}

fn service(x: &UsedService) -> YoboServiceDoc {
    let dates = x.period.as_ref().and_then(|p| p.dates);
    YoboServiceDoc {
        kind: opt(&x.kind),
        provider: opt(&x.provider),
        period: dates.map(|p| DateRangeDoc {
            start: date(p.start()),
            end: p.end().and_then(date),
        }),
        period_note: x.period.as_ref().and_then(|p| opt(&p.note)),
    }
}
