// The helpers return `ImportError` by value: errors are collected, never on a hot path.
#![allow(clippy::result_large_err)]

//! Reading send sets back into plans.

use std::collections::BTreeMap;

use careplan_core::wareki::parse_date;
use careplan_core::*;
use chrono::{Datelike, NaiveDate};

use crate::encoding::decode;
use crate::export::{ANALYSIS_MARK, USER_MARK};
use crate::records::Kind;
use crate::{CSV_VERSION, ImportError, Imported, InputFile, PlanKey};

/// One CSV record with where it came from.
#[derive(Debug, Clone)]
struct Row {
    file: String,
    line: u64,
    kind: Kind,
    fields: Vec<String>,
}

impl Row {
    fn get(&self, no: usize) -> &str {
        no.checked_sub(1)
            .and_then(|i| self.fields.get(i))
            .map(String::as_str)
            .unwrap_or("")
    }

    fn err(&self, no: usize, message: impl Into<String>) -> ImportError {
        ImportError {
            file: self.file.clone(),
            line: Some(self.line),
            field: Some(no),
            field_name: Some(self.kind.field_name(no)),
            plan: None,
            message: message.into(),
        }
    }
}

fn file_error(file: &str, line: Option<u64>, message: impl Into<String>) -> ImportError {
    ImportError {
        file: file.to_owned(),
        line,
        field: None,
        field_name: None,
        plan: None,
        message: message.into(),
    }
}

/// What was read from one file: good rows, errors, and the plans the bad
/// records belong to (every plan of the file when a bad record cannot be
/// attributed), which must then not be imported at all.
struct FileRead {
    rows: Vec<Row>,
    errors: Vec<ImportError>,
    bad_keys: Vec<PlanKey>,
    poison_all: bool,
}

fn key_field(kind: Kind) -> usize {
    match kind {
        Kind::T1 => 14,
        Kind::Hosoku | Kind::Delete => 4,
        Kind::T2 | Kind::T3 => 5,
    }
}

