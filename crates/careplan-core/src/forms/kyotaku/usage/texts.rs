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
    if let Some(n) = &p.planner.office_name {
        out.push((planner::OFFICE_NAME.of(&pp), n.as_str()));
    }
    out.push((planner::NAME.of(&pp), p.planner.name.as_str()));
    for (i, r) in p.rows.iter().enumerate() {
        let pr = f::ROWS.of(&root).index(i);
        for (field, v) in [
            (&row::SERVICE, &r.service),
            (&row::OFFICE_NAME, &r.office_name),
            (&row::EQUIPMENT_NAME, &r.equipment_name),
        ] {
            if let Some(v) = v {
                out.push((field.of(&pr), v.as_str()));
            }
        }
    }
    out
}
