//! Which form a document is, and a document of any form.
//!
//! A JSON document says which form it is by its top-level `form` key. The
//! 居宅サービス計画書 came first and needs none: a document without `form`
//! is read as one, so every plan written before there were other forms is
//! read unchanged. Each form added later names itself (`"form": "…"`).
//!
//! ```
//! use careplan_core::document::{Document, Form};
//!
//! let json = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/plans/case-a.json"))?;
//! let doc = Document::from_json(&json)?;
//! assert_eq!(doc.form(), Form::Kyotaku);
//! assert_eq!(doc.form().label_ja(), "居宅サービス計画書");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use serde::Deserialize;

use crate::error::Error;
use crate::fields::Tables;
use crate::forms::kyotaku::case_file::CaseFile;
use crate::forms::kyotaku::meeting::Meeting;
use crate::forms::kyotaku::progress::Progress;
use crate::forms::kyotaku::usage::Usage;
use crate::forms::kyotaku::{self, CarePlan};
use crate::forms::yobo::kihon::Kihon;
use crate::forms::yobo::{self, PreventivePlan};
use crate::path::FieldPath;

/// The document types of a form's JSON document: every field `Option` (a
/// missing field is reported with its path, among every other violation),
/// absent fields not written, unknown fields refused. The field tables say
/// what each field is; the struct's doc comment becomes its JSON Schema
/// description.
macro_rules! document_type {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $($field:ident: $ty:ty,)*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(deny_unknown_fields)]
        #[allow(missing_docs)] // the field tables document every field
        pub struct $name {
            $(
                #[serde(default, skip_serializing_if = "Option::is_none")]
                pub $field: Option<$ty>,
            )*
        }
    };
}
pub(crate) use document_type;

/// `to_json_value`, `to_json_pretty` and `Serialize` for a checked
/// document type with a `to_document()`: its JSON form is its document form.
macro_rules! json_form {
    ($ty:ty) => {
        impl $ty {
            /// The JSON form as a value.
            pub fn to_json_value(&self) -> serde_json::Value {
                serde_json::to_value(self.to_document()).unwrap_or_else(|e| {
                    debug_assert!(false, "a document did not serialise: {e}");
                    serde_json::Value::Null
                })
            }

            /// The JSON form, pretty-printed.
            pub fn to_json_pretty(&self) -> String {
                serde_json::to_string_pretty(&self.to_document()).unwrap_or_else(|e| {
                    debug_assert!(false, "a document did not serialise: {e}");
                    String::new()
                })
            }
        }

        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                self.to_document().serialize(serializer)
            }
        }
    };
}
pub(crate) use json_form;

/// A form careplan models.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Form {
    /// 居宅サービス計画書 第1表–第3表: the home care plan for 要介護１–５.
    Kyotaku,
    /// 介護予防サービス・支援計画書: the preventive plan for 要支援１・２ and
    /// 事業対象者 (`"form": "yobo_plan"`).
    YoboPlan,
    /// 利用者基本情報: the consultation and the user, for the 介護予防 plan
    /// (`"form": "yobo_kihon"`).
    YoboKihon,
    /// 第4表 サービス担当者会議の要点: the minutes of one meeting
    /// (`"form": "kyotaku_meeting"`).
    Meeting,
    /// 第5表 居宅介護支援経過: the care manager's log
    /// (`"form": "kyotaku_progress"`).
    Progress,
    /// A case file: one user's plan (第1表–第3表), its meetings (第4表) and
    /// its log (第5表), checked and printed together (`"form": "case_file"`).
    CaseFile,
    /// 第6表 サービス利用票: one user's month of services
    /// (`"form": "kyotaku_usage"`): typed, validated, checked and printed;
    /// its 第7表 is computed by [`kyotaku::usage::table7`]; its CSV records
    /// follow (#13).
    Usage,
}

