//! The field tables of 第6表 サービス利用票（兼居宅（介護予防）サービス計画）:
//! labels (FORMS-4-7.md §4, \[V\] where the CSV 構成 diagram places an
//! item, \[C\] for the printed wording; see `docs/readings.md`), formats and
//! the UPPLAN / UPJSK / UPHOSOKU items that carry each field.

use super::{MAX_COUNT, MAX_DAYS_BEFORE};
use crate::certification::Level;
use crate::codes::{CertificationStatus, Sex};
use crate::fields::{Format, Tables, csv, field_table};

/// The form key's one value for this form.
pub const FORM_CODE: &str = "kyotaku_usage";

/// The pattern of a サービスコード: 種類 (2) + 項目 (4), digits or capital letters.
pub const SERVICE_CODE_PATTERN: &str = "^[0-9A-Z]{6}$";

/// The pattern of a TAISコード or 福祉用具届出コード: up to 12 letters, digits
/// and hyphens (ASCII `-` or full-width `－`), a letter or digit first.
pub const EQUIPMENT_CODE_PATTERN: &str = "^[0-9A-Za-z][0-9A-Za-z\\-－]{0,11}$";

/// The document: `UsageDocument`.
pub mod document {
    use super::*;

    field_table! {
        /// `UsageDocument`.
        OBJECT = "UsageDocument", "第６表 サービス利用票";
        SCHEMA: "$schema", "スキーマ", O, Format::Any, "A schema reference for editors; ignored." => unlabelled();
        FORM: "form", "様式", O, Format::Code(&[FORM_CODE]), "Which form the document is: `kyotaku_usage` (required on its own; may be left out inside a case file)." => unlabelled();
        MONTH: "month", "対象年月", R, Format::YearMonth, "The month of service (printed 令和　年　月分)." => at("年月分"), csv(&[csv("UPPLAN", 5), csv("UPJSK", 5)]);
        CREATED_ON: "created_on", "作成年月日", R, Format::Date, "The day the sheet was made." => csv(&[csv("UPPLAN", 4), csv("UPJSK", 4)]);
        CERTIFICATION_STATUS: "certification_status", "認定済・申請中", O, Format::Code(CertificationStatus::CODES), "`certified` (認定済) or `applying` (申請中); required but for a 事業対象者 (who has no 認定)." => csv(&[csv("UPHOSOKU", 16)]);
        USER: "user", "被保険者", R, Format::Structure, "The user as the sheet's head shows them." => holds("UsageUserDoc");
        LEVEL: "level", "要介護状態区分", R, Format::Code(Level::CODES), "The level at the start of the month (with a change in the month, the level before it). 要介護 or 要支援 (the same form serves the 介護予防 plan); `business_target` with `limit_units` set by the 市町村." => csv(&[csv("UPHOSOKU", 18), csv("UPHOSOKU", 59)]);
        LEVEL_CHANGE: "level_change", "変更後要介護状態区分・変更日", O, Format::Structure, "A change of level within the month: the new level and the day it applies from (in the month)." => holds("LevelChangeDoc");
        LIMIT_UNITS: "limit_units", "区分支給限度基準額", O, Format::Integer(0, 9_999_999), "Units a month. Computed from the level (with a change, the heavier of the two levels) and the month's table; given, it must equal that figure. Required for a 事業対象者 (the 市町村 sets it)." => at("区分支給限度基準額（単位／月）"), csv(&[csv("UPHOSOKU", 19)]);
        LIMIT_PERIOD: "limit_period", "限度額適用期間", O, Format::Structure, "The months the limit applies, holding `month`; required when 認定済." => holds("MonthRangeDoc"), csv(&[csv("UPHOSOKU", 14), csv("UPHOSOKU", 15)]);
        SHORT_STAY_DAYS_BEFORE: "short_stay_days_before", "前月までの短期入所利用日数", O, Format::Integer(0, MAX_DAYS_BEFORE as i64), "Days of 短期入所 used in the certification period before this month." => csv(&[csv("UPPLAN", 9), csv("UPHOSOKU", 57)]);
        PLANNER: "planner", "居宅介護支援事業者", R, Format::Structure, "The 居宅介護支援事業所 and the care manager." => holds("UsagePlannerDoc");
        ROWS: "rows", "月間サービス計画及び実績の記録", R, Format::Structure, "The grid: one row per service, office and time band, with its 予定 and 実績 per day; at least one." => holds("UsageRowDoc");
    }
}

