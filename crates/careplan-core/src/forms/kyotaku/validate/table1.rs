//! 第1表: the user, the office, dates, the certification, wishes, the
//! housework reason and the consent.

use crate::certification::Level;
use crate::certification::is_preventive_spelling;
use crate::codes::{CertificationStatus, Sex};
use crate::error::{Rule, Violation};
use crate::forms::kyotaku::fields::date_range;
use crate::forms::kyotaku::fields::table1::{
    self as f, consent, housework_reason, office, supplementary as fs, user, wish,
};
use crate::forms::kyotaku::table1::{
    KindLimit, MAX_KIND_LIMITS, MAX_SUPPLEMENTARY_DAYS, MAX_SUPPLEMENTARY_UNITS, Supplementary,
};
use crate::forms::kyotaku::wire::{
    DateRangeDoc, HouseworkReasonDoc, OfficeDoc, SupplementaryDoc, Table1Doc, UserDoc, WishDoc,
};
use crate::forms::kyotaku::{
    CareLevel, Consent, HouseworkReason, HouseworkReasonCode, Office, PlanKind, PlanKinds, Speaker,
    Table1, User, Who, Wish,
};
use crate::path::FieldPath;
use crate::text::{
    InsuredNumber, InsurerNumber, Kana, OfficeNumber, PhoneNumber, PostalCode, ServiceKind, Text,
};
use crate::time::DateRange;
use crate::validation::{Ctx, is_blank};

