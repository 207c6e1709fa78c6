//! Rows as read, and their fields read into values: every problem an error
//! with file, line, field number and name, in Japanese and English.

// The readers return `ImportError` by value: errors are collected, never on a hot path.
#![allow(clippy::result_large_err)]

use careplan_core::wareki::parse_date;
use careplan_core::{Period, Rule, Text, TimeOfDay};
use chrono::NaiveDate;

use crate::records::Kind;
use crate::{ImportError, ImportErrorCode};

/// One CSV record with where it came from.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    /// The file.
    pub file: String,
    /// The line it starts on (1-based).
    pub line: u64,
    /// The record kind of the file.
    pub kind: Kind,
    /// The fields, No. 1 first.
    pub fields: Vec<String>,
}

impl Row {
    /// Field `no` (blank when the row is shorter).
    pub fn get(&self, no: u16) -> &str {
        usize::from(no)
            .checked_sub(1)
            .and_then(|i| self.fields.get(i))
            .map(String::as_str)
            .unwrap_or("")
    }

    /// Whether field `no` holds something other than white space.
    pub fn written(&self, no: u16) -> bool {
        !self.get(no).trim().is_empty()
    }

    /// An error at field `no` of this row.
    pub fn err(
        &self,
        no: u16,
        code: ImportErrorCode,
        ja: impl Into<String>,
        en: impl Into<String>,
    ) -> ImportError {
        ImportError {
            line: Some(self.line),
            field: Some(usize::from(no)),
            field_name: Some(self.kind.field_name(usize::from(no))),
            ..file_error(&self.file, None, code, ja, en)
        }
    }

    /// An error at field `no`: the value breaks `rule` of careplan-core.
    pub fn rule_err(&self, no: u16, rule: Rule) -> ImportError {
        let v = self.get(no);
        ImportError {
            rule: Some(rule),
            ..self.err(
                no,
                ImportErrorCode::Value,
                format!("{}: {v:?}", rule.description_ja()),
                format!("{}: {v:?}", rule.description_en()),
            )
        }
    }
}

/// An error of a file (or of a line of it, when `line` is given).
pub(crate) fn file_error(
    file: &str,
    line: Option<u64>,
    code: ImportErrorCode,
    ja: impl Into<String>,
    en: impl Into<String>,
) -> ImportError {
    ImportError {
        file: file.to_owned(),
        line,
        field: None,
        field_name: None,
        plan: None,
        code,
        message_ja: ja.into(),
        message_en: en.into(),
        rule: None,
        violation: None,
    }
}

/// A date `YYYYMMDD`.
pub(crate) fn ymd(row: &Row, no: u16) -> Result<NaiveDate, ImportError> {
    let s = row.get(no);
    if s.len() != 8 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(row.err(
            no,
            ImportErrorCode::Date,
            format!("YYYYMMDD の日付ではありません: {s:?}"),
            "not a date YYYYMMDD",
        ));
    }
    NaiveDate::parse_from_str(s, "%Y%m%d").map_err(|_| {
        row.err(
            no,
            ImportErrorCode::Date,
            format!("存在しない日付です: {s:?}"),
            "no such date",
        )
    })
}

/// A date `YYYYMMDD`, or blank.
pub(crate) fn opt_ymd(row: &Row, no: u16) -> Result<Option<NaiveDate>, ImportError> {
    if row.written(no) {
        ymd(row, no).map(Some)
    } else {
        Ok(None)
    }
}

/// Free text that must not be blank.
pub(crate) fn text(row: &Row, no: u16) -> Result<Text, ImportError> {
    text_of(row, no, row.get(no))
}

/// Text read out of field `no` (all of it, two fields joined, or a part of
/// it), checked as text; an error names field `no` and the rule broken.
pub(crate) fn text_of(row: &Row, no: u16, value: impl Into<String>) -> Result<Text, ImportError> {
    Text::new(value).map_err(|r| ImportError {
        rule: Some(r),
        ..row.err(
            no,
            ImportErrorCode::Value,
            r.description_ja(),
            r.description_en(),
        )
    })
}

