//! The サービスコード master: what each サービスコード is worth, read from a
//! file the caller supplies (the national table has tens of thousands of
//! rows and is revised at every 改定, so careplan ships none).
//!
//! ## The format, version 2
//!
//! One row per code and validity, as CSV (UTF-8, a header line, then one
//! row a line) or as JSON (`{"format": "careplan-service-codes",
//! "version": 2, "rows": [{…}, …]}`), with the same fields:
//!
//! | field | meaning | format |
//! |---|---|---|
//! | `code` | サービスコード: サービス種類 (2) + サービス項目 (4) | six digits or capital letters |
//! | `name` | サービス名称 | text |
//! | `units` | 単位数 (negative for a 減算); blank for a rate-based 加算 | integer |
//! | `rate_permille` | the rate of a rate-based 加算 (処遇改善 24.5 % is `245`); blank otherwise | integer 0–1000 |
//! | `per` | 算定単位: `time` (1回につき), `day` (1日につき), `month` (1月につき) | code |
//! | `limit_managed` | 区分支給限度基準額の対象 (`true`) or 対象外 (`false`) | `true` / `false` |
//! | `fixed_burden_yen` | 定額利用者負担単価金額: the yen the user pays a count of a 定額 service of the 総合事業 (R10); blank otherwise | integer 0–9,999,999 |
//! | `valid_from` | first month the row applies to | `YYYY-MM` |
//! | `valid_to` | last month, or blank while in force | `YYYY-MM` |
//! | `source` | where the row's figures come from | text, optional |
//!
//! Version 1 is version 2 without `fixed_burden_yen` (a CSV header of the
//! nine other columns, or a JSON `"version": 1`), and is still read.
//!
//! Exactly one of `units` and `rate_permille` is given. Two rows of one
//! code may not both apply to a month. Every problem is reported, each with
//! its line and column (CSV) or its row and field (JSON), before any master
//! is made.
//!
//! ```
//! use careplan_core::service_codes::{Master, ServiceCode};
//! use careplan_core::YearMonth;
//!
//! let csv = "code,name,units,rate_permille,per,limit_managed,valid_from,valid_to,source\n\
//!            111111,身体介護１,244,,time,true,2024-06,,an example\n";
//! let master = Master::from_csv(csv).map_err(|e| format!("{e:?}"))?;
//! let code = ServiceCode::new("111111").map_err(|e| format!("{e:?}"))?;
//! let month = YearMonth::new(2025, 4).map_err(|e| format!("{e:?}"))?;
//! let row = master.get(&code, month).ok_or("not in force")?;
//! assert_eq!(row.worth, careplan_core::service_codes::Worth::Units(244));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;

use crate::text::Text;
use crate::time::YearMonth;

/// A サービスコード: サービス種類 (two characters) and サービス項目 (four), each
/// digits or capital letters (`111111`, `11A011`, `A20001`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ServiceCode(String);

impl ServiceCode {
    /// The code, if it is six digits or capital letters.
    pub fn new(s: &str) -> Result<ServiceCode, MasterProblem> {
        if s.len() == 6
            && s.bytes()
                .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase())
        {
            Ok(ServiceCode(s.to_owned()))
        } else {
            Err(MasterProblem::CodeFormat)
        }
    }

    /// The code as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// サービス種類コード: the first two characters.
    pub fn kind(&self) -> &str {
        self.0.get(..2).unwrap_or_default()
    }
}