impl Form {
    /// Every form, in the order careplan lists them.
    pub const ALL: [Form; 7] = [
        Form::Kyotaku,
        Form::YoboPlan,
        Form::YoboKihon,
        Form::Meeting,
        Form::Progress,
        Form::CaseFile,
        Form::Usage,
    ];

    /// The form's code: the value of a document's `form` key.
    pub fn code(self) -> &'static str {
        match self {
            Form::Kyotaku => "kyotaku",
            Form::YoboPlan => yobo::fields::FORM_CODE,
            Form::YoboKihon => yobo::kihon::fields::FORM_CODE,
            Form::Meeting => kyotaku::meeting::fields::FORM_CODE,
            Form::Progress => kyotaku::progress::fields::FORM_CODE,
            Form::CaseFile => kyotaku::case_file::fields::FORM_CODE,
            Form::Usage => kyotaku::usage::fields::FORM_CODE,
        }
    }

    /// The form's name as printed.
    pub fn label_ja(self) -> &'static str {
        match self {
            Form::Kyotaku => "居宅サービス計画書",
            Form::YoboPlan => "介護予防サービス・支援計画書",
            Form::YoboKihon => "利用者基本情報",
            Form::Meeting => "サービス担当者会議の要点",
            Form::Progress => "居宅介護支援経過",
            Form::CaseFile => "ケースファイル（居宅サービス計画書 第１表〜第５表）",
            Form::Usage => "サービス利用票（第６表）",
        }
    }

    /// Whether a document of this form names itself with `form` (the
    /// 居宅サービス計画書, first of all, is read without it).
    fn named_by_key(self) -> bool {
        match self {
            Form::Kyotaku => false,
            Form::YoboPlan
            | Form::YoboKihon
            | Form::Meeting
            | Form::Progress
            | Form::CaseFile
            | Form::Usage => true,
        }
    }

    /// The form's sheets, in the order of the paper form.
    pub fn sheets(self) -> &'static [Sheet] {
        match self {
            Form::Kyotaku => &[
                Sheet::KyotakuTable1,
                Sheet::KyotakuTable2,
                Sheet::KyotakuTable3,
            ],
            Form::YoboPlan => &[Sheet::YoboPlan],
            Form::YoboKihon => &[Sheet::YoboKihon],
            Form::Meeting => &[Sheet::KyotakuTable4],
            Form::Progress => &[Sheet::KyotakuTable5],
            Form::CaseFile => &[
                Sheet::KyotakuTable1,
                Sheet::KyotakuTable2,
                Sheet::KyotakuTable3,
                Sheet::KyotakuTable4,
                Sheet::KyotakuTable5,
            ],
            Form::Usage => &[Sheet::KyotakuTable6, Sheet::KyotakuTable7],
        }
    }

    /// The sheet the paper form numbers `n` (第`n`表), if it has one.
    pub fn sheet(self, n: u8) -> Option<Sheet> {
        self.sheets().iter().copied().find(|s| s.number() == n)
    }

    /// The form's field tables.
    pub fn tables(self) -> &'static Tables {
        match self {
            Form::Kyotaku => &kyotaku::fields::TABLES,
            Form::YoboPlan => &yobo::fields::TABLES,
            Form::YoboKihon => &yobo::kihon::fields::TABLES,
            Form::Meeting => &kyotaku::meeting::fields::TABLES,
            Form::Progress => &kyotaku::progress::fields::TABLES,
            Form::CaseFile => &kyotaku::case_file::fields::TABLES,
            Form::Usage => &kyotaku::usage::fields::TABLES,
        }
    }

    /// Which form a JSON document is: the form its `form` key names, or the
    /// 居宅サービス計画書 when it has none (or names no form that is named
    /// that way, which its own reader then reports).
    pub fn of_json(json: &str) -> Form {
        #[derive(Deserialize)]
        struct Peek {
            form: Option<String>,
        }
        if !Form::ALL.into_iter().any(Form::named_by_key) {
            return Form::Kyotaku;
        }
        let named = serde_json::from_str::<Peek>(json)
            .ok()
            .and_then(|p| p.form)
            .and_then(|code| {
                Form::ALL
                    .into_iter()
                    .find(|f| f.named_by_key() && f.code() == code)
            });
        named.unwrap_or(Form::Kyotaku)
    }
}

