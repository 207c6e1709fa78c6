//! Times of day, weekdays, months and periods as 第2表 and 第3表 use them.

use std::fmt;

use chrono::NaiveDate;

use crate::error::Rule;

/// The earliest date a document may hold: the forms print 和暦, which
/// starts with the Gregorian calendar in Japan on 1873-01-01
/// ([`crate::wareki::FIRST_DATE`]).
pub const EARLIEST_DATE: (i32, u32, u32) = crate::wareki::FIRST_DATE;

/// The latest date a document may hold.
pub const LATEST_DATE: (i32, u32, u32) = (2999, 12, 31);

/// A time of day on 第3表's axis, in minutes from 0:00 to 24:00 inclusive.
///
/// `24:00` exists so that a service can end at midnight. A service that
/// crosses midnight is written as two entries, one ending at `24:00` and one
/// starting at `00:00` (the paper form draws it that way too).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TimeOfDay(u16);

impl TimeOfDay {
    /// 0:00.
    pub const MIDNIGHT: TimeOfDay = TimeOfDay(0);
    /// 24:00, the end of the day.
    pub const END_OF_DAY: TimeOfDay = TimeOfDay(24 * 60);

    /// A time from minutes after 0:00 (0–1440).
    pub fn from_minutes(minutes: u16) -> Result<Self, Rule> {
        if minutes <= 24 * 60 {
            Ok(TimeOfDay(minutes))
        } else {
            Err(Rule::TimeFormat)
        }
    }

    /// A time from hours and minutes (`24:00` allowed, `24:01` not).
    pub fn from_hm(hours: u16, minutes: u16) -> Result<Self, Rule> {
        if minutes >= 60 {
            return Err(Rule::TimeFormat);
        }
        let total = hours
            .checked_mul(60)
            .and_then(|h| h.checked_add(minutes))
            .ok_or(Rule::TimeFormat)?;
        TimeOfDay::from_minutes(total)
    }

    /// Parses `HH:MM` (two-digit hours and minutes, `00:00`–`24:00`).
    pub fn parse(s: &str) -> Result<Self, Rule> {
        let b = s.as_bytes();
        let ok_shape = b.len() == 5
            && b.get(2) == Some(&b':')
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 2 || c.is_ascii_digit());
        if !ok_shape {
            return Err(Rule::TimeFormat);
        }
        let h: u16 = s
            .get(0..2)
            .and_then(|x| x.parse().ok())
            .ok_or(Rule::TimeFormat)?;
        let m: u16 = s
            .get(3..5)
            .and_then(|x| x.parse().ok())
            .ok_or(Rule::TimeFormat)?;
        TimeOfDay::from_hm(h, m)
    }

    /// Minutes after 0:00.
    pub fn minutes(self) -> u16 {
        self.0
    }

    /// The hour, 0–24.
    pub fn hour(self) -> u16 {
        self.0 / 60
    }

    /// The minute within the hour.
    pub fn minute(self) -> u16 {
        self.0 % 60
    }
}

impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour(), self.minute())
    }
}

/// A start and end time on one day, start strictly before end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TimeRange {
    start: TimeOfDay,
    end: TimeOfDay,
}

impl TimeRange {
    /// A range from `start` to `end`; [`Rule::TimeOrder`] unless `start < end`.
    pub fn new(start: TimeOfDay, end: TimeOfDay) -> Result<Self, Rule> {
        if start < end {
            Ok(TimeRange { start, end })
        } else {
            Err(Rule::TimeOrder)
        }
    }

    /// The start.
    pub fn start(self) -> TimeOfDay {
        self.start
    }

    /// The end.
    pub fn end(self) -> TimeOfDay {
        self.end
    }

    /// Whether the two ranges share some time (touching ends do not overlap).
    pub fn overlaps(self, other: TimeRange) -> bool {
        self.start < other.end && other.start < self.end
    }
}

crate::code_enum! {
    /// A day of the week, as 第3表's columns 月 火 水 木 金 土 日; CSV codes
    /// 1 (Monday) to 7 (Sunday), as UP3KYO writes them.
    pub enum Weekday {
        /// 月
        Mon = "mon", "月", csv "1";
        /// 火
        Tue = "tue", "火", csv "2";
        /// 水
        Wed = "wed", "水", csv "3";
        /// 木
        Thu = "thu", "木", csv "4";
        /// 金
        Fri = "fri", "金", csv "5";
        /// 土
        Sat = "sat", "土", csv "6";
        /// 日
        Sun = "sun", "日", csv "7";
    }
}

