//! `careplan csv`: ケアプランデータ連携 第4.1版.

use std::path::PathBuf;

use careplan_api::csv::ExportRequest;
use careplan_api::{ApiError, Document, ErrorCode};

use crate::io::{emit, read_input, write_new_files};
use crate::{Outcome, path_text};

/// Arguments of `careplan csv`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, clap::Subcommand)]
enum Command {
    /// Writes plans as one send set (UPHOSOKU, UP1KYO, UP2KYO, UP3KYO; for
    /// 介護予防サービス・支援計画書, UPYOBO and UPYOBO_SUB; for 利用者基本情報,
    /// UPKIHON, UPKIHON_SUB1 and UPKIHON_SUB2; for 第6表, UPHOSOKU and UPPLAN
    /// of the month — with --master and --terms — or with --actuals the
    /// sender's UPJSK).
    Export(ExportArgs),
    /// Writes DLT1KYO (DLTYOBO, DLTKIHON; for 第6表 DLTPLAN, or with
    /// --actuals DLTJSK) to withdraw what was sent.
    Withdraw(ExportArgs),
    /// Reads send sets back into documents, one JSON per plan or month; 実績
    /// (UPJSK) go onto the 第6表 given with --onto.
    Import(ImportArgs),
}

#[derive(Debug, clap::Args)]
struct ExportArgs {
    /// Plan documents (JSON), all of one form.
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
    /// 第6表: the サービスコード master (CSV or JSON) of its 第7表, which gives
    /// each record's 単位数 (with --terms).
    #[arg(long, value_name = "FILE", requires = "terms")]
    master: Option<String>,
    /// 第6表: the terms of its 第7表 (JSON, as `careplan table7 --terms`).
    #[arg(long, value_name = "FILE", requires = "master")]
    terms: Option<String>,
    /// 第6表: write the sender's 実績 (UPJSK; withdraw: DLTJSK) — the rows of
    /// the --from 事業所 and サービス種類 — instead of the plan.
    #[arg(long)]
    actuals: bool,
}

#[derive(Debug, clap::Args)]
struct ImportArgs {
    /// CSV files of one or more send sets, in any order.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// The folder to write one plan JSON per plan into.
    #[arg(short, long)]
    output: PathBuf,
    /// 第6表 documents to put the imported 実績 (UPJSK) onto: each is written
    /// into the output folder with the 実績 of its user and month.
    #[arg(long, value_name = "SHEET")]
    onto: Vec<String>,
    /// 第7表 received (UPSIKYU): check each against careplan's own, computed
    /// from the 第6表 beside it with this サービスコード master (CSV or JSON)
    /// and --terms; every figure that differs is listed and the exit code is
    /// 1 (as for a plan with errors).
    #[arg(long, value_name = "FILE", requires = "terms")]
    master: Option<String>,
    /// The terms of the 第7表 to check against (JSON, as `careplan table7
    /// --terms`), with --master.
    #[arg(long, value_name = "FILE", requires = "master")]
    terms: Option<String>,
}

fn export_request(a: &ExportArgs) -> Result<ExportRequest, String> {
    Ok(ExportRequest {
        from: a.from.clone(),
        to: a.to.clone(),
        timestamp: a
            .timestamp
            .clone()
            .unwrap_or_else(|| careplan_api::csv::jst_timestamp(chrono::Utc::now())),
        repeat_values: a.repeat_values,
        jis_substitutions: a.jis_substitutions,
        table7: crate::render::read_table7_inputs(a.master.as_deref(), a.terms.as_deref())?,
        actuals: a.actuals,
    })
}

/// A bad option as the command line names it: `--from: …`.
fn option_error(e: &ApiError) -> String {
    match e.causes.first().and_then(|c| c.path.as_deref()) {
        // The request's `table7` is the command line's pair of files.
        Some("table7") => format!("--master, --terms: {}", e.message_both()),
        Some(option) => format!("--{option}: {}", e.message_both()),
        None => e.message_both(),
    }
}

fn read_documents(paths: &[String]) -> Result<Vec<Document>, (Outcome, String)> {
    let mut docs = Vec::new();
    for p in paths {
        let text = read_input(p).map_err(|e| (Outcome::Unreadable, e))?;
        let doc = careplan_api::validate::validate(&text).map_err(|e| {
            let lines: Vec<String> = e
                .causes
                .iter()
                .map(|v| format!("  {} [{}]", path_text(v.path.as_deref()), v.code))
                .collect();
            (
                Outcome::Invalid,
                format!(
                    "{p}: 計画書に誤りがあります / the plan breaks rules\n{}",
                    lines.join("\n")
                ),
            )
        })?;
        docs.push(doc);
    }
    Ok(docs)
}