/// One sheet of a form: what a plan-check rule concerns, what the
/// renderer prints, one page or more of the paper form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Sheet {
    /// 第1表 居宅サービス計画書（１）.
    KyotakuTable1,
    /// 第2表 居宅サービス計画書（２）.
    KyotakuTable2,
    /// 第3表 週間サービス計画表.
    KyotakuTable3,
    /// 第4表 サービス担当者会議の要点 (one meeting a sheet, over as many pages as it needs).
    KyotakuTable4,
    /// 第5表 居宅介護支援経過 (over as many pages as the log needs).
    KyotakuTable5,
    /// 第6表 サービス利用票 (the head on every page, the grid over as many
    /// pages as its rows need).
    KyotakuTable6,
    /// 第7表 サービス利用票別表: computed from a 第6表, a サービスコード master
    /// and the terms (`forms::kyotaku::usage::table7`), never written.
    KyotakuTable7,
    /// 介護予防サービス・支援計画書 (one sheet, printed over as many pages as it needs).
    YoboPlan,
    /// 利用者基本情報 (one sheet, printed over as many pages as it needs).
    YoboKihon,
}

impl Sheet {
    /// The form the sheet belongs to.
    pub fn form(self) -> Form {
        match self {
            Sheet::KyotakuTable1 | Sheet::KyotakuTable2 | Sheet::KyotakuTable3 => Form::Kyotaku,
            Sheet::YoboPlan => Form::YoboPlan,
            Sheet::YoboKihon => Form::YoboKihon,
            Sheet::KyotakuTable4 => Form::Meeting,
            Sheet::KyotakuTable5 => Form::Progress,
            Sheet::KyotakuTable6 | Sheet::KyotakuTable7 => Form::Usage,
        }
    }

    /// The sheet's number within its form (第`n`表), as `--tables` takes it.
    pub fn number(self) -> u8 {
        match self {
            Sheet::KyotakuTable1 | Sheet::YoboPlan | Sheet::YoboKihon => 1,
            Sheet::KyotakuTable2 => 2,
            Sheet::KyotakuTable3 => 3,
            Sheet::KyotakuTable4 => 4,
            Sheet::KyotakuTable5 => 5,
            Sheet::KyotakuTable6 => 6,
            Sheet::KyotakuTable7 => 7,
        }
    }

    /// The sheet's name as its box on the form prints it (`第１表`).
    pub fn label_ja(self) -> &'static str {
        match self {
            Sheet::KyotakuTable1 => "第１表",
            Sheet::KyotakuTable2 => "第２表",
            Sheet::KyotakuTable3 => "第３表",
            Sheet::KyotakuTable4 => "第４表",
            Sheet::KyotakuTable5 => "第５表",
            Sheet::KyotakuTable6 => "第６表",
            Sheet::KyotakuTable7 => "第７表",
            Sheet::YoboPlan => "介護予防サービス・支援計画書",
            Sheet::YoboKihon => "利用者基本情報",
        }
    }

    /// The sheet's title (`居宅サービス計画書（１）`).
    pub fn title_ja(self) -> &'static str {
        match self {
            Sheet::KyotakuTable1 => "居宅サービス計画書（１）",
            Sheet::KyotakuTable2 => "居宅サービス計画書（２）",
            Sheet::KyotakuTable3 => "週間サービス計画表",
            Sheet::KyotakuTable4 => "サービス担当者会議の要点",
            Sheet::KyotakuTable5 => "居宅介護支援経過",
            Sheet::KyotakuTable6 => "サービス利用票（兼居宅（介護予防）サービス計画）",
            Sheet::KyotakuTable7 => "サービス利用票別表",
            Sheet::YoboPlan => "介護予防サービス・支援計画書",
            Sheet::YoboKihon => "利用者基本情報",
        }
    }
}

