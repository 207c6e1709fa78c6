//! 第6表 through UPHOSOKU + UPPLAN (予定) and UPJSK (実績): every month of
//! `fixtures/table7/` goes out as its send set (MS932, CRLF, names with
//! 対象年月 and one timestamp, 単位数 from its 第7表) and comes back as
//! `canonical_usage`; each provider's 実績 goes out as its own UPJSK and,
//! applied to the imported sheet, gives back the 実績; DLTPLAN and DLTJSK
//! come back as their keys; bad records are refused with file, line and
//! field, the sheet not imported at all.

#![cfg(test)]

use careplan_core::forms::kyotaku::usage::table7::{Basis, Table7, Terms, compute};
use careplan_core::forms::kyotaku::usage::{Usage, UsageRow};
use careplan_core::service_codes::Master;
use careplan_csv::{
    Endpoint, ExportOptions, ImportErrorCode, InputFile, MonthKey, SentTable7, UsageSheet,
    canonical_usage, export_actuals, export_actuals_withdrawal, export_usage,
    export_usage_withdrawal, import,
};
use careplan_fixtures::{dir, read};

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

fn month(name: &str, basis: Basis) -> (Usage, Table7) {
    let usage = Usage::from_json(&read(&dir("usage").join(format!("{name}.json")))).unwrap();
    let mut terms =
        Terms::from_json(&read(&dir("table7").join(format!("{name}.terms.json")))).unwrap();
    terms.basis = basis;
    let t = compute(&usage, &master(), &terms).unwrap();
    (usage, t)
}

fn opts(from: &str, to: &str) -> ExportOptions {
    ExportOptions::new(
        Endpoint::parse(from).unwrap(),
        Endpoint::parse(to).unwrap(),
        "20250601093000",
    )
    .unwrap()
}

fn inputs(set: careplan_csv::Exported) -> Vec<InputFile> {
    set.files
        .into_iter()
        .map(|f| InputFile {
            name: f.name,
            bytes: f.bytes,
        })
        .collect()
}

fn planner(u: &Usage) -> String {
    format!("{}:43", u.parts().planner.office_number.as_str())
}

#[test]
fn every_month_goes_out_and_comes_back_as_its_canonical_form() {
    for name in MONTHS {
        let (u, t) = month(name, Basis::Planned);
        let o = opts(&planner(&u), "1310000011:11");
        let set = export_usage(
            &[UsageSheet {
                usage: &u,
                table7: &t,
            }],
            &o,
        )
        .unwrap();
        let yyyymm = u.parts().month.to_string().replace('-', "");
        assert_eq!(set.files.len(), 3, "{name}");
        for (f, prefix) in set.files.iter().zip(["UPHOSOKU", "UPPLAN", "UPSIKYU"]) {
            assert_eq!(
                f.name,
                format!(
                    "{prefix}_{yyyymm}_{}_43_1310000011_11_20250601093000.CSV",
                    u.parts().planner.office_number.as_str()
                )
            );
            // MS932 with CRLF, every line.
            let (text, _, bad) = encoding_rs::SHIFT_JIS.decode(&f.bytes);
            assert!(!bad, "{name}: {}", f.name);
            assert!(text.ends_with("\r\n"));
            assert_eq!(text.matches('\n').count(), text.matches("\r\n").count());
        }
        // One record per row × planned day.
        let days: usize = u.parts().rows.iter().map(|r| r.planned.len()).sum();
        let plan_text = encoding_rs::SHIFT_JIS
            .decode(&set.files[1].bytes)
            .0
            .into_owned();
        assert_eq!(plan_text.lines().count(), days, "{name}");
        let back = import(&inputs(set));
        assert!(back.errors.is_empty(), "{name}: {:?}", back.errors);
        assert_eq!(back.usage.len(), 1, "{name}");
        assert_eq!(back.usage[0].0, MonthKey::of(&u));
        assert_eq!(back.usage[0].1, canonical_usage(&u), "{name}");
        // 第7表 comes back as the figures it was sent with, and agrees with
        // the one computed again from the 第6表 read back.
        assert_eq!(back.table7, vec![SentTable7::of(&u, &t)], "{name}");
        // The records come back with the same 第7表.
        let mut terms =
            Terms::from_json(&read(&dir("table7").join(format!("{name}.terms.json")))).unwrap();
        terms.basis = Basis::Planned;
        let again = compute(&back.usage[0].1, &master(), &terms).unwrap();
        assert_eq!(again.to_json(), t.to_json(), "{name}");
        assert_eq!(
            back.table7[0].differences(&SentTable7::of(&back.usage[0].1, &again)),
            vec![],
            "{name}"
        );
    }
}

