//! ケアプランデータ連携 CSV: hand-written samples, round trips, bad input.

// cfg(test) lets clippy.toml's allow-*-in-tests cover the helpers too.
#![cfg(test)]

mod common;

use std::path::Path;

use careplan_core::CarePlan;
use careplan_csv::*;
use careplan_fixtures::{dir, plans};
use common::inputs;
use proptest::prelude::*;

fn opts() -> ExportOptions {
    ExportOptions::new(
        Endpoint::parse("1370000001:43").unwrap(),
        Endpoint::parse("1310000011:11").unwrap(),
        "20251201093000",
    )
    .unwrap()
}

fn read_dir_inputs(dir: &Path) -> Vec<InputFile> {
    let mut v = common::read_set(dir);
    v.reverse(); // deliberately not in send order
    v
}

#[test]
fn hand_written_samples_import_to_the_expected_plans() {
    for sample in ["records-md-example", "two-users-lf-repeated"] {
        let dir = dir("csv").join(sample);
        let got = import(&read_dir_inputs(&dir));
        assert!(
            got.errors.is_empty(),
            "{sample}: {:?}",
            got.errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
        );
        let expected: Vec<serde_json::Value> =
            serde_json::from_str(&std::fs::read_to_string(dir.join("expected.json")).unwrap())
                .unwrap();
        assert_eq!(got.plans.len(), expected.len(), "{sample}");
        for ((_, plan), want) in got.plans.iter().zip(expected) {
            let want = CarePlan::from_json_value(want).unwrap();
            assert_eq!(plan.to_json_value(), want.to_json_value(), "{sample}");
        }
    }
}

#[test]
fn every_fixture_round_trips_and_re_exports_to_the_same_bytes() {
    for repeat in [false, true] {
        let mut o = opts();
        o.repeat_values = repeat;
        for (name, plan) in plans() {
            let set =
                export(std::slice::from_ref(&plan), &o).unwrap_or_else(|e| panic!("{name}: {e}"));
            let back = import(&inputs(&set.files));
            assert!(
                back.errors.is_empty(),
                "{name}: {:?}",
                back.errors
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
            );
            assert_eq!(back.plans.len(), 1);
            let (key, got) = &back.plans[0];
            assert_eq!(*key, PlanKey::of(&plan));
            assert_eq!(
                got.to_json_value(),
                canonical(&plan).to_json_value(),
                "{name} (repeat {repeat})"
            );
            // Nothing the standard carries is lost: writing the imported plan gives the same files.
            let again = export(std::slice::from_ref(got), &o).unwrap();
            assert_eq!(again.files, set.files, "{name}");
        }
    }
}

#[test]
fn several_plans_share_one_send_set() {
    let plans: Vec<CarePlan> = plans().into_iter().map(|(_, p)| p).collect();
    let set = export(&plans, &opts()).unwrap();
    let names: Vec<&str> = set.files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "UPHOSOKU_000000_1370000001_43_1310000011_11_20251201093000.CSV",
            "UP1KYO_1370000001_43_1310000011_11_20251201093000.CSV",
            "UP2KYO_1370000001_43_1310000011_11_20251201093000.CSV",
            "UP3KYO_1370000001_43_1310000011_11_20251201093000.CSV",
        ]
    );
    let back = import(&inputs(&set.files));
    assert!(back.errors.is_empty());
    assert_eq!(back.plans.len(), plans.len());
}