/// Free text, or blank.
pub(crate) fn opt_text(row: &Row, no: u16) -> Result<Option<Text>, ImportError> {
    if row.get(no).chars().all(char::is_whitespace) {
        Ok(None)
    } else {
        text(row, no).map(Some)
    }
}

/// A value checked by a constrained type of careplan-core, or blank.
pub(crate) fn opt<'a, T>(
    row: &'a Row,
    no: u16,
    f: impl FnOnce(&'a str) -> Result<T, Rule>,
) -> Result<Option<T>, ImportError> {
    let s = row.get(no);
    if s.trim().is_empty() {
        return Ok(None);
    }
    f(s).map(Some).map_err(|r| row.rule_err(no, r))
}

/// A value checked by a constrained type of careplan-core.
pub(crate) fn checked<'a, T>(
    row: &'a Row,
    no: u16,
    f: impl FnOnce(&'a str) -> Result<T, Rule>,
) -> Result<T, ImportError> {
    f(row.get(no)).map_err(|r| row.rule_err(no, r))
}

/// A time `HHMM`.
pub(crate) fn hhmm(row: &Row, no: u16) -> Result<TimeOfDay, ImportError> {
    let s = row.get(no);
    let ok = s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit());
    let t = ok.then(|| {
        let h: u16 = s.get(0..2)?.parse().ok()?;
        let m: u16 = s.get(2..4)?.parse().ok()?;
        TimeOfDay::from_hm(h, m).ok()
    });
    t.flatten().ok_or_else(|| {
        row.err(
            no,
            ImportErrorCode::Time,
            format!("HHMM の時刻ではありません: {s:?}"),
            "not a time HHMM",
        )
    })
}

/// A start and an end time (fields `a` and `b`), every error collected.
pub(crate) fn time_pair(
    r: &Row,
    a: u16,
    b: u16,
    errors: &mut Vec<ImportError>,
) -> Option<(TimeOfDay, TimeOfDay)> {
    match (hhmm(r, a), hhmm(r, b)) {
        (Ok(s), Ok(e)) => Some((s, e)),
        (s, e) => {
            errors.extend(s.err());
            errors.extend(e.err());
            None
        }
    }
}

/// Parses a period written as text: 和暦 or Western dates, separated by
/// 「～」「〜」「~」 or 「-」, or a start alone.
pub fn parse_period(text: &str) -> Option<Period> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    for sep in ['～', '〜', '~'] {
        if let Some((a, b)) = t.split_once(sep) {
            let start = parse_date(a).ok()?;
            let b = b.trim();
            let end = if b.is_empty() {
                None
            } else {
                Some(parse_date(b).ok()?)
            };
            return Period::new(start, end).ok();
        }
    }
    if let Ok(d) = parse_date(t) {
        return Period::new(d, None).ok();
    }
    // A hyphen separator: try each hyphen as the split point.
    for (i, _) in t.match_indices('-') {
        let (a, b) = (t.get(..i)?, t.get(i + 1..)?);
        if let (Ok(s), Ok(e)) = (parse_date(a), parse_date(b)) {
            return Period::new(s, Some(e)).ok();
        }
    }
    None
}

/// A period written as text.
pub(crate) fn period(row: &Row, no: u16) -> Result<Period, ImportError> {
    parse_period(row.get(no)).ok_or_else(|| {
        row.err(
            no,
            ImportErrorCode::Period,
            format!(
                "期間として読めません: {:?}（例：令和7年4月1日～令和7年9月30日）",
                row.get(no)
            ),
            "not a period",
        )
    })
}

/// A code of a code list, by its CSV codes (the value trimmed).
pub(crate) fn code<T>(
    row: &Row,
    no: u16,
    codes: &[&str],
    from_code: impl Fn(&str) -> Option<T>,
) -> Result<T, ImportError> {
    let s = row.get(no).trim();
    from_code(s).ok_or_else(|| {
        let mut allowed = codes.to_vec();
        allowed.sort_unstable();
        row.err(
            no,
            ImportErrorCode::Code,
            format!("コードにない値です: {s:?}（{}）", allowed.join(", ")),
            "unknown code",
        )
    })
}

