//! ケアプランデータ連携 (the national CSV standard, 第4.1版): send sets
//! written from documents, withdrawals, and files read back into documents.

use careplan_core::Document;
use careplan_csv::{Endpoint, ExportError, ExportOptions, InputFile, jis_to_ms932};
use serde::{Deserialize, Serialize};

use crate::{ApiError, Cause, ErrorCode};

/// How to write a send set.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportRequest {
    /// 送信元: 事業所番号:サービス種類コード (`1234567890:43`).
    pub from: String,
    /// 送信先: 事業所番号:サービス種類コード (`0987654321:11`).
    pub to: String,
    /// The shared 14-digit timestamp `YYYYMMDDHHMMSS` of the send set.
    pub timestamp: String,
    /// Repeat need and goal values on every 第2表 row.
    #[serde(default)]
    pub repeat_values: bool,
    /// Replace JIS-side marks MS932 lacks (〜→～, −→－ …), each reported.
    #[serde(default)]
    pub jis_substitutions: bool,
    /// For 第6表 (`kyotaku_usage`): the master and terms its 第7表 is
    /// computed from, which give each record's 単位数. Required for them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table7: Option<crate::table7::Table7Inputs>,
    /// For 第6表: write the 送信元's 実績 (UPJSK; withdrawn: DLTJSK) rather
    /// than the plan (UPHOSOKU + UPPLAN; withdrawn: DLTPLAN).
    #[serde(default)]
    pub actuals: bool,
}

pub use careplan_csv::{
    Actuals, CsvFile, Exported as SendSet, ImportError, ImportErrorCode, MonthKey, PlanKey,
    Substitution,
};

/// One document read from files, with the key that ties its records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedDocument {
    /// 保険者番号, 被保険者番号, 作成（変更）日.
    pub key: PlanKey,
    /// The document.
    pub document: Document,
}

/// What an import gives: every document read whole, the withdrawals, and
/// every problem (a document with any problem is not among the documents).
#[derive(Debug, Clone)]
pub struct ImportReport {
    /// The documents.
    pub documents: Vec<ImportedDocument>,
    /// Plans withdrawn (DLT1KYO).
    pub withdrawn: Vec<PlanKey>,
    /// 介護予防サービス・支援計画書 withdrawn (DLTYOBO).
    pub withdrawn_preventive: Vec<PlanKey>,
    /// 利用者基本情報 withdrawn (DLTKIHON; the key's date is the 相談日).
    pub withdrawn_kihon: Vec<PlanKey>,
    /// Months' 第6表 (予定) read from UPHOSOKU + UPPLAN.
    pub usage: Vec<(MonthKey, careplan_core::forms::kyotaku::usage::Usage)>,
    /// Providers' 実績 read from UPJSK ([`apply_actuals`] puts them onto a 第6表).
    pub actuals: Vec<Actuals>,
    /// Months' 第7表 as sent (UPSIKYU, with UPHOSOKU's 種類別支給限度管理):
    /// the figures ([`table7_differences`] compares them with careplan's).
    pub table7: Vec<careplan_csv::SentTable7>,
    /// Months withdrawn (DLTPLAN).
    pub withdrawn_usage: Vec<MonthKey>,
    /// 実績 withdrawn (DLTJSK): the key, the 事業所 and the サービス種類.
    pub withdrawn_actuals: Vec<(MonthKey, careplan_core::OfficeNumber, String)>,
    /// Every problem, with file, line, field and plan.
    pub errors: Vec<ImportError>,
}

/// The key that ties a plan's records.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanKeyBody {
    /// 保険者番号.
    pub insurer_number: String,
    /// 被保険者番号.
    pub insured_number: String,
    /// 居宅サービス計画作成（変更）日, 計画作成(変更)日, or a 利用者基本情報's 相談日 (ISO date).
    pub plan_date: String,
}

impl From<&PlanKey> for PlanKeyBody {
    fn from(k: &PlanKey) -> PlanKeyBody {
        PlanKeyBody {
            insurer_number: k.insurer.to_string(),
            insured_number: k.insured.to_string(),
            plan_date: k.plan_date.format("%Y-%m-%d").to_string(),
        }
    }
}

