//! 介護予防サービス・支援計画書: the typed plan and the parts it is made of.

use chrono::NaiveDate;

use super::checklist::{Checklist, Domain};
use super::{validate, wire};
use crate::codes::CertificationStatus;
use crate::error::Error;
use crate::forms::kyotaku::{PlanKinds, PlanStatus};
use crate::path::FieldPath;
use crate::text::{InsuredNumber, InsurerNumber, PhoneNumber, Text};
use crate::time::{DateRange, Period};

crate::code_enum! {
    /// 計画種類 (UPYOBO No.5): which service the plan is written under.
    pub enum PlanType {
        /// 介護予防支援: 予防給付, for 要支援１・２.
        PreventionSupport = "prevention_support", "介護予防支援", csv "1";
        /// 介護予防ケアマネジメント (第1号介護予防支援事業): the 総合事業, for
        /// 事業対象者 and for 要支援 users of 総合事業 services alone.
        CareManagement = "care_management", "介護予防ケアマネジメント", csv "2";
    }
}

crate::code_enum! {
    /// 要支援１・要支援２・事業対象者: the levels this form is for. The
    /// 要介護 levels are refused with a rule naming the 居宅サービス計画書.
    pub enum SupportLevel {
        /// 要支援１ (UPYOBO No.14 code 1).
        Support1 = "support_1", "要支援１", csv "1";
        /// 要支援２ (code 2).
        Support2 = "support_2", "要支援２", csv "2";
        /// 事業対象者 (code 3, which the CSV names 「地域支援事業」): meets the
        /// 基本チェックリスト's criteria, with no 認定.
        BusinessTarget = "business_target", "事業対象者", csv "3";
    }
}

impl SupportLevel {
    /// The shared certification level.
    pub fn level(self) -> crate::Level {
        match self {
            SupportLevel::Support1 => crate::Level::Support1,
            SupportLevel::Support2 => crate::Level::Support2,
            SupportLevel::BusinessTarget => crate::Level::BusinessTarget,
        }
    }
}

crate::code_enum! {
    /// The four アセスメント領域 of the plan (運営基準 第30条).
    pub enum AreaKind {
        /// 運動・移動について.
        Motor = "motor", "運動・移動について";
        /// 日常生活（家庭生活）について.
        DailyLife = "daily_life", "日常生活（家庭生活）について";
        /// 社会参加、対人関係・コミュニケーションについて.
        Social = "social", "社会参加、対人関係・コミュニケーションについて";
        /// 健康管理について.
        Health = "health", "健康管理について";
    }
}

/// The user as the plan names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanUser {
    /// 利用者名.
    pub name: Text,
    /// 保険者番号.
    pub insurer_number: InsurerNumber,
    /// 被保険者番号.
    pub insured_number: InsuredNumber,
}

/// 計画作成者氏名: the 地域包括支援センター's 担当者 (UPYOBO No.15), the
/// 介護支援専門員 who writes the plan (No.16), or both; never neither.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Planner {
    /// Only the 地域包括支援センター担当者.
    CenterStaff(Text),
    /// Only the 担当介護支援専門員.
    CareManager(Text),
    /// Both.
    Both {
        /// 地域包括支援センター担当者名.
        center_staff: Text,
        /// 担当介護支援専門員名.
        care_manager: Text,
    },
}

impl Planner {
    /// The planner from the two names; `None` when both are absent.
    pub fn new(center_staff: Option<Text>, care_manager: Option<Text>) -> Option<Planner> {
        match (center_staff, care_manager) {
            (Some(center_staff), Some(care_manager)) => Some(Planner::Both {
                center_staff,
                care_manager,
            }),
            (Some(s), None) => Some(Planner::CenterStaff(s)),
            (None, Some(c)) => Some(Planner::CareManager(c)),
            (None, None) => None,
        }
    }

    /// 地域包括支援センター担当者名.
    pub fn center_staff(&self) -> Option<&Text> {
        match self {
            Planner::CenterStaff(s)
            | Planner::Both {
                center_staff: s, ..
            } => Some(s),
            Planner::CareManager(_) => None,
        }
    }

