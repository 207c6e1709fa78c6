//! The field tables of 第5表 居宅介護支援経過: labels (FORMS-4-7.md §3,
//! \[C\]; see `docs/readings.md`) and formats. The CSV standard does not
//! carry 第5表.

use super::{EntryKind, EntryPlace};
use crate::fields::{Format, Tables, field_table};

/// The form key's one value for this form.
pub const FORM_CODE: &str = "kyotaku_progress";

/// The document: `ProgressDocument`.
pub mod document {
    use super::*;

    field_table! {
        /// `ProgressDocument`.
        OBJECT = "ProgressDocument", "第５表 居宅介護支援経過";
        SCHEMA: "$schema", "スキーマ", O, Format::Any, "A schema reference for editors; ignored." => unlabelled();
        FORM: "form", "様式", O, Format::Code(&[FORM_CODE]), "Which form the document is: `kyotaku_progress` (required on its own; may be left out inside a case file)." => unlabelled();
        CREATED_ON: "created_on", "作成年月日", R, Format::Date, "The day the sheet was made.";
        USER_NAME: "user_name", "利用者名", R, Format::Name, "The user's name.";
        PLANNER_NAME: "planner_name", "居宅サービス計画作成者氏名", R, Format::Text, "The care manager.";
        ENTRIES: "entries", "経過", R, Format::Structure, "The entries, at least one, in date order (within a day, in time order where both give a time)." => holds("ProgressEntryDoc");
    }
}

/// One entry: `ProgressEntryDoc`.
pub mod entry {
    use super::*;

    field_table! {
        /// `ProgressEntryDoc`.
        OBJECT = "ProgressEntryDoc", "経過の記録";
        DATE: "date", "年月日", R, Format::Date, "The day.";
        TIME: "time", "時刻", O, Format::Time, "`HH:MM`, printed under the date.";
        ITEM: "item", "項目", O, Format::Text, "What the entry is about (the column added in 令和3年).";
        CONTENT: "content", "内容", R, Format::Text, "The record.";
        KIND: "kind", "記録の種類", O, Format::Code(EntryKind::CODES), "Not printed: `monitoring`, `assessment`, `meeting`, `inquiry`, `contact` or `other` (the plan-check rules read it).";
        PLACE: "place", "場所・方法", O, Format::Code(EntryPlace::CODES), "Not printed: `home` (居宅訪問), `online`, `phone`, `office` or `other` (the plan-check rules read it).";
    }
}

/// Every object of the document, the root first.
pub const TABLES: Tables = Tables {
    root: "ProgressDocument",
    objects: &OBJECTS,
};

/// The objects of [`TABLES`], for documents that hold a 第5表.
pub(crate) const OBJECTS: [&crate::fields::Object; 2] = [&document::OBJECT, &entry::OBJECT];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tables_are_one_tree() {
        crate::fields::checks::one_tree(&TABLES);
    }
}
