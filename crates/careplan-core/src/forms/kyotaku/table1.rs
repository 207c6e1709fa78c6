//! 第1表 居宅サービス計画書（１）: the user, the certification, each
//! person's wishes, the analysis and the overall policy.

use chrono::NaiveDate;

use crate::certification::Level;
use crate::codes::{CertificationStatus, Sex};
use crate::text::{
    InsuredNumber, InsurerNumber, Kana, OfficeNumber, PhoneNumber, PostalCode, ServiceKind, Text,
};
use crate::time::DateRange;

crate::code_enum! {
    /// One of 初回・紹介・継続.
    pub enum PlanKind {
        /// 初回: the office's first plan for this user.
        Initial = "initial", "初回";
        /// 紹介: the user was referred from another office or facility.
        Referral = "referral", "紹介";
        /// 継続: the plan continues an earlier one.
        Continuation = "continuation", "継続";
    }
}

/// 初回・紹介・継続: which of the three are circled (at least one; any combination).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PlanKinds {
    initial: bool,
    referral: bool,
    continuation: bool,
}

impl PlanKinds {
    /// The set of circled kinds; `None` if none is given.
    pub fn new(kinds: impl IntoIterator<Item = PlanKind>) -> Option<Self> {
        let mut k = PlanKinds {
            initial: false,
            referral: false,
            continuation: false,
        };
        for kind in kinds {
            match kind {
                PlanKind::Initial => k.initial = true,
                PlanKind::Referral => k.referral = true,
                PlanKind::Continuation => k.continuation = true,
            }
        }
        (k.initial || k.referral || k.continuation).then_some(k)
    }

    /// Whether `kind` is circled.
    pub fn contains(self, kind: PlanKind) -> bool {
        match kind {
            PlanKind::Initial => self.initial,
            PlanKind::Referral => self.referral,
            PlanKind::Continuation => self.continuation,
        }
    }

    /// The circled kinds in the form's order.
    pub fn iter(self) -> impl Iterator<Item = PlanKind> {
        PlanKind::ALL.into_iter().filter(move |k| self.contains(*k))
    }
}

/// 要介護状態区分: this form is for 要介護１–５ only. Its codes are those of
/// the shared [`Level`] (`care_1` … `care_5`, CSV 21–25).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CareLevel {
    /// 要介護１
    Care1,
    /// 要介護２
    Care2,
    /// 要介護３
    Care3,
    /// 要介護４
    Care4,
    /// 要介護５
    Care5,
}

impl CareLevel {
    /// All five, in the form's order.
    pub const ALL: [CareLevel; 5] = [
        CareLevel::Care1,
        CareLevel::Care2,
        CareLevel::Care3,
        CareLevel::Care4,
        CareLevel::Care5,
    ];

    /// The JSON codes, in the form's order.
    pub const CODES: &'static [&'static str] = &[
        Level::Care1.code(),
        Level::Care2.code(),
        Level::Care3.code(),
        Level::Care4.code(),
        Level::Care5.code(),
    ];

    /// The shared certification level.
    pub const fn level(self) -> Level {
        match self {
            CareLevel::Care1 => Level::Care1,
            CareLevel::Care2 => Level::Care2,
            CareLevel::Care3 => Level::Care3,
            CareLevel::Care4 => Level::Care4,
            CareLevel::Care5 => Level::Care5,
        }
    }

    /// The 要介護 level of a shared level; `None` for 要支援 and 事業対象者.
    pub fn of_level(level: Level) -> Option<CareLevel> {
        CareLevel::ALL.into_iter().find(|l| l.level() == level)
    }

    /// The JSON code (`care_1` … `care_5`).
    pub fn code(self) -> &'static str {
        self.level().code()
    }

    /// The label as printed (`要介護１`, full-width digit as on the form).
    pub fn label_ja(self) -> &'static str {
        self.level().label_ja()
    }

    /// The CSV standard's code (`21` … `25`).
    pub fn csv_code(self) -> Option<&'static str> {
        self.level().csv_code()
    }

    /// The level as a number, 1–5.
    pub fn number(self) -> u8 {
        match self {
            CareLevel::Care1 => 1,
            CareLevel::Care2 => 2,
            CareLevel::Care3 => 3,
            CareLevel::Care4 => 4,
            CareLevel::Care5 => 5,
        }
    }

    /// The level of a JSON code.
    pub fn from_code(code: &str) -> Option<CareLevel> {
        Level::from_code(code).and_then(CareLevel::of_level)
    }

    /// The level of a CSV code.
    pub fn from_csv_code(code: &str) -> Option<CareLevel> {
        Level::from_csv_code(code).and_then(CareLevel::of_level)
    }
}