#[test]
fn the_units_of_each_record_are_the_7th_tables_after_discount() {
    let (u, t) = month("care3-over-limit-2025-06", Basis::Planned);
    let set = export_usage(
        &[UsageSheet {
            usage: &u,
            table7: &t,
        }],
        &opts(&planner(&u), "1310000011:11"),
    )
    .unwrap();
    let text = encoding_rs::SHIFT_JIS
        .decode(&set.files[1].bytes)
        .0
        .into_owned();
    for line in text.lines() {
        let fields: Vec<&str> = line.split(',').collect();
        let code = fields[14];
        let units: i64 = fields[7].parse().unwrap();
        let row = t
            .groups
            .iter()
            .flat_map(|g| &g.rows)
            .find(|d| d.code.as_str() == code)
            .unwrap();
        assert_eq!(
            Some(units),
            row.units_per_count().map(|u| u.get()).or(Some(0)),
            "{line}"
        );
    }
}

/// The providers of a sheet's 実績: (事業所番号, サービス種類).
fn providers(u: &Usage) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for r in &u.parts().rows {
        let p = (
            r.office_number.as_str().to_owned(),
            r.code.kind().to_owned(),
        );
        if !r.actual.is_empty() && !out.contains(&p) {
            out.push(p);
        }
    }
    out
}

fn same_service(a: &UsageRow, b: &UsageRow) -> bool {
    a.office_number == b.office_number
        && a.code == b.code
        && a.time == b.time
        && a.over_30_days == b.over_30_days
}

#[test]
fn each_providers_actuals_come_back_onto_the_imported_sheet() {
    for name in ["level-change-2025-04", "care2-under-limit-2025-06"] {
        let (mut u, _) = month(name, Basis::Planned);
        if providers(&u).is_empty() {
            // Serve each planned day once as planned, but the first row's
            // first day not at all and one extra day on the last row.
            let mut parts = u.clone().into_parts();
            for r in &mut parts.rows {
                r.actual = r.planned.clone();
            }
            if let Some(r) = parts.rows.first_mut() {
                r.actual.remove(0);
            }
            u = Usage::new(parts).unwrap();
        }
        let (_, t) = {
            let mut terms =
                Terms::from_json(&read(&dir("table7").join(format!("{name}.terms.json")))).unwrap();
            terms.basis = Basis::Actual;
            (0, compute(&u, &master(), &terms).unwrap())
        };
        let (_, t_plan) = month(name, Basis::Planned);
        let plan_set = export_usage(
            &[UsageSheet {
                usage: &u,
                table7: &t_plan,
            }],
            &opts(&planner(&u), "1310000011:11"),
        )
        .unwrap();
        let mut files = inputs(plan_set);
        for (office, kind) in providers(&u) {
            let set = export_actuals(
                &[UsageSheet {
                    usage: &u,
                    table7: &t,
                }],
                &opts(
                    &format!("{office}:{kind}"),
                    &format!("{}:43", planner(&u).split(':').next().unwrap()),
                ),
            )
            .unwrap();
            assert!(set.files[0].name.starts_with(&format!(
                "UPJSK_{}_{office}_{kind}_",
                u.parts().month.to_string().replace('-', "")
            )));
            files.extend(inputs(set));
        }
        let back = import(&files);
        assert!(back.errors.is_empty(), "{name}: {:?}", back.errors);
        assert_eq!(back.actuals.len(), providers(&u).len(), "{name}");
        let mut sheet = back.usage[0].1.clone();
        for a in &back.actuals {
            sheet = a.apply(&sheet).unwrap();
        }
        for r in u.parts().rows.iter().filter(|r| !r.actual.is_empty()) {
            let got = sheet
                .parts()
                .rows
                .iter()
                .find(|x| same_service(x, r) && x.actual == r.actual);
            assert!(got.is_some(), "{name}: {r:?}");
        }
        let total = |u: &Usage| {
            u.parts()
                .rows
                .iter()
                .map(UsageRow::actual_total)
                .sum::<u32>()
        };
        assert_eq!(total(&sheet), total(&u), "{name}");
        // Applied twice, the same: a provider's resend replaces its 実績.
        let again = back
            .actuals
            .iter()
            .try_fold(sheet.clone(), |s, a| a.apply(&s))
            .unwrap();
        assert_eq!(again, sheet);
    }
}

