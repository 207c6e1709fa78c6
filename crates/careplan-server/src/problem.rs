//! Errors as `application/problem+json` (RFC 9457), carrying the same
//! violation list the command line prints.

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use careplan_api::{ApiError, Cause, ErrorCode, Lang};
use careplan_core::report::ViolationRecord;
use serde::{Deserialize, Serialize};

/// The media type of every error body.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// An error response.
///
/// `code` is stable (the API's [`ErrorCode`]s and the service's own:
/// `unsupported_media_type`, `malformed_request`, `payload_too_large`,
/// `queue_full`, `timeout`, `not_ready`, `not_found`,
/// `method_not_allowed`); `detail` is the message in the language asked
/// for with `Accept-Language` (Japanese unless `en` comes first), and both
/// languages are always present.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Problem {
    /// `urn:careplan:problem:<code>`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The problem kind in English words (`Invalid document`).
    pub title: String,
    /// The HTTP status.
    pub status: u16,
    /// The message, in the language asked for.
    pub detail: String,
    /// The stable code.
    pub code: String,
    /// The message in Japanese.
    pub message_ja: String,
    /// The message in English.
    pub message_en: String,
    /// For `invalid_document`: every violation, exactly as `careplan
    /// validate --format json` lists them for the same document.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub violations: Vec<ViolationRecord>,
    /// For other errors with causes: each missing character, unencodable
    /// character or bad option.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub causes: Vec<Cause>,
    /// The request's id (the `x-request-id` header), to find its log lines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
    /// Seconds to wait before trying again (429 and 503).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after: Option<u32>,
}

/// A problem with its status, ready to become a response.
#[derive(Debug, Clone)]
pub struct HttpProblem {
    /// The status.
    pub status: StatusCode,
    /// The stable code.
    pub code: &'static str,
    /// The messages and causes (boxed: problems travel in `Result`s).
    pub texts: Box<Texts>,
    /// `Retry-After`, in seconds.
    pub retry_after: Option<u32>,
    /// The language of `detail`.
    pub lang: Lang,
}

/// The messages and causes of a problem.
#[derive(Debug, Clone)]
pub struct Texts {
    /// Japanese message.
    pub ja: String,
    /// English message.
    pub en: String,
    /// Violations (invalid documents).
    pub violations: Vec<ViolationRecord>,
    /// Other causes.
    pub causes: Vec<Cause>,
}

impl HttpProblem {
    /// A problem without causes.
    pub fn new(
        status: StatusCode,
        code: &'static str,
        ja: impl Into<String>,
        en: impl Into<String>,
    ) -> HttpProblem {
        HttpProblem {
            status,
            code,
            texts: Box::new(Texts {
                ja: ja.into(),
                en: en.into(),
                violations: Vec::new(),
                causes: Vec::new(),
            }),
            retry_after: None,
            lang: Lang::Ja,
        }
    }

    /// The same problem with `Retry-After`.
    pub fn retry_after(mut self, seconds: u32) -> HttpProblem {
        self.retry_after = Some(seconds);
        self
    }

    /// The same problem with `detail` in `lang`.
    pub fn in_lang(mut self, lang: Lang) -> HttpProblem {
        self.lang = lang;
        self
    }

    /// An API error with the status its code calls for; paths of its causes
    /// prefixed with `prefix` (`documents[1].`) when given.
    pub fn from_api(e: ApiError, prefix: &str) -> HttpProblem {
        let status = match e.code {
            ErrorCode::Unreadable | ErrorCode::BadOptions => StatusCode::BAD_REQUEST,
            ErrorCode::InvalidDocument
            | ErrorCode::MissingGlyphs
            | ErrorCode::Unencodable
            | ErrorCode::TooMany
            | ErrorCode::NothingToWrite
            | ErrorCode::BadMaster
            | ErrorCode::CannotCompute => StatusCode::UNPROCESSABLE_ENTITY,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        };
        let code = match e.code {
            ErrorCode::Unreadable => "malformed_request",
            other => other.as_str(),
        };
        let e = e.under(prefix);
        let mut p = HttpProblem::new(status, code, e.message_ja.clone(), e.message_en.clone());
        if e.code == ErrorCode::InvalidDocument {
            p.texts.violations = careplan_api::validate::violations(&e);
        } else {
            p.texts.causes = e.causes;
        }
        p
    }

