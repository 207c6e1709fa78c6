//! 第1表's fields: `Table1Doc` and the objects inside it.

use crate::codes::{CertificationStatus, Sex};
use crate::fields::{Field, Format, O, Object, R, csv};

use crate::forms::kyotaku::{CareLevel, HouseworkReasonCode, PlanKind, Who};

/// `created_on`: 作成年月日.
pub const CREATED_ON: Field = Field::new(
    "created_on",
    "作成年月日",
    R,
    Format::Date,
    "Date the sheet was made.",
)
.csv(&[csv("UP1KYO", 4)]);
/// `plan_kinds`: 初回・紹介・継続.
pub const PLAN_KINDS: Field = Field::new(
    "plan_kinds",
    "初回・紹介・継続",
    R,
    Format::CodeSet(PlanKind::CODES),
    "Which of 初回 (initial), 紹介 (referral), 継続 (continuation) are circled; any non-empty combination.",
)
.csv(&[csv("UP1KYO", 16)]);
/// `certification_status`: 認定済・申請中.
pub const CERTIFICATION_STATUS: Field = Field::new(
    "certification_status",
    "認定済・申請中",
    R,
    Format::Code(CertificationStatus::CODES),
    "`certified` (認定済) or `applying` (申請中). When certified, certification_period and care_level are required.",
)
.csv(&[csv("UP1KYO", 17), csv("UPHOSOKU", 16)]);
/// `user`: 利用者.
pub const USER: Field =
    Field::new("user", "利用者", R, Format::Structure, "The user.").holds("UserDoc");
/// `planner_name`: 居宅サービス計画作成者氏名.
pub const PLANNER_NAME: Field = Field::new(
    "planner_name",
    "居宅サービス計画作成者氏名",
    R,
    Format::Text,
    "The care manager who made the plan.",
)
.csv(&[csv("UP1KYO", 8)]);
/// `office`: 居宅介護支援事業者・事業所名及び所在地.
pub const OFFICE: Field = Field::new(
    "office",
    "居宅介護支援事業者・事業所名及び所在地",
    R,
    Format::Structure,
    "The care-management office.",
)
.holds("OfficeDoc");
/// `plan_date`: 居宅サービス計画作成（変更）日.
pub const PLAN_DATE: Field = Field::new(
    "plan_date",
    "居宅サービス計画作成（変更）日",
    R,
    Format::Date,
    "Date the plan was made or changed; not before first_plan_date.",
)
.csv(&[csv("UP1KYO", 14), csv("UPHOSOKU", 4)]);
/// `first_plan_date`: 初回居宅サービス計画作成日.
pub const FIRST_PLAN_DATE: Field = Field::new(
    "first_plan_date",
    "初回居宅サービス計画作成日",
    R,
    Format::Date,
    "Date of this office's first plan for the user; not after plan_date.",
)
.csv(&[csv("UP1KYO", 15)]);
/// `certification_date`: 認定日.
pub const CERTIFICATION_DATE: Field = Field::new(
    "certification_date",
    "認定日",
    R,
    Format::Date,
    "Certification date (the application date while applying); not before the user's birth date.",
)
.csv(&[csv("UP1KYO", 18), csv("UPHOSOKU", 13)]);
/// `certification_period`: 認定の有効期間.
pub const CERTIFICATION_PERIOD: Field = Field::new(
    "certification_period",
    "認定の有効期間",
    O,
    Format::Structure,
    "Certification validity, both ends (start ≤ end). Required when certified.",
)
.holds("DateRangeDoc")
.csv(&[
    csv("UP1KYO", 19),
    csv("UP1KYO", 20),
    csv("UPHOSOKU", 14),
    csv("UPHOSOKU", 15),
]);
/// `care_level`: 要介護状態区分.
pub const CARE_LEVEL: Field = Field::new(
    "care_level",
    "要介護状態区分",
    O,
    Format::Code(CareLevel::CODES),
    "要介護１–５ as care_1 … care_5. Required when certified. 要支援 and 事業対象者 use the 介護予防 form and are refused.",
)
.csv(&[csv("UP1KYO", 21), csv("UPHOSOKU", 18)]);
/// `wishes`: 利用者及び家族の生活に対する意向.
pub const WISHES: Field = Field::new(
    "wishes",
    "利用者及び家族の生活に対する意向",
    O,
    Format::Structure,
    "Each person's wishes kept apart: the user's (who: user) and each family member's (who: family, with relation).",
)
.holds("WishDoc")
.csv(&[csv("UP1KYO", 22)]);
/// `analysis`: 課題分析の結果.
pub const ANALYSIS: Field = Field::new(
    "analysis",
    "課題分析の結果",
    O,
    Format::Text,
    "The rest of 「利用者及び家族の生活に対する意向を踏まえた課題分析の結果」: the analysis text.",
)
.csv(&[csv("UP1KYO", 22)]);
/// `committee_opinion`: 介護認定審査会の意見及びサービスの種類の指定.
pub const COMMITTEE_OPINION: Field = Field::new(
    "committee_opinion",
    "介護認定審査会の意見及びサービスの種類の指定",
    O,
    Format::Text,
    "As copied from the insurance card; often blank.",
)
.csv(&[csv("UP1KYO", 23)]);
/// `support_policy`: 総合的な援助の方針.
pub const SUPPORT_POLICY: Field = Field::new(
    "support_policy",
    "総合的な援助の方針",
    O,
    Format::Text,
    "The team's overall policy; no service contents; emergency contacts belong here.",
)
.csv(&[csv("UP1KYO", 24)]);
/// `housework_reason`: 生活援助中心型の算定理由.
pub const HOUSEWORK_REASON: Field = Field::new(
    "housework_reason",
    "生活援助中心型の算定理由",
    O,
    Format::Structure,
    "The reason circled; absent when none is.",
)
.holds("HouseworkReasonDoc")
.csv(&[csv("UP1KYO", 25)]);
/// `consent`: 説明・同意 (not carried by the CSV standard).
pub const CONSENT: Field = Field::new(
    "consent",
    "説明・同意",
    O,
    Format::Structure,
    "The user's written consent (final plans only).",
)
.at("同意")
.holds("ConsentDoc");

