//! Checks a plan document and builds the typed plan.
//!
//! One pass over the document form collects every violation with its path;
//! the typed plan is built only when there are none. [`crate::CarePlan::new`]
//! runs the same pass over the document form of its parts, so the rules live
//! in one place.

use std::collections::HashSet;

use chrono::NaiveDate;

use crate::error::{Error, Rule, Violation};
use crate::model::*;
use crate::path::FieldPath;
use crate::text::{InsuredNumber, InsurerNumber, Kana, OfficeNumber, PostalCode, ServiceId, Text};
use crate::time::{DateRange, Period, TimeOfDay, TimeRange, Weekday, Weekdays, YearMonth};
use crate::wire::*;

/// The earliest date a plan may hold: the forms print 和暦, which starts
/// with the Gregorian calendar in Japan on 1873-01-01.
const MIN_DATE: (i32, u32, u32) = (1873, 1, 1);
/// The latest date a plan may hold.
const MAX_DATE: (i32, u32, u32) = (2999, 12, 31);

struct Ctx {
    /// Every violation found so far, in document order.
    violations: Vec<Violation>,
}

impl Ctx {
    fn push(&mut self, v: Violation) {
        self.violations.push(v);
    }

    fn violation(&mut self, path: &FieldPath, rule: Rule) {
        self.push(Violation::new(path.clone(), rule));
    }

    /// A required field: reports [`Rule::Required`] when it is absent.
    fn required<'a, T>(&mut self, path: &FieldPath, v: Option<&'a T>) -> Option<&'a T> {
        if v.is_none() {
            self.violation(path, Rule::Required);
        }
        v
    }

    /// A leaf value checked by `check`; reports the rule it breaks, with the value.
    fn leaf<'a, T>(
        &mut self,
        path: &FieldPath,
        v: &'a str,
        check: impl FnOnce(&'a str) -> Result<T, Rule>,
    ) -> Option<T> {
        match check(v) {
            Ok(x) => Some(x),
            Err(rule) => {
                self.push(Violation::new(path.clone(), rule).with_value(v));
                None
            }
        }
    }

    fn text(&mut self, path: &FieldPath, v: Option<&String>) -> Option<Text> {
        let v = self.required(path, v)?;
        self.leaf(path, v, Text::new)
    }

    /// An optional string: absent, or blank (treated as absent), or checked.
    fn opt<'a, T>(
        &mut self,
        path: &FieldPath,
        v: Option<&'a String>,
        check: impl FnOnce(&'a str) -> Result<T, Rule>,
    ) -> Option<T> {
        let v = v.filter(|s| !s.chars().all(char::is_whitespace))?;
        self.leaf(path, v, check)
    }

    fn opt_text(&mut self, path: &FieldPath, v: Option<&String>) -> Option<Text> {
        self.opt(path, v, Text::new)
    }

    fn date(&mut self, path: &FieldPath, v: Option<&String>) -> Option<NaiveDate> {
        let v = self.required(path, v)?;
        self.leaf(path, v, parse_iso_date)
    }

    fn opt_date(&mut self, path: &FieldPath, v: Option<&String>) -> Option<NaiveDate> {
        self.opt(path, v, parse_iso_date)
    }

    /// A code from a fixed list.
    fn code<T: Copy>(
        &mut self,
        path: &FieldPath,
        v: Option<&String>,
        table: &[(&str, T)],
    ) -> Option<T> {
        let v = self.required(path, v)?;
        match table.iter().find(|(k, _)| k == v) {
            Some((_, x)) => Some(*x),
            None => {
                self.unknown_code(path, v, table.iter().map(|(k, _)| *k));
                None
            }
        }
    }

    fn unknown_code<'a>(
        &mut self,
        path: &FieldPath,
        v: &str,
        allowed: impl Iterator<Item = &'a str>,
    ) {
        let allowed: Vec<&str> = allowed.collect();
        self.push(
            Violation::new(path.clone(), Rule::UnknownCode)
                .with_value(v)
                .with_detail(format!("allowed: {}", allowed.join(", "))),
        );
    }

    /// A list that must not be empty.
    fn non_empty<'a, T>(&mut self, path: &FieldPath, v: Option<&'a Vec<T>>) -> Option<&'a Vec<T>> {
        let v = self.required(path, v)?;
        if v.is_empty() {
            self.violation(path, Rule::EmptyList);
        }
        Some(v)
    }

    /// A goal or service period: start required, end optional, in order.
    fn period(&mut self, path: &FieldPath, v: Option<&DateRangeDoc>) -> Option<Period> {
        let v = self.required(path, v)?;
        let start = self.date(&path.key("start"), v.start.as_ref());
        let end = self.opt_date(&path.key("end"), v.end.as_ref());
        let start = start?;
        match Period::new(start, end) {
            Ok(p) => Some(p),
            Err(rule) => {
                let end_text = v.end.clone().unwrap_or_default();
                self.push(
                    Violation::new(path.key("end"), rule)
                        .with_value(end_text)
                        .with_detail(format!("start {start}")),
                );
                None
            }
        }
    }

    /// Reports `inner` unless it lies within `outer`.
    fn within(
        &mut self,
        path: &FieldPath,
        inner: Option<Period>,
        outer: Option<Period>,
        outer_path: &FieldPath,
    ) {
        if let (Some(i), Some(o)) = (inner, outer)
            && !i.is_within(o)
        {
            self.push(
                Violation::new(path.clone(), Rule::PeriodOutsideParent)
                    .with_value(period_text(i))
                    .with_detail(format!("{outer_path} is {}", period_text(o))),
            );
        }
    }
}