/// サービス種類コード → the name 第7表 prints on a subtotal (「通所介護合計」),
/// for the kinds careplan knows: the 介護給付's and 予防給付's as the 告示
/// names them, and the 総合事業's A1–A8 as careplan reads their common
/// names (\[U\], `docs/readings.md`; the 市町村 may name its own). A kind
/// not here prints as its code.
pub const SERVICE_KINDS: &[(&str, &str)] = &[
    ("11", "訪問介護"),
    ("12", "訪問入浴介護"),
    ("13", "訪問看護"),
    ("14", "訪問リハビリテーション"),
    ("15", "通所介護"),
    ("16", "通所リハビリテーション"),
    ("17", "福祉用具貸与"),
    ("21", "短期入所生活介護"),
    ("22", "短期入所療養介護（老健）"),
    ("23", "短期入所療養介護（病院等）"),
    ("2A", "短期入所療養介護（医療院）"),
    ("31", "居宅療養管理指導"),
    ("32", "認知症対応型共同生活介護"),
    ("33", "特定施設入居者生活介護"),
    ("36", "地域密着型特定施設入居者生活介護"),
    ("43", "居宅介護支援"),
    ("46", "介護予防支援"),
    ("62", "介護予防訪問入浴介護"),
    ("63", "介護予防訪問看護"),
    ("64", "介護予防訪問リハビリテーション"),
    ("66", "介護予防通所リハビリテーション"),
    ("67", "介護予防福祉用具貸与"),
    ("24", "介護予防短期入所生活介護"),
    ("25", "介護予防短期入所療養介護（老健）"),
    ("26", "介護予防短期入所療養介護（病院等）"),
    ("2B", "介護予防短期入所療養介護（医療院）"),
    ("34", "介護予防居宅療養管理指導"),
    ("35", "介護予防特定施設入居者生活介護"),
    ("37", "介護予防認知症対応型共同生活介護"),
    ("71", "夜間対応型訪問介護"),
    ("72", "認知症対応型通所介護"),
    ("73", "小規模多機能型居宅介護"),
    ("74", "介護予防認知症対応型通所介護"),
    ("75", "介護予防小規模多機能型居宅介護"),
    ("76", "定期巡回・随時対応型訪問介護看護"),
    ("77", "看護小規模多機能型居宅介護"),
    ("78", "地域密着型通所介護"),
    ("A1", "訪問型サービス（みなし）"),
    ("A2", "訪問型サービス（独自）"),
    ("A3", "訪問型サービス（独自／定率）"),
    ("A4", "訪問型サービス（独自／定額）"),
    ("A5", "通所型サービス（みなし）"),
    ("A6", "通所型サービス（独自）"),
    ("A7", "通所型サービス（独自／定率）"),
    ("A8", "通所型サービス（独自／定額）"),
];

/// The name of a サービス種類 ([`SERVICE_KINDS`]), if careplan knows it.
pub fn kind_name(kind: &str) -> Option<&'static str> {
    SERVICE_KINDS
        .iter()
        .find(|(k, _)| *k == kind)
        .map(|(_, name)| *name)
}

crate::code_enum! {
    /// 算定単位: what one count of the code is.
    pub enum Per {
        /// 1回につき.
        Time = "time", "1回につき";
        /// 1日につき.
        Day = "day", "1日につき";
        /// 1月につき.
        Month = "month", "1月につき";
    }
}

/// What a code adds: units, or a rate of the units it applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Worth {
    /// 単位数 (negative for a 減算).
    Units(i64),
    /// A rate-based 加算, in per mille of the units it applies to.
    RatePermille(u16),
}

/// One row of the master.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeRow {
    /// サービスコード.
    pub code: ServiceCode,
    /// サービス名称.
    pub name: Text,
    /// 単位数 or rate.
    pub worth: Worth,
    /// 算定単位.
    pub per: Per,
    /// 区分支給限度基準額の対象 (`false`: 対象外).
    pub limit_managed: bool,
    /// 定額利用者負担単価金額 (yen a count) of a 定額 service of the
    /// 総合事業, whose user pays this rather than a 負担割合 (R10).
    pub fixed_burden_yen: Option<i64>,
    /// The first month the row applies to.
    pub valid_from: YearMonth,
    /// The last month, `None` while in force.
    pub valid_to: Option<YearMonth>,
    /// Where the figures come from.
    pub source: Option<Text>,
}

impl CodeRow {
    /// Whether the row applies to `month`.
    pub fn applies_to(&self, month: YearMonth) -> bool {
        self.valid_from <= month && self.valid_to.is_none_or(|to| month <= to)
    }
}

