//! 居宅サービス計画3表 (UP3KYO), 13 fields: 第3表, one row per weekday of a block, per activity or per 週単位以外のサービス.

super::record! {
    /// 居宅サービス計画3表 (UP3KYO), 13 fields: 第3表, one row per weekday of a block, per activity or per 週単位以外のサービス.
    pub struct Up3kyo = "UP3KYO" {
        1  CSV_VERSION csv_version "CSVバージョン" Raw,
        2  INSURER_NUMBER insurer_number "保険者番号" Raw,
        3  INSURED_NUMBER insured_number "被保険者番号" Raw,
        4  CREATED_ON created_on "週間サービス計画表作成年月日" Raw,
        5  PLAN_DATE plan_date "居宅サービス計画作成（変更）日" Raw,
        6  SERVICE service "介護サービス内容" Text,
        7  WEEKDAY weekday "曜日" Raw,
        8  SERVICE_START service_start "開始時間" Raw,
        9  SERVICE_END service_end "終了時間" Raw,
        10 ACTIVITY activity "主な日常生活上の活動" Text,
        11 ACTIVITY_START activity_start "開始時間" Raw,
        12 ACTIVITY_END activity_end "終了時間" Raw,
        13 NON_WEEKLY non_weekly "週単位以外のサービス" Text,
    }
}
