//! Checks a 第5表 document and builds the typed log (one pass, every
//! violation with its path), and the document form of checked parts.

use super::fields::{FORM_CODE, document as f, entry};
use super::wire::*;
use super::*;
use crate::document::Form;
use crate::error::{Rule, Violation};
use crate::validation::Ctx;

/// Checks the document and builds the log, or reports every violation.
/// `nested`: held by a case file, where `form` may be left out.
pub(super) fn build(doc: &ProgressDocument, nested: bool) -> Result<Progress, Error> {
    let mut ctx = Ctx::new(Form::Progress);
    let cx = &mut ctx;
    let root = FieldPath::root();
    if !(nested && doc.form.is_none()) {
        let _ = cx.code(&f::FORM.of(&root), doc.form.as_ref(), &[FORM_CODE], |c| {
            (c == FORM_CODE).then_some(())
        });
    }
    let created_on = cx.date(&f::CREATED_ON.of(&root), doc.created_on.as_ref());
    let user_name = cx.name(&f::USER_NAME.of(&root), doc.user_name.as_ref());
    let planner_name = cx.text(&f::PLANNER_NAME.of(&root), doc.planner_name.as_ref());
    let pe = f::ENTRIES.of(&root);
    let entries = cx.non_empty(&pe, doc.entries.as_ref()).and_then(|list| {
        let entries = cx.each(&pe, list, |cx, p, e| {
            let date = cx.date(&entry::DATE.of(p), e.date.as_ref());
            let time = cx.opt(&entry::TIME.of(p), e.time.as_ref(), TimeOfDay::parse);
            let item = cx.opt_text(&entry::ITEM.of(p), e.item.as_ref());
            let content = cx.text(&entry::CONTENT.of(p), e.content.as_ref());
            let kind = cx.opt_code(
                &entry::KIND.of(p),
                e.kind.as_ref(),
                EntryKind::CODES,
                EntryKind::from_code,
            );
            let place = cx.opt_code(
                &entry::PLACE.of(p),
                e.place.as_ref(),
                EntryPlace::CODES,
                EntryPlace::from_code,
            );
            Some(Entry {
                date: date?,
                time,
                item,
                content: content?,
                kind: kind?,
                place: place?,
            })
        })?;
        // In order: by date, and within a day by time where both give one.
        let mut ok = true;
        for (i, pair) in entries.windows(2).enumerate() {
            let [before, after] = pair else { continue };
            let out_of_order = after.date < before.date
                || (after.date == before.date
                    && matches!((before.time, after.time), (Some(b), Some(a)) if a < b));
            if out_of_order {
                ok = false;
                let shown = match after.time {
                    Some(t) if after.date == before.date => format!("{} {t}", after.date),
                    _ => after.date.to_string(),
                };
                let above = match before.time {
                    Some(t) if after.date == before.date => format!("{} {t}", before.date),
                    _ => before.date.to_string(),
                };
                let at = if after.date == before.date {
                    entry::TIME.of(&pe.index(i + 1))
                } else {
                    entry::DATE.of(&pe.index(i + 1))
                };
                cx.push(
                    Violation::new(at, Rule::EntryOrder)
                        .with_value(shown)
                        .with_detail(format!("{} is {above}", pe.index(i))),
                );
            }
        }
        ok.then_some(entries)
    });

    let built = (|| {
        Some(Progress {
            parts: ProgressParts {
                created_on: created_on?,
                user_name: user_name?,
                planner_name: planner_name?,
                entries: entries?,
            },
        })
    })();
    match (built, ctx.into_error()) {
        (_, Some(e)) => Err(e),
        (Some(p), None) => Ok(p),
        (None, None) => {
            debug_assert!(false, "a part is missing but no violation was reported");
            Err(Error::single(
                Violation::new(FieldPath::root(), Rule::Required).in_form(Form::Progress),
            ))
        }
    }
}

/// The document form of checked parts (`form` written).
pub(super) fn document(p: &ProgressParts) -> ProgressDocument {
    ProgressDocument {
        schema: None,
        form: Some(FORM_CODE.to_owned()),
        created_on: Some(p.created_on.to_string()),
        user_name: Some(p.user_name.as_str().to_owned()),
        planner_name: Some(p.planner_name.as_str().to_owned()),
        entries: Some(
            p.entries
                .iter()
                .map(|e| ProgressEntryDoc {
                    date: Some(e.date.to_string()),
                    time: e.time.map(|t| t.to_string()),
                    item: e.item.as_ref().map(|t| t.as_str().to_owned()),
                    content: Some(e.content.as_str().to_owned()),
                    kind: e.kind.map(|k| k.code().to_owned()),
                    place: e.place.map(|k| k.code().to_owned()),
                })
                .collect(),
        ),
    }
}
