//! What every form's validator shares: a context that collects every
//! violation (stamped with its form, so that its location can be named in
//! the form's labels) and turns document leaves into checked values.
//!
//! Each form's validator walks its document once with a [`Ctx`], keeps
//! going after a failure, and builds the typed document only when nothing
//! was reported.

use chrono::NaiveDate;

use crate::document::Form;
use crate::error::{Error, Rule, Violation};
use crate::fields::Field;
use crate::path::FieldPath;
use crate::text::Text;
use crate::time::{EARLIEST_DATE, LATEST_DATE, Period};

/// Collects the violations of one document, in document order.
pub(crate) struct Ctx {
    form: Form,
    violations: Vec<Violation>,
}

impl Ctx {
    /// A context for a document of `form`.
    pub fn new(form: Form) -> Ctx {
        Ctx {
            form,
            violations: Vec::new(),
        }
    }

    /// The violations found, as the error of the document (`None`: none).
    pub fn into_error(self) -> Option<Error> {
        Error::from_violations(self.violations)
    }

    /// Records a violation.
    pub fn push(&mut self, v: Violation) {
        self.violations.push(v.in_form(self.form));
    }

    /// Records a violation of `rule` at `path`, with no value.
    pub fn violation(&mut self, path: &FieldPath, rule: Rule) {
        self.push(Violation::new(path.clone(), rule));
    }

    /// A required value: reports [`Rule::Required`] when it is absent.
    pub fn required<'a, T>(&mut self, path: &FieldPath, v: Option<&'a T>) -> Option<&'a T> {
        if v.is_none() {
            self.violation(path, Rule::Required);
        }
        v
    }

    /// A leaf value checked by `check`; reports the rule it breaks, with the value.
    pub fn leaf<'a, T>(
        &mut self,
        path: &FieldPath,
        v: &'a str,
        check: impl FnOnce(&'a str) -> Result<T, Rule>,
    ) -> Option<T> {
        match check(v) {
            Ok(x) => Some(x),
            Err(rule) => {
                self.push(Violation::new(path.clone(), rule).with_value(v));
                None
            }
        }
    }

    /// Required text.
    pub fn text(&mut self, path: &FieldPath, v: Option<&String>) -> Option<Text> {
        let v = self.required(path, v)?;
        self.leaf(path, v, Text::new)
    }

    /// A required value checked by `check`.
    pub fn checked<'a, T>(
        &mut self,
        path: &FieldPath,
        v: Option<&'a String>,
        check: impl FnOnce(&'a str) -> Result<T, Rule>,
    ) -> Option<T> {
        let v = self.required(path, v)?;
        self.leaf(path, v, check)
    }

    /// An optional string: absent, or blank (treated as absent), or checked.
    pub fn opt<'a, T>(
        &mut self,
        path: &FieldPath,
        v: Option<&'a String>,
        check: impl FnOnce(&'a str) -> Result<T, Rule>,
    ) -> Option<T> {
        let v = v.filter(|s| !is_blank(s))?;
        self.leaf(path, v, check)
    }

    /// Optional text.
    pub fn opt_text(&mut self, path: &FieldPath, v: Option<&String>) -> Option<Text> {
        self.opt(path, v, Text::new)
    }

    /// The user's name: required text, reported [`Rule::NameTooLong`] when
    /// longer than the forms' name line holds ([`crate::MAX_NAME_CHARS`]).
    pub fn name(&mut self, path: &FieldPath, v: Option<&String>) -> Option<Text> {
        let name = self.text(path, v)?;
        if name.as_str().chars().count() > crate::MAX_NAME_CHARS {
            self.push(Violation::new(path.clone(), Rule::NameTooLong).with_value(name.as_str()));
        }
        Some(name)
    }

    /// A required ISO date.
    pub fn date(&mut self, path: &FieldPath, v: Option<&String>) -> Option<NaiveDate> {
        self.checked(path, v, parse_iso_date)
    }

    /// An optional ISO date.
    pub fn opt_date(&mut self, path: &FieldPath, v: Option<&String>) -> Option<NaiveDate> {
        self.opt(path, v, parse_iso_date)
    }

    /// A required code of a code list, by its JSON codes.
    pub fn code<T: Copy>(
        &mut self,
        path: &FieldPath,
        v: Option<&String>,
        codes: &[&str],
        from_code: impl Fn(&str) -> Option<T>,
    ) -> Option<T> {
        let v = self.required(path, v)?;
        match from_code(v) {
            Some(x) => Some(x),
            None => {
                self.unknown_code(path, v, codes);
                None
            }
        }
    }

    /// An optional code: `Some(None)` when absent or blank, `Some(Some(x))`
    /// when known, `None` when unknown (reported).
    pub fn opt_code<T: Copy>(
        &mut self,
        path: &FieldPath,
        v: Option<&String>,
        codes: &[&str],
        from_code: impl Fn(&str) -> Option<T>,
    ) -> Option<Option<T>> {
        match v.filter(|s| !is_blank(s)) {
            None => Some(None),
            Some(v) => self.code(path, Some(v), codes, from_code).map(Some),
        }
    }

    /// Reports a value that is none of `allowed`.
    pub fn unknown_code(&mut self, path: &FieldPath, v: &str, allowed: &[&str]) {
        self.push(
            Violation::new(path.clone(), Rule::UnknownCode)
                .with_value(v)
                .with_detail(format!("allowed: {}", allowed.join(", "))),
        );
    }

    /// A set of codes written as a list: not empty, each known, none twice.
    /// `None` when any is wrong (each reported).
    pub fn code_set<T: Copy + PartialEq>(
        &mut self,
        path: &FieldPath,
        v: Option<&Vec<String>>,
        codes: &[&str],
        from_code: impl Fn(&str) -> Option<T>,
    ) -> Option<Vec<T>> {
        let v = self.non_empty(path, v)?;
        let mut out = Vec::new();
        let mut ok = !v.is_empty();
        for (i, code) in v.iter().enumerate() {
            match from_code(code) {
                Some(x) if out.contains(&x) => {
                    self.push(Violation::new(path.index(i), Rule::DuplicateValue).with_value(code));
                    ok = false;
                }
                Some(x) => out.push(x),
                None => {
                    self.unknown_code(&path.index(i), code, codes);
                    ok = false;
                }
            }
        }
        ok.then_some(out)
    }

    /// Every element of a list at `path`, each checked by `item` at its
    /// index (every element is checked, so each reports its violations);
    /// `None` when any element failed.
    pub fn each<D, T>(
        &mut self,
        path: &FieldPath,
        items: &[D],
        mut item: impl FnMut(&mut Ctx, &FieldPath, &D) -> Option<T>,
    ) -> Option<Vec<T>> {
        let mut out = Vec::with_capacity(items.len());
        let mut ok = true;
        for (i, d) in items.iter().enumerate() {
            match item(self, &path.index(i), d) {
                Some(x) => out.push(x),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    /// A list that must not be empty.
    pub fn non_empty<'a, T>(
        &mut self,
        path: &FieldPath,
        v: Option<&'a Vec<T>>,
    ) -> Option<&'a Vec<T>> {
        let v = self.required(path, v)?;
        if v.is_empty() {
            self.violation(path, Rule::EmptyList);
        }
        Some(v)
    }

    /// A period: start required, end optional, in order. `start` and `end`
    /// are the period's fields.
    pub fn period(
        &mut self,
        path: &FieldPath,
        v: Option<(&Option<String>, &Option<String>)>,
        start: &Field,
        end: &Field,
    ) -> Option<Period> {
        let (vs, ve) = *self.required(path, v.as_ref())?;
        let start_date = self.date(&start.of(path), vs.as_ref());
        let end_date = self.opt_date(&end.of(path), ve.as_ref());
        let start_date = start_date?;
        // (Only an end can be before the start: the value is the end as written.)
        let end_text = ve.as_deref().unwrap_or_default();
        self.ordered(
            &end.of(path),
            Period::new(start_date, end_date),
            end_text,
            start_date,
        )
    }

    /// A value made from a start and an end (a period, a time range): the
    /// value, or, when `made` failed, a violation of its rule at `end_path`
    /// with the end as value and the start as detail.
    pub fn ordered<T>(
        &mut self,
        end_path: &FieldPath,
        made: Result<T, Rule>,
        end: impl std::fmt::Display,
        start: impl std::fmt::Display,
    ) -> Option<T> {
        match made {
            Ok(x) => Some(x),
            Err(rule) => {
                self.push(
                    Violation::new(end_path.clone(), rule)
                        .with_value(end.to_string())
                        .with_detail(format!("start {start}")),
                );
                None
            }
        }
    }

    /// Reports `inner` unless it lies within `outer`.
    pub fn within(
        &mut self,
        path: &FieldPath,
        inner: Option<Period>,
        outer: Option<Period>,
        outer_path: &FieldPath,
    ) {
        if let (Some(i), Some(o)) = (inner, outer)
            && !i.is_within(o)
        {
            self.push(
                Violation::new(path.clone(), Rule::PeriodOutsideParent)
                    .with_value(period_text(i))
                    .with_detail(format!("{outer_path} is {}", period_text(o))),
            );
        }
    }
}

