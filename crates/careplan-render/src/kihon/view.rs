//! The data the 利用者基本情報 template prints: the record turned into display
//! values (dates in 和暦, choices as flags). Only this reaches Typst, as data.

use careplan_core::forms::yobo::kihon::{
    ConsultationCount, ConsultationMethod, Course, DementiaIndependence, Kihon, KihonLevel, Person,
    PhysicalIndependence, Residence, Whereabouts,
};
use careplan_core::wareki::{age_on, format_date};
use careplan_core::{Sex, Text};
use chrono::NaiveDate;
use serde::Serialize;

use crate::measure::wide as s;
use crate::{RenderError, RenderOptions};

#[derive(Debug, Serialize)]
pub(crate) struct View {
    pub body_font: &'static str,
    pub staff: Option<String>,
    pub date: String,
    /// 来所, 電話, その他.
    pub method: [bool; 3],
    pub method_text: Option<String>,
    /// 初回, 再来.
    pub count: [bool; 2],
    pub previous_date: Option<String>,
    /// 在宅, 入院又は入所中.
    pub whereabouts: [bool; 2],
    pub whereabouts_text: Option<String>,
    pub kana: String,
    pub name: String,
    /// 男, 女.
    pub sex: [bool; 2],
    pub birth: String,
    pub age: Option<u32>,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub fax: Option<String>,
    pub physical: Vec<bool>,
    pub dementia: Vec<bool>,
    pub level: Vec<bool>,
    pub period: Option<[String; 2]>,
    pub previous_level: Option<&'static str>,
    /// 該当あり, 該当なし.
    pub checklist: [bool; 2],
    pub checklist_date: Option<String>,
    /// 身障, 療育, 精神, 難病.
    pub disabilities: [bool; 4],
    pub disability_notes: Option<String>,
    /// 自宅, 借家, 一戸建て, 集合住宅.
    pub residence: [bool; 4],
    pub floor: Option<String>,
    /// 有, 無.
    pub renovated: [bool; 2],
    /// 国民年金, 厚生年金, 障害年金, 生活保護.
    pub finances: [bool; 4],
    pub finance_notes: Option<String>,
    pub visitor: Option<PersonView>,
    pub contacts: Vec<PersonView>,
    pub family_image: Option<String>,
    pub family_situation: Option<String>,
    pub life_history: Option<String>,
    pub day_text: Option<String>,
    pub schedule: Vec<[Option<String>; 3]>,
    pub hobbies: Option<String>,
    pub community: Option<String>,
    pub medical: Vec<MedicalView>,
    pub public_services: Option<String>,
    pub private_services: Option<String>,
    pub consent: Option<[String; 2]>,
}

#[derive(Debug, Serialize)]
pub(crate) struct PersonView {
    pub name: Option<String>,
    pub relation: Option<String>,
    pub address: Option<String>,
    pub phone: Option<String>,
}

#[derive(Debug, Serialize)]
pub(crate) struct MedicalView {
    pub date: Option<String>,
    pub disease: String,
    pub institution: Option<String>,
    pub attending: bool,
    pub phone: Option<String>,
    /// 治療中, 経観中, その他.
    pub course: [bool; 3],
    pub treatment: Option<String>,
}

fn date(d: NaiveDate) -> Result<String, RenderError> {
    format_date(d).map_err(|e| RenderError::Data(e.to_string()))
}

fn o(t: &Option<Text>) -> Option<String> {
    t.as_ref().map(s)
}

fn person(p: &Person) -> PersonView {
    PersonView {
        name: o(&p.name),
        relation: o(&p.relation),
        address: o(&p.address),
        phone: p.phone.as_ref().map(|x| x.as_str().to_owned()),
    }
}

/// Which of `all` is `v`, as flags.
fn flags<T: PartialEq + Copy>(all: &[T], v: Option<T>) -> Vec<bool> {
    all.iter().map(|x| Some(*x) == v).collect()
}

