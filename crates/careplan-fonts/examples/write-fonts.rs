//! Writes the shipped fonts as careplan embeds them (without hinting) and
//! their license into a directory: the `fonts/` of the npm package
//! `@careplan/render`, so that a render in WebAssembly reads the very
//! bytes the native renderer does.
//!
//! `cargo run -p careplan-fonts --example write-fonts -- DIR`

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: write-fonts DIR");
        return ExitCode::from(2);
    };
    let written = std::fs::create_dir_all(&dir).and_then(|()| {
        for f in careplan_fonts::bundled() {
            std::fs::write(dir.join(f.file_name), f.data)?;
        }
        std::fs::write(dir.join("OFL.txt"), careplan_fonts::LICENSE)
    });
    match written {
        Ok(()) if !careplan_fonts::bundled().is_empty() => ExitCode::SUCCESS,
        Ok(()) => {
            eprintln!("write-fonts: built without the `bundled` feature: no fonts");
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("write-fonts: {}: {e}", dir.display());
            ExitCode::FAILURE
        }
    }
}
