//! The 介護予防サービス・支援計画書 records (UPYOBO, UPYOBO_SUB, DLTYOBO): a
//! hand-written send set, the round trip of every fixture, the files'
//! encoding and line ends, and bad input placed by file, line and field.

#![cfg(test)]

mod common;

use std::process::Command;

use careplan_core::PreventivePlan;
use careplan_core::forms::yobo::SupportLevel;
use careplan_csv::*;
use careplan_fixtures::{dir, files, read};
use common::inputs;

fn opts() -> ExportOptions {
    ExportOptions::new(
        Endpoint::parse("0300000100:46").unwrap(),
        Endpoint::parse("0300000005:15").unwrap(),
        "20251201093000",
    )
    .unwrap()
}

fn plans() -> Vec<(String, PreventivePlan)> {
    files("yobo/plans")
        .iter()
        .map(|p| {
            (
                careplan_fixtures::name(p),
                PreventivePlan::from_json(&read(p)).unwrap(),
            )
        })
        .collect()
}

#[test]
fn every_yobo_fixture_round_trips_to_its_canonical_form() {
    let all: Vec<PreventivePlan> = plans().into_iter().map(|(_, p)| p).collect();
    for repeat in [false, true] {
        let o = ExportOptions {
            repeat_values: repeat,
            ..opts()
        };
        let set = export_preventive(&all, &o).unwrap();
        assert_eq!(set.files.len(), 2);
        assert!(
            set.files[0]
                .name
                .starts_with("UPYOBO_0300000100_46_0300000005_15_20251201093000")
        );
        assert!(
            set.files[1]
                .name
                .starts_with("UPYOBO_SUB_0300000100_46_0300000005_15_20251201093000")
        );
        let back = import(&inputs(&set.files));
        assert!(
            back.errors.is_empty(),
            "{:?}",
            back.errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
        );
        assert!(back.plans.is_empty());
        assert_eq!(back.preventive.len(), all.len());
        for plan in &all {
            let key = PlanKey {
                insurer: plan.parts().user.insurer_number.clone(),
                insured: plan.parts().user.insured_number.clone(),
                plan_date: plan.parts().plan_date,
            };
            let got = back
                .preventive
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, p)| p)
                .unwrap();
            assert_eq!(*got, canonical_preventive(plan), "{key} (repeat {repeat})");
        }
    }
}

#[test]
fn the_files_are_ms932_with_crlf_and_the_blanks_the_standard_asks_for() {
    let all: Vec<PreventivePlan> = plans().into_iter().map(|(_, p)| p).collect();
    let set = export_preventive(&all, &opts()).unwrap();
    let tmp = std::env::temp_dir().join(format!("careplan-yobo-csv-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    for f in &set.files {
        let path = tmp.join(&f.name);
        std::fs::write(&path, &f.bytes).unwrap();
        let out = Command::new("iconv")
            .args(["-f", "CP932", "-t", "UTF-8"])
            .arg(&path)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", f.name);
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.ends_with("\r\n"));
        assert_eq!(
            text.matches("\r\n").count(),
            text.matches('\n').count() - embedded_newlines(&text)
        );
    }
    // 別表: the 課題 text on its first row only.
    let sub = String::from_utf8(
        Command::new("iconv")
            .args(["-f", "CP932", "-t", "UTF-8"])
            .arg(tmp.join(&set.files[1].name))
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(sub.contains("浴槽の出入りが不安定で、転倒のおそれがある。\""));
    assert!(
        sub.contains(",1,\"\",\"\",\"\",\"\",2,"),
        "a later row of 課題1 leaves its texts blank"
    );
}

/// Line breaks inside quoted text (kept as written, LF or CRLF).
fn embedded_newlines(text: &str) -> usize {
    let mut inside = false;
    let mut n = 0;
    let mut prev = ' ';
    for c in text.chars() {
        if c == '"' {
            inside = !inside;
        }
        if c == '\n' && inside && prev != '\r' {
            n += 1;
        }
        prev = c;
    }
    n
}

#[test]
fn the_hand_written_send_set_imports_as_the_layout_describes() {
    let dir = dir("csv").join("yobo-layout-example");
    let mut files: Vec<InputFile> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| InputFile {
            name: p.file_name().unwrap().to_string_lossy().into_owned(),
            bytes: std::fs::read(&p).unwrap(),
        })
        .collect();
    files.sort_by(|a, b| a.name.cmp(&b.name)); // the 別表 after its parent, or not: any order
    files.reverse();
    let got = import(&files);
    assert!(
        got.errors.is_empty(),
        "{:?}",
        got.errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
    );
    assert_eq!(got.preventive.len(), 2);
    let first = &got
        .preventive
        .iter()
        .find(|(k, _)| k.insurer.as_str() == "123456")
        .unwrap()
        .1;
    let p = first.parts();
    assert_eq!(p.level, SupportLevel::Support2);
    assert_eq!(p.issues.len(), 2);
    let issue = &p.issues[0];
    assert_eq!(issue.supports.len(), 2);
    assert_eq!(issue.supports[1].services.len(), 2);
    // The blanks after a group's first row are filled from it.
    assert_eq!(
        issue.supports[1].point.as_ref().unwrap().as_str(),
        "地域の体操教室に参加する。"
    );
    // A 和暦 period reads as dates; words stay words.
    let s0 = &issue.supports[0].services[0];
    assert!(s0.period.as_ref().unwrap().dates.is_some());
    let s1 = &issue.supports[1].services[1];
    assert_eq!(
        s1.period.as_ref().unwrap().note.as_ref().unwrap().as_str(),
        "3カ月間"
    );
    // 課題2's 支援計画 has no service.
    assert!(p.issues[1].supports[0].services.is_empty());
    let c = p.checklist.as_ref().unwrap();
    assert_eq!(c.counts.to_array(), [3, 0, 1, 1, 0, 1]);
    assert_eq!(c.programmes[0], Some(true));
    let second = &got
        .preventive
        .iter()
        .find(|(k, _)| k.insurer.as_str() == "654321")
        .unwrap()
        .1;
    assert_eq!(second.parts().level, SupportLevel::BusinessTarget);
    assert!(second.parts().certification.date.is_none());
}