#[test]
fn actuals_of_another_month_are_refused() {
    let (u, _) = month("care2-under-limit-2025-06", Basis::Planned);
    let (other, _) = month("level-change-2025-04", Basis::Planned);
    let mut parts = other.clone().into_parts();
    for r in &mut parts.rows {
        r.actual = r.planned.clone();
    }
    let other = Usage::new(parts).unwrap();
    let mut terms = Terms::from_json(&read(
        &dir("table7").join("level-change-2025-04.terms.json"),
    ))
    .unwrap();
    terms.basis = Basis::Actual;
    let t = compute(&other, &master(), &terms).unwrap();
    let (office, kind) = providers(&other).remove(0);
    let set = export_actuals(
        &[UsageSheet {
            usage: &other,
            table7: &t,
        }],
        &opts(&format!("{office}:{kind}"), "1370000001:43"),
    )
    .unwrap();
    let back = import(&inputs(set));
    assert!(back.errors.is_empty(), "{:?}", back.errors);
    let e = back.actuals[0].apply(&u).unwrap_err();
    assert_eq!(
        e,
        careplan_csv::ApplyError::OtherSheet {
            actuals: MonthKey::of(&other),
            sheet: MonthKey::of(&u),
        }
    );
    assert!(e.to_string().contains("別の利用者・対象年月"), "{e}");
}

#[test]
fn withdrawals_come_back_as_their_keys() {
    let (u, _) = month("care2-under-limit-2025-06", Basis::Planned);
    let key = MonthKey::of(&u);
    let set = export_usage_withdrawal(
        std::slice::from_ref(&key),
        &opts(&planner(&u), "1310000011:11"),
    )
    .unwrap();
    assert!(set.files[0].name.starts_with("DLTPLAN_202506_"));
    let back = import(&inputs(set));
    assert_eq!(back.withdrawn_usage, vec![key.clone()]);
    let set = export_actuals_withdrawal(
        std::slice::from_ref(&key),
        &opts("1310000011:11", "1370000001:43"),
    )
    .unwrap();
    let text = encoding_rs::SHIFT_JIS
        .decode(&set.files[0].bytes)
        .0
        .into_owned();
    assert!(text.ends_with(",202506,1310000011,11\r\n"), "{text}");
    let back = import(&inputs(set));
    assert_eq!(back.withdrawn_actuals.len(), 1);
    assert_eq!(back.withdrawn_actuals[0].0, key);
    assert_eq!(back.withdrawn_actuals[0].2, "11");
}

#[test]
fn a_character_ms932_lacks_is_reported_by_its_path_and_nothing_is_written() {
    let (u, t) = month("care2-under-limit-2025-06", Basis::Planned);
    let mut parts = u.into_parts();
    parts.rows[1].office_name = careplan_core::Text::new("デイ𠀋").ok();
    parts.planner.name = careplan_core::Text::new("中村 🙂").unwrap();
    let u = Usage::new(parts).unwrap();
    let e = export_usage(
        &[UsageSheet {
            usage: &u,
            table7: &t,
        }],
        &opts(&planner(&u), "1310000011:11"),
    )
    .unwrap_err();
    let careplan_csv::ExportError::Unencodable(list) = e else {
        panic!("{e}")
    };
    let at: Vec<(&str, char)> = list
        .iter()
        .map(|c| (c.path.as_str(), c.character))
        .collect();
    assert!(
        at.contains(&("sheets[0].rows[1].office_name", '𠀋')),
        "{at:?}"
    );
    assert!(at.contains(&("sheets[0].planner.name", '🙂')), "{at:?}");
}

