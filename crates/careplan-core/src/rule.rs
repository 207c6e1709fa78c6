//! The rules of the forms that a document can break: stable codes, and
//! what each requires in Japanese and English.

use std::borrow::Cow;
use std::fmt;

use crate::text::{MAX_NAME_CHARS, MAX_SERVICE_ID_CHARS, MAX_TEXT_CHARS};
use crate::time::{EARLIEST_DATE, LATEST_DATE};

/// A rule of the form that a plan document can break.
///
/// Each rule has a stable code ([`Rule::code`]) that systems can match on,
/// and a description in Japanese and English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Rule {
    /// The input is not well-formed JSON.
    JsonSyntax,
    /// The JSON has the wrong shape: a wrong type, an unknown field.
    JsonStructure,
    /// A required field is missing.
    Required,
    /// A text field is empty or only white space.
    Blank,
    /// A text field is longer than [`crate::MAX_TEXT_CHARS`] characters.
    TooLong,
    /// The user's name (利用者名) is longer than [`crate::MAX_NAME_CHARS`]
    /// characters: more than the line for it on the forms can hold.
    NameTooLong,
    /// A text field contains a control character other than tab and line breaks.
    ControlCharacter,
    /// A date is not an ISO date (`YYYY-MM-DD`) or does not exist.
    DateFormat,
    /// A date lies outside the range the forms can print (1873-01-01 to 2999-12-31).
    DateOutOfRange,
    /// A year-month is not `YYYY-MM`.
    YearMonthFormat,
    /// A time is not `HH:MM` between 00:00 and 24:00.
    TimeFormat,
    /// A start time is not before its end time.
    TimeOrder,
    /// Two dates of the plan are in the wrong order.
    DateOrder,
    /// A period ends before it starts.
    PeriodOrder,
    /// A period lies outside the period of the level above it.
    PeriodOutsideParent,
    /// 保険者番号 is not six digits.
    InsurerNumberFormat,
    /// 被保険者番号 is not ten digits, nor `H` and nine digits.
    InsuredNumberFormat,
    /// 事業所番号 is not ten digits.
    OfficeNumberFormat,
    /// A postal code is not `NNN-NNNN`.
    PostalCodeFormat,
    /// フリガナ contains characters other than katakana and spaces.
    KanaFormat,
    /// A service id is not 1–64 letters, digits, `.`, `_` or `-`.
    ServiceIdFormat,
    /// Two services of 第2表 share one id.
    DuplicateServiceId,
    /// A 第3表 entry refers to a service id that 第2表 does not have.
    UnknownServiceRef,
    /// A list that must hold at least one element is empty.
    EmptyList,
    /// A value appears twice in a list of distinct choices.
    DuplicateValue,
    /// A code is not one of the values the field allows.
    UnknownCode,
    /// 要支援 or 事業対象者: these users get the 介護予防 form, not this one.
    PreventiveCareLevel,
    /// 「３．その他」 is circled without its text.
    OtherReasonWithoutText,
    /// A reason text is given although 「３．その他」 is not circled.
    TextWithoutOtherReason,
    /// A family member's wishes without the family member's relation (続柄).
    RelationRequired,
    /// A relation is given for the user's own wishes.
    RelationNotAllowed,
    /// A 第3表 weekly entry has neither a 第2表 service nor a label.
    EntryWithoutTarget,
    /// A draft plan (原案) carries a consent: consent is given to the draft, which then stops being one.
    ConsentOnDraft,
    /// 要介護１–５: these users get the 居宅サービス計画書, not the 介護予防 form.
    CareLevelOnPreventivePlan,
    /// A 事業対象者 has no 認定: no 認定年月日 or 有効期間 is written.
    CertificationForBusinessTarget,
    /// A 事業対象者 gets 介護予防ケアマネジメント, not 介護予防支援 (予防給付 needs a 要支援 認定).
    PreventionSupportForBusinessTarget,
    /// 計画作成者氏名 names neither the 地域包括支援センター担当者 nor the 介護支援専門員.
    PlannerNameRequired,
    /// A telephone number is not 1–15 digits, hyphens and brackets.
    PhoneFormat,
    /// The 基本チェックリスト answers are not exactly the 24 answered questions (1–11, 13–25).
    ChecklistAnswerCount,
    /// 身長 or 体重 is not a number with at most one decimal within its bounds.
    MeasureFormat,
    /// A checklist count is more than its domain has questions.
    CountOutOfRange,
    /// A checklist count differs from the count the answers give.
    ChecklistCountMismatch,
    /// More 緊急連絡先 than the CSV standard carries (4).
    TooManyContacts,
    /// The 基本チェックリスト result (事業対象者の該当) differs from what its answers give.
    ChecklistResultMismatch,
    /// A number of units or days outside what the CSV standard's field holds
    /// (0 to 9,999,999 units, 0 to 99,999 days).
    NumberOutOfRange,
    /// A サービス種類コード is not two digits or capital letters.
    ServiceKindFormat,
    /// More サービス種類別支給限度 than UPHOSOKU carries (9).
    TooManyKindLimits,
    /// Two fields that exclude each other are both given (a 第4表 both
    /// held and not held).
    ExclusiveFields,
    /// The parts of a case file name different users.
    UserMismatch,
    /// A 第5表 entry dated before the entry above it.
    EntryOrder,
    /// A サービスコード that is not six digits or capital letters.
    ServiceCodeFormat,
    /// A day the month does not have (第6表's grid).
    DayNotInMonth,
    /// A day listed twice, or before the day above it, in a 第6表 row.
    DayOrder,
    /// A date that must fall in the document's month does not (変更日).
    DateOutsideMonth,
    /// A level change to the level already held.
    LevelUnchanged,
    /// A 区分支給限度基準額 written that differs from the one the level and
    /// month give.
    LimitMismatch,
    /// A TAISコード or 福祉用具届出コード that is not up to 12 letters, digits
    /// and hyphens (`00001－000010`).
    EquipmentCodeFormat,
}