/// 被保険者: `UsageUserDoc`.
pub mod user {
    use super::*;

    field_table! {
        /// `UsageUserDoc`.
        OBJECT = "UsageUserDoc", "被保険者";
        INSURER_NUMBER: "insurer_number", "保険者番号", R, Format::InsurerNumber, "The insurer's six-digit number." => csv(&[csv("UPPLAN", 2), csv("UPJSK", 2)]);
        INSURER_NAME: "insurer_name", "保険者名", O, Format::Text, "The insurer's name (not in the CSV).";
        INSURED_NUMBER: "insured_number", "被保険者番号", R, Format::InsuredNumber, "Ten digits (生保単独: H and nine)." => csv(&[csv("UPPLAN", 3), csv("UPJSK", 3)]);
        NAME_KANA: "name_kana", "フリガナ", O, Format::Kana, "The name in katakana." => csv(&[csv("UPHOSOKU", 5)]);
        NAME: "name", "被保険者氏名", R, Format::Name, "The user's name." => csv(&[csv("UPHOSOKU", 6)]);
        BIRTH_DATE: "birth_date", "生年月日", R, Format::Date, "Before the month." => csv(&[csv("UPHOSOKU", 8)]);
        SEX: "sex", "性別", R, Format::Code(Sex::CODES), "`male` or `female`." => csv(&[csv("UPHOSOKU", 7)]);
    }
}

/// 変更後要介護状態区分・変更日: `LevelChangeDoc`.
pub mod level_change {
    use super::*;

    field_table! {
        /// `LevelChangeDoc`.
        OBJECT = "LevelChangeDoc", "要介護状態区分の変更";
        LEVEL: "level", "変更後要介護状態区分", R, Format::Code(Level::CODES), "The level after the change: not the level before it." => csv(&[csv("UPHOSOKU", 18)]);
        DATE: "date", "変更日", R, Format::Date, "The day the new level applies from: a day of the month, after its first." => csv(&[csv("UPHOSOKU", 17)]);
    }
}

/// 限度額適用期間: `MonthRangeDoc`.
pub mod month_range {
    use super::*;

    field_table! {
        /// `MonthRangeDoc`.
        OBJECT = "MonthRangeDoc", "限度額適用期間";
        START: "start", "限度額適用期間（開始）", R, Format::YearMonth, "`YYYY-MM` (printed 　年　月から)." => csv(&[csv("UPHOSOKU", 14)]);
        END: "end", "限度額適用期間（終了）", R, Format::YearMonth, "`YYYY-MM`, not before the start (printed 　年　月まで)." => csv(&[csv("UPHOSOKU", 15)]);
    }
}

/// 居宅介護支援事業者: `UsagePlannerDoc`.
pub mod planner {
    use super::*;

    field_table! {
        /// `UsagePlannerDoc`.
        OBJECT = "UsagePlannerDoc", "居宅介護支援事業者";
        OFFICE_NUMBER: "office_number", "居宅介護支援事業者番号", R, Format::OfficeNumber, "The office's ten-digit number." => csv(&[csv("UPPLAN", 6)]);
        OFFICE_NAME: "office_name", "居宅介護支援事業者事業所名", O, Format::Text, "The office's name (not in the CSV: a sheet read from one has none, and prints the line blank)." => at("事業所名");
        NAME: "name", "担当者名", R, Format::Text, "The care manager." => csv(&[csv("UPPLAN", 7)]);
        PHONE: "phone", "担当者（TEL）", O, Format::Phone, "The care manager's telephone number.";
    }
}

/// One row of the grid: `UsageRowDoc`.
pub mod row {
    use super::*;