#[test]
fn sheets_of_two_months_are_refused_in_one_send_set() {
    let (a, ta) = month("care2-under-limit-2025-06", Basis::Planned);
    let (b, tb) = month("level-change-2025-04", Basis::Planned);
    let e = export_usage(
        &[
            UsageSheet {
                usage: &a,
                table7: &ta,
            },
            UsageSheet {
                usage: &b,
                table7: &tb,
            },
        ],
        &opts(&planner(&a), "1310000011:11"),
    )
    .unwrap_err();
    assert!(e.to_string().contains("2025-06"), "{e}");
}

/// The send set of a month with its UPPLAN text changed by `edit`.
fn broken(edit: impl Fn(&str) -> String) -> Vec<InputFile> {
    let (u, t) = month("care2-under-limit-2025-06", Basis::Planned);
    let mut files = inputs(
        export_usage(
            &[UsageSheet {
                usage: &u,
                table7: &t,
            }],
            &opts(&planner(&u), "1310000011:11"),
        )
        .unwrap(),
    );
    let text = encoding_rs::SHIFT_JIS
        .decode(&files[1].bytes)
        .0
        .into_owned();
    files[1].bytes = encoding_rs::SHIFT_JIS.encode(&edit(&text)).0.into_owned();
    files
}

/// Replaces field `no` (1-based) of line `line` (1-based).
fn set_field(text: &str, line: usize, no: usize, value: &str) -> String {
    text.split_inclusive("\r\n")
        .enumerate()
        .map(|(i, l)| {
            if i + 1 != line {
                return l.to_owned();
            }
            let body = l.trim_end_matches("\r\n");
            let mut f: Vec<String> = body.split(',').map(str::to_owned).collect();
            f[no - 1] = value.to_owned();
            format!("{}\r\n", f.join(","))
        })
        .collect()
}

#[test]
fn a_bad_record_is_named_by_file_line_and_field_and_nothing_is_imported() {
    for (line, no, value, code) in [
        (2, 10, "20250701", ImportErrorCode::Date),
        (3, 14, "x", ImportErrorCode::Number),
        (1, 23, "2", ImportErrorCode::Code),
        (
            2,
            11,
            "1111100000000000000000000000000",
            ImportErrorCode::StrayValue,
        ),
        (4, 12, "2599", ImportErrorCode::Time),
        (2, 15, "11111", ImportErrorCode::FormRule),
    ] {
        let files = broken(|t| set_field(t, line, no, value));
        let back = import(&files);
        assert!(back.usage.is_empty(), "{line}/{no}");
        let e = back
            .errors
            .iter()
            .find(|e| e.code == code)
            .unwrap_or_else(|| panic!("{line}/{no}: {:?}", back.errors));
        assert!(e.file.starts_with("UPPLAN_202506_"), "{e}");
        assert_eq!(e.line, Some(line as u64), "{e}");
        assert_eq!(e.field, Some(no), "{e}");
        assert!(e.field_name.is_some());
    }
    // Without its UPHOSOKU, the month is not read.
    let mut files = broken(str::to_owned);
    files.remove(0);
    let back = import(&files);
    assert!(back.usage.is_empty());
    assert_eq!(back.errors[0].code, ImportErrorCode::MissingRecord);
}

