//! The typed plan: 第1表, 第2表 and 第3表.
//!
//! The parts ([`Table1`], [`Table2`], [`Table3`] and what they hold) are
//! plain data whose fields are already-checked values ([`Text`],
//! [`Period`], [`Weekdays`] …). Rules that span several fields (a short-term
//! period inside its long-term period, 第3表 references that resolve, date
//! order) are checked when the parts are put together into a [`CarePlan`],
//! which cannot exist unless every rule holds.

use chrono::NaiveDate;

use crate::error::Error;
use crate::text::{InsuredNumber, InsurerNumber, Kana, OfficeNumber, PostalCode, ServiceId, Text};
use crate::time::{DateRange, Period, TimeOfDay, TimeRange, Weekdays, YearMonth};

/// A list that holds at least one element (every level of 第2表).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct NonEmpty<T>(Vec<T>);

impl<T> NonEmpty<T> {
    /// The list, or `None` if `items` is empty.
    pub fn new(items: Vec<T>) -> Option<Self> {
        (!items.is_empty()).then_some(NonEmpty(items))
    }

    /// A list of one element.
    pub fn one(item: T) -> Self {
        NonEmpty(vec![item])
    }

    /// The first element.
    pub fn first(&self) -> Option<&T> {
        self.0.first()
    }

    /// The elements as a slice.
    pub fn as_slice(&self) -> &[T] {
        &self.0
    }

    /// The elements as a vector.
    pub fn into_vec(self) -> Vec<T> {
        self.0
    }

    /// Iterates over the elements.
    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.0.iter()
    }

    /// The number of elements (at least 1).
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Always false.
    pub fn is_empty(&self) -> bool {
        false
    }

    /// Appends an element.
    pub fn push(&mut self, item: T) {
        self.0.push(item);
    }
}

impl<'a, T> IntoIterator for &'a NonEmpty<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<T> IntoIterator for NonEmpty<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

/// Whether the plan is the draft (原案) discussed with the user and team, or
/// the agreed plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlanStatus {
    /// 原案: printed with 「原案」.
    Draft,
    /// The agreed, final plan.
    Final,
}

/// 初回・紹介・継続: which of the three are circled (at least one; any combination).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PlanKinds {
    initial: bool,
    referral: bool,
    continuation: bool,
}

/// One of 初回・紹介・継続.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlanKind {
    /// 初回: the office's first plan for this user.
    Initial,
    /// 紹介: the user was referred from another office or facility.
    Referral,
    /// 継続: the plan continues an earlier one.
    Continuation,
}

impl PlanKind {
    /// All three, in the form's order.
    pub const ALL: [PlanKind; 3] = [
        PlanKind::Initial,
        PlanKind::Referral,
        PlanKind::Continuation,
    ];

    /// The JSON code.
    pub fn code(self) -> &'static str {
        match self {
            PlanKind::Initial => "initial",
            PlanKind::Referral => "referral",
            PlanKind::Continuation => "continuation",
        }
    }

    /// The label on the form.
    pub fn label_ja(self) -> &'static str {
        match self {
            PlanKind::Initial => "初回",
            PlanKind::Referral => "紹介",
            PlanKind::Continuation => "継続",
        }
    }

    /// The kind of a JSON code.
    pub fn from_code(code: &str) -> Option<PlanKind> {
        PlanKind::ALL.into_iter().find(|k| k.code() == code)
    }
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

/// 認定済・申請中.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CertificationStatus {
    /// 認定済: certified; the validity period and care level are known.
    Certified,
    /// 申請中: applied for; 認定日 holds the application date.
    Applying,
}

/// 性別.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sex {
    /// 男性 (CSV code 1).
    Male,
    /// 女性 (CSV code 2).
    Female,
}

