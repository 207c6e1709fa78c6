//! Checks a 介護予防サービス・支援計画書 document and builds the typed plan:
//! one pass collects every violation with its path; the plan is built only
//! when there are none. Every path is built from the field tables.

use super::checklist::{Answer, Answers, BodyMeasures, Checklist, HEIGHT_MM, WEIGHT_HG};
use super::fields::{
    FORM_CODE, area, assessment, center, checklist as fc, consent, counts, document as f,
    life_goals, planner, planner_office, service, support, user,
};
use super::wire::{
    YoboAreaDoc, YoboChecklistDoc, YoboIssueDoc, YoboPlanDocument, YoboServiceDoc, YoboSupportDoc,
};
use super::{
    Area, Assessment, Center, DomainCounts, Issue, LifeGoals, PLAN_DOMAINS, PlanCertification,
    PlanChecklist, PlanConsent, PlanType, PlanUser, Planner, PlannerOffice, PreventivePlan,
    PreventivePlanParts, ServicePeriod, Support, SupportLevel, UsedService,
};
use crate::certification::is_care_spelling;
use crate::codes::CertificationStatus;
use crate::document::Form;
use crate::error::{Error, Rule, Violation};
use crate::forms::kyotaku::fields::date_range;
use crate::forms::kyotaku::{PlanKind, PlanKinds, PlanStatus};
use crate::path::FieldPath;
use crate::text::{InsuredNumber, InsurerNumber, PhoneNumber};
use crate::time::DateRange;
use crate::validation::{Ctx, is_blank};

