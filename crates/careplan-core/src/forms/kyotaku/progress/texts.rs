//! Every printed text of a 第5表 with its path, in the order of the form;
//! exactly the printed-text fields of the tables (a test checks it).

use super::Progress;
use super::fields::{document as f, entry};
use crate::path::FieldPath;

pub(super) fn texts<'a>(log: &'a Progress, root: &FieldPath) -> Vec<(FieldPath, &'a str)> {
    let p = log.parts();
    let mut out: Vec<(FieldPath, &'a str)> = vec![
        (f::USER_NAME.of(root), p.user_name.as_str()),
        (f::PLANNER_NAME.of(root), p.planner_name.as_str()),
    ];
    for (i, e) in p.entries.iter().enumerate() {
        let pe = f::ENTRIES.of(root).index(i);
        if let Some(item) = &e.item {
            out.push((entry::ITEM.of(&pe), item.as_str()));
        }
        out.push((entry::CONTENT.of(&pe), e.content.as_str()));
    }
    out
}
