//! Constrained strings: each type can only hold a value that meets its rule.
//!
//! | form field | type | rule |
//! |---|---|---|
//! | any free text (課題, 長期目標 …) | [`Text`] | not blank, ≤ 20,000 characters, no control characters but tab and line breaks |
//! | フリガナ | [`Kana`] | katakana (full- or half-width), spaces and ・ |
//! | 保険者番号 | [`InsurerNumber`] | 6 ASCII digits |
//! | 被保険者番号 | [`InsuredNumber`] | 10 ASCII digits, or `H` and 9 digits (生保単独) |
//! | 事業所番号 | [`OfficeNumber`] | 10 ASCII digits |
//! | 郵便番号 | [`PostalCode`] | `NNN-NNNN` |
//! | service id (links 第3表 to 第2表) | [`ServiceId`] | 1–64 of `A–Z a–z 0–9 . _ -` |

use std::fmt;

use crate::error::Rule;

/// The longest text a single field may hold, in characters.
pub const MAX_TEXT_CHARS: usize = 20_000;

/// The most characters the user's name (利用者名) may have: what the line
/// for it on the forms holds (on 第2表 and 第3表 it stands in the page
/// header, which cannot grow).
pub const MAX_NAME_CHARS: usize = 100;

/// The most characters a service id may have.
pub const MAX_SERVICE_ID_CHARS: usize = 64;

/// One character of a text field, by the field's path: a character that a
/// later stage cannot carry (a font without its glyph, MS932 without its
/// code). `Display` gives `path: 「c」 (U+XXXX)`, the code point spelled out
/// because the character itself may not show.
///
/// ```
/// let c = careplan_core::CharAt { path: "table1.user.name".into(), character: '𠮷' };
/// assert_eq!(c.to_string(), "table1.user.name: 「𠮷」 (U+20BB7)");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CharAt {
    /// The JSON path of the field (`table1.user.name`).
    pub path: String,
    /// The character.
    pub character: char,
}

impl fmt::Display for CharAt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: 「{}」 (U+{:04X})",
            self.path, self.character, self.character as u32
        )
    }
}

