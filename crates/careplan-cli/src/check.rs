//! `careplan check`.

use careplan_api::ErrorCode;

use crate::io::{emit, emit_json, read_input};
use crate::{Format, Lang, Outcome, path_text};

/// Arguments of `careplan check`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The plan document (JSON); `-` reads standard input.
    #[arg(required_unless_present_any = ["explain", "list"])]
    plan: Option<String>,
    /// Explain a rule (`T2-004`) instead of checking a plan.
    #[arg(long, value_name = "ID", conflicts_with = "plan")]
    explain: Option<String>,
    /// List every rule.
    #[arg(long, conflicts_with_all = ["plan", "explain"])]
    list: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Language of the messages (text output).
    #[arg(long, value_enum, default_value_t = Lang::Ja)]
    lang: Lang,
}

pub(crate) fn run(args: &Args) -> Outcome {
    if args.list {
        for r in careplan_api::check::rules() {
            emit(&format!(
                "{}  {:7}  {}\n",
                r.id,
                r.severity.code(),
                r.title_ja
            ));
        }
        return Outcome::Ok;
    }
    if let Some(id) = &args.explain {
        let r = match careplan_api::check::explain(id) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("{} (careplan check --list)", e.message_both());
                return Outcome::Unreadable;
            }
        };
        emit(&format!(
            "{} {}（{}・{}）\n{}\n\n{}\n\n対応：{}\n\n根拠：\n  {}\n",
            r.id,
            r.title_ja,
            r.sheet_ja,
            r.severity.label_ja(),
            r.title_en,
            r.explanation_ja,
            r.remedy_ja,
            r.sources.join("\n  ")
        ));
        return Outcome::Ok;
    }
    let Some(input) = &args.plan else {
        return Outcome::Unreadable;
    };
    let text = match read_input(input) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{e}");
            return Outcome::Unreadable;
        }
    };
    let doc = match careplan_api::validate::validate(&text) {
        Ok(d) => d,
        Err(e) => {
            debug_assert!(matches!(
                e.code,
                ErrorCode::InvalidDocument | ErrorCode::Unreadable
            ));
            eprintln!(
                "{input}: 計画書として読み取れません / not a valid plan (careplan validate {input})"
            );
            for v in &e.causes {
                eprintln!("  {} [{}]", path_text(v.path.as_deref()), v.code);
            }
            return Outcome::Unreadable;
        }
    };
    let report = match careplan_api::check::check(&doc) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{input}: {e}");
            return Outcome::Unreadable;
        }
    };
    match args.format {
        Format::Text => emit(&report.to_text(args.lang == Lang::Ja)),
        Format::Json => {
            if let Err(e) = emit_json(&report) {
                eprintln!("{e}");
                return Outcome::Unreadable;
            }
        }
    }
    if report.has_errors() {
        Outcome::Invalid
    } else {
        Outcome::Ok
    }
}
