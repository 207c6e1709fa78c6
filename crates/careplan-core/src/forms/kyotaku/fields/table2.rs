//! 第2表's fields: `Table2Doc` and the needs, goals and services inside it.

use crate::fields::{Format, csv, field_table};

field_table! {
    /// `Table2Doc`.
    OBJECT = "Table2Doc", "第２表 居宅サービス計画書（２）";
    CREATED_ON: "created_on", "作成年月日", O, Format::Date, "Date of this sheet when it differs from table 1's." => csv(&[csv("UP2KYO", 4)]);
    NEEDS: "needs", "生活全般の解決すべき課題（ニーズ）", R, Format::Structure, "Needs in priority order, highest first; at least one." => at("課題（ニーズ）"), holds("NeedDoc"), csv(&[csv("UP2KYO", 6)]);
}

/// 課題（ニーズ）: `NeedDoc`.
pub mod need {
    use super::*;

    field_table! {
        /// `NeedDoc`.
        OBJECT = "NeedDoc", "生活全般の解決すべき課題（ニーズ）";
        TEXT: "text", "生活全般の解決すべき課題（ニーズ）", R, Format::Text, "The need as written." => at("記載内容"), csv(&[csv("UP2KYO", 7)]);
        LONG_TERM_GOALS: "long_term_goals", "長期目標", R, Format::Structure, "At least one long-term goal." => holds("LongTermGoalDoc"), csv(&[csv("UP2KYO", 8)]);
    }
}

/// 長期目標: `LongTermGoalDoc`.
pub mod long_term_goal {
    use super::*;

    field_table! {
        /// `LongTermGoalDoc`.
        OBJECT = "LongTermGoalDoc", "長期目標";
        TEXT: "text", "長期目標", R, Format::Text, "By when, and to what level, the need is resolved." => at("記載内容"), csv(&[csv("UP2KYO", 9)]);
        PERIOD: "period", "（期間）", R, Format::Structure, "The goal's period." => holds("DateRangeDoc"), csv(&[csv("UP2KYO", 11)]);
        SHORT_TERM_GOALS: "short_term_goals", "短期目標", R, Format::Structure, "At least one short-term goal." => holds("ShortTermGoalDoc"), csv(&[csv("UP2KYO", 8)]);
    }
}

/// 短期目標: `ShortTermGoalDoc`.
pub mod short_term_goal {
    use super::*;

    field_table! {
        /// `ShortTermGoalDoc`.
        OBJECT = "ShortTermGoalDoc", "短期目標";
        TEXT: "text", "短期目標", R, Format::Text, "A step towards the long-term goal; the monitoring yardstick." => at("記載内容"), csv(&[csv("UP2KYO", 10)]);
        PERIOD: "period", "（期間）", R, Format::Structure, "Inside the long-term goal's period." => holds("DateRangeDoc"), csv(&[csv("UP2KYO", 12)]);
        SERVICES: "services", "援助内容", R, Format::Structure, "At least one service." => holds("ServiceDoc"), csv(&[csv("UP2KYO", 13)]);
    }
}

/// 援助内容: `ServiceDoc`.
pub mod service {
    use super::*;

    field_table! {
        /// `ServiceDoc`.
        OBJECT = "ServiceDoc", "援助内容";
        ID: "id", "サービスID", R, Format::Id, "Stable id, unique in the plan, by which table 3 refers to the service.";
        CONTENT: "content", "サービス内容", R, Format::Text, "What is done, including family support, informal help and self-care." => csv(&[csv("UP2KYO", 14)]);
        INSURED: "insured", "※1", R, Format::Bool, "Covered by 介護保険 (printed ○)." => at("※1（保険給付対象）"), csv(&[csv("UP2KYO", 15)]);
        SERVICE_TYPE: "service_type", "サービス種別", R, Format::Text, "Formal name: 訪問介護, 通所介護, 家族, 配食サービス（○○町） …." => csv(&[csv("UP2KYO", 16)]);
        PROVIDER: "provider", "※2", O, Format::Structure, "The office or person that provides it." => at("※2（サービス提供事業所）"), holds("ProviderDoc"), csv(&[csv("UP2KYO", 18)]);
        FREQUENCY: "frequency", "頻度", O, Format::Text, "How often: 週2回, 毎日, 随時 …" => csv(&[csv("UP2KYO", 19)]);
        PERIOD: "period", "期間", R, Format::Structure, "Inside the short-term goal's period." => at("（期間）"), holds("DateRangeDoc"), csv(&[csv("UP2KYO", 20)]);
    }
}

/// ※2 サービス提供事業所: `ProviderDoc`.
pub mod provider {
    use super::*;

    field_table! {
        /// `ProviderDoc`.
        OBJECT = "ProviderDoc", "※2 サービス提供事業所";
        NAME: "name", "事業所名", R, Format::Text, "The provider's name (or the person, for family support)." => at("事業所名（※2）"), csv(&[csv("UP2KYO", 18)]);
        OFFICE_NUMBER: "office_number", "事業所番号", O, Format::OfficeNumber, "The provider's ten-digit number, when it has one." => csv(&[csv("UP2KYO", 17)]);
    }
}
