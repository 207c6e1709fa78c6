//! The 介護予防サービス・支援計画書 into UPYOBO (one row per plan) and
//! UPYOBO_SUB (one row per 利用サービス, the 課題 and 支援計画 texts on their
//! first row only, as the standard requires).

use careplan_core::forms::yobo::fields::{
    area, assessment, center, consent, document as f, issue, life_goals, planner, planner_office,
    service, support, user,
};
use careplan_core::forms::yobo::{Area, PreventivePlan, ServicePeriod};
use careplan_core::{CertificationStatus, FieldPath, PlanKind};

use super::{Writer, csv_code, period_text, raw, ymd};
use crate::records::{PLAN_KIND_CODES, Upyobo, UpyoboSub};
use crate::{CSV_VERSION, ExportError};

/// 有無 and 要否: 1 有/要, 2 無/否 (YOBO.md §5).
pub(crate) const YES_NO: [(&str, bool); 2] = [("1", true), ("2", false)];

fn yes_no(v: Option<bool>) -> String {
    match v {
        Some(true) => "1".to_owned(),
        Some(false) => "2".to_owned(),
        None => String::new(),
    }
}

/// 期間 as the one free-text field carries it: the dates in 和暦, the words,
/// or both (the dates, a space, the words).
pub(crate) fn period_field(p: &ServicePeriod) -> String {
    match (p.dates, &p.note) {
        (Some(d), Some(n)) => format!("{} {}", period_text(d), n.as_str()),
        (Some(d), None) => period_text(d),
        (None, Some(n)) => n.as_str().to_owned(),
        (None, None) => String::new(),
    }
}