/// `Table1Doc`.
pub const OBJECT: Object = Object {
    name: "Table1Doc",
    title_ja: "第１表 居宅サービス計画書（１）",
    fields: &[
        CREATED_ON,
        PLAN_KINDS,
        CERTIFICATION_STATUS,
        USER,
        PLANNER_NAME,
        OFFICE,
        PLAN_DATE,
        FIRST_PLAN_DATE,
        CERTIFICATION_DATE,
        CERTIFICATION_PERIOD,
        CARE_LEVEL,
        WISHES,
        ANALYSIS,
        COMMITTEE_OPINION,
        SUPPORT_POLICY,
        HOUSEWORK_REASON,
        CONSENT,
    ],
};

/// 利用者: `UserDoc`.
pub mod user {
    use super::*;

    /// `name`: 利用者名.
    pub const NAME: Field = Field::new(
        "name",
        "利用者名",
        R,
        Format::Name,
        "The user's name (at most 100 characters).",
    )
    .csv(&[csv("UPHOSOKU", 6)]);
    /// `name_kana`: フリガナ.
    pub const NAME_KANA: Field = Field::new(
        "name_kana",
        "フリガナ",
        O,
        Format::Kana,
        "The name in katakana.",
    )
    .csv(&[csv("UPHOSOKU", 5)]);
    /// `sex`: 性別.
    pub const SEX: Field = Field::new(
        "sex",
        "性別",
        O,
        Format::Code(Sex::CODES),
        "`male` or `female`.",
    )
    .csv(&[csv("UPHOSOKU", 7)]);
    /// `birth_date`: 生年月日.
    pub const BIRTH_DATE: Field = Field::new(
        "birth_date",
        "生年月日",
        R,
        Format::Date,
        "Date of birth; not after certification_date.",
    )
    .csv(&[csv("UPHOSOKU", 8)]);
    /// `postal_code`: 郵便番号.
    pub const POSTAL_CODE: Field = Field::new(
        "postal_code",
        "郵便番号",
        O,
        Format::PostalCode,
        "Postal code NNN-NNNN.",
    )
    .csv(&[csv("UP1KYO", 5), csv("UPHOSOKU", 9)]);
    /// `address`: 住所.
    pub const ADDRESS: Field = Field::new("address", "住所", O, Format::Text, "Address.").csv(&[
        csv("UP1KYO", 6),
        csv("UP1KYO", 7),
        csv("UPHOSOKU", 10),
        csv("UPHOSOKU", 11),
    ]);
    /// `insurer_number`: 保険者番号.
    pub const INSURER_NUMBER: Field = Field::new(
        "insurer_number",
        "保険者番号",
        R,
        Format::InsurerNumber,
        "The insurer's (municipality's) six-digit number.",
    )
    .csv(&[
        csv("UPHOSOKU", 2),
        csv("UP1KYO", 2),
        csv("UP2KYO", 2),
        csv("UP3KYO", 2),
    ]);
    /// `insured_number`: 被保険者番号.
    pub const INSURED_NUMBER: Field = Field::new(
        "insured_number",
        "被保険者番号",
        R,
        Format::InsuredNumber,
        "Ten digits, or H and nine digits for 生活保護-only recipients.",
    )
    .csv(&[
        csv("UPHOSOKU", 3),
        csv("UP1KYO", 3),
        csv("UP2KYO", 3),
        csv("UP3KYO", 3),
    ]);

