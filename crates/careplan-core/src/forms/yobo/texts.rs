//! Every printed text of a 介護予防サービス・支援計画書 with its path, in the
//! order of the form. The fields walked are exactly those of the field
//! tables whose format is printed text (a test checks the two agree).

use super::PreventivePlan;
use super::fields::{
    area, assessment, center, consent, document as f, issue, life_goals, planner, planner_office,
    service, support, user,
};
use crate::path::FieldPath;
use crate::text::Text;

pub(super) fn texts(plan: &PreventivePlan) -> Vec<(FieldPath, &str)> {
    let p = plan.parts();
    let mut out: Vec<(FieldPath, &str)> = Vec::new();
    let root = FieldPath::root();
    fn push<'a>(out: &mut Vec<(FieldPath, &'a str)>, path: FieldPath, v: Option<&'a Text>) {
        if let Some(v) = v {
            out.push((path, v.as_str()));
        }
    }
    macro_rules! put {
        ($path:expr, $v:expr $(,)?) => {
            push(&mut out, $path, $v)
        };
    }

    put!(f::RECORD_NUMBER.of(&root), p.record_number.as_ref());
    put!(user::NAME.of(&f::USER.of(&root)), Some(&p.user.name));
    let pp = f::PLANNER.of(&root);
    put!(planner::CENTER_STAFF.of(&pp), p.planner.center_staff());
    put!(planner::CARE_MANAGER.of(&pp), p.planner.care_manager());
    if let Some(o) = &p.planner_office {
        let po = f::PLANNER_OFFICE.of(&root);
        put!(planner_office::NAME.of(&po), Some(&o.name));
        put!(planner_office::ADDRESS.of(&po), o.address.as_ref());
    }
    let pc = f::CENTER.of(&root);
    put!(center::NAME.of(&pc), p.center.name.as_ref());
    let pl = f::LIFE_GOALS.of(&root);
    put!(life_goals::DAY.of(&pl), p.life_goals.day.as_ref());
    put!(life_goals::YEAR.of(&pl), p.life_goals.year.as_ref());
    let pa = f::ASSESSMENT.of(&root);
    for (field, a) in [
        (&assessment::MOTOR, &p.assessment.motor),
        (&assessment::DAILY_LIFE, &p.assessment.daily_life),
        (&assessment::SOCIAL, &p.assessment.social),
        (&assessment::HEALTH, &p.assessment.health),
    ] {
        let pr = field.of(&pa);
        put!(area::SITUATION.of(&pr), a.situation.as_ref());
        put!(area::WISHES.of(&pr), a.wishes.as_ref());
        put!(area::BACKGROUND.of(&pr), a.background.as_ref());
    }
    let pi = f::ISSUES.of(&root);
    for (i, x) in p.issues.iter().enumerate() {
        let pii = pi.index(i);
        put!(issue::TEXT.of(&pii), Some(&x.text));
        put!(issue::PROPOSAL.of(&pii), x.proposal.as_ref());
        put!(issue::WISHES.of(&pii), x.wishes.as_ref());
        put!(issue::GOAL.of(&pii), x.goal.as_ref());
        let ps = issue::SUPPORTS.of(&pii);
        for (j, s) in x.supports.iter().enumerate() {
            let psj = ps.index(j);
            put!(support::POINT.of(&psj), s.point.as_ref());
            put!(support::SELF_CARE.of(&psj), s.self_care.as_ref());
            put!(
                support::INSURED_SERVICE.of(&psj),
                s.insured_service.as_ref()
            );
            let pv = support::SERVICES.of(&psj);
            for (k, v) in s.services.iter().enumerate() {
                let pvk = pv.index(k);
                put!(service::KIND.of(&pvk), v.kind.as_ref());
                put!(service::PROVIDER.of(&pvk), v.provider.as_ref());
                put!(
                    service::PERIOD_NOTE.of(&pvk),
                    v.period.as_ref().and_then(|x| x.note.as_ref()),
                );
            }
        }
    }
    put!(f::HEALTH_NOTES.of(&root), p.health_notes.as_ref());
    put!(f::FALLBACK_POLICY.of(&root), p.fallback_policy.as_ref());
    put!(f::POLICY.of(&root), p.policy.as_ref());
    put!(center::OPINION.of(&pc), p.center.opinion.as_ref());
    if let Some(c) = &p.consent {
        put!(consent::SIGNER.of(&f::CONSENT.of(&root)), Some(&c.signer));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::fields::TABLES;
    use super::PreventivePlan;
    use crate::fields::checks::{fixture_texts, walk_is_printed_text};

    /// The walk covers exactly the printed-text fields of the tables: the
    /// fixtures between them fill every printed field.
    #[test]
    fn the_walk_is_the_tables_printed_text() {
        let docs: Vec<PreventivePlan> = fixture_texts("yobo/plans")
            .iter()
            .map(|t| PreventivePlan::from_json(t).unwrap())
            .collect();
        walk_is_printed_text(&TABLES, docs.iter().flat_map(|d| d.texts()));
    }
}
