//! `careplan render`.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use careplan_api::render::{RenderRequest, SharedRenderer as Renderer, Typeface};

use crate::io::{emit, read_input, write_atomic};
use crate::{Lang, Outcome, path_text};

/// Arguments of `careplan render`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The plan document (JSON); `-` reads standard input. Not with --batch.
    #[arg(required_unless_present = "batch", conflicts_with = "batch")]
    plan: Option<String>,
    /// Render every *.json plan in this folder, on all cores.
    #[arg(long, value_name = "DIR")]
    batch: Option<PathBuf>,
    /// The PDF to write (with --batch: the folder for the PDFs).
    #[arg(short, long, value_name = "OUT")]
    output: PathBuf,
    /// Which tables, in order: 1–6 or a list such as 1,3 or 5,4 (default:
    /// every sheet the document holds: a plan 1,2,3; a 第4表 4; a 第5表 5; a 第6表 6; a
    /// case file those of its parts; the 介護予防サービス・支援計画書 has one, 1).
    #[arg(long, value_delimiter = ',')]
    tables: Option<Vec<u8>>,
    /// Print 「原案」 even on a final plan.
    #[arg(long)]
    draft: bool,
    /// Print the consent block, empty when the plan has no consent.
    #[arg(long)]
    consent_block: bool,
    /// Also write one PNG per page into this folder.
    #[arg(long, value_name = "DIR")]
    png: Option<PathBuf>,
    /// Extra font files (TrueType/OpenType), for characters BIZ UD lacks.
    #[arg(long = "font", value_name = "FILE")]
    fonts: Vec<PathBuf>,
    /// Write PDF/A-2b.
    #[arg(long)]
    pdfa: bool,
    /// Render even if some character is in no font (reported as a warning);
    /// not with --pdfa, which cannot hold such text.
    #[arg(long)]
    allow_missing_glyphs: bool,
    /// 第6表 only: print it as the サービス提供票 of this office (its ten-digit
    /// 事業所番号), its rows only, instead of the user's サービス利用票.
    #[arg(long, value_name = "OFFICE_NUMBER")]
    provider: Option<String>,
    /// 第6表 only: the サービスコード master (CSV or JSON) to compute its 第7表
    /// from and print it too (with `--terms`).
    #[arg(long, value_name = "FILE", requires = "terms")]
    master: Option<String>,
    /// The terms of 第7表 (JSON, as `careplan table7 --terms`).
    #[arg(long, value_name = "FILE", requires = "master")]
    terms: Option<String>,
    /// Typeface of the plan's text: gothic (BIZ UDGothic) or mincho (BIZ UDMincho).
    #[arg(long, value_enum, default_value_t = Face::Gothic)]
    typeface: Face,
    /// Language of the messages.
    #[arg(long, value_enum, default_value_t = Lang::Ja)]
    lang: Lang,
}

/// `--typeface`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Face {
    /// BIZ UDGothic.
    Gothic,
    /// BIZ UDMincho.
    Mincho,
}

fn say(lang: Lang, ja: String, en: String) -> String {
    match lang {
        Lang::Ja => ja,
        Lang::En => en,
    }
}

/// The request the options make (the table numbers are checked against
/// each document's form when it is rendered).
fn request(args: &Args) -> RenderRequest {
    RenderRequest {
        tables: args.tables.clone(),
        draft: args.draft,
        consent_block: args.consent_block,
        pdfa: args.pdfa,
        allow_missing_glyphs: args.allow_missing_glyphs,
        typeface: match args.typeface {
            Face::Gothic => Typeface::Gothic,
            Face::Mincho => Typeface::Mincho,
        },
        png_scale: args.png.as_ref().map(|_| 2.0),
        provider: args.provider.clone(),
        table7: None,
    }
}

/// The 第7表 inputs of `--master` and `--terms`, read.
fn table7_inputs(args: &Args) -> Result<Option<careplan_api::render::Table7Inputs>, String> {
    read_table7_inputs(args.master.as_deref(), args.terms.as_deref())
}

/// The 第7表 inputs of a `--master` file and a `--terms` file, read (none
/// unless both are given).
pub(crate) fn read_table7_inputs(
    master: Option<&str>,
    terms: Option<&str>,
) -> Result<Option<careplan_api::render::Table7Inputs>, String> {
    let (Some(master), Some(terms_path)) = (master, terms) else {
        return Ok(None);
    };
    let master = read_input(master)?;
    let text = read_input(terms_path)?;
    let terms = serde_json::from_str(&text)
        .map_err(|e| format!("{terms_path}: JSON として読めません / not JSON: {e}"))?;
    Ok(Some(careplan_api::render::Table7Inputs {
        master: serde_json::Value::String(master),
        terms,
    }))
}

