//! UPYOBO and UPYOBO_SUB rows into a 介護予防サービス・支援計画書: the rows
//! become the plan's JSON document (CSV codes into the document's codes,
//! YYYYMMDD into ISO dates, the 別表's numbered rows into nested 課題 →
//! 支援計画 → 利用サービス, blanks after the first row of a group filled from
//! it), which careplan-core then checks; each violation is placed back at
//! the row and field it came from, through the field tables' CSV fields.

#![allow(clippy::result_large_err)]

use careplan_core::forms::kyotaku::wire::DateRangeDoc;
use careplan_core::forms::yobo::wire::{
    YoboAreaDoc, YoboAssessmentDoc, YoboCenterDoc, YoboChecklistDoc, YoboConsentDoc, YoboCountsDoc,
    YoboIssueDoc, YoboLifeGoalsDoc, YoboPlanDocument, YoboPlannerDoc, YoboPlannerOfficeDoc,
    YoboProgrammesDoc, YoboServiceDoc, YoboSupportDoc, YoboUserDoc,
};
use careplan_core::forms::yobo::{PlanType, PreventivePlan, SupportLevel};
use careplan_core::{CertificationStatus, FieldPath, Form, PlanKind};

use super::values::{
    Row, doc_code as code, iso_date as date, number, pair, parse_period, present as s, unknown_code,
};
use super::{Origins, form_rule};
use crate::export::YES_NO;
use crate::records::{PLAN_KIND_CODES, Upyobo, UpyoboSub};
use crate::{ImportError, ImportErrorCode};

fn count(row: &Row, no: u16, errors: &mut Vec<ImportError>) -> Option<i64> {
    let v = s(row, no)?;
    match v.trim().parse::<i64>() {
        Ok(n) => Some(n),
        Err(_) => {
            errors.push(row.err(
                no,
                ImportErrorCode::Number,
                format!("該当数ではありません: {v:?}"),
                "not a count",
            ));
            None
        }
    }
}

fn area(row: &Row, nos: [u16; 4], errors: &mut Vec<ImportError>) -> Option<YoboAreaDoc> {
    let a = YoboAreaDoc {
        situation: s(row, nos[0]),
        wishes: s(row, nos[1]),
        has_issue: pair(row, nos[2], &YES_NO, errors),
        background: s(row, nos[3]),
    };
    (a != YoboAreaDoc::default()).then_some(a)
}