fn period_text(p: Period) -> String {
    match p.end() {
        Some(e) => format!("{}～{}", p.start(), e),
        None => format!("{}～", p.start()),
    }
}

/// Parses an ISO date `YYYY-MM-DD` (exactly that shape) within 1873–2999.
pub(crate) fn parse_iso_date(s: &str) -> Result<NaiveDate, Rule> {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    if !shape {
        return Err(Rule::DateFormat);
    }
    let d = NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| Rule::DateFormat)?;
    check_date_range(d)?;
    Ok(d)
}

fn check_date_range(d: NaiveDate) -> Result<(), Rule> {
    let min = NaiveDate::from_ymd_opt(MIN_DATE.0, MIN_DATE.1, MIN_DATE.2);
    let max = NaiveDate::from_ymd_opt(MAX_DATE.0, MAX_DATE.1, MAX_DATE.2);
    match (min, max) {
        (Some(min), Some(max)) if d >= min && d <= max => Ok(()),
        _ => Err(Rule::DateOutOfRange),
    }
}

const STATUS: &[(&str, PlanStatus)] = &[("draft", PlanStatus::Draft), ("final", PlanStatus::Final)];
const CERT: &[(&str, CertificationStatus)] = &[
    ("certified", CertificationStatus::Certified),
    ("applying", CertificationStatus::Applying),
];
const SEX: &[(&str, Sex)] = &[("male", Sex::Male), ("female", Sex::Female)];

#[derive(Clone, Copy)]
enum Who {
    User,
    Family,
}
const WHO: &[(&str, Who)] = &[("user", Who::User), ("family", Who::Family)];

#[derive(Clone, Copy)]
enum ReasonCode {
    LivingAlone,
    FamilyIllness,
    Other,
}
const REASON: &[(&str, ReasonCode)] = &[
    ("living_alone", ReasonCode::LivingAlone),
    ("family_illness", ReasonCode::FamilyIllness),
    ("other", ReasonCode::Other),
];

/// Care levels that belong to the 介護予防 form, in the spellings met in practice.
fn is_preventive_level(v: &str) -> bool {
    let v = v.trim();
    v.starts_with("support")
        || v.starts_with("要支援")
        || v == "business_target"
        || v == "事業対象者"
        || v == "06"
        || v == "12"
        || v == "13"
}

