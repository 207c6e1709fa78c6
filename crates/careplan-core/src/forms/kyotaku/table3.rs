//! 第3表 週間サービス計画表: the weekly grid, the user's day and the
//! services that do not follow the week.

use chrono::NaiveDate;

use crate::text::{ServiceId, Text};
use crate::time::{TimeOfDay, TimeRange, Weekdays, YearMonth};

/// A block on 第3表's weekly grid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeeklyEntry {
    /// The 第2表 service this block shows.
    pub service: Option<ServiceId>,
    /// The text shown in the block; when absent, the service's サービス種別.
    /// At least one of `service` and `label` is present.
    pub label: Option<Text>,
    /// The weekdays (columns).
    pub weekdays: Weekdays,
    /// Start and end on each of those days.
    pub time: TimeRange,
}

/// A line of 主な日常生活上の活動: a time or time range and what happens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DailyActivity {
    /// The time (or the start of the range).
    pub start: TimeOfDay,
    /// The end of the range, if the activity spans time (after `start`).
    pub end: Option<TimeOfDay>,
    /// 起床, 朝食, 就寝 ….
    pub text: Text,
}

/// A line of 週単位以外のサービス.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NonWeeklyService {
    /// What is provided and how often (福祉用具貸与（車いす）, 通院（月1回） …).
    pub text: Text,
    /// The 第2表 service it is, if any.
    pub service: Option<ServiceId>,
}

/// 第3表 週間サービス計画表.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table3 {
    /// 作成年月日 of this sheet, when it differs from 第1表's.
    pub created_on: Option<NaiveDate>,
    /// 「　年　月分より」: the month the schedule applies from.
    pub starts_from: YearMonth,
    /// Blocks of the weekly grid.
    pub weekly: Vec<WeeklyEntry>,
    /// 主な日常生活上の活動.
    pub daily_activities: Vec<DailyActivity>,
    /// 週単位以外のサービス.
    pub non_weekly: Vec<NonWeeklyService>,
}