/// A checked document of any form.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
// Both forms are a few hundred bytes of headers and vectors; a document is
// made once per request and moved rarely, so neither is boxed.
#[allow(clippy::large_enum_variant)]
pub enum Document {
    /// 居宅サービス計画書 第1表–第3表.
    Kyotaku(CarePlan),
    /// 介護予防サービス・支援計画書.
    YoboPlan(PreventivePlan),
    /// 利用者基本情報.
    YoboKihon(Kihon),
    /// 第4表 サービス担当者会議の要点.
    Meeting(Meeting),
    /// 第5表 居宅介護支援経過.
    Progress(Progress),
    /// A case file: plan, meetings and log.
    CaseFile(CaseFile),
    /// 第6表 サービス利用票.
    Usage(Usage),
}

impl Document {
    /// Reads and checks a document of any form: every violation with its path.
    pub fn from_json(json: &str) -> Result<Document, Error> {
        match Form::of_json(json) {
            Form::Kyotaku => CarePlan::from_json(json).map(Document::Kyotaku),
            Form::YoboPlan => PreventivePlan::from_json(json).map(Document::YoboPlan),
            Form::YoboKihon => Kihon::from_json(json).map(Document::YoboKihon),
            Form::Meeting => Meeting::from_json(json).map(Document::Meeting),
            Form::Progress => Progress::from_json(json).map(Document::Progress),
            Form::CaseFile => CaseFile::from_json(json).map(Document::CaseFile),
            Form::Usage => Usage::from_json(json).map(Document::Usage),
        }
    }

    /// The document's form.
    pub fn form(&self) -> Form {
        match self {
            Document::Kyotaku(_) => Form::Kyotaku,
            Document::YoboPlan(_) => Form::YoboPlan,
            Document::YoboKihon(_) => Form::YoboKihon,
            Document::Meeting(_) => Form::Meeting,
            Document::Progress(_) => Form::Progress,
            Document::CaseFile(_) => Form::CaseFile,
            Document::Usage(_) => Form::Usage,
        }
    }

    /// The document's JSON form, pretty-printed.
    pub fn to_json_pretty(&self) -> String {
        match self {
            Document::Kyotaku(p) => p.to_json_pretty(),
            Document::YoboPlan(p) => p.to_json_pretty(),
            Document::YoboKihon(k) => k.to_json_pretty(),
            Document::Meeting(m) => m.to_json_pretty(),
            Document::Progress(p) => p.to_json_pretty(),
            Document::CaseFile(c) => c.to_json_pretty(),
            Document::Usage(u) => u.to_json_pretty(),
        }
    }

    /// The document's JSON form as a value (what [`Document::to_json_pretty`]
    /// prints, without printing and reading it back).
    pub fn to_json_value(&self) -> serde_json::Value {
        match self {
            Document::Kyotaku(p) => p.to_json_value(),
            Document::YoboPlan(p) => p.to_json_value(),
            Document::YoboKihon(k) => k.to_json_value(),
            Document::Meeting(m) => m.to_json_value(),
            Document::Progress(p) => p.to_json_value(),
            Document::CaseFile(c) => c.to_json_value(),
            Document::Usage(u) => u.to_json_value(),
        }
    }

    /// Every printed text with the path of its field, in the order of the form.
    pub fn texts(&self) -> Vec<(FieldPath, &str)> {
        match self {
            Document::Kyotaku(p) => p.texts(),
            Document::YoboPlan(p) => p.texts(),
            Document::YoboKihon(k) => k.texts(),
            Document::Meeting(m) => m.texts(),
            Document::Progress(p) => p.texts(),
            Document::CaseFile(c) => c.texts(),
            Document::Usage(u) => u.texts(),
        }
    }

