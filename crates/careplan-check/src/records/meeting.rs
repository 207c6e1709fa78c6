//! 第4表's rules, asked about one meeting: the attendance of the user and
//! family, the absentees' reasons and 照会, the conclusion.

use careplan_core::Sheet;
use careplan_core::forms::kyotaku::meeting::Holding;
use careplan_core::forms::kyotaku::meeting::fields::{absentee as fa, document as fm, held as fh};

use crate::Severity::Warning;
use crate::Source::{KisaiYoryo, UneiKijun38};
use crate::{Check, RuleId, RuleInfo};

/// T4-001 本人・家族の出席が記録されていない
pub(super) const T4_001: RuleInfo = RuleInfo {
    id: RuleId::T4_001,
    sheet: Sheet::KyotakuTable4,
    severity: Warning,
    title_ja: "会議に本人・家族の出席（出席・欠席）が記録されていない",
    title_en: "the meeting records neither the user's nor the family's attendance",
    explanation_ja: "令和3年の記載要領の改正で、第4表の「会議出席者」欄に、利用者・家族の出席（本人：【出席・欠席】、家族：【出席・欠席】、続柄）を記載することとされました。サービス担当者会議は、利用者・家族の参加を原則とします。",
    remedy_ja: "本人・家族それぞれについて出席・欠席を記録し、欠席の場合はその理由を※備考に記載してください。",
    sources: &[KisaiYoryo, UneiKijun38],
    check: Check::Meeting(|m, base, out| {
        let Holding::Held(s) = &m.parts().holding else {
            return;
        };
        if s.user_attendance.is_none() && s.family_attendance.is_none() {
            out.add(
                fh::USER_ATTENDANCE.of(&fm::HELD.of(base)),
                "本人・家族のどちらの出席・欠席も記録されていません。".into(),
                "neither user_attendance nor family_attendance is given".into(),
            );
        }
    }),
};

/// T4-002 欠席した担当者の欠席理由・照会が記載されていない
pub(super) const T4_002: RuleInfo = RuleInfo {
    id: RuleId::T4_002,
    sheet: Sheet::KyotakuTable4,
    severity: Warning,
    title_ja: "欠席した担当者の欠席理由または照会（依頼）内容が記載されていない",
    title_en: "an absent member has no reason for absence or no 照会 recorded",
    explanation_ja: "運営基準は、サービス担当者会議で担当者から専門的な見地からの意見を求めること、やむを得ない理由がある場合は照会等により意見を求めることを定めています。記載要領は、欠席した担当者の所属（職種）・氏名と欠席理由、照会（依頼）年月日・内容・回答を記載するよう求めています（他の書類で確認できる場合は省略できます）。",
    remedy_ja: "欠席者ごとに欠席理由と、照会（依頼）した年月日・内容・回答を記載してください。会議を開催しなかった場合は、各担当者への照会を記載してください。",
    sources: &[UneiKijun38, KisaiYoryo],
    check: Check::Meeting(|m, base, out| {
        let held = matches!(m.parts().holding, Holding::Held(_));
        let list = fm::ABSENTEES.of(base);
        for (i, a) in m.parts().absentees.iter().enumerate() {
            let at = list.index(i);
            // A meeting not held has one reason, its own.
            if held && a.reason.is_none() {
                out.add(
                    fa::REASON.of(&at),
                    format!("{}（{}）の欠席理由がありません。", a.name, a.affiliation),
                    format!("absentee {} has no reason", i + 1),
                );
            }
            if a.inquiry.is_none() {
                out.add(
                    fa::INQUIRY.of(&at),
                    format!("{}（{}）への照会がありません。", a.name, a.affiliation),
                    format!("absentee {} has no inquiry", i + 1),
                );
            }
        }
    }),
};

/// T4-003 結論が記載されていない
pub(super) const T4_003: RuleInfo = RuleInfo {
    id: RuleId::T4_003,
    sheet: Sheet::KyotakuTable4,
    severity: Warning,
    title_ja: "会議の結論が記載されていない",
    title_en: "the meeting's 結論 (conclusion) is blank",
    explanation_ja: "記載要領は、「結論」欄に当該会議における結論を記載するよう求めています。結論のない要点は、計画の確定や変更の根拠になりません。",
    remedy_ja: "検討内容を踏まえ、会議で合意した結論（計画を原案のとおり確定する、変更する等）を記載してください。",
    sources: &[KisaiYoryo],
    check: Check::Meeting(|m, base, out| {
        if m.parts().conclusion.is_none() {
            out.add(
                fm::CONCLUSION.of(base),
                "空欄です。".into(),
                "it is blank".into(),
            );
        }
    }),
};

#[cfg(test)]
mod tests {
    use super::*;
    use careplan_core::FieldPath;
    use careplan_core::forms::kyotaku::meeting::Meeting;

    fn meeting(json: &str) -> Meeting {
        Meeting::from_json(json).unwrap()
    }

    const HELD: &str = r#"{"form": "kyotaku_meeting", "created_on": "2016-01-10",
        "user_name": "Ａ", "planner_name": "鈴木",
        "held": {"date": "2016-01-09", "place": "自宅",
                 "attendees": [{"affiliation": "訪問介護", "name": "田中"}]},
        "absentees": [{"affiliation": "福祉用具", "name": "伊藤"}],
        "items": "計画の確認"}"#;

    fn hits(rule: &RuleInfo, m: &Meeting, base: &FieldPath) -> Vec<String> {
        let Check::Meeting(p) = rule.check else {
            return Vec::new();
        };
        let mut out = Vec::new();
        crate::run(rule, &mut out, |h| p(m, base, h));
        out.into_iter().map(|f| f.path).collect()
    }

    #[test]
    fn each_rule_names_its_field_under_the_base_path() {
        let m = meeting(HELD);
        let base = FieldPath::root().key("meetings").index(2);
        assert_eq!(
            hits(&T4_001, &m, &base),
            ["meetings[2].held.user_attendance"]
        );
        assert_eq!(
            hits(&T4_002, &m, &FieldPath::root()),
            ["absentees[0].reason", "absentees[0].inquiry"]
        );
        assert_eq!(hits(&T4_003, &m, &FieldPath::root()), ["conclusion"]);
    }

    #[test]
    fn one_attendance_or_a_not_held_meeting_is_enough() {
        let m = meeting(&HELD.replace(
            r#""attendees""#,
            r#""family_attendance": "absent", "attendees""#,
        ));
        assert!(hits(&T4_001, &m, &FieldPath::root()).is_empty());
        // Not held: no attendance to record, and no reason asked of each absentee.
        let m = meeting(&HELD.replace(
            r#""held": {"date": "2016-01-09", "place": "自宅",
                 "attendees": [{"affiliation": "訪問介護", "name": "田中"}]}"#,
            r#""not_held": {"reason": "入院のため"}"#,
        ));
        assert!(matches!(m.parts().holding, Holding::NotHeld { .. }));
        assert!(hits(&T4_001, &m, &FieldPath::root()).is_empty());
        assert_eq!(
            hits(&T4_002, &m, &FieldPath::root()),
            ["absentees[0].inquiry"]
        );
    }
}
