//! The data the 第4表 and 第5表 templates print: a meeting's minutes and
//! the log turned into display values (dates in 和暦, attendance as words,
//! attendees three to a row).
//!
//! Like the plan's view, this is the only thing that reaches Typst, as
//! part of the JSON data file; no value is ever spliced into markup.

use careplan_core::TimeOfDay;
use careplan_core::forms::kyotaku::meeting::{Attendance, Holding, Meeting};
use careplan_core::forms::kyotaku::progress::Progress;
use careplan_core::wareki::format_date;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::RenderError;
use crate::measure::{breakable, wide as s};

/// How many 所属（職種）/氏名 pairs a row of 会議出席者 holds.
pub(crate) const ATTENDEES_PER_ROW: usize = 3;

/// The least number of attendee rows printed, as the paper form draws them.
pub(crate) const MIN_ATTENDEE_ROWS: usize = 3;

/// Room for a 所属（職種） and a 氏名 in the attendee grid, in em (the
/// template's columns at 8 pt: 1fr of six columns beside the label column).
const AFFILIATION_EM: f64 = 14.0;
const NAME_EM: f64 = 8.0;

/// Room for a 第5表 項目, in em.
const ITEM_EM: f64 = 7.0;

/// One 第4表.
#[derive(Debug, Serialize)]
pub(crate) struct MeetingView {
    pub created_on: String,
    pub user_name: String,
    pub planner: String,
    pub held: bool,
    pub date: Option<String>,
    pub place: Option<String>,
    pub time: Option<String>,
    pub number: Option<String>,
    /// テレビ電話装置等: the consent text, or `""` when held so with none
    /// recorded; `None` when not held so.
    pub remote: Option<String>,
    /// 会議出席者, three pairs a row, the last row padded with blanks.
    pub attendee_rows: Vec<Vec<[String; 2]>>,
    pub user_attendance: Option<&'static str>,
    pub family_attendance: Option<&'static str>,
    pub family_relation: Option<String>,
    pub remarks: Option<String>,
    pub not_held_reason: Option<String>,
    pub absentees: Vec<AbsenteeView>,
    pub items: String,
    pub discussion: Option<String>,
    pub conclusion: Option<String>,
    pub remaining: Option<String>,
}

/// A 欠席者 as printed under 検討した項目.
#[derive(Debug, Serialize)]
pub(crate) struct AbsenteeView {
    pub affiliation: String,
    pub name: String,
    pub reason: Option<String>,
    pub inquiry_date: Option<String>,
    pub content: Option<String>,
    pub answer: Option<String>,
}

/// The 第5表.
#[derive(Debug, Serialize)]
pub(crate) struct ProgressView {
    pub created_on: String,
    pub user_name: String,
    pub planner: String,
    pub entries: Vec<EntryView>,
}

/// One entry of the 第5表.
#[derive(Debug, Serialize)]
pub(crate) struct EntryView {
    /// The 和暦 year (`平成27年`), printed over the day.
    pub year: String,
    /// The day (`11月20日`).
    pub day: String,
    pub time: Option<String>,
    pub item: Option<String>,
    pub content: String,
}

pub(crate) fn date(d: NaiveDate) -> Result<String, RenderError> {
    format_date(d).map_err(|e| RenderError::Data(e.to_string()))
}

fn time(t: TimeOfDay) -> String {
    format!("{}:{:02}", t.hour(), t.minute())
}

/// 出席 or 欠席, as the bracket 【　】 takes it.
fn attendance(a: Option<Attendance>) -> Option<&'static str> {
    a.map(Attendance::label_ja)
}

