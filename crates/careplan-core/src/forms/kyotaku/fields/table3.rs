//! 第3表's fields: `Table3Doc` and its blocks, activities and the
//! services that do not follow the week.

use crate::fields::{Format, csv, field_table};
use crate::time::Weekday;

field_table! {
    /// `Table3Doc`.
    OBJECT = "Table3Doc", "第３表 週間サービス計画表";
    CREATED_ON: "created_on", "作成年月日", O, Format::Date, "Date of this sheet when it differs from table 1's." => csv(&[csv("UP3KYO", 4)]);
    STARTS_FROM: "starts_from", "月分より", R, Format::YearMonth, "The month the schedule applies from (「　年　月分より」).";
    WEEKLY: "weekly", "週間サービス", O, Format::Structure, "Blocks of the weekly grid." => holds("WeeklyEntryDoc"), csv(&[csv("UP3KYO", 6)]);
    DAILY_ACTIVITIES: "daily_activities", "主な日常生活上の活動", O, Format::Structure, "The user's day: waking, meals, toileting, bathing, bed." => holds("DailyActivityDoc"), csv(&[csv("UP3KYO", 10)]);
    NON_WEEKLY: "non_weekly", "週単位以外のサービス", O, Format::Structure, "Services not on a weekly rhythm: equipment rental, short stays, hospital visits." => holds("NonWeeklyDoc"), csv(&[csv("UP3KYO", 13)]);
}

/// A block of the weekly grid: `WeeklyEntryDoc`.
pub mod weekly {
    use super::*;

    field_table! {
        /// `WeeklyEntryDoc`.
        OBJECT = "WeeklyEntryDoc", "週間サービス（枠）";
        SERVICE: "service", "第２表のサービス", O, Format::Id, "The id of a table 2 service (must exist there). A service or a label is required.";
        LABEL: "label", "表示名", O, Format::Text, "The text shown in the block; defaults to the service's サービス種別." => csv(&[csv("UP3KYO", 6)]);
        WEEKDAYS: "weekdays", "曜日", R, Format::CodeSet(Weekday::CODES), "The days, Monday first, no repeats." => csv(&[csv("UP3KYO", 7)]);
        START: "start", "開始時刻", R, Format::Time, "Start time; before end. A service across midnight is two entries." => at("開始"), csv(&[csv("UP3KYO", 8)]);
        END: "end", "終了時刻", R, Format::Time, "End time (24:00 allowed); after start." => at("終了"), csv(&[csv("UP3KYO", 9)]);
    }
}

/// A line of 主な日常生活上の活動: `DailyActivityDoc`.
pub mod daily_activity {
    use super::*;

    field_table! {
        /// `DailyActivityDoc`.
        OBJECT = "DailyActivityDoc", "主な日常生活上の活動（一行）";
        START: "start", "時刻", R, Format::Time, "The time, or the start of the range." => at("開始"), csv(&[csv("UP3KYO", 11)]);
        END: "end", "終了時刻", O, Format::Time, "The end of the range, after start." => at("終了"), csv(&[csv("UP3KYO", 12)]);
        TEXT: "text", "活動", R, Format::Text, "What happens: 起床 (waking), 朝食 (breakfast), 就寝 (bed) …" => at("記載内容"), csv(&[csv("UP3KYO", 10)]);
    }
}

/// A line of 週単位以外のサービス: `NonWeeklyDoc`.
pub mod non_weekly {
    use super::*;

    field_table! {
        /// `NonWeeklyDoc`.
        OBJECT = "NonWeeklyDoc", "週単位以外のサービス（一行）";
        TEXT: "text", "週単位以外のサービス", R, Format::Text, "What is provided and how often." => at("記載内容"), csv(&[csv("UP3KYO", 13)]);
        SERVICE: "service", "第２表のサービス", O, Format::Id, "The id of a table 2 service, if it is one (must exist there).";
    }
}
