//! 第3表: the weekly blocks (each a 第2表 service or a label, on distinct
//! weekdays, start before end), the activities and the services that do
//! not follow the week; references to 第2表 must name a real service.

use std::collections::HashSet;

use crate::error::{Rule, Violation};
use crate::forms::kyotaku::fields::table3::{self as f, daily_activity, non_weekly, weekly};
use crate::forms::kyotaku::wire::{DailyActivityDoc, Table3Doc, WeeklyEntryDoc};
use crate::forms::kyotaku::{DailyActivity, NonWeeklyService, Table3, WeeklyEntry};
use crate::path::FieldPath;
use crate::text::ServiceId;
use crate::time::{TimeOfDay, TimeRange, Weekday, Weekdays, YearMonth};
use crate::validation::{Ctx, is_blank};

pub(super) fn table3(
    cx: &mut Ctx,
    p: &FieldPath,
    t: &Table3Doc,
    ids: &HashSet<String>,
) -> Option<Table3> {
    let created_on = cx.opt_date(&f::CREATED_ON.of(p), t.created_on.as_ref());
    let starts_from = cx.checked(
        &f::STARTS_FROM.of(p),
        t.starts_from.as_ref(),
        YearMonth::parse,
    );

    let pw = f::WEEKLY.of(p);
    let weekly = t.weekly.as_deref().unwrap_or_default();
    let weekly = cx.each(&pw, weekly, |cx, p, e| weekly_entry(cx, p, e, ids));

    let pa = f::DAILY_ACTIVITIES.of(p);
    let daily = t.daily_activities.as_deref().unwrap_or_default();
    let daily_activities = cx.each(&pa, daily, daily_activity);

    let pn = f::NON_WEEKLY.of(p);
    let non_weekly = t.non_weekly.as_deref().unwrap_or_default();
    let non_weekly = cx.each(&pn, non_weekly, |cx, p, n| {
        let text = cx.text(&non_weekly::TEXT.of(p), n.text.as_ref());
        let service = service_ref(cx, &non_weekly::SERVICE.of(p), n.service.as_ref(), ids);
        Some(NonWeeklyService {
            text: text?,
            service: service.ok()?,
        })
    });

    Some(Table3 {
        created_on,
        starts_from: starts_from?,
        weekly: weekly?,
        daily_activities: daily_activities?,
        non_weekly: non_weekly?,
    })
}

fn daily_activity(cx: &mut Ctx, p: &FieldPath, a: &DailyActivityDoc) -> Option<DailyActivity> {
    let start = cx.checked(
        &daily_activity::START.of(p),
        a.start.as_ref(),
        TimeOfDay::parse,
    );
    let pe = daily_activity::END.of(p);
    let end = cx.opt(&pe, a.end.as_ref(), TimeOfDay::parse);
    let text = cx.text(&daily_activity::TEXT.of(p), a.text.as_ref());
    let ok = match (start, end) {
        (Some(s), Some(e)) => cx.ordered(&pe, TimeRange::new(s, e), e, s).is_some(),
        _ => true,
    };
    let bad_end = a.end.as_ref().is_some_and(|e| !e.trim().is_empty()) && end.is_none();
    match (start, text) {
        (Some(start), Some(text)) if ok && !bad_end => Some(DailyActivity { start, end, text }),
        _ => None,
    }
}

/// A reference to a 第2表 service: absent (or blank), or the id of one.
fn service_ref(
    cx: &mut Ctx,
    p: &FieldPath,
    v: Option<&String>,
    ids: &HashSet<String>,
) -> Result<Option<ServiceId>, ()> {
    let Some(v) = v.filter(|s| !s.trim().is_empty()) else {
        return Ok(None);
    };
    let id = cx.leaf(p, v, ServiceId::new).ok_or(())?;
    if ids.contains(v) {
        Ok(Some(id))
    } else {
        cx.push(Violation::new(p.clone(), Rule::UnknownServiceRef).with_value(v));
        Err(())
    }
}

fn weekly_entry(
    cx: &mut Ctx,
    p: &FieldPath,
    e: &WeeklyEntryDoc,
    ids: &HashSet<String>,
) -> Option<WeeklyEntry> {
    let service = service_ref(cx, &weekly::SERVICE.of(p), e.service.as_ref(), ids);
    let label = cx.opt_text(&weekly::LABEL.of(p), e.label.as_ref());
    let has_service = e.service.as_ref().is_some_and(|s| !s.trim().is_empty());
    let has_label = e.label.as_ref().is_some_and(|s| !is_blank(s));
    if !has_service && !has_label {
        cx.violation(p, Rule::EntryWithoutTarget);
    }
    let weekdays = cx
        .code_set(
            &weekly::WEEKDAYS.of(p),
            e.weekdays.as_ref(),
            Weekday::CODES,
            Weekday::from_code,
        )
        .and_then(|days| Weekdays::new(days).ok());
    let start = cx.checked(&weekly::START.of(p), e.start.as_ref(), TimeOfDay::parse);
    let pe = weekly::END.of(p);
    let end = cx.checked(&pe, e.end.as_ref(), TimeOfDay::parse);
    let range = match (start, end) {
        (Some(s), Some(en)) => cx.ordered(&pe, TimeRange::new(s, en), en, s),
        _ => None,
    };
    if !has_service && !has_label {
        return None;
    }
    Some(WeeklyEntry {
        service: service.ok()?,
        label,
        weekdays: weekdays?,
        time: range?,
    })
}