/// The key of a month's 第6表 records.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonthKeyBody {
    /// 保険者番号.
    pub insurer_number: String,
    /// 被保険者番号.
    pub insured_number: String,
    /// 対象年月 (`YYYY-MM`).
    pub month: String,
}

impl From<&MonthKey> for MonthKeyBody {
    fn from(k: &MonthKey) -> MonthKeyBody {
        MonthKeyBody {
            insurer_number: k.insurer.to_string(),
            insured_number: k.insured.to_string(),
            month: k.month.to_string(),
        }
    }
}

/// A month's 第6表 read from a send set.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportedUsageBody {
    /// The user and month.
    pub key: MonthKeyBody,
    /// The 第6表 (`kyotaku_usage`).
    #[cfg_attr(
        feature = "schema",
        schemars(schema_with = "crate::schema::document_component")
    )]
    pub document: serde_json::Value,
}

/// One provider's 実績 of a month, read from UPJSK.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActualsBody {
    /// The user and month.
    pub key: MonthKeyBody,
    /// The providing 事業所.
    pub office_number: String,
    /// Its サービス種類.
    pub service_kind: String,
    /// 作成年月日 (ISO date).
    pub created_on: String,
    /// The rows served, as a 第6表's `rows` (with `actual` days, no `planned`).
    pub rows: Vec<serde_json::Value>,
}

impl From<&Actuals> for ActualsBody {
    fn from(a: &Actuals) -> ActualsBody {
        ActualsBody {
            key: MonthKeyBody::from(&a.key),
            office_number: a.office.as_str().to_owned(),
            service_kind: a.service_kind.clone(),
            created_on: a.created_on.format("%Y-%m-%d").to_string(),
            rows: actual_rows(a),
        }
    }
}

/// The rows of 実績 as a 第6表's `rows` in JSON (each with its `actual` days).
fn actual_rows(a: &Actuals) -> Vec<serde_json::Value> {
    a.rows
        .iter()
        .map(|r| serde_json::to_value(r.to_document()).unwrap_or(serde_json::Value::Null))
        .collect()
}

/// A month's 第7表 as sent (UPSIKYU), the figures it carries.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportedTable7Body {
    /// The user and month.
    pub key: MonthKeyBody,
    /// The figures: `created_on`, `planner_office`, `entered_by`, `lines`
    /// (each with `line` — `service`, `kind_subtotal`, `outside_subtotal`,
    /// `over_30_subtotal` or `total` — `office_number`, `code` and UPSIKYU's
    /// No.10–33 by name, units and yen as integers, `price_sen` in sen, a
    /// blank field `null`), `short_stay`, `kinds` (UPHOSOKU R20–R55) and
    /// `kinds_over` (R56).
    pub table7: serde_json::Value,
}

impl From<&careplan_csv::SentTable7> for ImportedTable7Body {
    fn from(t: &careplan_csv::SentTable7) -> ImportedTable7Body {
        ImportedTable7Body {
            key: MonthKeyBody::from(&t.key),
            table7: serde_json::to_value(t).unwrap_or(serde_json::Value::Null),
        }
    }
}

/// Every figure where a 第7表 received differs from the one careplan
/// computes from the 第6表 beside it, with `inputs` (the master and the
/// terms); empty when they agree. The sheet must be the 第7表's month.
pub fn table7_differences(
    sent: &careplan_csv::SentTable7,
    usage: &careplan_core::forms::kyotaku::usage::Usage,
    inputs: &crate::table7::Table7Inputs,
) -> Result<Vec<careplan_csv::LineDifference>, ApiError> {
    if MonthKey::of(usage) != sent.key {
        return Err(ApiError::new(
            ErrorCode::BadOptions,
            format!(
                "第7表（{}）と第6表（{}）の利用者・対象年月が違います",
                sent.key,
                MonthKey::of(usage)
            ),
            format!(
                "the 第7表 ({}) and the 第6表 ({}) are of another user or month",
                sent.key,
                MonthKey::of(usage)
            ),
        ));
    }
    let (master, mut terms) = inputs.read()?;
    terms.basis = careplan_core::forms::kyotaku::usage::table7::Basis::Planned;
    let t = crate::table7::compute_table(usage, &master, &terms)?;
    Ok(sent.differences(&careplan_csv::SentTable7::of(usage, &t)))
}

