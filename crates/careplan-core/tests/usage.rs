//! Integration tests over `fixtures/usage/` (第6表): every sheet validates
//! and round-trips exactly; the 区分支給限度基準額 is the table's for the
//! level (the heavier after a change) and month; the calendar gives the
//! days and 曜日; violations are collected; 予定 and 実績 are compared. (Each
//! invalid sheet of `fixtures/usage-invalid/` is checked in `records.rs`.)

#![cfg(test)]

use careplan_core::Level;
use careplan_core::forms::kyotaku::usage::Usage;
use careplan_fixtures::{dir, files, read};
use proptest::prelude::*;

fn usage(file: &str) -> Usage {
    Usage::from_json(&read(&dir("usage").join(file))).unwrap()
}

#[test]
fn every_usage_sheet_round_trips_exactly() {
    let list = files("usage");
    assert!(list.len() >= 3);
    for f in list {
        let text = read(&f);
        let u = Usage::from_json(&text).unwrap_or_else(|e| panic!("{}:\n{e}", f.display()));
        let original: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(u.to_json_value(), original, "{}", f.display());
        assert_eq!(
            Usage::from_json(&u.to_json_pretty()).unwrap(),
            u,
            "{}",
            f.display()
        );
        // Through serde too.
        let via: Usage = serde_json::from_str(&text).unwrap();
        assert_eq!(via, u, "{}", f.display());
    }
}

#[test]
fn the_limit_is_the_tables_for_the_level_and_month() {
    // 要介護２ in 2016-01: the table before 令和元年10月.
    let a = usage("case-a-2016-01.json");
    assert_eq!(a.limit_level(), Level::Care2);
    assert_eq!(a.limit_units().get(), 19_616);
    // 要介護２ → ３ on the 15th: the heavier level's limit for the whole month.
    let c = usage("level-change-2025-04.json");
    assert_eq!(c.limit_level(), Level::Care3);
    assert_eq!(c.limit_units().get(), 27_048);
    // A 事業対象者's is the 市町村's, as written.
    let b = usage("business-target-2025-02.json");
    assert_eq!(b.limit_units().get(), 5_032);
    assert!(b.parts().certification_status.is_none());
}

#[test]
fn days_weekdays_and_totals_follow_the_calendar_and_the_grid() {
    let a = usage("case-a-2016-01.json");
    assert_eq!(a.days_in_month(), 31);
    let wd = |d| a.weekday(d).map(|w| w.label_ja());
    assert_eq!(
        (wd(1), wd(5), wd(31), wd(32)),
        (Some("金"), Some("火"), Some("日"), None)
    );
    let rehab = &a.parts().rows[0];
    // Tuesdays and Fridays of January 2016: nine days planned, one missed.
    assert_eq!(rehab.planned_total(), 9);
    assert_eq!(rehab.actual_total(), 8);
    let c = usage("level-change-2025-04.json");
    assert_eq!(c.days_in_month(), 30);
    // Twice a weekday (22 weekdays), twice a day until the 14th served.
    let help = &c.parts().rows[1];
    assert_eq!(help.planned_total(), 44);
    assert_eq!(help.actual_total(), 2 * 10 + 12);
}

#[test]
fn every_violation_is_collected_not_just_the_first() {
    let mut doc: serde_json::Value =
        serde_json::from_str(&read(&dir("usage").join("case-a-2016-01.json"))).unwrap();
    doc["rows"][0]["code"] = "x".into();
    doc["rows"][1]["planned"][0]["day"] = 32.into();
    doc["limit_units"] = 1.into();
    let err = Usage::from_json(&doc.to_string()).unwrap_err();
    let found: Vec<(String, &str)> = err
        .violations()
        .iter()
        .map(|v| (v.path().to_string(), v.rule().code()))
        .collect();
    assert_eq!(
        found,
        [
            ("limit_units".to_owned(), "limit_mismatch"),
            ("rows[0].code".to_owned(), "service_code_format"),
            ("rows[1].planned[0].day".to_owned(), "day_not_in_month"),
        ]
    );
}

