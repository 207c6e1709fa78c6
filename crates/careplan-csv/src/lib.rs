//! # careplan-csv
//!
//! ケアプランデータ連携標準仕様 第4.1版 (CSVバージョン 202407): the national
//! CSV standard by which care-management offices send 居宅サービス計画書
//! 第1表–第3表 to service providers.
//!
//! - [`export`] writes plans as one send set (送信単位): `UPHOSOKU_000000_…`,
//!   `UP1KYO_…`, `UP2KYO_…`, `UP3KYO_…` with one shared 14-digit timestamp,
//!   MS932, CRLF, free text in `""` with `"` doubled and line breaks kept,
//!   the standard's code lists, 第2表 one row per service (repeated need and
//!   goal values left blank unless [`ExportOptions::repeat_values`]), 第3表
//!   one row per weekday of each entry, periods as 和暦 text.
//!   [`export_withdrawal`] writes DLT1KYO.
//! - [`import`] reads any set of files back into plans, reporting every
//!   problem with file, line, field number and field name; a plan with a
//!   problem is not returned at all, the others are.
//!
//! Text MS932 cannot carry (𠮷, emoji, 〜 U+301C …) is never written or
//! changed silently: see [`encoding`].
//!
//! ## What the standard does not carry
//!
//! The CSV has no place for: 原案 (imported plans are final), 説明・同意,
//! the 第2表 service ids (import numbers them `n{課題}-g{援助目標}-s{援助内容}`),
//! 第3表's links to 第2表 (import links a block to the one service whose
//! サービス種別, or else サービス内容, is its text) and 「　年　月分より」 (import
//! takes the month of 作成（変更）日). 第1表's wishes are written into the one
//! field 「利用者及び家族の生活に対する意向を踏まえた課題分析の結果」 (UP1KYO
//! No.22) as lines opened by 【本人】, 【続柄】 and 【課題分析の結果】 — careplan's
//! convention, not the standard's — and read back into their parts where a
//! text follows the convention exactly. A plan with no wishes writes its
//! analysis as it is, with no marker, and a text that does not follow the
//! convention (a plain analysis as other products write it, or markers of
//! its own) is read as the analysis, unchanged, and goes out again the
//! same. The convention's one ambiguity: a text that opens a line with
//! 【…】 reads back as a part of its own — a wish whose text has such a line
//! comes back as two wishes, and a plan with no wishes whose analysis
//! follows the convention comes back with wishes (the field's text is the
//! same either way).
//! [`canonical`] gives a plan as it comes back from the CSV, so that
//! `import(export(plan)) == canonical(plan)`.
//!
//! ## What careplan reads and does not write back as it came
//!
//! Every field careplan reads comes back out as it came (`tests/fidelity.rs`
//! imports send sets, writes them again and compares field by field),
//! except these (the test lists the same fields):
//!
//! - UPHOSOKU No.14–15 限度額適用開始・終了年月日: kept
//!   (`Supplementary::limit_period`) where they differ from 第1表's
//!   認定の有効期間, and written from it otherwise — so a blank pair comes
//!   back as the 認定の有効期間. No.18 要介護状態区分 is likewise written
//!   from 第1表's even where an incoming file left it blank.
//! - 更新業者コード (UPHOSOKU No.61, UP1KYO No.27, UP2KYO No.21) is one value
//!   for the plan (`Table1::updater_code`, read from UP1KYO or else
//!   UPHOSOKU, written into all three): a send set whose records disagree
//!   comes back with UP1KYO's in each.
//! - 識別子 (UPHOSOKU No.62, UP1KYO No.28, UP2KYO No.22): 「※使用しない」 in
//!   the standard; written blank.
//! - The user's 住所 and 住所２ are one per plan (UP1KYO's, or UPHOSOKU's
//!   where UP1KYO's is blank), written into both records.
//! - UPKIHON's 緊急連絡先 are a list: a contact given in slot 3 after a
//!   blank slot 2 comes back in slot 2, every field kept. No.62 家族構成
//!   画像ファイル名 is written as the standard names the send set's image
//!   ([`kihon_image_name`]).
//! - UP1KYO No.26 その他理由 beside a 生活援助中心型の算定理由 other than
//!   その他 has no place in the plan: the plan is refused
//!   ([`ImportErrorCode::StrayValue`]) rather than read without it.
//! - UP2KYO No.11, 12 and 20, the periods: read as dates and written in
//!   careplan's 和暦 form (「令和7年11月1日～令和8年4月30日」), whatever form
//!   they came in ("2025/11/01-2026/04/30", "R7.11.5~R8.2.28"): the dates
//!   are kept, their wording is not (DESIGN.md says why).
//!
//! The 介護予防サービス・支援計画書 goes as its own send set:
//! [`export_preventive`] writes UPYOBO and UPYOBO_SUB (the 別表 one row per
//! 利用サービス, its 課題 and 支援計画 texts on their first row only, as the
//! standard requires), [`export_preventive_withdrawal`] DLTYOBO; [`import`]
//! reads them among any other files into [`Imported::preventive`];
//! [`canonical_preventive`] says what the records do not carry.
//!
//! The 利用者基本情報 goes as its own send set too: [`export_kihon`] writes
//! UPKIHON, UPKIHON_SUB1 (the day's schedule) and UPKIHON_SUB2 (現病歴・既往歴),
//! No.62 naming the 家族構成 image as the standard requires
//! ([`kihon_image_name`]; the JPEG is the caller's to send);
//! [`export_kihon_withdrawal`] writes DLTKIHON; [`import`] reads them into
//! [`Imported::kihon`] (an `UPKIHON_IMAGE_…` file is not a record and is
//! left to the caller); [`canonical_kihon`] says what is not carried.
//!
//! 第6表 goes month by month: [`export_usage`] writes the month's send set
//! `UPHOSOKU_<YYYYMM>_…` (the head: 作成日 00000000, No.63 the month, the
//! 区分 and its change, the 限度額) and `UPPLAN_<YYYYMM>_…` (a record per
//! service × planned day; No.8 単位数 from the 第7表 computed from the sheet,
//! after 割引, 0 for a rate-based 加算), every sheet of one month.
//! [`export_actuals`] writes a provider's 実績 as `UPJSK_<YYYYMM>_…`: the rows
//! of the 送信元's 事業所 and サービス種類 only, as the standard sends 実績 per
//! 提供票. [`export_usage_withdrawal`] and [`export_actuals_withdrawal`] write
//! DLTPLAN and DLTJSK. [`import`] reads them into [`Imported::usage`] (a
//! 第6表 per user and month, from UPHOSOKU + UPPLAN) and
//! [`Imported::actuals`] (one [`Actuals`] per user, month, 事業所 and
//! サービス種類); [`Actuals::apply`] puts a provider's 実績 onto the care
//! manager's sheet, replacing what it sent before, a row served without a
//! plan becoming a row of its own. [`canonical_usage`] says what UPPLAN does
//! not carry (サービス内容, the office's name, the 実績, …). Not yet carried:
//! No.11 日割対象日 and No.22 サテライト枝番 — a record with either is refused
//! ([`ImportErrorCode::StrayValue`]), never read without it.
//!
//! 第7表 travels in the same send set as `UPSIKYU_<YYYYMM>_…`, written by
//! [`export_usage`] from the 第7表 each sheet comes with (computed on 予定):
//! a line per service row, each 事業所 × 種類's `CD`+`AAAA` subtotal, its
//! 限度額対象外 rows and `EEEE` subtotal, its 30日超 rows and `ZZZZ`
//! subtotal, and the 全合計 (`9999999999`, `999999`) with the 短期入所 days
//! (FORMS-4-7.md §7.3). UPHOSOKU's R20–R55 carry 種類別支給限度管理 (the kinds
//! given a 種類支給限度) and R56 their 限度超単位数. [`import`] reads them
//! into [`Imported::table7`] as [`SentTable7`]: the figures as sent, which
//! [`SentTable7::differences`] compares with careplan's own computation
//! from the sheet beside them ([`SentTable7::of`]), figure by figure. What
//! UPSIKYU does not carry: a rate-based 加算's rate (No.13 is 0 on its
//! line), a TAISコード or 用具名称 where the rows of one code disagree (left
//! blank), No.34 (fixed 9999999999) and No.37 (unused); a 第7表 read back
//! is the figures, not a [`Table7`](careplan_core::forms::kyotaku::usage::table7::Table7)
//! (which needs the master and the terms).
//!
//! ```
//! use careplan_core::CarePlan;
//! use careplan_csv::{export, import, canonical, ExportOptions, Endpoint, InputFile};
//!
//! let json = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/plans/case-a.json"))?;
//! let plan = CarePlan::from_json(&json)?;
//! let opts = ExportOptions::new(Endpoint::parse("1370000001:43")?, Endpoint::parse("1310000011:16")?, "20251201093000")?;
//! let set = export(&[plan.clone()], &opts)?;
//! assert_eq!(set.files.len(), 4);
//! assert!(set.files[1].name.starts_with("UP1KYO_1370000001_43_1310000011_16_20251201093000"));
//! let files: Vec<InputFile> = set.files.into_iter().map(|f| InputFile { name: f.name, bytes: f.bytes }).collect();
//! let back = import(&files);
//! assert!(back.errors.is_empty());
//! assert_eq!(back.plans[0].1, canonical(&plan));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod encoding;
mod export;
mod import;
pub mod records;
mod sikyu;

