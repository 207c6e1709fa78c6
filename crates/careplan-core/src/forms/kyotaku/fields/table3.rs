//! 第3表's fields: `Table3Doc` and its blocks, activities and the
//! services that do not follow the week.

use crate::fields::{Field, Format, O, Object, R, csv};
use crate::time::Weekday;

/// `created_on`: 作成年月日.
pub const CREATED_ON: Field = Field::new(
    "created_on",
    "作成年月日",
    O,
    Format::Date,
    "Date of this sheet when it differs from table 1's.",
)
.csv(&[csv("UP3KYO", 4)]);
/// `starts_from`: 「　年　月分より」 (not carried by the CSV standard).
pub const STARTS_FROM: Field = Field::new(
    "starts_from",
    "月分より",
    R,
    Format::YearMonth,
    "The month the schedule applies from (「　年　月分より」).",
);
/// `weekly`: 週間サービス.
pub const WEEKLY: Field = Field::new(
    "weekly",
    "週間サービス",
    O,
    Format::Structure,
    "Blocks of the weekly grid.",
)
.holds("WeeklyEntryDoc")
.csv(&[csv("UP3KYO", 6)]);
/// `daily_activities`: 主な日常生活上の活動.
pub const DAILY_ACTIVITIES: Field = Field::new(
    "daily_activities",
    "主な日常生活上の活動",
    O,
    Format::Structure,
    "The user's day: waking, meals, toileting, bathing, bed.",
)
.holds("DailyActivityDoc")
.csv(&[csv("UP3KYO", 10)]);
/// `non_weekly`: 週単位以外のサービス.
pub const NON_WEEKLY: Field = Field::new(
    "non_weekly",
    "週単位以外のサービス",
    O,
    Format::Structure,
    "Services not on a weekly rhythm: equipment rental, short stays, hospital visits.",
)
.holds("NonWeeklyDoc")
.csv(&[csv("UP3KYO", 13)]);

/// `Table3Doc`.
pub const OBJECT: Object = Object {
    name: "Table3Doc",
    title_ja: "第３表 週間サービス計画表",
    fields: &[
        CREATED_ON,
        STARTS_FROM,
        WEEKLY,
        DAILY_ACTIVITIES,
        NON_WEEKLY,
    ],
};

/// A block of the weekly grid: `WeeklyEntryDoc`.
pub mod weekly {
    use super::*;

    /// `service`: 第２表のサービス (careplan's own link; the CSV standard has none).
    pub const SERVICE: Field = Field::new(
        "service",
        "第２表のサービス",
        O,
        Format::Id,
        "The id of a table 2 service (must exist there). A service or a label is required.",
    );
    /// `label`: 表示名.
    pub const LABEL: Field = Field::new(
        "label",
        "表示名",
        O,
        Format::Text,
        "The text shown in the block; defaults to the service's サービス種別.",
    )
    .csv(&[csv("UP3KYO", 6)]);
    /// `weekdays`: 曜日.
    pub const WEEKDAYS: Field = Field::new(
        "weekdays",
        "曜日",
        R,
        Format::CodeSet(Weekday::CODES),
        "The days, Monday first, no repeats.",
    )
    .csv(&[csv("UP3KYO", 7)]);
    /// `start`: 開始時刻.
    pub const START: Field = Field::new(
        "start",
        "開始時刻",
        R,
        Format::Time,
        "Start time; before end. A service across midnight is two entries.",
    )
    .at("開始")
    .csv(&[csv("UP3KYO", 8)]);
    /// `end`: 終了時刻.
    pub const END: Field = Field::new(
        "end",
        "終了時刻",
        R,
        Format::Time,
        "End time (24:00 allowed); after start.",
    )
    .at("終了")
    .csv(&[csv("UP3KYO", 9)]);

    /// `WeeklyEntryDoc`.
    pub const OBJECT: Object = Object {
        name: "WeeklyEntryDoc",
        title_ja: "週間サービス（枠）",
        fields: &[SERVICE, LABEL, WEEKDAYS, START, END],
    };
}

/// A line of 主な日常生活上の活動: `DailyActivityDoc`.
pub mod daily_activity {
    use super::*;

    /// `start`: 時刻.
    pub const START: Field = Field::new(
        "start",
        "時刻",
        R,
        Format::Time,
        "The time, or the start of the range.",
    )
    .at("開始")
    .csv(&[csv("UP3KYO", 11)]);
    /// `end`: 終了時刻.
    pub const END: Field = Field::new(
        "end",
        "終了時刻",
        O,
        Format::Time,
        "The end of the range, after start.",
    )
    .at("終了")
    .csv(&[csv("UP3KYO", 12)]);
    /// `text`: 活動.
    pub const TEXT: Field = Field::new(
        "text",
        "活動",
        R,
        Format::Text,
        "What happens: 起床 (waking), 朝食 (breakfast), 就寝 (bed) …",
    )
    .at("記載内容")
    .csv(&[csv("UP3KYO", 10)]);

    /// `DailyActivityDoc`.
    pub const OBJECT: Object = Object {
        name: "DailyActivityDoc",
        title_ja: "主な日常生活上の活動（一行）",
        fields: &[START, END, TEXT],
    };
}

/// A line of 週単位以外のサービス: `NonWeeklyDoc`.
pub mod non_weekly {
    use super::*;

    /// `text`: 週単位以外のサービス.
    pub const TEXT: Field = Field::new(
        "text",
        "週単位以外のサービス",
        R,
        Format::Text,
        "What is provided and how often.",
    )
    .at("記載内容")
    .csv(&[csv("UP3KYO", 13)]);
    /// `service`: 第２表のサービス.
    pub const SERVICE: Field = Field::new(
        "service",
        "第２表のサービス",
        O,
        Format::Id,
        "The id of a table 2 service, if it is one (must exist there).",
    );

    /// `NonWeeklyDoc`.
    pub const OBJECT: Object = Object {
        name: "NonWeeklyDoc",
        title_ja: "週単位以外のサービス（一行）",
        fields: &[TEXT, SERVICE],
    };
}
