//! Files into rows: the record kind from the file name, MS932, CSV, the
//! field count and the CSVバージョン; and the plans a bad file's records
//! belong to, which must then not be imported at all.

use careplan_core::{InsuredNumber, InsurerNumber};
use chrono::NaiveDate;

use super::values::{Row, file_error};
use crate::encoding::decode;
use crate::records::{
    Dlt1kyo, Dltjsk, Dltkihon, Dltplan, Dltyobo, HOSOKU_PLAN_MONTH, Hosoku, Kind, Up1kyo, Up2kyo,
    Up3kyo, Upjsk, Upkihon, UpkihonSub1, UpkihonSub2, Upplan, Upyobo, UpyoboSub,
};
use crate::{CSV_VERSION, ImportError, ImportErrorCode, InputFile, PlanKey};

/// What was read from one file: good rows, errors, and the plans the bad
/// records belong to (every plan of the file when a bad record cannot be
/// attributed), which must then not be imported at all.
pub(super) struct FileRead {
    pub rows: Vec<Row>,
    pub errors: Vec<ImportError>,
    pub bad_keys: Vec<PlanKey>,
    poison_all: bool,
}

/// The field of a record that holds 居宅サービス計画作成（変更）日, the last part
/// of the key that ties a plan's records together.
pub(super) fn key_field(kind: Kind) -> u16 {
    match kind {
        Kind::T1 => Up1kyo::PLAN_DATE,
        Kind::Hosoku => Hosoku::PLAN_DATE,
        Kind::Delete => Dlt1kyo::PLAN_DATE,
        Kind::T2 => Up2kyo::PLAN_DATE,
        Kind::T3 => Up3kyo::PLAN_DATE,
        Kind::Yobo => Upyobo::PLAN_DATE,
        Kind::YoboSub => UpyoboSub::PLAN_DATE,
        Kind::YoboDelete => Dltyobo::PLAN_DATE,
        Kind::Kihon => Upkihon::CONSULTATION_DATE,
        Kind::KihonSub1 => UpkihonSub1::CONSULTATION_DATE,
        Kind::KihonSub2 => UpkihonSub2::CONSULTATION_DATE,
        Kind::KihonDelete => Dltkihon::CONSULTATION_DATE,
        Kind::Plan => Upplan::TARGET_MONTH,
        Kind::Actual => Upjsk::TARGET_MONTH,
        Kind::PlanDelete => Dltplan::TARGET_MONTH,
        Kind::ActualDelete => Dltjsk::TARGET_MONTH,
        Kind::Sikyu => crate::records::Upsikyu::TARGET_MONTH,
    }
}

/// The field of 対象年月 of a monthly record (第6表's records, and an
/// UPHOSOKU whose No.63 names a month), whose key is the month.
fn month_field_of(kind: Kind, fields: &[String]) -> Option<u16> {
    if kind.is_monthly() {
        return Some(key_field(kind));
    }
    let target = usize::from(Hosoku::TARGET_MONTH - 1);
    (kind == Kind::Hosoku && fields.get(target).is_some_and(|m| m != HOSOKU_PLAN_MONTH))
        .then_some(Hosoku::TARGET_MONTH)
}

/// The field of 対象年月 of a monthly row (see [`month_field_of`]).
pub(super) fn month_field(row: &Row) -> Option<u16> {
    month_field_of(row.kind, &row.fields)
}

/// The key of a record, if its key fields can be read at all.
fn loose_key(kind: Kind, fields: &[String]) -> Option<PlanKey> {
    let get = |no: u16| {
        usize::from(no)
            .checked_sub(1)
            .and_then(|i| fields.get(i))
            .map(String::as_str)
            .unwrap_or("")
    };
    // A monthly record is remembered by the first day of its 対象年月.
    let plan_date = match month_field_of(kind, fields) {
        Some(no) => super::usage::month_of(get(no))?.first_day()?,
        None => NaiveDate::parse_from_str(get(key_field(kind)), "%Y%m%d").ok()?,
    };
    Some(PlanKey {
        insurer: InsurerNumber::new(get(Up1kyo::INSURER_NUMBER)).ok()?,
        insured: InsuredNumber::new(get(Up1kyo::INSURED_NUMBER)).ok()?,
        plan_date,
    })
}

/// Every key in a text read leniently (for a file that cannot be used).
fn keys_in(kind: Kind, text: &str) -> Vec<PlanKey> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    reader
        .records()
        .filter_map(Result::ok)
        .filter_map(|r| loose_key(kind, &r.iter().map(str::to_owned).collect::<Vec<_>>()))
        .collect()
}