/// The UPYOBO row of a plan.
pub(crate) fn upyobo(w: &mut Writer, plan: &PreventivePlan, p: &FieldPath) -> Upyobo {
    let x = plan.parts();
    let pu = f::USER.of(p);
    let pp = f::PLANNER.of(p);
    let po = f::PLANNER_OFFICE.of(p);
    let pc = f::CENTER.of(p);
    let pl = f::LIFE_GOALS.of(p);
    let pa = f::ASSESSMENT.of(p);
    let kinds = [
        PlanKind::Initial,
        PlanKind::Referral,
        PlanKind::Continuation,
    ]
    .map(|k| x.plan_kinds.contains(k));
    let kinds_code = PLAN_KIND_CODES
        .iter()
        .find(|(_, flags)| *flags == kinds)
        .map(|(c, _)| *c);
    let mut area_fields = |field: &careplan_core::Field, a: &Area| {
        let pr = field.of(&pa);
        (
            w.opt_text(
                &area::SITUATION.of(&pr),
                a.situation.as_ref().map(|t| t.as_str()),
            ),
            w.opt_text(&area::WISHES.of(&pr), a.wishes.as_ref().map(|t| t.as_str())),
            yes_no(a.has_issue),
            w.opt_text(
                &area::BACKGROUND.of(&pr),
                a.background.as_ref().map(|t| t.as_str()),
            ),
        )
    };
    let motor = area_fields(&assessment::MOTOR, &x.assessment.motor);
    let daily = area_fields(&assessment::DAILY_LIFE, &x.assessment.daily_life);
    let social = area_fields(&assessment::SOCIAL, &x.assessment.social);
    let health = area_fields(&assessment::HEALTH, &x.assessment.health);
    let counts = x.checklist.as_ref().map(|c| c.counts.to_array());
    let count = |i: usize| {
        counts
            .and_then(|c| c.get(i).copied())
            .map(|n| n.to_string())
            .unwrap_or_default()
    };
    let programmes = x
        .checklist
        .as_ref()
        .map(|c| c.programmes)
        .unwrap_or_default();
    let programme = |i: usize| yes_no(programmes.get(i).copied().flatten());
    let office = x.planner_office.as_ref();
    let text = |w: &mut Writer, path: FieldPath, v: Option<&careplan_core::Text>| {
        w.opt_text(&path, v.map(|t| t.as_str()))
    };
    Upyobo {
        csv_version: CSV_VERSION.to_owned(),
        insurer_number: x.user.insurer_number.as_str().to_owned(),
        insured_number: x.user.insured_number.as_str().to_owned(),
        plan_date: ymd(x.plan_date),
        plan_type: csv_code(x.plan_type.csv_code()),
        entrusted: if x.entrusted { "2" } else { "1" }.to_owned(),
        record_number: text(w, f::RECORD_NUMBER.of(p), x.record_number.as_ref()),
        user_name: w.text(&user::NAME.of(&pu), x.user.name.as_str()),
        certification_date: x.certification.date.map(ymd).unwrap_or_default(),
        certification_start: x
            .certification
            .period
            .map(|r| ymd(r.start()))
            .unwrap_or_default(),
        certification_end: x
            .certification
            .period
            .map(|r| ymd(r.end()))
            .unwrap_or_default(),
        plan_kinds: csv_code(kinds_code),
        certification_status: x
            .certification_status
            .map(|s: CertificationStatus| csv_code(s.csv_code()))
            .unwrap_or_default(),
        level: csv_code(x.level.csv_code()),
        center_staff: text(w, planner::CENTER_STAFF.of(&pp), x.planner.center_staff()),
        care_manager: text(w, planner::CARE_MANAGER.of(&pp), x.planner.care_manager()),
        office_name: text(w, planner_office::NAME.of(&po), office.map(|o| &o.name)),
        office_address: text(
            w,
            planner_office::ADDRESS.of(&po),
            office.and_then(|o| o.address.as_ref()),
        ),
        office_phone: raw(&office.and_then(|o| o.phone.clone())),
        first_plan_date: x.first_plan_date.map(ymd).unwrap_or_default(),
        center: text(w, center::NAME.of(&pc), x.center.name.as_ref()),
        day_goal: text(w, life_goals::DAY.of(&pl), x.life_goals.day.as_ref()),
        year_goal: text(w, life_goals::YEAR.of(&pl), x.life_goals.year.as_ref()),
        motor_situation: motor.0,
        motor_wishes: motor.1,
        motor_has_issue: motor.2,
        motor_background: motor.3,
        daily_situation: daily.0,
        daily_wishes: daily.1,
        daily_has_issue: daily.2,
        daily_background: daily.3,
        social_situation: social.0,
        social_wishes: social.1,
        social_has_issue: social.2,
        social_background: social.3,
        health_situation: health.0,
        health_wishes: health.1,
        health_has_issue: health.2,
        health_background: health.3,
        health_notes: text(w, f::HEALTH_NOTES.of(p), x.health_notes.as_ref()),
        fallback_policy: text(w, f::FALLBACK_POLICY.of(p), x.fallback_policy.as_ref()),
        policy: text(w, f::POLICY.of(p), x.policy.as_ref()),
        count_motor: count(0),
        count_nutrition: count(1),
        count_oral: count(2),
        count_housebound: count(3),
        count_memory: count(4),
        count_mood: count(5),
        programme_motor: programme(0),
        programme_nutrition: programme(1),
        programme_oral: programme(2),
        programme_housebound: programme(3),
        programme_memory: programme(4),
        programme_mood: programme(5),
        opinion: text(w, center::OPINION.of(&pc), x.center.opinion.as_ref()),
        consent_date: x.consent.as_ref().map(|c| ymd(c.date)).unwrap_or_default(),
        consent_signer: text(
            w,
            consent::SIGNER.of(&f::CONSENT.of(p)),
            x.consent.as_ref().map(|c| &c.signer),
        ),
    }
}

/// A number 1–99 of the 別表, or the error naming where the plan has more.
fn no(n: usize, path: &FieldPath, what: &str) -> Result<String, ExportError> {
    let n = n + 1;
    if n > 99 {
        return Err(ExportError::TooMany {
            path: path.to_string(),
            what: what.to_owned(),
        });
    }
    Ok(n.to_string())
}

