//! 第1表's fields: `Table1Doc` and the objects inside it.

use crate::codes::{CertificationStatus, Sex};
use crate::fields::{Format, csv, field_table};

use crate::forms::kyotaku::{CareLevel, HouseworkReasonCode, PlanKind, Who};

field_table! {
    /// `Table1Doc`.
    OBJECT = "Table1Doc", "第１表 居宅サービス計画書（１）";
    CREATED_ON: "created_on", "作成年月日", R, Format::Date, "Date the sheet was made." => csv(&[csv("UP1KYO", 4)]);
    PLAN_KINDS: "plan_kinds", "初回・紹介・継続", R, Format::CodeSet(PlanKind::CODES), "Which of 初回 (initial), 紹介 (referral), 継続 (continuation) are circled; any non-empty combination." => csv(&[csv("UP1KYO", 16)]);
    CERTIFICATION_STATUS: "certification_status", "認定済・申請中", R, Format::Code(CertificationStatus::CODES), "`certified` (認定済) or `applying` (申請中). When certified, certification_period and care_level are required." => csv(&[csv("UP1KYO", 17), csv("UPHOSOKU", 16)]);
    USER: "user", "利用者", R, Format::Structure, "The user." => holds("UserDoc");
    PLANNER_NAME: "planner_name", "居宅サービス計画作成者氏名", R, Format::Text, "The care manager who made the plan." => csv(&[csv("UP1KYO", 8)]);
    OFFICE: "office", "居宅介護支援事業者・事業所名及び所在地", R, Format::Structure, "The care-management office." => holds("OfficeDoc");
    PLAN_DATE: "plan_date", "居宅サービス計画作成（変更）日", R, Format::Date, "Date the plan was made or changed; not before first_plan_date." => csv(&[csv("UP1KYO", 14), csv("UPHOSOKU", 4)]);
    FIRST_PLAN_DATE: "first_plan_date", "初回居宅サービス計画作成日", R, Format::Date, "Date of this office's first plan for the user; not after plan_date." => csv(&[csv("UP1KYO", 15)]);
    CERTIFICATION_DATE: "certification_date", "認定日", R, Format::Date, "Certification date (the application date while applying); not before the user's birth date." => csv(&[csv("UP1KYO", 18), csv("UPHOSOKU", 13)]);
    CERTIFICATION_PERIOD: "certification_period", "認定の有効期間", O, Format::Structure, "Certification validity, both ends (start ≤ end). Required when certified." => holds("DateRangeDoc"), csv(&[csv("UP1KYO", 19), csv("UP1KYO", 20), csv("UPHOSOKU", 14), csv("UPHOSOKU", 15)]);
    CARE_LEVEL: "care_level", "要介護状態区分", O, Format::Code(CareLevel::CODES), "要介護１–５ as care_1 … care_5. Required when certified. 要支援 and 事業対象者 use the 介護予防 form and are refused." => csv(&[csv("UP1KYO", 21), csv("UPHOSOKU", 18)]);
    WISHES: "wishes", "利用者及び家族の生活に対する意向", O, Format::Structure, "Each person's wishes kept apart: the user's (who: user) and each family member's (who: family, with relation)." => holds("WishDoc"), csv(&[csv("UP1KYO", 22)]);
    ANALYSIS: "analysis", "課題分析の結果", O, Format::Text, "The rest of 「利用者及び家族の生活に対する意向を踏まえた課題分析の結果」: the analysis text." => csv(&[csv("UP1KYO", 22)]);
    COMMITTEE_OPINION: "committee_opinion", "介護認定審査会の意見及びサービスの種類の指定", O, Format::Text, "As copied from the insurance card; often blank." => csv(&[csv("UP1KYO", 23)]);
    SUPPORT_POLICY: "support_policy", "総合的な援助の方針", O, Format::Text, "The team's overall policy; no service contents; emergency contacts belong here." => csv(&[csv("UP1KYO", 24)]);
    HOUSEWORK_REASON: "housework_reason", "生活援助中心型の算定理由", O, Format::Structure, "The reason circled; absent when none is." => holds("HouseworkReasonDoc"), csv(&[csv("UP1KYO", 25)]);
    CONSENT: "consent", "説明・同意", O, Format::Structure, "The user's written consent (final plans only)." => at("同意"), holds("ConsentDoc");
    UPDATER_CODE: "updater_code", "更新業者コード", O, Format::OfficeNumber, "The exchange records' 更新業者コード (a ten-digit 居宅支援事業者番号); not printed." => csv(&[csv("UPHOSOKU", 61), csv("UP1KYO", 27), csv("UP2KYO", 21)]);
    CONSENT_RECEIVER_CODE: "consent_receiver_code", "同意書受付業者", O, Format::OfficeNumber, "UPHOSOKU's 同意書受付業者 (a ten-digit 居宅支援事業者番号); not printed." => csv(&[csv("UPHOSOKU", 60)]);
    SUPPLEMENTARY: "supplementary", "利用者補足情報（区分支給限度）", O, Format::Structure, "The 区分支給限度 figures of 利用者補足情報 (UPHOSOKU) a send set carried; not printed on 第1表–第3表." => holds("SupplementaryDoc");
}