/// The physical lines (1-based) where records start, found as the reader
/// goes: the line breaks are counted from the last record's start on, so a
/// file is scanned once (counting from the file's start for each record
/// made a 1,000-user UPJSK take seconds).
struct Lines<'a> {
    bytes: &'a [u8],
    /// The byte up to which line breaks are counted, and the line there.
    at: usize,
    line: u64,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Lines<'a> {
        Lines {
            bytes: text.as_bytes(),
            at: 0,
            line: 1,
        }
    }

    /// The line of the record starting at `byte`. The byte offset csv
    /// reports may point at the line break that ended the record before it
    /// (with CRLF files); that break is skipped.
    fn of(&mut self, byte: u64) -> u64 {
        let bytes = self.bytes;
        let mut start = usize::try_from(byte)
            .unwrap_or(bytes.len())
            .min(bytes.len());
        while matches!(bytes.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        if start < self.at {
            // Never asked for by the reader, which goes forward; count afresh.
            self.at = 0;
            self.line = 1;
        }
        let seen = bytes.get(self.at..start).unwrap_or_default();
        self.line += seen.iter().filter(|b| **b == b'\n').count() as u64;
        self.at = start;
        self.line
    }
}

/// Reads the rows of one file.
pub(super) fn read_file(f: &InputFile) -> FileRead {
    let mut out = FileRead {
        rows: Vec::new(),
        errors: Vec::new(),
        bad_keys: Vec::new(),
        poison_all: false,
    };
    if crate::records::is_kihon_image(&f.name) {
        // The 家族構成 JPEG: the record names it in No.62 and the caller
        // keeps the file; it has no rows.
        return out;
    }
    let Some(kind) = Kind::of_file_name(&f.name) else {
        out.errors.push(file_error(
            &f.name,
            None,
            ImportErrorCode::UnknownFileKind,
            "ファイル名が UPHOSOKU_/UP1KYO_/UP2KYO_/UP3KYO_/DLT1KYO_ で始まりません",
            "unknown file kind",
        ));
        return out;
    };
    let Some(text) = decode(&f.bytes) else {
        // Find the line of the first undecodable byte sequence.
        let mut line = 1u64;
        for chunk in f.bytes.split(|b| *b == b'\n') {
            if decode(chunk).is_none() {
                break;
            }
            line += 1;
        }
        out.errors.push(file_error(
            &f.name,
            Some(line),
            ImportErrorCode::NotMs932,
            "MS932（Shift_JIS）として読めないバイト列があります",
            "bytes that are not MS932",
        ));
        out.bad_keys = keys_in(
            kind,
            &encoding_rs::SHIFT_JIS
                .decode_without_bom_handling(&f.bytes)
                .0,
        );
        return out;
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut version: Option<String> = None;
    let mut lines = Lines::new(&text);
    let expected = kind.fields().len();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| lines.of(p.byte()));
                out.errors.push(file_error(
                    &f.name,
                    line,
                    ImportErrorCode::BrokenCsv,
                    "CSVとして読めません（引用符の誤りなど）",
                    format!("broken CSV: {e}"),
                ));
                out.poison_all = true;
                break;
            }
        };
        let line = record.position().map_or(0, |p| lines.of(p.byte()));
        if record.len() == 1 && record.get(0).is_some_and(str::is_empty) {
            continue; // an empty line
        }
        let fields: Vec<String> = record.iter().map(str::to_owned).collect();
        if record.len() != expected {
            let (n, prefix) = (record.len(), kind.prefix());
            out.errors.push(file_error(
                &f.name,
                Some(line),
                ImportErrorCode::FieldCount,
                format!(
                    "項目数が {n} です（{prefix} は {expected} 項目。引用符の閉じ忘れも考えられます）"
                ),
                format!("{n} fields, {prefix} expects {expected} (an unclosed quote?)"),
            ));
            // A broken quote swallows the records after it: none of this file's plans is safe.
            match loose_key(kind, &fields) {
                Some(k) if record.len() > expected => out.bad_keys.push(k),
                _ => out.poison_all = true,
            }
            continue;
        }
        let row = Row {
            file: f.name.clone(),
            line,
            kind,
            fields,
        };
        let v = row.get(Up1kyo::CSV_VERSION).to_owned();
        let bad = match &version {
            None => {
                version = Some(v.clone());
                None
            }
            Some(first) if *first != v => Some((
                format!("1ファイルに複数のCSVバージョンがあります（{first} と {v}）"),
                "mixed CSV versions",
            )),
            _ => None,
        };
        let bad = bad.or_else(|| {
            (v != CSV_VERSION).then(|| {
                (
                    format!("CSVバージョン {v} には対応していません（{CSV_VERSION}）"),
                    "unsupported CSV version",
                )
            })
        });
        if let Some((ja, en)) = bad {
            out.errors
                .push(row.err(Up1kyo::CSV_VERSION, ImportErrorCode::CsvVersion, ja, en));
            match loose_key(kind, &row.fields) {
                Some(k) => out.bad_keys.push(k),
                None => out.poison_all = true,
            }
            continue;
        }
        out.rows.push(row);
    }
    if out.poison_all {
        out.bad_keys.extend(keys_in(kind, &text));
    }
    out
}