/// The key of a record, if its key fields can be read at all.
fn loose_key(kind: Kind, fields: &[String]) -> Option<PlanKey> {
    let get = |no: usize| fields.get(no - 1).map(String::as_str).unwrap_or("");
    Some(PlanKey {
        insurer: InsurerNumber::new(get(2)).ok()?,
        insured: InsuredNumber::new(get(3)).ok()?,
        plan_date: NaiveDate::parse_from_str(get(key_field(kind)), "%Y%m%d").ok()?,
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

/// The physical line (1-based) where a record starts. The byte offset csv
/// reports may point at the line break that ended the record before it
/// (with CRLF files); that break is skipped.
fn physical_line(text: &str, byte: u64) -> u64 {
    let bytes = text.as_bytes();
    let mut start = usize::try_from(byte)
        .unwrap_or(bytes.len())
        .min(bytes.len());
    while matches!(bytes.get(start), Some(b'\r' | b'\n')) {
        start += 1;
    }
    let before = bytes.get(..start).unwrap_or(bytes);
    1 + before.iter().filter(|b| **b == b'\n').count() as u64
}

/// Reads the rows of one file.
fn read_file(f: &InputFile) -> FileRead {
    let mut out = FileRead {
        rows: Vec::new(),
        errors: Vec::new(),
        bad_keys: Vec::new(),
        poison_all: false,
    };
    let Some(kind) = Kind::of_file_name(&f.name) else {
        out.errors.push(file_error(&f.name, None, "ファイル名が UPHOSOKU_/UP1KYO_/UP2KYO_/UP3KYO_/DLT1KYO_ で始まりません / unknown file kind"));
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
            "MS932（Shift_JIS）として読めないバイト列があります / bytes that are not MS932",
        ));
        out.bad_keys = keys_in(
            kind,
            &encoding_rs::SHIFT_JIS
                .decode_without_bom_handling(&f.bytes)
                .0,
        );
        out.poison_all = true;
        return out;
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut version: Option<String> = None;
    let expected = kind.fields().len();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map(|p| physical_line(&text, p.byte()));
                out.errors.push(file_error(
                    &f.name,
                    line,
                    format!("CSVとして読めません（引用符の誤りなど） / broken CSV: {e}"),
                ));
                out.poison_all = true;
                break;
            }
        };
        let line = record
            .position()
            .map_or(0, |p| physical_line(&text, p.byte()));
        if record.len() == 1 && record.get(0).is_some_and(str::is_empty) {
            continue; // an empty line
        }
        let fields: Vec<String> = record.iter().map(str::to_owned).collect();
        if record.len() != expected {
            out.errors.push(ImportError {
                line: Some(line),
                ..file_error(
                    &f.name,
                    None,
                    format!(
                        "項目数が {} です（{} は {expected} 項目。引用符の閉じ忘れも考えられます） / {} fields, {} expects {expected} (an unclosed quote?)",
                        record.len(),
                        kind.prefix(),
                        record.len(),
                        kind.prefix()
                    ),
                )
            });
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
        let v = row.get(1).to_owned();
        let bad = match &version {
            None => {
                version = Some(v.clone());
                None
            }
            Some(first) if *first != v => Some(format!(
                "1ファイルに複数のCSVバージョンがあります（{first} と {v}） / mixed CSV versions"
            )),
            _ => None,
        };
        let bad = bad.or_else(|| (v != CSV_VERSION).then(|| format!("CSVバージョン {v} には対応していません（{CSV_VERSION}） / unsupported CSV version")));
        if let Some(message) = bad {
            out.errors.push(row.err(1, message));
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

fn key_of(row: &Row, date_field: usize) -> Result<PlanKey, ImportError> {
    let insurer = InsurerNumber::new(row.get(2))
        .map_err(|r| row.err(2, format!("{}: {:?}", r.description_ja(), row.get(2))))?;
    let insured = InsuredNumber::new(row.get(3))
        .map_err(|r| row.err(3, format!("{}: {:?}", r.description_ja(), row.get(3))))?;
    let plan_date = ymd(row, date_field)?;
    Ok(PlanKey {
        insurer,
        insured,
        plan_date,
    })
}

fn ymd(row: &Row, no: usize) -> Result<NaiveDate, ImportError> {
    let s = row.get(no);
    if s.len() != 8 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(row.err(
            no,
            format!("YYYYMMDD の日付ではありません: {s:?} / not a date YYYYMMDD"),
        ));
    }
    NaiveDate::parse_from_str(s, "%Y%m%d")
        .map_err(|_| row.err(no, format!("存在しない日付です: {s:?} / no such date")))
}

fn opt_ymd(row: &Row, no: usize) -> Result<Option<NaiveDate>, ImportError> {
    if row.get(no).trim().is_empty() {
        Ok(None)
    } else {
        ymd(row, no).map(Some)
    }
}

fn text(row: &Row, no: usize) -> Result<Text, ImportError> {
    Text::new(row.get(no)).map_err(|r| {
        row.err(
            no,
            format!("{} / {}", r.description_ja(), r.description_en()),
        )
    })
}

fn opt_text(row: &Row, no: usize) -> Result<Option<Text>, ImportError> {
    if row.get(no).chars().all(char::is_whitespace) {
        Ok(None)
    } else {
        text(row, no).map(Some)
    }
}

fn opt<'a, T>(
    row: &'a Row,
    no: usize,
    f: impl FnOnce(&'a str) -> Result<T, Rule>,
) -> Result<Option<T>, ImportError> {
    let s = row.get(no);
    if s.trim().is_empty() {
        return Ok(None);
    }
    f(s).map(Some)
        .map_err(|r| row.err(no, format!("{}: {s:?}", r.description_ja())))
}

fn hhmm(row: &Row, no: usize) -> Result<TimeOfDay, ImportError> {
    let s = row.get(no);
    let ok = s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit());
    let t = ok.then(|| {
        let h: u16 = s.get(0..2)?.parse().ok()?;
        let m: u16 = s.get(2..4)?.parse().ok()?;
        TimeOfDay::from_hm(h, m).ok()
    });
    t.flatten().ok_or_else(|| {
        row.err(
            no,
            format!("HHMM の時刻ではありません: {s:?} / not a time HHMM"),
        )
    })
}

/// A start and an end time (fields `a` and `b`), every error collected.
fn time_pair(
    r: &Row,
    a: usize,
    b: usize,
    errors: &mut Vec<ImportError>,
) -> Option<(TimeOfDay, TimeOfDay)> {
    match (hhmm(r, a), hhmm(r, b)) {
        (Ok(s), Ok(e)) => Some((s, e)),
        (s, e) => {
            errors.extend(s.err());
            errors.extend(e.err());
            None
        }
    }
}

/// Parses a period written as text: 和暦 or Western dates, separated by
/// 「～」「〜」「~」 or 「-」, or a start alone.
pub fn parse_period(text: &str) -> Option<Period> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    for sep in ['～', '〜', '~'] {
        if let Some((a, b)) = t.split_once(sep) {
            let start = parse_date(a).ok()?;
            let b = b.trim();
            let end = if b.is_empty() {
                None
            } else {
                Some(parse_date(b).ok()?)
            };
            return Period::new(start, end).ok();
        }
    }
    if let Ok(d) = parse_date(t) {
        return Period::new(d, None).ok();
    }
    // A hyphen separator: try each hyphen as the split point.
    for (i, _) in t.match_indices('-') {
        let (a, b) = (t.get(..i)?, t.get(i + 1..)?);
        if let (Ok(s), Ok(e)) = (parse_date(a), parse_date(b)) {
            return Period::new(s, Some(e)).ok();
        }
    }
    None
}