    /// 担当介護支援専門員名.
    pub fn care_manager(&self) -> Option<&Text> {
        match self {
            Planner::CareManager(c)
            | Planner::Both {
                care_manager: c, ..
            } => Some(c),
            Planner::CenterStaff(_) => None,
        }
    }

    /// The name printed in 計画作成者氏名: the 介護支援専門員's when there is
    /// one, else the 担当者's (YOBO.md §6.1, \[U\]).
    pub fn printed(&self) -> &Text {
        match self {
            Planner::CareManager(c)
            | Planner::Both {
                care_manager: c, ..
            } => c,
            Planner::CenterStaff(s) => s,
        }
    }
}

/// 計画作成者事業者・事業所 (UPYOBO No.17–19): printed under
/// 「委託の場合」 when the plan is entrusted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannerOffice {
    /// 事業者・事業所名.
    pub name: Text,
    /// 所在地.
    pub address: Option<Text>,
    /// 電話番号 (連絡先).
    pub phone: Option<PhoneNumber>,
}

/// 担当地域包括支援センター, its 意見 and its 確認.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Center {
    /// 担当地域包括支援センター (UPYOBO No.21).
    pub name: Option<Text>,
    /// 地域包括支援センター【意見】 (No.55).
    pub opinion: Option<Text>,
    /// The date of the 包括's 【確認印】 (not exchanged by the CSV standard).
    pub confirmed_on: Option<NaiveDate>,
}

/// 目標とする生活: 1日 and 1年.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LifeGoals {
    /// １日 (UPYOBO No.22).
    pub day: Option<Text>,
    /// １年 (No.23).
    pub year: Option<Text>,
}

/// One アセスメント領域's row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Area {
    /// アセスメント領域と現在の状況.
    pub situation: Option<Text>,
    /// 本人・家族の意欲・意向.
    pub wishes: Option<Text>,
    /// 領域における課題の有無: `Some(true)` 有, `Some(false)` 無.
    pub has_issue: Option<bool>,
    /// 領域における課題（背景・原因）.
    pub background: Option<Text>,
}

/// The four アセスメント領域.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Assessment {
    /// 運動・移動について.
    pub motor: Area,
    /// 日常生活（家庭生活）について.
    pub daily_life: Area,
    /// 社会参加、対人関係・コミュニケーションについて.
    pub social: Area,
    /// 健康管理について.
    pub health: Area,
}

impl Assessment {
    /// The area of `kind`.
    pub fn area(&self, kind: AreaKind) -> &Area {
        match kind {
            AreaKind::Motor => &self.motor,
            AreaKind::DailyLife => &self.daily_life,
            AreaKind::Social => &self.social,
            AreaKind::Health => &self.health,
        }
    }
}

/// 期間 of a 利用サービス: dates, words as written (「6カ月間」), or both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServicePeriod {
    /// The dates, when given.
    pub dates: Option<Period>,
    /// The period in words, when given (the CSV standard carries 期間 as
    /// free text).
    pub note: Option<Text>,
}

/// 利用サービス: one row of the 支援計画's services.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsedService {
    /// サービス種別.
    pub kind: Option<Text>,
    /// 事業所（利用先）.
    pub provider: Option<Text>,
    /// 期間.
    pub period: Option<ServicePeriod>,
}

/// 支援計画: how a 目標 is supported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Support {
    /// 目標についての支援のポイント.
    pub point: Option<Text>,
    /// 本人等のセルフケアや家族の支援、インフォーマルサービス（民間サービス）.
    pub self_care: Option<Text>,
    /// 介護保険サービス又は地域支援事業（総合事業のサービス）.
    pub insured_service: Option<Text>,
    /// The services used, in order.
    pub services: Vec<UsedService>,
}

