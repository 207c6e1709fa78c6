//! 和暦: dates as the forms print them (令和7年4月1日, 令和元年5月1日), and
//! parsing of 和暦 and ISO input.
//!
//! The era table is exact to the day: 明治 (for dates from 1873-01-01, when
//! Japan took the Gregorian calendar), 大正 from 1912-07-30, 昭和 from
//! 1926-12-25, 平成 from 1989-01-08 and 令和 from 2019-05-01. The first year
//! of an era is printed 「元年」.
//!
//! ```
//! use careplan_core::wareki::{format_date, parse_date};
//! use chrono::NaiveDate;
//!
//! let d = NaiveDate::from_ymd_opt(2019, 5, 1).unwrap();
//! assert_eq!(format_date(d).unwrap(), "令和元年5月1日");
//! assert_eq!(parse_date("H27.9.10").unwrap(), NaiveDate::from_ymd_opt(2015, 9, 10).unwrap());
//! assert_eq!(parse_date("平成27年12月3日").unwrap(), NaiveDate::from_ymd_opt(2015, 12, 3).unwrap());
//! ```

use std::fmt;

use chrono::{Datelike, NaiveDate};

/// A Japanese era (元号) from 明治 on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Era {
    /// 明治 (dates from 1873-01-01 only: Japan's Gregorian calendar starts then).
    Meiji,
    /// 大正, from 1912-07-30.
    Taisho,
    /// 昭和, from 1926-12-25.
    Showa,
    /// 平成, from 1989-01-08.
    Heisei,
    /// 令和, from 2019-05-01.
    Reiwa,
}

/// The first date this module can express: 明治6年1月1日, the day Japan
/// adopted the Gregorian calendar.
pub const FIRST_DATE: (i32, u32, u32) = (1873, 1, 1);

impl Era {
    /// Every era, oldest first.
    pub const ALL: [Era; 5] = [Era::Meiji, Era::Taisho, Era::Showa, Era::Heisei, Era::Reiwa];

    /// The era's name as printed (`令和`).
    pub fn name(self) -> &'static str {
        match self {
            Era::Meiji => "明治",
            Era::Taisho => "大正",
            Era::Showa => "昭和",
            Era::Heisei => "平成",
            Era::Reiwa => "令和",
        }
    }

    /// The era's Latin initial as used in short forms (`R7.4.1`).
    pub fn initial(self) -> char {
        match self {
            Era::Meiji => 'M',
            Era::Taisho => 'T',
            Era::Showa => 'S',
            Era::Heisei => 'H',
            Era::Reiwa => 'R',
        }
    }

    /// The Gregorian (year, month, day) of the era's first day. For 明治 this
    /// is the era's nominal start, 1868-01-25; only dates from 1873-01-01 are
    /// accepted.
    pub fn start_ymd(self) -> (i32, u32, u32) {
        match self {
            Era::Meiji => (1868, 1, 25),
            Era::Taisho => (1912, 7, 30),
            Era::Showa => (1926, 12, 25),
            Era::Heisei => (1989, 1, 8),
            Era::Reiwa => (2019, 5, 1),
        }
    }

    fn start(self) -> NaiveDate {
        let (y, m, d) = self.start_ymd();
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_else(|| {
            debug_assert!(false, "an era's first day is a date: {y}-{m}-{d}");
            NaiveDate::MIN
        })
    }

    /// The era that follows this one, if any.
    pub fn next(self) -> Option<Era> {
        match self {
            Era::Meiji => Some(Era::Taisho),
            Era::Taisho => Some(Era::Showa),
            Era::Showa => Some(Era::Heisei),
            Era::Heisei => Some(Era::Reiwa),
            Era::Reiwa => None,
        }
    }

    /// The era of an era name (`令和`) or initial (`R`, `r`).
    pub fn from_name(s: &str) -> Option<Era> {
        Era::ALL
            .into_iter()
            .find(|e| e.name() == s || s.eq_ignore_ascii_case(e.initial().encode_utf8(&mut [0; 4])))
    }

    /// The era a date falls in, or `None` before 1873-01-01.
    pub fn of(date: NaiveDate) -> Option<Era> {
        if date < first_date() {
            return None;
        }
        Era::ALL.into_iter().rev().find(|e| date >= e.start())
    }

    /// The Gregorian year of this era's year `n` (1 = 元年).
    pub fn gregorian_year(self, n: u32) -> Option<i32> {
        let n = i32::try_from(n).ok()?;
        self.start_ymd().0.checked_add(n)?.checked_sub(1)
    }
}

