//! Writing plans as the standard's send set (送信単位).

use careplan_core::wareki::format_date;
use careplan_core::{
    CarePlan, CertificationStatus, HouseworkReason, Period, PlanKind, Sex, Speaker, TimeOfDay,
};
use chrono::NaiveDate;

use crate::encoding::{Substitutions, carried, encode};
use crate::records::Kind;
use crate::{
    CSV_VERSION, CsvFile, ExportError, ExportOptions, Exported, PlanKey, Substitution, Unencodable,
};

/// A field: raw (codes, dates, numbers; never quoted) or free text (quoted).
enum F {
    Raw(String),
    Text(String),
}

struct Writer<'a> {
    subs: Option<&'a Substitutions>,
    unencodable: Vec<Unencodable>,
    substitutions: Vec<Substitution>,
}

impl Writer<'_> {
    /// Free text, checked character by character against MS932.
    fn text(&mut self, path: &str, s: &str) -> F {
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            if carried(c) {
                out.push(c);
            } else if let Some(&to) = self.subs.and_then(|m| m.get(&c)).filter(|to| carried(**to)) {
                out.push(to);
                self.substitutions.push(Substitution {
                    path: path.to_owned(),
                    from: c,
                    to,
                });
            } else {
                out.push(c);
                if !self
                    .unencodable
                    .iter()
                    .any(|u| u.path == path && u.character == c)
                {
                    self.unencodable.push(Unencodable {
                        path: path.to_owned(),
                        character: c,
                    });
                }
            }
        }
        F::Text(out)
    }

    fn opt_text(&mut self, path: &str, s: Option<&str>) -> F {
        match s {
            Some(s) => self.text(path, s),
            None => F::Text(String::new()),
        }
    }
}

fn raw(s: impl Into<String>) -> F {
    F::Raw(s.into())
}

/// 郵便番号 as written, or blank.
fn postal(p: &Option<careplan_core::PostalCode>) -> F {
    raw(p.as_ref().map(|x| x.as_str()).unwrap_or_default())
}

fn ymd(d: NaiveDate) -> F {
    F::Raw(d.format("%Y%m%d").to_string())
}

fn hhmm(t: TimeOfDay) -> F {
    F::Raw(format!("{:02}{:02}", t.hour(), t.minute()))
}

/// The period as 和暦 text: 令和7年4月1日～令和7年9月30日 (start only: 令和7年4月1日～).
pub(crate) fn period_text(p: Period) -> String {
    let start = format_date(p.start()).unwrap_or_else(|_| p.start().to_string());
    match p.end() {
        Some(e) => format!(
            "{start}～{}",
            format_date(e).unwrap_or_else(|_| e.to_string())
        ),
        None => format!("{start}～"),
    }
}

/// 計画書区分 of the circled kinds.
pub(crate) fn plan_kind_code(i: bool, r: bool, c: bool) -> &'static str {
    match (i, r, c) {
        (true, false, false) => "11",
        (false, true, false) => "12",
        (false, false, true) => "21",
        (true, true, false) => "51",
        (true, false, true) => "52",
        (false, true, true) => "53",
        _ => "54",
    }
}

/// The marker of the user's own wishes in 「…意向を踏まえた課題分析の結果」.
pub(crate) const USER_MARK: &str = "本人";
/// The marker of the analysis text in that field.
pub(crate) const ANALYSIS_MARK: &str = "課題分析の結果";

/// 第1表's one text field for wishes and analysis: each person's wishes on
/// lines of their own opened by 【本人】 or 【続柄】, then 【課題分析の結果】.
pub(crate) fn wishes_field(plan: &CarePlan) -> Option<String> {
    let t1 = plan.table1();
    let mut parts = Vec::new();
    for w in &t1.wishes {
        let who = match &w.speaker {
            Speaker::User => USER_MARK.to_owned(),
            Speaker::Family { relation } => relation.as_str().to_owned(),
        };
        parts.push(format!("【{who}】{}", w.text));
    }
    if let Some(a) = &t1.analysis {
        parts.push(format!("【{ANALYSIS_MARK}】{a}"));
    }
    (!parts.is_empty()).then(|| parts.join("\n"))
}

