//! Checks a 第4表 document and builds the typed record (one pass, every
//! violation with its path), and the document form of checked parts.

use super::fields::{
    FORM_CODE, absentee, attendee, document as f, held, inquiry, not_held, remote,
};
use super::wire::*;
use super::*;
use crate::document::Form;
use crate::error::{Rule, Violation};
use crate::time::TimeOfDay;
use crate::validation::Ctx;

/// Reports `date` after the 作成年月日 (`created_path`, `created`).
fn not_after_created(
    cx: &mut Ctx,
    path: &FieldPath,
    date: Option<NaiveDate>,
    created: Option<NaiveDate>,
    created_path: &FieldPath,
) {
    if let (Some(d), Some(c)) = (date, created)
        && d > c
    {
        cx.push(
            Violation::new(path.clone(), Rule::DateOrder)
                .with_value(d.to_string())
                .with_detail(format!("must not be after {created_path} ({c})")),
        );
    }
}

/// Checks the document and builds the record, or reports every violation.
/// `nested`: held by a case file, where `form` may be left out.
pub(super) fn build(doc: &MeetingDocument, nested: bool) -> Result<Meeting, Error> {
    let mut ctx = Ctx::new(Form::Meeting);
    let cx = &mut ctx;
    let root = FieldPath::root();
    if !(nested && doc.form.is_none()) {
        let _ = cx.code(&f::FORM.of(&root), doc.form.as_ref(), &[FORM_CODE], |c| {
            (c == FORM_CODE).then_some(())
        });
    }
    let pc = f::CREATED_ON.of(&root);
    let created_on = cx.date(&pc, doc.created_on.as_ref());
    let user_name = cx.name(&f::USER_NAME.of(&root), doc.user_name.as_ref());
    let planner_name = cx.text(&f::PLANNER_NAME.of(&root), doc.planner_name.as_ref());

    let ph = f::HELD.of(&root);
    let pn = f::NOT_HELD.of(&root);
    let holding = match (&doc.held, &doc.not_held) {
        (Some(h), None) => session(cx, &ph, h, created_on, &pc).map(Holding::Held),
        (None, Some(n)) => cx
            .text(&not_held::REASON.of(&pn), n.reason.as_ref())
            .map(|reason| Holding::NotHeld { reason }),
        (None, None) => {
            cx.push(
                Violation::new(ph.clone(), Rule::Required).with_detail(format!(
                    "one of {ph} and {pn} (開催・開催しなかった理由のいずれか)"
                )),
            );
            None
        }
        (Some(h), Some(n)) => {
            // Both checked, so that each reports its own violations too.
            let _ = session(cx, &ph, h, created_on, &pc);
            let _ = cx.text(&not_held::REASON.of(&pn), n.reason.as_ref());
            cx.push(
                Violation::new(pn.clone(), Rule::ExclusiveFields)
                    .with_detail(format!("{ph} is given too")),
            );
            None
        }
    };

    let pa = f::ABSENTEES.of(&root);
    let absentee_docs = doc.absentees.as_deref().unwrap_or_default();
    if doc.not_held.is_some() && doc.held.is_none() && absentee_docs.is_empty() {
        cx.push(Violation::new(pa.clone(), Rule::Required).with_detail(
            "a meeting not held names the 担当者 asked by 照会 (開催しない場合は照会先を記載)",
        ));
    }
    let absentees = cx.each(&pa, absentee_docs, |cx, p, a| {
        let affiliation = cx.text(&absentee::AFFILIATION.of(p), a.affiliation.as_ref());
        let name = cx.text(&absentee::NAME.of(p), a.name.as_ref());
        let reason = cx.opt_text(&absentee::REASON.of(p), a.reason.as_ref());
        let pi = absentee::INQUIRY.of(p);
        let inquiry = match &a.inquiry {
            None => Some(None),
            Some(q) => {
                let pd = inquiry::DATE.of(&pi);
                let date = cx.date(&pd, q.date.as_ref());
                not_after_created(cx, &pd, date, created_on, &pc);
                let content = cx.opt_text(&inquiry::CONTENT.of(&pi), q.content.as_ref());
                let answer = cx.opt_text(&inquiry::ANSWER.of(&pi), q.answer.as_ref());
                date.map(|date| {
                    Some(Inquiry {
                        date,
                        content,
                        answer,
                    })
                })
            }
        };
        Some(Absentee {
            affiliation: affiliation?,
            name: name?,
            reason,
            inquiry: inquiry?,
        })
    });

    let items = cx.text(&f::ITEMS.of(&root), doc.items.as_ref());
    let discussion = cx.opt_text(&f::DISCUSSION.of(&root), doc.discussion.as_ref());
    let conclusion = cx.opt_text(&f::CONCLUSION.of(&root), doc.conclusion.as_ref());
    let remaining = cx.opt_text(&f::REMAINING.of(&root), doc.remaining.as_ref());

    let built = (|| {
        Some(Meeting {
            parts: MeetingParts {
                created_on: created_on?,
                user_name: user_name?,
                planner_name: planner_name?,
                holding: holding?,
                absentees: absentees?,
                items: items?,
                discussion,
                conclusion,
                remaining,
            },
        })
    })();
    match (built, ctx.into_error()) {
        (_, Some(e)) => Err(e),
        (Some(m), None) => Ok(m),
        (None, None) => {
            debug_assert!(false, "a part is missing but no violation was reported");
            Err(Error::single(
                Violation::new(FieldPath::root(), Rule::Required).in_form(Form::Meeting),
            ))
        }
    }
}