/// What is wrong with a value of the master.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum MasterProblem {
    /// A サービスコード that is not six digits or capital letters.
    CodeFormat,
    /// A required field left blank.
    Required,
    /// Not an integer, or outside its range.
    Number,
    /// Not one of `time`, `day`, `month`.
    Per,
    /// Not `true` or `false`.
    Bool,
    /// Not a month `YYYY-MM`.
    Month,
    /// Text careplan refuses (a control character, too long).
    Text,
    /// Both or neither of `units` and `rate_permille`.
    UnitsOrRate,
    /// `valid_to` before `valid_from`.
    ValidityOrder,
    /// Two rows of one code apply to the same month.
    Overlap,
    /// The file is not CSV or JSON of this format (a broken quote, a missing
    /// column, another format or version).
    Shape,
}

impl MasterProblem {
    /// The message, in Japanese and English.
    pub fn messages(self) -> (&'static str, &'static str) {
        match self {
            MasterProblem::CodeFormat => (
                "サービスコードは半角の数字・英大文字6文字です",
                "a service code is six digits or capital letters",
            ),
            MasterProblem::Required => ("必須の項目が空欄です", "a required field is blank"),
            MasterProblem::Number => (
                "整数として読めないか、範囲外です",
                "not an integer in range",
            ),
            MasterProblem::Per => (
                "算定単位は time・day・month のどれかです",
                "per is time, day or month",
            ),
            MasterProblem::Bool => ("true か false で書きます", "true or false"),
            MasterProblem::Month => ("年月は YYYY-MM で書きます", "a month is YYYY-MM"),
            MasterProblem::Text => ("使えない文字を含むか、長すぎます", "text careplan refuses"),
            MasterProblem::UnitsOrRate => (
                "単位数と率のどちらか一方だけを書きます",
                "exactly one of units and rate_permille",
            ),
            MasterProblem::ValidityOrder => (
                "適用終了年月が開始年月より前です",
                "valid_to is before valid_from",
            ),
            MasterProblem::Overlap => (
                "同じサービスコードの行が同じ月に重なっています",
                "two rows of one code apply to the same month",
            ),
            MasterProblem::Shape => (
                "サービスコードマスタの形式ではありません",
                "not a service-code master of this format",
            ),
        }
    }
}

/// A problem of a master file, where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MasterError {
    /// The line (CSV, from 1; or JSON, for a syntax error), if known.
    pub line: Option<usize>,
    /// The column: the field's position from 1 (CSV), or the character
    /// (JSON syntax), if known.
    pub column: Option<usize>,
    /// The row (from 1, not counting the CSV header), if the problem is in one.
    pub row: Option<usize>,
    /// The field's name, if the problem is in one.
    pub field: Option<&'static str>,
    /// What is wrong.
    pub problem: MasterProblem,
    /// The offending value or the parser's own words.
    pub detail: String,
}

impl fmt::Display for MasterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (ja, en) = self.problem.messages();
        if let Some(l) = self.line {
            write!(f, "line {l}")?;
            if let Some(c) = self.column {
                write!(f, ", column {c}")?;
            }
            write!(f, ": ")?;
        } else if let Some(r) = self.row {
            write!(f, "row {r}: ")?;
        }
        if let Some(field) = self.field {
            write!(f, "{field}: ")?;
        }
        write!(f, "{ja} / {en}")?;
        if !self.detail.is_empty() {
            write!(f, " ({:?})", self.detail)?;
        }
        Ok(())
    }
}

impl std::error::Error for MasterError {}

/// The columns of the CSV form, in order, and the fields of a JSON row.
pub const FIELDS: [&str; 10] = [
    "code",
    "name",
    "units",
    "rate_permille",
    "per",
    "limit_managed",
    "fixed_burden_yen",
    "valid_from",
    "valid_to",
    "source",
];

/// The value of the JSON form's `format`.
pub const FORMAT: &str = "careplan-service-codes";

/// The version of the format this module reads and writes (it also reads
/// version 1, which lacks `fixed_burden_yen`).
pub const VERSION: u32 = 2;