/// Reads, checks and renders one plan; writes the PDF (and PNGs) only when all succeeded.
fn render_one(
    renderer: &Renderer,
    request: &RenderRequest,
    input: &str,
    out: &Path,
    png: Option<&Path>,
    lang: Lang,
) -> Result<Vec<String>, (Outcome, String)> {
    let text = read_input(input).map_err(|e| (Outcome::Unreadable, e))?;
    let doc = careplan_api::validate::validate(&text).map_err(|e| {
        let lines: Vec<String> = e
            .causes
            .iter()
            .map(|v| match lang {
                Lang::Ja => format!(
                    "  {} [{}] {}",
                    path_text(v.path.as_deref()),
                    v.code,
                    v.message_ja
                ),
                Lang::En => format!("  {}", v.message_en),
            })
            .collect();
        (
            Outcome::Invalid,
            format!(
                "{}\n{}",
                say(
                    lang,
                    format!("{input}: 計画書に誤りがあります"),
                    format!("{input}: the plan breaks rules")
                ),
                lines.join("\n")
            ),
        )
    })?;
    let rendered = careplan_api::render::render(renderer, &doc, request).map_err(|e| {
        let outcome = if e.code == careplan_api::ErrorCode::BadOptions {
            Outcome::Unreadable
        } else {
            Outcome::Invalid
        };
        match e.causes.first().and_then(|c| c.path.as_deref()) {
            Some("tables") if outcome == Outcome::Unreadable => {
                (outcome, format!("--tables: {}", e.message_both()))
            }
            _ => (outcome, format!("{input}: {}", e.message_both())),
        }
    })?;
    write_atomic(out, &rendered.pdf).map_err(|e| (Outcome::Unreadable, e))?;
    if let (Some(dir), Some(pages)) = (png, &rendered.pngs) {
        let stem = out
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "page".to_owned());
        for (i, page) in pages.iter().enumerate() {
            write_atomic(&dir.join(format!("{stem}-{}.png", i + 1)), page)
                .map_err(|e| (Outcome::Unreadable, e))?;
        }
    }
    Ok(rendered
        .missing_glyphs
        .iter()
        .map(|m| {
            let m = format!(
                "{}: 「{}」 (U+{:04X})",
                m.path, m.character, m.character as u32
            );
            say(
                lang,
                format!("{input}: 警告: フォントにない文字 {m}"),
                format!("{input}: warning: no font has {m}"),
            )
        })
        .collect())
}

pub(crate) fn run(args: &Args) -> Outcome {
    let mut request = request(args);
    // Table numbers are the 居宅 sheets' (第1表–第5表, a case file's set, or
    // 第6表–第7表): refuse a wrong one before reading anything, as the
    // command always has; each document's own form is asked again when it
    // is read.
    if let Err(e) = request.options(careplan_api::Form::CaseFile)
        && request.options(careplan_api::Form::Usage).is_err()
    {
        eprintln!("--tables: {}", e.message_both());
        return Outcome::Unreadable;
    }
    request.table7 = match table7_inputs(args) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{e}");
            return Outcome::Unreadable;
        }
    };
    let font_data = match crate::io::read_fonts(&args.fonts) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("{e}");
            return Outcome::Unreadable;
        }
    };
    let renderer = match careplan_api::render::renderer(&font_data) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{e}");
            return Outcome::Unreadable;
        }
    };
    match (&args.plan, &args.batch) {
        (Some(plan), None) => match render_one(
            &renderer,
            &request,
            plan,
            &args.output,
            args.png.as_deref(),
            args.lang,
        ) {
            Ok(warnings) => {
                for w in warnings {
                    eprintln!("{w}");
                }
                emit(&say(
                    args.lang,
                    format!("{} を書き出しました\n", args.output.display()),
                    format!("wrote {}\n", args.output.display()),
                ));
                Outcome::Ok
            }
            Err((outcome, message)) => {
                eprintln!("{message}");
                outcome
            }
        },
        (None, Some(dir)) => batch(&renderer, &request, dir, args),
        _ => Outcome::Unreadable,
    }
}

fn batch(renderer: &Renderer, request: &RenderRequest, dir: &Path, args: &Args) -> Outcome {
    let mut plans: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect(),
        Err(e) => {
            eprintln!("{}: {e}", dir.display());
            return Outcome::Unreadable;
        }
    };
    plans.sort();
    let bar = indicatif::ProgressBar::new(plans.len() as u64);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} {elapsed_precise} {msg}")
    {
        bar.set_style(style);
    }
    let next = AtomicUsize::new(0);
    let failures: Mutex<Vec<(PathBuf, Outcome, String)>> = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(plans.len().max(1));
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(plan) = plans.get(i) else { break };
                    let stem = plan
                        .file_stem()
                        .map(|s| s.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    let out = args.output.join(format!("{stem}.pdf"));
                    let input = plan.to_string_lossy().into_owned();
                    if let Err((outcome, message)) = render_one(
                        renderer,
                        request,
                        &input,
                        &out,
                        args.png.as_deref(),
                        args.lang,
                    ) {
                        bar.println(&message);
                        if let Ok(mut f) = failures.lock() {
                            f.push((plan.clone(), outcome, message));
                        }
                    }
                    bar.inc(1);
                }
            });
        }
    });
    bar.finish_and_clear();
    let failures = failures
        .into_inner()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let ok = plans.len() - failures.len();
    emit(&say(
        args.lang,
        format!(
            "{} 件中 {} 件を書き出しました（失敗 {} 件）\n",
            plans.len(),
            ok,
            failures.len()
        ),
        format!(
            "rendered {ok} of {} plans ({} failed)\n",
            plans.len(),
            failures.len()
        ),
    ));
    for (p, _, _) in &failures {
        emit(&say(
            args.lang,
            format!("  失敗: {}\n", p.display()),
            format!("  failed: {}\n", p.display()),
        ));
    }
    failures
        .iter()
        .map(|(_, o, _)| *o)
        .max()
        .unwrap_or(Outcome::Ok)
}
