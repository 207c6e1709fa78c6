//! Proptest strategies that generate valid plans, for property tests here
//! and in software that embeds careplan (feature `proptest`).
//!
//! [`plan_strategy`] makes [`PlanParts`] that [`crate::CarePlan::new`]
//! accepts: nested periods inside their parents, 第3表 entries referring to
//! real 第2表 services, dates in order, Japanese text with line breaks.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    missing_docs
)]

use crate::*;
use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use proptest::sample::Index;

pub fn text_strategy() -> impl Strategy<Value = Text> {
    "[あ-んア-ン一-龥a-zA-Z0-9「」、。・（）\n 　]{0,24}[あ-ん一-龥]"
        .prop_map(|s| Text::new(s).unwrap())
}

fn opt_text() -> impl Strategy<Value = Option<Text>> {
    proptest::option::of(text_strategy())
}

fn d(base: NaiveDate, offset: u64) -> NaiveDate {
    base.checked_add_days(Days::new(offset)).unwrap()
}

/// Random numbers for one level of 第2表; turned into a period inside its parent.
#[derive(Debug, Clone)]
struct Span {
    start: u16,
    len: u16,
    open: bool,
}

fn span() -> impl Strategy<Value = Span> {
    (any::<u16>(), any::<u16>(), prop::bool::weighted(0.2)).prop_map(|(start, len, open)| Span {
        start,
        len,
        open,
    })
}

/// A period inside `parent` drawn from `s`.
fn inside(parent: Period, s: &Span) -> Period {
    let room = match parent.end() {
        Some(e) => (e - parent.start()).num_days() as u64,
        None => 400,
    };
    let start = d(parent.start(), s.start as u64 % (room + 1));
    let end_room = match parent.end() {
        Some(e) => (e - start).num_days() as u64,
        None => 400,
    };
    let end = if s.open {
        None
    } else {
        Some(d(start, s.len as u64 % (end_room + 1)))
    };
    Period::new(start, end).unwrap()
}

#[derive(Debug, Clone)]
struct ServiceSeed {
    span: Span,
    content: Text,
    insured: bool,
    service_type: Text,
    provider: Option<(Text, bool)>,
    frequency: Option<Text>,
}

fn service_seed() -> impl Strategy<Value = ServiceSeed> {
    (
        span(),
        text_strategy(),
        any::<bool>(),
        text_strategy(),
        proptest::option::of((text_strategy(), any::<bool>())),
        opt_text(),
    )
        .prop_map(
            |(span, content, insured, service_type, provider, frequency)| ServiceSeed {
                span,
                content,
                insured,
                service_type,
                provider,
                frequency,
            },
        )
}

type ShortSeed = (Text, Span, Vec<ServiceSeed>);
type LongSeed = (Text, Span, Vec<ShortSeed>);
type NeedSeed = (Text, Vec<LongSeed>);

fn needs_seed() -> impl Strategy<Value = Vec<NeedSeed>> {
    let short = (
        text_strategy(),
        span(),
        prop::collection::vec(service_seed(), 1..4),
    );
    let long = (text_strategy(), span(), prop::collection::vec(short, 1..3));
    let need = (text_strategy(), prop::collection::vec(long, 1..3));
    prop::collection::vec(need, 1..4)
}