/// Checks the document and builds the plan, or reports every violation.
pub(crate) fn build(doc: &YoboPlanDocument) -> Result<PreventivePlan, Error> {
    let mut cx = Ctx::new(Form::YoboPlan);
    let root = FieldPath::root();
    let cx = &mut cx;

    let _form = cx.code(&f::FORM.of(&root), doc.form.as_ref(), &[FORM_CODE], |c| {
        (c == FORM_CODE).then_some(())
    });
    let status = cx.code(
        &f::STATUS.of(&root),
        doc.status.as_ref(),
        PlanStatus::CODES,
        PlanStatus::from_code,
    );
    let record_number = cx.opt_text(&f::RECORD_NUMBER.of(&root), doc.record_number.as_ref());
    let pt_path = f::PLAN_TYPE.of(&root);
    let plan_type = cx.code(
        &pt_path,
        doc.plan_type.as_ref(),
        PlanType::CODES,
        PlanType::from_code,
    );
    let entrusted_path = f::ENTRUSTED.of(&root);
    let entrusted = cx
        .required(&entrusted_path, doc.entrusted.as_ref())
        .copied();
    let plan_kinds = cx
        .code_set(
            &f::PLAN_KINDS.of(&root),
            doc.plan_kinds.as_ref(),
            PlanKind::CODES,
            PlanKind::from_code,
        )
        .and_then(PlanKinds::new);
    let level_path = f::LEVEL.of(&root);
    let level = self::level(cx, &level_path, doc.level.as_ref());
    let cs_path = f::CERTIFICATION_STATUS.of(&root);
    let cs_given = doc.certification_status.as_ref().filter(|s| !is_blank(s));
    let cert_status = match cs_given {
        Some(v) => cx
            .code(
                &cs_path,
                Some(v),
                CertificationStatus::CODES,
                CertificationStatus::from_code,
            )
            .map(Some),
        None if matches!(level, Some(SupportLevel::Support1 | SupportLevel::Support2)) => {
            cx.push(
                Violation::new(cs_path, Rule::Required)
                    .with_detail("required for 要支援 (要支援の場合は必須)"),
            );
            None
        }
        None => Some(None),
    };

    let certification = self::certification(cx, &root, doc, level, cert_status.flatten());

    if level == Some(SupportLevel::BusinessTarget) && plan_type == Some(PlanType::PreventionSupport)
    {
        cx.push(
            Violation::new(pt_path, Rule::PreventionSupportForBusinessTarget)
                .with_value(PlanType::PreventionSupport.code()),
        );
    }

    let pu = f::USER.of(&root);
    let user = cx.required(&pu, doc.user.as_ref()).and_then(|u| {
        let pn = user::NAME.of(&pu);
        let name = cx.name(&pn, u.name.as_ref());
        let insurer_number = cx.checked(
            &user::INSURER_NUMBER.of(&pu),
            u.insurer_number.as_ref(),
            InsurerNumber::new,
        );
        let insured_number = cx.checked(
            &user::INSURED_NUMBER.of(&pu),
            u.insured_number.as_ref(),
            InsuredNumber::new,
        );
        Some(PlanUser {
            name: name?,
            insurer_number: insurer_number?,
            insured_number: insured_number?,
        })
    });

    let pp = f::PLANNER.of(&root);
    let planner = cx.required(&pp, doc.planner.as_ref()).and_then(|p| {
        let staff_path = planner::CENTER_STAFF.of(&pp);
        let manager_path = planner::CARE_MANAGER.of(&pp);
        let staff = cx.opt_text(&staff_path, p.center_staff.as_ref());
        let manager = cx.opt_text(&manager_path, p.care_manager.as_ref());
        let given = |v: &Option<String>| v.as_ref().is_some_and(|s| !is_blank(s));
        if !given(&p.center_staff) && !given(&p.care_manager) {
            cx.violation(&pp, Rule::PlannerNameRequired);
        }
        Planner::new(staff, manager)
    });

    let po = f::PLANNER_OFFICE.of(&root);
    let planner_office = match doc.planner_office.as_ref() {
        None => {
            if entrusted == Some(true) {
                cx.push(
                    Violation::new(po.clone(), Rule::Required)
                        .with_detail("required when entrusted (委託の場合は必須)"),
                );
                None
            } else {
                Some(None)
            }
        }
        Some(o) => {
            let name = cx.text(&planner_office::NAME.of(&po), o.name.as_ref());
            let address = cx.opt_text(&planner_office::ADDRESS.of(&po), o.address.as_ref());
            let phone = cx.opt(
                &planner_office::PHONE.of(&po),
                o.phone.as_ref(),
                PhoneNumber::new,
            );
            name.map(|name| {
                Some(PlannerOffice {
                    name,
                    address,
                    phone,
                })
            })
        }
    };

    let pc = f::CENTER.of(&root);
    let center = match doc.center.as_ref() {
        None => Center::default(),
        Some(c) => Center {
            name: cx.opt_text(&center::NAME.of(&pc), c.name.as_ref()),
            opinion: cx.opt_text(&center::OPINION.of(&pc), c.opinion.as_ref()),
            confirmed_on: cx.opt_date(&center::CONFIRMED_ON.of(&pc), c.confirmed_on.as_ref()),
        },
    };

    let pd_path = f::PLAN_DATE.of(&root);
    let plan_date = cx.date(&pd_path, doc.plan_date.as_ref());
    let fp_path = f::FIRST_PLAN_DATE.of(&root);
    let first_plan_date = cx.opt_date(&fp_path, doc.first_plan_date.as_ref());
    if let (Some(first), Some(pd)) = (first_plan_date, plan_date)
        && first > pd
    {
        cx.push(
            Violation::new(fp_path, Rule::DateOrder)
                .with_value(first.to_string())
                .with_detail(format!("must not be after {pd_path} ({pd})")),
        );
    }

    let pl = f::LIFE_GOALS.of(&root);
    let life_goals = match doc.life_goals.as_ref() {
        None => LifeGoals::default(),
        Some(g) => LifeGoals {
            day: cx.opt_text(&life_goals::DAY.of(&pl), g.day.as_ref()),
            year: cx.opt_text(&life_goals::YEAR.of(&pl), g.year.as_ref()),
        },
    };

    let pa = f::ASSESSMENT.of(&root);
    let assessment = match doc.assessment.as_ref() {
        None => Assessment::default(),
        Some(a) => Assessment {
            motor: self::area(cx, &assessment::MOTOR.of(&pa), a.motor.as_ref()),
            daily_life: self::area(cx, &assessment::DAILY_LIFE.of(&pa), a.daily_life.as_ref()),
            social: self::area(cx, &assessment::SOCIAL.of(&pa), a.social.as_ref()),
            health: self::area(cx, &assessment::HEALTH.of(&pa), a.health.as_ref()),
        },
    };

    let pi = f::ISSUES.of(&root);
    let issues = cx
        .non_empty(&pi, doc.issues.as_ref())
        .and_then(|list| cx.each(&pi, list, issue));

    let health_notes = cx.opt_text(&f::HEALTH_NOTES.of(&root), doc.health_notes.as_ref());
    let fallback_policy = cx.opt_text(&f::FALLBACK_POLICY.of(&root), doc.fallback_policy.as_ref());
    let policy = cx.opt_text(&f::POLICY.of(&root), doc.policy.as_ref());

    let pk = f::CHECKLIST.of(&root);
    let checklist = match doc.checklist.as_ref() {
        None => Some(None),
        Some(c) => self::checklist(cx, &pk, c).map(Some),
    };

    let pcons = f::CONSENT.of(&root);
    let consent = match doc.consent.as_ref() {
        None => Some(None),
        Some(c) => {
            if status == Some(PlanStatus::Draft) {
                cx.violation(&pcons, Rule::ConsentOnDraft);
            }
            let date = cx.date(&consent::DATE.of(&pcons), c.date.as_ref());
            let signer = cx.text(&consent::SIGNER.of(&pcons), c.signer.as_ref());
            (|| {
                Some(Some(PlanConsent {
                    date: date?,
                    signer: signer?,
                }))
            })()
        }
    };

    let plan = (|| {
        Some(PreventivePlan::from_checked_parts(PreventivePlanParts {
            status: status?,
            record_number,
            plan_type: plan_type?,
            entrusted: entrusted?,
            plan_kinds: plan_kinds?,
            certification_status: cert_status?,
            level: level?,
            certification: certification?,
            user: user?,
            planner: planner?,
            planner_office: planner_office?,
            center,
            plan_date: plan_date?,
            first_plan_date,
            life_goals,
            assessment,
            issues: issues?,
            health_notes,
            fallback_policy,
            policy,
            checklist: checklist?,
            consent: consent?,
        }))
    })();
    let cx = std::mem::replace(cx, Ctx::new(Form::YoboPlan));
    match (plan, cx.into_error()) {
        (_, Some(e)) => Err(e),
        (Some(plan), None) => Ok(plan),
        (None, None) => {
            debug_assert!(
                false,
                "a plan part is missing but no violation was reported"
            );
            Err(Error::single(
                Violation::new(root, Rule::Required).in_form(Form::YoboPlan),
            ))
        }
    }
}

