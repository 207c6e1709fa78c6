//! 利用者基本情報: the 地域包括支援センター's record of a consultation and of
//! the user (UPKIHON, with its 別表1 UPKIHON_SUB1 and 別表2 UPKIHON_SUB2), as a
//! typed document that keeps every rule of the form. A document names itself
//! with `"form": "yobo_kihon"`; its key in the CSV standard is 保険者番号,
//! 被保険者番号 and 相談日.
//!
//! ```
//! use careplan_core::forms::yobo::kihon::Kihon;
//!
//! let json = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/yobo/kihon/support-1-day-service-salon.json"))?;
//! let kihon = Kihon::from_json(&json)?;
//! assert_eq!(kihon.parts().user.name.as_str(), "山田 トメ");
//! assert!(!kihon.parts().daily_life.schedule.is_empty());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod codes;
pub mod fields;
mod texts;
mod validate;
pub mod wire;

use chrono::NaiveDate;

pub use codes::{
    ConsultationCount, ConsultationMethod, Course, DementiaIndependence, KihonLevel,
    PhysicalIndependence, Residence, Whereabouts,
};

use super::checklist::Checklist;
use super::{PlanConsent, PlanType};
use crate::codes::Sex;
use crate::error::Error;
use crate::path::FieldPath;
use crate::text::{InsuredNumber, InsurerNumber, Kana, PhoneNumber, Text};
use crate::time::DateRange;

/// The most 緊急連絡先 the CSV standard carries (UPKIHON No.46–61).
pub const MAX_EMERGENCY_CONTACTS: usize = 4;

/// 相談方法: the way, with its text for その他.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Consultation {
    /// 来所・電話・その他.
    pub method: Option<ConsultationMethod>,
    /// その他の内容 (required with その他).
    pub method_text: Option<Text>,
    /// 初回・再来.
    pub count: Option<ConsultationCount>,
    /// 前回相談日, not after the 相談日.
    pub previous_date: Option<NaiveDate>,
}

/// 本人の現況.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WhereaboutsOf {
    /// 在宅・入院又は入所中.
    pub code: Whereabouts,
    /// 状況補足 (required with 入院又は入所中).
    pub text: Option<Text>,
}

/// 本人.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KihonUser {
    /// フリガナ.
    pub name_kana: Kana,
    /// 本人氏名.
    pub name: Text,
    /// 男・女.
    pub sex: Sex,
    /// 生年月日.
    pub birth_date: NaiveDate,
    /// 住所.
    pub address: Option<Text>,
    /// Tel.
    pub phone: Option<PhoneNumber>,
    /// Fax.
    pub fax: Option<PhoneNumber>,
    /// 保険者番号.
    pub insurer_number: InsurerNumber,
    /// 被保険者番号.
    pub insured_number: InsuredNumber,
}

/// 認定情報.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct KihonCertification {
    /// 要介護状態区分 (非該当, 要支援, 要介護).
    pub level: Option<KihonLevel>,
    /// 有効期間.
    pub period: Option<DateRange>,
    /// 前回の介護度.
    pub previous_level: Option<KihonLevel>,
}

/// 基本チェックリスト記入結果.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KihonChecklist {
    /// 事業対象者の該当あり (`true`)・なし.
    pub meets_criteria: bool,
    /// 記入日.
    pub date: Option<NaiveDate>,
    /// The answers, when given: the result must then be theirs.
    pub answers: Option<Checklist>,
}

/// 障害等認定.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Disabilities {
    /// 身障.
    pub physical: Option<bool>,
    /// 療育.
    pub intellectual: Option<bool>,
    /// 精神.
    pub mental: Option<bool>,
    /// 難病.
    pub intractable: Option<bool>,
    /// 特記.
    pub notes: Option<Text>,
}

/// 本人の住居環境.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Housing {
    /// 自宅・借家／一戸建て・集合住宅.
    pub residence: Option<Residence>,
    /// 自室（　）階.
    pub floor: Option<Text>,
    /// 住宅改修の有無.
    pub renovated: Option<bool>,
}

/// 経済状況.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Finances {
    /// 国民年金.
    pub national_pension: Option<bool>,
    /// 厚生年金.
    pub employees_pension: Option<bool>,
    /// 障害年金.
    pub disability_pension: Option<bool>,
    /// 生活保護.
    pub public_assistance: Option<bool>,
    /// 詳細.
    pub notes: Option<Text>,
}

/// 来所者（相談者）, or a 緊急連絡先.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Person {
    /// 氏名.
    pub name: Option<Text>,
    /// 続柄.
    pub relation: Option<Text>,
    /// 住所.
    pub address: Option<Text>,
    /// 連絡先.
    pub phone: Option<PhoneNumber>,
}

/// 家族構成.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Family {
    /// The 家族構成 image's file name (JPEG; the CSV names it
    /// `UPKIHON_IMAGE_<送信単位>_<枝番>.jpg`).
    pub image: Option<Text>,
    /// 家族関係等の状況.
    pub situation: Option<Text>,
}

