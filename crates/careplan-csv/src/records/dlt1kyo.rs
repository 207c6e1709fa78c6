//! 居宅サービス計画1表_削除 (DLT1KYO), 4 fields: the withdrawal of a plan sent before.

super::record! {
    /// 居宅サービス計画1表_削除 (DLT1KYO), 4 fields: the withdrawal of a plan sent before.
    pub struct Dlt1kyo = "DLT1KYO" {
        1  CSV_VERSION csv_version "CSVバージョン" Raw,
        2  INSURER_NUMBER insurer_number "保険者番号" Raw,
        3  INSURED_NUMBER insured_number "被保険者番号" Raw,
        4  PLAN_DATE plan_date "居宅サービス計画作成（変更）日" Raw,
    }
}
