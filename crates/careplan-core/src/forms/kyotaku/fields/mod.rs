//! The field tables of the 居宅サービス計画書: one module per sheet, and here
//! the document itself and the date range its sheets share.
//!
//! Every key the validator, the texts walk and the CSV crate use is one of
//! these constants (`table1::CREATED_ON.key`), and every label a location,
//! the JSON Schema or an error message shows comes from here.

pub mod table1;
pub mod table2;
pub mod table3;

use crate::fields::{Format, Tables, field_table};

use super::PlanStatus;

/// The document: `PlanDocument`.
pub mod document {
    use super::*;

    field_table! {
        /// `PlanDocument`.
        OBJECT = "PlanDocument", "居宅サービス計画書（第１表〜第３表）";
        SCHEMA: "$schema", "スキーマ", O, Format::Any, "A schema reference for editors; ignored." => unlabelled();
        STATUS: "status", "原案・確定の別", R, Format::Code(PlanStatus::CODES), "`draft` (原案, printed 「原案」) or `final`. A draft carries no consent.";
        TABLE1: "table1", "第１表 居宅サービス計画書（１）", R, Format::Structure, "Table 1: the user, the certification, wishes and the overall policy." => at("第１表"), holds("Table1Doc");
        TABLE2: "table2", "第２表 居宅サービス計画書（２）", R, Format::Structure, "Table 2." => at("第２表"), holds("Table2Doc");
        TABLE3: "table3", "第３表 週間サービス計画表", R, Format::Structure, "Table 3, the weekly schedule." => at("第３表"), holds("Table3Doc");
    }
}

/// A date range: `DateRangeDoc` (認定の有効期間, goal and service periods).
pub mod date_range {
    use super::*;

    field_table! {
        /// `DateRangeDoc`.
        OBJECT = "DateRangeDoc", "期間";
        START: "start", "開始", R, Format::Date, "First day.";
        END: "end", "終了", O, Format::Date, "Last day, not before start. Optional for goal and service periods (the 記載要領 allow the start alone), required for 認定の有効期間.";
    }
}

/// Every object of the 居宅サービス計画書's document, the root first.
pub const TABLES: Tables = Tables {
    root: "PlanDocument",
    objects: &[
        &document::OBJECT,
        &table1::OBJECT,
        &table1::user::OBJECT,
        &table1::office::OBJECT,
        &date_range::OBJECT,
        &table1::wish::OBJECT,
        &table1::housework_reason::OBJECT,
        &table1::consent::OBJECT,
        &table1::supplementary::OBJECT,
        &table1::supplementary::kind_limit::OBJECT,
        &table2::OBJECT,
        &table2::need::OBJECT,
        &table2::long_term_goal::OBJECT,
        &table2::short_term_goal::OBJECT,
        &table2::service::OBJECT,
        &table2::provider::OBJECT,
        &table3::OBJECT,
        &table3::weekly::OBJECT,
        &table3::daily_activity::OBJECT,
        &table3::non_weekly::OBJECT,
    ],
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::path::FieldPath;

    #[test]
    fn the_tables_are_one_tree() {
        crate::fields::checks::one_tree(&TABLES);
    }

    #[test]
    fn paths_resolve_to_their_fields() {
        let p = FieldPath::from_text("table2.needs[0].long_term_goals[1].period.end");
        let (owner, field) = TABLES.resolve(&p).unwrap();
        assert_eq!((owner.name, field.key), ("DateRangeDoc", "end"));
        let p = FieldPath::from_text("table1.user.nickname");
        assert!(TABLES.resolve(&p).is_none());
    }
}