/// The UPYOBO_SUB rows of a plan: one per 利用サービス (a 支援計画 without
/// services, or a 課題 without 支援計画, has one row of its own). The texts
/// of a 課題 and of a 支援計画 stand on their first row only, unless
/// `repeat` (the standard asks for the blanks; repeating is for receivers
/// that cannot read them).
pub(crate) fn upyobo_sub(
    w: &mut Writer,
    plan: &PreventivePlan,
    p: &FieldPath,
    repeat: bool,
) -> Result<Vec<UpyoboSub>, ExportError> {
    let x = plan.parts();
    let key = |r: UpyoboSub| UpyoboSub {
        csv_version: CSV_VERSION.to_owned(),
        insurer_number: x.user.insurer_number.as_str().to_owned(),
        insured_number: x.user.insured_number.as_str().to_owned(),
        plan_date: ymd(x.plan_date),
        ..r
    };
    let mut rows = Vec::new();
    let pi = f::ISSUES.of(p);
    for (i, is) in x.issues.iter().enumerate() {
        let pii = pi.index(i);
        let issue_no = no(i, &pii, "課題")?;
        let t = |w: &mut Writer, field: &careplan_core::Field, v: Option<&careplan_core::Text>| {
            w.opt_text(&field.of(&pii), v.map(|t| t.as_str()))
        };
        let issue_texts = (
            w.text(&issue::TEXT.of(&pii), is.text.as_str()),
            t(w, &issue::PROPOSAL, is.proposal.as_ref()),
            t(w, &issue::WISHES, is.wishes.as_ref()),
            t(w, &issue::GOAL, is.goal.as_ref()),
        );
        let issue_row = |first: bool| {
            let (a, b, c, d) = if first || repeat {
                issue_texts.clone()
            } else {
                Default::default()
            };
            UpyoboSub {
                issue_no: issue_no.clone(),
                issue: a,
                proposal: b,
                wishes: c,
                goal: d,
                ..UpyoboSub::default()
            }
        };
        if is.supports.is_empty() {
            rows.push(key(issue_row(true)));
            continue;
        }
        let ps = issue::SUPPORTS.of(&pii);
        for (j, s) in is.supports.iter().enumerate() {
            let psj = ps.index(j);
            let support_no = no(j, &psj, "支援計画")?;
            let st =
                |w: &mut Writer, field: &careplan_core::Field, v: Option<&careplan_core::Text>| {
                    w.opt_text(&field.of(&psj), v.map(|t| t.as_str()))
                };
            let support_texts = (
                st(w, &support::POINT, s.point.as_ref()),
                st(w, &support::SELF_CARE, s.self_care.as_ref()),
                st(w, &support::INSURED_SERVICE, s.insured_service.as_ref()),
            );
            let services: Vec<Option<&careplan_core::forms::yobo::UsedService>> =
                if s.services.is_empty() {
                    vec![None]
                } else {
                    s.services.iter().map(Some).collect()
                };
            let pv = support::SERVICES.of(&psj);
            for (k, v) in services.into_iter().enumerate() {
                let pvk = pv.index(k);
                let first_of_support = k == 0;
                let (a, b, c) = if first_of_support || repeat {
                    support_texts.clone()
                } else {
                    Default::default()
                };
                let mut row = issue_row(j == 0 && first_of_support);
                row.support_no = support_no.clone();
                row.point = a;
                row.self_care = b;
                row.insured_service = c;
                if let Some(v) = v {
                    row.service_no = no(k, &pvk, "利用サービス")?;
                    row.kind =
                        w.opt_text(&service::KIND.of(&pvk), v.kind.as_ref().map(|t| t.as_str()));
                    row.provider = w.opt_text(
                        &service::PROVIDER.of(&pvk),
                        v.provider.as_ref().map(|t| t.as_str()),
                    );
                    let period = v.period.as_ref().map(period_field).unwrap_or_default();
                    row.period = w.text(&service::PERIOD_NOTE.of(&pvk), &period);
                }
                rows.push(key(row));
            }
        }
    }
    Ok(rows)
}
