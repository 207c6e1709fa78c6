//! Removes the TrueType hinting instructions from a font: the glyph
//! programs in `glyf`, and the `fpgm`, `prep` and `cvt ` tables (with the
//! device tables that only hinting uses and the `DSIG` signature that no
//! longer matches). Outlines, metrics, `cmap`, `GSUB` and every other
//! table are copied unchanged.
//!
//! The build script runs this over the shipped fonts (see `build.rs`):
//! Typst never executes hinting, and without it the subset fonts in each
//! PDF are a fifth smaller, which is a fifth less to compress on every
//! render. Shared by `build.rs` and the crate's library; no dependencies.

/// Tables dropped: hinting programs, hinting-only device metrics, the signature.
const DROPPED: [&[u8; 4]; 7] = [
    b"fpgm", b"prep", b"cvt ", b"hdmx", b"LTSH", b"VDMX", b"DSIG",
];

/// Composite glyph component flags.
const ARG_1_AND_2_ARE_WORDS: u16 = 0x0001;
const WE_HAVE_A_SCALE: u16 = 0x0008;
const MORE_COMPONENTS: u16 = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE: u16 = 0x0040;
const WE_HAVE_A_TWO_BY_TWO: u16 = 0x0080;
const WE_HAVE_INSTRUCTIONS: u16 = 0x0100;

fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes([
        *data.get(at)?,
        *data.get(at.checked_add(1)?)?,
    ]))
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    let b = data.get(at..at.checked_add(4)?)?;
    Some(u32::from_be_bytes([
        *b.first()?,
        *b.get(1)?,
        *b.get(2)?,
        *b.get(3)?,
    ]))
}

fn put_u16(data: &mut [u8], at: usize, v: u16) -> Option<()> {
    data.get_mut(at..at.checked_add(2)?)?
        .copy_from_slice(&v.to_be_bytes());
    Some(())
}

fn put_u32(data: &mut [u8], at: usize, v: u32) -> Option<()> {
    data.get_mut(at..at.checked_add(4)?)?
        .copy_from_slice(&v.to_be_bytes());
    Some(())
}

/// The OpenType table checksum: the sum of big-endian u32 words, zero-padded.
fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, c| {
        let mut w = [0u8; 4];
        for (d, s) in w.iter_mut().zip(c) {
            *d = *s;
        }
        sum.wrapping_add(u32::from_be_bytes(w))
    })
}

/// One glyph without its instructions.
fn strip_glyph(glyph: &[u8], out: &mut Vec<u8>) -> Option<()> {
    if glyph.is_empty() {
        return Some(());
    }
    let contours = i16::from_be_bytes(u16_at(glyph, 0)?.to_be_bytes());
    if contours >= 0 {
        // header (10) + endPtsOfContours, then instructionLength and the instructions
        let at = 10usize.checked_add(2usize.checked_mul(usize::try_from(contours).ok()?)?)?;
        let len = usize::from(u16_at(glyph, at)?);
        let rest = at.checked_add(2)?.checked_add(len)?;
        out.extend_from_slice(glyph.get(..at)?);
        out.extend_from_slice(&[0, 0]);
        out.extend_from_slice(glyph.get(rest..)?);
    } else {
        // Components; the instructions, if any, follow the last one.
        let mut g = glyph.to_vec();
        let mut at = 10usize;
        loop {
            let flags = u16_at(&g, at)?;
            put_u16(&mut g, at, flags & !WE_HAVE_INSTRUCTIONS)?;
            let mut size = 4 + if flags & ARG_1_AND_2_ARE_WORDS != 0 {
                4
            } else {
                2
            };
            if flags & WE_HAVE_A_SCALE != 0 {
                size += 2;
            } else if flags & WE_HAVE_AN_X_AND_Y_SCALE != 0 {
                size += 4;
            } else if flags & WE_HAVE_A_TWO_BY_TWO != 0 {
                size += 8;
            }
            at = at.checked_add(size)?;
            if flags & MORE_COMPONENTS == 0 {
                break;
            }
        }
        out.extend_from_slice(g.get(..at)?);
    }
    // Keep every glyph 4-byte aligned (long `loca` offsets).
    while !out.len().is_multiple_of(4) {
        out.push(0);
    }
    Some(())
}