/// Checks the document and builds the plan, or reports every violation.
pub(crate) fn build(doc: &PlanDocument) -> Result<CarePlan, Error> {
    let mut cx = Ctx {
        violations: Vec::new(),
    };
    let root = FieldPath::root();

    let status = cx.code(&root.key("status"), doc.status.as_ref(), STATUS);

    let p1 = root.key("table1");
    let table1 = cx
        .required(&p1, doc.table1.as_ref())
        .and_then(|t| table1(&mut cx, &p1, t));

    let p2 = root.key("table2");
    let mut ids: HashSet<String> = HashSet::new();
    let table2 = cx
        .required(&p2, doc.table2.as_ref())
        .and_then(|t| table2(&mut cx, &p2, t, &mut ids));

    let p3 = root.key("table3");
    let table3 = cx
        .required(&p3, doc.table3.as_ref())
        .and_then(|t| table3(&mut cx, &p3, t, &ids));

    if let (Some(PlanStatus::Draft), Some(t1)) = (status, doc.table1.as_ref())
        && t1.consent.is_some()
    {
        cx.violation(&p1.key("consent"), Rule::ConsentOnDraft);
    }

    let plan = (|| {
        Some(CarePlan::from_checked_parts(PlanParts {
            status: status?,
            table1: table1?,
            table2: table2?,
            table3: table3?,
        }))
    })();
    match (plan, Error::from_violations(cx.violations)) {
        (_, Some(e)) => Err(e),
        (Some(plan), None) => Ok(plan),
        // A part is missing yet nothing was reported: cannot happen, but is
        // an error, never a panic.
        (None, None) => Err(Error::single(Violation::new(root, Rule::Required))),
    }
}

fn table1(cx: &mut Ctx, p: &FieldPath, t: &Table1Doc) -> Option<Table1> {
    let created_on = cx.date(&p.key("created_on"), t.created_on.as_ref());
    let plan_kinds = plan_kinds(cx, &p.key("plan_kinds"), t.plan_kinds.as_ref());
    let cert_status = cx.code(
        &p.key("certification_status"),
        t.certification_status.as_ref(),
        CERT,
    );

    let pu = p.key("user");
    let user = cx
        .required(&pu, t.user.as_ref())
        .and_then(|u| user(cx, &pu, u));
    let planner_name = cx.text(&p.key("planner_name"), t.planner_name.as_ref());
    let po = p.key("office");
    let office = cx
        .required(&po, t.office.as_ref())
        .and_then(|o| office(cx, &po, o));

    let pd_path = p.key("plan_date");
    let plan_date = cx.date(&pd_path, t.plan_date.as_ref());
    let fp_path = p.key("first_plan_date");
    let first_plan_date = cx.date(&fp_path, t.first_plan_date.as_ref());
    let cd_path = p.key("certification_date");
    let certification_date = cx.date(&cd_path, t.certification_date.as_ref());

    let pp = p.key("certification_period");
    let certification_period = t.certification_period.as_ref().and_then(|r| {
        let start = cx.date(&pp.key("start"), r.start.as_ref());
        let end = cx.date(&pp.key("end"), r.end.as_ref());
        let (start, end) = (start?, end?);
        match DateRange::new(start, end) {
            Ok(r) => Some(r),
            Err(rule) => {
                cx.push(
                    Violation::new(pp.key("end"), rule)
                        .with_value(end.to_string())
                        .with_detail(format!("start {start}")),
                );
                None
            }
        }
    });

    let cl_path = p.key("care_level");
    let care_level = t
        .care_level
        .as_ref()
        .and_then(|v| care_level(cx, &cl_path, v));

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
            Violation::new(pu.key("birth_date"), Rule::DateOrder)
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

    let wishes = wishes(cx, &p.key("wishes"), t.wishes.as_ref());
    let analysis = cx.opt_text(&p.key("analysis"), t.analysis.as_ref());
    let committee_opinion = cx.opt_text(&p.key("committee_opinion"), t.committee_opinion.as_ref());
    let support_policy = cx.opt_text(&p.key("support_policy"), t.support_policy.as_ref());

    let ph = p.key("housework_reason");
    let housework_reason = match t.housework_reason.as_ref() {
        None => Some(None),
        Some(h) => housework_reason(cx, &ph, h).map(Some),
    };

    let pc = p.key("consent");
    let consent = match t.consent.as_ref() {
        None => Some(None),
        Some(c) => {
            let date = cx.date(&pc.key("date"), c.date.as_ref());
            let signer = cx.text(&pc.key("signer"), c.signer.as_ref());
            let proxy_relation = cx.opt_text(&pc.key("proxy_relation"), c.proxy_relation.as_ref());
            (|| {
                Some(Some(Consent {
                    date: date?,
                    signer: signer?,
                    proxy_relation,
                }))
            })()
        }
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
    })
}