/// One time of the day (別表1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduleRow {
    /// 時間, as written (`6:00`).
    pub time: Text,
    /// 本人.
    pub user: Option<Text>,
    /// 介護者・家族.
    pub family: Option<Text>,
}

/// 現在の生活状況: １日の生活・すごし方.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DailyLife {
    /// The text (UPKIHON No.65).
    pub text: Option<Text>,
    /// The time schedule (別表1), in the order written.
    pub schedule: Vec<ScheduleRow>,
}

/// One 現病歴・既往歴 (別表2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MedicalRow {
    /// 年月日, as written (`H12年10月`, `2023/6`).
    pub date: Option<Text>,
    /// 病名.
    pub disease: Text,
    /// 医療機関・医師名.
    pub institution: Option<Text>,
    /// 主治医・意見作成者 (☆).
    pub attending: Option<bool>,
    /// 電話.
    pub phone: Option<PhoneNumber>,
    /// 経過.
    pub course: Option<Course>,
    /// 治療中の場合は内容.
    pub treatment: Option<Text>,
}

/// 現在利用しているサービス.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Services {
    /// 公的サービス.
    pub public: Option<Text>,
    /// 非公的サービス.
    pub private: Option<Text>,
}

/// The parts of a 利用者基本情報, before they are checked together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KihonParts {
    /// 相談日: the record's key.
    pub consultation_date: NaiveDate,
    /// 計画種類.
    pub plan_type: PlanType,
    /// 委託の有無.
    pub entrusted: bool,
    /// 作成担当者.
    pub staff_name: Option<Text>,
    /// 相談方法, 初回・再来.
    pub consultation: Option<Consultation>,
    /// 本人の現況.
    pub whereabouts: Option<WhereaboutsOf>,
    /// 本人.
    pub user: KihonUser,
    /// 障害高齢者の日常生活自立度.
    pub physical_independence: Option<PhysicalIndependence>,
    /// 認知症高齢者の日常生活自立度.
    pub dementia_independence: Option<DementiaIndependence>,
    /// 認定情報.
    pub certification: KihonCertification,
    /// 基本チェックリスト記入結果.
    pub checklist: Option<KihonChecklist>,
    /// 障害等認定.
    pub disabilities: Disabilities,
    /// 住居環境.
    pub housing: Housing,
    /// 経済状況.
    pub finances: Finances,
    /// 来所者（相談者）.
    pub visitor: Option<Person>,
    /// 緊急連絡先, at most [`MAX_EMERGENCY_CONTACTS`].
    pub emergency_contacts: Vec<Person>,
    /// 家族構成.
    pub family: Family,
    /// 今までの生活.
    pub life_history: Option<Text>,
    /// １日の生活・すごし方.
    pub daily_life: DailyLife,
    /// 趣味・楽しみ・特技.
    pub hobbies: Option<Text>,
    /// 友人・地域との関係.
    pub community: Option<Text>,
    /// 現病歴・既往歴と経過.
    pub medical_history: Vec<MedicalRow>,
    /// 現在利用しているサービス.
    pub services: Services,
    /// 同意.
    pub consent: Option<PlanConsent>,
}

/// A 利用者基本情報 that keeps every rule of the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Kihon {
    parts: KihonParts,
}

impl Kihon {
    /// Puts the parts together, checking every rule; all violations reported.
    pub fn new(parts: KihonParts) -> Result<Kihon, Error> {
        validate::build(&validate::document(&parts))
    }

    /// Checks a document form (as a reader of another syntax builds it).
    pub fn from_document(doc: &wire::KihonDocument) -> Result<Kihon, Error> {
        validate::build(doc)
    }

    /// Parses and checks the JSON form; every violation with its path.
    pub fn from_json(json: &str) -> Result<Kihon, Error> {
        validate::build(&wire::KihonDocument::from_json(json)?)
    }

    /// The parts.
    pub fn parts(&self) -> &KihonParts {
        &self.parts
    }

    /// The parts, to change and put together again.
    pub fn into_parts(self) -> KihonParts {
        self.parts
    }

    /// The document form.
    pub fn to_document(&self) -> wire::KihonDocument {
        validate::document(&self.parts)
    }

    /// The JSON form as a value.
    pub fn to_json_value(&self) -> serde_json::Value {
        serde_json::to_value(self.to_document()).unwrap_or_else(|e| {
            debug_assert!(false, "a document did not serialise: {e}");
            serde_json::Value::Null
        })
    }

    /// The JSON form, pretty-printed.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(&self.to_document()).unwrap_or_else(|e| {
            debug_assert!(false, "a document did not serialise: {e}");
            String::new()
        })
    }

    /// Every printed text with the path of its field.
    pub fn texts(&self) -> Vec<(FieldPath, &str)> {
        texts::texts(self)
    }
}

impl serde::Serialize for Kihon {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_document().serialize(serializer)
    }
}

impl<'de> serde::Deserialize<'de> for Kihon {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let doc = wire::KihonDocument::deserialize(deserializer)?;
        validate::build(&doc).map_err(serde::de::Error::custom)
    }
}