/// The user (利用者) as 第1表 and the exchange records name them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    /// 利用者名.
    pub name: Text,
    /// フリガナ.
    pub name_kana: Option<Kana>,
    /// 性別.
    pub sex: Option<Sex>,
    /// 生年月日.
    pub birth_date: NaiveDate,
    /// 郵便番号.
    pub postal_code: Option<PostalCode>,
    /// 住所 (the exchange records' 住所１).
    pub address: Option<Text>,
    /// 住所２: the address's second line as the exchange records carry it
    /// (a building and room, 方書). Printed after [`User::address`].
    pub address2: Option<Text>,
    /// 電話番号. Not printed on the forms; carried by UPHOSOKU.
    pub phone: Option<PhoneNumber>,
    /// 保険者番号.
    pub insurer_number: InsurerNumber,
    /// 被保険者番号.
    pub insured_number: InsuredNumber,
}

/// The care-management office (居宅介護支援事業者・事業所).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Office {
    /// 事業所名.
    pub name: Text,
    /// 郵便番号.
    pub postal_code: Option<PostalCode>,
    /// 所在地 (the exchange records' 住所１).
    pub address: Option<Text>,
    /// 所在地の２行目 (住所２ in UP1KYO). Printed after [`Office::address`].
    pub address2: Option<Text>,
    /// 事業所番号.
    pub office_number: OfficeNumber,
}

crate::code_enum! {
    /// Who a wishes entry is from, as the JSON document writes it.
    pub enum Who {
        /// 本人.
        User = "user", "本人";
        /// 家族 (with the relation).
        Family = "family", "家族";
    }
}

/// Whose wishes an entry of 意向 records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Speaker {
    /// 本人: the user.
    User,
    /// A family member, with the relation (続柄) as written: 妻, 長男 ….
    Family {
        /// 続柄.
        relation: Text,
    },
}

/// One person's wishes (意向), kept apart from the others'.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wish {
    /// Who said it.
    pub speaker: Speaker,
    /// The wishes, important words quoted in 「」 as said.
    pub text: Text,
}

crate::code_enum! {
    /// 生活援助中心型の算定理由: which of the three reasons is circled.
    pub enum HouseworkReasonCode {
        /// １．一人暮らし
        LivingAlone = "living_alone", "１．一人暮らし", csv "1";
        /// ２．家族等が障害、疾病等
        FamilyIllness = "family_illness", "２．家族等が障害、疾病等", csv "2";
        /// ３．その他 (with its text).
        Other = "other", "３．その他", csv "3";
    }
}

/// 生活援助中心型の算定理由: the reason circled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HouseworkReason {
    /// １．一人暮らし
    LivingAlone,
    /// ２．家族等が障害、疾病等
    FamilyIllness,
    /// ３．その他, with its text.
    Other(Text),
}

impl HouseworkReason {
    /// The code of the circled reason.
    pub fn code(&self) -> HouseworkReasonCode {
        match self {
            HouseworkReason::LivingAlone => HouseworkReasonCode::LivingAlone,
            HouseworkReason::FamilyIllness => HouseworkReasonCode::FamilyIllness,
            HouseworkReason::Other(_) => HouseworkReasonCode::Other,
        }
    }

    /// The number printed on the form (1–3).
    pub fn number(&self) -> u8 {
        match self {
            HouseworkReason::LivingAlone => 1,
            HouseworkReason::FamilyIllness => 2,
            HouseworkReason::Other(_) => 3,
        }
    }
}

/// The user's written consent to the plan (説明・同意日 and signature).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Consent {
    /// 説明・同意日.
    pub date: NaiveDate,
    /// Who signed: the user, or the proxy (代筆者).
    pub signer: Text,
    /// When a proxy signed, the proxy's relation to the user (続柄).
    pub proxy_relation: Option<Text>,
}