fn plan_kinds(cx: &mut Ctx, p: &FieldPath, v: Option<&Vec<String>>) -> Option<PlanKinds> {
    let v = cx.non_empty(p, v)?;
    let mut kinds = Vec::new();
    let mut ok = true;
    for (i, code) in v.iter().enumerate() {
        match PlanKind::from_code(code) {
            Some(k) if kinds.contains(&k) => {
                cx.push(Violation::new(p.index(i), Rule::DuplicateValue).with_value(code));
                ok = false;
            }
            Some(k) => kinds.push(k),
            None => {
                cx.unknown_code(&p.index(i), code, PlanKind::ALL.iter().map(|k| k.code()));
                ok = false;
            }
        }
    }
    if ok { PlanKinds::new(kinds) } else { None }
}

fn care_level(cx: &mut Ctx, p: &FieldPath, v: &str) -> Option<CareLevel> {
    if let Some(l) = CareLevel::from_code(v) {
        return Some(l);
    }
    if is_preventive_level(v) {
        cx.push(Violation::new(p.clone(), Rule::PreventiveCareLevel).with_value(v));
    } else {
        cx.unknown_code(p, v, CareLevel::ALL.iter().map(|l| l.code()));
    }
    None
}

fn user(cx: &mut Ctx, p: &FieldPath, u: &UserDoc) -> Option<User> {
    let name = cx.text(&p.key("name"), u.name.as_ref());
    if let Some(n) = &name
        && n.as_str().chars().count() > crate::MAX_NAME_CHARS
    {
        cx.push(Violation::new(p.key("name"), Rule::NameTooLong).with_value(n.as_str()));
    }
    let name_kana = cx.opt(&p.key("name_kana"), u.name_kana.as_ref(), Kana::new);
    let sex = match u.sex.as_ref().filter(|s| !s.trim().is_empty()) {
        None => None,
        Some(s) => {
            let s = s.clone();
            cx.code(&p.key("sex"), Some(&s), SEX)
        }
    };
    let birth_date = cx.date(&p.key("birth_date"), u.birth_date.as_ref());
    let postal_code = cx.opt(
        &p.key("postal_code"),
        u.postal_code.as_ref(),
        PostalCode::new,
    );
    let address = cx.opt_text(&p.key("address"), u.address.as_ref());
    let pi = p.key("insurer_number");
    let insurer_number = cx
        .required(&pi, u.insurer_number.as_ref())
        .and_then(|v| cx.leaf(&pi, v, InsurerNumber::new));
    let pn = p.key("insured_number");
    let insured_number = cx
        .required(&pn, u.insured_number.as_ref())
        .and_then(|v| cx.leaf(&pn, v, InsuredNumber::new));
    Some(User {
        name: name?,
        name_kana,
        sex,
        birth_date: birth_date?,
        postal_code,
        address,
        insurer_number: insurer_number?,
        insured_number: insured_number?,
    })
}

fn office(cx: &mut Ctx, p: &FieldPath, o: &OfficeDoc) -> Option<Office> {
    let name = cx.text(&p.key("name"), o.name.as_ref());
    let postal_code = cx.opt(
        &p.key("postal_code"),
        o.postal_code.as_ref(),
        PostalCode::new,
    );
    let address = cx.opt_text(&p.key("address"), o.address.as_ref());
    let pn = p.key("office_number");
    let office_number = cx
        .required(&pn, o.office_number.as_ref())
        .and_then(|v| cx.leaf(&pn, v, OfficeNumber::new));
    Some(Office {
        name: name?,
        postal_code,
        address,
        office_number: office_number?,
    })
}

