//! Checks a plan document and builds the typed plan, one module per sheet.
//!
//! One pass over the document form collects every violation with its path;
//! the typed plan is built only when there are none. [`CarePlan::new`]
//! runs the same pass over the document form of its parts, so the rules
//! live in one place. Every path is built from the field tables' constants.

mod table1;
mod table2;
mod table3;

use std::collections::HashSet;

use super::fields::{date_range, document};
use super::wire::{DateRangeDoc, PlanDocument};
use super::{CarePlan, PlanParts, PlanStatus};
use crate::document::Form;
use crate::error::{Error, Rule, Violation};
use crate::path::FieldPath;
use crate::time::Period;
use crate::validation::Ctx;

/// Checks the document and builds the plan, or reports every violation.
pub(crate) fn build(doc: &PlanDocument) -> Result<CarePlan, Error> {
    let mut cx = Ctx::new(Form::Kyotaku);
    let root = FieldPath::root();

    let status = cx.code(
        &document::STATUS.of(&root),
        doc.status.as_ref(),
        PlanStatus::CODES,
        PlanStatus::from_code,
    );

    let p1 = document::TABLE1.of(&root);
    let t1 = cx
        .required(&p1, doc.table1.as_ref())
        .and_then(|t| table1::table1(&mut cx, &p1, t));

    let p2 = document::TABLE2.of(&root);
    let mut ids: HashSet<String> = HashSet::new();
    let t2 = cx
        .required(&p2, doc.table2.as_ref())
        .and_then(|t| table2::table2(&mut cx, &p2, t, &mut ids));

    let p3 = document::TABLE3.of(&root);
    let t3 = cx
        .required(&p3, doc.table3.as_ref())
        .and_then(|t| table3::table3(&mut cx, &p3, t, &ids));

    if let (Some(PlanStatus::Draft), Some(t)) = (status, doc.table1.as_ref())
        && t.consent.is_some()
    {
        cx.violation(
            &super::fields::table1::CONSENT.of(&p1),
            Rule::ConsentOnDraft,
        );
    }

    let plan = (|| {
        Some(CarePlan::from_checked_parts(PlanParts {
            status: status?,
            table1: t1?,
            table2: t2?,
            table3: t3?,
        }))
    })();
    match (plan, cx.into_error()) {
        (_, Some(e)) => Err(e),
        (Some(plan), None) => Ok(plan),
        // A part is missing yet nothing was reported: cannot happen, but is
        // an error, never a panic.
        (None, None) => {
            debug_assert!(
                false,
                "a plan part is missing but no violation was reported"
            );
            Err(Error::single(
                Violation::new(root, Rule::Required).in_form(Form::Kyotaku),
            ))
        }
    }
}

/// A goal or service period of the document: start required, end optional.
fn period(cx: &mut Ctx, path: &FieldPath, v: Option<&DateRangeDoc>) -> Option<Period> {
    cx.period(
        path,
        v.map(|r| (&r.start, &r.end)),
        &date_range::START,
        &date_range::END,
    )
}
