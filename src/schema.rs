//! `careplan schema`.

use std::path::PathBuf;

use careplan_schema::Kind;

use crate::{Outcome, emit};

/// Arguments of `careplan schema`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Which document: `plan`, `validation-report` or `check-report`.
    #[arg(long, default_value = "plan", value_parser = ["plan", "validation-report", "check-report"])]
    kind: String,
    /// Write the schema to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

pub(crate) fn run(args: &Args) -> Outcome {
    let Some(kind) = Kind::from_name(&args.kind) else {
        eprintln!("--kind: {}", args.kind);
        return Outcome::Unreadable;
    };
    let text = match careplan_schema::schema_text(kind) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{e}");
            return Outcome::Unreadable;
        }
    };
    match &args.output {
        None => emit(&text),
        Some(path) => {
            if let Err(e) = crate::render::write_atomic(path, text.as_bytes()) {
                eprintln!("{e}");
                return Outcome::Unreadable;
            }
        }
    }
    Outcome::Ok
}
