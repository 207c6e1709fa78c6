//! Checks a 利用者基本情報 document and builds the typed record (one pass,
//! every violation with its path), and the document form of checked parts.

use super::codes::*;
use super::fields::{
    FORM_CODE, certification as fc, checklist as fk, consultation as fo, daily_life, disabilities,
    document as f, family, finances, housing, independence, medical, person, schedule, services,
    user, whereabouts,
};
use super::wire::*;
use super::*;
use crate::codes::Sex;
use crate::document::Form;
use crate::error::{Error, Rule, Violation};
use crate::forms::kyotaku::fields::date_range;
use crate::forms::kyotaku::wire::DateRangeDoc;
use crate::forms::yobo::fields::consent;
use crate::forms::yobo::validate::answers;
use crate::forms::yobo::wire::YoboConsentDoc;
use crate::validation::{Ctx, is_blank};

fn opt_code<T: Copy>(
    cx: &mut Ctx,
    p: &FieldPath,
    v: Option<&String>,
    codes: &[&str],
    from: impl Fn(&str) -> Option<T>,
) -> Option<T> {
    let v = v.filter(|s| !is_blank(s))?;
    cx.code(p, Some(v), codes, from)
}

fn phone(cx: &mut Ctx, p: &FieldPath, v: Option<&String>) -> Option<PhoneNumber> {
    cx.opt(p, v, PhoneNumber::new)
}

fn person_of(cx: &mut Ctx, p: &FieldPath, d: &KihonPersonDoc) -> Person {
    Person {
        name: cx.opt_text(&person::NAME.of(p), d.name.as_ref()),
        relation: cx.opt_text(&person::RELATION.of(p), d.relation.as_ref()),
        address: cx.opt_text(&person::ADDRESS.of(p), d.address.as_ref()),
        phone: phone(cx, &person::PHONE.of(p), d.phone.as_ref()),
    }
}