    /// `UserDoc`.
    pub const OBJECT: Object = Object {
        name: "UserDoc",
        title_ja: "利用者",
        fields: &[
            NAME,
            NAME_KANA,
            SEX,
            BIRTH_DATE,
            POSTAL_CODE,
            ADDRESS,
            INSURER_NUMBER,
            INSURED_NUMBER,
        ],
    };
}

/// 居宅介護支援事業者・事業所: `OfficeDoc`.
pub mod office {
    use super::*;

    /// `name`: 事業所名.
    pub const NAME: Field = Field::new("name", "事業所名", R, Format::Text, "The office's name.")
        .csv(&[csv("UP1KYO", 9)]);
    /// `postal_code`: 郵便番号.
    pub const POSTAL_CODE: Field = Field::new(
        "postal_code",
        "郵便番号",
        O,
        Format::PostalCode,
        "Postal code NNN-NNNN.",
    )
    .csv(&[csv("UP1KYO", 10)]);
    /// `address`: 所在地.
    pub const ADDRESS: Field = Field::new(
        "address",
        "所在地",
        O,
        Format::Text,
        "The office's address.",
    )
    .at("事業所所在地")
    .csv(&[csv("UP1KYO", 11), csv("UP1KYO", 12)]);
    /// `office_number`: 事業所番号.
    pub const OFFICE_NUMBER: Field = Field::new(
        "office_number",
        "事業所番号",
        R,
        Format::OfficeNumber,
        "The office's ten-digit number.",
    )
    .csv(&[csv("UP1KYO", 13)]);

    /// `OfficeDoc`.
    pub const OBJECT: Object = Object {
        name: "OfficeDoc",
        title_ja: "居宅介護支援事業者・事業所",
        fields: &[NAME, POSTAL_CODE, ADDRESS, OFFICE_NUMBER],
    };
}

/// One person's wishes: `WishDoc`.
pub mod wish {
    use super::*;

    /// `who`: 意向を述べた人.
    pub const WHO: Field = Field::new(
        "who",
        "意向を述べた人",
        R,
        Format::Code(Who::CODES),
        "`user` (本人) or `family`.",
    )
    .csv(&[csv("UP1KYO", 22)]);
    /// `relation`: 続柄.
    pub const RELATION: Field = Field::new(
        "relation",
        "続柄",
        O,
        Format::Text,
        "The family member's relation to the user (妻, 長男 …); required for family, absent for the user.",
    )
    .csv(&[csv("UP1KYO", 22)]);
    /// `text`: 意向.
    pub const TEXT: Field = Field::new(
        "text",
        "意向",
        R,
        Format::Text,
        "The wishes, important words quoted in 「」 as they were said.",
    )
    .at("記載内容")
    .csv(&[csv("UP1KYO", 22)]);

    /// `WishDoc`.
    pub const OBJECT: Object = Object {
        name: "WishDoc",
        title_ja: "意向（一人分）",
        fields: &[WHO, RELATION, TEXT],
    };
}

/// 生活援助中心型の算定理由: `HouseworkReasonDoc`.
pub mod housework_reason {
    use super::*;

    /// `code`: 理由.
    pub const CODE: Field = Field::new(
        "code",
        "理由",
        R,
        Format::Code(HouseworkReasonCode::CODES),
        "`living_alone` (１．一人暮らし), `family_illness` (２．家族等が障害、疾病等) or `other` (３．その他).",
    )
    .csv(&[csv("UP1KYO", 25)]);
    /// `text`: その他の内容.
    pub const TEXT: Field = Field::new(
        "text",
        "その他の内容",
        O,
        Format::Text,
        "The circumstances; required with `other`, absent otherwise.",
    )
    .csv(&[csv("UP1KYO", 26)]);

    /// `HouseworkReasonDoc`.
    pub const OBJECT: Object = Object {
        name: "HouseworkReasonDoc",
        title_ja: "生活援助中心型の算定理由",
        fields: &[CODE, TEXT],
    };
}

/// 説明・同意: `ConsentDoc`.
pub mod consent {
    use super::*;

    /// `date`: 説明・同意日.
    pub const DATE: Field = Field::new(
        "date",
        "説明・同意日",
        R,
        Format::Date,
        "Date of explanation and consent.",
    );
    /// `signer`: 利用者同意欄.
    pub const SIGNER: Field = Field::new(
        "signer",
        "利用者同意欄",
        R,
        Format::Text,
        "Who signed: the user, or the proxy (代筆者).",
    )
    .at("署名者");
    /// `proxy_relation`: 代筆者の続柄.
    pub const PROXY_RELATION: Field = Field::new(
        "proxy_relation",
        "代筆者の続柄",
        O,
        Format::Text,
        "When a proxy signed, the proxy's relation to the user.",
    );

    /// `ConsentDoc`.
    pub const OBJECT: Object = Object {
        name: "ConsentDoc",
        title_ja: "説明・同意",
        fields: &[DATE, SIGNER, PROXY_RELATION],
    };
}
