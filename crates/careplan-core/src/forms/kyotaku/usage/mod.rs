//! 第6表 サービス利用票（兼居宅（介護予防）サービス計画）: one user's month
//! of services — the head (対象年月, the user, 要介護状態区分 and a change in
//! the month, 区分支給限度基準額 and its 適用期間, 前月までの短期入所利用日数,
//! the 居宅介護支援事業者) and the grid of services with their 予定 and 実績
//! per day — as a typed document that keeps every rule of the form. A
//! document names itself with `"form": "kyotaku_usage"`.
//!
//! The 区分支給限度基準額 is computed, never typed in (as the checklist's
//! counts are): from the level — with a change in the month, the heavier of
//! the two — and the table in force for the month
//! ([`crate::units::limit_units`]). A document may write it, and is refused
//! when it differs; a 事業対象者's is the 市町村's to set, so it must.
//!
//! 第7表's units and money are computed from this sheet, a サービスコード
//! master and options by [`table7`]; the CSV records (UPPLAN / UPJSK) follow
//! (#13). It is one of [`crate::Document`]'s forms.
//!
//! ```
//! use careplan_core::forms::kyotaku::usage::Usage;
//!
//! let json = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/usage/case-a-2016-01.json"))?;
//! let usage = Usage::from_json(&json)?;
//! assert_eq!(usage.parts().month.to_string(), "2016-01");
//! // 要介護２ in 2016: the table before 令和元年10月.
//! assert_eq!(usage.limit_units().get(), 19_616);
//! assert_eq!(usage.weekday(1).map(|w| w.label_ja()), Some("金")); // 2016-01-01
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod fields;
pub mod table7;
mod texts;
mod validate;
pub mod wire;

pub use validate::equipment_code;

use chrono::{Datelike, NaiveDate};

use crate::certification::Level;
use crate::codes::{CertificationStatus, Sex};
use crate::error::Error;
use crate::path::FieldPath;
use crate::service_codes::ServiceCode;
use crate::text::{InsuredNumber, InsurerNumber, Kana, OfficeNumber, PhoneNumber, Text};
use crate::time::{TimeRange, Weekday, YearMonth};
use crate::units::Units;

/// The most times a service can be counted on one day (UPPLAN No.14 has two digits).
pub const MAX_COUNT: u8 = 99;

/// The most 前月までの短期入所利用日数 (UPPLAN No.9 has five digits).
pub const MAX_DAYS_BEFORE: u32 = 99_999;

/// The user as the sheet's head shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageUser {
    /// 保険者番号.
    pub insurer_number: InsurerNumber,
    /// 保険者名.
    pub insurer_name: Option<Text>,
    /// 被保険者番号.
    pub insured_number: InsuredNumber,
    /// フリガナ.
    pub name_kana: Option<Kana>,
    /// 被保険者氏名.
    pub name: Text,
    /// 生年月日, before the month.
    pub birth_date: NaiveDate,
    /// 性別.
    pub sex: Sex,
}

/// A change of 要介護状態区分 within the month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LevelChange {
    /// 変更後要介護状態区分: not the level before.
    pub level: Level,
    /// 変更日: a day of the month after its first.
    pub date: NaiveDate,
}

/// 限度額適用期間: first and last month, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthRange {
    /// 　年　月から.
    pub start: YearMonth,
    /// 　年　月まで.
    pub end: YearMonth,
}

impl MonthRange {
    /// Whether `month` is in the range.
    pub fn contains(self, month: YearMonth) -> bool {
        self.start <= month && month <= self.end
    }
}

/// The 居宅介護支援事業者 and the care manager.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsagePlanner {
    /// 居宅介護支援事業者番号.
    pub office_number: OfficeNumber,
    /// 事業所名: not in the CSV (UPPLAN carries the office's number alone),
    /// so a sheet read from one has none; printed blank when absent.
    pub office_name: Option<Text>,
    /// 担当者名.
    pub name: Text,
    /// 担当者の電話番号.
    pub phone: Option<PhoneNumber>,
}

/// One day of a row: the day and how many times.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayCount {
    /// The day of the month: one the month has.
    pub day: u8,
    /// 1 to [`MAX_COUNT`].
    pub count: u8,
}

