//! 第3表's document types.

use super::{date, s};
use crate::forms::kyotaku::Table3;

crate::document_type! {
    /// 第3表.
    pub struct Table3Doc {
        created_on: String,
        starts_from: String,
        weekly: Vec<WeeklyEntryDoc>,
        daily_activities: Vec<DailyActivityDoc>,
        non_weekly: Vec<NonWeeklyDoc>,
    }
}

crate::document_type! {
    /// A block of the weekly grid.
    pub struct WeeklyEntryDoc {
        service: String,
        label: String,
        weekdays: Vec<String>,
        start: String,
        end: String,
    }
}

crate::document_type! {
    /// A line of 主な日常生活上の活動.
    pub struct DailyActivityDoc {
        start: String,
        end: String,
        text: String,
    }
}

crate::document_type! {
    /// A line of 週単位以外のサービス.
    pub struct NonWeeklyDoc {
        text: String,
        service: String,
    }
}

/// The document form of a checked 第3表.
pub(super) fn doc(t3: &Table3) -> Table3Doc {
    Table3Doc {
        created_on: t3.created_on.and_then(date),
        starts_from: Some(t3.starts_from.to_string()),
        weekly: Some(
            t3.weekly
                .iter()
                .map(|w| WeeklyEntryDoc {
                    service: w.service.as_ref().and_then(s),
                    label: w.label.as_ref().and_then(s),
                    weekdays: Some(w.weekdays.iter().map(|d| d.code().to_owned()).collect()),
                    start: Some(w.time.start().to_string()),
                    end: Some(w.time.end().to_string()),
                })
                .collect(),
        ),
        daily_activities: Some(
            t3.daily_activities
                .iter()
                .map(|a| DailyActivityDoc {
                    start: Some(a.start.to_string()),
                    end: a.end.map(|e| e.to_string()),
                    text: s(&a.text),
                })
                .collect(),
        ),
        non_weekly: Some(
            t3.non_weekly
                .iter()
                .map(|n| NonWeeklyDoc {
                    text: s(&n.text),
                    service: n.service.as_ref().and_then(s),
                })
                .collect(),
        ),
    }
}