fn run_export(a: &ExportArgs, withdraw: bool) -> Outcome {
    let request = match export_request(a) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{e}");
            return Outcome::Unreadable;
        }
    };
    if let Err(e) = request.check() {
        eprintln!("{}", option_error(&e));
        return Outcome::Unreadable;
    }
    let docs = match read_documents(&a.plans) {
        Ok(d) => d,
        Err((o, m)) => {
            eprintln!("{m}");
            return o;
        }
    };
    let result = if withdraw {
        careplan_api::csv::withdraw(&docs, &request)
    } else {
        careplan_api::csv::export(&docs, &request)
    };
    let set = match result {
        Ok(s) => s,
        Err(e) if e.code == ErrorCode::BadOptions => {
            eprintln!("{}", option_error(&e));
            return Outcome::Unreadable;
        }
        Err(e) => {
            eprintln!("{e}");
            return Outcome::Invalid;
        }
    };
    for s in &set.substitutions {
        eprintln!("置換 / substituted: {} 「{}」→「{}」", s.path, s.from, s.to);
    }
    let files: Vec<(String, Vec<u8>)> = set.files.into_iter().map(|f| (f.name, f.bytes)).collect();
    match write_new_files(&a.output, &files) {
        Ok(written) => {
            for path in written {
                emit(&format!("{}\n", path.display()));
            }
            Outcome::Ok
        }
        Err(e) => {
            eprintln!("{e}");
            Outcome::Unreadable
        }
    }
}

