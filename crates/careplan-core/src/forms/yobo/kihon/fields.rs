//! The field tables of the 利用者基本情報: labels (YOBO.md §6.2, \[C\] unless a
//! CSV item proves them; see `docs/readings.md`), formats, and where UPKIHON,
//! UPKIHON_SUB1 and UPKIHON_SUB2 carry each field.

use super::codes::*;
use crate::codes::Sex;
use crate::fields::{Format, Tables, csv, field_table};
use crate::forms::yobo::PlanType;

/// The form key's one value for this form.
pub const FORM_CODE: &str = "yobo_kihon";

/// The document: `KihonDocument`.
pub mod document {
    use super::*;

    field_table! {
        /// `KihonDocument`.
        OBJECT = "KihonDocument", "利用者基本情報";
        SCHEMA: "$schema", "スキーマ", O, Format::Any, "A schema reference for editors; ignored." => unlabelled();
        FORM: "form", "様式", R, Format::Code(&[FORM_CODE]), "Which form the document is: `yobo_kihon`." => unlabelled();
        CONSULTATION_DATE: "consultation_date", "相談日", R, Format::Date, "The day of the consultation: the record's key in the CSV standard." => csv(&[csv("UPKIHON", 4)]);
        PLAN_TYPE: "plan_type", "計画種類", R, Format::Code(PlanType::CODES), "`prevention_support` (介護予防支援) or `care_management` (介護予防ケアマネジメント)." => csv(&[csv("UPKIHON", 5)]);
        ENTRUSTED: "entrusted", "委託の有無", R, Format::Bool, "Whether the work is entrusted to a 居宅介護支援事業所." => csv(&[csv("UPKIHON", 6)]);
        STAFF_NAME: "staff_name", "作成担当者", O, Format::Text, "Who wrote the record." => csv(&[csv("UPKIHON", 7)]);
        CONSULTATION: "consultation", "相談方法", O, Format::Structure, "How the consultation came, and whether it is the first." => holds("KihonConsultationDoc");
        WHEREABOUTS: "whereabouts", "本人の現況", O, Format::Structure, "At home, or in hospital or a facility." => holds("KihonWhereaboutsDoc");
        USER: "user", "本人", R, Format::Structure, "The user." => holds("KihonUserDoc");
        INDEPENDENCE: "independence", "日常生活自立度", O, Format::Structure, "The two 日常生活自立度." => holds("KihonIndependenceDoc");
        CERTIFICATION: "certification", "認定情報", O, Format::Structure, "The certification: level, period, the level before." => holds("KihonCertificationDoc");
        CHECKLIST: "checklist", "基本チェックリスト記入結果", O, Format::Structure, "The 基本チェックリスト's result and date (and, when given, its answers)." => holds("KihonChecklistDoc");
        DISABILITIES: "disabilities", "障害等認定", O, Format::Structure, "Disability certificates: 身障・療育・精神・難病." => holds("KihonDisabilitiesDoc");
        HOUSING: "housing", "本人の住居環境", O, Format::Structure, "The dwelling." => holds("KihonHousingDoc");
        FINANCES: "finances", "経済状況", O, Format::Structure, "Pensions and 生活保護." => holds("KihonFinancesDoc");
        VISITOR: "visitor", "来所者（相談者）", O, Format::Structure, "Who came or called." => holds("KihonPersonDoc"), csv(&[csv("UPKIHON", 42)]);
        EMERGENCY_CONTACTS: "emergency_contacts", "緊急連絡先", O, Format::Structure, "At most four, in order." => holds("KihonPersonDoc"), csv(&[csv("UPKIHON", 46)]);
        FAMILY: "family", "家族構成", O, Format::Structure, "The family: its image and its situation." => holds("KihonFamilyDoc");
        LIFE_HISTORY: "life_history", "今までの生活", O, Format::Text, "The life so far." => csv(&[csv("UPKIHON", 64)]);
        DAILY_LIFE: "daily_life", "１日の生活・すごし方", O, Format::Structure, "A day: text and the time schedule (別表1)." => holds("KihonDailyLifeDoc");
        HOBBIES: "hobbies", "趣味・楽しみ・特技", O, Format::Text, "Hobbies, pleasures, skills." => csv(&[csv("UPKIHON", 66)]);
        COMMUNITY: "community", "友人・地域との関係", O, Format::Text, "Friends and the neighbourhood." => csv(&[csv("UPKIHON", 67)]);
        MEDICAL_HISTORY: "medical_history", "現病歴・既往歴と経過", O, Format::Structure, "Illnesses, newest first (別表2)." => holds("KihonMedicalDoc");
        SERVICES: "services", "現在利用しているサービス", O, Format::Structure, "Public and other services used now." => holds("KihonServicesDoc");
        CONSENT: "consent", "同意", O, Format::Structure, "Consent to sharing the record with the bodies concerned: date and name." => holds("YoboConsentDoc");
    }
}

