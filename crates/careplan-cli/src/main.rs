//! `careplan`: the command line for Japanese care plans (居宅サービス計画書
//! 第1表–第3表), a thin layer over careplan-api: it reads files and standard
//! input, calls the API, and prints in Japanese or English, as text or JSON.
//!
//! ```text
//! careplan validate PLAN.json… [--lang ja|en] [--format text|json]
//! careplan check PLAN.json [--format text|json] [--lang ja|en]
//! careplan check --explain T2-004
//! careplan check --list
//! careplan render PLAN.json -o OUT.pdf [--tables 1,2,3] [--draft] [--consent-block]
//!                 [--png DIR] [--font FILE]… [--pdfa] [--allow-missing-glyphs]
//!                 [--typeface gothic|mincho] [--lang ja|en]
//! careplan render --batch DIR -o OUTDIR [same options]
//! careplan csv export PLAN.json… --from 1234567890:43 --to 0987654321:11 -o DIR
//!                 [--timestamp YYYYMMDDHHMMSS] [--repeat-values] [--jis-substitutions]
//! careplan csv withdraw PLAN.json… --from … --to … -o DIR [--timestamp …]
//! careplan csv import FILE… -o DIR
//! careplan schema [--kind plan|validation-report|check-report] [-o FILE]
//! careplan serve [--listen 127.0.0.1:8080] [--workers N] [--queue N] [--timeout-ms N]
//!                [--max-body BYTES] [--max-requests N] [--font FILE]… [--grace-ms N] [--drain-ms N]
//! ```
//!
//! `-` reads standard input where a plan is read. Exit status: 0 every plan
//! valid (check: no error-severity finding), 1 some plan breaks a rule
//! (check: errors found; render, csv: a plan breaks rules or cannot be
//! written), 2 some input could not be used (missing file, not UTF-8, not
//! JSON, not a valid plan for check, bad options, a file that would be
//! overwritten).

use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

mod check;
mod csv;
mod io;
mod render;
mod schema;
mod serve;
mod table7;
mod validate;

/// careplan: 居宅サービス計画書（第1表〜第3表）を検証・出力するコマンド
#[derive(Debug, Parser)]
#[command(name = "careplan", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Checks plan documents (JSON) against every rule of the form and
    /// prints each violation with its path.
    Validate(validate::Args),
    /// Applies the plan-check rules (ケアプラン点検) and reports the findings.
    Check(check::Args),
    /// Prints plans as PDF in the official layout (第1表–第5表, a case file, 介護予防).
    Render(render::Args),
    /// ケアプランデータ連携 (national CSV standard 第4.1版): export, withdraw, import.
    Csv(csv::Args),
    /// Prints the JSON Schema (2020-12) of a document careplan reads or writes.
    Schema(schema::Args),
    /// Computes 第7表 サービス利用票別表 from a 第6表, a サービスコード master and the terms.
    Table7(table7::Args),
    /// Serves every command over HTTP (OpenAPI 3.1 at /openapi.json).
    Serve(serve::Args),
}

/// The language of messages for people.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub(crate) enum Lang {
    /// 日本語 (default).
    #[default]
    Ja,
    /// English.
    En,
}

/// How results are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub(crate) enum Format {
    /// Lines for people.
    #[default]
    Text,
    /// One JSON document for machines.
    Json,
}

/// The outcome of a command, mapped to the exit status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Outcome {
    /// Everything valid: 0.
    Ok = 0,
    /// Some input breaks a rule: 1.
    Invalid = 1,
    /// Some input could not be read: 2.
    Unreadable = 2,
}

impl Lang {
    /// The API's language.
    pub(crate) fn api(self) -> careplan_api::Lang {
        match self {
            Lang::Ja => careplan_api::Lang::Ja,
            Lang::En => careplan_api::Lang::En,
        }
    }
}

/// A JSON path as messages print it (`(document)` for the document itself).
pub(crate) fn path_text(path: Option<&str>) -> String {
    careplan_core::FieldPath::from_text(path.unwrap_or_default()).to_string()
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Validate(args) => validate::run(&args),
        Command::Render(args) => render::run(&args),
        Command::Check(args) => check::run(&args),
        Command::Schema(args) => schema::run(&args),
        Command::Table7(args) => table7::run(&args),
        Command::Csv(args) => csv::run(&args),
        Command::Serve(args) => serve::run(&args),
    };
    ExitCode::from(outcome as u8)
}
