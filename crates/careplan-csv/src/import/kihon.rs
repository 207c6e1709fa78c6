//! UPKIHON, UPKIHON_SUB1 and UPKIHON_SUB2 rows into a 利用者基本情報: the rows
//! become its JSON document, which careplan-core checks; each violation is
//! placed back at the row and field it came from.

#![allow(clippy::result_large_err)]

use careplan_core::forms::kyotaku::wire::DateRangeDoc;
use careplan_core::forms::yobo::PlanType;
use careplan_core::forms::yobo::kihon::wire::*;
use careplan_core::forms::yobo::kihon::{
    ConsultationCount, ConsultationMethod, Course, DementiaIndependence, Kihon, KihonLevel,
    PhysicalIndependence, Residence, Whereabouts,
};
use careplan_core::forms::yobo::wire::YoboConsentDoc;
use careplan_core::{FieldPath, Form, Sex};

use super::values::{Row, iso_date as date, pair, present as s, unknown_code as unknown};
use super::{Origins, form_rule};
use crate::ImportError;
use crate::export::{FLAG, YES_NO};
use crate::records::{Upkihon as U, UpkihonSub1 as S1, UpkihonSub2 as S2};

/// A code of a code list by its CSV code, as the document's code.
fn code(
    row: &Row,
    no: u16,
    csv: &[&str],
    map: impl Fn(&str) -> Option<&'static str>,
    e: &mut Vec<ImportError>,
) -> Option<String> {
    let v = s(row, no)?;
    match map(v.trim()) {
        Some(c) => Some(c.to_owned()),
        None => {
            e.push(unknown(row, no, &v, csv));
            None
        }
    }
}

fn some<T: PartialEq + Default>(x: T) -> Option<T> {
    (x != T::default()).then_some(x)
}

fn person(row: &Row, nos: [u16; 4]) -> Option<KihonPersonDoc> {
    some(KihonPersonDoc {
        name: s(row, nos[0]),
        relation: s(row, nos[1]),
        address: s(row, nos[2]),
        phone: s(row, nos[3]),
    })
}

