//! Locations in words a care manager uses: a JSON path written with the
//! form's labels, read from the form's field tables ([`crate::fields`]).

use crate::fields::{Object, Tables};
use crate::path::FieldPath;

/// A path written with the forms' labels and 1-based numbers:
/// `table2.needs[1].long_term_goals[0].period.end` becomes
/// `第２表 › 課題（ニーズ）2 › 長期目標1 › （期間） › 終了`.
/// Field names the tables do not know (and every name, without tables) are
/// kept as they are.
///
/// ```
/// use careplan_core::{FieldPath, labels::location_ja, forms::kyotaku};
///
/// let p = FieldPath::from_text("table1.user.name");
/// assert_eq!(location_ja(Some(&kyotaku::fields::TABLES), &p), "第１表 › 利用者 › 利用者名");
/// assert_eq!(location_ja(None, &p), "table1 › user › name");
/// ```
pub fn location_ja(tables: Option<&Tables>, path: &FieldPath) -> String {
    if path.as_str().is_empty() {
        return "文書全体".to_owned();
    }
    let mut parts: Vec<String> = Vec::new();
    let mut owner: Option<&Object> = tables.and_then(|t| t.object(t.root));
    for (key, indexes) in path.segments() {
        let field = owner.and_then(|o| o.field(key));
        let mut part = field.and_then(|f| f.location_ja).unwrap_or(key).to_owned();
        for index in indexes.split('[').filter(|s| !s.is_empty()) {
            let index = index.trim_end_matches(']');
            let n = index
                .parse::<usize>()
                .map(|i| i.saturating_add(1).to_string())
                .unwrap_or_else(|_| index.to_owned());
            part.push_str(&n);
        }
        parts.push(part);
        owner = match (tables, field.and_then(|f| f.child)) {
            (Some(t), Some(child)) => t.object(child),
            _ => None,
        };
    }
    parts.join(" › ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forms::kyotaku::fields::TABLES;

    fn loc(p: &str) -> String {
        location_ja(Some(&TABLES), &FieldPath::from_text(p))
    }

    #[test]
    fn locations_use_labels_and_one_based_numbers() {
        assert_eq!(
            loc("table2.needs[1].long_term_goals[0].period.end"),
            "第２表 › 課題（ニーズ）2 › 長期目標1 › （期間） › 終了"
        );
        assert_eq!(loc("table1.user.name"), "第１表 › 利用者 › 利用者名");
        assert_eq!(
            loc("table1.office.name"),
            "第１表 › 居宅介護支援事業者・事業所名及び所在地 › 事業所名"
        );
        assert_eq!(
            loc("table2.needs[0].long_term_goals[0].short_term_goals[0].services[1].provider.name"),
            "第２表 › 課題（ニーズ）1 › 長期目標1 › 短期目標1 › 援助内容2 › ※2（サービス提供事業所） › 事業所名（※2）"
        );
        assert_eq!(
            loc("table1.housework_reason.text"),
            "第１表 › 生活援助中心型の算定理由 › その他の内容"
        );
        assert_eq!(
            loc("table3.daily_activities[2].text"),
            "第３表 › 主な日常生活上の活動3 › 記載内容"
        );
    }

    #[test]
    fn unknown_keys_are_kept() {
        assert_eq!(loc("table1.mystery[x]"), "第１表 › mysteryx");
        assert_eq!(loc("$schema"), "$schema");
        assert_eq!(location_ja(Some(&TABLES), &FieldPath::root()), "文書全体");
    }
}