use std::fmt;

use careplan_core::*;
use chrono::{Datelike, NaiveDate};

pub use encoding::{JIS_TO_MS932, Substitutions, jis_to_ms932};
pub use export::{
    export, export_actuals, export_actuals_withdrawal, export_kihon, export_kihon_withdrawal,
    export_preventive, export_preventive_withdrawal, export_usage, export_usage_withdrawal,
    export_withdrawal, kihon_image_name,
};
pub use import::{Actuals, ApplyError, import, parse_period};
pub use sikyu::{
    KIND_SLOTS, KindSlot, LineDifference, LineKind, SentLine, SentTable7, ShortStayCounts,
};

/// The CSVバージョン written and read.
pub const CSV_VERSION: &str = "202407";

/// A sender or receiver: 事業所番号 (10 digits) and サービス種類コード (2 digits).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    /// 事業所番号.
    pub office: OfficeNumber,
    /// サービス種類コード (居宅介護支援 43, 訪問介護 11 …).
    pub service_kind: String,
}

impl Endpoint {
    /// Parses `1234567890:43`.
    pub fn parse(s: &str) -> Result<Endpoint, ExportError> {
        let (office, kind) = s.split_once(':').ok_or_else(|| ExportError::Options {
            ja: format!("{s:?}: 事業所番号:サービス種類コード (1234567890:43)"),
            en: "office number:service kind code (1234567890:43)".to_owned(),
        })?;
        let office = OfficeNumber::new(office).map_err(|_| ExportError::Options {
            ja: format!("{office:?}: 事業所番号は10桁の数字です"),
            en: "an office number is 10 digits".to_owned(),
        })?;
        if kind.len() != 2 || !kind.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ExportError::Options {
                ja: format!("{kind:?}: サービス種類コードは2桁の数字です"),
                en: "a service kind code is 2 digits".to_owned(),
            });
        }
        Ok(Endpoint {
            office,
            service_kind: kind.to_owned(),
        })
    }
}