impl fmt::Display for Era {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

fn first_date() -> NaiveDate {
    let (y, m, d) = FIRST_DATE;
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_else(|| {
        debug_assert!(false, "FIRST_DATE is a date");
        NaiveDate::MIN
    })
}

/// A date in the Japanese era calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct WarekiDate {
    era: Era,
    year: u32,
    month: u32,
    day: u32,
}

impl WarekiDate {
    /// The 和暦 form of a Gregorian date.
    pub fn from_gregorian(date: NaiveDate) -> Result<Self, WarekiError> {
        let era = Era::of(date).ok_or(WarekiError::BeforeGregorian(date))?;
        let year = date.year() - era.start_ymd().0 + 1;
        let year = u32::try_from(year).map_err(|_| WarekiError::BeforeGregorian(date))?;
        Ok(WarekiDate {
            era,
            year,
            month: date.month(),
            day: date.day(),
        })
    }

    /// The Gregorian date of an era date; fails if the date does not exist or
    /// lies outside the era (平成31年5月1日 is 令和元年5月1日).
    pub fn new(era: Era, year: u32, month: u32, day: u32) -> Result<Self, WarekiError> {
        let gy = era.gregorian_year(year).ok_or(WarekiError::NoSuchDate {
            era,
            year,
            month,
            day,
        })?;
        let date = NaiveDate::from_ymd_opt(gy, month, day).ok_or(WarekiError::NoSuchDate {
            era,
            year,
            month,
            day,
        })?;
        match Era::of(date) {
            Some(actual) if actual == era && year >= 1 => Ok(WarekiDate {
                era,
                year,
                month,
                day,
            }),
            Some(_) => Err(WarekiError::OutsideEra {
                era,
                year,
                month,
                day,
                gregorian: date,
            }),
            None => Err(WarekiError::BeforeGregorian(date)),
        }
    }

    /// The era.
    pub fn era(&self) -> Era {
        self.era
    }

    /// The year of the era (1 = 元年).
    pub fn year(&self) -> u32 {
        self.year
    }

    /// The month, 1–12.
    pub fn month(&self) -> u32 {
        self.month
    }

    /// The day of the month.
    pub fn day(&self) -> u32 {
        self.day
    }

    /// The Gregorian date.
    pub fn to_gregorian(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.era.gregorian_year(self.year)?, self.month, self.day)
    }

    /// The year as printed: `元` for 1, else the number.
    pub fn year_text(&self) -> String {
        year_text(self.year)
    }
}

fn year_text(year: u32) -> String {
    if year == 1 {
        "元".to_owned()
    } else {
        year.to_string()
    }
}

impl fmt::Display for WarekiDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}{}年{}月{}日",
            self.era.name(),
            year_text(self.year),
            self.month,
            self.day
        )
    }
}

/// Why a 和暦 conversion or parse failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WarekiError {
    /// The date is before 1873-01-01, when Japan adopted the Gregorian calendar.
    #[error("{0} is before 1873-01-01 (明治6年1月1日), when Japan adopted the Gregorian calendar")]
    BeforeGregorian(NaiveDate),
    /// The era date does not exist (such as 令和7年2月30日).
    #[error("{era}{year}年{month}月{day}日 does not exist")]
    NoSuchDate {
        /// The era written.
        era: Era,
        /// The era year written.
        year: u32,
        /// The month written.
        month: u32,
        /// The day written.
        day: u32,
    },
    /// The date exists but lies outside the era written (平成31年5月1日).
    #[error(
        "{era}{year}年{month}月{day}日 is outside {era}: the date {gregorian} belongs to another era"
    )]
    OutsideEra {
        /// The era written.
        era: Era,
        /// The era year written.
        year: u32,
        /// The month written.
        month: u32,
        /// The day written.
        day: u32,
        /// The Gregorian date the input names.
        gregorian: NaiveDate,
    },
    /// The text is not a date in any accepted form.
    #[error(
        "{0:?} is not a date (accepted: 令和7年4月1日, R7.4.1, 2025-04-01, 2025/4/1, 20250401)"
    )]
    Unrecognised(String),
}

