//! The 利用者基本情報 into UPKIHON (one row per record), UPKIHON_SUB1 (one row
//! per time of the day) and UPKIHON_SUB2 (one row per illness).

use careplan_core::forms::yobo::kihon::fields::{
    daily_life, disabilities, document as f, family, finances, medical, person, schedule, services,
    user,
};
use careplan_core::forms::yobo::kihon::{Kihon, Person};
use careplan_core::{FieldPath, Text};

use super::{Writer, csv_code, ymd};
use crate::records::{Upkihon, UpkihonSub1, UpkihonSub2};
use crate::{CSV_VERSION, ExportOptions};

/// 該当フラグ: 1 該当, 0 非該当 (YOBO.md §5: note the 0).
pub(crate) const FLAG: [(&str, bool); 2] = [("1", true), ("0", false)];

fn flag(v: Option<bool>) -> String {
    match v {
        Some(true) => "1".to_owned(),
        Some(false) => "0".to_owned(),
        None => String::new(),
    }
}

fn one_two(v: Option<bool>) -> String {
    match v {
        Some(true) => "1".to_owned(),
        Some(false) => "2".to_owned(),
        None => String::new(),
    }
}

/// The 家族構成 image's name as the standard requires it:
/// `UPKIHON_IMAGE_<送信元>_<種類>_<送信先>_<種類>_<作成日時>_<枝番(4)>.jpg`,
/// the same endpoints and 作成日時 as the send set's UPKIHON file. careplan writes this name
/// into No.62; the JPEG itself is the caller's to send under it.
pub fn kihon_image_name(opts: &ExportOptions, branch: usize) -> String {
    format!(
        "UPKIHON_IMAGE_{}_{}_{}_{}_{}_{branch:04}.jpg",
        opts.from.office,
        opts.from.service_kind,
        opts.to.office,
        opts.to.service_kind,
        opts.timestamp
    )
}

