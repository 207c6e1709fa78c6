//! The error of every operation: a stable code, every cause, and messages
//! in Japanese and English, kept apart.

use std::fmt;

use careplan_core::Violation;
use serde::{Deserialize, Serialize};

use crate::Lang;

/// What kind of failure an [`ApiError`] is: stable codes that systems can
/// match on (they are part of the HTTP service's contract).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorCode {
    /// The input is not JSON at all.
    Unreadable,
    /// The document breaks rules of its form: every violation is a cause.
    InvalidDocument,
    /// A request option is wrong (a table that does not exist, a bad
    /// endpoint or timestamp, an unknown schema kind or rule).
    BadOptions,
    /// Characters no loaded font can draw: each is a cause.
    MissingGlyphs,
    /// A font file that holds no usable font.
    BadFont,
    /// A fault in careplan itself (a template that does not lay out, a
    /// schema that cannot be made), never in the input.
    Internal,
    /// Characters MS932 cannot carry: each is a cause.
    Unencodable,
    /// More than the CSV standard's 99 needs, goals or services.
    TooMany,
    /// Nothing to write.
    NothingToWrite,
    /// A サービスコード master that cannot be read: each problem, with its
    /// line and column, is a cause.
    BadMaster,
    /// 第7表 cannot be computed from this 第6表, master and terms (a code
    /// the master lacks, an office without its 地域区分, an allocation that
    /// breaks §6.2): each problem is a cause.
    CannotCompute,
}

impl ErrorCode {
    /// The code as written (`invalid_document`).
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::Unreadable => "unreadable",
            ErrorCode::InvalidDocument => "invalid_document",
            ErrorCode::BadOptions => "bad_options",
            ErrorCode::MissingGlyphs => "missing_glyphs",
            ErrorCode::BadFont => "bad_font",
            ErrorCode::Internal => "internal",
            ErrorCode::Unencodable => "unencodable",
            ErrorCode::TooMany => "too_many",
            ErrorCode::NothingToWrite => "nothing_to_write",
            ErrorCode::BadMaster => "bad_master",
            ErrorCode::CannotCompute => "cannot_compute",
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One cause of an error: a violation of a rule at a path, a character
/// that cannot be written, …
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cause {
    /// The rule or problem's code (`period_outside_parent`).
    pub code: String,
    /// The JSON path of the field concerned, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The offending value, shortened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// The other field or bound involved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// Where, in the form's labels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location_ja: Option<String>,
    /// The message in Japanese.
    pub message_ja: String,
    /// The message in English.
    pub message_en: String,
}

impl Cause {
    /// A cause `code` at `path`, with its messages.
    pub fn at(
        code: &str,
        path: impl Into<String>,
        ja: impl Into<String>,
        en: impl Into<String>,
    ) -> Cause {
        Cause {
            code: code.to_owned(),
            path: Some(path.into()),
            value: None,
            detail: None,
            location_ja: None,
            message_ja: ja.into(),
            message_en: en.into(),
        }
    }

    /// The same cause with the offending value and, when given, a detail.
    pub fn with_value(mut self, value: impl Into<String>, detail: Option<String>) -> Cause {
        self.value = Some(value.into());
        self.detail = detail;
        self
    }

    /// A character at a field that cannot be written or drawn: the
    /// character as the value, its code point as the detail.
    pub fn character(
        code: &str,
        at: &careplan_core::CharAt,
        ja: impl Into<String>,
        en: impl Into<String>,
    ) -> Cause {
        Cause::at(code, &at.path, ja, en)
            .with_value(at.character, Some(format!("U+{:04X}", at.character as u32)))
    }

    /// The cause's message in `lang`.
    pub fn message(&self, lang: Lang) -> &str {
        lang.pick(&self.message_ja, &self.message_en)
    }
}

impl From<&Violation> for Cause {
    fn from(v: &Violation) -> Cause {
        Cause {
            code: v.rule().code().to_owned(),
            path: Some(v.path().as_str().to_owned()),
            value: v.value().map(str::to_owned),
            detail: v.detail().map(str::to_owned),
            location_ja: Some(v.location_ja()),
            message_ja: v.message_ja(),
            message_en: v.message_en(),
        }
    }
}

/// The error of an operation.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiError {
    /// What kind of failure.
    pub code: ErrorCode,
    /// The failure in a sentence, in Japanese.
    pub message_ja: String,
    /// The failure in a sentence, in English.
    pub message_en: String,
    /// Every cause, in the order found (each violation, each character …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub causes: Vec<Cause>,
}

impl ApiError {
    /// An error without causes.
    pub fn new(code: ErrorCode, ja: impl Into<String>, en: impl Into<String>) -> ApiError {
        ApiError {
            code,
            message_ja: ja.into(),
            message_en: en.into(),
            causes: Vec::new(),
        }
    }

    /// The same error with its causes.
    pub fn with_causes(mut self, causes: Vec<Cause>) -> ApiError {
        self.causes = causes;
        self
    }

    /// The same error with every cause's path under `prefix`
    /// (`documents[1]` + `table1` → `documents[1].table1`), for a document
    /// that is one of several.
    pub fn under(mut self, prefix: &str) -> ApiError {
        if !prefix.is_empty() {
            for c in &mut self.causes {
                c.path = Some(match c.path.take() {
                    Some(p) if !p.is_empty() => format!("{prefix}.{p}"),
                    _ => prefix.to_owned(),
                });
            }
        }
        self
    }

    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> &str {
        lang.pick(&self.message_ja, &self.message_en)
    }

    /// The message in both languages, `日本語 / English`, as the command
    /// line has always printed it.
    pub fn message_both(&self) -> String {
        if self.message_ja == self.message_en {
            self.message_ja.clone()
        } else {
            format!("{} / {}", self.message_ja, self.message_en)
        }
    }

    /// The violations of a document that breaks rules of its form.
    pub fn invalid(violations: &[Violation]) -> ApiError {
        ApiError::new(
            ErrorCode::InvalidDocument,
            format!("{}件の違反があります", violations.len()),
            format!("{} violation(s)", violations.len()),
        )
        .with_causes(violations.iter().map(Cause::from).collect())
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_both())
    }
}

impl std::error::Error for ApiError {}
