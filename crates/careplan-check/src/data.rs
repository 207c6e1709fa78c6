//! The figures and lists the rules use, in one place, each with the date
//! from which it holds and where it comes from.

/// The date from which the tables below hold (令和6年度 介護報酬改定, 2024-04-01).
pub const TABLES_AS_OF: &str = "2024-04-01";

/// 居宅サービス and 地域密着型サービス that a 居宅サービス計画 places under
/// 介護保険 (介護保険法 第8条, 第8条の2; as of [`TABLES_AS_OF`]). A サービス種別
/// counts as one of these when it begins with the name (訪問介護（生活援助）).
pub const INSURED_SERVICE_TYPES: &[&str] = &[
    "訪問介護",
    "訪問入浴介護",
    "訪問看護",
    "訪問リハビリテーション",
    "居宅療養管理指導",
    "通所介護",
    "地域密着型通所介護",
    "通所リハビリテーション",
    "短期入所生活介護",
    "短期入所療養介護",
    "福祉用具貸与",
    "特定福祉用具販売",
    "住宅改修",
    "夜間対応型訪問介護",
    "定期巡回・随時対応型訪問介護看護",
    "認知症対応型通所介護",
    "小規模多機能型居宅介護",
    "看護小規模多機能型居宅介護",
    "複合型サービス",
];

/// Supports that are never 介護保険 services (family, neighbours, 民生委員,
/// municipal and voluntary services, self-care, medical care): the 研修テキスト's
/// 「インフォーマルサポート」 and 「市町村が実施する保健福祉施策」. A サービス種別
/// counts as one of these when it begins with the word.
pub const NON_INSURED_SERVICE_TYPES: &[&str] = &[
    "家族",
    "本人",
    "妻",
    "夫",
    "長男",
    "長女",
    "次男",
    "次女",
    "息子",
    "娘",
    "嫁",
    "孫",
    "親族",
    "近隣",
    "近所",
    "知人",
    "友人",
    "民生委員",
    "ボランティア",
    "自治会",
    "町内会",
    "老人クラブ",
    "配食サービス",
    "社会福祉協議会",
    "ふれあいサロン",
    "サロン",
    "地域包括支援センター",
    "市町村",
    "市",
    "町",
    "村",
    "区",
    "通院",
    "訪問診療",
    "医療",
    "家政婦",
];

/// 生活援助中心型の訪問介護 visits a month above which the plan must be filed
/// with the municipality, by 要介護状態区分 1–5 (厚生労働大臣が定める回数及び
/// 訪問介護, 平成30年厚生労働省告示第218号, in force 2018-10-01).
pub const HOUSEWORK_VISIT_LIMITS: [(u8, u32); 5] = [(1, 27), (2, 34), (3, 43), (4, 38), (5, 31)];

/// Where the 告示 counts come from.
pub const HOUSEWORK_VISIT_LIMITS_SOURCE: &str = "平成30年厚生労働省告示第218号（2018-10-01 施行）";

/// Goal phrases that say nothing checkable on their own (記載要領: 「抽象的な
/// 言葉ではなく誰にもわかりやすい具体的な内容で記載する」). A goal fires the rule
/// when, without punctuation, it is one of these with at most a short ending.
pub const ABSTRACT_GOAL_PHRASES: &[&str] = &[
    "安心して暮らせる",
    "安心して暮らす",
    "安心した生活",
    "安心して生活できる",
    "安全に暮らせる",
    "安全に生活できる",
    "穏やかに過ごせる",
    "穏やかに暮らせる",
    "楽しく過ごせる",
    "健康に過ごせる",
    "元気に過ごせる",
    "自立した生活",
    "その人らしく暮らせる",
    "在宅生活を継続できる",
    "在宅生活が継続できる",
];

/// Words that mark 生活援助 in a 訪問介護 service's サービス内容.
pub const HOUSEWORK_MARKERS: &[&str] = &["生活援助"];

/// Words that state a reason (福祉用具: 「…のため」「…が必要」).
pub const REASON_MARKERS: &[&str] = &["ため", "必要", "ので", "から", "よう"];

/// 主な日常生活上の活動 the 研修テキスト asks for, each with the words that show it.
pub const DAILY_RHYTHM: &[(&str, &[&str])] = &[
    ("起床", &["起床", "起きる", "目覚め"]),
    (
        "食事",
        &[
            "食事",
            "朝食",
            "昼食",
            "夕食",
            "朝ごはん",
            "昼ごはん",
            "夕ごはん",
            "食べる",
        ],
    ),
    ("就寝", &["就寝", "寝る", "床につく", "眠る"]),
];