fn period(row: &Row, no: usize) -> Result<Period, ImportError> {
    parse_period(row.get(no)).ok_or_else(|| {
        row.err(
            no,
            format!(
                "期間として読めません: {:?}（例：令和7年4月1日～令和7年9月30日） / not a period",
                row.get(no)
            ),
        )
    })
}

fn code<T: Copy>(row: &Row, no: usize, table: &[(&str, T)]) -> Result<T, ImportError> {
    let s = row.get(no).trim();
    table
        .iter()
        .find(|(k, _)| *k == s)
        .map(|(_, v)| *v)
        .ok_or_else(|| {
            let allowed: Vec<&str> = table.iter().map(|(k, _)| *k).collect();
            row.err(
                no,
                format!(
                    "コードにない値です: {s:?}（{}） / unknown code",
                    allowed.join(", ")
                ),
            )
        })
}

fn care_level(row: &Row, no: usize) -> Result<Option<CareLevel>, ImportError> {
    let s = row.get(no).trim();
    if s.is_empty() {
        return Ok(None);
    }
    match s {
        "06" | "12" | "13" => Err(row.err(no, format!("要支援・事業対象者（{s}）は介護予防サービス・支援計画書の対象です / preventive care level"))),
        _ => code(row, no, &[("21", CareLevel::Care1), ("22", CareLevel::Care2), ("23", CareLevel::Care3), ("24", CareLevel::Care4), ("25", CareLevel::Care5)]).map(Some),
    }
}

/// Splits 第1表's wishes-and-analysis text back into people's wishes.
pub(crate) fn split_wishes(text: &str) -> (Vec<(Speaker, String)>, Option<String>) {
    if !text.starts_with('【') {
        return (Vec::new(), Some(text.to_owned()));
    }
    let mut parts: Vec<(String, Vec<&str>)> = Vec::new();
    for line in text.split('\n') {
        let marker = line.strip_prefix('【').and_then(|r| r.split_once('】'));
        match (marker, parts.last_mut()) {
            (Some((who, rest)), _) => parts.push((who.to_owned(), vec![rest])),
            (None, Some((_, lines))) => lines.push(line),
            (None, None) => {}
        }
    }
    let mut wishes = Vec::new();
    let mut analysis = None;
    for (who, lines) in parts {
        let body = lines.join("\n");
        if who == ANALYSIS_MARK {
            analysis = Some(body);
        } else if who == USER_MARK {
            wishes.push((Speaker::User, body));
        } else if let Ok(relation) = Text::new(who) {
            wishes.push((Speaker::Family { relation }, body));
        }
    }
    (wishes, analysis)
}