/// The UPKIHON row of a record; `image` is its 家族構成 image's name, when it has one.
pub(crate) fn upkihon(w: &mut Writer, k: &Kihon, p: &FieldPath, image: Option<String>) -> Upkihon {
    let x = k.parts();
    let u = &x.user;
    let pu = f::USER.of(p);
    let tx =
        |w: &mut Writer, path: FieldPath, v: Option<&Text>| w.opt_text(&path, v.map(Text::as_str));
    let c = x.consultation.as_ref();
    let contact = |i: usize| x.emergency_contacts.get(i).cloned().unwrap_or_default();
    let pe = f::EMERGENCY_CONTACTS.of(p);
    let people = |w: &mut Writer, pp: FieldPath, q: &Person| {
        (
            tx(w, person::NAME.of(&pp), q.name.as_ref()),
            tx(w, person::RELATION.of(&pp), q.relation.as_ref()),
            tx(w, person::ADDRESS.of(&pp), q.address.as_ref()),
            q.phone
                .as_ref()
                .map(|x| x.as_str().to_owned())
                .unwrap_or_default(),
        )
    };
    let c1 = people(w, pe.index(0), &contact(0));
    let c2 = people(w, pe.index(1), &contact(1));
    let c3 = people(w, pe.index(2), &contact(2));
    let c4 = people(w, pe.index(3), &contact(3));
    let visitor = x.visitor.clone().unwrap_or_default();
    let v = people(w, f::VISITOR.of(p), &visitor);
    let pd = f::DISABILITIES.of(p);
    let pf = f::FINANCES.of(p);
    let pfa = f::FAMILY.of(p);
    let ps = f::SERVICES.of(p);
    Upkihon {
        csv_version: CSV_VERSION.to_owned(),
        insurer_number: u.insurer_number.as_str().to_owned(),
        insured_number: u.insured_number.as_str().to_owned(),
        consultation_date: ymd(x.consultation_date),
        plan_type: csv_code(x.plan_type.csv_code()),
        entrusted: if x.entrusted { "2" } else { "1" }.to_owned(),
        staff_name: tx(w, f::STAFF_NAME.of(p), x.staff_name.as_ref()),
        method: c
            .and_then(|c| c.method)
            .map(|m| csv_code(m.csv_code()))
            .unwrap_or_default(),
        method_text: tx(
            w,
            careplan_core::forms::yobo::kihon::fields::consultation::METHOD_TEXT
                .of(&f::CONSULTATION.of(p)),
            c.and_then(|c| c.method_text.as_ref()),
        ),
        count: c
            .and_then(|c| c.count)
            .map(|m| csv_code(m.csv_code()))
            .unwrap_or_default(),
        previous_date: c.and_then(|c| c.previous_date).map(ymd).unwrap_or_default(),
        whereabouts: x
            .whereabouts
            .as_ref()
            .map(|wh| csv_code(wh.code.csv_code()))
            .unwrap_or_default(),
        whereabouts_text: tx(
            w,
            careplan_core::forms::yobo::kihon::fields::whereabouts::TEXT.of(&f::WHEREABOUTS.of(p)),
            x.whereabouts.as_ref().and_then(|wh| wh.text.as_ref()),
        ),
        name_kana: w.text(&user::NAME_KANA.of(&pu), u.name_kana.as_str()),
        name: w.text(&user::NAME.of(&pu), u.name.as_str()),
        sex: csv_code(u.sex.csv_code()),
        birth_date: ymd(u.birth_date),
        address: tx(w, user::ADDRESS.of(&pu), u.address.as_ref()),
        phone: u
            .phone
            .as_ref()
            .map(|x| x.as_str().to_owned())
            .unwrap_or_default(),
        fax: u
            .fax
            .as_ref()
            .map(|x| x.as_str().to_owned())
            .unwrap_or_default(),
        physical: x
            .physical_independence
            .map(|v| csv_code(v.csv_code()))
            .unwrap_or_default(),
        dementia: x
            .dementia_independence
            .map(|v| csv_code(v.csv_code()))
            .unwrap_or_default(),
        level: x
            .certification
            .level
            .map(|v| csv_code(v.csv_code()))
            .unwrap_or_default(),
        period_start: x
            .certification
            .period
            .map(|r| ymd(r.start()))
            .unwrap_or_default(),
        period_end: x
            .certification
            .period
            .map(|r| ymd(r.end()))
            .unwrap_or_default(),
        previous_level: x
            .certification
            .previous_level
            .map(|v| csv_code(v.csv_code()))
            .unwrap_or_default(),
        checklist_result: one_two(x.checklist.map(|c| c.meets_criteria)),
        checklist_date: x
            .checklist
            .and_then(|c| c.date)
            .map(ymd)
            .unwrap_or_default(),
        disability_physical: flag(x.disabilities.physical),
        disability_intellectual: flag(x.disabilities.intellectual),
        disability_mental: flag(x.disabilities.mental),
        disability_intractable: flag(x.disabilities.intractable),
        disability_notes: tx(
            w,
            disabilities::NOTES.of(&pd),
            x.disabilities.notes.as_ref(),
        ),
        residence: x
            .housing
            .residence
            .map(|v| csv_code(v.csv_code()))
            .unwrap_or_default(),
        floor: tx(
            w,
            careplan_core::forms::yobo::kihon::fields::housing::FLOOR.of(&f::HOUSING.of(p)),
            x.housing.floor.as_ref(),
        ),
        renovated: one_two(x.housing.renovated),
        national_pension: flag(x.finances.national_pension),
        employees_pension: flag(x.finances.employees_pension),
        disability_pension: flag(x.finances.disability_pension),
        public_assistance: flag(x.finances.public_assistance),
        finance_notes: tx(w, finances::NOTES.of(&pf), x.finances.notes.as_ref()),
        visitor_name: v.0,
        visitor_address: v.2,
        visitor_phone: v.3,
        visitor_relation: v.1,
        contact1_name: c1.0,
        contact1_relation: c1.1,
        contact1_address: c1.2,
        contact1_phone: c1.3,
        contact2_name: c2.0,
        contact2_relation: c2.1,
        contact2_address: c2.2,
        contact2_phone: c2.3,
        contact3_name: c3.0,
        contact3_relation: c3.1,
        contact3_address: c3.2,
        contact3_phone: c3.3,
        contact4_name: c4.0,
        contact4_relation: c4.1,
        contact4_address: c4.2,
        contact4_phone: c4.3,
        family_image: image
            .map(|n| w.text(&family::IMAGE.of(&pfa), &n))
            .unwrap_or_default(),
        family_situation: tx(w, family::SITUATION.of(&pfa), x.family.situation.as_ref()),
        life_history: tx(w, f::LIFE_HISTORY.of(p), x.life_history.as_ref()),
        daily_life: tx(
            w,
            daily_life::TEXT.of(&f::DAILY_LIFE.of(p)),
            x.daily_life.text.as_ref(),
        ),
        hobbies: tx(w, f::HOBBIES.of(p), x.hobbies.as_ref()),
        community: tx(w, f::COMMUNITY.of(p), x.community.as_ref()),
        public_services: tx(w, services::PUBLIC.of(&ps), x.services.public.as_ref()),
        private_services: tx(w, services::PRIVATE.of(&ps), x.services.private.as_ref()),
        consent_date: x.consent.as_ref().map(|c| ymd(c.date)).unwrap_or_default(),
        consent_signer: tx(
            w,
            careplan_core::forms::yobo::fields::consent::SIGNER.of(&f::CONSENT.of(p)),
            x.consent.as_ref().map(|c| &c.signer),
        ),
    }
}

