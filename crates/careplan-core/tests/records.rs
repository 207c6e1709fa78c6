//! Integration tests over `fixtures/meetings/` (第4表), `fixtures/progress/`
//! (第5表), `fixtures/cases/` (case files) and, for the invalid ones,
//! `fixtures/usage-invalid/` (第6表): every document validates and
//! round-trips exactly, through the form-neutral entry point too; every
//! invalid document is refused with the path and rule of the one rule it
//! breaks (`fixtures/*-invalid/expected.json`).

#![cfg(test)]

use careplan_core::forms::kyotaku::case_file::CaseFile;
use careplan_core::forms::kyotaku::meeting::{Holding, Meeting};
use careplan_core::forms::kyotaku::progress::Progress;
use careplan_core::forms::kyotaku::usage::Usage;
use careplan_core::{CarePlan, Document, Form};
use careplan_fixtures::{files, read};

fn round_trips(folder: &str, form: Form) {
    let list = files(folder);
    assert!(!list.is_empty(), "{folder} is empty");
    for f in list {
        let text = read(&f);
        let doc = Document::from_json(&text).unwrap_or_else(|e| panic!("{}:\n{e}", f.display()));
        assert_eq!(doc.form(), form, "{}", f.display());
        let original: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(doc.to_json_value(), original, "{}", f.display());
        let again = Document::from_json(&doc.to_json_pretty()).unwrap();
        assert_eq!(again, doc, "{}", f.display());
    }
}

#[test]
fn every_meeting_log_and_case_file_round_trips_exactly() {
    round_trips("meetings", Form::Meeting);
    round_trips("progress", Form::Progress);
    round_trips("cases", Form::CaseFile);
}

#[test]
fn the_fixtures_hold_a_meeting_held_and_one_not_held() {
    let held = Meeting::from_json(&read(
        &careplan_fixtures::dir("meetings").join("case-a-first-meeting.json"),
    ))
    .unwrap();
    let Holding::Held(s) = &held.parts().holding else {
        panic!("case A's meeting was held")
    };
    // the seed's family: 本人, 妻 and 長男 attended; 次男 was asked by phone
    let who: Vec<&str> = s.attendees.iter().map(|a| a.affiliation.as_str()).collect();
    assert!(who.contains(&"本人") && who.contains(&"家族（妻）") && who.contains(&"家族（長男）"));
    assert!(
        held.parts()
            .absentees
            .iter()
            .any(|a| a.affiliation.as_str() == "家族（次男）" && a.inquiry.is_some())
    );
    let not = Meeting::from_json(&read(
        &careplan_fixtures::dir("meetings").join("not-held-hospital-stay.json"),
    ))
    .unwrap();
    assert!(matches!(not.parts().holding, Holding::NotHeld { .. }));
    assert_eq!(not.held_on(), None);
}

#[test]
fn case_a_log_covers_a_year_and_the_case_file_holds_the_fixtures() {
    let log = Progress::from_json(&read(
        &careplan_fixtures::dir("progress").join("case-a-first-year.json"),
    ))
    .unwrap();
    let e = &log.parts().entries;
    let days = (e[e.len() - 1].date - e[0].date).num_days();
    assert!(days >= 365, "{days} days");
    // the family's disagreement is recorded, as the seed text asks
    assert!(
        e.iter()
            .any(|x| x.content.as_str().contains("意見が異なる"))
    );
    let case =
        CaseFile::from_json(&read(&careplan_fixtures::dir("cases").join("case-a.json"))).unwrap();
    assert_eq!(case.plan(), Some(&careplan_fixtures::plan("case-a.json")));
    assert_eq!(case.progress(), Some(&log));
    let meeting = Meeting::from_json(&read(
        &careplan_fixtures::dir("meetings").join("case-a-first-meeting.json"),
    ))
    .unwrap();
    assert_eq!(case.meetings(), [meeting]);
    // texts carry the paths of the case file
    assert!(
        case.texts()
            .iter()
            .any(|(p, _)| p.as_str() == "plan.table1.user.name")
    );
    assert!(
        case.texts()
            .iter()
            .any(|(p, _)| p.as_str() == "meetings[0].held.attendees[0].name")
    );
    assert!(
        case.texts()
            .iter()
            .any(|(p, _)| p.as_str() == "progress.entries[0].content")
    );
}