fn build_table2(base: Period, seeds: Vec<NeedSeed>) -> Table2 {
    let mut n = 0usize;
    let needs = seeds
        .into_iter()
        .map(|(text, longs)| Need {
            text,
            long_term_goals: NonEmpty::new(
                longs
                    .into_iter()
                    .map(|(text, ls, shorts)| {
                        let lp = inside(base, &ls);
                        LongTermGoal {
                            text,
                            period: lp,
                            short_term_goals: NonEmpty::new(
                                shorts
                                    .into_iter()
                                    .map(|(text, ss, services)| {
                                        let sp = inside(lp, &ss);
                                        ShortTermGoal {
                                            text,
                                            period: sp,
                                            services: NonEmpty::new(
                                                services
                                                    .into_iter()
                                                    .map(|s| {
                                                        n += 1;
                                                        Service {
                                                            id: ServiceId::new(format!("s{n}"))
                                                                .unwrap(),
                                                            content: s.content,
                                                            insured: s.insured,
                                                            service_type: s.service_type,
                                                            provider: s.provider.map(
                                                                |(name, num)| Provider {
                                                                    name,
                                                                    office_number: num.then(|| {
                                                                        OfficeNumber::new(
                                                                            "1370000001",
                                                                        )
                                                                        .unwrap()
                                                                    }),
                                                                },
                                                            ),
                                                            frequency: s.frequency,
                                                            period: inside(sp, &s.span),
                                                        }
                                                    })
                                                    .collect(),
                                            )
                                            .unwrap(),
                                        }
                                    })
                                    .collect(),
                            )
                            .unwrap(),
                        }
                    })
                    .collect(),
            )
            .unwrap(),
        })
        .collect();
    Table2 {
        created_on: None,
        needs: NonEmpty::new(needs).unwrap(),
    }
}

#[derive(Debug, Clone)]
struct EntrySeed {
    service: Option<Index>,
    label: Option<Text>,
    days: u8,
    start: u16,
    len: u16,
}

fn entry_seed() -> impl Strategy<Value = EntrySeed> {
    (
        proptest::option::of(any::<Index>()),
        opt_text(),
        1u8..128,
        0u16..1440,
        any::<u16>(),
    )
        .prop_map(|(service, label, days, start, len)| EntrySeed {
            service,
            label,
            days,
            start,
            len,
        })
}