/// 要支援１・要支援２・事業対象者; a 要介護 level, in any spelling met in
/// practice, is refused with a rule naming the 居宅サービス計画書.
fn level(cx: &mut Ctx, p: &FieldPath, v: Option<&String>) -> Option<SupportLevel> {
    let v = cx.required(p, v)?;
    if let Some(l) = SupportLevel::from_code(v) {
        return Some(l);
    }
    if is_care_spelling(v) {
        cx.push(Violation::new(p.clone(), Rule::CareLevelOnPreventivePlan).with_value(v));
    } else {
        cx.unknown_code(p, v, SupportLevel::CODES);
    }
    None
}

/// 認定年月日 and 認定の有効期間: none for a 事業対象者; both when a 要支援
/// user is 認定済.
fn certification(
    cx: &mut Ctx,
    root: &FieldPath,
    doc: &YoboPlanDocument,
    level: Option<SupportLevel>,
    status: Option<CertificationStatus>,
) -> Option<PlanCertification> {
    let cd_path = f::CERTIFICATION_DATE.of(root);
    let pp = f::CERTIFICATION_PERIOD.of(root);
    let date_given = doc.certification_date.as_ref().filter(|s| !is_blank(s));
    if level == Some(SupportLevel::BusinessTarget) {
        let mut ok = true;
        if let Some(d) = date_given {
            cx.push(Violation::new(cd_path, Rule::CertificationForBusinessTarget).with_value(d));
            ok = false;
        }
        if let Some(r) = &doc.certification_period {
            let shown = format!(
                "{}～{}",
                r.start.as_deref().unwrap_or_default(),
                r.end.as_deref().unwrap_or_default()
            );
            cx.push(Violation::new(pp, Rule::CertificationForBusinessTarget).with_value(shown));
            ok = false;
        }
        return ok.then_some(PlanCertification {
            date: None,
            period: None,
        });
    }
    let date = cx.opt_date(&cd_path, doc.certification_date.as_ref());
    let period = doc.certification_period.as_ref().map(|r| {
        let start = cx.date(&date_range::START.of(&pp), r.start.as_ref());
        let pe = date_range::END.of(&pp);
        let end = cx.date(&pe, r.end.as_ref());
        let (start, end) = (start?, end?);
        cx.ordered(&pe, DateRange::new(start, end), end, start)
    });
    if status == Some(CertificationStatus::Certified) && level.is_some() {
        let detail = "required when certified (認定済の場合は必須)";
        if date_given.is_none() {
            cx.push(Violation::new(cd_path.clone(), Rule::Required).with_detail(detail));
        }
        if doc.certification_period.is_none() {
            cx.push(Violation::new(pp.clone(), Rule::Required).with_detail(detail));
        }
    }
    let period = match period {
        None => None,
        Some(p) => Some(p?),
    };
    if date_given.is_some() && date.is_none() {
        return None;
    }
    Some(PlanCertification { date, period })
}