/// 実績 withdrawn by DLTJSK.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WithdrawnActualsBody {
    /// The user and month.
    pub key: MonthKeyBody,
    /// The 事業所 whose 実績 are withdrawn.
    pub office_number: String,
    /// Its サービス種類.
    pub service_kind: String,
}

/// One document read from a send set.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportedBody {
    /// The plan's key.
    pub key: PlanKeyBody,
    /// The document, as `careplan csv import` writes it.
    #[cfg_attr(
        feature = "schema",
        schemars(schema_with = "crate::schema::document_component")
    )]
    pub document: serde_json::Value,
}

/// A problem found in the files, placed by file, line and field.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportErrorBody {
    /// The file.
    pub file: String,
    /// The line (from 1), when the problem has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// The field number (No., from 1), when the problem has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<u64>,
    /// The field's name in the standard.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field_name: Option<String>,
    /// The plan it concerns, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<PlanKeyBody>,
    /// The stable code (`not_ms932`, `field_count`, `form_rule` …).
    pub code: String,
    /// The rule of the form behind it, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
    /// What is wrong, in Japanese.
    pub message_ja: String,
    /// What is wrong, in English.
    pub message_en: String,
}

impl From<&ImportError> for ImportErrorBody {
    fn from(e: &ImportError) -> ImportErrorBody {
        ImportErrorBody {
            file: e.file.clone(),
            line: e.line,
            field: e.field.map(|f| f as u64),
            field_name: e.field_name.map(str::to_owned),
            plan: e.plan.as_ref().map(PlanKeyBody::from),
            code: e.code.code().to_owned(),
            rule: e.rule.map(|r| r.code().to_owned()),
            message_ja: e.message_ja.clone(),
            message_en: e.message_en.clone(),
        }
    }
}

/// An import as JSON (`ImportReport::body`): what `POST /v1/csv/import`
/// and the npm packages' `csvImport` give — every document read whole, the
/// withdrawals, and every problem (a plan with any problem is not among
/// the documents).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportBody {
    /// The documents.
    pub documents: Vec<ImportedBody>,
    /// Plans withdrawn (DLT1KYO).
    pub withdrawn: Vec<PlanKeyBody>,
    /// 介護予防サービス・支援計画書 withdrawn (DLTYOBO).
    #[serde(default)]
    pub withdrawn_preventive: Vec<PlanKeyBody>,
    /// 利用者基本情報 withdrawn (DLTKIHON; `plan_date` is the 相談日).
    #[serde(default)]
    pub withdrawn_kihon: Vec<PlanKeyBody>,
    /// Months' 第6表 (予定) read from UPHOSOKU + UPPLAN.
    #[serde(default)]
    pub usage: Vec<ImportedUsageBody>,
    /// Providers' 実績 read from UPJSK.
    #[serde(default)]
    pub actuals: Vec<ActualsBody>,
    /// Months' 第7表 as sent (UPSIKYU).
    #[serde(default)]
    pub table7: Vec<ImportedTable7Body>,
    /// Months withdrawn (DLTPLAN).
    #[serde(default)]
    pub withdrawn_usage: Vec<MonthKeyBody>,
    /// 実績 withdrawn (DLTJSK).
    #[serde(default)]
    pub withdrawn_actuals: Vec<WithdrawnActualsBody>,
    /// Every problem.
    pub errors: Vec<ImportErrorBody>,
}