/// Formats a date as the forms print it: `令和7年4月1日`, `令和元年5月1日`.
pub fn format_date(date: NaiveDate) -> Result<String, WarekiError> {
    Ok(WarekiDate::from_gregorian(date)?.to_string())
}

/// Formats a month as the forms print it, by the era of its first day:
/// `令和7年4月`, `平成31年4月`.
pub fn format_year_month(year: i32, month: u32) -> Result<String, WarekiError> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)
        .ok_or_else(|| WarekiError::Unrecognised(format!("{year}-{month:02}")))?;
    let w = WarekiDate::from_gregorian(first)?;
    Ok(format!("{}{}年{}月", w.era.name(), w.year_text(), w.month))
}

/// Full-width digits to ASCII, and white space (ASCII and U+3000) removed.
fn normalise(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '０'..='９' => {
                char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or_else(|| {
                    debug_assert!(false, "a full-width digit has an ASCII one");
                    c
                })
            }
            '．' => '.',
            '／' => '/',
            '－' | '‐' | '−' => '-',
            _ => c,
        })
        .collect()
}

/// Splits `s` at the first character that is not an ASCII digit.
fn take_number(s: &str) -> Option<(u32, &str)> {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    if end == 0 || end > 9 {
        return None;
    }
    let (digits, rest) = s.split_at(end);
    Some((digits.parse().ok()?, rest))
}

/// An era year: digits or 元.
fn take_era_year(s: &str) -> Option<(u32, &str)> {
    match s.strip_prefix('元') {
        Some(rest) => Some((1, rest)),
        None => take_number(s),
    }
}

fn take_era(s: &str) -> Option<(Era, &str)> {
    for era in Era::ALL {
        if let Some(rest) = s.strip_prefix(era.name()) {
            return Some((era, rest));
        }
    }
    let mut chars = s.chars();
    let first = chars.next()?;
    let era = Era::ALL
        .into_iter()
        .find(|e| e.initial().eq_ignore_ascii_case(&first))?;
    Some((era, chars.as_str()))
}

/// Parses a date written in any of the forms care software meets:
///
/// - 和暦 with kanji: `令和7年4月1日`, `令和元年5月1日`, `平成 27年 12月 3日`
///   (full-width digits and spaces allowed);
/// - 和暦 short forms: `R7.4.1`, `H27.9.10`, `R1/5/1`, `R元.5.1`;
/// - Gregorian: `2025-04-01`, `2025/4/1`, `2025年4月1日`, `20250401`.
///
/// An era date outside its era (平成31年5月1日) is an error, not silently moved.
pub fn parse_date(input: &str) -> Result<NaiveDate, WarekiError> {
    let s = normalise(input);
    let unrecognised = || WarekiError::Unrecognised(input.to_owned());
    if let Some((era, rest)) = take_era(&s) {
        let (year, rest) = take_era_year(rest).ok_or_else(unrecognised)?;
        let (month, day) = if let Some(rest) = rest.strip_prefix('年') {
            let (month, rest) = take_number(rest).ok_or_else(unrecognised)?;
            let rest = rest.strip_prefix('月').ok_or_else(unrecognised)?;
            let (day, rest) = take_number(rest).ok_or_else(unrecognised)?;
            if rest != "日" {
                return Err(unrecognised());
            }
            (month, day)
        } else {
            let sep = rest.chars().next().filter(|c| matches!(c, '.' | '/' | '-'));
            let sep = sep.ok_or_else(unrecognised)?;
            let after_sep = rest.get(sep.len_utf8()..).ok_or_else(unrecognised)?;
            let (month, rest) = take_number(after_sep).ok_or_else(unrecognised)?;
            let rest = rest.strip_prefix(sep).ok_or_else(unrecognised)?;
            let (day, rest) = take_number(rest).ok_or_else(unrecognised)?;
            if !rest.is_empty() {
                return Err(unrecognised());
            }
            (month, day)
        };
        let w = WarekiDate::new(era, year, month, day)?;
        return w.to_gregorian().ok_or_else(unrecognised);
    }
    parse_gregorian(&s).ok_or_else(unrecognised)
}