#[test]
fn a_hand_written_send_set_imports_to_its_expected_sheets_and_actuals() {
    let d = dir("csv").join("usage-month-example");
    let mut files: Vec<InputFile> = std::fs::read_dir(&d)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "CSV"))
        .map(|p| InputFile {
            name: p.file_name().unwrap().to_string_lossy().into_owned(),
            bytes: std::fs::read(&p).unwrap(),
        })
        .collect();
    files.sort_by(|a, b| b.name.cmp(&a.name)); // not in send order
    let back = import(&files);
    assert!(back.errors.is_empty(), "{:?}", back.errors);
    let expected: Vec<serde_json::Value> =
        serde_json::from_str(&read(&d.join("expected.json"))).unwrap();
    assert_eq!(back.usage.len(), expected.len());
    for ((_, u), want) in back.usage.iter().zip(&expected) {
        assert_eq!(&u.to_json_value(), want);
    }
    assert_eq!(back.actuals.len(), 1);
    let a = &back.actuals[0];
    assert_eq!(a.office.as_str(), "1310000011");
    assert_eq!(a.service_kind, "11");
    let applied = a.apply(&back.usage[0].1).unwrap();
    let want: serde_json::Value =
        serde_json::from_str(&read(&d.join("expected-with-actuals.json"))).unwrap();
    assert_eq!(applied.to_json_value(), want);
    // 予実: the 15th planned and not served, the 16th served and not planned.
    let diff = applied.differences(false);
    assert_eq!(diff.len(), 2, "{diff:?}");
    assert!(diff.iter().any(|d| d.day == 15 && d.is_not_served()));
    assert!(diff.iter().any(|d| d.day == 16 && d.is_unplanned()));
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// (サービスコード, 事業所番号, whether it has a time).
    const SERVICES: [(&str, &str, bool); 4] = [
        ("111111", "1310000011", true),
        ("151211", "1310000022", true),
        ("131111", "1310000044", true),
        ("171001", "1310000033", false),
    ];
    const NAMES: [&str; 4] = ["佐藤 花子", "髙橋 﨑一", "渡邉 一郎", "ｶﾅ 混じり"];

    fn days() -> impl Strategy<Value = Vec<(u8, u8)>> {
        proptest::collection::btree_map(1u8..=30, 1u8..=3, 1..8)
            .prop_map(|m| m.into_iter().collect())
    }

    /// A June 2025 sheet: one row per service picked, each with its own
    /// time band, 予定 and 実績 days, MS932-carriable names.
    fn sheet() -> impl Strategy<Value = Usage> {
        (
            proptest::sample::subsequence(SERVICES.to_vec(), 1..=4),
            proptest::collection::vec(
                (
                    proptest::option::weighted(0.75, days()),
                    days(),
                    any::<bool>(),
                ),
                4,
            ),
            1u8..=5,
            proptest::sample::select(vec!["高橋 由美", "中村 さくら", "Ｏ’Ｎｅｉｌｌ"]),
            proptest::option::of(0u32..=20),
        )
            .prop_map(|(services, lines, level, planner, before)| {
                let rows: Vec<serde_json::Value> = services
                    .iter()
                    .zip(&lines)
                    .enumerate()
                    .map(|(i, ((code, office, timed), (planned, actual, named)))| {
                        let day = |d: &Vec<(u8, u8)>| -> Vec<serde_json::Value> {
                            d.iter()
                                .map(|(day, count)| serde_json::json!({"day": day, "count": count}))
                                .collect()
                        };
                        // 実績 without 予定 on some rows, never on the first.
                        let planned = match planned {
                            Some(p) => day(p),
                            None if i > 0 => Vec::new(),
                            None => day(actual),
                        };
                        let mut r = serde_json::json!({
                            "code": code,
                            "office_number": office,
                            "planned": planned,
                            "actual": day(actual),
                        });
                        if *timed {
                            r["start"] = format!("{:02}:00", 8 + i).into();
                            r["end"] = format!("{:02}:30", 8 + i).into();
                        } else {
                            r["tais_code"] = "00150－000123".into();
                            r["equipment_name"] = "車いす 「ＫＺ」, \"22\"".into();
                        }
                        if *named {
                            r["office_name"] = NAMES[i].into();
                            r["service"] = "サービス内容（書き出されない）".into();
                        }
                        r
                    })
                    .collect();
                let mut doc = serde_json::json!({
                    "form": "kyotaku_usage",
                    "month": "2025-06",
                    "created_on": "2025-05-28",
                    "certification_status": "certified",
                    "user": {"insurer_number": "131016", "insured_number": "0000123456",
                             "name": "佐藤 次郎", "birth_date": "1940-05-10", "sex": "male"},
                    "level": format!("care_{level}"),
                    "limit_period": {"start": "2025-04", "end": "2026-03"},
                    "planner": {"office_number": "1310000001", "office_name": "あおば居宅",
                                "name": planner},
                    "rows": rows,
                });
                if let Some(n) = before {
                    doc["short_stay_days_before"] = n.into();
                }
                Usage::from_json(&doc.to_string()).unwrap()
            })
    }

    fn terms(basis: Basis) -> Terms {
        let offices: Vec<serde_json::Value> = SERVICES
            .iter()
            .map(|(_, o, _)| serde_json::json!({"office_number": o, "area_grade": "grade_3"}))
            .collect();
        let mut t = Terms::from_json(
            &serde_json::json!({"burden_tenths": 1, "offices": offices}).to_string(),
        )
        .unwrap();
        t.basis = basis;
        t
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn a_sheet_and_its_actuals_survive_the_csv(u in sheet()) {
            let t = compute(&u, &master(), &terms(Basis::Planned)).unwrap();
            let o = opts("1310000001:43", "1310000011:11");
            let set = export_usage(&[UsageSheet { usage: &u, table7: &t }], &o).unwrap();
            let mut files = inputs(set);
            let ta = compute(&u, &master(), &terms(Basis::Actual)).unwrap();
            for (office, kind) in providers(&u) {
                let o = opts(&format!("{office}:{kind}"), "1310000001:43");
                let set = export_actuals(&[UsageSheet { usage: &u, table7: &ta }], &o).unwrap();
                files.extend(inputs(set));
            }
            let back = import(&files);
            prop_assert!(back.errors.is_empty(), "{:?}", back.errors);
            prop_assert_eq!(&back.usage[0].1, &canonical_usage(&u));
            // UPSIKYU: the 第7表 comes back as sent.
            prop_assert_eq!(&back.table7, &vec![careplan_csv::SentTable7::of(&u, &t)]);
            let mut sheet = back.usage[0].1.clone();
            for a in &back.actuals {
                sheet = a.apply(&sheet).unwrap();
            }
            // Every row comes back with its 予定 and its 実績.
            for r in &u.parts().rows {
                let got = sheet.parts().rows.iter().find(|x| same_service(x, r));
                prop_assert!(got.is_some());
                if let Some(x) = got {
                    prop_assert_eq!(&x.planned, &r.planned);
                    prop_assert_eq!(&x.actual, &r.actual);
                }
            }
            prop_assert_eq!(sheet.parts().rows.len(), u.parts().rows.len());
        }
    }
}