/// The record of an UPKIHON row and its 別表 rows.
pub(super) fn build(main: &Row, sub1: &[Row], sub2: &[Row]) -> Result<Kihon, Vec<ImportError>> {
    let r = main;
    let mut errors = Vec::new();
    let e = &mut errors;
    let entrusted = match s(r, U::ENTRUSTED).as_deref().map(str::trim) {
        None => None,
        Some("1") => Some(false),
        Some("2") => Some(true),
        Some(v) => {
            e.push(unknown(r, U::ENTRUSTED, v, &["1", "2"]));
            None
        }
    };
    let consultation = some(KihonConsultationDoc {
        method: code(
            r,
            U::METHOD,
            ConsultationMethod::CSV_CODES,
            |c| ConsultationMethod::from_csv_code(c).map(|x| x.code()),
            e,
        ),
        method_text: s(r, U::METHOD_TEXT),
        count: code(
            r,
            U::COUNT,
            ConsultationCount::CSV_CODES,
            |c| ConsultationCount::from_csv_code(c).map(|x| x.code()),
            e,
        ),
        previous_date: date(r, U::PREVIOUS_DATE),
    });
    let whereabouts = some(KihonWhereaboutsDoc {
        code: code(
            r,
            U::WHEREABOUTS,
            Whereabouts::CSV_CODES,
            |c| Whereabouts::from_csv_code(c).map(|x| x.code()),
            e,
        ),
        text: s(r, U::WHEREABOUTS_TEXT),
    });
    let start = date(r, U::PERIOD_START);
    let end = date(r, U::PERIOD_END);
    let certification = some(KihonCertificationDoc {
        level: code(
            r,
            U::LEVEL,
            KihonLevel::CSV_CODES,
            |c| KihonLevel::from_csv_code(c).map(|x| x.code()),
            e,
        ),
        period: (start.is_some() || end.is_some()).then_some(DateRangeDoc { start, end }),
        previous_level: code(
            r,
            U::PREVIOUS_LEVEL,
            KihonLevel::CSV_CODES,
            |c| KihonLevel::from_csv_code(c).map(|x| x.code()),
            e,
        ),
    });
    let result = pair(r, U::CHECKLIST_RESULT, &YES_NO, e);
    let checklist_date = date(r, U::CHECKLIST_DATE);
    let checklist = (result.is_some() || checklist_date.is_some()).then(|| KihonChecklistDoc {
        meets_criteria: result,
        date: checklist_date,
        ..KihonChecklistDoc::default()
    });
    let contacts: Vec<KihonPersonDoc> = [
        [
            U::CONTACT1_NAME,
            U::CONTACT1_RELATION,
            U::CONTACT1_ADDRESS,
            U::CONTACT1_PHONE,
        ],
        [
            U::CONTACT2_NAME,
            U::CONTACT2_RELATION,
            U::CONTACT2_ADDRESS,
            U::CONTACT2_PHONE,
        ],
        [
            U::CONTACT3_NAME,
            U::CONTACT3_RELATION,
            U::CONTACT3_ADDRESS,
            U::CONTACT3_PHONE,
        ],
        [
            U::CONTACT4_NAME,
            U::CONTACT4_RELATION,
            U::CONTACT4_ADDRESS,
            U::CONTACT4_PHONE,
        ],
    ]
    .into_iter()
    .filter_map(|nos| person(r, nos))
    .collect();
    let mut origins = Origins::default();
    origins.add(FieldPath::root(), main);
    let schedule: Vec<KihonScheduleDoc> = sub1
        .iter()
        .enumerate()
        .map(|(i, row)| {
            origins.add(
                FieldPath::root().key("daily_life").key("schedule").index(i),
                row,
            );
            KihonScheduleDoc {
                time: s(row, S1::TIME),
                user: s(row, S1::USER),
                family: s(row, S1::FAMILY),
            }
        })
        .collect();
    let medical: Vec<KihonMedicalDoc> = sub2
        .iter()
        .enumerate()
        .map(|(i, row)| {
            origins.add(FieldPath::root().key("medical_history").index(i), row);
            KihonMedicalDoc {
                date: s(row, S2::DATE),
                disease: s(row, S2::DISEASE),
                institution: s(row, S2::INSTITUTION),
                attending: pair(row, S2::ATTENDING, &YES_NO, e),
                phone: s(row, S2::PHONE),
                course: code(
                    row,
                    S2::COURSE,
                    Course::CSV_CODES,
                    |c| Course::from_csv_code(c).map(|x| x.code()),
                    e,
                ),
                treatment: s(row, S2::TREATMENT),
            }
        })
        .collect();
    let doc = KihonDocument {
        schema: None,
        form: Some(careplan_core::forms::yobo::kihon::fields::FORM_CODE.to_owned()),
        consultation_date: date(r, U::CONSULTATION_DATE),
        plan_type: code(
            r,
            U::PLAN_TYPE,
            PlanType::CSV_CODES,
            |c| PlanType::from_csv_code(c).map(|x| x.code()),
            e,
        ),
        entrusted,
        staff_name: s(r, U::STAFF_NAME),
        consultation,
        whereabouts,
        user: Some(KihonUserDoc {
            name_kana: s(r, U::NAME_KANA),
            name: s(r, U::NAME),
            sex: code(
                r,
                U::SEX,
                Sex::CSV_CODES,
                |c| Sex::from_csv_code(c).map(|x| x.code()),
                e,
            ),
            birth_date: date(r, U::BIRTH_DATE),
            address: s(r, U::ADDRESS),
            phone: s(r, U::PHONE),
            fax: s(r, U::FAX),
            insurer_number: s(r, U::INSURER_NUMBER),
            insured_number: s(r, U::INSURED_NUMBER),
        }),
        independence: some(KihonIndependenceDoc {
            physical: code(
                r,
                U::PHYSICAL,
                PhysicalIndependence::CSV_CODES,
                |c| PhysicalIndependence::from_csv_code(c).map(|x| x.code()),
                e,
            ),
            dementia: code(
                r,
                U::DEMENTIA,
                DementiaIndependence::CSV_CODES,
                |c| DementiaIndependence::from_csv_code(c).map(|x| x.code()),
                e,
            ),
        }),
        certification,
        checklist,
        disabilities: some(KihonDisabilitiesDoc {
            physical: pair(r, U::DISABILITY_PHYSICAL, &FLAG, e),
            intellectual: pair(r, U::DISABILITY_INTELLECTUAL, &FLAG, e),
            mental: pair(r, U::DISABILITY_MENTAL, &FLAG, e),
            intractable: pair(r, U::DISABILITY_INTRACTABLE, &FLAG, e),
            notes: s(r, U::DISABILITY_NOTES),
        }),
        housing: some(KihonHousingDoc {
            residence: code(
                r,
                U::RESIDENCE,
                Residence::CSV_CODES,
                |c| Residence::from_csv_code(c).map(|x| x.code()),
                e,
            ),
            floor: s(r, U::FLOOR),
            renovated: pair(r, U::RENOVATED, &YES_NO, e),
        }),
        finances: some(KihonFinancesDoc {
            national_pension: pair(r, U::NATIONAL_PENSION, &FLAG, e),
            employees_pension: pair(r, U::EMPLOYEES_PENSION, &FLAG, e),
            disability_pension: pair(r, U::DISABILITY_PENSION, &FLAG, e),
            public_assistance: pair(r, U::PUBLIC_ASSISTANCE, &FLAG, e),
            notes: s(r, U::FINANCE_NOTES),
        }),
        visitor: person(
            r,
            [
                U::VISITOR_NAME,
                U::VISITOR_RELATION,
                U::VISITOR_ADDRESS,
                U::VISITOR_PHONE,
            ],
        ),
        emergency_contacts: (!contacts.is_empty()).then_some(contacts),
        family: some(KihonFamilyDoc {
            image: s(r, U::FAMILY_IMAGE),
            situation: s(r, U::FAMILY_SITUATION),
        }),
        life_history: s(r, U::LIFE_HISTORY),
        daily_life: some(KihonDailyLifeDoc {
            text: s(r, U::DAILY_LIFE),
            schedule: (!schedule.is_empty()).then_some(schedule),
        }),
        hobbies: s(r, U::HOBBIES),
        community: s(r, U::COMMUNITY),
        medical_history: (!medical.is_empty()).then_some(medical),
        services: some(KihonServicesDoc {
            public: s(r, U::PUBLIC_SERVICES),
            private: s(r, U::PRIVATE_SERVICES),
        }),
        consent: (r.written(U::CONSENT_DATE) || r.written(U::CONSENT_SIGNER)).then(|| {
            YoboConsentDoc {
                date: date(r, U::CONSENT_DATE),
                signer: s(r, U::CONSENT_SIGNER),
            }
        }),
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    Kihon::from_document(&doc).map_err(|err| {
        err.violations()
            .iter()
            .map(|v| form_rule(v, &origins, main, Form::YoboKihon))
            .collect()
    })
}