impl ImportReport {
    /// The report as JSON values, the documents as `careplan csv import`
    /// writes them.
    pub fn body(&self) -> ImportBody {
        ImportBody {
            documents: self
                .documents
                .iter()
                .map(|d| ImportedBody {
                    key: PlanKeyBody::from(&d.key),
                    document: d.document.to_json_value(),
                })
                .collect(),
            withdrawn: self.withdrawn.iter().map(PlanKeyBody::from).collect(),
            withdrawn_preventive: self
                .withdrawn_preventive
                .iter()
                .map(PlanKeyBody::from)
                .collect(),
            withdrawn_kihon: self.withdrawn_kihon.iter().map(PlanKeyBody::from).collect(),
            usage: self
                .usage
                .iter()
                .map(|(k, u)| ImportedUsageBody {
                    key: MonthKeyBody::from(k),
                    document: u.to_json_value(),
                })
                .collect(),
            actuals: self.actuals.iter().map(ActualsBody::from).collect(),
            table7: self.table7.iter().map(ImportedTable7Body::from).collect(),
            withdrawn_usage: self
                .withdrawn_usage
                .iter()
                .map(MonthKeyBody::from)
                .collect(),
            withdrawn_actuals: self
                .withdrawn_actuals
                .iter()
                .map(|(k, o, kind)| WithdrawnActualsBody {
                    key: MonthKeyBody::from(k),
                    office_number: o.as_str().to_owned(),
                    service_kind: kind.clone(),
                })
                .collect(),
            errors: self.errors.iter().map(ImportErrorBody::from).collect(),
        }
    }
}

/// A send set's timestamp (`YYYYMMDDHHMMSS`) for the instant `now`, in
/// Japan Standard Time (UTC+9, no daylight saving), as the standard's file
/// names and 作成日時 are written. The caller reads the clock: the API
/// has none, so that the same input gives the same bytes.
pub fn jst_timestamp(now: chrono::DateTime<chrono::Utc>) -> String {
    match chrono::FixedOffset::east_opt(9 * 3600) {
        Some(jst) => now.with_timezone(&jst).format("%Y%m%d%H%M%S").to_string(),
        // Unreachable (+9 h is a valid offset); UTC rather than a panic.
        None => now.format("%Y%m%d%H%M%S").to_string(),
    }
}

impl ExportRequest {
    /// Checks the options (endpoints, timestamp) without writing anything:
    /// [`ErrorCode::BadOptions`] with the option as the cause's path.
    pub fn check(&self) -> Result<(), ApiError> {
        self.options().map(|_| ())
    }

    fn options(&self) -> Result<ExportOptions, ApiError> {
        let from = Endpoint::parse(&self.from).map_err(|e| option("from", &e))?;
        let to = Endpoint::parse(&self.to).map_err(|e| option("to", &e))?;
        let mut o =
            ExportOptions::new(from, to, &self.timestamp).map_err(|e| option("timestamp", &e))?;
        o.repeat_values = self.repeat_values;
        if self.jis_substitutions {
            o.substitutions = Some(jis_to_ms932());
        }
        Ok(o)
    }
}

/// A bad option: its messages, and the option (`from`) as the cause's path.
fn option(name: &str, e: &ExportError) -> ApiError {
    let (ja, en) = e.messages();
    let cause = Cause::at("bad_option", name, &ja, &en);
    ApiError::new(ErrorCode::BadOptions, ja, en).with_causes(vec![cause])
}

/// The documents of one send set: the 居宅サービス計画書 go as UPHOSOKU and
/// UP1KYO–UP3KYO, the 介護予防サービス・支援計画書 as UPYOBO and UPYOBO_SUB;
/// the standard makes each its own 送信単位, so one request holds one form.
enum Batch {
    Kyotaku(Vec<careplan_core::CarePlan>),
    Yobo(Vec<careplan_core::PreventivePlan>),
    Kihon(Vec<careplan_core::forms::yobo::kihon::Kihon>),
    Usage(Vec<careplan_core::forms::kyotaku::usage::Usage>),
}