    /// The 居宅サービス計画書, if that is what the document is.
    pub fn as_kyotaku(&self) -> Option<&CarePlan> {
        match self {
            Document::Kyotaku(p) => Some(p),
            _ => None,
        }
    }

    /// The 介護予防サービス・支援計画書, if that is what the document is.
    pub fn as_yobo_plan(&self) -> Option<&PreventivePlan> {
        match self {
            Document::YoboPlan(p) => Some(p),
            _ => None,
        }
    }

    /// The 第4表, if that is what the document is.
    pub fn as_meeting(&self) -> Option<&Meeting> {
        match self {
            Document::Meeting(m) => Some(m),
            _ => None,
        }
    }

    /// The 第5表, if that is what the document is.
    pub fn as_progress(&self) -> Option<&Progress> {
        match self {
            Document::Progress(p) => Some(p),
            _ => None,
        }
    }

    /// The case file, if that is what the document is.
    pub fn as_case_file(&self) -> Option<&CaseFile> {
        match self {
            Document::CaseFile(c) => Some(c),
            _ => None,
        }
    }

    /// The 第6表, if that is what the document is.
    pub fn as_usage(&self) -> Option<&Usage> {
        match self {
            Document::Usage(u) => Some(u),
            _ => None,
        }
    }

    /// The 利用者基本情報, if that is what the document is.
    pub fn as_yobo_kihon(&self) -> Option<&Kihon> {
        match self {
            Document::YoboKihon(k) => Some(k),
            _ => None,
        }
    }
}

impl From<Usage> for Document {
    fn from(u: Usage) -> Document {
        Document::Usage(u)
    }
}

impl From<Meeting> for Document {
    fn from(m: Meeting) -> Document {
        Document::Meeting(m)
    }
}

impl From<Progress> for Document {
    fn from(p: Progress) -> Document {
        Document::Progress(p)
    }
}

impl From<CaseFile> for Document {
    fn from(c: CaseFile) -> Document {
        Document::CaseFile(c)
    }
}

impl From<Kihon> for Document {
    fn from(k: Kihon) -> Document {
        Document::YoboKihon(k)
    }
}

impl From<PreventivePlan> for Document {
    fn from(plan: PreventivePlan) -> Document {
        Document::YoboPlan(plan)
    }
}

impl From<CarePlan> for Document {
    fn from(plan: CarePlan) -> Document {
        Document::Kyotaku(plan)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_without_form_is_a_kyotaku_plan() {
        assert_eq!(Form::of_json(r#"{"status": "final"}"#), Form::Kyotaku);
        assert_eq!(Form::of_json("not json"), Form::Kyotaku);
        // The 居宅 plan is not named by key: a `form` key naming it is left
        // to the plan's reader, which refuses it as an unknown field.
        assert_eq!(Form::of_json(r#"{"form": "kyotaku"}"#), Form::Kyotaku);
        let e = Document::from_json(r#"{"form": "kyotaku"}"#).unwrap_err();
        assert_eq!(e.violations()[0].path().as_str(), "form");
        assert_eq!(Form::of_json(r#"{"form": "yobo_plan"}"#), Form::YoboPlan);
        let e = Document::from_json(r#"{"form": "yobo_plan"}"#).unwrap_err();
        assert!(
            e.violations()
                .iter()
                .all(|v| v.form() == Some(Form::YoboPlan))
        );
        assert!(e.violations().iter().any(|v| v.path().as_str() == "issues"));
    }

    #[test]
    fn sheets_by_number() {
        assert_eq!(Form::Kyotaku.sheet(2), Some(Sheet::KyotakuTable2));
        assert_eq!(Form::Kyotaku.sheet(4), None);
        for s in Form::Kyotaku.sheets() {
            assert_eq!(s.form(), Form::Kyotaku);
            assert_eq!(Form::Kyotaku.sheet(s.number()), Some(*s));
        }
    }
}
