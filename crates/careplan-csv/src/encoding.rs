//! MS932 (Windows-31J) through encoding_rs, with the check that every
//! character survives the trip.
//!
//! A character counts as carried by MS932 only when encoding it and
//! decoding the bytes gives the same character back. That rules out, beside
//! characters MS932 lacks (𠮷, emoji, 〜 U+301C), the ones encoding_rs would
//! silently change: − U+2212 (written as 0x817C, read back as － U+FF0D),
//! ¥ U+00A5 and ‾ U+203E (written as ASCII \ and ~). None of these is ever
//! changed silently: export fails naming each field and character, unless
//! the caller passes a substitution map — and then every substitution made
//! is reported. [`JIS_TO_MS932`] is the usual map for the JIS-vs-MS932 pairs.
//!
//! ## Characters with two MS932 codes
//!
//! MS932 has about 400 characters at two places: the IBM extensions (rows
//! 0xFA40–0xFC4B: 髙 0xFBFC, 﨑 0xFAB1, 德 0xFABA, ⅰ 0xFA40, ￢ 0xFA54, ∵ 0xFA5B …),
//! the NEC-selected IBM extensions (0xED40–0xEEFC: 髙 0xEEE0, 﨑 0xED95, 德
//! 0xED9E, ⅰ 0xEEEF …) and the NEC special characters of row 13
//! (0x8740–0x879C: Ⅰ 0x8754, ㈱ 0x878A, and ≒ ≡ ∫ √ ⊥ ∠ ∵ ∩ ∪ again, which
//! JIS X 0208 row 2 already has at 0x81xx). careplan **reads every one of
//! them** as its character and **writes one**, the code the WHATWG Encoding
//! Standard's Shift_JIS encoder (encoding_rs) gives: the JIS X 0208 code
//! where there is one (∵ 0x81E6, ￢ 0x81CA), else NEC row 13 (Ⅰ 0x8754, ㈱
//! 0x878A), else the IBM extension (髙 0xFBFC, ⅰ 0xFA40) — never the
//! NEC-selected 0xED40–0xEEFC. Why: these are the codes every browser
//! writes (the Encoding Standard) and glibc's `iconv -t CP932` writes
//! (checked for each example here), and every MS932 reader reads them. (Python's `cp932` codec writes the NEC-selected codes
//! instead; careplan reads those too.) A file that used the NEC-selected
//! codes therefore goes out with the IBM codes for the same characters: the
//! text is the same, its bytes are not.

use std::collections::BTreeMap;

use encoding_rs::SHIFT_JIS;

/// The well-known pairs where JIS-based text uses one character and MS932
/// another for the same mark: 〜→～, −→－, —→―, ‖→∥, ¢→￠, £→￡, ¬→￢, ¥→￥, ‾→￣.
pub const JIS_TO_MS932: &[(char, char)] = &[
    ('\u{301C}', '\u{FF5E}'),
    ('\u{2212}', '\u{FF0D}'),
    ('\u{2014}', '\u{2015}'),
    ('\u{2016}', '\u{2225}'),
    ('\u{00A2}', '\u{FFE0}'),
    ('\u{00A3}', '\u{FFE1}'),
    ('\u{00AC}', '\u{FFE2}'),
    ('\u{00A5}', '\u{FFE5}'),
    ('\u{203E}', '\u{FFE3}'),
];

/// Whether MS932 carries `c` unchanged.
pub fn carried(c: char) -> bool {
    let mut buf = [0u8; 4];
    let s = c.encode_utf8(&mut buf);
    let (bytes, _, had_errors) = SHIFT_JIS.encode(s);
    if had_errors {
        return false;
    }
    let (back, bad) = SHIFT_JIS.decode_without_bom_handling(&bytes);
    !bad && back == *s
}

/// A substitution map: character → replacement (each replacement must itself be carried).
pub type Substitutions = BTreeMap<char, char>;

/// The map made of [`JIS_TO_MS932`].
pub fn jis_to_ms932() -> Substitutions {
    JIS_TO_MS932.iter().copied().collect()
}

/// Encodes text already checked to be carried.
pub fn encode(text: &str) -> Vec<u8> {
    SHIFT_JIS.encode(text).0.into_owned()
}

/// Decodes MS932 bytes; `None` if any byte sequence is not MS932.
pub fn decode(bytes: &[u8]) -> Option<String> {
    let (text, had_errors) = SHIFT_JIS.decode_without_bom_handling(bytes);
    (!had_errors).then(|| text.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ms932_mappings_are_decided() {
        // MS932's own marks round-trip.
        for c in [
            '～', '－', '―', '∥', '￠', '￡', '￢', '￥', '髙', '﨑', '①', '㈱', 'Ⅰ', 'ｱ', 'あ',
            '\\',
        ] {
            assert!(carried(c), "{c}");
        }
        // JIS-side marks, characters outside MS932, and silent changes do not.
        for c in [
            '〜', '−', '—', '‖', '¢', '£', '¬', '¥', '‾', '𠮷', '😀', 'é',
        ] {
            assert!(!carried(c), "{c}");
        }
        // The substitution table maps only to carried characters.
        for (from, to) in JIS_TO_MS932 {
            assert!(!carried(*from) && carried(*to), "{from} → {to}");
        }
    }

    /// The one code written for a character MS932 has at two or three
    /// places, and every one of them read (see the module docs).
    #[test]
    fn characters_with_two_codes_read_both_and_write_one() {
        // (character, the code written, the other codes read as it)
        type Case = (&'static str, &'static [u8], &'static [&'static [u8]]);
        let cases: [Case; 8] = [
            ("髙", &[0xFB, 0xFC], &[&[0xEE, 0xE0]]),
            ("﨑", &[0xFA, 0xB1], &[&[0xED, 0x95]]),
            ("德", &[0xFA, 0xBA], &[&[0xED, 0x9E]]),
            ("ⅰ", &[0xFA, 0x40], &[&[0xEE, 0xEF]]),
            ("Ⅰ", &[0x87, 0x54], &[&[0xFA, 0x4A]]),
            ("∵", &[0x81, 0xE6], &[&[0x87, 0x9A], &[0xFA, 0x5B]]),
            ("￢", &[0x81, 0xCA], &[&[0xEE, 0xF9], &[0xFA, 0x54]]),
            ("㈱", &[0x87, 0x8A], &[&[0xFA, 0x58]]),
        ];
        for (c, written, others) in cases {
            assert_eq!(encode(c), written, "{c} is written as {written:02X?}");
            assert_eq!(decode(written).as_deref(), Some(c), "{written:02X?}");
            for other in others {
                assert_eq!(
                    decode(other).as_deref(),
                    Some(c),
                    "{other:02X?} reads as {c}"
                );
            }
        }
    }

    #[test]
    fn decode_refuses_bytes_that_are_not_ms932() {
        assert_eq!(
            decode(&encode("居宅サービス計画")).unwrap(),
            "居宅サービス計画"
        );
        assert!(decode(&[0x81]).is_none());
        assert!(decode(&[0x82, 0xA0, 0xFF]).is_none());
    }
}