/// The 別表1 rows.
pub(crate) fn sub1(w: &mut Writer, k: &Kihon, p: &FieldPath) -> Vec<UpkihonSub1> {
    let x = k.parts();
    let ps = daily_life::SCHEDULE.of(&f::DAILY_LIFE.of(p));
    x.daily_life
        .schedule
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let pr = ps.index(i);
            UpkihonSub1 {
                csv_version: CSV_VERSION.to_owned(),
                insurer_number: x.user.insurer_number.as_str().to_owned(),
                insured_number: x.user.insured_number.as_str().to_owned(),
                consultation_date: ymd(x.consultation_date),
                time: w.text(&schedule::TIME.of(&pr), r.time.as_str()),
                user: w.opt_text(&schedule::USER.of(&pr), r.user.as_ref().map(Text::as_str)),
                family: w.opt_text(
                    &schedule::FAMILY.of(&pr),
                    r.family.as_ref().map(Text::as_str),
                ),
            }
        })
        .collect()
}

/// The 別表2 rows.
pub(crate) fn sub2(w: &mut Writer, k: &Kihon, p: &FieldPath) -> Vec<UpkihonSub2> {
    let x = k.parts();
    let pm = f::MEDICAL_HISTORY.of(p);
    x.medical_history
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let pr = pm.index(i);
            UpkihonSub2 {
                csv_version: CSV_VERSION.to_owned(),
                insurer_number: x.user.insurer_number.as_str().to_owned(),
                insured_number: x.user.insured_number.as_str().to_owned(),
                consultation_date: ymd(x.consultation_date),
                date: w.opt_text(&medical::DATE.of(&pr), m.date.as_ref().map(Text::as_str)),
                disease: w.text(&medical::DISEASE.of(&pr), m.disease.as_str()),
                institution: w.opt_text(
                    &medical::INSTITUTION.of(&pr),
                    m.institution.as_ref().map(Text::as_str),
                ),
                attending: one_two(m.attending),
                phone: m
                    .phone
                    .as_ref()
                    .map(|x| x.as_str().to_owned())
                    .unwrap_or_default(),
                course: m.course.map(|c| csv_code(c.csv_code())).unwrap_or_default(),
                treatment: w.opt_text(
                    &medical::TREATMENT.of(&pr),
                    m.treatment.as_ref().map(Text::as_str),
                ),
            }
        })
        .collect()
}
