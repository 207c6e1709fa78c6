//! 第2表's fields: `Table2Doc` and the needs, goals and services inside it.

use crate::fields::{Field, Format, O, Object, R, csv};

/// `created_on`: 作成年月日.
pub const CREATED_ON: Field = Field::new(
    "created_on",
    "作成年月日",
    O,
    Format::Date,
    "Date of this sheet when it differs from table 1's.",
)
.csv(&[csv("UP2KYO", 4)]);
/// `needs`: 生活全般の解決すべき課題（ニーズ）.
pub const NEEDS: Field = Field::new(
    "needs",
    "生活全般の解決すべき課題（ニーズ）",
    R,
    Format::Structure,
    "Needs in priority order, highest first; at least one.",
)
.at("課題（ニーズ）")
.holds("NeedDoc")
.csv(&[csv("UP2KYO", 6)]);

/// `Table2Doc`.
pub const OBJECT: Object = Object {
    name: "Table2Doc",
    title_ja: "第２表 居宅サービス計画書（２）",
    fields: &[CREATED_ON, NEEDS],
};

/// 課題（ニーズ）: `NeedDoc`.
pub mod need {
    use super::*;

    /// `text`: the need.
    pub const TEXT: Field = Field::new(
        "text",
        "生活全般の解決すべき課題（ニーズ）",
        R,
        Format::Text,
        "The need as written.",
    )
    .at("記載内容")
    .csv(&[csv("UP2KYO", 7)]);
    /// `long_term_goals`: 長期目標.
    pub const LONG_TERM_GOALS: Field = Field::new(
        "long_term_goals",
        "長期目標",
        R,
        Format::Structure,
        "At least one long-term goal.",
    )
    .holds("LongTermGoalDoc")
    .csv(&[csv("UP2KYO", 8)]);

    /// `NeedDoc`.
    pub const OBJECT: Object = Object {
        name: "NeedDoc",
        title_ja: "生活全般の解決すべき課題（ニーズ）",
        fields: &[TEXT, LONG_TERM_GOALS],
    };
}

/// 長期目標: `LongTermGoalDoc`.
pub mod long_term_goal {
    use super::*;

    /// `text`: 長期目標.
    pub const TEXT: Field = Field::new(
        "text",
        "長期目標",
        R,
        Format::Text,
        "By when, and to what level, the need is resolved.",
    )
    .at("記載内容")
    .csv(&[csv("UP2KYO", 9)]);
    /// `period`: （期間）.
    pub const PERIOD: Field = Field::new(
        "period",
        "（期間）",
        R,
        Format::Structure,
        "The goal's period.",
    )
    .holds("DateRangeDoc")
    .csv(&[csv("UP2KYO", 11)]);
    /// `short_term_goals`: 短期目標.
    pub const SHORT_TERM_GOALS: Field = Field::new(
        "short_term_goals",
        "短期目標",
        R,
        Format::Structure,
        "At least one short-term goal.",
    )
    .holds("ShortTermGoalDoc")
    .csv(&[csv("UP2KYO", 8)]);

    /// `LongTermGoalDoc`.
    pub const OBJECT: Object = Object {
        name: "LongTermGoalDoc",
        title_ja: "長期目標",
        fields: &[TEXT, PERIOD, SHORT_TERM_GOALS],
    };
}

/// 短期目標: `ShortTermGoalDoc`.
pub mod short_term_goal {
    use super::*;

    /// `text`: 短期目標.
    pub const TEXT: Field = Field::new(
        "text",
        "短期目標",
        R,
        Format::Text,
        "A step towards the long-term goal; the monitoring yardstick.",
    )
    .at("記載内容")
    .csv(&[csv("UP2KYO", 10)]);
    /// `period`: （期間）.
    pub const PERIOD: Field = Field::new(
        "period",
        "（期間）",
        R,
        Format::Structure,
        "Inside the long-term goal's period.",
    )
    .holds("DateRangeDoc")
    .csv(&[csv("UP2KYO", 12)]);
    /// `services`: 援助内容.
    pub const SERVICES: Field = Field::new(
        "services",
        "援助内容",
        R,
        Format::Structure,
        "At least one service.",
    )
    .holds("ServiceDoc")
    .csv(&[csv("UP2KYO", 13)]);

