//! 第1表 and the user: UPHOSOKU and UP1KYO.

use careplan_core::forms::kyotaku::fields::{document, table1 as f1};
use careplan_core::{CarePlan, FieldPath, HouseworkReason, PlanKind, Speaker, Table1};

use super::{Writer, csv_code, key, raw, ymd};
use crate::records::{HOSOKU_PLAN_MONTH, Hosoku, PLAN_KIND_CODES, Up1kyo};

/// The marker of the user's own wishes in 「…意向を踏まえた課題分析の結果」.
pub(crate) const USER_MARK: &str = "本人";
/// The marker of the analysis text in that field.
pub(crate) const ANALYSIS_MARK: &str = "課題分析の結果";

/// 第1表's one text field for wishes and analysis (UP1KYO No.22). A plan
/// with people's wishes writes careplan's convention: each person's wishes
/// on lines of their own opened by 【本人】 or 【続柄】, then
/// 【課題分析の結果】 and the analysis. A plan with no wishes writes its
/// analysis as it is, with no marker: that is how other products write the
/// field, and how a field imported without the convention is kept
/// ([`crate::import`] reads the convention only where a text follows it
/// exactly).
pub(crate) fn wishes_field(plan: &CarePlan) -> Option<String> {
    let t1 = plan.table1();
    if t1.wishes.is_empty() {
        return t1.analysis.as_ref().map(|a| a.as_str().to_owned());
    }
    let wishes: Vec<(&Speaker, &str)> = t1
        .wishes
        .iter()
        .map(|w| (&w.speaker, w.text.as_str()))
        .collect();
    Some(marked_field(
        &wishes,
        t1.analysis.as_ref().map(|a| a.as_str()),
    ))
}

/// Wishes and an analysis in careplan's convention for UP1KYO No.22.
pub(crate) fn marked_field(wishes: &[(&Speaker, &str)], analysis: Option<&str>) -> String {
    let mut parts = Vec::new();
    for (speaker, text) in wishes {
        let who = match speaker {
            Speaker::User => USER_MARK,
            Speaker::Family { relation } => relation.as_str(),
        };
        parts.push(format!("【{who}】{text}"));
    }
    if let Some(a) = analysis {
        parts.push(format!("【{ANALYSIS_MARK}】{a}"));
    }
    parts.join("\n")
}

/// 認定有効期間開始日 and 終了日, or two blanks.
fn certification_period(t1: &Table1) -> (String, String) {
    match t1.certification_period {
        Some(r) => (ymd(r.start()), ymd(r.end())),
        None => (String::new(), String::new()),
    }
}

/// 要介護状態区分 as the standard's code (21–25), or blank.
fn care_level_code(t1: &Table1) -> String {
    t1.care_level
        .map(|l| csv_code(l.csv_code()))
        .unwrap_or_default()
}

/// 計画書区分 of the circled kinds.
fn plan_kind_code(t1: &Table1) -> String {
    let k = t1.plan_kinds;
    let flags = [
        k.contains(PlanKind::Initial),
        k.contains(PlanKind::Referral),
        k.contains(PlanKind::Continuation),
    ];
    PLAN_KIND_CODES
        .iter()
        .find(|(_, f)| *f == flags)
        .map_or("54", |(code, _)| code)
        .to_owned()
}

