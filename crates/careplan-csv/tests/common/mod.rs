//! Field-by-field comparison of send sets, shared by the fidelity test and
//! the CSV round-trip properties.

// Each test binary uses a part of these.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::Path;

use careplan_csv::records::Kind;
use careplan_csv::*;

/// Records with several rows per plan, whose repeated values may be blank.
pub const REPEATING: [&str; 5] = [
    "UP2KYO",
    "UP3KYO",
    "UPYOBO_SUB",
    "UPKIHON_SUB1",
    "UPKIHON_SUB2",
];

/// Each file of a set by record prefix: its rows of fields, line breaks
/// inside texts as LF.
pub fn rows_by_record(files: &[InputFile]) -> BTreeMap<String, Vec<Vec<String>>> {
    let mut out = BTreeMap::new();
    for f in files {
        let kind = Kind::of_file_name(&f.name).unwrap_or_else(|| panic!("{}: no record", f.name));
        let text = encoding::decode(&f.bytes).unwrap_or_else(|| panic!("{}: not MS932", f.name));
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut rows = Vec::new();
        for r in reader.records() {
            let r = r.unwrap();
            rows.push(r.iter().map(|x| x.replace("\r\n", "\n")).collect());
        }
        let prev = out.insert(kind.prefix().to_owned(), rows);
        assert!(prev.is_none(), "{}: two files of one record", f.name);
    }
    out
}

/// Rows with the blanks of repeated values filled from the row before of
/// the same plan (fields 2–3, 保険者番号 and 被保険者番号).
pub fn filled(record: &str, rows: &[Vec<String>]) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    for row in rows {
        let mut row = row.clone();
        if REPEATING.contains(&record)
            && let Some(prev) = out.last()
            && prev.get(1..3) == row.get(1..3)
        {
            for (k, v) in row.iter_mut().enumerate() {
                if v.is_empty()
                    && let Some(p) = prev.get(k)
                {
                    v.clone_from(p);
                }
            }
        }
        out.push(row);
    }
    out
}

/// Every field of `original` that `again` does not carry the same, as
/// "record row N field No.K (name): 'a' became 'b'".
pub fn differences(
    original: &BTreeMap<String, Vec<Vec<String>>>,
    again: &BTreeMap<String, Vec<Vec<String>>>,
) -> Vec<(String, u16, String)> {
    let mut out = Vec::new();
    for (record, rows) in original {
        let kind = Kind::of_prefix(record).unwrap();
        let Some(back) = again.get(record) else {
            out.push((record.clone(), 0, format!("{record}: not written again")));
            continue;
        };
        let (a, b) = (filled(record, rows), filled(record, back));
        if a.len() != b.len() {
            out.push((
                record.clone(),
                0,
                format!("{record}: {} rows became {}", a.len(), b.len()),
            ));
            continue;
        }
        for (i, (ra, rb)) in a.iter().zip(&b).enumerate() {
            for (k, def) in kind.fields().iter().enumerate() {
                let (x, y) = (ra.get(k), rb.get(k));
                if x != y {
                    out.push((
                        record.clone(),
                        def.no,
                        format!(
                            "{record} row {} field No.{} ({}): {:?} became {:?}",
                            i + 1,
                            def.no,
                            def.name,
                            x.map_or("", |s| s.as_str()),
                            y.map_or("", |s| s.as_str())
                        ),
                    ));
                }
            }
        }
    }
    out
}

/// Written files as files to import.
pub fn inputs(files: &[CsvFile]) -> Vec<InputFile> {
    files
        .iter()
        .map(|f| InputFile {
            name: f.name.clone(),
            bytes: f.bytes.clone(),
        })
        .collect()
}

/// The CSV files of a folder, by name.
pub fn read_set(dir: &Path) -> Vec<InputFile> {
    let mut v: Vec<InputFile> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x.eq_ignore_ascii_case("csv")))
        .map(|p| InputFile {
            name: p.file_name().unwrap().to_string_lossy().into_owned(),
            bytes: std::fs::read(&p).unwrap(),
        })
        .collect();
    v.sort_by(|a, b| a.name.cmp(&b.name));
    v
}
