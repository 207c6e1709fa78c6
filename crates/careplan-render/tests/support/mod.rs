//! Helpers the render tests share (included as `mod support;`): temporary
//! files, squashed text, and the checks made with independent tools
//! (poppler's `pdffonts`, `qpdf --check`; installed by `.ci/run`).

#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// Writes `bytes` to `name` in this test binary's own temporary folder
/// (`group` names the binary, the process id keeps runs apart).
pub fn tmp(group: &str, name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("careplan-{group}-tests-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// Text without white space and without the invisible break opportunities
/// (U+200B) the renderer adds to long unbroken runs.
pub fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{200B}')
        .collect()
}

/// The text of each page of the PDF at `path` (`pdftotext -raw`: a
/// cell's lines together), squashed, blank pages left out.
pub fn raw_pages(path: &Path) -> Vec<String> {
    let out = Command::new("pdftotext")
        .args(["-raw", "-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext is needed for this test (poppler-utils)");
    String::from_utf8_lossy(&out.stdout)
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .map(squash)
        .collect()
}

/// Every font of the PDF at `path` is embedded and a subset (`ABCDEF+Name`),
/// there is at least one, and `qpdf --check` finds nothing wrong.
pub fn assert_fonts_embedded_subsets_and_qpdf_clean(path: &Path) {
    let listing = Command::new("pdffonts")
        .arg(path)
        .output()
        .expect("pdffonts is needed for this test (poppler-utils)");
    let listing = String::from_utf8(listing.stdout).unwrap();
    let rows: Vec<&str> = listing
        .lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .collect();
    assert!(!rows.is_empty(), "{}: no fonts\n{listing}", path.display());
    for row in rows {
        let name = row.split_whitespace().next().unwrap();
        // Subset fonts carry a six-letter tag: ABCDEF+Name.
        assert!(
            name.len() > 7 && name.as_bytes()[6] == b'+',
            "{}: not a subset: {row}",
            path.display()
        );
        let cols: Vec<&str> = row.split_whitespace().collect();
        // Columns from the end: object id (2), uni, sub, emb.
        assert_eq!(
            cols[cols.len() - 5],
            "yes",
            "{}: not embedded: {row}",
            path.display()
        );
    }
    let check = Command::new("qpdf")
        .arg("--check")
        .arg(path)
        .output()
        .expect("qpdf is needed for this test");
    assert!(
        check.status.success(),
        "{}: {}",
        path.display(),
        String::from_utf8_lossy(&check.stdout)
    );
}

/// Whether `value` is in `text` as consecutive pieces: a cell broken over
/// a page comes out in pieces, each whole lines, with other cells and the
/// repeated heads between them. Each piece must be at least 6 characters
/// (or the rest of the value), so the check cannot pass on scattered
/// characters.
pub fn found_in_pieces(text: &str, value: &str) -> bool {
    let chars: Vec<char> = value.chars().collect();
    let mut at = 0;
    while at < chars.len() {
        let mut best = 0;
        let mut len = 1;
        while at + len <= chars.len() {
            let piece: String = chars[at..at + len].iter().collect();
            if text.contains(&piece) {
                best = len;
                len += 1;
            } else {
                break;
            }
        }
        if best == 0 || (best < 6 && at + best < chars.len()) {
            return false;
        }
        at += best;
    }
    true
}