/// The documents as one form's batch, or an error naming the first document
/// of another form than the first's (never dropped silently).
fn batch(docs: &[Document]) -> Result<Batch, ApiError> {
    let mixed = |i: usize, d: &Document, first: careplan_core::Form| {
        let ja = format!(
            "{}件目の文書（{}）は1件目（{}）と同じ送信単位に書けません。様式ごとに分けて書き出してください",
            i + 1,
            d.form().label_ja(),
            first.label_ja()
        );
        let en = format!(
            "document {} is a {} document, the first a {}: the standard sends each form as its own send set",
            i + 1,
            d.form().code(),
            first.code()
        );
        let cause = Cause::at("mixed_forms", format!("documents[{i}]"), &ja, &en);
        ApiError::new(ErrorCode::BadOptions, ja, en).with_causes(vec![cause])
    };
    let Some(first) = docs.first().map(Document::form) else {
        return Ok(Batch::Kyotaku(Vec::new()));
    };
    let mut kyotaku = Vec::new();
    let mut yobo = Vec::new();
    let mut kihon = Vec::new();
    let mut usage = Vec::new();
    for (i, d) in docs.iter().enumerate() {
        if d.form() != first {
            return Err(mixed(i, d, first));
        }
        match d {
            Document::Kyotaku(p) => kyotaku.push(p.clone()),
            Document::YoboPlan(p) => yobo.push(p.clone()),
            Document::YoboKihon(k) => kihon.push(k.clone()),
            Document::Usage(u) => usage.push(u.clone()),
            #[allow(unreachable_patterns)] // core may have forms the CSV does not carry
            other => {
                let form = other.form();
                let (why_ja, why_en) = match form {
                    // ケアプランデータ連携 carries 第1–3表 and 第6–7表, not the
                    // care manager's own records.
                    careplan_core::Form::Meeting | careplan_core::Form::Progress => (
                        "ケアプランデータ連携の標準仕様にこの様式のレコードはありません",
                        "the data-exchange standard has no record for this form",
                    ),
                    careplan_core::Form::CaseFile => (
                        "計画書（plan）の部分を単独の文書として送ってください",
                        "send its plan part as a document of its own",
                    ),
                    _ => (
                        "careplan はまだ書き出せません",
                        "careplan does not write it as CSV yet",
                    ),
                };
                let ja = format!(
                    "{}件目の文書（{}）は CSV に書き出せません: {why_ja}",
                    i + 1,
                    form.label_ja()
                );
                let en = format!(
                    "document {} is a {} document, not written as CSV: {why_en}",
                    i + 1,
                    form.code()
                );
                let cause = Cause::at("form_not_exchanged", format!("documents[{i}]"), &ja, &en);
                return Err(ApiError::new(ErrorCode::BadOptions, ja, en).with_causes(vec![cause]));
            }
        }
    }
    Ok(match first {
        careplan_core::Form::YoboPlan => Batch::Yobo(yobo),
        careplan_core::Form::YoboKihon => Batch::Kihon(kihon),
        careplan_core::Form::Usage => Batch::Usage(usage),
        _ => Batch::Kyotaku(kyotaku),
    })
}

/// Writes the documents as one send set. Nothing is written unless every
/// character could be (or was allowed to be substituted).
pub fn export(docs: &[Document], request: &ExportRequest) -> Result<SendSet, ApiError> {
    let opts = request.options()?;
    match batch(docs)? {
        Batch::Kyotaku(plans) => careplan_csv::export(&plans, &opts),
        Batch::Yobo(plans) => careplan_csv::export_preventive(&plans, &opts),
        Batch::Kihon(records) => careplan_csv::export_kihon(&records, &opts),
        Batch::Usage(sheets) => return export_usage(&sheets, request, &opts),
    }
    .map_err(export_error)
}

/// 第6表 as UPHOSOKU + UPPLAN, or (`actuals`) the 送信元's UPJSK, each
/// sheet's 第7表 computed from the request's master and terms on 予定 (on
/// 実績 for UPJSK).
fn export_usage(
    sheets: &[careplan_core::forms::kyotaku::usage::Usage],
    request: &ExportRequest,
    opts: &ExportOptions,
) -> Result<SendSet, ApiError> {
    use careplan_core::forms::kyotaku::usage::table7::Basis;
    let Some(inputs) = &request.table7 else {
        let ja = "第6表の書き出しには第7表の計算に使うサービスコードマスタと条件（table7: master, terms）が必要です（各レコードの単位数になります）";
        let en = "exporting 第6表 needs the service-code master and terms of its 第7表 (table7: master, terms), which give each record's 単位数";
        let cause = Cause::at("missing_option", "table7", ja, en);
        return Err(ApiError::new(ErrorCode::BadOptions, ja, en).with_causes(vec![cause]));
    };
    let (master, mut terms) = inputs.read()?;
    terms.basis = if request.actuals {
        Basis::Actual
    } else {
        Basis::Planned
    };
    let tables = sheets
        .iter()
        .map(|u| crate::table7::compute_table(u, &master, &terms))
        .collect::<Result<Vec<_>, _>>()?;
    let pairs: Vec<careplan_csv::UsageSheet> = sheets
        .iter()
        .zip(&tables)
        .map(|(usage, table7)| careplan_csv::UsageSheet { usage, table7 })
        .collect();
    if request.actuals {
        careplan_csv::export_actuals(&pairs, opts)
    } else {
        careplan_csv::export_usage(&pairs, opts)
    }
    .map_err(export_error)
}