/// 相談方法: `KihonConsultationDoc`.
pub mod consultation {
    use super::*;

    field_table! {
        /// `KihonConsultationDoc`.
        OBJECT = "KihonConsultationDoc", "相談方法";
        METHOD: "method", "来所・電話・その他", O, Format::Code(ConsultationMethod::CODES), "`visit`, `phone` or `other` (with `method_text`)." => at("相談方法"), csv(&[csv("UPKIHON", 8)]);
        METHOD_TEXT: "method_text", "その他の内容", O, Format::Text, "What その他 was; required with `other`." => csv(&[csv("UPKIHON", 9)]);
        COUNT: "count", "初回・再来", O, Format::Code(ConsultationCount::CODES), "`first` or `repeat`." => csv(&[csv("UPKIHON", 10)]);
        PREVIOUS_DATE: "previous_date", "前回相談日", O, Format::Date, "The consultation before, not after this one." => csv(&[csv("UPKIHON", 11)]);
    }
}

/// 本人の現況: `KihonWhereaboutsDoc`.
pub mod whereabouts {
    use super::*;

    field_table! {
        /// `KihonWhereaboutsDoc`.
        OBJECT = "KihonWhereaboutsDoc", "本人の現況";
        CODE: "code", "在宅・入院又は入所中", R, Format::Code(Whereabouts::CODES), "`home` or `admitted` (with `text`)." => at("本人の現況"), csv(&[csv("UPKIHON", 12)]);
        TEXT: "text", "状況補足", O, Format::Text, "Where, when admitted; required with `admitted`." => csv(&[csv("UPKIHON", 13)]);
    }
}

/// 本人: `KihonUserDoc`.
pub mod user {
    use super::*;

    field_table! {
        /// `KihonUserDoc`.
        OBJECT = "KihonUserDoc", "本人";
        NAME_KANA: "name_kana", "フリガナ", R, Format::Kana, "Katakana." => csv(&[csv("UPKIHON", 14)]);
        NAME: "name", "本人氏名", R, Format::Name, "The user's name." => csv(&[csv("UPKIHON", 15)]);
        SEX: "sex", "男・女", R, Format::Code(Sex::CODES), "`male` or `female`." => at("性別"), csv(&[csv("UPKIHON", 16)]);
        BIRTH_DATE: "birth_date", "生年月日", R, Format::Date, "Not after the 相談日." => csv(&[csv("UPKIHON", 17)]);
        ADDRESS: "address", "住所", O, Format::Text, "The address." => csv(&[csv("UPKIHON", 18)]);
        PHONE: "phone", "電話番号（Tel）", O, Format::Phone, "Telephone." => at("電話番号"), csv(&[csv("UPKIHON", 19)]);
        FAX: "fax", "Fax番号", O, Format::Phone, "Fax." => csv(&[csv("UPKIHON", 20)]);
        INSURER_NUMBER: "insurer_number", "保険者番号", R, Format::InsurerNumber, "Six digits." => csv(&[csv("UPKIHON", 2)]);
        INSURED_NUMBER: "insured_number", "被保険者番号", R, Format::InsuredNumber, "Ten digits, or H and nine digits." => csv(&[csv("UPKIHON", 3)]);
    }
}

