//! Integration tests over `fixtures/`: every plan validates and round-trips;
//! every invalid document is rejected with the path and rule of the one rule
//! it breaks (see `fixtures/invalid/expected.json`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use careplan_core::CarePlan;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn plan_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("fixtures/plans"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

#[derive(serde::Deserialize)]
struct Expected {
    path: String,
    rule: String,
}

fn expectations() -> BTreeMap<String, Expected> {
    serde_json::from_str(&read(&root().join("fixtures/invalid/expected.json"))).unwrap()
}

#[test]
fn there_are_at_least_five_plans() {
    assert!(plan_files().len() >= 5, "{:?}", plan_files());
}

#[test]
fn every_plan_fixture_is_valid() {
    for f in plan_files() {
        if let Err(e) = CarePlan::from_json(&read(&f)) {
            panic!("{} is invalid:\n{e}", f.display());
        }
    }
}

#[test]
fn every_plan_fixture_round_trips_exactly() {
    for f in plan_files() {
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
    let plan = CarePlan::from_json(&read(&root().join("fixtures/plans/case-a.json"))).unwrap();
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
    let plans: Vec<CarePlan> = plan_files()
        .iter()
        .map(|f| CarePlan::from_json(&read(f)).unwrap())
        .collect();
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
    let text = read(&root().join("fixtures/unreadable/not-json.json"));
    let err = CarePlan::from_json(&text).unwrap_err();
    let found: Vec<(String, &str)> = err
        .violations()
        .iter()
        .map(|v| (v.path().to_string(), v.rule().code()))
        .collect();
    assert_eq!(found, vec![("table1".to_owned(), "json_syntax")]);
}

#[test]
fn every_invalid_file_has_an_expectation_and_a_test() {
    let on_disk: Vec<String> = std::fs::read_dir(root().join("fixtures/invalid"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json") && n != "expected.json")
        .collect();
    let expected = expectations();
    for f in &on_disk {
        assert!(
            expected.contains_key(f),
            "{f} has no entry in expected.json"
        );
        assert!(
            TESTED.contains(&f.as_str()),
            "{f} has no invalid_case! test"
        );
    }
    assert_eq!(on_disk.len(), expected.len());
    assert_eq!(on_disk.len(), TESTED.len());
}

fn assert_rejected(file: &str) {
    let expected = expectations();
    let exp = expected
        .get(file)
        .unwrap_or_else(|| panic!("no expectation for {file}"));
    let text = read(&root().join("fixtures/invalid").join(file));
    let err = CarePlan::from_json(&text).expect_err(file);
    let found: Vec<(String, &str)> = err
        .violations()
        .iter()
        .map(|v| (v.path().to_string(), v.rule().code()))
        .collect();
    assert_eq!(found, vec![(exp.path.clone(), exp.rule.as_str())], "{file}");
    // The messages name the place in Japanese and carry the rule in English.
    let v = &err.violations()[0];
    assert!(
        !v.message_ja().is_empty() && v.message_en().contains(&exp.path),
        "{file}"
    );
}

macro_rules! invalid_case {
    ($name:ident, $file:literal) => {
        #[test]
        fn $name() {
            assert_rejected($file);
        }
    };
}

const TESTED: &[&str] = &[
    "analysis-control-character.json",
    "birth-after-certification.json",
    "birth-before-1873.json",
    "care-level-support-2.json",
    "care-level-unknown.json",
    "care-level-yoshien-kanji.json",
    "certification-period-reversed.json",
    "certified-without-care-level.json",
    "certified-without-period.json",
    "consent-on-draft.json",
    "created-on-february-30.json",
    "created-on-wareki.json",
    "daily-activity-end-before-start.json",
    "duplicate-service-id.json",
    "family-wish-without-relation.json",
    "first-plan-after-plan-date.json",
    "housework-living-alone-with-text.json",
    "housework-other-without-text.json",
    "insured-as-string.json",
    "insured-missing.json",
    "insured-number-h-eight-digits.json",
    "insurer-number-five-digits.json",
    "kana-in-hiragana.json",
    "long-term-goals-missing.json",
    "long-term-period-reversed.json",
    "needs-empty.json",
    "non-weekly-unknown-service-ref.json",
    "office-number-nine-digits.json",
    "period-without-start.json",
    "plan-kinds-duplicate.json",
    "plan-kinds-empty.json",
    "planner-name-blank.json",
    "postal-code-without-hyphen.json",
    "provider-office-number-letters.json",
    "service-content-missing.json",
    "service-outside-short-term.json",
    "service-ref-bad-format.json",
    "services-empty.json",
    "short-term-outside-long-term.json",
    "short-term-starts-before-long-term.json",
    "starts-from-with-slash.json",
    "status-missing.json",
    "status-unknown.json",
    "support-policy-too-long.json",
    "table3-missing.json",
    "time-after-24.json",
    "time-one-digit-hour.json",
    "unknown-field.json",
    "unknown-service-ref.json",
    "user-name-missing.json",
    "user-name-too-long.json",
    "user-wish-with-relation.json",
    "weekday-duplicate.json",
    "weekday-unknown.json",
    "weekdays-empty.json",
    "weekly-crosses-midnight.json",
    "weekly-entry-without-target.json",
    "wish-who-unknown.json",
];

invalid_case!(
    analysis_control_character,
    "analysis-control-character.json"
);
invalid_case!(birth_after_certification, "birth-after-certification.json");
invalid_case!(birth_before_1873, "birth-before-1873.json");
invalid_case!(care_level_support_2, "care-level-support-2.json");
invalid_case!(care_level_unknown, "care-level-unknown.json");
invalid_case!(care_level_yoshien_kanji, "care-level-yoshien-kanji.json");
invalid_case!(
    certification_period_reversed,
    "certification-period-reversed.json"
);
invalid_case!(
    certified_without_care_level,
    "certified-without-care-level.json"
);
invalid_case!(certified_without_period, "certified-without-period.json");
invalid_case!(consent_on_draft, "consent-on-draft.json");
invalid_case!(created_on_february_30, "created-on-february-30.json");
invalid_case!(created_on_wareki, "created-on-wareki.json");
invalid_case!(
    daily_activity_end_before_start,
    "daily-activity-end-before-start.json"
);
invalid_case!(duplicate_service_id, "duplicate-service-id.json");
invalid_case!(
    family_wish_without_relation,
    "family-wish-without-relation.json"
);
invalid_case!(
    first_plan_after_plan_date,
    "first-plan-after-plan-date.json"
);
invalid_case!(
    housework_living_alone_with_text,
    "housework-living-alone-with-text.json"
);
invalid_case!(
    housework_other_without_text,
    "housework-other-without-text.json"
);
invalid_case!(insured_as_string, "insured-as-string.json");
invalid_case!(insured_missing, "insured-missing.json");
invalid_case!(
    insured_number_h_eight_digits,
    "insured-number-h-eight-digits.json"
);
invalid_case!(
    insurer_number_five_digits,
    "insurer-number-five-digits.json"
);
invalid_case!(kana_in_hiragana, "kana-in-hiragana.json");
invalid_case!(long_term_goals_missing, "long-term-goals-missing.json");
invalid_case!(long_term_period_reversed, "long-term-period-reversed.json");
invalid_case!(needs_empty, "needs-empty.json");
invalid_case!(
    non_weekly_unknown_service_ref,
    "non-weekly-unknown-service-ref.json"
);
invalid_case!(office_number_nine_digits, "office-number-nine-digits.json");
invalid_case!(period_without_start, "period-without-start.json");
invalid_case!(plan_kinds_duplicate, "plan-kinds-duplicate.json");
invalid_case!(plan_kinds_empty, "plan-kinds-empty.json");
invalid_case!(planner_name_blank, "planner-name-blank.json");
invalid_case!(
    postal_code_without_hyphen,
    "postal-code-without-hyphen.json"
);
invalid_case!(
    provider_office_number_letters,
    "provider-office-number-letters.json"
);
invalid_case!(service_content_missing, "service-content-missing.json");
invalid_case!(
    service_outside_short_term,
    "service-outside-short-term.json"
);
invalid_case!(service_ref_bad_format, "service-ref-bad-format.json");
invalid_case!(services_empty, "services-empty.json");
invalid_case!(
    short_term_outside_long_term,
    "short-term-outside-long-term.json"
);
invalid_case!(
    short_term_starts_before_long_term,
    "short-term-starts-before-long-term.json"
);
invalid_case!(starts_from_with_slash, "starts-from-with-slash.json");
invalid_case!(status_missing, "status-missing.json");
invalid_case!(status_unknown, "status-unknown.json");
invalid_case!(support_policy_too_long, "support-policy-too-long.json");
invalid_case!(table3_missing, "table3-missing.json");
invalid_case!(time_after_24, "time-after-24.json");
invalid_case!(time_one_digit_hour, "time-one-digit-hour.json");
invalid_case!(unknown_field, "unknown-field.json");
invalid_case!(unknown_service_ref, "unknown-service-ref.json");
invalid_case!(user_name_missing, "user-name-missing.json");
invalid_case!(user_name_too_long, "user-name-too-long.json");
invalid_case!(user_wish_with_relation, "user-wish-with-relation.json");
invalid_case!(weekday_duplicate, "weekday-duplicate.json");
invalid_case!(weekday_unknown, "weekday-unknown.json");
invalid_case!(weekdays_empty, "weekdays-empty.json");
invalid_case!(weekly_crosses_midnight, "weekly-crosses-midnight.json");
invalid_case!(
    weekly_entry_without_target,
    "weekly-entry-without-target.json"
);
invalid_case!(wish_who_unknown, "wish-who-unknown.json");
