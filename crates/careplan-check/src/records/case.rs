//! The rules that need a whole case file: a meeting on file for the plan
//! (the plan with its 第4表), and monthly monitoring at home (the plan with
//! its 第5表).

use chrono::{Datelike, NaiveDate};

use careplan_core::forms::kyotaku::case_file::fields::document as fc;
use careplan_core::forms::kyotaku::meeting::Meeting;
use careplan_core::forms::kyotaku::progress::fields::document as fp;
use careplan_core::forms::kyotaku::progress::{EntryKind, EntryPlace, Progress};
use careplan_core::{CertificationStatus, FieldPath, PlanStatus, Sheet};

use crate::Severity::{Error, Warning};
use crate::Source::{KisaiYoryo, UneiKijun38};
use crate::{Check, RuleId, RuleInfo};

/// The first month in which a month's monitoring may be by テレビ電話装置等
/// when the month before or after has a home visit (令和6年度改正 of the
/// 運営基準 第13条第14号, in force 2024-04-01).
pub(crate) const ONLINE_MONITORING_FROM: (i32, u32) = (2024, 4);

/// The meeting's day for T4-004: the day it was held, or, for a meeting
/// not held, the day its 照会 were written up (its 作成年月日).
fn meeting_day(m: &Meeting) -> NaiveDate {
    m.held_on().unwrap_or(m.parts().created_on)
}

/// T4-004 計画の作成日までにサービス担当者会議が開催されていない
pub(super) const T4_004: RuleInfo = RuleInfo {
    id: RuleId::T4_004,
    sheet: Sheet::KyotakuTable4,
    severity: Error,
    title_ja: "確定した計画の作成年月日までに、サービス担当者会議（または照会）の記録がない",
    title_en: "no meeting (or 照会) on file on or before the final plan's 作成年月日",
    explanation_ja: "運営基準は、居宅サービス計画の原案の内容について、サービス担当者会議の開催により（やむを得ない理由がある場合は照会等により）担当者から専門的な見地からの意見を求めることを定めています。会議を経ずに確定した計画は、運営基準減算の対象になり得ます。原案（status が draft）の計画は、会議の前に作られるため対象外です。",
    remedy_ja: "計画を確定する前にサービス担当者会議を開催し、その要点を第4表に記録してください。開催できなかった場合は、その理由と照会の内容・回答を記録してください。",
    sources: &[UneiKijun38, KisaiYoryo],
    check: Check::Case(|case, out| {
        let Some(plan) = case.plan() else { return };
        if plan.status() != PlanStatus::Final {
            return;
        }
        let created = plan.table1().created_on;
        if case.meetings().iter().any(|m| meeting_day(m) <= created) {
            return;
        }
        let at = fc::MEETINGS.of(&FieldPath::root());
        let earliest = case.meetings().iter().map(meeting_day).min();
        match earliest {
            None => out.add(
                at,
                format!("第4表がありません（第1表の作成年月日 {created}）。"),
                format!("no meeting is on file (the plan was made on {created})"),
            ),
            Some(first) => out.add(
                at,
                format!("最も早い会議は {first} で、第1表の作成年月日 {created} より後です。"),
                format!("the earliest meeting, {first}, is after the plan's {created}"),
            ),
        }
    }),
};

/// A month as a number that counts months: year × 12 + (month − 1).
fn month_of(d: NaiveDate) -> i32 {
    d.year() * 12 + d.month0() as i32
}

/// A month number as written: `2016-03`.
fn month_text(m: i32) -> String {
    format!("{:04}-{:02}", m.div_euclid(12), m.rem_euclid(12) + 1)
}

/// The months T5-001 asks about: from the month after the plan's 作成年月日
/// to the month before the log's last day (a month the log does not yet
/// cover is not judged), and no later than the end of 認定の有効期間 while
/// 認定済. Empty when there is no such month.
pub(crate) fn months_to_check(
    created: NaiveDate,
    cert_end: Option<NaiveDate>,
    as_of: NaiveDate,
) -> std::ops::RangeInclusive<i32> {
    let last = month_of(as_of) - 1;
    let last = cert_end.map_or(last, |e| last.min(month_of(e)));
    (month_of(created) + 1)..=last
}

/// How each month of the log was monitored: whether it has a
/// モニタリング entry at the user's home, and whether it has one by
/// テレビ電話装置等.
fn monitoring(progress: &Progress, month: i32) -> (bool, bool) {
    let mut home = false;
    let mut online = false;
    for e in &progress.parts().entries {
        if e.kind == Some(EntryKind::Monitoring) && month_of(e.date) == month {
            match e.place {
                Some(EntryPlace::Home) => home = true,
                Some(EntryPlace::Online) => online = true,
                _ => {}
            }
        }
    }
    (home, online)
}