fn run_import(a: &ImportArgs) -> Outcome {
    let mut files = Vec::new();
    for p in &a.files {
        match std::fs::read(p) {
            Ok(bytes) => files.push((
                p.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                bytes,
            )),
            Err(e) => {
                eprintln!("{}: {e}", p.display());
                return Outcome::Unreadable;
            }
        }
    }
    let sheets = match read_documents(&a.onto) {
        Ok(d) => d,
        Err((o, m)) => {
            eprintln!("{m}");
            return o;
        }
    };
    let check = match crate::render::read_table7_inputs(a.master.as_deref(), a.terms.as_deref()) {
        Ok(c) => c,
        Err(m) => {
            eprintln!("--master, --terms: {m}");
            return Outcome::Unreadable;
        }
    };
    let got = careplan_api::csv::import(files);
    let mut plans: Vec<(String, Vec<u8>)> = got
        .documents
        .iter()
        .map(|d| {
            (
                format!(
                    "{}_{}{}.json",
                    d.key.insured,
                    d.key.plan_date.format("%Y%m%d"),
                    // a 介護予防 plan of the same user and date is a file of its own
                    match d.document.form() {
                        careplan_core::Form::YoboPlan => "_yobo",
                        careplan_core::Form::YoboKihon => "_kihon",
                        _ => "",
                    }
                ),
                format!("{}\n", d.document.to_json_pretty()).into_bytes(),
            )
        })
        .collect();
    let month_file = |k: &careplan_api::csv::MonthKey, what: &str| {
        format!(
            "{}_{:04}{:02}_{what}.json",
            k.insured,
            k.month.year(),
            k.month.month()
        )
    };
    for (k, u) in &got.usage {
        let doc = Document::Usage(u.clone());
        plans.push((
            month_file(k, "usage"),
            format!("{}\n", doc.to_json_pretty()).into_bytes(),
        ));
    }
    for t in &got.table7 {
        let body = careplan_api::csv::ImportedTable7Body::from(t);
        let text = serde_json::to_string_pretty(&body).unwrap_or_default();
        plans.push((
            month_file(&t.key, "table7"),
            format!("{text}\n").into_bytes(),
        ));
    }
    // Each 第7表 received, against careplan's from the 第6表 beside it.
    let mut differing = Vec::new();
    if let Some(inputs) = &check {
        for t in &got.table7 {
            let Some((_, sheet)) = got.usage.iter().find(|(k, _)| *k == t.key) else {
                continue;
            };
            match careplan_api::csv::table7_differences(t, sheet, inputs) {
                Ok(d) => differing.push((t.key.clone(), d)),
                Err(e) => {
                    eprintln!("--master, --terms: {}: {}", t.key, e.message_both());
                    for c in &e.causes {
                        eprintln!(
                            "  {}: {} / {}",
                            c.path.as_deref().unwrap_or(""),
                            c.message_ja,
                            c.message_en
                        );
                    }
                    return Outcome::Invalid;
                }
            }
        }
    }
    let mut applied = 0;
    for sheet in &sheets {
        match careplan_api::csv::apply_actuals(sheet, &got.actuals) {
            Ok(doc) => {
                let Document::Usage(u) = &doc else { continue };
                let k = careplan_api::csv::MonthKey::of(u);
                applied += got.actuals.iter().filter(|x| x.key == k).count();
                plans.push((
                    month_file(&k, "usage_with_actuals"),
                    format!("{}\n", doc.to_json_pretty()).into_bytes(),
                ));
            }
            Err(e) => {
                eprintln!("--onto: {e}");
                return Outcome::Invalid;
            }
        }
    }
    match write_new_files(&a.output, &plans) {
        Ok(written) => {
            for path in written {
                emit(&format!("{}\n", path.display()));
            }
        }
        Err(e) => {
            eprintln!("{e}");
            return Outcome::Unreadable;
        }
    }
    for k in &got.withdrawn_kihon {
        emit(&format!(
            "取り下げ（利用者基本情報） / withdrawn (yobo_kihon): {k}\n"
        ));
    }
    for k in &got.withdrawn_preventive {
        emit(&format!(
            "取り下げ（介護予防サービス・支援計画書） / withdrawn (yobo_plan): {k}\n"
        ));
    }
    for k in &got.withdrawn {
        emit(&format!("取り下げ / withdrawn: {k}\n"));
    }
    for k in &got.withdrawn_usage {
        emit(&format!(
            "取り下げ（第6表） / withdrawn (kyotaku_usage): {k}\n"
        ));
    }
    for (k, office, kind) in &got.withdrawn_actuals {
        emit(&format!(
            "取り下げ（実績 {office} 種類{kind}） / withdrawn (actuals of {office}, kind {kind}): {k}\n"
        ));
    }
    for x in &got.actuals {
        let days: usize = x.rows.iter().map(|r| r.actual.len()).sum();
        emit(&format!(
            "実績 / actuals: {} {} 種類{} — {} 行 {} 日 / {} row(s), {} day(s)\n",
            x.key,
            x.office,
            x.service_kind,
            x.rows.len(),
            days,
            x.rows.len(),
            days
        ));
    }
    if !got.actuals.is_empty() && applied < got.actuals.len() {
        emit(&format!(
            "{} 件の実績は --onto の第6表に当てはまりません / {} set(s) of 実績 matched no --onto sheet\n",
            got.actuals.len() - applied,
            got.actuals.len() - applied
        ));
    }
    let mut differences = 0;
    for (k, list) in &differing {
        if list.is_empty() {
            emit(&format!(
                "第7表 {k}: careplan の計算と一致します / agrees with careplan's computation\n"
            ));
        }
        for d in list {
            differences += 1;
            let field = if d.field == 0 {
                d.field_name.to_owned()
            } else {
                format!("No.{} {}", d.field, d.field_name)
            };
            emit(&format!(
                "第7表 {k} {} {} {field}: 送信 {:?} ／ careplan {:?} / sent {:?}, careplan computes {:?}\n",
                d.office_number, d.code, d.sent, d.computed, d.sent, d.computed
            ));
        }
    }
    for e in &got.errors {
        eprintln!("{e}");
    }
    let (plans, sheets, tables, actuals, errors) = (
        got.documents.len(),
        got.usage.len(),
        got.table7.len(),
        got.actuals.len(),
        got.errors.len(),
    );
    emit(&format!(
        "{plans} 件の計画、{sheets} 件の第6表、{tables} 件の第7表、{actuals} 件の実績を読み込みました（誤り {errors} 件） / {plans} plan(s), {sheets} 第6表 sheet(s), {tables} 第7表 and {actuals} set(s) of 実績 imported, {errors} error(s)\n"
    ));
    if differences > 0 {
        emit(&format!(
            "第7表の相違 {differences} 件 / {differences} figure(s) of 第7表 differ\n"
        ));
        return Outcome::Invalid;
    }
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