fn line(fields: Vec<F>) -> String {
    let mut s = String::new();
    for (i, f) in fields.into_iter().enumerate() {
        if i > 0 {
            s.push(',');
        }
        match f {
            F::Raw(r) => s.push_str(&r),
            F::Text(t) => {
                s.push('"');
                s.push_str(&t.replace('"', "\"\""));
                s.push('"');
            }
        }
    }
    s.push_str("\r\n");
    s
}

fn key_fields(plan: &CarePlan) -> (F, F, F) {
    let u = &plan.table1().user;
    (
        raw(CSV_VERSION),
        raw(u.insurer_number.as_str()),
        raw(u.insured_number.as_str()),
    )
}

fn blanks(n: usize) -> impl Iterator<Item = F> {
    (0..n).map(|_| raw(""))
}

fn hosoku(w: &mut Writer, plan: &CarePlan, p: &str) -> String {
    let t1 = plan.table1();
    let u = &t1.user;
    let (v, ins, no) = key_fields(plan);
    let mut f = vec![
        v,
        ins,
        no,
        ymd(t1.plan_date),
        w.opt_text(
            &format!("{p}.table1.user.name_kana"),
            u.name_kana.as_ref().map(|k| k.as_str()),
        ),
        w.text(&format!("{p}.table1.user.name"), u.name.as_str()),
        raw(match u.sex {
            Some(Sex::Male) => "1",
            Some(Sex::Female) => "2",
            None => "",
        }),
        ymd(u.birth_date),
        postal(&u.postal_code),
        w.opt_text(
            &format!("{p}.table1.user.address"),
            u.address.as_ref().map(|a| a.as_str()),
        ),
        F::Text(String::new()),
        raw(""),
        ymd(t1.certification_date),
    ];
    f.extend(certification_period(t1));
    f.push(raw(cert_code(t1.certification_status)));
    f.push(raw(""));
    f.push(care_level_code(t1));
    f.extend(blanks(44));
    f.push(raw("000000"));
    line(f)
}

/// 認定有効期間開始日 and 終了日, or two blanks.
fn certification_period(t1: &careplan_core::Table1) -> [F; 2] {
    match t1.certification_period {
        Some(r) => [ymd(r.start()), ymd(r.end())],
        None => [raw(""), raw("")],
    }
}

/// 要介護状態区分 as the standard's code (21–25), or blank.
fn care_level_code(t1: &careplan_core::Table1) -> F {
    raw(t1
        .care_level
        .map(|l| format!("2{}", l.number()))
        .unwrap_or_default())
}

fn cert_code(s: CertificationStatus) -> &'static str {
    match s {
        CertificationStatus::Applying => "1",
        CertificationStatus::Certified => "2",
    }
}

fn table1(w: &mut Writer, plan: &CarePlan, p: &str) -> String {
    let t1 = plan.table1();
    let (v, ins, no) = key_fields(plan);
    let k = t1.plan_kinds;
    let mut f = vec![
        v,
        ins,
        no,
        ymd(t1.created_on),
        postal(&t1.user.postal_code),
        w.opt_text(
            &format!("{p}.table1.user.address"),
            t1.user.address.as_ref().map(|a| a.as_str()),
        ),
        F::Text(String::new()),
        w.text(
            &format!("{p}.table1.planner_name"),
            t1.planner_name.as_str(),
        ),
        w.text(&format!("{p}.table1.office.name"), t1.office.name.as_str()),
        postal(&t1.office.postal_code),
        w.opt_text(
            &format!("{p}.table1.office.address"),
            t1.office.address.as_ref().map(|a| a.as_str()),
        ),
        F::Text(String::new()),
        raw(t1.office.office_number.as_str()),
        ymd(t1.plan_date),
        ymd(t1.first_plan_date),
        raw(plan_kind_code(
            k.contains(PlanKind::Initial),
            k.contains(PlanKind::Referral),
            k.contains(PlanKind::Continuation),
        )),
        raw(cert_code(t1.certification_status)),
        ymd(t1.certification_date),
    ];
    f.extend(certification_period(t1));
    f.push(care_level_code(t1));
    let wishes = wishes_field(plan);
    f.push(w.opt_text(&format!("{p}.table1.wishes"), wishes.as_deref()));
    f.push(w.opt_text(
        &format!("{p}.table1.committee_opinion"),
        t1.committee_opinion.as_ref().map(|x| x.as_str()),
    ));
    f.push(w.opt_text(
        &format!("{p}.table1.support_policy"),
        t1.support_policy.as_ref().map(|x| x.as_str()),
    ));
    f.push(raw(t1
        .housework_reason
        .as_ref()
        .map(|r| r.number().to_string())
        .unwrap_or_default()));
    f.push(match &t1.housework_reason {
        Some(HouseworkReason::Other(t)) => {
            w.text(&format!("{p}.table1.housework_reason.text"), t.as_str())
        }
        _ => F::Text(String::new()),
    });
    f.push(raw(""));
    f.push(raw(""));
    line(f)
}

