//! Field tables: what a form says of each field of its JSON document, in
//! one place per sheet.
//!
//! Each [`Field`] gives the field's JSON key, the form's Japanese label, how
//! a location names it, an English description, whether it is required, the
//! format and limits of its value, the object it holds (for nested objects
//! and lists of objects), and where the national CSV standard carries it
//! (record and field number). The validator builds its paths from these
//! constants, so a misspelt key does not compile; the Japanese locations of
//! violations ([`crate::labels`]), the JSON Schema's titles, descriptions
//! and formats (careplan-schema), the walk over every printed text and the
//! CSV import's error locations are all read from the same tables.

use crate::path::FieldPath;

/// The format and limits of a field's value. Deliberately exhaustive: the
/// JSON Schema and every other reader of the tables must say what each
/// format means, so a new one must be handled everywhere before it compiles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// An object or a list whose own fields say everything.
    Structure,
    /// Free text as [`crate::Text`]: not blank, at most
    /// [`crate::MAX_TEXT_CHARS`] characters, no control characters but tab
    /// and line breaks. Printed.
    Text,
    /// The user's name: free text of at most [`crate::MAX_NAME_CHARS`]
    /// characters. Printed.
    Name,
    /// An ISO date `YYYY-MM-DD`, 1873–2999.
    Date,
    /// A month `YYYY-MM`.
    YearMonth,
    /// A time `HH:MM`, `00:00`–`24:00`.
    Time,
    /// 保険者番号 ([`crate::InsurerNumber`]).
    InsurerNumber,
    /// 被保険者番号 ([`crate::InsuredNumber`]).
    InsuredNumber,
    /// 事業所番号 ([`crate::OfficeNumber`]).
    OfficeNumber,
    /// 郵便番号 ([`crate::PostalCode`]).
    PostalCode,
    /// フリガナ ([`crate::Kana`]).
    Kana,
    /// An id that ties parts of a document together ([`crate::ServiceId`]).
    Id,
    /// A string matching a regular expression (for fields of reports).
    Pattern(&'static str),
    /// One of a code list's JSON codes.
    Code(&'static [&'static str]),
    /// A list of a code list's JSON codes: at least one, no repeats.
    CodeSet(&'static [&'static str]),
    /// `true` or `false`.
    Bool,
    /// An integer from the first bound to the second, both included.
    Integer(i64, i64),
    /// A telephone number ([`crate::PhoneNumber`]).
    Phone,
    /// Anything the document's type allows (a report's free string).
    Any,
}

impl Format {
    /// Whether values of this format are printed text on the form (and so
    /// must be found in the PDF, and be drawn by a loaded font).
    pub fn is_printed_text(self) -> bool {
        matches!(self, Format::Text | Format::Name)
    }
}

/// Where the national CSV standard (ケアプランデータ連携 第4.1版) carries a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CsvField {
    /// The record's file-name prefix (`UP1KYO`).
    pub record: &'static str,
    /// The field number (No.), 1-based.
    pub no: u16,
}

/// `CsvField` of `record`, field `no`.
pub const fn csv(record: &'static str, no: u16) -> CsvField {
    CsvField { record, no }
}

/// One field of a document type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    /// The JSON key.
    pub key: &'static str,
    /// The form's Japanese label (the schema's title).
    pub label_ja: &'static str,
    /// How a location names the field, where its object already says the
    /// rest (`記載内容` under a need); `None` when a location shows the key.
    pub location_ja: Option<&'static str>,
    /// An English description for developers.
    pub en: &'static str,
    /// Whether the field must be present.
    pub required: bool,
    /// The format and limits of its value.
    pub format: Format,
    /// For an object or a list of objects: the name of that object's type.
    pub child: Option<&'static str>,
    /// Where the CSV standard carries the field (empty: it does not).
    pub csv: &'static [CsvField],
}

impl Field {
    /// A field whose location shows its label.
    pub const fn new(
        key: &'static str,
        label_ja: &'static str,
        required: bool,
        format: Format,
        en: &'static str,
    ) -> Field {
        Field {
            key,
            label_ja,
            location_ja: Some(label_ja),
            en,
            required,
            format,
            child: None,
            csv: &[],
        }
    }

    /// The same field, named `location` in locations.
    pub const fn at(self, location: &'static str) -> Field {
        Field {
            location_ja: Some(location),
            ..self
        }
    }

    /// The same field, shown by its key in locations.
    pub const fn unlabelled(self) -> Field {
        Field {
            location_ja: None,
            ..self
        }
    }

    /// The same field, holding objects of type `child`.
    pub const fn holds(self, child: &'static str) -> Field {
        Field {
            child: Some(child),
            ..self
        }
    }

    /// The same field, carried by the CSV standard at `csv`.
    pub const fn csv(self, csv: &'static [CsvField]) -> Field {
        Field { csv, ..self }
    }

    /// The path of this field inside the object at `parent`.
    pub fn of(&self, parent: &FieldPath) -> FieldPath {
        parent.key(self.key)
    }
}

