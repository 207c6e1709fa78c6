//! サービス利用票別表 (UPSIKYU), 37 fields: 第7表, one row per line of the
//! form — each service row, each 事業所 × 種類's subtotal (`CD`+`AAAA`, and
//! the optional `EEEE` 限度額対象外 and `ZZZZ` 30日超 subtotals) and the
//! 全合計 (事業所 `9999999999`, code `999999`). FORMS-4-7.md §7.3.

super::record! {
    /// サービス利用票別表 (UPSIKYU), 37 fields: a line of 第7表.
    pub struct Upsikyu = "UPSIKYU" {
        1  CSV_VERSION csv_version "CSVバージョン" Raw,
        2  INSURER_NUMBER insurer_number "保険者番号" Raw,
        3  INSURED_NUMBER insured_number "被保険者番号" Raw,
        4  CREATED_ON created_on "作成年月日" Raw,
        5  TARGET_MONTH target_month "対象年月" Raw,
        6  OFFICE_NAME office_name "サービス事業所名" Text,
        7  OFFICE_NUMBER office_number "サービス事業所コード" Raw,
        8  SATELLITE satellite "サテライト枝番" Raw,
        9  SERVICE_CODE service_code "サービスコード" Raw,
        10 TAIS_CODE tais_code "TAISコード" Text,
        11 NOTIFIED_CODE notified_code "福祉用具届出コード" Text,
        12 EQUIPMENT_NAME equipment_name "用具名称（機種名）" Text,
        13 UNITS units "単位数" Raw,
        14 DISCOUNT_PERCENT discount_percent "割引後率" Raw,
        15 DISCOUNTED_UNITS discounted_units "割引後単位数" Raw,
        16 COUNT count "回数／日数" Raw,
        17 SERVICE_UNITS service_units "サービス単位／金額" Raw,
        18 MANAGED managed "給付管理単位数" Raw,
        19 KIND_OVER kind_over "種類支給限度基準超単位数" Raw,
        20 KIND_WITHIN kind_within "種類支給限度基準内単位数" Raw,
        21 OVER over "区分支給限度基準超単位数" Raw,
        22 WITHIN within "区分支給限度基準内単位数" Raw,
        23 PRICE price "単位数単価" Raw,
        24 COST cost "費用総額保険／事業対象分" Raw,
        25 RATE rate "給付率" Raw,
        26 CLAIM claim "保険／事業費請求額" Raw,
        27 FIXED_PER_COUNT fixed_per_count "定額利用者負担単価金額" Raw,
        28 BURDEN burden "利用者負担保険／事業対象分" Raw,
        29 FULL_BURDEN full_burden "利用者負担（全額負担分）" Raw,
        30 SHORT_STAY_BEFORE short_stay_before "前月までの利用日数" Raw,
        31 SHORT_STAY_THIS_MONTH short_stay_this_month "当月の計画利用日数" Raw,
        32 SHORT_STAY_CUMULATIVE short_stay_cumulative "累積利用日数" Raw,
        33 OVER_30_DAYS over_30_days "３０日超区分" Raw,
        34 FIXED_OFFICE fixed_office "事業所コード" Raw,
        35 ENTERED_BY entered_by "入力者コード" Raw,
        36 VENDOR_CODE vendor_code "更新業者コード" Raw,
        37 IDENTIFIER identifier "識別子" Raw,
    }
}

/// No.7 サービス事業所コード of the 全合計 line (ALL9).
pub const TOTAL_OFFICE: &str = "9999999999";

/// No.9 サービスコード of the 全合計 line (ALL9).
pub const TOTAL_CODE: &str = "999999";

/// No.34 事業所コード, 「9999999999を固定でセット」 (\[U\]: FORMS-4-7.md §7.3
/// note d).
pub const FIXED_OFFICE: &str = "9999999999";

/// The last four characters of No.9 on a 区分支給対象 種類別小計.
pub const KIND_SUBTOTAL: &str = "AAAA";

/// The last four characters of No.9 on a 区分支給対象外 種類別小計.
pub const OUTSIDE_SUBTOTAL: &str = "EEEE";

/// The last four characters of No.9 on a 30日超過分 種類別小計.
pub const OVER_30_SUBTOTAL: &str = "ZZZZ";