/// One row of the grid: a service from one office in one time band.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageRow {
    /// 提供時間帯; none for a service without a time.
    pub time: Option<TimeRange>,
    /// サービス内容: the code's name in the code table. Not in the CSV
    /// (UPPLAN carries the サービスコード alone), so a sheet read from one has
    /// none; printed from the master when there is one, else as the code's
    /// サービス種類.
    pub service: Option<Text>,
    /// サービスコード.
    pub code: ServiceCode,
    /// サービス事業者コード.
    pub office_number: OfficeNumber,
    /// サービス事業者事業所名 (optional in the CSV, UPPLAN No.21).
    pub office_name: Option<Text>,
    /// 30日超 (３０日超区分).
    pub over_30_days: bool,
    /// 福祉用具: TAISコード (UPPLAN No.16), e.g. `00001－000010`.
    pub tais_code: Option<Text>,
    /// 福祉用具: 福祉用具届出コード, for a product without a TAIS code (No.17).
    pub notified_code: Option<Text>,
    /// 福祉用具: 用具名称（機種名） (No.18).
    pub equipment_name: Option<Text>,
    /// 明細判別コード (No.19): 1, 2, 3 … telling apart rows of the same
    /// 福祉用具貸与 code and units for different items.
    pub detail_number: Option<u8>,
    /// 予定: days in order, each once.
    pub planned: Vec<DayCount>,
    /// 実績: days in order, each once. A row has 予定 or 実績 or both.
    pub actual: Vec<DayCount>,
}

impl UsageRow {
    /// One grid row of the document form, checked as a row of a 第6表 of
    /// `month` placed at `at` (`rows[3]`), every violation with its path:
    /// for rows that travel without their sheet (a provider's 実績).
    pub fn from_document(
        doc: &wire::UsageRowDoc,
        month: YearMonth,
        at: &FieldPath,
    ) -> Result<UsageRow, Error> {
        validate::row(doc, month, at)
    }

    /// The row's document form, as it stands in a 第6表's `rows`.
    pub fn to_document(&self) -> wire::UsageRowDoc {
        validate::row_document(self)
    }

    /// 合計回数 of the 予定 line.
    pub fn planned_total(&self) -> u32 {
        self.planned.iter().map(|d| u32::from(d.count)).sum()
    }

    /// 合計回数 of the 実績 line.
    pub fn actual_total(&self) -> u32 {
        self.actual.iter().map(|d| u32::from(d.count)).sum()
    }
}

/// One day of one row where 予定 and 実績 differ (予実の差).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayDifference {
    /// The row's index in the grid.
    pub row: usize,
    /// The day of the month.
    pub day: u8,
    /// The count planned that day (0: none).
    pub planned: u8,
    /// The count served that day (0: none).
    pub actual: u8,
}

impl DayDifference {
    /// Served with nothing planned (実績のみ).
    pub fn is_unplanned(&self) -> bool {
        self.planned == 0
    }

    /// Planned and not served (予定のみ).
    pub fn is_not_served(&self) -> bool {
        self.actual == 0
    }
}

/// The parts of a 第6表, before they are checked together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsageParts {
    /// 対象年月.
    pub month: YearMonth,
    /// 作成年月日.
    pub created_on: NaiveDate,
    /// 認定済・申請中; none for a 事業対象者 only.
    pub certification_status: Option<CertificationStatus>,
    /// The user.
    pub user: UsageUser,
    /// 要介護状態区分 at the start of the month.
    pub level: Level,
    /// A change of level within the month.
    pub level_change: Option<LevelChange>,
    /// 区分支給限度基準額 as written: for a 事業対象者 the 市町村's figure
    /// (required); otherwise, when given, the computed one.
    pub limit_units: Option<Units>,
    /// 限度額適用期間, holding the month; required when 認定済.
    pub limit_period: Option<MonthRange>,
    /// 前月までの短期入所利用日数.
    pub short_stay_days_before: Option<u32>,
    /// The 居宅介護支援事業者.
    pub planner: UsagePlanner,
    /// The grid's rows, at least one.
    pub rows: Vec<UsageRow>,
}

/// A 第6表 that keeps every rule of the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Usage {
    parts: UsageParts,
    limit: Units,
}

impl Usage {
    /// Puts the parts together, checking every rule; all violations reported.
    pub fn new(parts: UsageParts) -> Result<Usage, Error> {
        validate::build(&validate::document(&parts))
    }

    /// Checks a document form.
    pub fn from_document(doc: &wire::UsageDocument) -> Result<Usage, Error> {
        validate::build(doc)
    }

    /// Checks a document form held by a case file, whose `form` may be
    /// left out.
    pub(crate) fn from_nested(doc: &wire::UsageDocument) -> Result<Usage, Error> {
        validate::build_as(doc, true)
    }

    /// Parses and checks the JSON form; every violation with its path.
    pub fn from_json(json: &str) -> Result<Usage, Error> {
        validate::build(&wire::UsageDocument::from_json(json)?)
    }

    /// The parts.
    pub fn parts(&self) -> &UsageParts {
        &self.parts
    }

    /// The parts, to change and put together again.
    pub fn into_parts(self) -> UsageParts {
        self.parts
    }

