//! 第7表 through UPSIKYU (and UPHOSOKU's 種類別支給限度管理): the figures
//! each month's send set carries are those worked out by hand in
//! `fixtures/table7/*.expected.json` (read here from the CSV text itself,
//! not through careplan's reader); a 種類支給限度 fills UPHOSOKU R20–R56 and
//! comes back; a 第7表 received that disagrees with the 第6表 beside it is
//! told figure by figure; bad lines are refused with file, line and field,
//! the month not imported.

#![cfg(test)]

use careplan_core::ServiceKind;
use careplan_core::forms::kyotaku::usage::Usage;
use careplan_core::forms::kyotaku::usage::table7::{Basis, KindLimit, Table7, Terms, compute};
use careplan_core::service_codes::Master;
use careplan_core::units::Units;
use careplan_csv::records::{Hosoku, Upsikyu};
use careplan_csv::{
    Endpoint, ExportOptions, ImportErrorCode, InputFile, SentTable7, UsageSheet, export_usage,
    import,
};
use careplan_fixtures::{dir, read};
use serde_json::Value;

const MONTHS: [&str; 6] = [
    "care2-under-limit-2025-06",
    "care3-over-limit-2025-06",
    "level-change-2025-04",
    "short-stay-30-days-2025-05",
    "two-wari-grade1-2025-06",
    "yobo-fixed-2025-06",
];

fn master() -> Master {
    Master::from_csv(&read(
        &dir("masters").join("service-codes-illustrative.csv"),
    ))
    .unwrap()
}

fn terms(name: &str) -> Terms {
    Terms::from_json(&read(&dir("table7").join(format!("{name}.terms.json")))).unwrap()
}

fn month(name: &str) -> (Usage, Terms) {
    let usage = Usage::from_json(&read(&dir("usage").join(format!("{name}.json")))).unwrap();
    (usage, terms(name))
}

fn export(u: &Usage, t: &Table7) -> Vec<InputFile> {
    let opts = ExportOptions::new(
        Endpoint::parse(&format!("{}:43", u.parts().planner.office_number.as_str())).unwrap(),
        Endpoint::parse("1310000011:11").unwrap(),
        "20250601093000",
    )
    .unwrap();
    export_usage(
        &[UsageSheet {
            usage: u,
            table7: t,
        }],
        &opts,
    )
    .unwrap()
    .files
    .into_iter()
    .map(|f| InputFile {
        name: f.name,
        bytes: f.bytes,
    })
    .collect()
}

/// The records of a file, as fields (MS932 decoded, CSV unquoted).
fn records(f: &InputFile) -> Vec<Vec<String>> {
    let (text, _, bad) = encoding_rs::SHIFT_JIS.decode(&f.bytes);
    assert!(!bad, "{}", f.name);
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

fn file<'a>(files: &'a [InputFile], prefix: &str) -> &'a InputFile {
    files
        .iter()
        .find(|f| f.name.starts_with(prefix))
        .unwrap_or_else(|| panic!("no {prefix} file"))
}

/// Field `no` of a record.
fn at(r: &[String], no: u16) -> &str {
    &r[usize::from(no) - 1]
}

/// The figure field `no` holds, or `None` when blank.
fn fig(r: &[String], no: u16) -> Option<i64> {
    let v = at(r, no);
    (!v.is_empty()).then(|| v.parse().unwrap())
}

fn int(v: &Value) -> Option<i64> {
    v.as_i64()
}

/// The line of office `office` and code `code` (and ３０日超区分).
fn line<'a>(lines: &'a [Vec<String>], office: &str, code: &str, over_30: bool) -> &'a [String] {
    lines
        .iter()
        .find(|r| {
            at(r, Upsikyu::OFFICE_NUMBER) == office
                && at(r, Upsikyu::SERVICE_CODE) == code
                && (at(r, Upsikyu::OVER_30_DAYS) == "1") == over_30
        })
        .unwrap_or_else(|| panic!("no line {office} {code} (30日超 {over_30})"))
}

fn money(r: &[String], m: &Value, what: &str) {
    for (no, key) in [
        (Upsikyu::COST, "cost"),
        (Upsikyu::CLAIM, "claim"),
        (Upsikyu::BURDEN, "burden"),
        (Upsikyu::FULL_BURDEN, "full_burden"),
    ] {
        assert_eq!(fig(r, no), int(&m[key]), "{what}: {key}");
    }
}