/// Version 1's CSV columns: [`FIELDS`] without `fixed_burden_yen`.
pub const FIELDS_V1: [&str; 9] = [
    "code",
    "name",
    "units",
    "rate_permille",
    "per",
    "limit_managed",
    "valid_from",
    "valid_to",
    "source",
];

/// A row as written, before it is checked (the JSON form's row; the CSV
/// form's columns).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRow {
    code: Option<String>,
    name: Option<String>,
    units: Option<serde_json::Value>,
    rate_permille: Option<serde_json::Value>,
    per: Option<String>,
    limit_managed: Option<serde_json::Value>,
    fixed_burden_yen: Option<serde_json::Value>,
    valid_from: Option<String>,
    valid_to: Option<String>,
    source: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMaster {
    format: String,
    version: u32,
    rows: Vec<RawRow>,
}

/// Where a row came from, for its errors.
#[derive(Clone, Copy)]
struct At {
    row: usize,
    line: Option<usize>,
    /// The CSV file's columns (version 1's or 2's).
    columns: &'static [&'static str],
}

impl At {
    fn err(
        self,
        field: &'static str,
        problem: MasterProblem,
        detail: impl Into<String>,
    ) -> MasterError {
        MasterError {
            line: self.line,
            column: self
                .line
                .and(self.columns.iter().position(|f| *f == field).map(|i| i + 1)),
            row: Some(self.row),
            field: Some(field),
            problem,
            detail: detail.into(),
        }
    }
}

fn blank(v: Option<&str>) -> bool {
    v.is_none_or(|s| s.trim().is_empty())
}

/// A JSON value (a number, or a string holding one), or a CSV cell, as text.
fn value_text(v: Option<&serde_json::Value>) -> Option<String> {
    match v {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) => Some(s.clone()),
        Some(other) => Some(other.to_string()),
    }
}

fn check_row(raw: &RawRow, at: At, errors: &mut Vec<MasterError>) -> Option<CodeRow> {
    let before = errors.len();
    let code = match raw.code.as_deref().filter(|s| !s.trim().is_empty()) {
        None => {
            errors.push(at.err("code", MasterProblem::Required, ""));
            None
        }
        Some(s) => ServiceCode::new(s.trim())
            .map_err(|p| errors.push(at.err("code", p, s)))
            .ok(),
    };
    let name = match raw.name.as_deref().filter(|s| !s.trim().is_empty()) {
        None => {
            errors.push(at.err("name", MasterProblem::Required, ""));
            None
        }
        Some(s) => Text::new(s)
            .map_err(|_| errors.push(at.err("name", MasterProblem::Text, s)))
            .ok(),
    };
    let units = value_text(raw.units.as_ref()).filter(|s| !s.trim().is_empty());
    let rate = value_text(raw.rate_permille.as_ref()).filter(|s| !s.trim().is_empty());
    let worth = match (units, rate) {
        (Some(u), None) => u
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|n| n.abs() <= 9_999_999)
            .map(Worth::Units)
            .or_else(|| {
                errors.push(at.err("units", MasterProblem::Number, u.clone()));
                None
            }),
        (None, Some(r)) => r
            .trim()
            .parse::<u16>()
            .ok()
            .filter(|n| *n <= 1000)
            .map(Worth::RatePermille)
            .or_else(|| {
                errors.push(at.err("rate_permille", MasterProblem::Number, r.clone()));
                None
            }),
        (u, _) => {
            errors.push(at.err(
                "units",
                MasterProblem::UnitsOrRate,
                if u.is_some() { "both" } else { "neither" },
            ));
            None
        }
    };
    let per = match raw.per.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => {
            errors.push(at.err("per", MasterProblem::Required, ""));
            None
        }
        Some(s) => Per::from_code(s).or_else(|| {
            errors.push(at.err("per", MasterProblem::Per, s));
            None
        }),
    };
    let limit_managed = match value_text(raw.limit_managed.as_ref())
        .as_deref()
        .map(str::trim)
    {
        Some("true") => Some(true),
        Some("false") => Some(false),
        None | Some("") => {
            errors.push(at.err("limit_managed", MasterProblem::Required, ""));
            None
        }
        Some(other) => {
            errors.push(at.err("limit_managed", MasterProblem::Bool, other));
            None
        }
    };
    let fixed_burden = match value_text(raw.fixed_burden_yen.as_ref())
        .as_deref()
        .map(str::trim)
    {
        None | Some("") => Some(None),
        Some(s) => match s.parse::<i64>() {
            Ok(n) if (0..=9_999_999).contains(&n) => Some(Some(n)),
            _ => {
                errors.push(at.err("fixed_burden_yen", MasterProblem::Number, s));
                None
            }
        },
    };
    let month = |field: &'static str, v: Option<&str>, errors: &mut Vec<MasterError>| {
        let s = v.map(str::trim).unwrap_or_default();
        YearMonth::parse(s)
            .map_err(|_| errors.push(at.err(field, MasterProblem::Month, s)))
            .ok()
    };
    let valid_from = if blank(raw.valid_from.as_deref()) {
        errors.push(at.err("valid_from", MasterProblem::Required, ""));
        None
    } else {
        month("valid_from", raw.valid_from.as_deref(), errors)
    };
    let valid_to = if blank(raw.valid_to.as_deref()) {
        Some(None)
    } else {
        month("valid_to", raw.valid_to.as_deref(), errors).map(Some)
    };
    if let (Some(from), Some(Some(to))) = (valid_from, valid_to)
        && to < from
    {
        errors.push(at.err(
            "valid_to",
            MasterProblem::ValidityOrder,
            format!("{from} – {to}"),
        ));
    }
    let source = match raw.source.as_deref().filter(|s| !s.trim().is_empty()) {
        None => Some(None),
        Some(s) => Text::new(s)
            .map(Some)
            .map_err(|_| errors.push(at.err("source", MasterProblem::Text, s)))
            .ok(),
    };
    if errors.len() > before {
        return None;
    }
    Some(CodeRow {
        code: code?,
        name: name?,
        worth: worth?,
        per: per?,
        limit_managed: limit_managed?,
        fixed_burden_yen: fixed_burden?,
        valid_from: valid_from?,
        valid_to: valid_to?,
        source: source?,
    })
}