#[derive(Default)]
struct PlanRows {
    hosoku: Option<Row>,
    t1: Option<Row>,
    t2: Vec<Row>,
    t3: Vec<Row>,
}

/// Reads any set of files (any order; several users and plans per file)
/// into plans. Files and plans with errors are reported; the others are
/// still read. A plan with any error is not returned at all.
pub fn import(files: &[InputFile]) -> Imported {
    let mut errors = Vec::new();
    let mut by_key: BTreeMap<PlanKey, PlanRows> = BTreeMap::new();
    let mut withdrawn = Vec::new();
    let mut failed: std::collections::BTreeSet<PlanKey> = std::collections::BTreeSet::new();
    for f in files {
        let read = read_file(f);
        errors.extend(read.errors);
        failed.extend(read.bad_keys);
        for row in read.rows {
            let key = key_of(&row, key_field(row.kind));
            let key = match key {
                Ok(k) => k,
                Err(e) => {
                    errors.push(e);
                    continue;
                }
            };
            match row.kind {
                Kind::Delete => withdrawn.push(key),
                Kind::Hosoku => {
                    if row.get(63) == "000000" {
                        by_key.entry(key).or_default().hosoku = Some(row);
                    }
                }
                Kind::T1 => {
                    let entry = by_key.entry(key).or_default();
                    if entry.t1.is_some() {
                        errors.push(row.err(
                            14,
                            "同じ計画の1表が2件あります / a second 1表 for the same plan",
                        ));
                    } else {
                        entry.t1 = Some(row);
                    }
                }
                Kind::T2 => by_key.entry(key).or_default().t2.push(row),
                Kind::T3 => by_key.entry(key).or_default().t3.push(row),
            }
        }
    }
    let mut plans = Vec::new();
    for (key, rows) in by_key {
        if failed.contains(&key) {
            // Its files had errors (reported above): not imported, not even in part.
            continue;
        }
        match build(&key, &rows) {
            Ok(plan) => plans.push((key, plan)),
            Err(errs) => errors.extend(errs.into_iter().map(|mut e| {
                e.plan = Some(key.clone());
                e
            })),
        }
    }
    Imported {
        plans,
        withdrawn,
        errors,
    }
}