#[test]
fn each_months_upsikyu_carries_the_hand_worked_figures() {
    for name in MONTHS {
        let (u, terms) = month(name);
        let t = compute(&u, &master(), &terms).unwrap();
        let files = export(&u, &t);
        let lines = records(file(&files, "UPSIKYU_"));
        let want: Value =
            serde_json::from_str(&read(&dir("table7").join(format!("{name}.expected.json"))))
                .unwrap();
        for r in &lines {
            assert_eq!(r.len(), 37, "{name}");
            assert_eq!(
                at(r, Upsikyu::TARGET_MONTH),
                want["month"].as_str().unwrap().replace('-', "")
            );
            assert_eq!(at(r, Upsikyu::FIXED_OFFICE), "9999999999");
        }
        // The hand-worked file lists the groups in 第7表's order and may
        // leave out what it does not work out (an office's number, an
        // excess of 0).
        for (i, g) in want["groups"].as_array().unwrap().iter().enumerate() {
            let office = g["office_number"]
                .as_str()
                .unwrap_or(t.groups[i].office_number.as_str());
            let kind = g["kind"].as_str().unwrap();
            let price = g["price_sen"].as_i64().unwrap();
            let price = format!("{}.{:02}", price / 100, price % 100);
            for row in g["rows"].as_array().unwrap() {
                let class = row["class"].as_str().unwrap_or("managed");
                let code = row["code"].as_str().unwrap();
                let r = line(&lines, office, code, class == "over_30_days");
                let what = format!("{name} {office} {code} {class}");
                if let Some(units) = int(&row["units"]) {
                    assert_eq!(fig(r, Upsikyu::UNITS), Some(units), "{what}");
                }
                if let Some(d) = row.get("discounted") {
                    assert_eq!(
                        fig(r, Upsikyu::DISCOUNT_PERCENT),
                        int(&d["percent_after"]),
                        "{what}"
                    );
                    assert_eq!(
                        fig(r, Upsikyu::DISCOUNTED_UNITS),
                        int(&d["units"]),
                        "{what}"
                    );
                }
                assert_eq!(fig(r, Upsikyu::COUNT), int(&row["count"]), "{what}");
                assert_eq!(
                    fig(r, Upsikyu::SERVICE_UNITS),
                    int(&row["service_units"]),
                    "{what}"
                );
                if class == "managed" {
                    assert_eq!(
                        fig(r, Upsikyu::MANAGED),
                        int(&row["service_units"]),
                        "{what}"
                    );
                    if let Some(w) = int(&row["within"]) {
                        assert_eq!(fig(r, Upsikyu::WITHIN), Some(w), "{what}");
                        assert_eq!(
                            fig(r, Upsikyu::OVER),
                            Some(int(&row["over"]).unwrap_or(0)),
                            "{what}"
                        );
                    }
                } else {
                    assert_eq!(fig(r, Upsikyu::MANAGED), None, "{what}: 限度額管理対象外");
                }
                if let Some(f) = row.get("fixed") {
                    assert_eq!(
                        fig(r, Upsikyu::FIXED_PER_COUNT),
                        int(&f["per_count"]),
                        "{what}"
                    );
                }
                if let Some(m) = row.get("money") {
                    assert_eq!(at(r, Upsikyu::PRICE), price, "{what}");
                    money(r, m, &what);
                }
            }
            let what = format!("{name} {office} {kind}AAAA");
            if g.get("subtotal").is_some_and(Value::is_null) {
                let code = format!("{kind}AAAA");
                assert!(
                    !lines.iter().any(|r| at(r, Upsikyu::OFFICE_NUMBER) == office
                        && at(r, Upsikyu::SERVICE_CODE) == code),
                    "{what}: no 限度額管理対象 rows, no subtotal"
                );
            } else if let Some(m) = g.get("subtotal") {
                let s = line(&lines, office, &format!("{kind}AAAA"), false);
                assert_eq!(fig(s, Upsikyu::UNITS), Some(0), "{what}");
                assert_eq!(at(s, Upsikyu::DISCOUNT_PERCENT), "", "{what}");
                assert_eq!(at(s, Upsikyu::PRICE), price, "{what}");
                assert_eq!(fig(s, Upsikyu::MANAGED), int(&g["managed"]), "{what}");
                // (The hand-worked file leaves out an excess of 0.)
                let over = int(&g["over"]).unwrap_or(0);
                assert_eq!(fig(s, Upsikyu::OVER), Some(over), "{what}");
                let kind_over = int(&g["kind_over"]).unwrap_or(0);
                assert_eq!(fig(s, Upsikyu::KIND_OVER), Some(kind_over), "{what}");
                if let Some(w) = int(&g["within"]) {
                    assert_eq!(fig(s, Upsikyu::WITHIN), Some(w), "{what}");
                }
                if let Some(rate) = int(&g["benefit_rate"]) {
                    assert_eq!(fig(s, Upsikyu::RATE), Some(rate), "{what}");
                }
                money(s, m, &what);
            }
            if let Some(m) = g.get("outside") {
                let s = line(&lines, office, &format!("{kind}EEEE"), false);
                money(s, m, &format!("{name} {office} {kind}EEEE"));
            }
            if let Some(o) = g.get("over_30") {
                let s = line(&lines, office, &format!("{kind}ZZZZ"), true);
                assert_eq!(
                    fig(s, Upsikyu::SERVICE_UNITS),
                    int(&o["units"]),
                    "{name} ZZZZ"
                );
                assert_eq!(
                    fig(s, Upsikyu::FULL_BURDEN),
                    int(&o["full_burden"]),
                    "{name} ZZZZ"
                );
            }
        }
        // The 全合計, last: the month's totals.
        let total = lines.last().unwrap();
        assert_eq!(at(total, Upsikyu::OFFICE_NUMBER), "9999999999", "{name}");
        assert_eq!(at(total, Upsikyu::SERVICE_CODE), "999999", "{name}");
        assert_eq!(
            fig(total, Upsikyu::MANAGED),
            int(&want["managed"]),
            "{name}"
        );
        if let Some(w) = int(&want["within"]) {
            assert_eq!(fig(total, Upsikyu::WITHIN), Some(w), "{name}");
        }
        if let Some(over) = int(&want["over"]) {
            let over = over + int(&want["kind_over"]).unwrap_or(0);
            assert_eq!(fig(total, Upsikyu::OVER), Some(over), "{name}");
        }
        money(total, &want, &format!("{name} 全合計"));
        // A month without 短期入所 leaves the block blank.
        if let Some(s) = want
            .get("short_stay")
            .filter(|s| !(s["before"].is_null() && s["this_month"] == 0))
        {
            assert_eq!(
                fig(total, Upsikyu::SHORT_STAY_BEFORE),
                int(&s["before"]),
                "{name}"
            );
            assert_eq!(
                fig(total, Upsikyu::SHORT_STAY_THIS_MONTH),
                int(&s["this_month"]),
                "{name}"
            );
            assert_eq!(
                fig(total, Upsikyu::SHORT_STAY_CUMULATIVE),
                int(&s["cumulative"]),
                "{name}"
            );
        } else {
            for no in [
                Upsikyu::SHORT_STAY_BEFORE,
                Upsikyu::SHORT_STAY_THIS_MONTH,
                Upsikyu::SHORT_STAY_CUMULATIVE,
            ] {
                assert_eq!(at(total, no), "", "{name}");
            }
        }
        // The subtotals and the total add up to the month.
        let sum = |no: u16| -> i64 {
            lines
                .iter()
                .filter(|r| {
                    let c = at(r, Upsikyu::SERVICE_CODE);
                    c.ends_with("AAAA") || c.ends_with("EEEE") || c.ends_with("ZZZZ")
                })
                .filter_map(|r| fig(r, no))
                .sum()
        };
        assert_eq!(
            Some(sum(Upsikyu::COST)),
            fig(total, Upsikyu::COST),
            "{name}"
        );
        assert_eq!(
            Some(sum(Upsikyu::FULL_BURDEN)),
            fig(total, Upsikyu::FULL_BURDEN),
            "{name}"
        );
    }
}