/// Declares an object's field table: one line per field — its constant,
/// JSON key, label, required-ness (`R`/`O`), format and English
/// description, then, where they apply, its location label (`at`), the
/// object it holds (`holds`) and its CSV fields (`csv`) — each constant
/// documented from its key and label, and the `Object` of them all.
macro_rules! field_table {
    (
        $(#[$meta:meta])*
        $object:ident = $name:literal, $title:literal;
        $(
            $konst:ident: $key:literal, $label:literal, $req:ident, $format:expr, $en:literal
            $(=> $($m:ident($($a:tt)*)),+)?;
        )*
    ) => {
        $(
            #[doc = concat!("`", $key, "`: ", $label, ".")]
            pub const $konst: $crate::fields::Field =
                $crate::fields::Field::new($key, $label, $crate::fields::$req, $format, $en)
                $($(.$m($($a)*))+)?;
        )*
        $(#[$meta])*
        pub const $object: $crate::fields::Object = $crate::fields::Object {
            name: $name,
            title_ja: $title,
            fields: &[$($konst),*],
        };
    };
}
pub(crate) use field_table;

/// Required.
pub const R: bool = true;
/// Optional.
pub const O: bool = false;

/// A document type (a JSON object) and its fields, in the document's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Object {
    /// The type's name: its Rust document type, and its name among the
    /// JSON Schema's definitions (`Table1Doc`).
    pub name: &'static str,
    /// The form's Japanese title for it.
    pub title_ja: &'static str,
    /// Its fields.
    pub fields: &'static [Field],
}

impl Object {
    /// The field with JSON key `key`.
    pub fn field(&self, key: &str) -> Option<&'static Field> {
        self.fields.iter().find(|f| f.key == key)
    }
}

/// A form's field tables: the root object and every object below it.
#[derive(Debug, Clone, Copy)]
pub struct Tables {
    /// The name of the document's root object.
    pub root: &'static str,
    /// Every object type of the document.
    pub objects: &'static [&'static Object],
}

impl Tables {
    /// The object type named `name`.
    pub fn object(&self, name: &str) -> Option<&'static Object> {
        self.objects.iter().copied().find(|o| o.name == name)
    }

    /// The field a path names, with the object it belongs to, if every key
    /// of the path is known (array indexes are skipped).
    pub fn resolve(&self, path: &FieldPath) -> Option<(&'static Object, &'static Field)> {
        let mut owner = self.object(self.root)?;
        let mut found = None;
        for key in path.keys() {
            if found.is_some() {
                let (_, f): (&Object, &Field) = found?;
                owner = self.object(f.child?)?;
            }
            found = Some((owner, owner.field(key)?));
        }
        found
    }
}

/// Checks the tests of every form share: its tables are one tree, and its
/// walk over printed texts is exactly the tables' printed-text fields.
#[cfg(test)]
pub(crate) mod checks {
    use std::collections::BTreeSet;

    use super::Tables;
    use crate::path::FieldPath;

    /// Every object a field holds is in the tables (and holds structure),
    /// and every object but the root is held by some field.
    pub fn one_tree(tables: &Tables) {
        for o in tables.objects {
            for f in o.fields {
                if let Some(child) = f.child {
                    assert!(
                        tables.object(child).is_some(),
                        "{}.{} holds {child}",
                        o.name,
                        f.key
                    );
                    assert_eq!(f.format, super::Format::Structure, "{}.{}", o.name, f.key);
                }
            }
            let held = tables
                .objects
                .iter()
                .flat_map(|x| x.fields)
                .any(|f| f.child == Some(o.name));
            assert!(
                held || o.name == tables.root,
                "{} is held by no field",
                o.name
            );
        }
    }

    /// The texts walked over documents that between them fill every printed
    /// field: each path resolves to a printed-text field, and every such
    /// field is walked.
    pub fn walk_is_printed_text<'a>(
        tables: &Tables,
        texts: impl IntoIterator<Item = (FieldPath, &'a str)>,
    ) {
        let mut walked = BTreeSet::new();
        for (path, text) in texts {
            let (owner, field) = tables
                .resolve(&path)
                .unwrap_or_else(|| panic!("{path} resolves to no field"));
            assert!(field.format.is_printed_text(), "{path}");
            assert!(!text.is_empty(), "{path}");
            walked.insert((owner.name, field.key));
        }
        let printed: BTreeSet<(&str, &str)> = tables
            .objects
            .iter()
            .flat_map(|o| o.fields.iter().map(move |f| (o, f)))
            .filter(|(_, f)| f.format.is_printed_text())
            .map(|(o, f)| (o.name, f.key))
            .collect();
        assert_eq!(walked, printed);
    }

    /// The JSON documents of `fixtures/<folder>`, as text.
    pub fn fixture_texts(folder: &str) -> Vec<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../fixtures")
            .join(folder);
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.map(|e| e.path()).unwrap_or_default())
            .filter(|p| p.extension().is_some_and(|x| x == "json") && !p.ends_with("expected.json"))
            .collect();
        paths.sort();
        paths
            .iter()
            .map(|p| std::fs::read_to_string(p).unwrap_or_default())
            .collect()
    }
}