pub(crate) fn build(k: &Kihon, options: &RenderOptions) -> Result<View, RenderError> {
    let p = k.parts();
    let c = p.consultation.as_ref();
    let method = c.and_then(|c| c.method);
    let count = c.and_then(|c| c.count);
    let w = p.whereabouts.as_ref().map(|w| w.code);
    let res = p.housing.residence;
    use Residence::*;
    let own = matches!(res, Some(Own | OwnDetached | OwnApartment));
    let rented = matches!(res, Some(Rented | RentedDetached | RentedApartment));
    let detached = matches!(res, Some(Detached | OwnDetached | RentedDetached));
    let apartment = matches!(res, Some(Apartment | OwnApartment | RentedApartment));
    Ok(View {
        body_font: options.typeface.family(),
        staff: o(&p.staff_name),
        date: date(p.consultation_date)?,
        method: [
            method == Some(ConsultationMethod::Visit),
            method == Some(ConsultationMethod::Phone),
            method == Some(ConsultationMethod::Other),
        ],
        method_text: c.and_then(|c| o(&c.method_text)),
        count: [
            count == Some(ConsultationCount::First),
            count == Some(ConsultationCount::Repeat),
        ],
        previous_date: c.and_then(|c| c.previous_date).map(date).transpose()?,
        whereabouts: [
            w == Some(Whereabouts::Home),
            w == Some(Whereabouts::Admitted),
        ],
        whereabouts_text: p.whereabouts.as_ref().and_then(|w| o(&w.text)),
        kana: s(&p.user.name_kana),
        name: s(&p.user.name),
        sex: [p.user.sex == Sex::Male, p.user.sex == Sex::Female],
        birth: date(p.user.birth_date)?,
        age: age_on(p.user.birth_date, p.consultation_date),
        address: o(&p.user.address),
        phone: p.user.phone.as_ref().map(|x| x.as_str().to_owned()),
        fax: p.user.fax.as_ref().map(|x| x.as_str().to_owned()),
        physical: flags(&PhysicalIndependence::ALL, p.physical_independence),
        dementia: flags(&DementiaIndependence::ALL, p.dementia_independence),
        level: flags(&KihonLevel::ALL, p.certification.level),
        period: match p.certification.period {
            Some(r) => Some([date(r.start())?, date(r.end())?]),
            None => None,
        },
        previous_level: p.certification.previous_level.map(KihonLevel::label_ja),
        checklist: [
            p.checklist.is_some_and(|c| c.meets_criteria),
            p.checklist.is_some_and(|c| !c.meets_criteria),
        ],
        checklist_date: p.checklist.and_then(|c| c.date).map(date).transpose()?,
        disabilities: [
            p.disabilities.physical == Some(true),
            p.disabilities.intellectual == Some(true),
            p.disabilities.mental == Some(true),
            p.disabilities.intractable == Some(true),
        ],
        disability_notes: o(&p.disabilities.notes),
        residence: [own, rented, detached, apartment],
        floor: o(&p.housing.floor),
        renovated: [
            p.housing.renovated == Some(true),
            p.housing.renovated == Some(false),
        ],
        finances: [
            p.finances.national_pension == Some(true),
            p.finances.employees_pension == Some(true),
            p.finances.disability_pension == Some(true),
            p.finances.public_assistance == Some(true),
        ],
        finance_notes: o(&p.finances.notes),
        visitor: p.visitor.as_ref().map(person),
        contacts: p.emergency_contacts.iter().map(person).collect(),
        family_image: o(&p.family.image),
        family_situation: o(&p.family.situation),
        life_history: o(&p.life_history),
        day_text: o(&p.daily_life.text),
        schedule: p
            .daily_life
            .schedule
            .iter()
            .map(|r| [Some(s(&r.time)), o(&r.user), o(&r.family)])
            .collect(),
        hobbies: o(&p.hobbies),
        community: o(&p.community),
        medical: p
            .medical_history
            .iter()
            .map(|m| MedicalView {
                date: o(&m.date),
                disease: s(&m.disease),
                institution: o(&m.institution),
                attending: m.attending == Some(true),
                phone: m.phone.as_ref().map(|x| x.as_str().to_owned()),
                course: [
                    m.course == Some(Course::Treating),
                    m.course == Some(Course::Observing),
                    m.course == Some(Course::Other),
                ],
                treatment: o(&m.treatment),
            })
            .collect(),
        public_services: o(&p.services.public),
        private_services: o(&p.services.private),
        consent: match &p.consent {
            Some(c) => Some([date(c.date)?, s(&c.signer)]),
            None => None,
        },
    })
}