fn build(key: &PlanKey, rows: &PlanRows) -> Result<CarePlan, Vec<ImportError>> {
    let Some(r1) = &rows.t1 else {
        let first = rows.t2.first().or(rows.t3.first()).or(rows.hosoku.as_ref());
        return Err(vec![match first {
            Some(r) => r.err(
                key_field(r.kind),
                "対応する1表（UP1KYO）がありません / no 1表 for this 2表/3表/補足情報",
            ),
            None => file_error("?", None, "no 1表"),
        }]);
    };
    let Some(rh) = &rows.hosoku else {
        return Err(vec![r1.err(
            14,
            "対応する利用者補足情報（UPHOSOKU）がありません / no 利用者補足情報 for this 1表",
        )]);
    };
    let mut errors = Vec::new();
    macro_rules! take {
        ($e:expr) => {
            match $e {
                Ok(v) => Some(v),
                Err(e) => {
                    errors.push(e);
                    None
                }
            }
        };
    }
    // 利用者 from UPHOSOKU, the rest of 第1表 from UP1KYO.
    let name = take!(text(rh, 6));
    let name_kana = take!(opt(rh, 5, Kana::new));
    let sex = take!(if rh.get(7).trim().is_empty() {
        Ok(None)
    } else {
        code(rh, 7, &[("1", Sex::Male), ("2", Sex::Female)]).map(Some)
    });
    let birth = take!(ymd(rh, 8));
    let address = {
        let joined = format!("{}{}", r1.get(6), r1.get(7));
        if joined.chars().all(char::is_whitespace) {
            Some(None)
        } else {
            take!(
                Text::new(joined)
                    .map(Some)
                    .map_err(|r| r1.err(6, r.description_ja()))
            )
        }
    };
    let created_on = take!(ymd(r1, 4));
    let postal = take!(opt(r1, 5, PostalCode::new));
    let planner = take!(text(r1, 8));
    let office_name = take!(text(r1, 9));
    let office_postal = take!(opt(r1, 10, PostalCode::new));
    let office_address = {
        let joined = format!("{}{}", r1.get(11), r1.get(12));
        if joined.chars().all(char::is_whitespace) {
            Some(None)
        } else {
            take!(
                Text::new(joined)
                    .map(Some)
                    .map_err(|r| r1.err(11, r.description_ja()))
            )
        }
    };
    let office_number = take!(
        OfficeNumber::new(r1.get(13))
            .map_err(|r| r1.err(13, format!("{}: {:?}", r.description_ja(), r1.get(13))))
    );
    let plan_date = take!(ymd(r1, 14));
    let first_plan_date = take!(ymd(r1, 15));
    let kinds = take!(code(
        r1,
        16,
        &[
            ("11", [true, false, false]),
            ("12", [false, true, false]),
            ("21", [false, false, true]),
            ("51", [true, true, false]),
            ("52", [true, false, true]),
            ("53", [false, true, true]),
            ("54", [true, true, true]),
        ]
    ));
    let cert_status = take!(code(
        r1,
        17,
        &[
            ("1", CertificationStatus::Applying),
            ("2", CertificationStatus::Certified)
        ]
    ));
    let cert_date = take!(ymd(r1, 18));
    let cert_period = match (take!(opt_ymd(r1, 19)), take!(opt_ymd(r1, 20))) {
        (Some(Some(s)), Some(Some(e))) => take!(
            DateRange::new(s, e)
                .map(Some)
                .map_err(|_| r1.err(20, "終了日が開始日より前です / end before start"))
        ),
        (Some(None), Some(None)) => Some(None),
        (Some(_), Some(_)) => {
            errors.push(r1.err(20, "認定有効期間の開始日と終了日の片方だけがあります / only one end of the certification period"));
            None
        }
        _ => None,
    };
    let level = take!(care_level(r1, 21));
    let (wishes_raw, analysis_raw) = split_wishes(r1.get(22));
    let mut wishes = Vec::new();
    for (speaker, body) in wishes_raw {
        if let Some(t) = take!(Text::new(body).map_err(|r| r1.err(22, r.description_ja()))) {
            wishes.push(Wish { speaker, text: t });
        }
    }
    let analysis = match analysis_raw {
        Some(a) if !a.chars().all(char::is_whitespace) => take!(
            Text::new(a)
                .map(Some)
                .map_err(|r| r1.err(22, r.description_ja()))
        ),
        _ => Some(None),
    };
    let committee = take!(opt_text(r1, 23));
    let policy = take!(opt_text(r1, 24));
    let reason = match r1.get(25).trim() {
        "" => Some(None),
        "1" => Some(Some(HouseworkReason::LivingAlone)),
        "2" => Some(Some(HouseworkReason::FamilyIllness)),
        "3" => take!(text(r1, 26).map(|t| Some(HouseworkReason::Other(t)))),
        other => {
            errors.push(r1.err(
                25,
                format!("コードにない値です: {other:?}（1, 2, 3） / unknown code"),
            ));
            None
        }
    };

    let table2 = build_table2(r1, &rows.t2, &mut errors);
    let table3 = table2
        .as_ref()
        .and_then(|t2| build_table3(&rows.t3, t2, plan_date, &mut errors));

    if !errors.is_empty() {
        return Err(errors);
    }
    let parts = (|| {
        let [i, r, c] = kinds?;
        let table1 = Table1 {
            created_on: created_on?,
            plan_kinds: PlanKinds::new(
                [
                    (i, PlanKind::Initial),
                    (r, PlanKind::Referral),
                    (c, PlanKind::Continuation),
                ]
                .into_iter()
                .filter(|(on, _)| *on)
                .map(|(_, k)| k),
            )?,
            certification_status: cert_status?,
            user: User {
                name: name?,
                name_kana: name_kana?,
                sex: sex?,
                birth_date: birth?,
                postal_code: postal?,
                address: address?,
                insurer_number: key.insurer.clone(),
                insured_number: key.insured.clone(),
            },
            planner_name: planner?,
            office: Office {
                name: office_name?,
                postal_code: office_postal?,
                address: office_address?,
                office_number: office_number?,
            },
            plan_date: plan_date?,
            first_plan_date: first_plan_date?,
            certification_date: cert_date?,
            certification_period: cert_period?,
            care_level: level?,
            wishes,
            analysis: analysis?,
            committee_opinion: committee?,
            support_policy: policy?,
            housework_reason: reason?,
            consent: None,
        };
        let (table2, t2_created) = table2?;
        let table3 = table3?;
        let created = table1.created_on;
        Some(PlanParts {
            status: PlanStatus::Final,
            table1,
            table2: Table2 {
                created_on: t2_created.filter(|d| *d != created),
                ..table2
            },
            table3: Table3 {
                created_on: table3.created_on.filter(|d| *d != created),
                ..table3
            },
        })
    })();
    let Some(parts) = parts else {
        return Err(vec![r1.err(
            14,
            "計画を組み立てられません / the plan could not be assembled",
        )]);
    };
    CarePlan::new(parts).map_err(|e| {
        e.violations()
            .iter()
            .map(|v| ImportError {
                file: r1.file.clone(),
                line: Some(r1.line),
                field: None,
                field_name: None,
                plan: None,
                message: format!(
                    "計画書の規則に反します / breaks a rule of the form: {}",
                    v.message_ja()
                ),
            })
            .collect()
    })
}

