//! The fonts the renderer uses: BIZ UDMincho and BIZ UDGothic from
//! careplan-fonts (feature `bundled-fonts`, on by default), plus any font
//! files the caller adds (IPAmj明朝 for rare name characters, say, or the
//! fonts themselves when the bundled ones are left out).

use typst::foundations::Bytes;
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;

/// Code points below this are looked up in a bitset built once per
/// renderer (24 KiB); the rest (rare) ask each font.
const BITSET_LIMIT: u32 = 0x3_0000;

/// The loaded fonts and their book, parsed once per renderer.
pub(crate) struct Fonts {
    pub book: LazyHash<FontBook>,
    pub fonts: Vec<Font>,
    /// Which code points below [`BITSET_LIMIT`] some font covers. Typst's
    /// `Coverage::contains` scans its ranges linearly; checking every
    /// character of a plan that way was a fifth of a render's instructions.
    covered: Vec<u64>,
}

impl Fonts {
    /// The bundled fonts followed by the extra ones. Extra font files that
    /// hold no usable font are an error naming the file's position; no font
    /// at all (no bundled fonts, none given) is an error too.
    pub fn load(extra: &[Vec<u8>]) -> Result<Fonts, crate::RenderError> {
        let mut fonts = Vec::new();
        for file in careplan_fonts::bundled() {
            fonts.extend(Font::iter(Bytes::new(file.data)));
        }
        for (i, data) in extra.iter().enumerate() {
            let before = fonts.len();
            fonts.extend(Font::iter(Bytes::new(data.clone())));
            if fonts.len() == before {
                return Err(crate::RenderError::Font(
                    format!(
                        "追加フォント{}番目を読み込めません（TrueType/OpenType ではありません）",
                        i + 1
                    ),
                    format!("extra font #{} holds no usable font", i + 1),
                ));
            }
        }
        if fonts.is_empty() {
            return Err(crate::RenderError::Font(
                "フォントがありません（careplan-fonts の bundled 機能を使うか、フォントを渡してください）"
                    .to_owned(),
                "no fonts: enable careplan-fonts' `bundled` feature or pass font files".to_owned(),
            ));
        }
        let book = FontBook::from_infos(fonts.iter().map(|f| f.info().clone()));
        let mut covered = vec![0u64; (BITSET_LIMIT / 64) as usize];
        for f in &fonts {
            for cp in f.info().coverage.iter().take_while(|cp| *cp < BITSET_LIMIT) {
                if let Some(word) = covered.get_mut((cp / 64) as usize) {
                    *word |= 1 << (cp % 64);
                }
            }
        }
        Ok(Fonts {
            book: LazyHash::new(book),
            fonts,
            covered,
        })
    }

    /// Whether some loaded font has a glyph for `c`.
    pub fn covers(&self, c: char) -> bool {
        let cp = c as u32;
        if cp < BITSET_LIMIT {
            self.covered
                .get((cp / 64) as usize)
                .is_some_and(|w| w & (1 << (cp % 64)) != 0)
        } else {
            self.fonts.iter().any(|f| f.info().coverage.contains(cp))
        }
    }

    /// The family names of the loaded fonts, without repeats, in order.
    pub fn families(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for f in &self.fonts {
            let family = f.info().family.clone();
            if !out.contains(&family) {
                out.push(family);
            }
        }
        out
    }
}

/// Characters that need no glyph of their own: white space and line breaks,
/// zero-width joiners and variation selectors (which select among the
/// glyphs of the character before them).
pub(crate) fn needs_no_glyph(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(c,
            '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}'
            | '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_fonts_load_and_cover_japanese() {
        let f = Fonts::load(&[]).unwrap();
        assert!(f.fonts.len() >= 3);
        let families = f.families();
        assert!(families.iter().any(|x| x == "BIZ UDMincho"), "{families:?}");
        assert!(families.iter().any(|x| x == "BIZ UDGothic"), "{families:?}");
        for c in "居宅サービス計画書第１表髙﨑①～〜".chars() {
            assert!(f.covers(c), "{c}");
        }
        // 𠮷 (U+20BB7) is not in BIZ UD.
        assert!(!f.covers('𠮷'));
        // The bitset agrees with the fonts' own coverage everywhere below its limit.
        for cp in (0..BITSET_LIMIT).step_by(7) {
            if let Some(c) = char::from_u32(cp) {
                let slow = f.fonts.iter().any(|x| x.info().coverage.contains(cp));
                assert_eq!(f.covers(c), slow, "U+{cp:04X}");
            }
        }
    }

    #[test]
    fn bad_extra_font_is_an_error() {
        assert!(Fonts::load(&[b"not a font".to_vec()]).is_err());
    }

    #[test]
    fn selectors_and_spaces_need_no_glyph() {
        for c in [' ', '\n', '\u{3000}', '\u{FE0F}', '\u{E0100}', '\u{200D}'] {
            assert!(needs_no_glyph(c), "{c:?}");
        }
        assert!(!needs_no_glyph('あ'));
    }
}