#[test]
fn a_kind_limit_fills_the_users_hosoku_slots_and_comes_back() {
    let name = "care2-under-limit-2025-06";
    let (u, mut terms) = month(name);
    let plain = compute(&u, &master(), &terms).unwrap();
    let kind = plain.groups[0].kind.clone();
    let limit = plain.groups[0].managed.get() - 100;
    terms.kind_limits.push(KindLimit {
        kind: ServiceKind::new(kind.as_str()).unwrap(),
        units: Units::new(limit),
    });
    let t = compute(&u, &master(), &terms).unwrap();
    let files = export(&u, &t);
    let h = &records(file(&files, "UPHOSOKU_"))[0];
    assert_eq!(at(h, Hosoku::KIND1_CODE), kind.as_str());
    assert_eq!(fig(h, Hosoku::KIND1_LIMIT), Some(limit));
    assert_eq!(fig(h, Hosoku::KIND1_UNITS), Some(limit + 100));
    assert_eq!(fig(h, Hosoku::KIND1_OVER), Some(100));
    assert_eq!(at(h, Hosoku::KIND2_CODE), "", "only kinds with a limit");
    assert_eq!(fig(h, Hosoku::TOTAL_OVER), Some(100));
    let sub = records(file(&files, "UPSIKYU_"))
        .into_iter()
        .find(|r| at(r, Upsikyu::SERVICE_CODE) == format!("{}AAAA", kind.as_str()))
        .unwrap();
    assert_eq!(fig(&sub, Upsikyu::KIND_OVER), Some(100));
    assert_eq!(fig(&sub, Upsikyu::KIND_WITHIN), Some(limit));
    let back = import(&files);
    assert!(back.errors.is_empty(), "{:?}", back.errors);
    assert_eq!(back.table7, vec![SentTable7::of(&u, &t)]);
    assert_eq!(back.table7[0].kinds.len(), 1);
    assert_eq!(back.table7[0].kinds_over, Some(100));
}