    /// The 区分支給限度基準額 that applies to the month.
    pub fn limit_units(&self) -> Units {
        self.limit
    }

    /// The level whose limit applies: with a change in the month, the
    /// heavier of the two (`docs/readings.md`).
    pub fn limit_level(&self) -> Level {
        applied_level(self.parts.level, self.parts.level_change)
    }

    /// How many days the month has.
    pub fn days_in_month(&self) -> u8 {
        days_in_month(self.parts.month)
    }

    /// The 曜日 of a day of the month, printed under the 日付 row.
    pub fn weekday(&self, day: u8) -> Option<Weekday> {
        Some(Weekday::of(self.parts.month.day(u32::from(day))?))
    }

    /// 予定 against 実績: every day of every row where the counts differ,
    /// in row and day order. Rows with no 実績 at all (not yet reported)
    /// are left out unless `all_rows`.
    pub fn differences(&self, all_rows: bool) -> Vec<DayDifference> {
        let mut out = Vec::new();
        for (i, r) in self.parts.rows.iter().enumerate() {
            if r.actual.is_empty() && !all_rows {
                continue;
            }
            let count = |list: &[DayCount], day: u8| {
                list.iter().find(|d| d.day == day).map_or(0, |d| d.count)
            };
            let mut days: Vec<u8> = r.planned.iter().chain(&r.actual).map(|d| d.day).collect();
            days.sort_unstable();
            days.dedup();
            for day in days {
                let (planned, actual) = (count(&r.planned, day), count(&r.actual, day));
                if planned != actual {
                    out.push(DayDifference {
                        row: i,
                        day,
                        planned,
                        actual,
                    });
                }
            }
        }
        out
    }

    /// The document form (`form` written, the limit as computed).
    pub fn to_document(&self) -> wire::UsageDocument {
        validate::document(&self.parts)
    }

    /// Every printed text with the path of its field, in the order of the form.
    pub fn texts(&self) -> Vec<(FieldPath, &str)> {
        texts::texts(self)
    }
}

/// The heavier of a level and the one it changed to (要支援 below 要介護,
/// and within each by number; 事業対象者 lightest).
pub(crate) fn applied_level(level: Level, change: Option<LevelChange>) -> Level {
    match change {
        Some(c) if rank(c.level) > rank(level) => c.level,
        _ => level,
    }
}

fn rank(level: Level) -> u8 {
    match level {
        Level::BusinessTarget => 0,
        Level::Support1 => 1,
        Level::Support2 => 2,
        Level::Care1 => 3,
        Level::Care2 => 4,
        Level::Care3 => 5,
        Level::Care4 => 6,
        Level::Care5 => 7,
    }
}

/// How many days `month` has.
pub(crate) fn days_in_month(month: YearMonth) -> u8 {
    month
        .last_day()
        .and_then(|d| u8::try_from(d.day()).ok())
        .unwrap_or(28)
}

crate::document::json_form!(Usage);

impl<'de> serde::Deserialize<'de> for Usage {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let doc = wire::UsageDocument::deserialize(deserializer)?;
        validate::build(&doc).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fixtures between them fill every printed field: the walk over
    /// their texts is exactly the tables' printed-text fields.
    #[test]
    fn the_walk_is_exactly_the_printed_text_fields() {
        let docs: Vec<Usage> = crate::fields::checks::fixture_texts("usage")
            .iter()
            .map(|t| Usage::from_json(t).unwrap())
            .collect();
        assert!(!docs.is_empty());
        crate::fields::checks::walk_is_printed_text(
            &fields::TABLES,
            docs.iter().flat_map(|d| d.texts()),
        );
    }

    #[test]
    fn days_and_weekdays_follow_the_calendar() {
        let m = |y, mo| YearMonth::new(y, mo).unwrap();
        assert_eq!(days_in_month(m(2024, 2)), 29);
        assert_eq!(days_in_month(m(2025, 2)), 28);
        assert_eq!(days_in_month(m(2025, 4)), 30);
        assert_eq!(days_in_month(m(2025, 12)), 31);
    }

    #[test]
    fn the_heavier_level_applies_after_a_change() {
        let d = NaiveDate::from_ymd_opt(2025, 4, 15).unwrap();
        let up = LevelChange {
            level: Level::Care3,
            date: d,
        };
        let down = LevelChange {
            level: Level::Care1,
            date: d,
        };
        assert_eq!(applied_level(Level::Care2, Some(up)), Level::Care3);
        assert_eq!(applied_level(Level::Care2, Some(down)), Level::Care2);
        assert_eq!(
            applied_level(
                Level::Support2,
                Some(LevelChange {
                    level: Level::Care1,
                    date: d
                })
            ),
            Level::Care1
        );
        assert_eq!(applied_level(Level::Care2, None), Level::Care2);
    }
}