/// 総合的課題 with its 目標 and 支援計画.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    /// 総合的課題.
    pub text: Text,
    /// 課題に対する目標と具体策の提案.
    pub proposal: Option<Text>,
    /// 具体策についての意向 本人・家族.
    pub wishes: Option<Text>,
    /// 目標.
    pub goal: Option<Text>,
    /// 支援計画, in order.
    pub supports: Vec<Support>,
}

/// The 基本チェックリスト counts per domain printed on the plan (運動不足 ／5
/// … うつ予防 ／5), each within its domain's size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DomainCounts {
    counts: [u8; 6],
}

/// The domains the plan prints a count for, in the form's order.
pub const PLAN_DOMAINS: [Domain; 6] = [
    Domain::Motor,
    Domain::Nutrition,
    Domain::Oral,
    Domain::Housebound,
    Domain::Memory,
    Domain::Mood,
];

impl DomainCounts {
    /// Counts in [`PLAN_DOMAINS`] order; `None` when one exceeds its domain's size.
    pub fn new(counts: [u8; 6]) -> Option<DomainCounts> {
        PLAN_DOMAINS
            .iter()
            .zip(counts)
            .all(|(d, n)| n <= d.size())
            .then_some(DomainCounts { counts })
    }

    /// The counts a filled-in checklist gives.
    pub fn of(checklist: &Checklist) -> DomainCounts {
        DomainCounts {
            counts: PLAN_DOMAINS.map(|d| checklist.count(d)),
        }
    }

    /// The count of `domain` (`None` for 生活, which the plan does not print).
    pub fn get(&self, domain: Domain) -> Option<u8> {
        let i = PLAN_DOMAINS.iter().position(|d| *d == domain)?;
        self.counts.get(i).copied()
    }

    /// The counts in [`PLAN_DOMAINS`] order.
    pub fn to_array(self) -> [u8; 6] {
        self.counts
    }
}

/// The 基本チェックリスト box of the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanChecklist {
    /// 記入日, when given.
    pub date: Option<NaiveDate>,
    /// The answers, when the plan carries them: the counts are then
    /// computed from them.
    pub answers: Option<Checklist>,
    /// The counts printed: computed from the answers when there are any
    /// (an input whose counts differ is refused), else as given (a plan
    /// read from UPYOBO, which carries counts alone).
    pub counts: DomainCounts,
    /// 事業プログラムの要否 per domain, [`PLAN_DOMAINS`] order: `Some(true)`
    /// 要 (the number circled), `Some(false)` 否, `None` not stated.
    pub programmes: [Option<bool>; 6],
}

/// 計画に関する同意.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanConsent {
    /// 同意日.
    pub date: NaiveDate,
    /// 氏名.
    pub signer: Text,
}

/// The certification the plan is written under: none for 事業対象者.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanCertification {
    /// 認定年月日.
    pub date: Option<NaiveDate>,
    /// 認定の有効期間.
    pub period: Option<DateRange>,
}

/// The parts of a 介護予防サービス・支援計画書, before they are checked together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreventivePlanParts {
    /// Draft (原案) or final.
    pub status: PlanStatus,
    /// No.（整理番号）.
    pub record_number: Option<Text>,
    /// 計画種類.
    pub plan_type: PlanType,
    /// 委託の有無: whether a 地域包括支援センター entrusted the plan to a
    /// 居宅介護支援事業所.
    pub entrusted: bool,
    /// 初回・紹介・継続.
    pub plan_kinds: PlanKinds,
    /// 認定済・申請中 (required for 要支援; a 事業対象者 may have applied, or not).
    pub certification_status: Option<CertificationStatus>,
    /// 要支援１・要支援２・事業対象者.
    pub level: SupportLevel,
    /// 認定年月日 and 認定の有効期間 (none for 事業対象者).
    pub certification: PlanCertification,
    /// 利用者.
    pub user: PlanUser,
    /// 計画作成者氏名.
    pub planner: Planner,
    /// 計画作成者事業者・事業所 (required when entrusted).
    pub planner_office: Option<PlannerOffice>,
    /// 担当地域包括支援センター, 意見, 確認.
    pub center: Center,
    /// 計画作成（変更）日.
    pub plan_date: NaiveDate,
    /// 初回作成日.
    pub first_plan_date: Option<NaiveDate>,
    /// 目標とする生活.
    pub life_goals: LifeGoals,
    /// The four アセスメント領域.
    pub assessment: Assessment,
    /// 総合的課題, each with its 目標 and 支援計画.
    pub issues: Vec<Issue>,
    /// 健康状態について（主治医意見書、健診結果、観察結果等を踏まえた留意点）.
    pub health_notes: Option<Text>,
    /// 【本来行うべき支援ができない場合】妥当な支援の実施に向けた方針.
    pub fallback_policy: Option<Text>,
    /// 総合的な方針：生活不活発病の改善・予防のポイント.
    pub policy: Option<Text>,
    /// 基本チェックリスト.
    pub checklist: Option<PlanChecklist>,
    /// 計画に関する同意 (never on a draft).
    pub consent: Option<PlanConsent>,
}