/// The 第6表 `sheet` with every 実績 of `actuals` for its user and month
/// applied ([`Actuals::apply`]: each provider's replaces what it sent
/// before); the others are left alone. The result is checked as any 第6表.
pub fn apply_actuals(sheet: &Document, actuals: &[Actuals]) -> Result<Document, ApiError> {
    let Document::Usage(u) = sheet else {
        let ja = format!(
            "実績は第6表に取り込みます（この文書は{}）",
            sheet.form().label_ja()
        );
        let en = format!(
            "実績 go onto a 第6表 (this is a {} document)",
            sheet.form().code()
        );
        return Err(ApiError::new(ErrorCode::BadOptions, ja, en));
    };
    let key = MonthKey::of(u);
    let mut out = u.clone();
    for a in actuals.iter().filter(|a| a.key == key) {
        out = a.apply(&out).map_err(|e| match e {
            careplan_csv::ApplyError::Invalid(e) => ApiError::invalid(e.violations()),
            other => {
                let (ja, en) = other.messages();
                ApiError::new(ErrorCode::BadOptions, ja, en)
            }
        })?;
    }
    Ok(Document::Usage(out))
}

/// Writes the withdrawal of the documents' plans, sent before: DLT1KYO for
/// 居宅サービス計画書, DLTYOBO for 介護予防サービス・支援計画書.
pub fn withdraw(docs: &[Document], request: &ExportRequest) -> Result<SendSet, ApiError> {
    let opts = request.options()?;
    match batch(docs)? {
        Batch::Kyotaku(plans) => {
            let keys: Vec<PlanKey> = plans.iter().map(PlanKey::of).collect();
            careplan_csv::export_withdrawal(&keys, &opts)
        }
        Batch::Yobo(plans) => {
            let keys: Vec<PlanKey> = plans
                .iter()
                .map(|p| PlanKey {
                    insurer: p.parts().user.insurer_number.clone(),
                    insured: p.parts().user.insured_number.clone(),
                    plan_date: p.parts().plan_date,
                })
                .collect();
            careplan_csv::export_preventive_withdrawal(&keys, &opts)
        }
        Batch::Kihon(records) => {
            let keys: Vec<PlanKey> = records
                .iter()
                .map(|k| PlanKey {
                    insurer: k.parts().user.insurer_number.clone(),
                    insured: k.parts().user.insured_number.clone(),
                    plan_date: k.parts().consultation_date,
                })
                .collect();
            careplan_csv::export_kihon_withdrawal(&keys, &opts)
        }
        Batch::Usage(sheets) => {
            let keys: Vec<MonthKey> = sheets.iter().map(MonthKey::of).collect();
            if request.actuals {
                careplan_csv::export_actuals_withdrawal(&keys, &opts)
            } else {
                careplan_csv::export_usage_withdrawal(&keys, &opts)
            }
        }
    }
    .map_err(export_error)
}

/// Reads files of any number of send sets, in any order.
pub fn import(files: Vec<(String, Vec<u8>)>) -> ImportReport {
    let inputs: Vec<InputFile> = files
        .into_iter()
        .map(|(name, bytes)| InputFile { name, bytes })
        .collect();
    let got = careplan_csv::import(&inputs);
    ImportReport {
        documents: got
            .plans
            .into_iter()
            .map(|(key, plan)| ImportedDocument {
                key,
                document: Document::Kyotaku(plan),
            })
            .chain(
                got.preventive
                    .into_iter()
                    .map(|(key, plan)| ImportedDocument {
                        key,
                        document: Document::YoboPlan(plan),
                    }),
            )
            .chain(got.kihon.into_iter().map(|(key, k)| ImportedDocument {
                key,
                document: Document::YoboKihon(k),
            }))
            .collect(),
        withdrawn: got.withdrawn,
        withdrawn_preventive: got.withdrawn_preventive,
        withdrawn_kihon: got.withdrawn_kihon,
        usage: got.usage,
        actuals: got.actuals,
        table7: got.table7,
        withdrawn_usage: got.withdrawn_usage,
        withdrawn_actuals: got.withdrawn_actuals,
        errors: got.errors,
    }
}