/// A サービスコード master: every row, by code.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Master {
    rows: BTreeMap<ServiceCode, Vec<CodeRow>>,
}

impl Master {
    /// The master of `rows`, checked as the file forms are: no two rows of
    /// one code apply to the same month.
    pub fn new(rows: Vec<CodeRow>) -> Result<Master, Vec<MasterError>> {
        Master::collect(
            rows.into_iter().enumerate().map(|(i, r)| {
                (
                    At {
                        row: i + 1,
                        line: None,
                        columns: &FIELDS,
                    },
                    r,
                )
            }),
            Vec::new(),
        )
    }

    fn collect(
        rows: impl Iterator<Item = (At, CodeRow)>,
        mut errors: Vec<MasterError>,
    ) -> Result<Master, Vec<MasterError>> {
        let mut by_code: BTreeMap<ServiceCode, Vec<(At, CodeRow)>> = BTreeMap::new();
        for (at, row) in rows {
            by_code.entry(row.code.clone()).or_default().push((at, row));
        }
        for list in by_code.values_mut() {
            list.sort_by_key(|(_, r)| r.valid_from);
            for pair in list.windows(2) {
                if let [(_, a), (at, b)] = pair
                    && a.valid_to.is_none_or(|to| to >= b.valid_from)
                {
                    errors.push(at.err("valid_from", MasterProblem::Overlap, b.code.as_str()));
                }
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(Master {
            rows: by_code
                .into_iter()
                .map(|(k, v)| (k, v.into_iter().map(|(_, r)| r).collect()))
                .collect(),
        })
    }

    /// Reads the CSV form (see the module docs). Every problem is reported.
    pub fn from_csv(text: &str) -> Result<Master, Vec<MasterError>> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(false)
            .from_reader(text.as_bytes());
        let shape = |line: Option<usize>, detail: String| MasterError {
            line,
            column: None,
            row: None,
            field: None,
            problem: MasterProblem::Shape,
            detail,
        };
        let columns: &'static [&'static str] = match reader.headers() {
            Ok(h) if h.iter().map(str::trim).eq(FIELDS) => &FIELDS,
            Ok(h) if h.iter().map(str::trim).eq(FIELDS_V1) => &FIELDS_V1,
            Ok(h) => {
                return Err(vec![shape(
                    Some(1),
                    format!(
                        "header {:?}, expected {} (version {VERSION}) or {} (version 1)",
                        h.iter().collect::<Vec<_>>(),
                        FIELDS.join(","),
                        FIELDS_V1.join(",")
                    ),
                )]);
            }
            Err(e) => return Err(vec![shape(Some(1), e.to_string())]),
        };
        let mut errors = Vec::new();
        let mut rows = Vec::new();
        for (i, record) in reader.records().enumerate() {
            let record = match record {
                Ok(r) => r,
                Err(e) => {
                    let line = e
                        .position()
                        .map(|p| usize::try_from(p.line()).unwrap_or(usize::MAX));
                    errors.push(shape(line, e.to_string()));
                    continue;
                }
            };
            let line = record
                .position()
                .map(|p| usize::try_from(p.line()).unwrap_or(usize::MAX));
            let cell = |name: &str| {
                columns
                    .iter()
                    .position(|c| *c == name)
                    .and_then(|k| record.get(k))
                    .map(str::to_owned)
            };
            let num = |name: &str| cell(name).map(serde_json::Value::String);
            let raw = RawRow {
                code: cell("code"),
                name: cell("name"),
                units: num("units"),
                rate_permille: num("rate_permille"),
                per: cell("per"),
                limit_managed: num("limit_managed"),
                fixed_burden_yen: num("fixed_burden_yen"),
                valid_from: cell("valid_from"),
                valid_to: cell("valid_to"),
                source: cell("source"),
            };
            let at = At {
                row: i + 1,
                line,
                columns,
            };
            if let Some(r) = check_row(&raw, at, &mut errors) {
                rows.push((at, r));
            }
        }
        Master::collect(rows.into_iter(), errors)
    }

