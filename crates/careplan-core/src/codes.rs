//! Code lists as data: one [`code_enum!`](crate::code_enum) definition per
//! list gives its JSON code, its label on the form and, where the national
//! CSV standard carries it, its CSV code. The JSON reader, the validator,
//! the schema, the renderer and the CSV export and import all use these
//! definitions, so a code is spelt in one place.
//!
//! ```
//! use careplan_core::Sex;
//!
//! assert_eq!(Sex::from_code("female"), Some(Sex::Female));
//! assert_eq!(Sex::Female.csv_code(), Some("2"));
//! assert_eq!(Sex::from_csv_code("1"), Some(Sex::Male));
//! assert_eq!(Sex::CODES, &["male", "female"]);
//! ```

/// Declares a code list: an enum whose every variant has a JSON code, the
/// label printed on the form and, optionally, the CSV standard's code.
///
/// It derives `Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord`
/// and generates `ALL` (every value, in the form's order), `CODES` and
/// `CSV_CODES` (the codes in that order), `code`, `label_ja`, `csv_code`,
/// `from_code` and `from_csv_code`.
///
/// ```
/// careplan_core::code_enum! {
///     /// 曜日区分 (an example).
///     pub enum Shift {
///         /// 日勤.
///         Day = "day", "日勤", csv "1";
///         /// 夜勤.
///         Night = "night", "夜勤", csv "2";
///     }
/// }
/// assert_eq!(Shift::ALL, [Shift::Day, Shift::Night]);
/// assert_eq!(Shift::from_code("night").map(Shift::label_ja), Some("夜勤"));
/// assert_eq!(Shift::CSV_CODES, &["1", "2"]);
/// ```
#[macro_export]
macro_rules! code_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $(
                $(#[$vmeta:meta])*
                $variant:ident = $code:literal, $label:literal $(, csv $csv:literal)?;
            )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every value, in the form's order.
            pub const ALL: [$name; [$(stringify!($variant)),+].len()] = [$($name::$variant),+];

            /// The JSON codes, in the form's order.
            pub const CODES: &'static [&'static str] = &[$($code),+];

            /// The CSV standard's codes, in the form's order (empty when
            /// the standard does not carry this list).
            pub const CSV_CODES: &'static [&'static str] = &[$($($csv,)?)+];

            /// The JSON code.
            pub const fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code,)+
                }
            }

            /// The label as printed on the form.
            pub const fn label_ja(self) -> &'static str {
                match self {
                    $($name::$variant => $label,)+
                }
            }

            /// The CSV standard's code, where it carries this list.
            pub const fn csv_code(self) -> Option<&'static str> {
                match self {
                    $($name::$variant => $crate::__code_enum_csv!($($csv)?),)+
                }
            }

            /// The value of a JSON code (exactly as written).
            pub fn from_code(code: &str) -> Option<$name> {
                Self::ALL.into_iter().find(|v| v.code() == code)
            }

            /// The value of a CSV code (exactly as written).
            pub fn from_csv_code(code: &str) -> Option<$name> {
                Self::ALL.into_iter().find(|v| v.csv_code() == Some(code))
            }
        }
    };
}

/// `Some(code)` or `None`, for [`code_enum!`].
#[doc(hidden)]
#[macro_export]
macro_rules! __code_enum_csv {
    () => {
        None
    };
    ($csv:literal) => {
        Some($csv)
    };
}

code_enum! {
    /// 性別.
    pub enum Sex {
        /// 男性 (CSV code 1).
        Male = "male", "男", csv "1";
        /// 女性 (CSV code 2).
        Female = "female", "女", csv "2";
    }
}

code_enum! {
    /// 認定済・申請中.
    pub enum CertificationStatus {
        /// 認定済: certified; the validity period and care level are known.
        Certified = "certified", "認定済", csv "2";
        /// 申請中: applied for; 認定日 holds the application date.
        Applying = "applying", "申請中", csv "1";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_keep_the_forms_order() {
        for s in Sex::ALL {
            assert_eq!(Sex::from_code(s.code()), Some(s));
            assert_eq!(s.csv_code().and_then(Sex::from_csv_code), Some(s));
        }
        assert_eq!(CertificationStatus::CODES, &["certified", "applying"]);
        assert_eq!(CertificationStatus::CSV_CODES, &["2", "1"]);
        assert_eq!(CertificationStatus::Applying.label_ja(), "申請中");
        assert_eq!(Sex::from_code("Male"), None);
        assert_eq!(Sex::from_csv_code(" 1"), None);
    }
}
