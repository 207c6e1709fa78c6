//! 居宅サービス計画2表 (UP2KYO), 22 fields: 第2表, one row per service.

super::record! {
    /// 居宅サービス計画2表 (UP2KYO), 22 fields: 第2表, one row per service.
    pub struct Up2kyo = "UP2KYO" {
        1  CSV_VERSION csv_version "CSVバージョン" Raw,
        2  INSURER_NUMBER insurer_number "保険者番号" Raw,
        3  INSURED_NUMBER insured_number "被保険者番号" Raw,
        4  CREATED_ON created_on "居宅計画書作成年月日" Raw,
        5  PLAN_DATE plan_date "居宅サービス計画作成（変更）日" Raw,
        6  NEED_NO need_no "課題ＮＯ" Raw,
        7  NEED need "課題" Text,
        8  GOAL_NO goal_no "援助目標ＮＯ" Raw,
        9  LONG_TERM_GOAL long_term_goal "長期目標" Text,
        10 SHORT_TERM_GOAL short_term_goal "短期目標" Text,
        11 LONG_TERM_PERIOD long_term_period "長期期間" Text,
        12 SHORT_TERM_PERIOD short_term_period "短期期間" Text,
        13 SERVICE_NO service_no "援助内容ＮＯ" Raw,
        14 CONTENT content "サービス内容" Text,
        15 INSURED insured "保険対象区分" Raw,
        16 SERVICE_TYPE service_type "サービス種別" Text,
        17 PROVIDER_NUMBER provider_number "サービス事業者コード" Raw,
        18 PROVIDER_NAME provider_name "サービス事業所名" Text,
        19 FREQUENCY frequency "頻度" Text,
        20 PERIOD period "実施期間" Text,
        21 VENDOR_CODE vendor_code "更新業者コード" Raw,
        22 IDENTIFIER identifier "識別子" Raw,
    }
}
