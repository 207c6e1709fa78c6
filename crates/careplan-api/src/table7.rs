//! 第7表 サービス利用票別表: computed from a 第6表 (`kyotaku_usage`), the
//! caller's サービスコード master (CSV or JSON, `careplan_core::service_codes`)
//! and the terms (each 事業所's 地域区分, 割引 and prices, the 負担割合,
//! 種類支給限度, the allocation of the excess:
//! `careplan_core::forms::kyotaku::usage::table7::terms`).

use careplan_core::Document;
use careplan_core::forms::kyotaku::usage::table7::{self, Table7Error, Terms};
use careplan_core::service_codes::{Master, MasterError};
use serde::{Deserialize, Serialize};

use crate::{ApiError, Cause, ErrorCode};

/// Which row of 第7表 to explain: group (事業所 × サービス種類) and row
/// within it, from 0, as `table7.groups[g].rows[r]`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RowRef {
    /// The group's index.
    pub group: usize,
    /// The row's index in the group.
    pub row: usize,
}

/// One column of the explained row and how its value came about.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExplainStep {
    /// The column's head on the form.
    pub column_ja: String,
    /// The column in English.
    pub column_en: String,
    /// Its value.
    pub value: String,
    /// How it was obtained, in Japanese.
    pub how_ja: String,
    /// How it was obtained, in English.
    pub how_en: String,
}

/// 第7表, and the explanation of a row when one was asked for.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Table7Report {
    /// Every column of every row (`Table7::to_json`): units and yen as
    /// integers, 単位数単価 in sen.
    pub table7: serde_json::Value,
    /// The plan-check findings of 第7表 (T7-…): units over the limit that
    /// nobody allocated.
    pub findings: Vec<careplan_check::Finding>,
    /// The steps of the row asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanation: Option<Vec<ExplainStep>>,
}

/// What 第7表 is computed from, beside the 第6表 (as `POST /v1/table7`).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Table7Inputs {
    /// The サービスコード master: its CSV text (a string) or its JSON form (an object).
    #[cfg_attr(
        feature = "schema",
        schemars(schema_with = "crate::schema::master_component")
    )]
    pub master: serde_json::Value,
    /// The terms (`careplan table7 --help`).
    #[cfg_attr(
        feature = "schema",
        schemars(schema_with = "crate::schema::terms_component")
    )]
    pub terms: serde_json::Value,
}

impl Table7Inputs {
    /// The master and the terms, read.
    pub(crate) fn read(&self) -> Result<(Master, Terms), ApiError> {
        Ok((
            master_raw(&self.master.to_string())?,
            terms(&self.terms.to_string())?,
        ))
    }

    /// The 第7表 of `usage` these inputs give.
    #[cfg(feature = "render")]
    pub(crate) fn compute(
        &self,
        usage: &careplan_core::forms::kyotaku::usage::Usage,
    ) -> Result<table7::Table7, ApiError> {
        let (master, terms) = self.read()?;
        compute_table(usage, &master, &terms)
    }
}

fn master_cause(e: &MasterError) -> Cause {
    let (ja, en) = e.problem.messages();
    let place = match (e.line, e.column, e.row) {
        (Some(l), Some(c), _) => format!("line {l}, column {c}"),
        (Some(l), None, _) => format!("line {l}"),
        (None, _, Some(r)) => format!("row {r}"),
        (None, _, None) => String::new(),
    };
    let path = match (e.row, e.field) {
        (Some(r), Some(f)) if e.line.is_none() => {
            format!("master.rows[{}].{f}", r.saturating_sub(1))
        }
        (_, Some(f)) => format!("master.{f}"),
        _ => "master".to_owned(),
    };
    let mut c = Cause::at("master", path, ja, en);
    c.value = (!e.detail.is_empty()).then(|| e.detail.clone());
    c.detail = (!place.is_empty()).then_some(place);
    c
}

/// Reads a サービスコード master: JSON when the text starts with `{`,
/// CSV otherwise. Every problem is a cause of [`ErrorCode::BadMaster`].
pub fn master(text: &str) -> Result<Master, ApiError> {
    let read = if text.trim_start().starts_with('{') {
        Master::from_json(text)
    } else {
        Master::from_csv(text)
    };
    read.map_err(|errors| {
        ApiError::new(
            ErrorCode::BadMaster,
            format!(
                "サービスコードマスタを読めません（{} 件の問題）",
                errors.len()
            ),
            format!(
                "the service-code master cannot be read ({} problems)",
                errors.len()
            ),
        )
        .with_causes(errors.iter().map(master_cause).collect())
    })
}

/// Reads a サービスコード master given as a JSON value's text, as the
/// request bodies carry it: a JSON string holds the CSV text, an object is
/// the JSON form ([`master`] decides which from the text inside).
pub fn master_raw(raw_json: &str) -> Result<Master, ApiError> {
    match serde_json::from_str::<String>(raw_json) {
        Ok(csv) => master(&csv),
        Err(_) => master(raw_json),
    }
}

fn cause(e: &Table7Error, terms_prefix: bool) -> Cause {
    let (ja, en) = e.problem.messages();
    let path = e.path.as_str();
    let is_terms = !path.starts_with("rows") && !path.starts_with("groups");
    let path = if terms_prefix && is_terms {
        format!("terms.{path}")
    } else {
        path.to_owned()
    };
    let mut c = Cause::at(e.problem.code(), path, ja, en);
    c.value = (!e.value.is_empty()).then(|| e.value.clone());
    c
}