/// Whether an optional value counts as absent: empty or only white space.
pub(crate) fn is_blank(s: &str) -> bool {
    s.chars().all(char::is_whitespace)
}

/// A period as violations show it: `2015-12-03～2016-09-30`, `2015-12-03～`.
pub(crate) fn period_text(p: Period) -> String {
    match p.end() {
        Some(e) => format!("{}～{}", p.start(), e),
        None => format!("{}～", p.start()),
    }
}

/// Parses an ISO date `YYYY-MM-DD` (exactly that shape) within the dates
/// the forms can print ([`EARLIEST_DATE`] to [`LATEST_DATE`]).
pub(crate) fn parse_iso_date(s: &str) -> Result<NaiveDate, Rule> {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if !shape {
        return Err(Rule::DateFormat);
    }
    let d = NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| Rule::DateFormat)?;
    let min = NaiveDate::from_ymd_opt(EARLIEST_DATE.0, EARLIEST_DATE.1, EARLIEST_DATE.2);
    let max = NaiveDate::from_ymd_opt(LATEST_DATE.0, LATEST_DATE.1, LATEST_DATE.2);
    match (min, max) {
        (Some(min), Some(max)) if d >= min && d <= max => Ok(d),
        _ => Err(Rule::DateOutOfRange),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_in_range_only() {
        assert!(parse_iso_date("1873-01-01").is_ok());
        assert_eq!(parse_iso_date("1872-12-31"), Err(Rule::DateOutOfRange));
        assert_eq!(parse_iso_date("3000-01-01"), Err(Rule::DateOutOfRange));
        assert_eq!(parse_iso_date("2025-02-30"), Err(Rule::DateFormat));
        assert_eq!(parse_iso_date("2025-2-3"), Err(Rule::DateFormat));
    }

    #[test]
    fn violations_carry_their_form() {
        let mut cx = Ctx::new(Form::Kyotaku);
        cx.violation(&FieldPath::from_text("table1.user.name"), Rule::Required);
        let e = cx.into_error().unwrap();
        assert_eq!(
            e.violations()[0].location_ja(),
            "第１表 › 利用者 › 利用者名"
        );
    }
}
