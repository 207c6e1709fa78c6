//! Proptest strategies that generate valid 介護予防サービス・支援計画書, for
//! property tests here and in software that embeds careplan (feature
//! `proptest`): [`preventive_plan_strategy`] makes parts that
//! [`PreventivePlan::new`](super::PreventivePlan::new) accepts — a level
//! with its certification (none for 事業対象者), 委託 with its office, a
//! planner, 1–4 課題 with 0–3 支援計画 of 0–3 services, a checklist given by
//! its answers or by its counts, a consent only on a final plan.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    missing_docs
)]

use chrono::{Days, NaiveDate};
use proptest::prelude::*;

use super::checklist::{Answer, Answers, BodyMeasures, Checklist, HEIGHT_MM, WEIGHT_HG};
use super::*;
use crate::forms::kyotaku::arbitrary::text_strategy;
use crate::forms::kyotaku::{PlanKind, PlanKinds, PlanStatus};
use crate::{CertificationStatus, DateRange, InsuredNumber, InsurerNumber, Period, Text};

fn opt_text() -> impl Strategy<Value = Option<Text>> {
    proptest::option::of(text_strategy())
}

fn base() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 4, 1).unwrap()
}

fn day(offset: u16) -> NaiveDate {
    base()
        .checked_add_days(Days::new(u64::from(offset)))
        .unwrap()
}

fn area() -> impl Strategy<Value = Area> {
    (
        opt_text(),
        opt_text(),
        proptest::option::of(any::<bool>()),
        opt_text(),
    )
        .prop_map(|(situation, wishes, has_issue, background)| Area {
            situation,
            wishes,
            has_issue,
            background,
        })
}

fn service() -> impl Strategy<Value = UsedService> {
    (
        opt_text(),
        opt_text(),
        proptest::option::of((any::<u16>(), proptest::option::of(1u16..400), opt_text())),
    )
        .prop_map(|(kind, provider, period)| UsedService {
            kind,
            provider,
            period: period.and_then(|(start, len, note)| {
                let start = day(start % 300);
                let dates = len.map(|l| {
                    Period::new(
                        start,
                        Some(start.checked_add_days(Days::new(u64::from(l))).unwrap()),
                    )
                    .unwrap()
                });
                (dates.is_some() || note.is_some()).then_some(ServicePeriod { dates, note })
            }),
        })
}

fn support() -> impl Strategy<Value = Support> {
    (
        opt_text(),
        opt_text(),
        opt_text(),
        proptest::collection::vec(service(), 0..3),
    )
        .prop_map(|(point, self_care, insured_service, services)| Support {
            point,
            self_care,
            insured_service,
            services,
        })
}

fn issue() -> impl Strategy<Value = Issue> {
    (
        text_strategy(),
        opt_text(),
        opt_text(),
        opt_text(),
        proptest::collection::vec(support(), 0..3),
    )
        .prop_map(|(text, proposal, wishes, goal, supports)| Issue {
            text,
            proposal,
            wishes,
            goal,
            supports,
        })
}

fn checklist() -> impl Strategy<Value = PlanChecklist> {
    let answers = (
        proptest::collection::vec(any::<bool>(), 24),
        HEIGHT_MM.0..=HEIGHT_MM.1,
        WEIGHT_HG.0..=WEIGHT_HG.1,
    )
        .prop_map(|(yes, h, w)| {
            let list: Vec<Answer> = yes
                .into_iter()
                .map(|y| if y { Answer::Yes } else { Answer::No })
                .collect();
            Checklist::new(
                Answers::from_list(&list).unwrap(),
                BodyMeasures::new(h, w).unwrap(),
            )
        });
    let counts = (0u8..=5, 0u8..=2, 0u8..=3, 0u8..=2, 0u8..=3, 0u8..=5)
        .prop_map(|(a, b, c, d, e, f)| DomainCounts::new([a, b, c, d, e, f]).unwrap());
    (
        proptest::option::of(answers),
        counts,
        proptest::option::of(0u16..60),
        proptest::collection::vec(proptest::option::of(any::<bool>()), 6),
    )
        .prop_map(|(answers, counts, date, programmes)| PlanChecklist {
            date: date.map(day),
            counts: answers.as_ref().map_or(counts, DomainCounts::of),
            answers,
            programmes: [
                programmes[0],
                programmes[1],
                programmes[2],
                programmes[3],
                programmes[4],
                programmes[5],
            ],
        })
}

