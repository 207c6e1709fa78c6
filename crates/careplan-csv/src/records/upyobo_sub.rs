//! 介護予防サービス・支援計画書（別表）支援計画 (UPYOBO_SUB), 17 fields: one
//! row per 利用サービス; the 課題 and 支援計画 texts on their first row only
//! (YOBO.md §4.7: the blanks are mandatory).

super::record! {
    /// 介護予防サービス・支援計画書（別表）支援計画 (UPYOBO_SUB), 17 fields.
    pub struct UpyoboSub = "UPYOBO_SUB" {
        1  CSV_VERSION csv_version "CSVバージョン" Raw,
        2  INSURER_NUMBER insurer_number "保険者番号" Raw,
        3  INSURED_NUMBER insured_number "被保険者番号" Raw,
        4  PLAN_DATE plan_date "計画作成(変更)日" Raw,
        5  ISSUE_NO issue_no "課題ＮＯ" Raw,
        6  ISSUE issue "総合的課題" Text,
        7  PROPOSAL proposal "課題に対する目標と具体策の提案" Text,
        8  WISHES wishes "具体策についての意向本人・家族" Text,
        9  GOAL goal "目標" Text,
        10 SUPPORT_NO support_no "支援計画ＮＯ" Raw,
        11 POINT point "【支援計画】目標についての支援のポイント" Text,
        12 SELF_CARE self_care "【支援計画】本人等のセルフケアや家族の支援、インフォーマルサービス（民間サービス）" Text,
        13 INSURED_SERVICE insured_service "【支援計画】介護保険サービス又は地域支援事業（総合事業のサービス）" Text,
        14 SERVICE_NO service_no "利用サービスＮＯ" Raw,
        15 KIND kind "【利用サービス】サービス種別" Text,
        16 PROVIDER provider "【利用サービス】事業所(利用先)" Text,
        17 PERIOD period "【利用サービス】期間" Text,
    }
}