    /// Reads the JSON form (see the module docs). Every problem is reported.
    pub fn from_json(text: &str) -> Result<Master, Vec<MasterError>> {
        let raw: RawMaster = serde_json::from_str(text).map_err(|e| {
            vec![MasterError {
                line: Some(e.line()),
                column: Some(e.column()),
                row: None,
                field: None,
                problem: MasterProblem::Shape,
                detail: e.to_string(),
            }]
        })?;
        if raw.format != FORMAT || !(raw.version == VERSION || raw.version == 1) {
            return Err(vec![MasterError {
                line: None,
                column: None,
                row: None,
                field: Some("format"),
                problem: MasterProblem::Shape,
                detail: format!(
                    "{} version {}, expected {FORMAT} version {VERSION} (or 1)",
                    raw.format, raw.version
                ),
            }]);
        }
        let mut errors = Vec::new();
        let mut rows = Vec::new();
        for (i, r) in raw.rows.iter().enumerate() {
            let at = At {
                row: i + 1,
                line: None,
                columns: &FIELDS,
            };
            if raw.version == 1 && r.fixed_burden_yen.is_some() {
                errors.push(at.err(
                    "fixed_burden_yen",
                    MasterProblem::Shape,
                    "fixed_burden_yen is a field of version 2",
                ));
                continue;
            }
            if let Some(row) = check_row(r, at, &mut errors) {
                rows.push((at, row));
            }
        }
        Master::collect(rows.into_iter(), errors)
    }

    /// The row of `code` that applies to `month`, if any.
    pub fn get(&self, code: &ServiceCode, month: YearMonth) -> Option<&CodeRow> {
        self.rows.get(code)?.iter().find(|r| r.applies_to(month))
    }

