//! The command line's file and terminal I/O: the only place careplan reads
//! or writes files. Outputs are written whole or not at all, and a file
//! careplan names itself (a send set, an imported plan) never replaces one
//! that is already there.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// Reads a file, or standard input for `-`.
pub(crate) fn read_input(path: &str) -> Result<String, String> {
    if path == "-" {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .map_err(|e| format!("標準入力を読めません / cannot read standard input: {e}"))?;
        Ok(s)
    } else {
        std::fs::read_to_string(path)
            .map_err(|e| format!("{path} を読めません / cannot read {path}: {e}"))
    }
}

/// The bytes of every `--font` file, or the message naming the one that
/// cannot be read.
pub(crate) fn read_fonts(paths: &[std::path::PathBuf]) -> Result<Vec<Vec<u8>>, String> {
    paths
        .iter()
        .map(|f| std::fs::read(f).map_err(|e| format!("{}: {e}", f.display())))
        .collect()
}

/// Writes a document as pretty JSON to standard output (a report, a plan).
pub(crate) fn emit_json(doc: &impl serde::Serialize) -> Result<(), String> {
    let json = serde_json::to_string_pretty(doc).map_err(|e| e.to_string())?;
    emit(&format!("{json}\n"));
    Ok(())
}

/// Writes to standard output, ignoring a closed pipe.
pub(crate) fn emit(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}

/// `bytes` in a temporary file in `path`'s folder (made if need be), to be
/// persisted as `path`: a failure never leaves half a file.
fn staged(path: &Path, bytes: &[u8]) -> Result<tempfile::NamedTempFile, String> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut tmp =
        tempfile::NamedTempFile::new_in(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    tmp.write_all(bytes)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    // Temporary files are private (0600); the output is an ordinary file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = tmp
            .as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644));
    }
    Ok(tmp)
}

/// Writes `bytes` to `path` (replacing a file the user named), whole or not at all.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), String> {
    staged(path, bytes)?
        .persist(path)
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(())
}

/// Writes files careplan names itself into `dir`, each whole, none over a
/// file that is already there: if any target exists, nothing is written
/// and the error names every one. (Between the check and the writing a
/// file could still appear; each is then written with `persist_noclobber`,
/// which refuses rather than replaces it.)
pub(crate) fn write_new_files(
    dir: &Path,
    files: &[(String, Vec<u8>)],
) -> Result<Vec<PathBuf>, String> {
    let existing: Vec<String> = files
        .iter()
        .map(|(name, _)| dir.join(name))
        .filter(|p| p.exists())
        .map(|p| p.display().to_string())
        .collect();
    if !existing.is_empty() {
        return Err(format!(
            "同じ名前のファイルがあるため書き出しません（上書きしません）: {} / not written: these files exist and are never overwritten: {}",
            existing.join("、"),
            existing.join(", ")
        ));
    }
    let mut written = Vec::new();
    for (name, bytes) in files {
        let path = dir.join(name);
        staged(&path, bytes)?
            .persist_noclobber(&path)
            .map_err(|e| {
                format!(
                    "{} は既にあります（上書きしません） / {} exists, not overwritten: {e}",
                    path.display(),
                    path.display()
                )
            })?;
        written.push(path);
    }
    Ok(written)
}
