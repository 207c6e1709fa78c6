//! Every printed text of a 利用者基本情報 with its path, in the order of the
//! form; exactly the printed-text fields of the tables (a test checks it).

use super::Kihon;
use super::fields::{
    consultation, daily_life, disabilities, document as f, family, finances, medical, person,
    schedule, services, user, whereabouts,
};
use crate::forms::yobo::fields::consent;
use crate::path::FieldPath;
use crate::text::Text;

pub(super) fn texts(k: &Kihon) -> Vec<(FieldPath, &str)> {
    let p = k.parts();
    let mut out: Vec<(FieldPath, &str)> = Vec::new();
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
    let root = FieldPath::root();
    put!(f::STAFF_NAME.of(&root), p.staff_name.as_ref());
    if let Some(c) = &p.consultation {
        put!(
            consultation::METHOD_TEXT.of(&f::CONSULTATION.of(&root)),
            c.method_text.as_ref()
        );
    }
    if let Some(w) = &p.whereabouts {
        put!(
            whereabouts::TEXT.of(&f::WHEREABOUTS.of(&root)),
            w.text.as_ref()
        );
    }
    let pu = f::USER.of(&root);
    put!(user::NAME.of(&pu), Some(&p.user.name));
    put!(user::ADDRESS.of(&pu), p.user.address.as_ref());
    let pd = f::DISABILITIES.of(&root);
    put!(disabilities::NOTES.of(&pd), p.disabilities.notes.as_ref());
    let ph = f::HOUSING.of(&root);
    put!(
        super::fields::housing::FLOOR.of(&ph),
        p.housing.floor.as_ref()
    );
    put!(
        finances::NOTES.of(&f::FINANCES.of(&root)),
        p.finances.notes.as_ref()
    );
    let people = p.visitor.iter().map(|v| (f::VISITOR.of(&root), v)).chain(
        p.emergency_contacts
            .iter()
            .enumerate()
            .map(|(i, c)| (f::EMERGENCY_CONTACTS.of(&root).index(i), c)),
    );
    for (pp, x) in people {
        put!(person::NAME.of(&pp), x.name.as_ref());
        put!(person::RELATION.of(&pp), x.relation.as_ref());
        put!(person::ADDRESS.of(&pp), x.address.as_ref());
    }
    let pf = f::FAMILY.of(&root);
    put!(family::IMAGE.of(&pf), p.family.image.as_ref());
    put!(family::SITUATION.of(&pf), p.family.situation.as_ref());
    put!(f::LIFE_HISTORY.of(&root), p.life_history.as_ref());
    let pdl = f::DAILY_LIFE.of(&root);
    put!(daily_life::TEXT.of(&pdl), p.daily_life.text.as_ref());
    for (i, r) in p.daily_life.schedule.iter().enumerate() {
        let pr = daily_life::SCHEDULE.of(&pdl).index(i);
        put!(schedule::TIME.of(&pr), Some(&r.time));
        put!(schedule::USER.of(&pr), r.user.as_ref());
        put!(schedule::FAMILY.of(&pr), r.family.as_ref());
    }
    put!(f::HOBBIES.of(&root), p.hobbies.as_ref());
    put!(f::COMMUNITY.of(&root), p.community.as_ref());
    for (i, m) in p.medical_history.iter().enumerate() {
        let pm = f::MEDICAL_HISTORY.of(&root).index(i);
        put!(medical::DATE.of(&pm), m.date.as_ref());
        put!(medical::DISEASE.of(&pm), Some(&m.disease));
        put!(medical::INSTITUTION.of(&pm), m.institution.as_ref());
        put!(medical::TREATMENT.of(&pm), m.treatment.as_ref());
    }
    let ps = f::SERVICES.of(&root);
    put!(services::PUBLIC.of(&ps), p.services.public.as_ref());
    put!(services::PRIVATE.of(&ps), p.services.private.as_ref());
    if let Some(c) = &p.consent {
        put!(consent::SIGNER.of(&f::CONSENT.of(&root)), Some(&c.signer));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::fields::TABLES;
    use super::Kihon;
    use crate::fields::checks::{fixture_texts, walk_is_printed_text};

    /// The walk covers exactly the printed-text fields of the tables: the
    /// fixtures between them fill every printed field.
    #[test]
    fn the_walk_is_the_tables_printed_text() {
        let docs: Vec<Kihon> = fixture_texts("yobo/kihon")
            .iter()
            .map(|t| Kihon::from_json(t).unwrap())
            .collect();
        walk_is_printed_text(&TABLES, docs.iter().flat_map(|d| d.texts()));
    }
}