fn wishes(cx: &mut Ctx, p: &FieldPath, v: Option<&Vec<WishDoc>>) -> Option<Vec<Wish>> {
    let Some(v) = v else { return Some(Vec::new()) };
    let mut out = Vec::with_capacity(v.len());
    let mut ok = true;
    for (i, w) in v.iter().enumerate() {
        let pw = p.index(i);
        let who = cx.code(&pw.key("who"), w.who.as_ref(), WHO);
        let text = cx.text(&pw.key("text"), w.text.as_ref());
        let pr = pw.key("relation");
        let relation = w
            .relation
            .as_ref()
            .filter(|r| !r.chars().all(char::is_whitespace));
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
        match (speaker, text) {
            (Some(speaker), Some(text)) => out.push(Wish { speaker, text }),
            _ => ok = false,
        }
    }
    ok.then_some(out)
}

fn housework_reason(
    cx: &mut Ctx,
    p: &FieldPath,
    h: &HouseworkReasonDoc,
) -> Option<HouseworkReason> {
    let code = cx.code(&p.key("code"), h.code.as_ref(), REASON)?;
    let pt = p.key("text");
    let text = h
        .text
        .as_ref()
        .filter(|t| !t.chars().all(char::is_whitespace));
    match (code, text) {
        (ReasonCode::Other, None) => {
            cx.violation(&pt, Rule::OtherReasonWithoutText);
            None
        }
        (ReasonCode::Other, Some(t)) => cx.leaf(&pt, t, Text::new).map(HouseworkReason::Other),
        (_, Some(t)) => {
            cx.push(Violation::new(pt, Rule::TextWithoutOtherReason).with_value(t));
            None
        }
        (ReasonCode::LivingAlone, None) => Some(HouseworkReason::LivingAlone),
        (ReasonCode::FamilyIllness, None) => Some(HouseworkReason::FamilyIllness),
    }
}

fn table2(cx: &mut Ctx, p: &FieldPath, t: &Table2Doc, ids: &mut HashSet<String>) -> Option<Table2> {
    let created_on = cx.opt_date(&p.key("created_on"), t.created_on.as_ref());
    let pn = p.key("needs");
    let needs_doc = cx.non_empty(&pn, t.needs.as_ref())?;
    let mut needs = Vec::with_capacity(needs_doc.len());
    let mut ok = true;
    for (i, n) in needs_doc.iter().enumerate() {
        match need(cx, &pn.index(i), n, ids) {
            Some(n) => needs.push(n),
            None => ok = false,
        }
    }
    if !ok {
        return None;
    }
    Some(Table2 {
        created_on,
        needs: NonEmpty::new(needs)?,
    })
}

fn need(cx: &mut Ctx, p: &FieldPath, n: &NeedDoc, ids: &mut HashSet<String>) -> Option<Need> {
    let text = cx.text(&p.key("text"), n.text.as_ref());
    let pl = p.key("long_term_goals");
    let goals = cx.non_empty(&pl, n.long_term_goals.as_ref());
    let mut out = Vec::new();
    let mut ok = goals.is_some();
    for (i, g) in goals.into_iter().flatten().enumerate() {
        match long_term_goal(cx, &pl.index(i), g, ids) {
            Some(g) => out.push(g),
            None => ok = false,
        }
    }
    let text = text?;
    if !ok {
        return None;
    }
    Some(Need {
        text,
        long_term_goals: NonEmpty::new(out)?,
    })
}

fn long_term_goal(
    cx: &mut Ctx,
    p: &FieldPath,
    g: &LongTermGoalDoc,
    ids: &mut HashSet<String>,
) -> Option<LongTermGoal> {
    let text = cx.text(&p.key("text"), g.text.as_ref());
    let pp = p.key("period");
    let period = cx.period(&pp, g.period.as_ref());
    let ps = p.key("short_term_goals");
    let goals = cx.non_empty(&ps, g.short_term_goals.as_ref());
    let mut out = Vec::new();
    let mut ok = goals.is_some();
    for (i, s) in goals.into_iter().flatten().enumerate() {
        match short_term_goal(cx, &ps.index(i), s, period, &pp, ids) {
            Some(s) => out.push(s),
            None => ok = false,
        }
    }
    let (text, period) = (text?, period?);
    if !ok {
        return None;
    }
    Some(LongTermGoal {
        text,
        period,
        short_term_goals: NonEmpty::new(out)?,
    })
}

