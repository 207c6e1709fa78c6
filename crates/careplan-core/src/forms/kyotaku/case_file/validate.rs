//! Checks a case file: each part by its own validator (violations moved
//! under the part's key), then the parts together.

use super::fields::{FORM_CODE, document as f};
use super::wire::CaseFileDocument;
use super::*;
use crate::document::Form;
use crate::error::{Rule, Violation};
use crate::forms::kyotaku::meeting::fields::document as fm;
use crate::forms::kyotaku::progress::fields::document as fp;
use crate::forms::kyotaku::usage::fields::{document as fu, user as fuu};
use crate::validation::Ctx;

/// Moves a part's violations under `at` and into the case file's form.
fn moved(cx: &mut Ctx, at: &FieldPath, e: Error) {
    for v in e.into_violations() {
        cx.push(v.under(at));
    }
}

/// Checks every part and builds the case file, or reports every violation.
pub(super) fn build(doc: &CaseFileDocument) -> Result<CaseFile, Error> {
    let mut ctx = Ctx::new(Form::CaseFile);
    let cx = &mut ctx;
    let root = FieldPath::root();
    let _ = cx.code(&f::FORM.of(&root), doc.form.as_ref(), &[FORM_CODE], |c| {
        (c == FORM_CODE).then_some(())
    });
    let pp = f::PLAN.of(&root);
    let plan = match &doc.plan {
        None => Some(None),
        Some(d) => match crate::forms::kyotaku::validate::build(d) {
            Ok(p) => Some(Some(p)),
            Err(e) => {
                moved(cx, &pp, e);
                None
            }
        },
    };
    let pm = f::MEETINGS.of(&root);
    let meetings = cx.each(
        &pm,
        doc.meetings.as_deref().unwrap_or_default(),
        |cx, p, d| Meeting::from_nested(d).map_err(|e| moved(cx, p, e)).ok(),
    );
    let pl = f::PROGRESS.of(&root);
    let progress = match &doc.progress {
        None => Some(None),
        Some(d) => match Progress::from_nested(d) {
            Ok(p) => Some(Some(p)),
            Err(e) => {
                moved(cx, &pl, e);
                None
            }
        },
    };
    let pu = f::USAGE.of(&root);
    let usage = cx.each(&pu, doc.usage.as_deref().unwrap_or_default(), |cx, p, d| {
        Usage::from_nested(d).map_err(|e| moved(cx, p, e)).ok()
    });
    let parts = match (plan, meetings, progress, usage) {
        (Some(plan), Some(meetings), Some(progress), Some(usage)) => Some(CaseFile {
            plan,
            meetings,
            progress,
            usage,
        }),
        _ => None,
    };
    match (parts, ctx.into_error()) {
        (_, Some(e)) => Err(e),
        (Some(c), None) => together(c),
        (None, None) => {
            debug_assert!(false, "a part is missing but no violation was reported");
            Err(Error::single(
                Violation::new(root, Rule::Required).in_form(Form::CaseFile),
            ))
        }
    }
}

/// A name as compared across parts: without white space (half- or
/// full-width), so that `佐藤 恵子` and `佐藤　恵子` are one name.
fn name_key(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The rules between parts: at least one part, one user (by name; the
/// 第6表's also by 被保険者番号, against the plan's), one 第6表 a month.
pub(super) fn together(c: CaseFile) -> Result<CaseFile, Error> {
    let mut ctx = Ctx::new(Form::CaseFile);
    let root = FieldPath::root();
    if c.plan.is_none() && c.meetings.is_empty() && c.progress.is_none() && c.usage.is_empty() {
        let (pp, pm, pl, pu) = (
            f::PLAN.of(&root),
            f::MEETINGS.of(&root),
            f::PROGRESS.of(&root),
            f::USAGE.of(&root),
        );
        ctx.push(Violation::new(pp.clone(), Rule::Required).with_detail(format!(
            "a case file holds at least one of {pp}, {pm}, {pl}, {pu} (計画書・第４表・第５表・第６表のいずれか)"
        )));
    }
    // The name every part must write: the plan's, else the first part's.
    let (named_at, name) = match (&c.plan, c.meetings.first(), &c.progress, c.usage.first()) {
        (Some(p), _, _, _) => (
            FieldPath::from_text("plan.table1.user.name"),
            p.table1().user.name.as_str(),
        ),
        (None, Some(m), _, _) => (
            fm::USER_NAME.of(&f::MEETINGS.of(&root).index(0)),
            m.parts().user_name.as_str(),
        ),
        (None, None, Some(p), _) => (
            fp::USER_NAME.of(&f::PROGRESS.of(&root)),
            p.parts().user_name.as_str(),
        ),
        (None, None, None, Some(u)) => (
            fuu::NAME.of(&fu::USER.of(&f::USAGE.of(&root).index(0))),
            u.parts().user.name.as_str(),
        ),
        (None, None, None, None) => (root.clone(), ""),
    };
    let key = name_key(name);
    let others = c
        .meetings
        .iter()
        .enumerate()
        .map(|(i, m)| {
            (
                fm::USER_NAME.of(&f::MEETINGS.of(&root).index(i)),
                m.parts().user_name.as_str(),
            )
        })
        .chain(c.progress.iter().map(|p| {
            (
                fp::USER_NAME.of(&f::PROGRESS.of(&root)),
                p.parts().user_name.as_str(),
            )
        }))
        .chain(c.usage.iter().enumerate().map(|(i, u)| {
            (
                fuu::NAME.of(&fu::USER.of(&f::USAGE.of(&root).index(i))),
                u.parts().user.name.as_str(),
            )
        }));
    for (path, other) in others {
        if name_key(other) != key {
            ctx.push(
                Violation::new(path, Rule::UserMismatch)
                    .with_value(other)
                    .with_detail(format!("{named_at} is {name}")),
            );
        }
    }
    // A 第6表 is the plan's user's when it names the plan's 被保険者番号
    // (two users can share a name; the number is the key the CSV uses).
    let pu = f::USAGE.of(&root);
    if let Some(p) = &c.plan {
        let number = p.table1().user.insured_number.as_str();
        for (i, u) in c.usage.iter().enumerate() {
            let theirs = u.parts().user.insured_number.as_str();
            if theirs != number {
                ctx.push(
                    Violation::new(
                        fuu::INSURED_NUMBER.of(&fu::USER.of(&pu.index(i))),
                        Rule::UserMismatch,
                    )
                    .with_value(theirs)
                    .with_detail(format!("plan.table1.user.insured_number is {number}")),
                );
            }
        }
    }
    // One サービス利用票 a month.
    for (i, u) in c.usage.iter().enumerate() {
        let month = u.parts().month;
        if let Some(j) = c
            .usage
            .iter()
            .take(i)
            .position(|v| v.parts().month == month)
        {
            ctx.push(
                Violation::new(fu::MONTH.of(&pu.index(i)), Rule::DuplicateValue)
                    .with_value(month.to_string())
                    .with_detail(format!("{} is the same month", fu::MONTH.of(&pu.index(j)))),
            );
        }
    }
    match ctx.into_error() {
        Some(e) => Err(e),
        None => Ok(c),
    }
}
