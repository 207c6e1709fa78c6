//! `careplan check`.

use careplan_check::{RULES, check, explain};
use careplan_core::CarePlan;

use crate::{Format, Lang, Outcome, emit, read_input};

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
        for r in RULES {
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
        let Some(r) = explain(id) else {
            eprintln!("規則 {id} はありません / no rule {id} (careplan check --list)");
            return Outcome::Unreadable;
        };
        let sources: Vec<&str> = r.sources.iter().map(|s| s.citation()).collect();
        emit(&format!(
            "{} {}（{}・{}）\n{}\n\n{}\n\n対応：{}\n\n根拠：\n  {}\n",
            r.id,
            r.title_ja,
            r.table.label_ja(),
            r.severity.label_ja(),
            r.title_en,
            r.explanation_ja,
            r.remedy_ja,
            sources.join("\n  ")
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
    let plan = match CarePlan::from_json(&text) {
        Ok(p) => p,
        Err(e) => {
            eprintln!(
                "{input}: 計画書として読み取れません / not a valid plan (careplan validate {input})"
            );
            for v in e.violations() {
                eprintln!("  {} [{}]", v.path(), v.rule().code());
            }
            return Outcome::Unreadable;
        }
    };
    let report = check(&plan);
    match args.format {
        Format::Text => emit(&report.to_text(args.lang == Lang::Ja)),
        Format::Json => emit(&format!(
            "{}\n",
            serde_json::to_string_pretty(&report).unwrap_or_default()
        )),
    }
    if report.has_errors() {
        Outcome::Invalid
    } else {
        Outcome::Ok
    }
}