impl fmt::Display for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.office, self.service_kind)
    }
}

/// How to write a send set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportOptions {
    /// 送信元.
    pub from: Endpoint,
    /// 送信先.
    pub to: Endpoint,
    /// The shared 14-digit timestamp `YYYYMMDDHHMMSS` (the file sequence).
    pub timestamp: String,
    /// Repeat need and goal values on every 第2表 row instead of leaving them blank.
    pub repeat_values: bool,
    /// Characters to replace when MS932 lacks them; every replacement is reported.
    pub substitutions: Option<Substitutions>,
}

impl ExportOptions {
    /// Options with a checked timestamp, blanks for repeated values, and no substitutions.
    pub fn new(
        from: Endpoint,
        to: Endpoint,
        timestamp: &str,
    ) -> Result<ExportOptions, ExportError> {
        let ok = timestamp.len() == 14
            && timestamp.bytes().all(|b| b.is_ascii_digit())
            && chrono::NaiveDateTime::parse_from_str(timestamp, "%Y%m%d%H%M%S").is_ok();
        if !ok {
            return Err(ExportError::Options {
                ja: format!("{timestamp:?}: 作成日時は YYYYMMDDHHMMSS の14桁です"),
                en: "the timestamp is YYYYMMDDHHMMSS".to_owned(),
            });
        }
        Ok(ExportOptions {
            from,
            to,
            timestamp: timestamp.to_owned(),
            repeat_values: false,
            substitutions: None,
        })
    }
}