macro_rules! constrained_string {
    ($(#[$doc:meta])* $name:ident, $check:path) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(String);

        impl $name {
            /// Checks `value` against the type's rule; the error is the rule broken.
            pub fn new(value: impl Into<String>) -> Result<Self, Rule> {
                let value = value.into();
                $check(&value)?;
                Ok($name(value))
            }

            /// The value as written.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// The value as an owned string.
            pub fn into_string(self) -> String {
                self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = Rule;
            fn try_from(value: String) -> Result<Self, Rule> {
                $name::new(value)
            }
        }

        impl TryFrom<&str> for $name {
            type Error = Rule;
            fn try_from(value: &str) -> Result<Self, Rule> {
                $name::new(value)
            }
        }
    };
}

fn check_text(s: &str) -> Result<(), Rule> {
    if s.chars().all(char::is_whitespace) {
        return Err(Rule::Blank);
    }
    if s.chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
    {
        return Err(Rule::ControlCharacter);
    }
    if s.chars().count() > MAX_TEXT_CHARS {
        return Err(Rule::TooLong);
    }
    Ok(())
}

fn is_kana(c: char) -> bool {
    matches!(c, '\u{30A1}'..='\u{30FF}' | '\u{FF65}'..='\u{FF9F}' | ' ' | '\u{3000}')
}

fn check_kana(s: &str) -> Result<(), Rule> {
    check_text(s)?;
    if s.chars().all(is_kana) {
        Ok(())
    } else {
        Err(Rule::KanaFormat)
    }
}

fn digits(s: &str, n: usize) -> bool {
    s.len() == n && s.bytes().all(|b| b.is_ascii_digit())
}

fn check_insurer(s: &str) -> Result<(), Rule> {
    if digits(s, 6) {
        Ok(())
    } else {
        Err(Rule::InsurerNumberFormat)
    }
}

fn check_insured(s: &str) -> Result<(), Rule> {
    let ok = digits(s, 10) || s.strip_prefix('H').is_some_and(|rest| digits(rest, 9));
    if ok {
        Ok(())
    } else {
        Err(Rule::InsuredNumberFormat)
    }
}

fn check_office(s: &str) -> Result<(), Rule> {
    if digits(s, 10) {
        Ok(())
    } else {
        Err(Rule::OfficeNumberFormat)
    }
}

fn check_postal(s: &str) -> Result<(), Rule> {
    let ok = s.len() == 8
        && s.bytes().enumerate().all(|(i, b)| {
            if i == 3 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if ok {
        Ok(())
    } else {
        Err(Rule::PostalCodeFormat)
    }
}

fn check_service_id(s: &str) -> Result<(), Rule> {
    let ok = (1..=MAX_SERVICE_ID_CHARS).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'));
    if ok {
        Ok(())
    } else {
        Err(Rule::ServiceIdFormat)
    }
}

fn check_service_kind(s: &str) -> Result<(), Rule> {
    let ok = s.len() == 2
        && s.bytes()
            .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase());
    if ok {
        Ok(())
    } else {
        Err(Rule::ServiceKindFormat)
    }
}

constrained_string!(
    /// サービス種類コード: two digits or capital letters (11 訪問介護, 2A …,
    /// A2 for the 総合事業).
    ServiceKind,
    check_service_kind
);

/// The longest telephone number the CSV standard carries (項目長 15).
pub const MAX_PHONE_CHARS: usize = 15;

fn check_phone(s: &str) -> Result<(), Rule> {
    let ok = (1..=MAX_PHONE_CHARS).contains(&s.len())
        && s.bytes().any(|b| b.is_ascii_digit())
        && s.bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'(' | b')'));
    if ok { Ok(()) } else { Err(Rule::PhoneFormat) }
}

constrained_string!(
    /// A telephone number as written (`03-1234-5678`, `0120(12)3456`): 1 to
    /// [`MAX_PHONE_CHARS`] ASCII digits, hyphens and brackets, with a digit.
    PhoneNumber,
    check_phone
);

constrained_string!(
    /// Free text of the form: not blank (white space, including the
    /// full-width space, does not count), at most [`MAX_TEXT_CHARS`]
    /// characters, and no control characters except tab and line breaks.
    /// The text is kept exactly as written, line breaks included.
    Text,
    check_text
);

constrained_string!(
    /// フリガナ: katakana (full-width, or half-width as older systems send it),
    /// the long-vowel mark, ・ and spaces.
    Kana,
    check_kana
);

constrained_string!(
    /// 保険者番号: the insurer's (municipality's) six-digit number.
    InsurerNumber,
    check_insurer
);

constrained_string!(
    /// 被保険者番号: ten digits, or for 生活保護 only recipients `H` and nine digits.
    InsuredNumber,
    check_insured
);

constrained_string!(
    /// 事業所番号: a provider office's ten-digit number.
    OfficeNumber,
    check_office
);

constrained_string!(
    /// 郵便番号 as `NNN-NNNN`.
    PostalCode,
    check_postal
);

constrained_string!(
    /// The stable id of a 第2表 service, by which 第3表 entries refer to it.
    ServiceId,
    check_service_id
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_rules() {
        assert!(Text::new("リハビリをしたい").is_ok());
        assert!(Text::new("一行目\n二行目\tタブ").is_ok());
        assert_eq!(Text::new(""), Err(Rule::Blank));
        assert_eq!(Text::new(" \u{3000}\n"), Err(Rule::Blank));
        assert_eq!(Text::new("a\u{0}b"), Err(Rule::ControlCharacter));
        assert_eq!(Text::new("a\u{1b}b"), Err(Rule::ControlCharacter));
        assert!(Text::new("あ".repeat(MAX_TEXT_CHARS)).is_ok());
        assert_eq!(
            Text::new("あ".repeat(MAX_TEXT_CHARS + 1)),
            Err(Rule::TooLong)
        );
        // Kept exactly as written.
        assert_eq!(
            Text::new("  前後の空白  ").unwrap().as_str(),
            "  前後の空白  "
        );
    }

    #[test]
    fn kana_rules() {
        assert!(Kana::new("ヤマダ タロウ").is_ok());
        assert!(Kana::new("ｶﾝﾀﾞ ｲﾁﾛｳ").is_ok());
        assert!(Kana::new("ヴァージニア・ウルフ").is_ok());
        assert_eq!(Kana::new("やまだ"), Err(Rule::KanaFormat));
        assert_eq!(Kana::new("山田"), Err(Rule::KanaFormat));
        assert_eq!(Kana::new("  "), Err(Rule::Blank));
    }

    #[test]
    fn number_rules() {
        assert!(InsurerNumber::new("131016").is_ok());
        for bad in ["13101", "1310167", "13101a", "１３１０１６", ""] {
            assert_eq!(
                InsurerNumber::new(bad),
                Err(Rule::InsurerNumberFormat),
                "{bad}"
            );
        }
        assert!(InsuredNumber::new("0000012345").is_ok());
        assert!(InsuredNumber::new("H123456789").is_ok());
        for bad in [
            "h123456789",
            "H12345678",
            "H1234567890",
            "000001234",
            "A000012345",
            "00000123456",
        ] {
            assert_eq!(
                InsuredNumber::new(bad),
                Err(Rule::InsuredNumberFormat),
                "{bad}"
            );
        }
        assert!(OfficeNumber::new("1370000001").is_ok());
        assert_eq!(
            OfficeNumber::new("137000000"),
            Err(Rule::OfficeNumberFormat)
        );
        assert!(PostalCode::new("123-4567").is_ok());
        for bad in ["1234567", "123-456", "12-34567", "123ー4567", "abc-defg"] {
            assert_eq!(PostalCode::new(bad), Err(Rule::PostalCodeFormat), "{bad}");
        }
        assert!(ServiceId::new("n1-l1-s1.visit_care").is_ok());
        assert_eq!(ServiceId::new(""), Err(Rule::ServiceIdFormat));
        assert_eq!(ServiceId::new("サービス"), Err(Rule::ServiceIdFormat));
        assert_eq!(ServiceId::new("a".repeat(65)), Err(Rule::ServiceIdFormat));
    }

    #[test]
    fn conversions_agree_with_new() {
        assert_eq!(Text::try_from("x").unwrap().to_string(), "x");
        assert_eq!(
            OfficeNumber::try_from(String::from("bad")),
            Err(Rule::OfficeNumberFormat)
        );
        assert_eq!(
            PostalCode::new("100-0001").unwrap().into_string(),
            "100-0001"
        );
    }
}