fn no(n: usize, path: &str, what: &str) -> Result<F, ExportError> {
    if (1..=99).contains(&n) {
        Ok(raw(n.to_string()))
    } else {
        Err(ExportError::TooMany {
            path: path.to_owned(),
            what: what.to_owned(),
        })
    }
}

fn table2(w: &mut Writer, plan: &CarePlan, p: &str, repeat: bool) -> Result<String, ExportError> {
    let mut s = String::new();
    let created = plan.table2_created_on();
    for (ni, n) in plan.table2().needs.iter().enumerate() {
        let pn = format!("{p}.table2.needs[{ni}]");
        let mut goal_no = 0usize;
        let mut first_in_need = true;
        for (li, l) in n.long_term_goals.iter().enumerate() {
            let pl = format!("{pn}.long_term_goals[{li}]");
            let mut first_in_long = true;
            for (si, g) in l.short_term_goals.iter().enumerate() {
                let ps = format!("{pl}.short_term_goals[{si}]");
                goal_no += 1;
                let mut first_in_short = true;
                for (xi, x) in g.services.iter().enumerate() {
                    let px = format!("{ps}.services[{xi}]");
                    let (v, ins, no_) = key_fields(plan);
                    let show_need = repeat || first_in_need;
                    let show_long = repeat || first_in_long;
                    let show_short = repeat || first_in_short;
                    let f = vec![
                        v,
                        ins,
                        no_,
                        ymd(created),
                        ymd(plan.table1().plan_date),
                        no(ni + 1, &pn, "課題")?,
                        if show_need {
                            w.text(&format!("{pn}.text"), n.text.as_str())
                        } else {
                            F::Text(String::new())
                        },
                        no(goal_no, &ps, "援助目標")?,
                        if show_long {
                            w.text(&format!("{pl}.text"), l.text.as_str())
                        } else {
                            F::Text(String::new())
                        },
                        if show_short {
                            w.text(&format!("{ps}.text"), g.text.as_str())
                        } else {
                            F::Text(String::new())
                        },
                        if show_long {
                            F::Text(period_text(l.period))
                        } else {
                            F::Text(String::new())
                        },
                        if show_short {
                            F::Text(period_text(g.period))
                        } else {
                            F::Text(String::new())
                        },
                        no(xi + 1, &px, "援助内容")?,
                        w.text(&format!("{px}.content"), x.content.as_str()),
                        raw(if x.insured { "Y" } else { "N" }),
                        w.text(&format!("{px}.service_type"), x.service_type.as_str()),
                        raw(x
                            .provider
                            .as_ref()
                            .and_then(|pr| pr.office_number.as_ref())
                            .map(|o| o.as_str())
                            .unwrap_or_default()),
                        w.opt_text(
                            &format!("{px}.provider.name"),
                            x.provider.as_ref().map(|pr| pr.name.as_str()),
                        ),
                        w.opt_text(
                            &format!("{px}.frequency"),
                            x.frequency.as_ref().map(|f| f.as_str()),
                        ),
                        F::Text(period_text(x.period)),
                        raw(""),
                        raw(""),
                    ];
                    s.push_str(&line(f));
                    first_in_need = false;
                    first_in_long = false;
                    first_in_short = false;
                }
            }
        }
    }
    Ok(s)
}

/// The text a weekly block shows: its label, or its service's サービス種別.
pub(crate) fn weekly_text(plan: &CarePlan, e: &careplan_core::WeeklyEntry) -> String {
    match (&e.label, &e.service) {
        (Some(l), _) => l.as_str().to_owned(),
        (None, Some(id)) => plan
            .table2()
            .service(id)
            .map(|s| s.service_type.as_str().to_owned())
            .unwrap_or_default(),
        (None, None) => String::new(),
    }
}