    /// `ShortTermGoalDoc`.
    pub const OBJECT: Object = Object {
        name: "ShortTermGoalDoc",
        title_ja: "短期目標",
        fields: &[TEXT, PERIOD, SERVICES],
    };
}

/// 援助内容: `ServiceDoc`.
pub mod service {
    use super::*;

    /// `id`: サービスID (careplan's own; the CSV standard numbers services instead).
    pub const ID: Field = Field::new(
        "id",
        "サービスID",
        R,
        Format::Id,
        "Stable id, unique in the plan, by which table 3 refers to the service.",
    );
    /// `content`: サービス内容.
    pub const CONTENT: Field = Field::new(
        "content",
        "サービス内容",
        R,
        Format::Text,
        "What is done, including family support, informal help and self-care.",
    )
    .csv(&[csv("UP2KYO", 14)]);
    /// `insured`: ※1.
    pub const INSURED: Field = Field::new(
        "insured",
        "※1",
        R,
        Format::Bool,
        "Covered by 介護保険 (printed ○).",
    )
    .at("※1（保険給付対象）")
    .csv(&[csv("UP2KYO", 15)]);
    /// `service_type`: サービス種別.
    pub const SERVICE_TYPE: Field = Field::new(
        "service_type",
        "サービス種別",
        R,
        Format::Text,
        "Formal name: 訪問介護, 通所介護, 家族, 配食サービス（○○町） ….",
    )
    .csv(&[csv("UP2KYO", 16)]);
    /// `provider`: ※2.
    pub const PROVIDER: Field = Field::new(
        "provider",
        "※2",
        O,
        Format::Structure,
        "The office or person that provides it.",
    )
    .at("※2（サービス提供事業所）")
    .holds("ProviderDoc")
    .csv(&[csv("UP2KYO", 18)]);
    /// `frequency`: 頻度.
    pub const FREQUENCY: Field = Field::new(
        "frequency",
        "頻度",
        O,
        Format::Text,
        "How often: 週2回, 毎日, 随時 …",
    )
    .csv(&[csv("UP2KYO", 19)]);
    /// `period`: 期間.
    pub const PERIOD: Field = Field::new(
        "period",
        "期間",
        R,
        Format::Structure,
        "Inside the short-term goal's period.",
    )
    .at("（期間）")
    .holds("DateRangeDoc")
    .csv(&[csv("UP2KYO", 20)]);

    /// `ServiceDoc`.
    pub const OBJECT: Object = Object {
        name: "ServiceDoc",
        title_ja: "援助内容",
        fields: &[
            ID,
            CONTENT,
            INSURED,
            SERVICE_TYPE,
            PROVIDER,
            FREQUENCY,
            PERIOD,
        ],
    };
}

/// ※2 サービス提供事業所: `ProviderDoc`.
pub mod provider {
    use super::*;

    /// `name`: 事業所名.
    pub const NAME: Field = Field::new(
        "name",
        "事業所名",
        R,
        Format::Text,
        "The provider's name (or the person, for family support).",
    )
    .at("事業所名（※2）")
    .csv(&[csv("UP2KYO", 18)]);
    /// `office_number`: 事業所番号.
    pub const OFFICE_NUMBER: Field = Field::new(
        "office_number",
        "事業所番号",
        O,
        Format::OfficeNumber,
        "The provider's ten-digit number, when it has one.",
    )
    .csv(&[csv("UP2KYO", 17)]);

    /// `ProviderDoc`.
    pub const OBJECT: Object = Object {
        name: "ProviderDoc",
        title_ja: "※2 サービス提供事業所",
        fields: &[NAME, OFFICE_NUMBER],
    };
}
