//! # careplan-core
//!
//! The Japanese home care plan — 居宅サービス計画書 第1表, 第2表 and 第3表
//! (週間サービス計画表) — as Rust types whose rules are enforced by
//! construction. A [`CarePlan`] can only be made by [`CarePlan::new`] or by
//! reading its JSON form, and both check every rule of the form: required
//! entries, identifiers (保険者番号, 被保険者番号, 事業所番号), date order,
//! periods inside their parents (短期目標 inside 長期目標, 援助内容 inside
//! 短期目標), 第3表 entries that refer to real 第2表 services, and more.
//! When rules are broken, one [`Error`] lists **every** violation with its
//! JSON path, its [`Rule`], the offending value and a message in Japanese
//! and English.
//!
//! What a care manager may knowingly do — a goal period that outruns the
//! certification, a 第2表 service missing from 第3表 — is not refused here:
//! those are plan-check findings, not broken forms.
//!
//! This crate does no I/O and knows nothing of rendering.
//!
//! ```
//! use careplan_core::{CarePlan, Rule};
//!
//! let json = r#"{
//!   "status": "draft",
//!   "table1": {
//!     "created_on": "2015-12-03",
//!     "plan_kinds": ["initial"],
//!     "certification_status": "certified",
//!     "user": { "name": "Ａ", "birth_date": "1940-05-10",
//!               "insurer_number": "131016", "insured_number": "0000012345" },
//!     "planner_name": "介護 花子",
//!     "office": { "name": "みどり居宅介護支援事業所", "office_number": "1370000001" },
//!     "plan_date": "2015-12-03",
//!     "first_plan_date": "2015-12-03",
//!     "certification_date": "2015-09-10",
//!     "certification_period": { "start": "2015-09-10", "end": "2016-09-30" },
//!     "care_level": "care_2"
//!   },
//!   "table2": { "needs": [ {
//!     "text": "自分で移動が出来るようになりたい",
//!     "long_term_goals": [ {
//!       "text": "近所周りは歩行器を使って散歩ができるようになる",
//!       "period": { "start": "2015-12-03", "end": "2016-09-30" },
//!       "short_term_goals": [ {
//!         "text": "家の中は手すりや家具につかまりながら移動できるようになる",
//!         "period": { "start": "2015-12-03", "end": "2016-03-31" },
//!         "services": [ {
//!           "id": "rehab", "content": "歩行訓練", "insured": true,
//!           "service_type": "通所リハビリテーション", "frequency": "週2回",
//!           "period": { "start": "2015-12-03", "end": "2016-03-31" }
//!         } ] } ] } ] } ] },
//!   "table3": { "starts_from": "2015-12",
//!     "weekly": [ { "service": "rehab", "weekdays": ["tue", "fri"],
//!                   "start": "09:30", "end": "15:30" } ] }
//! }"#;
//!
//! let plan = CarePlan::from_json(json).expect("a valid plan");
//! assert_eq!(plan.user_age(), Some(75));
//! assert_eq!(careplan_core::wareki::format_date(plan.table1().created_on).unwrap(), "平成27年12月3日");
//!
//! // The same plan with a short-term goal that outruns its long-term goal
//! // and a 保険者番号 of five digits: both are reported, with their paths.
//! let bad = json
//!     .replace(r#""end": "2016-03-31" },
//!         "services""#, r#""end": "2016-12-31" },
//!         "services""#)
//!     .replace("131016", "13101");
//! let err = CarePlan::from_json(&bad).unwrap_err();
//! let found: Vec<(String, Rule)> = err
//!     .violations()
//!     .iter()
//!     .map(|v| (v.path().to_string(), v.rule()))
//!     .collect();
//! assert!(found.contains(&("table1.user.insurer_number".into(), Rule::InsurerNumberFormat)));
//! assert!(found.contains(&(
//!     "table2.needs[0].long_term_goals[0].short_term_goals[0].period".into(),
//!     Rule::PeriodOutsideParent
//! )));
//! ```
//!
//! See `ARCHITECTURE.md` and `DESIGN.md` at the top of the repository for
//! why the API looks as it does.

pub mod certification;
pub mod codes;
pub mod document;
pub mod error;
pub mod fields;
pub mod forms;
pub mod labels;
pub mod list;
pub mod path;
pub mod report;
pub mod rule;
pub mod service_codes;
pub mod text;
pub mod time;
pub mod units;
mod validation;
pub mod wareki;

pub(crate) use document::document_type;

pub use certification::Level;
pub use codes::{CertificationStatus, Sex};
pub use document::{Document, Form, Sheet};
pub use error::{Error, Rule, Violation};
pub use fields::{Field, Format};
/// Proptest strategies that generate valid plans (feature `proptest`).
#[cfg(feature = "proptest")]
pub use forms::kyotaku::arbitrary;
pub use forms::yobo::PreventivePlan;
// The 居宅サービス計画書, the first form, at the top for convenience.
pub use forms::kyotaku::{
    CareLevel, CarePlan, Consent, DailyActivity, HouseworkReason, HouseworkReasonCode, KindLimit,
    LongTermGoal, Need, NonWeeklyService, Office, PlanKind, PlanKinds, PlanParts, PlanStatus,
    Provider, Service, ShortTermGoal, Speaker, Supplementary, Table1, Table2, Table3, User,
    WeeklyEntry, Who, Wish,
};
pub use list::NonEmpty;
pub use path::FieldPath;
pub use text::{
    CharAt, InsuredNumber, InsurerNumber, Kana, MAX_NAME_CHARS, MAX_TEXT_CHARS, OfficeNumber,
    PhoneNumber, PostalCode, ServiceId, ServiceKind, Text,
};
pub use time::{DateRange, Period, TimeOfDay, TimeRange, Weekday, Weekdays, YearMonth};

/// The README's Rust snippets, compiled as doctests so that they stay true.
#[cfg(doctest)]
#[doc = include_str!("../../../README.md")]
pub struct ReadmeDoctests;