fn parse_gregorian(s: &str) -> Option<NaiveDate> {
    if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        let y = s.get(0..4)?.parse().ok()?;
        let m = s.get(4..6)?.parse().ok()?;
        let d = s.get(6..8)?.parse().ok()?;
        return NaiveDate::from_ymd_opt(y, m, d);
    }
    let (year, rest) = take_number(s)?;
    if !(1000..=9999).contains(&year) {
        return None;
    }
    let (sep_month, sep_day, end) = match rest.chars().next()? {
        '-' => ("-", "-", ""),
        '/' => ("/", "/", ""),
        '年' => ("年", "月", "日"),
        _ => return None,
    };
    let rest = rest.strip_prefix(sep_month)?;
    let (month, rest) = take_number(rest)?;
    let rest = rest.strip_prefix(sep_day)?;
    let (day, rest) = take_number(rest)?;
    if rest != end {
        return None;
    }
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}

/// Parses an era year such as `令和元年`, `平成27年`, `R7` or `H27` and gives
/// its Gregorian year. The year must exist within the era's span.
pub fn parse_era_year(input: &str) -> Result<i32, WarekiError> {
    let s = normalise(input);
    let unrecognised = || WarekiError::Unrecognised(input.to_owned());
    let (era, rest) = take_era(&s).ok_or_else(unrecognised)?;
    let (year, rest) = take_era_year(rest).ok_or_else(unrecognised)?;
    if !(rest.is_empty() || rest == "年") || year == 0 {
        return Err(unrecognised());
    }
    let gy = era.gregorian_year(year).ok_or_else(unrecognised)?;
    // The year must overlap the era: its last day must not be before the era
    // starts, and its first day must be before the next era starts.
    let last = NaiveDate::from_ymd_opt(gy, 12, 31).ok_or_else(unrecognised)?;
    let first = NaiveDate::from_ymd_opt(gy, 1, 1).ok_or_else(unrecognised)?;
    let ends_before_next = era.next().is_none_or(|n| first < n.start());
    if last >= era.start() && ends_before_next && last >= first_date() {
        Ok(gy)
    } else {
        Err(WarekiError::OutsideEra {
            era,
            year,
            month: 1,
            day: 1,
            gregorian: first,
        })
    }
}