/// What a month lacks for T5-001.
#[derive(Debug, PartialEq, Eq)]
enum Miss {
    /// No モニタリング at home or online.
    NoVisit,
    /// Online only, where that is not enough: before 2024-04, or with no
    /// home visit in the month before or after.
    OnlineOnly,
}

/// Whether a month's monitoring is enough: a home visit is; an online one
/// is from [`ONLINE_MONITORING_FROM`] when the month before or after has a
/// home visit (`beside`).
fn judge(month: i32, (home, online): (bool, bool), beside: bool) -> Option<Miss> {
    let online_from = ONLINE_MONITORING_FROM.0 * 12 + ONLINE_MONITORING_FROM.1 as i32 - 1;
    if home || (online && beside && month >= online_from) {
        None
    } else if online {
        Some(Miss::OnlineOnly)
    } else {
        Some(Miss::NoVisit)
    }
}

/// T5-001 居宅を訪問してのモニタリングが記録されていない月がある
pub(super) const T5_001: RuleInfo = RuleInfo {
    id: RuleId::T5_001,
    sheet: Sheet::KyotakuTable5,
    severity: Warning,
    title_ja: "計画期間中に、居宅を訪問してのモニタリングが第5表に記録されていない月がある",
    title_en: "a month of the plan's period with no monitoring at the user's home in 第5表",
    explanation_ja: "運営基準は、特段の事情のない限り、少なくとも1月に1回、利用者の居宅を訪問して面接し、少なくとも1月に1回、モニタリングの結果を記録することを定めています（令和6年4月からは、要件を満たせばテレビ電話装置等による面接も認められますが、少なくとも2月に1回は居宅を訪問します）。記録のない月は運営基準減算の対象になり得ます。判定には、記録の種類（kind）が monitoring で、場所（place）が home（またはテレビ電話装置等で前後の月に居宅訪問がある online）の記録を数えます。",
    remedy_ja: "その月のモニタリング（居宅訪問・面接）の結果を第5表に記録してください。入院等の特段の事情で訪問できなかった場合は、その事情を記録してください。",
    sources: &[UneiKijun38],
    check: Check::Case(|case, out| {
        let (Some(plan), Some(progress)) = (case.plan(), case.progress()) else {
            return;
        };
        let t1 = plan.table1();
        let cert_end = match t1.certification_status {
            CertificationStatus::Certified => t1.certification_period.map(|p| p.end()),
            CertificationStatus::Applying => None,
        };
        let at = fp::ENTRIES.of(&fc::PROGRESS.of(&FieldPath::root()));
        for month in months_to_check(t1.created_on, cert_end, progress.as_of()) {
            let beside = monitoring(progress, month - 1).0 || monitoring(progress, month + 1).0;
            let m = month_text(month);
            match judge(month, monitoring(progress, month), beside) {
                None => {}
                Some(Miss::OnlineOnly) => out.add(
                    at.clone(),
                    format!(
                        "{m} はテレビ電話装置等によるモニタリングのみで、前後の月に居宅訪問の記録がありません。"
                    ),
                    format!("{m} has online monitoring only, with no home visit in the month before or after"),
                ),
                Some(Miss::NoVisit) => out.add(
                    at.clone(),
                    format!("{m} に居宅訪問によるモニタリングの記録がありません。"),
                    format!("{m} has no monitoring entry at the user's home"),
                ),
            }
        }
    }),
};

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_months_run_from_after_the_plan_to_before_the_last_entry_within_the_certification() {
        let r = months_to_check(d("2015-12-03"), Some(d("2016-09-30")), d("2016-12-14"));
        assert_eq!(month_text(*r.start()), "2016-01");
        assert_eq!(month_text(*r.end()), "2016-09");
        // Applying: up to the month before the last entry.
        let r = months_to_check(d("2015-12-03"), None, d("2016-03-01"));
        assert_eq!(month_text(*r.end()), "2016-02");
        // A log that ends in the plan's own month judges nothing.
        assert!(months_to_check(d("2015-12-03"), None, d("2015-12-20")).is_empty());
        // The year turns over without a thirteenth month.
        assert_eq!(month_text(month_of(d("2016-12-01")) + 1), "2017-01");
    }

    #[test]
    fn online_monitoring_is_enough_from_april_2024_beside_a_home_visit() {
        let march = month_of(d("2024-03-01"));
        let april = march + 1;
        assert_eq!(judge(march, (true, false), false), None);
        assert_eq!(judge(april, (false, true), true), None);
        assert_eq!(judge(march, (false, true), true), Some(Miss::OnlineOnly));
        assert_eq!(judge(april, (false, true), false), Some(Miss::OnlineOnly));
        assert_eq!(judge(april, (false, false), true), Some(Miss::NoVisit));
    }
}