/// A written file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CsvFile {
    /// The file name the standard gives it.
    pub name: String,
    /// MS932 bytes with CRLF line ends.
    pub bytes: Vec<u8>,
}

/// A character replaced on export.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Substitution {
    /// Where (`plans[0].table1.user.name`).
    pub path: String,
    /// The character written in the plan.
    pub from: char,
    /// The character written to the file.
    pub to: char,
}

/// The result of an export.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Exported {
    /// The files of the send set.
    pub files: Vec<CsvFile>,
    /// Every substitution made.
    pub substitutions: Vec<Substitution>,
}

/// A character MS932 cannot carry, by its field's path
/// (`plans[0].table1.user.name`).
pub type Unencodable = careplan_core::CharAt;

/// Why an export failed. Messages in Japanese and English
/// ([`ExportError::messages`]); `Display` shows both, `日本語 / English`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ExportError {
    /// Characters MS932 cannot carry, every one listed.
    Unencodable(Vec<Unencodable>),
    /// More than 99 needs, goals or services where the standard numbers them 1–99.
    TooMany {
        /// Where.
        path: String,
        /// Which number (課題, 援助目標, 援助内容).
        what: String,
    },
    /// Bad options (endpoint, timestamp): what is wrong, in Japanese and English.
    Options {
        /// In Japanese, with the value.
        ja: String,
        /// In English.
        en: String,
    },
    /// Nothing to write.
    NoPlans,
}

impl ExportError {
    /// What went wrong, in Japanese and in English.
    pub fn messages(&self) -> (String, String) {
        match self {
            ExportError::Unencodable(list) => (
                format!(
                    "MS932 で書けない文字があります: {}",
                    list.iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                "characters MS932 cannot carry (pass a substitution map to replace them)"
                    .to_owned(),
            ),
            ExportError::TooMany { path, what } => (
                format!("{path}: {what}ＮＯ が 99 を超えます"),
                format!("more than 99 ({what})"),
            ),
            ExportError::Options { ja, en } => (ja.clone(), en.clone()),
            ExportError::NoPlans => (
                "書き出す計画がありません".to_owned(),
                "no plans to export".to_owned(),
            ),
        }
    }
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (ja, en) = self.messages();
        write!(f, "{ja} / {en}")
    }
}

impl std::error::Error for ExportError {}

/// The key that ties 1表, 2表, 3表 and 利用者補足情報 together.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PlanKey {
    /// 保険者番号.
    pub insurer: InsurerNumber,
    /// 被保険者番号.
    pub insured: InsuredNumber,
    /// 居宅サービス計画作成（変更）日.
    pub plan_date: NaiveDate,
}

impl PlanKey {
    /// The key of a plan.
    pub fn of(plan: &CarePlan) -> PlanKey {
        let t1 = plan.table1();
        PlanKey {
            insurer: t1.user.insurer_number.clone(),
            insured: t1.user.insured_number.clone(),
            plan_date: t1.plan_date,
        }
    }
}

impl fmt::Display for PlanKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}/{}/{}",
            self.insurer,
            self.insured,
            self.plan_date.format("%Y%m%d")
        )
    }
}

/// The key of a month's 第6表 records (UPPLAN, UPJSK, DLTPLAN, DLTJSK and
/// the UPHOSOKU beside them): 保険者番号 + 被保険者番号 + 対象年月.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MonthKey {
    /// 保険者番号.
    pub insurer: InsurerNumber,
    /// 被保険者番号.
    pub insured: InsuredNumber,
    /// 対象年月 (サービス提供年月).
    pub month: YearMonth,
}