/// A 介護予防サービス・支援計画書 that keeps every rule of the form. It can
/// only be made by [`PreventivePlan::new`] or by reading its JSON form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreventivePlan {
    parts: PreventivePlanParts,
}

impl PreventivePlan {
    /// Puts the parts together, checking every rule: 事業対象者 ⇔ no 認定,
    /// 委託 ⇒ the office named, the checklist's counts, date order, the
    /// conditions of 認定済 and of 原案. All violations are reported.
    pub fn new(parts: PreventivePlanParts) -> Result<PreventivePlan, Error> {
        validate::build(&wire::YoboPlanDocument::from_parts(&parts))
    }

    pub(crate) fn from_checked_parts(parts: PreventivePlanParts) -> PreventivePlan {
        PreventivePlan { parts }
    }

    /// The parts.
    pub fn parts(&self) -> &PreventivePlanParts {
        &self.parts
    }

    /// The parts, to change and put together again.
    pub fn into_parts(self) -> PreventivePlanParts {
        self.parts
    }

    /// Every 支援計画 of the plan with the index of its 総合的課題.
    pub fn supports(&self) -> impl Iterator<Item = (usize, &Support)> {
        self.parts
            .issues
            .iter()
            .enumerate()
            .flat_map(|(i, issue)| issue.supports.iter().map(move |s| (i, s)))
    }

    /// Every printed text with the path of its field, in the order of the form.
    pub fn texts(&self) -> Vec<(FieldPath, &str)> {
        super::texts::texts(self)
    }

    /// Checks a plan given as its document form (what a reader of another
    /// syntax, such as the CSV, builds); every violation with its path.
    pub fn from_document(doc: &wire::YoboPlanDocument) -> Result<PreventivePlan, Error> {
        validate::build(doc)
    }

    /// Parses and checks a plan from its JSON form; every violation with its path.
    pub fn from_json(json: &str) -> Result<PreventivePlan, Error> {
        validate::build(&wire::YoboPlanDocument::from_json(json)?)
    }

    /// The plan's JSON form as a value.
    pub fn to_json_value(&self) -> serde_json::Value {
        serde_json::to_value(wire::YoboPlanDocument::from_parts(&self.parts)).unwrap_or_else(|e| {
            debug_assert!(false, "a plan document did not serialise: {e}");
            serde_json::Value::Null
        })
    }

    /// The plan's JSON form, pretty-printed.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(&wire::YoboPlanDocument::from_parts(&self.parts))
            .unwrap_or_else(|e| {
                debug_assert!(false, "a plan document did not serialise: {e}");
                String::new()
            })
    }
}

impl serde::Serialize for PreventivePlan {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        wire::YoboPlanDocument::from_parts(&self.parts).serialize(serializer)
    }
}

impl<'de> serde::Deserialize<'de> for PreventivePlan {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let doc = wire::YoboPlanDocument::deserialize(deserializer)?;
        validate::build(&doc).map_err(serde::de::Error::custom)
    }
}