pub(super) fn table1(cx: &mut Ctx, p: &FieldPath, t: &Table1Doc) -> Option<Table1> {
    let created_on = cx.date(&f::CREATED_ON.of(p), t.created_on.as_ref());
    let plan_kinds = cx
        .code_set(
            &f::PLAN_KINDS.of(p),
            t.plan_kinds.as_ref(),
            PlanKind::CODES,
            PlanKind::from_code,
        )
        .and_then(PlanKinds::new);
    let cert_status = cx.code(
        &f::CERTIFICATION_STATUS.of(p),
        t.certification_status.as_ref(),
        CertificationStatus::CODES,
        CertificationStatus::from_code,
    );

    let pu = f::USER.of(p);
    let user = cx
        .required(&pu, t.user.as_ref())
        .and_then(|u| self::user(cx, &pu, u));
    let planner_name = cx.text(&f::PLANNER_NAME.of(p), t.planner_name.as_ref());
    let po = f::OFFICE.of(p);
    let office = cx
        .required(&po, t.office.as_ref())
        .and_then(|o| self::office(cx, &po, o));

    let pd_path = f::PLAN_DATE.of(p);
    let plan_date = cx.date(&pd_path, t.plan_date.as_ref());
    let fp_path = f::FIRST_PLAN_DATE.of(p);
    let first_plan_date = cx.date(&fp_path, t.first_plan_date.as_ref());
    let cd_path = f::CERTIFICATION_DATE.of(p);
    let certification_date = cx.date(&cd_path, t.certification_date.as_ref());

    let pp = f::CERTIFICATION_PERIOD.of(p);
    let certification_period = t
        .certification_period
        .as_ref()
        .and_then(|r| both_ends(cx, &pp, r));

    let cl_path = f::CARE_LEVEL.of(p);
    let care_level = t
        .care_level
        .as_ref()
        .and_then(|v| self::care_level(cx, &cl_path, v));

    if matches!(cert_status, Some(CertificationStatus::Certified)) {
        let detail = "required when certification_status is certified (認定済の場合は必須)";
        if t.certification_period.is_none() {
            cx.push(Violation::new(pp.clone(), Rule::Required).with_detail(detail));
        }
        if t.care_level.is_none() {
            cx.push(Violation::new(cl_path.clone(), Rule::Required).with_detail(detail));
        }
    }

    // Date order across fields.
    if let (Some(u), Some(cd)) = (user.as_ref(), certification_date)
        && u.birth_date > cd
    {
        cx.push(
            Violation::new(user::BIRTH_DATE.of(&pu), Rule::DateOrder)
                .with_value(u.birth_date.to_string())
                .with_detail(format!("must not be after {cd_path} ({cd})")),
        );
    }
    if let (Some(first), Some(pd)) = (first_plan_date, plan_date)
        && first > pd
    {
        cx.push(
            Violation::new(fp_path.clone(), Rule::DateOrder)
                .with_value(first.to_string())
                .with_detail(format!("must not be after {pd_path} ({pd})")),
        );
    }

    let wishes = self::wishes(cx, &f::WISHES.of(p), t.wishes.as_ref());
    let analysis = cx.opt_text(&f::ANALYSIS.of(p), t.analysis.as_ref());
    let committee_opinion = cx.opt_text(&f::COMMITTEE_OPINION.of(p), t.committee_opinion.as_ref());
    let support_policy = cx.opt_text(&f::SUPPORT_POLICY.of(p), t.support_policy.as_ref());

    let ph = f::HOUSEWORK_REASON.of(p);
    let housework_reason = match t.housework_reason.as_ref() {
        None => Some(None),
        Some(h) => self::housework_reason(cx, &ph, h).map(Some),
    };

    let pc = f::CONSENT.of(p);
    let consent = match t.consent.as_ref() {
        None => Some(None),
        Some(c) => {
            let date = cx.date(&consent::DATE.of(&pc), c.date.as_ref());
            let signer = cx.text(&consent::SIGNER.of(&pc), c.signer.as_ref());
            let proxy_relation =
                cx.opt_text(&consent::PROXY_RELATION.of(&pc), c.proxy_relation.as_ref());
            (|| {
                Some(Some(Consent {
                    date: date?,
                    signer: signer?,
                    proxy_relation,
                }))
            })()
        }
    };

    let updater_code = cx.opt(
        &f::UPDATER_CODE.of(p),
        t.updater_code.as_ref(),
        OfficeNumber::new,
    );
    let consent_receiver_code = cx.opt(
        &f::CONSENT_RECEIVER_CODE.of(p),
        t.consent_receiver_code.as_ref(),
        OfficeNumber::new,
    );

    let ps = f::SUPPLEMENTARY.of(p);
    let supplementary = match t.supplementary.as_ref() {
        None => Some(None),
        Some(x) => self::supplementary(cx, &ps, x).map(Some),
    };

    Some(Table1 {
        created_on: created_on?,
        plan_kinds: plan_kinds?,
        certification_status: cert_status?,
        user: user?,
        planner_name: planner_name?,
        office: office?,
        plan_date: plan_date?,
        first_plan_date: first_plan_date?,
        certification_date: certification_date?,
        certification_period,
        care_level,
        wishes: wishes?,
        analysis,
        committee_opinion,
        support_policy,
        housework_reason: housework_reason?,
        consent: consent?,
        updater_code,
        consent_receiver_code,
        supplementary: supplementary?,
    })
}

/// 要介護状態区分: 要介護１–５; the 介護予防 levels are refused with a rule of
/// their own, in every spelling met in practice.
fn care_level(cx: &mut Ctx, p: &FieldPath, v: &str) -> Option<CareLevel> {
    if let Some(l) = CareLevel::from_code(v) {
        return Some(l);
    }
    if is_preventive_spelling(v) {
        cx.push(Violation::new(p.clone(), Rule::PreventiveCareLevel).with_value(v));
    } else {
        cx.unknown_code(p, v, CareLevel::CODES);
    }
    None
}

