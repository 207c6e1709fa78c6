//! Every printed text of a plan with its path, in the order of the form.
//!
//! The fields walked are exactly those of the field tables whose format is
//! printed text (a test checks the two against each other): what the PDF
//! must show, what the fonts must draw and what MS932 must carry.

use super::fields::{document, table1, table2, table3};
use super::{CarePlan, HouseworkReason, Speaker};
use crate::path::FieldPath;

pub(super) fn texts(plan: &CarePlan) -> Vec<(FieldPath, &str)> {
    use table1::{consent, office, user, wish};
    let mut out: Vec<(FieldPath, &str)> = Vec::new();
    let root = FieldPath::root();

    let p1 = document::TABLE1.of(&root);
    let t1 = plan.table1();
    let pu = table1::USER.of(&p1);
    out.push((user::NAME.of(&pu), t1.user.name.as_str()));
    if let Some(a) = &t1.user.address {
        out.push((user::ADDRESS.of(&pu), a.as_str()));
    }
    if let Some(a) = &t1.user.address2 {
        out.push((user::ADDRESS2.of(&pu), a.as_str()));
    }
    out.push((table1::PLANNER_NAME.of(&p1), t1.planner_name.as_str()));
    let po = table1::OFFICE.of(&p1);
    out.push((office::NAME.of(&po), t1.office.name.as_str()));
    if let Some(a) = &t1.office.address {
        out.push((office::ADDRESS.of(&po), a.as_str()));
    }
    if let Some(a) = &t1.office.address2 {
        out.push((office::ADDRESS2.of(&po), a.as_str()));
    }
    let pw = table1::WISHES.of(&p1);
    for (i, w) in t1.wishes.iter().enumerate() {
        let pwi = pw.index(i);
        if let Speaker::Family { relation } = &w.speaker {
            out.push((wish::RELATION.of(&pwi), relation.as_str()));
        }
        out.push((wish::TEXT.of(&pwi), w.text.as_str()));
    }
    for (field, v) in [
        (&table1::ANALYSIS, &t1.analysis),
        (&table1::COMMITTEE_OPINION, &t1.committee_opinion),
        (&table1::SUPPORT_POLICY, &t1.support_policy),
    ] {
        if let Some(v) = v {
            out.push((field.of(&p1), v.as_str()));
        }
    }
    if let Some(HouseworkReason::Other(t)) = &t1.housework_reason {
        let ph = table1::HOUSEWORK_REASON.of(&p1);
        out.push((table1::housework_reason::TEXT.of(&ph), t.as_str()));
    }
    if let Some(c) = &t1.consent {
        let pc = table1::CONSENT.of(&p1);
        out.push((consent::SIGNER.of(&pc), c.signer.as_str()));
        if let Some(r) = &c.proxy_relation {
            out.push((consent::PROXY_RELATION.of(&pc), r.as_str()));
        }
    }

    use table2::{long_term_goal, need, provider, service, short_term_goal};
    let pn = table2::NEEDS.of(&document::TABLE2.of(&root));
    for (i, n) in plan.table2().needs.iter().enumerate() {
        let pni = pn.index(i);
        out.push((need::TEXT.of(&pni), n.text.as_str()));
        let pl = need::LONG_TERM_GOALS.of(&pni);
        for (j, l) in n.long_term_goals.iter().enumerate() {
            let plj = pl.index(j);
            out.push((long_term_goal::TEXT.of(&plj), l.text.as_str()));
            let ps = long_term_goal::SHORT_TERM_GOALS.of(&plj);
            for (k, g) in l.short_term_goals.iter().enumerate() {
                let psk = ps.index(k);
                out.push((short_term_goal::TEXT.of(&psk), g.text.as_str()));
                let px = short_term_goal::SERVICES.of(&psk);
                for (m, x) in g.services.iter().enumerate() {
                    let pxm = px.index(m);
                    out.push((service::CONTENT.of(&pxm), x.content.as_str()));
                    out.push((service::SERVICE_TYPE.of(&pxm), x.service_type.as_str()));
                    if let Some(p) = &x.provider {
                        let pp = service::PROVIDER.of(&pxm);
                        out.push((provider::NAME.of(&pp), p.name.as_str()));
                    }
                    if let Some(f) = &x.frequency {
                        out.push((service::FREQUENCY.of(&pxm), f.as_str()));
                    }
                }
            }
        }
    }

    let p3 = document::TABLE3.of(&root);
    let t3 = plan.table3();
    let pw = table3::WEEKLY.of(&p3);
    for (i, e) in t3.weekly.iter().enumerate() {
        if let Some(l) = &e.label {
            out.push((table3::weekly::LABEL.of(&pw.index(i)), l.as_str()));
        }
    }
    let pa = table3::DAILY_ACTIVITIES.of(&p3);
    for (i, a) in t3.daily_activities.iter().enumerate() {
        out.push((
            table3::daily_activity::TEXT.of(&pa.index(i)),
            a.text.as_str(),
        ));
    }
    let pn = table3::NON_WEEKLY.of(&p3);
    for (i, n) in t3.non_weekly.iter().enumerate() {
        out.push((table3::non_weekly::TEXT.of(&pn.index(i)), n.text.as_str()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::fields::TABLES;
    use crate::CarePlan;
    use crate::fields::checks::{fixture_texts, walk_is_printed_text};

    /// The walk covers exactly the printed-text fields of the tables: the
    /// fixtures between them fill every printed field.
    #[test]
    fn the_walk_is_the_tables_printed_text() {
        let docs: Vec<CarePlan> = fixture_texts("plans")
            .iter()
            .map(|t| CarePlan::from_json(t).unwrap())
            .collect();
        walk_is_printed_text(&TABLES, docs.iter().flat_map(|d| d.texts()));
    }
}
