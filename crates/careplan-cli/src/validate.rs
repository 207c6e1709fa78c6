//! `careplan validate`.

use careplan_api::{ApiError, Document, ErrorCode};
use careplan_core::report::{FileReport, FileStatus, ValidationReport};

use crate::io::{emit, emit_json, read_input};
use crate::{Format, Lang, Outcome, path_text};

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

/// What became of one file: checked (valid or not), or not read at all (why).
fn check_file(path: &str) -> Result<Result<Document, ApiError>, String> {
    let text = read_input(path)?;
    match careplan_api::validate::validate(&text) {
        // Text that is not JSON at all is unreadable, not an invalid plan.
        Err(e) if e.code == ErrorCode::Unreadable => Err(format!("{path}: {}", e.message_en)),
        checked => Ok(checked),
    }
}

pub(crate) fn run(args: &Args) -> Outcome {
    let mut outcome = Outcome::Ok;
    let mut text = String::new();
    let mut files = Vec::new();
    for path in &args.files {
        let (this, entry) = match check_file(path) {
            Ok(checked) => {
                let entry = careplan_api::validate::file_report(path, &checked);
                match &checked {
                    Ok(_) => {
                        text.push_str(&match args.lang {
                            Lang::Ja => format!("{path}: 正しい計画書です（違反なし）\n"),
                            Lang::En => format!("{path}: valid\n"),
                        });
                        (Outcome::Ok, entry)
                    }
                    Err(e) => {
                        text.push_str(&match args.lang {
                            Lang::Ja => format!("{path}: {}件の違反があります\n", e.causes.len()),
                            Lang::En => format!("{path}: {} violation(s)\n", e.causes.len()),
                        });
                        for v in &e.causes {
                            text.push_str(&format!(
                                "  {} [{}]\n    {}\n",
                                path_text(v.path.as_deref()),
                                v.code,
                                v.message(args.lang.api())
                            ));
                        }
                        (Outcome::Invalid, entry)
                    }
                }
            }
            Err(e) => {
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
                        error: Some(e),
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
            if let Err(e) = emit_json(&ValidationReport { files }) {
                eprintln!("{e}");
                return Outcome::Unreadable;
            }
        }
    }
    outcome
}
