//! `careplan table7`: 第7表 サービス利用票別表 from a 第6表, a サービスコード
//! master and the terms.

use serde_json::Value;

use careplan_api::table7::{RowRef, Table7Report};

use crate::io::{emit, emit_json, read_input};
use crate::{Format, Lang, Outcome, path_text};

/// Arguments of `careplan table7`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The 第6表 (JSON, `"form": "kyotaku_usage"`); `-` reads standard input.
    sheet: String,
    /// The サービスコード master, CSV or JSON (format `careplan-service-codes`).
    #[arg(long, value_name = "FILE")]
    master: String,
    /// The terms (JSON): each 事業所's 地域区分 (and any 割引 or price),
    /// `burden_tenths`, and optionally `basis`, `kind_limits`, `allocation`.
    #[arg(long, value_name = "FILE")]
    terms: String,
    /// Explain how each column of a row was obtained: `GROUP.ROW`, from 0
    /// (`1.0`: the first row of the second group).
    #[arg(long, value_name = "GROUP.ROW", value_parser = parse_row)]
    explain: Option<RowRef>,
    /// Count 予定 (`planned`) or 実績 (`actual`), whatever the terms' `basis`
    /// says: `--basis actual` recomputes the month on what was served.
    #[arg(long, value_enum)]
    basis: Option<BasisArg>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Language of the messages (text output).
    #[arg(long, value_enum, default_value_t = Lang::Ja)]
    lang: Lang,
}

fn parse_row(s: &str) -> Result<RowRef, String> {
    let (g, r) = s
        .split_once('.')
        .ok_or_else(|| format!("GROUP.ROW, e.g. 1.0: {s}"))?;
    Ok(RowRef {
        group: g.parse().map_err(|_| format!("GROUP.ROW, e.g. 1.0: {s}"))?,
        row: r.parse().map_err(|_| format!("GROUP.ROW, e.g. 1.0: {s}"))?,
    })
}

fn fail(e: &careplan_api::ApiError, lang: Lang) -> Outcome {
    eprintln!("{}", e.message(lang.api()));
    for c in &e.causes {
        let mut line = format!(
            "  {}: {}",
            path_text(c.path.as_deref()),
            c.message(lang.api())
        );
        if let Some(v) = &c.value {
            line.push_str(&format!(" ({v})"));
        }
        if let Some(d) = &c.detail {
            line.push_str(&format!(" [{d}]"));
        }
        eprintln!("{line}");
    }
    Outcome::Invalid
}

/// `--basis`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum BasisArg {
    /// 予定.
    Planned,
    /// 実績.
    Actual,
}

pub(crate) fn run(args: &Args) -> Outcome {
    let read = |p: &str| {
        read_input(p).map_err(|e| {
            eprintln!("{e}");
            Outcome::Unreadable
        })
    };
    let (sheet, master, terms) = match (read(&args.sheet), read(&args.master), read(&args.terms)) {
        (Ok(a), Ok(b), Ok(c)) => (a, b, c),
        _ => return Outcome::Unreadable,
    };
    let doc = match careplan_api::validate::validate(&sheet) {
        Ok(d) => d,
        Err(_) => {
            eprintln!(
                "{0}: 第6表として読み取れません / not a valid 第6表 (careplan validate {0})",
                args.sheet
            );
            return Outcome::Unreadable;
        }
    };
    let master = match careplan_api::table7::master(&master) {
        Ok(m) => m,
        Err(e) => return fail(&e, args.lang),
    };
    let mut terms = match careplan_api::table7::terms(&terms) {
        Ok(t) => t,
        Err(e) => return fail(&e, args.lang),
    };
    if let Some(b) = args.basis {
        use careplan_core::forms::kyotaku::usage::table7::Basis;
        terms.basis = match b {
            BasisArg::Planned => Basis::Planned,
            BasisArg::Actual => Basis::Actual,
        };
    }
    let report = match careplan_api::table7::compute(&doc, &master, &terms, args.explain) {
        Ok(r) => r,
        Err(e) => return fail(&e, args.lang),
    };
    match args.format {
        Format::Json => {
            if let Err(e) = emit_json(&report) {
                eprintln!("{e}");
                return Outcome::Unreadable;
            }
        }
        Format::Text => emit(&text(&report, args.lang)),
    }
    Outcome::Ok
}

/// A JSON number as the forms print it (`1,234`), or nothing.
fn thousands(v: &Value) -> String {
    v.as_i64()
        .map(careplan_core::units::thousands)
        .unwrap_or_default()
}

