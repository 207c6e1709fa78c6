//! A case file: one user's 居宅サービス計画書 (第1表–第3表), the minutes of
//! its サービス担当者会議 (第4表, as many as were held or not held), the
//! 居宅介護支援経過 (第5表) and the months' サービス利用票 (第6表, one a
//! month), in one document (`"form": "case_file"`),
//! validated together (every part keeps its own rules, and the parts name
//! the same user) so that the plan-check rules that need more than one
//! part can run, and printed as one PDF.
//!
//! Each part is the document it would be on its own, under its key:
//! `plan` is a plan document (as `fixtures/plans/case-a.json`), each of
//! `meetings` a 第4表 document, `progress` a 第5表 document, each of `usage`
//! a 第6表 document (its user the plan's, by 被保険者番号); inside a case
//! file the parts may leave out their `form` key. A violation in a part is
//! reported at its path in the case file (`meetings[0].held.date`).
//!
//! ```
//! use careplan_core::forms::kyotaku::case_file::CaseFile;
//!
//! let json = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/cases/case-a.json"))?;
//! let case = CaseFile::from_json(&json)?;
//! assert_eq!(case.user_name(), "Ａ");
//! assert!(case.plan().is_some());
//! assert!(!case.meetings().is_empty());
//! assert!(case.progress().is_some());
//! assert_eq!(case.usage()[0].parts().month.to_string(), "2016-01");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod fields;
mod validate;
pub mod wire;

use crate::error::Error;
use crate::forms::kyotaku::CarePlan;
use crate::forms::kyotaku::meeting::Meeting;
use crate::forms::kyotaku::progress::Progress;
use crate::forms::kyotaku::usage::Usage;
use crate::path::FieldPath;

/// A case file that keeps every rule of each of its parts, whose parts
/// name one user, and that holds at least one part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseFile {
    plan: Option<CarePlan>,
    meetings: Vec<Meeting>,
    progress: Option<Progress>,
    usage: Vec<Usage>,
}

impl CaseFile {
    /// Puts checked parts together: at least one, naming one user (the
    /// parts' own rules already hold). Violations at the parts' paths in
    /// the case file.
    pub fn new(
        plan: Option<CarePlan>,
        meetings: Vec<Meeting>,
        progress: Option<Progress>,
        usage: Vec<Usage>,
    ) -> Result<CaseFile, Error> {
        validate::together(CaseFile {
            plan,
            meetings,
            progress,
            usage,
        })
    }

    /// Parses and checks the JSON form; every violation of every part with
    /// its path in the case file.
    pub fn from_json(json: &str) -> Result<CaseFile, Error> {
        validate::build(&wire::CaseFileDocument::from_json(json)?)
    }

    /// Checks a document form.
    pub fn from_document(doc: &wire::CaseFileDocument) -> Result<CaseFile, Error> {
        validate::build(doc)
    }

    /// The plan (第1表–第3表), if the case file holds one.
    pub fn plan(&self) -> Option<&CarePlan> {
        self.plan.as_ref()
    }

    /// The meetings (第4表), in the order given.
    pub fn meetings(&self) -> &[Meeting] {
        &self.meetings
    }

    /// The 居宅介護支援経過 (第5表), if the case file holds one.
    pub fn progress(&self) -> Option<&Progress> {
        self.progress.as_ref()
    }

    /// The サービス利用票 (第6表), a month each, in the order given.
    pub fn usage(&self) -> &[Usage] {
        &self.usage
    }

    /// The user's name, as the plan (or else the first part) writes it.
    pub fn user_name(&self) -> &str {
        if let Some(p) = &self.plan {
            return p.table1().user.name.as_str();
        }
        if let Some(m) = self.meetings.first() {
            return m.parts().user_name.as_str();
        }
        if let Some(p) = &self.progress {
            return p.parts().user_name.as_str();
        }
        self.usage
            .first()
            .map_or("", |u| u.parts().user.name.as_str())
    }

    /// The document form.
    pub fn to_document(&self) -> wire::CaseFileDocument {
        wire::CaseFileDocument {
            schema: None,
            form: Some(fields::FORM_CODE.to_owned()),
            plan: self
                .plan
                .as_ref()
                .map(|p| crate::forms::kyotaku::wire::PlanDocument::from_parts(p.parts())),
            // The parts without their `form` key: the case file names them.
            meetings: (!self.meetings.is_empty()).then(|| {
                self.meetings
                    .iter()
                    .map(|m| crate::forms::kyotaku::meeting::wire::MeetingDocument {
                        form: None,
                        ..m.to_document()
                    })
                    .collect()
            }),
            progress: self.progress.as_ref().map(|p| {
                crate::forms::kyotaku::progress::wire::ProgressDocument {
                    form: None,
                    ..p.to_document()
                }
            }),
            usage: (!self.usage.is_empty()).then(|| {
                self.usage
                    .iter()
                    .map(|u| crate::forms::kyotaku::usage::wire::UsageDocument {
                        form: None,
                        ..u.to_document()
                    })
                    .collect()
            }),
        }
    }

    /// Every printed text with the path of its field in the case file:
    /// the plan's, each meeting's, the log's, each month's 第6表.
    pub fn texts(&self) -> Vec<(FieldPath, &str)> {
        let root = FieldPath::root();
        let mut out = Vec::new();
        if let Some(p) = &self.plan {
            let at = fields::document::PLAN.of(&root);
            out.extend(p.texts().into_iter().map(|(path, t)| (at.join(&path), t)));
        }
        for (i, m) in self.meetings.iter().enumerate() {
            out.extend(m.texts_under(&fields::document::MEETINGS.of(&root).index(i)));
        }
        if let Some(p) = &self.progress {
            out.extend(p.texts_under(&fields::document::PROGRESS.of(&root)));
        }
        for (i, u) in self.usage.iter().enumerate() {
            let at = fields::document::USAGE.of(&root).index(i);
            out.extend(u.texts().into_iter().map(|(path, t)| (at.join(&path), t)));
        }
        out
    }
}

crate::document::json_form!(CaseFile);

impl<'de> serde::Deserialize<'de> for CaseFile {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let doc = wire::CaseFileDocument::deserialize(deserializer)?;
        validate::build(&doc).map_err(serde::de::Error::custom)
    }
}
