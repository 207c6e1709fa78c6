//! JSON paths that name a field of the plan document, such as
//! `table2.needs[1].long_term_goals[0].period.end`.

use std::fmt;

/// The location of a field in the plan's JSON form.
///
/// Paths use the JSON field names joined with `.` and array indexes in
/// brackets: `table2.needs[1].long_term_goals[0].period.end`. The empty path
/// names the document itself.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct FieldPath(String);

impl FieldPath {
    /// The path of the whole document.
    pub fn root() -> Self {
        FieldPath(String::new())
    }

    /// The path of field `key` inside this object.
    pub fn key(&self, key: &str) -> Self {
        if self.0.is_empty() {
            FieldPath(key.to_owned())
        } else {
            let mut s = String::with_capacity(self.0.len() + 1 + key.len());
            s.push_str(&self.0);
            s.push('.');
            s.push_str(key);
            FieldPath(s)
        }
    }

    /// The path of element `index` of this array.
    pub fn index(&self, index: usize) -> Self {
        FieldPath(format!("{}[{}]", self.0, index))
    }

    /// The path as text (empty for the document itself).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The last field name of the path, without array indexes
    /// (`period` for `table2.needs[0].long_term_goals[1].period`).
    pub fn last_key(&self) -> Option<&str> {
        let last = self.0.rsplit('.').next()?;
        let name = last.split('[').next()?;
        (!name.is_empty()).then_some(name)
    }

    /// The field names of the path, without array indexes, from the top
    /// (`table2`, `needs`, `long_term_goals`, `period` for
    /// `table2.needs[0].long_term_goals[1].period`).
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.segments().map(|(key, _)| key)
    }

    /// The path's segments: each field name with the array indexes that
    /// follow it (`("needs", "[0]")`), from the top. The empty path has none.
    pub fn segments(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0
            .split('.')
            .filter(|s| !s.is_empty())
            .map(|segment| match segment.find('[') {
                Some(i) => segment.split_at(i),
                None => (segment, ""),
            })
    }

    /// Whether this path is `other` or lies inside it
    /// (`table2.needs[0].text` lies inside `table2.needs[0]`, not inside `table2.needs[1]`).
    pub fn starts_with(&self, other: &FieldPath) -> bool {
        match self.0.strip_prefix(other.0.as_str()) {
            Some(rest) => {
                other.0.is_empty()
                    || rest.is_empty()
                    || rest.starts_with('.')
                    || rest.starts_with('[')
            }
            None => false,
        }
    }

    /// The path `rest` (a path inside the value at this one) as a path
    /// from this one's document: `plan` joined with `table1.user.name` is
    /// `plan.table1.user.name`.
    pub fn join(&self, rest: &FieldPath) -> Self {
        if self.0.is_empty() {
            rest.clone()
        } else if rest.0.is_empty() {
            self.clone()
        } else if rest.0.starts_with('[') {
            FieldPath(format!("{}{}", self.0, rest.0))
        } else {
            FieldPath(format!("{}.{}", self.0, rest.0))
        }
    }

    /// Builds a path from its text form. Used for paths reported by serde;
    /// the text is taken as it is.
    pub fn from_text(text: impl Into<String>) -> Self {
        FieldPath(text.into())
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            f.write_str("(document)")
        } else {
            f.write_str(&self.0)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_nested_paths() {
        let p = FieldPath::root()
            .key("table2")
            .key("needs")
            .index(1)
            .key("long_term_goals")
            .index(0)
            .key("period")
            .key("end");
        assert_eq!(p.as_str(), "table2.needs[1].long_term_goals[0].period.end");
        assert_eq!(p.last_key(), Some("end"));
        assert_eq!(
            p.to_string(),
            "table2.needs[1].long_term_goals[0].period.end"
        );
    }

    #[test]
    fn last_key_strips_indexes() {
        let p = FieldPath::root().key("table2").key("needs").index(3);
        assert_eq!(p.last_key(), Some("needs"));
        assert_eq!(FieldPath::root().last_key(), None);
        assert_eq!(FieldPath::root().to_string(), "(document)");
    }

    #[test]
    fn keys_segments_and_prefixes() {
        let p = FieldPath::from_text("table2.needs[1].long_term_goals[0].period.end");
        assert_eq!(
            p.keys().collect::<Vec<_>>(),
            ["table2", "needs", "long_term_goals", "period", "end"]
        );
        assert_eq!(p.segments().nth(1), Some(("needs", "[1]")));
        assert!(p.starts_with(&FieldPath::from_text("table2.needs[1]")));
        assert!(p.starts_with(&FieldPath::root()));
        assert!(!p.starts_with(&FieldPath::from_text("table2.needs[10]")));
        assert!(!p.starts_with(&FieldPath::from_text("table2.need")));
        assert_eq!(FieldPath::root().keys().count(), 0);
    }
}