#[test]
fn files_are_ms932_with_crlf_and_quoted_free_text() {
    let plan = careplan_fixtures::plan("case-a.json");
    let set = export(&[plan], &opts()).unwrap();
    let dir = std::env::temp_dir().join(format!("careplan-csv-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for f in &set.files {
        // Every line ends CRLF (line breaks inside quoted text are kept as written).
        assert!(f.bytes.ends_with(b"\r\n"), "{}", f.name);
        let path = dir.join(&f.name);
        std::fs::write(&path, &f.bytes).unwrap();
        assert!(iconv_cp932(&path).starts_with("202407,"), "{}", f.name);
    }
    let t1 = iconv_cp932(&dir.join(&set.files[1].name));
    assert!(
        t1.contains("\"【本人】リハビリをしてもっと動けるようになりたい。"),
        "{t1}"
    );
    assert!(
        t1.contains(",20151203,20151203,11,2,20150910,20150910,20160930,22,"),
        "{t1}"
    );
    let t2 = iconv_cp932(&dir.join(&set.files[2].name));
    assert!(t2.contains("\"平成27年12月3日～平成28年9月30日\""), "{t2}");
    // The second service of a short-term goal leaves need and goals blank.
    assert!(
        t2.lines()
            .nth(1)
            .unwrap()
            .contains(",1,\"\",1,\"\",\"\",\"\",\"\",2,"),
        "{t2}"
    );
}

/// The file decoded from CP932 by an independent tool (iconv).
fn iconv_cp932(path: &Path) -> String {
    let out = std::process::Command::new("iconv")
        .args(["-f", "CP932", "-t", "UTF-8"])
        .arg(path)
        .output()
        .expect("iconv");
    assert!(
        out.status.success(),
        "{} does not decode as CP932",
        path.display()
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn quotes_commas_and_line_breaks_survive() {
    let plan = {
        let mut v = careplan_fixtures::plan("case-a.json").to_json_value();
        v["table1"]["support_policy"] =
            serde_json::Value::from("彼は \"大丈夫\" と言った,\r\n改行も,カンマも");
        CarePlan::from_json_value(v).unwrap()
    };
    let set = export(std::slice::from_ref(&plan), &opts()).unwrap();
    let back = import(&inputs(&set.files));
    assert!(back.errors.is_empty());
    assert_eq!(
        back.plans[0]
            .1
            .table1()
            .support_policy
            .as_ref()
            .unwrap()
            .as_str(),
        "彼は \"大丈夫\" と言った,\r\n改行も,カンマも"
    );
}

#[test]
fn characters_ms932_lacks_fail_export_with_every_field_named() {
    let mut v = careplan_fixtures::plan("case-a.json").to_json_value();
    v["table1"]["user"]["name"] = serde_json::Value::from("𠮷田 太郎");
    v["table2"]["needs"][0]["text"] = serde_json::Value::from("散歩したい😀 〜 と − の違い");
    let plan = CarePlan::from_json_value(v).unwrap();
    match export(std::slice::from_ref(&plan), &opts()) {
        Err(ExportError::Unencodable(list)) => {
            let found: Vec<(String, char)> =
                list.iter().map(|u| (u.path.clone(), u.character)).collect();
            for want in [
                ("plans[0].table1.user.name", '𠮷'),
                ("plans[0].table2.needs[0].text", '😀'),
                ("plans[0].table2.needs[0].text", '〜'),
                ("plans[0].table2.needs[0].text", '−'),
            ] {
                assert!(
                    found.contains(&(want.0.to_owned(), want.1)),
                    "{want:?} not in {found:?}"
                );
            }
        }
        other => panic!("expected Unencodable, got {other:?}"),
    }
    // With the JIS→MS932 map, 〜 and − are replaced and reported; 𠮷 and 😀 still fail.
    let mut o = opts();
    o.substitutions = Some(jis_to_ms932());
    let err = export(std::slice::from_ref(&plan), &o).unwrap_err();
    let ExportError::Unencodable(list) = err else {
        panic!()
    };
    let chars: Vec<char> = list.iter().map(|u| u.character).collect();
    assert_eq!(chars.iter().filter(|c| matches!(c, '〜' | '−')).count(), 0);
    assert!(chars.contains(&'𠮷') && chars.contains(&'😀'));
    // A caller's own map for the rest: every substitution is reported.
    let mut map = jis_to_ms932();
    map.insert('𠮷', '吉');
    map.insert('😀', '☆');
    o.substitutions = Some(map);
    let set = export(std::slice::from_ref(&plan), &o).unwrap();
    let subs: Vec<(char, char)> = set.substitutions.iter().map(|s| (s.from, s.to)).collect();
    for pair in [('𠮷', '吉'), ('😀', '☆'), ('〜', '～'), ('−', '－')] {
        assert!(subs.contains(&pair), "{pair:?} not reported: {subs:?}");
    }
    let back = import(&inputs(&set.files));
    assert_eq!(back.plans[0].1.table1().user.name.as_str(), "吉田 太郎");
}

fn sample_files() -> Vec<InputFile> {
    read_dir_inputs(&dir("csv").join("records-md-example"))
}

fn replace_in(files: &mut [InputFile], prefix: &str, from: &str, to: &str) {
    let f = files
        .iter_mut()
        .find(|f| f.name.starts_with(prefix))
        .unwrap();
    let text = encoding::decode(&f.bytes).unwrap();
    assert!(text.contains(from), "{from} not in {}", f.name);
    f.bytes = encoding::encode(&text.replacen(from, to, 1));
}

/// Imports the sample after `edit` and returns the one error, checking it names file, line and field.
fn one_error(edit: impl FnOnce(&mut Vec<InputFile>)) -> ImportError {
    let mut files = sample_files();
    edit(&mut files);
    let got = import(&files);
    assert!(
        got.plans.is_empty(),
        "a plan with an error must not be imported"
    );
    assert_eq!(
        got.errors.len(),
        1,
        "{:?}",
        got.errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
    );
    got.errors.into_iter().next().unwrap()
}

#[test]
fn an_unparseable_period_names_file_line_and_field() {
    let e = one_error(|f| {
        replace_in(
            f,
            "UP2KYO",
            "\"令和7年10月1日～令和7年12月31日\",,",
            "\"来年の春ごろ\",,",
        )
    });
    assert!(e.file.starts_with("UP2KYO_"));
    assert_eq!(
        (e.line, e.field, e.field_name),
        (Some(1), Some(20), Some("実施期間")),
        "{e}"
    );
}

/// その他理由 beside a 算定理由 other than その他 has no place in the plan:
/// the plan is refused with the field named, not imported without it.
#[test]
fn a_stray_other_reason_is_refused_not_dropped() {
    let e = one_error(|f| replace_in(f, "UP1KYO", "。\",2,\"\",,", "。\",2,\"通院の付き添い\",,"));
    assert_eq!(e.code, ImportErrorCode::StrayValue);
    assert!(e.file.starts_with("UP1KYO_"));
    assert_eq!(
        (e.line, e.field, e.field_name),
        (Some(1), Some(26), Some("その他理由")),
        "{e}"
    );
}

/// A plan whose records read but break a rule of the form (checked by
/// careplan-core) is placed back where the rule's field came from: the
/// record, the line of the element, the field the field tables name.
#[test]
fn a_rule_of_the_form_is_placed_at_its_record_line_and_field() {
    let mut files = sample_files();
    // The first short-term goal's period moves past its long-term goal's end.
    replace_in(
        &mut files,
        "UP2KYO",
        "\"令和7年10月1日～令和7年12月31日\",1,\"入浴の介助\"",
        "\"令和9年1月1日～令和9年3月31日\",1,\"入浴の介助\"",
    );
    let got = import(&files);
    assert!(got.plans.is_empty());
    let located: Vec<String> = got
        .errors
        .iter()
        .map(|e| {
            assert_eq!(e.code, ImportErrorCode::FormRule, "{e}");
            assert_eq!(e.rule, Some(careplan_core::Rule::PeriodOutsideParent));
            let v = e.violation.as_ref().unwrap();
            assert!(e.message_ja.contains(&v.message_ja()));
            assert!(e.message_en.contains(&v.message_en()));
            let prefix: String = e.file.chars().take(6).collect();
            format!(
                "{prefix}:{}:{} {}",
                e.line.unwrap(),
                e.field.unwrap(),
                v.path()
            )
        })
        .collect();
    let short = "table2.needs[0].long_term_goals[0].short_term_goals[0]";
    assert_eq!(
        located,
        [
            format!("UP2KYO:1:12 {short}.period"),
            format!("UP2KYO:1:20 {short}.services[0].period"),
            format!("UP2KYO:2:20 {short}.services[1].period"),
            format!("UP2KYO:3:20 {short}.services[2].period"),
        ]
    );
    assert_eq!(got.errors[0].field_name, Some("短期期間"));
}

/// A field of 第1表 carried by UPHOSOKU is placed in UPHOSOKU: a 利用者名
/// longer than the forms hold (a rule careplan-core checks).
#[test]
fn a_rule_of_the_form_on_the_user_is_placed_in_the_supplementary_record() {
    let e = one_error(|f| {
        replace_in(
            f,
            "UPHOSOKU",
            "\"岩手 花子\"",
            &format!("\"{}\"", "花".repeat(101)),
        )
    });
    assert!(e.file.starts_with("UPHOSOKU_"), "{e}");
    assert_eq!(
        (e.line, e.field, e.field_name),
        (Some(1), Some(6), Some("利用者氏名")),
        "{e}"
    );
    assert_eq!(e.rule, Some(careplan_core::Rule::NameTooLong));
}

#[test]
fn an_unknown_code_names_its_field() {
    let e = one_error(|f| replace_in(f, "UP1KYO", ",11,2,", ",19,2,"));
    assert_eq!(
        (e.line, e.field, e.field_name),
        (Some(1), Some(16), Some("計画書区分")),
        "{e}"
    );
    let e = one_error(|f| replace_in(f, "UP3KYO", "\"訪問介護\",1,", "\"訪問介護\",8,"));
    assert_eq!(
        (e.line, e.field, e.field_name),
        (Some(1), Some(7), Some("曜日")),
        "{e}"
    );
    let e = one_error(|f| replace_in(f, "UP1KYO", ",20260831,22,", ",20260831,12,"));
    assert_eq!(e.field, Some(21), "{e}");
    assert!(e.message().contains("介護予防"), "{e}");
}

#[test]
fn broken_quoting_and_wrong_field_counts_are_reported() {
    let e = one_error(|f| replace_in(f, "UP3KYO", "\"通所介護\",4,", "\"通所介護,4,"));
    assert!(e.file.starts_with("UP3KYO_") && e.line.is_some(), "{e}");
    let e = one_error(|f| replace_in(f, "UP2KYO", ",\"隔週\",", ",\"隔週\",\"余分\","));
    assert!(e.file.starts_with("UP2KYO_") && e.line == Some(4), "{e}");
    assert!(e.message().contains("23"), "{e}");
}

#[test]
fn mixed_csv_versions_are_refused() {
    let e = one_error(|f| {
        let file = f.iter_mut().find(|x| x.name.starts_with("UP3KYO")).unwrap();
        let text = encoding::decode(&file.bytes).unwrap();
        let mut lines: Vec<String> = text.split("\r\n").map(str::to_owned).collect();
        lines[2] = lines[2].replacen("202407", "202208", 1);
        file.bytes = encoding::encode(&lines.join("\r\n"));
    });
    assert_eq!(
        (e.line, e.field, e.field_name),
        (Some(3), Some(1), Some("CSVバージョン")),
        "{e}"
    );
    assert!(e.message().contains("複数のCSVバージョン"), "{e}");
}

#[test]
fn bytes_that_are_not_ms932_are_refused() {
    let e = one_error(|f| {
        let file = f.iter_mut().find(|x| x.name.starts_with("UP1KYO")).unwrap();
        file.bytes.extend_from_slice(b"\x82\xff\r\n");
    });
    // The record's wishes field holds two line breaks: the bad bytes are on physical line 4.
    assert!(e.file.starts_with("UP1KYO_") && e.line == Some(4), "{e}");
    assert!(e.message().contains("MS932"), "{e}");
}

#[test]
fn a_second_or_third_table_without_a_first_is_an_error() {
    let mut files = sample_files();
    files.retain(|f| !f.name.starts_with("UP1KYO"));
    let got = import(&files);
    assert!(got.plans.is_empty());
    assert_eq!(got.errors.len(), 1);
    let e = &got.errors[0];
    assert!(e.message().contains("1表"), "{e}");
    assert!(e.line.is_some() && e.field.is_some(), "{e}");
}

#[test]
fn a_plan_without_its_second_table_is_reported_at_its_first_table() {
    let mut files = sample_files();
    files.retain(|f| !f.name.starts_with("UP2KYO"));
    let got = import(&files);
    assert!(got.plans.is_empty());
    assert_eq!(got.errors.len(), 1);
    let e = &got.errors[0];
    assert!(e.file.starts_with("UP1KYO_"), "{e}");
    assert_eq!((e.line, e.field), (Some(1), Some(14)), "{e}");
    assert!(e.message().contains("2表"), "{e}");
}

#[test]
fn a_failing_plan_does_not_stop_the_others() {
    let mut files = read_dir_inputs(&dir("csv").join("two-users-lf-repeated"));
    // Break only the second user's 第2表 period.
    let f = files
        .iter_mut()
        .find(|x| x.name.starts_with("UP2KYO"))
        .unwrap();
    let text = encoding::decode(&f.bytes).unwrap();
    f.bytes = encoding::encode(&text.replace("\"R7.11.5~R8.2.28\"", "\"R7.13.5~R8.2.28\""));
    let got = import(&files);
    assert_eq!(got.plans.len(), 1);
    assert_eq!(got.plans[0].0.insured.as_str(), "0000000011");
    assert!(!got.errors.is_empty());
    assert!(
        got.errors.iter().all(|e| e
            .plan
            .as_ref()
            .is_some_and(|p| p.insured.as_str() == "H000000022")),
        "{:?}",
        got.errors
    );
}

#[test]
fn withdrawal_files_are_written_and_read() {
    let (_, plan) = plans().into_iter().next().unwrap();
    let key = PlanKey::of(&plan);
    let set = export_withdrawal(std::slice::from_ref(&key), &opts()).unwrap();
    assert!(set.files[0].name.starts_with("DLT1KYO_1370000001_43_"));
    let back = import(&inputs(&set.files));
    assert_eq!(back.withdrawn, vec![key]);
}

#[test]
fn periods_parse_in_every_spelling() {
    let d = |y, m, day| chrono::NaiveDate::from_ymd_opt(y, m, day).unwrap();
    for (text, start, end) in [
        (
            "令和7年4月1日～令和7年9月30日",
            d(2025, 4, 1),
            Some(d(2025, 9, 30)),
        ),
        (
            "令和7年4月1日〜令和7年9月30日",
            d(2025, 4, 1),
            Some(d(2025, 9, 30)),
        ),
        ("R7.4.1~R7.9.30", d(2025, 4, 1), Some(d(2025, 9, 30))),
        ("2025/04/01-2025/09/30", d(2025, 4, 1), Some(d(2025, 9, 30))),
        ("2025-04-01-2025-09-30", d(2025, 4, 1), Some(d(2025, 9, 30))),
        ("令和7年4月1日～", d(2025, 4, 1), None),
        ("令和7年4月1日", d(2025, 4, 1), None),
    ] {
        let p = parse_period(text).unwrap_or_else(|| panic!("{text}"));
        assert_eq!((p.start(), p.end()), (start, end), "{text}");
    }
    for bad in [
        "",
        "来年",
        "令和7年9月30日～令和7年4月1日",
        "2025/13/01-2025/12/01",
    ] {
        assert!(parse_period(bad).is_none(), "{bad}");
    }
}

/// Replaces every character MS932 cannot carry in the plan's text.
fn ms932_only(plan: CarePlan) -> CarePlan {
    fn walk(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::String(s) => {
                *s = s
                    .chars()
                    .map(|c| if encoding::carried(c) { c } else { 'あ' })
                    .collect()
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(walk),
            serde_json::Value::Object(o) => o.values_mut().for_each(walk),
            _ => {}
        }
    }
    let mut v = plan.to_json_value();
    walk(&mut v);
    CarePlan::from_json_value(v).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn generated_plans_round_trip(parts in careplan_core::arbitrary::plan_strategy(), repeat in any::<bool>()) {
        let plan = ms932_only(CarePlan::new(parts).unwrap());
        let mut o = opts();
        o.repeat_values = repeat;
        let set = export(std::slice::from_ref(&plan), &o).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let back = import(&inputs(&set.files));
        prop_assert!(back.errors.is_empty(), "{:?}", back.errors.iter().map(ToString::to_string).collect::<Vec<_>>());
        prop_assert_eq!(back.plans.len(), 1);
        prop_assert_eq!(back.plans[0].1.to_json_value(), canonical(&plan).to_json_value());
        // Written again, the set carries every field it did, field by field.
        let again = export(std::slice::from_ref(&back.plans[0].1), &o).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let lost = common::differences(&common::rows_by_record(&inputs(&set.files)), &common::rows_by_record(&inputs(&again.files)));
        prop_assert!(lost.is_empty(), "{:?}", lost.iter().map(|d| &d.2).collect::<Vec<_>>());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// No input makes import panic: arbitrary bytes under every file kind.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400), kind in 0usize..6) {
        let prefix = ["UPHOSOKU_000000_", "UP1KYO_", "UP2KYO_", "UP3KYO_", "DLT1KYO_", "OTHER_"][kind];
        let got = import(&[InputFile { name: format!("{prefix}x.CSV"), bytes }]);
        prop_assert!(got.plans.is_empty());
    }

    /// Mangled records of a real send set (a field replaced by random text)
    /// give errors or plans, never a panic, and never a plan with errors.
    #[test]
    fn mangled_fields_never_panic(file in 0usize..4, line in 0usize..6, field in 0usize..63, junk in "[0-9A-Za-z,\"～\\n年月日 ]{0,12}") {
        let mut files = sample_files();
        files.sort_by(|a, b| a.name.cmp(&b.name));
        let f = &mut files[file];
        let text = encoding::decode(&f.bytes).unwrap();
        let mut records: Vec<String> = text.split("\r\n").map(str::to_owned).collect();
        let n = records.len().saturating_sub(1).max(1);
        let rec = &mut records[line % n];
        let mut fields: Vec<String> = rec.split(',').map(str::to_owned).collect();
        let i = field % fields.len();
        fields[i] = junk;
        *rec = fields.join(",");
        f.bytes = encoding::encode(&records.join("\r\n"));
        let got = import(&files);
        for (key, _) in &got.plans {
            prop_assert!(got.errors.iter().all(|e| e.plan.as_ref() != Some(key)));
        }
    }
}