#[test]
fn bad_rows_are_placed_by_file_line_and_field_and_the_plan_is_refused_whole() {
    let plan = plans()
        .into_iter()
        .find(|(n, _)| n == "support-1-day-service-salon.json")
        .unwrap()
        .1;
    let set = export_preventive(std::slice::from_ref(&plan), &opts()).unwrap();
    let edit = |file: usize, from: &str, to: &str| {
        let mut files = inputs(&set.files);
        let text = encoding_rs::SHIFT_JIS
            .decode(&files[file].bytes)
            .0
            .into_owned();
        assert!(text.contains(from), "{from}");
        files[file].bytes = encoding_rs::SHIFT_JIS
            .encode(&text.replacen(from, to, 1))
            .0
            .into_owned();
        import(&files)
    };
    // 課題ＮＯ not a number: UPYOBO_SUB line 1, field 5.
    let got = edit(1, ",1,\"", ",x,\"");
    assert!(got.preventive.is_empty());
    let e = &got.errors[0];
    assert!(e.file.starts_with("UPYOBO_SUB_"));
    assert_eq!(
        (e.line, e.field, e.field_name),
        (Some(1), Some(5), Some("課題ＮＯ"))
    );
    // 要支援状態区分 4: UPYOBO field 14.
    let got = edit(0, ",11,2,1,\"", ",11,2,4,\"");
    let e = &got.errors[0];
    assert_eq!((e.field, e.code), (Some(14), ImportErrorCode::Code), "{e}");
    assert!(got.preventive.is_empty());
    // A 事業対象者 with a 認定年月日: the form's rule, placed at field 9.
    let got = edit(0, ",11,2,1,\"", ",11,2,3,\"");
    assert!(got.preventive.is_empty());
    assert!(
        got.errors
            .iter()
            .any(|e| e.code == ImportErrorCode::FormRule && e.field == Some(9)),
        "{:?}",
        got.errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
    );
}

#[test]
fn a_withdrawal_names_its_plans() {
    let plan = plans().remove(0).1;
    let key = PlanKey {
        insurer: plan.parts().user.insurer_number.clone(),
        insured: plan.parts().user.insured_number.clone(),
        plan_date: plan.parts().plan_date,
    };
    let set = export_preventive_withdrawal(std::slice::from_ref(&key), &opts()).unwrap();
    assert!(set.files[0].name.starts_with("DLTYOBO_"));
    let got = import(&inputs(&set.files));
    assert_eq!(got.withdrawn_preventive, vec![key]);
    assert!(got.withdrawn.is_empty() && got.errors.is_empty());
}

/// A plan with every character MS932 lacks replaced (the generator draws
/// from all of Unicode's kanji).
fn ms932_only(plan: PreventivePlan) -> PreventivePlan {
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
    PreventivePlan::from_json(&v.to_string()).unwrap()
}