impl Rule {
    /// Every rule, in declaration order.
    pub const ALL: &'static [Rule] = &[
        Rule::JsonSyntax,
        Rule::JsonStructure,
        Rule::Required,
        Rule::Blank,
        Rule::TooLong,
        Rule::NameTooLong,
        Rule::ControlCharacter,
        Rule::DateFormat,
        Rule::DateOutOfRange,
        Rule::YearMonthFormat,
        Rule::TimeFormat,
        Rule::TimeOrder,
        Rule::DateOrder,
        Rule::PeriodOrder,
        Rule::PeriodOutsideParent,
        Rule::InsurerNumberFormat,
        Rule::InsuredNumberFormat,
        Rule::OfficeNumberFormat,
        Rule::PostalCodeFormat,
        Rule::KanaFormat,
        Rule::ServiceIdFormat,
        Rule::DuplicateServiceId,
        Rule::UnknownServiceRef,
        Rule::EmptyList,
        Rule::DuplicateValue,
        Rule::UnknownCode,
        Rule::PreventiveCareLevel,
        Rule::OtherReasonWithoutText,
        Rule::TextWithoutOtherReason,
        Rule::RelationRequired,
        Rule::RelationNotAllowed,
        Rule::EntryWithoutTarget,
        Rule::ConsentOnDraft,
        Rule::CareLevelOnPreventivePlan,
        Rule::CertificationForBusinessTarget,
        Rule::PreventionSupportForBusinessTarget,
        Rule::PlannerNameRequired,
        Rule::PhoneFormat,
        Rule::ChecklistAnswerCount,
        Rule::MeasureFormat,
        Rule::CountOutOfRange,
        Rule::ChecklistCountMismatch,
        Rule::TooManyContacts,
        Rule::ChecklistResultMismatch,
        Rule::NumberOutOfRange,
        Rule::ServiceKindFormat,
        Rule::TooManyKindLimits,
        Rule::ExclusiveFields,
        Rule::UserMismatch,
        Rule::EntryOrder,
        Rule::ServiceCodeFormat,
        Rule::DayNotInMonth,
        Rule::DayOrder,
        Rule::DateOutsideMonth,
        Rule::LevelUnchanged,
        Rule::LimitMismatch,
        Rule::EquipmentCodeFormat,
    ];

    /// The stable, machine-readable code of the rule (`snake_case`).
    pub fn code(self) -> &'static str {
        match self {
            Rule::JsonSyntax => "json_syntax",
            Rule::JsonStructure => "json_structure",
            Rule::Required => "required",
            Rule::Blank => "blank",
            Rule::TooLong => "too_long",
            Rule::NameTooLong => "name_too_long",
            Rule::ControlCharacter => "control_character",
            Rule::DateFormat => "date_format",
            Rule::DateOutOfRange => "date_out_of_range",
            Rule::YearMonthFormat => "year_month_format",
            Rule::TimeFormat => "time_format",
            Rule::TimeOrder => "time_order",
            Rule::DateOrder => "date_order",
            Rule::PeriodOrder => "period_order",
            Rule::PeriodOutsideParent => "period_outside_parent",
            Rule::InsurerNumberFormat => "insurer_number_format",
            Rule::InsuredNumberFormat => "insured_number_format",
            Rule::OfficeNumberFormat => "office_number_format",
            Rule::PostalCodeFormat => "postal_code_format",
            Rule::KanaFormat => "kana_format",
            Rule::ServiceIdFormat => "service_id_format",
            Rule::DuplicateServiceId => "duplicate_service_id",
            Rule::UnknownServiceRef => "unknown_service_ref",
            Rule::EmptyList => "empty_list",
            Rule::DuplicateValue => "duplicate_value",
            Rule::UnknownCode => "unknown_code",
            Rule::PreventiveCareLevel => "preventive_care_level",
            Rule::OtherReasonWithoutText => "other_reason_without_text",
            Rule::TextWithoutOtherReason => "text_without_other_reason",
            Rule::RelationRequired => "relation_required",
            Rule::RelationNotAllowed => "relation_not_allowed",
            Rule::EntryWithoutTarget => "entry_without_target",
            Rule::ConsentOnDraft => "consent_on_draft",
            Rule::CareLevelOnPreventivePlan => "care_level_on_preventive_plan",
            Rule::CertificationForBusinessTarget => "certification_for_business_target",
            Rule::PreventionSupportForBusinessTarget => "prevention_support_for_business_target",
            Rule::PlannerNameRequired => "planner_name_required",
            Rule::PhoneFormat => "phone_format",
            Rule::ChecklistAnswerCount => "checklist_answer_count",
            Rule::MeasureFormat => "measure_format",
            Rule::CountOutOfRange => "count_out_of_range",
            Rule::ChecklistCountMismatch => "checklist_count_mismatch",
            Rule::TooManyContacts => "too_many_contacts",
            Rule::ChecklistResultMismatch => "checklist_result_mismatch",
            Rule::NumberOutOfRange => "number_out_of_range",
            Rule::ServiceKindFormat => "service_kind_format",
            Rule::TooManyKindLimits => "too_many_kind_limits",
            Rule::ExclusiveFields => "exclusive_fields",
            Rule::UserMismatch => "user_mismatch",
            Rule::EntryOrder => "entry_order",
            Rule::ServiceCodeFormat => "service_code_format",
            Rule::DayNotInMonth => "day_not_in_month",
            Rule::DayOrder => "day_order",
            Rule::DateOutsideMonth => "date_outside_month",
            Rule::LevelUnchanged => "level_unchanged",
            Rule::LimitMismatch => "limit_mismatch",
            Rule::EquipmentCodeFormat => "equipment_code_format",
        }
    }

    /// The rule with the given code, if there is one.
    pub fn from_code(code: &str) -> Option<Rule> {
        Rule::ALL.iter().copied().find(|r| r.code() == code)
    }

    /// The descriptions of the rules that state a limit, in Japanese and
    /// English, written from the constants that enforce them.
    fn limit(self) -> (String, String) {
        let ((y0, m0, d0), (y1, m1, d1)) = (EARLIEST_DATE, LATEST_DATE);
        match self {
            Rule::TooLong => (
                format!(
                    "文字数が多すぎます（1項目{}文字まで）。",
                    thousands(MAX_TEXT_CHARS)
                ),
                format!(
                    "the text is longer than {} characters",
                    thousands(MAX_TEXT_CHARS)
                ),
            ),
            Rule::NameTooLong => (
                format!(
                    "利用者名が長すぎます（{MAX_NAME_CHARS}文字まで。帳票の利用者名欄に収まりません）。"
                ),
                format!(
                    "the user's name is longer than {MAX_NAME_CHARS} characters, more than its line on the forms holds"
                ),
            ),
            Rule::DateOutOfRange => (
                format!("日付が範囲外です（{y0}年{m0}月{d0}日から{y1}年{m1}月{d1}日まで）。"),
                format!("the date is outside {y0:04}-{m0:02}-{d0:02} to {y1:04}-{m1:02}-{d1:02}"),
            ),
            Rule::ServiceIdFormat => (
                format!(
                    "サービスIDは半角英数字と「.」「_」「-」の1〜{MAX_SERVICE_ID_CHARS}文字です。"
                ),
                format!(
                    "a service id is 1 to {MAX_SERVICE_ID_CHARS} ASCII letters, digits, '.', '_' or '-'"
                ),
            ),
            _ => {
                debug_assert!(false, "{self:?} states no limit");
                (String::new(), String::new())
            }
        }
    }

    /// What the rule requires, in Japanese (for care workers) and in
    /// English (for developers): one arm per rule, so that the two
    /// languages cannot drift apart. Limits are written from the constants
    /// that enforce them.
    pub fn descriptions(self) -> (Cow<'static, str>, Cow<'static, str>) {
        let (ja, en) = match self {
            Rule::TooLong | Rule::NameTooLong | Rule::DateOutOfRange | Rule::ServiceIdFormat => {
                let (ja, en) = self.limit();
                return (ja.into(), en.into());
            }
            Rule::JsonSyntax => (
                "JSONとして読み取れません。",
                "the input is not well-formed JSON",
            ),
            Rule::JsonStructure => (
                "JSONの形が計画書の形式と合いません。",
                "the JSON does not have the shape of a plan document",
            ),
            Rule::Required => (
                "必須の項目が入力されていません。",
                "a required field is missing",
            ),
            Rule::Blank => ("空欄にはできません。", "the text must not be blank"),
            Rule::ControlCharacter => (
                "使えない制御文字が含まれています。",
                "the text contains a control character other than tab and line breaks",
            ),
            Rule::DateFormat => (
                "日付として読み取れません（YYYY-MM-DD の形で、実在する日付を入力してください）。",
                "not an existing date in the form YYYY-MM-DD",
            ),
            Rule::YearMonthFormat => (
                "年月として読み取れません（YYYY-MM の形で入力してください）。",
                "not a year-month in the form YYYY-MM",
            ),
            Rule::TimeFormat => (
                "時刻として読み取れません（00:00〜24:00 を HH:MM の形で入力してください）。",
                "not a time HH:MM between 00:00 and 24:00",
            ),
            Rule::TimeOrder => (
                "開始時刻が終了時刻より前になっていません。",
                "the start time is not before the end time",
            ),
            Rule::DateOrder => (
                "日付の前後関係が正しくありません。",
                "two dates are in the wrong order",
            ),
            Rule::PeriodOrder => (
                "期間の終了日が開始日より前になっています。",
                "the period ends before it starts",
            ),
            Rule::PeriodOutsideParent => (
                "期間が上位の期間（長期目標・短期目標）の範囲に収まっていません。",
                "the period is not inside the period of its goal",
            ),
            Rule::InsurerNumberFormat => (
                "保険者番号は半角数字6桁です。",
                "an insurer number (保険者番号) is six digits",
            ),
            Rule::InsuredNumberFormat => (
                "被保険者番号は半角数字10桁、生活保護単独の場合は「H」と数字9桁です。",
                "an insured number (被保険者番号) is ten digits, or H and nine digits",
            ),
            Rule::OfficeNumberFormat => (
                "事業所番号は半角数字10桁です。",
                "an office number (事業所番号) is ten digits",
            ),
            Rule::PostalCodeFormat => (
                "郵便番号は「123-4567」の形で入力してください。",
                "a postal code is NNN-NNNN",
            ),
            Rule::KanaFormat => (
                "フリガナはカタカナで入力してください。",
                "フリガナ must be katakana",
            ),
            Rule::DuplicateServiceId => (
                "同じサービスIDが第２表に2回以上使われています。",
                "the service id is used more than once in table 2",
            ),
            Rule::UnknownServiceRef => (
                "第３表が参照するサービスが第２表にありません。",
                "table 3 refers to a service that table 2 does not have",
            ),
            Rule::EmptyList => (
                "少なくとも1件の入力が必要です。",
                "the list must hold at least one element",
            ),
            Rule::DuplicateValue => (
                "同じ値が2回以上選ばれています。",
                "the same value is chosen more than once",
            ),
            Rule::UnknownCode => (
                "選択肢にない値です。",
                "the value is not one of the allowed codes",
            ),
            Rule::PreventiveCareLevel => (
                "要支援・事業対象者の方は「介護予防サービス・支援計画書」の様式を使います。この計画書（居宅サービス計画書）は要介護１〜５の方のものです。",
                "要支援 and 事業対象者 use the preventive care form (介護予防サービス・支援計画書); this plan is for 要介護1-5",
            ),
            Rule::OtherReasonWithoutText => (
                "生活援助中心型の算定理由で「３．その他」を選んだ場合は、その内容を記入してください。",
                "reason 3 (その他) requires its text",
            ),
            Rule::TextWithoutOtherReason => (
                "算定理由の内容は「３．その他」を選んだ場合にだけ記入します。",
                "a reason text is only given with reason 3 (その他)",
            ),
            Rule::RelationRequired => (
                "家族の意向には続柄（妻、長男など）を記入してください。",
                "a family member's wishes need the relation (続柄)",
            ),
            Rule::RelationNotAllowed => (
                "本人の意向には続柄を記入しません。",
                "the user's own wishes take no relation",
            ),
            Rule::EntryWithoutTarget => (
                "週間サービスには第２表のサービスか表示名のどちらかが必要です。",
                "a weekly entry needs a table 2 service or a label",
            ),
            Rule::ConsentOnDraft => (
                "原案には同意を記録できません。同意を得た計画は原案ではありません。",
                "a draft plan (原案) cannot carry a consent",
            ),
            Rule::CareLevelOnPreventivePlan => (
                "要介護１〜５の方は「居宅サービス計画書（第１表〜第３表）」の様式を使います。介護予防サービス・支援計画書は要支援１・２と事業対象者の方のものです。",
                "要介護1-5 use the home care plan (居宅サービス計画書); the 介護予防 plan is for 要支援1-2 and 事業対象者",
            ),
            Rule::CertificationForBusinessTarget => (
                "事業対象者は要支援認定を受けていないため、認定年月日・認定の有効期間は記入しません。",
                "a 事業対象者 has no certification: no certification date or period",
            ),
            Rule::PreventionSupportForBusinessTarget => (
                "事業対象者の計画は介護予防ケアマネジメントです（介護予防支援は要支援認定を受けた方の予防給付です）。",
                "a 事業対象者 plan is 介護予防ケアマネジメント (care_management): 介護予防支援 needs a 要支援 certification",
            ),
            Rule::PlannerNameRequired => (
                "計画作成者氏名（地域包括支援センター担当者名または担当介護支援専門員名）のどちらかを入力してください。",
                "the planner needs a name: the centre staff member, the care manager, or both",
            ),
            Rule::PhoneFormat => (
                "電話番号は半角数字とハイフン・括弧の15文字までで入力してください。",
                "a telephone number is 1 to 15 digits, hyphens and brackets",
            ),
            Rule::ChecklistAnswerCount => (
                "基本チェックリストの回答は、No.12（身長・体重）を除く24問（No.1〜11、13〜25）の順に、すべて入力してください。",
                "the checklist answers must be the 24 answers to questions 1-11 and 13-25, in order",
            ),
            Rule::MeasureFormat => (
                "身長は50.0〜250.0（cm）、体重は10.0〜300.0（kg）の範囲で、小数点以下1桁までの数値で入力してください。",
                "height is 50.0-250.0 (cm) and weight 10.0-300.0 (kg), with at most one decimal",
            ),
            Rule::CountOutOfRange => (
                "基本チェックリストの該当数が、その項目の質問数を超えています。",
                "a checklist count is more than its domain has questions",
            ),
            Rule::ExclusiveFields => (
                "同時には記入できない項目が両方記入されています（例：会議の「開催」と「開催しなかった理由」）。",
                "two fields that exclude each other are both given (a meeting held and not held)",
            ),
            Rule::UserMismatch => (
                "利用者名が計画書と一致しません（一つのケースファイルは一人の利用者の記録です）。",
                "the user's name differs from the plan's (a case file is one user's record)",
            ),
            Rule::EntryOrder => (
                "居宅介護支援経過は日付（同じ日は時刻）の順に記入してください。前の記録より前の日付です。",
                "support-log entries go in date order (and by time within a day); this one is dated before the one above",
            ),
            Rule::ServiceCodeFormat => (
                "サービスコードは半角の数字・英大文字6桁（種類2桁＋項目4桁）で記入してください。",
                "a service code is six digits or capital letters (2 for the kind, 4 for the item)",
            ),
            Rule::EquipmentCodeFormat => (
                "TAISコード・福祉用具届出コードは英数字とハイフン（「－」「-」）で12文字までです（例：00001－000010）。",
                "a TAIS or 届出 code is up to 12 letters, digits and hyphens (00001－000010)",
            ),
            Rule::DayNotInMonth => (
                "対象年月にない日付です（例：4月31日）。",
                "the month has no such day (April 31st, say)",
            ),
            Rule::DayOrder => (
                "予定・実績の日付は一つの日を一度ずつ、日付の順に記入してください（回数は count に）。",
                "list each day once, in day order (several times a day go in count)",
            ),
            Rule::DateOutsideMonth => (
                "変更日は対象年月の2日以降の日付にしてください。",
                "the date must be a day of the document's month after its first",
            ),
            Rule::LevelUnchanged => (
                "変更後要介護状態区分が変更前と同じです。",
                "the level after the change is the level before it",
            ),
            Rule::LimitMismatch => (
                "区分支給限度基準額が要介護状態区分（月途中の変更では重い方）と対象年月の基準額と一致しません。",
                "the limit written differs from the one the level (after a change, the heavier) and the month give",
            ),
            Rule::ChecklistCountMismatch => (
                "基本チェックリストの該当数が回答と合いません（該当数は回答から数えられます）。",
                "a checklist count differs from what the answers give (the counts are computed from the answers)",
            ),
            Rule::TooManyContacts => (
                "緊急連絡先は4件までです（ケアプランデータ連携の利用者基本情報が持てる件数）。",
                "at most 4 emergency contacts (what the CSV standard carries)",
            ),
            Rule::ChecklistResultMismatch => (
                "基本チェックリストの記入結果（事業対象者の該当あり・なし）が回答と合いません。",
                "the checklist result differs from what its answers give",
            ),
            Rule::NumberOutOfRange => (
                "数値が範囲外です（単位数は0〜9,999,999、日数は0〜99,999、開催回数は1〜999の整数）。",
                "a number out of range (whole numbers: units 0-9,999,999, days 0-99,999, a meeting's number 1-999)",
            ),
            Rule::ServiceKindFormat => (
                "サービス種類コードは半角の数字・英大文字2文字です（例：11、2A）。",
                "a service kind code is two digits or capital letters (11, 2A)",
            ),
            Rule::TooManyKindLimits => (
                "サービス種類別の支給限度は9件までです（利用者補足情報が持てる件数）。",
                "at most 9 service-kind limits (what UPHOSOKU carries)",
            ),
        };
        (ja.into(), en.into())
    }

    /// What the rule requires, in Japanese, for care workers.
    pub fn description_ja(self) -> Cow<'static, str> {
        self.descriptions().0
    }

    /// What the rule requires, in English, for developers.
    pub fn description_en(self) -> Cow<'static, str> {
        self.descriptions().1
    }
}