fn area(cx: &mut Ctx, p: &FieldPath, a: Option<&YoboAreaDoc>) -> Area {
    let Some(a) = a else { return Area::default() };
    Area {
        situation: cx.opt_text(&area::SITUATION.of(p), a.situation.as_ref()),
        wishes: cx.opt_text(&area::WISHES.of(p), a.wishes.as_ref()),
        has_issue: a.has_issue,
        background: cx.opt_text(&area::BACKGROUND.of(p), a.background.as_ref()),
    }
}

fn issue(cx: &mut Ctx, p: &FieldPath, i: &YoboIssueDoc) -> Option<Issue> {
    use super::fields::issue as fi;
    let text = cx.text(&fi::TEXT.of(p), i.text.as_ref());
    let proposal = cx.opt_text(&fi::PROPOSAL.of(p), i.proposal.as_ref());
    let wishes = cx.opt_text(&fi::WISHES.of(p), i.wishes.as_ref());
    let goal = cx.opt_text(&fi::GOAL.of(p), i.goal.as_ref());
    let ps = fi::SUPPORTS.of(p);
    let supports = match i.supports.as_ref() {
        None => Some(Vec::new()),
        Some(list) => cx.each(&ps, list, self::support),
    };
    Some(Issue {
        text: text?,
        proposal,
        wishes,
        goal,
        supports: supports?,
    })
}

fn support(cx: &mut Ctx, p: &FieldPath, s: &YoboSupportDoc) -> Option<Support> {
    let point = cx.opt_text(&support::POINT.of(p), s.point.as_ref());
    let self_care = cx.opt_text(&support::SELF_CARE.of(p), s.self_care.as_ref());
    let insured_service = cx.opt_text(&support::INSURED_SERVICE.of(p), s.insured_service.as_ref());
    let pv = support::SERVICES.of(p);
    let services = match s.services.as_ref() {
        None => Some(Vec::new()),
        Some(list) => cx.each(&pv, list, self::service),
    };
    Some(Support {
        point,
        self_care,
        insured_service,
        services: services?,
    })
}

fn service(cx: &mut Ctx, p: &FieldPath, s: &YoboServiceDoc) -> Option<UsedService> {
    let kind = cx.opt_text(&service::KIND.of(p), s.kind.as_ref());
    let provider = cx.opt_text(&service::PROVIDER.of(p), s.provider.as_ref());
    let pp = service::PERIOD.of(p);
    let dates = match s.period.as_ref() {
        None => Some(None),
        Some(r) => cx
            .period(
                &pp,
                Some((&r.start, &r.end)),
                &date_range::START,
                &date_range::END,
            )
            .map(Some),
    };
    let note = cx.opt_text(&service::PERIOD_NOTE.of(p), s.period_note.as_ref());
    let dates = dates?;
    let period = (dates.is_some() || note.is_some()).then_some(ServicePeriod { dates, note });
    Some(UsedService {
        kind,
        provider,
        period,
    })
}

/// A measure written in units with one decimal at most (`152.5`), in tenths.
fn tenths(v: &str) -> Option<u16> {
    let (whole, frac) = match v.split_once('.') {
        Some((w, f)) => (w, f),
        None => (v, "0"),
    };
    let ok = (1..=3).contains(&whole.len())
        && whole.bytes().all(|b| b.is_ascii_digit())
        && frac.len() == 1
        && frac.bytes().all(|b| b.is_ascii_digit());
    if !ok {
        return None;
    }
    let w: u16 = whole.parse().ok()?;
    let f: u16 = frac.parse().ok()?;
    w.checked_mul(10)?.checked_add(f)
}

/// A required measure (`152.5`) in tenths within `bounds`, or
/// [`Rule::MeasureFormat`] with the value.
fn measure(cx: &mut Ctx, p: &FieldPath, v: Option<&String>, bounds: (u16, u16)) -> Option<u16> {
    let v = cx.required(p, v)?;
    match tenths(v.trim()) {
        Some(t) if (bounds.0..=bounds.1).contains(&t) => Some(t),
        _ => {
            cx.push(Violation::new(p.clone(), Rule::MeasureFormat).with_value(v.as_str()));
            None
        }
    }
}

