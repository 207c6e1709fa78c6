//! 第2表 居宅サービス計画書（２）: needs, their long-term and short-term
//! goals, and the services (援助内容) for each short-term goal.

use chrono::NaiveDate;

use crate::list::NonEmpty;
use crate::text::{OfficeNumber, ServiceId, Text};
use crate::time::Period;

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