    /// The body.
    pub fn body(&self, request_id: Option<String>) -> Problem {
        Problem {
            kind: format!("urn:careplan:problem:{}", self.code),
            title: title(self.code),
            status: self.status.as_u16(),
            detail: self.lang.pick(&self.texts.ja, &self.texts.en).to_owned(),
            code: self.code.to_owned(),
            message_ja: self.texts.ja.clone(),
            message_en: self.texts.en.clone(),
            violations: self.texts.violations.clone(),
            causes: self.texts.causes.clone(),
            request_id,
            retry_after: self.retry_after,
        }
    }
}

/// `invalid_document` → `Invalid document`.
fn title(code: &str) -> String {
    let words = code.replace('_', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

impl IntoResponse for HttpProblem {
    fn into_response(self) -> Response {
        let status = self.status;
        let retry = self.retry_after;
        let code = self.code;
        let id = crate::routes::REQUEST_ID.try_with(Clone::clone).ok();
        let body = serde_json::to_vec(&self.body(id)).unwrap_or_default();
        let mut response = (status, body).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        if let Some(s) = retry {
            headers.insert(header::RETRY_AFTER, HeaderValue::from(s));
        }
        response.extensions_mut().insert(ProblemCode(code));
        response
    }
}

/// The code of a problem response, for the metrics and the log line.
#[derive(Debug, Clone, Copy)]
pub struct ProblemCode(pub &'static str);

/// The language `Accept-Language` asks for: English when `en` comes
/// before `ja`, Japanese otherwise.
pub fn lang_of(headers: &axum::http::HeaderMap) -> Lang {
    let Some(value) = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
    else {
        return Lang::Ja;
    };
    for part in value.split(',') {
        let tag = part.split(';').next().unwrap_or_default().trim();
        let primary = tag.split('-').next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("en") {
            return Lang::En;
        }
        if primary.eq_ignore_ascii_case("ja") {
            return Lang::Ja;
        }
    }
    Lang::Ja
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_documents_carry_the_clis_violation_records() {
        let e = careplan_api::validate::validate(r#"{"status": "final"}"#).unwrap_err();
        let want = careplan_api::validate::file_report("x", &Err(e.clone())).violations;
        let p = HttpProblem::from_api(e, "");
        assert_eq!(p.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(p.texts.violations, want);
        assert!(p.texts.causes.is_empty());
        let body = p.body(Some("id-1".into()));
        assert_eq!(body.kind, "urn:careplan:problem:invalid_document");
        assert_eq!(body.title, "Invalid document");
        assert_eq!(body.request_id.as_deref(), Some("id-1"));
    }

    #[test]
    fn prefixes_name_the_document_of_a_list() {
        let e = careplan_api::validate::validate(r#"{"status": "final"}"#).unwrap_err();
        let p = HttpProblem::from_api(e, "documents[2]");
        assert!(
            p.texts
                .violations
                .iter()
                .all(|v| v.path.starts_with("documents[2]."))
        );
    }

    #[test]
    fn accept_language_picks_the_detail() {
        let mut h = axum::http::HeaderMap::new();
        assert_eq!(lang_of(&h), Lang::Ja);
        h.insert(
            header::ACCEPT_LANGUAGE,
            HeaderValue::from_static("en-US,ja;q=0.5"),
        );
        assert_eq!(lang_of(&h), Lang::En);
        h.insert(
            header::ACCEPT_LANGUAGE,
            HeaderValue::from_static("fr, ja-JP, en"),
        );
        assert_eq!(lang_of(&h), Lang::Ja);
    }
}