/// Reads the terms (JSON). Every problem is a cause of
/// [`ErrorCode::BadOptions`], its path under `terms`.
pub fn terms(json: &str) -> Result<Terms, ApiError> {
    Terms::from_json(json).map_err(|errors| {
        ApiError::new(
            ErrorCode::BadOptions,
            "第7表の条件（terms）が正しくありません",
            "the terms of 第7表 are wrong",
        )
        .with_causes(errors.iter().map(|e| cause(e, true)).collect())
    })
}

/// 第7表 of a 第6表, and the explanation of `explain`'s row if asked.
/// Another form is [`ErrorCode::BadOptions`]; what keeps the table from
/// being computed, [`ErrorCode::CannotCompute`] with every cause.
pub fn compute(
    doc: &Document,
    master: &Master,
    terms: &Terms,
    explain: Option<RowRef>,
) -> Result<Table7Report, ApiError> {
    let Document::Usage(usage) = doc else {
        return Err(ApiError::new(
            ErrorCode::BadOptions,
            format!(
                "第7表は第6表（kyotaku_usage）から計算します。この文書は {} です",
                doc.form().label_ja()
            ),
            format!(
                "第7表 is computed from a 第6表 (kyotaku_usage), not from {}",
                doc.form().code()
            ),
        ));
    };
    let t = compute_table(usage, master, terms)?;
    let explanation = match explain {
        None => None,
        Some(r) => Some(
            t.explain(r.group, r.row)
                .ok_or_else(|| {
                    ApiError::new(
                        ErrorCode::BadOptions,
                        format!("第7表に groups[{}].rows[{}] はありません", r.group, r.row),
                        format!("第7表 has no groups[{}].rows[{}]", r.group, r.row),
                    )
                })?
                .into_iter()
                .map(|s| ExplainStep {
                    column_ja: s.column_ja.to_owned(),
                    column_en: s.column_en.to_owned(),
                    value: s.value,
                    how_ja: s.how_ja,
                    how_en: s.how_en,
                })
                .collect(),
        ),
    };
    Ok(Table7Report {
        table7: t.to_json(),
        findings: careplan_check::check_table7(usage, &t).findings,
        explanation,
    })
}

/// 第7表 of a 第6表, or [`ErrorCode::CannotCompute`] with every cause.
pub fn compute_table(
    usage: &careplan_core::forms::kyotaku::usage::Usage,
    master: &Master,
    terms: &Terms,
) -> Result<table7::Table7, ApiError> {
    table7::compute(usage, master, terms).map_err(|errors| {
        ApiError::new(
            ErrorCode::CannotCompute,
            format!("第7表を計算できません（{} 件の問題）", errors.len()),
            format!("第7表 cannot be computed ({} problems)", errors.len()),
        )
        .with_causes(errors.iter().map(|e| cause(e, true)).collect())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(path: &str) -> String {
        std::fs::read_to_string(format!(
            "{}/../../fixtures/{path}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap()
    }

    #[test]
    fn a_fixture_month_computes_with_its_explanation() {
        let doc =
            crate::validate::validate(&fixture("usage/care3-over-limit-2025-06.json")).unwrap();
        let m = master(&fixture("masters/service-codes-illustrative.json")).unwrap();
        let t = terms(&fixture("table7/care3-over-limit-2025-06.terms.json")).unwrap();
        let r = compute(&doc, &m, &t, Some(RowRef { group: 1, row: 0 })).unwrap();
        assert_eq!(r.table7["full_burden"], 14_407);
        // The care manager chose the allocation: no finding.
        assert!(r.findings.is_empty(), "{:?}", r.findings);
        let mut default = t.clone();
        default.allocation = None;
        let by_default = compute(&doc, &m, &default, None).unwrap();
        assert_eq!(by_default.findings.len(), 1);
        assert_eq!(by_default.findings[0].rule.as_str(), "T7-001");
        assert_eq!(by_default.findings[0].path, "allocation");
        let steps = r.explanation.unwrap();
        let over = steps
            .iter()
            .find(|s| s.column_ja == "区分支給限度基準を超える単位数")
            .unwrap();
        assert_eq!(over.value, "1344");
        assert!(
            over.how_en.contains("care manager chose"),
            "{}",
            over.how_en
        );
        let e = compute(&doc, &m, &t, Some(RowRef { group: 9, row: 0 })).unwrap_err();
        assert_eq!(e.code, ErrorCode::BadOptions);
    }

    #[test]
    fn each_input_is_refused_with_its_causes() {
        let e = master("code,name\n1,a\n").unwrap_err();
        assert_eq!(e.code, ErrorCode::BadMaster);
        assert_eq!(e.causes[0].detail.as_deref(), Some("line 1"));
        let e = terms(r#"{"burden_tenths": 5, "offices": []}"#).unwrap_err();
        assert_eq!(e.causes[0].path.as_deref(), Some("terms.burden_tenths"));
        let doc =
            crate::validate::validate(&fixture("usage/care3-over-limit-2025-06.json")).unwrap();
        let m = master(&fixture("masters/service-codes-illustrative.csv")).unwrap();
        let t = terms(r#"{"burden_tenths": 1, "offices": [], "allocation": [{"office_number": "1470000101", "kind": "13", "units": 1}]}"#).unwrap();
        let e = compute(&doc, &m, &t, None).unwrap_err();
        assert_eq!(e.code, ErrorCode::CannotCompute);
        let paths: Vec<_> = e.causes.iter().filter_map(|c| c.path.as_deref()).collect();
        assert_eq!(
            paths,
            [
                "rows[0].office_number",
                "rows[1].office_number",
                "rows[2].office_number",
                "rows[3].office_number",
                "terms.allocation[0]"
            ]
        );
        let plan = crate::validate::validate(&fixture("plans/case-a.json")).unwrap();
        assert_eq!(
            compute(&plan, &m, &t, None).unwrap_err().code,
            ErrorCode::BadOptions
        );
    }
}
