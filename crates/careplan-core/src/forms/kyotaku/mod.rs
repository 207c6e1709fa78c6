//! 居宅サービス計画書 第1表–第3表: the home care plan for users certified
//! 要介護１–５, as typed parts ([`Table1`], [`Table2`], [`Table3`]) put
//! together into a [`CarePlan`] that keeps every rule of the form.
//!
//! The parts are plain data whose fields are already-checked values
//! ([`crate::Text`], [`crate::Period`], [`crate::Weekdays`] …). Rules that
//! span several fields (a short-term period inside its long-term period,
//! 第3表 references that resolve, date order) are checked when the parts are
//! put together, in [`CarePlan::new`] or when reading JSON; a plan cannot
//! exist unless every rule holds.
//!
//! | module | holds |
//! |---|---|
//! | [`table1`], [`table2`], [`table3`] | the typed sheets |
//! | `plan` | [`CarePlan`], [`PlanParts`], [`PlanStatus`] |
//! | [`wire`] | the JSON document types, every field optional |
//! | `validate` | the one validator, a module per sheet |
//! | [`fields`] | the field tables, a module per sheet |
//! | `texts` | the walk over every printed text ([`CarePlan::texts`]) |

#[cfg(feature = "proptest")]
pub mod arbitrary;
pub mod case_file;
pub mod fields;
pub mod meeting;
mod plan;
pub mod progress;
pub mod table1;
pub mod table2;
pub mod table3;
mod texts;
pub mod usage;
mod validate;
pub mod wire;

pub use plan::{CarePlan, PlanParts, PlanStatus};
pub use table1::{
    CareLevel, Consent, HouseworkReason, HouseworkReasonCode, KindLimit, MAX_KIND_LIMITS,
    MAX_SUPPLEMENTARY_DAYS, MAX_SUPPLEMENTARY_UNITS, Office, PlanKind, PlanKinds, Speaker,
    Supplementary, Table1, User, Who, Wish,
};
pub use table2::{LongTermGoal, Need, Provider, Service, ShortTermGoal, Table2};
pub use table3::{DailyActivity, NonWeeklyService, Table3, WeeklyEntry};