impl MonthKey {
    /// The key of a 第6表.
    pub fn of(usage: &careplan_core::forms::kyotaku::usage::Usage) -> MonthKey {
        let p = usage.parts();
        MonthKey {
            insurer: p.user.insurer_number.clone(),
            insured: p.user.insured_number.clone(),
            month: p.month,
        }
    }
}

impl fmt::Display for MonthKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}/{}/{:04}{:02}",
            self.insurer,
            self.insured,
            self.month.year(),
            self.month.month()
        )
    }
}

/// A 第6表 to export with the 第7表 computed from it (which gives the
/// records' 単位数).
#[derive(Debug, Clone, Copy)]
pub struct UsageSheet<'a> {
    /// The sheet.
    pub usage: &'a careplan_core::forms::kyotaku::usage::Usage,
    /// Its 第7表 (`table7::compute`).
    pub table7: &'a careplan_core::forms::kyotaku::usage::table7::Table7,
}

/// A file to import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    /// The file name (its prefix tells the record kind).
    pub name: String,
    /// The bytes as sent (MS932).
    pub bytes: Vec<u8>,
}

/// What kind of problem an import found: a stable code for machines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ImportErrorCode {
    /// A file whose name names no record of the standard.
    UnknownFileKind,
    /// Bytes that are not MS932.
    NotMs932,
    /// Text that is not CSV (a broken quote, say).
    BrokenCsv,
    /// A row with a different number of fields than its record has.
    FieldCount,
    /// A CSVバージョン careplan does not read, or two in one file.
    CsvVersion,
    /// A value that is not a date (YYYYMMDD), or no such date.
    Date,
    /// A value that is not a time (HHMM).
    Time,
    /// A value that is not a period.
    Period,
    /// A value that is not one of the field's codes.
    Code,
    /// A value that is not a number the field allows.
    Number,
    /// A value that breaks a rule of its type (blank text, a malformed
    /// 保険者番号 …): [`ImportError::rule`] says which.
    Value,
    /// A record the plan needs is not there (its 1表, its 利用者補足情報, its
    /// 2表 rows).
    MissingRecord,
    /// A record is there twice.
    DuplicateRecord,
    /// A 3表 row that holds none or more than one of its three groups.
    RowGroups,
    /// A value where the row's other fields give it no meaning (その他理由
    /// with a 生活援助中心型の算定理由 other than その他): refused rather than
    /// dropped.
    StrayValue,
    /// The plan the records make breaks a rule of the form:
    /// [`ImportError::violation`] says which, where.
    FormRule,
}

impl ImportErrorCode {
    /// The stable, machine-readable code (`snake_case`).
    pub fn code(self) -> &'static str {
        match self {
            ImportErrorCode::UnknownFileKind => "unknown_file_kind",
            ImportErrorCode::NotMs932 => "not_ms932",
            ImportErrorCode::BrokenCsv => "broken_csv",
            ImportErrorCode::FieldCount => "field_count",
            ImportErrorCode::CsvVersion => "csv_version",
            ImportErrorCode::Date => "date",
            ImportErrorCode::Time => "time",
            ImportErrorCode::Period => "period",
            ImportErrorCode::Code => "code",
            ImportErrorCode::Number => "number",
            ImportErrorCode::Value => "value",
            ImportErrorCode::MissingRecord => "missing_record",
            ImportErrorCode::DuplicateRecord => "duplicate_record",
            ImportErrorCode::RowGroups => "row_groups",
            ImportErrorCode::StrayValue => "stray_value",
            ImportErrorCode::FormRule => "form_rule",
        }
    }
}

/// A problem found while importing: where (file, line, field number and
/// name, plan), what (a code, and a message in Japanese and in English),
/// and the rule of careplan-core behind it, when there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// The file.
    pub file: String,
    /// The line (1-based), when the problem has one.
    pub line: Option<u64>,
    /// The field number (No., 1-based), when the problem has one.
    pub field: Option<usize>,
    /// The field's name in the standard.
    pub field_name: Option<&'static str>,
    /// The plan it concerns, when known.
    pub plan: Option<PlanKey>,
    /// What kind of problem it is.
    pub code: ImportErrorCode,
    /// What is wrong, in Japanese.
    pub message_ja: String,
    /// What is wrong, in English.
    pub message_en: String,
    /// The rule of careplan-core the value or the plan breaks, if any.
    pub rule: Option<Rule>,
    /// For [`ImportErrorCode::FormRule`]: the violation careplan-core
    /// reported (its JSON path, rule and value), of which this is the CSV's
    /// location.
    pub violation: Option<Violation>,
}

