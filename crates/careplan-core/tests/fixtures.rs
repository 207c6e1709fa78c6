//! Integration tests over `fixtures/`: every plan validates and round-trips;
//! every invalid document is rejected with the path and rule of the one rule
//! it breaks (see `fixtures/invalid/expected.json`).

// cfg(test) lets clippy.toml's allow-*-in-tests cover the helpers too.
#![cfg(test)]

use careplan_core::CarePlan;
use careplan_fixtures::{files, plan, plans, read};

#[test]
fn there_are_at_least_five_plans() {
    assert!(files("plans").len() >= 5, "{:?}", files("plans"));
}

#[test]
fn every_plan_fixture_is_valid() {
    for f in files("plans") {
        if let Err(e) = CarePlan::from_json(&read(&f)) {
            panic!("{} is invalid:\n{e}", f.display());
        }
    }
}

#[test]
fn every_plan_fixture_round_trips_exactly() {
    for f in files("plans") {
        let text = read(&f);
        let plan = CarePlan::from_json(&text).unwrap();
        // The typed plan writes back the very document it was read from...
        let original: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(plan.to_json_value(), original, "{}", f.display());
        // ...and reading that again gives the same plan.
        let again = CarePlan::from_json(&plan.to_json_pretty()).unwrap();
        assert_eq!(again, plan, "{}", f.display());
        // serde's own entry points agree with from_json.
        let via_serde: CarePlan = serde_json::from_str(&text).unwrap();
        assert_eq!(via_serde, plan);
        assert_eq!(serde_json::to_value(&plan).unwrap(), original);
    }
}

#[test]
fn case_a_holds_what_the_seed_says() {
    let plan = plan("case-a.json");
    let t1 = plan.table1();
    assert_eq!(plan.user_age(), Some(75));
    let fmt = careplan_core::wareki::format_date;
    assert_eq!(fmt(t1.created_on).unwrap(), "平成27年12月3日");
    assert_eq!(fmt(t1.certification_date).unwrap(), "平成27年9月10日");
    let period = t1.certification_period.unwrap();
    assert_eq!(fmt(period.start()).unwrap(), "平成27年9月10日");
    assert_eq!(fmt(period.end()).unwrap(), "平成28年9月30日");
    let relations: Vec<String> = t1
        .wishes
        .iter()
        .map(|w| match &w.speaker {
            careplan_core::Speaker::User => "本人".to_owned(),
            careplan_core::Speaker::Family { relation } => relation.to_string(),
        })
        .collect();
    assert_eq!(relations, ["本人", "妻", "長男", "次男"]);
    assert!(t1.wishes[0].text.as_str().contains("孫と遊びにいきたいね"));
    let needs: Vec<&str> = plan
        .table2()
        .needs
        .iter()
        .map(|n| n.text.as_str())
        .collect();
    assert!(needs[0].contains("自分で移動が出来るようになりたい"));
    assert!(needs[1].contains("家事をする能力はあるが体がだるく"));
}

#[test]
fn fixtures_cover_the_required_situations() {
    use careplan_core::{CareLevel, CertificationStatus, HouseworkReason};
    let plans: Vec<CarePlan> = plans().into_iter().map(|(_, p)| p).collect();
    let any = |f: &dyn Fn(&CarePlan) -> bool| plans.iter().any(f);
    assert!(any(
        &|p| p.table1().certification_status == CertificationStatus::Applying
    ));
    assert!(any(&|p| matches!(
        p.table1().housework_reason,
        Some(HouseworkReason::Other(_))
    )));
    assert!(any(&|p| p.table1().care_level == Some(CareLevel::Care5)));
    assert!(any(
        &|p| p.table1().user.birth_date < chrono::NaiveDate::from_ymd_opt(1927, 1, 1).unwrap()
    ));
    assert!(any(&|p| p.table1().consent.is_some()));
    assert!(any(&|p| p
        .table1()
        .user
        .insured_number
        .as_str()
        .starts_with('H')));
    // Family, 配食サービス and 民生委員 alongside insurance services in one plan.
    assert!(any(&|p| {
        let types: Vec<&str> = p
            .table2()
            .services()
            .map(|s| s.service_type.as_str())
            .collect();
        types.contains(&"家族")
            && types.iter().any(|t| t.starts_with("配食サービス"))
            && types.contains(&"民生委員")
            && p.table2().services().any(|s| s.insured)
    }));
    // A night-time service: a weekly block between 22:00 and 06:00.
    assert!(any(&|p| p.table3().weekly.iter().any(|w| {
        w.service.is_some() && (w.time.start().hour() >= 22 || w.time.end().minutes() <= 6 * 60)
    })));
    // A long 第2表: many rows.
    assert!(any(&|p| p.table2().services().count() >= 15));
}

