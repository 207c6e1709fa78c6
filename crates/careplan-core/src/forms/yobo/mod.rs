//! 介護予防 (要支援１・２ and 事業対象者): the forms of the preventive plan.
//!
//! - [`PreventivePlan`]: the 介護予防サービス・支援計画書, as typed parts
//!   ([`PreventivePlanParts`]) checked together when built or read from
//!   JSON (`"form": "yobo_plan"`). Its 支援計画 nest under the 総合的課題
//!   they serve, so a 支援計画 row without its 課題 cannot be written.
//! - [`checklist`]: the 基本チェックリスト's scoring: which answers count
//!   (該当), the domain counts the plan prints (computed, never typed in
//!   when the answers are given), and the 事業対象者 criteria.
//!
//! - [`kihon::Kihon`]: the 利用者基本情報 (`"form": "yobo_kihon"`), the
//!   consultation and the user, with its 別表1 (the day's schedule) and
//!   別表2 (現病歴・既往歴).
//!
//! | module | holds |
//! |---|---|
//! | `plan` | [`PreventivePlan`] and its parts |
//! | [`wire`] | the JSON document types, every field optional |
//! | `validate` | the one validator |
//! | [`fields`] | the field tables, with the UPYOBO / UPYOBO_SUB fields |
//! | `texts` | the walk over every printed text |
//!
//! ```
//! use careplan_core::forms::yobo::{PreventivePlan, SupportLevel};
//!
//! let json = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/yobo/plans/support-1-day-service-salon.json"))?;
//! let plan = PreventivePlan::from_json(&json)?;
//! assert_eq!(plan.parts().level, SupportLevel::Support1);
//! assert!(plan.parts().issues.len() >= 2);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#[cfg(feature = "proptest")]
pub mod arbitrary;
pub mod checklist;
pub mod fields;
pub mod kihon;
mod plan;
mod texts;
pub(crate) mod validate;
pub mod wire;

pub use plan::{
    Area, AreaKind, Assessment, Center, DomainCounts, Issue, LifeGoals, PLAN_DOMAINS,
    PlanCertification, PlanChecklist, PlanConsent, PlanType, PlanUser, Planner, PlannerOffice,
    PreventivePlan, PreventivePlanParts, ServicePeriod, Support, SupportLevel, UsedService,
};