/// A filled-in checklist from its 24 answers and question 12's measures
/// (`paths`: of the answers, the height, the weight): `Some(None)` when
/// none is given, `None` when something is wrong (each reported).
pub(crate) fn answers(
    cx: &mut Ctx,
    paths: [&FieldPath; 3],
    list: Option<&Vec<String>>,
    height: Option<&String>,
    weight: Option<&String>,
) -> Option<Option<Checklist>> {
    let [pa, ph, pw] = paths;
    let Some(list) = list else {
        if height.is_some() || weight.is_some() {
            cx.push(
                Violation::new(pa.clone(), Rule::Required)
                    .with_detail("required with height_cm and weight_kg"),
            );
            return None;
        }
        return Some(None);
    };
    let answers = if list.len() == 24 {
        cx.each(pa, list, |cx, pi, code| {
            cx.code(pi, Some(code), Answer::CODES, Answer::from_code)
        })
        .and_then(|l| Answers::from_list(&l))
    } else {
        cx.push(
            Violation::new(pa.clone(), Rule::ChecklistAnswerCount)
                .with_value(list.len().to_string()),
        );
        None
    };
    let h = measure(cx, ph, height, HEIGHT_MM);
    let w = measure(cx, pw, weight, WEIGHT_HG);
    Some(Some(Checklist::new(answers?, BodyMeasures::new(h?, w?)?)))
}

fn checklist(cx: &mut Ctx, p: &FieldPath, c: &YoboChecklistDoc) -> Option<PlanChecklist> {
    let date = cx.opt_date(&fc::DATE.of(p), c.date.as_ref());
    let pa = fc::ANSWERS.of(p);

    // The answers and question 12's measures, when given.
    let answered = answers(
        cx,
        [&pa, &fc::HEIGHT_CM.of(p), &fc::WEIGHT_KG.of(p)],
        c.answers.as_ref(),
        c.height_cm.as_ref(),
        c.weight_kg.as_ref(),
    );

    // The counts as given, each within its domain.
    let pc = fc::COUNTS.of(p);
    let given = c.counts.as_ref().map(|k| {
        let fields = [
            (&counts::MOTOR, k.motor),
            (&counts::NUTRITION, k.nutrition),
            (&counts::ORAL, k.oral),
            (&counts::HOUSEBOUND, k.housebound),
            (&counts::MEMORY, k.memory),
            (&counts::MOOD, k.mood),
        ];
        let mut out = [0u8; 6];
        let mut ok = true;
        for (i, ((field, v), domain)) in fields.into_iter().zip(PLAN_DOMAINS).enumerate() {
            let path = field.of(&pc);
            let Some(v) = v else {
                cx.violation(&path, Rule::Required);
                ok = false;
                continue;
            };
            match u8::try_from(v).ok().filter(|n| *n <= domain.size()) {
                Some(n) => {
                    if let Some(slot) = out.get_mut(i) {
                        *slot = n;
                    }
                }
                None => {
                    cx.push(
                        Violation::new(path, Rule::CountOutOfRange)
                            .with_value(v.to_string())
                            .with_detail(format!("0–{}", domain.size())),
                    );
                    ok = false;
                }
            }
        }
        ok.then_some(out)
    });

    let programmes = c
        .programmes
        .as_ref()
        .map(|g| [g.motor, g.nutrition, g.oral, g.housebound, g.memory, g.mood])
        .unwrap_or_default();

    let answered = answered?;
    let counts = match (answered, given) {
        (Some(list), None) => DomainCounts::of(&list),
        // Counts out of range: reported above.
        (Some(_), Some(None)) => return None,
        (Some(list), Some(Some(g))) => {
            let computed = DomainCounts::of(&list);
            let fields = [
                &counts::MOTOR,
                &counts::NUTRITION,
                &counts::ORAL,
                &counts::HOUSEBOUND,
                &counts::MEMORY,
                &counts::MOOD,
            ];
            let mut agree = true;
            for ((field, typed), computed) in fields.into_iter().zip(g).zip(computed.to_array()) {
                if typed != computed {
                    cx.push(
                        Violation::new(field.of(&pc), Rule::ChecklistCountMismatch)
                            .with_value(typed.to_string())
                            .with_detail(format!("the answers give {computed}")),
                    );
                    agree = false;
                }
            }
            if !agree {
                return None;
            }
            computed
        }
        (None, Some(g)) => DomainCounts::new(g?)?,
        (None, None) => {
            cx.push(
                Violation::new(pc, Rule::Required)
                    .with_detail("the counts, or the answers they are computed from"),
            );
            return None;
        }
    };
    Some(PlanChecklist {
        date,
        answers: answered,
        counts,
        programmes,
    })
}