#[test]
fn a_bad_actuals_record_is_named_by_file_line_and_field() {
    let d = dir("csv").join("usage-month-example");
    let name = "UPJSK_202507_1310000011_11_1310000001_43_20250801090000.CSV";
    let text = encoding_rs::SHIFT_JIS
        .decode(&std::fs::read(d.join(name)).unwrap())
        .0
        .into_owned();
    for (line, no, value, code) in [
        (2, 16, "\"00150,000123\"", ImportErrorCode::FormRule),
        (3, 10, "20250701", ImportErrorCode::FormRule), // the 1st twice
        (4, 14, "0", ImportErrorCode::FormRule),
        (5, 4, "2025", ImportErrorCode::Date),
    ] {
        // A quoted value with a comma in it: edit the field by position in
        // the unquoted original, then write it as given.
        let edited = set_field(&text, line, no, value);
        let files = vec![InputFile {
            name: name.to_owned(),
            bytes: encoding_rs::SHIFT_JIS.encode(&edited).0.into_owned(),
        }];
        let back = import(&files);
        assert!(back.actuals.is_empty(), "{line}/{no}");
        let e = back
            .errors
            .iter()
            .find(|e| e.code == code)
            .unwrap_or_else(|| panic!("{line}/{no}: {:?}", back.errors));
        assert_eq!(
            (e.file.as_str(), e.line, e.field),
            (name, Some(line as u64), Some(no)),
            "{e}"
        );
    }
}