/// 日常生活自立度: `KihonIndependenceDoc`.
pub mod independence {
    use super::*;

    field_table! {
        /// `KihonIndependenceDoc`.
        OBJECT = "KihonIndependenceDoc", "日常生活自立度";
        PHYSICAL: "physical", "障害高齢者の日常生活自立度", O, Format::Code(PhysicalIndependence::CODES), "Physical independence: 自立, J1 … C2." => csv(&[csv("UPKIHON", 21)]);
        DEMENTIA: "dementia", "認知症高齢者の日常生活自立度", O, Format::Code(DementiaIndependence::CODES), "Independence with dementia: 自立, Ⅰ … M." => csv(&[csv("UPKIHON", 22)]);
    }
}

/// 認定情報: `KihonCertificationDoc`.
pub mod certification {
    use super::*;

    field_table! {
        /// `KihonCertificationDoc`.
        OBJECT = "KihonCertificationDoc", "認定情報";
        LEVEL: "level", "要介護状態区分", O, Format::Code(KihonLevel::CODES), "The level: 非該当, 要支援１・２, 要介護１–５ (a 事業対象者 is recorded by the checklist's result)." => csv(&[csv("UPKIHON", 23)]);
        PERIOD: "period", "有効期限", O, Format::Structure, "Both ends." => holds("DateRangeDoc"), csv(&[csv("UPKIHON", 24), csv("UPKIHON", 25)]);
        PREVIOUS_LEVEL: "previous_level", "前回の介護度", O, Format::Code(KihonLevel::CODES), "The level before." => csv(&[csv("UPKIHON", 26)]);
    }
}

/// 基本チェックリスト記入結果: `KihonChecklistDoc`.
pub mod checklist {
    use super::*;

    field_table! {
        /// `KihonChecklistDoc`.
        OBJECT = "KihonChecklistDoc", "基本チェックリスト記入結果";
        MEETS_CRITERIA: "meets_criteria", "事業対象者の該当", R, Format::Bool, "Whether the user meets the 事業対象者 criteria: 該当あり (`true`) or なし; equal to what the answers give when they are given." => csv(&[csv("UPKIHON", 27)]);
        DATE: "date", "記入日", O, Format::Date, "The date the checklist was filled in." => csv(&[csv("UPKIHON", 28)]);
        ANSWERS: "answers", "回答", O, Format::Structure, "The 24 answers to questions 1–11 and 13–25 (`yes`/`no`); not carried by the CSV.";
        HEIGHT_CM: "height_cm", "身長（cm）", O, Format::Pattern("^[0-9]{2,3}(\\.[0-9])?$"), "Question 12: height in cm (50.0–250.0); with `answers`.";
        WEIGHT_KG: "weight_kg", "体重（kg）", O, Format::Pattern("^[0-9]{2,3}(\\.[0-9])?$"), "Question 12: weight in kg (10.0–300.0); with `answers`.";
    }
}

/// 障害等認定: `KihonDisabilitiesDoc`.
pub mod disabilities {
    use super::*;

    field_table! {
        /// `KihonDisabilitiesDoc`.
        OBJECT = "KihonDisabilitiesDoc", "障害等認定";
        PHYSICAL: "physical", "身障", O, Format::Bool, "Physical disability certificate (身体障害者手帳)." => csv(&[csv("UPKIHON", 29)]);
        INTELLECTUAL: "intellectual", "療育", O, Format::Bool, "Intellectual disability certificate (療育手帳)." => csv(&[csv("UPKIHON", 30)]);
        MENTAL: "mental", "精神", O, Format::Bool, "Mental disability certificate (精神障害者保健福祉手帳)." => csv(&[csv("UPKIHON", 31)]);
        INTRACTABLE: "intractable", "難病", O, Format::Bool, "Designated intractable disease (指定難病)." => csv(&[csv("UPKIHON", 32)]);
        NOTES: "notes", "特記", O, Format::Text, "Notes." => csv(&[csv("UPKIHON", 33)]);
    }
}