/// The plan of an UPYOBO row and its UPYOBO_SUB rows.
pub(super) fn build(main: &Row, sub: &[Row]) -> Result<PreventivePlan, Vec<ImportError>> {
    let mut errors = Vec::new();
    let r = main;
    let e = &mut errors;
    let plan_kinds = code(
        r,
        Upyobo::PLAN_KINDS,
        &|c| {
            PLAN_KIND_CODES
                .iter()
                .find(|(k, _)| *k == c)
                .map(|(k, _)| (*k).to_owned())
        },
        &PLAN_KIND_CODES.iter().map(|(c, _)| *c).collect::<Vec<_>>(),
        e,
    )
    .and_then(|c| {
        PLAN_KIND_CODES
            .iter()
            .find(|(k, _)| *k == c)
            .map(|(_, f)| *f)
    })
    .map(|flags| {
        [
            PlanKind::Initial,
            PlanKind::Referral,
            PlanKind::Continuation,
        ]
        .into_iter()
        .zip(flags)
        .filter(|(_, on)| *on)
        .map(|(k, _)| k.code().to_owned())
        .collect::<Vec<_>>()
    });
    let entrusted = match s(r, Upyobo::ENTRUSTED).as_deref().map(str::trim) {
        None => None,
        Some("1") => Some(false),
        Some("2") => Some(true),
        Some(v) => {
            e.push(unknown_code(r, Upyobo::ENTRUSTED, v, &["1", "2"]));
            None
        }
    };
    let cert_start = date(r, Upyobo::CERTIFICATION_START);
    let cert_end = date(r, Upyobo::CERTIFICATION_END);
    let office = YoboPlannerOfficeDoc {
        name: s(r, Upyobo::OFFICE_NAME),
        address: s(r, Upyobo::OFFICE_ADDRESS),
        phone: s(r, Upyobo::OFFICE_PHONE),
    };
    let center = YoboCenterDoc {
        name: s(r, Upyobo::CENTER),
        opinion: s(r, Upyobo::OPINION),
        confirmed_on: None,
    };
    let goals = YoboLifeGoalsDoc {
        day: s(r, Upyobo::DAY_GOAL),
        year: s(r, Upyobo::YEAR_GOAL),
    };
    let assessment = YoboAssessmentDoc {
        motor: area(
            r,
            [
                Upyobo::MOTOR_SITUATION,
                Upyobo::MOTOR_WISHES,
                Upyobo::MOTOR_HAS_ISSUE,
                Upyobo::MOTOR_BACKGROUND,
            ],
            e,
        ),
        daily_life: area(
            r,
            [
                Upyobo::DAILY_SITUATION,
                Upyobo::DAILY_WISHES,
                Upyobo::DAILY_HAS_ISSUE,
                Upyobo::DAILY_BACKGROUND,
            ],
            e,
        ),
        social: area(
            r,
            [
                Upyobo::SOCIAL_SITUATION,
                Upyobo::SOCIAL_WISHES,
                Upyobo::SOCIAL_HAS_ISSUE,
                Upyobo::SOCIAL_BACKGROUND,
            ],
            e,
        ),
        health: area(
            r,
            [
                Upyobo::HEALTH_SITUATION,
                Upyobo::HEALTH_WISHES,
                Upyobo::HEALTH_HAS_ISSUE,
                Upyobo::HEALTH_BACKGROUND,
            ],
            e,
        ),
    };
    let count_nos = [
        Upyobo::COUNT_MOTOR,
        Upyobo::COUNT_NUTRITION,
        Upyobo::COUNT_ORAL,
        Upyobo::COUNT_HOUSEBOUND,
        Upyobo::COUNT_MEMORY,
        Upyobo::COUNT_MOOD,
    ];
    let programme_nos = [
        Upyobo::PROGRAMME_MOTOR,
        Upyobo::PROGRAMME_NUTRITION,
        Upyobo::PROGRAMME_ORAL,
        Upyobo::PROGRAMME_HOUSEBOUND,
        Upyobo::PROGRAMME_MEMORY,
        Upyobo::PROGRAMME_MOOD,
    ];
    let counts = count_nos.map(|no| count(r, no, e));
    let programmes = programme_nos.map(|no| pair(r, no, &YES_NO, e));
    let any_count = counts.iter().any(Option::is_some);
    let checklist = (any_count || programmes.iter().any(Option::is_some)).then(|| {
        let [m, n, o, h, me, mo] = counts;
        let [pm, pn, po, ph, pme, pmo] = programmes;
        YoboChecklistDoc {
            counts: any_count.then_some(YoboCountsDoc {
                motor: m,
                nutrition: n,
                oral: o,
                housebound: h,
                memory: me,
                mood: mo,
            }),
            programmes: Some(YoboProgrammesDoc {
                motor: pm,
                nutrition: pn,
                oral: po,
                housebound: ph,
                memory: pme,
                mood: pmo,
            })
            .filter(|p| *p != YoboProgrammesDoc::default()),
            ..YoboChecklistDoc::default()
        }
    });
    let consent =
        (r.written(Upyobo::CONSENT_DATE) || r.written(Upyobo::CONSENT_SIGNER)).then(|| {
            YoboConsentDoc {
                date: date(r, Upyobo::CONSENT_DATE),
                signer: s(r, Upyobo::CONSENT_SIGNER),
            }
        });
    let mut origins = Origins::default();
    let issues = issues(sub, &mut origins, e);
    let doc = YoboPlanDocument {
        schema: None,
        form: Some(careplan_core::forms::yobo::fields::FORM_CODE.to_owned()),
        status: Some("final".to_owned()),
        record_number: s(r, Upyobo::RECORD_NUMBER),
        plan_type: code(
            r,
            Upyobo::PLAN_TYPE,
            &|c| PlanType::from_csv_code(c).map(|t| t.code().to_owned()),
            PlanType::CSV_CODES,
            e,
        ),
        entrusted,
        plan_kinds,
        certification_status: code(
            r,
            Upyobo::CERTIFICATION_STATUS,
            &|c| CertificationStatus::from_csv_code(c).map(|t| t.code().to_owned()),
            CertificationStatus::CSV_CODES,
            e,
        ),
        level: code(
            r,
            Upyobo::LEVEL,
            &|c| SupportLevel::from_csv_code(c).map(|t| t.code().to_owned()),
            SupportLevel::CSV_CODES,
            e,
        ),
        certification_date: date(r, Upyobo::CERTIFICATION_DATE),
        certification_period: (cert_start.is_some() || cert_end.is_some()).then_some(
            DateRangeDoc {
                start: cert_start,
                end: cert_end,
            },
        ),
        user: Some(YoboUserDoc {
            name: s(r, Upyobo::USER_NAME),
            insurer_number: s(r, Upyobo::INSURER_NUMBER),
            insured_number: s(r, Upyobo::INSURED_NUMBER),
        }),
        planner: Some(YoboPlannerDoc {
            center_staff: s(r, Upyobo::CENTER_STAFF),
            care_manager: s(r, Upyobo::CARE_MANAGER),
        }),
        planner_office: (office != YoboPlannerOfficeDoc::default()).then_some(office),
        center: (center != YoboCenterDoc::default()).then_some(center),
        plan_date: date(r, Upyobo::PLAN_DATE),
        first_plan_date: date(r, Upyobo::FIRST_PLAN_DATE),
        life_goals: (goals != YoboLifeGoalsDoc::default()).then_some(goals),
        assessment: (assessment != YoboAssessmentDoc::default()).then_some(assessment),
        issues: Some(issues),
        health_notes: s(r, Upyobo::HEALTH_NOTES),
        fallback_policy: s(r, Upyobo::FALLBACK_POLICY),
        policy: s(r, Upyobo::POLICY),
        checklist,
        consent,
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    origins.add(FieldPath::root(), main);
    PreventivePlan::from_document(&doc).map_err(|err| {
        err.violations()
            .iter()
            .map(|v| form_rule(v, &origins, main, Form::YoboPlan))
            .collect()
    })
}

/// The 別表's rows as nested 課題 → 支援計画 → 利用サービス, sorted by their
/// numbers (課題ＮＯ, 支援計画ＮＯ, 利用サービスＮＯ); a group's texts are read
/// from its first row (later rows leave them blank, or repeat them).
fn issues<'a>(
    sub: &'a [Row],
    origins: &mut Origins<'a>,
    e: &mut Vec<ImportError>,
) -> Vec<YoboIssueDoc> {
    let mut numbered: Vec<((u32, u32, u32), &Row)> = Vec::new();
    for r in sub {
        let Some(i) = number(r, UpyoboSub::ISSUE_NO, e) else {
            continue;
        };
        let j = if r.written(UpyoboSub::SUPPORT_NO) {
            match number(r, UpyoboSub::SUPPORT_NO, e) {
                Some(j) => j,
                None => continue,
            }
        } else {
            0
        };
        let k = if r.written(UpyoboSub::SERVICE_NO) {
            match number(r, UpyoboSub::SERVICE_NO, e) {
                Some(k) => k,
                None => continue,
            }
        } else {
            0
        };
        numbered.push(((i, j, k), r));
    }
    numbered.sort_by_key(|(n, r)| (*n, r.line));
    let mut out: Vec<YoboIssueDoc> = Vec::new();
    let mut last: Option<(u32, u32)> = None;
    let issues_path = FieldPath::root().key("issues");
    for ((i, j, k), r) in numbered {
        let new_issue = last.is_none_or(|(li, _)| li != i);
        if new_issue {
            origins.add(issues_path.index(out.len()), r);
            out.push(YoboIssueDoc {
                text: s(r, UpyoboSub::ISSUE),
                proposal: s(r, UpyoboSub::PROPOSAL),
                wishes: s(r, UpyoboSub::WISHES),
                goal: s(r, UpyoboSub::GOAL),
                supports: None,
            });
        }
        let ii = out.len().saturating_sub(1);
        let Some(issue) = out.last_mut() else {
            continue;
        };
        if j == 0 {
            last = Some((i, 0));
            continue;
        }
        let supports = issue.supports.get_or_insert_with(Vec::new);
        let new_support = new_issue || last.is_none_or(|(_, lj)| lj != j);
        if new_support {
            origins.add(
                issues_path.index(ii).key("supports").index(supports.len()),
                r,
            );
            supports.push(YoboSupportDoc {
                point: s(r, UpyoboSub::POINT),
                self_care: s(r, UpyoboSub::SELF_CARE),
                insured_service: s(r, UpyoboSub::INSURED_SERVICE),
                services: None,
            });
        }
        last = Some((i, j));
        let si = supports.len().saturating_sub(1);
        let Some(support) = supports.last_mut() else {
            continue;
        };
        if k == 0 {
            continue;
        }
        let services = support.services.get_or_insert_with(Vec::new);
        origins.add(
            issues_path
                .index(ii)
                .key("supports")
                .index(si)
                .key("services")
                .index(services.len()),
            r,
        );
        let text = s(r, UpyoboSub::PERIOD);
        let dates = text.as_deref().and_then(parse_period);
        services.push(YoboServiceDoc {
            kind: s(r, UpyoboSub::KIND),
            provider: s(r, UpyoboSub::PROVIDER),
            period: dates.map(|p| DateRangeDoc {
                start: Some(p.start().format("%Y-%m-%d").to_string()),
                end: p.end().map(|d| d.format("%Y-%m-%d").to_string()),
            }),
            period_note: if dates.is_some() { None } else { text },
        });
    }
    out
}