mod generated {
    use super::*;
    use careplan_core::forms::yobo::arbitrary::preventive_plan_strategy;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Generated plans come back from UPYOBO/UPYOBO_SUB as their canonical form.
        #[test]
        fn generated_yobo_plans_round_trip_through_csv(parts in preventive_plan_strategy(), repeat in any::<bool>()) {
            let plan = ms932_only(PreventivePlan::new(parts).unwrap());
            let o = ExportOptions { repeat_values: repeat, ..opts() };
            let set = export_preventive(std::slice::from_ref(&plan), &o).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let back = import(&inputs(&set.files));
            prop_assert!(back.errors.is_empty(), "{:?}", back.errors.iter().map(ToString::to_string).collect::<Vec<_>>());
            prop_assert_eq!(back.preventive.len(), 1);
            prop_assert_eq!(back.preventive[0].1.to_json_value(), canonical_preventive(&plan).to_json_value());
            // Written again, the set carries every field it did, field by field.
            let again = export_preventive(std::slice::from_ref(&back.preventive[0].1), &o).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let lost = crate::common::differences(&crate::common::rows_by_record(&inputs(&set.files)), &crate::common::rows_by_record(&inputs(&again.files)));
            prop_assert!(lost.is_empty(), "{:?}", lost.iter().map(|d| &d.2).collect::<Vec<_>>());
        }

        /// No input makes the 介護予防 import panic.
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400), kind in 0usize..3) {
            let prefix = ["UPYOBO_", "UPYOBO_SUB_", "DLTYOBO_"][kind];
            let got = import(&[InputFile { name: format!("{prefix}x.CSV"), bytes }]);
            prop_assert!(got.preventive.is_empty());
        }
    }
}

mod kihon {
    use super::*;
    use careplan_core::forms::yobo::kihon::Kihon;

    fn all() -> Vec<Kihon> {
        files("yobo/kihon")
            .iter()
            .map(|p| Kihon::from_json(&read(p)).unwrap())
            .collect()
    }

    #[test]
    fn every_kihon_fixture_round_trips_to_its_canonical_form() {
        let all = all();
        let set = export_kihon(&all, &opts()).unwrap();
        let names: Vec<&str> = set.files.iter().map(|f| f.name.as_str()).collect();
        assert!(names[0].starts_with("UPKIHON_0300000100_46_"));
        assert!(names[1].starts_with("UPKIHON_SUB1_"));
        assert!(names[2].starts_with("UPKIHON_SUB2_"));
        let back = import(&inputs(&set.files));
        assert!(
            back.errors.is_empty(),
            "{:?}",
            back.errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
        );
        assert_eq!(back.kihon.len(), all.len());
        for (i, k) in all.iter().enumerate() {
            let got = back
                .kihon
                .iter()
                .find(|(key, _)| key.insured == k.parts().user.insured_number)
                .map(|(_, x)| x)
                .unwrap();
            assert_eq!(*got, canonical_kihon(k, &opts(), i));
        }
    }

    #[test]
    fn the_family_image_is_named_as_the_standard_says() {
        let k = all()
            .into_iter()
            .find(|k| k.parts().family.image.is_some())
            .unwrap();
        let set = export_kihon(std::slice::from_ref(&k), &opts()).unwrap();
        let text = encoding::decode(&set.files[0].bytes).unwrap();
        assert!(
            text.contains("\"UPKIHON_IMAGE_0300000100_46_0300000005_15_20251201093000_0001.jpg\""),
            "{text}"
        );
        // The flags the standard writes 1/0 (該当) and 1/2 (有無).
        assert!(
            text.contains(",0,0,0,0,"),
            "障害等認定 written 0 for 非該当"
        );
    }

    #[test]
    fn a_bad_code_is_placed_at_its_field_and_the_withdrawal_names_the_record() {
        let k = all().remove(0);
        let set = export_kihon(std::slice::from_ref(&k), &opts()).unwrap();
        let mut files = inputs(&set.files);
        let text = encoding::decode(&files[0].bytes).unwrap();
        // 利用者性別 (No.16) 9: no field before it holds a comma.
        let mut edited: Vec<String> = text.trim_end().split(',').map(str::to_owned).collect();
        assert_eq!(edited[15], "2");
        edited[15] = "9".to_owned();
        files[0].bytes = encoding::encode(&(edited.join(",") + "\r\n"));
        let got = import(&files);
        assert!(got.kihon.is_empty());
        let e = &got.errors[0];
        assert_eq!(
            (e.code, e.field, e.field_name),
            (ImportErrorCode::Code, Some(16), Some("利用者性別")),
            "{e}"
        );
        let key = PlanKey {
            insurer: k.parts().user.insurer_number.clone(),
            insured: k.parts().user.insured_number.clone(),
            plan_date: k.parts().consultation_date,
        };
        let set = export_kihon_withdrawal(std::slice::from_ref(&key), &opts()).unwrap();
        assert!(set.files[0].name.starts_with("DLTKIHON_"));
        let mut files = inputs(&set.files);
        // The image beside the records is no error and no record.
        files.push(InputFile {
            name: kihon_image_name(&opts(), 1),
            bytes: vec![0xFF, 0xD8, 0xFF],
        });
        let got = import(&files);
        assert_eq!(got.withdrawn_kihon, vec![key]);
        assert!(got.errors.is_empty(), "{:?}", got.errors);
    }
}
