//! Every printed text of a 第4表 with its path, in the order of the form;
//! exactly the printed-text fields of the tables (a test checks it).

use super::fields::{absentee, attendee, document as f, held, inquiry, not_held, remote};
use super::{Holding, Meeting};
use crate::path::FieldPath;
use crate::text::Text;

pub(super) fn texts<'a>(m: &'a Meeting, root: &FieldPath) -> Vec<(FieldPath, &'a str)> {
    let p = m.parts();
    let mut out: Vec<(FieldPath, &'a str)> = Vec::new();
    let mut put = |path: FieldPath, v: Option<&'a Text>| {
        if let Some(v) = v {
            out.push((path, v.as_str()));
        }
    };
    put(f::USER_NAME.of(root), Some(&p.user_name));
    put(f::PLANNER_NAME.of(root), Some(&p.planner_name));
    match &p.holding {
        Holding::Held(h) => {
            let ph = f::HELD.of(root);
            put(held::PLACE.of(&ph), Some(&h.place));
            if let Some(r) = &h.remote {
                put(
                    remote::CONSENT.of(&held::REMOTE.of(&ph)),
                    r.consent.as_ref(),
                );
            }
            for (i, a) in h.attendees.iter().enumerate() {
                let pa = held::ATTENDEES.of(&ph).index(i);
                put(attendee::AFFILIATION.of(&pa), Some(&a.affiliation));
                put(attendee::NAME.of(&pa), Some(&a.name));
            }
            put(held::FAMILY_RELATION.of(&ph), h.family_relation.as_ref());
            put(held::REMARKS.of(&ph), h.remarks.as_ref());
        }
        Holding::NotHeld { reason } => {
            put(not_held::REASON.of(&f::NOT_HELD.of(root)), Some(reason));
        }
    }
    for (i, a) in p.absentees.iter().enumerate() {
        let pa = f::ABSENTEES.of(root).index(i);
        put(absentee::AFFILIATION.of(&pa), Some(&a.affiliation));
        put(absentee::NAME.of(&pa), Some(&a.name));
        put(absentee::REASON.of(&pa), a.reason.as_ref());
        if let Some(q) = &a.inquiry {
            let pq = absentee::INQUIRY.of(&pa);
            put(inquiry::CONTENT.of(&pq), q.content.as_ref());
            put(inquiry::ANSWER.of(&pq), q.answer.as_ref());
        }
    }
    put(f::ITEMS.of(root), Some(&p.items));
    put(f::DISCUSSION.of(root), p.discussion.as_ref());
    put(f::CONCLUSION.of(root), p.conclusion.as_ref());
    put(f::REMAINING.of(root), p.remaining.as_ref());
    out
}