proptest! {
    /// Any month and any days: accepted exactly when every day is one the
    /// month has and they rise strictly; an accepted sheet round-trips.
    #[test]
    fn days_are_accepted_exactly_when_the_month_has_them_in_order(
        year in 2000i32..2100,
        month in 1u32..=12,
        days in proptest::collection::vec(0i64..=33, 1..8),
        counts in proptest::collection::vec(1i64..=3, 8),
    ) {
        let mut doc: serde_json::Value =
            serde_json::from_str(&read(&dir("usage").join("business-target-2025-02.json"))).unwrap();
        doc["month"] = format!("{year:04}-{month:02}").into();
        doc["created_on"] = format!("{year:04}-{month:02}-01").into();
        let list: Vec<serde_json::Value> = days
            .iter()
            .zip(&counts)
            .map(|(d, c)| serde_json::json!({"day": d, "count": c}))
            .collect();
        doc["rows"][0]["planned"] = list.into();
        doc["rows"][0]["actual"] = serde_json::Value::Null;
        let last = (28..=31)
            .rev()
            .find(|d| chrono::NaiveDate::from_ymd_opt(year, month, *d).is_some())
            .unwrap_or(28);
        let valid = days.iter().all(|d| (1..=i64::from(last)).contains(d))
            && days.windows(2).all(|w| w[0] < w[1]);
        let got = Usage::from_json(&doc.to_string());
        prop_assert_eq!(got.is_ok(), valid, "{:?}", got.as_ref().err().map(|e| e.to_string()));
        if let Ok(u) = got {
            prop_assert_eq!(Usage::from_json(&u.to_json_pretty()).unwrap(), u.clone());
            let total: i64 = counts.iter().take(days.len()).sum();
            prop_assert_eq!(i64::from(u.parts().rows[0].planned_total()), total);
        }
    }
}

#[test]
fn plan_and_actual_differences_are_listed_by_row_and_day() {
    let a = usage("case-a-2016-01.json");
    // 通所リハ: the 19th planned, not served; the other rows as planned.
    let d = a.differences(false);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(
        (d[0].row, d[0].day, d[0].planned, d[0].actual),
        (0, 19, 1, 0)
    );
    assert!(d[0].is_not_served() && !d[0].is_unplanned());
    let c = usage("level-change-2025-04.json");
    // 訪問介護 twice a weekday planned, once a day served from the 15th
    // (12 weekdays); 短期入所 has no 実績 yet: left out unless asked.
    let d = c.differences(false);
    assert_eq!(d.len(), 12, "{d:?}");
    assert!(
        d.iter()
            .all(|x| x.row == 1 && x.planned == 2 && x.actual == 1 && x.day >= 15)
    );
    let all = c.differences(true);
    assert_eq!(all.len(), 12 + 4);
    assert!(all.iter().filter(|x| x.row == 2).all(|x| x.is_not_served()));
    // A day served and not planned.
    let fires: Usage = Usage::from_json(&read(&dir("usage-check").join("T6-001.json"))).unwrap();
    let d = fires.differences(false);
    assert!(
        d.iter()
            .any(|x| x.row == 1 && x.day == 7 && x.is_unplanned())
    );
}

#[test]
fn a_sheet_read_from_the_csv_needs_no_names_and_keeps_its_equipment() {
    let mut doc: serde_json::Value =
        serde_json::from_str(&read(&dir("usage").join("care2-under-limit-2025-06.json"))).unwrap();
    doc["planner"]
        .as_object_mut()
        .unwrap()
        .remove("office_name");
    for r in doc["rows"].as_array_mut().unwrap() {
        let r = r.as_object_mut().unwrap();
        r.remove("service");
        r.remove("office_name");
    }
    doc["rows"][0]["tais_code"] = "00150－000123".into();
    doc["rows"][0]["equipment_name"] = "自走用車いす".into();
    doc["rows"][0]["detail_number"] = 2.into();
    let u = Usage::from_json(&doc.to_string()).unwrap();
    let p = u.parts();
    assert!(p.planner.office_name.is_none());
    assert!(
        p.rows
            .iter()
            .all(|r| r.service.is_none() && r.office_name.is_none())
    );
    assert_eq!(p.rows[0].detail_number, Some(2));
    assert_eq!(u.to_json_value(), doc);
    // The equipment's name is printed text; codes are not.
    let texts: Vec<String> = u.texts().into_iter().map(|(p, _)| p.to_string()).collect();
    assert!(
        texts.contains(&"rows[0].equipment_name".to_owned()),
        "{texts:?}"
    );
    assert!(!texts.iter().any(|t| t.ends_with("tais_code")));
}
