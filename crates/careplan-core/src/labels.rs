//! The forms' Japanese labels for the JSON field names, so that a violation
//! can say where it is in words a care manager uses.

use crate::path::FieldPath;

/// The form's Japanese label for a JSON field name, given the name of the
/// object it sits in (`None` at the top level).
pub fn label_ja(parent: Option<&str>, key: &str) -> Option<&'static str> {
    let label = match (parent, key) {
        (None, "table1") => "第１表",
        (None, "table2") => "第２表",
        (None, "table3") => "第３表",
        (None, "status") => "原案・確定の別",
        (_, "created_on") => "作成年月日",
        (_, "plan_kinds") => "初回・紹介・継続",
        (_, "certification_status") => "認定済・申請中",
        (_, "user") => "利用者",
        (Some("user"), "name") => "利用者名",
        (Some("office"), "name") => "事業所名",
        (Some("provider"), "name") => "事業所名（※2）",
        (_, "name_kana") => "フリガナ",
        (_, "sex") => "性別",
        (_, "birth_date") => "生年月日",
        (_, "postal_code") => "郵便番号",
        (Some("office"), "address") => "事業所所在地",
        (_, "address") => "住所",
        (_, "insurer_number") => "保険者番号",
        (_, "insured_number") => "被保険者番号",
        (_, "planner_name") => "居宅サービス計画作成者氏名",
        (_, "office") => "居宅介護支援事業者・事業所名及び所在地",
        (_, "office_number") => "事業所番号",
        (_, "plan_date") => "居宅サービス計画作成（変更）日",
        (_, "first_plan_date") => "初回居宅サービス計画作成日",
        (_, "certification_date") => "認定日",
        (_, "certification_period") => "認定の有効期間",
        (_, "care_level") => "要介護状態区分",
        (_, "wishes") => "利用者及び家族の生活に対する意向",
        (_, "who") => "意向を述べた人",
        (_, "relation") => "続柄",
        (_, "analysis") => "課題分析の結果",
        (_, "committee_opinion") => "介護認定審査会の意見及びサービスの種類の指定",
        (_, "support_policy") => "総合的な援助の方針",
        (_, "housework_reason") => "生活援助中心型の算定理由",
        (Some("housework_reason"), "code") => "理由",
        (Some("housework_reason"), "text") => "その他の内容",
        (_, "consent") => "同意",
        (Some("consent"), "date") => "説明・同意日",
        (_, "signer") => "署名者",
        (_, "proxy_relation") => "代筆者の続柄",
        (_, "needs") => "課題（ニーズ）",
        (_, "long_term_goals") => "長期目標",
        (_, "short_term_goals") => "短期目標",
        (_, "services") => "援助内容",
        (_, "period") => "（期間）",
        (_, "start") => "開始",
        (_, "end") => "終了",
        (_, "id") => "サービスID",
        (_, "content") => "サービス内容",
        (_, "insured") => "※1（保険給付対象）",
        (_, "service_type") => "サービス種別",
        (_, "provider") => "※2（サービス提供事業所）",
        (_, "frequency") => "頻度",
        (_, "starts_from") => "月分より",
        (_, "weekly") => "週間サービス",
        (_, "service") => "第２表のサービス",
        (_, "label") => "表示名",
        (_, "weekdays") => "曜日",
        (_, "daily_activities") => "主な日常生活上の活動",
        (_, "non_weekly") => "週単位以外のサービス",
        (_, "text") => "記載内容",
        _ => return None,
    };
    Some(label)
}

/// A path written with the forms' labels and 1-based numbers:
/// `table2.needs[1].long_term_goals[0].period.end` becomes
/// `第２表 › 課題（ニーズ）2 › 長期目標1 › （期間） › 終了`.
/// Field names without a label are kept as they are.
pub fn location_ja(path: &FieldPath) -> String {
    if path.as_str().is_empty() {
        return "文書全体".to_owned();
    }
    let mut parts: Vec<String> = Vec::new();
    let mut parent: Option<&str> = None;
    for segment in path.as_str().split('.') {
        let (key, rest) = match segment.find('[') {
            Some(i) => segment.split_at(i),
            None => (segment, ""),
        };
        let mut part = label_ja(parent, key).unwrap_or(key).to_owned();
        for index in rest.split('[').filter(|s| !s.is_empty()) {
            let index = index.trim_end_matches(']');
            let n = index
                .parse::<usize>()
                .map(|i| i.saturating_add(1).to_string())
                .unwrap_or_else(|_| index.to_owned());
            part.push_str(&n);
        }
        parts.push(part);
        parent = Some(key);
    }
    parts.join(" › ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locations_use_labels_and_one_based_numbers() {
        let p = FieldPath::from_text("table2.needs[1].long_term_goals[0].period.end");
        assert_eq!(
            location_ja(&p),
            "第２表 › 課題（ニーズ）2 › 長期目標1 › （期間） › 終了"
        );
        let p = FieldPath::from_text("table1.user.name");
        assert_eq!(location_ja(&p), "第１表 › 利用者 › 利用者名");
        let p = FieldPath::from_text("table1.office.name");
        assert_eq!(
            location_ja(&p),
            "第１表 › 居宅介護支援事業者・事業所名及び所在地 › 事業所名"
        );
    }

    #[test]
    fn unknown_keys_are_kept() {
        let p = FieldPath::from_text("table1.mystery[x]");
        assert_eq!(location_ja(&p), "第１表 › mysteryx");
        assert_eq!(location_ja(&FieldPath::root()), "文書全体");
    }
}
