//! # careplan-fonts
//!
//! The fonts careplan prints with, in a crate of their own so that an
//! embedder can leave them out (`default-features = false`) and supply
//! fonts instead — a web page that caches them apart, a system that has
//! them already — and so that every other crate stays small.
//!
//! With the `bundled` feature (on by default) [`bundled`] gives BIZ
//! UDMincho and BIZ UDGothic (regular and bold), Morisawa's
//! universal-design family, under the SIL Open Font License 1.1
//! (`fonts/OFL.txt`). They are embedded without their TrueType hinting
//! instructions ([`strip_hinting`], run by the build script): outlines,
//! metrics and character maps are unchanged, and the subsets written into
//! every PDF are a fifth smaller. BIZ UD is a trademark of Morisawa Inc.
//!
//! ```
//! let fonts = careplan_fonts::bundled();
//! # #[cfg(feature = "bundled")] {
//! assert_eq!(fonts.len(), 3);
//! assert!(fonts.iter().any(|f| f.family == "BIZ UDGothic" && f.bold));
//! assert!(fonts.iter().all(|f| f.data.starts_with(&[0, 1, 0, 0])));
//! # }
//! ```

mod hinting;

pub use hinting::strip_hinting;

/// A font file careplan ships.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FontFile {
    /// The family name the templates ask for (`BIZ UDGothic`).
    pub family: &'static str,
    /// Whether it is the bold face.
    pub bold: bool,
    /// The file's name in `fonts/`.
    pub file_name: &'static str,
    /// The font, without hinting instructions.
    pub data: &'static [u8],
}

#[cfg(feature = "bundled")]
const BUNDLED: &[FontFile] = &[
    FontFile {
        family: "BIZ UDMincho",
        bold: false,
        file_name: "BIZUDMincho-Regular.ttf",
        data: include_bytes!(concat!(env!("OUT_DIR"), "/BIZUDMincho-Regular.ttf")),
    },
    FontFile {
        family: "BIZ UDGothic",
        bold: false,
        file_name: "BIZUDGothic-Regular.ttf",
        data: include_bytes!(concat!(env!("OUT_DIR"), "/BIZUDGothic-Regular.ttf")),
    },
    FontFile {
        family: "BIZ UDGothic",
        bold: true,
        file_name: "BIZUDGothic-Bold.ttf",
        data: include_bytes!(concat!(env!("OUT_DIR"), "/BIZUDGothic-Bold.ttf")),
    },
];

#[cfg(not(feature = "bundled"))]
const BUNDLED: &[FontFile] = &[];

/// The shipped fonts (empty without the `bundled` feature), in the order
/// careplan loads them: BIZ UDMincho, BIZ UDGothic, BIZ UDGothic Bold.
pub fn bundled() -> &'static [FontFile] {
    BUNDLED
}

/// The license of the shipped fonts (SIL Open Font License 1.1), with the
/// note of what careplan changed in them.
pub const LICENSE: &str = include_str!("../fonts/OFL.txt");

#[cfg(all(test, feature = "bundled"))]
mod tests {
    use super::*;

    /// careplan-render's templates shape all text as one script (`hani`).
    /// That changes nothing only while every script of the shipped fonts
    /// has the same substitutions and the fonts position nothing by script.
    #[test]
    fn shipped_fonts_shape_every_script_alike() {
        for file in bundled() {
            let face = ttf_parser::Face::parse(file.data, 0).unwrap();
            assert!(face.tables().gpos.is_none());
            let gsub = face.tables().gsub.unwrap();
            let per_script: Vec<Vec<(ttf_parser::Tag, Vec<u16>)>> = gsub
                .scripts
                .into_iter()
                .map(|script| {
                    let mut features: Vec<_> = script
                        .default_language
                        .unwrap()
                        .feature_indices
                        .into_iter()
                        .map(|i| {
                            let f = gsub.features.get(i).unwrap();
                            (f.tag, f.lookup_indices.into_iter().collect())
                        })
                        .collect();
                    features.sort();
                    features
                })
                .collect();
            assert!(per_script.len() > 1);
            assert!(per_script.iter().all(|f| f == &per_script[0]));
        }
    }

    #[test]
    fn the_bundled_fonts_are_the_families_the_templates_name() {
        let families: Vec<(&str, bool)> = bundled().iter().map(|f| (f.family, f.bold)).collect();
        assert_eq!(
            families,
            [
                ("BIZ UDMincho", false),
                ("BIZ UDGothic", false),
                ("BIZ UDGothic", true)
            ]
        );
        for f in bundled() {
            let face = ttf_parser::Face::parse(f.data, 0).unwrap();
            let family = face
                .names()
                .into_iter()
                .filter(|n| {
                    n.name_id == ttf_parser::name_id::FAMILY
                        && n.is_unicode()
                        && n.language_id == 0x0409
                })
                .find_map(|n| n.to_string());
            assert_eq!(family.as_deref(), Some(f.family), "{}", f.file_name);
        }
        assert!(LICENSE.contains("SIL OPEN FONT LICENSE"));
    }
}