/// 要介護状態区分: this form is for 要介護１–５ only.
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

    /// The JSON code (`care_1` … `care_5`).
    pub fn code(self) -> &'static str {
        match self {
            CareLevel::Care1 => "care_1",
            CareLevel::Care2 => "care_2",
            CareLevel::Care3 => "care_3",
            CareLevel::Care4 => "care_4",
            CareLevel::Care5 => "care_5",
        }
    }

    /// The label as printed (`要介護１`, full-width digit as on the form).
    pub fn label_ja(self) -> &'static str {
        match self {
            CareLevel::Care1 => "要介護１",
            CareLevel::Care2 => "要介護２",
            CareLevel::Care3 => "要介護３",
            CareLevel::Care4 => "要介護４",
            CareLevel::Care5 => "要介護５",
        }
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
        CareLevel::ALL.into_iter().find(|l| l.code() == code)
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
    /// 住所.
    pub address: Option<Text>,
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
    /// 所在地.
    pub address: Option<Text>,
    /// 事業所番号.
    pub office_number: OfficeNumber,
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
}

/// ※2: the office that provides a service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provider {
    /// 事業所名 (or the person, for family support).
    pub name: Text,
    /// 事業所番号, when the provider has one.
    pub office_number: Option<OfficeNumber>,
}

/// One row of 援助内容 in 第2表.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Service {
    /// Stable id, by which 第3表 refers to the service.
    pub id: ServiceId,
    /// サービス内容.
    pub content: Text,
    /// ※1: covered by 介護保険 (printed ○).
    pub insured: bool,
    /// サービス種別 (訪問介護, 家族, 配食サービス（○○町） …).
    pub service_type: Text,
    /// ※2: the provider.
    pub provider: Option<Provider>,
    /// 頻度.
    pub frequency: Option<Text>,
    /// 期間 (inside the short-term goal's period).
    pub period: Period,
}

/// 短期目標 with its period and services.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShortTermGoal {
    /// 短期目標.
    pub text: Text,
    /// （期間） (inside the long-term goal's period).
    pub period: Period,
    /// 援助内容 (at least one).
    pub services: NonEmpty<Service>,
}

/// 長期目標 with its period and short-term goals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LongTermGoal {
    /// 長期目標.
    pub text: Text,
    /// （期間）.
    pub period: Period,
    /// 短期目標 (at least one).
    pub short_term_goals: NonEmpty<ShortTermGoal>,
}

/// 生活全般の解決すべき課題（ニーズ） with its goals.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Need {
    /// The need as written.
    pub text: Text,
    /// 長期目標 (at least one).
    pub long_term_goals: NonEmpty<LongTermGoal>,
}

/// 第2表 居宅サービス計画書（２）.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table2 {
    /// 作成年月日 of this sheet, when it differs from 第1表's.
    pub created_on: Option<NaiveDate>,
    /// Needs in priority order, highest first (at least one).
    pub needs: NonEmpty<Need>,
}

impl Table2 {
    /// Every service, in the order of the table.
    pub fn services(&self) -> impl Iterator<Item = &Service> {
        self.needs
            .iter()
            .flat_map(|n| n.long_term_goals.iter())
            .flat_map(|l| l.short_term_goals.iter())
            .flat_map(|s| s.services.iter())
    }

    /// The service with the given id.
    pub fn service(&self, id: &ServiceId) -> Option<&Service> {
        self.services().find(|s| &s.id == id)
    }
}

/// A block on 第3表's weekly grid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeeklyEntry {
    /// The 第2表 service this block shows.
    pub service: Option<ServiceId>,
    /// The text shown in the block; when absent, the service's サービス種別.
    /// At least one of `service` and `label` is present.
    pub label: Option<Text>,
    /// The weekdays (columns).
    pub weekdays: Weekdays,
    /// Start and end on each of those days.
    pub time: TimeRange,
}

/// A line of 主な日常生活上の活動: a time or time range and what happens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DailyActivity {
    /// The time (or the start of the range).
    pub start: TimeOfDay,
    /// The end of the range, if the activity spans time (after `start`).
    pub end: Option<TimeOfDay>,
    /// 起床, 朝食, 就寝 ….
    pub text: Text,
}

/// A line of 週単位以外のサービス.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NonWeeklyService {
    /// What is provided and how often (福祉用具貸与（車いす）, 通院（月1回） …).
    pub text: Text,
    /// The 第2表 service it is, if any.
    pub service: Option<ServiceId>,
}