pub fn preventive_plan_strategy() -> impl Strategy<Value = PreventivePlanParts> {
    let header = (
        prop_oneof![
            Just(SupportLevel::Support1),
            Just(SupportLevel::Support2),
            Just(SupportLevel::BusinessTarget)
        ],
        any::<bool>(),
        any::<bool>(),
        proptest::collection::vec(any::<bool>(), 3),
        any::<bool>(),
        (opt_text(), opt_text(), any::<bool>()),
    );
    let body = (
        (text_strategy(), opt_text()),
        proptest::collection::vec(area(), 4),
        proptest::collection::vec(issue(), 1..4),
        (opt_text(), opt_text(), opt_text(), opt_text(), opt_text()),
        proptest::option::of(checklist()),
        (
            any::<bool>(),
            0u16..30,
            proptest::option::of(0u16..30),
            proptest::option::of(0u16..30),
        ),
        (opt_text(), opt_text(), proptest::option::of(0u16..30)),
    );
    (header, body).prop_map(
        |(
            (level, certified, entrusted, kinds, draft, (staff, manager, both)),
            (
                (name, record_number),
                areas,
                issues,
                (day_goal, year_goal, health_notes, fallback_policy, policy),
                checklist,
                (care_management, plan_offset, first_before, consent_after),
                (center_name, opinion, confirmed),
            ),
        )| {
            let plan_date = day(plan_offset);
            let business = level == SupportLevel::BusinessTarget;
            let plan_type = if business || care_management {
                PlanType::CareManagement
            } else {
                PlanType::PreventionSupport
            };
            let certification_status = if business {
                None
            } else if certified {
                Some(CertificationStatus::Certified)
            } else {
                Some(CertificationStatus::Applying)
            };
            let certification = if certified && !business {
                PlanCertification {
                    date: Some(base()),
                    period: Some(DateRange::new(base(), day(364)).unwrap()),
                }
            } else {
                PlanCertification {
                    date: None,
                    period: None,
                }
            };
            let planner = Planner::new(
                staff.or_else(|| (!both).then(|| Text::new("包括 担当").unwrap())),
                manager.or_else(|| both.then(|| Text::new("介護 花子").unwrap())),
            )
            .unwrap();
            let kinds = [
                PlanKind::Initial,
                PlanKind::Referral,
                PlanKind::Continuation,
            ]
            .into_iter()
            .zip(kinds)
            .filter(|(_, on)| *on)
            .map(|(k, _)| k);
            let plan_kinds =
                PlanKinds::new(kinds).unwrap_or(PlanKinds::new([PlanKind::Initial]).unwrap());
            PreventivePlanParts {
                status: if draft {
                    PlanStatus::Draft
                } else {
                    PlanStatus::Final
                },
                record_number,
                plan_type,
                entrusted,
                plan_kinds,
                certification_status,
                level,
                certification,
                user: PlanUser {
                    name,
                    insurer_number: InsurerNumber::new("131016").unwrap(),
                    insured_number: InsuredNumber::new("0000123401").unwrap(),
                },
                planner,
                planner_office: entrusted.then(|| PlannerOffice {
                    name: Text::new("さくら居宅介護支援事業所").unwrap(),
                    address: Some(Text::new("横浜市中区本町1-2-3").unwrap()),
                    phone: Some(crate::PhoneNumber::new("045-123-4567").unwrap()),
                }),
                center: Center {
                    name: center_name,
                    opinion,
                    confirmed_on: confirmed.map(|o| day(plan_offset + o)),
                },
                plan_date,
                first_plan_date: first_before.map(|b| day(plan_offset.saturating_sub(b))),
                life_goals: LifeGoals {
                    day: day_goal,
                    year: year_goal,
                },
                assessment: Assessment {
                    motor: areas[0].clone(),
                    daily_life: areas[1].clone(),
                    social: areas[2].clone(),
                    health: areas[3].clone(),
                },
                issues,
                health_notes,
                fallback_policy,
                policy,
                checklist,
                consent: (!draft)
                    .then_some(consent_after)
                    .flatten()
                    .map(|a| PlanConsent {
                        date: day(plan_offset + a),
                        signer: Text::new("山田 トメ").unwrap(),
                    }),
            }
        },
    )
}