    /// Every row, by code then validity.
    pub fn rows(&self) -> impl Iterator<Item = &CodeRow> {
        self.rows.values().flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str =
        "code,name,units,rate_permille,per,limit_managed,valid_from,valid_to,source\n";

    fn ym(y: i32, m: u32) -> YearMonth {
        YearMonth::new(y, m).unwrap()
    }

    #[test]
    fn codes_are_six_digits_or_capitals() {
        assert!(ServiceCode::new("111111").is_ok());
        assert!(ServiceCode::new("11A011").is_ok());
        assert_eq!(
            ServiceCode::new("11111").unwrap_err(),
            MasterProblem::CodeFormat
        );
        assert_eq!(
            ServiceCode::new("11a011").unwrap_err(),
            MasterProblem::CodeFormat
        );
        assert_eq!(
            ServiceCode::new("１１１１１１").unwrap_err(),
            MasterProblem::CodeFormat
        );
        assert_eq!(ServiceCode::new("111111").unwrap().kind(), "11");
    }

    #[test]
    fn the_row_in_force_is_picked_by_month() {
        let csv = format!(
            "{HEADER}111111,身体介護１,250,,time,true,2021-04,2024-05,old\n111111,身体介護１,244,,time,true,2024-06,,new\n"
        );
        let m = Master::from_csv(&csv).unwrap();
        let code = ServiceCode::new("111111").unwrap();
        assert_eq!(m.get(&code, ym(2024, 5)).unwrap().worth, Worth::Units(250));
        assert_eq!(m.get(&code, ym(2024, 6)).unwrap().worth, Worth::Units(244));
        assert!(m.get(&code, ym(2021, 3)).is_none());
        assert!(
            m.get(&ServiceCode::new("111112").unwrap(), ym(2024, 6))
                .is_none()
        );
    }

    #[test]
    fn every_problem_is_reported_with_line_and_column() {
        let csv = format!(
            "{HEADER}111111,身体介護１,abc,,time,true,2024-06,,\n\
             11111,,244,5,week,yes,2024-13,,\n\
             222222,減算,-10,,month,false,2024-06,2024-04,\n"
        );
        let errs = Master::from_csv(&csv).unwrap_err();
        let at: Vec<(Option<usize>, Option<usize>, MasterProblem)> =
            errs.iter().map(|e| (e.line, e.column, e.problem)).collect();
        assert_eq!(
            at,
            vec![
                (Some(2), Some(3), MasterProblem::Number),
                (Some(3), Some(1), MasterProblem::CodeFormat),
                (Some(3), Some(2), MasterProblem::Required),
                (Some(3), Some(3), MasterProblem::UnitsOrRate),
                (Some(3), Some(5), MasterProblem::Per),
                (Some(3), Some(6), MasterProblem::Bool),
                (Some(3), Some(7), MasterProblem::Month),
                (Some(4), Some(8), MasterProblem::ValidityOrder),
            ]
        );
        assert!(errs[0].to_string().contains("line 2, column 3: units"));
    }

    #[test]
    fn overlapping_rows_of_a_code_are_refused() {
        let csv = format!(
            "{HEADER}111111,a,250,,time,true,2021-04,,\n111111,a,244,,time,true,2024-06,,\n"
        );
        let errs = Master::from_csv(&csv).unwrap_err();
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].problem, MasterProblem::Overlap);
        assert_eq!(errs[0].line, Some(3));
        // Rows made in code are held to the same rule, placed by row.
        let rows: Vec<CodeRow> = Master::from_csv(&format!(
            "{HEADER}111111,a,250,,time,true,2021-04,2024-05,\n111112,a,244,,time,true,2024-06,,\n"
        ))
        .unwrap()
        .rows()
        .cloned()
        .map(|r| CodeRow {
            code: ServiceCode::new("111111").unwrap(),
            valid_to: None,
            ..r
        })
        .collect();
        let errs = Master::new(rows).unwrap_err();
        assert_eq!(
            (errs[0].row, errs[0].problem),
            (Some(2), MasterProblem::Overlap)
        );
    }

    #[test]
    fn json_and_csv_read_the_same_rows() {
        let csv = format!(
            "{HEADER}111111,身体介護１,244,,time,true,2024-06,,src\n116275,処遇改善加算,,245,month,false,2024-06,,src\n"
        );
        let json = r#"{"format": "careplan-service-codes", "version": 1, "rows": [
            {"code": "111111", "name": "身体介護１", "units": 244, "per": "time", "limit_managed": true, "valid_from": "2024-06", "source": "src"},
            {"code": "116275", "name": "処遇改善加算", "rate_permille": 245, "per": "month", "limit_managed": false, "valid_from": "2024-06", "source": "src"}
        ]}"#;
        assert_eq!(
            Master::from_csv(&csv).unwrap(),
            Master::from_json(json).unwrap()
        );
        let bad = Master::from_json(r#"{"format": "x", "version": 1, "rows": []}"#).unwrap_err();
        assert_eq!(bad[0].problem, MasterProblem::Shape);
        let syntax = Master::from_json("{\n  \"format\": ").unwrap_err();
        assert_eq!(syntax[0].line, Some(2));
        let unknown = Master::from_json(
            r#"{"format": "careplan-service-codes", "version": 1, "rows": [{"cod": "1"}]}"#,
        )
        .unwrap_err();
        assert_eq!(unknown[0].problem, MasterProblem::Shape);
    }

    #[test]
    fn a_wrong_header_is_refused_before_any_row() {
        let errs = Master::from_csv("code,name\n111111,a\n").unwrap_err();
        assert_eq!(errs.len(), 1);
        assert_eq!(
            (errs[0].line, errs[0].problem),
            (Some(1), MasterProblem::Shape)
        );
    }

    #[test]
    fn version_2_carries_the_fixed_burden_and_version_1_is_still_read() {
        let v2 = "code,name,units,rate_permille,per,limit_managed,fixed_burden_yen,valid_from,valid_to,source\n\
                  A60001,通所型サービス,1798,,month,true,1798,2024-06,,src\n\
                  111111,身体介護１,244,,time,true,,2024-06,,src\n";
        let m = Master::from_csv(v2).unwrap();
        let code = ServiceCode::new("A60001").unwrap();
        assert_eq!(
            m.get(&code, ym(2025, 4)).unwrap().fixed_burden_yen,
            Some(1798)
        );
        let help = ServiceCode::new("111111").unwrap();
        assert_eq!(m.get(&help, ym(2025, 4)).unwrap().fixed_burden_yen, None);
        // The same rows in version 1 (no 定額) read alike.
        let v1 = format!("{HEADER}111111,身体介護１,244,,time,true,2024-06,,src\n");
        assert_eq!(
            Master::from_csv(&v1).unwrap().get(&help, ym(2025, 4)),
            m.get(&help, ym(2025, 4))
        );
        // A bad 定額 is reported at its own column (7 in version 2).
        let bad = v2.replace(",1798,2024", ",-5,2024");
        let errs = Master::from_csv(&bad).unwrap_err();
        assert_eq!(
            (errs[0].line, errs[0].column, errs[0].field, errs[0].problem),
            (
                Some(2),
                Some(7),
                Some("fixed_burden_yen"),
                MasterProblem::Number
            )
        );
        // Version 1's JSON has no such field.
        let errs = Master::from_json(
            r#"{"format": "careplan-service-codes", "version": 1, "rows": [{"code": "A60001", "name": "a", "units": 1, "per": "month", "limit_managed": true, "fixed_burden_yen": 100, "valid_from": "2024-06"}]}"#,
        )
        .unwrap_err();
        assert_eq!(errs[0].field, Some("fixed_burden_yen"));
        let ok = Master::from_json(
            r#"{"format": "careplan-service-codes", "version": 2, "rows": [{"code": "A60001", "name": "a", "units": 1, "per": "month", "limit_managed": true, "fixed_burden_yen": 100, "valid_from": "2024-06"}]}"#,
        )
        .unwrap();
        assert_eq!(
            ok.get(&code, ym(2025, 4)).unwrap().fixed_burden_yen,
            Some(100)
        );
    }
}
