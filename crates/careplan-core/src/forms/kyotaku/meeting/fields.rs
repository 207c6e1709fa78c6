//! The field tables of 第4表 サービス担当者会議の要点: labels (FORMS-4-7.md
//! §2, \[C\]; see `docs/readings.md`) and formats. The CSV standard does
//! not carry 第4表.

use super::{Attendance, MAX_MEETING_NUMBER};
use crate::fields::{Format, Tables, field_table};

/// The form key's one value for this form.
pub const FORM_CODE: &str = "kyotaku_meeting";

/// The document: `MeetingDocument`.
pub mod document {
    use super::*;

    field_table! {
        /// `MeetingDocument`.
        OBJECT = "MeetingDocument", "第４表 サービス担当者会議の要点";
        SCHEMA: "$schema", "スキーマ", O, Format::Any, "A schema reference for editors; ignored." => unlabelled();
        FORM: "form", "様式", O, Format::Code(&[FORM_CODE]), "Which form the document is: `kyotaku_meeting` (required on its own; may be left out inside a case file)." => unlabelled();
        CREATED_ON: "created_on", "作成年月日", R, Format::Date, "The day these minutes were written: not before the meeting." => at("作成年月日");
        USER_NAME: "user_name", "利用者名", R, Format::Name, "The user's name.";
        PLANNER_NAME: "planner_name", "居宅サービス計画作成者（担当者）氏名", R, Format::Text, "The care manager.";
        HELD: "held", "開催", O, Format::Structure, "The meeting as held: date, place, time, number, attendees. Exactly one of `held` and `not_held`." => holds("MeetingHeldDoc");
        NOT_HELD: "not_held", "開催しなかった場合", O, Format::Structure, "A meeting not held: the reason (the 担当者 are then asked by 照会, under `absentees`). Exactly one of `held` and `not_held`." => holds("MeetingNotHeldDoc");
        ABSENTEES: "absentees", "欠席者・照会先", O, Format::Structure, "Who did not attend, with the reason and the 照会 made instead; for a meeting not held, at least one: every 担当者 asked." => holds("MeetingAbsenteeDoc");
        ITEMS: "items", "検討した項目", R, Format::Text, "The items discussed.";
        DISCUSSION: "discussion", "検討内容", O, Format::Text, "What was discussed.";
        CONCLUSION: "conclusion", "結論", O, Format::Text, "The conclusion.";
        REMAINING: "remaining", "残された課題（次回の開催時期）", O, Format::Text, "What is left open, and when the next meeting is to be.";
    }
}

/// 開催: `MeetingHeldDoc`.
pub mod held {
    use super::*;

    field_table! {
        /// `MeetingHeldDoc`.
        OBJECT = "MeetingHeldDoc", "開催";
        DATE: "date", "開催日", R, Format::Date, "The day of the meeting: not after the 作成年月日.";
        PLACE: "place", "開催場所", R, Format::Text, "Where it was held.";
        START: "start", "開催時間（開始）", O, Format::Time, "`HH:MM`; with `end`.";
        END: "end", "開催時間（終了）", O, Format::Time, "`HH:MM`, after `start`.";
        NUMBER: "number", "開催回数", O, Format::Integer(1, MAX_MEETING_NUMBER as i64), "The meeting's number for this user (printed 第`n`回).";
        ATTENDEES: "attendees", "会議出席者", R, Format::Structure, "Who attended, at least one, in the order written (printed three to a row)." => holds("MeetingAttendeeDoc");
        USER_ATTENDANCE: "user_attendance", "本人", O, Format::Code(Attendance::CODES), "利用者・家族の出席: the user, `present` or `absent`." => at("本人の出席");
        FAMILY_ATTENDANCE: "family_attendance", "家族", O, Format::Code(Attendance::CODES), "利用者・家族の出席: the family, `present` or `absent`." => at("家族の出席");
        FAMILY_RELATION: "family_relation", "続柄", O, Format::Text, "The relation of the family member(s) who attended.";
        REMARKS: "remarks", "※備考", O, Format::Text, "The 備考 of the attendance block.";
        REMOTE: "remote", "テレビ電話装置等の活用", O, Format::Structure, "Held by テレビ電話装置等 (video call), with whose consent." => holds("MeetingRemoteDoc");
    }
}

/// テレビ電話装置等の活用: `MeetingRemoteDoc`.
pub mod remote {
    use super::*;

    field_table! {
        /// `MeetingRemoteDoc`.
        OBJECT = "MeetingRemoteDoc", "テレビ電話装置等の活用";
        CONSENT: "consent", "同意", O, Format::Text, "Whose consent was obtained, and how (needed when the user or family takes part).";
    }
}

/// 会議出席者: `MeetingAttendeeDoc`.
pub mod attendee {
    use super::*;

    field_table! {
        /// `MeetingAttendeeDoc`.
        OBJECT = "MeetingAttendeeDoc", "会議出席者";
        AFFILIATION: "affiliation", "所属（職種）", R, Format::Text, "The attendee's office and profession (本人, 家族（妻） for the family).";
        NAME: "name", "氏名", R, Format::Text, "The attendee's name.";
    }
}

/// 欠席者・照会先: `MeetingAbsenteeDoc`.
pub mod absentee {
    use super::*;

    field_table! {
        /// `MeetingAbsenteeDoc`.
        OBJECT = "MeetingAbsenteeDoc", "欠席者";
        AFFILIATION: "affiliation", "所属（職種）", R, Format::Text, "The absentee's office and profession.";
        NAME: "name", "氏名", R, Format::Text, "The absentee's name.";
        REASON: "reason", "欠席理由", O, Format::Text, "Why they did not attend.";
        INQUIRY: "inquiry", "照会", O, Format::Structure, "What was asked of them instead, and the answer." => holds("MeetingInquiryDoc");
    }
}

/// 照会: `MeetingInquiryDoc`.
pub mod inquiry {
    use super::*;

    field_table! {
        /// `MeetingInquiryDoc`.
        OBJECT = "MeetingInquiryDoc", "照会";
        DATE: "date", "照会年月日", R, Format::Date, "The day it was asked: not after the 作成年月日.";
        CONTENT: "content", "照会（依頼）内容", O, Format::Text, "What was asked.";
        ANSWER: "answer", "回答", O, Format::Text, "The answer.";
    }
}

/// 開催しなかった場合: `MeetingNotHeldDoc`.
pub mod not_held {
    use super::*;

    field_table! {
        /// `MeetingNotHeldDoc`.
        OBJECT = "MeetingNotHeldDoc", "開催しなかった場合";
        REASON: "reason", "開催しなかった理由", R, Format::Text, "Why no meeting was held.";
    }
}

/// Every object of the document, the root first.
pub const TABLES: Tables = Tables {
    root: "MeetingDocument",
    objects: &OBJECTS,
};

/// The objects of [`TABLES`], for documents that hold a 第4表.
pub(crate) const OBJECTS: [&crate::fields::Object; 7] = [
    &document::OBJECT,
    &held::OBJECT,
    &remote::OBJECT,
    &attendee::OBJECT,
    &absentee::OBJECT,
    &inquiry::OBJECT,
    &not_held::OBJECT,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tables_are_one_tree() {
        crate::fields::checks::one_tree(&TABLES);
    }
}