/// Checks the document and builds the record, or reports every violation.
pub(super) fn build(doc: &KihonDocument) -> Result<Kihon, Error> {
    let mut ctx = Ctx::new(Form::YoboKihon);
    let cx = &mut ctx;
    let root = FieldPath::root();
    let _ = cx.code(&f::FORM.of(&root), doc.form.as_ref(), &[FORM_CODE], |c| {
        (c == FORM_CODE).then_some(())
    });
    let cd_path = f::CONSULTATION_DATE.of(&root);
    let consultation_date = cx.date(&cd_path, doc.consultation_date.as_ref());
    let plan_type = cx.code(
        &f::PLAN_TYPE.of(&root),
        doc.plan_type.as_ref(),
        PlanType::CODES,
        PlanType::from_code,
    );
    let entrusted = cx
        .required(&f::ENTRUSTED.of(&root), doc.entrusted.as_ref())
        .copied();
    let staff_name = cx.opt_text(&f::STAFF_NAME.of(&root), doc.staff_name.as_ref());

    let po = f::CONSULTATION.of(&root);
    let consultation = doc.consultation.as_ref().map(|c| {
        let method = opt_code(
            cx,
            &fo::METHOD.of(&po),
            c.method.as_ref(),
            ConsultationMethod::CODES,
            ConsultationMethod::from_code,
        );
        let pt = fo::METHOD_TEXT.of(&po);
        let method_text = cx.opt_text(&pt, c.method_text.as_ref());
        if method == Some(ConsultationMethod::Other)
            && c.method_text.as_ref().is_none_or(|t| is_blank(t))
        {
            cx.push(
                Violation::new(pt, Rule::Required)
                    .with_detail("required with その他 (その他の場合は必須)"),
            );
        }
        let count = opt_code(
            cx,
            &fo::COUNT.of(&po),
            c.count.as_ref(),
            ConsultationCount::CODES,
            ConsultationCount::from_code,
        );
        let pp = fo::PREVIOUS_DATE.of(&po);
        let previous_date = cx.opt_date(&pp, c.previous_date.as_ref());
        if let (Some(prev), Some(day)) = (previous_date, consultation_date)
            && prev > day
        {
            cx.push(
                Violation::new(pp, Rule::DateOrder)
                    .with_value(prev.to_string())
                    .with_detail(format!("must not be after {cd_path} ({day})")),
            );
        }
        Consultation {
            method,
            method_text,
            count,
            previous_date,
        }
    });

    let pw = f::WHEREABOUTS.of(&root);
    let whereabouts = match doc.whereabouts.as_ref() {
        None => Some(None),
        Some(w) => {
            let code = cx.code(
                &whereabouts::CODE.of(&pw),
                w.code.as_ref(),
                Whereabouts::CODES,
                Whereabouts::from_code,
            );
            let pt = whereabouts::TEXT.of(&pw);
            let text = cx.opt_text(&pt, w.text.as_ref());
            if code == Some(Whereabouts::Admitted) && w.text.as_ref().is_none_or(|t| is_blank(t)) {
                cx.push(
                    Violation::new(pt, Rule::Required)
                        .with_detail("required when admitted (入院又は入所中の場合は必須)"),
                );
            }
            code.map(|code| Some(WhereaboutsOf { code, text }))
        }
    };

    let pu = f::USER.of(&root);
    let user = cx.required(&pu, doc.user.as_ref()).and_then(|u| {
        let pn = user::NAME.of(&pu);
        let name = cx.name(&pn, u.name.as_ref());
        let name_kana = cx.checked(&user::NAME_KANA.of(&pu), u.name_kana.as_ref(), Kana::new);
        let sex = cx.code(
            &user::SEX.of(&pu),
            u.sex.as_ref(),
            Sex::CODES,
            Sex::from_code,
        );
        let pb = user::BIRTH_DATE.of(&pu);
        let birth_date = cx.date(&pb, u.birth_date.as_ref());
        if let (Some(b), Some(day)) = (birth_date, consultation_date)
            && b > day
        {
            cx.push(
                Violation::new(pb, Rule::DateOrder)
                    .with_value(b.to_string())
                    .with_detail(format!("must not be after {cd_path} ({day})")),
            );
        }
        let address = cx.opt_text(&user::ADDRESS.of(&pu), u.address.as_ref());
        let phone_no = phone(cx, &user::PHONE.of(&pu), u.phone.as_ref());
        let fax = phone(cx, &user::FAX.of(&pu), u.fax.as_ref());
        let insurer_number = cx.checked(
            &user::INSURER_NUMBER.of(&pu),
            u.insurer_number.as_ref(),
            InsurerNumber::new,
        );
        let insured_number = cx.checked(
            &user::INSURED_NUMBER.of(&pu),
            u.insured_number.as_ref(),
            InsuredNumber::new,
        );
        Some(KihonUser {
            name_kana: name_kana?,
            name: name?,
            sex: sex?,
            birth_date: birth_date?,
            address,
            phone: phone_no,
            fax,
            insurer_number: insurer_number?,
            insured_number: insured_number?,
        })
    });

    let pi = f::INDEPENDENCE.of(&root);
    let (physical_independence, dementia_independence) = match doc.independence.as_ref() {
        None => (None, None),
        Some(i) => (
            opt_code(
                cx,
                &independence::PHYSICAL.of(&pi),
                i.physical.as_ref(),
                PhysicalIndependence::CODES,
                PhysicalIndependence::from_code,
            ),
            opt_code(
                cx,
                &independence::DEMENTIA.of(&pi),
                i.dementia.as_ref(),
                DementiaIndependence::CODES,
                DementiaIndependence::from_code,
            ),
        ),
    };

    let pc = f::CERTIFICATION.of(&root);
    let certification = match doc.certification.as_ref() {
        None => Some(KihonCertification::default()),
        Some(c) => {
            let level = opt_code(
                cx,
                &fc::LEVEL.of(&pc),
                c.level.as_ref(),
                KihonLevel::CODES,
                KihonLevel::from_code,
            );
            let previous_level = opt_code(
                cx,
                &fc::PREVIOUS_LEVEL.of(&pc),
                c.previous_level.as_ref(),
                KihonLevel::CODES,
                KihonLevel::from_code,
            );
            let pp = fc::PERIOD.of(&pc);
            let period = match c.period.as_ref() {
                None => Some(None),
                Some(r) => {
                    let start = cx.date(&date_range::START.of(&pp), r.start.as_ref());
                    let pe = date_range::END.of(&pp);
                    let end = cx.date(&pe, r.end.as_ref());
                    (|| {
                        let (start, end) = (start?, end?);
                        cx.ordered(&pe, DateRange::new(start, end), end, start)
                            .map(Some)
                    })()
                }
            };
            period.map(|period| KihonCertification {
                level,
                period,
                previous_level,
            })
        }
    };

    let pk = f::CHECKLIST.of(&root);
    let checklist = match doc.checklist.as_ref() {
        None => Some(None),
        Some(c) => {
            let pm = fk::MEETS_CRITERIA.of(&pk);
            let meets = cx.required(&pm, c.meets_criteria.as_ref()).copied();
            let date = cx.opt_date(&fk::DATE.of(&pk), c.date.as_ref());
            let answers = answers(
                cx,
                [
                    &fk::ANSWERS.of(&pk),
                    &fk::HEIGHT_CM.of(&pk),
                    &fk::WEIGHT_KG.of(&pk),
                ],
                c.answers.as_ref(),
                c.height_cm.as_ref(),
                c.weight_kg.as_ref(),
            );
            if let (Some(m), Some(Some(a))) = (meets, answers)
                && m != a.meets_jigyo_criteria()
            {
                cx.push(
                    Violation::new(pm, Rule::ChecklistResultMismatch)
                        .with_value(m.to_string())
                        .with_detail(format!("the answers give {}", a.meets_jigyo_criteria())),
                );
            }
            (|| {
                let meets_criteria = meets?;
                let answers = answers?;
                (answers.is_none_or(|a| a.meets_jigyo_criteria() == meets_criteria)).then_some(
                    Some(KihonChecklist {
                        meets_criteria,
                        date,
                        answers,
                    }),
                )
            })()
        }
    };

    let pd = f::DISABILITIES.of(&root);
    let disabilities = doc
        .disabilities
        .as_ref()
        .map_or_else(Disabilities::default, |d| Disabilities {
            physical: d.physical,
            intellectual: d.intellectual,
            mental: d.mental,
            intractable: d.intractable,
            notes: cx.opt_text(&disabilities::NOTES.of(&pd), d.notes.as_ref()),
        });
    let ph = f::HOUSING.of(&root);
    let housing = doc
        .housing
        .as_ref()
        .map_or_else(Housing::default, |h| Housing {
            residence: opt_code(
                cx,
                &housing::RESIDENCE.of(&ph),
                h.residence.as_ref(),
                Residence::CODES,
                Residence::from_code,
            ),
            floor: cx.opt_text(&housing::FLOOR.of(&ph), h.floor.as_ref()),
            renovated: h.renovated,
        });
    let pf = f::FINANCES.of(&root);
    let finances = doc
        .finances
        .as_ref()
        .map_or_else(Finances::default, |x| Finances {
            national_pension: x.national_pension,
            employees_pension: x.employees_pension,
            disability_pension: x.disability_pension,
            public_assistance: x.public_assistance,
            notes: cx.opt_text(&finances::NOTES.of(&pf), x.notes.as_ref()),
        });
    let visitor = doc
        .visitor
        .as_ref()
        .map(|v| person_of(cx, &f::VISITOR.of(&root), v));
    let pe = f::EMERGENCY_CONTACTS.of(&root);
    let contacts = doc.emergency_contacts.as_deref().unwrap_or_default();
    if contacts.len() > MAX_EMERGENCY_CONTACTS {
        cx.push(
            Violation::new(pe.clone(), Rule::TooManyContacts)
                .with_value(contacts.len().to_string()),
        );
    }
    let emergency_contacts: Vec<Person> = contacts
        .iter()
        .enumerate()
        .map(|(i, c)| person_of(cx, &pe.index(i), c))
        .collect();
    let pfa = f::FAMILY.of(&root);
    let family = doc
        .family
        .as_ref()
        .map_or_else(Family::default, |x| Family {
            image: cx.opt_text(&family::IMAGE.of(&pfa), x.image.as_ref()),
            situation: cx.opt_text(&family::SITUATION.of(&pfa), x.situation.as_ref()),
        });
    let life_history = cx.opt_text(&f::LIFE_HISTORY.of(&root), doc.life_history.as_ref());
    let pdl = f::DAILY_LIFE.of(&root);
    let daily_life = match doc.daily_life.as_ref() {
        None => Some(DailyLife::default()),
        Some(d) => {
            let text = cx.opt_text(&daily_life::TEXT.of(&pdl), d.text.as_ref());
            let ps = daily_life::SCHEDULE.of(&pdl);
            let schedule = cx.each(
                &ps,
                d.schedule.as_deref().unwrap_or_default(),
                |cx, p, r| {
                    let time = cx.text(&schedule::TIME.of(p), r.time.as_ref());
                    let u = cx.opt_text(&schedule::USER.of(p), r.user.as_ref());
                    let fam = cx.opt_text(&schedule::FAMILY.of(p), r.family.as_ref());
                    Some(ScheduleRow {
                        time: time?,
                        user: u,
                        family: fam,
                    })
                },
            );
            schedule.map(|schedule| DailyLife { text, schedule })
        }
    };
    let hobbies = cx.opt_text(&f::HOBBIES.of(&root), doc.hobbies.as_ref());
    let community = cx.opt_text(&f::COMMUNITY.of(&root), doc.community.as_ref());
    let pmh = f::MEDICAL_HISTORY.of(&root);
    let medical_history = cx.each(
        &pmh,
        doc.medical_history.as_deref().unwrap_or_default(),
        |cx, p, m| {
            let disease = cx.text(&medical::DISEASE.of(p), m.disease.as_ref());
            Some(MedicalRow {
                date: cx.opt_text(&medical::DATE.of(p), m.date.as_ref()),
                disease: disease?,
                institution: cx.opt_text(&medical::INSTITUTION.of(p), m.institution.as_ref()),
                attending: m.attending,
                phone: phone(cx, &medical::PHONE.of(p), m.phone.as_ref()),
                course: opt_code(
                    cx,
                    &medical::COURSE.of(p),
                    m.course.as_ref(),
                    Course::CODES,
                    Course::from_code,
                ),
                treatment: cx.opt_text(&medical::TREATMENT.of(p), m.treatment.as_ref()),
            })
        },
    );
    let psv = f::SERVICES.of(&root);
    let services = doc
        .services
        .as_ref()
        .map_or_else(Services::default, |s| Services {
            public: cx.opt_text(&services::PUBLIC.of(&psv), s.public.as_ref()),
            private: cx.opt_text(&services::PRIVATE.of(&psv), s.private.as_ref()),
        });
    let pcons = f::CONSENT.of(&root);
    let consent = match doc.consent.as_ref() {
        None => Some(None),
        Some(c) => {
            let date = cx.date(&consent::DATE.of(&pcons), c.date.as_ref());
            let signer = cx.text(&consent::SIGNER.of(&pcons), c.signer.as_ref());
            (|| {
                Some(Some(PlanConsent {
                    date: date?,
                    signer: signer?,
                }))
            })()
        }
    };

    let built = (|| {
        Some(Kihon {
            parts: KihonParts {
                consultation_date: consultation_date?,
                plan_type: plan_type?,
                entrusted: entrusted?,
                staff_name,
                consultation,
                whereabouts: whereabouts?,
                user: user?,
                physical_independence,
                dementia_independence,
                certification: certification?,
                checklist: checklist?,
                disabilities,
                housing,
                finances,
                visitor,
                emergency_contacts,
                family,
                life_history,
                daily_life: daily_life?,
                hobbies,
                community,
                medical_history: medical_history?,
                services,
                consent: consent?,
            },
        })
    })();
    match (built, ctx.into_error()) {
        (_, Some(e)) => Err(e),
        (Some(k), None) => Ok(k),
        (None, None) => {
            debug_assert!(false, "a part is missing but no violation was reported");
            Err(Error::single(
                Violation::new(FieldPath::root(), Rule::Required).in_form(Form::YoboKihon),
            ))
        }
    }
}