fn user(cx: &mut Ctx, p: &FieldPath, u: &UserDoc) -> Option<User> {
    let pn = user::NAME.of(p);
    let name = cx.name(&pn, u.name.as_ref());
    let name_kana = cx.opt(&user::NAME_KANA.of(p), u.name_kana.as_ref(), Kana::new);
    let sex = match u.sex.as_ref().filter(|s| !s.trim().is_empty()) {
        None => None,
        Some(s) => cx.code(&user::SEX.of(p), Some(s), Sex::CODES, Sex::from_code),
    };
    let birth_date = cx.date(&user::BIRTH_DATE.of(p), u.birth_date.as_ref());
    let postal_code = cx.opt(
        &user::POSTAL_CODE.of(p),
        u.postal_code.as_ref(),
        PostalCode::new,
    );
    let address = cx.opt_text(&user::ADDRESS.of(p), u.address.as_ref());
    let address2 = cx.opt_text(&user::ADDRESS2.of(p), u.address2.as_ref());
    let phone = cx.opt(&user::PHONE.of(p), u.phone.as_ref(), PhoneNumber::new);
    let insurer_number = cx.checked(
        &user::INSURER_NUMBER.of(p),
        u.insurer_number.as_ref(),
        InsurerNumber::new,
    );
    let insured_number = cx.checked(
        &user::INSURED_NUMBER.of(p),
        u.insured_number.as_ref(),
        InsuredNumber::new,
    );
    Some(User {
        name: name?,
        name_kana,
        sex,
        birth_date: birth_date?,
        postal_code,
        address,
        address2,
        phone,
        insurer_number: insurer_number?,
        insured_number: insured_number?,
    })
}

fn office(cx: &mut Ctx, p: &FieldPath, o: &OfficeDoc) -> Option<Office> {
    let name = cx.text(&office::NAME.of(p), o.name.as_ref());
    let postal_code = cx.opt(
        &office::POSTAL_CODE.of(p),
        o.postal_code.as_ref(),
        PostalCode::new,
    );
    let address = cx.opt_text(&office::ADDRESS.of(p), o.address.as_ref());
    let address2 = cx.opt_text(&office::ADDRESS2.of(p), o.address2.as_ref());
    let office_number = cx.checked(
        &office::OFFICE_NUMBER.of(p),
        o.office_number.as_ref(),
        OfficeNumber::new,
    );
    Some(Office {
        name: name?,
        postal_code,
        address,
        address2,
        office_number: office_number?,
    })
}

fn wishes(cx: &mut Ctx, p: &FieldPath, v: Option<&Vec<WishDoc>>) -> Option<Vec<Wish>> {
    let Some(v) = v else { return Some(Vec::new()) };
    cx.each(p, v, |cx, pw, w| {
        let who = cx.code(
            &wish::WHO.of(pw),
            w.who.as_ref(),
            Who::CODES,
            Who::from_code,
        );
        let text = cx.text(&wish::TEXT.of(pw), w.text.as_ref());
        let pr = wish::RELATION.of(pw);
        let relation = w.relation.as_ref().filter(|r| !is_blank(r));
        let speaker = match who {
            Some(Who::User) => {
                if let Some(r) = relation {
                    cx.push(Violation::new(pr, Rule::RelationNotAllowed).with_value(r));
                    None
                } else {
                    Some(Speaker::User)
                }
            }
            Some(Who::Family) => match relation {
                None => {
                    cx.violation(&pr, Rule::RelationRequired);
                    None
                }
                Some(r) => cx
                    .leaf(&pr, r, Text::new)
                    .map(|relation| Speaker::Family { relation }),
            },
            None => None,
        };
        Some(Wish {
            speaker: speaker?,
            text: text?,
        })
    })
}

fn housework_reason(
    cx: &mut Ctx,
    p: &FieldPath,
    h: &HouseworkReasonDoc,
) -> Option<HouseworkReason> {
    let code = cx.code(
        &housework_reason::CODE.of(p),
        h.code.as_ref(),
        HouseworkReasonCode::CODES,
        HouseworkReasonCode::from_code,
    )?;
    let pt = housework_reason::TEXT.of(p);
    let text = h.text.as_ref().filter(|t| !is_blank(t));
    match (code, text) {
        (HouseworkReasonCode::Other, None) => {
            cx.violation(&pt, Rule::OtherReasonWithoutText);
            None
        }
        (HouseworkReasonCode::Other, Some(t)) => {
            cx.leaf(&pt, t, Text::new).map(HouseworkReason::Other)
        }
        (_, Some(t)) => {
            cx.push(Violation::new(pt, Rule::TextWithoutOtherReason).with_value(t));
            None
        }
        (HouseworkReasonCode::LivingAlone, None) => Some(HouseworkReason::LivingAlone),
        (HouseworkReasonCode::FamilyIllness, None) => Some(HouseworkReason::FamilyIllness),
    }
}

