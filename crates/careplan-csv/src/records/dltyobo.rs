//! 介護予防サービス・支援計画書_削除 (DLTYOBO), 4 fields: the withdrawal of a
//! plan sent before, by its key.

super::record! {
    /// 介護予防サービス・支援計画書_削除 (DLTYOBO), 4 fields.
    pub struct Dltyobo = "DLTYOBO" {
        1 CSV_VERSION csv_version "CSVバージョン" Raw,
        2 INSURER_NUMBER insurer_number "保険者番号" Raw,
        3 INSURED_NUMBER insured_number "被保険者番号" Raw,
        4 PLAN_DATE plan_date "計画作成(変更)日" Raw,
    }
}
