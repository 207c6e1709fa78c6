//! The check report's field tables (titles and descriptions of its JSON
//! Schema).

use careplan_core::fields::{Field, Format, Object, R};

/// `Report`.
pub const REPORT: Object = Object {
    name: "Report",
    title_ja: "ケアプラン点検の結果",
    fields: &[Field::new(
        "findings",
        "指摘",
        R,
        Format::Structure,
        "Every finding, by table and in the order of the plan.",
    )
    .holds("Finding")],
};

/// `Finding`.
pub const FINDING: Object = Object {
    name: "Finding",
    title_ja: "指摘",
    fields: &[
        Field::new(
            "rule",
            "規則ID",
            R,
            Format::Pattern("^(T[1-7]|Y1)-[0-9]{3}$"),
            "The rule's ID (T2-004); `careplan check --explain ID` explains it.",
        ),
        Field::new(
            "severity",
            "重要度",
            R,
            Format::Structure,
            "`error` (誤り), `warning` (要確認) or `info` (参考).",
        )
        .holds("Severity"),
        Field::new(
            "path",
            "項目のパス",
            R,
            Format::Any,
            "The JSON path of the field concerned.",
        ),
        Field::new(
            "message_ja",
            "内容",
            R,
            Format::Any,
            "What was found, in Japanese.",
        ),
        Field::new(
            "message_en",
            "内容（英語）",
            R,
            Format::Any,
            "What was found, in English.",
        ),
        Field::new(
            "remedy_ja",
            "対応",
            R,
            Format::Any,
            "What to do about it, in Japanese.",
        ),
    ],
};

/// `Severity` (a code, no fields).
pub const SEVERITY: Object = Object {
    name: "Severity",
    title_ja: "重要度",
    fields: &[],
};

/// Every object of the check report, the root first.
pub const OBJECTS: &[&Object] = &[&REPORT, &FINDING, &SEVERITY];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::RuleId;

    /// The schema's pattern for rule IDs admits every ID of the registry.
    #[test]
    fn the_rule_id_pattern_admits_every_id() {
        for id in RuleId::ALL {
            let s = id.as_str();
            let b = s.as_bytes();
            assert!(
                b.len() == 6
                    && ["T1", "T2", "T3", "T4", "T5", "T6", "T7", "Y1"].contains(&&s[..2])
                    && b[2] == b'-',
                "{s}"
            );
            assert!(b[3..].iter().all(u8::is_ascii_digit), "{s}");
        }
        assert!(matches!(
            FINDING.fields[0].format,
            Format::Pattern("^(T[1-7]|Y1)-[0-9]{3}$")
        ));
    }
}