/// The view of one meeting.
pub(crate) fn meeting(m: &Meeting) -> Result<MeetingView, RenderError> {
    let p = m.parts();
    let mut absentees = Vec::new();
    for a in &p.absentees {
        absentees.push(AbsenteeView {
            affiliation: s(&a.affiliation),
            name: s(&a.name),
            reason: a.reason.as_ref().map(s),
            inquiry_date: a.inquiry.as_ref().map(|i| date(i.date)).transpose()?,
            content: a.inquiry.as_ref().and_then(|i| i.content.as_ref()).map(s),
            answer: a.inquiry.as_ref().and_then(|i| i.answer.as_ref()).map(s),
        });
    }
    let mut view = MeetingView {
        created_on: date(p.created_on)?,
        user_name: s(&p.user_name),
        planner: s(&p.planner_name),
        held: false,
        date: None,
        place: None,
        time: None,
        number: None,
        remote: None,
        attendee_rows: rows(&[]),
        user_attendance: None,
        family_attendance: None,
        family_relation: None,
        remarks: None,
        not_held_reason: None,
        absentees,
        items: s(&p.items),
        discussion: p.discussion.as_ref().map(s),
        conclusion: p.conclusion.as_ref().map(s),
        remaining: p.remaining.as_ref().map(s),
    };
    match &p.holding {
        Holding::Held(h) => {
            let pairs: Vec<[String; 2]> = h
                .attendees
                .iter()
                .map(|a| {
                    [
                        breakable(a.affiliation.as_str(), AFFILIATION_EM),
                        breakable(a.name.as_str(), NAME_EM),
                    ]
                })
                .collect();
            view.held = true;
            view.date = Some(date(h.date)?);
            view.place = Some(s(&h.place));
            view.time = h
                .time
                .map(|t| format!("{}～{}", time(t.start()), time(t.end())));
            view.number = h.number.map(|n| format!("第{n}回"));
            view.remote = h
                .remote
                .as_ref()
                .map(|r| r.consent.as_ref().map(s).unwrap_or_default());
            view.attendee_rows = rows(&pairs);
            view.user_attendance = attendance(h.user_attendance);
            view.family_attendance = attendance(h.family_attendance);
            view.family_relation = h.family_relation.as_ref().map(s);
            view.remarks = h.remarks.as_ref().map(s);
        }
        Holding::NotHeld { reason } => view.not_held_reason = Some(s(reason)),
    }
    Ok(view)
}

/// The attendees three pairs a row, at least [`MIN_ATTENDEE_ROWS`] rows,
/// the empty slots blank.
fn rows(pairs: &[[String; 2]]) -> Vec<Vec<[String; 2]>> {
    let mut rows: Vec<Vec<[String; 2]>> = pairs
        .chunks(ATTENDEES_PER_ROW)
        .map(<[[String; 2]]>::to_vec)
        .collect();
    while rows.len() < MIN_ATTENDEE_ROWS {
        rows.push(Vec::new());
    }
    for row in &mut rows {
        row.resize_with(ATTENDEES_PER_ROW, Default::default);
    }
    rows
}

/// The view of the log.
pub(crate) fn progress(log: &Progress) -> Result<ProgressView, RenderError> {
    let p = log.parts();
    let mut entries = Vec::new();
    for e in &p.entries {
        let full = date(e.date)?;
        // 「平成27年11月20日」 over two lines: the year, then the day.
        let day = format!("{}月{}日", e.date.month(), e.date.day());
        let year = full.strip_suffix(&day).unwrap_or(&full).to_owned();
        entries.push(EntryView {
            year,
            day,
            time: e.time.map(time),
            item: e.item.as_ref().map(|i| breakable(i.as_str(), ITEM_EM)),
            content: s(&e.content),
        });
    }
    Ok(ProgressView {
        created_on: date(p.created_on)?,
        user_name: s(&p.user_name),
        planner: s(&p.planner_name),
        entries,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attendees_go_three_to_a_row_with_blank_slots() {
        let pair = |n: &str| [n.to_owned(), n.to_owned()];
        let r = rows(&[pair("a"), pair("b"), pair("c"), pair("d")]);
        assert_eq!(r.len(), 3);
        assert_eq!(r[1][0], pair("d"));
        assert_eq!(r[1][1], [String::new(), String::new()]);
        assert!(r.iter().all(|row| row.len() == 3));
        let many: Vec<_> = (0..10).map(|i| pair(&i.to_string())).collect();
        assert_eq!(rows(&many).len(), 4);
    }

    #[test]
    fn a_date_splits_into_year_and_day() {
        let log = Progress::from_json(
            r#"{"form": "kyotaku_progress", "created_on": "2019-05-01", "user_name": "Ａ",
                "planner_name": "佐藤", "entries": [{"date": "2019-05-01", "time": "09:05", "content": "訪問"}]}"#,
        )
        .unwrap();
        let v = progress(&log).unwrap();
        assert_eq!(v.entries[0].day, "5月1日");
        assert!(
            v.entries[0].year.starts_with("令和"),
            "{}",
            v.entries[0].year
        );
        assert_eq!(v.entries[0].time.as_deref(), Some("9:05"));
    }
}