impl Weekday {
    /// 0 for Monday to 6 for Sunday.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The day of the week of a date (第6表's 曜日 row).
    pub fn of(date: NaiveDate) -> Weekday {
        use chrono::Datelike;
        match date.weekday() {
            chrono::Weekday::Mon => Weekday::Mon,
            chrono::Weekday::Tue => Weekday::Tue,
            chrono::Weekday::Wed => Weekday::Wed,
            chrono::Weekday::Thu => Weekday::Thu,
            chrono::Weekday::Fri => Weekday::Fri,
            chrono::Weekday::Sat => Weekday::Sat,
            chrono::Weekday::Sun => Weekday::Sun,
        }
    }
}

/// A non-empty set of weekdays.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Weekdays(u8);

impl Weekdays {
    /// The set of the given days; [`Rule::EmptyList`] if there are none.
    /// Days given twice count once.
    pub fn new(days: impl IntoIterator<Item = Weekday>) -> Result<Self, Rule> {
        let bits = days.into_iter().fold(0u8, |acc, d| acc | (1 << d.index()));
        if bits == 0 {
            Err(Rule::EmptyList)
        } else {
            Ok(Weekdays(bits))
        }
    }

    /// Whether the set holds `day`.
    pub fn contains(self, day: Weekday) -> bool {
        self.0 & (1 << day.index()) != 0
    }

    /// The days in the set, Monday first.
    pub fn iter(self) -> impl Iterator<Item = Weekday> {
        Weekday::ALL.into_iter().filter(move |d| self.contains(*d))
    }

    /// How many days the set holds (1–7).
    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// Always false: the set is never empty.
    pub fn is_empty(self) -> bool {
        false
    }
}

/// A calendar month, as in 第3表's 「令和　年　月分より」.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct YearMonth {
    year: i32,
    month: u32,
}

impl YearMonth {
    /// A month; [`Rule::YearMonthFormat`] unless the month is 1–12 and the
    /// year that of a date from [`EARLIEST_DATE`] to [`LATEST_DATE`] (1873–2999).
    pub fn new(year: i32, month: u32) -> Result<Self, Rule> {
        if (1..=12).contains(&month) && (EARLIEST_DATE.0..=LATEST_DATE.0).contains(&year) {
            Ok(YearMonth { year, month })
        } else {
            Err(Rule::YearMonthFormat)
        }
    }

    /// Parses `YYYY-MM`.
    pub fn parse(s: &str) -> Result<Self, Rule> {
        let b = s.as_bytes();
        let ok_shape = b.len() == 7
            && b.get(4) == Some(&b'-')
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || c.is_ascii_digit());
        if !ok_shape {
            return Err(Rule::YearMonthFormat);
        }
        let y = s
            .get(0..4)
            .and_then(|x| x.parse().ok())
            .ok_or(Rule::YearMonthFormat)?;
        let m = s
            .get(5..7)
            .and_then(|x| x.parse().ok())
            .ok_or(Rule::YearMonthFormat)?;
        YearMonth::new(y, m)
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(self) -> u32 {
        self.month
    }

    /// The first day of the month.
    pub fn first_day(self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, self.month, 1)
    }

    /// Day `day` of the month (none past its end).
    pub fn day(self, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, self.month, day)
    }

    /// The last day of the month.
    pub fn last_day(self) -> Option<NaiveDate> {
        (28..=31).rev().find_map(|d| self.day(d))
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// A closed date range with both ends, start ≤ end: 認定の有効期間.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DateRange {
    start: NaiveDate,
    end: NaiveDate,
}

impl DateRange {
    /// The range; [`Rule::PeriodOrder`] if `end` is before `start`.
    pub fn new(start: NaiveDate, end: NaiveDate) -> Result<Self, Rule> {
        if start <= end {
            Ok(DateRange { start, end })
        } else {
            Err(Rule::PeriodOrder)
        }
    }

    /// The first day.
    pub fn start(self) -> NaiveDate {
        self.start
    }

    /// The last day.
    pub fn end(self) -> NaiveDate {
        self.end
    }

    /// Whether `date` lies in the range (both ends included).
    pub fn contains(self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }
}

/// A goal or service period （期間）: a start and, normally, an end.
///
/// The 記載要領 allow the start alone when the end cannot be fixed
/// (「終了時期が特定できない場合等にあっては、開始時期のみ記載する」).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    start: NaiveDate,
    end: Option<NaiveDate>,
}

impl Period {
    /// The period; [`Rule::PeriodOrder`] if `end` is before `start`.
    pub fn new(start: NaiveDate, end: Option<NaiveDate>) -> Result<Self, Rule> {
        match end {
            Some(e) if e < start => Err(Rule::PeriodOrder),
            _ => Ok(Period { start, end }),
        }
    }