/// Age in completed years on a date, as the forms print it （75歳）: the age
/// goes up on the birthday (for a 29 February birthday, on 1 March in other
/// years, as 年齢計算ニ関スル法律 gives). `None` if `on` is before `birth`.
pub fn age_on(birth: NaiveDate, on: NaiveDate) -> Option<u32> {
    if on < birth {
        return None;
    }
    let mut age = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        age -= 1;
    }
    u32::try_from(age).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn era_boundaries_format_exactly() {
        let cases = [
            (d(1873, 1, 1), "明治6年1月1日"),
            (d(1912, 7, 29), "明治45年7月29日"),
            (d(1912, 7, 30), "大正元年7月30日"),
            (d(1926, 12, 24), "大正15年12月24日"),
            (d(1926, 12, 25), "昭和元年12月25日"),
            (d(1927, 1, 1), "昭和2年1月1日"),
            (d(1989, 1, 7), "昭和64年1月7日"),
            (d(1989, 1, 8), "平成元年1月8日"),
            (d(2019, 4, 30), "平成31年4月30日"),
            (d(2019, 5, 1), "令和元年5月1日"),
            (d(2025, 4, 1), "令和7年4月1日"),
            (d(2015, 12, 3), "平成27年12月3日"),
        ];
        for (date, text) in cases {
            assert_eq!(format_date(date).unwrap(), text, "{date}");
            assert_eq!(parse_date(text).unwrap(), date, "{text}");
        }
    }

    #[test]
    fn before_gregorian_is_an_error() {
        assert!(matches!(
            format_date(d(1872, 12, 31)),
            Err(WarekiError::BeforeGregorian(_))
        ));
        assert!(parse_date("明治5年12月31日").is_err());
    }

    #[test]
    fn dates_outside_their_era_are_refused() {
        for s in [
            "平成31年5月1日",
            "令和元年4月30日",
            "昭和64年1月8日",
            "平成元年1月7日",
            "大正15年12月25日",
            "昭和元年12月24日",
            "大正元年7月29日",
            "令和0年5月1日",
        ] {
            let e = parse_date(s).unwrap_err();
            assert!(matches!(e, WarekiError::OutsideEra { .. }), "{s}: {e:?}");
        }
    }

    #[test]
    fn short_and_gregorian_forms_parse() {
        assert_eq!(parse_date("R7.4.1").unwrap(), d(2025, 4, 1));
        assert_eq!(parse_date("H27.9.10").unwrap(), d(2015, 9, 10));
        assert_eq!(parse_date("h27/9/10").unwrap(), d(2015, 9, 10));
        assert_eq!(parse_date("R元.5.1").unwrap(), d(2019, 5, 1));
        assert_eq!(parse_date("S1.12.25").unwrap(), d(1926, 12, 25));
        assert_eq!(parse_date("T15.12.24").unwrap(), d(1926, 12, 24));
        assert_eq!(parse_date("令和７年４月１日").unwrap(), d(2025, 4, 1));
        assert_eq!(parse_date("平成 27年 12月 3日").unwrap(), d(2015, 12, 3));
        assert_eq!(parse_date("2025-04-01").unwrap(), d(2025, 4, 1));
        assert_eq!(parse_date("2025/4/1").unwrap(), d(2025, 4, 1));
        assert_eq!(parse_date("2025年4月1日").unwrap(), d(2025, 4, 1));
        assert_eq!(parse_date("20250401").unwrap(), d(2025, 4, 1));
    }

    #[test]
    fn malformed_input_is_unrecognised() {
        for s in [
            "",
            "令和",
            "令和7年",
            "R7.4",
            "R7.4.1x",
            "2025-13-01",
            "2025-02-30",
            "X7.4.1",
            "令和7年4月1",
            "R7.4/1",
            "12345678901",
        ] {
            assert!(parse_date(s).is_err(), "{s}");
        }
        assert!(matches!(
            parse_date("令和7年2月30日"),
            Err(WarekiError::NoSuchDate { .. })
        ));
    }

    #[test]
    fn era_years_parse_with_gannen() {
        assert_eq!(parse_era_year("令和元年").unwrap(), 2019);
        assert_eq!(parse_era_year("令和元").unwrap(), 2019);
        assert_eq!(parse_era_year("R7").unwrap(), 2025);
        assert_eq!(parse_era_year("平成31年").unwrap(), 2019);
        assert_eq!(parse_era_year("昭和64年").unwrap(), 1989);
        assert_eq!(parse_era_year("大正15年").unwrap(), 1926);
        assert_eq!(parse_era_year("昭和元年").unwrap(), 1926);
        assert!(parse_era_year("平成32年").is_err());
        assert!(parse_era_year("昭和65年").is_err());
        assert!(parse_era_year("令和0年").is_err());
        assert!(parse_era_year("明治5年").is_err());
    }

    #[test]
    fn year_months_use_the_era_of_their_first_day() {
        assert_eq!(format_year_month(2019, 4).unwrap(), "平成31年4月");
        assert_eq!(format_year_month(2019, 5).unwrap(), "令和元年5月");
        assert_eq!(format_year_month(2025, 4).unwrap(), "令和7年4月");
        assert!(format_year_month(2025, 13).is_err());
    }

    #[test]
    fn ages_count_completed_years() {
        assert_eq!(age_on(d(1940, 5, 10), d(2015, 12, 3)), Some(75));
        assert_eq!(age_on(d(1940, 12, 4), d(2015, 12, 3)), Some(74));
        assert_eq!(age_on(d(1940, 12, 3), d(2015, 12, 3)), Some(75));
        assert_eq!(age_on(d(1940, 2, 29), d(2015, 2, 28)), Some(74));
        assert_eq!(age_on(d(1940, 2, 29), d(2015, 3, 1)), Some(75));
        assert_eq!(age_on(d(2000, 1, 1), d(1999, 1, 1)), None);
    }

    proptest::proptest! {
        #[test]
        fn every_date_round_trips_through_wareki(days in 0i64..(365 * 200)) {
            let date = d(1873, 1, 1) + chrono::Days::new(days as u64);
            let text = format_date(date).unwrap();
            proptest::prop_assert_eq!(parse_date(&text).unwrap(), date);
            let w = WarekiDate::from_gregorian(date).unwrap();
            let short = format!("{}{}.{}.{}", w.era().initial(), w.year(), w.month(), w.day());
            proptest::prop_assert_eq!(parse_date(&short).unwrap(), date);
        }
    }
}