#[test]
fn text_that_is_not_json_is_one_syntax_violation() {
    let text = read(&careplan_fixtures::dir("unreadable").join("not-json.json"));
    let err = CarePlan::from_json(&text).unwrap_err();
    let found: Vec<(String, &str)> = err
        .violations()
        .iter()
        .map(|v| (v.path().to_string(), v.rule().code()))
        .collect();
    assert_eq!(found, vec![("table1".to_owned(), "json_syntax")]);
}

/// Every invalid fixture is refused with exactly the one violation its
/// entry in `expected.json` names, and every file has an entry. Failures are
/// collected, so one run lists every fixture that misbehaves.
#[test]
fn every_invalid_fixture_breaks_exactly_its_expected_rule() {
    let on_disk: Vec<String> = files("invalid")
        .iter()
        .map(|p| careplan_fixtures::name(p))
        .collect();
    let expected = careplan_fixtures::invalid();
    let listed: Vec<&String> = expected.keys().collect();
    assert_eq!(
        on_disk.iter().collect::<Vec<_>>(),
        listed,
        "files ≠ expected.json"
    );
    assert!(on_disk.len() >= 50, "{}", on_disk.len());
    let failures: Vec<String> = expected
        .iter()
        .filter_map(|(file, exp)| rejection(file, exp).err())
        .collect();
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// Whether `file` is refused as `exp` says, or what happened instead.
fn rejection(file: &str, exp: &careplan_fixtures::Invalid) -> Result<(), String> {
    let text = read(&careplan_fixtures::dir("invalid").join(file));
    let err = match CarePlan::from_json(&text) {
        Ok(_) => return Err(format!("{file}: accepted")),
        Err(e) => e,
    };
    let found: Vec<(String, &str)> = err
        .violations()
        .iter()
        .map(|v| (v.path().to_string(), v.rule().code()))
        .collect();
    if found != [(exp.path.clone(), exp.rule.as_str())] {
        return Err(format!(
            "{file}: expected {} {}, found {found:?}",
            exp.path, exp.rule
        ));
    }
    // The messages name the place in Japanese and carry the rule in English.
    let v = &err.violations()[0];
    if v.message_ja().is_empty() || !v.message_en().contains(&exp.path) {
        return Err(format!(
            "{file}: messages {} / {}",
            v.message_ja(),
            v.message_en()
        ));
    }
    Ok(())
}

/// The illustrative service-code master reads the same from CSV and JSON,
/// and every row says where its figures come from and that it is not official.
#[test]
fn the_illustrative_master_reads_alike_in_both_forms() {
    use careplan_core::service_codes::Master;
    let dir = careplan_fixtures::dir("masters");
    let csv = careplan_fixtures::read(&dir.join("service-codes-illustrative.csv"));
    let json = careplan_fixtures::read(&dir.join("service-codes-illustrative.json"));
    let from_csv = Master::from_csv(&csv).unwrap();
    assert_eq!(from_csv, Master::from_json(&json).unwrap());
    assert!(from_csv.rows().count() >= 2);
    for row in from_csv.rows() {
        let source = row.source.as_ref().map(|s| s.as_str()).unwrap_or_default();
        assert!(
            source.starts_with("NOT OFFICIAL."),
            "{}: {source}",
            row.code.as_str()
        );
    }
}