    field_table! {
        /// `UsageRowDoc`.
        OBJECT = "UsageRowDoc", "サービス";
        START: "start", "提供時間帯（開始）", O, Format::Time, "`HH:MM`, with `end`; none for a service without a time (CSV 9999)." => csv(&[csv("UPPLAN", 12), csv("UPJSK", 12)]);
        END: "end", "提供時間帯（終了）", O, Format::Time, "`HH:MM`, after `start`." => csv(&[csv("UPPLAN", 13), csv("UPJSK", 13)]);
        SERVICE: "service", "サービス内容", O, Format::Text, "The service as the code table names it (サービス内容略称). Not in the CSV, which carries the code alone: when absent, the form prints the master's name of the code, or else its サービス種類.";
        CODE: "code", "サービスコード", R, Format::Pattern(SERVICE_CODE_PATTERN), "サービス種類 (2) + サービス項目 (4): digits or capital letters (`111211`, `11A011`, `A20001`)." => csv(&[csv("UPPLAN", 15), csv("UPJSK", 15)]);
        OFFICE_NUMBER: "office_number", "サービス事業者コード", R, Format::OfficeNumber, "The providing office's ten-digit number." => csv(&[csv("UPPLAN", 20), csv("UPJSK", 20)]);
        OFFICE_NAME: "office_name", "サービス事業者事業所名", O, Format::Text, "The providing office's name (optional in the CSV; when absent, the form prints the office's number)." => csv(&[csv("UPPLAN", 21), csv("UPJSK", 21)]);
        OVER_30_DAYS: "over_30_days", "30日超", O, Format::Bool, "短期入所 days beyond the 30th in a row (３０日超区分)." => csv(&[csv("UPPLAN", 23), csv("UPJSK", 23)]);
        TAIS_CODE: "tais_code", "TAISコード", O, Format::Pattern(EQUIPMENT_CODE_PATTERN), "福祉用具: the TAIS code of the product (`00001－000010`); for 福祉用具貸与 the standard wants this or `notified_code`." => csv(&[csv("UPPLAN", 16), csv("UPJSK", 16)]);
        NOTIFIED_CODE: "notified_code", "福祉用具届出コード", O, Format::Pattern(EQUIPMENT_CODE_PATTERN), "福祉用具: the code of a product without a TAIS code." => csv(&[csv("UPPLAN", 17), csv("UPJSK", 17)]);
        EQUIPMENT_NAME: "equipment_name", "用具名称（機種名）", O, Format::Text, "福祉用具: the product's name." => csv(&[csv("UPPLAN", 18), csv("UPJSK", 18)]);
        DETAIL_NUMBER: "detail_number", "明細判別コード", O, Format::Integer(1, 99), "1, 2, 3 … for rows of the same 福祉用具貸与 code and units that are different items (手すり 居室分 ⇒ 1, 廊下分 ⇒ 2)." => csv(&[csv("UPPLAN", 19), csv("UPJSK", 19)]);
        PLANNED: "planned", "予定", O, Format::Structure, "The days planned, each once, in day order, with the count on that day." => holds("DayCountDoc"), csv(&[csv("UPPLAN", 10), csv("UPPLAN", 14)]);
        ACTUAL: "actual", "実績", O, Format::Structure, "The days served, as `planned` (a row has at least one of the two)." => holds("DayCountDoc"), csv(&[csv("UPJSK", 10), csv("UPJSK", 14)]);
    }
}

/// One day of a row: `DayCountDoc`.
pub mod day_count {
    use super::*;

    field_table! {
        /// `DayCountDoc`.
        OBJECT = "DayCountDoc", "日付";
        DAY: "day", "日付", R, Format::Integer(1, 31), "The day of the month: one the month has." => csv(&[csv("UPPLAN", 10), csv("UPJSK", 10)]);
        COUNT: "count", "回数", O, Format::Integer(1, MAX_COUNT as i64), "How many times that day (1 when left out)." => csv(&[csv("UPPLAN", 14), csv("UPJSK", 14)]);
    }
}

/// Every object of the document, the root first.
pub const TABLES: Tables = Tables {
    root: "UsageDocument",
    objects: &OBJECTS,
};

/// The objects of [`TABLES`].
pub(crate) const OBJECTS: [&crate::fields::Object; 7] = [
    &document::OBJECT,
    &user::OBJECT,
    &level_change::OBJECT,
    &month_range::OBJECT,
    &planner::OBJECT,
    &row::OBJECT,
    &day_count::OBJECT,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tables_are_one_tree() {
        crate::fields::checks::one_tree(&TABLES);
    }
}
