//! 第2表: needs, goals and services, each period inside its parent's, and
//! service ids unique across the plan.

use std::collections::HashSet;

use super::period;
use crate::error::{Rule, Violation};
use crate::forms::kyotaku::fields::table2::{
    self as f, long_term_goal, need, provider, service, short_term_goal,
};
use crate::forms::kyotaku::wire::{
    LongTermGoalDoc, NeedDoc, ServiceDoc, ShortTermGoalDoc, Table2Doc,
};
use crate::forms::kyotaku::{LongTermGoal, Need, Provider, Service, ShortTermGoal, Table2};
use crate::list::NonEmpty;
use crate::path::FieldPath;
use crate::text::{OfficeNumber, ServiceId};
use crate::time::Period;
use crate::validation::Ctx;

pub(super) fn table2(
    cx: &mut Ctx,
    p: &FieldPath,
    t: &Table2Doc,
    ids: &mut HashSet<String>,
) -> Option<Table2> {
    let created_on = cx.opt_date(&f::CREATED_ON.of(p), t.created_on.as_ref());
    let pn = f::NEEDS.of(p);
    let needs_doc = cx.non_empty(&pn, t.needs.as_ref())?;
    let mut needs = Vec::with_capacity(needs_doc.len());
    let mut ok = true;
    for (i, n) in needs_doc.iter().enumerate() {
        match self::need(cx, &pn.index(i), n, ids) {
            Some(n) => needs.push(n),
            None => ok = false,
        }
    }
    if !ok {
        return None;
    }
    Some(Table2 {
        created_on,
        needs: NonEmpty::new(needs)?,
    })
}

fn need(cx: &mut Ctx, p: &FieldPath, n: &NeedDoc, ids: &mut HashSet<String>) -> Option<Need> {
    let text = cx.text(&need::TEXT.of(p), n.text.as_ref());
    let pl = need::LONG_TERM_GOALS.of(p);
    let goals = cx.non_empty(&pl, n.long_term_goals.as_ref());
    let mut out = Vec::new();
    let mut ok = goals.is_some();
    for (i, g) in goals.into_iter().flatten().enumerate() {
        match long_term_goal(cx, &pl.index(i), g, ids) {
            Some(g) => out.push(g),
            None => ok = false,
        }
    }
    let text = text?;
    if !ok {
        return None;
    }
    Some(Need {
        text,
        long_term_goals: NonEmpty::new(out)?,
    })
}

fn long_term_goal(
    cx: &mut Ctx,
    p: &FieldPath,
    g: &LongTermGoalDoc,
    ids: &mut HashSet<String>,
) -> Option<LongTermGoal> {
    let text = cx.text(&long_term_goal::TEXT.of(p), g.text.as_ref());
    let pp = long_term_goal::PERIOD.of(p);
    let period = period(cx, &pp, g.period.as_ref());
    let ps = long_term_goal::SHORT_TERM_GOALS.of(p);
    let goals = cx.non_empty(&ps, g.short_term_goals.as_ref());
    let mut out = Vec::new();
    let mut ok = goals.is_some();
    for (i, s) in goals.into_iter().flatten().enumerate() {
        match short_term_goal(cx, &ps.index(i), s, period, &pp, ids) {
            Some(s) => out.push(s),
            None => ok = false,
        }
    }
    let (text, period) = (text?, period?);
    if !ok {
        return None;
    }
    Some(LongTermGoal {
        text,
        period,
        short_term_goals: NonEmpty::new(out)?,
    })
}

fn short_term_goal(
    cx: &mut Ctx,
    p: &FieldPath,
    g: &ShortTermGoalDoc,
    parent: Option<Period>,
    parent_path: &FieldPath,
    ids: &mut HashSet<String>,
) -> Option<ShortTermGoal> {
    let text = cx.text(&short_term_goal::TEXT.of(p), g.text.as_ref());
    let pp = short_term_goal::PERIOD.of(p);
    let period = period(cx, &pp, g.period.as_ref());
    cx.within(&pp, period, parent, parent_path);
    let ps = short_term_goal::SERVICES.of(p);
    let services = cx.non_empty(&ps, g.services.as_ref());
    let mut out = Vec::new();
    let mut ok = services.is_some();
    for (i, s) in services.into_iter().flatten().enumerate() {
        match self::service(cx, &ps.index(i), s, period, &pp, ids) {
            Some(s) => out.push(s),
            None => ok = false,
        }
    }
    let (text, period) = (text?, period?);
    if !ok {
        return None;
    }
    Some(ShortTermGoal {
        text,
        period,
        services: NonEmpty::new(out)?,
    })
}

fn service(
    cx: &mut Ctx,
    p: &FieldPath,
    s: &ServiceDoc,
    parent: Option<Period>,
    parent_path: &FieldPath,
    ids: &mut HashSet<String>,
) -> Option<Service> {
    let pi = service::ID.of(p);
    let id = cx.required(&pi, s.id.as_ref()).and_then(|v| {
        let id = cx.leaf(&pi, v, ServiceId::new)?;
        if ids.insert(v.clone()) {
            Some(id)
        } else {
            cx.push(Violation::new(pi.clone(), Rule::DuplicateServiceId).with_value(v));
            None
        }
    });
    let content = cx.text(&service::CONTENT.of(p), s.content.as_ref());
    let insured = cx
        .required(&service::INSURED.of(p), s.insured.as_ref())
        .copied();
    let service_type = cx.text(&service::SERVICE_TYPE.of(p), s.service_type.as_ref());
    let pv = service::PROVIDER.of(p);
    let provider = match s.provider.as_ref() {
        None => Some(None),
        Some(pr) => {
            let name = cx.text(&provider::NAME.of(&pv), pr.name.as_ref());
            let office_number = cx.opt(
                &provider::OFFICE_NUMBER.of(&pv),
                pr.office_number.as_ref(),
                OfficeNumber::new,
            );
            let bad_number = pr
                .office_number
                .as_ref()
                .is_some_and(|n| !n.trim().is_empty())
                && office_number.is_none();
            if bad_number {
                None
            } else {
                name.map(|name| {
                    Some(Provider {
                        name,
                        office_number,
                    })
                })
            }
        }
    };
    let frequency = cx.opt_text(&service::FREQUENCY.of(p), s.frequency.as_ref());
    let pp = service::PERIOD.of(p);
    let period = period(cx, &pp, s.period.as_ref());
    cx.within(&pp, period, parent, parent_path);
    Some(Service {
        id: id?,
        content: content?,
        insured: insured?,
        service_type: service_type?,
        provider: provider?,
        frequency,
        period: period?,
    })
}