/// A period with both ends, start ≤ end (認定の有効期間, 限度額適用期間).
fn both_ends(cx: &mut Ctx, p: &FieldPath, r: &DateRangeDoc) -> Option<DateRange> {
    let start = cx.date(&date_range::START.of(p), r.start.as_ref());
    let pe = date_range::END.of(p);
    let end = cx.date(&pe, r.end.as_ref());
    let (start, end) = (start?, end?);
    cx.ordered(&pe, DateRange::new(start, end), end, start)
}

/// A number of units or days within `0..=max`, or a violation.
fn bounded(cx: &mut Ctx, p: &FieldPath, v: Option<&i64>, max: u32) -> Option<Option<u32>> {
    let Some(v) = v else { return Some(None) };
    match u32::try_from(*v).ok().filter(|n| *n <= max) {
        Some(n) => Some(Some(n)),
        None => {
            cx.push(
                Violation::new(p.clone(), Rule::NumberOutOfRange)
                    .with_value(v.to_string())
                    .with_detail(format!("0–{max}")),
            );
            None
        }
    }
}

/// 利用者補足情報's 区分支給限度 figures.
fn supplementary(cx: &mut Ctx, p: &FieldPath, x: &SupplementaryDoc) -> Option<Supplementary> {
    let pl = fs::LIMIT_PERIOD.of(p);
    let limit_period = match x.limit_period.as_ref() {
        None => Some(None),
        Some(r) => both_ends(cx, &pl, r).map(Some),
    };
    let changed = cx.opt_date(
        &fs::CARE_LEVEL_CHANGED_ON.of(p),
        x.care_level_changed_on.as_ref(),
    );
    let units = MAX_SUPPLEMENTARY_UNITS;
    let limit_units = bounded(cx, &fs::LIMIT_UNITS.of(p), x.limit_units.as_ref(), units);
    let total_over = bounded(
        cx,
        &fs::TOTAL_OVER_UNITS.of(p),
        x.total_over_units.as_ref(),
        units,
    );
    let days = MAX_SUPPLEMENTARY_DAYS;
    let before = bounded(
        cx,
        &fs::DAYS_BEFORE_ADMISSION.of(p),
        x.days_before_admission.as_ref(),
        days,
    );
    let admitted = bounded(cx, &fs::DAYS_ADMITTED.of(p), x.days_admitted.as_ref(), days);
    let previous_level = match x.previous_level.as_ref().filter(|s| !is_blank(s)) {
        None => Some(None),
        Some(l) => cx
            .code(
                &fs::PREVIOUS_LEVEL.of(p),
                Some(l),
                Level::CODES,
                Level::from_code,
            )
            .map(Some),
    };
    let pk = fs::KIND_LIMITS.of(p);
    let kinds = x.kind_limits.as_deref().unwrap_or_default();
    if kinds.len() > MAX_KIND_LIMITS {
        cx.push(
            Violation::new(pk.clone(), Rule::TooManyKindLimits).with_value(kinds.len().to_string()),
        );
    }
    let kind_limits = cx.each(&pk, kinds, |cx, pi, k| {
        use crate::forms::kyotaku::fields::table1::supplementary::kind_limit as fk;
        let kind = cx.checked(&fk::KIND.of(pi), k.kind.as_ref(), ServiceKind::new);
        let limit = bounded(cx, &fk::LIMIT_UNITS.of(pi), k.limit_units.as_ref(), units);
        let total = bounded(cx, &fk::TOTAL_UNITS.of(pi), k.total_units.as_ref(), units);
        let over = bounded(cx, &fk::OVER_UNITS.of(pi), k.over_units.as_ref(), units);
        Some(KindLimit {
            kind: kind?,
            limit_units: limit?,
            total_units: total?,
            over_units: over?,
        })
    });
    if kinds.len() > MAX_KIND_LIMITS {
        return None;
    }
    Some(Supplementary {
        limit_period: limit_period?,
        care_level_changed_on: changed,
        limit_units: limit_units?,
        kind_limits: kind_limits?,
        total_over_units: total_over?,
        days_before_admission: before?,
        days_admitted: admitted?,
        previous_level: previous_level?,
    })
}