fn short_term_goal(
    cx: &mut Ctx,
    p: &FieldPath,
    g: &ShortTermGoalDoc,
    parent: Option<Period>,
    parent_path: &FieldPath,
    ids: &mut HashSet<String>,
) -> Option<ShortTermGoal> {
    let text = cx.text(&p.key("text"), g.text.as_ref());
    let pp = p.key("period");
    let period = cx.period(&pp, g.period.as_ref());
    cx.within(&pp, period, parent, parent_path);
    let ps = p.key("services");
    let services = cx.non_empty(&ps, g.services.as_ref());
    let mut out = Vec::new();
    let mut ok = services.is_some();
    for (i, s) in services.into_iter().flatten().enumerate() {
        match service(cx, &ps.index(i), s, period, &pp, ids) {
            Some(s) => out.push(s),
            None => ok = false,
        }
    }
    let (text, period) = (text?, period?);
    if !ok {
        return None;
    }
    Some(ShortTermGoal {
        text,
        period,
        services: NonEmpty::new(out)?,
    })
}

fn service(
    cx: &mut Ctx,
    p: &FieldPath,
    s: &ServiceDoc,
    parent: Option<Period>,
    parent_path: &FieldPath,
    ids: &mut HashSet<String>,
) -> Option<Service> {
    let pi = p.key("id");
    let id = cx.required(&pi, s.id.as_ref()).and_then(|v| {
        let id = cx.leaf(&pi, v, ServiceId::new)?;
        if ids.insert(v.clone()) {
            Some(id)
        } else {
            cx.push(Violation::new(pi.clone(), Rule::DuplicateServiceId).with_value(v));
            None
        }
    });
    let content = cx.text(&p.key("content"), s.content.as_ref());
    let insured = cx.required(&p.key("insured"), s.insured.as_ref()).copied();
    let service_type = cx.text(&p.key("service_type"), s.service_type.as_ref());
    let pv = p.key("provider");
    let provider = match s.provider.as_ref() {
        None => Some(None),
        Some(pr) => {
            let name = cx.text(&pv.key("name"), pr.name.as_ref());
            let office_number = cx.opt(
                &pv.key("office_number"),
                pr.office_number.as_ref(),
                OfficeNumber::new,
            );
            let bad_number = pr
                .office_number
                .as_ref()
                .is_some_and(|n| !n.trim().is_empty())
                && office_number.is_none();
            if bad_number {
                None
            } else {
                name.map(|name| {
                    Some(Provider {
                        name,
                        office_number,
                    })
                })
            }
        }
    };
    let frequency = cx.opt_text(&p.key("frequency"), s.frequency.as_ref());
    let pp = p.key("period");
    let period = cx.period(&pp, s.period.as_ref());
    cx.within(&pp, period, parent, parent_path);
    Some(Service {
        id: id?,
        content: content?,
        insured: insured?,
        service_type: service_type?,
        provider: provider?,
        frequency,
        period: period?,
    })
}

fn service_ref(
    cx: &mut Ctx,
    p: &FieldPath,
    v: Option<&String>,
    ids: &HashSet<String>,
) -> Result<Option<ServiceId>, ()> {
    let Some(v) = v.filter(|s| !s.trim().is_empty()) else {
        return Ok(None);
    };
    let id = cx.leaf(p, v, ServiceId::new).ok_or(())?;
    if ids.contains(v) {
        Ok(Some(id))
    } else {
        cx.push(Violation::new(p.clone(), Rule::UnknownServiceRef).with_value(v));
        Err(())
    }
}

fn time(cx: &mut Ctx, p: &FieldPath, v: Option<&String>) -> Option<TimeOfDay> {
    let v = cx.required(p, v)?;
    cx.leaf(p, v, TimeOfDay::parse)
}