fn session(
    cx: &mut Ctx,
    p: &FieldPath,
    h: &MeetingHeldDoc,
    created_on: Option<NaiveDate>,
    created_path: &FieldPath,
) -> Option<Session> {
    let pd = held::DATE.of(p);
    let date = cx.date(&pd, h.date.as_ref());
    not_after_created(cx, &pd, date, created_on, created_path);
    let place = cx.text(&held::PLACE.of(p), h.place.as_ref());
    let ps = held::START.of(p);
    let pe = held::END.of(p);
    let start = cx.opt(&ps, h.start.as_ref(), TimeOfDay::parse);
    let end = cx.opt(&pe, h.end.as_ref(), TimeOfDay::parse);
    let has_start = h
        .start
        .as_ref()
        .is_some_and(|s| !crate::validation::is_blank(s));
    let has_end = h
        .end
        .as_ref()
        .is_some_and(|s| !crate::validation::is_blank(s));
    let time = match (start, end) {
        (Some(s), Some(e)) => cx.ordered(&pe, TimeRange::new(s, e), e, s).map(Some),
        _ if has_start != has_end => {
            let missing = if has_start { pe.clone() } else { ps.clone() };
            cx.push(
                Violation::new(missing, Rule::Required)
                    .with_detail("開催時間 takes both start and end (開始と終了の両方)"),
            );
            None
        }
        // Absent, or each already reported.
        _ if has_start => None,
        _ => Some(None),
    };
    let pn = held::NUMBER.of(p);
    let number = match h.number {
        Some(n) if !(1..=MAX_MEETING_NUMBER).contains(&n) => {
            cx.push(
                Violation::new(pn, Rule::NumberOutOfRange)
                    .with_value(n.to_string())
                    .with_detail(format!("1–{MAX_MEETING_NUMBER}")),
            );
            None
        }
        n => Some(n),
    };
    let pa = held::ATTENDEES.of(p);
    let attendees = cx.non_empty(&pa, h.attendees.as_ref()).and_then(|list| {
        cx.each(&pa, list, |cx, p, a| {
            let affiliation = cx.text(&attendee::AFFILIATION.of(p), a.affiliation.as_ref());
            let name = cx.text(&attendee::NAME.of(p), a.name.as_ref());
            Some(Attendee {
                affiliation: affiliation?,
                name: name?,
            })
        })
    });
    let user_attendance = cx.opt_code(
        &held::USER_ATTENDANCE.of(p),
        h.user_attendance.as_ref(),
        Attendance::CODES,
        Attendance::from_code,
    );
    let family_attendance = cx.opt_code(
        &held::FAMILY_ATTENDANCE.of(p),
        h.family_attendance.as_ref(),
        Attendance::CODES,
        Attendance::from_code,
    );
    let family_relation = cx.opt_text(&held::FAMILY_RELATION.of(p), h.family_relation.as_ref());
    let remarks = cx.opt_text(&held::REMARKS.of(p), h.remarks.as_ref());
    let remote = h.remote.as_ref().map(|r| Remote {
        consent: cx.opt_text(&remote::CONSENT.of(&held::REMOTE.of(p)), r.consent.as_ref()),
    });
    Some(Session {
        date: date?,
        place: place?,
        time: time?,
        number: number?,
        attendees: attendees?,
        user_attendance: user_attendance?,
        family_attendance: family_attendance?,
        family_relation,
        remarks,
        remote,
    })
}

fn s(t: &Text) -> Option<String> {
    Some(t.as_str().to_owned())
}

fn os(t: &Option<Text>) -> Option<String> {
    t.as_ref().map(|t| t.as_str().to_owned())
}

/// The document form of checked parts (`form` written).
pub(super) fn document(p: &MeetingParts) -> MeetingDocument {
    let (held, not_held) = match &p.holding {
        Holding::Held(h) => (
            Some(MeetingHeldDoc {
                date: Some(h.date.to_string()),
                place: s(&h.place),
                start: h.time.map(|t| t.start().to_string()),
                end: h.time.map(|t| t.end().to_string()),
                number: h.number,
                attendees: Some(
                    h.attendees
                        .iter()
                        .map(|a| MeetingAttendeeDoc {
                            affiliation: s(&a.affiliation),
                            name: s(&a.name),
                        })
                        .collect(),
                ),
                user_attendance: h.user_attendance.map(|a| a.code().to_owned()),
                family_attendance: h.family_attendance.map(|a| a.code().to_owned()),
                family_relation: os(&h.family_relation),
                remarks: os(&h.remarks),
                remote: h.remote.as_ref().map(|r| MeetingRemoteDoc {
                    consent: os(&r.consent),
                }),
            }),
            None,
        ),
        Holding::NotHeld { reason } => (None, Some(MeetingNotHeldDoc { reason: s(reason) })),
    };
    MeetingDocument {
        schema: None,
        form: Some(FORM_CODE.to_owned()),
        created_on: Some(p.created_on.to_string()),
        user_name: s(&p.user_name),
        planner_name: s(&p.planner_name),
        held,
        not_held,
        absentees: (!p.absentees.is_empty()).then(|| {
            p.absentees
                .iter()
                .map(|a| MeetingAbsenteeDoc {
                    affiliation: s(&a.affiliation),
                    name: s(&a.name),
                    reason: os(&a.reason),
                    inquiry: a.inquiry.as_ref().map(|q| MeetingInquiryDoc {
                        date: Some(q.date.to_string()),
                        content: os(&q.content),
                        answer: os(&q.answer),
                    }),
                })
                .collect()
        }),
        items: s(&p.items),
        discussion: os(&p.discussion),
        conclusion: os(&p.conclusion),
        remaining: os(&p.remaining),
    }
}
