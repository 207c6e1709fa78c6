//! サービス利用票（予定） (UPPLAN) and サービス提供票（実績） (UPJSK): one layout
//! of 25 fields, one row per service × day (× time band); and their
//! withdrawals DLTPLAN (a whole month) and DLTJSK (a month of one 事業所 ×
//! サービス種類). FORMS-4-7.md §7.1–§7.2.

// TAISコード and 福祉用具届出コード are written quoted, as free text: the
// document holds them as text (`00001－000010`), and quoting keeps any
// character of it inside its field.

/// Declares one of the two records of the 25-field grid layout.
macro_rules! grid_record {
    ($(#[$meta:meta])* $name:ident = $prefix:literal) => {
        super::record! {
            $(#[$meta])*
            pub struct $name = $prefix {
                1  CSV_VERSION csv_version "CSVバージョン" Raw,
                2  INSURER_NUMBER insurer_number "保険者番号" Raw,
                3  INSURED_NUMBER insured_number "被保険者番号" Raw,
                4  CREATED_ON created_on "作成年月日" Raw,
                5  TARGET_MONTH target_month "対象年月" Raw,
                6  PLANNER_OFFICE planner_office "プラン担当業者コード" Raw,
                7  PLANNER_NAME planner_name "プラン担当者名" Text,
                8  UNITS units "単位数" Raw,
                9  SHORT_STAY_DAYS_BEFORE short_stay_days_before "前月までの短期入所利用日数" Raw,
                10 DATE date "サービス利用日" Raw,
                11 PRORATED_DAYS prorated_days "日割対象日" Raw,
                12 START start "サービス開始時刻" Raw,
                13 END end "サービス終了時刻" Raw,
                14 COUNT count "サービス回数" Raw,
                15 SERVICE_CODE service_code "サービスコード" Raw,
                16 TAIS_CODE tais_code "TAISコード" Text,
                17 NOTIFIED_CODE notified_code "福祉用具届出コード" Text,
                18 EQUIPMENT_NAME equipment_name "用具名称（機種名）" Text,
                19 DETAIL_NUMBER detail_number "明細判別コード" Raw,
                20 OFFICE_NUMBER office_number "サービス事業者コード" Raw,
                21 OFFICE_NAME office_name "サービス事業所名" Text,
                22 SATELLITE satellite "サテライト枝番" Raw,
                23 OVER_30_DAYS over_30_days "３０日超区分" Raw,
                24 VENDOR_CODE vendor_code "更新業者コード" Raw,
                25 IDENTIFIER identifier "識別子" Raw,
            }
        }
    };
}

grid_record! {
    /// サービス利用票（予定） (UPPLAN), 25 fields: what the 居宅介護支援事業所
    /// plans, one row per service × day.
    Upplan = "UPPLAN"
}

grid_record! {
    /// サービス提供票（実績） (UPJSK), 25 fields, the layout of UPPLAN: what a
    /// provider served, one row per service × day.
    Upjsk = "UPJSK"
}

super::record! {
    /// サービス利用票_削除 (DLTPLAN), 4 fields: a month's plan withdrawn
    /// (its 第7表 with it).
    pub struct Dltplan = "DLTPLAN" {
        1 CSV_VERSION csv_version "CSVバージョン" Raw,
        2 INSURER_NUMBER insurer_number "保険者番号" Raw,
        3 INSURED_NUMBER insured_number "被保険者番号" Raw,
        4 TARGET_MONTH target_month "削除対象年月" Raw,
    }
}

super::record! {
    /// サービス提供票（実績）_削除 (DLTJSK), 6 fields: a month's 実績 of one
    /// 事業所 × サービス種類 withdrawn.
    pub struct Dltjsk = "DLTJSK" {
        1 CSV_VERSION csv_version "CSVバージョン" Raw,
        2 INSURER_NUMBER insurer_number "保険者番号" Raw,
        3 INSURED_NUMBER insured_number "被保険者番号" Raw,
        4 TARGET_MONTH target_month "削除対象年月" Raw,
        5 OFFICE_NUMBER office_number "サービス事業者コード" Raw,
        6 SERVICE_KIND service_kind "サービス種類コード" Raw,
    }
}
