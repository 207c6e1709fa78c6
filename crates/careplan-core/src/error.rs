//! The one error type of careplan-core: every violation of the plan's rules,
//! each with its JSON path, its rule, the offending value and a message in
//! Japanese and English.

use std::fmt;

use crate::document::Form;
use crate::path::FieldPath;

pub use crate::rule::Rule;

/// One broken rule: where, which rule, and the offending value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    path: FieldPath,
    rule: Rule,
    value: Option<String>,
    detail: Option<String>,
    form: Option<Form>,
}

/// How many characters of an offending value a violation keeps.
const MAX_VALUE_CHARS: usize = 80;

impl Violation {
    /// A violation of `rule` at `path`.
    pub fn new(path: FieldPath, rule: Rule) -> Self {
        Violation {
            path,
            rule,
            value: None,
            detail: None,
            form: None,
        }
    }

    /// Says which form's document the path is in, so that the location
    /// can be written in that form's labels. Every validator does this.
    pub fn in_form(mut self, form: Form) -> Self {
        self.form = Some(form);
        self
    }

    /// The same violation of a document held at `at` inside another (a
    /// meeting in a case file): its path taken from there.
    pub fn under(mut self, at: &FieldPath) -> Self {
        self.path = at.join(&self.path);
        self
    }

    /// Records the offending value (long values are shortened to 80 characters).
    pub fn with_value(mut self, value: impl AsRef<str>) -> Self {
        let value = value.as_ref();
        let mut chars = value.chars();
        let mut short: String = chars.by_ref().take(MAX_VALUE_CHARS).collect();
        if chars.next().is_some() {
            short.push('…');
        }
        self.value = Some(short);
        self
    }

    /// Adds a detail: the other field or bound involved (for example the
    /// path of the period the value must lie within).
    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    /// The JSON path of the offending field.
    pub fn path(&self) -> &FieldPath {
        &self.path
    }

    /// The rule that was broken.
    pub fn rule(&self) -> Rule {
        self.rule
    }

    /// The offending value as written, if the field had one.
    pub fn value(&self) -> Option<&str> {
        self.value.as_deref()
    }

    /// The other field or bound involved, if any.
    pub fn detail(&self) -> Option<&str> {
        self.detail.as_deref()
    }

    /// The form whose document the path is in, when known.
    pub fn form(&self) -> Option<Form> {
        self.form
    }

    /// The location in words a care worker understands
    /// (`第２表 › 課題2 › 長期目標1 › （期間） › 終了`), from the form's field
    /// tables (field names as they are when the form is not known).
    pub fn location_ja(&self) -> String {
        crate::labels::location_ja(self.form.map(Form::tables), &self.path)
    }

    /// The full message in Japanese: location, rule, value and detail.
    pub fn message_ja(&self) -> String {
        let mut m = format!("{}：{}", self.location_ja(), self.rule.description_ja());
        if let Some(v) = &self.value {
            m.push_str(&format!("（入力値：「{v}」）"));
        }
        if let Some(d) = &self.detail {
            m.push_str(&format!("［{d}］"));
        }
        m
    }

    /// The full message in English: path, rule, value and detail.
    pub fn message_en(&self) -> String {
        let mut m = format!("{}: {}", self.path, self.rule.description_en());
        if let Some(v) = &self.value {
            m.push_str(&format!(" (value: {v:?})"));
        }
        if let Some(d) = &self.detail {
            m.push_str(&format!(" [{d}]"));
        }
        m
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} [{}]", self.message_en(), self.rule.code())
    }
}

/// The error of careplan-core: the plan breaks one or more rules.
///
/// It lists **every** violation found, not only the first, each with its
/// path. Only a document that is not JSON at all, or whose JSON has the
/// wrong shape, stops at the first problem (a single [`Rule::JsonSyntax`] or
/// [`Rule::JsonStructure`] violation), since nothing further can be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", summary(.violations))]
pub struct Error {
    violations: Vec<Violation>,
}

fn summary(violations: &[Violation]) -> String {
    let mut s = format!("the plan breaks {} rule(s)", violations.len());
    for v in violations {
        s.push_str("\n  ");
        s.push_str(&v.to_string());
    }
    s
}

impl Error {
    /// An error from a list of violations, or `None` if the list is empty.
    pub fn from_violations(violations: Vec<Violation>) -> Option<Self> {
        (!violations.is_empty()).then_some(Error { violations })
    }

    /// An error of one violation.
    pub fn single(violation: Violation) -> Self {
        Error {
            violations: vec![violation],
        }
    }

    /// Every violation, in the order of the document.
    pub fn violations(&self) -> &[Violation] {
        &self.violations
    }

    /// Consumes the error, giving its violations.
    pub fn into_violations(self) -> Vec<Violation> {
        self.violations
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_carry_path_value_and_detail() {
        let v = Violation::new(
            FieldPath::root()
                .key("table1")
                .key("user")
                .key("insurer_number"),
            Rule::InsurerNumberFormat,
        )
        .in_form(Form::Kyotaku)
        .with_value("12345")
        .with_detail("six digits");
        assert!(v.message_en().starts_with("table1.user.insurer_number: "));
        assert!(v.message_en().contains("\"12345\""));
        assert!(v.message_ja().contains("保険者番号"));
        assert!(v.message_ja().contains("「12345」"));
        assert!(v.to_string().ends_with("[insurer_number_format]"));
    }

    #[test]
    fn long_values_are_shortened() {
        let v = Violation::new(FieldPath::root(), Rule::Blank).with_value("あ".repeat(500));
        let value = v.value().unwrap();
        assert_eq!(value.chars().count(), MAX_VALUE_CHARS + 1);
        assert!(value.ends_with('…'));
    }

    #[test]
    fn empty_list_gives_no_error() {
        assert!(Error::from_violations(vec![]).is_none());
        let e = Error::from_violations(vec![Violation::new(FieldPath::root(), Rule::Required)])
            .unwrap();
        assert_eq!(e.violations().len(), 1);
        assert!(e.to_string().contains("1 rule(s)"));
    }
}