impl ImportError {
    /// The message in both languages, as the command line prints it: `日本語 / English`.
    pub fn message(&self) -> String {
        format!("{} / {}", self.message_ja, self.message_en)
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(l) = self.line {
            write!(f, ":{l}")?;
        }
        if let (Some(n), Some(name)) = (self.field, self.field_name) {
            write!(f, " 項目{n}「{name}」")?;
        }
        if let Some(p) = &self.plan {
            write!(f, " [{p}]")?;
        }
        write!(f, ": {}", self.message())
    }
}

/// The result of an import.
#[derive(Debug, Clone)]
pub struct Imported {
    /// Every plan read without a problem, by key.
    pub plans: Vec<(PlanKey, CarePlan)>,
    /// Plans withdrawn by DLT1KYO records.
    pub withdrawn: Vec<PlanKey>,
    /// Every 介護予防サービス・支援計画書 read without a problem, by key.
    pub preventive: Vec<(PlanKey, PreventivePlan)>,
    /// 介護予防サービス・支援計画書 withdrawn by DLTYOBO records.
    pub withdrawn_preventive: Vec<PlanKey>,
    /// Every 利用者基本情報 read without a problem, by key (its 相談日 as the date).
    pub kihon: Vec<(PlanKey, careplan_core::forms::yobo::kihon::Kihon)>,
    /// 利用者基本情報 withdrawn by DLTKIHON records.
    pub withdrawn_kihon: Vec<PlanKey>,
    /// Every month's 第6表 (予定, from UPPLAN and its UPHOSOKU) read without
    /// a problem, by key.
    pub usage: Vec<(MonthKey, careplan_core::forms::kyotaku::usage::Usage)>,
    /// Every month's 第7表 (UPSIKYU, with the 種類別支給限度管理 of its
    /// UPHOSOKU) read without a problem, as the figures it carries; the key
    /// is in [`SentTable7::key`].
    pub table7: Vec<SentTable7>,
    /// Months withdrawn by DLTPLAN records.
    pub withdrawn_usage: Vec<MonthKey>,
    /// Every provider's 実績 (UPJSK) read without a problem: one per user,
    /// month and 事業所 × サービス種類 ([`Actuals::apply`] puts them into the
    /// month's 第6表).
    pub actuals: Vec<Actuals>,
    /// 実績 withdrawn by DLTJSK records: the key, the 事業所 and the サービス種類.
    pub withdrawn_actuals: Vec<(MonthKey, OfficeNumber, String)>,
    /// Every problem, with where it is.
    pub errors: Vec<ImportError>,
}

/// The 介護予防サービス・支援計画書 as UPYOBO and UPYOBO_SUB carry it — what
/// [`import`] gives back after [`export_preventive`]. Not carried: 原案
/// (imported plans are final), the 包括's 確認 date (the paper form's
/// 確認印 has no field), and the 基本チェックリスト's answers, 身長・体重 and
/// 記入日 (UPYOBO carries the counts alone, which stay). A 利用サービス's
/// 期間 is one free-text field: dates are written in 和暦 and read back as
/// dates; words, or dates with words, come back as the words written.
pub fn canonical_preventive(plan: &PreventivePlan) -> PreventivePlan {
    use careplan_core::forms::yobo::ServicePeriod;
    let mut parts = plan.clone().into_parts();
    parts.status = PlanStatus::Final;
    parts.center.confirmed_on = None;
    if let Some(c) = &mut parts.checklist {
        c.answers = None;
        c.date = None;
    }
    for issue in &mut parts.issues {
        for support in &mut issue.supports {
            for service in &mut support.services {
                if let Some(p) = &service.period {
                    let text = export::period_field(p);
                    service.period = Some(match import::parse_period(&text) {
                        Some(d) => ServicePeriod {
                            dates: Some(d),
                            note: None,
                        },
                        None => ServicePeriod {
                            dates: None,
                            note: Text::new(text).ok(),
                        },
                    });
                }
            }
        }
    }
    PreventivePlan::new(parts).unwrap_or_else(|e| {
        debug_assert!(
            false,
            "the canonical form of a valid plan breaks rules: {e}"
        );
        plan.clone()
    })
}