/// 第3表 週間サービス計画表.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table3 {
    /// 作成年月日 of this sheet, when it differs from 第1表's.
    pub created_on: Option<NaiveDate>,
    /// 「　年　月分より」: the month the schedule applies from.
    pub starts_from: YearMonth,
    /// Blocks of the weekly grid.
    pub weekly: Vec<WeeklyEntry>,
    /// 主な日常生活上の活動.
    pub daily_activities: Vec<DailyActivity>,
    /// 週単位以外のサービス.
    pub non_weekly: Vec<NonWeeklyService>,
}

/// The parts of a plan, before they are checked together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanParts {
    /// Draft or final.
    pub status: PlanStatus,
    /// 第1表.
    pub table1: Table1,
    /// 第2表.
    pub table2: Table2,
    /// 第3表.
    pub table3: Table3,
}

/// A home care plan (居宅サービス計画書 第1表–第3表) that keeps every rule of
/// the form. It can only be made by [`CarePlan::new`] or by deserialising
/// its JSON form, both of which check every rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CarePlan {
    parts: PlanParts,
}

impl CarePlan {
    /// Puts the parts together, checking every rule that spans fields:
    /// date order, periods inside their parents, 第3表 references, the
    /// conditions of 認定済 and of 原案. All violations are reported.
    pub fn new(parts: PlanParts) -> Result<CarePlan, Error> {
        crate::validate::build(&crate::wire::PlanDocument::from_parts(&parts))
    }

    pub(crate) fn from_checked_parts(parts: PlanParts) -> CarePlan {
        CarePlan { parts }
    }

    /// Draft or final.
    pub fn status(&self) -> PlanStatus {
        self.parts.status
    }

    /// 第1表.
    pub fn table1(&self) -> &Table1 {
        &self.parts.table1
    }

    /// 第2表.
    pub fn table2(&self) -> &Table2 {
        &self.parts.table2
    }

    /// 第3表.
    pub fn table3(&self) -> &Table3 {
        &self.parts.table3
    }

    /// The parts, to change and put together again with [`CarePlan::new`].
    pub fn into_parts(self) -> PlanParts {
        self.parts
    }

    /// A reference to the parts.
    pub fn parts(&self) -> &PlanParts {
        &self.parts
    }

    /// 作成年月日 of 第2表 (its own, or 第1表's).
    pub fn table2_created_on(&self) -> NaiveDate {
        self.parts
            .table2
            .created_on
            .unwrap_or(self.parts.table1.created_on)
    }

    /// 作成年月日 of 第3表 (its own, or 第1表's).
    pub fn table3_created_on(&self) -> NaiveDate {
        self.parts
            .table3
            .created_on
            .unwrap_or(self.parts.table1.created_on)
    }

    /// The user's age on 作成年月日, as printed beside the birth date.
    pub fn user_age(&self) -> Option<u32> {
        crate::wareki::age_on(
            self.parts.table1.user.birth_date,
            self.parts.table1.created_on,
        )
    }

    /// Parses and checks a plan from its JSON form. Every rule violation is
    /// reported with its path; malformed JSON gives one violation.
    pub fn from_json(json: &str) -> Result<CarePlan, Error> {
        let doc = crate::wire::PlanDocument::from_json(json)?;
        crate::validate::build(&doc)
    }

    /// Checks a plan given as a parsed JSON value.
    pub fn from_json_value(value: serde_json::Value) -> Result<CarePlan, Error> {
        let doc = crate::wire::PlanDocument::from_json_value(value)?;
        crate::validate::build(&doc)
    }

    /// The plan's JSON form, pretty-printed.
    pub fn to_json_pretty(&self) -> String {
        let doc = crate::wire::PlanDocument::from_parts(&self.parts);
        serde_json::to_string_pretty(&doc).unwrap_or_default()
    }

    /// The plan's JSON form as a value.
    pub fn to_json_value(&self) -> serde_json::Value {
        let doc = crate::wire::PlanDocument::from_parts(&self.parts);
        serde_json::to_value(&doc).unwrap_or(serde_json::Value::Null)
    }
}

impl serde::Serialize for CarePlan {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        crate::wire::PlanDocument::from_parts(&self.parts).serialize(serializer)
    }
}

impl<'de> serde::Deserialize<'de> for CarePlan {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let doc = crate::wire::PlanDocument::deserialize(deserializer)?;
        crate::validate::build(&doc).map_err(serde::de::Error::custom)
    }
}