/// A code, or blank.
pub(crate) fn opt_code<T>(
    row: &Row,
    no: u16,
    codes: &[&str],
    from_code: impl Fn(&str) -> Option<T>,
) -> Result<Option<T>, ImportError> {
    if row.written(no) {
        code(row, no, codes, from_code).map(Some)
    } else {
        Ok(None)
    }
}

/// A whole number 0–`max` (units, days), or blank.
pub(crate) fn opt_count(row: &Row, no: u16, max: u32) -> Result<Option<u32>, ImportError> {
    if !row.written(no) {
        return Ok(None);
    }
    let s = row.get(no).trim();
    match s.parse::<u32>() {
        Ok(n) if n <= max && s.bytes().all(|b| b.is_ascii_digit()) => Ok(Some(n)),
        _ => Err(row.err(
            no,
            ImportErrorCode::Number,
            format!("0〜{max} の整数ではありません: {s:?}"),
            format!("not a whole number 0–{max}"),
        )),
    }
}

/// A number 1–99 (課題ＮＯ, 援助目標ＮＯ, 援助内容ＮＯ).
pub(crate) fn number(r: &Row, no: u16, errors: &mut Vec<ImportError>) -> Option<u32> {
    match r.get(no).trim().parse::<u32>() {
        Ok(n) if (1..=99).contains(&n) => Some(n),
        _ => {
            errors.push(r.err(
                no,
                ImportErrorCode::Number,
                format!("1〜99 の番号ではありません: {:?}", r.get(no)),
                "not a number 1–99",
            ));
            None
        }
    }
}

/// A code of the CSV as the document's code (for a document built from the
/// row, which careplan-core then checks), or an error at the field.
pub(crate) fn doc_code(
    row: &Row,
    no: u16,
    map: &dyn Fn(&str) -> Option<String>,
    allowed: &[&str],
    errors: &mut Vec<ImportError>,
) -> Option<String> {
    let v = present(row, no)?;
    match map(v.trim()) {
        Some(c) => Some(c),
        None => {
            errors.push(unknown_code(row, no, &v, allowed));
            None
        }
    }
}

/// Field `no` when it holds something, as written (for a document built
/// from the row, which careplan-core then checks).
pub(crate) fn present(row: &Row, no: u16) -> Option<String> {
    row.written(no).then(|| row.get(no).to_owned())
}

/// A date field `YYYYMMDD` as the document's ISO date; anything else is
/// kept as written, for careplan-core to report as not a date.
pub(crate) fn iso_date(row: &Row, no: u16) -> Option<String> {
    let v = present(row, no)?;
    let b = v.as_bytes();
    let digits = b.len() == 8 && b.iter().all(u8::is_ascii_digit);
    Some(match (digits, v.get(..4), v.get(4..6), v.get(6..)) {
        (true, Some(y), Some(m), Some(d)) => format!("{y}-{m}-{d}"),
        _ => v,
    })
}

/// An error at field `no`: `v` is none of the codes `allowed`.
pub(crate) fn unknown_code(row: &Row, no: u16, v: &str, allowed: &[&str]) -> ImportError {
    row.err(
        no,
        ImportErrorCode::Code,
        format!("コードにない値です: {v:?}（{}）", allowed.join(", ")),
        "unknown code",
    )
}

/// A two-valued code (`table`: its codes and what each means, as 1/0
/// 該当フラグ or 1/2 有無), or blank; another value is an error at the field.
pub(crate) fn pair(
    row: &Row,
    no: u16,
    table: &[(&str, bool); 2],
    e: &mut Vec<ImportError>,
) -> Option<bool> {
    let v = present(row, no)?;
    match table.iter().find(|(c, _)| *c == v.trim()) {
        Some((_, b)) => Some(*b),
        None => {
            e.push(unknown_code(row, no, &v, &[table[0].0, table[1].0]));
            None
        }
    }
}
