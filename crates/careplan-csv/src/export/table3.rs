//! 第3表: UP3KYO, one row per weekday of each weekly block, then one per
//! activity, then one per 週単位以外のサービス.

use careplan_core::forms::kyotaku::fields::{document, table3 as f3};
use careplan_core::{CarePlan, FieldPath, WeeklyEntry};

use super::{Writer, csv_code, hhmm, key, ymd};
use crate::records::Up3kyo;

/// The text a weekly block shows: its label, or its service's サービス種別.
pub(crate) fn weekly_text(plan: &CarePlan, e: &WeeklyEntry) -> String {
    match (&e.label, &e.service) {
        (Some(l), _) => l.as_str().to_owned(),
        (None, Some(id)) => plan
            .table2()
            .service(id)
            .map(|s| s.service_type.as_str().to_owned())
            .unwrap_or_default(),
        (None, None) => String::new(),
    }
}

pub(super) fn up3kyo(w: &mut Writer, plan: &CarePlan, p: &FieldPath) -> Vec<Up3kyo> {
    let mut rows = Vec::new();
    let t3 = plan.table3();
    let p3 = document::TABLE3.of(p);
    let head = || {
        let key = key(plan);
        Up3kyo {
            csv_version: key.csv_version,
            insurer_number: key.insurer_number,
            insured_number: key.insured_number,
            created_on: ymd(plan.table3_created_on()),
            plan_date: ymd(plan.table1().plan_date),
            ..Up3kyo::default()
        }
    };
    let pw = f3::WEEKLY.of(&p3);
    for (i, e) in t3.weekly.iter().enumerate() {
        let text = weekly_text(plan, e);
        for d in e.weekdays.iter() {
            rows.push(Up3kyo {
                service: w.text(&pw.index(i), &text),
                weekday: csv_code(d.csv_code()),
                service_start: hhmm(e.time.start()),
                service_end: hhmm(e.time.end()),
                ..head()
            });
        }
    }
    let pa = f3::DAILY_ACTIVITIES.of(&p3);
    for (i, a) in t3.daily_activities.iter().enumerate() {
        rows.push(Up3kyo {
            activity: w.text(&f3::daily_activity::TEXT.of(&pa.index(i)), a.text.as_str()),
            activity_start: hhmm(a.start),
            activity_end: hhmm(a.end.unwrap_or(a.start)),
            ..head()
        });
    }
    let pn = f3::NON_WEEKLY.of(&p3);
    for (i, n) in t3.non_weekly.iter().enumerate() {
        rows.push(Up3kyo {
            non_weekly: w.text(&f3::non_weekly::TEXT.of(&pn.index(i)), n.text.as_str()),
            ..head()
        });
    }
    rows
}
