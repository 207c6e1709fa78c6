//! The plan-check rules of the care manager's own records: 第4表
//! サービス担当者会議の要点 (each meeting on its own), the rules that need a
//! whole case file (the plan with its meetings, the plan with its 第5表),
//! and 第6表 サービス利用票's (on its own, and against the plan beside it).
//!
//! A meeting's rules are asked about a 第4表 document, or about each meeting
//! of a case file with paths under `meetings[i]`. A case file is checked as
//! its parts are: the plan's rules first (paths under `plan`), then each
//! meeting's, then each 第6表's (under `usage[i]`), then the rules of the
//! whole file, in ID order.

mod case;
mod meeting;
mod plan_usage;
mod usage;

use careplan_core::FieldPath;
use careplan_core::forms::kyotaku::case_file::CaseFile;
use careplan_core::forms::kyotaku::case_file::fields::document as fc;
use careplan_core::forms::kyotaku::meeting::Meeting;
use careplan_core::forms::kyotaku::usage::Usage;

use crate::{Check, Finding, Hits, Report, RuleInfo, run};

/// A predicate of a 第4表 rule: asked about one meeting, whose fields'
/// paths start at the given path (the document's root, or `meetings[i]`).
pub(crate) type MeetingPredicate = fn(&Meeting, &FieldPath, &mut Hits);

/// A predicate of a rule of the whole case file.
pub(crate) type CasePredicate = fn(&CaseFile, &mut Hits);

/// A predicate of a 第6表 rule.
pub(crate) type UsagePredicate = fn(&Usage, &mut Hits);

/// A rule of 第7表: the 第6表 and the 第7表 computed from it.
pub(crate) type Table7Predicate =
    fn(&Usage, &careplan_core::forms::kyotaku::usage::table7::Table7, &mut Hits);

/// Every rule of 第4表, 第5表 and 第6表, in ID order.
pub(crate) const RULES: &[RuleInfo] = &[
    meeting::T4_001,
    meeting::T4_002,
    meeting::T4_003,
    case::T4_004,
    case::T5_001,
    usage::T6_001,
    usage::T6_002,
    plan_usage::T6_003,
    plan_usage::T6_004,
    plan_usage::T6_005,
    usage::T7_001,
];

/// Runs every rule of 第6表 over one サービス利用票.
pub(crate) fn check_usage(u: &Usage) -> Report {
    let mut findings = Vec::new();
    for rule in RULES {
        if let Check::Usage(p) = rule.check {
            run(rule, &mut findings, |h| p(u, h));
        }
    }
    Report { findings }
}

/// Findings of a part, moved under its path in the case file.
fn under(at: &FieldPath, report: Report) -> impl Iterator<Item = Finding> + '_ {
    report.findings.into_iter().map(move |f| Finding {
        path: at.join(&FieldPath::from_text(f.path)).as_str().to_owned(),
        ..f
    })
}

pub(crate) fn check_table7(
    u: &Usage,
    t: &careplan_core::forms::kyotaku::usage::table7::Table7,
) -> Report {
    let mut findings = Vec::new();
    for rule in RULES {
        if let Check::Table7(p) = rule.check {
            run(rule, &mut findings, |h| p(u, t, h));
        }
    }
    Report { findings }
}

/// Asks every meeting rule about one meeting at `base`.
fn meeting_findings(m: &Meeting, base: &FieldPath, out: &mut Vec<Finding>) {
    for rule in RULES {
        if let Check::Meeting(p) = rule.check {
            run(rule, out, |h| p(m, base, h));
        }
    }
}

/// Runs every rule of 第4表 over one meeting's minutes.
pub(crate) fn check_meeting(m: &Meeting) -> Report {
    let mut findings = Vec::new();
    meeting_findings(m, &FieldPath::root(), &mut findings);
    Report { findings }
}

/// Runs the plan's rules, each meeting's, each month's 第6表's, and the
/// case file's own.
pub(crate) fn check_case_file(case: &CaseFile) -> Report {
    let root = FieldPath::root();
    let mut findings = Vec::new();
    if let Some(plan) = case.plan() {
        findings.extend(under(&fc::PLAN.of(&root), crate::check(plan)));
    }
    let meetings = fc::MEETINGS.of(&root);
    for (i, m) in case.meetings().iter().enumerate() {
        meeting_findings(m, &meetings.index(i), &mut findings);
    }
    let usage = fc::USAGE.of(&root);
    for (i, u) in case.usage().iter().enumerate() {
        findings.extend(under(&usage.index(i), check_usage(u)));
    }
    for rule in RULES {
        if let Check::Case(p) = rule.check {
            run(rule, &mut findings, |h| p(case, h));
        }
    }
    Report { findings }
}
