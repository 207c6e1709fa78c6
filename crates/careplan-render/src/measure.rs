//! Measuring text before Typst does: how wide a text is in em, and where a
//! run without break opportunities must get one so that it wraps inside
//! its column instead of running over the next. Shared by every form's view.

/// The widest run without a break opportunity in the wide columns: 10 em,
/// twenty half-width characters (the narrowest such column, 第2表's goals,
/// holds 10.6 em).
pub(crate) const WIDE_EM: f64 = 10.0;

/// Millimetres per point.
pub(crate) const MM_PER_PT: f64 = 25.4 / 72.0;

/// The widest a character is in em: ASCII half an em in BIZ UD, others at
/// most one; the invisible break opportunity (U+200B) nothing.
pub(crate) fn char_em(c: char) -> f64 {
    match c {
        '\u{200B}' => 0.0,
        c if c.is_ascii() => 0.5,
        _ => 1.0,
    }
}

/// The width of the text's widest line in em (see [`char_em`]).
pub(crate) fn text_em(text: &str) -> f64 {
    text.lines()
        .map(|line| line.chars().map(char_em).sum::<f64>())
        .fold(0.0, f64::max)
}

/// At least how many lines `text` takes in a column `column_em` wide: each
/// line of it, wrapped.
pub(crate) fn lines_in(text: &str, column_em: f64) -> usize {
    text.lines()
        .map(|line| ((text_em(line) / column_em).ceil() as usize).max(1))
        .sum::<usize>()
        .max(1)
}

/// Whether a line may break beside `c` whatever its neighbours: white space,
/// CJK, and the break opportunities already inserted (U+200B).
pub(crate) fn breaks_by_itself(c: char) -> bool {
    c == '\u{200B}'
        || c.is_whitespace()
        || matches!(c as u32,
            0x2E80..=0x9FFF     // CJK radicals, kana, CJK punctuation, ideographs
            | 0xAC00..=0xD7AF   // Hangul
            | 0xF900..=0xFAFF   // CJK compatibility ideographs
            | 0xFF00..=0xFFEF   // full-width forms
            | 0x20000..=0x3FFFF) // CJK extensions
}

/// `text` with a break opportunity wherever a run without one would grow
/// wider than `room_em` (at most `WIDE_EM`; widths by [`char_em`]).
pub(crate) fn breakable(text: &str, room_em: f64) -> String {
    let limit = room_em.min(WIDE_EM);
    let mut out = String::with_capacity(text.len());
    let mut run = 0.0;
    for c in text.chars() {
        if breaks_by_itself(c) {
            run = 0.0;
        } else {
            let width = char_em(c);
            if run > 0.0 && run + width > limit {
                out.push('\u{200B}');
                run = 0.0;
            }
            run += width;
        }
        out.push(c);
    }
    out
}

/// The text as printed in a wide column: unchanged, except that a run of
/// characters with no break opportunity (a long URL, a telephone number, a
/// word with no spaces) wider than [`WIDE_EM`] gets an invisible break
/// opportunity (U+200B), so that it wraps instead of running out of its
/// cell. Japanese text breaks between characters anyway and is left alone.
pub(crate) fn wide(t: &impl AsRef<str>) -> String {
    breakable(t.as_ref(), WIDE_EM)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The longest run between break opportunities, in em: the tests'
    /// own oracle, walked apart from `breakable`.
    pub(crate) fn widest_run(text: &str) -> f64 {
        let mut widest: f64 = 0.0;
        let mut run = 0.0;
        for c in text.chars() {
            if breaks_by_itself(c) {
                run = 0.0;
            } else {
                run += char_em(c);
                widest = widest.max(run);
            }
        }
        widest
    }

    #[test]
    fn long_runs_get_break_opportunities() {
        let a = "a".repeat(45);
        let out = breakable(&a, WIDE_EM);
        assert_eq!(out.matches('\u{200B}').count(), 2);
        assert_eq!(out.replace('\u{200B}', ""), a);
        assert!(widest_run(&out) <= WIDE_EM);
        // Japanese and ordinary words are left alone.
        let jp = "リハビリをしてもっと動けるようになりたい。".repeat(5);
        assert_eq!(breakable(&jp, WIDE_EM), jp);
        assert_eq!(
            breakable("a short English sentence", WIDE_EM),
            "a short English sentence"
        );
    }

    #[test]
    fn label_widths_in_em() {
        assert_eq!(text_em("妻"), 1.0);
        assert_eq!(text_em("長男の妻の母"), 6.0);
        assert_eq!(text_em("Mother\n長男の妻"), 4.0);
        assert_eq!(text_em("ab\u{200B}cd"), 2.0);
    }

    #[test]
    fn lines_count_breaks_and_wrapping() {
        assert_eq!(lines_in("高橋 洋子", 40.0), 1);
        assert_eq!(lines_in(&"あ".repeat(81), 40.0), 3);
        assert_eq!(lines_in("一\n二\n三", 40.0), 3);
        assert_eq!(lines_in(&"名\n".repeat(13), 40.0), 13);
    }
}