fn table3(cx: &mut Ctx, p: &FieldPath, t: &Table3Doc, ids: &HashSet<String>) -> Option<Table3> {
    let created_on = cx.opt_date(&p.key("created_on"), t.created_on.as_ref());
    let psf = p.key("starts_from");
    let starts_from = cx
        .required(&psf, t.starts_from.as_ref())
        .and_then(|v| cx.leaf(&psf, v, YearMonth::parse));

    let mut ok = true;
    let pw = p.key("weekly");
    let mut weekly = Vec::new();
    for (i, e) in t.weekly.iter().flatten().enumerate() {
        match weekly_entry(cx, &pw.index(i), e, ids) {
            Some(e) => weekly.push(e),
            None => ok = false,
        }
    }

    let pa = p.key("daily_activities");
    let mut daily_activities = Vec::new();
    for (i, a) in t.daily_activities.iter().flatten().enumerate() {
        let pai = pa.index(i);
        let start = time(cx, &pai.key("start"), a.start.as_ref());
        let pe = pai.key("end");
        let end = cx.opt(&pe, a.end.as_ref(), TimeOfDay::parse);
        let text = cx.text(&pai.key("text"), a.text.as_ref());
        if let (Some(s), Some(e)) = (start, end)
            && s >= e
        {
            cx.push(
                Violation::new(pe.clone(), Rule::TimeOrder)
                    .with_value(e.to_string())
                    .with_detail(format!("start {s}")),
            );
            ok = false;
        }
        let bad_end = a.end.as_ref().is_some_and(|e| !e.trim().is_empty()) && end.is_none();
        match (start, text) {
            (Some(start), Some(text)) if !bad_end => {
                daily_activities.push(DailyActivity { start, end, text })
            }
            _ => ok = false,
        }
    }

    let pn = p.key("non_weekly");
    let mut non_weekly = Vec::new();
    for (i, n) in t.non_weekly.iter().flatten().enumerate() {
        let pni = pn.index(i);
        let text = cx.text(&pni.key("text"), n.text.as_ref());
        let service = service_ref(cx, &pni.key("service"), n.service.as_ref(), ids);
        match (text, service) {
            (Some(text), Ok(service)) => non_weekly.push(NonWeeklyService { text, service }),
            _ => ok = false,
        }
    }

    if !ok {
        return None;
    }
    Some(Table3 {
        created_on,
        starts_from: starts_from?,
        weekly,
        daily_activities,
        non_weekly,
    })
}

fn weekly_entry(
    cx: &mut Ctx,
    p: &FieldPath,
    e: &WeeklyEntryDoc,
    ids: &HashSet<String>,
) -> Option<WeeklyEntry> {
    let service = service_ref(cx, &p.key("service"), e.service.as_ref(), ids);
    let label = cx.opt_text(&p.key("label"), e.label.as_ref());
    let has_service = e.service.as_ref().is_some_and(|s| !s.trim().is_empty());
    let has_label = e
        .label
        .as_ref()
        .is_some_and(|s| !s.chars().all(char::is_whitespace));
    if !has_service && !has_label {
        cx.violation(p, Rule::EntryWithoutTarget);
    }
    let pd = p.key("weekdays");
    let weekdays = cx.non_empty(&pd, e.weekdays.as_ref()).and_then(|days| {
        let mut out = Vec::new();
        let mut ok = !days.is_empty();
        for (i, code) in days.iter().enumerate() {
            match Weekday::from_code(code) {
                Some(d) if out.contains(&d) => {
                    cx.push(Violation::new(pd.index(i), Rule::DuplicateValue).with_value(code));
                    ok = false;
                }
                Some(d) => out.push(d),
                None => {
                    cx.unknown_code(&pd.index(i), code, Weekday::ALL.iter().map(|d| d.code()));
                    ok = false;
                }
            }
        }
        if ok { Weekdays::new(out).ok() } else { None }
    });
    let start = time(cx, &p.key("start"), e.start.as_ref());
    let pe = p.key("end");
    let end = time(cx, &pe, e.end.as_ref());
    let range = match (start, end) {
        (Some(s), Some(en)) => match TimeRange::new(s, en) {
            Ok(r) => Some(r),
            Err(rule) => {
                cx.push(
                    Violation::new(pe, rule)
                        .with_value(en.to_string())
                        .with_detail(format!("start {s}")),
                );
                None
            }
        },
        _ => None,
    };
    if !has_service && !has_label {
        return None;
    }
    Some(WeeklyEntry {
        service: service.ok()?,
        label,
        weekdays: weekdays?,
        time: range?,
    })
}
