//! `careplan`: the command line for Japanese home care plans
//! (居宅サービス計画書 第1表–第3表).
//!
//! ```text
//! careplan validate PLAN.json… [--lang ja|en] [--format text|json]
//! careplan render PLAN.json -o OUT.pdf [--tables 1,2,3] [--draft] [--consent-block]
//!                 [--png DIR] [--font FILE]… [--pdfa] [--allow-missing-glyphs]
//!                 [--typeface gothic|mincho]
//! careplan render --batch DIR -o OUTDIR
//! careplan check PLAN.json [--format text|json] | --explain T2-004 | --list
//! careplan csv export PLAN.json… --from 1234567890:43 --to 0987654321:11 -o DIR
//! careplan csv import FILE… -o DIR
//! careplan schema [--kind plan|validation-report] [-o FILE]
//! ```
//!
//! Exit status: 0 every plan valid (check: no error-severity finding), 1 some
//! plan breaks a rule (check: errors found), 2 some input could not be used
//! (missing file, not UTF-8, not JSON, not a valid plan for check).

use std::io::{Read, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

mod check;
mod csv;
mod render;
mod schema;
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
    /// Prints plans as PDF in the official layout (第1表–第3表).
    Render(render::Args),
    /// ケアプランデータ連携 (national CSV standard 第4.1版): export, withdraw, import.
    Csv(csv::Args),
    /// Prints the JSON Schema (2020-12) of a document careplan reads or writes.
    Schema(schema::Args),
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

/// Reads a file, or standard input for `-`.
pub(crate) fn read_input(path: &str) -> Result<String, String> {
    if path == "-" {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .map_err(|e| format!("標準入力を読めません / cannot read standard input: {e}"))?;
        Ok(s)
    } else {
        std::fs::read_to_string(path)
            .map_err(|e| format!("{path} を読めません / cannot read {path}: {e}"))
    }
}

/// Writes to standard output, ignoring a closed pipe.
pub(crate) fn emit(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Validate(args) => validate::run(&args),
        Command::Render(args) => render::run(&args),
        Command::Check(args) => check::run(&args),
        Command::Schema(args) => schema::run(&args),
        Command::Csv(args) => csv::run(&args),
    };
    ExitCode::from(outcome as u8)
}
