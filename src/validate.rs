//! `careplan validate`.

use careplan_core::report::{FileReport, FileStatus, ValidationReport, ViolationRecord};
use careplan_core::{CarePlan, Rule, Violation};

use crate::{Format, Lang, Outcome, emit, read_input};

/// Arguments of `careplan validate`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Plan documents (JSON); `-` reads standard input.
    #[arg(required = true)]
    files: Vec<String>,
    /// Language of the messages.
    #[arg(long, value_enum, default_value_t = Lang::Ja)]
    lang: Lang,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

/// What became of one file.
enum FileResult {
    Valid,
    Invalid(Vec<Violation>),
    Unreadable(String),
}

fn check_file(path: &str) -> FileResult {
    let text = match read_input(path) {
        Ok(t) => t,
        Err(e) => return FileResult::Unreadable(e),
    };
    match CarePlan::from_json(&text) {
        Ok(_) => FileResult::Valid,
        Err(e) => {
            let vs = e.into_violations();
            // Text that is not JSON at all is unreadable, not an invalid plan.
            match vs.as_slice() {
                [v] if v.rule() == Rule::JsonSyntax => {
                    FileResult::Unreadable(format!("{path}: {}", v.message_en()))
                }
                _ => FileResult::Invalid(vs),
            }
        }
    }
}

pub(crate) fn run(args: &Args) -> Outcome {
    let mut outcome = Outcome::Ok;
    let mut text = String::new();
    let mut files = Vec::new();
    for path in &args.files {
        let result = check_file(path);
        let (this, entry) = match &result {
            FileResult::Valid => {
                text.push_str(&match args.lang {
                    Lang::Ja => format!("{path}: 正しい計画書です（違反なし）\n"),
                    Lang::En => format!("{path}: valid\n"),
                });
                (
                    Outcome::Ok,
                    FileReport {
                        file: path.clone(),
                        status: FileStatus::Valid,
                        violations: vec![],
                        error: None,
                    },
                )
            }
            FileResult::Invalid(vs) => {
                text.push_str(&match args.lang {
                    Lang::Ja => format!("{path}: {}件の違反があります\n", vs.len()),
                    Lang::En => format!("{path}: {} violation(s)\n", vs.len()),
                });
                for v in vs {
                    let message = match args.lang {
                        Lang::Ja => v.message_ja(),
                        Lang::En => v.message_en(),
                    };
                    text.push_str(&format!(
                        "  {} [{}]\n    {}\n",
                        v.path(),
                        v.rule().code(),
                        message
                    ));
                }
                let violations = vs.iter().map(ViolationRecord::from).collect();
                (
                    Outcome::Invalid,
                    FileReport {
                        file: path.clone(),
                        status: FileStatus::Invalid,
                        violations,
                        error: None,
                    },
                )
            }
            FileResult::Unreadable(e) => {
                text.push_str(&match args.lang {
                    Lang::Ja => format!("{path}: 読み取れません: {e}\n"),
                    Lang::En => format!("{path}: unreadable: {e}\n"),
                });
                (
                    Outcome::Unreadable,
                    FileReport {
                        file: path.clone(),
                        status: FileStatus::Unreadable,
                        violations: vec![],
                        error: Some(e.clone()),
                    },
                )
            }
        };
        outcome = outcome.max(this);
        files.push(entry);
    }
    match args.format {
        Format::Text => emit(&text),
        Format::Json => {
            let doc = ValidationReport { files };
            emit(&format!(
                "{}\n",
                serde_json::to_string_pretty(&doc).unwrap_or_default()
            ));
        }
    }
    outcome
}