fn table3(w: &mut Writer, plan: &CarePlan, p: &str) -> String {
    let mut s = String::new();
    let created = plan.table3_created_on();
    let t3 = plan.table3();
    let head = |plan: &CarePlan| {
        let (v, ins, no) = key_fields(plan);
        vec![v, ins, no, ymd(created), ymd(plan.table1().plan_date)]
    };
    for (i, e) in t3.weekly.iter().enumerate() {
        let text = weekly_text(plan, e);
        for d in e.weekdays.iter() {
            let mut f = head(plan);
            f.push(w.text(&format!("{p}.table3.weekly[{i}]"), &text));
            f.push(raw((d.index() + 1).to_string()));
            f.push(hhmm(e.time.start()));
            f.push(hhmm(e.time.end()));
            f.push(F::Text(String::new()));
            f.extend(blanks(2));
            f.push(F::Text(String::new()));
            s.push_str(&line(f));
        }
    }
    for (i, a) in t3.daily_activities.iter().enumerate() {
        let mut f = head(plan);
        f.push(F::Text(String::new()));
        f.extend(blanks(3));
        f.push(w.text(
            &format!("{p}.table3.daily_activities[{i}].text"),
            a.text.as_str(),
        ));
        f.push(hhmm(a.start));
        f.push(hhmm(a.end.unwrap_or(a.start)));
        f.push(F::Text(String::new()));
        s.push_str(&line(f));
    }
    for (i, n) in t3.non_weekly.iter().enumerate() {
        let mut f = head(plan);
        f.push(F::Text(String::new()));
        f.extend(blanks(3));
        f.push(F::Text(String::new()));
        f.extend(blanks(2));
        f.push(w.text(&format!("{p}.table3.non_weekly[{i}].text"), n.text.as_str()));
        s.push_str(&line(f));
    }
    s
}

fn file_name(kind: Kind, opts: &ExportOptions) -> String {
    let month = if kind == Kind::Hosoku { "000000_" } else { "" };
    format!(
        "{}_{month}{}_{}_{}_{}_{}.CSV",
        kind.prefix(),
        opts.from.office,
        opts.from.service_kind,
        opts.to.office,
        opts.to.service_kind,
        opts.timestamp
    )
}

/// Writes the plans as one send set: UPHOSOKU, UP1KYO, UP2KYO and UP3KYO
/// with one shared timestamp, every plan's records in each file. Nothing is
/// returned unless every character could be written (or substituted by the
/// caller's map).
pub fn export(plans: &[CarePlan], opts: &ExportOptions) -> Result<Exported, ExportError> {
    if plans.is_empty() {
        return Err(ExportError::NoPlans);
    }
    let mut w = Writer {
        subs: opts.substitutions.as_ref(),
        unencodable: Vec::new(),
        substitutions: Vec::new(),
    };
    let (mut h, mut one, mut two, mut three) =
        (String::new(), String::new(), String::new(), String::new());
    for (i, plan) in plans.iter().enumerate() {
        let p = format!("plans[{i}]");
        h.push_str(&hosoku(&mut w, plan, &p));
        one.push_str(&table1(&mut w, plan, &p));
        two.push_str(&table2(&mut w, plan, &p, opts.repeat_values)?);
        three.push_str(&table3(&mut w, plan, &p));
    }
    if !w.unencodable.is_empty() {
        return Err(ExportError::Unencodable(w.unencodable));
    }
    let files = [
        (Kind::Hosoku, h),
        (Kind::T1, one),
        (Kind::T2, two),
        (Kind::T3, three),
    ]
    .into_iter()
    .map(|(k, text)| CsvFile {
        name: file_name(k, opts),
        bytes: encode(&text),
    })
    .collect();
    Ok(Exported {
        files,
        substitutions: w.substitutions,
    })
}

/// Writes DLT1KYO: the withdrawal of plans already sent.
pub fn export_withdrawal(keys: &[PlanKey], opts: &ExportOptions) -> Result<Exported, ExportError> {
    if keys.is_empty() {
        return Err(ExportError::NoPlans);
    }
    let mut text = String::new();
    for k in keys {
        text.push_str(&line(vec![
            raw(CSV_VERSION),
            raw(k.insurer.as_str()),
            raw(k.insured.as_str()),
            ymd(k.plan_date),
        ]));
    }
    Ok(Exported {
        files: vec![CsvFile {
            name: file_name(Kind::Delete, opts),
            bytes: encode(&text),
        }],
        substitutions: Vec::new(),
    })
}