fn money_line(label: &str, m: &Value) -> String {
    format!(
        "    {label}  費用総額 {}  請求額 {}  利用者負担 {}  全額負担 {}\n",
        thousands(&m["cost"]),
        thousands(&m["claim"]),
        thousands(&m["burden"]),
        thousands(&m["full_burden"])
    )
}

/// 第7表 for people: each group, its rows and subtotal, then the totals.
fn text(r: &Table7Report, lang: Lang) -> String {
    let t = &r.table7;
    let mut out = format!(
        "第7表 {}（{}）  区分支給限度基準額 {} 単位\n",
        t["month"].as_str().unwrap_or_default(),
        if t["basis"] == "actual" {
            "実績"
        } else {
            "予定"
        },
        thousands(&t["limit"])
    );
    for (g, group) in t["groups"].as_array().into_iter().flatten().enumerate() {
        let price = group["price_sen"].as_u64().unwrap_or_default();
        out.push_str(&format!(
            "[{g}] {} {}  種類 {}  単価 {}.{:02}  給付率 {}%\n",
            group["office_name"].as_str().unwrap_or_default(),
            group["office_number"].as_str().unwrap_or_default(),
            group["kind"].as_str().unwrap_or_default(),
            price / 100,
            price % 100,
            group["benefit_rate"]
        ));
        for (i, row) in group["rows"].as_array().into_iter().flatten().enumerate() {
            let units = match (&row["units"], &row["rate"]) {
                (Value::Number(_), _) => thousands(&row["units"]),
                (_, Value::Object(rate)) => format!(
                    "{}‰",
                    rate.get("permille")
                        .and_then(Value::as_u64)
                        .unwrap_or_default()
                ),
                _ => String::new(),
            };
            let class = match row["class"].as_str() {
                Some("outside") => "（限度額対象外）",
                Some("over_30_days") => "（30日超）",
                _ => "",
            };
            out.push_str(&format!(
                "  [{g}.{i}] {} {}{class}  単位数 {units} × 回数 {} = {}  （区分内 {} / 超過 {}）\n",
                row["code"].as_str().unwrap_or_default(),
                row["name"].as_str().unwrap_or_default(),
                row["count"],
                thousands(&row["service_units"]),
                thousands(&row["within"]),
                thousands(&row["over"])
            ));
            if row["money"].is_object() {
                out.push_str(&money_line("  ", &row["money"]));
            }
        }
        if group["subtotal"].is_object() {
            out.push_str(&format!(
                "    小計: 給付管理単位数 {}  種類超過 {}  区分超過 {}  区分内 {}\n",
                thousands(&group["managed"]),
                thousands(&group["kind_over"]),
                thousands(&group["over"]),
                thousands(&group["within"])
            ));
            out.push_str(&money_line("", &group["subtotal"]));
        }
        if let Some(o) = group["over_30"].as_object() {
            out.push_str(&format!(
                "    30日超: {} 単位  全額負担 {}\n",
                o.get("units").map(thousands).unwrap_or_default(),
                o.get("full_burden").map(thousands).unwrap_or_default()
            ));
        }
    }
    out.push_str(&format!(
        "合計: 給付管理単位数 {}  区分超過 {}  区分内 {}\n",
        thousands(&t["managed"]),
        thousands(&t["over"]),
        thousands(&t["within"])
    ));
    out.push_str(&format!(
        "      費用総額 {}  請求額 {}  利用者負担 {}  全額負担 {}\n",
        thousands(&t["cost"]),
        thousands(&t["claim"]),
        thousands(&t["burden"]),
        thousands(&t["full_burden"])
    ));
    let s = &t["short_stay"];
    if s["this_month"].as_u64().unwrap_or_default() > 0 || s["before"].is_number() {
        out.push_str(&format!(
            "短期入所利用日数: 前月まで {}  当月 {}  累積 {}\n",
            s["before"], s["this_month"], s["cumulative"]
        ));
    }
    for f in &r.findings {
        let (sev, msg) = match lang {
            Lang::Ja => (f.severity.label_ja(), f.message_ja.as_str()),
            Lang::En => (f.severity.code(), f.message_en.as_str()),
        };
        out.push_str(&format!("[{sev}] {} {}: {msg}\n", f.rule, f.path));
    }
    if let Some(steps) = &r.explanation {
        out.push('\n');
        for s in steps {
            let (column, how) = match lang {
                Lang::Ja => (&s.column_ja, &s.how_ja),
                Lang::En => (&s.column_en, &s.how_en),
            };
            out.push_str(&format!("{column}: {}\n    {how}\n", s.value));
        }
    }
    out
}
