//! `careplan schema`.

use std::path::PathBuf;

use crate::Outcome;
use crate::io::{emit, write_atomic};

/// Arguments of `careplan schema`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Which document: `plan` (居宅サービス計画書), `yobo-plan` (介護予防サービス・支援計画書), `yobo-kihon` (利用者基本情報), `kyotaku-meeting` (第4表), `kyotaku-progress` (第5表), `case-file` (a plan with its 第4表 and 第5表), `kyotaku-usage` (第6表), `validation-report`, `check-report`, `table7-terms` (the terms of 第7表) or `service-codes` (a サービスコード master, JSON form).
    #[arg(long, default_value = "plan", value_parser = clap::builder::PossibleValuesParser::new(careplan_api::schema::kinds()))]
    kind: String,
    /// Write the schema to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

pub(crate) fn run(args: &Args) -> Outcome {
    let text = match careplan_api::schema::schema(&args.kind) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{e}");
            return Outcome::Unreadable;
        }
    };
    match &args.output {
        None => emit(&text),
        Some(path) => {
            if let Err(e) = write_atomic(path, text.as_bytes()) {
                eprintln!("{e}");
                return Outcome::Unreadable;
            }
        }
    }
    Outcome::Ok
}