/// The send set of `name` with one field of one line of its UPSIKYU (or
/// UPHOSOKU) changed.
fn edited(name: &str, prefix: &str, line: usize, no: u16, value: &str) -> Vec<InputFile> {
    let (u, terms) = month(name);
    let t = compute(&u, &master(), &terms).unwrap();
    let mut files = export(&u, &t);
    let f = files
        .iter_mut()
        .find(|f| f.name.starts_with(prefix))
        .unwrap();
    let (text, _, _) = encoding_rs::SHIFT_JIS.decode(&f.bytes);
    let mut lines: Vec<String> = text.split("\r\n").map(str::to_owned).collect();
    let mut fields: Vec<String> = lines[line - 1].split(',').map(str::to_owned).collect();
    fields[usize::from(no) - 1] = value.to_owned();
    lines[line - 1] = fields.join(",");
    f.bytes = encoding_rs::SHIFT_JIS
        .encode(&lines.join("\r\n"))
        .0
        .into_owned();
    files
}

#[test]
fn a_received_table7_that_disagrees_with_its_sheet_is_told_figure_by_figure() {
    let name = "care3-over-limit-2025-06";
    // 区分支給限度基準内単位数 of the 通所介護 subtotal (line 4) one unit off.
    let files = edited(name, "UPSIKYU_", 4, Upsikyu::WITHIN, "10357");
    let back = import(&files);
    assert!(back.errors.is_empty(), "{:?}", back.errors);
    let (u, terms) = month(name);
    let t = compute(&back.usage[0].1, &master(), &terms).unwrap();
    let d = back.table7[0].differences(&SentTable7::of(&u, &t));
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].code, "15AAAA");
    assert_eq!(d[0].field, Upsikyu::WITHIN);
    assert_eq!(d[0].field_name, "区分支給限度基準内単位数");
    assert_eq!(
        (d[0].sent.as_str(), d[0].computed.as_str()),
        ("10357", "10356")
    );
}