/// 本人の住居環境: `KihonHousingDoc`.
pub mod housing {
    use super::*;

    field_table! {
        /// `KihonHousingDoc`.
        OBJECT = "KihonHousingDoc", "本人の住居環境";
        RESIDENCE: "residence", "自宅・借家／一戸建て・集合住宅", O, Format::Code(Residence::CODES), "The dwelling, as UPKIHON No.34 combines it." => at("居住形態"), csv(&[csv("UPKIHON", 34)]);
        FLOOR: "floor", "自室（　）階", O, Format::Text, "The floor of the user's room, as written (two characters in the CSV)." => at("自室の階数"), csv(&[csv("UPKIHON", 35)]);
        RENOVATED: "renovated", "住宅改修の有無", O, Format::Bool, "Whether the home was renovated: 有 (`true`) or 無." => csv(&[csv("UPKIHON", 36)]);
    }
}

/// 経済状況: `KihonFinancesDoc`.
pub mod finances {
    use super::*;

    field_table! {
        /// `KihonFinancesDoc`.
        OBJECT = "KihonFinancesDoc", "経済状況";
        NATIONAL_PENSION: "national_pension", "国民年金", O, Format::Bool, "National pension." => csv(&[csv("UPKIHON", 37)]);
        EMPLOYEES_PENSION: "employees_pension", "厚生年金", O, Format::Bool, "Employees' pension." => csv(&[csv("UPKIHON", 38)]);
        DISABILITY_PENSION: "disability_pension", "障害年金", O, Format::Bool, "Disability pension." => csv(&[csv("UPKIHON", 39)]);
        PUBLIC_ASSISTANCE: "public_assistance", "生活保護", O, Format::Bool, "Public assistance." => csv(&[csv("UPKIHON", 40)]);
        NOTES: "notes", "経済状況詳細", O, Format::Text, "Details." => csv(&[csv("UPKIHON", 41)]);
    }
}

/// 来所者（相談者） or 緊急連絡先: `KihonPersonDoc`.
pub mod person {
    use super::*;

    field_table! {
        /// `KihonPersonDoc`.
        OBJECT = "KihonPersonDoc", "氏名・続柄・住所・連絡先";
        NAME: "name", "氏名", O, Format::Text, "Name." => csv(&[csv("UPKIHON", 42), csv("UPKIHON", 46)]);
        RELATION: "relation", "続柄", O, Format::Text, "Relation to the user." => csv(&[csv("UPKIHON", 45), csv("UPKIHON", 47)]);
        ADDRESS: "address", "住所", O, Format::Text, "Address." => csv(&[csv("UPKIHON", 43), csv("UPKIHON", 48)]);
        PHONE: "phone", "連絡先", O, Format::Phone, "Telephone." => csv(&[csv("UPKIHON", 44), csv("UPKIHON", 49)]);
    }
}

/// 家族構成: `KihonFamilyDoc`.
pub mod family {
    use super::*;

    field_table! {
        /// `KihonFamilyDoc`.
        OBJECT = "KihonFamilyDoc", "家族構成";
        IMAGE: "image", "家族構成（画像）", O, Format::Text, "The file name of the family diagram (JPEG)." => csv(&[csv("UPKIHON", 62)]);
        SITUATION: "situation", "家族関係等の状況", O, Format::Text, "The family's situation." => csv(&[csv("UPKIHON", 63)]);
    }
}

/// １日の生活・すごし方: `KihonDailyLifeDoc`.
pub mod daily_life {
    use super::*;