/// `n` with commas between thousands (`20,000`), as the messages write limits.
fn thousands(n: usize) -> String {
    crate::units::thousands(i64::try_from(n).unwrap_or(i64::MAX))
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_round_trip() {
        let mut seen = std::collections::HashSet::new();
        for r in Rule::ALL {
            assert!(seen.insert(r.code()), "duplicate code {}", r.code());
            assert_eq!(Rule::from_code(r.code()), Some(*r));
            assert!(!r.description_ja().is_empty());
            assert!(!r.description_en().is_empty());
        }
        assert_eq!(Rule::from_code("nope"), None);
    }

    #[test]
    fn limits_are_written_from_their_constants() {
        assert_eq!(thousands(20_000), "20,000");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert!(Rule::TooLong.description_ja().contains("20,000文字"));
        assert!(Rule::TooLong.description_en().contains("20,000 characters"));
        assert!(
            Rule::NameTooLong
                .description_ja()
                .contains(&format!("{MAX_NAME_CHARS}文字"))
        );
        assert!(
            Rule::DateOutOfRange
                .description_ja()
                .contains("1873年1月1日から2999年12月31日まで")
        );
        assert!(
            Rule::DateOutOfRange
                .description_en()
                .contains("1873-01-01 to 2999-12-31")
        );
        assert!(Rule::ServiceIdFormat.description_ja().contains("1〜64文字"));
    }
}
