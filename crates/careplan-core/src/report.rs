//! The JSON report of `careplan validate --format json`: a document we
//! emit, with its own schema.

use serde::{Deserialize, Serialize};

use crate::error::Violation;

/// The result of validating one or more plan documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ValidationReport {
    /// One entry per input, in the order given.
    pub files: Vec<FileReport>,
}

/// What became of one input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FileReport {
    /// The file name as given (`-` for standard input).
    pub file: String,
    /// `valid`, `invalid` or `unreadable`.
    pub status: FileStatus,
    /// Every rule the plan breaks (empty unless `invalid`).
    pub violations: Vec<ViolationRecord>,
    /// Why the input could not be read (only when `unreadable`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// The outcome for one input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FileStatus {
    /// The plan keeps every rule.
    Valid,
    /// The plan breaks at least one rule.
    Invalid,
    /// The input could not be read or is not JSON.
    Unreadable,
}

/// One violation as the report writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ViolationRecord {
    /// The JSON path of the field (`table2.needs[1].long_term_goals[0].period.end`).
    pub path: String,
    /// The rule's stable code (`period_outside_parent`).
    pub rule: String,
    /// The offending value, shortened to 80 characters.
    pub value: Option<String>,
    /// The other field or bound involved.
    pub detail: Option<String>,
    /// Where, in the form's labels (`第２表 › 課題（ニーズ）2 › …`).
    pub location_ja: String,
    /// The message in Japanese.
    pub message_ja: String,
    /// The message in English.
    pub message_en: String,
}

impl From<&Violation> for ViolationRecord {
    fn from(v: &Violation) -> Self {
        ViolationRecord {
            path: v.path().as_str().to_owned(),
            rule: v.rule().code().to_owned(),
            value: v.value().map(str::to_owned),
            detail: v.detail().map(str::to_owned),
            location_ja: v.location_ja(),
            message_ja: v.message_ja(),
            message_en: v.message_en(),
        }
    }
}

/// The report's field tables (titles and descriptions of its JSON Schema).
pub mod fields {
    use crate::fields::{Field, Format, O, Object, R};

    /// `ValidationReport`.
    pub const VALIDATION_REPORT: Object = Object {
        name: "ValidationReport",
        title_ja: "検証結果",
        fields: &[Field::new(
            "files",
            "ファイル",
            R,
            Format::Structure,
            "One entry per input, in the order given.",
        )
        .holds("FileReport")],
    };

    /// `FileReport`.
    pub const FILE_REPORT: Object = Object {
        name: "FileReport",
        title_ja: "ファイルごとの検証結果",
        fields: &[
            Field::new(
                "file",
                "ファイル名",
                R,
                Format::Any,
                "The file name as given (`-` for standard input).",
            ),
            Field::new(
                "status",
                "結果",
                R,
                Format::Structure,
                "`valid`, `invalid` or `unreadable`.",
            )
            .holds("FileStatus"),
            Field::new(
                "violations",
                "違反",
                R,
                Format::Structure,
                "Every rule the plan breaks (empty unless invalid).",
            )
            .holds("ViolationRecord"),
            Field::new(
                "error",
                "読み取れない理由",
                O,
                Format::Any,
                "Why the input could not be read (only when unreadable).",
            ),
        ],
    };

    /// `FileStatus` (a code, no fields).
    pub const FILE_STATUS: Object = Object {
        name: "FileStatus",
        title_ja: "検証結果の区分",
        fields: &[],
    };

    /// `ViolationRecord`.
    pub const VIOLATION_RECORD: Object = Object {
        name: "ViolationRecord",
        title_ja: "違反",
        fields: &[
            Field::new(
                "path",
                "項目のパス",
                R,
                Format::Any,
                "The JSON path of the field.",
            ),
            Field::new("rule", "規則", R, Format::Any, "The rule's stable code."),
            Field::new(
                "value",
                "入力値",
                O,
                Format::Any,
                "The offending value, shortened to 80 characters; null when the field had none.",
            ),
            Field::new(
                "detail",
                "補足",
                O,
                Format::Any,
                "The other field or bound involved; null when none.",
            ),
            Field::new(
                "location_ja",
                "場所",
                R,
                Format::Any,
                "Where, in the form's labels.",
            ),
            Field::new(
                "message_ja",
                "メッセージ（日本語）",
                R,
                Format::Any,
                "The message in Japanese.",
            ),
            Field::new(
                "message_en",
                "メッセージ（英語）",
                R,
                Format::Any,
                "The message in English.",
            ),
        ],
    };

    /// Every object of the validation report, the root first.
    pub const OBJECTS: &[&Object] = &[
        &VALIDATION_REPORT,
        &FILE_REPORT,
        &FILE_STATUS,
        &VIOLATION_RECORD,
    ];
}