#[test]
fn a_case_file_can_be_put_together_from_checked_parts() {
    let plan: CarePlan = careplan_fixtures::plan("case-a.json");
    let other = Meeting::from_json(&read(
        &careplan_fixtures::dir("meetings").join("not-held-hospital-stay.json"),
    ))
    .unwrap();
    let e = CaseFile::new(Some(plan.clone()), vec![other], None, vec![]).unwrap_err();
    assert_eq!(e.violations()[0].path().as_str(), "meetings[0].user_name");
    assert_eq!(e.violations()[0].rule().code(), "user_mismatch");
    assert!(
        e.violations()[0].location_ja().contains("第４表"),
        "{}",
        e.violations()[0].location_ja()
    );
    assert!(CaseFile::new(None, vec![], None, vec![]).is_err());
    assert!(CaseFile::new(Some(plan.clone()), vec![], None, vec![]).is_ok());

    // The months' 第6表: the plan's user's (by 被保険者番号 as well as by
    // name), one a month.
    let usage =
        |name: &str| Usage::from_json(&read(&careplan_fixtures::dir("usage").join(name))).unwrap();
    let january = usage("case-a-2016-01.json");
    let case = CaseFile::new(Some(plan.clone()), vec![], None, vec![january.clone()]).unwrap();
    assert_eq!(case.usage(), std::slice::from_ref(&january));
    assert!(
        case.texts()
            .iter()
            .any(|(p, t)| p.as_str() == "usage[0].rows[1].office_name"
                && *t == "ひまわりヘルパーステーション")
    );
    let e = CaseFile::new(
        Some(plan.clone()),
        vec![],
        None,
        vec![january.clone(), january.clone()],
    )
    .unwrap_err();
    let found: Vec<(&str, &str)> = e
        .violations()
        .iter()
        .map(|v| (v.path().as_str(), v.rule().code()))
        .collect();
    assert_eq!(found, [("usage[1].month", "duplicate_value")]);
    let someone_else = usage("care2-under-limit-2025-06.json");
    let e = CaseFile::new(Some(plan), vec![], None, vec![someone_else]).unwrap_err();
    let found: Vec<(&str, &str)> = e
        .violations()
        .iter()
        .map(|v| (v.path().as_str(), v.rule().code()))
        .collect();
    assert_eq!(
        found,
        [
            ("usage[0].user.name", "user_mismatch"),
            ("usage[0].user.insured_number", "user_mismatch")
        ]
    );
}

fn invalid(folder: &str, form: Form) {
    let on_disk: Vec<String> = files(folder)
        .iter()
        .map(|p| careplan_fixtures::name(p))
        .collect();
    let expected: std::collections::BTreeMap<String, careplan_fixtures::Invalid> =
        careplan_fixtures::expected(folder);
    assert_eq!(
        on_disk.iter().collect::<Vec<_>>(),
        expected.keys().collect::<Vec<_>>(),
        "{folder}: files ≠ expected.json"
    );
    let mut failures = Vec::new();
    for (file, exp) in &expected {
        let text = read(&careplan_fixtures::dir(folder).join(file));
        let err = match Document::from_json(&text) {
            Ok(_) => {
                failures.push(format!("{file}: accepted"));
                continue;
            }
            Err(e) => e,
        };
        let found: Vec<(String, &str)> = err
            .violations()
            .iter()
            .map(|v| (v.path().to_string(), v.rule().code()))
            .collect();
        if found != [(exp.path.clone(), exp.rule.as_str())] {
            failures.push(format!(
                "{file}: expected {} {}, found {found:?}",
                exp.path, exp.rule
            ));
            continue;
        }
        let v = &err.violations()[0];
        if v.form() != Some(form) || v.message_ja().is_empty() || v.message_en().is_empty() {
            failures.push(format!("{file}: {} / {:?}", v.message_ja(), v.form()));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn every_invalid_document_breaks_exactly_its_expected_rule() {
    invalid("meetings-invalid", Form::Meeting);
    invalid("progress-invalid", Form::Progress);
    invalid("cases-invalid", Form::CaseFile);
    invalid("usage-invalid", Form::Usage);
}
