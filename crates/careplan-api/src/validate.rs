//! Reading and checking a document of any form, and the report of it.

use careplan_core::report::{FileReport, FileStatus, ViolationRecord};
use careplan_core::{Document, Rule};

use crate::{ApiError, Cause, ErrorCode};

/// Reads a JSON document of any form and checks every rule of its form.
///
/// Text that is not JSON at all is [`ErrorCode::Unreadable`]; a document
/// that breaks rules is [`ErrorCode::InvalidDocument`] with every
/// violation as a cause (path, rule, value, messages).
pub fn validate(json: &str) -> Result<Document, ApiError> {
    Document::from_json(json).map_err(|e| {
        let vs = e.violations();
        match vs {
            [v] if v.rule() == Rule::JsonSyntax => {
                ApiError::new(ErrorCode::Unreadable, v.message_ja(), v.message_en())
                    .with_causes(vec![Cause::from(v)])
            }
            _ => ApiError::invalid(vs),
        }
    })
}

/// The entry of `careplan validate --format json`'s report for one input:
/// valid, invalid (with every violation) or unreadable (with why).
pub fn file_report(file: &str, result: &Result<Document, ApiError>) -> FileReport {
    let (status, violations, error) = match result {
        Ok(_) => (FileStatus::Valid, Vec::new(), None),
        Err(e) if e.code == ErrorCode::InvalidDocument => {
            (FileStatus::Invalid, violations(e), None)
        }
        Err(e) => (
            FileStatus::Unreadable,
            Vec::new(),
            Some(e.message_en.clone()),
        ),
    };
    FileReport {
        file: file.to_owned(),
        status,
        violations,
        error,
    }
}

/// The violations of an `invalid_document` error as `careplan validate
/// --format json` writes them (none for any other error): what every
/// surface shows for an invalid document.
pub fn violations(e: &ApiError) -> Vec<ViolationRecord> {
    if e.code == ErrorCode::InvalidDocument {
        e.causes.iter().map(record).collect()
    } else {
        Vec::new()
    }
}

/// A violation as the report writes it.
fn record(c: &Cause) -> ViolationRecord {
    ViolationRecord {
        path: c.path.clone().unwrap_or_default(),
        rule: c.code.clone(),
        value: c.value.clone(),
        detail: c.detail.clone(),
        location_ja: c.location_ja.clone().unwrap_or_default(),
        message_ja: c.message_ja.clone(),
        message_en: c.message_en.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_json_is_unreadable_and_bad_plans_are_invalid() {
        let e = validate("{").unwrap_err();
        assert_eq!(e.code, ErrorCode::Unreadable);
        assert_eq!(e.causes[0].code, "json_syntax");
        let e = validate(r#"{"status": "final"}"#).unwrap_err();
        assert_eq!(e.code, ErrorCode::InvalidDocument);
        assert!(e.causes.iter().any(|c| c.path.as_deref() == Some("table1")));
        let report = file_report("x.json", &Err(e));
        assert_eq!(report.status, FileStatus::Invalid);
        assert_eq!(report.violations.len(), 3);
        assert_eq!(report.violations[0].location_ja, "第１表");
    }
}