    field_table! {
        /// `KihonDailyLifeDoc`.
        OBJECT = "KihonDailyLifeDoc", "１日の生活・すごし方";
        TEXT: "text", "１日の生活・すごし方", O, Format::Text, "The day, in words." => at("記載内容"), csv(&[csv("UPKIHON", 65)]);
        SCHEDULE: "schedule", "タイムスケジュール", O, Format::Structure, "The time schedule (別表1), in order." => holds("KihonScheduleDoc");
    }
}

/// 別表1: `KihonScheduleDoc`.
pub mod schedule {
    use super::*;

    field_table! {
        /// `KihonScheduleDoc`.
        OBJECT = "KihonScheduleDoc", "タイムスケジュール";
        TIME: "time", "時間", R, Format::Text, "The time as written (`6:00`)." => csv(&[csv("UPKIHON_SUB1", 5)]);
        USER: "user", "本人", O, Format::Text, "What the user does." => csv(&[csv("UPKIHON_SUB1", 6)]);
        FAMILY: "family", "介護者・家族", O, Format::Text, "What the carers and family do." => csv(&[csv("UPKIHON_SUB1", 7)]);
    }
}

/// 別表2: `KihonMedicalDoc`.
pub mod medical {
    use super::*;

    field_table! {
        /// `KihonMedicalDoc`.
        OBJECT = "KihonMedicalDoc", "現病歴・既往歴";
        DATE: "date", "年月日", O, Format::Text, "As written (`H12年10月`, `2023/6`)." => csv(&[csv("UPKIHON_SUB2", 5)]);
        DISEASE: "disease", "病名", R, Format::Text, "The illness." => csv(&[csv("UPKIHON_SUB2", 6)]);
        INSTITUTION: "institution", "医療機関・医師名", O, Format::Text, "Where, and by whom, it is treated." => csv(&[csv("UPKIHON_SUB2", 7)]);
        ATTENDING: "attending", "主治医・意見作成者", O, Format::Bool, "Whether this is the attending doctor, 主治医 (printed ☆)." => csv(&[csv("UPKIHON_SUB2", 8)]);
        PHONE: "phone", "電話", O, Format::Phone, "The institution's telephone." => csv(&[csv("UPKIHON_SUB2", 9)]);
        COURSE: "course", "経過", O, Format::Code(Course::CODES), "`treating`, `observing` or `other`." => csv(&[csv("UPKIHON_SUB2", 10)]);
        TREATMENT: "treatment", "治療中の場合は内容", O, Format::Text, "The treatment." => csv(&[csv("UPKIHON_SUB2", 11)]);
    }
}

/// 現在利用しているサービス: `KihonServicesDoc`.
pub mod services {
    use super::*;

    field_table! {
        /// `KihonServicesDoc`.
        OBJECT = "KihonServicesDoc", "現在利用しているサービス";
        PUBLIC: "public", "公的サービス", O, Format::Text, "Public services." => csv(&[csv("UPKIHON", 68)]);
        PRIVATE: "private", "非公的サービス", O, Format::Text, "Other services." => csv(&[csv("UPKIHON", 69)]);
    }
}

/// Every object of the document, the root first.
pub const TABLES: Tables = Tables {
    root: "KihonDocument",
    objects: &[
        &document::OBJECT,
        &consultation::OBJECT,
        &whereabouts::OBJECT,
        &user::OBJECT,
        &independence::OBJECT,
        &certification::OBJECT,
        &crate::forms::kyotaku::fields::date_range::OBJECT,
        &checklist::OBJECT,
        &disabilities::OBJECT,
        &housing::OBJECT,
        &finances::OBJECT,
        &person::OBJECT,
        &family::OBJECT,
        &daily_life::OBJECT,
        &schedule::OBJECT,
        &medical::OBJECT,
        &services::OBJECT,
        &crate::forms::yobo::fields::consent::OBJECT,
    ],
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tables_are_one_tree() {
        crate::fields::checks::one_tree(&TABLES);
    }
}