/// サービス種類コード (a サービスコード's first two characters) → the
/// サービス種別 of [`INSURED_SERVICE_TYPES`] that 第2表 names it by, for the
/// kinds a 居宅 第6表 carries (介護給付費単位数表 and 地域密着型's, as of
/// [`TABLES_AS_OF`]). 特定福祉用具販売 and 住宅改修 have no code here: they
/// are paid apart from the month's 給付管理 and never stand on a 第6表. The
/// three 短期入所療養介護 kinds (老健 22, 病院等 23, 医療院 2A) are one
/// 種別 on 第2表.
pub const KIND_SERVICE_TYPES: &[(&str, &str)] = &[
    ("11", "訪問介護"),
    ("12", "訪問入浴介護"),
    ("13", "訪問看護"),
    ("14", "訪問リハビリテーション"),
    ("15", "通所介護"),
    ("16", "通所リハビリテーション"),
    ("17", "福祉用具貸与"),
    ("21", "短期入所生活介護"),
    ("22", "短期入所療養介護"),
    ("23", "短期入所療養介護"),
    ("2A", "短期入所療養介護"),
    ("31", "居宅療養管理指導"),
    ("71", "夜間対応型訪問介護"),
    ("72", "認知症対応型通所介護"),
    ("73", "小規模多機能型居宅介護"),
    ("76", "定期巡回・随時対応型訪問介護看護"),
    ("77", "看護小規模多機能型居宅介護"),
    ("78", "地域密着型通所介護"),
];

/// The 第2表 サービス種別 of a サービス種類コード ([`KIND_SERVICE_TYPES`]).
pub fn kind_service_type(kind: &str) -> Option<&'static str> {
    KIND_SERVICE_TYPES
        .iter()
        .find(|(k, _)| *k == kind)
        .map(|(_, t)| *t)
}

/// The insured service type a サービス種別 begins with (the longest match).
pub fn insured_type(service_type: &str) -> Option<&'static str> {
    let t = service_type.trim();
    INSURED_SERVICE_TYPES
        .iter()
        .copied()
        .filter(|n| t.starts_with(n))
        .max_by_key(|n| n.len())
}

/// Whether a サービス種別 is a support that is never 介護保険.
pub fn is_non_insured(service_type: &str) -> bool {
    let t = service_type.trim();
    insured_type(t).is_none() && NON_INSURED_SERVICE_TYPES.iter().any(|n| t.starts_with(n))
}

/// The monthly 生活援助 count of the 告示 for a care level 1–5.
pub fn housework_limit(level: u8) -> Option<u32> {
    HOUSEWORK_VISIT_LIMITS
        .iter()
        .find(|(l, _)| *l == level)
        .map(|(_, n)| *n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insured_types_match_by_longest_prefix() {
        assert_eq!(insured_type("訪問介護（生活援助）"), Some("訪問介護"));
        assert_eq!(
            insured_type("夜間対応型訪問介護"),
            Some("夜間対応型訪問介護")
        );
        assert_eq!(
            insured_type("地域密着型通所介護"),
            Some("地域密着型通所介護")
        );
        assert_eq!(insured_type("通所介護"), Some("通所介護"));
        assert_eq!(insured_type("家族"), None);
        assert!(is_non_insured("民生委員"));
        assert!(is_non_insured("配食サービス（札幌市）"));
        assert!(!is_non_insured("訪問看護"));
        assert!(!is_non_insured("謎のサービス"));
    }

    #[test]
    fn every_kind_names_an_insured_type_and_a_known_kind() {
        for (kind, t) in KIND_SERVICE_TYPES {
            assert_eq!(insured_type(t), Some(*t), "{kind}");
            assert!(
                careplan_core::service_codes::kind_name(kind).is_some(),
                "{kind}"
            );
        }
        assert_eq!(kind_service_type("2A"), Some("短期入所療養介護"));
        assert_eq!(kind_service_type("78"), Some("地域密着型通所介護"));
        // Paid apart from the month's 給付管理: no 第6表 kind.
        assert!(
            !KIND_SERVICE_TYPES
                .iter()
                .any(|(_, t)| *t == "特定福祉用具販売" || *t == "住宅改修")
        );
        assert_eq!(kind_service_type("43"), None);
    }

    #[test]
    fn limits_are_the_kokuji_figures() {
        assert_eq!(housework_limit(1), Some(27));
        assert_eq!(housework_limit(3), Some(43));
        assert_eq!(housework_limit(5), Some(31));
        assert_eq!(housework_limit(6), None);
    }
}