/// The 利用者基本情報 as UPKIHON and its 別表 carry it — what [`import`] gives
/// back after [`export_kihon`] with `opts`, the record being the
/// `index`-th (from 0) of the send set. Not carried: the 基本チェックリスト's
/// answers and 身長・体重 (UPKIHON has its result and date); the 家族構成
/// image's name comes back as the one the standard gives it
/// ([`kihon_image_name`]).
pub fn canonical_kihon(
    k: &careplan_core::forms::yobo::kihon::Kihon,
    opts: &ExportOptions,
    index: usize,
) -> careplan_core::forms::yobo::kihon::Kihon {
    use careplan_core::forms::yobo::kihon::Kihon;
    let mut parts = k.clone().into_parts();
    if let Some(c) = &mut parts.checklist {
        c.answers = None;
    }
    if parts.family.image.is_some() {
        parts.family.image = Text::new(kihon_image_name(opts, index + 1)).ok();
    }
    Kihon::new(parts).unwrap_or_else(|e| {
        debug_assert!(
            false,
            "the canonical form of a valid record breaks rules: {e}"
        );
        k.clone()
    })
}

/// The 第6表 as UPHOSOKU and UPPLAN carry it — what [`import`] gives back
/// after [`export_usage`]. Not carried: 実績 (UPJSK carries them, one
/// provider at a time: [`Actuals::apply`]), rows with 予定 alone survive; the
/// 保険者名, the 居宅介護支援事業所's name and the 担当者's telephone;
/// サービス内容 (the records carry the サービスコード, whose name is the
/// master's). The 区分支給限度基準額 is written, so it comes back given; the
/// 限度額適用期間 goes as dates (the first and last day of its months) and
/// comes back as its months. Rows the records cannot tell apart (same
/// service, office, time band and equipment) come back as one.
pub fn canonical_usage(
    u: &careplan_core::forms::kyotaku::usage::Usage,
) -> careplan_core::forms::kyotaku::usage::Usage {
    use careplan_core::forms::kyotaku::usage::{Usage, UsageRow};
    let mut parts = u.clone().into_parts();
    parts.user.insurer_name = None;
    parts.planner.office_name = None;
    parts.planner.phone = None;
    parts.limit_units = Some(u.limit_units());
    let mut rows: Vec<UsageRow> = Vec::new();
    for mut r in parts.rows.drain(..) {
        r.actual.clear();
        r.service = None;
        if r.planned.is_empty() {
            continue;
        }
        let same = |a: &UsageRow| {
            a.time == r.time
                && a.code == r.code
                && a.office_number == r.office_number
                && a.office_name == r.office_name
                && a.over_30_days == r.over_30_days
                && a.tais_code == r.tais_code
                && a.notified_code == r.notified_code
                && a.equipment_name == r.equipment_name
                && a.detail_number == r.detail_number
        };
        match rows.iter_mut().find(|a| same(a)) {
            Some(a) => {
                a.planned.extend(r.planned);
                a.planned.sort_by_key(|d| d.day);
            }
            None => rows.push(r),
        }
    }
    parts.rows = rows;
    Usage::new(parts).unwrap_or_else(|e| {
        debug_assert!(
            false,
            "the canonical form of a valid sheet breaks rules: {e}"
        );
        u.clone()
    })
}

