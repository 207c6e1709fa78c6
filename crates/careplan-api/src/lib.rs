//! # careplan-api
//!
//! The operations every careplan surface offers — the `careplan` command
//! line today, the HTTP service and the npm packages tomorrow — in one
//! place, so that each surface is a thin layer that reads its input,
//! calls these and writes the result:
//!
//! | operation | function |
//! |---|---|
//! | read and check a document | [`validate::validate`] |
//! | the plan-check rules | [`check::check`], [`check::rules`], [`check::explain`] |
//! | print | [`render::render`] (feature `render`) |
//! | ケアプランデータ連携 CSV | [`csv::export`], [`csv::withdraw`], [`csv::import`] |
//! | JSON Schema | [`schema::schema`] |
//! | 第7表 from a 第6表, a サービスコード master and terms | [`table7::compute`], [`table7::master`], [`table7::terms`] |
//!
//! Requests and reports are serde types; errors are [`ApiError`]s with a
//! stable code, every cause (each violation with its path and rule), and
//! their message in Japanese and English apart, to be shown in the
//! language the caller asks for ([`Lang`]). Nothing here reads or writes
//! files, opens connections or looks at the clock: the same input gives
//! the same output on every surface.
//!
//! ```
//! use careplan_api::{Lang, validate};
//!
//! let json = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/invalid/short-term-outside-long-term.json"))?;
//! let err = validate::validate(&json).unwrap_err();
//! assert_eq!(err.code.as_str(), "invalid_document");
//! assert_eq!(err.causes[0].code, "period_outside_parent");
//! assert!(err.message(Lang::Ja).contains("違反"));
//! assert!(err.message(Lang::En).contains("violation"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod check;
pub mod csv;
mod error;
#[cfg(feature = "render")]
pub mod render;
pub mod schema;
pub mod table7;
pub mod validate;

pub use careplan_core::{Document, Form};
pub use error::{ApiError, Cause, ErrorCode};

use serde::{Deserialize, Serialize};

/// The language of messages for people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// 日本語 (the default: the product's language).
    #[default]
    Ja,
    /// English.
    En,
}

impl Lang {
    /// `ja` or `en` as the language of a message pair.
    pub fn pick<'a>(self, ja: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Ja => ja,
            Lang::En => en,
        }
    }
}