pub fn plan_strategy() -> impl Strategy<Value = PlanParts> {
    (
        (
            0u64..40000,
            0u64..40000,
            0u64..3000,
            0u64..800,
            any::<bool>(),
            any::<bool>(),
            0usize..5,
        ),
        (
            text_strategy(),
            text_strategy(),
            text_strategy(),
            opt_text(),
            opt_text(),
            opt_text(),
            0u8..4,
        ),
        prop::collection::vec((any::<bool>(), text_strategy(), text_strategy()), 0..4),
        needs_seed(),
        prop::collection::vec(entry_seed(), 0..6),
        prop::collection::vec(
            (
                0u16..1440,
                proptest::option::of(any::<u16>()),
                text_strategy(),
            ),
            0..6,
        ),
        prop::collection::vec(
            (text_strategy(), proptest::option::of(any::<Index>())),
            0..4,
        ),
        any::<bool>(),
    )
        .prop_map(
            |(dates, texts, wishes, needs, entries, daily, non_weekly, draft)| {
                let (birth_off, cert_off, len, first_back, certified, consent, level) = dates;
                let (name, planner, office, analysis, policy, opinion, reason) = texts;
                let birth = d(NaiveDate::from_ymd_opt(1900, 1, 1).unwrap(), birth_off);
                let cert = d(birth, cert_off);
                let cert_end = d(cert, len);
                let plan_date = d(cert, len / 3);
                let first = plan_date.checked_sub_days(Days::new(first_back)).unwrap();
                let table2 = build_table2(Period::new(cert, Some(cert_end)).unwrap(), needs);
                let ids: Vec<ServiceId> = table2.services().map(|s| s.id.clone()).collect();
                let status = if draft {
                    PlanStatus::Draft
                } else {
                    PlanStatus::Final
                };
                let table1 = Table1 {
                    created_on: plan_date,
                    plan_kinds: PlanKinds::new(
                        PlanKind::ALL
                            .into_iter()
                            .enumerate()
                            .filter(|(i, _)| (level + 1) & (1 << i) != 0)
                            .map(|(_, k)| k),
                    )
                    .unwrap_or_else(|| PlanKinds::new([PlanKind::Initial]).unwrap()),
                    certification_status: if certified {
                        CertificationStatus::Certified
                    } else {
                        CertificationStatus::Applying
                    },
                    user: User {
                        name,
                        name_kana: Some(Kana::new("ヤマダ タロウ").unwrap()),
                        sex: Some(Sex::Female),
                        birth_date: birth,
                        postal_code: Some(PostalCode::new("100-0001").unwrap()),
                        address: None,
                        address2: None,
                        phone: Some(PhoneNumber::new("03-1234-5678").unwrap()),
                        insurer_number: InsurerNumber::new("131016").unwrap(),
                        insured_number: InsuredNumber::new("H000000001").unwrap(),
                    },
                    planner_name: planner,
                    office: Office {
                        name: office,
                        postal_code: None,
                        address: None,
                        address2: None,
                        office_number: OfficeNumber::new("1370000001").unwrap(),
                    },
                    plan_date,
                    first_plan_date: first.max(birth),
                    certification_date: cert,
                    certification_period: (certified || level % 2 == 0)
                        .then(|| DateRange::new(cert, cert_end).unwrap()),
                    care_level: (certified || level % 2 == 1).then_some(CareLevel::ALL[level]),
                    wishes: wishes
                        .into_iter()
                        .map(|(family, rel, text)| Wish {
                            speaker: if family {
                                Speaker::Family { relation: rel }
                            } else {
                                Speaker::User
                            },
                            text,
                        })
                        .collect(),
                    analysis,
                    committee_opinion: opinion,
                    support_policy: policy.clone(),
                    housework_reason: match reason {
                        0 => None,
                        1 => Some(HouseworkReason::LivingAlone),
                        2 => Some(HouseworkReason::FamilyIllness),
                        _ => Some(HouseworkReason::Other(Text::new("その他の理由").unwrap())),
                    },
                    consent: (consent && !draft).then(|| Consent {
                        date: plan_date,
                        signer: Text::new("署名者").unwrap(),
                        proxy_relation: policy,
                    }),
                    updater_code: consent.then(|| OfficeNumber::new("1370000001").unwrap()),
                    consent_receiver_code: draft.then(|| OfficeNumber::new("1370000002").unwrap()),
                    supplementary: consent.then(|| Supplementary {
                        limit_period: None,
                        care_level_changed_on: Some(cert),
                        limit_units: Some(16_765),
                        kind_limits: vec![KindLimit {
                            kind: ServiceKind::new("11").unwrap(),
                            limit_units: Some(1_000),
                            total_units: Some(500),
                            over_units: None,
                        }],
                        total_over_units: Some(0),
                        days_before_admission: None,
                        days_admitted: Some(10),
                        previous_level: Some(Level::Support2),
                    }),
                };
                let weekly = entries
                    .into_iter()
                    .map(|e| {
                        let service = e.service.map(|i| i.get(&ids).clone());
                        let label = if service.is_none() && e.label.is_none() {
                            Some(Text::new("ラベル").unwrap())
                        } else {
                            e.label
                        };
                        let start = TimeOfDay::from_minutes(e.start).unwrap();
                        let end = TimeOfDay::from_minutes(e.start + 1 + e.len % (1440 - e.start))
                            .unwrap();
                        WeeklyEntry {
                            service,
                            label,
                            weekdays: Weekdays::new(
                                Weekday::ALL
                                    .into_iter()
                                    .filter(|w| e.days & (1 << w.index()) != 0),
                            )
                            .unwrap(),
                            time: TimeRange::new(start, end).unwrap(),
                        }
                    })
                    .collect();
                let daily_activities = daily
                    .into_iter()
                    .map(|(start, len, text)| DailyActivity {
                        start: TimeOfDay::from_minutes(start).unwrap(),
                        end: len.map(|l| {
                            TimeOfDay::from_minutes(start + 1 + l % (1440 - start)).unwrap()
                        }),
                        text,
                    })
                    .collect();
                let non_weekly = non_weekly
                    .into_iter()
                    .map(|(text, i)| NonWeeklyService {
                        text,
                        service: i.map(|i| i.get(&ids).clone()),
                    })
                    .collect();
                PlanParts {
                    status,
                    table1,
                    table2,
                    table3: Table3 {
                        created_on: None,
                        starts_from: YearMonth::new(
                            plan_date.format("%Y").to_string().parse().unwrap(),
                            4,
                        )
                        .unwrap(),
                        weekly,
                        daily_activities,
                        non_weekly,
                    },
                }
            },
        )
}
