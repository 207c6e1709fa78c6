//! Build script: with the `bundled` feature, embeds the shipped fonts
//! without their TrueType hinting instructions (see `src/hinting.rs`). A
//! font the stripper does not understand is embedded as it is, with a
//! warning.

#[path = "src/hinting.rs"]
mod hinting;

use std::error::Error;
use std::path::PathBuf;

/// The shipped font files, in `fonts/`.
const FONTS: [&str; 3] = [
    "BIZUDMincho-Regular.ttf",
    "BIZUDGothic-Regular.ttf",
    "BIZUDGothic-Bold.ttf",
];

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo:rerun-if-changed=src/hinting.rs");
    if std::env::var_os("CARGO_FEATURE_BUNDLED").is_none() {
        return Ok(());
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?);
    for name in FONTS {
        let source = PathBuf::from("fonts").join(name);
        println!("cargo:rerun-if-changed={}", source.display());
        let font = std::fs::read(&source)?;
        let bytes = hinting::strip_hinting(&font).unwrap_or_else(|| {
            println!("cargo:warning={name}: hinting not removed (not a plain TrueType font)");
            font
        });
        std::fs::write(out.join(name), bytes)?;
    }
    Ok(())
}
