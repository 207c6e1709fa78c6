//! The plan-check rules of the 居宅サービス計画書, one module per sheet.
//! Each rule is one item: its registry entry (ID, sheet, severity, words,
//! sources) and, beside it, the predicates that find it.
//!
//! A rule looks at the whole plan, or at each long-term goal, short-term
//! goal or service of 第2表 in turn. For each sheet in order, the checker
//! walks 第2表 once and asks every rule of that sheet about each element
//! (rules in ID order), then asks the sheet's rules about the whole plan:
//! findings come out by sheet and in the order of the plan.

mod table1;
mod table2;
mod table3;

use careplan_core::forms::kyotaku::fields::{document, table2 as f2};
use careplan_core::{
    CarePlan, CertificationStatus, DateRange, FieldPath, Form, LongTermGoal, Service, ShortTermGoal,
};

pub(crate) use crate::Hits;
use crate::{Check, Finding, Report, RuleInfo, run};

/// Every rule of the 居宅サービス計画書, in ID order.
pub(crate) const RULES: &[RuleInfo] = &[
    table1::T1_001,
    table1::T1_002,
    table1::T1_003,
    table1::T1_004,
    table1::T1_005,
    table1::T1_006,
    table1::T1_007,
    table1::T1_008,
    table1::T1_009,
    table2::T2_001,
    table2::T2_002,
    table2::T2_003,
    table2::T2_004,
    table2::T2_005,
    table2::T2_006,
    table2::T2_007,
    table2::T2_008,
    table3::T3_001,
    table3::T3_002,
    table3::T3_003,
    table3::T3_004,
];

/// Where a rule of the 居宅サービス計画書 looks: each predicate is asked
/// about the whole plan or about every element of its kind.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Checks {
    /// Asked once, about the whole plan.
    pub plan: Option<fn(&Plan, &mut Hits)>,
    /// Asked about every 長期目標.
    pub long_term_goal: Option<fn(&Plan, &At<LongTermGoal>, &mut Hits)>,
    /// Asked about every 短期目標.
    pub short_term_goal: Option<fn(&Plan, &At<ShortTermGoal>, &mut Hits)>,
    /// Asked about every 援助内容.
    pub service: Option<fn(&Plan, &At<Service>, &mut Hits)>,
}

impl Checks {
    /// No predicate: fill in the ones a rule has.
    pub const NONE: Checks = Checks {
        plan: None,
        long_term_goal: None,
        short_term_goal: None,
        service: None,
    };
}

/// The plan being checked, with what several rules need.
pub(crate) struct Plan<'a> {
    /// The plan.
    pub plan: &'a CarePlan,
    /// 認定の有効期間, when 認定済.
    pub cert: Option<DateRange>,
}

/// An element of 第2表 and its path.
pub(crate) struct At<'a, T> {
    /// The element.
    pub item: &'a T,
    /// Its JSON path.
    pub path: FieldPath,
}

/// Runs every rule of the registry over the plan.
pub(crate) fn check(plan: &CarePlan) -> Report {
    let t1 = plan.table1();
    let cx = Plan {
        plan,
        cert: match t1.certification_status {
            CertificationStatus::Certified => t1.certification_period,
            CertificationStatus::Applying => None,
        },
    };
    let mut findings = Vec::new();
    for sheet in Form::Kyotaku.sheets() {
        let rules: Vec<(&RuleInfo, &Checks)> = RULES
            .iter()
            .filter(|r| r.sheet == *sheet)
            .filter_map(|r| match &r.check {
                Check::Kyotaku(c) => Some((r, c)),
                _ => None,
            })
            .collect();
        walk_table2(&cx, &rules, &mut findings);
        for (r, c) in &rules {
            if let Some(f) = c.plan {
                run(r, &mut findings, |h| f(&cx, h));
            }
        }
    }
    Report { findings }
}

/// Asks the rules about every element of 第2表, in the order of the table.
fn walk_table2(cx: &Plan, rules: &[(&RuleInfo, &Checks)], out: &mut Vec<Finding>) {
    if !rules.iter().any(|(_, c)| {
        c.long_term_goal.is_some() || c.short_term_goal.is_some() || c.service.is_some()
    }) {
        return;
    }
    let needs = f2::NEEDS.of(&document::TABLE2.of(&FieldPath::root()));
    for (ni, n) in cx.plan.table2().needs.iter().enumerate() {
        let longs = f2::need::LONG_TERM_GOALS.of(&needs.index(ni));
        for (li, l) in n.long_term_goals.iter().enumerate() {
            let at = ask(cx, rules, l, longs.index(li), |c| c.long_term_goal, out);
            let shorts = f2::long_term_goal::SHORT_TERM_GOALS.of(&at.path);
            for (si, g) in l.short_term_goals.iter().enumerate() {
                let at = ask(cx, rules, g, shorts.index(si), |c| c.short_term_goal, out);
                let services = f2::short_term_goal::SERVICES.of(&at.path);
                for (xi, x) in g.services.iter().enumerate() {
                    ask(cx, rules, x, services.index(xi), |c| c.service, out);
                }
            }
        }
    }
}

/// Asks every rule that has a predicate for elements of this kind (`pick`)
/// about one element at `path`; gives the element back with its path.
fn ask<'a, T>(
    cx: &Plan,
    rules: &[(&RuleInfo, &Checks)],
    item: &'a T,
    path: FieldPath,
    pick: impl Fn(&Checks) -> Option<fn(&Plan, &At<T>, &mut Hits)>,
    out: &mut Vec<Finding>,
) -> At<'a, T> {
    let at = At { item, path };
    for (r, c) in rules {
        if let Some(f) = pick(c) {
            run(r, out, |h| f(cx, &at, h));
        }
    }
    at
}

/// A period as findings show it: `2015-12-03～2016-09-30`, `2015-12-03～`.
fn period_text(p: careplan_core::Period) -> String {
    match p.end() {
        Some(e) => format!("{}～{}", p.start(), e),
        None => format!("{}～", p.start()),
    }
}

/// Whether a 第2表 service is 生活援助中心型の訪問介護.
fn is_housework(s: &Service) -> bool {
    crate::data::insured_type(s.service_type.as_str()) == Some("訪問介護")
        && crate::data::HOUSEWORK_MARKERS
            .iter()
            .any(|m| s.content.as_str().contains(m) || s.service_type.as_str().contains(m))
}