/// 利用者: `UserDoc`.
pub mod user {
    use super::*;

    field_table! {
        /// `UserDoc`.
        OBJECT = "UserDoc", "利用者";
        NAME: "name", "利用者名", R, Format::Name, "The user's name (at most 100 characters)." => csv(&[csv("UPHOSOKU", 6)]);
        NAME_KANA: "name_kana", "フリガナ", O, Format::Kana, "The name in katakana." => csv(&[csv("UPHOSOKU", 5)]);
        SEX: "sex", "性別", O, Format::Code(Sex::CODES), "`male` or `female`." => csv(&[csv("UPHOSOKU", 7)]);
        BIRTH_DATE: "birth_date", "生年月日", R, Format::Date, "Date of birth; not after certification_date." => csv(&[csv("UPHOSOKU", 8)]);
        POSTAL_CODE: "postal_code", "郵便番号", O, Format::PostalCode, "Postal code NNN-NNNN." => csv(&[csv("UP1KYO", 5), csv("UPHOSOKU", 9)]);
        ADDRESS: "address", "住所", O, Format::Text, "Address (住所１ of the exchange records)." => csv(&[csv("UP1KYO", 6), csv("UPHOSOKU", 10)]);
        ADDRESS2: "address2", "住所２", O, Format::Text, "The address's second line (building, room: 方書), printed after the address." => csv(&[csv("UP1KYO", 7), csv("UPHOSOKU", 11)]);
        PHONE: "phone", "電話番号", O, Format::Phone, "The user's telephone number; not printed on the forms." => csv(&[csv("UPHOSOKU", 12)]);
        INSURER_NUMBER: "insurer_number", "保険者番号", R, Format::InsurerNumber, "The insurer's (municipality's) six-digit number." => csv(&[csv("UPHOSOKU", 2), csv("UP1KYO", 2), csv("UP2KYO", 2), csv("UP3KYO", 2)]);
        INSURED_NUMBER: "insured_number", "被保険者番号", R, Format::InsuredNumber, "Ten digits, or H and nine digits for 生活保護-only recipients." => csv(&[csv("UPHOSOKU", 3), csv("UP1KYO", 3), csv("UP2KYO", 3), csv("UP3KYO", 3)]);
    }
}

/// 居宅介護支援事業者・事業所: `OfficeDoc`.
pub mod office {
    use super::*;

    field_table! {
        /// `OfficeDoc`.
        OBJECT = "OfficeDoc", "居宅介護支援事業者・事業所";
        NAME: "name", "事業所名", R, Format::Text, "The office's name." => csv(&[csv("UP1KYO", 9)]);
        POSTAL_CODE: "postal_code", "郵便番号", O, Format::PostalCode, "Postal code NNN-NNNN." => csv(&[csv("UP1KYO", 10)]);
        ADDRESS: "address", "所在地", O, Format::Text, "The office's address (住所１ of UP1KYO)." => at("事業所所在地"), csv(&[csv("UP1KYO", 11)]);
        ADDRESS2: "address2", "所在地２", O, Format::Text, "The address's second line (building, floor), printed after the address." => at("事業所所在地"), csv(&[csv("UP1KYO", 12)]);
        OFFICE_NUMBER: "office_number", "事業所番号", R, Format::OfficeNumber, "The office's ten-digit number." => csv(&[csv("UP1KYO", 13)]);
    }
}

/// One person's wishes: `WishDoc`.
pub mod wish {
    use super::*;

    field_table! {
        /// `WishDoc`.
        OBJECT = "WishDoc", "意向（一人分）";
        WHO: "who", "意向を述べた人", R, Format::Code(Who::CODES), "`user` (本人) or `family`." => csv(&[csv("UP1KYO", 22)]);
        RELATION: "relation", "続柄", O, Format::Text, "The family member's relation to the user (妻, 長男 …); required for family, absent for the user." => csv(&[csv("UP1KYO", 22)]);
        TEXT: "text", "意向", R, Format::Text, "The wishes, important words quoted in 「」 as they were said." => at("記載内容"), csv(&[csv("UP1KYO", 22)]);
    }
}

/// 生活援助中心型の算定理由: `HouseworkReasonDoc`.
pub mod housework_reason {
    use super::*;

    field_table! {
        /// `HouseworkReasonDoc`.
        OBJECT = "HouseworkReasonDoc", "生活援助中心型の算定理由";
        CODE: "code", "理由", R, Format::Code(HouseworkReasonCode::CODES), "`living_alone` (１．一人暮らし), `family_illness` (２．家族等が障害、疾病等) or `other` (３．その他)." => csv(&[csv("UP1KYO", 25)]);
        TEXT: "text", "その他の内容", O, Format::Text, "The circumstances; required with `other`, absent otherwise." => csv(&[csv("UP1KYO", 26)]);
    }
}

/// 説明・同意: `ConsentDoc`.
pub mod consent {
    use super::*;

