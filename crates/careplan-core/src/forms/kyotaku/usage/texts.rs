//! Every printed text of a 第6表 with its path, in the order of the form;
//! exactly the printed-text fields of the tables (a test checks it).

use super::Usage;
use super::fields::{document as f, planner, row, user};
use crate::path::FieldPath;

pub(super) fn texts(usage: &Usage) -> Vec<(FieldPath, &str)> {
    let p = usage.parts();
    let root = FieldPath::root();
    let pu = f::USER.of(&root);
    let pp = f::PLANNER.of(&root);
    let mut out: Vec<(FieldPath, &str)> = Vec::new();
    if let Some(n) = &p.user.insurer_name {
        out.push((user::INSURER_NAME.of(&pu), n.as_str()));
    }
    out.push((user::NAME.of(&pu), p.user.name.as_str()));
    out.push((planner::OFFICE_NAME.of(&pp), p.planner.office_name.as_str()));
    out.push((planner::NAME.of(&pp), p.planner.name.as_str()));
    for (i, r) in p.rows.iter().enumerate() {
        let pr = f::ROWS.of(&root).index(i);
        out.push((row::SERVICE.of(&pr), r.service.as_str()));
        out.push((row::OFFICE_NAME.of(&pr), r.office_name.as_str()));
    }
    out
}