/// The font without hinting, or `None` if it is not a TrueType font this
/// understands (a collection, CFF outlines, or damaged tables).
pub fn strip_hinting(font: &[u8]) -> Option<Vec<u8>> {
    let version = u32_at(font, 0)?;
    if version != 0x0001_0000 && version != u32::from_be_bytes(*b"true") {
        return None;
    }
    let count = usize::from(u16_at(font, 4)?);
    let mut tables: Vec<([u8; 4], Vec<u8>)> = Vec::with_capacity(count);
    for i in 0..count {
        let rec = 12usize.checked_add(i.checked_mul(16)?)?;
        let tag: [u8; 4] = font.get(rec..rec.checked_add(4)?)?.try_into().ok()?;
        let offset = usize::try_from(u32_at(font, rec.checked_add(8)?)?).ok()?;
        let length = usize::try_from(u32_at(font, rec.checked_add(12)?)?).ok()?;
        let data = font.get(offset..offset.checked_add(length)?)?.to_vec();
        tables.push((tag, data));
    }
    let find = |tag: &[u8; 4]| tables.iter().position(|(t, _)| t == tag);
    let (head_i, maxp_i, loca_i, glyf_i) = (
        find(b"head")?,
        find(b"maxp")?,
        find(b"loca")?,
        find(b"glyf")?,
    );
    let long_loca = u16_at(&tables.get(head_i)?.1, 50)? == 1;
    let glyphs = usize::from(u16_at(&tables.get(maxp_i)?.1, 4)?);
    let loca = &tables.get(loca_i)?.1;
    let offset = |i: usize| -> Option<usize> {
        if long_loca {
            usize::try_from(u32_at(loca, i.checked_mul(4)?)?).ok()
        } else {
            Some(usize::from(u16_at(loca, i.checked_mul(2)?)?).checked_mul(2)?)
        }
    };
    let glyf = &tables.get(glyf_i)?.1;
    let mut new_glyf = Vec::with_capacity(glyf.len());
    let mut new_loca = Vec::with_capacity(glyphs.checked_add(1)?.checked_mul(4)?);
    for i in 0..glyphs {
        new_loca.extend_from_slice(&u32::try_from(new_glyf.len()).ok()?.to_be_bytes());
        let (start, end) = (offset(i)?, offset(i.checked_add(1)?)?);
        strip_glyph(glyf.get(start..end)?, &mut new_glyf)?;
    }
    new_loca.extend_from_slice(&u32::try_from(new_glyf.len()).ok()?.to_be_bytes());

    let head = &mut tables.get_mut(head_i)?.1;
    put_u16(head, 50, 1)?; // long loca
    put_u32(head, 8, 0)?; // checkSumAdjustment, set below
    let maxp = &mut tables.get_mut(maxp_i)?.1;
    if maxp.len() >= 32 {
        put_u16(maxp, 26, 0)?; // maxSizeOfInstructions
    }
    tables.get_mut(glyf_i)?.1 = new_glyf;
    tables.get_mut(loca_i)?.1 = new_loca;
    tables.retain(|(tag, _)| !DROPPED.contains(&tag));
    tables.sort_by_key(|t| t.0);

    // Write the font: directory, then the tables 4-byte aligned.
    let n = u16::try_from(tables.len()).ok()?;
    let selector = 15u16.checked_sub(n.leading_zeros() as u16)?; // floor(log2(n))
    let range = (1u16 << selector).checked_mul(16)?;
    let mut out = Vec::with_capacity(font.len());
    out.extend_from_slice(&version.to_be_bytes());
    for v in [n, range, selector, n.checked_mul(16)?.checked_sub(range)?] {
        out.extend_from_slice(&v.to_be_bytes());
    }
    let mut at = 12usize.checked_add(usize::from(n).checked_mul(16)?)?;
    let mut head_at = None;
    for (tag, data) in &tables {
        if tag == b"head" {
            head_at = Some(at);
        }
        out.extend_from_slice(tag);
        out.extend_from_slice(&checksum(data).to_be_bytes());
        out.extend_from_slice(&u32::try_from(at).ok()?.to_be_bytes());
        out.extend_from_slice(&u32::try_from(data.len()).ok()?.to_be_bytes());
        at = at.checked_add(data.len().checked_add(3)? / 4 * 4)?;
    }
    for (_, data) in &tables {
        out.extend_from_slice(data);
        while !out.len().is_multiple_of(4) {
            out.push(0);
        }
    }
    let adjustment = 0xB1B0_AFBAu32.wrapping_sub(checksum(&out));
    put_u32(&mut out, head_at?.checked_add(8)?, adjustment)?;
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const FONTS: [&[u8]; 3] = [
        include_bytes!("../fonts/BIZUDGothic-Regular.ttf"),
        include_bytes!("../fonts/BIZUDGothic-Bold.ttf"),
        include_bytes!("../fonts/BIZUDMincho-Regular.ttf"),
    ];

    /// An outline as a list of drawing commands.
    #[derive(Default, PartialEq, Debug)]
    struct Path(Vec<(char, [f32; 6])>);

    impl ttf_parser::OutlineBuilder for Path {
        fn move_to(&mut self, x: f32, y: f32) {
            self.0.push(('M', [x, y, 0.0, 0.0, 0.0, 0.0]));
        }
        fn line_to(&mut self, x: f32, y: f32) {
            self.0.push(('L', [x, y, 0.0, 0.0, 0.0, 0.0]));
        }
        fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
            self.0.push(('Q', [x1, y1, x, y, 0.0, 0.0]));
        }
        fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
            self.0.push(('C', [x1, y1, x2, y2, x, y]));
        }
        fn close(&mut self) {
            self.0.push(('Z', [0.0; 6]));
        }
    }

    #[test]
    fn outlines_metrics_and_characters_are_unchanged_and_hinting_is_gone() {
        for font in FONTS {
            let stripped = strip_hinting(font).unwrap();
            assert!(
                stripped.len() < font.len() * 9 / 10,
                "{} → {}",
                font.len(),
                stripped.len()
            );
            let a = ttf_parser::Face::parse(font, 0).unwrap();
            let b = ttf_parser::Face::parse(&stripped, 0).unwrap();
            assert_eq!(a.number_of_glyphs(), b.number_of_glyphs());
            assert_eq!(a.units_per_em(), b.units_per_em());
            for id in 0..a.number_of_glyphs() {
                let g = ttf_parser::GlyphId(id);
                let (mut pa, mut pb) = (Path::default(), Path::default());
                assert_eq!(
                    a.outline_glyph(g, &mut pa),
                    b.outline_glyph(g, &mut pb),
                    "glyph {id}"
                );
                assert_eq!(pa, pb, "glyph {id}");
                assert_eq!(a.glyph_hor_advance(g), b.glyph_hor_advance(g), "glyph {id}");
                assert_eq!(a.glyph_ver_advance(g), b.glyph_ver_advance(g), "glyph {id}");
            }
            for c in "居宅サービス計画書（１）第１表髙﨑①～〜 aZ09".chars() {
                assert_eq!(a.glyph_index(c), b.glyph_index(c), "{c}");
            }
            let raw = ttf_parser::RawFace::parse(&stripped, 0).unwrap();
            for tag in DROPPED {
                assert!(raw.table(ttf_parser::Tag::from_bytes(tag)).is_none());
            }
            // The whole file's checksum is the magic number, as the format asks.
            assert_eq!(checksum(&stripped), 0xB1B0_AFBA);
            // A second pass changes nothing.
            assert_eq!(strip_hinting(&stripped).unwrap(), stripped);
        }
    }

    #[test]
    fn what_is_not_a_truetype_font_is_refused() {
        assert_eq!(strip_hinting(b""), None);
        assert_eq!(strip_hinting(b"not a font at all"), None);
        assert_eq!(strip_hinting(b"OTTO\0\0\0\0\0\0\0\0"), None);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Damaged fonts (cut short, or bytes overwritten) never panic.
        #[test]
        fn damaged_fonts_never_panic(cut in 0usize..4096, at in 0usize..2048, byte in any::<u8>()) {
            let font = FONTS[0];
            let mut head = font[..cut.min(font.len())].to_vec();
            if let Some(b) = head.get_mut(at) {
                *b = byte;
            }
            let _ = strip_hinting(&head);
            let mut whole = font.to_vec();
            if let Some(b) = whole.get_mut(at) {
                *b = byte;
            }
            let _ = strip_hinting(&whole);
        }
    }
}