/// The plan as the CSV standard carries it — what [`import`] gives back
/// after [`export`] (see the crate documentation for what is not carried).
pub fn canonical(plan: &CarePlan) -> CarePlan {
    let mut parts = plan.clone().into_parts();
    parts.status = PlanStatus::Final;
    parts.table1.consent = None;
    let created = parts.table1.created_on;
    // A 限度額適用期間 equal to 認定の有効期間 is written from it, and an empty
    // 利用者補足情報 writes nothing.
    let cert_period = parts.table1.certification_period;
    if let Some(x) = &mut parts.table1.supplementary
        && x.limit_period.is_some()
        && x.limit_period == cert_period
    {
        x.limit_period = None;
    }
    if parts.table1.supplementary == Some(careplan_core::Supplementary::default()) {
        parts.table1.supplementary = None;
    }
    // Wishes and analysis go through one text field.
    if let Some(field) = export::wishes_field(plan) {
        // Read back exactly as import reads it.
        let (wishes, analysis) = import::split_wishes(&field);
        parts.table1.wishes = wishes
            .into_iter()
            .filter_map(|(speaker, body)| {
                Some(Wish {
                    speaker,
                    text: Text::new(body).ok()?,
                })
            })
            .collect();
        parts.table1.analysis = analysis.and_then(|a| Text::new(a).ok());
    }
    // 第2表: consecutive long-term goals with equal text and period read back as one; ids renumbered.
    let mut needs = Vec::new();
    for (ni, n) in plan.table2().needs.iter().enumerate() {
        let mut longs: Vec<LongTermGoal> = Vec::new();
        for l in &n.long_term_goals {
            match longs.last_mut() {
                Some(prev) if prev.text == l.text && prev.period == l.period => {
                    for s in &l.short_term_goals {
                        prev.short_term_goals.push(s.clone());
                    }
                }
                _ => longs.push(l.clone()),
            }
        }
        let mut goal_no = 0;
        for l in &mut longs {
            let mut shorts = Vec::new();
            for s in l.short_term_goals.iter() {
                goal_no += 1;
                let services: Vec<Service> = s
                    .services
                    .iter()
                    .enumerate()
                    .map(|(xi, x)| Service {
                        id: ServiceId::new(format!("n{}-g{goal_no}-s{}", ni + 1, xi + 1))
                            .unwrap_or_else(|_| {
                                debug_assert!(false, "a numbered service id is an id");
                                x.id.clone()
                            }),
                        ..x.clone()
                    })
                    .collect();
                shorts.push(ShortTermGoal {
                    services: NonEmpty::new(services).unwrap_or_else(|| {
                        debug_assert!(false, "the services of a goal are renumbered, not dropped");
                        s.services.clone()
                    }),
                    ..s.clone()
                });
            }
            if let Some(shorts) = NonEmpty::new(shorts) {
                l.short_term_goals = shorts;
            }
        }
        if let Some(longs) = NonEmpty::new(longs) {
            needs.push(Need {
                text: n.text.clone(),
                long_term_goals: longs,
            });
        }
    }
    if let Some(needs) = NonEmpty::new(needs) {
        parts.table2.needs = needs;
    }
    parts.table2.created_on = Some(plan.table2_created_on()).filter(|d| *d != created);
    // 第3表: blocks folded by text and times, labelled with their text, relinked by text.
    let mut folded: Vec<(String, TimeRange, Vec<Weekday>)> = Vec::new();
    for e in &plan.table3().weekly {
        let text = export::weekly_text(plan, e);
        match folded
            .iter_mut()
            .find(|(t, r, _)| *t == text && *r == e.time)
        {
            Some((.., days)) => days.extend(e.weekdays.iter()),
            None => folded.push((text, e.time, e.weekdays.iter().collect())),
        }
    }
    parts.table3.weekly = folded
        .into_iter()
        .filter_map(|(text, time, days)| {
            Some(WeeklyEntry {
                service: import::link(&parts.table2, &text),
                label: Some(Text::new(text).ok()?),
                weekdays: Weekdays::new(days).ok()?,
                time,
            })
        })
        .collect();
    for n in &mut parts.table3.non_weekly {
        n.service = None;
    }
    parts.table3.created_on = Some(plan.table3_created_on()).filter(|d| *d != created);
    let pd = parts.table1.plan_date;
    if let Ok(ym) = YearMonth::new(pd.year(), pd.month()) {
        parts.table3.starts_from = ym;
    }
    CarePlan::new(parts).unwrap_or_else(|e| {
        // The CSV's form of a valid plan is valid: a failure is a careplan bug.
        debug_assert!(
            false,
            "the canonical form of a valid plan breaks rules: {e}"
        );
        plan.clone()
    })
}
