//! The 利用者基本情報's JSON form, field by field, before its rules are
//! checked: every field optional, unknown fields refused. What each field is,
//! and where UPKIHON, UPKIHON_SUB1 and UPKIHON_SUB2 carry it, is in
//! [`super::fields`].

use serde::{Deserialize, Serialize};

use crate::document::Form;
use crate::error::Error;
use crate::forms::kyotaku::wire::{DateRangeDoc, structural};
use crate::forms::yobo::wire::YoboConsentDoc;

/// 利用者基本情報: a document with `"form": "yobo_kihon"`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[allow(missing_docs)] // the field tables document every field
pub struct KihonDocument {
    /// A schema reference for editors; ignored.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consultation_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entrusted: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staff_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consultation: Option<KihonConsultationDoc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub whereabouts: Option<KihonWhereaboutsDoc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<KihonUserDoc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub independence: Option<KihonIndependenceDoc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certification: Option<KihonCertificationDoc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checklist: Option<KihonChecklistDoc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disabilities: Option<KihonDisabilitiesDoc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub housing: Option<KihonHousingDoc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finances: Option<KihonFinancesDoc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visitor: Option<KihonPersonDoc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emergency_contacts: Option<Vec<KihonPersonDoc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family: Option<KihonFamilyDoc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub life_history: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub daily_life: Option<KihonDailyLifeDoc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hobbies: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub community: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub medical_history: Option<Vec<KihonMedicalDoc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub services: Option<KihonServicesDoc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consent: Option<YoboConsentDoc>,
}

crate::document_type! {
    /// 相談方法 and 相談回数.
    pub struct KihonConsultationDoc {
        method: String,
        method_text: String,
        count: String,
        previous_date: String,
    }
}

crate::document_type! {
    /// 本人の現況.
    pub struct KihonWhereaboutsDoc {
        code: String,
        text: String,
    }
}

crate::document_type! {
    /// 本人.
    pub struct KihonUserDoc {
        name_kana: String,
        name: String,
        sex: String,
        birth_date: String,
        address: String,
        phone: String,
        fax: String,
        insurer_number: String,
        insured_number: String,
    }
}

crate::document_type! {
    /// 日常生活自立度.
    pub struct KihonIndependenceDoc {
        physical: String,
        dementia: String,
    }
}

crate::document_type! {
    /// 認定情報.
    pub struct KihonCertificationDoc {
        level: String,
        period: DateRangeDoc,
        previous_level: String,
    }
}

crate::document_type! {
    /// 基本チェックリスト記入結果.
    pub struct KihonChecklistDoc {
        meets_criteria: bool,
        date: String,
        answers: Vec<String>,
        height_cm: String,
        weight_kg: String,
    }
}

crate::document_type! {
    /// 障害等認定.
    pub struct KihonDisabilitiesDoc {
        physical: bool,
        intellectual: bool,
        mental: bool,
        intractable: bool,
        notes: String,
    }
}

crate::document_type! {
    /// 本人の住居環境.
    pub struct KihonHousingDoc {
        residence: String,
        floor: String,
        renovated: bool,
    }
}

crate::document_type! {
    /// 経済状況.
    pub struct KihonFinancesDoc {
        national_pension: bool,
        employees_pension: bool,
        disability_pension: bool,
        public_assistance: bool,
        notes: String,
    }
}

crate::document_type! {
    /// 来所者（相談者）, or a 緊急連絡先.
    pub struct KihonPersonDoc {
        name: String,
        relation: String,
        address: String,
        phone: String,
    }
}

crate::document_type! {
    /// 家族構成.
    pub struct KihonFamilyDoc {
        image: String,
        situation: String,
    }
}

crate::document_type! {
    /// 現在の生活状況: １日の生活・すごし方.
    pub struct KihonDailyLifeDoc {
        text: String,
        schedule: Vec<KihonScheduleDoc>,
    }
}

crate::document_type! {
    /// 別表1: one time of the day.
    pub struct KihonScheduleDoc {
        time: String,
        user: String,
        family: String,
    }
}

crate::document_type! {
    /// 別表2: 現病歴・既往歴 and its course.
    pub struct KihonMedicalDoc {
        date: String,
        disease: String,
        institution: String,
        attending: bool,
        phone: String,
        course: String,
        treatment: String,
    }
}

crate::document_type! {
    /// 現在利用しているサービス.
    pub struct KihonServicesDoc {
        public: String,
        private: String,
    }
}

impl KihonDocument {
    /// Reads the JSON text into the document form; malformed JSON and JSON
    /// of the wrong shape give one violation with the path where reading stopped.
    pub fn from_json(json: &str) -> Result<KihonDocument, Error> {
        let de = &mut serde_json::Deserializer::from_str(json);
        serde_path_to_error::deserialize(de).map_err(|e| structural(e, Form::YoboKihon))
    }
}