/// 第1表 居宅サービス計画書（１）.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table1 {
    /// 作成年月日.
    pub created_on: NaiveDate,
    /// 初回・紹介・継続.
    pub plan_kinds: PlanKinds,
    /// 認定済・申請中.
    pub certification_status: CertificationStatus,
    /// 利用者.
    pub user: User,
    /// 居宅サービス計画作成者氏名.
    pub planner_name: Text,
    /// 居宅介護支援事業者・事業所名及び所在地.
    pub office: Office,
    /// 居宅サービス計画作成（変更）日.
    pub plan_date: NaiveDate,
    /// 初回居宅サービス計画作成日.
    pub first_plan_date: NaiveDate,
    /// 認定日 (the application date while 申請中).
    pub certification_date: NaiveDate,
    /// 認定の有効期間 (required when 認定済).
    pub certification_period: Option<DateRange>,
    /// 要介護状態区分 (required when 認定済).
    pub care_level: Option<CareLevel>,
    /// 利用者及び家族の生活に対する意向: each person's wishes apart.
    pub wishes: Vec<Wish>,
    /// 課題分析の結果 (the rest of 「…意向を踏まえた課題分析の結果」).
    pub analysis: Option<Text>,
    /// 介護認定審査会の意見及びサービスの種類の指定.
    pub committee_opinion: Option<Text>,
    /// 総合的な援助の方針.
    pub support_policy: Option<Text>,
    /// 生活援助中心型の算定理由 (`None`: nothing circled).
    pub housework_reason: Option<HouseworkReason>,
    /// 説明・同意 (final plans only).
    pub consent: Option<Consent>,
    /// 更新業者コード of the exchange records (a 居宅支援事業者番号). Not
    /// printed; carried from an imported send set and written back.
    pub updater_code: Option<OfficeNumber>,
    /// 同意書受付業者 of UPHOSOKU (a 居宅支援事業者番号). Not printed;
    /// carried and written back.
    pub consent_receiver_code: Option<OfficeNumber>,
    /// The 区分支給限度 figures of 利用者補足情報 (UPHOSOKU), when a send set
    /// carried them. Not printed on 第1表–第3表.
    pub supplementary: Option<Supplementary>,
}

/// The 区分支給限度 figures of 利用者補足情報 (UPHOSOKU No.14–59) that a
/// benefit-management product sends beside the plan: not printed on
/// 第1表–第3表 (第6表 and 第7表 print them), carried from an imported send
/// set and written back.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Supplementary {
    /// 限度額適用期間 (No.14–15), where it differs from 認定の有効期間 (which
    /// is written when this is absent).
    pub limit_period: Option<DateRange>,
    /// 要介護状態変更日 (No.17).
    pub care_level_changed_on: Option<NaiveDate>,
    /// 区分支給限度基準額, in units (No.19).
    pub limit_units: Option<u32>,
    /// サービス種類別支給限度 (No.20–55): at most [`MAX_KIND_LIMITS`], in
    /// slot order.
    pub kind_limits: Vec<KindLimit>,
    /// 合計限度超単位数 (No.56).
    pub total_over_units: Option<u32>,
    /// 入所前月迄利用日数 (No.57).
    pub days_before_admission: Option<u32>,
    /// 入所累積利用日数 (No.58).
    pub days_admitted: Option<u32>,
    /// 前回要介護状態区分 (No.59): any level, 要支援 and 事業対象者 included.
    pub previous_level: Option<Level>,
}

/// How many サービス種類別支給限度 UPHOSOKU carries.
pub const MAX_KIND_LIMITS: usize = 9;

/// The most units a UPHOSOKU units field holds (項目長 7).
pub const MAX_SUPPLEMENTARY_UNITS: u32 = 9_999_999;

/// The most days a UPHOSOKU days field holds (項目長 5).
pub const MAX_SUPPLEMENTARY_DAYS: u32 = 99_999;

/// One サービス種類別支給限度 of UPHOSOKU (one of its nine slots).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KindLimit {
    /// サービス種類コード.
    pub kind: ServiceKind,
    /// 支給限度基準額 (units).
    pub limit_units: Option<u32>,
    /// 合計単位数.
    pub total_units: Option<u32>,
    /// 限度超単位数.
    pub over_units: Option<u32>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn care_levels_are_the_shared_care_levels() {
        for l in CareLevel::ALL {
            assert_eq!(CareLevel::from_code(l.code()), Some(l));
            assert_eq!(l.csv_code().and_then(CareLevel::from_csv_code), Some(l));
            assert!(!l.level().is_preventive());
        }
        assert_eq!(CareLevel::from_code("support_1"), None);
        assert_eq!(CareLevel::from_csv_code("12"), None);
        assert_eq!(CareLevel::Care2.label_ja(), "要介護２");
        assert_eq!(
            CareLevel::CODES,
            &["care_1", "care_2", "care_3", "care_4", "care_5"]
        );
    }

    #[test]
    fn plan_kinds_keep_the_forms_order() {
        let k = PlanKinds::new([PlanKind::Continuation, PlanKind::Initial]).unwrap();
        assert_eq!(
            k.iter().collect::<Vec<_>>(),
            [PlanKind::Initial, PlanKind::Continuation]
        );
        assert!(PlanKinds::new([]).is_none());
        assert_eq!(HouseworkReasonCode::Other.csv_code(), Some("3"));
    }
}