#[test]
fn a_bad_upsikyu_line_is_named_by_file_line_and_field_and_the_month_is_not_imported() {
    let name = "short-stay-30-days-2025-05";
    for (line, no, value, code) in [
        (2, Upsikyu::PRICE, "10.555", ImportErrorCode::Number),
        (2, Upsikyu::PRICE, "1055", ImportErrorCode::Number),
        (1, Upsikyu::SERVICE_UNITS, "8l00", ImportErrorCode::Number),
        (2, Upsikyu::UNITS, "5", ImportErrorCode::StrayValue),
        (1, Upsikyu::SERVICE_CODE, "21XYZ", ImportErrorCode::Code),
        (
            8,
            Upsikyu::OFFICE_NUMBER,
            "2770000301",
            ImportErrorCode::Code,
        ),
        (3, Upsikyu::OVER_30_DAYS, "2", ImportErrorCode::Code),
        (3, Upsikyu::SATELLITE, "01", ImportErrorCode::StrayValue),
        (5, Upsikyu::CREATED_ON, "20250426", ImportErrorCode::Value),
        (8, Upsikyu::RATE, "190", ImportErrorCode::Number),
    ] {
        let files = edited(name, "UPSIKYU_", line, no, value);
        let back = import(&files);
        assert!(
            back.usage.is_empty() && back.table7.is_empty(),
            "{line}/{no}"
        );
        let e = back
            .errors
            .iter()
            .find(|e| e.code == code)
            .unwrap_or_else(|| panic!("{line}/{no} {value}: {:?}", back.errors));
        assert!(e.file.starts_with("UPSIKYU_202505_"), "{e}");
        assert_eq!(e.line, Some(line as u64), "{e}");
        assert_eq!(e.field, Some(usize::from(no)), "{e}");
        assert!(e.field_name.is_some(), "{e}");
    }
    // Without its 全合計 line, the month is not read.
    let (u, terms) = month(name);
    let t = compute(&u, &master(), &terms).unwrap();
    let mut files = export(&u, &t);
    let f = files
        .iter_mut()
        .find(|f| f.name.starts_with("UPSIKYU_"))
        .unwrap();
    let (text, _, _) = encoding_rs::SHIFT_JIS.decode(&f.bytes);
    let kept: String = text
        .split_inclusive("\r\n")
        .filter(|l| !l.contains(",999999,"))
        .collect();
    f.bytes = encoding_rs::SHIFT_JIS.encode(&kept).0.into_owned();
    let back = import(&files);
    assert!(back.usage.is_empty());
    assert_eq!(
        back.errors[0].code,
        ImportErrorCode::MissingRecord,
        "{:?}",
        back.errors
    );
    // 種類別支給限度管理 in UPHOSOKU without a 第7表: refused, not dropped.
    let mut files = edited(name, "UPHOSOKU_", 1, Hosoku::KIND1_CODE, "21");
    files.retain(|f| !f.name.starts_with("UPSIKYU_"));
    let back = import(&files);
    assert!(back.usage.is_empty());
    assert_eq!(
        back.errors[0].code,
        ImportErrorCode::StrayValue,
        "{:?}",
        back.errors
    );
    assert_eq!(back.errors[0].field, Some(usize::from(Hosoku::KIND1_CODE)));
    // A slot after a blank one is refused.
    let files = edited(name, "UPHOSOKU_", 1, Hosoku::KIND2_CODE, "21");
    let back = import(&files);
    assert!(back.usage.is_empty());
    let e = back
        .errors
        .iter()
        .find(|e| e.field == Some(usize::from(Hosoku::KIND2_CODE)));
    assert!(e.is_some(), "{:?}", back.errors);
}

#[test]
fn a_hand_written_upsikyu_imports_and_agrees_with_the_sheet_beside_it() {
    let d = dir("csv").join("usage-month-example");
    let files: Vec<InputFile> = std::fs::read_dir(&d)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "CSV"))
        .map(|p| InputFile {
            name: p.file_name().unwrap().to_string_lossy().into_owned(),
            bytes: std::fs::read(&p).unwrap(),
        })
        .collect();
    let back = import(&files);
    assert!(back.errors.is_empty(), "{:?}", back.errors);
    assert_eq!(back.table7.len(), 2);
    let terms = Terms::from_json(&read(&d.join("terms.json"))).unwrap();
    // The figures worked out by hand in the README, as read.
    type Totals = (usize, Option<i64>, Option<i64>, Option<i64>);
    let totals: Vec<Totals> = back
        .table7
        .iter()
        .map(|t| {
            let total = t.lines.last().unwrap();
            (t.lines.len(), total.cost, total.claim, total.burden)
        })
        .collect();
    assert_eq!(
        totals,
        vec![
            (7, Some(57_946), Some(52_151), Some(5_795)),
            (3, Some(44_505), Some(40_054), Some(4_451)),
        ]
    );
    for sent in &back.table7 {
        let (_, sheet) = back.usage.iter().find(|(k, _)| *k == sent.key).unwrap();
        let t = compute(sheet, &master(), &terms).unwrap();
        assert_eq!(t.basis, Basis::Planned);
        assert_eq!(
            sent.differences(&SentTable7::of(sheet, &t)),
            vec![],
            "{:?}",
            sent.key
        );
    }
    let wheelchair = &back.table7[0].lines[4];
    assert_eq!(wheelchair.tais_code.as_deref(), Some("00150－000123"));
    assert_eq!(
        wheelchair.equipment_name.as_deref(),
        Some("自走用車いす　ＫＺ－２２")
    );
}