fn t(x: &Option<Text>) -> Option<String> {
    x.as_ref().map(|v| v.as_str().to_owned())
}

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn some_if<T: PartialEq + Default>(x: T) -> Option<T> {
    (x != T::default()).then_some(x)
}

fn person_doc(p: &Person) -> KihonPersonDoc {
    KihonPersonDoc {
        name: t(&p.name),
        relation: t(&p.relation),
        address: t(&p.address),
        phone: p.phone.as_ref().map(|x| x.as_str().to_owned()),
    }
}

/// The document form of checked parts.
pub(super) fn document(p: &KihonParts) -> KihonDocument {
    let u = &p.user;
    KihonDocument {
        schema: None,
        form: Some(FORM_CODE.to_owned()),
        consultation_date: Some(iso(p.consultation_date)),
        plan_type: Some(p.plan_type.code().to_owned()),
        entrusted: Some(p.entrusted),
        staff_name: t(&p.staff_name),
        consultation: p.consultation.as_ref().map(|c| KihonConsultationDoc {
            method: c.method.map(|m| m.code().to_owned()),
            method_text: t(&c.method_text),
            count: c.count.map(|m| m.code().to_owned()),
            previous_date: c.previous_date.map(iso),
        }),
        whereabouts: p.whereabouts.as_ref().map(|w| KihonWhereaboutsDoc {
            code: Some(w.code.code().to_owned()),
            text: t(&w.text),
        }),
        user: Some(KihonUserDoc {
            name_kana: Some(u.name_kana.as_str().to_owned()),
            name: Some(u.name.as_str().to_owned()),
            sex: Some(u.sex.code().to_owned()),
            birth_date: Some(iso(u.birth_date)),
            address: t(&u.address),
            phone: u.phone.as_ref().map(|x| x.as_str().to_owned()),
            fax: u.fax.as_ref().map(|x| x.as_str().to_owned()),
            insurer_number: Some(u.insurer_number.as_str().to_owned()),
            insured_number: Some(u.insured_number.as_str().to_owned()),
        }),
        independence: some_if(KihonIndependenceDoc {
            physical: p.physical_independence.map(|x| x.code().to_owned()),
            dementia: p.dementia_independence.map(|x| x.code().to_owned()),
        }),
        certification: some_if(KihonCertificationDoc {
            level: p.certification.level.map(|x| x.code().to_owned()),
            period: p.certification.period.map(|r| DateRangeDoc {
                start: Some(iso(r.start())),
                end: Some(iso(r.end())),
            }),
            previous_level: p.certification.previous_level.map(|x| x.code().to_owned()),
        }),
        checklist: p.checklist.as_ref().map(|c| KihonChecklistDoc {
            meets_criteria: Some(c.meets_criteria),
            date: c.date.map(iso),
            answers: c.answers.map(|a| {
                a.answers()
                    .to_list()
                    .into_iter()
                    .map(|x| x.code().to_owned())
                    .collect()
            }),
            height_cm: c
                .answers
                .map(|a| crate::forms::yobo::wire::tenths(a.measures().height_mm())),
            weight_kg: c
                .answers
                .map(|a| crate::forms::yobo::wire::tenths(a.measures().weight_hg())),
        }),
        disabilities: some_if(KihonDisabilitiesDoc {
            physical: p.disabilities.physical,
            intellectual: p.disabilities.intellectual,
            mental: p.disabilities.mental,
            intractable: p.disabilities.intractable,
            notes: t(&p.disabilities.notes),
        }),
        housing: some_if(KihonHousingDoc {
            residence: p.housing.residence.map(|x| x.code().to_owned()),
            floor: t(&p.housing.floor),
            renovated: p.housing.renovated,
        }),
        finances: some_if(KihonFinancesDoc {
            national_pension: p.finances.national_pension,
            employees_pension: p.finances.employees_pension,
            disability_pension: p.finances.disability_pension,
            public_assistance: p.finances.public_assistance,
            notes: t(&p.finances.notes),
        }),
        visitor: p.visitor.as_ref().map(person_doc),
        emergency_contacts: (!p.emergency_contacts.is_empty())
            .then(|| p.emergency_contacts.iter().map(person_doc).collect()),
        family: some_if(KihonFamilyDoc {
            image: t(&p.family.image),
            situation: t(&p.family.situation),
        }),
        life_history: t(&p.life_history),
        daily_life: some_if(KihonDailyLifeDoc {
            text: t(&p.daily_life.text),
            schedule: (!p.daily_life.schedule.is_empty()).then(|| {
                p.daily_life
                    .schedule
                    .iter()
                    .map(|r| KihonScheduleDoc {
                        time: Some(r.time.as_str().to_owned()),
                        user: t(&r.user),
                        family: t(&r.family),
                    })
                    .collect()
            }),
        }),
        hobbies: t(&p.hobbies),
        community: t(&p.community),
        medical_history: (!p.medical_history.is_empty()).then(|| {
            p.medical_history
                .iter()
                .map(|m| KihonMedicalDoc {
                    date: t(&m.date),
                    disease: Some(m.disease.as_str().to_owned()),
                    institution: t(&m.institution),
                    attending: m.attending,
                    phone: m.phone.as_ref().map(|x| x.as_str().to_owned()),
                    course: m.course.map(|x| x.code().to_owned()),
                    treatment: t(&m.treatment),
                })
                .collect()
        }),
        services: some_if(KihonServicesDoc {
            public: t(&p.services.public),
            private: t(&p.services.private),
        }),
        consent: p.consent.as_ref().map(|c| YoboConsentDoc {
            date: Some(iso(c.date)),
            signer: Some(c.signer.as_str().to_owned()),
        }),
    }
}