/// The CSV crate's export error as the API's, every character a cause.
fn export_error(e: ExportError) -> ApiError {
    let (ja, en) = e.messages();
    match e {
        ExportError::Unencodable(list) => ApiError::new(ErrorCode::Unencodable, ja, en)
            .with_causes(
                list.iter()
                    .map(|u| {
                        Cause::character(
                            "unencodable",
                            u,
                            format!("MS932 で書けない文字「{}」", u.character),
                            format!("MS932 cannot carry {:?}", u.character),
                        )
                    })
                    .collect(),
            ),
        ExportError::TooMany { .. } => ApiError::new(ErrorCode::TooMany, ja, en),
        ExportError::NoPlans => ApiError::new(ErrorCode::NothingToWrite, ja, en),
        _ => ApiError::new(ErrorCode::BadOptions, ja, en),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imported_documents_are_their_json() {
        for (name, plan) in careplan_fixtures::plans() {
            let doc = Document::Kyotaku(plan);
            let printed: serde_json::Value = serde_json::from_str(&doc.to_json_pretty()).unwrap();
            assert_eq!(doc.to_json_value(), printed, "{name}");
        }
    }

    fn request() -> ExportRequest {
        ExportRequest {
            from: "0300000100:46".into(),
            to: "0300000005:15".into(),
            timestamp: "20251201093000".into(),
            repeat_values: false,
            jis_substitutions: false,
            table7: None,
            actuals: false,
        }
    }

    /// Every form's documents go out and come back as documents of that
    /// form, each form in its own send set.
    #[test]
    fn every_form_exchanged_comes_back_as_its_documents() {
        let request = request();
        for folder in ["plans", "yobo/plans", "yobo/kihon"] {
            let docs: Vec<Document> = careplan_fixtures::files(folder)
                .iter()
                .map(|p| Document::from_json(&careplan_fixtures::read(p)).unwrap())
                .collect();
            let set = export(&docs, &request).unwrap();
            let back = import(set.files.into_iter().map(|f| (f.name, f.bytes)).collect());
            assert!(back.errors.is_empty(), "{folder}: {:?}", back.errors);
            assert_eq!(back.documents.len(), docs.len(), "{folder}");
            assert!(
                back.documents
                    .iter()
                    .all(|d| d.document.form() == docs[0].form()),
                "{folder}"
            );
        }
    }

    /// The records no CSV record carries are refused with the reason, naming
    /// the document; nothing is written.
    #[test]
    fn meetings_logs_and_case_files_are_refused_with_the_reason() {
        let request = request();
        for (folder, reason) in [
            ("meetings", "has no record for this form"),
            ("progress", "has no record for this form"),
            ("cases", "send its plan part"),
        ] {
            let path = careplan_fixtures::files(folder).remove(0);
            let doc = Document::from_json(&careplan_fixtures::read(&path)).unwrap();
            let e = export(&[doc], &request).unwrap_err();
            assert_eq!(e.code, ErrorCode::BadOptions, "{folder}");
            assert!(e.message_en.contains(reason), "{folder}: {}", e.message_en);
            assert_eq!(
                e.causes[0].path.as_deref(),
                Some("documents[0]"),
                "{folder}"
            );
        }
    }

    #[test]
    fn timestamps_are_japan_time() {
        let at = |s: &str| s.parse::<chrono::DateTime<chrono::Utc>>().unwrap();
        assert_eq!(jst_timestamp(at("2026-04-01T00:30:00Z")), "20260401093000");
        // 15:00 UTC is midnight in Japan: the next day's date.
        assert_eq!(jst_timestamp(at("2026-12-31T15:00:00Z")), "20270101000000");
    }
}