/// UPHOSOKU: the user and the certification.
pub(super) fn hosoku(w: &mut Writer, plan: &CarePlan, p: &FieldPath) -> Hosoku {
    let t1 = plan.table1();
    let u = &t1.user;
    let pu = f1::USER.of(&document::TABLE1.of(p));
    let key = key(plan);
    let sup = t1.supplementary.as_ref();
    // 限度額適用期間: its own where the plan has one, else 認定の有効期間.
    let (limit_start, limit_end) = match sup.and_then(|x| x.limit_period) {
        Some(r) => (ymd(r.start()), ymd(r.end())),
        None => certification_period(t1),
    };
    let count = |v: Option<u32>| v.map(|n| n.to_string()).unwrap_or_default();
    let mut h = Hosoku {
        csv_version: key.csv_version,
        insurer_number: key.insurer_number,
        insured_number: key.insured_number,
        plan_date: ymd(t1.plan_date),
        name_kana: w.opt_text(
            &f1::user::NAME_KANA.of(&pu),
            u.name_kana.as_ref().map(|k| k.as_str()),
        ),
        name: w.text(&f1::user::NAME.of(&pu), u.name.as_str()),
        sex: u
            .sex
            .and_then(|s| s.csv_code())
            .unwrap_or_default()
            .to_owned(),
        birth_date: ymd(u.birth_date),
        postal_code: raw(&u.postal_code),
        address1: w.opt_text(
            &f1::user::ADDRESS.of(&pu),
            u.address.as_ref().map(|a| a.as_str()),
        ),
        address2: w.opt_text(
            &f1::user::ADDRESS2.of(&pu),
            u.address2.as_ref().map(|a| a.as_str()),
        ),
        phone: raw(&u.phone),
        certification_date: ymd(t1.certification_date),
        limit_start,
        limit_end,
        certification_status: t1
            .certification_status
            .csv_code()
            .unwrap_or_default()
            .to_owned(),
        care_level: care_level_code(t1),
        consent_vendor: raw(&t1.consent_receiver_code),
        vendor_code: raw(&t1.updater_code),
        target_month: HOSOKU_PLAN_MONTH.to_owned(),
        care_level_changed_on: sup
            .and_then(|x| x.care_level_changed_on)
            .map(ymd)
            .unwrap_or_default(),
        limit_units: count(sup.and_then(|x| x.limit_units)),
        total_over: count(sup.and_then(|x| x.total_over_units)),
        days_before_admission: count(sup.and_then(|x| x.days_before_admission)),
        days_admitted: count(sup.and_then(|x| x.days_admitted)),
        previous_care_level: sup
            .and_then(|x| x.previous_level)
            .and_then(|l| l.csv_code())
            .unwrap_or_default()
            .to_owned(),
        ..Hosoku::default()
    };
    // The nine サービス種類別支給限度 slots, four fields each from No.20.
    let kinds = sup.map(|x| x.kind_limits.as_slice()).unwrap_or_default();
    for (slot, k) in (0u16..).zip(kinds) {
        let first = Hosoku::KIND1_CODE + 4 * slot;
        let values = [
            k.kind.as_str().to_owned(),
            count(k.limit_units),
            count(k.total_units),
            count(k.over_units),
        ];
        for (no, v) in (first..).zip(values) {
            // careplan-core allows no more than the nine slots there are.
            if let Some(f) = h.field_mut(no).filter(|_| no <= Hosoku::KIND9_OVER) {
                *f = v;
            }
        }
    }
    h
}

/// UP1KYO: 第1表.
pub(super) fn up1kyo(w: &mut Writer, plan: &CarePlan, p: &FieldPath) -> Up1kyo {
    let t1 = plan.table1();
    let p1 = document::TABLE1.of(p);
    let pu = f1::USER.of(&p1);
    let po = f1::OFFICE.of(&p1);
    let key = key(plan);
    let (certification_start, certification_end) = certification_period(t1);
    let wishes = wishes_field(plan);
    let opt = |t: &Option<careplan_core::Text>| t.as_ref().map(|x| x.as_str().to_owned());
    Up1kyo {
        csv_version: key.csv_version,
        insurer_number: key.insurer_number,
        insured_number: key.insured_number,
        created_on: ymd(t1.created_on),
        user_postal_code: raw(&t1.user.postal_code),
        user_address1: w.opt_text(
            &f1::user::ADDRESS.of(&pu),
            t1.user.address.as_ref().map(|a| a.as_str()),
        ),
        user_address2: w.opt_text(
            &f1::user::ADDRESS2.of(&pu),
            t1.user.address2.as_ref().map(|a| a.as_str()),
        ),
        planner: w.text(&f1::PLANNER_NAME.of(&p1), t1.planner_name.as_str()),
        office_name: w.text(&f1::office::NAME.of(&po), t1.office.name.as_str()),
        office_postal_code: raw(&t1.office.postal_code),
        office_address1: w.opt_text(
            &f1::office::ADDRESS.of(&po),
            t1.office.address.as_ref().map(|a| a.as_str()),
        ),
        office_address2: w.opt_text(
            &f1::office::ADDRESS2.of(&po),
            t1.office.address2.as_ref().map(|a| a.as_str()),
        ),
        office_number: t1.office.office_number.as_str().to_owned(),
        plan_date: ymd(t1.plan_date),
        first_plan_date: ymd(t1.first_plan_date),
        plan_kind: plan_kind_code(t1),
        certification_status: t1
            .certification_status
            .csv_code()
            .unwrap_or_default()
            .to_owned(),
        certification_date: ymd(t1.certification_date),
        certification_start,
        certification_end,
        care_level: care_level_code(t1),
        wishes_and_analysis: w.opt_text(&f1::WISHES.of(&p1), wishes.as_deref()),
        committee_opinion: w.opt_text(
            &f1::COMMITTEE_OPINION.of(&p1),
            opt(&t1.committee_opinion).as_deref(),
        ),
        support_policy: w.opt_text(
            &f1::SUPPORT_POLICY.of(&p1),
            opt(&t1.support_policy).as_deref(),
        ),
        housework_reason: t1
            .housework_reason
            .as_ref()
            .map(|r| csv_code(r.code().csv_code()))
            .unwrap_or_default(),
        other_reason: match &t1.housework_reason {
            Some(HouseworkReason::Other(t)) => w.text(
                &f1::housework_reason::TEXT.of(&f1::HOUSEWORK_REASON.of(&p1)),
                t.as_str(),
            ),
            _ => String::new(),
        },
        vendor_code: raw(&t1.updater_code),
        ..Up1kyo::default()
    }
}
