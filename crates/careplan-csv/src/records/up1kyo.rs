//! 居宅サービス計画1表 (UP1KYO), 28 fields: 第1表, one row per plan.

super::record! {
    /// 居宅サービス計画1表 (UP1KYO), 28 fields: 第1表, one row per plan.
    pub struct Up1kyo = "UP1KYO" {
        1  CSV_VERSION csv_version "CSVバージョン" Raw,
        2  INSURER_NUMBER insurer_number "保険者番号" Raw,
        3  INSURED_NUMBER insured_number "被保険者番号" Raw,
        4  CREATED_ON created_on "作成年月日" Raw,
        5  USER_POSTAL_CODE user_postal_code "利用者郵便番号" Raw,
        6  USER_ADDRESS1 user_address1 "利用者住所１" Text,
        7  USER_ADDRESS2 user_address2 "利用者住所２" Text,
        8  PLANNER planner "居宅サービス計画作成者" Text,
        9  OFFICE_NAME office_name "介護支援事業者名" Text,
        10 OFFICE_POSTAL_CODE office_postal_code "介護支援事業者郵便番号" Raw,
        11 OFFICE_ADDRESS1 office_address1 "介護支援事業者住所１" Text,
        12 OFFICE_ADDRESS2 office_address2 "介護支援事業者住所２" Text,
        13 OFFICE_NUMBER office_number "介護支援事業者コード" Raw,
        14 PLAN_DATE plan_date "居宅サービス計画作成（変更）日" Raw,
        15 FIRST_PLAN_DATE first_plan_date "初回居宅サービス計画作成日" Raw,
        16 PLAN_KIND plan_kind "計画書区分" Raw,
        17 CERTIFICATION_STATUS certification_status "認定状況区分" Raw,
        18 CERTIFICATION_DATE certification_date "認定日" Raw,
        19 CERTIFICATION_START certification_start "認定有効期間開始日" Raw,
        20 CERTIFICATION_END certification_end "認定有効期間終了日" Raw,
        21 CARE_LEVEL care_level "要介護状態区分" Raw,
        22 WISHES_AND_ANALYSIS wishes_and_analysis "利用者及び家族の生活に対する意向を踏まえた課題分析の結果" Text,
        23 COMMITTEE_OPINION committee_opinion "介護認定審査会の意見及びサービスの種類の指定" Text,
        24 SUPPORT_POLICY support_policy "総合的な援助の方針" Text,
        25 HOUSEWORK_REASON housework_reason "生活援助中心型の算定理由" Raw,
        26 OTHER_REASON other_reason "その他理由" Text,
        27 VENDOR_CODE vendor_code "更新業者コード" Raw,
        28 IDENTIFIER identifier "識別子" Raw,
    }
}