/// 第2表 being read, before its lists are known to be non-empty.
struct NeedIn {
    text: Text,
    longs: Vec<LongIn>,
}
struct LongIn {
    text: Text,
    period: Period,
    shorts: Vec<ShortIn>,
}
struct ShortIn {
    text: Text,
    period: Period,
    services: Vec<Service>,
}

fn row_service(r: &Row, a: u32, b: u32, c: u32) -> Result<Service, ImportError> {
    let id = ServiceId::new(format!("n{a}-g{b}-s{c}")).map_err(|_| r.err(13, "id"))?;
    let content = text(r, 14)?;
    let insured = match r.get(15).trim() {
        "Y" => true,
        "N" | "" => false,
        other => return Err(r.err(15, format!("Y か N ではありません: {other:?} / not Y or N"))),
    };
    let service_type = text(r, 16)?;
    let office_number = opt(r, 17, OfficeNumber::new)?;
    let provider = opt_text(r, 18)?.map(|name| Provider {
        name,
        office_number,
    });
    let frequency = opt_text(r, 19)?;
    let period = period(r, 20)?;
    Ok(Service {
        id,
        content,
        insured,
        service_type,
        provider,
        frequency,
        period,
    })
}

/// 第2表 from its rows, sorted by 課題ＮＯ, 援助目標ＮＯ and 援助内容ＮＯ. A
/// blank need, goal or period repeats the row above (the standard's
/// 「印刷上は…項目値は出力しない」); rows that repeat every value are read
/// the same way. A written 長期目標 or 長期期間 that differs from the row
/// above starts a new long-term goal; a new 援助目標ＮＯ starts a new
/// short-term goal.
fn build_table2(
    r1: &Row,
    rows: &[Row],
    errors: &mut Vec<ImportError>,
) -> Option<(Table2, Option<NaiveDate>)> {
    let before = errors.len();
    let num = |r: &Row, no: usize, errors: &mut Vec<ImportError>| -> Option<u32> {
        match r.get(no).trim().parse::<u32>() {
            Ok(n) if (1..=99).contains(&n) => Some(n),
            _ => {
                errors.push(r.err(
                    no,
                    format!(
                        "1〜99 の番号ではありません: {:?} / not a number 1–99",
                        r.get(no)
                    ),
                ));
                None
            }
        }
    };
    let mut keyed = Vec::new();
    for r in rows {
        if let (Some(a), Some(b), Some(c)) =
            (num(r, 6, errors), num(r, 8, errors), num(r, 13, errors))
        {
            keyed.push(((a, b, c), r));
        }
    }
    keyed.sort_by_key(|(k, _)| *k);
    let Some((_, first)) = keyed.first() else {
        if errors.len() == before {
            errors.push(r1.err(
                14,
                "この計画の2表（UP2KYO）の行がありません / no 2表 rows for this plan",
            ));
        }
        return None;
    };
    let created = match ymd(first, 4) {
        Ok(d) => Some(d),
        Err(e) => {
            errors.push(e);
            None
        }
    };
    let mut needs: Vec<NeedIn> = Vec::new();
    let (mut cur_need, mut cur_goal) = (0u32, 0u32);
    let (mut long_text, mut long_period) = (String::new(), String::new());
    for ((a, b, c), r) in keyed {
        let new_need = a != cur_need;
        let written = |no: usize| !r.get(no).trim().is_empty();
        let new_long = new_need
            || (written(9) && r.get(9) != long_text)
            || (written(11) && r.get(11) != long_period);
        let new_short = new_long || b != cur_goal;
        let step = (|| -> Result<(), ImportError> {
            if new_need {
                needs.push(NeedIn {
                    text: text(r, 7)?,
                    longs: Vec::new(),
                });
            }
            let need = needs
                .last_mut()
                .ok_or_else(|| r.err(7, "課題がありません / no need"))?;
            if new_long {
                need.longs.push(LongIn {
                    text: text(r, 9)?,
                    period: period(r, 11)?,
                    shorts: Vec::new(),
                });
            }
            let long = need
                .longs
                .last_mut()
                .ok_or_else(|| r.err(9, "長期目標がありません / no long-term goal"))?;
            if new_short {
                long.shorts.push(ShortIn {
                    text: text(r, 10)?,
                    period: period(r, 12)?,
                    services: Vec::new(),
                });
            }
            let short = long
                .shorts
                .last_mut()
                .ok_or_else(|| r.err(10, "短期目標がありません / no short-term goal"))?;
            short.services.push(row_service(r, a, b, c)?);
            Ok(())
        })();
        if let Err(e) = step {
            errors.push(e);
            return None;
        }
        if written(9) {
            long_text = r.get(9).to_owned();
        }
        if written(11) {
            long_period = r.get(11).to_owned();
        }
        cur_need = a;
        cur_goal = b;
    }
    let needs = needs
        .into_iter()
        .map(|n| {
            let longs = n.longs.into_iter().map(|l| {
                let shorts = l.shorts.into_iter().map(|s| {
                    Some(ShortTermGoal {
                        text: s.text,
                        period: s.period,
                        services: NonEmpty::new(s.services)?,
                    })
                });
                Some(LongTermGoal {
                    text: l.text,
                    period: l.period,
                    short_term_goals: NonEmpty::new(shorts.collect::<Option<Vec<_>>>()?)?,
                })
            });
            Some(Need {
                text: n.text,
                long_term_goals: NonEmpty::new(longs.collect::<Option<Vec<_>>>()?)?,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some((
        Table2 {
            created_on: None,
            needs: NonEmpty::new(needs)?,
        },
        created,
    ))
}

/// The 第2表 service a 第3表 text names: the one service whose サービス種別,
/// or else whose サービス内容, is exactly that text.
pub(crate) fn link(table2: &Table2, text: &str) -> Option<ServiceId> {
    let by_type: Vec<&Service> = table2
        .services()
        .filter(|s| s.service_type.as_str() == text)
        .collect();
    if let [one] = by_type.as_slice() {
        return Some(one.id.clone());
    }
    let by_content: Vec<&Service> = table2
        .services()
        .filter(|s| s.content.as_str() == text)
        .collect();
    match by_content.as_slice() {
        [one] => Some(one.id.clone()),
        _ => None,
    }
}

/// 第3表 from its rows: weekly rows folded back into entries (rows with the
/// same text and times become one entry with all their weekdays), then the
/// activities and the 週単位以外のサービス in order. 「　年　月分より」 is not
/// in the standard: it is taken as the month of 作成（変更）日.
fn build_table3(
    rows: &[Row],
    table2: &(Table2, Option<NaiveDate>),
    plan_date: Option<NaiveDate>,
    errors: &mut Vec<ImportError>,
) -> Option<Table3> {
    let before = errors.len();
    let mut created = None;
    let mut weekly: Vec<(String, TimeOfDay, TimeOfDay, Vec<Weekday>, u64, String)> = Vec::new();
    let mut daily = Vec::new();
    let mut non_weekly = Vec::new();
    for r in rows {
        if created.is_none() {
            created = ymd(r, 4).map_err(|e| errors.push(e)).ok();
        }
        let group = (
            !r.get(6).trim().is_empty() || !r.get(7).trim().is_empty(),
            !r.get(10).trim().is_empty(),
            !r.get(13).trim().is_empty(),
        );
        match group {
            (true, false, false) => {
                let day = match r.get(7).trim().parse::<usize>().ok().and_then(|n| n.checked_sub(1)).and_then(|i| Weekday::ALL.get(i)) {
                    Some(d) => *d,
                    None => {
                        errors.push(r.err(7, format!("曜日コード 1〜7 ではありません: {:?} / not a weekday code 1–7", r.get(7))));
                        continue;
                    }
                };
                let Some((s, e)) = time_pair(r, 8, 9, errors) else { continue };
                let t = r.get(6).to_owned();
                match weekly.iter_mut().find(|(wt, ws, we, ..)| *wt == t && *ws == s && *we == e) {
                    Some((.., days, _, _)) => days.push(day),
                    None => weekly.push((t, s, e, vec![day], r.line, r.file.clone())),
                }
            }
            (false, true, false) => {
                let Some((s, e)) = time_pair(r, 11, 12, errors) else { continue };
                match text(r, 10) {
                    Ok(t) => daily.push(DailyActivity { start: s, end: (e != s).then_some(e), text: t }),
                    Err(e) => errors.push(e),
                }
            }
            (false, false, true) => match text(r, 13) {
                Ok(t) => non_weekly.push(NonWeeklyService { text: t, service: None }),
                Err(e) => errors.push(e),
            },
            _ => errors.push(r.err(6, "1行に週間サービス・日常生活の活動・週単位以外のサービスのどれか一つを書きます / a row holds exactly one of the three groups")),
        }
    }
    let mut entries = Vec::new();
    for (t, s, e, days, line, file) in weekly {
        let row = Row {
            file,
            line,
            kind: Kind::T3,
            fields: Vec::new(),
        };
        let label = match Text::new(t.clone()) {
            Ok(l) => l,
            Err(rule) => {
                errors.push(row.err(6, rule.description_ja()));
                continue;
            }
        };
        let (Ok(weekdays), Ok(time)) = (Weekdays::new(days), TimeRange::new(s, e)) else {
            errors.push(row.err(
                9,
                format!("開始 {s} が終了 {e} より前ではありません / start not before end"),
            ));
            continue;
        };
        entries.push(WeeklyEntry {
            service: link(&table2.0, &t),
            label: Some(label),
            weekdays,
            time,
        });
    }
    if errors.len() > before {
        return None;
    }
    let pd = plan_date?;
    Some(Table3 {
        created_on: created,
        starts_from: YearMonth::new(pd.year(), pd.month()).ok()?,
        weekly: entries,
        daily_activities: daily,
        non_weekly,
    })
}
