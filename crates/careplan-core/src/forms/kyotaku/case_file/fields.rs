//! The field tables of a case file: its keys, and below them the tables of
//! the plan, of 第4表, of 第5表 and of 第6表.

use crate::fields::{Format, Object, Tables, field_table};
use crate::forms::kyotaku::{fields as plan, meeting, progress, usage};

/// The form key's one value for this form.
pub const FORM_CODE: &str = "case_file";

/// The document: `CaseFileDocument`.
pub mod document {
    use super::*;

    field_table! {
        /// `CaseFileDocument`.
        OBJECT = "CaseFileDocument", "ケースファイル";
        SCHEMA: "$schema", "スキーマ", O, Format::Any, "A schema reference for editors; ignored." => unlabelled();
        FORM: "form", "様式", R, Format::Code(&[FORM_CODE]), "Which form the document is: `case_file`." => unlabelled();
        PLAN: "plan", "居宅サービス計画書（第１表〜第３表）", O, Format::Structure, "The plan: a plan document as on its own." => at("計画書"), holds("PlanDocument");
        MEETINGS: "meetings", "サービス担当者会議の要点（第４表）", O, Format::Structure, "The meetings: 第4表 documents (`form` may be left out)." => at("第４表"), holds("MeetingDocument");
        PROGRESS: "progress", "居宅介護支援経過（第５表）", O, Format::Structure, "The log: a 第5表 document (`form` may be left out)." => at("第５表"), holds("ProgressDocument");
        USAGE: "usage", "サービス利用票（第６表）", O, Format::Structure, "The months' サービス利用票: 第6表 documents, one a month (`form` may be left out)." => at("第６表"), holds("UsageDocument");
    }
}

const ROOT: [&Object; 1] = [&document::OBJECT];

const COUNT: usize = 1
    + plan::TABLES.objects.len()
    + meeting::fields::OBJECTS.len()
    + progress::fields::OBJECTS.len()
    + usage::fields::OBJECTS.len();

/// Every object of the case file: its root, then the plan's, 第4表's, 第5表's and 第6表's.
const OBJECTS: [&Object; COUNT] = concat([
    &ROOT,
    plan::TABLES.objects,
    &meeting::fields::OBJECTS,
    &progress::fields::OBJECTS,
    &usage::fields::OBJECTS,
]);

// Evaluated at compile time: an index out of bounds fails the build.
#[allow(clippy::indexing_slicing)]
const fn concat<const N: usize>(parts: [&[&'static Object]; 5]) -> [&'static Object; N] {
    let mut out = [&document::OBJECT; N];
    let mut n = 0;
    let mut i = 0;
    while i < parts.len() {
        let mut j = 0;
        while j < parts[i].len() {
            out[n] = parts[i][j];
            n += 1;
            j += 1;
        }
        i += 1;
    }
    out
}

/// Every object of the document, the root first.
pub const TABLES: Tables = Tables {
    root: "CaseFileDocument",
    objects: &OBJECTS,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tables_are_one_tree() {
        crate::fields::checks::one_tree(&TABLES);
        let names: std::collections::BTreeSet<&str> =
            TABLES.objects.iter().map(|o| o.name).collect();
        assert_eq!(names.len(), TABLES.objects.len(), "an object twice");
    }

    #[test]
    fn paths_into_the_parts_resolve() {
        use crate::path::FieldPath;
        let (o, f) = TABLES
            .resolve(&FieldPath::from_text("plan.table1.user.name"))
            .unwrap();
        assert_eq!((o.name, f.key), ("UserDoc", "name"));
        let (o, f) = TABLES
            .resolve(&FieldPath::from_text("meetings[1].held.attendees[0].name"))
            .unwrap();
        assert_eq!((o.name, f.key), ("MeetingAttendeeDoc", "name"));
        let (o, f) = TABLES
            .resolve(&FieldPath::from_text("progress.entries[3].content"))
            .unwrap();
        assert_eq!((o.name, f.key), ("ProgressEntryDoc", "content"));
        let (o, f) = TABLES
            .resolve(&FieldPath::from_text("usage[0].rows[2].planned[1].day"))
            .unwrap();
        assert_eq!((o.name, f.key), ("DayCountDoc", "day"));
    }
}
