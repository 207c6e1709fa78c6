//! `careplan csv`: ケアプランデータ連携 第4.1版.

use std::path::PathBuf;

use careplan_core::CarePlan;
use careplan_csv::{
    Endpoint, ExportOptions, InputFile, PlanKey, export, export_withdrawal, import, jis_to_ms932,
};
use chrono::{FixedOffset, Utc};

use crate::render::write_atomic;
use crate::{Outcome, emit, read_input};

/// Arguments of `careplan csv`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, clap::Subcommand)]
enum Command {
    /// Writes plans as one send set (UPHOSOKU, UP1KYO, UP2KYO, UP3KYO).
    Export(ExportArgs),
    /// Writes DLT1KYO to withdraw plans already sent.
    Withdraw(ExportArgs),
    /// Reads send sets back into plan documents, one JSON per plan.
    Import(ImportArgs),
}

#[derive(Debug, clap::Args)]
struct ExportArgs {
    /// Plan documents (JSON).
    #[arg(required = true)]
    plans: Vec<String>,
    /// 送信元: 事業所番号:サービス種類コード (1234567890:43).
    #[arg(long)]
    from: String,
    /// 送信先: 事業所番号:サービス種類コード (0987654321:11).
    #[arg(long)]
    to: String,
    /// The folder to write the files into.
    #[arg(short, long)]
    output: PathBuf,
    /// The shared timestamp YYYYMMDDHHMMSS (default: now, Japan time).
    #[arg(long)]
    timestamp: Option<String>,
    /// Repeat need and goal values on every 第2表 row.
    #[arg(long)]
    repeat_values: bool,
    /// Replace JIS-side marks MS932 lacks (〜→～, −→－ …) and report each replacement.
    #[arg(long)]
    jis_substitutions: bool,
}

#[derive(Debug, clap::Args)]
struct ImportArgs {
    /// CSV files of one or more send sets, in any order.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// The folder to write one plan JSON per plan into.
    #[arg(short, long)]
    output: PathBuf,
}

/// Now, in Japan time (UTC+9), as YYYYMMDDHHMMSS.
fn now_jst() -> String {
    let now = Utc::now();
    match FixedOffset::east_opt(9 * 3600) {
        Some(jst) => now.with_timezone(&jst).format("%Y%m%d%H%M%S").to_string(),
        None => now.format("%Y%m%d%H%M%S").to_string(),
    }
}

fn export_options(a: &ExportArgs) -> Result<ExportOptions, String> {
    let from = Endpoint::parse(&a.from).map_err(|e| format!("--from: {e}"))?;
    let to = Endpoint::parse(&a.to).map_err(|e| format!("--to: {e}"))?;
    let ts = a.timestamp.clone().unwrap_or_else(now_jst);
    let mut o = ExportOptions::new(from, to, &ts).map_err(|e| format!("--timestamp: {e}"))?;
    o.repeat_values = a.repeat_values;
    if a.jis_substitutions {
        o.substitutions = Some(jis_to_ms932());
    }
    Ok(o)
}

fn read_plans(paths: &[String]) -> Result<Vec<CarePlan>, (Outcome, String)> {
    let mut plans = Vec::new();
    for p in paths {
        let text = read_input(p).map_err(|e| (Outcome::Unreadable, e))?;
        let plan = CarePlan::from_json(&text).map_err(|e| {
            let lines: Vec<String> = e
                .violations()
                .iter()
                .map(|v| format!("  {} [{}]", v.path(), v.rule().code()))
                .collect();
            (
                Outcome::Invalid,
                format!(
                    "{p}: 計画書に誤りがあります / the plan breaks rules\n{}",
                    lines.join("\n")
                ),
            )
        })?;
        plans.push(plan);
    }
    Ok(plans)
}

fn run_export(a: &ExportArgs, withdraw: bool) -> Outcome {
    let opts = match export_options(a) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e}");
            return Outcome::Unreadable;
        }
    };
    let plans = match read_plans(&a.plans) {
        Ok(p) => p,
        Err((o, m)) => {
            eprintln!("{m}");
            return o;
        }
    };
    let result = if withdraw {
        let keys: Vec<PlanKey> = plans.iter().map(PlanKey::of).collect();
        export_withdrawal(&keys, &opts)
    } else {
        export(&plans, &opts)
    };
    let set = match result {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return Outcome::Invalid;
        }
    };
    for s in &set.substitutions {
        eprintln!("置換 / substituted: {} 「{}」→「{}」", s.path, s.from, s.to);
    }
    for f in &set.files {
        if let Err(e) = write_atomic(&a.output.join(&f.name), &f.bytes) {
            eprintln!("{e}");
            return Outcome::Unreadable;
        }
        emit(&format!("{}\n", a.output.join(&f.name).display()));
    }
    Outcome::Ok
}

fn run_import(a: &ImportArgs) -> Outcome {
    let mut files = Vec::new();
    for p in &a.files {
        match std::fs::read(p) {
            Ok(bytes) => files.push(InputFile {
                name: p
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                bytes,
            }),
            Err(e) => {
                eprintln!("{}: {e}", p.display());
                return Outcome::Unreadable;
            }
        }
    }
    let got = import(&files);
    for (key, plan) in &got.plans {
        let name = format!("{}_{}.json", key.insured, key.plan_date.format("%Y%m%d"));
        let path = a.output.join(&name);
        if let Err(e) = write_atomic(&path, format!("{}\n", plan.to_json_pretty()).as_bytes()) {
            eprintln!("{e}");
            return Outcome::Unreadable;
        }
        emit(&format!("{}\n", path.display()));
    }
    for k in &got.withdrawn {
        emit(&format!("取り下げ / withdrawn: {k}\n"));
    }
    for e in &got.errors {
        eprintln!("{e}");
    }
    emit(&format!(
        "{} 件の計画を読み込みました（誤り {} 件） / {} plan(s) imported, {} error(s)\n",
        got.plans.len(),
        got.errors.len(),
        got.plans.len(),
        got.errors.len()
    ));
    if got.errors.is_empty() {
        Outcome::Ok
    } else {
        Outcome::Invalid
    }
}

pub(crate) fn run(args: &Args) -> Outcome {
    match &args.command {
        Command::Export(a) => run_export(a, false),
        Command::Withdraw(a) => run_export(a, true),
        Command::Import(a) => run_import(a),
    }
}