    field_table! {
        /// `ConsentDoc`.
        OBJECT = "ConsentDoc", "説明・同意";
        DATE: "date", "説明・同意日", R, Format::Date, "Date of explanation and consent.";
        SIGNER: "signer", "利用者同意欄", R, Format::Text, "Who signed: the user, or the proxy (代筆者)." => at("署名者");
        PROXY_RELATION: "proxy_relation", "代筆者の続柄", O, Format::Text, "When a proxy signed, the proxy's relation to the user.";
    }
}

/// 利用者補足情報's 区分支給限度 figures: `SupplementaryDoc`.
pub mod supplementary {
    use super::*;
    use crate::certification::Level;

    field_table! {
        /// `SupplementaryDoc`.
        OBJECT = "SupplementaryDoc", "利用者補足情報（区分支給限度）";
        LIMIT_PERIOD: "limit_period", "限度額適用期間", O, Format::Structure, "限度額適用開始・終了年月日 where they differ from certification_period (written from it when absent); both ends." => holds("DateRangeDoc"), csv(&[csv("UPHOSOKU", 14), csv("UPHOSOKU", 15)]);
        CARE_LEVEL_CHANGED_ON: "care_level_changed_on", "要介護状態変更日", O, Format::Date, "The day the care level changed." => csv(&[csv("UPHOSOKU", 17)]);
        LIMIT_UNITS: "limit_units", "区分支給限度基準額（単位）", O, Format::Integer(0, 9_999_999), "The month's limit in units." => csv(&[csv("UPHOSOKU", 19)]);
        KIND_LIMITS: "kind_limits", "サービス種類別支給限度", O, Format::Structure, "At most nine サービス種類別 limits, in slot order." => holds("KindLimitDoc"), csv(&[csv("UPHOSOKU", 20), csv("UPHOSOKU", 24), csv("UPHOSOKU", 28), csv("UPHOSOKU", 32), csv("UPHOSOKU", 36), csv("UPHOSOKU", 40), csv("UPHOSOKU", 44), csv("UPHOSOKU", 48), csv("UPHOSOKU", 52)]);
        TOTAL_OVER_UNITS: "total_over_units", "合計限度超単位数", O, Format::Integer(0, 9_999_999), "Units over the service-kind limits, in all." => csv(&[csv("UPHOSOKU", 56)]);
        DAYS_BEFORE_ADMISSION: "days_before_admission", "入所前月迄利用日数", O, Format::Integer(0, 99_999), "短期入所 days used up to the month before." => csv(&[csv("UPHOSOKU", 57)]);
        DAYS_ADMITTED: "days_admitted", "入所累積利用日数", O, Format::Integer(0, 99_999), "短期入所 days used in all." => csv(&[csv("UPHOSOKU", 58)]);
        PREVIOUS_LEVEL: "previous_level", "前回要介護状態区分", O, Format::Code(Level::CODES), "The level before the current one (要支援 and 事業対象者 allowed)." => csv(&[csv("UPHOSOKU", 59)]);
    }

    /// One サービス種類別支給限度: `KindLimitDoc`.
    pub mod kind_limit {
        use super::*;

        field_table! {
            /// `KindLimitDoc`.
            OBJECT = "KindLimitDoc", "サービス種類別支給限度（一件）";
            KIND: "kind", "サービス種類コード", R, Format::Pattern("^[0-9A-Z]{2}$"), "Two digits or capital letters (11 訪問介護 …)." => csv(&[csv("UPHOSOKU", 20), csv("UPHOSOKU", 24), csv("UPHOSOKU", 28), csv("UPHOSOKU", 32), csv("UPHOSOKU", 36), csv("UPHOSOKU", 40), csv("UPHOSOKU", 44), csv("UPHOSOKU", 48), csv("UPHOSOKU", 52)]);
            LIMIT_UNITS: "limit_units", "支給限度基準額", O, Format::Integer(0, 9_999_999), "The kind's limit in units." => csv(&[csv("UPHOSOKU", 21), csv("UPHOSOKU", 25), csv("UPHOSOKU", 29), csv("UPHOSOKU", 33), csv("UPHOSOKU", 37), csv("UPHOSOKU", 41), csv("UPHOSOKU", 45), csv("UPHOSOKU", 49), csv("UPHOSOKU", 53)]);
            TOTAL_UNITS: "total_units", "合計単位数", O, Format::Integer(0, 9_999_999), "Units of the kind in the month." => csv(&[csv("UPHOSOKU", 22), csv("UPHOSOKU", 26), csv("UPHOSOKU", 30), csv("UPHOSOKU", 34), csv("UPHOSOKU", 38), csv("UPHOSOKU", 42), csv("UPHOSOKU", 46), csv("UPHOSOKU", 50), csv("UPHOSOKU", 54)]);
            OVER_UNITS: "over_units", "限度超単位数", O, Format::Integer(0, 9_999_999), "Units over the kind's limit." => csv(&[csv("UPHOSOKU", 23), csv("UPHOSOKU", 27), csv("UPHOSOKU", 31), csv("UPHOSOKU", 35), csv("UPHOSOKU", 39), csv("UPHOSOKU", 43), csv("UPHOSOKU", 47), csv("UPHOSOKU", 51), csv("UPHOSOKU", 55)]);
        }
    }
}