    /// The start.
    pub fn start(self) -> NaiveDate {
        self.start
    }

    /// The end, if one is set.
    pub fn end(self) -> Option<NaiveDate> {
        self.end
    }

    /// Whether this period lies within `outer`: it starts no earlier than
    /// `outer`, starts no later than `outer`'s end, and, when both have an
    /// end, ends no later. An open end inside a closed period is accepted:
    /// the 記載要領 allow the end to be left open.
    pub fn is_within(self, outer: Period) -> bool {
        if self.start < outer.start {
            return false;
        }
        match (self.end, outer.end) {
            (_, None) => true,
            (Some(e), Some(oe)) => e <= oe,
            (None, Some(oe)) => self.start <= oe,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn times_parse_and_print() {
        assert_eq!(TimeOfDay::parse("00:00").unwrap().minutes(), 0);
        assert_eq!(TimeOfDay::parse("09:30").unwrap().minutes(), 570);
        assert_eq!(TimeOfDay::parse("24:00").unwrap(), TimeOfDay::END_OF_DAY);
        for bad in [
            "24:01",
            "25:00",
            "9:30",
            "09:60",
            "0930",
            "09:3",
            "ab:cd",
            "",
            "０９:３０",
            "+9:30",
        ] {
            assert_eq!(TimeOfDay::parse(bad), Err(Rule::TimeFormat), "{bad}");
        }
        assert_eq!(TimeOfDay::parse("07:05").unwrap().to_string(), "07:05");
        assert_eq!(TimeOfDay::from_minutes(1441), Err(Rule::TimeFormat));
    }

    #[test]
    fn time_ranges_need_start_before_end() {
        let t = |s| TimeOfDay::parse(s).unwrap();
        assert!(TimeRange::new(t("22:00"), t("24:00")).is_ok());
        assert_eq!(TimeRange::new(t("10:00"), t("10:00")), Err(Rule::TimeOrder));
        assert_eq!(TimeRange::new(t("23:00"), t("01:00")), Err(Rule::TimeOrder));
        let a = TimeRange::new(t("09:00"), t("12:00")).unwrap();
        let b = TimeRange::new(t("11:00"), t("13:00")).unwrap();
        let c = TimeRange::new(t("12:00"), t("13:00")).unwrap();
        assert!(a.overlaps(b));
        assert!(!a.overlaps(c));
    }

    #[test]
    fn weekdays_are_a_non_empty_ordered_set() {
        assert_eq!(Weekdays::new([]), Err(Rule::EmptyList));
        let w = Weekdays::new([Weekday::Fri, Weekday::Mon, Weekday::Mon]).unwrap();
        assert_eq!(
            w.iter().collect::<Vec<_>>(),
            vec![Weekday::Mon, Weekday::Fri]
        );
        assert_eq!(w.len(), 2);
        for d in Weekday::ALL {
            assert_eq!(Weekday::from_code(d.code()), Some(d));
        }
    }

    #[test]
    fn year_months() {
        let ym = YearMonth::parse("2025-04").unwrap();
        assert_eq!((ym.year(), ym.month()), (2025, 4));
        assert_eq!(ym.to_string(), "2025-04");
        for bad in [
            "2025-4", "2025-13", "2025-00", "25-04", "2025/04", "1800-01",
        ] {
            assert_eq!(YearMonth::parse(bad), Err(Rule::YearMonthFormat), "{bad}");
        }
    }

    #[test]
    fn periods_and_containment() {
        assert_eq!(
            DateRange::new(d(2025, 4, 2), d(2025, 4, 1)),
            Err(Rule::PeriodOrder)
        );
        assert_eq!(
            Period::new(d(2025, 4, 2), Some(d(2025, 4, 1))),
            Err(Rule::PeriodOrder)
        );
        let long = Period::new(d(2025, 4, 1), Some(d(2025, 9, 30))).unwrap();
        let short = Period::new(d(2025, 4, 1), Some(d(2025, 6, 30))).unwrap();
        assert!(short.is_within(long));
        assert!(!long.is_within(short));
        let open = Period::new(d(2025, 5, 1), None).unwrap();
        assert!(open.is_within(long));
        assert!(!Period::new(d(2025, 10, 1), None).unwrap().is_within(long));
        assert!(long.is_within(Period::new(d(2025, 1, 1), None).unwrap()));
        assert!(!Period::new(d(2025, 3, 31), None).unwrap().is_within(long));
    }
}
