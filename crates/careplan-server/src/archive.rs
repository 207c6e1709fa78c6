//! ZIP archives in and out: send sets and PNG pages out, send sets in.
//!
//! Written archives are deterministic: entries in the order given, deflate,
//! and one fixed modification time (the send set's timestamp, or
//! 1980-01-01 for PNG pages). Read archives are bounded: at most
//! [`MAX_ENTRIES`] files and, in all, no more bytes unpacked than the
//! caller allows, whatever sizes the archive claims.

use std::io::{Cursor, Read, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

/// The most files an incoming archive may hold.
pub const MAX_ENTRIES: usize = 10_000;

/// Why an archive could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ArchiveError {
    /// Not a ZIP archive, or a damaged one.
    Unreadable(String),
    /// More files than [`MAX_ENTRIES`].
    TooManyEntries(usize),
    /// The files unpack to more than the limit.
    TooLarge(u64),
}

impl ArchiveError {
    /// The messages in Japanese and English.
    pub fn messages(&self) -> (String, String) {
        match self {
            ArchiveError::Unreadable(why) => (
                format!("ZIP として読めません: {why}"),
                format!("not a readable ZIP archive: {why}"),
            ),
            ArchiveError::TooManyEntries(n) => (
                format!("ZIP のファイルが多すぎます（{n} 件、上限 {MAX_ENTRIES} 件）"),
                format!("too many files in the ZIP archive ({n}, at most {MAX_ENTRIES})"),
            ),
            ArchiveError::TooLarge(limit) => (
                format!("ZIP を展開すると {limit} バイトを超えます"),
                format!("the ZIP archive unpacks to more than {limit} bytes"),
            ),
        }
    }
}

/// `YYYYMMDDHHMMSS` as a ZIP time (1980-01-01 when out of ZIP's range).
pub fn zip_time(timestamp: &str) -> DateTime {
    let part = |from: usize, to: usize| -> Option<u16> { timestamp.get(from..to)?.parse().ok() };
    let parts = (
        part(0, 4),
        part(4, 6),
        part(6, 8),
        part(8, 10),
        part(10, 12),
        part(12, 14),
    );
    if let (Some(y), Some(mo), Some(d), Some(h), Some(mi), Some(s)) = parts
        && let Ok(t) =
            DateTime::from_date_and_time(y, mo as u8, d as u8, h as u8, mi as u8, s as u8)
    {
        return t;
    }
    DateTime::default()
}

/// A ZIP archive of `files`, in order, each stamped `time`.
pub fn write(files: &[(String, Vec<u8>)], time: DateTime) -> Result<Vec<u8>, String> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(time)
        .unix_permissions(0o644);
    for (name, bytes) in files {
        zip.start_file(name.as_str(), options)
            .map_err(|e| e.to_string())?;
        zip.write_all(bytes).map_err(|e| e.to_string())?;
    }
    zip.finish()
        .map(Cursor::into_inner)
        .map_err(|e| e.to_string())
}

/// The files of an archive, by their base names (folders inside the
/// archive are ignored), unpacking at most `limit` bytes in all.
pub fn read(bytes: &[u8], limit: u64) -> Result<Vec<(String, Vec<u8>)>, ArchiveError> {
    let mut zip =
        ZipArchive::new(Cursor::new(bytes)).map_err(|e| ArchiveError::Unreadable(e.to_string()))?;
    if zip.len() > MAX_ENTRIES {
        return Err(ArchiveError::TooManyEntries(zip.len()));
    }
    let mut out = Vec::new();
    let mut left = limit;
    for i in 0..zip.len() {
        let mut entry = zip
            .by_index(i)
            .map_err(|e| ArchiveError::Unreadable(e.to_string()))?;
        if entry.is_dir() {
            continue;
        }
        let name = entry
            .name()
            .map_err(|e| ArchiveError::Unreadable(e.to_string()))?
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or_default()
            .to_owned();
        let mut data = Vec::new();
        // Read one byte past what is left, to tell "exactly" from "more".
        let read = (&mut entry)
            .take(left.saturating_add(1))
            .read_to_end(&mut data)
            .map_err(|e| ArchiveError::Unreadable(e.to_string()))?;
        if read as u64 > left {
            return Err(ArchiveError::TooLarge(limit));
        }
        left -= read as u64;
        out.push((name, data));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_deterministic_archives_that_read_back() {
        let files = vec![
            ("A.csv".to_owned(), b"1,2\r\n".to_vec()),
            ("B.csv".to_owned(), vec![0x82, 0xa0]),
        ];
        let t = zip_time("20260401093000");
        let a = write(&files, t).unwrap();
        assert_eq!(a, write(&files, t).unwrap());
        assert_eq!(read(&a, 1000).unwrap(), files);
        assert_eq!(read(&a, 6), Err(ArchiveError::TooLarge(6)));
        assert_eq!(read(&a, 7).unwrap(), files);
        assert!(matches!(
            read(b"not a zip", 10),
            Err(ArchiveError::Unreadable(_))
        ));
    }

    #[test]
    fn folders_inside_are_dropped_from_names() {
        let a = write(
            &[("set/one/X.csv".to_owned(), b"x".to_vec())],
            DateTime::default(),
        )
        .unwrap();
        assert_eq!(
            read(&a, 10).unwrap(),
            vec![("X.csv".to_owned(), b"x".to_vec())]
        );
    }

    #[test]
    fn timestamps_outside_zips_range_fall_back() {
        assert_eq!(zip_time("19700101000000"), DateTime::default());
        assert_eq!(zip_time("2026"), DateTime::default());
        let t = zip_time("20261201235959");
        assert_eq!((t.year(), t.month(), t.second()), (2026, 12, 58));
    }
}
