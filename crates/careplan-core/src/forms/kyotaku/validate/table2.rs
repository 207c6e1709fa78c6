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
    let needs = cx.non_empty(&pn, t.needs.as_ref())?;
    let needs = cx.each(&pn, needs, |cx, p, n| need(cx, p, n, ids))?;
    Some(Table2 {
        created_on,
        needs: NonEmpty::new(needs)?,
    })
}

fn need(cx: &mut Ctx, p: &FieldPath, n: &NeedDoc, ids: &mut HashSet<String>) -> Option<Need> {
    let text = cx.text(&need::TEXT.of(p), n.text.as_ref());
    let pl = need::LONG_TERM_GOALS.of(p);
    let goals = cx.non_empty(&pl, n.long_term_goals.as_ref());
    let goals = goals.and_then(|g| cx.each(&pl, g, |cx, p, g| long_term_goal(cx, p, g, ids)));
    Some(Need {
        text: text?,
        long_term_goals: NonEmpty::new(goals?)?,
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
    let goals = goals.and_then(|g| {
        cx.each(&ps, g, |cx, p, s| {
            short_term_goal(cx, p, s, period, &pp, ids)
        })
    });
    Some(LongTermGoal {
        text: text?,
        period: period?,
        short_term_goals: NonEmpty::new(goals?)?,
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
    let services = services
        .and_then(|v| cx.each(&ps, v, |cx, p, s| self::service(cx, p, s, period, &pp, ids)));
    Some(ShortTermGoal {
        text: text?,
        period: period?,
        services: NonEmpty::new(services?)?,
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
